"""`ktt coverage`: which regions have reported each expected indicator for a period."""

from __future__ import annotations

import sys
from enum import StrEnum
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
    check_encoding,
    fail,
    load_targets,
    output_path,
    print_lines,
    refuse_terminal,
    target_path,
    usage_exit,
    write_output,
)
from ktt_cli.cli.speaking import speaking
from ktt_cli.figures_text import NumberStyle
from ktt_cli.localise import say
from ktt_cli.messages import again, usage
from ktt_cli.paths import UsageProblem, sources
from ktt_cli.patterns import expanded
from ktt_cli.render.problems import problem_lines

if TYPE_CHECKING:
    from ktt_cli.periods import Period

#: What `--fail-on` takes here, in either language.
INCOMPLETE = ("incomplete", "chưa đủ", "chua du")
#: Warnings about the report's sums of regions and territory figures: who has not
#: reported is what coverage itself shows, so they would only repeat it, per period.
ABOUT_SUMS = frozenset({"regions_missing", "no_territory_rows", "regions_disagree"})


class CoverageFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"


@app.command(**command("coverage"))
def coverage(
    actuals: Annotated[
        list[str] | None,
        typer.Argument(help=text("actuals"), metavar="ACTUALS", show_default=False),
    ] = None,
    targets: TargetsOption = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="PERIOD", help=text("coverage_as_of"), show_default=False),
    ] = None,
    output_format: Annotated[
        CoverageFormat,
        typer.Option("--format", "-f", metavar="|".join(CoverageFormat), help=text("format")),
    ] = CoverageFormat.TABLE,
    output: OutputOption = None,
    lang: LangOption = Lang.VI,
    number_format: NumberFormatOption = NumberStyle.AUTO,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", metavar="incomplete", help=text("coverage_fail_on"), show_default=False
        ),
    ] = None,
) -> None:
    """Each listed region against each indicator expected of it: reported, late or never."""
    with speaking(lang.value):
        _coverage(
            actuals, targets, as_of, output_format, output, lang, number_format, encoding, sheet,
            fail_on,
        )  # fmt: skip


def _coverage(
    actuals: list[str] | None,
    targets: str | None,
    as_of: str | None,
    output_format: CoverageFormat,
    output: str | None,
    lang: Lang,
    number_format: NumberStyle,
    encoding: str | None,
    sheet: str | None,
    fail_on: str | None,
) -> None:
    from ktt_cli.coverage import coverage as compute
    from ktt_cli.coverage import expected_indicators
    from ktt_cli.load.collect import read_actuals
    from ktt_cli.load.collect_state import ReadOptions
    from ktt_cli.problems import ProblemLog
    from ktt_cli.render.coverage_formats import COVERAGE_FORMATS

    chosen = COVERAGE_FORMATS[output_format.value]
    try:
        if fail_on is not None and fail_on.strip().casefold() not in INCOMPLETE:
            raise UsageProblem(usage("usage.coverage_fail_on", value=fail_on))
        names = expanded(actuals or [])
        actual_sources = sources(names, what="actuals")
        output_file = output_path(output, [*names, str(target_path(targets))])
        refuse_terminal(chosen.binary, output_file, output_format.value)
        targets_name, programme = load_targets(targets)
        period = _as_of(as_of)
        check_encoding(encoding)
        programme_id = programme.programme.id
        if not programme.regions:
            raise UsageProblem(usage("usage.no_regions", programme=programme_id))
        if not expected_indicators(programme):
            raise UsageProblem(usage("usage.nothing_expected", programme=programme_id))
    except UsageProblem as e:
        usage_exit(e)
    log = ProblemLog()
    data = read_actuals(actual_sources, programme, ReadOptions(number_format, encoding, sheet), log)
    called = {i.id: i.name.pick(lang.value) for i in programme.indicators}
    said_here = [p for p in log if p.code not in ABOUT_SUMS]
    if log.errors:
        print_lines(
            problem_lines(said_here, log.unlisted(), lang=lang.value, names=called), sys.stderr
        )
        fail(usage("usage.actuals_errors", errors=log.errors))
    warnings = [w for w in said_here if w.severity == "warning"]
    print_lines(
        problem_lines(warnings, log.unlisted("warning"), lang=lang.value, names=called),
        sys.stderr,
    )
    found = compute(programme, data, period, targets_file=targets_name)._replace(
        warnings=tuple(warnings), unlisted_warnings=log.unlisted("warning")
    )
    write_output(chosen.render(found, lang.value), output_file, bom=chosen.bom)
    if fail_on is not None and found.incomplete:
        total = found.total
        as_of_text = found.as_of.text if found.as_of else "-"
        missing = total.expected - total.reported
        values = {"missing": missing, "expected": total.expected, "as_of": as_of_text}
        said = usage("usage.incomplete", **values)
        print_lines([f"ktt: {say(said, lang.value)}"], sys.stderr)
        raise typer.Exit(EXIT_PROBLEMS)


def _as_of(value: str | None) -> Period | None:
    if value is None:
        return None
    from ktt_cli.periods import PeriodError, parse_period

    try:
        return parse_period(value)
    except PeriodError as e:
        raise UsageProblem(again("invalid_period", e.args_).on("--as-of")) from None
