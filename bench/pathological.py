"""Time and peak memory of baokan on pathological inputs, each in a fresh process.

    .venv/bin/python bench/pathological.py            # all cases, up to 100 MB
    .venv/bin/python bench/pathological.py --max-mb 10

Cases: a big dump (the seeds repeated), one long line, a million blank lines, only
U+FFFD, NUL bytes in text, mixed line endings, UTF-16 without BOM, a PDF and a PNG
passed by mistake.  Results go to docs/limits.md by hand.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import resource, sys, time
from pathlib import Path
import baokan
kind, size = sys.argv[1], int(sys.argv[2])
seeds = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[3]).glob("*.txt"))]
joined = "\n\n".join(seeds)
def repeat(text, n):
    return (text * (n // max(1, len(text.encode())) + 1))
if kind == "big dump":
    data = repeat(joined + "\n\n", size).encode()[:size]
elif kind == "one long line":
    data = repeat(joined.replace("\n", ""), size).encode()[:size]
elif kind == "blank lines":
    data = b"\n" * size
elif kind == "only U+FFFD":
    data = ("\ufffd" * (size // 3)).encode()
elif kind == "NUL bytes":
    data = repeat(joined, size).encode().replace("。".encode(), "。\x00".encode())[:size]
elif kind == "mixed line endings":
    text = repeat(joined, size)[: size // 3]
    data = "".join(line + ("\r\n", "\r", "\u2028", "\n")[i % 4]
                   for i, line in enumerate(text.split("\n"))).encode()
elif kind == "UTF-16 without BOM":
    data = repeat(joined, size)[: size // 2].encode("utf-16-le")
elif kind == "PDF":
    data = b"%PDF-1.7\n" + bytes(range(256)) * (size // 256)
elif kind == "PNG":
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * (size // 256)
start = time.perf_counter()
issue = baokan.parse(data, explain=False)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
flags = ",".join(issue.flags) or "-"
print(f"{len(data) / 1e6:.1f}\t{seconds:.2f}\t{rss:.0f}\t{len(issue.articles)}\t{flags}")
"""

CASES = [("big dump", 100), ("one long line", 10), ("blank lines", 1), ("only U+FFFD", 10),
         ("NUL bytes", 10), ("mixed line endings", 10), ("UTF-16 without BOM", 10),
         ("PDF", 10), ("PNG", 10)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-mb", type=float, default=100.0)
    args = parser.parse_args()
    print("| input | MB | seconds | s per MB | peak RSS MB | articles | flags |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for kind, mb in CASES:
        size = int(min(mb, args.max_mb) * 1e6)
        result = subprocess.run([sys.executable, "-c", WORKER, kind, str(size), str(ROOT / "seeds")],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(f"| {kind} | {size / 1e6:.1f} | failed: {result.stderr.strip().splitlines()[-1]} |")
            continue
        got_mb, seconds, rss, articles, flags = result.stdout.split("\t")
        per_mb = float(seconds) / max(float(got_mb), 1e-9)
        print(f"| {kind} | {got_mb} | {seconds} | {per_mb:.2f} | {rss} | {articles} | {flags.strip()} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
