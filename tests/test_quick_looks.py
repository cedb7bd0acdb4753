"""The quick looks put before costly matches (and the answers kept for a parse) give the
answers the matches gave: made-up lines, each answer against the pattern it stands for."""

from __future__ import annotations

import pytest
import regex

from baokan.core import names, text
from baokan.heuristics.repair import join_lines, punctuation_width
from baokan.heuristics.structure import page_furniture, read_masthead

_LINES = ["本报记者 王恬", "嘉鱼县融媒体记者 王文东", "文/图 李明", "李杰 摄", "（李杰 摄）",
          "学生献花。（李杰 摄）", "职工们在车间忙碌。图/李彪", "他说：“好。”", "今天下雨，",
          "结束了。\n", "一个人\n", "", " ", "——", "②27", "文字 ③ 5 ", "见第2版）",
          "2024年8月9日 星期五", "第05版", "综合新闻", "城 乡", "A3 要闻", "人民日报",
          "ab\u3000c\u2028d", "x\x1cy", "Windows 10 和", "（下转A2版）", "a,b", "中,文"]


@pytest.mark.parametrize("line", _LINES)
def test_a_quick_look_answers_as_the_match(line: str) -> None:
    punct_end = regex.compile(r"[\p{P}]$")
    assert join_lines._ends_punct(line) == (punct_end.search(line) is not None)
    word_end = regex.compile(r"[\p{Han}\p{L}\p{N}]$")
    stripped = line.rstrip()
    assert text.ends_mid_clause(line) == (bool(stripped) and (
        text.ends_continuing(stripped) or word_end.search(stripped) is not None))
    assert text.visible_chars(line) == len(line) - len(regex.findall(r"\s", line))
    shape = line.strip()
    m = join_lines._byline_shape.match(shape) or join_lines._credit_shape.match(shape)
    assert join_lines.byline_shaped(line) == (m is not None and bool(
        names.split_names(names.ROLE.sub(" ", m["names"]))))
    found = names._photo_credit_re.search(line) if "摄" in line or "图" in line else None
    full_match_none = found is None or (found["names"] or "").endswith("拍")
    assert (names.photo_credit(line) is None) == full_match_none
    mark = page_furniture._MARK.search(line, max(0, len(line) - page_furniture._MARK_TAIL))
    circled = page_furniture._CIRCLED.search(line, max(0, len(line) - page_furniture._MARK_TAIL))
    assert mark is None or circled is not None


def test_the_masthead_look_ahead_takes_the_lines_it_took() -> None:
    # the look-ahead's first-character class added before its cues: the same lines
    before = regex.compile(read_masthead._MAYBE_LINE.pattern.replace(
        "(?=[0-9〇○零一二三四五六七八九星第版A-H\\u2460-\\u2473报])", ""), regex.MULTILINE)
    assert before.pattern != read_masthead._MAYBE_LINE.pattern
    page = "\n".join(_LINES)
    assert [m.span() for m in read_masthead._MAYBE_LINE.finditer(page)] \
        == [m.span() for m in before.finditer(page)]


def test_punctuation_width_looks_further_only_at_lines_with_half_marks() -> None:
    # a line the quick look passes by has nothing the full repair would change
    for line in ["今天下雨", "“好”", "他说：“好。”", "2024年8月9日"]:
        assert punctuation_width._half_mark.search(line) is None
        assert punctuation_width.full_width_punctuation(line) == (line, True)
    assert punctuation_width.full_width_punctuation("a\x00b") == ("ab", True)
    assert punctuation_width.full_width_punctuation('他说"好"') == ("他说“好”", True)
    assert punctuation_width.full_width_punctuation("中,文") == ("中，文", True)


def test_the_line_measures_are_kept_for_a_parse_only() -> None:
    text.forget_parse_memos()
    assert text.line_cells("你好，world") == 5.0 and text.content_length("你好 ab") == 3.0
    assert text._cells_memo and text._content_memo
    text.forget_parse_memos()
    assert not text._cells_memo and not text._content_memo


def test_the_byline_quick_look_lets_through_every_character_the_shapes_name() -> None:
    # ``_not_in_byline_shape`` lists by hand what the byline and credit shapes may hold: a
    # role word or a mark added to a shape must be added to it too, or the look would turn
    # such lines away before the shapes are asked
    syntax = regex.compile(r"\\[pP]\{\w+\}|\\[sdS]|\(\?(?:P<\w+>|[:!=<]*)|\{\d*,?\d*\}"
                           r"|[()\[\]|?*+^$]")
    for shape in (join_lines._byline_shape, join_lines._credit_shape):
        named = syntax.sub("", shape.pattern)
        assert named
        assert [c for c in named if join_lines._not_in_byline_shape.match(c)] == []
    assert join_lines._not_in_byline_shape.match("P")  # the look does turn lines away
