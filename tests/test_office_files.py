"""Files as Vietnamese offices keep them (SPEC §3): each fixture in tests/fixtures/office,
made as Excel in a Vietnamese locale saves CSV (UTF-8 BOM, `;`, CRLF, decimal commas, a
title above the header, a totals row, signatures, `-` for no figure, periods in words,
indicators by their Vietnamese names), gives the report of its long twin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ktt_cli.cli import app

OFFICE = Path(__file__).parent / "fixtures" / "office"
ROOT = Path(__file__).resolve().parent.parent


def report(path: Path, *args: str) -> tuple[list[dict[str, object]], str]:
    result = CliRunner().invoke(app, ["report", str(path), "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)["results"]
    for row in found:  # sources and notes are the office's own words, not the twin's
        row.pop("actual_source")
        row.pop("actual_note")
    return found, result.stderr


@pytest.mark.parametrize("name", ["bao-cao-bieu-01", "so-lieu-rong", "so-lieu-dai"])
def test_an_office_file_gives_the_report_of_its_long_twin(name: str) -> None:
    office, _ = report(OFFICE / f"{name}.csv")
    twin, _ = report(OFFICE / f"{name}-long.csv")
    assert office == twin
    assert any(r["actual"] is not None for r in office)


def test_what_a_report_table_passes_over_is_said() -> None:
    _, warnings = report(OFFICE / "bao-cao-bieu-01.csv")
    assert "not_figures" in warnings  # Kế hoạch, So sánh
    assert "'Kế hoạch năm 2025'" in warnings
    assert "bao-cao-bieu-01.csv:12:2: warning: totals_row" in warnings  # line and column
    assert "rows_passed_over" in warnings  # group rows and the signature block
    assert "no_figure" in warnings  # the - and .. cells


def test_an_estimate_column_gives_estimates() -> None:
    results, warnings = report(OFFICE / "bao-cao-bieu-01.csv", "--as-of", "2024", "--lang", "en")
    htx = next(r for r in results if r["indicator"] == "htx_count")
    assert (htx["actual"], htx["actual_period"], htx["actual_qualifier"]) == (777, "2024", "≈")
    assert "'about 777'" in warnings
    _, vi = report(OFFICE / "bao-cao-bieu-01.csv", "--as-of", "2024")
    assert "'khoảng 777'" in vi


def test_the_example_report_table_reads_with_no_flag() -> None:
    table, _ = report(ROOT / "examples" / "bao-cao-yen-bai.csv")
    htx = next(r for r in table if r["indicator"] == "htx_count")
    assert (htx["actual"], htx["actual_period"], htx["status"]) == (834, "2025-02", "on_track")
