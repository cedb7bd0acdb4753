"""Parse an archive on a Dask cluster (the ``dask`` extra).

    >>> from dask.distributed import Client
    >>> import baokan.integrations.dask
    >>> client = Client("tcp://scheduler:8786")          # or Client() on one machine
    >>> articles = baokan.dask.articles("archive/**/*.txt")
    >>> articles.map(lambda a: a["headline"]).take(3)

Each partition parses its files with :func:`baokan.parse_file`, which is a pure function
of the file's bytes and its settings, so any worker can run it; nothing is cached in a
module.  A file that fails becomes a record with an ``error`` key instead of stopping the
computation.
"""

from __future__ import annotations

import glob as _glob
import os
from collections.abc import Iterable, Sequence
from typing import Any

from baokan.io.batch import Job, article_rows, parse_one

try:
    import dask.bag as _bag
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("baokan.integrations.dask needs the dask extra: pip install 'baokan[dask]'") from exc

__all__ = ["articles", "expand", "issues"]


def expand(paths: str | Sequence[str]) -> list[str]:
    """A glob (``"archive/**/*.txt"``, recursive) or a list of paths → a sorted list of files."""
    if isinstance(paths, str):
        return sorted(p for p in _glob.glob(paths, recursive=True) if os.path.isfile(p))
    return list(paths)


def _partitions(count: int, files_per_partition: int | None) -> int:
    # ~64 files a partition keeps the per-task overhead small next to ~10 ms a page,
    # and a few partitions per core keep every worker busy
    per = files_per_partition or 64
    return max(1, min(count, -(-count // per)))


def _issue_records(paths: Iterable[str], job: Job) -> list[dict[str, Any]]:
    import json

    out: list[dict[str, Any]] = []
    for path in paths:
        outcome = parse_one(path, job)
        if outcome.error is not None:
            out.append({"path": path, "error": outcome.error, "kind": outcome.kind})
        else:
            out.extend(json.loads(line) for line in outcome.lines)
    return out


def issues(paths: str | Sequence[str], *, profile: str = "auto", path_pattern: str | None = None,
           files_per_partition: int | None = None) -> Any:
    """A Dask bag of parsed issues (``Issue.to_dict()`` records), one per file.

    ``paths`` is a glob or a list of paths; ``profile`` and ``path_pattern`` are as for
    :func:`baokan.parse_file`.  Failed files are records ``{"path", "error", "kind"}``.
    """
    files = expand(paths)
    job = Job(profile=profile, path_pattern=path_pattern)
    bag = _bag.from_sequence(  # type: ignore[no-untyped-call]
        files, npartitions=_partitions(len(files), files_per_partition))
    return bag.map_partitions(_issue_records, job)


def articles(paths: str | Sequence[str], *, profile: str = "auto",
             path_pattern: str | None = None, files_per_partition: int | None = None) -> Any:
    """A Dask bag of articles, each a flat record with its issue's metadata (``path``,
    ``publication``, ``date``, ``page``…), as ``baokan batch --per-article`` writes them.
    Failed files are left out; use :func:`issues` to see them."""
    parsed = issues(paths, profile=profile, path_pattern=path_pattern,
                    files_per_partition=files_per_partition)
    return parsed.filter(lambda record: "error" not in record).map(article_rows).flatten()
