from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktt_cli.periods import Granularity, PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "canonical", "time"),
    [
        ("2024", "2024", 2024.0),
        (" 2024 ", "2024", 2024.0),
        ("2024-Q2", "2024-Q2", 2023.5),  # 2023 + 2/4
        ("2024Q2", "2024-Q2", 2023.5),
        ("2024-q4", "2024-Q4", 2024.0),
        ("Q2/2024", "2024-Q2", 2023.5),
        ("2024-06", "2024-06", 2023.5),  # 2023 + 6/12
        ("2024-6", "2024-06", 2023.5),
        ("06/2024", "2024-06", 2023.5),
        ("2025-02", "2025-02", 2024 + 2 / 12),
        ("2024-12", "2024-12", 2024.0),  # December ends when the year does
        ("2024-06-30", "2024-06-30", 2023 + 182 / 366),  # day 182 of a leap year
        ("2023-06-30", "2023-06-30", 2022 + 181 / 365),
        ("2024-12-31", "2024-12-31", 2024.0),
    ],
)
def test_periods_and_their_time_at_the_end(text: str, canonical: str, time: float) -> None:
    period = parse_period(text)
    assert period.text == canonical
    assert period.time == pytest.approx(time, abs=1e-12)


@pytest.mark.parametrize(
    "text",
    ["", "24", "2024-13", "2024-00", "2024-Q5", "Q0/2024", "2024-02-30", "2024/06", "30/06/2024",
     "2024-06-30T00:00", "năm 2024", "2024.0"],
)  # fmt: skip
def test_other_texts_are_refused_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeriodError, match="2024"):  # every message shows a form to write
        parse_period(text)


@pytest.mark.parametrize("text", ["1899", "2200", "0999-01"])
def test_years_outside_the_range_are_refused(text: str) -> None:
    with pytest.raises(PeriodError, match="outside 1900-2199"):
        parse_period(text)


def test_an_annual_figure_sorts_after_the_months_that_end_with_it() -> None:
    year, december, quarter = parse_period("2024"), parse_period("2024-12"), parse_period("2024-Q4")
    assert year.time == december.time == quarter.time
    assert sorted([year, december, quarter], key=lambda p: p.sort_key) == [december, quarter, year]
    assert year.granularity is Granularity.YEAR


@given(st.integers(1900, 2199), st.integers(1, 12))
def test_a_month_ends_within_its_year(year: int, month: int) -> None:
    period = parse_period(f"{year}-{month:02d}")
    assert year - 1 < period.time <= year
    assert parse_period(f"{month:02d}/{year}") == period


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_a_day_ends_within_its_month(day: date) -> None:
    period = parse_period(day.isoformat())
    month = parse_period(f"{day.year}-{day.month:02d}")
    # the two formulas of SPEC §4 place month ends at M/12 and days at day/days_in_year,
    # which differ by up to two days (February is short): a day ends within its month,
    # give or take those two days
    slack = 2.5 / 365
    assert month.time - 1 / 12 - slack <= period.time <= month.time + slack
