# ruff: noqa: E501  (a -layout page: its lines are as wide as the page)
"""``split-layout-columns``: a narrow-gutter edge is added only where the single space the
pieces share falls at it (``baokan.core.columns._gutter_edges``)."""

from __future__ import annotations

from baokan.core.columns import LayoutSettings, column_edges

# a wide first column whose list items hold a space after their four-character lead words
# (at one offset on every item), beside three columns padded to their edges
_LIST_ITEMS = """\
工作要求                                    夜市重新开张后，小吃          新建的口袋公园在老城          社区食堂每天中午供应
一是加强 全市各部门要落实责任                         摊位排成长龙，游客络          区的街角开放，             十多种菜品，老人用餐
二是联动 部门之间要加强协作配合                        绎不绝。                居民们茶余饭后又多           可以享受优惠。
具体安排                                    摊主说，生意比去年好          了一个休闲的好去处。          不少年轻人也慕名
三是督查 定期开展专项检查通报                         多了。                 公园里种了几十种            前来就餐，食堂门口常
四是宣传 让政策家喻户晓人人皆知                        夜市还设置了文创摊位          花木，四季有景可赏，          常排起长队，有的居民
保障措施                                    ，年轻人尤其喜欢。           周末常有市民来这里拍          还带着家人一起来吃"""


def _rows(text: str) -> list[tuple[int, int, str]]:
    return [(n, 0, line) for n, line in enumerate(text.splitlines(), start=1)]


def test_a_space_far_from_the_edge_adds_no_gutter_edge() -> None:
    # the lead words end eight display columns in: nowhere near the edge a column one
    # pitch (20) from the margin would have, so no column is read there
    # (the case "a column set one space after its neighbour on every line is a column of
    # its own" in tests/heuristics/split-layout-columns/cases.txt is the other side)
    assert column_edges(_rows(_LIST_ITEMS), LayoutSettings()) == [40, 60, 80]

