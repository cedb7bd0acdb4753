"""Spans of source lines and neighbourhoods that more than one heuristic measures."""

from __future__ import annotations

from collections.abc import Iterable

from baokan.core.document import Block


def covering_span(blocks: Iterable[Block]) -> tuple[int, int]:
    """The source lines ``(first, last)`` that ``blocks`` cover together, whatever their
    order (a join may put a later line first: columns read one after another, a
    paragraph resumed after an interruption)."""
    spans = [b.span for b in blocks]
    return min(s for s, _ in spans), max(e for _, e in spans)


def cut_off_before(piece: Block, rest: Block) -> bool:
    """Whether ``piece`` is one source line's front that a heuristic cut off the line
    ``rest`` starts on (find-bylines splits ``送票子出点子 本报讯（…）…`` so; a byline or a
    dateline split off a body line's head): ``piece`` holds that line alone."""
    return piece.start == piece.end == rest.start


def neighbours(index: int, count: int, width: int) -> list[int]:
    """Articles at most ``width`` away from ``index``, counting round the page: a dump
    may print the top of the page at its end (a kicker after the last story)."""
    if count <= 2 * width + 1:
        return list(range(count))
    return sorted({(index + d) % count for d in range(-width, width + 1)})
