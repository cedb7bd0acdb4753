"""Profiles: ordered lists of heuristics with settings, and picking one for a dump."""

from baokan.profiles.detect import detect_profile, measure
from baokan.profiles.profile import (
    BUILTIN_PROFILES,
    Profile,
    ProfileStep,
    get_profile,
    profile_names,
    register_profile,
)

__all__ = ["BUILTIN_PROFILES", "Profile", "ProfileStep", "detect_profile", "get_profile", "measure",
           "profile_names", "register_profile"]
