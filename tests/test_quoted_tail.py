"""segment-articles: a short quoted term on a line of its own ends the title line above it
(``…助推医保征缴`` / ``“加速度”``: the measure broke the head before the term's opening
quote), not a column's name set under the head."""
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
    assert not quoted_tail("乡村公交跑出城乡融合", "“加速度」")  # quotes of two pairs
    assert not quoted_tail("乡村公交跑出城乡融合", "“……”")      # no term inside
    assert quoted_tail("乡村公交跑出城乡融合", "「加速度」")


def test_a_column_name_over_a_quoted_kicker_stays_the_column() -> None:
    # 新春走基层 is a short line the body never names: a column's, not a phrase the
    # measure broke before its last term
    roles = _roles("新春走基层", "“年味儿”", "乡村公交全面铺开")
    assert roles[0] == (Kind.COLUMN, "新春走基层")


def test_a_quoted_term_set_apart_by_a_gap_is_no_tail() -> None:
    titles = [Block(text="乡村公交跑出城乡融合", kind=Kind.TITLE, start=1, end=1),
              Block(text="“加速度”", kind=Kind.TITLE, start=3, end=3, gap_before=3)]
    head = assign_roles(titles, SegmentSettings(), bigrams(BODY), gaps_tell=True,
                        no_gaps=False)
    assert [b.kind for b in head] != [Kind.HEADLINE, Kind.HEADLINE]
