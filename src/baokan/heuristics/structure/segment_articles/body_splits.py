"""A body cut in two where a title printed after it, or a turn of its rare bigrams,
says a second story begins.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter

from baokan.core.document import Block, Kind
from baokan.core.text import DASH_PAIR_END, DASH_START, bigrams, ends_paragraph
from baokan.heuristics.structure.segment_articles.article import _Article, _Group
from baokan.heuristics.structure.segment_articles.page_state import (
    COMMON_GRAM_SHARE,
    MIN_AFFINITY_CHARS,
    NAMING_GRAMS,
    SCORE_EPSILON,
    _PageState,
)
from baokan.heuristics.structure.segment_articles.title_lines import (
    breaks_mid_phrase,
    broken_by_width,
)

#: A title printed after its body needs this many rare bigrams to split a body by.
MIN_SPLIT_GRAMS = 4

#: The head of a body split off by an after-title may name it in at most this share of its
#: paragraphs (a passing mention).
HEAD_NAMING_SHARE = 0.1

#: A titled body of a plain dump holds two stories when, at a closed sentence, the whole
#: parts before and after share fewer than this share of their rare bigrams (stricter than
#: ``UNTITLED_TURN_SHARE`` on windows: on pages 401-440, cuts under 0.015 part two stories
#: five times in six, under 0.03 half the time)...
TURN_SPLIT_SHARE = 0.015
#: ...or fewer than this share when the body is signed twice, a byline with a role word
#: over it and names alone in brackets closing it (``本报讯（记者 X）…（Y Z）``): a story is
#: signed at its head or at its end, so two signatures are a second witness of two stories
#: (on the fit sets' parses, 86 bodies in 95 signed so held two stories; no gold of the
#: seeds or the pool signs one story so).  The two stories of such a body, run together
#: by a tool that read across columns, share more words than clean parts do; on the fit
#: sets (dev synth, s501) the signed cuts under 0.1 raised article F1 in 17 dumps of 24, those
#: at 0.1 and over in 3 of 11...
SIGNED_TWICE_TURN_SHARE = 0.1
#: ...each part at least this many characters (too little text tells no topic)...
MIN_TURN_PART_CHARS = 200
#: ...but the part before the cut may hold as few as this many with a second witness: the
#: head names it and not the part after it, a titled lead (one sentence of 40-odd
#: characters) whose body runs on into another story's untitled tail.  On the diagnostic
#: synthetic pages such cuts parted two stories 11 times in 11; without the witness, or
#: with the later part short too, once in two or three times in four.
MIN_NAMED_TURN_PART_CHARS = 40

#: A head holds two stories' heads over their two bodies one after the other when each
#: of its two parts is named by one part of the body — a line of it holds at least this
#: share of its rare bigrams there (a headline names its body in a word or two of its
#: four or five; a kicker or column that names nothing parts no head)...
STACK_NAMED = 0.3
#: ...and by the other part of the body in at most this share (a stray word in common)...
STACK_UNNAMED = 0.1
#: ...and the two parts of the body share fewer than this share of their rare bigrams:
#: two stories (a subhead's section shares 0.06 and more with the body before it, see
#: ``TOPIC_CHANGE_SHARE``); looser than ``TURN_SPLIT_SHARE``, where the body's words
#: alone cut it, for the head's naming is a second witness (on the diagnostic synthetic
#: pages 0.03 kept fewer of the right cuts, no bound at all cut many stories in two).
STACK_TURN_SHARE = 0.05
#: A line with fewer rare bigrams than this names nothing (a column name, a torn piece).
STACK_LINE_GRAMS = 2
#: Told line by line (:meth:`_BodySplits._lines_cut`), the two parts of the body must
#: share fewer than this share of their rare bigrams: looser than ``STACK_TURN_SHARE``,
#: for every line of the head is a witness there and none may name both parts (a body
#: of two stories that a tool ran together at a column break shares a few words across
#: the join).  On the pdftotext dumps of dev synth and s501, 0.05 kept two right cuts of
#: four (shares 0.06 and 0.12), 0.25 cut one story in two.
STACK_LINES_TURN_SHARE = 0.15
#: At most this many cuts of a part already cut off on a page (a bound on the work).
STACK_MAX_CUTS = 8



def _closed_cuts(art: _Article, min_part: int) -> tuple[list[int], list[str], list[int]]:
    """Where ``art``'s body may be cut in two stories: the indexes of its paragraphs in the
    body, their texts, and the cuts ``k`` (before the ``k``-th paragraph, in order) after a
    paragraph that closes its sentence, each part holding ``min_part`` characters or more."""
    paras = [i for i, b in enumerate(art.body) if b.kind == Kind.PARAGRAPH]
    texts = [art.body[i].text for i in paras]
    total = sum(map(len, texts))
    held = list(itertools.accumulate(map(len, texts)))
    return paras, texts, [k for k in range(1, len(paras))
                          if min(held[k - 1], total - held[k - 1]) >= min_part
                          and ends_paragraph(texts[k - 1])]

def _signed_twice(art: _Article) -> bool:
    """Whether ``art`` is signed at its head, a byline with a role word, and again at its
    end, names alone in brackets closing its body."""
    signed = [b for b in art.all_extras() if b.kind == Kind.BYLINE
              and any(d.names for d in b.bylines)]
    closing = [b for b in signed if "closing" in b.tags]
    return any(not any(d.role for d in b.bylines) for b in closing) and any(
        b.opens_article and any(d.role for d in b.bylines) for b in signed
        if "closing" not in b.tags)


def _split_body(art: _Article, cut: int) -> _Article:
    """A new article holding ``art``'s body from ``cut`` on and the blocks beside the body
    printed after it, taken off ``art`` (the heads are the caller's to share out)."""
    other = _Article(level=art.level, flags=set(art.flags))
    first_tail = art.body[cut].start
    art.body, other.body = art.body[:cut], art.body[cut:]
    other.extras = [b for b in art.extras if b.start >= first_tail]
    art.extras = [b for b in art.extras if b.start < first_tail]
    art.grams = None
    return other


class _BodySplits(_PageState):
    """The pass that cuts a body where a second story begins in it."""

    def _split_by_after_titles(self) -> None:
        """Split a body whose title, printed after it, names only its tail: two articles ran
        together with no closing byline between them (the head gets no title here; a title
        group that names it may be given to it by :meth:`_resolve_orphans`).  In a plain
        dump a body under its title is split so too where the two parts turn to another
        topic (:meth:`_turn_cut`): the title goes with the part it names, the other is
        another story's text printed inside this one."""
        result: list[_Article] = []
        for art in self.arts:
            after = [g for g in art.groups if g.after and g.titles]
            if not after:
                turn = self._turn_cut(art)
                result.extend(self._cut_at_turn(art, *turn) if turn is not None else (art,))
                continue
            cut = self._after_title_cut(art, after[0])
            if cut is None:
                result.append(art)
                continue
            head = _Article(body=art.body[:cut], level=art.level)
            head.extras = [b for b in art.extras if b.opens_article]
            head.groups = [g for g in art.groups if not g.after]
            art.body = art.body[cut:]
            art.extras = [b for b in art.extras if not b.opens_article]
            art.groups = [g for g in art.groups if g.after]
            result.extend((head, art))
            self.rec.change("split a body its after-title names only the end of",
                            art.body[0].span, f"at paragraph {cut}")
        self.arts = result

    def _cut_at_turn(self, art: _Article, cut: int, titled_tail: bool) -> list[_Article]:
        """The two articles a body split at ``cut`` (:meth:`_turn_cut`) makes: the title
        and the blocks that open the article go with the part the title names; the blocks
        beside the body (bylines, captions) printed after the cut go with the later part."""
        other = _Article()
        first_tail = art.body[cut].start
        head_body, tail_body = art.body[:cut], art.body[cut:]
        later = [b for b in art.extras if b.start >= first_tail]
        earlier = [b for b in art.extras if b.start < first_tail]
        if titled_tail:
            # the untitled head is a piece printed between the title and its own body:
            # what opened the titled article stays with the title
            other.body, art.body = head_body, tail_body
            other.extras = [b for b in earlier if not b.opens_article]
            art.extras = [b for b in earlier if b.opens_article] + later
            return [other, art]
        art.body, other.body = head_body, tail_body
        art.extras, other.extras = earlier, later
        return [art, other]

    def _turn_cut(self, art: _Article) -> tuple[int, bool] | None:
        """Where a titled body of a plain dump holds two stories, and whether the title
        goes with the later one: the paragraph before the cut closes its sentence, each
        part holds ``MIN_TURN_PART_CHARS``, and the two parts share fewer than
        ``TURN_SPLIT_SHARE`` of their rare bigrams (of the fewer; the lowest share wins;
        ``SIGNED_TWICE_TURN_SHARE`` in a body signed at its head and at its end).
        The title goes with the part more of whose paragraphs name it (``NAMING_GRAMS`` of
        its bigrams), the earlier on a tie.  The part before the cut may be shorter, down to
        ``MIN_NAMED_TURN_PART_CHARS``, with a second witness: the title names a paragraph
        of it and none after the cut (``冷水滩区立足根本稳就业`` over its one-sentence lead
        on the district's jobs, then another story's tail on actors' fees); such a cut is
        taken only when no cut with both parts of full size is."""
        if self.markdown or not art.has_title() or any(g.after for g in art.groups):
            return None
        paras, texts, closed = _closed_cuts(art, MIN_NAMED_TURN_PART_CHARS)
        if not closed:
            return None
        cuts = set(closed)
        limit = SIGNED_TWICE_TURN_SHARE if _signed_twice(art) else TURN_SPLIT_SHARE
        held = list(itertools.accumulate(map(len, texts)))
        # every bigram of the title: words the whole page uses stand in both parts alike
        grams = self.memo.of_joined(t.text for g in art.groups for t in g.titles)
        hits = [len(self.memo.of(art.body[i].text) & grams) >= NAMING_GRAMS for i in paras]
        rare = [self.memo.of(text) - self._common for text in texts]
        # a bigram is in the part before cut k when the first paragraph holding it is before
        # k, in the part after when the last one is at k or later; every bigram is in one
        # part or both, so the parts share |before| + |after| - |all|. The sizes are counts
        # of first and last indexes: one pass over the body's bigrams, no union per cut
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        for k in range(len(rare) - 1, -1, -1):
            first.update(dict.fromkeys(rare[k], k))
        for k, held_grams in enumerate(rare):
            last.update(dict.fromkeys(held_grams, k))
        starting, ending = Counter(first.values()), Counter(last.values())
        every = len(first)
        before_size = 0
        later_size = every
        best: tuple[float, int] | None = None
        named: tuple[float, int] | None = None
        for k in range(1, max(cuts) + 1):
            before_size += starting[k - 1]
            later_size -= ending[k - 1]
            if k not in cuts or not before_size or not later_size:
                continue
            share = (before_size + later_size - every) / min(before_size, later_size)
            if share >= limit:
                continue
            if held[-1] - held[k - 1] < MIN_TURN_PART_CHARS:
                continue
            if held[k - 1] >= MIN_TURN_PART_CHARS:
                if best is None or share < best[0]:
                    best = (share, k)
            elif any(hits[:k]) and not any(hits[k:]) and (named is None or share < named[0]):
                named = (share, k)
        best = best or named
        if best is None:
            return None
        cut = best[1]
        titled_tail = sum(hits[cut:]) / (len(paras) - cut) > sum(hits[:cut]) / cut
        start = paras[cut]
        while start > 0 and art.body[start - 1].kind == Kind.SUBHEAD:
            start -= 1
        self.rec.change("split a titled body that turns to another story", art.body[start].span,
                        f"{best[0]:.3f} of their rare bigrams shared; the title goes with the "
                        + ("later" if titled_tail else "earlier") + " part")
        return start, titled_tail

    def _after_title_cut(self, art: _Article, group: _Group) -> int | None:
        """Where the body's paragraphs stop never naming the title and start naming it."""
        # only bigrams that are rare on the page tell what a paragraph is about
        grams = {g for g in bigrams("".join(t.text for t in group.titles))
                 if self.paragraph_share(g) <= COMMON_GRAM_SHARE}
        minimum = self.settings.min_split_paragraphs
        paras = [i for i, b in enumerate(art.body) if b.kind == Kind.PARAGRAPH]
        if len(grams) < MIN_SPLIT_GRAMS or len(paras) < 2 * minimum:
            return None
        # a paragraph names the title when it holds two of the title's bigrams
        hits = [len(bigrams(art.body[i].text) & grams) >= NAMING_GRAMS for i in paras]
        best: tuple[float, int] | None = None
        for k in range(minimum, len(paras) - minimum + 1):
            head_rate = sum(hits[:k]) / k
            tail_rate = sum(hits[k:]) / (len(paras) - k)
            if head_rate <= HEAD_NAMING_SHARE and tail_rate >= self.settings.split_overlap:
                score = tail_rate - head_rate
                if best is None or score > best[0]:
                    best = (score, k)
        if best is None:
            return None
        start = paras[best[1]]
        while start > 0 and art.body[start - 1].kind == Kind.SUBHEAD:
            start -= 1
        return start

    def _cut_stacked_heads(self) -> None:
        """Cut an article whose head holds two stories' heads over their two bodies, one
        after the other: the tool read two heads set side by side as one run of title
        lines, then their columns one after the other (``社区食堂开进老小区`` /
        ``江滩湿地迎来越冬候鸟`` over the story of the canteen, then the birds'); or the
        stray-title pass gave a body a head that its tail names, another story printed
        on under this one's head.  See :meth:`_stacked_cut` for the cues; where no parting
        of the head in two tells the stories apart (the tool read the heads' lines in turn,
        or gave the body lines of two heads), each line is told on its own
        (:meth:`_lines_cut`)."""
        result: list[_Article] = []
        extra = 0  # cuts of a later part (beyond one per article), bounded on the page
        for art in self.arts:
            # the later part may hold more stories (a row of three heads): it is asked
            # again, within a bound on the page's work
            work = [art]
            while work:
                piece = work.pop()
                if piece is not art:
                    extra += 1
                    if extra > STACK_MAX_CUTS:
                        result.append(piece)
                        continue
                cut = self._stacked_cut(piece)
                if cut is not None:
                    first, second = self._cut_at_stack(piece, *cut)
                    result.append(first)
                    work.append(second)
                    continue
                # a head whose moved lines are two stories' heads, or one a printed cut
                # does not part: each line is told on its own
                lines = self._lines_cut(piece)
                if lines is None:
                    result.append(piece)
                    continue
                first, second = self._cut_at_lines(piece, *lines)
                result.append(first)
                work.append(second)
        self.arts = result

    def _head_parts(self, art: _Article) -> list[tuple[list[Block], list[Block]]]:
        """The ways to part an article's head in two, each as the lines of the one part
        and of the other: the lines another body's head gave it (moved here by the
        stray-title pass) against its own head; or, with none, its printed head cut
        between two lines — never inside a phrase broken over two lines, after a line
        that leads into the next (``——``) or before a dash-led subtitle."""
        groups = [g for g in art.groups if g.titles]
        if len(groups) != 1 or groups[0].after:
            return []
        titles = groups[0].titles
        grams = art.body_grams(self.memo)
        if art.moved_titles:
            # not a head broken over two lines, half of it moved here
            if any(breaks_mid_phrase(a.text, b.text, grams)
                   for m in art.moved_titles for t in titles for a, b in ((m, t), (t, m))):
                return []
            return [(list(art.moved_titles), list(titles))]
        return [(titles[:j], titles[j:]) for j in range(1, len(titles))
                if not breaks_mid_phrase(titles[j - 1].text, titles[j].text, grams)
                and not broken_by_width(titles[j - 1].text, titles[j].text)
                and not DASH_PAIR_END.search(titles[j - 1].text)
                and not DASH_START.match(titles[j].text.strip())]

    def _stacked_cut(self, art: _Article) -> tuple[int, list[Block]] | None:
        """Where a titled body holds two stories whose heads stand together in its head:
        a cut of the body after a closed sentence (each part ``MIN_AFFINITY_CHARS`` or
        more), and a parting of the head in two (:meth:`_head_parts`), each part named by
        one part of the body (``STACK_NAMED``) and not by the other
        (``STACK_UNNAMED``), in either order; the two parts of the body share fewer than
        ``STACK_TURN_SHARE`` of their rare bigrams.  The best-named cut wins.  Returns
        the cut (a body index) and the head's lines that go with the part after it."""
        parts = self._head_parts(art)
        if not parts:
            return None
        paras, texts, cuts = _closed_cuts(art, MIN_AFFINITY_CHARS)
        best: tuple[float, int, list[Block]] | None = None
        for k in cuts:
            first = self.memo.of_joined(texts[:k])
            second = self.memo.of_joined(texts[k:])
            for one, other in parts:
                for early, late in ((one, other), (other, one)):
                    # early goes with the first part of the body, late with the second
                    e1, e2 = self._naming(early, first), self._naming(early, second)
                    l1, l2 = self._naming(late, first), self._naming(late, second)
                    if min(e1, l2) < STACK_NAMED or max(e2, l1) > STACK_UNNAMED:
                        continue
                    score = e1 - e2 + l2 - l1
                    if best is None or score > best[0]:
                        best = (score, k, late)
        if best is None:
            return None
        _, k, late = best
        share = self._rare_share_of(texts[:k], texts[k:])
        if share is None or share >= STACK_TURN_SHARE:
            return None
        return paras[k], late

    def _lines_cut(self, art: _Article) -> tuple[int, set[int], float] | None:
        """Where a titled body holds two stories whose heads stand among its head's lines
        (its own and those moved to it), each line told on its own: a cut of the body after
        a closed sentence (each part ``MIN_AFFINITY_CHARS`` or more) where some line names
        the part before it and not the part after (``STACK_NAMED``, ``STACK_UNNAMED``),
        some line the part after and not the one before, and no line names both parts
        (a head that names both is one story's, cut in its middle); the two parts share
        fewer than ``STACK_LINES_TURN_SHARE`` of their rare bigrams.  The cut whose lines
        name their parts most clearly wins.  Returns the cut (a body index), the ids of
        the lines that go with the part after it: those that name it, and each line that
        names neither part goes with the next line under it (over it, at the end) in its
        own list (a kicker or a column stands over its headline)."""
        groups = [g for g in art.groups if g.titles]
        if len(groups) > 1 or (groups and groups[0].after):
            return None
        lists = [list(groups[0].titles)] if groups else []
        if art.moved_titles:
            lists.append(sorted(art.moved_titles, key=lambda b: b.start))
        lines = [line for part in lists for line in part]
        rare = [self.memo.of(line.text) - self._common for line in lines]
        told = [i for i, grams in enumerate(rare) if len(grams) >= STACK_LINE_GRAMS]
        if len(told) < 2:
            return None
        # the first and the last paragraph that holds each of the lines' rare bigrams:
        # a bigram is in the part before cut k when its first is before k, in the part
        # after when its last is at k or later (one pass over the paragraphs, no union
        # of paragraphs per cut)
        wanted = set().union(*(rare[i] for i in told))
        first_at: dict[str, int] = {}
        last_at: dict[str, int] = {}
        texts = art.body_parts()
        for n, text in enumerate(texts):
            for gram in self.memo.of(text) & wanted:
                first_at.setdefault(gram, n)
                last_at[gram] = n
        # each line's bigrams by where they first and last stand, sorted: how many are
        # before or after a cut is a binary search
        firsts = {i: sorted(first_at[g] for g in rare[i] if g in first_at) for i in told}
        lasts = {i: sorted(last_at[g] for g in rare[i] if g in last_at) for i in told}
        # the cheap look first: the cuts where some line could name the part before and
        # no more than a stray bigram of the part after (after ``after[i]``), and those
        # where some line could name the part after and not the one before (up to
        # ``before[i]``); a cut needs one of each, of two lines
        after: dict[int, int] = {}
        before: dict[int, int] = {}
        for i in told:
            # the fewest bigrams that name a part, the most that a stray word holds (the
            # shares compared as below, a hair of float error on either side)
            naming = math.ceil(STACK_NAMED * len(rare[i]) - SCORE_EPSILON)
            stray = math.floor(STACK_UNNAMED * len(rare[i]) + SCORE_EPSILON)
            if len(firsts[i]) < naming:
                continue
            after[i] = max(firsts[i][naming - 1],
                           lasts[i][-stray - 1] if stray < len(lasts[i]) else -1)
            before[i] = min(lasts[i][-naming],
                            firsts[i][stray] if stray < len(firsts[i]) else len(texts))
        if not any(after[i] < before[j] for i in after for j in before if i != j):
            return None
        paras, texts, cuts = _closed_cuts(art, MIN_AFFINITY_CHARS)
        if not cuts:
            return None
        best: tuple[float, int, set[int], set[int]] | None = None
        for k in cuts:
            early: set[int] = set()
            late: set[int] = set()
            score = 0.0
            for i in told:
                one = bisect.bisect_left(firsts[i], k) / len(rare[i])
                two = (len(lasts[i]) - bisect.bisect_left(lasts[i], k)) / len(rare[i])
                if max(one, two) < STACK_NAMED:
                    continue
                if min(one, two) > STACK_UNNAMED:
                    break  # a line that names both parts: one story cut in its middle
                (early if one > two else late).add(i)
                score += abs(one - two)
            else:
                if early and late and (best is None or score > best[0]):
                    best = (score, k, early, late)
        if best is None:
            return None
        _, k, early, late = best
        share = self._rare_share_of(texts[:k], texts[k:])
        moved = {id(t) for t in art.moved_titles}
        # a line given to this body from a head printed elsewhere is a witness of its own
        # that the body holds another story's text; a printed head alone may be one
        # story's kicker and headline naming its lead and a later scene
        limit = STACK_LINES_TURN_SHARE if any(id(lines[i]) in moved for i in early | late) \
            else STACK_TURN_SHARE
        if share is None or share >= limit:
            return None
        named = early | late
        going: set[int] = set()
        at = 0
        for part in lists:
            ids = list(range(at, at + len(part)))
            at += len(part)
            for n, i in enumerate(ids):
                if i in named:
                    if i in late:
                        going.add(id(lines[i]))
                    continue
                under = [j for j in ids[n + 1:] if j in named] or \
                    [j for j in reversed(ids[:n]) if j in named]
                if under and under[0] in late:
                    going.add(id(lines[i]))
        return paras[k], going, share

    def _cut_at_lines(self, art: _Article, cut: int, going: set[int],
                      share: float) -> tuple[_Article, _Article]:
        """The two articles a body cut at ``cut`` makes (:meth:`_lines_cut`): the lines in
        ``going`` (by id) go with the body from ``cut`` on, the blocks beside the body
        printed after it with them; an own head's lines that go form the later story's
        head, moved lines that go are moved to it."""
        other = _split_body(art, cut)
        other.moved_titles = [t for t in art.moved_titles if id(t) in going]
        art.moved_titles = [t for t in art.moved_titles if id(t) not in going]
        for group in [g for g in art.groups if g.titles]:
            late = [t for t in group.titles if id(t) in going]
            if len(late) == len(group.titles):
                art.groups = [g for g in art.groups if g is not group]
                other.groups = [group]
            elif late:
                group.titles = [t for t in group.titles if id(t) not in going]
                other.groups = [_Group(late, [])]
        first = next((t for g in other.groups for t in g.titles), None) or \
            (other.moved_titles[0] if other.moved_titles else None)
        self.rec.change("heads of stories stacked over their bodies one after the other, "
                        "each line told by the part it names",
                        art.body[-1].span if first is None else first.span,
                        f"{share:.3f} of the parts' rare bigrams shared"
                        + ("" if first is None else f"; {first.text[:20]}"))
        return art, other

    def _naming(self, lines: list[Block], grams: set[str]) -> float:
        """How well a part of a head names a body: the largest share of a line's rare
        bigrams (``STACK_LINE_GRAMS`` or more) that the body holds."""
        best = 0.0
        for line in lines:
            rare = self._rare_grams(line.text)
            if len(rare) >= STACK_LINE_GRAMS:
                best = max(best, len(rare & grams) / len(rare))
        return best

    def _cut_at_stack(self, art: _Article, cut: int, late: list[Block]) -> list[_Article]:
        """The two articles a body cut at ``cut`` makes under a head parted in two
        (:meth:`_stacked_cut`): ``late``, the lines of the later story's head, go with
        the body from ``cut`` on and with the blocks beside the body printed after it; the
        rest of the head stays with the earlier story."""
        other = _split_body(art, cut)
        group = next(g for g in art.groups if g.titles)
        if art.moved_titles and late[0] in group.titles:
            # the article's own head goes with the later story, the moved lines stay
            art.groups = [g for g in art.groups if g is not group]
            other.groups = [group]
        elif art.moved_titles:
            art.moved_titles = [t for t in art.moved_titles if t not in late]
            other.moved_titles = list(late)
        else:
            group.titles = [t for t in group.titles if t not in late]
            other.groups = [_Group(list(late), [])]
        self.rec.change("two stories' heads stacked over their bodies one after the other",
                        late[0].span, late[0].text[:20])
        return [art, other]
