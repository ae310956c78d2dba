"""What a report is made of: a result of an indicator against a target, the report that
holds them, and how one result is made and warned about (SPEC §4, §5)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ktt_cli import __version__
from ktt_cli.compare import Change, Previous
from ktt_cli.figures_text import plain_number
from ktt_cli.messages import message
from ktt_cli.model import Indicator, LocalText, Programme, Qualitative, Target
from ktt_cli.periods import Period
from ktt_cli.problems import Place, Problem
from ktt_cli.progress import Assessment, Goal, Point, Status, assess, growth_path
from ktt_cli.store import QUALIFIERS, Actuals, Figure, Observation
from ktt_cli.units import Comparator, Unit, natural_range

SCHEMA_VERSION = 1


#: What a result is the same result of at another period: indicator, milestone, scope, region.
ChangeKey = tuple[str, int, str, str | None]


class Result(NamedTuple):
    """One indicator against one milestone target. Field names are the JSON keys."""

    indicator: str
    name: LocalText
    unit: Unit
    share_of: LocalText | None
    milestone: int
    comparator: Comparator
    target: float | None  # None: a region with no target of its own
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
    target_scope: str = "territory"  # or "each_region" (SPEC §8)
    #: An `each_region` target: how many regions meet it, of how many; those that do not.
    regions_met: int | None = None
    regions_total: int | None = None
    regions_not_met: tuple[str, ...] | None = None
    #: A row of the breakdown: the region (None for the territory), its code, and its
    #: latest figure over the territory's at the same period × 100 (counts and persons).
    region: str | None = None
    region_id: str | None = None
    share_of_territory: float | None = None
    #: The periods of `actual` and `baseline` (their texts are `actual_period` and
    #: `baseline_period`), and for a territory result the paths of its chart (SPEC §4):
    #: required, baseline to target; projected, latest figure to the projected value.
    actual_at: Period | None = None
    baseline_at: Period | None = None
    required_path: tuple[Point, ...] = ()
    projected_path: tuple[Point, ...] = ()

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def status_reason(self) -> str | None:
        """Why the status is `insufficient_data` (`no_baseline`, `short_span`); None else."""
        return self.assessment.status_reason


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
    #: With --compare: the earlier period, and for each result and breakdown row (by
    #: `change_key`) what it was then.
    compared_with: Period | None = None
    changes: dict[ChangeKey, tuple[Previous | None, Change]] = {}  # noqa: RUF012 - not mutated
    #: With `--by region`: a row per region for each indicator and milestone (SPEC §8).
    breakdown: tuple[Result, ...] = ()
    by_region: bool = False
    #: The programme block (issuer, territory, place, signer: the report document's header)
    #: and the programme's heading of each indicator that has one (its `group`).
    programme: Programme | None = None
    groups: dict[str, LocalText] = {}  # noqa: RUF012 - never mutated

    @property
    def milestones(self) -> list[int]:
        return sorted({r.milestone for r in self.results})

    def change_of(self, result: Result) -> tuple[Previous | None, Change] | None:
        """What `result` (or a breakdown row) was at the earlier period, with --compare."""
        return self.changes.get(change_key(result)) if self.compared_with else None


def change_key(result: Result) -> ChangeKey:
    """What a result is the same result of, at another period: indicator, milestone, scope
    and region."""
    return (result.indicator, result.milestone, result.target_scope, result.region)


class _Baseline(NamedTuple):
    period: Period
    value: float
    #: The territory's figure it is, for warnings; None for the baseline the targets file
    #: declares, and for a region's (a breakdown row warns of nothing).
    observation: Observation | None


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


class _InRegion(NamedTuple):
    """What a row of the breakdown adds to a result."""

    target_scope: str
    region: str | None
    region_id: str | None
    share_of_territory: float | None


_WHOLE = _InRegion("territory", None, None, None)  # a result, not a row of the breakdown


def _result(
    indicator: Indicator,
    target: Target,
    latest: Observation | Figure | None,
    baseline: _Baseline | None,
    as_of: Period | None,
    where: _InRegion | None = None,
) -> Result:
    goal = Goal(target.comparator, target.level, target.year, target.band)
    assessment = assess(
        goal,
        Point(latest.period.time, latest.value) if latest else None,
        Point(baseline.period.time, baseline.value) if baseline else None,
        as_of=as_of.time if as_of else None,
        bounds=natural_range(indicator.unit),
    )
    made = _made(indicator, target, target.level, latest, baseline, assessment, where)
    method = assessment.growth_method
    if where is not None or method is None:
        return made  # a breakdown's row has no chart
    goal_point = Point(float(target.year), target.level)
    required = (
        growth_path(Point(baseline.period.time, baseline.value), goal_point, method)
        if baseline is not None
        else ()
    )
    projected = (
        growth_path(
            Point(latest.period.time, latest.value),
            Point(goal_point.time, assessment.projected),
            method,
        )
        if latest is not None and assessment.projected is not None
        else ()
    )
    return made._replace(required_path=required, projected_path=projected)


def _made(
    indicator: Indicator,
    target: Target,
    level: float | None,
    latest: Observation | Figure | None,
    baseline: _Baseline | None,
    assessment: Assessment,
    where: _InRegion | None = None,
) -> Result:
    """A result of `indicator` against `target` (measured against `level`); a row of the
    breakdown `where` a region is given. (Made by position: a breakdown makes thousands.)"""
    w = where or _WHOLE
    return Result(
        indicator.id,
        indicator.name,
        indicator.unit,
        indicator.share_of,
        target.year,
        target.comparator,
        level,
        target.text,
        target.note,
        latest.value if latest else None,
        latest.period.text if latest else None,
        latest.qualifier if latest else None,
        latest.source if latest else None,
        latest.note if latest else None,
        baseline.value if baseline else None,
        baseline.period.text if baseline else None,
        assessment,
        w.target_scope,
        None,  # regions_met, regions_total, regions_not_met: of an each_region result
        None,
        None,
        w.region,
        w.region_id,
        w.share_of_territory,
        latest.period if latest else None,
        baseline.period if baseline else None,
    )


def _against_threshold(
    indicator: Indicator,
    target: Target,
    latest: Figure | None,
    baseline: _Baseline | None,
    as_of: Period | None,
    where: _InRegion,
) -> Result:
    """A region's row of an `each_region` target: its figure against the threshold, met
    or not (SPEC §8). A threshold is no amount to reach a share of: 11 cooperatives
    against "at least 1" are not 1.100% of anything, so no percent is given."""
    result = _result(indicator, target, latest, baseline, as_of, where)
    figures = result.assessment._replace(percent_achieved=None, progress_from_baseline=None)
    return result._replace(assessment=figures)


def _no_target(
    indicator: Indicator,
    target: Target,
    latest: Figure | None,
    baseline: _Baseline | None,
    where: _InRegion,
) -> Result:
    """A region's figures where the target is not shared out to it: nothing to assess."""
    return _made(indicator, target, None, latest, baseline, Assessment(Status.NO_TARGET), where)


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
        if observation is not None and observation.qualifier in QUALIFIERS:
            estimate = observation.qualifier == "≈"  # an estimate is no bound
            yield _warning(
                observation,
                "estimate_used" if estimate else "bound_used",
                indicator=indicator.id,
                role=role,
                period=observation.period,
                bound=QUALIFIERS[observation.qualifier or ""],
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
    return Problem.of(Place(o.file, o.line, o.sheet, o.cell), message(code, **values), "warning")
