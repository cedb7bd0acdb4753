#!/usr/bin/env python3
"""The paragraph breaks a parse misses and invents, against the gold, with the line widths.

    python tools/para_breaks.py DIR|DUMP [...] [--tool pdftotext] [--missed|--invented]

For every dump (a DIR is a folder of synthetic pages, a page a folder with its dumps beside
``*.gold.json``; a DUMP is one dump with its gold beside it or, for a seed or a pool page,
in the shared gold folder), the dump is parsed and its articles matched to the gold's as the
scorer matches them; each paragraph break (the last characters of one paragraph and the
first of the next, folded as the scorer folds) that the gold has and the parse has not is
MISS, one the parse has and the gold has not is INVENT.
Each is shown with the dump lines around it: the line that ends before the break and the
one after it, each with its width in cells (``line_cells``) and the column width around it
(the upper quartile of the widths of the ``WINDOW`` non-blank lines either side), so that a
miss by a short last line or an invention at a full one is seen at a glance.  A break the
dump does not hold in one stretch (its lines reordered, a caption between) is shown
without lines.  Only the dumps whose name holds ``--tool`` are read.  Run it with the
project's python from the project root, ``PYTHONPATH=src``.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from measure import SHARED, _load  # the script's folder is on sys.path

#: Non-blank lines either side of a line that give its column width.
WINDOW = 6
#: Characters either side of a break, as the scorer keys breaks.
SIDE = 6


def _gold_of(dump: Path) -> Path | None:
    """The gold of one dump: beside it (a synthetic page), or in the shared gold folder
    (a seed: ``gold/seeds/NAME.gold.json``; a pool page: ``gold/pool/PAGE.gold.json``)."""
    beside = sorted(dump.parent.glob("*.gold.json"))
    if beside:
        return beside[0]
    for gold in (SHARED / "gold" / dump.parent.name / (dump.name.split(".")[0] + ".gold.json"),
                 SHARED / "gold" / dump.parent.parent.name / (dump.parent.name + ".gold.json")):
        if gold.is_file():
            return gold
    return None


def _dumps(args: list[str], tool: str) -> list[tuple[Path, Path]]:
    """(gold, dump) for each dump named or held in a folder named."""
    out: list[tuple[Path, Path]] = []
    for arg in args:
        path = Path(arg)
        if path.is_file():
            gold = _gold_of(path)
            if gold is not None:
                out.append((gold, path))
            continue
        for gold in sorted(path.glob("*/*.gold.json")) + sorted(path.glob("*.gold.json")):
            for dump in sorted(gold.parent.iterdir()):
                if dump.suffix in {".txt", ".md"} and tool in dump.name:
                    out.append((gold, dump))
    return out


def _breaks(score: ModuleType, gold: dict[str, Any], parsed: dict[str, Any],
            ) -> tuple[set[str], set[str]]:
    """The breaks the parse misses and invents in the articles it matches (scorer's keys)."""
    garts = [score.Art(a) for a in gold["articles"]]
    parts = [score.Art(a) for a in parsed.get("articles") or []]
    missed: set[str] = set()
    invented: set[str] = set()
    for i, j in score.match(garts, parts):
        gb = score.boundaries(garts[i].paras, SIDE)
        pb = score.boundaries(parts[j].paras, SIDE)
        missed |= gb - pb
        invented |= pb - gb
    return missed, invented


def _upper_quartile(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(3 * (len(ordered) - 1)) // 4] if ordered else 0.0


class _Lines:
    """A dump's lines, folded into one string with the line of each folded character."""

    def __init__(self, text: str, score: ModuleType) -> None:
        from baokan.core.text import line_cells

        self.lines = text.splitlines()
        self.cells = [line_cells(x) for x in self.lines]
        self.folded = ""
        self.line_of: list[int] = []
        for n, line in enumerate(self.lines):
            part = score.fold(line)
            self.folded += part
            self.line_of += [n] * len(part)
        self.nonblank = [n for n, x in enumerate(self.lines) if x.strip()]

    def column(self, n: int) -> float:
        """The column width around line ``n``."""
        at = self.nonblank.index(n)
        near = self.nonblank[max(0, at - WINDOW):at + WINDOW + 1]
        return _upper_quartile([self.cells[k] for k in near])

    def around(self, key: str) -> tuple[int, int] | None:
        """The lines before and after a break (None when the dump does not hold it)."""
        left, right = key.split("|", 1)
        at = self.folded.find(left + right)
        if at < 0 or not left or not right:
            return None
        return self.line_of[at + len(left) - 1], self.line_of[at + len(left)]

    def show(self, n: int) -> str:
        return f"{n + 1:5d} {self.cells[n]:5.1f}/{self.column(n):4.1f} {self.lines[n].strip()}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="para_breaks.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="DIR|DUMP")
    parser.add_argument("--tool", default="", help="only the dumps of this tool")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--missed", action="store_const", const={"MISS"}, dest="kinds")
    only.add_argument("--invented", action="store_const", const={"INVENT"}, dest="kinds")
    args = parser.parse_args(argv)
    kinds: set[str] = args.kinds or {"MISS", "INVENT"}
    tool: str = args.tool
    argv = args.paths
    import baokan

    score = _load(SHARED / "gold" / "score.py", "score")
    tally: Counter[str] = Counter()
    for gold_path, dump in _dumps(argv, tool):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        parsed = baokan.parse_file(str(dump)).to_dict()
        missed, invented = _breaks(score, gold, parsed)
        lines = _Lines(dump.read_text(encoding="utf-8"), score)
        for kind, keys in (("MISS", missed), ("INVENT", invented)):
            tally[kind] += len(keys)
            if kind not in kinds:
                continue
            for key in sorted(keys):
                print(f"{dump.name} {kind} {key}")
                found = lines.around(key)
                if found is None:
                    print("      (not in one stretch of the dump)")
                    continue
                for n in sorted({found[0], found[1]}):
                    print("  " + lines.show(n))
    print(f"missed {tally['MISS']}, invented {tally['INVENT']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
