"""Properties of parse on generated dumps: it never crashes, loses no Han character
without an account, and gives the same Issue for the same input."""

from __future__ import annotations

import json
from collections import Counter

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import baokan
from baokan import Issue

PIECES = ["本报讯", "记者", "通讯员", "王恬", "曹 敏", "报道:", "（", "）", "(", ")", "——", "□", "○",
          "摄", "②27", "# ", "## ", "#### ", "。", "，", "、", "！", "？", "“", "”", " ", "  ",
          "\u3000", "\n", "\n\n", "\n\n\n", "\ufffd\ufffd", "医保", "服务", "新时代", "2024 年",
          "11 月", "A", "Windows 10", "创 新 推 行", "文/图", "作者单位：", "李杰 摄", "\t", "-"]
dumps = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=80).map("".join)


def han(text: str) -> Counter[str]:
    return Counter(regex.findall(r"\p{Han}", text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dumps)
def test_parse_never_crashes_and_accounts_for_every_han_character(text: str) -> None:
    issue = baokan.parse(text)
    data = issue.to_dict()
    assert Issue.from_dict(json.loads(json.dumps(data))) == issue
    kept = json.dumps([data["articles"], data["fragments"], data["dropped"]], ensure_ascii=False)
    assert not han(text) - han(kept)  # every occurrence, not just every character


@settings(max_examples=100, deadline=None)
@given(dumps, st.sampled_from(baokan.profile_names()))
def test_every_profile_is_deterministic(text: str, profile: str) -> None:
    assert baokan.parse(text, profile=profile) == baokan.parse(text, profile=profile)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_parse_never_crashes_on_bytes(data: bytes) -> None:
    issue = baokan.parse(data)
    assert isinstance(issue, Issue)
