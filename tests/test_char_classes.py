"""The character classes the steps match with the standard library's ``re`` (for its cost,
see ``baokan.core.text._WHITE``) take the characters the same pattern takes with ``regex``."""

from __future__ import annotations

import re

import pytest
import regex

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
