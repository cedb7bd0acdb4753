"""A tiny third-party heuristic, provided to baokan through an entry point in the tests."""

from __future__ import annotations

import attrs

from baokan import Document, Heuristic, Kind, Recorder


@attrs.frozen
class MarkSettings:
    """Settings of the demo heuristic: the text appended to every paragraph."""

    suffix: str = "【测】"


def _mark(doc: Document, settings: MarkSettings) -> Document:
    rec = Recorder("demo-mark")
    blocks = []
    for block in doc.blocks:
        if block.kind == Kind.PARAGRAPH:
            rec.change("marked", block.span)
            block = block.with_(text=block.text + settings.suffix)
        blocks.append(block)
    return rec.apply(doc, blocks)


mark = Heuristic(name="demo-mark", func=_mark, description="Append a marker to every paragraph.",
                 settings_type=MarkSettings, requires={"paragraphs"}, reads={Kind.PARAGRAPH})
