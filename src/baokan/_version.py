"""The one place the version of baokan is written."""

__version__ = "0.1.0"
