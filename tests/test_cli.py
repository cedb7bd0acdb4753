from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import baokan
from baokan.cli import build_parser, main

from .conftest import GOLD, SEEDS

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4


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


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
def test_ctrl_c_during_a_batch(tmp_path: Path) -> None:
    # a real SIGINT to a real process group of workers, without waiting on a race: the last
    # input is a named pipe no one writes to, so the run is still going when the signal
    # comes, however fast the machine, and the files before it are already written
    import signal
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:04d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    fifo = tmp_path / "zz-never-written.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "baokan", "batch", str(folder), str(fifo),
                             "-o", str(out), "-j", "2"],
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(partial.read_bytes().splitlines()
                                              if partial.exists() else []) < 12:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "--resume" in err
    assert not out.exists() and len(partial.read_bytes().splitlines()) == 12
    assert main(["batch", str(folder), "-o", str(out), "--resume", "-q", "-j", "2"]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12


def test_ctrl_c_in_a_batch_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    import baokan.io.batch as batch

    real = batch.parse_one

    def interrupting(path: str, job: object, data: bytes | None = None) -> object:
        if path.endswith(SEEDS[2].name):
            raise KeyboardInterrupt
        return real(path, job, data)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "parse_one", interrupting)
    out = tmp_path / "out.jsonl"
    assert main(["batch", *map(str, SEEDS), "-o", str(out), "-j", "1"]) == 130
    assert "out.jsonl.partial — run the same command with --resume" in capsys.readouterr().err
    assert len((tmp_path / "out.jsonl.partial").read_text("utf-8").splitlines()) == 2
    monkeypatch.undo()
    assert main(["batch", *map(str, SEEDS), "-o", str(out), "-j", "1", "--resume"]) == 0
    assert "2 already done" in capsys.readouterr().err


def test_parse_writes_utf8_whatever_the_terminal_says() -> None:
    result = subprocess.run([sys.executable, "-m", "baokan", "parse", str(SEEDS[0]),
                             "--format", "text"], capture_output=True, check=False,
                            env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert result.returncode == 0, result.stderr
    assert "有了医保，日子再难也有底气！" in result.stdout.decode("utf-8")


def test_parse_reads_standard_input(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "baokan", "parse", "-", "--format", "jsonl"],
                            input=SEEDS[0].read_bytes(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["path"] == "-"  # standard input, as the command line names it
    assert data["articles"] == baokan.parse_file(SEEDS[0]).to_dict()["articles"]
    for given, message in ((b"", "-: the input is empty"), (PDF, "-: not a text dump")):
        result = subprocess.run([sys.executable, "-m", "baokan", "parse", "-"], input=given,
                                capture_output=True, check=False)
        assert result.returncode == 2 and message in result.stderr.decode("utf-8")


def test_parse_streams_and_ctrl_c_keeps_what_was_written(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import baokan.cli

    written: list[str] = []
    real = baokan.cli.parse_file

    def parse_file(path: str, **kwargs: object) -> baokan.Issue:
        written.append(capsys.readouterr().out)  # what was out before this file was parsed
        if len(written) == 3:
            raise KeyboardInterrupt
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(baokan.cli, "parse_file", parse_file)
    assert main(["parse", *map(str, SEEDS), "--format", "jsonl"]) == 130
    assert written[0] == "" and json.loads(written[1])["source"]["path"] == str(SEEDS[0])
    assert json.loads(written[2])["source"]["path"] == str(SEEDS[1])
    assert "interrupted" in capsys.readouterr().err


def test_several_files_are_marked_and_json_is_one_issue(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    for fmt in ("text", "markdown"):
        assert main(["parse", str(SEEDS[0]), str(SEEDS[1]), "--format", fmt]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"==> {SEEDS[0]} <==\n") and f"\n\n==> {SEEDS[1]} <==\n" in out
    assert main(["parse", str(SEEDS[0]), "--format", "text"]) == 0
    assert "==>" not in capsys.readouterr().out  # one file: as it was
    assert main(["parse", str(SEEDS[0]), str(SEEDS[1])]) == 2
    assert "--format json writes one issue" in capsys.readouterr().err
    assert main(["parse", str(SEEDS[0])]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "baokan.issue/1"


def test_parse_refuses_to_overwrite_its_input(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "x.txt"
    dump.write_bytes(SEEDS[0].read_bytes())
    assert main(["parse", str(dump), "-o", str(tmp_path / "." / "x.txt")]) == 2
    assert "is also an input" in capsys.readouterr().err
    assert dump.read_bytes() == SEEDS[0].read_bytes()


def test_parse_output_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main(["parse", str(SEEDS[0]), "-o", str(tmp_path / "a.json")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o644


def test_parse_takes_metadata_and_a_profile_file(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    day = tmp_path / "咸宁日报" / "20240809"
    day.mkdir(parents=True)
    (day / "A3.txt").write_bytes(SEEDS[0].read_bytes())
    profile = tmp_path / "mine.json"
    profile.write_text(json.dumps({"extends": "plain-paragraphs"}), encoding="utf-8")
    assert main(["parse", str(day / "A3.txt"), "--profile", str(profile),
                 "--path-pattern", "{publication}/{date:%Y%m%d}/{page}.txt", "--page", "B1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["publication"], data["date"], data["page"], data["profile"]) == (
        "咸宁日报", "2024-08-09", "B1", "mine")
    assert main(["parse", str(SEEDS[0]), "--publication", "人民日报", "--date", "2018-01-02"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["publication"], data["date"]) == ("人民日报", "2018-01-02")
    assert main(["parse", str(SEEDS[0]), "--date", "yesterday"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_inspect_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SEEDS[3]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["profile"] == "hard-wrapped" and "median_line_chars" in data["measurements"]
    assert data["articles"] and {"lines", "headline", "paragraphs", "flags"} <= set(
        data["articles"][0])
    assert any(d["heuristic"] == "find-bylines" for d in data["diagnostics"])


def _all_actions(parser: argparse.ArgumentParser, where: str = "baokan"
                 ) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _all_actions(sub, f"{where} {name}")
        else:
            found.append((where, action))
    return found


def test_every_argument_and_option_has_help() -> None:
    actions = _all_actions(build_parser())
    assert len(actions) > 50
    missing = [f"{where} {a.dest}" for where, a in actions
               if not a.help or a.help == argparse.SUPPRESS]
    assert missing == []


def test_global_options_after_the_command(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import baokan.cli

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(baokan.cli, "parse_file", broken)
    with pytest.raises(ZeroDivisionError):
        main(["parse", str(SEEDS[0]), "--debug"])
    args = build_parser().parse_args(["-v", "parse", "x", "-q"])
    assert (args.verbose, args.quiet, args.debug) == (1, True, False)
    args = build_parser().parse_args(["parse", "x", "-vv"])
    assert args.verbose == 2


def test_warnings_go_through_logging(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     caplog: pytest.LogCaptureFixture) -> None:
    soup = tmp_path / "soup.txt"
    soup.write_text("(cid:3)(cid:17)(cid:52)(cid:8)(cid:91)(cid:30)\n" * 5, encoding="utf-8")
    assert "not_text" in baokan.parse_file(soup).flags
    assert main(["parse", str(soup)]) == 0
    assert "baokan: warning: " in capsys.readouterr().err
    assert caplog.records and caplog.records[0].name == "baokan.cli"
    assert main(["parse", str(soup), "-q"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for word in ("parse", "batch", "inspect", "--output-dir", "--per-article", "markdown"):
        assert word in script
    if shell == "bash" and shutil.which("bash"):
        checked = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True,
                                 check=False)
        assert checked.returncode == 0, checked.stderr
        completes = subprocess.run(
            ["bash", "-c", script + "\nCOMP_WORDS=(baokan pa); COMP_CWORD=1; "
             "_shtab_baokan; echo ${COMPREPLY[@]}"],
            text=True, capture_output=True, check=False)
        assert completes.stdout.split() == ["parse"], completes.stderr
