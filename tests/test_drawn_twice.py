"""The core tests for text a tool printed twice (fake bold): baokan.core.drawn_twice."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from baokan.core import drawn_twice as D


def test_a_line_holding_its_text_twice_over_gives_the_first_half() -> None:
    assert D.doubled_half("春风里：春风里：") == 4
    assert D.doubled_half("春风 里：春风里 ：", min_half=4) == 4
    assert D.doubled_half("谢谢", min_half=3) == 0  # a word, not a copy
    assert D.doubled_half("ab ab", min_han=1) == 0
    assert D.doubled_half("春风里春风") == 0


def test_the_cut_counts_no_spaces() -> None:
    assert D.cut_after("春 风里 春风里", 3) == ("春 风里", " 春风里")
    assert D.cut_after("春风", 5) == ("春风", "")


def test_a_copy_differs_in_spacing_only() -> None:
    assert D.same_text("湖畔 新绿", "湖畔新绿 ", min_han=2)
    assert not D.same_text("是", "是", min_han=2)
    assert not D.same_text("湖畔新绿", "湖畔新叶")


def test_every_word_printed_twice_is_read_once() -> None:
    assert D.words_once("33 晨报晨报") == "3 晨报"
    assert D.words_once("33 44") is None  # no Han character
    assert D.words_once("晨报晨报") is None  # one word: a line's own test
    assert D.words_once("33 晨报") is None


@given(st.text(alphabet="春风里湖畔：，12 ", min_size=1, max_size=12))
def test_a_text_twice_over_is_found_and_cut_back_to_itself(text: str) -> None:
    key = D.squeezed(text)
    doubled = text + text
    half = D.doubled_half(doubled)
    assert half == len(key)
    if key:
        once, rest = D.cut_after(doubled, half)
        assert D.same_text(once, text) and D.same_text(rest, text)
