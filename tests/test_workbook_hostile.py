"""Hostile workbooks (SPEC §7, §9): each an ordinary file's feature taken far, and each
refused with one error placed at its cell, or read, within seconds and bounded memory;
never an internal error (exit 3). The files are written here, zip and XML by hand where
openpyxl cannot make them.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import invoke
from ktt_cli.load import ods as ods_reader
from ktt_cli.load import workbook
from ktt_cli.load.book import MAX_COLUMNS, MAX_ROWS
from ktt_cli.load.merges import Merges
from ktt_cli.load.workbook import open_workbook
from ktt_cli.problems import cell_name
from ktt_cli.store_cells import Places

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def text(value: str, extra: str = "") -> str:
    return (
        f'<table:table-cell office:value-type="string" {extra}><text:p>{value}</text:p>'
        "</table:table-cell>"
    )


def number(value: object, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="float" office:value="{value}" {extra}/>'


def empty(count: int) -> str:
    return f'<table:table-cell table:number-columns-repeated="{count}"/>'


def row(*cells: str, extra: str = "") -> str:
    return f"<table:table-row {extra}>{''.join(cells)}</table:table-row>"


HEADER = row(text("indicator"), text("period"), text("value"))


def ods(path: Path, *tables: tuple[str, str]) -> Path:
    body = "".join(
        f'<table:table table:name="{name}">{rows}</table:table>' for name, rows in tables
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}>'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def xlsx_with(path: Path, old: bytes, new: bytes) -> Path:
    """A workbook openpyxl writes (htx_count, 2024, 7 under the header), its sheet's XML
    then changed (as no spreadsheet program would, or to add many rows fast)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "S"
    sheet.append(["indicator", "period", "value"])
    sheet.append(["htx_count", "2024", 7])
    plain = io.BytesIO()
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            out.writestr(info, data)
    return path


def ktt(command: str, path: Path) -> tuple[int, str]:
    """`ktt COMMAND FILE` run where the file is, so that messages name it bare: exit code,
    and what it printed (a warning goes to standard output with `validate`)."""
    with contextlib.chdir(path.parent):
        result = invoke([command, path.name, "--lang", "en"])
    return result.exit_code, result.stdout + result.stderr


def refused(path: Path) -> str:
    """`ktt report` on the file: exit 2; standard error."""
    code, err = ktt("report", path)
    assert code == 2, err
    return err


# ---- numbers no spreadsheet holds: a placed error, exit 2 (was exit 3) -------------------


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1E309", "1" + "0" * 400])
def test_a_number_no_spreadsheet_holds_in_an_ods_is_a_placed_error(
    tmp_path: Path, value: str
) -> None:
    path = ods(
        tmp_path / "x.ods", ("S", HEADER + row(text("htx_count"), text("2024"), number(value)))
    )
    err = refused(path)
    assert "x.ods:S!C2: not_a_number: Cooperatives: the cell holds" in err
    assert "internal error" not in err


@pytest.mark.parametrize("value", [b"1E309", b"-1E309", b"1" + b"0" * 400])
def test_a_number_no_spreadsheet_holds_in_an_xlsx_is_a_placed_error(
    tmp_path: Path, value: bytes
) -> None:
    path = xlsx_with(tmp_path / "x.xlsx", b"<v>7</v>", b"<v>" + value + b"</v>")
    err = refused(path)
    assert "x.xlsx:S!C2: not_a_number: Cooperatives: the cell holds " in err


def test_a_percent_cell_that_is_infinite_is_a_placed_error(tmp_path: Path) -> None:
    cell = '<table:table-cell office:value-type="percentage" office:value="inf"/>'
    path = ods(tmp_path / "x.ods", ("S", HEADER + row(text("good_fair_share"), text("2024"), cell)))
    assert (
        "x.ods:S!C2: not_a_number: Organisations rated good or fair: the cell holds inf"
        in refused(path)
    )


# ---- repeat counts that are no counts ----------------------------------------------------


@pytest.mark.parametrize("count", ["-5", "0", "x", "1.5", "", "٣"])
def test_a_row_repeat_that_is_no_count_is_a_placed_error(tmp_path: Path, count: str) -> None:
    data = row(
        text("htx_count"), text("2024"), number(5), extra=f'table:number-rows-repeated="{count}"'
    )
    err = refused(ods(tmp_path / "x.ods", ("S", HEADER + data)))
    assert "x.ods:S!A2: workbook_repeat: the file repeats the row here" in err


@pytest.mark.parametrize("count", ["-5", "0", "many"])
def test_a_cell_repeat_that_is_no_count_is_a_placed_error(tmp_path: Path, count: str) -> None:
    cell = number(5, f'table:number-columns-repeated="{count}"')
    err = refused(
        ods(tmp_path / "x.ods", ("S", HEADER + row(text("htx_count"), text("2024"), cell)))
    )
    assert "x.ods:S!C2: workbook_repeat: the file repeats the cell here" in err


def test_a_bad_count_on_an_empty_row_is_refused_too(tmp_path: Path) -> None:
    """-5 is never a count, even where the row holds nothing: it moves every row after it."""
    rows = HEADER + row(empty(3), extra='table:number-rows-repeated="-5"')
    rows += row(text("htx_count"), text("2024"), number(5))
    assert "x.ods:S!A2: workbook_repeat" in refused(ods(tmp_path / "x.ods", ("S", rows)))


# ---- past the grid: an error, never dropped -----------------------------------------------


def test_rows_repeated_past_the_last_row_are_an_error(tmp_path: Path) -> None:
    # rows 2 .. 1,048,575 are empty; the data row is repeated 3 times from row 1,048,576
    rows = HEADER + row(empty(3), extra=f'table:number-rows-repeated="{MAX_ROWS - 2}"')
    rows += row(text("htx_count"), text("2024"), number(5), extra='table:number-rows-repeated="3"')
    err = refused(ods(tmp_path / "x.ods", ("S", rows)))
    assert "x.ods:S!A1048576: workbook_grid: a row holding values is repeated down to row " in err
    assert "1048578" in err


def test_a_row_after_the_last_row_is_an_error(tmp_path: Path) -> None:
    rows = HEADER + row(empty(3), extra=f'table:number-rows-repeated="{MAX_ROWS}"')
    rows += row(text("htx_count"), text("2024"), number(5))
    assert "x.ods:S!A1048578: workbook_grid" in refused(ods(tmp_path / "x.ods", ("S", rows)))


def test_a_cell_repeated_past_the_last_column_is_an_error(tmp_path: Path) -> None:
    cell = number(5, 'table:number-columns-repeated="16383"')  # C .. XFE
    path = ods(tmp_path / "x.ods", ("S", HEADER + row(text("htx_count"), text("2024"), cell)))
    err = refused(path)
    assert (
        "x.ods:S!C2: workbook_grid: a cell holding a value is repeated to column 16384" not in err
    )
    assert "x.ods:S!C2: workbook_grid: a cell holding a value is repeated to column 16385" in err


def test_an_ods_cell_past_the_last_column_is_an_error(tmp_path: Path) -> None:
    """A cell of its own (not repeated) after 16,384 columns: it stands past XFD."""
    data = row(text("htx_count"), text("2024"), number(5), empty(MAX_COLUMNS - 3), text("x"))
    err = refused(ods(tmp_path / "x.ods", ("S", HEADER + data)))
    assert "x.ods:S!XFE2: workbook_grid: the cell lies past the last column of a sheet" in err


def test_an_xlsx_row_past_the_last_row_is_an_error(tmp_path: Path) -> None:
    path = xlsx_with(tmp_path / "x.xlsx", b'<row r="2"', b'<row r="1048577"')
    assert "x.xlsx:S!A1048577: workbook_grid: the cell lies past the last row" in refused(path)


def test_an_xlsx_cell_past_the_last_column_is_an_error(tmp_path: Path) -> None:
    """XFE2 is no cell of a sheet; it was passed over with a warning, as if right of the
    header (SPEC §9: past the grid is an error, never dropped)."""
    cell = b'<c r="XFE2" t="inlineStr"><is><t>x</t></is></c></row>'
    path = xlsx_with(
        tmp_path / "x.xlsx", b"</c></row></sheetData>", b"</c>" + cell + b"</sheetData>"
    )
    assert "x.xlsx:S!XFE2: workbook_grid: the cell lies past the last column" in refused(path)


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (b'<c r="B2" t="e"><v>#N/A</v></c>', "error_cell: the cell holds the error #N/A"),
        (b'<c r="B2" s="0" t="n"><f>1E309</f></c>', "uncomputed_formula: "),
    ],
)
def test_an_error_cell_in_the_period_column_is_said_as_such(
    tmp_path: Path, cell: bytes, said: str
) -> None:
    """It was "'ErrorCell(code='#N/A')' is not a period", the reader's own words."""
    period = b'<c r="B2" t="inlineStr"><is><t>2024</t></is></c>'
    code, out = ktt("validate", xlsx_with(tmp_path / "x.xlsx", period, cell))
    assert code == 1, out
    assert f"x.xlsx:S!B2: {said}" in out
    assert "ErrorCell" not in out
    assert "UncomputedFormula" not in out


@pytest.mark.parametrize("number", ["0", "-1"])
def test_an_xlsx_row_numbered_below_the_first_row_is_an_error(tmp_path: Path, number: str) -> None:
    """A row 0 was read as data placed on no row, and row -1 stopped ktt (exit 3)."""
    path = xlsx_with(tmp_path / "x.xlsx", b'<row r="2"', f'<row r="{number}"'.encode())
    err = refused(path)
    assert f"x.xlsx:S: workbook_grid: the file numbers this row {number}, which is no row" in err


@pytest.mark.parametrize(
    "cell",
    [
        '<table:table-cell office:value-type="float" office:value=""/>',
        '<table:table-cell office:value-type="date" office:date-value="30/6/2024"/>',
        '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="x"/></text:p>'
        "</table:table-cell>",
    ],
)
def test_a_cell_whose_xml_does_not_read_is_a_placed_error(tmp_path: Path, cell: str) -> None:
    path = ods(tmp_path / "x.ods", ("S", HEADER + row(text("htx_count"), text("2024"), cell)))
    assert "x.ods:S!C2: workbook_cell: the cell's XML does not read" in refused(path)


def test_empty_filler_past_the_grid_holds_nothing_to_lose(tmp_path: Path) -> None:
    """LibreOffice fills a sheet with empty rows and cells; past the grid they hold no value."""
    rows = HEADER + row(text("htx_count"), text("2024"), number(5), empty(MAX_COLUMNS * 2))
    rows += row(empty(MAX_COLUMNS * 2), extra=f'table:number-rows-repeated="{MAX_ROWS * 4}"')
    code, err = ktt("validate", ods(tmp_path / "x.ods", ("S", rows)))
    assert code == 0, err


# ---- every cell placed where it stands ------------------------------------------------------


def test_a_cell_at_xfd2_is_placed_at_xfd2_in_an_ods(tmp_path: Path) -> None:
    data = row(text("htx_count"), text("2024"), number(5), empty(MAX_COLUMNS - 4), text("x"))
    code, err = ktt("validate", ods(tmp_path / "x.ods", ("S", HEADER + data)))
    assert code == 0, err
    assert "x.ods:S!XFD2: warning: beyond_header: a cell right of the header's last" in err


def test_a_cell_at_xfd2_is_placed_at_xfd2_in_an_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "S"
    sheet.append(["indicator", "period", "value"])
    sheet.append(["htx_count", "2024", 5])
    sheet["XFD2"] = "x"
    book.save(tmp_path / "x.xlsx")
    code, err = ktt("validate", tmp_path / "x.xlsx")
    assert code == 0, err
    assert "x.xlsx:S!XFD2: warning: beyond_header" in err


def test_a_cell_far_beyond_column_amj_is_placed_where_it_stands(tmp_path: Path) -> None:
    """A table whose period and value columns are APH and API (columns 1,100 and 1,101):
    an error in its period cell names APH2 (it was named as if a row had 1,024 cells)."""
    steps = "".join(empty(199) + text(f"x{k}") for k in range(5))  # notes at 201 ... 1001
    header = row(text("indicator"), steps, empty(98), text("period"), text("value"))
    data = row(text("htx_count"), empty(1098), text("2024-13"), number(5))
    code, out = ktt("validate", ods(tmp_path / "x.ods", ("S", header + data)))
    assert code == 1, out
    assert f"x.ods:S!{cell_name(2, 1100)}: invalid_period" in out
    assert cell_name(2, 1100) == "APH2"


@given(st.integers(1, MAX_ROWS), st.integers(1, MAX_COLUMNS), st.integers(0, 3))
def test_every_cell_of_the_grid_has_a_place_of_its_own(row_: int, column: int, sheets: int) -> None:
    places = Places()
    for n in range(sheets):  # full sheets before this one: place numbers past 2**32
        places.begin("x.xlsx", f"S{n}", workbook.SheetTable.stride)
        places.end(MAX_ROWS)
    base = places.begin("x.xlsx", "S", workbook.SheetTable.stride)
    place = places.place(base + row_ * workbook.SheetTable.stride + column - 1)
    assert (place.sheet, place.cell, place.line) == ("S", cell_name(row_, column), row_)


# ---- repeats, long texts: bounded -------------------------------------------------------------

BOUNDED = """
import sys
from typer.testing import CliRunner
from ktt_cli.cli import app
result = CliRunner().invoke(app, ["--lang", "en", "report", sys.argv[1]])
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(result.exit_code, int(hwm.split()[1]) // 1024)
print(result.stderr)
"""


def bounded(path: Path) -> tuple[int, str]:
    """`ktt report` in a process of its own: exit code, standard error; its peak memory
    under 150 MiB (the timeout only keeps a hang from stalling the suite: budgets of
    time are the benchmark's)."""
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED, path.name],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=path.parent,
    )
    first, _, err = done.stdout.partition("\n")
    code, peak_mib = first.split()
    assert int(peak_mib) < 150, (peak_mib, done.stderr)
    return int(code), err


def test_a_value_repeated_over_16000_columns_of_100000_rows_is_refused(tmp_path: Path) -> None:
    data = row(
        text("htx_count"),
        text("2024"),
        number(5),
        number(1, 'table:number-columns-repeated="16000"'),
        extra='table:number-rows-repeated="100000"',
    )
    code, line = bounded(ods(tmp_path / "x.ods", ("S", HEADER + data)))
    assert code == 2
    assert line.startswith("x.ods:S!A2: workbook_repeats: the sheet repeats cells holding values")


def test_a_value_repeated_over_16000_columns_of_one_row_is_read(tmp_path: Path) -> None:
    """16,000 cells that hold a value, once: what the row holds, read in proportion."""
    data = row(
        text("htx_count"),
        text("2024"),
        number(5),
        number(1, 'table:number-columns-repeated="16000"'),
    )
    code, line = bounded(ods(tmp_path / "x.ods", ("S", HEADER + data)))
    assert code == 0
    assert line.startswith("x.ods:S!D2: warning: beyond_header: 16000 cell(s) right of the")


def test_a_million_empty_rows_of_16000_empty_cells_cost_nothing(tmp_path: Path) -> None:
    rows = HEADER + row(text("htx_count"), text("2024"), number(5))
    rows += row(empty(16000), extra='table:number-rows-repeated="1000000"')
    rows += row(text("htx_count"), text("2025"), number(6))
    code, line = bounded(ods(tmp_path / "x.ods", ("S", rows)))
    assert (code, line.strip()) == (0, "")


def test_a_row_repeated_a_few_hundred_times_is_read(tmp_path: Path) -> None:
    """LibreOffice writes equal neighbouring rows once, repeated: each is a row of its own."""
    data = row(text("htx_count"), text("2024"), number(5), extra='table:number-rows-repeated="300"')
    path = ods(tmp_path / "x.ods", ("S", HEADER + data))
    with open_workbook("x.ods", path) as book:
        rows = list(book.rows(book.sheets()[0]))
    assert [n for n, _ in rows] == list(range(1, 302))
    code, err = ktt("validate", path)
    assert code == 0, err
    assert "x.ods:S!C3: warning: repeated_row" in err


@pytest.mark.parametrize("kind", ["ods", "xlsx"])
def test_a_value_at_xfd_on_every_row_costs_the_rows_values(tmp_path: Path, kind: str) -> None:
    """A value at XFD on each of 30,000 rows: 120,000 values, not 30,000 x 16,384 cells.
    Once the header is known, cells right of it are counted, not made into rows."""
    first = datetime.date(1940, 1, 1)  # 30,000 days, all before the run (SPEC §3)
    days = [(first + datetime.timedelta(days=k)).isoformat() for k in range(30_000)]
    if kind == "ods":
        far = empty(MAX_COLUMNS - 4) + number(1)
        data = "".join(row(text("htx_count"), text(day), number(5), far) for day in days)
        path = ods(tmp_path / "x.ods", ("S", HEADER + data))
    else:
        cells = '<c r="A{0}" t="inlineStr"><is><t>htx_count</t></is></c><c r="B{0}" '
        cells += 't="inlineStr"><is><t>{1}</t></is></c><c r="C{0}"><v>5</v></c>'
        cells += '<c r="XFD{0}"><v>1</v></c>'
        data = "".join(
            f'<row r="{n}">{cells.format(n, day)}</row>' for n, day in enumerate(days, 2)
        )
        path = xlsx_with(
            tmp_path / "x.xlsx", b"</row></sheetData>", b"</row>" + data.encode() + b"</sheetData>"
        )
    code, err = bounded(path)
    assert code == 0, err
    said = f"x.{kind}:S!XFD2: warning: beyond_header: 30000 cell(s) right of the header's last "
    assert said + "column are not read, the first here" in err
    assert err.count("beyond_header") == 1, err  # the rows before the header was known too


def test_equal_neighbours_of_a_large_real_table_are_read(tmp_path: Path) -> None:
    """LibreOffice writes equal neighbours as one repeated element: 60,000 rows each with a
    run of 20 `-` cells, in pairs of equal rows, are 1,230,000 cells so made (19 + 22 an
    element), each in a run a few copies long: the whole-workbook limit refused such a
    file, made the way a large commune table is saved."""
    dashes = text("-", 'table:number-columns-repeated="20"')
    twice = 'table:number-rows-repeated="2"'
    lines = "".join(
        row(text(f'Xã<text:s text:c="2"/>{k}'), dashes, number(k * 7919 % 10007), extra=twice)
        for k in range(30_000)
    )
    with open_workbook("x.ods", ods(tmp_path / "x.ods", ("S", lines))) as book:
        rows = list(book.rows(book.sheets()[0]))
    assert len(rows) == 60_000
    assert rows[-1] == (60_000, ["Xã  29999", *["-"] * 20, 29999 * 7919 % 10007])


def test_a_hundred_million_repeated_spaces_are_refused(tmp_path: Path) -> None:
    cell = text('htx_count<text:s text:c="100000000"/>')
    code, line = bounded(
        ods(tmp_path / "x.ods", ("S", HEADER + row(cell, text("2024"), number(5))))
    )
    assert code == 2
    assert line.startswith("x.ods:S!A2: workbook_spaces: the cell's text repeats spaces")


def test_spaces_as_text_writes_them_are_read(tmp_path: Path) -> None:
    cell = text('Số<text:s text:c="3"/>hợp tác xã')
    path = ods(tmp_path / "x.ods", ("S", HEADER + row(cell, text("2024"), number(5))))
    with open_workbook("x.ods", path) as book:
        assert dict(book.rows(book.sheets()[0]))[2][0] == "Số   hợp tác xã"


def test_a_table_inside_a_cell_holds_no_rows_of_the_sheet(tmp_path: Path) -> None:
    """OpenDocument lets a cell hold a table of its own: its rows are not rows of the sheet
    (its header row was read as row 2 of the sheet, its figure as a figure)."""
    inner = row(text("indicator"), text("period"), text("value"))
    inner += row(text("htx_count"), text("2023"), number(3))
    cell = (
        f'<table:table-cell><table:table table:name="in">{inner}</table:table></table:table-cell>'
    )
    data = row(text("htx_count"), text("2024"), number(5), cell)
    path = ods(tmp_path / "x.ods", ("S", HEADER + data))
    with open_workbook("x.ods", path) as book:
        assert list(book.rows(book.sheets()[0])) == [
            (1, ["indicator", "period", "value"]),
            (2, ["htx_count", "2024", 5]),
        ]


def test_date_cells_under_many_column_styles_cost_their_number(tmp_path: Path) -> None:
    """A date cell without a style of its own takes its column's: 16,000 column elements
    and a date cell in their last column on each of 40,000 rows: each looked up in log
    steps, not in 16,000 (a cell right of the header is still read, then counted)."""
    columns = "".join(
        f'<table:table-column table:default-cell-style-name="c{k}"/>' for k in range(16_000)
    )
    date = '<table:table-cell office:value-type="date" office:date-value="2024-06-30"/>'
    first = datetime.date(1900, 1, 1)
    days = [(first + datetime.timedelta(days=k)).isoformat() for k in range(40_000)]
    data = "".join(row(text("htx_count"), text(d), number(5), empty(15_996), date) for d in days)
    code, err = bounded(ods(tmp_path / "x.ods", ("S", columns + HEADER + data)))
    assert code == 0, err
    assert "x.ods:S!WQJ2: warning: beyond_header: 40000 cell(s) right of the header's" in err


# ---- merged ranges: their count costs, not the area they span ---------------------------


def merged(path: Path, *ranges: str, rows: bytes = b"") -> Path:
    """`xlsx_with` whose sheet holds `rows` after the data and the merged `ranges`."""
    merges = "".join(f'<mergeCell ref="{r}"/>' for r in ranges).encode()
    tail = rows + b'</sheetData><mergeCells count="%d">%s</mergeCells>' % (len(ranges), merges)
    return xlsx_with(path, b"</sheetData>", tail)


def test_merges_over_whole_columns_cost_their_count_not_their_height(tmp_path: Path) -> None:
    """Four ranges over whole columns (D1:D1048576 ...) and one over the rest of the table:
    each was listed row by row, a million entries a range (three took 5.7 s and 427 MB)."""
    ranges = [f"{c}1:{c}{MAX_ROWS}" for c in "DEFG"] + [f"A3:C{MAX_ROWS}"]
    code, err = bounded(merged(tmp_path / "x.xlsx", *ranges))
    assert code == 0, err


def test_a_value_under_a_merge_over_a_whole_column_is_empty(tmp_path: Path) -> None:
    """C2:C1048576 shows C2 (7) alone: the 9 LibreOffice kept in C3 is not on the sheet."""
    rows = b'<row r="3"><c r="A3" t="inlineStr"><is><t>htx_count</t></is></c>'
    rows += b'<c r="B3" t="inlineStr"><is><t>2025</t></is></c><c r="C3"><v>9</v></c></row>'
    code, out = ktt("validate", merged(tmp_path / "x.xlsx", f"C2:C{MAX_ROWS}", rows=rows))
    assert code == 0, out
    assert "x.xlsx:S!C3: warning: no_figure: 1 cell(s) say there is no figure" in out


def test_too_many_merged_ranges_are_refused(tmp_path: Path) -> None:
    ranges = [f"D{n}:E{n}" for n in range(1, 100_003)]
    err = refused(merged(tmp_path / "x.xlsx", *ranges))
    assert "x.xlsx:S: workbook_merges: the sheet holds more than 100000 merged ranges" in err


def test_rows_out_of_order_under_merges_are_a_placed_error(tmp_path: Path) -> None:
    """No spreadsheet program writes row 2 after row 5; with merges, the sweep down the
    sheet cannot go back, so the file is refused rather than read half-covered."""
    rows = b'<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row>'
    path = xlsx_with(tmp_path / "x.xlsx", b'<row r="2"', rows + b'<row r="2"')
    path = xlsx_with_merges(path, "D1:E9")
    err = refused(path)
    assert "x.xlsx:S!A2: workbook_order: the row comes after row 5 in the file" in err


def xlsx_with_merges(path: Path, *ranges: str) -> Path:
    """The workbook at `path` with the merged `ranges` added to its sheet."""
    merges = "".join(f'<mergeCell ref="{r}"/>' for r in ranges).encode()
    tail = b'</sheetData><mergeCells count="%d">%s</mergeCells>' % (len(ranges), merges)
    data = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            member = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                member = member.replace(b"</sheetData>", tail)
            out.writestr(info, member)
    return path


_SPANS = st.tuples(st.integers(1, 12), st.integers(1, 12), st.integers(1, 12), st.integers(1, 12))


@given(st.lists(_SPANS, max_size=8), st.lists(st.integers(1, 14), max_size=10))
def test_merges_cover_what_a_cell_by_cell_listing_covers(
    spans: list[tuple[int, int, int, int]], numbers: list[int]
) -> None:
    """The sweep empties exactly the cells some range covers but its top-left one, worked
    out cell by cell here, for ranges in any corner order and overlapping."""
    covered = {
        (r, c)
        for top, left, bottom, right in spans
        if (top, left) != (bottom, right)
        for r in range(min(top, bottom), max(top, bottom) + 1)
        for c in range(min(left, right), max(left, right) + 1)
        if (r, c) != (min(top, bottom), min(left, right))
    }
    sweep = Merges(spans)
    for number in sorted(set(numbers)):
        cells: list[object] = list(range(1, 14))
        sweep.blank(number, cells)
        assert [c is None for c in cells] == [(number, c) in covered for c in range(1, 14)]


# ---- many sheets: one pass over the file ------------------------------------------------------


def test_an_ods_of_a_hundred_sheets_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each sheet's rows come as one pass over content.xml reaches them: reading sheet k
    never parses sheets 1..k-1 again (100 sheets took 29 s where 2 took 2 s)."""
    tables = [
        (
            f"Biểu {k}",  # a sheet named `Xã …` would be a commune's (SPEC §11)
            HEADER + row(text("htx_count"), text(f"{2000 + k % 25}"), number(k % 25 + 1)) * 3,
        )
        for k in range(100)
    ]
    path = ods(tmp_path / "x.ods", *tables)
    opened: list[str] = []
    events = ods_reader._OdsBook._events

    def counted(self: ods_reader._OdsBook, member: str = "content.xml") -> object:
        opened.append(member)
        return events(self, member)

    monkeypatch.setattr(ods_reader._OdsBook, "_events", counted)
    code, err = ktt("validate", path)
    assert "read 100 sheet(s) as one data set: 'Biểu 0', 'Biểu 1'" in err
    assert opened == ["content.xml"]
    assert code == 0, err


def test_a_warning_names_thirty_sheets_and_counts_the_others(tmp_path: Path) -> None:
    """5,000 empty sheets before the data sheet: one warning of 30 names and a count, not
    of 5,000 names."""
    empties = [(f"Trống {k}", "") for k in range(5_000)]
    data = ("S", HEADER + row(text("htx_count"), text("2024"), number(5)))
    code, err = ktt("validate", ods(tmp_path / "x.ods", *empties, data))
    assert code == 0, err
    names = ", ".join(f"'Trống {k}'" for k in range(30))
    assert f"read 1 sheet(s) as one data set: 'S'; passed over {names}, … (+4970): no" in err
    assert "'Trống 30'" not in err


def test_sheets_read_in_their_order_through_the_api_are_one_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = [
        (f"Xã {k}", HEADER + row(text("htx_count"), text("2024"), number(k))) for k in range(50)
    ]
    path = ods(tmp_path / "x.ods", *tables)
    opened: list[str] = []
    events = ods_reader._OdsBook._events

    def counted(self: ods_reader._OdsBook, member: str = "content.xml") -> object:
        opened.append(member)
        return events(self, member)

    monkeypatch.setattr(ods_reader._OdsBook, "_events", counted)
    with open_workbook("x.ods", path) as book:
        sheets = book.sheets()  # one pass lists them, and one finds a cell
        opened.clear()
        values = [dict(book.rows(sheet))[2][2] for sheet in sheets]
    assert values == list(range(50))
    assert opened == ["content.xml"]
