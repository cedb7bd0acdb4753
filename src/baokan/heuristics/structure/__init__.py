"""Heuristics that find the structure of a page: titles, bylines, articles."""
