"""Change since an earlier period (SPEC §10): two reports of one data set, side by side.

The earlier report is the same pure computation with an earlier `as_of`; this
module only sets a result beside its counterpart then: what it was (`previous`)
and what moved (`change`). Statuses are ordered from worst to best; a status
outside that order (no data, insufficient data, no target) cannot be compared.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from ktt_cli.periods import Period
from ktt_cli.progress import Status

#: Worst to best (SPEC §10).
ORDER = (
    Status.MISSED,
    Status.DETERIORATION,
    Status.LIMITED_PROGRESS,
    Status.NEEDS_ACCELERATION,
    Status.ON_TRACK,
    Status.ACHIEVED,
)


class StatusChange(StrEnum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    SAME = "same"
    NOT_COMPARABLE = "not_comparable"


class Figures(NamedTuple):
    """What a comparison needs of a result: its figure, its share achieved, its status."""

    actual: float | None
    actual_period: str | None
    percent_achieved: float | None
    status: Status
    actual_at: Period | None = None  # the period of `actual_period`


class Previous(NamedTuple):
    as_of: str
    actual: float
    actual_period: str | None
    percent_achieved: float | None
    status: Status
    actual_at: Period | None = None  # the period of `actual_period`


class Change(NamedTuple):
    actual: float | None
    percent_achieved: float | None
    status_change: StatusChange


def compare(
    now: Figures, then: Figures | None, then_as_of: Period
) -> tuple[Previous | None, Change]:
    """`now` beside `then` (None, or without a figure: there was nothing to compare with)."""
    if then is None or then.actual is None:
        return None, Change(None, None, StatusChange.NOT_COMPARABLE)
    previous = Previous(
        then_as_of.text,
        then.actual,
        then.actual_period,
        then.percent_achieved,
        then.status,
        then.actual_at,
    )
    return previous, Change(
        _difference(now.actual, then.actual),
        _difference(now.percent_achieved, then.percent_achieved),
        status_change(then.status, now.status),
    )


def status_change(then: Status, now: Status) -> StatusChange:
    if then not in ORDER or now not in ORDER:
        return StatusChange.NOT_COMPARABLE
    before, after = ORDER.index(then), ORDER.index(now)
    if after > before:
        return StatusChange.IMPROVED
    if after < before:
        return StatusChange.WORSENED
    return StatusChange.SAME


def _difference(now: float | None, then: float | None) -> float | None:
    return None if now is None or then is None else now - then
