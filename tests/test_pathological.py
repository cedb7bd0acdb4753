"""Pathological inputs, at sizes the suite can afford: they parse, flagged where they
should be, losing nothing.  The full sizes (100 MB, a 10 MB line) are measured by
``bench/pathological.py``; their limits are in docs/limits.md."""

from __future__ import annotations

import pytest

import baokan

from .conftest import SEEDS

SEED = SEEDS[1].read_text(encoding="utf-8")


def test_one_long_line() -> None:
    text = SEED.replace("\n", "") * 8  # about 150,000 characters on one line
    issue = baokan.parse(text, explain=False)
    assert len(issue.articles) + len(issue.fragments) >= 1


def test_a_hundred_thousand_blank_lines() -> None:
    issue = baokan.parse("\n" * 100_000 + SEED + "\r\n" * 100_000)
    assert issue.articles and issue.articles[0].source_lines[0] > 100_000


def test_only_replacement_characters() -> None:
    issue = baokan.parse("\ufffd" * 50_000 + "\n" + "\ufffd" * 10)
    assert not issue.articles and not issue.fragments
    assert {d.reason for d in issue.dropped} == {"garbage"}


@pytest.mark.parametrize("data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00",
                                  b"\xff\xd8\xff\xe0\x00\x10JFIF", bytes(range(256)) * 40])
def test_binary_input_is_a_flagged_empty_issue(data: bytes) -> None:
    issue = baokan.parse(data)
    assert issue.flags == ("binary",) and not issue.articles


def test_nul_bytes_in_text() -> None:
    data = SEED.encode("utf-8").replace("。".encode(), "。\x00".encode())
    issue = baokan.parse(data)
    assert issue.flags == () and len(issue.articles) == len(baokan.parse(SEED).articles)


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\u2028", "\u2029", "\x85"])
def test_line_endings(ending: str) -> None:
    mixed = SEED.replace("\n", ending)
    assert [a.headline for a in baokan.parse(mixed)] == [a.headline for a in baokan.parse(SEED)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    issue = baokan.parse(SEED.encode(encoding))
    assert issue.source.encoding == encoding
    assert [a.headline for a in issue] == [a.headline for a in baokan.parse(SEED)]


@pytest.mark.parametrize("space", [" ", "\u2003"])
def test_a_long_run_of_white_space_before_a_bracketed_byline_is_read_in_linear_time(
        space: str) -> None:
    # a pattern that opens with ``\s*`` is tried from each character of the run: before
    # find-bylines anchored its bracketed-byline and trailing-colon patterns at the run's
    # start, this took about 40 s (quadratic); now a fraction of a second
    import time

    run = space * 60_000
    text = ("城南老街完成改造\n\n城南老街改造提升后游人如织" + run + "乙（记者王明）\n\n"
            "城南老街改造提升后游人如织：" + run + "王\n")
    start = time.perf_counter()
    issue = baokan.parse(text)
    assert time.perf_counter() - start < 10.0
    assert issue.articles or issue.fragments


def test_a_bracketed_byline_line_with_a_long_run_of_em_spaces_is_read_in_linear_time() -> None:
    # folding leaves em spaces as they are: the lenticular-bracket pattern had ``\s*``
    # beside a lazy group (quadratic: 2 s at 8 000 em spaces); the group is stripped now
    import time

    from baokan.heuristics.structure.find_bylines import parse_byline_line

    start = time.perf_counter()
    parsed = parse_byline_line("【记者王明" + "\u2003" * 60_000 + "李华】")
    assert time.perf_counter() - start < 10.0
    assert parsed is not None and parsed[0].names == ("王明", "李华")


def test_a_long_run_of_spaces_in_a_line_holding_a_jump_word_is_read_in_linear_time() -> None:
    # page-furniture looks for a jump mark (（下转A2版）) at the end of every line holding
    # 转 or 接: its pattern opened with ``\s*`` and was tried from each space of the run
    # (0.9 s at 8 000 spaces, quadratic)
    import time

    text = ("城南老街完成改造\n\n城南老街转型提升后游人如织" + " " * 60_000 + "乙。\n\n"
            "城南老街改造提升后游人如织。\n")
    start = time.perf_counter()
    issue = baokan.parse(text)
    assert time.perf_counter() - start < 10.0
    assert issue.articles or issue.fragments
