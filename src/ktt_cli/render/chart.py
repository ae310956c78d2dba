"""The points of an indicator's trajectory chart: what to plot, not how.

Every point is the report's own: the figures of its series, the baseline and the
latest figure at their periods, and the paths the report drew with the maths of
SPEC §4 (`progress.growth_path`): the required path from the baseline to the target,
and the projection from the latest figure to the projected value at the milestone.
"""

from __future__ import annotations

from typing import NamedTuple

from ktt_cli.progress import Point, Status
from ktt_cli.results import Report, Result
from ktt_cli.units import Unit


class Track(NamedTuple):
    """One milestone target of the indicator and how the figures head towards it."""

    milestone: int
    target: Point
    status: Status
    required: tuple[Point, ...]  # empty without a baseline to measure from
    projection: tuple[Point, ...]  # empty without a projection


class Chart(NamedTuple):
    indicator: str
    unit: Unit
    observations: tuple[Point, ...]
    baseline: Point | None
    tracks: tuple[Track, ...]  # by milestone
    earlier: Point | None = None  # with --compare: the figure used at the earlier period


def chart_points(report: Report, indicator: str) -> Chart | None:
    """The chart of `indicator`, or None when the report holds no figure for it."""
    results = sorted(
        (
            r
            for r in report.results
            if r.indicator == indicator and r.target_scope == "territory" and r.target is not None
        ),
        key=lambda r: r.milestone,
    )
    observations = tuple(Point(o.period.time, o.value) for o in report.series.get(indicator, ()))
    if not results or not observations:
        return None
    first = results[0]
    baseline = (
        Point(first.baseline_at.time, first.baseline)
        if first.baseline is not None and first.baseline_at is not None
        else None
    )
    return Chart(
        indicator,
        first.unit,
        observations,
        baseline,
        tuple(_track(r) for r in results),
        _earlier(report, first),
    )


def _earlier(report: Report, result: Result) -> Point | None:
    found = report.change_of(result)
    previous = found[0] if found else None
    if previous is None or previous.actual_at is None:
        return None
    return Point(previous.actual_at.time, previous.actual)


def _track(result: Result) -> Track:
    goal = Point(float(result.milestone), result.target or 0.0)  # None never reaches a chart
    return Track(result.milestone, goal, result.status, result.required_path, result.projected_path)
