"""Runs of headless briefs set in one body: the datelines that open no article.

A round-up or a briefs column (``东亚经济传真``, ``新闻速递``) prints a story and then
short items under one head, each item opening on its own dateline (``本报讯…``,
``新华社雅加达1月3日电``) with no head and no byline of its own: the dateline is the
first words of the item's paragraph, and the items are the body of the head over them.
The walk opens an article at each dateline; this pass gives such a run back to the
titled article before it, once the title passes have put the page's heads where they
belong (a head the tool set down from another column has gone back to its story).
"""

from __future__ import annotations

from baokan.core.document import Kind
from baokan.core.text import bigrams, content_length, ends_paragraph, fold_letter_spacing_text
from baokan.heuristics.structure.segment_articles.article import _Article, overlap
from baokan.heuristics.structure.segment_articles.page_state import _PageState

#: An item of a run of briefs is at most this many character cells of text: a brief is
#: a paragraph or two (the synthetic pages' round-up items run 30 to 280 cells); a
#: headless story whose head the tool set elsewhere runs longer, and keeps its article.
MAX_BRIEF_CELLS = 300


def _cells(art: _Article) -> float:
    return sum(content_length(b.text) for b in art.body if b.kind == Kind.PARAGRAPH)


def _item_openers(art: _Article) -> int:
    """How many of ``art``'s first extras open it as a round-up's item: a dateline
    (``本报讯``, ``新华社X月N日电``), with the reporter it names (``本报讯（记者 X）``) or
    the byline printed right after it (``本报汉城1月14日电`` / ``记者X报道：``), the
    form each item of a dated round-up takes; 0 when it does not open on a dateline."""
    extras = art.all_extras()
    if not extras or extras[0].kind != Kind.DATELINE:
        return 0
    return 2 if len(extras) > 1 and extras[1].kind == Kind.BYLINE \
        and "closing" not in extras[1].tags else 1


def _brief(art: _Article, cells: float = MAX_BRIEF_CELLS) -> bool:
    """Whether ``art`` is a headless brief: no head, a dateline first (with the item's
    reporter, :func:`_item_openers`) and nothing else beside its body but an editor's
    mark that ends it (a jump line: the run's last item goes on elsewhere), a body of
    paragraphs only, at most ``MAX_BRIEF_CELLS`` long, whose last closes its sentence
    (one that stops mid-clause runs on into a head the tool glued to it:
    ``…收费项目，蒲公英奖出台`` / ``本报讯``).  No page's gold holds a headless article
    opened by a dateline, named or not: a dated item under a round-up's head is its
    body's (the synthetic pages' ``本报汉城1月14日电记者X报道：…`` items)."""
    extras = art.all_extras()
    opened = _item_openers(art)
    if art.groups or art.moved_titles or art.flags or not opened \
            or any(b.kind != Kind.EDITOR_MARK for b in extras[opened:]) \
            or not art.body or any(b.kind != Kind.PARAGRAPH for b in art.body):
        return False
    return _cells(art) <= cells and ends_paragraph(art.body[-1].text)


def _closed(art: _Article) -> bool:
    return any(b.closes_article for b in art.all_extras())


# a stacked head line shares this many bigrams with an item's body or more to be read as
# the item's head (one shared pair is a common word)
_ITEM_HEAD_GRAMS = 2


def _open_unclosed(art: _Article) -> bool:
    """Whether ``art``'s body closes its sentence and nothing closed it (a closing byline
    or editor's mark ends the story), and it is no photo: a story that may go on."""
    paragraphs = [b for b in art.body if b.kind == Kind.PARAGRAPH]
    return bool(paragraphs) and ends_paragraph(paragraphs[-1].text) \
        and not any(b.closes_article for b in art.all_extras()) and "photo" not in art.flags


def _host(art: _Article) -> bool:
    """Whether ``art`` may head a run of briefs: a titled body that closes its sentence
    and that nothing closed (:func:`_open_unclosed`), opened by a dateline or byline or
    longer than a brief — a head over a short paragraph that nothing opens is as likely a
    head the tool set down over a scrap of a story."""
    if not art.has_title() or not _open_unclosed(art):
        return False
    return _cells(art) > MAX_BRIEF_CELLS or any(b.opens_article for b in art.all_extras())


def _dated_host(art: _Article) -> bool:
    """Whether ``art`` is a dispatch (a dateline among its extras, titled or not) whose
    body closes its sentence and that nothing closed (:func:`_open_unclosed`): an item of
    a round-up, which a dated item with no head after it continues
    (:meth:`_BriefRuns._join_brief_runs`)."""
    extras = art.all_extras()
    if not _open_unclosed(art) \
            or art.moved_titles or any(g.after for g in art.groups) \
            or any(b.kind == Kind.CAPTION for b in extras):
        return False
    return any(b.kind == Kind.DATELINE for b in extras)


class _BriefRuns(_PageState):
    """The pass that gives runs of headless briefs to the head over them."""

    def _heads_item(self, host: _Article, item: _Article) -> bool:
        """Whether a title line over ``host`` names the headless ``item`` after it at
        least as well as ``host``'s own body: the heads of two stories stacked by the
        tool over the first, one of them the item's (its head is not elsewhere)."""
        lines = [t.text for g in host.groups for t in g.titles]
        if len(lines) < 2:
            return False
        own, other = host.body_grams(self.memo), item.body_grams(self.memo)
        return any(len(bigrams(line) & other) >= _ITEM_HEAD_GRAMS
                   and overlap(line, other) > overlap(line, own)
                   for line in lines)

    def _join_brief_runs(self) -> None:
        """Briefs (:func:`_brief`) right after a titled body (:func:`_host`), two or more
        in a row, are that body's: the items of a round-up under its head.  One brief is
        no run: a headless brief after a story is as likely a story whose head the tool
        set elsewhere — except after a dispatch (:func:`_dated_host`): one headless item
        that a bare dateline opens (no reporter of its own), of any length, after a body
        a dateline opened is the next item of that round-up (the synthetic pages: 29 such
        items are their dispatch's, 4 stories of their own).  Not when a line of the
        dispatch's head names the item better than its own body (two stacked heads, one
        the item's), nor after a headless dispatch on a page that leaves titles at its
        end (the heads printed after the bodies: the item's may be one of them).  Each
        item's dateline goes back to the front of its paragraph."""
        kept: list[_Article] = []
        at = 0
        arts = self.arts
        # titles left at the page's end, heading no body (a page that prints its heads
        # after their bodies): a headless body's head may be one of them
        last = arts[-1] if arts else None
        loose = last is not None and (
            (bool(last.body) and last.body[-1].kind in Kind.TITLES)
            or (last.has_title() and not last.body))
        while at < len(arts):
            art = arts[at]
            kept.append(art)
            at += 1
            dated = _dated_host(art) and (art.has_title() or not loose)
            if not dated and not _host(art):
                continue
            end = at
            while end < len(arts) and _brief(arts[end]):
                end += 1
                if _closed(arts[end - 1]):
                    break  # its editor's mark ends the run
            if end == at and dated and at < len(arts) \
                    and _brief(arts[at], float("inf")):
                end += 1
            if end - at < 2 and not (end - at == 1 and dated
                                     and _item_openers(arts[at]) == 1
                                     and not self._heads_item(art, arts[at])):
                continue
            for brief in arts[at:end]:
                openers = [brief.extras.pop(0) for _ in range(_item_openers(brief))]
                dateline = openers[0]
                first = brief.body[0]
                brief.body[0] = first.with_(
                    text="".join(fold_letter_spacing_text(b.text, tight=True)
                                 for b in openers) + first.text,
                    start=min(first.start, dateline.start))
                self.rec.change("a run of briefs goes on under the head before it",
                                dateline.span, dateline.text[:20])
                art.absorb(brief)
            at = end
        arts[:] = kept
