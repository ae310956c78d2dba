"""Reporting periods as Vietnamese offices write them, and their time in years.

A period's time is the moment it *ends* on the calendar (SPEC §4): its last day D
gives `Y − 1 + day_of_year(D)/days_in_year(Y)`. Every kind of period is timed from
its last day by that one formula, so periods that end together (`2024-06`,
`2024-Q2`, `2024-H1`, `30/6/2024`) have bit-identical times. Periods that end at
the same moment are ordered fine before coarse, so that an annual figure counts
as later than the December figure of the same year: annual figures are the
official ones.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from typing import NamedTuple

from ktt_cli.problems import shown

ACCEPTED_FORMS = (
    "năm 2024 (2024); 6 tháng đầu năm 2024 (2024-H1), 6 tháng cuối năm 2024 (2024-H2); "
    "9 tháng 2024 (2024-9M); quý II/2024 (2024-Q2); tháng 6/2024 (6/2024, 2024-06); "
    "ngày 30/6/2024 (2024-06-30)"
)
FIRST_YEAR, LAST_YEAR = 1900, 2199


class Granularity(IntEnum):
    """The kind of a period; the value orders periods that end at the same time.

    Months to date come after halves: at any month end where both kinds end
    (December), N months cover at least as much as a half.
    """

    DAY = 0
    MONTH = 1
    QUARTER = 2
    HALF = 3
    MONTHS_TO_DATE = 4
    YEAR = 5


class PeriodError(ValueError):
    """A text that is not a period in one of the accepted forms, said by the template
    `invalid_period.KEY` of messages.MESSAGES with `values`."""

    def __init__(self, key: str, /, **values: object) -> None:
        from ktt_cli.messages import said

        message, self.args_ = said(f"invalid_period.{key}", values)
        super().__init__(message)


class Period(NamedTuple):
    """A period, with its canonical text and its time in years.

    `number` is the day of the year (1-366), the month (1-12), the quarter (1-4),
    the half (1-2), the N of "N tháng" (1-12), or 0 for a whole year. (The text and
    the time follow from the other fields, so they never make two periods differ
    on their own.)
    """

    granularity: Granularity
    year: int
    number: int
    text: str
    time: float

    @property
    def sort_key(self) -> tuple[float, int]:
        return (self.time, self.granularity)

    def __str__(self) -> str:
        return self.text


#: How many periods of a kind a year holds (for the period before).
_PER_YEAR = {Granularity.MONTH: 12, Granularity.QUARTER: 4, Granularity.HALF: 2}
#: The month a period's number ends in, by kind.
_END_MONTH: dict[Granularity, Callable[[int], int]] = {
    Granularity.MONTH: lambda n: n,
    Granularity.MONTHS_TO_DATE: lambda n: n,
    Granularity.QUARTER: lambda n: 3 * n,
    Granularity.HALF: lambda n: 6 * n,
    Granularity.YEAR: lambda _: 12,
}
_ROMAN = ("I", "II", "III", "IV")
_MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def make_period(granularity: Granularity, year: int, number: int) -> Period:
    """The period of `granularity` numbered `number` in `year` (see `Period`)."""
    _check_year(year)
    days_in_year = 366 if calendar.isleap(year) else 365
    if granularity is Granularity.DAY:
        if not 1 <= number <= days_in_year:
            raise PeriodError("no_day", year=year, day=number)
        last_day = date(year, 1, 1) + timedelta(number - 1)
        text = last_day.isoformat()
    else:
        last_month = _END_MONTH[granularity](number)
        if not (1 <= last_month <= 12 and (number == 0) == (granularity is Granularity.YEAR)):
            raise PeriodError("no_such", kind=granularity.name.lower(), number=number)
        if granularity is Granularity.MONTHS_TO_DATE and number == 6:
            raise PeriodError("six_months")
        last_day = date(year, last_month, calendar.monthrange(year, last_month)[1])
        text = _canonical_text(granularity, year, number)
    day_of_year = last_day.timetuple().tm_yday
    return Period(granularity, year, number, text, year - 1 + day_of_year / days_in_year)


def _canonical_text(granularity: Granularity, year: int, number: int) -> str:
    match granularity:
        case Granularity.MONTH:
            return f"{year}-{number:02d}"
        case Granularity.MONTHS_TO_DATE:
            return f"{year}-{number}M"
        case Granularity.QUARTER:
            return f"{year}-Q{number}"
        case Granularity.HALF:
            return f"{year}-H{number}"
        case _:
            return str(year)


def year_period(year: int) -> Period:
    return make_period(Granularity.YEAR, year, 0)


def previous(period: Period) -> Period:
    """The period of the same kind just before: the month before, the day before, …;
    for "N tháng", the same N months of the year before."""
    granularity, year, number = period.granularity, period.year, period.number
    if granularity is Granularity.DAY:
        day = date(year, 1, 1) + timedelta(number - 2)
        return make_period(granularity, day.year, day.timetuple().tm_yday)
    if granularity in _PER_YEAR and number > 1:
        return make_period(granularity, year, number - 1)
    return make_period(granularity, year - 1, _PER_YEAR.get(granularity, number))


def display(period: Period, lang: str) -> str:
    """The period as a report shows it to people, in `lang` ("vi" or "en")."""
    granularity, year, n = period.granularity, period.year, period.number
    vi = lang == "vi"
    match granularity:
        case Granularity.DAY:
            day = date(year, 1, 1) + timedelta(n - 1)
            if vi:
                return f"{day.day}/{day.month}/{year}"
            return f"{day.day} {_MONTH_EN[day.month - 1]} {year}"
        case Granularity.MONTH:
            return f"{n}/{year}" if vi else f"{_MONTH_EN[n - 1]} {year}"
        case Granularity.QUARTER:
            return f"Quý {_ROMAN[n - 1]}/{year}" if vi else f"Q{n} {year}"
        case Granularity.HALF:
            if vi:
                return f"6 tháng {'đầu' if n == 1 else 'cuối'} năm {year}"
            return f"H{n} {year}"
        case Granularity.MONTHS_TO_DATE:
            if vi:
                return f"{n} tháng {year}"
            if n == 1:
                return f"Jan {year} (year to date)"
            return f"Jan–{_MONTH_EN[n - 1]} {year}"
        case _:
            return str(year)


# ---- reading -----------------------------------------------------------------------

# The forms, on the text folded by `_fold` (lower case, no diacritics, single spaces,
# no spaces around / - .). Groups: y year, n number (digits or Roman), d day, m month.
_YEAR_FORMS = re.compile(r"(?:(?:ca )?nam )?(?P<y>\d{4})")
_HALF_FORMS = re.compile(r"(?P<y>\d{4})-?h(?P<n>\d)|h(?P<n2>\d)[/-](?P<y2>\d{4})")
_MONTHS_FORMS = re.compile(
    r"(?:luy ke )?(?P<n>\d{1,2}) thang(?: (?P<part>dau|cuoi))?(?: nam)? (?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<n2>\d{1,2})m|(?P<n3>\d{1,2})[mt][/.-](?P<y3>\d{4})"
    r"|luy ke den (?:het )?thang (?P<n4>\d{1,2})(?:[/.-]| nam )(?P<y4>\d{4})"
)
_QUARTER_FORMS = re.compile(
    r"(?P<y>\d{4})-?q(?P<n>\d)|q(?P<n2>\d)[/-](?P<y2>\d{4})"
    r"|quy (?P<n3>\d{1,2}|[ivxl]+)(?:[/-]| nam )(?P<y3>\d{4})"
)
_MONTH_FORMS = re.compile(
    r"(?P<y>\d{4})-(?P<n>\d{1,2})|(?P<n2>\d{1,2})/(?P<y2>\d{4})"
    r"|(?:thang |t)(?P<n3>\d{1,2})(?:[/.-]| nam )(?P<y3>\d{4})|(?P<n4>\d{1,2})\.(?P<y4>\d{4})"
)
_DAY_FORMS = re.compile(
    r"(?:ngay )?(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
)
_SPACED_MARK = re.compile(r" ?([/.-]) ?")
_YEAR_FIRST = re.compile(r"\d{4}/\d{1,2}")


def parse_period(value: str | date) -> Period:
    """Read a period in any accepted form, or a date (an Excel date cell); raise
    PeriodError naming the forms."""
    if isinstance(value, date):
        return _from_date(value)
    folded = _fold(value)
    if m := _YEAR_FORMS.fullmatch(folded):
        return year_period(int(m["y"]))
    if m := _HALF_FORMS.fullmatch(folded):
        half = int(m["n"] or m["n2"])
        if half not in (1, 2):
            raise _refused(value, "no_half", half=half)
        return make_period(Granularity.HALF, int(m["y"] or m["y2"]), half)
    if m := _MONTHS_FORMS.fullmatch(folded):
        return _months_to_date(value, m)
    if m := _QUARTER_FORMS.fullmatch(folded):
        number = m["n"] or m["n2"] or m["n3"]
        quarter = int(number) if number.isdigit() else _roman(number)
        if not 1 <= quarter <= 4:
            raise _refused(value, "no_quarter", quarter=number.upper())
        return make_period(Granularity.QUARTER, int(m["y"] or m["y2"] or m["y3"]), quarter)
    if m := _MONTH_FORMS.fullmatch(folded):
        month = int(m["n"] or m["n2"] or m["n3"] or m["n4"])
        if not 1 <= month <= 12:
            raise _refused(value, "no_month", month=month)
        year = int(m["y"] or m["y2"] or m["y3"] or m["y4"])
        return make_period(Granularity.MONTH, year, month)
    if m := _DAY_FORMS.fullmatch(folded):
        year = int(m["y"] or m["y2"])
        _check_year(year)
        try:
            day = date(year, int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
        except ValueError:
            raise _refused(value, "no_date") from None
        return _from_date(day)
    if not folded:
        raise PeriodError("empty", forms=ACCEPTED_FORMS)
    if _YEAR_FIRST.fullmatch(folded):
        raise _refused(value, "year_first")
    if not re.search(r"\d{4}", folded):
        raise _refused(value, "no_year")
    raise _refused(value, "not_a_period")


def _fold(text: str) -> str:
    """The text as the forms are matched: lower case, without diacritics (đ as d),
    single spaces, none around / - and ."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACED_MARK.sub(r"\1", " ".join(plain.split()))


def _from_date(value: date) -> Period:
    if isinstance(value, datetime):
        if value.time() != time():
            raise PeriodError("time_of_day", date=f"{value:%d/%m/%Y %H:%M}")
        value = value.date()
    return make_period(Granularity.DAY, value.year, value.timetuple().tm_yday)


def _months_to_date(text: str, m: re.Match[str]) -> Period:
    """`N tháng YYYY`: six months are the first half, "6 tháng cuối năm" the second."""
    months = int(m["n"] or m["n2"] or m["n3"] or m["n4"])
    year = int(m["y"] or m["y2"] or m["y3"] or m["y4"])
    if not 1 <= months <= 12:
        raise _refused(text, "too_many_months", months=months)
    if m["part"] == "cuoi":
        if months != 6:
            raise _refused(text, "months_back")
        return make_period(Granularity.HALF, year, 2)
    if months == 6:
        return make_period(Granularity.HALF, year, 1)
    return make_period(Granularity.MONTHS_TO_DATE, year, months)


def _roman(numeral: str) -> int:
    upper = numeral.upper()
    return _ROMAN.index(upper) + 1 if upper in _ROMAN else 0


def _refused(text: str, why: str, **values: object) -> PeriodError:
    """`text` refused for the reason `why` names, with the forms to write instead."""
    return PeriodError(why, text=shown(text.strip()), forms=ACCEPTED_FORMS, **values)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError("year_range", year=year, first=FIRST_YEAR, last=LAST_YEAR)
