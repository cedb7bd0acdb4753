"""``find-titles``: mark short lines that cannot be body text as titles."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.names import is_person_name
from baokan.core.registry import heuristic
from baokan.core.text import (
    CLOSERS,
    content_length,
    ends_continuing,
    ends_sentence,
    inner_punct_count,
)

#: A title line is at most this many character cells: the longest headlines of a column
#: (two-column spreads run to about 30); a longer line is a sentence.
MAX_TITLE_CHARS = 40
#: A markdown heading longer than this is body text the tool marked as a heading (a
#: paragraph set in bold), not a title.
MAX_HEADING_CHARS = 64
#: A title holds at most this many sentence punctuation marks (a headline of two clauses
#: ``A，B`` with a closing ``！`` still qualifies; a sentence holds more).
MAX_INNER_PUNCT = 2
#: How many letter-spaced Han characters in a row make a line "stretched": fewer can be a
#: short title set with tracking, six or more spread over a column is a justified body line.
LETTER_SPACED_RUN = 6


@attrs.frozen
class TitleSettings:
    """Settings of ``find-titles``.

    ``max_chars``: a title line is at most this long; ``max_heading_chars``: a markdown
    heading longer than this is body; ``plain_lines``: whether unmarked lines can be
    titles (off for markdown dumps, whose tool marks headings); ``max_inner_punct``: a
    title holds at most this many sentence punctuation marks.
    """

    max_chars: int = MAX_TITLE_CHARS
    max_heading_chars: int = MAX_HEADING_CHARS
    plain_lines: bool = True
    max_inner_punct: int = MAX_INNER_PUNCT


def is_title_text(text: str, *, max_chars: int = MAX_TITLE_CHARS,
                  max_inner_punct: int = MAX_INNER_PUNCT) -> bool:
    """Whether a stand-alone line reads like a title: short, not closed like a sentence."""
    stripped = text.strip()
    if not stripped or content_length(stripped) > max_chars:
        return False
    if ends_continuing(stripped):
        return stripped.endswith(("：", ":"))  # 海北街道黄河社区党委: (a kicker)
    if ends_sentence(stripped):
        # 有了医保,日子再难也有底气! — an exclamation can close a short headline
        bare = stripped.rstrip(CLOSERS)
        return bare.endswith(("！", "!", "？", "?")) \
            and inner_punct_count(stripped) <= MAX_INNER_PUNCT and "。" not in stripped
    return inner_punct_count(stripped) <= max_inner_punct


_LETTER_SPACED = regex.compile(r"(?:\p{Han}[ \u3000]+)" + f"{{{LETTER_SPACED_RUN}}}")
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


@heuristic("find-titles", settings=TitleSettings, requires={Stage.PARAGRAPHS},
           reads={Kind.TEXT, Kind.PARAGRAPH, Stage.HEADINGS},
           provides={Stage.TITLES, Kind.TITLE, Kind.PARAGRAPH})
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
