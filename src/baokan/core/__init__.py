"""The core every heuristic builds on: the working document, the marks, the registry,
text and name helpers.  Nothing in the core imports a heuristic."""
