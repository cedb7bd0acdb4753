"""Picking a built-in profile for a dump from what it measures."""

from __future__ import annotations

import math
import operator
import statistics
import sys

import attrs
import regex

from baokan.core.columns import split_side_by_side
from baokan.core.ocr import OCR_MEASURE, mark_mixes
from baokan.profiles.profile import Profile, get_profile

_letter_spaced = regex.compile(r"\p{Han} \p{Han} \p{Han} \p{Han}")
# a ``#`` heading opening a line: searched once over the page's lines (a line holds no
# line break, so the white space after the marks is not one)
_md_heading = regex.compile(r"^#{1,6}(?!\n)\s", regex.MULTILINE)


#: Bits of the square root worked out before it is rounded to a float: twice a float's
#: mantissa and three more, enough to round correctly (as the standard library does).
_SQRT_BITS = 2 * sys.float_info.mant_dig + 3


def pstdev(values: list[int]) -> float:
    """``statistics.pstdev(values)`` of whole numbers, the same float: the square root of
    the exact variance, correctly rounded; with integer arithmetic, not fractions (the
    standard library's costs a tenth of the measuring)."""
    n = len(values)
    # the variance is num / den exactly
    num: int = n * sum(map(operator.mul, values, values)) - sum(values) ** 2
    den = n * n
    # its square root as a float, correctly rounded (round to odd on _SQRT_BITS bits)
    q = (num.bit_length() - den.bit_length() - _SQRT_BITS) // 2
    if q >= 0:
        return float(_isqrt_to_odd(num, den << 2 * q) << q)
    return _isqrt_to_odd(num << -2 * q, den) / (1 << -q)


def _isqrt_to_odd(num: int, den: int) -> int:
    """The square root of num / den as a whole number, rounded to odd."""
    root = math.isqrt(num // den)
    return root | (root * root * den != num)


def measure(text: str) -> dict[str, float]:
    """The features of a dump that profile detection looks at."""
    lines = text.splitlines()
    stripped = [ln.strip() for ln in lines]
    nonblank = list(filter(None, stripped))
    lengths = [len("".join(ln.split())) for ln in nonblank] or [0]
    # a non-blank line followed by exactly one blank line: a "10" in the lines' marks
    # (1 non-blank, 0 blank; the end of the text counts as a non-blank line) not followed
    # by another 0 — counted in C ("10" and "100" each never overlap themselves)
    marks = "".join(map("01".__getitem__, map(bool, stripped))) + "1"
    followed_by_one_blank = marks.count("10") - marks.count("100")
    # the lines that hold a letter-spaced run, and the heading lines: one search over
    # the page each, not one a line
    joined = "\n".join(nonblank)
    letter_spaced = 0
    found = _letter_spaced.search(joined)
    while found is not None:
        letter_spaced += 1
        end_of_line = joined.find("\n", found.end())
        found = _letter_spaced.search(joined, end_of_line) if end_of_line >= 0 else None
    return {
        "lines": float(len(lines)),
        "nonblank_lines": float(len(nonblank)),
        "markdown_headings": float(len(_md_heading.findall(joined))),
        "blank_ratio": (len(lines) - len(nonblank)) / max(1, len(lines)),
        "median_line_chars": float(statistics.median(lengths)),
        "line_chars_spread": pstdev(lengths),
        "single_blank_after_ratio": followed_by_one_blank / max(1, len(nonblank)),
        "letter_spaced_lines": float(letter_spaced),
    }


@attrs.frozen(slots=True)
class DetectSettings:
    """The thresholds by which ``auto`` picks a built-in profile for a dump.

    :func:`detect_profile` asks in this order and takes the first profile that fits:
    ``markdown``, ``plain-paragraphs``, ``hard-wrapped-blank-lines``, else
    ``hard-wrapped``.  The measurements are those of :func:`measure`, taken after
    side-by-side columns are read one after the other.  The reasons below quote the dev
    corpus (seeds, pool, synthetic and OCR dumps, 323 in all) as it was measured when the
    thresholds were named.
    """

    #: Markdown if at least this many lines are ``#`` headings.  One ``#`` line alone can
    #: be a stray mark in plain text (a hard-wrapped dump of the corpus has one); two are
    #: a converter's headings (markdown dumps of the corpus have up to 17).
    markdown_min_headings: int = 2
    #: Markdown also if one ``#`` heading stands in a dump of fewer non-blank lines than
    #: this: a short markdown page has a single heading, its title (5 to 11 lines in the
    #: corpus), while the one hard-wrapped dump with a stray ``#`` has 217 lines.
    markdown_one_heading_below_lines: int = 20
    #: Plain paragraphs (a paragraph a line) if the median non-blank line holds at least
    #: this many characters (spaces not counted).  A printed column line holds 9 to 23 in
    #: the corpus's hard-wrapped dumps; a paragraph on one line holds far more (76).
    paragraph_min_median_chars: float = 40
    #: Hard-wrapped with a blank line after every line if at least this share of the
    #: non-blank lines is followed by exactly one blank line.  The closest call of the
    #: four: the corpus's dumps fall on either side between 0.595 and 0.600, so a dump
    #: near it is better given its profile by name.
    blank_after_min_share: float = 0.6


DEFAULT_DETECT = DetectSettings()
"""The settings :func:`detect_profile` uses unless it is given others."""


def detect_profile(text: str, settings: DetectSettings = DEFAULT_DETECT,
                   ) -> tuple[Profile, dict[str, float]]:
    """Pick a built-in profile for ``text``; return it with the measurements it was chosen by.

    ``settings`` holds the thresholds (:class:`DetectSettings`, whose fields say why each
    has its value).
    """
    columns = split_side_by_side(text)
    m = measure(columns if columns is not None else text)
    m["side_by_side_columns"] = float(columns is not None)
    m[OCR_MEASURE] = float(mark_mixes(text))
    headings = m["markdown_headings"]
    if headings >= settings.markdown_min_headings or (
            headings >= 1 and m["nonblank_lines"] < settings.markdown_one_heading_below_lines):
        name = "markdown"
    elif m["median_line_chars"] >= settings.paragraph_min_median_chars:
        name = "plain-paragraphs"
    elif m["single_blank_after_ratio"] >= settings.blank_after_min_share:
        name = "hard-wrapped-blank-lines"
    else:
        name = "hard-wrapped"
    return get_profile(name), m
