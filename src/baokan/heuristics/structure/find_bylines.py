"""Find bylines, datelines and photo credits, and take them out of the body.

A byline grammar, not a list of seed forms (``../shared/spec/conventions.md``, "Bylines
and datelines").  A byline is a run of *items*, ``[organisation] role names``:

* the organisation: ``本报``, or any short run of Han characters set against the role
  word — a paper or media centre under its own name (``咸宁日报记者``,
  ``嘉鱼县融媒体记者``), a brand and a paper (``封面新闻·华西都市报记者``, with a dot
  or a space), an agency (``新华社记者``);
* the role: a closed class of words (记者 and its kinds 首席/见习/特约/驻X/特派X…记者,
  通讯员, 实习生, 评论员, 作者, 撰文, 摄影), or a mark: ``文/X``, ``X/文``, ``图/X``,
  ``文·X``, ``□X`` ``○X`` ``◎X``, ``文/图``;
* the names: two to four Han characters after a surname, separated by spaces, ``、`` or
  nothing at all (``史书杰刘初郭昕`` is split with the surname table).

Where a byline stands:

* a line of its own: ``本报记者 王恬 通讯员 陈章 张卓``, ``□记者 杜林波``, a bare line of
  names ``李 杰 印俊闻 张道玲``, a line in brackets ``【本报记者 王恬】``, names with their
  role after them ``王恬（实习生）``;
* after a dateline that opens a brief: ``本报讯``, ``P讯`` (any short run of Han characters
  before 讯, when a bracket or a role word follows), ``新华社北京3月4日电``,
  ``本报北京1月1日电``, ``本报北京电``; the byline after it in brackets ``（记者 X 通讯员 Y）`` or as
  ``记者X报道：`` — split into a dateline block, a byline block and the body after; a
  short phrase with no punctuation or role word before the dateline, a space apart
  (``常昊喜捧NEC奖杯 本报讯（…）``), is a headline put on its line and is split off too
  (it may hold a quoted term, ``持续“创文”让幸福…``); such a headline and its dateline after
  a closed sentence and a gap inside a longer line start a story there, and the line is
  cut before them (``…生得安。 六类商品市场整顿见成效 本报讯…``: a converter ran the next
  story on after the last);
* in brackets closing a body: ``…按时“清零”。（曹 敏 曾 文 陈开宝）``, ``（X 报道）``, an
  affiliation ``（作者单位：淮阳区融媒体中心）``;
* a photo credit: ``李杰 摄``, ``记者 王恬 摄``, ``李天亮/摄``, ``图/李杰``, ``（X 摄）``;
* at the head or the tail of a longer line, after or before a gap (a tool put it on the
  line of the title or body beside it), or between two gaps inside it (a tool joined a
  subtitle, its byline and a body's first line), with a role word or a mark;
* a signed author's name alone between blank lines before a body (role 作者).

``据新华社…电`` is a source quoted inside a body (a digest), not a dateline.

Every pattern is matched on the letter-spacing-folded line (``本 报 讯（记 者 王 恬）``
reads as ``本报讯（记者王恬）``), the pieces cut out of the source text by the folded
offsets.  A byline the tool broke over lines (``本报讯（记者`` / ``杨发勋`` / ``通讯员`` /
``贺洪志）客观…``, a name cut in two ``通讯员 刘欢 曾志`` / ``光``) is joined back first.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

import attrs
import regex

from baokan.core.document import Block, BylineData, Document, Kind, Recorder
from baokan.core.marks import Stage, Tag
from baokan.core.names import (
    BAR,
    NAME_DOTS,
    NOT_NAMES,
    PHOTO_ROLE,
    ROLE,
    ROLE_WORD,
    is_clear_name,
    is_name,
    is_person_name,
    name_a_character_a_line,
    photo_credit,
    split_names,
    surname_length,
)
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span
from baokan.core.text import (
    CLAUSE_MARKS,
    CLOSING_QUOTES,
    CONTINUING,
    HAN_CLASS,
    OPENING_PARENS,
    SENTENCE_END,
    WHITE_CLASS,
    ends_mid_clause,
    fold_letter_spacing,
    fold_letter_spacing_text,
    has_space,
    starts_with_cut_tail,
    unfold_span,
)

# ---------------------------------------------------------------- the closed word classes
# role words: the conventions' closed class, core/names' ROLE_WORD (compiled: ROLE)
#: news agencies (a closed class the spec names: 新华社, and its peers)
_AGENCY = r"(?:新华社|中新社|中国新闻社|人民网|新华网|央视网|央广网|中新网|光明网|国际在线)"
#: how an organisation's name ends (报, 社, 台, 中心 …)
_ORG_END_WORD = r"(?:报|社|台|网|中心|融媒体?|新闻|传媒|客户端|杂志|频道)"
#: how an organisation's name ends when it stands apart from the role word
_ORG_END = regex.compile(_ORG_END_WORD + r"$")

# (``(?<!\s)``: a search tries each start, and from each inside a run of white space the
# leading ``\s*`` would run to the run's end again — quadratic in the run's length; the
# match, which starts where the run starts, is the same)
_trailing_colon = regex.compile(r"(?<!\s)\s*[:：]\s*$")
_report_tail = regex.compile(r"(?<=\p{Han})\s+(?:\p{Han}{2,4}?)?报道$")
# the report word glued to a role word's names, with no gap anywhere after the role word
# (``记者高玉明报道``): no place stands between them, so 报道 is no part of a name
_glued_report = regex.compile(r"(?<=(?:" + ROLE_WORD + r")\p{Han}{2,8})报道$")
# what a byline is made of: Han names and role words, the separators between names, the
# 文/图 marks and a trailing colon (anything else fails the name split anyway)
_not_in_byline = regex.compile(r"[^\p{Han}" + NAME_DOTS + r"\s、，,；;/／:：" + BAR + "]")
_name_separators = regex.compile(r"[\s、，,]+")
_not_bare_names = regex.compile(r"[^\p{Han}·\s]")
# a word that can be a name by its shape alone: two or three Han characters, none of
# them one that a name does not hold (particles, pronouns, the words of a byline itself)
_name_shape = regex.compile(r"(?!.*[的了是在和与及或等我你他她它这那有也都就还又而但被把将对从向"
                            r"为以于之其此个们年月日时说报讯摄图文记者员])\p{Han}{2,3}")
_org_shape = regex.compile(r"^\p{Han}{1,16}(?:[" + NAME_DOTS + r"\s]\p{Han}{1,16})?$")
_org_split = regex.compile(r"[" + NAME_DOTS + r"\s]")
# characters of a clause, not of a name of a paper: particles, pronouns, verbs of saying
_not_org = regex.compile(r"[的了是我你他她们这那说要在和与被把将对从向为]")

_MARKER = regex.compile(r"^[□○■●◆◇▲△★☆◎]\s*")
#: a whole byline line set in lenticular or tortoise-shell brackets (【本报记者 王恬】); the
#: group is stripped after the match (no ``\s*`` beside a lazy group: on a run of white
#: space the folding leaves, such as em spaces, that backtracks quadratically)
_ENCLOSED = regex.compile(r"^[【〔［\[]([^【】〔〕［］\[\]]+)[】〕］\]]$")
#: names with their role after them in brackets (王恬（实习生）): read as 实习生 王恬
_ROLE_IN_BRACKETS = regex.compile(r"(?<=^|\s)(\p{Han}{2,4})\s*[（(]\s*(" + ROLE_WORD + r")\s*[）)]")
#: the words a gap may tear that :func:`_close_role_gaps` mends: 本报 and every role word
#: (nor are they names, which :func:`_read_join` counts)
_ROLE_SPAN = regex.compile(r"本报|" + ROLE_WORD)
_WEN_TU = regex.compile(r"(?:^|(?<=\s))(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文图)(?=\s|$)")
#: The marks a byline prints before its names (``文/X``, ``摄影：X``), each with the role
#: it gives them: the one list of them.  图文/X: the writer who took the pictures too (like
#: 文/图 X, read as the writer).
_MARK_ROLE = {"文": "作者", "撰文": "作者", "图文": "作者", "图": PHOTO_ROLE, "图片": PHOTO_ROLE,
              "摄": PHOTO_ROLE, "摄影": PHOTO_ROLE}
# (longest first: a mark is tried before the one it holds)
_MARKS_LONGEST_FIRST = sorted(_MARK_ROLE, key=len, reverse=True)
# 文/X 图/Y, 撰文：X, 文·X (a mark, then names); X/文 Y/图 (names, then a mark)
_MARK_BEFORE = regex.compile(
    r"(?:^|(?<=[\s\p{Han}]))(" + "|".join(_MARKS_LONGEST_FIRST) + r")\s*[/／:：·" + BAR + r"]\s*(?=\p{Han})")
_MARK_AFTER = regex.compile(r"(?<=\p{Han})\s*[/／" + BAR + r"]\s*(文|图|摄影|摄)(?=\s|$)")
#: 文/图 glued to the name before it (``常万海文/图``; a letter-spaced ``王 业 明 文 /图``
#: folds so): read as a word of its own first
_WEN_TU_GLUED = regex.compile(r"(?<=\p{Han})(?:文\s*[/／]\s*图|图\s*[/／]\s*文)$")

_DATE = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_NO_ROLE = r"(?:(?!记者|通讯)\p{Han})"
# after an undated dateline (新华社电) the body starts: a gap, a bracket or punctuation
_DATELINE_END = r"(?=\s|[（(：:，,]|$)"
# what may follow P讯: a bracket, or a role word (after 本报 or a paper's name)
_AFTER_P_XUN = (r"(?=\s*[（(]|\s*(?:本报|\p{Han}{0,12}?(?:报|社|台|网|中心|融媒体?))?(?:"
                + ROLE_WORD + r"))")
_DATELINE = regex.compile(
    r"^(?:(?:本报|本刊|本台|本网)讯"
    r"|(?P<agency>" + _AGENCY + r")(?:" + _NO_ROLE + r"{0,8}?" + _DATE + r"[电讯]|"
    + _NO_ROLE + r"{0,8}?[电讯]" + _DATELINE_END + r")"
    r"|本报" + _NO_ROLE + r"{0,8}?" + _DATE + r"[电讯]"
    # 本报北京电: a place and 电 with no day, when a gap, a bracket or a mark follows
    r"|本报" + _NO_ROLE + r"{1,8}?电" + _DATELINE_END +
    # P讯: a paper or a place named before 讯 (and the day: 东江日报3月4日讯), when a
    # bracket or a role word follows
    r"|" + _NO_ROLE + r"{2,10}?(?:" + _DATE + r")?讯" + _AFTER_P_XUN + r")")
# what a line opens with when it holds the end of a bracketed byline: words, then ``）``
_CLOSE_HEAD = regex.compile(r"^\s*([^（）()，。；！？,.;!?“”\"：:\d]{2,40}?)\s*[）)]")
_OPEN_BRACKET = regex.compile(r"^\s*[（(]\s*([^（）()]+)$")
_word = regex.compile(r"\S+")
_PAREN_BYLINE = regex.compile(r"^\s*[（(]\s*([^（）()]{1,60}?)\s*[）)]\s*")
_REPORTED = regex.compile(r"^\s*([^，。；！？,.;!?（）()]{1,40}?)\s*报道\s*[:：]?\s*")
# (``(?<!\s)``, as in ``_trailing_colon``: no rescan of a run of white space from each
# of its characters)
_TRAILING = regex.compile(r"(?<!\s)\s*[（(]\s*([^（）()]{2,60}?)\s*[）)]\s*$")
# the report word that ends a bracket's byline (（记者王恬报道）), stripped before the
# names are read: the bracket marks where the byline ends, so the word may be glued to
# the last name.  Not parse_byline's ``_report_tail``, which reads a line no bracket ends:
# there only a gap sets the word apart, and a place (东江报道) may go with it
_REPORT_WORD = regex.compile(r"\s*报道$")
_credit_end = regex.compile(r"摄影?$")
# what a dateline opens with (本报, an agency, a place before 讯), before it is folded
_dateline_start = regex.compile(r"^\s*(?:本\s*[报刊台网]|新\s*华\s*社|中\s*新\s*社|"
                                r"人\s*民\s*网|央\s*视\s*网|\p{Han}(?:\s*\p{Han}){1,10}\s*讯)")
_sentence_mark = regex.compile(r"[。！？；，,;!?]")
#: the marks a clause goes on or ends at: a byline's last name never carries one (not
#: 、, which lists names and bylines: 记者魏某、新华社记者朱某)
_CLAUSE_END = frozenset("。！？；，,;!?")
_clause_mark = re.compile(r"[。！？；，、,;!?]")
# where a byline at a line's head or tail may hold its role: a role word or a mark
_role_cue = regex.compile(ROLE_WORD + r"|[/／□○■●◆◇▲△★☆◎" + BAR + r"]|撰文")
_AFFILIATION = regex.compile(r"^(?:本文)?作者(?:单位\s*[:：]|为|系)\s*(.+)$")
_NOTE_START = regex.compile(r"^\s*[（(]\s*(?:本\s*文\s*)?作\s*者\s*(?:单\s*位|为|系)")
_closing_bracket = re.compile(r"[）)]")
_opening_bracket = re.compile(r"[（(]")
_closing_bracket_at_end = re.compile(f"[）)][{WHITE_CLASS}]*$")
# cheap looks at the printed line, before it is folded: what a byline line may hold
# (brackets too: a bracketed credit), and a dateline's 讯 or 电 near the start
# (``re``, with ``regex``'s classes spelled out: these look at every line of the page)
_not_in_line = re.compile(f"[^{HAN_CLASS}{WHITE_CLASS}" + "·・•、，,；;/／:：（）()【】〔〕［］□○■●◆◇▲△★☆◎"
                          + BAR + "]")
_dateline_hint = regex.compile(r"^.{0,40}?(?:讯|日\s*电|社\s*电|社\p{Han}{1,4}电|报(?:\s*\p{Han}){1,8}\s*电)")
# a byline line (or a broken one's piece) holds a role word or a mark, or names set
# apart by gaps: ``_bare_names_hint``
_W = f"[{WHITE_CLASS}]"
_role_hint = re.compile(f"记|通{_W}*讯|实{_W}*习|评{_W}*论|作{_W}*者|撰|摄|[/／□○■●◆◇▲△★☆◎"
                        + BAR + "]")
# or names alone, apart by gaps, and nothing else
_bare_names_hint = regex.compile(r"^[\p{Han}·]+(?:\s+[\p{Han}·]+)+$")
_CREDIT = regex.compile(r"^(.{2,40}?)\s*[/／]?\s*摄(?:影)?$")
_CREDIT_BRACKETED = regex.compile(r"^[（(]\s*(.{2,40}?)\s*[/／]?\s*摄(?:影)?\s*[）)]$")
_han_run_end = regex.compile(r"\p{Han}+$")
_han_run_start = regex.compile(r"^\p{Han}+")
_one_han = regex.compile(r"\p{Han}")
_all_han_run = regex.compile(r"\p{Han}+")

#: a broken byline is joined with at most this many following lines: PyMuPDF may put a
#: role word, a name, a role word and a name a line each, and cut a name or a role word
#: in two (``本报讯（记者`` / ``赵太`` / ``侔`` / ``通讯员`` / ``马安泰）由…``)
MAX_JOINED_LINES = 6
#: an open bracket is a byline's only if at most this many characters follow it on the
#: line (``本报讯（记者 孙先敏 实习生 张``: 12); a long aside is not
MAX_BRACKET_HEAD = 24
#: a line joined to a byline holds at most this many characters (a name list, a role word)
MAX_PIECE_CHARS = 16
#: how much of a long line's head (a dateline and its byline) or tail (a closing byline)
#: is folded and searched, in printed characters: a letter-spaced dateline with a byline
#: of three names takes about 70
WINDOW = 96
#: an unclosed bracket after a dateline is read as a byline over at most this many words
#: (role words and names: 记者 X 通讯员 Y Z 实习生 W)
MAX_OPEN_WORDS = 8
#: and the name that ends such a byline holds at least this many characters: a shorter
#: one may be the head of a name the break cut (周天 / 游; most names are of three)
MIN_OPEN_NAME = 3
#: a line that opens with a dateline broken before its end is at most this long
MAX_DATELINE_HEAD = 30
#: ...and a line that opens with a dateline and a byline after it (its mends for an OCR
#: pass's misreadings look at no longer one)
MAX_DATELINE_LINE = 2 * MAX_DATELINE_HEAD
#: The shortest headline read off the head of a dateline's line (a shorter phrase is a
#: place or a column's name).
MIN_TITLE_BEFORE_DATELINE = 5
#: an organisation before a role word: a paper's or media centre's name (ending like
#: one) is at most this long (宁波市鄞州区融媒体中心: 10), a brand with no such ending
#: at most MAX_BRAND_CHARS (齐鲁壹点, 豫视频; a longer run with no such ending is a clause:
#: 负责人告诉记者，…)
MAX_ORG_CHARS = 16
MAX_BRAND_CHARS = 4
#: a name alone on a line: at most this many characters (a compound surname and two)
MAX_NAME_CHARS = 4
#: a given name is one or two characters: a line holding only that many after a byline
#: whose last word is a surname alone is that name's end, cut off by the line break
MAX_GIVEN_NAME_CHARS = 2
#: a byline at the head of a longer line leaves at least this much of it, with a mark of
#: a sentence in it, or twice as much: a body or a title, not one more name
MIN_EDGE_REST = 6
#: a byline inside a line is followed by a body's text: of the characters after it, the
#: first ``REST_LOOK * MIN_EDGE_REST`` must hold ``MIN_EDGE_REST`` that are not spaces
REST_LOOK = 4
#: a byline inside a line starts within this many byline lengths (``max_line_chars``) of
#: its head: a title and a subtitle, or one column's line, stand before it
MIDDLE_REACH = 2
#: a name set apart by blank lines signs the body after it if that body's first line holds
#: this many characters (a body line, not another short title or name)
MIN_BODY_AFTER_NAME = 8
#: the lines of a head (a title, a subtitle) that may stand between a sentence a head cut
#: and the name under that head: a title and a subtitle
MAX_HEAD_BEFORE_NAME = 2
#: lines joined across at most this many blank lines (pdfminer puts one between boxes)
MAX_JOIN_GAP = 1
#: the co-authors' names, one a line, that may stand between a signed author's name and
#: the body (``周明远`` / ``林 涛`` / body): essays have two or three authors, rarely more
MAX_NAME_STACK = 3
#: a line a byline's role word stands right under is a head's when it is at most this long
#: and stops on no mark of a sentence or clause (a head rarely ends on ，、): a body's line
#: in a wide column is longer, one in a narrow column the tool cut anywhere
MAX_HEAD_LINE = 30
_HEAD_STOP = re.compile("[" + re.escape(SENTENCE_END + CLAUSE_MARKS) + f"][{WHITE_CLASS}]*$")


@attrs.frozen
class BylineSettings:
    """Settings of ``find-bylines``.

    ``max_line_chars``: a byline line is at most this long (white space not counted);
    ``bare_names``: accept a line of two or more names with no role as a byline;
    ``signed_names``: accept a name alone on a line, set apart by blank lines before a
    body, as its author's (a signed essay).
    """

    max_line_chars: int = 40
    bare_names: bool = True
    signed_names: bool = True
    #: on an OCR reading, put back the opening bracket of a closing byline the pass lost
    #: (see ``_mend_lost_brackets``)
    ocr_brackets: bool = True


def _compact_len(text: str) -> int:
    return len("".join(text.split()))


def _at_most(text: str, limit: int) -> bool:
    """Whether ``text`` holds at most ``limit`` characters besides white space (cheaply:
    this is asked of every line; a letter-spaced line is at most about twice as long)."""
    size = len(text)
    return size <= limit or (size <= 4 * limit and _compact_len(text) <= limit)


# ---------------------------------------------------------------- the grammar
def _names(segment: str, known: frozenset[str], *, lenient: bool = False) -> list[str] | None:
    """The names of a segment: as printed, or, failing that, with every space taken out
    (a line letter-spaced unevenly: ``韩 宗宏``).

    ``lenient``: where the place says names stand (set apart after a role word, a list
    in brackets that holds a name), words of two or three Han characters set apart by
    gaps are names even when the surname table does not know their first character
    (a rare surname, a monk's name: ``特约记者 健牛``, ``（杨天民 冒天启）``)."""
    if segment.lstrip()[:1] in "、，,；;":
        return None  # 记者，通过…: a role word that a sentence goes on from
    seg = segment.strip(" 、，,；;:：" + BAR)
    if not seg or _credit_end.search(seg):
        return None  # names then 摄: a photo credit, read as one elsewhere
    names = split_names(seg, known)
    if names is None and any(len(t) == 1 for t in _name_separators.split(seg)):
        # a gap inside a name (韩 宗 宏 letter-spaced unevenly): the names run together —
        # unless a role word comes out of it (实习 生: a role word letter-spaced, which
        # the tight reading of the whole byline reads as one)
        tight = _name_separators.sub("", seg)
        names = None if ROLE.search(tight) else split_names(tight, known)
    if names is None and lenient:
        # a word the surname table reads as a name is one whatever its given name holds
        # (赵文军 beside 冒天启: the shape bars 文, a credit's word as in 文/图, from any
        # name; the table reads 赵 as a surname)
        tokens = [t for t in _name_separators.split(seg) if t]
        if all((_name_shape.fullmatch(t) or is_person_name(t)) and t not in NOT_NAMES
               for t in tokens):
            names = tokens
    if names is None:
        names = _padded_pairs(seg)
    return names


def _padded_pairs(segment: str) -> list[str] | None:
    """Two-character names each padded to the width of three and printed with nothing
    between them (``马 扬伟 尚``: 马扬, 伟尚): the gaps fall exactly in the middle of every
    pair of characters.  Each pair must have a name's shape, one at least a surname."""
    tokens = segment.split()
    compact = "".join(tokens)
    if len(tokens) < 3 or len(compact) % 2 or not _all_han_run.fullmatch(compact):
        return None
    gaps = set(itertools.accumulate(len(t) for t in tokens[:-1]))
    if gaps != set(range(1, len(compact), 2)):
        return None
    pairs = [compact[k:k + 2] for k in range(0, len(compact), 2)]
    if not all(_name_shape.fullmatch(p) and p not in NOT_NAMES for p in pairs) or not any(
            is_name(p) for p in pairs):
        return None
    return pairs


def _one_name_slot(segment: str) -> bool:
    """Whether ``segment`` (what stands between a role word or a mark and the next one,
    or the end) is a single word of a name's shape: where a byline's grammar puts one
    name, a name whatever its surname (``本报记者净慧``, ``图/敬一丹``, ``实习生顺孙``)."""
    seg = segment.strip(" 、，,；;:：" + BAR)
    return bool(seg) and _name_shape.fullmatch(seg) is not None and seg not in NOT_NAMES


def _role_of(word: str) -> str:
    word = "".join(word.split())
    if word.endswith("记者"):
        return "摄影" if word == "摄影记者" else "记者"
    if word.endswith("评论员") or word in ("撰文", "撰稿"):
        return "作者"
    if word.endswith("通讯员"):
        return "通讯员"
    return word


def _is_org(text: str) -> bool:
    """Whether ``text`` can name an organisation before a role word: a paper or media
    centre (a run ending like one: 报, 社, 台, 融媒体, 新闻 …, at most
    :data:`MAX_ORG_CHARS`), a shorter run (a brand: 齐鲁壹点), or a brand and a paper
    joined by a dot or a gap — never a clause (no particle or pronoun in it), nor a
    dateline glued to the role word (``本报讯记者 X``: 讯 ends a dateline, not a paper)."""
    text = text.strip()
    match = _org_shape.match(text)
    if not match or _not_org.search(text) or text.endswith("讯"):
        return False
    parts = [p for p in _org_split.split(text) if p]
    if len(parts) == 2 and len(parts[0]) > MAX_BRAND_CHARS:
        return False
    last = parts[-1]
    limit = MAX_ORG_CHARS if _ORG_END.search(last) or last == "本报" else MAX_BRAND_CHARS
    return 2 <= len(last) <= limit and len("".join(parts)) <= MAX_ORG_CHARS


def _split_org(mid: str, known: frozenset[str]) -> tuple[str, str | None]:
    """Cut an organisation off the end of the text between two role words
    (``王恬 咸宁日报`` + ``通讯员``): (the names before it, the organisation or None)."""
    if not mid or mid[-1].isspace():
        return mid, None
    head, _, attached = mid.rpartition(" ")
    if attached == "本报" or (_ORG_END.search(attached) and _is_org(attached)
                             and (not head.strip() or _names(head, known))):
        return head, attached
    return mid, None


def _open_names(mid: str, known: frozenset[str]) -> list[str] | None:
    """The names after the last role word of a byline broken before its end: none yet
    (``通讯员`` / …), or whole names and the first characters of one more (``通讯员 郑`` /
    ``质英``), which the next line completes."""
    rest = mid.strip(" 、，,:：")
    if not rest:
        return []
    for cut in (1, 2):
        head, tail = rest[:-cut], rest[-cut:]
        if _one_han.fullmatch(tail[-1]) and all(_one_han.fullmatch(c) for c in tail):
            if not head.strip(" 、，,"):
                return []
            names = _names(head, known)
            if names is not None:
                return names
    return None


#: Role words a writer signs with (作者, 撰文, 撰稿).  A paper or an agency may print one
#: after its name (``新华社撰稿 X``, ``本刊作者 X``, ``本报特约撰稿 X``), but a run of text
#: glued before one that does not end like an organisation is a sentence going on
#: (``…读者相信作者王某的判断``), never one: see :data:`_WRITER_ORG_END`.
_SELF_ROLES = frozenset({"作者", "撰文", "撰稿"})
#: How the organisation before a writer's role word ends: like a paper or an agency
#: (:data:`_ORG_END_WORD`, :data:`_AGENCY`; 刊 too, for 本刊 and a magazine's 周刊, where
#: writers sign as 作者), maybe with 特约 after it (本报特约撰稿: the paper's contributor).
_WRITER_ORG_END = regex.compile(r"(?:" + _ORG_END_WORD + "|" + _AGENCY + r"|刊)(?:特约)?$")


def _parse_roles(seg: str, known: frozenset[str], *, open_end: bool = False,
                 strict: bool = False) -> list[BylineData] | None:
    """``[org] role names`` items of a segment with at least one role word, or None.

    With ``open_end`` the last role may have no names yet (a byline broken after its
    role word, to be joined with the next line)."""
    matches = list(ROLE.finditer(seg))
    out: list[BylineData] = []
    prefix = seg[: matches[0].start()]
    org: str | None = None
    if prefix.strip():
        if prefix[-1].isspace() and not _ORG_END.search(prefix.strip()):
            lead = _names(prefix, known)  # names of a role printed on the line before
            if lead is None:
                return None
            out.append(BylineData(names=tuple(lead)))
        elif _is_org(prefix) and (matches[0].group() not in _SELF_ROLES
                                  or _WRITER_ORG_END.search(prefix.strip())):
            org = " ".join(prefix.split())
        else:
            return None
    for i, match in enumerate(matches):
        last = i + 1 == len(matches)
        stop = len(seg) if last else matches[i + 1].start()
        mid = seg[match.end():stop]
        next_org: str | None = None
        if not last:
            mid, next_org = _split_org(mid, known)
        role = _role_of(match.group())
        # names set apart from their role word by a gap or a colon stand where names do
        names = _names(mid, known, lenient=not strict and (mid[:1] in " :：" + BAR
                                                            or _one_name_slot(mid)))
        if names is None and last and open_end:
            names = _open_names(mid, known)
        if names is None:
            return None
        word = "".join(match.group().split())
        organization = org
        if organization is None and word.startswith("本报"):
            organization = "本报"
        out.append(BylineData(names=tuple(names), role=role, organization=organization))
        org = next_org
    return out


def _parse_marks(seg: str, known: frozenset[str]) -> list[BylineData] | None:
    """``文/X 图/Y``, ``X/文``, ``撰文：X``, ``文·X``: names that a mark gives a role.

    A mark opens the segment (``文/``) or closes it (``/文``); either reading is tried
    (``王树文/文``: the 文 that ends the name is not a mark before the one after it)."""
    before = list(_MARK_BEFORE.finditer(seg))
    if before and before[0].start() == 0:
        out: list[BylineData] | None = []
        for i, mark in enumerate(before):
            stop = before[i + 1].start() if i + 1 < len(before) else len(seg)
            parsed = _parse_plain(seg[mark.end():stop], known, role=_MARK_ROLE[mark.group(1)],
                                  marked=True)
            if parsed is None or out is None:
                out = None
                break
            out.extend(parsed)
        if out:
            return out
    after = list(_MARK_AFTER.finditer(seg))
    if after and after[-1].end() == len(seg):
        out = []
        start = 0
        for mark in after:
            parsed = _parse_plain(seg[start:mark.start()], known, role=_MARK_ROLE[mark.group(1)],
                                  marked=True)
            if parsed is None:
                return None
            out.extend(parsed)
            start = mark.end()
        return out
    return None


def _parse_plain(seg: str, known: frozenset[str], *, role: str | None = None,
                 open_end: bool = False, strict: bool = False,
                 marked: bool = False) -> list[BylineData] | None:
    """Items without marks: role words and names, or names alone (given ``role``;
    ``marked``: the names follow or precede a mark of role, ``文/`` ``/文``)."""
    if not seg.strip():
        return None
    if ROLE.search(seg):
        parsed = _parse_roles(seg, known, open_end=open_end, strict=strict)
        if parsed is not None and role is not None:
            parsed = [b if b.role else attrs.evolve(b, role=role) for b in parsed]
        return parsed
    # a name after a mark of role (文/X, 图/Y) stands where a name does; not after a box
    # (□X ◆X): a box also opens a column's name (■聚焦)
    names = _names(seg, known, lenient=marked and _one_name_slot(seg))
    if not names:
        return None
    return [BylineData(names=tuple(names), role=role)]


def parse_byline(segment: str, *, marker: bool = False, known: frozenset[str] = frozenset(),
                 open_end: bool = False, strict: bool = False) -> list[BylineData] | None:
    """Parse ``本报记者 王恬 通讯员 陈章 张卓`` into bylines, or None if it is not one.

    ``segment`` is letter-spacing-folded text (or text with no letter-spacing).  With
    ``open_end`` a byline that stops after a role word is accepted with no names for it;
    with ``strict`` every name starts with a surname of the table (where the byline's
    end is not known: a byline at the head or tail of a longer line).
    """
    if _not_in_byline.search(segment):
        return None  # a digit, a letter or a full stop: no name list holds one
    # 本报记者 X 报道, 记者 X 北京报道: the report word (and the place it was sent from)
    # after the names, a gap apart, is no name
    seg = _report_tail.sub("", _trailing_colon.sub("", segment.strip()))
    if seg.endswith("报道"):  # (the look that costs nothing first)
        seg = _glued_report.sub("", seg)
    if _WEN_TU_GLUED.search(seg) and not _WEN_TU.search(seg):
        apart = parse_byline(_WEN_TU_GLUED.sub(" 文/图", seg), marker=marker, known=known,
                             open_end=open_end, strict=strict)
        # unless that leaves a two-character name where a three-character one reads
        # with the 文 (王树文/图: 王树文's picture): most names are of three characters
        if apart is not None and not (apart[-1].names and len(apart[-1].names[-1]) == 2):
            return apart
    joint = bool(_WEN_TU.search(seg))  # 文/图 as a word of its own: no mark before names
    marked = None if joint else _parse_marks(seg, known)
    if marked is not None:
        return marked
    seg = _WEN_TU.sub(" ", seg).strip()
    if not seg:
        return None
    return _parse_plain(seg, known, role="作者" if marker or joint else None, open_end=open_end,
                        strict=strict)


def _parse_loose(segment: str, known: frozenset[str]) -> list[BylineData] | None:
    """:func:`parse_byline`, or failing that the same with every gap between Han
    characters taken out (a byline letter-spaced unevenly: ``通 讯员 张树 兰``)."""
    parsed = parse_byline(segment, known=known)
    if parsed is None:
        tight = fold_letter_spacing_text(segment, tight=True)
        if tight != segment:
            parsed = parse_byline(tight, known=known)
    return parsed


def _close_role_gaps(text: str) -> str:
    """``text`` with the gaps inside its role words taken out (``本报记 者``, ``实习 生``):
    OCR and uneven letter-spacing tear them where folding, which takes out only even
    gaps, leaves them.  The words are found in the text read with no gaps at all; the
    gaps between names stay (``李德明 冒家兴`` is not run together)."""
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    tight = "".join(text[i] for i in kept)
    torn: set[int] = set()
    for match in _ROLE_SPAN.finditer(tight):
        first, last = kept[match.start()], kept[match.end() - 1]
        if last - first >= match.end() - match.start():
            torn.update(range(first, last))
    if not torn:
        return text
    return "".join(ch for i, ch in enumerate(text) if not (i in torn and ch.isspace()))


def _torn_role(segment: str, known: frozenset[str]) -> list[BylineData] | None:
    """A byline whose role word the letter-spacing tore (``记者 强卫 实习 生 冯天林``),
    read with those gaps closed."""
    closed = _close_role_gaps(segment)
    return None if closed == segment else parse_byline(closed, known=known)


def _cut_from_names(folded: str, known: frozenset[str]) -> list[BylineData] | None:
    """A byline's role word and what stands before it, its names gone (``本报记者``,
    ``通山县融媒体记者``): the tool set the names elsewhere on the page (names on the next
    lines :func:`_join_broken` has joined back).  Right under a head such a line is the
    byline's head, never the title's last line."""
    roles = list(ROLE.finditer(folded.rstrip()))
    if not roles or roles[-1].end() != len(folded.rstrip()):
        return None  # 记者 日前: words after the role word, no byline's
    parsed = parse_byline_line(folded, known=known, open_end=True)
    return parsed if parsed and not parsed[-1].names else None


def _head_shaped(block: Block) -> bool:
    """Whether a body block could be a title line: short, stopping on no sentence's or
    clause's mark (:data:`MAX_HEAD_LINE`)."""
    return block.kind == Kind.TEXT and _at_most(block.text, MAX_HEAD_LINE) \
        and not _HEAD_STOP.search(block.text)


def _has_role(text: str) -> bool:
    return bool(ROLE.search(text) or _MARK_BEFORE.search(text) or _MARK_AFTER.search(text)
                or _WEN_TU.search(text))


def _parse_line(folded: str, raw: str, *, known: frozenset[str], bare_names: bool = True,
                open_end: bool = False, strict: bool = False) -> list[BylineData] | None:
    """:func:`parse_byline_line` on a folded line (``raw``: the line as printed); failing
    that, the same with the gaps inside its role words taken out (``本报记 者 赵大海``)."""
    parsed = _parse_folded(folded, raw, known=known, bare_names=bare_names,
                           open_end=open_end, strict=strict)
    closed = _close_role_gaps(folded) if parsed is None else folded
    if closed != folded:
        parsed = _parse_folded(closed, closed, known=known, bare_names=bare_names,
                               open_end=open_end, strict=strict)
    return parsed


def _parse_folded(folded: str, raw: str, *, known: frozenset[str], bare_names: bool,
                  open_end: bool, strict: bool) -> list[BylineData] | None:
    enclosed = _ENCLOSED.match(folded)
    if enclosed:
        folded = raw = enclosed.group(1).strip()  # 【本报记者 王恬】: the line in lenticular brackets
    if _ROLE_IN_BRACKETS.search(folded):
        folded = raw = _ROLE_IN_BRACKETS.sub(r" \2 \1 ", folded).strip()  # 王恬（实习生）
    marker = bool(_MARKER.match(folded))
    body = _MARKER.sub("", folded)
    if not marker and not _has_role(body):
        # names alone: only a line of several names printed apart (spaces or 、), each a
        # name by itself — not a run split into names, not a list that goes on
        if not bare_names or len(raw.split()) < 2 or _not_bare_names.search(body):
            return None  # names listed with 、 or ， are a sentence's list, not a byline
        tokens = body.split()
        if len(tokens) >= 2 and all(is_person_name(t) for t in tokens):
            return [BylineData(names=tuple(tokens))]
        return None
    return parse_byline(body, marker=marker, known=known, open_end=open_end, strict=strict)


def parse_byline_line(text: str, *, known: frozenset[str] = frozenset(),
                      bare_names: bool = True, open_end: bool = False) -> list[BylineData] | None:
    """Whether a whole line is a byline (``□记者 杜林波``, ``李 杰 印俊闻``), parsed.

    ``text`` may be letter-spaced: it is folded first."""
    folded, _ = fold_letter_spacing(text.strip())
    return _parse_line(folded, text.strip(), known=known, bare_names=bare_names,
                       open_end=open_end)


def _credit(folded: str, known: frozenset[str]) -> BylineData | None:
    """``李杰 摄``, ``记者 王恬 摄``, ``李天亮/摄``, ``（X 摄）``, ``图/李杰``: a photo credit."""
    if "摄" not in folded and "图" not in folded:
        return None
    match = _CREDIT.match(folded) or _CREDIT_BRACKETED.match(folded)
    if match:
        head = match.group(1).strip()
        if _not_in_byline.search(head):
            return None
        parsed = _parse_plain(_WEN_TU.sub(" ", head), known)
    else:
        parsed = parse_byline(folded, known=known)
        if parsed is None or any(b.role != "摄影" for b in parsed):
            return None
    if not parsed:
        return None
    names = tuple(n for b in parsed for n in b.names)
    return BylineData(names=names, role="摄影") if names else None


# ---------------------------------------------------------------- one block
def _cut(block: Block, text: str, offsets: tuple[int, ...], start: int, end: int) -> str:
    s, e = unfold_span(offsets, start, end)
    return block.text[s:e].strip()


def _head_byline(rest: str, known: frozenset[str]) -> int:
    """How much of ``rest`` (after a dateline: ``记者 王恬 通讯员 李四 近日…``) is a
    byline printed with no bracket and no 报道: the longest run of whole words that
    parses as one, with a role word; 0 if none."""
    words = list(regex.finditer(r"\S+", rest))
    for k in range(len(words), 0, -1):
        end = words[k - 1].end()
        if rest[end - 1] in _CLAUSE_END:
            continue  # 记者 王恬 近日，…: a word a clause goes on from is the body's
        head = rest[:end]
        if _has_role(head) and parse_byline(head, known=known):
            return end
    return 0


def _open_bracket(rest: str, known: frozenset[str]) -> tuple[int, list[BylineData]] | None:
    """A dateline's bracket that the line does not close (``（记者 X 通讯员 李`` / the
    line of another column / ``四）…``: a tool that read across columns, or a line break
    the joining could not mend): the byline it opens, as far as whole words read as one
    with a role word and every name after a surname of the table — (where it ends in
    ``rest``, the items that have names), or None."""
    match = _OPEN_BRACKET.match(rest)
    if not match:
        return None
    inner = match.group(1)
    words = list(_word.finditer(inner))
    for k in range(min(len(words), MAX_OPEN_WORDS), 0, -1):
        head = inner[:words[k - 1].end()]
        if not ROLE.search(head):
            break
        at_end = k == len(words)
        if at_end and k >= 3 and all(_one_han.fullmatch(w.group()) for w in words[k - 3:k]):
            # a name of two justified (阎 肃) and one character more at the break: the
            # head of a role word or of a name the break tore (实 / 习生, 李 / 论), never the
            # third character of the padded name
            continue
        parsed = parse_byline(head, known=known, open_end=at_end, strict=True)
        padded = k >= 2 and all(_one_han.fullmatch(w.group()) for w in words[k - 2:k])
        if parsed and parsed[-1].names and len(parsed[-1].names[-1]) < MIN_OPEN_NAME \
                and not (padded and not at_end):
            # the last name before the break may be a longer one cut (周天 / 游): left out
            last = parsed[-1]
            parsed[-1] = attrs.evolve(last, names=last.names[:-1])
        if parsed and parsed[0].names:
            return match.start(1) + words[k - 1].end(), [b for b in parsed if b.names]
    return None


def _dateline_parts(folded: str, known: frozenset[str]
                    ) -> tuple[regex.Match[str], int, list[BylineData] | None] | None:
    """A dateline opening ``folded``, where the byline after it ends (the dateline's end
    if there is none) and the byline parsed; None if the line opens with no dateline."""
    match = _DATELINE.match(folded)
    if not match:
        return None
    pos = match.end()
    rest = folded[pos:]
    found_end = 0
    parsed: list[BylineData] | None = None
    for pattern in (_PAREN_BYLINE, _REPORTED):
        found = pattern.match(rest)
        if not found:
            continue
        inner = _REPORT_WORD.sub("", found.group(1))
        parsed = _parse_loose(inner, known) if pattern is _PAREN_BYLINE else parse_byline(
            inner, known=known)
        if parsed:
            found_end = found.end()
            break
    else:
        found_end = _head_byline(rest, known)
        parsed = parse_byline(rest[:found_end], known=known) if found_end else None
        if not found_end:
            open_bracket = _open_bracket(rest, known)
            if open_bracket is not None:
                found_end, parsed = open_bracket
    if not parsed:
        return match, pos, None
    agency = match.group("agency")
    if agency:
        parsed = [b if b.organization else attrs.evolve(b, organization=agency) for b in parsed]
    return match, pos + found_end, parsed


#: What a headline set on the line of the dateline under it holds no more of.
_NOT_IN_TITLE = regex.compile(r"[，。、；：,.;:！？!?（）()“”\"《》]|\d{4}")
#: The most characters a quoted term inside a headline holds (``“创文”``, ``“最多跑一次”``):
#: a word or a slogan; a longer quotation is a sentence quoted, which no headline set on
#: its dateline's line holds.
MAX_QUOTED_TERM = 12
#: The most characters a book title inside a headline holds (``《X》首发``): the name of a
#: work, a plan or a law runs longer than a quoted term (``《中华人民共和国民法典》``).
MAX_BOOK_TITLE = 16
#: A quoted term or a book title inside a headline (``持续“创文”让幸福…``, ``《X》首发``):
#: a pair of marks around a few characters with no punctuation, read as its characters.
_QUOTED_TERM = regex.compile(
    rf"“[^“”，。、；：,.;:！？!?]{{1,{MAX_QUOTED_TERM}}}”|《[^《》，。、；：,.;:！？!?]{{1,{MAX_BOOK_TITLE}}}》")


def _title_before_dateline(folded: str) -> int:
    """Where a dateline starts after a short title-like phrase on the same line (a space
    before it; no punctuation, role word or mark in the phrase, a quoted term or a book
    title aside: :data:`_QUOTED_TERM`), 0 if there is none."""
    for gap in regex.finditer(r"\s+", folded[:MAX_DATELINE_HEAD + 20]):
        pos = gap.end()
        head = folded[:gap.start()]
        if _compact_len(head) > MAX_DATELINE_HEAD:
            break
        if _DATELINE.match(folded[pos:]):
            ok = _compact_len(head) >= MIN_TITLE_BEFORE_DATELINE \
                and not _NOT_IN_TITLE.search(_QUOTED_TERM.sub("", head)) \
                and not _role_hint.search(head)
            return pos if ok else 0
    return 0


#: Where a sentence closes inside a line, a gap after it (``。 ``, ``。” ``): the place a
#: story the tool ran on into the line may start.
_CLOSED_GAP = re.compile("[" + re.escape(SENTENCE_END) + "][" + CLOSING_QUOTES + "]?["
                         + WHITE_CLASS + "]+")
#: How far past such a gap a dateline may start: a title of two printed lines before it
#: (MAX_DATELINE_HEAD characters and their gaps), then the dateline's own characters.
_INNER_REACH = MAX_DATELINE_HEAD + 30


def _inner_dateline(text: str) -> int:
    """Where a story starts inside ``text``, a body line: after a closed sentence and a
    gap, a short title-like phrase, a gap and a dateline (``…生得安。 六类商品市场整顿见成效
    本报讯据统计，…``), which a converter ran on after the story before it (pymupdf4llm
    gives a band of columns as one line); 0 if there is none.  The title is read as
    :func:`_title_before_dateline` reads one at a line's head.  A dateline with no title
    before it is not enough: after a closed sentence it opens a roundup's next dispatch
    (``…最低点。 新华社雅加达1月3日电…`` under one headline) as often as a new story."""
    for gap in _CLOSED_GAP.finditer(text):
        pos = gap.end()
        window = text[pos:pos + _INNER_REACH]
        if "讯" not in window and "电" not in window:
            continue  # a dateline holds 讯 or 电: most closes are passed over so
        if _title_before_dateline(fold_letter_spacing(window)[0]):
            return pos
    return 0


def _split_inner_datelines(blocks: Sequence[Block], rec: Recorder) -> list[Block]:
    """Body lines cut where a story starts inside them (:func:`_inner_dateline`): the
    story before ends at its closed sentence; the dateline's line is read as any other."""
    out: list[Block] = []
    for block in blocks:
        while (block.kind == Kind.TEXT and block.level is None
               and ("讯" in block.text or "电" in block.text)):
            at = _inner_dateline(block.text)
            if not at:
                break
            before = block.text[:at].rstrip()
            rec.change("a story starts inside the line at a dateline", block.span,
                       block.text[at:at + 20])
            out.append(block.with_(text=before))
            block = block.with_(text=block.text[at:], gap_before=0)
        out.append(block)
    return out


def _dateline(block: Block, folded: str, offsets: tuple[int, ...],
              known: frozenset[str]) -> list[Block] | None:
    parts = _dateline_parts(folded, known)
    if parts is None:
        return None
    match, pos, parsed = parts
    text = _cut(block, folded, offsets, 0, match.end())
    out = [block.with_(text=text, kind=Kind.DATELINE, end=block.start)]
    if parsed:
        raw = _cut(block, folded, offsets, match.end(), pos)
        out.append(block.with_(text=raw, kind=Kind.BYLINE, bylines=tuple(parsed), gap_before=0,
                               tags=block.tags | {Tag.OPENING}))
    while pos < len(folded) and folded[pos].isspace():
        pos += 1
    if pos < len(folded):
        # the body after it is on the last line of a byline joined from several
        body = block.text[offsets[pos]:].strip()
        out.append(block.with_(text=body, gap_before=0, start=block.end,
                               tags=block.tags | {"after_dateline"}))
    return out


def _trailing(folded: str, known: frozenset[str]) -> tuple[int, tuple[BylineData, ...]] | None:
    """Names in brackets at the end of ``folded``: (where the bracket starts, the bylines:
    one, or one a role, ``（记者 X 通讯员 Y）``)."""
    match = _TRAILING.search(folded)
    if not match or (match.start() and _one_han.fullmatch(folded[match.start() - 1])):
        return None  # 关于（苏锡锡）: a bracket set in a sentence is an aside, not a byline
    inner = match.group(1).strip()
    if _credit_end.search(inner):
        return None  # （X 摄） after a caption: its credit, which find-captions reads
    # an affiliation may be letter-spaced like the column it ends (作 者 为 中 央 党 校…)
    affiliation = _AFFILIATION.match("".join(inner.split()))
    if affiliation:
        return match.start(), (BylineData(names=(), organization=affiliation.group(1).strip()),)
    inner = _REPORT_WORD.sub("", inner)
    parsed = parse_byline(inner, known=known) or _torn_role(inner, known)
    if parsed is None and has_space(inner) and not _not_bare_names.search(inner):
        # a list of names in brackets, one of them unknown to the surname table
        names = _names(inner, known, lenient=True)
        if names and any(is_name(n) for n in names):
            parsed = [BylineData(names=tuple(names))]
    if parsed is None or (len(parsed) != 1 and not all(b.role and b.names for b in parsed)):
        return None
    return match.start(), tuple(parsed)


def _close_head(text: str, known: frozenset[str]) -> tuple[int, list[BylineData]] | None:
    """The end of a bracketed byline at the head of a line whose ``（`` the tool printed
    elsewhere (a column read across, or torn off at a line break): ``通讯员 李四）…`` (role
    words and names; the rest of the line goes on with the body), ``张三 李四）`` (names
    alone, two or more, or one with nothing after it: a closing byline).  Every name
    starts with a surname of the table.  (Where the byline ends in ``text``, the items.)"""
    match = _CLOSE_HEAD.match(text)
    if not match:
        return None
    inner = fold_letter_spacing_text(match.group(1).strip())
    if ROLE.search(inner):
        parsed = parse_byline(inner, known=known, strict=True)
        if not parsed or not all(b.names for b in parsed):
            return None
        return match.end(), parsed
    if _not_bare_names.search(inner):
        return None
    names = split_names(inner, known, run_together=False)  # printed apart: no guessing
    if not names or not all(is_name(n) for n in names) or (
            len(names) < 2 and text[match.end():].strip()):
        return None
    return match.end(), [BylineData(names=tuple(names))]


def _leading_bracket(folded: str, known: frozenset[str]) -> int:
    """A line that opens with a bracketed byline holding a role word (``（记者 王恬）…``,
    the byline of a dateline printed on the line before): where the bracket ends, or 0."""
    found = _PAREN_BYLINE.match(folded)
    if not found or not ROLE.search(found.group(1)):
        return 0
    return found.end() if parse_byline(_REPORT_WORD.sub("", found.group(1)), known=known) else 0


def _known_names(doc: Document) -> frozenset[str]:
    """Names printed with spaces or separators somewhere in the dump, to guide splitting."""
    known: set[str] = set()
    for block in doc.blocks:
        if not block.text.rstrip().endswith(("）", ")")):
            continue  # what ``_TRAILING`` finds ends the text: a look at its end first
        for match in _TRAILING.finditer(block.text):
            for token in _name_separators.split(match.group(1)):
                if 2 <= len(token) <= 3:
                    known.add(token)
    return frozenset(known)


_Found = tuple[list[Block], Block | None, list[Block]]


def _edge_byline(text: str, known: frozenset[str], settings: BylineSettings,
                 middle: bool = True,
                 carried: bool = False) -> tuple[str, int, int, list[BylineData]] | None:
    """A byline with a role word or a mark at the head of a longer line, a gap after it
    (``□张国成 去干校参加劳动的…``), or at its tail after a gap (``误区：甲减下的人让乙背上
    ■记者杜文育``), or between two gaps inside it (``——副题 江城日报记者 王子远 城市…``):
    ("head", "tail" or "middle", where it starts and ends in ``text``, the byline).
    Tools put a byline on the line of a title or a body set beside it.  ``middle``: look
    between gaps too (only in the line's first ``MIDDLE_REACH`` line lengths).
    ``carried``: the line carries on a sentence the line before left open after a
    dateline (``本报北京1月24日讯 中央人民广播`` / ``电 台 记 者 刘 振 英、…报道：``): its
    head is that sentence's next words, the credit inside it, not a byline of its own."""
    folded, offsets = fold_letter_spacing(text)
    cues = [m.span() for m in _role_cue.finditer(folded)]
    if not cues:
        return None
    # where the printed line had a gap (kept as a space, or folded away beside a mark)
    cuts = [k for k in range(1, len(folded))
            if folded[k - 1] == " " or offsets[k] > offsets[k - 1] + 1]
    limit = settings.max_line_chars
    # the longest head that is a byline: it ends at a gap after a role word or a mark
    heads = [] if carried else [k for k in cuts if cues[0][1] <= k <= limit + cues[0][0] + 1]
    for k in reversed(heads):
        rest = folded[k:].strip()
        if len(rest) < MIN_EDGE_REST or not (_sentence_mark.search(rest)
                                              or len(rest) >= 2 * MIN_EDGE_REST):
            continue
        parsed = _role_line(folded[:k], known)
        if parsed is not None:
            return "head", 0, offsets[k], parsed
    # the longest tail that is a byline: it starts at a gap before a role word or a mark
    for k in [k for k in cuts if len(folded) - limit <= k <= cues[-1][0]]:
        before = folded[:k].rstrip()
        if not before or before[-1] in CONTINUING:
            continue
        parsed = _role_line(folded[k:], known)
        if parsed is not None:
            return "tail", offsets[k], len(text), parsed
    # a byline between two gaps inside a longer line (a tool joined a title, its byline
    # and the first line of a body, or the lines of two columns, into one line): it
    # starts at a gap before its role word (or the organisation before it) and ends at a
    # gap after its names, with a body's worth of text after it — gaps the folding kept,
    # not the letter-spacing it took out (in ``记 者 年 终 专 访`` every character is apart)
    if not middle:
        return None
    reach = MIDDLE_REACH * limit
    kept = [k for k in cuts if k <= reach + limit and not _letter_spaced_at(text, offsets[k])]
    unclosed = _unclosed_brackets(folded[:reach + limit + 1])
    for cue_start, cue_end in cues:
        if cue_start > reach:
            break
        low = bisect.bisect_left(kept, cue_start - MAX_ORG_CHARS)
        for k in reversed(kept[low:bisect.bisect_right(kept, cue_start)]):
            last = k - 1
            while last >= 0 and folded[last] == " ":
                last -= 1
            if last < 0 or folded[last] in CONTINUING or unclosed[k]:
                continue  # a byline in an open bracket is a dateline's (本报讯（…记者 X）
            high = bisect.bisect_right(kept, k + limit)
            for e in reversed(kept[bisect.bisect_right(kept, cue_end):high]):
                if len(folded[e:e + REST_LOOK * MIN_EDGE_REST].strip()) < MIN_EDGE_REST:
                    continue
                parsed = _role_line(folded[k:e], known)
                if parsed is not None:
                    return "middle", offsets[k], offsets[e], parsed
    return None


def _unclosed_brackets(text: str) -> list[bool]:
    """For every position of ``text``, whether a bracket opened before it is still open."""
    out: list[bool] = []
    depth = 0
    for ch in text:
        out.append(depth > 0)
        if ch in OPENING_PARENS:
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    out.append(depth > 0)
    return out


def _letter_spaced_at(text: str, pos: int) -> bool:
    """Whether the gap before ``text[pos]`` sits between two single characters (a run
    letter-spaced to the column's width), not between words."""
    start = pos  # the gap runs from ``start`` to ``end``
    while start > 0 and text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and text[end].isspace():
        end += 1
    if start == 0 or end == len(text):
        return False
    # the Han characters of the word before the gap and of the word after, up to two:
    # each word is looked at from the gaps on its two sides only, so a line costs its length
    han = 0
    k = start - 1
    while k >= 0 and not text[k].isspace() and han < 2:
        han += _one_han.match(text, k) is not None
        k -= 1
    if han > 1:
        return False
    han = 0
    k = end
    while k < len(text) and not text[k].isspace() and han < 2:
        han += _one_han.match(text, k) is not None
        k += 1
    return han <= 1


def _role_line(folded: str, known: frozenset[str]) -> list[BylineData] | None:
    """A byline with a role word or a mark, every role with its names (no bare names);
    ``folded``: a piece of a folded line."""
    folded = folded.strip()
    if not folded or (not _has_role(_MARKER.sub("", folded)) and not _MARKER.match(folded)):
        return None
    parsed = _parse_line(folded, folded, known=known, bare_names=False, strict=True)
    if parsed is None or not all(b.names for b in parsed):
        return None
    return parsed


def _fold_part(text: str, start: int, end: int, *,
               tight: bool = False) -> tuple[str, tuple[int, ...]]:
    """:func:`fold_letter_spacing` of ``text[start:end]``, its offsets into ``text``."""
    if start == 0 and end >= len(text):
        return fold_letter_spacing(text, tight=tight)
    folded, offsets = fold_letter_spacing(text[start:end], tight=tight)
    return folded, tuple(o + start for o in offsets)


def _find_one(block: Block, known: frozenset[str], settings: BylineSettings,
              rec: Recorder, after_dateline: bool, middle: bool = True,
              carried: bool = False, under_head: bool = False) -> _Found:
    """What one body block holds: (blocks before the rest, the rest, blocks after it);
    ``middle``: whether a byline between two gaps inside the line is looked for;
    ``carried``: whether the line carries on a dateline's open sentence (no head byline);
    ``under_head``: whether it stands right under a line shaped as a title's (a role word
    with no names there is a byline's head, :func:`_cut_from_names`)."""
    text = block.text
    short = (_at_most(text, settings.max_line_chars) and not _not_in_line.search(text)
             and bool(_role_hint.search(text) or _bare_names_hint.match(text)))
    edge = bool(has_space(text) and _role_hint.search(text))
    # a dateline holds 讯 or 电: a look with ``in`` spares most lines the search
    dateline = ("讯" in text or "电" in text) and _dateline_hint.search(text) is not None
    if not (short or edge or dateline or text.rstrip()[-1:] in "）)"
            or (after_dateline and text[:1] in OPENING_PARENS)):
        return [block], None, []  # nothing a byline could be: not worth folding
    if short:
        folded, offsets = fold_letter_spacing(text)
        credit = _credit(folded, known)
        if credit is not None:
            rec.change("found photo credit", block.span, ", ".join(credit.names))
            return [block.with_(kind=Kind.CREDIT, bylines=(credit,))], None, []
        parsed = _parse_line(folded, text, known=known, bare_names=settings.bare_names)
        if parsed is None and _has_role(folded):
            parsed = _torn_role(folded, known) or (
                _cut_from_names(folded, known) if under_head else None)
        if parsed is not None:
            rec.change("found byline", block.span, text)
            # a byline with no names (its names set elsewhere) opens no article: it marks
            # where a head ends, what comes next tells whose story it heads
            opening = {Tag.OPENING} if any(b.names for b in parsed) else set()
            return [block.with_(kind=Kind.BYLINE, bylines=tuple(parsed),
                                tags=block.tags | opening)], None, []
    # a dateline or a byline that opens the line is in its head, one that closes it in
    # its tail: only that much of a long line is folded
    head: str = ""
    head_offsets: tuple[int, ...] = ()
    if not (dateline or (after_dateline and text[:1] in OPENING_PARENS)):
        pass
    elif short and len(text) <= WINDOW:
        head, head_offsets = folded, offsets
    else:
        head, head_offsets = _fold_part(text, 0, WINDOW)
    cut = _title_before_dateline(head) if dateline else 0
    if cut:
        # 常昊喜捧NEC奖杯 叶桂获新秀战冠军 本报讯（记者…）…: the tool put the headline on
        # the line of the dateline under it; the rest is looked at again
        title = _cut(block, head, head_offsets, 0, cut).strip()
        rec.change("title before a dateline", block.span, title)
        rest = block.with_(text=text[head_offsets[cut]:].strip(), gap_before=0)
        return [block.with_(text=title, end=block.start)], rest, []
    split = _dateline(block, head, head_offsets, known) if dateline else None
    if split is None and dateline:
        # a dateline letter-spaced unevenly (本 报讯（通 讯员…): read with no gaps at all
        tight, tight_offsets = _fold_part(text, 0, WINDOW, tight=True)
        if tight != head:
            split = _dateline(block, tight, tight_offsets, known)
    if split is not None:
        rec.change("found dateline", block.span, split[0].text)
        if len(split) > 1 and split[-1].kind == Kind.TEXT:
            return split[:-1], split[-1], []
        return split, None, []
    if after_dateline and head:
        end = _leading_bracket(head, known)
        if end:
            raw = _cut(block, head, head_offsets, 0, end)
            parsed = parse_byline(_REPORT_WORD.sub("", _PAREN_BYLINE.match(head).group(1)),  # type: ignore[union-attr]
                                  known=known)
            rec.change("found byline after a dateline", block.span, raw)
            byline = block.with_(text=raw, kind=Kind.BYLINE, bylines=tuple(parsed or ()),
                                 tags=block.tags | {Tag.OPENING})
            body = text[head_offsets[end]:].strip() if end < len(head) else ""
            if not body:
                return [byline], None, []
            rest = block.with_(text=body, gap_before=0, tags=block.tags | {"after_dateline"})
            return [byline], rest, []
    if _closing_bracket.search(text, 0, WINDOW) and not _opening_bracket.search(text, 0, WINDOW):
        closed = _close_head(text, known)
        if closed is not None:
            close_end, close_items = closed
            close_raw = text[:close_end].strip()
            after = text[close_end:].strip()
            # names alone and nothing after them close a body; with role words, they are
            # a dateline's byline the body goes on after
            tags = block.tags | ({"closing"} if not after and not any(
                b.role for b in close_items) else set())
            rec.change("found the end of a bracketed byline", block.span, close_raw)
            closing = block.with_(text=close_raw, kind=Kind.BYLINE, bylines=tuple(close_items),
                                  tags=tags)
            if not after:
                return [closing], None, []
            return [closing], block.with_(text=after, gap_before=0), []
    if edge:
        found = _edge_byline(text, known, settings, middle, carried)
        if found is not None:
            where, start, end, parsed = found
            raw = text[start:end].strip()
            rec.change(f"found byline at the line's {where}", block.span, raw)
            byline = block.with_(text=raw, kind=Kind.BYLINE, bylines=tuple(parsed),
                                 tags=block.tags | {Tag.OPENING})
            if where == "head":
                return [byline], block.with_(text=text[end:].strip(), gap_before=0), []
            if where == "middle":
                before = block.with_(text=text[:start].strip())
                return ([before, byline.with_(gap_before=0)],
                        block.with_(text=text[end:].strip(), gap_before=0), [])
            return [], block.with_(text=text[:start].strip()), [byline.with_(gap_before=0)]
    if text.rstrip()[-1:] not in "）)":
        return [block], None, []
    tail, tail_offsets = _fold_part(text, max(0, len(text) - WINDOW), len(text))
    trailing = _trailing(tail, known)
    if trailing is not None:
        start, items = trailing
        raw = _cut(block, tail, tail_offsets, start, len(tail))
        body = text[:tail_offsets[start]].strip()
        tag = "affiliation" if not items[0].names else "closing"
        rec.change(f"found {tag} byline", block.span, raw)
        byline = block.with_(text=raw, kind=Kind.BYLINE, bylines=items,
                             gap_before=block.gap_before if not body else 0,
                             tags=block.tags | {tag})
        if not body:
            return [byline], None, []
        return [], block.with_(text=body), [byline]
    return [block], None, []


def _find_in(block: Block, known: frozenset[str], settings: BylineSettings,
             rec: Recorder, after_dateline: bool, carried: bool = False,
             under_head: bool = False) -> list[Block]:
    """The blocks one body block becomes.  What is left of it after a dateline or a
    trailing byline is split off is looked at again (it is shorter each time), so that
    running the heuristic twice finds nothing more than running it once."""
    head: list[Block] = []
    tails: list[list[Block]] = []
    current: Block | None = block
    middle = True
    while current is not None:
        before, current, after = _find_one(current, known, settings, rec, after_dateline,
                                           middle, carried, under_head)
        # one byline inside a line: the rest is a body's text, and looking inside it
        # again for every byline would cost the line's length each time
        after_dateline = middle = carried = under_head = False
        head.extend(before)
        tails.append(after)
    return head + [b for after in reversed(tails) for b in after]


# ---------------------------------------------------------------- bylines broken over lines
def _note_end(blocks: Sequence[Block], i: int) -> int | None:
    """Where an author note that starts at ``blocks[i]`` and breaks over lines ends."""
    block = blocks[i]
    if (block.kind not in Kind.BODY or block.level is not None
            or block.text.lstrip()[:1] not in ("（", "(")  # how _NOTE_START opens
            or not _NOTE_START.match(block.text) or _closing_bracket.search(block.text)):
        return None
    for j in range(i + 1, min(len(blocks), i + 4)):
        nxt = blocks[j]
        if nxt.kind not in Kind.BODY or nxt.level is not None or nxt.gap_before > 1:
            return None
        if _closing_bracket.search(nxt.text):
            return j if _closing_bracket_at_end.search(nxt.text) else None
    return None


# ---------------------------------------------------------------- marks an OCR pass misread
#: The marks an OCR pass reads where a byline's bracket or the gap between two of its
#: words was printed (``本报讯“记者 王恬）``, ``记者 贡德银 ”通讯员 ”张震康)``,
#: ``本报讯《记者 陈世``): quote marks, and the marks shaped like a bracket's edge.  A
#: byline prints none of them, and a quotation or a work's title shows its pair.
_MISREAD_MARKS = "“”\"《〈<"
# (a class of characters alone: ``re``, see ``baokan.core.text.WHITE_CLASS``; this looks at
# every line of the page)
_misread_mark = re.compile("[" + re.escape(_MISREAD_MARKS) + "]")
#: the mark that pairs with each (``"`` pairs with another ``"``)
_PARTNER = {"“": "”", "”": "“", "《": "》", "〈": "〉", "<": ">", '"': '"'}
#: a sentence's end and the closing quote marks after it (``创辉煌。”（季昆森 牛廷相）``):
#: where the closing byline after a body's last sentence starts
_sentence_end = regex.compile(r"[。！？；，,;!?][”’」』\"']*")
_colon = regex.compile(r"[：:]")


def _byline_region(text: str, settings: BylineSettings) -> int:
    """How much of a line's head a byline with misread marks may fill: up to its closing
    bracket, or its 报道, in the line's first ``WINDOW`` characters; all of a line no longer
    than a byline line, up to a colon; 0 if none of these."""
    close = _closing_bracket.search(text, 0, WINDOW)
    if close is not None:
        return close.end()
    report = text.find("报道", 0, WINDOW)
    if report >= 0:
        return report + len("报道")
    if not _at_most(text, settings.max_line_chars):
        return 0
    colon = _colon.search(text)  # 记 者 黎 虹 报 道 ：“这里…: the byline ends at its colon
    return colon.start() if colon is not None else len(text)


def _stray_marks(region: str) -> list[int]:
    """Where ``region`` holds a mark of ``_MISREAD_MARKS`` that pairs with nothing in it:
    a ``”`` with no ``“`` before it, a ``“`` or ``《`` with no partner after it, a lone
    ``"`` — or with a partner that encloses nothing (``本报记者“”刘玉红``: no quotation)."""
    out: list[int] = []
    for found in _misread_mark.finditer(region):
        k = found.start()
        mark = region[k]
        partner = _PARTNER[mark]
        if mark == "”" or (mark == '"' and region.rfind('"', 0, k) >= 0):
            start, end = region.rfind(_PARTNER[mark], 0, k) + 1, k
            paired = start > 0 and bool(region[start:end].strip())
        else:
            end = region.find(partner, k + 1)
            paired = end > 0 and bool(region[k + 1:end].strip())
        if not paired:
            out.append(k)
    return out


def _reads_as_byline(folded: str, known: frozenset[str]) -> bool:
    """Whether a (folded) line holds a byline where the blocks below look for one: after
    its dateline (in brackets, with 报道, bare, or opened and broken at the line's end), at
    its head up to a closing bracket, or as the whole line."""
    parts = _dateline_parts(folded, known)
    if parts is not None:
        match, _, parsed = parts
        rest = folded[match.end():]
        return parsed is not None or _close_head(rest, known) is not None or (
            _OPEN_BRACKET.match(rest) is not None and ROLE.search(rest) is not None)
    return _close_head(folded, known) is not None or _credit(folded, known) is not None \
        or parse_byline_line(folded, known=known) is not None


def _mend_region(text: str, start: int, end: int) -> str | None:
    """``text`` with the stray marks of ``text[start:end]`` (a byline's place) read back:
    the first as the bracket the byline opens with, when what stands before it in the
    region is a dateline or nothing, and no bracket is opened there but one closes it (or,
    after a dateline, the line ends in it); the others as gaps.  None if it has none."""
    region = text[start:end]
    strays = _stray_marks(region)
    if not strays:
        return None
    chars = list(text)
    first = strays[0]
    before = fold_letter_spacing_text(region[:first].strip())
    dateline = _DATELINE.match(before + "（") if before else None
    opens = (not before and _closing_bracket_at_end.search(region) is not None) or (
        dateline is not None and dateline.end() == len(before)
        and not region.endswith("报道"))
    if opens and not _opening_bracket.search(region):
        chars[start + first] = "（"
        strays = strays[1:]
    for k in strays:
        chars[start + k] = " "
    return "".join(chars)


#: the Han character an OCR pass reads for the box ``□`` that marks a signed piece
_BOX_READ_AS = "口"


def _boxed_byline(text: str, known: frozenset[str], settings: BylineSettings) -> str | None:
    """A byline line whose box ``□`` an OCR pass read as ``口`` (``口李俊东``, ``口记者
    杜林波``), with the box put back; None if the line is none.  Only a line no longer than
    a byline line, of Han characters only, that reads as one once boxed, every name a
    person's: ``口碑`` or ``口述历史`` names no one, ``口计划，成为…`` is a body's line."""
    stripped = text.strip()
    if (not stripped.startswith(_BOX_READ_AS) or not _at_most(text, settings.max_line_chars)
            or _not_bare_names.search(stripped)):
        return None  # 口计划，成为全县的…: a body's line the tool broke after 人
    boxed = "□" + stripped[1:]
    parsed = parse_byline_line(boxed, known=known)
    if not parsed or not all(b.names and all(map(is_person_name, b.names)) for b in parsed):
        return None
    return boxed


def _mend_misread_marks(blocks: Sequence[Block], known: frozenset[str],
                        settings: BylineSettings, rec: Recorder) -> list[Block]:
    """Read back the marks an OCR pass put for a byline's opening bracket or its gaps.

    Cue: a quote mark or a ``《`` that pairs with nothing where a byline stands: in the
    head of a line before the byline's closing bracket or 报道 (or in a line no longer
    than a byline), with a role word there; or in the tail of a line after its last
    sentence mark, up to the closing bracket that ends the line.  Directly after a
    dateline, or opening a region that a closing bracket ends, with no bracket opened,
    the first was the bracket (``本报讯《记者 陈世`` reads ``本报讯（记者 陈世``,
    ``历史。〈李长顺 ”谢晋)`` reads ``历史。（李长顺  谢晋)``); anywhere else, a gap
    (``本报讯 通讯员 ”韩宇东)看到…`` reads ``本报讯 通讯员  韩宇东)看到…``).  A byline
    line opening with ``口`` had a box ``□`` there (:func:`_boxed_byline`).  The line is
    mended only if it then holds a byline there and held none before; the rest of its text
    is not touched."""
    out: list[Block] = []
    for block in blocks:
        text = block.text
        if block.kind != Kind.TEXT or block.level is not None:
            out.append(block)
            continue
        boxed = _boxed_byline(text, known, settings)
        if boxed is not None:
            rec.change("read misread marks in a byline", block.span, boxed)
            out.append(block.with_(text=boxed))
            continue
        if _misread_mark.search(text) is None:
            out.append(block)
            continue
        # (a mending counts only where the line read as no byline before it)
        mended = None
        end = _byline_region(text, settings) if _role_hint.search(text, 0, WINDOW) else 0
        region = text[:end]
        if region and not _sentence_mark.search(region) and _role_hint.search(region):
            mended = _mend_region(text, 0, end)
            if mended is not None and (
                    not _reads_as_byline(fold_letter_spacing_text(mended), known)
                    or _reads_as_byline(fold_letter_spacing_text(text), known)):
                mended = None
        if mended is None and _closing_bracket_at_end.search(text):
            # a closing byline: after the last sentence (and the quote it closes), to the end
            ends = list(_sentence_end.finditer(text))
            start = ends[-1].end() if ends else 0
            mended = _mend_region(text, start, len(text))
            if mended is not None and (
                    _trailing(fold_letter_spacing_text(mended[start:]), known) is None
                    or _trailing(fold_letter_spacing_text(text[start:]), known) is not None):
                mended = None
            end = len(text)
        if mended is None:
            out.append(block)
            continue
        rec.change("read misread marks in a byline", block.span, mended[:end].strip())
        out.append(block.with_(text=mended))
    return out


#: The most Han characters of a closing byline's names an OCR pass left on the line
#: before the bracket's (``…的突发性困难。杨`` / ``新华 宋光茂)``): a name cut at the
#: line's end leaves one or two, a surname and perhaps its given name's first, after the
#: whole names before it (``…日益壮大。张灿华张`` / ``德江)``: one name of three and a
#: surname; two names and a cut one's head at most).
MAX_NAMES_LEFT_ABOVE = 8
#: ...after a sentence's full end (after a clause's mark the Han characters are the
#: sentence's own: ``…经济发展，促进就业`` / ``增长)``)
_FULL_STOPS = "。！？!?"
#: ...and the pass may have read the lost bracket as another mark (``…的版税。〈王十`` /
#: ``川 周学源)``: ``〈`` for ``（``), which the bracket then replaces: the marks of
#: ``_MISREAD_MARKS`` that can open (no closing quote).
_LOST_BRACKET_MARKS = "〈<《“\""
_names_left_above = regex.compile(
    "[" + regex.escape(_LOST_BRACKET_MARKS) + r"]?\p{Han}(?:[ \t\u3000]?\p{Han}){0,"
    + str(MAX_NAMES_LEFT_ABOVE - 1) + r"}$")


def _mend_lost_brackets(blocks: Sequence[Block], known: frozenset[str],
                        rec: Recorder) -> list[Block]:
    """Put back the opening bracket of a closing byline that an OCR pass lost.

    Cue: a line ends in a closing bracket and opens none, and what stands after its last
    sentence's end (``…植树造林。李政)``, ``…谁能代替 ? 胡信平严孝潜)``) — or, on a line
    with no sentence's end, the names after the last sentence's end of the line before
    it (up to ``MAX_NAMES_LEFT_ABOVE`` Han characters, maybe behind a mark the pass read
    for the bracket) and this line (``…困难。杨`` / ``新华 宋光茂)``) — reads as names
    in brackets once the bracket is put after that sentence's end.  The other way round,
    a line that opens a bracket after its last sentence's end and closes none, with a
    blank line or nothing after it (``…交流会期间播出这部专题片。 (王明权陈昆昌``), had
    its closing bracket lost at its end.  Only on an OCR reading (the caller's gate): a
    text layer prints its brackets."""
    out = list(blocks)
    for i, block in enumerate(out):
        text = block.text
        if (block.kind == Kind.TEXT and block.level is None
                and not _closing_bracket.search(text) and _opening_bracket.search(text)
                and (i + 1 == len(out) or out[i + 1].gap_before)):
            ends = list(_sentence_end.finditer(text))
            start = ends[-1].end() if ends else 0
            mended = text.rstrip() + "）"
            if (_opening_bracket.search(text, start) is not None
                    and _trailing(fold_letter_spacing_text(mended[start:]), known) is not None):
                rec.change("put back a byline's bracket an OCR pass lost", block.span,
                           mended[start:].strip())
                out[i] = block.with_(text=mended)
            continue
        if (block.kind != Kind.TEXT or block.level is not None
                or not _closing_bracket_at_end.search(text) or _opening_bracket.search(text)):
            continue
        ends = list(_sentence_end.finditer(text))
        if ends:
            start = ends[-1].end()
            mended = text[:start] + "（" + text[start:].lstrip()
            if _trailing(fold_letter_spacing_text(mended[start:]), known) is None:
                continue
            rec.change("put back a byline's bracket an OCR pass lost", block.span,
                       mended[start:].strip())
            out[i] = block.with_(text=mended)
            continue
        prev = out[i - 1] if i else None
        if (prev is None or prev.kind != Kind.TEXT or prev.level is not None
                or block.gap_before or _opening_bracket.search(prev.text)):
            continue
        head = _names_left_above.search(prev.text.rstrip())
        ends = list(_sentence_end.finditer(prev.text))
        if (head is None or not ends or ends[-1].end() != head.start()
                or ends[-1].group()[0] not in _FULL_STOPS):
            continue  # (after a clause's mark: the sentence's own words, no byline)
        names = head.group().lstrip(_LOST_BRACKET_MARKS)
        tail = "（" + names + text
        if _trailing(fold_letter_spacing_text(tail), known) is None:
            continue
        rec.change("put back a byline's bracket an OCR pass lost", prev.span,
                   f"{tail.strip()}")
        out[i - 1] = prev.with_(text=prev.text[:head.start()] + "（" + names)
    return out


#: How far into the next line a dateline's byline broken at a line's end may close its
#: bracket (``本报讯 记者 赵某某 实`` / ``习生 钱某某）``): a role word and two names.
MAX_BROKEN_TAIL = 16
_misread_or_gap = re.compile("[" + re.escape(_MISREAD_MARKS) + "]")


def _mend_broken_dateline(blocks: Sequence[Block], known: frozenset[str],
                          rec: Recorder) -> list[Block]:
    """Put back the opening bracket, and read the stray marks as gaps, of a dateline's
    byline that a narrow column broke at the line's end and an OCR pass misread:
    ``本报讯 记者 赵某某 实`` / ``习生 钱某某) 可别以为…`` reads ``本报讯 （记者 赵某某 实``,
    ``本报讯 (记者 ”孙某`` / ``某 实习生 李某某) 在…`` reads ``本报讯 (记者  孙某``.

    Cue: a short line that opens with a dateline, then a role word, and closes no
    bracket; the line right under it (no gap) closes one within its first
    ``MAX_BROKEN_TAIL`` characters, opening none and holding no sentence mark before it;
    and what the two hold between the dateline and that bracket reads as a byline once
    the marks a byline never holds (quote marks, ``《``) are gaps.  Only on an OCR reading
    (the caller's gate): a text layer prints its brackets and no marks there."""
    out = list(blocks)
    for i in range(len(out) - 1):
        block, nxt = out[i], out[i + 1]
        text = block.text
        if (not _continues(nxt) or _closing_bracket.search(text)
                or not _role_hint.search(text)):
            continue
        place = _byline_place(block)
        if place is None:
            continue
        close = _closing_bracket.search(nxt.text, 0, MAX_BROKEN_TAIL)
        if close is None:
            continue
        tail = nxt.text[:close.start()]
        if _opening_bracket.search(tail) or _sentence_mark.search(tail):
            continue
        stripped, lead = place
        rest = stripped[lead:]
        opened = _opening_bracket.match(rest.lstrip())
        if (opened is None and _opening_bracket.search(rest)) or _sentence_mark.search(rest):
            continue
        rest = _misread_or_gap.sub(" ", rest)
        tail = _misread_or_gap.sub(" ", tail)
        if opened is None:
            rest = " （" + rest.lstrip()
        if rest == stripped[lead:] and tail == nxt.text[:close.start()]:
            continue  # nothing misread: the other passes read it as it stands
        inner = fold_letter_spacing_text(_opening_bracket.sub("", rest, count=1).strip())
        if not _persons_byline(inner, fold_letter_spacing_text(tail.strip()), known):
            continue
        mended = stripped[:lead] + rest
        rec.change("put back a byline's bracket an OCR pass lost", block.span,
                   f"{mended.strip()} / {tail.strip()}{close.group()}")
        out[i] = block.with_(text=mended)
        out[i + 1] = nxt.with_(text=tail + nxt.text[close.start():])
    return out


#: A role word an OCR pass misread by one character in a dateline's byline (``妃者``,
#: ``刀者``, ``包者`` for 记者; ``全讯员`` for 通讯员): the character before 者 or 讯员 is
#: another Han character (not 记 or 作, which make role words of their own).
_MISREAD_ROLE = regex.compile(r"(?P<ji>(?![记作])\p{Han})者|(?P<tong>(?!通)\p{Han})讯员")


def _role_ends(text: str) -> bool:
    return "者" in text or "讯员" in text


#: the Han characters after a misread role word (past a gap), where its name stands,
#: maybe letter-spaced (``刀者 华 桐``)
_gaps = regex.compile(r"\s+")
_name_after = regex.compile(r"\s*(\p{Han}(?:[ \t\u3000]?\p{Han}){1,3})")


def _read_roles(text: str) -> str:
    """``text`` with every misread role word of :data:`_MISREAD_ROLE` that a person's name
    follows (``刀者 孙立新``, not ``学者)``) read back."""
    def read(m: regex.Match[str]) -> str:
        after = _name_after.match(text, m.end())
        name = _gaps.sub("", after.group(1)) if after is not None else ""
        if not any(is_person_name(name[:n]) for n in range(2, len(name) + 1)):
            return m.group()
        return "记者" if m.group("ji") else "通讯员"
    return _MISREAD_ROLE.sub(read, text)


def _all_persons(parsed: list[BylineData] | None, role_names: bool = True) -> bool:
    """Whether every item of ``parsed`` has names, each a person's (and, unless
    ``role_names``, none a role word misread: a name of a surname and 者, ``包者``)."""
    if not parsed:
        return False
    return all(b.names and all(is_person_name(n) and (role_names or not _role_ends(n))
                               for n in b.names) for b in parsed)


def _persons_byline(inner: str, piece: str, known: frozenset[str],
                    role_names: bool = True) -> bool:
    """Whether ``inner`` (folded) and the ``piece`` (folded) on the line under it read as
    a byline whose every name is a person's (:func:`_all_persons`), joined with or
    without a gap."""
    return any(_all_persons(parse_byline(_REPORT_WORD.sub("", joined), known=known), role_names)
               for joined in ((inner + piece, inner + " " + piece) if piece else (inner,)))


def _byline_over(head: str, tail: str, known: frozenset[str]) -> bool:
    """Whether ``head`` and the ``tail`` on the line under it (maybe none) read as a
    byline whose every name is a person's, none a misread role word."""
    return _persons_byline(fold_letter_spacing_text(head.strip()),
                           fold_letter_spacing_text(tail.strip()), known, role_names=False)


def _continues(block: Block | None) -> bool:
    """Whether ``block`` is a line of text right under the one before it (no gap)."""
    return (block is not None and block.kind == Kind.TEXT and block.level is None
            and not block.gap_before)


def _byline_place(block: Block) -> tuple[str, int] | None:
    """Where a byline may stand on a line that opens with a dateline: the line's text
    stripped and the end of its dateline in it; None for no such line (none of text, a
    title, longer than ``MAX_DATELINE_LINE``, or opening with no dateline)."""
    text = block.text
    if (block.kind != Kind.TEXT or block.level is not None or len(text) > MAX_DATELINE_LINE
            or not _dateline_start.match(text)):
        return None
    stripped = text.strip()
    dateline = _DATELINE.match(stripped)
    return None if dateline is None else (stripped, dateline.end())


def _mend_misread_roles(blocks: Sequence[Block], known: frozenset[str],
                        rec: Recorder) -> list[Block]:
    """Read back the role word an OCR pass misread by one character in a dateline's
    byline: ``本报讯 妃者张复良通`` / ``讯员杨宇)…`` reads ``本报讯 记者张复良通`` / …,
    ``本报讯 全讯员徐迟)…`` reads ``本报讯 通讯员徐迟)…``, ``新华社…电`` / ``包者刘占锋)…``
    reads ``记者刘占锋)…``.

    Cue: a line that opens with a dateline; what follows it up to the byline's closing
    bracket (on that line, or within ``MAX_BROKEN_TAIL`` characters of the line right
    under it, no gap between) holds no sentence mark and no bracket besides one that opens
    it, and reads as no byline as printed, but as one whose every name is a person's once
    each ``X者`` is read 记者 and each ``X讯员`` 通讯员.  Only on an OCR reading (the
    caller's gate): a text layer prints the role words it holds; the place (after a
    dateline, before a closing bracket) is a byline's, where such words are no body's."""
    out = list(blocks)
    for i, block in enumerate(out):
        text = block.text
        nxt = out[i + 1] if i + 1 < len(out) else None
        if not _role_ends(text + (nxt.text[:MAX_BROKEN_TAIL] if nxt is not None else "")):
            continue  # (no 者 or 讯员 near it: no role word to read back)
        place = _byline_place(block)
        if place is None:
            continue
        stripped, at = place
        lead = text.find(stripped) + at  # where the byline's place starts
        close = _closing_bracket.search(text, lead)
        tail_end = 0
        if close is None:
            if not _continues(nxt):
                continue
            found = _closing_bracket.search(nxt.text, 0, MAX_BROKEN_TAIL) \
                if nxt is not None else None
            if found is None:
                continue
            tail_end = found.start()
        rest = text[lead:close.start() if close is not None else len(text)]
        tail = nxt.text[:tail_end] if tail_end and nxt is not None else ""
        lstripped = rest.strip()
        inner = _opening_bracket.sub("", lstripped, count=1) \
            if _opening_bracket.match(lstripped) else rest
        if (_opening_bracket.search(inner) or _sentence_mark.search(inner + tail)
                or _opening_bracket.search(tail)):
            continue
        read_inner, read_tail = _read_roles(inner), _read_roles(tail)
        if (read_inner == inner and read_tail == tail) or _byline_over(inner, tail, known) \
                or not _byline_over(read_inner, read_tail, known):
            continue  # nothing misread, a byline as printed, or none read back either
        read_rest = _read_roles(rest)
        mended = text[:lead] + read_rest + text[lead + len(rest):]
        rec.change("read a role word an OCR pass misread in a byline", block.span,
                   (read_rest + (" / " + read_tail if tail else "")).strip())
        out[i] = block.with_(text=mended)
        if tail and nxt is not None and read_tail != tail:
            out[i + 1] = nxt.with_(text=read_tail + nxt.text[tail_end:])
    return out


def _join_author_notes(blocks: Sequence[Block], rec: Recorder) -> list[Block]:
    """Put back together an author note a narrow column broke over lines:
    ``（作者为中国社会科学院习近平`` / ``新时代…研究`` / ``中心研究员）``."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        end = _note_end(blocks, i)
        if end is None:
            out.append(blocks[i])
            i += 1
            continue
        text = "".join(b.text.strip() for b in blocks[i:end + 1])
        span = covering_span(blocks[i:end + 1])
        out.append(blocks[i].with_(text=text, start=span[0], end=span[1]))
        rec.change("joined an author note broken over lines", span)
        i = end + 1
    return out


def _glue(left: str, right: str) -> bool:
    """Whether two pieces of a broken byline join with no space: a name cut in two
    (``张`` / ``武扬``, ``曾志`` / ``光``) has a one-character piece on one side."""
    end = _han_run_end.search(left)
    start = _han_run_start.match(right)
    if end is None or start is None:
        return False
    return len(end.group()) == 1 or len(start.group()) == 1


def _joinings(texts: Sequence[str]) -> list[str]:
    """The ways to join the folded pieces of a broken byline, the likeliest first: each
    break as :func:`_glue` says, then all glued (a break inside a name or a role word of a
    letter-spaced line), then all spaced.  A break inside a role word (``（记者张玉平实``
    / ``习生吕飞杰）``) is glued in the first way whatever the pieces' lengths: a space
    there would tear the word and read its halves as names."""
    rule = texts[0]
    for left, right in itertools.pairwise(texts):
        rule += ("" if _glue(left, right) else " ") + right
    options = [_close_role_gaps(rule), "".join(texts), " ".join(texts)]
    return list(dict.fromkeys(options))


def _piece_ok(block: Block) -> bool:
    return (block.kind == Kind.TEXT and block.level is None
            and block.gap_before <= MAX_JOIN_GAP)


def _bracket_join(blocks: Sequence[Block], i: int, folded: str,
                  known: frozenset[str]) -> tuple[int, str] | None:
    """A bracketed byline whose ``）`` is on a later line: (the last line, the joined text)."""
    open_at = max(folded.rfind(c) for c in OPENING_PARENS)
    if open_at < 0 or _closing_bracket.search(folded, open_at) or \
            len(folded) - open_at > MAX_BRACKET_HEAD:
        return None
    head = folded[:open_at]
    dateline = _DATELINE.match(folded) or _DATELINE.match(
        fold_letter_spacing_text(folded[:open_at + 1], tight=True))
    if head.strip() and not ((dateline and dateline.end() >= len(head.replace(" ", "")))
                             or _MARKER.fullmatch(head)
                             or head.rstrip()[-1] in "。！？”…!?\"）)"):
        return None  # a bracket inside a sentence: an aside, not a byline
    pieces = [folded]
    for j in range(i + 1, min(len(blocks), i + MAX_JOINED_LINES)):
        if not _piece_ok(blocks[j]):
            return None
        piece, _ = fold_letter_spacing(blocks[j].text)
        pieces.append(piece)
        close = _closing_bracket.search(piece)
        if close is None:
            if len(piece) > MAX_PIECE_CHARS or _not_in_byline.search(piece):
                return None
            continue
        return _read_join(pieces, len(folded), known, j)
    return None


def _bracket_inner(joined: str, head: int) -> str:
    """What the bracket the first line opened (at most ``head`` characters in) holds, in
    a joining of a broken bracketed byline (the body after the ``）`` may open another)."""
    at = max(joined.rfind(c, 0, head) for c in OPENING_PARENS)
    end = joined.find("）", at) if "）" in joined[at:] else joined.find(")", at)
    return joined[at + 1:end].strip()


def _read_join(pieces: list[str], head: int, known: frozenset[str], last: int,
               ) -> tuple[int, str] | None:
    """The joining of a bracketed byline's pieces (:func:`_joinings`) that its bracket
    reads as a byline from, with ``last`` (its last line): each joining read as it is
    first, then loosely (gaps taken out).  A name cut at the break (``王军伟邢`` /
    ``世忠）``) is so read from the glued joining, which the closing-byline pattern, reading
    the bracket as it is, then finds; as long as it holds no more names than the spaced
    joining holds pieces (words glued over a break split into as many "names" as the
    surname table lets them); 本报 and the role words are pieces that hold no name."""
    joinings = _joinings(pieces)
    pieces_held = len(_ROLE_SPAN.sub(" ", _bracket_inner(" ".join(pieces), head)).split())
    for joined in joinings:
        inner = _bracket_inner(joined, head)
        if _AFFILIATION.match("".join(inner.split())):
            return last, joined
        parsed = parse_byline(_REPORT_WORD.sub("", inner), known=known)
        if parsed and sum(len(b.names) for b in parsed) <= pieces_held:
            return last, joined
    for joined in joinings:
        if _parse_loose(_REPORT_WORD.sub("", _bracket_inner(joined, head)), known):
            return last, joined
    return None


def _dateline_join(blocks: Sequence[Block], i: int, folded: str,
                   known: frozenset[str]) -> tuple[int, str] | None:
    """A dateline or its byline broken at the end of the line: ``新华社长沙3月27`` /
    ``日电（记者刘学春）中…``, ``本报讯 记者罗更`` / ``前报道：截至…``."""
    if (_compact_len(folded) > MAX_DATELINE_HEAD or not _dateline_start.match(folded)
            or _sentence_mark.search(folded) or i + 1 >= len(blocks)
            or not _piece_ok(blocks[i + 1])):
        return None
    here = _dateline_parts(folded, known)
    piece, _ = fold_letter_spacing(blocks[i + 1].text)
    for joined in _joinings([folded, piece]):
        parts = _dateline_parts(joined, known)
        if parts is None or (parts[2] is None and here is not None):
            continue
        # the dateline, or its byline, goes on into the next line
        ends = parts[0].end() if parts[2] is None else parts[1]
        if ends > len(folded) + 1 and (here is None or here[2] is None or parts[1] > here[1]):
            return i + 1, joined
    return None


def _more_of_whole(blocks: Sequence[Block], i: int, folded: str, piece: str,
                   whole: list[BylineData], known: frozenset[str]) -> str | None:
    """A byline line that reads whole but goes on on the next line, joined; or None.

    Two ways a tool wraps a byline wider than its column: the list of names is cut
    between two names, so the next line is one more name alone (``本报记者 韩立新
    通讯员 苗青松`` / ``窦雪梅``), read as a name of the last role; or a role word is
    cut, so the line's last "name" is no name and the next line finishes the word and
    names its people (``本报记者雷振东通讯`` / ``员柯明远尹秀兰``), read as one more role
    (the cut word and the next line start with its role word)."""
    last = whole[-1]
    if not last.names:
        return None
    name = _lone_name(blocks[i + 1])
    if name is not None:
        joined = folded.rstrip() + " " + name
        grown = parse_byline_line(joined, known=known)
        if (grown is not None and len(grown) == len(whole) and grown[-1].role == last.role
                and grown[-1].names == (*last.names, name)):
            return joined
    torn = last.names[-1]
    if not ROLE.match(torn + piece):
        return None  # every role a parse gives is a role word's text: the cut word is none
    joined = folded + piece
    grown = parse_byline_line(joined, known=known)
    if (grown is None or len(grown) <= len(whole) or torn in known
            or grown[len(whole) - 1].names != last.names[:-1]
            or not (torn + piece).startswith(grown[len(whole)].role or "\n")
            or not all(b.names for b in grown[len(whole):])):
        return None
    return joined


def _surname_cut_off(folded: str, piece: str, whole: list[BylineData],
                     known: frozenset[str]) -> str | None:
    """A byline line whose last name the tool cut after its surname, the given name
    on the next line (``通讯员 刘复之 汪东林 廖`` / ``正亮``, ``本报记者 王玉武 于`` /
    ``志毅``), joined; or None.  The line reads whole only by running its last names
    together (汪东 林廖, 王玉 武于): a surname alone after a gap is no name, so the
    list is split as if unspaced.  The next line must hold nothing but the given name's
    one or two characters, and the joined line must read with the surname and them as
    its last name, the names before it as they were set apart."""
    words = folded.split()
    lone = words[-1] if len(words) >= 2 else ""
    if (len(lone) != 1 or not _one_han.fullmatch(lone) or surname_length(lone + piece) != 1
            or not _all_han_run.fullmatch(piece) or len(piece) > MAX_GIVEN_NAME_CHARS):
        return None
    joined = folded + piece
    grown = parse_byline_line(joined, known=known)
    if (grown is None or len(grown) != len(whole) or not grown[-1].names
            or grown[-1].role != whole[-1].role or grown[-1].names[-1] != lone + piece
            or any(name not in words for name in grown[-1].names[:-1])):
        return None
    return joined


def _line_join(blocks: Sequence[Block], i: int, folded: str, known: frozenset[str],
               settings: BylineSettings) -> tuple[int, str] | None:
    """A byline line broken before its end: a role word with its names on the next lines
    (``本报记者`` / ``魏金栋`` / ``于永军``), or a name cut in two (``曾志`` / ``光``).
    Never a photo credit that its role word closes (``记者 刘希林 摄`` / ``邵阳交警强化货``:
    the head under it is none of the credit)."""
    unmarked = _MARKER.sub("", folded)
    if (_compact_len(folded) > settings.max_line_chars or _not_in_byline.search(unmarked)
            or not _has_role(unmarked) or photo_credit(unmarked) is not None):
        return None
    whole = parse_byline_line(folded, known=known)
    if whole is None and parse_byline_line(folded, known=known, open_end=True) is None:
        return None
    if whole is not None:
        # a whole byline takes only the last character of its last name (``曾志`` / ``光``)
        if i + 1 >= len(blocks) or not _piece_ok(blocks[i + 1]):
            return None
        piece, _ = fold_letter_spacing(blocks[i + 1].text)
        cut = _surname_cut_off(folded, piece, whole, known)
        if cut is not None:
            return i + 1, cut
        more = _more_of_whole(blocks, i, folded, piece, whole, known)
        if more is not None:
            return i + 1, more
        joined = folded + piece
        grown = parse_byline_line(joined, known=known) if _one_han.fullmatch(piece) else None
        if (grown is None or not grown[-1].names or not whole[-1].names
                or grown[-1].names[-1] != whole[-1].names[-1] + piece
                or len(grown[-1].names[-1]) != 3):
            return None
        return i + 1, joined
    pieces = [folded]
    best: tuple[int, str] | None = None
    for j in range(i + 1, min(len(blocks), i + MAX_JOINED_LINES + 1)):
        if not _piece_ok(blocks[j]):
            break
        piece, _ = fold_letter_spacing(blocks[j].text)
        if len(piece) > MAX_PIECE_CHARS or _not_in_byline.search(piece):
            break
        pieces.append(piece)
        viable = False
        for joined in _joinings(pieces):
            if parse_byline_line(joined, known=known) is not None:
                best = (j, joined)
                viable = True
                break
            if parse_byline_line(joined, known=known, open_end=True) is not None:
                viable = True
        if not viable:
            break
    return best


def _join_broken(blocks: Sequence[Block], known: frozenset[str], settings: BylineSettings,
                 rec: Recorder) -> list[Block]:
    """Join the lines of a byline the tool broke (see :func:`_bracket_join` and
    :func:`_line_join`) into one block, so the byline is matched whole."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind != Kind.TEXT or block.level is not None:
            out.append(block)
            i += 1
            continue
        text = block.text
        # an open bracket near the end that nothing closes (letter-spacing may double the
        # printed length of what follows it)
        opened = max(text.rfind("（"), text.rfind("("))
        bracket = (opened >= 0 and len(text) - opened <= 2 * MAX_BRACKET_HEAD
                   and not _closing_bracket.search(text, opened))
        line = (_at_most(text, settings.max_line_chars) and not _not_in_line.search(text)
                and bool(_role_hint.search(text)))
        # (a look at what ``_dateline_start`` opens with, or its 讯, before the pattern)
        dateline = (len(text) <= MAX_DATELINE_LINE
                    and ("讯" in text or text.lstrip()[:1] in "本新中人央")
                    and bool(_dateline_start.match(text)))
        if not (bracket or line or dateline):
            out.append(block)
            i += 1
            continue
        folded, _ = fold_letter_spacing(text)
        found = ((_bracket_join(blocks, i, folded, known) if bracket else None)
                 or (_dateline_join(blocks, i, folded, known) if dateline else None)
                 or (_line_join(blocks, i, folded, known, settings) if line else None))
        if found is None:
            out.append(block)
            i += 1
            continue
        j, joined = found
        span = covering_span(blocks[i:j + 1])
        rec.change("joined a byline broken over lines", span, joined)
        out.append(block.with_(text=joined, start=span[0], end=span[1]))
        i = j + 1
    return out


def _lone_name(block: Block) -> str | None:
    """The name a line holds alone (``刘志明``, ``曹 敏``), or None."""
    if (block.kind != Kind.TEXT or block.level is not None
            or len(block.text) > 2 * MAX_NAME_CHARS or _compact_len(block.text) < 2
            or not _at_most(block.text, MAX_NAME_CHARS)):
        return None
    name = fold_letter_spacing_text(block.text.strip())  # 曹 敏 is 曹敏; 李杰 摄 is no name
    if is_person_name(name):
        return name
    # a gap after the surname only (``赵 明远``): the surname set apart from the given
    # name, as papers pad names and OCR spaces them; a gap anywhere else splits two words
    surname, _, given = name.partition(" ")
    joined = surname + given
    if given and " " not in given and surname_length(joined) == len(surname) \
            and is_person_name(joined):
        return joined
    return None


def _body_after(blocks: Sequence[Block], start: int, cut: bool) -> int:
    """The characters of the body that starts at ``blocks[start]``: its first line, and
    when that line is short and opens with the tail of a sentence cut before the name
    (``cut``; :func:`~baokan.core.text.starts_with_cut_tail`, the test segment-articles
    reads the head through by: ``明显。``, where a title or a name has no full stop) the
    lines after it up to the next blank line (a line a block at this stage), counted up
    to what :data:`MIN_BODY_AFTER_NAME` asks.  (Two measures, not one: the tail's is up to
    its full stop, ``MAX_CUT_TAIL``; this one is of a body's first line, and a line that
    long is body with or without a tail in it.)"""
    first = "".join(blocks[start].text.split())
    size = len(first)
    if size >= MIN_BODY_AFTER_NAME or not cut or not starts_with_cut_tail(first):
        return size
    for k in range(start + 1, len(blocks)):
        block = blocks[k]
        if block.kind not in Kind.BODY or block.gap_before > 0:
            break
        size += _compact_len(block.text)
        if size >= MIN_BODY_AFTER_NAME:
            break
    return size


def _past_co_authors(blocks: Sequence[Block], start: int) -> int:
    """Where the body starts after a signed author's name, ``blocks[start]`` being the
    line after it: past the co-authors' names that follow it one a line, each set apart
    by a blank line (``周明远`` / ``林 涛`` / body), at most :data:`MAX_NAME_STACK`."""
    k = start
    while (k + 1 < len(blocks) and k - start < MAX_NAME_STACK and blocks[k].gap_before > 0
           and blocks[k + 1].gap_before > 0 and _lone_name(blocks[k]) is not None):
        k += 1
    return k


def _cut_before(out: Sequence[Block]) -> bool:
    """Whether the body before a lone name stops inside a sentence (``…的作用日益``),
    past the short lines with no sentence mark between them and the name (a head read
    through with the name: ``——副题``)."""
    for block in itertools.islice(reversed(out), MAX_HEAD_BEFORE_NAME + 1):
        if block.kind not in Kind.BODY:
            return False
        if _sentence_mark.search(block.text):
            return ends_mid_clause(block.text)
    return False


def _signed_names(blocks: Sequence[Block], rec: Recorder) -> list[Block]:
    """The author of a signed essay or commentary, a name alone on a line set apart by
    blank lines on both sides with a body after it (``欧阳辉``), and the names after it
    (``胡鞍钢`` / ``张`` / ``新``: a two-character name the tool put a character a line is
    joined).  Role 作者.  (A name right under a title is left to the title heuristics,
    which read it with the title: ``深刻理解新时代划时代意义`` / ``刘志明``.)"""
    out: list[Block] = []
    signed = -1  # where in ``out`` the last author's name found stands
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        after_author = signed >= 0 and signed == len(out) - 1
        name = _lone_name(block)
        end = i
        if (name is None and nxt is not None and after_author and nxt.kind == Kind.TEXT
                and nxt.level is None and nxt.gap_before <= MAX_JOIN_GAP):
            name = name_a_character_a_line(block.text, nxt.text)  # 张 / 新
            if name is not None:
                end = i + 1
                nxt = blocks[end + 1] if end + 1 < len(blocks) else None
        if name is None or nxt is None or nxt.kind not in Kind.BODY:
            out.append(block)
            i += 1
            continue
        # alone between blank lines: a three-character name after a common surname (or a
        # compound one), so that a piece of a title (惠民生, 康保障) is not taken for one,
        # with a paragraph after it.  Between two lines of one sentence (加强金融 / 胡瑞华 /
        # 监管能力建设，…: a name set in a column the tool or the OCR read through) it is
        # still its article's author (segment-articles keeps the sentence's article open
        # past it), unless a vertical line follows (then it is the vertical head's author,
        # printed beside that head, and is left to the title heuristics) or the line before
        # holds a role word (then the name may be that role's, a byline the tool broke)
        body = _past_co_authors(blocks, end + 1)
        prev = out[-1] if out else None
        mid_sentence = (prev is not None and prev.kind == Kind.TEXT
                        and bool(_clause_mark.search(prev.text))
                        and _one_han.fullmatch(prev.text.rstrip()[-1:]) is not None)
        # a co-author's clear name vouches for a short one above it (``郑 川`` / ``黄建国``)
        clear = is_clear_name(name) or any(is_clear_name(_lone_name(blocks[k]) or "")
                                           for k in range(end + 1, body))
        set_apart = (block.gap_before > 0 and nxt.gap_before > 0 and clear
                     and blocks[body].kind in Kind.BODY
                     and _body_after(blocks, body, _cut_before(out)) >= MIN_BODY_AFTER_NAME
                     and not (mid_sentence and ("vertical" in nxt.tags
                                                or (prev is not None
                                                    and ROLE.search(prev.text) is not None))))
        if not (after_author or set_apart):
            out.append(block)
            i += 1
            continue
        span = covering_span(blocks[i:end + 1])
        rec.change("found a signed author's name", span, name)
        signed = len(out)
        out.append(block.with_(text=name, kind=Kind.BYLINE, start=span[0], end=span[1],
                               bylines=(BylineData(names=(name,), role="作者"),),
                               tags=block.tags | {Tag.OPENING}))
        i = end + 1
    return out


def _names_of_one_row(blocks: Sequence[Block], rec: Recorder) -> list[Block]:
    """A row of authors' names the column reader cut into pieces (``-layout``: ``刘   宾
    胡瑞华``, two names spread over the width of a title, the gaps as wide as a gutter):
    when every piece of a source line is a name standing alone, one of them clear, the
    pieces are one byline of 作者, where the first piece stands."""
    pieces: dict[int, list[int]] = {}
    for k, block in enumerate(blocks):
        pieces.setdefault(block.start, []).append(k)
    joined: dict[int, Block] = {}
    gone: set[int] = set()
    for at in pieces.values():
        if len(at) < 2 or any(blocks[k].start != blocks[k].end for k in at):
            continue
        names: list[str] = []
        for k in at:
            name = _lone_name(blocks[k])
            if name is None:
                break  # one piece no name: no row of names (the rest need not be read)
            names.append(name)
        if len(names) < len(at) or not any(is_clear_name(n) for n in names):
            continue
        found = tuple(n for n in names if n)
        first = blocks[at[0]]
        rec.change("joined a row of names the columns cut", first.span, " ".join(found))
        joined[at[0]] = first.with_(text=" ".join(blocks[k].text.strip() for k in at),
                                    kind=Kind.BYLINE, tags=first.tags | {Tag.OPENING},
                                    bylines=(BylineData(names=found, role="作者"),))
        gone.update(at[1:])
    if not joined:
        return list(blocks)
    return [joined.get(k, b) for k, b in enumerate(blocks) if k not in gone]


def _heading_byline(block: Block, known: frozenset[str]) -> Block | None:
    """A heading the tool marked (``###### 本报记者 王恬``) that is a whole byline with a
    role word: the mark is a guess from the font, the role word is not."""
    folded, _ = fold_letter_spacing(block.text)
    if not _has_role(_MARKER.sub("", folded)):
        return None
    parsed = parse_byline_line(block.text, known=known)
    if parsed is None:
        return None
    return block.with_(kind=Kind.BYLINE, level=None, bylines=tuple(parsed),
                       tags=block.tags | {Tag.OPENING})


def _cut_from_heading(out: Sequence[Block], block: Block) -> bool:
    """Whether ``block``, a name with no role, was cut off the heading just before it on
    the same line, and that heading ends with a role word (``###### 滨海时报记者 王恬``)."""
    if not out or (block.bylines and any(b.role for b in block.bylines)):
        return False
    heading = out[-1]
    if heading.kind != Kind.TEXT or heading.level is None or heading.span != block.span:
        return False
    folded, _ = fold_letter_spacing(heading.text)
    return bool(ROLE.search(folded)) and parse_byline_line(
        folded, open_end=True) is not None


#: a photographer's mark before the names (``图/X``, ``摄影：X``): the byline's form of a
#: credit, not the ``X 摄`` printed under a picture.  The marks of :data:`_MARK_ROLE` that
#: name the photographer, but read apart from :data:`_MARK_BEFORE`: at the line's start
#: only, letter-spaced (``摄 影：``), with no ``·`` after it and no name required after.
_PHOTO_MARK_FIRST = regex.compile(
    r"^\s*(?:" + "|".join(r"\s*".join(mark) for mark in _MARKS_LONGEST_FIRST
                          if _MARK_ROLE[mark] == PHOTO_ROLE) + r")\s*[/／:：]")


def _stacked_photo_mark(out: Sequence[Block], block: Block) -> bool:
    """Whether a photo credit ``block`` in the mark-first form (``图/X``) stands right
    under a byline that opens a body (``文/Y`` / ``图/X``): the byline stack under a head
    names the writer, then the photographer, and the photographer is that story's 摄影
    byline, not the credit of a caption the story may not hold."""
    if block.kind != Kind.CREDIT or not _PHOTO_MARK_FIRST.match(block.text):
        return False
    prev = out[-1] if out else None
    return (prev is not None and prev.kind == Kind.BYLINE and "closing" not in prev.tags
            and any(d.names for d in prev.bylines))


@heuristic("find-bylines", settings=BylineSettings, requires={Stage.LINES},
           reads={Kind.TEXT, Kind.BYLINE, Stage.HEADINGS, Tag.VERTICAL}, accepts={Kind.PARAGRAPH},
           provides={Stage.BYLINES, Kind.BYLINE, Kind.DATELINE, Kind.CREDIT, Tag.OPENING,
                     Tag.CLOSING, Tag.AFFILIATION, Tag.AFTER_DATELINE})
def find_bylines(doc: Document, settings: BylineSettings) -> Document:
    """Mark byline, dateline and credit blocks, and split them off the body they touch.

    Cues: role words (记者, 通讯员…) after an organisation and before name shapes, the
    marks □ ○ 文/ /文 图/, a dateline (本报讯, P讯, 新华社…电) at the start of a block, names
    in brackets at the end of a block, ``摄`` after names, and names checked against the
    surname table — all on the letter-spacing-folded line.  Example:
    ``本报讯 通讯员刘倚帆报道:3月4日…`` becomes a dateline ``本报讯``, a byline (通讯员
    刘倚帆) and a body block ``3月4日…``.
    """
    rec = Recorder("find-bylines")
    known = _known_names(doc)
    out: list[Block] = []
    blocks = _join_author_notes(doc.blocks, rec)
    blocks = _mend_misread_marks(blocks, known, settings, rec)
    if settings.ocr_brackets and is_ocr(doc.measurements):
        blocks = _mend_misread_roles(blocks, known, rec)
        blocks = _mend_lost_brackets(blocks, known, rec)
        blocks = _mend_broken_dateline(blocks, known, rec)
    blocks = _join_broken(blocks, known, settings, rec)
    blocks = _split_inner_datelines(blocks, rec)
    if settings.signed_names:
        blocks = _signed_names(_names_of_one_row(blocks, rec), rec)
    after_dateline = carried = False
    for block in blocks:
        if block.kind not in Kind.BODY:
            if block.kind == Kind.BYLINE and _cut_from_heading(out, block):
                # the name a converter split off a heading ``滨海时报记者 王恬``: one byline
                heading = out.pop()
                joined = _heading_byline(heading.with_(text=f"{heading.text} {block.text}"),
                                         known)
                if joined is not None:
                    rec.change("found byline in a heading", heading.span, joined.text)
                    out.append(joined)
                    continue
                out.append(heading)
            if _stacked_photo_mark(out, block):
                rec.change("photo mark in a byline stack", block.span, block.text)
                block = block.with_(kind=Kind.BYLINE)
            out.append(block)
            after_dateline = carried = False
            continue
        if block.level is not None:
            byline = _heading_byline(block, known) if block.kind == Kind.TEXT else None
            if byline is not None:
                rec.change("found byline in a heading", block.span, block.text)
            out.append(byline or block)
            after_dateline = carried = False
            continue
        found = _find_in(block, known, settings, rec, after_dateline,
                         carried and block.gap_before == 0,
                         block.gap_before == 0 and bool(out) and _head_shaped(out[-1]))
        after_dateline = found[-1].kind == Kind.DATELINE
        # the first words of a dateline's sentence after it on the line, cut mid-clause:
        # the next line carries that sentence on (the tag, not the dateline before it,
        # so that a second run reads the line as the first did)
        carried = (found[-1].kind == Kind.TEXT and "after_dateline" in found[-1].tags
                   and ends_mid_clause(found[-1].text))
        if len(found) == 1 and _stacked_photo_mark(out, found[0]):
            rec.change("photo mark in a byline stack", block.span, block.text)
            found = [found[0].with_(kind=Kind.BYLINE)]
        out.extend(found)
    _mend_torn_rows(out, known, rec)
    return rec.apply(doc, out)


def _role_head(block: Block, known: frozenset[str]) -> list[BylineData] | None:
    """The byline items of a piece that ends with a role word whose names are gone
    (:func:`_cut_from_names`: read as a byline's head under a title, or left as text)."""
    if block.kind == Kind.BYLINE:
        items = list(block.bylines)
        return items if items and items[-1].role and not items[-1].names else None
    if block.kind != Kind.TEXT:
        return None
    return _cut_from_names(fold_letter_spacing(block.text)[0], known)


def _mend_torn_rows(out: list[Block], known: frozenset[str], rec: Recorder) -> None:
    """A byline line a column reader cut at its wide gaps (``pdftotext -layout``: a byline
    justified over the column, ``通讯员        王尚英   龙志毅``): its pieces stand in
    different places of the reading order, but on the same printed line.  On a line whose
    pieces hold exactly one byline of names with no role (``王尚英 龙志毅``), that byline
    takes the role of the line's other piece: a role word whose names are gone
    (``通讯员``, ``沈北晚报记者``), or else a byline whose last role has its names
    (``通讯员 叶公琦`` … ``武季梅 李为昌``: the list goes on).
    Names in brackets (``（X Y）``, a body's closing byline) are no piece of a row."""
    rows: dict[int, list[int]] = {}
    for at, block in enumerate(out):
        if block.start == block.end:
            rows.setdefault(block.start, []).append(at)
    for row in rows.values():
        if len(row) < 2:
            continue
        bare = [at for at in row if out[at].kind == Kind.BYLINE and out[at].bylines
                and out[at].bylines[0].role is None and out[at].bylines[0].names
                and not _opening_bracket.match(out[at].text.lstrip())]
        if len(bare) != 1:
            continue
        names = out[bare[0]]
        heads = [(at, cut) for at in row if (cut := _role_head(out[at], known))]
        roled = [at for at in row if at != bare[0] and out[at].kind == Kind.BYLINE
                 and out[at].bylines and out[at].bylines[-1].role
                 and out[at].bylines[-1].names]
        first = names.bylines[0]
        if len(heads) == 1 and not roled:
            at, cut = heads[0]
            role = cut[-1]
            read = attrs.evolve(first, role=role.role, organization=role.organization)
            # each piece stays where it stands (which column the byline is an article's is
            # for the segmentation to say): the names take the role word; the role word's
            # piece is a byline if it holds names of its own (本报记者 刘柏年 通讯员)
            out[bare[0]] = names.with_(bylines=(read, *names.bylines[1:]))
            if out[at].kind == Kind.TEXT and any(b.names for b in cut[:-1]):
                out[at] = out[at].with_(kind=Kind.BYLINE, bylines=tuple(cut[:-1]),
                                        tags=out[at].tags | {Tag.OPENING})
            rec.change("a byline's role word gives its role to its names, cut apart in a row",
                       names.span, f"{out[at].text} {names.text}")
        elif len(roled) == 1 and not heads:
            last = out[roled[0]].bylines[-1]
            read = attrs.evolve(first, role=last.role)
            out[bare[0]] = names.with_(bylines=(read, *names.bylines[1:]))
            rec.change("names cut off a byline in a row take its last role", names.span,
                       f"{last.role} {' '.join(first.names)}")
