"""Pieces of articles joined to the article they belong to once the page is read:
sections past a byline, titled pieces, headless bylines; scraps left, orphan heads placed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from baokan.core.document import Kind
from baokan.core.spans import neighbours
from baokan.core.text import SENTENCE_END, content_length, ends_sentence
from baokan.heuristics.structure.segment_articles.article import (
    _Article,
    _Group,
    _joined_grams,
    overlap,
)
from baokan.heuristics.structure.segment_articles.page_state import (
    AFFINITY_CHARS,
    _cut_to,
    _PageState,
)

#: A body without a title right after a body closed by its byline goes on with that body
#: when the two share at least this share of their rare bigrams: a long article's later
#: section (or a round-up's next item) printed past a byline, not an article of its own
#: (the synthetic pages: such a section shares 0.06+ with the body before it three times
#: in five, a piece of another article one time in thirteen).
PIECE_AFTER_BYLINE_SHARE = 0.06
#: A body without a title opened by a dateline or byline right after a titled body that no
#: byline closed is that title's article when the two bodies share at least this share of
#: their rare bigrams and the title names the later body at least as well as its own: the
#: tool set a piece of the story (a deck, a column's first lines, a caption) between the
#: head and its byline (the synthetic pages: such a pair shares 0.08+ two times in three,
#: two stories side by side one time in eight, and then the title names its own body)...
TITLE_BODY_SHARE = 0.08
#: ...or, when the titled body is too short to judge by its bigrams, when the title names
#: the later body in at least this share of its bigrams, more than its own.
TITLE_NAMES_NEXT = 0.2

#: A body with no title and nothing that opens it goes to the titled article whose body
#: shares at least this much of their rare bigrams (setting ``headless_homes``), counted
#: over the geometric mean of the two bodies' rare bigrams: a run of a story's paragraphs
#: holds its words, another story's body few of them, and a long body holds many words
#: of any run (counted over the run's alone, long mixed bodies drew runs that were not
#: theirs: held-out pymupdf4llm body -.004 where this gives +.001)...
HEADLESS_HOME_SHARE = 0.05
#: ...at least this many times what the next titled article shares, which must itself be
#: under ``HEADLESS_HOME_SHARE``: one story must stand out (two neighbours on one topic
#: share the page's words alike: a 人民日报 page's three essays on one theme).
HEADLESS_HOME_MARGIN = 2.0
#: A body with no title that a byline or dateline opens goes to the titled article nearby
#: that nothing opens when their bodies share at least this much of their rare bigrams
#: (over the geometric mean, as ``HEADLESS_HOME_SHARE``), ``HEADLESS_HOME_MARGIN`` times
#: what the next titled article shares.
BYLINED_HOME_SHARE = 0.08
#: A body with no title that stays by ``HEADLESS_HOME_MARGIN`` still goes to the titled
#: article it shares the most with when that share is at least ``HEADLESS_HOME_SHARE``
#: and this many times the next one's, and the article's body ends open (its last
#: paragraph closes no sentence): a column or page break cut the story mid-sentence and
#: the tool set its next column apart (the dev synthetic and s501 dumps: 10 such
#: pieces went to their own story, 1 to another)...
OPEN_HOME_MARGIN = 1.4
#: ...or, whatever the host's end, when the share is at least this much and
#: ``CLEAR_HOME_MARGIN`` times the next one's (which may itself pass
#: ``HEADLESS_HOME_SHARE``: the page's neighbours on one topic).
CLEAR_HOME_SHARE = 0.1
CLEAR_HOME_MARGIN = 1.5

#: A body set between another's (setting ``untitled_turns``: a converter that sorts a band's
#: text blocks top to bottom gives two side-by-side stories' paragraphs by turns) is told
#: paragraph by paragraph: a paragraph that has under this share of its rare bigrams in the
#: paragraphs before it starts the other story...
ALTERNATE_START_SHARE = 0.05
#: ...and the two parts must share under this share of their rare bigrams (of the fewer):
#: one story's sections share more of them (on the dev synthetic and s501 pymupdf4llm
#: dumps 0.03 parted fewer stories, body .4384; 0.08 parted one story's sections, .4379;
#: 0.05 .4395).
ALTERNATE_PARTS_SHARE = 0.05
#: A paragraph shorter than this many characters has too few bigrams to tell its story (nor
#: does one that closes no sentence: a list of names or items): it stays with the
#: paragraph before it.
ALTERNATE_MIN_CHARS = 40
#: The fewest paragraphs a body parted so must have (two of each story at least, by turns).
ALTERNATE_MIN_PARAGRAPHS = 4
#: A part taken off so that no story takes and that is shorter than this many characters
#: is no story: it goes back after the body it was taken from.  Standing alone such a part
#: is more often a stray article than a story (fitted on the dev synthetic and s501
#: pymupdf4llm dumps; on s701-s901 article F1 -.004 with every part left alone, +.002 at
#: 400).
ALTERNATE_ALONE_CHARS = 400

#: A body with nothing of an article about it (no title, byline, dateline, caption or
#: credit) shorter than this many character cells is a scrap — a column label, a line of
#: furniture or of editors' credits, a few characters the tool cut off another story —
#: not an article.  The shortest real bodies, one-sentence briefs, run to 40 cells and
#: more (the synthetic pages' shortest, 41) and are matched as articles even when their
#: title went elsewhere; at 50 cells the synthetic development pages lost two such briefs.
SCRAP_CHARS = 30


class _Pieces(_PageState):
    """The passes that join pieces of articles, hand on bylines and leave scraps."""

    def _goes_on_past_byline(self, prev: _Article, piece: _Article) -> bool:
        """Whether ``piece``, a body with no title right after ``prev``, a body closed by
        a byline, is more of ``prev``: the byline closed a section, not the article, and
        the piece goes on with its topic (a share of their rare bigrams)."""
        if piece.groups or piece.moved_titles or not piece.body or "photo" in piece.flags \
                or not prev.body or not any(b.kind == Kind.BYLINE and "closing" in b.tags
                                            for b in prev.extras):
            return False
        shared = self._rare_share(prev.body_tail(AFFINITY_CHARS),
                                  "".join(piece.body_parts())[:AFFINITY_CHARS])
        return shared is not None and shared >= PIECE_AFTER_BYLINE_SHARE

    def _join_pieces_after_bylines(self) -> None:
        """A body with no title after a body closed by a byline joins it when it goes on
        with its topic (:meth:`_goes_on_past_byline`)."""
        kept: list[_Article] = []
        for art in self.arts:
            prev = kept[-1] if kept else None
            if prev is not None and self._goes_on_past_byline(prev, art):
                self.rec.change("joined a body without a title to the body closed before it",
                                art.body[0].span, "it goes on with that body's topic")
                prev.absorb(art)
                continue
            kept.append(art)
        self.arts[:] = kept

    def _host_of_title_piece(self, piece: _Article, host: _Article) -> str | None:
        """Whether ``host``, a body with no title opened by a dateline or byline right
        after ``piece``, a titled body that no byline closed, is the rest of ``piece``'s
        article: the tool printed the title with a little of its story (a deck, a caption,
        another column's first lines) before the byline or dateline that opens the rest.
        Cues: the two bodies go on with one topic (``TITLE_BODY_SHARE`` of their rare
        bigrams) — or the piece is too short to tell and the title names the host well
        (``TITLE_NAMES_NEXT``) — and the title names the host at least as well as the
        piece (a story of its own beside it is what its title names).  Returns the cue that
        decided, with its figures (for the diagnostics), or None."""
        if not piece.has_title() or any(g.after for g in piece.groups) or not piece.body \
                or any(b.closes_article for b in piece.extras) or "photo" in piece.flags:
            return None
        openers = host.all_extras()
        if host.has_title() or host.moved_titles or "photo" in host.flags \
                or not any(b.opens_article for b in openers) \
                or not any(b.kind == Kind.PARAGRAPH for b in host.body):
            return None
        title = "".join(t.text for g in piece.groups for t in g.titles)
        own = overlap(title, piece.body_grams(self.memo))
        named = overlap(title, host.body_grams(self.memo))
        if named <= 0.0 or named < own:
            return None
        shared = self._rare_share_of(piece.tail_parts(AFFINITY_CHARS),
                                     _cut_to(host.body_parts(), AFFINITY_CHARS))
        names = f"the title names {named:.2f} of it, {own:.2f} of its own body"
        if shared is None:
            if named >= TITLE_NAMES_NEXT and named > own:
                return f"{names}; the piece is too short to compare the bodies"
            return None
        if shared >= TITLE_BODY_SHARE:
            return f"{names}; the bodies share {shared:.2f} of their rare bigrams"
        return None

    def _join_title_pieces_to_hosts(self) -> None:
        """A titled body that no byline closed takes the body with no title that a
        dateline or byline opens right after it, when that is the rest of its story
        (:meth:`_host_of_title_piece`)."""
        kept: list[_Article] = []
        for art in self.arts:
            prev = kept[-1] if kept else None
            cue = self._host_of_title_piece(prev, art) if prev is not None else None
            if prev is not None and cue is not None:
                self.rec.change("a title's story goes on past the dateline or byline after it",
                                art.body[0].span, cue)
                # the joined body's bigrams from the two bodies' (both known here), not
                # worked out again from all its paragraphs at each join of a chain
                grams = _joined_grams(self.memo, prev, art)
                prev.absorb(art)
                prev.grams = grams
                continue
            kept.append(art)
        self.arts[:] = kept

    def _alternating_parts(self, art: _Article) -> list[int] | None:
        """For each block of ``art``'s body, 0 or 1: which of two stories set by turns it
        holds (:meth:`_part_alternating_bodies`); None when the body is one story.  Each
        paragraph (``ALTERNATE_MIN_CHARS`` or longer, closing a sentence; any other stays
        with the paragraph before it) goes with the part whose paragraphs
        so far hold more of its rare bigrams; the first that the paragraphs before it hardly
        share (``ALTERNATE_START_SHARE``) starts the second part.  A body is parted only
        when the parts come by turns (part one again after part two: a story that turns once
        is the walk's :meth:`_untitled_turn`), each has two paragraphs or more, one of them
        past its first joined on words it shares with it (a list of names or items shares
        none: each of its paragraphs would start a part), and the two share almost none
        of their rare bigrams (``ALTERNATE_PARTS_SHARE``)."""
        paragraphs = [i for i, b in enumerate(art.body) if b.kind == Kind.PARAGRAPH]
        if len(paragraphs) < ALTERNATE_MIN_PARAGRAPHS:
            return None
        held: list[set[str]] = [set(), set()]
        joined = [0, 0]  # the paragraphs that joined each part on words they share with it
        part: dict[int, int] = {}
        current = 0  # the part the paragraph before went with
        for i in paragraphs:
            text = art.body[i].text
            rare = self.memo.of(text) - self._common if len(text) >= ALTERNATE_MIN_CHARS \
                and any(c in SENTENCE_END for c in text) else frozenset()
            if rare and held[0]:
                with_first = len(rare & held[0])
                if held[1]:
                    current = 0 if with_first >= len(rare & held[1]) else 1
                else:
                    current = 1 if with_first < ALTERNATE_START_SHARE * len(rare) else 0
                if len(rare & held[current]) >= ALTERNATE_START_SHARE * len(rare):
                    joined[current] += 1
            held[current] |= rare
            part[i] = current
        order = [part[i] for i in paragraphs]
        turns = sum(a != b for a, b in itertools.pairwise(order))
        if turns < 2 or min(order.count(0), order.count(1)) < 2 or min(joined) < 1:
            return None
        if len(held[0] & held[1]) >= ALTERNATE_PARTS_SHARE * min(len(held[0]), len(held[1])):
            return None
        # a block that is not a paragraph (a subhead) goes with the paragraph after it
        out: list[int] = []
        following = order[-1]
        for i in reversed(range(len(art.body))):
            following = part.get(i, following)
            out.append(following)
        return out[::-1]

    def _part_alternating_bodies(self) -> None:
        """A body that holds two stories by turns (:meth:`_alternating_parts`) is parted:
        the part its title names more keeps the article (the first part when it has no
        title, or the title names both alike), the other follows it as a body with no title
        — which :meth:`_send_headless_home` sends to its story when that shares its words.
        A converter that sorts a band's text blocks top to bottom (pymupdf4llm) gives
        the paragraphs of two stories set side by side in turns."""
        out: list[_Article] = []
        for art in self.arts:
            out.append(art)
            if "photo" in art.flags:
                continue
            parts = self._alternating_parts(art)
            if parts is None:
                continue
            title = "".join(t.text for g in art.groups for t in g.titles)
            named = [overlap(title, self.memo.of_joined(
                b.text for b, p in zip(art.body, parts) if p == k and b.kind == Kind.PARAGRAPH))
                for k in (0, 1)] if title else [0.0, 0.0]
            keep = 1 if named[1] > named[0] else 0
            other = _Article(body=[b for b, p in zip(art.body, parts) if p != keep])
            art.body[:] = [b for b, p in zip(art.body, parts) if p == keep]
            art.grams = None
            self.rec.change("parted a body that holds two stories by turns",
                            other.body[0].span, f"{len(other.body)} blocks of the other story")
            out.append(other)
            self.parted.append((other, art))
        self.arts[:] = out

    def _unpart_homeless(self) -> None:
        """A part :meth:`_part_alternating_bodies` took off a body that no story took
        (:meth:`_send_headless_home`) and too short to be a story of its own
        (``ALTERNATE_ALONE_CHARS``) goes back to that body, after its paragraphs, not
        between them as it came: paragraphs set by turns that share no words are rarely
        one run of text (the pymupdf4llm dumps of s701-s901: putting them back between
        lost body F1, -.0016 to -.0021 on each set)."""
        present = {id(a) for a in self.arts}
        gone: set[int] = set()
        for other, host in self.parted:
            if id(other) not in present or id(host) not in present:
                continue
            if sum(len(t) for t in other.body_parts()) >= ALTERNATE_ALONE_CHARS:
                continue
            host.absorb(other)
            gone.add(id(other))
            self.rec.change("put a part by turns back after its body: no story took it",
                            other.body[0].span, f"{len(other.body)} blocks")
        self.arts[:] = [a for a in self.arts if id(a) not in gone]

    def _home_scores(self, at: int, rare: Sequence[AbstractSet[str]]) -> list[tuple[float, int]]:
        """The titled articles near body ``at`` with the share of their rare bigrams
        (``rare``, each article's) counted over the geometric mean of the two bodies',
        most first."""
        if not rare[at]:
            return []
        return sorted(((len(rare[at] & rare[i]) / math.sqrt(len(rare[at]) * len(rare[i])), i)
                       for i in neighbours(at, len(self.arts), self.settings.neighbours)
                       if i != at and self.arts[i].has_title() and rare[i]),
                      reverse=True)

    def _titled_home(self, at: int, rare: Sequence[AbstractSet[str]], share: float, *,
                     next_under: bool = False,
                     scored: list[tuple[float, int]] | None = None) -> tuple[float, int] | None:
        """The titled article near body ``at`` whose body shares the most of their rare
        bigrams (:meth:`_home_scores`, or ``scored`` when the caller has them), with that
        share: when it is ``share`` or more and at least ``HEADLESS_HOME_MARGIN`` times
        what the next titled article shares (which, with ``next_under``, must itself be
        under ``share``).  The scoring of :meth:`_send_headless_home`,
        :meth:`_send_bylined_pieces_home` and the stacked heads' deal in order
        (``stacked_heads_in_order``)."""
        if scored is None:
            scored = self._home_scores(at, rare)
        if not scored or scored[0][0] < share:
            return None
        if len(scored) > 1 and (scored[0][0] < HEADLESS_HOME_MARGIN * scored[1][0]
                                or (next_under and scored[1][0] >= share)):
            return None
        return scored[0]

    def _headless_home(self, at: int, rare: Sequence[AbstractSet[str]]) -> tuple[float, int] | None:
        """Where :meth:`_send_headless_home` sends body ``at``, with the share of rare
        bigrams that sends it: a body with no title, nothing that opens it, no photo and
        a paragraph, that is no scrap (:meth:`_scrap`), goes to the titled article nearby
        that shares ``HEADLESS_HOME_SHARE`` of their rare bigrams, ``HEADLESS_HOME_MARGIN``
        times the next one's (under ``HEADLESS_HOME_SHARE`` itself); None when it stays."""
        art = self.arts[at]
        if art.has_title() or art.moved_titles or "photo" in art.flags \
                or any(b.opens_article for b in art.all_extras()) or self._scrap(art) \
                or not any(b.kind == Kind.PARAGRAPH for b in art.body):
            return None
        scored = self._home_scores(at, rare)
        found = self._titled_home(at, rare, HEADLESS_HOME_SHARE, next_under=True, scored=scored)
        return found if found is not None else self._open_home(scored)

    def _open_home(self, scored: Sequence[tuple[float, int]]) -> tuple[float, int] | None:
        """The titled article that shares the most rare bigrams with a body (``scored``:
        :meth:`_home_scores`) when :meth:`_titled_home`'s margins leave the body alone
        but its share still stands out: ``OPEN_HOME_MARGIN`` over the next with a host
        whose body ends open (a story cut mid-sentence by a column or page break), or
        ``CLEAR_HOME_SHARE`` and ``CLEAR_HOME_MARGIN`` over the next whatever its end."""
        if not scored:
            return None
        best, home = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best >= CLEAR_HOME_SHARE and best >= CLEAR_HOME_MARGIN * second:
            return best, home
        if best < HEADLESS_HOME_SHARE or best < OPEN_HOME_MARGIN * second:
            return None
        parts = self.arts[home].body_parts()
        return (best, home) if parts and parts[-1].strip() and not ends_sentence(parts[-1]) \
            else None

    def _send_headless_home(self) -> None:
        """A body with no title (setting ``headless_homes``) joins, after its body, the
        titled article nearby whose body shares a clear part of its rare bigrams
        (``HEADLESS_HOME_SHARE``, ``HEADLESS_HOME_MARGIN``): a converter that gives a
        band's stories side by side (pymupdf4llm) sets runs of one story's paragraphs
        between another's, and a text dump (pdftotext, pdfminer, PyMuPDF) gives a story's
        column after another story, cut off at the column break after a closed sentence:
        the run, cut from its head, is that story's.  Not a body
        that a byline or dateline opens (a story whose head went astray keeps those), nor
        a scrap (:meth:`_scrap`: too few words to tell its story).  The moves are told
        on the bodies as the walk left them, then made."""
        rare = [art.body_grams(self.memo) - self._common for art in self.arts]
        homes: dict[int, int] = {}
        for at, art in enumerate(self.arts):
            found = self._headless_home(at, rare)
            if found is None:
                continue
            homes[at] = found[1]
            self.rec.change("sent a body without a title to the article it shares words with",
                            art.body[0].span, f"{found[0]:.2f} of their rare bigrams shared")
        for at, home in homes.items():
            self.arts[home].absorb(self.arts[at])
        self.arts[:] = [art for at, art in enumerate(self.arts) if at not in homes]

    def _send_bylined_pieces_home(self) -> None:
        """A body with no title that a byline or dateline opens joins the titled article
        nearby that nothing opens and whose body shares a clear part of its rare bigrams
        (``BYLINED_HOME_SHARE``, ``HEADLESS_HOME_MARGIN``): the tool cut a run of the story
        (its first column, with the byline or dateline printed over it) off from its title
        and the rest of its body.  The piece's byline or dateline opens the joined story;
        its paragraphs keep their place on the page, before or after the host's (put first
        wherever they stood, the dev pymupdf4llm dumps lost body F1: a run printed after
        the title is more often a later column).  Told on the bodies as the walk left
        them; a host takes one piece at most (the one that shares the most), and one that
        a byline or dateline already opens takes none (a story has one head).  On the
        dev synthetic and s501 dumps 18 rose and 1 fell (byline F1 +.0023/+.0036).
        (:meth:`_send_headless_home` leaves such a piece alone: it keeps its opening.)"""
        rare = [art.body_grams(self.memo) - self._common for art in self.arts]
        opened = [any(b.opens_article for b in art.all_extras()) for art in self.arts]
        best: dict[int, tuple[float, int]] = {}
        for at, art in enumerate(self.arts):
            if art.has_title() or art.moved_titles or "photo" in art.flags or not rare[at] \
                    or not opened[at] or not any(b.kind == Kind.PARAGRAPH for b in art.body):
                continue
            found = self._titled_home(at, rare, BYLINED_HOME_SHARE)
            if found is None or opened[found[1]] or "photo" in self.arts[found[1]].flags:
                continue
            share, home = found
            if home not in best or best[home][0] < share:
                best[home] = (share, at)
        if not best:
            return
        gone: set[int] = set()
        for home, (share, at) in best.items():
            piece = self.arts[at]
            self.rec.change("sent a body opened by a byline to the titled article it shares "
                            "words with", piece.body[0].span,
                            f"{share:.2f} of their rare bigrams shared")
            self.arts[home].absorb(piece, body_first=at < home, extras_first=True)
            gone.add(at)
        self.arts[:] = [art for at, art in enumerate(self.arts) if at not in gone]

    def _hand_on_headless_bylines(self) -> None:
        """A head with no body (its title lines and the byline printed under it) is no
        article: its lines go to the page's fragments, and with them the byline.  The tool
        stacked that head over the next one (a page that draws its title boxes before its
        columns), and the body after the next head is the one the byline was printed over
        as often as not; a byline is an article's, never the page's.  So the opening byline
        of such a head (no caption with it: that is photo news) goes on to the next article
        when that has a body and no opening byline of its own (a body keeps the byline it
        was printed with), and not to a scrap (:meth:`_scrap`: a byline would make an
        article of a few lines the tool cut off a story).  Its title lines are left: which
        head names the body is for the title passes to say."""
        for art, nxt in zip(self.arts, self.arts[1:]):
            if art.body or art.moved_titles or "photo" in art.flags or self._scrap(nxt) \
                    or not any(b.kind == Kind.PARAGRAPH for b in nxt.body):
                continue
            own = art.all_extras()
            if any(b.kind == Kind.CAPTION for b in own) or nxt.has_opening_byline():
                continue
            first = nxt.body[0].start
            for byline in own:
                if byline.kind == Kind.BYLINE and byline.opens_article and byline.end < first:
                    for holder in [art.extras, *(g.extras for g in art.groups)]:
                        if byline in holder:
                            holder.remove(byline)
                    nxt.extras.insert(0, byline)  # printed before the body's own extras
                    self.rec.change("gave the byline of a head with no body to the next body",
                                    byline.span, "no byline opens that body")
                    break

    @staticmethod
    def _scrap(art: _Article) -> bool:
        """Whether ``art`` is a scrap of text with nothing of an article about it: no title,
        no byline, dateline, caption or credit, no flag, and a body of paragraphs shorter
        than ``SCRAP_CHARS`` cells."""
        if art.groups or art.moved_titles or art.extras or art.flags or not art.body \
                or any(b.kind != Kind.PARAGRAPH for b in art.body):
            return False
        return sum(content_length(b.text) for b in art.body) < SCRAP_CHARS

    def _leave_scraps(self) -> None:
        """A scrap (:meth:`_scrap`) on a page that has another body is no article: its
        text stays on the page among the fragments (a column label, a line of furniture,
        a few lines the tool cut off another story).  Not joined to a neighbour: on the
        synthetic pages such a join costs the neighbour's paragraphs as often as it helps,
        and affinity does not tell a scrap's article (too few bigrams)."""
        scraps = [self._scrap(a) for a in self.arts]
        if not any(not scrap and any(b.kind == Kind.PARAGRAPH for b in a.body)
                   for a, scrap in zip(self.arts, scraps, strict=True)):
            return  # the page's only body text: it may be all there is of an article
        for art, scrap in zip(self.arts, scraps, strict=True):
            if scrap:
                art.scrap = True
                self.rec.change("a scrap of text with no head is left as a fragment",
                                art.body[0].span, art.body[0].text[:20])

    def _resolve_orphans(self) -> None:
        """An article with a title group before and after its body keeps the one that names
        it; the other goes to a body without a title that it names, or stays as a column."""
        displaced: list[tuple[_Group, _Article]] = []
        for art in self.arts:
            titled = [g for g in art.groups if g.titles]
            if len(titled) < 2:
                continue
            grams = art.body_grams(self.memo)
            best = max(titled, key=lambda g: (sum(overlap(t.text, grams) for t in g.titles)
                                              / len(g.titles), g.after))
            for group in titled:
                if group is not best:
                    art.groups.remove(group)
                    displaced.append((group, art))
        position = {id(a): i for i, a in enumerate(self.arts)}
        grams_of: dict[int, set[str]] = {}
        w = self.settings.neighbours
        for group, home in displaced:
            text = "".join(t.text for t in group.titles)
            at = position[id(home)]
            candidates = [self.arts[i] for i in neighbours(at, len(self.arts), w)
                          if not self.arts[i].has_title() and self.arts[i].body]
            scored = [(overlap(text, grams_of.setdefault(id(a), a.body_grams(self.memo))),
                       -position[id(a)], a) for a in candidates]
            scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
            if scored and scored[0][0] >= self.settings.orphan_overlap:
                target = scored[0][2]
                group.after = False
                target.groups.insert(0, group)
                target.flags.add("interleaved")
                self.rec.change("moved titles to the body they name", group.titles[0].span,
                                f"{scored[0][0]:.2f} of their bigrams in that body")
            else:
                home.extras[:0] = [t.with_(kind=Kind.COLUMN) for t in group.titles]
                home.extras.extend(group.extras)
