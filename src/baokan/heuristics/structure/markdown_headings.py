"""``markdown-headings``: strip markdown heading marks and keep their level."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, BylineData, Document, Kind, Recorder
from baokan.core.drawn_twice import spaced_copies, squeezed
from baokan.core.marks import Stage, Tag
from baokan.core.names import is_person_name
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span
from baokan.core.text import han_count, leaves_open

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


#: A heading of at most this many Han characters is a torn piece of a letter-spaced
#: headline (``# 也``, ``# 帮``): no title is one character.
_MAX_TORN_PIECE = 1
#: A run of letter-spaced pieces makes one headline of at most this many characters (more
#: is letter-spaced headings of several pieces stacked).
_MAX_SPACED_HEAD = 24
# a closing mark, or one character closed by a clause mark: the line starts mid-phrase
_TORN_START = regex.compile(r"^(?:\p{Han}?[，,、；;：:。！!？?]|[”’」』》）)】〕])")


def _spaced_piece(text: str) -> bool:
    """Whether a heading's text is letter-spaced (``有 了 医``, ``保 ，日 子 再 难``, ``也``):
    a Han character in it and none of its words holding two."""
    words = text.split()
    return bool(words) and all(han_count(w) <= 1 for w in words) and han_count(text) > 0


def _torn_between(first: str, second: str) -> bool:
    """Whether the break between two letter-spaced headings falls inside the headline's
    phrase: either is a torn piece of a character (:data:`_MAX_TORN_PIECE`), the first
    leaves a quote or bracket open, or the second starts with a closing mark or with one
    character closed by a clause mark, the end of a word the break tore (``有 了 医`` /
    ``保 ，日 子 再 难``).  Two phrases whole in themselves (``邱 廷 和 陈 亭`` /
    ``赞 天 津 的 新 事``) are two lines of a head, not one."""
    a, b = squeezed(first), squeezed(second)
    return min(han_count(a), han_count(b)) <= _MAX_TORN_PIECE \
        or leaves_open(a, straight_quotes=True) or _TORN_START.match(b) is not None


def join_spaced_pieces(blocks: list[Block], rec: Recorder) -> list[Block]:
    """Join the headings that are the printed lines of one letter-spaced headline
    (``# 有 了 医`` / ``# 保 ，日 子 再 难`` / ``# 也`` / ``# 有 底 气 ！``): pymupdf4llm gives
    each line of a head in large type as a heading of its own.  Two headings of one level
    in a row, nothing but a blank line between them, each letter-spaced
    (:func:`_spaced_piece`), where the break between them tears the phrase
    (:func:`_torn_between`; two whole phrases, ``邱 廷 和 陈 亭`` / ``赞 天 津 的 新 事``,
    stay two), holding at most :data:`_MAX_SPACED_HEAD` characters together."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and block.level is not None and block.level == prev.level \
                and block.kind in Kind.BODY and prev.kind in Kind.BODY \
                and block.gap_before <= 1 and block.start == prev.end + block.gap_before + 1 \
                and _spaced_piece(prev.text) and _spaced_piece(block.text) \
                and len(squeezed(prev.text + block.text)) <= _MAX_SPACED_HEAD \
                and _torn_between(prev.text, block.text):
            start, end = covering_span((prev, block))
            rec.change("a letter-spaced headline's lines joined", block.span, prev.text)
            out[-1] = prev.with_(text=f"{prev.text.strip()} {block.text.strip()}",
                                 start=start, end=end)
            continue
        out.append(block)
    return out


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
    return rec.apply(doc, join_spaced_pieces(out, rec))
