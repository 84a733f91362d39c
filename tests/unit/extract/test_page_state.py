"""The story a script-built page carries only in its page state (``page_state``)."""

from __future__ import annotations

import json

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
    assert state_body([json.dumps(state)], TITLE) == "First paragraph.\nSecond paragraph."


def test_an_article_body_of_lines_or_markup_is_read_as_in_json_ld() -> None:
    state = {"article": {"title": TITLE.upper(), "articleBody": "<p>One.</p><p>Two.</p>"}}
    assert state_body([json.dumps(state)], TITLE) == "One.\nTwo."


def test_no_story_without_the_page_title_or_valid_json() -> None:
    other = {"story": {"headline": "Another story", "body": "Its text."}}
    assert state_body([json.dumps(other), "{not json"], TITLE) is None
    assert state_body([json.dumps({"title": TITLE, "body": "Text."})], None) is None
