"""The points of an indicator's trajectory chart: what to plot, not how.

The required path is the growth the status is measured against (SPEC §4): from
the baseline to the target, compound, x0·(T/x0)^((s−t0)/(M−t0)), or a straight
line where the growth was measured linearly. The projection continues the
observed growth from the latest figure and ends at `projected` at the milestone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ktt_cli.model import Unit
from ktt_cli.periods import parse_period
from ktt_cli.progress import Point, Status
from ktt_cli.report import Report, Result

#: Points that draw a compound curve smoothly at the size of the report's charts.
CURVE_POINTS = 25


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
        (r for r in report.results if r.indicator == indicator), key=lambda r: r.milestone
    )
    observations = tuple(Point(o.period.time, o.value) for o in report.series.get(indicator, ()))
    if not results or not observations:
        return None
    first = results[0]
    baseline = (
        Point(parse_period(first.baseline_period).time, first.baseline)
        if first.baseline is not None and first.baseline_period is not None
        else None
    )
    return Chart(
        indicator,
        first.unit,
        observations,
        baseline,
        tuple(_track(r, baseline) for r in results),
        _earlier(report, first),
    )


def _earlier(report: Report, result: Result) -> Point | None:
    found = report.change_of(result)
    previous = found[0] if found else None
    if previous is None or previous.actual_period is None:
        return None
    return Point(parse_period(previous.actual_period).time, previous.actual)


def _track(result: Result, baseline: Point | None) -> Track:
    goal = Point(float(result.milestone), result.target)
    assessment = result.assessment
    method = assessment.growth_method
    required: tuple[Point, ...] = ()
    if baseline is not None and method is not None:
        required = path(baseline, goal, compound=method == "compound")
    projection: tuple[Point, ...] = ()
    if (
        assessment.projected is not None
        and result.actual is not None
        and result.actual_period is not None
        and method is not None
    ):
        latest = Point(parse_period(result.actual_period).time, result.actual)
        end = Point(goal.time, assessment.projected)
        projection = path(latest, end, compound=method == "compound")
    return Track(result.milestone, goal, result.status, required, projection)


def path(start: Point, end: Point, *, compound: bool) -> tuple[Point, ...]:
    """From `start` to `end` at a constant rate: compound (a curve) or linear (a line).

    Compound growth needs both values above zero; otherwise the line is straight,
    as the maths falls back to linear rates there.
    """
    if not compound or start.value <= 0 or end.value <= 0 or end.time <= start.time:
        return (start, end)
    ratio, span = end.value / start.value, end.time - start.time
    times = _spaced(start.time, end.time, CURVE_POINTS)
    inner = [Point(s, start.value * ratio ** ((s - start.time) / span)) for s in times[1:-1]]
    return (start, *inner, end)


def _spaced(first: float, last: float, count: int) -> Sequence[float]:
    step = (last - first) / (count - 1)
    return [first + k * step for k in range(count)]
