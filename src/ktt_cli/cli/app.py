"""The Typer application every command module adds itself to."""

from __future__ import annotations

from typing import Annotated

import typer
import typer.core
from typer._click.core import Context
from typer.core import TyperArgument

from ktt_cli import __version__
from ktt_cli.cli.coercion import build_lazily
from ktt_cli.cli.helps import text
from ktt_cli.cli.language import Group, missing_command
from ktt_cli.cli.options import Lang

app = typer.Typer(
    name="ktt",
    help=text("app"),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=Group,
    invoke_without_command=True,  # no command named: told by the callback, in words of ours
)

_help_record = TyperArgument.get_help_record


def _argument_help(self: TyperArgument, ctx: Context) -> tuple[str, str] | None:
    """An argument as its metavar says it (`ACTUALS...`), never with a Python type
    (`ACTUALS <list[str]>`)."""
    record = _help_record(self, ctx)
    if record is None:
        return None
    many = "..." if self.nargs != 1 else ""
    return f"{self.display_name_raw}{many}", record[1]


TyperArgument.get_help_record = _argument_help  # type: ignore[method-assign]
build_lazily(typer.core)  # no Pydantic adapter for a parameter that was not given


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ktt {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[  # noqa: ARG001 (acted on by its callback)
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=text("version")),
    ] = False,
    lang: Annotated[  # noqa: ARG001 (read from the whole line: cli/language.py)
        Lang | None,
        typer.Option("--lang", metavar="vi|en", parser=Lang.of, help=text("lang")),
    ] = None,
) -> None:
    """Progress of the collective economy against an action programme's targets.

    `--lang` here, as anywhere on the line, is read before parsing (cli/language.py)."""
    if ctx.invoked_subcommand is None:
        missing_command(ctx)
