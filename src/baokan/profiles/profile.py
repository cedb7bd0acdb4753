"""Profiles: ordered lists of heuristics with settings, and picking one for a dump.

A :class:`Profile` is data.  Editing one works like markdown-it-py's Ruler —
:meth:`~Profile.before`, :meth:`~Profile.after`, :meth:`~Profile.at`,
:meth:`~Profile.enable`, :meth:`~Profile.disable`, :meth:`~Profile.enable_only`,
:meth:`~Profile.configure` — except that a profile is frozen: each edit returns a new
profile and leaves the original as it was, so nobody has to copy one to change it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from baokan.core.pipeline import Step, check_order
from baokan.core.registry import get_heuristic
from baokan.errors import ProfileError, UnknownProfileError


def _freeze(
    settings: Mapping[str, Any] | Iterable[tuple[str, Any]] | None,
) -> tuple[tuple[str, Any], ...]:
    items = settings.items() if isinstance(settings, Mapping) else (settings or ())
    return tuple(sorted(dict(items).items()))


@attrs.frozen(slots=True)
class ProfileStep:
    """One heuristic of a profile: its name, its settings (as overrides) and whether it runs."""

    name: str
    settings: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_freeze)
    enabled: bool = True

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
        """Read a profile from data (as a TOML or JSON file would hold it).

        ``{"name": ..., "extends": "markdown", "steps": [{"name": ..., "settings": {...}}]}``;
        with ``extends``, ``steps`` may be omitted and ``settings`` (a mapping of heuristic
        name to settings) re-configures the base profile.
        """
        base = get_profile(str(data["extends"])) if data.get("extends") else None
        if "steps" in data:
            steps = tuple(ProfileStep(str(s["name"]) if isinstance(s, Mapping) else str(s),
                                      s.get("settings") if isinstance(s, Mapping) else None,
                                      bool(s.get("enabled", True)) if isinstance(s, Mapping)
                                      else True)
                          for s in data["steps"])
        elif base is not None:
            steps = base.steps
        else:
            raise ProfileError("a profile needs 'steps' or 'extends'")
        profile = cls(name=str(data.get("name", "custom")), steps=steps,
                      description=str(data.get("description", "")))
        for heuristic_name, settings in (data.get("settings") or {}).items():
            profile = profile.configure(heuristic_name, **settings)
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
        """Change settings of heuristic ``name`` (merged over the settings it has)."""
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


_REPAIR_HEAD = ("repair-mojibake", "detect-not-text", "split-layout-columns", "strip-garbage",
                "join-vertical-text")
_STRUCTURE = ("find-bylines", "page-furniture")
_TAIL = ("find-titles", "find-captions", "punctuation-width", "fold-spacing",
         "drop-duplicates", "segment-articles", "restore-reading-order")


def _profile(name: str, description: str, *, markdown: bool, mode: str,
             blank_after_every_line: bool = False) -> Profile:
    steps: list[ProfileStep] = [ProfileStep(n) for n in _REPAIR_HEAD]
    if markdown:
        steps.append(ProfileStep("markdown-headings"))
    steps.append(ProfileStep("read-masthead"))
    steps += [ProfileStep(n) for n in _STRUCTURE]
    join: dict[str, Any] = {"mode": mode}
    if blank_after_every_line:
        join["ignore_blank_lines"] = True
    steps.append(ProfileStep("join-lines", join))
    for n in _TAIL:
        settings: dict[str, Any] | None = None
        if n == "find-titles" and markdown:
            settings = {"plain_lines": False}
        elif n == "segment-articles" and blank_after_every_line:
            settings = {"merge_unspaced_titles": True}
        steps.append(ProfileStep(n, settings))
    return Profile(name=name, steps=tuple(steps), description=description)


BUILTIN_PROFILES: dict[str, Profile] = {
    p.name: p for p in (
        _profile("markdown", "PDF-to-markdown dumps: headings marked with #, a paragraph a line.",
                 markdown=True, mode="paragraph-per-line"),
        _profile("plain-paragraphs", "Plain text with a paragraph a line and blank lines between.",
                 markdown=False, mode="paragraph-per-line"),
        _profile("hard-wrapped", "Plain text wrapped at the column width, a line a printed line.",
                 markdown=False, mode="wrapped"),
        _profile("hard-wrapped-blank-lines",
                 "Plain text wrapped at the column width, with a blank line after every line.",
                 markdown=False, mode="wrapped", blank_after_every_line=True),
    )
}
"""The profiles baokan ships, by name."""

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
                                  f"{', '.join(profile_names())} (or 'auto')")
    return found


def profile_names() -> list[str]:
    """Names of every built-in and registered profile."""
    return sorted({*BUILTIN_PROFILES, *_user_profiles})
