"""The `ft-sanitizer` command line: a click group over the command modules in pipelines/commands/."""

import importlib
import logging

import click

# Every command module exposes `command`; this list is the only place commands are registered.
COMMAND_MODULES = (
    "pipelines.commands.validate",
    "pipelines.commands.sanitize",
    "pipelines.commands.approve",
    "pipelines.commands.upload",
    "pipelines.commands.scan",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
              help="Log level on stderr; logs carry counts, line numbers and entity types, never content.")
@click.version_option(package_name="ft-sanitizer")
def main(log_level: str) -> None:
    """Make LLM fine-tuning JSONL safe to send to Together AI.

    validate → sanitize → (review) approve → upload. Run `ft-sanitizer COMMAND --help` for details.
    """
    from pipelines.log_config import configure_cli_logging

    configure_cli_logging(log_level.upper())


for _module in COMMAND_MODULES:
    main.add_command(importlib.import_module(_module).command)
