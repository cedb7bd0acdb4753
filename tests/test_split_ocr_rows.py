"""split-ocr-rows: a line an OCR pass read across the gutter, cut back into its columns."""

from __future__ import annotations

from baokan.core.document import Document
from baokan.core.ocr import OCR_MEASURE
from baokan.heuristics.order.split_ocr_rows import OcrRowSettings, split_ocr_rows

# the top row of two stories read margin to margin: two headlines on one line, then the
# first lines of both bodies on the next, the gutter read as a run of spaces
_ACROSS = ("市里新建三座公园      全省春耕进度过半\n"
           "本报讯 今年以来，市里新建了三座    本报讯 记者从省农业厅获悉，截至\n"
           "公园，市民休闲有了好去处。\n")


def _doc(text: str, ocr: bool) -> Document:
    return Document.from_text(text).measure(**{OCR_MEASURE: 1.0 if ocr else 0.0})


def test_a_line_read_across_the_gutter_is_cut_into_its_columns() -> None:
    out = split_ocr_rows(_doc(_ACROSS, ocr=True), OcrRowSettings())
    assert [b.text for b in out.blocks] == [
        "市里新建三座公园", "全省春耕进度过半", "本报讯 今年以来，市里新建了三座",
        "本报讯 记者从省农业厅获悉，截至", "公园，市民休闲有了好去处。"]
    # each column's piece stands apart from its left neighbour's, on its source line
    assert [b.gap_before for b in out.blocks] == [0, 1, 0, 1, 0]
    assert [b.start for b in out.blocks] == [1, 1, 2, 2, 3]
    assert out.counts["split-ocr-rows"] == 2


def test_a_text_layer_is_left_alone() -> None:
    doc = _doc(_ACROSS, ocr=False)
    assert split_ocr_rows(doc, OcrRowSettings()) is doc


def test_a_spread_title_stays_one_line() -> None:
    # a title in big type, its characters read with wide spaces between them
    doc = _doc("为    新    世    纪\n", ocr=True)
    assert split_ocr_rows(doc, OcrRowSettings()) is doc


def test_single_and_double_spaces_are_no_gutter() -> None:
    doc = _doc("银 人 越 并 越  大\n本报讯 通讯员 蔡德存  去年\n", ocr=True)
    assert split_ocr_rows(doc, OcrRowSettings()) is doc


def test_a_band_glued_by_single_spaces_is_left_whole() -> None:
    # a piece as wide as several of the page's lines is itself columns glued by single
    # spaces: cutting at the one wide gutter would not take the band apart
    column = "今年以来全市新建三座公园"
    band = " ".join([column] * 4) + "    " + column
    doc = _doc("\n".join([column] * 6 + [band]) + "\n", ocr=True)
    assert split_ocr_rows(doc, OcrRowSettings()) is doc
    row = column + "    " + column
    assert len(split_ocr_rows(_doc("\n".join([column] * 6 + [row]), ocr=True),
                              OcrRowSettings()).blocks) == 8


# an OCR pass's page: both comma widths (core.ocr's evidence) and a row read across
_OCR_PAGE = (_ACROSS + "".join(f"市民说,公园{i}很好，环境优美,设施齐全，大家都喜欢。\n"
                               for i in range(5)))


def test_a_named_profile_still_reads_the_ocr_evidence() -> None:
    # the gate is the text's: a profile the caller names measures nothing else, but its
    # OCR-only repairs run on an OCR pass's page as they do under ``auto``
    from baokan import parse

    for profile in ("auto", "plain-paragraphs", "hard-wrapped", "hard-wrapped-blank-lines"):
        issue = parse(_OCR_PAGE, profile=profile)
        assert any(d.heuristic == "split-ocr-rows" for d in issue.diagnostics), profile
    text_layer = _OCR_PAGE.replace(",", "，")
    issue = parse(text_layer, profile="hard-wrapped")
    assert not any(d.heuristic == "split-ocr-rows" for d in issue.diagnostics)
