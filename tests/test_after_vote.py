"""segment-articles: the page-wide vote on whether heads are printed after their bodies."""
from baokan.heuristics.structure.segment_articles.head_runs import _after_vote


def _runs(*shares: tuple[float, float]) -> list[tuple[int, float, float, bool]]:
    """Head runs as ``_after_vote`` reads them: (first block, share named before, share
    named after, a byline follows) — the first block and the byline do not vote."""
    return [(10 * i, before, after, True) for i, (before, after) in enumerate(shares)]


def test_one_strong_head_over_its_brief_does_not_outweigh_many_heads_after_their_bodies() -> None:
    # the sums alone tie (0.9 against 0.9); less the strongest run each way they do not
    # (0.6 against 0): the trimmed sums decide, and the page prints heads after bodies
    assert _after_vote(_runs((0.3, 0.0), (0.3, 0.0), (0.3, 0.0), (0.0, 0.9)))


def test_guard_two_strong_heads_over_their_bodies_keep_the_page_in_order() -> None:
    # trimming takes away one strong run only: a second is still counted against
    assert not _after_vote(_runs((0.3, 0.0), (0.3, 0.0), (0.3, 0.0), (0.0, 0.9), (0.0, 0.9)))


def test_guard_the_sums_decide_when_no_run_stands_out() -> None:
    assert _after_vote(_runs((0.3, 0.1), (0.3, 0.0), (0.3, 0.0)))
    # votes enough, but the heads name the bodies after them as much as those before
    assert not _after_vote(_runs((0.3, 0.2), (0.3, 0.2), (0.3, 0.2)))
