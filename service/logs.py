"""The service's log lines: one format and level, in the main process and in each
splitting process (``SplitPool`` sets them up in its workers)."""

from __future__ import annotations

import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def configure(level: str) -> None:
    """Log to stderr at ``level``; the Kafka client's chatter from WARNING up."""
    logging.basicConfig(level=level, format=FORMAT, stream=sys.stderr)
    logging.getLogger("aiokafka").setLevel(max(logging.WARNING, logging.getLevelName(level)))
