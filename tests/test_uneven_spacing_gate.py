"""The quick look of separate-columns (might_interleave) at a page whose lines a
converter spaced out unevenly (pdfminer's gaps inside a line: ``农 民 对待 兴 修水``):
each line is one printed line, glued whole, so the turns of two columns given line by line
show.  The text is invented."""

from __future__ import annotations

from baokan.core.columns import InterleaveSettings, might_interleave

_SETTINGS = InterleaveSettings()
_LEFT = ["社区志愿者每周上门为", "独居老人测量血压，送", "去药品和生活用品。志",
         "愿者说，独居老人最盼", "望有人上门陪伴，测量", "血压只是开始。今年以",
         "来，社区志愿者已经上", "门三百多次，独居老人", "的生活用品也由社区统",
         "一采购，老人们说，日", "子过得更踏实了。"]
_RIGHT = ["河道整治工程完工以后", "两岸新添了步道和花园", "。市民傍晚来到河道两",
          "岸散步，孩子们在花园", "里嬉戏，一片欢声笑语", "。整治工程还修复了河",
          "道两岸的老码头，步道", "沿着老码头一直通到城", "市花园，市民说，河道",
          "变美了，城市也更有味", "道了。"]


def _uneven(text: str) -> str:
    """The line with gaps after its 1st, 3rd, 4th, 6th and 7th characters: fragments of
    one or two characters, as a converter's uneven spacing leaves them."""
    cuts = {1, 3, 4, 6, 7}
    return "".join(ch + (" " if k + 1 in cuts and k + 1 < len(text) else "")
                   for k, ch in enumerate(text))


def test_unevenly_spaced_lines_of_two_columns_in_turn_are_seen() -> None:
    lines = [_uneven(t) for pair in zip(_LEFT, _RIGHT) for t in pair]
    assert might_interleave(lines, _SETTINGS)


def test_unevenly_spaced_lines_read_in_order_are_not() -> None:
    # guard: the same lines, each column read down in order
    lines = [_uneven(t) for t in _LEFT + _RIGHT]
    assert not might_interleave(lines, _SETTINGS)
