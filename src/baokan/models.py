"""The public, typed results of a parse: :class:`Issue`, :class:`Article`, :class:`Byline`.

Every model is a frozen, slotted attrs class whose validators reject values that
cannot describe a printed page (an empty name, a byline without names, a paragraph
of white space, a subhead placed past the last paragraph).  ``Issue.to_dict()``
returns the JSON contract ``baokan.issue/1``; ``Issue.from_dict()`` reads it back.

The contract is written once: the models' fields, turned into JSON data and back by one
cattrs converter (at the bottom of this module), and ``schema.json`` beside it, the JSON
Schema of that data (:func:`json_schema`), which the tests hold both to.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any, get_args

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn_from_attrs, make_dict_unstructure_fn_from_attrs, override


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)

SCHEMA = "baokan.issue/1"
"""The schema name written into every serialised :class:`Issue`."""

Span = tuple[int, int]
"""A source line span: first and last line (1-based, inclusive) of the dump."""


def _span(value: Sequence[int]) -> Span:
    first, last = value  # (unpacked, then converted: every diagnostic of a page comes here)
    return (int(first), int(last))


def _check_span(_inst: object, attribute: attrs.Attribute[Span], value: Span) -> None:
    first, last = value
    if first < 0 or last < first:
        raise ValueError(f"{attribute.name} must be (first, last) with 0 <= first <= last, got {value!r}")


def _non_blank(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty or white space")


def _optional_non_blank(_inst: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not value.strip():
        raise ValueError(f"{attribute.name} must be None or a non-blank string")


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


@attrs.frozen(slots=True)
class Byline:
    """Who wrote, reported or photographed an article.

    ``role`` is normalised to one of ``记者``, ``通讯员``, ``摄影``, ``作者`` (or any role a
    paper prints that is not one of these), or ``None`` where the paper prints none;
    ``organization`` is kept as printed (``本报``, an affiliation); ``names`` are written
    without padding spaces; ``raw`` is the byline as it stood in the dump.
    """

    names: tuple[str, ...] = attrs.field(converter=_strs)
    role: str | None = attrs.field(default=None, validator=_optional_non_blank)
    organization: str | None = attrs.field(default=None, validator=_optional_non_blank)
    raw: str = ""

    @names.validator
    def _check_names(self, _attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        if not value:
            raise ValueError("a byline needs at least one name")
        for name in value:
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"a byline name must be a non-empty string, got {name!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return the byline as the JSON contract's byline object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Byline:
        """Read a byline from its JSON object."""
        return _CONVERTER.structure(data, cls)


@attrs.frozen(slots=True)
class Subhead:
    """A section heading inside an article body, placed before paragraph ``before``."""

    text: str = attrs.field(validator=_non_blank)
    before: int = attrs.field(validator=attrs.validators.ge(0))

    def to_dict(self) -> dict[str, Any]:
        """Return the subhead as its JSON object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Subhead:
        """Read a subhead from its JSON object."""
        return _CONVERTER.structure(data, cls)


@attrs.frozen(slots=True)
class Caption:
    """A photo caption and the name in its credit line (``李杰 摄`` gives ``李杰``)."""

    text: str = attrs.field(validator=_non_blank)
    credit: str | None = attrs.field(default=None, validator=_optional_non_blank)

    def to_dict(self) -> dict[str, Any]:
        """Return the caption as its JSON object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Caption:
        """Read a caption from its JSON object."""
        return _CONVERTER.structure(data, cls)


@attrs.frozen(slots=True)
class Diagnostic:
    """One change a heuristic made: which heuristic, what it did, to which source lines."""

    heuristic: str = attrs.field(validator=_non_blank)
    action: str = attrs.field(validator=_non_blank)
    lines: Span = attrs.field(converter=_span, validator=_check_span)
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnostic as its JSON object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Diagnostic:
        """Read a diagnostic from its JSON object."""
        return _CONVERTER.structure(data, cls)


@attrs.frozen(slots=True)
class Fragment:
    """Text of the page that belongs to no article found on it."""

    text: str = attrs.field(validator=_non_blank)
    source_lines: Span = attrs.field(converter=_span, validator=_check_span)

    def to_dict(self) -> dict[str, Any]:
        """Return the fragment as its JSON object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fragment:
        """Read a fragment from its JSON object."""
        return _CONVERTER.structure(data, cls)


@attrs.frozen(slots=True)
class Dropped:
    """Text a heuristic removed, with the reason (``duplicate``, ``garbage``, ``furniture``)."""

    text: str
    reason: str = attrs.field(validator=_non_blank)
    source_lines: Span = attrs.field(converter=_span, validator=_check_span)

    def to_dict(self) -> dict[str, Any]:
        """Return the dropped text as its JSON object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dropped:
        """Read dropped text from its JSON object."""
        return _CONVERTER.structure(data, cls)


@attrs.frozen(slots=True)
class SourceInfo:
    """Where a parse came from: path, detected encoding and confidence, SHA-256 of the bytes."""

    encoding: str
    confidence: float = attrs.field(converter=float, validator=[attrs.validators.ge(0.0),
                                                                 attrs.validators.le(1.0)])
    sha256: str
    replacement_chars: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the source information as its JSON object."""
        return _unstructure(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceInfo:
        """Read source information from its JSON object."""
        return _CONVERTER.structure(data, cls)


def _bylines(value: Iterable[Byline]) -> tuple[Byline, ...]:
    return tuple(value)


def _subheads(value: Iterable[Subhead]) -> tuple[Subhead, ...]:
    return tuple(value)


def _captions(value: Iterable[Caption]) -> tuple[Caption, ...]:
    return tuple(value)


def _fragments(value: Iterable[Fragment]) -> tuple[Fragment, ...]:
    return tuple(value)


def _dropped(value: Iterable[Dropped]) -> tuple[Dropped, ...]:
    return tuple(value)


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _short(text: str | None, width: int = 24) -> str | None:
    if text is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


@attrs.frozen(slots=True, repr=False)
class Article:
    """One article of the page: its titles, bylines and body in reading order.

    ``paragraphs`` hold the body, one string per printed paragraph, without subheads;
    ``subheads[i].before`` is the index of the paragraph a subhead stands before.
    ``source_lines`` is the span of dump lines the article was read from; ``flags``
    name what was unusual (``truncated_start``, ``headline_after_body``, ``interleaved``,
    ``photo``).
    """

    headline: str | None = attrs.field(default=None, validator=_optional_non_blank)
    kicker: str | None = attrs.field(default=None, validator=_optional_non_blank)
    subtitle: str | None = attrs.field(default=None, validator=_optional_non_blank)
    column: str | None = attrs.field(default=None, validator=_optional_non_blank)
    dateline: str | None = attrs.field(default=None, validator=_optional_non_blank)
    bylines: tuple[Byline, ...] = attrs.field(default=(), converter=_bylines)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    subheads: tuple[Subhead, ...] = attrs.field(default=(), converter=_subheads)
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_captions)
    editor_mark: str | None = attrs.field(default=None, validator=_optional_non_blank)
    source_lines: Span = attrs.field(default=(0, 0), converter=_span, validator=_check_span)
    flags: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    @paragraphs.validator
    def _check_paragraphs(self, _attribute: attrs.Attribute[tuple[str, ...]],
                          value: tuple[str, ...]) -> None:
        for i, paragraph in enumerate(value):
            if not isinstance(paragraph, str) or not paragraph.strip():
                raise ValueError(f"paragraph {i} is empty or white space")

    @subheads.validator
    def _check_subheads(self, _attribute: attrs.Attribute[tuple[Subhead, ...]],
                        value: tuple[Subhead, ...]) -> None:
        for subhead in value:
            if subhead.before > len(self.paragraphs):
                raise ValueError(f"subhead {subhead.text!r} stands before paragraph "
                                 f"{subhead.before}, but the article has {len(self.paragraphs)}")

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a newline."""
        return "\n".join(self.paragraphs)

    def __repr__(self) -> str:
        names = [n for b in self.bylines for n in b.names]
        return (f"Article(headline={self.headline!r}, kicker={_short(self.kicker)!r}, "
                f"subtitle={_short(self.subtitle)!r}, bylines={names!r}, "
                f"paragraphs={len(self.paragraphs)}, lines={self.source_lines[0]}-"
                f"{self.source_lines[1]}, flags={list(self.flags)!r})")

    def to_dict(self) -> dict[str, Any]:
        """Return the article as the JSON contract's article object."""
        return _unstructure(self)

    def to_markdown(self) -> str:
        """The article as Markdown: a ``##`` heading, the byline in italics, the body."""
        return "\n\n".join(_article_markdown(self)) + "\n"

    def to_text(self) -> str:
        """The article as plain text: titles, byline, paragraphs and captions, a line each."""
        return "\n".join(_article_text(self)) + "\n"

    def _repr_html_(self) -> str:
        """A compact, escaped HTML view for notebooks: titles, byline, first paragraph."""
        return f'<div class="baokan-article">{_article_html(self)}</div>'

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Read an article from its JSON object."""
        return _CONVERTER.structure(data, cls)


def _empty_article() -> dict[str, Any]:
    """The article keys of Issue.to_records' one record for an issue with no articles."""
    return {"column": None, "kicker": None, "headline": None, "subtitle": None,
            "dateline": None, "bylines": [], "paragraphs": [], "subheads": [], "captions": [],
            "editor_mark": None, "source_lines": None, "flags": []}


def _articles(value: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("flags must be a sequence of strings, not one string")
    return tuple(str(v) for v in value)


def _counts(value: Iterable[tuple[str, int]] | Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), int(n)) for k, n in items))


def _date(value: Any) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


@attrs.frozen(slots=True, repr=False)
class Issue:
    """The parse of one dump: page metadata, its articles, and an account of every change.

    Iterating over an Issue yields its articles.  ``fragments`` hold text of the page
    that belongs to no article on it; ``dropped`` holds every piece of text a heuristic
    removed and why; ``diagnostics`` every change any heuristic made.  ``flags`` are
    page-level findings: ``binary`` (the input was not a text file) and ``not_text`` (its
    text layer is symbol soup).  ``repairs`` counts, per heuristic, the changes it made
    (``("repair-mojibake", 3)``…), also when diagnostics are off.
    """

    source: SourceInfo
    profile: str
    articles: tuple[Article, ...] = attrs.field(default=(), converter=_articles)
    publication: str | None = None
    date: _dt.date | None = attrs.field(default=None, converter=_date)
    page: str | None = None
    fragments: tuple[Fragment, ...] = attrs.field(default=(), converter=_fragments)
    dropped: tuple[Dropped, ...] = attrs.field(default=(), converter=_dropped)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    flags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    repairs: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_counts)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        return (f"Issue(publication={self.publication!r}, date={self.date!r}, page={self.page!r}, "
                f"profile={self.profile!r}, articles={len(self.articles)}, "
                f"fragments={len(self.fragments)}, dropped={len(self.dropped)}, "
                f"diagnostics={len(self.diagnostics)})")

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract ``baokan.issue/1`` as plain Python data."""
        return _unstructure(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as JSON text, with Chinese characters unescaped."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        """Read an Issue back from :meth:`to_dict`'s output; reject another schema."""
        return _CONVERTER.structure(data, cls)

    @classmethod
    def from_json(cls, text: str) -> Issue:
        """Read an Issue from JSON text."""
        return cls.from_dict(json.loads(text))

    def to_markdown(self) -> str:
        """The issue as Markdown: a ``##`` heading per article, bylines in italics, captions
        as quotes; text that belongs to no article follows a ``---`` rule."""
        blocks = [block for article in self.articles for block in _article_markdown(article)]
        if self.fragments:
            blocks.append("---")
            blocks.extend(f.text for f in self.fragments)
        return "\n\n".join(blocks) + "\n"

    def to_text(self) -> str:
        """The issue as plain text: titles, byline and paragraphs, a blank line between
        articles, then the text that belongs to no article."""
        chunks = ["\n".join(_article_text(article)) for article in self.articles]
        chunks.extend(f.text for f in self.fragments)
        return "\n\n".join(chunks) + "\n"

    def to_tei(self) -> str:
        """The issue as a TEI XML document (P5): a ``teiHeader`` filled from the issue's
        metadata and source, and a ``<div type="article">`` per article with its
        ``<head>``, ``<byline>`` and ``<p>`` elements.  See :doc:`/contract`."""
        return _tei(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat record per article, carrying its issue's metadata (``publication``,
        ``date`` as a :class:`datetime.date`, ``page``, ``path``, ``profile``, ``sha256``)
        and its position ``index``, then the article's keys as :meth:`Article.to_dict`
        gives them.  An issue with no articles gives one record whose ``index`` and article
        keys are empty (``None``, ``[]``), so that it is not lost from a table.  These are
        the rows of :func:`baokan.to_arrow`."""
        meta: dict[str, Any] = {"publication": self.publication, "date": self.date,
                                "page": self.page, "path": self.source.path,
                                "profile": self.profile, "sha256": self.source.sha256}
        if not self.articles:
            return [{**meta, "index": None, **_empty_article()}]
        return [{**meta, "index": i, **a.to_dict()} for i, a in enumerate(self.articles)]

    def _repr_html_(self) -> str:
        """A compact, escaped HTML view for notebooks: the page's metadata, then each
        article's titles, byline and first paragraph."""
        return _issue_html(self)


# Reading views: Markdown, plain text, HTML for notebooks, TEI XML.  They live beside the
# models (and io.render calls them) so that the models import nothing above them.

def _byline_text(bylines: Iterable[Byline]) -> str:
    return "　".join(f"{b.organization or ''}{b.role or ''} {' '.join(b.names)}".strip()
                    for b in bylines)


def _body(article: Article, subhead: Callable[[str], str]) -> list[str]:
    """The paragraphs with each subhead (as ``subhead`` writes it) before its paragraph."""
    out: list[str] = []
    before: dict[int, list[str]] = {}
    for s in article.subheads:
        before.setdefault(s.before, []).append(s.text)
    for i, paragraph in enumerate(article.paragraphs):
        out.extend(subhead(text) for text in before.get(i, []))
        out.append(paragraph)
    out.extend(subhead(text) for text in before.get(len(article.paragraphs), []))
    return out


def _article_markdown(article: Article) -> list[str]:
    blocks: list[str] = []
    if article.column:
        blocks.append(f"【{article.column}】")
    if article.kicker:
        blocks.append(f"*{article.kicker}*")
    blocks.append(f"## {article.headline or '（无标题）'}")
    if article.subtitle:
        blocks.append(f"*{article.subtitle}*")
    if article.bylines:
        blocks.append(f"_{_byline_text(article.bylines)}_")
    body = _body(article, lambda text: f"### {text}")
    if body and article.dateline:
        body[0] = f"{article.dateline} {body[0]}"
    blocks.extend(body)
    for caption in article.captions:
        credit = f"（{caption.credit} 摄）" if caption.credit else ""
        blocks.append(f"> 图：{caption.text}{credit}")
    return blocks


def _article_text(article: Article) -> list[str]:
    lines = [t for t in (article.column, article.kicker, article.headline, article.subtitle) if t]
    if article.bylines:
        lines.append(_byline_text(article.bylines))
    lines.extend(_body(article, lambda text: text))
    lines.extend(c.text for c in article.captions)
    return lines


_HTML_PREVIEW = 120  # characters of the first paragraph an HTML view shows
_HTML_ARTICLES = 30  # articles an Issue's HTML view lists before "… and N more"


def _article_html(article: Article) -> str:
    esc = html.escape
    parts: list[str] = []
    over = " · ".join(t for t in (article.column, article.kicker) if t)
    if over:
        parts.append(f"<div><small>{esc(over)}</small></div>")
    parts.append(f"<div><b>{esc(article.headline or '（无标题）')}</b></div>")
    if article.subtitle:
        parts.append(f"<div><i>{esc(article.subtitle)}</i></div>")
    if article.bylines:
        parts.append(f"<div><i>{esc(_byline_text(article.bylines))}</i></div>")
    if article.paragraphs:
        first = article.paragraphs[0]
        if len(first) > _HTML_PREVIEW:
            first = first[:_HTML_PREVIEW] + "…"
        parts.append(f"<div>{esc(first)}</div>")
    flags = f", {esc(', '.join(article.flags))}" if article.flags else ""
    parts.append(f"<div><small>{len(article.paragraphs)} paragraphs, lines "
                 f"{article.source_lines[0]}–{article.source_lines[1]}{flags}</small></div>")
    return "".join(parts)


def _issue_html(issue: Issue) -> str:
    esc = html.escape
    title = " ".join(str(v) for v in (issue.publication, issue.date, issue.page) if v) or (
        issue.source.path or "(text)")
    flags = f", flags: {', '.join(issue.flags)}" if issue.flags else ""
    head = (f"<div><b>{esc(title)}</b> <small>profile {esc(issue.profile)}, "
            f"{len(issue.articles)} articles, {len(issue.fragments)} fragments, "
            f"{len(issue.dropped)} dropped{esc(flags)}</small></div>")
    items = "".join(f"<li>{_article_html(a)}</li>" for a in issue.articles[:_HTML_ARTICLES])
    more = len(issue.articles) - _HTML_ARTICLES
    rest = f"<div><small>… and {more} more articles</small></div>" if more > 0 else ""
    body = f"<ol>{items}</ol>" if items else ""
    return f'<div class="baokan-issue">{head}{body}{rest}</div>'


TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
"""The namespace of every element of :meth:`Issue.to_tei`'s output."""

# XML 1.0 cannot hold control characters (a pdftotext form feed) or lone surrogates
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _tei(issue: Issue) -> str:
    def element(parent: ET.Element, tag: str, text: str | None = None,
                **attributes: str) -> ET.Element:
        node = ET.SubElement(parent, tag, attributes)
        if text is not None:
            node.text = _NOT_XML.sub("", text)
        return node

    # unqualified names under a root that declares TEI's namespace as the default one
    root = ET.Element("TEI", xmlns=TEI_NAMESPACE)
    file_desc = element(element(root, "teiHeader"), "fileDesc")
    label = " ".join(str(v) for v in (issue.publication, issue.date, issue.page) if v)
    element(element(file_desc, "titleStmt"), "title", label or issue.source.path or "untitled")
    element(element(file_desc, "publicationStmt"), "p",
            f"Converted from a text dump by baokan (profile {issue.profile}).")
    bibl = element(element(file_desc, "sourceDesc"), "bibl")
    if issue.publication:
        element(bibl, "title", issue.publication, level="j")
    if issue.date:
        element(bibl, "date", issue.date.isoformat(), when=issue.date.isoformat())
    if issue.page:
        element(bibl, "biblScope", issue.page, unit="page")
    if issue.source.path:
        element(bibl, "idno", issue.source.path, type="path")
    element(bibl, "idno", issue.source.sha256, type="sha256")
    body = element(element(root, "text"), "body")
    for n, article in enumerate(issue.articles, 1):
        div = element(body, "div", type="article", n=str(n))
        for kind, value in (("column", article.column), ("kicker", article.kicker)):
            if value:
                element(div, "head", value, type=kind)
        if article.headline:
            element(div, "head", article.headline)
        if article.subtitle:
            element(div, "head", article.subtitle, type="sub")
        for byline in article.bylines:
            element(div, "byline", _byline_text((byline,)))
        if article.dateline:
            element(div, "dateline", article.dateline)
        before: dict[int, list[str]] = {}
        for s in article.subheads:
            before.setdefault(s.before, []).append(s.text)
        section = div
        for i, paragraph in enumerate(article.paragraphs):
            for text in before.get(i, []):
                section = element(div, "div", type="section")
                element(section, "head", text)
            element(section, "p", paragraph)
        for text in before.get(len(article.paragraphs), []):
            element(element(div, "div", type="section"), "head", text)
        for caption in article.captions:
            figure = element(div, "figure")
            element(figure, "figDesc", caption.text)
            if caption.credit:
                element(figure, "note", caption.credit, type="credit")
        if article.editor_mark:
            element(div, "note", article.editor_mark, type="editor")
    if issue.fragments:
        rest = element(body, "div", type="fragments")
        for fragment in issue.fragments:
            element(rest, "p", fragment.text)
    if not len(body):
        element(body, "p")  # TEI's body may not be empty
    ET.indent(root, space=" ")
    text = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of ``baokan.issue/1``.

    It ships in the package as ``baokan/schema.json``: every object of the contract, its
    keys (all of them required, no others allowed), their types and which may be null.
    What a schema cannot say (a span's first line before its last, a subhead within its
    article, a real calendar date) is checked by :func:`baokan.contract.contract_problems`.
    """
    text = resources.files("baokan").joinpath("schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# The contract, once: one cattrs converter turns every model into the JSON data of
# ``baokan.issue/1`` and back.  Spans and tuples become lists, dates ISO strings, None
# stays null; counts (``Issue.repairs``) are an object; ``Issue`` adds its ``schema`` key
# first.
# Reading is lenient as ``from_dict`` always was: values go through ``str``/``int``/
# ``float``, a missing, null or empty value of a field that has a default takes the
# default, other keys are ignored; the models' validators then reject nonsense.

_Counts = tuple[tuple[str, int], ...]
"""Counts by name (``Issue.repairs``): a ``{name: count}`` object in JSON."""

_MODELS: tuple[type, ...] = (Byline, Subhead, Caption, Diagnostic, Fragment, Dropped,
                             SourceInfo, Article, Issue)

_KEY_ORDER: dict[type, tuple[str, ...]] = {
    # where the JSON's key order is not the order of the fields (which the positional
    # arguments of the constructors follow); "schema" comes before Issue's keys
    Byline: ("role", "organization", "names", "raw"),
    SourceInfo: ("path", "encoding", "confidence", "sha256", "replacement_chars"),
    Article: ("column", "kicker", "headline", "subtitle", "dateline", "bylines", "paragraphs",
              "subheads", "captions", "editor_mark", "source_lines", "flags"),
    Issue: ("publication", "date", "page", "source", "profile", "articles", "fragments",
            "dropped", "diagnostics", "flags", "repairs"),
}


def _json_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of a model in the order of its JSON object's keys."""
    fields = {a.name: a for a in attrs.fields(attrs.resolve_types(cls))}
    order = _KEY_ORDER.get(cls, tuple(fields))
    if sorted(order) != sorted(fields):
        raise TypeError(f"the JSON keys of {cls.__name__} must name each of its fields once")
    return [fields[name] for name in order]


def _nullable(type_: Any) -> bool:
    return type(None) in get_args(type_)


def _or_default(hook: Callable[[Any, Any], Any], default: Any) -> Callable[[Any, Any], Any]:
    def structure(value: Any, type_: Any) -> Any:
        return hook(value, type_) if value else default
    return structure


def _unstructure_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    to_data: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn_from_attrs(
        _json_fields(cls), cls, converter)
    if cls is not Issue:
        return to_data

    def issue_to_data(issue: Issue) -> dict[str, Any]:
        return {"schema": SCHEMA, **to_data(issue)}
    return issue_to_data


def _structure_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    fields = _json_fields(cls)
    overrides: dict[str, Any] = {
        field.name: override(struct_hook=_or_default(converter.get_structure_hook(field.type),
                                                     field.default))
        for field in fields if field.default is not attrs.NOTHING and not _nullable(field.type)}
    from_data: Callable[[Any, Any], Any] = make_dict_structure_fn_from_attrs(
        fields, cls, converter, _cattrs_detailed_validation=False, **overrides)

    def structure(data: Any, type_: Any) -> Any:
        if not isinstance(data, Mapping):
            raise TypeError(f"{cls.__name__} is read from an object, not {type(data).__name__}")
        if cls is Issue and data.get("schema") != SCHEMA:
            raise ValueError(f"expected schema {SCHEMA!r}, got {data.get('schema')!r}")
        return from_data(data, type_)
    return structure


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list},
                                 detailed_validation=False)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    # spelt out only to spare a call per value: strings and null are written as they are
    converter.register_unstructure_hook_func(lambda type_: type_ == (str | None), identity)
    converter.register_unstructure_hook_func(lambda type_: type_ == Span, list)
    converter.register_unstructure_hook_func(lambda type_: type_ == _Counts, dict)
    converter.register_structure_hook(_dt.date, lambda value, _type: _date(value))
    converter.register_structure_hook_func(lambda type_: type_ == Span, lambda value, _type: _span(value))
    converter.register_structure_hook_func(lambda type_: type_ == _Counts,
                                           lambda value, _type: _counts(value))
    converter.register_unstructure_hook_factory(lambda type_: type_ in _MODELS, _unstructure_hook)
    converter.register_structure_hook_factory(lambda type_: type_ in _MODELS, _structure_hook)
    return converter


_CONVERTER = _make_converter()


def _unstructure(model: object) -> dict[str, Any]:
    data: dict[str, Any] = _CONVERTER.unstructure(model)
    return data
