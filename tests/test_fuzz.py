"""Fuzzing: arbitrary bytes, arbitrary text and mutated seeds never crash ``parse``; every
Issue's JSON keeps the contract (its JSON Schema and the rules of ``baokan.contract``) and
reads back to the same Issue; no Han character is lost without an account.

The budget is the hypothesis profile: "ci" (the default, 60 examples a test) or, for a
long run, ``--hypothesis-profile=fuzz`` (5,000 a test).
"""

from __future__ import annotations

import json
from collections import Counter

import regex
from hypothesis import given
from hypothesis import strategies as st

import baokan

from .conftest import SEEDS
from .contract_check import contract_errors

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]


def han(text: str) -> Counter[str]:
    return Counter(regex.findall(r"\p{Han}", text))


def accounted(issue: baokan.Issue) -> str:
    data = issue.to_dict()
    return json.dumps([data["articles"], data["fragments"], data["dropped"]], ensure_ascii=False)


def check(issue: baokan.Issue) -> dict[str, object]:
    assert isinstance(issue, baokan.Issue)
    data = json.loads(issue.to_json())
    assert contract_errors(data) == []
    assert baokan.Issue.from_dict(data) == issue
    return data


@st.composite
def mutated_seeds(draw: st.DrawFn) -> str:
    """A seed cut to a window, with its lines shuffled, repeated, deleted, and with spaces,
    blank lines, U+FFFD and control characters sprinkled in."""
    lines = draw(st.sampled_from(SEED_TEXTS)).splitlines()
    start = draw(st.integers(0, len(lines) - 1))
    lines = lines[start:start + draw(st.integers(1, 120))]
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["shuffle", "duplicate", "delete", "space", "blank",
                                   "garbage", "control", "cut"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        if not lines:
            break
        line = lines[at]
        if op == "shuffle":
            lines = draw(st.permutations(lines))
        elif op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif op == "delete":
            del lines[at]
        elif op == "blank":
            lines.insert(at, "")
        else:
            pos = draw(st.integers(0, len(line)))
            piece = {"space": draw(st.sampled_from([" ", "  ", "\u3000", "\t"])),
                     "garbage": "\ufffd" * draw(st.integers(1, 6)),
                     "control": draw(st.sampled_from(["\x00", "\x07", "\x1b", "\u200b", "\x85"])),
                     "cut": ""}[op]
            lines[at] = line[:pos] + piece + (line[pos:] if op != "cut" else "")
    return "\n".join(lines)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(baokan.parse(data))


@given(st.text(max_size=600))
def test_arbitrary_text(text: str) -> None:
    issue = baokan.parse(text)
    check(issue)
    assert not han(text) - han(accounted(issue))


@given(mutated_seeds())
def test_mutated_seeds_keep_every_han_character(text: str) -> None:
    issue = baokan.parse(text)
    check(issue)
    assert not han(text) - han(accounted(issue))


@given(mutated_seeds(), st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "utf-16-le",
                                         "utf-8-sig"]), st.data())
def test_mutated_seeds_re_encoded_and_truncated(text: str, encoding: str,
                                                data: st.DataObject) -> None:
    raw = text.encode(encoding, errors="replace")
    raw = raw[:data.draw(st.integers(0, len(raw)))]  # cut at any byte
    check(baokan.parse(raw))


@given(mutated_seeds(), st.sampled_from(["\r\n", "\r", "\u2028", "\n"]))
def test_line_endings(text: str, ending: str) -> None:
    issue = baokan.parse(text.replace("\n", ending))
    check(issue)
    assert not han(text) - han(accounted(issue))
