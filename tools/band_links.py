#!/usr/bin/env python3
"""How well `separate-columns` reads bands of columns given row by row, against the gold.

    python tools/band_links.py DIR [DIR ...] [--tool pymupdf4llm] [--per-dump]

A band (a dump line holding the printed lines of several columns in turn, as pymupdf4llm
gives them) is read back either by dealing its turns (`deal_band`) or, where the turns
keep to no cycle, by linking its lines (`link_column_chains`).  Every pair of printed
lines that the reading puts one after the other in a column is a link; a link is right
if the gold's body text holds the three characters before the break and the three after
it together (folded as the scorer folds).  A link across the end of one story and the
start of the next counts as wrong, so no reading scores 100 %, but two readings of the
same pages compare: a change to the dealing that reads more links right and fewer wrong
reads the columns better, whatever the article segmentation later makes of it (the page
scores of `measure.py` move a lot for one link).  DIR is a folder of synthetic pages (a
page a folder, its dumps beside `*.gold.json`); only the dumps whose name holds `--tool`
are read.  ``--per-dump`` adds a row per dump: its share of links right and how many of its
bands were dealt (a dump whose bands are dealt none is read by the links alone, the weakest
reading).  Compare shares, not counts: a band read first by dealing and then by linking
(or dealt more than once) has its links counted each time, so a change that deals more
bands raises the counts by itself.  Run it with the project's python from the project
root, `PYTHONPATH=src`.
"""
from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from measure import SHARED, _load  # the script's folder is on sys.path

#: Characters either side of a break that the gold must hold together: enough to make a
#: chance match rare, few enough for a short closing line.
SIDE = 3


def main(argv: list[str]) -> int:
    tool = "pymupdf4llm"
    if "--tool" in argv:
        at = argv.index("--tool")
        tool = argv[at + 1]
        del argv[at:at + 2]
    per_dump = "--per-dump" in argv
    if per_dump:
        argv.remove("--per-dump")
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    import baokan
    import baokan.heuristics.order.separate_columns as sc

    score = _load(SHARED / "gold" / "score.py", "score")
    gold_text = [""]
    tally: Counter[str] = Counter()

    def count(path: str, pieces: Sequence[Any], runs: Sequence[Sequence[int]]) -> None:
        for run in runs:
            for a, b in itertools.pairwise(run):
                left, right = score.fold(pieces[a].text), score.fold(pieces[b].text)
                if len(left) >= SIDE and len(right) >= SIDE:
                    right_link = left[-SIDE:] + right[:SIDE] in gold_text[0]
                    tally[f"{path} {'right' if right_link else 'wrong'}"] += 1

    # the two readings, as separate-columns calls them (watched there: nothing else changes)
    watched = ("deal_band", "link_column_chains")
    deal, chains = (getattr(sc, name) for name in watched)

    def dealt(pieces: Sequence[Any], *args: Any, **kwargs: Any) -> Any:
        runs = deal(pieces, *args, **kwargs)
        tally["bands dealt" if runs is not None else "bands not dealt"] += 1
        if runs is not None:
            count("dealt", pieces, runs)
        return runs

    def linked(pieces: Sequence[Any], *args: Any, **kwargs: Any) -> Any:
        out = chains(pieces, *args, **kwargs)
        count("linked", pieces, [run for chain in out for run in chain])
        return out

    for name, watcher in zip(watched, (dealt, linked), strict=True):
        setattr(sc, name, watcher)
    for folder in argv:
        for gold_path in sorted(Path(folder).glob("*/*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            gold_text[0] = "".join(score.fold("".join(a.get("paragraphs") or []))
                                   for a in gold["articles"])
            for dump in sorted(gold_path.parent.iterdir()):
                if tool in dump.name and dump.suffix in {".md", ".txt"}:
                    before = tally.copy()
                    baokan.parse_file(str(dump))
                    if per_dump:
                        _dump_row(dump.name, tally - before)
    for path in ("dealt", "linked"):
        right, wrong = tally[f"{path} right"], tally[f"{path} wrong"]
        share = right / (right + wrong) if right + wrong else 0.0
        print(f"{path:7} links right {right:6} wrong {wrong:6} ({share:.3f})")
    print(f"bands dealt {tally['bands dealt']}, not dealt {tally['bands not dealt']} "
          "(read by links, or as they are)")
    return 0


def _dump_row(name: str, tally: Counter[str]) -> None:
    """One dump's links right and wrong and its bands dealt (the counts it added)."""
    right = tally["dealt right"] + tally["linked right"]
    wrong = tally["dealt wrong"] + tally["linked wrong"]
    share = f"{right / (right + wrong):.3f}" if right + wrong else "-"
    bands = tally["bands dealt"] + tally["bands not dealt"]
    print(f"{name:40} links right {share:>5} of {right + wrong:5}  "
          f"bands dealt {tally['bands dealt']}/{bands}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
