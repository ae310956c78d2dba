"""`ktt template --by region`: a form per listed region, written into a folder."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ktt_cli.cli.options import fail, load_targets, usage_exit
from ktt_cli.inputs import UsageProblem
from ktt_cli.messages import again, usage
from ktt_cli.problems import system_error

if TYPE_CHECKING:
    from ktt_cli.periods import Period


class By(StrEnum):
    REGION = "region"


def region_forms(
    targets: str | None,
    output: str | None,
    period: str | None,
    lang: str,
    *,
    workbook: bool,
    wide: bool = False,
) -> None:
    """Write the forms (render/template_regions.py) into the folder `--output` names (made
    if it does not exist; an existing file is refused, and so is a folder that holds a
    file of a form's name: it may be a commune's return, never written over). Each file
    is written atomically; the names written are then listed on standard output."""
    from ktt_cli.coverage import expected_indicators
    from ktt_cli.output import write_atomic
    from ktt_cli.render.template_regions import region_forms as forms

    try:
        if wide:
            raise UsageProblem(usage("usage.wide_by_region"))
        folder = _folder(output)
        chosen = _period(period)
        _, programme = load_targets(targets)
        programme_id = programme.programme.id
        if not programme.regions:
            raise UsageProblem(usage("usage.no_regions", programme=programme_id))
        if not expected_indicators(programme):
            raise UsageProblem(usage("usage.nothing_expected", programme=programme_id))
    except UsageProblem as e:
        usage_exit(e)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        fail(system_error(e).on(f"--output {output}"))
    made = [
        (folder / form.file_name, form.data)
        for form in forms(programme, chosen, lang, workbook=workbook)
    ]
    there = [path for path, _ in made if path.exists()]
    if there:  # a form of an earlier run, or a commune's return saved under its name
        usage_exit(UsageProblem(usage("usage.forms_exist", file=there[0], more=len(there) - 1)))
    written = []
    for path, data in made:
        write_atomic(path, data)
        written.append(str(path))
    typer.echo("\n".join(written))  # after the files: a reader gone (`| head`) stops none


def _folder(output: str | None) -> Path:
    if output is None:
        raise UsageProblem(usage("usage.template_folder"))
    path = Path(output)
    if path.is_dir() or not path.exists():  # a new folder is made
        return path
    raise UsageProblem(usage("usage.template_folder"))


def _period(value: str | None) -> Period:
    from ktt_cli.periods import PeriodError, parse_period, previous

    if value is None:
        import datetime

        # the month whose figures are due: the one before this one
        return previous(parse_period(datetime.date.today().strftime("%Y-%m")))
    try:
        return parse_period(value)
    except PeriodError as e:
        raise UsageProblem(again("invalid_period", e.args_).on("--period")) from None
