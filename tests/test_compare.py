"""Change since an earlier period (SPEC §10): known answers worked by hand, the order of
statuses, --compare previous at each rhythm of the data, and --fail-on worsened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ktt_cli.cli import app
from ktt_cli.compare import ORDER, StatusChange, status_change
from ktt_cli.progress import Status

# htx_count: at least 1200 by 2030, declared baseline 465 in 2020 (targets.yaml).
#   CAGR_r = (1200/465)^(1/10) - 1 = exp(ln 2.58065 / 10) - 1 = exp(0.094803) - 1 = 0.099442
#   2023, 560: CAGR_o = exp(ln(560/465) / 3) - 1 = exp(0.185897 / 3) - 1 = 0.063926
#              R = 0.063926 / 0.099442 = 0.6428 -> needs_acceleration; 46.667% achieved
#   2024, 700: CAGR_o = exp(ln(700/465) / 4) - 1 = exp(0.409042 / 4) - 1 = 0.107672
#              R = 0.107672 / 0.099442 = 1.0828 -> on_track; 58.333% achieved
#   change: actual 700 - 560 = 140; percent 58.333 - 46.667 = 11.667; improved
# tht_count: about 8400 by 2030, no declared baseline: the earliest figure, 5000 in 2021.
#   2023, 5300: R = 0.4982 (tests/test_report.py) -> limited_progress; 63.095%
#   2024, 4900: below the baseline, CAGR_o < 0 -> deterioration; 58.333%
#   change: actual -400; percent 58.333 - 63.095 = -4.762; worsened
# union_count: 2 in 2024 only: no figure at 2023 -> previous null, not_comparable
DATA = """indicator,period,value
htx_count,2023,560
htx_count,2024,700
tht_count,2021,5000
tht_count,2023,5300
tht_count,2024,4900
union_count,2024,2
"""


def run(tmp_path: Path, *args: str, data: str = DATA) -> tuple[int, dict, str]:
    path = tmp_path / "data.csv"
    path.write_text(data, encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(path), "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout or "null"), result.stderr


def by_indicator(document: dict) -> dict[str, dict]:
    return {r["indicator"]: r for r in document["results"] if r["milestone"] == 2030}


def test_known_answers_of_a_comparison(tmp_path: Path) -> None:
    code, document, _ = run(tmp_path, "--compare", "2023")
    assert code == 0
    assert document["compared_with"] == "2023"
    results = by_indicator(document)

    htx = results["htx_count"]
    assert htx["status"] == "on_track"
    assert htx["previous"] == {
        "as_of": "2023",
        "actual": 560,
        "actual_period": "2023",
        "percent_achieved": pytest.approx(46.6667, abs=1e-4),
        "status": "needs_acceleration",
    }
    assert htx["change"]["actual"] == 140
    assert htx["change"]["percent_achieved"] == pytest.approx(11.6667, abs=1e-4)
    assert htx["change"]["status_change"] == "improved"

    tht = results["tht_count"]
    assert (tht["previous"]["status"], tht["status"]) == ("limited_progress", "deterioration")
    assert tht["change"]["actual"] == -400
    assert tht["change"]["percent_achieved"] == pytest.approx(-4.7619, abs=1e-4)
    assert tht["change"]["status_change"] == "worsened"

    union = results["union_count"]
    assert union["previous"] is None
    assert union["change"] == {
        "actual": None,
        "percent_achieved": None,
        "status_change": "not_comparable",
    }


def test_without_compare_the_json_is_unchanged(tmp_path: Path) -> None:
    _, document, _ = run(tmp_path)
    assert "compared_with" not in document
    assert all("previous" not in r and "change" not in r for r in document["results"])


def test_fail_on_worsened_without_compare_is_a_usage_error(tmp_path: Path) -> None:
    # SPEC §10: without --compare nothing can have worsened; saying nothing would hide it
    code, _, err = run(tmp_path, "--fail-on", "missed,worsened")
    assert code == 2
    assert "ktt: error: --fail-on worsened cần --compare" in err
    code, _, err = run(tmp_path, "--fail-on", "xấu đi", "--lang", "en")
    assert code == 2
    assert "ktt: error: --fail-on worsened needs --compare" in err


@pytest.mark.parametrize(
    "given",
    ["deterioration", "đi xuống", "Đi Xuống", "di xuong", "DETERIORATION", "missed,đi xuống"],
)
def test_fail_on_takes_status_words_of_either_language(tmp_path: Path, given: str) -> None:
    code, _, err = run(tmp_path, "--as-of", "2024", "--fail-on", given)
    assert code == 1, err
    assert "Số tổ hợp tác, mốc 2030, toàn tỉnh: đi xuống (deterioration)" in err


def test_fail_on_an_unknown_word_lists_the_statuses_in_the_language(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "--fail-on", "tệ lắm")
    assert code == 2
    assert "không có tình trạng tệ lắm" in err
    assert "limited_progress (tiến triển chậm)" in err


def test_fail_on_worsened_names_what_worsened(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "--compare", "2023", "--fail-on", "worsened")
    assert code == 1
    # the indicator by name, milestone, region, status in words and code, the figures
    assert (
        "ktt: --fail-on: Số tổ hợp tác, mốc 2030, toàn tỉnh: đi xuống (deterioration); thực "
        "hiện 4.900 (2024) so với mục tiêu ≈ 8.400, đạt 58,3%; xấu đi từ tiến triển chậm vào "
        "2023\n"
    ) in err
    assert "Số hợp tác xã" not in err  # improved: not listed
    code, _, err = run(tmp_path, "--compare", "2023", "--fail-on", "worsened", "--lang", "en")
    assert (
        "ktt: --fail-on: Cooperative groups, milestone 2030, the whole territory: "
        "deterioration (deterioration); actual 4,900 (2024) against a target of ≈ 8,400, 58.3% "
        "achieved; worsened from limited progress at 2023\n"
    ) in err
    calm = DATA.replace("tht_count,2024,4900\n", "")
    code, _, err = run(tmp_path, "--compare", "2023", "--fail-on", "worsened", data=calm)
    assert code == 0
    assert "--fail-on" not in err


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        (("2025-01", "2025-02"), "2025-01"),
        (("2024-12", "2025-01"), "2024-12"),  # across the year's end
        (("2024-Q4", "2025-Q1"), "2024-Q4"),
        (("2024-H1", "2024-H2"), "2024-H1"),
        (("2023", "2024"), "2023"),
    ],
)
def test_compare_previous_follows_the_rhythm_of_the_data(
    tmp_path: Path, periods: tuple[str, str], expected: str
) -> None:
    data = "indicator,period,value\n" + "".join(
        f"htx_count,{p},{v}\n" for p, v in zip(periods, (700, 720), strict=True)
    )
    code, document, _ = run(tmp_path, "--compare", "previous", data=data)
    assert code == 0
    assert document["compared_with"] == expected
    assert by_indicator(document)["htx_count"]["change"]["actual"] == 20


def test_compare_at_or_after_the_report_date_is_a_usage_error(tmp_path: Path) -> None:
    for period in ("2024", "2025"):
        code, _, err = run(tmp_path, "--compare", period)
        assert code == 2
        assert "phải kết thúc trước ngày của báo cáo" in err  # KTT_LANG unset: Vietnamese


def test_compare_before_every_figure_warns_and_compares_nothing(tmp_path: Path) -> None:
    code, document, err = run(tmp_path, "--compare", "2010")
    assert code == 0
    assert all(r["previous"] is None for r in document["results"])
    assert "nothing_to_compare" in err


def test_the_table_and_markdown_show_the_change(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(DATA, encoding="utf-8")
    for fmt, heading in (("table", "Thay đổi"), ("markdown", "Thay đổi")):
        result = CliRunner().invoke(
            app, ["report", str(path), "--compare", "2023", "-f", fmt], env={"COLUMNS": "160"}
        )
        assert heading in result.stdout
        assert "▲ 140" in result.stdout
        assert "▼ 400" in result.stdout


@given(st.sampled_from(list(Status)), st.sampled_from(list(Status)))
def test_status_change_is_antisymmetric_and_never_compares_what_has_no_order(
    then: Status, now: Status
) -> None:
    forward, backward = status_change(then, now), status_change(now, then)
    if then in ORDER and now in ORDER:
        opposite = {
            StatusChange.IMPROVED: StatusChange.WORSENED,
            StatusChange.WORSENED: StatusChange.IMPROVED,
            StatusChange.SAME: StatusChange.SAME,
        }
        assert backward is opposite[forward]
        assert (forward is StatusChange.SAME) == (then is now)
    else:
        assert forward is backward is StatusChange.NOT_COMPARABLE


def test_the_page_marks_the_earlier_figure_and_the_workbook_has_the_change(
    tmp_path: Path,
) -> None:
    import openpyxl

    path = tmp_path / "data.csv"
    path.write_text(DATA, encoding="utf-8")
    page = CliRunner().invoke(app, ["report", str(path), "--compare", "2023", "-f", "html"])
    assert page.exit_code == 0
    assert "Số liệu tại kỳ so sánh" in page.stdout  # the legend of the earlier figure
    assert "▲ 140" in page.stdout
    book_path = tmp_path / "r.xlsx"
    made = CliRunner().invoke(
        app, ["report", str(path), "--compare", "2023", "-f", "xlsx", "-o", str(book_path)]
    )
    assert made.exit_code == 0
    sheet = openpyxl.load_workbook(book_path).worksheets[1]  # after the printable report
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["htx_count"][13] == 140
    assert rows["htx_count"][14] == "improved"
    assert rows["tht_count"][14] == "worsened"


def test_the_chart_points_hold_the_earlier_figure(tmp_path: Path) -> None:
    from ktt_cli.load.collect import ReadOptions, read_actuals
    from ktt_cli.load.text import Source
    from ktt_cli.periods import parse_period
    from ktt_cli.problems import ProblemLog
    from ktt_cli.render.chart import chart_points
    from ktt_cli.report import build_report
    from ktt_cli.targets_file import read_targets

    root = Path(__file__).resolve().parent.parent
    targets = read_targets((root / "targets.yaml").read_bytes(), "t", ProblemLog())
    assert targets is not None
    path = tmp_path / "data.csv"
    path.write_text(DATA, encoding="utf-8")
    data = read_actuals(
        [Source("data.csv", lambda: path.open("rb"))],
        targets,
        ReadOptions(),
        ProblemLog(),
    )
    report = build_report(targets, data, targets_file="t", compare_with=parse_period("2023"))
    chart = chart_points(report, "htx_count")
    assert chart is not None
    assert chart.earlier == (2023.0, 560)


def test_each_row_of_the_breakdown_carries_its_change() -> None:
    root = Path(__file__).resolve().parent.parent
    result = CliRunner().invoke(
        app,
        [
            "report", str(root / "examples" / "synthetic-communes.csv"),
            "-t", str(root / "examples" / "synthetic-communes.yaml"),
            "--by", "region", "--compare", "2024", "-f", "json",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    rows = [r for r in document["breakdown"] if r["indicator"] == "htx_count"]
    assert rows
    # Phường Sa Pa: 21 cooperatives in 2024, 24 in 2025 (examples/synthetic-communes.csv)
    sa_pa = next(r for r in rows if r["region"] == "Phường Sa Pa")
    assert sa_pa["previous"]["actual"] == 21
    assert sa_pa["change"]["actual"] == 3
