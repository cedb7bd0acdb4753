"""The built-in heuristics, one module each, named after the heuristic it holds (a
heuristic too big for one module is a package of that name, one module a job).

Importing this package registers every one of them.  They are grouped by stage, so
the tree reads in the order a dump flows:

- ``repair/``: undo damage to the text (mojibake, a text layer that is not text,
  extraction garbage, broken lines, layout spaces, punctuation width, duplicates);
- ``order/``: put the lines in reading order (side-by-side columns, vertical text,
  interleaved columns);
- ``structure/``: find the page's structure (markdown headings, masthead, furniture,
  bylines, titles, captions, articles).

A heuristic imports only the core (:mod:`baokan.core`) and its own modules, never
another heuristic.
"""

from baokan.heuristics.order import (
    join_vertical_text,
    restore_reading_order,
    separate_columns,
    split_layout_columns,
    split_ocr_rows,
)
from baokan.heuristics.repair import (
    detect_not_text,
    drop_duplicates,
    fold_spacing,
    join_lines,
    punctuation_width,
    repair_mojibake,
    strip_garbage,
)
from baokan.heuristics.structure import (
    find_bylines,
    find_captions,
    find_non_news,
    find_titles,
    markdown_headings,
    page_furniture,
    read_masthead,
    segment_articles,
)

__all__ = [
    "detect_not_text", "drop_duplicates", "find_bylines", "find_captions", "find_non_news",
    "find_titles",
    "fold_spacing", "join_lines", "join_vertical_text", "markdown_headings", "page_furniture",
    "punctuation_width", "read_masthead", "repair_mojibake", "restore_reading_order",
    "segment_articles", "separate_columns", "split_layout_columns", "split_ocr_rows",
    "strip_garbage",
]
