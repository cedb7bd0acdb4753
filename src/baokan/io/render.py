"""Render an Issue for reading or archiving: Markdown, plain text, TEI XML.

The views themselves are methods of the models (:meth:`~baokan.Issue.to_markdown`,
:meth:`~baokan.Issue.to_text`, :meth:`~baokan.Issue.to_tei`); these functions are the
same, for code that maps a renderer over issues.
"""

from __future__ import annotations

from baokan.models import Issue


def to_markdown(issue: Issue) -> str:
    """The issue as Markdown: a ``##`` heading per article, bylines in italics."""
    return issue.to_markdown()


def to_text(issue: Issue) -> str:
    """The issue as plain text: titles, byline and paragraphs, a blank line between articles."""
    return issue.to_text()


def to_tei(issue: Issue) -> str:
    """The issue as a TEI XML document (see :meth:`baokan.Issue.to_tei`)."""
    return issue.to_tei()
