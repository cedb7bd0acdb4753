"""The heads of side-by-side stories that a tool printed together over the first story's
body, matched one to one with the bodies without a head after it: by the words they share,
then (``stacked_heads_in_order``) by the order they are printed.
"""

from __future__ import annotations

from typing import NamedTuple

from baokan.core.document import Block, Kind
from baokan.core.text import DASH_START, KICKER_END, bigrams
from baokan.heuristics.structure.segment_articles.article import _Article, _Group, overlap
from baokan.heuristics.structure.segment_articles.page_state import (
    MIN_LONE_GRAMS,
    NAMING_GRAMS,
    OWN_BODY_OVERLAP,
    SCORE_EPSILON,
)
from baokan.heuristics.structure.segment_articles.pieces import _Pieces
from baokan.heuristics.structure.segment_articles.stray_titles import (
    UNTITLED_NAMING,
    _StrayTitles,
)
from baokan.heuristics.structure.segment_articles.title_lines import (
    _COLUMN_MARK,
    breaks_mid_phrase,
)

#: A stack's box that names the body under it in at least this share of its bigrams,
#: more than any other box of the stack does, is that body's head (the anchor of
#: :meth:`_StackedHeads._deal_stack_in_order`): the synthetic pages' heads name their
#: body in 0.29 to 1.0; a box over another story's body, 0.2 at most.  Above ``OWN_BODY_OVERLAP``:
#: affinity never moves the anchor.
ANCHOR_NAMING = 0.25
#: A body after the stack that the anchor names at least this share as well as the body
#: under it goes on with the anchor's story (a later column of it): it takes no head by
#: order.
ANCHOR_GOES_ON = 0.5


class _Pair(NamedTuple):
    """A head of a stack that clearly names a body without a head: how much clearer it
    names that body than any other body near it (the greedy matching's order), the share
    of its bigrams that body holds, the head's place in the stack, the body's article."""

    margin: float
    score: float
    head: int
    target: int


def _boxes(titles: list[Block], grams: set[str]) -> list[list[Block]]:
    """A title group cut into the heads it may hold: its text boxes (blank lines stand
    between a dump's boxes), a dash-led line kept with the box over it (a subtitle), a
    box that ends as a kicker does (``——``, ``：``) or looks like a column name with the
    box under it, and never between the halves of a line broken mid-phrase."""
    boxes: list[list[Block]] = []
    for line in titles:
        prev = boxes[-1] if boxes else None
        if prev is None:
            boxes.append([line])
            continue
        last = prev[-1].text.strip()
        joined = not line.gap_before or DASH_START.match(line.text.strip()) is not None \
            or KICKER_END.search(last) is not None or _COLUMN_MARK.match(last) is not None \
            or breaks_mid_phrase(last, line.text, grams)
        if joined:
            prev.append(line)
        else:
            boxes.append([line])
    return boxes


class _StackedHeads(_StrayTitles, _Pieces):
    """The pass that deals a stack of heads out to the bodies after it (with the
    scoring of :class:`_Pieces`' headless homes)."""

    def _stacked_bodies(self, index: int) -> list[int]:
        """The articles right after article ``index`` that are bodies with no head (no
        title, none moved to them, no photo): up to the next article with a head, and
        within the page's ``neighbours``."""
        out: list[int] = []
        for at in range(index + 1, min(len(self.arts), index + 1 + self.settings.neighbours)):
            art = self.arts[at]
            if art.has_title() or art.moved_titles:
                break
            if "photo" not in art.flags and any(b.kind == Kind.PARAGRAPH for b in art.body):
                out.append(at)
        return out

    def _match_stacked_heads(self) -> None:
        """A titled article whose head holds two boxes or more (:func:`_boxes`), with
        bodies without a head after it: a tool that reads a row of side-by-side stories
        prints their heads together, then the stories' columns one after another, so the
        first body takes every head and the others none.  Each box is matched one to one
        with the bodies: a box that names its own body in no word (``OWN_BODY_OVERLAP``)
        and a body without a head well (``UNTITLED_NAMING`` of its bigrams, and
        ``NAMING_GRAMS`` of them), better than any other body near it, goes to that
        body — greedily, the clearest margin first, each body one box.  What affinity
        does not tell stays where the page set it, and at least one box heads the body
        under it (synthetic heads that share no word with their body stay so).

        Plain dumps only: a markdown converter marks its heads by level and runs the
        bodies of a band's stories into one another, and its headless runs are joined
        by their words (``untitled_turns``, ``headless_homes``) to the heads it set
        over them; heads moved here ahead of that pass part those runs from their
        story (s501's pymupdf4llm dumps: two heads more right, two stories lost)."""
        if self.markdown:
            return
        grams = [a.body_grams(self.memo) for a in self.arts]
        for index, art in enumerate(self.arts):
            groups = [g for g in art.groups if g.titles and not g.after]
            if len(groups) != 1 or not grams[index]:
                continue
            group = groups[0]
            boxes = _boxes(group.titles, grams[index])
            if len(boxes) < 2:
                continue
            bodies = self._stacked_bodies(index)
            if not bodies:
                continue
            pairs = self._stack_pairs(boxes, index, bodies, grams)
            moved: set[int] = set()
            taken: set[int] = set()
            for pair in sorted(pairs, reverse=True):
                if pair.head in moved or pair.target in taken or len(moved) + 1 >= len(boxes):
                    continue
                moved.add(pair.head)
                taken.add(pair.target)
                self._move_box(group, boxes[pair.head], pair)
            if self.settings.stacked_heads_in_order:
                self._deal_stack_in_order(group, boxes, index, bodies, grams, moved, taken)

    def _deal_stack_in_order(self, group: _Group, boxes: list[list[Block]], index: int,
                             bodies: list[int], grams: list[set[str]], moved: set[int],
                             taken: set[int]) -> None:
        """The boxes of a stack that affinity did not place (:meth:`_match_stacked_heads`)
        printed over the box that heads the body under the stack go to the bodies without
        a head after it, in the order printed.  A tool that prints a row's heads together
        gives the heads of the stories beside the first one over that story's own head,
        right over its body, and then the bodies one after another: so when one box
        clearly names the body under the stack (``ANCHOR_NAMING``, more than any other
        box does), each box over it — one of ``MIN_LONE_GRAMS`` bigrams or more (a kicker
        is no box of its own: :func:`_boxes`) — heads one of the bodies after it, the
        first box the first body.  A box names its body in no word as often as not (the
        synthetic pages draw a few of their heads at random), so the order decides where
        affinity is weak.  The stack is dealt all or nothing: no box moves when there are
        more such boxes than free bodies, or when any box of the deal would go to a body
        that it names less than the body under the stack, or that the anchor names half
        as well as its own body (``ANCHOR_GOES_ON``: a later column of its story), or that
        is a column of a titled story nearby (``headless_homes`` would send it there:
        :meth:`_headless_home`) — one such pair and the order is in doubt
        for every box.  A box under the anchor stays: there it is as often the head's
        subtitle.  Setting ``stacked_heads_in_order``."""
        texts = ["".join(b.text for b in box) for box in boxes]
        under = [overlap(text, grams[index]) for text in texts]
        anchor = max(range(len(boxes)), key=lambda at: under[at])
        # (the anchor names its body past OWN_BODY_OVERLAP, so affinity never moved it; and
        # no box over it ends as a kicker does: _boxes keeps such a box with the one under it)
        if under[anchor] < ANCHOR_NAMING \
                or any(under[at] >= under[anchor] for at in range(len(boxes)) if at != anchor):
            return
        rest = [at for at in range(anchor) if at not in moved
                and len(bigrams(texts[at])) >= MIN_LONE_GRAMS]
        free = [at for at in bodies if at not in taken]
        if not rest or len(rest) > len(free):
            return
        pairs: list[_Pair] = []
        rare: list[set[str]] | None = None
        for at, target in zip(rest, free, strict=False):
            named = overlap(texts[at], grams[target])
            if named < under[at] \
                    or overlap(texts[anchor], grams[target]) >= ANCHOR_GOES_ON * under[anchor]:
                return
            if self.settings.headless_homes:
                rare = rare or [g - self._common for g in grams]
                if self._headless_home(target, rare) is not None:
                    return  # a column of a titled story nearby: headless homes sends it there
            pairs.append(_Pair(0.0, named, at, target))
        for pair in pairs:
            self._move_box(group, boxes[pair.head], pair, in_order=True)

    def _stack_pairs(self, boxes: list[list[Block]], index: int, bodies: list[int],
                     grams: list[set[str]]) -> list[_Pair]:
        """The boxes of a stack over article ``index`` that clearly name a body without a
        head in ``bodies`` (see :meth:`_match_stacked_heads`), each with the body it
        names best."""
        near = [i for i in range(max(0, index - self.settings.neighbours),
                                 min(len(self.arts), index + self.settings.neighbours + 1))
                if grams[i]]
        pairs: list[_Pair] = []
        for at, box in enumerate(boxes):
            text = "".join(b.text for b in box)
            if len(bigrams(text)) < MIN_LONE_GRAMS or overlap(text, grams[index]) > OWN_BODY_OVERLAP:
                continue
            scores = sorted(((overlap(text, grams[i]), -i) for i in near), reverse=True)
            score, neg = scores[0]
            if -neg not in bodies or score < UNTITLED_NAMING \
                    or len(bigrams(text) & grams[-neg]) < NAMING_GRAMS:
                continue
            second = scores[1][0] if len(scores) > 1 else 0.0
            if score <= second + SCORE_EPSILON:
                continue
            pairs.append(_Pair(score - second, score, at, -neg))
        return pairs

    def _move_box(self, group: _Group, box: list[Block], pair: _Pair, *,
                  in_order: bool = False) -> None:
        """Move a box of a stack to the body it names, with a byline printed right under
        it (not one under the whole stack: the body under the stack keeps that one)."""
        target: _Article = self.arts[pair.target]
        printed = list(group.titles)
        for line in box:
            group.titles.remove(line)
            target.moved_titles.append(line)
        self._carry_byline(group, printed, box[-1], target, over_body=True)
        target.flags.add("interleaved")
        if in_order:
            self.rec.change("a head printed with the heads of the stories beside it goes to "
                            "the next body without a head, in the order printed",
                            (box[0].start, box[-1].end),
                            f"another head names the body under them; {pair.score:.2f} of "
                            "its bigrams in this one")
            return
        self.rec.change("a head printed with the heads of the stories beside it goes to the "
                        "body it names", (box[0].start, box[-1].end),
                        f"{pair.score:.2f} of its bigrams in that body")
