"""Parse many dumps: find the inputs, parse them on a process pool, stream the results out.

:func:`run_batch` is what ``baokan batch`` runs.  Results are written as they finish, to
``OUT.partial``, which is renamed to ``OUT`` only when every input has been tried: an
interrupted run leaves ``OUT.partial`` (which no one takes for a finished file) and
``--resume`` carries on from it.  A file that fails is logged with its reason and the
run goes on.  Memory stays flat: at most a few results per worker are in flight.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from baokan.api import parse_file
from baokan.errors import BaokanError, InputError, NotTextError
from baokan.frames import records_table
from baokan.io.files import output_folder, write_atomic
from baokan.io.paths import PathPattern
from baokan.profiles import Profile

DEFAULT_GLOBS = ("*.txt", "*.md")


def find_inputs(inputs: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> list[str]:
    """The files to parse: files as given, directories searched recursively for ``globs``,
    and ``@LIST`` files read as one path a line.  Sorted within each directory, without
    repeats.  InputError if an input does not exist or nothing is found."""
    found: dict[str, None] = {}
    for item in inputs:
        if item.startswith("@"):
            listing = Path(item[1:])
            try:
                lines = listing.read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise InputError(f"{listing}: cannot read the list of paths "
                                 f"({exc.strerror or exc})") from None
            found.update((line.strip(), None) for line in lines if line.strip())
            continue
        path = Path(item)
        if path.is_dir():
            matches = sorted({str(p) for pattern in globs for p in path.rglob(pattern)
                              if p.is_file()})
            if not matches:
                raise InputError(f"{path}: no files matching {' or '.join(globs)} in this folder")
            found.update((m, None) for m in matches)
        elif path.exists():
            found[str(path)] = None
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        raise InputError("no inputs to parse")
    return list(found)


@attrs.frozen
class Job:
    """What every worker needs to parse one file (picklable).

    ``profile`` is ``"auto"``, a profile name, or a :class:`~baokan.profiles.Profile`
    (one read from a file travels to the workers whole, not as a path to read again).
    """

    profile: str | Profile = "auto"
    path_pattern: str | None = None
    per_article: bool = False
    columns: bool = False  # rows for Parquet instead of JSON lines


@attrs.frozen
class Outcome:
    """The result of one input: JSON lines or rows, or the reason it failed."""

    path: str
    size: int
    lines: tuple[str, ...] = ()
    rows: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    kind: str | None = None


def article_rows(issue_data: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat record per article, carrying its issue's metadata (for JSONL and Parquet)."""
    meta = {"publication": issue_data["publication"], "date": issue_data["date"],
            "page": issue_data["page"], "path": issue_data["source"]["path"],
            "profile": issue_data["profile"], "sha256": issue_data["source"]["sha256"]}
    rows = []
    for index, article in enumerate(issue_data["articles"]):
        rows.append({**meta, "index": index, **article})
    return rows


def parse_one(path: str, job: Job) -> Outcome:
    """Parse one file for a batch; never raises (a failure is an Outcome with an error)."""
    try:
        issue = parse_file(path, profile=job.profile, path_pattern=job.path_pattern,
                           strict=False, explain=False)
        size = _size(path)
        if job.columns:  # the rows of baokan.frames' Arrow table
            return Outcome(path, size, rows=tuple(issue.to_records()))
        record = issue.to_dict()
        if job.per_article:
            rows = article_rows(record)
            return Outcome(path, size, lines=tuple(json.dumps(r, ensure_ascii=False) for r in rows))
        return Outcome(path, size, lines=(json.dumps(record, ensure_ascii=False),))
    except NotTextError as exc:  # "NotText": the kind the errors file has always used
        return Outcome(path, 0, error=str(exc), kind="NotText")
    except BaokanError as exc:
        return Outcome(path, 0, error=str(exc), kind=type(exc).__name__)
    except Exception as exc:  # a bug: log it with its type, keep going
        return Outcome(path, 0, error=f"{type(exc).__name__}: {exc}", kind="bug")


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # gone since it was parsed
        return 0


def _parse_star(args: tuple[str, Job]) -> Outcome:
    return parse_one(*args)


def parse_many(paths: Sequence[str], job: Job, jobs: int = 1) -> Iterator[Outcome]:
    """Yield an Outcome per path as it finishes (in any order when ``jobs`` > 1)."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield parse_one(path, job)
        return
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    chunk = max(1, min(16, len(paths) // (jobs * 8)))
    pool = context.Pool(jobs, initializer=_ignore_interrupts)
    try:
        yield from pool.imap_unordered(_parse_star, ((p, job) for p in paths), chunksize=chunk)
        pool.close()
    finally:
        pool.terminate()  # on Ctrl-C or an early stop: no worker outlives the run
        pool.join()


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent handles it
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Progress:
    """A one-line progress bar on a terminal: files, pages/s and time left."""

    def __init__(self, total: int, stream: IO[str] | None, every: float = 0.2) -> None:
        self.total = total
        self.stream = stream
        self.every = every
        self.done = self.failed = 0
        self.start = self.last = time.monotonic()

    def update(self, failed: bool) -> None:
        """Count one finished file; redraw at most every ``every`` seconds."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.stream is not None and (now - self.last >= self.every or self.done == self.total):
            self.last = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float) -> str:
        """The bar as text."""
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        width = 24
        filled = int(width * self.done / max(1, self.total))
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
                f"{failed}  {rate:.1f} pages/s  ETA {int(left) // 60}:{int(left) % 60:02d} ")

    def close(self) -> None:
        """End the bar's line (drawing it once more, as it stands)."""
        if self.stream is not None:
            self.stream.write("\r" + self.line(time.monotonic()))
            self.stream.write("\n")
            self.stream.flush()


def _done_paths(path: Path) -> set[str]:
    done: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue  # the half-written last line of an interrupted run
            source = data.get("source") or {}
            done.add(str(data.get("path") or source.get("path")))
    return done


def _clean_tail(path: Path) -> None:
    """Cut a half-written last line off an interrupted run's output."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


@attrs.frozen
class BatchResult:
    """What a batch did: files parsed, files failed, files skipped by ``resume``."""

    parsed: int
    failed: int
    skipped: int
    output: Path
    errors: Path | None


class _ParquetSink:
    def __init__(self, path: Path) -> None:
        try:
            import pyarrow as pa  # noqa: F401
            import pyarrow.parquet as pq  # noqa: F401
        except ImportError:
            raise InputError("Parquet output needs the parquet extra: "
                             "pip install 'baokan[parquet]'") from None
        self.path = path
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= 5000:
            self.flush()

    def flush(self) -> None:
        import pyarrow.parquet as pq

        if not self.rows:
            return
        table = records_table(self.rows)
        if self.writer is None:
            self.writer = pq.ParquetWriter(str(self.path), table.schema)
        self.writer.write_table(table)
        self.rows.clear()

    def close(self) -> None:
        self.flush()
        if self.writer is None:
            import pyarrow.parquet as pq

            pq.write_table(records_table([]), str(self.path))
        else:
            self.writer.close()


def run_batch(paths: Sequence[str], output: Path, *, job: Job, jobs: int = 1,
              resume: bool = False, errors: Path | None = None,
              progress: IO[str] | None = None,
              on_outcome: Callable[[Outcome], None] | None = None) -> BatchResult:
    """Parse ``paths`` into ``output`` (JSONL, or Parquet when ``job.columns``).

    Writes ``output.partial`` as results arrive and renames it to ``output`` at the end;
    failures go to ``errors`` (default ``output`` + ``.errors.jsonl``), one JSON object a
    line with the path, the reason and its kind.  With ``resume``, inputs already in
    ``output`` or in an interrupted run's ``output.partial`` are skipped (JSONL only).
    """
    if job.path_pattern is not None:
        PathPattern(job.path_pattern)  # a bad pattern fails before any work
    output_folder(output)  # a missing folder fails before any work
    partial = output.with_name(output.name + ".partial")
    errors = errors or output.with_name(output.name + ".errors.jsonl")
    done: set[str] = set()
    if resume:
        if job.columns:
            raise InputError("--resume works with JSONL output, not Parquet")
        if partial.exists():
            _clean_tail(partial)
            done = _done_paths(partial)
        elif output.exists():
            write_atomic(partial, output.read_bytes())
            done = _done_paths(partial)
    todo = [p for p in paths if p not in done]
    bar = Progress(len(todo), progress)
    parsed = failed = 0
    error_lines: list[str] = []
    sink: _ParquetSink | None = None
    handle: IO[str] | None = None
    try:
        if job.columns:
            sink = _ParquetSink(partial)
        else:
            handle = partial.open("a" if resume else "w", encoding="utf-8")
        for outcome in parse_many(todo, job, jobs):
            if outcome.error is not None:
                failed += 1
                error_lines.append(json.dumps({"path": outcome.path, "error": outcome.error,
                                               "kind": outcome.kind}, ensure_ascii=False))
            else:
                parsed += 1
                if sink is not None:
                    sink.add(outcome.rows)
                elif handle is not None:
                    handle.write("".join(line + "\n" for line in outcome.lines))
            if on_outcome is not None:
                on_outcome(outcome)
            bar.update(outcome.error is not None)
        if sink is not None:
            sink.close()
        if handle is not None:
            handle.close()
            handle = None
        os.replace(partial, output)
    finally:
        if handle is not None:
            handle.close()
        if todo:
            bar.close()
        if error_lines:
            write_atomic(errors, "".join(line + "\n" for line in error_lines))
    return BatchResult(parsed=parsed, failed=failed, skipped=len(paths) - len(todo),
                       output=output, errors=errors if error_lines else None)

