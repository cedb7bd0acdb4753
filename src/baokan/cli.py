"""The ``baokan`` command: ``parse``, ``batch``, ``inspect``, ``profiles``, ``evaluate``,
``completion``.

Exit status (the table in ``docs/cli.md``): 0 success; 1 ``batch`` finished but some
inputs failed; 2 the user must fix something (bad usage, a missing, unreadable, empty or
binary input, an unknown profile, an output that cannot be written: its folder missing or
read-only, permission denied, a folder, one of the inputs); 70 a bug in baokan; 74
reading or writing failed during the run (a full disk, a device gone); 130 interrupted.
Every error is one line on stderr, never a traceback unless ``--debug`` is given.
``-o`` writes atomically, so a failed or interrupted run never leaves a partial file.
Output is UTF-8 whatever the terminal's encoding.

The command is a client of the library like any other: it imports only the public API
(``baokan``) and the I/O layer (``baokan.io``), as ``tests/test_imports.py`` checks.  The
library logs through :mod:`logging` (``logging.getLogger("baokan")``); the command only
configures it (``-v``, ``-q``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from baokan import (
    BUILTIN_PROFILES,
    BaokanError,
    InputError,
    Issue,
    Profile,
    __version__,
    evaluate_corpus,
    evaluate_files,
    format_table,
    get_heuristic,
    get_profile,
    load_profile,
    parse_file,
    profile_names,
)
from baokan.io.batch import DEFAULT_GLOBS, DOCUMENT_FORMATS, render
from baokan.io.files import STDIN, atomic_output, output_folder, parse_data, refuse_overwriting

EXIT_OK = 0
EXIT_SOME_FAILED = 1  #: batch: some inputs failed (see the errors file)
EXIT_USAGE = 2  #: bad input, usage or output: the message says what to fix
EXIT_SOFTWARE = 70  #: a bug in baokan (sysexits EX_SOFTWARE)
EXIT_IO = 74  #: reading or writing failed during the run: disk full, device gone (EX_IOERR)
EXIT_INTERRUPTED = 130

PARSE_FORMATS = ("json", "jsonl", "markdown", "text", "tei")
log = logging.getLogger("baokan.cli")


# -- reading --------------------------------------------------------------------------------

class _Stdin:
    """Standard input, read whole once (``-`` may be given once)."""

    def __init__(self) -> None:
        self.taken = False

    def read(self) -> bytes:
        if self.taken:
            raise InputError("standard input (-) can be read once")
        self.taken = True
        data: bytes = sys.stdin.buffer.read()
        return data


def _profile(spec: str) -> str | Profile:
    return spec if spec == "auto" else load_profile(spec)  # fail before reading any dump


def _issues(files: Sequence[str], args: argparse.Namespace) -> Iterator[tuple[str, Issue]]:
    """Each file's name and Issue, parsed as each is asked for."""
    options: dict[str, Any] = {
        "profile": _profile(args.profile), "path_pattern": getattr(args, "path_pattern", None),
        "publication": getattr(args, "publication", None), "date": getattr(args, "date", None),
        "page": getattr(args, "page", None)}
    stdin = _Stdin()
    for name in files:
        issue = (parse_data(stdin.read(), STDIN, **options) if name == STDIN
                 else parse_file(name, **options))
        if "not_text" in issue.flags:
            log.warning("%s: its text layer is not text (symbol soup from a font without a "
                        "character map); no articles", name)
        yield name, issue


# -- commands -------------------------------------------------------------------------------

def cmd_parse(args: argparse.Namespace) -> int:
    files: list[str] = args.files
    if args.format in ("json", "tei") and len(files) > 1:
        raise InputError(f"--format {args.format} writes one issue; for several files use "
                         "--format jsonl (one issue a line) or batch --output-dir (a file each)")
    if args.output:
        refuse_overwriting(args.output, files)
        output_folder(Path(args.output))  # before any parsing
    separate = len(files) > 1 and args.format in ("markdown", "text")
    with contextlib.ExitStack() as stack:
        out: IO[str] = (stack.enter_context(atomic_output(args.output)) if args.output
                        else sys.stdout)
        for n, (name, issue) in enumerate(_issues(files, args)):
            if separate:  # as head(1) and tail(1) mark each file
                out.write(f"{'' if n == 0 else chr(10)}==> {name} <==\n")
            out.write(render(issue, args.format))
            out.flush()  # each issue is out as soon as it is parsed
    return EXIT_OK


def cmd_profiles(args: argparse.Namespace) -> int:
    for name in profile_names():
        profile = get_profile(name)
        builtin = " (built in)" if name in BUILTIN_PROFILES else ""
        print(f"{name}{builtin}: {profile.description}")
        for step in profile.steps:
            state = "" if step.enabled else " [disabled]"
            options = ", ".join(f"{k}={v!r}" for k, v in step.settings)
            description = get_heuristic(step.name).description
            print(f"  - {step.name}{state}{' (' + options + ')' if options else ''}: {description}")
    return EXIT_OK


def _measurements(issue: Issue) -> dict[str, float]:
    found: dict[str, float] = {}
    for d in issue.diagnostics:
        if d.heuristic == "auto-profile" and d.detail:
            for item in d.detail.split(", "):
                key, _, value = item.partition("=")
                with contextlib.suppress(ValueError):
                    found[key] = float(value)
    return found


def _inspect_data(name: str, issue: Issue) -> dict[str, Any]:
    return {
        "file": name, "encoding": issue.source.encoding, "confidence": issue.source.confidence,
        "profile": issue.profile, "measurements": _measurements(issue),
        "articles": [{"lines": list(a.source_lines), "headline": a.headline,
                      "paragraphs": len(a.paragraphs), "flags": list(a.flags)}
                     for a in issue.articles],
        "fragments": len(issue.fragments),
        "dropped": [{"lines": list(d.source_lines), "reason": d.reason, "text": d.text}
                    for d in issue.dropped],
        "diagnostics": [{"lines": list(d.lines), "heuristic": d.heuristic, "action": d.action,
                         "detail": d.detail} for d in issue.diagnostics],
    }


def cmd_inspect(args: argparse.Namespace) -> int:
    ((name, issue),) = list(_issues([args.file], args))
    if args.json:
        print(json.dumps(_inspect_data(name, issue), ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"file: {name}")
    print(f"encoding: {issue.source.encoding} (confidence {issue.source.confidence})")
    print(f"profile: {issue.profile}")
    measured = _measurements(issue)
    if measured:
        print("measurements:")
        for key, value in measured.items():
            print(f"  {key}={value:g}")
    print(f"articles: {len(issue.articles)}, fragments: {len(issue.fragments)}, "
          f"dropped: {len(issue.dropped)}")
    for n, article in enumerate(issue.articles, 1):
        print(f"  [{n}] L{article.source_lines[0]}-{article.source_lines[1]} "
              f"{article.headline or '(no headline)'} — {len(article.paragraphs)} paragraphs"
              f"{' ' + ','.join(article.flags) if article.flags else ''}")
    print("diagnostics:")
    for d in issue.diagnostics:
        print(f"  L{d.lines[0]}-{d.lines[1]} {d.heuristic}: {d.action}"
              f"{' — ' + d.detail if d.detail else ''}")
    for dropped in issue.dropped:
        print(f"  dropped L{dropped.source_lines[0]}-{dropped.source_lines[1]} "
              f"({dropped.reason}): {dropped.text[:40]!r}")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.corpus:
        return _evaluate_corpus(args)
    paths = list(args.pairs)
    if not paths or len(paths) % 2:
        raise InputError("evaluate takes pairs: GOLD PARSED [GOLD PARSED ...], or --corpus GOLD")
    for p in paths:
        if not Path(p).is_file():
            raise InputError(f"{p}: no such file")
    try:
        result = evaluate_files(list(zip(paths[::2], paths[1::2])))
    except (json.JSONDecodeError, KeyError) as exc:
        raise InputError(f"cannot score: {exc}") from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(format_table(result))
    return EXIT_OK


def _evaluate_corpus(args: argparse.Namespace) -> int:
    if args.pairs:
        raise InputError("give either GOLD PARSED pairs or --corpus, not both")
    for folder in (args.corpus, args.dumps):
        if folder is not None and not Path(folder).is_dir():
            raise InputError(f"{folder}: no such folder")
    profile = _profile(args.profile)
    show = sys.stderr.isatty() and not args.json and not args.quiet

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rbaokan: scored {done}/{total} dumps", end="", file=sys.stderr, flush=True)

    result = evaluate_corpus(args.corpus, args.dumps, exclude=tuple(args.exclude or ()),
                             progress=progress, profile=profile)
    if show:
        print(file=sys.stderr)
    if not result["files"]:
        raise InputError(f"{args.corpus}: no gold parse (*.gold.json) with a dump to score")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(format_table(result, files=args.full))
    for name, error in result["errors"].items():
        log.warning("%s did not parse (%s); scored as empty", name, error)
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from baokan.io.batch import Job, find_inputs, mirror_names, outputs_of, run_batch

    folder_mode = args.output_dir is not None
    output = Path(args.output_dir if folder_mode else args.output)
    fmt = args.format or ("json" if folder_mode else
                          "parquet" if output.suffix == ".parquet" else "jsonl")
    allowed = tuple(DOCUMENT_FORMATS) if folder_mode else ("jsonl", "parquet")
    if fmt not in allowed:
        raise InputError(f"--format {fmt} does not go with "
                         f"{'--output-dir' if folder_mode else '-o'}; choose "
                         f"{', '.join(allowed)}")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    profile = _profile(args.profile)
    if not folder_mode:
        output_folder(output)  # an output that cannot be, before reading the inputs
    errors = Path(args.errors) if args.errors else None
    if folder_mode:
        errors = errors or output.with_name(output.name + ".errors.jsonl")
    exclude = [output, *([errors] if errors else [])] if folder_mode else outputs_of(output, errors)
    paths = find_inputs(args.inputs, tuple(args.glob) if args.glob else DEFAULT_GLOBS,
                        exclude=exclude)
    names = mirror_names(paths, args.inputs, DOCUMENT_FORMATS[fmt]) if folder_mode else None
    job = Job(profile=profile, path_pattern=args.path_pattern, per_article=args.per_article,
              columns=fmt == "parquet", document=fmt if folder_mode else None)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    stream = sys.stderr if show and not args.quiet else None
    stdin = sys.stdin.buffer.read() if STDIN in paths else None
    try:
        result = run_batch(paths, output, job=job, jobs=args.jobs or os.cpu_count() or 1,
                           resume=args.resume, errors=errors, progress=stream, stdin=stdin,
                           names=names)
    except KeyboardInterrupt:
        if folder_mode:
            told = f"the files written so far are whole, in {output}"
        elif fmt == "parquet":
            told = ("nothing was kept: a Parquet file cannot be read before it is closed, "
                    "nor resumed; use JSONL output for a run you can resume")
        else:
            told = (f"what was parsed is in {output}.partial — run the same command with "
                    "--resume to carry on")
        print(f"baokan: interrupted; {told}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        skipped = f", {result.skipped} already done" if result.skipped else ""
        print(f"baokan: {result.parsed} parsed, {result.failed} failed{skipped} → {output}",
              file=sys.stderr)
        if result.errors is not None:
            print(f"baokan: the failures and their reasons are in {result.errors}",
                  file=sys.stderr)
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def cmd_completion(args: argparse.Namespace) -> int:
    from baokan.io.completion import completion_script

    sys.stdout.write(completion_script(build_parser(), args.shell))
    return EXIT_OK


# -- the parser -----------------------------------------------------------------------------

PROFILE_HELP = "a profile's name, a profile file (JSON or TOML), or auto (default: measure " \
               "each dump and pick one)"
PATTERN_HELP = "read publication, date and page from each path, e.g. " \
               "{publication}/{date:%%Y%%m%%d}/{page}.txt"


def _common(suppress: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after its name (after it, an option
    given only before is kept: the defaults there are suppressed)."""
    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--debug", action="store_true", default=default(False),
                        help="show the traceback of an error")
    parser.add_argument("-v", "--verbose", action="count", default=default(0),
                        help="say more on stderr (each file of a batch; -vv: debug messages)")
    parser.add_argument("-q", "--quiet", action="store_true", default=default(False),
                        help="say only errors on stderr (no progress bar, summary or warnings)")
    return parser


def _metadata_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", default="auto", metavar="NAME|FILE", help=PROFILE_HELP)
    p.add_argument("--path-pattern", metavar="PATTERN", help=PATTERN_HELP)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``baokan`` command."""
    parser = argparse.ArgumentParser(
        prog="baokan", parents=[_common(False)],
        description="Turn text dumps of Chinese newspapers into typed articles.",
        epilog="Exit status: 0 done, 1 batch: some inputs failed, 2 bad usage, input or "
               "output, 70 a bug, 74 a read or write failed (disk full), 130 interrupted.")
    parser.add_argument("--version", action="version", version=f"baokan {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                title="commands")
    common = [_common(True)]

    p = sub.add_parser("parse", parents=common, help="parse dumps and print or write the issues",
                       description="Parse dumps; each issue is written as soon as it is "
                                   "parsed. Several files in markdown or text are each headed "
                                   "'==> FILE <=='.")
    p.add_argument("files", nargs="+", metavar="FILE", help="a dump, or - for standard input")
    p.add_argument("--format", choices=PARSE_FORMATS, default="json",
                   help="json or tei (TEI XML): one issue (one file only); jsonl: one issue "
                        "a line; markdown or text: for reading (default: json)")
    _metadata_options(p)
    p.add_argument("--publication", metavar="NAME", help="the publication, for every file")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the issue's date, for every file")
    p.add_argument("--page", metavar="PAGE", help="the page, for every file")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write here (whole, or not at all) instead of to stdout")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser(
        "batch", parents=common, help="parse many dumps on all cores into JSONL, Parquet or a folder",
        description="Parse files, folders (searched recursively), @LIST files of paths (one a "
                    "line, # comments; @- reads the list from stdin) and - (one dump on stdin). "
                    "Exit status: 0 all parsed, 1 some failed (see the errors file), "
                    "2 bad usage, input or output, 130 interrupted (JSONL: carry on with --resume).")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a dump, a folder, @LIST, @- (a list on stdin) or - (a dump on stdin)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="OUT",
                       help="one JSONL file (or .parquet), written as OUT.partial and renamed "
                            "at the end")
    where.add_argument("--output-dir", metavar="DIR",
                       help="a file per input in DIR, mirroring the input folders (as "
                            "trafilatura does)")
    p.add_argument("--format", choices=("jsonl", "parquet", *[f for f in DOCUMENT_FORMATS
                                                               if f != "jsonl"]),
                   help="with -o: jsonl or parquet (default: parquet if OUT ends in .parquet, "
                        "else jsonl); with --output-dir: json (default), jsonl, markdown, text, tei")
    p.add_argument("--per-article", action="store_true",
                   help="one article a line, with its issue's metadata (always so in Parquet)")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="file names to take from folders (repeatable; default *.txt and *.md)")
    p.add_argument("--jobs", "-j", type=int, metavar="N",
                   help="worker processes (default: all cores; never more than the inputs)")
    _metadata_options(p)
    p.add_argument("--resume", action="store_true",
                   help="JSONL: skip inputs already in OUT or OUT.partial (same settings only)")
    p.add_argument("--errors", metavar="FILE",
                   help="where failures go (default OUT.errors.jsonl)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar on stderr (default: when stderr is a terminal)")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("inspect", parents=common,
                       help="show the profile chosen and every diagnostic")
    p.add_argument("file", metavar="FILE", help="a dump, or - for standard input")
    p.add_argument("--profile", default="auto", metavar="NAME|FILE", help=PROFILE_HELP)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("profiles", parents=common,
                       help="list the profiles and their heuristics")
    p.set_defaults(func=cmd_profiles)

    p = sub.add_parser(
        "evaluate", parents=common, help="score parses against gold parses",
        description="Score parsed JSON files against gold parses (GOLD PARSED pairs), or parse "
                    "and score every dump of a corpus (--corpus): the mean over every dump and "
                    "over each tool's dumps.")
    p.add_argument("pairs", nargs="*", metavar="GOLD PARSED",
                   help="a gold parse and the parse to score against it (repeatable)")
    p.add_argument("--corpus", metavar="GOLD",
                   help="a folder of NAME.gold.json files; each scores every dump of page NAME")
    p.add_argument("--dumps", metavar="DIR",
                   help="where the dumps are (DIR/NAME/* or DIR/NAME.*); default: beside the gold")
    p.add_argument("--exclude", action="append", metavar="WORD",
                   help="leave out dumps whose file name holds WORD (repeatable), e.g. tesseract")
    p.add_argument("--profile", default="auto", metavar="NAME|FILE",
                   help="with --corpus: " + PROFILE_HELP)
    p.add_argument("--full", action="store_true", help="with --corpus: a row for every dump")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser(
        "completion", parents=common, help="print a shell completion script",
        description="Print a completion script for your shell, e.g. "
                    "'baokan completion bash > ~/.local/share/bash-completion/completions/baokan'"
                    " or, for zsh, into a file named _baokan on your $fpath.")
    p.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")
    p.set_defaults(func=cmd_completion)
    return parser


# -- running --------------------------------------------------------------------------------

class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"baokan: {record.levelname.lower()}: {record.getMessage()}"


def _configure_logging(verbose: int, quiet: bool) -> None:
    """Send the library's log (``baokan``) to stderr, at the level the options ask for."""
    logger = logging.getLogger("baokan")
    for handler in [h for h in logger.handlers if getattr(h, "_baokan_cli", False)]:
        logger.removeHandler(handler)  # a previous main() in the same process
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    handler._baokan_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    level = logging.ERROR if quiet else logging.WARNING - 10 * min(verbose, 2)
    logger.setLevel(level)


def _utf8(stream: Any) -> None:
    # PYTHONIOENCODING=ascii, a C locale or a Windows code page: write UTF-8 anyway
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose, args.quiet)
    try:
        status: int = args.func(args)
        return status
    except BaokanError as exc:
        if args.debug:
            raise
        print(f"baokan: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("baokan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `baokan parse … | head`: the reader has had enough
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # the disk is full, the output went away…
        if args.debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"baokan: error: cannot write or read {where}{exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_IO
    except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
        if args.debug:
            raise
        print(f"baokan: internal error ({type(exc).__name__}: {exc}); run again with --debug "
              "for the traceback and report it", file=sys.stderr)
        return EXIT_SOFTWARE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
