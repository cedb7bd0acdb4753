"""Recognise a text layer that is not text: symbol soup from an unmapped font, on a whole
page or in a run of lines of it."""

from __future__ import annotations

import re

import attrs
import regex

from baokan.core.document import Block, Document, Recorder
from baokan.core.marks import DocumentFlag, Stage
from baokan.core.registry import heuristic
from baokan.core.text import visible_chars
from baokan.models import Dropped

# the Han characters of running text: the basic CJK block, the radicals some fonts map
# common characters to, and the compatibility ideographs
# (classes of characters alone, run over the whole page: ``re``, see
# ``baokan.core.text.WHITE_CLASS``)
_han = re.compile(r"[\u4e00-\u9fff\u2e80-\u2fdf\uf900-\ufaff]")
_not_han_nor_newline = re.compile(r"[^\u4e00-\u9fff\u2e80-\u2fdf\uf900-\ufaff\n]+")
# what a PDF font without a usable character map yields: Latin-1 and Latin Extended
# letters, private-use code points, control characters and pdfminer's (cid:123) codes;
# CJK Extension A and the supplementary ideographs (a font whose glyph ids land there: a
# page of them is no Chinese anyone prints); and ASCII symbols, which a font cipher
# deals out as freely as letters (``$"!"#``, ``{|}EFGH``) — but not those of figures,
# markdown tables and emphasis (``.,-+%/|*_``), which ASCII text is full of
_soup = regex.compile(r"\(cid:\d+\)|[\u0080-\u024f\ue000-\uf8ff\x00-\x08\x0e-\x1f\u3400-\u4dbf"
                      r"\U00020000-\U0003ffff!\"#$&'():;<=>?@\[\\\]^`{}~]")


def soup_measure(text: str) -> tuple[int, int, int]:
    """``(visible, han, soup)``: counts of non-space characters, of the Han characters of
    running text, and of symbol-soup characters."""
    visible = visible_chars(text)
    soup = sum(len(m) for m in _soup.findall(text))
    return visible, len(_han.findall(text)), soup


@attrs.frozen
class TextLayerSettings:
    """Settings of ``detect-not-text``.

    Text of at least ``min_chars`` visible characters is not text when fewer than
    ``max_han_share`` of them are Han and at least ``min_soup_share`` are symbol soup:
    real Chinese text is mostly Han (0.8 and more on every page we hold), ASCII text and
    tables hold few symbols (under 0.05), and font garbage holds 0.3 and more.  The
    test is made on the whole page, and on every run of lines with less than
    ``max_han_share`` Han (a block of an unmapped font on a page that is otherwise text).
    """

    min_chars: int = 20
    max_han_share: float = 0.1
    min_soup_share: float = 0.2


def _is_soup(visible: int, han: int, soup: int, settings: TextLayerSettings) -> bool:
    return (visible >= settings.min_chars and han < settings.max_han_share * visible
            and soup >= settings.min_soup_share * visible)


def _soup_runs(blocks: tuple[Block, ...], hans: list[int],
               settings: TextLayerSettings) -> list[tuple[int, int]]:
    """The runs ``(first, last + 1)`` of consecutive blocks of little Han that are soup;
    ``hans``: the Han characters of each block."""
    texts = [b.text for b in blocks]
    runs: list[tuple[int, int]] = []
    start = None
    totals = [0, 0, 0]
    for i in range(len(texts) + 1):
        little = i < len(texts) and not (hans[i] and hans[i] >= settings.max_han_share * len(texts[i]))
        if little:
            measure = soup_measure(texts[i])
            if start is None:
                start, totals = i, [0, 0, 0]
            totals = [a + b for a, b in zip(totals, measure, strict=True)]
            continue
        if start is not None and _is_soup(totals[0], totals[1], totals[2], settings):
            runs.append((start, i))
        start = None
    return runs


@heuristic("detect-not-text", settings=TextLayerSettings,
           provides={Stage.TEXT_LAYER, DocumentFlag.NOT_TEXT})
def detect_not_text(doc: Document, settings: TextLayerSettings) -> Document:
    """Flag a page whose text layer is garbage and keep its text out of the articles.

    Cue: the share of Han characters against the share of symbol soup — Latin-1 and
    Latin Extended letters, private-use and control code points, ``(cid:n)`` codes, rare
    ideographs (CJK Extension A and beyond) and the ASCII symbols a font cipher uses.
    Such a page comes back with no articles, the flag ``not_text`` and its text in
    ``dropped`` (reason ``not-text``), so nothing is lost and no noise is presented as
    news.  A run of such lines on a page that is otherwise text (an advertisement set
    in a broken font) is dropped the same way, and the page is not flagged.
    """
    text = doc.text
    if not text:
        return doc
    rec = Recorder("detect-not-text")
    hans = [len(h) for h in _not_han_nor_newline.sub("", text).split("\n")]
    if len(hans) != len(doc.blocks):  # a block of several lines: counted block by block
        hans = [len(_not_han_nor_newline.sub("", b.text.replace("\n", ""))) for b in doc.blocks]
    # a page a tenth of whose characters are Han is not soup as a whole: measured no
    # further (its runs of lines are, below)
    visible, han, soup = (soup_measure(text) if sum(hans) < settings.max_han_share * len(text)
                          else (0, 0, 0))
    if _is_soup(visible, han, soup, settings):
        for block in doc.blocks:
            rec.removed.append(Dropped(text=block.text, reason="not-text", source_lines=block.span))
        last = doc.blocks[-1].end if doc.blocks else 1
        rec.change("text layer is not text", (1, last),
                   f"{visible} visible characters: {han} Han, {soup} symbol soup; nothing parsed")
        return rec.apply(doc, ()).flag("not_text")
    runs = _soup_runs(doc.blocks, hans, settings)
    if not runs:
        return doc
    drop: set[int] = set()
    for first, end in runs:
        drop.update(range(first, end))
        for block in doc.blocks[first:end]:
            rec.removed.append(Dropped(text=block.text, reason="not-text", source_lines=block.span))
        rec.change("lines are not text", (doc.blocks[first].start, doc.blocks[end - 1].end),
                   f"{end - first} lines of symbol soup")
    return rec.apply(doc, (b for i, b in enumerate(doc.blocks) if i not in drop))
