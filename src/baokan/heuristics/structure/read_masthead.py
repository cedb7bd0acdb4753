"""Read the masthead: the page label, the date and the paper's name printed at the top of a page."""

from __future__ import annotations

import datetime as _dt

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage
from baokan.core.registry import heuristic

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_NUM = r"[0-9０-９]{1,4}|[〇○零一二三四五六七八九十]{1,4}"
_DATE = regex.compile(
    r"(?P<y>[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>" + _NUM + r")\s*月\s*"
    r"(?P<d>" + _NUM + r")\s*日")
_WEEKDAY = regex.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
_LUNAR = regex.compile(r"(?:农历|夏历)?\s*[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年"
                       r"(?:[正一二三四五六七八九十冬腊]{1,2}月(?:[初十廿卅][一二三四五六七八九十])?)?"
                       r"|农历[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅]?[一二三四五六七八九十]?")
_PAGE = regex.compile(r"第\s*[0-9０-９]{1,3}\s*版|(?<![A-Za-z])[A-H]\s*[0-9]{1,2}(?:\s*版)?(?![0-9])"
                      r"|[\u2460-\u2473]")
_PUBLICATION = regex.compile(r"[\p{Han}]{2,8}?(?:日报|晚报|早报|时报|商报|都市报|周报|导报|新闻报)")
_SEPARATORS = regex.compile(r"[\s|｜/／·•\-—_*#>：:，,。]+")
_SECTION_NAME = regex.compile(r"^\s*\p{Han}{2,4}\s*$")
_SECTION_PAGE = regex.compile(r"^\s*(?P<page>[0-9]{1,2})\s+(?P<section>(?:(?![年月日讯])\p{Han}){2,4})\s*$")


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
    """The first valid date written ``2024 年 8 月 9 日`` or ``二〇二四年八月九日`` in ``text``."""
    for match in _DATE.finditer(text):
        try:
            return _dt.date(chinese_number(match["y"]), chinese_number(match["m"]),
                            chinese_number(match["d"]))
        except (KeyError, ValueError):
            continue
    return None


@attrs.frozen
class MastheadSettings:
    """Settings of ``read-masthead``.

    Only masthead lines in a row from the very top or the very foot of the page are
    taken, and only blocks of at most ``max_chars`` characters: a masthead is a short
    line at the top (or foot) of the page, never a sentence.  ``max_rest``: how many characters may
    be left on a masthead line once its date, weekday, lunar date, page label and paper
    name are taken off (a section name such as ``要闻``).
    """

    max_chars: int = 40
    max_rest: int = 6


def _read(block: Block, settings: MastheadSettings) -> dict[str, str] | None:
    text = block.text.strip()
    if len(text) > settings.max_chars:
        return None
    found: dict[str, str] = {}
    rest = text
    day = parse_masthead_date(text)
    if day is not None:
        found["date"] = day.isoformat()
        rest = _DATE.sub(" ", rest)
        rest = _WEEKDAY.sub(" ", _LUNAR.sub(" ", rest))
    page = _PAGE.search(rest)
    if page is not None:
        found["page"] = "".join(page.group(0).split())
        rest = rest[:page.start()] + " " + rest[page.end():]
    if page is None and day is not None and (section := _SECTION_PAGE.match(rest)):
        found["page"] = section["page"]  # 2018 年 1 月 2 日 星期二   7 理论
        rest = section["section"]
    publication = _PUBLICATION.search(rest)
    if publication is not None:
        found["publication"] = publication.group(0)
        rest = rest[:publication.start()] + " " + rest[publication.end():]
    if not found:
        section = _SECTION_PAGE.match(text)
        if section is None:
            return None
        return {"page": section["page"]}
    leftover = _SEPARATORS.sub("", rest)
    if len(leftover) > settings.max_rest or ("date" not in found and leftover):
        return None
    return found


@heuristic("read-masthead", settings=MastheadSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, accepts={Kind.PARAGRAPH, *Kind.TITLES}, provides={Stage.MASTHEAD})
def read_masthead(doc: Document, settings: MastheadSettings) -> Document:
    """Take the page label, date and paper name off the masthead lines into the Issue.

    Cue: a short line at the top or foot of the page that is nothing but a date
    (``2024 年 8 月 9 日 星期五``, ``二〇二四年八月九日``), a page label (``A3``,
    ``第05版``, ``②``, ``7 理论``), a paper's name (``…日报``) and separators.  The
    line goes to ``dropped`` (reason ``masthead``); what it says goes to
    ``Issue.date``, ``Issue.page`` and ``Issue.publication`` unless the caller gave them.
    """
    rec = Recorder("read-masthead")
    blocks = list(doc.blocks)
    meta: dict[str, str] = {}
    taken: set[int] = set()

    def take(i: int) -> bool:
        block = blocks[i]
        if block.kind not in Kind.BODY and block.kind not in Kind.TITLES:
            return False
        found = _read(block, settings)
        if not found:
            return False
        meta.update({k: v for k, v in found.items() if k not in meta})
        taken.add(i)
        rec.dropped(block.text, "masthead", block.span,
                    ", ".join(f"{k}={v}" for k, v in sorted(found.items())))
        return True

    # the masthead lines that open (or close) the page, up to the first line that is not
    # one: taking them leaves nothing new for a second run to take
    i = 0
    while i < len(blocks):
        if take(i):
            i += 1
        elif (_SECTION_NAME.match(blocks[i].text) and i + 1 < len(blocks)
              and blocks[i].kind in Kind.BODY and _read(blocks[i + 1], settings)):
            # a section name (理论, 要闻) between masthead lines is masthead too
            rec.dropped(blocks[i].text, "masthead", blocks[i].span, "section name")
            taken.add(i)
            i += 1
        else:
            break
    j = len(blocks) - 1
    while j >= i and take(j):
        j -= 1
    out = [b for k, b in enumerate(blocks) if k not in taken]
    return rec.apply(doc, out).with_meta(**meta)
