"""core.columns: a line set across the columns stands under white space, the page's top too."""
from baokan.core.columns import _pieces, _under_space

TOLERANCE = 1
WIDE = "这是一行横跨各栏排印的图片说明文字"  # 17 cells: wider than a column of 8
COLUMN = 8


def _under(rows: list[tuple[int, int, str]], index: int) -> bool:
    cut = [_pieces(text) for _, _, text in rows]
    x, piece = cut[index][0]
    return _under_space(rows, cut, index, TOLERANCE, x, len(piece), COLUMN)


def test_a_wide_line_on_the_first_row_stands_under_the_pages_top() -> None:
    # nothing over it at all: the top of the page is white space, as a blank band is
    assert _under([(1, 0, WIDE)], 0)
    # one blank line, then the page's top: still fewer rows of text over it than none
    assert _under([(2, 1, WIDE)], 0)


def test_guard_text_right_over_a_wide_line_is_not_white_space() -> None:
    assert not _under([(1, 0, "栏中文字栏中文字"), (2, 0, WIDE)], 1)
    # one blank line between is not enough (``_SPACE_ROWS`` rows are), two are
    assert not _under([(1, 0, "栏中文字栏中文字"), (3, 1, WIDE)], 1)
    assert _under([(1, 0, "栏中文字栏中文字"), (4, 2, WIDE)], 1)
