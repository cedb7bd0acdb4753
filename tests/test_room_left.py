"""join-lines: a closed line that left room for the next line's first character ends its
paragraph, except in an OCR pass's dump (its line widths are its guesses, not the page's)."""

from __future__ import annotations

from baokan.core.document import Document
from baokan.core.ocr import OCR_MEASURE
from baokan.heuristics.repair.join_lines import JoinSettings, join_lines

# a column of 18 cells set without indents; line 4 closes the quotation a cell short
_COLUMN = ("他说：“今年以来我市把城市更新作为推动\n"
           "高质量发展的重要抓手统筹推进老旧小区\n"
           "改造和背街小巷整治一批惠民项目陆续建\n"
           "成投用城市面貌焕然一新群众很满意。”\n"
           "市住建局负责人介绍下一步将继续加大投\n"
           "入力度让更多的居民从中受益得到实惠不\n"
           "断提升群众的幸福感和获得感安全感努力\n"
           "把好事实事办到群众的心坎上去。\n")


def _paragraphs(ocr: bool) -> list[tuple[int, int]]:
    doc = Document.from_text(_COLUMN).measure(**{OCR_MEASURE: 1.0 if ocr else 0.0})
    return [b.span for b in join_lines(doc, JoinSettings()).blocks]


def test_room_left_on_a_closed_line_ends_its_paragraph() -> None:
    assert _paragraphs(ocr=False) == [(1, 4), (5, 8)]


def test_an_ocr_dump_is_not_read_by_the_room_left() -> None:
    assert _paragraphs(ocr=True) == [(1, 8)]


def test_a_letter_spaced_dash_pair_is_read_folded() -> None:
    from baokan.heuristics.repair.join_lines import _spaced_dash_led

    assert _spaced_dash_led("— —记者手记")
    assert _spaced_dash_led("— — 访市医保局局长")
    assert not _spaced_dash_led("——访市医保局局长")  # unspaced: the plain dash pair's path
    assert not _spaced_dash_led("— 一位老党员的心里话")  # one dash
