"""The ``baokan`` command: ``parse``, ``batch``, ``inspect``, ``profiles``, ``evaluate``.

Every error the user can cause (a missing file, a directory, an unknown profile, empty
input) prints one line on stderr and exits with status 2; a failed write (a full disk)
exits with 74, a bug with 70, an interruption with 130, never with a traceback unless
``--debug`` is given.  ``-o`` writes atomically, so an interrupted or failed run never
leaves a partial output file.

The command is a client of the library like any other: it imports only the public API
(``baokan``) and the I/O layer (``baokan.io``), as ``tests/test_imports.py`` checks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from baokan import (
    BUILTIN_PROFILES,
    BaokanError,
    InputError,
    Issue,
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
from baokan.io.batch import DEFAULT_GLOBS
from baokan.io.files import write_atomic
from baokan.io.render import to_markdown, to_tei, to_text

EXIT_OK = 0
EXIT_USAGE = 2  #: bad input or usage: the message says what to fix
EXIT_INTERRUPTED = 130
EXIT_SOFTWARE = 70  #: a bug in baokan (sysexits EX_SOFTWARE)
EXIT_IO = 74  #: reading or writing failed: disk full, device gone (sysexits EX_IOERR)


def _render(issues: Sequence[Issue], fmt: str) -> str:
    if fmt == "json":
        if len(issues) == 1:
            return issues[0].to_json(indent=1) + "\n"
        return json.dumps([i.to_dict() for i in issues], ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(i.to_json() + "\n" for i in issues)
    render = {"markdown": to_markdown, "tei": to_tei}.get(fmt, to_text)
    return "\n".join(render(i) for i in issues)


def _parse_files(files: Sequence[str], profile: str) -> list[Issue]:
    chosen = profile if profile == "auto" else load_profile(profile)  # fail before reading
    issues = []
    for name in files:
        issue = parse_file(name, profile=chosen)
        if "not_text" in issue.flags:
            print(f"baokan: warning: {name}: its text layer is not text (symbol soup from a "
                  "font without a character map); no articles", file=sys.stderr)
        issues.append(issue)
    return issues


def cmd_parse(args: argparse.Namespace) -> int:
    issues = _parse_files(args.files, args.profile)
    text = _render(issues, args.format)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
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


def cmd_inspect(args: argparse.Namespace) -> int:
    (issue,) = _parse_files([args.file], args.profile)
    print(f"file: {args.file}")
    print(f"encoding: {issue.source.encoding} (confidence {issue.source.confidence})")
    print(f"profile: {issue.profile}")
    for d in issue.diagnostics:
        if d.heuristic == "auto-profile":
            print("measurements:")
            for item in d.detail.split(", "):
                print(f"  {item}")
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
    profile = args.profile if args.profile == "auto" else load_profile(args.profile)
    show = sys.stderr.isatty() and not args.json

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
        print(f"baokan: warning: {name} did not parse ({error}); scored as empty", file=sys.stderr)
    return EXIT_OK


EXIT_SOME_FAILED = 1


def cmd_batch(args: argparse.Namespace) -> int:
    from baokan.io.batch import Job, find_inputs, run_batch

    profile = args.profile if args.profile == "auto" else load_profile(args.profile)
    output = Path(args.output)
    fmt = args.format or ("parquet" if output.suffix == ".parquet" else "jsonl")
    paths = find_inputs(args.inputs, tuple(args.glob) if args.glob else DEFAULT_GLOBS)
    job = Job(profile=profile, path_pattern=args.path_pattern,
              per_article=args.per_article, columns=fmt == "parquet")
    jobs = args.jobs or os.cpu_count() or 1
    stream = None if args.quiet or not sys.stderr.isatty() else sys.stderr
    try:
        result = run_batch(paths, output, job=job, jobs=jobs, resume=args.resume,
                           errors=Path(args.errors) if args.errors else None, progress=stream)
    except KeyboardInterrupt:
        print(f"baokan: interrupted; what was parsed is in {output}.partial — run the same "
              "command with --resume to carry on", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        skipped = f", {result.skipped} already done" if result.skipped else ""
        print(f"baokan: {result.parsed} parsed, {result.failed} failed{skipped} → {output}",
              file=sys.stderr)
        if result.errors is not None:
            print(f"baokan: the failures and their reasons are in {result.errors}",
                  file=sys.stderr)
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``baokan`` command."""
    parser = argparse.ArgumentParser(
        prog="baokan", description="Turn text dumps of Chinese newspapers into typed articles.")
    parser.add_argument("--version", action="version", version=f"baokan {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse dumps and print or write the issues")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("json", "jsonl", "markdown", "text", "tei"),
                   default="json")
    p.add_argument("--profile", default="auto", help="a profile name or file, or auto (default)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) not stdout")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser(
        "batch", help="parse many dumps on all cores into JSONL or Parquet",
        description="Parse files, folders (searched recursively) and @LIST files of paths. "
                    "Exit status: 0 all parsed, 1 some failed (see the errors file), "
                    "2 bad usage or input, 130 interrupted (resume with --resume).")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a folder or @LIST")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="JSONL file (or .parquet); written as OUT.partial, renamed at the end")
    p.add_argument("--format", choices=("jsonl", "parquet"),
                   help="default: parquet if OUT ends in .parquet, else jsonl")
    p.add_argument("--per-article", action="store_true",
                   help="one article a line, with its issue's metadata (always so in Parquet)")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="file names to take from folders (repeatable; default *.txt and *.md)")
    p.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--profile", default="auto", help="a profile name or file, or auto (default)")
    p.add_argument("--path-pattern", metavar="PATTERN",
                   help="read metadata from paths, e.g. {publication}/{date:%%Y%%m%%d}/{page}.txt")
    p.add_argument("--resume", action="store_true", help="skip inputs already in the output")
    p.add_argument("--errors", metavar="FILE", help="where failures go (default OUT.errors.jsonl)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("inspect", help="show the profile chosen and every diagnostic")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", default="auto", help="a profile name or file, or auto (default)")
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("profiles", help="list the profiles and their heuristics")
    p.set_defaults(func=cmd_profiles)

    p = sub.add_parser(
        "evaluate", help="score parses against gold parses",
        description="Score parsed JSON files against gold parses (GOLD PARSED pairs), or parse "
                    "and score every dump of a corpus (--corpus): the mean over every dump and "
                    "over each tool's dumps.")
    p.add_argument("pairs", nargs="*", metavar="GOLD PARSED")
    p.add_argument("--corpus", metavar="GOLD",
                   help="a folder of NAME.gold.json files; each scores every dump of page NAME")
    p.add_argument("--dumps", metavar="DIR",
                   help="where the dumps are (DIR/NAME/* or DIR/NAME.*); default: beside the gold")
    p.add_argument("--exclude", action="append", metavar="WORD",
                   help="leave out dumps whose file name holds WORD (repeatable), e.g. tesseract")
    p.add_argument("--profile", default="auto", help="with --corpus: a profile name or file")
    p.add_argument("--full", action="store_true", help="with --corpus: a row for every dump")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
    except BrokenPipeError:
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
