"""Shell completion scripts for the ``baokan`` command, written by :mod:`shtab` from the
argument parser itself, so they never drift from the options."""

from __future__ import annotations

import argparse

import shtab

#: Arguments that name files (completed as paths) or folders.
_FILES = {"files", "file", "inputs", "output", "errors", "profile", "pairs", "corpus"}
_FOLDERS = {"output_dir", "dumps"}


def _mark_paths(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _mark_paths(sub)
        elif action.dest in _FILES:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.dest in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` for ``shell`` (``bash`` or ``zsh``):
    commands, options, their choices, and paths where an argument names a file."""
    _mark_paths(parser)
    script: str = shtab.complete(parser, shell=shell)
    return script if script.endswith("\n") else script + "\n"
