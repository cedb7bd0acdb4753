"""baokan (报刊): clean, typed articles from raw text dumps of Chinese newspapers.

    >>> import baokan
    >>> issue = baokan.parse_file("seeds/001_bf79e90147921a73.txt")
    >>> issue.articles[0].headline
    '从“治已病”到“防未病” 我市医保新政为市民幸福“加码”'

The public surface is what this module exports: :func:`parse`, :func:`parse_file` and
:func:`pipe`, the models, :func:`to_arrow` and :func:`to_pandas`, :func:`decode`, the
heuristic and profile machinery, :func:`evaluate`, and the exceptions.
"""

from baokan._version import __version__
from baokan.api import parse, parse_file
from baokan.core.document import Block, BylineData, Document, Kind, Recorder
from baokan.core.marks import (
    ArticleFlag,
    DocumentFlag,
    Mark,
    Stage,
    Tag,
    declare_mark,
    declared_marks,
    get_mark,
)
from baokan.core.pipeline import HeuristicFailed
from baokan.core.registry import (
    ENTRY_POINT_GROUP,
    Heuristic,
    NoSettings,
    available_heuristics,
    get_heuristic,
    heuristic,
)
from baokan.decode import Decoded, decode
from baokan.errors import (
    BaokanError,
    DuplicateHeuristicError,
    InputError,
    MarkError,
    MissingExtraError,
    NotTextError,
    ProfileError,
    SettingsError,
    UndeclaredMarkError,
    UnknownHeuristicError,
    UnknownMarkError,
    UnknownProfileError,
)
from baokan.evaluate import evaluate, evaluate_corpus, evaluate_files, format_table
from baokan.frames import to_arrow, to_pandas
from baokan.models import (
    Article,
    Byline,
    Caption,
    Diagnostic,
    Dropped,
    Fragment,
    Issue,
    SourceInfo,
    Subhead,
)
from baokan.profiles import (
    BUILTIN_PROFILES,
    DetectSettings,
    Profile,
    ProfileStep,
    detect_profile,
    get_profile,
    load_profile,
    profile_names,
    register_profile,
)
from baokan.stream import pipe

register = heuristic
"""Alias of :func:`heuristic`: register a function as a named heuristic."""

__all__ = [
    "BUILTIN_PROFILES", "ENTRY_POINT_GROUP", "Article", "ArticleFlag", "BaokanError", "Block",
    "Byline", "BylineData", "Caption", "Decoded", "DetectSettings", "Diagnostic", "Document",
    "DocumentFlag", "Dropped", "DuplicateHeuristicError", "Fragment", "Heuristic",
    "HeuristicFailed", "InputError", "Issue", "Kind", "Mark", "MarkError", "MissingExtraError",
    "NoSettings",
    "NotTextError", "Profile", "ProfileError", "ProfileStep", "Recorder", "SettingsError",
    "SourceInfo", "Stage", "Subhead", "Tag", "UndeclaredMarkError", "UnknownHeuristicError",
    "UnknownMarkError", "UnknownProfileError", "__version__", "available_heuristics",
    "declare_mark", "declared_marks", "decode", "detect_profile", "evaluate", "evaluate_corpus",
    "evaluate_files", "format_table", "get_heuristic", "get_mark", "get_profile", "heuristic",
    "load_profile", "parse", "parse_file", "pipe", "profile_names", "register", "register_profile",
    "to_arrow", "to_pandas",
]
