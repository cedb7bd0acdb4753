"""The working document that heuristics read and write.

A :class:`Document` is an ordered tuple of :class:`Block` s, each with its text, its
kind and the span of source lines it came from, plus the diagnostics and dropped text
accumulated so far.  Both are frozen: a heuristic returns a new Document (cheaply, with
:meth:`Document.replace_blocks`), never changes the one it was given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from baokan.core.marks import Kind, Tag
from baokan.models import Diagnostic, Dropped

__all__ = ["Block", "BylineData", "Document", "Kind", "Recorder", "blank_lines_part"]


@attrs.frozen(slots=True)
class BylineData:
    """A parsed byline carried by a byline or credit block (role, organization, names)."""

    names: tuple[str, ...]
    role: str | None = None
    organization: str | None = None


@attrs.frozen(slots=True)
class Block:
    """A piece of the dump: text, kind, the source lines it spans, and what heuristics noted.

    ``gap_before`` counts the blank lines that stood before it in the dump; ``level`` is
    a markdown heading level (1–6) where the dump marked one; ``article`` the index of
    the article a segmentation heuristic put it in; ``bylines`` the parsed names of a
    byline or credit block; ``tags`` marks such as ``closing`` for a byline that ends an
    article (:class:`~baokan.core.marks.Tag`; a third-party heuristic declares its own
    with :func:`~baokan.core.marks.declare_mark`); ``indent`` the
    characters of white space the source line began with (the text itself is stripped).
    """

    text: str
    start: int
    end: int
    kind: str = Kind.TEXT
    gap_before: int = 0
    level: int | None = None
    article: int | None = None
    bylines: tuple[BylineData, ...] = ()
    tags: frozenset[str] = frozenset()
    indent: int = 0

    @property
    def span(self) -> tuple[int, int]:
        """The source lines ``(start, end)``, 1-based and inclusive."""
        return (self.start, self.end)

    @property
    def opens_article(self) -> bool:
        """A dateline, or a byline that stands at the head of an article."""
        return self.kind == Kind.DATELINE or (self.kind == Kind.BYLINE and Tag.OPENING in self.tags)

    @property
    def closes_article(self) -> bool:
        """An editor mark, or a byline (or affiliation) that ends an article's body."""
        # two look-ups rather than ``{…} & self.tags``: the same answer, and one that the
        # debug mode of the marks sees (a set on the left hides what it looked up); the
        # tags (Tag.CLOSING, Tag.AFFILIATION) spelt out, as this runs on every block
        return self.kind == Kind.EDITOR_MARK or (
            self.kind == Kind.BYLINE and ("closing" in self.tags or "affiliation" in self.tags))

    def with_(self, **changes: Any) -> Block:
        """Return a copy with ``changes`` applied."""
        # what attrs.evolve does, spelled out: heuristics copy blocks hundreds of times a
        # page, and evolve's generic field lookup was a tenth of the parse time
        if not _BLOCK_FIELDS.issuperset(changes):  # (no set made on the way)
            unknown = changes.keys() - _BLOCK_FIELDS
            raise TypeError(f"Block has no field {sorted(unknown)[0]!r}")
        get = changes.get
        return Block(get("text", self.text), get("start", self.start), get("end", self.end),
                     get("kind", self.kind), get("gap_before", self.gap_before),
                     get("level", self.level), get("article", self.article),
                     get("bylines", self.bylines), get("tags", self.tags),
                     get("indent", self.indent))

    def tagged(self, *tags: str) -> Block:
        """Return a copy with ``tags`` added."""
        return self.with_(tags=self.tags | frozenset(tags))


_BLOCK_FIELDS = frozenset(field.name for field in attrs.fields(Block))


def blank_lines_part(gaps: Sequence[int]) -> bool:
    """Whether blank lines part blocks among lines with these ``gap_before`` counts: the
    tool gives some, but not one after every line or so (then they part nothing).  A dump
    with none (PyMuPDF's plain text) says nothing by them: no two lines are parted, so
    none may be read as run on for want of a blank line between them."""
    blanks = sum(1 for gap in gaps if gap)
    return 0 < 2 * blanks < len(gaps)


@attrs.frozen(slots=True)
class Document:
    """The ordered blocks of one dump, and the record of what heuristics did to it.

    ``measurements`` are what profile detection measured (column width, line-length
    spread…), for heuristics to read; ``flags`` are page-level findings (``not_text``)
    that the Issue reports; ``meta`` the page metadata a heuristic read off the page
    (``date`` as ISO text, ``page``, ``publication``), used where the caller gave none.
    """

    blocks: tuple[Block, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    measurements: Mapping[str, float] = attrs.field(factory=dict)
    explain: bool = True
    flags: frozenset[str] = frozenset()
    counts: Mapping[str, int] = attrs.field(factory=dict)
    meta: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def from_text(cls, text: str, *, explain: bool = True) -> Document:
        """Split ``text`` into one TEXT block per non-blank line; blank lines become gaps."""
        blocks: list[Block] = []
        gap = 0
        for number, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if not stripped:
                gap += 1
                continue
            blocks.append(Block(text=stripped, start=number, end=number, gap_before=gap,
                                indent=len(line) - len(line.lstrip())))
            gap = 0
        return cls(blocks=tuple(blocks), explain=explain)

    def replace_blocks(self, blocks: Iterable[Block]) -> Document:
        """Return a document with ``blocks`` and everything else kept."""
        return attrs.evolve(self, blocks=tuple(blocks))

    def note(self, *diagnostics: Diagnostic) -> Document:
        """Return a document with ``diagnostics`` recorded (unless explanations are off)."""
        if not self.explain or not diagnostics:
            return self
        return attrs.evolve(self, diagnostics=self.diagnostics + diagnostics)

    def drop(self, *dropped: Dropped) -> Document:
        """Return a document with ``dropped`` recorded; dropped text is always kept."""
        if not dropped:
            return self
        return attrs.evolve(self, dropped=self.dropped + dropped)

    def measure(self, **values: float) -> Document:
        """Return a document with ``values`` added to its measurements."""
        return attrs.evolve(self, measurements={**self.measurements, **values})

    def count(self, heuristic: str, changes: int) -> Document:
        """Return a document that counts ``changes`` more made by ``heuristic`` (kept even
        when explanations are off, for :attr:`baokan.models.Issue.repairs`)."""
        if not changes:
            return self
        counts = dict(self.counts)
        counts[heuristic] = counts.get(heuristic, 0) + changes
        return attrs.evolve(self, counts=counts)

    def with_meta(self, **values: str) -> Document:
        """Return a document that knows page metadata (``date``, ``page``, ``publication``)
        read off the page; values already known are kept."""
        if not values:
            return self
        return attrs.evolve(self, meta={**values, **self.meta})

    def flag(self, *flags: str) -> Document:
        """Return a document with page-level ``flags`` (``not_text``…) added; they reach the Issue."""
        return attrs.evolve(self, flags=self.flags | frozenset(flags))

    @property
    def text(self) -> str:
        """The blocks' text, one per line (handy in tests and debugging)."""
        return "\n".join(b.text for b in self.blocks)


class Recorder:
    """Collects the diagnostics and dropped text of one heuristic run.

    A heuristic builds its new blocks in a loop and calls :meth:`change` or
    :meth:`dropped` as it goes; :meth:`apply` then returns the new document.  A change is
    kept as its ``(action, span, detail)`` (:attr:`changes`) and made a
    :class:`~baokan.models.Diagnostic` only where one is wanted: in :meth:`apply` when the
    document explains itself (``explain=True``), or when :attr:`diagnostics` is read.  A
    parse with ``explain=False`` builds none (the seeds record about 119 a page).
    """

    def __init__(self, heuristic: str) -> None:
        self.heuristic = heuristic
        #: every change recorded so far: ``(action, span, detail)``, in order
        self.changes: list[tuple[str, tuple[int, int], str]] = []
        self.removed: list[Dropped] = []

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The changes recorded so far, as diagnostics (a new list: record with
        :meth:`change`)."""
        return [Diagnostic(self.heuristic, action, span, detail)
                for action, span, detail in self.changes]

    def change(self, action: str, span: tuple[int, int], detail: str = "") -> None:
        """Record that the heuristic did ``action`` to the source lines ``span``."""
        self.changes.append((action, span, detail))

    def dropped(self, text: str, reason: str, span: tuple[int, int], detail: str = "") -> None:
        """Record that ``text`` from ``span`` was removed for ``reason``."""
        self.removed.append(Dropped(text=text, reason=reason, source_lines=span))
        self.change(f"dropped ({reason})", span, detail or text[:40])

    def apply(self, doc: Document, blocks: Iterable[Block]) -> Document:
        """Return ``doc`` with ``blocks`` and everything recorded so far."""
        changed = doc.replace_blocks(blocks)
        if doc.explain and self.changes:
            changed = changed.note(*self.diagnostics)
        return changed.drop(*self.removed).count(self.heuristic, len(self.changes))
