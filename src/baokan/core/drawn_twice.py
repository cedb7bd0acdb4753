"""Text the PDF drew twice (fake bold) and a tool printed twice.

Papers fake a bold headline (and sometimes a masthead) by drawing its text twice, the
second copy offset by a hair.  ``pdftotext`` drops the exact copy; PyMuPDF and pdfminer
print both: the same line twice in a row (``美国经济`` / ``美国经济``), one line holding
its text twice over (``西华：西华：``), every word of a line twice (``77 理论理论``), or
pieces of the title interleaved (``新时代：`` / ``新时代：发展新方位`` / ``发展新方位``);
pymupdf4llm prints the copy a character at a time around the whole title
(``打 造有温度的医保服务造 有 温 度``).  The tests here say whether a text is such a
copy; the heuristics that meet one (the line join, the masthead, the markdown headings,
the article split) decide what to do with it, each with its own thresholds.
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


#: The fewest characters a letter-spaced copy holds: one character found again is no cue.
_MIN_SPACED_COPY = 2


def spaced_copies(text: str) -> tuple[str, tuple[str, ...]]:
    """``打 造有温度的医保服务造 有 温 度`` → (``打 造有温度的医保服务``, (``造有温度``,)):
    a line without the letter-spaced copies of its own text, and the copies.

    pymupdf4llm prints a title drawn twice (fake bold) once whole and the copy's
    characters one by one, spaced apart, around it; a character of the copy next to the
    whole text is glued onto it (``服务造``, ``我 报我报考``).  A run of one-character words
    (with the character glued on either side, when that reads as a copy) whose text is
    found again inside another word of the line is such a copy.  A line of one-character
    words only (a title letter-spaced) has nothing to be a copy of, and is left whole.
    """
    words = text.split()
    if len(words) < 2 or all(len(w) == 1 for w in words):
        return text, ()
    copies: list[str] = []
    i = 0
    while i < len(words):
        if len(words[i]) != 1:
            i += 1
            continue
        j = i
        while j < len(words) and len(words[j]) == 1:
            j += 1
        run = "".join(words[i:j])
        found = _copy_of(words, i, j, run)
        if found is None:
            i = j
            continue
        copy, left, right = found
        if left:
            words[i - 1] = words[i - 1][:-1]
        if right:
            words[j] = words[j][1:]
        copies.append(copy)
        del words[i:j]
    if not copies:
        return text, ()
    return " ".join(w for w in words if w), tuple(copies)


def _copy_of(words: list[str], i: int, j: int, run: str) -> tuple[str, bool, bool] | None:
    """The copy the one-character words ``words[i:j]`` spell (with the character glued
    on the word before, or after, when the copy goes on there), and which side it took
    a character from; None when their text is found in no other word of the line."""
    before = words[i - 1] if i and len(words[i - 1]) > 1 else ""
    after = words[j] if j < len(words) and len(words[j]) > 1 else ""
    others = [w for k, w in enumerate(words) if not i - 1 <= k <= j and len(w) > 1]
    tries = []
    if before:
        tries.append((before[-1] + run, True, False, before[:-1]))
    if after:
        tries.append((run + after[0], False, True, after[1:]))
    tries.append((run, False, False, ""))
    for copy, left, right, rest in tries:
        if len(copy) < _MIN_SPACED_COPY or han_count(copy) < _MIN_SPACED_COPY:
            continue
        hosts = [*others, rest] if (left or right) else [*others, before, after]
        if left:
            hosts.append(after)
        if right:
            hosts.append(before)
        if any(copy in w for w in hosts if w):
            return copy, left, right
    return None
