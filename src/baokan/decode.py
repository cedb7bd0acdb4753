"""Bytes to text: byte-order marks, a strict UTF-8 fast path, then Chinese-first detection.

:func:`decode` never raises.  The order of attempts is:

1. a byte-order mark (UTF-32, UTF-8, UTF-16);
2. strict UTF-8 (almost every modern dump), tolerating a multi-byte character cut at
   the very end of the file;
3. UTF-16 without a byte-order mark, recognised by its zero bytes;
4. charset-normalizer on a bounded sample, with the Chinese encodings preferred: a
   GB2312 or GBK answer is decoded as GB18030 (their superset), Big5 as Big5-HKSCS.
"""

from __future__ import annotations

import codecs

import attrs
import regex
from charset_normalizer import from_bytes

#: Charset detection looks at no more than this many bytes, however large the file.
SAMPLE_BYTES = 64 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}
_BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}
_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")
_plausible = regex.compile(r"[\p{Han}\p{P}\p{Zs}\x20-\x7e\n\r\t\u3000-\u303f\uff00-\uffef]")


@attrs.frozen(slots=True)
class Decoded:
    """The text of a dump and how it was read.

    ``confidence`` is 1.0 for a byte-order mark or valid UTF-8 and charset-normalizer's
    judgement otherwise; ``replacement_chars`` counts U+FFFD in the text (those in the
    dump and those decoding had to put in); ``binary`` says the bytes look like a PDF,
    an image or other non-text data.
    """

    text: str
    encoding: str
    confidence: float
    replacement_chars: int = 0
    bom: bool = False
    binary: bool = False


def _result(text: str, encoding: str, confidence: float, *, bom: bool = False,
            binary: bool = False) -> Decoded:
    return Decoded(text=text, encoding=encoding, confidence=round(confidence, 4),
                   replacement_chars=text.count("\ufffd"), bom=bom, binary=binary)


def _plausibility(text: str) -> float:
    if not text:
        return 0.0
    return len(_plausible.findall(text)) / len(text)


def _utf8(data: bytes) -> Decoded | None:
    try:
        return _result(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError as exc:
        # A file cut inside its last character is still UTF-8.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            try:
                head = data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
            return _result(head + "\ufffd", "utf-8", 0.99)
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    # ASCII (newlines at least) gives zero bytes in UTF-16; Chinese text gives few of them
    if len(data) < 4 or not data.count(0):
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = data[: len(data) - len(data) % 2].decode(encoding, errors="replace")
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, encoding, text)
    if best is not None and best[0] >= 0.97 and ("\n" in best[2] or " " in best[2]):
        return _result(best[2], best[1], best[0])
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(data: bytes) -> bool:
    """A known file signature, or more than 1 % control bytes in the first sample."""
    if data.startswith(_MAGIC):
        return True
    sample = data[:SAMPLE_BYTES]
    controls = len(sample.translate(None, _NOT_CONTROL))  # counted in C, not a Python loop
    return controls > max(8, len(sample) // 100)


def _detect(data: bytes) -> tuple[str, float]:
    sample = data[:SAMPLE_BYTES]
    best = from_bytes(sample).best()
    if best is not None:
        name = best.encoding.lower().replace("-", "_")
        confidence = max(0.0, min(1.0, 1.0 - float(best.chaos)))
        if name in _GB_FAMILY:
            return "gb18030", confidence
        if name in _BIG5_FAMILY:
            return "big5hkscs", confidence
        if name.startswith("utf_16") or name.startswith("utf_32"):
            return name.replace("_", "-"), confidence
    # charset-normalizer had no Chinese answer: try the Chinese encodings strictly.
    for encoding in ("gb18030", "big5hkscs"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding, 0.5 * _plausibility(text)
    if best is not None:
        return best.encoding, max(0.0, min(1.0, 1.0 - float(best.chaos)))
    return "gb18030", 0.0


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a dump into text, never raising; see the module docs for the order."""
    if not data:
        return _result("", "utf-8", 1.0)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            return _result(body.decode(encoding, errors="replace"), encoding, 1.0, bom=True)
    utf16 = None
    if data.startswith(_MAGIC) or (_looks_binary(data)
                                   and (utf16 := _utf16_without_bom(data)) is None):
        return _result(data.decode("latin-1"), "binary", 0.0, binary=True)
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    utf16 = utf16 or _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    encoding, confidence = _detect(data)
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:  # an encoding name Python does not know
        encoding, text = "gb18030", data.decode("gb18030", errors="replace")
    return _result(text, encoding, confidence)
