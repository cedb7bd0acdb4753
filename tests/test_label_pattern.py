"""One label pattern (``baokan.core.text.label_pattern``) for a section label over stories
(find_titles) and a label over a run of notices (find_non_news), each with its length."""

from __future__ import annotations

import pytest

from baokan.heuristics.structure import find_non_news, find_titles


@pytest.mark.parametrize(("line", "section", "notices"), [
    ("简讯", True, True),
    ("■一线见闻", True, True),
    ("【公告专栏】", True, True),
    ("[信息服务]", True, True),
    ("城乡便民信息", False, True),
    ("城乡便民信息栏目", False, False),
    ("讯", False, False),
    ("☆一线见闻", False, False),
    ("一线见闻：", False, False),
])
def test_a_label_is_short_marked_letters(line: str, section: bool, notices: bool) -> None:
    assert bool(find_titles._SECTION_LABEL.match(line)) is section
    assert bool(find_non_news._LABEL.match(line)) is notices
