"""The `ktt` command: parse options, call the core, pick a renderer, set the exit code.

Modules that cost start-up time (Pydantic models, YAML, Rich) are imported inside
the commands that use them, so `ktt --version` and `ktt --help` stay quick.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from ktt_cli import __version__
from ktt_cli.inputs import (
    UsageProblem,
    looks_like_targets,
    output_problem,
    sources,
    targets_source,
)
from ktt_cli.load.text import Source
from ktt_cli.numbers import NumberStyle
from ktt_cli.output import console, render_text, use_utf8_streams, wants_colour, write_atomic
from ktt_cli.render.problems import problem_lines

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile
    from ktt_cli.periods import Period
    from ktt_cli.problems import ProblemLog
    from ktt_cli.report import Report

# ktt uses no Pydantic plugin; not looking for any spares every run the scan of
# installed packages for their entry points.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, EXIT_BUG = 0, 1, 2, 3


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


class ReportFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class TextOrJson(StrEnum):
    TEXT = "text"
    JSON = "json"


class TableOrJson(StrEnum):
    TABLE = "table"
    JSON = "json"


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

TargetsOption = Annotated[
    str | None,
    typer.Option(
        "--targets",
        "-t",
        metavar="FILE|ID",
        envvar="KTT_TARGETS",
        help="Targets file, or the id of a bundled programme (ktt targets --list). "
        "Default: the bundled Yên Bái programme.",
        show_default=False,
    ),
]
LangOption = Annotated[
    Lang, typer.Option("--lang", envvar="KTT_LANG", help="Language of labels and status words.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ktt {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", envvar="KTT_DEBUG", help="Show the traceback of an internal error."
        ),
    ] = False,
) -> None:
    """Progress of the collective economy against an action programme's targets."""


# ---- report ------------------------------------------------------------------------


@app.command()
def report(
    actuals: Annotated[
        list[str] | None,
        typer.Argument(
            help="Actuals CSV files, read as one data set; - reads standard input.",
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
            help="Use figures up to this period (default: the latest).",
            show_default=False,
        ),
    ] = None,
    milestone: Annotated[
        list[int] | None,
        typer.Option(
            "--milestone",
            "-m",
            metavar="YEAR",
            help="Only this milestone year (repeatable).",
            show_default=False,
        ),
    ] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option(
            "--indicator",
            "-i",
            metavar="ID",
            help="Only this indicator id (repeatable).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ReportFormat.TABLE,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (atomically) instead of stdout.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.VI,
    number_format: Annotated[
        NumberStyle,
        typer.Option(
            "--number-format",
            help="How numbers in the actuals are written: dot = "
            "1,234.5; comma = 1.234,5; auto reads only what is unambiguous.",
        ),
    ] = NumberStyle.AUTO,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="ENC",
            help="Encoding of files without a BOM (default UTF-8), e.g. cp1258.",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS[,STATUS...]",
            help="Exit 1 when a result has one of these statuses "
            "(comma-separated or repeated), e.g. missed,deterioration.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Gap to target, percent achieved and status of each indicator at each milestone."""
    from ktt_cli.load.collect import ReadOptions, read_actuals
    from ktt_cli.problems import ProblemLog
    from ktt_cli.report import build_report

    fail_statuses = _statuses(fail_on or [])
    names = actuals or []
    try:
        actual_sources = sources(names, what="actuals")
        targets_name, targets_path = targets_source(targets)
        if output is not None and (problem := output_problem(output, [*names, str(targets_path)])):
            raise UsageProblem(problem)
        programme = _load_targets(targets_name, targets_path, exit_code=EXIT_UNUSABLE)
        period = _as_of(as_of)
        _check_filters(programme, milestone or [], indicator or [])
        _check_encoding(encoding)
    except UsageProblem as e:
        _usage_exit(e)
    log = ProblemLog()
    data = read_actuals(actual_sources, programme, ReadOptions(number_format, encoding), log)
    if log.errors:
        _print_problems(log, sys.stderr)
        _fail(f"{log.errors} error(s) in the actuals; nothing was computed")
    result = build_report(
        programme,
        data,
        targets_file=targets_name,
        as_of=period,
        milestones=milestone or [],
        indicators=indicator or [],
        reading_warnings=log.of_severity("warning"),
        unlisted_warnings=log.unlisted("warning"),
    )
    _print_lines(problem_lines(result.warnings, result.unlisted_warnings), sys.stderr)
    _emit_report(result, output_format, output, lang.value)
    if fail_statuses & {r.status.value for r in result.results}:
        raise typer.Exit(EXIT_PROBLEMS)


def _emit_report(
    result: Report, output_format: ReportFormat, output: Path | None, lang: str
) -> None:
    if output_format is ReportFormat.TABLE:
        from ktt_cli.render import table

        if output is None:
            console(sys.stdout, wants_colour(sys.stdout)).print(table.report_view(result, lang))
            return
        text = render_text(table.report_view(result, lang))
    elif output_format is ReportFormat.JSON:
        from ktt_cli.render.json import report_json

        text = report_json(result, lang)
    elif output_format is ReportFormat.CSV:
        from ktt_cli.render.csv import report_csv

        text = report_csv(result, lang)
    else:
        from ktt_cli.render.markdown import report_markdown

        text = report_markdown(result, lang)
    _write(text, output, bom=output_format is ReportFormat.CSV)


# ---- validate ----------------------------------------------------------------------


@app.command()
def validate(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Targets (.yaml) and actuals (.csv) files in any mix; - reads "
            "standard input. Default: the targets file.",
            metavar="FILES",
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
    output_format: Annotated[
        TextOrJson, typer.Option("--format", "-f", help="Output format.")
    ] = TextOrJson.TEXT,
    number_format: Annotated[
        NumberStyle, typer.Option("--number-format", help="As for report.")
    ] = NumberStyle.AUTO,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="ENC", help="As for report.", show_default=False),
    ] = None,
) -> None:
    """Check targets and actuals files; report every problem with its line."""
    from ktt_cli.load.collect import ReadOptions, read_actuals
    from ktt_cli.problems import ProblemLog
    from ktt_cli.targets_file import read_targets

    names = files or []
    try:
        _check_encoding(encoding)
        all_sources = sources(names, what="targets or actuals") if names else []
    except UsageProblem as e:
        _usage_exit(e)
    log = ProblemLog()
    checked: list[TargetsFile | None] = []
    data_sources: list[Source] = []
    for source in all_sources:
        stream = source.open()  # once: a pipe cannot be read again after its type is sniffed
        if looks_like_targets(source.name, stream):
            with stream:
                checked.append(read_targets(stream.read(), source.name, log))
        else:
            data_sources.append(Source(source.name, lambda stream=stream: stream))
    if data_sources or not all_sources:
        # actuals are checked against --targets, else the one targets file given, else
        # the default programme; with no files at all, that programme is what is checked
        if targets is None and len(checked) == 1:
            reference = checked[0]
        else:
            try:
                targets_name, path = targets_source(targets)
            except UsageProblem as e:
                _usage_exit(e)
            reference = read_targets(path.read_bytes(), targets_name, log)
            names = names or [targets_name]
        if data_sources and reference is None:
            for source in data_sources:
                log.error(
                    source.name,
                    None,
                    "not_checked",
                    "not checked: the targets file it is checked against has errors",
                )
        elif data_sources:
            read_actuals(data_sources, reference, ReadOptions(number_format, encoding), log)
    if output_format is TextOrJson.JSON:
        from ktt_cli.render.json import problems_json

        typer.echo(problems_json(list(log), log.unlisted()), nl=False)
    else:
        _print_problems(log, sys.stdout)
        checked_names = ", ".join(names)
        if log.errors:  # a count for people, on stderr: stdout is problem lines only
            summary = f"{checked_names}: {log.errors} error(s), {log.warnings} warning(s)"
            typer.echo(summary, err=True)
        else:
            warned = f" ({log.warnings} warning(s))" if log.warnings else ""
            typer.echo(f"{checked_names}: valid{warned}")
    raise typer.Exit(EXIT_PROBLEMS if log.errors else EXIT_OK)


# ---- targets, template, schema -------------------------------------------------------


@app.command("targets")
def targets_command(
    targets: TargetsOption = None,
    output_format: Annotated[
        TableOrJson, typer.Option("--format", "-f", help="Output format.")
    ] = TableOrJson.TABLE,
    lang: LangOption = Lang.VI,
    list_bundled: Annotated[
        bool, typer.Option("--list", help="List the bundled programmes.")
    ] = False,
) -> None:
    """The programme at a glance: every indicator, milestone and target."""
    if list_bundled:
        _list_bundled(lang.value)
        return
    try:
        programme = _load_targets(*targets_source(targets), exit_code=EXIT_UNUSABLE)
    except UsageProblem as e:
        _usage_exit(e)
    if output_format is TableOrJson.JSON:
        from ktt_cli.render.json import targets_json

        typer.echo(targets_json(programme), nl=False)
    else:
        from ktt_cli.render.table import targets_view

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
        programme = _load_targets(*targets_source(targets), exit_code=EXIT_UNUSABLE)
    except UsageProblem as e:
        _usage_exit(e)
    typer.echo(template_csv(programme, wide=wide), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the targets file (for editors and other tools)."""
    from ktt_cli.model import json_schema
    from ktt_cli.render.json import dumps

    typer.echo(dumps(json_schema()), nl=False)


# ---- shared steps ------------------------------------------------------------------


def _load_targets(name: str, path: Path, exit_code: int) -> TargetsFile:
    """The programme in `path`; its problems end the run with `exit_code`."""
    from ktt_cli.problems import ProblemLog
    from ktt_cli.targets_file import read_targets

    log = ProblemLog()
    programme = read_targets(path.read_bytes(), name, log)
    if programme is None:
        _print_problems(log, sys.stderr)
        _fail(f"the targets file {name} has {log.errors} error(s)", exit_code)
    return programme


def _as_of(value: str | None) -> Period | None:
    if value is None:
        return None
    from ktt_cli.periods import PeriodError, parse_period

    try:
        return parse_period(value)
    except PeriodError as e:
        raise UsageProblem(f"--as-of: {e}") from None


def _check_filters(programme: TargetsFile, milestones: list[int], indicators: list[str]) -> None:
    from ktt_cli.names import did_you_mean

    known_years = programme.milestones
    ids = [i.id for i in programme.indicators]
    problems = [
        f"--milestone {year}: the programme has no target for {year} "
        f"(milestones: {', '.join(map(str, known_years))})"
        for year in milestones
        if year not in known_years
    ] + [
        f"--indicator {name}: not an indicator of {programme.programme.id}{did_you_mean(name, ids)}"
        for name in indicators
        if name not in ids
    ]
    if problems:
        raise UsageProblem(*problems)


def _check_encoding(encoding: str | None) -> None:
    from ktt_cli.load.text import encoding_problem

    if encoding is not None and (problem := encoding_problem(encoding)):
        raise UsageProblem(f"--encoding {encoding}: {problem}")


def _statuses(values: list[str]) -> set[str]:
    from ktt_cli.progress import Status

    scored = [s.value for s in Status if s is not Status.QUALITATIVE]  # aims never fail
    wanted = {v.strip() for value in values for v in value.split(",") if v.strip()}
    unknown = wanted - set(scored)
    if unknown:
        _usage_exit(
            UsageProblem(
                f"--fail-on: unknown status {', '.join(sorted(unknown))} "
                f"(statuses: {', '.join(scored)})"
            )
        )
    return wanted


def _print_problems(log: ProblemLog, stream: TextIO) -> None:
    _print_lines(problem_lines(list(log), log.unlisted()), stream)


def _print_lines(lines: list[str], stream: TextIO) -> None:
    for line in lines:
        typer.echo(line, file=stream)


def _write(text: str, output: Path | None, *, bom: bool = False) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    data = text.encode("utf-8")
    write_atomic(output, b"\xef\xbb\xbf" + data if bom else data)


def _usage_exit(problem: UsageProblem) -> NoReturn:
    for message in problem.messages:
        typer.echo(f"ktt: error: {message}", err=True)
    raise typer.Exit(EXIT_UNUSABLE)


def _fail(message: str, code: int = EXIT_UNUSABLE) -> NoReturn:
    typer.echo(f"ktt: error: {message}", err=True)
    raise typer.Exit(code)


def _is_set(flag: str | None) -> bool:
    """An environment flag as click reads one: 1, true, yes, on."""
    return (flag or "").strip().lower() in ("1", "true", "yes", "on", "t", "y")


def main() -> None:
    """The console script: UTF-8 output, and one line instead of a traceback for a bug."""
    use_utf8_streams()
    try:
        app(prog_name="ktt")
    except OSError as e:  # the machine, not ktt: a full disk, a device error, a lost file
        where = f": {e.filename}" if e.filename else ""
        print(f"ktt: error: {e.strerror or e}{where}", file=sys.stderr)
        sys.exit(EXIT_UNUSABLE)
    except Exception as e:  # the last line of defence
        if "--debug" in sys.argv or _is_set(os.environ.get("KTT_DEBUG")):
            raise
        where = f"{type(e).__name__}: {e}".splitlines()[0][:200]
        print(
            f"ktt: internal error ({where}). This is a bug in ktt {__version__}: please report "
            "it with the command you ran; run again with --debug to see the traceback.",
            file=sys.stderr,
        )
        sys.exit(EXIT_BUG)
