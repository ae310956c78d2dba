"""`ktt template`: an empty actuals file for the programme, ready to fill in."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.helps import command, text
from ktt_cli.cli.options import (
    Lang,
    LangOption,
    OutputOption,
    TargetsOption,
    load_targets,
    output_path,
    refuse_terminal,
    usage_exit,
    write_output,
)
from ktt_cli.cli.speaking import speaking
from ktt_cli.cli.template_regions import By, region_forms
from ktt_cli.inputs import UsageProblem
from ktt_cli.messages import usage


class TemplateFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@app.command(**command("template"))
def template(
    targets: TargetsOption = None,
    wide: Annotated[bool, typer.Option("--wide", help=text("wide"))] = False,
    output_format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(TemplateFormat),
            help=text("template_format"),
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    lang: LangOption = Lang.VI,
    by: Annotated[
        By | None,
        typer.Option("--by", metavar="region", help=text("template_by"), show_default=False),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="PERIOD", help=text("template_period"), show_default=False
        ),
    ] = None,
) -> None:
    """An empty actuals file for the programme, ready to fill in."""
    if by is not None:  # a form per region, into a folder (SPEC §11)
        csv_forms = output_format is TemplateFormat.CSV
        with speaking(lang.value):
            region_forms(targets, output, period, lang.value, workbook=not csv_forms, wide=wide)
        return
    if period is not None:
        usage_exit(UsageProblem(usage("usage.period_by_region")))
    output_format = output_format or TemplateFormat.CSV
    try:
        output_file = output_path(output, [])
        refuse_terminal(output_format is TemplateFormat.XLSX, output_file, output_format.value)
        _, programme = load_targets(targets)
    except UsageProblem as e:
        usage_exit(e)
    data: str | bytes
    if output_format is TemplateFormat.XLSX:
        from ktt_cli.render.template_xlsx import template_xlsx

        data = template_xlsx(programme, lang.value)
    else:
        from ktt_cli.render.template import template_csv

        data = template_csv(programme, wide=wide, lang=lang.value)
    write_output(data, output_file)
