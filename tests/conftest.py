"""Shared fixtures: the seed dumps and their gold parses."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD = ROOT / "tests" / "gold"


def seed_ids() -> list[str]:
    return [p.stem for p in SEEDS]


@pytest.fixture(params=SEEDS, ids=seed_ids())
def seed(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


# Hypothesis budgets: the normal suite runs "ci"; a long fuzz run is
#   .venv/bin/python -m pytest tests/test_fuzz.py -q --hypothesis-profile=fuzz
from hypothesis import HealthCheck, settings  # noqa: E402

# "ci" draws the same examples on every run (a red build is one anyone can replay); the
# "fuzz" profile explores new ones, and what it finds is kept in tests/regressions/
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=5000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile("ci")


# Every test runs in the debug mode of the marks (baokan.core.watch): a heuristic that
# reads or writes a mark it does not declare fails, in whatever test runs it.  Set here,
# at import, so that the CLI's subprocesses inherit it too.
os.environ.setdefault("BAOKAN_DEBUG_MARKS", "1")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say which documentation examples the examples' runner did not run, and why."""
    module = sys.modules.get("tests.test_docs_examples")
    skipped = getattr(module, "SKIPPED", None)
    if skipped:
        terminalreporter.write_line(f"docs examples: {len(skipped)} marked skip-example, not run:")
        for example in skipped:
            terminalreporter.write_line(f"  {example.file.name}:{example.line}: {example.skip}")
