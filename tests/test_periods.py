"""Periods (SPEC §3) and their time at the end of the period (SPEC §4).

Days of the year used below, counted by hand (2024 is a leap year, 366 days; 2025 has 365):
31/3/2024 is day 31+29+31 = 91; 30/6/2024 is day 91+30+31+30 = 182; 30/9/2024 is day
182+31+31+30 = 274; 31/12 is the last day, so a year Y ends at Y − 1 + 366/366 = Y.
"""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ktt_cli.periods import (
    FIRST_YEAR,
    LAST_YEAR,
    Granularity,
    Period,
    PeriodError,
    display,
    make_period,
    parse_period,
    previous,
    year_period,
)

G = Granularity
H1_2024 = 2023 + 182 / 366  # 30/6/2024: day 182 of 366
SEP_2024 = 2023 + 274 / 366  # 30/9/2024: day 274 of 366

TABLE = [
    # year: ends 31/12 → Y exactly
    ("2024", G.YEAR, "2024", 2024.0),
    (" 2024 ", G.YEAR, "2024", 2024.0),
    ("Năm 2024", G.YEAR, "2024", 2024.0),
    ("Cả năm 2024", G.YEAR, "2024", 2024.0),
    ("ca nam 2024", G.YEAR, "2024", 2024.0),
    # half: H1 ends 30/6 (day 182 of 366), H2 ends 31/12
    ("2024-H1", G.HALF, "2024-H1", H1_2024),
    ("H1/2024", G.HALF, "2024-H1", H1_2024),
    ("6 tháng đầu năm 2024", G.HALF, "2024-H1", H1_2024),
    ("6 THÁNG ĐẦU NĂM 2024", G.HALF, "2024-H1", H1_2024),
    ("6 thang dau nam 2024", G.HALF, "2024-H1", H1_2024),
    ("6 tháng 2024", G.HALF, "2024-H1", H1_2024),  # six months to date are the first half
    ("2024-H2", G.HALF, "2024-H2", 2024.0),
    ("6 tháng cuối năm 2024", G.HALF, "2024-H2", 2024.0),
    # months to date: end of month N
    ("9 tháng 2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),  # 30/9: day 274 of 366
    ("9 tháng đầu năm 2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("9 tháng năm 2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("2024-9M", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("9M/2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("1 tháng 2024", G.MONTHS_TO_DATE, "2024-1M", 2023 + 31 / 366),  # 31/1: day 31
    ("3 tháng 2025", G.MONTHS_TO_DATE, "2025-3M", 2024 + 90 / 365),  # 31/3/2025: 31+28+31
    ("12 tháng 2024", G.MONTHS_TO_DATE, "2024-12M", 2024.0),  # ends with the year
    # the cumulative forms of report tables (SPEC §3, issue 23)
    ("Lũy kế 9 tháng 2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("Luỹ kế 9 tháng năm 2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("Lũy kế đến tháng 9/2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("Lũy kế đến hết tháng 9 năm 2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("9T/2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("9T.2024", G.MONTHS_TO_DATE, "2024-9M", SEP_2024),
    ("Lũy kế 11 tháng 2026", G.MONTHS_TO_DATE, "2026-11M", 2025 + 334 / 365),  # 30/11/2026
    # quarter: end of its third month
    ("2024-Q2", G.QUARTER, "2024-Q2", H1_2024),
    ("2024Q2", G.QUARTER, "2024-Q2", H1_2024),
    ("2024-q2", G.QUARTER, "2024-Q2", H1_2024),
    ("Q2/2024", G.QUARTER, "2024-Q2", H1_2024),
    ("Quý II/2024", G.QUARTER, "2024-Q2", H1_2024),
    ("Quý 2/2024", G.QUARTER, "2024-Q2", H1_2024),
    ("Quý 02/2024", G.QUARTER, "2024-Q2", H1_2024),
    ("quý II năm 2024", G.QUARTER, "2024-Q2", H1_2024),
    ("QUY  ii / 2024", G.QUARTER, "2024-Q2", H1_2024),
    ("Quý I/2024", G.QUARTER, "2024-Q1", 2023 + 91 / 366),  # 31/3/2024: 31+29+31
    ("Quý III/2024", G.QUARTER, "2024-Q3", SEP_2024),
    ("Quý IV/2024", G.QUARTER, "2024-Q4", 2024.0),
    # month: its last day
    ("2024-06", G.MONTH, "2024-06", H1_2024),
    ("2024-6", G.MONTH, "2024-06", H1_2024),
    ("06/2024", G.MONTH, "2024-06", H1_2024),
    ("6/2024", G.MONTH, "2024-06", H1_2024),
    ("Tháng 6/2024", G.MONTH, "2024-06", H1_2024),
    ("tháng 6 năm 2024", G.MONTH, "2024-06", H1_2024),
    ("T6/2024", G.MONTH, "2024-06", H1_2024),
    ("t6/2024", G.MONTH, "2024-06", H1_2024),
    ("T6.2024", G.MONTH, "2024-06", H1_2024),
    ("06.2024", G.MONTH, "2024-06", H1_2024),
    ("Tháng 06-2024", G.MONTH, "2024-06", H1_2024),
    ("T11.2026", G.MONTH, "2026-11", 2025 + 334 / 365),  # 30/11/2026: 365 - 31 = 334
    ("11.2026", G.MONTH, "2026-11", 2025 + 334 / 365),
    ("2025-02", G.MONTH, "2025-02", 2024 + 59 / 365),  # 28/2/2025: day 31+28 = 59 of 365
    ("2024-02", G.MONTH, "2024-02", 2023 + 60 / 366),  # 29/2/2024: day 31+29 = 60 of 366
    ("2024-12", G.MONTH, "2024-12", 2024.0),  # December ends when the year does
    # date: that day
    ("2024-06-30", G.DAY, "2024-06-30", H1_2024),
    ("30/06/2024", G.DAY, "2024-06-30", H1_2024),
    ("30/6/2024", G.DAY, "2024-06-30", H1_2024),
    ("30-06-2024", G.DAY, "2024-06-30", H1_2024),
    ("30.06.2024", G.DAY, "2024-06-30", H1_2024),
    ("ngày 30/6/2024", G.DAY, "2024-06-30", H1_2024),
    ("2023-06-30", G.DAY, "2023-06-30", 2022 + 181 / 365),  # 31+28+31+30+31+30 = 181 of 365
    ("1/1/2024", G.DAY, "2024-01-01", 2023 + 1 / 366),
    ("2024-12-31", G.DAY, "2024-12-31", 2024.0),
]


@pytest.mark.parametrize(("text", "granularity", "canonical", "time"), TABLE)
def test_the_forms_of_the_spec_and_their_time_at_the_end(
    text: str, granularity: Granularity, canonical: str, time: float
) -> None:
    period = parse_period(text)
    assert (period.granularity, period.text) == (granularity, canonical)
    assert period.time == time  # exactly: the same formula, the same float


@pytest.mark.parametrize(
    "value", [date(2024, 6, 30), datetime(2024, 6, 30), datetime(2024, 6, 30, 0, 0, 0, 0)]
)
def test_an_excel_date_cell_is_that_day(value: date) -> None:
    assert parse_period(value) == parse_period("30/6/2024")


@pytest.mark.parametrize("value", [datetime(2024, 6, 30, 14, 30), datetime(2024, 6, 30, 0, 0, 1)])
def test_a_date_cell_with_a_time_of_day_is_refused(value: datetime) -> None:
    with pytest.raises(PeriodError, match="time of day"):
        parse_period(value)


def test_periods_that_end_together_have_the_same_time_to_the_bit() -> None:
    june = ["2024-06", "2024-Q2", "2024-H1", "6 tháng 2024", "30/6/2024", date(2024, 6, 30)]
    assert {parse_period(p).time for p in june} == {2023 + 182 / 366}
    december = ["2024", "2024-12", "2024-Q4", "2024-H2", "12 tháng 2024", "31/12/2024"]
    assert {parse_period(p).time for p in december} == {2024.0}
    september = ["2024-09", "2024-Q3", "9 tháng 2024", "30/9/2024"]
    assert {parse_period(p).time for p in september} == {2023 + 274 / 366}


def test_periods_that_end_together_sort_fine_before_coarse() -> None:
    texts = ["2024", "12 tháng 2024", "2024-H2", "2024-Q4", "2024-12", "31/12/2024"]
    ordered = sorted((parse_period(t) for t in texts), key=lambda p: p.sort_key)
    assert [p.text for p in ordered] == [
        "2024-12-31", "2024-12", "2024-Q4", "2024-H2", "2024-12M", "2024",
    ]  # fmt: skip


def test_a_day_before_the_end_of_june_comes_before_june() -> None:
    # the first version put June 2024 at 2023.5, before 30/6/2024 (2023 + 182/366 = 2023.497)
    assert parse_period("29/6/2024").time < parse_period("2024-06").time
    assert parse_period("30/6/2024").sort_key < parse_period("2024-06").sort_key


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Quý V/2024", "no quarter V"),
        ("Quý 12/2024", "no quarter 12"),
        ("2024-Q5", "no quarter 5"),
        ("Q0/2024", "no quarter 0"),
        ("13/2024", "no month 13"),
        ("2024-13", "no month 13"),
        ("2024-00", "no month 0"),
        ("31/6/2024", "not a day of the calendar"),
        ("2024-02-30", "not a day of the calendar"),
        ("06/30/2024", "not a day of the calendar"),  # month before day: never
        ("29/2/2023", "not a day of the calendar"),
        ("6 tháng đầu năm", "has no year"),
        ("quý II", "has no year"),
        ("24", "has no year"),
        ("2024/06", "puts the year first"),
        ("H3/2024", "no half 3"),
        ("13 tháng 2024", "13 months"),
        ("9 tháng cuối năm 2024", "only 6 tháng cuối năm"),
        ("", "empty"),
        ("2024-06-30T00:00", "not a period"),
        ("2024.0", "not a period"),
        ("30/06-2024", "not a period"),
        ("năm", "has no year"),
    ],
)
def test_near_misses_are_refused_with_the_accepted_forms(text: str, why: str) -> None:
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert why in str(error.value)
    assert "quý II/2024" in str(error.value)  # every message shows the forms to write
    assert "6 tháng đầu năm 2024" in str(error.value)


@pytest.mark.parametrize("text", ["1899", "2200", "0999-01", "Quý I/1899", "31/12/2200"])
def test_years_outside_the_range_are_refused(text: str) -> None:
    with pytest.raises(PeriodError, match="outside 1900-2199"):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("2024", "2023"),
        ("2024-H2", "2024-H1"),
        ("2024-H1", "2023-H2"),
        ("9 tháng 2024", "2023-9M"),  # the same nine months, a year earlier
        ("1 tháng 2024", "2023-1M"),
        ("2024-Q2", "2024-Q1"),
        ("2024-Q1", "2023-Q4"),
        ("2024-06", "2024-05"),
        ("2024-01", "2023-12"),
        ("2024-03-01", "2024-02-29"),  # a leap year
        ("2023-03-01", "2023-02-28"),
        ("2024-01-01", "2023-12-31"),
    ],
)
def test_previous(text: str, before: str) -> None:
    assert previous(parse_period(text)) == parse_period(before)


def test_there_is_no_period_before_the_first_year() -> None:
    with pytest.raises(PeriodError, match="outside"):
        previous(parse_period("1/1/1900"))


def test_six_months_to_date_are_the_first_half() -> None:
    with pytest.raises(PeriodError, match="first half"):
        make_period(G.MONTHS_TO_DATE, 2024, 6)


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("2025", "2025", "2025"),
        ("2025-06", "6/2025", "Jun 2025"),
        ("2025-Q2", "Quý II/2025", "Q2 2025"),
        ("2025-Q4", "Quý IV/2025", "Q4 2025"),
        ("2025-H1", "6 tháng đầu năm 2025", "H1 2025"),
        ("2025-H2", "6 tháng cuối năm 2025", "H2 2025"),
        ("9 tháng 2025", "9 tháng 2025", "Jan–Sep 2025"),
        ("1 tháng 2025", "1 tháng 2025", "Jan 2025 (year to date)"),
        ("2025-06-30", "30/6/2025", "30 Jun 2025"),
        ("2025-01-05", "5/1/2025", "5 Jan 2025"),
    ],
)
def test_display(text: str, vi: str, en: str) -> None:
    period = parse_period(text)
    assert (display(period, "vi"), display(period, "en")) == (vi, en)


# ---- properties ----------------------------------------------------------------------

_NUMBERS = {
    G.MONTH: (1, 12),
    G.MONTHS_TO_DATE: (1, 12),
    G.QUARTER: (1, 4),
    G.HALF: (1, 2),
    G.YEAR: (0, 0),
}
_END_MONTH = {G.MONTH: 1, G.MONTHS_TO_DATE: 1, G.QUARTER: 3, G.HALF: 6, G.YEAR: 0}


@st.composite
def any_period(draw: st.DrawFn) -> Period:
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    granularity = draw(st.sampled_from(Granularity))
    if granularity is G.DAY:
        number = draw(st.integers(1, 366 if calendar.isleap(year) else 365))
    else:
        number = draw(st.integers(*_NUMBERS[granularity]))
        assume(granularity is not G.MONTHS_TO_DATE or number != 6)  # that is 2024-H1
    return make_period(granularity, year, number)


@given(any_period())
def test_the_canonical_text_reads_back_as_the_same_period(period: Period) -> None:
    assert parse_period(period.text) == period


@given(any_period())
def test_the_vietnamese_display_reads_back_as_the_same_period(period: Period) -> None:
    assert parse_period(display(period, "vi")) == period


@given(any_period())
def test_a_period_ends_at_the_time_of_its_last_day(period: Period) -> None:
    year, granularity = period.year, period.granularity
    if granularity is G.DAY:
        return
    month = 12 if granularity is G.YEAR else period.number * _END_MONTH[granularity]
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    assert period.time == parse_period(last_day).time
    assert year - 1 < period.time <= year


@given(any_period())
def test_the_period_before_ends_earlier(period: Period) -> None:
    assume(period.year > FIRST_YEAR)  # the first year has none before it
    assert previous(period).time < period.time
    assert previous(period).granularity is period.granularity


def _vary(draw: st.DrawFn, text: str) -> str:
    """`text` as people type it: any case, with or without diacritics, extra spaces."""
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)
    return text.replace(" ", draw(st.sampled_from([" ", "  ", " \u00a0"])))


@given(st.data(), st.integers(FIRST_YEAR, LAST_YEAR), st.integers(1, 4))
def test_forms_in_words_read_in_any_case_with_or_without_diacritics(
    data: st.DataObject, year: int, quarter: int
) -> None:
    roman = ["I", "II", "III", "IV"][quarter - 1]
    forms = {
        f"Quý {roman}/{year}": make_period(G.QUARTER, year, quarter),
        f"quý {roman} năm {year}": make_period(G.QUARTER, year, quarter),
        f"Tháng {quarter * 3}/{year}": make_period(G.MONTH, year, quarter * 3),
        f"6 tháng đầu năm {year}": make_period(G.HALF, year, 1),
        f"6 tháng cuối năm {year}": make_period(G.HALF, year, 2),
        f"Cả năm {year}": year_period(year),
    }
    text = data.draw(st.sampled_from(sorted(forms)))
    assert parse_period(_vary(data.draw, text)) == forms[text]
