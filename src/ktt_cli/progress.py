"""The maths of SPEC §4: where one indicator stands against one target.

Pure functions over numbers. The growth ratio is the method of Statistics
Canada / Open SDG (after Eurostat): the observed compound annual growth rate
over the rate the target requires, each from the baseline; the linear rates
stand in where a value is zero or negative and compound growth is undefined.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import NamedTuple

from ktt_cli.model import Comparator

ON_TRACK_FROM = 0.95
NEEDS_ACCELERATION_FROM = 0.6


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


class Point(NamedTuple):
    """A figure at a time in years (a period's end)."""

    time: float
    value: float


class Goal(NamedTuple):
    """What a target asks: `level` by the end of `year`, in the sense of `comparator`."""

    comparator: Comparator
    level: float
    year: int
    direction: int
    tolerance: float = 0.0


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


def is_met(goal: Goal, actual: float) -> bool:
    """Whether `actual` meets the goal now (the comparator table of SPEC §2)."""
    level = goal.level
    match goal.comparator:
        case Comparator.AT_LEAST:
            return actual >= level
        case Comparator.OVER:
            return actual > level
        case Comparator.ABOUT:
            return actual >= level * (1 - goal.tolerance)
        case Comparator.AT_MOST:
            return actual <= level
        case Comparator.UNDER:
            return actual < level
        case Comparator.ALL:
            return actual >= 100
    raise AssertionError(goal.comparator)  # pragma: no cover - the enum is closed


def assess(goal: Goal, latest: Point | None, baseline: Point | None) -> Assessment:
    """Status and figures of SPEC §4 for `latest` against `goal`.

    `baseline` is the point progress is measured from; one not earlier than
    `latest` counts as none.
    """
    if latest is None:
        return Assessment(Status.NO_DATA)
    if baseline is not None and baseline.time >= latest.time:
        baseline = None
    x, t, level, year, d = latest.value, latest.time, goal.level, goal.year, goal.direction
    met = is_met(goal, x)
    ratio, method, rate = _growth(goal, latest, baseline)
    figures = {
        "met": met,
        "gap": d * (level - x),
        "percent_achieved": _percent_achieved(d, x, level),
        "progress_from_baseline": (
            None
            if baseline is None or level == baseline.value
            else 100 * (x - baseline.value) / (level - baseline.value)
        ),
        "growth_ratio": ratio if ratio is not None and math.isfinite(ratio) else None,
        "growth_method": method,
        "projected": _projected(x, t, year, method, rate),
        "required_annual_growth": _required_growth(x, t, level, year),
    }
    if met:
        return Assessment(Status.ACHIEVED, **figures)
    if t >= year:
        return Assessment(Status.MISSED, **figures)
    if baseline is None or ratio is None:
        return Assessment(Status.INSUFFICIENT_DATA, **figures)
    return Assessment(status_of_ratio(ratio), **figures)


def status_of_ratio(ratio: float) -> Status:
    if ratio >= ON_TRACK_FROM:
        return Status.ON_TRACK
    if ratio >= NEEDS_ACCELERATION_FROM:
        return Status.NEEDS_ACCELERATION
    if ratio >= 0:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def _percent_achieved(direction: int, actual: float, level: float) -> float | None:
    numerator, denominator = (actual, level) if direction > 0 else (level, actual)
    return None if denominator == 0 else 100 * numerator / denominator


def _growth(
    goal: Goal, latest: Point, baseline: Point | None
) -> tuple[float | None, str | None, float | None]:
    """(R, "compound" or "linear", the observed annual rate), or Nones where undefined.

    Where the target asks for no change at all (its level is the baseline value),
    R is +inf, 0 or -inf by the sign of the observed change.
    """
    if baseline is None or goal.year <= baseline.time:
        return None, None, None
    x0, t0, x, t, level = baseline.value, baseline.time, latest.value, latest.time, goal.level
    try:
        if x0 > 0 and x > 0 and level > 0:
            method = "compound"
            observed = (x / x0) ** (1 / (t - t0)) - 1
            required = (level / x0) ** (1 / (goal.year - t0)) - 1
        else:
            method = "linear"
            observed = (x - x0) / (t - t0)
            required = (level - x0) / (goal.year - t0)
    except (OverflowError, ZeroDivisionError):
        return None, None, None
    signed = goal.direction * observed
    if required == 0:
        ratio = math.copysign(math.inf, signed) if signed else 0.0
    else:
        ratio = signed / abs(required)
    if math.isnan(ratio) or not math.isfinite(observed):
        return None, None, None
    return ratio, method, observed


def _projected(
    x: float, t: float, year: int, method: str | None, rate: float | None
) -> float | None:
    if rate is None or t >= year:
        return None
    try:
        value = x * (1 + rate) ** (year - t) if method == "compound" else x + rate * (year - t)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def _required_growth(x: float, t: float, level: float, year: int) -> float | None:
    if t >= year or x <= 0 or level < 0:
        return None
    try:
        value = (level / x) ** (1 / (year - t)) - 1
    except (OverflowError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None
