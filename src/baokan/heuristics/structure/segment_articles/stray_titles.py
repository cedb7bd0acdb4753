"""Title lines the tool set over the wrong body moved to the body they name, the
byline under them carried with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, NamedTuple, TypeAlias

from baokan.core.document import Block, Kind
from baokan.core.names import PHOTO_ROLE
from baokan.core.spans import covering_span, neighbours
from baokan.core.text import DASH_PAIR_END, DASH_START, KICKER_END, bigrams
from baokan.heuristics.structure.segment_articles.article import _Article, _Group, overlap
from baokan.heuristics.structure.segment_articles.page_state import (
    MIN_LONE_GRAMS,
    NAMING_GRAMS,
    OWN_BODY_OVERLAP,
    SCORE_EPSILON,
    _PageState,
)
from baokan.heuristics.structure.segment_articles.title_lines import (
    _COLUMN_MARK,
    breaks_mid_phrase,
    one_measure,
)

#: A title group left with no body after the title moves goes to the body without a title
#: that it names best, and that no other such group names better, when that body holds at
#: least this share of its bigrams (a head names its body in a word or two: 0.1 is one
#: word of a ten-character head).
LAST_HEAD_NAMING = 0.1

#: A title line that names its own body in no word (``OWN_BODY_OVERLAP``) goes to a body
#: with no title at all that holds at least this share of its bigrams (a headline names
#: its body in a word or two of its four or five: the synthetic pages' headlines set over
#: the wrong body hold 0.25 to 0.5 of their bigrams in their own), where a titled body
#: needs ``stray_title_overlap``: a body left without a head is a head's likeliest place.
UNTITLED_NAMING = 0.25

#: A line of a title group of two or more lines that names the body under it in a word
#: or two still goes to a body with no title that holds at least this much more of its
#: bigrams, and more than any titled body near it holds: two heads printed one under the
#: other (a row of a page's heads read line by line) give the first one's body a chance
#: bigram (``会议``), where the head's own body names it in most of its words (the
#: synthetic pages' such lines: 0.1-0.25 of their bigrams under them, 0.5-1 in their own).
NAMED_ELSEWHERE_MARGIN = 0.4
#: The most of its bigrams a line moved so may share with the body under it (a word or
#: two of a head's eight or ten): a line that body names in more is its head, though
#: another body names it too (a story that turns to another under one head).
OWN_WORD_OR_TWO = 0.25

#: A title line that names the body under it in a word (at most this share of its
#: bigrams: a chance word such as 工程 or 服务 in a long body, a third of a short head's
#: pairs) goes to a story without a head of its own that names it clearly better
#: (``CLEAR_AFFINITY_MARGIN``): where the page's position and the words disagree that
#: clearly, the words win.  Above it, the line's words are its body's too.
WEAK_OWN_NAMING = 0.34
#: How much more of the line's bigrams the other body must hold: half of them more (the
#: synthetic pages s501 and dev synth: lines set over the wrong body hold 0.7 to 1.0 of
#: their bigrams in their own story and 0.1 to 0.3 in the body under them; a smaller
#: margin begins to move lines of heads whose body is only split in two by the tool).
CLEAR_AFFINITY_MARGIN = 0.5
#: ...unless the two whole bodies share at least this share of the page's rare bigrams:
#: they are two pieces of one story the tool cut apart, and its head may stand over
#: either piece (dev synth and s501: pieces of one story 0.17 to 0.59; two stories that
#: a jumbled pdftotext column mixes a little, 0.04 to 0.09).
ONE_STORY_SHARE = 0.15


#: A group of titles with no body is dealt out in page order when its lines name at least
#: this many bodies without a title well, in page order (one could be chance).
MIN_DEAL_ANCHORS = 2
#: What dealing a head to a body without one adds to a way of dealing a page's titles
#: out: less than any title's share of bigrams in its body (one bigram of ten), more
#: than nothing, so that a title naming no body still goes to a body left without one.
DEALT_BODY_BONUS = 0.1
#: Each part of a title block of two printed lines split because its parts name two
#: bodies (a tool joined two heads of a page's titles printed together) holds at least
#: this many characters: a shorter piece has too few bigrams to name anything.
MIN_SPLIT_HEAD = 4


class _Move(NamedTuple):
    """A title line's new place: the article it goes to (an index into the page's
    articles), the share of its bigrams that article's body holds, and the other half of
    a head broken over two lines, weighed and moved with it."""

    target: int
    score: float
    rest: list[Block]


#: A title line that names its own body stays, and so do the lines carried to it.
_STAYS: Final = "stays"
#: A title line that names no body well enough: in a group with no body, it goes with the
#: line after it; else it stays.
_HOMELESS: Final = "homeless"
_Verdict: TypeAlias = _Move | Literal["stays", "homeless"]


def _opens_story(art: _Article) -> bool:
    """Whether a dateline or a writer's byline opens the article: a photo's credit
    (``图/X``) stands over a piece of a story as well."""
    return any(b.opens_article and (b.kind == Kind.DATELINE
                                    or any(d.role != PHOTO_ROLE for d in b.bylines))
               for b in art.all_extras())


class _StrayTitles(_PageState):
    """The pass that moves title lines to the bodies they name."""

    @staticmethod
    def _half_of_broken_line(printed: list[Block], at: int, grams: set[str]) -> bool:
        """Whether the title line ``printed[at]`` is half of one line broken over two with
        the line before or after it (:func:`breaks_mid_phrase`, or :func:`one_measure`):
        the half does not leave its head alone (``新晃政务设`` / ``立温馨母婴室``)."""
        line = printed[at].text
        return (at > 0 and breaks_mid_phrase(printed[at - 1].text, line, grams)) or (
            at + 1 < len(printed) and breaks_mid_phrase(line, printed[at + 1].text, grams)) \
            or (at > 0 and one_measure(printed[at - 1], printed[at], grams)) \
            or (at + 1 < len(printed) and one_measure(printed[at], printed[at + 1], grams))

    @staticmethod
    def _other_half(printed: list[Block], at: int, grams: set[str]) -> list[Block]:
        """The second half of a head broken over two lines whose first half is
        ``printed[at]`` (:func:`breaks_mid_phrase`, with no break before it), when neither
        half names the body under it (``OWN_BODY_OVERLAP``), to be weighed and moved with
        this one; else nothing.  Only where a line of the group stands under the two
        (the head they were stacked on): the lines right over the body are its own head,
        though a body cut short under them names it little; and not a kicker broken over
        two lines (``…普法筑牢平安防`` / ``线——``), which leads into the headline under it."""
        if at + 2 >= len(printed) or (at > 0 and breaks_mid_phrase(
                printed[at - 1].text, printed[at].text, grams)):
            return []
        line, after = printed[at], printed[at + 1]
        if not breaks_mid_phrase(line.text, after.text, grams) \
                or DASH_PAIR_END.search(after.text) \
                or overlap(line.text, grams) > OWN_BODY_OVERLAP \
                or overlap(after.text, grams) > OWN_BODY_OVERLAP:
            return []
        return [after]

    def _rest_of_box(self, printed: list[Block], at: int, own: set[str]) -> list[Block]:
        """The title lines printed right under ``printed[at]`` in its box that name their
        own body in no word: where blank lines stand between a dump's text boxes
        (``gaps_tell``), lines with none between them are one box, one headline broken by
        its measure (``欧委会网开一面`` / ``北爱牛冲破禁令``), and they go where its first
        line goes."""
        rest: list[Block] = []
        last = printed[at]
        for line in printed[at + 1:]:
            if not self.gaps_tell or line.gap_before or line.start != last.end + 1 \
                    or overlap(line.text, own) > OWN_BODY_OVERLAP:
                break
            rest.append(line)
            last = line
        return rest

    def _move_stray_title_lines(self) -> None:
        """A line of a title group that shares nothing with its own body but much with
        another article's body belongs to that other article (as its kicker or headline).

        A group with no body of its own (a page's titles printed together at its end) is
        dealt out line by line to the bodies its lines name; a line that names none (a
        column name, a kicker from elsewhere) goes with the line after it; what names
        nothing stays, and an article left with nothing is gone."""
        grams = [a.body_grams(self.memo) for a in self.arts]
        for index, art in enumerate(self.arts):
            bodiless = not grams[index]
            for group in art.groups:
                lone = len(group.titles) == 1 and not bodiless \
                    and len(bigrams(group.titles[0].text)) >= MIN_LONE_GRAMS
                if len(group.titles) < 2 and not (bodiless and group.titles) and not lone:
                    continue
                # every line of the head as printed, those dealt out below too: a byline
                # goes only with the line right over it (:meth:`_carry_byline`)
                head = list(group.titles)
                if bodiless:
                    self._deal_in_order(index, group, grams)
                carried: list[Block] = []
                printed = list(group.titles)
                signed = any(b.opens_article for b in group.extras)
                taken: list[Block] = []  # lines gone with the line over them in their box
                for at, line in enumerate(printed):
                    if line in taken:
                        continue
                    verdict = self._weigh_line(printed, at, index, grams,
                                               lone=lone, bodiless=bodiless, signed=signed)
                    if verdict == _STAYS:
                        carried = []
                        continue
                    if verdict == _HOMELESS:
                        if bodiless:
                            carried.append(line)
                        continue
                    assert isinstance(verdict, _Move)
                    taken = [*verdict.rest,
                             *self._rest_of_box(printed, at + len(verdict.rest), grams[index])]
                    self._move_lines(group, head, carried, [line, *taken], verdict,
                                     over_body=not bodiless)
                    carried = []
        self._place_last_heads(grams)
        self.arts = [a for a in self.arts if a.body or a.extras or a.moved_titles
                     or any(g.titles or g.extras for g in a.groups)]

    def _weigh_line(self, printed: list[Block], at: int, index: int, grams: list[set[str]],
                    *, lone: bool, bodiless: bool, signed: bool) -> _Verdict:
        """Where the title line ``printed[at]`` of article ``index``'s group belongs: with
        its own body (:data:`_STAYS`), nowhere it names (:data:`_HOMELESS`), or on
        another body (a :class:`_Move`).  ``lone``: the group's only line, which leaves its
        body only for a body with no title; ``bodiless``: the group has no body under it;
        ``signed``: a byline or dateline under the group opens the body."""
        # a head broken over two lines is weighed and moved whole
        rest = [] if bodiless else self._other_half(printed, at, grams[index])
        text = "".join(b.text for b in (printed[at], *rest))
        own = overlap(text, grams[index])
        elsewhere = None if own <= OWN_BODY_OVERLAP or lone or bodiless or rest \
            or not self._own_box(printed, at) \
            else self._named_elsewhere(printed, at, index, grams, own)
        if elsewhere is None and OWN_BODY_OVERLAP < own <= WEAK_OWN_NAMING \
                and not bodiless and not rest:
            elsewhere = self._clearly_elsewhere(printed, at, index, grams, own)
        if (own > OWN_BODY_OVERLAP and elsewhere is None) \
                or (not bodiless and not rest
                    and self._half_of_broken_line(printed, at, grams[index])):
            return _STAYS
        if elsewhere is not None:
            return _Move(-elsewhere[1], elsewhere[0], rest)
        # a lone title line leaves its body only for a body with no title
        # (one head each: the tool set this head over the wrong body)
        scores = [(overlap(text, grams[i]), -i)
                  for i in neighbours(index, len(grams), self.settings.neighbours)
                  if i != index and not (lone and (self.arts[i].has_title()
                                                   or self.arts[i].moved_titles))]
        score, neg = max(scores) if scores else (0.0, 0)
        if score >= self.settings.stray_title_overlap:
            return _Move(-neg, score, rest)
        # (not the line right over the dateline or byline that opens the body: that
        # body's head, though it names it in no word)
        if at + len(rest) == len(printed) - 1 and signed:
            return _HOMELESS
        untitled = self._untitled_namer(printed[at].with_(text=text), index, grams, score)
        if untitled is None:
            return _HOMELESS
        return _Move(-untitled[1], untitled[0], rest)

    def _move_lines(self, group: _Group, head: list[Block], carried: list[Block],
                    lines: list[Block], move: _Move, *, over_body: bool) -> None:
        """Move a title line with the lines weighed or boxed with it (``lines``) and the
        lines naming no body carried to it from over it (``carried``) to ``move``'s
        article, the byline printed under them with them."""
        target = self.arts[move.target]
        for moved in [*carried, *lines]:
            group.titles.remove(moved)
            target.moved_titles.append(moved)
        self._carry_byline(group, head, lines[-1], target, over_body=over_body)
        target.flags.add("interleaved")
        self.rec.change("moved a title line to the body it names", covering_span(lines),
                        f"{move.score:.2f} of its bigrams in that body")

    def _place_last_heads(self, grams: list[set[str]]) -> None:
        """A title group with no body left after the moves above goes to the body without
        a title that it names best, when it is also the group left that names that body
        best (``LAST_HEAD_NAMING`` of its bigrams, and ``NAMING_GRAMS`` of them: one
        shared word is chance), and no body near it, titled or not, names it better: what
        is left of a page's titles and of its headless bodies is matched by affinity, not
        by position.  Each headless body is the best of one group at most, so no body
        takes two groups here."""
        w = self.settings.neighbours
        untitled = {i for i, a in enumerate(self.arts) if grams[i] and not a.has_title()
                    and not a.moved_titles and "photo" not in a.flags}
        left = [(i, g, "".join(t.text for t in g.titles)) for i, a in enumerate(self.arts)
                if not grams[i] for g in a.groups if g.titles]
        if not untitled or not left:
            return
        best_of: dict[int, tuple[float, int]] = {}
        for n, (i, _, text) in enumerate(left):
            for j in neighbours(i, len(self.arts), w):
                if j in untitled:
                    score = overlap(text, grams[j])
                    if score > best_of.get(j, (0.0, -1))[0]:
                        best_of[j] = (score, n)
        for n, (i, group, text) in enumerate(left):
            # (on a tie the earlier body: the index, negated, breaks it)
            scored = [(best_of[j][0], -j) for j in neighbours(i, len(self.arts), w)
                      if j in best_of and best_of[j][1] == n]
            if not scored:
                continue
            score, neg_index = max(scored)
            body = -neg_index
            if score < LAST_HEAD_NAMING or len(bigrams(text) & grams[body]) < NAMING_GRAMS \
                    or max(overlap(text, grams[j]) for j in neighbours(i, len(self.arts), w)
                           if grams[j]) > score:
                continue
            target = self.arts[body]
            # the byline printed under the head goes with it, as when lines are moved one
            # by one above
            self._carry_byline(group, group.titles, group.titles[-1], target)
            target.moved_titles.extend(group.titles)
            target.flags.add("interleaved")
            self.rec.change("moved a title group left without a body to the body it names",
                            group.titles[0].span, f"{score:.2f} of its bigrams in that body")
            group.titles = []

    def _carry_byline(self, group: _Group, printed: list[Block], line: Block,
                      target: _Article, *, over_body: bool = False) -> None:
        """A byline printed right under a title line that goes to another body goes with
        it: the title and its byline are one head (``印尼盾汇率缘何狂跌不止`` /
        ``本报记者 X``), and left behind the byline heads nothing and is lost as a
        fragment.  Only a byline that opens an article, with no other line of the group's
        titles between it and ``line``, and only to a body that has no opening byline of
        its own (a body keeps the byline it was printed with).  In a group ``over_body``
        the body keeps one: the byline goes only when another opens it too (two heads
        stacked over one body, each with its byline) or a title line of the group stands
        between it and the body."""
        if not any(b.kind == Kind.BYLINE for b in group.extras):
            return
        if target.has_opening_byline():
            return
        following = [t.start for t in printed if t.start > line.end]
        stop = min(following, default=None)
        opening = [b for b in group.extras if b.kind == Kind.BYLINE and b.opens_article]
        if over_body and stop is None and len({"".join(b.text.split()) for b in opening}) < 2:
            return
        for byline in opening:
            if byline.start > line.end and (stop is None or byline.end < stop):
                group.extras.remove(byline)
                target.extras.append(byline)
                self.rec.change("moved a byline with the title line printed over it",
                                byline.span, "to the body the title names")
                return

    def _untitled_namer(self, line: Block, index: int, grams: list[set[str]],
                        best: float) -> tuple[float, int] | None:
        """The body without a title of its own that a title line naming its own body in no
        word names best, as ``(score, -index)``: at least ``UNTITLED_NAMING`` of the line's
        bigrams, and more than any titled body holds (``best``: the best of all bodies)."""
        w = self.settings.neighbours
        scores = [(overlap(line.text, grams[i]), -i)
                  for i in neighbours(index, len(grams), w) if i != index and grams[i]
                  and not self.arts[i].has_title() and not self.arts[i].moved_titles]
        if not scores:
            return None
        score, neg = max(scores)
        return (score, neg) if score >= UNTITLED_NAMING and score >= best else None

    def _own_box(self, printed: list[Block], at: int) -> bool:
        """Whether the title line ``printed[at]`` stands alone in its text box: blank
        lines stand between a dump's boxes (``gaps_tell``), and one before it and one
        after it (or nothing after it) say it is a head of its own, not a line of a head
        broken by its measure (``约旦首相马`` / ``贾利谴责……``)."""
        line = printed[at]
        return self.gaps_tell and line.gap_before > 0 and (
            at + 1 == len(printed) or printed[at + 1].gap_before > 0)

    def _named_elsewhere(self, printed: list[Block], at: int, index: int,
                         grams: list[set[str]], own: float) -> tuple[float, int] | None:
        """The body without a title that a title line naming its own body in a word or
        two (``own``) names far better, as ``(score, -index)``: ``NAMED_ELSEWHERE_MARGIN``
        more of the line's bigrams, more than any titled body near it holds, and the line
        long enough to tell (``MIN_LONE_GRAMS``).  Only a body a dateline or byline opens:
        a story of its own, where a headless body with none is as often more of the story
        under the line, cut off by a column break or a photo, that names the head again
        (a headline quoted in its body).  Not where a line printed next to it in the
        group names that body too (``UNTITLED_NAMING``) and no body better: the two are
        halves of one head broken over two boxes (``江泽民在中纪委二次全`` /
        ``会上发表重要讲话强调``), and the half moved alone would split it (a line next
        to it that names another body better is another head)."""
        line = printed[at]
        if len(bigrams(line.text)) < MIN_LONE_GRAMS or own > OWN_WORD_OR_TWO:
            return None
        best, titled = self._best_headless(
            line, index, grams,
            lambda art: not art.has_title() and not art.moved_titles)
        if best is None or best[0] < own + NAMED_ELSEWHERE_MARGIN or best[0] <= titled:
            return None
        target = -best[1]  # negated in the score so that a tie goes to the body printed first
        return None if self._half_named_there(printed, at, index, grams, target) else best

    def _best_headless(self, line: Block, index: int, grams: list[set[str]],
                       headless: Callable[[_Article], bool]
                       ) -> tuple[tuple[float, int] | None, float]:
        """Among the bodies near ``index``, the story that ``headless`` accepts and a
        dateline or byline opens (:func:`_opens_story`) that ``line`` names best, as
        ``(score, -index)`` (a tie goes to the body printed first), and how much of the
        line the best of the other bodies holds."""
        best: tuple[float, int] | None = None
        titled = 0.0
        for i in neighbours(index, len(grams), self.settings.neighbours):
            if i == index or not grams[i]:
                continue
            score = overlap(line.text, grams[i])
            art = self.arts[i]
            if not headless(art):
                titled = max(titled, score)
            elif _opens_story(art) and (best is None or (score, -i) > best):
                best = (score, -i)
        return best, titled

    def _half_named_there(self, printed: list[Block], at: int, index: int,
                          grams: list[set[str]], target: int) -> bool:
        """Whether a line printed next to ``printed[at]`` in its group names the body
        ``target`` too (``UNTITLED_NAMING``) and no body better: the two are halves of one
        head broken over two boxes (``江泽民在中纪委二次全`` / ``会上发表重要讲话强调``),
        and the half moved alone would split it."""
        w = self.settings.neighbours
        for k in (at - 1, at + 1):
            if 0 <= k < len(printed):
                there = overlap(printed[k].text, grams[target])
                if there >= UNTITLED_NAMING and there >= max(
                        overlap(printed[k].text, grams[i])
                        for i in neighbours(index, len(grams), w)):
                    return True
        return False

    def _clearly_elsewhere(self, printed: list[Block], at: int, index: int,
                           grams: list[set[str]], own: float) -> tuple[float, int] | None:
        """The story without a head that a title line naming the body under it in a word
        (``own``, at most ``WEAK_OWN_NAMING``) names clearly better, as ``(score, -index)``:
        ``CLEAR_AFFINITY_MARGIN`` more of the line's bigrams, more than any titled body
        near it holds, and the line long enough to tell (``MIN_LONE_GRAMS``).  Titles are
        bound by the words they share with a body, not by where the tool set them: a
        head printed over another column's story (``菜篮子工程的提出`` over a story of
        医保 that says 工程 once) goes to the story that names it in every word.

        Only a story a dateline or a writer's byline opens (:func:`_opens_story`: a
        headless body with none is as often more of the story under the line), that has
        no head, or only lines moved to it from this same group (a kicker and its headline
        set over the wrong body go on together); never one line of a head broken in its
        box (:meth:`_boxed`) or over two lines (:meth:`_half_of_broken_line`, checked by
        the caller) or two boxes (:meth:`_half_named_there`); and not where the two bodies
        are pieces of one story (``ONE_STORY_SHARE``)."""
        line = printed[at]
        if len(bigrams(line.text)) < MIN_LONE_GRAMS or self._boxed(printed, at):
            return None
        best, titled = self._best_headless(
            line, index, grams,
            lambda art: not art.has_title() and all(
                any(m is p for p in printed) for m in art.moved_titles))
        if best is None or best[0] < own + CLEAR_AFFINITY_MARGIN or best[0] <= titled:
            return None
        target = -best[1]
        shared = self._rare_share_of(self.arts[index].body_parts(),
                                     self.arts[target].body_parts())
        if (shared is not None and shared >= ONE_STORY_SHARE) \
                or self._half_named_there(printed, at, index, grams, target):
            return None
        return best

    def _boxed(self, printed: list[Block], at: int) -> bool:
        """Whether the title line ``printed[at]`` shares its text box with the line before
        or after it (no blank line between, where blank lines stand between a dump's
        boxes: ``gaps_tell``): one head broken by its measure.  A dash-led line right
        under it is its subtitle, not more of it."""
        if not self.gaps_tell:
            return False
        after = printed[at + 1] if at + 1 < len(printed) else None
        return (at > 0 and not printed[at].gap_before) or (
            after is not None and not after.gap_before
            and not DASH_START.match(after.text.strip()))

    def _deal_in_order(self, index: int, group: _Group, grams: list[set[str]]) -> bool:
        """Deal out a title group with no body (a page's titles printed together at its
        end) to the bodies without a title, in the order both are printed: a page that
        draws its titles last draws them in the order of its articles.

        Only where the group says so: its lines name two untitled bodies at least well
        (``stray_title_overlap``), in page order.  The lines that name a titled body
        better are left to the line-by-line move.  Of the ways to deal the other lines
        out in page order, the one where they name their bodies most wins, each body
        dealt a head counting ``DEALT_BODY_BONUS`` (a title that names its body in no
        word still heads a body left without one); a line led by a dash stays with the
        line before it (a subtitle), and of lines that name no body, one that looks like
        a column name or a kicker goes with the line after it, any other with the line
        before it.  Returns whether it dealt the group out."""
        cands = [i for i in neighbours(index, len(self.arts), self.settings.neighbours)
                 if i != index and grams[i] and not self.arts[i].has_title()
                 and not self.arts[i].moved_titles]
        if len(cands) < 2:
            return False
        group.titles = [part for line in group.titles
                        for part in self._two_heads(line, cands, grams)]
        others = [i for i in neighbours(index, len(self.arts), self.settings.neighbours)
                  if i != index and grams[i] and i not in cands]
        table: list[tuple[Block, list[float]] | None] = []
        for line in group.titles:
            row = [overlap(line.text, grams[c]) for c in cands]
            foreign = max((overlap(line.text, grams[i]) for i in others), default=0.0)
            if foreign >= self.settings.stray_title_overlap and foreign > max(row):
                # it names a titled body: the line-by-line move's, with the lines before
                # it that name no body (its column, its kicker)
                while table and table[-1] is not None and max(table[-1][1]) == 0.0:
                    table.pop()
                table.append(None)
            else:
                table.append((line, row))
        kept = [entry for entry in table if entry is not None]
        lines = [line for line, _ in kept]
        rows = [row for _, row in kept]
        anchors = [row.index(max(row)) for row in rows
                   if max(row) >= self.settings.stray_title_overlap]
        if not lines:
            return False
        if len(set(anchors)) < MIN_DEAL_ANCHORS or anchors != sorted(anchors):
            return False
        # best[c]: the best score of the lines so far with the last at cands[c]; back
        # pointers say where the line before stood
        n = len(cands)
        best = [rows[0][c] + DEALT_BODY_BONUS for c in range(n)]
        back: list[list[int]] = [[-1] * n]
        for k in range(1, len(lines)):
            text = lines[k].text.strip()
            named = max(rows[k]) > 0.0
            leads = bool(_COLUMN_MARK.match(text) or KICKER_END.search(text))
            stay_bonus = SCORE_EPSILON * 2 if not named and not leads else 0.0
            new_bonus = DEALT_BODY_BONUS + (SCORE_EPSILON * 2 if not named and leads else 0.0)
            dash = bool(DASH_START.match(text))
            row, step = [0.0] * n, [0] * n
            prefix, arg = float("-inf"), -1  # the best of best[:c]
            for c in range(n):
                stay = best[c] + stay_bonus
                new = prefix + new_bonus if not dash and arg >= 0 else float("-inf")
                if stay >= new - SCORE_EPSILON:
                    row[c], step[c] = stay + rows[k][c], c
                else:
                    row[c], step[c] = new + rows[k][c], arg
                if best[c] > prefix + SCORE_EPSILON:
                    prefix, arg = best[c], c
            best = row
            back.append(step)
        c = max(range(n), key=lambda x: (best[x], -x))
        places = [0] * len(lines)
        for k in range(len(lines) - 1, -1, -1):
            places[k] = c
            c = back[k][c]
        printed = list(group.titles)
        for line, c in zip(lines, places):
            target = self.arts[cands[c]]
            target.moved_titles.append(line)
            self._carry_byline(group, printed, line, target)
            target.flags.add("interleaved")
            self.rec.change("dealt a title printed with the page's titles to a body",
                            line.span, "in the order of the bodies without a title")
        dealt = {id(line) for line in lines}
        group.titles = [t for t in group.titles if id(t) not in dealt]
        return True

    def _two_heads(self, line: Block, cands: list[int], grams: list[set[str]]) -> list[Block]:
        """A title block of two printed lines that is two heads (a tool joined the lines
        of a page's titles printed together): split where the part before names one body
        without a title and the part after a later one, each better than the whole line
        names any and at least ``UNTITLED_NAMING`` (a body left without a head is a
        head's likeliest place); else the line alone."""
        text = line.text
        if line.end != line.start + 1 or len(text) < 2 * MIN_SPLIT_HEAD:
            return [line]
        limit = UNTITLED_NAMING
        whole = max(overlap(text, grams[c]) for c in cands)
        # the cut whose parts hold the most bigrams of their bodies; of cuts as good (the
        # characters between the two names belong to neither), the one nearest the middle
        best: tuple[int, int] | None = None
        cut, share = 0, 0.0
        for k in range(MIN_SPLIT_HEAD, len(text) - MIN_SPLIT_HEAD + 1):
            left = [overlap(text[:k], grams[c]) for c in cands]
            right = [overlap(text[k:], grams[c]) for c in cands]
            a = left.index(max(left))
            b = right.index(max(right))
            low = min(left[a], right[b])
            if a >= b or low < limit or low <= whole + SCORE_EPSILON:
                continue
            hits = len(bigrams(text[:k]) & grams[cands[a]]) \
                + len(bigrams(text[k:]) & grams[cands[b]])
            key = (hits, -abs(2 * k - len(text)))
            if best is None or key > best:
                best, cut, share = key, k, low
        if not cut:
            return [line]
        first = line.with_(text=text[:cut].rstrip(), end=line.start)
        second = line.with_(text=text[cut:].lstrip(), start=line.end)
        self.rec.change("split a title block into the two heads its lines name", line.span,
                        f"{share:.2f} of each part's bigrams in its body")
        return [first, second]
