"""Non-news blocks: legal and public notices, advertisements, tables printed a cell a line.

They are recognised as blocks — a notice from its header to its closing formula and
signature, an advertisement up to its contact line, a table as a run of cells — and
dropped with their reason, so that no notice or advertisement is presented as news.
A page made of nothing else gives no articles.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder, blank_lines_part
from baokan.core.marks import Stage
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span
from baokan.core.text import LABEL_OPENER, label_pattern
from baokan.models import Dropped

# -- the cues, matched on a line whose layout spaces are folded (see _fold) -------------

# the words that name a notice (conventions.md, "Non-news blocks": 公告, 声明, 启事…), a
# closed class; before them what the notice is (注销, 遗失, 招聘) or who gives it (an
# agency's name), after them the end of the header: the line's end, a space, a colon, a
# bracket, or the notice's first words in a header the tool ran into them
_NOTICE_WORD = r"(?:公告|声明|启事|启示|通告|公示|通知书|通知|告知书|更正|催告书|决定书)"
_HEAD = regex.compile("^" + LABEL_OPENER + r"?(?P<what>\p{Han}{0,16}?)" + _NOTICE_WORD
                      + r"(?:专栏|栏)?(?:[】\]])?(?=$|[\s:：（(]|\p{Han}{0,3}[:：])")
# a header that the tool ran into the first words (遗失声明陈祖德不慎遗失…): the kind of
# notice is named before the word (注销, 遗失, 减资), so the header is not a sentence
_HEAD_RUN = regex.compile("^" + LABEL_OPENER + r"?(?:(?![自本的向于在及和经将由对从为把被其该])\p{Han}){2,4}?"
                          + _NOTICE_WORD + r"(?=\p{Han})")
# a case number: （2024）川1321民初5490号, (2023)浙0382破79号之三, （2022）2419民初6423号
_CASE = regex.compile(r"[（(〔\[]\s*(?:19|20)\d{2}\s*[）)〕\]]\s*\p{Han}{0,3}\s*\d{1,4}\s*\p{Han}{1,5}"
                      r"\s*\d{1,6}\s*号")
# an addressee before a court's or agency's words: 何晓波：本院受理…, X公司：本委已经受理…
_ADDRESSEE = regex.compile(r"^[\p{Han}、·（）()]{2,40}?[：:]\s*(?:本院|我院|本会|本委|本局|本机关|本所|"
                           r"原告|申请人|你|因你|经|\p{Han}{2,12}(?:诉|与)你)")
# the formulas that close a notice
_CLOSE = regex.compile(r"特此(?:公告|声明|通知|更正|公示|告知|通告)|声明作废|予以作废|作废[。！!]?$|"
                       r"视为(?:已经)?送达[。]?$|(?:逾期|即)(?:视为|发生)")
# the longest closing formula, for one broken over two lines
_FORMULA = 6
# a signature: the name of a court, an agency, a company, then perhaps a date
_ORG_END = (r"(?:人民法院|法院|仲裁委员会|委员会|公证处|管理局|局|公司|清算组|管理人|事务所|政府|办公室|"
            r"中心|协会)")
_DATE = r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月" \
        r"[一二三四五六七八九十]{1,3}日)"
_SIGNATURE = regex.compile(r"^\p{Han}{0,24}" + _ORG_END + r"(?:" + _DATE + r")?$|^" + _DATE + r"$")
_ORG_OR_DATE = regex.compile(_ORG_END + "|" + _DATE)
# the tail of a signature the tool broke (…特此公告。赣州市 / 人民法院 2022年10月13日)
_SIGNATURE_TAIL = regex.compile(r"^\p{Han}{0,12}(?:" + _ORG_END + r")?(?:" + _DATE + r")?$")
# what an advertisement ends with: a telephone number (a mobile, a landline, a 400 line)
_PHONE = regex.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-—－]?\d{7,8}|400[-—－]?\d{3}[-—－]?\d{4})(?!\d)")
_PHONE_END = regex.compile(r"(?:" + _PHONE.pattern + r")[）)。]?(?:地址[：:]\S{2,20})?$")
# a date that ends a short line ends a notice (…签名：崇宝庆，2024年8月1日)
_DATE_END = regex.compile(_DATE + r"[。]?$")
_SHORT_LINE = 20
# where a line is a paragraph, the longest line with no cue a notice or an advertisement
# holds (a name, a label); a longer one is the news a row of columns ran into it
_UNCUED_LINE = 20
# a notice's header may take two lines before its addressee (仲裁公告 / X公司：本会受理…)
_HEADER_LINES = 2
_CONTACT = regex.compile(r"(?:电话|热线|手机|联系人|地址|微信|QQ)[：:]")
_PRICE = regex.compile(r"\d+(?:\.\d+)?元|[一二三四五六七八九]折|（广告）|\(广告\)")
# what only news holds: a dateline, a reporter
_NEWS = regex.compile(r"本报讯|本报记者|记者\p{Han}{2,3}|通讯员|新华社\p{Han}{0,8}电|\p{Han}{2,10}讯（")
_SENTENCE = regex.compile(r"[。！？]")
# a label over a run of notices (分类广告, 公告专栏, 信息服务) may take one letter more
# than a section label over stories (find_titles.SECTION_LABEL_LETTERS): it is taken only
# over a run of notices or where it holds a notice's word (_LABEL_WORD), so a longer
# one costs little
NOTICE_LABEL_LETTERS = 6
_LABEL = label_pattern(NOTICE_LABEL_LETTERS)
# a label over a single notice names it (广告, 公告, 声明); over a run of them, any label
_LABEL_WORD = regex.compile(r"广告|" + _NOTICE_WORD)
_LETTER_SPACED = regex.compile(r"\p{Han} \p{Han} \p{Han}")
_SPACE_BETWEEN = regex.compile(r"(?<=[\p{Han}\p{P}\d]) (?=[\p{Han}\p{P}\d])")
_WHITE = regex.compile(r"\s+")
# a table's cells alternate names and figures (江州 / 晴 / 12℃～20℃), under a label: one in
# four at least is a figure
_FIGURE_SHARE = 4
# and three figures at least (a title or two among jump lines and page codes is no table)
_MIN_FIGURES = 3
_TABLE_CELL = regex.compile(r"\d|℃|%|％")
# a cell holds no sentence or clause mark, nor an enumeration comma: lines that list
# 甲（2559分）、乙（2541分）… are a sentence hard-wrapped at the column, not a table
# (classes of characters alone, asked of every line: ``re``, see
# ``baokan.core.text.WHITE_CLASS``)
_CELL_BREAK = re.compile(r"[。，；！？、]")
_DIGITS = re.compile(r"[0-9０-９]")
# a line that holds none of these holds no cue at all (one search over the page before
# the others): a notice word, an addressee's colon before a court's words, a case
# number, a formula, a phone number, an agency's ending or a date last on the line
_ANY_CUE = regex.compile(_NOTICE_WORD + r"|[：:](?:本|原告|申请人|你|因你|经|\p{Han}{2,12}(?:诉|与)你|$)|"
                         r"\d\s*号|特此|作废|送达|逾期|即发生|即视为|\d{7}|(?:" + _ORG_END + r"|日)[。]?$",
                         regex.MULTILINE)


def _fold(text: str) -> str:
    """The line with the single spaces of letter-spacing removed (``遗 失 声 明  刘``
    → ``遗失声明  刘``); a line that is not letter-spaced as it is."""
    text = text.strip()
    return _SPACE_BETWEEN.sub("", text) if " " in text and _LETTER_SPACED.search(text) else text


class _Line(NamedTuple):
    """What the cues say of one line, measured once.

    ``start``: a notice starts here (a header, an addressee); ``weak_start``: one starts
    here if a paragraph opens here (a header run into its first words, 遗失声明陈祖德…,
    or a case number, which also stands at the start of a line inside a notice);
    ``end``: a notice or an advertisement ends here (a formula, a signature, a phone
    number last, a date last on a short line); ``phone``: a phone number is last;
    ``addressed``: the start is an addressee's colon alone, with no header naming a
    notice (``X：本院受理…``, but also a title ``思考之一：经济…``); ``cued``: the line
    holds one of the cues at all (``_ANY_CUE``).
    """

    squeezed: str
    start: bool
    weak_start: bool
    end: bool
    close: bool
    phone: bool
    sentence: bool
    addressed: bool = False
    cued: bool = False


def _measure(texts: Sequence[str]) -> list[_Line]:
    """The cues of each line; the lines that hold none (most of a page) are found with one
    search over the whole page."""
    squeezed = ["".join(text.split()) for text in texts]
    starts = list(itertools.accumulate((len(sq) + 1 for sq in squeezed), initial=0))
    joined = "\n".join(squeezed)
    cued: set[int] = set()
    pos = 0
    while (match := _ANY_CUE.search(joined, pos)) is not None:
        line = bisect.bisect_right(starts, match.start()) - 1
        cued.add(line)
        pos = starts[line + 1]  # one cue is enough: on to the next line
    out: list[_Line] = []
    for n, sq in enumerate(squeezed):
        sentence = "。" in sq or "！" in sq or "？" in sq
        if n not in cued:
            out.append(_Line(sq, False, False, False, False, False, sentence))
            continue
        after = squeezed[n + 1][:4] if n + 1 < len(squeezed) else ""
        close = bool(_CLOSE.search(sq))
        phone = bool(_PHONE_END.search(sq))
        headed = bool(_HEAD.match(_fold(texts[n])))
        addressed = not headed and bool(_ADDRESSEE.match(sq + after))
        out.append(_Line(
            squeezed=sq,
            start=headed or addressed, addressed=addressed,
            weak_start=bool(_HEAD_RUN.match(sq) or _CASE.match(sq)),
            end=close or phone or bool(_SIGNATURE.match(sq))
            or (len(sq) <= _SHORT_LINE and bool(_DATE_END.search(sq))),
            close=close, phone=phone, sentence=sentence, cued=True))
    return out


@attrs.frozen
class NonNewsSettings:
    """Settings of ``find-non-news``.

    A notice or an advertisement runs at most ``max_item_lines`` lines and
    ``max_item_chars`` characters from its header to its close (the longest court
    notices — a bankruptcy ruling — run some forty lines of a narrow column and a
    thousand characters); an advertisement with no header at most ``max_ad_lines`` and
    ``max_ad_chars`` (a name, an offer, an address and a number), and a notice whose
    header is lost, after another, at most ``max_headerless_chars`` (a lost certificate,
    a seal: a few lines).  Blocks stand in a row
    with at most ``max_between`` other lines between them (a title the tool set down
    among the advertisements stays).  A table is a run of at least
    ``min_table_lines`` cells of at most ``max_cell_chars`` characters (or rows of at
    most ``max_row_chars``, a quarter of their characters figures), a quarter of them
    figures.  When non-news blocks hold at least ``page_share`` of a page's characters
    and what is left holds no news cue (a dateline, a reporter), the page is a page of
    notices: what is left is its headers and gutter labels, and goes too.
    ``paragraph_lines``: a line of the dump is a paragraph, or a piece of a row of columns
    the tool printed as one line (markdown dumps): a notice's or an advertisement's line
    that holds none of their cues is a short one (a name, a label), and a longer line with
    none is the news beside them that the row ran into them, which no block takes; and an
    advertisement with no header holds at most ``max_ad_chars`` characters a phone number
    (a longer run ending in one number is news the row ran into an offer).
    """

    max_item_lines: int = 60
    max_item_chars: int = 1500
    max_ad_lines: int = 8
    max_ad_chars: int = 200
    max_between: int = 2
    max_headerless_chars: int = 400
    min_table_lines: int = 6
    max_cell_chars: int = 10
    max_row_chars: int = 24
    page_share: float = 0.8
    paragraph_lines: bool = False


def _opens(lines: Sequence[_Line], gaps: Sequence[int], n: int) -> bool:
    """Whether a paragraph may open on line ``n``: the first line, one after a blank
    line, or one after a line that closes a sentence, a notice or an advertisement."""
    return n == 0 or gaps[n] > 0 or lines[n - 1].squeezed[-1:] in ("。", "！", "？") or lines[n - 1].end


def _item_end(lines: Sequence[_Line], start: int, settings: NonNewsSettings,
              headerless: bool, headed: bool = False) -> int | None:
    """The last line of the notice or advertisement that starts at ``start`` (its close,
    its signature, its contact line, and the signature lines after them), or None.
    ``headerless``: an advertisement's run, short; ``headed``: a notice that starts with
    its header, whose addressee may open the next line or the one after."""
    chars = 0
    end = None
    for n in range(start, min(len(lines), start + settings.max_item_lines)):
        line = lines[n]
        chars += len(line.squeezed)
        if chars > settings.max_item_chars or _NEWS.search(line.squeezed):
            return None
        if settings.paragraph_lines and not line.cued and len(line.squeezed) > _UNCUED_LINE:
            return None  # news the row of columns ran into a notice (``paragraph_lines``)
        if n > start + (_HEADER_LINES if headed else 0) and line.start:
            return None  # another notice starts before this one ended
        # a formula broken over two lines (…特此 / 公告。) ends the notice on the second
        if line.end or (n > start and _CLOSE.search(
                lines[n - 1].squeezed[-_FORMULA:] + line.squeezed[:_FORMULA])):
            end = n
            break
        if headerless and (n - start + 1 >= settings.max_ad_lines or chars > settings.max_ad_chars):
            return None
    if end is None:
        return None
    # the signature and date lines that follow the close
    while end + 1 < len(lines):
        squeezed = lines[end + 1].squeezed
        if (len(squeezed) <= 30 and not lines[end + 1].sentence
                and (_SIGNATURE.match(squeezed) or (_SIGNATURE_TAIL.match(squeezed)
                                                     and _ORG_OR_DATE.search(squeezed)))):
            end += 1
            continue
        break
    return end


def _ad_end(lines: Sequence[_Line], gaps: Sequence[int] | None, start: int,
            settings: NonNewsSettings) -> int | None:
    """The last line of a short run from ``start`` that ends in a phone number and
    holds two marks of an advertisement or more, and no sentence before its last line
    (an offer, an address, a number: not a paragraph of news) nor a blank line (where
    blank lines part blocks: ``gaps``), or None.  Where a line is a paragraph
    (``paragraph_lines``), the run holds at most ``max_ad_chars`` characters a phone
    number: a longer one is news a row of columns ran into an offer."""
    end = _item_end(lines, start, settings, headerless=True)
    if end is None or not lines[end].phone or (gaps is not None and any(gaps[start + 1:end + 1])):
        return None
    if any(line.sentence for line in lines[start:end]):
        return None
    text = "".join(line.squeezed for line in lines[start:end + 1])
    phones = len(_PHONE.findall(text))
    if settings.paragraph_lines and phones * settings.max_ad_chars < len(text):
        # longer than its offers: news a row of columns ran into one (``paragraph_lines``)
        return None
    cues = phones + len(_CONTACT.findall(text)) + len(_PRICE.findall(text))
    return end if cues >= 2 else None


def _next_notice_inside(lines: Sequence[_Line], gaps: Sequence[int], start: int,
                        end: int) -> bool:
    """Whether another notice opens inside the run from ``start`` to ``end``: a header run
    into its words or a case number (``weak_start``) where a paragraph opens, after more
    text than a formula's broken tail (``特此公`` / ``告。``, which the notice before keeps).
    A notice whose header the tool lost ends before the next one starts, so such a run is
    the rest of the story a notice was set into, then the next notice."""
    chars = 0
    for k in range(start, end + 1):
        if k > start and chars > _FORMULA and lines[k].weak_start and _opens(lines, gaps, k):
            return True
        chars += len(lines[k].squeezed)
    return False


def _items(lines: Sequence[_Line], gaps: Sequence[int],
           settings: NonNewsSettings) -> list[tuple[int, int, str]]:
    """The non-news items ``(first, last, reason)`` of the page, in order.

    A notice (a header, its close) is one wherever it stands.  A run with no header that
    ends in a phone number is an advertisement only in a row of such blocks: beside a
    notice, beside another advertisement (a line or two between them), or marked
    ``（广告）`` — a news paragraph may end with a hotline, but is not followed by another."""
    units: list[tuple[int, int, str]] = []
    parting = gaps if blank_lines_part(gaps) else None
    # the next line that ends with a phone number, from each line: an advertisement is
    # looked for only where one comes within reach
    next_phone = [len(lines)] * (len(lines) + 1)
    for n in range(len(lines) - 1, -1, -1):
        next_phone[n] = n if lines[n].phone else next_phone[n + 1]
    # the lines where a block may start: a notice's header, a line within reach of a
    # phone number, the line after a block (the rest are passed over unread)
    may_start = [line.start or line.weak_start or next_phone[n] - n < settings.max_ad_lines
                 for n, line in enumerate(lines)]
    n = 0
    while n < len(lines):
        follows = bool(units) and units[-1][1] == n - 1
        if not (may_start[n] or follows):
            n += 1
            continue
        opens = follows or _opens(lines, gaps, n)
        line = lines[n]
        end = (_item_end(lines, n, settings, headerless=False, headed=True)
               if line.start or (opens and line.weak_start) else None)
        if end is not None and line.addressed and not line.weak_start \
                and not any(x.sentence or x.close for x in lines[n:end + 1]):
            # a notice to an addressee says what the court or agency did in sentences;
            # a run with none, from a colon to a phone number, is titles over a hotline
            end = None
        if end is not None:
            units.append((n, end, "notice"))
            n = end + 1
            continue
        if next_phone[n] - n < settings.max_ad_lines:
            end = _ad_end(lines, parting, n, settings)
            if end is not None and not opens and end > n:
                end = None  # a run that starts in the middle of a paragraph (one line may)
        if end is None and follows and units[-1][2] != "advertisement":
            # right after a notice, one whose header the tool lost: up to a close or a
            # signature (not a phone number: that is an advertisement's end)
            end = _item_end(lines, n, settings, headerless=False)
            if end is not None and ((lines[end].phone and not lines[end].close) or sum(
                    len(x.squeezed) for x in lines[n:end + 1]) > settings.max_headerless_chars
                    or _next_notice_inside(lines, gaps, n, end)):
                end = None
        if end is not None:
            units.append((n, end, "advertisement" if lines[end].phone else "notice without its header"))
            n = end + 1
            continue
        n += 1
    items: list[tuple[int, int, str]] = []
    chain: list[tuple[int, int, str]] = []
    for unit in (*units, None):
        if unit is not None and chain and unit[0] <= chain[-1][1] + 1 + settings.max_between:
            chain.append(unit)
            continue
        if chain and (len(chain) > 1 or chain[0][2] == "notice"
                      or "广告" in "".join(x.squeezed for x in lines[chain[0][0]:chain[0][1] + 1])):
            items.extend(chain)
        chain = [unit] if unit is not None else []
    return items


def _tables(lines: Sequence[_Line], taken: set[int], settings: NonNewsSettings) -> list[tuple[int, int]]:
    """Runs of table cells printed a cell a line (weather, listings), or rows of figures
    (a listing's times, a market's prices): short lines without sentence punctuation, a
    quarter of them figures or more."""
    cell = [n not in taken and not _CELL_BREAK.search(line.squeezed) and (
        len(line.squeezed) <= settings.max_cell_chars
        or (len(line.squeezed) <= settings.max_row_chars
            and _FIGURE_SHARE * len(_DIGITS.findall(line.squeezed)) >= len(line.squeezed)))
        and not _NEWS.search(line.squeezed) for n, line in enumerate(lines)]
    runs: list[tuple[int, int]] = []
    n = 0
    while n < len(lines):
        if not cell[n]:
            n += 1
            continue
        m = n
        while m < len(lines) and cell[m]:
            m += 1
        figures = sum(bool(_TABLE_CELL.search(lines[k].squeezed)) for k in range(n, m))
        if m - n >= settings.min_table_lines and figures >= _MIN_FIGURES and figures * _FIGURE_SHARE >= m - n:
            runs.append((n, m - 1))
        n = m
    return runs


@heuristic("find-non-news", settings=NonNewsSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, accepts={Stage.HEADINGS}, provides={Stage.NON_NEWS})
def find_non_news(doc: Document, settings: NonNewsSettings) -> Document:
    """Drop the notices, advertisements and tables of the page (reason ``non-news``).

    Cues (conventions.md, "Non-news blocks"): a notice starts with a header naming it
    (``注销公告``, ``遗失声明``, ``X人民法院公告``, ``公告专栏``), a case number
    (``（2024）X01民初N号``) or an addressee before a court's words (``X：本院受理``), and
    ends with its formula (``特此公告``, ``声明作废``, ``视为送达``), a signature (an agency's
    name, a date) or a contact line; after one, a short run ending in a phone number is
    an advertisement; a run of short lines most of which are figures is a table.  Each
    block goes to ``dropped`` with its kind; the section label over a run of them
    (``分类广告``) goes with it.  When they hold most of the page and what is left has no
    dateline and no reporter, the page is a page of notices and nothing on it is news.
    """
    blocks = doc.blocks
    body = [n for n, b in enumerate(blocks) if b.kind in Kind.BODY]
    gaps = [blocks[n].gap_before for n in body]
    measured = _measure([blocks[n].text for n in body])
    items = _items(measured, gaps, settings)
    taken: dict[int, str] = {}
    for first, last, reason in items:
        for k in range(first, last + 1):
            taken[k] = reason
    # (a lone advertisement between news is not looked for: a body may end with a
    # hotline; only the runs after a notice are taken)
    # the label over a run of notices (分类广告, 公告专栏, 信息服务)
    for n, (first, _, _) in enumerate(items):
        label = measured[first - 1].squeezed if first > 0 and first - 1 not in taken else ""
        in_row = n + 1 < len(items) and items[n + 1][0] == items[n][1] + 1
        # (a byline is no label: ``■记者 杨兆旋`` over the ads beside its story)
        if _LABEL.match(label) and (in_row or _LABEL_WORD.search(label)) \
                and not _NEWS.search(label):
            taken[first - 1] = "label"
    for first, last in _tables(measured, set(taken), settings):
        for k in range(first, last + 1):
            taken[k] = "table"
    if not taken:
        return doc
    total = sum(len(line.squeezed) for line in measured)
    dropped = sum(len(measured[k].squeezed) for k in taken)
    rest = [k for k in range(len(measured)) if k not in taken]
    if total and dropped >= settings.page_share * total and not any(
            _NEWS.search(measured[k].squeezed) for k in rest):
        for k in rest:
            taken[k] = "page of notices"
    rec = Recorder("find-non-news")
    drop = {body[k]: reason for k, reason in taken.items()}
    # one record per run of lines of one kind
    run: list[int] = []
    for n in sorted(drop):
        if run and (n != run[-1] + 1 or drop[n] != drop[run[-1]]):
            _record(rec, blocks, run, drop[run[0]])
            run = []
        run.append(n)
    if run:
        _record(rec, blocks, run, drop[run[0]])
    return rec.apply(doc, (b for n, b in enumerate(blocks) if n not in drop))


def _record(rec: Recorder, blocks: Sequence[Block], run: list[int], reason: str) -> None:
    for n in run:
        rec.removed.append(Dropped(text=blocks[n].text, reason="non-news", source_lines=blocks[n].span))
    rec.change(f"dropped (non-news: {reason})", covering_span(blocks[n] for n in run),
               blocks[run[0]].text[:40])
