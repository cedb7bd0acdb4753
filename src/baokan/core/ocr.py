"""Evidence that a dump is an OCR pass's reading of a page image, not a text layer.

Repairs made only for the damage an OCR pass does are gated on this, so that they
cannot touch a text layer's dump.  The cue is marks of one kind written two ways on
one page.  A text layer writes each mark of a font as one character, and prints
brackets in pairs; an OCR pass guesses each mark from its glyph, so a page it read
mixes the comma's widths (``,`` and ``，``), the quote's shapes (``"`` and ``“ ”``),
reads ``“`` for ``”`` and back (so that they no longer pair), and loses opening brackets
(``记者 X)``, the ``（`` read as a quote mark or a space).
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

#: The key under which profile detection records the evidence in a document's
#: measurements: how many of the four mixes below the page shows (0 to 4).
OCR_MEASURE = "ocr_mark_mixes"

#: A mix counts only when each of its two forms appears at least this often: a short
#: page with a stray mark says nothing.
MIN_EACH_FORM = 5
#: A comma after a Han character written in its less used width, as a share of those
#: commas.  The dev corpus's text layers (seeds, pool, synthetic pages: 731 dumps) hold
#: 0.0; Tesseract dumps of real and synthetic pages up to 0.37.
MIN_COMMA_MIX = 0.03
#: Straight quotes ``"`` against curly ones, as a share of all: text layers 0.0,
#: Tesseract dumps up to 0.44.
MIN_QUOTE_MIX = 0.1
#: Closing brackets in excess of opening ones, as a share of all brackets (at least
#: ``2 * MIN_EACH_FORM``): text layers at most 0.043 (a converter that dropped a few),
#: Tesseract dumps of synthetic pages 0.56 to 1.0.
MIN_BRACKET_EXCESS = 0.2
#: Opening curly quotes against closing ones, the surplus of either as a share of all (at
#: least ``MIN_CURLY_QUOTES``): text layers at most 0.18 (a quotation of several
#: paragraphs opens each and closes once), Tesseract dumps 0.22 to 0.68, most above 0.3.
MIN_CURLY_SURPLUS = 0.3
MIN_CURLY_QUOTES = 20

_half_comma = regex.compile(r"(?<=\p{Han}),")
_full_comma = regex.compile(r"(?<=\p{Han})，")


def _mix(a: int, b: int) -> float:
    """The share of the less used of two forms; 0.0 if either is rarer than MIN_EACH_FORM."""
    return min(a, b) / (a + b) if min(a, b) >= MIN_EACH_FORM else 0.0


def mark_mixes(text: str) -> int:
    """How many of the OCR mixes ``text`` shows: comma widths, quote shapes, curly
    quotes that do not pair, brackets closed that were never opened."""
    commas = _mix(len(_half_comma.findall(text)), len(_full_comma.findall(text)))
    quotes = _mix(text.count('"'), text.count("“") + text.count("”"))
    opened = text.count("(") + text.count("（")
    closed = text.count(")") + text.count("）")
    brackets = ((closed - opened) / (closed + opened)
                if closed + opened >= 2 * MIN_EACH_FORM else 0.0)
    opening, closing = text.count("“"), text.count("”")
    curly = (abs(opening - closing) / (opening + closing)
             if opening + closing >= MIN_CURLY_QUOTES else 0.0)
    return (commas >= MIN_COMMA_MIX) + (quotes >= MIN_QUOTE_MIX) \
        + (brackets >= MIN_BRACKET_EXCESS) + (curly >= MIN_CURLY_SURPLUS)


def is_ocr(measurements: Mapping[str, float]) -> bool:
    """Whether a document's measurements show an OCR reading (none measured: no)."""
    return measurements.get(OCR_MEASURE, 0.0) >= 1
