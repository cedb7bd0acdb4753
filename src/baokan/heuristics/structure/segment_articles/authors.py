"""Authors' names printed under a title or beside a vertical title, made the bylines of
that title's article.
"""

from __future__ import annotations

from baokan.core.document import Block, BylineData, Kind, Recorder
from baokan.core.marks import Tag
from baokan.core.names import (
    COMMON_SURNAMES,
    is_clear_name,
    is_person_name,
    name_a_character_a_line,
    surname_length,
)
from baokan.core.spans import covering_span
from baokan.core.text import fold_letter_spacing_text

#: Names under a title are authors only below a line of title this long: names under
#: single characters are the characters of a title printed one a line.
MIN_TITLE_OVER_NAMES = 4


def _author_name(lines: list[Block], listed: bool = False) -> tuple[str, int, bool] | None:
    """The person's name the last line(s) of ``lines`` print, how many lines, and whether
    its shape alone says it is a name: a name alone (``陈曙光``, ``杨 静``), or a
    two-character name the tool gave a character a line (``张`` / ``新``).  ``listed``:
    the line stands over a name already found, in a list of authors, where a rarer
    surname of the table is taken too (``习亚哲`` over ``杨`` / ``静``)."""
    last = lines[-1]
    if last.level:
        return None
    text = fold_letter_spacing_text(last.text.strip())
    if is_person_name(text):
        spaced = text != last.text.strip()
        if not (listed or text[0] in COMMON_SURNAMES or surname_length(text) == 2):
            return None  # 惠民生, 简介: the end of a title, after a rare surname
        return text, 1, len(text) == 3 or spaced
    joined = name_a_character_a_line(lines[-2].text, text) \
        if len(lines) >= 2 and not lines[-2].level else None
    if joined is not None and joined[0] in COMMON_SURNAMES:
        return joined, 2, True
    return None


def _authors_under_title(titles: list[Block], *, lenient: bool = False,
                         ) -> tuple[list[Block], list[Block]]:
    """A title group's lines and the authors' names printed under them: the last lines
    that are each one person's name (``习亚哲`` / ``杨`` / ``静`` under
    ``不断优化公共经济责任配置``), printed above the body, are the bylines of a signed
    essay (role 作者).  A name alone must look like one (three characters after a common
    or a compound surname, or a name letter-spaced or a character a line), so that the
    end of a title (``惠民生``, ``简介``) is not taken for one; ``lenient`` (the last line
    of a head already known to stand over its body) takes any name of the surname table.
    At least one line of title is left above them."""
    names: list[Block] = []
    strong = 0
    plain = True  # every name printed as it is, on one line
    rest = list(titles)
    while len(rest) >= 2:
        found = _author_name(rest, listed=strong >= 1)
        if found is None:
            break
        name, count, shaped = found
        strong += shaped
        lines, rest = rest[-count:], rest[:-count]
        plain = plain and count == 1 and name == lines[0].text.strip()
        start, end = covering_span(lines)
        names.insert(0, lines[0].with_(
            text=name, kind=Kind.BYLINE, start=start, end=end,
            tags=lines[0].tags | {Tag.OPENING},
            bylines=(BylineData(names=(name,), role="作者"),)))
    convincing = strong >= 1 and (len(names) >= 2 or strong == len(names))
    if not names or not (convincing or (lenient and plain)) or not any(
            len(t.text.strip()) >= MIN_TITLE_OVER_NAMES for t in rest):
        return list(titles), []  # single characters over single characters: a vertical title
    return rest, names


def _name_beside_vertical_title(run: list[Block], rec: Recorder,
                                ) -> tuple[list[Block], list[Block]]:
    """A title run that starts with a vertical line holding one person's name, set beside
    a vertical title (the tool reads the columns of a vertical head left to right, the
    name's before the title's: ``欧阳辉`` / ``意气风发走进新时代``): the name is the author's
    byline (role 作者), put under the title.  The name must look like one (three
    characters or more after a common or a compound surname), as under a title."""
    if len(run) < 2 or "vertical" not in run[0].tags or "vertical" not in run[1].tags:
        return run, []
    name = "".join(run[0].text.split())
    if not (is_person_name(name) and is_clear_name(name)):
        return run, []
    rec.change("an author's name beside a vertical title", run[0].span, name)
    byline = run[0].with_(text=name, kind=Kind.BYLINE, tags=run[0].tags | {Tag.OPENING},
                          bylines=(BylineData(names=(name,), role="作者"),))
    return run[1:], [byline]


def _vertical_names_to_titles(blocks: list[Block], rec: Recorder) -> list[Block]:
    """An author's name set vertically that a tool read inside the body of a vertical
    title (at the height where it stands beside the text: ``解决好…问题`` / paragraphs /
    ``胡`` / ``海`` / ``岩`` / the same body going on) is that title's byline, not the
    opening of another article: moved to under the title.  Only a name tagged vertical,
    after a vertical title with nothing but paragraphs between (no byline yet)."""
    out: list[Block] = []
    head = -1  # where in ``out`` the last vertical title's run ends, while only body follows
    for block in blocks:
        if block.kind == Kind.BYLINE and head >= 0 and "vertical" in block.tags \
                and Tag.OPENING in block.tags and len(out) > head:
            rec.change("an author's name set beside a vertical title", block.span,
                       f"moved under the title at lines {out[head - 1].start}-{out[head - 1].end}")
            out.insert(head, block)
            head = -1
            continue
        out.append(block)
        if block.kind == Kind.TITLE and "vertical" in block.tags:
            head = len(out)
        elif block.kind == Kind.TITLE and head == len(out) - 1:
            head = len(out)  # a title line under the vertical one: the same head
        elif block.kind != Kind.PARAGRAPH:
            head = -1
    return out


def _find_authors_under_titles(blocks: list[Block], rec: Recorder) -> list[Block]:
    """Each run of title lines right above a body, with the authors' names printed under
    it made bylines (:func:`_authors_under_title`)."""
    out: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind == Kind.TITLE:
            run.append(block)
            continue
        if run and block is not None and block.kind == Kind.PARAGRAPH:
            run, beside = _name_beside_vertical_title(run, rec)
            titles, names = _authors_under_title(run)
            for name in names:
                rec.change("an author's name under a title", name.span, name.text)
            run = titles + names + beside
        out.extend(run)
        run = []
        if block is not None:
            out.append(block)
    return out
