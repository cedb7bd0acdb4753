from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baokan import decode

from .conftest import SEEDS

TRADITIONAL = ("本報訊 記者王小明報導：臺北市政府今日宣佈，將於下個月舉辦國際書展，"
               "歡迎市民踴躍參加。活動期間將有多場講座與簽書會。") * 3


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig"])
def test_seed_reencoded(path: Path, encoding: str) -> None:
    text = path.read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("\ufffd", "")  # GBK cannot hold U+FFFD
    data = text.encode(encoding, errors="strict")
    result = decode(data)
    assert result.text == text
    assert result.confidence > 0


def test_utf8_fast_path() -> None:
    result = decode("中文".encode())
    assert (result.encoding, result.confidence, result.bom) == ("utf-8", 1.0, False)


def test_boms() -> None:
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                     (codecs.BOM_UTF8, "utf-8")):
        result = decode(bom + "报刊".encode(enc))
        assert result.text == "报刊" and result.bom and result.encoding == enc


def test_big5_traditional() -> None:
    result = decode(TRADITIONAL.encode("big5"))
    assert result.text == TRADITIONAL
    assert result.encoding.startswith("big5")


def test_gbk_is_read_as_gb18030() -> None:
    text = "本报讯 记者王恬报道：咸宁市医疗保障局持续优化营商环境，群众办事更方便。" * 4
    result = decode(text.encode("gbk"))
    assert result.text == text and result.encoding == "gb18030"


def test_cut_inside_a_character() -> None:
    data = "医疗保障".encode()[:-1]
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.text == "医疗保\ufffd"
    assert result.replacement_chars == 1


def test_empty() -> None:
    result = decode(b"")
    assert result.text == "" and result.replacement_chars == 0


def test_binary_is_flagged() -> None:
    assert decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").binary
    assert decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").binary


def test_replacement_characters_counted() -> None:
    assert decode("标题\ufffd\ufffd正文".encode()).replacement_chars == 2


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_never_raises(data: bytes) -> None:
    result = decode(data)
    assert isinstance(result.text, str)
    assert 0.0 <= result.confidence <= 1.0
