"""The Python examples of README.md and docs/*.md run as written.

Each Markdown file's ```python blocks are put, in order, into one script (a later block
may use what an earlier one made, as a reader does), which runs with ``python`` in a
temporary folder that holds the seeds (``seeds/``) and a small archive laid out as
``archive/<publication>/<YYYYMMDD>/<page>.txt``: as a user would paste them into a file.
A block that cannot run here (it needs a cluster or a library baokan does not use) is
marked in the Markdown, visibly, by ``<!-- skip-example: why -->`` on the line before it;
the run's summary says how many were skipped and why (see ``conftest.py``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

from .conftest import ROOT, SEEDS

FENCE = re.compile(r"^(?P<indent>[ \t]*)```python[ \t]*\n(?P<code>.*?)^(?P=indent)```", re.M | re.S)
SKIP = re.compile(r"<!--\s*skip-example:\s*(?P<why>.+?)\s*-->\s*\Z")
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@attrs.frozen
class Example:
    file: Path
    line: int
    code: str
    skip: str | None  # why it does not run here


def examples(path: Path) -> list[Example]:
    """The ```python blocks of a Markdown file, each with its skip reason if marked."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip()
        last = before.splitlines()[-1] if before else ""
        skip = SKIP.search(last)
        found.append(Example(path, text.count("\n", 0, match.start()) + 1,
                             textwrap.dedent(match["code"]), skip["why"] if skip else None))
    return found


ALL = [e for path in DOCS for e in examples(path)]
SKIPPED = [e for e in ALL if e.skip]
WITH_CODE = [p for p in DOCS if any(e.file == p and not e.skip for e in ALL)]


def _workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    for day, seed in enumerate(SEEDS, 1):
        folder = tmp_path / "archive" / "咸宁日报" / f"202408{day:02d}"
        folder.mkdir(parents=True)
        shutil.copy(seed, folder / "A1.txt")
    return tmp_path


@pytest.mark.parametrize("doc", WITH_CODE, ids=[str(p.relative_to(ROOT)) for p in WITH_CODE])
def test_the_examples_run_as_written(doc: Path, tmp_path: Path) -> None:
    script = "\n\n".join(f"# {doc.name}, line {e.line}\n{e.code}"
                         for e in ALL if e.file == doc and not e.skip)
    where = _workspace(tmp_path)
    (where / "example.py").write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "example.py"], cwd=where, env=env, text=True,
                          capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, f"{doc.name}'s examples fail:\n{done.stderr[-3000:]}"


def test_every_example_is_run_or_marked_with_a_reason() -> None:
    assert ALL and WITH_CODE
    assert all(e.skip.strip() for e in SKIPPED)  # type: ignore[union-attr]
    assert len(SKIPPED) <= 8, [f"{e.file.name}:{e.line}" for e in SKIPPED]


def test_the_runner_finds_blocks_and_marks(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("a\n\n```python\nx = 1\n```\n\n<!-- skip-example: needs ray -->\n"
                   "```python\nimport ray\n```\n\n- item\n\n  ```python\n  y = 2\n  ```\n",
                   encoding="utf-8")
    found = examples(doc)
    assert [(e.line, e.code, e.skip) for e in found] == [
        (3, "x = 1\n", None), (8, "import ray\n", "needs ray"), (14, "y = 2\n", None)]
