"""Page furniture: editor and page codes (``②27``), editor credit lines, contact footers,
jump lines, QR-code prompts, weather tables, advertisement and contact lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import ArticleFlag, Stage
from baokan.core.names import BAR, split_names
from baokan.core.ocr import is_ocr
from baokan.core.registry import heuristic
from baokan.core.text import ends_continuing, ends_sentence, fold_letter_spacing, unfold_span

# the circled numbers an editor's mark opens on (①-⑳, ❶-❿, ⓫-⓴)
_CIRCLED_CHARS = "\u2460-\u2473\u2776-\u277f\u24eb-\u24f4"
_MARK = regex.compile(r"\s*([" + _CIRCLED_CHARS + r"]\s*\d{1,3})\s*$")
# a tail without a circled number holds no mark (a class of characters alone, looked for
# first: ``re``, see ``baokan.core.text.WHITE_CLASS``)
_CIRCLED = re.compile(f"[{_CIRCLED_CHARS}]")
# a mark stands in the last characters of a block: only they are searched
_MARK_TAIL = 12
_WEATHER = regex.compile(
    r"(?:-?\d{1,2}\s*(?:℃|°C|度)).*(?:晴|阴|云|雨|雪|雾|霾|风)"
    r"|(?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|雨夹雪|小雪|大雪|雾|霾)[^。！？]{0,12}-?\d{1,2}\s*(?:℃|°C)")
_PHONE = r"(?:\d{3,4}[-—\s]?)?\d{7,8}|1[3-9]\d{9}|400[-—\s]?\d{3}[-—\s]?\d{4}"
_AD_LINE = regex.compile(
    r"^(?:本版)?(?:广告|刊登广告|广告热线|广告电话|订报热线|订阅热线|发行热线|新闻热线|服务热线|"
    r"投诉电话|咨询电话|联系电话|电话|传真)[\s:：]*(?:" + _PHONE + r")(?:[\s、,，;；]+(?:" + _PHONE
    + r"))*\s*$"
    r"|^(?:地址|社址)[:：]\s*\S{2,30}$|^(?:广告|广告经营许可证[:：]?\s*\S{0,30})$")

# The editor roles of a page's credits (conventions.md, "Editor credits"): a closed class.
# The longer first, so that 责任编辑 is not read as 责任 + 编辑.
# A role may be said to be this page's (本版责编, 本期编辑).
# An editor's title is a family: a qualifier of the desk or the rank before 编辑 (版面编辑,
# 技术编辑, 首席编辑, 见习编辑) or before 设计 (版式设计, 美术设计).
_EDITOR_QUALIFIER = r"(?:责任|美术|图片|文字|版面|技术|首席|执行|见习|实习|值班|数字|视觉|新媒体)"
_ROLE = regex.compile(
    r"(?:本版|本期)?(?:" + _EDITOR_QUALIFIER + r"编辑|责任美编|责任校对|(?:版面|版式|美术)设计|值班编委|"
    r"值班主任|执行主编|"
    r"一审|二审|三审|终审|初审|复审|政审|检校|责编|美编|组版|版式|审读|统筹|编辑|校对|排版|制版|"
    r"设计|视觉|制图|策划|主编|监制|审核|审签|编审|执行|质检)")
# roles that are also verbs or nouns of running text (统筹推进, 编辑部): with one of them
# alone before a name, the line is a credit only if a space or a colon stands between
_VERB_ROLES = frozenset({"统筹", "审读", "校对", "编辑", "设计", "视觉", "制图", "策划", "主编",
                         "监制", "审核", "审签", "排版", "制版", "编审", "执行", "质检"})
_LEAD = regex.compile(r"^[■□●○◆◇▲△★☆▌|｜\s]*")
# a credit line in brackets: （本版编辑：张林）
_ENCLOSED = regex.compile(r"^[（(【\[]([^（()）【】\[\]]+)[）)】\]]$")
_MARKUP = regex.compile(r"</?u>|\*\*")
_LAYOUT_SPACE = regex.compile(r"(?<=[\p{Han}：:、，])[ \t\u3000]+(?=[\p{Han}：:、，])")

# Contact footers: a line made only of labelled contacts (新闻热线：…, 投稿邮箱：…, 邮编：…,
# 定价：…, 微信：…), the labels a closed class of the conventions' footer words, each with
# the shape of what it labels
_NUMBERS = r"(?:CN\s*)?\d[\d\s\-—－、/]{3,}\d"
# an address: pdfminer prints spaces inside one (x xcb55@163.com, bhsb47 @163. com)
_MAIL = r"(?>[\w.+\-]+(?: [\w.+\-]+)*)\s?@\s?[\w\-]+(?:\s?\.\s?[\w\-]+)+"
_WEB = r"(?:https?://)?(?:www\.)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:/\S*)?"
# the labels of a contact footer (conventions.md, "Contact footers"): a closed class; a
# label may be said to be the paper's or the page's (本报地址, 本版热线, 读者热线)
# (two of them in a row: 新闻报料热线, 读者服务热线); 报料 alone labels a number too (新闻报料：…)
_WHOSE_WORD = r"(?:本报|本社|报社|本版|读者|新闻|报料|投诉|服务|订报|订阅|发行|广告|咨询|值班|联系|举报|监督)"
_WHOSE = _WHOSE_WORD + r"{0,2}"
_PHONE_LABEL = (_WHOSE + r"(?:热线|电话)(?:电话)?|(?:新闻|读者)?报料|传真|邮编|邮政编码"
                # the paper's registration codes are printed in the same foot (邮发代号：43-12)
                r"|邮发代号|(?:国内)?统一(?:连续出版物号|刊号)|刊号")
_MAIL_LABEL = r"(?:投稿|电子|本版|读者|新闻|报料)?邮箱|E-?mail"
_WEB_LABEL = r"网址|官网|网站"
_PRICE_LABEL = r"定价|零售价|每份|全年定价"
_ACCOUNT_LABEL = r"(?:本报|官方)?(?:微信(?:公众号)?|公众号|微博|QQ|客户端|抖音号?|视频号)"
_PLACE_LABEL = _WHOSE + r"(?:社址|地址)|印刷(?:单位|厂)?|广告(?:经营)?许可证"
_LABEL = regex.compile(r"(?:" + "|".join((_PHONE_LABEL, _MAIL_LABEL, _WEB_LABEL, _PRICE_LABEL,
                                          _ACCOUNT_LABEL, _PLACE_LABEL)) + r")\s*[:：]?",
                       regex.IGNORECASE)
_CONTACT = regex.compile(
    r"(?:" + _PHONE_LABEL + r")\s*(?:[:：]\s*)?(?:" + _NUMBERS + r")"
    r"|(?:" + _MAIL_LABEL + r")\s*(?:[:：]\s*)?(?:" + _MAIL + r")"
    r"|(?:" + _WEB_LABEL + r")\s*(?:[:：]\s*)?(?:" + _WEB + r")"
    r"|(?:" + _PRICE_LABEL + r")\s*(?:[:：]\s*)?[0-9]+(?:\.[0-9]+)?\s*元"
    r"|(?:" + _ACCOUNT_LABEL + r")\s*[:：]\s*"
    r"[\p{Han}\w\-](?:[\p{Han}\w\- ]{0,16}[\p{Han}\w\-])?"
    # a place runs to the next label (地址：人民路8号邮编：437100, once spaces are folded;
    # a tool may leave one before a figure: 人民路 8号)
    r"|(?:" + _PLACE_LABEL + r")\s*[:：]\s*"
    r"(?:(?!\s*(?:" + _PHONE_LABEL + r"|" + _MAIL_LABEL + r"|" + _PLACE_LABEL + r")\s*[:：]?)"
    r"(?:[\p{Han}\w\-（）()·]| (?=\w))){2,30}",
    regex.IGNORECASE)
# where a contact's value broken off by the tool goes on, on the next line: a figure, a
# letter, the @ or the dot of an address
_VALUE_ON = regex.compile(r"[0-9A-Za-z@.\-]")

# Jump lines: 下转第N版, （下转A2版）, 上接第N版, （紧接第一版）, 转第N版.  Every way holds 转 or
# 接, the look the loop takes before matching; 续 is left out: papers print 续第N版 both for
# "continued on" and "continued from", so its direction is not known
# (a bare 转 or 接 before a page: 转A3版, （转第2版）, 紧转第3版; an arrow may lead: ▶下转第3版)
_JUMP_PAGE = r"(?:第\s*)?(?:[A-Za-z]?\s*[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*(?:版|页)"
_JUMP = regex.compile(
    r"[▶►▷→↓▲△>]?\s*[（(]?\s*[▶►▷→↓▲△>]?\s*(?P<way>下转|紧转|转下|转|上接|接上|紧接|接)\s*"
    + _JUMP_PAGE + r"(?:\s*[^（()）]{0,8})?\s*[）)]?")
_JUMP_LINE = regex.compile(r"^\s*" + _JUMP.pattern + r"\s*$")
# an OCR pass reads the opening bracket and 下 of a jump line as one glyph (``(下`` read as
# 不 or 泵: ``不转第13版)``, ``泵转A7版)``), or the bracket as another (``〈下转第5版)``): on
# an OCR reading, one Han character before 转, or one such mark before 下转, with the
# closing bracket kept, is that line, a 下转 (read so only there: a text layer prints
# its marks)
_OCR_MISREAD_JUMP = regex.compile(r"^\s*(?:\p{Han}(?=转)|[〈<《\[［{](?=下转))(?P<rest>(?:下)?转\s*"
                                  + _JUMP_PAGE + r"\s*[）)])\s*$")
# the ways of a jump line that say where the article came from
_JUMP_FROM = frozenset({"上接", "接上", "紧接", "接"})
# (``(?<!\s)``: searched on every line holding 转 or 接, and from each space of a run of
# white space the leading ``\s*`` would read the run to its end again — quadratic in its
# length; the match, which starts where the run starts, is the same)
_JUMP_END = regex.compile(r"(?<!\s)\s*[（(]\s*(?:(?:下转|转第|转下)[^（()）]{1,14}|(?:紧转|转)\s*"
                          + _JUMP_PAGE + r"[^（()）]{0,8})[）)]\s*$"
                          # unbracketed, after the sentence it follows: …久久为功。下转A2版
                          r"|(?<=[。！？”])\s*[▶►→]?\s*(?:下转|紧转|转)\s*" + _JUMP_PAGE + r"\s*$")
# a jump mark inside a line (a tool that prints a row of columns as one line): bracketed,
# or 下转第N版 standing between spaces
_JUMP_INSIDE = regex.compile(r"[（(]\s*(?:下转|转第|上接|接上|紧接)\s*(?:第\s*)?[A-Za-z]?\s*"
                             r"[0-9一二三四五六七八九十]{1,3}\s*(?:版|页)[^（()）]{0,6}[）)]"
                             r"|(?<=\s)(?:下转|上接)\s*第\s*[0-9]{1,3}\s*版(?=\s)")

_SPACES = regex.compile(r"[ \t]{2,}")
# how every furniture line but a weather line opens (markup and marks aside): a role
# word, a contact label, a QR prompt, an advertiser's hotline — a quick test before the
# others; also a name, for the rest of a credit the tool broke (tested with the line before)
_FURNITURE_START = regex.compile(
    r"(?:</?u>|\*\*|[■□●○◆◇▲△★☆▌|｜（(【\[])*(?:" + _ROLE.pattern + r"|本版|本报|本社|报社|读者|举报|监督|"
    r"广告|刊登|订报|订阅|发行|新闻|报料|投诉|投稿|电子|服务|咨询|联系|值班|热线|电话|传真|邮|E-?mail|社址|地址|印刷|定价|零售价|每份|全年|微信|微博|"
    r"QQ|网址|官网|网站|客户端|抖音|视频号|公众号|官方|国内|统一|刊号|扫|长按|手机扫)", regex.IGNORECASE)
# QR-code prompts: 扫码关注…, 扫描二维码…, 扫一扫…, 长按识别二维码…
_QR = regex.compile(r"^[■●◆▲\s]*(?:扫码|扫描|扫一扫|长按|微信扫|手机扫)")
_QR_OBJECT = regex.compile(r"二维码|公众号|客户端|APP|视频号|小程序|抖音|下载|关注|阅读|观看|了解|获取|报名",
                           regex.IGNORECASE)


def _sentence(text: str) -> bool:
    return "。" in text or text.rstrip().endswith(("！", "？"))


def _fold(text: str) -> str:
    """The line without markup (``<u>``, ``**``), its leading marks, and the layout spaces
    between Chinese characters (``一 审 ： 高 锦 屏`` → ``一审：高锦屏``)."""
    text = _unenclosed(_MARKUP.sub("", text))
    lead = _LEAD.match(text)
    return _LAYOUT_SPACE.sub("", text[lead.end():] if lead else text).strip()


def _unenclosed(text: str) -> str:
    """The line without the brackets that enclose all of it."""
    enclosed = _ENCLOSED.match(text.strip())
    return enclosed.group(1).strip() if enclosed else text


def editor_credit(text: str, folded: str | None = None, *, beside_contact: bool = False) -> bool:
    """Whether ``text`` is a line of editor credits: role words (责编, 美编, 统筹, 一审…),
    each followed by one to three names, and nothing else (``统筹 张林 责编 王恬``,
    ``责任编辑：刘建章美编：田一明``, ``一 审 ： 高 锦 屏 …``).  With two roles or more the
    names need not be in the surname table, and the last may be cut off by the end of
    the line (``… 终审：何``, ``… 美编：``).  ``folded``: ``_fold(text)``, if known;
    ``beside_contact``: the credit shares its line with a contact footer (``编辑张林
    新闻热线：…``), which makes a lone role that is also a verb a credit too."""
    body = _fold(text) if folded is None else folded
    roles = list(_ROLE.finditer(body))
    if not roles or roles[0].start() != 0:
        return False
    several = len(roles) > 1
    for n, role in enumerate(roles):
        last = n + 1 == len(roles)
        segment = body[role.end():roles[n + 1].start() if not last else len(body)]
        segment = segment.strip(" \t:：、，,;；" + BAR)  # 责编｜X: a bar as a colon
        names = split_names(segment) if segment else None
        if names and len(names) <= 3:
            continue
        if several and (regex.fullmatch(r"\p{Han}{1,4}", segment) or (last and not segment)):
            continue
        if last and regex.fullmatch(r"\p{Han}", segment) and role.group(0) not in _VERB_ROLES:
            continue  # 一审：耿 — the name goes on on the next line
        return False
    if several or beside_contact or roles[0].group(0) not in _VERB_ROLES:
        return True
    # 统筹 张林, 审读：王恬 — not 统筹推进, 审读完毕
    raw = _unenclosed(_MARKUP.sub("", text))
    lead = _LEAD.match(raw)
    raw = raw[lead.end():] if lead else raw
    first = roles[0].group(0)
    return raw.startswith(first) and raw[len(first):][:1] in (" ", "\t", "\u3000", ":", "：", *BAR)


def _credit_continued(text: str, cut: bool = True) -> bool:
    """The rest of a credit line the tool broke: a name or the end of one, then nothing
    or more credits (``林栖凤``, ``韦 美编：吴一坚``).  A name alone goes on a credit only
    where it was ``cut`` (:func:`_credit_cut`), or it is the end of a name (a character
    or two): after a whole credit, a line of four characters is the first line of a
    head (``统筹 张林 责编 王恬`` / ``非洲召开`` / ``反腐败会议``)."""
    body = _fold(text)
    head = regex.match(r"\p{Han}{1,4}(?=$|" + _ROLE.pattern + ")", body)
    if head is None:
        return False
    if head.end() == len(body):
        return cut or len(body) <= MAX_NAME_END
    return editor_credit(body[head.end():])


#: The most characters of a name's end a credit line the tool broke leaves for the next
#: line, when the line's last role has a name of two characters or more (``终审：刘素`` /
#: ``芬``).
MAX_NAME_END = 2


def _credit_cut(folded: str) -> bool:
    """Whether a credit line (as ``_fold`` gives it) stops where its names go on on the
    next line: its last role has no name after it, or one character (``… 美编：``,
    ``… 终审：何``)."""
    roles = list(_ROLE.finditer(folded))
    if not roles:
        return False
    rest = folded[roles[-1].end():].strip(" \t:：、，,;；")
    return len(rest) <= 1


# a credit line the tool broke after each role word's colon, the names opening the next
# line (``一审：`` / ``武 宣 二审：`` / ``黄国强``): a role word and its colon end the line,
# after the names of the role before it on a continued line
_ROLE_LEFT_OPEN = regex.compile(r"(?:" + _ROLE.pattern + r")[:：]")
_NAMES_THEN_OPEN_ROLE = regex.compile(r"\p{Han}{1,4}(?:" + _ROLE.pattern + r")[:：]")


def _broken_credit(folded: str, blocks: Sequence[Block], n: int, credit: bool) -> bool:
    """Whether ``folded`` (block ``n``) is a piece of a credit broken after a role's colon:
    the role alone, when the next line opens with names (and ends or goes on with more
    credits), or, right after a credit's piece (``credit``), names and the next role."""
    if credit and _NAMES_THEN_OPEN_ROLE.fullmatch(folded):
        return True
    if not _ROLE_LEFT_OPEN.fullmatch(folded) or n + 1 >= len(blocks) \
            or blocks[n + 1].kind not in Kind.BODY:
        return False
    after = _fold(blocks[n + 1].text)
    return bool(_NAMES_THEN_OPEN_ROLE.fullmatch(after)) or _credit_continued(after)


def furniture_row(folded: str) -> bool:
    """Whether ``folded`` (a line as ``_fold`` gives it) is a row of page furniture that
    holds a contact: labelled contacts and runs of editor credits in any order, as a tool
    prints the page's foot on one line (``新闻热线：0715-8128888 邮箱：a@b.com 统筹 张林
    责编 王恬``, ``责任编辑：刘建章 电话：0715-8128888``)."""
    return _furniture_row(folded)[0]


# what stands between the items of a row of furniture
_ROW_SEPARATORS = " \t\u3000|｜,，;；/／"


def _furniture_row(text: str) -> tuple[bool, bool]:
    """Whether ``text`` is only labelled contacts and credit runs and holds a contact;
    whether it holds a credit run."""
    pos, contacts, credits = 0, False, False
    while pos < len(text):
        contact = _CONTACT.match(text, pos)
        if contact is not None:
            pos, contacts = contact.end(), True
        else:  # a run of credits, up to the next contact
            if _ROLE.match(text, pos) is None:
                return False, credits
            after = _CONTACT.search(text, pos)
            end = after.start() if after is not None else len(text)
            piece = text[pos:end].rstrip(_ROW_SEPARATORS)
            if not editor_credit(piece, piece, beside_contact=True):
                return False, credits
            pos, credits = end, True
        while pos < len(text) and text[pos] in _ROW_SEPARATORS:
            pos += 1
    return contacts and not _sentence(text), credits


def _qr_prompt(block: Block, before: Block | None, settings: FurnitureSettings) -> bool:
    """A short line that opens with 扫码, 扫描, 长按… and names what to scan for, standing
    on its own (not the middle of a sentence: the line before it ends one)."""
    text = block.text
    return (len(text) <= settings.max_prompt_chars and bool(_QR.match(text))
            and bool(_QR_OBJECT.search(text)) and "，" not in text and not ends_continuing(text)
            and (before is None or block.gap_before > 0 or ends_sentence(before.text)
                 or before.kind not in Kind.BODY))


@attrs.frozen
class FurnitureSettings:
    """Settings of ``page-furniture``.

    ``max_editor_line_chars`` bounds an editor credit or contact footer line;
    ``max_row_chars`` a row of the page's foot that holds contacts and credits side by
    side (a tool prints them on one line: two such lines); ``max_row_pieces`` is how many
    lines a tool may break one contact footer into (``新闻热线：`` / ``0715-8128888 邮箱：``
    / ``a@b.com``); ``max_prompt_chars`` bounds a QR-code prompt (扫码关注…), a line of its
    own, never a sentence.
    """

    max_editor_line_chars: int = 40
    max_row_chars: int = 80
    max_row_pieces: int = 4
    max_prompt_chars: int = 24


@heuristic("page-furniture", settings=FurnitureSettings, requires={Stage.LINES},
           reads={Kind.TEXT, Stage.HEADINGS}, accepts={Kind.PARAGRAPH},
           provides={Stage.FURNITURE, Kind.EDITOR_MARK, ArticleFlag.TRUNCATED_END,
                     ArticleFlag.TRUNCATED_START})
def page_furniture(doc: Document, settings: FurnitureSettings) -> Document:
    """Split editor codes (``②27``) off the end of a block; drop the page's furniture.

    Cue: a circled number followed by digits at the end of a block is a page/editor
    code, kept as the article's editor mark.  Dropped as furniture: a short line of
    editor credits (role words of the closed class 编辑, 责编, 美编, 统筹, 审读, 一审… each
    before names); a line of labelled contacts (新闻热线, 投稿邮箱, 邮编, 定价, 微信…),
    with credit runs beside them or not (the page's foot printed as one row), and the
    lines after it that finish it where the tool broke it after a label or inside a
    value; a jump line (``（下转A2版）``, ``（转A3版）``, ``上接第1版``), whose article is
    flagged ``truncated_end``
    (or ``truncated_start``); a QR-code prompt (``扫码关注…``); a short line of
    temperatures and weather words (``晴 12℃～20℃``); a line that is only a hotline,
    phone number or address.
    """
    rec = Recorder("page-furniture")
    out: list[Block] = []
    pending_start = False  # a 上接 line: the next body block starts mid-article
    credit_before = False  # the block before was a credit line (the tool may break one)
    credit_cut = False  # ...that stops where its names go on (:func:`_credit_cut`)
    blocks = doc.blocks
    rest_of_row = 0  # how many blocks after a contact footer are the rest of it
    ocr = is_ocr(doc.measurements)
    for n, block in enumerate(blocks):
        text = block.text
        if rest_of_row:
            rest_of_row -= 1
            rec.dropped(text, "furniture", block.span, "contact footer (broken over lines)")
            continue
        credit, credit_before = credit_before, False
        cut, credit_cut = credit_cut, False
        squeezed = "".join(text.split())
        short = len(squeezed) <= settings.max_row_chars
        # the quick tests first: most lines are neither short nor open like furniture
        candidate = short and bool(_FURNITURE_START.match(squeezed) or credit
                                   or "℃" in text or "°C" in text or "度" in text)
        folded = _fold(text) if candidate else ""
        if block.kind not in Kind.BODY or (block.level is not None and not (
                candidate and ((len(_ROLE.findall(folded)) > 1 and editor_credit(text, folded))
                               or furniture_row(folded)))):
            out.append(block)
            continue
        jumpish = "转" in text or "接" in text
        # the jump patterns are matched on the line with its letter-spacing folded (a tool
        # spreads the letters of a short line: （下 转 第1 5版 ）), every gap between Han
        # characters out: a jump mark is one word
        jump_folded, jump_offsets = fold_letter_spacing(text, tight=True) if jumpish else ("", ())
        jump = _JUMP_LINE.match(jump_folded) if jumpish else None
        if jump is None and jumpish and ocr:
            misread = _OCR_MISREAD_JUMP.match(jump_folded)
            jump = _JUMP_LINE.match(misread["rest"]) if misread is not None else None
        if jump is not None:
            if jump["way"] in _JUMP_FROM:
                rec.dropped(text, "furniture", block.span, "jump line")
                pending_start = True
            elif _flag_last(out, ArticleFlag.TRUNCATED_END):
                # after a closed sentence the jump line ends its article, as the page
                # code printed there: it is kept as the article's editor mark
                rec.change("found jump line", block.span, text)
                out.append(block.with_(kind=Kind.EDITOR_MARK))
            else:  # inside a sentence: the tool may have set it down in the middle of a
                # column whose text goes on after it, so it ends nothing
                rec.dropped(text, "furniture", block.span, "jump line")
            continue
        if candidate and _LABEL.search(folded):
            # labelled contacts, with credits beside them or not; the rest of it on the
            # next lines if the tool broke it there
            rest_of_row = _rest_of_row(blocks, n, folded, settings)
            if rest_of_row or furniture_row(folded):
                rec.dropped(text, "furniture", block.span, "contact footer")
                continue
        if candidate and len(folded) <= settings.max_editor_line_chars:
            if editor_credit(text, folded) or (credit and _credit_continued(text, cut)) \
                    or _broken_credit(folded, blocks, n, credit):
                rec.dropped(text, "furniture", block.span, "editor credit line")
                credit_before = True
                credit_cut = _credit_cut(folded)
                continue
            kind = ("weather line" if _WEATHER.search(text) and not _sentence(text)
                    else "advertisement or contact line" if _AD_LINE.match(text) else
                    "QR-code prompt" if _qr_prompt(block, out[-1] if out else None, settings)
                    else None)
            if kind is not None:
                rec.dropped(text, "furniture", block.span, kind)
                continue
        if pending_start:
            block = block.tagged(ArticleFlag.TRUNCATED_START)
            pending_start = False
        # a jump mark at the end of a paragraph: …久久为功。（下转A2版）, found on the folded
        # line and cut from the line as printed
        end_jump = _JUMP_END.search(jump_folded) if jumpish else None
        end_start = unfold_span(jump_offsets, end_jump.start(), end_jump.end())[0] \
            if end_jump is not None else 0
        if end_jump is None and jumpish:
            text = _cut_inside_jumps(text, block, rec)
            if text != block.text:
                block = block.with_(text=text)
        jump_mark: list[Block] = []
        if end_jump is not None and end_start > 0:
            mark = text[end_start:].strip()
            text = text[:end_start].rstrip()
            block = block.with_(text=text).tagged(ArticleFlag.TRUNCATED_END)
            # it ends the article, as a jump line after a sentence — if bracketed: an
            # unbracketed one (…贩子。 下转第7版) may stand in a row of columns that goes on
            if ends_sentence(text) and mark.endswith((")", "）")):
                rec.change("found jump line", block.span, mark)
                jump_mark.append(block.with_(text=mark, kind=Kind.EDITOR_MARK,
                                             gap_before=0, tags=frozenset()))
            else:
                rec.dropped(mark, "furniture", block.span, "jump line")
        # marks come off the end one by one (``②27②27``), so a second run finds no more
        marks: list[Block] = []
        body = text
        while _CIRCLED.search(body, max(0, len(body) - _MARK_TAIL)) is not None and (
                match := _MARK.search(body, max(0, len(body) - _MARK_TAIL))) is not None:
            body = body[: match.start()].rstrip()
            rec.change("found editor mark", block.span, match.group(1))
            marks.insert(0, block.with_(text="".join(match.group(1).split()),
                                        kind=Kind.EDITOR_MARK, gap_before=0))
        if marks and not body:
            marks[0] = marks[0].with_(gap_before=block.gap_before)
        if body:
            out.append(block.with_(text=body) if marks else block)
        out.extend(marks)
        out.extend(jump_mark)
    return rec.apply(doc, out)


def _cut_inside_jumps(text: str, block: Block, rec: Recorder) -> str:
    """``text`` without the jump marks inside it (a tool that prints a row of columns as
    one line), found on the line with its letter-spacing folded (``（下 转 第 3版）``: its
    narrowest gaps out, the wider gaps between the columns kept); each dropped."""
    folded, offsets = fold_letter_spacing(text)
    spans = [unfold_span(offsets, m.start(), m.end()) for m in _JUMP_INSIDE.finditer(folded)]
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        rec.dropped(text[start:end].strip(), "furniture", block.span, "jump line")
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])
    return _SPACES.sub(" ", " ".join(pieces)).strip()


def _rest_of_row(blocks: Sequence[Block], n: int, folded: str, settings: FurnitureSettings) -> int:
    """How many blocks after ``blocks[n]`` (whose folded text is ``folded``) go on with the
    contact footer it begins, where a tool broke one over lines: after an open label
    (``新闻热线：`` / ``0715-8128888``) or inside a value (``0715-81`` / ``28888``); 0 when
    none does."""
    joined = folded
    for k in range(n + 1, min(len(blocks), n + settings.max_row_pieces)):
        after = blocks[k]
        if after.kind not in Kind.BODY or after.level is not None:
            return 0
        more = _fold(after.text)
        if not (joined.endswith((":", "：")) or _VALUE_ON.match(more)):
            return 0
        joined += more
        if len(joined) - joined.count(" ") > settings.max_row_chars:
            return 0
        if furniture_row(joined):
            return k - n
    return 0


def _flag_last(out: list[Block], flag: str) -> bool:
    """Flag the body block before a jump line (its article goes on elsewhere); whether it
    ends a sentence, so that the jump line may end the article there."""
    if not out or out[-1].kind not in Kind.BODY:
        return False
    out[-1] = out[-1].tagged(flag)
    return ends_sentence(out[-1].text)
