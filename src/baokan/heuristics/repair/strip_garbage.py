"""Remove characters that are extraction garbage: U+FFFD runs, control and zero-width characters."""

from __future__ import annotations

import re
from collections import Counter

import attrs
import regex

from baokan.core.document import Block, Document, Recorder
from baokan.core.marks import Stage, Tag
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic
from baokan.core.text import (
    CLOSERS,
    DASH_PAIR,
    MAX_TITLE_CHARS,
    content_length,
    ends_continuing,
    han_count,
)

# U+FFFD, C0/C1 controls (but tab), zero-width characters and the BOM used mid-text.
# (a class of characters alone: ``re``, see ``baokan.core.text.WHITE_CLASS``; asked of every
# line of a page that holds garbage)
_garbage = re.compile(r"[\ufffd\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]+")
_garbage_split = regex.compile(r"(" + _garbage.pattern + ")")
# OCR reads a column rule or the edge of a box as strokes: a bar opening a line, a gap
# between it and the text (``| 新城区开展义诊活动``), or a line of nothing but bars,
# brackets and strokes (``[|``, ``[一|``).  A text layer prints neither: a markdown table's
# row ends with a bar too, and its cells have no gap after the bar.
_rule_head = regex.compile(r"^[ \t]*[|｜]+[ \t]+(?=[\p{Han}“「《（(【])")
_STROKES = r"\s|｜\[\]\\/_一"  # no dash: ``|---|`` is a markdown table's rule
_rule_line = regex.compile(r"^[" + _STROKES + r"]*[|｜\[\]\\][" + _STROKES + r"]*$")
# OCR reads a dash (``——``) as two strokes ``一一``: leading a subtitle at the head of a
# line (``一一把困难职工冷暖放心上``) or ending a kicker at its tail (``…收获不丰一一``).  A
# text layer prints the dash itself; the word 一一 ("one by one") stands before a verb
# inside a sentence, so only a line set apart (a gap before it) holding no clause mark,
# as a title does, is read so.  At a line's head a run of three is a dash of three too
# (``一一一访…``: papers lead a subtitle with ``———`` as well); a longer run is something else
_dash_head = regex.compile(r"^(\s*)(一一一?)(?![\s一])")
_dash_tail = regex.compile(r"(?<=[^\s一])(\s*)一一(\s*)$")
_clause_mark = regex.compile(r"[，。；！？、,;!?]")
_sentence_mark = regex.compile(r"[。；！？;!?]")
# OCR reads a quote mark without telling which way it faces (``“`` for ``”``, or a straight
# ``"``).  A printed line never ends on an opening quote, nor starts on a closing one (the
# line-breaking rules of CJK typesetting, 禁则): after a closed sentence at a line's end
# the mark closes the quotation (``…竞争力 !“`` is ``…竞争力 !”``), at a line's head it
# opens one.  Read so only on a page that shows an OCR pass's mixes of marks (core.ocr).
_quote_at_end = regex.compile(r"(?<=[。！？!?…][ \t]*)[“\"](?=[ \t]*$)")
_quote_at_head = regex.compile(r"^([ \t]*)”(?=\S)")
# OCR reads a picture, a logo or a box's corner as a few glyphs: a line standing alone of
# at most MAX_JUNK_HAN Han characters with an ASCII symbol among them (``<开哺``,
# ``社会 ]4``).  A printed title or line of text sets no such symbol so (a book's title
# is in ``《》``, a bracket is full width); the slash is left out (``图/``, ``文/`` lead a
# credit).  Read so only on a page that shows an OCR pass's mixes of marks (core.ocr).
MAX_JUNK_HAN = 3
_junk_symbol = regex.compile(r"[<>\[\]|\\{}~^_`@#$%&*=+]")
# OCR reads the square or diamond a paper sets before a byline (``■记者 李晓华``) as a Han
# character (``国记者李晓华``): a line of one character, a role word and a name only. A
# text layer prints no such line (none in the dev corpus); a role word opens a byline.
_mark_before_role = regex.compile(r"^(\s*)\p{Han}(?=(?:记者|通讯员)\s*\p{Han}{2,3}\s*$)")


def describe(garbage: str) -> str:
    """Name garbage characters by code point (``U+FFFD×6``): the dropped record stays readable
    and does not carry the garbage itself into the output."""
    counts = Counter(garbage)
    return " ".join(f"U+{ord(ch):04X}×{n}" for ch, n in sorted(counts.items()))


@attrs.frozen
class GarbageSettings:
    """Settings of ``strip-garbage``.

    ``split_on_runs``: a garbage run of at least ``min_split_run`` characters with text on
    both sides of it ends one block and starts another (tools print such a run where a
    headline meets its body on one line); a shorter run is only removed.
    """

    split_on_runs: bool = True
    min_split_run: int = 2
    #: drop the rule strokes an OCR pass reads (see ``_rule_head`` and ``_rule_line``)
    rule_strokes: bool = True
    #: read back as ``——`` the dash an OCR pass read as ``一一`` at a title line's head or
    #: tail (see ``_dash_head``)
    ocr_dashes: bool = True
    #: on an OCR reading, read a quote mark ending a line after a sentence's end as
    #: closing, and one opening a line as opening (see ``_quote_at_end``)
    ocr_quotes: bool = True
    #: on an OCR reading, drop a line standing alone that is a picture read as a few
    #: glyphs and an ASCII symbol (see ``_junk_symbol``)
    ocr_junk_lines: bool = True
    #: on an OCR reading, drop the character a byline's leading mark was read as (see
    #: ``_mark_before_role``)
    ocr_byline_marks: bool = True


def _strip_strokes(block: Block, rec: Recorder) -> Block | None:
    """``block`` without the rule strokes an OCR pass read at its head; None when it holds
    nothing else."""
    text = block.text
    if _rule_line.match(text):
        rec.dropped(text.strip(), "garbage", block.span, "a rule read as strokes")
        return None
    head = _rule_head.match(text)
    if head is None or text.rstrip().endswith(("|", "｜")):
        return block
    rec.dropped(head.group().strip(), "garbage", block.span, "a rule read as a bar")
    return block.with_(text=text[head.end():])


def _mend_dash(block: Block, prev: Block | None, nxt: Block | None, rec: Recorder) -> Block:
    """``block`` with the ``一一`` an OCR pass read for a dash at its head or tail made
    ``——`` again, when it stands apart (a gap before it, or it opens the page) as a title
    line does: ``一一把困难职工冷暖放心上`` becomes ``——把困难职工冷暖放心上``.  A head
    is mended on a line that holds no clause mark; a tail on such a line too, or on a
    line that holds clause marks (a kicker: ``…筑牢民生保障线，市民纷纷发出感慨一一``)
    over a headline in a box of its own (:func:`_boxed_head`).  Not where the line may
    carry on a sentence, in which 一一 ("one by one") is a word: a head after a line left
    open on a clause mark (``对群众反映的问题，`` / ``一一作了答复``), a tail with the
    next line run on to it with no gap (``问题一一`` / ``作了答复。``), or over a line
    of prose (``心里感慨一一`` / ``大家都说日子越过越好。``)."""
    text = block.text
    if prev is not None and block.gap_before < 1:
        return block
    clause = _clause_mark.search(text) is not None
    mended = text
    if not clause and (prev is None or not ends_continuing(prev.text)):
        mended = _dash_head.sub(lambda m: m.group(1) + "—" * len(m.group(2)), mended)
    if (nxt is None or nxt.gap_before >= 1) and (not clause or _boxed_head(nxt)):
        mended = _dash_tail.sub(r"\1" + DASH_PAIR + r"\2", mended)
    if mended == text:
        return block
    rec.change("read a dash misread as 一一", block.span, mended.strip())
    return block.with_(text=mended)




def _boxed_head(block: Block | None) -> bool:
    """Whether ``block`` can be a headline in a box of its own under a kicker whose
    ``一一`` tail holds a clause mark (``…筑牢民生保障线，市民纷纷发出感慨一一`` /
    ``有了医保，日子再难也有底气！``): set apart by a blank line, short, with one clause
    mark at most and no sentence closed before its end (a ``！`` or ``？`` may close it).
    Prose under a line would carry its sentence on; 一一 ("one by one") before a verb
    never ends a line set apart over such a line.  A headline is no longer than a title
    line (:data:`~baokan.core.text.MAX_TITLE_CHARS`).  The gap is the caller's to test
    (:func:`_mend_dash` mends no tail with the next line run on to it)."""
    if block is None:
        return False
    head = block.text.strip().rstrip(CLOSERS)
    if not head or content_length(head) > MAX_TITLE_CHARS:
        return False
    if head.endswith(("！", "!", "？", "?")):
        head = head[:-1]
    return len(_clause_mark.findall(head)) <= 1 and _sentence_mark.search(head) is None


def _junk_line(block: Block, prev: Block | None, nxt: Block | None) -> bool:
    """Whether ``block`` is a picture an OCR pass read as a few glyphs: a line standing
    alone (a gap before and after it, or the page's edge) of at most
    :data:`MAX_JUNK_HAN` Han characters with an ASCII symbol among them (``<开哺``)."""
    return ((prev is None or block.gap_before >= 1) and (nxt is None or nxt.gap_before >= 1)
            and _junk_symbol.search(block.text) is not None
            and han_count(block.text) <= MAX_JUNK_HAN)


def _mend_quotes(block: Block, rec: Recorder) -> Block:
    """``block`` with the quote marks an OCR pass read facing the wrong way at its ends
    turned as a printed line's ends allow: ``在国际市场上将有很大的竞争力 !“`` ends
    ``!”``, ``”别看栏小，`` starts ``“别``."""
    text = _quote_at_head.sub(r"\1“", _quote_at_end.sub("”", block.text))
    if text == block.text:
        return block
    rec.change("turned a quote mark an OCR pass misread", block.span, text.strip())
    return block.with_(text=text)


@heuristic("strip-garbage", settings=GarbageSettings,
           provides={Stage.CLEAN_TEXT, Tag.GARBAGE_BOUNDARY})
def strip_garbage(doc: Document, settings: GarbageSettings) -> Document:
    """Remove U+FFFD, control and zero-width characters; a run inside a line splits the line;
    drop the rule strokes an OCR pass reads (a bar opening a line, a line of strokes), and
    read back the dash it read as ``一一`` at a title line's head or tail.

    Cue: the characters themselves.  Example: ``西华：推动征缴工作����为认真做好`` becomes
    the blocks ``西华：推动征缴工作`` and ``为认真做好``.
    """
    rec = Recorder("strip-garbage")
    out: list[Block] = []
    # one search over the page first: most pages hold no garbage at all (a line break is
    # none, and stripping rule strokes adds none)
    clean = _garbage.search("\n".join([b.text for b in doc.blocks])) is None
    ocr = is_ocr(doc.measurements)
    quotes, dashes, strokes = (settings.ocr_quotes and ocr, settings.ocr_dashes and ocr,
                               settings.rule_strokes and ocr)
    junk, marks = settings.ocr_junk_lines and ocr, settings.ocr_byline_marks and ocr
    for i, block in enumerate(doc.blocks):
        if junk and _junk_line(block, doc.blocks[i - 1] if i else None,
                               doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None):
            rec.dropped(block.text.strip(), "garbage", block.span,
                        "a picture an OCR pass read as glyphs")
            continue
        if marks and (mark := _mark_before_role.match(block.text)) is not None:
            rec.dropped(block.text[mark.end() - 1], "garbage", block.span,
                        "a byline's mark an OCR pass read as a character")
            block = block.with_(text=mark.group(1) + block.text[mark.end():])
        if quotes:
            block = _mend_quotes(block, rec)
        if dashes and "一一" in block.text:
            block = _mend_dash(block, doc.blocks[i - 1] if i else None,
                               doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None, rec)
        if strokes and ("|" in block.text or "｜" in block.text
                        or "[" in block.text or "]" in block.text or "\\" in block.text):
            kept = _strip_strokes(block, rec)
            if kept is None:
                continue
            block = kept
        if clean or not _garbage.search(block.text):
            out.append(block)
            continue
        removed = "".join(_garbage.findall(block.text))
        rec.dropped(describe(removed), "garbage", block.span, f"{len(removed)} garbage characters")
        parts: list[str] = []
        current = ""
        for piece in _garbage_split.split(block.text):
            if not _garbage.fullmatch(piece):
                current += piece
            elif settings.split_on_runs and len(piece) >= settings.min_split_run:
                parts.append(current)
                current = ""
        parts.append(current)
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) > 1:
            rec.change("split at garbage", block.span, f"into {len(parts)} blocks")
        for i, part in enumerate(parts):
            tags = block.tags | {"garbage_boundary"} if len(parts) > 1 else block.tags
            out.append(block.with_(text=part, gap_before=block.gap_before if i == 0 else 0,
                                   tags=tags))
    return rec.apply(doc, out)
