"""Side-by-side columns (``pdftotext -layout``) one column after another.

``pdftotext -layout`` keeps the page's geometry: the columns of a page stand side by side
on each line of the dump, separated by runs of spaces, so a line of the dump holds a
line of every column.  Read line by line, every paragraph is cut into pieces of
different stories.  This step finds the columns' left edges (the positions where text
starts after a run of spaces on many lines) and re-emits the page column by column,
band by band (bands are separated by blank lines that cross the whole page).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
import regex

# a piece of text in which words are separated by single spaces (letter-spacing);
# two spaces or more separate pieces
_PIECE = regex.compile(r"\S+(?: \S+)*")
_INNER_RUN = regex.compile(r"\S  +(?=\S)")


@attrs.frozen
class LayoutSettings:
    """Settings of ``split-layout-columns``.

    ``min_share``: the share of the dump's lines that must hold two pieces or more (text,
    a run of spaces, text) before the dump is read as side-by-side columns;
    ``min_edges``: how many column edges (besides the left margin) must be found;
    ``edge_support``: the share of lines on which text must start at a position for it to
    be a column edge (at least three lines), after runs of spaces of three lengths or
    more (a column is padded up to its edge); ``tolerance``: text starting this many
    positions right of an edge belongs to its column (indented first lines, centred
    titles); ``band_gap``: this many blank lines in a row end a band of columns.
    """

    min_share: float = 0.3
    min_edges: int = 1
    edge_support: float = 0.05
    tolerance: int = 4
    band_gap: int = 2


Row = tuple[int, int, str]
"""A line of the dump: its number, the blank lines before it, its text with indentation."""


def _pieces(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _PIECE.finditer(text)]


def column_edges(rows: Sequence[Row], settings: LayoutSettings) -> list[int] | None:
    """The left edges of side-by-side columns, left to right, or None if the rows are not
    laid out in columns.  An edge is a position where a piece of text starts on many
    rows; starts within ``tolerance`` of a better-supported edge are the same edge."""
    # two pieces or more on a line: a run of two spaces inside its stripped text
    if not rows or sum("  " in text.strip() for _, _, text in rows) \
            < settings.min_share * len(rows):
        return None
    starts: Counter[int] = Counter()
    padding: dict[int, set[int]] = {}
    for _, _, text in rows:
        end = 0
        for x, piece in _pieces(text):
            if x > settings.tolerance:
                starts[x] += 1
                padding.setdefault(x, set()).add(x - end)
            end = x + len(piece)
    support = max(3.0, settings.edge_support * len(rows))
    edges: list[int] = []
    for x, count in sorted(starts.items(), key=lambda item: (-item[1], item[0])):
        if count < support:
            break
        # a column is padded to its edge with as many spaces as the text before it
        # leaves: runs of many lengths (a converter that marks a printed line's end with
        # two spaces makes runs of one length, at whatever position)
        if len(padding[x]) >= 3 and all(abs(x - e) > settings.tolerance for e in edges):
            edges.append(x)
    if len(edges) < settings.min_edges:
        return None
    return sorted(edges)


def read_columns(rows: Sequence[Row], edges: Sequence[int], settings: LayoutSettings) -> list[Row]:
    """The rows' text column by column within each band, as rows ``(line, gap, text)``.

    A piece belongs to the column of the rightmost edge at or left of its start (within
    ``tolerance``); pieces of one column on one line are joined by a space.  Within a
    column, a line where the column is empty counts as a blank line before the next.
    """
    bands: list[list[tuple[int, list[tuple[int, str]]]]] = []
    for number, gap, text in rows:
        if not bands or gap >= settings.band_gap:
            bands.append([])
        bands[-1].append((number, _pieces(text)))
    out: list[Row] = []
    for band in bands:
        columns: list[list[tuple[int, int, str]]] = [[] for _ in range(len(edges) + 1)]
        for row_index, (number, pieces) in enumerate(band):
            parts: dict[int, list[str]] = {}
            for x, piece in pieces:
                column = sum(1 for e in edges if x + settings.tolerance >= e)
                parts.setdefault(column, []).append(piece)
            for column, texts in parts.items():
                columns[column].append((row_index, number, " ".join(texts)))
        band_start = len(out)
        for column_rows in columns:
            previous: int | None = None
            for row_index, number, text in column_rows:
                if previous is not None:  # a line where this column is empty is a blank
                    gap = 1 if row_index - previous > 1 else 0
                elif not out:
                    gap = 0
                elif len(out) == band_start:  # the first piece of a later band
                    gap = settings.band_gap
                else:  # a new column starts
                    gap = 1
                out.append((number, gap, text))
                previous = row_index
    return out


def split_side_by_side(text: str, settings: LayoutSettings | None = None) -> str | None:
    """``text`` with side-by-side columns read one after another, or None if it has none
    (used to measure a dump before choosing its profile)."""
    settings = settings or LayoutSettings()
    if len(_INNER_RUN.findall(text)) < settings.min_share * text.count("\n"):
        return None  # far too few runs of spaces between text for columns side by side
    rows: list[Row] = []
    gap = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            gap += 1
            continue
        rows.append((number, gap, line.rstrip()))
        gap = 0
    edges = column_edges(rows, settings)
    if edges is None:
        return None
    lines: list[str] = []
    for _, row_gap, row_text in read_columns(rows, edges, settings):
        lines.extend([""] * row_gap)
        lines.append(row_text)
    return "\n".join(lines)
