"""Turn the labelled, grouped blocks of a :class:`~baokan.document.Document` into an Issue.

This is the only place an Issue is built: :func:`assemble` for a parsed dump,
:func:`assemble_binary` for input that is not text at all.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from baokan.core.document import Block, Document, Kind
from baokan.models import (
    Article,
    Byline,
    Caption,
    Diagnostic,
    Fragment,
    Issue,
    SourceInfo,
    Subhead,
)


def _join_titles(blocks: Sequence[Block]) -> str | None:
    texts = [b.text.strip() for b in blocks if b.text.strip()]
    return "".join(texts) if texts else None


def _byline(block: Block) -> list[Byline]:
    return [Byline(names=data.names, role=data.role, organization=data.organization,
                   raw=block.text) for data in block.bylines if data.names]


def _with_affiliation(byline: Byline, block: Block) -> Byline:
    """``byline`` with the organization of the affiliation ``block`` (``（作者为…）``)."""
    return Byline(names=byline.names, role=byline.role,
                  organization=block.bylines[0].organization,
                  raw=f"{byline.raw} {block.text}".strip())


def _place_credits(credits: Sequence[tuple[int, int, Block]], captions: list[Caption],
                   bylines: list[Byline], loose: list[Block] | None, story: bool) -> None:
    """A photo credit (``李杰 摄``) standing apart from its caption is that caption's
    credit (the spec: the credit of the photo's caption, which *may* also be listed as a
    byline): the nearest caption with no credit, the one before it first.  A credit no
    caption of the article can take is its 摄影 byline, where it stood, in photo news (no
    ``story``: the photographer is the author); beside a story it is a photo's credit
    whose caption the article does not hold (a tool put it elsewhere, or the credit
    landed in the wrong article): not the story's author, it goes to ``loose`` (the
    page's fragments) when given.  ``credits`` holds how many captions and bylines stood
    before each credit."""
    shift = 0
    for before, at, block in credits:
        names = " ".join(n for d in block.bylines for n in d.names)
        free = [k for k, c in enumerate(captions) if c.credit is None]
        pick = ([k for k in free if k < before][-1:] or [k for k in free if k >= before][:1])
        if pick:
            captions[pick[0]] = attrs.evolve(captions[pick[0]], credit=names)
            continue
        if story and loose is not None:
            loose.append(block)
            continue
        found = _byline(block)
        bylines[at + shift:at + shift] = found
        shift += len(found)


def build_article(blocks: Sequence[Block], loose: list[Block] | None = None) -> Article | None:
    """Build one article from its blocks (already in reading order); None if it has no text.

    ``loose``: where a photo credit the article cannot place goes (see
    :func:`_place_credits`); without it, such a credit is listed as a byline."""
    by_kind: dict[str, list[Block]] = {}
    for block in blocks:
        by_kind.setdefault(block.kind, []).append(block)
    paragraphs: list[str] = []
    subheads: list[Subhead] = []
    bylines: list[Byline] = []
    captions: list[Caption] = []
    flags: list[str] = []
    editor_mark: str | None = None
    credits: list[tuple[int, int, Block]] = []  # (captions then, bylines then, the credit)
    unplaced: list[Block] = []  # affiliations with no author's name before them
    for block in blocks:
        flags.extend(t.removeprefix("flag:") for t in sorted(block.tags) if t.startswith("flag:"))
        if block.kind == Kind.PARAGRAPH and block.text.strip():
            paragraphs.append(block.text.strip())
        elif block.kind == Kind.SUBHEAD and block.text.strip():
            subheads.append(Subhead(text=block.text.strip(), before=len(paragraphs)))
        elif block.kind == Kind.CREDIT and _byline(block):
            credits.append((len(captions), len(bylines), block))
        elif block.kind in (Kind.BYLINE, Kind.CREDIT):
            found = _byline(block)
            if found:
                if unplaced:  # an affiliation printed before its authors' names
                    found[0] = _with_affiliation(found[0], unplaced.pop(0))
                bylines.extend(found)
            elif bylines and block.bylines and block.bylines[0].organization:
                bylines[-1] = _with_affiliation(bylines[-1], block)
            elif (not bylines and block.bylines and block.bylines[0].organization
                  and loose is not None):
                unplaced.append(block)
            elif (block.kind == Kind.BYLINE and not block.bylines[-1].organization
                  and loose is not None):
                # a role word whose names the tool set elsewhere (通讯员): no body's text
                loose.append(block)
            elif block.text.strip():
                paragraphs.append(block.text.strip())
        elif block.kind == Kind.CAPTION and block.text.strip():
            credit = " ".join(n for d in block.bylines for n in d.names) or None
            captions.append(Caption(text=block.text.strip(), credit=credit))
        elif block.kind == Kind.EDITOR_MARK:
            editor_mark = block.text.strip() or editor_mark
    _place_credits(credits, captions, bylines, loose, bool(paragraphs))
    if loose is not None:
        # an author's affiliation (（作者为…）) whose author the dump lost or put in another
        # article: not the body's text; it stays on the page, among the fragments
        loose.extend(unplaced)
    headline = _join_titles(by_kind.get(Kind.HEADLINE, ()))
    if not paragraphs and not captions:
        return None  # titles or names with no body are not an article: they become fragments
    if not paragraphs and captions and "photo" not in flags:
        flags.append("photo")
    return Article(
        headline=headline,
        kicker=_join_titles(by_kind.get(Kind.KICKER, ())),
        subtitle=_join_titles(by_kind.get(Kind.SUBTITLE, ())),
        column=_join_titles(by_kind.get(Kind.COLUMN, ())),
        dateline=_join_titles(by_kind.get(Kind.DATELINE, ())),
        bylines=tuple(bylines), paragraphs=tuple(paragraphs), subheads=tuple(subheads),
        captions=tuple(captions), editor_mark=editor_mark,
        source_lines=(min(b.start for b in blocks), max(b.end for b in blocks)),
        flags=tuple(dict.fromkeys(flags)),
    )


def assemble(doc: Document, *, source: SourceInfo, profile: str, publication: str | None = None,
             date: _dt.date | None = None, page: str | None = None) -> Issue:
    """Build the Issue: one Article per ``article`` index, other text as fragments.

    ``publication``, ``date`` and ``page`` given by the caller win over what a heuristic
    read off the masthead (``doc.meta``).
    """
    groups: dict[int, list[Block]] = {}
    fragments: list[Fragment] = []
    for block in doc.blocks:
        if block.article is None:
            if block.text.strip():
                fragments.append(Fragment(text=block.text.strip(), source_lines=block.span))
            continue
        groups.setdefault(block.article, []).append(block)
    articles: list[Article] = []
    for index in sorted(groups):
        loose: list[Block] = []
        article = build_article(groups[index], loose)
        if article is not None:
            articles.append(article)
            fragments.extend(Fragment(text=b.text.strip(), source_lines=b.span) for b in loose)
        else:
            fragments.extend(Fragment(text=b.text.strip(), source_lines=b.span)
                             for b in groups[index] if b.text.strip())
    meta = doc.meta
    if date is None and meta.get("date"):
        date = _dt.date.fromisoformat(meta["date"])
    return Issue(source=source, profile=profile, articles=tuple(articles),
                 publication=publication or meta.get("publication"), date=date,
                 page=page or meta.get("page"),
                 fragments=tuple(fragments), dropped=doc.dropped,
                 diagnostics=doc.diagnostics, flags=tuple(sorted(doc.flags)),
                 repairs=doc.counts)


def assemble_binary(*, source: SourceInfo, profile: str, publication: str | None = None,
                    date: _dt.date | None = None, page: str | None = None) -> Issue:
    """The Issue of input that is not text at all (a PDF, an image…): no articles, one
    diagnostic saying so, and the flag ``binary``."""
    note = Diagnostic("decode", "not text", (0, 0),
                      "the input looks like binary data (a PDF, an image…); nothing parsed")
    return Issue(source=source, profile=profile, publication=publication, date=date,
                 page=page, diagnostics=(note,), flags=("binary",))
