"""`ktt template`: an empty actuals file for the programme, ready to fill in."""

from __future__ import annotations

from typing import Annotated

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.options import TargetsOption, load_targets, usage_exit
from ktt_cli.inputs import UsageProblem


@app.command()
def template(
    targets: TargetsOption = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="One column per indicator instead of one row each.")
    ] = False,
) -> None:
    """Print an empty actuals CSV for the programme, ready to fill in."""
    from ktt_cli.render.template import template_csv

    try:
        _, programme = load_targets(targets)
    except UsageProblem as e:
        usage_exit(e)
    typer.echo(template_csv(programme, wide=wide), nl=False)
