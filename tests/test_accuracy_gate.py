"""The accuracy gate on every development set: the real pages of other papers (the pool),
the synthetic pages and the OCR dumps, each dump scored against its page's gold parse.

The sets live in ``../shared`` beside the project (``BAOKAN_SHARED`` names another place)
and are never copied into it.  Under ``CI=true`` a missing ``../shared`` is an error;
elsewhere these tests skip and say why.  The floors are the set means pinned in
``tests/baseline.json``; a change that raises the seeds and lowers a set fails here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from baokan.evaluate import LOWER_IS_BETTER, evaluate_corpus

from .conftest import ROOT

SHARED = Path(os.environ.get("BAOKAN_SHARED") or ROOT.parent / "shared")
FLOORS: dict[str, dict[str, float]] = json.loads(
    (ROOT / "tests" / "baseline.json").read_text(encoding="utf-8"))["sets"]

#: set name → (gold folder, dumps folder or None for "beside the gold", dumps kept, left out)
SETS: dict[str, tuple[str, str | None, str | None, tuple[str, ...]]] = {
    "pool": ("gold/pool", "pool", None, ("tesseract",)),
    "synth": ("corpus/synth", None, None, ()),
    "ocr": ("gold/pool", "pool", "tesseract", ()),
}


def _shared_or_skip() -> Path:
    if (SHARED / "gold").is_dir():
        return SHARED
    if os.environ.get("CI") == "true":
        pytest.fail(f"{SHARED}: the development sets are missing, and CI must score them")
    pytest.skip(f"{SHARED} not found: the development sets (pool, synthetic, OCR) are not here")


def _score(name: str) -> dict[str, Any]:
    shared = _shared_or_skip()
    gold, dumps, only, exclude = SETS[name]
    result = evaluate_corpus(shared / gold, shared / dumps if dumps else None, exclude=exclude)
    if only is not None:  # as ../shared/tools/score_dev.py: OCR of the pages that have articles
        rows = [r for k, r in result["files"].items() if only in k and r["articles_gold"]]
        result["mean"] = {k: sum(float(r[k]) for r in rows) / len(rows) for k in FLOORS[name]}
        result["files"] = rows
    return result


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_mean_holds_its_floor(name: str) -> None:
    result = _score(name)
    assert result["files"], f"no dump of the {name} set was scored"
    assert not result["errors"], f"dumps of the {name} set crashed: {result['errors']}"
    failures = []
    for metric, floor in FLOORS[name].items():
        value = result["mean"][metric]
        worse = value > floor + 1e-9 if metric in LOWER_IS_BETTER else value < floor - 1e-9
        if worse:
            failures.append(f"{metric}: {value:.3f} (floor {floor})")
    assert not failures, f"the {name} set fell below its floor: " + "; ".join(failures)


def test_pages_without_articles_give_none() -> None:
    """The pool's two pages with no article (court notices; a font-garbage text layer):
    a parse of any of their dumps must invent none."""
    shared = _shared_or_skip()
    empty = [g for g in sorted((shared / "gold" / "pool").glob("*.gold.json"))
             if not json.loads(g.read_text(encoding="utf-8"))["articles"]]
    assert empty, "the pool has no page without articles"
    invented = {}
    for gold in empty:
        result = evaluate_corpus(gold.parent, shared / "pool", exclude=())
        for key, row in result["files"].items():
            if key.startswith(gold.name[: -len(".gold.json")] + "/") and row["articles_parsed"]:
                invented[key] = row["articles_parsed"]
    # known today: the issue "Generalise" asks for none; listed so the gate shows the gap
    assert set(invented) <= KNOWN_INVENTED, f"articles invented on pages without any: {invented}"


#: Dumps of the no-article pages that still give articles today (to be emptied, never grown).
KNOWN_INVENTED = {
    # real text (an advertorial feature and a column of briefs) over the garbled text
    # layer: the gold (no articles) is the text layer's
    "henan-shangbao-2009-12-29-C01-garbled-font/"
    "henan-shangbao-2009-12-29-C01-garbled-font.tesseract-chi_sim-300dpi.txt",
}
