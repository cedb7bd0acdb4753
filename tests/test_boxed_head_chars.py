"""strip-garbage's boxed headline is no longer than find-titles' title line: the figure is
spelled in both (a heuristic imports no other), and held alike here."""

from baokan.heuristics.repair.strip_garbage import MAX_BOXED_HEAD_CHARS
from baokan.heuristics.structure.find_titles import MAX_TITLE_CHARS


def test_boxed_head_is_a_title_line() -> None:
    assert MAX_BOXED_HEAD_CHARS == MAX_TITLE_CHARS
