"""The marks: their declarations, the order check that follows from them, and the debug
mode that holds each heuristic to what it declares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import baokan
from baokan import (
    Block,
    Document,
    Heuristic,
    Kind,
    MarkError,
    NoSettings,
    Profile,
    ProfileError,
    Stage,
    Tag,
    UndeclaredMarkError,
    UnknownMarkError,
    get_profile,
    heuristic,
)
from baokan.core import marks
from baokan.core.pipeline import Step, run
from baokan.core.registry import REGISTRY
from baokan.core.watch import ENV_VAR, debug_marks_enabled

from .conftest import SEEDS

SHOUTED = baokan.declare_mark("test:shouted", marks.TAG, "a paragraph in capitals (a test)")

# -- the declarations


def test_kind_is_the_same_wherever_it_is_imported() -> None:
    from baokan.core.document import Kind as DocumentKind

    assert DocumentKind is Kind is marks.Kind
    assert Kind.PARAGRAPH == "paragraph" and type(Kind.PARAGRAPH) is str
    assert {"text", "paragraph"} == Kind.BODY


@pytest.mark.parametrize("namespace, category", [
    (marks.Stage, marks.STAGE), (marks.Kind, marks.KIND), (marks.Tag, marks.TAG),
    (marks.ArticleFlag, marks.ARTICLE_FLAG), (marks.DocumentFlag, marks.DOCUMENT_FLAG)])
def test_every_constant_is_a_declared_mark_with_a_meaning(namespace: type, category: str) -> None:
    names = [v for k, v in vars(namespace).items() if k.isupper() and isinstance(v, str)]
    assert names
    for name in names:
        mark = baokan.get_mark(name)
        assert mark.category == category and mark.meaning and str(mark) == name
    assert {m.name for m in baokan.declared_marks(category)} >= set(names)


def test_article_flags_reach_the_article_without_their_prefix() -> None:
    for mark in baokan.declared_marks(marks.ARTICLE_FLAG):
        assert mark.name.startswith(marks.FLAG_PREFIX)


def test_declare_mark() -> None:
    mark = SHOUTED
    assert baokan.get_mark("test:shouted") is mark
    # declaring it again alike is harmless (a module imported twice) ...
    assert baokan.declare_mark("test:shouted", marks.TAG, "a paragraph in capitals (a test)") is mark
    # ... otherwise is not
    with pytest.raises(MarkError, match="already declared"):
        baokan.declare_mark("test:shouted", marks.KIND, "something else")
    with pytest.raises(MarkError, match="already declared"):
        baokan.declare_mark("paragraph", marks.TAG, "a tag named like a kind")
    with pytest.raises(MarkError, match="no category"):
        baokan.declare_mark("test:odd", "colour", "no such category")
    with pytest.raises(MarkError, match="flag:"):
        baokan.declare_mark("test:flag", marks.ARTICLE_FLAG, "an article flag needs the prefix")
    with pytest.raises(MarkError, match="flag:"):
        baokan.declare_mark("flag:test", marks.TAG, "only article flags take the prefix")
    with pytest.raises(UnknownMarkError, match="declare_mark"):
        baokan.get_mark("test:never-declared")


@pytest.fixture
def scratch() -> Iterator[list[str]]:
    names: list[str] = []
    yield names
    for name in names:
        REGISTRY.remove(name)


def test_a_heuristic_that_names_an_undeclared_mark_raises_when_registered(
        scratch: list[str]) -> None:
    for role in ("requires", "reads", "accepts", "provides"):
        with pytest.raises(UnknownMarkError, match=r"test-undeclared.*test:never-declared"):
            heuristic("test-undeclared", **{role: {"test:never-declared"}})(_identity)
        with pytest.raises(UnknownMarkError, match="test:never-declared"):
            Heuristic("test-undeclared", _identity, "direct", **{role: {"test:never-declared"}})
    assert "test-undeclared" not in REGISTRY.names()


def test_names_and_marks_are_resolved_alike(scratch: list[str]) -> None:
    heuristic("test-resolved", requires={Stage.PARAGRAPHS},
              reads={baokan.get_mark(Kind.TITLE)}, provides="test:shouted")(_identity)
    scratch.append("test-resolved")
    found = baokan.get_heuristic("test-resolved")
    assert found.requires == {baokan.get_mark("paragraphs")}
    assert found.reads == {baokan.get_mark("title")}
    assert found.provides == {baokan.get_mark("test:shouted")}


def test_builtin_heuristics_name_declared_marks_only() -> None:
    declared = set(baokan.declared_marks())
    for h in baokan.available_heuristics():
        assert h.declared <= declared, h.name
        assert h.provides, f"{h.name} provides nothing"


# -- the order


def test_every_builtin_profile_builds() -> None:
    for name in baokan.profile_names():
        assert get_profile(name).build()


@pytest.mark.parametrize("profile", sorted(baokan.BUILTIN_PROFILES))
@pytest.mark.parametrize("moved, mark", [
    ("find-bylines", "affiliation"),  # and the other byline marks join-lines reads
    ("strip-garbage", "garbage_boundary"),
    ("page-furniture", "editor_mark"),
])
def test_moving_a_provider_after_join_lines_is_rejected(profile: str, moved: str, mark: str) -> None:
    edited = get_profile(profile).remove(moved).after("join-lines", moved)
    with pytest.raises(ProfileError, match=rf"'join-lines' reads the \w+ '{mark}', which '{moved}'"):
        edited.build()


def test_a_profile_may_leave_out_what_is_only_read() -> None:
    Profile.from_names(["join-lines"]).build()
    Profile.from_names(["strip-garbage", "find-bylines", "join-lines", "find-titles",
                        "segment-articles"]).build()
    # without page-furniture nothing provides editor marks: join-lines reads none
    get_profile("hard-wrapped").remove("page-furniture").build()


def test_a_missing_requirement_names_who_provides_it() -> None:
    with pytest.raises(ProfileError, match=r"'segment-articles' requires .*'titles'.*'find-titles'"):
        Profile.from_names(["find-bylines", "join-lines", "segment-articles", "find-titles"]).build()


def test_a_heuristic_may_read_what_it_provides(scratch: list[str]) -> None:
    heuristic("test-self", reads={"test:shouted"}, provides={"test:shouted"})(_identity)
    scratch.append("test-self")
    Profile.from_names(["test-self"]).build()


def test_a_plugin_read_is_checked_against_the_builtins(scratch: list[str]) -> None:
    heuristic("test-reads-bylines", reads={Kind.BYLINE}, provides={"test:shouted"})(_identity)
    scratch.append("test-reads-bylines")
    get_profile("plain-paragraphs").after("find-bylines", "test-reads-bylines").build()
    with pytest.raises(ProfileError, match="'test-reads-bylines' reads the kind 'byline'"):
        get_profile("plain-paragraphs").before("find-bylines", "test-reads-bylines").build()


# -- the debug mode

ANY = Document.from_text("第一行\n\n第二行\n第三行\n")
MARKED = Document(blocks=(
    Block("标题", 1, 1, kind=Kind.TITLE),
    Block("正文，", 2, 2, kind=Kind.PARAGRAPH, tags=frozenset({Tag.STARTS_CONTINUED})),
    Block("（记者 王恬）", 3, 3, kind=Kind.BYLINE, tags=frozenset({Tag.CLOSING})),
))


def _identity(doc: Document, settings: NoSettings) -> Document:
    return doc


def _run(func: Callable[[Document, NoSettings], Document], doc: Document = MARKED, *,
         debug: bool = True, **declared: object) -> Document:
    h = Heuristic("test-plugin", func, "a plug-in under test", **declared)
    return run(doc, [Step(h, NoSettings())], debug_marks=debug)


def _tag_every_block(doc: Document, settings: NoSettings) -> Document:
    return doc.replace_blocks(b.tagged("test:shouted") for b in doc.blocks)


def test_an_undeclared_write_fails_in_debug_mode_only() -> None:
    with pytest.raises(UndeclaredMarkError, match="'test-plugin' wrote the tag 'test:shouted'"):
        _run(_tag_every_block)
    assert all("test:shouted" in b.tags for b in _run(_tag_every_block, debug=False).blocks)
    out = _run(_tag_every_block, provides={"test:shouted"})
    assert all("test:shouted" in b.tags for b in out.blocks)


def test_writing_an_unknown_string_names_it() -> None:
    def tag(doc: Document, settings: NoSettings) -> Document:
        return doc.replace_blocks(b.tagged("test:nobody-declared-me") for b in doc.blocks)

    with pytest.raises(UndeclaredMarkError, match=r"'test:nobody-declared-me' \(not a declared mark"):
        _run(tag)


@pytest.mark.parametrize("write, mark", [
    (lambda b: b.with_(kind=Kind.CAPTION), "the kind 'caption'"),
    (lambda b: b.with_(level=2), "the stage 'headings'"),
    (lambda b: b.with_(article=0), "the stage 'articles'"),
    (lambda b: b.tagged("flag:photo"), "the article-flag 'flag:photo'"),
])
def test_undeclared_writes_of_every_sort_fail(write: Callable[[Block], Block], mark: str) -> None:
    def change(doc: Document, settings: NoSettings) -> Document:
        return doc.replace_blocks(write(b) for b in doc.blocks)

    with pytest.raises(UndeclaredMarkError, match=mark):
        _run(change, ANY)


def test_an_undeclared_document_flag_fails() -> None:
    def flag(doc: Document, settings: NoSettings) -> Document:
        return doc.flag("not_text")

    with pytest.raises(UndeclaredMarkError, match="wrote the document-flag 'not_text' on the document"):
        _run(flag)
    assert "not_text" in _run(flag, provides={"not_text"}).flags


def test_a_mark_carried_to_other_lines_is_a_write() -> None:
    """Passing a block's marks on is no write; putting one on lines that did not carry it is."""
    def move_closing(doc: Document, settings: NoSettings) -> Document:
        first, *rest = doc.blocks
        return doc.replace_blocks([first.tagged(Tag.CLOSING), *rest])

    with pytest.raises(UndeclaredMarkError, match="wrote the tag 'closing' on lines 1-1"):
        _run(move_closing)

    def join_all(doc: Document, settings: NoSettings) -> Document:
        tags = frozenset().union(*(b.tags for b in doc.blocks))
        return doc.replace_blocks([Block("".join(b.text for b in doc.blocks), 1, 3,
                                         kind=Kind.TITLE, tags=tags)])

    assert _run(join_all).blocks[0].tags == {Tag.STARTS_CONTINUED, Tag.CLOSING}


READS: list[tuple[str, Callable[[Block], object]]] = [
    ("in tags", lambda b: "test:shouted" in b.tags),
    ("not in tags", lambda b: "test:shouted" not in b.tags),
    ("frozenset & tags", lambda b: frozenset({"test:shouted"}) & b.tags),
    ("tags & set", lambda b: b.tags & {"test:shouted"}),
    ("tags - set", lambda b: b.tags - {"test:shouted"}),
    ("isdisjoint", lambda b: b.tags.isdisjoint({"test:shouted"})),
    ("a union looked up", lambda b: "test:shouted" in (b.tags | {"x"})),
    ("kind ==", lambda b: b.kind == "test:shouted"),
    ("== kind", lambda b: "test:shouted" == b.kind),  # noqa: SIM300  (the constant on the left)
    ("kind !=", lambda b: b.kind != "test:shouted"),
    ("kind in tuple", lambda b: b.kind in ("test:shouted",)),
]


@pytest.mark.parametrize("how, read", READS, ids=[r[0] for r in READS])
def test_an_undeclared_read_fails(how: str, read: Callable[[Block], object]) -> None:
    def look(doc: Document, settings: NoSettings) -> Document:
        for block in doc.blocks:
            read(block)
        return doc

    with pytest.raises(UndeclaredMarkError, match="'test-plugin' read the tag 'test:shouted'"):
        _run(look)
    _run(look, debug=False)
    for role in ("requires", "reads", "accepts", "provides"):
        _run(look, **{role: {"test:shouted"}})


def test_reading_a_kind_through_a_set_of_kinds() -> None:
    def body_only(doc: Document, settings: NoSettings) -> Document:
        return doc.replace_blocks(b for b in doc.blocks if b.kind in Kind.BODY)

    # only the kinds the set holds that a block has are seen: a set look-up compares
    # nothing else
    with pytest.raises(UndeclaredMarkError, match="read the kind 'paragraph'"):
        _run(body_only)
    assert len(_run(body_only, reads={Kind.PARAGRAPH}).blocks) == 1


def test_reading_through_opens_and_closes_article() -> None:
    def closes(doc: Document, settings: NoSettings) -> Document:
        assert [b.closes_article for b in doc.blocks] == [False, False, True]
        return doc

    with pytest.raises(UndeclaredMarkError, match=r"'byline', .*'closing', .*'editor_mark'"):
        _run(closes)
    _run(closes, reads={Kind.BYLINE, Kind.EDITOR_MARK, Tag.CLOSING, Tag.AFFILIATION})


def test_debug_mode_fails_even_when_not_strict() -> None:
    h = Heuristic("test-plugin", _tag_every_block, "a plug-in under test")
    with pytest.raises(UndeclaredMarkError):
        run(ANY, [Step(h, NoSettings())], strict=False, debug_marks=True)


def test_the_environment_switches_debug_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    h = Heuristic("test-plugin", _tag_every_block, "a plug-in under test")
    for value, on in (("1", True), ("yes", True), ("0", False), ("", False), ("off", False)):
        monkeypatch.setenv(ENV_VAR, value)
        assert debug_marks_enabled() is on
        if on:
            with pytest.raises(UndeclaredMarkError):
                run(ANY, [Step(h, NoSettings())])
            with pytest.raises(UndeclaredMarkError):
                h(ANY)
        else:
            run(ANY, [Step(h, NoSettings())])
            h(ANY)
    monkeypatch.delenv(ENV_VAR)
    assert not debug_marks_enabled()


def test_a_plugin_in_a_profile_is_held_to_its_declaration(scratch: list[str]) -> None:
    @attrs.frozen
    class Settings:
        """No settings."""

    def shout(doc: Document, settings: Settings) -> Document:
        return doc.replace_blocks(b.tagged("test:shouted") if b.kind == Kind.PARAGRAPH else b
                                  for b in doc.blocks)

    text = "标题一行\n\n本报讯 通讯员刘倚帆报道:3月4日，咸安区开展整治行动。\n"
    heuristic("test-shout-undeclared", settings=Settings, requires={Stage.PARAGRAPHS})(shout)
    heuristic("test-shout", settings=Settings, requires={Stage.PARAGRAPHS},
              reads={Kind.PARAGRAPH}, provides={"test:shouted"})(shout)
    scratch.extend(["test-shout-undeclared", "test-shout"])
    base = get_profile("plain-paragraphs")
    with pytest.raises(UndeclaredMarkError, match="'test-shout-undeclared' read the kind 'paragraph'"):
        baokan.parse(text, profile=base.after("find-titles", "test-shout-undeclared"))
    issue = baokan.parse(text, profile=base.after("find-titles", "test-shout"))
    assert issue.articles


# -- the built-in heuristics keep to their declarations


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_builtin_profiles_keep_to_their_marks_on_the_seeds(path: Path) -> None:
    """Every built-in profile over every seed, in debug mode: no heuristic reads or writes
    a mark it does not declare, and the debug mode changes nothing in the output."""
    text = path.read_text(encoding="utf-8")
    for name in baokan.profile_names():
        steps = get_profile(name).build()
        doc = Document.from_text(text)
        assert run(doc, steps, debug_marks=True) == run(doc, steps, debug_marks=False)


# -- the documentation

_TITLES = {marks.STAGE: "Stages", marks.KIND: "Kinds (`Kind`)", marks.TAG: "Tags (`Tag`)",
           marks.ARTICLE_FLAG: "Article flags (`ArticleFlag`)",
           marks.DOCUMENT_FLAG: "Document flags (`DocumentFlag`)"}
_NAMESPACES = (marks.Stage, marks.Kind, marks.Tag, marks.ArticleFlag, marks.DocumentFlag)


def builtin_mark_tables() -> str:
    """The tables of docs/marks.md, as the declarations make them."""
    from baokan.core.registry import BASE_PROVIDES

    steps = [baokan.get_heuristic(n) for n in get_profile("markdown").names]
    constants = {value: f"{ns.__name__}.{key}" for ns in _NAMESPACES
                 for key, value in vars(ns).items() if key.isupper() and isinstance(value, str)}
    out: list[str] = []
    for category in marks.CATEGORIES:
        out += [f"### {_TITLES[category]}", "", "| mark | constant | meaning | provided by | read by |",
                "| --- | --- | --- | --- | --- |"]
        for mark in baokan.declared_marks(category):
            if mark.name not in constants:
                continue  # declared by a test or a plug-in
            providers = ["(every document)"] if mark in BASE_PROVIDES else []
            providers += [f"`{h.name}`" for h in steps if mark in h.provides]
            readers = [f"`{h.name}`" for h in steps if mark in h.requires | h.reads]
            out.append(f"| `{mark.name}` | `{constants[mark.name]}` | {mark.meaning} | "
                       f"{', '.join(providers) or '—'} | {', '.join(readers) or '—'} |")
        out.append("")
    return "\n".join(out)


def test_the_docs_list_every_builtin_mark_as_declared() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "marks.md").read_text(encoding="utf-8")
    tables = docs[docs.index("### Stages"):]
    expected = builtin_mark_tables()
    assert tables.strip() == expected.strip(), (
        "docs/marks.md is out of step with the declarations; its tables should read:\n\n"
        + expected)
