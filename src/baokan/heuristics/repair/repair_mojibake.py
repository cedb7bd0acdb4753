"""Repair mojibake: Chinese text whose bytes were decoded with the wrong codec.

Two kinds reach us in dumps: UTF-8 bytes read as GBK (``涓枃`` for ``中文``) and GBK
bytes read as Latin-1 or cp1252 (``ÖÐÎÄ`` for ``中文``).  ftfy repairs neither for GB
encodings.  The repair re-encodes a line with the codec that was wrongly used and decodes
the bytes with the right one; it is kept only when the result reads as Chinese far better
than the line did.  "Reads as Chinese" is measured without any data file: the share of
Han characters that are in GB2312's first level, the 3,755 characters of everyday text.
"""

from __future__ import annotations

import re

import attrs
import regex

from baokan.core.document import Block, Document, Recorder
from baokan.core.marks import Stage
from baokan.core.registry import heuristic
from baokan.models import Dropped

_han = regex.compile(r"\p{Han}")
# the characters GBK bytes become when read as Latin-1: every GBK character's lead byte is
# 0x81-0xFE, and those of everyday characters (0xB0-0xF7) all read as U+00B0-U+00F7
_latin_cue = regex.compile(r"[\u0080-\u00ff]")

#: How much of a line, before and after, the change record quotes: enough to recognise it.
_QUOTED_CHARS = 20

#: (name, codec the bytes were wrongly read with, codec they were written in)
_REPAIRS = (
    ("utf-8 read as gbk", "gb18030", "utf-8"),
    ("gbk read as latin-1", "latin-1", "gb18030"),
    ("gbk read as cp1252", "cp1252", "gb18030"),
)


#: GB2312's first level (everyday characters) is rows 16-55, lead bytes 0xB0-0xD7, with
#: trail bytes 0xA1-0xFE in every row: the standard's layout, not a choice
_LEVEL_ONE_LEADS = range(0xB0, 0xD8)
_ROW_TRAILS = range(0xA1, 0xFF)


def _gb2312_level_one() -> frozenset[str]:
    chars = set()
    for lead in _LEVEL_ONE_LEADS:
        for trail in _ROW_TRAILS:
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # D7FA–D7FE are unassigned
    return frozenset(chars)


#: The 3,755 characters of GB2312 level 1: everyday Chinese (immutable, built at import).
_EVERYDAY = _gb2312_level_one()
# runs of everyday characters, taken out of a text in one C pass (``re``: its class of
# listed characters is a bitmap look-up, faster than ``str.translate``): what is left
# (ASCII, marks, rarer characters) is what the questions below look at one by one
_everyday_runs = re.compile("[" + re.escape("".join(sorted(_EVERYDAY))) + "]+")


def common_han_share(text: str) -> float:
    """The share of Han characters in ``text`` that belong to GB2312 level 1 (0 if none).

    Everyday Chinese scores above 0.9; GBK mojibake of UTF-8 scores far lower, because it
    is made of whatever characters the byte pairs happen to name.
    """
    hans = len(_han.findall(text))
    return (len(text) - len(_everyday_runs.sub("", text))) / hans if hans else 0.0


#: The most frequent characters of written Chinese: running text is about a third made of
#: them (0.32-0.44 on the pool's pages), characters picked at random from GB2312 level 1
#: three in a hundred (115 of 3,755).
_FREQUENT = frozenset("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子"
                      "那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看"
                      "定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公")


_DROP_FREQUENT = dict.fromkeys(map(ord, _FREQUENT))


def frequent_share(text: str) -> float:
    """The share of Han characters in ``text`` that are among the most frequent ones."""
    hans = len(_han.findall(text))
    return (len(text) - len(text.translate(_DROP_FREQUENT))) / hans if hans else 0.0


def _redecode(text: str, wrong: str, right: str) -> tuple[str, int] | None:
    """Re-encode with the codec wrongly used, decode with the right one: (text, chars lost)."""
    try:
        # the wrong decode may have put U+FFFD for bytes it could not read: those bytes
        # are lost, and the characters they belonged to come back as U+FFFD
        raw = text.replace("\ufffd", "").encode(wrong)
    except UnicodeEncodeError:
        return None
    fixed = raw.decode(right, errors="replace")
    return fixed, fixed.count("\ufffd")


#: A repair may lose this many characters (to U+FFFD) however short it is: a line cut
#: from its neighbours loses the odd byte at either end without being any less a repair.
_LOST_ALLOWED = 2
#: ... and a longer one up to one per this many Han characters it yields: more lost than
#: that, and the result is byte soup with a few lucky pairs, not the line's text.
_LOST_ONE_IN = 3
#: A repair must yield at least this many Han characters: fewer, and a byte pair or two
#: that happen to name everyday characters would pass the share test by chance.
_MIN_REPAIRED_HAN = 4
#: From this many Han characters on, a repair must also hold frequent characters: a
#: shorter one (``献。``) may well have none, a longer one of real text has two or more
#: where byte soup has fewer than one.
_MIN_HAN_FOR_FREQUENT = 12
#: The share of frequent characters that longer repair must reach: twice what characters
#: drawn at random from GB2312 level 1 give (0.03), a fifth of running text's (0.3 and up).
_MIN_FREQUENT_SHARE = 0.06


def _reads_better(before: str, after: str, lost: int, min_share: float, min_gain: float) -> bool:
    # a repair yields no more Han characters than the characters it did not lose (``lost``
    # is the count of U+FFFD in ``after``, as :func:`_redecode` gives it): one that lost
    # more than that allows fails before its characters are counted (byte soup, the
    # common case on a page of Chinese with a Latin-1 mark in it)
    if lost > max(_LOST_ALLOWED, (len(after) - lost) // _LOST_ONE_IN):
        return False
    hans = len(_han.findall(after))
    share = common_han_share(after)
    return (share >= min_share and share >= common_han_share(before) + min_gain
            and lost <= max(_LOST_ALLOWED, hans // _LOST_ONE_IN)
            and hans >= _MIN_REPAIRED_HAN
            and (hans < _MIN_HAN_FOR_FREQUENT or frequent_share(after) >= _MIN_FREQUENT_SHARE))


def _looks_damaged(text: str, min_share: float) -> bool:
    if text.isascii():
        return False
    if _latin_cue.search(text):
        return True
    # a line of everyday characters only (the common case) needs no share computed
    if not _han.search(_everyday_runs.sub("", text)):
        return False
    return common_han_share(text) < min_share


@attrs.frozen
class MojibakeSettings:
    """Settings of ``repair-mojibake``.

    ``min_share``: the share of everyday (GB2312 level 1) Han characters a repaired line
    must reach, and below which a line is suspected at all (everyday text scores above
    0.9, mojibake far lower); ``min_gain``: how much higher than the line's own share the
    repair's must be, so a line that already reads as Chinese is not re-decoded.
    """

    min_share: float = 0.7
    min_gain: float = 0.3


#: The defaults of :func:`choose_repair` and :func:`repair_line`: the heuristic's own.
_DEFAULTS = MojibakeSettings()


def choose_repair(text: str, *, min_gain: float = _DEFAULTS.min_gain,
                  min_share: float = _DEFAULTS.min_share) -> tuple[str, str, str] | None:
    """The repair ``(name, wrong codec, right codec)`` that the whole of ``text`` needs, or None.

    Deciding for the whole dump lets lines too short to judge alone (``献。``) be repaired
    with the rest; the decision needs everyday characters *and* frequent ones, so random
    byte soup that happens to decode as GB2312 is not taken for Chinese.
    """
    if not _looks_damaged(text, min_share):
        return None
    for name, wrong, right in _REPAIRS:
        result = _redecode(text, wrong, right)
        if result and _reads_better(text, result[0], result[1], min_share, min_gain):
            return name, wrong, right
    return None


def repair_line(text: str, *, min_gain: float = _DEFAULTS.min_gain,
                min_share: float = _DEFAULTS.min_share) -> tuple[str, str | None]:
    """Return ``(text, how)``: the line repaired and the name of the repair, or unchanged and None."""
    chosen = choose_repair(text, min_gain=min_gain, min_share=min_share)
    if chosen is None:
        return text, None
    name, wrong, right = chosen
    result = _redecode(text, wrong, right)
    return (result[0], name) if result else (text, None)


@heuristic("repair-mojibake", settings=MojibakeSettings, provides={Stage.DECODED_TEXT})
def repair_mojibake(doc: Document, settings: MojibakeSettings) -> Document:
    """Re-decode lines that are UTF-8 read as GBK, or GBK read as Latin-1/cp1252.

    Cue: the share of everyday (GB2312 level 1) and of frequent characters before and
    after the repair, decided for the whole dump when it is all damaged alike, else line
    by line.  Characters the wrong decode destroyed come back as U+FFFD, which
    ``strip-garbage`` then removes and records; nothing is guessed.
    Example: ``涓枃鎶ュ垔`` becomes ``中文报刊``; ``ÖÐÎÄ`` becomes ``中文``.
    """
    text = doc.text
    if text.isascii():
        return doc
    # the page without its everyday characters answers the page-wide questions without a
    # pass over the whole text for each of them (every everyday character is a Han one)
    rest = _everyday_runs.sub("", text)
    everyday = len(text) - len(rest)
    distinct = "".join(dict.fromkeys(rest))  # each character once, in the page's order
    rare = set(_han.findall(distinct))
    latin = _latin_cue.search(distinct) is not None
    if not rare and not latin:
        return doc  # every character is everyday Chinese or ASCII: nothing can be mojibake
    rec = Recorder("repair-mojibake")
    whole = None
    # (the Han characters left are the rare ones: counted in one pass, not one per character)
    if latin or everyday < settings.min_share * (everyday + len(_han.findall(rest))):
        whole = choose_repair(text, min_gain=settings.min_gain, min_share=settings.min_share)
    # only a line holding a Latin-1 letter or a character outside everyday Chinese can be
    # damaged: the others are not looked at one by one
    # (a class of plain characters: ``re``, see ``baokan.core.text.WHITE_CLASS``)
    suspect = re.compile("[\u0080-\u00ff" + re.escape("".join(sorted(rare))) + "]")
    out: list[Block] = []
    for block in doc.blocks:
        fixed, how = block.text, None
        if whole is not None and not block.text.isascii():
            result = _redecode(block.text, whole[1], whole[2])
            if result is not None:
                fixed, how = result[0], whole[0]
        elif whole is None and suspect.search(block.text):
            fixed, how = repair_line(block.text, min_gain=settings.min_gain,
                                     min_share=settings.min_share)
        if how is None or fixed == block.text:
            out.append(block)
            continue
        # the damaged line is kept, so every character of the input stays accounted for
        rec.removed.append(Dropped(text=block.text, reason="mojibake", source_lines=block.span))
        rec.change("repaired mojibake", block.span,
                   f"{how}: {block.text[:_QUOTED_CHARS]} → {fixed[:_QUOTED_CHARS]}")
        out.append(block.with_(text=fixed))
    return rec.apply(doc, out)
