"""Side-by-side columns (``pdftotext -layout``) one column after another.

``pdftotext -layout`` keeps the page's geometry: the columns of a page stand side by side
on each line of the dump, separated by runs of spaces, so a line of the dump holds a
line of every column.  Read line by line, every paragraph is cut into pieces of
different stories.  This step finds the columns' left edges (the positions where text
starts after a run of spaces on many lines) and re-emits the page column by column,
band by band (bands are separated by blank lines that cross the whole page).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import regex

from baokan.core.lexicon import pair_association
from baokan.core.text import (
    CLOSERS,
    CLOSING_MARK_OF,
    OPENING_MARKS,
    display_width,
    ends_paragraph,
    line_cells,
)

# a piece of text in which words are separated by single spaces (letter-spacing);
# two spaces or more separate pieces
_PIECE = regex.compile(r"\S+(?: \S+)*")


@attrs.frozen
class LayoutSettings:
    """Settings of ``split-layout-columns``.

    ``min_share``: the share of the dump's lines that must show columns side by side (two
    pieces or more: text, a run of spaces, text; or text standing far right of the
    margin, see ``side_by_side``) before the dump is read as side-by-side columns;
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


# a line starting this many positions right of the margin or more stands in a column
# right of the first: -layout sets columns whose lines fall on rows of their own (a
# leading unlike their neighbours') at their place, with nothing on their left
_FAR_INDENT = 9


def side_by_side(text: str) -> bool:
    """Whether a line of the dump (with its indentation) shows columns side by side: two
    pieces or more, or a piece standing far right of the margin (a line of spaces only is
    no piece)."""
    stripped = text.lstrip()
    return bool(stripped) and ("  " in stripped.rstrip()
                               or len(text) - len(stripped) >= _FAR_INDENT)


# a title set with a wide tracking: characters standing alone (not ASCII: table cells of
# digits stand so too), this many or more in a row on one line, each two spaces or more
# from the next — -layout places every glyph where the page has it, so the title's
# characters fall over the columns below and would be dealt out among them
_SPREAD_CHARS = 3
_SPREAD = regex.compile(r"(?:^|(?<=  ))[^\x00-\x7f ](?: {2,}[^\x00-\x7f ]){"
                        + str(_SPREAD_CHARS - 1) + r",}(?=  |$)")
_GLYPH = regex.compile(r"\S")
# the runs of spaces of one spread title are alike: a run more than twice as long as the
# shortest so far (or less than half the longest), give or take this many positions, ends
# it (a character of another column standing alone beside it, a title's phrase break)
_SPREAD_SLACK = 2


def _pieces(text: str) -> list[tuple[int, str]]:
    pieces = [(m.start(), m.group()) for m in _PIECE.finditer(text)]
    if len(pieces) < _SPREAD_CHARS or not _SPREAD.search(text):
        return pieces
    return _spread_titles(text, pieces)


def _spread_titles(text: str, pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``pieces`` with each spread title (``_SPREAD``) one piece, its spaces kept."""
    runs: list[list[int]] = []  # each run: the starts of its characters
    for match in _SPREAD.finditer(text):
        run: list[int] = []
        for glyph in _GLYPH.finditer(text, match.start(), match.end()):
            x = glyph.start()
            if len(run) >= 2:
                gaps = [b - a for a, b in itertools.pairwise(run)]
                gap = x - run[-1]
                if gap > 2 * min(gaps) + _SPREAD_SLACK or 2 * gap + _SPREAD_SLACK < max(gaps):
                    runs.append(run)
                    run = run[-1:]
            run.append(x)
        runs.append(run)
    spans: dict[int, int] = {}
    end = -1
    for run in runs:
        if run[0] < end:  # the character the gap broke after ends the title before
            run = run[1:]
        if len(run) >= _SPREAD_CHARS:
            spans[run[0]] = end = run[-1] + 1
    out: list[tuple[int, str]] = []
    end = -1
    for x, piece in pieces:
        if x in spans:
            end = spans[x]
            out.append((x, text[x:end]))
        elif x >= end:
            out.append((x, piece))
    return out


# a position where text starts on this share of the rows from its first such row to its
# last, three rows at least, is a column's edge even if few rows of the page show it: a
# band of the page whose grid differs from the others' (a story set in narrower columns)
_BAND_DENSITY = 0.3
_BAND_STARTS = 3


def column_edges(rows: Sequence[Row], settings: LayoutSettings) -> list[int] | None:
    """The left edges of side-by-side columns, left to right, or None if the rows are not
    laid out in columns.  An edge is a position where a piece of text starts on many
    rows of the page, or densely on the rows of one stretch (``_BAND_DENSITY``); starts
    within ``tolerance`` of a better-supported edge are the same edge (within the shortest
    line's width, for an edge of one stretch)."""
    # two pieces or more on a line: a run of two spaces inside its stripped text
    if not rows or sum(side_by_side(text) for _, _, text in rows) \
            < settings.min_share * len(rows):
        return None
    starts: Counter[int] = Counter()
    padding: dict[int, set[int]] = {}
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for index, (_, _, text) in enumerate(rows):
        end = 0
        for x, piece in _pieces(text):
            if x > settings.tolerance:
                starts[x] += 1
                padding.setdefault(x, set()).add(x - end)
                first.setdefault(x, index)
                last[x] = index
            end = x + len(piece)
    support = max(3.0, settings.edge_support * len(rows))
    edges: list[int] = []
    for x, count in sorted(starts.items(), key=lambda item: (-item[1], item[0])):
        if count < _BAND_STARTS:
            break
        # a band's edge stands the shortest line's width (``_MEASURE_CHARS`` Han
        # characters, two positions each) from the others: nearer, it is a column's
        # indented or letter-spaced lines set a little right of its edge in one band
        apart = settings.tolerance if count >= support else 2 * _MEASURE_CHARS
        if count < support and count < _BAND_DENSITY * (last[x] - first[x] + 1):
            continue
        # a column is padded to its edge with as many spaces as the text before it
        # leaves: runs of many lengths (a converter that marks a printed line's end with
        # two spaces makes runs of one length, at whatever position)
        if len(padding[x]) >= 3 and all(abs(x - e) > apart for e in edges):
            edges.append(x)
    edges = _gutter_edges(rows, sorted(edges), support, settings)
    edges = _glued_edges(rows, edges, support, settings)
    if len(edges) < settings.min_edges:
        return None
    return edges


# two edges this many column pitches apart or more (the median distance between edges)
# leave room for a column between them
_WIDE_GAP = 1.6


def _gutter_edges(rows: Sequence[Row], edges: list[int], support: float,
                  settings: LayoutSettings) -> list[int]:
    """``edges`` with the edges of columns always set one space after the column to
    their left (a narrow gutter: the converter never pads them to their edge).  Where
    two edges (or the margin and the first) stand about twice the page's column pitch
    apart, and on ``support`` rows or more a piece starting at the left one holds a
    single space at the same offset (``_gutter_at``: the left column's full line, then
    the next column's), a column's edge lies between them, one pitch from the left —
    where that space, in display columns, falls within half a pitch of it."""
    if not edges:
        return edges
    bounds = [0, *edges]
    pitch = statistics.median_high(b - a for a, b in itertools.pairwise(bounds))
    wide = {a: b for a, b in itertools.pairwise(bounds) if b - a >= _WIDE_GAP * pitch}
    if not wide:
        return edges
    offsets: dict[int, Counter[int]] = {a: Counter() for a in wide}
    widths: dict[tuple[int, int], list[int]] = {}
    for _, _, text in rows:
        for x, piece in _pieces(text):
            left = next((a for a in wide if abs(x - a) <= settings.tolerance), None)
            if left is None or " " not in piece:
                continue
            i = piece.find(" ")
            if _gutter_at(piece, i):
                offsets[left][i] += 1
                widths.setdefault((left, i), []).append(display_width(piece[:i]))
    added = []
    for left, right in wide.items():
        top = offsets[left].most_common(1)
        if top and sum(c for i, c in offsets[left].items()
                       if abs(i - top[0][0]) <= _MEASURE_SLACK) >= support:
            edge = left + (right - left) // round((right - left) / pitch)
            # the space must fall at the edge it adds: -layout counts a wide character two
            # positions when it pads a column to its edge, but one in a full line glued to
            # the next column's, so the offset is measured in display columns; within
            # half a pitch of the edge (a line of digits or marks runs a little short)
            width = statistics.median_high(widths[left, top[0][0]])
            if abs(left + width + 1 - edge) <= pitch / 2:
                added.append(edge)
    return sorted([*edges, *added])


# a glued gutter's position varies this many positions from row to row (a squeezed mark,
# a digit narrower than a Han character) and still is one gutter
_GLUED_SLACK = 1
_GLUED_PASSES = 2
# a piece left longer than this many of its column's lines (``_Measure.line``) holds the
# line of a column whose edge is not found yet
_GLUED_LINES = 2


def _glued_edges(rows: Sequence[Row], edges: list[int], support: float,
                 settings: LayoutSettings) -> list[int]:
    """``edges`` with the edges of columns that are never padded to their place: a tight
    gutter (a single space or none) sets every line of a column right after its left
    neighbour's, solid or letter-spaced, so no run of spaces ever shows its edge (the last
    column of a page, or a run of columns glued from its first to its last), and
    ``_cut_gutters`` has no edge to cut at.  Each piece left longer than two of its
    column's lines (``_GLUED_LINES``) once the rows are cut at the edges found is cut at
    its column's measure (``_cut_at``, solid or spaced); a position where such cuts fall
    (give or take ``_GLUED_SLACK``) on ``support`` rows or more, farther than the
    tolerance from every edge, is an edge.  Two passes at most (a second finds the next of
    three columns glued)."""
    for _ in range(_GLUED_PASSES):
        if not edges:
            return edges
        cut = [_pieces(text) for _, _, text in rows]
        measures = _measures(cut, edges, settings)
        if not measures:
            return edges
        gutters: Counter[int] = Counter()
        for pieces in cut:
            for x, piece in _cut_gutters(pieces, edges, measures, settings):
                column = _column_of(x, edges, settings)
                measure = measures.get(column)
                if measure is None or " " not in piece \
                        or len(piece) <= _GLUED_LINES * measure.line:
                    continue
                # ``across``: the piece runs over a column's edge not found yet (a digit
                # may stand at its gutter, its texture may change there); no band of
                # white space is looked for, every cut is counted
                i = _cut_at(piece, measure, _indented(x, edges, column), True,
                            lambda width: False)
                if i is not None:
                    gutters[x + i + 1] += 1
        added: list[int] = []
        for x, _ in gutters.most_common():
            # (the sums over the slack do not fall in the order of the counts: every
            # position is looked at)
            if sum(gutters[y] for y in range(x - _GLUED_SLACK, x + _GLUED_SLACK + 1)) < support:
                continue
            if all(abs(x - e) > settings.tolerance for e in (0, *edges, *added)):
                added.append(x)
        if not added:
            break
        edges = sorted([*edges, *added])
    return edges


# a column holding this many lines of a band is one of the band's grid of columns (fewer:
# a title, a byline or a stray piece that happens to stand there)
_GRID_LINES = 3
# a piece of this many characters or more is a title's line, not a name or a short label
_TITLE_CHARS = 6
# a column's last line this wide against the column's median line runs to the column's
# foot: its text goes on below (a short last line ends a paragraph, a credit, a byline)
_FULL_LINE = 0.85
# a band's head (titles, subtitle, bylines over its columns) holds at most this many lines
# in one column (more: a column's own text); its lines this many rows apart or closer, in
# columns side by side, are one block (a title, its subtitle, its byline)
_HEAD_ROWS_APART = 8
_HEAD_LINES = 3


def _grid(columns: Sequence[Sequence[tuple[int, int, str]]]) -> frozenset[int]:
    return frozenset(i for i, lines in enumerate(columns) if len(lines) >= _GRID_LINES)


def _full_line(texts: Sequence[str]) -> float:
    """How wide a column's line runs to the column's edge: ``_FULL_LINE`` of the median
    width of the column's lines ``texts``."""
    return _FULL_LINE * statistics.median_high(line_cells(text) for text in texts)


def _runs_on(above: Sequence[Sequence[tuple[int, int, str]]],
             below: Sequence[Sequence[tuple[int, int, str]]]) -> bool:
    """Whether the band ``below`` goes on with the columns of the band ``above``: every
    column of ``above``'s grid of two or more goes on in ``below`` (which may add a column
    of another story beside them), and the last column of ``above`` stops mid-sentence on a
    full line (a converter broke a run of columns into bands at a gap in one of them;
    columns of a band of their own end their text, on a short line)."""
    grid = _grid(above)
    if len(grid) < 2 or not grid <= _grid(below):
        return False
    last = [text for _, _, text in above[max(grid)]]
    return not ends_paragraph(last[-1]) and line_cells(last[-1]) >= _full_line(last)


def _head(columns: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, int, str]]:
    """Take the head of a band out of its columns: the lines above the row where the
    band's grid starts (half its columns, two at least, hold a full line on one row), at
    most ``_HEAD_LINES`` in a column, and cut off from the column's text below by a row
    where the column is empty (titles, a subtitle, bylines set over the columns).  They
    are returned row by row as ``(row, column, line, text)``."""
    grid = _grid(columns)
    if len(grid) < 2:
        return []
    needed = max(2, (len(grid) + 1) // 2)
    filled: Counter[int] = Counter()
    for i in grid:
        body = _full_line([text for _, _, text in columns[i]])  # a name or label is none
        filled.update(row for row, _, text in columns[i] if line_cells(text) >= body)
    start = min((row for row, count in filled.items() if count >= needed), default=None)
    if start is None:
        return []
    head: list[tuple[int, int, int, str]] = []
    for i, lines in enumerate(columns):
        lead = sum(1 for row, _, _ in lines if row < start)
        if 0 < lead <= _HEAD_LINES \
                and (lead == len(lines) or lines[lead][0] - lines[lead - 1][0] > 1):
            head.extend((row, i, number, text) for row, number, text in lines[:lead])
            del lines[:lead]
    return sorted(head)


def _first_gap(out: Sequence[Row], band_start: int, settings: LayoutSettings, gap: int) -> int:
    """The gap before a column's (or a head block's) first line: none at the page's top,
    a band's gap at a band's first line, else ``gap``."""
    if not out:
        return 0
    return settings.band_gap if len(out) == band_start else gap


def _head_blocks(head: Sequence[tuple[int, int, int, str]]
                 ) -> dict[int, list[tuple[int, int, int, str]]]:
    """The head's lines in blocks, each read before the leftmost column it stands over: a
    line in the column next to a block's rightmost one, on the row of that column's last
    line or at most ``_HEAD_ROWS_APART`` rows below it, goes on the block (a subtitle or a
    byline set lower right of a title); a line above it opens a block of its own."""
    blocks: dict[int, list[tuple[int, int, int, str]]] = {}
    first = right = bottom = -1
    for line in sorted(head, key=lambda item: (item[1], item[0])):
        row, column = line[0], line[1]
        if first < 0 or not (column == right or (column == right + 1
                                                 and 0 <= row - bottom <= _HEAD_ROWS_APART)):
            first = column
        blocks.setdefault(first, []).append(line)
        right, bottom = column, row
    return {column: sorted(lines) for column, lines in blocks.items()}


# a column's full line: the most common length (in characters) of the pieces standing
# alone in it, found on this many lines at least (fewer: no measure to cut at)
_MEASURE_LINES = 3
# a glued piece is cut at a single space this many characters off its column's measure
# at most (a digit or a mark set narrower or wider than a Han character)
_MEASURE_SLACK = 1
# the same in display columns (a Han character takes two): a column's full line ends
# within one Han character of its measure
_CELLS_SLACK = 2
# a measure under this many characters is no line's (glyphs of a vertical title, labels)
_MEASURE_CHARS = 4
#: How far short of the column a paragraph's first line is indented, in cells (two
#: full-width spaces, 首行缩进): the one indent join-lines, separate-columns and the measures
#: here read.
INDENT = 2
# a column's letter-spaced lines squeeze this many marks at most (``，每``: no space after
# the mark) when they hold as many characters as its solid lines; a spaced measure shorter
# still is set with a tracking that fits fewer characters a line
_SQUEEZED_MARKS = 2
_GUTTER_SIDE = regex.compile(r"[\p{Han}\p{P}]")
# the digits of a number at a line's end or start (``2016``, ``１９``); not ``str.isdigit``,
# which takes ① and ² too
_GUTTER_DIGITS = frozenset("0123456789０１２３４５６７８９")
# a text ending in a letter-spaced run (``参 保 缴 费``): characters one space apart
_SPACED_RUN = regex.compile(r"\S \S \S$")
# the positions such a run takes, read off before a cut (not searched for from the
# start of the piece at every candidate space)
_SPACED_RUN_CHARS = 5
# (a squeezed mark beside one of its characters, ``琴 ）元 旦``; two characters that are
# no mark and a character are a word set between spaces, ``近 40 年``, ``农 民 对待``)
_SPACED_TAIL = regex.compile(r"\S (?:\p{P}\S|\S\p{P}?) \S$")


def _gutter_at(piece: str, i: int, digits: bool = False) -> bool:
    """Whether the single space at ``i`` in ``piece`` may be a gutter between two
    columns' lines: Han text or a mark on both sides (or a digit, see ``_gutter_sides``),
    no letter-spaced run around it (``参 保 缴 费``: a line spaced out), at most one more
    space in the line before it, and no mark that cannot end or start a line
    (``“ 加码”``)."""
    return (2 <= i < len(piece) - 2 and piece[i] == " " and piece[i - 2] != " "
            and piece[i + 2] != " " and piece.count(" ", 0, i) <= 1
            and _gutter_sides(piece, i, digits))


def _gutter_sides(piece: str, i: int, digits: bool = False) -> bool:
    """Han text or a mark on both sides of ``i``; with ``digits``, a digit on one side may
    stand for it (a line ending in a number, ``2016``, or starting with one; not both:
    ``41 8``).  Many pages set a half-width number between spaces (``近 40 年``), so a
    digit beside a space is a gutter only in a piece that runs across the next column's
    edge."""
    left, right = piece[i - 1], piece[i + 1]
    if digits and ((left in _GUTTER_DIGITS) != (right in _GUTTER_DIGITS)):
        sides = bool(_GUTTER_SIDE.match(right if left in _GUTTER_DIGITS else left))
    else:
        sides = bool(_GUTTER_SIDE.match(left)) and bool(_GUTTER_SIDE.match(right))
    return (sides and not _OPENS.search(piece, i - 1, i)
            and not _FOLLOWS.match(piece[i + 1:]))


def _spaced_before(piece: str, i: int) -> bool:
    """Whether the text of ``piece`` before ``i`` ends in a letter-spaced run (a squeezed
    mark may stand in it with no space after it: ``琴 ）元 旦``)."""
    return bool(_SPACED_TAIL.search(piece, max(0, i - _SPACED_RUN_CHARS - 1), i))


def _column_of(x: int, edges: Sequence[int], settings: LayoutSettings) -> int:
    return sum(1 for e in edges if x + settings.tolerance >= e)


@attrs.frozen
class _Measure:
    """A column's full line: ``chars`` characters set solid, ``spaced`` positions of the
    dump letter-spaced (a character and its space; a squeezed mark takes one) — -layout
    sets a spaced line to the column's printed width, whatever its characters."""

    chars: int
    spaced: int | None
    cells: int | None = None

    @property
    def line(self) -> int:
        """The shorter of the solid and spaced measures (positions of the dump)."""
        return min(self.chars, self.spaced or self.chars)


def _indented(x: int, edges: Sequence[int], column: int) -> bool:
    """Whether a piece at ``x`` in ``column`` starts right of the column's left edge."""
    return x > (edges[column - 1] if column else 0)


def _most_common(counts: Counter[int] | None) -> int | None:
    if not counts:
        return None
    length, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return length if count >= _MEASURE_LINES and length >= _MEASURE_CHARS else None


def _measures(lines: Sequence[list[tuple[int, str]]], edges: Sequence[int],
              settings: LayoutSettings) -> dict[int, _Measure]:
    """Each column's measure: the most common length of the pieces standing alone in it
    (ending before the next column's edge), solid ones (no single space inside) and
    letter-spaced ones apart; a column with too few solid pieces has the median solid
    measure of the others (a page's columns mostly share one), one with too few spaced
    pieces the median spaced measure of the others if most columns have one (else none);
    a column whose pieces are glued to the next column's (one space between, the second
    part no more than ``2 * _MEASURE_SLACK`` longer) more often than it has solid ones
    standing alone has the glued pieces' most common first part for its solid measure;
    a page with no solid measure has none at all."""
    solid: dict[int, Counter[int]] = {}
    widths: dict[int, Counter[int]] = {}
    spaced: dict[int, Counter[int]] = {}
    glued: dict[int, Counter[int]] = {}
    for pieces in lines:
        for x, piece in pieces:
            column = _column_of(x, edges, settings)
            if " " not in piece:
                if column >= len(edges) or x + len(piece) <= edges[column]:
                    solid.setdefault(column, Counter())[len(piece)] += 1
                    widths.setdefault(column, Counter())[display_width(piece)] += 1
            elif _SPACED_RUN.search(piece) and (column >= len(edges)
                                                or x + len(piece) <= edges[column]):
                spaced.setdefault(column, Counter())[len(piece)] += 1
            elif piece.count(" ") == 1:
                head, tail = piece.split(" ")
                if _MEASURE_CHARS <= len(tail) <= len(head) + 2 * _MEASURE_SLACK \
                        and len(head) >= _MEASURE_CHARS:
                    glued.setdefault(column, Counter())[len(head)] += 1
    chars = {c: n for c in range(len(edges) + 1) if (n := _most_common(solid.get(c)))}
    # a column whose full lines are glued to the next column's more often than they stand
    # alone (a tight gutter): its lines standing alone are short ones (a paragraph's end, a
    # caption), and the glued lines' first parts give its measure (a glued pair: the next
    # column's line at most ``2 * _MEASURE_SLACK`` longer than the first, a line set across
    # after a label is longer: ``招聘启事 因业务发展需要…``)
    for c, votes in glued.items():
        length = _most_common(votes)
        if length is not None \
                and votes[length] > max(solid.get(c, Counter()).values(), default=0):
            chars[c] = length
    wide = {c: n for c in range(len(edges) + 1) if (n := _most_common(spaced.get(c)))}
    if not chars:
        return {}
    cells = {c: n for c in range(len(edges) + 1) if (n := _most_common(widths.get(c)))}
    common = statistics.median_high(chars.values())
    common_cells = statistics.median_high(cells.values()) if cells else None
    # a column with too few spaced lines standing alone (all of them glued to the next
    # column's) has the page's spaced measure, if most columns share one
    common_wide = statistics.median_high(wide.values()) \
        if 2 * len(wide) > len(edges) + 1 else None
    return {c: _Measure(chars.get(c, common), wide.get(c, common_wide),
                        cells.get(c, common_cells))
            for c in range(len(edges) + 1)}


# a span with this many rows free of text over it (blank lines count) right above and
# right below stands apart in white space: a title set in its own band (a larger type's
# leading), a byline, a credit or a footer line — not a column's line, whose neighbours
# in its column stand at most two rows away (one or two empty rows: a column set with a
# wider leading than the page's rows, or columns of another leading beside it)
_APART_ROWS = 3


def _stands_apart(rows: Sequence[Row], cut: Sequence[Sequence[tuple[int, str]]], index: int,
                  lo: int, hi: int) -> bool:
    """Whether the span ``lo``–``hi`` (in characters) of row ``index`` has
    ``_APART_ROWS`` rows free of text over it both above and below it (or the page's
    edge).  Looks at that many rows each way at most."""
    for step in (-1, 1):
        j, empty = index, 0
        while True:
            empty += rows[j][1] if step < 0 else (rows[j + 1][1] if j + 1 < len(rows) else 0)
            j += step
            if empty >= _APART_ROWS or not 0 <= j < len(rows):
                break
            if any(x < hi and x + len(piece) > lo for x, piece in cut[j]):
                return False
            empty += 1
    return True


# a line set across the columns stands under this many rows free of text over it (a
# caption under its photo, a notice's first line in a band of its own; blank lines count),
# or goes on a block of such lines: a row of columns' lines glued has their lines over it
_SPACE_ROWS = 2


def _under_space(rows: Sequence[Row], cut: Sequence[Sequence[tuple[int, str]]], index: int,
                 tolerance: int, x: int, length: int, width: int) -> bool:
    """Whether the piece of ``length`` positions at ``x`` on row ``index`` stands in a block
    of pieces wider than ``width`` (rows with no blank between, each piece starting within
    ``tolerance`` of ``x``) with ``_SPACE_ROWS`` rows free of text over its span right
    above the block (or the page's top)."""
    top = index
    while top > 0 and rows[top][1] == 0 and any(
            abs(at - x) <= tolerance and len(piece) > width for at, piece in cut[top - 1]):
        top -= 1
    if top == index and length <= width:
        return False
    empty, j = rows[top][1], top - 1
    while empty < _SPACE_ROWS and j >= 0:
        if any(at < x + length and at + len(piece) > x for at, piece in cut[j]):
            return False
        empty += 1 + rows[j][1]
        j -= 1
    return True


# a change of texture this far past the spaced measure (half a spaced line past it) or
# farther: two letter-spaced columns glued before a solid one; the spaced measure cuts the
# first of them off (a nearer change is the gutter)
_TEXTURE_PAST_SPACED = 1.5


def _cut_at(piece: str, measure: _Measure, indented: bool, across: bool,
            under_space: Callable[[int], bool]) -> int | None:
    """Where a glued ``piece`` whose first part is a line of a column ends, or None.

    A solid line: at a single space standing alone (``_gutter_at``) after a first part as
    long as the column's measure (give or take ``_MEASURE_SLACK``), or, for an indented
    first line, up to ``INDENT`` shorter if the rest is as long as half a line at
    least (a byline's role and name stay whole).  A letter-spaced line, whose spaces are
    all alike: at the space after as many positions as the column's spaced lines take,
    if the piece is no wider than two columns' lines or runs ``across`` the next column's
    edge (a wider piece that does not is a line set across the columns of a band whose
    grid is wider than the page's, a notice; one that does may hold three columns'
    lines), and if the rest is as long as half a line at least (a spaced line a little
    wider than the others is no glued one); not a piece running across the edge that
    stands under white space (``under_space``, given the width of two columns' lines:
    a caption under its photo, a notice in a band of its own, spaced to a width of its
    own).  Two spaces as far from that measure (one
    each side of it: the spaces of a spaced line fall every other position) are told
    apart by the characters before them, where the column's spaced lines hold as many
    as its solid ones (``_SQUEEZED_MARKS``): as many as a solid line holds; else the
    shorter.  A piece that runs across the next column's edge and has no space at the
    solid measure is cut where its texture changes (``_texture_cut``) before the spaced
    measure is tried (the texture cut is kept unless it falls ``_TEXTURE_PAST_SPACED``
    spaced measures in or farther).  Solid cut (``_solid_cut``), then texture cut, then
    spaced cut (``_spaced_cut``)."""
    cut = _solid_cut(piece, measure, indented, across)
    spaced = measure.spaced
    texture = None
    if cut is None and across:
        cut = texture = _texture_cut(piece, measure)
    if spaced is None or (cut is not None and (texture is None
                                               or texture < _TEXTURE_PAST_SPACED * spaced)):
        return cut
    wide = 2 * (spaced + _MEASURE_SLACK)
    if len(piece) > wide and not across:
        return None
    cut = _spaced_cut(piece, measure)
    return texture if cut is None or (across and under_space(wide)) else cut


def _solid_cut(piece: str, measure: _Measure, indented: bool, across: bool) -> int | None:
    """Where ``_cut_at`` cuts a glued ``piece`` whose first part is a solid line, or None:
    the gutter (``_gutter_at``; a digit beside it only ``across`` the next column's edge)
    nearest the column's measure, in characters or in display columns."""
    near = list(range(measure.chars - _MEASURE_SLACK, measure.chars + _MEASURE_SLACK + 1))
    if indented:
        near += [i for i in range(measure.chars - _MEASURE_SLACK - INDENT,
                                  measure.chars - _MEASURE_SLACK)
                 if len(piece) - i > measure.chars // 2]
    off: dict[int, float] = {i: abs(i - measure.chars) for i in near}
    if measure.cells is not None:
        # the measure in display columns too (in characters off it, a Han character two
        # columns): a line holding half-width digits, Latin letters or quotes holds more
        # characters than a line of Han text does.  The width is summed once along the
        # piece, up to the last space that can be near the measure.
        width, start, at = 0, 0, piece.find(" ")
        while at >= 0 and width <= measure.cells + _CELLS_SLACK:
            width += display_width(piece[start:at])
            start = at
            if abs(width - measure.cells) <= _CELLS_SLACK:
                chars_off = abs(width - measure.cells) / 2
                off[at] = min(off.get(at, chars_off), chars_off)
            at = piece.find(" ", at + 1)
    return min((i for i in off if _gutter_at(piece, i, across)),
               key=lambda i: (off[i], i), default=None)


def _spaced_cut(piece: str, measure: _Measure) -> int | None:
    """Where ``_cut_at`` cuts a glued ``piece`` whose first part is a letter-spaced line,
    or None: the space after as many positions as the column's spaced lines take (give or
    take ``_MEASURE_SLACK``), the rest as long as half a line at least.  Of two such
    spaces, the one with as many characters before it as a solid line holds, where the
    column's spaced lines hold as many as its solid ones (``_SQUEEZED_MARKS``); else the
    shorter cut."""
    spaced = measure.spaced
    if spaced is None:
        return None
    # a spaced line of n characters takes 2n - 1 positions, one fewer a squeezed mark;
    # no count to match (0): the shorter cut
    held = measure.chars if spaced >= 2 * measure.chars - 1 - _SQUEEZED_MARKS else 0
    return min((i for i in range(spaced - _MEASURE_SLACK, spaced + _MEASURE_SLACK + 1)
                if i >= 2 and len(piece) - i > spaced // 2 and piece[i] == " "
                and _spaced_before(piece, i) and _gutter_sides(piece, i)),
               key=lambda i: (abs(i - spaced), abs(i - piece.count(" ", 0, i) - held), i),
               default=None)


# a letter-spaced line sets every Han character apart (a number may stay solid: ``30日``);
# a run holding this many Han characters with no space in it is a solid line's
_SOLID_HAN = 4
_SPACED_START = regex.compile(r"\S \S \S")


def _solid_han(piece: str, start: int) -> int:
    """How many Han characters the run of ``piece`` from ``start`` to the next space holds."""
    end = piece.find(" ", start)
    return len(_HAN_CHAR.findall(piece, start, len(piece) if end < 0 else end))


def _texture_cut(piece: str, measure: _Measure) -> int | None:
    """Where a glued ``piece`` changes texture at a single space, or None: a letter-spaced
    line (``参 保 缴 费``) followed by a solid one, or a solid line as long as the column's
    measure followed by a spaced one.  A converter spaces a justified line all along
    (but for numbers), so the change is the gutter, whatever the spaced line's measure
    (its tracking fits fewer characters a line; a column may show too few spaced lines
    standing alone to measure them).  The first part spans at least the column's
    measure less ``_MEASURE_SLACK`` positions; the solid line holds half a measure of
    Han characters (``_SOLID_HAN`` at least): a line spaced out only in part (a run of
    another font) keeps a shorter solid tail."""
    low = measure.chars - _MEASURE_SLACK
    solid = max(_SOLID_HAN, measure.chars // 2)
    first = piece.find(" ")
    i = piece.find(" ", max(2, low))
    while 0 <= i < len(piece) - _SOLID_HAN:  # the piece's spaces, once each
        if ((_spaced_before(piece, i) and _solid_han(piece, i + 1) >= solid)
                or (i == first and i <= measure.chars + _MEASURE_SLACK
                    and _SPACED_START.match(piece, i + 1))) and _gutter_sides(piece, i):
            return i
        i = piece.find(" ", i + 1)
    return None


def _cut_gutters(pieces: list[tuple[int, str]], edges: Sequence[int],
                 measures: dict[int, _Measure], settings: LayoutSettings,
                 apart: Callable[[int, int], bool] = lambda lo, hi: False,
                 under_space: Callable[[int, int, int], bool] = lambda x, length, width: False,
                 ) -> list[tuple[int, str]]:
    """Pieces that run on over a single-space gutter into the next column cut there.

    A converter that sets a full line of a column one space before the next column's
    line (a narrow gutter, or a letter-spaced line whose spaces are as wide as the
    gutter) makes one piece of both.  The piece is cut where its part before is as long
    as its column's measure (``_measures``, ``_cut_at``); the rest is read in the next
    column.  A piece both of whose parts stand apart in white space (``apart``: nothing
    right above or below either, see ``_stands_apart``) is a line set on its own across
    columns — a headline over two columns, with a space between its phrases where the
    first column's line would end — and stays whole; so does a letter-spaced one that
    ``under_space`` (``_under_space``: its place, length, and a width) says stands under
    white space."""
    out: list[tuple[int, str]] = []
    for x, piece in pieces:
        at = x  # where the rest of the piece stands on its row (``x``: its column's place)
        column = _column_of(x, edges, settings)
        span = (x, len(piece))  # the whole piece's, for ``under_space``
        while column < len(edges) and column in measures and " " in piece:
            measure = measures[column]
            if len(piece) <= measure.line + _MEASURE_SLACK:
                break
            cut = _cut_at(piece, measure, _indented(x, edges, column),
                          x + len(piece) > edges[column] + settings.tolerance,
                          functools.partial(under_space, *span))
            if cut is None or (apart(at, at + cut) and apart(at + cut + 1, at + len(piece))):
                break
            out.append((x, piece[:cut]))
            at += cut + 1
            x, piece = max(x + cut + 1, edges[column]), piece[cut + 1:]
            column = _column_of(x, edges, settings)
        out.append((x, piece))
    return out


Line = tuple[int, int, str]
"""A column's line: its row (counted over the dump's non-blank lines), its number, its text."""

Grid = tuple[list[tuple[int, int, int, str]], list[list[Line]], list[int]]
"""A band (or bands joined) of columns: its head's lines ``(row, column, line, text)``, each
column's lines, and the numbers of the first lines of the bands joined to the first."""


def column_grids(rows: Sequence[Row], edges: Sequence[int], settings: LayoutSettings
                 ) -> list[Grid]:
    """The rows cut into bands of columns (``read_columns``), a band joined to the one
    above when it runs on with its columns (``_runs_on``)."""
    bands: list[list[tuple[int, list[tuple[int, str]]]]] = []
    cut = [_pieces(text) for _, _, text in rows]
    measures = _measures(cut, edges, settings)
    for index, ((number, gap, _), pieces) in enumerate(zip(rows, cut, strict=True)):
        if not bands or gap >= settings.band_gap:
            bands.append([])
        bands[-1].append((number, _cut_gutters(
            pieces, edges, measures, settings,
            functools.partial(_stands_apart, rows, cut, index),
            functools.partial(_under_space, rows, cut, index, settings.tolerance))))
    grids: list[Grid] = []
    offset = 0  # row indices run on across bands joined into one
    for band in bands:
        columns: list[list[tuple[int, int, str]]] = [[] for _ in range(len(edges) + 1)]
        for row_index, (number, pieces) in enumerate(band):
            parts: dict[int, list[str]] = {}
            for x, piece in pieces:
                column = _column_of(x, edges, settings)
                parts.setdefault(column, []).append(piece)
            for column, texts in parts.items():
                columns[column].append((offset + row_index, number, " ".join(texts)))
        offset += len(band)
        head = _head(columns)
        # a long piece off every column edge near the band's top: a title set across
        # columns, which opens stories of their own
        titled = {sum(1 for e in edges if x + settings.tolerance >= e)
                  for _, pieces in band[:_GRID_LINES] for x, piece in pieces
                  if len(piece) >= _TITLE_CHARS
                  and all(abs(x - e) > settings.tolerance for e in (0, *edges))}
        titled.update(column for _, column, _, _ in head)
        if grids and not titled & _grid(grids[-1][1]) and _runs_on(grids[-1][1], columns):
            grids[-1][0].extend(head)
            grids[-1][2].append(band[0][0])
            for kept, more in zip(grids[-1][1], columns, strict=True):
                kept.extend(more)
        else:
            grids.append((head, columns, []))
    return grids


# the columns of one story fall on the same rows of the dump (-layout places the lines of
# a story's columns at one leading): this share of a column's lines (of the shorter of two
# columns side by side) on rows of its neighbour's, above a strip cut and below it
_STRIP_ALIGNED = 0.5
# a strip below a cut holds this many lines in each of its columns at least (fewer: labels
# of a picture or a table set in a row, not a story)
_STRIP_LINES = 2
# a line this much of its column's full line or shorter is a title's (a kicker over the
# title below it), not a story's last line: no cut under it on the title-like cue alone
_KICKER_SHARE = 0.4


def _pitch(numbers: Sequence[int]) -> int:
    """The most common step between the dump lines ``numbers`` (1: a line on every row)."""
    steps = Counter(b - a for a, b in itertools.pairwise(numbers))
    return steps.most_common(1)[0][0] if steps else 1


def _aligned(columns: Sequence[Sequence[Line]]) -> bool:
    """Whether the lines of columns side by side fall on the same rows of the dump
    (``_STRIP_ALIGNED``)."""
    for left, right in itertools.pairwise(columns):
        numbers = {number for _, number, _ in left}
        if sum(number in numbers for _, number, _ in right) \
                < _STRIP_ALIGNED * min(len(left), len(right)):
            return False
    return True


def _strip_cuts(columns: Sequence[Sequence[Line]], joins: Sequence[int], clear: int
                ) -> list[int]:
    """The dump lines at which a group of columns side by side parts into strips, each
    strip's columns read before the next strip's: two stories stacked over the same columns
    (story A over the top rows of the group, story B under it).

    A cut lies where every column of the group is empty on ``clear`` rows of the dump or
    more beyond the group's own pitch (``_pitch``: -layout may set a story on every other
    row, between the rows of its neighbours) — and in one column at least, beyond that
    column's own pitch (columns of several leadings make a group's pitch of one row,
    however far apart the lines of each column stand: rows that every column's own
    leading spans hold no white space) — with text above and below in every column
    (``_STRIP_LINES`` lines below at least), the columns aligned above and below
    (``_aligned``), and not at the start of a band joined to the one above (``_runs_on``
    found the columns going on there).  And the story above ends there: the last line of
    the group's right column ends a paragraph, or the left column's first line below is
    title-like — shorter than a full line, without a sentence's end — under a last line that
    is no title's (``_KICKER_SHARE``).  Rows that the columns of one story leave blank
    together (paragraph breaks on one row) are no cut: the right column's line before them
    runs on, and the line after them is a full one.  A title line of story B lies below the
    clear rows, as B's first line, not among them."""
    numbers = sorted({number for lines in columns for _, number, _ in lines})
    if len(numbers) < 2:
        return []
    pitch = _pitch(numbers)
    starts = [[number for _, number, _ in lines] for lines in columns]
    pitches = [_pitch(lines) for lines in starts]
    full: tuple[float, float] | None = None  # the left and right columns' full lines
    cuts: list[int] = []
    for above, below in itertools.pairwise(numbers):
        if below - above - pitch < clear or any(above < join <= below for join in joins):
            continue
        top = cuts[-1] if cuts else -1
        low = [bisect.bisect_left(lines, top) for lines in starts]
        mid = [bisect.bisect_right(lines, above) for lines in starts]
        if any(m <= lo or len(lines) - m < _STRIP_LINES
               for lo, m, lines in zip(low, mid, starts, strict=True)):
            continue
        if all(lines[m] - lines[m - 1] - own < clear
               for m, lines, own in zip(mid, starts, pitches, strict=True)):
            continue  # each column's own leading spans the rows: no white space there
        last = columns[-1][mid[-1] - 1][2]
        first = columns[0][mid[0]][2]
        if full is None:  # every column holds lines here
            full = (_full_line([text for _, _, text in columns[0]]),
                    _full_line([text for _, _, text in columns[-1]]))
        if not ends_paragraph(last) and (ends_paragraph(first) or line_cells(first) >= full[0]
                                         or line_cells(last) < _KICKER_SHARE * full[1]):
            continue
        if _aligned([lines[lo:m] for lines, lo, m in zip(columns, low, mid, strict=True)]) \
                and _aligned([lines[m:] for lines, m in zip(columns, mid, strict=True)]):
            cuts.append(below)
    return cuts


Run = tuple[int, Sequence[Line], bool]
"""Lines of one column read one after another: the column, its lines, whether they open a
strip (``_strip_cuts``)."""


def _read_group(columns: Sequence[Sequence[Line]], first: int, joins: Sequence[int],
                clear: int) -> list[Run]:
    """The lines of the columns ``columns`` side by side (the first is column ``first``) in
    reading order, as runs: the widest group of two columns or more at the left that parts
    into strips (``_strip_cuts``) is read strip by strip (each strip read so again), then
    the columns right of it; with no such group, the left column whole, then the others."""
    if not columns:
        return []
    for width in range(len(columns), 1, -1):
        group = columns[:width]
        cuts = _strip_cuts(group, joins, clear)
        if not cuts:
            continue
        out: list[Run] = []
        for low, high in itertools.pairwise([-1, *cuts, math.inf]):
            strip = [[line for line in lines if low <= line[1] < high] for lines in group]
            runs = _read_group(strip, first, joins, clear)
            if low >= 0 and runs:
                runs[0] = (runs[0][0], runs[0][1], True)
            out.extend(runs)
        return out + _read_group(columns[width:], first + width, joins, clear)
    return [(first, columns[0], False), *_read_group(columns[1:], first + 1, joins, clear)]


def read_grid(grid: Grid, settings: LayoutSettings) -> list[Run]:
    """A grid's columns in reading order, as runs (``_read_group``)."""
    return _read_group(grid[1], 0, grid[2], settings.band_gap)


def read_columns(rows: Sequence[Row], edges: Sequence[int], settings: LayoutSettings) -> list[Row]:
    """The rows' text column by column within each band, as rows ``(line, gap, text)``.

    A piece belongs to the column of the rightmost edge at or left of its start (within
    ``tolerance``); pieces of one column on one line are joined by a space.  Within a
    column, a line where the column is empty counts as a blank line before the next.
    A band goes on with the band above when it carries on the same grid of columns (a
    converter cut the columns into bands at a gap in one of them; see ``_runs_on``), unless
    a title opens it; a band's head (``_head``) is read before the columns it stands over.
    Where stories stand stacked over the same columns of a band, the columns are read strip
    by strip (``_strip_cuts``); a strip opens with a band's gap.
    """
    out: list[Row] = []
    for grid in column_grids(rows, edges, settings):
        band_start = len(out)
        opens = _head_blocks(grid[0])
        seen: set[int] = set()
        pending = False  # a strip opens: its first line comes after a band's gap
        for column, run, opens_strip in read_grid(grid, settings):
            pending = pending or opens_strip
            last: tuple[int, int] | None = None
            if column not in seen:
                seen.add(column)
                for row_index, at, number, text in opens.get(column, ()):
                    gap = 0 if last == (row_index - 1, at) else 1
                    out.append((number, _first_gap(out, band_start, settings, gap), text))
                    last = (row_index, at)
            previous: int | None = None
            for row_index, number, text in run:
                if previous is not None:  # a line where this column is empty is a blank
                    gap = 1 if row_index - previous > 1 else 0
                else:
                    gap = _first_gap(out, band_start, settings, 1)
                if pending:
                    gap, pending = max(gap, settings.band_gap), False
                out.append((number, gap, text))
                previous = row_index
    return out


def dump_rows(text: str) -> list[Row]:
    """The non-blank lines of ``text`` as rows ``(line number from 1, blank lines before,
    text without trailing spaces)``: what ``column_edges`` and ``read_columns`` take."""
    rows: list[Row] = []
    gap = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            gap += 1
            continue
        rows.append((number, gap, line.rstrip()))
        gap = 0
    return rows


def split_side_by_side(text: str, settings: LayoutSettings | None = None) -> str | None:
    """``text`` with side-by-side columns read one after another, or None if it has none
    (used to measure a dump before choosing its profile)."""
    settings = settings or LayoutSettings()
    if sum(side_by_side(line) for line in text.splitlines()) \
            < settings.min_share * text.count("\n"):
        return None  # far too few lines of columns side by side
    rows = dump_rows(text)
    edges = column_edges(rows, settings)
    if edges is None:
        return None
    lines: list[str] = []
    for _, row_gap, row_text in read_columns(rows, edges, settings):
        lines.extend([""] * row_gap)
        lines.append(row_text)
    return "\n".join(lines)


# --- interleaved columns -------------------------------------------------------------
#
# Some converters read a page row by row instead of column by column: pymupdf4llm puts
# the lines of every column of a row band on one line of the dump, separated by single
# spaces (``共40余人，先后到南阳 下时间，让人们购点年 勤政高效、廉洁务实的 …``);
# pdftotext, where the gutter is tight or the leading loose, prints a row of two to five
# columns as one line, or the lines of adjacent columns one after the other; pdfminer
# and a PDF drawn row by row give one column's line after another's.  In all of these,
# the printed lines of one column follow one another at a near-constant distance in the
# dump (the number of columns side by side), and a line that ends mid-word goes on with
# the line of its own column, not with its neighbour's.  Below: cutting dump lines into
# printed lines, measuring that distance, and linking each printed line to the one that
# continues it.

_SPACES = regex.compile(r"\s+")
_HAN_CHAR = regex.compile(r"\p{Han}")
_ASCII_WORD = regex.compile(r"[A-Za-z0-9]")
# a line cannot start with these: a structural particle, or a mark that follows words
_NO_START = regex.compile(r"^(?:的(?!确)|们|了|着|[，。、；：？！,.;:?!）)」』》”’%‰])")
_ENDS_NUMBER = regex.compile(r"[0-9０-９.．]$")
_GOES_ON_NUMBER = regex.compile(r"^[0-9０-９%‰年月日时号万亿元岁个名多余]")
_CLOSES_SENTENCE = regex.compile("[。！？!?…][" + regex.escape(CLOSERS) + "]*$")


@attrs.frozen
class InterleaveSettings:
    """How interleaved columns are recognised and taken apart.

    Widths are in cells (:func:`baokan.core.text.line_cells`).  ``full_below`` /
    ``full_above``: a printed line within this much under or over a column width is a
    full line (punctuation and tracking make full lines of one column differ by a cell
    or so); ``width_share``: a width is a column width if at least this share of the
    most common width's pieces (and three) have it; ``max_glue``: at most this many
    pieces of a dump line are glued into one printed line.

    The link between a printed line and the one that goes on with it is scored by the
    two characters across the break (:class:`PairStats`): a pair found elsewhere on the
    page whose association (pointwise mutual information) is above
    ``strong_association`` scores ``seen_strong``, above ``weak_association`` ``seen``,
    else ``seen_weak``; a pair never found scores ``unseen``.  (On the synthetic corpus's
    column-ordered dumps, 44 % of real breaks are pairs found elsewhere on the page, and
    3 % of random pairs; the scores are the log-likelihood ratios of the three classes,
    about 3.5, 1.5 and 0.5, and of a pair not found, -0.55.)  A seen pair whose break
    also spells three characters found inside a piece elsewhere on the page (two before
    the break and one after, or one and two: ``阅|览室``) scores ``seen_triple`` more.
    On the same dumps, 23 % of real breaks spell one and 1 % of random pairs; where the
    pair alone is seen, 63 % against 29 % (a likelihood ratio of about 2): so a pair
    of weak association that spells one counts as ``seen``.  It counts where the period
    of a stretch is found, where links confirm it, and where runs are chained, not in
    the links between lines themselves, nor in a band given on one line, whose rows
    give the period (in either it moved story boundaries wrong on the dev pages).
    ``no_start`` when the next
    line starts
    with what cannot start a sentence (``的``, ``，``) after an open line, ``no_start_closed``
    after a closed one; ``number`` when a number goes on across the break.  The distance
    between the two lines in the dump costs ``off_by_one`` when it is one more or less
    than the local period (columns drift against each other), ``off_by_two`` more for a
    second, ``off_far`` for every further one; ``too_wide`` for every cell the next line
    is wider than an open line's column (capped at ``too_wide_cap`` cells);
    ``too_narrow`` when an open line goes on with one that neither closes a sentence nor
    is as wide (a title, a byline, the other column's short line); ``balanced`` is added
    when the line leaves a quotation mark or bracket open and the next closes one it
    did not open (quotes and brackets pair up within a column).  A short open
    line (a title, a byline) may lead to the line right after it as well as to its
    column's next, and is linked to from the line right before it only.  Links scoring
    below ``min_link`` are not made.

    A pair the page never shows may still be one general Chinese writes inside words
    (``广播电|视``: 电视): with ``use_prior``, the general character-pair prior
    (:func:`baokan.core.lexicon.pair_association`, from a dictionary's words) scores
    such a pair ``prior_strong`` if its association there is
    ``prior_strong_association`` or more, ``prior_weak`` if ``prior_weak_association``
    or more, else ``unseen``.  Among the pairs a page does not show, across the breaks
    of its gold paragraphs against random pairs of its characters, the log-likelihood
    ratios of the two classes are about 3.3 and 2.1 on the synthetic pages, 3.1 and 1.6
    on the pool's real pages (and -0.8, -1.2 for a pair the prior does not hold).  The
    scores are kept far below (0.3 of that scale) and under ``seen - no_start``: the
    dictionary (made partly from news of the same years as the synthetic prose) only
    ranks the links between lines, and never confirms a period or chains runs on its
    own (as a confirming pair it read the dev pages worse).  Off by default, on in the
    ``markdown`` profile: it reads pymupdf4llm's bands (whole rows of columns, where the
    ranking of links decides) better (article F1 synth +0.010, held-out +0.006, fresh
    pages +0.004) and other tools' pages a little worse (all tools: synth +0.001,
    held-out +0.002, fresh pages -0.003).

    Where a page is interleaved: ``max_period`` is the most columns side by side looked
    for; around each printed line, ``window`` printed lines either side are counted;
    the local period is the distance at which most lines find a seen pair, if at least
    ``min_evidence`` lines do and more than ``dominance`` times as many as at distance
    one (the page read in order).  ``min_pieces``: a dump line cut into this many printed
    lines or more is a band of columns read on its own; ``row_slack``: a dump line is
    cut into printed lines only if it is this many cells wider than the widest column;
    ``min_title_group`` short open lines in a row (titles, a byline) part the rows of
    one story from the next's, and no column is read across them.  ``paragraph_chars``
    and ``band_pieces``: see :func:`might_interleave`, the quick look every page gets;
    a line cut into a row of printed lines gives the period itself: the median number
    of printed lines of the rows within ``row_window`` lines.  A printed line of
    ``min_repeat`` characters or more given twice is a converter's copy.
    """

    full_below: float = 1.5
    full_above: float = 1.0
    width_share: float = 0.25
    max_glue: int = 8
    seen_strong: float = 3.5
    seen: float = 1.5
    seen_weak: float = 0.5
    unseen: float = -0.55
    strong_association: float = 3.0
    weak_association: float = 1.5
    seen_triple: float = 1.0
    use_prior: bool = False
    prior_strong_association: float = 4.0
    prior_weak_association: float = 3.0
    prior_strong: float = 0.45
    prior_weak: float = 0.15
    no_start: float = 1.0
    no_start_closed: float = -1.5
    number: float = 1.5
    off_by_one: float = 0.8
    off_by_two: float = 2.0
    off_far: float = 4.0
    too_wide: float = 1.5
    too_wide_cap: float = 3.0
    min_link: float = -2.0
    too_narrow: float = 1.0
    balanced: float = 1.0
    max_period: int = 10
    window: int = 12
    min_evidence: int = 3
    dominance: float = 2.0
    min_pieces: int = 6
    row_slack: float = 3.0
    min_title_group: int = 2
    paragraph_chars: int = 40
    band_pieces: int = 12
    quick_period: int = 6
    row_window: int = 3
    min_repeat: int = 8
    refine: bool = True
    chain_runs: bool = True


class PairStats:
    """How often each character, and each pair of adjacent characters, occurs inside the
    pieces of a page's lines (pieces are separated by white space, so pairs across a
    break between printed lines are never counted): what says whether the two
    characters across a break belong together."""

    __slots__ = ("_cache", "_joined", "_triples", "chars", "pairs", "total")

    def __init__(self, texts: Iterable[str]) -> None:
        # letter-spaced runs glued back, pieces one a line: counted in two passes in C
        # (a pair across a line break holds a newline and is never asked for)
        joined = "\n".join(piece for text in texts for piece in _tokens(text))
        self.pairs: Counter[str] = Counter(map(operator.add, joined, joined[1:]))
        self.chars: Counter[str] = Counter(joined)
        self.total = max(1, len(joined))
        self._joined = joined
        self._triples: frozenset[str] | None = None
        self._cache: dict[str, float | None] = {}

    @property
    def triples(self) -> frozenset[str]:
        """The runs of three characters found inside pieces: a break whose two sides spell
        one of them goes on with a word or phrase the page prints elsewhere.  Made when
        first asked for (the stats that only cut a page's rows into printed lines never
        ask, and they are a set as large as the page)."""
        if self._triples is None:
            joined = self._joined
            self._triples = frozenset(map("".join, zip(joined, joined[1:], joined[2:])))
        return self._triples

    def association(self, left: str, right: str) -> float | None:
        """The pointwise mutual information of ``left`` then ``right`` on the page (how
        much more often the pair occurs than its characters' frequencies predict), or
        None if the pair never occurs."""
        pair = left + right
        if pair in self._cache:
            return self._cache[pair]
        count = self.pairs.get(pair, 0)
        value = (math.log(count * self.total / (self.chars[left] * self.chars[right]))
                 if count else None)
        self._cache[pair] = value
        return value


def _cjk(ch: str) -> bool:
    # the common Han block: enough for a quick look (the exact class is used afterwards)
    return "\u4e00" <= ch <= "\u9fff"


# -- a page's character pairs counted by number.  Read from a str, a Chinese character is
# a new object each time, so counting a page's pairs as strings costs about 1,600
# instructions a pair (most of might_interleave's cost); as numbers, half of that.
#: Each character as four bytes in the machine's order: eight bytes read as one integer
#: are a pair of characters, the first one's code point in the low half on a
#: little-endian machine, in the high half on a big-endian one.
_UTF32_NATIVE = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_FIRST_SHIFT, _SECOND_SHIFT = (0, 32) if sys.byteorder == "little" else (32, 0)
#: What stands for a missing second character in a pair's number: no pair that
#: :func:`_pair_counts` counts has it (a code point takes 21 bits, a pair's number 53).
NO_SECOND = 1 << 60


def first_half(char: str) -> int:
    """``char`` as the first character of a pair's number (:func:`_pair_counts`)."""
    return ord(char) << _FIRST_SHIFT


def second_half(char: str) -> int:
    """``char`` as the second character of a pair's number (:func:`_pair_counts`); an
    empty ``char``, :data:`NO_SECOND`."""
    return ord(char) << _SECOND_SHIFT if char else NO_SECOND


def _pair_counts(text: str) -> Counter[int]:
    """How often each pair of adjacent characters occurs in ``text``, by number (the pair
    ``a`` ``b`` is ``first_half(a) | second_half(b)``): ``Counter(map(operator.add, text,
    text[1:]))`` with a number for each pair.  The text's code points, read eight bytes at
    a time from the first and from the second, are every adjacent pair as one integer,
    made in C."""
    raw = text.encode(_UTF32_NATIVE, "surrogatepass")
    counts = Counter(memoryview(raw[:len(raw) // 8 * 8]).cast("Q"))
    shifted = raw[4:]
    counts.update(memoryview(shifted[:len(shifted) // 8 * 8]).cast("Q"))
    return counts


def might_interleave(texts: Sequence[str], settings: InterleaveSettings) -> bool:
    """A quick look, before any printed line is measured, at whether some stretch of the
    page reads like columns given row by row.  A page of paragraphs a line (the median
    line holds more than ``paragraph_chars`` characters) with no line of ``band_pieces``
    space-separated pieces (a band given on one line) is none.  Else every
    space-separated piece of four
    characters or more (no number set apart) is taken for a printed line; somewhere,
    within ``window`` pieces either side, at least ``min_evidence`` of them ending in a
    Han character must find two or more pieces on one starting with a character that
    makes a pair the page shows twice (up to ``quick_period`` pieces on), more than
    ``dominance`` times as many as find one right after them.  Where they do not, a
    second look takes each line spaced out unevenly (:func:`_glued_line`) for one printed
    line and looks again.  Most pages stop here: this runs on every page, so it counts in
    C where it can (running sums)."""
    long_lines = bool(texts) and (
        statistics.median_high(len(t) for t in texts) > settings.paragraph_chars)
    if long_lines and not any(t.count(" ") + 1 >= settings.band_pieces for t in texts):
        return False  # a paragraph a line, and no line that may hold a band
    # letter-spaced runs glued back (``反 思 和 某 些``): a line, not its characters
    tokens = [_tokens(text) if " " in text else (text,) for text in texts]
    pieces = [p for line in tokens for p in line]
    pairs = _pair_counts("\n".join(pieces))
    if _turns_show(pieces, pairs, settings):
        return True
    # a line spaced out unevenly (``农 民 对待 兴 修水``, pdfminer's gaps) is one printed
    # line, as column_widths reads it: its fragments are no lines, and the turns of its
    # column show only between the lines glued whole
    glued = [_glued_line(text, line, settings.paragraph_chars)
             for text, line in zip(texts, tokens)]
    changed = [was for was, now in zip(tokens, glued) if now is not was]
    if not changed:
        return False
    # gluing adds only the pairs across each glued line's joins (the pairs with the
    # newline it drops are never looked up): counted there, not over the page again
    pairs.update(first_half(a[-1]) | second_half(b[0])
                 for was in changed for a, b in itertools.pairwise(was))
    return _turns_show([p for line in glued for p in line], pairs, settings)


def _turns_show(pieces: list[str], pairs: Counter[int], settings: InterleaveSettings) -> bool:
    """Whether, somewhere among ``pieces`` (a page's printed lines, as far as a quick look
    tells; ``pairs``, the :func:`_pair_counts` of their text a line each), lines go on with
    the line two or more pieces on more often than with the next
    (:func:`might_interleave`)."""
    # a number set apart (``新增就业 5511 人``) is part of the line it stands in;
    # printed lines, not the characters of a letter-spaced one (``工 作 的 出 发``)
    pieces = [p for p in pieces if not p.isascii()]
    # (:func:`_cjk` spelt out: this runs over every piece of every page)
    lasts = [p[-1] if len(p) >= 4 and "\u4e00" <= p[-1] <= "\u9fff" else "" for p in pieces]
    firsts = [p[0] if len(p) >= 2 and "\u4e00" <= p[0] <= "\u9fff" else "" for p in pieces]
    opened = [i for i, last in enumerate(lasts) if last]
    # each open piece's last character and each piece's first as their halves of a pair's
    # number (:func:`_pair_counts`), so that a pair across pieces is one ``|``
    last_halves = [first_half(last) if last else 0 for last in lasts]
    first_halves = list(map(second_half, firsts))
    n = len(pieces)
    span = 2 * settings.window
    sums: dict[int, list[int]] = {}
    for d in range(1, settings.quick_period + 1):
        # the pairs across each open piece and the piece d on, looked up in C (``opened``
        # is in order: the pieces with one d on are a prefix of it)
        ends = opened[:bisect.bisect_left(opened, n - d)]
        across = map(operator.or_, map(last_halves.__getitem__, ends),
                     map(first_halves.__getitem__, map(d.__add__, ends)))
        hit = [0] * (n + 1)
        for i in itertools.compress(ends, map((1).__lt__, map(pairs.get, across,
                                                               itertools.repeat(0)))):
            hit[i + 1] = 1
        sums[d] = list(itertools.accumulate(hit))
    for lo in range(0, max(1, n - span + 1), max(1, settings.window)):
        hi = min(lo + span, n)
        one = sums[1][hi] - sums[1][lo]
        best = max(s[hi] - s[lo] for d, s in sums.items() if d >= 2)
        if best >= settings.min_evidence and best > settings.dominance * one:
            return True
    return False


def _glued_line(text: str, tokens: tuple[str, ...], most: int) -> tuple[str, ...]:
    """The dump line ``text`` (its ``tokens``) glued whole where its tokens are the
    fragments of one printed line spaced out unevenly: most are under four characters
    and the line holds no more than ``most`` (a band of columns on one line is longer,
    and its pieces are its lines)."""
    if len(tokens) < 2 or len(text) > most or _line_like(tokens):
        return tokens
    return ("".join(tokens),)


def _spaced_piece(token: str) -> bool:
    # one character, or one character and a mark: a piece of a letter-spaced line
    return len(token) == 1 or (len(token) == 2 and not (
        _HAN_CHAR.match(token[0]) and _HAN_CHAR.match(token[1])))


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """The space-separated tokens of a dump line, runs of letter-spaced characters
    (``反 思 和 某 些``) glued into one (cached: several steps ask for a line's tokens)."""
    raw = text.split()
    if len(raw) <= 1:
        return tuple(raw)
    out: list[str] = []
    i = 0
    while i < len(raw):
        j = i
        while j < len(raw) and _spaced_piece(raw[j]):
            j += 1
        if j - i >= 2:
            out.append("".join(raw[i:j]))
            i = j
        else:
            out.append(raw[i])
            i += 1
    return tuple(out)


def column_widths(texts: Iterable[str], settings: InterleaveSettings) -> list[float]:
    """The widths (in cells) that many printed lines of ``texts`` share: the columns'.

    Every space-separated piece of four cells or more counts; a width is taken when at
    least ``width_share`` as many pieces (and three) lie within a cell of it as of the
    most common one, and it is more than two cells from a width already taken.  A width
    that is two or more columns' letter-spaced lines run together is none
    (:func:`_spaced_pair`): rows as wide are then cut into their columns' lines.
    """
    counts: Counter[float] = Counter()
    # the widths measured on letter-spaced lines: two columns' letter-spaced lines side
    # by side are one run of spaced characters (the gutter a space like the others)
    spaced: Counter[float] = Counter()
    for text in texts:
        tokens = _tokens(text)
        # a line spaced out unevenly (``农 民 对待 兴 修水``) is one printed line
        samples = tokens if _line_like(tokens) else ("".join(tokens),)
        # its characters spaced out (many more pieces than tokens)
        letter_spaced = len(text.split()) > 2 * len(tokens)
        for token in samples:
            width = line_cells(token)
            if width >= 4:
                counts[round(width * 2) / 2] += 1
                if letter_spaced:
                    spaced[round(width * 2) / 2] += 1
    if not counts:
        return []
    support = {w: sum(c for x, c in counts.items() if abs(x - w) <= 1) for w in counts}
    ranked = sorted(support, key=lambda w: (-support[w], -w))
    floor = max(3.0, settings.width_share * support[ranked[0]])
    widths: list[float] = []
    for width in ranked:
        if support[width] < floor:
            break
        if all(abs(width - w) > 2.5 for w in widths):
            widths.append(width)
    return [w for w in widths if not _spaced_pair(w, widths, support, spaced)]


#: A width measured mostly on letter-spaced lines, within k times this many cells of k
#: times a narrower column's width, is k columns' lines side by side (punctuation,
#: tracking and the gutter make full lines differ by a cell or so a column).
_PAIR_SLACK = 1.0
#: The share of a width's lines that must be letter-spaced for it to be columns run
#: together: more than half (a column of solid lines is a column whatever its width).
_SPACED_MAJORITY = 0.5


def _spaced_pair(width: float, widths: Sequence[float], support: dict[float, int],
                 spaced: Counter[float]) -> bool:
    """Whether ``width`` is that of the letter-spaced lines of two or more columns of
    ``widths`` run together: a multiple of a narrower column width that more lines
    have, and most of its samples letter-spaced."""
    own = sum(c for x, c in spaced.items() if abs(x - width) <= 1)
    if own <= _SPACED_MAJORITY * support[width]:
        return False
    for w in widths:
        k = round(width / w)
        if k >= 2 and abs(width - k * w) <= k * _PAIR_SLACK and support[w] >= support[width]:
            return True
    return False


# a piece ending on an opening mark or a dash: its line goes on after it
_OPENS = regex.compile("[" + regex.escape(OPENING_MARKS) + "—]$")
_FOLLOWS = regex.compile(r"^[，。、；：？！,.;:?!）)」』》”’〕】%‰—]")


def _may_glue(left: str, right: str) -> bool:
    """Whether a space between two pieces can lie inside one printed line: a converter
    spaces a line next to a mark that cannot end or start a line (``城” ，12条``,
    ``的“ 瀑布”``), or between a number and the text around it (``21 世纪初``); a space
    between two runs of Han text is two lines (or a byline's names)."""
    if len(left) >= 2 and _CLOSES_SENTENCE.search(left):
        return False
    return bool(_OPENS.search(left) or _FOLLOWS.match(right)
                or _ASCII_WORD.match(left[-1]) or _ASCII_WORD.match(right[0]))


def _line_like(tokens: Sequence[str]) -> bool:
    """Whether the space-separated tokens of a dump line are whole printed lines (or
    words), not the fragments of a line spaced out unevenly: most hold four characters
    or more."""
    return statistics.median_high(len(t) for t in tokens) >= 4 if tokens else False


def wide_row(text: str, widths: Sequence[float] = (), settings: InterleaveSettings | None = None,
             ) -> bool:
    """Whether a dump line may hold the printed lines of several columns: it is wider
    than the widest column by more than a few cells, and its space-separated tokens are
    whole lines."""
    settings = settings or InterleaveSettings()
    if " " not in text.strip() or not widths:
        return False
    return (line_cells(text) > max(widths) + settings.row_slack
            and _line_like(_tokens(text)))


def _glued(parts: Sequence[str], weak: Sequence[bool] = ()) -> str:
    """Pieces of one printed line as one: letter-spaced pieces keep their spaces (for
    fold-spacing to judge), others are glued, but for a space between two words of
    Latin letters or digits."""
    text = parts[0]
    for k, part in enumerate(parts[1:], start=1):
        keep = (k < len(weak) and weak[k]) or (
            _ASCII_WORD.match(text[-1]) and _ASCII_WORD.match(part[0]))
        text = text + (" " if keep else "") + part
    return text


def _units(text: str) -> tuple[list[str], list[bool]]:
    """The space-separated tokens of a dump line, and for each whether the space before
    it lies inside a letter-spaced run (``反 思 和 某``): a space a printed line may be
    cut at only where its widths say so."""
    raw = [t for t in _SPACES.split(text.strip()) if t]
    weak = [i > 0 and _spaced_piece(raw[i - 1]) and _spaced_piece(t) for i, t in enumerate(raw)]
    return raw, weak


def printed_lines(text: str, widths: Sequence[float], settings: InterleaveSettings,
                  stats: PairStats | None = None) -> list[str]:
    """The printed lines a dump line holds, its space-separated pieces glued back where a
    converter spaced a line (``21 世纪初``, ``城” ，12条``, a letter-spaced line) —
    found by dynamic programming over the pieces: a group as wide as a column costs
    nothing, a short group costs one (a paragraph's last line, a title), a short group
    that does not close a sentence a little more, an over-wide group of several pieces
    much more.  A piece that closes a sentence ends its group; a lone character (a
    vertical headline) stands alone.  Letter-spaced lines of two columns run together
    (``惕 ，进 行 … 没 有 出 我 们 愿 意``) are cut where both parts are as wide as a
    column, at a pair of characters the page does not show together (``stats``).
    """
    tokens, weak = _units(text)
    if len(tokens) <= 1 or not widths:
        return [_glued(tokens)] if tokens else []
    cells = [line_cells(t) for t in tokens]
    widest = max(widths)
    limit = widest_full(widths, settings) + 1
    full = [(w - settings.full_below, w + settings.full_above) for w in widths]
    n = len(tokens)
    glue = [False] + [weak[k] or _may_glue(tokens[k - 1], tokens[k]) for k in range(1, n)]
    best = [0.0] + [float("inf")] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        # what ending a group before token j costs: a short group that does not close a
        # sentence, a cut inside a letter-spaced run (more if it splits a word)
        short_cost = 1.0 if ends_paragraph(tokens[j - 1]) else 1.6
        cut_cost = 0.0
        if j < n and weak[j]:
            cut_cost = 0.5
            pmi = stats.association(tokens[j - 1][-1], tokens[j][0]) if stats else None
            if pmi is not None and pmi > settings.weak_association:
                cut_cost += 1.0
        width = 0.0
        for i in range(j - 1, -1, -1):
            width += cells[i]
            if i < j - 1:
                if not glue[i + 1]:
                    break
                if weak[i + 1]:
                    if width > limit:
                        break
                elif (j - i > settings.max_glue
                      # a line already as wide as a column goes on with nothing, but
                      # for a mark no line ends or starts with (kinsoku)
                      or (width - cells[j - 1] >= widest - settings.full_below
                          and not _OPENS.search(tokens[j - 2])
                          and not _FOLLOWS.match(tokens[j - 1]))):
                    break
            if _inside(width, full):
                cost = 0.0
            elif width < widest - settings.full_below:
                cost = 1.0 if j - i == 1 else short_cost
            elif j - i == 1:
                cost = 0.3  # one piece wider than any column: what it is
            else:
                cost = 3.0 + width - widest - settings.full_above
            cost += cut_cost
            if _FOLLOWS.match(tokens[i]) or (j < n and _OPENS.search(tokens[j - 1])):
                cost += 2.0  # no printed line starts with ，or ends with “ (kinsoku)
            if best[i] + cost < best[j]:
                best[j] = best[i] + cost
                back[j] = i
    out: list[str] = []
    j = n
    while j > 0:
        out.append(_glued(tokens[back[j]:j], weak[back[j]:j]))
        j = back[j]
    if not any(is_full(line_cells(t), widths, settings) for t in out):
        return [text.strip()]  # no line as wide as a column: one line with spaces in it
    return out[::-1]


def _inside(width: float, ranges: Sequence[tuple[float, float]]) -> bool:
    for lo, hi in ranges:  # noqa: SIM110  (a loop: a generator costs more, called per cell)
        if lo <= width <= hi:
            return True
    return False


def is_full(width: float, widths: Sequence[float], settings: InterleaveSettings) -> bool:
    """Whether a printed line ``width`` cells wide is as wide as one of the columns."""
    return any(w - settings.full_below <= width <= w + settings.full_above for w in widths)


def widest_full(widths: Sequence[float], settings: InterleaveSettings) -> float:
    """The widest a full line of the widest column may print (``full_above`` over it): a
    line wider stands across the columns."""
    return max(widths) + settings.full_above


@attrs.frozen(slots=True)
class Piece:
    """A printed line of an interleaved stretch: its text and what linking looks at."""

    text: str
    cells: float
    closed: bool
    no_start: bool
    #: shorter than any column and open: a title, a byline, a line cut short
    short: bool = False
    #: one Han character alone: a glyph of a vertical headline
    vertical: bool = False
    #: the Han character it ends with, if it ends open with one ("" otherwise)
    open_end: str = ""
    #: the Han character it starts with ("" if it starts otherwise)
    han_start: str = ""
    #: it ends with a digit; it starts with what goes on after a number (a digit, 年, %)
    ends_number: bool = False
    goes_on_number: bool = False
    #: a quotation mark or bracket opened and not closed on the line (it goes on
    #: below); one closed that the line did not open (it went on from above)
    opens: bool = False
    closes: bool = False
    #: the character before ``open_end`` and the one after ``han_start`` ("" if none):
    #: with them a break spells three characters (:func:`spells_triple`)
    before_end: str = ""
    after_start: str = ""

    @classmethod
    def of(cls, text: str, narrowest: float = 0.0,
           settings: InterleaveSettings | None = None) -> Piece:
        """The piece ``text`` of a page whose narrowest column is ``narrowest`` cells."""
        cells = line_cells(text)
        closed = ends_paragraph(text)
        below = (settings or InterleaveSettings()).full_below
        last, first = text[-1], text[0]
        first_han = bool(_HAN_CHAR.match(first))
        opens, closes = _balance(text)
        squeezed = "".join(text.split())
        return cls(text, cells, closed, bool(_NO_START.match(text)),
                   not closed and cells < narrowest - below,
                   len(text) == 1 and first_han,
                   last if not closed and _HAN_CHAR.match(last) else "",
                   first if first_han else "",
                   bool(_ENDS_NUMBER.search(text)), bool(_GOES_ON_NUMBER.match(text)),
                   opens, closes,
                   squeezed[-2] if not closed and len(squeezed) > 1 else "",
                   squeezed[1] if first_han and len(squeezed) > 1 else "")


#: The opening marks a column's line is balanced on: every opening mark but the single
#: quote ``‘`` (and its ``’``).  Counting it changes no dev or gen401 parse but lowers the
#: held-out pymupdf4llm paragraph F1 a hair (0.35893 → 0.35882; a ``’`` may also be an
#: apostrophe).
_BALANCED_OPENERS = OPENING_MARKS.replace("‘", "")
#: Each closing mark, to the opening mark it closes.
_PAIRS = {CLOSING_MARK_OF[ch]: ch for ch in _BALANCED_OPENERS}
_OPENERS = frozenset(_BALANCED_OPENERS)
_MARKS = regex.compile("[" + regex.escape("".join(_PAIRS) + "".join(_OPENERS)) + "]")


def _balance(text: str) -> tuple[bool, bool]:
    """Whether ``text`` leaves a quotation mark or bracket open at its end, and whether it
    closes one it did not open (the marks of one line of a column)."""
    if not _MARKS.search(text):
        return False, False
    stack: list[str] = []
    closes = False
    for ch in text:
        if ch in _OPENERS:
            stack.append(ch)
        elif ch in _PAIRS:
            if stack and stack[-1] == _PAIRS[ch]:
                stack.pop()
            elif not stack:
                closes = True
    return bool(stack), closes


def junction(a: Piece, b: Piece, stats: PairStats, settings: InterleaveSettings,
             triples: bool = True, prior: bool = True) -> float:
    """What the two characters across a break say about ``b`` going on with ``a`` (a
    log-likelihood ratio, measured on the synthetic corpus's column-ordered dumps), and,
    with ``triples``, the three characters across it (:func:`spells_triple`); with
    ``prior`` (and ``settings.use_prior``), what general Chinese says of a pair the page
    never shows (:class:`InterleaveSettings`)."""
    if not a.open_end or not b.han_start:
        return 0.0
    pmi = stats.association(a.open_end, b.han_start)
    if pmi is None:
        general = (pair_association(a.open_end, b.han_start)
                   if prior and settings.use_prior else None)
        if general is None or general < settings.prior_weak_association:
            return settings.unseen
        return (settings.prior_strong if general >= settings.prior_strong_association
                else settings.prior_weak)
    score = (settings.seen_strong if pmi > settings.strong_association
             else settings.seen if pmi > settings.weak_association else settings.seen_weak)
    if triples and spells_triple(a, b, stats):
        score += settings.seen_triple
    return score


def spells_triple(a: Piece, b: Piece, stats: PairStats) -> bool:
    """Whether the break from ``a`` to ``b`` spells three characters the page prints
    elsewhere inside a piece: two before the break and one after, or one and two."""
    if not a.open_end or not b.han_start:
        return False
    return bool((a.before_end and a.before_end + a.open_end + b.han_start in stats.triples)
                or (b.after_start and a.open_end + b.han_start + b.after_start in stats.triples))


def _confirms(a: Piece, b: Piece, stats: PairStats, settings: InterleaveSettings) -> bool:
    # the general prior never confirms (InterleaveSettings): not asked, for speed
    return junction(a, b, stats, settings, prior=False) >= settings.seen


def _positions(pieces: Sequence[Piece]) -> list[int]:
    """The place of each piece among those that are not glyphs of a vertical headline
    (which stand between the columns' lines without taking a turn)."""
    out: list[int] = []
    pos = -1
    for piece in pieces:
        if not piece.vertical:
            pos += 1
        out.append(pos)
    return out


def _first_hits(pieces: Sequence[Piece], stats: PairStats,
                settings: InterleaveSettings) -> list[int]:
    """For each open piece, the distance (in turns, see :func:`_positions`) to the
    nearest later piece, up to ``max_period`` turns on, that a strong pair across the
    break says goes on with it; 0 where there is none."""
    pos = _positions(pieces)
    n = len(pieces)
    found: list[int] = []
    for i, piece in enumerate(pieces):
        hit = 0
        if not piece.closed and not piece.vertical:
            for j in range(i + 1, n):
                d = pos[j] - pos[i]
                if d > settings.max_period:
                    break
                if not pieces[j].vertical and _confirms(piece, pieces[j], stats, settings):
                    hit = d
                    break
        found.append(hit)
    return found


def _period_of(counts: Counter[int], settings: InterleaveSettings) -> int:
    best = max((d for d in counts if d >= 2 and counts[d] > 0),
               key=lambda d: (counts[d], -d), default=1)
    if counts[best] >= settings.min_evidence and counts[best] > settings.dominance * counts[1]:
        return best
    return 1


def local_periods(pieces: Sequence[Piece], stats: PairStats,
                  settings: InterleaveSettings) -> list[int]:
    """For each piece, how many columns are read side by side around it (1: none): the
    distance most open pieces within ``window`` either side find their continuation at
    (:func:`_first_hits`), if it wins over distance one (the page read in order)."""
    found = _first_hits(pieces, stats, settings)
    n = len(found)
    h = settings.window
    counts: Counter[int] = Counter(found[:h])
    periods: list[int] = []
    for i in range(n):
        if i + h < n:
            counts[found[i + h]] += 1
        if i - h - 1 >= 0:
            counts[found[i - h - 1]] -= 1
        periods.append(_period_of(counts, settings))
    return periods


def band_periods(pieces: Sequence[Piece], stats: PairStats,
                 settings: InterleaveSettings) -> list[int]:
    """For each printed line of a band given on one dump line, how many columns are
    read side by side around it: the band's period (the distance most of its open lines
    find their continuation at, if it wins over distance one), or where
    ``min_evidence`` open lines within ``window`` either side agree on another distance
    (one, where the other columns have ended), that one; [] if the band is one column."""
    found = _first_hits(pieces, stats, settings)
    period = _period_of(Counter(found), settings)
    if period < 2:
        return []
    n = len(found)
    h = settings.window
    counts: Counter[int] = Counter(found[:h])
    periods: list[int] = []
    for i in range(n):
        if i + h < n:
            counts[found[i + h]] += 1
        if i - h - 1 >= 0:
            counts[found[i - h - 1]] -= 1
        best, support = period, 0
        for d, c in counts.items():
            if d and (c > support or (c == support and d == period)):
                best, support = d, c
        periods.append(best if support >= settings.min_evidence else period)
    return periods


def band_core(pieces: Sequence[Piece], stats: PairStats,
              settings: InterleaveSettings) -> tuple[int, int] | None:
    """Where a band that shows no period as a whole (:func:`band_periods`) holds one:
    ``(lo, hi)``, the band without the lines of one column it starts (or ends) with,
    read in order — pymupdf4llm joins into one dump line a story's column standing
    alone above (or below) a row of columns with the row, and that column's lines,
    which go on one after another, outvote the rows' turns.  The columns start where
    the fewest lines cut off the head leave a band (``min_pieces`` lines or more) that
    shows a period the way a whole band must (:func:`_period_of`) — or, if the rest
    from there still does, at the next line that finds its continuation two lines on
    or more (:func:`_first_hits`): the head's lines before it go on in order, not in
    turns.  Else the fewest lines are cut off the tail so, and the columns end after
    the last line one of them finds its continuation at, if the band up to there
    still shows a period.  None if no cut does.  Linear: the counts of the rest are
    kept as lines are cut off."""
    found = _first_hits(pieces, stats, settings)
    n = len(found)
    rest: Counter[int] = Counter(found)
    cut = 0
    for lo in range(n - settings.min_pieces + 1):
        if cut and found[lo] >= 2:
            return (lo if _period_of(rest, settings) >= 2 else cut), n
        if not cut and lo and _period_of(rest, settings) >= 2:
            cut = lo
            if found[lo] >= 2:
                return lo, n
        rest[found[lo]] -= 1
    if cut:
        return cut, n
    head: Counter[int] = Counter(found)
    for hi in range(n, settings.min_pieces - 1, -1):
        if hi < n and _period_of(head, settings) >= 2:
            # the columns end after the last line a line finds its continuation at
            last = max((i + d for i, d in enumerate(found[:hi]) if d >= 2), default=hi) + 1
            if settings.min_pieces <= last < hi and _period_of(
                    Counter(found[:last]), settings) >= 2:
                return 0, last
            return 0, hi
        head[found[hi - 1]] -= 1
    return None


def _link_score(a: Piece, b: Piece, distance: int, period: int, stats: PairStats,
                settings: InterleaveSettings) -> float:
    off = abs(distance - period)
    if a.short:  # a title or byline leads to what follows it, or to its column's next line
        off = min(off, distance - 1)
    score = -(settings.off_by_one * min(off, 1) + settings.off_by_two * max(0, min(off, 2) - 1)
              + settings.off_far * max(0, off - 2))
    # the pair alone: the three characters across the break moved a story's boundary
    # in the line links (InterleaveSettings.seen_triple)
    score += junction(a, b, stats, settings, triples=False)
    if a.closed:
        if b.no_start:
            score += settings.no_start_closed
    else:
        if b.no_start:
            score += settings.no_start
        if a.ends_number and b.goes_on_number:
            score += settings.number
        if not a.short and b.cells > a.cells + 2.5:
            score -= settings.too_wide * min(settings.too_wide_cap, b.cells - a.cells - 2.5)
        if not b.closed and b.cells < a.cells - 2.5:
            score -= settings.too_narrow
    if a.opens and b.closes:
        score += settings.balanced
    return score


def by_period(column_link: tuple[Piece, Piece], line_link: tuple[Piece, Piece],
              period: int, stats: PairStats, settings: InterleaveSettings) -> bool:
    """Whether a link between two pieces ``period`` turns apart (a line and its column's
    next) scores well enough to be made, and at least as well as ``line_link`` between
    two pieces one after the other (the page read in order), one of them shared: what
    says that a line at the edge of an interleaved region still belongs to it."""
    a, b = column_link
    if any(p.short or p.vertical for p in (a, b, *line_link)):
        return False
    score = _link_score(a, b, period, period, stats, settings)
    return score > settings.min_link and score >= _link_score(
        *line_link, 1, 1, stats, settings)


def _match(pieces: Sequence[Piece], periods: Sequence[int], stats: PairStats,
           settings: InterleaveSettings) -> list[int | None]:
    n = len(pieces)
    pos = _positions(pieces)
    candidates: list[tuple[float, int, int]] = []
    for i, piece in enumerate(pieces):
        period = periods[i]
        # three turns off the period at most: a link further off scores below min_link
        # whatever the characters say; a title may lead to the line right after it
        reach = settings.max_period * 3 if piece.vertical else period + 3
        nearest = 1 if piece.short else max(1, period - 3)
        for j in range(i + 1, n):
            d = pos[j] - pos[i]
            if d > reach:
                break
            other = pieces[j]
            if piece.vertical or other.vertical:
                if piece.vertical and other.vertical:
                    candidates.append((-1.0 - 0.01 * (j - i), i, j))
                continue
            if d < nearest or (other.short and d > 1):
                continue  # a title or byline goes on from the line before it or not at all
            score = _link_score(piece, other, d, period, stats, settings)
            if piece.short and d > 1 and score < settings.seen - settings.off_by_one:
                continue  # a title leads further on only where the words go on there
            if score > settings.min_link:
                candidates.append((score, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    after: list[int | None] = [None] * n
    taken = [False] * n
    for _, i, j in candidates:
        if after[i] is None and not taken[j]:
            after[i] = j
            taken[j] = True
    return after


def _refined(pieces: Sequence[Piece], after: Sequence[int | None], periods: Sequence[int],
             stats: PairStats, settings: InterleaveSettings) -> list[int]:
    """The local periods again, from the links that a strong pair confirms: around each
    piece (three periods either side), the median distance they span."""
    pos = _positions(pieces)
    confirmed = [(i, pos[j] - pos[i]) for i, j in enumerate(after)
                 if j is not None and _confirms(pieces[i], pieces[j], stats, settings)]
    out: list[int] = []
    lo = 0
    for i, period in enumerate(periods):
        reach = 3 * period
        while lo < len(confirmed) and confirmed[lo][0] < i - reach:
            lo += 1
        near = []
        k = lo
        while k < len(confirmed) and confirmed[k][0] <= i + reach:
            near.append(confirmed[k][1])
            k += 1
        out.append(statistics.median_high(near) if near else period)
    return out


def _fill_gaps(pieces: Sequence[Piece], after: list[int | None], periods: Sequence[int],
               stats: PairStats, settings: InterleaveSettings) -> None:
    """Lines the matching left alone (no line before, none after) put back where a link
    jumps over them: ``a`` linked to ``b`` two turns or more further than the period
    (a pair across the break outscored the period), and the line between, about a
    period after ``a``, links to both well enough.  Every line of an interleaved region
    belongs to a column, and there it is its column's."""
    pos = _positions(pieces)
    before = [False] * len(pieces)
    for j in after:
        if j is not None:
            before[j] = True
    for x, piece in enumerate(pieces):
        if before[x] or after[x] is not None or piece.vertical or piece.short:
            continue
        period = periods[x]
        for a in range(max(0, x - period - 1), x):
            b = after[a]
            if b is None or b <= x or pos[b] - pos[a] < period + 2:
                continue
            first, second = pos[x] - pos[a], pos[b] - pos[x]
            if min(abs(first - period), abs(second - period)) > 1 or pieces[a].vertical:
                continue
            if (_link_score(pieces[a], piece, first, period, stats, settings) > settings.min_link
                    and _link_score(piece, pieces[b], second, period, stats, settings)
                    > settings.min_link):
                after[a], after[x] = x, b
                before[x] = True
                break


def link_columns(pieces: Sequence[Piece], periods: Sequence[int], stats: PairStats,
                 settings: InterleaveSettings) -> list[list[int]]:
    """The pieces as runs of one column each, in the order their first pieces come.

    Every candidate link (a piece to one up to twice its local period further on) is
    scored (:class:`InterleaveSettings`), and links are made best first, each piece
    taking one successor and one predecessor: a greedy matching, so that one bad link
    never drags the rest of a column with it.  The periods are then measured again on
    the links a strong pair confirms, and the matching is made once more; a line it
    leaves alone where a link jumps over it goes back between the link's ends
    (:func:`_fill_gaps`).  The glyphs of a vertical headline are linked only to one
    another.
    """
    after = _match(pieces, periods, stats, settings)
    if settings.refine:
        periods = _refined(pieces, after, periods, stats, settings)
        after = _match(pieces, periods, stats, settings)
    _fill_gaps(pieces, after, periods, stats, settings)
    linked = {j for j in after if j is not None}
    runs: list[list[int]] = []
    for i in range(len(pieces)):
        if i not in linked:
            run = [i]
            nxt = after[i]
            while nxt is not None:
                run.append(nxt)
                nxt = after[nxt]
            runs.append(run)
    return [run for chain in link_column_chains(pieces, periods, stats, settings, runs)
            for run in chain]


def link_column_chains(pieces: Sequence[Piece], periods: Sequence[int], stats: PairStats,
                       settings: InterleaveSettings, runs: list[list[int]] | None = None,
                       ) -> list[list[list[int]]]:
    """The runs of :func:`link_columns` grouped into chains, in reading order: the runs
    of one chain are one text going on from column to column (one story, mostly)."""
    if runs is None:
        runs = link_columns(pieces, periods, stats, settings)
    if not settings.chain_runs:
        return [[run] for run in runs]
    return _chain_runs(pieces, runs, stats, settings)


def _chain_runs(pieces: Sequence[Piece], runs: list[list[int]], stats: PairStats,
                settings: InterleaveSettings) -> list[list[list[int]]]:
    """The runs in reading order: a run whose last line is open goes on with the run
    that a strong pair across the break says continues it (a column's text going on at
    the top of the next column, or a run broken where a link failed); the rest in the
    order their first lines come."""
    candidates: list[tuple[float, int, int]] = []
    for r, run in enumerate(runs):
        last = pieces[run[-1]]
        if last.closed or last.vertical:
            continue
        for q, other in enumerate(runs):
            if q == r or other[0] < run[0] or pieces[other[0]].vertical:
                continue
            score = junction(last, pieces[other[0]], stats, settings)
            if pieces[other[0]].no_start:
                score += settings.no_start
            if score >= settings.seen:
                candidates.append((score, r, q))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    nxt: dict[int, int] = {}
    prev: dict[int, int] = {}
    for _, r, q in candidates:
        if r in nxt or q in prev:
            continue
        head = r  # no cycles: q must not lead back to r
        while head in prev:
            head = prev[head]
        if head == q:
            continue
        nxt[r] = q
        prev[q] = r
    chains: list[list[list[int]]] = []
    for r in range(len(runs)):
        if r in prev:
            continue
        chain: list[list[int]] = []
        at: int | None = r
        while at is not None:
            chain.append(runs[at])
            at = nxt.get(at)
        chains.append(chain)
    return chains


@attrs.frozen
class DealSettings:
    """How a band of columns given row by row is dealt back into its columns
    (:func:`deal_band`).

    A converter that joins the printed lines standing at one height into one row, left
    to right, and the rows top to bottom (pymupdf4llm) gives the lines of a band's
    columns in turn: the columns side by side take their turns in one cyclic order, one
    line each, as long as their lines stand at the same heights.  So the order of turns
    is the strong cue and the characters across a break the weak one.  A column that
    misses its turn (it has ended, or its lines drifted a line against the others')
    costs ``skip`` once and then sleeps: it misses later turns for nothing, and taking a
    turn again costs ``wake``.  A piece that goes on with the piece right before it (one
    printed line the converter gave as two spans: a byline's names) costs ``glue_fits``
    if the two fit in a column's ``width`` together, else ``glue``.  ``beam`` dealings
    are kept at each piece (the best first): 24 (with 12, the right dealing of a band
    whose columns start, end or sleep at rows of their own was pruned early, while heads
    and short lines make wrong ones look as good; pymupdf4llm body similarity synth
    .451 → .457, held-out s801 .370 → .378, s701/s901 +.002, s501 −.002).  A band is
    dealt only if it has ``min_turns`` pieces per column or more and at least
    ``min_full`` of its pieces are as wide as a column (else they are spans, not printed
    lines: numbers set apart in a real page's lines), and the dealing is kept only if at
    most ``max_odd`` of its turns leave the cycle (a column missing its turn, a glue that
    does not fit): a band whose columns stand at heights of their own (cells of different
    leading) is left to the links.
    """

    skip: float = 2.0
    wake: float = 2.0
    glue: float = 3.0
    glue_fits: float = 0.5
    beam: int = 24
    min_turns: int = 3
    max_odd: float = 0.1
    min_full: float = 0.6


def deal_band(pieces: Sequence[Piece], period: int, width: float, full: float,
              stats: PairStats,
              settings: InterleaveSettings, deal: DealSettings | None = None,
              ) -> list[list[int]] | None:
    """The pieces of a band given row by row (``period`` columns side by side) dealt back
    into their columns: the runs of one column each (a column that sleeps and takes
    turns again starts a new run), the glyphs of a vertical headline (one Han character
    a piece, which stand between the columns' lines without taking a turn) one run, in
    the order their first pieces come; None if the band is too short to deal.

    A beam search over the dealings (:class:`DealSettings`): each piece takes the turn
    of the column after the last one's, or of a later one (the columns between miss
    theirs), or goes on with the last piece; a dealing scores what its turns cost and
    what the characters across each column's breaks say (the link scores of
    :func:`link_columns`, at the period's distance).  Linear in the pieces: the beam and
    the columns are bounded, and the dealings of the beam share most of their columns'
    last lines, so each line's link to a piece (and the line it makes glued to it) is
    scored once per piece.
    """
    deal = deal or DealSettings()
    turns = [i for i, p in enumerate(pieces) if not p.vertical]
    if period < 2 or len(turns) < deal.min_turns * period:
        return None
    if sum(pieces[i].cells >= full for i in turns) < deal.min_full * len(turns):
        return None  # lines cut into spans: the turns are not the printed lines'
    k = period
    # a dealing: (score, last piece of each column (its index, and the piece as printed:
    # pieces glued into one line are one), sleeping columns, column of the last piece,
    # the pieces' columns as a linked list (piece, column, new run, parent))
    Deal = tuple[float, tuple[int, ...], tuple[Piece | None, ...], int, int,
                 tuple[Any, ...] | None]
    beam: list[Deal] = [(0.0, (-1,) * k, (None,) * k, 0, k - 1, None)]
    for j in turns:
        piece = pieces[j]
        grown: dict[tuple[tuple[int, ...], int, int], Deal] = {}
        # the beam's dealings share their columns' last lines: each line's link to this
        # piece, and each line glued to it, made once (a line is its text)
        links: dict[str, float] = {}
        glued: dict[str, Piece] = {}
        for score, last, lines, asleep, cur, trail in beam:
            before = lines[cur]
            for step in range(k + 1):
                line = piece
                if step == 0:  # goes on with the piece right before it
                    if before is None or before.closed:
                        continue
                    fits = before.cells + piece.cells <= width
                    col, sleep, new_run = cur, asleep, False
                    cost = -(deal.glue_fits if fits else deal.glue)
                    made = glued.get(before.text)
                    if made is None:
                        made = glued[before.text] = Piece.of(before.text + piece.text)
                    line = made
                    odd = not fits
                else:
                    col = (cur + step) % k
                    cost, sleep = 0.0, asleep
                    odd = step != 1
                    for t in range(1, step):
                        other = (cur + t) % k
                        if not sleep >> other & 1:
                            cost -= deal.skip
                            sleep |= 1 << other
                    above = lines[col]
                    new_run = above is None
                    if sleep >> col & 1:
                        cost -= deal.wake
                        sleep &= ~(1 << col)
                    if above is not None:
                        link = links.get(above.text)
                        if link is None:
                            link = links[above.text] = _link_score(above, piece, period,
                                                                   period, stats, settings)
                        cost += link
                moved = (*last[:col], j, *last[col + 1:])
                key = (moved, sleep, col)
                total = score + cost
                if key not in grown or grown[key][0] < total:
                    grown[key] = (total, moved, (*lines[:col], line, *lines[col + 1:]),
                                  sleep, col, (j, col, new_run, odd, trail))
        beam = sorted(grown.values(), key=lambda d: (-d[0], d[1], d[3], d[4]))[:deal.beam]
    trail = beam[0][5]
    placed: list[tuple[int, int, bool]] = []
    odd_turns = 0
    while trail is not None:
        placed.append(trail[:3])
        odd_turns += trail[3]
        trail = trail[4]
    placed.reverse()
    if odd_turns > deal.max_odd * len(placed):
        return None  # the turns do not keep to the cycle: not a band read row by row
    runs: list[list[int]] = []
    open_run: dict[int, list[int]] = {}
    for j, col, new_run in placed:
        if new_run or col not in open_run:
            open_run[col] = []
            runs.append(open_run[col])
        open_run[col].append(j)
    glyphs = [i for i, p in enumerate(pieces) if p.vertical]
    if glyphs:
        runs.append(glyphs)
    runs.sort(key=lambda run: run[0])
    return runs
