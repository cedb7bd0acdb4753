from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baokan import Article, Byline, Caption, Diagnostic, Dropped, Fragment, Issue, SourceInfo, Subhead

text = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
opt_text = st.none() | text
span = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda t: (min(t), max(t)))

bylines = st.builds(Byline, names=st.lists(text, min_size=1, max_size=3).map(tuple),
                    role=opt_text, organization=opt_text, raw=st.text(max_size=10))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    paragraphs = tuple(draw(st.lists(text, max_size=4)))
    subheads = tuple(draw(st.lists(st.builds(Subhead, text=text,
                                             before=st.integers(0, len(paragraphs))), max_size=2)))
    return Article(headline=draw(opt_text), kicker=draw(opt_text), subtitle=draw(opt_text),
                   column=draw(opt_text), dateline=draw(opt_text),
                   bylines=tuple(draw(st.lists(bylines, max_size=2))), paragraphs=paragraphs,
                   subheads=subheads,
                   captions=tuple(draw(st.lists(st.builds(Caption, text=text, credit=opt_text),
                                                max_size=2))),
                   editor_mark=draw(opt_text), source_lines=draw(span),
                   flags=tuple(draw(st.lists(text, max_size=2))))


issues = st.builds(
    Issue,
    source=st.builds(SourceInfo, encoding=text, confidence=st.floats(0, 1), sha256=text,
                     replacement_chars=st.integers(0, 9), path=opt_text),
    profile=text,
    articles=st.lists(articles(), max_size=3).map(tuple),
    publication=opt_text,
    date=st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    page=opt_text,
    fragments=st.lists(st.builds(Fragment, text=text, source_lines=span), max_size=2).map(tuple),
    dropped=st.lists(st.builds(Dropped, text=st.text(max_size=5), reason=text, source_lines=span),
                     max_size=2).map(tuple),
    diagnostics=st.lists(st.builds(Diagnostic, heuristic=text, action=text, lines=span,
                                   detail=st.text(max_size=5)), max_size=2).map(tuple),
    flags=st.lists(text, max_size=2).map(tuple),
    repairs=st.dictionaries(text, st.integers(0, 99), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(issues)
def test_issue_round_trips_through_json(issue: Issue) -> None:
    data = json.loads(issue.to_json())
    assert Issue.from_dict(data) == issue
    assert data["schema"] == "baokan.issue/1"


def test_contract_keys() -> None:
    issue = Issue(source=SourceInfo(encoding="utf-8", confidence=1.0, sha256="x"), profile="p",
                  articles=(Article(headline="标题", paragraphs=("正文。",)),))
    data = issue.to_dict()
    assert list(data) == ["schema", "publication", "date", "page", "source", "profile",
                          "articles", "fragments", "dropped", "diagnostics", "flags", "repairs"]
    assert list(data["source"]) == ["path", "encoding", "confidence", "sha256", "replacement_chars"]
    assert list(data["articles"][0]) == ["column", "kicker", "headline", "subtitle", "dateline",
                                         "bylines", "paragraphs", "subheads", "captions",
                                         "editor_mark", "source_lines", "flags"]


@pytest.mark.parametrize("make", [
    lambda: Byline(names=()),
    lambda: Byline(names=("  ",)),
    lambda: Article(paragraphs=("正文", "   ")),
    lambda: Article(paragraphs=("一",), subheads=(Subhead("小标题", 2),)),
    lambda: Subhead("x", -1),
    lambda: Caption(" "),
    lambda: Article(source_lines=(5, 2)),
    lambda: SourceInfo(encoding="utf-8", confidence=1.5, sha256=""),
])
def test_validators_reject_nonsense(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_from_dict_rejects_other_schema() -> None:
    with pytest.raises(ValueError, match="schema"):
        Issue.from_dict({"schema": "other"})


def test_conveniences() -> None:
    article = Article(headline="有了医保", paragraphs=("第一段。", "第二段。"),
                      bylines=(Byline(names=("王恬",), role="记者"),))
    issue = Issue(source=SourceInfo(encoding="utf-8", confidence=1.0, sha256="x"), profile="p",
                  articles=(article,))
    assert article.text == "第一段。\n第二段。"
    assert list(issue) == [article]
    assert len(issue) == 1
    assert "有了医保" in repr(article) and "王恬" in repr(article)
    assert "articles=1" in repr(issue)
    with pytest.raises(AttributeError):
        article.headline = "x"  # type: ignore[misc]


def test_block_with_copies_every_field() -> None:
    """``Block.with_`` spells out the fields: a field added later must be copied too."""
    import attrs

    from baokan.core.document import Block, BylineData
    values = {"text": "乙", "start": 3, "end": 4, "kind": "title", "gap_before": 2, "level": 1,
              "article": 5, "bylines": (BylineData(role="记者", names=("王恬",)),),
              "tags": frozenset({"closing"}), "indent": 6}
    assert set(values) == {f.name for f in attrs.fields(Block)}
    block = Block("甲", 1, 1)
    assert attrs.asdict(block.with_(**values), recurse=False) == values
    for name, value in values.items():
        changed = block.with_(**{name: value})
        assert getattr(changed, name) == value
        assert all(getattr(changed, other) == getattr(block, other)
                   for other in values if other != name)
    with pytest.raises(TypeError):
        block.with_(colour="red")
