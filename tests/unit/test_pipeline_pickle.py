"""A split's result as it crosses the pool's pipe: pickled as builtins, unpickled equal."""

from __future__ import annotations

import pickle
import pickletools
from importlib import resources

from service.events import encode_event
from service.extract import TextStats
from service.pipeline import Done, Failed, Output, PipelineLimits, process_event
from service.records import Source

SOURCE = Source("pages.raw", 0, 7, None)
LIMITS = PipelineLimits(2**25, 2**23, 200_000, 2**20)
URL = "https://demo-news.example/world-iran-kazakhstan.html"
HTML = resources.files("service.demo").joinpath("pages", "world-iran-kazakhstan.html").read_text()


def test_a_split_pickles_to_an_equal_result() -> None:
    result = process_event(encode_event(URL, HTML), SOURCE, LIMITS)
    assert isinstance(result, Done) and len(result.outputs) > 1
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(result, protocol))
        assert again == result
        assert type(again.outputs) is tuple and type(again.stats) is TextStats
    done = Done((), None, 0.5, TextStats(0, 0, 0), ("teasers_failed",))
    assert pickle.loads(pickle.dumps(done)) == done
    failed = Failed("not_html", "binary", 0.1)
    assert pickle.loads(pickle.dumps(failed)) == failed


def test_records_and_stats_are_pickled_as_builtins() -> None:
    """Not one object of a frozen dataclass a record (each a ``__setstate__`` call in
    Python when unpickled), but the records' kinds, keys and values in three tuples."""
    outputs = tuple(Output("teaser", b"k%d" % i, b"{}") for i in range(13))
    data = pickle.dumps(Done(outputs, 1.0, 0.1, TextStats(1, 2, 3)), pickle.HIGHEST_PROTOCOL)
    names = [arg for op, arg, _ in pickletools.genops(data) if op.name == "SHORT_BINUNICODE"]
    assert "Output" not in names and "TextStats" not in names
    assert not any(op.name == "BUILD" for op, _, _ in pickletools.genops(data))
