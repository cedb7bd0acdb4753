"""Re-join vertical text that a converter printed one character to a line."""

from __future__ import annotations

import attrs
import regex

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import Stage, Tag
from baokan.core.registry import heuristic
from baokan.core.spans import covering_span

# one Han character, maybe with a mark after it (a vertical headline's 、 or ：)
_ONE_CHAR = regex.compile(r"^\p{Han}[，、：。！？“”]?$")


@attrs.frozen
class VerticalSettings:
    """Settings of ``join-vertical-text``: ``min_run`` one-character lines in a row, with
    no blank line between them, are one vertical line of text."""

    min_run: int = 3


@heuristic("join-vertical-text", settings=VerticalSettings, requires={Stage.LINES},
           reads={Kind.TEXT}, accepts={Stage.HEADINGS},
           provides={Stage.VERTICAL_TEXT, Tag.VERTICAL})
def join_vertical_text(doc: Document, settings: VerticalSettings) -> Document:
    """Join a run of one-character lines into the line of vertical text it was.

    Cue: at least ``min_run`` lines in a row that are each a single Han character, with no
    blank line between them — what PyMuPDF makes of a headline set in a vertical font
    (``意`` / ``气`` / ``风`` / ``发`` … becomes ``意气风发…``).  Prose never breaks that way.
    The joined block is tagged ``vertical``: papers set headlines vertically, not subheads.
    """
    rec = Recorder("join-vertical-text")
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        if len(run) >= settings.min_run:
            start, end = covering_span(run)
            joined = run[0].with_(text="".join(b.text for b in run), start=start, end=end,
                                  tags=run[0].tags | {"vertical"})
            rec.change("joined vertical text", joined.span, f"{len(run)} one-character lines")
            out.append(joined)
        else:
            out.extend(run)
        run.clear()

    for block in doc.blocks:
        single = (block.kind == Kind.TEXT and block.level is None
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
