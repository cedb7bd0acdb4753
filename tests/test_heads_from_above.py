"""segment-articles: a head read after the untitled body it stands above on the page.

A layout dump read column by column keeps each line's place: a head spanning two columns
is read with the second, after the first column's text under it.  Printed above the
body's first line, it is that body's head, not a subhead inside it.
"""
from baokan.core.document import Block, Kind
from baokan.heuristics.structure.segment_articles.article import _Article, _Group
from baokan.heuristics.structure.segment_articles.walk import _heads_from_above


def _para(line: int, text: str = "去年4月28日，是我的24岁生日。") -> Block:
    return Block(text=text, kind=Kind.PARAGRAPH, start=line, end=line)


def _title(line: int, text: str) -> Block:
    return Block(text=text, kind=Kind.TITLE, start=line, end=line)


def test_a_head_printed_above_the_untitled_body_is_its_head() -> None:
    body = _Article(body=[_para(7), _para(8), _para(9)])
    assert _heads_from_above([_title(6, "我报考公务员")], body)


def test_a_line_printed_inside_the_body_stays_a_subhead() -> None:
    body = _Article(body=[_para(7), _para(8), _para(9)])
    assert not _heads_from_above([_title(26, "只想做一个合格的医生")], body)


def test_a_body_with_a_head_already_keeps_it() -> None:
    body = _Article(groups=[_Group([_title(3, "面试那天")])], body=[_para(7)])
    assert not _heads_from_above([_title(6, "我报考公务员")], body)


def test_a_lone_glyph_or_a_cut_body_line_is_no_head() -> None:
    body = _Article(body=[_para(60)])
    assert not _heads_from_above([_title(54, "起")], body)
    assert not _heads_from_above([_title(54, "心，战胜一切艰难险阻的勇敢坚韧")], body)
