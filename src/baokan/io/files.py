"""Writing files whole: a temporary file in the same folder, then a rename.

A reader (or a crash, a Ctrl-C, a full disk) never sees half a file: the target is
either as it was or complete.  Every whole-file write of the CLI and of a batch goes
through :func:`write_atomic`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from baokan.errors import InputError


def output_folder(path: Path) -> Path:
    """The folder ``path`` will be written in; InputError if it does not exist."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: the folder {folder} does not exist")
    return folder


def _create_temp(path: Path, folder: Path) -> tuple[int, Path]:
    # os.open with 0o666 gives the file the permissions open() would (the umask applies),
    # which tempfile.mkstemp (always 0o600) does not
    while True:
        tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
        except PermissionError:
            raise InputError(f"{path}: permission denied (cannot write in {folder})") from None


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` through a temporary file in
    the same folder and a rename.

    InputError if the folder does not exist or cannot be written in; any other OSError
    (a full disk) propagates, and the temporary file is removed whatever happens.
    """
    target = Path(path)
    fd, tmp = _create_temp(target, output_folder(target))
    try:
        if isinstance(data, str):
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
        else:
            with os.fdopen(fd, "wb") as binary:
                binary.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
