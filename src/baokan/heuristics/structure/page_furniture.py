"""Page furniture: editor and page codes (``②27``), editor credit lines, weather tables,
advertisement and contact lines."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.registry import heuristic

_MARK = regex.compile(r"\s*([\u2460-\u2473\u2776-\u277f\u24eb-\u24f4]\s*\d{1,3})\s*$")
_WEATHER = regex.compile(
    r"(?:-?\d{1,2}\s*(?:℃|°C|度)).*(?:晴|阴|云|雨|雪|雾|霾|风)"
    r"|(?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|雨夹雪|小雪|大雪|雾|霾)[^。！？]{0,12}-?\d{1,2}\s*(?:℃|°C)")
_PHONE = r"(?:\d{3,4}[-—\s]?)?\d{7,8}|1[3-9]\d{9}|400[-—\s]?\d{3}[-—\s]?\d{4}"
_AD_LINE = regex.compile(
    r"^(?:本版)?(?:广告|刊登广告|广告热线|广告电话|订报热线|订阅热线|发行热线|新闻热线|服务热线|"
    r"投诉电话|咨询电话|联系电话|电话|传真)[\s:：]*(?:" + _PHONE + r")(?:[\s、,，;；]+(?:" + _PHONE
    + r"))*\s*$"
    r"|^(?:地址|社址)[:：]\s*\S{2,30}$|^(?:广告|广告经营许可证[:：]?\s*\S{0,30})$")
_EDITOR_LINE = regex.compile(
    r"^(?:责任编辑|本版编辑|编辑|美编|责编|校对|一审|二审|三审|终审|版式|组版|制图)\s*[:：]?\s*\S")


def _sentence(text: str) -> bool:
    return "。" in text or text.rstrip().endswith(("！", "？"))


@attrs.frozen
class FurnitureSettings:
    """Settings of ``page-furniture``: ``max_editor_line_chars`` bounds an editor credit line."""

    max_editor_line_chars: int = 40


@heuristic("page-furniture", settings=FurnitureSettings, requires={Stage.LINES},
           reads={Kind.TEXT, Stage.HEADINGS}, accepts={Kind.PARAGRAPH},
           provides={Stage.FURNITURE, Kind.EDITOR_MARK})
def page_furniture(doc: Document, settings: FurnitureSettings) -> Document:
    """Split editor codes (``②27``) off the end of a block; drop editor credit lines.

    Cue: a circled number followed by digits at the end of a block is a page/editor
    code, kept as the article's editor mark; a short line opening with 编辑, 美编,
    校对… is the page's credits, a short line of temperatures and weather words
    (``晴 12℃～20℃``) a weather table, and a short line that is only a hotline, phone
    number or address (``广告热线：0715-8128888``) an advertisement or contact block:
    all dropped as furniture.
    """
    rec = Recorder("page-furniture")
    out: list[Block] = []
    for block in doc.blocks:
        if block.kind not in Kind.BODY or block.level is not None:
            out.append(block)
            continue
        if len(block.text) <= settings.max_editor_line_chars:
            kind = ("editor credit line" if _EDITOR_LINE.match(block.text) else
                    "weather line" if _WEATHER.search(block.text) and not _sentence(block.text)
                    else "advertisement or contact line" if _AD_LINE.match(block.text) else None)
            if kind is not None:
                rec.dropped(block.text, "furniture", block.span, kind)
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
