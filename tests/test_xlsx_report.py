"""The workbook report, read back with openpyxl and opened by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from helpers import invoke
from ktt_cli.model import LocalText, TargetsFile
from ktt_cli.render.xlsx import report_xlsx
from test_render import example_report

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHARTED = 4  # tht_count, tht_members, htx_count, htx_members have figures in the example


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet: Worksheet) -> dict[str, dict[str, object]]:
    """Each row by its indicator id (column B), as a dict by header."""
    heads = [c.value for c in sheet[1]]
    return {
        str(row[1].value): {f"{k}:{h}": c for k, (h, c) in enumerate(zip(heads, row, strict=True))}
        for row in sheet.iter_rows(min_row=2)
    }


def test_a_sheet_per_milestone_then_figures_warnings_and_charts(yen_bai: TargetsFile) -> None:
    book = workbook(report_xlsx(example_report(yen_bai), "vi"))
    assert book.sheetnames == [
        "Năm 2030", "Năm 2045", "Số liệu đã dùng", "Cảnh báo", "Diễn biến các chỉ tiêu",
    ]  # fmt: skip
    assert workbook(report_xlsx(example_report(yen_bai), "en")).sheetnames[:4] == [
        "2030", "2045", "Figures used", "Warnings",
    ]  # fmt: skip


def test_figures_are_numeric_cells_with_number_formats(yen_bai: TargetsFile) -> None:
    sheet = workbook(report_xlsx(example_report(yen_bai), "vi"))["Năm 2030"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:M10"
    htx = {key.split(":")[0]: cell for key, cell in rows(sheet)["htx_count"].items()}
    target, actual, gap, achieved = htx["4"], htx["5"], htx["7"], htx["8"]
    assert (target.value, target.number_format) == (1200, "#,##0")
    assert (actual.value, actual.number_format) == (834, "#,##0")
    # a negative gap, a target passed, is shown as passed: "vượt 200"
    assert (gap.value, gap.number_format) == (366, '#,##0;"vượt "#,##0;#,##0')
    assert achieved.value == pytest.approx(69.5)  # 834 / 1200, as in the JSON
    assert achieved.number_format == '0.0"%"'
    assert (htx["9"].value, htx["10"].value) == ("đúng hướng", "on_track")
    assert htx["9"].font.color.rgb == "FF2E9E44"  # the colour of on_track
    share = {key.split(":")[0]: cell for key, cell in rows(sheet)["good_fair_share"].items()}
    assert (share["4"].value, share["4"].number_format) == (65, '0.0"%"')
    assert share["5"].value is None  # no figure: an empty cell, not a word in a number column
    assert share["10"].value == "no_data"


def test_the_figures_used_name_their_file_and_line(yen_bai: TargetsFile) -> None:
    sheet = workbook(report_xlsx(example_report(yen_bai), "en"))["Figures used"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref
    found = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(found) == 10  # every figure of examples/actuals.csv is up to as_of
    latest = next(r for r in found if r[1] == "htx_count" and r[2] == "2025-02")
    assert latest[3:6] == [834, "examples/actuals.csv", 11]


def test_the_warnings_sheet_lists_the_warnings(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    sheet = workbook(report_xlsx(report, "en"))["Warnings"]
    listed = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [(w.file, w.line, w.code, w.message) for w in report.warnings] == [
        tuple(r) for r in listed
    ]
    assert listed  # the example uses bounds as values, which are warned about


def test_a_native_chart_per_indicator_with_figures(yen_bai: TargetsFile) -> None:
    book = workbook(report_xlsx(example_report(yen_bai), "en"))
    charts = book.worksheets[-1]._charts
    assert len(charts) == CHARTED
    htx = next(c for c in charts if "Cooperatives" in str(c.title.tx.rich.p[0].r[0].t))
    names = [s.tx.v for s in htx.series]
    assert names[:2] == ["Actual figures", "Target 2030"]
    assert "Required path" in names
    assert "Projection at the current pace" in names


def test_text_from_the_files_stays_text(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    first = report.results[0]._replace(name=LocalText(vi="=HYPERLINK(1)"))
    sheet = workbook(report_xlsx(report._replace(results=(first, *report.results[1:])), "vi"))
    cell = sheet["Năm 2030"]["A2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def _converted_by_libreoffice(book: Path, folder: Path) -> Path:
    """`book` converted to PDF by LibreOffice, which must load it without an error."""
    assert SOFFICE is not None
    command = [
        SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
        "--convert-to", "pdf", "--outdir", str(folder), str(book),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stdout + done.stderr  # soffice exits 0 on a file it cannot load
    pdf = folder / f"{book.stem}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    return pdf


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice installed (libreoffice-calc-nogui)")
def test_libreoffice_opens_and_converts_the_workbook(yen_bai: TargetsFile, tmp_path: Path) -> None:
    book = tmp_path / "report.xlsx"
    book.write_bytes(report_xlsx(example_report(yen_bai), "vi"))
    assert _converted_by_libreoffice(book, tmp_path).stat().st_size > 10_000


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice installed (libreoffice-calc-nogui)")
def test_libreoffice_opens_the_template_and_the_breakdown(tmp_path: Path) -> None:

    root = Path(__file__).resolve().parent.parent
    template = tmp_path / "mau.xlsx"
    made = invoke(["template", "-f", "xlsx", "-o", str(template)])
    assert made.exit_code == 0, made.stderr
    _converted_by_libreoffice(template, tmp_path)
    breakdown = tmp_path / "communes.xlsx"
    made = invoke([
            "report", str(root / "examples" / "synthetic-communes.csv"),
            "-t", str(root / "examples" / "synthetic-communes.yaml"),
            "--by", "region", "--compare", "2024", "-f", "xlsx", "-o", str(breakdown),
        ],
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    _converted_by_libreoffice(breakdown, tmp_path)
