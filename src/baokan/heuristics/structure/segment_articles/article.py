"""An article being built (its title groups, its body, the blocks beside it) and what is
asked of articles' bodies: their bigrams, how well a title names them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from baokan.core.document import Block, Kind
from baokan.core.marks import Tag
from baokan.core.text import BigramMemo, bigrams, han_count


@dataclass
class _Group:
    titles: list[Block]
    extras: list[Block] = field(default_factory=list)
    after: bool = False


@dataclass
class _Article:
    groups: list[_Group] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    extras: list[Block] = field(default_factory=list)
    closed: bool = False
    level: int | None = None
    flags: set[str] = field(default_factory=set)
    moved_titles: list[Block] = field(default_factory=list)
    grams: set[str] | None = None
    #: a scrap, no article (:meth:`_Segmenter._leave_scraps`): its text is left among
    #: the page's fragments
    scrap: bool = False
    #: how many subheads the walk set in the body (:meth:`_Segmenter._subhead`, less those
    #: a turning body hands the next story, plus an absorbed article's), kept so that
    #: :meth:`_Segmenter._next_section` need not count the body for every lone line; the
    #: passes after the walk cut and rebuild bodies without keeping it: count the body there
    subheads: int = 0

    def body_parts(self) -> list[str]:
        """The texts of the body's paragraphs: its text is their join."""
        return [b.text for b in self.body if b.kind == Kind.PARAGRAPH]

    def body_tail(self, chars: int) -> str:
        """The last ``chars`` characters of the body, read from its last paragraphs only."""
        return "".join(self.tail_parts(chars))

    def tail_parts(self, chars: int) -> list[str]:
        """:meth:`body_tail` as the texts it is made of: the last paragraphs whole, the
        first of them cut to what the tail takes of it."""
        parts: list[str] = []
        held = 0
        for block in reversed(self.body):
            if block.kind == Kind.PARAGRAPH:
                text = block.text
                if held + len(text) >= chars:
                    parts.append(text[len(text) - (chars - held):])
                    break
                parts.append(text)
                held += len(text)
        return parts[::-1]

    def body_grams(self, memo: BigramMemo) -> set[str]:
        """The bigrams of the body, once it is settled (after segmentation), kept."""
        if self.grams is None:
            self.grams = memo.of_joined(self.body_parts())
        return self.grams

    def has_title(self) -> bool:
        return any(g.titles for g in self.groups)

    def all_extras(self) -> list[Block]:
        """The blocks beside the body: the article's own, then each title group's."""
        return [*self.extras, *(b for g in self.groups for b in g.extras)]

    def has_opening_byline(self) -> bool:
        """Whether a byline opens the article (one printed with its body or its head)."""
        return any(b.kind == Kind.BYLINE and b.opens_article for b in self.all_extras())

    def absorb(self, other: _Article, *, body_first: bool = False,
               extras_first: bool = False) -> None:
        """Take ``other``'s body, the blocks beside it (its own and its title groups', a
        group its lines left) and its flags: it is more of this.  Its body goes after
        this one's, or before it (``body_first``: it was printed before); its blocks
        beside the body after this one's, or before them (``extras_first``: its byline
        opens the joined story)."""
        if body_first:
            self.body[:0] = other.body
        else:
            self.body.extend(other.body)
        if extras_first:
            self.extras[:0] = other.all_extras()
        else:
            self.extras.extend(other.all_extras())
        self.flags |= other.flags
        self.subheads += other.subheads
        self.grams = None


def _joined_grams(memo: BigramMemo, first: _Article, second: _Article) -> set[str]:
    """The bigrams of ``first``'s body followed by ``second``'s, as
    :meth:`_Article.body_grams` would give them once ``first`` took ``second``'s body:
    each body's, and the pair the join makes of the last Han character of the one and
    the first of the other (a paragraph with none is skipped over, as in
    :meth:`BigramMemo.of_joined`)."""
    grams = first.body_grams(memo) | second.body_grams(memo)
    last = next((b.text for b in reversed(first.body)
                 if b.kind == Kind.PARAGRAPH and han_count(b.text)), None)
    head = next((b.text for b in second.body
                 if b.kind == Kind.PARAGRAPH and han_count(b.text)), None)
    if last is not None and head is not None:
        grams |= memo.of_joined([last, head])
    return grams


def _title_over_a_stray(art: _Article) -> bool:
    """Whether an article is a title over one paragraph and nothing that opens it (no
    dateline, no byline).  When a dateline or an opening byline comes next, it opens this
    title's article: the paragraph between is a piece the tool set down between a title
    and its body (a caption, another column's text), not the whole of a titled article
    (``乡村书屋开门迎客`` / ``图为…… 图/X`` / ``本报讯（记者 Y）…``).  A paragraph cut off
    its block flush (``starts:flush``) is one with the paragraph it was cut from."""
    if not art.has_title() or any(g.after for g in art.groups):
        return False
    if any(b.opens_article for b in art.extras) \
            or any(b.opens_article for g in art.groups for b in g.extras):
        return False
    return sum(1 for b in art.body
               if b.kind == Kind.PARAGRAPH and Tag.STARTS_FLUSH not in b.tags) == 1


def overlap(title: str, body_grams: set[str]) -> float:
    """The share of a title's Han bigrams that also stand in a body."""
    grams = bigrams(title)
    if not grams:
        return 0.0
    return len(grams & body_grams) / len(grams)


class _PageGrams:
    """In how many bodies of the page each bigram stands: counted when first asked (by a
    head whose headline its body never names, or a title line the body names over a
    dash-led subtitle: :func:`_stray_title`), then kept."""

    def __init__(self, arts: list[_Article], memo: BigramMemo) -> None:
        self._arts = arts
        self._memo = memo
        self._counts: Counter[str] | None = None

    def count(self, gram: str) -> int:
        if self._counts is None:
            self._counts = Counter()
            for art in self._arts:
                self._counts.update(art.body_grams(self._memo))
        return self._counts.get(gram, 0)
