"""Why a result is `insufficient_data` (SPEC §4), in every format; and a mistyped year that
would have re-dated the report (SPEC §3), through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from ktt_cli.cli import app

runner = CliRunner()

PROGRAMME = """\
schema_version: 1
programme:
  id: yen-bai
  name: "Yên Bái"
  issuer: "Test"
  implements: "Nghị quyết 20-NQ/TW"
  territory: "Yên Bái"
  source: "invented for tests"
regions:
  - {name: "Xã Bảo Yên"}
  - {name: "Xã Mậu A"}
indicators:
  - id: htx
    name: "Số hợp tác xã"
    unit: count
    from_regions: sum
    targets:
      - year: 2030
        value: 50
        text: "50 hợp tác xã"
        by_region: {"Xã Bảo Yên": 25, "Xã Mậu A": 25}
  - id: members
    name: "Số thành viên"
    unit: persons
    targets:
      - year: 2030
        value: 900
        text: "900 thành viên"
"""
# October and November 2026 only: Bảo Yên 12 -> 14 (the old reading: projected 29.743,
# on_track, at 56%), Mậu A 11 -> 11 (limited_progress, at 44%); the province 23 -> 25.
# members: one figure, no baseline.
DATA = """\
region;indicator;period;value
Xã Bảo Yên;htx;10/2026;12
Xã Mậu A;htx;10/2026;11
Xã Bảo Yên;htx;11/2026;14
Xã Mậu A;htx;11/2026;11
;members;2025;800
"""


def run(tmp_path: Path, *args: str, data: str = DATA) -> tuple[int, str]:
    (tmp_path / "t.yaml").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "d.csv").write_text(data, encoding="utf-8")
    done = runner.invoke(
        app, ["report", str(tmp_path / "d.csv"), "-t", str(tmp_path / "t.yaml"), *args]
    )
    return done.exit_code, done.stdout + (done.stderr if done.exit_code else "")


def test_json_says_short_span_and_no_baseline(tmp_path: Path) -> None:
    code, out = run(tmp_path, "-f", "json", "--by", "region")
    assert code == 0, out
    doc = json.loads(out)
    reasons = {r["indicator"]: (r["status"], r["status_reason"]) for r in doc["results"]}
    assert reasons == {
        "htx": ("insufficient_data", "short_span"),  # 23 -> 25 in one month
        "members": ("insufficient_data", "no_baseline"),
    }
    rows = {r["region"]: r for r in doc["breakdown"] if r["indicator"] == "htx"}
    for region in ("Xã Bảo Yên", "Xã Mậu A"):
        row = rows[region]
        assert (row["status"], row["status_reason"]) == ("insufficient_data", "short_span")
        assert row["projected"] is None  # no 29.743 from one month
        assert row["growth_ratio"] is None
    assert rows["Xã Bảo Yên"]["percent_achieved"] == 56  # 100 × 14/25, still shown


def test_csv_has_the_status_reason_column(tmp_path: Path) -> None:
    code, out = run(tmp_path, "-f", "csv")
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["indicator"], r["status_reason"]) for r in rows] == [
        ("htx", "short_span"),
        ("members", "no_baseline"),
    ]


def test_table_html_markdown_and_xlsx_say_why_in_words(tmp_path: Path) -> None:
    for args in ((), ("-f", "html"), ("-f", "markdown")):
        code, out = run(tmp_path, "--lang", "vi", *args)
        assert code == 0, out
        flat = " ".join(out.split())
        assert "số liệu chưa đủ 1 năm" in flat, args
        assert "chưa có số gốc" in flat, args
    code, out = run(tmp_path, "--lang", "en")
    assert "figures span under a year" in " ".join(out.split())
    book = tmp_path / "r.xlsx"
    code, out = run(tmp_path, "--lang", "vi", "-f", "xlsx", "--output", str(book))
    assert code == 0, out
    cells = [
        c for s in load_workbook(book).worksheets for r in s.iter_rows(values_only=True) for c in r
    ]
    assert "chưa đủ số liệu (số liệu chưa đủ 1 năm)" in cells
    assert "chưa đủ số liệu (chưa có số gốc)" in cells


def test_a_mistyped_year_stops_the_report_instead_of_re_dating_it(tmp_path: Path) -> None:
    # one row for 2052 (meant 2025) made as_of 2052 and turned htx_count missed, even
    # reported alone
    data = "indicator;period;value\nmembers;2020;500\nmembers;2024;800\nmembers;2052;820\n"
    code, out = run(tmp_path, "-f", "json", "--indicator", "members", data=data)
    assert code == 2
    assert "future_period" in out
    assert "d.csv:4" in out


def test_about_62_percent_with_a_tenth_of_tolerance_is_met_from_55_8_as_written(
    tmp_path: Path,
) -> None:
    # 62 × (1 − 0.1) = 55.8 exactly; 62 * 0.9 = 55.800000000000004 in binary floating point
    programme = PROGRAMME.split("indicators:")[0].split("regions:")[0] + (
        'indicators:\n  - id: share\n    name: "Tỷ lệ"\n    unit: percent\n'
        '    share_of: "tổng số"\n    targets:\n      - year: 2030\n'
        "        comparator: about\n        value: 62\n        tolerance: 0.1\n"
        '        text: "khoảng 62%"\n'
    )
    (tmp_path / "t.yaml").write_text(programme, encoding="utf-8")
    (tmp_path / "d.csv").write_text("indicator;period;value\nshare;2025;55,8\n", encoding="utf-8")
    done = runner.invoke(
        app, ["report", str(tmp_path / "d.csv"), "-t", str(tmp_path / "t.yaml"), "-f", "json"]
    )
    assert done.exit_code == 0, done.output
    (result,) = json.loads(done.stdout)["results"]
    assert (result["met"], result["status"]) == (True, "achieved")


def test_the_summary_in_words_says_why_a_result_is_insufficient_data(tmp_path: Path) -> None:
    # htx: 23 -> 25 from October to November 2026 (short_span); members: one figure
    code, out = run(tmp_path, "-f", "json", "--lang", "vi")
    assert code == 0, out
    said = " ".join(json.loads(out)["summary"])
    assert "số liệu mới trải qua chưa đủ một năm" in said
    assert "chưa có số liệu năm gốc" in said
    code, out = run(tmp_path, "-f", "json", "--lang", "en")
    said = " ".join(json.loads(out)["summary"])
    assert "figures span less than a year" in said
    assert "no baseline figure" in said
