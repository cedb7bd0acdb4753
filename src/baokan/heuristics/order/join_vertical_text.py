"""Re-join vertical text that a converter printed one character to a line."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage, Tag
from baokan.core.names import COMMON_SURNAMES, is_person_name, surname_length
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span
from baokan.core.text import CLAUSE_MARKS, SENTENCE_END, bigrams

# the marks a glyph of a vertical line may carry (a vertical headline's 、 or ：)
_GLYPH_MARKS = "，、：。！？“”"
# one Han character, maybe with a mark after it
# (or with the mark before it: a clause mark set low in the cell of the glyph above, which
# the tool reads on the next glyph's line: ``医`` / ``保`` / ``，日`` / ``子``)
_ONE_CHAR = regex.compile("^[" + regex.escape(CLAUSE_MARKS + "：") + r"]?\p{Han}["
                          + _GLYPH_MARKS + r"]?$")
# a glyph of a title printed a glyph a block: no mark that ends a sentence or a clause
# (a paragraph's last character alone on its line ends with one)
_GLYPH = regex.compile(r"^\p{Han}[、：]?$")
#: The longest text either pattern takes (``_ONE_CHAR``: a mark before the character and
#: one after it; ``_GLYPH``: the character and a mark, or the line break ``$`` may stand
#: before): a longer one is not looked at.
_MAX_GLYPH_TEXT = 3


@attrs.frozen
class VerticalSettings:
    """Settings of ``join-vertical-text``: ``min_run`` one-character lines in a row, with
    no blank line between them, are one vertical line of text.  A title that a converter
    printed a glyph a block and cut into pieces (``max_groups_between``: the pieces stand
    between the blocks of the column beside it, one or two groups of lines apart) is put
    back together where its first piece stands, when its glyphs number ``min_run`` or
    more."""

    min_run: int = 3
    # pdftotext reads a vertical (or a spread) title's glyphs as blocks of their own, cut
    # at the heights where the column beside it breaks: a piece, then one or two groups
    # of that column's lines (a paragraph, a byline), then the next piece.  Two titles of
    # different stories stand further apart (their bodies, bylines, other titles between).
    max_groups_between: int = 2


#: The lengths of an author's name set vertically beside a vertical headline, which a
#: tool that prints no blank line between the two columns runs on the title's glyphs
#: (``意`` / ``气`` … ``代`` / ``欧`` / ``阳`` / ``辉``): a surname and one or two
#: characters, or a compound surname and one or two.  (Two characters, a surname and a
#: given name, are too often a title's last word.)
_TAIL_NAME_CHARS = (4, 3)
#: The least share of a vertical title's bigrams found elsewhere on the page: a headline
#: names its body's words, where a name run on to it is found nowhere else.
MIN_TITLE_ECHO = 0.3


def _name_tail(text: str, page_grams: set[str]) -> int:
    """How many trailing characters of a joined vertical line ``text`` are an author's
    name run on to the title beside it, or 0.  Cue: the tail is a person's name shape
    (a common or compound surname first), none of its bigrams recurs on the page, and
    the rest of the line is a title whose words the page repeats (at least
    ``MIN_TITLE_ECHO`` of its bigrams)."""
    for size in _TAIL_NAME_CHARS:
        head, tail = text[:-size], text[-size:]
        if len(head) < size or not is_person_name(tail):
            continue
        compound = surname_length(tail) == 2
        if not (compound or (size == 3 and tail[0] in COMMON_SURNAMES)):
            continue
        if bigrams(tail) & page_grams:
            continue
        head_grams = bigrams(head)
        if head_grams and len(head_grams & page_grams) >= MIN_TITLE_ECHO * len(head_grams):
            return size
    return 0


def _pieces(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """The pieces ``[lo, hi)`` of a title printed a glyph a block: runs of one-glyph
    blocks that stand apart (a blank line before the first, or the dump's first line),
    with a blank line between every two glyphs or with none: where that changes, another
    vertical line starts (a name in a column of its own beside its title).  A glyph
    right under a line of text is that line's last character wrapped (a byline's, a
    subhead's), not a piece."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(blocks)
    while i < n:
        if _glyph(blocks[i]) and (i == 0 or blocks[i].gap_before > 0):
            j = i + 1
            loose = j < n and blocks[j].gap_before > 0
            while j < n and _glyph(blocks[j]) and (blocks[j].gap_before > 0) == loose:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _glyph(block: Block) -> bool:
    return (block.kind == Kind.TEXT and block.level is None
            and len(block.text) <= _MAX_GLYPH_TEXT and _GLYPH.match(block.text) is not None)


def _groups_between(blocks: Sequence[Block], lo: int, hi: int) -> int:
    """How many groups of lines (parted by blank lines) stand in ``blocks[lo:hi]``."""
    return sum(1 for k in range(lo, hi) if k == lo or blocks[k].gap_before > 0)


def _chains(blocks: Sequence[Block], settings: VerticalSettings) -> list[list[tuple[int, int]]]:
    """The pieces grouped into the titles they were cut from: a piece goes on the title
    of the piece before it when one to ``max_groups_between`` groups of lines part them;
    a title of fewer than ``min_run`` glyphs is none."""
    chains: list[list[tuple[int, int]]] = []
    for piece in _pieces(blocks):
        # nothing but blank lines between: two vertical lines side by side (a name
        # beside its title), not one cut apart
        if chains and 1 <= _groups_between(blocks, chains[-1][-1][1], piece[0]) \
                <= settings.max_groups_between:
            chains[-1].append(piece)
        else:
            chains.append([piece])
    return [c for c in chains
            if sum(hi - lo for lo, hi in c) >= settings.min_run
            # one piece: the blank lines between its glyphs are pdftotext's (a run with
            # none is joined as vertical text below)
            and (len(c) > 1 or any(blocks[k].gap_before for k in range(c[0][0] + 1, c[0][1])))]


@heuristic("join-vertical-text", settings=VerticalSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, accepts={Stage.HEADINGS},
           provides={Stage.VERTICAL_TEXT, Tag.VERTICAL})
def join_vertical_text(doc: Document, settings: VerticalSettings) -> Document:
    """Join a run of one-character lines into the line of vertical text it was.

    Cue: at least ``min_run`` lines in a row that are each a single Han character, with no
    blank line between them — what PyMuPDF makes of a headline set in a vertical font
    (``意`` / ``气`` / ``风`` / ``发`` … becomes ``意气风发…``).  Prose never breaks that way.
    The joined block is tagged ``vertical``: papers set headlines vertically, not subheads.

    pdftotext prints such a title (or one spread glyph by glyph over the width) a glyph a
    block, blank lines between, and cuts it into pieces where the column beside it breaks:
    ``打`` / ``造`` / ``有`` / ``温``, a paragraph, ``度`` / ``的`` / ``医``, a paragraph…  Pieces
    that stand apart (a blank line before them) and only one or two groups of lines from
    each other are one title, joined where its first piece stands.
    """
    rec = Recorder("join-vertical-text")
    blocks = doc.blocks
    joined: dict[int, Block] = {}
    gone: set[int] = set()
    for chain in _chains(blocks, settings):
        glyphs = [blocks[k] for lo, hi in chain for k in range(lo, hi)]
        first = glyphs[0]
        start, end = covering_span(blocks[k] for k in range(chain[0][0], chain[0][1]))
        joined[chain[0][0]] = first.with_(text="".join(b.text for b in glyphs), start=start,
                                          end=end, tags=first.tags | {"vertical"})
        gone.update(k for lo, hi in chain for k in range(lo, hi))
        rec.change("joined a title printed a glyph a block", covering_span(glyphs),
                   f"{len(glyphs)} glyphs in {len(chain)} pieces")
    out: list[Block] = []
    run: list[Block] = []

    page_grams: set[str] | None = None

    def grams_elsewhere() -> set[str]:
        # the page's bigrams but for the one-character lines (read once, when needed)
        nonlocal page_grams
        if page_grams is None:
            page_grams = set().union(*(bigrams(b.text) for b in blocks
                                       if _ONE_CHAR.match(b.text) is None))
        return page_grams

    def join(lines: list[Block], what: str) -> None:
        start, end = covering_span(lines)
        joined = lines[0].with_(text="".join(b.text for b in lines), start=start, end=end,
                                tags=lines[0].tags | {"vertical"})
        rec.change(what, joined.span, f"{len(lines)} one-character lines")
        out.append(joined)

    def flush() -> None:
        if len(run) > 1 and run[0].text[-1:] in SENTENCE_END:
            # (a glyph line closing on a sentence's end: no vertical line goes on after it)
            # the last character of the paragraph above, wrapped onto a line of its own
            # (``…以公有制为主`` / ``体。``), then a vertical title's glyphs: not the title's
            out.append(run.pop(0))
        if len(run) >= settings.min_run:
            text = "".join(b.text for b in run)
            tail = _name_tail(text, grams_elsewhere()) \
                if text[-1:] and text[-1] not in _GLYPH_MARKS else 0
            if tail:
                join(run[:-tail], "joined vertical text")
                join(run[-tail:], "joined an author's name set beside a vertical title")
            else:
                join(run, "joined vertical text")
        else:
            out.extend(run)
        run.clear()

    for k, block in enumerate(blocks):
        if k in gone:
            flush()
            if k in joined:
                out.append(joined[k])
            continue
        single = (block.kind == Kind.TEXT and block.level is None
                  and len(block.text) <= _MAX_GLYPH_TEXT
                  and _ONE_CHAR.match(block.text) is not None)
        if single and (not run or block.gap_before == 0):
            run.append(block)
            continue
        flush()
        if single:
            run.append(block)
        else:
            out.append(block)
    flush()
    return rec.apply(doc, out)
