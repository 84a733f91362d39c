"""Prometheus metrics of the service, on a registry of their own.

Names follow the Prometheus conventions: ``pagesplit_`` prefix, base units,
counters ending in ``_total``, low-cardinality labels initialised at start.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from service.extract.model import SPLIT_WARNINGS

RECORD_TYPES = ("article", "teaser")

# How one body_ref fetch ended; the label set of pagesplit_body_fetches_total.
BODY_FETCH_OUTCOMES = (
    "ok",  # the body came at the first attempt
    "retried",  # the body came after one or more retries
    "failed",  # no body: unavailable, too large or undecodable
    "forbidden",  # refused before connecting, or a redirect left the allowlist
)

# Every reason an event can be dead-lettered with; the label set of
# pagesplit_dead_letters_total, initialised at start so that rates exist at 0.
DEAD_LETTER_REASONS = (
    "invalid_json",  # the message value is not a JSON object
    "invalid_event",  # JSON that breaks the input contract
    "event_too_large",  # the raw message is over max_event_bytes
    "body_decode",  # base64 or content_encoding could not be undone
    "page_too_large",  # the decoded page is over max_page_bytes
    "node_budget",  # more elements than max_page_nodes, or nested over 1,000 deep
    "page_timeout",  # splitting took longer than max_page_seconds
    "not_html",  # the body is empty or binary
    "http_status",  # the crawler got a non-2xx response
    "record_too_large",  # an output record is over max_record_bytes
    "body_unavailable",  # the body could not be had (body_ref)
    "body_ref_forbidden",  # body_ref names a host or address we may not fetch from
    "split_error",  # the splitter failed on this page (a bug: alert on it)
    "split_crash",  # a splitting process died on this page
)

_SECONDS_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600)
_BYTES_BUCKETS = tuple(float(2**n) for n in range(10, 26, 2))  # 1 KiB .. 32 MiB


class Metrics:
    """All the service's metrics, registered on ``registry``."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.events_consumed = Counter(
            "pagesplit_events_consumed_total", "Raw page events taken from Kafka.", registry=r
        )
        self.events_processed = Counter(
            "pagesplit_events_processed_total",
            "Events fully handled (records or dead letter acknowledged) and committed.",
            registry=r,
        )
        self.records_produced = Counter(
            "pagesplit_records_produced_total",
            "Output records acknowledged by Kafka, by type.",
            ["type"],
            registry=r,
        )
        self.dead_letters = Counter(
            "pagesplit_dead_letters_total",
            "Events sent to the dead-letter topic, by reason.",
            ["reason"],
            registry=r,
        )
        self.text_chars = Counter(
            "pagesplit_text_chars_total",
            "Visible text of split pages, by where it went (article, teaser, dropped).",
            ["kind"],
            registry=r,
        )
        self.split_warnings = Counter(
            "pagesplit_split_warnings_total",
            "Events split with a warning, by warning: a stage that failed and was skipped "
            "(<stage>_failed, a bug), a body read from structured data (body_from_*), or a "
            "page that stands in for a story: an error, removal or wall notice (notice_page).",
            ["warning"],
            registry=r,
        )
        self.split_seconds = Histogram(
            "pagesplit_split_seconds",
            "Time to decode and split one event in a worker (a page killed past the hard "
            "deadline counts the deadline; events that reached no worker are not counted).",
            buckets=_SECONDS_BUCKETS,
            registry=r,
        )
        self.event_bytes = Histogram(
            "pagesplit_event_bytes", "Size of raw events.", buckets=_BYTES_BUCKETS, registry=r
        )
        self.end_to_end_seconds = Histogram(
            "pagesplit_end_to_end_latency_seconds",
            "From the event's fetched_at to its records being acknowledged.",
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.commit_seconds = Histogram(
            "pagesplit_commit_seconds",
            "Time to commit a batch's offsets (exactly-once: a partition's, sent to its "
            "transaction and the transaction committed).",
            buckets=_SECONDS_BUCKETS,
            registry=r,
        )
        self.body_fetch_seconds = Histogram(
            "pagesplit_body_fetch_seconds",
            "Time to fetch one body_ref, retries and redirects included.",
            buckets=_FETCH_BUCKETS,
            registry=r,
        )
        self.body_fetches = Counter(
            "pagesplit_body_fetches_total",
            "body_ref fetches, by outcome (ok, retried, failed, forbidden).",
            ["outcome"],
            registry=r,
        )
        self.consumer_lag = Gauge(
            "pagesplit_consumer_lag",
            "Messages between the committed offset and the end of the partition, by partition.",
            ["partition"],
            registry=r,
        )
        self.events_in_flight = Gauge(
            "pagesplit_events_in_flight", "Events taken but not yet committed.", registry=r
        )
        self.workers = Gauge("pagesplit_workers", "Splitting processes.", registry=r)
        self.last_progress = Gauge(
            "pagesplit_last_progress_timestamp_seconds",
            "Unix time the consume loop last completed an iteration.",
            registry=r,
        )
        for kind in RECORD_TYPES:
            self.records_produced.labels(type=kind)
        for reason in DEAD_LETTER_REASONS:
            self.dead_letters.labels(reason=reason)
        for warning in SPLIT_WARNINGS:
            self.split_warnings.labels(warning=warning)
        for kind in ("article", "teaser", "dropped"):
            self.text_chars.labels(kind=kind)
        for outcome in BODY_FETCH_OUTCOMES:
            self.body_fetches.labels(outcome=outcome)

    def observe_body_fetch(self, outcome: str, seconds: float) -> None:
        """Count one body_ref fetch; fits ``service.fetch.BodyFetcher``'s ``observer``."""
        self.body_fetches.labels(outcome=outcome).inc()
        self.body_fetch_seconds.observe(seconds)
