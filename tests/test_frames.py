"""baokan.to_arrow / to_pandas: nested columns, dates as dates, no issue lost."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

import baokan
from baokan import Issue, MissingExtraError, SourceInfo

from .conftest import SEEDS
from .test_views import ISSUE

pa = pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")

EMPTY = Issue(source=SourceInfo(encoding="utf-8", confidence=1.0, sha256="0" * 64, path="blank.txt"),
              profile="markdown", flags=("not_text",))


def test_articles_table_has_nested_columns_and_dates() -> None:
    table = baokan.to_arrow([ISSUE, EMPTY])
    assert table.num_rows == 3  # two articles, and the issue without any
    assert table.schema.field("date").type == pa.date32()
    bylines = table.schema.field("bylines").type
    assert pa.types.is_list(bylines) and pa.types.is_struct(bylines.value_type)
    assert pa.types.is_struct(table.schema.field("captions").type.value_type)
    assert pa.types.is_struct(table.schema.field("subheads").type.value_type)
    rows = table.to_pylist()
    assert rows[0]["date"] == dt.date(2024, 8, 9)
    assert rows[0]["bylines"] == [{"role": "记者", "organization": "本报", "names": ["王恬", "李杰"],
                                   "raw": ""}]
    assert rows[0]["subheads"] == [{"text": "小标题", "before": 1}]
    assert rows[2]["path"] == "blank.txt" and rows[2]["index"] is None
    assert baokan.to_arrow(ISSUE).num_rows == 2  # one Issue alone


def test_issues_table_holds_the_page_level_data() -> None:
    issue = baokan.parse_file(SEEDS[0])
    table = baokan.to_arrow(iter([issue, EMPTY]), table="issues")
    rows = table.to_pylist()
    assert [r["articles"] for r in rows] == [len(issue.articles), 0]
    assert rows[1]["flags"] == ["not_text"]
    assert len(rows[0]["dropped"]) == len(issue.dropped)
    assert len(rows[0]["diagnostics"]) == len(issue.diagnostics)
    assert rows[0]["repairs"] == [{"heuristic": k, "count": n} for k, n in issue.repairs]
    frags = baokan.to_arrow(ISSUE, table="issues").to_pylist()[0]["fragments"]
    assert frags == [{"text": "孤立的文字", "source_lines": [9, 9]}]
    with pytest.raises(ValueError, match="articles, issues"):
        baokan.to_arrow(ISSUE, table="pages")  # type: ignore[arg-type]


def test_to_pandas() -> None:
    pytest.importorskip("pandas", reason="the pandas extra is not installed")
    frame = baokan.to_pandas([baokan.parse_file(s) for s in SEEDS[:2]] + [EMPTY])
    assert len(frame) == sum(len(baokan.parse_file(s)) for s in SEEDS[:2]) + 1
    assert isinstance(frame["bylines"].iloc[0][0], dict)
    assert frame["path"].iloc[-1] == "blank.txt"


def test_without_the_extras_the_error_names_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'baokan\[pandas\]'"):
        baokan.to_pandas(ISSUE)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'baokan\[parquet\]'"):
        baokan.to_arrow(ISSUE)
