"""The contract ``baokan.issue/1`` is written once: the models, the cattrs converter that
writes and reads them, and ``schema.json``.  These tests hold the three together: every
parse validates and reads back; the schema names exactly the models' keys, in the order
they are written, with null where a field may be None; invalid documents are rejected;
the Parquet columns of a batch cover exactly an article's keys."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import attrs
import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

import baokan
from baokan import Article, Byline, Caption, Diagnostic, Dropped, Fragment, Issue, SourceInfo, Subhead
from baokan.contract import contract_problems
from baokan.models import SCHEMA

from .contract_check import SCHEMA as JSON_SCHEMA
from .contract_check import VALIDATOR, contract_errors
from .test_models import issues

FULL = Issue(
    source=SourceInfo(encoding="gb18030", confidence=0.9, sha256="ab", replacement_chars=2,
                      path="a/b.txt"),
    profile="hard-wrapped",
    articles=(Article(headline="有了医保", kicker="我市——", subtitle="——访谈", column="民生",
                      dateline="本报讯",
                      bylines=(Byline(names=("王恬",), role="记者", organization="本报",
                                      raw="本报记者 王恬"),),
                      paragraphs=("第一段。", "第二段。"), subheads=(Subhead("小标题", 1),),
                      captions=(Caption("学生献花。", credit="李杰"),), editor_mark="②27",
                      source_lines=(3, 9), flags=("photo",)),
              Article(paragraphs=("只有正文。",))),
    publication="咸宁日报", date=dt.date(2024, 11, 16), page="A3",
    fragments=(Fragment("区还是通山山村", (10, 10)),),
    dropped=(Dropped("U+FFFD×6", "garbage", (2, 2)),),
    diagnostics=(Diagnostic("join-lines", "joined", (4, 5), "2 lines"),),
    flags=("not_text",), repairs={"repair-mojibake": 3, "join-lines": 1},
)

# the JSON Schema definition of each model
DEFS: dict[type, str] = {Byline: "byline", Subhead: "subhead", Caption: "caption",
                         Diagnostic: "diagnostic", Fragment: "fragment", Dropped: "dropped",
                         SourceInfo: "source", Article: "article"}


def definition(cls: type) -> dict[str, Any]:
    found: dict[str, Any] = JSON_SCHEMA if cls is Issue else JSON_SCHEMA["$defs"][DEFS[cls]]
    return found


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """A property's schema with a local ``$ref`` followed."""
    if "$ref" in node:
        target: dict[str, Any] = JSON_SCHEMA["$defs"][node["$ref"].removeprefix("#/$defs/")]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def sample(cls: type) -> dict[str, Any]:
    """The JSON object of one instance of ``cls`` in FULL."""
    data = FULL.to_dict()
    article = data["articles"][0]
    found: dict[str, Any] = {
        Issue: data, SourceInfo: data["source"], Article: article,
        Byline: article["bylines"][0], Subhead: article["subheads"][0],
        Caption: article["captions"][0], Fragment: data["fragments"][0],
        Dropped: data["dropped"][0], Diagnostic: data["diagnostics"][0]}[cls]
    return found


def test_schema_is_a_valid_draft_2020_12_schema_shipped_in_the_package() -> None:
    Draft202012Validator.check_schema(JSON_SCHEMA)
    shipped = resources.files("baokan").joinpath("schema.json")
    assert json.loads(shipped.read_text(encoding="utf-8")) == JSON_SCHEMA
    assert JSON_SCHEMA["title"] == SCHEMA
    assert JSON_SCHEMA["properties"]["schema"] == {"const": SCHEMA, **{
        k: v for k, v in JSON_SCHEMA["properties"]["schema"].items() if k != "const"}}


def test_every_seed_parse_keeps_the_contract_and_reads_back(seed: Path) -> None:
    issue = baokan.parse_file(seed)
    data = json.loads(issue.to_json())
    assert contract_errors(data) == []
    assert Issue.from_dict(issue.to_dict()) == issue
    assert Issue.from_json(issue.to_json()) == issue


@settings(max_examples=150, deadline=None)
@given(issues)
def test_every_issue_the_models_allow_keeps_the_contract(issue: Issue) -> None:
    assert contract_errors(json.loads(issue.to_json())) == []


def test_a_full_issue_keeps_the_contract() -> None:
    assert contract_errors(json.loads(FULL.to_json())) == []
    assert Issue.from_json(FULL.to_json()) == FULL


@pytest.mark.parametrize("cls", [Issue, *DEFS], ids=lambda c: c.__name__)
def test_schema_describes_each_model_exactly(cls: type) -> None:
    """Keys in the order ``to_dict`` writes them, all required, no others; null allowed
    exactly where the field may be None."""
    node = definition(cls)
    keys = list(sample(cls))
    assert list(node["properties"]) == keys
    assert node["required"] == keys
    assert node["additionalProperties"] is False
    fields = attrs.fields_dict(attrs.resolve_types(cls))
    assert [k for k in keys if k != "schema"] == [k for k in keys if k in fields]
    assert set(fields) == set(keys) - {"schema"}
    for name, field in fields.items():
        prop = resolve(node["properties"][name])
        types = prop.get("type", [])
        nullable = "null" in (types if isinstance(types, list) else [types])
        assert nullable == (type(None) in get_args(field.type)), name


Mutation = Callable[[dict[str, Any]], object]

INVALID: dict[str, Mutation] = {
    "another schema": lambda d: d.update(schema="baokan.issue/2"),
    "a missing key": lambda d: d.pop("repairs"),
    "an unknown key": lambda d: d.update(extra=1),
    "an unknown article key": lambda d: d["articles"][0].update(body="x"),
    "null profile": lambda d: d.update(profile=None),
    "a date in another form": lambda d: d.update(date="2024/11/16"),
    "no such date": lambda d: d.update(date="2024-02-30"),
    "a span of three": lambda d: d["articles"][0].update(source_lines=[1, 2, 3]),
    "a negative line": lambda d: d["fragments"][0].update(source_lines=[-1, 2]),
    "a span of strings": lambda d: d["dropped"][0].update(source_lines=["1", "2"]),
    "confidence above 1": lambda d: d["source"].update(confidence=1.5),
    "a blank paragraph": lambda d: d["articles"][0]["paragraphs"].append(" \u3000"),
    "a byline without names": lambda d: d["articles"][0]["bylines"][0].update(names=[]),
    "a blank role": lambda d: d["articles"][0]["bylines"][0].update(role=""),
    "a negative subhead index": lambda d: d["articles"][0]["subheads"][0].update(before=-1),
    "a caption without text": lambda d: d["articles"][0]["captions"][0].pop("text"),
    "a negative repair count": lambda d: d["repairs"].update(x=-1),
    "a boolean count": lambda d: d["source"].update(replacement_chars=True),
    "flags as one string": lambda d: d.update(flags="binary"),
    "an article that is a string": lambda d: d["articles"].append("正文"),
}


@pytest.mark.parametrize("mutate", INVALID.values(), ids=INVALID.keys())
def test_the_schema_rejects_invalid_documents(mutate: Mutation) -> None:
    data = FULL.to_dict()
    mutate(data)
    assert not VALIDATOR.is_valid(data)


BEYOND_SCHEMA: dict[str, tuple[Mutation, str]] = {
    "a span that ends before it begins":
        (lambda d: d["articles"][0].update(source_lines=[9, 3]), "articles[0].source_lines"),
    "diagnostic lines backwards": (lambda d: d["diagnostics"][0].update(lines=[5, 4]),
                                   "diagnostics[0].lines"),
    "a subhead past the last paragraph":
        (lambda d: d["articles"][0]["subheads"][0].update(before=3), "subheads[0].before"),
    "no such date": (lambda d: d.update(date="2023-02-29"), "issue.date"),
}


@pytest.mark.parametrize("case", BEYOND_SCHEMA.values(), ids=BEYOND_SCHEMA.keys())
def test_contract_problems_finds_what_the_schema_cannot_say(case: tuple[Mutation, str]) -> None:
    mutate, where = case
    data = FULL.to_dict()
    mutate(data)
    assert Draft202012Validator(JSON_SCHEMA).is_valid(data)  # no format checking: valid
    problems = contract_problems(data)
    assert len(problems) == 1 and where in problems[0]
    with pytest.raises(ValueError):
        Issue.from_dict(data)  # and the models refuse it too


@pytest.mark.parametrize("data", [None, [], "x", {}, {"articles": "x"},
                                  {"articles": [1, {"subheads": 3, "paragraphs": 2}]},
                                  {"articles": [{"subheads": [{"before": "9"}], "paragraphs": []}]},
                                  {"date": 20240101, "fragments": [{"source_lines": [1]}]}])
def test_contract_problems_skips_what_has_not_the_contracts_shape(data: Any) -> None:
    assert contract_problems(copy.deepcopy(data)) == []


def test_from_dict_reads_leniently_as_it_always_did() -> None:
    """Missing, null or empty values of fields with defaults take the default; values go
    through str/int/float; other keys are ignored; a date may be a date."""
    source = {"encoding": "utf-8", "confidence": "1", "sha256": "x", "replacement_chars": "0"}
    issue = Issue.from_dict({"schema": SCHEMA, "source": source, "profile": "p", "articles": None,
                             "date": "2024-11-16", "repairs": {"b": "2", "a": 1}, "other": 1})
    assert issue == Issue(source=SourceInfo(encoding="utf-8", confidence=1.0, sha256="x"),
                          profile="p", date=dt.date(2024, 11, 16), repairs=(("a", 1), ("b", 2)))
    assert Issue.from_dict({**issue.to_dict(), "date": dt.date(2024, 11, 16)}) == issue
    assert Article.from_dict({}) == Article()
    assert Article.from_dict({"source_lines": None, "flags": [], "headline": 7}) == Article(headline="7")
    assert Byline.from_dict({"names": ["王恬"], "raw": None}) == Byline(names=("王恬",))
    assert Subhead.from_dict({"text": "小", "before": "1"}) == Subhead("小", 1)
    assert Diagnostic.from_dict({"heuristic": "h", "action": "a", "lines": (1, 2)}) == \
        Diagnostic("h", "a", (1, 2))


@pytest.mark.parametrize(("read", "error"), [
    (lambda: Byline.from_dict({"names": []}), ValueError),  # the validators still run
    (lambda: Article.from_dict({"paragraphs": ["一"], "subheads": [{"text": "小", "before": 2}]}),
     ValueError),
    (lambda: Fragment.from_dict({"text": "x", "source_lines": [3, 1]}), ValueError),
    (lambda: Fragment.from_dict({"text": "x", "source_lines": [1, 2, 3]}), ValueError),
    (lambda: Caption.from_dict({"credit": "李杰"}), KeyError),  # a required key is missing
    (lambda: Issue.from_dict({"schema": SCHEMA, "profile": "p"}), KeyError),
    (lambda: Issue.from_dict({"profile": "p"}), ValueError),  # no schema
    (lambda: Article.from_dict({"bylines": ["王恬"]}), TypeError),  # not an object
    (lambda: Dropped.from_dict(["x", "garbage", [1, 1]]), TypeError),  # type: ignore[arg-type]
])
def test_from_dict_rejects_what_it_always_rejected(read: Callable[[], object],
                                                    error: type[Exception]) -> None:
    with pytest.raises(error):
        read()


def test_arrow_columns_are_an_articles_keys_after_its_issues() -> None:
    """``frames.article_schema`` is written by hand: it must name the keys of
    ``Issue.to_records``, with the Arrow type the JSON Schema gives each article key
    (objects as structs of their keys, spans and strings as lists)."""
    pa = pytest.importorskip("pyarrow")
    from baokan.frames import article_schema

    arrow = article_schema()
    assert arrow.names == list(FULL.to_records()[0])
    article = JSON_SCHEMA["$defs"]["article"]["properties"]
    assert arrow.names[-len(article):] == list(article)

    def expected(prop: dict[str, Any]) -> Any:
        prop = resolve(prop)
        if prop.get("prefixItems"):  # a span
            return pa.list_(pa.int32())
        types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        if "array" in types:
            return pa.list_(expected(prop["items"]))
        if "object" in types:
            return pa.struct([(k, expected(v)) for k, v in prop["properties"].items()])
        if "integer" in types:
            return pa.int32()
        assert "string" in types
        return pa.string()

    for name, prop in article.items():
        assert arrow.field(name).type == expected(prop), name
    meta = JSON_SCHEMA["properties"]
    for name in ("publication", "page", "profile"):
        assert "string" in meta[name]["type"] and arrow.field(name).type == pa.string()
    assert arrow.field("date").type == pa.date32()
    assert arrow.field("index").type == pa.int32()
