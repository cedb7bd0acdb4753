"""Re-join paragraphs that the extraction tool broke into lines."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import regex

from baokan.document import Block, Document, Kind, Recorder
from baokan.pipeline import heuristic
from baokan.text import CLOSERS, content_length, ends_continuing, ends_paragraph, has_inner_punct

_ascii_alnum = regex.compile(r"[A-Za-z0-9]")
_opening = regex.compile(r"^[“\"「『《（(【—\-－]")


@attrs.frozen
class JoinSettings:
    """Settings of ``join-lines``.

    ``mode``: ``"wrapped"`` for a dump hard-wrapped at the column width (a paragraph is
    many lines), ``"paragraph-per-line"`` for a dump that prints each paragraph on one
    line (only sentences cut by a blank line are re-joined).  ``full_ratio``: in wrapped
    mode a line at least this fraction of the local column width is full; ``window``:
    how many lines around a line the local column width is measured over;
    ``min_cut_chars``: in paragraph-per-line mode, the shortest line that can be the
    first half of a cut sentence.
    """

    mode: str = attrs.field(default="wrapped",
                            validator=attrs.validators.in_(("wrapped", "paragraph-per-line")))
    full_ratio: float = 0.8
    window: int = 6
    min_cut_chars: int = 12


def _joinable(block: Block) -> bool:
    return block.kind in Kind.BODY and block.level is None


def _glue(left: str, right: str) -> str:
    if left and right and _ascii_alnum.match(left[-1]) and _ascii_alnum.match(right[0]):
        return left + " " + right
    return left + right


def _local_widths(run: Sequence[Block], window: int) -> list[float]:
    lengths = [content_length(b.text) for b in run]
    widths: list[float] = []
    for i in range(len(run)):
        lo, hi = max(0, i - window), min(len(run), i + window + 1)
        neighbours = sorted(lengths[lo:hi])
        # the column width is what the longer lines reach: the upper quartile
        widths.append(neighbours[(3 * (len(neighbours) - 1)) // 4])
    return widths


def _wrapped_breaks(run: Sequence[Block], settings: JoinSettings) -> list[bool]:
    """For each gap between run[i] and run[i+1]: does a paragraph end there?"""
    widths = _local_widths(run, settings.window)
    lengths = [content_length(b.text) for b in run]

    def titleish(i: int) -> bool:
        text = run[i].text.rstrip()
        return (lengths[i] < settings.full_ratio * widths[i] and bool(text)
                and not ends_paragraph(text) and not ends_continuing(text)
                and not regex.search(r"[\p{P}]$", text.rstrip(CLOSERS)))

    breaks: list[bool] = []
    for i in range(len(run) - 1):
        left, right = run[i], run[i + 1]
        if "garbage_boundary" in right.tags and "after_dateline" not in right.tags:
            breaks.append(True)
        elif ends_continuing(left.text):
            breaks.append(False)
        elif ends_paragraph(left.text) or titleish(i) or titleish(i + 1):
            breaks.append(True)
        else:
            breaks.append(lengths[i] < settings.full_ratio * widths[i])
    return breaks


def _per_line_breaks(run: Sequence[Block], settings: JoinSettings) -> list[bool]:
    breaks: list[bool] = []
    for left, right in itertools.pairwise(run):
        text = left.text.rstrip()
        cut = (not ends_paragraph(text) and not _opening.match(right.text)
               and (ends_continuing(text)
                    or (content_length(text) >= settings.min_cut_chars and has_inner_punct(text)
                        and content_length(right.text) >= settings.min_cut_chars)))
        breaks.append(not cut)
    return breaks


@heuristic("join-lines", settings=JoinSettings, requires={"lines"}, provides={"paragraphs"})
def join_lines(doc: Document, settings: JoinSettings) -> Document:
    """Join the lines of a paragraph that the tool broke; never across a title, byline or mark.

    Cues: the local column width (upper quartile of the line lengths around a line), the
    punctuation a line ends with (``，`` continues, ``。！？”`` or ``——`` ends) and short
    lines without any closing mark (titles).  Blank lines are ignored in wrapped mode:
    dumps put them mid-paragraph.  Example: ``在全`` / blank / ``市范围内`` is one sentence.
    """
    rec = Recorder("join-lines")
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        if not run:
            return
        if settings.mode == "wrapped":
            breaks = _wrapped_breaks(run, settings)
        else:
            breaks = _per_line_breaks(run, settings)
        current = run[0]
        joined = 1
        for block, brk in zip(run[1:], breaks):
            if brk:
                if joined > 1:
                    rec.change("joined lines", current.span, f"{joined} lines into a paragraph")
                out.append(current.with_(kind=Kind.PARAGRAPH))
                current, joined = block, 1
            else:
                current = current.with_(text=_glue(current.text.rstrip(), block.text.lstrip()),
                                        end=block.end, tags=current.tags | block.tags)
                joined += 1
        if joined > 1:
            rec.change("joined lines", current.span, f"{joined} lines into a paragraph")
        out.append(current.with_(kind=Kind.PARAGRAPH))
        run.clear()

    for block in doc.blocks:
        if _joinable(block):
            run.append(block)
        else:
            flush()
            out.append(block)
    flush()
    return rec.apply(doc, out)
