"""What the commands share: the options they take, and how a run ends.

Each option used by more than one command is declared here once. A usage
problem (exit 2) and a failed run print `ktt: error: …` lines on standard
error; problems with a place print as `FILE:LINE: code: message`.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from ktt_cli.cli.helps import help_lang, text
from ktt_cli.inputs import UsageProblem, output_problem, targets_source
from ktt_cli.messages import Message, usage
from ktt_cli.numbers import NumberStyle
from ktt_cli.problems import printable
from ktt_cli.render.problems import problem_lines

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile
    from ktt_cli.output import Report
    from ktt_cli.problems import ProblemLog

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, EXIT_BUG = 0, 1, 2, 3


class Lang(StrEnum):
    VI = "vi"
    EN = "en"

    @staticmethod
    def of(value: str) -> Lang:
        """The language `--lang` or KTT_LANG names; an unknown one is refused in plain words."""
        try:
            return Lang(value.strip().lower())
        except ValueError:
            said = usage("usage.unknown_lang", given=printable(value))
            raise typer.BadParameter(said.text(help_lang())) from None


TargetsOption = Annotated[
    str | None,
    typer.Option(
        "--targets",
        "-t",
        metavar="FILE|ID",
        envvar="KTT_TARGETS",
        help=text("targets"),
        show_default=False,
    ),
]
LangOption = Annotated[
    Lang,
    # the default is the language of the whole command line, KTT_LANG included
    # (cli/language.py, through Click's default_map)
    typer.Option("--lang", metavar="vi|en", parser=Lang.of, help=text("lang")),
]
NumberFormatOption = Annotated[
    NumberStyle,
    typer.Option(
        "--number-format",
        envvar="KTT_NUMBER_FORMAT",
        metavar="auto|dot|comma",
        help=text("number_format"),
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="ENC",
        help=text("encoding"),
        show_default=False,
    ),
]

SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="NAME|N",
        help=text("sheet"),
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=text("output"),
        show_default=False,
    ),
]


def check_encoding(encoding: str | None) -> None:
    from ktt_cli.load.text import encoding_problem

    if encoding is not None and (problem := encoding_problem(encoding)):
        raise UsageProblem(problem.on(f"--encoding {encoding}"))


def load_targets(value: str | None) -> tuple[str, TargetsFile]:
    """The programme `--targets` names (its name as shown, and the file read); its problems
    end the run with exit 2."""
    from ktt_cli.problems import ProblemLog
    from ktt_cli.targets_file import read_targets, read_targets_bytes

    name, path = targets_source(value)
    log = ProblemLog()
    programme = read_targets(read_targets_bytes(path), name, log)
    if programme is None:
        print_problems(log, sys.stderr)
        fail(usage("usage.targets_errors", name=name, errors=log.errors))
    return name, programme


def target_path(value: str | None) -> Path:
    return targets_source(value)[1]


def print_problems(
    log: ProblemLog,
    stream: TextIO,
    lang: str | None = None,
    names: Mapping[str, str] | None = None,
) -> None:
    """The problems of `log` in `lang` (the command line's), indicators named by `names`
    (id -> name)."""
    said = lang or help_lang()
    print_lines(problem_lines(list(log), log.unlisted(), lang=said, names=names), stream)


def print_lines(lines: list[str], stream: TextIO) -> None:
    for line in lines:
        typer.echo(line, file=stream)


def usage_exit(problem: UsageProblem) -> NoReturn:
    """Usage errors, in the language of the command line."""
    for line in problem.lines(help_lang()):
        typer.echo(f"ktt: error: {line}", err=True)
    raise typer.Exit(EXIT_UNUSABLE)


def write_output(data: Report, output: Path | None, *, bom: bool = False) -> None:
    """Text (whole or in parts) or bytes to standard output, or atomically to `output` (a
    BOM first if asked: Excel then shows Vietnamese text correctly)."""
    from ktt_cli.output import write_output as write

    if bom and output is not None and not isinstance(data, bytes):
        data = itertools.chain(["\ufeff"], [data] if isinstance(data, str) else data)
    write(data, output)


def output_path(value: str | None, inputs: list[str]) -> Path | None:
    """`--output` as typed (a trailing slash names a folder), once it can be written."""
    if value is None:
        return None
    if problem := output_problem(value, inputs):
        raise UsageProblem(problem)
    return Path(value)


def refuse_terminal(binary: bool, output: Path | None, name: str) -> None:
    """A workbook is bytes for a file, never for a terminal."""
    if binary and output is None and sys.stdout.isatty():
        raise UsageProblem(usage("usage.terminal", format=name))


def fail(said: Message, code: int = EXIT_UNUSABLE) -> NoReturn:
    """A run that cannot be done, said in the language of the command line."""
    typer.echo(f"ktt: error: {printable(said.text(help_lang()))}", err=True)
    raise typer.Exit(code)
