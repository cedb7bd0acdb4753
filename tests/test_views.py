"""The models' own views: Markdown, text, TEI XML, notebook HTML and flat records."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given

import baokan
from baokan import Article, Byline, Caption, Fragment, Issue, SourceInfo, Subhead
from baokan.io import render
from baokan.models import TEI_NAMESPACE

from .conftest import SEEDS
from .test_models import issues

T = f"{{{TEI_NAMESPACE}}}"
SOURCE = SourceInfo(encoding="utf-8", confidence=1.0, sha256="ab" * 32, path="咸宁日报/A3.txt")
ISSUE = Issue(source=SOURCE, profile="markdown", publication="咸宁日报", date=dt.date(2024, 8, 9),
              page="A3", articles=(
                  Article(headline="<b>医保</b> & 新政", kicker="引题", subtitle="副题",
                          dateline="本报讯",
                          bylines=(Byline(("王恬", "李杰"), role="记者", organization="本报"),),
                          paragraphs=("第一段\x0c内容。", "第二段。"),
                          subheads=(Subhead("小标题", 1),),
                          captions=(Caption("图说", credit="李杰"),)),
                  Article(paragraphs=("无题之文。",))),
              fragments=(Fragment("孤立的文字", (9, 9)),))


def test_tei_is_well_formed_with_the_structure_of_a_tei_document() -> None:
    root = ET.fromstring(ISSUE.to_tei())
    assert root.tag == f"{T}TEI"
    header = root.find(f"{T}teiHeader/{T}fileDesc")
    assert header is not None
    assert header.findtext(f"{T}titleStmt/{T}title") == "咸宁日报 2024-08-09 A3"
    assert header.find(f"{T}publicationStmt/{T}p") is not None
    bibl = header.find(f"{T}sourceDesc/{T}bibl")
    assert bibl is not None and bibl.findtext(f"{T}title") == "咸宁日报"
    assert bibl.find(f"{T}date").get("when") == "2024-08-09"  # type: ignore[union-attr]
    assert bibl.findtext(f"{T}idno[@type='sha256']") == "ab" * 32
    divs = root.findall(f"{T}text/{T}body/{T}div[@type='article']")
    assert len(divs) == 2
    first = divs[0]
    assert first.findtext(f"{T}head[@type='kicker']") == "引题"
    assert [h.text for h in first.findall(f"{T}head") if h.get("type") is None] == ["<b>医保</b> & 新政"]
    assert first.findtext(f"{T}byline") == "本报记者 王恬 李杰"
    assert first.findtext(f"{T}dateline") == "本报讯"
    assert [p.text for p in first.findall(f"{T}p")] == ["第一段内容。"]  # no form feed in XML
    section = first.find(f"{T}div[@type='section']")
    assert section is not None and section.findtext(f"{T}head") == "小标题"
    assert [p.text for p in section.findall(f"{T}p")] == ["第二段。"]
    assert first.findtext(f"{T}figure/{T}figDesc") == "图说"
    assert divs[1].find(f"{T}head") is None and divs[1].findtext(f"{T}p") == "无题之文。"
    assert root.findtext(f"{T}text/{T}body/{T}div[@type='fragments']/{T}p") == "孤立的文字"
    assert render.to_tei(ISSUE) == ISSUE.to_tei()


@given(issues)
def test_tei_of_any_issue_parses(issue: Issue) -> None:
    root = ET.fromstring(issue.to_tei())
    body = root.find(f"{T}text/{T}body")
    assert body is not None and len(body) >= 1
    assert len(body.findall(f"{T}div[@type='article']")) == len(issue.articles)


def test_tei_of_every_seed_keeps_every_paragraph() -> None:
    for seed in SEEDS[:2]:
        issue = baokan.parse_file(seed)
        root = ET.fromstring(issue.to_tei())
        paragraphs = [p.text for p in root.iter(f"{T}p")]
        assert all(p in paragraphs for a in issue for p in a.paragraphs)


def test_html_views_are_escaped_and_show_the_essentials() -> None:
    html = ISSUE._repr_html_()
    assert "&lt;b&gt;医保&lt;/b&gt; &amp; 新政" in html and "<b>医保</b>" not in html
    assert "咸宁日报 2024-08-09 A3" in html and "2 articles" in html
    assert "本报记者 王恬 李杰" in html and "第一段" in html and "第二段" not in html
    article = ISSUE.articles[0]._repr_html_()
    assert article.startswith('<div class="baokan-article">') and "引题" in article
    long = Article(headline="长", paragraphs=("字" * 500,))._repr_html_()
    assert "字" * 120 + "…" in long and "字" * 121 not in long


def test_markdown_and_text_on_the_models_are_the_renderers() -> None:
    issue = baokan.parse_file(SEEDS[1])
    assert issue.to_markdown() == render.to_markdown(issue)
    assert issue.to_text() == render.to_text(issue)
    assert issue.to_markdown().startswith(issue.articles[0].to_markdown().rstrip("\n"))
    assert "## 医保" not in ISSUE.to_markdown() and "### 小标题" in ISSUE.to_markdown()
    assert ISSUE.articles[0].to_text().splitlines()[:3] == ["引题", "<b>医保</b> & 新政", "副题"]


def test_records_carry_the_issue_and_keep_an_issue_with_no_articles() -> None:
    records = ISSUE.to_records()
    assert [r["index"] for r in records] == [0, 1]
    assert records[0]["date"] == dt.date(2024, 8, 9) and records[0]["path"] == "咸宁日报/A3.txt"
    assert records[0]["bylines"][0]["names"] == ["王恬", "李杰"]
    assert list(records[0])[7:] == list(ISSUE.articles[0].to_dict())
    empty = Issue(source=SOURCE, profile="markdown").to_records()
    assert len(empty) == 1 and empty[0]["index"] is None and empty[0]["bylines"] == []
    assert list(empty[0]) == list(records[0])


def test_cli_parse_format_tei(capsys: pytest.CaptureFixture[str]) -> None:
    from baokan.cli import main

    assert main(["parse", str(SEEDS[1]), "--format", "tei"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    assert len(root.findall(f"{T}text/{T}body/{T}div[@type='article']")) == len(
        baokan.parse_file(SEEDS[1]).articles)
