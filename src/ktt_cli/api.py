"""ktt from Python: the same reading, the same maths and the same outputs as the command
line, for a notebook, a dashboard or a larger pipeline (SPEC §12).

    import ktt_cli

    programme = ktt_cli.load_programme("yen-bai-nq20")       # or a path to a YAML file
    actuals = ktt_cli.read_actuals(["examples/actuals.csv"], programme)
    report = ktt_cli.build_report(programme, actuals, milestones=[2030])
    print(ktt_cli.render(report, "markdown", lang="en"))

Nothing here prints. Problems come back as values (`Problem`: code, place, message in
the language asked for); input that cannot be acted on raises `KttError`, which carries
them. The command line is one caller of these functions: `ktt report -f json` writes
`render(build_report(...), "json")`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, NamedTuple, cast

from ktt_cli.errors import KttError
from ktt_cli.figures_text import NumberStyle
from ktt_cli.load.text import Source
from ktt_cli.localise import say
from ktt_cli.messages import usage
from ktt_cli.model import TargetsFile
from ktt_cli.paths import UsageProblem, sources, targets_source
from ktt_cli.periods import Period
from ktt_cli.problems import Problem, ProblemLog, printable
from ktt_cli.results import Report

if TYPE_CHECKING:
    from ktt_cli.load.collect_state import ReadOptions
    from ktt_cli.store import Actuals

#: What `read_actuals` and `validate` read: a path (`-` is standard input), a file
#: object opened for reading (bytes or text), read whole, or a `Source` (a name to show
#: and how to open it as bytes).
Input = str | os.PathLike[str] | IO[bytes] | IO[str] | Source


class Programme(NamedTuple):
    """A programme of targets and the name of the file it was read from, as reports show
    it (`bundled:yen-bai-nq20` for a bundled one)."""

    file: str
    targets: TargetsFile

    @property
    def id(self) -> str:
        return self.targets.programme.id

    def called(self, lang: str) -> dict[str, str]:
        """Its indicators' names in `lang`, by id: how messages name them."""
        return {i.id: i.name.pick(lang) for i in self.targets.indicators}


class Readings(NamedTuple):
    """The actuals read against a programme, and the warnings found while reading them."""

    programme: Programme
    actuals: Actuals
    warnings: tuple[Problem, ...] = ()
    unlisted_warnings: int = 0  # counted while reading but not kept


def load_programme(
    path_or_id: str | os.PathLike[str] | None = None, *, lang: str = "vi"
) -> Programme:
    """The programme in a targets file (a path) or bundled with ktt (its id, such as
    `yen-bai-nq20`; None: the default one). Raises KttError with every problem of the
    file, in `lang`, when it is not a valid programme."""
    from ktt_cli.targets_file import read_targets, read_targets_bytes

    value = None if path_or_id is None else os.fspath(path_or_id)
    with _in_language(lang):
        name, path = targets_source(value)
    log = ProblemLog()
    programme = read_targets(read_targets_bytes(path), name, log)
    if programme is None:
        raise KttError(
            say(usage("usage.targets_errors", name=name, errors=log.errors), lang),
            [p.in_language(lang) for p in log],
            log.unlisted(),
        )
    return Programme(name, programme)


def read_actuals(
    files: Input | Iterable[Input],
    programme: Programme,
    *,
    encoding: str | None = None,
    number_format: NumberStyle | str = NumberStyle.AUTO,
    sheet: str | int | None = None,
    lang: str = "vi",
) -> Readings:
    """The figures of one or more actuals files (CSV or text, .xlsx, .xlsm, .ods, in any
    mix) against `programme`, as `ktt report` reads them: `encoding` when the file does
    not say its own, `number_format` (auto, dot or comma) for figures such as `1.234`,
    `sheet` (a name or a 1-based number) for a workbook. Raises KttError with every
    problem, in `lang`, when a file has errors; the warnings go into the report."""
    from ktt_cli.load.collect import read_actuals as collect

    with _in_language(lang):
        options = read_options(encoding, number_format, sheet)
        given = _sources(files)
    log = ProblemLog()
    data = collect(given, programme.targets, options, log)
    if log.errors:
        raise KttError(
            say(usage("usage.actuals_errors", errors=log.errors), lang),
            [p.in_language(lang, programme.called(lang)) for p in log],
            log.unlisted(),
            programme.called(lang),
        )
    return Readings(programme, data, tuple(log.of_severity("warning")), log.unlisted("warning"))


def build_report(
    programme: Programme,
    actuals: Readings,
    *,
    as_of: str | Period | None = None,
    milestones: Iterable[int] = (),
    indicators: Iterable[str] = (),
    by_region: bool = False,
    regions: Iterable[str] = (),
    compare: str | Period | None = None,
    lang: str = "vi",
) -> Report:
    """The report of `ktt report` with the same choices as its options: `as_of` (a period
    such as `2025-06`; None: the latest figure's), `milestones` and `indicators` to keep
    (none: all), `by_region` for a row per region (implied by naming `regions`), `compare`
    (an earlier period, or `previous`). Its warnings are in `lang`. Raises KttError for a
    choice the programme or the data cannot meet (a milestone it does not have)."""
    from ktt_cli.coverage import not_reported
    from ktt_cli.report import build_report as build
    from ktt_cli.report_options import (
        as_of_period,
        check_filters,
        compare_period,
        region_keys,
    )

    if actuals.programme.targets is not programme.targets:
        raise ValueError("the actuals were read against another programme")
    milestones, indicators, regions = list(milestones), list(indicators), list(regions)
    data = actuals.actuals
    with _in_language(lang):
        period = as_of_period(as_of)
        check_filters(programme.targets, milestones, indicators)
        earlier = compare_period(compare, period or data.latest)
        keys = region_keys(programme.targets, data, regions)
    report = build(
        programme.targets,
        data,
        targets_file=programme.file,
        as_of=period,
        milestones=milestones,
        indicators=indicators,
        reading_warnings=[
            *actuals.warnings,
            *not_reported(programme.targets, data, period, programme.file),  # SPEC §11
        ],
        unlisted_warnings=actuals.unlisted_warnings,
        compare_with=earlier,
        by_region=by_region or bool(regions),
        regions=keys,
    )
    called = programme.called(lang)
    return report._replace(warnings=tuple(p.in_language(lang, called) for p in report.warnings))


def render(report: Report, format: str = "table", *, lang: str = "vi") -> str | bytes:
    """`report` as `ktt report --format` writes it: `table`, `json`, `csv`, `markdown`,
    `html` (text) or `xlsx` (bytes), labelled in `lang` (vi or en)."""
    from ktt_cli.render import report_in

    return report_in(report, format, lang)


def validate(
    *files: Input,
    targets: str | os.PathLike[str] | None = None,
    encoding: str | None = None,
    number_format: NumberStyle | str = NumberStyle.AUTO,
    sheet: str | int | None = None,
    lang: str = "vi",
) -> list[Problem]:
    """Every problem of targets and actuals files in any mix, as `ktt validate` finds
    them, in `lang`: an empty list when all is well. Actuals are checked against
    `targets` (a path or a bundled id), else the one targets file among `files`, else the
    default programme; with no files, that programme is checked. Raises KttError only
    when an argument names nothing (a file that is not there)."""
    from ktt_cli.validation import validate as check

    with _in_language(lang):
        options = read_options(encoding, number_format, sheet)
        given = _sources(files, "targets or actuals") if files else []
        done = check(given, None if targets is None else os.fspath(targets), options)
    called = done.called(lang)
    return [p.in_language(lang, called) for p in done.log]


def read_options(
    encoding: str | None,
    number_format: NumberStyle | str,
    sheet: str | int | None,
) -> ReadOptions:
    """The reading options of `--encoding`, `--number-format` and `--sheet`, checked."""
    from ktt_cli.load.collect_state import ReadOptions
    from ktt_cli.load.text import encoding_problem

    if encoding is not None and (problem := encoding_problem(encoding)):
        raise UsageProblem(problem.on(f"--encoding {encoding}"))
    try:
        style = NumberStyle(number_format)
    except ValueError:
        choices = ", ".join(s.value for s in NumberStyle)
        name = f"--number-format {number_format}"
        raise UsageProblem(usage("usage.choose", name=name, choices=choices)) from None
    return ReadOptions(style, encoding, None if sheet is None else str(sheet))


def _sources(files: Input | Iterable[Input], what: str = "actuals") -> list[Source]:
    """Sources in the order given: paths checked all together (UsageProblem naming every
    one that cannot be read), file objects read whole."""
    if isinstance(files, (str, os.PathLike, Source)) or hasattr(files, "read"):
        files = [cast("Input", files)]
    items = list(files)
    names = [os.fspath(i) for i in items if isinstance(i, (str, os.PathLike))]
    opened = iter(sources(names, what=what) if names or not items else [])
    made: list[Source] = []
    for k, item in enumerate(items):
        if isinstance(item, (str, os.PathLike)):
            made.append(next(opened))
        elif isinstance(item, Source):
            made.append(item)
        else:
            made.append(_object_source(item, k))
    return made


@contextmanager
def _in_language(lang: str) -> Iterator[None]:
    """A usage problem raised within, said in `lang`: the KttError the API raises."""
    try:
        yield
    except UsageProblem as e:
        raise e.in_language(lang) from None


def _object_source(stream: IO[bytes] | IO[str], k: int) -> Source:
    """A file object as a source: named by its `name` (else `<stream N>`), read whole now
    and never closed (it is the caller's)."""
    name = getattr(stream, "name", None)
    shown = (
        printable(os.fspath(name)) if isinstance(name, (str, os.PathLike)) else f"<stream {k + 1}>"
    )
    data = stream.read()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return Source(shown, lambda: io.BufferedReader(io.BytesIO(raw)))


__all__ = [
    "Input",
    "KttError",
    "Problem",
    "Programme",
    "Readings",
    "Report",
    "build_report",
    "load_programme",
    "read_actuals",
    "render",
    "validate",
]
