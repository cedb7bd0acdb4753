"""Fixture cases of the heuristics: reading the case files, running a case, rendering blocks.

The format is described in ``tests/heuristics/README.md``.  In short, a case file holds
cases like this one::

    === a sentence cut by a blank line is one sentence
    settings: mode=paragraph-per-line
    --- input
    与此同时,针对意外伤害报销政策在全

    市范围内存在的口径不一问题,市医保部门将统一规范。
    --- expected
    paragraph 1-3 | 与此同时,针对意外伤害报销政策在全市范围内存在的口径不一问题,市医保部门将统一规范。

A case runs one heuristic (the folder's) on its input, after its ``steps:`` if it names
any, and compares a rendering of what came out: one line per block, then the text the
heuristic dropped, the page metadata and flags, and (with ``show: diagnostics``) what
the heuristic said it did.

Run this module to see what each case renders today (to write the expected part of a
new case, then check it line by line against the spec)::

    PYTHONPATH=src python -m tests.heuristics.fixtures tests/heuristics/join-lines/cases.txt
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baokan import Block, BylineData, Document, get_heuristic
from baokan.profiles.detect import detect_profile

HERE = Path(__file__).resolve().parent
#: The file of each heuristic's folder whose cases are expected to fail (xfail, strict).
KNOWN_FAILURES = "known_failures.txt"
#: The file of each heuristic's folder whose cases must pass.
CASES = "cases.txt"

_CASE = "=== "
_INPUT = "--- input"
_EXPECTED = "--- expected"
_HEADER_KEYS = frozenset({"steps", "settings", "show", "input", "measure"})


class FixtureError(ValueError):
    """A case file that does not follow the format."""


@dataclass
class Step:
    """A heuristic to run and the settings it runs with (overrides of its defaults)."""

    name: str
    settings: dict[str, Any] = field(default_factory=dict)

    def run(self, doc: Document) -> Document:
        heuristic = get_heuristic(self.name)
        return heuristic(doc, heuristic.make_settings(self.settings))


@dataclass
class Case:
    """One input/expected pair of one heuristic, with where it stands in its file."""

    heuristic: str
    title: str
    path: Path
    line: int
    steps: list[Step]
    settings: dict[str, Any]
    show_diagnostics: bool
    input_kind: str  # "text" (a dump) or "blocks" (blocks written as the expected part is)
    input: str
    expected: str
    measured: bool = False  # give the document profile detection's measurements of the input

    @property
    def id(self) -> str:
        """A readable test id: ``join-lines/a-sentence-cut-by-a-blank-line-is-one-sentence``."""
        return f"{self.heuristic}/{slug(self.title)}"

    @property
    def location(self) -> str:
        return f"{self.path.relative_to(HERE.parent.parent)}:{self.line}"

    @property
    def known_failure(self) -> bool:
        return self.path.name == KNOWN_FAILURES

    def prepared(self) -> Document:
        """The document the heuristic under test is given: the input, after the steps."""
        doc = (Document(blocks=parse_blocks(self.input)) if self.input_kind == "blocks"
               else Document.from_text(unescape(self.input)))
        if self.measured:
            doc = doc.measure(**detect_profile(unescape(self.input))[1])
        for step in self.steps:
            doc = step.run(doc)
        return doc

    def run(self) -> tuple[Document, Document]:
        """``(before, after)``: the prepared document and what the heuristic made of it."""
        before = self.prepared()
        return before, Step(self.heuristic, self.settings).run(before)

    def render(self) -> str:
        """What the heuristic made of the input, rendered as the expected part is written."""
        before, after = self.run()
        return render(before, after, self.heuristic, diagnostics=self.show_diagnostics)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


# -- reading case files


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _split_top(text: str) -> list[str]:
    """Split on commas that are not inside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def parse_settings(text: str) -> dict[str, Any]:
    """``mode=wrapped, full_slack=1.5`` → ``{"mode": "wrapped", "full_slack": 1.5}``."""
    settings: dict[str, Any] = {}
    for item in _split_top(text):
        key, sep, value = item.partition("=")
        if not sep:
            raise FixtureError(f"setting {item!r} is not name=value")
        settings[key.strip()] = _value(value.strip())
    return settings


def parse_steps(text: str) -> list[Step]:
    """``find-bylines, join-lines(mode=wrapped)`` → the steps to run first."""
    steps = []
    for item in _split_top(text):
        match = re.fullmatch(r"([\w-]+)(?:\((.*)\))?", item)
        if match is None:
            raise FixtureError(f"step {item!r} is not name or name(setting=value, ...)")
        steps.append(Step(match[1], parse_settings(match[2] or "")))
    return steps


def read_cases(path: Path) -> list[Case]:
    """The cases of one file (the heuristic is the name of the file's folder)."""
    heuristic = path.parent.name
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(_CASE)]
    cases = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        cases.append(_read_case(heuristic, path, lines, start, stop))
    return cases


def _read_case(heuristic: str, path: Path, lines: list[str], start: int, stop: int) -> Case:
    where = f"{path}:{start + 1}"
    body = lines[start + 1:stop]
    try:
        at_input = body.index(_INPUT)
        at_expected = body.index(_EXPECTED)
    except ValueError:
        raise FixtureError(f"{where}: a case needs a '{_INPUT}' and an '{_EXPECTED}' line") from None
    if not at_input < at_expected:
        raise FixtureError(f"{where}: '{_INPUT}' must come before '{_EXPECTED}'")
    header: dict[str, str] = {}
    for line in body[:at_input]:
        if not line.strip() or line.startswith("#"):
            continue  # comments: why the case matters, what the spec says
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in _HEADER_KEYS:
            raise FixtureError(f"{where}: header line {line!r} is not one of "
                               f"{', '.join(sorted(_HEADER_KEYS))}: ...")
        header[key.strip()] = value.strip()
    input_lines = body[at_input + 1:at_expected]
    while input_lines and not input_lines[-1].strip():
        input_lines.pop()
    expected = [line.rstrip() for line in body[at_expected + 1:] if line.strip()]
    show = header.get("show", "")
    if show not in ("", "diagnostics"):
        raise FixtureError(f"{where}: 'show:' takes only 'diagnostics'")
    input_kind = header.get("input", "text")
    if input_kind not in ("text", "blocks"):
        raise FixtureError(f"{where}: 'input:' is 'text' (the default) or 'blocks'")
    if header.get("measure", "text") != "text":
        raise FixtureError(f"{where}: 'measure:' takes only 'text'")
    return Case(heuristic=heuristic, title=lines[start][len(_CASE):].strip(), path=path,
                line=start + 1, steps=parse_steps(header.get("steps", "")),
                settings=parse_settings(header.get("settings", "")),
                show_diagnostics=show == "diagnostics", input_kind=input_kind,
                input="\n".join(input_lines), expected="\n".join(expected),
                measured="measure" in header)


def heuristic_folders() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def all_cases() -> Iterator[Case]:
    """Every case of every heuristic folder, the passing ones and the known failures."""
    for folder in heuristic_folders():
        for name in (CASES, KNOWN_FAILURES):
            if (folder / name).exists():
                yield from read_cases(folder / name)


# -- writing and reading blocks

_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp"})


def escape(text: str) -> str:
    r"""Invisible characters as ``\u200b`` (an ideographic space as ``\u3000``)."""
    return "".join(
        ch if ch == " " or unicodedata.category(ch) not in _INVISIBLE
        else (f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        for ch in text)


def unescape(text: str) -> str:
    r"""The inverse of :func:`escape`: ``\u200b`` in a case's input is U+200B."""
    return re.sub(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})",
                  lambda m: chr(int(m[1] or m[2], 16)), text)


def _span(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}-{end}"


def render_byline(data: BylineData) -> str:
    parts = []
    if data.role is not None:
        parts.append(f"role={data.role}")
    if data.organization is not None:
        parts.append(f"org={data.organization}")
    if data.names:
        parts.append(f"names={','.join(data.names)}")
    return "  = " + " ".join(parts)


def _mark(mark: object) -> str:
    """A kind or tag as written in a case (its value, should marks become enums)."""
    return str(getattr(mark, "value", mark))


def render_block(block: Block) -> list[str]:
    """``kind span [level=N] [article=N] [[tags]] | text``, then a line per parsed byline."""
    head = f"{_mark(block.kind)} {_span(block.start, block.end)}"
    if block.level is not None:
        head += f" level={block.level}"
    if block.article is not None:
        head += f" article={block.article}"
    if block.tags:
        head += f" [{', '.join(sorted(map(_mark, block.tags)))}]"
    return [f"{head} | {escape(block.text)}", *map(render_byline, block.bylines)]


def render(before: Document, after: Document, heuristic: str, *, diagnostics: bool = False) -> str:
    """The blocks of ``after``; then the text dropped since ``before``, the page's metadata
    and flags; then, with ``diagnostics``, what ``heuristic`` said it did."""
    out = [line for block in after.blocks for line in render_block(block)]
    for dropped in after.dropped[len(before.dropped):]:
        start, end = dropped.source_lines
        out.append(f"dropped {dropped.reason} {_span(start, end)} | {escape(dropped.text)}")
    if after.meta:
        out.append("meta " + " ".join(f"{k}={v}" for k, v in sorted(after.meta.items())))
    if after.flags:
        out.append("flags " + " ".join(sorted(after.flags)))
    if diagnostics:
        for d in after.diagnostics[len(before.diagnostics):]:
            if d.heuristic == heuristic:
                line = f"did {_span(*d.lines)} | {d.action}"
                out.append(f"{line} | {escape(d.detail)}" if d.detail else line)
    return "\n".join(line.rstrip() for line in out)


_BLOCK_LINE = re.compile(r"(?P<kind>\S+) (?P<start>\d+)(?:-(?P<end>\d+))?"
                         r"(?P<attrs>(?: [a-z_]+=\d+)*)(?: \[(?P<tags>[^\]]*)\])? \| (?P<text>.*)")
_BYLINE_FIELD = re.compile(r"(role|org|names)=(.*?)(?= (?:role|org|names)=|$)")
_BLOCK_ATTRS = {"level": "level", "article": "article", "gap": "gap_before", "indent": "indent"}


def parse_blocks(text: str) -> tuple[Block, ...]:
    """Blocks written as :func:`render_block` writes them (``gap=N`` and ``indent=N`` too)."""
    blocks: list[Block] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("  = "):
            fields: Mapping[str, str] = dict(_BYLINE_FIELD.findall(line[4:]))
            data = BylineData(names=tuple(n for n in fields.get("names", "").split(",") if n),
                              role=fields.get("role"), organization=fields.get("org"))
            blocks[-1] = blocks[-1].with_(bylines=(*blocks[-1].bylines, data))
            continue
        match = _BLOCK_LINE.fullmatch(line)
        if match is None:
            raise FixtureError(f"not a block: {line!r} (kind span [attr=N] [[tags]] | text)")
        attrs: dict[str, Any] = {}
        for item in match["attrs"].split():
            key, _, value = item.partition("=")
            if key not in _BLOCK_ATTRS:
                raise FixtureError(f"unknown block attribute {key!r} in {line!r}")
            attrs[_BLOCK_ATTRS[key]] = int(value)
        tags = frozenset(t.strip() for t in (match["tags"] or "").split(",") if t.strip())
        start = int(match["start"])
        blocks.append(Block(text=unescape(match["text"]), start=start,
                            end=int(match["end"] or start), kind=match["kind"], tags=tags,
                            **attrs))
    return tuple(blocks)


def main(paths: list[str]) -> int:
    """Print, for each case of the files given, whether it passes and what it renders."""
    differ = 0
    for path in paths:
        for case in read_cases(Path(path).resolve()):
            got = case.render()
            same = got == case.expected
            differ += not same
            print(f"{'ok     ' if same else 'DIFFERS'} {case.location} {case.title}")
            if not same:
                print("\n".join("    " + line for line in got.splitlines()) or "    (nothing)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
