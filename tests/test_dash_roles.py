"""segment-articles: a headline that a dash marks as a subtitle or kicker takes that role."""
from baokan.core.document import Block, Kind
from baokan.heuristics.structure.segment_articles.title_roles import settle_dash_roles


def _head(*lines: tuple[str, str]) -> list[Block]:
    return [Block(text=text, kind=kind, start=n, end=n) for n, (text, kind) in enumerate(lines)]


def test_a_dash_led_headline_is_the_subtitle() -> None:
    head = settle_dash_roles(_head(("——2017年中国经济亮点回眸", Kind.HEADLINE)))
    assert [b.kind for b in head] == [Kind.SUBTITLE]


def test_a_headline_closing_on_a_dash_is_the_kicker() -> None:
    for text in ("常德市医疗保障局持续优化营商环境——", "财政部部长兼国家税务总局局长刘仲藜— —"):
        head = settle_dash_roles(_head((text, Kind.HEADLINE)))
        assert [b.kind for b in head] == [Kind.KICKER]


def test_a_role_the_head_already_has_is_not_given_twice() -> None:
    head = settle_dash_roles(_head(("——甲乙丙丁", Kind.HEADLINE), ("——戊己庚辛", Kind.SUBTITLE)))
    assert [b.kind for b in head] == [Kind.HEADLINE, Kind.SUBTITLE]


def test_a_plain_headline_and_an_inner_dash_stay() -> None:
    for text in ("有了医保，日子再难也有底气！", "从“治已病”——到“防未病”"):
        head = settle_dash_roles(_head((text, Kind.HEADLINE)))
        assert [b.kind for b in head] == [Kind.HEADLINE]


def test_a_headline_closing_on_a_dash_leads_into_the_plain_lines_under_it() -> None:
    # a line closing on —— leads into the line under it: the plain "subtitle" lines under
    # it are the headline, though the head has a kicker already (a column's name here)
    head = settle_dash_roles(_head(("◆法治在线", Kind.KICKER), ("服务“新样板”——", Kind.HEADLINE),
                                   ("一封下级对", Kind.SUBTITLE), ("上级的表扬信", Kind.SUBTITLE)))
    assert [b.kind for b in head] == [Kind.KICKER, Kind.KICKER, Kind.HEADLINE, Kind.HEADLINE]
    # so under a headline of two lines whose last closes on the dash
    head = settle_dash_roles(_head(("戏剧界专家盛赞《虎踞钟山》——", Kind.KICKER),
                                   ("“多社区党群服务中心", Kind.HEADLINE),
                                   ("跑路”、群众“少跑腿”——", Kind.HEADLINE),
                                   ("刘志祥与他的扶贫户", Kind.SUBTITLE)))
    assert [b.kind for b in head] == [Kind.KICKER] * 3 + [Kind.HEADLINE]


def test_a_dash_led_subtitle_under_a_headline_closing_on_a_dash_stays_the_subtitle() -> None:
    # guard: only plain lines are led into; a dash-led line is the subtitle, and with a
    # kicker already the dash-closing headline keeps its place
    head = settle_dash_roles(_head(("甲乙丙丁", Kind.KICKER), ("戊己庚辛——", Kind.HEADLINE),
                                   ("——壬癸子丑", Kind.SUBTITLE)))
    assert [b.kind for b in head] == [Kind.KICKER, Kind.HEADLINE, Kind.SUBTITLE]
