"""The emission of a block in C (``_emit.Emitter``, ``Reader.emit``) answers as the
Python it replaced on generated blocks: the same paragraphs, bold lines, lines left
out, promo cut and source-list state, and ``is_boilerplate`` the same answer."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import body_reader
from service.extract import body_tables as t
from service.extract._words import FOLDS_AS_ASCII
from service.extract.body_reader import (
    _DROP_OPENS_PLAIN,
    _GATED,
    _GATES,
    _MAX_DROP_CHARS,
    _STOP_GATE,
    _STOP_GATES,
    _TITLED_GATE,
    _links_in,
    _pre_lines,
    _pre_prose,
    _too_linked,
    chars,
    glued_boilerplate,
    opens_with_consent,
)
from service.extract.model import Paragraph, ParagraphKind
from service.extract.teaser_tables import CITATION_LABEL
from service.extract.text import _CASELESS_RANGES, CaselessPattern, contains_any, normalize_text

# The drop patterns as Python searched them: one alternation, anchored at the start.
_DROP = CaselessPattern.compile(
    "^(?:" + "|".join(f"(?:{p.pattern[1:]})" for p, _ in t.DROP_BLOCK_PATTERNS) + ")"
)


def python_is_boilerplate(text: str) -> bool:
    """``is_boilerplate`` as it was written in Python."""
    if len(text) > _MAX_DROP_CHARS:
        return False
    found = _GATES.find(text)
    if found & FOLDS_AS_ASCII:
        lowered = text.lower()
        if _DROP.plain.search(lowered):
            return True
        for bit, gated in _GATED if found > FOLDS_AS_ASCII else ():
            if found & bit and gated.plain.search(lowered):
                return True
        return False
    if _DROP.caseless.search(text):
        return True
    for bit, gated in _GATED if found else ():
        if found & bit and gated.caseless.search(text):
            return True
    return False


def python_is_stop_block(text: str, heading: bool) -> bool:
    """``is_stop_block`` as it was written in Python."""
    size = len(text)
    stop = size <= t.MAX_STOP_CHARS
    titled = heading and size <= t.MAX_TITLED_STOP_CHARS
    if not (stop or titled):
        return False
    found = _STOP_GATES.find(text)
    gated = found & (_STOP_GATE | _TITLED_GATE)
    if found & FOLDS_AS_ASCII:
        if not gated:
            return False
        lowered = text.lower()
        return bool(
            (stop and found & _STOP_GATE and t.STOP_BLOCK.plain.search(lowered))
            or (titled and found & _TITLED_GATE and t.TITLED_STOP_BLOCK.plain.search(lowered))
        )
    if not (gated or contains_any(text.casefold(), t.STOP_BLOCK_CASED_GATE)):
        return False
    return bool(
        (stop and t.STOP_BLOCK.caseless.search(text))
        or (titled and t.TITLED_STOP_BLOCK.caseless.search(text))
    )


def _without_widgets(text: str) -> str:
    """The widgets cut out as Python cut them, each pattern's substitution ungated."""
    for pattern, _, _ in t.INLINE_DROP_PATTERNS:
        text = pattern.sub("", text)
    return text


class PythonReader(body_reader.Reader):
    """``Reader.emit`` as it was written in Python."""

    def emit(
        self,
        text: str,
        link_chars: int,
        kind: ParagraphKind,
        holders: Iterable[LexborNode] = (),
        label: bool = False,
        parts: list[str] | None = None,
    ) -> None:
        if not text or text.isspace():
            return
        if kind == "pre" and (prose := _pre_prose(text)):
            size = max(1, chars(text))
            for part in prose:
                self.emit(part, link_chars * chars(part) // size, "p", holders, label)
            return
        text = _pre_lines(text) if kind == "pre" else _without_widgets(normalize_text(text))
        if label and len(text) <= t.MAX_STOP_CHARS and CITATION_LABEL.match(text) is not None:
            kind = "h"
        if kind == "h":
            self._citing = len(text) <= t.MAX_STOP_CHARS and CITATION_LABEL.match(text) is not None
            self._citing_in = self._heading_holder() if self._citing else 0
        if python_is_stop_block(text, kind == "h"):
            self._cut = kind == "h" or label
        elif self._keep(
            text, 0 if self._citing or kind == "quote" else link_chars, holders, kind
        ) and not (parts is not None and glued_boilerplate(text, parts)):
            if label:
                self.bold_lines.add(len(self.out))
            self.out.append(Paragraph(kind, text))
        else:
            self.left_out += 1

    @staticmethod
    def _keep(
        text: str, link_chars: int, holders: Iterable[LexborNode], kind: ParagraphKind
    ) -> bool:
        if not text:
            return False
        if link_chars and _too_linked(text, link_chars, lambda: _links_in(holders), kind):
            return False
        return not python_is_boilerplate(text) and not opens_with_consent(text)


def _samples(*tables: Iterable[str]) -> list[str]:
    return sorted({word for table in tables for word in table})


# Words that open or gate the rules, with plain words, spaces, invisible characters
# and characters beyond ASCII (cased or not, and those a caseless match pairs with
# ASCII letters).
WORDS = st.one_of(
    st.sampled_from(
        _samples(
            t.STOP_BLOCK_GATE,
            t.TITLED_STOP_BLOCK_GATE,
            t.STOP_BLOCK_CASED_GATE,
            t.CONSENT_GATE,
            (literal for gated, _ in t.GATED_DROP_PATTERNS for literal in gated.gate),
        )
    ),
    st.sampled_from(
        [
            "Advertisement",
            "ADVERTISEMENT",
            "Related stories",
            "Read more",
            "Sources",
            "Sources:",
            "References",
            "We use cookies",
            "We and our partners store",
            "Your data, your choice:",
            "(Photo: Ann Lee)",
            "Download the app",
            "Acme Corp (ACME) 12.30 \u25b21.2%",
            " (ACME) 12.30 +1.2%",
            "3 Comments",
            "8 Responses to \u201cStorm\u201d",
            "Share this",
            "Комментарии",
            "Реклама",
            "Читайте также",
            "広告",
            "Werbung",
            "Anzeige",
            "Publicité",
            "\u00a9 2026",
            "Copyright",
            "the council",
            "met on Monday.",
            "said.",
        ]
    ),
    st.text(
        alphabet=st.sampled_from(
            list(
                "abcXYZ019 .,:;!?%()-\t\n\u00a0\u200b"  # spaces, an invisible one
                "\u00e9\u00c9\u0416\u0436"  # cased beyond ASCII
                "\u0130\u0131\u017f\u212a"  # paired with ASCII letters by a caseless match
                "\u201c\u201d\u2014\u4e2d"  # without case
            )
        ),
        max_size=12,
    ),
)
PADDING = st.sampled_from(
    [0, 1, 4, 40, 55, 56, 58, 59, 60, 61, 75, 79, 80, 81, 86, 90, 150, 196, 199, 200, 201, 240]
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    """A block's text: a few words, padded to a length around one of the bounds."""
    text = " ".join(draw(st.lists(WORDS, max_size=6)))
    size = draw(PADDING)
    if len(text) < size:
        filler = draw(st.sampled_from(["x", "word ", " ", "\u00e9t\u00e9 ", "\u201c"]))
        text += (filler * size)[: size - len(text)]
    if draw(st.booleans()):
        text = draw(st.sampled_from(["", " ", "\u200b", "\u201c", "\u00c9", "\u0130"])) + text
    return text


BOUNDS = st.sampled_from(
    [
        0,
        *(
            bound + step
            for bound in (t.MAX_STOP_CHARS, t.SHORT_BLOCK_CHARS, t.MAX_SIGNATURE_CHARS)
            for step in (-1, 0, 1)
        ),
        *(
            bound + step
            for bound in (_MAX_DROP_CHARS, t.MAX_TITLED_STOP_CHARS)
            for step in (-1, 0, 1)
        ),
    ]
)


@st.composite
def blocks(draw: st.DrawFn) -> tuple[str, ParagraphKind, bool, list[str] | None]:
    """A block: its markup (words, some linked; a plain opening of a few words before
    them, up to the consent gate's reach; padded with a plain word to a bound's
    length once normalized), kind, label and glued parts."""
    opening = draw(st.sampled_from([0, 3, 20, 60, 75, 80, 84, 86, 88]))
    pieces = [("w " * (opening // 2))[:opening], ""] if opening else []
    pieces += [
        f"<a href=/x>{text}</a>" if linked else text
        for text, linked in draw(st.lists(st.tuples(WORDS, st.booleans()), min_size=1, max_size=5))
    ]
    html = "".join(pieces)
    plain = LexborHTMLParser(f"<p>{html}</p>").css_first("p")
    size = len(_without_widgets(normalize_text(plain.text()))) if plain is not None else 0
    bound = draw(BOUNDS)
    if size + 1 < bound:
        html += " " + "x" * (bound - size - 1)
    kind = draw(st.sampled_from(["p", "p", "h", "li", "quote", "pre"]))
    label = draw(st.booleans())
    parts = [piece for piece in pieces if piece] if draw(st.booleans()) else None
    return html, kind, label, parts


def _state(reader: body_reader.Reader) -> tuple[object, ...]:
    return (
        reader.out,  # the records, equal as dataclasses
        reader.bold_lines,
        reader.left_out,
        reader._cut,
        reader._citing,
        reader._citing_in,
    )


_COUNT = body_reader._COUNT


@settings(max_examples=600, deadline=None)
@given(st.lists(blocks(), min_size=1, max_size=8))
def test_the_emission_is_the_python_emission(
    generated: list[tuple[str, ParagraphKind, bool, list[str] | None]],
) -> None:
    new, old = body_reader.Reader(), PythonReader()
    for reader in (new, old):
        reader._kinds = ["p", "li", "h"]
    for html, kind, label, parts in generated:
        tree = LexborHTMLParser(f"<div><p>{html}</p></div>")
        node = tree.css_first("p")
        assert node is not None
        text = node.text()
        links = _COUNT.links(node)
        for reader in (new, old):
            reader.emit(text, links, kind, [node], label, parts)
        assert _state(new) == _state(old)


@settings(max_examples=1000, deadline=None)
@given(texts())
def test_boilerplate_is_the_python_answer(text: str) -> None:
    for form in (text, normalize_text(text), text.upper(), text.lower()):
        assert body_reader.is_boilerplate(form) is python_is_boilerplate(form)


@settings(max_examples=1000, deadline=None)
@given(texts())
def test_stop_block_is_the_python_answer(text: str) -> None:
    for form in (text, normalize_text(text), text.upper(), text.lower()):
        for heading in (False, True):
            assert body_reader.is_stop_block(form, heading) is python_is_stop_block(form, heading)


_OPENINGS = sorted({opening for gate in _DROP_OPENS_PLAIN for opening in gate.openings})


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(_OPENINGS),
    st.text(alphabet=st.sampled_from(list("aZ 0.:\n\u00e9\u201c\u0130\u017f")), max_size=6),
    st.booleans(),
)
def test_the_drop_patterns_openings_are_read_as_in_python(
    opening: str, rest: str, upper: bool
) -> None:
    text = opening.rstrip("\n")
    text = (text.upper() if upper else text) + rest
    for form in (text, text[:1], text[:2], text[:3]):
        assert body_reader.is_boilerplate(form) is python_is_boilerplate(form)


def test_a_subheading_is_kept_whatever_its_links() -> None:
    tree = LexborHTMLParser(
        "<div><h2><a href=/jacket>1. Brand Model Jacket</a></h2><p>Text.</p></div>"
    )
    container = tree.css_first("div")
    heading = tree.css_first("h2")
    assert container is not None and heading is not None
    plain = body_reader.Reader()
    plain.read(container)
    listed = body_reader.Reader(subheadings=frozenset({heading.mem_id}))
    listed.read(container)
    assert [p.text for p in plain.out] == ["Text."]
    assert [(p.kind, p.text) for p in listed.out] == [
        ("h", "1. Brand Model Jacket"),
        ("p", "Text."),
    ]


# Texts around the consent gate's reach: its literals (in their case and others) at
# each place up to and past ``CONSENT_OPENING_CHARS``, cut short, among characters of
# each width (Latin-1, beyond it, beyond the BMP) and ones that pair with ASCII letters.
CONSENT_PIECES = st.one_of(
    st.sampled_from(
        [
            *t.CONSENT_GATE,
            *(literal.upper() for literal in t.CONSENT_GATE),
            *(literal[:-1] for literal in t.CONSENT_GATE),
            *(literal[1:] for literal in t.CONSENT_GATE),
            "cookie",
            "COOKIES",
            "partners",
            "vendors",
            "advertisers",
        ]
    ),
    st.text(
        alphabet=st.sampled_from(
            list("aeiknorsdvtEIKOR .\u00e9\u00ff\u0130\u017f\u212a\u4e2d\U0001f600")
        ),
        max_size=8,
    ),
)


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from([0, 1, 2, 40, 80, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 120]),
    st.lists(CONSENT_PIECES, max_size=4),
    st.sampled_from(["", "\u00e9", "\u0416", "\U0001f600"]),
)
def test_the_consent_gate_is_the_python_gate(padding: int, pieces: list[str], wide: str) -> None:
    for filler in ("x", "x" + wide):
        text = (filler * padding)[:padding] + "".join(pieces)
        for form in (text, text[1:], text[:-1]):
            expected = contains_any(form[: t.CONSENT_OPENING_CHARS], t.CONSENT_GATE)
            assert body_reader._EMIT.has_consent_literal(form) is expected


def test_a_text_that_folds_as_ascii_lowers_its_ascii_capitals_alone() -> None:
    """The drop patterns' openings are read on such a text with its ASCII capitals
    lowered, for its lowered form: every character beyond ASCII such a text may
    hold (``CASELESS_BLOCKS``) is its own lower case, one character."""
    for first, last in _CASELESS_RANGES:
        for point in range(first, last + 1):
            char = chr(point)
            assert char.lower() == char
            assert _GATES.find(f"a{char}") & FOLDS_AS_ASCII
    assert not _GATES.find("a\u00e9") & FOLDS_AS_ASCII  # a cased letter does not fold so


# A stock quote's pieces, and others beside them, for the widgets' gates.
QUOTE_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "(ACME)",
        "(A.B-1)",
        "(acme)",
        "12.30",
        "$4",
        "\u00a312,000.5p",
        "1",
        "p",
        *"\u25b2\u25bc\u25b3\u25bd\u2191\u2193+-\u2212%().,",
        "1.2%",
        "(-1.0%)",
        " (+3%)",
        "rose",
        "x",
        "\u00e9",
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(QUOTE_PIECES, max_size=14))
def test_a_widgets_match_holds_a_literal_of_each_group_of_its_gate(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, gates, _ in t.INLINE_DROP_PATTERNS:
        for found in pattern.finditer(text):
            for group in gates:
                assert any(literal in found.group() for literal in group)


@pytest.mark.parametrize(
    "text",
    [
        "Shares in Acme Corp (ACME) 12.30 \u25b21.2% rose",
        "Acme Corp (ACME) 12.30 +1.2% and Beta (B) 4.86 \u2212 0.05 (-1.0%)",
        "Acme 4.86\u25bc0.05 (-1.0%) fell",
        "Acme (ACME) 12.30 -1.2%",
    ],
)
def test_a_stock_quote_is_cut_out_as_without_gates(text: str) -> None:
    reader = body_reader.Reader()
    reader.emit(text, 0, "p")
    assert [p.text for p in reader.out] == [_without_widgets(normalize_text(text))]
    assert reader.out[0].text != text
