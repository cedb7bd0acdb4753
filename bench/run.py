"""baokan's benchmark: one run, one report.  Not part of the test suite.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/run.py            # add --quick for a smaller run

Reports, on the seeds (or the dumps given with --input):

* the full parse per page (median, p90) and throughput in MB/s;
* the floor (strict UTF-8 decode + NFKC + splitlines of the same bytes) and
  ``ftfy.fix_text`` alone on the same text, and the ratios baokan/floor, baokan/ftfy;
* each heuristic's share of the parse time;
* time per MB with the seeds repeated 1x, 10x and 100x, as one large dump and as many
  files, to show that the cost is linear;
* ``baokan batch`` over 1,000 files with --jobs 1 and --jobs 2 (the speed-up), and the
  peak RSS of a 10,000-file batch (parent and workers).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import baokan
from baokan.api import resolve_profile
from baokan.core.document import Document

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per call, ``repeat`` calls after one warm-up."""
    fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def floor(data: bytes) -> None:
    """What any tool must do at least: decode, normalise, split into lines."""
    unicodedata.normalize("NFKC", data.decode("utf-8")).splitlines()


def heuristic_shares(texts: list[str], repeat: int) -> dict[str, float]:
    """Seconds spent in each step of the profile each text gets, summed over the texts."""
    spent: dict[str, float] = defaultdict(float)
    for _ in range(repeat):
        for text in texts:
            profile, measurements = resolve_profile("auto", text)
            doc = Document.from_text(text, explain=False).measure(**measurements)
            for step in profile.build():
                start = time.perf_counter()
                doc = step.heuristic(doc, step.settings)
                spent[step.heuristic.name] += time.perf_counter() - start
    return dict(spent)


def batch_seconds(folder: Path, jobs: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "baokan", "batch", str(folder), "-o", str(out),
                    "-j", str(jobs), "-q"], check=True)
    return time.perf_counter() - start


def peak_rss_mb(folder: Path, jobs: int, out: Path) -> tuple[float, float]:
    """Peak RSS (MB) of the batch's parent process, and of its largest worker."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child started by a
    # big process would report the big process's peak
    code = ("import re, resource, sys; from baokan.cli import main; status = main(sys.argv[1:]); "
            "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
            "print(hwm, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(status)")
    result = subprocess.run([sys.executable, "-c", code, "batch", str(folder), "-o", str(out),
                             "-j", str(jobs), "-q"], check=True, capture_output=True, text=True)
    parent, child = (int(x) for x in result.stdout.split())
    return parent / 1024, child / 1024


def fill(folder: Path, seeds: list[Path], copies: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for seed in seeds:
            shutil.copy(seed, folder / f"{seed.stem}_{n:05d}.txt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", nargs="*", type=Path, help="dumps to use (default: seeds/)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats and files")
    args = parser.parse_args()
    try:
        import ftfy
    except ImportError:
        print("bench needs ftfy: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    seeds = args.input or sorted((ROOT / "seeds").glob("*.txt"))
    datas = [p.read_bytes() for p in seeds]
    texts = [d.decode("utf-8") for d in datas]
    total_mb = sum(len(d) for d in datas) / 1e6
    repeat = 5 if args.quick else 20

    per_page: list[float] = []
    floors: list[float] = []
    ftfys: list[float] = []
    for data, text in zip(datas, texts):
        per_page += timed(lambda d=data: baokan.parse(d, explain=False), repeat)
        floors += timed(lambda d=data: floor(d), repeat)
        ftfys += timed(lambda t=text: ftfy.fix_text(t), repeat)
    med, p90 = statistics.median(per_page), statistics.quantiles(per_page, n=10)[-1]
    floor_med, ftfy_med = statistics.median(floors), statistics.median(ftfys)
    print(f"# baokan {baokan.__version__} benchmark — {len(seeds)} dumps, {total_mb:.3f} MB, "
          f"{repeat} runs each, Python {sys.version.split()[0]}")
    print()
    print("| measure | median ms/page | p90 ms/page | MB/s |")
    print("|---|---:|---:|---:|")
    mb_per_page = total_mb / len(seeds)
    for name, values in (("baokan.parse (full)", per_page), ("floor: utf-8 + NFKC + splitlines",
                                                              floors), ("ftfy.fix_text", ftfys)):
        m = statistics.median(values)
        print(f"| {name} | {m * 1e3:.2f} | {statistics.quantiles(values, n=10)[-1] * 1e3:.2f} "
              f"| {mb_per_page / m:.2f} |")
    print()
    print(f"baokan / floor = {med / floor_med:.1f}x    baokan / ftfy = {med / ftfy_med:.2f}x "
          f"(p90 {p90 * 1e3:.2f} ms)")

    shares = heuristic_shares(texts, 2 if args.quick else 5)
    whole = sum(shares.values())
    print()
    print("| heuristic | share of parse time |")
    print("|---|---:|")
    for name, spent in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {100 * spent / whole:.1f} % |")

    print()
    print("| input | size MB | seconds | s per MB |")
    print("|---|---:|---:|---:|")
    joined = "\n\n".join(texts)
    sizes = (1, 10) if args.quick else (1, 10, 100)
    base = None
    for times in sizes:
        big = ("\n\n".join([joined] * times)).encode("utf-8")
        seconds = min(timed(lambda b=big: baokan.parse(b, explain=False), 1 if times > 10 else 2))
        per_mb = seconds / (len(big) / 1e6)
        base = base or per_mb
        print(f"| seeds x{times}, one dump | {len(big) / 1e6:.2f} | {seconds:.2f} | {per_mb:.2f} "
              f"({per_mb / base:.2f}x of x1) |")
    with tempfile.TemporaryDirectory() as tmp:
        for times in sizes:
            folder = Path(tmp) / f"x{times}"
            fill(folder, seeds, times)
            seconds = batch_seconds(folder, 1, Path(tmp) / f"x{times}.jsonl")
            size = total_mb * times
            print(f"| seeds x{times}, {len(seeds) * times} files, batch -j 1 | {size:.2f} | "
                  f"{seconds:.2f} | {seconds / size:.2f} |")

        files = 200 if args.quick else 1000
        folder = Path(tmp) / "batch"
        fill(folder, seeds, -(-files // len(seeds)))
        one = batch_seconds(folder, 1, Path(tmp) / "b1.jsonl")
        two = batch_seconds(folder, 2, Path(tmp) / "b2.jsonl")
        count = len(list(folder.iterdir()))
        print()
        print(f"batch over {count} files: --jobs 1 {one:.1f} s ({count / one:.1f} pages/s), "
              f"--jobs 2 {two:.1f} s ({count / two:.1f} pages/s): speed-up {one / two:.2f}x")
        shutil.rmtree(folder)

        files = 1000 if args.quick else 10000
        folder = Path(tmp) / "rss"
        fill(folder, seeds, -(-files // len(seeds)))
        parent, child = peak_rss_mb(folder, 2, Path(tmp) / "rss.jsonl")
        count = len(list(folder.iterdir()))
        print(f"peak RSS, batch of {count} files with --jobs 2: parent {parent:.0f} MB, "
              f"largest worker {child:.0f} MB")
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
