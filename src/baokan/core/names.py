"""Chinese personal names: the surname table, splitting name lists into names, and the
role words printed beside names (the one vocabulary of them) and photo credits.

The surname table (``data/surnames.txt``) is data shipped in the package; its header
names its source.  Shared by the byline heuristics and anything else that needs to
know whether a short run of Han characters can be a person's name, or a role word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import regex

from baokan.core.text import WHITE_CHARS, WHITE_CLASS, is_han

_all_han = regex.compile(r"\p{Han}+")

#: The dots that part the pieces of a name (``阿木冬·尼牙孜``; the middle dot, the bullet,
#: the hyphenation point and the katakana middle dot that dumps print for it).
NAME_DOTS = "·•‧・"

_name_re = regex.compile(r"^\p{Han}{2,4}$|^\p{Han}{1,6}·\p{Han}{1,8}$")
# (split every byline's names: ``re``, with ``regex``'s ``\s`` spelled out, see
# ``baokan.core.text.WHITE_CLASS``)
_split_re = re.compile(f"[{WHITE_CLASS}、，,；;/／]+")
#: The normalised byline role of a photo credit (:attr:`baokan.models.Byline.role`).
PHOTO_ROLE = "摄影"
#: Words that look like names (they start with a surname, or have a name's shape after a
#: role word) but are roles or titles — or what a reporter does, the words a sentence
#: puts after 记者 (``接受马格里布阿拉伯通讯社记者专访``, ``记者获悉``, ``记者走访``): a
#: body's line that a hard wrap ends there is no byline.
NOT_NAMES = frozenset({"通讯员", "记者", "本报", "作者", "编辑", "摄影", "实习生", "评论员",
                       "特约记者", "见习记者", "文图", "图文", "报道", "本报讯",
                       "专访", "采访", "走访", "探访", "暗访", "获悉", "了解", "看到",
                       "发现", "注意", "调查", "观察", "询问"})

# -- role words: the one vocabulary every byline, credit and caption pattern derives from
# a place a reporter is stationed in or sent to (驻X记者, 特派X记者): Han characters, not
# the 记者 that ends the role, nor the 报/社/台 that end a paper's name before it
_PLACE = r"(?:(?!记者)[^\P{Han}报社台])"
#: The role words printed beside names (the closed class of the spec's conventions), as a
#: regex alternation to set inside a group: the kinds of reporter — chief, senior,
#: special, trainee, all-media, photo, stationed in X (驻X), sent to X (特派X) — then the
#: other roles.
ROLE_WORD = (r"(?:首席|资深|高级|特约|见习|实习|全媒体|摄影|驻" + _PLACE + r"{1,5}?|特派"
             + _PLACE + r"{0,6}?)?记者|(?:特约)?通讯员|实习生|(?:特约)?评论员|作者|撰文|撰稿|摄影")
#: :data:`ROLE_WORD` compiled: a role word anywhere in a text.
ROLE = regex.compile(ROLE_WORD)

#: The bar a byline or a credit may set between a role word or a mark and its names, as a
#: slash or a colon (``文｜X``, ``记者 | X``, ``文丨X``: 丨 is a Han character, printed as
#: the bar; ``责编｜X``).
BAR = "|｜丨"
#: The role a credit may print before its names (``本报记者 X 摄``, ``新华社见习记者 X``): a
#: role word, maybe after 本报 or 新华社.
CREDIT_ROLE = r"(?:本报|新华社)?(?:" + ROLE_WORD + ")"


#: The most common single-character surnames of mainland China today, most common first
#: (the top hundred of the 2020 household-register count, as listed in the Wikipedia
#: article "List of common Chinese surnames": about 85 % of the population).  A name list
#: run together (``汪锋沈明洪``) splits where every piece starts with one of these rather
#: than with a rare surname (``汪锋沈`` / ``明洪``: 明 is rare).
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜"
    "叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶"
    "贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """The single-character and the compound surnames of the packaged table."""
    text = resources.files("baokan").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    single: set[str] = set()
    compound: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            (single if len(word) == 1 else compound).add(word)
    return frozenset(single), frozenset(compound)


def surname_length(name: str) -> int:
    """The length of the surname ``name`` starts with (2 for a compound one), or 0."""
    single, compound = surnames()
    if name[:2] in compound:
        return 2
    return 1 if name[:1] in single else 0


def is_name(token: str) -> bool:
    """Whether ``token`` can be a Chinese personal name: 2–4 Han characters after a surname."""
    return (bool(_name_re.match(token)) and surname_length(token) > 0
            and token not in NOT_NAMES and not token.endswith("某"))


def is_person_name(token: str) -> bool:
    """Stricter than :func:`is_name`, for a name standing alone where a title could stand:
    a single surname and one or two characters, or a compound surname and one or two."""
    if not is_name(token) or "·" in token:
        return False
    return len(token) - surname_length(token) in (1, 2)


#: A name standing alone (no role word by it) is clearly one from this many characters on
#: (a surname and two): a two-character one is as often a title's last word.
MIN_CLEAR_NAME = 3


def is_clear_name(name: str) -> bool:
    """Whether a name standing alone, with no role word by it, is clearly a person's: at
    least ``MIN_CLEAR_NAME`` characters after a common surname or a compound one, so that
    a piece of a title after a rarer surname of the table (``惠民生``, ``康保障``) is not
    taken for one.  (The shape itself is :func:`is_person_name`'s to check.)"""
    return len(name) >= MIN_CLEAR_NAME and (
        name[0] in COMMON_SURNAMES or surname_length(name) == 2)


def name_a_character_a_line(first: str, second: str) -> str | None:
    """The two-character name a tool printed a character a line (``张`` / ``新``): the two
    lines, each one Han character, joined, if that is a person's name; else None."""
    a, b = first.strip(), second.strip()
    if len(a) == 1 == len(b) and is_han(a) and is_han(b) and is_person_name(a + b):
        return a + b
    return None


def split_run_together(run: str, known: frozenset[str] = frozenset()) -> list[str] | None:
    """Split names printed without spaces (``史书杰刘初郭昕``) into names, or None.

    Every piece must start with a surname and be 2–3 characters (3–4 after a compound
    surname).  Among the possible splits the one with the most ``known`` names (names
    seen elsewhere on the page) and rarer compound surnames, and the fewest pieces that
    start with an uncommon surname, wins; then the one with the fewest pieces, then the
    earliest-longest — so the choice is deterministic.
    """
    n = len(run)
    if n < 2 or not surname_length(run) or not _all_han.fullmatch(run):
        return None  # the first piece must start with a surname: no split can work
    best: dict[int, tuple[int, int, list[str]] | None] = {n: (0, 0, [])}
    for i in range(n - 1, -1, -1):
        options: list[tuple[int, int, list[str]]] = []
        slen = surname_length(run[i:])
        if slen:
            for given in (1, 2):
                j = i + slen + given
                tail = best.get(j)
                if j <= n and tail is not None and is_name(run[i:j]):
                    piece = run[i:j]
                    # a known name, or a rarer compound surname, is evidence for a split;
                    # a piece that starts with an uncommon single surname is evidence against
                    score = (tail[0] + (1 if piece in known else 0) + (1 if slen == 2 else 0)
                             - (1 if slen == 1 and piece[0] not in COMMON_SURNAMES else 0))
                    options.append((score, tail[1] - 1, [piece, *tail[2]]))
        best[i] = max(options, key=lambda o: (o[0], o[1], [len(p) for p in o[2]])) if options else None
    found = best[0]
    return found[2] if found is not None else None


def _merge_pieces(tokens: list[str]) -> list[str]:
    """Put back together the pieces of names that padding or a line break set apart:
    ``曹 敏`` (two single characters: a two-character name padded to the width of three),
    ``曾志 光`` and ``张 武扬`` (one character cut off a three-character name)."""
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if len(token) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            merged.append(token + tokens[i + 1])
            i += 2
            continue
        if len(token) == 1 and _all_han.fullmatch(token):
            if merged and len(merged[-1]) == 2 and is_name(merged[-1] + token):
                merged[-1] += token
                i += 1
                continue
            if i + 1 < len(tokens) and len(tokens[i + 1]) == 2 and is_name(token + tokens[i + 1]):
                merged.append(token + tokens[i + 1])
                i += 2
                continue
        merged.append(token)
        i += 1
    return merged


def split_names(segment: str, known: frozenset[str] = frozenset(), *,
                run_together: bool = True) -> list[str] | None:
    """Split a printed list of names into names, or None if it is not a list of names.

    Handles padding spaces (``曹 敏 曾 文 陈开宝`` gives 曹敏, 曾文, 陈开宝), separators
    (``、`` ``，`` ``/``), a name cut in two (``曾志 光``) and, unless ``run_together`` is
    false, names run together (see :func:`split_run_together`).
    """
    tokens = [t for t in _split_re.split(segment.strip()) if t]
    if not tokens:
        return None
    names: list[str] = []
    for token in _merge_pieces(tokens):
        if is_name(token) and (len(token) <= 3 or surname_length(token) == 2 or token in known):
            names.append(token)
            continue
        pieces = split_run_together(token, known) if run_together else None
        if pieces is None:
            return None
        names.extend(pieces)
    return names


#: A photo credit at the end of a text: ``X 摄``, ``（X 摄）``, ``记者 X 摄``, ``X/摄``,
#: ``图/X`` (and ``图/文 X``, pictures and text by X, whose 文 is no part of the name); at
#: the start of the text, or after a closed sentence or a space (the caption before it).
_CREDIT_NAMES = r"\p{Han}{1,4}(?:[ \u3000、]+\p{Han}{1,4}){0,5}"
_photo_credit_re = regex.compile(
    r"(?:^|(?<=[。！？!?…”’」』）)\s]))(?P<credit>[（(]?\s*(?:(?:" + CREDIT_ROLE + r"\s*)?"
    f"(?P<names>{_CREDIT_NAMES})" r"\s*[/／]?\s*摄|图\s*[/／]\s*(?:文(?:\s*[/／]\s*|\s+))?"
    f"(?P<pictured>{_CREDIT_NAMES}))" r"\s*[）)]?)\s*$")


#: What may follow a photo credit's last character: white space (``regex``'s ``\s``) and
#: a closing bracket.
_CREDIT_TAIL = WHITE_CHARS + "）)"


def photo_credit(text: str) -> tuple[int, tuple[str, ...]] | None:
    """Where a photo credit ends ``text``: the offset it starts at and its names, or None.

    ``学生献花。（李杰 摄）`` gives ``(5, ("李杰",))``; a whole line ``本报记者 韩　军 摄``
    gives ``(0, ("韩军",))``; ``职工们在车间忙碌。图/李彪`` gives ``(9, ("李彪",))``.
    The names must be names (:func:`split_names`).
    """
    if "摄" not in text and "图" not in text:
        return None
    # a credit ends on 摄 or a name's last character (then maybe a bracket and spaces): a
    # text ending on anything else holds none (a quick look: the search tries every start)
    last = text.rstrip(_CREDIT_TAIL)[-1:]
    if not last or not is_han(last):
        return None
    match = _photo_credit_re.search(text)
    if match is None or (match["names"] or "").endswith("拍"):
        return None  # (…拍摄: the verb, not a credit)
    names = split_names(match["names"] or match["pictured"])
    return (match.start("credit"), tuple(names)) if names else None
