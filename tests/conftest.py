"""Shared fixtures: the seed dumps and their gold parses."""

from __future__ import annotations

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
