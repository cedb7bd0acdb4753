"""Re-join paragraphs that the extraction tool broke into lines."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import regex

from baokan.document import Block, Document, Kind, Recorder
from baokan.pipeline import heuristic
from baokan.text import (
    CLOSERS,
    content_length,
    ends_continuing,
    ends_paragraph,
    has_inner_punct,
    line_cells,
)

_ascii_alnum = regex.compile(r"[A-Za-z0-9]")
_opening = regex.compile(r"^[“\"「『《（(【—\-－]")


@attrs.frozen
class JoinSettings:
    """Settings of ``join-lines``.

    ``mode``: ``"wrapped"`` for a dump hard-wrapped at the column width (a paragraph is
    many lines), ``"paragraph-per-line"`` for a dump that prints each paragraph on one
    line (only sentences cut by a blank line are re-joined).  ``full_slack``: in wrapped
    mode a line within this many cells of the local column width is full; ``window``:
    how many lines around a line the local column width is measured over;
    ``min_cut_chars``: in paragraph-per-line mode, the shortest line that can be the
    first half of a cut sentence; ``ignore_blank_lines``: the dump puts a blank line
    after every printed line, so blank lines say nothing about paragraphs.
    """

    mode: str = attrs.field(default="wrapped",
                            validator=attrs.validators.in_(("wrapped", "paragraph-per-line")))
    full_slack: float = 1.0
    window: int = 6
    min_cut_chars: int = 12
    ignore_blank_lines: bool = False


def _joinable(block: Block) -> bool:
    return block.kind in Kind.BODY and block.level is None


def _glue(left: str, right: str) -> str:
    if left and right and _ascii_alnum.match(left[-1]) and _ascii_alnum.match(right[0]):
        return left + " " + right
    return left + right


def _local_widths(run: Sequence[Block], window: int) -> list[float]:
    lengths = [line_cells(b.text) for b in run]
    widths: list[float] = []
    for i in range(len(run)):
        lo, hi = max(0, i - window), min(len(run), i + window + 1)
        neighbours = sorted(lengths[lo:hi])
        # the column width is what the longer lines reach: the upper quartile
        widths.append(neighbours[(3 * (len(neighbours) - 1)) // 4])
    return widths


_spaced = regex.compile(r"\p{Han} \p{Han} \p{Han} \p{Han}")
_dash_start = regex.compile(r"^[—\-－–―]{2,}")
_any_punct = regex.compile(r"[，。、；：？！,;:?!…]")


def _title_lines(run: Sequence[Block], lengths: list[float], widths: list[float],
                 prev: Block | None, nxt: Block | None) -> set[int]:
    """Lines of a run that are titles although they are as wide as the column.

    After the end of an article, a line with no punctuation at all is a title when the
    line after it is an indented first line (two cells short of the column) and it is
    not such a line itself; before a byline, the lines with no punctuation are titles.
    """
    titles: set[int] = set()

    def bare(i: int) -> bool:
        return not _any_punct.search(run[i].text) and not ends_paragraph(run[i].text)

    if prev is None or prev.closes_article:
        i = 0
        while i < len(run) - 1 and bare(i):
            indented_self = abs(lengths[i] - (widths[i] - 2)) <= 0.5
            next_indented = lengths[i + 1] <= widths[i + 1] - 1.5
            if indented_self or not next_indented:
                break
            titles.add(i)
            i += 1
    if nxt is not None and nxt.opens_article:
        i = len(run) - 1
        while i >= 0 and len(run) - i <= 3 and bare(i):
            titles.add(i)
            i -= 1
    return titles


def _wrapped_breaks(run: Sequence[Block], settings: JoinSettings, prev: Block | None = None,
                    nxt: Block | None = None) -> list[bool]:
    """For each gap between run[i] and run[i+1]: does a paragraph end there?"""
    widths = _local_widths(run, settings.window)
    lengths = [line_cells(b.text) for b in run]
    titles = _title_lines(run, lengths, widths, prev, nxt)

    def full(i: int) -> bool:
        # a letter-spaced line was stretched by the typesetter to fill the column
        return lengths[i] >= widths[i] - settings.full_slack or bool(_spaced.search(run[i].text))

    def bare_end(i: int) -> bool:
        text = run[i].text.rstrip()
        return not (ends_paragraph(text) or ends_continuing(text)
                    or regex.search(r"[\p{P}]$", text.rstrip(CLOSERS)))

    def first_line(i: int) -> bool:
        """A short line with no closing mark, followed (without a blank line, where blank
        lines mean something) by a full line: the indented first line of a paragraph."""
        if i + 1 >= len(run) or not full(i + 1) or run[i + 1].text.rstrip().endswith("——"):
            return False
        # two cells of indent: a first line even where a stray blank line follows it
        return (settings.ignore_blank_lines or run[i + 1].gap_before == 0
                or lengths[i] >= widths[i] - 3)

    def titleish(i: int) -> bool:
        return bare_end(i) and not full(i) and not first_line(i)

    def overlong(i: int) -> bool:
        """Far wider than the column around it: a caption or a line of another layout."""
        return lengths[i] > widths[i] + 3

    breaks: list[bool] = []
    for i in range(len(run) - 1):
        left, right = run[i], run[i + 1]
        if "garbage_boundary" in right.tags and "after_dateline" not in right.tags:
            breaks.append(True)
        elif i in titles or i + 1 in titles or _dash_start.match(right.text):
            breaks.append(True)
        elif overlong(i) != overlong(i + 1):
            breaks.append(True)
        elif ends_continuing(left.text):
            breaks.append(False)
        elif _dash_start.match(left.text):
            breaks.append(True)  # a subtitle line (———访…) stands alone
        elif not bare_end(i):
            # a closed sentence ends the paragraph, unless it fills the line and the next
            # line is full too (a paragraph's first line is indented, so it is not)
            # (by length: a letter-spaced first line is stretched, not full of text)
            next_full = lengths[i + 1] >= widths[i + 1] - settings.full_slack
            breaks.append(not (full(i) and next_full and ends_paragraph(left.text)
                               and not titleish(i + 1)))
        elif full(i):
            breaks.append(titleish(i + 1))
        else:
            breaks.append(not first_line(i))
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
    before: list[Block | None] = [None]

    def flush(nxt: Block | None) -> None:
        if not run:
            return
        if settings.mode == "wrapped":
            breaks = _wrapped_breaks(run, settings, before[0], nxt)
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
            flush(block)
            out.append(block)
            before[0] = block
    flush(None)
    return rec.apply(doc, out)
