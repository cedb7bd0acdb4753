"""Profiles: ordered lists of heuristics with settings, and picking one for a dump.

The built-in profiles are the JSON files of this package (``markdown.json``…); a user's
profile file is read by :meth:`Profile.from_file` or :func:`load_profile`.
"""

from baokan.profiles.detect import DEFAULT_DETECT, DetectSettings, detect_profile, measure
from baokan.profiles.profile import (
    BUILTIN_PROFILES,
    Profile,
    ProfileStep,
    get_profile,
    load_profile,
    profile_names,
    register_profile,
)

__all__ = ["BUILTIN_PROFILES", "DEFAULT_DETECT", "DetectSettings", "Profile", "ProfileStep",
           "detect_profile", "get_profile", "load_profile", "measure", "profile_names",
           "register_profile"]
