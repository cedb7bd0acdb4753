"""The arrows of the architecture, read from the source with :mod:`ast`.

- A heuristic module (``baokan/heuristics/<stage>/<name>.py``) imports the core, the
  models and the errors, the standard library, attrs and regex: never another heuristic.
  What two heuristics share lives in the core.  The stages' ``__init__`` files only
  load the heuristics below them.  A heuristic too big for one module is a package
  (``baokan/heuristics/<stage>/<name>/``) whose modules also import each other.
- The core (``baokan/core/``) imports only itself, the models, the errors, the standard
  library, attrs and regex: never the heuristics, the profiles, the API, the CLI or the
  I/O layer.
- The CLI (``baokan/cli.py``) imports only the public API (``baokan``), the I/O layer
  (``baokan.io``) and the standard library.

Every import counts, wherever it is (inside a function, under ``TYPE_CHECKING``);
relative imports are resolved, and ``from baokan import api`` counts as importing
``baokan.api``.
"""

from __future__ import annotations

import ast
import graphlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import baokan

PACKAGE = Path(baokan.__file__).parent
STDLIB = frozenset(sys.stdlib_module_names)

#: Third-party modules a heuristic or the core may import.
THIRD_PARTY = frozenset({"attrs", "regex"})
#: baokan modules (and the packages below them) a heuristic may import.
HEURISTIC_MAY_IMPORT = ("baokan.core", "baokan.models", "baokan.errors")
#: baokan modules (and the packages below them) the core may import.
CORE_MAY_IMPORT = ("baokan.core", "baokan.models", "baokan.errors")
#: baokan modules the CLI may import: the top-level package (its ``__all__``) and io.
CLI_MAY_IMPORT = ("baokan.io",)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def imported(module: str, source: str, *, package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in ``source``, the code of ``module`` (a package's
    ``__init__`` when ``package``)."""
    here = module.split(".") if package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                # `from baokan import api` imports the module baokan.api
                sub = f"{target}.{alias.name}"
                yield node.lineno, sub if sub in MODULES else target


def violations(module: str, source: str, allowed: Callable[[str], bool], *,
               package: bool = False) -> list[str]:
    """The imports of ``module`` that ``allowed`` refuses, as ``module:line imports name``."""
    return [f"{module}:{line} imports {name}"
            for line, name in imported(module, source, package=package) if not allowed(name)]


def _library(name: str) -> bool:
    return name.split(".")[0] in STDLIB or name.split(".")[0] in THIRD_PARTY


def heuristic_may_import(name: str) -> bool:
    """What a heuristic module may import."""
    return _library(name) or _within(name, HEURISTIC_MAY_IMPORT)


def core_may_import(name: str) -> bool:
    """What a module of the core may import."""
    return _library(name) or _within(name, CORE_MAY_IMPORT)


def cli_may_import(name: str) -> bool:
    """What the CLI may import."""
    return name.split(".")[0] in STDLIB or name == "baokan" or _within(name, CLI_MAY_IMPORT)


def _check(prefix: str, allowed: Callable[[str], bool],
           rule_of: Callable[[str, bool], Callable[[str], bool]] | None = None) -> list[str]:
    found = []
    for module, path in MODULES.items():
        if not _within(module, (prefix,)):
            continue
        package = path.name == "__init__.py"
        rule = rule_of(module, package) if rule_of is not None else allowed
        found += violations(module, path.read_text(encoding="utf-8"), rule, package=package)
    return found


def _loads_only_below(package: str) -> Callable[[str], bool]:
    # a heuristics package's __init__ imports the heuristics below it, to register them
    return lambda name: name.split(".")[0] in STDLIB or _within(name, (package,))


#: How many parts the name of a heuristic has: ``baokan.heuristics.<stage>.<name>``.
HEURISTIC_PARTS = 4


def heuristic_rule(module: str, package: bool) -> Callable[[str], bool]:
    """What a module below ``baokan.heuristics`` may import: a stage's package loads the
    heuristics below it; a heuristic imports the core, and the modules of a heuristic that
    is a package import each other."""
    parts = module.split(".")
    if package and len(parts) < HEURISTIC_PARTS:
        return _loads_only_below(module)
    own = ".".join(parts[:HEURISTIC_PARTS])
    return lambda name: heuristic_may_import(name) or _within(name, (own,))


def test_there_are_modules_to_check() -> None:
    heuristics = [m for m, p in MODULES.items()
                  if m.startswith("baokan.heuristics.") and p.name != "__init__.py"]
    assert len(heuristics) >= 15 and "baokan.core" in MODULES and "baokan.cli" in MODULES


def test_no_heuristic_imports_another() -> None:
    assert _check("baokan.heuristics", heuristic_may_import, heuristic_rule) == []


def test_a_heuristic_package_imports_its_modules_one_way() -> None:
    # the modules of a heuristic that is a package: no import cycle among them
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        parts = module.split(".")
        if not _within(module, ("baokan.heuristics",)) or len(parts) < HEURISTIC_PARTS:
            continue
        own = ".".join(parts[:HEURISTIC_PARTS])
        source = path.read_text(encoding="utf-8")
        graph[module] = {name for _, name in imported(module, source,
                                                       package=path.name == "__init__.py")
                         if _within(name, (own,)) and name != module}
    assert any(len(deps) > 0 for deps in graph.values())
    list(graphlib.TopologicalSorter(graph).static_order())  # raises CycleError on a cycle


def test_the_core_imports_nothing_above_it() -> None:
    assert _check("baokan.core", core_may_import) == []


def test_the_cli_uses_the_public_api_only() -> None:
    assert _check("baokan.cli", cli_may_import) == []


def test_what_the_cli_takes_from_baokan_is_public() -> None:
    tree = ast.parse(MODULES["baokan.cli"].read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and node.module == "baokan" and not node.level
             for alias in node.names}
    assert names and names <= set(baokan.__all__)


ITS = "baokan.heuristics.repair.join_lines"
#: a module of a heuristic that is a package
PART = "baokan.heuristics.structure.segment_articles.walk"


@pytest.mark.parametrize(("module", "source", "allowed", "package"), [
    (ITS, "from baokan.heuristics.structure.find_titles import x", heuristic_may_import, False),
    (ITS, "import baokan.heuristics.structure.find_titles", heuristic_may_import, False),
    (ITS, "from ..structure import find_titles", heuristic_may_import, False),
    (ITS, "from . import strip_garbage", heuristic_may_import, False),
    (ITS, "from baokan.heuristics import structure", heuristic_may_import, False),
    (ITS, "def f():\n    from baokan.profiles import get_profile", heuristic_may_import, False),
    (ITS, "import numpy", heuristic_may_import, False),
    (PART, "from baokan.heuristics.structure.find_titles import x", heuristic_rule(PART, False),
     False),
    (PART, "from ..find_titles import x", heuristic_rule(PART, False), False),
    ("baokan.heuristics.structure.segment_articles",
     "from baokan.heuristics.structure.find_titles import x",
     heuristic_rule("baokan.heuristics.structure.segment_articles", True), True),
    ("baokan.heuristics.repair", "from baokan.heuristics.order import x",
     _loads_only_below("baokan.heuristics.repair"), True),
    ("baokan.core.spans", "from baokan.heuristics.repair.join_lines import x", core_may_import,
     False),
    ("baokan.core.spans", "from baokan.io.batch import Job", core_may_import, False),
    ("baokan.core.spans", "from .. import api", core_may_import, False),
    ("baokan.core", "from ..profiles import Profile", core_may_import, True),
    ("baokan.cli", "from baokan.core.registry import get_heuristic", cli_may_import, False),
    ("baokan.cli", "from baokan import api", cli_may_import, False),
    ("baokan.cli", "import baokan.profiles", cli_may_import, False),
    ("baokan.cli", "from .models import Issue", cli_may_import, False),
])
def test_a_bad_import_is_caught(module: str, source: str, allowed: Callable[[str], bool],
                                package: bool) -> None:
    assert len(violations(module, source, allowed, package=package)) == 1


@pytest.mark.parametrize(("module", "source", "allowed"), [
    (ITS, "from baokan.core.document import Block\nfrom ...core import text\nimport regex",
     heuristic_may_import),
    (ITS, "from __future__ import annotations\nfrom baokan.models import Dropped",
     heuristic_may_import),
    ("baokan.core.spans", "from .document import Block\nfrom baokan.errors import X",
     core_may_import),
    ("baokan.cli", "import json\nfrom baokan import parse_file\nfrom baokan.io.render import x",
     cli_may_import),
    (PART, "from baokan.heuristics.structure.segment_articles.article import x\n"
     "from .settings import y\nfrom baokan.core.text import bigrams", heuristic_rule(PART, False)),
])
def test_a_good_import_passes(module: str, source: str, allowed: Callable[[str], bool]) -> None:
    assert violations(module, source, allowed) == []
