"""Read the masthead: the page label, the date, the section and the paper's name, wherever
the tool emitted them."""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Callable

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder, blank_lines_part
from baokan.core.drawn_twice import words_once
from baokan.core.marks import Stage
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_NUM = r"[0-9０-９]{1,4}|[〇○零一二三四五六七八九十]{1,4}"
_DATE = regex.compile(
    r"(?P<y>[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>" + _NUM + r")\s*月\s*"
    r"(?P<d>" + _NUM + r")\s*日"
    # 2024.6.4, 2024-06-04, 2024/6/4: a four-digit year, the same mark twice
    r"|(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})\s*(?P<sep>[.．\-/])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*"
    r"(?P<d>[0-9]{1,2})(?![0-9.])")
_WEEKDAY = regex.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
_MONTH_DAY = regex.compile(r"(?<![0-9])(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                           r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日(?=\s*(?:星期|周|礼拜))")
_LUNAR = regex.compile(r"(?:农历|夏历)?\s*[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
                       r"(?:[正一二三四五六七八九十冬腊]{1,2}月(?:[初十廿卅][一二三四五六七八九十])?)?"
                       r"|农历[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅]?[一二三四五六七八九十]?")
# the page label: 第05版, A3 / A03版, ⑩, 5版; a bare number is read further down
_PAGE = regex.compile(r"第\s*(?P<n>(?:[A-H]\s*)?[0-9０-９]{1,3})\s*(?:版|页)"
                      r"|第(?P<cn>[一二三四五六七八九十]{1,3})版"
                      r"|版\s*次\s*[:：]?\s*(?P<n>(?:[A-H]\s*)?[0-9]{1,3})"
                      r"|(?<![A-Za-z0-9])(?P<n>[A-H]\s*[0-9]{1,2})(?:\s*版)?(?![0-9A-Za-z])"
                      r"|(?P<c>[\u2460-\u2473])"
                      r"|(?<![0-9])(?P<n>[0-9]{1,3})\s*版")
_BARE_NUMBER = regex.compile(r"(?<![0-9A-Za-z.])[0-9]{1,3}(?![0-9A-Za-z.])")
# the kinds of paper a name ends with (…日报, …晚报, …都市报), the longer ones first
_PAPER_KINDS = ("都市报|法治报|法制报|新闻报|青年报|经济报|农民报|工人报|消费报|信息报|科技报|生活报|参考报|"
                "日报|晚报|早报|晨报|时报|商报|快报|周报|导报")
# a paper's name: a place or a title of 2–6 characters before the kind of paper it is
_PUBLICATION = regex.compile(r"\p{Han}{2,6}?(?:" + _PAPER_KINDS + r")(?!\p{Han})")
# a section name beside a lone page label (政法 ⑩): a short one, not a headline
_MAX_LONE_SECTION = 4
# a line that may be a masthead line: no sentence mark, and a date, a weekday, a page
# label, a paper's kind or a bare number first or last (at most three times the longest
# strip, for letter-spacing), or short enough for a section name alone (城 乡, 综合新闻)
_MAYBE_LINE = regex.compile(
    # (each cue opens on one of the characters the look-ahead before them takes: one
    # class tried at each position of the line, not every cue)
    r"^(?![^\n]*[，。；！？、“”])(?:(?=[^\n]*(?=[0-9〇○零一二三四五六七八九星第版A-H\u2460-\u2473报])"
    r"(?:(?:19|20)\d\d\s*[年.\-/．]|[〇○零一二三四五六七八九]\s*年|"
    r"星\s*期|第\s*[0-9０-９]|第[一二三四五六七八九十]{1,3}版|版\s*次|[0-9]\s*版|(?<![A-Za-z])[A-H]\s*[0-9]|[\u2460-\u2473]|报)"
    r"|\s*[0-9]{1,3}(?:\s|$)|[^\n]*\s[0-9]{1,3}\s*$)[^\n]{1,120}|[【\[]?[\p{Han} ]{2,12}[】\]]?)$",
    regex.MULTILINE)
# the particles and prepositions of a sentence, which a paper's name never holds: a
# wrapped line that ends 除了平时的新闻报 is a piece of a sentence
_PARTICLE = regex.compile(r"[的了在是据和与对为从向把被由将及]")
# sentence punctuation: a line that holds it is a sentence, not a masthead
_SENTENCE_MARK = regex.compile(r"[，。；！？、“”]")
# edition lines and the paper's accounts printed in the strip (微信：xxrb, 今日16版, 第1234期)
_EDITION = regex.compile(r"(?:微信|微博|网址|网站|抖音|客户端)(?:号|公众号)?\s*[:：]\s*[\w.@/\-]+"
                         r"|今日\s*[0-9]{1,3}\s*版|(?:总\s*)?第\s*[0-9]{1,6}\s*期"
                         r"|CN\s*[0-9]{2}\s*[-－]\s*[0-9]{4}(?:/[A-Z]+)?")
_SEPARATORS = regex.compile(r"[\s|｜/／·•\-—_*#>：:，,。【】\[\]]+")
_ALL_HAN = regex.compile(r"\p{Han}+")
_PLAIN_HAN = regex.compile(r"(?:(?![年月日报版第星期周〇○零])\p{Han})+")
_SECTION_NAME = regex.compile(r"^\s*\p{Han}{2,6}\s*$")
# what a section name never holds: the words of a byline or a dateline
_NOT_SECTION = regex.compile(r"记者|通讯员|讯|报道|电$|编辑|摄")
_SECTION_PAGE = regex.compile(
    r"^\s*(?P<page>[0-9]{1,2})\s+(?P<section>(?:(?![年月日讯])\p{Han}){2,4})\s*$")
# three Han characters in a row each followed by one space: a letter-spaced line
_LETTER_SPACED = regex.compile(r"\p{Han} \p{Han} \p{Han}")
_SPACE_BETWEEN_HAN = regex.compile(r"(?<=\p{Han}) (?=\p{Han})")
# once a letter-spaced line is folded, a section name runs into the paper's name
# (乡村振兴江州晚报): a longer match than a paper's name of a place is not taken as one as
# it stands, but cut (see _name_in_run)
_MAX_SPACED_NAME = 5
_PAPER_KIND = regex.compile(r"(?:" + _PAPER_KINDS + r")$")


def chinese_number(text: str) -> int:
    """``"2024"``, ``"二〇二四"``, ``"十二"``, ``"三十一"`` → the number (full-width digits too)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def parse_masthead_date(text: str) -> _dt.date | None:
    """The first valid date in ``text`` written ``2024 年 8 月 9 日``, ``二〇二四年八月九日``,
    ``2024.8.9`` or ``2024-08-09``."""
    return next((day for day, _ in _dates(text)), None)


def _dates(text: str) -> list[tuple[_dt.date, regex.Match[str]]]:
    found = []
    for match in _DATE.finditer(text):
        try:
            found.append((_dt.date(chinese_number(match["y"]), chinese_number(match["m"]),
                                   chinese_number(match["d"])), match))
        except (KeyError, ValueError):
            continue
    return found


def _page_label(match: regex.Match[str]) -> str:
    """The page as the paper numbers it: ``第05版`` → ``05``, ``⑩`` → ``10``, ``A 3`` → ``A3``."""
    if match["c"]:
        return str(ord(match["c"]) - 0x2460 + 1)
    if match["cn"]:
        return str(chinese_number(match["cn"]))
    return "".join(match["n"].split()).translate(str.maketrans("０１２３４５６７８９", "0123456789"))


@attrs.frozen
class MastheadSettings:
    """Settings of ``read-masthead``.

    A masthead line is a block of at most ``max_chars`` characters made only of a date,
    a weekday, a lunar date, a page label, a paper's name, the paper's accounts and
    separators, with at most ``max_rest`` characters left over (a section name such as
    ``要闻`` or ``综合新闻``).  The lines in a row from the very top or the very foot of the
    page are taken whatever they hold; elsewhere (tools emit the masthead last, or after
    the first article) a run of such lines is taken when it holds at least
    ``min_kinds_elsewhere`` different kinds of thing (a date and a page, a paper's name and
    a page…) or a date with its weekday: a lone date or number in a body is not a masthead.
    """

    max_chars: int = 40
    max_rest: int = 6
    min_kinds_elsewhere: int = 2
    #: on an OCR reading, take the misread lines of the strip at the page's top too (see
    #: ``_ocr_strip_line``)
    ocr_strip: bool = True


def _read(block: Block, settings: MastheadSettings) -> dict[str, str] | None:
    """What a masthead line says (``date``, ``page``, ``publication``, ``section``,
    ``weekday``), or None for a line that is not one; a line of only a section name
    gives ``{"section": …}``, and one of only a number ``{"number": …}``, which are
    masthead only beside other masthead lines."""
    text = block.text.strip()
    squeezed = "".join(text.split()).strip("【】[]")
    if _PLAIN_HAN.fullmatch(squeezed):
        # Han and nothing else, and none of a date's, a weekday's, a paper's or a page's
        # characters (the most lines of a page that come here): a section name or nothing
        if len(squeezed) > settings.max_rest or _NOT_SECTION.search(squeezed):
            return None
        return {"section": squeezed}
    # a tool that reads a fake-bold masthead twice over prints every word twice
    text = words_once(text) or text
    spaced = bool(_LETTER_SPACED.search(text))
    found = _read_text(_SPACE_BETWEEN_HAN.sub("", text) if spaced else text, spaced, settings)
    if found is None and not spaced and _SPACE_BETWEEN_HAN.search(text):
        # a space the tool put inside a word (滨 海时报, 城 乡)
        found = _read_text(_SPACE_BETWEEN_HAN.sub("", text), True, settings)
    return found


def _read_text(text: str, spaced: bool, settings: MastheadSettings) -> dict[str, str] | None:
    if not text or len(text) - text.count(" ") > settings.max_chars or _SENTENCE_MARK.search(text):
        return None
    found: dict[str, str] = {}
    rest = text
    dates = _dates(text)
    if dates:
        found["date"] = dates[0][0].isoformat()
        for _, match in reversed(dates):
            rest = rest[:match.start()] + " " + rest[match.end():]
    if _WEEKDAY.search(rest):
        found["weekday"] = "yes"
        if not dates:  # a month and day before the weekday, the year left out (8月1日 星期四)
            rest, days = _MONTH_DAY.subn(" ", rest)
            if days:
                found["month_day"] = "yes"
    rest = _WEEKDAY.sub(" ", _LUNAR.sub(" ", rest))
    rest = _EDITION.sub(" ", rest)
    page = _PAGE.search(rest)
    if page is not None:
        found["page"] = _page_label(page)
        rest = rest[:page.start()] + " " + rest[page.end():]
    publication = _PUBLICATION.search(rest)
    if publication is not None:
        if not spaced or len(publication.group(0)) <= _MAX_SPACED_NAME:
            found["publication"] = publication.group(0)
        else:
            found["name_run"] = publication.group(0)
        rest = rest[:publication.start()] + " " + rest[publication.end():]
    if page is None and (found or not _SECTION_NAME.match(rest)):
        # a bare page number beside the other things (2024.5.23 星期四 陇南法治报 政法 8),
        # a page number and a section name alone (7 理论), or alone (23: a page number
        # only beside other masthead lines)
        bare = list(_BARE_NUMBER.finditer(rest))
        if len(bare) == 1 and (found or _SECTION_PAGE.match(rest)):
            found["page"] = bare[0].group(0)
            rest = rest[:bare[0].start()] + " " + rest[bare[0].end():]
        elif len(bare) == 1 and not _SEPARATORS.sub("", rest[:bare[0].start()] + rest[bare[0].end():]):
            return {"number": bare[0].group(0)}
    pieces = [p for p in _SEPARATORS.split(rest) if p]
    leftover = "".join(pieces)
    if leftover:
        if (len(pieces) > 1 or len(leftover) > settings.max_rest
                or not _ALL_HAN.fullmatch(leftover) or _NOT_SECTION.search(leftover)):
            return None
        if found and not ({"date", "page"} & found.keys()):
            return None  # 赣南日报记者韩为民: a paper's name before a byline is no masthead
        found["section"] = leftover
    return found or None


def _name_in_run(run: str, page_text: str) -> str:
    """The paper's name at the end of ``run`` (综合新闻襄阳晚报 → 襄阳晚报): the longest
    place of two to four characters whose name the page prints elsewhere (a byline
    ``黔东南日报记者``), else a place of two characters, as most cities' names are."""
    kind = _PAPER_KIND.search(run)
    size = len(kind.group(0)) if kind else 2
    for place in (4, 3):
        name = run[-(size + place):]
        if len(name) == size + place and page_text.count(name) >= 2:
            return name
    return run[-(size + 2):]


# ---------------------------------------------------------------- an OCR pass's masthead
# An OCR pass misreads the masthead strip's small type and the rules and logos in it
# (``二GO〇二一年一月七日 星期四``, ``第 工 9版 县域新 闻 三湘都市报 >ote.iis 星期五``,
# ``微信 gnrb``): the strict reading above finds no page label or date it can parse, and
# the lines, left at the page's top, are read as the first article's head.  At the top
# of the page only, on an OCR reading, a line is taken as the strip's when it shows a
# weekday, a date or a paper's account label (微信), or a paper's name, and otherwise
# holds few Han characters that are no date's (the misread rest of the strip), no
# clause mark, and no more than a strip's characters.
_OCR_STRIP_CUE = regex.compile(r"(?:星期|礼拜)[一二三四五六日天]|(?:微信|微博)(?:号|公众号)?"
                               r"|(?:19|20)[0-9]{2}\s*[年.．\-/]")
_OCR_CLAUSE = regex.compile(r"[，。；！？、,;!?]")
_OCR_NOT_REST = regex.compile(r"[年月日星期〇○零一二三四五六七八九十]|[^\p{Han}]")
#: the most Han characters (not a date's) an OCR-read strip line holds besides its cues
#: (section names, the paper's misread name: ``A人 13 教 王 写口日 报``)
MAX_OCR_STRIP_HAN = 8
#: ...and besides a paper's name alone as its cue (``O9 乡村振兴 桂林日报``)
MAX_OCR_NAMED_HAN = 4
#: a line of no Han character and at most this many characters among the strip's lines
#: is a logo or rule the pass read as letters (``Ts``)
MAX_OCR_SCRAP = 4


#: A mark standing alone between gaps (``24 政法 桂林日报 。 2018年…``, ``11有挨 要闻 。
#: 潇湘晨报``): a speck or a rule of the strip the pass read as a mark, no clause's end (a
#: clause's mark follows its last character).  Only a dot or a rule's marks: a clause
#: mark set apart (``2018年 ， 我市经济稳中向好``) is a sentence's, read as it stands.
_OCR_LONE_MARKS = regex.compile(r"(?:(?<=\s)|^)[。.·•・|_—\-]+(?=\s|$)")


def _ocr_strip_line(text: str, settings: MastheadSettings) -> bool:
    """Whether ``text``, at the page's top on an OCR reading, is a masthead strip's line
    the OCR pass misread (see ``_OCR_STRIP_CUE``; a mark alone between gaps,
    ``_OCR_LONE_MARKS``, is read as no mark)."""
    stripped = _OCR_LONE_MARKS.sub(" ", text).strip()
    if not stripped or len(stripped) > 2 * settings.max_chars or _OCR_CLAUSE.search(stripped):
        return False
    if len(stripped) <= MAX_OCR_SCRAP and not _ALL_HAN.search(stripped):
        return True  # ``Ts``: a logo read as a few letters
    cue = _OCR_STRIP_CUE.search(stripped)
    name = _PUBLICATION.search(stripped)
    if cue is not None:
        rest = stripped[:cue.start()] + " " + stripped[cue.end():]
        if name is not None:
            rest = rest.replace(name.group(0), " ")
        return len(_OCR_NOT_REST.sub("", rest)) <= MAX_OCR_STRIP_HAN
    if name is None:
        return False
    rest = stripped[:name.start()] + " " + stripped[name.end():]
    return not _PARTICLE.search(name.group(0)) \
        and len(_OCR_NOT_REST.sub("", rest)) <= MAX_OCR_NAMED_HAN


def _strip_section(blocks: tuple[Block, ...], reads: list[dict[str, str] | None],
                   taken: dict[int, dict[str, str]], runs_on: Callable[[int], bool]) -> list[int]:
    """The section name of a masthead strip the tool broke into boxes (``综合新闻`` after
    ``陇南法治报``, before an editor's line; ``城乡`` over ``安康日报``): a line of a short
    name alone, a box of its own (blank lines before and after it, in a dump that sets
    blank lines), right beside a line taken for the paper's name, date or page.  Only where
    the page shows one such line (a strip has one section name), none already taken,
    and it runs on into no line under it (a title's first line)."""
    if not any(b.gap_before for b in blocks) or any("section" in f for f in taken.values()):
        return []  # (with no blank line, no line is seen to stand in a box of its own)
    found: list[int] = []
    for n, block in enumerate(blocks):
        section = (reads[n] or {}).get("section")
        if (n in taken or section is None or len(reads[n] or {}) != 1
                or len(section) > _MAX_LONE_SECTION or block.kind not in Kind.BODY):
            continue
        if not (block.gap_before and n + 1 < len(blocks) and blocks[n + 1].gap_before):
            continue
        if runs_on(n):
            continue
        if any(m in taken and _kinds(taken[m]) for m in (n - 1, n + 1)):
            found.append(n)
    return found if len(found) == 1 else []


def _kinds(found: dict[str, str]) -> set[str]:
    kinds = found.keys() & {"date", "page", "publication"}
    if "month_day" in found:  # a date without its year
        kinds.add("date")
    return kinds


@heuristic("read-masthead", settings=MastheadSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, accepts={Kind.PARAGRAPH, *Kind.TITLES}, provides={Stage.MASTHEAD})
def read_masthead(doc: Document, settings: MastheadSettings) -> Document:
    """Take the page label, date and paper name off the masthead lines into the Issue.

    Cue: a short line that is nothing but a date (``2024 年 8 月 9 日 星期五``,
    ``二〇二四年八月九日``, ``2024.6.4``, ``2024-06-04``, ``8月9日 星期五``), a page label
    (``A3``, ``第05版``, ``第A03版``, ``第三版``, ``版次：05``, ``⑩``, ``7 理论``), a paper's
    name (``…日报``, ``…晨报``), a section name and
    separators — at the top or the foot of the page, or anywhere in a run of such lines
    that holds two kinds of thing.  The lines go to ``dropped`` (reason ``masthead``);
    what they say goes to ``Issue.date``, ``Issue.page`` (as the paper numbers it:
    ``05``, ``A3``, ``10`` for ``⑩``) and ``Issue.publication`` unless the caller gave them.
    """
    rec = Recorder("read-masthead")
    blocks = doc.blocks
    # the quick test first, in one search over the page: a sentence, or a line with no
    # figure, no 报 and no 版 that is more than a section name, is no masthead
    texts = [b.text.strip() for b in blocks]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))
    maybe = {bisect.bisect_right(starts, m.start()) - 1
             for m in _MAYBE_LINE.finditer("\n".join(texts))}
    reads = [_read(b, settings) if n in maybe and (b.kind in Kind.BODY or b.kind in Kind.TITLES)
             else None for n, b in enumerate(blocks)]
    taken: dict[int, dict[str, str]] = {}

    def plain(i: int) -> bool:  # a masthead line that is more than a section name or a number
        found = reads[i]
        return found is not None and bool(_kinds(found))

    def weak(i: int, key: str) -> bool:
        return 0 <= i < len(blocks) and key in (reads[i] or {}) and blocks[i].kind in Kind.BODY

    def section_between(i: int) -> bool:  # 政法 between ⑩ and 赣南日报, 理论 under 7 理论
        return (weak(i, "section") and i + 1 < len(blocks) and plain(i + 1)
                and (i == 0 or i - 1 in taken or plain(i - 1) or weak(i - 1, "number")))

    def pages(i: int) -> bool:  # a line that holds the page: A07, ⑩, a bare 15
        return "page" in (reads[i] or {}) or weak(i, "number")

    parting = blank_lines_part([b.gap_before for b in blocks])

    def runs_on(i: int) -> bool:  # 罗医疗保 / 险改革起步: a title's first line, no section
        # (a line under it that holds the page, 政法 / 15, is the strip's, not the title's)
        return (parting and i + 1 < len(blocks) and not blocks[i + 1].gap_before
                and not plain(i + 1) and not pages(i + 1))

    def beside_page(i: int) -> bool:  # 政法 next to A07 in the strip the tool broke up
        return (weak(i, "section") and len(reads[i]["section"]) <= _MAX_LONE_SECTION  # type: ignore[index]
                and ((i > 0 and pages(i - 1)) or (i + 1 < len(blocks) and pages(i + 1)))
                and not runs_on(i))

    # the masthead lines that open (or close) the page, up to the first line that is not
    # one (a bare number there is the page, first or beside the section name, and a
    # section name beside it the section)
    ocr = settings.ocr_strip and is_ocr(doc.measurements)
    misread: set[int] = set()
    i = 0
    while i < len(blocks) and (plain(i) or section_between(i) or beside_page(i) or (
            weak(i, "number") and (i == 0 or beside_page(i - 1))) or (
            ocr and blocks[i].kind in Kind.BODY and _ocr_strip_line(blocks[i].text, settings))):
        taken[i] = reads[i] or {}
        if not reads[i]:  # taken for its cues alone: a strip line the OCR pass misread
            misread.add(i)
        i += 1
    j = len(blocks) - 1
    while j >= i and plain(j):
        taken[j] = reads[j] or {}
        j -= 1
    # elsewhere: runs of masthead lines, a section name only between two others, a bare
    # number only at an end of the run; a run is taken if it holds two kinds of thing
    k = i
    while k <= j:
        if not plain(k):
            k += 1
            continue
        first = k - 2 if weak(k - 1, "section") and weak(k - 2, "number") and k - 2 >= i else (
            k - 1 if weak(k - 1, "number") and k - 1 >= i else k)
        run = list(range(first, k + 1))
        while run[-1] + 1 <= j and (plain(run[-1] + 1) or section_between(run[-1] + 1)):
            run.append(run[-1] + 1)
        if run[-1] + 1 <= j and weak(run[-1] + 1, "number"):
            run.append(run[-1] + 1)
        kinds: set[str] = set()
        for n in run:
            kinds |= _kinds(reads[n] or {})
        if any("number" in (reads[n] or {}) for n in run):
            kinds.add("page")
        if len(kinds) >= settings.min_kinds_elsewhere or any(
                {"date", "weekday"} <= (reads[n] or {}).keys() for n in run):
            taken.update((n, reads[n] or {}) for n in run)
        k = run[-1] + 1
    # a line that is only the paper's name is its masthead anywhere; so is the one line
    # of the page that is only a page label (⑩, A18, 第5版: a list numbered ①②③ has
    # several), and failing that the one number alone between blank lines
    labels = [n for n in range(i, j + 1) if n not in taken and (reads[n] or {}).keys() == {"page"}]
    numbers = [n for n in range(i, j + 1) if n not in taken and "number" in (reads[n] or {})
               and blocks[n].gap_before and (n + 1 == len(blocks) or blocks[n + 1].gap_before)]
    lone = labels if len(labels) == 1 else numbers if not labels and len(numbers) == 1 else []
    for n in range(i, j + 1):
        found = reads[n] or {}
        if n not in taken and found and (n in lone or (
                found.keys() == {"publication"} and not _PARTICLE.search(found["publication"]))):
            taken[n] = found
    for n in lone:  # and the section name printed beside that page label
        for m in (n - 1, n + 1):
            if i <= m <= j and m not in taken and beside_page(m):
                taken[m] = reads[m] or {}
    for n in _strip_section(blocks, reads, taken, runs_on):
        taken[n] = reads[n] or {}
    meta: dict[str, str] = {}
    # what the fullest line says first: a lone number is the page only if nothing better is
    for n in sorted(taken, key=lambda n: (-len(_kinds(taken[n])), n)):
        meta.update({key: taken[n][key] for key in ("date", "page", "publication")
                     if key in taken[n] and key not in meta})
        if "number" in taken[n] and "page" not in meta:
            meta["page"] = taken[n]["number"]
        if "name_run" in taken[n] and "publication" not in meta:
            meta["publication"] = _name_in_run(taken[n]["name_run"],
                                               _SPACE_BETWEEN_HAN.sub("", doc.text))
    for n in sorted(taken):
        block = blocks[n]
        rec.dropped(block.text, "masthead", block.span,
                    "a strip line an OCR pass misread" if n in misread else
                    ", ".join(f"{key}={v}" for key, v in sorted(taken[n].items())
                              if key not in ("weekday", "name_run", "month_day"))
                    or "section name")
    out = [b for n, b in enumerate(blocks) if n not in taken]
    return rec.apply(doc, out).with_meta(**meta)
