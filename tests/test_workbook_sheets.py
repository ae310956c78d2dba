"""Which sheets of a workbook are read (SPEC §9), and date cells that show a month or a
year: workbooks made by openpyxl, then saved again by LibreOffice as .xlsx and .ods."""

from __future__ import annotations

import contextlib
import datetime
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from ktt_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMUNES = ROOT / "examples" / "synthetic-communes.yaml"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
KINDS = ["openpyxl.xlsx", "libreoffice.xlsx", "libreoffice.ods"]


def ktt(path: Path, *args: str) -> tuple[int, str, str]:
    """`ktt ARGS… FILE` where the file is, so that messages name it bare."""
    with contextlib.chdir(path.parent):
        result = CliRunner().invoke(app, [*args, path.name, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def report(path: Path, *args: str) -> tuple[dict[str, object], str]:
    code, out, err = ktt(path, "report", "--format", "json", *args)
    assert code == 0, err
    found: dict[str, object] = json.loads(out)
    return found, err


def actual(found: dict[str, object], indicator: str, part: str = "results") -> object:
    rows = found[part]
    assert isinstance(rows, list)
    return next((r["actual"], r["actual_period"]) for r in rows if r["indicator"] == indicator)


def saved_as(made: Path, kind: str, folder: Path) -> Path:
    """The workbook `made` by openpyxl, as `kind` says: itself, or saved again by
    LibreOffice (as an office that opens and saves a file would)."""
    if kind == "openpyxl.xlsx":
        return made
    if SOFFICE is None:
        pytest.skip("no LibreOffice installed (libreoffice-calc-nogui)")
    extension = kind.rpartition(".")[2]
    out = folder / kind
    out.mkdir(exist_ok=True)
    command = [
        SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
        "--convert-to", extension, "--outdir", str(out), str(made),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    converted = out / f"{made.stem}.{extension}"
    assert converted.exists(), done.stdout + done.stderr
    return converted


Made = Callable[[str], Path]


def made_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Made:
    """`build` the workbook once, and each kind of it once, as tests ask for them."""
    folder = factory.mktemp(name)
    made = folder / f"{name}.xlsx"
    build(made)
    kinds: dict[str, Path] = {}

    def get(kind: str) -> Path:
        if kind not in kinds:
            kinds[kind] = saved_as(made, kind, folder)
        return kinds[kind]

    return get


# ---- sheets read and passed over ----------------------------------------------------------


def _sheets(path: Path) -> None:
    """A hidden first sheet (an old copy, with its own header), the data sheet, a sheet of
    notes, and a second data sheet."""
    book = openpyxl.Workbook()
    old = book.active
    assert old is not None
    old.title = "Danh mục"
    old.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    old.append(["htx_count", "Năm 2024", 999])
    old.sheet_state = "hidden"
    data = book.create_sheet("Biểu 01")
    data.append(["BÁO CÁO KINH TẾ TẬP THỂ"])
    data.append([])
    data.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    data.append(["htx_count", "Năm 2024", 834])
    data.append(["htx_members", "Năm 2024", 34000])
    notes = book.create_sheet("Ghi chú")
    notes.append(["Số liệu do Liên minh HTX tỉnh cung cấp."])
    second = book.create_sheet("Biểu 02")
    second.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    second.append(["tht_count", "Năm 2024", 5400])
    book.save(path)


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return made_once(tmp_path_factory, "sheets", _sheets)


@pytest.mark.parametrize("kind", KINDS)
def test_every_visible_sheet_whose_header_reads_is_read_and_a_hidden_one_is_not(
    sheets: Made, kind: str
) -> None:
    path = sheets(kind)
    found, err = report(path)
    assert actual(found, "htx_count") == (834, "2024")  # not the hidden sheet's 999
    assert actual(found, "tht_count") == (5400, "2024")  # the second data sheet's
    assert (
        f"{path.name}: warning: sheets_read: read 2 sheet(s) as one data set: 'Biểu 01', "
        "'Biểu 02'; passed over the hidden sheet(s) 'Danh mục' (name one with --sheet to "
        "read it) and 'Ghi chú': no header ktt reads within the first 20 rows"
    ) in err


@pytest.mark.parametrize("kind", KINDS)
def test_a_hidden_sheet_is_read_when_named(sheets: Made, kind: str) -> None:
    path = sheets(kind)
    found, err = report(path, "--sheet", "Danh mục")
    assert actual(found, "htx_count") == (999, "2024")
    assert f"{path.name}:Danh mục: warning: hidden_sheet" in err
    assert "sheets_read" not in err


def test_a_sheet_named_by_its_position(sheets: Made) -> None:
    found, _ = report(sheets("openpyxl.xlsx"), "--sheet", "4")
    assert actual(found, "tht_count") == (5400, "2024")
    assert actual(found, "htx_count") == (None, None)


def _hidden_only(path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Ghi chú"
    notes.append(["Xem trang tính ẩn."])
    data = book.create_sheet("Số liệu")
    data.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    data.append(["htx_count", "Năm 2024", 834])
    data.sheet_state = "hidden"
    book.save(path)


def test_figures_only_on_a_hidden_sheet_are_an_error_that_says_so(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    _hidden_only(path)
    code, _, err = ktt(path, "report")
    assert code == 2
    assert (
        "x.xlsx: no_header: no visible sheet ('Ghi chú') has a header ktt reads within its "
        "first 20 rows; hidden sheets ('Số liệu') are read only when named with --sheet"
    ) in err


def test_a_workbook_of_one_sheet_says_nothing_of_sheets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append(["htx_count", "Năm 2024", 834])
    book.save(tmp_path / "x.xlsx")
    _, err = report(tmp_path / "x.xlsx")
    assert "sheets_read" not in err


def _communes(path: Path) -> None:
    """A sheet per commune, as communes send them and an office gathers them."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "P. Yên Bái"
    for sheet, region, value in ((first, "Phường Yên Bái", 27), (None, "Phường Văn Phú", 14)):
        sheet = sheet or book.create_sheet(region)
        sheet.append(["Chỉ tiêu", "Năm", "Địa bàn", "Số lượng"])
        sheet.append(["htx_count", 2025, region, value])
    book.save(path)


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return made_once(tmp_path_factory, "communes", _communes)


@pytest.mark.parametrize("kind", KINDS)
def test_a_sheet_per_commune_is_read_whole(communes: Made, kind: str) -> None:
    path = communes(kind)
    found, err = report(path, "-t", str(COMMUNES), "--by", "region")
    rows = found["breakdown"]
    assert isinstance(rows, list)
    got = {(r["region"], r["actual"]) for r in rows if r["indicator"] == "htx_count"}
    assert {("Phường Yên Bái", 27), ("Phường Văn Phú", 14)} <= got
    assert "read 2 sheet(s) as one data set: 'P. Yên Bái', 'Phường Văn Phú'" in err


# ---- date cells that show a month or a year ------------------------------------------------


def _months(path: Path) -> None:
    """Period cells as Excel makes them of `6/2024` typed in (a date, 1/6/2024, shown as
    the month), in the formats offices use, and one date shown with its day."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Biểu 01"
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    rows = [
        ("htx_count", datetime.datetime(2024, 6, 1), 700, "mm/yyyy"),
        ("htx_count", datetime.datetime(2025, 2, 1), 834, "mmm-yy"),
        ("htx_members", datetime.datetime(2024, 6, 1), 30000, "[$-42A]mmmm yyyy"),
        ("tht_count", datetime.datetime(2023, 1, 1), 5300, "yyyy"),
        ("tht_members", datetime.datetime(2024, 6, 15), 27000, "dd/mm/yyyy"),
        ("union_count", datetime.datetime(2024, 3, 1), 3, '"Tháng "m"/"yyyy'),
    ]
    for indicator, day, value, shown in rows:
        sheet.append([indicator, day, value])
        sheet.cell(sheet.max_row, 2).number_format = shown
    book.save(path)


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return made_once(tmp_path_factory, "months", _months)


@pytest.mark.parametrize("kind", KINDS)
def test_a_date_cell_that_shows_no_day_is_the_month_or_the_year_it_shows(
    months: Made, kind: str
) -> None:
    found, _ = report(months(kind))
    assert found["as_of"] == "2025-02"  # the cell shown Feb-25: February, not its first day
    assert actual(found, "htx_count") == (834, "2025-02")
    assert actual(found, "htx_members") == (30000, "2024-06")
    assert actual(found, "tht_count") == (5300, "2023")
    assert actual(found, "tht_members") == (27000, "2024-06-15")  # shown with its day
    assert actual(found, "union_count") == (3, "2024-03")


def test_what_a_number_format_shows_of_a_date() -> None:
    from ktt_cli.load.workbook import date_shows

    months = ["mm/yyyy", "mmm-yy", "[$-42A]mmmm yyyy", "MM/YYYY", "[$-409]mmm\\-yy;@", "mmmm"]
    assert {date_shows(f) for f in months} == {"month"}
    assert {date_shows(f) for f in ["yyyy", "YYYY", '"Năm "yyyy']} == {"year"}
    days = ["dd/mm/yyyy", "m/d/yy", "d-mmm-yy", "mm-dd-yy", "h:mm AM/PM", "General", '"d"yyyy']
    assert [date_shows(f) for f in days] == ["day"] * 6 + ["year"]


def _month_columns(path: Path) -> None:
    """A report table whose period columns are headed by month cells: `5/2024` and `6/2024`
    typed into Excel's header (dates, shown `05/2024` and `Jun-24`)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Biểu 01"
    sheet.append(["Chỉ tiêu", datetime.datetime(2024, 5, 1), datetime.datetime(2024, 6, 1)])
    sheet["B1"].number_format = "mm/yyyy"
    sheet["C1"].number_format = "mmm-yy"
    sheet.append(["htx_count", 700, 712])
    book.save(path)


@pytest.fixture(scope="module")
def month_columns(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return made_once(tmp_path_factory, "month-columns", _month_columns)


@pytest.mark.parametrize("kind", KINDS)
def test_month_cells_heading_a_report_table_are_its_months(month_columns: Made, kind: str) -> None:
    """A header date cell was no period a header reads: the sheet had no header at all."""
    found, _ = report(month_columns(kind))
    assert actual(found, "htx_count") == (712, "2024-06")


def test_what_an_ods_date_style_shows_of_a_date() -> None:
    """A week shown with its year (`WW/YYYY`) is finer than a month: the date is kept, not
    read as the year it also shows."""
    from xml.etree.ElementTree import Element, SubElement

    from ktt_cli.load.workbook import _date_shows

    number = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"

    def style(*parts: str) -> Element:
        element = Element(f"{number}date-style")
        for part in parts:
            SubElement(element, f"{number}{part}")
        return element

    assert _date_shows(style("month", "text", "year")) == "month"
    assert _date_shows(style("year")) == "year"
    assert _date_shows(style("quarter", "year")) == "quarter"
    assert _date_shows(style("day", "month", "year")) == "day"
    assert _date_shows(style("week-of-year", "text", "year")) == "day"
