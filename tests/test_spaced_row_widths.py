"""The column widths of a page whose lines are letter-spaced (separate-columns): two
columns' letter-spaced lines given side by side on one dump line are one run of spaced
characters (the gutter a space like the others), and their width is no column's."""

from __future__ import annotations

import itertools

from baokan.core.columns import InterleaveSettings, column_widths

_SETTINGS = InterleaveSettings()
# invented lines of a 10-character column, letter-spaced as a converter gives tracking
_LINES = ["城南社区今年新建公园，", "老街小吃店一家挨一家", "游客们专门赶来品尝，",
          "都说这几年变化真大。", "店主说今年生意好了不", "少，回头客也越来越多"]


def _spaced(text: str) -> str:
    return " ".join(text)


def test_two_spaced_lines_side_by_side_are_not_a_column() -> None:
    single = [_spaced(t) for t in _LINES] * 3
    pairs = [_spaced(a) + " " + _spaced(b) for a, b in itertools.pairwise(_LINES)] * 2
    widths = column_widths(single + pairs, _SETTINGS)
    assert widths and all(w < 12 for w in widths)


def test_a_wide_column_of_solid_lines_keeps_its_width() -> None:
    # guard: lines twice a column wide that are not letter-spaced (a story set across two
    # columns) are a width of their own
    single = [_spaced(t) for t in _LINES] * 3
    wide = [a + b for a, b in itertools.pairwise(_LINES)] * 2
    widths = column_widths(single + wide, _SETTINGS)
    assert any(w > 18 for w in widths)


def test_solid_lines_beside_a_wide_gutter_keep_their_width() -> None:
    # guard: a row of solid lines with a gutter of many spaces between them is not
    # letter-spaced (pieces, not spaces, are counted): a story set across two columns
    # beside a third keeps its width
    single = _LINES * 2
    wide = [a + b + "      " + c for a, b, c in zip(_LINES, _LINES[1:], _LINES[2:])]
    widths = column_widths(single + wide, _SETTINGS)
    assert any(w > 18 for w in widths)
