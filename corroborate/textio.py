"""Turning the bytes of an input file into article text: encoding detection and HTML reduction.

Articles reach the desk from many systems: UTF-8 exports, Windows tools writing cp1252,
spreadsheets saving UTF-16, web pages saved as HTML. Everything here returns NFC text and keeps
no-break spaces (U+00A0, U+202F) untouched, because figures such as ``10 000`` are written with
them and the figure extractor reads them as part of the number.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = [
    "DecodeError",
    "Decoded",
    "decode_bytes",
    "looks_like_html",
    "html_to_text",
]


class DecodeError(ValueError):
    """The bytes are not text this tool can read; ``str(error)`` is the reason shown to users."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text (NFC, leading BOM removed) and the encoding it was read with."""

    text: str
    encoding: str


# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 and C1 control characters (Unicode category Cc) other than tab, newlines, form feed and
# vertical tab: ordinary text does not carry them, so they mark binary data or a wrong encoding.
_BAD_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    """Share of characters that are control characters text should not contain."""
    if not text or _BAD_CONTROLS_RE.search(text) is None:
        return 0.0
    return len(_BAD_CONTROLS_RE.findall(text)) / len(text)


def _looks_like_latin_text(text: str) -> bool:
    """True for text a cp1252 reading got right: no stray controls, mostly ASCII letters.

    French or English in cp1252 is more than 85 % ASCII; Cyrillic or Greek bytes misread as
    cp1252 turn into runs of accented letters, so a low ASCII share sends the bytes on to the
    statistical detector instead.
    """
    if _control_ratio(text) > 0:
        return False
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return True
    non_ascii = sum(1 for ch in visible if ord(ch) > 0x7F)
    return non_ascii / len(visible) <= 0.3


def _bomless_utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text written without a BOM, judged by where its NUL bytes fall.

    Latin-script UTF-16 has a NUL in every other byte; binary data has NULs scattered on both
    parities.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls >= 0.4 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.4 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _finish(text: str, encoding: str) -> Decoded:
    """NFC, with a leading U+FEFF (a BOM that survived decoding) removed."""
    return Decoded(unicodedata.normalize("NFC", text.removeprefix("\ufeff")), encoding)


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of one input file or record.

    Order, from the cheapest and surest to the costliest guess: a BOM decides (UTF-8, UTF-16,
    UTF-32); NUL bytes mean UTF-16 without a BOM or binary data; strict UTF-8; cp1252 (a superset
    of latin-1 for printable text) when the result reads as Latin text; charset-normalizer last,
    because it is slow and can misjudge short French text.

    Raises:
        DecodeError: binary content or bytes no encoding reads as text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"undecodable: starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} (byte {error.start + len(bom)})"
                ) from None
            if _control_ratio(text) > 0.01:
                raise DecodeError("binary content: control characters in the text")
            return _finish(text, codec)

    if b"\x00" in data:
        codec16 = _bomless_utf16(data)
        if codec16 is not None:
            try:
                text = data.decode(codec16)
            except UnicodeDecodeError:
                text = ""
            if text and _control_ratio(text) == 0:
                return _finish(text, codec16)
        raise DecodeError("binary content: contains NUL bytes")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text) > 0.01:
            raise DecodeError("binary content: control characters in the text")
        return _finish(text, "utf-8")

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_latin_text(text):
            return _finish(text, "cp1252")

    # Imported here: charset-normalizer loads its tables on import, and most inputs never get here.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if text.strip() and _control_ratio(text) == 0:
            return _finish(text, best.encoding)
    raise DecodeError("undecodable: not UTF-8, UTF-16, cp1252 or any encoding recognised as text")


# --- HTML ---------------------------------------------------------------------------------------

# Tags that mark real markup. Plain text rarely holds two of these; a lone "<b>" or "x < 3" does
# not turn a plain article into HTML.
_TAG_RE = re.compile(
    r"</?(?:html|head|body|title|meta|link|p|div|span|br|hr|a|img|h[1-6]|ul|ol|li|table|tr|td|th|"
    r"em|strong|b|i|u|blockquote|article|section|header|footer|nav|main|aside|figure|figcaption|"
    r"script|style|noscript)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_DOCUMENT_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML markup: a document tag, or at least two known HTML tags."""
    if _DOCUMENT_RE.search(text):
        return True
    matches = _TAG_RE.finditer(text)
    return next(matches, None) is not None and next(matches, None) is not None


# Elements whose content is never article text.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
# Elements that start a new line of text.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# HTML collapses these, and only these: U+00A0 and U+202F are not HTML whitespace and stay.
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")


class _TextExtractor(HTMLParser):
    """Collects the visible text of a document, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        # </head> may be omitted in HTML: the head also ends where <body> starts.
        self.in_head = False
        self.title_parts: list[str] | None = None
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self.title_parts = []
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag in _SKIPPED:
            self.skip_depth += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = _HTML_SPACE_RE.sub(" ", "".join(self.title_parts)).strip() or None
            self.title_parts = None
        elif tag == "head":
            self.in_head = False
        elif tag in _SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        elif not self.skip_depth and not self.in_head:
            self.parts.append(_HTML_SPACE_RE.sub(" ", data))


_LINE_EDGE_RE = re.compile(r"[ \t]*\n[ \t]*")
_BLANK_LINES_RE = re.compile(r"\n{2,}")


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Reduce an HTML document or fragment to its visible text, and its ``<title>`` if any.

    Scripts, styles and the head are dropped; each block element (p, div, h1…, li, br…) becomes a
    line break; entities are unescaped (``&nbsp;`` gives U+00A0, which is kept). The result is NFC.
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    if parser.title_parts is not None:  # unclosed <title>
        parser.title = _HTML_SPACE_RE.sub(" ", "".join(parser.title_parts)).strip() or None
    text = "".join(parser.parts)
    text = _LINE_EDGE_RE.sub("\n", text)
    text = _BLANK_LINES_RE.sub("\n", text).strip(" \t\n")
    title = unicodedata.normalize("NFC", parser.title) if parser.title else None
    return unicodedata.normalize("NFC", text), title
