"""The walk over the page's blocks that opens, fills and closes articles: title runs,
subheads, jump lines, photo news met inside a body; then the passes after it.
"""

from __future__ import annotations

import itertools
from collections import Counter

import regex

from baokan.core.document import Block, Kind, Recorder
from baokan.core.drawn_twice import doubled_half, same_text, squeezed
from baokan.core.marks import Tag
from baokan.core.spans import covering_span, neighbours
from baokan.core.text import (
    MAX_CUT_TAIL,
    BigramMemo,
    bigrams,
    content_length,
    ends_mid_clause,
    ends_paragraph,
    has_inner_punct,
    line_cells,
    starts_with_cut_tail,
)
from baokan.heuristics.structure.segment_articles.article import (
    _Article,
    _Group,
    _joined_grams,
    _title_over_a_stray,
    overlap,
)
from baokan.heuristics.structure.segment_articles.photo_news import (
    _heads_photo_news,
    _photo_news_beside,
)
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_lines import (
    _COLUMN_MARK,
    _DASH_START,
    _KICKER_END,
    _SUBTITLE_DASH,
    breaks_mid_phrase,
)

#: Ties between two split points of a title run go to the earlier one (floating sums).
SCORE_EPSILON = 1e-9
#: What a split point loses for leaving titles with no body after them: they can only
#: close what came before, so this is as much as a whole title's overlap.
NO_BODY_AFTER_PENALTY = 1.0

#: What a jump line holds (下转第3版, 转A2版) and a page code (②27) does not: how an
#: editor's mark that says where its story goes on is told from one that ends it.
_JUMP_WAY = "转"
#: A bigram held by more than this share of the page's paragraphs says nothing about what
#: one paragraph is about (page-wide words: the town, the campaign).
COMMON_GRAM_SHARE = 0.2
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
#: A title printed after its body needs this many rare bigrams to split a body by.
MIN_SPLIT_GRAMS = 4
#: A paragraph names a title when it holds this many of the title's rare bigrams.
NAMING_GRAMS = 2
#: The head of a body split off by an after-title may name it in at most this share of its
#: paragraphs (a passing mention).
HEAD_NAMING_SHARE = 0.1
#: A title group left with no body after the title moves goes to the body without a title
#: that it names best, and that no other such group names better, when that body holds at
#: least this share of its bigrams (a head names its body in a word or two: 0.1 is one
#: word of a ten-character head).
LAST_HEAD_NAMING = 0.1
#: A title line sharing more than this share of its bigrams with its own body stays there.
OWN_BODY_OVERLAP = 0.1
#: A title line that names its own body in no word (``OWN_BODY_OVERLAP``) goes to a body
#: with no title at all that holds at least this share of its bigrams (a headline names
#: its body in a word or two of its four or five: the synthetic pages' headlines set over
#: the wrong body hold 0.25 to 0.5 of their bigrams in their own), where a titled body
#: needs ``stray_title_overlap``: a body left without a head is a head's likeliest place.
UNTITLED_NAMING = 0.25
#: A lone title line over a body needs this many bigrams to be moved to a body without a
#: title it names: fewer say little (``1997年6月`` is the one pair 年月, which any date
#: in any body makes).
MIN_LONE_GRAMS = 4
#: One title line inside an open body heads a new article when the body after it changes
#: topic and holds at least this share of the line's bigrams (a headline names its body:
#: on the synthetic pages 0.4 and more for two headlines in three)...
LONE_HEAD_NAMING = 0.4
#: ...and the last this many characters of the body before it hold at most
#: ``OWN_BODY_OVERLAP`` of them (a subhead's words stand in the article before it too;
#: bounded so that a long body is read once per title, not whole each time).
LONE_HEAD_BEFORE_CHARS = 2000

#: A body with nothing of an article about it (no title, byline, dateline, caption or
#: credit) shorter than this many character cells is a scrap — a column label, a line of
#: furniture or of editors' credits, a few characters the tool cut off another story —
#: not an article.  The shortest real bodies, one-sentence briefs, run to 40 cells and
#: more (the synthetic pages' shortest, 41) and are matched as articles even when their
#: title went elsewhere; at 50 cells the synthetic development pages lost two such briefs.
SCRAP_CHARS = 30

#: A title line that is the same text twice over, each half at least this long, is a
#: line drawn twice (shorter repeats are words: 谢谢, 天天向上).
MIN_DOUBLED_CHARS = 4

#: Two title lines each at most this share of the column are set in headline type: a
#: headline is 1.8 times the body size or more, so even a full line of it holds little
#: more than half a column's characters; a subhead's first line fills the column.
BIG_TYPE_SHARE = 0.7
#: ...and of about one width: the longer at most this many times the shorter.
SAME_WIDTH_RATIO = 1.6
#: How much body text on either side of a title run its topic is read from (characters).
AFFINITY_CHARS = 400
#: Below this many characters on either side there is too little text to tell a topic.
MIN_AFFINITY_CHARS = 100
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
#: A titled body of a plain dump holds two stories when, at a closed sentence, the whole
#: parts before and after share fewer than this share of their rare bigrams (stricter than
#: ``UNTITLED_TURN_SHARE`` on windows: on pages 401-440, cuts under 0.015 part two stories
#: five times in six, under 0.03 half the time)...
TURN_SPLIT_SHARE = 0.015
#: ...each part at least this many characters (too little text tells no topic).
MIN_TURN_PART_CHARS = 200
#: A dump prints titles after their bodies when, summed over its head-like title runs,
#: the whole body before a run holds more than this many times the share of the run's
#: rare bigrams that the whole body after it holds (the synthetic pages drawn titles
#: last: 2.0 and more; of the others, a few interleaved pages reach 2.2 to 2.8)...
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
#: A run of this many title lines or more inside an open body is a head, not a subhead:
#: a subhead is set on one line, or wraps once at the column width.
HEAD_RUN_LINES = 3
#: How a body line starts that carries on a sentence: no title is followed by its own
#: body starting so, so a title run whose next paragraph (past a byline the tool read
#: in between from another column) starts with one of these is the first half of that
#: sentence, cut by the tool (``用好村级服务站`` / ``，将服务延伸到群众家门口。``).  A
#: colon is left out: a title torn at its colon (``审计`` / ``：实行监督的最好武器``).
_CLAUSE_START = regex.compile(r"^[，、；,;。]")


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
    are one phrase broken over two lines (:func:`breaks_mid_phrase`)."""
    prev_grams = memo.of_joined(prev.body_parts())
    next_grams = memo.of_joined(next_parts)
    best_j, best_score = 0, float("-inf")
    for j in range(len(titles) + 1):
        if j > 0 and not prev_grams:
            break
        if 0 < j < len(titles) and breaks_mid_phrase(titles[j - 1].text, titles[j].text,
                                                      next_grams):
            continue  # one title line broken over two: not cut between two articles
        score = sum(overlap(t.text, prev_grams) for t in titles[:j])
        score += sum(overlap(t.text, next_grams) for t in titles[j:])
        if j > 0 and prev.has_title():
            score -= settings.title_margin
        if j < len(titles) and not next_grams:
            score -= NO_BODY_AFTER_PENALTY  # nothing after: they can only close what came before
        if score > best_score + SCORE_EPSILON:
            best_j, best_score = j, score
    return best_j


def _head_evidence(titles: list[Block]) -> bool:
    """Whether a run of title lines with no byline or dateline after it, inside an open
    body, still opens an article: it has the parts only a head has — a kicker that ends
    ``——``, a subtitle that starts with a dash, a column name behind a mark (``■``,
    ``【``) — or more lines than a subhead takes."""
    if len(titles) >= HEAD_RUN_LINES or any(Tag.DRAWN_TWICE in b.tags for b in titles):
        return True  # (a line drawn twice, fake bold, is set in a headline's type)
    for i, block in enumerate(titles):
        text = block.text.strip()
        if _COLUMN_MARK.match(text) or (i > 0 and _DASH_START.match(text)) \
                or _SUBTITLE_DASH.match(text):
            return True
        if i + 1 < len(titles) and text.endswith("——"):
            return True
    return False


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
        while n < len(titles) and not twice[n] and _DASH_START.match(titles[n].text):
            n += 1  # its subtitles
        if any(twice[n:]):
            heads.append(titles[start:n])
            start = n
    heads.append(titles[start:])
    return heads


def _subhead_lines(titles: list[Block]) -> list[Block]:
    """The subheads a run of title lines inside a body makes: two lines where the first
    stops without punctuation are one subhead wrapped at the column width."""
    if len(titles) == 2 and not has_inner_punct(titles[0].text[-1:]):
        start, end = covering_span(titles)
        return [titles[0].with_(text=titles[0].text + titles[1].text, start=start, end=end)]
    return list(titles)


def _cut_to(parts: list[str], chars: int) -> list[str]:
    """The pieces of ``"".join(parts)[:chars]``: whole parts, the last one cut."""
    out: list[str] = []
    held = 0
    for text in parts:
        if held + len(text) >= chars:
            out.append(text[:chars - held])
            break
        out.append(text)
        held += len(text)
    return out


def _next_body_text(blocks: list[Block], start: int, chars: int | None = None) -> str:
    return "".join(_next_body_parts(blocks, start, chars))


def _next_body_parts(blocks: list[Block], start: int, chars: int | None = None) -> list[str]:
    """The texts of the paragraphs from ``start`` on up to the next title, editor's mark
    or closing byline; with ``chars``, only as far as whole paragraphs reach that many
    characters (what is asked once per title or paragraph is read so, not a whole long
    body each time).  Indexed, not sliced: a slice copies the rest of the page."""
    parts: list[str] = []
    held = 0
    for k in range(start, len(blocks)):
        block = blocks[k]
        if (chars is not None and held >= chars) or block.kind == Kind.TITLE \
                or block.kind == Kind.EDITOR_MARK or (
                block.kind == Kind.BYLINE and "closing" in block.tags):
            break
        if block.kind == Kind.PARAGRAPH:
            parts.append(block.text)
            held += len(block.text)
    return parts


def _after_vote(naming: list[tuple[int, float, float, bool]]) -> bool:
    """Whether head runs, each read as ``(first block, share of its rare bigrams the body
    before it holds, share the body after it holds, a byline or dateline follows it)``,
    name the bodies before them: the page prints titles after their bodies."""
    total_before = sum(before for _, before, _, _ in naming)
    total_after = sum(after for _, _, after, _ in naming)
    votes_before = sum(before > after for _, before, after, _ in naming)
    votes_after = sum(after > before for _, before, after, _ in naming)
    return votes_before >= MIN_AFTER_VOTES and votes_before > votes_after \
        and total_before >= max(MIN_AFTER_EVIDENCE, MIN_AFTER_MEAN * len(naming)) \
        and total_before > AFTER_RATIO * total_after


class _Segmenter:
    """The walk over the page's blocks (:meth:`run`) and the passes after it."""

    def __init__(self, blocks: list[Block], settings: SegmentSettings, rec: Recorder,
                 column: float = 0.0, gaps_tell: bool = False) -> None:
        self.blocks = blocks
        #: the dump sets blank lines between its text boxes (see ``GAPS_TELL_BLANK_RATIO``)
        self.gaps_tell = gaps_tell
        self.settings = settings
        self.rec = rec
        self.arts: list[_Article] = []
        self.cur: _Article | None = None
        #: a photo news opened beside the open article (:meth:`_photo_beside`): the photo
        #: credit right after its caption goes to it, not to the open article
        self.side: _Article | None = None
        self.markdown = any(b.level is not None for b in blocks)
        self.headline_levels = self._headline_levels()
        self.subhead_levels: set[int] = set()
        self.orphans: list[tuple[_Group, _Article]] = []
        #: each stray paragraph under a title a dateline took, and the title's article
        self.leads: list[tuple[_Article, _Article]] = []
        # the paragraphs' bigrams are asked for again (article bodies, split points)
        self.memo = BigramMemo()
        # a paragraph cut off its block flush (starts:flush) counts with the one it was
        # cut from: which bigrams are rare on the page does not hang on that weaker cut
        # (only right after it: past a title, a byline or a caption it was cut from none)
        runs: list[list[str]] = []
        open_run = False
        for b in blocks:
            if b.kind != Kind.PARAGRAPH:
                open_run = False
            elif open_run and Tag.STARTS_FLUSH in b.tags:
                runs[-1].append(b.text)
            else:
                runs.append([b.text])
                open_run = True
        paragraphs = [self.memo.of(run[0]) if len(run) == 1 else
                      frozenset(self.memo.of_joined(run)) for run in runs]
        self._paragraphs = max(1, len(paragraphs))
        self.column = column
        self.after_page = False
        # the title runs (first block index) that head the body before them
        self.after_runs: set[int] = set()
        self._frequency = Counter(itertools.chain.from_iterable(paragraphs))
        # the bigrams that are not rare (:meth:`_rare_grams`): held by two paragraphs or
        # more and by more than ``COMMON_GRAM_SHARE`` of them — one set difference then
        # tells a text's rare bigrams (asked once per paragraph of a markdown dump)
        # (the least count that passes both tests is found first, so that the bigrams are
        # picked by C code, not by a Python loop over the page's bigrams)
        least = next(c for c in itertools.count(2) if c / self._paragraphs > COMMON_GRAM_SHARE)
        self._common = frozenset(itertools.compress(
            self._frequency, map(least.__le__, self._frequency.values())))

    def paragraph_share(self, gram: str) -> float:
        """The share of the page's paragraphs that hold the bigram ``gram``."""
        return self._frequency.get(gram, 0) / self._paragraphs

    def _headline_levels(self) -> set[int]:
        levels: set[int] = set()
        i = 0
        while i < len(self.blocks):
            if self.blocks[i].kind != Kind.TITLE:
                i += 1
                continue
            j = i
            while j < len(self.blocks) and self.blocks[j].kind == Kind.TITLE:
                j += 1
            if j < len(self.blocks) and self.blocks[j].opens_article:
                marked = [b.level for b in self.blocks[i:j] if b.level is not None]
                if marked:
                    levels.add(min(marked))
            i = j
        return levels

    def new(self, group: _Group | None = None) -> _Article:
        art = _Article()
        if group is not None:
            art.groups.append(group)
            levels = [t.level for t in group.titles if t.level is not None]
            art.level = min(levels) if levels else None
        self.arts.append(art)
        self.cur = art
        return art

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
        self._split_by_after_titles()
        self._resolve_orphans()
        self._move_stray_title_lines()
        self._place_leads()
        self._join_pieces_after_bylines()
        self._join_title_pieces_to_hosts()
        self._hand_on_headless_bylines()
        self._leave_scraps()
        return self.arts

    def _title_run(self, i: int) -> int:
        blocks = self.blocks
        j = i
        while j < len(blocks) and blocks[j].kind == Kind.TITLE:
            j += 1
        titles = self._printed_once(blocks[i:j])
        k = j
        while k < len(blocks) and (blocks[k].opens_article or blocks[k].kind in (Kind.CAPTION,
                                                                                 Kind.CREDIT)):
            k += 1
        extras = blocks[j:k]
        opening = any(b.opens_article for b in extras)
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

    def _rare_grams(self, text: str) -> set[str]:
        """The bigrams of ``text`` that say what it is about: held by one paragraph of the
        page at most, or by few of its paragraphs."""
        return bigrams(text) - self._common

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
        if opening or len(titles) > 1 or level is None:
            self.new(_Group(list(titles), list(extras)))
            return
        if cur is not None and not cur.closed \
                and _heads_photo_news(cur, titles, extras, self._block_at(next_index)):
            self._open_photo_news(titles, extras)
            return
        if level in self.headline_levels:
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
        if opening or "vertical" in titles[0].tags or _head_evidence(titles) \
                or (len(titles) == 2 and (self._big_type(titles)
                                          or self._topic_changes(cur, next_index))) \
                or (len(titles) == 1 and self._names_new_topic(titles[0], cur, next_index)):
            # a vertical line of text is a headline: papers do not set subheads that way
            self.new(_Group(list(titles), list(extras)))
            return
        for title in _subhead_lines(titles):
            self._subhead(title, cur)
        cur.extras.extend(extras)

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

    def _names_new_topic(self, title: Block, cur: _Article, next_index: int) -> bool:
        """Whether one title line inside an open body heads a new article: the body after
        it changes the topic (:meth:`_topic_changes`) and the line names that body — at
        least ``LONE_HEAD_NAMING`` of its bigrams stand in it — and not the body
        before it (a subhead names its section, but its section goes on with the
        article's words)."""
        grams = bigrams(title.text)
        if len(grams) < MIN_LONE_GRAMS or not self._topic_changes(cur, next_index):
            return False
        after = self.memo.of_joined(_next_body_parts(self.blocks, next_index))
        before = bigrams(cur.body_tail(LONE_HEAD_BEFORE_CHARS))
        return len(grams & after) >= LONE_HEAD_NAMING * len(grams) \
            and len(grams & before) <= OWN_BODY_OVERLAP * len(grams)

    def _rare_share(self, before: str, after: str) -> float | None:
        """Of the bigrams rare on the page, the share two texts have in common (of the
        fewer); None when either text is too short or has none to judge by."""
        return self._rare_share_of([before], [after])

    def _rare_share_of(self, before: list[str], after: list[str]) -> float | None:
        """:meth:`_rare_share` of two texts given as the pieces they join (memoised)."""
        if min(sum(map(len, before)), sum(map(len, after))) < MIN_AFFINITY_CHARS:
            return None
        rare_before = self.memo.of_joined(before) - self._common
        rare_after = self.memo.of_joined(after) - self._common
        if not rare_before or not rare_after:
            return None
        return len(rare_before & rare_after) / min(len(rare_before), len(rare_after))

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
    def _mid_clause(cur: _Article, block: Block) -> bool:
        """Whether a byline stands inside a sentence of the open body: its last paragraph
        stops mid-clause (``…城市环境发生了很大`` / ``李丽娟`` / ``变化。…``), so the
        sentence goes on after the byline and no article starts there.  A dateline always
        opens one."""
        if block.kind == Kind.DATELINE:
            return False
        last = next((b for b in reversed(cur.body) if b.kind == Kind.PARAGRAPH), None)
        return last is not None and ends_mid_clause(last.text)

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
                    and not self._mid_clause(cur, block):
                cur = self._lift_title(cur)
            elif cur is None or cur.closed or (any(b.kind == Kind.PARAGRAPH for b in cur.body)
                                               and not self._mid_clause(cur, block)):
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

    def _block_at(self, index: int) -> Block | None:
        return self.blocks[index] if index < len(self.blocks) else None

    def _open_photo_news(self, titles: list[Block], extras: list[Block]) -> None:
        """Open a photo news headed by ``titles`` over its caption (see
        :func:`_heads_photo_news`)."""
        self.new(_Group(list(titles), list(extras)))
        self.rec.change("a title over a credited caption heads a photo news",
                        titles[0].span, titles[0].text[:20])

    def _photo_beside(self, cur: _Article, caption: Block) -> None:
        """Open a photo news for ``caption`` beside the open article ``cur``, which stays
        open: the body text after the photo is more of ``cur``."""
        side = _Article(extras=[caption], flags={"photo"})
        self.arts.append(side)
        self.side = side
        self.rec.change("a credited caption after a closed sentence is a photo news of its own",
                        caption.span, caption.text[:20])

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
        ``TURN_SPLIT_SHARE`` of their rare bigrams (of the fewer; the lowest share wins).
        The title goes with the part more of whose paragraphs name it (``NAMING_GRAMS`` of
        its bigrams), the earlier on a tie."""
        if self.markdown or not art.has_title() or any(g.after for g in art.groups):
            return None
        paras = [i for i, b in enumerate(art.body) if b.kind == Kind.PARAGRAPH]
        if len(paras) < 2:
            return None
        texts = [art.body[i].text for i in paras]
        total = sum(map(len, texts))
        held = list(itertools.accumulate(map(len, texts)))
        cuts = {k for k in range(1, len(paras))
                if min(held[k - 1], total - held[k - 1]) >= MIN_TURN_PART_CHARS
                and ends_paragraph(texts[k - 1])}
        if not cuts:
            return None
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
        for k in range(1, max(cuts) + 1):
            before_size += starting[k - 1]
            later_size -= ending[k - 1]
            if k not in cuts or not before_size or not later_size:
                continue
            share = (before_size + later_size - every) / min(before_size, later_size)
            if share < TURN_SPLIT_SHARE and (best is None or share < best[0]):
                best = (share, k)
        if best is None:
            return None
        cut = best[1]
        # every bigram of the title: words the whole page uses stand in both parts alike
        grams = self.memo.of_joined(t.text for g in art.groups for t in g.titles)
        hits = [len(self.memo.of(art.body[i].text) & grams) >= NAMING_GRAMS for i in paras]
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

    @staticmethod
    def _half_of_broken_line(printed: list[Block], at: int, grams: set[str]) -> bool:
        """Whether the title line ``printed[at]`` is half of one line broken over two with
        the line before or after it (:func:`breaks_mid_phrase`): the half does not leave
        its head alone (``新晃政务设`` / ``立温馨母婴室``)."""
        line = printed[at].text
        return (at > 0 and breaks_mid_phrase(printed[at - 1].text, line, grams)) or (
            at + 1 < len(printed) and breaks_mid_phrase(line, printed[at + 1].text, grams))

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
        w = self.settings.neighbours
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
                    if overlap(line.text, grams[index]) > OWN_BODY_OVERLAP \
                            or (not bodiless and self._half_of_broken_line(printed, at,
                                                                           grams[index])):
                        carried = []
                        continue
                    # a lone title line leaves its body only for a body with no title
                    # (one head each: the tool set this head over the wrong body)
                    scores = [(overlap(line.text, grams[i]), -i)
                              for i in neighbours(index, len(grams), w) if i != index
                              and not (lone and (self.arts[i].has_title()
                                                 or self.arts[i].moved_titles))]
                    score, neg = max(scores) if scores else (0.0, 0)
                    if score < self.settings.stray_title_overlap:
                        # (not the line right over the dateline or byline that opens
                        # the body: that body's head, though it names it in no word)
                        untitled = None if at == len(printed) - 1 and signed \
                            else self._untitled_namer(line, index, grams, score)
                        if untitled is None:
                            if bodiless:
                                carried.append(line)
                            continue
                        score, neg = untitled
                    target = self.arts[-neg]
                    taken = self._rest_of_box(printed, at, grams[index])
                    for moved in [*carried, line, *taken]:
                        group.titles.remove(moved)
                        target.moved_titles.append(moved)
                    if bodiless:
                        self._carry_byline(group, head, (taken or [line])[-1], target)
                    carried = []
                    target.flags.add("interleaved")
                    self.rec.change("moved a title line to the body it names", line.span,
                                    f"{score:.2f} of its bigrams in that body")
        self._place_last_heads(grams)
        self.arts = [a for a in self.arts if a.body or a.extras or a.moved_titles
                     or any(g.titles or g.extras for g in a.groups)]

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
                      target: _Article) -> None:
        """A byline printed right under a title line that goes to another body goes with
        it: the title and its byline are one head (``印尼盾汇率缘何狂跌不止`` /
        ``本报记者 X``), and left behind the byline heads nothing and is lost as a
        fragment.  Only a byline that opens an article, with no other line of the group's
        titles between it and ``line``, and only to a body that has no opening byline of
        its own (a body keeps the byline it was printed with).  Asked only of a group with
        no body of its own: over a body, the byline stays with that body."""
        if not any(b.kind == Kind.BYLINE for b in group.extras):
            return
        if target.has_opening_byline():
            return
        following = [t.start for t in printed if t.start > line.end]
        stop = min(following, default=None)
        for byline in list(group.extras):
            if (byline.kind == Kind.BYLINE and byline.opens_article
                    and byline.start > line.end and (stop is None or byline.end < stop)):
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
            leads = bool(_COLUMN_MARK.match(text) or _KICKER_END.search(text))
            stay_bonus = SCORE_EPSILON * 2 if not named and not leads else 0.0
            new_bonus = DEALT_BODY_BONUS + (SCORE_EPSILON * 2 if not named and leads else 0.0)
            dash = bool(_DASH_START.match(text))
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
                prev.extras.extend(b for g in art.groups for b in g.extras)
                continue
            kept.append(art)
        self.arts[:] = kept

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
