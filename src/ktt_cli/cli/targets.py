"""`ktt targets`: the programme at a glance, or the list of bundled programmes."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.helps import text
from ktt_cli.cli.language import command
from ktt_cli.cli.options import Lang, LangOption, TargetsOption, load_targets, usage_exit
from ktt_cli.paths import UsageProblem


class TableOrJson(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command("targets", **command("targets_command"))
def targets_command(
    targets: TargetsOption = None,
    output_format: Annotated[
        TableOrJson,
        typer.Option("--format", "-f", metavar="|".join(TableOrJson), help=text("format")),
    ] = TableOrJson.TABLE,
    lang: LangOption = Lang.VI,
    list_bundled: Annotated[bool, typer.Option("--list", help=text("list"))] = False,
) -> None:
    """The programme at a glance: every indicator, milestone and target."""
    if list_bundled:
        _list_bundled(lang.value)
        return
    try:
        _, programme = load_targets(targets)
    except UsageProblem as e:
        usage_exit(e)
    if output_format is TableOrJson.JSON:
        from ktt_cli.render.json import targets_json

        typer.echo(targets_json(programme), nl=False)
    else:
        from ktt_cli.render.table import targets_view
        from ktt_cli.streams import console, wants_colour

        console(sys.stdout, wants_colour(sys.stdout)).print(targets_view(programme, lang.value))


def _list_bundled(lang: str) -> None:
    from ktt_cli.bundled import bundled_ids, bundled_path
    from ktt_cli.problems import ProblemLog
    from ktt_cli.targets_file import read_targets

    for programme_id in bundled_ids():
        path = bundled_path(programme_id)
        assert path is not None
        programme = read_targets(path.read_bytes(), programme_id, ProblemLog())
        name = programme.programme.name.pick(lang) if programme else "(invalid)"
        typer.echo(f"{programme_id}\t{name}")
