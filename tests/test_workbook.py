"""The workbook loader: the cells it yields for each fixture, and every refusal (SPEC §9)."""

from __future__ import annotations

import datetime
import io
import subprocess
import sys
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ktt_cli.load import book, workbook, zipguard
from ktt_cli.load.book import (
    ErrorCell,
    PercentCell,
    Sheet,
    UncomputedFormula,
    WorkbookStop,
    percent_format,
)
from ktt_cli.load.workbook import open_workbook
from ktt_cli.model import TargetsFile
from ktt_cli.problems import cell_name
from ktt_cli.render.template_xlsx import FILL_ROWS, template_xlsx
from ktt_cli.units import Unit

HERE = Path(__file__).resolve().parent / "fixtures" / "workbooks"
S197 = "baoyenbai.com.vn, article 12/197327"
S321 = "baoyenbai.com.vn, article 11/321135 (12/4/2024)"
S326 = "baoyenbai.com.vn, article 12/326650"


def read(path: Path, sheet: int = 1) -> dict[int, list[book.Cell]]:
    with open_workbook(path.name, path) as book:
        return dict(book.rows(book.sheets()[sheet - 1]))


def read_all(path: Path | io.BytesIO, name: str) -> None:
    with open_workbook(name, path) as book:
        for sheet in book.sheets():
            for _ in book.rows(sheet):
                pass


def stop(path: Path | io.BytesIO, name: str = "") -> WorkbookStop:
    with pytest.raises(WorkbookStop) as caught:
        read_all(path, name or getattr(path, "name", "file"))
    return caught.value


# ---- good workbooks ---------------------------------------------------------------

LONG_HEADER = ["Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn", "Nguồn", "Ghi chú"]
LONG_ROWS = {
    5: ["htx_count", "Tháng 7/2020", 457, None, S197],
    6: ["htx_members", "T7/2020", "28.000", None, S197, "typed as text"],
    7: ["htx_count", "Năm 2020", 465, None, "daibieunhandan.vn", "an estimate for 2020"],
    8: ["tht_count", "Năm 2023", ">5300", None, S321, '"more than 5.300": a lower bound'],
    9: ["tht_members", "Năm 2023", ">27000", None, S321, '"more than 27.000": a lower bound'],
    10: ["htx_count", "Năm 2023", 727, None, S321],
    11: ["htx_members", "Năm 2023", ">32000", None, S321, '"more than 32.000": a lower bound'],
    12: ["htx_count", "Năm 2024", 777, None, S326, "dated only as about 2024"],
    13: [
        "htx_members",
        "Năm 2024",
        "≈34000",
        None,
        S326,
        '"about 34.000"; dated only as about 2024',
    ],
    14: ["htx_count", datetime.datetime(2025, 2, 28), 834, None, "lienminhhtxyenbai.org.vn"],
    17: ["Người lập biểu", None, None, "Thủ trưởng đơn vị"],
}


def trimmed(rows: dict[int, list[book.Cell]]) -> dict[int, list[book.Cell]]:
    """Rows without their trailing empty cells (writers differ in those)."""
    out = {}
    for number, row in rows.items():
        while row and row[-1] is None:
            row = row[:-1]
        out[number] = row
    return out


@pytest.mark.parametrize("name", ["yen-bai-long.xlsx", "yen-bai-long.ods"])
def test_long_layout_with_titles_merges_dates_formula_and_text(name: str) -> None:
    rows = trimmed(read(HERE / name))
    assert rows[1] == ["BÁO CÁO TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ TỈNH YÊN BÁI"]
    assert rows[2] == ["Biểu số 01"]
    assert 3 not in rows
    assert rows[4] == LONG_HEADER
    assert {n: r for n, r in rows.items() if n > 4} == LONG_ROWS
    assert type(rows[5][2]) is int  # an integer stays an int
    assert type(rows[14][1]) is datetime.datetime


@pytest.mark.parametrize("name", ["yen-bai-long.xlsx", "yen-bai-long.ods"])
def test_hidden_rows_and_sheets_are_reported(name: str) -> None:
    with open_workbook(name, HERE / name) as book:
        sheets = book.sheets()
        assert sheets == [
            Sheet("Biểu 01", 1, False),
            Sheet("Ghi chú", 2, False),
            Sheet("Danh mục", 3, True),
        ]
        assert book.hidden_rows(sheets[0]) == [7]  # before reading the rows: one more pass
        assert len(list(book.rows(sheets[0]))) == 14
        assert book.hidden_rows(sheets[0]) == [7]
        assert book.hidden_rows(sheets[1]) == []
        assert dict(book.rows(sheets[2]))[1] == ["htx_count"]


def test_merged_caption_leaves_the_covered_cells_empty() -> None:
    assert read(HERE / "yen-bai-long.xlsx")[1][1:] == [None] * 5


def test_report_table_layout() -> None:
    rows = trimmed(read(HERE / "yen-bai-report.xlsx"))
    assert rows[4] == [
        "STT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Thực hiện năm 2023",
        "Thực hiện năm 2024",
        "Kế hoạch năm 2025",
    ]
    assert rows[5] == ["I", "Tổ hợp tác"]
    assert rows[9] == [3, "Số hợp tác xã", "HTX", 727, 777]
    assert rows[10] == [4, "Số thành viên hợp tác xã", "người", ">32000", "≈34000"]
    assert rows[12] == [None, "Người lập biểu", None, "Thủ trưởng đơn vị"]


@pytest.mark.parametrize("name", ["yen-bai-libreoffice.xlsx", "yen-bai-libreoffice.ods"])
def test_libreoffice_workbooks_hold_the_example_figures(name: str) -> None:
    rows = trimmed(read(HERE / name))
    assert rows[1] == ["indicator", "period", "value", "region", "source", "note"]
    assert rows[2] == ["htx_count", "2020-07", 457, None, S197]
    assert rows[5] == ["tht_count", "2023", ">5300", None, S321, '"more than 5.300": a lower bound']
    assert rows[11] == ["htx_count", "2025-02", 834, None, "lienminhhtxyenbai.org.vn"]
    assert len(rows) == 11
    with open_workbook(name, HERE / name) as book:
        assert [s.hidden for s in book.sheets()] == [False]


# ---- every kind of cell --------------------------------------------------------------


@pytest.mark.parametrize("name", ["cells.xlsx", "cells.ods"])
def test_cells_keep_their_kind(name: str) -> None:
    rows = read(HERE / name)
    assert rows[2][2] == PercentCell(0.655)
    assert type(rows[2][2]) is PercentCell
    value = rows[3][2]
    assert value == 65.5  # a quoted "%" in the format shows the number as it is
    assert type(value) is float
    assert rows[4][2] == "8.400"  # text stays text: 8.400 must never become 8.4
    assert rows[6][2] == ErrorCell("#DIV/0!")
    assert rows[7][2] == ErrorCell("#N/A")
    assert rows[8][1] == datetime.datetime(2025, 2, 28)
    assert rows[9][5] == "#N/A"  # a text cell reading #N/A is text, not an error
    assert type(rows[9][5]) is str


def test_a_formula_never_computed_is_marked_and_a_boolean_stays_one() -> None:
    rows = read(HERE / "cells.xlsx")
    assert rows[5][2] == UncomputedFormula("=SUM(700,27)")
    assert rows[10][2] is True


def test_libreoffice_computes_on_load() -> None:
    rows = read(HERE / "cells.ods")
    assert rows[5][2] == 727
    assert rows[10][2] == 1  # LibreOffice keeps TRUE as 1 with a boolean format


@pytest.mark.parametrize("name", ["cells.xlsx", "cells.ods"])
def test_hidden_row_and_sheet_of_cells(name: str) -> None:
    with open_workbook(name, HERE / name) as book:
        first, hidden = book.sheets()
        assert (first.hidden, hidden) == (False, Sheet("Ẩn", 2, True))
        list(book.rows(first))
        assert book.hidden_rows(first) == [4]


def test_a_cached_formula_is_its_value() -> None:
    assert read(HERE / "yen-bai-long.xlsx")[12][2] == 777
    with zipfile.ZipFile(HERE / "yen-bai-long.xlsx") as z:
        assert b"<f>727+50</f><v>777</v>" in z.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize(
    ("shown", "scales"),
    [
        ("0%", True),
        ("0.0%", True),
        ("#,##0.00%;[Red]-#,##0.00%", True),
        ('0.0"%"', False),
        ("0.0\\%", False),
        ("[$%-42A]0.0", False),
        ("General", False),
        ("#,##0", False),
    ],
)
def test_percent_format(shown: str, scales: bool) -> None:
    assert percent_format(shown) is scales


@pytest.mark.parametrize(
    ("row", "column", "name"), [(12, 3, "C12"), (1, 1, "A1"), (7, 26, "Z7"), (2, 27, "AA2")]
)
def test_cell_name(row: int, column: int, name: str) -> None:
    assert cell_name(row, column) == name


def test_sheet_by_name_or_position_and_a_missing_one() -> None:
    with open_workbook("yen-bai-long.xlsx", HERE / "yen-bai-long.xlsx") as book:
        assert book.sheet("Ghi chú").position == 2
        assert book.sheet(3).name == "Danh mục"
        assert book.sheet("2").name == "Ghi chú"
        with pytest.raises(WorkbookStop) as caught:
            book.sheet("Biểu 09")
    assert caught.value.code == "no_such_sheet"
    assert "1: Biểu 01, 2: Ghi chú, 3: Danh mục" in caught.value.message
    assert caught.value.sheet == "Biểu 09"


def test_read_from_a_stream_whatever_its_name() -> None:
    data = io.BytesIO((HERE / "yen-bai-report.xlsx").read_bytes())
    with open_workbook("so-lieu.csv", data) as book:
        assert book.sheets()[0].name == "Biểu 02"


# ---- refusals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "advice"),
    [
        ("corrupt.xlsx", "workbook_corrupt", "save it again"),
        ("encrypted.xlsx", "workbook_encrypted", "remove the password"),
        ("old.xls", "workbook_xls", "save it as .xlsx"),
        ("empty.xlsx", "workbook_empty", "first sheet"),
        ("entity-bomb.xlsx", "hostile_xml", "save it again"),
        ("entity-bomb.ods", "hostile_xml", "save it again"),
        ("zip-bomb.xlsx", "workbook_too_large", "save it again"),
        ("zip-bomb-lying.xlsx", "workbook_corrupt", "save it again"),
    ],
)
def test_refused_with_one_clear_error_before_it_is_expanded(
    name: str, code: str, advice: str
) -> None:
    # A bomb expanded is gigabytes; refused, it costs a few MiB of what it declares.
    tracemalloc.start()
    error = stop(HERE / name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 50 * 2**20, peak
    assert (error.code, error.message.startswith(f"{name}: ")) == (code, True)
    assert advice in error.message


def test_the_bombs_are_what_they_claim() -> None:
    """The zip bomb is small on disk and declares 1 GiB; the entity bomb declares entities."""
    bomb = HERE / "zip-bomb.xlsx"
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(bomb) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 1 << 30
    with zipfile.ZipFile(HERE / "entity-bomb.xlsx") as z:
        assert b"<!ENTITY lol9" in z.read("xl/worksheets/sheet1.xml")


def test_the_entity_bomb_is_refused_by_defusedxml_not_by_chance() -> None:
    from defusedxml import EntitiesForbidden

    error: BaseException | None = stop(HERE / "entity-bomb.xlsx")
    causes = []
    while error is not None:
        causes.append(error)
        error = error.__cause__ or error.__context__
    assert any(isinstance(cause, EntitiesForbidden) for cause in causes)


def test_inflating_is_bounded_whatever_the_headers_say(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the declared-size check, what is actually inflated is counted too."""
    data = (HERE / "yen-bai-long.xlsx").read_bytes()
    monkeypatch.setattr(zipguard, "RATIO_FLOOR", 1000)
    monkeypatch.setattr(zipguard, "MAX_RATIO", 1)
    # the declared sizes pass: only the reading sees the member grow
    monkeypatch.setattr(workbook, "_open_zip", _open_zip_without_checks)
    assert stop(io.BytesIO(data), "big.xlsx").code == "workbook_too_large"


def _open_zip_without_checks(name: str, stream: io.BytesIO, _size: int) -> zipguard._GuardedZip:
    archive = zipguard._GuardedZip(stream)
    archive.book = name
    return archive


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "workbook_empty"),
        (b"indicator;period;value\n", "workbook_format"),
        (b"PK\x03\x04 not really a zip", "workbook_corrupt"),
    ],
)
def test_not_a_workbook(data: bytes, code: str) -> None:
    assert stop(io.BytesIO(data), "x.xlsx").code == code


def test_a_zip_that_is_no_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    assert stop(io.BytesIO(out.getvalue()), "x.xlsx").code == "workbook_format"


def test_a_missing_file() -> None:
    assert stop(HERE / "no-such.xlsx").code == "unreadable"


def test_openpyxl_is_not_imported_at_start_up() -> None:
    code = "import ktt_cli.cli, ktt_cli.load.workbook, sys; print('openpyxl' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


# ---- the template ----------------------------------------------------------------------


def test_template_round_trip(yen_bai: TargetsFile) -> None:
    """Fill the template as Excel stores what a user types, read it back exactly."""
    data = template_xlsx(yen_bai, "vi", years=[2023, 2024])
    book = openpyxl.load_workbook(io.BytesIO(data))
    long, report = book.worksheets
    ids = [indicator.id for indicator in yen_bai.indicators]
    row_of = {long.cell(r, 1).value: r for r in range(2, 2 + len(ids))}
    assert list(row_of) == ids
    percent = next(i.id for i in yen_bai.indicators if i.unit is Unit.PERCENT)
    # typed 65,5 in the 0.0% cell: Excel stores 0.655
    long.cell(row_of[percent], 2, "2024")
    long.cell(row_of[percent], 3, 0.655)
    long.cell(row_of["htx_count"], 2, "2025-02")
    long.cell(row_of["htx_count"], 3, 834)
    long.append(["htx_members", "Năm 2023", 32000, None, S321, None])
    report.cell(4, 4, 727)
    report.cell(4, 5, 777)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    with open_workbook("mau.xlsx", out) as filled:
        first, second = filled.sheets()
        assert (first.name, second.name) == ("Số liệu", "Biểu báo cáo")
        rows = trimmed(dict(filled.rows(first)))
        assert rows[1] == LONG_HEADER
        assert rows[row_of[percent]] == [percent, "2024", PercentCell(0.655)]
        assert rows[row_of["htx_count"]] == ["htx_count", "2025-02", 834]
        assert rows[2 + len(ids)] == ["htx_members", "Năm 2023", 32000, None, S321]
        table = trimmed(dict(filled.rows(second)))
        assert table[1] == [
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Thực hiện năm 2023",
            "Thực hiện năm 2024",
        ]
        assert table[4] == [3, "Số hợp tác xã", "số lượng", 727, 777]


def test_template_formats_drop_down_and_comments(yen_bai: TargetsFile) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(yen_bai, "vi", years=[2024])))
    long = book.worksheets[0]
    formats = {long.cell(r, 1).value: long.cell(r, 3).number_format for r in range(2, 14)}
    for indicator in yen_bai.indicators:
        assert percent_format(formats[indicator.id]) is (indicator.unit is Unit.PERCENT)
    (rule,) = long.data_validations.dataValidation
    assert rule.type == "list"
    assert rule.formula1 == '"' + ",".join(i.id for i in yen_bai.indicators) + '"'
    assert str(rule.sqref) == f"A2:A{FILL_ROWS + 1}"
    assert long["B1"].comment is not None
    assert "Quý II/2024" in long["B1"].comment.text
    # periods and regions are text: 2024-06 stays a period, not a date
    assert long.column_dimensions["B"].number_format == "@"
    assert long.column_dimensions["D"].number_format == "@"


def test_template_in_english(yen_bai: TargetsFile) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(yen_bai, "en", years=[2024])))
    assert [c.value for c in book.worksheets[0][1]] == [
        "indicator",
        "period",
        "value",
        "region",
        "source",
        "note",
    ]
    assert book.sheetnames == ["Figures", "Report table"]


def test_a_zip_bomb_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its declared size alone stops it: not one byte of any member is inflated."""

    def inflate(*_: object) -> bytes:
        raise AssertionError("a member was read")

    monkeypatch.setattr(zipguard._Bounded, "read", inflate)
    with pytest.raises(WorkbookStop) as caught:
        open_workbook("zip-bomb.xlsx", HERE / "zip-bomb.xlsx")
    assert caught.value.code == "workbook_too_large"


# ---- .ods as other programs may write it ------------------------------------------------

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods(rows: str) -> io.BytesIO:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}>'
        '<office:body><office:spreadsheet><table:table table:name="Biểu 01">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    out.seek(0)
    return out


def test_ods_repeats_covered_cells_and_uncomputed_formulas() -> None:
    data = ods(
        '<table:table-row table:number-rows-repeated="2">'
        '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
        "<table:table-row>"
        '<table:table-cell office:value-type="string"><text:p>Báo cáo</text:p></table:table-cell>'
        '<table:covered-table-cell office:value-type="string"><text:p>hidden</text:p>'
        "</table:covered-table-cell>"
        '<table:table-cell table:number-columns-repeated="2" office:value-type="float" '
        'office:value="7"/>'
        '<table:table-cell table:number-columns-repeated="16000"/>'
        "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        '<table:table-row><table:table-cell table:formula="of:=1+1"/>'
        '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b</text:p>'
        "</table:table-cell>"
        '<table:table-cell office:value-type="time" office:time-value="PT12H00M00S"/>'
        '<table:table-cell office:value-type="float" office:value="65.5"/>'
        '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>'
        "</table:table-row>"
    )
    tracemalloc.start()
    with open_workbook("x.ods", data) as book:
        rows = dict(book.rows(book.sheets()[0]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 2**20, peak  # a million empty rows of 1,024 cells are not expanded
    assert rows == {
        3: ["Báo cáo", None, 7, 7],
        1048004: [UncomputedFormula("of:=1+1"), "a  b", 0.5, 65.5, True],
    }


def test_ods_with_a_password() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr(
            "META-INF/manifest.xml",
            "<manifest:manifest><manifest:file-entry><manifest:encryption-data/>"
            "</manifest:file-entry></manifest:manifest>",
        )
        book.writestr("content.xml", b"\x8f\x00 encrypted bytes")
    assert stop(io.BytesIO(out.getvalue()), "x.ods").code == "workbook_encrypted"


def test_cells_under_a_merge_are_empty_whatever_they_hold() -> None:
    """LibreOffice can keep the values of merged-over cells; the sheet shows the top-left one."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["BÁO CÁO", "stray", "stray"])
    sheet.append(["kept?", "stray", "stray", "outside"])
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    plain = io.BytesIO()
    book.save(plain)
    merged = io.BytesIO()
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(merged, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>",
                    b'</sheetData><mergeCells count="2"><mergeCell ref="A1:C2"/>'
                    b'<mergeCell ref="B3:B3"/></mergeCells>',
                )
            new.writestr(info, data)
    merged.seek(0)
    with open_workbook("merged.xlsx", merged) as filled:
        rows = dict(filled.rows(filled.sheets()[0]))
    assert rows == {
        1: ["BÁO CÁO", None, None],
        2: [None, None, None, "outside"],
        3: ["Chỉ tiêu", "Kỳ", "Giá trị"],
    }


def test_an_xlsm_is_read_like_an_xlsx() -> None:
    """A macro-enabled workbook differs by its content type (and a vbaProject.bin)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(HERE / "yen-bai-report.xlsx") as old,
        zipfile.ZipFile(out, "w") as new,
    ):
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
                assert b"macroEnabled" in data
            new.writestr(info, data)
        new.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros")
    out.seek(0)
    with open_workbook("so-lieu.xlsm", out) as book:
        assert dict(book.rows(book.sheets()[0]))[9] == [3, "Số hợp tác xã", "HTX", 727, 777]


BOUNDED = """
import sys
from ktt_cli.load.workbook import WorkbookStop, open_workbook
for path in sys.argv[1:]:
    try:
        with open_workbook(path, path) as book:
            for sheet in book.sheets():
                for _ in book.rows(sheet):
                    pass
    except WorkbookStop as e:
        print(e.code)
# the peak of this process's own memory (ru_maxrss would carry the test runner's over exec)
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(int(hwm.split()[1]) // 1024)
"""


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("zip-bomb.xlsx", "workbook_too_large"),
        ("zip-bomb-lying.xlsx", "workbook_corrupt"),
        ("entity-bomb.xlsx", "hostile_xml"),
        ("entity-bomb.ods", "hostile_xml"),
    ],
)
def test_hostile_workbooks_are_refused_in_bounded_memory(name: str, code: str) -> None:
    # each in a process of its own, so that its peak memory is its own
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED, str(HERE / name)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    found, peak_mib = done.stdout.split()
    assert found == code
    assert int(peak_mib) < 150, done.stderr


def test_a_date_cell_out_of_range_is_an_error_cell_without_noise() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["htx_count", 10**9, 834])
    sheet["B1"].number_format = "dd/mm/yyyy"  # Excel shows ########
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with open_workbook("x.xlsx", out) as filled:
            rows = dict(filled.rows(filled.sheets()[0]))
    assert rows == {1: ["htx_count", ErrorCell("#VALUE!"), 834]}
