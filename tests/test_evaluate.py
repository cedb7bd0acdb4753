"""evaluate: scores that never depend on what is installed, and one clear line per bad file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import baokan
from baokan import InputError, MissingExtraError, evaluate, evaluate_files, format_table
from baokan.cli import main
from baokan.evaluate import METRICS

from .conftest import GOLD, SEEDS

GOLD_002 = next(GOLD.glob("002_*.gold.json"))


def _article(names: list[str], role: str = "记者") -> dict[str, object]:
    return {"headline": "医保新政", "paragraphs": ["市民幸福加码，医保新政落地。" * 3],
            "bylines": [{"role": role, "names": names}]}


@given(st.lists(st.sampled_from(["王恬", "李杰", "张三"]), min_size=1, max_size=6),
       st.lists(st.sampled_from(["王恬", "李杰", "张三"]), min_size=1, max_size=3, unique=True))
def test_byline_role_accuracy_is_never_above_one(pred: list[str], gold: list[str]) -> None:
    scores = evaluate({"articles": [_article(gold)]}, {"articles": [_article(pred)]})
    assert 0.0 <= scores["byline_role_acc"] <= 1.0


def test_a_name_found_twice_counts_its_role_once() -> None:
    scores = evaluate({"articles": [_article(["王恬"])]}, {"articles": [_article(["王恬", "王恬"])]})
    assert scores["byline_role_acc"] == 1.0


def test_body_similarity_is_the_referees_levenshtein() -> None:
    # rapidfuzz's normalised Levenshtein similarity, as /work/shared/gold/score.py: two edits
    # in eight characters, 0.75 (difflib's ratio, the old fallback, says 0.875)
    gold = {"articles": [{"headline": "题", "paragraphs": ["甲乙丙丁戊己庚辛"]}]}
    parsed = {"articles": [{"headline": "题", "paragraphs": ["辛甲乙丙丁戊己庚"]}]}
    assert evaluate(gold, parsed)["body_similarity"] == pytest.approx(1 - 2 / 8)


def test_without_rapidfuzz_scoring_says_which_extra(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    monkeypatch.setitem(sys.modules, "rapidfuzz.distance", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'baokan\[eval\]'"):
        evaluate({"articles": []}, {"articles": []})
    parsed = tmp_path / "p.json"
    parsed.write_text(baokan.parse_file(SEEDS[2]).to_json(), encoding="utf-8")
    assert main(["evaluate", str(GOLD_002), str(parsed)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'baokan[eval]'" in err


@pytest.mark.parametrize(("gold", "says"), [
    ("[]", 'a gold parse is a JSON object with an "articles" list, not an empty list'),
    ("{}", 'a gold parse is a JSON object with an "articles" list, not an object'),
    ('{"articles": 3}', "not an object"),
    ("{", "not valid JSON (Expecting property name"),
    ("\xff", "not UTF-8"),
])
def test_a_bad_gold_file_gives_one_line_naming_it(gold: str, says: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_bytes(gold.encode("latin-1"))
    parsed = tmp_path / "p.json"
    parsed.write_text('{"articles": []}', encoding="utf-8")
    with pytest.raises(InputError, match=str(path)):
        evaluate_files([(path, parsed)])
    assert main(["evaluate", str(path), str(parsed)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"baokan: error: {path}: ") and says in err and err.count("\n") == 1


def test_a_parse_that_is_not_an_object_is_named(tmp_path: Path) -> None:
    parsed = tmp_path / "p.json"
    parsed.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match=f"{parsed}: a parse is a JSON object"):
        evaluate_files([(GOLD_002, parsed)])


def test_the_table_prints_every_header_whole(tmp_path: Path) -> None:
    parsed = tmp_path / "p.json"
    parsed.write_text(json.dumps(baokan.parse_file(SEEDS[2]).to_dict()), encoding="utf-8")
    table = format_table(evaluate_files([(GOLD_002, parsed)]))
    header, *rows = table.splitlines()
    assert header.split()[1:] == list(METRICS)
    assert all(len(row) == len(header) for row in rows)
