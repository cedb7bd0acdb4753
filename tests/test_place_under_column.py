"""segment-articles: under a column's name the body never names, a short line the body
names begins the headline (民生关注 / 咸安永安街道 / 全方位护航春季开学), as it does with
no column over it."""
from baokan.core.document import Block, Kind
from baokan.core.text import bigrams
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_roles import assign_roles

BODY = "3月4日，咸安区永安街道办事处组织派出所、综合执法中心，聚焦辖区学校周边开展环境整治。"


def _roles(*lines: str) -> list[tuple[str, str]]:
    titles = [Block(text=t, kind=Kind.TITLE, start=n + 1, end=n + 1) for n, t in enumerate(lines)]
    head = assign_roles(titles, SegmentSettings(), bigrams(BODY), no_gaps=True)
    return [(b.kind, b.text) for b in head]


def test_a_named_place_under_a_column_begins_the_headline() -> None:
    assert _roles("民生关注", "咸安永安街道", "全方位护航春季开学") == [
        (Kind.COLUMN, "民生关注"), (Kind.HEADLINE, "咸安永安街道"),
        (Kind.HEADLINE, "全方位护航春季开学")]


def test_a_short_line_the_body_never_names_under_a_column_stays_the_kicker() -> None:
    # guard: only a line the body names begins the headline
    roles = _roles("民生关注", "温暖送到家门", "全方位护航春季开学")
    assert (Kind.HEADLINE, "温暖送到家门") not in roles
