"""What a new user meets first: the README's commands, the licence, the project's links."""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # the `test` extra installs tomli there
    import tomli as tomllib

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
BASH = re.findall(r"```bash\n(.*?)```", README, re.S)


def test_the_first_command_installs_the_package_alone_and_parses_a_seed() -> None:
    first = BASH[0].strip()
    assert "pip install -e . " in first and "[" not in first
    assert re.search(r"baokan parse seeds/\S+\.txt", first)
    # the package alone needs no more than this
    names = {re.split(r"[<>=;\[ ]", d)[0] for d in PYPROJECT["project"]["dependencies"]}
    # the parser's three, cattrs (the JSON contract) and tqdm (the CLI's progress bar):
    # anything more is an extra
    assert names == {"attrs", "cattrs", "charset-normalizer", "regex", "tqdm"}


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    test_command = BASH[1].strip()
    assert 'pip install -e ".[test]"' in test_command and "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == test_command
    assert any("ruff check" in line for line in ci) and any("mypy --strict" in line for line in ci)
    assert any("sphinx-build -W" in line for line in ci)


def test_the_test_extra_holds_what_the_tests_import() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    test = " ".join(extras["test"])
    for need in ("pytest", "hypothesis", "jsonschema", "eval", "pandas", "dask"):
        assert need in test


def test_readmes_signature_of_parse_matches_the_code() -> None:
    import inspect

    import baokan

    shown = re.search(r"`parse\((.*?)\)`", README)
    assert shown is not None
    names = [p.strip().split("=")[0] for p in shown[1].split(",") if p.strip() not in ("*",)]
    assert names == list(inspect.signature(baokan.parse).parameters)


def test_mit_licence_file_and_no_relative_links() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and PYPROJECT["project"]["license"] == "MIT"
    # project URLs: none until the project has a public home (an invented one misleads)
    assert all(u.startswith("https://") for u in PYPROJECT["project"].get("urls", {}).values())
    links = re.findall(r"\]\(([^)]+)\)", README)
    assert all(link.startswith("https://") for link in links), links
