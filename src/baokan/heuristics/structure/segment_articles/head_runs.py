"""Which runs of title lines are heads: the parts only a head has, and the page's vote on
whether its heads follow the bodies they name (read before the walk).
"""

from __future__ import annotations

from baokan.core.document import Block, Kind
from baokan.core.marks import Tag
from baokan.core.text import DASH_PAIR, DASH_START, DOUBLE_DASH_START
from baokan.heuristics.structure.segment_articles.page_state import _PageState
from baokan.heuristics.structure.segment_articles.title_lines import (
    _COLUMN_MARK,
)

#: A dump prints titles after their bodies when, summed over its head-like title runs,
#: the whole body before a run holds more than this many times the share of the run's
#: rare bigrams that the whole body after it holds (the synthetic pages drawn titles
#: last: 2.0 and more; of the others, a few interleaved pages reach 2.2 to 2.8), or the
#: two sums less the strongest run each way do (:func:`_after_vote`)...
AFTER_RATIO = 2.0
#: ...the sum before is at least this (half a title's worth of evidence), and on average
#: a head-like run holds at least ``MIN_AFTER_MEAN`` of its rare bigrams in the body
#: before it (a head names its body: on the synthetic pages that print titles after
#: their bodies 0.21 to 0.47; on jumbled pages where a few runs happen to share words
#: with the text before them, 0.07 to 0.16)...
MIN_AFTER_EVIDENCE = 0.5
MIN_AFTER_MEAN = 0.15
#: ...and at least this many runs (and more than name the body after them) name the body
#: before them better than the one after.
MIN_AFTER_VOTES = 2
#: On a page where at least this share of the head-like runs name the body before them
#: better, a head that names neither body (a short title, a short brief) is read by the
#: page's order too.
CLEAR_AFTER_SHARE = 0.5

#: A run of this many title lines or more inside an open body is a head, not a subhead:
#: a subhead is set on one line, or wraps once at the column width.
HEAD_RUN_LINES = 3


def _head_evidence(titles: list[Block]) -> bool:
    """Whether a run of title lines with no byline or dateline after it, inside an open
    body, still opens an article: it has the parts only a head has — a kicker that ends
    ``——``, a subtitle that starts with a dash, a column name behind a mark (``■``,
    ``【``) — or more lines than a subhead takes."""
    if len(titles) >= HEAD_RUN_LINES or any(Tag.DRAWN_TWICE in b.tags for b in titles):
        return True  # (a line drawn twice, fake bold, is set in a headline's type)
    for i, block in enumerate(titles):
        text = block.text.strip()
        if _COLUMN_MARK.match(text) or (i > 0 and DASH_START.match(text)) \
                or DOUBLE_DASH_START.match(text):
            return True
        if i + 1 < len(titles) and text.endswith(DASH_PAIR):
            return True
    return False


def _after_vote(naming: list[tuple[int, float, float, bool]]) -> bool:
    """Whether head runs, each read as ``(first block, share of its rare bigrams the body
    before it holds, share the body after it holds, a byline or dateline follows it)``,
    name the bodies before them: the page prints titles after their bodies."""
    total_before = sum(before for _, before, _, _ in naming)
    total_after = sum(after for _, _, after, _ in naming)
    votes_before = sum(before > after for _, before, after, _ in naming)
    votes_after = sum(after > before for _, before, after, _ in naming)
    # (the ratio holds of the sums or of the sums less the strongest run each way: one
    # run that names the body after it well, a brief's head printed over it, outweighs
    # in the sums the many that name the body before them)
    strongest_before = max((before for _, before, _, _ in naming), default=0.0)
    strongest_after = max((after for _, _, after, _ in naming), default=0.0)
    return votes_before >= MIN_AFTER_VOTES and votes_before > votes_after \
        and total_before >= max(MIN_AFTER_EVIDENCE, MIN_AFTER_MEAN * len(naming)) \
        and (total_before > AFTER_RATIO * total_after
             or total_before - strongest_before
             > AFTER_RATIO * (total_after - strongest_after))


class _HeadRuns(_PageState):
    """The page's head-like title runs, and whether it prints them after their bodies."""

    def _head_runs(self) -> list[tuple[int, int, int]]:
        """The runs of title lines that look like heads, as ``(first, end of the titles,
        end of what follows them)`` block indices: two lines or more, a byline or dateline
        after them, a vertical line, or a run right after a closing byline (a lone line
        inside a body is as likely a subhead)."""
        blocks = self.blocks
        runs: list[tuple[int, int, int]] = []
        i = 0
        while i < len(blocks):
            if blocks[i].kind != Kind.TITLE:
                i += 1
                continue
            j = i
            while j < len(blocks) and blocks[j].kind == Kind.TITLE:
                j += 1
            k = j
            while k < len(blocks) and (blocks[k].opens_article
                                       or blocks[k].kind in (Kind.CAPTION, Kind.CREDIT)):
                k += 1
            if j - i >= 2 or k > j or "vertical" in blocks[i].tags \
                    or (i > 0 and blocks[i - 1].closes_article):
                runs.append((i, j, k))
            i = k
        return runs

    def _titles_follow_bodies(self) -> bool:
        """Whether this dump prints titles after the bodies they name (a per-page choice:
        PyMuPDF follows the order the typesetter drew in, and some draw each title after
        its body), and which heads name the body before them.

        The page's head-like title runs cut it into bodies; each run is read both ways —
        as the head of the whole body before it and of the whole body after it — by the
        share of its rare bigrams each body holds.  Titles follow bodies when the sum the
        first way is clearly the larger, and more runs name the body before them than the
        one after.  The runs that name the body before them better are kept in
        ``after_runs``."""
        blocks = self.blocks
        runs = self._head_runs()
        bodies: list[set[str]] = []
        prev = 0
        for i, _, k in runs:
            bodies.append(self.memo.of_joined(
                b.text for b in blocks[prev:i] if b.kind == Kind.PARAGRAPH))
            prev = k
        bodies.append(self.memo.of_joined(
            b.text for b in blocks[prev:] if b.kind == Kind.PARAGRAPH))
        naming: list[tuple[int, float, float, bool]] = []
        for n, (i, j, k) in enumerate(runs):
            grams = self._rare_grams("".join(b.text for b in blocks[i:j]))
            if not grams:
                continue
            before = len(grams & bodies[n]) / len(grams)
            after = len(grams & bodies[n + 1]) / len(grams)
            naming.append((i, before, after, k > j))
        votes_before = sum(before > after for _, before, after, _ in naming)
        found = _after_vote(naming)
        if not found:
            # a run with no byline or dateline after it may be a subhead of the body after
            # it (and so name that body, not the one before): the runs that a byline or
            # dateline follows are heads for sure, and on their own they may tell the order
            # (pages 401-440 and 701-740: of the 16 PyMuPDF dumps of pages drawn titles
            # after their bodies, 6 failed the tests of all runs, 3 of them for their
            # subheads' votes, and pass on the signed runs; of the 304 other plain dumps,
            # 1 passes on them alone, and parses as it did)
            found = _after_vote([n for n in naming if n[3]])
        if found:
            # where most heads name the body before them, the page's order is clear
            # enough to give it also the heads that name neither, when a byline or
            # dateline follows them (a bare run is as likely a subhead)
            clear = votes_before >= CLEAR_AFTER_SHARE * len(runs)
            self.after_runs = {i for i, before, after, signed in naming
                               if before > after or (clear and signed and before == after)}
        return found
