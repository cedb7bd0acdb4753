"""``split-ocr-rows``: cut the lines an OCR pass read across the gutter into their columns.

Tesseract (page segmentation by its own layout analysis) mostly reads a page column by
column, but where the columns' lines stand level across the page (the first lines of a
row of stories, the last lines above a rule) it reads a line of the image from margin to
margin: one dump line then holds a line of several columns, the gutters read as a run of
spaces.  Left whole, such a line glues the ends of two stories into one printed line (a
headline to the next story's headline, a body's last words to the next body's first).
"""

from __future__ import annotations

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

#: One piece at least of a line cut at its gutters must hold this many characters
#: (spaces aside): a column's line holds a dozen or more, where a title printed in big
#: type with its characters spread (``为    新    世``) is read as lone characters with
#: wide spaces between them, and must stay one line.
MIN_PIECE_CHARS = 4


def _pieces(text: str) -> list[str] | None:
    """The pieces of ``text`` between its gutters, or None if it has no gutter or its
    pieces are the characters of a spread title."""
    if not _GUTTER.search(text):
        return None
    pieces = _GUTTER.split(text)
    longest = max(len(p.replace(" ", "")) for p in pieces)
    return pieces if longest >= MIN_PIECE_CHARS else None


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
    run of ``MIN_GUTTER_SPACES`` spaces or more between glyphs.  Each piece becomes a
    line of its own, on the same source line, parted from the one before it by a blank
    line (a column's line is no continuation of its left neighbour's).  Nothing is
    dropped or reordered.
    """
    if not is_ocr(doc.measurements):
        return doc
    rec = Recorder("split-ocr-rows")
    out: list[Block] = []
    for block in doc.blocks:
        pieces = (_pieces(block.text) if block.kind == Kind.TEXT and block.level is None
                  else None)
        if pieces is None:
            out.append(block)
            continue
        rec.change(f"cut a line read across {len(pieces) - 1} gutter(s)", block.span)
        out.append(block.with_(text=pieces[0]))
        for piece in pieces[1:]:
            out.append(block.with_(text=piece, gap_before=1 if settings.apart else 0,
                                   indent=0))
    if not rec.diagnostics:
        return doc
    return rec.apply(doc, out)
