"""Subheads that are lines of the body: a sentence's end, or a line cut inside a word.

A title line inside an open body becomes a subhead (小标题) of it.  Two kinds of such
lines are printed lines of the body that the tool cut off from their paragraph, and a
subhead's text is no paragraph's, so taking them for subheads loses them:

* a line that closes a sentence (``他乐呵呵地告诉我：今年六十岁啦！``, ``交车？”``): a
  subhead names its section and never ends on ``。！？`` (none of the 338 subheads of the
  gold pages does, real or synthetic), while a short line that closes with one is the
  end of a paragraph (the spec's broken lines); a bare question standing on its own
  (``钱从哪里来？``) is left a subhead, a form commentary pages use;
* a line whose last character and the first of the paragraph under it make a word
  (``-加强基层基`` / ``础工作不松劲。``, ``他脱贫带来了一柱希`` / ``望之光。``): the
  paragraph goes on with the line's word; a section under a subhead opens a sentence of
  its own.

The first goes back onto the paragraph before it when that stops mid-clause, else it is
a paragraph of its own; the second goes onto the front of the paragraph under it.  The
first holds for plain dumps only: a markdown converter marks a heading by its type size,
and a heading there that closes a sentence is set apart from the body's type (a photo's
caption, a headline ``…有了医保，日子再难也有底气！``), not a line of it.
"""

from __future__ import annotations

from baokan.core.document import Block, Kind
from baokan.core.lexicon import breaks_word
from baokan.core.spans import covering_span
from baokan.core.text import CLOSERS, SENTENCE_END, ends_mid_clause
from baokan.heuristics.structure.segment_articles.page_state import _PageState

#: The marks that close a sentence and that no subhead ends on (an ellipsis is left out:
#: a subhead may trail off ``……``).
_SENTENCE_CLOSE = SENTENCE_END.replace("…", "")
#: A question mark: a subhead ending on one (unquoted) is left a subhead unless the
#: paragraph before it stops mid-clause.
_QUESTION = "？?"


def closes_sentence(text: str) -> bool:
    """Whether ``text`` ends on a mark that closes a sentence, maybe with closing quotes."""
    last = text.rstrip().rstrip(CLOSERS)[-1:]
    return bool(last) and last in _SENTENCE_CLOSE  # ("" is in every string)


def _word_goes_on(line: str, after: str) -> bool:
    """Whether ``after`` opens on the rest of the word ``line`` stops inside."""
    line, after = line.strip(), after.strip()
    return bool(line) and bool(after) and ends_mid_clause(line) \
        and breaks_word(line, after)


def _joined(first: Block, second: Block) -> Block:
    """One paragraph of ``first`` and ``second``'s texts, in that order."""
    a, b = first.text.rstrip(), second.text.lstrip()
    sep = " " if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum() \
        else ""
    start, end = covering_span((first, second))
    return first.with_(text=a + sep + b, start=start, end=end, kind=Kind.PARAGRAPH)


class _BodySubheads(_PageState):
    """The pass that gives subheads that are body lines back to the body."""

    def _body_lines_taken_for_subheads(self) -> None:
        """Every article's subheads that close a sentence or run on into the paragraph
        under them inside a word go back into the body (see the module's docstring)."""
        for art in self.arts:
            if any(b.kind == Kind.SUBHEAD for b in art.body):
                art.body = self._unmade(art.body)

    def _unmade(self, body: list[Block]) -> list[Block]:
        out: list[Block] = []
        at = 0
        while at < len(body):
            block = body[at]
            at += 1
            if block.kind != Kind.SUBHEAD:
                out.append(block)
                continue
            after = body[at] if at < len(body) else None
            if not self.markdown and closes_sentence(block.text):
                before = out[-1] if out else None
                if before is not None and before.kind == Kind.PARAGRAPH \
                        and ends_mid_clause(before.text):
                    out[-1] = _joined(before, block)
                    self.rec.change("a subhead that closes a sentence ends the paragraph "
                                    "before it", block.span, block.text[:20])
                elif block.text.rstrip()[-1:] in _QUESTION:
                    # a bare question set apart is a real subhead's form (``钱从哪里来？``)
                    # on commentary pages; only a quoted one is speech
                    out.append(block)
                else:
                    out.append(block.with_(kind=Kind.PARAGRAPH))
                    self.rec.change("a subhead that closes a sentence is a paragraph",
                                    block.span, block.text[:20])
                continue
            if after is not None and after.kind == Kind.PARAGRAPH \
                    and _word_goes_on(block.text, after.text):
                out.append(_joined(block, after))
                at += 1
                self.rec.change("a subhead cut inside a word begins the paragraph under it",
                                block.span, block.text[:20])
                continue
            out.append(block)
        return out
