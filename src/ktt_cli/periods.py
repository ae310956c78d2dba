"""Reporting periods and their time in years.

A period's time is the moment it *ends* (SPEC §4): the year 2024 ends at 2024.0,
June 2024 at 2023.5, the second quarter of 2024 at 2023.5, 30/6/2024 at
2023 + 182/366. Periods that end at the same moment are ordered coarse after
fine, so that an annual figure counts as later than the December figure of the
same year: annual figures are the official ones.
"""

from __future__ import annotations

import re
from datetime import date
from enum import IntEnum
from typing import NamedTuple

from ktt_cli.problems import shown

ACCEPTED_FORMS = "2024, 2024-Q2 (2024Q2, Q2/2024), 2024-06 (06/2024), 2024-06-30"
FIRST_YEAR, LAST_YEAR = 1900, 2199


class Granularity(IntEnum):
    """The kind of a period; the value orders periods that end at the same time."""

    DAY = 0
    MONTH = 1
    QUARTER = 2
    YEAR = 3


class PeriodError(ValueError):
    """A text that is not a period in one of the accepted forms."""


class Period(NamedTuple):
    """A year, quarter, month or day, with its canonical text and its time in years.

    (The text and the time follow from the other fields, so they never make two
    periods differ on their own.)
    """

    granularity: Granularity
    year: int
    number: int  # quarter 1-4, month 1-12, day of year 1-366; 0 for a whole year
    text: str
    time: float

    @property
    def sort_key(self) -> tuple[float, int]:
        return (self.time, self.granularity)

    def __str__(self) -> str:
        return self.text


_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])|[Qq]([1-4])[/-](\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def year_period(year: int) -> Period:
    _check_year(year)
    return Period(Granularity.YEAR, year, 0, str(year), float(year))


def parse_period(text: str) -> Period:
    """Read a period in any accepted form; raise PeriodError naming the forms."""
    s = text.strip()
    if m := _YEAR.fullmatch(s):
        return year_period(int(m[1]))
    if m := _QUARTER.fullmatch(s):
        year, quarter = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        _check_year(year)
        return Period(
            Granularity.QUARTER, year, quarter, f"{year}-Q{quarter}", year - 1 + quarter / 4
        )
    if m := _MONTH.fullmatch(s):
        year, month = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        _check_year(year)
        if not 1 <= month <= 12:
            raise PeriodError(f"{shown(s)} has no month {month}; months run from 01 to 12")
        return Period(Granularity.MONTH, year, month, f"{year}-{month:02d}", year - 1 + month / 12)
    if m := _DAY.fullmatch(s):
        year = int(m[1])
        _check_year(year)
        try:
            day = date(year, int(m[2]), int(m[3]))
        except ValueError:
            raise PeriodError(f"{shown(s)} is not a date in the calendar") from None
        day_of_year = day.timetuple().tm_yday
        days_in_year = 366 if date(year, 12, 31).timetuple().tm_yday == 366 else 365
        return Period(
            Granularity.DAY,
            year,
            day_of_year,
            day.isoformat(),
            year - 1 + day_of_year / days_in_year,
        )
    if not s:
        raise PeriodError(f"the period is empty; write one of {ACCEPTED_FORMS}")
    raise PeriodError(f"{shown(s)} is not a period; write one of {ACCEPTED_FORMS}")


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"the year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
