"""Shell completion scripts for the ``baokan`` command, written by :mod:`shtab` from the
argument parser itself, so they never drift from the options."""

from __future__ import annotations

import argparse
from types import ModuleType

from baokan.errors import MissingExtraError

#: Arguments that name files (completed as paths) or folders.
_FILES = {"files", "file", "inputs", "output", "errors", "profile", "pairs", "corpus"}
_FOLDERS = {"output_dir", "dumps"}


def _shtab() -> ModuleType:
    try:
        import shtab
    except ImportError:
        raise MissingExtraError("shell completion needs the completion extra: "
                                "pip install 'baokan[completion]'") from None
    return shtab


def _mark_paths(parser: argparse.ArgumentParser, shtab: ModuleType) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _mark_paths(sub, shtab)
        elif action.dest in _FILES:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.dest in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` for ``shell`` (``bash`` or ``zsh``):
    commands, options, their choices, and paths where an argument names a file."""
    shtab = _shtab()
    _mark_paths(parser, shtab)
    script: str = shtab.complete(parser, shell=shell)
    return script if script.endswith("\n") else script + "\n"
