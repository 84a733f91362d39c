"""The output contract: article and teaser records."""

from __future__ import annotations

import json
from importlib import resources

import fastjsonschema
import orjson
import pytest

from service.events import encode_event
from service.extract import Article, Paragraph, Split, Teaser, TextStats
from service.pipeline import Done, PipelineLimits, process_event
from service.records import Source, build_records, encode_record, record_id


def schema(name: str) -> object:
    text = resources.files("service.schemas").joinpath(name).read_text()
    return fastjsonschema.compile(json.loads(text))


VALIDATE = {"article": schema("article.v1.json"), "teaser": schema("teaser.v1.json")}
SOURCE = Source("pages.raw", 3, 1234, "2026-02-04T09:30:00Z")
SPLIT = Split(
    article=Article(
        title="Headline",
        paragraphs=(
            Paragraph("p", "First paragraph."),
            Paragraph("h", "A heading"),
            Paragraph("li", "Item"),
        ),
        url="https://n.example/story",
        authors=("A. Writer",),
        published_at="2026-02-04T08:00:00Z",
        tags=("world",),
    ),
    teasers=(
        Teaser(
            "Other story",
            "https://n.example/other",
            "Related",
            0,
            0,
            snippet="It began…",
            truncated=True,
        ),
        Teaser("Paid story", "https://ads.example/x", "Promoted", 1, 1, sponsored=True),
    ),
    stats=TextStats(100, 40, 60),
)


def test_records_carry_the_contract_fields_and_validate_against_the_schemas() -> None:
    records = build_records(
        SPLIT, "https://N.example/story?utm_source=x#top", SOURCE, crawl_id="c1"
    )
    assert [r.type for r in records] == ["article", "teaser", "teaser"]
    for record in records:
        doc = orjson.loads(encode_record(record))
        VALIDATE[record.type](doc)  # type: ignore[operator]
        assert doc["page_url"] == "https://n.example/story"
        assert doc["source"] == {
            "topic": "pages.raw",
            "partition": 3,
            "offset": 1234,
            "fetched_at": "2026-02-04T09:30:00Z",
        }
    article = orjson.loads(encode_record(records[0]))
    assert article["body"] == "First paragraph.\n\nA heading\n\nItem"
    assert article["paragraphs"][1] == {"kind": "h", "text": "A heading"}
    assert article["text_stats"] == {"article_chars": 100, "teaser_chars": 40, "dropped_chars": 60}
    teaser = orjson.loads(encode_record(records[1]))
    assert (teaser["truncated"], teaser["block"], teaser["position"]) == (True, "Related", 0)


def test_ids_are_stable_and_distinct() -> None:
    first = build_records(SPLIT, "https://n.example/story", SOURCE)
    again = build_records(SPLIT, "https://n.example/story", Source(None, None, None, None))
    assert [r.id for r in first] == [r.id for r in again]
    assert len({r.id for r in first}) == 3
    assert record_id("teaser", "https://n.example/a", "https://n.example/b") != record_id(
        "teaser", "https://n.example/b", "https://n.example/a"
    )


@pytest.mark.parametrize(
    "name", ["world-iran-kazakhstan.html", "home.html", "business-uranium.html"]
)
def test_every_record_of_the_demo_pages_validates(name: str) -> None:
    html = resources.files("service.demo").joinpath("pages", name).read_text()
    limits = PipelineLimits(2**25, 2**23, 200_000, 2**20)
    result = process_event(encode_event(f"https://demo-news.example/{name}", html), SOURCE, limits)
    assert isinstance(result, Done)
    for out in result.outputs:
        VALIDATE[out.kind](orjson.loads(out.value))  # type: ignore[operator]


def test_a_record_over_the_size_limit_is_a_dead_letter() -> None:
    html = (
        "<html><body><article><h1>Long</h1>"
        + "<p>"
        + "word " * 3000
        + "</p>" * 1
        + "</article></body></html>"
    )
    limits = PipelineLimits(2**25, 2**23, 200_000, 4096)
    result = process_event(encode_event("https://n.example/long", html), SOURCE, limits)
    assert not isinstance(result, Done)
    assert result.reason == "record_too_large"


def test_a_page_over_its_time_budget_is_a_dead_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    import time as clock

    import service.pipeline as pipeline

    def slow_split(*args: object, **kwargs: object) -> object:
        clock.sleep(5)
        raise AssertionError("the budget did not stop the page")

    monkeypatch.setattr(pipeline, "split", slow_split)
    limits = PipelineLimits(2**25, 2**23, 200_000, 2**20, max_page_seconds=0.2)
    started = clock.perf_counter()
    result = process_event(encode_event("https://n.example/slow", "<p>x</p>"), SOURCE, limits)
    assert not isinstance(result, Done)
    assert result.reason == "page_timeout"
    assert clock.perf_counter() - started < 2
