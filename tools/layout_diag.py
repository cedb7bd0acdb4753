#!/usr/bin/env python3
"""How `split-layout-columns` reads one `pdftotext -layout` dump: bands, strips, order.

    python tools/layout_diag.py DUMP [--lines N]

Prints the column edges the dump shows, then for each band of columns (bands joined when
one runs on with the other's columns) its head lines, and the runs of lines in the order
they are read: the column, the dump lines the run spans, how many lines it holds and its
first line's first N characters (default 16).  A run marked `strip` opens a strip: a group
of columns side by side parted at rows clear across them (`_group_cuts`), whose strips
are read one after another, all the group's columns of one strip before the next.  Run it
with the project's python from the project root, `PYTHONPATH=src`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from baokan.core import columns as layout


def show(text: str, chars: int = 16) -> list[str]:
    """The report of the dump ``text``, line by line."""
    settings = layout.LayoutSettings()
    rows = layout.dump_rows(text)
    edges = layout.column_edges(rows, settings)
    if edges is None:
        return ["no side-by-side columns"]
    out = [f"edges: {', '.join(map(str, edges))}"]
    for index, grid in enumerate(layout.column_grids(rows, edges, settings)):
        head, columns, joins = grid
        lines = [number for column in columns for _, number, _ in column]
        span = f"{min(lines)}-{max(lines)}" if lines else "-"
        out.append(f"band {index}: dump lines {span}, "
                   f"lines per column {[len(column) for column in columns]}")
        for _, column, number, line in head:
            out.append(f"  head  c{column} {number:5d} {line[:chars]!r}")
        if joins:
            out.append(f"  joined bands at dump lines {', '.join(map(str, joins))}")
        for column, run, opens in layout.read_grid(grid, settings):
            if not run:
                continue
            mark = "strip" if opens else "     "
            out.append(f"  {mark} c{column} {run[0][1]:5d}-{run[-1][1]:<5d} "
                       f"{len(run):3d} lines  {run[0][2][:chars]!r}")
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    chars = int(argv[argv.index("--lines") + 1]) if "--lines" in argv else 16
    print("\n".join(show(Path(argv[0]).read_text(encoding="utf-8"), chars)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
