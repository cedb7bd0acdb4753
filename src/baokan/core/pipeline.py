"""Running a built pipeline: the order check and the loop over its steps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from baokan.core.document import Document
from baokan.core.marks import Mark
from baokan.core.registry import BASE_PROVIDES, Heuristic
from baokan.core.text import forget_parse_memos
from baokan.core.watch import debug_marks_enabled, watch
from baokan.errors import BaokanError, ProfileError
from baokan.models import Diagnostic


@attrs.frozen(slots=True)
class Step:
    """A heuristic of a built pipeline with its settings object."""

    heuristic: Heuristic
    settings: Any


def _names(marks: Iterable[Mark]) -> str:
    return ", ".join(f"the {m.category} {m.name!r}" for m in sorted(marks, key=lambda m: m.name))


def check_order(steps: Iterable[Step]) -> None:
    """Raise :class:`ProfileError` if a step comes before a mark it needs.

    A step that *requires* a mark needs a step before it to provide it (or the document
    itself: its lines); a step that *reads* a mark needs the steps that provide it, if
    the pipeline has any, to include one before it (or itself).  Marks it only *accepts*
    say nothing about the order.  (Run each time a profile is built, so it keeps to set
    operations and looks ahead only for marks that are not there yet.)
    """
    steps = list(steps)
    provided = frozenset[Mark]().union(*(s.heuristic.provides for s in steps))
    have = set(BASE_PROVIDES)
    for index, step in enumerate(steps):
        name = step.heuristic.name
        missing = step.heuristic.requires - have
        if missing:
            providers = [s.heuristic.name for s in steps[index + 1:]
                         if missing & s.heuristic.provides]
            hint = f" (put {' and '.join(map(repr, providers))} before it)" if providers else ""
            raise ProfileError(f"heuristic {name!r} requires {_names(missing)}, which no "
                               f"heuristic before it provides{hint}")
        # what it reads that a step provides, but none before it nor itself
        unmet = (step.heuristic.reads & provided) - have - step.heuristic.provides
        if unmet:
            for provider in (s.heuristic for s in steps[index + 1:]):
                found = unmet & provider.provides
                if found:
                    mark = min(found, key=lambda m: m.name)
                    raise ProfileError(
                        f"heuristic {name!r} reads the {mark.category} {mark.name!r}, which "
                        f"{provider.name!r} provides only later in the profile: put "
                        f"{provider.name!r} before {name!r}")
        have |= step.heuristic.provides


class HeuristicFailed(BaokanError):
    """A heuristic raised while it ran over a document (``strict=True`` re-raises as this)."""


def run(doc: Document, steps: Iterable[Step], *, strict: bool = True,
        debug_marks: bool | None = None) -> Document:
    """Run ``steps`` in order over ``doc``.

    With ``strict=False`` a heuristic that raises is skipped and the failure is recorded
    as a diagnostic, so the page is not lost; with ``strict=True`` the error propagates
    as :class:`HeuristicFailed` naming the heuristic.  ``debug_marks`` (by default, the
    environment variable ``BAOKAN_DEBUG_MARKS``) runs each step in the debug mode of
    :mod:`baokan.core.watch`: a step that reads or writes a mark it does not declare
    raises :class:`~baokan.errors.UndeclaredMarkError`, strict or not.
    """
    debug = debug_marks_enabled() if debug_marks is None else debug_marks
    forget_parse_memos()  # a memo of one parse: none gains from the texts of another
    for step in steps:
        try:
            if debug:
                doc = watch(step.heuristic.name, step.heuristic.declared,
                            step.heuristic.provides, step.heuristic.func, doc, step.settings)
            else:
                doc = step.heuristic.func(doc, step.settings)
        except BaokanError:
            raise
        except Exception as exc:
            span = ((min(b.start for b in doc.blocks), max(b.end for b in doc.blocks))
                    if doc.blocks else (0, 0))
            if strict:
                raise HeuristicFailed(
                    f"heuristic {step.heuristic.name!r} failed on lines {span[0]}-{span[1]}: "
                    f"{type(exc).__name__}: {exc}") from exc
            failure = Diagnostic(step.heuristic.name, "skipped after an error", span,
                                 f"{type(exc).__name__}: {exc}")
            doc = attrs.evolve(doc, diagnostics=(*doc.diagnostics, failure))
    return doc
