"""The `ft-sanitizer` command line: a click group over the command modules in pipelines/commands/.

A command's module is imported only when that command runs (or `--help` lists them all): `upload`
pulls in the Together SDK and `sanitize` the pipeline, and neither should slow the other down.
"""

import importlib

import click

# Every command module exposes `command`, named as the module; this list is the only place commands are
# registered.
COMMAND_MODULES = (
    "pipelines.commands.validate",
    "pipelines.commands.sanitize",
    "pipelines.commands.approve",
    "pipelines.commands.upload",
    "pipelines.commands.scan",
)
_MODULE_OF = {module.rsplit(".", 1)[1]: module for module in COMMAND_MODULES}


class _LazyGroup(click.Group):
    """A click group that imports a command's module on first use of the command."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_MODULE_OF})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _MODULE_OF:
            self.add_command(importlib.import_module(_MODULE_OF[cmd_name]).command)
        return self.commands.get(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in _MODULE_OF:
            for name in _MODULE_OF:  # an unknown name: load all, so click can suggest the closest one
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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

