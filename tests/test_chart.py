"""The points an indicator's chart plots: known answers worked by hand (SPEC §4)."""

from __future__ import annotations

import itertools
import math

import pytest

from ktt_cli.model import TargetsFile
from ktt_cli.periods import parse_period
from ktt_cli.progress import Point, growth_path
from ktt_cli.render.chart import chart_points
from ktt_cli.report import build_report
from test_report import actuals


def test_the_compound_required_path_runs_from_the_baseline_to_the_target(
    yen_bai: TargetsFile,
) -> None:
    # tht_count: about 8400 by 2030; 5000 in 2021 (the baseline), 5300 in 2023.
    # Required path x0·(T/x0)^((s−t0)/(M−t0)) from (2021, 5000) to (2030, 8400);
    # halfway, at s = 2025.5: 5000 · 1.68^0.5 = 5000 · 1.296148 = 6480.74.
    data = actuals(("tht_count", "2021", 5000), ("tht_count", "2023", 5300))
    chart = chart_points(build_report(yen_bai, data, targets_file="t"), "tht_count")
    assert chart is not None
    assert chart.baseline == Point(2021.0, 5000)
    (track,) = chart.tracks
    assert track.target == Point(2030.0, 8400)
    assert track.required[0] == Point(2021.0, 5000)
    assert track.required[-1] == Point(2030.0, 8400)
    halfway = next(p for p in track.required if p.time == pytest.approx(2025.5))
    assert halfway.value == pytest.approx(6480.74, abs=0.01)
    values = [p.value for p in track.required]
    assert values == sorted(values)  # a curve, rising all the way
    assert len(values) > 2


def test_the_projection_ends_at_projected_at_the_milestone(yen_bai: TargetsFile) -> None:
    # From 5300 in 2023 at the observed pace, 1.06 in two years: 5300 · 1.06^(7/2)
    # = 5300 · 1.226226 = 6498.99 in 2030.
    data = actuals(("tht_count", "2021", 5000), ("tht_count", "2023", 5300))
    report = build_report(yen_bai, data, targets_file="t")
    chart = chart_points(report, "tht_count")
    assert chart is not None
    (track,) = chart.tracks
    (result,) = (r for r in report.results if r.indicator == "tht_count")
    assert track.projection[0] == Point(2023.0, 5300)
    assert track.projection[-1] == Point(2030.0, result.assessment.projected)
    assert track.projection[-1].value == pytest.approx(6498.99, abs=0.01)
    assert track.status is result.status


def test_a_linear_case_draws_straight_lines(yen_bai: TargetsFile) -> None:
    # 0 cooperative groups in 2021: compound growth from zero is undefined, so the maths
    # uses linear rates. Required: (2021, 0) to (2030, 8400), a straight line.
    # Projection: 3000 in 2024 at 1000 a year -> 3000 + 6 · 1000 = 9000 in 2030.
    data = actuals(("tht_count", "2021", 0), ("tht_count", "2024", 3000))
    report = build_report(yen_bai, data, targets_file="t")
    (result,) = (r for r in report.results if r.indicator == "tht_count")
    assert result.assessment.growth_method == "linear"
    chart = chart_points(report, "tht_count")
    assert chart is not None
    (track,) = chart.tracks
    assert track.required == (Point(2021.0, 0), Point(2030.0, 8400))
    assert track.projection == (Point(2024.0, 3000), Point(2030.0, 9000))


def test_a_linear_case_with_positive_ends_still_draws_a_straight_required_path(
    yen_bai: TargetsFile,
) -> None:
    # 5000 in 2021, none left in 2024: the latest figure is 0, so the growth is measured
    # linearly, and the path it is measured against runs straight from 5000 to 8400.
    data = actuals(("tht_count", "2021", 5000), ("tht_count", "2024", 0))
    report = build_report(yen_bai, data, targets_file="t")
    chart = chart_points(report, "tht_count")
    assert chart is not None
    (track,) = chart.tracks
    assert track.required == (Point(2021.0, 5000), Point(2030.0, 8400))


def test_a_compound_path_is_geometric_and_a_linear_one_straight() -> None:
    # 100 to 400 over 4 years: compound doubles every two years, 200 at the middle.
    curve = growth_path(Point(2020, 100), Point(2024, 400), "compound")
    middle = next(p for p in curve if p.time == pytest.approx(2022))
    assert middle.value == pytest.approx(200)
    line = growth_path(Point(2020, 100), Point(2024, 400), "linear")
    assert line == (Point(2020, 100), Point(2024, 400))
    steps = [b.value / a.value for a, b in itertools.pairwise(curve)]
    assert all(math.isclose(s, steps[0]) for s in steps)  # a constant rate between points


def test_observations_are_those_up_to_as_of_at_their_time(yen_bai: TargetsFile) -> None:
    data = actuals(
        ("htx_count", "2020-07", 457), ("htx_count", "2023", 727), ("htx_count", "2025-02", 834)
    )
    report = build_report(yen_bai, data, targets_file="t", as_of=parse_period("2024"))
    chart = chart_points(report, "htx_count")
    assert chart is not None
    assert chart.observations == (
        Point(parse_period("2020-07").time, 457),
        Point(2023.0, 727),
    )
    assert chart.baseline == Point(2020.0, 465)  # declared in targets.yaml


def test_without_a_baseline_only_the_figures_and_the_target_are_drawn(
    yen_bai: TargetsFile,
) -> None:
    # tht_count declares no baseline and has one figure: insufficient data, no path to draw
    data = actuals(("tht_count", "2023", 5300))
    report = build_report(yen_bai, data, targets_file="t")
    assert chart_points(report, "union_count") is None  # no figure at all: no chart
    chart = chart_points(report, "tht_count")
    assert chart is not None
    assert chart.baseline is None
    (track,) = chart.tracks
    assert (track.required, track.projection) == ((), ())
    assert track.target == Point(2030.0, 8400)


def test_the_chart_takes_the_reports_own_periods_and_paths(yen_bai: TargetsFile) -> None:
    """The renderer re-reads no period text and draws no path of its own: with the texts
    the report shows made unreadable, the chart is the same, and its paths are those the
    report drew with the maths of SPEC §4."""
    data = actuals(("htx_count", "2020", 400), ("htx_count", "2024-06", 600))
    report = build_report(yen_bai, data, targets_file="t")
    chart = chart_points(report, "htx_count")
    assert chart is not None
    assert chart.baseline is not None
    mine = sorted(
        (r for r in report.results if r.indicator == "htx_count"), key=lambda r: r.milestone
    )
    assert len(mine) == len(chart.tracks)
    for track, result in zip(chart.tracks, mine, strict=True):
        assert track.required == result.required_path
        assert track.projection == result.projected_path
        assert len(track.required) == 25  # compound: a curve
    texts_gone = report._replace(
        results=tuple(
            r._replace(actual_period="(shown)", baseline_period="(shown)") for r in report.results
        )
    )
    assert chart_points(texts_gone, "htx_count") == chart
