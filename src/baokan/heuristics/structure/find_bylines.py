"""Find bylines, datelines and photo credits, and take them out of the body.

Forms recognised (see the spec's byline table):

* a byline line: ``文/图 本报记者 王恬 通讯员 陈章 张卓``, ``□记者 杜林波``, ``□秦慕婵``,
  ``○王恬``, a bare line of names ``李 杰 印俊闻 张道玲``;
* a dateline opening a brief: ``本报讯 通讯员刘倚帆报道:``, ``本报讯 （记者 牛思光 ）`` —
  split into a dateline block, a byline block and the body that follows;
* names in brackets closing a body: ``…按时“清零”。（曹 敏 曾 文 陈开宝）``, ``（史书杰刘初郭昕）``;
* an affiliation line ``（作者单位：淮阳区融媒体中心）``;
* a photo credit ``李杰 摄``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from baokan.core.document import Block, BylineData, Document, Kind, Recorder
from baokan.core.marks import Stage, Tag
from baokan.core.names import split_names
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span

_trailing_colon = regex.compile(r"\s*[:：]\s*$")
# what a byline is made of: Han names and role words, the separators between names, the
# 文/图 mark and a trailing colon (anything else fails the name split anyway)
_not_in_byline = regex.compile(r"[^\p{Han}·\s、，,；;/／:：]")
_name_separators = regex.compile(r"[\s、，,]+")

_ROLE = regex.compile(
    r"(本报特约记者|本报见习记者|本报记者|本报通讯员|特约记者|见习记者|首席记者|摄影记者|"
    r"记者|通讯员|实习生|特约评论员|评论员|作者)")
_ROLE_NORMAL = {"特约记者": "记者", "见习记者": "记者", "首席记者": "记者", "记者": "记者",
                "摄影记者": "摄影", "通讯员": "通讯员", "实习生": "实习生", "评论员": "作者",
                "特约评论员": "作者", "作者": "作者"}
_MARKER = regex.compile(r"^[□○■●◆◇▲△★☆]\s*")
_WEN_TU = regex.compile(r"(?:^|(?<=\s))(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文图)(?=\s|$)")
_DATELINE = regex.compile(
    r"^(本报讯|本刊讯|本台讯|本网讯|(?:新华社|中新社|人民网|央视网)\p{Han}{0,10}?[电讯])\s*")
_PAREN_BYLINE = regex.compile(r"^[（(]\s*([^（）()]{1,40}?)\s*[）)]\s*")
_REPORTED = regex.compile(r"^(.{1,40}?)报道\s*[:：]?\s*")
_TRAILING = regex.compile(r"\s*[（(]\s*([^（）()]{2,60}?)\s*[）)]\s*$")
_AFFILIATION = regex.compile(r"^(?:本文)?作者(?:单位\s*[:：]|为|系)\s*(.+)$")
_NOTE_START = regex.compile(r"^\s*[（(]\s*(?:本\s*文\s*)?作\s*者\s*(?:单\s*位|为|系)")
_closing_bracket = regex.compile(r"[）)]")
_closing_bracket_at_end = regex.compile(r"[）)]\s*$")
_CREDIT = regex.compile(r"^(?:(?:本报)?(?:记者|通讯员)\s*)?(\p{Han}[\p{Han} 、]{1,30}?)\s*[/／]?\s*摄$")


@attrs.frozen
class BylineSettings:
    """Settings of ``find-bylines``.

    ``max_line_chars``: a byline line is at most this long (white space not counted);
    ``bare_names``: accept a line of two or more names with no role as a byline.
    """

    max_line_chars: int = 40
    bare_names: bool = True


def _compact_len(text: str) -> int:
    return len("".join(text.split()))


def parse_byline(segment: str, *, marker: bool = False,
                 known: frozenset[str] = frozenset()) -> list[BylineData] | None:
    """Parse ``本报记者 王恬 通讯员 陈章 张卓`` into bylines, or None if it is not one."""
    if _not_in_byline.search(segment):
        return None  # a digit, a letter or a full stop: no name list holds one
    seg = _WEN_TU.sub(" ", segment).strip()
    seg = _trailing_colon.sub("", seg)
    matches = list(_ROLE.finditer(seg))
    if not matches:
        names = split_names(seg, known)
        if not names:
            return None
        return [BylineData(names=tuple(names), role="作者" if marker else None)]
    if seg[: matches[0].start()].strip(" 、，,"):
        return None
    out: list[BylineData] = []
    for i, match in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(seg)
        names = split_names(seg[match.end():stop].strip(" 、，,"), known)
        if not names:
            return None
        word = match.group(1)
        organization = "本报" if word.startswith("本报") else None
        role = _ROLE_NORMAL.get(word.removeprefix("本报"), word)
        out.append(BylineData(names=tuple(names), role=role, organization=organization))
    return out


def parse_byline_line(text: str, *, known: frozenset[str] = frozenset(),
                      bare_names: bool = True) -> list[BylineData] | None:
    """Whether a whole line is a byline (``□记者 杜林波``, ``李 杰 印俊闻``), parsed."""
    marker = bool(_MARKER.match(text))
    body = _MARKER.sub("", text)
    parsed = parse_byline(body, marker=marker, known=known)
    if parsed is None:
        return None
    if not marker and not _ROLE.search(body):
        # names alone: only a line of several names, or one padded name, is a byline
        spaced = len(body.split()) >= 2
        if not (bare_names and spaced and sum(len(b.names) for b in parsed) >= 2):
            return None
    return parsed


def _credit(text: str, known: frozenset[str]) -> BylineData | None:
    match = _CREDIT.match(text)
    if not match:
        return None
    names = split_names(match.group(1), known)
    return BylineData(names=tuple(names), role="摄影") if names else None


def _trailing(text: str, known: frozenset[str]) -> tuple[str, BylineData, str] | None:
    """Split names in brackets off the end of ``text``: (body, byline, bracketed text)."""
    match = _TRAILING.search(text)
    if not match:
        return None
    inner = match.group(1).strip()
    # an affiliation may be letter-spaced like the column it ends (作 者 为 中 央 党 校…)
    affiliation = _AFFILIATION.match("".join(inner.split()))
    if affiliation:
        data = BylineData(names=(), organization=affiliation.group(1).strip())
    else:
        parsed = parse_byline(inner, known=known)
        if parsed is None or len(parsed) != 1:
            return None
        data = parsed[0]
    return text[: match.start()].rstrip(), data, match.group(0).strip()


def _dateline(block: Block, known: frozenset[str]) -> list[Block] | None:
    match = _DATELINE.match(block.text)
    if not match:
        return None
    rest = block.text[match.end():]
    out = [block.with_(text=match.group(1), kind=Kind.DATELINE)]
    for pattern in (_PAREN_BYLINE, _REPORTED):
        found = pattern.match(rest)
        if not found:
            continue
        parsed = parse_byline(found.group(1), known=known)
        if parsed:
            out.append(block.with_(text=found.group(0).strip(), kind=Kind.BYLINE,
                                   bylines=tuple(parsed), gap_before=0,
                                   tags=block.tags | {"opening"}))
            rest = rest[found.end():]
            break
    rest = rest.strip()
    if rest:
        out.append(block.with_(text=rest, gap_before=0, tags=block.tags | {"after_dateline"}))
    return out


def _known_names(doc: Document) -> frozenset[str]:
    """Names printed with spaces or separators somewhere in the dump, to guide splitting."""
    known: set[str] = set()
    for block in doc.blocks:
        for match in _TRAILING.finditer(block.text):
            for token in _name_separators.split(match.group(1)):
                if 2 <= len(token) <= 3:
                    known.add(token)
    return frozenset(known)


_Found = tuple[list[Block], Block | None, list[Block]]


def _find_one(block: Block, known: frozenset[str], settings: BylineSettings,
              rec: Recorder) -> _Found:
    """What one body block holds: (blocks before the rest, the rest, blocks after it)."""
    text = block.text
    if _compact_len(text) <= settings.max_line_chars:
        credit = _credit(text, known)
        if credit is not None:
            rec.change("found photo credit", block.span, ", ".join(credit.names))
            return [block.with_(kind=Kind.CREDIT, bylines=(credit,))], None, []
        parsed = parse_byline_line(text, known=known, bare_names=settings.bare_names)
        if parsed is not None:
            rec.change("found byline", block.span, text)
            return [block.with_(kind=Kind.BYLINE, bylines=tuple(parsed),
                                tags=block.tags | {"opening"})], None, []
    split = _dateline(block, known)
    if split is not None:
        rec.change("found dateline", block.span, split[0].text)
        if len(split) > 1 and split[-1].kind == Kind.TEXT:
            return split[:-1], split[-1], []
        return split, None, []
    trailing = _trailing(text, known)
    if trailing is not None:
        body, data, raw = trailing
        tag = "affiliation" if not data.names else "closing"
        rec.change(f"found {tag} byline", block.span, raw)
        byline = block.with_(text=raw, kind=Kind.BYLINE, bylines=(data,),
                             gap_before=block.gap_before if not body else 0,
                             tags=block.tags | {tag})
        if not body:
            return [byline], None, []
        return [], block.with_(text=body), [byline]
    return [block], None, []


def _find_in(block: Block, known: frozenset[str], settings: BylineSettings,
             rec: Recorder) -> list[Block]:
    """The blocks one body block becomes.  What is left of it after a dateline or a
    trailing byline is split off is looked at again (it is shorter each time), so that
    running the heuristic twice finds nothing more than running it once."""
    head: list[Block] = []
    tails: list[list[Block]] = []
    current: Block | None = block
    while current is not None:
        before, current, after = _find_one(current, known, settings, rec)
        head.extend(before)
        tails.append(after)
    return head + [b for after in reversed(tails) for b in after]


def _note_end(blocks: Sequence[Block], i: int) -> int | None:
    """Where an author note that starts at ``blocks[i]`` and breaks over lines ends."""
    block = blocks[i]
    if (block.kind not in Kind.BODY or block.level is not None
            or not _NOTE_START.match(block.text) or _closing_bracket.search(block.text)):
        return None
    for j in range(i + 1, min(len(blocks), i + 4)):
        nxt = blocks[j]
        if nxt.kind not in Kind.BODY or nxt.level is not None or nxt.gap_before > 1:
            return None
        if _closing_bracket.search(nxt.text):
            return j if _closing_bracket_at_end.search(nxt.text) else None
    return None


def _join_author_notes(blocks: Sequence[Block], rec: Recorder) -> list[Block]:
    """Put back together an author note a narrow column broke over lines:
    ``（作者为中国社会科学院习近平`` / ``新时代…研究`` / ``中心研究员）``."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        end = _note_end(blocks, i)
        if end is None:
            out.append(blocks[i])
            i += 1
            continue
        text = "".join(b.text.strip() for b in blocks[i:end + 1])
        span = covering_span(blocks[i:end + 1])
        out.append(blocks[i].with_(text=text, start=span[0], end=span[1]))
        rec.change("joined an author note broken over lines", span)
        i = end + 1
    return out


@heuristic("find-bylines", settings=BylineSettings, requires={Stage.LINES},
           reads={Kind.TEXT, Stage.HEADINGS}, accepts={Kind.PARAGRAPH},
           provides={Stage.BYLINES, Kind.BYLINE, Kind.DATELINE, Kind.CREDIT, Tag.OPENING,
                     Tag.CLOSING, Tag.AFFILIATION, Tag.AFTER_DATELINE})
def find_bylines(doc: Document, settings: BylineSettings) -> Document:
    """Mark byline, dateline and credit blocks, and split them off the body they touch.

    Cues: role words (记者, 通讯员…), the markers □ ○, a dateline word (本报讯) at the
    start of a block, names in brackets at the end of a block, ``摄`` after names, and
    names checked against the surname table.  Example: ``本报讯 通讯员刘倚帆报道:3月4日…``
    becomes a dateline ``本报讯``, a byline (通讯员 刘倚帆) and a body block ``3月4日…``.
    """
    rec = Recorder("find-bylines")
    known = _known_names(doc)
    out: list[Block] = []
    for block in _join_author_notes(doc.blocks, rec):
        if block.kind not in Kind.BODY or block.level is not None:
            out.append(block)
            continue
        out.extend(_find_in(block, known, settings, rec))
    return rec.apply(doc, out)
