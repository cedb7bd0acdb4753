"""Check JSON data against the contract ``baokan.issue/1`` (see ``docs/contract.md``).

    >>> from baokan.contract import contract_problems
    >>> contract_problems(issue.to_dict())
    []

No dependency: the contract is small enough to state as code, and this is the code the
fuzz tests hold every parse to.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any

from baokan.models import SCHEMA

_Check = Callable[[Any], bool]


def _opt_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2 and all(_int(v) for v in value)
            and 0 <= value[0] <= value[1])


def _strs(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _date(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _object(data: Any, fields: Mapping[str, _Check], where: str, problems: list[str]) -> None:
    if not isinstance(data, dict):
        problems.append(f"{where}: not an object")
        return
    missing = set(fields) - set(data)
    extra = set(data) - set(fields)
    problems.extend(f"{where}: missing {name!r}" for name in sorted(missing))
    problems.extend(f"{where}: unknown key {name!r}" for name in sorted(extra))
    for name, check in fields.items():
        if name in data and not check(data[name]):
            problems.append(f"{where}.{name}: bad value {data[name]!r:.60}")


def _list_of(data: Any, fields: Mapping[str, _Check], where: str, problems: list[str]) -> None:
    if not isinstance(data, list):
        problems.append(f"{where}: not a list")
        return
    for i, item in enumerate(data):
        _object(item, fields, f"{where}[{i}]", problems)


_BYLINE = {"role": _opt_str, "organization": _opt_str, "names": _strs,
           "raw": lambda v: isinstance(v, str)}
_SUBHEAD = {"text": lambda v: isinstance(v, str), "before": lambda v: _int(v) and v >= 0}
_CAPTION = {"text": lambda v: isinstance(v, str), "credit": _opt_str}
_TEXT_SPAN = {"text": lambda v: isinstance(v, str), "source_lines": _span}
_DROPPED = {"text": lambda v: isinstance(v, str), "reason": lambda v: isinstance(v, str) and bool(v),
            "source_lines": _span}
_DIAGNOSTIC = {"heuristic": lambda v: isinstance(v, str), "action": lambda v: isinstance(v, str),
               "lines": _span, "detail": lambda v: isinstance(v, str)}
_SOURCE = {"path": _opt_str, "encoding": lambda v: isinstance(v, str),
           "confidence": lambda v: isinstance(v, (int, float)) and 0 <= v <= 1,
           "sha256": lambda v: isinstance(v, str), "replacement_chars": lambda v: _int(v) and v >= 0}
_ARTICLE: dict[str, _Check] = {
    "column": _opt_str, "kicker": _opt_str, "headline": _opt_str, "subtitle": _opt_str,
    "dateline": _opt_str, "bylines": lambda v: isinstance(v, list), "paragraphs": _strs,
    "subheads": lambda v: isinstance(v, list), "captions": lambda v: isinstance(v, list),
    "editor_mark": _opt_str, "source_lines": _span, "flags": _strs,
}
_ISSUE: dict[str, _Check] = {
    "schema": lambda v: v == SCHEMA, "publication": _opt_str, "date": _date, "page": _opt_str,
    "source": lambda v: isinstance(v, dict), "profile": lambda v: isinstance(v, str),
    "articles": lambda v: isinstance(v, list), "fragments": lambda v: isinstance(v, list),
    "dropped": lambda v: isinstance(v, list), "diagnostics": lambda v: isinstance(v, list),
    "flags": _strs,
    "repairs": lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and _int(n) and n >= 0 for k, n in v.items()),
}


def contract_problems(data: Any) -> list[str]:
    """Every way ``data`` (parsed JSON) breaks the contract ``baokan.issue/1``; [] if none."""
    problems: list[str] = []
    _object(data, _ISSUE, "issue", problems)
    if not isinstance(data, dict):
        return problems
    _object(data.get("source"), _SOURCE, "issue.source", problems)
    _list_of(data.get("fragments", []), _TEXT_SPAN, "issue.fragments", problems)
    _list_of(data.get("dropped", []), _DROPPED, "issue.dropped", problems)
    _list_of(data.get("diagnostics", []), _DIAGNOSTIC, "issue.diagnostics", problems)
    articles = data.get("articles", [])
    _list_of(articles, _ARTICLE, "issue.articles", problems)
    for i, article in enumerate(articles if isinstance(articles, list) else []):
        if not isinstance(article, dict):
            continue
        where = f"issue.articles[{i}]"
        _list_of(article.get("bylines", []), _BYLINE, f"{where}.bylines", problems)
        _list_of(article.get("subheads", []), _SUBHEAD, f"{where}.subheads", problems)
        _list_of(article.get("captions", []), _CAPTION, f"{where}.captions", problems)
        paragraphs = article.get("paragraphs")
        for j, sub in enumerate(article.get("subheads") or []):
            if (isinstance(sub, dict) and isinstance(paragraphs, list) and _int(sub.get("before"))
                    and sub["before"] > len(paragraphs)):
                problems.append(f"{where}.subheads[{j}].before: past the last paragraph")
    return problems
