"""The role of every title line of an article's head (column, kicker, headline,
subtitle), from its shape and from the words its body shares with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from baokan.core.document import Block, Kind
from baokan.core.marks import Tag
from baokan.core.text import DASH_PAIR_END, DASH_START, KICKER_END, WIDE_DASH_PAIR_END, bigrams, line_cells
from baokan.heuristics.structure.segment_articles.article import _PageGrams, overlap
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_lines import (
    _COLUMN_MARK,
    _INNER_DASH,
    _TWO_PHRASES,
    _column_line,
    _column_over_kicker,
    _is_place_colon,
    _is_place_line,
    _marked_column,
    _measure_broke,
    _merge_unspaced,
    _subtitle_goes_on,
    breaks_mid_phrase,
    broken_by_width,
    cut_sentence,
    headline_tail,
    quoted_tail,
    set_apart,
)

#: A title group of this many unmarked lines or more starts with a column or series name
#: (a column name, kicker, headline and subtitle are the most a head sets) — unless its
#: first line runs on into the next (:func:`_measure_broke`): a count of lines, not of
#: phrases, and a narrow column wraps a headline alone over this many lines.
COLUMN_GROUP_LINES = 4

#: Where a dump's gaps do not tell its boxes apart, a group of at least this many title
#: lines one under the other whose first is a short line the body never names starts
#: with the column over the head (:func:`assign_roles`): a column's name and a headline
#: on two lines; two lines alone may be a narrow column's headline.
COLUMN_OVER_TWO_LINES = 3

#: A heading sharing at most this share of its bigrams with the body under it is not
#: its headline when another heading of the stack shares at least ``MIN_NAMED_OVERLAP``.
MAX_UNNAMED_OVERLAP = 0.0
MIN_NAMED_OVERLAP = 0.5
#: Where the line in the headline's place is another piece's title (another body of the
#: page names at least ``STRAY_NAMED_ELSEWHERE`` of its bigrams) or is shaped as a kicker
#: (ends ``——``/``：``, yet stands after the line the body names), the tool stacked it
#: over this head: then "not named" allows a word or two in common (a tenth of its
#: bigrams: a stray title may share one with any body) and a line the body names at
#: three tenths is the headline, a clear margin.  A headline of this head the body never
#: names, under a kicker it does (``城北老旧小区加装电梯`` / ``居民上下楼不再犯难``), is
#: named by no other body either and keeps its place.
STRAY_UNNAMED_OVERLAP = 0.1
STRAY_NAMED_OVERLAP = 0.3
STRAY_NAMED_ELSEWHERE = 0.5
#: Another piece's title stacked in the headline's place may share words with this body
#: (强化, 违法): where another body names it, a line of this head the body names by this
#: much more, and no other body names, is the headline.
STRAY_NAMING_MARGIN = 0.2
#: A line printed under the head's usual headline, in a subtitle's place, that the body
#: names at ``STRAY_NAMED_OVERLAP`` (not ``MIN_NAMED_OVERLAP``) is the headline when the
#: body never names the usual one and the line is long enough to be a head (this many
#: bigrams: a headline's five characters or more): the tool stacked another piece's head
#: over this one (``从“治已病”到“防未病”`` / ``新晃政务设立温馨母婴室`` over a body about the
#: 母婴室).  A subtitle spells its headline's story out and leaves it named; a kicker over
#: an unnamed headline (``城北老旧小区加装电梯`` / ``居民上下楼不再犯难``) stands before
#: it and keeps the stricter bar.
HEAD_UNDER_GRAMS = 4
#: The level of an unmarked line in a markdown title group: deeper than any heading.
UNMARKED_LEVEL = 99

#: How much better the body must name the first of two title lines than the second for
#: the first to be the headline and the second its subtitle: a kicker is a lead-in the
#: body seldom names better than its headline (1 kicker in 60 on the synthetic pages at
#: this margin), a headline names the story its subtitle then spells out.
SUBTITLE_NAMING_MARGIN = 0.2


def _stray_title(text: str, grams: set[str], page: _PageGrams | None) -> bool:
    """Whether a title line is another piece's title stacked over this head: shaped as a
    kicker, or named by another body of the page (``page``: in how many bodies each
    bigram stands) at least :data:`STRAY_NAMED_ELSEWHERE` of its bigrams."""
    if KICKER_END.search(text):
        return True
    own = bigrams(text)
    if not own or page is None:
        return False
    elsewhere = sum(1 for g in own if page.count(g) > (1 if g in grams else 0))
    return elsewhere / len(own) >= STRAY_NAMED_ELSEWHERE


def _own_title_line(text: str, grams: set[str], page: _PageGrams | None) -> bool:
    """Whether the body names a title line as its own: more than
    :data:`STRAY_UNNAMED_OVERLAP` of its bigrams (a stray title may share a word with
    any body), and it is no other piece's title stacked here (:func:`_stray_title`)."""
    return overlap(text, grams) > STRAY_UNNAMED_OVERLAP and not _stray_title(text, grams, page)


def _named_choice(at: int, at_text: str, others: Iterable[tuple[int, str]],
                  grams: set[str], page: _PageGrams | None = None) -> int:
    """Of the candidates for a head's headline (``(key, text)``; the usual one ``at``),
    the one the body names: ``at``, unless the body never names it and names another
    well (one that does not end like a kicker) — the tool stacked another piece's title
    in this head; or another body names it (:func:`_stray_title`) and this body names a
    line of its own (:func:`_own_title_line`) by :data:`STRAY_NAMING_MARGIN` more.  Keys
    are in printed order: a line under ``at`` in a head's place is weighed as a stacked
    head (:data:`HEAD_UNDER_GRAMS`).  Ties go to the first key."""
    if not grams:
        return at
    others = list(others)
    named = overlap(at_text, grams)
    stray = named <= STRAY_UNNAMED_OVERLAP and _stray_title(at_text, grams, page)
    if named > MAX_UNNAMED_OVERLAP and not stray:
        # named a little here, yet another body's title: a line this body names by a
        # margin more, and no other body names, is the headline
        better = sorted(((overlap(text, grams), -n, text) for n, text in others if n != at),
                        reverse=True)
        better = [c for c in better if c[0] >= named + STRAY_NAMING_MARGIN]
        if better and _stray_title(at_text, grams, page):
            for _, neg, text in better:
                if _own_title_line(text, grams, page):
                    return -neg
        return at
    best = max(((overlap(text, grams), -n) for n, text in others
                if n != at and not KICKER_END.search(text)), default=None)
    if best is None:
        return at
    under = -best[1] > at and len(bigrams(dict(others)[-best[1]])) >= HEAD_UNDER_GRAMS
    if best[0] < (STRAY_NAMED_OVERLAP if stray or under else MIN_NAMED_OVERLAP):
        return at
    return -best[1]


def dealt_headline(text: str, head: list[Block], grams: set[str],
                   page: _PageGrams | None) -> bool:
    """Whether a title line dealt to an article from where the tool printed it is the
    article's headline rather than a kicker over the head's headline: of the two, it is
    the one the body names (:func:`_named_choice`; 戏要大家唱 over a body about 再就业,
    whose head printed another piece's 冷水滩区立足根本稳就业), and it is no column's name."""
    headline = "".join(b.text for b in head if b.kind == Kind.HEADLINE)
    if not headline or _COLUMN_MARK.match(text.strip()):
        return False
    return _named_choice(0, headline, [(1, text)], grams, page) == 1


def _named_heading(titles: list[Block], free: list[int], top: int, grams: set[str],
                   page: _PageGrams | None = None) -> int:
    """The headline of a stack of headings: the shallowest (``top``), unless the body
    never names it and names another heading of the stack well — two pieces' headlines
    stacked by the tool, the one over this body at a deeper level."""
    return _named_choice(top, titles[top].text, ((i, titles[i].text) for i in free), grams,
                         page)


def _named_unit(titles: list[Block], units: list[list[int]], at: int, grams: set[str],
                page: _PageGrams | None = None) -> int:
    """The unit of a plain title group that is its headline: the one at ``at`` (the second
    of two or more, after its kicker), unless the body never names it and names another
    unit well — the tool printed another piece's title (a column beside it, set at the
    same height) in this head, and the line the body names is this head's headline."""
    if not grams or len(units) < 2:
        return at
    texts = ["".join(titles[i].text for i in unit) for unit in units]
    return _named_choice(at, texts[at], enumerate(texts), grams, page)


def _headline_over_subtitle(titles: list[Block], units: list[list[int]],
                            grams: set[str]) -> bool:
    """Whether of two title units the first is the headline and the second its subtitle,
    not a kicker over a headline: the second is the longer line (a subtitle spells the
    story out in smaller type) and the body names the first better, by
    :data:`SUBTITLE_NAMING_MARGIN` of its bigrams (``江主席与克雷库总统会谈`` /
    ``强调发展长期稳定全面合作…``)."""
    if not grams:
        return False
    first, second = ("".join(titles[i].text for i in unit) for unit in units)
    if KICKER_END.search(first) or _TWO_PHRASES.search(first.strip()):
        # 黄河社区党委： / 精细治理…: a kicker, however the body names it; so is a couplet
        # of two spaced phrases (拓展智慧服务 建设智能大门), the usual shape of a kicker
        return False
    return line_cells(second) > line_cells(first) \
        and overlap(first, grams) >= overlap(second, grams) + SUBTITLE_NAMING_MARGIN


def _over_dash_subtitle(roles: list[str | None], last: int) -> bool:
    """Whether the title line after ``last`` is a dash-led subtitle (a line right under
    a free line can be no other subtitle: the lines that carry a subtitle on stand under
    a subtitle)."""
    return last + 1 < len(roles) and roles[last + 1] == Kind.SUBTITLE


def _named_down_to_dash(titles: list[Block], roles: list[str | None], above: int,
                        units: list[list[int]], grams: set[str],
                        page: _PageGrams | None) -> bool:
    """Whether the title lines ``units`` (each a list of indexes: one line, or a line
    broken over several) are the headline's with the line ``above`` (its last line): they
    stand one right under the other from under it down to a dash-led subtitle, and the
    body names each as its own (:func:`_own_title_line`).  A dash-led subtitle stands
    right under its headline (惠民利民 / 健康保障启新篇 / ——我市多举措…: one headline, not
    a second subtitle); a line the body never names, or another body names, is another
    piece's title the tool stacked there (特殊的毕业典礼 / 巴总理电慰我地震灾民 /
    ——市特殊教育学校…)."""
    return bool(units) and _over_dash_subtitle(roles, units[-1][-1]) \
        and all(unit[0] == prev[-1] + 1 for prev, unit in zip([[above], *units], units)) \
        and all(_own_title_line("".join(titles[i].text for i in unit), grams, page)
                for unit in units)


def settle_dash_roles(head: list[Block]) -> list[Block]:
    """``head`` with a headline that a dash marks as another role given that role: one led
    by a dash is the subtitle (``——2017年中国经济亮点回眸``), one closing on ``——`` the
    kicker (``常德市医疗保障局持续优化营商环境——``), where the head has none yet.  The
    dash is the page's own mark of the role, and no headline opens or closes on one (of
    the 622 gold headlines of the seeds, pool and synthetic pages, none); the headline, when the
    tool set it elsewhere, is better missing than a subtitle or kicker in its place.
    Closing on ``——`` is read loosely here (:data:`~baokan.core.text.WIDE_DASH_PAIR_END`:
    either wide dash, spaced or not, as pdfminer spaces a title's wide dash: ``…刘仲藜— —``).

    A line closing on ``——`` leads into the line under it (conventions): where lines not
    led by a dash stand right under it as its subtitle, they are the headline it leads
    into (a head dealt from the page's titles to a body whose own line was a kicker's:
    ``服务“新样板”——`` / ``一封下级对`` / ``上级的表扬信``), and it is a kicker though the
    head has one already (a column's name or another piece's line set over it)."""
    kinds = [b.kind for b in head]
    lines = [n for n, kind in enumerate(kinds) if kind == Kind.HEADLINE]
    if not lines or lines != list(range(lines[0], lines[-1] + 1)):
        return head
    at, last = lines[0], lines[-1]
    under = last + 1  # the lines not led by a dash right under a headline closing on one
    while under < len(head) and head[under].kind == Kind.SUBTITLE \
            and not DASH_START.match(head[under].text.strip()) \
            and not WIDE_DASH_PAIR_END.search(head[under].text.strip()):
        under += 1
    if under > last + 1 and WIDE_DASH_PAIR_END.search(head[last].text.strip()) \
            and bigrams("".join(head[n].text for n in lines)):
        return [*head[:at], *(b.with_(kind=Kind.KICKER) for b in head[at:last + 1]),
                *(b.with_(kind=Kind.HEADLINE) for b in head[last + 1:under]), *head[under:]]
    if at != last:
        return head
    text = head[at].text.strip()
    if DASH_START.match(text) and Kind.SUBTITLE not in kinds and bigrams(text):
        role = Kind.SUBTITLE
    elif WIDE_DASH_PAIR_END.search(text) and Kind.KICKER not in kinds and bigrams(text):
        role = Kind.KICKER
    else:
        return head
    return [*head[:at], head[at].with_(kind=role), *head[at + 1:]]


def _column_off_heading(titles: list[Block]) -> list[Block]:
    """The column's name cut off a markdown heading that holds it and the head under it on
    one line (``◆基层一线 国务院侨办 发表新年贺词``, ``【法治在线】进百姓门…送温暖——赤壁…``):
    a converter joins the printed lines of one text box with spaces, and the column's
    name is set in the head's box.  Cue: the heading opens with a name behind a column
    mark (:data:`_COLUMN_MARK`) that ends at its first printed line's end or at its
    closing bracket, and more follows.  (A short unmarked first line the body never names
    may be a column's name, ``新闻速递 冷水滩区立…``, or a headline's first line,
    ``巴总理电慰 我地震灾民``: width and the words across the break do not tell them
    apart, so it is left whole.)  The name comes back as the column; what is under it is
    read as the heading would be without it."""
    first = titles[0]
    text = first.text.strip()
    if first.level is None or not _COLUMN_MARK.match(text):
        return titles
    close = text.find("】") if text.startswith("【") else -1
    if close > 0:
        name, rest = text[:close + 1], text[close + 1:]
    else:
        name, _, rest = text.partition(" ")
    rest = rest.strip()
    if not rest or not bigrams(name):
        return titles
    return [first.with_(text=name, kind=Kind.COLUMN), first.with_(text=rest), *titles[1:]]


#: The fewest bigrams of its body the rest of a heading must hold for its first printed
#: line, which holds none, to be its kicker (:func:`_kicker_in_heading`): a word or two
#: of a headline may be any body's.
KICKER_REST_GRAMS = 2
#: … and the rest must name the body (the share of its bigrams the body holds) more than
#: this many times as well as the first line does: a kicker over another story's head, or
#: a lead into it, names the body less than the headline does (dev synth and pages
#: 501-540: the three kickers so found have ratios of 2.1 and more, the lines that are one
#: headline's, 1.5 and less).
KICKER_NAMING_RATIO = 2.0


def _kicker_in_heading(heading: Block, grams: set[str]) -> tuple[str, str] | None:
    """``(kicker, headline)`` where one markdown heading holds a kicker and its headline
    (``杭州新春出游畅通安全 帮农民进入市场``): a converter joins the printed lines of one text
    box with spaces.  Cues: the first printed line is wider than the one under it by more
    than a headline's lines differ (a kicker is set in smaller type, it holds more
    characters: not :func:`broken_by_width`), the two do not make one phrase
    (:func:`breaks_mid_phrase`), and the body names the rest clearly better
    (``KICKER_REST_GRAMS``, ``KICKER_NAMING_RATIO``).  Else None: the heading is one
    headline."""
    if heading.level is None:
        return None
    first, _, rest = heading.text.strip().partition(" ")
    rest = rest.strip()
    if not rest or not bigrams(first):
        return None
    second = rest.partition(" ")[0]
    if line_cells(first) <= line_cells(second) or broken_by_width(first, second) \
            or breaks_mid_phrase(first, second, grams) \
            or len(bigrams(rest) & grams) < KICKER_REST_GRAMS \
            or overlap(rest, grams) <= KICKER_NAMING_RATIO * overlap(first, grams):
        return None
    return first, rest


def _heading_kicker(head: list[Block], grams: set[str]) -> list[Block]:
    """``head`` with its headline's heading cut into a kicker and the headline where it
    holds both (:func:`_kicker_in_heading`) and the head has no kicker yet."""
    lines = [i for i, b in enumerate(head) if b.kind == Kind.HEADLINE]
    if len(lines) != 1 or any(b.kind == Kind.KICKER for b in head):
        return head
    at = lines[0]
    lead = _kicker_in_heading(head[at], grams)
    if lead is None:
        return head
    return [*head[:at], head[at].with_(text=lead[0], kind=Kind.KICKER),
            head[at].with_(text=lead[1], kind=Kind.HEADLINE), *head[at + 1:]]


def assign_roles(titles: list[Block], settings: SegmentSettings,
                 body_grams: set[str] | None = None, *, gaps_tell: bool = False,
                 no_gaps: bool = False, page_grams: _PageGrams | None = None,
                 grid: bool = False) -> list[Block]:
    """Give each line of a title group its role: column, kicker, headline or subtitle (or
    none, ``Kind.TITLE``: another piece's line the tool stacked among them).

    Unmarked lines: a line behind a column mark (``■聚焦``) is the column; lines ending
    ``——`` or ``：`` are kickers; a line led by a dash is the subtitle; two lines that
    make one phrase broken over two lines (:func:`breaks_mid_phrase`, given the bigrams
    of the article's body) are one headline, and so are two lines with no blank line
    between them where ``gaps_tell`` (the dump sets blank lines between its text boxes:
    a kicker in a smaller type is a box of its own), and where gaps do not tell (the dump
    has no blank line at all, ``no_gaps``, or too few to mean a box each, as
    ``pdftotext -layout``'s grid) two lines of one width, the first at least as wide as
    the second (:func:`broken_by_width`) — and so where the dump is read off a ``grid`` of
    side-by-side columns and a blank line stands between them (a row where only other
    columns' lines stood, :data:`SIDE_BY_SIDE_MEASURE`); of what is left, two lines are a
    kicker and a headline and a third is the subtitle.  A line behind a column mark is the
    column wherever the tool set it among the lines (:data:`_COLUMN_MARK`), a line closing
    on ``——`` leads into the line after it (never the headline while one follows), and the
    lines between the headline and a dash-led subtitle that the body names are the
    headline's (:func:`_named_down_to_dash`); in a markdown group, so are the lines right
    under the headline at its heading level that the body names, a subtitle after or not.
    """
    grams = body_grams or set()
    if settings.merge_unspaced_titles:
        titles = _merge_unspaced(titles, grams, settings.place_line_chars)
    if not titles:
        return []
    column = _column_off_heading(titles)
    if len(column) > len(titles):
        # the column's name cut off the first heading: the rest is read without it
        return [column[0], *assign_roles(column[1:], settings, body_grams, gaps_tell=gaps_tell,
                                         no_gaps=no_gaps, page_grams=page_grams, grid=grid)]
    if len(titles) == 1:
        only = titles[0]
        match = _INNER_DASH.match(only.text)
        if match:  # 我市织密全民健康网…感慨—— 有了医保,日子再难也有底气!
            return [only.with_(text=match.group(1), kind=Kind.KICKER),
                    only.with_(text=match.group(2), kind=Kind.HEADLINE)]
        return _heading_kicker([only.with_(kind=Kind.HEADLINE)], grams)
    roles: list[str | None] = [None] * len(titles)
    levels = [t.level for t in titles]
    marked = [lv for lv in levels if lv is not None]
    for i, block in enumerate(titles):
        if i > 0 and DASH_START.match(block.text):
            roles[i] = Kind.SUBTITLE
        elif i > 1 and roles[i - 1] == Kind.SUBTITLE and _subtitle_goes_on(
                titles[i - 1].text, block.text, grams):
            roles[i] = Kind.SUBTITLE  # ——访广西某医学 / 科技集团董事长某某: one subtitle
    free = [i for i, r in enumerate(roles) if r is None]
    if marked and len(free) > 1 and free[0] == 0 \
            and _marked_column(titles[0].text, grams, settings.place_line_chars):
        roles[0] = Kind.COLUMN  # 【法治在线】 / 民生冷暖见初心: the column, not the headline
        free = free[1:]
    if marked:
        top = min((titles[i].level or UNMARKED_LEVEL, i) for i in free)[1] if free else 0
        top = _named_heading(titles, free, top, grams, page_grams)
        lead: int | None = None  # 太康： / 强化“五举措”…: a place that begins the headline
        if top + 1 in free and _is_place_colon(titles[top].text, grams,
                                               settings.place_line_chars):
            lead, top = top, top + 1
        # the lines right under the headline at its level that the body names are the
        # headline's: a heading level is a type size, and a kicker or subtitle is set
        # smaller (惠民利民 / 健康保障启新篇 / ——我市多举措…; 通城税务局 / 靠前服务暖企心,
        # the first two at one level); a line the body does not name is another piece's
        # title the tool stacked there
        free_set, end = set(free), top + 1
        while end in free_set and titles[end].level == titles[top].level:
            end += 1
        last = end - 1 if all(_own_title_line(titles[i].text, grams, page_grams)
                              for i in range(top + 1, end)) else top
        for i in free:
            if i == lead or top < i <= last:
                roles[i] = Kind.HEADLINE
            elif i < top:
                deeper = (titles[i].level or UNMARKED_LEVEL) > (titles[top].level or UNMARKED_LEVEL)
                roles[i] = Kind.KICKER if KICKER_END.search(titles[i].text) or not deeper \
                    else Kind.COLUMN
            elif i == top:
                roles[i] = Kind.HEADLINE
            else:
                roles[i] = Kind.SUBTITLE
        return _heading_kicker([t.with_(kind=r or Kind.HEADLINE) for t, r in zip(titles, roles)],
                               grams)
    twice = [n for n, i in enumerate(free) if Tag.DRAWN_TWICE in titles[i].tags]
    if len(free) > 1 and twice and twice == list(range(twice[0], twice[-1] + 1)) \
            and free == list(range(free[0], free[-1] + 1)):
        # the lines drawn twice (fake bold) are set in the headline's type, and make it
        # whole; a line drawn once before them is its column or kicker, after them its
        # subtitle (从“治已病”到“防未病” / 我市医保新政…, each drawn twice: one headline).
        # (Not across a subtitle led by a dash: the lines after it are another head's.)
        # (of two lines or more over it in a group of a column's size, the first is the
        # column, as below)
        column_first = twice[0] >= 2 and len(free) >= COLUMN_GROUP_LINES
        for n, i in enumerate(free):
            roles[i] = Kind.HEADLINE if twice[0] <= n <= twice[-1] else (
                Kind.SUBTITLE if n > twice[-1] else Kind.COLUMN
                if _COLUMN_MARK.match(titles[i].text.strip()) or (n == 0 and column_first)
                else Kind.KICKER)
        return [t.with_(kind=r or Kind.HEADLINE) for t, r in zip(titles, roles)]
    if free and len(free) > 1 and (_COLUMN_MARK.match(titles[free[0]].text.strip())
                                   or (len(free) >= COLUMN_GROUP_LINES
                                       and not (free[1] == free[0] + 1 and _measure_broke(
                                           titles, free[0], grams, gaps_tell, grid)))):
        roles[free[0]] = Kind.COLUMN
        free = free[1:]
    behind_marks = {i for i in free if _COLUMN_MARK.match(titles[i].text.strip())}
    last_mark = max(behind_marks, default=-1)
    if behind_marks and len(behind_marks) < len(free) and (
            free[-1] in behind_marks or all(
                overlap(titles[i].text, grams) <= STRAY_UNNAMED_OVERLAP
                for i in free if i < last_mark and i not in behind_marks)):
        # 构筑现代中药大厦 / ◇简讯◇ / 菊苣为餐桌添新菜: a line behind a column mark names
        # the column, never the headline, wherever the tool set it among the lines: last
        # (切戒傲慢 / ◆聚焦), or under lines the body never names, another piece's (were
        # they named, the column and the lines under it would head another piece the
        # tool stacked under this head)
        for i in behind_marks:
            roles[i] = Kind.COLUMN
        free = [i for i in free if i not in behind_marks]
    if len(free) >= 3 and Kind.COLUMN not in roles and free[1] == free[0] + 1 \
            and _column_over_kicker(titles[free[0]].text, titles[free[1]].text, grams):
        roles[free[0]] = Kind.COLUMN  # 真抓实干在基层 / 常德市…营商环境—— / 打造…服务
        free = free[1:]
    kicker_found = False
    while free and KICKER_END.search(titles[free[0]].text) and len(free) > 1 \
            and not _is_place_colon(titles[free[0]].text, grams, settings.place_line_chars):
        roles[free[0]] = Kind.KICKER
        free = free[1:]
        kicker_found = True
    # free lines that make one phrase broken over two lines are one headline (where gaps
    # tell, two lines of one box whose first is as wide as the next are one headline
    # broken by the measure even when the first is short: in a narrow column a headline's
    # first line is as short as a column name, which is set in a box of its own; so where
    # the dump has no gaps to set such a box apart: 巴总理电慰 / 我地震灾民; only rows
    # apart on a grid does a short line the body never names stay the column)
    units: list[list[int]] = []

    def column_so_far() -> bool:
        # a short first line the body never names is the column over the head; not one
        # under a kicker (the column stands over the whole head)
        return not kicker_found and _column_line(titles, units, grams, settings)

    def column_over_two(i: int) -> bool:
        # where gaps do not tell, a short first line the body never names over two lines
        # or more (the group's lines one under the other) is the column over a headline
        # on two lines (新闻速递 / 冷水滩区立 / 足根本稳就业), though the next line is of its
        # width; two lines alone are a narrow column's headline (巴总理电慰 / 我地震灾民)
        return not gaps_tell and i == free[1] and len(free) >= COLUMN_OVER_TWO_LINES \
            and free[-1] - free[0] == len(free) - 1 and column_so_far()

    for i in free:
        if units and units[-1][-1] == i - 1 and not DASH_PAIR_END.search(titles[i - 1].text) \
                and not cut_sentence(titles[i - 1].text) \
                and (breaks_mid_phrase(titles[i - 1].text, titles[i].text, grams) or (
                    not set_apart(titles[i - 1], titles[i]) and ((
                        gaps_tell and titles[i].gap_before == 0
                        and (broken_by_width(titles[i - 1].text, titles[i].text)
                             or not column_so_far())) or (
                        broken_by_width(titles[i - 1].text, titles[i].text)
                        and (not gaps_tell or (grid and titles[i].gap_before > 0
                                               and not column_so_far()))
                        and not column_over_two(i))))):
            units[-1].append(i)
        elif units and units[-1][-1] == i - 1 and not set_apart(titles[i - 1], titles[i]) \
                and not cut_sentence(titles[i - 1].text) \
                and (not gaps_tell or grid or titles[i].gap_before == 0) \
                and headline_tail([titles[k].text for k in units[-1]], titles[i].text):
            # 东亚经济传真苏哈托 / 强调经济改革菲律宾 / 汇市股市反弹: the measure wrapped
            # the head over two full lines and a short last one, all one headline
            units[-1].append(i)
        elif units and units[-1][-1] == i - 1 and not set_apart(titles[i - 1], titles[i]) \
                and not cut_sentence(titles[i - 1].text) \
                and (not gaps_tell or grid or titles[i].gap_before == 0) \
                and quoted_tail(titles[i - 1].text, titles[i].text) and not column_so_far():
            # 太康：强化“五举措”助推医保征缴 / “加速度”: the quoted term the measure
            # pushed onto a line of its own ends the phrase above it
            units[-1].append(i)
        elif units and units[-1][-1] == i - 1 and _is_place_colon(
                "".join(titles[k].text for k in units[-1]), grams, settings.place_line_chars):
            # 西华： / “五个精准”推动…: one headline (and 审 / 计： / 实行监督…, its lead
            # itself broken over two lines)
            units[-1].append(i)
        else:
            units.append([i])
    if len(units) >= 2 and not kicker_found and len(units[0]) == 1 \
            and _is_place_line(titles[units[0][0]].text, settings.place_line_chars):
        # a short first line the body names is the place the headline starts with
        # (赤壁车埠镇 / 巾帼普法护权益); one the body never names stands over the
        # article as its column (今日关注)
        if not bigrams(titles[units[0][0]].text) & grams:
            roles[units[0][0]] = Kind.COLUMN
            units = units[1:]
        # (and under the column so found, a short line the body names begins the
        # headline as well: 民生关注 / 咸安永安街道 / 全方位护航春季开学)
        if len(units) >= 2 and len(units[0]) == 1 \
                and _is_place_line(titles[units[0][0]].text, settings.place_line_chars) \
                and bigrams(titles[units[0][0]].text) & grams \
                and not set_apart(titles[units[0][0]], titles[units[1][0]]):
            units[0:2] = [units[0] + units[1]]
    if len(units) >= 2 and not kicker_found and not behind_marks and len(units[-1]) == 1 \
            and _is_place_line(titles[units[-1][0]].text, settings.place_line_chars) \
            and overlap(titles[units[-1][0]].text, grams) <= MAX_UNNAMED_OVERLAP \
            and any(overlap("".join(titles[i].text for i in unit), grams) >= STRAY_NAMED_OVERLAP
                    for unit in units[:-1]):
        # the same column last: a tool that reads the column's box beside the head after
        # it (pdftotext) sets it under a line the body names (小品增加明星齐全 / 短讯: the
        # short line shares no bigram with the body, a line above shares as many as a
        # stacked headline's must, STRAY_NAMED_OVERLAP); not where a line behind a column
        # mark stands in the head (a head has one column: the short line is another
        # piece's title stacked there; so with a column over the head already, by a mark or
        # as the first of a column's group of lines: kept out of the head, a title line of
        # no article)
        roles[units[-1][0]] = Kind.TITLE if Kind.COLUMN in roles else Kind.COLUMN
        units = units[:-1]
    if units:
        at = 1 if len(units) >= 2 and not kicker_found else 0
        if at == 1 and len(units) == 2 and Kind.SUBTITLE not in roles \
                and _headline_over_subtitle(titles, units, grams):
            at = 0
        at = _named_unit(titles, units, at, grams, page_grams)
        while at + 1 < len(units) and DASH_PAIR_END.search(titles[units[at][-1]].text):
            at += 1  # 先建后联合理选择—— / 《五星红旗》出版座谈会举行: a kicker's dash
        headline, rest = units[at], units[at + 1:]
        if _named_down_to_dash(titles, roles, headline[-1], rest, grams, page_grams):
            headline, rest = [i for unit in units[at:] for i in unit], []
        for unit in units[:at]:
            for i in unit:
                roles[i] = Kind.KICKER
        for i in headline:
            roles[i] = Kind.HEADLINE
        for unit in rest:
            for i in unit:
                roles[i] = Kind.SUBTITLE
    return [t.with_(kind=r or Kind.HEADLINE) for t, r in zip(titles, roles)]
