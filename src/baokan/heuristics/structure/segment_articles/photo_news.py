"""Photo news: a picture in a cell of its own (a credited caption, perhaps a short
head), told from an article's own picture.
"""

from __future__ import annotations

from baokan.core.document import Block, Kind
from baokan.core.marks import Tag
from baokan.core.text import BigramMemo, bigrams, ends_paragraph
from baokan.heuristics.structure.segment_articles.article import _Article, _PageGrams, overlap
from baokan.heuristics.structure.segment_articles.title_roles import (
    STRAY_NAMED_OVERLAP,
    STRAY_NAMING_MARGIN,
    _own_title_line,
)

#: The most title lines a photo news's head has (a headline and a kicker or subtitle):
#: a longer run over a caption is an article's head, read by the other cues.
MAX_PHOTO_TITLE_LINES = 2

#: A run of at least this many credited captions ahead of every story is pictures the
#: tool printed first (it draws a page's photos and captions before its text): they go
#: with the page's first story rather than stand as one caption-only piece, which is no
#: article (the dump gives no cue to whose pictures they are; on the synthetic pages
#: such a run is several stories' pictures, and as one piece it matches none of them).
#: One credited caption ahead of the stories may be a photo news of its own (a picture
#: in a cell of its own at the page's top: as often as a story's picture there), and stays.
PICTURE_RUN_CREDITS = 2

#: A caption of such a run goes to the story that names it instead (a picture's caption
#: repeats its story's names, places and topic): that story's head and body hold at least
#: this share of the caption's bigrams, as a body names a title line of its own
#: (:data:`STRAY_NAMED_OVERLAP`), ...
CAPTION_NAMED_OVERLAP = STRAY_NAMED_OVERLAP
#: ... by this much more than any other story of the page (:data:`STRAY_NAMING_MARGIN`:
#: a caption shares a word or two with any story), and no other body names most of it
#: (:func:`_own_title_line`).  A caption that names no story so clearly goes with the
#: first story, as the run does.
CAPTION_NAMING_MARGIN = STRAY_NAMING_MARGIN


def _photo_news_beside(cur: _Article, caption: Block, blocks: list[Block], index: int) -> bool:
    """Whether a credited caption met inside an open article's body is a photo news of its
    own (a picture in a cell of its own, printed after the body beside it), not that
    article's picture: the body has begun and its last paragraph closed its sentence (a
    picture set inside a body sits before it, under the byline, or cuts a sentence where
    a column ends).  A caption with no credit (``咸宁市医保志愿服务队``) names its
    article's picture."""
    last = next((b for b in reversed(cur.body) if b.kind == Kind.PARAGRAPH), None)
    if last is None or not ends_paragraph(last.text):
        return False
    after = next((blocks[j] for j in range(index + 1, len(blocks))
                  if blocks[j].kind != Kind.CREDIT), None)
    return _picture_cell(caption, after)


def _picture_cell(caption: Block, after: Block | None) -> bool:
    """Whether ``caption`` is a picture in a cell of its own: a credited caption that
    closes its sentence, with another head or the page's end (``after`` is None) past it
    and its credit; a story's own picture, or a subhead's, has paragraphs after it."""
    return Tag.CREDITED in caption.tags and ends_paragraph(caption.text) \
        and (after is None or after.kind == Kind.TITLE)


def _heads_photo_news(cur: _Article, titles: list[Block], extras: list[Block],
                      after: Block | None) -> bool:
    """Whether title lines met inside a body that has begun head a photo news of their
    own (a picture in a cell of its own: a title, a caption and a credit, no body), not a
    subhead of that body: a credited caption (``…。`` over ``X 摄``) follows them right
    away, no byline or dateline among them, and ``after`` (the block past the caption and
    its credit) is another title or the page's end.  A subhead heads paragraphs of its
    section: one with none under it but a picture is no subhead.  Example: ``…长期蒙冤
    受屈。`` / ``古城新貌`` / ``夜色中的古城墙。`` / ``（王五 摄）`` / the next story's
    head."""
    if len(titles) > MAX_PHOTO_TITLE_LINES or not extras or extras[0].kind != Kind.CAPTION \
            or any(b.opens_article for b in extras) or not _picture_cell(extras[0], after):
        return False
    return any(b.kind == Kind.PARAGRAPH for b in cur.body)


def _pictures_before_stories(arts: list[_Article]) -> int:
    """How many of the first ``arts`` are pictures printed ahead of every story, to go
    with the first story after them (0 where none do): pieces with no title and no
    paragraph (captions and their credits only) before the first article with a title or
    a body, holding a run of ``PICTURE_RUN_CREDITS`` credited captions or more.  Example:
    ``游客在新修的步道上骑行健身。`` / ``李四 摄`` / ``清晨，市民在湖边打太极拳。`` /
    ``王六 摄`` / the first story's head ``河畔公园改造完工``."""
    lead = 0
    while lead < len(arts) and not arts[lead].has_title() \
            and not any(b.kind == Kind.PARAGRAPH for b in arts[lead].body):
        lead += 1
    if lead == len(arts):
        return 0  # no story on the page for them to go with
    credited = sum(1 for a in arts[:lead] for b in a.all_extras()
                   if b.kind == Kind.CAPTION and Tag.CREDITED in b.tags)
    return lead if credited >= PICTURE_RUN_CREDITS else 0


def _picture_units(pictures: list[Block]) -> list[list[Block]]:
    """The blocks of a run of pictures cut into one list per caption: each caption with
    the credit and other blocks after it up to the next caption (those before the first
    caption go with it).  Example: ``游客在步道上骑行。`` / ``李四 摄`` / ``市民打太极拳。``
    / ``王六 摄`` is two units of two blocks."""
    units: list[list[Block]] = []
    for block in pictures:
        if block.kind == Kind.CAPTION and units and any(b.kind == Kind.CAPTION
                                                        for b in units[-1]):
            units.append([block])
        elif units:
            units[-1].append(block)
        else:
            units.append([block])
    return units


def _named_stories(units: list[list[Block]], stories: list[_Article],
                   memo: BigramMemo) -> list[int | None]:
    """For each unit of a run of pictures (:func:`_picture_units`), the index in
    ``stories`` of the story its caption names, or None where it names none clearly: the
    story's head and body hold :data:`CAPTION_NAMED_OVERLAP` of the caption's bigrams and
    :data:`CAPTION_NAMING_MARGIN` more than any other story's, and the caption is that
    body's own (:func:`_own_title_line`: no other body names most of it).  Example: the
    caption ``工人在老城菜场安装新货架。`` names the second story, ``老城菜场换新颜``
    (its body: ``…老城菜场重新开门迎客，工人为摊位安装了新货架。``), not the first,
    ``河畔公园改造完工``, printed right after the run."""
    own = [set(memo.of_joined(a.body_parts())) | bigrams(_head_text(a)) for a in stories]
    # the page's bodies counted on copies: a story's own bigrams are kept only once its
    # body is settled (:meth:`_Article.body_grams`), after the walk's passes
    page = _PageGrams([_Article(body=list(a.body)) for a in stories], memo)
    named: list[int | None] = []
    for unit in units:
        text = "".join(b.text for b in unit if b.kind == Kind.CAPTION)
        scores = sorted(((overlap(text, grams), -k) for k, grams in enumerate(own)),
                        reverse=True)
        best, neg = scores[0]
        runner = scores[1][0] if len(scores) > 1 else 0.0
        clear = best >= CAPTION_NAMED_OVERLAP and best - runner >= CAPTION_NAMING_MARGIN \
            and _own_title_line(text, own[-neg], page)
        named.append(-neg if clear else None)
    return named


def _head_text(art: _Article) -> str:
    """The text of an article's title lines, as printed."""
    return "".join(t.text for g in art.groups for t in g.titles)
