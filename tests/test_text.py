"""The fast forms of the core's hot counts give what their plain definitions give."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from baokan.core import text as T
from baokan.heuristics.repair import drop_duplicates as D
from baokan.heuristics.repair import repair_mojibake as M

#: Every code point, lone surrogates included (a dump decoded with replacement may hold
#: anything).
EVERY_CHAR = "".join(map(chr, range(0x110000)))

# The definitions the fast classes of baokan.core.text spell out, in ``regex`` terms.
_COMPRESSIBLE = "".join(sorted(frozenset(T.CJK_PUNCT) - frozenset("—…")))
REFERENCE = {
    "_space": regex.compile(r"\s"),
    "_narrow_content": regex.compile(r"[^\s\u2e80-\U0010ffff“”‘’—…]"),
    "_narrow_cell": regex.compile(
        r"[^\s\u2e80-\U0010ffff—…]|[" + regex.escape(_COMPRESSIBLE) + "]"),
    "_cjk_marks": regex.compile("[" + regex.escape(_COMPRESSIBLE.translate(
        str.maketrans("", "", "“”‘’"))) + "]"),
    "_cjk_quotes": regex.compile("[“”‘’]"),
}

texts = st.text(alphabet=st.sampled_from("中华人民共和国报道记者 　，。“”‘’·—…A1\t")
                | st.characters(), max_size=120)


def test_the_spelled_out_classes_match_their_definitions_on_every_code_point() -> None:
    for name, reference in REFERENCE.items():
        fast = getattr(T, name)
        assert fast.findall(EVERY_CHAR) == reference.findall(EVERY_CHAR), name


def _bigrams(text: str) -> set[str]:
    chars = regex.sub(r"\P{Han}+", "", text)
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=6))
def test_a_memo_gives_the_bigrams_of_each_text_and_of_their_join(parts: list[str]) -> None:
    memo = T.BigramMemo()
    for _ in range(2):  # worked out, then remembered
        assert memo.of_joined(parts) == _bigrams("".join(parts))
        for part in parts:
            assert memo.of(part) == _bigrams(part) == T.bigrams(part)


def test_bigrams_are_remembered_for_one_parse_and_never_past_the_bound() -> None:
    T.forget_parse_memos()
    first = T.bigrams("本报记者王恬报道")
    assert first == _bigrams("本报记者王恬报道") and T.bigrams("本报记者王恬报道") is first
    import baokan

    baokan.parse("本报讯 今天下雨。")  # a parse starts with an empty memo
    assert "本报记者王恬报道" not in T._bigram_memo
    for k in range(T._BIGRAM_MEMO_TEXTS + 10):
        assert T.bigrams(f"{k}中国") == {"中国"}
    assert len(T._bigram_memo) <= T._BIGRAM_MEMO_TEXTS
    T.forget_parse_memos()


def _plain_shingles(key: str, k: int) -> set[str]:
    """The pieces of drop-duplicates as first written: a Python loop a character."""
    if len(key) < k:
        return {key}
    if len(key) >= D._MIN_SAMPLED_CHARS:
        sample = {key[i:i + k] for i in range(len(key) - k + 1)
                  if ord(key[i]) % D._SAMPLE_ONE_IN == 0}
        if len(sample) >= D._MIN_SAMPLE_PIECES:
            return sample
    return {key[i:i + k] for i in range(len(key) - k + 1)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("中华人民共和国的一是了我不人在他有这个上们来到时")
               | st.characters(), max_size=300), st.integers(1, 6))
def test_shingles_sliced_in_c_are_the_plain_ones(key: str, k: int) -> None:
    assert D._shingles(key, k) == _plain_shingles(key, k)


def test_punct_counts_and_cells() -> None:
    assert T.punct_counts("他说：“好。”") == (2, 2)
    assert T.line_cells("他说：“好。”") == 3 + 0.5 * 4
    assert T.content_length("A 股上涨。") == 4.5
    assert T.line_cells(" \u3000\t") == 0


def test_a_cut_tail_is_short_up_to_its_full_stop_and_holds_no_clause_mark() -> None:
    assert T.starts_with_cut_tail("握节奏。各地要坚持规划引领")
    assert T.starts_with_cut_tail("明显！")
    assert T.starts_with_cut_tail("甲" * T.MAX_CUT_TAIL + "。")
    assert not T.starts_with_cut_tail("甲" * (T.MAX_CUT_TAIL + 1) + "。")
    assert not T.starts_with_cut_tail("好，真好。")  # a clause mark: a sentence of its own
    assert not T.starts_with_cut_tail("。各地")
    assert not T.starts_with_cut_tail("城市更新")  # a title or a name: no full stop


#: What ``ends_sentence`` was first written as: a search from the start of the line.
_SENTENCE_END_RE = regex.compile(
    "(?:[" + regex.escape(T.SENTENCE_END) + "]|\\.\\.\\.|……)[" + regex.escape(T.CLOSERS) + "]*$")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(T.SENTENCE_END + T.CLOSERS + ". \t\n\u3000中，a")
               | st.characters(), max_size=12))
def test_a_sentence_end_read_off_the_end_is_the_one_the_regex_finds(text: str) -> None:
    assert T.ends_sentence(text) == bool(_SENTENCE_END_RE.search(text.rstrip()))


def _plain_near_copies(keys: dict[int, str], settings: D.DedupSettings) -> list[tuple[int, int]]:
    """drop-duplicates' near copies with every piece in the index (as first written)."""
    index: dict[str, list[int]] = {}
    pieces = {i: D._shingles(key, settings.shingle) for i, key in keys.items()}
    pairs: list[tuple[int, int]] = []
    for i in sorted(keys):
        shared: dict[int, int] = {}
        for piece in pieces[i]:
            for j in index.get(piece, []):
                shared[j] = shared.get(j, 0) + 1
        for j, count in sorted(shared.items()):
            small, large = (i, j) if len(keys[i]) <= len(keys[j]) else (j, i)
            if (len(keys[small]) >= settings.min_ratio * len(keys[large])
                    and count >= settings.min_containment * len(pieces[small])):
                pairs.append((small, large))
        for piece in pieces[i]:
            posting = index.setdefault(piece, [])
            if len(posting) < settings.max_postings:
                posting.append(i)
    return pairs


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("中华人民共和国的一是了"), min_size=12,
                        max_size=60), max_size=12),
       st.integers(1, 3))
def test_near_copies_found_with_the_shared_pieces_only_are_the_plain_ones(
        texts: list[str], max_postings: int) -> None:
    settings = D.DedupSettings(max_postings=max_postings)
    keys = dict(enumerate(texts))
    pieces = {i: D._shingles(key, settings.shingle) for i, key in keys.items()}
    assert D.near_copies(keys, pieces, settings) == _plain_near_copies(keys, settings)


def test_every_set_of_opening_marks_is_drawn_from_the_one_vocabulary() -> None:
    # the vocabulary: quotes, the title mark and brackets, each with its closing mark
    assert T.OPENING_MARKS == T.OPENING_QUOTES + T.OPENING_TITLE_MARKS + T.OPENING_BRACKETS
    assert set(T.CLOSING_MARK_OF) == set(T.OPENING_MARKS)
    assert len(set(T.OPENING_MARKS)) == len(T.OPENING_MARKS)
    assert T.CLOSING_QUOTES == "”’」』"
    assert set(T.CLOSING_MARKS) == set(T.CLOSING_MARK_OF.values())
    # what may follow a sentence's end: every closing mark, and the straight quotes
    assert set(T.CLOSERS) == set(T.CLOSING_MARKS) | {'"', "'"}
    assert T.ends_sentence("他说：“好。”") and T.ends_sentence("好！）") and T.ends_sentence("好!'")
    # a line ending on any opening mark goes on
    assert set(T.OPENING_MARKS) <= set(T.CONTINUING)
    assert all(T.ends_continuing("他说" + ch) for ch in T.OPENING_MARKS)
    assert not T.ends_continuing("他说”")


def test_a_line_starts_with_an_opening_mark_a_straight_quote_or_a_dash() -> None:
    assert all(T.starts_with_opening_mark(ch + "记者") for ch in T.OPENING_MARKS)
    assert T.starts_with_opening_mark('"好"') and T.starts_with_opening_mark("——副题")
    assert T.starts_with_opening_mark("-列项") and T.starts_with_opening_mark("－列项")
    assert not T.starts_with_opening_mark("”他说") and not T.starts_with_opening_mark("记者")
    assert not T.starts_with_opening_mark("") and not T.starts_with_opening_mark(" “他")



def test_the_dash_patterns_derive_from_one_set_of_dashes() -> None:
    # every dash of the vocabulary leads a line; a dash of two marks, spaced or not, leads
    # a subtitle; the wide dashes alone lead one as a 破折号 does
    assert all(T.DASH_START.match(ch + "副题") for ch in T.DASHES)
    assert all(T.DOUBLE_DASH_START.match(a + b + "副题") for a in T.DASHES for b in T.DASHES)
    assert all(T.SUBTITLE_LEAD.match(a + " " + b + "副题") for a in T.DASHES for b in T.DASHES)
    assert not T.DOUBLE_DASH_START.match("— —副题") and not T.SUBTITLE_LEAD.match("——")
    assert set(T.WIDE_DASHES) <= set(T.DASHES) and set(T.OPENING_DASHES) <= set(T.DASHES)
    assert T.WIDE_DASH_START.match(T.DASH_PAIR + "记烟台") and not T.WIDE_DASH_START.match("-列项")
    assert T.ends_paragraph("他们说" + T.DASH_PAIR)


def test_the_three_readings_of_a_closing_dash_differ_only_as_named() -> None:
    # (text, DASH_PAIR_END, KICKER_END, WIDE_DASH_PAIR_END, KICKER_DASH_PAIR_END)
    cases = [
        ("持续优化营商环境——", True, True, True, True),     # the 破折号 as typeset
        ("持续优化营商环境—— ", True, True, True, True),    # white space after it
        ("走进刘仲藜— —", False, False, True, True),        # pdfminer's spaced wide dash
        ("走进刘仲藜――", False, False, True, True),         # the horizontal bar
        ("走进刘仲藜—―", False, False, True, True),         # one of each wide dash
        ("专家解读：", False, True, False, False),           # a colon: the title lines' only
        ("专家解读:", False, True, False, False),
        ("走进刘仲藜－－", False, False, False, True),       # full-width hyphens: join-lines'
        ("走进刘仲藜—－", False, False, False, True),
        ("走进刘仲藜—", False, False, False, False),         # one dash is no 破折号
        ("走进刘仲藜— 　—", False, False, False, False),     # two spaces between: no pair
        ("走进刘仲藜--", False, False, False, False),        # ASCII and en dashes: rules
        ("走进刘仲藜––", False, False, False, False),
        ("——记烟台", False, False, False, False),            # a lead, not an end
    ]
    for text, *want in cases:
        got = [p.search(text) is not None for p in
               (T.DASH_PAIR_END, T.KICKER_END, T.WIDE_DASH_PAIR_END, T.KICKER_DASH_PAIR_END)]
        assert got == want, text
    assert set(T.WIDE_DASHES) < set(T.KICKER_DASHES) <= set(T.DASHES)


_AS_FIRST_WRITTEN = {
    # the closing-dash patterns as each module first wrote its own
    "DASH_PAIR_END": regex.compile("——" + r"\s*$"),
    "KICKER_END": regex.compile("(?:——|[：:])" + r"\s*$"),
    "WIDE_DASH_PAIR_END": regex.compile(r"(?:[—―]\s?){2,}\s*$"),
    "KICKER_DASH_PAIR_END": regex.compile(r"[—―－]\s?[—―－]\s*$"),
}


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("—―－-–：: \u3000\t\n中a"), max_size=12))
def test_the_shared_closing_dashes_find_what_each_module_first_wrote(text: str) -> None:
    for name, first in _AS_FIRST_WRITTEN.items():
        assert (getattr(T, name).search(text) is None) == (first.search(text) is None), name

def test_a_text_leaves_open_a_mark_it_opens_and_does_not_close() -> None:
    assert T.leaves_open("人潮溪镇构建“") and T.leaves_open("《人民（日报》")
    assert not T.leaves_open("构建“大统战”格局") and not T.leaves_open("”他说“好”")
    # straight quotes count only when asked: an odd number leaves one open
    assert not T.leaves_open('他说"好') and T.leaves_open('他说"好', straight_quotes=True)
    assert not T.leaves_open('他说"好"', straight_quotes=True)


def _plain_reads_better(before: str, after: str, lost: int, min_share: float,
                        min_gain: float) -> bool:
    """repair-mojibake's test of a repair with every count made (as first written)."""
    hans = len(M._han.findall(after))
    share = M.common_han_share(after)
    return (share >= min_share and share >= M.common_han_share(before) + min_gain
            and lost <= max(M._LOST_ALLOWED, hans // M._LOST_ONE_IN)
            and hans >= M._MIN_REPAIRED_HAN
            and (hans < M._MIN_HAN_FOR_FREQUENT
                 or M.frequent_share(after) >= M._MIN_FREQUENT_SHARE))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("中文的是了鎶涓枃\ufffdÖa。 "), max_size=40),
       st.text(alphabet=st.sampled_from("中文的鎶\ufffdÖ"), max_size=20))
def test_a_repair_that_lost_too_much_fails_as_the_full_count_says(after: str, before: str) -> None:
    lost = after.count("\ufffd")
    assert M._reads_better(before, after, lost, 0.7, 0.3) \
        == _plain_reads_better(before, after, lost, 0.7, 0.3)
