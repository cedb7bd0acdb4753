"""The exceptions baokan raises: every one is a :class:`BaokanError`."""

from __future__ import annotations

import os
from pathlib import Path


class BaokanError(Exception):
    """Base class of every error baokan raises on purpose."""


class ProfileError(BaokanError, ValueError):
    """A profile that cannot be loaded or run: a bad profile file, an unknown anchor, a
    heuristic whose needs come later.  The errors below are profile errors too, so that
    ``except ProfileError`` catches everything wrong with a profile."""


class UnknownProfileError(ProfileError, LookupError):
    """A profile name that no built-in or registered profile has."""


class UnknownHeuristicError(ProfileError, LookupError):
    """A heuristic name that is neither built in nor registered (directly or by entry point)."""


class DuplicateHeuristicError(BaokanError, ValueError):
    """A heuristic registered under a name that is already taken."""


class SettingsError(ProfileError):
    """Settings that a heuristic does not accept (an unknown key or a bad value)."""


class InputError(BaokanError, ValueError):
    """Input that cannot be parsed: a missing or unreadable file, a directory, empty input."""


class NotTextError(InputError):
    """Input that is not text at all (a PDF, an image, other binary data)."""


class MarkError(BaokanError, ValueError):
    """A mark declared badly: an unknown category, or a name already declared otherwise."""


class UnknownMarkError(MarkError, LookupError):
    """A name that no declared mark has (a heuristic must name declared marks only)."""


class UndeclaredMarkError(MarkError):
    """In debug mode, a heuristic read or wrote a mark that its declaration does not name."""


class MissingExtraError(BaokanError, ImportError):
    """A feature whose optional dependencies are not installed; the message names the
    extra to install (``pip install 'baokan[parquet]'``)."""


def read_bytes(path: str | os.PathLike[str], error: type[BaokanError], *, missing: str,
               directory: str) -> bytes:
    """The bytes of the file ``path``, every file-system problem raised as one clear
    ``error`` that starts with the path: ``missing`` and ``directory`` say what is wrong
    when there is no such file or it is a folder (``"no such file"``)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise error(f"{p}: {directory}")
        return p.read_bytes()
    except FileNotFoundError:
        raise error(f"{p}: {missing}") from None
    except PermissionError:
        raise error(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise error(f"{p}: {directory}") from None
    except OSError as exc:
        raise error(f"{p}: cannot be read ({exc.strerror or exc})") from None
