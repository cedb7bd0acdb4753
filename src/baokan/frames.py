"""Issues as data frames: Arrow tables (the ``parquet`` extra) and pandas (the ``pandas`` extra).

:func:`to_arrow` builds one of two tables from any number of issues:

- ``"articles"`` (the default): a row per article, :meth:`Issue.to_records
  <baokan.Issue.to_records>`'s records, with the issue's metadata in front.  Bylines,
  subheads and captions are Arrow lists of structs, paragraphs and flags lists of
  strings, ``date`` a date.  An issue with no articles keeps one row whose ``index`` is
  null, so that no page drops out of a table.
- ``"issues"``: a row per issue, with what belongs to the page rather than an article:
  the source (encoding, confidence, hash), the number of articles, the page's flags,
  repairs counted per heuristic, and the ``fragments``, ``dropped`` text and
  ``diagnostics`` as lists of structs.

``baokan batch -o OUT.parquet`` writes the ``"articles"`` table of this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from baokan.errors import MissingExtraError
from baokan.models import Issue

Table = Literal["articles", "issues"]
TABLES: tuple[Table, ...] = ("articles", "issues")
"""The tables :func:`to_arrow` and :func:`to_pandas` build."""


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise MissingExtraError("Arrow tables need pyarrow, in the parquet extra: "
                                "pip install 'baokan[parquet]'") from None
    return pyarrow


def article_schema() -> Any:
    """The Arrow schema of the ``"articles"`` table (and of ``baokan batch``'s Parquet)."""
    pa = _pyarrow()
    text = pa.string()
    span = pa.list_(pa.int32())
    return pa.schema([
        ("publication", text), ("date", pa.date32()), ("page", text), ("path", text),
        ("profile", text), ("sha256", text), ("index", pa.int32()),
        ("column", text), ("kicker", text), ("headline", text), ("subtitle", text),
        ("dateline", text),
        ("bylines", pa.list_(pa.struct([("role", text), ("organization", text),
                                        ("names", pa.list_(text)), ("raw", text)]))),
        ("paragraphs", pa.list_(text)),
        ("subheads", pa.list_(pa.struct([("text", text), ("before", pa.int32())]))),
        ("captions", pa.list_(pa.struct([("text", text), ("credit", text)]))),
        ("editor_mark", text), ("source_lines", span), ("flags", pa.list_(text)),
    ])


def issue_schema() -> Any:
    """The Arrow schema of the ``"issues"`` table: a row per issue, its page-level data."""
    pa = _pyarrow()
    text = pa.string()
    span = pa.list_(pa.int32())
    return pa.schema([
        ("publication", text), ("date", pa.date32()), ("page", text), ("path", text),
        ("profile", text), ("sha256", text), ("encoding", text), ("confidence", pa.float64()),
        ("replacement_chars", pa.int32()), ("articles", pa.int32()), ("flags", pa.list_(text)),
        ("repairs", pa.list_(pa.struct([("heuristic", text), ("count", pa.int32())]))),
        ("fragments", pa.list_(pa.struct([("text", text), ("source_lines", span)]))),
        ("dropped", pa.list_(pa.struct([("text", text), ("reason", text),
                                        ("source_lines", span)]))),
        ("diagnostics", pa.list_(pa.struct([("heuristic", text), ("action", text),
                                            ("lines", span), ("detail", text)]))),
    ])


def issue_record(issue: Issue) -> dict[str, Any]:
    """The ``"issues"`` table's row of one issue, as plain Python values."""
    data = issue.to_dict()
    return {"publication": issue.publication, "date": issue.date, "page": issue.page,
            "path": issue.source.path, "profile": issue.profile, "sha256": issue.source.sha256,
            "encoding": issue.source.encoding, "confidence": issue.source.confidence,
            "replacement_chars": issue.source.replacement_chars,
            "articles": len(issue.articles), "flags": list(issue.flags),
            "repairs": [{"heuristic": name, "count": n} for name, n in issue.repairs],
            "fragments": data["fragments"], "dropped": data["dropped"],
            "diagnostics": data["diagnostics"]}


def records_table(records: Iterable[dict[str, Any]], table: Table = "articles") -> Any:
    """An Arrow table of records already made (:meth:`Issue.to_records
    <baokan.Issue.to_records>` for ``"articles"``, :func:`issue_record` for ``"issues"``)."""
    schema = article_schema() if table == "articles" else issue_schema()
    return _pyarrow().Table.from_pylist(list(records), schema=schema)


def to_arrow(issues: Issue | Iterable[Issue], *, table: Table = "articles") -> Any:
    """An Arrow table (:class:`pyarrow.Table`) of ``issues`` (one :class:`~baokan.Issue` or
    any iterable of them, read once): ``table="articles"`` a row per article,
    ``table="issues"`` a row per issue with its page-level data (see the module's text).

    Needs the ``parquet`` extra (pyarrow); without it raises
    :class:`~baokan.errors.MissingExtraError` (an :class:`ImportError`) naming the extra.
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    _pyarrow()  # fail before parsing anything a generator would parse
    many = [issues] if isinstance(issues, Issue) else issues
    if table == "articles":
        return records_table((r for issue in many for r in issue.to_records()), table)
    return records_table((issue_record(issue) for issue in many), table)


def to_pandas(issues: Issue | Iterable[Issue], *, table: Table = "articles") -> Any:
    """:func:`to_arrow`'s table as a :class:`pandas.DataFrame`: nested columns hold lists
    of dicts, ``date`` holds :class:`datetime.date` values.  Needs the ``pandas`` extra."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise MissingExtraError("data frames need pandas and pyarrow, in the pandas extra: "
                                "pip install 'baokan[pandas]'") from None
    return to_arrow(issues, table=table).to_pandas()
