"""Building the report: the figures each target is measured with, and the warnings."""

from __future__ import annotations

import pytest

from ktt_cli.model import TargetsFile
from ktt_cli.periods import parse_period
from ktt_cli.progress import Status
from ktt_cli.report import build_report
from ktt_cli.results import Report
from ktt_cli.store import Actuals, Observation


def actuals(*rows: tuple[str, str, float] | tuple[str, str, float, str]) -> Actuals:
    series: dict[str, list[Observation]] = {}
    for k, (indicator, period, value, *qualifier) in enumerate(rows, start=2):
        series.setdefault(indicator, []).append(
            Observation(
                parse_period(period), value, "data.csv", k, qualifier[0] if qualifier else None
            )
        )
    for observations in series.values():
        observations.sort(key=lambda o: o.period.sort_key)
    latest = max((o.period for s in series.values() for o in s), key=lambda p: p.sort_key)
    return Actuals(("data.csv",), {i: tuple(s) for i, s in series.items()}, {}, latest, len(rows))


def result(report: Report, indicator: str, milestone: int = 2030):
    return next(r for r in report.results if r.indicator == indicator and r.milestone == milestone)


def test_the_declared_baseline_is_used_when_earlier_than_the_latest(yen_bai: TargetsFile) -> None:
    data = actuals(("htx_count", "2020-07", 457), ("htx_count", "2025-02", 834))
    r = result(build_report(yen_bai, data, targets_file="t"), "htx_count")
    assert (r.baseline, r.baseline_period) == (465, "2020")  # declared in targets.yaml
    assert (r.actual, r.actual_period) == (834, "2025-02")
    assert r.status is Status.ON_TRACK
    assert r.assessment.growth_ratio == pytest.approx(1.5155, abs=1e-4)


def test_the_earliest_figure_is_the_baseline_when_none_is_declared(yen_bai: TargetsFile) -> None:
    # about 8400 by 2030, from 5000 in 2021 to 5300 in 2023:
    # CAGR_o = 1.06^(1/2) - 1 = 0.029563; CAGR_r = 1.68^(1/9) - 1 = 0.059338
    # R = 0.029563 / 0.059338 = 0.4982 -> limited_progress
    data = actuals(("tht_count", "2021", 5000), ("tht_count", "2023", 5300))
    r = result(build_report(yen_bai, data, targets_file="t"), "tht_count")
    assert (r.baseline, r.baseline_period) == (5000, "2021")
    assert r.assessment.growth_ratio == pytest.approx(0.4982, abs=1e-4)
    assert r.status is Status.LIMITED_PROGRESS


def test_a_declared_baseline_not_before_the_figure_gives_way_to_the_earliest(
    yen_bai: TargetsFile,
) -> None:
    # htx_count declares 465 for 2020; with the latest figure also for 2020 that baseline
    # is not earlier, so the earliest figure (450 in 2019) is the baseline
    data = actuals(("htx_count", "2019", 450), ("htx_count", "2020", 460))
    r = result(build_report(yen_bai, data, targets_file="t"), "htx_count")
    assert (r.baseline, r.baseline_period) == (450, "2019")


def test_as_of_cuts_off_later_figures(yen_bai: TargetsFile) -> None:
    data = actuals(
        ("htx_count", "2023", 727), ("htx_count", "2024", 777), ("htx_count", "2025-02", 834)
    )
    report = build_report(yen_bai, data, targets_file="t", as_of=parse_period("2024"))
    r = result(report, "htx_count")
    assert (r.actual, r.actual_period) == (777, "2024")
    assert str(report.as_of) == "2024"
    # by default as_of is the latest period in the data
    assert str(build_report(yen_bai, data, targets_file="t").as_of) == "2025-02"


def test_a_figure_only_after_as_of_is_no_data_with_a_warning(yen_bai: TargetsFile) -> None:
    data = actuals(("htx_count", "2024", 777), ("tht_count", "2022", 5000))
    report = build_report(yen_bai, data, targets_file="t", as_of=parse_period("2023"))
    assert result(report, "htx_count").status is Status.NO_DATA
    assert [w.code for w in report.warnings] == ["after_as_of"]


def test_a_bound_used_as_the_value_is_said(yen_bai: TargetsFile) -> None:
    data = actuals(("tht_count", "2023", 5300, ">"))
    report = build_report(yen_bai, data, targets_file="t")
    assert result(report, "tht_count").actual_qualifier == ">"
    (warning,) = report.warnings
    assert warning.code == "bound_used"
    assert (warning.file, warning.line) == ("data.csv", 2)
    assert "more than 5300" in warning.message


def test_filters_keep_file_order_within_each_milestone(yen_bai: TargetsFile) -> None:
    data = actuals(("htx_count", "2024", 777))
    report = build_report(yen_bai, data, targets_file="t")
    assert report.milestones == [2030, 2045]
    assert [r.indicator for r in report.results][:3] == ["tht_count", "tht_members", "htx_count"]
    only = build_report(yen_bai, data, targets_file="t", milestones=[2045],
                        indicators=["value_chain_share"])  # fmt: skip
    assert [(r.indicator, r.milestone) for r in only.results] == [("value_chain_share", 2045)]
    assert only.qualitative == ()  # aims are not indicators: a filter on indicators drops them


def test_every_target_of_every_indicator_has_a_result(yen_bai: TargetsFile) -> None:
    report = build_report(yen_bai, actuals(("htx_count", "2024", 777)), targets_file="t")
    assert len(report.results) == sum(len(i.targets) for i in yen_bai.indicators) == 13
    assert {r.status for r in report.results} == {Status.NO_DATA, Status.ON_TRACK}


def test_a_data_figure_for_the_baseline_moment_that_differs_is_warned_about(
    yen_bai: TargetsFile,
) -> None:
    # htx_count declares 465 for 2020; the data say 500 for 2020: warned, 465 used
    data = actuals(("htx_count", "2020", 500), ("htx_count", "2024", 777))
    report = build_report(yen_bai, data, targets_file="t")
    (warning,) = [w for w in report.warnings if w.code == "baseline_disagrees"]
    assert "500" in warning.message
    assert "465" in warning.message
    assert (warning.line, warning.severity) == (2, "warning")
    assert result(report, "htx_count").baseline == 465
    agreeing = actuals(("htx_count", "2020", 465), ("htx_count", "2024", 777))
    assert not build_report(yen_bai, agreeing, targets_file="t").warnings


def test_a_passed_milestone_with_an_older_figure_is_missed_and_warned_about(
    yen_bai: TargetsFile,
) -> None:
    # at least 1200 by 2030; 834 is the figure of 2025, the report is as of 2031
    data = actuals(("htx_count", "2020", 465), ("htx_count", "2025", 834))
    report = build_report(yen_bai, data, targets_file="t", as_of=parse_period("2031"))
    assert result(report, "htx_count").status is Status.MISSED
    assert [w.code for w in report.warnings] == ["stale_figure"]
    assert "2030" in report.warnings[0].message
