"""Writing files whole: ``write_atomic``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from baokan.errors import InputError
from baokan.io.files import write_atomic


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
