"""The shapes of title lines: marks, dashes and place names that tell a column, a kicker
or a subtitle, and where two title lines are one phrase broken over two lines.
"""

from __future__ import annotations

import regex

from baokan.core.document import Block
from baokan.core.lexicon import pair_at_least
from baokan.core.marks import Tag
from baokan.core.names import NAME_DOTS, NOT_NAMES
from baokan.core.spans import covering_span
from baokan.core.text import (
    COLUMN_MARKS,
    DASH_PAIR,
    DASH_START,
    KICKER_END,
    bigrams,
    content_length,
    fold_letter_spacing_text,
    has_inner_punct,
    leaves_open,
    line_cells,
)
from baokan.heuristics.structure.segment_articles.article import overlap
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings

#: A one-line title holding ``——`` after at least this many characters is a kicker and a
#: headline printed on one line (``…感慨—— 有了医保…``); a shorter lead is a dash inside
#: the headline itself.
INNER_DASH_LEAD = 4

_INNER_DASH = regex.compile(f"^(.{{{INNER_DASH_LEAD},}}?{DASH_PAIR})" + r"\s*(\S.*)$")

_COLUMN_MARK = regex.compile("^[" + COLUMN_MARKS + "]")

#: Two title lines are one headline broken by width (in a dump with no blank lines) when
#: the first is at most this many times as wide as the second: in the synthetic PyMuPDF
#: dumps 119 of 147 headlines on two lines and 5 of 21 unmarked kicker/headline pairs.
BROKEN_WIDTH_RATIO = 1.25

#: A name set in quotes or title marks (``《青春波尔卡》``, ``“大哥大”``): the name inside is
#: what a place line's length and the body's naming are measured on.
_ENCLOSED = regex.compile(r"^[“‘「『《\"'](.+)[”’」』》\"']$")

#: A line of a head that ends on one of these stops before the word it governs: a
#: preposition, conjunction or structural particle cannot end a phrase (运城党组织为 /
#: 群众致富架金桥).
_OPEN_ENDS = "的之和与及并为在对从向把被将让给以于由"
# ...nor on the dot that parts the pieces of a name (``阿木冬·`` / ``尼牙孜当选…``) or
# the items of a list (``——毛毯·`` / ``没事儿·`` / ``安安小姐``), core.names' NAME_DOTS:
# what it parts goes on the next line.
#: A line that starts with one of these was torn from the word before it (做一个“善跑” /
#: 的基层媒体工作者).
_TORN_STARTS = "的了着之”’」』》）)】〕，。、；：！？,.;:!?"

#: The least general-Chinese association (:func:`baokan.core.lexicon.pair_association`,
#: asked with :func:`~baokan.core.lexicon.pair_at_least`)
#: of the two characters either side of a break between two title lines for the break to
#: fall inside a word (``新晃政务设`` / ``立温馨母婴室``: 设立): two adjacent Han characters
#: of one title are this close 368 times in 1000, the last character of one title and
#: the first of another 6 times in 1000 (the titles of the synthetic pages' gold; at 2.0
#: the two are 445 and 14 in 1000, at 4.0, 279 and 3).
TITLE_BREAK_ASSOCIATION = 3.0

#: A line holding two phrases set apart by a space (``改造老旧小区 方便居民出行``) is a
#: couplet complete in itself: a kicker or a headline, never the first half of a headline
#: the measure broke.  (A kicker of parallel phrases, ``防风险 严监管 活实体 促发展``, which
#: join-lines spaces so when the tool set it a phrase a line, is one such line.)  Not a
#: second copy of join-lines' test for such a kicker: that one finds phrases set a line
#: each (lines of one length over a longer one) and writes them as one spaced line; this
#: one reads one line, whoever spaced it — the page, or join-lines.
_TWO_PHRASES = regex.compile(r"\p{Han}{2,}[ \u3000]+\p{Han}{2,}")

#: A line that stops on a word: a Han character, letter or digit.
_WORD_END = regex.compile(r"[\p{Han}\p{L}\p{N}]$")

#: A clause mark inside a line, with more of the line after it (``，`` ``；``).
_INNER_CLAUSE = regex.compile(r"[，,；;]\s*[\p{Han}\p{L}\p{N}“‘\"]")


def cut_sentence(text: str) -> bool:
    """Whether a title line reads as a printed line of body text cut at the line's end: it
    holds a clause mark with the clause going on after it, and stops on a word, not on a
    mark a title ends with (``因此在一定意义上说，谁在信息基础和``).  A headline of two
    clauses is a line of its own, not the first line of a head broken over two lines."""
    stripped = text.strip()
    return _WORD_END.search(stripped) is not None and _INNER_CLAUSE.search(stripped) is not None

#: A horizontal title line goes on a vertical one (or the reverse) as one phrase only when it
#: holds at most this many cells: the vertical head's last character, which the tool set
#: apart (``子再难也有底气`` / ``！``, ``绘画公益开始`` / ``课``); a longer one is another piece's
#: title set beside it (``昆明世博会接受社会捐赠`` beside ``中南外长高度评价两国建交``).
VERTICAL_PIECE_CELLS = 1

#: Two title lines filled one measure when their widths differ by at most this many
#: cells (a cell of slack: punctuation squeezed to half a cell, a character the
#: typesetter's justification pushed over).
MEASURE_SLACK_CELLS = 1.0

#: a subtitle's tail the measure broke off holds at most this share of its first line's
#: width (a headline stacked under a subtitle is about as wide as it, or wider)
SUBTITLE_TAIL_SHARE = 0.5


def _is_place_line(text: str, limit: int) -> bool:
    return content_length(text) <= limit and not has_inner_punct(text) and " " not in text


def _is_place_colon(text: str, body_grams: set[str], limit: int) -> bool:
    """A short first title line ending with a colon that names a place the body names
    (``西华：`` over ``“五个精准”推动城乡医保征缴工作``): the head of the headline, not a
    kicker (a kicker with a colon is a clause: ``海勃湾区海北街道黄河社区党委：``).  Read
    with its letter-spacing folded, every gap out (``《朗 朗 星空》：``, as pdfminer spaces
    a head): a place or a work's name is one word."""
    stripped = fold_letter_spacing_text(text.strip(), tight=True)
    if not stripped.endswith(("：", ":")):
        return False
    place = _ENCLOSED.sub(r"\1", stripped[:-1].strip())
    return _is_place_line(place, limit) and bool(bigrams(place) & body_grams)


def _merge_unspaced(titles: list[Block], grams: set[str], limit: int) -> list[Block]:
    """Title lines with no blank line between them joined into one line, except a line led
    by a dash (a subtitle) or one after a line that ends like a kicker (``——``, ``：``):
    those are parts of the head of their own; and except a line after the group's first,
    short line that the body never names (``简讯`` / ``锦州市民向交通…``): that line is the
    column's name over the head (``limit``: how long a place or column line may be)."""
    merged: list[Block] = []
    for n, block in enumerate(titles):
        if merged and block.gap_before == 0 and block.level == merged[-1].level \
                and not DASH_START.match(block.text.strip()) \
                and not KICKER_END.search(merged[-1].text) \
                and not (n == 1 and grams and _is_place_line(titles[0].text, limit)
                         and bigrams(titles[0].text)
                         and not bigrams(titles[0].text) & grams):
            last = merged[-1]
            start, end = covering_span((last, block))
            merged[-1] = last.with_(text=last.text + block.text, start=start, end=end)
        else:
            merged.append(block)
    return merged


def breaks_mid_phrase(first: str, second: str, body_grams: set[str]) -> bool:
    """Whether two title lines are one phrase broken over two lines: the first leaves a
    quote or bracket open or stops on a word that governs what follows, the second
    starts with a particle or closing mark, or the two characters either side of the
    break make a word the body uses (``促流通抓转化包`` / ``头稳定粮食生产``: 包头)."""
    a, b = first.strip(), second.strip()
    if not a or not b:
        return False
    if leaves_open(a, straight_quotes=True) or a[-1] in _OPEN_ENDS or a[-1] in NAME_DOTS \
            or b[0] in _TORN_STARTS:
        return True
    joint = bigrams(a[-1] + b[0])
    if not joint:
        return False
    if joint <= body_grams:
        return True
    # the body may never use the word the break cuts (a head over another piece's body,
    # a short body): general Chinese says whether the pair is inside a word
    return pair_at_least(a[-1], b[0], TITLE_BREAK_ASSOCIATION)


def set_apart(first: Block, second: Block) -> bool:
    """Whether two title lines are two titles, one set vertically and one horizontally: a
    head that runs down the page is whole in its column, and no horizontal line goes on it
    but a character or so the tool set apart from its column (:data:`VERTICAL_PIECE_CELLS`)
    or a line the break between them tears a word from (:func:`breaks_mid_phrase`, which
    the caller asks first: ``开药必`` / ``须挤公交…``)."""
    if (Tag.VERTICAL in first.tags) == (Tag.VERTICAL in second.tags):
        return False
    other = second if Tag.VERTICAL in first.tags else first
    return content_length(other.text) > VERTICAL_PIECE_CELLS


def _column_over_kicker(first: str, second: str, grams: set[str]) -> bool:
    """Whether a first title line stands over a kicker as the column's name: the line after
    it ends ``——`` (a kicker, with a headline still to come) and the first line is a
    phrase of its own — it closes no clause with a mark and does not run on into the
    kicker (a kicker broken over two lines does: ``我市织密全民健康网，`` / ``…感慨——``)."""
    head = first.strip()
    return second.rstrip().endswith(DASH_PAIR) and not head.endswith((DASH_PAIR, "：", ":")) \
        and not has_inner_punct(head[-1:]) and not breaks_mid_phrase(first, second, grams)


def broken_by_width(first: str, second: str) -> bool:
    """Whether two title lines are one headline broken where its type filled the measure:
    the first at least as wide as the second (a cell of slack) and the second at most
    :data:`BROKEN_WIDTH_RATIO` times narrower.  A kicker is set in smaller type than its
    headline, so it holds more characters in the same measure (``让中国特色社会主义展现出
    更加强大生命力`` over ``深刻理解新时代划时代意义``), or is a short phrase over it."""
    wide, narrow = line_cells(first.strip()), line_cells(second.strip())
    return narrow > 0 and narrow <= wide + 1 and wide <= BROKEN_WIDTH_RATIO * narrow \
        and not _TWO_PHRASES.search(first.strip())


def headline_tail(unit: list[str], line: str) -> bool:
    """Whether ``line`` is the last line of a headline the measure wrapped over ``unit``
    and it: the unit's last two lines are of one width (both filled the measure, within
    :data:`MEASURE_SLACK_CELLS`), so the phrase ran on past the second, and ``line`` is
    no wider than they (the rest of the phrase, however short: ``东亚经济传真苏哈托`` /
    ``强调经济改革菲律宾`` / ``汇市股市反弹``).  Not after a line that closes like a kicker
    (``——``, ``：``), nor a line led by a dash (a subtitle) or a column mark (a column's
    name the tool set under the head: ``◇简讯◇``).  A kicker over its headline
    is set in smaller type, so the headline under it is narrower — but a kicker broken
    over two lines closes on its dash or colon; one that does not is read as the head."""
    if len(unit) < 2 or KICKER_END.search(unit[-1]) or DASH_START.match(line.strip()) \
            or _COLUMN_MARK.match(line.strip()):
        return False
    above, last, tail = (line_cells(t.strip()) for t in (unit[-2], unit[-1], line))
    return 0 < tail <= last + MEASURE_SLACK_CELLS and abs(above - last) <= MEASURE_SLACK_CELLS


#: A line that is only a short term in quotes (``“加速度”``, ``“ 快车道 ”``): at most this
#: many characters inside the quotes (a term, not a phrase: a quoted phrase on a line of
#: its own is a headline or a subtitle).
QUOTED_TAIL_CHARS = 6
_TERM = "[^“”‘’「」『』\"…，。、；：！？,;:!?]{1," + str(QUOTED_TAIL_CHARS) + "}"
_QUOTED_TERM = regex.compile(
    f"^(?:“{_TERM}”|‘{_TERM}’|「{_TERM}」|『{_TERM}』|\"{_TERM}\")$")


def quoted_tail(first: str, second: str) -> bool:
    """Whether ``second`` is the last term of the title line ``first``, set on a line of its
    own where the measure broke before its opening quote (``太康：强化“五举措”助推医保征缴`` /
    ``“加速度”``): the line is one short term in a pair of quotes and nothing else, and
    ``first`` stops on a word — a phrase still wanting its object, not one closed by a
    mark or a kicker's dash or colon.  The caller asks that ``first`` be no column's
    name (``新春走基层`` / ``“年味儿”`` is a column over a kicker)."""
    head, tail = first.strip(), "".join(second.split())
    return _QUOTED_TERM.match(tail) is not None and _WORD_END.search(head[-1:]) is not None \
        and not KICKER_END.search(head)


def _subtitle_goes_on(subtitle: str, line: str, grams: set[str]) -> bool:
    """Whether a title line after a dash-led subtitle is the rest of that subtitle, broken
    where it filled the measure: it is no wider than the subtitle's line (a subtitle is
    set in the smaller type; another piece's headline stacked under it is wider) or the
    two make one phrase broken over two lines, and it is no dash-led line or kicker of
    its own, nor ends on a role word (a byline's head).  The headline of a head never follows its subtitle."""
    if KICKER_END.search(line) or not bigrams(line):
        return False
    return broken_by_width(subtitle, line) or breaks_mid_phrase(subtitle, line, grams) \
        or _subtitle_tail(subtitle, line)


def _subtitle_tail(subtitle: str, line: str) -> bool:
    """Whether ``line`` is the last few characters of a dash-led subtitle that ran over its
    measure (``——市特殊教育学校助力残障儿`` / ``童成长``): narrower than the subtitle's
    line, which stops on a word (not on a closing mark), and the line holds no mark of
    its own, nor ends on a role word (a byline's head).  The headline of a head stands
    over its subtitle, never under it."""
    head, tail = subtitle.strip(), line.strip()
    return 0 < line_cells(tail) <= SUBTITLE_TAIL_SHARE * line_cells(head) \
        and _WORD_END.search(head) is not None \
        and not has_inner_punct(tail) and " " not in tail \
        and not tail.endswith(tuple(NOT_NAMES))  # 南县融媒体记者: a byline's head


def _measure_broke(titles: list[Block], i: int, grams: set[str], gaps_tell: bool,
                   grid: bool = False) -> bool:
    """Whether title line ``i`` runs on into the line after it as one phrase that the
    measure broke: the break falls inside a phrase the body uses, or the two lines are of
    one width (:func:`broken_by_width`) with no blank line between them where the dump sets
    blank lines between its boxes.  Such a first line is no column name standing over the
    head: in a narrow column a headline wraps over three lines or four, as many as a head
    of column name, kicker, headline and subtitle."""
    if i + 1 >= len(titles):
        return False
    first, second = titles[i], titles[i + 1]
    if breaks_mid_phrase(first.text, second.text, grams):
        return True
    return (not gaps_tell or grid or second.gap_before == 0) \
        and broken_by_width(first.text, second.text)


def _column_line(titles: list[Block], units: list[list[int]], grams: set[str],
                 settings: SegmentSettings) -> bool:
    """Whether the only unit so far is a short first line the body never names: a column
    name (``简讯``, ``今日关注``) set over the head, not the start of its headline."""
    if len(units) != 1 or len(units[0]) != 1:
        return False
    first = titles[units[0][0]].text
    return _is_place_line(first, settings.place_line_chars) and not bigrams(first) & grams


def _marked_column(text: str, grams: set[str], limit: int) -> bool:
    """Whether the first line of a markdown title group is the column's name over the
    head, whatever level the tool gave it: a name behind a column mark (``【法治在线】``,
    ``■聚焦``) or a short phrase with no punctuation the body never names (``新闻速递``)."""
    stripped = text.strip()
    if " " in stripped or not bigrams(stripped):
        return False  # ◆基层一线 国务院侨办…: a column and a headline on one line; 帮: a torn piece
    return bool(_COLUMN_MARK.match(stripped)) or (
        _is_place_line(stripped, limit) and not bigrams(stripped) & grams)


#: Each half of a headline the measure broke (:func:`one_measure`) is at least this many
#: cells: a shorter piece is a glyph or two, or a column's name.
MIN_MEASURE_PIECE = 4
#: ...and one half names the body under the head in more than this share of its bigrams
#: (a word of a ten-character line; the stray-title pass's ``OWN_BODY_OVERLAP``).
MEASURE_NAMING = 0.1


def one_measure(first: Block, second: Block, grams: set[str]) -> bool:
    """Whether two title lines printed one right under the other are one headline the
    measure broke (:func:`broken_by_width`) over the body whose bigrams are ``grams``:
    no blank line and no line between them, the first closing no kicker and the second
    led by no dash, each a piece of a phrase (:data:`MIN_MEASURE_PIECE`) set
    horizontally (a vertical head is whole in its column), and one of the two naming
    that body (:data:`MEASURE_NAMING`).  Its halves are not parted, though the other
    names another story in a word (``纽约股市开门红印尼`` / ``菲律宾货币汇率再跌``,
    ``国务院侨办`` / ``发表新年贺词``); two halves that both name another body are not
    held here (they go there together)."""
    return second.start == first.end + 1 and not second.gap_before \
        and Tag.VERTICAL not in first.tags and Tag.VERTICAL not in second.tags \
        and not KICKER_END.search(first.text) and not DASH_START.match(second.text.strip()) \
        and min(content_length(first.text), content_length(second.text)) >= MIN_MEASURE_PIECE \
        and broken_by_width(first.text, second.text) \
        and max(overlap(first.text, grams), overlap(second.text, grams)) > MEASURE_NAMING
