"""The three characters across a break between printed lines (baokan.core.columns)."""

from __future__ import annotations

from baokan.core.columns import (
    InterleaveSettings,
    PairStats,
    Piece,
    junction,
    link_column_chains,
    spells_triple,
)

_SETTINGS = InterleaveSettings()
# an invented page: 阅览室 and 停车方 are printed inside lines, 间阅 and 停车 too
_PAGE = ["夜间阅览室每晚开放", "市民说停车方便多了", "读者说夜间阅", "览室安静", "停"]


def test_a_break_that_spells_a_word_printed_elsewhere_scores_more() -> None:
    stats = PairStats(_PAGE)
    before, after = Piece.of("读者说夜间阅", 8.0), Piece.of("览室安静", 8.0)
    assert spells_triple(before, after, stats)
    plain = junction(before, after, stats, _SETTINGS, triples=False)
    assert junction(before, after, stats, _SETTINGS) == plain + _SETTINGS.seen_triple


def test_one_character_after_the_break_is_enough() -> None:
    stats = PairStats(_PAGE)
    # 停|车方: one character before the break, two after it
    assert spells_triple(Piece.of("市民都说停", 8.0), Piece.of("车方便多了", 8.0), stats)


def test_a_break_that_spells_nothing_printed_elsewhere_scores_as_before() -> None:
    stats = PairStats(_PAGE)
    before, after = Piece.of("读者说夜间阅", 8.0), Piece.of("读书的人多", 8.0)
    assert not spells_triple(before, after, stats)
    assert junction(before, after, stats, _SETTINGS) == junction(
        before, after, stats, _SETTINGS, triples=False)


def test_a_closed_line_has_no_break_to_spell() -> None:
    stats = PairStats(_PAGE)
    assert not spells_triple(Piece.of("览室安静。", 8.0), Piece.of("夜间阅览室", 8.0), stats)


def test_a_column_goes_on_in_the_next_where_the_break_spells_a_word() -> None:
    # 阅 and 览 are common on this page, the pair 阅览 rare: the pair alone says little
    # (a weak association), the three characters 阅览室 printed elsewhere say more
    page = ["阅览室", "阅读阅历阅兵阅卷", "展览游览浏览博览", "夜间开放到十点"]
    stats = PairStats(page)
    pieces = [Piece.of(t, 8.0) for t in ("图书馆新开了夜间阅", "公园北门外停车场", "览室安静宽敞")]
    runs = [[0], [1], [2]]
    weak = junction(pieces[0], pieces[2], stats, _SETTINGS, triples=False)
    assert weak < _SETTINGS.seen <= junction(pieces[0], pieces[2], stats, _SETTINGS)
    chains = link_column_chains(pieces, [1, 1, 1], stats, _SETTINGS, runs)
    assert [[0], [2]] in chains


def test_a_line_is_balanced_on_every_opening_mark_but_the_single_quote() -> None:
    assert Piece.of("他说：“有了电子", 8.0).opens
    assert Piece.of("河东街道推出【", 8.0).opens
    assert Piece.of("警察”，路口", 8.0).closes
    # a single quote is not counted (a ``’`` may be an apostrophe; see columns._PAIRS)
    assert not Piece.of("有了‘电子", 8.0).opens
    assert not Piece.of("警察’，路口", 8.0).closes
