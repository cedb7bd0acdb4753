"""One path for a file: ``parse_file`` reads, checks and records it; ``write_atomic`` writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import baokan
from baokan.errors import InputError, NotTextError
from baokan.io.batch import Job, parse_one
from baokan.io.files import write_atomic

from .conftest import SEEDS

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4


@pytest.mark.parametrize("content", [b"", b" \r\n\t\n", b"\x0c"])
def test_an_empty_file_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty$"):
        baokan.parse_file(path)
    assert baokan.parse(content).articles == ()  # bytes in memory are not a file


def test_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        baokan.parse_file(tmp_path)
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        baokan.parse_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="no such file"):
        baokan.parse(tmp_path / "nope.txt")  # a path given to parse is read by parse_file


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("文字", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        baokan.parse_file(path)


def test_binary_data_raises_not_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(PDF)
    with pytest.raises(NotTextError, match=r"^.*page\.txt: not a text dump \(it looks like a PDF"):
        baokan.parse_file(path)
    with pytest.raises(NotTextError):
        baokan.parse(path)
    issue = baokan.parse(PDF)  # the same bytes in memory: a flagged, empty Issue
    assert issue.flags == ("binary",) and not issue.articles and issue.source.path is None
    assert [(d.heuristic, d.action) for d in issue.diagnostics] == [("decode", "not text")]


def test_the_path_is_recorded_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seed.txt").write_bytes(SEEDS[0].read_bytes())
    from_bytes = baokan.parse(SEEDS[0].read_bytes())
    for given, recorded in [("seed.txt", "seed.txt"), ("./seed.txt", "./seed.txt"),
                            (Path("./seed.txt"), "seed.txt"), (str(SEEDS[0]), str(SEEDS[0]))]:
        issue = baokan.parse_file(given)
        assert issue.source.path == recorded
        assert issue.source.sha256 == from_bytes.source.sha256
        assert issue.articles == from_bytes.articles
    assert baokan.parse(Path("seed.txt")).source.path == "seed.txt"
    with pytest.warns(UserWarning, match="parse_file"):  # a str given to parse is text
        assert baokan.parse("seed.txt").source.path is None


def test_path_pattern_and_keywords(tmp_path: Path) -> None:
    day = tmp_path / "咸宁日报" / "20240809"
    day.mkdir(parents=True)
    path = day / "A3.txt"
    path.write_bytes(SEEDS[0].read_bytes())
    pattern = "{publication}/{date:%Y%m%d}/{page}.txt"
    issue = baokan.parse_file(path, path_pattern=pattern, page="B1", explain=False)
    assert (issue.publication, str(issue.date), issue.page) == ("咸宁日报", "2024-08-09", "B1")
    with pytest.raises(InputError, match="does not match the path pattern"):
        baokan.parse_file(path, path_pattern="{publication}/{page}.md")


def test_batch_reports_what_parse_file_raises(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n")
    pdf = tmp_path / "page.txt"
    pdf.write_bytes(PDF)
    good = parse_one(str(SEEDS[0]), Job())
    assert good.error is None and good.size == SEEDS[0].stat().st_size
    outcomes = {p.name: parse_one(str(p), Job()) for p in (empty, pdf, tmp_path / "gone.txt")}
    assert {name: o.kind for name, o in outcomes.items()} == {
        "empty.txt": "InputError", "page.txt": "NotText", "gone.txt": "InputError"}
    assert outcomes["empty.txt"].error == f"{empty}: the file is empty"
    assert outcomes["page.txt"].error is not None and "not a text dump" in outcomes["page.txt"].error


def test_write_atomic_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "报刊\n")
    assert target.read_text(encoding="utf-8") == "报刊\n"
    write_atomic(str(target), b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_atomic_permissions_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o640


def test_write_atomic_failures_leave_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "no" / "out.txt", "x")
    target = tmp_path / "out.txt"
    target.write_text("before", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "after")
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
