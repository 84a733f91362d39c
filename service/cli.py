"""The ``pagesplit`` command: ``run`` the service, ``split`` offline, ``demo`` locally."""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import logging
import signal
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

import orjson

from service import logs
from service.pipeline import Done, PipelineLimits, process_event
from service.records import Source
from service.settings import (
    ENV_PREFIX,
    SECRETS_DIR_ENV,
    Settings,
    SettingsError,
    load_settings,
)

SECRETS_HELP = (
    f"{SECRETS_DIR_ENV}: a folder of mounted secret files, each named pagesplit_<setting> "
    "(e.g. pagesplit_kafka_sasl_password), read when the variable is not set."
)


def _add_settings_flags(
    parser: argparse.ArgumentParser, only: Collection[str] | None = None
) -> None:
    """One flag per setting (of those named in ``only``), with its environment variable and
    default in the help."""
    for name, field in Settings.model_fields.items():
        if only is not None and name not in only:
            continue
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            default=None,
            metavar=name.split("_")[-1].upper(),
            help=f"{field.description} [env {ENV_PREFIX}{name.upper()}; "
            f"default {default_text(name)}]",
        )


def default_text(name: str) -> str:
    """A setting's default as the help and the README show it."""
    field = Settings.model_fields[name]
    if field.default_factory:
        return "cores"
    if field.default is None:
        return "unset"
    if field.default == ():
        return "empty"
    return str(field.default)


def _settings_from(args: argparse.Namespace) -> Settings:
    overrides = {name: getattr(args, name, None) for name in Settings.model_fields}
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        sys.exit(f"pagesplit: bad settings:\n{exc}")


def _cmd_run(args: argparse.Namespace) -> int:
    # Until the service installs its own handlers, SIGTERM stops start-up cleanly.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        from service.app import serve

        settings = _settings_from(args)
        logs.configure(settings.log_level)
        asyncio.run(serve(settings))
    except KeyboardInterrupt:
        logging.getLogger(__name__).info("stopped during start-up")
    return 0


def _events(args: argparse.Namespace) -> Iterator[tuple[int, bytes]]:
    if args.url:
        data = Path(args.input).read_bytes() if args.input != "-" else sys.stdin.buffer.read()
        # The bytes as they are: the splitter finds their charset, as in the service.
        event = {"url": args.url, "body": base64.b64encode(data).decode()}
        if args.fetched_at is not None:
            event["fetched_at"] = args.fetched_at  # checked as any event's is
        yield 1, orjson.dumps(event)
        return
    with contextlib.ExitStack() as stack:
        stream: IO[bytes] = (
            sys.stdin.buffer
            if args.input == "-"
            else stack.enter_context(Path(args.input).open("rb"))
        )
        for number, line in enumerate(stream, 1):
            if line.strip():
                yield number, line.rstrip(b"\r\n")


def _cmd_split(args: argparse.Namespace) -> int:
    """Records on stdout, one JSON line each; dead letters on stderr. Exit 1 if any failed."""
    settings = _settings_from(args)
    limits = PipelineLimits.from_settings(settings)
    failed = 0
    out = sys.stdout.buffer
    for number, value in _events(args):
        result = process_event(value, Source(None, None, number, None), limits)
        if isinstance(result, Done):
            for output in result.outputs:
                out.write(output.value + b"\n")
        else:
            failed += 1
            line = {"line": number, "reason": result.reason, "message": result.message}
            sys.stderr.buffer.write(orjson.dumps(line) + b"\n")
    out.flush()
    return 1 if failed else 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from service.demo import run_demo

    settings = _settings_from(args)
    # Quieter than the service unless a level is asked for: the demo shows its results.
    logs.configure(settings.log_level if "log_level" in settings.model_fields_set else "WARNING")
    # A new local broker elects its group coordinator during the first second;
    # aiokafka reports the wait as an error. The demo does not need to show it.
    logging.getLogger("aiokafka.consumer.group_coordinator").setLevel(logging.CRITICAL)
    return asyncio.run(run_demo(settings, publish_only=args.publish_only))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pagesplit", description="Split crawled news pages into articles and teasers."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="run the service (Kafka in, Kafka out)",
        description="Run the service. Every setting is a flag or a PAGESPLIT_* variable.",
        epilog=SECRETS_HELP,
    )
    _add_settings_flags(run)
    run.set_defaults(func=_cmd_run)

    split = sub.add_parser(
        "split",
        help="split raw page events (JSON lines) or one HTML file offline",
        description="Read raw page events as JSON lines (the input contract) from FILE or stdin, "
        "or one HTML file with --url, and write the output records as JSON lines to stdout; "
        "events that fail go to stderr as dead-letter lines (body_ref is not fetched offline: "
        "such events fail body_unavailable). Exit status 1 when any failed. The limits below "
        "apply; the other PAGESPLIT_* variables are not used here, but a bad one is still "
        "refused.",
    )
    split.add_argument(
        "input", nargs="?", default="-", metavar="FILE", help="input file, - for stdin"
    )
    split.add_argument("--url", help="treat FILE as one HTML page fetched from URL")
    split.add_argument(
        "--fetched-at",
        metavar="TIME",
        help="with --url: when the page was fetched (RFC 3339, with a zone); times shown "
        'as a span back ("2 hours ago") on teasers and beside bylines count from it, and a '
        "teaser's day and month shown without a year take its year (the year before, when "
        "that would lie after it)",
    )
    # Offline splitting reads no Kafka and fetches no body_ref: the limits alone apply
    # (every setting is still checked, as the service checks them).
    _add_settings_flags(split, only={f.name for f in fields(PipelineLimits)})
    split.set_defaults(func=_cmd_split)

    demo = sub.add_parser(
        "demo",
        help="publish demo crawl events, run the service until they are processed, show results",
        description="Publish demo crawl events, run the service until they are processed and "
        "show the results. Logs at WARNING unless --log-level or PAGESPLIT_LOG_LEVEL is given.",
    )
    demo.add_argument("--publish-only", action="store_true", help="only publish the demo events")
    _add_settings_flags(demo)
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: Any = args.func(args)
    return int(result)


if __name__ == "__main__":
    sys.exit(main())
