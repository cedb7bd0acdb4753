"""The debug mode of the marks: fail a heuristic that reads or writes a mark it did not declare.

Switched on by ``run(..., debug_marks=True)`` or the environment variable
``BAOKAN_DEBUG_MARKS=1`` (the test suite sets it).  Before a step, every block's
``kind`` is wrapped in a ``str`` that notes the strings it is compared with, and its
``tags`` (and the document's ``flags``) in a ``frozenset`` that notes the strings
looked up in it; after the step the wrappers are taken off again, so the step's output
is what it is without them.  Then:

- a mark on a block of the output that no block of the input carried on the same
  source lines (a kind, a tag, a heading ``level`` for the stage ``headings``, an
  ``article`` for the stage ``articles``), or a document flag the input did not carry,
  is a *write*, and must be among what the heuristic ``provides``;
- a mark the heuristic compared a kind with or looked up in the tags or flags is a
  *read*, and must be among what it ``requires``, ``reads``, ``accepts`` or
  ``provides``.

Otherwise :class:`~baokan.errors.UndeclaredMarkError` names the heuristic and the mark.
What a heuristic only sees pass by (the kind of a block it skips because it is not
one of those it looks for) is not a read: a heuristic declares the marks it names, not
every mark it may meet.  Reads of ``level``, ``article`` and ``meta`` are not watched.

Normal mode does none of this: the runner calls the heuristic as it is.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from baokan.core.document import Block, Document
from baokan.core.marks import Mark, Stage, get_mark
from baokan.errors import UndeclaredMarkError, UnknownMarkError

ENV_VAR = "BAOKAN_DEBUG_MARKS"
"""The environment variable that switches the debug mode of the marks on (``1``)."""


def debug_marks_enabled() -> bool:
    """Whether ``BAOKAN_DEBUG_MARKS`` asks for the debug mode (set, and not ``0``/``false``/``no``)."""
    return os.environ.get(ENV_VAR, "").strip().lower() not in ("", "0", "false", "no", "off")


def _note(seen: set[str], values: Iterable[object]) -> None:
    """Note the plain strings among ``values``: the marks a heuristic named.  The kinds
    and tags of blocks (wrapped) are what it met, not what it asked for."""
    if isinstance(values, _WatchedSet):
        return
    for value in values:
        if isinstance(value, str) and not isinstance(value, _WatchedKind):
            seen.add(str(value))


class _WatchedKind(str):
    """A block's kind that notes every plain string it is compared with.

    ``block.kind == Kind.TITLE``, ``block.kind in (Kind.TEXT, …)`` and, where the hash
    matches, ``block.kind in Kind.BODY`` all end in ``__eq__`` here: Python tries the
    reflected ``__eq__`` of a subclass first, so the constant on the left does not hide it.
    """

    _seen: set[str]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str) and not isinstance(other, _WatchedKind):
            self._seen.add(str(other))
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        if isinstance(other, str) and not isinstance(other, _WatchedKind):
            self._seen.add(str(other))
        return str.__ne__(self, other)

    __hash__ = str.__hash__


def _kind(value: str, seen: set[str]) -> _WatchedKind:
    watched = _WatchedKind(value)
    watched._seen = seen
    return watched


class _WatchedSet(frozenset[str]):
    """Tags (or document flags) that note what is looked up in them.

    A look-up (``x in tags``), an intersection or difference with named tags notes
    those names; iterating notes every tag the set holds; a union gives a watched set
    again, so that what is looked up in it later is noted too.
    """

    __slots__ = ("_seen",)
    _seen: set[str]

    def _wrap(self, values: frozenset[str]) -> _WatchedSet:
        return _tags(values, self._seen)

    def __contains__(self, item: object) -> bool:
        _note(self._seen, (item,))
        return frozenset.__contains__(self, item)

    def __iter__(self) -> Iterator[str]:
        _note(self._seen, frozenset.__iter__(self))
        return frozenset.__iter__(self)

    def __and__(self, other: Any) -> _WatchedSet:
        _note(self._seen, other)
        return self._wrap(frozenset.__and__(self, other))

    __rand__ = __and__

    def __sub__(self, other: Any) -> _WatchedSet:
        _note(self._seen, other)
        return self._wrap(frozenset.__sub__(self, other))

    def __rsub__(self, other: Any) -> _WatchedSet:
        _note(self._seen, other)
        return self._wrap(frozenset(other) - frozenset(self))

    def __xor__(self, other: Any) -> _WatchedSet:
        _note(self._seen, other)
        return self._wrap(frozenset.__xor__(self, other))

    __rxor__ = __xor__

    def __or__(self, other: Any) -> _WatchedSet:
        return self._wrap(frozenset.__or__(self, other))

    __ror__ = __or__

    def union(self, *others: Iterable[Any]) -> _WatchedSet:
        return self._wrap(frozenset.union(self, *others))

    def intersection(self, *others: Iterable[Any]) -> _WatchedSet:
        for other in others:
            _note(self._seen, other)
        return self._wrap(frozenset.intersection(self, *others))

    def difference(self, *others: Iterable[Any]) -> _WatchedSet:
        for other in others:
            _note(self._seen, other)
        return self._wrap(frozenset.difference(self, *others))

    def symmetric_difference(self, other: Iterable[Any]) -> _WatchedSet:
        _note(self._seen, other)
        return self._wrap(frozenset.symmetric_difference(self, other))

    def isdisjoint(self, other: Iterable[Any]) -> bool:
        _note(self._seen, other)
        return frozenset.isdisjoint(self, other)

    def issubset(self, other: Iterable[Any]) -> bool:
        _note(self._seen, other)
        return frozenset.issubset(self, other)

    def issuperset(self, other: Iterable[Any]) -> bool:
        _note(self._seen, other)
        return frozenset.issuperset(self, other)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, frozenset | set) and not isinstance(other, _WatchedSet):
            _note(self._seen, other)
        return frozenset.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        if isinstance(other, frozenset | set) and not isinstance(other, _WatchedSet):
            _note(self._seen, other)
        return frozenset.__ne__(self, other)

    __hash__ = frozenset.__hash__

    def __le__(self, other: Any) -> bool:
        _note(self._seen, other)
        return frozenset.__le__(self, other)

    def __lt__(self, other: Any) -> bool:
        _note(self._seen, other)
        return frozenset.__lt__(self, other)

    def __ge__(self, other: Any) -> bool:
        _note(self._seen, other)
        return frozenset.__ge__(self, other)

    def __gt__(self, other: Any) -> bool:
        _note(self._seen, other)
        return frozenset.__gt__(self, other)


def _tags(values: Iterable[str], seen: set[str]) -> _WatchedSet:
    watched = _WatchedSet(values)
    watched._seen = seen
    return watched


def _watched(doc: Document, seen: set[str]) -> Document:
    blocks = tuple(b.with_(kind=_kind(b.kind, seen), tags=_tags(b.tags, seen))
                   for b in doc.blocks)
    return attrs.evolve(doc, blocks=blocks, flags=_tags(doc.flags, seen))


def _plain(doc: Document) -> Document:
    """``doc`` with every wrapper taken off: plain ``str`` kinds and ``frozenset`` tags
    (neither conversion calls a method of the wrappers, so nothing more is noted)."""
    blocks = tuple(b if type(b.kind) is str and type(b.tags) is frozenset
                   else b.with_(kind=str(b.kind), tags=frozenset(b.tags)) for b in doc.blocks)
    flags = doc.flags if type(doc.flags) is frozenset else frozenset(doc.flags)
    return attrs.evolve(doc, blocks=blocks, flags=flags)


def _block_marks(block: Block) -> list[str]:
    marks = [block.kind, *block.tags]
    if block.level is not None:
        marks.append(Stage.HEADINGS)
    if block.article is not None:
        marks.append(Stage.ARTICLES)
    return marks


class _Spans:
    """Where each mark stood on the input: for a mark, its blocks' line spans, to ask
    whether any of them overlaps a span of the output."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        spans: dict[str, list[tuple[int, int]]] = {}
        for block in blocks:
            for mark in _block_marks(block):
                spans.setdefault(mark, []).append((block.start, block.end))
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}
        for mark, found in spans.items():
            found.sort()
            reach: list[int] = []
            for _, end in found:
                reach.append(max(end, reach[-1]) if reach else end)
            self._starts[mark] = [start for start, _ in found]
            self._reach[mark] = reach

    def carried(self, mark: str, start: int, end: int) -> bool:
        """Whether a block of the input that carried ``mark`` covered a line of ``start``–``end``."""
        starts = self._starts.get(mark)
        if not starts:
            return False
        i = bisect.bisect_right(starts, end) - 1
        return i >= 0 and self._reach[mark][i] >= start


def _describe(name: str) -> str:
    try:
        mark: Mark = get_mark(name)
    except UnknownMarkError:
        return f"{name!r} (not a declared mark)"
    return f"the {mark.category} {name!r}"


def watch(name: str, declared: frozenset[Mark], provides: frozenset[Mark],
          func: Callable[[Document, Any], Document], doc: Document, settings: Any) -> Document:
    """Run ``func`` (the heuristic ``name``) over ``doc`` in debug mode; raise
    :class:`~baokan.errors.UndeclaredMarkError` if it reads a mark not in ``declared``
    or writes one not in ``provides``."""
    seen: set[str] = set()
    out = func(_watched(doc, seen), settings)
    reads = set(seen)  # before the wrappers come off (taking them off notes nothing anyway)
    out = _plain(out)
    undeclared = sorted(reads - {m.name for m in declared})
    if undeclared:
        raise UndeclaredMarkError(
            f"heuristic {name!r} read {', '.join(map(_describe, undeclared))}, which it does "
            f"not declare: name {'it' if len(undeclared) == 1 else 'them'} in its requires, "
            f"reads, accepts or provides")
    written = {m.name for m in provides}
    flags = sorted(out.flags - doc.flags - written)
    if flags:
        raise UndeclaredMarkError(
            f"heuristic {name!r} wrote {', '.join(map(_describe, flags))} on the document, "
            f"which it does not declare in its provides")
    spans: _Spans | None = None
    for block in out.blocks:
        for mark in _block_marks(block):
            if mark in written:
                continue
            spans = spans or _Spans(doc.blocks)
            if not spans.carried(mark, block.start, block.end):
                raise UndeclaredMarkError(
                    f"heuristic {name!r} wrote {_describe(mark)} on lines {block.start}-"
                    f"{block.end}, which it does not declare in its provides")
    return out
