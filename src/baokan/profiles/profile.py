"""Profiles: ordered lists of heuristics with settings, read from data files.

A :class:`Profile` is data.  Editing one works like markdown-it-py's Ruler —
:meth:`~Profile.before`, :meth:`~Profile.after`, :meth:`~Profile.at`,
:meth:`~Profile.enable`, :meth:`~Profile.disable`, :meth:`~Profile.enable_only`,
:meth:`~Profile.configure` — except that a profile is frozen: each edit returns a new
profile and leaves the original as it was, so nobody has to copy one to change it.

Every step is checked when it is made: a heuristic name nobody registered raises
:class:`~baokan.errors.UnknownHeuristicError` and a setting the heuristic does not have
(or a value of the wrong type) raises :class:`~baokan.errors.SettingsError` there and
then — in :meth:`Profile.configure`, :meth:`Profile.before`, :meth:`Profile.from_dict`,
:meth:`Profile.from_file` — not when a dump is parsed.

The built-in profiles are the JSON files beside this module, one a profile, named after
it (``markdown.json``, ``hard-wrapped.json``…).  A profile file holds::

    {
      "description": "what dumps it is for",
      "steps": ["repair-mojibake", {"name": "join-lines", "settings": {"mode": "wrapped"}}, ...]
    }

or, instead of ``steps``, ``"extends": "NAME"`` (a built-in or registered profile) with
edits of that profile, applied in this order: ``remove`` (names), ``insert`` (a list of
``{"name": ..., "before"|"after": ANCHOR, "settings": {...}}``), ``enable`` and
``disable`` (names), ``settings`` (heuristic name → settings merged over the ones it has).
An optional ``name`` defaults to the file's name without its suffix.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

import baokan.heuristics  # noqa: F401  (registers the built-in heuristics steps are checked against)
from baokan.core.pipeline import Step, check_order
from baokan.core.registry import available_heuristics, get_heuristic
from baokan.errors import (
    BaokanError,
    ProfileError,
    SettingsError,
    UnknownHeuristicError,
    UnknownProfileError,
    read_bytes,
)

if TYPE_CHECKING:
    from importlib.abc import Traversable


def _freeze(
    settings: Mapping[str, Any] | Iterable[tuple[str, Any]] | None,
) -> tuple[tuple[str, Any], ...]:
    items = settings.items() if isinstance(settings, Mapping) else (settings or ())
    return tuple(sorted(dict(items).items()))


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib  # only when there is a mistake to explain

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


#: Setting types a value is checked against when a step is made (an int is a float too).
_PLAIN_TYPES: dict[str, tuple[type, ...]] = {
    "bool": (bool,), "int": (int,), "float": (int, float), "str": (str,)}


def _check_step(name: str, options: Mapping[str, Any]) -> None:
    """Raise if no heuristic is called ``name`` or if ``options`` are not its settings."""
    try:
        heuristic = get_heuristic(name)
    except UnknownHeuristicError:
        known = [h.name for h in available_heuristics()]
        raise UnknownHeuristicError(f"no heuristic named {name!r}{_did_you_mean(name, known)}; "
                                    f"known: {', '.join(known)}") from None
    fields = {f.name: f for f in attrs.fields(heuristic.settings_type)}
    for key, value in options.items():
        field = fields.get(key)
        if field is None:
            raise SettingsError(
                f"heuristic {name!r} has no setting {key!r}{_did_you_mean(key, fields)}; "
                f"its settings are: {', '.join(sorted(fields)) or '(none)'}")
        type_name = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
        expected = _PLAIN_TYPES.get(type_name)
        if expected and (not isinstance(value, expected)
                         or (isinstance(value, bool) and bool not in expected)):
            raise SettingsError(f"setting {key!r} of heuristic {name!r} is {type_name}, "
                                f"not {value!r}")
    heuristic.make_settings(options)  # the settings class's own checks of values


@attrs.frozen(slots=True)
class ProfileStep:
    """One heuristic of a profile: its name, its settings (as overrides) and whether it runs.

    Made only for a registered heuristic and with settings it has: anything else raises
    :class:`~baokan.errors.UnknownHeuristicError` or :class:`~baokan.errors.SettingsError`.
    """

    name: str
    settings: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_freeze)
    enabled: bool = True

    def __attrs_post_init__(self) -> None:
        _check_step(self.name, self.options)

    @property
    def options(self) -> dict[str, Any]:
        """The settings as a dict."""
        return dict(self.settings)


def _steps(items: Iterable[ProfileStep | str]) -> tuple[ProfileStep, ...]:
    return tuple(i if isinstance(i, ProfileStep) else ProfileStep(i) for i in items)


@attrs.frozen(slots=True)
class Profile:
    """An ordered list of heuristics with their settings; editing returns a new profile."""

    name: str
    steps: tuple[ProfileStep, ...] = attrs.field(converter=_steps)
    description: str = ""

    @classmethod
    def from_names(cls, names: Sequence[str], name: str = "custom") -> Profile:
        """A profile that runs the heuristics ``names`` in order with default settings."""
        return cls(name=name, steps=tuple(ProfileStep(n) for n in names))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Read a profile from data, as a profile file holds it.

        ``{"name": ..., "steps": [NAME, {"name": ..., "settings": {...}}, ...]}``, or
        ``{"name": ..., "extends": "markdown", "settings": {HEURISTIC: {...}}}`` with the
        edits ``remove``, ``insert``, ``enable``, ``disable`` and ``settings`` of the
        profile it extends.  A key, heuristic or setting that does not exist raises a
        :class:`~baokan.errors.ProfileError` (:class:`~baokan.errors.SettingsError` for a
        setting) here.
        """
        return _from_data(data, default_name="custom", base_of=get_profile)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Profile:
        """Read a user's profile file: JSON, or TOML (``.toml``, Python 3.11 or later).

        The file holds what :meth:`from_dict` reads; ``extends`` names a built-in or
        registered profile, and the name defaults to the file's name without its suffix.
        The profile is checked as :meth:`build` would check it.  Every problem (no such
        file, bad JSON, an unknown heuristic or setting, a bad ``extends``, an order that
        cannot run) raises a :class:`~baokan.errors.ProfileError` — of the same class as
        :meth:`from_dict` raises — whose one-line message begins with the file's path.
        """
        where = Path(path)
        data = _read_profile_file(where)
        try:
            profile = _from_data(data, default_name=where.stem, base_of=get_profile)
            profile.build()
        except BaokanError as exc:
            raise _in_file(exc, where) from None
        return profile

    def to_dict(self) -> dict[str, Any]:
        """The profile as plain data (the inverse of :meth:`from_dict`)."""
        return {"name": self.name, "description": self.description,
                "steps": [{"name": s.name, "settings": s.options, "enabled": s.enabled}
                          for s in self.steps]}

    @property
    def names(self) -> list[str]:
        """The names of the enabled heuristics, in order."""
        return [s.name for s in self.steps if s.enabled]

    def _index(self, name: str) -> int:
        for i, step in enumerate(self.steps):
            if step.name == name:
                return i
        raise ProfileError(f"profile {self.name!r} has no heuristic {name!r}; "
                           f"it has: {', '.join(s.name for s in self.steps)}")

    def _with(self, steps: Iterable[ProfileStep]) -> Profile:
        return attrs.evolve(self, steps=tuple(steps))

    def before(self, anchor: str, name: str, **settings: Any) -> Profile:
        """Insert heuristic ``name`` just before ``anchor``."""
        i = self._index(anchor)
        return self._with((*self.steps[:i], ProfileStep(name, settings), *self.steps[i:]))

    def after(self, anchor: str, name: str, **settings: Any) -> Profile:
        """Insert heuristic ``name`` just after ``anchor``."""
        i = self._index(anchor) + 1
        return self._with((*self.steps[:i], ProfileStep(name, settings), *self.steps[i:]))

    def append(self, name: str, **settings: Any) -> Profile:
        """Add heuristic ``name`` at the end."""
        return self._with((*self.steps, ProfileStep(name, settings)))

    def at(self, anchor: str, name: str, **settings: Any) -> Profile:
        """Replace ``anchor`` by heuristic ``name``."""
        i = self._index(anchor)
        return self._with((*self.steps[:i], ProfileStep(name, settings), *self.steps[i + 1:]))

    def remove(self, name: str) -> Profile:
        """Take heuristic ``name`` out."""
        i = self._index(name)
        return self._with((*self.steps[:i], *self.steps[i + 1:]))

    def enable(self, *names: str) -> Profile:
        """Switch the heuristics ``names`` on."""
        for n in names:
            self._index(n)
        return self._with(attrs.evolve(s, enabled=True) if s.name in names else s
                          for s in self.steps)

    def disable(self, *names: str) -> Profile:
        """Switch the heuristics ``names`` off (they stay in place for :meth:`enable`)."""
        for n in names:
            self._index(n)
        return self._with(attrs.evolve(s, enabled=False) if s.name in names else s
                          for s in self.steps)

    def enable_only(self, *names: str) -> Profile:
        """Switch every heuristic off but ``names``."""
        for n in names:
            self._index(n)
        return self._with(attrs.evolve(s, enabled=s.name in names) for s in self.steps)

    def configure(self, name: str, **settings: Any) -> Profile:
        """Change settings of heuristic ``name`` (merged over the settings it has).

        A setting the heuristic does not have raises :class:`~baokan.errors.SettingsError`
        here, as :meth:`before`, :meth:`after`, :meth:`at` and :meth:`append` do.
        """
        i = self._index(name)
        step = self.steps[i]
        merged = attrs.evolve(step, settings={**step.options, **settings})
        return self._with((*self.steps[:i], merged, *self.steps[i + 1:]))

    def renamed(self, name: str, description: str | None = None) -> Profile:
        """The same profile under another name."""
        return attrs.evolve(self, name=name,
                            description=self.description if description is None else description)

    def build(self) -> list[Step]:
        """Resolve names to heuristics and settings; check that every need is met in order."""
        steps = [Step(get_heuristic(s.name), get_heuristic(s.name).make_settings(s.options))
                 for s in self.steps if s.enabled]
        check_order(steps)
        return steps


def _kind(value: Any) -> str:
    """What a JSON or TOML value is, in the words of those formats."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "null" if value is None else type(value).__name__


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ProfileError(f"{what} must be an object (a mapping), not {_kind(value)}")
    return value


def _list(value: Any, what: str) -> Sequence[Any]:
    if not isinstance(value, (list, tuple)):
        raise ProfileError(f"{what} must be a list, not {_kind(value)}")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ProfileError(f"{what} must be a string, not {_kind(value)}")
    return value


def _names(value: Any, what: str) -> list[str]:
    return [_text(item, f"each name in {what}") for item in _list(value, what)]


def _only_keys(data: Mapping[str, Any], allowed: Sequence[str], what: str) -> None:
    for key in data:
        if key not in allowed:
            raise ProfileError(f"{what} has no key {key!r}{_did_you_mean(str(key), allowed)}; "
                               f"its keys are: {', '.join(allowed)}")


#: The keys of a profile, in the order their edits apply.
PROFILE_KEYS = ("name", "description", "extends", "steps", "remove", "insert", "enable",
                "disable", "settings")
_STEP_KEYS = ("name", "settings", "enabled")
_INSERT_KEYS = ("name", "before", "after", "settings")


def _step(item: Any) -> ProfileStep:
    if isinstance(item, str):
        return ProfileStep(item)
    data = _mapping(item, "a step")
    _only_keys(data, _STEP_KEYS, "a step")
    if "name" not in data:
        raise ProfileError("a step needs a 'name'")
    name = _text(data["name"], "a step's 'name'")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ProfileError(f"'enabled' of step {name!r} must be true or false, not {_kind(enabled)}")
    return ProfileStep(name, _mapping(data.get("settings", {}), f"the settings of {name!r}"),
                       enabled)


def _insert(profile: Profile, item: Any) -> Profile:
    data = _mapping(item, "each item of 'insert'")
    _only_keys(data, _INSERT_KEYS, "an item of 'insert'")
    name = _text(data.get("name"), "the 'name' of an item of 'insert'")
    settings = _mapping(data.get("settings", {}), f"the settings of {name!r}")
    if ("before" in data) == ("after" in data):
        raise ProfileError(f"inserting {name!r} needs one of 'before' or 'after'")
    if "before" in data:
        return profile.before(_text(data["before"], "'before'"), name, **settings)
    return profile.after(_text(data["after"], "'after'"), name, **settings)


def _from_data(data: Any, *, default_name: str, base_of: Callable[[str], Profile]) -> Profile:
    """The profile ``data`` describes; ``base_of`` finds the profile named by ``extends``."""
    data = _mapping(data, "a profile")
    _only_keys(data, PROFILE_KEYS, "a profile")
    if "steps" in data and "extends" in data:
        raise ProfileError("a profile has 'steps' or 'extends', not both")
    if "steps" in data:
        steps = tuple(_step(item) for item in _list(data["steps"], "'steps'"))
    elif "extends" in data:
        steps = base_of(_text(data["extends"], "'extends'")).steps
    else:
        raise ProfileError("a profile needs 'steps' or 'extends'")
    profile = Profile(name=_text(data.get("name", default_name), "'name'"), steps=steps,
                      description=_text(data.get("description", ""), "'description'"))
    for name in _names(data.get("remove", []), "'remove'"):
        profile = profile.remove(name)
    for item in _list(data.get("insert", []), "'insert'"):
        profile = _insert(profile, item)
    if data.get("enable"):
        profile = profile.enable(*_names(data["enable"], "'enable'"))
    if data.get("disable"):
        profile = profile.disable(*_names(data["disable"], "'disable'"))
    for name, settings in _mapping(data.get("settings", {}), "'settings'").items():
        profile = profile.configure(name, **_mapping(settings, f"the settings of {name!r}"))
    return profile


def _in_file(exc: BaokanError, where: Path | str) -> BaokanError:
    """``exc`` again (same class) with the file it came from in front of its message."""
    return type(exc)(f"{where}: {exc}")


def _read_profile_file(path: Path) -> Any:
    """The data in a profile file (JSON, or TOML for a ``.toml`` name)."""
    raw = read_bytes(path, ProfileError, missing="no such profile file",
                     directory="is a directory, not a profile file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: not UTF-8 text") from None
    if path.suffix.lower() == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib

            try:
                return tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ProfileError(f"{path}: not valid TOML: {exc}") from None
        raise ProfileError(f"{path}: TOML profiles need Python 3.11 or later; write it as JSON")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, "
                           f"column {exc.colno}") from None


def _load_folder(folder: Traversable) -> dict[str, Profile]:
    """Read the profile files ``*.json`` of ``folder``; ``extends`` names another of them."""
    files = {entry.name.removesuffix(".json"): entry for entry in folder.iterdir()
             if entry.name.endswith(".json")}
    loaded: dict[str, Profile] = {}

    def base_of(name: str) -> Profile:
        if name not in loaded:
            raise UnknownProfileError(f"extends {name!r}, which is not a built-in profile; "
                                      f"they are: {', '.join(sorted(files))}")
        return loaded[name]

    def load(name: str, chain: tuple[str, ...]) -> Profile:
        if name in loaded:
            return loaded[name]
        where = str(files[name])
        if name in chain:
            raise ProfileError(f"{where}: profiles extend each other: "
                               f"{' → '.join((*chain, name))}")
        try:
            data = json.loads(files[name].read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{where}: not valid JSON: {exc}") from None
        base = data.get("extends") if isinstance(data, dict) else None
        if isinstance(base, str) and base in files:
            load(base, (*chain, name))  # first, so that its errors name its own file
        try:
            if isinstance(data, dict) and data.get("name", name) != name:
                raise ProfileError(f"its name is {data['name']!r}, but a built-in profile is "
                                   "named after its file")
            loaded[name] = _from_data(data, default_name=name, base_of=base_of)
        except BaokanError as exc:
            raise _in_file(exc, where) from None
        return loaded[name]

    return {name: load(name, ()) for name in sorted(files)}


BUILTIN_PROFILES: dict[str, Profile] = _load_folder(resources.files("baokan.profiles"))
"""The profiles baokan ships, by name: one JSON file each beside this module."""

_user_profiles: dict[str, Profile] = {}


def register_profile(profile: Profile, *, replace: bool = False) -> Profile:
    """Make ``profile`` available by its name (for ``parse(profile=NAME)`` and the CLI)."""
    if not replace and (profile.name in BUILTIN_PROFILES or profile.name in _user_profiles):
        raise ProfileError(f"a profile named {profile.name!r} exists; pass replace=True")
    _user_profiles[profile.name] = profile
    return profile


def get_profile(name: str) -> Profile:
    """The built-in or registered profile called ``name``."""
    found = _user_profiles.get(name) or BUILTIN_PROFILES.get(name)
    if found is None:
        raise UnknownProfileError(f"no profile named {name!r}; known profiles: "
                                  f"{', '.join(profile_names())} (or 'auto', or the path of "
                                  "a profile file)")
    return found


def profile_names() -> list[str]:
    """Names of every built-in and registered profile."""
    return sorted({*BUILTIN_PROFILES, *_user_profiles})


def load_profile(spec: str | os.PathLike[str]) -> Profile:
    """The profile ``spec`` names: a built-in or registered profile, or a profile file.

    A name that is a profile's wins over a file of that name; otherwise ``spec`` is read
    as a file (:meth:`Profile.from_file`) when it is a path object, ends in ``.json`` or
    ``.toml``, contains a path separator, or is an existing file.  Anything else raises
    :class:`~baokan.errors.UnknownProfileError` listing the names.
    """
    if isinstance(spec, str):
        if spec in _user_profiles or spec in BUILTIN_PROFILES:
            return get_profile(spec)
        looks_like_path = (spec.lower().endswith((".json", ".toml")) or "/" in spec
                           or os.sep in spec or Path(spec).is_file())
        if not looks_like_path:
            return get_profile(spec)
    return Profile.from_file(spec)
