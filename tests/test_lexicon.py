"""The general character-pair prior (baokan.core.lexicon) and its builder (tools/)."""

from __future__ import annotations

import gzip
import importlib.util
import math
from importlib import resources
from pathlib import Path
from types import ModuleType

from baokan.core.columns import InterleaveSettings, PairStats, Piece, junction
from baokan.core.lexicon import _table, pair_association, pair_at_least, parse_table

from .conftest import ROOT


def _builder() -> ModuleType:
    path = ROOT / "tools" / "build_char_pairs.py"
    spec = importlib.util.spec_from_file_location("build_char_pairs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_common_word_internal_pair_has_a_strong_association() -> None:
    strong = pair_association("电", "视")
    assert strong is not None and strong >= InterleaveSettings().prior_strong_association
    assert pair_association("经", "济") is not None


def test_a_pair_across_words_or_not_han_has_none() -> None:
    assert pair_association("视", "先") is None  # 电视|先进: two words
    assert pair_association("a", "b") is None
    assert pair_association("，", "的") is None
    assert pair_association("", "") is None


def test_the_table_is_read_once() -> None:
    from baokan.core import lexicon

    assert lexicon._table() is lexicon._table()


def test_the_packaged_table_is_small_and_names_its_source_and_licence() -> None:
    raw = resources.files("baokan").joinpath("data/char_pairs.txt.gz").read_bytes()
    assert len(raw) < 1_000_000
    header = gzip.decompress(raw).decode("utf-8").split("\n", 6)[:5]
    assert any("jieba" in line for line in header) and any("MIT" in line for line in header)


def test_the_prior_speaks_where_the_page_never_shows_the_pair() -> None:
    # an invented page that prints 电视 nowhere but across the break
    stats = PairStats(["县里的广播电", "视台今年新建", "市民说很方便"])
    a, b = Piece.of("县里的广播电", 8.0), Piece.of("视台今年新建", 8.0)
    settings = InterleaveSettings(use_prior=True)
    assert junction(a, b, stats, settings) == settings.prior_strong
    assert junction(a, b, stats, settings, prior=False) == settings.unseen
    off = InterleaveSettings(use_prior=False)
    assert junction(a, b, stats, off) == off.unseen
    # a pair the dictionary does not hold inside a word: no more than unseen
    c = Piece.of("市民说很方便", 8.0)
    assert junction(a, c, stats, settings) == settings.unseen


def test_the_builder_counts_pairs_inside_words_weighted_by_frequency(tmp_path: Path) -> None:
    build = _builder()
    lines = ["电视 500 n", "电台 400 n", "视力 300 n", "台风 200 n", "风力 100 n",
             "C语言 50 nz", "力 900 n", "bad line"]
    pairs = build.count_pairs(lines)
    assert pairs == {"电视": 500, "电台": 400, "视力": 300, "台风": 200, "风力": 100,
                     "语言": 50}
    text = build.table(lines, min_count=100, min_association=0.0, step=0.5)
    firsts, levels = parse_table(text)
    kept = {first + second: levels[code] for first, (seconds, codes) in firsts.items()
            for second, code in zip(seconds, codes, strict=True)}
    assert "语言" not in kept and "电视" in kept  # counted fewer than min_count times
    # each kept pair at its association rounded down to the step, in one line per first
    # character (电: 电视 and 电台)
    assert kept == {pair: math.floor(pmi / 0.5) * 0.5
                    for pair, pmi in build.associations(pairs, 100).items()}
    assert firsts["电"][0] == "台视"
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = tmp_path / "a.gz", tmp_path / "b.gz"
    build.main([str(dictionary), str(first), "--min-count", "100", "--min-association", "0"])
    build.main([str(dictionary), str(second), "--min-count", "100", "--min-association", "0"])
    assert first.read_bytes() == second.read_bytes()  # deterministic: no time stamp
    assert gzip.decompress(first.read_bytes()).decode("utf-8") == text


def test_pair_at_least_answers_as_pair_association_does() -> None:
    firsts, levels = _table()
    assert len(firsts) < 6_000 < sum(len(seconds) for seconds, _ in firsts.values())
    for first, (seconds, codes) in list(firsts.items())[::37]:
        for second, code in zip(seconds, codes, strict=True):
            level = levels[code]
            assert pair_association(first, second) == level
            assert pair_at_least(first, second, level)
            assert not pair_at_least(first, second, level + 0.5)
    assert pair_at_least("设", "立", 3.0)
    assert not pair_at_least("道", "开", 2.0)  # no word: 东关街道 / 开办…
    assert not pair_at_least("a", "b", 2.0)
    assert not pair_at_least("电", "a", 2.0)  # not one of the level codes
    assert not pair_at_least("电", "", 0.0) and not pair_at_least("", "", 0.0)
    assert pair_association("电视", "") == pair_association("电", "视")  # as left + right
