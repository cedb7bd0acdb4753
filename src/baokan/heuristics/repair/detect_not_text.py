"""Recognise a dump whose text layer is not text: symbol soup from an unmapped font."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Document, Recorder
from baokan.core.marks import DocumentFlag, Stage
from baokan.core.registry import heuristic
from baokan.models import Dropped

_han = regex.compile(r"\p{Han}")
_space = regex.compile(r"\s")
_not_han = regex.compile(r"\P{Han}+")
# what a PDF font without a usable character map yields: Latin-1 and Latin Extended
# letters, private-use code points, control characters and pdfminer's (cid:123) codes
_soup = regex.compile(r"[\u0080-\u024f\ue000-\uf8ff\x00-\x08\x0e-\x1f]|\(cid:\d+\)")


def soup_measure(text: str) -> tuple[int, int, int]:
    """``(visible, han, soup)``: counts of non-space, Han and symbol-soup characters."""
    visible = len(text) - len(_space.findall(text))
    soup = sum(len(m) for m in _soup.findall(text))
    return visible, len(_han.findall(text)), soup


@attrs.frozen
class TextLayerSettings:
    """Settings of ``detect-not-text``.

    A dump of at least ``min_chars`` visible characters is not text when fewer than
    ``max_han_share`` of them are Han and at least ``min_soup_share`` are symbol soup.
    """

    min_chars: int = 20
    max_han_share: float = 0.1
    min_soup_share: float = 0.2


@heuristic("detect-not-text", settings=TextLayerSettings,
           provides={Stage.TEXT_LAYER, DocumentFlag.NOT_TEXT})
def detect_not_text(doc: Document, settings: TextLayerSettings) -> Document:
    """Flag a page whose text layer is garbage and keep its text out of the articles.

    Cue: the share of Han characters against the share of Latin-1 and Latin Extended
    letters, private-use and control code points and ``(cid:n)`` codes.  Such a page
    comes back with no articles, the flag ``not_text`` and its text in ``dropped``
    (reason ``not-text``), so nothing is lost and no noise is presented as news.
    """
    text = doc.text
    if len(_not_han.sub("", text)) >= settings.max_han_share * len(text):
        return doc  # plainly Chinese: no need to measure the soup
    visible, han, soup = soup_measure(text)
    if (visible < settings.min_chars or han >= settings.max_han_share * visible
            or soup < settings.min_soup_share * visible):
        return doc
    rec = Recorder("detect-not-text")
    for block in doc.blocks:
        rec.removed.append(Dropped(text=block.text, reason="not-text", source_lines=block.span))
    last = doc.blocks[-1].end if doc.blocks else 1
    rec.change("text layer is not text", (1, last),
               f"{visible} visible characters: {han} Han, {soup} symbol soup; nothing parsed")
    return rec.apply(doc, ()).flag("not_text")

