"""A title the PDF drew twice or in overlapping pieces put back together before the
page is grouped: the copies go to ``dropped``.
"""

from __future__ import annotations

import regex

from baokan.core.document import Block, Kind, Recorder
from baokan.core.drawn_twice import cut_after, squeezed
from baokan.core.spans import covering_span
from baokan.core.text import han_count

#: Pieces of one title drawn overlapping (a shadow or bold drawn twice) share at least
#: this many Han characters where one ends and the next begins (``新时代：发展新方位`` /
#: ``发展新方位奋进新目标``); two lines of one title rarely repeat two characters there.
MIN_TITLE_OVERLAP = 2
# what no printed line starts with: the piece before it was cut at the mark (``新时代：`` /
# ``：发展新方位``)
_CLOSING_MARK = "：:，,。、；;"

# three characters or more printed twice in a row on a title line (``新时代新时代``): a
# piece of the title drawn twice and read into one line
_DOUBLED = regex.compile(r"(\p{Han}[\p{Han}\p{P}]{2,}?)\1|([：，。、；])\2")


def _undoubled(block: Block, rec: Recorder) -> Block:
    text = block.text
    while True:
        found = _DOUBLED.search(text)
        if found is None:
            return block.with_(text=text) if text != block.text else block
        once = found.group(1) or found.group(2)
        rec.dropped(once, "duplicate", block.span, "a piece of a title drawn twice")
        text = text[:found.start()] + once + text[found.end():]


def _overlap(first: str, second: str) -> int:
    """How many leading characters of ``second`` (spaces left out) repeat the end of
    ``first``: a title drawn in overlapping pieces."""
    a, b = squeezed(first), squeezed(second)
    for k in range(min(len(a), len(b)) - 1, 0, -1):
        if a.endswith(b[:k]) and (han_count(b[:k]) >= MIN_TITLE_OVERLAP
                                  or (k == 1 and b[0] in _CLOSING_MARK)):
            return k  # (a dash that ends a kicker and leads a subtitle is no overlap)
    return 0


def _join_overlapping_titles(blocks: list[Block], rec: Recorder) -> list[Block]:
    """Put back together a title the PDF drew in overlapping pieces, each piece a line:
    a line that repeats the line next to it whole (``新时代：`` over ``新时代 ：发展新方位…``,
    ``奋进新目标`` under ``…奋进新目标``) is a copy, and a line that begins with the end of
    the line before (``新时代：发展新方位`` / ``发展新方位奋进新目标``) goes on it, the
    repeated characters a copy; three characters or more printed twice in a row on a title
    line are printed once.  A line that begins with a closing mark (``：发展新方位…``) was
    cut off the line before it at that mark, and goes on it (then printed once: ``新时代：
    新时代`` / ``：发展…``).  A line kept for a copy is checked again against the line
    before it (``新时代：发展新方位`` / ``奋进新目标`` / ``发展新方位 奋进新目标``).  Copies go
    to ``dropped``; only title lines."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == Kind.TITLE:
            block = _undoubled(block, rec)
        while True:
            prev = out[-1] if out else None
            if prev is None or prev.kind != Kind.TITLE or block.kind != Kind.TITLE \
                    or prev.level != block.level:
                out.append(block)
                break
            merged = _merge_title_pieces(prev, block, rec)
            if merged is None:
                out.append(block)
                break
            # the merged line may in its turn go on the line before it
            out.pop()
            block = merged
    return out


def _merge_title_pieces(prev: Block, block: Block, rec: Recorder) -> Block | None:
    """The one line that two title lines ``prev`` and ``block`` are pieces of (see
    :func:`_join_overlapping_titles`), or None when they are two lines."""
    a, b = squeezed(prev.text), squeezed(block.text)
    # (a line given twice whole is left to the copies of title lines, below)
    if a != b and len(a) >= MIN_TITLE_OVERLAP and len(b) >= MIN_TITLE_OVERLAP and (
            b.startswith(a) or b.endswith(a) or a.startswith(b) or a.endswith(b)):
        keep, copy = (block, prev) if len(b) >= len(a) else (prev, block)
        rec.dropped(copy.text, "duplicate", copy.span, "a piece of a title drawn twice")
        return keep
    count = _overlap(prev.text, block.text)
    rest = block.text.lstrip()
    if count:
        repeated, rest = cut_after(rest, count)
        rec.dropped(repeated, "duplicate", block.span,
                    "the overlap of two pieces of a title drawn overlapping")
    elif not (a and b and b[0] in _CLOSING_MARK and a[-1] not in _CLOSING_MARK):
        return None
    start, end = covering_span((prev, block))
    return _undoubled(prev.with_(text=prev.text.rstrip() + rest, start=start, end=end), rec)
