"""The workbook report, read back with openpyxl and opened by LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from helpers import invoke
from ktt_cli.model import LocalText, TargetsFile
from ktt_cli.progress import Status
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
        "Báo cáo", "Năm 2030", "Năm 2045", "Số liệu đã dùng", "Cảnh báo",
        "Diễn biến các chỉ tiêu",
    ]  # fmt: skip
    assert workbook(report_xlsx(example_report(yen_bai), "en")).sheetnames[:5] == [
        "Report", "2030", "2045", "Figures used", "Warnings",
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
    sheet = book.worksheets[-1]

    def title(chart) -> str:  # the title is the text of a cell: a name is never a formula
        cell = chart.title.tx.strRef.f.split("!")[-1].replace("$", "")
        return str(sheet[cell].value)

    htx = next(c for c in charts if "Cooperatives" in title(c))
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


# ---- the workbook as a report (SPEC §5) ------------------------------------------------


def test_the_first_sheet_is_the_printable_report(yen_bai: TargetsFile) -> None:
    from ktt_cli.summary import summary

    report = example_report(yen_bai)
    book = workbook(report_xlsx(report, "vi"))
    sheet = book.worksheets[0]
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert values[0] == report.programme_name.pick("vi")
    assert values[1] == "Yên Bái · Đến hết tháng 2/2025"  # as of, in words
    for sentence in summary(report, "vi"):
        assert sentence in values
    assert "Mục tiêu đến năm 2030" in values
    htx = next(r for r in sheet.iter_rows() if r[0].value == "Số hợp tác xã")
    assert htx[3].value == "2/2025"  # the period as people write it
    assert (htx[6].value, htx[6].font.color.rgb) == ("đúng hướng", "FF2E9E44")
    # no code, no id, no period in the data's own form on the sheet a leader reads
    assert "htx_count" not in values
    assert "on_track" not in values
    assert not [v for v in values if re.fullmatch(r"\d{4}-\d{2}", v)]
    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize), setup.fitToHeight) == ("landscape", "9", 0)
    assert setup.fitToWidth in (None, 1)  # one page wide (1 is the default, left out)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_no_sheet_holds_a_decimal_year_and_paths_are_whole_cooperatives(
    yen_bai: TargetsFile,
) -> None:
    book = workbook(report_xlsx(example_report(yen_bai), "en"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, float) and 1900 < value < 2200:
                    assert value == int(value), (sheet.title, cell.coordinate, value)
    charts = book["Trajectories"]
    counted = [
        r[2].value for r in charts.iter_rows()
        if r[0].value == "Required path" and isinstance(r[2].value, (int, float))
    ]  # fmt: skip
    assert counted
    assert all(v == int(v) for v in counted)  # 7,467.43 cooperative groups is no count
    dates = [r[1].value for r in charts.iter_rows() if r[0].value == "Actual figures"]
    assert all(d.year >= 2020 for d in dates)  # date cells, not 2025.92
    assert any((d.year, d.month) == (2025, 2) for d in dates)


def test_a_chart_title_from_a_name_is_literal_text_and_nothing_warns(
    yen_bai: TargetsFile, tmp_path: Path
) -> None:
    import warnings

    report = example_report(yen_bai)
    htx = [r._replace(name=LocalText(vi="Biểu 01!B12")) if r.indicator == "htx_count" else r
           for r in report.results]  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # xlsxwriter's warnings would be the user's
        data = report_xlsx(report._replace(results=tuple(htx)), "vi")
    sheet = workbook(data).worksheets[-1]
    titles = []
    for chart in sheet._charts:
        assert chart.title.tx.strRef is not None  # the text of a cell, never a formula typed in
        titles.append(sheet[chart.title.tx.strRef.f.split("!")[-1].replace("$", "")].value)
    assert "Biểu 01!B12" in titles
    if SOFFICE is not None:
        book = tmp_path / "b.xlsx"
        book.write_bytes(data)
        _converted_by_libreoffice(book, tmp_path)


def test_a_note_longer_than_a_cell_is_cut_with_a_warning(tmp_path: Path) -> None:

    note = "ghi chú dài " * 4000  # 48,000 characters
    data = tmp_path / "a.csv"
    data.write_text(f"indicator,period,value,note\nhtx_count,2024,777,{note}\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    done = invoke(["report", str(data), "-f", "xlsx", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "cell_cut" in done.stderr
    assert "47999" in done.stderr  # the note as read: its last space is trimmed
    cells = [c.value for row in workbook(out.read_bytes())["Số liệu đã dùng"].iter_rows()
             for c in row if isinstance(c.value, str)]  # fmt: skip
    kept = max(cells, key=len)
    assert len(kept) <= 32767
    assert kept.endswith("[…]")


@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="LibreOffice")
def test_printed_the_first_page_holds_the_title_and_the_table(
    yen_bai: TargetsFile, tmp_path: Path
) -> None:
    book = tmp_path / "report.xlsx"
    book.write_bytes(report_xlsx(example_report(yen_bai), "vi"))
    pdf = _converted_by_libreoffice(book, tmp_path)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    words = " ".join(first.split())
    assert "Chương trình hành động của Tỉnh ủy Yên Bái" in words
    assert "Đến hết tháng 2/2025" in words
    assert "Mục tiêu đến năm 2030" in words
    assert "Số hợp tác xã" in words
    assert "đúng hướng" in words
    # A4 landscape, and one page wide: the table's first and last columns on the same page
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "1", str(pdf)], capture_output=True, text=True
    ).stdout
    assert re.search(r"Page\s+1 size:\s+841\.\d+ x 595\.\d+ pts", info), info
    assert "Chỉ tiêu" in words
    assert "Tình trạng" in words
    assert not re.search(r"\b\d{4}-\d{2}\b", first)  # periods as people write them
    assert not re.search(r"\b20\d\d[.,]\d+", first)  # and never a decimal year


@given(
    st.lists(st.floats(2000.0, 2060.0, allow_nan=False), min_size=1, max_size=6),
    st.integers(2000, 2070),
)
def test_the_time_axis_marks_each_year_with_its_own_label(times: list[float], year: int) -> None:
    """The marks of a chart's time axis, stepped by whole days as Excel and LibreOffice
    step them, each fall in early January of the year its label says, and every point is
    on the axis: never two marks labelled 2024, never a year's end labelled the year before."""
    from datetime import datetime, timedelta

    from ktt_cli.progress import Point
    from ktt_cli.render.chart import Chart, Track
    from ktt_cli.render.xlsx_charts import _day, _years_axis
    from ktt_cli.units import Unit

    points = tuple(Point(t, 1.0) for t in sorted(times))
    track = Track(year, Point(float(year), 2.0), Status.ON_TRACK, (), ())
    axis = _years_axis(Chart("x", Unit.COUNT, points, None, (track,)))
    epoch = datetime(1899, 12, 30)
    low, high, unit = axis["min"], axis["max"], axis["major_unit"]
    assert unit % 365 == 0
    labels = []
    mark = low
    while mark <= high:
        day = epoch + timedelta(days=mark)
        assert (day.month, min(day.day, 20)) == (1, day.day), day  # its label is its year
        labels.append(day.year)
        mark += unit
    assert labels == list(range(labels[0], labels[0] + len(labels) * (unit // 365), unit // 365))
    assert len(labels) <= 14
    for t in [*times, float(year)]:
        assert low <= (_day(t) - epoch).days <= high
