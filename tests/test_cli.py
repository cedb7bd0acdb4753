from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from baokan.cli import main

from .conftest import GOLD, SEEDS


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "baokan", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False)


def test_parse_jsonl_one_issue_per_seed() -> None:
    result = run_cli("parse", *map(str, SEEDS), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEEDS)
    for line, seed in zip(lines, SEEDS):
        data = json.loads(line)
        assert data["schema"] == "baokan.issue/1"
        assert data["source"]["path"] == str(seed)
        assert data["articles"]


@pytest.mark.parametrize("fmt", ["json", "markdown", "text"])
def test_parse_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS[1]), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "眩晕60秒" in out


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "issue.json"
    assert main(["parse", str(SEEDS[0]), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert [p.name for p in tmp_path.iterdir()] == ["issue.json"]


@pytest.mark.parametrize(("args", "message"), [
    (["parse", "no/such/file.txt"], "no such file"),
    (["parse", "."], "is a directory"),
    (["parse", "SEED", "--profile", "nope"], "no profile named 'nope'"),
    (["inspect", "no/such/file.txt"], "no such file"),
    (["evaluate", "only-one"], "pairs"),
])
def test_bad_input_is_one_line_and_status_2(args: list[str], message: str) -> None:
    args = [str(SEEDS[0]) if a == "SEED" else a for a in args]
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    pdf = tmp_path / "page.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4)
    for path, message in ((empty, "empty"), (pdf, "not a text dump")):
        result = run_cli("parse", str(path))
        assert result.returncode == 2 and message in result.stderr


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    # chmod cannot make a file unreadable for root (CI runs as root), so the OS error is faked
    locked = tmp_path / "locked.txt"
    locked.write_text("文字", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["parse", str(locked)]) == 2
    err = capsys.readouterr().err
    assert "permission denied" in err and len(err.strip().splitlines()) == 1


def test_failed_run_leaves_no_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run_cli("parse", str(SEEDS[0]), "missing.txt", "-o", str(out))
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_output_folder_missing(tmp_path: Path) -> None:
    result = run_cli("parse", str(SEEDS[0]), "-o", str(tmp_path / "nope" / "out.json"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_profiles_lists_heuristics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "markdown (built in)" in out and "join-lines" in out and "mode='wrapped'" in out


def test_inspect_shows_measurements_and_diagnostics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SEEDS[3])]) == 0
    out = capsys.readouterr().out
    assert "profile: hard-wrapped" in out
    assert "median_line_chars=" in out
    assert "find-bylines: found" in out and "L1-1 strip-garbage" in out


def test_evaluate_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parsed = tmp_path / "p.json"
    assert main(["parse", str(SEEDS[1]), "-o", str(parsed)]) == 0
    gold = GOLD / f"{SEEDS[1].stem}.gold.json"
    assert main(["evaluate", str(gold), str(parsed)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("file") and "MEAN" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("baokan ")


def test_disk_full_gives_one_line_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    import errno
    import io

    class FullDisk(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object) -> io.StringIO:
        real_fdopen(fd).close()
        return FullDisk()

    monkeypatch.setattr(os, "fdopen", fdopen)
    out = tmp_path / "issue.json"
    assert main(["parse", str(SEEDS[0]), "-o", str(out)]) == 74
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:  # the temporary file of -o cannot be created
        patched.setattr(os, "open", refuse)
        assert main(["parse", str(SEEDS[0]), "-o", str(tmp_path / "x.json")]) == 2
    assert "permission denied" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["parse", str(SEEDS[0])]) == 2
    assert "permission denied" in capsys.readouterr().err


def test_a_bug_is_one_line_unless_debug(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    import baokan.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(baokan.cli, "parse_file", broken)
    assert main(["parse", str(SEEDS[0])]) == 70
    err = capsys.readouterr().err
    assert "internal error" in err and "--debug" in err and err.count("\n") == 1
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "parse", str(SEEDS[0])])


def test_ctrl_c_during_a_batch(tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "baokan", "batch", str(folder), "-o", str(out),
                             "-j", "2"], stderr=subprocess.PIPE, text=True, encoding="utf-8")
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "--resume" in err
    assert not out.exists() and partial.exists()
    assert main(["batch", str(folder), "-o", str(out), "--resume", "-q", "-j", "2"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 400
