"""`ft-sanitizer scan FILES...`: a pre-commit hook that blocks files holding secrets.

Uses the same secret recognizers as `sanitize` (Together keys first). Prints `file:line:column: TYPE`
per finding, never the value. A line holding `ft-sanitizer: allow` is skipped (for documented fakes).
"""

import stat
import sys
from pathlib import Path

import click

from pipelines.commands.failures import EXIT_INTERNAL, fail, log_frames
from pipelines.printable import printable

ALLOW_PRAGMA = "ft-sanitizer: allow"
MAX_BYTES = 50 * 1024 * 1024


@click.command("scan")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--quiet", is_flag=True, help="Print only the summary line.")
def command(files: tuple[Path, ...], quiet: bool) -> None:
    """Scan FILES for secrets (API keys, tokens, private keys, credentials in URLs).

    For pre-commit (see .pre-commit-hooks.yaml): prints `file:line:column: TYPE` for each secret, never
    the value. Lines containing `ft-sanitizer: allow` are skipped.
    Exit status: 0 no secret found, 1 secrets found, 2 a file could not be read, 70 internal error (a bug).
    """
    try:
        found, unreadable = _scan(files, quiet)
    except Exception as e:  # noqa: BLE001 - a bug: said without a traceback, whose message could quote data
        log_frames(e)
        fail(f"internal error ({type(e).__name__}) while scanning; rerun with --log-level DEBUG and report it",
             EXIT_INTERNAL)
    if found:
        click.echo(f"ft-sanitizer scan: {found} secret(s) in {len(files)} file(s); remove them, rotate the "
                   f"keys, or mark a documented fake with `{ALLOW_PRAGMA}`", err=True)
    sys.exit(2 if unreadable else 1 if found else 0)


def _scan(files: tuple[Path, ...], quiet: bool) -> tuple[int, int]:
    """Print each secret's place; returns (secrets found, files that could not be read)."""
    from sanitizers.secret_scan import SecretScanner

    scanner = SecretScanner()
    found = unreadable = 0
    for path in files:
        name = printable(path)  # a file name can hold escape codes or newlines
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):  # a FIFO would never end, /dev/zero never stop
                click.echo(f"{name}: not a regular file, cannot be scanned", err=True)
                unreadable += 1
                continue
            if info.st_size > MAX_BYTES:
                click.echo(f"{name}: skipped, larger than {MAX_BYTES // 2**20} MiB", err=True)
                continue
            with path.open("rb") as f:  # at most the limit, should the file grow after stat
                text = f.read(MAX_BYTES).decode("utf-8", errors="replace")
        except OSError as e:
            click.echo(f"{name}: cannot be read ({e.strerror})", err=True)
            unreadable += 1
            continue
        for line_no, line in enumerate(text.splitlines(), 1):
            if ALLOW_PRAGMA in line:
                continue
            for finding in scanner.scan(line):
                found += 1
                if not quiet:
                    click.echo(f"{name}:{line_no}:{finding.start + 1}: {finding.entity_type}")
        # Multi-line secrets (PEM blocks) are matched across lines on the whole text too.
        for finding in scanner.scan(text):
            if "\n" in text[finding.start : finding.end]:
                line_no = text.count("\n", 0, finding.start) + 1
                if ALLOW_PRAGMA not in text.splitlines()[line_no - 1]:
                    found += 1
                    if not quiet:
                        click.echo(f"{name}:{line_no}: {finding.entity_type}")
    return found, unreadable
