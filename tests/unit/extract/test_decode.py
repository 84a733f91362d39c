"""Charset choice: the UTF-8 header shortcut chooses as the full order of charsets does;
UTF-8 pages carry their own bytes for the parser."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extract._scan import is_utf8, vector_steps
from service.extract.decode import decode
from service.extract.model import RefusedPage

_UTF8 = {"content-type": "text/html; charset=utf-8"}
_PAGE = "<html><head>{meta}</head><body><p>Grüße — “news”</p></body></html>"


def _decoded(body: bytes, headers: dict[str, str]) -> tuple[str, str]:
    result = decode(body, headers, 1_000_000)
    return result.text, result.charset


@pytest.mark.parametrize(
    "meta", ["", "<meta charset='windows-1251'>", "<meta charset='iso-2022-jp'>"]
)
def test_valid_utf8_under_a_utf8_header_is_utf8_whatever_the_meta(meta: str) -> None:
    page = _PAGE.format(meta=meta)
    assert _decoded(page.encode(), _UTF8) == (page, "utf_8")


def test_a_wrong_utf8_header_falls_back_to_the_meta() -> None:
    page = _PAGE.format(meta="<meta charset='windows-1252'>").replace("—", "-")
    page = page.replace("“", '"').replace("”", '"')
    assert _decoded(page.encode("cp1252"), _UTF8) == (page, "cp1252")


def test_ascii_under_a_utf8_header_is_utf8() -> None:
    page = "<meta charset='iso-2022-jp'><p>plain</p>"
    assert _decoded(page.encode(), _UTF8) == (page, "utf_8")


@pytest.mark.parametrize("body", [b"", b" \t\r\n\x0b\x0c"])
def test_empty_or_blank_bodies_are_refused(body: bytes) -> None:
    with pytest.raises(RefusedPage, match="empty body"):
        decode(body, _UTF8, 1_000)


@pytest.mark.parametrize(("controls", "refused"), [(102, False), (103, True)])
def test_binary_check_counts_control_bytes_in_the_first_kilobyte(
    controls: int, refused: bool
) -> None:
    """More than a tenth of the first 1,024 bytes as control bytes (not tab, newline,
    carriage return, form feed or escape) is binary."""
    sample = b"\x01" * controls + b"\t\n\r\x0c\x1b" * 40
    body = (sample + b"a" * 1024)[:1024] + b"\x01" * 500
    if refused:
        with pytest.raises(RefusedPage, match="binary content"):
            decode(body, _UTF8, 10_000)
    else:
        assert decode(body, _UTF8, 10_000).charset == "utf_8"


def test_utf8_pages_carry_their_bytes_for_the_parser() -> None:
    body = "<p>café — 北京</p>".encode()
    for headers in ({"content-type": "text/html; charset=utf-8"}, {}):
        assert decode(body, headers, 10**6).utf8 is body


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (codecs.BOM_UTF8 + "<p>café</p>".encode(), {}),  # the BOM is not text
        ("<p>café</p>".encode("cp1252"), {"content-type": "text/html; charset=windows-1252"}),
        (b"<p>caf\xe9 \xff\xfe broken</p>", {"content-type": "text/html; charset=utf-8"}),
    ],
)
def test_other_pages_carry_no_bytes(body: bytes, headers: dict[str, str]) -> None:
    assert decode(body, headers, 10**6).utf8 is None


@given(st.binary(max_size=200), st.sampled_from(["utf-8", "windows-1252", "shift_jis", ""]))
def test_carried_bytes_are_the_texts_utf8(body: bytes, charset: str) -> None:
    headers = {"content-type": f"text/html; charset={charset}"} if charset else {}
    try:
        decoded = decode(b"<p>" + body, headers, 10**6)
    except RefusedPage:
        return
    assert decoded.utf8 is None or decoded.utf8 == decoded.text.encode("utf-8")


@pytest.fixture(autouse=True, scope="module", params=[True, False], ids=["avx2", "words"])
def _forms(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test runs with the check's AVX2 form (where the CPU has AVX2) and its
    portable form."""
    before = vector_steps(request.param)
    yield
    vector_steps(before)


def _is_utf8(body: bytes) -> bool:
    """Python's strict decoder: the oracle."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# The edges of UTF-8: overlong forms, surrogates, the last code point and past it,
# continuation bytes alone, lead bytes that never start a character.
_EDGES = [
    *(b"\xc0\x80", b"\xc1\xbf", b"\xc2\x80", b"\xdf\xbf", b"\xe0\x9f\xbf", b"\xe0\xa0\x80"),
    *(b"\xed\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xee\x80\x80", b"\xef\xbf\xbf"),
    *(b"\xf0\x8f\xbf\xbf", b"\xf0\x90\x80\x80", b"\xf4\x8f\xbf\xbf", b"\xf4\x90\x80\x80"),
    *(b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xbf", b"\xfe", b"\xff"),
]


@pytest.mark.parametrize("edge", _EDGES)
def test_utf8_check_at_the_edges(edge: bytes) -> None:
    """Each edge, whole and cut short, after ASCII that ends at each offset of the check's
    rounds of 64 and 128 bytes, its loads of 32 and words of 8, and before ASCII or more
    of the edge."""
    for before in range(2 * 128 + 32):
        for cut in range(len(edge) + 1):
            body = b"a" * before + edge[:cut]
            for after in (b"", b"<p>abcdefgh" * 8, edge, "é".encode(), "€".encode()):
                assert is_utf8(body + after) is _is_utf8(body + after)


# Valid UTF-8 with characters of each length, in runs and alone among ASCII.
_MIXED = "".join(
    f"{word} é{'ж' * k}€{'中' * k}\U0001f600 \U0010ffff{'x' * (9 * k)}"
    for k, word in enumerate(["news", "Grüße", "日本語", "\u0800\u07ff\ud7ff\ue000\uffff", ""])
).encode()
# Bytes that make any text invalid: lone continuation bytes, lead bytes that never start
# a character or start one cut short, overlong forms, surrogates, U+110000.
_INVALID = [b"\x80", b"\xbf", b"\xc0\xaf", b"\xc1", b"\xc2", b"\xe0\x80\xaf", b"\xe2\x82"]
_INVALID += [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf0\x80\x80\xaf", b"\xf4\x90\x80\x80", b"\xff"]


def test_utf8_check_finds_what_is_invalid_at_every_offset() -> None:
    """Valid text of every length, then with an invalid byte or sequence at each of its
    offsets (each offset modulo 64 and modulo 8 among them, inside characters too), each
    in place of the bytes there and put between them."""
    assert _is_utf8(_MIXED) and len(_MIXED) > 3 * 64
    assert "\U0010ffff".encode() in _MIXED and b"\xf4\x90\x80\x80" not in _MIXED
    for at in range(len(_MIXED) + 1):
        assert is_utf8(_MIXED[:at]) is _is_utf8(_MIXED[:at])  # cut short at every offset
        for bad in _INVALID:
            for body in (_MIXED[:at] + bad + _MIXED[at:], _MIXED[:at] + bad + _MIXED[at + 1 :]):
                assert is_utf8(body) is _is_utf8(body)
        for start in range(min(at, 70)):
            assert is_utf8(_MIXED[start:at]) is _is_utf8(_MIXED[start:at])


def test_utf8_check_between_runs_of_ascii_of_each_length() -> None:
    """Characters of two to four bytes with runs of 0 to 70 ASCII bytes between them (the
    AVX2 form's loads of 32 skip such runs to the next byte of 0x80 or more), then an
    invalid piece after a run of each length, and the text cut short at its end."""
    for gap in range(71):
        run = b"a" * gap
        body = run.join(["é".encode(), "€".encode(), "\U0001f600".encode()] * 3)
        assert is_utf8(body) is True
        for bad in _INVALID:
            assert is_utf8(body + run + bad + run) is _is_utf8(body + run + bad + run)
            assert is_utf8(body + run + bad) is _is_utf8(body + run + bad)
        for cut in range(1, 4):
            assert is_utf8(body[:-cut]) is False


_PIECES = st.one_of(
    st.sampled_from(_EDGES),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20).map(str.encode),
    st.binary(max_size=6),
    st.integers(0, 20).map(lambda n: b"x" * n),
)


@given(st.lists(_PIECES, max_size=30).map(b"".join))
def test_utf8_check_is_pythons_decoder(body: bytes) -> None:
    assert is_utf8(body) is _is_utf8(body)


@given(st.binary(max_size=300))
def test_utf8_check_is_pythons_decoder_on_random_bytes(body: bytes) -> None:
    assert is_utf8(body) is _is_utf8(body)


@given(
    text=st.text(st.characters(exclude_categories=("Cs",)), max_size=120),
    ascii_before=st.integers(0, 140),
    bad=st.one_of(st.sampled_from(_INVALID + _EDGES), st.binary(min_size=1, max_size=4)),
    where=st.integers(0, 10_000),
)
def test_utf8_check_is_pythons_decoder_with_a_piece_anywhere(
    text: str, ascii_before: int, bad: bytes, where: int
) -> None:
    """Valid text of every length (after ASCII across the check's rounds), and with a
    piece of any bytes at any offset."""
    body = b"x" * ascii_before + text.encode()
    assert is_utf8(body) is True
    at = where % (len(body) + 1)
    body = body[:at] + bad + body[at:]
    assert is_utf8(body) is _is_utf8(body)


@pytest.mark.parametrize("label", ["punycode", "undefined", "idna", "unicode_escape", "rot13"])
def test_a_python_only_codec_named_as_the_charset_is_not_used(label: str) -> None:
    """Codecs that are Python's own, no page's: one raises a bare ``UnicodeError``, others
    read backslashes as escapes. The page is read as if the label were unknown."""
    page = "<html><body><p>Caf\u00e9 \\u0041</p></body></html>"
    for headers, body in (
        ({"content-type": f"text/html; charset={label}"}, page.encode("cp1252")),
        ({}, f"<meta charset={label}>{page}".encode("cp1252")),
    ):
        text, charset = _decoded(body, headers)
        assert "\\u0041" in text  # read as written, not as an escape
        assert charset not in ("punycode", "undefined", "idna", "unicode_escape", "rot_13")
