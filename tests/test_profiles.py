"""Profiles as data: the built-in profile files, ``extends``, a user's profile file (API,
CLI, batch workers), settings checked when a profile is made, the named auto thresholds."""

from __future__ import annotations

import inspect
import json
import pickle
import statistics
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baokan import (
    BUILTIN_PROFILES,
    DetectSettings,
    Profile,
    ProfileError,
    ProfileStep,
    SettingsError,
    UnknownHeuristicError,
    UnknownProfileError,
    get_profile,
    load_profile,
    parse,
)
from baokan.cli import main
from baokan.io.batch import Job, find_inputs, run_batch
from baokan.profiles.detect import detect_profile
from baokan.profiles.profile import _load_folder

from .conftest import SEEDS

BRIEF = "标题一行\n\n本报讯 通讯员刘倚帆报道:3月4日，咸安区开展整治行动。\n\n此次行动排查了安全隐患。\n"


# -- the built-in profiles are the data files, and the same profiles as before ---------------

def _as_built_in_python(name: str) -> list[tuple[str, dict[str, Any]]]:
    """The steps each built-in profile had when they were built in Python (before 0.x: the
    profile files must load to exactly these, so that every parse stays the same)."""
    markdown = name == "markdown"
    wrapped = name.startswith("hard-wrapped")
    blank_lines = name == "hard-wrapped-blank-lines"
    join: dict[str, Any] = {"mode": "wrapped" if wrapped else "paragraph-per-line"}
    if blank_lines:
        join["ignore_blank_lines"] = True
    if markdown:  # since the issue "Generalise": a pymupdf4llm text block's paragraphs
        join["split_printed_ends"] = True
        join["continued_after_open_only"] = True
    return [
        ("repair-mojibake", {}), ("detect-not-text", {}),
        *([("markdown-headings", {})] if markdown else []),
        # the masthead before the columns: -layout prints its strip across them
        ("read-masthead", {}), ("split-layout-columns", {}),
        # since the issue "Generalise": pymupdf4llm's rows of columns ranked by the prior
        ("separate-columns", {"use_prior": True} if markdown else {}),
        ("split-ocr-rows", {}),
        ("strip-garbage", {}), ("join-vertical-text", {}),
        # since round 45: a markdown line is a paragraph, or a piece of a row of columns
        ("find-non-news", {"paragraph_lines": True} if markdown else {}),
        ("find-bylines", {}), ("page-furniture", {}),
        ("join-lines", join),
        ("find-titles", {"plain_lines": False} if markdown else {}),
        ("find-captions", {}), ("punctuation-width", {}), ("fold-spacing", {}),
        ("drop-duplicates", {}),
        # since stop 37 (false articles): a headless run goes to the story sharing its
        # words in every dump, not only in markdown ones; since stop 43 markdown dumps
        # part a body holding two stories by turns
        ("segment-articles", {"headless_homes": True, "merge_unspaced_titles": True}
         if blank_lines else {"headless_homes": True, "untitled_turns": True,
                              "alternating_bodies": True} if markdown
         else {"headless_homes": True}),
        # since the issue "Generalise": a pymupdf4llm block given after its story goes back
        # since round 45: a column's rest below a box (wrapped text, where it was measured)
        ("restore-reading-order", {"open_tails": True} if markdown
         else {"inset_rests": True} if wrapped else {}),
    ]


DESCRIPTIONS = {
    "markdown": "PDF-to-markdown dumps: headings marked with #, a paragraph a line.",
    "plain-paragraphs": "Plain text with a paragraph a line and blank lines between.",
    "hard-wrapped": "Plain text wrapped at the column width, a line a printed line.",
    "hard-wrapped-blank-lines":
        "Plain text wrapped at the column width, with a blank line after every line.",
}


@pytest.mark.parametrize("name", sorted(DESCRIPTIONS))
def test_builtin_profile_files_load_to_the_profiles_of_before(name: str) -> None:
    data = get_profile(name).to_dict()
    assert data["name"] == name and data["description"] == DESCRIPTIONS[name]
    assert [(s["name"], s["settings"]) for s in data["steps"]] == _as_built_in_python(name)
    assert all(s["enabled"] for s in data["steps"])


def test_every_builtin_profile_is_a_shipped_file() -> None:
    folder = resources.files("baokan.profiles")
    files = sorted(e.name for e in folder.iterdir() if e.name.endswith(".json"))
    assert files == sorted(f"{n}.json" for n in DESCRIPTIONS)
    assert sorted(BUILTIN_PROFILES) == sorted(DESCRIPTIONS)
    for entry in files:
        data = json.loads((folder / entry).read_text(encoding="utf-8"))
        assert data["description"] and ("steps" in data) != ("extends" in data)


def test_extends_makes_the_differences_readable() -> None:
    wrapped, blank = get_profile("hard-wrapped"), get_profile("hard-wrapped-blank-lines")
    changed = [(a.name, a.options, b.options) for a, b in zip(wrapped.steps, blank.steps)
               if a != b]
    assert changed == [
        ("join-lines", {"mode": "wrapped"}, {"mode": "wrapped", "ignore_blank_lines": True}),
        ("segment-articles", {"headless_homes": True},
         {"headless_homes": True, "merge_unspaced_titles": True})]
    assert [s for s in get_profile("markdown").names if s != "markdown-headings"] == \
        get_profile("plain-paragraphs").names


def _write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_folder_of_profile_files_extends_within_itself(tmp_path: Path) -> None:
    _write(tmp_path, "base.json", {"description": "b", "steps": ["strip-garbage", "join-lines"]})
    _write(tmp_path, "child.json", {"extends": "base", "settings": {"join-lines": {"window": 3}}})
    _write(tmp_path, "grandchild.json", {"extends": "child", "disable": ["strip-garbage"]})
    loaded = _load_folder(tmp_path)
    assert loaded["grandchild"].names == ["join-lines"]
    assert loaded["grandchild"].steps[1].options == {"window": 3}
    assert loaded["child"].name == "child" and loaded["child"].description == ""


@pytest.mark.parametrize(("files", "message"), [
    ({"a.json": {"extends": "b"}, "b.json": {"extends": "a"}}, "extend each other: a → b → a"),
    ({"a.json": {"extends": "markdown"}}, "a.json: extends 'markdown', which is not a built-in"),
    ({"a.json": {"name": "b", "steps": []}}, "a.json: its name is 'b'"),
    ({"a.json": "{"}, "a.json: not valid JSON"),
    ({"a.json": {"steps": []}, "b.json": {"extends": "a", "setings": {}}},
     r"b.json: a profile has no key 'setings' \(did you mean 'settings'\?\)"),
])
def test_a_bad_shipped_file_names_itself(tmp_path: Path, files: dict[str, Any],
                                         message: str) -> None:
    for name, data in files.items():
        _write(tmp_path, name, data)
    with pytest.raises(ProfileError, match=message):
        _load_folder(tmp_path)


# -- a misspelt setting or heuristic raises where the profile is made -------------------------

def test_misspelt_setting_raises_at_configure() -> None:
    with pytest.raises(SettingsError, match=r"no setting 'full_slak' \(did you mean 'full_slack'\?\)"):
        get_profile("hard-wrapped").configure("join-lines", full_slak=1.5)
    assert get_profile("hard-wrapped").configure("join-lines", full_slack=2).steps


@pytest.mark.parametrize("edit", ["before", "after", "at"])
def test_misspelt_setting_raises_when_a_step_is_inserted(edit: str) -> None:
    with pytest.raises(SettingsError, match="no setting 'windw'"):
        getattr(get_profile("markdown"), edit)("fold-spacing", "join-lines", windw=3)
    with pytest.raises(SettingsError, match="no setting 'windw'"):
        get_profile("markdown").append("join-lines", windw=3)


def test_bad_setting_values_raise_when_the_step_is_made() -> None:
    with pytest.raises(SettingsError, match="'full_slack' of heuristic 'join-lines' is float"):
        get_profile("hard-wrapped").configure("join-lines", full_slack="1.5")
    with pytest.raises(SettingsError, match="is bool"):
        get_profile("hard-wrapped").configure("join-lines", ignore_blank_lines=1)
    with pytest.raises(SettingsError, match="is int"):
        get_profile("hard-wrapped").configure("join-lines", window=True)
    with pytest.raises(SettingsError, match="join-lines"):
        get_profile("hard-wrapped").configure("join-lines", mode="sideways")


def test_unknown_heuristic_raises_when_the_profile_is_made() -> None:
    with pytest.raises(UnknownHeuristicError, match=r"'join-line' \(did you mean 'join-lines'\?\); "
                                                    r"known: .*segment-articles"):
        Profile.from_names(["strip-garbage", "join-line"])
    with pytest.raises(UnknownHeuristicError):
        get_profile("markdown").after("join-lines", "no-such-heuristic")
    with pytest.raises(SettingsError):
        ProfileStep("join-lines", {"full_slak": 1.0})


@pytest.mark.parametrize(("data", "error", "message"), [
    ({"extends": "hard-wrapped", "settings": {"join-lines": {"full_slak": 1.5}}}, SettingsError,
     "no setting 'full_slak'"),
    ({"steps": [{"name": "join-lines", "settings": {"mod": "wrapped"}}]}, SettingsError,
     "no setting 'mod'"),
    ({"steps": ["strip-garbage", "join-line"]}, UnknownHeuristicError, "join-line"),
    ({"extends": "markdwon"}, UnknownProfileError, "no profile named 'markdwon'"),
    ({"extends": "markdown", "steps": []}, ProfileError, "'steps' or 'extends', not both"),
    ({"description": "nothing"}, ProfileError, "needs 'steps' or 'extends'"),
    ({"extends": "markdown", "setting": {}}, ProfileError, "did you mean 'settings'"),
    ({"steps": [{"name": "join-lines", "enabled": "no"}]}, ProfileError, "true or false"),
    ({"steps": [{"heuristic": "join-lines"}]}, ProfileError, "a step has no key 'heuristic'"),
    ({"steps": "join-lines"}, ProfileError, "'steps' must be a list, not a string"),
    ({"extends": "markdown", "insert": [{"name": "fold-spacing"}]}, ProfileError,
     "needs one of 'before' or 'after'"),
    ({"extends": "markdown", "insert": [{"name": "fold-spacing", "before": "nope"}]},
     ProfileError, "no heuristic 'nope'"),
    ({"extends": "markdown", "settings": {"join-lines": 3}}, ProfileError,
     "settings of 'join-lines' must be an object"),
])
def test_from_dict_checks_everything(data: dict[str, Any], error: type[Exception],
                                     message: str) -> None:
    with pytest.raises(error, match=message):
        Profile.from_dict(data)


def test_from_dict_edits_in_order() -> None:
    p = Profile.from_dict({
        "name": "mine", "extends": "markdown", "remove": ["drop-duplicates"],
        "insert": [{"name": "drop-duplicates", "after": "strip-garbage", "settings": {"near": False}}],
        "disable": ["punctuation-width"], "settings": {"drop-duplicates": {"min_chars": 20}}})
    names = [s.name for s in p.steps]
    assert names.index("drop-duplicates") == names.index("strip-garbage") + 1
    assert "punctuation-width" in names and "punctuation-width" not in p.names
    assert p.steps[names.index("drop-duplicates")].options == {"near": False, "min_chars": 20}
    assert Profile.from_dict(p.to_dict()) == p


# -- a user's profile file ----------------------------------------------------------------------

MINE = {"description": "hard-wrapped, with the dump's punctuation kept",
        "extends": "hard-wrapped", "disable": ["punctuation-width"],
        "settings": {"join-lines": {"full_slack": 1.5}}}


def test_from_file_reads_a_users_profile(tmp_path: Path) -> None:
    path = _write(tmp_path, "newsroom.json", MINE)
    p = Profile.from_file(path)
    assert p.name == "newsroom" and p.description == MINE["description"]
    assert "punctuation-width" not in p.names
    assert p.steps[p._index("join-lines")].options == {"mode": "wrapped", "full_slack": 1.5}
    assert Profile.from_file(str(path)) == p == load_profile(path) == load_profile(str(path))
    named = _write(tmp_path, "named.json", {**MINE, "name": "house style"})
    assert Profile.from_file(named).name == "house style"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is Python 3.11 or later")
def test_from_file_reads_toml(tmp_path: Path) -> None:
    path = _write(tmp_path, "newsroom.toml", '''
description = "hard-wrapped, with the dump's punctuation kept"
extends = "hard-wrapped"   # a comment, which JSON cannot have
disable = ["punctuation-width"]

[settings.join-lines]
full_slack = 1.5
''')
    assert Profile.from_file(path) == Profile.from_file(_write(tmp_path, "newsroom.json", MINE))


@pytest.mark.parametrize(("content", "error", "message"), [
    (None, ProfileError, "no such profile file"),
    ('{"extends": "markdown",}', ProfileError, "not valid JSON: .* at line 1, column 24"),
    ("[1, 2]", ProfileError, "a profile must be an object"),
    ({"extends": "markdown", "settings": {"join-lines": {"full_slak": 1}}}, SettingsError,
     "heuristic 'join-lines' has no setting 'full_slak'"),
    ({"steps": ["strip-garbage", "join-line"]}, UnknownHeuristicError, "no heuristic named"),
    ({"extends": "markdwon"}, UnknownProfileError, "no profile named 'markdwon'"),
    ({"steps": ["segment-articles", "find-titles"]}, ProfileError, "requires"),
])
def test_from_file_errors_are_one_line_naming_the_file(
        tmp_path: Path, content: Any, error: type[Exception], message: str) -> None:
    path = tmp_path / "mine.json"
    if content is not None:
        _write(tmp_path, "mine.json", content)
    with pytest.raises(error, match=message) as info:
        Profile.from_file(path)
    assert isinstance(info.value, ProfileError)  # every profile problem is a ProfileError
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


def test_load_profile_takes_a_name_or_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "markdown", {"extends": "hard-wrapped"})  # a name wins over a file
    assert load_profile("markdown") is get_profile("markdown")
    _write(tmp_path, "house", MINE)  # an existing file without a suffix
    assert load_profile("house").name == "house"
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "p.json", MINE)
    assert load_profile("sub/p.json").name == "p"
    with pytest.raises(ProfileError, match=r"missing\.json: no such profile file"):
        load_profile("missing.json")
    with pytest.raises(UnknownProfileError, match=r"no profile named 'nope'.*profile file"):
        load_profile("nope")


def test_parse_with_a_profile_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "plain.json", {"extends": "plain-paragraphs"})
    for spec in (path, str(path)):
        issue = parse(BRIEF, profile=spec)
        assert issue.profile == "plain"
        assert issue.articles == parse(BRIEF, profile="plain-paragraphs").articles


# -- the CLI and batch workers -----------------------------------------------------------------

@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    # different enough from auto that a worker ignoring it would show: paragraph-per-line
    # joining on hard-wrapped seeds, and no duplicate dropping
    return _write(tmp_path, "odd.json", {
        "extends": "hard-wrapped", "disable": ["drop-duplicates", "restore-reading-order"],
        "settings": {"join-lines": {"mode": "paragraph-per-line"}}})


def test_cli_parse_and_inspect_with_profile_file(profile_file: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS[0]), "--profile", str(profile_file)]) == 0
    out = json.loads(capsys.readouterr().out)
    expected = parse(SEEDS[0], profile=Profile.from_file(profile_file)).to_dict()
    assert out["profile"] == "odd" and out["articles"] == expected["articles"]
    assert main(["inspect", str(SEEDS[0]), "--profile", str(profile_file)]) == 0
    assert "profile: odd" in capsys.readouterr().out


def test_cli_bad_profile_file_is_one_line(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, "bad.json", {"extends": "hard-wrapped",
                                        "settings": {"join-lines": {"full_slak": 1}}})
    for command in (["parse", str(SEEDS[0])], ["inspect", str(SEEDS[0])],
                    ["batch", str(SEEDS[0]), "-o", str(tmp_path / "out.jsonl")]):
        assert main([*command, "--profile", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"baokan: error: {bad}: heuristic 'join-lines' has no setting")
        assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_batch_workers_get_the_file_profile(profile_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", *map(str, SEEDS), "-o", str(out), "--profile", str(profile_file),
                 "--jobs", "2", "--quiet"]) == 0
    got = {r["source"]["path"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    differs_from_auto = False
    for seed in SEEDS:
        expected = parse(seed, profile=Profile.from_file(profile_file)).to_dict()
        assert got[str(seed)]["profile"] == "odd"
        assert got[str(seed)]["articles"] == expected["articles"]
        differs_from_auto |= expected["articles"] != parse(seed).to_dict()["articles"]
    assert differs_from_auto  # else the test would not show which profile the workers ran


def test_a_job_with_a_profile_pickles(profile_file: Path, tmp_path: Path) -> None:
    job = Job(profile=Profile.from_file(profile_file), per_article=True)
    assert pickle.loads(pickle.dumps(job)) == job
    result = run_batch(find_inputs([str(SEEDS[0]), str(SEEDS[1])]), tmp_path / "a.jsonl",
                       job=job, jobs=2)
    assert result.parsed == 2 and result.failed == 0


# -- the auto thresholds are named settings ------------------------------------------------------

def test_detect_settings_are_named_with_the_old_values() -> None:
    assert attrs.asdict(DetectSettings()) == {
        "markdown_min_headings": 2, "markdown_one_heading_below_lines": 20,
        "paragraph_min_median_chars": 40, "blank_after_min_share": 0.6}
    lines = inspect.getsource(DetectSettings).splitlines()
    for field in attrs.fields(DetectSettings):  # each says why it has its value, in #: lines
        at = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{field.name}:"))
        assert lines[at - 1].strip().startswith("#:"), field.name


def test_detect_profile_uses_its_settings() -> None:
    text = next(s for s in SEEDS if s.name.startswith("003")).read_text(encoding="utf-8")
    chosen, m = detect_profile(text)
    assert chosen.name == "hard-wrapped"
    lower = DetectSettings(paragraph_min_median_chars=m["median_line_chars"])
    assert detect_profile(text, lower)[0].name == "plain-paragraphs"
    assert detect_profile(text, DetectSettings())[0] == chosen


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=400))
def test_the_spread_is_the_standard_librarys_population_deviation(values: list[int]) -> None:
    from baokan.profiles.detect import pstdev
    assert pstdev(values) == statistics.pstdev(values)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\u3000", "中文", "一 二", "a"]), max_size=30))
def test_lines_followed_by_one_blank_line_are_counted_as_a_loop_counts_them(
        lines: list[str]) -> None:
    from baokan.profiles.detect import measure
    text = "\n".join(lines)
    lines = text.splitlines()  # (a last blank line is no line)
    expected = sum(1 for i, line in enumerate(lines[:-1]) if line.strip()
                   and not lines[i + 1].strip() and (i + 2 >= len(lines) or lines[i + 2].strip()))
    nonblank = sum(1 for line in lines if line.strip())
    found = measure(text)["single_blank_after_ratio"]
    assert found == expected / max(1, nonblank)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("#中文一二 \t\u3000a\r\x0b\x1c\u2028"),
                        max_size=12), max_size=12))
def test_headings_and_letter_spaced_lines_are_counted_as_a_loop_over_lines_counts_them(
        lines: list[str]) -> None:
    import regex

    from baokan.profiles.detect import measure
    text = "\n".join(lines)
    nonblank = [ln.strip() for ln in text.splitlines() if ln.strip()]
    found = measure(text)
    heading = regex.compile(r"^#{1,6}\s")
    spaced = regex.compile(r"\p{Han} \p{Han} \p{Han} \p{Han}")
    assert found["markdown_headings"] == sum(1 for ln in nonblank if heading.match(ln))
    assert found["letter_spaced_lines"] == sum(1 for ln in nonblank if spaced.search(ln))
