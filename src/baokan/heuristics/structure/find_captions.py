"""Photo captions: the text over a ``X 摄`` credit, and lines standing where a picture was."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, BylineData, Document, Kind, Recorder
from baokan.core.marks import Stage, Tag
from baokan.core.names import CREDIT_ROLE, PHOTO_ROLE, photo_credit
from baokan.core.registry import heuristic
from baokan.core.text import content_length, ends_mid_clause, ends_sentence


@attrs.frozen
class CaptionSettings:
    """Settings of ``find-captions``.

    ``max_chars``: the longest caption; ``picture_gap``: in a dump whose tool marks
    headings, a short unmarked line with at least this many blank lines on one side
    stands where a picture was, and is its caption (0 switches this off);
    ``prose_chars``: a block over a credit that stops mid-clause and is at least this
    long is body text the picture cut, not its caption (see :func:`_cut_by_credit`;
    0 switches this off).
    """

    max_chars: int = 160
    picture_gap: int = 2
    picture_caption_chars: int = 30
    #: a caption that does not close its sentence is a short noun phrase (``市特殊教育
    #: 学校毕业典礼现场``, ``咸宁市医保志愿服务队``: 10 to 15 characters); a line or more
    #: of a column's prose that a picture cut is longer
    prose_chars: int = 20


def _captionable(block: Block) -> bool:
    return block.kind in (Kind.PARAGRAPH, Kind.TEXT, Kind.TITLE) and block.level is None


#: A credit's role word printed at the end of its caption's last line, its names on the
#: next one (``…仅占30%。通讯员`` over ``杜宏奇 摄``): no part of the caption's sentence.
_credit_role_tail_re = regex.compile(CREDIT_ROLE + r"\s*$")


def _cut_by_credit(block: Block, settings: CaptionSettings) -> bool:
    """Whether ``block``, right over a photo credit, is body text that a picture set inside
    its column cut, not the picture's caption.

    Cue: the block stops mid-clause (on a character of a word or a ``，``: the column broke
    there and the credit came next) and is prose-long (``prose_chars`` or more).  Example:
    ``近日，市民张伟带着孩子来到医院看病，他用医保个人账户为孩子支付了看病`` over
    ``李杰 摄``.  A caption closes its sentence (``学生给老师献花表达感谢。``) or is a
    short phrase (``市特殊教育学校毕业典礼现场``); a credit's role word printed at the end
    of the caption's line (``…。通讯员``) does not count.
    """
    text = _credit_role_tail_re.sub("", block.text)
    return bool(settings.prose_chars) and ends_mid_clause(text) \
        and content_length(text) >= settings.prose_chars


def _credit_block(block: Block, text: str, names: tuple[str, ...]) -> Block:
    return block.with_(kind=Kind.CREDIT, text=text, tags=frozenset(),
                       bylines=(BylineData(names=names, role=PHOTO_ROLE),))


def _split_credits(blocks: list[Block], settings: CaptionSettings,
                   rec: Recorder) -> list[Block]:
    """Credits find-bylines did not take: a block that is a photo credit (``（X 摄）``,
    ``本报记者 X 摄``) becomes one; a closed sentence with the credit at the end of its own
    line (``学生献花。（李杰 摄）``) is a caption and its credit."""
    out: list[Block] = []
    for block in blocks:
        found = photo_credit(block.text) if _captionable(block) else None
        if found is None:
            out.append(block)
            continue
        at, names = found
        head, credit = block.text[:at].rstrip(), block.text[at:].strip()
        if not head:
            out.append(_credit_block(block, credit, names))
            rec.change("photo credit", block.span)
        elif ends_sentence(head) and content_length(head) <= settings.max_chars:
            out.append(block.with_(text=head, kind=Kind.CAPTION,
                                   bylines=(BylineData(names=names, role=PHOTO_ROLE),))
                       .tagged(Tag.CREDITED))
            rec.dropped(credit, "photo credit, carried by its caption", (block.end, block.end))
            rec.change("caption with its credit at its end", block.span)
        else:
            out.append(block)
    return out


@heuristic("find-captions", settings=CaptionSettings, requires={Stage.TITLES},
           reads={Kind.TEXT, Kind.PARAGRAPH, Kind.TITLE, Kind.CREDIT, Kind.CAPTION,
                  Stage.HEADINGS},
           provides={Stage.CAPTIONS, Kind.CAPTION, Kind.CREDIT, Kind.PARAGRAPH, Tag.CREDITED})
def find_captions(doc: Document, settings: CaptionSettings) -> Document:
    """Mark photo captions: the block just before a photo credit, and picture-place lines.

    Cues: a ``X 摄`` credit block right after the caption, or at the end of the caption's
    own line after its closing mark (``学生献花。（李杰 摄）``); in a markdown dump, a
    short line that the tool did not mark as a heading, set off by several blank lines
    (the place of a picture it dropped).  Example: ``学生给老师献花表达感谢。`` between a
    byline and the body, with three blank lines before it.  The caption carries its
    credit's names.  Prose that stops mid-clause over a credit is body text a picture in
    its column cut (:func:`_cut_by_credit`): it stays body, the credit stays a credit.
    """
    rec = Recorder("find-captions")
    blocks = _split_credits(list(doc.blocks), settings, rec)
    has_headings = any(b.level is not None for b in blocks)
    for i, block in enumerate(blocks):
        if block.kind == Kind.CREDIT and i > 0 and _captionable(blocks[i - 1]) \
                and content_length(blocks[i - 1].text) <= settings.max_chars:
            if _cut_by_credit(blocks[i - 1], settings):
                if blocks[i - 1].kind == Kind.TITLE:  # a lone line of prose find-titles took
                    blocks[i - 1] = blocks[i - 1].with_(kind=Kind.PARAGRAPH)
                rec.change("body cut by a picture stays body, not a caption", blocks[i - 1].span)
                continue
            blocks[i - 1] = blocks[i - 1].with_(kind=Kind.CAPTION,
                                                bylines=block.bylines).tagged(Tag.CREDITED)
            rec.change("caption over a photo credit", blocks[i - 1].span)
        elif has_headings and settings.picture_gap and _captionable(block) \
                and block.kind != Kind.CAPTION \
                and content_length(block.text) <= settings.picture_caption_chars:
            gap_after = blocks[i + 1].gap_before if i + 1 < len(blocks) else 0
            if max(block.gap_before, gap_after) >= settings.picture_gap:
                blocks[i] = block.with_(kind=Kind.CAPTION)
                rec.change("caption at a picture's place", block.span)
    return rec.apply(doc, blocks)
