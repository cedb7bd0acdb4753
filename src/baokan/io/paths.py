"""Metadata from file paths: ``{publication}/{date:%Y%m%d}/{page}.txt``."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import PurePath
from typing import Any

import attrs
import regex

from baokan.errors import InputError

_FIELD = regex.compile(r"\{(?P<name>\w+)(?::(?P<fmt>[^}]*))?\}")
_STRFTIME = {"%Y": r"\d{4}", "%y": r"\d{2}", "%m": r"\d{1,2}", "%d": r"\d{1,2}",
             "%j": r"\d{1,3}", "%%": "%"}
FIELDS = ("publication", "date", "page")


def _date_regex(fmt: str) -> str:
    out = []
    i = 0
    while i < len(fmt):
        code = fmt[i:i + 2]
        if code in _STRFTIME:
            out.append(_STRFTIME[code])
            i += 2
        elif fmt[i] == "%":
            raise InputError(f"path pattern: the date format {fmt!r} uses {code!r}; "
                             "use %Y, %y, %m, %d or %j")
        else:
            out.append(regex.escape(fmt[i]))
            i += 1
    return "".join(out)


@attrs.frozen
class PathPattern:
    """A pattern such as ``{publication}/{date:%Y%m%d}/{page}.txt`` matched against the end
    of a file's path.

    Fields: ``{publication}``, ``{page}`` (one path component, or part of one) and
    ``{date:FORMAT}`` (``strftime`` codes ``%Y %y %m %d %j``; ``{date}`` alone means
    ``%Y-%m-%d``); ``{_}`` or any other name matches text that is ignored.  ``*`` matches
    anything within one path component.
    """

    pattern: str
    _regex: Any = attrs.field(init=False, repr=False, eq=False)
    _date_format: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        parts: list[str] = []
        pos = 0
        date_format = "%Y-%m-%d"
        seen: set[str] = set()
        for match in _FIELD.finditer(self.pattern):
            literal = self.pattern[pos:match.start()]
            parts.append(regex.escape(literal).replace(r"\*", r"[^/]*"))
            name, fmt = match["name"], match["fmt"]
            if name in seen and name in (*FIELDS, "date"):
                raise InputError(f"path pattern {self.pattern!r} names {{{name}}} twice")
            seen.add(name)
            if name == "date":
                date_format = fmt or date_format
                parts.append(f"(?P<date>{_date_regex(date_format)})")
            elif name in FIELDS:
                parts.append(f"(?P<{name}>[^/]+?)")
            else:
                parts.append("[^/]+?")
            pos = match.end()
        parts.append(regex.escape(self.pattern[pos:]).replace(r"\*", r"[^/]*"))
        object.__setattr__(self, "_regex", regex.compile("(?:^|/)" + "".join(parts) + "$"))
        object.__setattr__(self, "_date_format", date_format)

    def match(self, path: str | os.PathLike[str]) -> dict[str, Any]:
        """The fields the path gives (``date`` as a :class:`datetime.date`); InputError if
        the path does not fit the pattern."""
        text = PurePath(path).as_posix()
        found = self._regex.search(text)
        if found is None:
            raise InputError(f"{text}: does not match the path pattern {self.pattern!r}")
        values: dict[str, Any] = {k: v for k, v in found.groupdict().items() if v is not None}
        if "date" in values:
            try:
                values["date"] = _dt.datetime.strptime(values["date"], self._date_format).date()
            except ValueError:
                raise InputError(f"{text}: {values['date']!r} is not a date in the format "
                                 f"{self._date_format!r}") from None
        return values
