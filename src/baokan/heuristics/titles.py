"""Recognise title lines: markdown headings, and short lines that cannot be body text."""

from __future__ import annotations

import attrs
import regex

from baokan.document import Block, BylineData, Document, Kind, Recorder
from baokan.names import is_person_name
from baokan.pipeline import heuristic
from baokan.text import (
    CLOSERS,
    content_length,
    ends_continuing,
    ends_sentence,
    inner_punct_count,
)

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


@attrs.frozen
class HeadingSettings:
    """Settings of ``markdown-headings`` (none yet)."""


@heuristic("markdown-headings", settings=HeadingSettings, requires={"lines"},
           provides={"headings"})
def markdown_headings(doc: Document, settings: HeadingSettings) -> Document:
    """Strip markdown heading marks (``#`` … ``######``) and keep their level as a hint.

    Also removes blockquote marks, ``**strong**`` marks and HTML comments, and drops the
    text converters read off pictures (between ``<!-- Start/End of picture text -->``).
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
        title, author = split_trailing_author(text)
        out.append(block.with_(text=title, level=len(match.group(1))))
        if author:
            rec.change("author's name after a heading", block.span, author)
            out.append(block.with_(text=author, kind=Kind.BYLINE, tags=block.tags | {"opening"},
                                   bylines=(BylineData(names=(author,)),)))
    return rec.apply(doc, out)


_trailing_token = regex.compile(r"^(?P<title>.{6,}?)\s+(?P<name>\p{Han}{2,4})$")


def split_trailing_author(heading: str) -> tuple[str, str | None]:
    """``新时代：发展新方位奋进新目标 陈曙光`` → (the title, ``陈曙光``): a heading whose
    last space-separated word is one person's name, after a title of six characters or
    more, carries its author (converters put the name, set beside the title, on its line)."""
    match = _trailing_token.match(heading.strip())
    if match is None or not is_person_name(match["name"]) or " " in match["title"][-1:]:
        return heading, None
    return match["title"].rstrip(), match["name"]


@attrs.frozen
class TitleSettings:
    """Settings of ``find-titles``.

    ``max_chars``: a title line is at most this long; ``max_heading_chars``: a markdown
    heading longer than this is body; ``plain_lines``: whether unmarked lines can be
    titles (off for markdown dumps, whose tool marks headings); ``max_inner_punct``: a
    title holds at most this many sentence punctuation marks.
    """

    max_chars: int = 40
    max_heading_chars: int = 64
    plain_lines: bool = True
    max_inner_punct: int = 2


def is_title_text(text: str, *, max_chars: int = 40, max_inner_punct: int = 2) -> bool:
    """Whether a stand-alone line reads like a title: short, not closed like a sentence."""
    stripped = text.strip()
    if not stripped or content_length(stripped) > max_chars:
        return False
    if ends_continuing(stripped):
        return stripped.endswith(("：", ":"))  # 海北街道黄河社区党委: (a kicker)
    if ends_sentence(stripped):
        # 有了医保,日子再难也有底气! — an exclamation can close a short headline
        bare = stripped.rstrip(CLOSERS)
        return bare.endswith(("！", "!", "？", "?")) and inner_punct_count(stripped) <= 2 \
            and "。" not in stripped
    return inner_punct_count(stripped) <= max_inner_punct


_LETTER_SPACED = regex.compile(r"(?:\p{Han}[ \u3000]+){6}")
_CLAUSE_MARK = regex.compile(r"[，、；,;]")


def is_stretched_prose(text: str) -> bool:
    """A line letter-spaced over six characters or more that holds a clause mark: a
    printed line of body text stretched to fill its column (``中 国 特 色 社 会 主 义
    新 时 代 ，是``), never a title, even where it stands alone."""
    return _LETTER_SPACED.search(text) is not None and _CLAUSE_MARK.search(text) is not None


def _titles_over_an_author(blocks: tuple[Block, ...], settings: TitleSettings) -> set[int]:
    """Indexes of unmarked title-like lines, each standing alone, followed by a lone
    person's name standing alone and then text: ``让中国特色社会主义展现出更加强大生命力``
    / ``刘志明`` / body."""
    found: set[int] = set()
    for i in range(len(blocks) - 2):
        title, name, after = blocks[i], blocks[i + 1], blocks[i + 2]
        if not (title.kind in Kind.BODY and name.kind in Kind.BODY and title.level is None
                and name.level is None and title.gap_before and name.gap_before
                and after.gap_before and after.kind in Kind.BODY):
            continue
        if is_person_name(name.text.strip()) and not is_stretched_prose(title.text) \
                and is_title_text(title.text, max_chars=settings.max_chars,
                                  max_inner_punct=settings.max_inner_punct):
            found.update((i, i + 1))
    return found


def heading_is_body(text: str, max_chars: int) -> bool:
    """Whether a markdown "heading" is really body text (long, or holding a full stop)."""
    return content_length(text) > max_chars or "。" in text.rstrip("。")


@heuristic("find-titles", settings=TitleSettings, requires={"paragraphs"}, provides={"titles"})
def find_titles(doc: Document, settings: TitleSettings) -> Document:
    """Mark title-like blocks (headline, kicker, subtitle, subhead: decided by segmentation).

    Cues: a markdown heading mark, unless the heading is long or holds a full stop; for
    unmarked lines, a stand-alone short line (at most ``max_chars``) that does not end
    like a sentence and holds few punctuation marks.  Example: ``生育关怀再加码`` between
    two paragraphs is a title line; ``#### 不大,但每一处都需要…。今年以来…`` is body.
    Where unmarked lines are not titles (markdown dumps), a stand-alone title-like line
    over a line that is one person's name alone still is, and so is the name (the tool
    missed an essay's title; segmentation makes the name its author).
    """
    rec = Recorder("find-titles")
    out: list[Block] = []
    author_titles = set() if settings.plain_lines else _titles_over_an_author(doc.blocks,
                                                                             settings)
    for index, block in enumerate(doc.blocks):
        if index in author_titles:
            rec.change("title line over its author's name", block.span, block.text[:20])
            out.append(block.with_(kind=Kind.TITLE))
            continue
        if block.kind not in Kind.BODY:
            out.append(block)
            continue
        if block.level is not None:
            if heading_is_body(block.text, settings.max_heading_chars):
                rec.change("heading is body text", block.span, block.text[:20])
                out.append(block.with_(kind=Kind.PARAGRAPH, level=None))
            else:
                out.append(block.with_(kind=Kind.TITLE))
            continue
        if settings.plain_lines \
                and is_title_text(block.text, max_chars=settings.max_chars,
                                  max_inner_punct=settings.max_inner_punct) \
                and not is_stretched_prose(block.text):
            rec.change("title line", block.span, block.text[:20])
            out.append(block.with_(kind=Kind.TITLE))
            continue
        out.append(block.with_(kind=Kind.PARAGRAPH))
    return rec.apply(doc, out)
