"""A band given row by row is dealt back into its columns by a beam search
(:func:`baokan.core.columns.deal_band`): the beam must keep the dealing a search that
keeps every dealing finds, where a story's column ends on a paragraph's last line and
another story's column goes on in its slot, and the columns end at rows of their own.
The scores of a line's link to a piece are made once per piece: the same runs as ever."""

from __future__ import annotations

from baokan.core.columns import DealSettings, InterleaveSettings, PairStats, Piece, deal_band

# invented stories, cut into 10-character printed lines (a paragraph ends short)
_STORIES = (
    "社区志愿者每周上门为独居老人测量血压，送去药品和生活用品。志愿者说，独居老人最盼"
    "望有人上门陪伴，测量血压只是开始。今年以来，社区志愿者已经上门三百多次。",
    "河道整治工程完工以后，两岸新添了步道和花园。市民傍晚来到河道两岸散步，孩子们在花"
    "园里嬉戏，一片欢声笑语。整治工程还修复了河道两岸的老码头。",
    "镇上的图书馆今年搬进了新楼，阅览室宽敞明亮，书架上摆满了新书。每到周末，附近学校"
    "的学生都来这里读书写作业，图书馆还请来老师给孩子们讲故事。",
    "果园里的苹果熟了，果农们忙着采摘装箱。今年雨水充足，苹果个大味甜，收购商早早就来"
    "到村里订货。村里还开通了网上商店，苹果通过快递发往全国各地。",
)
_WIDTH = 10


def _lines(text: str) -> list[str]:
    out: list[str] = []
    for para in text.replace("。", "。\n").split("\n"):
        out.extend(para[i:i + _WIDTH] for i in range(0, len(para), _WIDTH) if para)
    return out


def _band() -> tuple[list[str], list[int]]:
    """Three slots: stories 0, 1 and 2 from the first row; story 0 stops after four
    lines, a paragraph's end, and five of story 3 take its slot on the next row.  Row by
    row, left to right, as pymupdf4llm gives a band; each line's slot beside it."""
    slots = [[(0, line) for line in _lines(_STORIES[0])[:4]]
             + [(3, line) for line in _lines(_STORIES[3])[:5]],
             [(1, line) for line in _lines(_STORIES[1])],
             [(2, line) for line in _lines(_STORIES[2])]]
    seq: list[str] = []
    where: list[int] = []
    for row in range(max(len(s) for s in slots)):
        for k, slot in enumerate(slots):
            if row < len(slot) and slot[row] is not None:
                seq.append(slot[row][1])
                where.append(k)
    return seq, where


def test_the_beam_keeps_the_dealing_a_wide_search_finds() -> None:
    seq, where = _band()
    pieces = [Piece.of(text) for text in seq]
    stats = PairStats(seq)
    settings = InterleaveSettings()
    runs = deal_band(pieces, 3, _WIDTH + 1.0, _WIDTH - 1.5, stats, settings)
    wide = deal_band(pieces, 3, _WIDTH + 1.0, _WIDTH - 1.5, stats, settings,
                     DealSettings(beam=400))
    assert runs is not None
    assert runs == wide
    # each run is one slot's lines, in their order, and every slot is read whole
    assert len(runs) == 3
    for run in runs:
        assert {where[i] for i in run} == {where[run[0]]}
        assert run == [i for i in range(len(seq)) if where[i] == where[run[0]]]
