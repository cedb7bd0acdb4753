from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator

import attrs
import pytest

import baokan
from baokan import (
    Document,
    DuplicateHeuristicError,
    HeuristicFailed,
    Profile,
    ProfileError,
    SettingsError,
    UnknownHeuristicError,
    UnknownProfileError,
    get_profile,
    heuristic,
    parse,
)
from baokan.core.document import Recorder
from baokan.core.registry import REGISTRY, NoSettings

from .conftest import ROOT

BRIEF = "标题一行\n\n本报讯 通讯员刘倚帆报道:3月4日，咸安区开展整治行动。\n\n此次行动排查了安全隐患。\n"


@pytest.fixture
def scratch() -> Iterator[list[str]]:
    names: list[str] = []
    yield names
    for name in names:
        REGISTRY.remove(name)


def test_decorator_registers_with_description(scratch: list[str]) -> None:
    nothing = baokan.declare_mark("test:nothing", "stage", "nothing at all (a test)")

    @heuristic("test-noop", provides={"test:nothing"})
    def noop(doc: Document, settings: NoSettings) -> Document:
        """Do nothing at all.

        More text that is not the description.
        """
        return doc

    scratch.append("test-noop")
    found = baokan.get_heuristic("test-noop")
    assert found.description == "Do nothing at all."
    assert found.provides == frozenset({nothing})


def test_taken_name_raises(scratch: list[str]) -> None:
    with pytest.raises(DuplicateHeuristicError):
        @heuristic("join-lines")
        def again(doc: Document, settings: NoSettings) -> Document:
            return doc


def test_unknown_heuristic() -> None:
    with pytest.raises(UnknownHeuristicError, match="no-such"):
        baokan.get_heuristic("no-such")


def test_settings_are_checked() -> None:
    h = baokan.get_heuristic("join-lines")
    assert h.make_settings({"mode": "wrapped"}).mode == "wrapped"
    with pytest.raises(SettingsError, match="no setting 'width'"):
        h.make_settings({"width": 3})
    with pytest.raises(SettingsError):
        h.make_settings({"mode": "sideways"})


def test_profile_editing_returns_new_profiles() -> None:
    base = get_profile("markdown")
    edited = base.disable("punctuation-width").configure("join-lines", min_cut_chars=20)
    assert "punctuation-width" in base.names and "punctuation-width" not in edited.names
    assert dict(edited.steps[base._index("join-lines")].settings)["min_cut_chars"] == 20
    assert dict(edited.steps[base._index("join-lines")].settings)["mode"] == "paragraph-per-line"
    moved = base.remove("drop-duplicates").after("strip-garbage", "drop-duplicates")
    assert moved.names.index("drop-duplicates") == moved.names.index("strip-garbage") + 1
    assert base.before("join-lines", "fold-spacing").names.count("fold-spacing") == 2
    assert base.enable_only("strip-garbage").names == ["strip-garbage"]
    assert base.enable_only("strip-garbage").enable("join-lines").names == ["strip-garbage",
                                                                            "join-lines"]
    assert base.at("drop-duplicates", "fold-spacing").names.count("drop-duplicates") == 0
    with pytest.raises(ProfileError, match="no heuristic 'nope'"):
        base.before("nope", "join-lines")


def test_profile_order_is_checked() -> None:
    bad = Profile.from_names(["segment-articles", "find-titles"])
    with pytest.raises(ProfileError, match="requires"):
        bad.build()


def test_profile_from_dict_extends() -> None:
    p = Profile.from_dict({"name": "mine", "extends": "hard-wrapped",
                           "settings": {"join-lines": {"full_slack": 1.5}}})
    assert p.name == "mine"
    step = p.steps[p._index("join-lines")]
    assert step.options == {"mode": "wrapped", "full_slack": 1.5}
    assert Profile.from_dict(p.to_dict()) == p


def test_unknown_profile() -> None:
    with pytest.raises(UnknownProfileError, match="known profiles"):
        parse(BRIEF, profile="no-such-profile")


def test_profile_as_list_of_names() -> None:
    issue = parse(BRIEF, profile=["strip-garbage", "find-bylines", "join-lines", "find-titles",
                                  "segment-articles"])
    assert issue.profile == "custom"
    assert issue.articles[0].bylines[0].names == ("刘倚帆",)


def test_failing_heuristic_strict_and_lenient(scratch: list[str]) -> None:
    @heuristic("test-explode")
    def explode(doc: Document, settings: NoSettings) -> Document:
        raise RuntimeError("boom")

    scratch.append("test-explode")
    profile = get_profile("plain-paragraphs").after("join-lines", "test-explode")
    with pytest.raises(HeuristicFailed, match="test-explode"):
        parse(BRIEF, profile=profile)
    issue = parse(BRIEF, profile=profile, strict=False)
    assert issue.articles
    assert any(d.heuristic == "test-explode" and "skipped" in d.action for d in issue.diagnostics)


def test_entry_point_heuristic(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = importlib.metadata.EntryPoint(name="demo-mark", value="tests.plugin_demo:mark",
                                          group=baokan.ENTRY_POINT_GROUP)

    def fake_entry_points(*, group: str) -> list[importlib.metadata.EntryPoint]:
        return [entry] if group == baokan.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    REGISTRY.reset_entry_points()
    try:
        profile = get_profile("plain-paragraphs").before("segment-articles", "demo-mark",
                                                         suffix="【插件】")
        issue = parse(BRIEF, profile=profile)
        assert all(p.endswith("【插件】") for a in issue for p in a.paragraphs)
        assert any(d.heuristic == "demo-mark" for d in issue.diagnostics)
        assert "demo-mark" in [h.name for h in baokan.available_heuristics()]
    finally:
        REGISTRY.remove("demo-mark")
        REGISTRY.reset_entry_points()


def test_every_builtin_profile_builds() -> None:
    for name in baokan.profile_names():
        steps = get_profile(name).build()
        assert steps and all(attrs.has(type(s.settings)) for s in steps)


def test_auto_profile_is_reported() -> None:
    issue = parse(BRIEF)
    chosen = [d for d in issue.diagnostics if d.heuristic == "auto-profile"]
    assert chosen and chosen[0].action == f"chose {issue.profile}"
    assert "median_line_chars" in chosen[0].detail


def test_a_parse_that_does_not_explain_builds_no_diagnostic_and_counts_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from baokan.core import document

    text = (ROOT / "seeds" / "002_310200855c0ad967.txt").read_text(encoding="utf-8")
    told = baokan.parse(text)
    built: list[object] = []

    class Counted(document.Diagnostic):  # type: ignore[misc]
        def __init__(self, *args: object) -> None:
            built.append(args)
            super().__init__(*args)

    monkeypatch.setattr(document, "Diagnostic", Counted)
    quiet = baokan.parse(text, explain=False)
    assert built == []  # a change is kept as a tuple, never made a Diagnostic
    assert quiet.repairs == told.repairs and quiet.articles == told.articles
    assert len(told.diagnostics) > sum(n for _, n in told.repairs) / 2


def test_a_recorder_gives_its_changes_as_diagnostics_when_asked() -> None:
    rec = Recorder("demo")
    rec.change("joined", (3, 4), "x")
    rec.dropped("页码 3", "page number", (9, 9))
    assert [(d.heuristic, d.action, d.lines, d.detail) for d in rec.diagnostics] == [
        ("demo", "joined", (3, 4), "x"), ("demo", "dropped (page number)", (9, 9), "页码 3")]
