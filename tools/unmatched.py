#!/usr/bin/env python3
"""Classify the parsed articles that match no gold article, by where their text comes from.

    python tools/unmatched.py OUT.json DIR [DIR ...] [--tools pdftotext,...]

Each DIR is a folder of synthetic pages (page folders holding dumps and `*.gold.json`); `dev`
stands for the shared synth corpus. Every dump is parsed and matched as the referee matches
(shared/gold/score.py), and each unmatched parsed article is put in one class by its 4-gram
shingles shared with the gold:

- split: most of it comes from ONE gold article (a piece of a story cut in two or more);
- merge: two or more gold articles each give a fair share of it;
- noise: most of it is the gold's noise (furniture, adverts, notices) or dropped text;
- none: it shares little with anything in the gold;
- mixed: some of one gold article, some noise or nothing;
- tiny: fewer than TINY_SHINGLES shingles and no body (a stray title line).

The shares: a split piece holds at least SPLIT_SHARE of its shingles from one gold article
and less than SPLIT_OTHER from the next; a merge takes MERGE_SHARE or more from two; a
noise piece NOISE_SHARE of noise (or NOISE_SOME and more noise than story); none less
than NONE_SHARE of story and noise together.

For a split piece it records which piece holds the story's headline, whether the piece has a
title, byline or dateline of its own, its share of the story, and what its opening line is in
the gold (a subhead, a caption, the story's own title, a paragraph start, mid-paragraph), with
the dump line before it. Writes the rows to OUT.json and each dump's scores to
OUT.json.scores; prints the counts per tool and class and the score means. Run with
PYTHONPATH=src from the project root; the shared folder is `$BAOKAN_SHARED` or `../shared`.
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from measure import SHARED, _load  # the script's folder is on sys.path

KEYS = ("article_f1", "headline_acc", "byline_f1", "body_similarity", "paragraph_f1")
TOOLS = ("pdftotext", "pdftotext-layout", "pdfminer", "pymupdf", "pymupdf4llm")
CLASSES = ("split", "merge", "noise", "none", "mixed", "tiny")
# the classes' shares of a piece's 4-gram shingles (see the module's docstring)
TINY_SHINGLES = 3
SPLIT_SHARE, SPLIT_OTHER = 0.6, 0.2
MERGE_SHARE = 0.15
NOISE_SHARE, NOISE_SOME = 0.4, 0.2
NONE_SHARE = 0.3
# the least share of a gold article listed beside a merge or mixed piece
LISTED_SHARE = 0.1
# characters kept: a piece's opening, its dump lines, its text
OPENING_CHARS, LINE_CHARS, TEXT_CHARS = 24, 60, 160

_sc: ModuleType | None = None


def _scorer() -> ModuleType:
    """The referee's scorer (shared/gold/score.py), loaded on first use."""
    global _sc
    if _sc is None:
        _sc = _load(SHARED / "gold" / "score.py", "score")
    return _sc


def _tool(dump: Path) -> str:
    stem = dump.name.split(".", 1)[1]
    return stem.rsplit(".", 1)[0]


def _where(piece: str, g: Any, gd: dict[str, Any]) -> str:
    """Which part of gold article `g` the folded text `piece` is (its opening, at least)."""
    if not piece:
        return "empty"
    SC = _scorer()
    head = piece[:8]
    for key in ("headline", "kicker", "subtitle"):
        t = SC.fold(gd.get(key))
        if t and (piece in t or t in piece or head in t):
            return "gold-" + key
    for sh in gd.get("subheads") or []:
        t = SC.fold(sh["text"])
        if t and (piece in t or t in piece or head in t):
            return "subhead"
    for c in gd.get("captions") or []:
        t = SC.fold(c.get("text") if isinstance(c, dict) else c)
        if t and head in t:
            return "caption"
    t = SC.fold(gd.get("dateline"))
    if t and head in t:
        return "dateline"
    for b in gd.get("bylines") or []:
        for n in b.get("names") or []:
            if SC.fold(n) and SC.fold(n) in head:
                return "byline"
    for k, p in enumerate(g.paras):
        if p.startswith(head):
            return "para-start" if k else "para0-start"
        i = p.find(head)
        if i >= 0:
            return "mid-para"
    return "elsewhere"


def _dump_context(lines: list[str], folded: list[str], text: str) -> tuple[str, str]:
    """The dump line that opens `text` (its first folded chars) and the line before it."""
    key = text[:6]
    if len(key) < 3:
        return "", ""
    for k, f in enumerate(folded):
        if key in f:
            prev = ""
            j = k - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            if j >= 0:
                prev = lines[j].strip()
            return lines[k].strip(), prev
    return "", ""


def classify(gold_doc: dict[str, Any], parsed: dict[str, Any], dump_text: str) -> list[dict[str, Any]]:
    SC = _scorer()
    gold = [SC.Art(a) for a in gold_doc["articles"]]
    pred = [SC.Art(a) for a in parsed.get("articles") or []]
    pairs = SC.match(gold, pred)
    g_of = {j: i for i, j in pairs}
    p_of = {i: j for i, j in pairs}
    noise_sh: Counter[str] = Counter()
    for n in (gold_doc.get("noise") or []) + (gold_doc.get("dropped") or []):
        t = n.get("text") if isinstance(n, dict) else n
        noise_sh |= SC.shingles(SC.fold(t))
    lines = dump_text.splitlines()
    folded = [SC.fold(x) for x in lines]
    out = []
    for j, p in enumerate(pred):
        if j in g_of:
            continue
        pd = parsed["articles"][j]
        shared = [sum((g.sh & p.sh).values()) for g in gold]
        cov = [s / p.size for s in shared]
        nz = sum((noise_sh & p.sh).values()) / p.size
        order = sorted(range(len(gold)), key=lambda i: -cov[i])
        c1 = cov[order[0]] if order else 0.0
        c2 = cov[order[1]] if len(order) > 1 else 0.0
        row: dict[str, Any] = {
            "headline": pd.get("headline"), "size": p.size, "cov1": round(c1, 2),
            "cov2": round(c2, 2), "noise": round(nz, 2),
            "own_title": bool(p.titles), "own_byline": bool(p.names),
            "own_dateline": bool(pd.get("dateline")),
            "first": (p.titles or p.body)[:OPENING_CHARS],
        }
        if p.size < TINY_SHINGLES and not p.body:
            cls = "tiny"
        elif c1 >= SPLIT_SHARE and c2 < SPLIT_OTHER:
            i = order[0]
            g = gold[i]
            cls = "split"
            row["gold"] = SC.fold(gold_doc["articles"][i].get("headline"))
            row["gold_matched"] = i in p_of
            row["share"] = round(shared[i] / g.size, 2)
            gh = SC.fold(gold_doc["articles"][i].get("headline"))
            row["has_gold_head"] = bool(gh) and gh in p.all
            if i in p_of:
                q = pred[p_of[i]]
                row["main_has_gold_head"] = bool(gh) and gh in q.all
                row["main_share"] = round(sum((g.sh & q.sh).values()) / g.size, 2)
            row["flags"] = gold_doc["articles"][i].get("flags") or []
            opener = p.titles or p.body
            row["opens_with"] = _where(opener, g, gold_doc["articles"][i])
            if p.titles:
                row["body_opens_with"] = _where(p.body, g, gold_doc["articles"][i])
            line, prev = _dump_context(lines, folded, opener)
            row["line"], row["prev"] = line[:LINE_CHARS], prev[-LINE_CHARS:]
        elif sum(1 for c in cov if c >= MERGE_SHARE) >= 2:
            cls = "merge"
            row["golds"] = [(SC.fold(gold_doc["articles"][i].get("headline")), round(cov[i], 2))
                            for i in order[:3] if cov[i] >= LISTED_SHARE]
        elif nz >= NOISE_SHARE or (nz >= NOISE_SOME and nz > c1):
            cls = "noise"
        elif c1 + nz < NONE_SHARE:
            cls = "none"
        else:
            cls = "mixed"
            row["golds"] = [(SC.fold(gold_doc["articles"][i].get("headline")), round(cov[i], 2))
                            for i in order[:3] if cov[i] >= LISTED_SHARE]
        row["class"] = cls
        row["text"] = p.all[:TEXT_CHARS]
        out.append(row)
    return out


def main(argv: list[str]) -> int:
    import baokan

    out_path = argv[0]
    dirs = [a for a in argv[1:] if not a.startswith("--")]
    tools: tuple[str, ...] = TOOLS
    if "--tools" in argv:
        tools = tuple(argv[argv.index("--tools") + 1].split(","))
        dirs = [d for d in dirs if d != argv[argv.index("--tools") + 1]]
    rows = []
    scores: dict[tuple[str, str], list[list[float]]] = defaultdict(list)
    per_dump: dict[str, list[float]] = {}
    for folder in dirs:
        root = SHARED / "corpus" / "synth" if folder == "dev" else Path(folder)
        for gpath in sorted(root.glob("*/*.gold.json")):
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            for dump in sorted(gpath.parent.iterdir()):
                if dump.suffix not in {".txt", ".md"} or "README" in dump.name:
                    continue
                tool = _tool(dump)
                if tool not in tools:
                    continue
                try:
                    parsed = baokan.parse_file(str(dump)).to_dict()
                except Exception as error:  # a crash is shown, the dump skipped
                    print(f"{dump}: {error}", file=sys.stderr)
                    continue
                score = _scorer().score_one(gold, parsed)
                scores[(root.name, tool)].append([score[k] for k in KEYS])
                per_dump[f"{root.name}/{dump.parent.name}/{tool}"] = [score[k] for k in KEYS]
                for r in classify(gold, parsed, dump.read_text(encoding="utf-8")):
                    r["dump"] = f"{root.name}/{dump.parent.name}/{tool}"
                    r["tool"] = tool
                    r["set"] = root.name
                    rows.append(r)
    Path(out_path).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    Path(out_path + ".scores").write_text(json.dumps(per_dump), encoding="utf-8")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        table[r["tool"]][r["class"]] += 1
    classes = CLASSES
    print("tool".ljust(18) + "".join(c.rjust(7) for c in classes) + "  total")
    for tool in tools:
        print(tool.ljust(18) + "".join(str(table[tool][c]).rjust(7) for c in classes)
              + str(sum(table[tool].values())).rjust(7))
    print("all".ljust(18) + "".join(str(sum(table[t][c] for t in tools)).rjust(7) for c in classes))
    print("means (art head byl body para)")
    for (name, tool), rs in sorted(scores.items()):
        means = [sum(r[k] for r in rs) / len(rs) for k in range(len(KEYS))]
        print(f"  {name:10} {tool:18}" + " ".join(f"{m:.4f}" for m in means))
    for name in sorted({n for n, _ in scores}):
        rs = [r for (n, _), v in scores.items() if n == name for r in v]
        means = [sum(r[k] for r in rs) / len(rs) for k in range(len(KEYS))]
        print(f"  {name:10} {'ALL':18}" + " ".join(f"{m:.4f}" for m in means))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
