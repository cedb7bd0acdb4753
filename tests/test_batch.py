"""``baokan batch`` and the batch machinery: inputs, workers, errors, resume, Parquet, paths."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import baokan
from baokan.cli import main
from baokan.errors import InputError
from baokan.io.batch import Job, Outcome, Progress, find_inputs, run_batch
from baokan.io.paths import PathPattern

from .conftest import SEEDS

PARQUET_MISSING = "the parquet extra (pyarrow) is not installed: pip install 'baokan[parquet]'"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """咸宁日报/20240809/A1.txt … from the seeds, a binary file and a note that is skipped."""
    day = tmp_path / "in" / "咸宁日报" / "20240809"
    day.mkdir(parents=True)
    for i, seed in enumerate(SEEDS, 1):
        shutil.copy(seed, day / f"A{i}.txt")
    (day / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (day / "notes.csv").write_text("not,a,dump\n", encoding="utf-8")
    return tmp_path / "in"


def _paths_in(output: Path) -> list[str]:
    return [json.loads(line)["source"]["path"] for line in output.read_text("utf-8").splitlines()]


def test_find_inputs(archive: Path, tmp_path: Path) -> None:
    found = find_inputs([str(archive)])
    assert len(found) == len(SEEDS) + 1 and not any(p.endswith(".csv") for p in found)
    assert find_inputs([str(archive)], ("*.csv",))[0].endswith("notes.csv")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{found[0]}\n\n{found[1]}\n", encoding="utf-8")
    assert find_inputs([f"@{listing}", found[0]]) == found[:2]
    with pytest.raises(InputError, match="no such file"):
        find_inputs([str(tmp_path / "missing")])
    with pytest.raises(InputError, match="no files matching"):
        find_inputs([str(archive)], ("*.pdf",))


def test_batch_parallel_equals_serial_and_logs_failures(archive: Path, tmp_path: Path) -> None:
    paths = find_inputs([str(archive)])
    one = run_batch(paths, tmp_path / "one.jsonl", job=Job(), jobs=1)
    two = run_batch(paths, tmp_path / "two.jsonl", job=Job(), jobs=2)
    assert (one.parsed, one.failed, two.parsed, two.failed) == (len(SEEDS), 1, len(SEEDS), 1)
    first = sorted((tmp_path / "one.jsonl").read_text("utf-8").splitlines())
    assert first == sorted((tmp_path / "two.jsonl").read_text("utf-8").splitlines())
    error = json.loads((tmp_path / "one.jsonl.errors.jsonl").read_text("utf-8"))
    assert error["path"].endswith("photo.txt") and error["kind"] == "NotText"
    assert not (tmp_path / "one.jsonl.partial").exists()


def test_batch_cli_exit_status_and_path_pattern(archive: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    status = main(["batch", str(archive), "-o", str(out), "--per-article", "-j", "2",
                   "--path-pattern", "{publication}/{date:%Y%m%d}/{page}.txt"])
    assert status == 1  # the PNG failed
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {(r["publication"], r["date"]) for r in rows} == {("咸宁日报", "2024-08-09")}
    assert {r["page"] for r in rows} == {f"A{i}" for i in range(1, len(SEEDS) + 1)}
    assert all(r["paragraphs"] or r["captions"] for r in rows)
    assert "1 failed" in capsys.readouterr().err
    only_good = tmp_path / "good.jsonl"
    assert main(["batch", str(archive / "咸宁日报" / "20240809" / "A1.txt"), "-o",
                 str(only_good), "-q"]) == 0
    assert main(["batch", str(tmp_path / "nope"), "-o", str(only_good)]) == 2
    assert main(["batch", str(archive), "-o", str(tmp_path / "no" / "dir" / "x.jsonl")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_interrupted_batch_leaves_only_a_partial_file_and_resumes(archive: Path,
                                                                   tmp_path: Path) -> None:
    paths = find_inputs([str(archive)])
    out = tmp_path / "out.jsonl"
    seen: list[Outcome] = []

    def interrupt(outcome: Outcome) -> None:
        seen.append(outcome)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(paths, out, job=Job(), jobs=1, on_outcome=interrupt)
    partial = out.with_name("out.jsonl.partial")
    assert not out.exists() and partial.exists()
    with partial.open("a", encoding="utf-8") as handle:
        handle.write('{"schema": "baokan.issue/1", "sour')  # a line cut by the interruption
    result = run_batch(paths, out, job=Job(), jobs=1, resume=True)
    assert result.skipped == len([o for o in seen if o.error is None])
    assert sorted(_paths_in(out)) == sorted(p for p in paths if not p.endswith("photo.txt"))
    # resuming a finished run parses nothing again
    again = run_batch(paths, out, job=Job(), jobs=1, resume=True)
    assert again.parsed == 0 and again.failed == 1 and len(_paths_in(out)) == len(SEEDS)


def test_parquet_output_has_a_row_per_article(archive: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason=PARQUET_MISSING)
    out = tmp_path / "articles.parquet"
    assert main(["batch", str(archive), "-o", str(out), "-q",
                 "--path-pattern", "{publication}/{date:%Y%m%d}/{page}.txt"]) == 1
    table = pq.read_table(out)
    total = sum(len(baokan.parse_file(s).articles) for s in SEEDS)
    assert table.num_rows == total
    assert set(table.column("publication").to_pylist()) == {"咸宁日报"}
    assert all(b["names"] for b in table.column("bylines")[0].as_py())  # a list of structs


def test_parquet_output_without_the_extra_says_how_to_get_it(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # whether or not pyarrow is installed here: a None in sys.modules makes its import fail
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "articles.parquet"
    assert main(["batch", str(archive), "-o", str(out), "-q"]) == 2
    assert "pip install 'baokan[parquet]'" in capsys.readouterr().err
    assert not out.exists()


def test_path_pattern() -> None:
    pattern = PathPattern("{publication}/{date:%Y%m%d}/{page}.txt")
    assert pattern.match("/data/咸宁日报/20240809/A3.txt")["page"] == "A3"
    assert str(PathPattern("{publication}-{date}-p{page}.txt").match(
        "x/人民日报-2018-01-02-p07.txt")["date"]) == "2018-01-02"
    with pytest.raises(InputError, match="does not match"):
        pattern.match("/data/other.txt")
    with pytest.raises(InputError, match="not a date"):
        pattern.match("/data/咸宁日报/20241399/A3.txt")
    issue = baokan.parse_file(SEEDS[0], path_pattern="{_}/{page}_{_}.txt", page=None)
    assert issue.page == SEEDS[0].stem.split("_")[0]


def test_progress_line() -> None:
    bar = Progress(10, None)
    for _ in range(4):
        bar.update(failed=False)
    bar.update(failed=True)
    line = bar.line(bar.start + 1.0)
    assert "5/10 files, 1 failed" in line and "5.0 pages/s" in line and "ETA 0:01" in line
