"""The story a script-built page carries only in its page state (``page_state``)."""

from __future__ import annotations

import json

from service.extract.model import Paragraph
from service.extract.page_state import state_body

TITLE = "Port strike halts exports as talks collapse"


def test_the_story_titled_like_the_page_gives_its_paragraph_blocks() -> None:
    state = {
        "props": {
            "related": [{"headline": "Grain prices climb", "body": "Not this story."}],
            "story": {
                "headline": TITLE,
                "body": [
                    {"type": "paragraph", "text": "First paragraph."},
                    {"type": "image", "caption": "A picture's caption."},
                    {"type": "paragraph", "html": "<p>Second <b>paragraph</b>.</p>"},
                ],
            },
        }
    }
    assert _pairs(state_body([json.dumps(state)], TITLE)) == [
        ("p", "First paragraph."),
        ("p", "Second paragraph."),
    ]


def test_an_article_body_of_lines_or_markup_is_read_as_in_json_ld() -> None:
    state = {"article": {"title": TITLE.upper(), "articleBody": "<p>One.</p><p>Two.</p>"}}
    paragraphs = state_body([json.dumps(state)], TITLE)
    assert paragraphs is not None and [p.text for p in paragraphs] == ["One.", "Two."]


def test_no_story_without_the_page_title_or_valid_json() -> None:
    other = {"story": {"headline": "Another story", "body": "Its text."}}
    assert state_body([json.dumps(other), "{not json"], TITLE) is None
    assert state_body([json.dumps({"title": TITLE, "body": "Text."})], None) is None


def test_a_blob_nested_past_the_decoders_depth_is_skipped_as_no_json() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    assert _pairs(state_body([deep, json.dumps({"title": TITLE, "body": "Text."})], TITLE)) == [
        ("p", "Text.")
    ]


def _story(body: object) -> list[str]:
    return [json.dumps({"props": {"story": {"headline": TITLE, "body": body}}})]


def _pairs(paragraphs: tuple[Paragraph, ...] | None) -> list[tuple[str, str]] | None:
    return None if paragraphs is None else [(p.kind, p.text) for p in paragraphs]


def _read(body: object) -> list[tuple[str, str]] | None:
    return _pairs(state_body(_story(body), TITLE))


def _text(value: str, key: str = "text", **extra: object) -> dict[str, object]:
    return {key: value, **extra}


def test_a_rich_text_document_joins_each_blocks_inline_runs() -> None:
    # A headless CMS's document: blocks of text nodes and links, each its own paragraph.
    def node(kind: str, *content: dict[str, object]) -> dict[str, object]:
        return {"nodeType": kind, "data": {}, "content": list(content)}

    def leaf(value: str) -> dict[str, object]:
        return _text(value, "value", nodeType="text", marks=[], data={})

    document = node(
        "document",
        node("paragraph", leaf("Dock workers "), leaf("walked out"), leaf(" on Wednesday.")),
        node("heading-2", leaf("What the union wants")),
        node(
            "paragraph",
            leaf("A nine per cent rise, says the "),
            node("hyperlink", leaf("union's letter")),
            leaf("."),
        ),
        node("unordered-list", node("list-item", node("paragraph", leaf("Night shifts")))),
        node("blockquote", node("paragraph", leaf("We will not go back."))),
        node("embedded-entry-block"),
    )
    assert _read(document) == [
        ("p", "Dock workers walked out on Wednesday."),
        ("h", "What the union wants"),
        ("p", "A nine per cent rise, says the union's letter."),
        ("li", "Night shifts"),
        ("quote", "We will not go back."),
    ]


def test_an_editors_document_of_typed_nodes_reads_headings_and_list_items() -> None:
    # A rich-text editor's JSON: "doc", nodes typed in snake case, marks on the text nodes.
    document = {
        "type": "doc",
        "content": [
            {
                "type": "paragraph",
                "content": [_text("First "), _text("bold", marks=[{"type": "bold"}])],
            },
            {"type": "heading", "attrs": {"level": 2}, "content": [_text("A subheading")]},
            {
                "type": "bullet_list",
                "content": [
                    {
                        "type": "list_item",
                        "content": [{"type": "paragraph", "content": [_text("One")]}],
                    },
                    {
                        "type": "list_item",
                        "content": [{"type": "paragraph", "content": [_text("Two")]}],
                    },
                ],
            },
            {
                "type": "paragraph",
                "content": [_text("Line"), {"type": "hard_break"}, _text("break")],
            },
            {"type": "code_block", "content": [_text("x = 1")]},
        ],
    }
    assert _read(document) == [
        ("p", "First bold"),
        ("h", "A subheading"),
        ("li", "One"),
        ("li", "Two"),
        ("p", "Line break"),
        ("pre", "x = 1"),
    ]


def test_portable_text_blocks_read_their_spans_style_and_list_marks() -> None:
    def block(text: str, style: str = "normal", **extra: object) -> dict[str, object]:
        span = _text(text, _type="span", marks=[])
        return {"_type": "block", "style": style, "children": [span], "markDefs": [], **extra}

    body = [
        block("The strike began at dawn."),
        {"_type": "image", "asset": {"_ref": "image-abc"}},
        block("Talks", style="h2"),
        block("Grain", listItem="bullet", level=1),
        block("Quoted.", style="blockquote"),
    ]
    assert _read(body) == [
        ("p", "The strike began at dawn."),
        ("h", "Talks"),
        ("li", "Grain"),
        ("quote", "Quoted."),
    ]


def test_blocks_of_text_leaves_and_draft_blocks_each_give_a_paragraph() -> None:
    slate = [
        {"type": "paragraph", "children": [_text("Plain "), _text("and bold", bold=True)]},
        {"type": "heading-two", "children": [_text("Sub")]},
    ]
    assert _read(slate) == [("p", "Plain and bold"), ("h", "Sub")]
    draft = {
        "blocks": [
            {"key": "a1", "text": "Opening line.", "type": "unstyled", "depth": 0},
            {"key": "b2", "text": "Header", "type": "header-two", "depth": 0},
            {"key": "c3", "text": " ", "type": "atomic", "depth": 0},
            {"key": "d4", "text": "Item", "type": "unordered-list-item", "depth": 0},
        ],
        "entityMap": {},
    }
    assert _read(draft) == [("p", "Opening line."), ("h", "Header"), ("li", "Item")]


def test_a_tree_deeper_than_the_bound_is_read_to_the_bound_only() -> None:
    deep: dict[str, object] = {"type": "paragraph", "content": [_text("Deep text.")]}
    for _ in range(100):
        deep = {"type": "blockquote", "content": [deep]}
    assert _read(
        {"type": "doc", "content": [deep, {"type": "paragraph", "content": [_text("Kept.")]}]}
    ) == [("p", "Kept.")]
