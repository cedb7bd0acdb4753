"""``split-layout-columns``: a column set one space after its left neighbour on every row (a
tight gutter: -layout never pads it to an edge) is found where the cuts at its neighbour's
measure fall row after row (``baokan.core.columns._glued_edges``), and the rows are cut
there, even for the page's last column."""

from __future__ import annotations

from baokan.core.columns import (
    LayoutSettings,
    _cut_at,
    _gutter_sides,
    _Measure,
    _spaced_before,
    column_edges,
    dump_rows,
    read_columns,
)

# three columns of ten characters a line: the first padded to its edge, the last always
# glued to the middle one by a single space (no run of spaces ever shows its edge)
_GLUED_LAST = """\
社区志愿者每周上门为          河道整治工程完工后两 图书馆延长开放时间每
独居老人测量血压。           岸新添了步道市民傍晚 晚九点才闭馆上班族下
  药品和生活用品老人          来这里散步孩子们嬉戏 班后也能来读书读者纷
说日子过得。              一片欢声笑语夜市重新 纷点赞新建的口袋公园
  是邻里守望的一个缩          开张后小吃摊位排成长 在老城区的街角开放居
影。                  龙游客络绎不绝摊主说 民们茶余饭后又多了一
医生们耐心解答问题。          生意比去年好了很多。 个休闲的好去处。"""

def _columns(text: str) -> tuple[list[int] | None, list[str]]:
    rows = dump_rows(text)
    settings = LayoutSettings()
    edges = column_edges(rows, settings)
    read = read_columns(rows, edges, settings) if edges else []
    return edges, [line.replace(" ", "") for _, _, line in read]


def test_a_column_always_glued_to_its_neighbour_is_a_column_of_its_own() -> None:
    edges, lines = _columns(_GLUED_LAST)
    assert edges == [20, 31]
    assert lines[7:10] == ["河道整治工程完工后两", "岸新添了步道市民傍晚", "来这里散步孩子们嬉戏"]
    assert lines[14:] == ["图书馆延长开放时间每", "晚九点才闭馆上班族下", "班后也能来读书读者纷",
                          "纷点赞新建的口袋公园", "在老城区的街角开放居", "民们茶余饭后又多了一",
                          "个休闲的好去处。"]


def test_two_spaced_lines_glued_before_a_solid_one_are_cut_at_the_spaced_measure() -> None:
    # a spaced line of ten characters (19 positions) glued to the next spaced line, then a
    # solid line: the change of texture lies two spaced lines in, so the first cut is the
    # spaced measure's, not the change's
    first, second = "河 道 整 治 工 程 完 工 后 两", "图 书 馆 延 长 开 放 时 间 每"
    piece = f"{first} {second} 新建的口袋公园在老城"
    cut = _cut_at(piece, _Measure(10, 19, 20), False, True, lambda width: False)
    assert cut == len(first)
    # one spaced line before the solid one: the change itself
    piece = f"{first} 新建的口袋公园在老城"
    assert _cut_at(piece, _Measure(10, 19, 20), False, True, lambda width: False) == len(first)


def test_a_spaced_run_holds_a_squeezed_mark_but_no_word() -> None:
    def ends_spaced(text: str) -> bool:
        return _spaced_before(text + "甲", len(text))

    assert ends_spaced("参 保 缴 费")
    assert ends_spaced("钢 琴 ）元 旦")  # a squeezed mark beside a character
    assert not ends_spaced("全市近 40 年")  # a number set between spaces
    assert not ends_spaced("农 民 对待 兴")  # a word: the gaps of uneven spacing


def test_a_gutter_beside_a_number_takes_its_digits_only() -> None:
    # a line ending in a year glued to the next column's line: a gutter
    assert _gutter_sides("就业人数2016 群众满意", 8, digits=True)
    # a circled number or a superscript is no digit of a number: no gutter beside it
    assert not _gutter_sides("就业人数① 群众满意", 5, digits=True)
    assert not _gutter_sides("就业人数² 群众满意", 5, digits=True)
