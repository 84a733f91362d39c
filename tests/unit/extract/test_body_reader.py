"""Unit tests of body_reader on small fragments: what a container's blocks read as."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import body_tables as bt
from service.extract.body_reader import (
    Reader,
    _repeats,
    chars,
    is_stop_block,
    without_pull_quotes,
    without_repeated_captions,
)
from service.extract.model import Paragraph

PROSE = "A sentence of body prose that is long enough to be kept as one paragraph of the story."


def read_story(html: str) -> tuple[list[Paragraph], LexborNode]:
    """The paragraphs ``Reader`` reads from ``html`` set in a container, and the container."""
    tree = LexborHTMLParser(f"<html><body><div id=story>{html}</div></body></html>")
    container = tree.css_first("#story")
    assert container is not None
    reader = Reader()
    reader.read(container)
    return reader.out, container


def read(html: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in read_story(html)[0]]


def test_blocks_and_runs_in_document_order() -> None:
    html = (
        f"<p>{PROSE}</p>\n  <b>Bold</b> <i>run</i> {PROSE}\n"
        f"<h2>A heading</h2><ul><li>{PROSE}</li></ul>"
    )
    assert read(html) == [
        ("p", PROSE),
        ("p", f"Bold run {PROSE}"),
        ("h", "A heading"),
        ("li", PROSE),
    ]


def test_br_splits_a_paragraph_into_runs() -> None:
    assert read(f"<p>{PROSE}<br>Second {PROSE}</p>") == [("p", PROSE), ("p", f"Second {PROSE}")]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # An old layout's text set in <font> between <br>: each run its own paragraph.
        (f"<font>{PROSE}<br><br>Second {PROSE}</font>", [PROSE, f"Second {PROSE}"]),
        # A run goes on through the inline element and after it, up to the next <br>.
        (
            f"Lead <b>{PROSE}<br>Second</b> {PROSE}<br>Third {PROSE}",
            [f"Lead {PROSE}", f"Second {PROSE}", f"Third {PROSE}"],
        ),
    ],
)
def test_br_inside_an_inline_element_splits_its_runs(html: str, expected: list[str]) -> None:
    assert [text for _, text in read(html)] == expected


def test_paragraphs_inside_an_inline_element_stay_apart() -> None:
    # An old layout's story: <p>s without closing tags inside <font>, a byline
    # line in the <font> before it with no <br> between them.
    html = f"<font>By Jo Reed<br>Staff</font><font size=3><p>{PROSE}<p>Second {PROSE}</font>"
    assert [text for _, text in read(html)] == ["Staff", PROSE, f"Second {PROSE}"]


@pytest.mark.parametrize(
    "name",
    [
        "class=share-bar",
        "class=Share-Bar",
        "id=RELATED-links",
        "class=noticia__autor",
        "class=auteur",
    ],
)
def test_elements_named_like_chrome_are_skipped_whatever_their_case(name: str) -> None:
    assert read(f"<p>{PROSE}</p><div {name}><p>Share {PROSE}</p></div>") == [("p", PROSE)]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("subscriber-only", True),
        ("Subscribers-Preview", True),
        ("subscribe-box", False),
        ("subscriber-only subscribe-cta", False),  # a name beside the exception still counts
    ],
)
def test_a_name_inside_a_longer_word_that_is_no_such_name_is_not_skipped(
    name: str, kept: bool
) -> None:
    got = read(f"<p>{PROSE}</p><div class='{name}'><p>More {PROSE}</p></div>")
    assert got == [("p", PROSE), ("p", f"More {PROSE}")] if kept else [("p", PROSE)]


def test_names_compare_without_case_in_ascii_only() -> None:
    # U+017F (long s) matches "s" caselessly in Unicode, not in the ASCII
    # comparison that a CSS [class*=share i] selector makes.
    assert read(f"<div class=\u017fhare><p>{PROSE}</p></div>") == [("p", PROSE)]


def test_the_container_itself_is_never_skipped() -> None:
    tree = LexborHTMLParser(f"<div class=related><p>{PROSE}</p></div>")
    container = tree.css_first("div")
    assert container is not None
    reader = Reader()
    reader.read(container)
    assert [p.text for p in reader.out] == [PROSE]


def test_link_heavy_blocks_are_dropped() -> None:
    links = '<a href="/a">One linked headline</a> <a href="/b">Another linked headline</a>'
    assert read(f"<p>{PROSE}</p><p>{links} and</p><p>{PROSE} <a href=/c>link</a></p>") == [
        ("p", PROSE),
        ("p", f"{PROSE} link"),
    ]


def test_a_sentence_with_many_inline_links_stays() -> None:
    # Most of its words are links, but words and a full stop sit around them.
    deals = (
        'Friday\'s best deals include <a href="/a">noise-cancelling headphones from $99</a>,'
        ' <a href="/b">a 4K television for half its usual price</a> and'
        ' <a href="/c">robot vacuum cleaners from $150</a>. The rest is below.'
    )
    short = 'He was charged in May over the <a href="/d">March 3 attack on the depot</a>.'
    assert read(f"<p>{deals}</p><p>{short}</p>") == [
        (
            "p",
            "Friday's best deals include noise-cancelling headphones from $99, a 4K television"
            " for half its usual price and robot vacuum cleaners from $150. The rest is below.",
        ),
        ("p", "He was charged in May over the March 3 attack on the depot."),
    ]


def test_a_short_sentence_that_is_mostly_one_link_stays() -> None:
    read_the = 'Read the <a href="/a">council\'s full statement on the ferry strike</a> here.'
    follow = 'Follow <a href="/b">our live coverage of the storm on the north coast</a>.'
    promo = 'Read more: <a href="/c">Harbour road closes for repairs until March</a>.'
    listed = '<ul><li>Could the harbour <a href="/d">survive another winter storm</a>?</li></ul>'
    assert read(f"<p>{read_the}</p><p>{follow}</p><p>{promo}</p>{listed}") == [
        ("p", "Read the council's full statement on the ferry strike here."),
        ("p", "Follow our live coverage of the storm on the north coast."),
    ]


def test_a_short_sentence_that_opens_with_a_link_stays() -> None:
    opens = (
        '<a href="/a">The retired teacher Marta Olsen</a> was voted off <a href="/b">the dance '
        "contest</a>."
    )
    snippet = '<a href="/c">Judges split over the final scores</a> Viewers complain.'
    dated = '<a href="/d">Who is left in the dance contest</a> 3 hours ago'
    side = '<a href="/e">Judges split over the scores</a> <a href="/f">the dance contest</a>.'
    listed = f"<ul><li>{opens}</li></ul>"
    aside = '<a href="/g">The retired teacher Marta Olsen</a>, 42, of Leeds, was voted off.'
    updated = '<a href="/h">Who is left in the dance contest</a>, updated 3 hours ago.'
    assert read(
        f"<p>{opens}</p><p>{snippet}</p><p>{dated}</p><p>{side}</p>{listed}"
        f"<div>{opens}</div><p>{aside}</p><p>{updated}</p>"
    ) == [
        ("p", "The retired teacher Marta Olsen was voted off the dance contest."),
        ("li", "The retired teacher Marta Olsen was voted off the dance contest."),
        ("p", "The retired teacher Marta Olsen was voted off the dance contest."),
        ("p", "The retired teacher Marta Olsen, 42, of Leeds, was voted off."),
    ]


def test_links_side_by_side_are_a_list_even_in_a_sentence() -> None:
    # A hover card or a row of headlines inside a paragraph: links with only
    # spaces between them, not prose, though the paragraph ends with a full stop.
    row = (
        'Mayor <a href="/p/lee">Ann Lee</a> <a href="/n/1">Council passes the new budget</a>'
        ' <a href="/n/2">Bridge repairs to start in June</a> said the plan was final.'
    )
    assert read(f"<p>{PROSE}</p><p>{row}</p>") == [("p", PROSE)]


def test_link_lists_without_sentences_are_dropped() -> None:
    tags = (
        '<a href="/t/a">Flood defences</a>, <a href="/t/b">River Avon</a>, <a href="/t/c">Bath</a>'
    )
    assert read(f"<p>{PROSE}</p><p>Topics: {tags}</p>") == [("p", PROSE)]


def test_an_embedded_post_keeps_its_links_and_signature() -> None:
    post = (
        '<blockquote class="embedded-post"><p>Queues at the ferry port this morning'
        ' <a href="https://t.example/x1">pic.example/x1</a></p>&mdash; Port News (@portnews)'
        ' <a href="https://t.example/status/1">March 3, 2026</a></blockquote>'
    )
    assert read(f"<p>{PROSE}</p>{post}") == [
        ("p", PROSE),
        ("quote", "Queues at the ferry port this morning pic.example/x1"),
        ("quote", "\u2014 Port News (@portnews) March 3, 2026"),
    ]


@pytest.mark.parametrize(
    "mark",
    [
        '<sup><a href="#note-1">1</a></sup>',
        '<a href="#fn12"><sup>[12]</sup></a>',
        '<sup class="reference"><a href="#cite-3">[3]</a></sup>',
        '<a href="#star">*</a>',
    ],
)
def test_footnote_marks_are_not_read(mark: str) -> None:
    html = (
        f"<p>The dose rose sharply in March.{mark} It fell in May.</p><p><em>Noted{mark}</em></p>"
    )
    assert read(html) == [("p", "The dose rose sharply in March. It fell in May."), ("p", "Noted")]


def test_a_notes_back_link_is_not_read() -> None:
    html = f'<ol><li id="note-1">{PROSE} <a href="#ref-1">\u21a9\ufe0e</a></li></ol>'
    assert read(html) == [("li", PROSE)]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>The flood covered 40 km<sup>2</sup> of farmland.</p>", "40 km2"),  # no link
        ('<p>The flood covered 40 km<sup><a href="/units">2</a></sup> of it.</p>', "40 km2"),
        ('<p>The flood is the subject of part <a href="#part-two">two</a> below.</p>', "part two"),
    ],
)
def test_superscripts_and_links_that_are_no_footnote_marks_are_read(html: str, text: str) -> None:
    assert text in read(html)[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii words",
        " \t\n\x0b\x0c\r\x1c\x1f ",
        "caf\u00e9\u00a0au lait",
        "\u3000\u2009x\u2028y\u0085",
    ],
)
def test_chars_counts_what_split_leaves(text: str) -> None:
    assert chars(text) == sum(map(len, text.split()))


def test_chars_counts_every_kind_of_whitespace() -> None:
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert chars(f"a{spaces}b\ud800") == 3


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Publicité",
        "PUBLICITÉ",
        "Download our APP today",
        "Get the news in your inbox. Sign up for our morning newsletter.",
        "By Staff Reporter \u00b7 28 Nov 2026",
        "By Ann Smith | November 28, 2026 at 9:30 am",
        "Tags",
        "Schlagwörter:",
        "Jo Reed5 min readNov 28, 2026",
        "8 min read",
        "Reading time: 4 minutes",
        "Lesezeit: 4 Minuten",
        "Temps de lecture : 3 min",
        "Время чтения: 5 мин",  # no literal of the other languages' gates
        "ВРЕМЯ ЧТЕНИЯ 5 МИНУТ",
        "10:42 GMT",  # a live page's entry stamps: clock times, relative times
        "9:15am ET",
        "2 hours ago",
        "15 mins ago",
        "2 hours agoBy Dan Cole",
        "3 days ago | Sport",
        "hace 3 horas",
        "Vor 2 Stunden",
        "Page 1 of 3",  # a paginated story's page counter
        "Seite 2 von 3",
        "Página 1 de 3",
        "Image 1 of 8",  # a slideshow's picture counter and controls
        "Image 1 of / 8",
        "Foto 2 de 5",
        "Caption",
        "Close",
        "Back to Gallery",
        "Schließen",
        "View this post on Instagram",  # an embedded post's chrome
        "VIEW THIS VIDEO ON TIKTOK",
        "Like this:",  # a blog's like button and its placeholder
        "Like Loading...",
        "Loading…",
        "Do you have an opinion on the issues raised in this article? If you would like to"
        " submit a response of up to 300 words by email, please click here.",
        "\U0001f4f2 Participe do canal do Jornal Exemplo no WhatsApp",
        "Join our WhatsApp channel for the latest news",
        "\u00danete al canal de WhatsApp de Diario Ejemplo",
    ],
)
def test_boilerplate_lines_are_dropped_whatever_their_case(line: str) -> None:
    # ASCII lines take the lowercased plain patterns, the others the caseless ones.
    assert read(f"<p>{PROSE}</p><p>{line}</p>") == [("p", PROSE)]


def test_a_sentence_about_a_messaging_channel_stays() -> None:
    sentence = (
        "Join the thousands who followed the group on WhatsApp during the floods, the mayor"
        " said, and who then organised the clean-up. The council thanked them."
    )
    assert read(f"<p>{PROSE}</p><p>{sentence}</p>") == [("p", PROSE), ("p", sentence)]


def test_a_sentence_opening_with_a_slideshow_control_word_stays() -> None:
    sentence = "Close to 300 people came to see the new ferry leave the dry dock."
    assert read(f"<p>{PROSE}</p><p>{sentence}</p>") == [("p", PROSE), ("p", sentence)]


def test_a_sentence_opening_with_a_relative_time_stays() -> None:
    sentence = "3 days ago the council voted to close the library."
    assert read(f"<p>{PROSE}</p><p>{sentence}</p>") == [("p", PROSE), ("p", sentence)]


NOTE = "An earlier version of this article gave the wrong date for the council vote."


@pytest.mark.parametrize(
    ("box", "label"),
    [
        ("<aside><p><strong>{}</strong> {}</p></aside>", "Correction:"),
        ("<footer><p>{} {}</p></footer>", "Clarification, 17 March:"),
        ("<aside class=note><p><em>{} {}</em></p></aside>", "Editor's note:"),
        ("<aside><p>{} {}</p></aside>", "Corrección:"),
    ],
)
def test_a_correction_note_set_beside_the_story_is_article_text(box: str, label: str) -> None:
    html = box.format(label, NOTE)
    assert read(f"<p>{PROSE}</p>{html}") == [("p", PROSE), ("p", f"{label} {NOTE}")]


@pytest.mark.parametrize(
    "box",
    [f"<aside><p>Fact box: {NOTE}</p></aside>", "<footer><p>Update: 17 March 2026</p></footer>"],
)
def test_a_box_beside_the_story_is_still_skipped(box: str) -> None:
    assert read(f"<p>{PROSE}</p>{box}") == [("p", PROSE)]


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    sentence = "By noon, the crowd had gone home \u00b7 and the square was empty again."
    assert read(f"<p>{PROSE}</p><p>{sentence}</p>") == [("p", PROSE), ("p", sentence)]


def test_a_paragraph_read_before_is_taken_as_read() -> None:
    tree = LexborHTMLParser(f"<div><p>{PROSE}</p></div>")
    container = tree.css_first("div")
    paragraph = tree.css_first("p")
    assert container is not None and paragraph is not None
    reader = Reader({paragraph.mem_id: f"Read before: {PROSE}"})
    reader.read(container)
    assert [p.text for p in reader.out] == [f"Read before: {PROSE}"]


def test_a_linked_subheading_stays_a_heading_when_named_so() -> None:
    link = '<a href="https://shop.example/p/storm-shell">Storm Shell Jacket</a>'
    html = f"<div><h2>{link}</h2><p>{PROSE}</p></div>"
    tree = LexborHTMLParser(html)
    container = tree.css_first("div")
    heading = tree.css_first("h2")
    assert container is not None and heading is not None
    plain = Reader()
    plain.read(container)
    assert [p.kind for p in plain.out] == ["p"]  # a linked heading alone is a link
    named = Reader(subheadings=frozenset({heading.mem_id}))
    named.read(container)
    assert [(p.kind, p.text) for p in named.out] == [("h", "Storm Shell Jacket"), ("p", PROSE)]


_LISTED_SOURCES = (
    '<ul><li><a href="https://a.example/report">Annual report on river quality</a></li>'
    '<li><a href="https://b.example/data">Water agency statistics</a>, 2026</li></ul>'
)
# A page without headings or <p> sets its sources as lines between breaks.
_SOURCE_LINES = (
    'River Trust, "<a href="https://a.example/report">Annual report on river quality</a>,"'
    ' May 2, 2026<br><br>Water Agency, "<a href="https://b.example/data">Monthly water'
    ' statistics</a>," accessed May 5, 2026<br><br>'
)
_LINE_ENTRIES = [
    ("h", "Sources"),
    ("p", 'River Trust, "Annual report on river quality," May 2, 2026'),
    ("p", 'Water Agency, "Monthly water statistics," accessed May 5, 2026'),
]


@pytest.mark.parametrize(
    ("story", "entries"),
    [
        (
            f"<p>{PROSE}</p><div><h2>Sources:</h2>{_LISTED_SOURCES}</div>",
            [
                ("h", "Sources:"),
                ("li", "Annual report on river quality"),
                ("li", "Water agency statistics, 2026"),
            ],
        ),
        # A heading holding a break is open while read: the list still ends with its holder.
        (
            f"<p>{PROSE}</p><div><h3>Sources<br></h3>{_LISTED_SOURCES}</div>",
            [
                ("h", "Sources"),
                ("li", "Annual report on river quality"),
                ("li", "Water agency statistics, 2026"),
            ],
        ),
        # The label set as a bold line alone is read as the heading it stands for.
        (f"<div>{PROSE}<br><br><div><b>Sources</b></div>{_SOURCE_LINES}</div>", _LINE_ENTRIES),
        (f"<div>{PROSE}<br><br><strong>Sources</strong><br>{_SOURCE_LINES}</div>", _LINE_ENTRIES),
    ],
)
def test_entries_of_a_source_list_stay_though_linked(
    story: str, entries: list[tuple[str, str]]
) -> None:
    """Under a citation heading links weigh nothing, up to the end of its holder."""
    after = f'<div><p><a href="/x">One linked headline here</a></p><p>{PROSE}</p></div>'
    # Past the source list's holder links weigh again: the linked headline is left out.
    assert read(f"{story}{after}") == [("p", PROSE), *entries, ("p", PROSE)]


@pytest.mark.parametrize(
    "heading",
    [
        "Top rated comments",
        "Recent comments (12)",
        "Leave a Reply Cancel reply",
        "Share your thoughts Cancel reply",
        "Lascia un commento Annulla risposta",
        "Loading comments...",
        "One thought on “Ferry timetable cut to three crossings a day from June”",
        "34 responses to “A coach says: “We needed to win this game, and we did not do it””",
        "12 Gedanken zu „Die Fähre fährt ab Juni nur noch dreimal am Tag“",
    ],
)
def test_a_comment_heading_ends_the_story(heading: str) -> None:
    html = f"<p>{PROSE}</p><div><h3>{heading}</h3><p>A reader's {PROSE}</p></div><p>{PROSE}</p>"
    assert read(html) == [("p", PROSE), ("p", PROSE)]


@pytest.mark.parametrize(
    "heading",
    [
        "Comment: Women must stand up for themselves in sport",
        "One response to rising rents: build more homes",
        "Discussion",
        "Beijing's Response to Ruling Is Glimpse Into Hong Kong's Legal Future",
    ],
)
def test_a_story_heading_naming_comments_goes_on(heading: str) -> None:
    html = f"<p>{PROSE}</p><div><h3>{heading}</h3><p>{PROSE}</p></div>"
    assert read(html) == [("p", PROSE), ("h", heading), ("p", PROSE)]


@pytest.mark.parametrize(
    "notice",
    [
        "Note: we are temporarily moderating all comments submitted to deal with a surge in spam.",
        "Comments are closed.",
        "Comments have been disabled for this story.",
        "All comments are moderated before they appear.",
    ],
)
def test_a_notice_about_the_comments_is_dropped(notice: str) -> None:
    assert read(f"<p>{PROSE}</p><p>{notice}</p>") == [("p", PROSE)]


@pytest.mark.parametrize(
    "line",
    [
        "FOR IMMEDIATE RELEASE",  # a press release's head and end marks
        "For Immediate Release:",
        "###",
        "# # #",
        "-30-",
        "Associated Press Writer",  # a byline's role line, and a byline with its role
        "AP Business Writer",
        "By Carol Benson, Courier Staff Writer",
    ],
)
def test_old_layout_and_press_release_lines_are_dropped(line: str) -> None:
    assert read(f"<p>{PROSE}</p><p>{line}</p>") == [("p", PROSE)]


@pytest.mark.parametrize(
    "label", ["Media contact:", "Press Contacts", "Other stories", "About Acme Corp."]
)
def test_a_contact_or_other_stories_label_ends_its_block(label: str) -> None:
    # A bold line alone heads what follows it, as a heading would.
    html = f"<p>{PROSE}</p><div><b>{label}</b><br>Jane Doe<br>Acme Corp.<br>(614) 555-0123</div>"
    assert read(html) == [("p", PROSE)]


def test_a_bold_line_that_is_no_promo_label_stays_with_what_follows() -> None:
    html = f"<p>{PROSE}</p><div><b>About the study</b><br>{PROSE}</div>"
    assert read(html) == [("p", PROSE), ("p", "About the study"), ("p", PROSE)]


CAPTION = "The new footbridge over the river at dusk, seen from the east bank."


def read_without_repeated_captions(html: str) -> list[tuple[str, str]]:
    paragraphs, container = read_story(html)
    return [(p.kind, p.text) for p in without_repeated_captions(paragraphs, [container])]


def test_a_caption_repeated_under_pictures_is_dropped_with_all_its_copies() -> None:
    picture = f'<div><img src="/a.jpg"><p>{CAPTION}</p></div>'
    assert read_without_repeated_captions(f"{picture}<p>{PROSE}</p>{picture}") == [("p", PROSE)]


def test_a_slideshow_caption_repeated_in_its_viewer_is_dropped() -> None:
    slide = f'<ul><li><div><img src="/a.jpg"></div><div><div>{CAPTION}</div></div></li></ul>'
    viewer = f"<div><div><div>{CAPTION}</div></div></div>"
    assert read_without_repeated_captions(f"{slide}{viewer}<p>{PROSE}</p>") == [("p", PROSE)]


def test_a_line_quoted_twice_and_a_caption_read_once_stay() -> None:
    # The caption is set before its picture: the reader keeps it (a caption after its
    # picture is skipped as one), and a text read once is no repeated caption.
    quote = '<p>"Everyone gets a line, and everyone gets a bow."</p>'
    picture = f'<div><p>{CAPTION}</p><img src="/a.jpg"></div>'
    html = f'{quote}<div><img src="/b.jpg"></div>{picture}<p>{PROSE}</p>{quote}'
    line = ("p", '"Everyone gets a line, and everyone gets a bow."')
    assert read_without_repeated_captions(html) == [line, ("p", CAPTION), ("p", PROSE), line]


def test_a_repeated_line_in_a_large_box_with_a_picture_stays() -> None:
    # The box around the picture holds a section of the story, not a caption.
    line = "Doors open at seven."
    story = "".join(f"<p>{PROSE} ({part})</p>" for part in range(12))
    section = f'<div><img src="/a.jpg"><p>{line}</p>{story}</div>'
    got = read_without_repeated_captions(f"{section}<p>{line}</p>")
    assert got.count(("p", line)) == 2


STAFF = "".join(
    f"<li><span>{name}</span></li>"
    for name in ("Mara Lind", "Joel Abara", "Petra Novak", "Owen Hale", "Rui Santos")
)
APPEAL = "We do this work at no cost to you, and we need your financial support."


def test_a_support_box_of_staff_names_and_an_appeal_is_skipped() -> None:
    box = f"<div><div><span>Since 1998</span></div><div><ul>{STAFF}</ul><p>{APPEAL}</p></div></div>"
    assert read(f"<p>{PROSE}</p>{box}<p>{PROSE}</p>") == [("p", PROSE), ("p", PROSE)]


@pytest.mark.parametrize(
    "box",
    [
        f"<div><ul>{STAFF}</ul><p>{PROSE}</p></div>",  # names without an appeal: a story's list
        f"<div><ul>{STAFF}<li>and four more from the harbour team</li></ul><p>{APPEAL}</p></div>",
    ],
)
def test_names_or_an_appeal_alone_are_read(box: str) -> None:
    assert ("li", "Owen Hale") in read(box)


def test_a_staff_list_beside_the_story_text_keeps_the_story() -> None:
    # The appeal sits in the container itself: no element below it is a box.
    html = f"<p>{PROSE}</p><ul>{STAFF}</ul><p>{APPEAL}</p>"
    assert read(html)[0] == ("p", PROSE)
    assert ("li", "Rui Santos") in read(html)


PICTURE = '<div><picture><img src="/a.jpg" alt=""></picture></div>'
CAPTION = "Engineers watch the first gate lift on Wednesday morning."


@pytest.mark.parametrize(
    "figure",
    [
        # The picture and its caption in one small element, a credit or none.
        f"<div>{PICTURE}<div><span>{CAPTION}</span> <span>\u00a9 Ann Perry</span></div></div>",
        f"<div>{PICTURE}<p>{CAPTION}</p></div>",
        f'<figure><img src="/a.jpg"><div>{CAPTION}</div></figure>',
        '<div><img src="/v.jpg"><div>Media playback is unsupported on your device</div></div>',
        # The picture among the story's blocks, a short block naming a credit after it.
        f"{PICTURE}<div><p>{CAPTION}</p><p><i>Photo: Ann Perry</i></p></div>",
        f"{PICTURE}<p>{CAPTION} (AP Photo/Ann Perry)</p>",
    ],
)
def test_a_caption_beside_its_picture_is_skipped(figure: str) -> None:
    assert read(f"<p>{PROSE}</p>{figure}<p>{PROSE}</p>") == [("p", PROSE), ("p", PROSE)]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        (f'<p>{PROSE} <img src="/icon.png"> {PROSE}</p>', PROSE),  # a picture in a line of text
        (f"<blockquote>{PICTURE}<p>{CAPTION}</p></blockquote>", CAPTION),  # a quote, its avatar
        (f"<div><p>{CAPTION}</p>{PICTURE}</div>", CAPTION),  # text above the picture
        (f"{PICTURE}<p>{CAPTION}</p>", CAPTION),  # the story goes on after its picture
        (f"<div>{PICTURE}<h3>Gates</h3><p>{CAPTION}</p></div>", CAPTION),  # a section
        (f"<div>{PICTURE}<p>{PROSE * 5}</p></div>", PROSE * 5),  # longer than a caption
    ],
)
def test_text_beside_a_picture_that_is_no_caption_is_read(block: str, kept: str) -> None:
    assert any(kept in text for _, text in read(block))


@pytest.mark.parametrize(
    "line",
    [
        "Image copyright Getty Images",
        # Date lines and the update after them.
        "Le 3 f\u00e9vrier 2026 \u00e0 11h45, modifi\u00e9 le 3 f\u00e9vrier 2026 \u00e0 15h10",
        "Le 3 f\u00e9vrier 2026 \u00e0 11h45",
        "Published 3 February 2026 at 11:45, updated 3 February 2026 at 15:10",
        "Publi\u00e9 le 3 f\u00e9vrier 2026 \u00e0 11h45 - Mis \u00e0 jour le 3 f\u00e9vrier 2026",
        "(Image credit: Blue Origin)",
        "Picture credit: Ann Perry",
        # Prompts without the words "sign up" or "newsletter".
        "Let our news meet your inbox. The stories that matter, delivered weekday mornings.",
        "Get the best of the valley delivered to your inbox every Friday.",
        "Chat with us in Facebook Messenger. Find out what's happening in the world.",
        "Talk to us on WhatsApp: send your pictures and tips.",
        # A sign-up box's pitch, an app promo's heading, a wall's lines, a prompt to click.
        "The day's top stories, delivered to your inbox every weekday at 6am.",
        "The best of the week, straight to your inbox.",
        "Get the app",
        "Get the Valley Ledger app for breaking news alerts.",
        "Get unlimited digital access for $1 a week. Cancel anytime.",
        "Subscribe now to get unlimited access to the region's most trusted business news,"
        " including in-depth reporting, exclusive data and our daily newsletters.",
        "Only $1 for your first 3 months.",
        "Just \u20ac2.99 a month for the first year, cancel anytime.",
        "This article is for subscribers only.",
        "You've reached your limit of free articles this month.",
        "Log in to continue reading",
        "Already have an account? Sign in",
        "Click here to read more",
        "Click here for the full story.",
    ],
)
def test_a_credit_or_prompt_line_is_dropped(line: str) -> None:
    assert read(f"<p>{PROSE}</p><div><span>{line}</span></div>") == [("p", PROSE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Scammers send emails that land in your inbox with the bank's logo on them.",
        "Chat with us was the name of the helpline the council closed in May.",
        "Scam emails delivered to your inbox often look like bills.",
        "Scam emails, delivered to your inbox, often look like bills.",
        "Get the app working again and the trains will run, the engineers said.",
        "Subscribers only pay half the fare under the new scheme.",
        "Only $1 of every $10 raised reached the charity's projects, the audit found.",
        "Le 3 f\u00e9vrier 2026, le conseil a vot\u00e9 le budget apr\u00e8s un long d\u00e9bat.",
        "Clicking here and there, the old radio came back to life.",
    ],
)
def test_a_sentence_about_an_inbox_or_a_chat_is_read(sentence: str) -> None:
    assert read(f"<p>{sentence}</p>") == [("p", sentence)]


STORY = (
    "Managers said the hubs do only planned operations. Because of that they were no"
    " longer losing beds to emergency patients in the winter, the trust said."
)


@pytest.mark.parametrize(
    "quote",
    [
        "“Because of that they were no longer losing beds to emergency patients”",
        "Because of that, they were no longer losing beds. Dr Helen Ashworth, medical director",
    ],
)
def test_a_pull_quote_repeating_the_story_is_dropped(quote: str) -> None:
    blocks = [Paragraph("p", STORY), Paragraph("quote", quote), Paragraph("p", PROSE)]
    assert without_pull_quotes(blocks) == [blocks[0], blocks[2]]


@pytest.mark.parametrize(
    "quote",
    [
        "“Some people on the list had given up asking. Now they have a key.”",  # its own words
        "Because of that they were",  # too short to tell
        "Because of that they were no longer losing beds, said one of the nurses on the ward.",
        # an embedded post repeating the story's words, its picture's link after them
        "Because of that they were no longer losing beds pic.example/s96jjh8AlD",
    ],
)
def test_a_quotation_of_its_own_is_read(quote: str) -> None:
    blocks = [Paragraph("p", STORY), Paragraph("quote", quote)]
    assert without_pull_quotes(blocks) == blocks


_QUOTE_WORDS = re.compile(r"\w+")
_QUOTE_GAPS = re.compile(r"\W+")


def reference_without_pull_quotes(blocks: list[Paragraph]) -> list[Paragraph]:
    """The pull quotes' test as it was written before the blocks were read for a quote's
    longest words first: every other block cut into words."""
    quotes = {
        i: words
        for i, block in enumerate(blocks)
        if block.kind == "quote"
        and len(words := _QUOTE_WORDS.findall(block.text)) >= bt.MIN_PULL_QUOTE_WORDS
    }
    if quotes:
        text = "\n".join(block.text for block in blocks if block.kind != "quote").lower()
        quotes = {i: words for i, words in quotes.items() if _reference_may_repeat(words, text)}
    if not quotes:
        return blocks
    prose = "".join(
        f" {_QUOTE_GAPS.sub(' ', block.text.lower()).strip()} \n"
        for block in blocks
        if block.kind != "quote"
    )
    return [
        block for i, block in enumerate(blocks) if i not in quotes or not _repeats(quotes[i], prose)
    ]


def _reference_may_repeat(words: list[str], text: str) -> bool:
    needed = words[: max(bt.MIN_PULL_QUOTE_WORDS, len(words) - bt.MAX_ATTRIBUTION_WORDS)]
    longest = sorted(needed, key=len, reverse=True)[: bt.PULL_QUOTE_PROBES]
    return all(word.lower() in text for word in longest)


# Words in both cases, beyond ASCII too: the dotted capital I lowercases to two
# characters, one of them no word character; a final sigma lowercases by its place.
_STORY_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "beds",
        "BEDS",
        "no",
        "longer",
        "losing",
        "patients",
        "said",
        "Dr",
        "\u0130stanbul",
        "\u03a3\u039f\u03a6\u039f\u03a3",
        "stra\u00dfe",
        "x_y",
        "\u0663\u0664",
        "winter",
        "Winter",
    ]
)
_GAPS = st.sampled_from([" ", ", ", ". ", " \u2014 ", "\n", " \u201c", "\u201d ", "'s ", "-"])


@st.composite
def _texts(draw: st.DrawFn, words: list[str] | None = None) -> str:
    words = words if words is not None else draw(st.lists(_STORY_WORDS, min_size=0, max_size=14))
    return "".join(word + draw(_GAPS) for word in words)


@st.composite
def _story_with_quotes(draw: st.DrawFn) -> list[Paragraph]:
    stories = draw(st.lists(st.lists(_STORY_WORDS, max_size=14), min_size=1, max_size=4))
    blocks = [
        Paragraph(draw(st.sampled_from(["p", "h", "li"])), draw(_texts(words))) for words in stories
    ]
    for _ in range(draw(st.integers(1, 3))):
        story = draw(st.sampled_from(stories))
        start = draw(st.integers(0, len(story)))
        run = story[start : start + draw(st.integers(0, 12))]
        run = [draw(st.sampled_from([word, word.upper(), word.lower()])) for word in run]
        tail = draw(st.lists(_STORY_WORDS, max_size=6))
        quote = draw(_texts(run + tail)) if draw(st.booleans()) else draw(_texts())
        blocks.insert(draw(st.integers(0, len(blocks))), Paragraph("quote", quote))
    return blocks


@settings(max_examples=500, deadline=None)
@given(_story_with_quotes())
def test_pull_quotes_read_as_the_whole_stories_words_read_them(blocks: list[Paragraph]) -> None:
    assert without_pull_quotes(blocks) == reference_without_pull_quotes(blocks)


@pytest.mark.parametrize(
    ("chip", "name"),
    [
        ("<a href='/quote/acme'>Acme Corp</a> (ACME) 12.30 \u25b21.2%", "Acme Corp"),
        (
            "<span><a href='/q/bxs'>Bexley</a> <span>(BXS.L)</span> 486p \u25bc0.05 (-1.0%)</span>",
            "Bexley",
        ),
        ("<a href='/q/crvd'>Corvid</a> (CRVD) $21.05 +2.1%", "Corvid"),
        ("Corvid 21.05 \u2193 2.1%", "Corvid"),
    ],
)
def test_a_quote_chip_in_a_sentence_leaves_the_company_name(chip: str, name: str) -> None:
    rest = "rose after the company raised its profit forecast for the year."
    assert read(f"<p>Shares in {chip} {rest}</p>") == [("p", f"Shares in {name} {rest}")]


def test_figures_of_a_sentence_are_no_quote_chip() -> None:
    text = "Turnout rose 4 points to 41.2% and the index (FTSE) gained 12 points, or +0.4%."
    assert read(f"<p>{text}</p>") == [("p", text)]


def test_a_notice_of_delayed_quotes_is_no_body_text() -> None:
    html = f"<p>{PROSE}</p><p>Market data delayed 15 minutes. Prices in pence unless stated.</p>"
    assert read(html) == [("p", PROSE)]


def test_an_embeds_fallback_text_is_no_body_text() -> None:
    fallbacks = (
        "Interactive map: the results in each seat. If the map does not load, please reload.",
        "Can't see the graphic? Tap here to view it.",
        "If this interactive chart doesn't display, use the latest version of your browser.",
    )
    html = "".join(f"<p>{PROSE}</p><p>{line}</p>" for line in fallbacks)
    assert read(html) == [("p", PROSE)] * 3


def test_a_sentence_about_a_map_stays() -> None:
    text = "The new map of the county's flood zones shows 400 more homes at risk than in 2019."
    assert read(f"<p>{text}</p>") == [("p", text)]


@pytest.mark.parametrize(
    "line",
    [
        "<span>By Ann Lee</span><span>March 12, 2026</span>",
        "<p><span>March 12, 2026</span><span>By Ann Lee</span></p>",
        "<p><span><span>By Ann Lee</span><span>March 12, 2026</span></span></p>",
    ],
)
def test_a_byline_and_date_set_side_by_side_without_a_space_are_dropped(line: str) -> None:
    assert read(f"{line}<p>{PROSE}</p>") == [("p", PROSE)]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("<p><b>W</b>ord by word, the council read out 2026 names.</p>", None),
        ("<p>The side won <b>3</b>games in March.</p>", "The side won 3games in March."),
    ],
)
def test_a_line_whose_elements_meet_is_kept_when_parted_it_is_no_boilerplate(
    line: str, text: str | None
) -> None:
    got = read(line)
    assert got == [("p", text or "Word by word, the council read out 2026 names.")]


@pytest.mark.parametrize(
    "banner",
    [
        "We and our partners store information on your device and process personal data.",
        "We and our vendors store information on your device and process personal data.",
        "We and Our Partners store information on your device and process personal data.",
        "WE USE COOKIES TO REMEMBER YOUR SETTINGS AND TO SHOW YOU ADVERTS THAT SUIT YOU.",
        "This site and its advertisers use information about your visit to choose your ads.",
        "Your data, your choice: this website and its advertisers use information about your"
        " visit to choose the ads and the content you see.",
        "Cookie notice: we use cookies to remember your settings and to measure our traffic.",
    ],
)
def test_a_consent_banner_opening_a_block_is_left_out(banner: str) -> None:
    assert read(f"<p>{PROSE}</p><p>{banner}</p><p>{PROSE}</p>") == [("p", PROSE), ("p", PROSE)]


@pytest.mark.parametrize(
    "line",
    [
        "Our partners and vendors said the cookies sold out before noon on the first day.",
        "Our advertisers use the site to reach readers in the county, the publisher said.",
        "The council and its advertisers use the old depot, and the bakery sells cookies.",
        "In a long letter to the board of the bakery, the chair wrote this: we use cookies.",
    ],
)
def test_a_story_naming_partners_and_vendors_stays(line: str) -> None:
    assert read(f"<p>{PROSE}</p><p>{line}</p>") == [("p", PROSE), ("p", line)]


def _stop_by_patterns(text: str, heading: bool) -> bool:
    """``is_stop_block`` as its patterns alone answer, without their gates."""
    size = len(text)
    return bool(
        (size <= bt.MAX_STOP_CHARS and bt.STOP_BLOCK.caseless.search(text))
        or (
            heading
            and size <= bt.MAX_TITLED_STOP_CHARS
            and bt.TITLED_STOP_BLOCK.caseless.search(text)
        )
    )


def _mixed_case(draw: st.DrawFn, text: str) -> str:
    """``text`` with each character lower or upper cased, or made one that a caseless
    match pairs with it (the Turkish i's, the long s, the Kelvin sign, Cyrillic forms)."""
    pairs = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
    pairs |= {"\u0442": "\u1c84", "\u043e": "\u1c82"}  # Cyrillic te and o, their tall forms
    forms = [
        draw(st.sampled_from((char.lower(), char.upper(), *pairs.get(char.lower(), ""))))
        for char in text
    ]
    return "".join(forms)


@st.composite
def _stop_matches(draw: st.DrawFn) -> str:
    pattern = draw(st.sampled_from((bt.STOP_BLOCK.plain, bt.TITLED_STOP_BLOCK.plain)))
    return _mixed_case(draw, draw(st.from_regex(pattern, fullmatch=True)))


# Pieces of blocks: the gates' literals, words of the patterns around them and other text.
_STOP_PIECES = (
    *bt.STOP_BLOCK_GATE, *bt.TITLED_STOP_BLOCK_GATE, *bt.STOP_BLOCK_CASED_GATE, "Related",
    "READ MORE", "You might also like", "3 Comments", "Réactions", "über den Autor",
    "Читайте также", "КОММЕНТАРИИ", "8 Responses to “", "Ein Gedanken zu „", "12 ", "story",
    " ", ":", "?", "\u0130", "\u0131", "\u017f", "\u212a", "\u1c84", "é", "漢", "\u2019", '"',
)  # fmt: skip


@settings(max_examples=300)
@given(st.one_of(_stop_matches(), st.lists(st.sampled_from(_STOP_PIECES), max_size=5).map("".join)))
def test_stop_gates_decide_as_the_patterns_alone(text: str) -> None:
    for heading in (False, True):
        assert is_stop_block(text, heading) == _stop_by_patterns(text, heading)


# No deadline: an example draws a case for each character of every gate literal, which
# took over the default 200 ms on a busy machine.
@settings(max_examples=200, deadline=None)
@given(st.data())
def test_stop_gates_open_for_every_gate_literal_in_mixed_case(data: st.DataObject) -> None:
    for literal in (*bt.STOP_BLOCK_GATE, *bt.TITLED_STOP_BLOCK_GATE):
        text = _mixed_case(data.draw, literal)
        assert bt.STOP_BLOCK.caseless.search(text) is None or is_stop_block(text, False)


@pytest.mark.parametrize(
    "text",
    [
        "Related stories", "READ ALSO", "Most popular today", "Media contacts:", "Réactions",
        "Commentaires", "Über den Autor", "Смотрите также", "ЧИТАЙТЕ ТАКЖЕ", "Комментарии (4)",
        "コメント", "関連記事", "Leave a Reply Cancel reply", "What do you think?",
        "ABOUT ACME CORP.", "Veja também", "Você pode gostar",
    ],
)  # fmt: skip
def test_stop_gates_open_for_stop_headings(text: str) -> None:
    assert _stop_by_patterns(text, False)
    assert is_stop_block(text, False)


def test_titled_stop_heading() -> None:
    assert is_stop_block("8 Responses to “Storm hits the coast”", True)
    assert is_stop_block("Ein Gedanke zu „Sturm an der Küste“", True)
    assert not is_stop_block("8 Responses to “Storm hits the coast”", False)
    assert not is_stop_block("Storm hits the coast overnight", True)


def test_casefolding_gives_the_cased_gate_letters_as_a_caseless_match_pairs_them() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in set("".join(bt.STOP_BLOCK_CASED_GATE)):
        paired = {found.group() for found in re.finditer(letter, every, re.IGNORECASE)}
        assert {char.casefold() for char in paired} == {letter}


def test_a_code_sample_keeps_its_lines_and_indents_without_invisible_characters() -> None:
    code = "def f():\n    x = 1\u00ad\u200b\ufeff\n\x01    return x\x7f\u2060"
    paragraphs = read(f"<p>{PROSE}</p><pre>{code}</pre>")
    assert ("pre", "def f():\n    x = 1\n    return x") in paragraphs
