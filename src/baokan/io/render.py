"""Render an Issue as Markdown or plain text, for reading."""

from __future__ import annotations

from baokan.models import Article, Issue


def _byline_text(article: Article) -> str:
    parts = []
    for b in article.bylines:
        who = " ".join(b.names)
        parts.append(f"{b.organization or ''}{b.role or ''} {who}".strip())
    return "　".join(parts)


def _body(article: Article) -> list[str]:
    out: list[str] = []
    subheads: dict[int, list[str]] = {}
    for s in article.subheads:
        subheads.setdefault(s.before, []).append(s.text)
    for i, paragraph in enumerate(article.paragraphs):
        for text in subheads.get(i, []):
            out.append(f"### {text}")
        out.append(paragraph)
    for text in subheads.get(len(article.paragraphs), []):
        out.append(f"### {text}")
    return out


def to_markdown(issue: Issue) -> str:
    """The issue as Markdown: a ``##`` heading per article, bylines in italics."""
    blocks: list[str] = []
    for article in issue.articles:
        if article.column:
            blocks.append(f"【{article.column}】")
        if article.kicker:
            blocks.append(f"*{article.kicker}*")
        blocks.append(f"## {article.headline or '（无标题）'}")
        if article.subtitle:
            blocks.append(f"*{article.subtitle}*")
        if article.bylines:
            blocks.append(f"_{_byline_text(article)}_")
        lead = article.dateline + " " if article.dateline else ""
        body = _body(article)
        if body and lead:
            body[0] = lead + body[0]
        blocks.extend(body)
        for caption in article.captions:
            credit = f"（{caption.credit} 摄）" if caption.credit else ""
            blocks.append(f"> 图：{caption.text}{credit}")
    if issue.fragments:
        blocks.append("---")
        blocks.extend(f.text for f in issue.fragments)
    return "\n\n".join(blocks) + "\n"


def to_text(issue: Issue) -> str:
    """The issue as plain text: titles, byline and paragraphs, a blank line between articles."""
    chunks: list[str] = []
    for article in issue.articles:
        lines = [t for t in (article.column, article.kicker, article.headline, article.subtitle)
                 if t]
        if article.bylines:
            lines.append(_byline_text(article))
        lines.extend(b.removeprefix("### ") for b in _body(article))
        lines.extend(c.text for c in article.captions)
        chunks.append("\n".join(lines))
    chunks.extend(f.text for f in issue.fragments)
    return "\n\n".join(chunks) + "\n"
