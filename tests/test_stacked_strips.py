"""Two stories stacked over the same columns of a ``pdftotext -layout`` band are read story
by story (strip by strip), not column by column across both."""
from __future__ import annotations

from baokan.core.columns import split_side_by_side
from tests.layout_text import side_by_side

# story A over the top rows of columns 0 and 1, two rows where both are empty (a third
# story runs on in column 2 beside them), then story B, its title first, under A
_A_LEFT = ["城市更新是一项系统工程，", "需要统筹推进，各地要因地制", "宜、久久为功，坚持规划",
           "引领和分类施策相结合，在"]
_A_RIGHT = ["保护中发展、在发展中保护", "让老街区焕发新的活力，让居", "民日子越过越红火，城",
            "市的面貌焕然一新。"]
_B_TITLE = "乡村振兴正当时"
_B_LEFT = ["全县上下一盘棋，推进产业", "发展、人才培育和乡风文明建", "设，群众获得感和幸福",
           "感不断增强，乡村面貌焕然"]
_B_RIGHT = ["一新。今年以来，全县新建", "道路一百多公里，改造危房三", "百余户，群众拍手称快。"]
_C = ["健康是幸福生活的基础，全", "市各级医院持续改善服务，", "推出预约诊疗、检查结果互",
      "认等便民举措，让群众少跑", "腿、好办事。社区卫生服务", "中心开设家庭医生签约服务",
      "为老年人和慢性病患者提供",
      "上门随访，把健康服务送到", "群众的家门口，受到居民的", "普遍欢迎。今年以来，全市",
      "签约居民已超过十万人。"]


def _page() -> str:
    left = [*_A_LEFT, "", "", _B_TITLE, *_B_LEFT]
    right = [*_A_RIGHT, "", "", "", *_B_RIGHT]
    return side_by_side(left, right, _C)


def test_stories_stacked_over_two_columns_are_read_one_after_the_other() -> None:
    text = split_side_by_side(_page())
    assert text is not None
    lines = [line for line in text.splitlines() if line]
    story_a = [*_A_LEFT, *_A_RIGHT]
    story_b = [_B_TITLE, *_B_LEFT, *_B_RIGHT]
    assert lines[:len(story_a)] == story_a
    assert lines[len(story_a):len(story_a) + len(story_b)] == story_b
    assert lines[len(story_a) + len(story_b):] == _C
    # the lower story opens after a band's gap, as a story of its own
    index = text.splitlines().index(_B_TITLE)
    assert text.splitlines()[index - 2:index] == ["", ""]


def test_a_blank_row_inside_one_story_is_no_strip() -> None:
    # one story over columns 0 and 1 whose lines break on rows 5 and 6 of both columns:
    # the left column's line before the gap runs on (no end, a full line), the first line
    # below is a full line too
    left = [*_A_LEFT, "", "", *_B_LEFT]
    right = ["保护中发展、在发展中保护", "让老街区焕发新的活力，让居", "民日子越过越红火，城",
             "市的面貌焕然一新，百姓的", "", "", *_B_RIGHT]
    text = split_side_by_side(side_by_side(left, right, _C))
    assert text is not None
    lines = [line for line in text.splitlines() if line]
    assert lines[:len(left) - 2] == [*_A_LEFT, *_B_LEFT]
