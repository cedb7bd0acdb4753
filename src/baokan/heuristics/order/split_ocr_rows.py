"""``split-ocr-rows``: cut the lines an OCR pass read across the gutter into their columns.

Tesseract (page segmentation by its own layout analysis) mostly reads a page column by
column, but where the columns' lines stand level across the page (the first lines of a
row of stories, the last lines above a rule) it reads a line of the image from margin to
margin: one dump line then holds a line of several columns, the gutters read as a run of
spaces.  Left whole, such a line glues the ends of two stories into one printed line (a
headline to the next story's headline, a body's last words to the next body's first).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic

#: A gutter read by Tesseract: this many spaces or more between two glyphs.  Within a
#: printed line Tesseract writes one space where it sees a gap (a letter-spaced title's
#: characters, a number set apart) and two at most where a line is justified wide (a
#: spaced-out headline: ``银 人 越 并 越  大``); a gutter between two columns is wider
#: than any of them.
MIN_GUTTER_SPACES = 3

_GUTTER = regex.compile(rf"(?<=\S) {{{MIN_GUTTER_SPACES},}}(?=\S)")

#: A column's line, among the pieces of a line cut at its gutters, holds this many Han
#: characters or more; a line is cut only where two pieces at least are such lines.  A
#: title printed in big type with its characters spread (``为    新    世``) reads as
#: lone characters with wide spaces between them, and a masthead as a few short words
#: spaced across the page (``时评          安康日报 2019年…         微信 akrb``): each
#: stays one line (cut, a masthead's pieces are no longer the furniture they are).
MIN_LINE_HAN = 4
#: No piece may hold more than this many times the characters of the page's median
#: line (lines with no gutter, spaces aside): a piece so wide is itself several columns'
#: lines glued by single spaces (a whole band read across, its gutters mostly one
#: space), which cutting at the few wide gutters does not take apart: the line is left
#: whole.
MAX_PIECE_LINES = 2.0

_HAN = regex.compile(r"\p{Han}")


def _pieces(text: str, line_chars: float) -> list[str] | None:
    """The pieces of ``text`` between its gutters, or None if it is no row of columns'
    lines (no gutter; fewer than two pieces a column's line; a piece wider than two
    lines of ``line_chars`` characters)."""
    if not _GUTTER.search(text):
        return None
    pieces = _GUTTER.split(text)
    if sum(len(_HAN.findall(p)) >= MIN_LINE_HAN for p in pieces) < 2:
        return None
    if any(len(p) - p.count(" ") > MAX_PIECE_LINES * line_chars for p in pieces):
        return None
    return pieces


def _line_chars(blocks: Sequence[Block]) -> float:
    """The median number of characters (spaces aside) of the lines with no gutter."""
    sizes = [len(b.text) - b.text.count(" ") for b in blocks
             if b.kind == Kind.TEXT and not _GUTTER.search(b.text)]
    return statistics.median(sizes) if sizes else 0.0


@attrs.frozen
class OcrRowSettings:
    """Settings of ``split-ocr-rows``: ``apart``: a piece cut off a line starts a block
    of its own (a blank line before it), not a line of the same block."""

    apart: bool = True


@heuristic("split-ocr-rows", settings=OcrRowSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, provides={Kind.TEXT})
def split_ocr_rows(doc: Document, settings: OcrRowSettings) -> Document:
    """Cut each line an OCR pass read across gutters into the columns' pieces.

    Cue: the dump is an OCR pass's (:func:`baokan.core.ocr.is_ocr`), and a line holds a
    run of ``MIN_GUTTER_SPACES`` spaces or more between glyphs, two pieces at least of
    which are a column's line (``MIN_LINE_HAN``), none as wide as two or more
    (``MAX_PIECE_LINES``).  Each piece becomes a line of its own, on the same source
    line, parted from the one before it by a blank line (a column's line is no
    continuation of its left neighbour's).  Nothing is dropped or reordered.
    """
    if not is_ocr(doc.measurements):
        return doc
    rec = Recorder("split-ocr-rows")
    out: list[Block] = []
    line_chars = _line_chars(doc.blocks)
    for block in doc.blocks:
        pieces = (_pieces(block.text, line_chars)
                  if block.kind == Kind.TEXT and block.level is None else None)
        if pieces is None:
            out.append(block)
            continue
        rec.change(f"cut a line read across {len(pieces) - 1} gutter(s)", block.span)
        out.append(block.with_(text=pieces[0]))
        for piece in pieces[1:]:
            out.append(block.with_(text=piece, gap_before=1 if settings.apart else 0,
                                   indent=0))
    if not rec.changes:
        return doc
    return rec.apply(doc, out)
