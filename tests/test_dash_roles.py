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
