"""The actuals as read: observations of each indicator for the whole territory."""

from __future__ import annotations

from typing import NamedTuple

from ktt_cli.periods import Period

#: Comparison words a value cell may start with, when a source gives only a bound
#: ("more than 5.300"): the figure is used, and the report says it is a bound.
QUALIFIERS = {">": "more than", "≥": "at least", "<": "less than", "≤": "at most", "≈": "about"}


class Observation(NamedTuple):
    period: Period
    value: float
    file: str
    line: int
    qualifier: str | None = None
    source: str | None = None
    note: str | None = None


class Actuals(NamedTuple):
    """One data set read from one or more files."""

    files: tuple[str, ...]
    #: Territory observations (blank region) of each indicator, oldest first.
    series: dict[str, tuple[Observation, ...]]
    #: How many regions have rows, for each indicator that has region rows.
    regions: dict[str, int]
    #: The latest period of any row: the default `as_of`.
    latest: Period | None = None
    rows: int = 0  # figures kept: one per indicator, region and period

    def latest_at(self, indicator: str, as_of: Period) -> Observation | None:
        """The last territory observation that ends no later than `as_of` ends."""
        due = [o for o in self.series.get(indicator, ()) if o.period.time <= as_of.time]
        return due[-1] if due else None
