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


@pytest.mark.parametrize("enabled", [True, False])
def test_a_parse_makes_no_reference_cycles_and_leaves_the_collector_as_it_was(
        enabled: bool) -> None:
    import gc
    # the cycle collector is paused during a parse (baokan.api._cycles_not_collected):
    # that is only free if a parse leaves nothing for it to collect
    text = ("两会特稿\n代表委员热议基层治理\n本报记者 林晓 通讯员 方卉\n"
            "3月5日，记者在会场外见到了几位来自基层的代表。他们说：“治理要落到实处。”\n"
            "“群众的事无小事。”一位代表说。\n（责任编辑：周文）\n")
    was = gc.isenabled()
    try:
        gc.collect()
        gc.disable()
        baokan.parse(text)
        assert gc.collect() == 0
        if enabled:
            gc.enable()
        baokan.parse(text)
        assert gc.isenabled() == enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
