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


def test_a_letter_spaced_copy_around_its_title_is_taken_out() -> None:
    # the copy's first character glued onto the whole title, or none glued
    assert D.spaced_copies("春 风十里入新村风 十 里 入") == ("春 风十里入新村", ("风十里入",))
    assert D.spaced_copies("晨 光 晨光 的 小路") == ("晨光 的 小路", ("晨光",))
    # copies on both sides of the title, each glued on
    assert D.spaced_copies("山 河山河万里长 里 长") == ("山河万里长", ("山河", "里长"))
    assert D.spaced_copies("山 水 新 篇") == ("山 水 新 篇", ())  # letter-spaced alone
    assert D.spaced_copies("山 水 -记一个村子的变迁") == ("山 水 -记一个村子的变迁", ())
    assert D.spaced_copies("春风 里") == ("春风 里", ())  # one character found again


@given(st.lists(st.text(alphabet="春风里山水新", min_size=1, max_size=4), max_size=8))
def test_a_spaced_copy_is_only_ever_taken_out(words: list[str]) -> None:
    text = " ".join(words)
    kept, copies = D.spaced_copies(text)
    assert len(D.squeezed(kept)) + sum(len(c) for c in copies) == len(D.squeezed(text))
