"""Logging for the CLI: stderr, a chosen level, and the redaction filter on the handler."""

import logging
import sys

from pipelines.redaction import RedactingFilter


def configure_cli_logging(level: str) -> None:
    """Send ft-sanitizer's logs to stderr at `level`, through the redaction filter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
