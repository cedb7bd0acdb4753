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

The table is read once per process, when first asked for (about 49 000 pairs, 143 kB
packed), into one entry per first character of a pair (about 4 600): a look-up is one
dictionary access and a search of the few characters that follow that one in a pair.
"""

from __future__ import annotations

import gzip
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


#: The table in memory: for each first character of a pair, the characters that follow
#: it in a pair (a string) and each one's level code (a string, in the same order); and
#: each code's level.
Table = tuple[dict[str, tuple[str, str]], dict[str, float]]


def parse_table(text: str) -> Table:
    """The table of the text ``tools/build_char_pairs.py`` writes (see its docstring): one
    entry per first character (about 4 600), none per pair."""
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not rows:
        return {}, {}
    _, codes = rows[0].split("\t")
    levels = {code: float(level)
              for code, level in (item.split("=") for item in codes.split())}
    firsts: dict[str, tuple[str, str]] = {}
    for row in rows[1:]:
        first, seconds, row_codes = row.split("\t")
        firsts[first] = (seconds, row_codes)
    return firsts, levels


@lru_cache(maxsize=1)
def _table() -> Table:
    raw = resources.files("baokan").joinpath(_TABLE).read_bytes()
    return parse_table(gzip.decompress(raw).decode("utf-8"))


def _level(pair: str) -> float | None:
    """The level of the two characters ``pair`` in the table, or None."""
    firsts, levels = _table()
    row = firsts.get(pair[0])
    if row is None:
        return None
    at = row[0].find(pair[1])  # one character: the seconds are distinct Han characters
    return None if at < 0 else levels[row[1][at]]


def pair_association(left: str, right: str) -> float | None:
    """How strongly the Han character ``left`` followed by ``right`` belongs together in
    general Chinese: the pair's pointwise mutual information inside the words of a
    general dictionary (2.0 to about 12, in steps of 0.5), or None if the pair is not a
    common word-internal pair there (rare, weak, or not both Han characters)."""
    pair = left + right
    return _level(pair) if len(pair) == 2 else None


def pair_at_least(left: str, right: str, association: float) -> bool:
    """Whether :func:`pair_association` of ``left`` and ``right`` is at least
    ``association`` (False for a pair the table does not hold)."""
    pair = left + right
    if len(pair) != 2:
        return False
    level = _level(pair)
    return level is not None and level >= association


def breaks_word(line: str, after: str) -> bool:
    """Whether the break between the printed line ``line`` and the line ``after`` under it
    falls inside a word of general Chinese: the pair of ``line``'s last character and
    ``after``'s first is at least :data:`WORD_BREAK_ASSOCIATION` (``…此外，双`` /
    ``方还释放了…``).  Spaces at the break are not looked at."""
    return pair_at_least(line.rstrip()[-1:], after.lstrip()[:1], WORD_BREAK_ASSOCIATION)
