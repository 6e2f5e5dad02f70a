"""`ft-sanitizer sanitize FILE --out DIR`: validate, detect, anonymize, re-scan, report."""

from pathlib import Path

import click
from pydantic import ValidationError

from pipelines.commands.failures import EXIT_INTERNAL, fail, log_frames, write_failure
from pipelines.printable import printable
from pipelines.stages.fork_server import start_early
from schemas.errors import InputError, PipelineError, RunFailed, RunLocked
from schemas.run_config import (
    DetectionOptions,
    Detectors,
    ExecutionOptions,
    Operator,
    ReviewPolicy,
    RunConfig,
)

EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_STOPPED = 4
EXIT_LOCKED = 5
EXIT_INTERRUPTED = 130


def _detectors(value: str) -> frozenset[Detectors]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    known = [d.value for d in Detectors]
    unknown = [part for part in parts if part not in known]
    if unknown or not parts:
        # The option's own value (typed by the user, never record data) is named so the typo is visible.
        what = ", ".join(repr(printable(part)) for part in unknown) if unknown else "nothing"
        raise click.BadParameter(
            f"{what} is not a detector family; use a comma-separated list of: {', '.join(known)} "
            "(e.g. --detectors pii,secrets)",
            param_hint="'--detectors'",
        )
    return frozenset(Detectors(part) for part in parts)


@click.command("sanitize")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for <stem>.sanitized.jsonl, <stem>.quarantine.jsonl and report.json.")
@click.option("--detectors", default="pii,secrets", show_default=True,
              help="Detector families: pii (Presidio + spaCy NER), secrets (keys, tokens); 'secrets' loads no NER.")
@click.option("--operator", type=click.Choice([o.value for o in Operator]), default="placeholder",
              show_default=True, help="How PII is replaced; secrets always become placeholders.")
@click.option("--unknown-fields", type=click.Choice(["quarantine", "drop"]), default="quarantine",
              show_default=True, help="A field Together's formats don't know: quarantine the line, or drop the field.")
@click.option("--spacy-model", default=DetectionOptions().spacy_model, show_default=True,
              help="Installed spaCy model package for NER.")
@click.option("--max-quarantined-share", type=float, default=ReviewPolicy().max_quarantined_share,
              show_default=True, help="Reject the run when more than this share of lines is quarantined.")
@click.option("--auto-approve", is_flag=True, help="Approve by policy when nothing blocks (for nightly runs).")
@click.option("--batch-size", type=int, default=RunConfig().batch_size, show_default=True,
              help="Records per detection batch.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes for chunks [default: all cores]. The output is the same for any number.")
@click.option("--dask-address", default=None, metavar="tcp://HOST:PORT",
              help="Run chunks on this Dask scheduler instead of local processes.")
@click.option("--chunk-mb", type=float, default=None,
              help="Target chunk size in MiB, the unit of parallel work, of resuming after a crash and "
                   "(full detection) of the name memory that carries names between records "
                   "[default: about 1/32 of the file, 0.25 to 8 MiB].")
def command(file: Path, out_dir: Path, detectors: str, operator: str, unknown_fields: str, spacy_model: str,
            max_quarantined_share: float, auto_approve: bool, batch_size: int, workers: int | None,
            dask_address: str | None, chunk_mb: float) -> None:
    """Sanitize FILE (JSONL, or a folder of .jsonl files: each into DIR/<stem>/) into --out DIR.

    Writes DIR/<stem>.sanitized.jsonl (valid records in input order, sanitized), DIR/<stem>.quarantine.jsonl
    (line number and reason per rejected line, never its content) and DIR/report.json, last: a folder
    without report.json holds no finished run.

    \b
    Exit status:
      0  the run completed (read the decision in report.json)
      2  usage error, bad option (a spaCy model that is not installed), or unreadable input
      3  an output cannot be written (read-only folder, disk full, file size limit, path too long)
      4  the run stopped half-way (a worker process died, the Dask scheduler is unreachable);
         finished chunks are kept: rerun the same command to resume
      5  another run is writing to the same --out folder (the message names its process)
      70  internal error (a bug: rerun with --log-level DEBUG and report it)
      130  interrupted (Ctrl-C); rerun to resume
    """
    try:
        config = RunConfig(
            detection=DetectionOptions(detectors=_detectors(detectors), operator=Operator(operator),
                                       spacy_model=spacy_model),
            policy=ReviewPolicy(max_quarantined_share=max_quarantined_share, auto_approve=auto_approve),
            unknown_fields=unknown_fields,
            batch_size=batch_size,
        )
        execution = ExecutionOptions(workers=workers, dask_address=dask_address, chunk_mb=chunk_mb)
        # The fork server of full-detection workers preloads spaCy and the detector (~1.5 s): started now,
        # it does so while this process imports the pipeline and plans the file.
        start_early(file, Detectors.PII in config.detection.detectors, execution.workers,
                    execution.dask_address, execution.chunk_bytes)
        from pipelines.run import input_files, output_dir_for, run_sanitize

        files = input_files(file)
        if not files:
            raise click.BadParameter(f"{printable(file)}: the folder holds no .jsonl file", param_hint="FILE")
        for path in files:
            result = run_sanitize(path, output_dir_for(path, out_dir, many=file.is_dir()), config,
                                  execution=execution)
            _summarise(path, result)
    except ValidationError as e:
        fields = ", ".join(".".join(str(p) for p in err["loc"]) for err in e.errors(include_input=False))
        fail(f"invalid option value for {fields}; see `ft-sanitizer sanitize --help`", EXIT_USAGE)
    except RunLocked as e:
        fail(str(e), EXIT_LOCKED)
    except RunFailed as e:
        fail(str(e), EXIT_STOPPED)
    except (InputError, PipelineError) as e:
        fail(str(e), EXIT_USAGE)
    except OSError as e:  # reading problems are InputErrors: what is left is writing outputs
        log_frames(e)
        fail(write_failure(e, out_dir), EXIT_OUTPUT)
    except click.ClickException:
        raise  # click prints usage errors itself (exit 2)
    except KeyboardInterrupt:
        fail("interrupted; finished chunks are kept: rerun the same command to resume", EXIT_INTERRUPTED)
    except Exception as e:  # noqa: BLE001 - a bug: said without a traceback, whose message could quote data
        log_frames(e)
        fail(f"internal error ({type(e).__name__}) while sanitizing {file}; no output of the unfinished "
             f"file is complete (it has no report.json); rerun with --log-level DEBUG and report it",
             EXIT_INTERNAL)


def _summarise(path: Path, result) -> None:
    from pipelines.stages.render_html import HTML_NAME

    r = result.report
    click.echo(f"{printable(path.name)}: {r.records_total} records, {r.records_written} written, "
               f"{r.records_quarantined} quarantined, {sum(r.findings.values())} values replaced; "
               f"decision: {r.decision.value} ({'; '.join(r.decision_reasons)})")
    click.echo(f"  sanitized:  {printable(result.output.sanitized_path)}")
    click.echo(f"  quarantine: {printable(result.output.quarantine_path)}")
    click.echo(f"  report:     {printable(result.report_path)}")
    html = result.report_path.with_name(HTML_NAME)
    if html.exists():
        click.echo(f"  read it:    {printable(html)}  (offline page; open it in a browser, e.g. xdg-open)")
