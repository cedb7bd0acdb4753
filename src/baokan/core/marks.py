"""The marks: every sign one heuristic leaves for another, declared once, with its meaning.

Heuristics talk to one another only through what they leave on the working document:
the *kind* of a block (:class:`Kind`), *tags* on a block (:class:`Tag`), *article
flags* (:class:`ArticleFlag`, tags ``flag:<name>`` that reach
:attr:`baokan.models.Article.flags`), *document flags* (:class:`DocumentFlag`, which
reach :attr:`baokan.models.Issue.flags`), and *stages* (:class:`Stage`: what a step
has made of the document as a whole — lines joined into paragraphs, blocks grouped
into articles — including the block fields ``level`` and ``article`` and the
document's ``meta``).  Each of these is a :class:`Mark`, declared here with a one-line
meaning; a heuristic's ``requires``, ``reads``, ``accepts`` and ``provides`` name marks
(see :func:`baokan.heuristic`), and building a profile checks their order.

The constants of the namespaces below are plain strings (``Kind.PARAGRAPH ==
"paragraph"``), so that comparing a block's kind or looking a tag up costs what it
always cost; :func:`get_mark` gives the declared :class:`Mark` of a name.

A third-party heuristic that leaves a mark of its own declares it first::

    SHOUTED = declare_mark("shouted", TAG, "a paragraph that ends with a mark (an example)")

A mark's name is unique across categories; the names of article flags start with
``flag:``, and no other name does.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from baokan.errors import MarkError, UnknownMarkError

STAGE = "stage"
"""The category of marks that say what a step has made of the whole document."""
KIND = "kind"
"""The category of block kinds (:attr:`baokan.Block.kind`)."""
TAG = "tag"
"""The category of block tags (:attr:`baokan.Block.tags`)."""
ARTICLE_FLAG = "article-flag"
"""The category of article flags: tags ``flag:<name>`` that reach ``Article.flags``."""
DOCUMENT_FLAG = "document-flag"
"""The category of document flags (:attr:`baokan.Document.flags`), reported in ``Issue.flags``."""

CATEGORIES = (STAGE, KIND, TAG, ARTICLE_FLAG, DOCUMENT_FLAG)
"""Every category of mark, in the order the documentation lists them."""

FLAG_PREFIX = "flag:"
"""What the name of an article flag, a tag on the article's first block, starts with."""


@attrs.frozen(slots=True, eq=False)
class Mark:
    """A declared mark: its ``name`` (what a block or document carries), its ``category``
    (one of :data:`CATEGORIES`) and its ``meaning`` in one line.

    There is one Mark object for each declared name (:func:`declare_mark` returns the one
    declared before), so marks compare and hash by identity, as fast as sets of them
    need to be: a profile's order is checked every time it is built.
    """

    name: str
    category: str
    meaning: str = attrs.field(repr=False)

    def __str__(self) -> str:
        return self.name


_MARKS: dict[str, Mark] = {}


def declare_mark(name: str, category: str, meaning: str) -> Mark:
    """Declare the mark ``name`` of ``category`` and return it.

    Declaring a mark again with the same category and meaning returns the mark already
    declared (a module imported twice); any other clash raises :class:`MarkError`.
    """
    if category not in CATEGORIES:
        raise MarkError(f"mark {name!r}: no category {category!r}; "
                        f"the categories are {', '.join(CATEGORIES)}")
    if not name or name != name.strip():
        raise MarkError(f"mark {name!r}: a name must be non-empty, with no surrounding space")
    if (category == ARTICLE_FLAG) != name.startswith(FLAG_PREFIX):
        raise MarkError(f"mark {name!r}: the names of article flags, and only they, "
                        f"start with {FLAG_PREFIX!r}")
    if not meaning.strip():
        raise MarkError(f"mark {name!r}: give its meaning in one line")
    existing = _MARKS.get(name)
    if existing is not None:
        if (existing.category, existing.meaning) != (category, meaning.strip()):
            raise MarkError(f"a mark named {name!r} is already declared, as a {existing.category}: "
                            f"{existing.meaning}")
        return existing
    mark = _MARKS[name] = Mark(name, category, meaning.strip())
    return mark


def get_mark(name: str | Mark) -> Mark:
    """The declared mark called ``name``; :class:`UnknownMarkError` if there is none."""
    if isinstance(name, Mark):
        if _MARKS.get(name.name) is not name:
            raise UnknownMarkError(f"mark {name.name!r} is not declared (declare_mark declares it)")
        return name
    try:
        return _MARKS[name]
    except KeyError:
        raise UnknownMarkError(
            f"no mark named {name!r} is declared; declare it with baokan.declare_mark(name, "
            f"category, meaning) before a heuristic names it") from None


def declared_marks(category: str | None = None) -> list[Mark]:
    """Every declared mark (of ``category`` if given), in the order of declaration."""
    return [m for m in _MARKS.values() if category is None or m.category == category]


def resolve_marks(names: Iterable[str | Mark]) -> frozenset[Mark]:
    """The declared marks that ``names`` (names or marks) name; a bare string is one name."""
    if isinstance(names, str):
        names = (names,)
    return frozenset(get_mark(n) for n in names)


def _builtin(name: str, category: str, meaning: str) -> str:
    return declare_mark(name, category, meaning).name


class Stage:
    """What a step has made of the document as a whole (``requires``/``provides`` name them)."""

    LINES = _builtin("lines", STAGE, "the dump's non-blank lines as TEXT blocks (every document "
                     "starts with it)")
    DECODED_TEXT = _builtin("decoded-text", STAGE, "lines of mojibake re-decoded")
    TEXT_LAYER = _builtin("text-layer", STAGE, "a text layer that is not text recognised "
                          "(flagged, its text dropped)")
    COLUMNS_READ = _builtin("columns-read", STAGE, "columns printed side by side read one after "
                            "another")
    COLUMNS_SEPARATED = _builtin("columns-separated", STAGE, "the lines of columns a converter "
                                 "read row by row separated, column after column")
    CLEAN_TEXT = _builtin("clean-text", STAGE, "extraction garbage (U+FFFD, control and zero-width "
                          "characters) removed")
    VERTICAL_TEXT = _builtin("vertical-text", STAGE, "vertical text printed a character a line "
                             "joined into lines")
    HEADINGS = _builtin("headings", STAGE, "markdown heading levels read into Block.level")
    MASTHEAD = _builtin("masthead", STAGE, "the page label, date and paper name read into "
                        "Document.meta")
    NON_NEWS = _builtin("non-news", STAGE, "notices, advertisements and tables dropped (and a page "
                        "of nothing else emptied)")
    BYLINES = _builtin("bylines", STAGE, "bylines, datelines and photo credits found, their names "
                       "parsed into Block.bylines")
    FURNITURE = _builtin("furniture", STAGE, "page furniture dropped, editor marks split off")
    PARAGRAPHS = _builtin("paragraphs", STAGE, "the lines of a paragraph joined into one block")
    TITLES = _builtin("titles", STAGE, "every body block is a TITLE or a PARAGRAPH")
    CAPTIONS = _builtin("captions", STAGE, "photo captions found")
    PUNCTUATION = _builtin("punctuation", STAGE, "half-width punctuation in Chinese text made "
                           "full-width")
    SPACING = _builtin("spacing", STAGE, "layout spaces between Chinese characters removed")
    DEDUPLICATED = _builtin("deduplicated", STAGE, "paragraphs printed twice kept once")
    ARTICLES = _builtin("articles", STAGE, "blocks grouped into articles (Block.article) and title "
                        "lines given their roles")
    READING_ORDER = _builtin("reading-order", STAGE, "body text a converter interleaved put back "
                             "in reading order")


class Kind:
    """The kinds a block can have.  A heuristic that needs another declares it with
    :func:`declare_mark` (category :data:`KIND`)."""

    TEXT = _builtin("text", KIND, "a line or run of lines not yet classified")
    PARAGRAPH = _builtin("paragraph", KIND, "a body paragraph")
    TITLE = _builtin("title", KIND, "a title-like line whose role (headline, subhead…) is not yet "
                     "decided")
    HEADLINE = _builtin("headline", KIND, "an article's headline")
    KICKER = _builtin("kicker", KIND, "the line over a headline (引题)")
    SUBTITLE = _builtin("subtitle", KIND, "the line under a headline (副题)")
    COLUMN = _builtin("column", KIND, "the name of a column or series the article belongs to")
    SUBHEAD = _builtin("subhead", KIND, "a title inside an article's body (小标题)")
    BYLINE = _builtin("byline", KIND, "the names of who wrote an article, with their roles")
    DATELINE = _builtin("dateline", KIND, "the dateline word that opens a brief (本报讯)")
    CAPTION = _builtin("caption", KIND, "a photo caption")
    CREDIT = _builtin("credit", KIND, "a photo credit (李杰 摄)")
    EDITOR_MARK = _builtin("editor_mark", KIND, "a page or editor code (②27), which ends an article")

    #: kinds that hold body text and may be joined or moved as body
    BODY = frozenset({TEXT, PARAGRAPH})
    #: kinds that are titles of some sort
    TITLES = frozenset({TITLE, HEADLINE, KICKER, SUBTITLE, COLUMN, SUBHEAD})


class Tag:
    """The tags a block can carry (:attr:`baokan.Block.tags`)."""

    OPENING = _builtin("opening", TAG, "a byline at the head of an article: it opens one")
    CLOSING = _builtin("closing", TAG, "a byline in brackets after a body: it ends the article")
    AFFILIATION = _builtin("affiliation", TAG, "an author's affiliation (作者单位…): it ends a body "
                           "like a closing byline")
    AFTER_DATELINE = _builtin("after_dateline", TAG, "the body text split off a dateline's line "
                              "(本报讯 …)")
    GARBAGE_BOUNDARY = _builtin("garbage_boundary", TAG, "a piece of a line split at a run of "
                                "garbage characters: a break that lines are not joined across")
    STARTS_INDENTED = _builtin("starts:indented", TAG, "a paragraph whose first printed line is "
                               "indented: a paragraph starts there")
    STARTS_CONTINUED = _builtin("starts:continued", TAG, "a paragraph whose first printed line is "
                                "as wide as the column: it goes on with a sentence begun elsewhere")
    STARTS_FLUSH = _builtin("starts:flush", TAG, "a paragraph cut off the one before it inside "
                            "one line of the dump (a converter's text block) where a closed "
                            "line stops short of the column and the next is as wide as it: a "
                            "paragraph of the same story starts there, unindented; or a "
                            "paragraph after a line that stops short on a clause's mark "
                            "(；：): the next item of a list")
    VERTICAL = _builtin("vertical", TAG, "a line of vertical text joined from one-character lines "
                        "(a headline)")
    CREDITED = _builtin("credited", TAG, "a caption found over a photo credit")
    RESUMED = _builtin("resumed", TAG, "a paragraph joined with its continuation after an "
                       "interruption")
    DISPLACED = _builtin("displaced", TAG, "a paragraph that interrupted another one, sent to "
                         "its own article")
    PROSE = _builtin("prose", TAG, "body text re-joined from lines the tool printed apart like "
                     "titles, or a paragraph wrapped over lines of the column that ends on "
                     "a colon: never a title")
    DRAWN_TWICE = _builtin("drawn_twice", TAG, "a line the tool printed twice in a row, the copy "
                           "dropped: drawn twice (fake bold), in a headline's type")


class ArticleFlag:
    """Flags of an article: tags ``flag:<name>`` on its first block, which ``assemble``
    turns into :attr:`baokan.models.Article.flags` (without the prefix)."""

    INTERLEAVED = _builtin("flag:interleaved", ARTICLE_FLAG, "the article's text was interleaved "
                           "with others' and put back together")
    TRUNCATED_START = _builtin("flag:truncated_start", ARTICLE_FLAG, "the article's body starts "
                               "mid-sentence: its beginning is not on the page")
    TRUNCATED_END = _builtin("flag:truncated_end", ARTICLE_FLAG, "the article's body goes on on "
                             "another page (a jump line 下转第N版 stood after it)")
    PHOTO = _builtin("flag:photo", ARTICLE_FLAG, "a photo and its caption, with no body text")
    HEADLINE_AFTER_BODY = _builtin("flag:headline_after_body", ARTICLE_FLAG, "the article's "
                                   "titles were printed after its body")


class DocumentFlag:
    """Flags of the whole page (:attr:`baokan.Document.flags`), reported in ``Issue.flags``."""

    NOT_TEXT = _builtin("not_text", DOCUMENT_FLAG, "the page's text layer is not text; nothing "
                        "was parsed")
    BINARY = _builtin("binary", DOCUMENT_FLAG, "the input is binary data, not a dump (set by "
                      "parse itself, before any heuristic)")
