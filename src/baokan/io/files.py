"""Files in and out: whole-file writes, output checks, and dumps that come without a file.

A reader (or a crash, a Ctrl-C, a full disk) never sees half a file: :func:`atomic_output`
writes a temporary file in the same folder and renames it, so the target is either as
it was or complete.  Every whole-file write of the CLI and of a batch goes through it.

An output that cannot be written for a reason the user can fix (its folder is missing or
read-only, permission is denied, it is a folder, it is one of the inputs) raises an
:class:`~baokan.errors.InputError` with one plain line, before any work where it can;
any other :class:`OSError` (a full disk, a device gone) propagates.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from baokan import api
from baokan.errors import InputError
from baokan.models import Issue

#: The name a dump read from standard input goes by in messages.
STDIN = "-"


def output_folder(path: Path) -> Path:
    """The folder ``path`` will be written in; InputError if it does not exist, or if
    ``path`` itself is a folder."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: the folder {folder} does not exist")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give the name of a file to write")
    return folder


def unwritable(path: Path, exc: OSError) -> OSError | InputError:
    """The error to raise when writing ``path`` failed with ``exc``: one plain InputError
    for what the user can fix (permission, a read-only file system, a folder in the way),
    else ``exc`` itself (a full disk, an I/O error)."""
    folder = path.parent if str(path.parent) else Path(".")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"{path}: permission denied (cannot write in {folder})")
    if exc.errno == errno.EROFS:
        return InputError(f"{path}: the file system is read-only (cannot write in {folder})")
    if exc.errno == errno.EISDIR:
        return InputError(f"{path}: is a folder; give the name of a file to write")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError(f"{path}: the folder {folder} does not exist")
    return exc


def open_output(path: Path, mode: str = "w") -> IO[Any]:
    """``open(path, mode)`` (text as UTF-8), with :func:`unwritable`'s errors."""
    output_folder(path)
    try:
        if "b" in mode:
            return path.open(mode)
        return path.open(mode, encoding="utf-8")
    except OSError as exc:
        raise unwritable(path, exc) from None


def _create_temp(path: Path, folder: Path) -> tuple[int, Path]:
    # os.open with 0o666 gives the file the permissions open() would (the umask applies),
    # which tempfile.mkstemp (always 0o600) does not
    while True:
        tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise unwritable(path, exc) from None


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], *, binary: bool = False) -> Iterator[IO[Any]]:
    """A file handle whose content becomes ``path`` when the ``with`` block ends without
    an exception; with one (a Ctrl-C too), ``path`` stays as it was and nothing is left.

    Text is written as UTF-8.  The file gets the permissions ``open()`` would give it.
    Checked before the block runs: the folder exists and can be written in, and ``path``
    is not a folder (InputError).
    """
    target = Path(path)
    fd, tmp = _create_temp(target, output_folder(target))
    try:
        handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8")
        with handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` through :func:`atomic_output`.

    InputError if the folder does not exist or cannot be written in; any other OSError
    (a full disk) propagates, and the temporary file is removed whatever happens.
    """
    with atomic_output(path, binary=isinstance(data, bytes)) as handle:
        handle.write(data)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether ``a`` and ``b`` name the same file (one that exists, or the same path)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_overwriting(output: str | os.PathLike[str], inputs: Iterable[str]) -> None:
    """InputError if ``output`` is one of ``inputs`` (``parse x.txt -o x.txt``)."""
    for name in inputs:
        if name != STDIN and same_file(output, name):
            raise InputError(f"{output}: is also an input; write the output elsewhere")


def parse_data(data: bytes, name: str = STDIN, **options: Any) -> Issue:
    """Parse a dump that came without a file (standard input) as :func:`baokan.parse_file`
    parses a file (:func:`baokan.api.parse_data`: InputError if it is empty, NotTextError
    if it is binary data, each message starting with ``name``).  ``options`` are the
    keywords of :func:`baokan.parse`; ``path_pattern`` is refused, since there is no path
    to read it from."""
    if options.pop("path_pattern", None) is not None:
        raise InputError(f"{name}: standard input has no path to read --path-pattern from")
    if not data or data.isspace():
        raise InputError(f"{name}: the input is empty")
    return api.parse_data(data, name, **options)
