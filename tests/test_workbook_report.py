"""Workbooks through `ktt report` and `ktt validate` (SPEC §9): the same report as their
CSV twins, every problem placed as FILE:SHEET!CELL, and the template read back exactly.

The fixtures and what each must give are in tests/fixtures/workbooks/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from helpers import invoke

BOOKS = Path(__file__).parent / "fixtures" / "workbooks"


def ktt(*args: str) -> tuple[int, str, str]:
    result = invoke(list(args))
    return result.exit_code, result.stdout, result.stderr


def results(*args: str) -> list[dict[str, object]]:
    code, out, err = ktt("report", *args, "--format", "json")
    assert code == 0, err
    found: list[dict[str, object]] = json.loads(out)["results"]
    for result in found:  # the figure's source and note are the same; its place is not
        result.pop("actual_source", None)
    return found


@pytest.mark.parametrize(
    ("book", "twin"),
    [
        ("yen-bai-long.xlsx", "yen-bai-long.csv"),
        ("yen-bai-long.ods", "yen-bai-long.csv"),
        ("yen-bai-report.xlsx", "yen-bai-report.csv"),
        ("yen-bai-libreoffice.xlsx", "yen-bai-libreoffice.csv"),
        ("yen-bai-libreoffice.ods", "yen-bai-libreoffice.csv"),
    ],
)
def test_a_workbook_gives_the_report_of_its_csv_twin(book: str, twin: str) -> None:
    assert results(str(BOOKS / book)) == results(str(BOOKS / twin))


def test_hidden_rows_and_sheets_are_read_and_warned_of() -> None:
    code, _, err = ktt("report", str(BOOKS / "yen-bai-long.xlsx"), "--format", "json")
    assert code == 0
    assert "yen-bai-long.xlsx:Biểu 01!A7: warning: hidden_rows" in err


def test_plan_columns_of_a_report_table_are_passed_over_by_name() -> None:
    _, _, err = ktt("report", str(BOOKS / "yen-bai-report.xlsx"), "--format", "json")
    assert "not_figures" in err
    assert "Kế hoạch năm 2025" in err


def test_every_cell_problem_is_placed_by_sheet_and_cell() -> None:
    code, out, _ = ktt("validate", str(BOOKS / "cells.xlsx"))
    assert code == 1
    for cell, problem in [
        ("C5", "uncomputed_formula"),
        ("C6", "error_cell"),
        ("C7", "error_cell"),
        ("C10", "not_a_number"),
    ]:
        assert f"cells.xlsx:Biểu 03!{cell}: {problem}" in out
    assert "#DIV/0!" in out
    assert "C2:" not in out  # 0,655 shown as 65,5%: 65.5 for a percent indicator
    assert "C4:" not in out  # the text 8.400 for a count: 8400


def test_validate_json_gives_sheet_cell_and_row() -> None:
    code, out, _ = ktt("validate", str(BOOKS / "cells.xlsx"), "--format", "json")
    assert code == 1
    error = next(p for p in json.loads(out) if p["code"] == "error_cell")
    assert (error["file"].endswith("cells.xlsx"), error["sheet"], error["cell"], error["line"]) == (
        True,
        "Biểu 03",
        "C6",
        6,
    )


def test_a_percentage_cell_is_read_as_the_percentage_it_shows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    sheet.append(["good_fair_share", "2024", 0.655])
    sheet["C2"].number_format = "0.0%"
    sheet.append(["good_fair_share", "2023", 0.5])
    sheet["C3"].number_format = "0%"
    path = tmp_path / "p.xlsx"
    book.save(path)
    found = results(str(path), "--indicator", "good_fair_share")
    assert found[0]["actual"] == 65.5  # never 0.655, never 65.50000000000001
    assert found[0]["baseline"] == 50


@pytest.mark.parametrize(
    ("file", "code"),
    [
        ("corrupt.xlsx", "workbook_corrupt"),
        ("encrypted.xlsx", "workbook_encrypted"),
        ("empty.xlsx", "workbook_empty"),
        ("old.xls", "workbook_xls"),
        ("zip-bomb.xlsx", "workbook_too_large"),
        ("entity-bomb.xlsx", "hostile_xml"),
    ],
)
def test_an_unreadable_workbook_is_one_clear_error(file: str, code: str) -> None:
    status, out, err = ktt("report", str(BOOKS / file))
    assert status == 2
    assert out == ""
    assert f"{file}: {code}:" in err
    assert "Traceback" not in err


def test_sheet_by_name_or_position_and_a_missing_one(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Ghi chú"
    first.append(["Số liệu ở trang sau"])
    data = book.create_sheet("Số liệu")
    data.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    data.append(["htx_count", "Năm 2024", 777])
    path = tmp_path / "two.xlsx"
    book.save(path)
    by_default = results(str(path), "--indicator", "htx_count")
    assert by_default[0]["actual"] == 777  # the first sheet whose header reads
    assert results(str(path), "--sheet", "Số liệu", "--indicator", "htx_count") == by_default
    assert results(str(path), "--sheet", "2", "--indicator", "htx_count") == by_default
    code, _, err = ktt("report", str(path), "--sheet", "Biểu 9")
    assert code == 2
    assert "no_such_sheet" in err
    assert "Số liệu" in err


def test_the_template_filled_in_reads_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    code, _, err = ktt("template", "--format", "xlsx", "--output", str(path))
    assert code == 0, err
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    filled = {"htx_count": 834, "htx_members": 34000, "good_fair_share": 0.655}
    for row in range(2, sheet.max_row + 1):
        indicator = sheet.cell(row, 1).value
        if indicator in filled:
            sheet.cell(row, 2).value = "2025-02"
            sheet.cell(row, 3).value = filled[str(indicator)]
    book.save(path)
    found = {r["indicator"]: r["actual"] for r in results(str(path))}
    assert found["htx_count"] == 834
    assert found["htx_members"] == 34000
    assert found["good_fair_share"] == 65.5  # typed 65,5 into a percent cell: 0.655 stored


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_a_workbook_leaves_the_cyclic_collector_as_it_finds_it(enabled: bool) -> None:
    """Library code never switches the collector (SPEC §7): only the console script tunes
    it (entry.py), and it keeps it running, so the cycles the XML parser under openpyxl
    leaves are freed as they go."""
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        code, out, err = ktt(
            "report", str(BOOKS.parent.parent.parent / "examples" / "actuals.xlsx"), "-f", "json"
        )
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert code == 0, err
    assert json.loads(out)["results"]
