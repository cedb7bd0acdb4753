"""The character classes the steps match with the standard library's ``re`` (for its cost,
see ``baokan.core.text._WHITE``) take the characters the same pattern takes with ``regex``."""

from __future__ import annotations

import re

import pytest
import regex

from baokan.core import names, text
from baokan.heuristics.order import restore_reading_order
from baokan.heuristics.repair import join_lines, strip_garbage
from baokan.heuristics.structure import find_bylines, find_non_news

_CLASSES = [
    find_bylines._misread_mark,
    find_non_news._CELL_BREAK,
    find_non_news._DIGITS,
    join_lines._byline_char,
    join_lines._any_punct,
    strip_garbage._garbage,
    restore_reading_order._any_quote,
]


@pytest.mark.parametrize("pattern", _CLASSES, ids=lambda p: p.pattern[:20])
def test_a_class_matched_with_re_takes_what_regex_takes(pattern: re.Pattern[str]) -> None:
    assert isinstance(pattern, re.Pattern)
    same = regex.compile(pattern.pattern)
    for code in [*range(0x10000), 0x20000, 0x10FFFF]:  # the whole BMP
        char = chr(code)
        assert (pattern.match(char) is None) == (same.match(char) is None), hex(code)


def _every_char() -> str:
    return "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)


@pytest.mark.parametrize(("spelled", "property_"), [(text.HAN_CLASS, r"\p{Han}"),
                                                    (text.WHITE_CLASS, r"\s")],
                         ids=["han", "white"])
def test_a_class_spelled_out_for_re_is_regex_property(spelled: str, property_: str) -> None:
    # every code point: the same characters, so a pattern moved from regex to re with the
    # class spelled out matches where it matched
    chars = _every_char()
    assert re.findall(f"[{spelled}]", chars) == regex.findall(property_, chars)


# patterns moved from ``regex`` to ``re`` for their cost, and the ``regex`` ones they were
_MOVED = [
    (text._not_han_re, r"\P{Han}+"),
    (text.DASH_PAIR_END, r"——\s*$"),
    (text.KICKER_DASH_PAIR_END, r"[—―－]\s?[—―－]\s*$"),
    (text.SUBTITLE_LEAD, r"^[—\-－–―](?:\s?[—\-－–―])+\s*\S"),
    (find_bylines._not_in_line,
     r"[^\p{Han}·・•\s、，,；;/／:：（）()【】〔〕［］□○■●◆◇▲△★☆◎|｜丨]"),
    (find_bylines._role_hint, r"记|通\s*讯|实\s*习|评\s*论|作\s*者|撰|摄|[/／□○■●◆◇▲△★☆◎|｜丨]"),
    (find_bylines._closing_bracket_at_end, r"[）)]\s*$"),
    (names._split_re, r"[\s、，,；;/／]+"),
    (join_lines._not_in_byline_shape, r"[^\p{Han}\s·:：/、，,]"),
]
_LINES = ["本报记者 王恬", "城 乡 和 农 村 3 月", "欧阳·修", "李明、王恬，张林/ 摄",
          "王 恬 李 明", "——记烟台", "— —香港 ", "通 讯员张林", "刘仲藜— — ",
          "他说——\n", "\u3000中\u2028", "文/图 X", "\U00020001 \U00031350", "ab　cd",
          "一·二", "x\x1cy", "记者\t\x85李", "《人民日报》", "［注］"]


@pytest.mark.parametrize(("pattern", "source"), _MOVED, ids=lambda p: str(p)[:24])
def test_a_pattern_moved_to_re_finds_what_regex_found(pattern: re.Pattern[str],
                                                      source: str) -> None:
    assert isinstance(pattern, re.Pattern)
    same = regex.compile(source)
    for line in _LINES:
        for pos in range(len(line) + 1):
            got, want = pattern.search(line, pos), same.search(line, pos)
            assert (got and got.span()) == (want and want.span()), (line, pos)
        assert pattern.sub("", line) == same.sub("", line), line


def test_a_photo_credit_tail_is_white_space_and_closing_brackets() -> None:
    assert set(names._CREDIT_TAIL) == set(regex.findall(r"[\s）)]", _every_char()))
