"""``punctuation-width``: half-width punctuation touching Chinese text made full width."""

from __future__ import annotations

import re

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.registry import heuristic
from baokan.core.text import CJK_PUNCT

_CJK = r"\p{Han}" + regex.escape(CJK_PUNCT)
_any_han = regex.compile(r"\p{Han}")
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.PARAGRAPH, Kind.CAPTION})

_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_half_in_cjk = regex.compile(
    r"(?<=[" + _CJK + r"])[,:;!?()]|[,:;!?()](?=[" + _CJK + r"])")
_digits_around = regex.compile(r"(?<=\d)[,:](?=\d)")
# the marks ``_half_in_cjk`` widens: a text without one is left as it is (a class of
# characters alone: ``re``, see ``baokan.core.text.WHITE_CLASS``)
_half_mark = re.compile(r"[,:;!?()]")


@attrs.frozen
class PunctuationSettings:
    """Settings of ``punctuation-width``: ``quotes`` pairs straight quotes into “ ” and ‘ ’."""

    quotes: bool = True


def _pair_quotes(text: str, quote: str, opening: str, closing: str) -> tuple[str, bool]:
    """Turn straight quotes next to Chinese text into paired quotes; False if unbalanced."""
    count = text.count(quote)
    if count == 0:
        return text, True
    if count % 2:
        return text, False
    parts = text.split(quote)
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(opening if i % 2 == 0 else closing)
        out.append(part)
    return "".join(out), True


def full_width_punctuation(text: str, *, quotes: bool = True) -> tuple[str, bool]:
    """Half-width punctuation touching Chinese text made full-width; (text, quotes balanced).

    Quotes are paired first, so a mark next to a quote it made curly (``:"`` → ``：“``)
    is widened in the same pass.
    """
    balanced = True
    converted = text
    # (a text without a straight quote pairs none: ``_pair_quotes`` gives it back as it is)
    if quotes and '"' in text and _any_han.search(text):
        converted, balanced = _pair_quotes(text, '"', "“", "”")
    if _half_mark.search(converted) is None:  # no mark to widen: most texts
        return converted.replace("\x00", ""), balanced
    converted = _digits_around.sub(lambda m: "\x00" + m.group(0), converted)
    while True:  # a run of marks (``:(``) widens from the Chinese side inwards
        widened = _half_in_cjk.sub(lambda m: _HALF_TO_FULL[m.group(0)], converted)
        if widened == converted:
            break
        converted = widened
    return converted.replace("\x00", ""), balanced


@heuristic("punctuation-width", settings=PunctuationSettings,
           requires={Stage.PARAGRAPHS}, reads={Kind.TEXT, Kind.PARAGRAPH, Kind.CAPTION, Kind.TITLE},
           accepts=Kind.TITLES, provides={Stage.PUNCTUATION})
def punctuation_width(doc: Document, settings: PunctuationSettings) -> Document:
    """Turn half-width ``, : ; ! ? ( )`` touching Chinese text into full width; pair ``"``.

    Cue: a Chinese character or mark on one side of the punctuation; numbers
    (``1,000``, ``15:30``) and Latin text are left alone.  Disable this heuristic to
    keep the dump's characters.  An odd number of straight quotes is reported, not guessed.
    """
    rec = Recorder("punctuation-width")
    out: list[Block] = []
    for block in doc.blocks:
        if block.kind in _TEXT_KINDS or block.kind in Kind.TITLES:
            new, balanced = full_width_punctuation(block.text, quotes=settings.quotes)
            if not balanced:
                rec.change("left unpaired quote", block.span, "odd number of straight quotes")
            if new != block.text:
                rec.change("widened punctuation", block.span)
                block = block.with_(text=new)
        out.append(block)
    return rec.apply(doc, out)
