"""Page furniture: editor and page codes (``②27``), editor credit lines."""

from __future__ import annotations

import attrs
import regex

from baokan.document import Block, Document, Kind, Recorder
from baokan.pipeline import heuristic

_MARK = regex.compile(r"\s*([\u2460-\u2473\u2776-\u277f\u24eb-\u24f4]\s*\d{1,3})\s*$")
_EDITOR_LINE = regex.compile(
    r"^(?:责任编辑|本版编辑|编辑|美编|责编|校对|一审|二审|三审|终审|版式|组版|制图)\s*[:：]?\s*\S")


@attrs.frozen
class FurnitureSettings:
    """Settings of ``page-furniture``: ``max_editor_line_chars`` bounds an editor credit line."""

    max_editor_line_chars: int = 40


@heuristic("page-furniture", settings=FurnitureSettings, requires={"lines"},
           provides={"furniture"})
def page_furniture(doc: Document, settings: FurnitureSettings) -> Document:
    """Split editor codes (``②27``) off the end of a block; drop editor credit lines.

    Cue: a circled number followed by digits at the end of a block is a page/editor
    code, kept as the article's editor mark; a short line opening with 编辑, 美编,
    校对… is the page's credits, dropped as furniture.
    """
    rec = Recorder("page-furniture")
    out: list[Block] = []
    for block in doc.blocks:
        if block.kind not in Kind.BODY or block.level is not None:
            out.append(block)
            continue
        if len(block.text) <= settings.max_editor_line_chars and _EDITOR_LINE.match(block.text):
            rec.dropped(block.text, "furniture", block.span, "editor credit line")
            continue
        # marks come off the end one by one (``②27②27``), so a second run finds no more
        marks: list[Block] = []
        body = block.text
        while (match := _MARK.search(body)) is not None:
            body = body[: match.start()].rstrip()
            rec.change("found editor mark", block.span, match.group(1))
            marks.insert(0, block.with_(text="".join(match.group(1).split()),
                                        kind=Kind.EDITOR_MARK, gap_before=0))
        if marks and not body:
            marks[0] = marks[0].with_(gap_before=block.gap_before)
        if body:
            out.append(block.with_(text=body) if marks else block)
        out.extend(marks)
    return rec.apply(doc, out)
