"""The loop over an item's lines in C (``_fields.ItemLines``, as ``teasers._read`` builds
it) against the loop in Python it replaced, kept here as the reference."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import teaser_fields as tf
from service.extract import teaser_tables as tt
from service.extract import teasers
from service.extract.teaser_items import is_price
from service.extract.text import literal_table

_READ_MORE = literal_table((tt.READ_MORE_GATE,))
_NAV = literal_table((tt.NAV_LABEL_GATE,))
_SEPARATORS = "-\u2013\u2014:|"
_LEAD_IN_END = "".join(tt.LABEL_SEPARATORS) + " "


def reference(
    lines: list[str],
    lead_in: int,
    title: str,
    times: tf.ShownTimes,
    date: str | None,
    paid: bool,
) -> tuple[list[str], str | None, bool, bool, str | None]:
    """The loop of ``teasers._read`` as it was written in Python."""
    parts = []
    product = False
    length: str | None = None
    for index, line in enumerate(lines):
        text = line
        if tf.is_sponsored_label(text):
            paid = True
            continue
        if len(text) <= tt.MAX_PRICE_LINE_CHARS and is_price(text):
            product = True
            continue
        if (_NAV.find(text) & 2 and tt.NAV_LABEL.match(text)) or tt.BYLINE_OR_TAXONOMY.match(text):
            if date is None and tf.is_meta_line(text):
                date = times.time_in(text, byline=True)
            continue
        end = max(0, len(text) - tt.MAX_READ_MORE_CHARS)
        if _READ_MORE.find(text[end:]) & 2:
            more = tt.READ_MORE_TAIL.search(text, end)
            if more is not None:
                text = text[: more.start()]
        if date is None:
            shown = text.rstrip(_LEAD_IN_END) if text[-1:] in tt.LABEL_SEPARATORS else text
            moment: str | None = None
            if times.is_date(shown) or times.is_time_line(shown):
                moment = shown
            elif len(shown) <= tt.MAX_META_LINE_CHARS and tt.META_LINE_MARK.search(shown):
                moment = times.between_labels(shown)
            if moment is not None:
                if tt.BARE_SPAN.fullmatch(moment) is None:
                    date = moment
                elif length is None:
                    length = moment
                continue
        if index == lead_in:
            continue
        if tf.may_open_with(text, tt.INLINE_LABEL_OPENERS, tf.LABEL_LEADS):
            text = tt.INLINE_LABEL_PREFIX.sub("", text, count=1)
        if text[:1] in _SEPARATORS:
            text = tt.SNIPPET_SEPARATOR.sub("", text, count=1)
        if text and text != title and tf.clean_title(text) != title and teasers._is_prose(text):
            parts.append(text)
    return parts, date, paid, product, length


def read(lines: list[str], lead_in: int, title: str, times: tf.ShownTimes, *state: Any) -> Any:
    """The loop in C: ``state`` is the date and the paid mark found before it."""
    timed = times.fetched_at is not None
    return teasers._LINES.read(lines, lead_in, title, times, timed, *state)


# Lines of items: snippets, dates, spans back, bylines, taxonomy, labels, prices, calls,
# separators, marks and the edge characters of the gates (a Kelvin sign is a "k", the
# long s an "s" to a caseless match; digits of other scripts; wide spaces).
_PIECES = st.sampled_from(
    [
        *("The council approved the budget after a long debate ", "storm hits the coast", "x"),
        *("4 February 2026", "12.03.2026", "Nov 28", "3 hours ago", "vor 2 Stunden", "45 min"),
        *("1 hr 20 min", "\u0664 \u0662\u0660\u0662\u0666", "gestern", "an hour ago", "19H ago"),
        *("By Ann Lee", "by ", "Posted in Transport", "Tagged ", "Filed under: "),
        "\u0430\u0432\u0442\u043e\u0440 ",
        *("Related: ", "Read more: ", "\u25b6 ", "[Related] ", "Lesen Sie auch ", "(more)"),
        *("Sponsored", "ANZEIGE", "Advertisement", "Ads by Acme", "\u0130klan", "Promoted"),
        *("$12.99", "12,50 \u20ac", "12,50 z\u0142", "for $30", "EUR", "kr", "\u00a3"),
        *("Continue reading", "Read more \u00bb", "more...", "Full story", "weiterlesen"),
        *("See all", "More stories \u203a", "Next", "Home", "Mehr", "Ver m\u00e1s"),
        "V\u0130ew all",
        *(" - ", " \u00b7 ", " | ", " \u2022 ", " \u2013 ", ": ", "\u00bb", " ", "\u00a0"),
        "\u3000",
        *("News", "World", "\u212aelvin", "\u017ftory", "\u0e02\u0e48\u0e32\u0e27", "\u4e16\u754c"),
        *("Photo", "9", "#1", "\u2014 ", "-", "|"),
    ]
)
_LINES = st.lists(_PIECES, min_size=1, max_size=6).map("".join).map(str.strip).filter(bool)
_TIMES = st.sampled_from(
    [
        (None, None),
        (datetime(2026, 11, 30, 12, tzinfo=UTC), "en"),
        (datetime(2026, 11, 30, 12, tzinfo=UTC), "de"),
        (None, "th"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(
    lines=st.lists(_LINES, max_size=6),
    lead_in=st.integers(-1, 5),
    title=st.one_of(_LINES, st.just("Storm hits the coast")),
    when=_TIMES,
    date=st.sampled_from([None, "4 May 2026"]),
    paid=st.booleans(),
    title_is_line=st.booleans(),
)
def test_the_loop_in_c_answers_as_the_loop_in_python(
    lines: list[str],
    lead_in: int,
    title: str,
    when: tuple[datetime | None, str | None],
    date: str | None,
    paid: bool,
    title_is_line: bool,
) -> None:
    if title_is_line and lines:
        title = lines[-1]
    fetched_at, language = when
    expected = reference(lines, lead_in, title, tf.ShownTimes(fetched_at, language), date, paid)
    assert read(lines, lead_in, title, tf.ShownTimes(fetched_at, language), date, paid) == expected


def test_the_rules_of_the_lines() -> None:
    times = tf.ShownTimes(None, None)
    lines = [
        "Sponsored",
        "By Ann Lee | 4 February 2026",
        "News \u00b7 Politics",
        "Related: The council approved the budget after a long debate. Continue reading",
        "$12.99",
    ]
    parts, date, paid, product, length = read(lines, -1, "Budget", times, None, False)
    assert parts == ["The council approved the budget after a long debate."]
    assert (date, paid, product, length) == ("4 February 2026", True, True, None)
    # A length alone is no date; the lead-in and the title are no snippet.
    lines = ["45 min", "Filed in the morning by the desk", "Storm hits the coast"]
    timed = tf.ShownTimes(datetime(2026, 11, 30, 12, tzinfo=UTC), "en")
    assert read(lines, 1, "Storm hits the coast", timed, None, False) == (
        [],
        None,
        False,
        False,
        "45 min",
    )
    # A date line closed by a separator before the headline ("Nov 28: <a>...").
    assert read(["4 February 2026 -"], -1, "Storm", times, None, False) == (
        [],
        "4 February 2026",
        False,
        False,
        None,
    )


@pytest.mark.parametrize(
    "call",
    [
        "leggi tutto \u00bb",
        "Leggi di pi\u00f9",
        "Ler mais",
        "Saiba mais \u203a",
        "Ver m\u00e1s",
        "Mehr lesen",
        "mehr \u00bb",
        "Lire plus",
        "lees verder \u2192",
    ],
)
def test_a_read_more_call_closing_a_snippet_is_cut_in_each_language(call: str) -> None:
    times = tf.ShownTimes(None, None)
    line = f"The road stays closed with alternating one-way traffic... {call}"
    parts, *_rest = read([line], -1, "Road closed", times, None, False)
    assert parts == ["The road stays closed with alternating one-way traffic..."]
