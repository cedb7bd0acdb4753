"""The walk over the page's blocks that opens, fills and closes articles: title runs,
subheads, jump lines, photo news met inside a body; then the passes after it.
"""

from __future__ import annotations

import regex

from baokan.core.document import Block, Kind
from baokan.core.drawn_twice import doubled_half, same_text, squeezed
from baokan.core.marks import Tag
from baokan.core.spans import covering_span
from baokan.core.text import (
    CLAUSE_MARK,
    DASH_PAIR,
    DASH_START,
    INTRODUCING_MARKS,
    MAX_CUT_TAIL,
    WIDE_DASH_START,
    BigramMemo,
    bigrams,
    ends_mid_clause,
    ends_paragraph,
    has_inner_punct,
    line_cells,
    starts_with_cut_tail,
)
from baokan.heuristics.structure.segment_articles.article import (
    _Article,
    _Group,
    _title_over_a_stray,
    overlap,
)
from baokan.heuristics.structure.segment_articles.body_splits import _BodySplits
from baokan.heuristics.structure.segment_articles.body_subheads import _BodySubheads
from baokan.heuristics.structure.segment_articles.brief_runs import _BriefRuns
from baokan.heuristics.structure.segment_articles.head_runs import _head_evidence, _HeadRuns
from baokan.heuristics.structure.segment_articles.page_state import (
    AFFINITY_CHARS,
    MIN_LONE_GRAMS,
    OWN_BODY_OVERLAP,
    SCORE_EPSILON,
    _cut_to,
    _next_body_parts,
    _next_body_text,
)
from baokan.heuristics.structure.segment_articles.photo_news import (
    _heads_photo_news,
    _named_stories,
    _photo_news_beside,
    _picture_units,
    _pictures_before_stories,
)
from baokan.heuristics.structure.segment_articles.pieces import _Pieces
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.stacked_heads import _StackedHeads
from baokan.heuristics.structure.segment_articles.title_lines import (
    _INNER_DASH,
    breaks_mid_phrase,
    one_measure,
)

#: What a split point loses for leaving titles with no body after them: they can only
#: close what came before, so this is as much as a whole title's overlap.
NO_BODY_AFTER_PENALTY = 1.0

#: What a jump line holds (下转第3版, 转A2版) and a page code (②27) does not: how an
#: editor's mark that says where its story goes on is told from one that ends it.
_JUMP_WAY = "转"

#: One title line inside an open body heads a new article when the body after it changes
#: topic and holds at least this share of the line's bigrams (a headline names its body:
#: on the synthetic pages 0.4 and more for two headlines in three)...
LONE_HEAD_NAMING = 0.4
#: ...and the last this many characters of the body before it hold at most
#: ``OWN_BODY_OVERLAP`` of them (a subhead's words stand in the article before it too;
#: bounded so that a long body is read once per title, not whole each time).
LONE_HEAD_BEFORE_CHARS = 2000

#: A body that holds at least this many subheads is set in sections, and a lone title
#: line in it heads the next section, not a new story, where its words part from the
#: section before (:meth:`_Segmenter._next_section`).  On the dev synthetic and s501
#: dumps the lone lines that named a new topic in a body with two subheads or more were
#: subheads six times in seven (the seventh a head wider than the column); with one
#: subhead, heads or body lines three times in four (one subhead may be a picture's title
#: or a body line read as a title; the synthetic OCR pages lost a head so); with none,
#: heads 18 times in 29.
MIN_SECTION_SUBHEADS = 2

#: A title line that is the same text twice over, each half at least this long, is a
#: line drawn twice (shorter repeats are words: 谢谢, 天天向上).
MIN_DOUBLED_CHARS = 4

#: A title line wider than this many columns (its cells against the page's column) is a
#: head spanning columns: it heads a story of its own, never the byline read before it.
HEAD_COLUMNS = 1.5

#: Two title lines each at most this share of the column are set in headline type: a
#: headline is 1.8 times the body size or more, so even a full line of it holds little
#: more than half a column's characters; a subhead's first line fills the column.
BIG_TYPE_SHARE = 0.7
#: ...and of about one width: the longer at most this many times the shorter.
SAME_WIDTH_RATIO = 1.6

#: The body before and after a title run sharing fewer than this share of their rare
#: bigrams are two articles (the synthetic pages: a new article's first section shares
#: under 0.03 with the article before it four times in five; a subhead's section 0.06+).
TOPIC_CHANGE_SHARE = 0.03
#: A jump line with body text after it closes its article unless the text after shares
#: at least this share of its rare bigrams with the body before: what a subhead's
#: section shares with the body before it (see ``TOPIC_CHANGE_SHARE``), twice the share
#: under which a new story starts, so text in the grey zone between closes the article
#: as the jump line says (0.03 was measured too: held-out body .5883 against .5895).
JUMP_INSIDE_SHARE = 0.06
#: A paragraph with no title before it starts another article when the body before it
#: closed a sentence and the two share fewer than this share of their rare bigrams
#: (stricter than at a title run: consecutive paragraphs of one story share fewer of
#: them than two sections under a subhead; on the synthetic markdown dumps 0.02 keeps
#: nearly half of the cuts right, 0.03 a third)...
UNTITLED_TURN_SHARE = 0.02
#: ...and at least this many characters of body follow before the next title (a short
#: piece cut off is more often a story's last paragraphs than a story).
MIN_TURN_CHARS = 300

#: How a body line starts that carries on a sentence: no title is followed by its own
#: body starting so, so a title run whose next paragraph (past a byline the tool read
#: in between from another column) starts with one of these is the first half of that
#: sentence, cut by the tool (``用好村级服务站`` / ``，将服务延伸到群众家门口。``).  A
#: colon is left out: a title torn at its colon (``审计`` / ``：实行监督的最好武器``).
_CLAUSE_START = regex.compile(r"^[，、；,;。]")


def _nameless_over_body(blocks: list[Block], index: int) -> bool:
    """Whether a byline with no names (``本报记者``, its names set elsewhere) stands over a
    body: it opens no article, but the head over it then heads a story, never a section
    of one.  Over another head it may sign either (its names under that head)."""
    block = blocks[index]
    return block.kind == Kind.BYLINE and bool(block.bylines) \
        and not any(d.names for d in block.bylines) \
        and index + 1 < len(blocks) and blocks[index + 1].kind != Kind.TITLE


def _named_byline(art: _Article) -> bool:
    """Whether an article's body is closed by a byline that names someone (``（张 三）``):
    such a paper prints the next article's byline under that article's head."""
    return any(b.kind == Kind.BYLINE and "closing" in b.tags and any(d.names for d in b.bylines)
               for b in art.extras)


def _parted_under_head(cur: _Article, extras: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks printed under a head that goes to the body before it, ``cur`` (a page
    that prints titles after their bodies), parted into those that go with the head —
    the byline printed under it, unless a named byline of ``cur``'s own closes that body
    — and those that open the body after it: a dateline, as it always does, and what
    follows it."""
    if _named_byline(cur):
        return [], list(extras)
    cut = next((n for n, b in enumerate(extras) if b.kind == Kind.DATELINE), len(extras))
    return list(extras[:cut]), list(extras[cut:])


def _split_point(titles: list[Block], prev: _Article, next_parts: list[str],
                 settings: SegmentSettings, memo: BigramMemo) -> int:
    """How many of ``titles`` (from the front) belong to the closed body before them
    (``next_parts``: the texts of the body after them).  Never between two lines that
    are one phrase broken over two lines (:func:`breaks_mid_phrase`), nor between two
    halves of a headline the measure broke that the body after names (:func:`one_measure`)."""
    prev_parts = prev.body_parts()
    # the body after is read only as far as the body before reaches (``AFFINITY_CHARS``
    # at the least): a longer body holds more of any title's bigrams by chance, and what
    # a head names of its body stands in its opening
    reach = max(sum(map(len, prev_parts)), AFFINITY_CHARS)
    prev_grams = memo.of_joined(prev_parts)
    next_grams = memo.of_joined(_cut_to(next_parts, reach))
    best_j, best_score = 0, float("-inf")
    for j in range(len(titles) + 1):
        if j > 0 and not prev_grams:
            break
        if 0 < j < len(titles) and breaks_mid_phrase(titles[j - 1].text, titles[j].text,
                                                      next_grams):
            continue  # one title line broken over two: not cut between two articles
        if 0 < j < len(titles) and one_measure(titles[j - 1], titles[j], next_grams):
            continue  # one headline the measure broke, named by the body under it
        if 0 < j < len(titles) and titles[j - 1].text.strip().endswith(DASH_PAIR):
            continue  # a kicker that ends ``——`` leads into the line under it (conventions)
        score = sum(overlap(t.text, prev_grams) for t in titles[:j])
        score += sum(overlap(t.text, next_grams) for t in titles[j:])
        if j > 0 and prev.has_title():
            score -= settings.title_margin
        if j < len(titles) and not next_grams:
            score -= NO_BODY_AFTER_PENALTY  # nothing after: they can only close what came before
        if score > best_score + SCORE_EPSILON:
            best_j, best_score = j, score
    return best_j


def _heads_drawn_twice(titles: list[Block]) -> list[list[Block]]:
    """A title run cut into the heads it holds by the lines drawn twice (fake bold, the
    headline's type): two stretches of them with a line drawn once between are two
    headlines (``老街坊的新茶馆`` ×2 / ``城东社区：…——`` / ``河边步道连成了环`` ×2).
    A head ends after its headline and the subtitles led by a dash under it; the lines
    drawn once over the next headline are that head's kicker or column."""
    twice = [Tag.DRAWN_TWICE in b.tags for b in titles]
    heads: list[list[Block]] = []
    start = n = 0
    while n < len(titles):
        if not twice[n]:
            n += 1
            continue
        while n < len(titles) and twice[n]:  # the headline
            n += 1
        while n < len(titles) and not twice[n] and DASH_START.match(titles[n].text):
            n += 1  # its subtitles
        if any(twice[n:]):
            heads.append(titles[start:n])
            start = n
    heads.append(titles[start:])
    return heads


def _dash_led(titles: list[Block]) -> bool:
    """Whether every line of a title run is led by a dash (``——香港将建特区政府总部``):
    a subtitle or a quote's source, which never heads an article on its own (a headline
    does not open on a dash)."""
    return all(WIDE_DASH_START.match(t.text.strip()) for t in titles)


#: A head given to the untitled body under it (:func:`_heads_from_above`) holds at least
#: this many bigrams: three characters, more than a glyph or two of a vertical head.
MIN_HEAD_FROM_ABOVE_GRAMS = 2


def _heads_from_above(titles: list[Block], cur: _Article) -> bool:
    """Whether a run of title lines read after the body of an open article with no head
    stands above that body on the page: its last line comes before the body's first in
    the dump (a layout dump whose columns were read one after another keeps each line's
    place: a head spanning two columns is read with the second, after the first column's
    text under it).  A subhead is printed inside its body, below where the body begins;
    a line above it is the head of that body."""
    if cur.has_title() or cur.moved_titles or cur.closed:
        return False
    text = "".join(t.text for t in titles)
    if len(bigrams(text)) < MIN_HEAD_FROM_ABOVE_GRAMS or CLAUSE_MARK.search(text):
        # a glyph of a vertical head set apart (``起``), or a line of body text cut out
        # of its paragraph (``心，战胜一切艰难险阻的…``): no head to give the body
        return False
    # the body's first paragraph as read (a paragraph joined across the columns later
    # may span lines from higher up)
    first = next((b for b in cur.body if b.kind == Kind.PARAGRAPH), None)
    return first is not None and titles[-1].end < first.start


def _subhead_lines(titles: list[Block]) -> list[Block]:
    """The subheads a run of title lines inside a body makes: two lines where the first
    stops without punctuation are one subhead wrapped at the column width."""
    if len(titles) == 2 and not has_inner_punct(titles[0].text[-1:]):
        start, end = covering_span(titles)
        return [titles[0].with_(text=titles[0].text + titles[1].text, start=start, end=end)]
    return list(titles)


class _Segmenter(_HeadRuns, _BodySplits, _StackedHeads, _Pieces, _BriefRuns, _BodySubheads):
    """The walk over the page's blocks (:meth:`run`), then the passes after it."""

    def run(self) -> list[_Article]:
        blocks = self.blocks
        if not self.markdown:
            self.after_page = self._titles_follow_bodies()
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.kind == Kind.TITLE:
                self.side = None
                i = self._title_run(i)
                continue
            self._other(block, i)
            i += 1
        self._pictures_to_first_story()
        self._split_by_after_titles()
        self._resolve_orphans()
        self._move_stray_title_lines()
        self._match_stacked_heads()
        self._cut_stacked_heads()
        self._place_leads()
        self._join_pieces_after_bylines()
        self._join_title_pieces_to_hosts()
        self._join_brief_runs()
        if self.settings.alternating_bodies:
            self._part_alternating_bodies()
        if self.settings.headless_homes:
            self._send_headless_home()
            self._send_bylined_pieces_home()
        if self.parted:
            self._unpart_homeless()
        self._hand_on_headless_bylines()
        self._leave_scraps()
        self._body_lines_taken_for_subheads()
        return self.arts

    def _title_run(self, i: int) -> int:
        blocks = self.blocks
        j = i
        while j < len(blocks) and blocks[j].kind == Kind.TITLE:
            j += 1
        titles = self._printed_once(blocks[i:j])
        k = j
        while k < len(blocks) and (blocks[k].opens_article or blocks[k].kind in (Kind.CAPTION,
                                                                                 Kind.CREDIT)
                                   or _nameless_over_body(blocks, k)):
            k += 1
        extras = blocks[j:k]
        opening = any(b.opens_article for b in extras) or any(
            _nameless_over_body(blocks, n) for n in range(j, k))
        if not self.markdown:
            heads = _heads_drawn_twice(titles)
            for head in heads[:-1]:
                # a head of its own: the body after the run is the last head's
                self.new(_Group(list(head), []))
            titles = heads[-1]
        if not self.markdown and self._cut_sentence(titles, k):
            return self._join_cut_sentence(titles, extras, k)
        if self.markdown:
            self._markdown_titles(titles, extras, opening, k)
        else:
            self._plain_titles(titles, extras, opening, k, i)
        return k

    def _printed_once(self, titles: list[Block]) -> list[Block]:
        """A title run with each line once: a headline drawn twice (fake bold, offset by a
        hair) comes out of some tools as the same line twice in a row, or as one line
        holding its text twice; the second copy is dropped as a duplicate."""
        kept: list[Block] = []
        for block in titles:
            half = doubled_half(block.text, MIN_DOUBLED_CHARS)
            if half:
                key = squeezed(block.text)
                self.rec.dropped(key[half:], "duplicate", block.span, "a title line printed twice")
                block = block.with_(text=key[:half])
            if kept and same_text(kept[-1].text, block.text):
                self.rec.dropped(block.text, "duplicate", block.span,
                                 f"a copy of the title line {kept[-1].start}")
                continue
            kept.append(block)
        return kept

    def _subhead(self, block: Block, art: _Article) -> None:
        art.body.append(block.with_(kind=Kind.SUBHEAD))
        art.subheads += 1
        self.rec.change("subhead", block.span, block.text[:20])

    def _markdown_titles(self, titles: list[Block], extras: list[Block], opening: bool,
                         next_index: int) -> None:
        cur = self.cur
        level = titles[0].level
        if self._subhead_run(titles, opening):
            assert cur is not None
            for title in titles:
                self._subhead(title, cur)
            cur.extras.extend(extras)
            return
        if cur is not None and self._head_after_byline(cur, titles, extras):
            return
        if opening or len(titles) > 1 or level is None:
            self.new(_Group(list(titles), list(extras)))
            return
        if cur is not None and not cur.closed \
                and _heads_photo_news(cur, titles, extras, self._block_at(next_index)):
            self._open_photo_news(titles, extras)
            return
        if level in self.headline_levels and not _INNER_DASH.match(titles[0].text):
            # (a kicker and its headline on one line, ``…感慨—— 有了医保…``: a head, never a
            # subhead)
            earlier = [a for a in self.arts if a.level is not None and a.level < level]
            if earlier and cur is not None and cur is not earlier[-1]:
                target = earlier[-1]
                self._subhead(titles[0], target)
                target.flags.add("interleaved")
                target.extras.extend(extras)
                self.subhead_levels.add(level)
                self.cur = target
                self.rec.change("re-united subhead with its article", titles[0].span,
                                f"article headed at lines {self._first_line(target)}")
                return
        if cur is not None and not cur.closed and cur.level is not None and level > cur.level \
                and (not self.subhead_levels or level in self.subhead_levels):
            self.subhead_levels.add(level)
            self._subhead(titles[0], cur)
            cur.extras.extend(extras)
            return
        self.new(_Group(list(titles), list(extras)))

    def _subhead_run(self, titles: list[Block], opening: bool) -> bool:
        """Two or more headings in a row, all at a level this page already uses for the
        subheads of the open article (deeper than its headline), with no byline after
        them: the tool printed a subhead whose section it read elsewhere next to the
        next subhead — they are subheads, not a new headline and subtitle."""
        cur = self.cur
        if opening or len(titles) < 2 or cur is None or cur.closed or cur.level is None:
            return False
        levels = {t.level for t in titles}
        if len(levels) != 1:
            return False
        (level,) = levels
        return level is not None and level > cur.level and level in self.subhead_levels

    @staticmethod
    def _first_line(art: _Article) -> int:
        starts = [b.start for g in art.groups for b in g.titles] + [b.start for b in art.body]
        return min(starts) if starts else 0

    def _cut_sentence(self, titles: list[Block], next_index: int) -> bool:
        """Whether a run of title lines is body text cut off from the sentence it begins:
        the open body goes on with a paragraph that starts with a clause mark."""
        cur = self.cur
        if cur is None or cur.closed or not cur.body or next_index >= len(self.blocks):
            return False
        after = self.blocks[next_index]
        return after.kind == Kind.PARAGRAPH and _CLAUSE_START.match(after.text.strip()) \
            is not None and not any(t.level is not None for t in titles)

    def _join_cut_sentence(self, titles: list[Block], extras: list[Block], index: int) -> int:
        """Give the open body a run of title lines that begins the sentence the paragraph
        at ``index`` goes on with: one paragraph, glued to the body's last paragraph where
        that stops mid-clause.  A byline between them stands inside the open body and
        opens no article (as :meth:`_mid_clause` decides).  Returns the next index."""
        cur = self.cur
        assert cur is not None
        rest = self.blocks[index]
        parts = [*titles, rest]
        last = cur.body[-1] if cur.body else None
        if last is not None and last.kind == Kind.PARAGRAPH and ends_mid_clause(last.text):
            cur.body.pop()
            parts.insert(0, last)
        start, end = covering_span(parts)
        text = "".join(b.text.strip() for b in parts)
        cur.body.append(parts[0].with_(text=text, start=start, end=end, kind=Kind.PARAGRAPH))
        cur.extras.extend(extras)
        self.rec.change("title-like line begins a sentence the body goes on with",
                        titles[0].span, titles[0].text[:20])
        return index + 1

    def _plain_titles(self, titles: list[Block], extras: list[Block], opening: bool,
                      next_index: int, start: int) -> None:
        cur = self.cur
        if cur is None:
            self.new(_Group(list(titles), list(extras)))
            return
        if self._head_after_byline(cur, titles, extras):
            return
        if self.after_page and start in self.after_runs and cur.body \
                and not (cur.closed and cur.has_title()):
            # on a page that prints titles after their bodies: this head closes the body
            # before it, with the byline printed under it unless a named byline of its
            # own closes that body;
            # a dateline opens the body after it, as it always does, with what follows it
            # (a body closed by its byline under a title of its own: split by affinity)
            held, rest = _parted_under_head(cur, extras)
            cur.groups.append(_Group(list(titles), held, after=True))
            cur.closed = True
            self.rec.change("title after its body", titles[0].span,
                            "its rare bigrams named the body before it more than the one after")
            if rest:
                self.new(_Group([], rest))
            return
        if cur.closed:
            split = _split_point(list(titles), cur, _next_body_parts(self.blocks, next_index),
                                 self.settings, self.memo)
            under: list[Block] = []
            if split:
                if split == len(titles) and self.after_page and start in self.after_runs:
                    # the whole head goes to the body before, on a page that prints
                    # titles after their bodies: the byline printed under it goes too
                    # (as above); a dateline still opens the body after it
                    under, extras = _parted_under_head(cur, extras)
                cur.groups.append(_Group(list(titles[:split]), under, after=True))
                self.rec.change("title after its body", titles[0].span,
                                f"{split} title line(s) given to the body before")
            rest = list(titles[split:])
            if rest or extras:
                self.new(_Group(rest, list(extras)))
            return
        if self.settings.dash_lines_follow and _dash_led(titles) \
                and not self._dash_opens(cur, next_index):
            self._dash_run(titles, extras, cur)
            return
        if not cur.closed and _heads_photo_news(cur, titles, extras, self._block_at(next_index)):
            self._open_photo_news(titles, extras)
            return
        if opening and self._read_through(cur, titles, extras, next_index):
            # a head the tool read in the middle of a sentence of the open body (OCR of a
            # column a head interrupts): the sentence goes on after it, so it opens nothing
            for title in _subhead_lines(titles):
                self._subhead(title, cur)
            cur.extras.extend(extras)
            self.rec.change("head read inside a sentence", titles[0].span, titles[0].text[:20])
            return
        if not opening and "vertical" not in titles[0].tags and self._announces(cur) \
                and not _head_evidence(titles):
            # the body's last paragraph announces the text under it (``…惊喜地问道：``):
            # a head set there stands inside the story (a subhead, or a head the tool
            # drew in the middle of its body), it opens none
            for title in _subhead_lines(titles):
                self._subhead(title, cur)
            cur.extras.extend(extras)
            return
        if opening or "vertical" in titles[0].tags or _head_evidence(titles) \
                or (len(titles) == 2 and (self._big_type(titles)
                                          or self._topic_changes(cur, next_index))) \
                or (len(titles) == 1 and self._names_new_topic(titles[0], cur, next_index)):
            # a vertical line of text is a headline: papers do not set subheads that way
            self.new(_Group(list(titles), list(extras)))
            return
        if _heads_from_above(titles, cur):
            # 我报考公务员 over 去年4月28日…: the tool read the column under the head before
            # the head, which spans it and the next column; the head is this body's own
            cur.groups.append(_Group(list(titles), list(extras)))
            self.rec.change("title printed above the untitled body before it",
                            titles[0].span, titles[0].text[:20])
            return
        if len(titles) == 1 and self._closes_topic(titles[0], cur, next_index):
            cur.groups.append(_Group(list(titles), list(extras), after=True))
            cur.closed = True
            self.rec.change("title after its body", titles[0].span,
                            "a lone line where the topic changes names the body before it")
            return
        for title in _subhead_lines(titles):
            self._subhead(title, cur)
        cur.extras.extend(extras)

    def _signed_only(self, cur: _Article, titles: list[Block], extras: list[Block]) -> bool:
        """Whether a run of title lines follows the byline of an open article that has
        nothing else yet (no head, no body): the byline, read before the head it stands
        under, opened it.  Not a run with a byline of its own after it,
        nor a glyph or two (a credit's ``摄`` set on a line of its own), nor one after a
        dateline (``本报讯`` / ``记者 X 报道：`` / a body line the tool set apart: the
        body's text starts at a dateline)."""
        return not cur.closed and not cur.body and not cur.has_title() \
            and not cur.moved_titles and bool(cur.extras) \
            and cur.extras[-1].kind == Kind.BYLINE \
            and not any(b.kind == Kind.DATELINE for b in cur.extras) \
            and not any(b.kind == Kind.BYLINE for b in extras) \
            and len(bigrams("".join(t.text for t in titles))) >= MIN_HEAD_FROM_ABOVE_GRAMS

    def _spans_columns(self, titles: list[Block], *, per_row: bool = False) -> bool:
        """Whether a run of title lines holds a line wider than ``HEAD_COLUMNS`` columns:
        a head spanning columns, which heads a story of its own.  ``per_row``: a line
        joined from several source lines is measured against that many columns' width (a
        subhead wraps at its column, so its joined line is as many columns wide as it has
        rows).  Never with no column measured (``self.column`` 0)."""
        return self.column > 0 and any(
            line_cells(t.text) > HEAD_COLUMNS * self.column * (t.end - t.start + 1 if per_row else 1)
            for t in titles)

    def _head_after_byline(self, cur: _Article, titles: list[Block],
                           extras: list[Block]) -> bool:
        """Place a run of title lines after the byline of an article with nothing else
        (:meth:`_signed_only`): it heads that article (``本报记者 张三`` / ``城东老街换新颜``
        / the body: the tool read the byline over the head it stands under), or, spanning
        columns (:meth:`_spans_columns`), opens an article of its own.  Returns whether
        it placed the run."""
        if not self._signed_only(cur, titles, extras):
            return False
        if self._spans_columns(titles):
            self.new(_Group(list(titles), list(extras)))
            return True
        cur.groups.append(_Group(list(titles), list(extras)))
        self.rec.change("title after the byline of a headless, bodiless article heads it",
                        titles[0].span, titles[0].text[:20])
        return True

    def _dash_opens(self, cur: _Article, next_index: int) -> bool:
        """Whether a dash-led run inside an open body still opens an article: the body
        after it is about something else (:meth:`_topic_changes`): the subtitle of a
        story whose headline the tool printed elsewhere (``……问题仍很突出。`` /
        ``——乔石等观看世界华人书画展`` / another story).  Never where the body's sentence
        goes on after it (``…的作用日益`` / ``——2017年中国经济亮点回眸`` / ``胡鞍钢`` /
        ``凸显。…``: its last paragraph stops mid-clause and the text after it opens on
        a sentence's cut tail), nor under a head with no body yet; where the open article
        has neither head nor body, it heads one as before."""
        if not cur.body:
            return not cur.has_title()
        last = next((b for b in reversed(cur.body) if b.kind == Kind.PARAGRAPH), None)
        if last is not None and ends_mid_clause(last.text) and starts_with_cut_tail(
                _next_body_text(self.blocks, next_index, MAX_CUT_TAIL + 1)):
            return False
        return self._topic_changes(cur, next_index)

    def _dash_run(self, titles: list[Block], extras: list[Block], cur: _Article) -> None:
        """Place a run of title lines each led by a dash (:func:`_dash_led`) inside an
        open article: under a head with no body yet it is that head's subtitle
        (``繁花似锦满目春`` / ``——记烟台高新技术开发区``); inside a body it stays there, a
        subtitle the tool read out of place or a quote's source (``——毛泽东``), and
        the byline under it signs the open article."""
        if not cur.body and cur.has_title():
            head = next(g for g in reversed(cur.groups) if g.titles)
            head.titles.extend(titles)
            head.extras.extend(extras)
            self.rec.change("a dash-led line under a head is its subtitle", titles[0].span,
                            titles[0].text[:20])
            return
        for title in titles:
            self._subhead(title, cur)
        cur.extras.extend(extras)
        self.rec.change("a dash-led line heads no article", titles[0].span,
                        titles[0].text[:20])

    def _untitled_turn(self, cur: _Article, index: int) -> bool:
        """Whether the paragraph at ``index``, with no title before it, starts another
        article than the open one: a converter that prints a page's titles apart from
        their bodies (pymupdf4llm stacks the headings of a band over it) runs the bodies
        of neighbouring stories together.  Cue: the open body's last paragraph closes a
        sentence, and the text from here on (``MIN_TURN_CHARS`` or more before the next
        title) shares almost none of the page's rare bigrams with the body before it
        (``UNTITLED_TURN_SHARE``, stricter than at a title run).  Never at a paragraph
        cut off its block flush (``starts:flush``): one column's text block goes on with
        its story there."""
        if not self.settings.untitled_turns or Tag.STARTS_FLUSH in self.blocks[index].tags:
            return False
        last = next((b for b in reversed(cur.body) if b.kind == Kind.PARAGRAPH), None)
        if last is None or not ends_paragraph(last.text):
            return False
        after = _next_body_parts(self.blocks, index, max(AFFINITY_CHARS, MIN_TURN_CHARS))
        if sum(map(len, after)) < MIN_TURN_CHARS:
            return False
        # asked at every paragraph of a markdown dump: the paragraphs' bigrams come from the
        # page's memo, and only the one paragraph a window cuts is read again
        shared = self._rare_share_of(cur.tail_parts(AFFINITY_CHARS),
                                     _cut_to(after, AFFINITY_CHARS))
        if shared is None or shared >= UNTITLED_TURN_SHARE:
            return False
        self.rec.change("a body with no title turns into another story",
                        self.blocks[index].span,
                        f"{shared:.3f} of their rare bigrams shared after a closed sentence")
        return True

    def _turn_under_subheads(self, cur: _Article) -> _Article:
        """The article a body turns into (:meth:`_untitled_turn`), headed by the headings
        the open body ends on: a subhead heads the paragraphs after it, so one printed
        right where the words part heads the new story, not a section of the old one
        (``## 太康：强化“五举措”…`` read as a subhead of the story before, whose words
        the paragraphs under it do not share)."""
        cut = len(cur.body)
        while cut > 0 and cur.body[cut - 1].kind == Kind.SUBHEAD:
            cut -= 1
        heads = [b.with_(kind=Kind.TITLE) for b in cur.body[cut:]]
        if not heads:
            return self.new()
        del cur.body[cut:]
        cur.subheads -= len(heads)
        self.rec.change("subhead where the body turns heads the new story", heads[0].span,
                        heads[0].text[:20])
        return self.new(_Group(heads))

    def _big_type(self, titles: list[Block]) -> bool:
        """Two title lines both far shorter than the column and of about one width: a
        headline set in type larger than the body's and broken over two lines (a subhead
        wraps at the column, its first line full)."""
        if self.column <= 0:
            return False
        widths = [line_cells(t.text) for t in titles]
        return max(widths) <= BIG_TYPE_SHARE * self.column \
            and max(widths) <= SAME_WIDTH_RATIO * max(min(widths), 1)

    def _topic_changes(self, cur: _Article, next_index: int) -> bool:
        """Whether the body after a title run is about something else than the body before
        it: of the bigrams rare on the page, the two share almost none (a subhead's section
        goes on with its article's words; a new article brings its own)."""
        after = _next_body_text(self.blocks, next_index, AFFINITY_CHARS)
        shared = self._rare_share(cur.body_tail(AFFINITY_CHARS), after[:AFFINITY_CHARS])
        return shared is not None and shared < TOPIC_CHANGE_SHARE

    def _lone_line_naming(self, title: Block, cur: _Article,
                          next_index: int) -> tuple[int, int, int] | None:
        """For one title line inside an open body where the body after it changes the
        topic (:meth:`_topic_changes`): how many of the line's bigrams stand in the body
        before it (its last ``LONE_HEAD_BEFORE_CHARS``), how many in the body after it,
        and how many it has; None where the line is too short to tell
        (``MIN_LONE_GRAMS``) or the topic goes on (a subhead's section goes on with its
        article's words)."""
        grams = bigrams(title.text)
        if len(grams) < MIN_LONE_GRAMS or not self._topic_changes(cur, next_index):
            return None
        after = self.memo.of_joined(_next_body_parts(self.blocks, next_index))
        before = bigrams(cur.body_tail(LONE_HEAD_BEFORE_CHARS))
        return len(grams & before), len(grams & after), len(grams)

    def _names_new_topic(self, title: Block, cur: _Article, next_index: int) -> bool:
        """Whether one title line inside an open body heads a new article where the topic
        changes (:meth:`_lone_line_naming`): the line names the body after it — at least
        ``LONE_HEAD_NAMING`` of its bigrams stand in it — and not the body before it (a
        subhead names its section, but its section goes on with the article's words).
        Never in a body set in sections (:meth:`_next_section`): there the line is the
        next section's subhead, whose words a section may not share with the one before."""
        if self._next_section(title, cur):
            return False
        naming = self._lone_line_naming(title, cur, next_index)
        if naming is None:
            return False
        before, after, count = naming
        return after >= LONE_HEAD_NAMING * count and before <= OWN_BODY_OVERLAP * count

    def _next_section(self, title: Block, cur: _Article) -> bool:
        """Whether one title line inside an open body that already holds
        ``MIN_SECTION_SUBHEADS`` subheads heads the body's next section: a story set in
        sections under subheads goes on with another (``…家庭共享”新时代`` /
        ``…“有序调价”惠民生`` / ``业务办理流程：…``, each section on a topic of its own), so
        a lone line there is a subhead however little its section shares with the one
        before.  Not a line wider than ``HEAD_COLUMNS`` columns a source line (a subhead
        wraps at its column; a head spanning columns heads a story of its own).

        With no column measured (``self.column`` 0) no line spans columns, so every lone
        line in such a body is its next subhead: two subheads, or two lines misread as
        subheads, keep any head after them in the body.  A line wider than the widest
        subhead before it is no head either: of the six lone lines this keeps on the dev
        synthetic, s501 and s701 dumps (all subheads in the gold, none with no column),
        five are wider than the subheads before them (``业务办理流程：“一件事一次办”更便捷``,
        16.5 cells over two rows, under ones of 14.5), and sending them on as heads lowered
        s501's article mean (0.7815 to 0.7791, 4 pages down)."""
        if cur.subheads < MIN_SECTION_SUBHEADS:
            return False
        return not self._spans_columns([title], per_row=True)

    def _closes_topic(self, title: Block, cur: _Article, next_index: int) -> bool:
        """Whether one title line inside an open body is that body's head, printed after it,
        on a page that prints titles after their bodies (``after_page``): where the topic
        changes (:meth:`_lone_line_naming`) the line shares more bigrams with the body
        before it than with the one after (:meth:`_names_new_topic` mirrored: a head that
        stands where the words part heads the body the page's order gives it).  A head
        printed after its body with no byline under it is a lone line the head runs do
        not count."""
        if not self.after_page or not cur.body or cur.has_title():
            return False
        naming = self._lone_line_naming(title, cur, next_index)
        return naming is not None and naming[0] > naming[1]

    def _read_through(self, cur: _Article, titles: list[Block], extras: list[Block],
                      next_index: int) -> bool:
        """Whether a head with an author's name under it stands inside a sentence of the
        open body: the body's last paragraph stops mid-clause (``…的作用日益`` /
        ``关于…的思考`` / ``钱文博`` / ``明显。…``), so the sentence goes on after the head.
        Only a signed name (role 作者, no organisation, no role word printed) is read so:
        a byline with a role word or a dateline opens its article wherever it stands."""
        if cur.closed or "vertical" in titles[0].tags or _head_evidence(titles):
            return False
        openers = [b for b in extras if b.opens_article]
        return bool(openers) and all(
            b.kind == Kind.BYLINE and len(b.bylines) == 1 and b.bylines[0].role == "作者"
            and b.bylines[0].organization is None and b.text in b.bylines[0].names
            for b in openers) and self._mid_clause(cur, openers[0]) \
            and starts_with_cut_tail(_next_body_text(self.blocks, next_index, MAX_CUT_TAIL + 1))

    @staticmethod
    def _announces(cur: _Article) -> bool:
        """Whether the open body's last paragraph ends on a colon after lines of the
        column (``prose``: join-lines closed it at its short last line): it announces
        the text under it, a quotation or a list of the same story."""
        if cur.closed:
            return False
        last = cur.body[-1] if cur.body else None
        return last is not None and last.kind == Kind.PARAGRAPH and Tag.PROSE in last.tags \
            and last.text.rstrip()[-1:] in INTRODUCING_MARKS

    @staticmethod
    def _mid_clause(cur: _Article, block: Block) -> bool:
        """Whether a byline stands inside a sentence of the open body: its last paragraph
        stops mid-clause (``…城市环境发生了很大`` / ``李丽娟`` / ``变化。…``), so the
        sentence goes on after the byline and no article starts there.  A dateline always
        opens one."""
        if block.kind == Kind.DATELINE:
            return False
        last = next((b for b in reversed(cur.body) if b.kind == Kind.PARAGRAPH), None)
        return last is not None and ends_mid_clause(last.text)

    def _inside_sentence(self, cur: _Article, block: Block, index: int) -> bool:
        """Whether a byline at ``index`` stands inside a sentence of the open body: its last
        paragraph stops mid-clause (:meth:`_mid_clause`), or the paragraph right after the
        byline opens on a clause mark (``…服务站（点）`` / ``本报记者 X`` / ``，将参保服务…``):
        no sentence starts so, the tool set the byline down inside one."""
        if self._mid_clause(cur, block):
            return True
        after = self._block_at(index + 1)
        return block.kind != Kind.DATELINE and after is not None \
            and after.kind == Kind.PARAGRAPH and _CLAUSE_START.match(after.text.strip()) is not None

    def _lift_title(self, stray: _Article) -> _Article:
        """A new article, opened by a dateline or byline, that takes the titles of
        ``stray`` (see :func:`_title_over_a_stray`).  The stray paragraph goes on the
        body before it where that body stops mid-clause (the rest of its sentence);
        else it is the caption of the title's article, once that article has a body
        (:meth:`_place_leads`).  In a markdown dump the paragraph is left as it was (an
        article of its own): a converter stacks a band's headings over it, so the
        paragraph under a heading is as likely the body of a stacked heading."""
        art = self.new()
        art.groups, stray.groups = stray.groups, []
        art.level, stray.level = stray.level, None
        before = self.arts[-3] if len(self.arts) >= 3 else None
        last = next((b for b in reversed(before.body) if b.kind == Kind.PARAGRAPH), None) \
            if before is not None else None
        if before is not None and last is not None and ends_mid_clause(last.text):
            before.absorb(stray)
            del self.arts[-2]  # the stray article, now empty
        elif not self.markdown:
            # a markdown converter stacks a band's headings over it: there the paragraph
            # under a heading is as likely the body of a stacked heading as a caption
            self.leads.append((stray, art))
        self.rec.change("title over a stray paragraph goes to the article a dateline opens",
                        stray.body[0].span, stray.body[0].text[:20])
        return art

    def _place_leads(self) -> None:
        """A stray paragraph left between a title and the dateline that took it
        (:meth:`_lift_title`) is the caption of the title's article (``图为…`` set down
        between a head and its body): alone, with no head, no byline and one paragraph,
        it is no article.  Decided once the page is read, so that a title the other
        passes give back to the paragraph (it names it) keeps it; left alone when the
        title's article has no body (then the paragraph may be its only text)."""
        gone: set[int] = set()
        for stray, art in self.leads:
            if stray.groups or stray.moved_titles \
                    or not any(b.kind == Kind.PARAGRAPH for b in art.body):
                continue
            art.extras.extend(b.with_(kind=Kind.CAPTION) if b.kind == Kind.PARAGRAPH else b
                              for b in stray.body)
            art.extras.extend(stray.extras)
            art.flags |= stray.flags
            gone.add(id(stray))
            self.rec.change("a stray paragraph under a title is the caption of its article",
                            stray.body[0].span, stray.body[0].text[:20])
        if gone:
            self.arts[:] = [a for a in self.arts if id(a) not in gone]

    def _other(self, block: Block, index: int) -> None:
        if block.kind not in (Kind.CREDIT, Kind.CAPTION):
            self.side = None
        cur = self.cur
        kind = block.kind
        if kind in (Kind.PARAGRAPH, Kind.TEXT):
            if cur is None or cur.closed:
                cur = self.new()
            elif self._untitled_turn(cur, index):
                cur = self._turn_under_subheads(cur)
            cur.body.append(block.with_(kind=Kind.PARAGRAPH))
        elif block.closes_article:
            if cur is None:
                cur = self.new()
            cur.extras.append(block)
            cur.closed = not self._jump_inside_story(cur, block, index)
        elif block.opens_article:
            if cur is not None and not cur.closed and _title_over_a_stray(cur) \
                    and not self._inside_sentence(cur, block, index):
                cur = self._lift_title(cur)
            elif cur is None or cur.closed or (any(b.kind == Kind.PARAGRAPH for b in cur.body)
                                               and not self._inside_sentence(cur, block, index)):
                cur = self.new()
            cur.extras.append(block)
        elif kind == Kind.CAPTION:
            if cur is None or cur.closed:
                cur = self.new()
                cur.flags.add("photo")
            elif _photo_news_beside(cur, block, self.blocks, index):
                self._photo_beside(cur, block)
                return
            cur.extras.append(block)
        else:  # credits, third-party kinds
            side, self.side = self.side, None
            if side is not None and kind == Kind.CREDIT:
                side.extras.append(block)
                return
            if cur is None:
                cur = self.new()
            cur.extras.append(block)

    def _jump_inside_story(self, cur: _Article, block: Block, index: int) -> bool:
        """Whether ``block``, a jump line that page-furniture kept as its article's mark
        (``（下转第3版）``), stands where the dump set it down inside its story's text
        rather than at its end: body text follows it with no title, byline or dateline
        between, and that text names what the body before it names (``JUMP_INSIDE_SHARE``
        of their rare bigrams): a tool that reads the page's columns out of order prints
        the rest of the story after the jump line of its last column, so the line closes
        nothing there.  Text of another topic after it (another story, whose head the
        dump prints elsewhere) is where the story ends, as the jump line says."""
        after = self._block_at(index + 1)
        if block.kind != Kind.EDITOR_MARK or _JUMP_WAY not in block.text or after is None \
                or after.kind not in (Kind.PARAGRAPH, Kind.TEXT):
            return False
        shared = self._rare_share_of(cur.tail_parts(AFFINITY_CHARS), _cut_to(
            _next_body_parts(self.blocks, index + 1, AFFINITY_CHARS), AFFINITY_CHARS))
        return shared is not None and shared >= JUMP_INSIDE_SHARE

    def _open_photo_news(self, titles: list[Block], extras: list[Block]) -> None:
        """Open a photo news headed by ``titles`` over its caption (see
        :func:`_heads_photo_news`)."""
        self.new(_Group(list(titles), list(extras)))
        self.rec.change("a title over a credited caption heads a photo news",
                        titles[0].span, titles[0].text[:20])

    def _pictures_to_first_story(self) -> None:
        """Give a run of credited captions printed ahead of every story (see
        :func:`_pictures_before_stories`) to the stories they name, each caption with its
        credit to the story its caption names (:func:`_named_stories`), the rest to the
        page's first story: their blocks go before the story's own, and the caption-only
        pieces they stood in are no articles."""
        lead = _pictures_before_stories(self.arts)
        if not lead:
            return
        pictures = [b for a in self.arts[:lead] for b in (*a.body, *a.all_extras())]
        stories = self.arts[lead:]
        units = _picture_units(pictures)
        given: dict[int, list[Block]] = {}
        for unit, named in zip(units, _named_stories(units, stories, self.memo)):
            caption = next((b for b in unit if b.kind == Kind.CAPTION), None)
            if named is not None and caption is not None:
                self.rec.change("a credited caption ahead of every story goes with the "
                                "story it names", caption.span, caption.text[:20])
            elif caption is not None:
                self.rec.change("credited captions ahead of every story go with the "
                                "first story", caption.span, caption.text[:20])
            given.setdefault(0 if named is None else named, []).extend(unit)
        for k, blocks in given.items():
            stories[k].extras[:0] = blocks
        del self.arts[:lead]

    def _photo_beside(self, cur: _Article, caption: Block) -> None:
        """Open a photo news for ``caption`` beside the open article ``cur``, which stays
        open: the body text after the photo is more of ``cur``."""
        side = _Article(extras=[caption], flags={"photo"})
        self.arts.append(side)
        self.side = side
        self.rec.change("a credited caption after a closed sentence is a photo news of its own",
                        caption.span, caption.text[:20])
