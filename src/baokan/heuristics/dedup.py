"""Drop paragraphs that the extraction tool emitted twice."""

from __future__ import annotations

from collections import defaultdict

import attrs
import regex

from baokan.document import Block, Document, Kind, Recorder
from baokan.pipeline import heuristic

_fold = regex.compile(r"[\s\p{P}\p{S}]+")
_ANCHORS = frozenset({Kind.BYLINE, Kind.DATELINE}) | Kind.TITLES


def dedup_key(text: str) -> str:
    """The text with white space, punctuation and symbols removed (width-insensitive)."""
    return _fold.sub("", text)


@attrs.frozen
class DedupSettings:
    """Settings of ``drop-duplicates``: ``min_chars`` is the shortest paragraph compared."""

    min_chars: int = 12


def _placement(blocks: list[Block], i: int, dup: set[int]) -> int:
    """How well block ``i`` stands in an article: after a title or byline is good, before
    a title (spilled over from the next article) is bad."""
    score = 0
    j = i - 1
    while j >= 0 and j in dup:
        j -= 1
    if j >= 0 and blocks[j].kind in _ANCHORS:
        score += 2
    k = i + 1
    while k < len(blocks) and k in dup:
        k += 1
    if k < len(blocks) and blocks[k].kind in Kind.TITLES:
        score -= 2
    return score


@heuristic("drop-duplicates", settings=DedupSettings, requires={"titles"},
           provides={"deduplicated"})
def drop_duplicates(doc: Document, settings: DedupSettings) -> Document:
    """Keep one copy of a paragraph printed twice: the one that stands in its article.

    Cue: equal text after white space and punctuation are folded (a hash index, linear
    in the dump).  Of the copies, the one after a title or byline is kept and the one
    before a title (spilled over from the next article) is dropped; else the first.
    """
    rec = Recorder("drop-duplicates")
    blocks = list(doc.blocks)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, block in enumerate(blocks):
        if block.kind in (Kind.PARAGRAPH, Kind.TEXT):
            key = dedup_key(block.text)
            if len(key) >= settings.min_chars:
                groups[key].append(i)
    copies = {i for members in groups.values() if len(members) > 1 for i in members}
    drop: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        keep = max(members, key=lambda i: (_placement(blocks, i, copies), -i))
        for i in members:
            if i != keep:
                drop.add(i)
                rec.dropped(blocks[i].text, "duplicate", blocks[i].span,
                            f"duplicate of lines {blocks[keep].start}-{blocks[keep].end}")
    return rec.apply(doc, [b for i, b in enumerate(blocks) if i not in drop])
