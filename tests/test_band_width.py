"""A band of columns given on one dump line is cut at its own columns' width
(separate-columns): the page's other widths let a printed line lose a number the
converter set apart with spaces, or take in the next column's."""

from __future__ import annotations

from baokan.core.columns import InterleaveSettings, printed_lines
from baokan.heuristics.order.separate_columns import _band_width

_SETTINGS = InterleaveSettings()
# an invented band of two 10-cell columns given row by row, years set apart by spaces;
# the page has narrower (5 cells) and wider (12.5 cells) columns elsewhere
_BAND = ("城南社区今年新建公园 老街小吃店一家挨一家 排名由 2012 年第十五位 "
         "2017 年以来客流大增 上升到第九位，居民们 游客们专门赶来品尝， "
         "都说变化真大。 店主说生意好了不少。")
_PAGE_WIDTHS = [10.0, 5.0, 12.5]


def test_the_band_width_is_the_width_most_of_its_lines_have() -> None:
    lines = printed_lines(_BAND, _PAGE_WIDTHS, _SETTINGS, None)
    assert _band_width(lines, _PAGE_WIDTHS, _SETTINGS) == 10.0


def test_at_its_own_width_a_line_keeps_its_year() -> None:
    lines = printed_lines(_BAND, _PAGE_WIDTHS, _SETTINGS, None)
    assert "排名由2012" in lines  # the narrow column's width cut the line at the year
    own = printed_lines(_BAND, [_band_width(lines, _PAGE_WIDTHS, _SETTINGS)], _SETTINGS, None)
    assert "排名由2012年第十五位" in own
    assert "2017年以来客流大增" in own
    assert "".join(own) == "".join(lines)


def test_no_line_as_wide_as_a_column_gives_the_widest() -> None:
    assert _band_width(["一二", "三四"], _PAGE_WIDTHS, _SETTINGS) == 12.5
