"""The registry of heuristics, their plug-in discovery, and running a profile over a document.

A heuristic is a plain function ``(Document, settings) -> Document`` registered under a
name with :func:`heuristic`, with the marks (:mod:`baokan.core.marks`) it needs, looks
at and leaves::

    SHOUTED = declare_mark("shouted", TAG, "a paragraph in capitals (an example)")

    @heuristic("shout", settings=ShoutSettings, requires={Stage.PARAGRAPHS},
               reads={Kind.PARAGRAPH}, provides={SHOUTED})
    def shout(doc: Document, settings: ShoutSettings) -> Document:
        "Upper-case every Latin letter of the paragraphs (an example)."
        ...

Third-party packages can also expose heuristics through the entry-point group
``baokan.heuristics``: each entry point loads a :class:`Heuristic` (or a module whose
import registers heuristics with the decorator).  Entry points are read lazily, the
first time a name is looked up that is not built in.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from baokan.core.document import Document
from baokan.core.marks import Kind, Mark, Stage, resolve_marks
from baokan.core.watch import debug_marks_enabled, watch
from baokan.errors import (
    DuplicateHeuristicError,
    SettingsError,
    UnknownHeuristicError,
    UnknownMarkError,
)

ENTRY_POINT_GROUP = "baokan.heuristics"
"""The entry-point group third-party packages use to provide heuristics."""

#: What every document provides before any heuristic has run: its lines, as TEXT blocks.
BASE_PROVIDES: frozenset[Mark] = resolve_marks({Stage.LINES, Kind.TEXT})

MarkNames = Iterable[str | Mark]
"""Marks as a heuristic names them: declared marks, or their names."""


@attrs.frozen(slots=True)
class NoSettings:
    """Settings of a heuristic that has none."""


HeuristicFunc = Callable[[Document, Any], Document]
F = TypeVar("F", bound=Callable[..., Document])


@attrs.frozen(slots=True)
class Heuristic:
    """A named step of a profile: the function, its settings class, and the marks it needs,
    looks at and leaves (:mod:`baokan.core.marks`; names are resolved to declared marks,
    and an undeclared one raises :class:`~baokan.errors.UnknownMarkError`).

    ``requires``: marks that a step before it must provide (or the document, for
    ``lines``); ``reads``: marks it looks at if they are there — a step that provides one
    must run before it; ``accepts``: marks it looks at without depending on them, wherever
    it runs (a PARAGRAPH taken as body like a TEXT line, any kind of title as a title), so
    no order follows from them; ``provides``: the marks it writes.
    """

    name: str
    func: HeuristicFunc
    description: str
    settings_type: type[Any] = NoSettings
    requires: frozenset[Mark] = attrs.field(default=frozenset(), converter=resolve_marks)
    provides: frozenset[Mark] = attrs.field(default=frozenset(), converter=resolve_marks)
    reads: frozenset[Mark] = attrs.field(default=frozenset(), converter=resolve_marks)
    accepts: frozenset[Mark] = attrs.field(default=frozenset(), converter=resolve_marks)

    @property
    def declared(self) -> frozenset[Mark]:
        """Every mark the heuristic may look at or write: what it requires, reads, accepts
        and provides."""
        return self.requires | self.reads | self.accepts | self.provides

    def make_settings(self, overrides: Mapping[str, Any] | None = None) -> Any:
        """Build this heuristic's settings from ``overrides``; unknown keys raise SettingsError."""
        overrides = dict(overrides or {})
        known = {f.name for f in attrs.fields(self.settings_type)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise SettingsError(
                f"heuristic {self.name!r} has no setting {', '.join(map(repr, unknown))}; "
                f"its settings are: {', '.join(sorted(known)) or '(none)'}")
        try:
            return self.settings_type(**overrides)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"bad settings for heuristic {self.name!r}: {exc}") from exc

    def __call__(self, doc: Document, settings: Any = None) -> Document:
        """Run the heuristic over ``doc`` (with default settings if none are given), in
        the debug mode of the marks if ``BAOKAN_DEBUG_MARKS`` asks for it."""
        settings = self.make_settings() if settings is None else settings
        if debug_marks_enabled():
            return watch(self.name, self.declared, self.provides, self.func, doc, settings)
        return self.func(doc, settings)


class Registry:
    """Heuristics by name.  A taken name raises :class:`DuplicateHeuristicError`."""

    def __init__(self) -> None:
        self._items: dict[str, Heuristic] = {}
        self._entry_points_loaded = False

    def add(self, item: Heuristic) -> Heuristic:
        """Register ``item``; raise if its name is taken by another heuristic."""
        existing = self._items.get(item.name)
        if existing is not None and existing.func is not item.func:
            raise DuplicateHeuristicError(f"a heuristic named {item.name!r} is already registered")
        self._items[item.name] = item
        return item

    def remove(self, name: str) -> None:
        """Unregister ``name`` (for tests and for plug-ins that replace themselves)."""
        self._items.pop(name, None)

    def get(self, name: str) -> Heuristic:
        """The heuristic called ``name``, looking at entry points if it is not built in."""
        if name not in self._items:
            self.load_entry_points()
        try:
            return self._items[name]
        except KeyError:
            raise UnknownHeuristicError(
                f"no heuristic named {name!r}; known: {', '.join(sorted(self._items))}") from None

    def names(self) -> list[str]:
        """Every registered name, entry points included, sorted."""
        self.load_entry_points()
        return sorted(self._items)

    def load_entry_points(self) -> None:
        """Import the ``baokan.heuristics`` entry points once."""
        if self._entry_points_loaded:
            return
        self._entry_points_loaded = True
        for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            loaded = entry.load()
            if isinstance(loaded, Heuristic):
                self.add(loaded)

    def reset_entry_points(self) -> None:
        """Forget that entry points were read, so that the next lookup reads them again."""
        self._entry_points_loaded = False


REGISTRY = Registry()
"""The process-wide registry that :func:`heuristic` adds to."""


def heuristic(name: str, *, settings: type[Any] = NoSettings, requires: MarkNames = (),
              provides: MarkNames = (), reads: MarkNames = (), accepts: MarkNames = (),
              description: str | None = None,
              registry: Registry | None = None) -> Callable[[F], F]:
    """Register the decorated function as the heuristic ``name``.

    ``description`` defaults to the first line of the function's docstring; ``settings``
    is a (frozen) attrs class whose fields are the heuristic's settings.  ``requires``,
    ``reads``, ``accepts`` and ``provides`` name declared marks (see :class:`Heuristic`);
    naming one that is not declared raises :class:`~baokan.errors.UnknownMarkError`.
    """
    if not attrs.has(settings):
        raise TypeError(f"settings of heuristic {name!r} must be an attrs class")

    def wrap(func: F) -> F:
        doc_lines = (func.__doc__ or "").strip().splitlines()
        desc = description or (doc_lines[0] if doc_lines else name)
        try:
            item = Heuristic(name=name, func=func, description=desc.strip(),
                             settings_type=settings, requires=requires, provides=provides,
                             reads=reads, accepts=accepts)
        except UnknownMarkError as exc:
            raise UnknownMarkError(f"heuristic {name!r}: {exc}") from None
        (registry or REGISTRY).add(item)
        return func

    return wrap


def get_heuristic(name: str) -> Heuristic:
    """The registered heuristic called ``name`` (built in, decorated, or from an entry point)."""
    return REGISTRY.get(name)


def available_heuristics() -> list[Heuristic]:
    """Every registered heuristic, sorted by name."""
    return [REGISTRY.get(n) for n in REGISTRY.names()]
