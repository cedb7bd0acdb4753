"""The public entry points as a user meets them: parse()'s str, configure()'s settings."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import baokan
from baokan import SettingsError, get_profile

from .conftest import ROOT, SEEDS


def test_parse_warns_when_a_short_str_names_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    name = str(SEEDS[1].relative_to(ROOT))
    with pytest.warns(UserWarning, match=r"parse_file\('seeds/001_.*'\)") as caught:
        issue = baokan.parse(name)
    assert len(issue.articles) == 0  # still parsed as the text it is
    assert caught[0].filename == __file__  # the warning points at the caller


def test_parse_of_real_text_does_not_warn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "本报讯").write_text("x", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        baokan.parse(SEEDS[1].read_text(encoding="utf-8"))
        baokan.parse("no such file.txt")
        baokan.parse("本报讯\n")  # a file of that name exists, but this is a line of text
        baokan.parse(SEEDS[1])  # a Path is read


def test_a_misspelt_setting_fails_at_configure_time() -> None:
    with pytest.raises(SettingsError, match="did you mean 'full_slack'"):
        get_profile("hard-wrapped").configure("join-lines", full_slak=1.5)
