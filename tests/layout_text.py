"""Made-up ``pdftotext -layout`` text for the column-reading tests."""
from __future__ import annotations


def side_by_side(*columns: list[str], width: int = 24) -> str:
    """Columns printed side by side, as ``pdftotext -layout`` does (Han = 1 position)."""
    rows = max(len(c) for c in columns)
    lines = []
    for i in range(rows):
        line = "".join((c[i] if i < len(c) else "").ljust(width) for c in columns)
        lines.append(line.rstrip())
    return "\n".join(lines)
