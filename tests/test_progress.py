"""The maths of SPEC §4, by answers worked out by hand and by properties."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ktt_cli.periods import parse_period
from ktt_cli.progress import (
    Goal,
    Point,
    Status,
    a_year_apart,
    assess,
    is_met,
    status_of_ratio,
)
from ktt_cli.units import DIRECTION, Comparator

C = Comparator


def goal(comparator: Comparator, level: float, year: int = 2030, tolerance: float = 0.05) -> Goal:
    band = tolerance if comparator is C.ABOUT else 0.0
    return Goal(comparator, level, year, band)


def at(period: str, value: float) -> Point:
    return Point(parse_period(period).time, value)


def test_the_example_of_the_spec() -> None:
    # htx_count: baseline 465 in 2020 (t0 = 2020), 834 in 2025-02 (t = 2024 + 59/365 = 2024.16164:
    # 28/2/2025 is day 31 + 28 = 59 of 365), target at least 1200 by 2030.
    # percent  = 100 × 834/1200 = 69.5
    # progress = 100 × (834 − 465)/(1200 − 465) = 100 × 369/735 = 50.204
    # CAGR_o = (834/465)^(1/4.16164) − 1 = exp(0.584196/4.16164) − 1 = exp(0.140376) − 1 = 0.150707
    # CAGR_r = (1200/465)^(1/10) − 1 = exp(0.948039/10) − 1 = 0.099443
    # R = 0.150707/0.099443 = 1.5155 → on_track
    # projected = 834 × 1.150707^5.83836 = 1892.78; required = (1200/834)^(1/5.83836) − 1 = 0.06430
    a = assess(goal(C.AT_LEAST, 1200), at("2025-02", 834), at("2020", 465))
    assert a.status is Status.ON_TRACK
    assert a.met is False
    assert a.gap == 366
    assert a.percent_achieved == pytest.approx(69.5)
    assert a.progress_from_baseline == pytest.approx(50.204, abs=1e-3)
    assert a.growth_ratio == pytest.approx(1.5155, abs=1e-4)
    assert a.growth_method == "compound"
    assert a.projected == pytest.approx(1892.78, rel=1e-4)
    assert a.required_annual_growth == pytest.approx(0.06430, abs=1e-5)


def test_fractional_years_change_the_category() -> None:
    # 100 in 2019 (t0 = 2019.0), 110 in 2021-06 (t = 2020 + 181/365 = 2020.49589: 30/6/2021 is
    # day 31+28+31+30+31+30 = 181 of 365), at least 200 by 2030.
    # CAGR_o = 1.1^(1/1.49589) − 1 = exp(0.0953102/1.49589) − 1 = 0.065788;
    # CAGR_r = 2^(1/11) − 1 = 0.065041; R = 0.065788/0.065041 = 1.01149 → on_track.
    # Counted in whole years (t = 2021) it would be (1.1^(1/2) − 1)/0.065041
    # = 0.048809/0.065041 = 0.75043 → needs_acceleration.
    a = assess(goal(C.AT_LEAST, 200), at("2021-06", 110), at("2019", 100))
    assert a.growth_ratio == pytest.approx(1.01149, abs=1e-5)
    assert a.status is Status.ON_TRACK
    whole = assess(goal(C.AT_LEAST, 200), at("2021", 110), at("2019", 100))
    assert whole.growth_ratio == pytest.approx(0.75043, abs=1e-5)
    assert whole.status is Status.NEEDS_ACCELERATION


def test_over_is_strict_when_exactly_equal() -> None:
    # over 65%: 65 is not over 65. Baseline 60 in 2022, 65 in 2024.
    # gap = 65 − 65 = 0, percent = 100, not met.
    # CAGR_o = (65/60)^(1/2) − 1 = 0.040833; CAGR_r = (65/60)^(1/8) − 1 = 0.010056; R = 4.0607
    a = assess(goal(C.OVER, 65), at("2024", 65), at("2022", 60))
    assert a.met is False
    assert a.gap == 0
    assert a.percent_achieved == 100
    assert a.growth_ratio == pytest.approx(4.0607, abs=1e-4)
    assert a.status is Status.ON_TRACK


def test_about_is_met_inside_its_tolerance() -> None:
    # about 8400, tolerance 5%: met from 8400 × 0.95 = 7980. 8000 is met; the gap stays 400.
    a = assess(goal(C.ABOUT, 8400), at("2024", 8000), None)
    assert a.met is True
    assert a.status is Status.ACHIEVED
    assert a.gap == 400
    assert a.percent_achieved == pytest.approx(95.238, abs=1e-3)
    assert assess(goal(C.ABOUT, 8400), at("2024", 7979), None).met is False
    assert assess(goal(C.ABOUT, 8400, tolerance=0.1), at("2024", 7600), None).met is True


def test_a_decreasing_target() -> None:
    # at most 10%, baseline 20 in 2020, 16 in 2024 (d = −1).
    # percent = 100 × 10/16 = 62.5; gap = −(10 − 16) = 6; progress = 100 × (16−20)/(10−20) = 40
    # CAGR_o = 0.8^(1/4) − 1 = −0.054258; CAGR_r = 0.5^(1/10) − 1 = −0.066967
    # R = −1 × −0.054258 / 0.066967 = 0.8102 → needs_acceleration
    a = assess(goal(C.AT_MOST, 10), at("2024", 16), at("2020", 20))
    assert a.percent_achieved == 62.5
    assert a.gap == 6
    assert a.progress_from_baseline == pytest.approx(40)
    assert a.growth_ratio == pytest.approx(0.81023, abs=1e-5)
    assert a.status is Status.NEEDS_ACCELERATION


def test_under_is_strict() -> None:
    assert is_met(goal(C.UNDER, 10), 9.99)
    assert not is_met(goal(C.UNDER, 10), 10)
    assert is_met(goal(C.AT_MOST, 10), 10)


def test_a_zero_baseline_takes_the_linear_form() -> None:
    # over 50 high-tech cooperatives; 0 in 2022, 12 in 2025 (t − t0 = 3), milestone 2030.
    # linear: observed 12/3 = 4 a year; required (50 − 0)/(2030 − 2022) = 6.25 a year
    # R = 4/6.25 = 0.64 → needs_acceleration; projected = 12 + 4 × 5 = 32
    # required growth from now = (50/12)^(1/5) − 1 = exp(1.427116/5) − 1 = 0.33032
    a = assess(goal(C.OVER, 50), at("2025", 12), at("2022", 0))
    assert a.growth_method == "linear"
    assert a.growth_ratio == pytest.approx(0.64)
    assert a.status is Status.NEEDS_ACCELERATION
    assert a.projected == pytest.approx(32)
    assert a.required_annual_growth == pytest.approx(0.33032, abs=1e-5)
    assert a.percent_achieved == 24
    assert a.progress_from_baseline == 24


def test_a_passed_milestone_is_missed_or_achieved() -> None:
    missed = assess(goal(C.AT_LEAST, 1200), at("2031", 1100), at("2020", 465))
    assert missed.status is Status.MISSED
    assert missed.projected is None  # there is nothing left to project
    assert missed.required_annual_growth is None
    assert (
        assess(goal(C.AT_LEAST, 1200), at("2031", 1300), at("2020", 465)).status is Status.ACHIEVED
    )
    # December 2030 ends with the year 2030: the milestone has come
    assert assess(goal(C.AT_LEAST, 1200), at("2030-12", 1100), None).status is Status.MISSED
    assert (
        assess(goal(C.AT_LEAST, 1200), at("2030-11", 1100), None).status is Status.INSUFFICIENT_DATA
    )


def test_deterioration_and_limited_progress() -> None:
    # 500 in 2020 → 450 in 2024: CAGR_o < 0 so R < 0
    assert assess(goal(C.AT_LEAST, 1200), at("2024", 450), at("2020", 500)).status is (
        Status.DETERIORATION
    )
    # 465 → 480 over 4 years: CAGR_o = (480/465)^(1/4) − 1 = 0.0079688; R = 0.0080/0.0994 = 0.080
    a = assess(goal(C.AT_LEAST, 1200), at("2024", 480), at("2020", 465))
    assert a.growth_ratio == pytest.approx(0.08013, abs=1e-4)
    assert a.status is Status.LIMITED_PROGRESS


def test_no_data_and_insufficient_data() -> None:
    assert assess(goal(C.AT_LEAST, 1200), None, None).status is Status.NO_DATA
    assert assess(goal(C.AT_LEAST, 1200), None, None).met is None
    single = assess(goal(C.AT_LEAST, 1200), at("2024", 777), None)
    assert single.status is Status.INSUFFICIENT_DATA
    assert single.growth_ratio is None
    assert single.progress_from_baseline is None
    # a baseline at the same time as the latest figure is no baseline
    same = assess(goal(C.AT_LEAST, 1200), at("2024", 777), at("2024", 700))
    assert same.status is Status.INSUFFICIENT_DATA


def test_a_target_that_asks_for_no_change() -> None:
    # over 100 from a baseline of 100: the required rate is 0, so R is the sign of the change
    flat = assess(goal(C.OVER, 100), at("2024", 100), at("2020", 100))
    assert flat.growth_ratio == 0
    assert flat.status is Status.LIMITED_PROGRESS
    falling = assess(goal(C.OVER, 100), at("2024", 90), at("2020", 100))
    assert falling.growth_ratio is None  # −inf is not a number JSON can carry
    assert falling.status is Status.DETERIORATION


def test_all_is_a_hundred_percent() -> None:
    assert assess(goal(C.ALL, 100), at("2024", 100), None).status is Status.ACHIEVED
    a = assess(goal(C.ALL, 100), at("2024", 99.5), None)
    assert a.met is False
    assert a.gap == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (0.95, Status.ON_TRACK),
        (0.9499, Status.NEEDS_ACCELERATION),
        (0.6, Status.NEEDS_ACCELERATION),
        (0.5999, Status.LIMITED_PROGRESS),
        (0.0, Status.LIMITED_PROGRESS),
        (-0.0001, Status.DETERIORATION),
    ],
)
def test_the_thresholds_of_the_growth_ratio(ratio: float, status: Status) -> None:
    assert status_of_ratio(ratio) is status


def test_a_pace_too_fast_for_a_float_is_on_track_not_insufficient() -> None:
    # 1e-320 on 1 January 2023, 90 a year and a day later: CAGR = (90/1e-320)^(1/1.0027) - 1
    # = e^739 - 1 overflows a float. The baseline is a year before the figure, so SPEC §4
    # rules out insufficient_data; R is +inf.
    a = assess(goal(C.AT_LEAST, 1200), at("2024-01-02", 90), at("2023-01-01", 1e-320))
    assert a.status is Status.ON_TRACK
    assert a.growth_ratio is None  # JSON has no infinity
    assert a.progress_from_baseline == pytest.approx(100 * 90 / 1200)
    falling = assess(goal(C.AT_LEAST, 1200), at("2024-01-02", 1e-320), at("2023-01-01", 90))
    assert falling.status is Status.DETERIORATION


def test_a_target_of_nothing_needs_all_of_it_to_go() -> None:
    # at most 0 (say, weak cooperatives): from 8 now, the required rate is -100% a year
    assert assess(goal(C.AT_MOST, 0), at("2024", 8), None).required_annual_growth == -1.0


# ---- properties ------------------------------------------------------------------

positive = st.floats(min_value=1e-6, max_value=1e9, allow_nan=False, allow_infinity=False)
# any positive float a file could hold, down to 1e-300 and up to 1e300
any_positive = st.floats(min_value=1e-300, max_value=1e300, allow_nan=False, allow_infinity=False)
year_time = st.floats(min_value=2000, max_value=2029.9, allow_nan=False)
comparators = st.sampled_from(list(Comparator))


@given(comparators, positive, positive)
def test_met_agrees_with_the_comparator_table(
    comparator: Comparator, level: float, x: float
) -> None:
    expected = {
        C.AT_LEAST: x >= level,
        C.OVER: x > level,
        C.ABOUT: Decimal(repr(x)) >= Decimal(repr(level)) * Decimal("0.95"),  # exact: SPEC §2
        C.AT_MOST: x <= level,
        C.UNDER: x < level,
        C.ALL: x >= 100,
    }[comparator]
    assert is_met(goal(comparator, level), x) is expected


@given(
    comparators,
    any_positive,
    any_positive,
    any_positive,
    year_time,
    year_time,
    st.integers(2000, 2060),
)
def test_positive_finite_inputs_give_no_nan_and_no_exception(
    comparator: Comparator, level: float, x: float, x0: float, t: float, t0: float, year: int
) -> None:
    a = assess(goal(comparator, level, year), Point(t, x), Point(t0, x0))
    for value in (a.gap, a.percent_achieved, a.progress_from_baseline, a.growth_ratio,
                  a.projected, a.required_annual_growth):  # fmt: skip
        assert value is None or math.isfinite(value)
    # SPEC §4's order: a baseline a year before the figure and a milestone still ahead
    # leave the growth ratio to decide whatever the size of the numbers; a baseline less
    # than a year before it, none
    if t0 < t < year and not a.met and a_year_apart(t0, t):
        assert a.status in {Status.ON_TRACK, Status.NEEDS_ACCELERATION,
                            Status.LIMITED_PROGRESS, Status.DETERIORATION}  # fmt: skip
    elif t0 < t < year and not a.met:
        assert (a.status, a.status_reason) == (Status.INSUFFICIENT_DATA, "short_span")
        assert a.growth_ratio is None
        assert a.projected is None


@given(
    st.sampled_from([C.AT_LEAST, C.OVER, C.ABOUT, C.AT_MOST, C.UNDER]),
    positive,
    st.floats(min_value=0.01, max_value=0.99),
    positive,
    positive,
)
def test_a_higher_actual_moves_percent_and_progress_the_right_way(
    comparator: Comparator, x0: float, step: float, low: float, rise: float
) -> None:
    direction = DIRECTION[comparator]
    # progress measures the way from the baseline to a target that lies ahead of it
    level = x0 * (1 + direction * step)
    high = low + rise
    g = goal(comparator, level)
    before = assess(g, Point(2024, low), Point(2020, x0))
    after = assess(g, Point(2024, high), Point(2020, x0))
    for first, second in [
        (before.percent_achieved, after.percent_achieved),
        (before.progress_from_baseline, after.progress_from_baseline),
    ]:
        assert first is not None
        assert second is not None
        if direction > 0:
            assert second >= first
        else:
            assert second <= first


PERCENT, COUNT = (0.0, 100.0), (0.0, None)


def test_a_milestone_passed_at_the_report_date_is_missed_even_with_an_older_figure() -> None:
    # at least 1200 by 2030; 900 in 2025, 465 in 2020; the report is as of 2031 (time 2031.0):
    # the milestone has passed (2031 >= 2030) and 900 < 1200, so missed, not on_track.
    a = assess(goal(C.AT_LEAST, 1200), at("2025", 900), at("2020", 465), as_of=2031.0)
    assert a.status is Status.MISSED
    # as of mid-2030 (2029 + 181/365 < 2030) the milestone is still ahead
    mid = assess(
        goal(C.AT_LEAST, 1200), at("2025", 900), at("2020", 465), as_of=parse_period("2030-06").time
    )
    assert mid.status is not Status.MISSED


def test_a_percent_projection_is_held_at_100() -> None:
    # at least 50% by 2030; 1% in 2020, 10% in 2024: log-rate ln(10)/4 a year,
    # projected 10 × 10^(6/4) = 316.23 > 100 → given as 100, bounded.
    a = assess(goal(C.AT_LEAST, 50), at("2024", 10), at("2020", 1), bounds=PERCENT)
    assert a.projected == 100
    assert a.projected_bounded is True
    # the same figures for a count are not bounded above
    count = assess(goal(C.AT_LEAST, 50), at("2024", 10), at("2020", 1), bounds=COUNT)
    assert count.projected == pytest.approx(316.228, abs=1e-3)
    assert count.projected_bounded is False


def test_a_falling_figure_is_projected_no_lower_than_0() -> None:
    # at most 0 by 2030 (T = 0: the linear form); 50 in 2020, 10 in 2024: −10 a year,
    # projected 10 − 10 × 6 = −50 → 0, bounded.
    count = assess(goal(C.AT_MOST, 0), at("2024", 10), at("2020", 50), bounds=COUNT)
    assert (count.projected, count.projected_bounded) == (0, True)
    # a share falling from 20% (2020) to 0% (2024): −5 a year, 0 − 5 × 6 = −30 → 0
    share = assess(goal(C.AT_LEAST, 60), at("2024", 0), at("2020", 20), bounds=PERCENT)
    assert (share.projected, share.projected_bounded) == (0, True)


@given(
    st.floats(0.01, 100),
    st.floats(0.01, 100),
    st.floats(1, 100),
    st.floats(2021, 2029),
)
def test_a_percent_projection_stays_between_0_and_100(
    x0: float, x: float, level: float, t: float
) -> None:
    a = assess(goal(C.AT_LEAST, level), Point(t, x), Point(2020, x0), bounds=PERCENT)
    assert a.projected is not None
    assert 0 <= a.projected <= 100


# ---- a pace needs a year; every result says why it is insufficient_data ------------------


def test_a_pace_from_one_month_is_insufficient_data_with_its_reason() -> None:
    # Xã Bảo Yên: 12 cooperatives in October 2026, 14 in November, at least 25 by 2030. The
    # old reading projected 12 → 14 in a month to 29.743 by 2030: on_track, at 56% of the
    # target, beside Xã Mậu A (11 → 11) "limited_progress". A month is no pace.
    bao_yen = assess(goal(C.AT_LEAST, 25), at("2026-11", 14), at("2026-10", 12))
    assert (bao_yen.status, bao_yen.status_reason) == (Status.INSUFFICIENT_DATA, "short_span")
    assert bao_yen.growth_ratio is None
    assert bao_yen.projected is None
    assert bao_yen.percent_achieved == pytest.approx(56.0)  # 100 × 14/25, still shown
    mau_a = assess(goal(C.AT_LEAST, 25), at("2026-11", 11), at("2026-10", 11))
    assert (mau_a.status, mau_a.status_reason) == (Status.INSUFFICIENT_DATA, "short_span")
    alone = assess(goal(C.AT_LEAST, 25), at("2026-11", 11), None)
    assert (alone.status, alone.status_reason) == (Status.INSUFFICIENT_DATA, "no_baseline")
    # a year apart the pace counts: (14/12)^(1/1) − 1 = 0.16667 a year against
    # (25/12)^(1/(2030 − 2025.83)) − 1; no reason is owed
    yearly = assess(goal(C.AT_LEAST, 25), at("2026-11", 14), at("2025-11", 12))
    assert yearly.status is Status.ON_TRACK
    assert yearly.status_reason is None


@pytest.mark.parametrize(
    ("earlier", "later", "apart"),
    [
        ("2024-06", "2025-06", True),  # 30/6 to 30/6 across a leap year's end
        ("2023-06", "2024-06", True),
        ("30/6/2024", "29/6/2025", False),  # a day short of a year
        ("29/2/2024", "28/2/2025", True),  # a year after 29/2
        ("2024-02", "2025-02", True),
        ("2024", "2025", True),
        ("2024-Q4", "2025-Q3", False),
        ("2024-H1", "2025-06", True),  # the same moment in two forms
    ],
)
def test_a_year_apart_is_counted_on_the_calendar(earlier: str, later: str, apart: bool) -> None:
    assert a_year_apart(parse_period(earlier).time, parse_period(later).time) is apart


def test_statuses_other_than_insufficient_data_carry_no_reason() -> None:
    for a in (
        assess(goal(C.AT_LEAST, 100), at("2025", 120), at("2024", 50)),  # achieved
        assess(goal(C.AT_LEAST, 100, 2024), at("2025", 60), at("2020", 50)),  # missed
        assess(goal(C.AT_LEAST, 100), None, None),  # no_data
    ):
        assert a.status_reason is None


# ---- met, decided exactly ------------------------------------------------------------------


def test_about_62_with_a_tolerance_of_a_tenth_is_met_from_55_8() -> None:
    # 62 × (1 − 0.1) = 55.8 exactly; in binary floating point 62 × 0.9 = 55.800000000000004
    # and 55,8 would read as not met
    assert is_met(Goal(C.ABOUT, 62, 2030, 0.1), 55.8) is True
    assert is_met(Goal(C.ABOUT, 62, 2030, 0.1), 55.79) is False
    a = assess(Goal(C.ABOUT, 62, 2030, 0.1), at("2025", 55.8), at("2020", 40))
    assert a.status is Status.ACHIEVED


_decimals = st.integers(0, 4)


@given(st.integers(1, 10**7), _decimals, st.integers(1, 99))
@example(62, 0, 10)  # khoảng 62%, tolerance 0.1: 55,8 is the boundary
@example(558, 1, 5)  # khoảng 55,8 at the default tolerance: 53,01
def test_met_at_the_boundary_agrees_with_decimal_arithmetic(
    digits: int, places: int, percent: int
) -> None:
    # a target value written with `places` decimals and a tolerance in hundredths; for
    # every comparator, figures at its boundary (value × (1 − tolerance) for `about`, 100
    # for `all`, else the value), at the value itself, and one step either side of each at
    # the data's own precision, each judged against decimal arithmetic
    value = Decimal(digits).scaleb(-places)
    tolerance = Decimal(percent).scaleb(-2)
    for comparator in Comparator:
        level = {C.ABOUT: value * (1 - tolerance), C.ALL: Decimal(100)}.get(comparator, value)
        exponent = level.as_tuple().exponent
        step = Decimal(1).scaleb(-max(places, -exponent if isinstance(exponent, int) else 0))
        about = comparator is C.ABOUT
        target = Goal(comparator, float(value), 2030, float(tolerance) if about else 0)
        for point in (level, value):
            for actual in (point - step, point, point + step):
                expected = _decimal_rule(comparator, actual, level)
                assert is_met(target, float(actual)) is expected, (comparator, actual, level)


def _decimal_rule(comparator: Comparator, x: Decimal, level: Decimal) -> bool:
    """The comparator table of SPEC §2 in decimals, `level` the boundary worked out."""
    return {
        C.AT_LEAST: x >= level,
        C.OVER: x > level,
        C.ABOUT: x >= level,
        C.AT_MOST: x <= level,
        C.UNDER: x < level,
        C.ALL: x >= level,
    }[comparator]
