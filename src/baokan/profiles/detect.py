"""Picking a built-in profile for a dump from what it measures."""

from __future__ import annotations

import statistics

import attrs
import regex

from baokan.core.columns import split_side_by_side
from baokan.profiles.profile import Profile, get_profile

_letter_spaced = regex.compile(r"\p{Han} \p{Han} \p{Han} \p{Han}")
_md_heading = regex.compile(r"^#{1,6}\s")


def measure(text: str) -> dict[str, float]:
    """The features of a dump that profile detection looks at."""
    lines = text.splitlines()
    nonblank = [ln.strip() for ln in lines if ln.strip()]
    lengths = [len("".join(ln.split())) for ln in nonblank] or [0]
    followed_by_one_blank = 0
    for i, line in enumerate(lines[:-1]):
        if line.strip() and not lines[i + 1].strip() and (
                i + 2 >= len(lines) or lines[i + 2].strip()):
            followed_by_one_blank += 1
    letter_spaced = sum(1 for ln in nonblank if _letter_spaced.search(ln))
    return {
        "lines": float(len(lines)),
        "nonblank_lines": float(len(nonblank)),
        "markdown_headings": float(sum(1 for ln in nonblank if _md_heading.match(ln))),
        "blank_ratio": (len(lines) - len(nonblank)) / max(1, len(lines)),
        "median_line_chars": float(statistics.median(lengths)),
        "line_chars_spread": float(statistics.pstdev(lengths)),
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
