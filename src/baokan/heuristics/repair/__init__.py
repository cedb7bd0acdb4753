"""Heuristics that repair the text: damage undone, nothing else changed."""
