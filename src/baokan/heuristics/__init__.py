"""The built-in heuristics.  Importing this package registers every one of them.

Each module holds one concern: ``mojibake`` (text decoded with the wrong codec),
``textlayer`` (a page that is not text), ``garbage`` (extraction garbage), ``masthead``
(page, date, paper), ``titles`` (markdown headings and title lines), ``bylines``
(bylines, datelines, credits), ``furniture`` (editor marks, editor credit lines),
``lines`` (re-joining broken lines), ``spacing`` (full-width spacing and punctuation
width), ``captions``, ``dedup`` (duplicated blocks), ``segment`` (articles, title roles)
``order`` (interleaved columns), ``vertical`` (vertical text one character a line)
and ``layout`` (columns printed side by side).
"""

from baokan.heuristics import (
    bylines,
    captions,
    dedup,
    furniture,
    garbage,
    layout,
    lines,
    masthead,
    mojibake,
    order,
    segment,
    spacing,
    textlayer,
    titles,
    vertical,
)

__all__ = ["bylines", "captions", "dedup", "furniture", "garbage", "layout", "lines", "masthead",
           "mojibake", "order", "segment", "spacing", "textlayer", "titles", "vertical"]
