"""`ktt report`: read the actuals, build the report, write it in the format asked for.

The work is the API's (`ktt_cli.api`): this module parses the options, calls it, prints
the warnings and writes what it returns."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.helps import text
from ktt_cli.cli.language import command
from ktt_cli.cli.options import (
    EXIT_PROBLEMS,
    EncodingOption,
    Lang,
    LangOption,
    NumberFormatOption,
    OutputOption,
    SheetOption,
    TargetsOption,
    docx_template,
    error_exit,
    load_programme,
    output_path,
    print_lines,
    refuse_terminal,
    target_path,
    usage_exit,
    write_output,
)
from ktt_cli.errors import KttError
from ktt_cli.figures_text import NumberStyle
from ktt_cli.localise import say
from ktt_cli.messages import usage
from ktt_cli.paths import UsageProblem, sources
from ktt_cli.patterns import expanded
from ktt_cli.problems import printable
from ktt_cli.render import FORMATS
from ktt_cli.render.problems import problem_lines

if TYPE_CHECKING:
    from ktt_cli.results import Report


class By(StrEnum):
    REGION = "region"


class ReportFormat(StrEnum):
    """The names of `render.FORMATS`, for the option's choices and help."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"
    DOCX = "docx"


@app.command(**command("report"))
def report(
    actuals: Annotated[
        list[str] | None,
        typer.Argument(
            help=text("actuals"),
            metavar="ACTUALS",
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="PERIOD",
            help=text("as_of"),
            show_default=False,
        ),
    ] = None,
    milestone: Annotated[
        list[int] | None,
        typer.Option(
            "--milestone",
            "-m",
            metavar="YEAR",
            help=text("milestone"),
            show_default=False,
        ),
    ] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator",
            "-i",
            metavar="ID",
            help=text("indicator"),
            show_default=False,
        ),
    ] = None,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="PERIOD|previous",
            help=text("compare"),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", metavar="|".join(ReportFormat), help=text("format")),
    ] = ReportFormat.TABLE,
    output: OutputOption = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template", metavar="FILE.docx", help=text("docx_template"), show_default=False
        ),
    ] = None,
    by: Annotated[
        By | None,
        typer.Option("--by", metavar="region", help=text("by"), show_default=False),
    ] = None,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            metavar="NAME",
            help=text("region"),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.VI,
    number_format: NumberFormatOption = NumberStyle.AUTO,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS[,STATUS...]",
            help=text("fail_on"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Gap to target, percent achieved and status of each indicator at each milestone."""
    from ktt_cli import api
    from ktt_cli.report_options import as_of_period, check_filters, fail_statuses, failing

    format_name = output_format.value
    names = actuals or []
    try:
        wanted = fail_statuses(fail_on or [], compare is not None, lang.value)
        names = expanded(names)  # `returns/*.xlsx` where the shell leaves it as typed
        actual_sources = sources(names, what="actuals")
        output_file = output_path(output, [*names, str(target_path(targets))])
        refuse_terminal(FORMATS[format_name].binary, output_file, format_name)
        programme = load_programme(targets)
        as_of_period(as_of)  # refused before any file is read, as the filters are
        check_filters(programme.targets, milestone or [], indicator or [])
        api.read_options(encoding, number_format, sheet)
        letterhead = docx_template(template, format_name)
        data = api.read_actuals(
            actual_sources,
            programme,
            encoding=encoding,
            number_format=number_format,
            sheet=sheet,
            lang=lang.value,
        )
        result = api.build_report(
            programme,
            data,
            as_of=as_of,
            milestones=milestone or [],
            indicators=indicator or [],
            by_region=by is By.REGION,
            regions=region or [],
            compare=compare,
            lang=lang.value,
        )
    except KttError as e:
        error_exit(e)
    called = programme.called(lang.value)
    if format_name == "xlsx":  # a note longer than a cell holds is cut, and said so
        from ktt_cli.render.xlsx import cut_cells

        cut = tuple(p.in_language(lang.value, called) for p in cut_cells(result))
        result = result._replace(warnings=(*result.warnings, *cut))
    print_lines(
        problem_lines(result.warnings, result.unlisted_warnings, lang=lang.value, names=called),
        sys.stderr,
    )
    with ExitStack() as stack:
        if format_name in ("html", "docx"):  # charts: matplotlib needs a folder it can write
            from ktt_cli.render.matplotlib_home import matplotlib_config

            stack.enter_context(matplotlib_config())
        _emit(result, format_name, output_file, lang.value, (template, letterhead))
    matched = failing(result, wanted, lang.value)
    if matched:
        said = [f"ktt: --fail-on: {printable(say(line, lang.value))}" for line in matched]
        print_lines(said, sys.stderr)
        raise typer.Exit(EXIT_PROBLEMS)


def _emit(
    result: Report,
    format_name: str,
    output: Path | None,
    lang: str,
    template: tuple[str | None, bytes | None],
) -> None:
    from ktt_cli.render import render_parts

    if format_name == "table" and output is None:
        from ktt_cli.render.table import report_view
        from ktt_cli.streams import check_stdout, console, wants_colour

        check_stdout()
        console(sys.stdout, wants_colour(sys.stdout)).print(report_view(result, lang))
        return
    name, letterhead = template
    if letterhead is not None:
        from ktt_cli.render.docx_template import TemplateProblem

        try:
            data = render_parts(result, format_name, lang, template=letterhead)
        except TemplateProblem as e:
            usage_exit(UsageProblem(usage(e.key, name=name, **e.values)))
    else:
        data = render_parts(result, format_name, lang)
    write_output(data, output, bom=FORMATS[format_name].bom)
