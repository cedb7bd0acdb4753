"""segment-articles: the roles of a head of two lines where the dump's gaps tell no type
sizes apart (a PyMuPDF dump: no blank lines).  A first line narrower than the second by
more than a cell is the first phrase of one headline set a phrase a line, not a kicker (a
kicker is set smaller, so it is as wide as its headline or wider); a short quoted term on
a line of its own ends the title line above it."""
import pytest

from baokan.core.document import Block, Kind
from baokan.core.text import bigrams
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_lines import quoted_tail
from baokan.heuristics.structure.segment_articles.title_roles import assign_roles

BODY = "记者从市交通局获悉，今年全市新开城乡公交线路十二条，乡村公交全面铺开，群众出行更方便。"


def _roles(*lines: str, gaps_tell: bool = False) -> list[tuple[str, str]]:
    titles = [Block(text=t, kind=Kind.TITLE, start=n + 1, end=n + 1) for n, t in enumerate(lines)]
    head = assign_roles(titles, SegmentSettings(), bigrams(BODY), gaps_tell=gaps_tell,
                        no_gaps=not gaps_tell)
    return [(b.kind, b.text) for b in head]


def test_a_narrow_phrase_over_a_wider_one_is_one_headline() -> None:
    roles = _roles("从“等车”到“选车”", "城乡公交线路再添十二条“新枝”")
    assert [r[0] for r in roles] == [Kind.HEADLINE, Kind.HEADLINE]


def test_guard_a_wider_line_over_a_narrower_one_is_a_kicker() -> None:
    roles = _roles("全市城乡公交一体化改革持续推进", "乡村公交全面铺开")
    assert [r[0] for r in roles] == [Kind.KICKER, Kind.HEADLINE]


@pytest.mark.parametrize("first", ["乡村振兴 交通先行", "据了解，今年全市"])
def test_guard_a_spaced_couplet_or_a_clause_over_a_wider_line_keeps_its_role(first: str) -> None:
    # a kicker of two spaced phrases, a line of prose set among the titles: never the
    # headline's first phrase
    roles = _roles(first, "城乡公交线路再添十二条新线")
    assert roles[1] == (Kind.HEADLINE, "城乡公交线路再添十二条新线")
    assert roles[0][0] != Kind.HEADLINE


def test_guard_where_gaps_tell_the_two_lines_are_read_as_before() -> None:
    roles = _roles("从“等车”到“选车”", "城乡公交线路再添十二条“新枝”", gaps_tell=True)
    assert [r[0] for r in roles] == [Kind.HEADLINE, Kind.HEADLINE]  # no gap: one box


def test_a_quoted_term_on_its_own_line_ends_the_headline() -> None:
    roles = _roles("乡村公交跑出城乡融合", "“加速度”")
    assert [r[0] for r in roles] == [Kind.HEADLINE, Kind.HEADLINE]


def test_quoted_tail_shapes() -> None:
    assert quoted_tail("乡村公交跑出城乡融合", "“加速度”")
    assert quoted_tail("乡村公交跑出城乡融合", "“ 加 速 度 ”")   # letter-spaced by the tool
    assert not quoted_tail("城乡公交——", "“加速度”")           # a kicker's dash closes it
    assert not quoted_tail("乡村公交跑出城乡融合。", "“加速度”")  # a closed line
    assert not quoted_tail("乡村公交跑出城乡融合", "“加速，度”")  # a clause, not a term
    assert not quoted_tail("乡村公交跑出城乡融合", "“一二三四五六七”")  # too long for a term
