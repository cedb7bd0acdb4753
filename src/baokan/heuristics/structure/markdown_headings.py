"""``markdown-headings``: strip markdown heading marks and keep their level."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, BylineData, Document, Kind, Recorder
from baokan.core.drawn_twice import spaced_copies
from baokan.core.marks import Stage, Tag
from baokan.core.names import is_person_name
from baokan.core.registry import heuristic

# markdown's six heading levels (``#`` to ``######``): the syntax, not a threshold
_HEADING = regex.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_QUOTE_MARK = regex.compile(r"^(?:>\s*)+")
_STRONG = regex.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_COMMENT = regex.compile(r"<!--.*?-->")
_PICTURE_START = "<!-- Start of picture text -->"
_PICTURE_END = "<!-- End of picture text -->"


def strip_inline_markdown(text: str) -> str:
    """Remove blockquote marks, ``**strong**`` marks and HTML comments from a line."""
    text = _QUOTE_MARK.sub("", _COMMENT.sub("", text))
    return _STRONG.sub(lambda m: m.group(1) or m.group(2), text).strip()


#: The shortest title a heading may carry its author's name after: a shorter one ending in
#: a word that reads as a name (``欢度五一 黄金周``) is more likely a title in two phrases.
_MIN_TITLE_BEFORE_AUTHOR = 6
#: A Chinese name's length: a one- or two-character surname and a one- or two-character
#: given name (``is_person_name`` then checks the surname).
_MIN_NAME_CHARS, _MAX_NAME_CHARS = 2, 4
_trailing_token = regex.compile(
    rf"^(?P<title>.{{{_MIN_TITLE_BEFORE_AUTHOR},}}?)\s+"
    rf"(?P<name>\p{{Han}}{{{_MIN_NAME_CHARS},{_MAX_NAME_CHARS}}})$")


def split_trailing_author(heading: str) -> tuple[str, str | None]:
    """``新时代：发展新方位奋进新目标 陈曙光`` → (the title, ``陈曙光``): a heading whose
    last space-separated word is one person's name, after a title of six characters or
    more, carries its author (converters put the name, set beside the title, on its line)."""
    match = _trailing_token.match(heading.strip())
    if match is None or not is_person_name(match["name"]) or " " in match["title"][-1:]:
        return heading, None
    return match["title"].rstrip(), match["name"]


@attrs.frozen
class HeadingSettings:
    """Settings of ``markdown-headings`` (none yet)."""


@heuristic("markdown-headings", settings=HeadingSettings, requires={Stage.LINES},
           reads={Kind.TEXT, Stage.HEADINGS}, accepts={Kind.PARAGRAPH},
           provides={Stage.HEADINGS, Kind.BYLINE, Tag.OPENING})
def markdown_headings(doc: Document, settings: HeadingSettings) -> Document:
    """Strip markdown heading marks (``#`` … ``######``) and keep their level as a hint.

    A title drawn twice (fake bold) loses the copy pymupdf4llm prints letter-spaced
    around it (:func:`~baokan.core.drawn_twice.spaced_copies`).  Also removes blockquote
    marks, ``**strong**`` marks and HTML comments, and drops the text converters read off
    pictures (between ``<!-- Start/End of picture text -->``).
    Cue: the ``#`` marks.  The level is a hint, not the truth: ``find-titles`` still
    sends a "heading" that reads as body text to the body.
    """
    rec = Recorder("markdown-headings")
    out: list[Block] = []
    in_picture = False
    for block in doc.blocks:
        if block.kind not in Kind.BODY or block.level is not None:
            out.append(block)  # a heading already read: its text stays as it was
            continue
        if in_picture or block.text.startswith(_PICTURE_START):
            # text a converter read off a picture (OCR of a logo or chart): not the paper's
            in_picture = _PICTURE_END not in block.text
            rec.dropped(block.text, "furniture", block.span, "text read off a picture")
            continue
        match = _HEADING.match(block.text)
        if match is None:
            cleaned = strip_inline_markdown(block.text)
            if not cleaned:
                rec.dropped(block.text, "furniture", block.span, "markdown markup only")
            elif cleaned != block.text:
                rec.change("removed markdown marks", block.span)
                out.append(block.with_(text=cleaned))
            else:
                out.append(block)
            continue
        text = strip_inline_markdown(match.group(2))
        if not text:
            rec.dropped(block.text, "furniture", block.span, "empty heading mark")
            continue
        rec.change(f"markdown heading level {len(match.group(1))}", block.span)
        text, copies = spaced_copies(text)
        for copy in copies:
            rec.dropped(copy, "duplicate", block.span,
                        "a title drawn twice: its copy printed letter-spaced")
        title, author = split_trailing_author(text)
        out.append(block.with_(text=title, level=len(match.group(1))))
        if author:
            rec.change("author's name after a heading", block.span, author)
            out.append(block.with_(text=author, kind=Kind.BYLINE, tags=block.tags | {Tag.OPENING},
                                   bylines=(BylineData(names=(author,)),)))
    return rec.apply(doc, out)
