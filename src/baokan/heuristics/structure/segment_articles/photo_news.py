"""Photo news: a picture in a cell of its own (a credited caption, perhaps a short
head), told from an article's own picture.
"""

from __future__ import annotations

from baokan.core.document import Block, Kind
from baokan.core.marks import Tag
from baokan.core.text import ends_paragraph
from baokan.heuristics.structure.segment_articles.article import _Article

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
