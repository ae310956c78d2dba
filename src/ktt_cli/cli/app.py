"""The Typer application every command module adds itself to."""

from __future__ import annotations

from typing import Annotated

import typer

from ktt_cli import __version__

app = typer.Typer(
    name="ktt",
    help="Where a province stands against its action programme for Resolution 20-NQ/TW "
    "on the collective economy (kinh tế tập thể).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ktt {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Progress of the collective economy against an action programme's targets."""
