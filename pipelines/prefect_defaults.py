"""Prefect settings ft-sanitizer sets for itself, unless the user chose otherwise: quiet and offline.

Applied when `pipelines` is first imported (CLI, notebook, flow), before Prefect is, so both this
process and the temporary ("ephemeral") Prefect server a direct flow call starts see them:

- Prefect's anonymous analytics are off. Offline they only fail ("Failed to send telemetry", and on
  SQLite a "database is locked" traceback); online they would send data nobody here asked to send.
  Turn them on with `PREFECT_SERVER_ANALYTICS_ENABLED=true` (then `DO_NOT_TRACK` is left alone too).
- The ephemeral server gets 120 s to start instead of Prefect's 20: with a fresh PREFECT_HOME it runs
  its database migrations first, 12-21 s on an idle 2-core machine and more under load.

Environment variables only: a value the user already set (in the environment) is never changed.
When Prefect was imported before `pipelines`, this process keeps the settings it read then (the
temporary server, a new process, still gets the analytics setting).
"""

import os

ANALYTICS = "PREFECT_SERVER_ANALYTICS_ENABLED"
STARTUP_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
STARTUP_TIMEOUT_S = 120


def apply_prefect_defaults(environ: dict[str, str] | None = None) -> dict[str, str]:
    """Set ft-sanitizer's Prefect defaults in `environ` (os.environ) where unset; return what was set."""
    env = os.environ if environ is None else environ
    wanted = {STARTUP_TIMEOUT: str(STARTUP_TIMEOUT_S)}
    if ANALYTICS not in env:
        wanted |= {ANALYTICS: "false", "DO_NOT_TRACK": "1"}
    applied = {k: v for k, v in wanted.items() if k not in env}
    env.update(applied)
    return applied

