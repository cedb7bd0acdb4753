"""Count the CPU instructions a page costs: baokan's parse, ftfy.fix_text and the floor.

Wall time on a shared machine drifts by a third between runs; instruction counts from
``valgrind --tool=callgrind`` do not.  Each measure runs twice under valgrind, once
parsing nothing and once parsing every input ``--repeat`` times, so start-up and
imports cancel out; the difference over the pages parsed is the cost of a page.

    .venv/bin/python bench/instructions.py          # the seeds; needs valgrind and ftfy

Two more measures bound what any pipeline of heuristics can reach: ``no steps`` parses
with a profile of no heuristics (decode, lines, blocks, assembly), ``16 looks`` with
sixteen steps that each visit every block once with one regex search and change nothing.

Not part of the test suite.  Slow: valgrind runs Python about fifty times slower.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baokan.profiles import Profile

ROOT = Path(__file__).resolve().parent.parent
MEASURES = ("baokan", "ftfy", "floor", "no steps", "16 looks")
LOOKS = 16


def _look_profile() -> Profile:
    """A profile of ``LOOKS`` steps that each visit every block once with one regex search
    and change nothing: the least a pipeline of line-walking heuristics can cost."""
    import attrs
    import regex

    from baokan.core.document import Document, Recorder
    from baokan.core.registry import heuristic
    from baokan.profiles import Profile

    closing = regex.compile(r"[，。、；：？！]$")

    @attrs.frozen
    class LookSettings:
        """No settings."""

    def look(doc: Document, settings: LookSettings) -> Document:
        """Visit every block once; change nothing."""
        rec = Recorder("look")
        out = []
        for block in doc.blocks:
            closing.search(block.text)
            out.append(block)
        return rec.apply(doc, out)

    names = [f"look-{k}" for k in range(LOOKS)]
    for name in names:
        heuristic(name, settings=LookSettings)(look)
    return Profile.from_names(names, name="looks")


def child(measure: str, repeat: int, paths: list[str]) -> None:
    """Parse the inputs ``repeat`` times with ``measure`` (run under valgrind)."""
    datas = [Path(p).read_bytes() for p in paths]
    texts = [d.decode("utf-8") for d in datas]
    if measure == "baokan":
        import baokan
        work = baokan.parse
    elif measure in ("no steps", "16 looks"):
        import baokan
        from baokan.profiles import Profile
        profile = Profile.from_names([], name="none") if measure == "no steps" \
            else _look_profile()

        def work(text: str) -> object:  # decode, lines, blocks, assembly: no heuristic
            return baokan.parse(text, profile=profile)
    elif measure == "ftfy":
        import ftfy
        work = ftfy.fix_text
    else:
        raw = dict(zip(texts, datas))

        def work(text: str) -> object:  # the floor of bench/run.py: decode the bytes
            return unicodedata.normalize("NFKC", raw[text].decode("utf-8")).splitlines()
    work(texts[0])  # first-call set-up is start-up, not per-page cost
    for _ in range(repeat):
        for text in texts:
            work(text)


def instructions(measure: str, repeat: int, paths: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
             sys.executable, __file__, "--child", measure, str(repeat), *paths],
            capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no instruction count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("MEASURE", "REPEAT"), help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="parses of each input (default 3)")
    parser.add_argument("inputs", nargs="*", help="dumps to measure (default: seeds/*.txt)")
    args = parser.parse_args()
    paths = args.inputs or sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    if args.child:
        child(args.child[0], int(args.child[1]), paths)
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    pages = args.repeat * len(paths)
    per_page = {m: (instructions(m, args.repeat, paths) - instructions(m, 0, paths)) / pages
                for m in MEASURES}
    print(f"# instructions per page, {len(paths)} dumps x {args.repeat}, Python "
          f"{sys.version.split()[0]}\n")
    print("| measure | M instructions/page | x ftfy | x floor |\n|---|---:|---:|---:|")
    for m in MEASURES:
        print(f"| {m} | {per_page[m] / 1e6:.1f} | {per_page[m] / per_page['ftfy']:.2f} | "
              f"{per_page[m] / per_page['floor']:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
