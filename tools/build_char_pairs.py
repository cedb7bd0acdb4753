"""Build ``src/baokan/data/char_pairs.txt.gz``: how strongly two Han characters go together.

The table is a prior for :mod:`baokan.core.lexicon`: which pairs of adjacent Han
characters are word-internal in general Chinese (``电视``, ``先进``), so that a pair
across a line break that a short page never shows elsewhere can still say that the two
lines go on one from the other.  It is made from jieba's dictionary (``dict.txt`` of
jieba 0.42.1, MIT licence, https://github.com/fxsjy/jieba): one word a line, with its
frequency in jieba's corpus and its part of speech.  jieba is *not* a dependency of
baokan: this script reads the file whose path it is given, with the standard library.

For every word, each pair of adjacent Han characters inside it counts the word's
frequency.  A pair's association is its pointwise mutual information against its
characters' frequencies as left and right members of such pairs:
``log(count(ab) * total / (left(a) * right(b)))``.  Kept: the pairs counted at least
``--min-count`` times (rarer pairs are noise: their association is inflated by small
counts) whose association is at least ``--min-association`` (below it a pair is about as
likely across a random break as across a real one, so it says nothing), rounded down to
``--step``.

Output (gzip, deterministic: no time stamp): a header of ``#`` lines (provenance and
licence); a line ``levels<TAB>a=2 b=2.5 …`` naming each association level by a one-letter
code (lowest first); then one line per first character of a kept pair, in order,
``FIRST<TAB>SECONDS<TAB>CODES``: the characters that follow FIRST in a kept pair, sorted,
and each one's level code, in the same order.  A reader finds a pair's level with one
dictionary access (FIRST) and one search of a short string (SECONDS), without building
an entry for each of the table's pairs.

Usage::

    python tools/build_char_pairs.py /path/to/jieba/dict.txt src/baokan/data/char_pairs.txt.gz
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import math
import re
import string
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

#: a Han character (CJK unified ideographs, extension A, compatibility ideographs)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

HEADER = """\
# baokan character-pair prior: pairs of adjacent Han characters inside the words of a
# general Chinese dictionary, with their association (pointwise mutual information).
# Source: jieba 0.42.1, jieba/dict.txt (https://github.com/fxsjy/jieba), MIT licence,
# Copyright (c) 2013 Sun Junyi.  Derived by tools/build_char_pairs.py
# (min count {min_count}, min association {min_association}, step {step}).
# Format: `levels<TAB>CODE=LEVEL ...`, LEVEL the association rounded down to the step;
# then FIRST<TAB>SECONDS<TAB>CODES a line: each character of SECONDS follows FIRST in a
# kept pair, whose level is the code at the same place in CODES.
"""
#: The codes of the levels, lowest first (one character each: 62 levels, 31 units of
#: association at the default step, where the table has 26).
CODES = string.ascii_letters + string.digits


def count_pairs(lines: Iterable[str]) -> Counter[str]:
    """The pairs of adjacent Han characters inside the words of ``lines`` (jieba's
    ``word frequency [pos]`` format), each counted with its word's frequency."""
    pairs: Counter[str] = Counter()
    for line in lines:
        fields = line.split()
        if len(fields) < 2 or not fields[1].isdigit():
            continue
        word, freq = fields[0], int(fields[1])
        for left, right in itertools.pairwise(word):
            if HAN.fullmatch(left) and HAN.fullmatch(right):
                pairs[left + right] += freq
    return pairs


def associations(pairs: Counter[str], min_count: int) -> dict[str, float]:
    """The pointwise mutual information of each pair counted ``min_count`` times or more."""
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for pair, count in pairs.items():
        left[pair[0]] += count
        right[pair[1]] += count
    total = sum(pairs.values())
    return {pair: math.log(count * total / (left[pair[0]] * right[pair[1]]))
            for pair, count in pairs.items() if count >= min_count}


def table(lines: Iterable[str], min_count: int, min_association: float,
          step: float) -> str:
    """The text of the table (see the module's docstring)."""
    kept = {pair: math.floor(pmi / step) * step
            for pair, pmi in associations(count_pairs(lines), min_count).items()
            if pmi >= min_association}
    levels = sorted(set(kept.values()))
    if len(levels) > len(CODES):
        raise ValueError(f"{len(levels)} levels: more than {len(CODES)} codes (a larger step)")
    code = dict(zip(levels, CODES))
    seconds: defaultdict[str, list[str]] = defaultdict(list)
    for pair in sorted(kept):
        seconds[pair[0]].append(pair[1])
    out = [HEADER.format(min_count=min_count, min_association=min_association, step=step),
           "levels\t" + " ".join(f"{code[level]}={level:g}" for level in levels) + "\n"]
    for first, after in seconds.items():
        codes = "".join(code[kept[first + second]] for second in after)
        out.append(f"{first}\t{''.join(after)}\t{codes}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", type=Path, help="jieba's dict.txt")
    parser.add_argument("output", type=Path, help="the table to write (.gz)")
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--min-association", type=float, default=2.0)
    parser.add_argument("--step", type=float, default=0.5)
    args = parser.parse_args(argv)
    with args.dictionary.open(encoding="utf-8") as lines:
        text = table(lines, args.min_count, args.min_association, args.step)
    with args.output.open("wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
