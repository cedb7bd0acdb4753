"""Each built-in heuristic alone, on small inputs written here."""

from __future__ import annotations

import pytest

from baokan import Block, Document, Kind, get_heuristic
from baokan.core.names import split_names, split_run_together
from baokan.heuristics.repair.fold_spacing import fold_spacing_text
from baokan.heuristics.repair.punctuation_width import full_width_punctuation
from baokan.heuristics.structure.find_bylines import parse_byline, parse_byline_line
from baokan.heuristics.structure.find_titles import is_title_text


def run(name: str, text: str, **settings: object) -> Document:
    h = get_heuristic(name)
    return h(Document.from_text(text), h.make_settings(settings))


def run_doc(name: str, doc: Document, **settings: object) -> Document:
    h = get_heuristic(name)
    return h(doc, h.make_settings(settings))


def test_strip_garbage_splits_headline_from_body() -> None:
    doc = run("strip-garbage",
              "西华：推动征缴工作\ufffd\ufffd\ufffd为认真做好征缴工作，\n\ufffd\ufffd本报讯 正文")
    assert [b.text for b in doc.blocks] == ["西华：推动征缴工作", "为认真做好征缴工作，", "本报讯 正文"]
    assert all(d.reason == "garbage" and "\ufffd" not in d.text for d in doc.dropped)
    assert "U+FFFD×3" in doc.dropped[0].text


def test_strip_garbage_single_mark_only_removed() -> None:
    doc = run("strip-garbage", "医\ufffd保基金")
    assert [b.text for b in doc.blocks] == ["医保基金"]


def test_markdown_headings() -> None:
    doc = run("markdown-headings", "### 专栏\n# **惠民利民**\n正文。\n#")
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("专栏", 3), ("惠民利民", 1), ("正文。", None)]
    assert doc.dropped[0].reason == "furniture"


@pytest.mark.parametrize(("line", "expected"), [
    ("文/图 本报记者 王恬 通讯员 陈章 张卓",
     [("记者", "本报", ("王恬",)), ("通讯员", None, ("陈章", "张卓"))]),
    ("本报记者 张楚研 文/图", [("记者", "本报", ("张楚研",))]),
    ("□记者 杜林波", [("记者", None, ("杜林波",))]),
    ("□秦慕婵", [("作者", None, ("秦慕婵",))]),
    ("○王恬", [("作者", None, ("王恬",))]),
    ("李 杰 印俊闻 张道玲", [(None, None, ("李杰", "印俊闻", "张道玲"))]),
])
def test_byline_lines(line: str,
                      expected: list[tuple[str | None, str | None, tuple[str, ...]]]) -> None:
    parsed = parse_byline_line(line)
    assert parsed is not None
    assert [(b.role, b.organization, b.names) for b in parsed] == expected


@pytest.mark.parametrize("line", ["惠民利民 健康保障启新篇", "每周五授课 为期一年", "生育关怀再加码",
                                  "记者跟随身穿红马甲的桂乡管家们走进环城社区"])
def test_not_bylines(line: str) -> None:
    assert parse_byline_line(line) is None


def test_dateline_byline_and_body_are_split() -> None:
    doc = run("find-bylines", "本报讯 记者王恬、通讯员万忠斌报道:“真没想到。”近日，货车司机王师傅……")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == (Kind.DATELINE, "本报讯")
    assert kinds[1][0] == Kind.BYLINE
    assert [(d.role, d.names) for d in doc.blocks[1].bylines] == [("记者", ("王恬",)),
                                                                 ("通讯员", ("万忠斌",))]
    assert kinds[2] == (Kind.TEXT, "“真没想到。”近日，货车司机王师傅……")


def test_dateline_with_bracketed_byline() -> None:
    doc = run("find-bylines", "本报讯 （记者 牛思光 ）喜欢绘")
    assert [b.kind for b in doc.blocks] == [Kind.DATELINE, Kind.BYLINE, Kind.TEXT]
    assert doc.blocks[1].bylines[0].names == ("牛思光",)
    assert doc.blocks[2].text == "喜欢绘"


def test_trailing_bylines() -> None:
    doc = run("find-bylines", "按时“清零”。（曹 敏 曾 文 陈开宝）\n（作者单位：淮阳区融媒体中心）\n"
                              "完成98%以上。 ②27 （史书杰刘初郭昕）")
    assert doc.blocks[1].bylines[0].names == ("曹敏", "曾文", "陈开宝")
    assert "closing" in doc.blocks[1].tags
    assert doc.blocks[2].bylines[0].organization == "淮阳区融媒体中心"
    assert "affiliation" in doc.blocks[2].tags
    assert doc.blocks[4].bylines[0].names == ("史书杰", "刘初", "郭昕")


def test_photo_credit() -> None:
    doc = run("find-bylines", "李杰 摄\n李天亮/摄")
    assert [b.kind for b in doc.blocks] == [Kind.CREDIT, Kind.CREDIT]
    assert doc.blocks[1].bylines[0].names == ("李天亮",)
    assert doc.blocks[0].bylines[0].role == "摄影"


def test_editor_marks_and_credit_lines() -> None:
    doc = run("page-furniture", "有力度的好作品。 ②15\n编辑：张三 校对：李四")
    assert [(b.kind, b.text) for b in doc.blocks] == [(Kind.TEXT, "有力度的好作品。"),
                                                      (Kind.EDITOR_MARK, "②15")]
    assert doc.dropped[0].reason == "furniture"


def test_names() -> None:
    assert split_names("曹 敏 曾 文 陈开宝") == ["曹敏", "曾文", "陈开宝"]
    assert split_run_together("史书杰刘初郭昕") == ["史书杰", "刘初", "郭昕"]
    assert split_run_together("欧阳修司马光") == ["欧阳修", "司马光"]
    assert split_names("健康保障启新篇") is None
    assert parse_byline("王某") is None


def test_join_wrapped_lines() -> None:
    text = ("耕地是最宝贵的资源，是粮食生产的\n\n“命脉”。笔者走进郴州市苏仙区\n\n"
            "和平村胜利组一农田现场看到，工作\n\n人员正在作业。\n\n今年以来，苏仙区部分乡镇出现\n\n"
            "耕地种植“草皮”反弹现象。")
    doc = run("join-lines", text, mode="wrapped")
    assert [b.text for b in doc.blocks] == [
        "耕地是最宝贵的资源，是粮食生产的“命脉”。笔者走进郴州市苏仙区"
        "和平村胜利组一农田现场看到，工作人员正在作业。",
        "今年以来，苏仙区部分乡镇出现耕地种植“草皮”反弹现象。"]


def test_join_never_swallows_a_title() -> None:
    text = ("会心潮澎湃。”参加第三届周商大会的广西\n华仁医学科技集团董事长季风讲道。\n"
            "为保障人民健康贡献力量\n———访广西华仁医学科技集团董事长季风\n"
            "周口有着深厚的文化积淀、优越的交\n通区位、良好的产业基础和优良的营\n商环境。")
    doc = run("join-lines", text, mode="wrapped")
    assert [b.text for b in doc.blocks] == [
        "会心潮澎湃。”参加第三届周商大会的广西华仁医学科技集团董事长季风讲道。",
        "为保障人民健康贡献力量", "———访广西华仁医学科技集团董事长季风",
        "周口有着深厚的文化积淀、优越的交通区位、良好的产业基础和优良的营商环境。"]


def test_join_keeps_indented_first_line_and_full_sentence_end() -> None:
    text = ("了各级经办人员征缴业务培训会。县\n级层面成立了县长任组长的城乡医\n"
            "保征缴工作领导小组；相关部门会商。\n究工作中遇到的难题，共同谋划城乡\n"
            "医保征缴工作，全县上下层层细化工\n作责任。\n精准服务解民忧。为方便群众\n"
            "缴费，该县持续推行“线上+线下”双\n重参保缴费渠道，群众可以通过支付\n宝缴费。")
    doc = run("join-lines", text, mode="wrapped")
    assert [b.text[:8] for b in doc.blocks] == ["了各级经办人员征", "精准服务解民忧。"]


def test_join_sentence_cut_by_blank_line() -> None:
    text = ("与此同时,针对意外伤害报销政策在全\n\n市范围内存在的口径不一问题,市医保部门将统一规范。"
            "\n\n生育关怀再加码")
    doc = run("join-lines", text, mode="paragraph-per-line")
    assert [b.text for b in doc.blocks] == [
        "与此同时,针对意外伤害报销政策在全市范围内存在的口径不一问题,市医保部门将统一规范。",
        "生育关怀再加码"]


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


def test_find_titles_markdown_heading_that_is_body() -> None:
    doc = run("markdown-headings", "#### 不大,但每一处都需要用脚步丈量。今年以来,黄河社区党委紧紧围绕")
    doc = run_doc("find-titles", doc)
    assert doc.blocks[0].kind == Kind.PARAGRAPH


def test_drop_duplicates_keeps_copy_in_article() -> None:
    spill = "在这段江面上巡航，既守护船舶航行安全，也守护这一江清水。"
    doc = Document.from_text(
        f"前文的最后一段话在这里结束了。\n{spill}\n嘉鱼江畔“植”青绿\n文/图 本报记者 王恬\n{spill}")
    for name in ("find-bylines", "join-lines", "find-titles", "drop-duplicates"):
        h = get_heuristic(name)
        doc = h(doc, h.make_settings({"mode": "paragraph-per-line"} if name == "join-lines" else {}))
    texts = [b.text for b in doc.blocks]
    assert texts.count(spill) == 1 and texts.index(spill) == 3
    assert doc.dropped[0].reason == "duplicate" and doc.dropped[0].source_lines == (2, 2)


def test_markdown_markup_and_picture_text_are_removed() -> None:
    doc = run("markdown-headings",
              "# > **新时代：发展新方位** 陈曙光\n<!-- Start of picture text -->\n5 rm w<br>HA FRAG\n"
              "<!-- End of picture text -->\n正文**重点**在这里。")
    assert [(b.text, b.level) for b in doc.blocks] == [("新时代：发展新方位", 1), ("陈曙光", None),
                                                       ("正文重点在这里。", None)]
    assert doc.blocks[1].kind == Kind.BYLINE  # the author set beside the title
    assert [d.reason for d in doc.dropped] == ["furniture", "furniture", "furniture"]


def test_per_line_join_reads_the_printed_first_line() -> None:
    # each paragraph on one line with its printed lines kept as spaces (10 cells wide): an
    # indented first line starts a paragraph even after an open sentence; a full one
    # carries the sentence on
    text = ("今年我市推进医保 改革工作取得明显成效 群众就医负担不断减轻 新能源公交车上线解决\n\n"
            "六米公交车共开通 三条微循环线路和一条 特色道路沙海观澜正常 公交线路长度约三十公\n\n"
            "里新增加的微循环线路 长度为十公里左右经过 明德家园小区等原本未 通行的地点。")
    doc = run("join-lines", text, mode="paragraph-per-line")
    assert [b.text[:4] for b in doc.blocks] == ["今年我市", "六米公交"]
    assert "starts:indented" in doc.blocks[1].tags
    assert doc.blocks[1].text.endswith("通行的地点。")


def test_per_line_join_treats_a_narrow_stretch_as_wrapped() -> None:
    column = ["“今天，我们迎来学生毕业", "典礼，这是一个属于学生、", "教师及家长的特别的日子，",
              "让我们响起最热烈的掌声，", "送给全体毕业生及家长。”近", "日，学校举办了学生毕业典",
              "礼，欢送即将离开的孩子们。"]
    lead = "今年我市推进医保改 革工作取得明显成效， 群众就医负担不断减 轻，服务更加便捷。"
    text = lead + "\n\n" + "\n\n".join(column)
    doc = run("join-lines", text, mode="paragraph-per-line")
    assert [b.text for b in doc.blocks] == [lead, "".join(column)]


def _segmented(text: str) -> Document:
    doc = Document.from_text(text)
    for name in ("markdown-headings", "find-bylines", "join-lines", "find-titles",
                 "punctuation-width", "segment-articles"):
        h = get_heuristic(name)
        settings = {"join-lines": {"mode": "paragraph-per-line"},
                    "find-titles": {"plain_lines": False}}.get(name, {})
        doc = h(doc, h.make_settings(settings))
    return doc


def test_reading_order_resumes_and_sends_a_displaced_run_home() -> None:
    text = "\n\n".join([
        "# 医保账户家庭共享", "本报记者 张三",
        "今年我市推出医保 亲情账户，方便老人小 孩申领医保电子凭证， 用于挂号买药结算。",
        '"医保个人账户 家庭共济与亲情账户 绑定，通过整合家庭 成员，节省了家庭医',
        '"今天，特殊教育 学校迎来学生毕业 典礼，这是属于学生 家长的好日子。',
        '保资源，实现个人账户 资金全家共用，减轻 家庭医疗费用负担。" 医保局梁欢欢说。',
        "# 特殊的毕业典礼", "本报记者 李四",
        '希望孩子离开特殊教育 学校以后还能这么快 乐。"参加毕业典礼的 学生家长说。'])
    h = get_heuristic("restore-reading-order")
    doc = h(_segmented(text), h.make_settings({}))
    by_article: dict[int, list[str]] = {}
    for b in doc.blocks:
        if b.kind == Kind.PARAGRAPH and b.article is not None:
            by_article.setdefault(b.article, []).append(b.text)
    first, second = by_article[0], by_article[1]
    assert first[-1].startswith('"医保个人账户') and first[-1].endswith("梁欢欢说。")
    assert not any("毕业典礼" in p for p in first)
    # the run is the missing start of the story; the story's first paragraph closes the
    # quotation the run opened
    assert len(second) == 1 and second[0].startswith('"今天') and "希望孩子" in second[0]
    actions = [d.action for d in doc.diagnostics if d.heuristic == "restore-reading-order"]
    assert "resumed an interrupted paragraph" in actions
    assert "moved a displaced run to the article it names" in actions
    assert all("flag:interleaved" in b.tags for b in doc.blocks if b.kind == Kind.HEADLINE)


def test_quote_balance() -> None:
    from baokan.heuristics.order.restore_reading_order import quote_balance
    assert quote_balance('希望孩子快乐。"学生家长说。') == (True, False)
    assert quote_balance('回忆。"这些孩子在学校的时光') == (False, True)
    assert quote_balance("“我们”说") == (False, False)


def test_repair_mojibake_lines() -> None:
    from baokan.heuristics.repair.repair_mojibake import common_han_share, repair_line
    assert repair_line("ÖÐÎÄ±¨¿¯") == ("中文报刊", "gbk read as latin-1")
    assert repair_line("鎴戜滑杩庢潵瀛︾敓姣曚笟鍏哥ぜ") == ("我们迎来学生毕业典礼", "utf-8 read as gbk")
    assert repair_line("本报讯 记者王恬报道：") == ("本报讯 记者王恬报道：", None)
    assert repair_line("Café au lait, naïve") == ("Café au lait, naïve", None)
    assert common_han_share("中文报刊") == 1.0 and common_han_share("abc") == 0.0
    doc = run("repair-mojibake", "ÖÐÎÄ±¨¿¯\n中文")
    assert doc.text == "中文报刊\n中文" and doc.diagnostics[0].lines == (1, 1)
    # one damaged line among clean ones, with curly quotes and dashes on the clean lines
    clean = "“今天，我们迎来毕业典礼——这是一个特别的日子。”\n"
    doc = run("repair-mojibake", clean * 3 + "鎴戜滑杩庢潵瀛︾敓姣曚笟鍏哥ぜ\n" + clean)
    assert doc.text == clean * 3 + "我们迎来学生毕业典礼\n" + clean.rstrip("\n")
    assert [d.lines for d in doc.diagnostics] == [(4, 4)]
    assert run("repair-mojibake", clean * 4).diagnostics == ()


def test_detect_not_text() -> None:
    soup = "¸÷µØ ÉÔ¤ (cid:12)(cid:40) Ã¿ÌìÐ¡±à Ê±´ú¡£ ÎÒÃÇ ¿ªÊ¼\n" * 5
    doc = run("detect-not-text", soup)
    assert not doc.blocks and doc.flags == {"not_text"}
    assert [d.reason for d in doc.dropped] == ["not-text"] * 5
    assert "".join(d.text for d in doc.dropped) == soup.replace("\n", "")
    assert run("detect-not-text", "本报讯 正文在这里。\n" * 5).blocks


def test_not_text_page_has_no_articles() -> None:
    from baokan import parse
    soup = bytes(range(0xA1, 0xFF)).decode("latin-1")
    issue = parse((soup[:40] + "\n" + soup[40:] + "\n") * 20)
    assert issue.flags == ("not_text",) and not issue.articles and not issue.fragments
    assert issue.dropped and {d.reason for d in issue.dropped} == {"not-text"}


def test_drop_duplicates_near_copies() -> None:
    original = "在这段江面上巡航，既守护船舶航行安全，也守护这一江清水，让两岸群众安心。"
    variant = original.replace("江清水", "江清永")  # an OCR misreading in the second copy
    cut = original[:30]  # a copy cut short where the column ended
    other = "另一段话完全不同，讲的是别的事情。"
    doc = Document.from_text(f"嘉鱼江畔植青绿\n{original}\n{other}\n{variant}\n{cut}")
    h = get_heuristic("drop-duplicates")
    out = h(doc, h.make_settings({}))
    assert [b.text for b in out.blocks] == ["嘉鱼江畔植青绿", original, other]
    assert [d.source_lines for d in out.dropped] == [(4, 4), (5, 5)]
    assert all("near duplicate of lines 2-2" in d.detail for d in out.diagnostics)
    unchanged = h(doc, h.make_settings({"near": False}))
    assert len(unchanged.blocks) == 5


@pytest.mark.parametrize(("line", "meta"), [
    ("2024 年 8 月 9 日 星期五", {"date": "2024-08-09"}),
    ("二〇二四年八月三十一日 星期六 农历甲辰年七月廿八", {"date": "2024-08-31"}),
    ("咸宁日报 2023年7月6日 第05版", {"date": "2023-07-06", "page": "第05版",
                                      "publication": "咸宁日报"}),
    ("A3 2024年1月2日", {"date": "2024-01-02", "page": "A3"}),
    ("2018 年 1 月 2 日 星期二            7 理论", {"date": "2018-01-02", "page": "7"}),
    ("7 理论", {"page": "7"}),
])
def test_read_masthead(line: str, meta: dict[str, str]) -> None:
    doc = run("read-masthead", f"{line}\n# 标题在这里\n正文第一段。")
    assert dict(doc.meta) == meta
    assert [b.text for b in doc.blocks] == ["# 标题在这里", "正文第一段。"]
    assert doc.dropped[0].reason == "masthead" and doc.dropped[0].text == line


@pytest.mark.parametrize("line", [
    "2024年8月9日，市医保局召开全市医保工作会议。",  # a sentence, not a masthead
    "8月9日上午",
    "3 大亮点值得关注",
])
def test_read_masthead_leaves_body_alone(line: str) -> None:
    doc = run("read-masthead", line)
    assert not doc.meta and [b.text for b in doc.blocks] == [line]


def test_masthead_fills_the_issue_unless_the_caller_did() -> None:
    from baokan import parse
    text = "2024 年 8 月 9 日 星期五 A3\n\n# 标题在这里\n\n本报讯 正文第一段在这里。"
    issue = parse(text)
    assert (str(issue.date), issue.page) == ("2024-08-09", "A3")
    assert parse(text, page="B1", date="2020-01-01").page == "B1"
    assert str(parse(text, date="2020-01-01").date) == "2020-01-01"


def test_truncated_start_is_flagged() -> None:
    text = ("# 嘉鱼江畔植青绿\n\n文/图 本报记者 王恬\n\n"
            "在这段江面上巡航，也守护这一江清水，感觉特别有意义。”海事人员说。\n\n后面还有一段正文。")
    doc = _segmented(text)
    h = get_heuristic("restore-reading-order")
    doc = h(doc, h.make_settings({}))
    assert "flag:truncated_start" in doc.blocks[0].tags
    assert any(d.action == "body starts mid-sentence" for d in doc.diagnostics)


def test_wrapped_body_starting_with_a_full_line_is_continued() -> None:
    text = ("民生冷暖见初心\n○王恬\n区还是通山山村，无论你是赤壁务工还是崇阳\n"
            "务农，都能享受到一把尺子量到底的医保待\n遇。这种同城同待遇的制度设计正是表达。")
    doc = run_doc("join-lines", run("find-bylines", text), mode="wrapped")
    body = [b for b in doc.blocks if b.kind == Kind.PARAGRAPH]
    assert body[-1].text.startswith("区还是") and "starts:continued" in body[-1].tags


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


@pytest.mark.parametrize("line", ["广告热线：0715-8128888", "订报热线 0715—8125555 8126666",
                                  "咸宁 晴转多云 12℃～20℃", "明天 小雨 8℃", "地址：咸宁市温泉路1号",
                                  "责任编辑：王恬"])
def test_furniture_lines_are_dropped(line: str) -> None:
    doc = run("page-furniture", f"{line}\n正文第一段在这里。")
    assert [b.text for b in doc.blocks] == ["正文第一段在这里。"]
    assert doc.dropped[0].reason == "furniture" and doc.dropped[0].text == line


@pytest.mark.parametrize("line", ["市民可拨打咨询电话12345反映问题。", "今天气温最高达到35℃，市民注意防暑。",
                                  "电话那头传来熟悉的声音，让他红了眼眶"])
def test_body_lines_with_phones_or_weather_stay(line: str) -> None:
    assert [b.text for b in run("page-furniture", line).blocks] == [line]


def test_a_bare_phone_word_is_not_an_advertisement() -> None:
    assert len(run("page-furniture", "电话那头传来熟悉的声音").blocks) == 1


def test_author_note_broken_over_lines_is_one_affiliation() -> None:
    text = ("题作出了重大贡献。\n（作 者 为 中 央 党 校 习 近 平 新 时\n"
            "代中国特色社会主义思想研究中心\n研究员）\n下一篇文章的标题")
    doc = run("find-bylines", text)
    note = [b for b in doc.blocks if b.kind == Kind.BYLINE]
    assert len(note) == 1 and note[0].span == (2, 4) and "affiliation" in note[0].tags
    assert note[0].bylines[0].organization == "中央党校习近平新时代中国特色社会主义思想研究中心研究员"


def test_vertical_text_one_character_a_line_is_joined() -> None:
    doc = run("join-vertical-text", "正文最后一句。\n意\n气\n风\n发\n\n走\n进\n下一段正文在这里。\n好")
    assert [b.text for b in doc.blocks] == ["正文最后一句。", "意气风发", "走", "进",
                                            "下一段正文在这里。", "好"]
    assert doc.blocks[1].span == (2, 5)


def test_masthead_section_name_between_masthead_lines() -> None:
    doc = run("read-masthead", "7 理论\n理论\n2018 年1 月2 日星期二\n习近平同志在党的十九大报告")
    assert dict(doc.meta) == {"page": "7", "date": "2018-01-02"}
    assert [b.text for b in doc.blocks] == ["习近平同志在党的十九大报告"]
    assert [b.text for b in run("read-masthead", "理论\n正文").blocks] == ["理论", "正文"]


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
    assert "中国特色社会主义新时代，是" in out


def test_markdown_subheads_printed_next_to_each_other_stay_subheads() -> None:
    from baokan import parse
    md = ("# 城市更新的新路径\n\n本报记者 张三\n\n城市更新是一项系统工程，需要统筹推进。\n\n"
          "### 规划先行\n\n规划是城市更新的龙头，要科学编制。\n\n### 产业导入\n\n### 民生优先\n\n"
          "民生是城市更新的出发点和落脚点。\n\n### 文化传承\n\n要保护好历史文化街区。\n")
    (article,) = parse(md).articles
    assert article.headline == "城市更新的新路径" and article.subtitle is None
    assert [s.text for s in article.subheads] == ["规划先行", "产业导入", "民生优先", "文化传承"]


def test_join_measures_a_line_by_the_column_it_belongs_to() -> None:
    # the tool went on from a wide column (24 cells) into a narrow one (15) with no blank
    # line; the narrow column's indented first line (13 cells) is not a short wide line
    wide = ["城市更新是一项系统工程，需要统筹推进，各地要因地制宜、久久",
            "为功，坚持规划引领和分类施策相结合，在保护中发展、在发展中",
            "保护，推动城市结构优化、功能完善和品质提升，让城市更加宜居",
            "更加韧性更加智慧，让人民群众在城市生活得更方便、更舒心、更",
            "美好，这是新时代城市工作的根本遵循和行动指南。"]
    narrow = ["今年以来，我市把城市更新作", "为推动高质量发展的重要抓手，统筹",
              "推进老旧小区改造、背街小巷整治和", "城市基础设施补短板，一批惠民项目",
              "陆续建成投用，群众的获得感、幸福", "感、安全感不断增强，城市面貌焕然",
              "一新。"]
    doc = run("join-lines", "\n".join(wide + narrow), mode="wrapped")
    assert [b.text[:6] for b in doc.blocks] == ["城市更新是一", "今年以来，我"]


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


def _side_by_side(*columns: list[str], width: int = 24) -> str:
    """Columns printed side by side, as ``pdftotext -layout`` does (Han = 1 position)."""
    rows = max(len(c) for c in columns)
    lines = []
    for i in range(rows):
        line = "".join((c[i] if i < len(c) else "").ljust(width) for c in columns)
        lines.append(line.rstrip())
    return "\n".join(lines)


_LEFT = ["城市更新是一项系统工程，需要", "统筹推进，各地要因地制宜、久", "久为功。",
         "  今年以来，我市把城市更新", "作为推动高质量发展的抓手，", "一批惠民项目建成投用。"]
_RIGHT = ["乡 村 振 兴 是 一 篇 大 文 章", "，要一件接着一件办，一年接着", "一年干。",
          "  全县上下  “ 一 盘 棋 ”", "推进产业发展、人才培育和乡风", "文明建设，群众获得感不断增强。"]


def test_side_by_side_columns_are_read_one_after_another() -> None:
    from baokan.core.columns import split_side_by_side
    text = _side_by_side(_LEFT, _RIGHT)
    doc = run("split-layout-columns", text)
    texts = [b.text for b in doc.blocks]
    # the left column, then the right one; a piece split by a run of spaces inside one
    # column is re-joined with one space; letter-spacing is left for fold-spacing
    assert texts == [t.strip() for t in _LEFT] + [
        "乡 村 振 兴 是 一 篇 大 文 章", "，要一件接着一件办，一年接着", "一年干。",
        "全县上下 “ 一 盘 棋 ”", "推进产业发展、人才培育和乡风", "文明建设，群众获得感不断增强。"]
    assert [b.start for b in doc.blocks] == [1, 2, 3, 4, 5, 6] * 2
    assert any(d.action.startswith("read side-by-side") for d in doc.diagnostics)
    assert split_side_by_side(text) is not None
    # applied again, or to text that is not laid out in columns, it changes nothing
    assert run_doc("split-layout-columns", doc).blocks == doc.blocks
    assert split_side_by_side("\n".join(_LEFT)) is None


def test_a_layout_dump_parses_into_whole_paragraphs() -> None:
    from baokan import parse
    text = _side_by_side(_LEFT, _RIGHT)
    issue = parse(text)
    paragraphs = [p for a in issue.articles for p in a.paragraphs]
    assert "城市更新是一项系统工程，需要统筹推进，各地要因地制宜、久久为功。" in paragraphs
    assert "乡村振兴是一篇大文章，要一件接着一件办，一年接着一年干。" in paragraphs


def test_printed_line_breaks_marked_by_two_spaces_are_not_columns() -> None:
    from baokan.core.columns import split_side_by_side
    # a paragraph a line, the printed lines (all 14 wide) joined by two spaces: pieces
    # start at the same positions on every line, but after runs of one length
    printed = ["城市更新是一项系统工程，需要", "统筹推进，各地要因地制宜、久", "久为功，坚持规划引领和分类施",
               "策相结合，在保护中发展、在发"]
    text = "\n\n".join("  ".join(printed[i:] + printed[:i]) for i in range(4)) + "\n"
    assert split_side_by_side(text) is None
    assert run("split-layout-columns", text).blocks == Document.from_text(text).blocks
