"""``split-layout-columns``: read a ``pdftotext -layout`` dump column by column.

The geometry (column edges, bands) lives in :mod:`baokan.core.columns`, which profile
detection uses too.
"""

from __future__ import annotations

from baokan.core.columns import LayoutSettings, column_edges, read_columns, side_by_side
from baokan.core.document import Block, Document, Recorder
from baokan.core.marks import Kind, Stage
from baokan.core.registry import heuristic


@heuristic("split-layout-columns", settings=LayoutSettings, requires={Stage.LINES},
           provides={Stage.COLUMNS_READ, Kind.TEXT})
def split_layout_columns(doc: Document, settings: LayoutSettings) -> Document:
    """Read a dump whose columns stand side by side (``pdftotext -layout``) column by column.

    Cues: on at least ``min_share`` of the lines, text, two spaces or more, and text
    again, or text far right of the margin (columns whose lines fall on rows of their
    own); and column edges, positions where text starts on many lines.  Each line is cut
    at the runs of spaces; each piece goes to the column whose edge it starts at; the
    page is then read column after column within each band of lines (bands are
    separated by ``band_gap`` blank lines).  Nothing is dropped: every piece is kept, in
    a new order, and the move is reported.
    """
    rec = Recorder("split-layout-columns")
    if sum(side_by_side(" " * b.indent + b.text) for b in doc.blocks) \
            < settings.min_share * len(doc.blocks):
        return doc  # the common case, decided without rebuilding any line
    single = all(b.start == b.end for b in doc.blocks)
    rows = [(b.start, b.gap_before, " " * b.indent + b.text) for b in doc.blocks]
    edges = column_edges(rows, settings) if single and rows else None
    if edges is None:
        return doc
    read = read_columns(rows, edges, settings)
    out = [Block(text=text, start=number, end=number, gap_before=gap)
           for number, gap, text in read]
    rec.change("read side-by-side columns one after another",
               (doc.blocks[0].start, doc.blocks[-1].end),
               f"{len(edges) + 1} columns, edges at {', '.join(map(str, edges))}")
    return rec.apply(doc, out)
