"""Heuristics that put the lines in reading order."""
