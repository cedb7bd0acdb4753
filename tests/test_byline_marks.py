"""find-bylines' marks before names (``文/X``, ``摄影：X``) are listed once, in
``_MARK_ROLE``; the photographer's mark-first pattern reads its marks from there."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from baokan.core.names import PHOTO_ROLE
from baokan.heuristics.structure import find_bylines as B

# the patterns as first written, each with its own list of marks
_MARK_BEFORE_FIRST = regex.compile(
    r"(?:^|(?<=[\s\p{Han}]))(图文|图片|撰文|摄影|文|图|摄)\s*[/／:：·]\s*(?=\p{Han})")
_PHOTO_MARK_FIRST_FIRST = regex.compile(r"^\s*(?:图\s*片|图|摄\s*影|摄)\s*[/／:：]")


def test_the_photo_marks_are_the_marks_that_name_the_photographer() -> None:
    photo = {mark for mark, role in B._MARK_ROLE.items() if role == PHOTO_ROLE}
    assert photo == {"图", "图片", "摄", "摄影"}
    for mark in photo:
        assert B._PHOTO_MARK_FIRST.match(mark + "/王恬")
        assert B._PHOTO_MARK_FIRST.match(" ".join(mark) + "：王恬")  # letter-spaced
    for mark in set(B._MARK_ROLE) - photo:
        assert not B._PHOTO_MARK_FIRST.match(mark + "/王恬")
    # read apart from the marks before names: the line's start only, no ``·``
    assert B._MARK_BEFORE.search("文·王恬") and not B._PHOTO_MARK_FIRST.match("图·王恬")
    assert not B._PHOTO_MARK_FIRST.match("本报 图/王恬")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("图文片撰摄影王李 /／:：·\u3000x，"), max_size=12))
def test_the_mark_patterns_find_what_they_found_as_first_written(text: str) -> None:
    assert [(m.span(), m.group(1)) for m in B._MARK_BEFORE.finditer(text)] \
        == [(m.span(), m.group(1)) for m in _MARK_BEFORE_FIRST.finditer(text)]
    first, now = _PHOTO_MARK_FIRST_FIRST.match(text), B._PHOTO_MARK_FIRST.match(text)
    assert (first and first.span()) == (now and now.span())
