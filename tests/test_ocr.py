"""core.ocr: the evidence that a dump is an OCR pass's reading."""

from __future__ import annotations

from baokan.core.ocr import OCR_MEASURE, is_ocr, mark_mixes

# a text layer: one comma width, curly quotes, brackets in pairs
_TEXT_LAYER = ("近年来，我市持续完善“15分钟便民服务圈”，居民生活品质不断改善，群众的幸福感、"
               "获得感日益增强，文明新风已融汇成城市的底色，老旧小区改造稳步推进，道路更宽，"
               "（记者 王恬）")
# the same kind of text as an OCR pass reads it: both comma widths, straight and curly
# quotes, brackets closed that were never opened
_OCR = ("近年来,我市持续完善“15分钟便民服务圈\",居民生活品质不断改善,群众的幸福感、"
        "获得感日益增强，文明新风已融汇成城市的底色，老旧小区改造稳步推进，道路更宽，"
        "设施不断完善，服务更加便捷,群众纷纷点赞,说这是实在事,是暖心事,是放心事。")


def test_a_text_layer_shows_no_mix() -> None:
    assert mark_mixes(_TEXT_LAYER) == 0
    assert mark_mixes(_TEXT_LAYER.replace("，", ",")) == 0  # half width throughout


def test_an_ocr_reading_mixes_comma_widths() -> None:
    assert mark_mixes(_OCR) >= 1


def test_brackets_closed_but_never_opened() -> None:
    text = "".join(f"本报讯 记者 王恬{i}）今天，" for i in range(10))
    assert mark_mixes(text) == 1
    assert mark_mixes(text.replace("讯 记者", "讯（记者")) == 0


def test_a_few_marks_say_nothing() -> None:
    assert mark_mixes("他说,好，走,吧，") == 0


def test_is_ocr_reads_the_measurement() -> None:
    assert is_ocr({OCR_MEASURE: 1.0})
    assert not is_ocr({OCR_MEASURE: 0.0})
    assert not is_ocr({})  # nothing measured: no OCR repair (parse always measures it)


def test_curly_quotes_that_do_not_pair() -> None:
    paired = "他说：“好。”" * 12
    assert mark_mixes(paired) == 0
    flipped = "他说：“好。“" * 8 + "他说：“好。”" * 4  # an OCR pass's “ for ”
    assert mark_mixes(flipped) == 1
