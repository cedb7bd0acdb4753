"""``baokan batch`` and the batch machinery: inputs, workers, errors, resume, Parquet, paths."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import baokan
from baokan.cli import main
from baokan.errors import InputError
from baokan.io.batch import (
    Job,
    Outcome,
    find_inputs,
    mirror_names,
    progress_bar,
    record_path,
    run_batch,
)
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


def test_progress_bar_counts_files_and_fits_a_narrow_terminal() -> None:
    # tqdm: one redraw in place (\r, no new line) per refresh, files/s, never wider than
    # the terminal; each file counts one (no jumps of a chunk)
    stream = io.StringIO()
    bar = progress_bar(10, stream, ncols=45)
    bar.mininterval, bar.miniters, bar.dynamic_miniters = 0, 1, False  # draw every update
    for _ in range(10):
        bar.update(1)
    bar.close()
    frames = [f for f in stream.getvalue().replace("\n", "\r").split("\r") if f.strip()]
    assert all(len(f) <= 45 for f in frames)
    assert stream.getvalue().count("\n") == 1  # only the last line ends with one
    assert [f.split("|")[2].split()[0] for f in frames] == [f"{n}/10" for n in range(11)] + ["10/10"]
    silent = io.StringIO()
    progress_bar(10, None).close()
    assert silent.getvalue() == ""


def test_progress_goes_to_stderr_only_on_a_terminal_or_when_asked(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = str(archive / "咸宁日报" / "20240809" / "A1.txt")
    assert main(["batch", one, "-o", str(tmp_path / "a.jsonl")]) == 0  # stderr is no tty
    assert "file/s" not in capsys.readouterr().err
    assert main(["batch", one, "-o", str(tmp_path / "a.jsonl"), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "1/1" in err and "file/s" in err
    assert main(["batch", one, "-o", str(tmp_path / "a.jsonl"), "--progress", "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_jobs_are_capped_at_the_number_of_inputs(archive: Path, tmp_path: Path) -> None:
    paths = find_inputs([str(archive)])[:2]
    result = run_batch(paths, tmp_path / "out.jsonl", job=Job(), jobs=1000)
    assert result.workers == 2 and result.parsed == 2


# -- resume: the same run, or none ----------------------------------------------------------

def _interrupted(paths: list[str], out: Path, job: Job, after: int = 2) -> None:
    seen: list[Outcome] = []

    def interrupt(outcome: Outcome) -> None:
        seen.append(outcome)
        if len(seen) == after:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(paths, out, job=job, jobs=1, on_outcome=interrupt)


@pytest.mark.parametrize("other", [
    Job(per_article=True), Job(profile="markdown"),
    Job(path_pattern="{publication}/{date:%Y%m%d}/{page}.txt"),
])
def test_resume_refuses_other_settings(archive: Path, tmp_path: Path, other: Job) -> None:
    paths = find_inputs([str(archive)])
    out = tmp_path / "out.jsonl"
    _interrupted(paths, out, Job())
    with pytest.raises(InputError, match=r"cannot --resume a run made with .* with ") as info:
        run_batch(paths, out, job=other, jobs=1, resume=True)
    assert "\n" not in str(info.value)
    run_batch(paths, out, job=Job(), jobs=1, resume=True)  # the same settings carry on
    assert len(_paths_in(out)) == len(SEEDS)
    with pytest.raises(InputError, match="cannot --resume"):  # a finished run, too
        run_batch(paths, out, job=other, jobs=1, resume=True)


def test_resume_refuses_an_output_without_a_record(archive: Path, tmp_path: Path) -> None:
    paths = find_inputs([str(archive)])
    out = tmp_path / "out.jsonl"
    run_batch(paths, out, job=Job(), jobs=1)
    record_path(out).unlink()
    with pytest.raises(InputError, match=r"no readable record .*out\.jsonl\.run\.json"):
        run_batch(paths, out, job=Job(), jobs=1, resume=True)


def test_resume_knows_a_folder_however_it_is_spelt(archive: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.jsonl"
    _interrupted(find_inputs(["in"]), out, Job(), after=3)  # relative: in/咸宁日报/…
    absolute = find_inputs([str(archive)])
    monkeypatch.chdir(archive)  # and from elsewhere, by absolute paths
    result = run_batch(absolute, out, job=Job(), jobs=1, resume=True)
    assert result.skipped == 3 and result.parsed + result.failed == len(SEEDS) + 1 - 3
    assert len(_paths_in(out)) == len(SEEDS)


def test_the_profile_file_is_part_of_the_settings(archive: Path, tmp_path: Path) -> None:
    paths = find_inputs([str(archive)])
    out = tmp_path / "out.jsonl"
    plain = baokan.get_profile("plain-paragraphs")
    _interrupted(paths, out, Job(profile=plain))
    edited = plain.configure("join-lines", mode="wrapped")
    with pytest.raises(InputError, match="cannot --resume a run made with the profile"):
        run_batch(paths, out, job=Job(profile=edited), jobs=1, resume=True)
    assert run_batch(paths, out, job=Job(profile=plain), jobs=1, resume=True).skipped == 2


# -- errors file, Parquet, outputs ----------------------------------------------------------

def test_a_clean_run_removes_a_stale_errors_file(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(archive), "-o", str(out), "-q"]) == 1
    errors = tmp_path / "out.jsonl.errors.jsonl"
    assert errors.exists()
    (archive / "咸宁日报" / "20240809" / "photo.txt").unlink()
    assert main(["batch", str(archive), "-o", str(out), "-q"]) == 0
    assert not errors.exists()


def test_interrupted_parquet_says_what_is_true(archive: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow.parquet", reason=PARQUET_MISSING)
    import baokan.io.batch as batch

    real = batch.parse_one
    calls: list[str] = []

    def interrupting(path: str, job: Job, data: bytes | None = None) -> Outcome:
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(path, job, data)

    monkeypatch.setattr(batch, "parse_one", interrupting)
    out = tmp_path / "a.parquet"
    assert main(["batch", str(archive), "-o", str(out), "-j", "1"]) == 130
    err = capsys.readouterr().err
    assert "nothing was kept" in err and "--resume" not in err.replace("resumed", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet.run.json", "in"]
    assert main(["batch", str(archive), "-o", str(out), "--resume"]) == 2
    assert "not Parquet" in capsys.readouterr().err


def test_output_that_cannot_be_written(archive: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    one = str(archive / "咸宁日报" / "20240809" / "A1.txt")
    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "ro" in self.parts and ("w" in mode or "a" in mode):
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    def no_temp(path: object, *args: object, **kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    (tmp_path / "ro").mkdir()
    monkeypatch.setattr(Path, "open", read_only)
    monkeypatch.setattr(os, "open", no_temp)  # the record and the temporary files
    for out in ("ro/b.jsonl", "ro/b.parquet"):
        if out.endswith("parquet"):
            pytest.importorskip("pyarrow.parquet", reason=PARQUET_MISSING)
        assert main(["batch", one, "-o", str(tmp_path / out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "read-only" in err, err
    monkeypatch.undo()
    for command in (["batch", one, "-o"], ["parse", one, "-o"]):
        assert main([*command, str(tmp_path)]) == 2
        err = capsys.readouterr().err
        assert err == f"baokan: error: {tmp_path}: is a folder; give the name of a file to write\n"


def test_batch_skips_its_own_output_and_refuses_it_as_an_input(archive: Path) -> None:
    out = archive / "咸宁日报" / "out.txt"
    assert main(["batch", str(archive), "-o", str(out), "-q"]) == 1
    assert main(["batch", str(archive), "-o", str(out), "-q", "--glob", "*"]) == 1
    parsed = {Path(p).name for p in _paths_in(out)}
    assert "notes.csv" in parsed and not {"out.txt", "out.txt.run.json",
                                          "out.txt.errors.jsonl"} & parsed
    with pytest.raises(InputError, match="is an output of this run"):
        find_inputs([str(out)], exclude=[out])


# -- inputs: lists, stdin -------------------------------------------------------------------

def test_a_list_is_read_from_its_own_folder_with_comments(archive: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    day = archive / "咸宁日报" / "20240809"
    listing = archive / "list.txt"
    listing.write_text("# the front pages\n\n咸宁日报/20240809/A1.txt\n  # indented comment\n"
                       f"{day / 'A2.txt'}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the list's folder
    assert find_inputs([f"@{listing}"]) == [str(archive / "咸宁日报/20240809/A1.txt"),
                                            str(day / "A2.txt")]
    listing.write_text("A9.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"A9\.txt: no such file or folder \(listed in"):
        find_inputs([f"@{listing}"])


def test_stdin_a_dump_or_a_list(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    def stdin(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    day = archive / "咸宁日报" / "20240809"
    stdin(f"{day / 'A1.txt'}\n# skipped\n{day / 'A2.txt'}\n".encode())
    out = tmp_path / "list.jsonl"
    assert main(["batch", "@-", "-o", str(out), "-q"]) == 0
    assert _paths_in(out) == [str(day / "A1.txt"), str(day / "A2.txt")]
    stdin(SEEDS[0].read_bytes())  # `batch -`: one dump, as trafilatura reads one document
    out = tmp_path / "one.jsonl"
    assert main(["batch", "-", "-o", str(out), "-q"]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["articles"] == baokan.parse_file(SEEDS[0]).to_dict()["articles"]
    stdin(b"")
    assert main(["batch", "-", str(day / "A1.txt"), "-o", str(out), "-q"]) == 1
    assert "-: the input is empty" in (tmp_path / "one.jsonl.errors.jsonl").read_text("utf-8")
    assert main(["batch", "-", "@-", "-o", str(out)]) == 2
    assert "standard input can be read once" in capsys.readouterr().err


def test_output_dir_mirrors_the_input_tree(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(archive), "--output-dir", str(out), "-q", "-j", "2"]) == 1
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [f"咸宁日报/20240809/A{i}.json" for i in range(1, len(SEEDS) + 1)]
    one = json.loads((out / "咸宁日报/20240809/A1.json").read_text(encoding="utf-8"))
    assert one["source"]["path"].endswith("A1.txt") and one["articles"]
    assert "photo.txt" in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8")
    assert main(["batch", str(archive), "--output-dir", str(out), "--format", "markdown",
                 "-q"]) == 1
    assert "## 有了医保" in (out / "咸宁日报/20240809/A1.md").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="would both be written to"):
        mirror_names([str(archive / "咸宁日报/20240809/A1.txt"), str(tmp_path / "A1.txt")],
                     [], ".json")
    inside = archive / "parsed"  # an output folder inside the input tree is not read
    assert main(["batch", str(archive), "--output-dir", str(inside), "--format", "text",
                 "-q"]) == 1
    assert main(["batch", str(archive), "--output-dir", str(inside), "--format", "text",
                 "-q"]) == 1
    assert not (inside / "parsed").exists()


def test_verbose_logs_each_failure_and_quiet_silences_warnings(
        archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(archive), "-o", str(out), "-v"]) == 1
    assert "photo.txt: failed: " in capsys.readouterr().err
    assert main(["batch", str(archive), "-o", str(out)]) == 1
    assert "photo.txt: failed" not in capsys.readouterr().err
    assert main(["-q", "batch", str(archive), "-o", str(out)]) == 1
    assert capsys.readouterr().err == ""
