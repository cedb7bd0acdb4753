"""What the walk over the page holds (the articles so far, the open one) and the page's
rare bigrams, by which bodies and titles are compared.
"""

from __future__ import annotations

import itertools
from collections import Counter

from baokan.core.document import Block, Kind, Recorder
from baokan.core.marks import Tag
from baokan.core.text import BigramMemo, bigrams
from baokan.heuristics.structure.segment_articles.article import _Article, _Group
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings

#: Ties between two split points of a title run go to the earlier one (floating sums).
SCORE_EPSILON = 1e-9

#: A bigram held by more than this share of the page's paragraphs says nothing about what
#: one paragraph is about (page-wide words: the town, the campaign).
COMMON_GRAM_SHARE = 0.2

#: A paragraph names a title when it holds this many of the title's rare bigrams.
NAMING_GRAMS = 2

#: A title line sharing more than this share of its bigrams with its own body stays there.
OWN_BODY_OVERLAP = 0.1

#: A lone title line over a body needs this many bigrams to be moved to a body without a
#: title it names: fewer say little (``1997年6月`` is the one pair 年月, which any date
#: in any body makes).
MIN_LONE_GRAMS = 4

#: How much body text on either side of a title run its topic is read from (characters).
AFFINITY_CHARS = 400
#: Below this many characters on either side there is too little text to tell a topic.
MIN_AFFINITY_CHARS = 100


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


class _PageState:
    """The page's blocks and the articles read from them so far, the one open, and the
    page's rare bigrams."""

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
        #: each part taken off a body that held two stories by turns, and that body's article
        self.parted: list[tuple[_Article, _Article]] = []
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

    def _rare_grams(self, text: str) -> frozenset[str]:
        """The bigrams of ``text`` that say what it is about: held by one paragraph of the
        page at most, or by few of its paragraphs."""
        return bigrams(text) - self._common

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

    def _block_at(self, index: int) -> Block | None:
        return self.blocks[index] if index < len(self.blocks) else None
