"""segment-articles: a line of body text cut at the line's end (a clause mark inside it,
the clause going on, stopping on a word) that the tool set over a head is never the first
line of a headline broken over two lines: the headline under it stays whole and alone."""
import pytest

from baokan.core.document import Block, Kind
from baokan.core.text import bigrams
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_lines import cut_sentence
from baokan.heuristics.structure.segment_articles.title_roles import assign_roles

BODY = "记者从市交通局获悉，今年全市新建城乡公交站台一百二十座，乡村公交全面铺开，群众出行更方便。"


def _roles(*lines: str, gaps_tell: bool) -> list[tuple[str, str]]:
    titles = [Block(text=t, kind=Kind.TITLE, start=n + 1, end=n + 1) for n, t in enumerate(lines)]
    head = assign_roles(titles, SegmentSettings(), bigrams(BODY), gaps_tell=gaps_tell,
                        no_gaps=not gaps_tell)
    return [(b.kind, b.text) for b in head]


@pytest.mark.parametrize("gaps_tell", [False, True])
def test_a_cut_body_line_over_a_head_is_not_the_headlines_first_line(gaps_tell: bool) -> None:
    roles = _roles("据了解，今年全市新建", "乡村公交全面铺开", gaps_tell=gaps_tell)
    assert [r for r in roles if r[0] == Kind.HEADLINE] == [(Kind.HEADLINE, "乡村公交全面铺开")]


def test_a_headline_broken_after_its_comma_stays_one() -> None:
    # guard: a clause mark that ends the line leads on into the next line (one box)
    roles = _roles("今年全市新建，", "乡村公交全面铺开", gaps_tell=True)
    assert [r[0] for r in roles] == [Kind.HEADLINE, Kind.HEADLINE]


def test_cut_sentence_shapes() -> None:
    assert cut_sentence("据了解，今年全市新建")
    assert not cut_sentence("今年全市新建，")          # the comma ends the line
    assert not cut_sentence("有了公交，出行再远也不难！")  # closed as a title closes
    assert not cut_sentence("乡村公交全面铺开")          # no clause mark
