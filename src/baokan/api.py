"""The entry points: :func:`parse` and :func:`parse_file`."""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import warnings
from collections.abc import Sequence
from typing import Any

import baokan.heuristics  # noqa: F401  (registers the built-in heuristics)
from baokan.assemble import assemble, assemble_binary
from baokan.core.document import Document
from baokan.core.ocr import OCR_MEASURE, mark_mixes
from baokan.core.pipeline import run
from baokan.decode import Decoded, decode
from baokan.errors import InputError, NotTextError, read_bytes
from baokan.io.paths import PathPattern
from baokan.models import Diagnostic, Issue, SourceInfo
from baokan.profiles import Profile, detect_profile, load_profile

Source = bytes | str | os.PathLike[str]
ProfileSpec = str | os.PathLike[str] | Profile | Sequence[str]


def resolve_profile(profile: ProfileSpec, text: str) -> tuple[Profile, dict[str, float]]:
    """The profile to run on ``text``: ``"auto"`` detects one, a name looks one up, the
    path of a profile file reads it (:func:`~baokan.profiles.load_profile`), a
    :class:`Profile` is used as it is, a list of heuristic names becomes a profile."""
    if isinstance(profile, Profile):
        return profile, {}
    if isinstance(profile, str) and profile == "auto":
        return detect_profile(text)
    if isinstance(profile, (str, os.PathLike)):
        return load_profile(profile), {}
    return Profile.from_names(list(profile)), {}


def _coerce_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"date must be YYYY-MM-DD, got {value!r}") from exc


def read_source(path: str | os.PathLike[str]) -> bytes:
    """Read a dump's bytes, turning every file-system problem into one clear InputError."""
    return read_bytes(path, InputError, missing="no such file",
                      directory="is a directory, not a dump (give the files in it)")


def parse(source: Source, *, profile: ProfileSpec = "auto", publication: str | None = None,
          date: _dt.date | str | None = None, page: str | None = None, strict: bool = True,
          explain: bool = True) -> Issue:
    """Parse one dump into an :class:`~baokan.models.Issue`.

    ``source`` is the dump's bytes (decoded with :func:`~baokan.decode.decode`), its text
    (a ``str``), or a path (a :class:`pathlib.Path` or other ``os.PathLike``, read by
    :func:`parse_file`; a plain ``str`` is always taken as text).  ``profile`` is
    ``"auto"`` (measure the dump and pick a built-in profile), a profile name, the path
    of a profile file, a
    :class:`~baokan.profiles.Profile`, or a list of heuristic names.  ``publication``,
    ``date`` and ``page`` are recorded on the Issue.  With ``strict=False`` a heuristic
    that fails is skipped (and reported in the diagnostics) instead of raising;
    ``explain=False`` keeps only the essential diagnostics, for bulk runs.

    Bytes that are not text (a PDF, an image) give an Issue flagged ``binary``, with no
    articles; empty input gives an empty Issue.  A path is stricter: see
    :func:`parse_file`.  A short one-line ``str`` that names an existing file is still
    parsed as text, with a :class:`UserWarning` that points to :func:`parse_file`.
    """
    options: dict[str, Any] = {"profile": profile, "publication": publication, "date": date,
                               "page": page, "strict": strict, "explain": explain}
    if isinstance(source, os.PathLike):
        return parse_file(source, **options)
    if isinstance(source, bytes):
        return _parse(decode(source), source, None, **options)
    if isinstance(source, str):
        _warn_if_a_path(source)
        decoded = Decoded(text=source, encoding="str", confidence=1.0,
                          replacement_chars=source.count("\ufffd"))
        return _parse(decoded, source.encode("utf-8", errors="surrogatepass"), None, **options)
    raise TypeError(f"source must be bytes, str or a path, not {type(source).__name__}")


_PATH_LIKE_LENGTH = 4096  # longer than any path a file system takes (PATH_MAX)


def _warn_if_a_path(text: str) -> None:
    """Warn when the text given to parse() looks like the path of a file: a mistake that
    would otherwise give an Issue with no articles and no word of why."""
    if len(text) > _PATH_LIKE_LENGTH or "\n" in text or not text.strip():
        return
    try:
        exists = os.path.isfile(text)
    except (OSError, ValueError):  # a NUL byte, a name too long
        return
    if exists:
        warnings.warn(f"parse() takes a str as the dump's text, and {text!r} is the name of a "
                      f"file: it was parsed as text; to parse the file, call "
                      f"parse_file({text!r}) or parse(pathlib.Path({text!r}))",
                      UserWarning, stacklevel=3)


def parse_file(path: str | os.PathLike[str], *, path_pattern: str | PathPattern | None = None,
               **kwargs: Any) -> Issue:
    """Parse the dump at ``path`` (a ``str`` here is a path); keywords as for :func:`parse`.

    The Issue's ``source.path`` is ``path`` as given (``os.fspath(path)``).
    ``path_pattern`` (``"{publication}/{date:%Y%m%d}/{page}.txt"``) reads the Issue's
    publication, date and page from the path; values given as keywords win.

    A file that is not a dump raises rather than giving an empty Issue:
    :class:`~baokan.errors.InputError` if it is missing, a directory, unreadable or empty
    (nothing but white space), and :class:`~baokan.errors.NotTextError` (an InputError)
    if it holds binary data (a PDF, an image).  Each message starts with the path.
    """
    name = os.fspath(path)
    return parse_data(read_source(name), name, path_pattern=path_pattern, **kwargs)


def parse_data(data: bytes, path: str, *, path_pattern: str | PathPattern | None = None,
               **kwargs: Any) -> Issue:
    """Parse the bytes ``data`` of the file ``path``, read by the caller (from fsspec, an
    archive, a database), exactly as :func:`parse_file` parses a file it reads itself:
    the same errors, ``source.path`` and ``path_pattern``."""
    name = path
    if not data or data.isspace():
        raise InputError(f"{name}: the file is empty")
    if path_pattern is not None:
        pattern = path_pattern if isinstance(path_pattern, PathPattern) else PathPattern(path_pattern)
        for key, value in pattern.match(name).items():
            if kwargs.get(key) is None:
                kwargs[key] = value
    decoded = decode(data)
    if decoded.binary:
        raise NotTextError(f"{name}: not a text dump (it looks like a PDF, an image or other "
                           "binary data); give the tool's text output instead")
    return _parse(decoded, data, name, **kwargs)


def _parse(decoded: Decoded, data: bytes, path: str | None, *, profile: ProfileSpec = "auto",
           publication: str | None = None, date: _dt.date | str | None = None,
           page: str | None = None, strict: bool = True, explain: bool = True) -> Issue:
    info = SourceInfo(path=path, encoding=decoded.encoding, confidence=decoded.confidence,
                      sha256=hashlib.sha256(data).hexdigest(),
                      replacement_chars=decoded.replacement_chars)
    day = _coerce_date(date)
    chosen, measurements = resolve_profile(profile, decoded.text)
    if decoded.binary:
        return assemble_binary(source=info, profile=chosen.name, publication=publication,
                               date=day, page=page)
    steps = chosen.build()
    doc = Document.from_text(decoded.text, explain=explain).measure(**measurements)
    if OCR_MEASURE not in doc.measurements:
        # a profile the caller named is measured for nothing, but whether the dump is an
        # OCR pass's reading is the text's, not the profile's: the OCR-only repairs of
        # every profile are gated on it (core.ocr)
        doc = doc.measure(**{OCR_MEASURE: float(mark_mixes(decoded.text))})
    if measurements and explain:  # (a document that does not explain drops the note)
        detail = ", ".join(f"{k}={v:g}" for k, v in sorted(measurements.items()))
        doc = doc.note(Diagnostic("auto-profile", f"chose {chosen.name}",
                                  (1, max(1, len(decoded.text.splitlines()))), detail))
    doc = run(doc, steps, strict=strict)
    return assemble(doc, source=info, profile=chosen.name, publication=publication,
                    date=day, page=page)
