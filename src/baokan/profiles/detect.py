"""Picking a built-in profile for a dump from what it measures."""

from __future__ import annotations

import statistics

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


def detect_profile(text: str) -> tuple[Profile, dict[str, float]]:
    """Pick a built-in profile for ``text``; return it with the measurements it was chosen by."""
    columns = split_side_by_side(text)
    m = measure(columns if columns is not None else text)
    m["side_by_side_columns"] = float(columns is not None)
    if m["markdown_headings"] >= 2 or (m["markdown_headings"] >= 1 and m["nonblank_lines"] < 20):
        name = "markdown"
    elif m["median_line_chars"] >= 40:
        name = "plain-paragraphs"
    elif m["single_blank_after_ratio"] >= 0.6:
        name = "hard-wrapped-blank-lines"
    else:
        name = "hard-wrapped"
    return get_profile(name), m
