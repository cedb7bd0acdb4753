"""``separate-columns``: take apart the columns a converter read row by row.

The geometry of printed lines and the linking live in :mod:`baokan.core.columns`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import attrs
import regex

from baokan.core.columns import (
    INDENT,
    InterleaveSettings,
    PairStats,
    Piece,
    band_core,
    band_periods,
    by_period,
    column_widths,
    deal_band,
    is_full,
    junction,
    link_column_chains,
    link_columns,
    local_periods,
    might_interleave,
    printed_lines,
    wide_row,
    widest_full,
)
from baokan.core.document import Block, Document, Recorder
from baokan.core.marks import Kind, Stage
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span
from baokan.core.text import DASH_PAIR, OPENING_MARKS

# markdown that a later step reads (a heading, a table row): never a row of columns
_MARKDOWN = regex.compile(r"^(?:#{1,6}\s|\|)")
# a markdown table: its rows (``|a|b|``), the rule under its header (``|---|---|``), and
# the line breaks inside a cell (``<br>``) — markdown's syntax, not thresholds
_TABLE_ROW = regex.compile(r"^\|.*\|\s*$")
_TABLE_RULE = regex.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_CELL_BREAK = regex.compile(r"<br\s*/?>")


def _eligible(block: Block) -> bool:
    # (``_MARKDOWN`` opens with ``#`` or ``|``: the first character is looked at first)
    return block.kind == Kind.TEXT and block.level is None and not (
        block.text[:1] in ("#", "|") and _MARKDOWN.match(block.text))


def _column_cells(pieces: Sequence[Piece]) -> float:
    """The width of the column ``pieces`` are printed in: the upper quartile, by rank, of
    the open pieces' widths (a closed one, a paragraph's last line, is short by nature; a
    few wider ones are heads or captions); 0 if every piece is closed."""
    widths = sorted(p.cells for p in pieces if not p.closed)
    return widths[(3 * (len(widths) - 1)) // 4] if widths else 0.0


def _paragraphs(pieces: Sequence[Piece], settings: InterleaveSettings) -> list[list[Piece]]:
    """A column's printed lines cut into paragraphs: after a closed line shorter than the
    column, or before an indented line that follows a closed one."""
    width = _column_cells(pieces)
    out: list[list[Piece]] = [[]]
    for i, piece in enumerate(pieces):
        if i and out[-1]:
            prev = pieces[i - 1]
            short = prev.cells < width - settings.full_below
            indented = (not piece.closed and width - 2.5 <= piece.cells <= width - 1.5)
            if prev.closed and (short or indented):
                out.append([])
        out[-1].append(piece)
    return [p for p in out if p]


@heuristic("separate-columns", settings=InterleaveSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, provides={Stage.COLUMNS_SEPARATED, Kind.TEXT})
def separate_columns(doc: Document, settings: InterleaveSettings) -> Document:
    """Read column by column the printed lines a converter gave row by row.

    Two forms: a dump line holding the lines of several columns side by side, separated
    by single spaces (pymupdf4llm puts a whole band on one line; pdftotext a row of a
    tight page), is cut into printed lines at the spaces, by their widths against the
    page's column widths; and a stretch where the lines of two or more columns follow
    one another in turn (pdftotext, pdfminer, a PDF drawn row by row).  Cue: a line
    that ends mid-word goes on with the line of its own column, which comes a
    near-constant number of lines later (the columns side by side); the characters
    across the break are a pair found elsewhere on the page; a row of columns cut apart
    gives the distance itself.  Where that distance is more than one, each printed line
    is linked to the one that continues it (best links first) and the runs of linked
    lines are read one after another, a band's as paragraphs (printed lines joined by
    spaces, as the converter gives them), a stretch's a line each; groups of short
    title lines part one story's rows from the next's.  At the edges of a stretch's
    region, where the evidence starts or ends, a line is read by the period while its
    link there scores no worse than reading on in order.  The only text dropped is a
    printed line pymupdf4llm gives twice (a story run on below a band), with its
    account; every other printed line is kept and keeps its source line.  A markdown
    table (pymupdf4llm gives the cells between a page's rules so) is read column by
    column first (:func:`_read_tables`).  A quick look
    (:func:`~baokan.core.columns.might_interleave`) lets pages read in order through.
    """
    rec = Recorder("separate-columns")
    if doc.counts.get("split-layout-columns"):
        return doc  # columns side by side, already read one after another
    blocks = _read_tables(doc.blocks, settings, rec)
    if rec.changes:
        doc = rec.apply(doc, blocks)
        rec = Recorder("separate-columns")
    texts = [b.text for b in blocks if _eligible(b)]
    if not texts or not might_interleave(texts, settings):
        return doc  # the common case: a page read in order
    widths = column_widths(texts, settings)
    if not widths:
        return doc
    # the printed lines of each line (a row of columns cut apart), then the pairs of
    # characters the page shows within printed lines: a pair across a cut never counts
    first = PairStats(texts)
    split = [printed_lines(b.text, widths, settings, first)
             if _eligible(b) and wide_row(b.text, widths, settings) else [b.text]
             for b in blocks]
    # a band cut again at its own columns' width: against the page's other (wider)
    # columns a printed line may take in a piece of the next column's line (a number
    # the converter set apart with spaces: ``上升到 2017 年的第`` / ``2017 年我国``)
    split = [printed_lines(b.text, [_band_width(lines, widths, settings)], settings, first)
             if len(lines) >= settings.min_pieces and len(widths) > 1 else lines
             for b, lines in zip(blocks, split)]
    kept, dropped = _drop_repeated_lines(blocks, split, settings, rec)
    # all the printed lines of a band, the copies too (``dropped``: the indices of the
    # copies among them): they take their turns in the band's cycle, which with the
    # copies left out may be no cycle any more (its other column's lines come one after
    # another) — see _read_band
    whole = split
    # a band that lost copies is the printed lines it keeps
    blocks = tuple(b if kept[k] is split[k] else b.with_(text=" ".join(kept[k]))
                   for k, b in enumerate(blocks))
    split = kept
    stats = PairStats(line for b, lines in zip(blocks, split) if _eligible(b)
                      for line in lines)
    out: list[Block] = []
    # the stretch of single printed lines being collected: (block, its printed lines)
    stretch: list[tuple[Block, list[str]]] = []

    def flush() -> None:
        if stretch:
            out.extend(_read_stretch(stretch, stats, widths, settings, rec))
            stretch.clear()

    for k, (block, lines, printed) in enumerate(zip(blocks, split, whole)):
        if not _eligible(block):
            flush()
            out.append(block)
            continue
        if len(lines) >= settings.min_pieces:
            flush()  # a whole band on one line: its own stretch
            for group in _read_band(block, lines, widest_full(widths, settings),
                                    stats, settings, rec, printed,
                                    dropped.get(k, frozenset())):
                out.extend(group)
        else:
            stretch.append((block, lines))
    flush()
    if not rec.changes:
        return doc
    return rec.apply(doc, out)


def _read_tables(blocks: tuple[Block, ...], settings: InterleaveSettings,
                 rec: Recorder) -> tuple[Block, ...]:
    """The markdown tables of the page read column by column.

    A converter that finds the rules drawn between a page's cells (pymupdf4llm) gives
    the cells as a markdown table: a row of the table holds a cell of every column side
    by side, a cell its printed lines joined by ``<br>``.  So a table is a band of
    columns given row by row, cell by cell: each column's cells, top to bottom, are its
    text, and the columns come left to right.  A column's printed lines are cut into
    paragraphs as a band's are; the table's markup (the bars, the rule under the header,
    the ``<br>``) goes.  Cue: markdown's table syntax, rows over a rule.
    """
    if not any(b.text.startswith("|") for b in blocks):
        return blocks
    out: list[Block] = []
    n = len(blocks)
    i = 0
    while i < n:
        j = i
        while j < n and blocks[j].kind == Kind.TEXT and blocks[j].level is None and (
                _TABLE_ROW.match(blocks[j].text)):
            j += 1
        rows = blocks[i:j]
        if not any(_TABLE_RULE.match(b.text) for b in rows):
            out.extend(blocks[i:max(j, i + 1)])  # rows with no rule under them: left as they are
            i = max(j, i + 1)
            continue
        columns: dict[int, list[tuple[Block, str]]] = {}
        for row in rows:
            if _TABLE_RULE.match(row.text):
                continue
            for c, cell in enumerate(row.text.strip()[1:-1].split("|")):
                for line in _CELL_BREAK.split(cell):
                    if line.strip():
                        columns.setdefault(c, []).append((row, line.strip()))
        first = True
        for c in sorted(columns):
            lines = columns[c]
            pieces = [Piece.of(text) for _, text in lines]
            k = 0
            for para in _paragraphs(pieces, settings):
                sources = [row for row, _ in lines[k:k + len(para)]]
                k += len(para)
                lo, hi = covering_span(sources)
                out.append(sources[0].with_(text=" ".join(p.text for p in para), start=lo,
                                            end=hi, gap_before=rows[0].gap_before if first
                                            else 1))
                first = False
        rec.change("read a markdown table column by column", covering_span(rows),
                   f"{len(rows)} rows, {len(columns)} columns")
        i = j
    return tuple(out)


def _title_groups(pieces: Sequence[Piece], owner: Sequence[int],
                  settings: InterleaveSettings,
                  narrowest: float = 0.0) -> list[tuple[int, int, bool]]:
    """The pieces cut into stretches ``(lo, hi, titles)`` at groups of titles: two or
    more short open lines in a row (a kicker, a headline, a byline) stand between the
    rows of one story's columns and the next's, and nothing is read across them.  A
    kicker that ends ``——`` over a short line is such a group too: it leads into its
    headline (conventions), no column goes on there — where it is as wide as the
    ``narrowest`` column at least (a column's own line that ends on a dash, the tail of a
    sentence, is short: ``众“少跑腿”——``)."""
    n = len(pieces)
    marks = [False] * n

    def head_line(k: int) -> bool:
        return pieces[k].short or (k + 1 < n and pieces[k + 1].short
                                   and pieces[k].text.rstrip().endswith(DASH_PAIR)
                                   and pieces[k].cells >= narrowest - settings.full_below)

    i = 0
    while i < n:
        j = i
        while j < n and head_line(j):
            j += 1
        if j - i >= settings.min_title_group:
            for k in range(i, j):
                marks[k] = True
        i = max(j, i + 1)
    # whole dump lines only: a line is in a title group if its first piece is
    for k in range(1, n):
        if owner[k] == owner[k - 1]:
            marks[k] = marks[k - 1]
    out: list[tuple[int, int, bool]] = []
    for k in range(n):
        if out and out[-1][2] == marks[k]:
            out[-1] = (out[-1][0], k + 1, marks[k])
        else:
            out.append((k, k + 1, marks[k]))
    return out


def _drop_repeated_lines(blocks: Sequence[Block], split: list[list[str]],
                         settings: InterleaveSettings, rec: Recorder,
                         ) -> tuple[list[list[str]], dict[int, frozenset[int]]]:
    """The printed lines of the page with the copies a converter printed twice left out,
    and for each dump line that lost copies, the indices of its printed lines dropped.

    pymupdf4llm prints the lines of a story that runs on below a band twice: among the
    band's rows, and again with the rest of the story (``spill-over``).  A printed line
    of ``min_repeat`` characters or more found on two dump lines that each hold a band
    (``min_pieces`` printed lines or more) is kept on the one where repeated lines make
    the larger share (the story's own place) and dropped, with its account, from the
    other.
    """
    where: dict[str, list[int]] = {}
    for k, lines in enumerate(split):
        if len(lines) >= settings.min_pieces:  # bands: dump lines of many printed lines
            for line in lines:
                if len(line) >= settings.min_repeat:
                    where.setdefault(line, []).append(k)
    repeated = {line: ks for line, ks in where.items() if len(set(ks)) >= 2}
    if not repeated:
        return split, {}
    count: dict[int, int] = {}
    for ks in repeated.values():
        for k in ks:
            count[k] = count.get(k, 0) + 1
    share = {k: c / len(split[k]) for k, c in count.items()}
    drop: dict[int, set[str]] = {}
    for line, ks in repeated.items():
        keep = max(set(ks), key=lambda k: (share[k], k))
        for k in set(ks) - {keep}:
            drop.setdefault(k, set()).add(line)
    out = list(split)
    dropped: dict[int, frozenset[int]] = {}
    for k, gone in drop.items():
        out[k] = [line for line in split[k] if line not in gone]
        dropped[k] = frozenset(i for i, line in enumerate(split[k]) if line in gone)
        for line in split[k]:
            if line in gone:
                rec.dropped(line, "duplicate", blocks[k].span,
                            "a printed line given twice (a story run on below a band)")
    return out, dropped


def _band_width(lines: Sequence[str], widths: Sequence[float],
                settings: InterleaveSettings) -> float:
    """The width of a band's columns: the page's column width most of the band's printed
    lines are as wide as (a page's bands have columns of their own widths); the widest
    where no line is as wide as any."""
    cells = [Piece.of(text).cells for text in lines]
    fits = {w: sum(w - settings.full_below <= c <= w + settings.full_above for c in cells)
            for w in widths}
    best = max(widths, key=lambda w: (fits[w], w))
    return best if fits[best] else max(widths)


#: The fewest lines of its own (not copies) a column of a band dealt with its copies must
#: hold besides them (:func:`_copies_own_column`): as many as a band needs per column to
#: be dealt at all (``DealSettings.min_turns``, three).
_OWN_LINES = 3


def _copies_own_column(linked: Sequence[Sequence[Sequence[int]]],
                       copies: frozenset[int]) -> bool:
    """Whether every run of a band dealt with its copies that holds copies holds
    ``_OWN_LINES`` lines of the band's own too: a column whose lines in the band are all
    copies (one or two besides are lines dealt to it wrongly) is the story run on below,
    and the band without it is its other column, read as it stands."""
    for chain in linked:
        for run in chain:
            held = sum(i in copies for i in run)
            if held and len(run) - held < _OWN_LINES:
                return False
    return True


#: The most pieces a band's head holds (:func:`_band_head`): a byline's role words and
#: names, each a span of its own (``本报记者 张天翼 实习生 茹水泉``).
_HEAD_PIECES = 4
#: The most pieces a column's first line before a band is cut into (:func:`_band_head`):
#: the converter cuts a line at the spaces it sets around a quotation mark, once; a
#: byline's spans are more.
_CUT_PIECES = 2
#: A piece that ends in an opening mark or a dash goes on in the next (punctuation).
_GOES_ON = regex.compile("[" + regex.escape(OPENING_MARKS) + "—]$")


def _band_head(pieces: Sequence[Piece], settings: InterleaveSettings) -> int:
    """How many of a band's first pieces are a head set across its columns (a byline, a
    caption's last line over the story): the pieces before its first line as wide as
    its column (or as an indented first line) that, glued, are wider than a column, so
    no column's printed line; 0 if there is none.  One or two pieces at the head's end
    that glue into a full line of the column are that line (a line the converter cut at
    the spaces around a quotation mark), and a head that ends in an opening mark or a dash
    goes on in the line below (a kicker over its headline): no head."""
    if all(p.closed for p in pieces):
        return 0
    column = _column_cells(pieces)
    narrowest = column - INDENT - settings.full_below
    widest = column + settings.full_above
    cells: list[float] = []
    for piece in pieces[:_HEAD_PIECES + 1]:
        if piece.cells <= widest and (piece.closed or piece.cells >= narrowest):
            break  # the band's first line
        cells.append(piece.cells)
    count = len(cells)
    if not count or count > _HEAD_PIECES:
        return 0
    tail = 0.0
    for k in range(count - 1, max(-1, count - 1 - _CUT_PIECES), -1):
        tail += cells[k]
        if column - settings.full_below <= tail <= widest:
            count = k  # the pieces from k on: the column's first line, cut
            break
    if not count or sum(cells[:count]) <= widest or _GOES_ON.search(pieces[count - 1].text):
        return 0
    return count


def _read_core(block: Block, lines: list[str], core: tuple[int, int], width: float,
               stats: PairStats, settings: InterleaveSettings,
               rec: Recorder) -> list[list[Block]]:
    """A band whose columns start (or end) below (or above) one column's lines read in
    order (:func:`~baokan.core.columns.band_core`): those lines as they come, as
    paragraphs, and the rest as a band of its own."""
    lo, hi = core
    rec.change("read a column's lines beside a band of columns as they come", block.span,
               f"{lo} printed lines before the band, {len(lines) - hi} after it")
    groups: list[list[Block]] = []
    head = [Piece.of(text) for text in lines[:lo]]
    if head:
        groups.append([block.with_(text=" ".join(p.text for p in para),
                                   gap_before=block.gap_before if not k else 1)
                       for k, para in enumerate(_paragraphs(head, settings))])
    inner = block.with_(text=" ".join(lines[lo:hi]), gap_before=1 if head else block.gap_before)
    groups.extend(_read_band(inner, lines[lo:hi], width, stats, settings, rec))
    tail = [Piece.of(text) for text in lines[hi:]]
    if tail:
        groups.append([block.with_(text=" ".join(p.text for p in para), gap_before=1)
                       for para in _paragraphs(tail, settings)])
    return groups


def _read_band(block: Block, lines: list[str], width: float, stats: PairStats,
               settings: InterleaveSettings, rec: Recorder,
               printed: Sequence[str] = (),
               dropped: frozenset[int] = frozenset()) -> list[list[Block]]:
    """A dump line holding a band of columns row by row, as paragraphs column by column
    (each paragraph a line, its printed lines joined by spaces as the converter joins
    them), in groups.  Where the band's lines are whole printed lines and keep to one
    cycle of turns, each column is dealt its turns (:func:`~baokan.core.columns.deal_band`)
    and is a group, the columns in the order their first lines come; else the printed
    lines are linked (best links first) and the runs of one chain (a text going on from
    column to column) are a group.  A band that lost printed lines given again below it
    (``printed``: all its lines, the copies too; ``dropped``: the copies' indices there)
    and shows no columns without them is looked at with them: there the copies take
    their turns, and then leave the runs."""
    # in a band every printed line, a byline's too, takes its turn in its column: none
    # is a title that leads to the line right after it
    pieces = [Piece.of(text) for text in lines]
    # a band's period is given by its rows, its lines dealt by their turns: the three
    # characters across a break (``seen_triple``) are for the stretches, where the
    # period is found from the words alone (on bands they moved no story right)
    settings = attrs.evolve(settings, seen_triple=0.0)
    periods = band_periods(pieces, stats, settings)
    copies: frozenset[int] = frozenset()
    if not periods and dropped:
        copies = dropped
        lines = list(printed)
        pieces = [Piece.of(text) for text in lines]
        periods = band_periods(pieces, stats, settings)
    if not periods:
        if not copies:
            core = band_core(pieces, stats, settings)
            if core is not None:
                return _read_core(block, lines, core, width, stats, settings, rec)
        return [[block]]  # read as it is (its text is the printed lines kept)
    period = max(sorted(set(periods)), key=periods.count)
    full = width - settings.full_above - settings.full_below
    runs = deal_band(pieces, period, width, full, stats, settings)
    head = _band_head(pieces, settings) if not copies else 0
    if head:
        # a head set across the band's columns takes no turn in their cycle: dealt in
        # it, it shifts the turns, and the column it lands in is read first
        rest = deal_band(pieces[head:], period, width, full, stats, settings)
        if rest is not None:
            runs = [list(range(head))] + [[i + head for i in run] for run in rest]
    linked = ([[run] for run in runs] if runs is not None
              else link_column_chains(pieces, periods, stats, settings))
    if copies and not _copies_own_column(linked, copies):
        return [[block]]  # read as it is (its text is the printed lines kept)
    groups: list[list[Block]] = []
    first = True
    for chain in linked:
        group: list[Block] = []
        for run in chain:
            run = [i for i in run if i not in copies]
            if not run:
                continue
            for para in _paragraphs([pieces[i] for i in run], settings):
                group.append(block.with_(text=" ".join(p.text for p in para),
                                         gap_before=block.gap_before if first else 1))
                first = False
        groups.append(group)
    rec.change("read a band of columns given row by row column by column", block.span,
               f"{len(pieces)} printed lines in {sum(len(c) for c in linked)} runs, "
               f"{max(periods)} columns side by side")
    return groups


def _row_periods(stretch: Sequence[tuple[Block, list[str]]], pieces: Sequence[Piece],
                 owner: Sequence[int], widths: Sequence[float], stats: PairStats,
                 settings: InterleaveSettings) -> list[int]:
    """For each piece of a line cut into a row of printed lines, how many columns stand
    side by side there: the median number of printed lines of the rows around it
    (``row_window`` lines either side).  A row is a line cut into two printed lines or
    more, two of them as wide as a column; it counts where another row is near."""
    full = [0] * len(stretch)
    first: dict[int, int] = {}
    for i, (k, piece) in enumerate(zip(owner, pieces)):
        first.setdefault(k, i)
        if is_full(piece.cells, widths, settings):
            full[k] += 1
    counts = [len(lines) if full[k] >= 2 else 0 for k, (_, lines) in enumerate(stretch)]
    # a paragraph a line with its printed lines spaced apart (pymupdf4llm) is no row:
    # its lines go on along the line (a strong pair across the space), a row's down
    # to the next row
    along = [0] * len(stretch)
    down = [0] * len(stretch)
    for k, c in enumerate(counts):
        if not c:
            continue
        lo = first[k]
        for i in range(lo, lo + c - 1):
            along[k] += _goes_on(pieces[i], pieces[i + 1], stats, settings)
        nxt = first.get(k + 1)
        if nxt is not None:
            below = pieces[nxt:nxt + len(stretch[k + 1][1])]
            down[k] += sum(any(_goes_on(pieces[i], b, stats, settings) for b in below)
                           for i in range(lo, lo + c))
    out: list[int] = []
    for k in owner:
        lo, hi = max(0, k - settings.row_window), k + settings.row_window + 1
        near = [c for c in counts[lo:hi] if c]
        rowlike = sum(down[lo:hi]) >= sum(along[lo:hi])
        out.append(statistics.median_high(near) if counts[k] and len(near) >= 2 and rowlike
                   else 0)
    return out


def _goes_on(a: Piece, b: Piece, stats: PairStats, settings: InterleaveSettings) -> int:
    # the pair alone: with the three characters across the break, a dev page's rows
    # were read worse (InterleaveSettings.seen_triple)
    return int(junction(a, b, stats, settings, triples=False) >= settings.seen)


def _regions(periods: Sequence[int], owner: Sequence[int],
             across: Sequence[bool]) -> list[tuple[int, int]]:
    """The interleaved stretches ``[lo, hi)`` of the pieces: runs whose local period is
    two or more, widened by that period on either side (the first row of the columns
    is where the evidence starts), over whole dump lines, overlaps merged.  The
    widening stops before a piece ``across`` the columns (wider than any: a headline or
    byline set over them, above their first row or below their last)."""
    n = len(periods)
    found: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if periods[i] < 2:
            i += 1
            continue
        end = j = i
        while end < n and periods[end] >= 2:
            end += 1
        j = end
        reach = max(periods[i:j])
        i, j = _trim_across(across, i, j)
        if i == j:
            i = end
            continue
        lo, hi = _widen(owner, across, i, j, reach)
        if found and lo <= found[-1][1]:
            found[-1] = (found[-1][0], max(hi, found[-1][1]))
        else:
            found.append((lo, hi))
        i = end
    return found


def _trim_across(across: Sequence[bool], i: int, j: int) -> tuple[int, int]:
    """The run ``[i, j)`` less the pieces ``across`` the columns at either end (a head at
    the run's edge is none of its columns' lines); empty if all are."""
    while i < j and across[i]:
        i += 1
    while j > i and across[j - 1]:
        j -= 1
    return i, j


def _widen(owner: Sequence[int], across: Sequence[bool], i: int, j: int, reach: int
           ) -> tuple[int, int]:
    """The run ``[i, j)`` widened by ``reach`` pieces on either side, stopping before a
    piece ``across`` the columns, then out to whole dump lines (``owner``)."""
    n = len(owner)
    lo, hi = max(0, i - reach), min(n, j + reach)
    lo = next((k + 1 for k in range(i - 1, lo - 1, -1) if across[k]), lo)
    hi = next((k for k in range(j, hi) if across[k]), hi)
    while lo > 0 and owner[lo] == owner[lo - 1]:
        lo -= 1
    while hi < n and owner[hi] == owner[hi - 1]:
        hi += 1
    return lo, hi


def _extended(pieces: Sequence[Piece], owner: Sequence[int], periods: list[int],
              floor: int, lo: int, hi: int, ceiling: int, widths: Sequence[float],
              stats: PairStats, settings: InterleaveSettings) -> tuple[int, int]:
    """The region ``[lo, hi)`` (runs of period two or more, widened) with the lines at
    its edges, in it or before or after it (down to ``floor``, up to ``ceiling``),
    linked by the period while the period's links keep scoring: a line before the
    first run goes on with its column's next line at least as well as with the line
    right after it (:func:`~baokan.core.columns.by_period`), a line after the last run
    follows its column's last line at least as well as the line right before it.  Such
    a line takes the period (the first row of the columns, where the evidence starts);
    the rest of the widened edge stays as it was.  Lines as wide as a column, a
    printed line a dump line, linked to lines alone on theirs only (a row of columns
    cut apart gives its period itself, and a line alone before it is no row of it)."""
    def single(i: int) -> bool:
        return (i == 0 or owner[i - 1] != owner[i]) and (
            i + 1 == len(owner) or owner[i + 1] != owner[i])

    first = next(i for i in range(lo, hi) if periods[i] >= 2)
    period = periods[first]
    i = first - 1
    while (i >= floor and i + period < ceiling and single(i) and single(i + 1)
           and is_full(pieces[i].cells, widths, settings)
           and by_period((pieces[i], pieces[i + period]), (pieces[i], pieces[i + 1]),
                         period, stats, settings)):
        periods[i] = period
        i -= 1
    lo = min(lo, i + 1)
    last = next(i for i in range(hi - 1, lo - 1, -1) if periods[i] >= 2)
    period = periods[last]
    i = last + 1
    while (i < ceiling and i - period >= lo and single(i) and single(i - 1)
           and (pieces[i].closed or is_full(pieces[i].cells, widths, settings))
           and by_period((pieces[i - period], pieces[i]), (pieces[i - 1], pieces[i]),
                         period, stats, settings)):
        periods[i] = period
        i += 1
    return lo, max(hi, i)


def _read_stretch(stretch: Sequence[tuple[Block, list[str]]], stats: PairStats,
                  widths: Sequence[float],
                  settings: InterleaveSettings, rec: Recorder) -> list[Block]:
    """Lines where columns alternate (and lines holding a row of columns), read column
    by column where the local period says so; elsewhere as they were."""
    owner: list[int] = []
    texts: list[str] = []
    for k, (_, lines) in enumerate(stretch):
        for text in lines:
            owner.append(k)
            texts.append(text)
    pieces = [Piece.of(text, min(widths), settings) for text in texts]
    periods = [1] * len(pieces)
    regions: list[tuple[int, int]] = []
    rows = _row_periods(stretch, pieces, owner, widths, stats, settings)
    widest = widest_full(widths, settings)
    across = [p.cells > widest for p in pieces]
    for lo, hi, titles in _title_groups(pieces, owner, settings, min(widths)):
        if titles:
            continue
        found = local_periods(pieces[lo:hi], stats, settings)
        # a row of columns cut apart says how many columns stand side by side
        periods[lo:hi] = [r or p for r, p in zip(rows[lo:hi], found)]
        floor = regions[-1][1] if regions else 0
        for a, b in _regions(periods[lo:hi], owner[lo:hi], across[lo:hi]):
            a, b = _extended(pieces, owner, periods, max(lo, floor), lo + a, lo + b, hi,
                             widths, stats, settings)
            if regions and a < regions[-1][1]:  # the last one extended into this one
                regions[-1] = (regions[-1][0], max(b, regions[-1][1]))
            else:
                regions.append((a, b))
            floor = regions[-1][1]
    out: list[Block] = []

    def as_they_were(lo: int, hi: int) -> None:
        out.extend(stretch[k][0] for k in sorted(set(owner[lo:hi])))

    done = 0
    for lo, hi in regions:
        as_they_were(done, lo)
        part = pieces[lo:hi]
        runs = link_columns(part, periods[lo:hi], stats, settings)
        for r, run in enumerate(runs):
            for m, idx in enumerate(run):
                source = stretch[owner[lo + idx]][0]
                gap = 0 if m else (stretch[owner[lo]][0].gap_before if r == 0 else 1)
                out.append(source.with_(text=part[idx].text, gap_before=gap))
        rec.change("read columns given row by row column by column",
                   covering_span(stretch[k][0] for k in set(owner[lo:hi])),
                   f"{hi - lo} printed lines in {len(runs)} runs, "
                   f"{max(periods[lo:hi])} columns side by side")
        done = hi
    as_they_were(done, len(pieces))
    return out
