"""The built-in heuristics.  Importing this package registers every one of them.

Each module holds one concern: ``garbage`` (extraction garbage), ``titles`` (markdown
headings and title lines), ``bylines`` (bylines, datelines, credits), ``furniture``
(editor marks, editor credit lines), ``lines`` (re-joining broken lines), ``spacing``
(full-width spacing and punctuation width), ``captions``, ``dedup`` (duplicated
blocks), ``segment`` (articles, title roles) and ``order`` (interleaved columns).
"""

from baokan.heuristics import (
    bylines,
    captions,
    dedup,
    furniture,
    garbage,
    lines,
    order,
    segment,
    spacing,
    titles,
)

__all__ = ["bylines", "captions", "dedup", "furniture", "garbage", "lines", "order", "segment",
           "spacing", "titles"]
