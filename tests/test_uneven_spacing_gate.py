"""The quick look of separate-columns (might_interleave) at a page whose lines a
converter spaced out unevenly (pdfminer's gaps inside a line: ``农 民 对待 兴 修水``):
each line is one printed line, glued whole, so the turns of two columns given line by line
show.  The text is invented."""

from __future__ import annotations

from baokan.core.columns import InterleaveSettings, might_interleave

_SETTINGS = InterleaveSettings()
_WIDTH = 10
_LEFT_STORY = ("社区志愿者每周上门为独居老人测量血压，送去药品和生活用品。志愿者说，独居老人最盼望"
               "有人上门陪伴，测量血压只是开始。今年以来，社区志愿者已经上门三百多次，独居老人的"
               "生活用品也由社区统一采购，老人们说，日子过得更踏实了。")
_RIGHT_STORY = ("河道整治工程完工以后两岸新添了步道和花园。市民傍晚来到河道两岸散步，孩子们在花园"
                "里嬉戏，一片欢声笑语。整治工程还修复了河道两岸的老码头，步道沿着老码头一直通到城"
                "市花园，市民说，河道变美了，城市也更有味道了。")
# each story cut into printed lines of ``_WIDTH`` characters
_LEFT, _RIGHT = ([story[i:i + _WIDTH] for i in range(0, len(story), _WIDTH)]
                 for story in (_LEFT_STORY, _RIGHT_STORY))


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
