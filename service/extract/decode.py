"""Page bytes to text: the byte budget, a not-HTML check and the charset.

The charset is taken from the first of these that decodes the bytes without
error: the byte-order mark, UTF-8 (valid UTF-8 is UTF-8 whatever is declared,
unless a 7-bit stateful charset is), the HTTP ``content-type`` header, a
``<meta>`` declaration in the first bytes of the page; then
``charset_normalizer`` guesses, and as a last resort UTF-8 with replacement
characters. A declared charset that cannot decode the bytes is skipped:
servers often send a wrong header while the page's own ``<meta>`` is right.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass

from charset_normalizer import from_bytes

from service.extract._records import Records
from service.extract._scan import is_utf8
from service.extract.model import RefusedPage

# Byte-order marks, longest first, and the codec each one announces.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # must precede UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels whose WHATWG meaning is a superset of the Python codec of that name:
# browsers decode them so, and pages rely on it.
_SUPERSETS: dict[str, str] = {
    "ascii": "cp1252",  # browsers read US-ASCII as windows-1252
    "iso8859_1": "cp1252",  # iso-8859-1 and latin-1 are windows-1252 on the web
    "iso8859_9": "cp1254",  # iso-8859-9 is windows-1254 on the web
    "gb2312": "gb18030",  # GB2312 and GBK pages are decoded as gb18030
    "gbk": "gb18030",  # idem
    "shift_jis": "cp932",  # Shift_JIS pages use the Windows extensions
    "euc_kr": "cp949",  # EUC-KR pages use the Windows (UHC) extensions
    "tis_620": "cp874",  # Thai pages use the Windows extensions
    "big5": "big5hkscs",  # Big5 pages use the HKSCS extensions
    "utf_16": "utf_8",  # a <meta> cannot declare UTF-16 (it would be unreadable): means UTF-8
    "utf_16_le": "utf_8",  # idem
    "utf_16_be": "utf_8",  # idem
}

# Labels browsers know and Python's codec registry does not.
_ALIASES: dict[str, str] = {
    "x-user-defined": "utf-8",  # a legacy label; pages so labelled are UTF-8 or ASCII
    "unicode-1-1-utf-8": "utf-8",  # WHATWG alias
    "unicode11utf8": "utf-8",  # WHATWG alias
    "x-sjis": "cp932",  # WHATWG alias of Shift_JIS
    "ms_kanji": "cp932",  # idem
    "x-gbk": "gb18030",  # WHATWG alias of GBK
    "x-euc-jp": "euc_jp",  # WHATWG alias of EUC-JP
    "x-mac-roman": "mac_roman",  # WHATWG alias of macintosh
    "x-cp1251": "cp1251",  # WHATWG alias of windows-1251
    "x-cp1252": "cp1252",  # WHATWG alias of windows-1252
}

# Python's codecs that are no page's charset: transforms of text ("rot13"), escapes read
# as characters ("unicode_escape"), the host-name codecs, and one that always fails.
_PYTHON_CODECS = frozenset(
    {"punycode", "idna", "undefined", "unicode_escape", "raw_unicode_escape", "rot_13"}
)

# Stateful 7-bit codecs: their bytes are ASCII, so valid UTF-8, yet mean otherwise.
_SEVEN_BIT = frozenset({"iso2022_jp", "iso2022_jp_2", "iso2022_kr", "utf_7", "hz"})

# Magic numbers of formats that are certainly not HTML.
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",  # PNG image
    b"GIF8",  # GIF image
    b"\xff\xd8\xff",  # JPEG image
    b"%PDF",  # PDF document
    b"PK\x03\x04",  # ZIP archive (also docx, epub)
    b"\x1f\x8b",  # gzip stream (an undecoded transfer encoding)
    b"RIFF",  # WebP, WAV, AVI
    b"\x00\x00\x00",  # MP4 / ISO media box header
    b"OggS",  # Ogg media
    b"ID3",  # MP3 with ID3 tag
    b"wOF",  # WOFF fonts
)

# Content types that say the body is something other than a page (octet-stream
# is left to sniffing: misconfigured servers send pages with it).
_NOT_HTML_TYPES = (
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/pdf",
    "application/zip",
    "application/json",
    "application/javascript",
    "text/javascript",
    "text/css",
)

_CHARSET_IN_TYPE = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_SNIFF_BYTES = 4096  # where a <meta> charset must sit (the HTML standard says 1024; pages stray)
_CONTROL_SAMPLE = 1024  # how many leading bytes the binary check looks at
_MAX_CONTROL_SHARE = 0.1  # more control bytes than this in the sample: not text
_DETECT_BYTES = 64 * 1024  # how much charset_normalizer reads to guess
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")  # control bytes that occur in text
# The other control bytes, for ``bytes.translate`` to delete in one C-level pass.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The page as text and the codec name that produced it.

    ``utf8`` is the page's own bytes when they are valid UTF-8 without a BOM:
    the parser and the element budget read them as they are, which spares
    making the page's ``str`` (``text`` makes it on each read) and the parser
    encoding it again. Otherwise ``decoded`` holds the text.
    """

    charset: str
    utf8: bytes | None = None
    decoded: str = ""

    @property
    def text(self) -> str:
        return self.decoded if self.utf8 is None else self.utf8.decode()

    @property
    def markup(self) -> str | bytes:
        """What the parser reads: the UTF-8 bytes when the page has them, else the text."""
        return self.decoded if self.utf8 is None else self.utf8


# A page's own UTF-8 bytes as its ``Decoded`` (charset, utf8, decoded), made in C
# (``Records``): nearly every page is one.
_UTF8 = Records(Decoded).make


def _codec(label: str | bytes) -> str | None:
    """The Python codec for a charset label, widened to what browsers use."""
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if name in _PYTHON_CODECS:
        return None
    return _SUPERSETS.get(name, name)


def _try(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return body.decode(codec)
    except (UnicodeError, LookupError):  # a codec's own failure may be a bare UnicodeError
        return None


def _looks_binary(body: bytes, content_type: str) -> bool:
    if content_type.startswith(_NOT_HTML_TYPES) or body.startswith(_BINARY_MAGIC):
        return True
    sample = body[:_CONTROL_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * _MAX_CONTROL_SHARE


def decode(body: bytes, headers: Mapping[str, str], max_bytes: int) -> Decoded:
    """Decode ``body``; raises ``RefusedPage`` when over ``max_bytes``, empty or binary.

    ``headers`` has lowercased names. Never raises anything else: every byte
    string that passes the checks decodes to some text.
    """
    if len(body) > max_bytes:
        raise RefusedPage("page_too_large", f"{len(body)} bytes over the {max_bytes} budget")
    content_type = headers.get("content-type", "").strip().lower()
    for bom, codec in _BOMS:
        if body.startswith(bom):
            text = _try(body, codec)
            if text is not None:
                return Decoded(codec.replace("-", "_"), decoded=text.lstrip("\ufeff"))
    if not body or body.isspace():  # as ``not body.strip()``, without copying the page
        raise RefusedPage("not_html", "empty body")
    if _looks_binary(body, content_type):
        raise RefusedPage("not_html", "binary content")
    declared: list[str | None] = []
    match = _CHARSET_IN_TYPE.search(content_type.encode("latin-1", "replace"))
    if match:
        declared.append(_codec(match.group(1)))
    failed: set[str] = set()
    if declared == ["utf_8"]:
        # The common case. UTF-8 is then the first charset tried below whatever
        # the <meta> says (a stateful 7-bit <meta> only drops the UTF-8 put
        # first, and the header's UTF-8 is next), so bytes that decode need no
        # <meta> lookup.
        if is_utf8(body):
            return _UTF8("utf_8", body, "")
        failed.add("utf_8")
    match = _META_CHARSET.search(body[:_SNIFF_BYTES])
    if match:
        declared.append(_codec(match.group(1)))
    if not body.isascii() and not any(label in _SEVEN_BIT for label in declared):
        # Bytes that are valid UTF-8 are UTF-8 whatever the page declares: other
        # encodings almost never form valid multi-byte sequences by chance.
        declared.insert(0, "utf_8")
    declared.append("utf_8")
    for label in declared:
        if label is None or label in failed:
            continue  # a charset that failed once fails again
        if label == "utf_8":
            if is_utf8(body):
                return _UTF8("utf_8", body, "")
        else:
            text = _try(body, label)
            if text is not None:
                return Decoded(label, decoded=text)
        failed.add(label)
    guess = from_bytes(body[:_DETECT_BYTES]).best()
    guessed = _codec(guess.encoding) if guess is not None else None
    if guessed is not None:
        # The guess read a prefix; the rest may hold a few stray bytes.
        return Decoded(guessed, decoded=body.decode(guessed, "replace"))
    return Decoded("utf_8", decoded=body.decode("utf-8", "replace"))
