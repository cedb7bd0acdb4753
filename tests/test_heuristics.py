"""Helper functions of the heuristics, and heuristics seen through the whole parse.

A heuristic's own input → output cases are fixture files, run by
``tests/heuristics/test_fixtures.py``: ``tests/heuristics/<name>/cases.txt`` and its
``known_failures.txt`` (see ``tests/heuristics/README.md``).  What stays here is what a
fixture case cannot say: unit tests of the helpers a heuristic is built from (name
splitting, byline parsing, spacing, quotes…), a few invariants, and cases where the
behaviour only shows in the parsed Issue (several heuristics working together).
"""

from __future__ import annotations

import pytest

from baokan import Block, Document, Kind, get_heuristic
from baokan.core.columns import split_side_by_side
from baokan.core.names import (
    ROLE,
    name_a_character_a_line,
    photo_credit,
    split_names,
    split_run_together,
)
from baokan.core.spans import cut_off_before
from baokan.heuristics.repair.fold_spacing import fold_spacing_text
from baokan.heuristics.repair.punctuation_width import full_width_punctuation
from baokan.heuristics.structure.find_bylines import parse_byline, parse_byline_line
from baokan.heuristics.structure.find_titles import is_title_text
from tests.layout_text import side_by_side


@pytest.mark.parametrize(("line", "expected"), [
    ("文/图 本报记者 王恬 通讯员 陈章 张卓",
     [("记者", "本报", ("王恬",)), ("通讯员", None, ("陈章", "张卓"))]),
    ("本报记者 张楚研 文/图", [("记者", "本报", ("张楚研",))]),
    ("□记者 杜林波", [("记者", None, ("杜林波",))]),
    ("□秦慕婵", [("作者", None, ("秦慕婵",))]),
    ("○王恬", [("作者", None, ("王恬",))]),
    ("李 杰 印俊闻 张道玲", [(None, None, ("李杰", "印俊闻", "张道玲"))]),
    # a writer's role word after a run that ends like an organisation (or its 特约)
    ("本报特约撰稿 李军", [("作者", "本报特约", ("李军",))]),
    ("本报特约作者 李军", [("作者", "本报特约", ("李军",))]),
    ("新华社撰稿 李军", [("作者", "新华社", ("李军",))]),
    ("本刊作者 李军", [("作者", "本刊", ("李军",))]),
])
def test_byline_lines(line: str,
                      expected: list[tuple[str | None, str | None, tuple[str, ...]]]) -> None:
    parsed = parse_byline_line(line)
    assert parsed is not None
    assert [(b.role, b.organization, b.names) for b in parsed] == expected


@pytest.mark.parametrize("line", ["惠民利民 健康保障启新篇", "每周五授课 为期一年", "生育关怀再加码",
                                  "记者跟随身穿红马甲的桂乡管家们走进环城社区",
                                  # a writer's role word takes no organisation before it
                                  # unless it ends like one
                                  "读者相信作者张明", "不管撰稿李军"])
def test_not_bylines(line: str) -> None:
    assert parse_byline_line(line) is None


def test_names() -> None:
    assert split_names("曹 敏 曾 文 陈开宝") == ["曹敏", "曾文", "陈开宝"]
    assert split_run_together("史书杰刘初郭昕") == ["史书杰", "刘初", "郭昕"]
    assert split_run_together("欧阳修司马光") == ["欧阳修", "司马光"]
    assert split_names("健康保障启新篇") is None
    assert parse_byline("王某") is None



@pytest.mark.parametrize("role", ["记者", "见习记者", "首席记者", "摄影记者", "驻京记者", "特派记者",
                                  "通讯员", "特约通讯员", "实习生", "评论员", "作者", "撰稿", "摄影"])
def test_every_role_word_is_read_alike_in_bylines_and_credits(role: str) -> None:
    # the conventions' role words are one vocabulary (core/names' ROLE_WORD): what a
    # byline reads before names, a photo credit and its caption read too
    assert ROLE.fullmatch(role)
    assert photo_credit(f"本报{role} 李杰 摄") == (0, ("李杰",))
    assert photo_credit(f"学生献花。（{role} 李杰 摄）") == (5, ("李杰",))

def test_fold_spacing() -> None:
    assert fold_spacing_text("创 新 推 行“ 党 建 + 统 战 ”工 作 模") == "创新推行“党建+统战”工作模"
    assert fold_spacing_text("11 月 16 日，共有 1396 亩") == "11月16日，共有1396亩"
    assert fold_spacing_text("精准服务解民忧 。 为方便群众") == "精准服务解民忧。为方便群众"
    assert fold_spacing_text("升级到 Windows 10 和 PM 2.5") == "升级到 Windows 10 和 PM 2.5"
    assert fold_spacing_text("咸安永安街道 全方位护航", keep_phrase_space=True) == "咸安永安街道 全方位护航"
    assert fold_spacing_text("就医负 担") == "就医负担"
    assert fold_spacing_text("从“治已病”到“防未病” 我市医保新政", keep_phrase_space=True) == \
        "从“治已病”到“防未病” 我市医保新政"
    assert fold_spacing_text("从“治已病”到“防未病” 我市医保新政") == "从“治已病”到“防未病”我市医保新政"


def test_fold_spacing_is_idempotent() -> None:
    for text in ("创 新 推 行“ 党 建", "11 月 16 日", "a  b 中 文"):
        once = fold_spacing_text(text)
        assert fold_spacing_text(once) == once


def test_punctuation_width() -> None:
    assert full_width_punctuation('有了医保,日子再难也有底气!')[0] == "有了医保，日子再难也有底气！"
    assert full_width_punctuation("共1,000人,15:30开始")[0] == "共1,000人，15:30开始"
    assert full_width_punctuation('他说:"好的。"')[0] == "他说：“好的。”"
    assert full_width_punctuation('一个"引号')[1] is False


def test_titles() -> None:
    assert is_title_text("生育关怀再加码")
    assert is_title_text("有了医保,日子再难也有底气!")
    assert is_title_text("海勃湾区海北街道黄河社区党委:")
    assert not is_title_text("百姓的急难愁盼就是改革的发力点。")
    assert not is_title_text("居民李大爷患有高血压多年,")


def test_quote_balance() -> None:
    from baokan.heuristics.order.restore_reading_order import quote_balance
    assert quote_balance('希望孩子快乐。"学生家长说。') == (True, False)
    assert quote_balance('回忆。"这些孩子在学校的时光') == (False, True)
    assert quote_balance("“我们”说") == (False, False)


def test_repair_mojibake_line() -> None:
    from baokan.heuristics.repair.repair_mojibake import common_han_share, repair_line
    assert repair_line("ÖÐÎÄ±¨¿¯") == ("中文报刊", "gbk read as latin-1")
    assert repair_line("鎴戜滑杩庢潵瀛︾敓姣曚笟鍏哥ぜ") == ("我们迎来学生毕业典礼", "utf-8 read as gbk")
    assert repair_line("本报讯 记者王恬报道：") == ("本报讯 记者王恬报道：", None)
    assert repair_line("Café au lait, naïve") == ("Café au lait, naïve", None)
    assert common_han_share("中文报刊") == 1.0 and common_han_share("abc") == 0.0


def test_not_text_page_has_no_articles() -> None:
    from baokan import parse
    soup = bytes(range(0xA1, 0xFF)).decode("latin-1")
    issue = parse((soup[:40] + "\n" + soup[40:] + "\n") * 20)
    assert issue.flags == ("not_text",) and not issue.articles and not issue.fragments
    assert issue.dropped and {d.reason for d in issue.dropped} == {"not-text"}


def test_masthead_fills_the_issue_unless_the_caller_did() -> None:
    from baokan import parse
    text = "2024 年 8 月 9 日 星期五 A3\n\n# 标题在这里\n\n本报讯 正文第一段在这里。"
    issue = parse(text)
    assert (str(issue.date), issue.page) == ("2024-08-09", "A3")
    assert parse(text, page="B1", date="2020-01-01").page == "B1"
    assert str(parse(text, date="2020-01-01").date) == "2020-01-01"


def test_reading_order_spans_stay_valid_when_lines_come_out_of_order() -> None:
    # found by fuzzing: a resumed paragraph whose continuation stands on earlier lines
    doc = Document(blocks=(
        Block(text="今年我市推出医保亲情账户，通过整合家庭成员医", start=40, end=40,
              kind=Kind.PARAGRAPH, article=0, tags=frozenset({"starts:indented"})),
        Block(text="“今天，我们迎来毕业典礼。”", start=41, end=41, kind=Kind.PARAGRAPH, article=0,
              tags=frozenset({"starts:indented"})),
        Block(text="保资源，减轻家庭医疗费用负担。", start=3, end=3, kind=Kind.PARAGRAPH, article=0,
              tags=frozenset({"starts:continued"})),
    ))
    h = get_heuristic("restore-reading-order")
    out = h(doc, h.make_settings({}))
    assert out.blocks[0].start == 3 and all(b.start <= b.end for b in out.blocks)
    assert all(d.lines[0] <= d.lines[1] for d in out.diagnostics)


def test_a_name_under_a_title_is_the_authors_byline() -> None:
    from baokan import parse
    body = "习近平同志在党的十九大报告中指出，中国特色社会主义进入了新时代，这是我国发展新的历史方位。"
    issue = parse(f"新时代：发展新方位\n\n奋进新目标\n\n陈曙光\n\n{body}", profile="plain-paragraphs")
    (article,) = issue.articles
    assert [b.names for b in article.bylines] == [("陈曙光",)]
    assert "陈曙光" not in (article.headline or "") + (article.subtitle or "")
    # a one-line title that happens to look like a name stays a title
    issue = parse(f"黄金周\n\n{body}", profile="plain-paragraphs")
    assert issue.articles[0].headline == "黄金周" and not issue.articles[0].bylines


@pytest.mark.parametrize(("heading", "expected"), [
    ("新时代：发展新方位奋进新目标 陈曙光", ("新时代：发展新方位奋进新目标", "陈曙光")),
    ("深刻理解新时代划时代意义 欧阳辉", ("深刻理解新时代划时代意义", "欧阳辉")),
    ("春节期间全省高速公路 高速免费", ("春节期间全省高速公路 高速免费", None)),
    ("咸安永安街道 全方位护航春季开学", ("咸安永安街道 全方位护航春季开学", None)),
    ("惠民利民 健康保障启新篇", ("惠民利民 健康保障启新篇", None)),
])
def test_author_after_a_heading(heading: str, expected: tuple[str, str | None]) -> None:
    from baokan.heuristics.structure.markdown_headings import split_trailing_author
    assert split_trailing_author(heading) == expected


def test_fold_spacing_sees_letter_spacing_behind_a_doubled_space() -> None:
    # found by the idempotence property: the first pass made "李杰 摄 曹 敏" letter-spaced
    once = fold_spacing_text("李杰 摄  曹 敏", keep_phrase_space=True)
    assert once == fold_spacing_text(once, keep_phrase_space=True) == "李杰摄曹敏"


_COLUMN = ["城市更新是一项系统工程，需要统筹推", "进，各地要因地制宜、久久为功。", ""]


def _hard_wrapped_article(body: list[str]) -> list[str]:
    from baokan import parse
    issue = parse("城市更新的新路径\n张三\n\n" + "\n".join(_COLUMN + body) + "\n",
                  profile="hard-wrapped")
    (article,) = issue.articles
    return [s.text for s in article.subheads] + ["|"] + list(article.paragraphs)


def test_join_reads_an_indented_first_line_whose_next_line_the_tool_cut() -> None:
    # the first line is indented (13 of 15 cells); pdftotext cut the next printed line,
    # 「出：“要把这件好事办好办实，让群众都」, where the quotation's font starts
    body = ["规划先行", "市长在全市工作会议上强调指", "出：", "“要把这件好事办好办实，让群众都",
            "满意，决不能让群众来回跑冤枉路，", "各部门要主动对接、靠前服务，把便民",
            "措施落到实处。”会议还部署了下一阶", "段的重点工作。"]
    out = _hard_wrapped_article(body)
    assert out[0] == "规划先行"  # a subhead after a blank line is not swallowed
    assert out[-1].startswith("市长在全市工作会议上强调指出：“要把这件好事办好办实")
    assert out[-1].endswith("段的重点工作。")


def test_a_stretched_line_of_prose_standing_alone_is_not_a_title() -> None:
    body = ["规划先行", "中 国 特 色 社 会 主 义 新 时 代 ，是", "", "产业导入",
            "产业是城市更新的支撑，要引进一批带", "动性强的好项目。"]
    out = _hard_wrapped_article(body)
    assert out[:2] == ["规划先行", "产业导入"]
    # body prose; cut inside a clause, its sentence goes on past the subhead (as a column's
    # subhead printed between a sentence's halves on real pages)
    assert any(p.startswith("中国特色社会主义新时代，是") for p in out[3:])


def test_markdown_subheads_printed_next_to_each_other_stay_subheads() -> None:
    from baokan import parse
    md = ("# 城市更新的新路径\n\n本报记者 张三\n\n城市更新是一项系统工程，需要统筹推进。\n\n"
          "### 规划先行\n\n规划是城市更新的龙头，要科学编制。\n\n### 产业导入\n\n### 民生优先\n\n"
          "民生是城市更新的出发点和落脚点。\n\n### 文化传承\n\n要保护好历史文化街区。\n")
    (article,) = parse(md).articles
    assert article.headline == "城市更新的新路径" and article.subtitle is None
    assert [s.text for s in article.subheads] == ["规划先行", "产业导入", "民生优先", "文化传承"]


def test_a_vertical_headline_opens_an_article_rather_than_a_subhead() -> None:
    from baokan import parse
    first = ["城市更新的新路径", "张三", "", "城市更新是一项系统工程，需要统筹推",
             "进，各地要因地制宜、久久为功，坚持", "规划引领和分类施策相结合。"]
    vertical = list("乡村振兴正当时")
    second = ["今年以来，我县把乡村振兴作为", "头等大事，统筹推进产业发展、人才",
              "培育和乡风文明建设，群众的获得感", "不断增强。"]
    issue = parse("\n".join(first + vertical + second) + "\n", profile="hard-wrapped")
    assert [a.headline for a in issue.articles] == ["城市更新的新路径", "乡村振兴正当时"]


def test_markdown_title_the_tool_did_not_mark_is_read_over_its_authors_name() -> None:
    from baokan import parse
    md = ("# 城市更新的新路径\n\n本报记者 张三\n\n城市更新是一项系统工程，需要统筹推进。\n\n"
          "乡村振兴要久久为功\n\n李四\n\n乡村振兴是一篇大文章，要一件接着一件办。\n")
    issue = parse(md)
    assert [a.headline for a in issue.articles] == ["城市更新的新路径", "乡村振兴要久久为功"]
    assert [b.names for b in issue.articles[1].bylines] == [("李四",)]
    assert all("李四" not in p for a in issue.articles for p in a.paragraphs)


_LEFT = ["城市更新是一项系统工程，需要", "统筹推进，各地要因地制宜、久", "久为功。",
         "  今年以来，我市把城市更新", "作为推动高质量发展的抓手，", "一批惠民项目建成投用。"]


_RIGHT = ["乡 村 振 兴 是 一 篇 大 文 章", "，要一件接着一件办，一年接着", "一年干。",
          "  全县上下  “ 一 盘 棋 ”", "推进产业发展、人才培育和乡风", "文明建设，群众获得感不断增强。"]


def test_split_side_by_side_finds_columns_only_where_there_are() -> None:
    text = split_side_by_side(side_by_side(_LEFT, _RIGHT))
    assert text is not None
    assert text.splitlines()[:6] == [t.strip() for t in _LEFT]
    assert split_side_by_side("\n".join(_LEFT)) is None


def test_a_layout_dump_parses_into_whole_paragraphs() -> None:
    from baokan import parse
    text = side_by_side(_LEFT, _RIGHT)
    issue = parse(text)
    paragraphs = [p for a in issue.articles for p in a.paragraphs]
    assert "城市更新是一项系统工程，需要统筹推进，各地要因地制宜、久久为功。" in paragraphs
    assert "乡村振兴是一篇大文章，要一件接着一件办，一年接着一年干。" in paragraphs


def test_a_line_of_spaces_only_shows_no_columns() -> None:
    from baokan.core.columns import side_by_side
    # however wide, a line of spaces holds no piece of text far right of the margin
    assert not side_by_side(" " * 30) and side_by_side(" " * 30 + "乡村振兴")


def test_printed_line_breaks_marked_by_two_spaces_are_not_columns() -> None:
    # a paragraph a line, the printed lines (all 14 wide) joined by two spaces: pieces
    # start at the same positions on every line, but after runs of one length
    printed = ["城市更新是一项系统工程，需要", "统筹推进，各地要因地制宜、久", "久为功，坚持规划引领和分类施",
               "策相结合，在保护中发展、在发"]
    text = "\n\n".join("  ".join(printed[i:] + printed[:i]) for i in range(4)) + "\n"
    assert split_side_by_side(text) is None


def _runs_of(lines: list[str], **changes: float) -> list[list[str]]:
    import attrs

    from baokan.core.columns import InterleaveSettings, PairStats, Piece, link_columns
    settings = attrs.evolve(InterleaveSettings(), **changes)
    pieces = [Piece.of(line) for line in lines]
    runs = link_columns(pieces, [1] * len(pieces), PairStats(lines), settings)
    return [[lines[i] for i in run] for run in runs]


def test_interleaved_line_that_opens_a_quote_goes_on_with_the_one_that_closes_it() -> None:
    from baokan.core.columns import Piece
    lines = ["老人们常说：“河道通", "社区志愿者每周上门为", "畅了，日子就顺了。”"]
    assert (Piece.of(lines[0]).opens, Piece.of(lines[2]).closes) == (True, True)
    assert not Piece.of("他说：“好。”").opens and not Piece.of("他说：“好。”").closes
    # no pair on the page says which: the quotation mark does, a line further on
    assert _runs_of(lines)[0] == [lines[0], lines[2]]
    assert _runs_of(lines, balanced=0.0)[0][:2] == [lines[0], lines[1]]


def test_interleaved_full_line_does_not_go_on_with_a_short_open_one() -> None:
    # a short line that does not close (a title, a byline) is no column's next line
    lines = ["社区志愿者每周上门为", "老码头新貌", "独居老人测量血压送药"]
    assert _runs_of(lines)[0] == [lines[0], lines[2]]
    assert _runs_of(lines, too_narrow=0.0)[0][:2] == [lines[0], lines[1]]


def test_a_two_character_name_printed_a_character_a_line() -> None:
    assert name_a_character_a_line("张", " 新 ") == "张新"
    assert name_a_character_a_line("杨", "静") == "杨静"
    assert name_a_character_a_line("的", "新") is None  # 的 is no surname
    assert name_a_character_a_line("张新", "新") is None  # not a character a line
    assert name_a_character_a_line("张", "，") is None


def _credit_article(*extra: Block) -> Document:
    body = "城东新建的口袋公园今天正式开放，附近居民纷纷前来散步健身。"
    return Document(blocks=(
        Block(text="城东口袋公园开放", start=1, end=1, kind=Kind.HEADLINE, article=0),
        Block(text=body, start=2, end=2, kind=Kind.PARAGRAPH, article=0),
        *extra,
    ))


def test_a_photo_credit_is_its_captions_not_the_storys_byline() -> None:
    from baokan.assemble import assemble
    from baokan.core.document import BylineData
    from baokan.models import SourceInfo
    credit = Block(text="韩立群 摄", start=4, end=4, kind=Kind.CREDIT, article=0,
                   bylines=(BylineData(names=("韩立群",), role="摄影"),))
    caption = Block(text="居民在公园里散步。", start=3, end=3, kind=Kind.CAPTION, article=0)
    source = SourceInfo(encoding="utf-8", confidence=1.0, sha256="0" * 64)
    # a caption with no credit takes it
    (article,) = assemble(_credit_article(caption, credit), source=source,
                          profile="plain-paragraphs").articles
    assert not article.bylines and article.captions[0].credit == "韩立群"
    # beside a story with no caption to take it, the credit is not the story's author:
    # a fragment of the page
    issue = assemble(_credit_article(credit), source=source, profile="plain-paragraphs")
    assert not issue.articles[0].bylines
    assert [f.text for f in issue.fragments] == ["韩立群 摄"]
    # photo news (a caption and no body): the photographer is the byline
    photo = Document(blocks=(
        Block(text="居民在公园里散步。", start=3, end=3, kind=Kind.CAPTION, article=0,
              bylines=(BylineData(names=("李杰",), role="摄影"),)),
        credit,
    ))
    (article,) = assemble(photo, source=source, profile="plain-paragraphs").articles
    assert [b.names for b in article.bylines] == [("韩立群",)]


def test_an_affiliation_with_no_author_before_it_is_not_body() -> None:
    from baokan.assemble import assemble
    from baokan.core.document import BylineData
    from baokan.models import SourceInfo
    source = SourceInfo(encoding="utf-8", confidence=1.0, sha256="0" * 64)
    note = Block(text="（作者为滨江大学教授）", start=3, end=3, kind=Kind.BYLINE, article=0,
                 tags=frozenset({"affiliation"}),
                 bylines=(BylineData(names=(), organization="滨江大学教授"),))
    name = Block(text="周明远", start=4, end=4, kind=Kind.BYLINE, article=0,
                 bylines=(BylineData(names=("周明远",), role="作者"),))
    # the author's name printed after the affiliation takes it
    (article,) = assemble(_credit_article(note, name), source=source,
                          profile="plain-paragraphs").articles
    assert [(b.names, b.organization) for b in article.bylines] == [(("周明远",), "滨江大学教授")]
    assert len(article.paragraphs) == 1
    # no author in the article (the dump put the name elsewhere): not the body's last
    # paragraph but a fragment of the page
    issue = assemble(_credit_article(note), source=source, profile="plain-paragraphs")
    assert len(issue.articles[0].paragraphs) == 1 and not issue.articles[0].bylines
    assert [f.text for f in issue.fragments] == ["（作者为滨江大学教授）"]


def test_a_role_word_with_no_names_is_not_body() -> None:
    from baokan.assemble import assemble
    from baokan.core.document import BylineData
    from baokan.models import SourceInfo
    source = SourceInfo(encoding="utf-8", confidence=1.0, sha256="0" * 64)
    # 通讯员 right under a head, its names set elsewhere on the page: no body's text but a
    # fragment of the page (accounted for, not lost)
    role = Block(text="通讯员", start=3, end=3, kind=Kind.BYLINE, article=0,
                 bylines=(BylineData(names=(), role="通讯员"),))
    issue = assemble(_credit_article(role), source=source, profile="plain-paragraphs")
    assert len(issue.articles[0].paragraphs) == 1 and not issue.articles[0].bylines
    assert [f.text for f in issue.fragments] == ["通讯员"]


def test_cut_off_before() -> None:
    # a headline find-bylines cut off the dateline's line holds that line alone
    dateline = Block(text="本报讯（记者 王恬）近日…", start=7, end=9, kind=Kind.DATELINE)
    assert cut_off_before(Block(text="送票子出点子", start=7, end=7), dateline)
    assert not cut_off_before(Block(text="送票子出点子", start=6, end=7), dateline)
    assert not cut_off_before(Block(text="送票子出点子", start=6, end=6), dateline)
