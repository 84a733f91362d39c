"""process_event with a fetched body: body_ref events split like events with a body."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

import orjson

from service.events import encode_event
from service.pipeline import Done, Failed, PipelineLimits, process_event
from service.records import Source

SOURCE = Source("pages.raw", 0, 7, None)
LIMITS = PipelineLimits(2**25, 2**23, 200_000, 2**20)
URL = "https://demo-news.example/world-iran-kazakhstan.html"
HTML = resources.files("service.demo").joinpath("pages", "world-iran-kazakhstan.html").read_text()


def ref_event(**extra: object) -> bytes:
    doc = {"url": URL, "body_ref": "https://store.example/pages/1", "status": 200, **extra}
    return orjson.dumps(doc)


def test_body_ref_event_with_a_fetched_body_is_split_like_an_inline_one() -> None:
    fetched = process_event(ref_event(), SOURCE, LIMITS, body=HTML.encode())
    inline = process_event(encode_event(URL, HTML), SOURCE, LIMITS)
    assert isinstance(fetched, Done) and isinstance(inline, Done)
    assert [o.kind for o in fetched.outputs] == [o.kind for o in inline.outputs]
    assert fetched.outputs[0].kind == "article"
    assert fetched.outputs[0].key == inline.outputs[0].key


def test_body_ref_event_without_a_body_is_unavailable() -> None:
    result = process_event(ref_event(), SOURCE, LIMITS)
    assert isinstance(result, Failed)
    assert result.reason == "body_unavailable"


def test_a_given_body_does_not_replace_the_event_s_own() -> None:
    event = encode_event(URL, HTML)  # one event: its fetched_at is the clock's
    own = process_event(event, SOURCE, LIMITS)
    given = process_event(event, SOURCE, LIMITS, body=b"<p>other</p>")
    assert isinstance(own, Done) and isinstance(given, Done)

    def strip(value: bytes) -> dict[str, object]:  # extracted_at is the clock's
        return {k: v for k, v in orjson.loads(value).items() if k != "extracted_at"}

    assert [strip(o.value) for o in given.outputs] == [strip(o.value) for o in own.outputs]


def test_a_fetched_body_does_not_skip_the_other_checks() -> None:
    bad_status = process_event(ref_event(status=404), SOURCE, LIMITS, body=HTML.encode())
    assert isinstance(bad_status, Failed) and bad_status.reason == "http_status"
    small = PipelineLimits(2**25, 1024, 200_000, 2**20)
    too_large = process_event(ref_event(), SOURCE, small, body=HTML.encode())
    assert isinstance(too_large, Failed) and too_large.reason == "page_too_large"


def test_relative_teaser_times_count_back_from_the_event_s_fetched_at() -> None:
    page = (
        '<html lang="en"><body><section><h2>Latest</h2><div class="card"><h3><a href="/news/'
        'storm-closes-coast-road">Storm closes the coast road for a week</a></h3><span class='
        '"timestamp">2 hours ago</span></div><div class="card"><h3><a href="/news/ferry-'
        'strike-ends">Ferry strike ends after a new pay offer</a></h3></div></section>'
        "</body></html>"
    )
    fetched = datetime(2026, 2, 4, 9, 30, tzinfo=UTC)
    event = encode_event("https://demo-news.example/", page, fetched_at=fetched)
    result = process_event(event, SOURCE, LIMITS)
    assert isinstance(result, Done)
    teasers = [orjson.loads(o.value) for o in result.outputs if o.kind == "teaser"]
    assert [t["published_at"] for t in teasers] == ["2026-02-04T07:30:00Z", None]
