"""Put back in reading order the body text that a converter interleaved.

Runs after ``segment-articles``, on articles already found.  Its moves, each recorded
as a diagnostic and flagging the articles it touched ``interleaved``:

0. **Rotate a body printed from a later column first** (see ``_rotate``).
1. **Resume an interrupted paragraph.**  A paragraph that stops mid-sentence, followed by
   paragraphs that cannot carry its sentence on (a quotation opens while its own is still
   open, or the next paragraph starts indented), resumes at the first later paragraph of
   the same article that starts mid-sentence (its first printed line is as wide as the
   column, or it closes a quotation it never opened).  The paragraphs in between are a
   displaced run.
1b. **Give a column's rest below a box back to its story** (setting ``inset_rests``, see
   ``_after_inset``).  A
   paragraph that starts mid-sentence after a closed paragraph of its own article, and
   goes on (a strong pair across the break) with an earlier article's body cut inside a
   clause, is the rest of that story's column, printed after a brief boxed inside it;
   it and the later paragraphs of its article, when their words are the earlier
   story's more than the brief's, go back to that story.
2. **Send a displaced run home.**  The run goes to the article whose titles and body share
   the most character bigrams with it, if that is clearly another article: before that
   article's first paragraph when that paragraph starts mid-sentence (the run is the
   missing start), else after its body.
3. **Re-attach continuations.**  A paragraph that starts mid-sentence joins the nearest
   earlier paragraph of its article that was left open (one with an open quotation when
   it closes one), or the paragraph just before it when none was left open or when only
   its first printed line's width says it goes on (the width says a sentence goes on, not
   from where: moved back to an earlier open paragraph, it read the diagnostic pages
   worse).  Cues: the width of its first printed line, an unopened closing quote, a
   leading particle (``的``, ``们``, a comma), a one-line scrap far shorter than the column
   after a closed line, no start of its own after a paragraph cut inside a clause (see
   ``_carries_on``).
4. **Put back an open tail** (setting ``open_tails``, for converters that give a column's
   text blocks: pymupdf4llm).  A converter may give a run of a paragraph's printed lines
   after the rest of the story (a block it set apart, one sorted after the block around
   it), joining the lines before and after the gap.  The story then ends on that run, cut
   inside a clause after a closed paragraph; it goes back into the earlier paragraph that
   shares a clear part of its words (see ``_tail_home``).

5. **Carry a sentence on into the next article.**  An article whose body ends cut inside a
   clause, followed (in the articles' order) by one whose first paragraph goes on with
   the two characters across the break that the page prints as a strong pair elsewhere
   (see ``_run_on``), is one story cut by a head or byline set inside it (a head printed
   after its body's first column, another story's head between two columns, a head cut
   in two): the two bodies are one, and the open paragraph goes on with the next.  A
   body with no head and nothing that opens it (the lines that cut it off were moved to
   the bodies they name, or were a stray glyph) needs only a pair the page prints, and
   may go on with an open end a few articles back (the tool set other stories between).

An article whose first paragraph starts mid-sentence is flagged ``truncated_start``: its
beginning is not on the page.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from itertools import pairwise

import attrs
import regex

from baokan.core.columns import InterleaveSettings, PairStats, Piece, junction
from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.lexicon import breaks_word
from baokan.core.marks import ArticleFlag, Stage, Tag
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span, neighbours
from baokan.core.text import (
    CANNOT_OPEN_CLAUSE,
    CLAUSE_MARK,
    CLOSING_QUOTES,
    OPENING_QUOTES,
    SAID,
    SENTENCE_END,
    bigrams,
    ends_paragraph,
    line_cells,
    starts_with_opening_mark,
)

# after a closed quotation: who said it (``"…下去。"学生朵朵的家长说。``)
_attribution = regex.compile(r"[^。！？“”\"]{0,30}?" + SAID + r"[。，：:,]")


@attrs.frozen
class OrderSettings:
    """Settings of ``restore-reading-order``.

    ``window``: how many paragraphs ahead a resumption is looked for; ``neighbours``: how
    many articles on either side (round the page) a displaced run may go to; ``min_shared``: the
    fewest bigrams a displaced run must share with an article to be sent there;
    ``margin``: how many times more bigrams it must share with that article than with the
    one it was found in; ``scrap_share``: a one-line paragraph shorter than this share of
    the article's median paragraph line, after a closed paragraph, is a stray last line;
    ``max_rounds``: the moves are made again on their result, at most this many times in
    all, until none is left.  ``open_tails``: put a late open tail back into the paragraph
    it was taken from (move 4; a converter that gives a column's text blocks, pymupdf4llm);
    ``tail_share``: the least share of that paragraph's bigrams the tail must hold (on the
    dev pages and pages 401-440, the tails that are a story's true end or a piece of
    another story hold at most 0.17 of a paragraph's bigrams in markdown dumps, and those
    that pass the margin 0.27 in the other tools' dumps: the threshold stands just above
    every such wrong move, chosen without the one true case known, seed 004, which holds
    0.43);
    ``inset_rests``: give a column's rest printed below a box set inside it back to its
    story (move 1b; a converter that prints a box where it stands, between the column's
    lines: pdftotext and the other wrapped-text tools, measured there);
    ``run_on_reach``: how many articles back a body with no head and nothing that opens it
    may go on with an open end (move 5; as far as a displaced run may go, ``neighbours``);
    ``tail_margin``: how many times the share of the next best paragraph it must hold (one
    paragraph must stand out: a tail sharing as much with two is the story's own wording,
    not a piece taken from one of them); ``tail_host_grams``: the fewest bigrams a paragraph
    must hold to take a tail (a share of a short paragraph is a few common words).
    """

    window: int = 12
    neighbours: int = 8
    run_on_reach: int = 8
    min_shared: int = 6
    margin: float = 1.5
    scrap_share: float = 0.34
    max_rounds: int = 3
    open_tails: bool = False
    inset_rests: bool = False
    tail_share: float = 0.30
    tail_margin: float = 2.0
    tail_host_grams: int = 20


# a sentence end inside a text, with the closing marks after it
# (possessive: a sentence end's closing marks all go with it, never left to start the next)
_inner_end = regex.compile(
    "[" + regex.escape(SENTENCE_END) + "]++[" + regex.escape(CLOSING_QUOTES) + "\"）)]*+(?=.)")


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts (its end if it is one sentence)."""
    ends = list(_inner_end.finditer(text))
    return ends[-1].end() if ends else len(text)


# a quotation's marks only, not a bracket's or a title mark's (the vocabulary's quotes):
# who is speaking decides where an interrupted paragraph resumes, an aside does not
# (a class of characters alone: ``re``, see ``baokan.core.text.WHITE_CLASS``)
_any_quote = re.compile(
    "[\"" + re.escape("".join(sorted(set(OPENING_QUOTES) | set(CLOSING_QUOTES)))) + "]")


def quote_balance(text: str) -> tuple[bool, bool]:
    """``(closes_unopened, leaves_open)``: does ``text`` close a quotation it never opened,
    and does it leave one open at its end?

    Curly quotes say which they are; a straight ``"`` left unpaired is an opening quote at
    the start of the text, after ``：，`` or after a closed sentence that is not followed by
    who said it (``…下去。"学生朵朵的家长说。`` closes), and a closing one elsewhere.
    """
    depth = 0
    closes_unopened = False
    for found in _any_quote.finditer(text):  # the quotes only, not every character
        i, ch = found.start(), found.group()
        if ch == '"':
            before = text[i - 1] if i else ""
            opening = (not before or before in "：:，,（(" or before.isspace()
                       or (before in SENTENCE_END and not _attribution.match(text, i + 1)))
            ch = "“" if opening else "”"
        if ch in OPENING_QUOTES:
            depth += 1
        elif ch in CLOSING_QUOTES:
            if depth == 0:
                closes_unopened = True
            else:
                depth -= 1
    return closes_unopened, depth > 0


def _open_end(block: Block) -> bool:
    return not ends_paragraph(block.text)


# a paragraph cut inside a clause ends on a word or a mark inside a sentence, not on a
# closing mark, an ellipsis or an author's mark in brackets (``（中）``)
_mid_clause_end = regex.compile(r"[\p{Han}\p{L}\p{N}，、；：,;:]\s*$")


def _cut_mid_clause(block: Block) -> bool:
    return _open_end(block) and bool(_mid_clause_end.search(block.text))


def _open_piece(block: Block) -> Piece | None:
    """``block``'s text as a :class:`~baokan.core.columns.Piece` when it is cut inside a
    clause on an open end (a character a pair may go on from): the end a story's next
    column may go on with; None otherwise."""
    if not _cut_mid_clause(block):
        return None
    piece = Piece.of(block.text.strip())
    return piece if piece.open_end else None


def _carries_on(before: Block, block: Block) -> bool:
    """Whether ``block`` carries on the sentence that ``before`` was cut inside: it shows no
    start of its own (no indent, no flush start, no opening quote, bracket or dash).  The
    rest of a sentence set at the top of the next column, with another story's lines or
    byline given between, or a converter's block cut off its paragraph."""
    return (_cut_mid_clause(before)
            and not {Tag.STARTS_INDENTED, Tag.STARTS_FLUSH} & block.tags
            and not starts_with_opening_mark(block.text))


def starts_mid_sentence(block: Block, quotes: bool = True) -> bool:
    """Whether a paragraph begins inside a sentence that started elsewhere: its first
    printed line said so (``starts:continued``) or its text does (``quotes``: see
    :func:`_text_starts_mid_sentence`)."""
    return Tag.STARTS_CONTINUED in block.tags or _text_starts_mid_sentence(block.text, quotes)


def _text_starts_mid_sentence(text: str, quotes: bool = True) -> bool:
    """Whether a paragraph's text begins inside a sentence: with a mark or particle no
    sentence opens with, or by closing a quotation it never opened (only if ``quotes``:
    the page's quote marks say which way they face)."""
    text = text.lstrip()
    return bool(CANNOT_OPEN_CLAUSE.match(text)) or (quotes and quote_balance(text)[0])


def _is_body(block: Block) -> bool:
    return block.kind == Kind.PARAGRAPH


# the character-pair measure of "does A go on in B" (core.columns), with its settings:
# a break goes on into the next article only where the page prints the pair across it as
# a strong pair (``seen_strong``); a weaker pair runs on into an unrelated story's first
# paragraph as often as into the rest of its own on the diagnostic pages
_PAIRS = InterleaveSettings()
# the kinds that make an article's head: an article with none is a body in want of one
_HEADS = frozenset({Kind.HEADLINE, Kind.KICKER, Kind.SUBTITLE})
# what says an article's first paragraph starts a story: a head, a dateline (an opening
# byline carries ``Tag.OPENING``)
_OPENERS = _HEADS | {Kind.DATELINE}
# what of a headed article goes on with the earlier story's body: its bylines, captions
# and head stay where they are
_BODY_KINDS = frozenset({Kind.PARAGRAPH, Kind.SUBHEAD})


def _join_blocks(head: Block, tail: Block) -> Block:
    """``head`` with ``tail``'s text run on after it: one paragraph over both spans."""
    start, end = covering_span((head, tail))
    return head.with_(text=head.text.rstrip() + tail.text.lstrip(), start=start, end=end,
                      tags=(head.tags | tail.tags | {Tag.RESUMED}) - {Tag.STARTS_CONTINUED})


def _articles(blocks: Sequence[Block]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i, block in enumerate(blocks):
        if block.article is not None:
            out.setdefault(block.article, []).append(i)
    return out


class _Reorderer:
    def __init__(self, blocks: list[Block], settings: OrderSettings, rec: Recorder,
                 ocr: bool = False) -> None:
        self.blocks = list(blocks)  # its own: moves are made in place
        self.settings = settings
        self.rec = rec
        #: whether an OCR pass read the page (core.ocr.is_ocr): a head it set inside its
        #: story's column may cut a word (:meth:`_run_on`)
        self.ocr = ocr
        #: whether the page's quote marks say which way they face (not in an OCR reading,
        #: which reads ``“`` for ``”`` and either for ``"``): if not, a quote mark is no cue
        #: that a paragraph goes on or starts inside a quotation
        self.quotes = not ocr
        self.touched: set[int] = set()

    def run(self) -> list[Block]:
        for members in _articles(self.blocks).values():
            self._rotate(members)
        i = 0
        while i < len(self.blocks):  # one pass: a resumed paragraph is not looked at again
            self._resume_at(i)
            i += 1
        if self.settings.inset_rests:
            self._after_inset()
        blocks: list[Block | None] = list(self.blocks)
        for members in _articles(self.blocks).values():
            self._reattach(blocks, members)
        self.blocks = [b for b in blocks if b is not None]
        if self.settings.open_tails:
            tails: list[Block | None] = list(self.blocks)
            for members in _articles(self.blocks).values():
                self._tail_home(tails, members)
            self.blocks = [b for b in tails if b is not None]
        self._run_on()
        return self._flag()

    # -- 1b: a story's column resumed below a box set inside it
    def _after_inset(self) -> None:
        """Give back to an earlier article the rest of its column that a converter printed
        after a box set inside that column (a brief, a notice): the box's story took it.

        Cues: a paragraph that starts mid-sentence (:func:`starts_mid_sentence`) after a
        closed paragraph of its own article (nothing of its own story it could go on
        with), while the last paragraph of an earlier article, up to ``run_on_reach``
        articles back, is cut inside a clause on a Han character, and the page prints the
        two characters across that break as a strong pair; a paragraph of that article
        holds a clause mark (a title line cut off with no mark is no column of text); and
        that paragraph with the later ones of its article share more character bigrams
        with the earlier article's body than with their own article's paragraphs before
        them (:meth:`_closer`: the column's rest is its story's words).  That paragraph
        and every later paragraph and subhead of its article go to the earlier one, the
        first joined to its open end.  The pairs are the page's before any move.
        (pdftotext prints a brief boxed inside a column where it stands, between the
        column's lines; on dev synth and pages 501-540 the move was right 6 times in 7.)
        """
        # the page's pairs as the tool printed them, before any join this move makes (built
        # on the first candidate: most pages have none), so no move depends on an earlier
        texts = [b.text for b in self.blocks if _is_body(b)]
        stats: PairStats | None = None
        reach = self.settings.run_on_reach
        while True:  # each move sends paragraphs to an earlier article: it ends
            groups = _articles(self.blocks)
            order = sorted(groups)
            bodies = {a: [m for m in groups[a] if _is_body(self.blocks[m])] for a in order}
            # the articles whose body ends cut inside a clause on a Han character: the
            # open ends a column's rest may go on with (looked for first: most pages
            # have few, and the paragraphs are only read where one is in reach)
            open_ends: dict[int, tuple[int, Piece]] = {}
            for a in order:
                if bodies[a]:
                    left = self.blocks[bodies[a][-1]]
                    pa = _open_piece(left) if CLAUSE_MARK.search(left.text) else None
                    if pa is not None:
                        open_ends[a] = (bodies[a][-1], pa)
            found: tuple[int, int, list[int]] | None = None
            grams: dict[int, frozenset[str]] = {}  # each block's bigrams, this pass
            for pos in range(1, len(order)):
                near = [a for a in reversed(order[max(0, pos - reach):pos]) if a in open_ends]
                body = bodies[order[pos]]
                if not near or len(body) < 2:
                    continue
                for k in range(1, len(body)):
                    hosts = [a for a in near if open_ends[a][0] < body[k]]
                    block = self.blocks[body[k]]
                    if (not hosts or not ends_paragraph(self.blocks[body[k - 1]].text)
                            or not starts_mid_sentence(block, self.quotes)):
                        continue
                    pb = Piece.of(block.text.strip())
                    if not pb.han_start:
                        continue
                    # the words first (the pairs of the whole page are dearer to count)
                    closer = {a: self._closer(body[k:], body[:k], bodies[a], grams)
                              for a in hosts}
                    if not any(closer.values()):
                        continue
                    if stats is None:
                        stats = PairStats(texts)
                    best: tuple[float, int] | None = None
                    for a in hosts:
                        score = junction(open_ends[a][1], pb, stats, _PAIRS)
                        if score >= _PAIRS.seen_strong and (best is None or score > best[0]):
                            best = (score, a)
                    if best is not None and closer[best[1]]:
                        # every later paragraph and subhead of the box's article goes with
                        # it (as _merge moves a headed article's body): the column's rest
                        found = (open_ends[best[1]][0], body[k],
                                 [m for m in groups[order[pos]] if m > body[k]
                                  and self.blocks[m].kind in _BODY_KINDS])
                        break
                if found is not None:
                    break
            if found is None:
                return
            left_at, right, rest = found
            home = self.blocks[left_at].article
            tail = self.blocks[right]
            self.rec.change("gave a column's rest below a box back to its story", tail.span,
                            f"lines {self.blocks[left_at].start}-{self.blocks[left_at].end} "
                            f"go on at lines {tail.start}-{tail.end}")
            for m in rest:
                self.blocks[m] = self.blocks[m].with_(article=home)
            self.blocks[left_at] = _join_blocks(self.blocks[left_at], tail)
            del self.blocks[right]
            if home is not None:
                self.touched.add(home)

    def _closer(self, moved: list[int], box: list[int], host: list[int],
                grams: dict[int, frozenset[str]]) -> bool:
        """Whether the paragraphs to be ``moved`` share more of their character bigrams
        with the ``host`` story's body than with the ``box``'s own paragraphs before them
        (the rest of a column is its story's words, not the brief's).  ``grams`` keeps
        each block's bigrams, worked out once while the blocks stand as they are."""

        def union(members: list[int]) -> set[str]:
            out: set[str] = set()
            for m in members:
                if m not in grams:
                    grams[m] = bigrams(self.blocks[m].text)
                out |= grams[m]
            return out

        words = union(moved)
        if not words:
            return False
        return len(words & union(host)) > len(words & union(box))

    # -- 5: one story cut in two articles
    def _run_on(self) -> None:
        """Join an article to the next one where its body's open end goes on there.

        Cues: the first article's last paragraph ends cut inside a clause on a Han
        character; the next article's first paragraph, printed after it, starts with a Han
        character, and the page prints the two characters across the break as a strong
        pair (:func:`~baokan.core.columns.junction`).  An article with no head, dateline
        or opening byline (:meth:`_bare`) needs only a ``seen`` link (a pair the page prints
        more than weakly, or one that spells three characters it prints): a
        body with nothing that says a story starts there is a column's rest, and the
        strong pair is asked of a head because a weaker one runs on into an unrelated
        story's first paragraph as often as into its own), and goes on with the open end,
        up to ``run_on_reach`` articles back, that its first characters spell best: the
        tool may give other stories between a story's columns.  A headless one of the two goes
        wholly into the other (the head, bylines and body are one story's); with two heads,
        the later body goes on the earlier head's (the later head, left with no body, is
        not an article).  The open paragraph takes the next one's text.
        """
        stats: PairStats | None = None
        done: set[int] = set()
        while True:
            groups = _articles(self.blocks)
            order = sorted(groups)
            for pos in range(1, len(order)):
                b = order[pos]
                if b in done:  # each article is looked at once as the later one
                    continue
                done.add(b)
                starts = [m for m in groups[b] if _is_body(self.blocks[m])]
                if not starts:
                    continue
                right = self.blocks[starts[0]]
                pb = Piece.of(right.text.strip())
                if not pb.han_start:
                    continue
                bare = self._bare(groups[b])
                # a bare body may go on with any open end up to ``run_on_reach`` articles
                # back (the tool set other stories between); a headed one only with the
                # article right before it
                reach = self.settings.run_on_reach if bare else 1
                need = _PAIRS.seen if bare else _PAIRS.seen_strong
                best: tuple[float, int, int] | None = None
                for a in reversed(order[max(0, pos - reach):pos]):
                    ends = [m for m in groups[a] if _is_body(self.blocks[m])]
                    if not ends or ends[-1] > starts[0]:
                        continue
                    left = self.blocks[ends[-1]]
                    pa = _open_piece(left)
                    if pa is None:
                        continue
                    if stats is None:
                        stats = PairStats(blk.text for blk in self.blocks if _is_body(blk))
                    score = junction(pa, pb, stats, _PAIRS)
                    if not bare and self.ocr and score < need \
                            and score >= _PAIRS.seen and breaks_word(left.text, right.text):
                        # an OCR pass reads a head set inside its story's column between
                        # the halves of the sentence it cuts: a pair the page prints, which
                        # general Chinese writes as a word, goes on across it
                        score = need
                    if score >= need and (best is None or score > best[0]):
                        best = (score, a, ends[-1])
                if best is None:
                    continue
                _, a, left_at = best
                self._merge(groups[a], groups[b], left_at, starts[0])
                break
            else:
                return

    def _bare(self, members: list[int]) -> bool:
        """Whether an article has neither a head nor a dateline or byline that opens it:
        a body in want of a head, whose first paragraph nothing says starts a story."""
        return not any(self.blocks[m].kind in _OPENERS or Tag.OPENING in self.blocks[m].tags
                       for m in members)

    def _merge(self, first: list[int], second: list[int], left: int, right: int) -> None:
        blocks = self.blocks
        a, b = blocks[first[0]].article, blocks[second[0]].article
        assert a is not None and b is not None
        headed_a = any(blocks[m].kind in _HEADS for m in first)
        headed_b = any(blocks[m].kind in _HEADS for m in second)
        if not headed_a and headed_b:
            moved, home = first, b
        elif headed_a and headed_b:
            moved, home = [m for m in second if blocks[m].kind in _BODY_KINDS], a
        else:
            moved, home = second, a
        head, tail = blocks[left], blocks[right]
        self.rec.change("carried an open end on into the next article", tail.span,
                        f"lines {head.start}-{head.end} go on at lines {tail.start}-{tail.end}")
        for m in moved:
            blocks[m] = blocks[m].with_(article=home)
        blocks[left] = _join_blocks(blocks[left], tail)
        del blocks[right]
        self.touched.add(home)

    # -- 4: a late open tail, taken from inside an earlier paragraph
    def _tail_home(self, blocks: list[Block | None], members: list[int]) -> None:
        """Put an article's last paragraph back into the earlier paragraph it was taken
        from, when it is a piece of a paragraph that the converter gave after the body.

        Cues: it is printed after every other paragraph of the article, ends cut inside a
        clause after a closed paragraph (the story does not end there), and shows no
        paragraph start (no indent, no opening quote or dash); and it holds at least
        ``tail_share`` of the bigrams of one earlier paragraph (not the one just before
        it), ``tail_margin`` times the share of any other.  The dump no longer shows the
        printed line it was cut at: it goes in before that paragraph's last sentence,
        which the paragraph's closed end says comes after it.  ``blocks`` is changed in
        place (the tail becomes None).
        """
        body = [m for m in members if _is_body(self.blocks[m])]
        if len(body) < 3:
            return
        tail = self.blocks[body[-1]]
        if (not _cut_mid_clause(tail) or _open_end(self.blocks[body[-2]])
                or Tag.STARTS_INDENTED in tail.tags or Tag.STARTS_FLUSH in tail.tags
                or starts_with_opening_mark(tail.text)
                or any(self.blocks[m].end >= tail.start for m in body[:-1])):
            return
        grams = bigrams(tail.text)
        shares: list[tuple[float, int]] = []
        takers: set[int] = set()
        for m in body[:-2]:
            theirs = bigrams(self.blocks[m].text)
            shares.append((len(grams & theirs) / max(1, len(theirs)), -m))
            text = self.blocks[m].text.rstrip()
            if (len(theirs) >= self.settings.tail_host_grams
                    and _last_sentence_start(text) < len(text)):
                takers.add(m)
        shares.sort(reverse=True)  # the best share first; the earlier paragraph on a tie
        share, host = shares[0][0], -shares[0][1]
        runner = shares[1][0] if len(shares) > 1 else 0.0
        if (host not in takers or share < self.settings.tail_share
                or share < self.settings.tail_margin * runner):
            return
        head = blocks[host]
        assert head is not None
        self.rec.change("put back an open tail in the paragraph it was taken from", tail.span,
                        f"{share:.2f} of the bigrams of lines {head.start}-{head.end}")
        if tail.article is not None:
            self.touched.add(tail.article)
        start, end = covering_span((head, tail))
        text = head.text.rstrip()
        cut = _last_sentence_start(text)
        blocks[host] = head.with_(text=text[:cut] + tail.text.strip() + text[cut:], start=start,
                                  end=end, tags=head.tags | {Tag.RESUMED})
        blocks[body[-1]] = None

    # -- 0: a body printed from a later column first
    def _rotate(self, members: list[int]) -> None:
        """Put first the part of a body a converter printed last.

        A body that starts mid-sentence and ends cut inside a clause, with exactly one place
        inside where a paragraph cut inside a clause is followed by one that starts a
        sentence (on a later printed line than the body's first), is two runs of
        columns printed in the wrong order (the later columns first): the run after that place
        is the body's start, and its open end is resumed by the run before it.  The run from
        the first to the last paragraph is rotated as a whole, subheads with it.  With no
        such place, the later columns may hold only the end of the body's open last
        paragraph, closed there: where paragraphs are marked by indent, a flush first
        paragraph goes on from that end, and the body's start is the first indented
        paragraph after a closed one.
        """
        blocks = self.blocks
        body = [m for m in members if _is_body(blocks[m])]
        if len(body) < 2:
            return
        first, last = body[0], body[-1]
        if members[members.index(first):members.index(last) + 1] != list(range(first, last + 1)):
            return  # the body is not one run of the article's blocks
        if not starts_mid_sentence(blocks[first], self.quotes) or not _cut_mid_clause(blocks[last]):
            return
        breaks = [b for a, b in pairwise(body)
                  if _cut_mid_clause(blocks[a]) and not starts_mid_sentence(blocks[b], self.quotes)]
        if not breaks and Tag.STARTS_CONTINUED in blocks[first].tags:
            # the later column holds only the end of the open paragraph, closed there: on
            # a page that marks paragraph starts by indent (the first paragraph's flush full
            # first line says it goes on), the body's start is the first indented paragraph
            # after a closed one (unmarked, a cut story's first paragraph read the same),
            # printed before the body's end (else the body is not in the dump's order)
            breaks = [b for a, b in pairwise(body)
                      if not _open_end(blocks[a]) and Tag.STARTS_INDENTED in blocks[b].tags
                      and blocks[last].start >= blocks[b].start][:1]
        if len(breaks) != 1 or blocks[breaks[0]].start <= blocks[first].end:
            return  # none, several, or pieces of one printed line (not columns)
        cut = breaks[0]
        self.rec.change("put first the body's start, printed after its end", blocks[cut].span,
                        f"lines {blocks[last].start}-{blocks[last].end} go on at "
                        f"lines {blocks[first].start}-{blocks[first].end}")
        article = blocks[first].article
        assert article is not None
        self.touched.add(article)
        # in place: the rotation keeps the list's length, and a page may rotate many bodies
        blocks[first:last + 1] = [*blocks[cut:last + 1], *blocks[first:cut]]

    # -- 1 and 2: an interrupted paragraph and the run that interrupted it
    def _resume_at(self, i: int) -> None:
        blocks = self.blocks
        left = blocks[i]
        if not _is_body(left) or Tag.RESUMED in left.tags or not _open_end(left):
            return
        j = i + 1
        if j >= len(blocks) or not _is_body(blocks[j]) or blocks[j].article != left.article:
            return
        left_quote_open = self._balance(left.text)[1]
        nxt = blocks[j]
        interrupted = (Tag.STARTS_INDENTED in nxt.tags
                       or (left_quote_open and nxt.text.lstrip()[:1] in OPENING_QUOTES + '"'))
        if not interrupted or starts_mid_sentence(nxt, self.quotes):
            return
        for k in range(j + 1, min(len(blocks), j + self.settings.window)):
            cand = blocks[k]
            if not _is_body(cand) or cand.article != left.article:
                return
            closes = self._balance(cand.text)[0]
            if closes if left_quote_open else (starts_mid_sentence(cand, self.quotes) and not closes):
                self._join_over(i, j, k)
                return

    def _join_over(self, i: int, j: int, k: int) -> None:
        blocks = self.blocks
        left, right = blocks[i], blocks[k]
        run = blocks[j:k]
        joined = _join_blocks(left, right)
        self.rec.change("resumed an interrupted paragraph", joined.span,
                        f"lines {right.start}-{right.end} continue lines {left.start}-{left.end}")
        rest = [*blocks[:i], joined, *blocks[i + 1:j], *blocks[k + 1:]]
        assert left.article is not None
        self.touched.add(left.article)
        self.blocks = self._place(rest, [b.tagged(Tag.DISPLACED) for b in run], left.article)

    def _place(self, blocks: list[Block], run: list[Block], source: int) -> list[Block]:
        """Insert ``run`` into the article that names what it is about."""
        grams = set().union(*(bigrams(b.text) for b in run))
        scores: dict[int, int] = {}
        groups = _articles(blocks)
        ids = sorted(groups)
        near = {ids[i] for i in neighbours(ids.index(source), len(ids), self.settings.neighbours)}
        for index, members in groups.items():
            if index not in near:
                continue
            texts = [blocks[m].text for m in members if blocks[m].kind != Kind.BYLINE]
            theirs = set().union(*(bigrams(t) for t in texts)) if texts else set()
            scores[index] = len(grams & theirs)
        best = max(scores, key=lambda a: (scores[a], -a)) if scores else source
        span = (min(b.start for b in run), max(b.end for b in run))
        if (best == source or scores[best] < self.settings.min_shared
                or scores[best] < self.settings.margin * scores.get(source, 0)):
            best = source
            self.rec.change("kept a displaced run in place", span,
                            f"shares {scores.get(source, 0)} bigrams with its article")
        else:
            self.rec.change("moved a displaced run to the article it names", span,
                            f"shares {scores[best]} bigrams with article {best + 1}, "
                            f"{scores.get(source, 0)} with article {source + 1}")
        self.touched.add(best)
        members = _articles(blocks).get(best, [])
        body = [m for m in members if _is_body(blocks[m])]
        moved = [b.with_(article=best) for b in run]
        if best == source:
            # back where it stood: after the resumed paragraph
            at = next(m for m in members if Tag.RESUMED in blocks[m].tags) + 1
        elif body and starts_mid_sentence(blocks[body[0]], self.quotes):
            at = body[0]
        elif body:
            at = body[-1] + 1
        else:
            at = members[-1] + 1 if members else len(blocks)
        return blocks[:at] + moved + blocks[at:]

    # -- 3: continuations
    def _reattach(self, blocks: list[Block | None], members: list[int]) -> None:
        """One pass over an article's paragraphs, joining each one that starts mid-sentence
        to its host; ``blocks`` is changed in place (a joined paragraph becomes None)."""
        body = [m for m in members if _is_body(self.blocks[m])]
        typical = (statistics.median_high(line_cells(self.blocks[m].text) for m in body)
                   if body else 0.0)
        kept: list[int] = []
        for pos, m in enumerate(body):
            block = self.blocks[m]
            if pos == 0 or Tag.RESUMED in block.tags:
                kept.append(m)
                continue
            before = blocks[kept[-1]]
            scrap = (before is not None and Tag.DISPLACED in block.tags
                     and line_cells(block.text) < self.settings.scrap_share * typical
                     and not _open_end(before))
            goes_on = before is not None and _carries_on(before, block)
            if not (starts_mid_sentence(block, self.quotes) or scrap or goes_on):
                kept.append(m)
                continue
            host = self._host(blocks, kept, block)
            self._attach(blocks, host, m)

    def _balance(self, text: str) -> tuple[bool, bool]:
        """:func:`quote_balance` of ``text``, or nothing open or closed if quote marks say
        nothing on this page."""
        return quote_balance(text) if self.quotes else (False, False)

    def _host(self, blocks: list[Block | None], earlier: list[int], block: Block) -> int:
        def text(m: int) -> str:
            found = blocks[m]
            return found.text if found is not None else ""

        if Tag.STARTS_CONTINUED in block.tags and not _text_starts_mid_sentence(block.text,
                                                                             self.quotes):
            return earlier[-1]  # its width alone: the paragraph before it
        # a host further back than the paragraph before it moves the text back over that
        # paragraph: only one cut inside a clause says its sentence goes on elsewhere (one
        # that ends a sentence, or only leaves a quotation open, is whole; on dev synth and
        # pages 501-540 a move to such a host was right 0 times in 125, the dump's order 28)
        last = earlier[-1]

        def reachable(m: int) -> bool:
            found = blocks[m]
            return m == last or (found is not None and _cut_mid_clause(found))

        wants_quote = self._balance(block.text)[0]
        open_hosts = [m for m in earlier if not ends_paragraph(text(m)) and reachable(m)]
        if wants_quote:
            quoted = [m for m in open_hosts if self._balance(text(m))[1]]
            if quoted:
                return quoted[-1]
            quoted = [m for m in earlier if self._balance(text(m))[1] and reachable(m)]
            if quoted:
                return quoted[-1]
        return open_hosts[-1] if open_hosts else last

    def _attach(self, blocks: list[Block | None], host: int, m: int) -> None:
        head, tail = blocks[host], blocks[m]
        assert head is not None and tail is not None
        joined = _join_blocks(head, tail)
        how = "continues the open paragraph" if _open_end(head) else "has no open paragraph to go on"
        self.rec.change("re-attached a paragraph that starts mid-sentence", tail.span,
                        f"{how} at lines {head.start}-{head.end}")
        if tail.article is not None:
            self.touched.add(tail.article)
        blocks[host] = joined
        blocks[m] = None

    def _flag(self) -> list[Block]:
        truncated: set[int] = set()
        for article, members in _articles(self.blocks).items():
            body = [m for m in members if _is_body(self.blocks[m])]
            if body and starts_mid_sentence(self.blocks[body[0]], self.quotes):
                truncated.add(article)
                first = self.blocks[body[0]]
                self.rec.change("body starts mid-sentence", first.span, first.text[:12])
        out: list[Block] = []
        seen: set[int] = set()
        for block in self.blocks:
            if block.article is not None and block.article not in seen:
                if block.article in self.touched:
                    block = block.tagged("flag:interleaved")
                if block.article in truncated:
                    block = block.tagged("flag:truncated_start")
            if block.article is not None:
                seen.add(block.article)
            out.append(block)
        return out


@heuristic("restore-reading-order", settings=OrderSettings, requires={Stage.ARTICLES},
           reads={Kind.PARAGRAPH, Kind.BYLINE, Kind.HEADLINE, Kind.KICKER, Kind.SUBTITLE,
                  Kind.DATELINE, Tag.OPENING,
                  Kind.SUBHEAD, Tag.STARTS_INDENTED, Tag.STARTS_CONTINUED,
                  Tag.STARTS_FLUSH, Tag.RESUMED, Tag.DISPLACED},
           provides={Stage.READING_ORDER, Tag.RESUMED, Tag.DISPLACED, ArticleFlag.INTERLEAVED,
                     ArticleFlag.TRUNCATED_START})
def restore_reading_order(doc: Document, settings: OrderSettings) -> Document:
    """Undo a converter's interleaving of columns: rotate, resume, send home, re-attach,
    put back open tails.

    See the module documentation for the cues.  Example: ``…通过整合家庭成员医`` followed
    by another story's lines, then ``保资源，…”…说。``: the two halves are joined and the
    lines between go to the story whose title they share words with.
    """
    rec = Recorder("restore-reading-order")
    blocks = list(doc.blocks)
    ocr = is_ocr(doc.measurements)
    # a move can make another (a displaced run put back is then a scrap to re-attach):
    # the moves are made until none is left, so that running the step twice is running
    # it once
    for _ in range(settings.max_rounds):
        made = len(rec.changes)
        after = _Reorderer(blocks, settings, rec, ocr=ocr).run()
        changed = [(b.text, b.article) for b in after] != [(b.text, b.article) for b in blocks]
        blocks = after
        if not changed or len(rec.changes) == made:
            break
    return rec.apply(doc, blocks)
