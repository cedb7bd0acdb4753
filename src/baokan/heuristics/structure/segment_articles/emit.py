"""An article's blocks written out in order (column, head, authors, opening blocks, body,
closing blocks), its title lines given their roles.
"""

from __future__ import annotations

from baokan.core.document import Block, Kind
from baokan.core.text import BigramMemo
from baokan.heuristics.structure.segment_articles.article import _Article, _PageGrams
from baokan.heuristics.structure.segment_articles.authors import _authors_under_title
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_lines import _COLUMN_MARK
from baokan.heuristics.structure.segment_articles.title_roles import (
    assign_roles,
    dealt_headline,
    settle_dash_roles,
)


def _emit(art: _Article, index: int, settings: SegmentSettings,
          memo: BigramMemo, gaps_tell: bool = False, no_gaps: bool = False,
          page_grams: _PageGrams | None = None, grid: bool = False) -> list[Block]:
    titled = [g for g in art.groups if g.titles]
    head: list[Block] = []
    flags = set(art.flags)
    author: list[Block] = []
    if titled:
        group = titled[0]
        titles = list(group.titles)
        if settings.name_under_title and art.body:
            titles, author = _authors_under_title(titles, lenient=not group.after)
        head = assign_roles(titles, settings, art.body_grams(memo), gaps_tell=gaps_tell,
                            no_gaps=no_gaps, page_grams=page_grams, grid=grid)
        if group.after:
            flags.add("headline_after_body")
    if not head and art.moved_titles:
        # a head dealt out from titles printed elsewhere: its lines in the order printed
        printed = sorted(art.moved_titles, key=lambda b: b.start)
        if settings.name_under_title and art.body:
            printed, author = _authors_under_title(printed)
        head = assign_roles(printed, settings, art.body_grams(memo), gaps_tell=gaps_tell,
                            no_gaps=no_gaps, page_grams=page_grams, grid=grid)
    # a line the roles leave to no article (another piece's title) stays on the page
    others = [b for b in head if b.kind == Kind.TITLE]
    head = [b for b in head if b.kind != Kind.TITLE]
    if titled and art.moved_titles and [b.kind for b in head].count(Kind.HEADLINE) == 1:
        # ◆真抓实干在基层 over a body, its headline dealt from elsewhere: a line behind a
        # column mark is the column's name, and the headline dealt to the body takes its place
        head = [b.with_(kind=Kind.COLUMN) if b.kind == Kind.HEADLINE
                and _COLUMN_MARK.match(b.text.strip()) else b for b in head]
    for line in art.moved_titles if titled else ():
        kinds = {b.kind for b in head}
        role = Kind.KICKER if Kind.HEADLINE in kinds and Kind.KICKER not in kinds else (
            Kind.HEADLINE if Kind.HEADLINE not in kinds else Kind.SUBTITLE)
        if role == Kind.KICKER and dealt_headline(line.text, head, art.body_grams(memo),
                                                  page_grams):
            # the line dealt to the body is its headline; the head's, which the body names
            # less (another piece's title the tool set there), stands over it
            over = [b.with_(kind=Kind.KICKER) for b in head if b.kind == Kind.HEADLINE]
            head = [*over, line.with_(kind=Kind.HEADLINE),
                    *(b for b in head if b.kind != Kind.HEADLINE)]
            continue
        moved = line.with_(kind=role)
        head = [moved, *head] if role == Kind.KICKER else [*head, moved]
    head = settle_dash_roles(head)
    columns = [b for b in art.extras if b.kind == Kind.COLUMN]
    extras = [b for g in art.groups for b in g.extras] + [b for b in art.extras
                                                           if b.kind != Kind.COLUMN]
    closing = [b for b in extras if b.kind == Kind.EDITOR_MARK or "closing" in b.tags
               or "affiliation" in b.tags]
    opening = [b for b in extras if b not in closing]
    if not any(b.kind == Kind.PARAGRAPH for b in art.body) and any(
            b.kind == Kind.CAPTION for b in extras):
        flags.add("photo")
    body = list(art.body)
    stray: list[Block] = []
    while body and body[-1].kind == Kind.SUBHEAD:
        # a "subhead" with no paragraph after it heads nothing: keep it as a fragment
        stray.insert(0, body.pop().with_(kind=Kind.TITLE))
    ordered = columns + head + author + opening + body + closing
    out = [b.with_(article=index) for b in ordered]
    if out and flags:
        out[0] = out[0].tagged(*(f"flag:{f}" for f in sorted(flags)))
    return out + others + stray
