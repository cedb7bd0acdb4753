"""``baokan.pipe``: Issues in input order, from paths, bytes and text, on worker processes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import baokan
from baokan.errors import InputError
from baokan.stream import imap

from .conftest import SEEDS


def _square(x: int) -> int:
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * x


def test_pipe_yields_issues_in_order_like_parse() -> None:
    sources: list[baokan.api.Source] = [SEEDS[0], SEEDS[1].read_bytes(),
                                        SEEDS[2].read_text(encoding="utf-8"), SEEDS[3]]
    expected = [baokan.parse(s).to_dict() for s in sources]
    for n_process, batch_size in ((1, 1), (2, 1), (2, 3)):
        got = [i.to_dict() for i in baokan.pipe(sources, n_process=n_process,
                                                batch_size=batch_size)]
        assert got == expected
    assert "pipe" in baokan.__all__


def test_pipe_passes_the_options_and_raises_a_failure_in_place(tmp_path: Path) -> None:
    first, second = baokan.pipe([SEEDS[0], SEEDS[1]], profile="plain-paragraphs",
                                publication="咸宁日报", n_process=2)
    assert (first.profile, first.publication, second.publication) == (
        "plain-paragraphs", "咸宁日报", "咸宁日报")
    issues = baokan.pipe([SEEDS[0], tmp_path / "missing.txt", SEEDS[1]], n_process=2)
    assert next(issues).source.path == str(SEEDS[0])
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        next(issues)


def test_imap_keeps_order_reads_lazily_and_checks_its_arguments() -> None:
    assert list(imap(_square, range(40), n_process=3, batch_size=4)) == [
        x * x for x in range(40)]
    # an endless iterable: only what is taken (and a few tasks ahead) is read
    taken = list(itertools.islice(imap(_square, itertools.count(), n_process=2), 5))
    assert taken == [0, 1, 4, 9, 16]
    results = imap(_square, [*range(13), -1, 14], n_process=2)
    assert [next(results) for _ in range(13)][-1] == 144
    with pytest.raises(ValueError, match="negative: -1"):
        next(results)
    with pytest.raises(ValueError, match="at least 1"):
        imap(_square, [1], n_process=0)
