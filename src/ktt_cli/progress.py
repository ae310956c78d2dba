"""The maths of SPEC §4: where one indicator stands against one target.

Pure functions over numbers. The growth ratio is the method of Statistics
Canada / Open SDG (after Eurostat): the observed compound annual growth rate
over the rate the target requires, each from the baseline; the linear rates
stand in where a value is zero or negative and compound growth is undefined.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from ktt_cli.units import DIRECTION, Comparator

ON_TRACK_FROM = 0.95
NEEDS_ACCELERATION_FROM = 0.6
#: Points that draw a compound path smoothly at the size of the report's charts.
PATH_POINTS = 25


class Status(StrEnum):
    """Status codes (binding); qualitative aims have their own and are never scored."""

    NO_DATA = "no_data"
    ACHIEVED = "achieved"
    MISSED = "missed"
    INSUFFICIENT_DATA = "insufficient_data"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    QUALITATIVE = "qualitative"
    NO_TARGET = "no_target"  # a region with no target of its own (SPEC §8): never assessed


class Point(NamedTuple):
    """A figure at a time in years (a period's end)."""

    time: float
    value: float


class Goal(NamedTuple):
    """What a target asks: `level` by the end of `year`, in the sense of `comparator`."""

    comparator: Comparator
    level: float
    year: int
    tolerance: float = 0.0

    @property
    def direction(self) -> int:
        return DIRECTION[self.comparator]


class Assessment(NamedTuple):
    status: Status
    met: bool | None = None
    gap: float | None = None
    percent_achieved: float | None = None
    progress_from_baseline: float | None = None
    growth_ratio: float | None = None
    growth_method: str | None = None  # "compound" or "linear"
    projected: float | None = None
    required_annual_growth: float | None = None
    projected_bounded: bool = False  # the projection left the natural range; given at its bound
    #: Why the status is what it is, where a word is owed (SPEC §4): `no_baseline`,
    #: `short_span` for `insufficient_data`; None otherwise.
    status_reason: str | None = None


class Reason(StrEnum):
    """Why a result is `insufficient_data` (codes are binding)."""

    NO_BASELINE = "no_baseline"  # no figure earlier than the latest
    SHORT_SPAN = "short_span"  # the earliest less than a year before the latest


def is_met(goal: Goal, actual: float) -> bool:
    """Whether `actual` meets the goal now (the comparator table of SPEC §2), decided in
    decimal arithmetic on the figures as written: a figure read from `55,8` is the
    shortest decimal that reads back as the same float (`repr`), so `55,8` against
    `khoảng 62` with `tolerance: 0.1` is met (62 × 0.9 = 55.8 exactly)."""
    x, level = _decimal(actual), _decimal(goal.level)
    match goal.comparator:
        case Comparator.AT_LEAST:
            return x >= level
        case Comparator.OVER:
            return x > level
        case Comparator.ABOUT:
            return x >= level * (1 - _decimal(goal.tolerance))
        case Comparator.AT_MOST:
            return x <= level
        case Comparator.UNDER:
            return x < level
        case Comparator.ALL:
            return x >= 100
    raise AssertionError(goal.comparator)  # pragma: no cover - the enum is closed


def _decimal(value: float) -> Decimal:
    """A figure as the decimal it was written as (the shortest that reads back alike)."""
    return Decimal(repr(value)) if math.isfinite(value) else Decimal(value)


def a_year_apart(earlier: float, later: float) -> bool:
    """Whether the period ending at time `later` ends at least a year after the one ending
    at `earlier` (times of SPEC §4): on the calendar, so that June to June is a year
    whichever year is a leap year."""
    first, last = _day_at(earlier), _day_at(later)
    day = 28 if (first.month, first.day) == (2, 29) else first.day  # a year after 29/2
    return last >= date(first.year + 1, first.month, day)


def _day_at(time: float) -> date:
    """The last day of the period whose time (SPEC §4) is `time`."""
    year = math.ceil(time)
    days = 366 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 365
    day_of_year = max(1, round((time - (year - 1)) * days))
    return date.fromordinal(date(year, 1, 1).toordinal() + day_of_year - 1)


#: The natural range of a count or persons figure: 0 or more.
COUNT_RANGE: tuple[float, float | None] = (0.0, None)


def assess(
    goal: Goal,
    latest: Point | None,
    baseline: Point | None,
    *,
    as_of: float | None = None,
    bounds: tuple[float, float | None] = COUNT_RANGE,
) -> Assessment:
    """Status and figures of SPEC §4 for `latest` against `goal`.

    `baseline` is the point progress is measured from; one not earlier than
    `latest` counts as none. `as_of` is the time of the report's date (default:
    the latest figure's); the milestone is missed once it has passed. `bounds`
    is the indicator's natural range (low, high or None), where the projection
    is held. Figures too large for a float are None (JSON has no
    infinity), but the status still follows their sign: a pace a hundred
    times the one required is on track even when the ratio overflows.
    """
    if latest is None:
        return Assessment(Status.NO_DATA)
    if baseline is not None and baseline.time >= latest.time:
        baseline = None
    x, t, level, year, d = latest.value, latest.time, goal.level, goal.year, goal.direction
    met = is_met(goal, x)
    # a pace over a few months is noise: none is measured from a baseline less than a
    # year before the latest figure (SPEC §4)
    short = baseline is not None and not a_year_apart(baseline.time, t)
    growth = None if short else _growth(goal, latest, baseline)
    projected = _projected(x, t, year, growth)
    held = None if projected is None else _held(projected, bounds)
    figures = Assessment(
        Status.NO_DATA,  # replaced below
        met=met,
        gap=_finite(d * (level - x)),
        percent_achieved=_percent_achieved(d, x, level),
        progress_from_baseline=(
            None
            if baseline is None or level == baseline.value
            else _finite(100 * (x - baseline.value) / (level - baseline.value))
        ),
        growth_ratio=_finite(growth.ratio) if growth else None,
        growth_method=growth.method if growth else None,
        projected=held,
        required_annual_growth=_required_growth(x, t, level, year),
        projected_bounded=held != projected,
    )
    if met:
        return figures._replace(status=Status.ACHIEVED)
    if (t if as_of is None else as_of) >= year:
        return figures._replace(status=Status.MISSED)
    if growth is None:
        reason = Reason.SHORT_SPAN if short else Reason.NO_BASELINE
        return figures._replace(status=Status.INSUFFICIENT_DATA, status_reason=reason.value)
    return figures._replace(status=status_of_ratio(growth.ratio))


def status_of_ratio(ratio: float) -> Status:
    if ratio >= ON_TRACK_FROM:
        return Status.ON_TRACK
    if ratio >= NEEDS_ACCELERATION_FROM:
        return Status.NEEDS_ACCELERATION
    if ratio >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _percent_achieved(direction: int, actual: float, level: float) -> float | None:
    numerator, denominator = (actual, level) if direction > 0 else (level, actual)
    return None if denominator == 0 else _finite(100 * numerator / denominator)


class _Growth(NamedTuple):
    ratio: float  # R, possibly ±inf
    method: str  # "compound" or "linear"
    rate: float  # the observed rate a year: log-rate for compound, units for linear


def _growth(goal: Goal, latest: Point, baseline: Point | None) -> _Growth | None:
    """R of SPEC §4, or None without a baseline before the milestone.

    Compound rates are taken in logs, (1 + CAGR) = exp(log-rate), so that two
    figures a day apart cannot overflow the power. Where the target asks for no
    change at all (its level is the baseline value), R is +inf, 0 or -inf by the
    sign of the observed change.
    """
    if baseline is None or goal.year <= baseline.time:
        return None
    x0, t0, x, t, level = baseline.value, baseline.time, latest.value, latest.time, goal.level
    if x0 > 0 and x > 0 and level > 0:
        log_rate = (math.log(x) - math.log(x0)) / (t - t0)
        required_log_rate = (math.log(level) - math.log(x0)) / (goal.year - t0)
        observed, required = _expm1(log_rate), _expm1(required_log_rate)
        if math.isinf(observed) and math.isinf(required):  # both huge: CAGRs ~ exp(rate)
            ratio = goal.direction * math.exp(min(log_rate - required_log_rate, 709.0))
            return _Growth(ratio, "compound", log_rate)
        return _Growth(_ratio(goal.direction * observed, required), "compound", log_rate)
    observed = (x - x0) / (t - t0)
    required = (level - x0) / (goal.year - t0)
    return _Growth(_ratio(goal.direction * observed, required), "linear", observed)


def _expm1(log_rate: float) -> float:
    try:
        return math.expm1(log_rate)
    except OverflowError:
        return math.inf


def _ratio(signed_observed: float, required: float) -> float:
    if required == 0:
        return math.copysign(math.inf, signed_observed) if signed_observed else 0.0
    if math.isinf(required):  # a finite pace against an endless one
        return math.copysign(0.0, signed_observed)
    return signed_observed / abs(required)


def _projected(x: float, t: float, year: int, growth: _Growth | None) -> float | None:
    if growth is None or t >= year:
        return None
    if growth.method == "linear":
        return _finite(x + growth.rate * (year - t))
    try:
        return _finite(math.exp(math.log(x) + growth.rate * (year - t)))
    except OverflowError:
        return None


def _held(value: float, bounds: tuple[float, float | None]) -> float:
    low, high = bounds
    return max(low, value if high is None else min(high, value))


def growth_path(
    start: Point, end: Point, method: str | None, points: int = PATH_POINTS
) -> tuple[Point, ...]:
    """From `start` to `end` at the constant rate of `method` (SPEC §4): compound, the
    curve x0·(T/x0)^((s−t0)/(M−t0)) drawn through `points` points, or linear, a line.
    The required path runs from the baseline to the target, the projection from the
    latest figure to the projected value.

    Compound growth needs both values above zero; otherwise the path is straight, as
    the rates fall back to linear there.
    """
    if (
        method != "compound"
        or start.value <= 0
        or end.value <= 0
        or end.time <= start.time
        or points < 3
    ):
        return (start, end)
    ratio, span = end.value / start.value, end.time - start.time
    step = span / (points - 1)
    inner = [
        Point(s, start.value * ratio ** ((s - start.time) / span))
        for s in (start.time + k * step for k in range(1, points - 1))
    ]
    return (start, *inner, end)


def _required_growth(x: float, t: float, level: float, year: int) -> float | None:
    if t >= year or x <= 0:
        return None
    if level == 0:
        return -1.0  # down to nothing: all of it has to go
    return _finite(_expm1((math.log(level) - math.log(x)) / (year - t)))
