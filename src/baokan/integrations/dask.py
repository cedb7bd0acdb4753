"""Parse an archive on a Dask cluster (the ``dask`` extra).

    >>> from dask.distributed import Client
    >>> import baokan.integrations.dask
    >>> client = Client("tcp://scheduler:8786")          # or Client() on one machine
    >>> articles = baokan.integrations.dask.articles("archive/**/*.txt")
    >>> articles.map(lambda a: a["headline"]).take(3)

Paths are local paths and globs, or fsspec URLs (``s3://bucket/archive/**/*.txt``,
``file:///data/*.txt``; the protocol's fsspec package must be installed on the workers),
whose globs fsspec expands.  A glob that matches no file raises
:class:`~baokan.errors.InputError`, as ``baokan batch`` refuses the same input.

Each partition parses its files with :func:`baokan.parse_file`, which is a pure function
of the file's bytes and its settings, so any worker can run it; nothing is cached in a
module.  A file that fails becomes a record with an ``error`` key instead of stopping the
computation.
"""

from __future__ import annotations

import glob as _glob
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from baokan.api import parse_data
from baokan.errors import BaokanError, InputError, MissingExtraError, NotTextError
from baokan.io.batch import Job, article_rows, parse_one

try:
    import dask.bag as _bag
except ImportError:
    raise MissingExtraError("baokan.integrations.dask needs the dask extra: "
                            "pip install 'baokan[dask]'") from None

__all__ = ["articles", "expand", "issues"]


def _is_url(path: str) -> bool:
    return "://" in path


def _has_magic(path: str) -> bool:
    return any(c in path for c in "*?[")


def _expand_url(url: str) -> list[str]:
    import fsspec  # a dependency of dask[bag]

    fs, _, found = fsspec.core.get_fs_token_paths(url)
    if not _has_magic(url):
        return [url] if fs.isfile(found[0]) else []
    return sorted(fs.unstrip_protocol(p) for p in found if fs.isfile(p))


def expand(paths: str | Sequence[str]) -> list[str]:
    """A glob (``"archive/**/*.txt"``, recursive) or fsspec URL, or a list of them → a
    sorted list of files.  :class:`~baokan.errors.InputError` if a glob or a single path
    or URL matches no file; a path in a list without glob characters is kept as given
    (a missing one becomes a failed record)."""
    items = [paths] if isinstance(paths, str) else list(paths)
    if not items:
        raise InputError("no paths to parse")
    files: list[str] = []
    for item in items:
        if not (_has_magic(item) or isinstance(paths, str)):
            files.append(item)
            continue
        if _is_url(item):
            found = _expand_url(item)
        else:
            found = sorted(p for p in _glob.glob(item, recursive=True) if os.path.isfile(p))
        if not found:
            raise InputError(f"{item}: no files match")
        files.extend(found)
    return files


def _partitions(count: int, files_per_partition: int | None) -> int:
    # ~64 files a partition keeps the per-task overhead small next to ~10 ms a page,
    # and a few partitions per core keep every worker busy
    per = files_per_partition or 64
    return max(1, min(count, -(-count // per)))


def _read_url(path: str) -> bytes:
    import fsspec

    with fsspec.open(path, "rb") as handle:
        data: bytes = handle.read()
    return data


def _url_record(path: str, job: Job) -> dict[str, Any]:
    """Parse a file at an fsspec URL as :func:`~baokan.io.batch.parse_one` parses a local
    one: a record, or ``{"path", "error", "kind"}``."""
    try:
        try:
            data = _read_url(path)
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: cannot be read ({exc})") from None
        issue = parse_data(data, path, profile=job.profile, path_pattern=job.path_pattern,
                           strict=False, explain=False)
        return issue.to_dict()
    except NotTextError as exc:
        return {"path": path, "error": str(exc), "kind": "NotText"}
    except BaokanError as exc:
        return {"path": path, "error": str(exc), "kind": type(exc).__name__}
    except Exception as exc:  # a bug: a record, as in a batch
        return {"path": path, "error": f"{type(exc).__name__}: {exc}", "kind": "bug"}


def _issue_records(paths: Iterable[str], job: Job) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in paths:
        if _is_url(path):
            out.append(_url_record(path, job))
            continue
        outcome = parse_one(path, job)
        if outcome.error is not None:
            out.append({"path": path, "error": outcome.error, "kind": outcome.kind})
        else:
            out.extend(json.loads(line) for line in outcome.lines)
    return out


def issues(paths: str | Sequence[str], *, profile: str = "auto", path_pattern: str | None = None,
           files_per_partition: int | None = None) -> Any:
    """A Dask bag of parsed issues (``Issue.to_dict()`` records), one per file.

    ``paths`` is a glob, an fsspec URL or a list of them (see :func:`expand`); ``profile``
    and ``path_pattern`` are as for :func:`baokan.parse_file`.  Failed files are records
    ``{"path", "error", "kind"}``.
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
