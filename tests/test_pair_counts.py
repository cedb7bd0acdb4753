"""The page's character pairs counted by number (might_interleave's quick look) are the
pairs counted as strings, each under its number."""

from __future__ import annotations

import operator
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from baokan.core.columns import _pair_counts, first_half, second_half

_chars = st.sampled_from("中国人民日报记者王恬谢，。“”\n a1\U00020000\ud800")


@given(st.text(_chars, max_size=40))
def test_pairs_counted_by_number_are_the_pairs_counted_as_strings(text: str) -> None:
    as_strings = Counter(map(operator.add, text, text[1:]))
    by_number = _pair_counts(text)
    assert sum(by_number.values()) == sum(as_strings.values())
    for pair, count in as_strings.items():
        assert by_number[first_half(pair[0]) | second_half(pair[1])] == count


def test_a_pair_with_no_second_character_is_never_counted() -> None:
    counts = _pair_counts("谢谢谢")  # overlapping pairs count, as with strings
    assert counts[first_half("谢") | second_half("谢")] == 2
    assert counts.get(first_half("谢") | second_half(""), 0) == 0
