"""Every fixture case of every heuristic (``tests/heuristics/<name>/*.txt``), one test each.

``cases.txt`` must pass; ``known_failures.txt`` holds what the heuristic gets wrong today
and runs as expected failures (strict: a known failure that starts passing fails the
suite, so that it is moved to ``cases.txt``).
"""

from __future__ import annotations

from collections import Counter

import pytest

import baokan

from .fixtures import (
    CASES,
    KNOWN_FAILURES,
    Case,
    all_cases,
    heuristic_folders,
    read_cases,
    render,
)

_ALL = list(all_cases())
_PASSING = [c for c in _ALL if not c.known_failure]
#: the fewest cases a heuristic's cases.txt holds: its main cue, a guard, and one more
MIN_CASES = 3


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError,
                              reason=f"known failure ({case.location})")] \
        if case.known_failure else []
    return pytest.param(case, id=case.id, marks=marks)


def _builtin() -> list[str]:
    return [h.name for h in baokan.available_heuristics()
            if h.func.__module__.startswith("baokan.")]


@pytest.mark.parametrize("case", [_param(c) for c in _ALL])
def test_case(case: Case) -> None:
    before, after = case.run()
    assert all(b.start <= b.end for b in after.blocks), case.location
    got = render(before, after, case.heuristic, diagnostics=case.show_diagnostics)
    assert got == case.expected, f"{case.location}: {case.title}"


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in _PASSING])
def test_case_is_idempotent(case: Case) -> None:
    """Running the heuristic again on what it made changes nothing and drops nothing."""
    _, once = case.run()
    heuristic = baokan.get_heuristic(case.heuristic)
    twice = heuristic(once, heuristic.make_settings(case.settings))
    assert twice.blocks == once.blocks, case.location
    assert twice.dropped == once.dropped, case.location


def test_every_builtin_heuristic_has_fixture_cases() -> None:
    folders = {p.name: p for p in heuristic_folders()}
    builtin = _builtin()
    assert len(builtin) >= 17
    missing = sorted(set(builtin) - set(folders))
    assert not missing, f"no folder tests/heuristics/<name>/ for {missing}"
    for name in builtin:
        assert (folders[name] / KNOWN_FAILURES).exists(), f"{name}: no {KNOWN_FAILURES}"
        count = len(read_cases(folders[name] / CASES))
        assert count >= MIN_CASES, f"{name}: {count} cases in {CASES}, want {MIN_CASES} or more"


def test_fixture_folders_are_heuristics_and_titles_are_unique() -> None:
    known = {h.name for h in baokan.available_heuristics()}
    for folder in heuristic_folders():
        assert folder.name in known, f"tests/heuristics/{folder.name}/ names no heuristic"
        stray = sorted(p.name for p in folder.iterdir() if p.name not in (CASES, KNOWN_FAILURES))
        assert not stray, f"{folder.name}: files the suite does not read: {stray}"
    ids = Counter(c.id for c in _ALL)
    assert not [i for i, n in ids.items() if n > 1], "two cases of a heuristic share a title"
