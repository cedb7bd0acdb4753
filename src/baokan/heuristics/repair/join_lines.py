"""Re-join paragraphs that the extraction tool broke into lines."""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence

import attrs
import regex

from baokan.core.columns import INDENT, InterleaveSettings, PairStats, Piece, junction
from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.drawn_twice import cut_after, doubled_half, same_text
from baokan.core.lexicon import breaks_word
from baokan.core.marks import Stage, Tag
from baokan.core.names import ROLE, ROLE_WORD, is_person_name, photo_credit, split_names
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic
from baokan.core.spans import cut_off_before
from baokan.core.text import (
    CANNOT_OPEN_CLAUSE,
    CLOSERS,
    CLOSING_MARKS,
    CLOSING_QUOTES,
    COLUMN_MARKS,
    DASH_PAIR,
    DASHES,
    DOUBLE_DASH_START,
    HAN_CLASS,
    INTRODUCING_MARKS,
    KICKER_DASH_PAIR_END,
    MAX_TITLE_CHARS,
    OPENING_MARKS,
    OPENING_QUOTES,
    SAID,
    SENTENCE_END,
    SUBTITLE_LEAD,
    WHITE_CLASS,
    content_length,
    ends_continuing,
    ends_paragraph,
    fold_letter_spacing_text,
    has_inner_punct,
    line_cells,
    punct_counts,
    starts_with_opening_mark,
)

_punct_char = regex.compile(r"[\p{P}]")
#: Whether a character is ``_punct_char``, as asked (a function of the character alone:
#: kept across parses, and bounded).
_punct_memo: dict[str, bool] = {}
#: The most characters ``_punct_memo`` holds before it is emptied: the lines of a page end
#: on a few dozen characters, of all pages on a few hundred.
_PUNCT_MEMO_CHARS = 1024


def _ends_punct(text: str) -> bool:
    """``regex.search(r"[\\p{P}]$", text)``, read off the end of ``text`` (a search with
    ``$`` tries every position of the line): a punctuation mark last, or last before a
    final line break."""
    end = len(text) - 1 if not text.endswith("\n") else len(text) - 2
    if end < 0:
        return False
    char = text[end]
    found = _punct_memo.get(char)
    if found is None:
        if len(_punct_memo) >= _PUNCT_MEMO_CHARS:
            _punct_memo.clear()
        found = _punct_memo[char] = _punct_char.match(char) is not None
    return found

# Widths in character cells (see ``line_cells``).  A paragraph's first line is indented
# by two cells; a column's lines reach its width within a cell (punctuation squeezing
# and half-width digits leave a line up to a cell short of it).
#: Off the indent by at most this much, a line is still "exactly indented" (half cells
#: come from half-width digits and squeezed punctuation).
INDENT_TOLERANCE = 0.5
#: A line this much short of the column is short (the least shortfall that is not
#: squeezing): the window around it may straddle a change of column.
SHORT_BY = 1
#: A line this much short of the next line's column makes that next line indented.
NEXT_INDENTED_BY = 1.5
#: Lines that must stand before / after a short line in its window before the window
#: is split at a column change (fewer say nothing about either column's width).
COLUMN_SIDE_BEFORE = 4
COLUMN_SIDE_AFTER = 5
#: Two columns differ when their widths differ by more than this (a column width varies
#: by up to three cells with punctuation; a real change of column grid is wider).
COLUMN_CHANGE = 3
#: The narrowest column a change of columns is believed for (a side narrower than this
#: is a run of short title or byline lines, not a column).
MIN_COLUMN = 8
#: A short line this much longer than the narrow column belongs to the wide one.
WIDE_SIDE_MARGIN = 1.5
#: Lines at most this many cells short of the column are near full: a first line (two
#: cells of indent, a cell of squeezing) or a full one.
NEAR_FULL = 3
#: A first line is indented two cells, and may end up to a cell and a half shorter where
#: a number or word that does not fit went on to the next line; a line shorter still,
#: not at the start of a body nor a piece of a printed line the tool cut, is a title.
FIRST_LINE_SHORT = INDENT + 1.5
#: A line this much short of the column after a blank line is a title, not a first line.
TITLE_SHORT_BY = 4
#: On an OCR pass's dump, a bare line in a box of its own (blank lines before and after)
#: under a column's name standing alone is its headline when this much short of the
#: column: the pass's widths are its guesses, and a headline's type is larger.
OCR_BOX_SHORT_BY = 2
#: The marks that close a clause but not a sentence: a list item (``（一）…的；``) or the
#: line that introduces a list or a quotation (``措施如下：``, ``他说：``).
CLAUSE_ENDS = "；;" + INTRODUCING_MARKS
#: Those of them that introduce what follows (a title may end on one: a kicker).
INTRODUCING_ENDS = INTRODUCING_MARKS
#: A line ending with one of ``CLAUSE_ENDS`` this much short of the column (more than an
#: indent and a cell of squeezing: ``NEAR_FULL``) stops where its paragraph stops: in a
#: column hard-wrapped at its width only a paragraph's last line is set short.
CLAUSE_LINE_SHORT_BY = NEAR_FULL
#: Two pieces of one printed line add up to the column within this many cells.
SPLIT_LINE_SLACK = 2
#: A line this much wider than its column is of another layout (a caption, a spread).
OVERLONG_BY = 3
#: The space between a dateline or byline and the body printed on the same line.
SPLIT_OFF_GAP = 1
#: At most this many bare lines before a byline are its titles (kicker, headline,
#: subtitle).
MAX_TITLE_LINES = 3
#: A paragraph printed on one line with its line breaks kept as spaces tells how it
#: starts only with at least this many printed lines (the inner ones give the column).
MIN_PRINTED_LINES = 3
#: Its first printed line is indented this much (or more) short of the inner lines'
#: median: more than a cell, less than the two of an indent (the median is itself a
#: little short of the column).
PRINTED_INDENT_BY = 1.25
#: … and continues a sentence when within half a cell of that median.
PRINTED_FULL_WITHIN = 0.5
#: A one-line block at most this many cells wider than the column of the dump's
#: paragraphs may be a line of a narrow hard-wrapped stretch (an indent's two cells).
STRETCH_SLACK = 2
#: The lines after a title measured for a body that starts mid-paragraph: the window
#: plus the two lines looked at.
START_LOOKAHEAD = 2
#: A kicker of parallel phrases (对仗: ``防风险 严监管 活实体 促发展``, ``权依责定 财随政走``)
#: may be set a phrase a line: at least this many lines in a row, each the same number of
#: Han characters, from ``PHRASE_CHARS[0]`` to ``PHRASE_CHARS[1]``, with no punctuation.
MIN_PHRASE_LINES = 2
PHRASE_CHARS = (3, 7)


@attrs.frozen
class JoinSettings:
    """Settings of ``join-lines``.

    ``mode``: ``"wrapped"`` for a dump hard-wrapped at the column width (a paragraph is
    many lines), ``"paragraph-per-line"`` for a dump that prints each paragraph on one
    line (only sentences cut by a blank line are re-joined).  ``full_slack``: in wrapped
    mode a line within this many cells of the local column width is full; ``window``:
    how many lines around a line the local column width is measured over;
    ``min_cut_chars``: in paragraph-per-line mode, the shortest line that can be the
    first half of a cut sentence; ``ignore_blank_lines``: the dump puts a blank line
    after every printed line, so blank lines say nothing about paragraphs;
    ``min_wrapped_run``: in paragraph-per-line mode, this many one-line blocks in a row no
    wider than the column are a hard-wrapped stretch and are joined as in wrapped mode;
    ``split_printed_ends``: in paragraph-per-line mode, a line whose printed lines
    survive as spaces is cut where one of them ends a paragraph (:func:`printed_paragraphs`:
    a converter such as pymupdf4llm gives a column's text block as one line, and a block
    may hold several paragraphs, their indents lost); ``continued_after_open_only``: in
    paragraph-per-line mode, a line whose first printed line is as wide as the column
    goes on with a sentence begun elsewhere only if the line before it left its sentence
    open: after a closed one, it starts a paragraph (a converter that gives a text block
    a line, pymupdf4llm, starts a new line at a paragraph's start, and pages that set no
    indent start every paragraph with a full line).  ``room_left``: in wrapped mode, a
    line that closes a sentence and leaves room on it for the next line's first character
    ends its paragraph (never in an OCR pass's dump, whose widths are not the page's).
    """

    mode: str = attrs.field(default="wrapped",
                            validator=attrs.validators.in_(("wrapped", "paragraph-per-line")))
    full_slack: float = 1.0
    window: int = 6
    min_cut_chars: int = 12
    ignore_blank_lines: bool = False
    min_wrapped_run: int = 6
    split_printed_ends: bool = False
    continued_after_open_only: bool = False
    room_left: bool = True


#: A line is in its column for the punctuation-width estimate when it is at most this many
#: cells short of the local width (justified lines keep up to a cell of slack) …
IN_COLUMN_SHORT = 1
#: … or at most this much over it (half a cell of rounding).
IN_COLUMN_OVER = 0.5

Measure = Callable[[str], float]

#: A line that repeats the line before it whole, with at least this many Han characters,
#: is a copy: a title drawn twice (fake bold, the copy offset by a hair) comes out of some
#: tools as each of its lines twice in a row, and the copies must go before the lines are
#: joined (``美国经济`` / ``美国经济`` / ``增速将放缓`` / ``增速将放缓`` is one two-line
#: title, not ``美国经济美国经济…``).  Two Han characters already make a word that no
#: body or list prints twice on consecutive lines; a single one (a vertical title's
#: column, a table's 是 / 是) may well be.
MIN_REPEATED_HAN = 2


#: A line holding one text twice over (``西华：西华：``) is that text drawn twice when
#: each half has at least this many characters (and :data:`MIN_REPEATED_HAN` Han ones):
#: a shorter doubling is a word (谢谢, 哈哈).
MIN_DOUBLED_HALF = 3


#: What a line ends with when it announces the text under it as said or written (``齐声高喊：``
#: / ``中国队加油！中国队加油！``, ``哼起那首歌：`` / ``我和我的祖国`` / ``我和我的祖国``): that
#: text is quoted as it stands, a repetition in it is the slogan's or the song's own.
QUOTE_INTRODUCERS = ("：", ":")


def _introduces(block: Block | None) -> bool:
    """Whether ``block`` announces the text after it (ends with a colon) and is not itself a
    title line drawn twice (``西华：`` over the rest of its headline, both drawn twice)."""
    return block is not None and Tag.DRAWN_TWICE not in block.tags \
        and block.text.rstrip().endswith(QUOTE_INTRODUCERS)


def _once(block: Block) -> Block | None:
    """``block`` with the second copy of a text it holds twice over taken out (a title
    drawn twice and read into one line), or None when it holds no such copy."""
    half = doubled_half(block.text, MIN_DOUBLED_HALF, MIN_REPEATED_HAN)
    return block.with_(text=cut_after(block.text, half)[0].rstrip()) if half else None


def _repeats(block: Block, prev: Block | None) -> bool:
    """Whether ``block`` is the line ``prev`` printed a second time (spaces aside), next
    to it (a blank line at most between)."""
    if prev is None or block.start > prev.end + 2:
        return False
    here, there = block.text.strip(), prev.text.strip()
    if not here or not there or here[0] != there[0] or here[-1] != there[-1]:
        return False  # asked of every line: the cheap test first
    return same_text(here, prev.text, MIN_REPEATED_HAN)


def _measure_of(marks: float, quotes: float, known: dict[str, float] | None = None) -> Measure:
    """The measure that counts each mark and quote ``marks`` and ``quotes`` cells more than
    :func:`line_cells`; ``known`` holds the lengths of the page's lines, already counted."""
    def measure(text: str) -> float:
        if known is not None:
            found = known.get(text)
            if found is not None:
                return found
        n_marks, n_quotes = punct_counts(text)
        return line_cells(text) + marks * n_marks + quotes * n_quotes
    return measure


#: How a page may set its punctuation: the extra half cell each mark and each quote
#: takes beyond :func:`line_cells` (compressed punctuation first: it wins a tie).
_PUNCT_SETTINGS = ((0.0, 0.0), (0.5, 0.0), (0.5, 0.5), (0.0, 0.5))


def _page_measure(texts: Sequence[str], window: int) -> Measure:
    """The width of a line in cells as this page sets punctuation.

    Pages compress Chinese punctuation to half a cell (标点挤压) or set each mark in a
    full cell; fonts set quotes half or full.  Cue: the lines of a column all reach its
    width, so the right count is the one by which the most lines sit at their local
    column width (within a cell of justification slack).
    """
    counts = [(line_cells(t), *punct_counts(t)) for t in texts]
    best, best_score, best_lengths = _PUNCT_SETTINGS[0], -1, [c for c, _, _ in counts]
    for marks, quotes in _PUNCT_SETTINGS:
        lengths = [c + marks * m + quotes * q for c, m, q in counts]
        widths = _window_widths(lengths, window)
        score = sum(1 for n, w in zip(lengths, widths)
                    if w - IN_COLUMN_SHORT <= n <= w + IN_COLUMN_OVER)
        if score > best_score:
            best, best_score, best_lengths = (marks, quotes), score, lengths
    return _measure_of(*best, known=dict(zip(texts, best_lengths)))


#: A page on which at least this share of the lines is letter-spaced is spaced by its
#: tool, glyph by glyph (pdfminer spaces every line of some pages: ``◆ 百 姓 身 边 事``):
#: there spacing says nothing of a line the typesetter stretched to fill its column.
SPACED_PAGE_SHARE = 0.5


def spaced_page(texts: Sequence[str]) -> bool:
    """Whether the lines ``texts`` are of a page letter-spaced by its tool: at least
    :data:`SPACED_PAGE_SHARE` of them hold a letter-spaced run (:data:`_spaced`).  On such a
    page a line is full by its width in cells alone, spaces not counted; elsewhere a
    letter-spaced line is one the typesetter stretched to the column, full whatever its
    length."""
    need = SPACED_PAGE_SHARE * len(texts)
    spaced = 0
    for seen, text in enumerate(texts):
        if spaced + len(texts) - seen < need:
            return False  # the lines left cannot reach the share
        # (a line with no space holds no spaced run: the look that costs nothing first)
        if " " in text and _spaced.search(text):
            spaced += 1
            if spaced >= need:
                return True
    return False


def _joinable(block: Block) -> bool:
    # only lines no heuristic has classified: paragraphs this heuristic made stay as they
    # are, so running it twice is running it once
    return block.kind == Kind.TEXT and block.level is None


def _glue(left: str, right: str) -> str:
    # an ASCII letter or digit on both sides (``[A-Za-z0-9]``, without a regex call)
    if left and right and left[-1].isascii() and left[-1].isalnum() \
            and right[0].isascii() and right[0].isalnum():
        return left + " " + right
    return left + right


def _upper_quartile(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[(3 * (len(ordered) - 1)) // 4]  # the upper quartile, by rank


def _window_widths(lengths: Sequence[float], window: int) -> list[float]:
    """The upper quartile of the lengths within ``window`` lines of each line (the window's
    lengths kept sorted as it slides: bisect, not a sort a line)."""
    n = len(lengths)
    ordered = sorted(lengths[:window + 1])
    out: list[float] = []
    for i in range(n):
        if i > window:
            del ordered[bisect.bisect_left(ordered, lengths[i - window - 1])]
        if i and i + window < n:
            bisect.insort(ordered, lengths[i + window])
        out.append(ordered[(3 * (len(ordered) - 1)) // 4])
    return out


def _local_widths(lengths: Sequence[float], window: int) -> list[float]:
    """The column width around each line: what the longer lines near it reach.

    Where the lines before a line and the lines after it reach clearly different widths,
    the tool went on from one column into a column of another width without a blank
    line; a line short for its window is then measured by the side it fits: the wider
    side if it is longer than the narrower column, else the narrower one (an indented
    first line of the narrow column is not a short line of the wide one).
    """
    n = len(lengths)
    widths = _window_widths(lengths, window)
    for i in range(n):
        if lengths[i] >= widths[i] - SHORT_BY:
            continue  # only a short line
        lo, hi = max(0, i - window), min(n, i + window + 1)
        if i - lo >= COLUMN_SIDE_BEFORE and hi - i >= COLUMN_SIDE_AFTER:
            before = _upper_quartile(lengths[lo:i])
            after = _upper_quartile(lengths[i + 1:hi])
            narrow, wide = min(before, after), max(before, after)
            if wide - narrow > COLUMN_CHANGE and narrow >= MIN_COLUMN:
                widths[i] = wide if lengths[i] > narrow + WIDE_SIDE_MARGIN else narrow
    return widths


#: A line cut inside a number or a name: after a decimal point, a middle dot (阿·努里),
#: a per cent sign or a slash no sentence ends, whatever the width of the line.
_cut_inside = regex.compile(r"[.．·%％/／]\s*$")


def _cut_inside_at_end(text: str) -> bool:
    """Whether ``text`` ends cut inside a number or a name (``_cut_inside``; its last
    character is looked at before the pattern searches the line)."""
    return text.rstrip()[-1:] in ".．·%％/／" and _cut_inside.search(text) is not None
_open_marks = regex.compile("[" + regex.escape(OPENING_MARKS) + "]")
_close_marks = regex.compile("[" + regex.escape(CLOSING_MARKS) + "]")


def _left_open(text: str) -> bool:
    """Whether ``text`` opens more quotes or brackets than it closes: what it opened goes
    on into the next line (``他说：“有了‘电子警察’`` / ``后，我们…”``)."""
    return len(_open_marks.findall(text)) > len(_close_marks.findall(text))


_white = regex.compile(r"\s+")
# a cheap test before the byline shape: a role word's or a credit's character
# (a class of characters alone, asked of most lines: ``re``, see
# ``baokan.core.text.WHITE_CLASS``; so is ``_any_punct``)
_byline_char = re.compile(r"[记讯习评撰摄作文图]")


def _fold_spaces(text: str) -> str:
    return _white.sub("", text)


_spaced = regex.compile(r"\p{Han} \p{Han} \p{Han} \p{Han}")


def _dash_led(text: str) -> bool:
    """Whether ``text`` opens with a dash of two marks or more (its first character is
    looked at before the pattern: this is asked of most lines)."""
    return text[:1] in DASHES and DOUBLE_DASH_START.match(text) is not None


#: The characters of a line's head that are folded to read a letter-spaced dash pair
#: (``— — 记者手记``): the pair and a little more.
SPACED_LEAD_CHARS = 8


def _spaced_dash_led(text: str) -> bool:
    """Whether ``text`` opens with a dash pair a tool letter-spaced (``— —记者手记``,
    ``— — 访…``): its head read with the letter-spacing folded
    (:func:`~baokan.core.text.fold_letter_spacing_text`) opens with a dash of two marks,
    the line itself does not."""
    return text[:1] in DASHES and DOUBLE_DASH_START.match(text) is None \
        and DOUBLE_DASH_START.match(fold_letter_spacing_text(text[:SPACED_LEAD_CHARS])) is not None


def _dash_led_loosely(text: str) -> bool:
    """:data:`~baokan.core.text.SUBTITLE_LEAD` matches ``text`` (its first character is
    looked at first)."""
    return text[:1] in DASHES and SUBTITLE_LEAD.match(text) is not None
_any_punct = re.compile(r"[，。、；：？！,;:?!…]")
#: A column's name behind its mark on a line of its own (``◆百姓身边事``, ``【法治在线】``,
#: ``◇简讯◇``): a label standing over a head, never a line of a paragraph run on into the
#: next (nor the end of the one before).
_COLUMN_LABEL = re.compile("^[" + COLUMN_MARKS + r"]\s*[" + HAN_CLASS + r"]{2,8}\s*[】◇■◆]?$")
# a line that only says who said the quotation before it (``刘建国说。``, ``学生朵朵的家长说。``)
_attribution_line = regex.compile(r"[^。！？，“”\"\s]{1,20}?" + SAID + r"[。.]")
#: A head's colon after a place, a name or a topic of two to four characters that opens
#: the line (``审计：实行监督的最好武器``, ``太康：强化“五举措”…``), with text after it (a
#: line ending on a colon introduces what follows; prose puts a colon after a clause).
_head_colon = regex.compile(r"^(\s*\p{Han}{2,4})：(?=\S)")
#: A line opening on a word's last character and a mark (``钱”，如何…``, ``的 。农场…``),
#: or on its last two and a full stop (``负担。”3月…``), carries on the sentence of the
#: line above it: that line is prose, never a title.
_sentence_tail = regex.compile(r"^\p{Han}[\s" + regex.escape(CLOSERS) + r"]*[，。、；：！？,;:!?]"
                               r"|^\p{Han}{2}[。！？!?]")


#: What stands before a byline's role word (core/names' ROLE_WORD) on its line is the
#: organisation (本报, a paper's or a county media centre's name, a brand·paper pair: at
#: most MAX_BYLINE_ORG Han characters).
MAX_BYLINE_ORG = 12
_NAME_LIST = r"(?P<names>\p{Han}{1,4}(?:[\s、，,]+\p{Han}{1,4})*)"
_byline_shape = regex.compile(
    r"^(?:[\p{Han}·]{0," + str(MAX_BYLINE_ORG) + r"}?(?:" + ROLE_WORD + r")[\s:：/]*"
    r"|[文图](?:/[文图])?\s*/\s*)" + _NAME_LIST + "$")
# a character that neither ``_byline_shape`` nor ``_credit_shape`` takes anywhere (their
# role words and names are Han; a quick look before them, each a costly match: ``re``,
# with ``regex``'s classes spelled out)
_not_in_byline_shape = re.compile(f"[^{HAN_CLASS}{WHITE_CLASS}·:：/、，,]")
_credit_shape = regex.compile(r"^" + _NAME_LIST + r"(?:\s*/\s*(?:文|图|摄|文/图)|\s*摄|\s+文/图)$")


def byline_shaped(text: str) -> bool:
    """Whether a line is a byline or credit by its shape, whether or not its form is one
    find-bylines knows: an organisation, a role word and names and nothing else
    (``嘉鱼县融媒体记者 王文东``, ``P记者 X``), ``文/X``, ``X/文``, ``X 摄``.  Such a line
    is never the continuation of a paragraph, nor continued by one."""
    text = text.strip()
    if _not_in_byline_shape.search(text):  # a character neither shape takes: most lines
        return False
    m = _byline_shape.match(text) or _credit_shape.match(text)
    return m is not None and bool(split_names(ROLE.sub(" ", m["names"])))


def _boxed_kicker_heads(run: Sequence[Block], bare: Callable[[int], bool]) -> set[int]:
    """On an OCR pass's dump, whose blank lines stand between the boxes it reads: a kicker
    closing on its dash in a box of its own (no longer than a title line,
    ``MAX_TITLE_CHARS``), over a box of one or more bare lines up to
    ``MAX_TITLE_LINES - 1`` (its headline, on two lines where the measure broke it), with
    a blank line or the run's end after that box: the kicker and the headline's lines are
    titles, not lines of the paragraph before them, whose last line the pass left open
    (``…说，`` / ``X——`` / ``Y`` / ``Z`` / ``1997年3月6日，…``: the sentence goes on in
    another column)."""
    out: set[int] = set()
    for k in range(len(run) - 1):
        if not (run[k].gap_before and run[k + 1].gap_before
                and KICKER_DASH_PAIR_END.search(run[k].text)
                and content_length(run[k].text) <= MAX_TITLE_CHARS):
            continue
        m = k + 1
        while m < len(run) and m - k < MAX_TITLE_LINES and bare(m) \
                and (m == k + 1 or not run[m].gap_before):
            m += 1
        if m > k + 1 and (m == len(run) or run[m].gap_before):
            out.update(range(k, m))
    return out


def _title_lines(run: Sequence[Block], lengths: list[float], widths: list[float],
                 prev: Block | None, nxt: Block | None, settings: JoinSettings,
                 ocr: bool = False) -> set[int]:
    """Lines of a run that are titles although they are as wide as the column.

    After the end of an article, a line with no punctuation at all is a title when the
    line after it is an indented first line (two cells short of the column) and it is
    not such a line itself, and so are two or three such lines in a row over a line short
    of the column (``NEXT_INDENTED_BY``) that can open a clause, with a wider line under
    it (a head as wide as a narrow column over the body's first line); before a
    byline, the lines with no punctuation are titles.
    A line shaped like a byline (:func:`byline_shaped`) stands alone, and the lines
    with no punctuation before it are its article's titles; so are the bare lines clearly
    short of the column right over a subtitle led by a dash (its headline and kicker),
    the bare lines short of it under a line standing alone far short of it (a column's
    name or a kicker, then the headline, over the body's punctuated first line), and a
    bare line between a line closing on a kicker's dash (``——``) and a punctuated one
    (the kicker's headline, over its body's first line).  On an OCR pass's dump
    (``ocr``), whose blank lines stand between the boxes it reads, the line standing alone
    over such a headline is its column's name even after a line left open: the pass
    read the rest of that sentence elsewhere (a caption or column cut off beside the head),
    and so are a kicker closing on its dash in a box of its own and the box of bare lines
    under it, its headline (:func:`_boxed_kicker_heads`).
    """
    titles: set[int] = set()

    def bare(i: int) -> bool:
        return not _any_punct.search(run[i].text) and not ends_paragraph(run[i].text)

    def bare_head(i: int) -> bool:
        """Bare but for one head's colon: over a byline, a colon-led head is as bare."""
        return bare(i) or (not ends_paragraph(run[i].text)
                           and not _any_punct.search(_head_colon.sub(r"\1", run[i].text, count=1)))

    if prev is None or prev.closes_article:
        i = 0
        while i < len(run) - 1 and bare(i):
            indented_self = abs(lengths[i] - (widths[i] - INDENT)) <= INDENT_TOLERANCE
            next_indented = lengths[i + 1] <= widths[i + 1] - NEXT_INDENTED_BY
            if indented_self or not next_indented:
                break
            titles.add(i)
            i += 1
        if i == 0:
            # a head of two or three bare lines over the body's first line, short of the
            # column (a wider line under it): ``罗布泊可望找到淡水阿其`` / ``克谷地勘查出
            # 淡水富存区`` / ``记得自己小时候，最羡`` / ``慕的职业就是…``.  No paragraph
            # opens on a line as wide as its column, nor sets bare lines over its own
            # indented first line (the one-line head is the loop above).  Lines of one
            # box only: where the dump sets blank lines between boxes, they say more
            # than widths do
            def head_line_over(k: int) -> bool:
                """Line ``k - 1`` a bare, unindented head line with lines ``k`` and
                ``k + 1`` in its box."""
                return bare(k - 1) and not run[k].gap_before and not run[k + 1].gap_before \
                    and abs(lengths[k - 1] - (widths[k - 1] - INDENT)) > INDENT_TOLERANCE

            k = 1
            while k < len(run) - 1 and k <= MAX_TITLE_LINES and head_line_over(k) \
                    and lengths[k] > widths[k] - NEXT_INDENTED_BY:
                k += 1
            if 2 <= k <= MAX_TITLE_LINES and k < len(run) - 1 and head_line_over(k) \
                    and lengths[k] <= widths[k] - NEXT_INDENTED_BY \
                    and lengths[k + 1] > lengths[k] and not ends_paragraph(run[k].text) \
                    and not CANNOT_OPEN_CLAUSE.match(run[k].text.strip()):
                titles.update(range(k))
    if nxt is not None and nxt.opens_article:
        i = len(run) - 1
        while i >= 0 and len(run) - i <= MAX_TITLE_LINES and bare_head(i):
            titles.add(i)
            i -= 1
    for k in range(1, len(run)):
        # a subtitle led by a dash (``——访…``) stands under its headline: the bare lines
        # right over it, clearly short of the column, are that headline (and its kicker),
        # not the end of the paragraph before them
        lead = run[k].text.strip()
        if _dash_led_loosely(lead) and not ends_paragraph(run[k].text):
            i = k - 1
            while i >= 0 and k - i < MAX_TITLE_LINES and bare(i) and i not in titles \
                    and lengths[i] < widths[i] - NEAR_FULL:
                titles.add(i)
                i -= 1
    for k in range(1, len(run) - 1):
        # a line standing alone far short of the column (a column's name, a kicker), a
        # blank line, then bare lines clearly short of it, none left open, over a
        # punctuated one: the headline under it (``真抓实干在基层`` / ``刘志祥与他的扶贫户``
        # / ``在革命老区…，``), not an indented first line — a paragraph opens with one
        # line short, not several
        if not (run[k].gap_before and run[k - 1].gap_before and bare(k - 1) and bare(k)
                and lengths[k - 1] <= widths[k - 1] - TITLE_SHORT_BY
                and (k == 1 or k - 2 in titles or ends_paragraph(run[k - 2].text)
                     or (ocr and bool(run[k - 1].gap_before)))
                and not _left_open(run[k - 1].text)):
            continue
        m = k
        while m + 1 < len(run) and m + 1 - k < MAX_TITLE_LINES - 1 and bare(m + 1) \
                and not run[m + 1].gap_before:
            m += 1
        if m + 1 >= len(run) or not _any_punct.search(run[m + 1].text) \
                or _sentence_tail.match(run[m + 1].text.strip()) \
                or _left_open("".join(run[i].text for i in range(k, m + 1))):
            continue
        # far short, or short like an indented first line but over a line short of the
        # column itself (the body's first line, where the tool kept part of its indent:
        # not full within half the slack, as _starts_mid_paragraph reads a first line)
        # (on an OCR pass's dump, whose boxes the blank lines part: short of the column
        # is enough for a headline in a box of its own, its type larger than the body's)
        short_by = OCR_BOX_SHORT_BY if ocr and run[m + 1].gap_before else NEAR_FULL \
            if not run[m + 1].gap_before \
            and lengths[m + 1] <= widths[m + 1] - settings.full_slack / 2 else TITLE_SHORT_BY
        if all(lengths[i] <= widths[i] - short_by for i in range(k, m + 1)):
            titles.update(range(k - 1, m + 1))
    if ocr:
        titles.update(_boxed_kicker_heads(run, bare))
    for k in range(len(run) - 2):
        # a line closing on a kicker's dash leads into its headline: a bare line under it
        # with the body's first line (punctuated) under that is the headline
        # (``…卧薪尝胆再图强——`` / ``通山洪港镇全民植树为家园添绿`` / ``3月11日下午，…``),
        # not the first line of that paragraph, however wide it is.  Not where the dash
        # ends a line of prose (the line before it is cut mid-sentence: ``…研究员接`` /
        # ``着介绍了“九五”国家攀登计划项目———``) or under a subtitle (a kicker stands
        # over its headline, never under a subtitle: that line is a caption's or prose),
        # nor over a second bare line (a headline on two lines, which the lines' shapes
        # decide) — unless that line is body cut inside a word the punctuated line under
        # it finishes (:func:`_cut_in_a_word`: ``…营商环境——`` / ``打造有温度的医保服务`` /
        # ``座谈会由全国政协副主`` / ``席、民革中央…``)
        # (or over a bare line, where the kicker is set across the columns, wider than
        # any, and the line under it, standing alone, short of the column: a column's
        # line the tool set after the head, cut mid-word, is as bare as a body's first)
        if KICKER_DASH_PAIR_END.search(run[k].text) and bare(k + 1) \
                and (not bare(k + 2) or (run[k + 1].gap_before and run[k + 2].gap_before
                                         and lengths[k] > widths[k]
                                         and lengths[k + 1] < widths[k + 1])
                     or _cut_in_a_word(run, k + 2)) \
                and (k == 0 or run[k].gap_before or ends_paragraph(run[k - 1].text)
                     or (bare(k - 1) and not _dash_led_loosely(run[k - 1].text))):
            titles.add(k + 1)
    for k, block in enumerate(run):
        if _byline_char.search(block.text) and byline_shaped(block.text):
            titles.add(k)
            i = k - 1
            while i >= 0 and k - i <= MAX_TITLE_LINES and bare_head(i) and i not in titles:
                titles.add(i)
                i -= 1
    return titles


def _whole_credit(text: str) -> bool:
    found = photo_credit(text)
    return found is not None and found[0] == 0


def _jumped(left: Block, right: Block) -> bool:
    """Whether the tool went on from ``left`` to a line printed elsewhere (source lines
    between them that are neither blank nor theirs: a column read out of a side-by-side
    dump ends there, and the next block may be another column's)."""
    return right.start - left.end - 1 != right.gap_before


_phrase = regex.compile(r"^\p{Han}+$")


def _parallel_phrases(run: Sequence[Block]) -> tuple[set[int], set[int]]:
    """The gaps inside a kicker of parallel phrases set a phrase a line, and the gaps after
    one: ``MIN_PHRASE_LINES`` or more lines in a row of the same number of Han characters
    (in ``PHRASE_CHARS``) and nothing else, not all of them a person's name (names
    stacked under a title), and after them a longer line with no punctuation either: the
    headline the kicker stands over.  The phrases are one kicker line; the headline is a
    line of its own (a tool that reads the head line by line runs all of it together)."""
    inside: set[int] = set()
    after: set[int] = set()
    texts = ["".join(b.text.split()) for b in run]
    i = 0
    while i < len(run):
        size = len(texts[i])
        if not (PHRASE_CHARS[0] <= size <= PHRASE_CHARS[1] and _phrase.match(texts[i])):
            i += 1
            continue
        j = i + 1
        while j < len(run) and run[j].gap_before == 0 and len(texts[j]) == size \
                and _phrase.match(texts[j]):
            j += 1
        if (j - i >= MIN_PHRASE_LINES and j < len(run) and run[j].gap_before == 0
                and len(texts[j]) > size and _phrase.match(texts[j])
                and not all(is_person_name(texts[k]) for k in range(i, j))):
            inside.update(range(i, j - 1))
            after.add(j - 1)
        i = j
    return inside, after


#: The marks that close a sentence for the room-left cue (``room_left`` in
#: :func:`_wrapped_breaks`), closing quotes and brackets after them aside.
ROOM_LEFT_ENDS = "。！？!?"
#: The room a gap the tool kept between a Latin word or a number and Chinese text takes
#: on the printed line, in cells (a quarter of a cell or more, set by the printer; a gap
#: between Han characters or beside a mark is a tool's reading of spacing or of a mark's
#: width, which the page measure counts already).
ROOM_GAP = 0.5
# what must fit at the start of the next line: a number or a Latin word whole (never
# split), or one character, with the opening marks before it (an opening mark never
# ends a line)
_first_word = regex.compile("[" + regex.escape(OPENING_MARKS) + r"]*\s*(?:[A-Za-z0-9]+|\S)")
_latin_gap = regex.compile(r"(?<=[A-Za-z0-9%])\s+(?=\S)|(?<=\S)\s+(?=[A-Za-z0-9])")


def _column_measure(lengths: Sequence[float], widths: Sequence[float], i: int,
                    settings: JoinSettings) -> float:
    """The measure of line ``i``'s column: the most common length of the full lines in its
    window (within ``full_slack`` of its local width; of two as common, the shorter).

    The local width (an upper quartile) reaches the lines that hang a mark past the
    measure or squeeze one more character in; most full lines are set to the measure
    exactly.  Asked of few lines (a closed line full by the slack): counted on demand."""
    lo, hi = max(0, i - settings.window), min(len(lengths), i + settings.window + 1)
    least = widths[i] - settings.full_slack
    counts = Counter(n for n in lengths[lo:hi] if n >= least)
    if not counts:
        return widths[i]
    top = max(counts.values())
    return min(n for n, c in counts.items() if c == top)


@attrs.frozen
class _Breaks:
    """What :func:`_wrapped_breaks` reads off a run.  ``ends``: for each gap between run[i]
    and run[i+1], whether a paragraph ends there; ``lengths`` and ``widths``: each line's
    length and its local column's width, in cells; ``indented``: the lines that open a
    paragraph by their indent alone after a sentence left open (tagged
    ``starts:indented``); ``after_closed``: the lines that open a paragraph after a closed
    sentence, in order (measured by :func:`_flush_starts`); ``flush``: the lines that open a
    paragraph after a clause's short last line (tagged ``starts:flush``: the same story
    goes on, the next item of a list)."""

    ends: list[bool]
    lengths: list[float]
    widths: list[float]
    indented: list[int]
    after_closed: list[int]
    flush: list[int]


def _cut_in_a_word(run: Sequence[Block], j: int) -> bool:
    """Whether ``run[j]`` is a printed line of body text cut inside a word that the
    punctuated line right under it finishes (``座谈会由全国政协副主`` / ``席、民革中央…``:
    主席, by general Chinese: :func:`~baokan.core.lexicon.breaks_word`): a head breaks its lines between
    phrases, so such a line, however bare, is no second line of a headline."""
    if j + 1 >= len(run) or run[j + 1].gap_before:
        return False
    line, under = run[j].text.strip(), run[j + 1].text.strip()
    return bool(line) and bool(under) and _any_punct.search(under) is not None \
        and breaks_word(line, under)


def _wrapped_breaks(run: Sequence[Block], settings: JoinSettings, prev: Block | None = None,
                    nxt: Block | None = None, measure: Measure = line_cells,
                    phrases: tuple[set[int], set[int]] | None = None,
                    room_cue: bool = False, spacing_tells: bool = True,
                    ocr: bool = False) -> _Breaks:
    """For each gap between run[i] and run[i+1]: does a paragraph end there?  (With what
    the answer read, see :class:`_Breaks`.)

    ``phrases``: :func:`_parallel_phrases` of ``run`` when the caller has it already;
    ``room_cue``: a closed line that left room for the next line's first character ends
    its paragraph (the lines' widths are the page's: not an OCR pass's dump);
    ``spacing_tells``: a letter-spaced line is one stretched to the column, full (not on a
    page its tool spaced glyph by glyph, :func:`spaced_page`)."""
    lengths = [measure(b.text) for b in run]
    if prev is not None and cut_off_before(prev, run[0]):
        # the run starts on a printed line whose head was split off (本报讯, a byline):
        # the line is as wide as both pieces and the space between them
        lengths[0] += measure(prev.text) + SPLIT_OFF_GAP
    widths = _local_widths(lengths, settings.window)
    titles = _title_lines(run, lengths, widths, prev, nxt, settings, ocr)

    def full(i: int) -> bool:
        # a letter-spaced line was stretched by the typesetter to fill the column
        return lengths[i] >= widths[i] - settings.full_slack \
            or (spacing_tells and bool(_spaced.search(run[i].text)))

    def _bare_end(text: str) -> bool:
        text = text.rstrip()
        return not (ends_paragraph(text) or ends_continuing(text)
                    or _ends_punct(text.rstrip(CLOSERS)))

    bare_ends = [_bare_end(b.text) for b in run]
    bare_end = bare_ends.__getitem__
    # the lines led by a dash pair (a subtitle: ``——访…``), and those whose pair a tool
    # letter-spaced (``— —记者手记``) under a bare line (its headline: no punctuation) or
    # first in the run after a title, a byline or a dateline
    head_before = prev is not None and (prev.kind in Kind.TITLES
                                        or prev.kind in (Kind.BYLINE, Kind.DATELINE))
    dash_led = [_dash_led(b.text) or (
        _spaced_dash_led(b.text) and (head_before if k == 0 else (
            not _any_punct.search(run[k - 1].text) and not ends_paragraph(run[k - 1].text))))
        for k, b in enumerate(run)]

    def one_printed_line(j: int, width: float) -> bool:
        """Whether lines j and j + 1 add up to one printed line of ``width``: the tool cut
        a line in two (where its font changes, at a name or a number)."""
        return abs(lengths[j] + lengths[j + 1] - width) <= SPLIT_LINE_SLACK

    def _split_full_line(j: int, near_full: bool) -> bool:
        """A short piece ending in ``：`` or ``，`` that, with the piece after it, fills
        the column: the tool cut one printed line where its font changes (``中指出：`` /
        ``“经过长期努力，中国特色``), after an indented first line."""
        if not near_full or j + 1 >= len(run) or run[j + 1].gap_before \
                or not ends_continuing(run[j].text):
            return False
        return full(j + 1) or one_printed_line(j, widths[j])

    def piece_of_line(j: int) -> bool:
        """Whether line j goes on with the line before it as body: the second piece of a
        printed line the tool cut in two (after a number or a name cut inside, or the two
        add up to the column), or a line as wide as the one before it (the column is
        narrower there, around a picture or a name)."""
        if j == 0 or (j - 1 < len(breaks) and breaks[j - 1]):
            return False
        return _cut_inside_at_end(run[j - 1].text) \
            or one_printed_line(j - 1, widths[j]) \
            or abs(lengths[j - 1] - lengths[j]) <= SHORT_BY

    def title_after_blank(i: int) -> bool:
        """After a blank line (where blank lines mean something), a line far shorter than
        the column is a title."""
        return bool(run[i].gap_before) and not settings.ignore_blank_lines \
            and lengths[i] < widths[i] - TITLE_SHORT_BY

    def stretched_alone(i: int) -> bool:
        """A letter-spaced line full only by its spacing, or before a blank line and a
        title: a stretched fragment whose sentence goes on elsewhere."""
        return spacing_tells and bool(_spaced.search(run[i].text)) and (
            lengths[i] < widths[i] - settings.full_slack or title_after_blank(i + 1))

    # the run opens after a byline or mark that closed an article: its first line opens
    # something new, not the rest of a paragraph cut off before it
    after_close = prev is not None and prev.closes_article

    def first_line(i: int) -> bool:
        """A short line with no closing mark, followed (without a blank line, where blank
        lines mean something) by a full line: the indented first line of a paragraph.  A
        bare line far shorter than an indented one is a title or subhead, unless the run
        opens on it (the rest of a printed line whose head went elsewhere) — but not after
        a byline or mark that closed an article: there it is the next head's column name
        or first line (``基层一线`` / ``第十四条经营者不得有`` / …)."""
        if i + 1 >= len(run) or run[i + 1].text.rstrip().endswith(DASH_PAIR):
            return False
        if title_after_blank(i):
            return False
        if not full(i + 1) and not _split_full_line(i + 1, lengths[i] >= widths[i] - NEAR_FULL):
            return False
        if lengths[i] < widths[i] - FIRST_LINE_SHORT and not _any_punct.search(run[i].text) \
                and not ((i == 0 and not after_close) or Tag.AFTER_DATELINE in run[i].tags
                         or piece_of_line(i)):
            return False  # far shorter than an indented line, and bare: a title or subhead
        # two cells of indent: a first line even where a stray blank line follows it
        return (settings.ignore_blank_lines or run[i + 1].gap_before == 0
                or lengths[i] >= widths[i] - NEAR_FULL)

    def indented_after_blank(j: int) -> bool:
        """After a blank line (where blank lines mean something), a line short of the
        column by exactly the indent and followed by a full line wider than it by the
        indent: a paragraph's first line, not the rest of a sentence (that would fill the
        column)."""
        return (bool(run[j].gap_before) and not settings.ignore_blank_lines
                and j + 1 < len(run) and run[j + 1].gap_before == 0 and full(j + 1)
                and abs(widths[j] - lengths[j] - INDENT) <= INDENT_TOLERANCE
                and lengths[j + 1] - lengths[j] >= INDENT - INDENT_TOLERANCE)

    def last_two(i: int) -> bool:
        """A line near the column's width cut mid-clause, and after it a line that closes
        a sentence: the last two lines of a paragraph (a title is set shorter, and is not
        followed by half a sentence)."""
        right = run[i + 1].text
        return (lengths[i] >= widths[i] - NEAR_FULL and ends_paragraph(right)
                and not starts_with_opening_mark(right))

    def titleish(i: int) -> bool:
        return bare_end(i) and not full(i) and not first_line(i)

    def said_after(i: int) -> bool:
        """A full line that closes a quotation, and under it a line that only says who
        said it (``…只需要一趟就刷了。”`` / ``刘建国说。``): the attribution wrapped onto
        the paragraph's last line, not a paragraph of its own (one would not name
        the speaker alone)."""
        return (run[i].text.rstrip()[-1:] in CLOSING_QUOTES + '"'
                and len(run[i].text.rstrip()) >= 2 and run[i].text.rstrip()[-2] in SENTENCE_END
                and _attribution_line.fullmatch(_fold_spaces(run[i + 1].text)) is not None)

    def clause_last_line(i: int) -> bool:
        """A line that closes a clause (``；`` ``：``) far short of the column, not a piece of
        a printed line the tool cut in two (the two add up to the column, unless the next
        is short of it by just an indent), before a line that does not carry a word on:
        the last line of a list item or of the paragraph that introduces a list or a
        quotation (``依法追究刑事责任：`` / ``（一）非法采集血液的；``).  A paragraph
        that ends on ``：`` must hold two lines or more: it is then prose wrapped at the
        column (tagged ``prose``: not a title for ``find-titles``)."""
        text = run[i].text.rstrip()
        if not text or text[-1] not in CLAUSE_ENDS \
                or lengths[i] >= widths[i] - CLAUSE_LINE_SHORT_BY:
            return False  # the cheap looks first: this runs on most lines of a page
        right = run[i + 1].text.lstrip()
        if _left_open(text) or CANNOT_OPEN_CLAUSE.match(right):
            return False
        if text[-1:] in INTRODUCING_ENDS and (i == 0 or breaks[i - 1]):
            return False  # a line alone on ``：`` may be a kicker (``海北街道黄河社区党委：``)
        if text[-1:] in INTRODUCING_ENDS and right[:1] in OPENING_QUOTES \
                and _split_full_line(i, lengths[i - 1] >= widths[i - 1] - NEAR_FULL):
            return False  # the tool cut a printed line where the quotation's font starts
        indent = abs(widths[i + 1] - lengths[i + 1] - INDENT) <= INDENT_TOLERANCE
        return indent or not one_printed_line(i, widths[i])

    def overlong(i: int) -> bool:
        """Far wider than the column around it: a caption or a line of another layout."""
        return lengths[i] > widths[i] + OVERLONG_BY

    def wide_last_line(i: int) -> bool:
        """The last line of a wide block (a caption over several printed lines): after a
        wide line cut mid-clause with punctuation inside (not a title's), a shorter line
        that closes the sentence, measured narrow only because it stops short."""
        return (overlong(i) and bare_end(i) and bool(_any_punct.search(run[i].text))
                and ends_paragraph(run[i + 1].text) and lengths[i + 1] < lengths[i])

    def room_left(i: int) -> bool:
        """A line that closes a sentence (``。！？``, a closing quote or bracket after it)
        with room left on it for what the next line starts with (its first character, a
        number or Latin word whole, an opening mark with what it opens), by the column's
        measure (:func:`_column_measure`): the printer broke it because the paragraph
        ended, not because the line was full.  Never a paragraph's first line (it may be
        short by its indent).  Off for a dump whose widths are not the page's
        (``room_cue``: an OCR pass's)."""
        if not room_cue or i == 0 or breaks[i - 1]:
            return False  # a paragraph's first line may be short by its indent
        text, right = run[i].text.strip(), run[i + 1].text.lstrip()
        if text.rstrip(CLOSERS)[-1:] not in ROOM_LEFT_ENDS or not right:
            return False
        # a gap the tool kept beside a Latin word or a number is the space the printer
        # sets between it and Chinese text, which takes room too; so does a ``？`` or
        # ``！``, set in a full cell where a page squeezes ``，。``
        gaps = ROOM_GAP * len(_latin_gap.findall(text)) if " " in text else 0.0
        full_marks = (text.count("？") + text.count("！")) * max(0.0, 1 - measure("？"))
        word = _first_word.match(right)
        first = measure(word[0] if word else right[0])
        return lengths[i] + gaps + full_marks + first \
            <= _column_measure(lengths, widths, i, settings)

    phrases_inside, phrases_after = phrases if phrases is not None else _parallel_phrases(run)
    breaks: list[bool] = []
    indented: list[int] = []
    after_closed: list[int] = []
    flush: list[int] = []
    for i in range(len(run) - 1):
        left, right = run[i], run[i + 1]
        if Tag.GARBAGE_BOUNDARY in right.tags and Tag.AFTER_DATELINE not in right.tags:
            breaks.append(True)
        elif i in phrases_inside or i in phrases_after:
            breaks.append(i in phrases_after)
        elif photo_credit(left.text) is not None or _whole_credit(right.text):
            breaks.append(True)  # a photo credit ends its caption, and stands alone
        elif i in titles or i + 1 in titles or dash_led[i + 1]:
            breaks.append(True)
        elif (i == 0 or breaks[i - 1]) and _COLUMN_LABEL.match(left.text.strip()):
            # a column's name on a line of its own over a head stands alone (one the tool
            # set inside a paragraph, a sentence going on either side of it, is left to
            # the passes that take it out)
            breaks.append(True)
        elif overlong(i) != overlong(i + 1) and not wide_last_line(i):
            breaks.append(True)
        elif clause_last_line(i):
            breaks.append(True)
            flush.append(i + 1)  # the next item or the quotation: the same story goes on
        elif ends_continuing(left.text) or _cut_inside_at_end(left.text):
            breaks.append(False)
        elif dash_led[i]:
            breaks.append(True)  # a subtitle line (———访…, — —访…) stands alone
            if indented_after_blank(i + 1):
                indented.append(i + 1)  # (its body's first line, indented: not carried on)
        elif not bare_end(i):
            # a closed sentence ends the paragraph, unless it fills the line and the next
            # line is full too (a paragraph's first line is indented, so it is not)
            # (both by length: a paragraph's letter-spaced last line is not stretched to
            # the column, nor a letter-spaced first line full of text)
            # (or, full by the slack, it left room for the next line's first character:
            # the printer broke it because the paragraph ended, see room_left)
            this_full = lengths[i] >= widths[i] - settings.full_slack
            next_full = lengths[i + 1] >= widths[i + 1] - settings.full_slack
            joined = this_full and next_full and ends_paragraph(left.text) \
                and not titleish(i + 1) and not room_left(i)
            breaks.append(not joined and not (this_full and said_after(i)))
            if breaks[-1] and ends_paragraph(left.text):
                after_closed.append(i + 1)
        elif full(i):
            # a full line cut mid-clause goes on, unless it is a title line (no
            # punctuation in it) and a title line follows, or a name stands alone after
            # it (an author's, under a title the tool emitted elsewhere), or it is a
            # stretched fragment standing alone
            # or, after a blank line, an exactly indented first line opens a paragraph: the
            # column ended there and its sentence goes on in a column printed elsewhere
            # (on an OCR pass's dump, whose blank lines part the boxes it reads, a line
            # with no punctuation under a body line of its box is that paragraph's, and
            # so is the short line after it unless that one stands in a box of its own,
            # blank lines before and after it: the pass reads a comma as a space as often
            # as not, and a head stands in a box of its own)
            title = titleish(i + 1) and not _left_open(left.text) and (
                (not _any_punct.search(left.text) and not (
                    ocr and i > 0 and not left.gap_before and i - 1 not in titles
                    and not (right.gap_before
                             and (i + 2 >= len(run) or run[i + 2].gap_before))))
                or is_person_name(_fold_spaces(right.text))
                or _jumped(left, right) or stretched_alone(i))
            opens = not title and indented_after_blank(i + 1) and not _left_open(left.text)
            if opens:
                indented.append(i + 1)
            breaks.append(title or opens)
        else:
            breaks.append(not (first_line(i) or last_two(i) or _left_open(left.text)))
    return _Breaks(breaks, lengths, widths, indented, after_closed, flush)


_printed_break = regex.compile(r"(?<=[^\x00-\x7f]) (?=\S)|(?<=\S) (?=[^\x00-\x7f])")
# a sentence end (or a dash) before a space: where a printed line may close a paragraph
# inside a line; a line without one is left whole before it is split and measured
_closed_before_gap = regex.compile(
    "[" + regex.escape(SENTENCE_END + "—") + "][" + regex.escape(CLOSERS) + r"\s]* ")


def printed_lines(text: str) -> list[str]:
    """The printed lines of a paragraph whose converter kept each line break as a space.

    ``近日，我市在职职工张伟带着 孩子来到…`` → ``["近日，我市在职职工张伟带着", "孩子来到…"]``.
    Only a single space next to a non-ASCII character splits: ``Windows 10`` stays whole.
    """
    stripped = text.strip()
    if " " not in stripped:  # the common line: no break kept as a space, nothing to split at
        return [stripped] if stripped else []
    return [part for part in _printed_break.split(stripped) if part]


#: A printed line that closes a sentence ends its paragraph when the line after it is short
#: of the column by the indent (two cells; within half a cell either way: half-width
#: digits), and the two together would not fit on one printed line (else they may be two
#: spans of one line that the converter spaced apart).  A closed line short of the column
#: is a cue only before a full line (``PRINTED_SHORT_BY``): before a short one it may be
#: a run-in lead sentence (``X成效显著。`` on a line of its own) or a block that mixes
#: columns.
PRINTED_INDENT_RANGE = (INDENT - 0.5, INDENT + 0.5)
#: A printed line that closes a sentence and stops at least this many cells short of the
#: column (a paragraph's last line: a full line is at most a cell short, an indent is two)
#: also ends its paragraph when the line after it is as wide as the column (short of it by
#: less than the indent's range): the next paragraph set flush, its indent dropped or never
#: set.  Measured on the lines of one story that follow one another in a pymupdf4llm
#: block: such a pair is a paragraph end about 9 times in 10 on the synthetic pages (a
#: run-in lead sentence on a line of its own the rest).  Weaker than an indent, so the
#: paragraph it starts goes on with the same story (``starts:flush``): it is never where
#: segment-articles turns to another story untitled.
PRINTED_SHORT_BY = INDENT


#: How the rows of a band are told from a column (:func:`_rows_of_columns`): the scores
#: of a pair of characters across a break and the most columns looked for, as
#: ``separate-columns`` has them.
_INTERLEAVE = InterleaveSettings()


def printed_paragraphs(text: str, stats: PairStats | None = None) -> list[str]:
    """The paragraphs of a line that holds a column's text block, its printed lines kept as
    spaces: the block cut after each printed line that closes a sentence and after which
    an indented line (two cells short of the column) begins, or a line as wide as the
    column after one that stops ``PRINTED_SHORT_BY`` cells or more short of it.

    Cue: in a column, only a paragraph's first line is indented and only its last one
    stops short; a converter that joins a block's lines with spaces (pymupdf4llm) keeps
    their widths but drops the indent's spaces.  The column is the upper quartile of the
    inner lines' widths; a block of fewer than ``MIN_PRINTED_LINES`` printed lines is left
    whole, and so is a band of columns given row by row that ``separate-columns`` left
    as it was (:func:`_rows_of_columns`, by the page's character pairs ``stats``): its
    lines take turns from several columns.  ``…第一段完。 第二段开头…`` (a closed line,
    then one two cells short of the column) is two paragraphs.
    """
    return [part for part, _ in printed_paragraph_starts(text, stats)]


def printed_paragraph_starts(text: str, stats: PairStats | None = None,
                             ) -> list[tuple[str, bool]]:
    """:func:`printed_paragraphs`, each with whether it starts flush: cut after a short
    closed line, not at an indent (the first paragraph: False)."""
    if not _closed_before_gap.search(text):
        return [(text, False)]
    lines = printed_lines(text)
    if len(lines) < MIN_PRINTED_LINES:
        return [(text, False)]
    cells = [line_cells(x) for x in lines]
    width = _upper_quartile(cells[1:-1])
    cuts: list[int] = []
    flush: set[int] = set()
    for k in range(1, len(lines)):
        prev, here = cells[k - 1], cells[k]
        if not ends_paragraph(lines[k - 1]) or prev + here <= width:
            continue  # open, or the two may be spans of one printed line
        if width - PRINTED_INDENT_RANGE[1] <= here <= width - PRINTED_INDENT_RANGE[0]:
            cuts.append(k)
        elif here > width - PRINTED_INDENT_RANGE[0] and prev <= width - PRINTED_SHORT_BY:
            cuts.append(k)
            flush.add(k)
    if not cuts or (stats is not None and _rows_of_columns(lines, stats)):
        return [(text, False)]
    bounds = [0, *cuts, len(lines)]
    return [(" ".join(lines[a:b]), a in flush) for a, b in itertools.pairwise(bounds)]


def _rows_of_columns(lines: Sequence[str], stats: PairStats) -> bool:
    """Whether printed lines are the rows of columns side by side: more of the open lines
    go on (a pair of characters across the break the page prints elsewhere) with a line
    two or more places on than with the next one."""
    settings = _INTERLEAVE
    pieces = [Piece.of(x) for x in lines]
    hits: Counter[int] = Counter()
    for k, piece in enumerate(pieces):
        if piece.closed:
            continue
        for d in range(1, min(settings.max_period, len(pieces) - 1 - k) + 1):
            if junction(piece, pieces[k + d], stats, settings, triples=False) >= settings.seen:
                hits[d] += 1
    return max((n for d, n in hits.items() if d > 1), default=0) > hits[1]


def _split_printed(block: Block, rec: Recorder, stats: Callable[[], PairStats]) -> list[Block]:
    if not _joinable(block):
        return [block]
    parts = printed_paragraph_starts(block.text)
    if len(parts) > 1:
        parts = printed_paragraph_starts(block.text, stats())
    if len(parts) == 1:
        return [block]
    rec.change("cut a line at paragraph ends", block.span,
               f"{len(parts)} paragraphs by their printed lines")
    # after a cut a paragraph starts (a closed line, then an indented one): never a
    # sentence going on from elsewhere, whatever the widths of its other lines say; one
    # set flush (a full line after a short closed one) is a paragraph of the same story
    return [block.with_(text=part) if k == 0 else
            block.with_(text=part, gap_before=1, tags=block.tags | (
                {Tag.STARTS_FLUSH} if flush else {Tag.STARTS_INDENTED}))
            for k, (part, flush) in enumerate(parts)]


def line_starts(text: str) -> str | None:
    """How a paragraph printed as space-separated lines starts: ``"indented"``, ``"continued"``.

    Cue: the first printed line against the median of the inner ones.  A first line two
    cells short of the column is indented (a paragraph starts there); one as wide as the
    column carries on a sentence begun elsewhere.  None when there are too few lines to tell.
    """
    lines = printed_lines(text)
    if len(lines) < MIN_PRINTED_LINES:
        return None
    width = statistics.median_high(line_cells(x) for x in lines[1:-1])
    first = line_cells(lines[0])
    if first <= width - PRINTED_INDENT_BY:
        return "indented"
    if first >= width - PRINTED_FULL_WITHIN:
        return "continued"
    return None  # one cell short: a squeezed full line or an indented one, no telling


def _wrapped_stretches(run: Sequence[Block], settings: JoinSettings) -> list[tuple[int, int]]:
    """Stretches of a paragraph-per-line dump that are hard-wrapped at a narrow column.

    Cue: at least ``min_wrapped_run`` blocks in a row that are each one printed line (no
    kept line-break spaces) and none wider than the column of the dump's paragraphs: a
    converter that read a boxed or narrow-column story line by line.
    """
    widths = sorted(line_cells(x) for b in run for x in printed_lines(b.text)[1:-1])
    if not widths:
        return []
    column = _upper_quartile(widths)
    found: list[tuple[int, int]] = []
    lo = 0
    for i in range(len(run) + 1):
        single = (i < len(run) and len(printed_lines(run[i].text)) == 1
                  and line_cells(run[i].text) <= column + STRETCH_SLACK)
        if not single:
            if i - lo >= settings.min_wrapped_run:
                found.append((lo, i))
            lo = i + 1
    return found


#: Tags that say how a paragraph's first printed line stands (see :func:`line_starts`).
START_TAGS = frozenset({Tag.STARTS_INDENTED, Tag.STARTS_CONTINUED})


def _tag_start(block: Block, after_closed: bool = False) -> Block:
    """``block`` tagged with how its first printed line stands (:func:`line_starts`);
    ``after_closed``: the line before it closed a sentence and a full first line says
    nothing (the page may set its paragraphs without an indent), so it is not tagged
    ``starts:continued``; nor is a paragraph cut off a block flush (it follows a closed
    line, see ``PRINTED_SHORT_BY``)."""
    if START_TAGS & block.tags or Tag.STARTS_FLUSH in block.tags or block.kind == Kind.PARAGRAPH:
        return block
    start = line_starts(block.text)
    if start == "continued" and after_closed:
        return block
    return block.tagged(f"starts:{start}") if start else block


def _per_line_breaks(run: Sequence[Block], settings: JoinSettings) -> list[bool]:
    """Paragraph breaks in a dump that prints each paragraph on one line.

    A paragraph whose printed lines survive as spaces says where it starts: an indented
    first line starts a paragraph even after an open sentence (the rest of that sentence
    was lost); a full first line after an open sentence carries it on.
    """
    breaks: list[bool] = []
    for left, right in itertools.pairwise(run):
        text = left.text.rstrip()
        start = line_starts(right.text)
        if ends_paragraph(text) or start == "indented" or photo_credit(text) is not None:
            breaks.append(True)
            continue
        if start == "continued" and not _dash_led(right.text):
            breaks.append(False)
            continue
        cut = (not starts_with_opening_mark(right.text)
               and (ends_continuing(text)
                    or (content_length(text) >= settings.min_cut_chars and has_inner_punct(text)
                        and content_length(right.text) >= settings.min_cut_chars)))
        breaks.append(not cut)
    return breaks


def _starts_mid_paragraph(run: Sequence[Block], prev: Block | None, settings: JoinSettings,
                          measure: Measure = line_cells) -> bool:
    """Whether the body under a title or byline begins with a full, unindented line that
    goes on into another full line: the start of its paragraph is not on the page."""
    if prev is None or len(run) < 2 or not (prev.kind in Kind.TITLES or prev.kind in (
            Kind.BYLINE, Kind.DATELINE)) or prev.end == run[0].start:
        return False  # (a body printed on its dateline's line starts there)
    lengths = [measure(b.text) for b in run[:settings.window + START_LOOKAHEAD]]
    widths = _local_widths(lengths, settings.window)
    first, second = lengths[0], lengths[1]
    # the first line full within half the slack: a first line is never quite full
    return (first >= widths[0] - settings.full_slack / 2 and second >= widths[1] - settings.full_slack
            and not ends_paragraph(run[0].text) and not starts_with_opening_mark(run[0].text))


#: A page indents its paragraphs when at least this many paragraphs open after a closed
#: sentence and ``INDENTED_SHARE`` of them or more are short of the column by an indent
#: (fewer starts leave the share to one or two paragraphs: a brief's page decides nothing).
MIN_CLOSED_STARTS = 6
#: (0.6: on the diagnostic pages gen501-gen881 (pymupdf, pdfminer, pdftotext dumps), where
#: this share holds, a paragraph opened flush after a closed sentence carries on a sentence
#: begun elsewhere 8 times in 10 (pymupdf: 140 of 149); where it does not, once in 9.)
INDENTED_SHARE = 0.6
#: The lines under a paragraph's first line it is measured against (two: one line may
#: itself be a paragraph's short last line; the paragraph must hold three lines or more).
UNDER_LINES = 2


def _flush_starts(out: list[Block], closed_starts: Sequence[tuple[int, float, Sequence[float]]],
                  settings: JoinSettings, rec: Recorder) -> None:
    """Tag ``starts:continued`` each paragraph opened after a closed sentence with a full
    first line, on a page that indents its paragraphs (``closed_starts``: each such
    paragraph's place in ``out``, its first line's local column width, and the lengths
    of its first line and the ``UNDER_LINES`` lines under it).  Where every paragraph
    starts two cells in, a full line after a closed one is not a paragraph's start: the
    converter gave the rest of a sentence begun elsewhere (a column drawn after another
    story's) right after a paragraph's end.  ``out`` is changed in place."""
    if len(closed_starts) < MIN_CLOSED_STARTS:
        return
    # short of its column, or of the lines under it (the local column misread where the
    # page's punctuation is measured wrong)
    shortfalls = [(at, max([width, *lines[1:]]) - lines[0]) for at, width, lines in closed_starts]
    indented = sum(1 for _, short in shortfalls if short >= INDENT - INDENT_TOLERANCE)
    if indented < INDENTED_SHARE * len(shortfalls):
        return
    for at, short in shortfalls:
        block = out[at]
        # full within half the slack, as in _starts_mid_paragraph: a first line is
        # never quite full
        if short <= settings.full_slack / 2 and not START_TAGS & block.tags:
            rec.change("a full first line after a closed sentence carries a sentence on",
                       block.span, "the page indents its paragraphs")
            out[at] = block.tagged(Tag.STARTS_CONTINUED)


def _title_over_dateline(run: Sequence[Block], nxt: Block | None, whole_lines: bool) -> bool:
    """Whether the last line of ``run`` is a headline a converter printed on the line of
    the dateline ``nxt`` (find-bylines cut it off: ``送票子出点子 本报讯（…）…``): it heads
    the story the dateline opens, never goes on with the open sentence above it.
    ``whole_lines`` (a dump that prints a paragraph a line): so is a headline's line of its
    own right over the dateline's line (``嘉鱼官桥镇开展食品安全检查`` / ``本报讯（通讯员X）…``),
    a title's length. (Not one over an opening byline: a commentary's byline under its
    title is as often a line the tool set apart from the columns it heads.)"""
    if nxt is None or nxt.kind != Kind.DATELINE or len(run) < 2:
        return False
    last = run[-1]
    # (a headline holds no punctuation: :data:`_any_punct`)
    if _any_punct.search(last.text):
        return False
    return cut_off_before(last, nxt) or (
        whole_lines and last.start == last.end < nxt.start
        and content_length(last.text) <= MAX_TITLE_CHARS)


@heuristic("join-lines", settings=JoinSettings, requires={Stage.LINES},
           reads={Kind.TEXT, Kind.PARAGRAPH, Stage.HEADINGS, Tag.GARBAGE_BOUNDARY,
                  Tag.AFTER_DATELINE, *START_TAGS,
                  # what opens and closes an article (Block.opens_article, closes_article)
                  Kind.BYLINE, Kind.DATELINE, Kind.EDITOR_MARK, Tag.OPENING, Tag.CLOSING,
                  Tag.AFFILIATION},
           accepts=Kind.TITLES,
           provides={Stage.PARAGRAPHS, Kind.PARAGRAPH, Tag.DRAWN_TWICE, Tag.STARTS_FLUSH,
                     Tag.PROSE, *START_TAGS})
def join_lines(doc: Document, settings: JoinSettings) -> Document:
    """Join the lines of a paragraph that the tool broke; never across a title, byline or mark.

    Cues: the local column width (upper quartile of the line lengths around a line, each
    line measured as the page sets punctuation: compressed or in full cells), the
    punctuation a line ends with (``，`` and a number cut at ``.``/``%`` continue,
    ``。！？”`` or ``——`` end, a quote left open goes on), a paragraph's indented first
    line (two cells short: a bare line far shorter is a subhead or title), and lines shaped
    like a byline or photo credit, which stand alone with the bare title lines before
    them.  Blank lines are ignored in wrapped mode: dumps put them mid-paragraph.
    On a page that indents its paragraphs, a paragraph opened with a full line after a
    closed sentence is tagged ``starts:continued`` (see :func:`_flush_starts`).
    Example: ``在全`` / blank / ``市范围内`` is one sentence.
    """
    rec = Recorder("join-lines")
    out: list[Block] = []
    run: list[Block] = []
    before: list[Block | None] = [None]
    closed_starts: list[tuple[int, float, Sequence[float]]] = []

    def flush(nxt: Block | None) -> None:
        if not run:
            return
        # the phrases of a parallel kicker keep the space the page sets between them
        # (found once a run: the wrapped breaks read them too)
        phrases = _parallel_phrases(run)
        wrapped: _Breaks | None = None
        if settings.mode == "wrapped":
            wrapped = _wrapped_breaks(run, settings, before[0], nxt, measure, phrases,
                                      room_cue, spacing_tells, ocr)
            breaks = wrapped.ends
            for j in wrapped.indented:
                run[j] = run[j].tagged(Tag.STARTS_INDENTED)
            for j in wrapped.flush:
                run[j] = run[j].tagged(Tag.STARTS_FLUSH)
                if run[j - 1].text.rstrip()[-1:] in INTRODUCING_ENDS:
                    # (its paragraph holds two lines or more, see clause_last_line)
                    run[j - 1] = run[j - 1].tagged(Tag.PROSE)
        else:
            breaks = _per_line_breaks(run, settings)
            for lo, hi in _wrapped_stretches(run, settings):
                if lo > 0:
                    breaks[lo - 1] = breaks[lo - 1] or starts_with_opening_mark(run[lo].text)
                breaks[lo:hi - 1] = _wrapped_breaks(
                    run[lo:hi], attrs.evolve(settings, ignore_blank_lines=True)).ends
        if _title_over_dateline(run, nxt, settings.mode != "wrapped"):
            breaks[-1] = True
        doubled = {k for k, b in enumerate(run) if Tag.DRAWN_TWICE in b.tags}
        if doubled:
            # a line drawn twice is set in a headline's type: it is not joined with a line
            # drawn once (a kicker, another title, a body) beside it
            for k in range(len(breaks)):
                if (k in doubled) != (k + 1 in doubled):
                    breaks[k] = True
        if settings.mode == "wrapped" and _starts_mid_paragraph(run, before[0], settings, measure):
            run[0] = run[0].tagged(Tag.STARTS_CONTINUED)
        # a paragraph opened after a closed sentence that holds the lines its first line
        # is measured against: where it lands in ``out``, with its first line's column
        # and the lengths of its lines (measured once the page is read)
        if wrapped is not None:
            for j in wrapped.after_closed:
                if (j + UNDER_LINES <= len(breaks) and breaks[j - 1]
                        and not any(breaks[j:j + UNDER_LINES])):
                    closed_starts.append((len(out) + sum(breaks[:j]), wrapped.widths[j],
                                          wrapped.lengths[j:j + 1 + UNDER_LINES]))
        # each paragraph's text, end and tags are built up and its block made once
        # (lines read out of order, e.g. column by column, make start the least line seen)
        current, text, end, tags = run[0], run[0].text, run[0].end, run[0].tags
        start = current.start
        joined = 1

        def emit() -> None:
            if joined > 1:
                rec.change("joined lines", (start, end), f"{joined} lines into a paragraph")
            out.append(current.with_(text=text, start=start, end=end, tags=tags,
                                     kind=Kind.PARAGRAPH))

        spaced = phrases[0]
        for k, (block, brk) in enumerate(zip(run[1:], breaks)):
            if brk:
                emit()
                current, text, end, tags, joined = block, block.text, block.end, block.tags, 1
                start = block.start
            else:
                text = (f"{text.rstrip()} {block.text.lstrip()}" if k in spaced
                        else _glue(text.rstrip(), block.text.lstrip()))
                start, end = min(start, block.start), max(end, block.end)
                tags = tags | (block.tags - START_TAGS)
                joined += 1
        emit()
        run.clear()

    if settings.mode == "wrapped":
        blocks = doc.blocks
    else:
        source = doc.blocks
        if settings.split_printed_ends:
            page: list[PairStats] = []

            def stats() -> PairStats:
                if not page:  # made once, for the first block with a paragraph end inside
                    page.append(PairStats(x for b in doc.blocks if _joinable(b)
                                          for x in printed_lines(b.text)))
                return page[0]

            source = tuple(part for b in doc.blocks for part in _split_printed(b, rec, stats))
        tagged: list[Block] = []
        for k, b in enumerate(source):
            last = source[k - 1] if k else None
            closed = (settings.continued_after_open_only and last is not None
                      and _joinable(last) and ends_paragraph(last.text))
            tagged.append(_tag_start(b, closed))
        blocks = tuple(tagged)
    measure = _page_measure([b.text for b in blocks if _joinable(b)], settings.window) \
        if settings.mode == "wrapped" else line_cells
    # an OCR pass's line widths are its guesses at each glyph's, not the page's
    ocr = is_ocr(doc.measurements)
    room_cue = settings.room_left and not ocr
    spacing_tells = not spaced_page([b.text for b in blocks if _joinable(b)])
    for block in blocks:
        if _joinable(block):
            once = None if _introduces(run[-1] if run else None) else _once(block)
            if once is not None:
                rec.dropped(block.text[len(once.text):].strip(), "duplicate", block.span,
                            "a line holding its text twice (a line drawn twice)")
                block = once.tagged(Tag.DRAWN_TWICE)
            if _repeats(block, run[-1] if run else None) \
                    and not _introduces(run[-2] if len(run) > 1 else None):
                rec.dropped(block.text, "duplicate", block.span,
                            f"a copy of line {run[-1].start} (a line drawn twice)")
                run[-1] = run[-1].tagged(Tag.DRAWN_TWICE)
                continue
            run.append(block)
        else:
            flush(block)
            out.append(block)
            before[0] = block
    flush(None)
    _flush_starts(out, closed_starts, settings, rec)
    return rec.apply(doc, out)
