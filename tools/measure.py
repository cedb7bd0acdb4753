#!/usr/bin/env python3
"""Score baokan on the dev sets and on generated synthetic folders; compare two runs.

    python tools/measure.py run OUT.json [--sets dev] [DIR ...] [--jobs 2]
    python tools/measure.py cmp A.json B.json [--per-tool]
    python tools/measure.py papers RUN.json [DIR ...]

`run` parses every dump of every set and writes one score row per dump. The sets are
`dev` (score_dev.py's seeds, pool, synth and ocr) and any folder of synthetic pages made
by `../shared/synth/gen.py` (each page a folder holding its dumps and `*.gold.json`),
named after the folder. `cmp` prints each set's means in both runs and how many dumps
rose and fell on article, body and paragraph; `--per-tool` breaks the means down by the
tool that made the dump. `papers` gives one run's means per paper (the gold's
`issue.publication`; each seed is its own paper), worst article F1 first, with the sets the
paper's dumps are in: the per-paper figures that show whether a change helped papers it was
not fitted on. Give it the synthetic folders the run scored. Run it with the project's
python from the project root; the shared folder is `$BAOKAN_SHARED` or `../shared`.
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

SHARED = Path(os.environ.get("BAOKAN_SHARED", Path.cwd().parent / "shared")).resolve()
KEYS = ("article_f1", "headline_acc", "byline_f1", "body_similarity", "paragraph_f1")
SHORT = ("art", "head", "byl", "body", "para")


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pairs(sets: list[str], dirs: list[str]) -> list[tuple[str, str, str]]:
    """(set, gold path, dump path) for every dump to score."""
    out: list[tuple[str, str, str]] = []
    if "dev" in sets:
        dev = _load(SHARED / "tools" / "score_dev.py", "score_dev")
        for name in ("seeds", "pool", "synth", "ocr"):
            out += [(name, str(g), str(d)) for g, d in dev.pairs_of(name)]
    for folder in dirs:
        root = Path(folder)
        for gold in sorted(root.glob("*/*.gold.json")):
            for dump in sorted(gold.parent.iterdir()):
                if dump.suffix in {".txt", ".md"} and "README" not in dump.name:
                    out.append((root.name, str(gold), str(dump)))
    return out


_score: ModuleType | None = None


def _one(pair: tuple[str, str, str]) -> tuple[str, str, dict[str, float]]:
    global _score
    import baokan

    if _score is None:
        _score = _load(SHARED / "gold" / "score.py", "score")
    name, gpath, dpath = pair
    gold = json.loads(Path(gpath).read_text(encoding="utf-8"))
    try:
        parsed = baokan.parse_file(dpath).to_dict()
    except Exception as error:  # a crash scores as an empty parse, and is shown
        print(f"{dpath}: {type(error).__name__}: {error}", file=sys.stderr)
        parsed = {"articles": []}
    dump = Path(dpath)
    return name, f"{dump.parent.name}/{dump.name}", _score.score_one(gold, parsed)


def run(out: str, sets: list[str], dirs: list[str], jobs: int) -> None:
    rows: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    pairs = _pairs(sets, dirs)
    with ProcessPoolExecutor(jobs) as pool:
        for done, (name, key, row) in enumerate(pool.map(_one, pairs, chunksize=8), 1):
            rows[name][key] = row
            if done % 200 == 0:
                print(f"{done}/{len(pairs)}", file=sys.stderr)
    Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    for name, table in rows.items():
        print(f"{name:12} {len(table):4} " + _means(list(table.values())))


def _means(rows: list[dict[str, float]]) -> str:
    if not rows:
        return "-"
    return " ".join(f"{sum(r[k] for r in rows) / len(rows):.4f}" for k in KEYS)


def _tool(key: str) -> str:
    name = key.split("/")[-1]
    for tool in ("pdftotext-layout", "pymupdf4llm", "pymupdf", "pdfminer", "pdftotext",
                 "tesseract"):
        if tool in name:
            return tool
    return "other"


def cmp(a_path: str, b_path: str, per_tool: bool) -> None:
    a = json.loads(Path(a_path).read_text(encoding="utf-8"))
    b = json.loads(Path(b_path).read_text(encoding="utf-8"))
    print(f"{'set':24} {'n':>4} " + " ".join(f"{s:>6}" for s in SHORT) + "   up/down art body para")
    for name in a:
        if name not in b:
            continue
        shared = sorted(set(a[name]) & set(b[name]))
        groups: dict[str, list[str]] = {name: shared}
        if per_tool:
            for key in shared:
                groups.setdefault(f"  {_tool(key)}", []).append(key)
        for label, keys in groups.items():
            ra = [a[name][k] for k in keys]
            rb = [b[name][k] for k in keys]
            moves = []
            for k in ("article_f1", "body_similarity", "paragraph_f1"):
                up = sum(y[k] > x[k] + 1e-9 for x, y in zip(ra, rb))
                down = sum(y[k] < x[k] - 1e-9 for x, y in zip(ra, rb))
                moves.append(f"{up}/{down}")
            print(f"{label:24} {len(keys):4} A {_means(ra)}")
            print(f"{'':24} {'':4} B {_means(rb)}   {' '.join(moves)}")


def _gold_of(name: str, key: str, dirs: dict[str, Path]) -> Path | None:
    """The gold file that scored the dump `key` of set `name`, if it can be found."""
    page, dump = key.split("/", 1)
    if name == "seeds":
        return SHARED / "gold" / "seeds" / (dump.split(".")[0] + ".gold.json")
    if name in ("pool", "ocr"):
        return SHARED / "gold" / "pool" / (page + ".gold.json")
    root = SHARED / "corpus" / "synth" if name == "synth" else dirs.get(name)
    if root is None:
        return None
    return next(iter(sorted((root / page).glob("*.gold.json"))), None)


def _paper(name: str, key: str, dirs: dict[str, Path], cache: dict[Path, str]) -> str:
    gold = _gold_of(name, key, dirs)
    if gold is None or not gold.is_file():
        return f"? ({name})"
    if gold not in cache:
        issue = json.loads(gold.read_text(encoding="utf-8")).get("issue") or {}
        cache[gold] = issue.get("publication") or f"seed {gold.name.split('_')[0]}"
    return cache[gold]


def _cells(text: str) -> int:
    """Terminal cells of `text`: a CJK character takes two, so the columns line up."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def papers(run_path: str, folders: list[str]) -> None:
    rows = json.loads(Path(run_path).read_text(encoding="utf-8"))
    dirs = {Path(f).name: Path(f) for f in folders}
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    seen_in: dict[str, set[str]] = defaultdict(set)
    cache: dict[Path, str] = {}
    for name, table in rows.items():
        for key, row in table.items():
            paper = _paper(name, key, dirs, cache)
            groups[paper].append(row)
            seen_in[paper].add(name)
    print(f"{'paper':14} {'n':>4} " + " ".join(f"{s:>6}" for s in SHORT) + "   sets")
    order = sorted(groups, key=lambda p: (sum(r["article_f1"] for r in groups[p]) / len(groups[p]), p))
    for paper in order:
        pad = " " * max(0, 14 - _cells(paper))
        print(f"{paper}{pad} {len(groups[paper]):4} {_means(groups[paper])}   "
              + ",".join(sorted(seen_in[paper])))


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[1].startswith("-"):  # `run --help` must not write a file "--help"
        print(__doc__, file=sys.stderr)
        return 2
    if len(argv) >= 2 and argv[0] == "run":
        args = argv[2:]
        jobs = 2
        sets: list[str] = []
        if "--jobs" in args:
            at = args.index("--jobs")
            jobs = int(args[at + 1])
            del args[at:at + 2]
        if "--sets" in args:
            at = args.index("--sets")
            sets = args[at + 1].split(",")
            del args[at:at + 2]
        run(argv[1], sets, args, jobs)
        return 0
    if len(argv) >= 3 and argv[0] == "cmp":
        cmp(argv[1], argv[2], "--per-tool" in argv)
        return 0
    if len(argv) >= 2 and argv[0] == "papers":
        papers(argv[1], argv[2:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
