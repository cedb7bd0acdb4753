"""``find-titles``: mark short lines that cannot be body text as titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.lexicon import breaks_word, pair_at_least
from baokan.core.marks import Stage, Tag
from baokan.core.names import is_person_name, photo_credit
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span, cut_off_before
from baokan.core.text import (
    CLAUSE_MARK,
    CLAUSE_MARKS,
    CLOSERS,
    DASH_PAIR,
    MAX_TITLE_CHARS,
    OPENING_MARKS,
    SUBTITLE_LEAD,
    WIDE_DASH_PAIR_END,
    content_length,
    ends_continuing,
    ends_mid_clause,
    ends_paragraph,
    ends_sentence,
    inner_punct_count,
    is_han,
    label_pattern,
    leaves_open,
    line_cells,
    starts_with_opening_mark,
)

#: A markdown heading longer than this is body text the tool marked as a heading (a
#: paragraph set in bold), not a title.
MAX_HEADING_CHARS = 64
#: A title holds at most this many sentence punctuation marks (a headline of two clauses
#: ``A，B`` with a closing ``！`` still qualifies; a sentence holds more).
MAX_INNER_PUNCT = 2
#: How many letter-spaced Han characters in a row make a line "stretched": fewer can be a
#: short title set with tracking, six or more spread over a column is a justified body line.
LETTER_SPACED_RUN = 6

#: A line at least this share of the column's width (the dump's median line) is a full
#: printed line of body type: a subhead is set short or centred, a headline in larger
#: type holds fewer characters a line.  (0.85: a full line a cell or two short of the
#: median still counts; the synthetic pages' title lines stay under it in 9 cases of 10.)
FULL_LINE_SHARE = 0.85
#: The measurement (profile detection's) that gives the column width in characters.
COLUMN_MEASURE = "median_line_chars"


@attrs.frozen
class TitleSettings:
    """Settings of ``find-titles``.

    ``max_chars``: a title line is at most this long; ``max_heading_chars``: a markdown
    heading longer than this is body; ``plain_lines``: whether unmarked lines can be
    titles (off for markdown dumps, whose tool marks headings); ``max_inner_punct``: a
    title holds at most this many sentence punctuation marks; ``full_line_share``: a line
    at least this share of the column's width that stops mid-clause, with body going on
    after it, is body (see :data:`FULL_LINE_SHARE`); ``ocr_subtitles``: on an OCR pass's
    dump (:func:`baokan.core.ocr.is_ocr`), a short line under a dash-led subtitle that
    would be read as prose with it opens the body instead.
    """

    max_chars: int = MAX_TITLE_CHARS
    max_heading_chars: int = MAX_HEADING_CHARS
    plain_lines: bool = True
    max_inner_punct: int = MAX_INNER_PUNCT
    full_line_share: float = FULL_LINE_SHARE
    ocr_subtitles: bool = True


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
        return _exclaims_or_asks(stripped) \
            and inner_punct_count(stripped) <= MAX_INNER_PUNCT and "。" not in stripped
    return inner_punct_count(stripped) <= max_inner_punct


def _exclaims_or_asks(stripped: str) -> bool:
    """Whether a stripped line ends on ``！`` or ``？`` (closers after it allowed)."""
    return stripped.rstrip(CLOSERS).endswith(("！", "!", "？", "?"))


_LETTER_SPACED = regex.compile(r"(?:\p{Han}[ \u3000]+)" + f"{{{LETTER_SPACED_RUN}}}")


def is_stretched_prose(text: str) -> bool:
    """A line letter-spaced over six characters or more that holds a clause mark: a
    printed line of body text stretched to fill its column (``中 国 特 色 社 会 主 义
    新 时 代 ，是``), never a title, even where it stands alone — unless it closes as
    a title does and a justified line of prose does not (:func:`closes_like_a_title`):
    some tools space every glyph of a page, its kickers and headlines with the rest
    (``我 市 织 密 全 民 健 康 网 ，… 感 慨 — —`` / ``有 了 医 保 ，日 子 再 难 也 有 底 气 ！``)."""
    return _LETTER_SPACED.search(text) is not None and CLAUSE_MARK.search(text) is not None \
        and not closes_like_a_title(text)


def closes_like_a_title(text: str) -> bool:
    """Whether a line closes as a kicker or an exclaimed or asked headline does and a
    justified line of prose, which runs on to the next, does not: on an introducing
    colon, ``！`` or ``？`` (closers after it allowed), or a 破折号 of wide dashes, spaced
    or not (:data:`~baokan.core.text.WIDE_DASH_PAIR_END`: pdfminer spaces it as ``— —``)."""
    stripped = text.strip()
    return _exclaims_or_asks(stripped) or stripped.endswith(("：", ":")) \
        or WIDE_DASH_PAIR_END.search(stripped) is not None


def _cut_off_dateline(title: Block, after: Block) -> bool:
    """Whether ``title`` was cut off the line of the dateline ``after`` (find-bylines
    splits ``送票子出点子 本报讯（…）…`` so): it stands alone as a line does after a gap."""
    return after.kind == Kind.DATELINE and cut_off_before(title, after)


def _titles_over_an_opening(blocks: tuple[Block, ...], settings: TitleSettings) -> set[int]:
    """Indexes of unmarked title-like lines, each standing alone, right over a dateline or
    an opening byline (``农村青年早婚现象堪忧`` / ``本报讯（通讯员 X）…``): a head the tool
    did not mark as a heading (a byline or dateline opens an article under its title).
    A line holding a clause mark is left as it is (``二、更新观念，做“巧为”文章``: a
    numbered section head or a sentence from a piece the tool interleaved)."""
    found: set[int] = set()
    for i in range(len(blocks) - 1):
        title, after = blocks[i], blocks[i + 1]
        if title.kind in Kind.BODY and title.level is None \
                and (title.gap_before or _cut_off_dateline(title, after)) \
                and after.opens_article and not CLAUSE_MARK.search(title.text) \
                and is_title_text(title.text, max_chars=settings.max_chars,
                                  max_inner_punct=settings.max_inner_punct):
            found.add(i)
    return found


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


_INNER_SENTENCE_END = regex.compile(r"[。！？!?][”’」』）)]*(?=.*[\p{Han}\p{N}])")
_CLOSING_START = regex.compile(r"^[，。、；：？！,.;:?!”’」』）)》〉】]")
#: Bullets a line may open on (a list item, a box before a column's name).
_BULLETS = frozenset("■◆◇●□▲★☆")


def _opening_start(text: str) -> bool:
    """Whether ``text`` opens on an opening mark (or a straight quote), a dash or a bullet."""
    return starts_with_opening_mark(text) or text[:1] in _BULLETS
_word_end_re = regex.compile(r"[\p{Han}\p{L}\p{N}]$")
#: How a title line may end that a line of prose does not: a kicker's colon or dash, an
#: exclaimed or asked headline.
_TITLE_ENDS = ("：", ":", DASH_PAIR, "！", "!", "？", "?")
#: Particles, conjunctions and adverbs that a line starts with when it carries on the
#: clause the line before it left open (``……服务`` / ``的发展``); a title may start with
#: one (和平…, a torn ``打造有温度`` / ``的医保服务``), so they count only after body text
#: that stops mid-clause.
_LINKING_START = "的了着和与及而并但也就都又还把被所之其于或且"
#: At most this many passes: each join of a line to the body before it can leave one
#: more line for the next pass to join, and a page converges in two or three.
MAX_PASSES = 4
#: The actions of a pass that join lines: only they can make another pass differ.
_JOINS = frozenset({"joined a body line cut off as a title",
                    "title-like line and the line before are prose",
                    "body line carrying on the line before"})


#: An editor's note that pictures go with the text (``（附图片1张）``, ``（附照片）``,
#: ``（附图2幅）``): it closes a story's title as the archive prints it inside a body
#: (an inner story of a compilation), never a headline the page set in title type.
_ATTACHMENT_NOTE = regex.compile(
    r"[（(]\s*附\s*(?:图\s*片|照\s*片|图|表)\s*[\p{N}一二三四五六七八九十]*\s*[张幅个]?\s*[）)]\s*$")


def ends_with_attachment_note(text: str) -> bool:
    """Whether a line ends with an attachment note (:data:`_ATTACHMENT_NOTE`)."""
    return _ATTACHMENT_NOTE.search(text) is not None


def reads_as_body(text: str, prev: Block | None) -> bool:
    """Whether a short stand-alone line is a piece of body text and not a title.

    Cues: a sentence closes inside it (``种媒体一哄而上。现在，国企改``); it starts with a
    closing mark or a particle (``”，他说`` / ``的发展``); or the line before it stops
    mid-clause and this one carries the clause on: it holds a clause mark, starts with
    a linking word, ends with ``：`` (``工作的孙晓明说：``), or the break between the two
    falls inside a word (:func:`~baokan.core.lexicon.breaks_word`).  (A line as wide as the
    column after an open sentence can still be a headline: the body before it ran on
    elsewhere.)
    """
    stripped = text.strip()
    if ends_with_attachment_note(stripped):
        return True
    after_title = prev is not None and prev.kind == Kind.TITLE
    if _INNER_SENTENCE_END.search(stripped) or (_CLOSING_START.match(stripped)
                                                and not after_title):
        # (a title torn at its colon, 审计 / ：实行监督的最好武器, stays a title)
        return True
    if prev is None or prev.kind not in Kind.BODY or not ends_mid_clause(prev.text):
        return False
    return (CLAUSE_MARK.search(stripped) is not None or stripped[:1] in _LINKING_START
            or stripped.endswith(("：", ":"))
            or breaks_word(prev.text, stripped))


#: A body line opening on at most this many Han characters closed by a sentence mark
#: (``系。在我国…``) opens inside a word: the rest of a line cut off above it.  An
#: article's first sentence is longer.  (A clause mark says less: ``从、服务于…`` is as
#: often a column the tool interleaved, and ``据悉，`` a whole clause.)
CUT_FRAGMENT_CHARS = 2
_CUT_START = regex.compile(r"^\p{Han}" + f"{{1,{CUT_FRAGMENT_CHARS}}}" + r"[。！？!?]")
#: A word the tool cut at the end of a short line closes within this many characters of
#: the line printed right under it, on a mark (``…进入新时`` / ``代，这是…``, ``…紧密相`` /
#: ``关。比如…``, ``…1997年第59号文`` / ``件，发布了…``): the rest of the line's word,
#: then its clause goes on.  A paragraph under a title opens on a clause of its own, two
#: characters or more before its first mark (``近日，``), so one mark this close says
#: little alone: the break must also fall inside a word (below) or a number.
CUT_WORD_TAIL_CHARS = 2
_CUT_WORD_TAIL = regex.compile(r"^[\p{Han}\p{N}]" + f"{{1,{CUT_WORD_TAIL_CHARS}}}"
                               + r"[，。；！？,;!?]")
#: The least general-Chinese association of the two characters around such a break for
#: it to fall inside a word: any pair the lexicon holds (its floor, a pair common inside
#: words), since the short tail closed by a mark already says the line was cut; the
#: strongest pairs alone are too few (``时代`` is 3.0: both characters are common).
CUT_WORD_ASSOCIATION = 2.0
#: A number cut at a line's end: the line stops on a digit (or a number's inner mark after
#: one: ``占10%—`` / ``20%。``, ``1∶`` / ``3的比例``) and the line under it opens on a digit.
_NUMBER_END = regex.compile(r"\p{N}[%％]?[.．∶:—–-]?$")
_NUMBER_START = regex.compile(r"^\p{N}")
#: A number set apart by a space at a line's end is a table's cell (``餐饮业 176542`` /
#: ``32.8…``), the next row's figures under it: no number cut in two.
_NUMBER_CELL = regex.compile(r"\s[\p{N}.．,，]*\p{N}[%％]?[.．∶:—–-]?$")


def cut_before_next(text: str, nxt: Block | None, next_is_title: bool = False) -> bool:
    """Whether a short line is the head of a printed body line whose rest the tool set on
    the line right under it: the next block is body, printed with no blank line between,
    and carries the line's last word or number on: it opens on a number the line's
    number goes on with (``…占10%—`` / ``20%。``), or on the tail of the line's last word
    closed by a mark (:data:`_CUT_WORD_TAIL`) where the line stops on a digit (``…554.12``
    / ``万元。``) or the break falls inside a general-Chinese word
    (``CUT_WORD_ASSOCIATION``: ``新时`` / ``代，`` is 时代).  A headline over its body ends
    on a whole word, and its body opens on a clause of its own.  A number cut over another
    title-like line (``next_is_title``) is one title wrapped inside it (``…整顿见成效1`` /
    ``6个重点市场…``); a word's tail closed by a mark is body after any line (``…”措`` /
    ``施后，引起了不少人``: a head's second line does not stop its first word there)."""
    if nxt is None or nxt.kind not in Kind.BODY or nxt.level is not None \
            or nxt.gap_before > 0:
        return False
    line = regex.sub(r"\s+", "", text)
    rest = regex.sub(r"\s+", "", nxt.text)
    if not line or not rest or line.endswith(_TITLE_ENDS):
        return False
    if _NUMBER_END.search(line) and _NUMBER_START.match(rest):
        return not next_is_title and _NUMBER_CELL.search(text.strip()) is None
    if not ends_mid_clause(line) or ends_continuing(line) \
            or _CUT_WORD_TAIL.match(rest) is None:
        return False
    return line[-1:].isdigit() or pair_at_least(line[-1:], rest[:1], CUT_WORD_ASSOCIATION)


#: How many byline or credit lines the tool may set between a body line and its rest.
MAX_INSERTED_NAME_LINES = 2


#: One Han character and nothing else on a line.
_LONE_GLYPH = regex.compile(r"^\p{Han}$")


def _glyph_at(blocks: Sequence[Block], index: int) -> bool:
    return 0 <= index < len(blocks) and _LONE_GLYPH.match(blocks[index].text.strip()) is not None


def _stray_glyph(blocks: Sequence[Block], index: int) -> bool:
    """Whether ``blocks[index]`` is one Han character standing alone, a blank line on
    either side and no other lone character beside it: a glyph the tool cut off the line
    it belongs to (a letter-spaced name ``张　新``, a spread headline, a credit's ``摄``),
    set down between two columns' text.  No title is one character, and two or more
    glyphs in a row are a vertical line or a name set glyph by glyph (read elsewhere).
    Under a title line it is that title's last glyph, wrapped (``…应有更多民`` / ``主``);
    elsewhere its line is not at hand, and as a title it would open an article inside the
    sentence the columns around it carry on (``…和国家大`` / ``新`` / ``数据战略，…``)."""
    block = blocks[index]
    return (_glyph_at(blocks, index) and block.gap_before > 0 and index + 1 < len(blocks)
            and blocks[index + 1].gap_before > 0
            and not _glyph_at(blocks, index - 1) and not _glyph_at(blocks, index + 1)
            and not _same_row(blocks, index, index - 1)
            and not _same_row(blocks, index, index + 1))


def _same_row(blocks: Sequence[Block], index: int, other: int) -> bool:
    """Whether ``blocks[other]`` was cut from the source line ``blocks[index]`` is on (a
    row read across the gutter, cut into its columns' pieces by ``split-ocr-rows``): a
    glyph beside a piece of its own printed row is no stray from another line, but a piece
    of a spread head (``一`` / ``把一把手工程`` / ``程``), and stays for the title pass."""
    return 0 <= other < len(blocks) and blocks[other].span[0] <= blocks[index].span[0] \
        <= blocks[other].span[1]


#: The photo credit's mark standing alone on a line (``X 摄``, ``X/摄`` in the
#: conventions): the end of a credit whose name the line before holds, never a title.
_LONE_CREDIT_MARK = regex.compile(r"^[/／]?\s*摄$")


def torn_by_inserted_names(text: str, blocks: tuple[Block, ...], index: int) -> bool:
    """Whether a short line (``blocks[index]``) is a printed line of body text that the
    tool cut off by setting a byline or a photo credit printed beside the column after it
    (``…把生产、加工`` / ``使农业成为一个完整的产业体`` / ``通讯员 X`` / ``系。在我国…``):
    the line stops mid-clause, one or two byline or credit lines follow, and the body
    after them carries its clause on — it opens inside a word (:data:`_CUT_START`), or
    the line leaves a quote open that no title line after it closes (``钱其琛还指出：
    “南非``).  A headline over a byline is followed by a body that opens a sentence.
    The names are a credit or a byline that writes its role (``通讯员``, ``记者``): a bare
    name under the line is its author's, and the two are a head set inside the column
    (``关于城市更新的几点思考`` / ``钱文博``)."""
    stripped = text.strip()
    if _LONE_CREDIT_MARK.match(stripped):
        # …本报记者 X / 摄: the credit's mark torn off its name, where the name ends a
        # line of text it can go back onto (after a byline block, it would stand alone)
        prev = blocks[index - 1] if index > 0 else None
        return prev is not None and prev.kind in Kind.BODY and ends_mid_clause(prev.text)
    if not ends_mid_clause(stripped) or stripped.endswith(_TITLE_ENDS):
        return False
    at = index + 1
    while at < len(blocks) and at - index <= MAX_INSERTED_NAME_LINES \
            and (blocks[at].kind == Kind.CREDIT or (blocks[at].kind == Kind.BYLINE and any(
                b.role and b.role in blocks[at].text for b in blocks[at].bylines))):
        at += 1
    if at == index + 1 or at >= len(blocks) or at - index > MAX_INSERTED_NAME_LINES + 1:
        return False
    after = blocks[at]
    if after.kind not in Kind.BODY or after.level is not None:
        return False
    return _CUT_START.match(after.text.strip()) is not None or leaves_open(stripped)


def torn_at_opening_mark(first: Block, second: Block, settings: TitleSettings) -> bool:
    """Whether two body lines printed one under the other are one title line the tool
    broke right after an opening quote or bracket (``人潮溪镇构建“`` / ``大统战”工作格局``):
    the first ends on an opening mark (any of :data:`OPENING_MARKS`), the second follows
    it with no blank line and closes the mark, and the two read as a title together.
    A line of prose never ends on an opening mark of its own; a title broken there loses
    its first half to the body before it, since a line ending on ``“`` cannot end a
    title."""
    a, b = first.text.strip(), second.text.strip()
    return (a[-1:] in OPENING_MARKS and second.gap_before == 0
            and first.kind in Kind.BODY and second.kind in Kind.BODY
            and first.level is None and second.level is None
            and Tag.PROSE not in first.tags and Tag.PROSE not in second.tags
            and leaves_open(a) and not leaves_open(a + b)
            and is_title_text(a + b, max_chars=settings.max_chars,
                              max_inner_punct=settings.max_inner_punct)
            and not is_stretched_prose(a + b))


def _join_torn_titles(blocks: tuple[Block, ...], settings: TitleSettings,
                      rec: Recorder) -> tuple[Block, ...]:
    """``blocks`` with each title line broken after an opening mark
    (:func:`torn_at_opening_mark`) joined back into one line, still unmarked: the pass
    then judges the whole line."""
    out: list[Block] = []
    for block in blocks:
        if out and torn_at_opening_mark(out[-1], block, settings):
            first = out[-1]
            rec.change("title line broken after an opening mark joined", block.span,
                       block.text[:20])
            start, end = covering_span((first, block))
            out[-1] = first.with_(text=first.text.rstrip() + block.text.strip(),
                                  start=start, end=end, tags=first.tags | block.tags)
            continue
        out.append(block)
    return tuple(out)


def carries_title_line_on(text: str, prev: Block | None) -> bool:
    """Whether a short line and the title-like line before it are one piece of prose: the
    line before stops on a word (not on ``：`` or ``——``, as a kicker does) and this one
    holds a clause mark without ending like a kicker or an exclaimed headline
    (``记者见到了负责养护的`` / ``老党员王建国，他告诉记者``)."""
    if prev is None or prev.kind != Kind.TITLE or prev.level is not None:
        return False
    before, stripped = prev.text.strip(), text.strip()
    return (_word_end_re.search(before) is not None
            and CLAUSE_MARK.search(stripped) is not None
            and not stripped.endswith(_TITLE_ENDS))


def opens_paragraph_line(text: str, nxt: Block | None, next_is_title: bool,
                         full: bool = False) -> bool:
    """Whether a short line is a printed line of a paragraph cut from the rest: a ``full``
    line that holds a clause mark, stops on a word, and the body block after it goes on
    without an opening mark (``科雷眨了眨眼，用右手食指按住脑门`` / ``穴，“这个嘛……``).
    (A full line alone can be a headline spread over the columns; a comma alone, a
    subhead: ``“全链”服务，速度再提升``.)"""
    stripped = text.strip()
    return (nxt is not None and nxt.kind in Kind.BODY and not next_is_title
            and full and CLAUSE_MARK.search(stripped) is not None
            and ends_mid_clause(stripped) and not ends_continuing(stripped)
            and not _opening_start(nxt.text.strip()))


def _glue(left: Block, right: Block) -> Block:
    """``left`` with ``right``'s text joined on: one paragraph the tool printed apart."""
    a, b = left.text.rstrip(), right.text.lstrip()
    sep = " " if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum() \
        else ""
    start, end = covering_span((left, right))
    return left.with_(text=a + sep + b, start=start, end=end, kind=Kind.PARAGRAPH,
                      tags=left.tags | right.tags | {Tag.PROSE})


#: A heading opening on a fragment of at most two Han characters closed by a clause mark
#: (``准，云南省…``, ``不大，但每一处…``) begins inside a clause: its line was cut out of
#: a paragraph (a headline rarely opens ``X，``; such a run is body-length, below).
_CUT_OPENING = regex.compile(r"^\p{Han}{1,2}[" + CLAUSE_MARKS + "]")
#: The shortest such run read as body: a shorter ``稳，…`` heading may be a headline's
#: terse call; a cut-out run of printed lines holds about a line or more of a column.
MIN_CUT_RUN_CHARS = 12


def heading_is_cut_run(text: str) -> bool:
    """Whether a markdown "heading" is a run of body lines cut out of a paragraph: it ends
    on a mark after which the clause goes on, or it is body-length and opens inside a
    clause."""
    stripped = text.strip()
    return stripped[-1:] in CLAUSE_MARKS \
        or (_CUT_OPENING.match(stripped) is not None
            and content_length(stripped) >= MIN_CUT_RUN_CHARS)


#: How many title blocks a run of body lines cut out as a heading may be printed after,
#: away from the paragraph it was cut from (a section label and a headline in between).
MAX_TITLES_OVER_CUT_RUN = 2


def _cut_run_host(out: list[Block], text: str) -> int | None:
    """Where a heading that is a run of cut-out body lines (:func:`heading_is_cut_run`)
    goes back: the last body paragraph, right before it or over at most
    ``MAX_TITLES_OVER_CUT_RUN`` title blocks, when that paragraph stops mid-clause (its
    sentence goes on in the run); ``None`` when there is none."""
    if not heading_is_cut_run(text):
        return None
    for back in range(1, min(len(out), MAX_TITLES_OVER_CUT_RUN + 1) + 1):
        prev = out[-back]
        if prev.kind == Kind.TITLE and prev.level is not None:
            continue  # a heading printed between the paragraph and the run
        if prev.kind in Kind.BODY and prev.level is None and ends_mid_clause(prev.text) \
                and not ends_paragraph(prev.text):
            return len(out) - back
        return None
    return None


#: A heading that ends a sentence (``。``) and holds at most this many characters is the
#: tail of a sentence the tool cut and set as a heading (``年活动中心启动。``): no title
#: ends on a full stop.  (A longer one is a lead or caption set large, read as
#: ``max_chars`` says; the segmenter and find-captions read it.)
MAX_CUT_TAIL_CHARS = 12


def heading_is_body(text: str, max_chars: int) -> bool:
    """Whether a markdown "heading" is really body text: long, holding a full stop, or a
    run of body lines cut out of a paragraph (:func:`heading_is_cut_run`)."""
    stripped = text.strip()
    return content_length(stripped) > max_chars or "。" in stripped.rstrip("。") \
        or heading_is_cut_run(stripped) or ends_with_attachment_note(stripped) \
        or (stripped.endswith("。") and content_length(stripped) <= MAX_CUT_TAIL_CHARS)


@heuristic("find-titles", settings=TitleSettings, requires={Stage.PARAGRAPHS},
           reads={Kind.TEXT, Kind.PARAGRAPH, Stage.HEADINGS, Tag.PROSE, Kind.DATELINE,
                  Kind.BYLINE, Kind.CREDIT, Tag.OPENING, Tag.DRAWN_TWICE,
                  Tag.AFTER_DATELINE},
           provides={Stage.TITLES, Kind.TITLE, Kind.PARAGRAPH, Tag.PROSE})
def find_titles(doc: Document, settings: TitleSettings) -> Document:
    """Mark title-like blocks (headline, kicker, subtitle, subhead: decided by segmentation).

    Cues: a markdown heading mark, unless the heading is long, holds a full stop or is a
    run of body lines cut out of a paragraph (it then goes back onto the paragraph before
    it when that paragraph stops mid-clause, over at most two headings); for
    unmarked lines, a stand-alone short line (at most ``max_chars``) that does not end
    like a sentence and holds few punctuation marks.  Example: ``生育关怀再加码`` between
    two paragraphs is a title line; ``#### 不大,但每一处都需要…。今年以来…`` is body.
    Where unmarked lines are not titles (markdown dumps), a stand-alone title-like line
    over a line that is one person's name alone still is, and so is the name (the tool
    missed an essay's title; segmentation makes the name its author), so is one right over
    a dateline or an opening byline, and so is a short line led by a dash right under a
    heading (``——《战斗故事丛书》读后``: its subtitle), and so is a title-like line right
    under a heading that is a section label (``##### 简讯`` / ``全国检察机关表彰先进``: the
    headline the tool did not mark).  A title-like line drawn twice (fake
    bold, ``Tag.DRAWN_TWICE``) is a title line even after a body line cut mid-clause.
    A glyph standing alone (:func:`_stray_glyph`) is no title: under a title line it goes
    back on it, elsewhere it is dropped.
    The text split off a dateline's line (``Tag.AFTER_DATELINE``) begins its body and is
    never a title, however short; so are the short lines after it that carry its sentence
    on, up to one right over a dateline or an opening byline (the next story's title).
    """
    rec = Recorder("find-titles")
    column = doc.measurements.get(COLUMN_MEASURE, 0.0)
    blocks = _join_torn_titles(doc.blocks, settings, rec) if settings.plain_lines \
        else doc.blocks
    ocr = settings.ocr_subtitles and is_ocr(doc.measurements)
    out = _titles_pass(blocks, settings, column, rec, ocr)
    # a join can make a line the next pass would join again (a body line glued to a
    # piece cut off as a title): passes are made until none changes anything, so that
    # running the step twice is running it once
    joined = any(action in _JOINS for action, _, _ in rec.changes)
    for _ in range(MAX_PASSES - 1):
        if not joined:
            break
        scratch = Recorder("find-titles")
        again = _titles_pass(tuple(out), settings, column, scratch, ocr)
        if [(b.text, b.kind) for b in again] == [(b.text, b.kind) for b in out]:
            break
        joins = [c for c in scratch.changes if c[0] in _JOINS]
        rec.changes.extend(joins)
        joined, out = bool(joins), again
    return rec.apply(doc, out)


#: An inner story's title wraps over at most this many full lines above its attachment
#: note; more title lines above are a headline's.
MAX_NOTE_TITLE_LINES = 2


#: The marks before a one-character clause that ends a line cut out of a body
#: (``“过去我们要靠村干部挨家挨户问，现``): a comma or an enumeration comma; a title's clause
#: after its comma is a phrase.  Not a semicolon (``；;``, the rest of
#: :data:`~baokan.core.text.CLAUSE_MARKS`): an OCR pass reads a head's colon as one
#: (``克林顿：车…`` read ``部林天 ;车``), and the head would turn body.
_ONE_CHAR_CLAUSE_MARKS = "，、,"


def _cut_after_clause(text: str) -> bool:
    """Whether a line ends on a one-character clause, a Han character after one of
    :data:`_ONE_CHAR_CLAUSE_MARKS`: a body line cut where a head set inside the column
    interrupts its sentence, standing alone over that head (an OCR pass sets blank lines
    between its boxes; a text layer may print the line apart the same way)."""
    # read off the line's end: asked of every title candidate
    stripped = text.rstrip()
    if not is_han(stripped[-1:]):
        return False
    before = stripped[:-1].rstrip()
    return bool(before) and before[-1] in _ONE_CHAR_CLAUSE_MARKS


def _full_titles_above(out: Sequence[Block], full: Callable[[Block], bool]) -> int:
    """How many plain title lines, each as wide as the column (a title wrapped like body
    text), the blocks last out end with: one to ``MAX_NOTE_TITLE_LINES``, else 0."""
    run = 0
    while run < len(out) and out[-1 - run].kind == Kind.TITLE and out[-1 - run].level is None \
            and full(out[-1 - run]):
        run += 1
    return run if run <= MAX_NOTE_TITLE_LINES else 0


def _cut_mid_clause(text: str) -> bool:
    """Whether a body line stops inside a clause, so that the body line after it carries
    its sentence on; a line that ends with a photo credit (``…献花。图/李杰``) ends its
    caption there, though it stops on a name."""
    return ends_mid_clause(text) and not ends_paragraph(text) and photo_credit(text) is None


#: A marked heading of at most this many letters and nothing else (``简讯``, ``民生关注``,
#: ``■一线见闻``) may be a section label over the page's stories (:func:`_section_labels`
#: tells it from a short headline); a longer one is a story's headline.
SECTION_LABEL_LETTERS = 5
_SECTION_LABEL = label_pattern(SECTION_LABEL_LETTERS)


def _section_labels(blocks: Sequence[Block]) -> set[str]:
    """The marked headings of a page that are section labels: short, of letters alone
    (``_SECTION_LABEL``), and either marked at a lower level than one of the page's
    other headings (``##### 简讯`` on a page whose headlines are ``##``) or set over two
    stories or more (the same label twice).  A short marked headline (``## 春回大地``)
    alone on its level is a story's headline, not a label."""
    marked = [(b.level, b.text.strip()) for b in blocks if b.level is not None]
    shaped = [(level, text) for level, text in marked if _SECTION_LABEL.match(text)]
    top = min((level for level, text in marked if not _SECTION_LABEL.match(text)),
              default=None)
    counts = Counter(text for _, text in shaped)
    return {text for level, text in shaped
            if (top is not None and level > top) or counts[text] >= 2}


def _title_like(text: str, settings: TitleSettings) -> bool:
    """Whether a line reads as a title: no sentence's end, few marks, not prose."""
    return is_title_text(text, max_chars=settings.max_chars,
                         max_inner_punct=settings.max_inner_punct) \
        and not is_stretched_prose(text)


def _titles_pass(blocks: tuple[Block, ...], settings: TitleSettings, column: float,
                 rec: Recorder, ocr: bool = False) -> list[Block]:
    """One pass of :func:`find_titles` over ``blocks`` (``ocr``: the dump is an OCR
    pass's and ``ocr_subtitles`` is on)."""
    out: list[Block] = []
    author_titles = set() if settings.plain_lines else _titles_over_an_author(blocks,
                                                                             settings)
    opening_titles = set() if settings.plain_lines else _titles_over_an_opening(blocks,
                                                                               settings)
    labels = set() if settings.plain_lines else _section_labels(blocks)

    def candidate(block: Block) -> bool:
        return settings.plain_lines and block.kind in Kind.BODY and block.level is None \
            and "prose" not in block.tags and _title_like(block.text, settings)

    def full(block: Block) -> bool:
        return column > 0 and line_cells(block.text) >= settings.full_line_share * column

    glue_next = False  # the last block out is body cut mid-clause: the next body goes on it
    # the last block out is the text after a dateline, cut mid-clause: a short line after
    # it carries its sentence on
    dateline_open = False
    for index, block in enumerate(blocks):
        if glue_next and block.kind in Kind.BODY and block.level is None and out \
                and not candidate(block) and not _opening_start(block.text.strip()):
            rec.change("joined a body line cut off as a title", block.span, block.text[:20])
            out[-1] = _glue(out[-1], block)
            glue_next = dateline_open = False
            continue
        glue_next = False
        carry, dateline_open = dateline_open, False
        if index in author_titles or index in opening_titles:
            rec.change("title line over its author's name" if index in author_titles
                       else "title line over a dateline or byline", block.span,
                       block.text[:20])
            out.append(block.with_(kind=Kind.TITLE))
            continue
        if block.kind not in Kind.BODY:
            out.append(block)
            continue
        if block.level is not None:
            host = _cut_run_host(out, block.text)
            if host is not None:
                rec.change("body lines cut out as a heading go back to the sentence they "
                           "carry on", block.span, block.text[:20])
                out[host] = _glue(out[host], block)
            elif heading_is_body(block.text, settings.max_heading_chars):
                rec.change("heading is body text", block.span, block.text[:20])
                out.append(block.with_(kind=Kind.PARAGRAPH, level=None))
                # body lines cut out of a paragraph that stop mid-clause: the body after
                # them continues their sentence (a long bold paragraph marked as a
                # heading is a paragraph of its own)
                glue_next = heading_is_cut_run(block.text) and ends_mid_clause(block.text) \
                    and not ends_paragraph(block.text)
            else:
                out.append(block.with_(kind=Kind.TITLE))
            continue
        if not settings.plain_lines and out and out[-1].kind == Kind.TITLE \
                and SUBTITLE_LEAD.match(block.text.strip()) \
                and is_title_text(block.text, max_chars=settings.max_chars,
                                  max_inner_punct=settings.max_inner_punct):
            rec.change("subtitle under a heading", block.span, block.text[:20])
            out.append(block.with_(kind=Kind.TITLE))
            continue
        if not settings.plain_lines and out and out[-1].kind == Kind.TITLE \
                and out[-1].level is not None and out[-1].text.strip() in labels \
                and _title_like(block.text, settings) \
                and block.text.strip()[:1] not in _BULLETS:
            # a headline the tool did not mark, right under a marked section label
            # (``##### 简讯`` / ``全国检察机关表彰先进``): the label is no story's headline
            # (a quote may open it: ``『月球勘探者』进入环月轨道``; a bullet's item is none)
            rec.change("title line under a section label", block.span, block.text[:20])
            out.append(block.with_(kind=Kind.TITLE))
            continue
        if candidate(block) and (Tag.AFTER_DATELINE in block.tags or (carry and not (
                index + 1 < len(blocks) and blocks[index + 1].opens_article))):
            # the text split off a dateline's line (``本报讯（记者 X）吴仪部长是应…``) begins
            # the body the dateline opens, however short the tool left its line; so do the
            # short lines that carry its sentence on (``…古巴国内贸`` / ``易部部长``) — but
            # not one right over a dateline or an opening byline: that heads the next story
            if carry:
                rec.change("body line carrying on the text after a dateline", block.span,
                           block.text[:20])
                out[-1] = _glue(out[-1], block)
            else:
                rec.change("body text after a dateline, not a title", block.span,
                           block.text[:20])
                out.append(block.with_(kind=Kind.PARAGRAPH))
            dateline_open = glue_next = _cut_mid_clause(out[-1].text)
            continue
        if candidate(block) and _stray_glyph(blocks, index):
            prev = out[-1] if out else None
            if prev is not None and prev.kind == Kind.TITLE and prev.level is None:
                # a title's last glyph wrapped onto a line of its own (``…应有更多民`` /
                # ``主``): it goes back on the title line
                rec.change("a title's last glyph joined back", block.span, block.text.strip())
                start, end = covering_span((prev, block))
                out[-1] = prev.with_(text=prev.text.rstrip() + block.text.strip(),
                                     start=start, end=end)
                continue
            rec.dropped(block.text.strip(), "furniture", block.span,
                        "one character alone: a glyph cut off its line")
            continue
        if candidate(block):
            if Tag.DRAWN_TWICE in block.tags:
                # drawn twice (fake bold): a headline's type, never a body line cut off
                rec.change("title line", block.span, block.text[:20])
                out.append(block.with_(kind=Kind.TITLE))
                continue
            prev = out[-1] if out else None
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            if carries_title_line_on(block.text, prev):
                assert prev is not None
                glue_next = _cut_mid_clause(block.text)
                if ocr and SUBTITLE_LEAD.match(prev.text.strip()):
                    # the line before is a subtitle (``——充满欢乐…``), not prose: this
                    # line is the first of the body under it, which an OCR pass prints
                    # apart when it drops the paragraph's indent and the line stands short
                    # (a text layer's dump is left as it was: there such a line is as
                    # often a body line the subtitle was interleaved into)
                    rec.change("body line under a subtitle", block.span, block.text[:20])
                    out.append(block.with_(kind=Kind.PARAGRAPH))
                    continue
                rec.change("title-like line and the line before are prose", block.span,
                           block.text[:20])
                out[-1] = _glue(prev, block)
                continue
            above = _full_titles_above(out, full) if ends_with_attachment_note(block.text) else 0
            if above:
                # the note ends an inner story's title wrapped over full lines of body type
                # (``李鹏乔石朱镕基李瑞环胡锦`` / ``涛李岚清等出席会议尉健行主`` / ``持（附图片1张）``)
                rec.change("title lines over an attachment note are body", block.span,
                           block.text[:20])
                for _ in range(above - 1):
                    last = out.pop()
                    out[-1] = _glue(out[-1], last)
                out[-1] = _glue(out[-1], block)
                glue_next = False
                continue
            next_is_title = nxt is not None and candidate(nxt)
            # a line closing on a 破折号 right over a title line leads into it (a kicker:
            # ``…市民纷纷发出感慨——`` / ``有了医保，日子再难也有底气！``), though the body
            # before it stops mid-clause and the line holds clause marks: the sentence it
            # would carry on goes on in another column
            leads_in = next_is_title and WIDE_DASH_PAIR_END.search(block.text.strip()) is not None
            if (not leads_in and reads_as_body(block.text, prev)) \
                    or _cut_after_clause(block.text) or opens_paragraph_line(
                    block.text, nxt, next_is_title, full(block)) \
                    or torn_by_inserted_names(block.text, blocks, index) \
                    or cut_before_next(block.text, nxt, next_is_title):
                if prev is not None and prev.kind in Kind.BODY and prev.level is None \
                        and ends_mid_clause(prev.text):
                    rec.change("body line carrying on the line before", block.span,
                               block.text[:20])
                    out[-1] = _glue(prev, block)
                else:
                    rec.change("body line, not a title", block.span, block.text[:20])
                    out.append(block.with_(kind=Kind.PARAGRAPH))
                # (a line cut before the next one stops inside its word or number, which
                # the next line finishes, even on a mark no clause stops on: ``10%—``)
                glue_next = _cut_mid_clause(block.text) \
                    or cut_before_next(block.text, nxt, next_is_title)
                continue
            rec.change("title line", block.span, block.text[:20])
            out.append(block.with_(kind=Kind.TITLE))
            continue
        out.append(block.with_(kind=Kind.PARAGRAPH))
    return out
