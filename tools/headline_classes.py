#!/usr/bin/env python3
"""Classify the wrong headlines of matched articles, per tool.

    python tools/headline_classes.py DIR [DIR ...] [--json OUT.json]

Each DIR is a folder of synthetic pages (a folder a page, holding its dumps and its
``*.gold.json``: ``../shared/corpus/synth``, ``/tmp/s501``).  Every dump is parsed and
matched to its gold as ``../shared/gold/score.py`` does (``match``); for each matched pair
whose headline differs after ``fold``, the difference is put in one class:

- ``a1_kicker_only``: the parse has no headline, its kicker is the gold kicker;
- ``a2_no_head``: no headline, but a kicker or a subtitle;
- ``a3_no_title``: no title at all;
- ``b_kicker_sub``: the parse's headline is the gold kicker or subtitle;
- ``b2_kicker_sub_part``: ... or a piece of them, or holds one;
- ``c_joined``: the gold headline and another line (a kicker, a column, a subtitle, a
  neighbour's title, a byline) joined;
- ``d1_kicker_head``: the gold headline split, its first part the parse's kicker;
- ``d2_head_sub``: ... its last part the parse's subtitle;
- ``d3_part``: the parse's headline is a part of the gold headline, the rest elsewhere;
- ``e_neighbour``: another gold article's headline, kicker or subtitle;
- ``e_body``: a subhead or line of the article's own body;
- ``f_punct``: the same words, letters or marks aside;
- ``g1_column``: a line behind a column mark (``■今日关注``, ``【法治在线】``);
- ``g2_short``: another short line (six characters at most);
- ``g3_other``: anything else.

Prints a table of counts per tool (with the matched count); ``--json`` writes every
wrong headline with its class, the parse's and gold's title parts, for reading.  Run it
from the project root with ``PYTHONPATH=src``; the shared folder is ``$BAOKAN_SHARED``
or ``../shared``.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

from measure import SHARED, _load  # the script's folder is on sys.path

_MARKED = re.compile(r"^[■◆◇●【\[]|[】◇]$")
_WORDS = re.compile(r"[\W_]+")
SHORT_HEAD = 6


def _score() -> ModuleType:
    return _load(SHARED / "gold" / "score.py", "score")


def classify(fold: Any, gold: dict[str, Any], parsed: dict[str, Any],
             others: list[dict[str, Any]]) -> str:
    """The class of a matched pair's headline difference (see the module's doc)."""
    ph, pk, ps = (fold(parsed.get(k)) for k in ("headline", "kicker", "subtitle"))
    gh, gk, gs = (fold(gold.get(k)) for k in ("headline", "kicker", "subtitle"))
    if not ph:
        if pk and pk == gk:
            return "a1_kicker_only"
        return "a2_no_head" if pk or ps else "a3_no_title"
    if ph in (gk, gs):
        return "b_kicker_sub"
    if gh and gh in ph:
        return "c_joined"
    if gh and ph in gh:
        if pk and pk + ph == gh:
            return "d1_kicker_head"
        if ps and ph + ps == gh:
            return "d2_head_sub"
        return "d3_part"
    if _WORDS.sub("", ph) == _WORDS.sub("", gh):
        return "f_punct"
    if any(ph == fold(o.get(k)) for o in others for k in ("headline", "kicker", "subtitle")):
        return "e_neighbour"
    if any(fold(p).startswith(ph) for p in gold.get("paragraphs") or [] if len(ph) >= 4) \
            or any(fold(p) == ph for p in gold.get("paragraphs") or []):
        return "e_body"
    if (gk and (ph in gk or gk in ph)) or (gs and (ph in gs or gs in ph)):
        return "b2_kicker_sub_part"
    if _MARKED.search(str(parsed.get("headline") or "").strip()):
        return "g1_column"
    return "g2_short" if len(ph) <= SHORT_HEAD else "g3_other"


def run(folders: list[str]) -> tuple[dict[str, Counter[str]], list[dict[str, Any]]]:
    import baokan

    score = _score()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    rows: list[dict[str, Any]] = []
    for folder in folders:
        for gold_path in sorted(Path(folder).glob("*/*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            golds = gold["articles"]
            for dump in sorted(gold_path.parent.iterdir()):
                if dump.suffix not in {".txt", ".md"} or "README" in dump.name:
                    continue
                tool = dump.name.split(".")[1]
                parsed = baokan.parse_file(str(dump)).to_dict()["articles"]
                pairs = score.match([score.Art(a) for a in golds],
                                    [score.Art(a) for a in parsed])
                counts[tool]["matched"] += len(pairs)
                for i, j in pairs:
                    if score.fold(golds[i].get("headline")) == score.fold(parsed[j].get("headline")):
                        continue
                    others = golds[:i] + golds[i + 1:]
                    kind = classify(score.fold, golds[i], parsed[j], others)
                    counts[tool][kind] += 1
                    rows.append({"dump": str(dump), "class": kind, **{
                        f"{side}_{k}": doc.get(k) for side, doc in (("parsed", parsed[j]),
                                                                    ("gold", golds[i]))
                        for k in ("kicker", "headline", "subtitle")}})
    return counts, rows


def main(argv: list[str]) -> int:
    out = None
    if "--json" in argv:
        at = argv.index("--json")
        out = argv[at + 1]
        del argv[at:at + 2]
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    counts, rows = run(argv)
    classes = sorted({c for t in counts.values() for c in t if c != "matched"})
    total: Counter[str] = Counter()
    print(f"{'tool':18}" + "".join(f"{c[:12]:>13}" for c in [*classes, "matched"]))
    for tool in sorted(counts):
        total.update(counts[tool])
        print(f"{tool:18}" + "".join(f"{counts[tool][c]:13}" for c in [*classes, "matched"]))
    print(f"{'ALL':18}" + "".join(f"{total[c]:13}" for c in [*classes, "matched"]))
    if out:
        Path(out).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
