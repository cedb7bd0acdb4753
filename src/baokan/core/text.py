"""Character classes and punctuation tables shared by every heuristic.

Nothing here changes text; it only says what a character or a line is.  Chinese is
not English: these tables exist so that no heuristic ever needs NFKC (which would turn
``，`` into ``,``).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable

import regex

HAN = r"\p{Han}"
#: ``regex``'s ``\p{Han}`` (the Han script) spelled out as the body of a character class,
#: for patterns compiled with the standard library's ``re``, whose call costs about half a
#: ``regex`` one (``regex`` also lets the interpreter lock go and takes it back on every
#: call).  Code point for code point the same as ``regex`` 2026.11.19's (the lowest the
#: project takes; tests/test_char_classes.py checks all of them against ``regex``).  Not
#: for a pattern that opens on a look-behind (``re`` tries it at every position:
#: ``fold-spacing``'s cost more there), and each ``re`` class of it costs a few
#: milliseconds to compile at import.
HAN_CLASS = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029"
             "\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
             "\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6\U00020000-\U0002a6df"
             "\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
             "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a"
             "\U00031350-\U00033479")
#: ``regex``'s ``\s`` (Unicode white space), every character of it: to strip with, and the
#: body of a character class for patterns compiled with ``re`` (whose ``\s`` takes the
#: separators ``\x1c``-``\x1f`` too): see :data:`HAN_CLASS`.
WHITE_CHARS = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) \
    + "\u2028\u2029\u202f\u205f\u3000"
#: :data:`WHITE_CHARS` as the body of a character class.
WHITE_CLASS = WHITE_CHARS
#: Chinese (full-width) punctuation and the ASCII punctuation that dumps put in its place.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～〔〕﹏"
#: Punctuation that closes a sentence (the closing marks that may follow it: :data:`CLOSERS`).
SENTENCE_END = "。！？!?…"

# -- opening marks: the one vocabulary every use of "a mark that opens" derives from
#: Marks that open a quotation: double and single curly quotes, the corner brackets
#: (``「」『』``) some papers quote with.  (A straight ``"`` says neither open nor close:
#: each use decides it from context.)
OPENING_QUOTES = "“‘「『"
#: The mark that opens a title of a work (书名号: ``《人民日报》``).
OPENING_TITLE_MARKS = "《"
#: Round brackets (full-width and ASCII) that open an aside or a note (``（记者 X）``).
OPENING_PARENS = "（("
#: Brackets that open an aside, a note or a label: the round ones, square lenticular
#: ``【】`` and tortoise-shell ``〔〕`` (``【新闻链接】``, ``〔2024〕``).
OPENING_BRACKETS = OPENING_PARENS + "【〔"
#: Every opening mark: a line or a text ending on one has its phrase still to come.
OPENING_MARKS = OPENING_QUOTES + OPENING_TITLE_MARKS + OPENING_BRACKETS
#: The mark that closes each opening mark (``“`` → ``”``).
CLOSING_MARK_OF = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")",
                   "【": "】", "〔": "〕"}
#: Every closing mark (of :data:`OPENING_MARKS`, in its order).
CLOSING_MARKS = "".join(CLOSING_MARK_OF[ch] for ch in OPENING_MARKS)
#: Marks that close a quotation (the closing marks of :data:`OPENING_QUOTES`).
CLOSING_QUOTES = "".join(CLOSING_MARK_OF[ch] for ch in OPENING_QUOTES)
#: The closing marks that may follow a sentence's end (``。”``, ``！）``): every closing
#: mark, and the straight quotes (``"`` and ``'``), which may close.
CLOSERS = CLOSING_MARKS + "\"'"

#: The marks that part clauses inside a sentence (the colon, which may end a kicker or
#: introduce a list, is not among them): text holding one is prose, a line ending on one
#: stops mid-sentence.
CLAUSE_MARKS = "，、；,;"
#: Any of `CLAUSE_MARKS`.
CLAUSE_MARK = re.compile("[" + CLAUSE_MARKS + "]")
#: The marks a paper sets before a column's name or a title line of its own (``◆百姓身边事``,
#: ``【法治在线】``, ``■记者观察``): a line opening on one is a label or a head, not prose.
COLUMN_MARKS = "■◆◇【●□▲★☆◎"
#: The marks a label line (:func:`label_pattern`) may open on, and the brackets it may
#: close with: not ``COLUMN_MARKS`` (the label patterns never took its hollow and star
#: marks, and take the ASCII bracket; one set for both would change what reads as a label).
LABEL_OPENERS = "■●◆▲【["
LABEL_CLOSERS = "】]"
#: A regex class of one of ``LABEL_OPENERS`` (a notice's header opens on them too).
LABEL_OPENER = f"[{regex.escape(LABEL_OPENERS)}]"
#: A label holds at least this many letters (one letter is a mark or a stray glyph).
MIN_LABEL_LETTERS = 2


def label_pattern(max_letters: int) -> regex.Pattern[str]:
    """A whole line that is a label (``简讯``, ``■一线见闻``, ``【公告专栏】``): Han letters
    alone, ``MIN_LABEL_LETTERS`` to ``max_letters`` of them, after at most one of
    ``LABEL_OPENERS`` and before at most one of ``LABEL_CLOSERS``.  Each caller says how
    long a label of its own kind runs."""
    return regex.compile(f"^{LABEL_OPENER}?"
                         f"\\p{{Han}}{{{MIN_LABEL_LETTERS},{max_letters}}}"
                         f"[{regex.escape(LABEL_CLOSERS)}]?$")


#: A title line is at most this many character cells: the longest headlines of a column
#: (two-column spreads run to about 30); a longer line is a sentence.
MAX_TITLE_CHARS = 40
#: Punctuation after which a line cannot end a paragraph: the sentence goes on (a clause
#: mark, or any opening mark).
CONTINUING = CLAUSE_MARKS + "：:" + OPENING_MARKS
#: The colons: a clause ending on one introduces what follows (a list, a quotation).
INTRODUCING_MARKS = "：:"
#: A text opening on these carries on a clause begun before it: a structural particle, or
#: a mark that follows words (no clause opens with ``的``, ``们``, ``，`` or ``）``).
CANNOT_OPEN_CLAUSE = re.compile(r"^(?:的(?!确)|们|[，。、；：？！,.;:?!）)」』》])")
#: The verbs of saying that name who said a quotation (``刘建国说。``, ``他表示，``): a
#: pattern's alternation, to build the patterns of an attribution from.
SAID = r"(?:说|表示|介绍|称|指出|坦言|告诉记者)"
# -- dashes: the one vocabulary every use of "a dash" derives from
#: Every mark a dump prints where a dash stands: the em dash, hyphen-minus and its
#: full-width form, the en dash, and the horizontal bar (older GB tables map the 破折号
#: there).  The hyphens also lead list items, and are what OCR and some text layers read
#: for many other marks: what a dash means is each use's to decide.
DASHES = "—-－–―"
#: The wide dashes a 破折号 is printed with: the em dash and the horizontal bar.
WIDE_DASHES = "—―"
#: The 破折号 as a page prints it: two em dashes (a kicker's end ``…感慨——``, a subtitle's
#: lead ``——记烟台…``).
DASH_PAIR = "——"
_DASH = "[" + re.escape(DASHES) + "]"
#: A line led by a dash (:data:`DASHES`): a subtitle, a quote's source or a list item.
DASH_START = re.compile("^" + _DASH)
#: A line led by a dash of two marks or more, not spaced (``——``, ``--``): a subtitle's lead.
DOUBLE_DASH_START = re.compile("^" + _DASH + "{2}")
#: A subtitle's lead: a dash of two marks or more, spaced or not (``——``, and ``— —``:
#: pdfminer spaces a title's wide dash), and text after it.
SUBTITLE_LEAD = re.compile("^" + _DASH + f"(?:[{WHITE_CLASS}]?" + _DASH + ")+"
                           f"[{WHITE_CLASS}]*[^{WHITE_CLASS}]")
#: A line led by a wide dash (:data:`WIDE_DASHES`), as a subtitle is (``——记烟台…``,
#: ``— — 香港…``): not the hyphens of :data:`DASH_START`, which lead list items.
WIDE_DASH_START = re.compile("^[" + WIDE_DASHES + "]")
#: Dashes a line may open on (a list item, a dash lead-in): every dash of :data:`DASHES`.
OPENING_DASHES = DASHES
# -- a text closing on a 破折号: the one vocabulary every use of "a kicker ending on a
# dash" derives from.  A line closing on one leads into the line after it: a kicker
# (``…感慨——``), never a headline with a line of its head still to come.  Three readings,
# each kept where it was measured, and they differ in the marks and spaces they take:
# - :data:`DASH_PAIR_END` and :data:`KICKER_END` (which takes a colon too), the strictest:
#   two em dashes, no space; the title lines' shapes (segment-articles' title_lines and
#   the passes that read its shapes);
# - :data:`WIDE_DASH_PAIR_END`: either wide dash, one space between allowed (pdfminer
#   spaces a title's wide dash); segment-articles' dash roles of a settled head
#   (title_roles.settle_dash_roles);
# - :data:`KICKER_DASH_PAIR_END`, the loosest: the full-width hyphen too; join-lines, on
#   the lines as the text layer gave them.
#: The marks a text layer may print a kicker's closing 破折号 with: the wide dashes
#: (:data:`WIDE_DASHES`) and the full-width hyphen; not the ASCII or en dash, which also
#: close rules of furniture and Latin text.
KICKER_DASHES = WIDE_DASHES + "－"


def _closing_dash_pair(marks: str) -> str:
    """The source of a pattern that finds a text closing on a 破折号 printed as two of
    ``marks``, spaced or not (one white space between them at most: pdfminer spaces a
    title's wide dash, ``…刘仲藜— —``), white space after it."""
    mark = "[" + marks + "]"
    return mark + f"[{WHITE_CLASS}]?" + mark + f"[{WHITE_CLASS}]*$"


#: A text closing on the 破折号 as typeset: :data:`DASH_PAIR`, two em dashes with no space
#: between them (not the horizontal bar, not spaced), white space after it.
DASH_PAIR_END = re.compile(DASH_PAIR + f"[{WHITE_CLASS}]*$")
#: A kicker's end as a title line's shape reads it: :data:`DASH_PAIR_END`'s strict 破折号
#: or an introducing colon (:data:`INTRODUCING_MARKS`: ``专家解读：``).
KICKER_END = re.compile(f"(?:{DASH_PAIR}|[{INTRODUCING_MARKS}])[{WHITE_CLASS}]*$")
#: A text closing on a 破折号 of wide dashes (:data:`WIDE_DASHES`), spaced or not
#: (``…刘仲藜— —``); no colon, no hyphen.
WIDE_DASH_PAIR_END = re.compile(_closing_dash_pair(WIDE_DASHES))
#: A text closing on a 破折号 of :data:`KICKER_DASHES` (the wide dashes or the full-width
#: hyphen), spaced or not: :data:`WIDE_DASH_PAIR_END` with the full-width hyphen counted.
KICKER_DASH_PAIR_END = re.compile(_closing_dash_pair(KICKER_DASHES))

# what a line that starts a new clause may open on: an opening mark, a straight quote
# (which may open) or a dash
_OPENING_STARTS = frozenset(OPENING_MARKS + '"' + OPENING_DASHES)

_han_re = regex.compile(HAN)
_not_han_re = re.compile(f"[^{HAN_CLASS}]+")
_SENTENCE_END_CHARS = frozenset(SENTENCE_END)
_inner_punct_re = regex.compile("[，。；：？！,;:?!]")

#: Any visible character that is Chinese text or Chinese punctuation (for spacing rules).
CJK_CHAR = r"[\p{Han}" + regex.escape(CJK_PUNCT) + r"]"


def is_han(ch: str) -> bool:
    """Whether ``ch`` is a Han (Chinese) character."""
    return bool(_han_re.match(ch))


def han_count(text: str) -> int:
    """The number of Han characters in ``text``."""
    return len(_not_han_re.sub("", text))


def display_width(text: str) -> int:
    """Columns ``text`` takes on the printed page: wide (CJK) characters count two."""
    width = 0
    for ch in text:
        if ch in " \t":
            width += 1
        elif unicodedata.east_asian_width(ch) in "WF":
            width += 2
        else:
            width += 1
    return width


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-closing punctuation (``。！？…``, maybe a closing quote)."""
    # what ``_sentence_end_re`` finds, read off the end of the text: asked of every line
    # of every page, and a regex search runs from the start of the line
    core = text.rstrip().rstrip(CLOSERS)
    return core[-1:] in _SENTENCE_END_CHARS or core.endswith("...")


def ends_continuing(text: str) -> bool:
    """Whether ``text`` ends with punctuation that cannot close a paragraph (``，、：``…)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in CONTINUING


def starts_with_opening_mark(text: str) -> bool:
    """Whether ``text``'s first character opens a new clause: an opening mark
    (:data:`OPENING_MARKS`), a straight quote ``"`` or a dash (:data:`OPENING_DASHES`) —
    a quotation, a title in brackets or a list item, not a line carried on."""
    return text[:1] in _OPENING_STARTS  # ("" is in no frozenset: an empty text opens nothing)


def leaves_open(text: str, straight_quotes: bool = False) -> bool:
    """Whether ``text`` opens a quote or bracket (:data:`OPENING_MARKS`) it leaves open at
    its end (a closing mark with nothing open before it is passed over).  With
    ``straight_quotes`` an odd number of straight quotes ``"`` leaves one open too."""
    depth = 0
    for ch in text:
        if ch in OPENING_MARKS:
            depth += 1
        elif ch in CLOSING_MARKS and depth:
            depth -= 1
    return depth > 0 or (straight_quotes and text.count('"') % 2 == 1)


def has_inner_punct(text: str) -> bool:
    """Whether ``text`` holds sentence punctuation (a title rarely holds more than one)."""
    return bool(_inner_punct_re.search(text))


def inner_punct_count(text: str) -> int:
    """How many sentence punctuation marks ``text`` holds."""
    return len(_inner_punct_re.findall(text))


#: :func:`bigrams` of the texts asked about in this parse: the steps ask for the bigrams
#: of the same titles and paragraphs again and again (on the seeds about 107 asks a page
#: on 68 texts), and :class:`BigramMemo` for those of the same paragraphs as
#: ``bigrams`` does.  Each text's entry: its bigrams, and its first and its last Han
#: character ("" if none).  Emptied at the start of every parse (:func:`forget_parse_memos`,
#: called by the pipeline), so one parse never gains from another, and whenever it holds
#: ``_BIGRAM_MEMO_TEXTS`` texts, so it stays small whatever the page (a page asks about
#: fewer than a hundred; the bound is for a caller who never parses).  Bigrams are a
#: function of the text alone, so a memo shared by threads gives each the same answer.
_bigram_memo: dict[str, tuple[frozenset[str], str, str]] = {}
_BIGRAM_MEMO_TEXTS = 2048
#: :func:`line_cells` and :func:`content_length` of the lines asked about in this parse
#: (the steps measure the same lines again and again: on the seeds about 480 asks a page
#: on 330 lines), emptied with the memo of :func:`bigrams` and bounded the same way.
_cells_memo: dict[str, float] = {}
_content_memo: dict[str, float] = {}
#: The most texts each line memo holds before it is emptied: some ten times a page's lines
#: (a seed page asks about some 330), so a page never empties it, and a caller who never
#: parses keeps at most this many texts alive.
_LINE_MEMO_TEXTS = 4096


def forget_parse_memos() -> None:
    """Empty the memos of one parse (:func:`bigrams`, :func:`line_cells`,
    :func:`content_length`): the pipeline calls it at the start of every parse."""
    _bigram_memo.clear()
    _cells_memo.clear()
    _content_memo.clear()


def _bigram_entry(text: str) -> tuple[frozenset[str], str, str]:
    """``text``'s bigrams and its first and last Han character, from the parse's memo."""
    found = _bigram_memo.get(text)
    if found is None:
        if len(_bigram_memo) >= _BIGRAM_MEMO_TEXTS:
            _bigram_memo.clear()
        chars = _not_han_re.sub("", text)
        # pairs made in C, not in a Python loop
        found = (frozenset(map(operator.add, chars, chars[1:])), chars[:1], chars[-1:])
        _bigram_memo[text] = found
    return found


def bigrams(text: str) -> frozenset[str]:
    """The set of adjacent Han character pairs in ``text`` (a cheap topic fingerprint)."""
    return _bigram_entry(text)[0]


class BigramMemo:
    """:func:`bigrams` of one document's texts, each text's worked out once.

    Made by a step for the document it reads and dropped with it (never shared between
    documents): several of a step's questions ask for the bigrams of the same paragraphs,
    alone or joined into an article's body.  A text's bigrams are taken from the parse's
    memo of :func:`bigrams` (the steps before asked for many of the same texts), and kept
    here too, as long as the document is read, whatever that memo holds.
    """

    def __init__(self) -> None:
        # text -> (its bigrams, its first and its last Han character, "" if none)
        self._memo: dict[str, tuple[frozenset[str], str, str]] = {}

    def _entry(self, text: str) -> tuple[frozenset[str], str, str]:
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = _bigram_entry(text)
        return found

    def of(self, text: str) -> frozenset[str]:
        """``bigrams(text)``."""
        return self._entry(text)[0]

    def of_joined(self, texts: Iterable[str]) -> set[str]:
        """``bigrams("".join(texts))``: each text's bigrams, and the pair that each join
        makes of the last Han character before it and the first after it (a text with no
        Han character in it is skipped over, as it is by :func:`bigrams`)."""
        grams: set[str] = set()
        last = ""
        for text in texts:
            own, first, own_last = self._entry(text)
            grams |= own
            if last and first:
                grams.add(last + first)
            last = own_last or last
        return grams


def content_length(text: str) -> float:
    """Printed length in Chinese character cells: a Han character or CJK mark is 1, ASCII ½.

    White space does not count, so a letter-spaced line measures as it is printed.
    """
    found = _content_memo.get(text)
    if found is None:
        if len(_content_memo) >= _LINE_MEMO_TEXTS:
            _content_memo.clear()
        found = _content_memo[text] = \
            visible_chars(text) - 0.5 * len(_narrow_content.findall(text))
    return found


def ends_paragraph(text: str) -> bool:
    """Whether ``text`` ends like a paragraph: a closed sentence, or a dash lead-in ``——``."""
    stripped = text.rstrip()
    return ends_sentence(stripped) or stripped.rstrip(CLOSERS).endswith(DASH_PAIR)


_COMPRESSIBLE = frozenset(CJK_PUNCT) - frozenset("—…")
_QUOTES = "“”‘’"
# counted with C-speed regex scans, not Python loops: these run on every line of every
# page, so they use the standard library's ``re`` with the classes spelled out: ``WHITE_CLASS``
# is ``regex``'s ``\s`` and :data:`HAN_CLASS` its ``\p{Han}`` (both defined above), code
# point for code point (tests/test_char_classes.py checks every one against ``regex``).
# ``re`` against ``regex``: on a class of characters alone, a call of ``re``'s costs about
# half a ``regex`` one (about 4,500 instructions against 8,000 on a line); the patterns
# elsewhere compiled with ``re`` for that point here.
_space = re.compile(f"[{WHITE_CLASS}]")


def has_space(text: str) -> bool:
    """Whether ``text`` holds white space (``regex``'s ``\\s``, at ``re``'s cost)."""
    return _space.search(text) is not None


def visible_chars(text: str) -> int:
    """How many characters of ``text`` are not white space (``regex``'s ``\\s``)."""
    if text.isprintable():  # no white space but the ASCII space: every other is Cc or Z*
        return len(text) - text.count(" ")
    return len(text) - len(_space.findall(text))


_narrow_content = re.compile(f"[^{WHITE_CLASS}\u2e80-\U0010ffff“”‘’—…]")
_narrow_cell = re.compile(
    f"[^{WHITE_CLASS}\u2e80-\U0010ffff—…]|[" + re.escape("".join(sorted(_COMPRESSIBLE))) + "]")
_cjk_marks = re.compile(
    "[" + re.escape("".join(sorted(_COMPRESSIBLE - frozenset(_QUOTES)))) + "]")
_cjk_quotes = re.compile(f"[{_QUOTES}]")


def punct_counts(text: str) -> tuple[int, int]:
    """How many Chinese punctuation marks other than quotes, and how many quote marks,
    ``text`` holds: each counts half a cell in :func:`line_cells`, and takes a whole one
    on a page set without punctuation compression (or in a font with full-width quotes).
    """
    return len(_cjk_marks.findall(text)), len(_cjk_quotes.findall(text))


def line_cells(text: str) -> float:
    """Width of a printed line in character cells, as a column measures it.

    Han characters take a cell; Chinese punctuation and ASCII take half of one, because
    typesetting squeezes punctuation (标点挤压) and narrow characters pair up.  White
    space does not count.  Lines of one column measure alike by this count even when
    they hold different amounts of punctuation.
    """
    found = _cells_memo.get(text)
    if found is None:
        if len(_cells_memo) >= _LINE_MEMO_TEXTS:
            _cells_memo.clear()
        found = _cells_memo[text] = visible_chars(text) - 0.5 * len(_narrow_cell.findall(text))
    return found


# ---------------------------------------------------------------- letter-spacing folding
_gap_split = re.compile(r"([ \t\u3000\u00a0]+)")
_SPACES = " \t\u3000\u00a0"
_CJK_PUNCT_SET = frozenset(CJK_PUNCT)
_latin_number = regex.compile(r"[A-Za-z][0-9.,]*$")


def _han(ch: str) -> bool:
    # \p{Han} by code point, without a regex call: this runs for every gap of a line
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x323AF or ch in "〇々〻")


def _digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def _gap_width(gap: str) -> int:
    # an ideographic space is as wide as a Han character: two ordinary spaces
    return len(gap) + gap.count("\u3000")


def _kept_gaps(parts: list[str], tight: bool = False) -> list[bool]:
    """For each gap of a line split into ``[word, gap, word, gap, …, word]``: whether it
    is kept (as one space) rather than taken out; see :func:`fold_letter_spacing`."""
    count = len(parts) // 2
    han_widths = [_gap_width(parts[2 * k + 1]) for k in range(count)
                  if parts[2 * k] and parts[2 * k + 2]
                  and _han(parts[2 * k][-1]) and _han(parts[2 * k + 2][0])]
    narrow = min(han_widths) if han_widths else 0
    two_level = any(w > narrow for w in han_widths)
    kept: list[bool] = []
    for k in range(count):
        left, gap, right = parts[2 * k], parts[2 * k + 1], parts[2 * k + 2]
        if not left or not right:
            kept.append(False)  # at either end of the line
            continue
        before, after = left[-1], right[0]
        if before in _CJK_PUNCT_SET or after in _CJK_PUNCT_SET:
            kept.append(False)
            continue
        han_before, han_after = _han(before), _han(after)
        digit_before, digit_after = _digit(before), _digit(after)
        if (han_before and digit_after) or (
                digit_before and digit_after and (len(left) == 1 or not _digit(left[-2]))
                and (len(right) == 1 or not _digit(right[1]))):
            kept.append(False)  # 广州 3月, and a number letter-spaced: １ ９ ９ ７
            continue
        if han_after and digit_before:
            # a number padded before Han, unless it belongs to Latin text (Windows 10 和)
            latin = _latin_number.search(left) or (
                k and left.strip("0123456789.,") == "" and parts[2 * k - 2][-1:].isascii()
                and parts[2 * k - 2][-1:].isalpha())
            kept.append(bool(latin))
            continue
        if han_before and han_after and tight:
            kept.append(False)
            continue
        if han_before and han_after and _gap_width(gap) == narrow:
            single = ((len(left) == 1 or not _han(left[-2]))
                      and (len(right) == 1 or not _han(right[1])))
            if single or two_level:
                kept.append(False)
                continue
        kept.append(True)
    return kept


def fold_letter_spacing_text(text: str, *, tight: bool = False) -> str:
    """The text of :func:`fold_letter_spacing`, without the offsets."""
    parts = _gap_split.split(text)
    if len(parts) == 1:
        return text
    kept = _kept_gaps(parts, tight)
    out = [parts[0]]
    for k, keep in enumerate(kept):
        if keep:
            out.append(" ")
        out.append(parts[2 * k + 2])
    return "".join(out)


def fold_letter_spacing(text: str, *, tight: bool = False) -> tuple[str, tuple[int, ...]]:
    """Fold the layout spaces of a line so patterns can be matched on it, keeping word gaps.

    Returns the folded text and, for each of its characters, the index in ``text`` of the
    character it came from (one more entry, ``len(text)``, ends the tuple), so a match on
    the folded text is cut out of ``text`` with :func:`unfold_span`.  A gap goes:

    * next to Chinese punctuation (``本报讯 （记者`` → ``本报讯（记者``);
    * between a Han character and a number (``3 月 10 日`` → ``3月10日``), unless the number
      follows Latin text;
    * between single Han characters set apart by letter-spacing (``本 报 讯`` → ``本报讯``,
      ``王 恬`` → ``王恬``), as narrow as the narrowest gap of the line;
    * of the narrowest width, when the line also has wider gaps: pdfminer letter-spaces a
      line with single spaces and marks its word gaps with wider ones
      (``通 讯 员  李 德 生`` → ``通讯员 李德生``).

    Any other gap (``本报记者 王恬``: a word gap between names) is kept, as one space;
    gaps at either end go.  With ``tight`` every gap between Han characters goes too: a
    line letter-spaced unevenly (``本 报讯（通 讯员``) reads whole, its word gaps lost.
    Unlike the ``fold-spacing`` heuristic this keeps the gaps that separate names, which
    byline patterns need.
    """
    parts = _gap_split.split(text)
    if len(parts) == 1:
        return text, tuple(range(len(text) + 1))
    kept = _kept_gaps(parts, tight)
    out = [parts[0]]
    offsets = list(range(len(parts[0])))
    pos = len(parts[0])
    for k, keep in enumerate(kept):
        if keep:
            out.append(" ")
            offsets.append(pos)
        pos += len(parts[2 * k + 1])
        word = parts[2 * k + 2]
        out.append(word)
        offsets.extend(range(pos, pos + len(word)))
        pos += len(word)
    offsets.append(len(text))
    return "".join(out), tuple(offsets)


def unfold_span(offsets: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    """The span of the source text that the folded span ``[start, end)`` came from
    (``offsets`` as :func:`fold_letter_spacing` returns them)."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1


# a character of a word (matched on a text's last character alone: searched with ``$``,
# the pattern would try every position of the text)
_word_char_re = regex.compile(r"[\p{Han}\p{L}\p{N}]")


def ends_mid_clause(text: str) -> bool:
    """Whether ``text`` stops inside a clause: on a character of a word, or on a mark
    after which the sentence must go on (``，、：“《``) — a printed line cut by the
    tool or the column, not a paragraph, title or sentence that ends there."""
    stripped = text.rstrip()
    return bool(stripped) and (ends_continuing(stripped)
                               or _word_char_re.match(stripped, len(stripped) - 1) is not None)


#: The tail of a sentence cut by what the page or the tool set inside it (a head, a
#: signed name: ``…的作用日益`` / ``钱文博`` / ``明显。…``): at most this many characters
#: before its full stop, with no clause mark among them.  A body's opening sentence — a
#: subject, a verb and mostly a comma — is far longer; a title or a name has no full stop.
MAX_CUT_TAIL = 6
_cut_tail_end_re = regex.compile(r"[。！？!?]")
_cut_tail_clause_re = regex.compile(r"[，、；：,;:]")


def starts_with_cut_tail(text: str) -> bool:
    """Whether ``text`` opens with the tail of a sentence cut before it (``明显。…``),
    :data:`MAX_CUT_TAIL` characters or fewer up to its full stop and no clause mark."""
    end = _cut_tail_end_re.search(text, 0, MAX_CUT_TAIL + 1)
    return end is not None and end.start() > 0 \
        and not _cut_tail_clause_re.search(text, 0, end.start())
