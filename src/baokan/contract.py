"""What the JSON Schema of ``baokan.issue/1`` cannot say, checked as code.

The contract's shape (every key, its type, which values may be null, no other keys) is
``baokan/schema.json`` (:func:`baokan.models.json_schema`); check it with any JSON
Schema validator.  A schema cannot compare two values of a document, and a validator
need not check a ``format``, so three rules are left, and :func:`contract_problems`
checks them:

- a span (``source_lines``, ``lines``) does not end before it begins;
- a subhead stands before a paragraph of its own article (``before`` is at most the
  number of paragraphs);
- ``date`` is a real calendar date (not ``2024-02-30``).

A document keeps the contract when it is valid against the schema and
``contract_problems`` finds nothing::

    >>> import jsonschema
    >>> from baokan.contract import contract_problems
    >>> from baokan.models import json_schema
    >>> data = issue.to_dict()
    >>> jsonschema.validate(data, json_schema())
    >>> contract_problems(data)
    []
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any


def _objects(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The objects in the list ``data[key]``, with their index; nothing where the shape is
    wrong (the schema reports that)."""
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, list):
        yield from ((i, item) for i, item in enumerate(items) if isinstance(item, dict))


def _backwards(span: Any) -> bool:
    return (isinstance(span, list) and len(span) == 2
            and all(isinstance(v, int) for v in span) and span[0] > span[1])


def contract_problems(data: Any) -> list[str]:
    """Every way ``data`` (parsed JSON) breaks a rule of ``baokan.issue/1`` that its JSON
    Schema cannot state; ``[]`` if none.

    Only these rules are checked (see the module's documentation); validate ``data``
    against :func:`baokan.models.json_schema` for the rest.  Parts of ``data`` without
    the contract's shape are skipped, not reported.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        return problems
    date = data.get("date")
    if isinstance(date, str):
        try:
            _dt.date.fromisoformat(date)
        except ValueError:
            problems.append(f"issue.date: not a calendar date: {date!r}")
    spans = [("articles", "source_lines"), ("fragments", "source_lines"),
             ("dropped", "source_lines"), ("diagnostics", "lines")]
    for key, span in spans:
        for i, item in _objects(data, key):
            if _backwards(item.get(span)):
                problems.append(f"issue.{key}[{i}].{span}: ends before it begins: {item[span]!r}")
    for i, article in _objects(data, "articles"):
        paragraphs = article.get("paragraphs")
        if not isinstance(paragraphs, list):
            continue
        for j, subhead in _objects(article, "subheads"):
            before = subhead.get("before")
            if isinstance(before, int) and before > len(paragraphs):
                problems.append(f"issue.articles[{i}].subheads[{j}].before: {before} is past the "
                                f"last paragraph ({len(paragraphs)})")
    return problems
