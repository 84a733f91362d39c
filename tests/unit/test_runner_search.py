"""Whether an event names a body_ref: a search of its raw bytes, as ``in`` answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from service.runner import _contains, _names_body_ref

NEEDLE = b'"body_ref"'


@given(
    st.binary(max_size=300),
    st.binary(max_size=300),
    st.sampled_from([b"", NEEDLE, NEEDLE[:-1], NEEDLE[1:], b"\x00" + NEEDLE, b'"body_re\x00f"']),
)
def test_the_search_answers_as_in(before: bytes, after: bytes, middle: bytes) -> None:
    haystack = before + middle + after
    assert _contains(haystack, NEEDLE) is (NEEDLE in haystack)
    assert _names_body_ref(haystack) is (NEEDLE in haystack)


def test_a_body_ref_after_a_long_body_is_found() -> None:
    page = b'<p class=\\"body\\">' * 20_000  # quotes everywhere, as in an event's html
    assert _names_body_ref(b'{"html":"' + page + b'","body_ref":"https://x.example/a"}')
    assert not _names_body_ref(b'{"html":"' + page + b'"}')
    assert not _names_body_ref(None)
    assert _contains(b"", b"") and _contains(b"abc", b"")
