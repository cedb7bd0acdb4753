"""segment-articles: a title line that stops on the dot parting the pieces of a name
(``阿木冬·`` / ``尼牙孜当选…``) or the items of a list runs on into the next line: one
phrase broken over two lines, not a column's name over a headline."""
from baokan.core.document import Block, Kind
from baokan.core.text import bigrams
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_lines import breaks_mid_phrase
from baokan.heuristics.structure.segment_articles.title_roles import assign_roles

BODY = "本报讯 在昨天闭幕的区人代会上，代表们以无记名投票选出了新一届区人大常委会主任。"


def test_a_line_ending_on_a_name_dot_is_broken_mid_phrase() -> None:
    assert breaks_mid_phrase("买买提·", "艾力当选区人大常委会主任", bigrams(BODY))
    assert breaks_mid_phrase("——书包·", "文具·课本", set())


def test_guard_a_closed_line_is_not_broken_mid_phrase() -> None:
    assert not breaks_mid_phrase("区人代会闭幕", "艾力当选区人大常委会主任", set())


def test_the_pieces_of_a_name_make_one_headline() -> None:
    titles = [Block(text=t, kind=Kind.TITLE, start=n + 1, end=n + 1)
              for n, t in enumerate(("买买提·", "艾力当选区人大", "常委会主任"))]
    head = assign_roles(titles, SegmentSettings(), bigrams(BODY), no_gaps=True)
    assert [b.kind for b in head] == [Kind.HEADLINE] * 3
