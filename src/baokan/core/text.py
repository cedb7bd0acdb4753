"""Character classes and punctuation tables shared by every heuristic.

Nothing here changes text; it only says what a character or a line is.  Chinese is
not English: these tables exist so that no heuristic ever needs NFKC (which would turn
``，`` into ``,``).
"""

from __future__ import annotations

import operator
import unicodedata

import regex

HAN = r"\p{Han}"
#: Chinese (full-width) punctuation and the ASCII punctuation that dumps put in its place.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～〔〕﹏"
#: Punctuation that closes a sentence, and the closing marks that may follow it.
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》〕】\"'"
#: Punctuation after which a line cannot end a paragraph: the sentence goes on.
CONTINUING = "，、；：,;:（(“‘《〔【「『"

_han_re = regex.compile(HAN)
_not_han_re = regex.compile(r"\P{Han}+")
_sentence_end_re = regex.compile(
    "(?:[" + regex.escape(SENTENCE_END) + "]|\\.\\.\\.|……)[" + regex.escape(CLOSERS) + "]*$")
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
    return bool(_sentence_end_re.search(text.rstrip()))


def ends_continuing(text: str) -> bool:
    """Whether ``text`` ends with punctuation that cannot close a paragraph (``，、：``…)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in CONTINUING


def has_inner_punct(text: str) -> bool:
    """Whether ``text`` holds sentence punctuation (a title rarely holds more than one)."""
    return bool(_inner_punct_re.search(text))


def inner_punct_count(text: str) -> int:
    """How many sentence punctuation marks ``text`` holds."""
    return len(_inner_punct_re.findall(text))


def bigrams(text: str) -> set[str]:
    """The set of adjacent Han character pairs in ``text`` (a cheap topic fingerprint)."""
    chars = _not_han_re.sub("", text)
    return set(map(operator.add, chars, chars[1:]))  # pairs made in C, not in a Python loop


def content_length(text: str) -> float:
    """Printed length in Chinese character cells: a Han character or CJK mark is 1, ASCII ½.

    White space does not count, so a letter-spaced line measures as it is printed.
    """
    visible = len(text) - len(_space.findall(text))
    return visible - 0.5 * len(_narrow_content.findall(text))


def ends_paragraph(text: str) -> bool:
    """Whether ``text`` ends like a paragraph: a closed sentence, or a dash lead-in ``——``."""
    stripped = text.rstrip()
    return ends_sentence(stripped) or stripped.rstrip(CLOSERS).endswith("——")


_COMPRESSIBLE = frozenset(CJK_PUNCT) - frozenset("—…")
# counted with C-speed regex scans, not Python loops: these run on every line
_space = regex.compile(r"\s")
_narrow_content = regex.compile(r"[^\s\u2e80-\U0010ffff“”‘’—…]")
_narrow_cell = regex.compile(
    r"[^\s\u2e80-\U0010ffff—…]|[" + regex.escape("".join(sorted(_COMPRESSIBLE))) + "]")


_QUOTES = "“”‘’"
_cjk_compressible = regex.compile("[" + regex.escape("".join(sorted(_COMPRESSIBLE))) + "]")


def punct_counts(text: str) -> tuple[int, int]:
    """How many Chinese punctuation marks other than quotes, and how many quote marks,
    ``text`` holds: each counts half a cell in :func:`line_cells`, and takes a whole one
    on a page set without punctuation compression (or in a font with full-width quotes).
    """
    found = _cjk_compressible.findall(text)
    quotes = sum(1 for ch in found if ch in _QUOTES)
    return len(found) - quotes, quotes


#: A photo credit at the end of a text: ``X 摄``, ``（X 摄）``, ``记者 X 摄``, ``X/摄``; at
#: the start of the text, or after a closed sentence or a space (the caption before it).
_photo_credit_re = regex.compile(
    r"(?:^|(?<=[。！？!?…”’」』）)\s]))(?P<credit>[（(]?\s*(?:(?:本报|新华社)?(?:记者|通讯员|摄影)\s*)?"
    r"(?P<names>\p{Han}{1,4}(?:[ \u3000、]+\p{Han}{1,4}){0,5})\s*[/／]?\s*摄\s*[）)]?)\s*$")


def photo_credit(text: str) -> tuple[int, tuple[str, ...]] | None:
    """Where a photo credit ends ``text``: the offset it starts at and its names, or None.

    ``学生献花。（李杰 摄）`` gives ``(5, ("李杰",))``; a whole line ``本报记者 韩　军 摄``
    gives ``(0, ("韩军",))``.  The names must be names (:func:`baokan.core.names.split_names`).
    """
    if "摄" not in text:
        return None
    match = _photo_credit_re.search(text)
    if match is None or match["names"].endswith("拍"):
        return None  # (…拍摄: the verb, not a credit)
    from baokan.core.names import split_names  # names reads the package's surname table
    names = split_names(match["names"])
    return (match.start("credit"), tuple(names)) if names else None


def line_cells(text: str) -> float:
    """Width of a printed line in character cells, as a column measures it.

    Han characters take a cell; Chinese punctuation and ASCII take half of one, because
    typesetting squeezes punctuation (标点挤压) and narrow characters pair up.  White
    space does not count.  Lines of one column measure alike by this count even when
    they hold different amounts of punctuation.
    """
    visible = len(text) - len(_space.findall(text))
    return visible - 0.5 * len(_narrow_cell.findall(text))
