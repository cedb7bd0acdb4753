"""``fold-spacing``: remove the spaces a converter put between Chinese characters."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.registry import heuristic
from baokan.core.text import CJK_PUNCT

_CJK = r"\p{Han}" + regex.escape(CJK_PUNCT)
_SPACE = r"[ \t\u3000\u00a0]+"
# spaces with Chinese punctuation on either side, or between Han characters and digits
_around_punct = regex.compile(
    r"(?<=[" + regex.escape(CJK_PUNCT) + r"])" + _SPACE + r"|" + _SPACE
    + r"(?=[" + regex.escape(CJK_PUNCT) + r"])")
_NOT_QUOTES = regex.escape("".join(c for c in CJK_PUNCT if c not in "“”‘’「」『』"))
_around_punct_not_quotes = regex.compile(
    r"(?<=[" + _NOT_QUOTES + r"])" + _SPACE + r"|" + _SPACE + r"(?=[" + _NOT_QUOTES + r"])")
_han_han = regex.compile(r"(?<=\p{Han})" + _SPACE + r"(?=\p{Han})")
_han_digit = regex.compile(r"(?<=\p{Han})" + _SPACE + r"(?=[0-9])")
# a number then Han: the space goes, unless the number belongs to Latin text (Windows 10 和)
_digit_han = regex.compile(r"(?<![A-Za-z][ \t]*[0-9.,]*)(?<=[0-9%])" + _SPACE + r"(?=\p{Han})")
#: A line is letter-spaced (justified, every character set apart) when this many Han
#: characters in a row stand one space apart: three can be a title's phrase breaks around
#: a one-character word (``城乡 和 农村``); four need two one-character phrases in a row,
#: which a title's phrasing does not make.
_MIN_LETTER_SPACED = 4
_letter_spaced = regex.compile(" ".join([r"\p{Han}"] * _MIN_LETTER_SPACED))
_layout_space = regex.compile(r"(?<![A-Za-z0-9])" + _SPACE + r"|" + _SPACE + r"(?![A-Za-z0-9])")
_space_runs = regex.compile(r"[ \t]{2,}")
_any_han = regex.compile(r"\p{Han}")
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.PARAGRAPH, Kind.CAPTION})


@attrs.frozen
class SpacingSettings:
    """Settings of ``fold-spacing``.

    ``keep_title_phrase_space``: keep one space between the phrases of a title
    (``咸安永安街道 全方位护航春季开学``), unless the title is letter-spaced.
    """

    keep_title_phrase_space: bool = True


def fold_spacing_text(text: str, *, keep_phrase_space: bool = False) -> str:
    """Remove layout spaces from ``text``; keep spaces inside Latin text and numbers."""
    if " " not in text and "\t" not in text and "\u3000" not in text and "\u00a0" not in text:
        return text.strip()  # each pattern below acts on one of these spaces: none to fold
    # runs of spaces first: a letter-spaced line may hide behind a doubled space
    text = _space_runs.sub(" ", text.replace("\u3000", " "))
    if _letter_spaced.search(text):
        # a justified, letter-spaced line: every space is layout but those inside Latin text
        text = _layout_space.sub("", text)
    if keep_phrase_space and not _letter_spaced.search(text):
        # a title's phrase break may stand next to a quote: 从“治已病”到“防未病” 我市医保新政
        text = _around_punct_not_quotes.sub("", text)
    else:
        text = _around_punct.sub("", text)
    text = _han_digit.sub("", text)
    text = _digit_han.sub("", text)
    if keep_phrase_space and not _letter_spaced.search(text):
        text = _han_han.sub(" ", text)
    else:
        text = _han_han.sub("", text)
    return _space_runs.sub(" ", text).strip()


@heuristic("fold-spacing", settings=SpacingSettings, requires={Stage.PARAGRAPHS},
           reads={Kind.TEXT, Kind.PARAGRAPH, Kind.CAPTION, Kind.TITLE}, accepts=Kind.TITLES,
           provides={Stage.SPACING})
def fold_spacing(doc: Document, settings: SpacingSettings) -> Document:
    """Remove spaces that are layout: between Han characters, around Chinese punctuation and
    between Han characters and numbers; ideographic spaces too.

    Cue: the characters on either side of a space.  Example: ``创 新 推 行“ 党 建`` becomes
    ``创新推行“党建``; ``11 月 16 日`` becomes ``11月16日``; ``Windows 10`` stays.
    """
    rec = Recorder("fold-spacing")
    out: list[Block] = []
    for block in doc.blocks:
        if block.kind in _TEXT_KINDS or block.kind in Kind.TITLES:
            title = block.kind in Kind.TITLES
            new = fold_spacing_text(
                block.text, keep_phrase_space=title and settings.keep_title_phrase_space)
            if new != block.text:
                rec.change("removed layout spaces", block.span,
                           f"{len(block.text) - len(new)} characters")
                block = block.with_(text=new)
        out.append(block)
    return rec.apply(doc, out)
