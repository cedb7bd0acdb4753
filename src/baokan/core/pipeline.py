"""Running a built pipeline: the order check and the loop over its steps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from baokan.core.document import Document
from baokan.core.registry import BASE_PROVIDES, Heuristic
from baokan.errors import BaokanError, ProfileError
from baokan.models import Diagnostic


@attrs.frozen(slots=True)
class Step:
    """A heuristic of a built pipeline with its settings object."""

    heuristic: Heuristic
    settings: Any


def check_order(steps: Iterable[Step]) -> None:
    """Raise :class:`ProfileError` if a step requires what no step before it provides."""
    have = set(BASE_PROVIDES)
    for step in steps:
        missing = step.heuristic.requires - have
        if missing:
            raise ProfileError(
                f"heuristic {step.heuristic.name!r} requires {', '.join(sorted(missing))}, "
                f"which no heuristic before it provides")
        have |= step.heuristic.provides


class HeuristicFailed(BaokanError):
    """A heuristic raised while it ran over a document (``strict=True`` re-raises as this)."""


def run(doc: Document, steps: Iterable[Step], *, strict: bool = True) -> Document:
    """Run ``steps`` in order over ``doc``.

    With ``strict=False`` a heuristic that raises is skipped and the failure is recorded
    as a diagnostic, so the page is not lost; with ``strict=True`` the error propagates
    as :class:`HeuristicFailed` naming the heuristic.
    """
    for step in steps:
        try:
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
