"""Drop paragraphs that the extraction tool emitted twice."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.registry import heuristic

_fold = regex.compile(r"[\s\p{P}\p{S}]+")
_ANCHORS = frozenset({Kind.BYLINE, Kind.DATELINE}) | Kind.TITLES

#: From this many characters on, a paragraph is compared by a sample of its pieces: a
#: long one has pieces enough that a sample still tells a copy from another text, and
#: its pieces are where the cost lies; a shorter one keeps all, its sample would be thin.
_MIN_SAMPLED_CHARS = 80
#: The sample keeps the pieces whose first character's code point is a multiple of this:
#: chosen by content, so both copies of a text keep the same pieces, at this fraction of
#: the cost.
_SAMPLE_ONE_IN = 4
#: A sample of fewer pieces than this is not used (all pieces are): with so few, one OCR
#: difference moves the share of pieces found past ``min_containment`` either way.
_MIN_SAMPLE_PIECES = 8
#: Two near copies are "of one size" when the shorter has at least this share of the
#: longer's characters: then where they stand decides which is kept, as for exact copies
#: (an OCR variant); a copy shorter than that was cut short, and the longer is kept.
_SAME_SIZE_SHARE = 0.9
#: What standing after a title, byline or dateline adds to a copy's placement, and what
#: standing before a title takes away: equal, so a copy between a title and the next
#: article's title is placed no better than one between two paragraphs.
_PLACEMENT_STEP = 2
#: At most this many rounds of dropping: a page of copies of copies settles in two.
MAX_ROUNDS = 4


def dedup_key(text: str) -> str:
    """The text with white space, punctuation and symbols removed (width-insensitive)."""
    return _fold.sub("", text)


@attrs.frozen
class DedupSettings:
    """Settings of ``drop-duplicates``.

    ``min_chars``: the shortest paragraph compared (after folding); a shorter one, a stock
    phrase or a credit, may well be printed twice on purpose.  ``near``: also drop near
    copies, a paragraph at least ``min_containment`` of whose ``shingle``-character pieces
    are in another paragraph no more than ``1 / min_ratio`` times as long (OCR variants, a
    copy cut short); pieces of five characters rarely recur between different texts, and
    one OCR error spoils only five of them.  ``max_postings``: how many paragraphs one
    piece is looked up in, which keeps the index linear however repetitive the page.
    """

    min_chars: int = 12
    near: bool = True
    shingle: int = 5
    min_containment: float = 0.8
    min_ratio: float = 0.5
    max_postings: int = 8


#: For each byte, 1 if a code point whose low byte it is starts a piece of the sample, else
#: 0: the low byte of a code point has the code point's remainder by ``_SAMPLE_ONE_IN``
#: (a divisor of 256), so the sample is picked by C code, not by a Python loop a character.
_SAMPLED_LOW_BYTE = bytes(int(b % _SAMPLE_ONE_IN == 0) for b in range(256))


def _shingles(key: str, k: int) -> set[str]:
    if len(key) < k:
        return {key}
    # the pieces are sliced by map/compress in C: this runs over every paragraph's text
    bounds = zip(range(len(key) - k + 1), range(k, len(key) + 1))
    if len(key) >= _MIN_SAMPLED_CHARS:
        # a content-defined sample: both copies of a text keep the same pieces
        low_bytes = key.encode("utf-32-le", "surrogatepass")[::4]
        kept = itertools.compress(bounds, low_bytes.translate(_SAMPLED_LOW_BYTE))
        sample = set(map(key.__getitem__, itertools.starmap(slice, kept)))
        if len(sample) >= _MIN_SAMPLE_PIECES:
            return sample
        bounds = zip(range(len(key) - k + 1), range(k, len(key) + 1))
    return set(map(key.__getitem__, itertools.starmap(slice, bounds)))


def near_copies(keys: dict[int, str], pieces: Mapping[int, set[str]],
                settings: DedupSettings) -> list[tuple[int, int]]:
    """Pairs ``(copy, original)``: ``copy`` is (nearly) contained in the longer ``original``.

    A shingle index: each paragraph is compared only with the earlier paragraphs that
    share a piece with it, and each piece lists at most ``max_postings`` paragraphs.
    ``pieces``: each key's pieces, ``_shingles(key, settings.shingle)`` (only read: the
    caller may keep them for its next round).
    """
    index: dict[str, list[int]] = defaultdict(list)
    # a piece that one paragraph alone holds (most of them) is shared with none: it is
    # left out of the index (in how many paragraphs each piece stands, counted in C)
    holders = Counter(itertools.chain.from_iterable(pieces.values()))
    pairs: list[tuple[int, int]] = []
    for i in sorted(keys):
        # each piece once (a set), so each posting list once: looked up and counted in C,
        # and not counted at all when no earlier paragraph shares a piece (most of them)
        own = pieces[i]
        shareable = itertools.compress(own, map((1).__lt__, map(holders.__getitem__, own)))
        postings = list(map(index.__getitem__, shareable))
        shared = Counter(itertools.chain.from_iterable(postings)) if any(postings) else {}
        for j, count in sorted(shared.items()):
            small, large = (i, j) if len(keys[i]) <= len(keys[j]) else (j, i)
            if (len(keys[small]) >= settings.min_ratio * len(keys[large])
                    and count >= settings.min_containment * len(pieces[small])):
                pairs.append((small, large))
        for posting in postings:
            if len(posting) < settings.max_postings:
                posting.append(i)
    return pairs


def _placement(blocks: list[Block], i: int, dup: set[int]) -> int:
    """How well block ``i`` stands in an article: after a title or byline is good, before
    a title (spilled over from the next article) is bad."""
    score = 0
    j = i - 1
    while j >= 0 and j in dup:
        j -= 1
    if j >= 0 and blocks[j].kind in _ANCHORS:
        score += _PLACEMENT_STEP
    k = i + 1
    while k < len(blocks) and k in dup:
        k += 1
    if k < len(blocks) and blocks[k].kind in Kind.TITLES:
        score -= _PLACEMENT_STEP
    return score


@heuristic("drop-duplicates", settings=DedupSettings, requires={Stage.TITLES},
           reads={Kind.TEXT, Kind.PARAGRAPH, Kind.TITLE, Kind.BYLINE, Kind.DATELINE},
           accepts=Kind.TITLES, provides={Stage.DEDUPLICATED})
def drop_duplicates(doc: Document, settings: DedupSettings) -> Document:
    """Keep one copy of a paragraph printed twice: the one that stands in its article.

    Cue: equal text after white space and punctuation are folded (a hash index), or
    most of a paragraph's 5-character pieces found in another of similar length (a
    shingle index); both linear in the dump.  Of copies of one size, the one after a
    title or byline is kept and the one before a title (spilled over from the next
    article) is dropped, else the first; of a short and a long copy, the long one.
    """
    rec = Recorder("drop-duplicates")
    blocks = list(doc.blocks)
    # each text's key and each key's pieces, worked out in the first round: a later round
    # reads the same paragraphs less the copies dropped
    folded: dict[str, str] = {}
    shingled: dict[str, set[str]] = {}
    # a copy dropped changes what stands around the others and which copies are nearest:
    # rounds are made until one drops nothing, so that running the step twice is once
    for _ in range(MAX_ROUNDS):
        kept = _drop_round(blocks, settings, rec, folded, shingled)
        if len(kept) == len(blocks):
            break
        blocks = kept
    return rec.apply(doc, blocks)


def _drop_round(blocks: list[Block], settings: DedupSettings, rec: Recorder,
                folded: dict[str, str], shingled: dict[str, set[str]]) -> list[Block]:
    """One round of :func:`drop_duplicates`: the blocks with the copies found dropped
    (``folded`` and ``shingled``: the texts' keys and the keys' pieces, kept across rounds)."""
    keys: dict[int, str] = {}
    for i, block in enumerate(blocks):
        if block.kind in (Kind.PARAGRAPH, Kind.TEXT):
            key = folded.get(block.text)
            if key is None:
                key = folded[block.text] = dedup_key(block.text)
            if len(key) >= settings.min_chars:
                keys[i] = key
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in keys.items():
        groups[key].append(i)
    copies = {i for members in groups.values() if len(members) > 1 for i in members}
    drop: dict[int, int] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        keep = max(members, key=lambda i: (_placement(blocks, i, copies), -i))
        drop.update((i, keep) for i in members if i != keep)
    if settings.near:
        firsts = {members[0]: key for key, members in groups.items()}
        pieces: dict[int, set[str]] = {}
        for i, key in firsts.items():
            own = shingled.get(key)
            if own is None:
                own = shingled[key] = _shingles(key, settings.shingle)
            pieces[i] = own
        for small, large in near_copies(firsts, pieces, settings):
            if small in drop or large in drop:
                continue
            same_size = len(keys[small]) >= _SAME_SIZE_SHARE * len(keys[large])
            both = {small, large}
            keep = (max(both, key=lambda i: (_placement(blocks, i, both), -i)) if same_size
                    else large)
            gone = small if keep == large else large
            drop[gone] = keep
    for i in sorted(drop):
        keep = drop[i]
        exact = keys[i] == keys[keep]
        rec.dropped(blocks[i].text, "duplicate", blocks[i].span,
                    f"{'duplicate' if exact else 'near duplicate'} of lines "
                    f"{blocks[keep].start}-{blocks[keep].end}")
    return [b for i, b in enumerate(blocks) if i not in drop]
