"""Parse many dumps: find the inputs, parse them on a process pool, stream the results out.

:func:`run_batch` is what ``baokan batch`` runs, on the machinery of :func:`baokan.pipe`
(:func:`baokan.stream.imap`): results come back in input order and are written as they
arrive.  With one output file, they go to ``OUT.partial``, which is renamed to ``OUT``
only when every input has been tried: an interrupted JSONL run leaves ``OUT.partial``
(which no one takes for a finished file) and ``--resume`` carries on from it.  The run's
settings are recorded in ``OUT.run.json``, and a resumed run must have the same.  With an
output folder, each input gets its own file there, mirroring the input tree.  A file
that fails is logged with its reason and the run goes on.  Memory stays flat.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import IO, Any

import attrs
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from baokan._version import __version__
from baokan.api import parse_file
from baokan.errors import BaokanError, InputError, NotTextError
from baokan.frames import article_schema, records_table
from baokan.io.files import (
    STDIN,
    atomic_output,
    open_output,
    output_folder,
    parse_data,
    write_atomic,
)
from baokan.io.paths import PathPattern
from baokan.models import Issue
from baokan.profiles import Profile
from baokan.stream import imap

DEFAULT_GLOBS = ("*.txt", "*.md")
#: The formats of one document per input (``baokan parse``, ``batch --output-dir``),
#: with the suffix of the file each is written to.
DOCUMENT_FORMATS = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt",
                    "tei": ".xml"}

log = logging.getLogger("baokan.batch")


def render(issue: Issue, fmt: str) -> str:
    """One Issue as a document in ``fmt`` (a key of :data:`DOCUMENT_FORMATS`), ending
    with a newline: ``json`` indented, ``jsonl`` one line, ``markdown``, ``text`` or
    ``tei`` (TEI XML)."""
    if fmt == "json":
        return issue.to_json(indent=1) + "\n"
    if fmt == "jsonl":
        return issue.to_json() + "\n"
    if fmt == "markdown":
        text = issue.to_markdown()
    elif fmt == "text":
        text = issue.to_text()
    elif fmt == "tei":
        text = issue.to_tei()
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return text if text.endswith("\n") else text + "\n"


# -- inputs ---------------------------------------------------------------------------------

def _real(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


def read_list(spec: str, stdin: IO[str] | None = None) -> list[str]:
    """The paths of an ``@LIST`` (``spec`` without the ``@``; ``-`` is standard input):
    one a line, blank lines and lines starting with ``#`` skipped, relative paths taken
    from the list's folder (from the working directory for standard input)."""
    if spec == STDIN:
        lines = (stdin or sys.stdin).read().splitlines()
        base = None
    else:
        listing = Path(spec)
        try:
            lines = listing.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"{listing}: cannot read the list of paths "
                             f"({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise InputError(f"{listing}: the list of paths is not UTF-8 text") from None
        base = listing.parent
    out = []
    for line in lines:
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if base is not None and not os.path.isabs(item) and str(base) != ".":
            item = str(base / item)
        out.append(item)
    return out


def find_inputs(inputs: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS, *,
                exclude: Iterable[str | os.PathLike[str]] = (),
                stdin: IO[str] | None = None) -> list[str]:
    """The files to parse: files as given, directories searched recursively for ``globs``,
    ``@LIST`` files read by :func:`read_list` (``@-``: the list on standard input), and
    ``-`` (one dump on standard input) kept as it is.  Sorted within each directory,
    without repeats.

    ``exclude`` names the run's own outputs (files, or folders): a folder's match among
    them is skipped, and one given as an input is refused.  InputError if an input does
    not exist or is excluded, if standard input is asked for twice, or if nothing is
    found.
    """
    excluded = [_real(p) for p in exclude]

    def is_excluded(path: str) -> bool:
        real = _real(path)
        return any(real == e or real.startswith(e.rstrip(os.sep) + os.sep) for e in excluded)

    found: dict[str, None] = {}
    if sum(item in (STDIN, "@" + STDIN) for item in inputs) > 1:
        raise InputError("standard input can be read once: give - or @- (not both, not twice)")
    for item in inputs:
        if item == STDIN:
            found[STDIN] = None
            continue
        listed = read_list(item[1:], stdin) if item.startswith("@") else None
        for entry in listed if listed is not None else [item]:
            path = Path(entry)
            if path.is_dir():
                matches = sorted({str(p) for pattern in globs for p in path.rglob(pattern)
                                  if p.is_file()})
                kept = [m for m in matches if not is_excluded(m)]
                if not kept:
                    raise InputError(f"{path}: no files matching {' or '.join(globs)} "
                                     "in this folder")
                found.update((m, None) for m in kept)
            elif path.exists():
                if is_excluded(entry):
                    raise InputError(f"{entry}: is an output of this run; give another "
                                     "output or leave it out of the inputs")
                found[entry] = None
            else:
                where = f" (listed in {item[1:]})" if listed is not None else ""
                raise InputError(f"{path}: no such file or folder{where}")
    if not found:
        raise InputError("no inputs to parse")
    return list(found)


def mirror_names(paths: Sequence[str], inputs: Sequence[str], suffix: str) -> dict[str, str]:
    """The file each of ``paths`` is written to under ``--output-dir``: its path below the
    folder among ``inputs`` it was found in (or its name, for a file given alone), with
    ``suffix`` for its suffix.  InputError if two inputs would go to one file."""
    roots = sorted((_real(i) for i in inputs if i != STDIN and Path(i).is_dir()),
                   key=len, reverse=True)
    names: dict[str, str] = {}
    taken: dict[str, str] = {}
    for path in paths:
        if path == STDIN:
            relative = "stdin"
        else:
            real = _real(path)
            root = next((r for r in roots if real.startswith(r.rstrip(os.sep) + os.sep)), None)
            relative = os.path.relpath(real, root) if root else Path(path).name
        name = str(Path(relative).with_suffix(suffix))
        if name in taken:
            raise InputError(f"{taken[name]} and {path} would both be written to {name}; "
                             "give them from one folder")
        taken[name] = path
        names[path] = name
    return names


# -- one input ------------------------------------------------------------------------------

@attrs.frozen
class Job:
    """What every worker needs to parse one file (picklable).

    ``profile`` is ``"auto"``, a profile name, or a :class:`~baokan.profiles.Profile`
    (one read from a file travels to the workers whole, not as a path to read again).
    ``columns`` gives rows for Parquet; ``document`` (a key of :data:`DOCUMENT_FORMATS`)
    gives each input its own document, for ``--output-dir``.
    """

    profile: str | Profile = "auto"
    path_pattern: str | None = None
    per_article: bool = False
    columns: bool = False  # rows for Parquet instead of JSON lines
    document: str | None = None

    def settings(self) -> dict[str, Any]:
        """What a resumed run must share with the run it carries on (JSON data)."""
        profile = self.profile if isinstance(self.profile, str) else self.profile.to_dict()
        return {"format": "parquet" if self.columns else (self.document or "jsonl"),
                "per_article": self.per_article, "profile": profile,
                "path_pattern": self.path_pattern}


@attrs.frozen
class Outcome:
    """The result of one input: JSON lines, rows or a document, or the reason it failed."""

    path: str
    size: int
    lines: tuple[str, ...] = ()
    rows: tuple[dict[str, Any], ...] = ()
    error: str | None = None
    kind: str | None = None
    document: str | None = None


def article_rows(issue_data: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat record per article, carrying its issue's metadata (for JSONL and Parquet)."""
    meta = {"publication": issue_data["publication"], "date": issue_data["date"],
            "page": issue_data["page"], "path": issue_data["source"]["path"],
            "profile": issue_data["profile"], "sha256": issue_data["source"]["sha256"]}
    rows = []
    for index, article in enumerate(issue_data["articles"]):
        rows.append({**meta, "index": index, **article})
    return rows


def parse_one(path: str, job: Job, data: bytes | None = None) -> Outcome:
    """Parse one file for a batch; never raises (a failure is an Outcome with an error).
    ``data`` is the dump itself when it came without a file (``path`` is then ``-``)."""
    try:
        options: dict[str, Any] = {"profile": job.profile, "path_pattern": job.path_pattern,
                                   "strict": False, "explain": False}
        if path == STDIN:
            issue = parse_data(data or b"", STDIN, **options)
            size = len(data or b"")
        else:
            issue = parse_file(path, **options)
            size = _size(path)
        if job.document is not None:
            return Outcome(path, size, document=render(issue, job.document))
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


def _parse_item(job: Job, item: tuple[str, bytes | None]) -> Outcome:
    return parse_one(item[0], job, item[1])


def parse_many(paths: Sequence[str], job: Job, jobs: int = 1,
               stdin: bytes | None = None) -> Iterator[Outcome]:
    """Yield an Outcome per path, in the order of ``paths``, parsed on ``jobs`` worker
    processes (never more than there are paths).  ``stdin`` is the dump of the path ``-``."""
    items = [(p, stdin if p == STDIN else None) for p in paths]
    return imap(functools.partial(_parse_item, job), items,
                n_process=max(1, min(jobs, len(paths))))


# -- the progress bar -----------------------------------------------------------------------

def progress_bar(total: int, stream: IO[str] | None, *, ncols: int | None = None) -> tqdm[Any]:
    """A tqdm bar counting files on ``stream`` (disabled when ``stream`` is None): files
    done of ``total``, files/s and time left, redrawn in place at most five times a second
    and fitted to the terminal's width (or to ``ncols``)."""
    return tqdm(total=total, file=stream, disable=stream is None, unit="file",
                dynamic_ncols=ncols is None, ncols=ncols, mininterval=0.2, smoothing=0.1,
                desc="baokan", leave=True)


# -- outputs --------------------------------------------------------------------------------

def record_path(output: Path) -> Path:
    """Where a batch records the settings of the run that writes ``output``."""
    return output.with_name(output.name + ".run.json")


def _key(path: str, cwd: str) -> str:
    return _real(os.path.join(cwd, path))


def _done_paths(path: Path, cwd: str) -> set[str]:
    done: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue  # the half-written last line of an interrupted run
            source = data.get("source") or {}
            name = data.get("path") or source.get("path")
            if name:
                done.add(_key(str(name), cwd))
    return done


def _clean_tail(path: Path) -> None:
    """Cut a half-written last line off an interrupted run's output."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


def _describe(key: str, value: Any) -> str:
    if key == "per_article":
        return "--per-article" if value else "one issue a line"
    if key == "profile":
        return f"the profile {value if isinstance(value, str) else value.get('name')!r}"
    if key == "path_pattern":
        return f"--path-pattern {value!r}" if value else "no --path-pattern"
    return f"{key} {value}"


def _check_record(output: Path, settings: dict[str, Any]) -> str:
    """The working directory of the run that wrote ``output``; InputError unless its
    settings are ``settings``."""
    record = record_path(output)
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        old, cwd = data["settings"], str(data["cwd"])
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(f"{output}: cannot --resume, there is no readable record of the run "
                         f"that wrote it ({record.name}); run without --resume") from None
    for key, value in settings.items():
        if old.get(key) != value:
            raise InputError(f"{output}: cannot --resume a run made with "
                             f"{_describe(key, old.get(key))} with {_describe(key, value)}; "
                             "give the same settings, or run without --resume")
    return cwd


@attrs.frozen
class BatchResult:
    """What a batch did: files parsed, failed and skipped by ``resume``; the worker
    processes it ran (never more than the inputs)."""

    parsed: int
    failed: int
    skipped: int
    output: Path
    errors: Path | None
    workers: int = 1


class _Sink:
    """Where outcomes go; ``commit`` makes the output whole, ``abort`` follows a failure."""

    def add(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class _JsonlSink(_Sink):
    def __init__(self, output: Path, partial: Path, append: bool) -> None:
        self.output, self.partial = output, partial
        self.handle = open_output(partial, "a" if append else "w")

    def add(self, outcome: Outcome) -> None:
        self.handle.write("".join(line + "\n" for line in outcome.lines))
        self.handle.flush()  # what is written survives a Ctrl-C

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.partial, self.output)

    def abort(self) -> None:
        self.handle.close()  # OUT.partial stays, for --resume


class _ParquetSink(_Sink):
    def __init__(self, output: Path, partial: Path) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError("Parquet output needs the parquet extra: "
                             "pip install 'baokan[parquet]'") from None
        self.output, self.partial = output, partial
        self.rows: list[dict[str, Any]] = []
        self.handle = open_output(partial, "wb")
        self.writer = pq.ParquetWriter(self.handle, article_schema())

    def add(self, outcome: Outcome) -> None:
        self.rows.extend(outcome.rows)
        if len(self.rows) >= 5000:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(records_table(self.rows))
            self.rows.clear()

    def commit(self) -> None:
        self.flush()
        self.writer.close()
        self.handle.close()
        os.replace(self.partial, self.output)

    def abort(self) -> None:
        # a Parquet file cut short cannot be read (and cannot be resumed): nothing is kept
        with contextlib.suppress(Exception):
            self.writer.close()
        self.handle.close()
        self.partial.unlink(missing_ok=True)


class _FolderSink(_Sink):
    def __init__(self, folder: Path, names: dict[str, str]) -> None:
        if not folder.is_dir():
            output_folder(folder)  # its parent must exist
            try:
                folder.mkdir()
            except OSError as exc:
                raise InputError(f"{folder}: cannot create the output folder "
                                 f"({exc.strerror or exc})") from None
        self.folder, self.names = folder, names

    def add(self, outcome: Outcome) -> None:
        target = self.folder / self.names[outcome.path]
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(target) as handle:
            handle.write(outcome.document or "")

    def commit(self) -> None:
        pass

    def abort(self) -> None:
        pass  # every file written is whole


def _write_errors(errors: Path, lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    if errors.exists() and not errors.is_file():  # --errors /dev/stderr
        with errors.open("a", encoding="utf-8") as handle:
            handle.write(text)
    elif lines:
        write_atomic(errors, text)
    else:
        errors.unlink(missing_ok=True)  # an earlier run's failures are not this run's


def _errors_default(output: Path) -> Path:
    return output.with_name(output.name + ".errors.jsonl")


def outputs_of(output: Path, errors: Path | None = None) -> list[Path]:
    """Every file a run writing ``output`` writes, or a folder's own files: what
    :func:`find_inputs` must not take as inputs."""
    return [output, output.with_name(output.name + ".partial"), record_path(output),
            errors or _errors_default(output)]


def run_batch(paths: Sequence[str], output: Path, *, job: Job, jobs: int = 1,
              resume: bool = False, errors: Path | None = None,
              progress: IO[str] | None = None,
              on_outcome: Callable[[Outcome], None] | None = None,
              stdin: bytes | None = None, names: dict[str, str] | None = None) -> BatchResult:
    """Parse ``paths`` into ``output`` (JSONL, Parquet when ``job.columns``, or with
    ``job.document`` a folder of one document per input, named by ``names``, a mapping
    from :func:`mirror_names`).

    A single output file is written as ``output.partial`` while results arrive and
    renamed to ``output`` at the end; the run's settings go to ``output.run.json``
    (:func:`record_path`).  Failures go to ``errors`` (default ``output`` +
    ``.errors.jsonl``), one JSON object a line with the path, the reason and its kind;
    a run without failures removes an earlier run's errors file.  With ``resume``
    (JSONL only), inputs already in ``output`` or in an interrupted run's
    ``output.partial`` are skipped, paths compared whole (``arch/a.txt`` is
    ``/tmp/arch/a.txt``), and a run with other settings is refused.  ``jobs`` is capped
    at the number of inputs; ``progress`` is the stream of the progress bar; ``stdin`` is
    the dump of the path ``-``.  An interrupted Parquet run keeps nothing (a Parquet
    file is readable only once closed).
    """
    if job.path_pattern is not None:
        PathPattern(job.path_pattern)  # a bad pattern fails before any work
    folder_mode = job.document is not None
    errors = errors or _errors_default(output)
    if resume and (job.columns or folder_mode):
        raise InputError("--resume works with one JSONL output, not "
                         f"{'Parquet' if job.columns else '--output-dir'}")
    if resume and STDIN in paths:
        raise InputError("--resume cannot tell whether standard input (-) was parsed; "
                         "give files")
    if folder_mode and names is None:
        raise ValueError("a folder output needs the names of its files (mirror_names)")
    own = {_real(p) for p in outputs_of(output, errors)}
    for p in paths:
        if p != STDIN and _real(p) in own:
            raise InputError(f"{p}: is an output of this run; give another output")
    partial = output.with_name(output.name + ".partial")
    done: set[str] = set()
    append = False
    if not folder_mode:
        output_folder(output)  # a missing folder, or a folder as output, fails before any work
        record = record_path(output)
        if resume and (partial.exists() or output.exists()):
            cwd = _check_record(output, job.settings())
            if partial.exists():
                _clean_tail(partial)
            else:
                write_atomic(partial, output.read_bytes())
            done = _done_paths(partial, cwd)
            append = True
        else:
            write_atomic(record, json.dumps({"baokan": __version__, "settings": job.settings(),
                                             "cwd": os.getcwd()}, ensure_ascii=False) + "\n")
    here = os.getcwd()
    todo = [p for p in paths if p == STDIN or _key(p, here) not in done]
    workers = max(1, min(jobs, len(todo)))
    sink: _Sink
    if folder_mode:
        sink = _FolderSink(output, names or {})
    elif job.columns:
        sink = _ParquetSink(output, partial)
    else:
        sink = _JsonlSink(output, partial, append)
    parsed = failed = 0
    error_lines: list[str] = []
    bar = progress_bar(len(todo), progress)
    committed = False
    try:
        with logging_redirect_tqdm([logging.getLogger("baokan")]) if progress else nullcontext():
            for outcome in parse_many(todo, job, workers, stdin):
                if outcome.error is not None:
                    failed += 1
                    log.info("%s: failed: %s", outcome.path, outcome.error)
                    error_lines.append(json.dumps({"path": outcome.path, "error": outcome.error,
                                                   "kind": outcome.kind}, ensure_ascii=False))
                else:
                    parsed += 1
                    log.debug("%s: parsed", outcome.path)
                    sink.add(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
                bar.update(1)
                if failed:
                    bar.set_postfix_str(f"{failed} failed", refresh=False)
        sink.commit()
        committed = True
    finally:
        bar.close()
        if not committed:
            sink.abort()
        _write_errors(errors, error_lines)
    return BatchResult(parsed=parsed, failed=failed, skipped=len(paths) - len(todo),
                       output=output, errors=errors if error_lines else None, workers=workers)


