"""`ktt validate`: every problem of targets and actuals files, with its place."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.helps import text
from ktt_cli.cli.language import command
from ktt_cli.cli.options import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EncodingOption,
    Lang,
    LangOption,
    NumberFormatOption,
    SheetOption,
    TargetsOption,
    check_encoding,
    print_problems,
    usage_exit,
)
from ktt_cli.figures_text import NumberStyle
from ktt_cli.paths import UsageProblem, sources
from ktt_cli.patterns import expanded
from ktt_cli.problems import printable


class TextOrJson(StrEnum):
    TEXT = "text"
    JSON = "json"


_SUMMARY = {
    Lang.VI: {
        "errors": "{errors} lỗi, {warnings} cảnh báo",
        "valid": "hợp lệ",
        "warned": " ({warnings} cảnh báo)",
    },
    Lang.EN: {
        "errors": "{errors} error(s), {warnings} warning(s)",
        "valid": "valid",
        "warned": " ({warnings} warning(s))",
    },
}


@app.command(**command("validate"))
def validate(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help=text("files"),
            metavar="FILES",
            show_default=False,
        ),
    ] = None,
    targets: TargetsOption = None,
    output_format: Annotated[
        TextOrJson,
        typer.Option("--format", "-f", metavar="|".join(TextOrJson), help=text("format")),
    ] = TextOrJson.TEXT,
    number_format: NumberFormatOption = NumberStyle.AUTO,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = Lang.VI,
) -> None:
    """Check targets and actuals files; report every problem with its line."""
    from ktt_cli.load.collect_state import ReadOptions
    from ktt_cli.validation import validate as check

    names = files or []
    try:
        check_encoding(encoding)
        names = expanded(names)  # `returns/*.xlsx` where the shell leaves it as typed
        all_sources = sources(names, what="targets or actuals") if names else []
        done = check(all_sources, targets, ReadOptions(number_format, encoding, sheet))
    except UsageProblem as e:
        usage_exit(e)
    log = done.log
    if output_format is TextOrJson.JSON:
        from ktt_cli.render.json import problems_json

        problems = [p.in_language(lang.value, done.called(lang.value)) for p in log]
        typer.echo(problems_json(problems, log.unlisted(), lang.value), nl=False)
    else:
        print_problems(log, sys.stdout, lang.value, done.called(lang.value))
        checked = ", ".join(done.names)
        counts = {"errors": log.errors, "warnings": log.warnings}
        if log.errors:  # a count for people, on stderr: stdout is problem lines only
            typer.echo(f"{checked}: {_SUMMARY[lang]['errors'].format(**counts)}", err=True)
        else:
            warned = _SUMMARY[lang]["warned"].format(**counts) if log.warnings else ""
            typer.echo(printable(f"{checked}: {_SUMMARY[lang]['valid']}{warned}"))
    raise typer.Exit(EXIT_PROBLEMS if log.errors else EXIT_OK)
