"""`ft-sanitizer validate FILE`: check every record against Together's formats, change nothing."""

import sys
from pathlib import Path

import click

from pipelines.commands.failures import EXIT_INTERNAL, fail, log_frames
from pipelines.printable import printable
from pipelines.stages.validate_records import validate_file
from schemas.errors import PipelineError

MAX_LINES_SHOWN = 20


@click.command("validate")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--unknown-fields", type=click.Choice(["quarantine", "drop"]), default="quarantine",
              show_default=True, help="Treat a field Together's formats don't know as an error, or ignore it.")
def command(file: Path, unknown_fields: str) -> None:
    """Validate FILE (JSONL) against Together's fine-tuning formats.

    Prints a summary by reason code with line numbers, never record content.
    Exit status: 0 every record is valid, 1 some line is not, 2 usage error or unreadable file,
    70 internal error (a bug: rerun with --log-level DEBUG and report it).
    """
    try:
        summary = validate_file(file, unknown_fields=unknown_fields)
    except PipelineError as e:
        fail(str(e), 2)
    except OSError as e:  # the reader turns its errors into InputError; anything else is unexpected
        log_frames(e)
        fail(f"{file}: reading failed ({e.strerror or type(e).__name__}); check the file and rerun", 2)
    except Exception as e:  # noqa: BLE001 - a bug: said without a traceback, whose message could quote data
        log_frames(e)
        fail(f"internal error ({type(e).__name__}) while validating {file}; rerun with --log-level DEBUG "
             "and report it", EXIT_INTERNAL)
    fmt = summary.format or "unknown"
    click.echo(
        f"{printable(file.name)}: {summary.records_total} records ({fmt}), {summary.records_valid} valid, "
        f"{summary.records_invalid} invalid, {summary.blank_lines} blank lines skipped"
    )
    for reason, lines in sorted(summary.by_reason.items()):
        shown = ", ".join(str(n) for n in lines[:MAX_LINES_SHOWN])
        more = f" (+{len(lines) - MAX_LINES_SHOWN} more)" if len(lines) > MAX_LINES_SHOWN else ""
        click.echo(f"  {reason}: {len(lines)} line(s): {shown}{more}")
    sys.exit(1 if summary.records_invalid else 0)
