"""Files and formats: batch runs, renderers, path patterns."""
