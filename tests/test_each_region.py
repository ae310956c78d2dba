"""An `each_region` target ("100% of communes have at least 1 cooperative", SPEC §8) shown
as what it is: the territory's row counts the regions meeting the threshold, each
commune's row its figure against the threshold, met or not; never thousands of percent,
and no warning from the territory's baseline, which says nothing of a threshold."""

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
  id: lao-cai
  name: "Lào Cai"
  issuer: "Test"
  implements: "Nghị quyết 20-NQ/TW"
  territory: "Lào Cai"
  source: "invented for tests"
regions:
  - {name: "Xã Mậu A"}
  - {name: "Xã Bảo Yên"}
  - {name: "Phường Yên Bái"}
  - {name: "Xã Lâm Thượng"}
indicators:
  - id: htx
    name: "Số hợp tác xã"
    unit: count
    baseline: {period: "2020", value: 1435}
    targets:
      - year: 2030
        value: 2000
        text: "2.000 hợp tác xã"
      - year: 2030
        scope: each_region
        value: 1
        text: "100% số xã có ít nhất 01 HTX"
"""
# 2024 and 2025: Mậu A 11 and 11, Bảo Yên 40 and 40, Lâm Thượng 1 and 2 meet "at least 1";
# Phường Yên Bái 0 and 0 does not. 3 regions of 4 meet it in both years.
DATA = """\
region;indicator;period;value
;htx;2020;1435
;htx;2025;1480
Xã Mậu A;htx;2024;11
Xã Bảo Yên;htx;2024;40
Phường Yên Bái;htx;2024;0
Xã Lâm Thượng;htx;2024;1
Xã Mậu A;htx;2025;11
Xã Bảo Yên;htx;2025;40
Phường Yên Bái;htx;2025;0
Xã Lâm Thượng;htx;2025;2
"""


def run(tmp_path: Path, *args: str) -> str:
    (tmp_path / "t.yaml").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "d.csv").write_text(DATA, encoding="utf-8")
    done = runner.invoke(
        app, ["report", str(tmp_path / "d.csv"), "-t", str(tmp_path / "t.yaml"), *args]
    )
    assert done.exit_code == 0, done.output
    return done.stdout


def test_validate_gives_no_territory_baseline_warning_for_a_threshold(tmp_path: Path) -> None:
    # the old check: "the target 1 lies below the baseline 1435" (the territory's baseline
    # set against a commune's threshold)
    (tmp_path / "t.yaml").write_text(PROGRAMME, encoding="utf-8")
    done = runner.invoke(app, ["validate", "-t", str(tmp_path / "t.yaml"), "--lang", "en"])
    assert "target_behind_baseline" not in done.output
    assert done.exit_code == 0, done.output
    # a territory target behind its baseline is still told
    behind = PROGRAMME.replace(
        'value: 2000\n        text: "2.000', 'value: 1000\n        text: "1.000'
    )
    (tmp_path / "t.yaml").write_text(behind, encoding="utf-8")
    done = runner.invoke(app, ["validate", "-t", str(tmp_path / "t.yaml"), "--lang", "en"])
    assert "target_behind_baseline" in done.output


def test_json_territory_row_counts_regions_and_commune_rows_are_met_or_not(
    tmp_path: Path,
) -> None:
    doc = json.loads(run(tmp_path, "-f", "json", "--by", "region"))
    (each,) = [r for r in doc["results"] if r["target_scope"] == "each_region"]
    # 3 of 4 regions meet it: actual 3, target 4, 75% of regions
    assert (each["actual"], each["target"], each["percent_achieved"]) == (3, 4, 75)
    assert (each["regions_met"], each["regions_total"]) == (3, 4)
    assert each["regions_not_met"] == ["Phường Yên Bái"]
    rows = [r for r in doc["breakdown"] if r["target_scope"] == "each_region"]
    # not met first, then by figure: Yên Bái 0, then Lâm Thượng 2, Mậu A 11, Bảo Yên 40
    assert [(r["region"], r["actual"], r["target"], r["met"]) for r in rows] == [
        ("Phường Yên Bái", 0, 1, False),
        ("Xã Lâm Thượng", 2, 1, True),
        ("Xã Mậu A", 11, 1, True),
        ("Xã Bảo Yên", 40, 1, True),
    ]
    # 11 cooperatives against "at least 1" are not 1.100% of anything
    assert all(r["percent_achieved"] is None for r in rows)
    assert all(r["progress_from_baseline"] is None for r in rows)


def test_table_and_markdown_show_met_or_not_never_thousands_of_percent(tmp_path: Path) -> None:
    for args in (("--lang", "vi"), ("-f", "markdown", "--lang", "vi")):
        shown = run(tmp_path, "--by", "region", *args)
        assert "1.100" not in shown, args
        assert "4.000%" not in shown, args
    markdown = run(tmp_path, "--by", "region", "-f", "markdown", "--lang", "vi")
    yen_bai = [line for line in markdown.splitlines() if "Phường Yên Bái" in line]
    assert any("| chưa đạt |" in line for line in yen_bai)
    table = run(tmp_path, "--by", "region", "--lang", "vi").splitlines()
    at = [k for k, line in enumerate(table) if "Phường Yên" in line][-1]  # each_region
    assert "chưa" in table[at].split()  # "chưa đạt" may wrap between its words
    assert "đạt" in table[at + 1].split() + table[at].split()[-3:]
    english = run(tmp_path, "--by", "region", "--lang", "en")
    assert "not met" in english
    assert "1,100" not in english


def test_html_charts_the_figures_against_the_threshold(tmp_path: Path) -> None:
    html = run(tmp_path, "-f", "html", "--by", "region", "--lang", "vi")
    assert "1.100" not in html
    assert "4.000%" not in html
    assert "chưa đạt" in html


def test_the_workbook_condition_cell_holds_the_sign_and_commune_rows_say_met(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.xlsx"
    run(tmp_path, "-f", "xlsx", "--by", "region", "--lang", "vi", "--output", str(out))
    book = load_workbook(out, read_only=True)
    signs = []
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        if rows and "Điều kiện" in rows[0]:
            column = rows[0].index("Điều kiện")
            signs += [r[column] for r in rows[1:] if r[column] is not None]
    assert signs
    assert set(signs) <= {"≥", ">", "≈", "≤", "<", "="}  # the old cell held 4, the count
    cells = [c for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r]
    assert "chưa đạt" in cells
    assert 1100 not in cells  # 11 against 1, as a percentage
    assert 4000 not in cells


def test_csv_commune_rows_have_no_percent_for_a_threshold(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "-f", "csv", "--by", "region"))))
    communes = [r for r in rows if r["target_scope"] == "each_region" and r["region"]]
    assert len(communes) == 4
    assert {r["percent_achieved"] for r in communes} == {""}
    assert {r["met"] for r in communes} == {"true", "false"}


def test_the_workbook_chart_of_the_indicator_is_named_as_the_indicator(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    run(tmp_path, "-f", "xlsx", "--lang", "vi", "--output", str(out))
    book = load_workbook(out, read_only=True)
    firsts = [c for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r[:1]]
    assert "Số hợp tác xã" in firsts
    assert "Số hợp tác xã (mỗi xã)" in firsts  # the results table names the each_region row
    charts = [s for s in book.worksheets if s.title == "Diễn biến các chỉ tiêu"]
    assert charts
    heads = [r[0] for s in charts for r in s.iter_rows(values_only=True) if r and r[0]]
    assert "Số hợp tác xã (mỗi xã)" not in heads
