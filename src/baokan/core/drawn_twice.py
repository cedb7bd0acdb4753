"""Text the PDF drew twice (fake bold) and a tool printed twice.

Papers fake a bold headline (and sometimes a masthead) by drawing its text twice, the
second copy offset by a hair.  ``pdftotext`` drops the exact copy; PyMuPDF and pdfminer
print both: the same line twice in a row (``美国经济`` / ``美国经济``), one line holding
its text twice over (``西华：西华：``), every word of a line twice (``77 理论理论``), or
pieces of the title interleaved (``新时代：`` / ``新时代：发展新方位`` / ``发展新方位``).
The tests here say whether a text is such a copy; the heuristics that meet one (the line
join, the masthead, the article split) decide what to do with it, each with its own
thresholds.
"""

from __future__ import annotations

from baokan.core.text import han_count


def squeezed(text: str) -> str:
    """``text`` without its spaces: two copies of a line differ in spacing only."""
    return "".join(text.split())


def doubled_half(text: str, min_half: int = 1, min_han: int = 0) -> int:
    """How many characters (spaces aside) the first half of ``text`` holds when ``text``
    is one text twice over (``西华：西华：`` → 3), each half at least ``min_half``
    characters long with at least ``min_han`` Han ones; 0 when it is not."""
    key = squeezed(text)
    half = len(key) // 2
    if len(key) % 2 or half < min_half or key[:half] != key[half:] \
            or (min_han and han_count(key[:half]) < min_han):
        return 0
    return half


def cut_after(text: str, count: int) -> tuple[str, str]:
    """``text`` split after its first ``count`` characters that are not spaces (the
    whole of ``text`` and nothing when it holds fewer)."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
            if seen == count:
                return text[:i + 1], text[i + 1:]
    return text, ""


def same_text(first: str, second: str, min_han: int = 0) -> bool:
    """Whether two lines hold the same text, spaces aside, with at least ``min_han`` Han
    characters: the second is a copy of the first."""
    key = squeezed(first)
    return key == squeezed(second) and (not min_han or han_count(key) >= min_han)


def words_once(text: str) -> str | None:
    """``77 理论理论`` → ``7 理论``: a line of two words or more, with a Han character,
    every word of which is printed twice over, read once; None for any other line."""
    words = text.split()
    if len(words) < 2 or any(len(w) % 2 or w[: len(w) // 2] != w[len(w) // 2:]
                             for w in words) or not han_count(text):
        return None
    return " ".join(w[: len(w) // 2] for w in words)
