"""``pdftotext -layout`` column reading where rows lie: columns set at a leading of their
own (blank rows that each column's own leading spans are no strip between two stories)."""
from __future__ import annotations

from baokan.core.columns import split_side_by_side

_WIDTH = 24


def _placed(*columns: dict[int, str]) -> str:
    """Columns whose lines stand on the given rows of the dump (Han = 1 position)."""
    rows = max(max(c) for c in columns) + 1
    lines = []
    for row in range(rows):
        line = "".join(c.get(row, "").ljust(_WIDTH) for c in columns)
        lines.append(line.rstrip())
    return "\n".join(lines)


_A_LEFT = ["城市更新是一项系统工程，", "需要统筹推进，各地要因地制", "宜、久久为功，坚持规划",
           "引领和分类施策相结合，在", "保护中发展、在发展中保护", "让老街区焕发新的活力，让",
           "居民日子越过越红火，城市", "的面貌焕然一新。今年以来", "全市改造老旧小区三百个，",
           "加装电梯一百余部，新建口", "袋公园二十多个，群众拍手"]
_A_RIGHT = ["称快。各区还建立了居民议", "事会，小区的大事小情由大家", "商量着办，物业服务也",
            "有了明显的改善，居民的满", "意度逐年提高。下一步，全", "市将继续推进城市更新行动，",
            "完善公共服务设施，提升城", "市的品质，让城市更宜居、", "更韧性、更智慧，让人民群",
            "众在城市生活得更方便、更", "舒心、更美好，共建美丽家"]
_C = ["健康是幸福生活的基础，全", "市各级医院持续改善服务，", "推出预约诊疗、检查结果互",
      "认等便民举措，让群众少跑", "腿、好办事。社区卫生服务", "中心开设家庭医生签约服务",
      "为老年人和慢性病患者提供服务。",
      "上门随访，把健康服务送到", "群众的家门口，受到居民的", "普遍欢迎。今年以来，全市",
      "签约居民已超过十万人，群", "众看病就医更加便捷，满意", "度明显提升，社区医院的门"]


def test_rows_each_column_leading_spans_are_no_strip() -> None:
    # story A in columns 1 and 2 on every other row; story C beside it on most of those
    # rows and some rows between (its own leading): the group's rows step one at a time,
    # so the rows from 10 to 13 look like white space across it (a story D in column 0
    # fills them on the left), and C's line before them happens to end a paragraph.
    # Each column's own leading (two rows) spans them: A runs on, no strip.
    a_rows = [0, 2, 4, 6, 8, 10, 13, 15, 17, 19, 21]
    c_rows = [0, 2, 3, 5, 7, 8, 10, 13, 15, 16, 17, 19, 21]
    d_rows = [0, 2, 4, 6, 8, 10, 11, 12, 13, 15, 17]
    page = _placed(dict(zip(d_rows, _D, strict=True)),
                   dict(zip(a_rows, _A_LEFT, strict=True)),
                   dict(zip(a_rows, _A_RIGHT, strict=True)),
                   dict(zip(c_rows, _C, strict=True)))
    text = split_side_by_side(page)
    assert text is not None
    lines = [line for line in text.splitlines() if line]
    assert lines == [*_D, *_A_LEFT, *_A_RIGHT, *_C]

_D = ["乡村振兴正当时，全县上下", "一盘棋，推进产业发展、人才", "培育和乡风文明建设，群",
      "众获得感和幸福感不断增强", "乡村面貌焕然一新。今年以", "来，全县新建道路一百多公",
      "里，改造危房三百余户，", "群众拍手称快。下一步，", "全县将继续推进乡村建设行",
      "动，让农村基本具备现代生", "活条件。"]
