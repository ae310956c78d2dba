"""`ktt report`: read the actuals, build the report, write it in the format asked for."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.helps import command, help_lang, text
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
    print_problems,
    refuse_terminal,
    target_path,
    usage_exit,
    write_output,
)
from ktt_cli.inputs import UsageProblem, sources
from ktt_cli.messages import Message, again, message, usage
from ktt_cli.numbers import NumberStyle
from ktt_cli.patterns import expanded
from ktt_cli.problems import printable
from ktt_cli.render import FORMATS
from ktt_cli.render.problems import problem_lines

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile
    from ktt_cli.periods import Period
    from ktt_cli.report import Report, Result
    from ktt_cli.store import Actuals


class By(StrEnum):
    REGION = "region"


WORSENED = "worsened"


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
    from ktt_cli.coverage import not_reported
    from ktt_cli.load.collect import ReadOptions, read_actuals
    from ktt_cli.problems import ProblemLog
    from ktt_cli.report import build_report

    fail_statuses = _statuses(fail_on or [], compare is not None)
    format_name = output_format.value
    names = actuals or []
    try:
        names = expanded(names)  # `returns/*.xlsx` where the shell leaves it as typed
        actual_sources = sources(names, what="actuals")
        output_file = output_path(output, [*names, str(target_path(targets))])
        refuse_terminal(FORMATS[format_name].binary, output_file, format_name)
        targets_name, programme = load_targets(targets)
        period = _as_of(as_of)
        _check_filters(programme, milestone or [], indicator or [])
        check_encoding(encoding)
        letterhead = _template(template, format_name)
    except UsageProblem as e:
        usage_exit(e)
    with ExitStack() as stack:
        if format_name in ("html", "docx"):  # charts: matplotlib needs a folder it can write
            from ktt_cli.render.matplotlib_home import matplotlib_config

            stack.enter_context(matplotlib_config())
        log = ProblemLog()
        data = read_actuals(
            actual_sources, programme, ReadOptions(number_format, encoding, sheet), log
        )
        if log.errors:
            called = {i.id: i.name.pick(lang.value) for i in programme.indicators}
            print_problems(log, sys.stderr, lang.value, called)
            fail(usage("usage.actuals_errors", errors=log.errors))
        try:
            earlier = _compare_with(compare, period or data.latest)
            wanted_regions = _regions(programme, data, region or [])
        except UsageProblem as e:
            usage_exit(e)
        result = build_report(
            programme,
            data,
            targets_file=targets_name,
            as_of=period,
            milestones=milestone or [],
            indicators=indicator or [],
            reading_warnings=[
                *log.of_severity("warning"),
                *not_reported(programme, data, period, targets_name),  # SPEC §11
            ],
            unlisted_warnings=log.unlisted("warning"),
            compare_with=earlier,
            by_region=by is By.REGION or bool(region),
            regions=wanted_regions,
        )
        if format_name == "xlsx":  # a note longer than a cell holds is cut, and said so
            from ktt_cli.render.xlsx import cut_cells

            result = result._replace(warnings=(*result.warnings, *cut_cells(result)))
        called = {i.id: i.name.pick(lang.value) for i in programme.indicators}
        warnings = tuple(p.in_language(lang.value, called) for p in result.warnings)
        result = result._replace(warnings=warnings)
        print_lines(
            problem_lines(warnings, result.unlisted_warnings, lang=lang.value, names=called),
            sys.stderr,
        )
        _emit(result, format_name, output_file, lang.value, (template, letterhead))
    matched = [
        line
        for r in ((*result.results, *result.breakdown) if fail_statuses else ())
        if (line := _matched(result, r, fail_statuses))
    ]
    if matched:
        said = [f"ktt: --fail-on: {printable(line.text(lang.value))}" for line in matched]
        print_lines(said, sys.stderr)
        raise typer.Exit(EXIT_PROBLEMS)


def _matched(report: Report, result: Result, wanted: set[str]) -> Message | None:
    """The line that names `result` if it has a status of `wanted` (or it worsened): the
    indicator by name, the milestone, the region, the status in words and the figure."""
    found = report.change_of(result)
    worsened = found is not None and found[1].status_change.value == WORSENED
    if result.status.value not in wanted and not (worsened and WORSENED in wanted):
        return None
    lang = help_lang()
    from ktt_cli import i18n

    words = i18n.STATUS[lang]
    region = result.region or "the whole territory"
    figures = ""
    if result.actual is not None:
        achieved = result.assessment.percent_achieved
        target = (
            i18n.target(result.comparator, result.target, result.unit, lang)
            if result.target is not None
            else "—"
        )
        actual = i18n.actual(result.actual, result.actual_qualifier, result.unit, lang)
        period = result.actual_period or ""
        # a commune against an each_region threshold has no percent achieved (SPEC §8)
        figures = (
            message("fail_on.figures.threshold", actual=actual, period=period, target=target)
            if achieved is None
            else message(
                "fail_on.figures",
                actual=actual,
                period=period,
                target=target,
                achieved=i18n.percent(achieved, lang),
            )
        ).text(lang)
    else:
        figures = message("fail_on.no_figure").text(lang)
    if worsened and found is not None and found[0] is not None:
        figures += message(
            "fail_on.worsened", before=words[found[0].status], as_of=found[0].as_of
        ).text(lang)
    return message(
        "fail_on.matched",
        name=result.name.pick(lang),
        milestone=result.milestone,
        region=region,
        status=words[result.status],
        code=result.status.value,
        figures=figures,
    )


def _compare_with(value: str | None, as_of: Period | None) -> Period | None:
    """The earlier period of --compare: a period, or `previous` to as_of's own kind."""
    if value is None or as_of is None:
        return None
    from ktt_cli.periods import PeriodError, parse_period, previous

    if value.strip().lower() == "previous":
        return previous(as_of)
    try:
        earlier = parse_period(value)
    except PeriodError as e:
        raise UsageProblem(again("invalid_period", e.args_).on("--compare")) from None
    if earlier.time >= as_of.time:
        raise UsageProblem(usage("usage.compare_later", value=value, as_of=as_of))
    return earlier


def _template(name: str | None, format_name: str) -> bytes | None:
    """The bytes of --template, which only --format docx takes."""
    if name is None:
        return None
    if format_name != "docx":
        raise UsageProblem(usage("usage.template_format"))
    from ktt_cli.inputs import path_problem

    if problem := path_problem(name):
        raise UsageProblem(problem.on(f"--template {name}"))
    from ktt_cli.render.docx import TemplateProblem, check_template

    letterhead = Path(name).read_bytes()
    try:
        check_template(letterhead)
    except TemplateProblem as e:
        raise UsageProblem(usage(e.key, name=name, **e.values)) from None
    return letterhead


def _emit(
    result: Report,
    format_name: str,
    output: Path | None,
    lang: str,
    template: tuple[str | None, bytes | None],
) -> None:
    from ktt_cli.render import render_parts

    if format_name == "table" and output is None:
        from ktt_cli.output import check_stdout, console, wants_colour
        from ktt_cli.render.table import report_view

        check_stdout()
        console(sys.stdout, wants_colour(sys.stdout)).print(report_view(result, lang))
        return
    name, letterhead = template
    if letterhead is not None:
        from ktt_cli.render.docx import TemplateProblem

        try:
            data = render_parts(result, format_name, lang, template=letterhead)
        except TemplateProblem as e:
            usage_exit(UsageProblem(usage(e.key, name=name, **e.values)))
    else:
        data = render_parts(result, format_name, lang)
    write_output(data, output, bom=FORMATS[format_name].bom)


def _as_of(value: str | None) -> Period | None:
    if value is None:
        return None
    from ktt_cli.periods import PeriodError, parse_period

    try:
        return parse_period(value)
    except PeriodError as e:
        raise UsageProblem(again("invalid_period", e.args_).on("--as-of")) from None


def _check_filters(programme: TargetsFile, milestones: list[int], indicators: list[str]) -> None:
    from ktt_cli.names import closest_of

    known_years = programme.milestones
    ids = [i.id for i in programme.indicators]
    years = ", ".join(map(str, known_years))
    problems = [
        usage("usage.no_milestone", year=year, years=years)
        for year in milestones
        if year not in known_years
    ] + [
        usage(
            "usage.no_indicator",
            name=name,
            programme=programme.programme.id,
            closest=closest_of(name, ids),
        )
        for name in indicators
        if name not in ids
    ]
    if problems:
        raise UsageProblem(*problems)


def _regions(programme: TargetsFile, data: Actuals, names: list[str]) -> list[str]:
    """The region keys `--region` names: listed regions by id, name or alias; without a
    list, the regions in the data by name."""
    if not names:
        return []
    from ktt_cli.names import RegionNames, closest_of, place_key, unmarked

    listed = RegionNames(programme)
    in_data = {k: n for i in programme.indicators for k, n in data.region_names(i.id).items()}
    keys: list[str] = []
    problems: list[Message] = []
    for name in names:
        if listed.listed:
            meaning = listed.find(name)
            found = meaning.region
            if found is None and len(meaning.candidates) > 1:
                could = ", ".join(f"'{n}'" for n in meaning.candidates)
                problems.append(usage("usage.ambiguous_region", name=name, names=could))
                continue
            if found is None or not found[0]:
                problems.append(
                    usage(
                        "usage.no_region",
                        name=name,
                        territory=programme.programme.territory,
                        closest=listed.closest(name),
                    )
                )
                continue
            keys.append(found[0])
            continue
        key = place_key(name)
        alike = [k for k in in_data if key == unmarked(key) and unmarked(k) == key]
        if key in in_data or len(alike) == 1:
            keys.append(key if key in in_data else alike[0])
        else:
            close = closest_of(name, sorted(in_data.values()))
            problems.append(usage("usage.no_region_in_data", name=name, closest=close))
    if problems:
        raise UsageProblem(*problems)
    return keys


def _statuses(values: list[str], comparing: bool) -> set[str]:
    """The status codes `--fail-on` names, by code or by word in either language
    (`tiến triển chậm`, `limited progress`, `limited_progress`; case and diacritics
    aside); `worsened` asks for --compare."""
    from ktt_cli.i18n import STATUS
    from ktt_cli.names import normalise as normal_name
    from ktt_cli.progress import Status

    scored = [s for s in Status if s is not Status.QUALITATIVE]  # aims never fail
    known = {normal_name(s.value): s.value for s in scored}
    for words in STATUS.values():
        known |= {normal_name(words[s]): s.value for s in scored}
    for word in _WORSENED_WORDS:
        known[normal_name(word)] = WORSENED  # a status that got worse since --compare
    wanted: set[str] = set()
    unknown: list[str] = []
    for given in (v.strip() for value in values for v in value.split(",")):
        if given:
            code = known.get(normal_name(given))
            wanted.add(code) if code else unknown.append(given)
    lang = help_lang()
    if unknown:
        words = STATUS[lang]
        listed = [f"{s.value} ({words[s]})" for s in scored] + [WORSENED]
        said = usage("usage.unknown_status", unknown=", ".join(unknown), statuses=", ".join(listed))
        usage_exit(UsageProblem(said))
    if WORSENED in wanted and not comparing:
        usage_exit(UsageProblem(usage("usage.worsened_without_compare")))
    return wanted


#: `worsened` as either language says it.
_WORSENED_WORDS = (WORSENED, "xấu đi")
