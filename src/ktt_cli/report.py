"""A programme and its actuals -> the report: a result per indicator and milestone.

Pure and language-neutral: chooses the latest figure and the baseline for each
target, applies `progress.assess`, and says what an analyst should know about
the figures used (a bound used as a value, figures only after `as_of`).
Renderers choose the language and format it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ktt_cli import __version__
from ktt_cli.compare import Change, Figures, Previous, compare
from ktt_cli.messages import said
from ktt_cli.model import (
    Comparator,
    Indicator,
    LocalText,
    Qualitative,
    Target,
    TargetsFile,
    Unit,
    natural_range,
)
from ktt_cli.numbers import plain_number
from ktt_cli.periods import Period
from ktt_cli.problems import Problem
from ktt_cli.progress import Assessment, Goal, Point, Status, assess
from ktt_cli.store import QUALIFIERS, Actuals, Observation

SCHEMA_VERSION = 1


class Result(NamedTuple):
    """One indicator against one milestone target. Field names are the JSON keys."""

    indicator: str
    name: LocalText
    unit: Unit
    share_of: LocalText | None
    milestone: int
    comparator: Comparator
    target: float
    target_text: str
    target_note: LocalText | None
    actual: float | None
    actual_period: str | None
    actual_qualifier: str | None
    actual_source: str | None
    actual_note: str | None
    baseline: float | None
    baseline_period: str | None
    assessment: Assessment

    @property
    def status(self) -> Status:
        return self.assessment.status


class Report(NamedTuple):
    programme_id: str
    programme_name: LocalText
    targets_file: str
    actuals_files: tuple[str, ...]
    as_of: Period | None
    results: tuple[Result, ...]
    qualitative: tuple[Qualitative, ...]
    warnings: tuple[Problem, ...] = ()
    unlisted_warnings: int = 0  # counted while reading but not kept
    ktt_version: str = __version__
    #: Territory observations of each reported indicator up to `as_of`, oldest first: for charts.
    series: dict[str, tuple[Observation, ...]] = {}  # noqa: RUF012 - never mutated
    #: With --compare: the earlier period, and beside each result what it was then.
    compared_with: Period | None = None
    changes: tuple[tuple[Previous | None, Change], ...] = ()

    @property
    def milestones(self) -> list[int]:
        return sorted({r.milestone for r in self.results})

    def change_of(self, result: Result) -> tuple[Previous | None, Change] | None:
        """What `result` was at the earlier period, with --compare; else None."""
        return self.changes[self.results.index(result)] if self.changes else None


def build_report(
    targets: TargetsFile,
    actuals: Actuals,
    *,
    targets_file: str,
    as_of: Period | None = None,
    milestones: Iterable[int] = (),
    indicators: Iterable[str] = (),
    reading_warnings: Iterable[Problem] = (),
    unlisted_warnings: int = 0,
    compare_with: Period | None = None,
) -> Report:
    """Results for every (indicator, milestone) pair kept by the filters, in file order.

    `reading_warnings` (from reading the actuals; `unlisted_warnings` more were only
    counted) come first among the report's warnings. With `compare_with`, the same
    report at that earlier period is set beside each result (SPEC §10).
    """
    as_of = as_of or actuals.latest
    wanted_years, wanted_ids = set(milestones), set(indicators)
    results: list[Result] = []
    warnings: list[Problem] = list(reading_warnings)
    series: dict[str, tuple[Observation, ...]] = {}
    for indicator in targets.indicators:
        if wanted_ids and indicator.id not in wanted_ids:
            continue
        latest = actuals.latest_at(indicator.id, as_of) if as_of else None
        baseline = _baseline(indicator, actuals, latest)
        warnings.extend(_warnings(indicator, actuals, latest, baseline, as_of))
        if as_of is not None:
            due = (o for o in actuals.series.get(indicator.id, ()) if o.period.time <= as_of.time)
            series[indicator.id] = tuple(due)
        for target in indicator.targets:
            if wanted_years and target.year not in wanted_years:
                continue
            results.append(_result(indicator, target, latest, baseline, as_of))
    results.sort(key=lambda r: r.milestone)  # stable: file order within a milestone
    qualitative = tuple(
        q for q in targets.qualitative if not wanted_years or q.year in wanted_years
    )
    report = Report(
        programme_id=targets.programme.id,
        programme_name=targets.programme.name,
        targets_file=targets_file,
        actuals_files=actuals.files,
        as_of=as_of,
        results=tuple(results),
        qualitative=qualitative if not wanted_ids else (),
        warnings=tuple(warnings),
        unlisted_warnings=unlisted_warnings,
        series=series,
    )
    if compare_with is None:
        return report
    then = build_report(
        targets,
        actuals,
        targets_file=targets_file,
        as_of=compare_with,
        milestones=wanted_years,
        indicators=wanted_ids,
    )
    changes = tuple(
        compare(_figures(now), _figures(before), compare_with)
        for now, before in zip(report.results, then.results, strict=True)
    )
    if all(r.actual is None for r in then.results):
        message, args = said("nothing_to_compare", {"period": compare_with})
        warnings.append(
            Problem("--compare", None, None, "nothing_to_compare", message, "warning", args=args)
        )
    return report._replace(compared_with=compare_with, changes=changes, warnings=tuple(warnings))


def _figures(result: Result) -> Figures:
    a = result.assessment
    return Figures(result.actual, result.actual_period, a.percent_achieved, a.status)


class _Baseline(NamedTuple):
    period: Period
    value: float
    observation: Observation | None  # None for the baseline the targets file declares


def _baseline(
    indicator: Indicator, actuals: Actuals, latest: Observation | None
) -> _Baseline | None:
    """The declared baseline if earlier than the latest figure, else the earliest figure."""
    if latest is None:
        return None
    declared = indicator.baseline
    if declared is not None and declared.period.time < latest.period.time:
        return _Baseline(declared.period, declared.value, None)
    earliest = actuals.series[indicator.id][0]
    if earliest.period.time < latest.period.time:
        return _Baseline(earliest.period, earliest.value, earliest)
    return None


def _result(
    indicator: Indicator,
    target: Target,
    latest: Observation | None,
    baseline: _Baseline | None,
    as_of: Period | None,
) -> Result:
    goal = Goal(target.comparator, target.level, target.year, target.band)
    assessment = assess(
        goal,
        Point(latest.period.time, latest.value) if latest else None,
        Point(baseline.period.time, baseline.value) if baseline else None,
        as_of=as_of.time if as_of else None,
        bounds=natural_range(indicator.unit),
    )
    return Result(
        indicator=indicator.id,
        name=indicator.name,
        unit=indicator.unit,
        share_of=indicator.share_of,
        milestone=target.year,
        comparator=target.comparator,
        target=target.level,
        target_text=target.text,
        target_note=target.note,
        actual=latest.value if latest else None,
        actual_period=latest.period.text if latest else None,
        actual_qualifier=latest.qualifier if latest else None,
        actual_source=latest.source if latest else None,
        actual_note=latest.note if latest else None,
        baseline=baseline.value if baseline else None,
        baseline_period=baseline.period.text if baseline else None,
        assessment=assessment,
    )


def _warnings(
    indicator: Indicator,
    actuals: Actuals,
    latest: Observation | None,
    baseline: _Baseline | None,
    as_of: Period | None,
) -> Iterable[Problem]:
    series = actuals.series.get(indicator.id, ())
    if latest is None and series and as_of is not None:
        first = series[0]
        yield _warning(
            first, "after_as_of", indicator=indicator.id, as_of=as_of, first=first.period
        )
    yield from _baseline_disagrees(indicator, series)
    if latest is not None and as_of is not None:
        yield from _stale_figure(indicator, latest, as_of)
    used = [(latest, "latest figure")]
    if baseline is not None and baseline.observation is not None:
        used.append((baseline.observation, "baseline"))
    for observation, role in used:
        if observation is not None and observation.qualifier:
            yield _warning(
                observation,
                "bound_used",
                indicator=indicator.id,
                role=role,
                period=observation.period,
                bound=QUALIFIERS[observation.qualifier],
                value=plain_number(observation.value),
            )


def _baseline_disagrees(indicator: Indicator, series: Iterable[Observation]) -> Iterable[Problem]:
    """A figure of the data at the declared baseline's moment that is not the declared one."""
    declared = indicator.baseline
    if declared is None:
        return
    for o in series:
        if o.period.time == declared.period.time and o.value != declared.value:
            yield _warning(
                o,
                "baseline_disagrees",
                indicator=indicator.id,
                value=plain_number(o.value),
                period=o.period,
                declared=plain_number(declared.value),
                declared_period=declared.period,
            )


def _stale_figure(indicator: Indicator, latest: Observation, as_of: Period) -> Iterable[Problem]:
    """The figure used is older than a milestone that has passed at the report's date."""
    for year in sorted({t.year for t in indicator.targets}):
        if latest.period.time < year <= as_of.time:
            yield _warning(
                latest,
                "stale_figure",
                indicator=indicator.id,
                year=year,
                as_of=as_of,
                period=latest.period,
            )


def _warning(observation: Observation, code: str, **values: object) -> Problem:
    """A warning about a figure, placed where the figure is (a line, or a sheet's cell)."""
    o = observation
    message, args = said(code, values)
    return Problem(o.file, o.line, None, code, message, "warning", o.sheet, o.cell, args)
