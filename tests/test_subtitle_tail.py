"""segment-articles: the tail of a dash-led subtitle the measure broke off."""
from baokan.heuristics.structure.segment_articles.title_lines import _subtitle_tail


def test_a_short_line_after_a_dash_subtitle_is_its_tail_a_wide_one_is_not() -> None:
    subtitle = "——城西社区为留守老人办起阅"
    assert _subtitle_tail(subtitle, "览室")
    # as wide as half the subtitle or wider: a headline stacked under it, not its rest
    assert not _subtitle_tail(subtitle, "乡村书屋里的读书")
    assert not _subtitle_tail(subtitle, "本报记者")  # a byline's head
