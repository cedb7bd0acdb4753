"""A general prior on pairs of Han characters: which pairs are inside words of Chinese.

A page's own text says which pairs of characters go together on that page
(:class:`baokan.core.columns.PairStats`); on a short or varied page the pair across a
line break (``…广播电`` / ``视先进县…``: ``电视``) is often one the page never shows
elsewhere.  This module gives what general Chinese says about such a pair: the packaged
table ``data/char_pairs.txt.gz``, made by ``tools/build_char_pairs.py`` from jieba's
dictionary (jieba 0.42.1, ``dict.txt``, MIT licence; see the table's header and
``data/README.md``).  For each pair of adjacent Han characters inside the dictionary's
words, counted with the words' frequencies, it holds the pair's pointwise mutual
information against its characters' frequencies, rounded down to half a unit, for the
pairs counted 20 times or more whose association is 2 or more (weaker or rarer pairs
are about as common across a random break as across a real one, so they are left out).

The table is read once per process, when first asked for (about 49 000 pairs, 176 kB
packed); a look-up is one dictionary access.
"""

from __future__ import annotations

import gzip
import operator
from functools import lru_cache
from importlib import resources

_TABLE = "data/char_pairs.txt.gz"
#: The least association (:func:`pair_at_least`) of the last character of a line that
#: stops mid-clause and the first of the line after it for the break to fall inside a
#: word (``…此外，双`` / ``方还释放了…``: 双方): the text goes on, no head or subhead
#: starts there.  On the diagnostic pages (800 dumps) a short line after such a body line
#: that goes on with its sentence makes a pair this close 78 times in 211, a title line 7
#: times in 493; on the synthetic pages (dev and s501) no true subhead makes one with
#: the first word of its section.
WORD_BREAK_ASSOCIATION = 4.0


@lru_cache(maxsize=1)
def _pairs() -> dict[str, float]:
    raw = resources.files("baokan").joinpath(_TABLE).read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        level, pairs = line.split("\t", 1)
        value = float(level)
        table.update(dict.fromkeys(map(operator.add, pairs[::2], pairs[1::2]), value))
    return table


def pair_association(left: str, right: str) -> float | None:
    """How strongly the Han character ``left`` followed by ``right`` belongs together in
    general Chinese: the pair's pointwise mutual information inside the words of a
    general dictionary (2.0 to about 12, in steps of 0.5), or None if the pair is not a
    common word-internal pair there (rare, weak, or not both Han characters)."""
    return _pairs().get(left + right)


@lru_cache(maxsize=1)
def _levels() -> tuple[tuple[float, str], ...]:
    """The table's levels, each with its pairs written one after another, sorted (as
    ``tools/build_char_pairs.py`` writes them): read without building the dictionary of
    :func:`_pairs` (a thirtieth of its cost), for callers that ask about a few pairs."""
    raw = resources.files("baokan").joinpath(_TABLE).read_bytes()
    levels: list[tuple[float, str]] = []
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            level, pairs = line.split("\t", 1)
            levels.append((float(level), pairs))
    return tuple(levels)


def _holds(pairs: str, pair: str) -> bool:
    """Whether the sorted run of two-character pairs ``pairs`` holds ``pair`` (binary
    search over the pairs' even offsets)."""
    lo, hi = 0, len(pairs) // 2
    while lo < hi:
        mid = (lo + hi) // 2
        here = pairs[2 * mid:2 * mid + 2]
        if here == pair:
            return True
        if here < pair:
            lo = mid + 1
        else:
            hi = mid
    return False


def pair_at_least(left: str, right: str, association: float) -> bool:
    """Whether :func:`pair_association` of ``left`` and ``right`` is at least
    ``association``, found by binary search in the table's levels: the same answer, for
    a step that asks about a few pairs a page (the table is read once, not built into a
    dictionary)."""
    pair = left + right
    if len(pair) != 2:
        return False
    return any(level >= association and _holds(pairs, pair) for level, pairs in _levels())
