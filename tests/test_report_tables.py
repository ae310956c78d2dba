"""Report tables as offices keep them (SPEC §3 "Headers of more than one row", "The
column-number row", "Rows that are not data"; §9 merged cells).

The fixtures of tests/fixtures/office/bieu-0* are made by make_office_tables.py there:
openpyxl with merged ranges, then saved by LibreOffice as .xlsx, .ods and CSV with `;` and
with `,` (-phay.csv). Each must give the figures of its twin whose header was flattened by
hand to one row. Their figures are synthetic, every plan figure differing from the actual
beside it.
"""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import helpers as harness
from helpers import invoke
from ktt_cli.load.text import Source
from ktt_cli.model import TargetsFile
from ktt_cli.problems import Problem, ProblemLog
from ktt_cli.store import Actuals
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
OFFICE = Path(__file__).parent / "fixtures" / "office"
TARGETS = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", ProblemLog())
TABLES = ["bieu-01-hai-dong", "bieu-02-theo-thang", "bieu-03-ba-dong"]
MADE = [".xlsx", "-libreoffice.xlsx", ".ods", ".csv", "-phay.csv"]

#: Every plan figure of the fixtures, by indicator: none may be read as a figure.
PLANS = {
    "tht_count": {5500, 5600},
    "tht_members": {28000, 28500},
    "htx_count": {1500, 1490, 1450},
    "htx_members": {33000, 34000},
    "union_count": {4},
    "good_fair_share": {60, 62},
    "high_tech_htx": {60, 70},
}


def report(path: Path, *args: str) -> tuple[list[dict[str, object]], str]:
    result = invoke(["report", str(path), "-f", "json", "--lang", "en", *args])
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)["results"]
    for row in found:  # notes and sources name their own line
        row.pop("actual_source")
        row.pop("actual_note")
    return found, result.stderr


def read(text: str, targets: TargetsFile | None = None, name: str = "t.csv") -> Actuals_Log:
    return harness.read(harness.source(name, text.encode()), targets=targets or TARGETS)


Actuals_Log = tuple[Actuals, ProblemLog]


def figures(actuals: Actuals) -> dict[str, list[tuple[str, float, str | None]]]:
    return {
        indicator: [(o.period.text, o.value, o.qualifier) for o in observations]
        for indicator, observations in actuals.series.items()
        if observations
    }


def errors(log: ProblemLog) -> list[Problem]:
    return [p for p in log if p.severity == "error"]


# ---- the office's files, each as its flat twin -------------------------------------------


@pytest.mark.parametrize("made", MADE)
@pytest.mark.parametrize("table", TABLES)
def test_an_office_table_gives_the_figures_of_its_flat_twin(table: str, made: str) -> None:
    office, _ = report(OFFICE / f"{table}{made}")
    flat, _ = report(OFFICE / f"{table}-phang.csv")
    assert office == flat
    assert any(r["actual"] is not None for r in office)


@pytest.mark.parametrize(
    "name",
    [f"{t}{m}" for t in TABLES for m in [*MADE, "-phang.csv"]] + ["bao-cao-bieu-01.csv"],
)
def test_no_plan_figure_is_ever_read(name: str) -> None:
    actuals, log = harness.read(harness.fixture(OFFICE / name), targets=TARGETS)
    assert not errors(log), [str(p) for p in log]
    assert actuals.store is not None
    plans = {"htx_count": {900}} if name.startswith("bao-cao") else PLANS  # its Kế hoạch
    for indicator, observations in actuals.series.items():
        for o in observations:
            assert o.value not in plans.get(indicator, set()), (indicator, o)


def test_the_issues_table_gives_the_estimates_not_the_plan() -> None:
    # Năm 2025 over Kế hoạch | Thực hiện; 6 tháng đầu năm 2026 over Kế hoạch | Ước thực
    # hiện: htx_count is 1.485 (an estimate of 2026-H1), never the plan's 1.490; union
    # count 3, never 4.
    results, warnings = report(OFFICE / "bieu-01-hai-dong.ods")
    got = {
        r["indicator"]: (r["actual"], r["actual_period"], r["actual_qualifier"]) for r in results
    }
    assert got["htx_count"] == (1485, "2026-H1", "≈")
    assert got["union_count"] == (3, "2026-H1", "≈")
    assert got["good_fair_share"] == (61.2, "2026-H1", "≈")
    assert "'Năm 2025 · Kế hoạch'" in warnings  # the plan columns are named, passed over


def test_the_months_under_the_year_are_that_years() -> None:
    # Thực hiện năm 2026 merged over Tháng 9 | Tháng 10 | Tháng 11
    path = OFFICE / "bieu-02-theo-thang.xlsx"
    actuals, _ = harness.read(harness.fixture(path), targets=TARGETS)
    assert figures(actuals)["htx_count"] == [
        ("2026-09", 1478, None),
        ("2026-10", 1481, None),
        ("2026-11", 1486, None),
    ]


# ---- header bands in text ------------------------------------------------------------------

BAND = """\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM;;;;;;
Biểu số 01;;;;;;
STT;Chỉ tiêu;ĐVT;{top}
;;;{low}
1;Số hợp tác xã;HTX;10;11;12;13
"""


@pytest.mark.parametrize(
    ("top", "low", "expected"),
    [
        # the period over the kind
        ("Năm 2025;;6 tháng 2026;", "KH;TH;KH;Ước TH", [("2025", 11, None), ("2026-H1", 13, "≈")]),
        # the kind over the periods
        (
            "Thực hiện năm 2026;;;",
            "Quý I;Quý II;Quý III;Tháng 10",
            [
                ("2026-Q1", 10, None),
                ("2026-Q2", 11, None),
                ("2026-Q3", 12, None),
                ("2026-10", 13, None),
            ],
        ),
        # a period of its own with no kind over it is an actual, as in a header of one row
        ("Năm 2024;Năm 2025;Kế hoạch 2026;", ";;;", [("2024", 10, None), ("2025", 11, None)]),
        # the kind over years typed as text, as a CSV holds them
        ("Kế hoạch;;Thực hiện;", "2025;2026;2025;2026", [("2025", 12, None), ("2026", 13, None)]),
        # a comparison headed `%` alone, beside the plan: the band is still the header, never
        # a header of one row whose `Năm 2025` would read the plan (10) as the actual
        ("Năm 2025;;;", "KH;TH;%;Ghi chú", [("2025", 11, None)]),
        ("6 tháng đầu năm 2026;;;", "KH;TH;Cùng kỳ 2025;%", [("2026-H1", 11, None)]),
        ("Thực hiện;;So sánh;", "2025;2026;2026/2025;%", [("2025", 10, None), ("2026", 11, None)]),
        # months written with a dot under the kind, or beside the plan
        (
            "Thực hiện;;;",
            "9.2026;10.2026;11.2026;Ghi chú",
            [("2026-09", 10, None), ("2026-10", 11, None), ("2026-11", 12, None)],
        ),
        ("Năm 2026;;;", "KH;11.2026;So sánh;Ghi chú", [("2026-11", 11, None)]),
        # `Số lượng` under the kind and period names the figure, not a value column
        ("Thực hiện năm 2025;;;", "Số lượng;Tỷ lệ (%);Ghi chú;Nguồn", [("2025", 10, None)]),
        # abbreviated with a dot
        ("Năm 2025;;Năm 2026;", "K.hoạch;T.hiện;KH;ƯTH", [("2025", 11, None), ("2026", 13, "≈")]),
        # the year of the caption and a finer period of that year below it
        (
            "Năm 2025;;;",
            "Thực hiện 6 tháng đầu năm 2025;ƯTH cả năm;KH;So với KH (%)",
            [
                ("2025-H1", 10, None),
                ("2025", 11, "≈"),
            ],
        ),
    ],
)
def test_a_band_of_two_rows(
    top: str, low: str, expected: list[tuple[str, float, str | None]]
) -> None:
    actuals, log = read(BAND.format(top=top, low=low))
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # captions typed by hand above the row that names the columns
        (
            ";;;Năm 2025;;Năm 2026;\nSTT;Chỉ tiêu;ĐVT;KH;TH;KH;ƯTH\n",
            [("2025", 11, None), ("2026", 13, "≈")],
        ),
        (";;;Năm 2025;;;\nSTT;Chỉ tiêu;ĐVT;KH;TH;So sánh;Ghi chú\n", [("2025", 11, None)]),
        # a line above that is no caption of the band (the unit of the table) is not its
        (
            ";;;;;;Đơn vị tính: HTX\nSTT;Chỉ tiêu;ĐVT;KH 2025;TH 2025;KH 2026;ƯTH 2026\n",
            [("2025", 11, None), ("2026", 13, "≈")],
        ),
        (
            ";;;;(Kèm theo Kế hoạch số 12/KH-UBND);;\n"
            "STT;Chỉ tiêu;ĐVT;KH 2025;TH 2025;KH 2026;ƯTH 2026\n",
            [("2025", 11, None), ("2026", 13, "≈")],
        ),
    ],
)
def test_captions_above_the_row_of_roles_are_the_bands(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    actuals, log = read(text + "1;Số hợp tác xã;HTX;10;11;12;13\n")
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": expected}


def test_a_band_of_three_rows() -> None:
    text = """\
STT;Chỉ tiêu;ĐVT;Năm 2025;;;;Ghi chú
;;;6 tháng đầu năm;;Cả năm;;
;;;KH;TH;KH;ƯTH;
(1);(2);(3);(4);(5);(6);(7);(8)
1;Số hợp tác xã;HTX;10;11;12;13;x
"""
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025-H1", 11, None), ("2025", 13, "≈")]}


@pytest.mark.parametrize(
    ("top", "low", "cells", "way"),
    [
        ("Thực hiện;;;", "Tháng 9;Tháng 10;Tháng 11;Tháng 12", "D3, D4", "period"),  # no year
        ("Tình hình;;;", "Chung;Riêng;Khác;Thêm", "D3, D4", "period"),  # neither
    ],
)
def test_a_column_that_does_not_say_its_kind_and_period_is_an_error(
    top: str, low: str, cells: str, way: str
) -> None:
    actuals, log = read(BAND.format(top=top, low=low))
    found = [p for p in errors(log) if p.code == "unclear_column"]
    assert found, [str(p) for p in log]
    assert f"cells {cells})" in found[0].message
    assert dict(found[0].args)["template"] == f"unclear_column.{way}"
    assert found[0].line == 3  # placed at its header
    assert found[0].column is not None
    assert actuals.rows == 0  # nothing read on a guess


def test_a_merged_caption_alone_over_a_column_does_not_say_its_kind(tmp_path: Path) -> None:
    # D3:E3 merged `Năm 2025` over `KH` in D4 and nothing in E4: E is not read on a guess
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2025", None, "Năm 2026", None])
    sheet.append([None, None, None, "KH", None, "KH", "TH"])
    sheet.append([1, "Số hợp tác xã", "HTX", 1500, 1472, 1490, 1485])
    sheet.merge_cells("D1:E1")
    sheet.merge_cells("F1:G1")
    for column in "ABC":
        sheet.merge_cells(f"{column}1:{column}2")
    book.save(tmp_path / "b.xlsx")
    actuals, log = harness.read(harness.fixture(tmp_path / "b.xlsx"), targets=TARGETS)
    [error] = errors(log)
    assert (error.code, error.cell, dict(error.args)["template"]) == (
        "unclear_column",
        "E1",
        "unclear_column.kind",
    )
    assert "(cells D1, E2)" in error.message  # the merged caption, and the blank cell under it
    assert actuals.rows == 0


def test_a_caption_of_one_row_over_two_columns_of_figures_is_an_error(tmp_path: Path) -> None:
    # `Năm 2025` merged over D:E with no row of `Kế hoạch | Thực hiện` under it: D may be
    # the plan (1500) as well as the actual, so neither is read
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2025", None, "Ghi chú"])
    sheet.append([1, "Số hợp tác xã", "HTX", 1500, 1472, None])
    sheet.merge_cells("D1:E1")
    actuals, log = _read_file(_saved(book, tmp_path / "gop.xlsx", ".xlsx"))
    assert [(p.code, p.cell) for p in errors(log)] == [
        ("unclear_column", "D1"),
        ("unclear_column", "E1"),
    ]
    assert actuals.rows == 0
    text = "STT;Chỉ tiêu;ĐVT;Năm 2025;;Ghi chú\n1;Số hợp tác xã;HTX;1500;1472;\n"
    actuals, log = read(text)
    assert [(p.code, p.line, p.column) for p in errors(log)] == [
        ("unclear_column", 1, 4),
        ("unclear_column", 1, 5),
    ]
    assert actuals.rows == 0
    # and so in a band of two rows, the other caption's row under it
    text = "STT;Chỉ tiêu;Năm 2024;;Năm 2025;\n;;;;KH;TH\n1;Số hợp tác xã;10;11;12;13\n"
    actuals, log = read(text)
    assert [(p.code, p.line, p.column) for p in errors(log)] == [
        ("unclear_column", 1, 3),
        ("unclear_column", 1, 4),
    ]
    assert actuals.rows == 0


def test_date_cells_under_a_caption_are_never_read_on_a_guess(tmp_path: Path) -> None:
    # `Thực hiện năm 2026` over date cells 1/9/2026 and 1/10/2026 shown as months or as
    # days: the sheet alone does not say which, so the columns are errors, never the year
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Chỉ tiêu", "Thực hiện năm 2026", None])
    sheet.append([None, None, datetime.datetime(2026, 9, 1), datetime.datetime(2026, 10, 1)])
    sheet.append([1, "Số hợp tác xã", 1478, 1481])
    sheet.merge_cells("C1:D1")
    book.save(tmp_path / "d.xlsx")
    source = Source("d.xlsx", lambda: (tmp_path / "d.xlsx").open("rb"))
    actuals, log = harness.read(source, targets=TARGETS)
    assert [(p.code, p.cell) for p in errors(log)] == [
        ("unclear_column", "C1"),
        ("unclear_column", "D1"),
    ]
    assert actuals.rows == 0


@pytest.mark.parametrize(
    "second",
    [
        ";(1);;KH;TH",  # a mark in the indicator cell
        ";Tên chỉ tiêu;;Kế hoạch;Thực hiện",  # the indicator column's caption again
        "1;;;KH;TH",  # a number in the STT cell
    ],
)
def test_a_row_that_names_the_kinds_is_the_headers_whatever_its_first_cells(
    second: str,
) -> None:
    # before, the band ended at the first row with a cell in its indicator or STT column:
    # `Năm 2025` alone read the plan's 10 as the actual of 2025
    actuals, log = read(f"STT;Chỉ tiêu;ĐVT;Năm 2025;\n{second}\n1;Số hợp tác xã;HTX;10;11\n")
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 11, None)]}


@pytest.mark.parametrize(
    ("again", "line"), [("STT;Chỉ tiêu;ĐVT;Năm 2026;", 4), (";;;Năm 2026;", 5)]
)
def test_a_second_tables_header_is_an_error_not_read_under_the_first(again: str, line: int) -> None:
    # the second table's columns are `Thực hiện | Kế hoạch`, the first's `Kế hoạch | Thực
    # hiện`: read under the first header, its plan (600) would be an actual of 2025
    lines = [
        "STT;Chỉ tiêu;ĐVT;Năm 2025;",
        ";;;Kế hoạch;Thực hiện",
        "1;Số hợp tác xã;HTX;10;11",
        again,
        ";;;Thực hiện;Kế hoạch",
        "1;Số thành viên hợp tác xã;Người;500;600",
    ]
    lines += [f"{n};Số thành viên hợp tác xã;Người;500;600" for n in range(2, 5000)]
    actuals, log = read("\n".join(lines) + "\n")
    assert [(p.code, p.line, p.column) for p in errors(log)] == [("header_again", line, 2)]
    assert figures(actuals) == {"htx_count": [("2025", 11, None)]}


def test_a_signature_block_in_the_figures_columns_is_passed_over() -> None:
    # `GIÁM ĐỐC` holds the word `giảm` (a comparison word) once its marks are gone
    text = """\
STT;Chỉ tiêu;ĐVT;Năm 2025;
;;;Kế hoạch;Thực hiện
1;Số hợp tác xã;HTX;10;11
;Người lập biểu;;;KT. GIÁM ĐỐC
;;;;PHÓ GIÁM ĐỐC
"""
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 11, None)]}


def test_a_plan_over_the_periods_is_never_read() -> None:
    actuals, log = read(
        BAND.format(top="Kế hoạch;;;", low="Năm 2025;Năm 2026;Tháng 9/2026;T10/2026")
    )
    assert actuals.rows == 0
    assert [p.code for p in errors(log)] == ["no_actuals_column"]


# ---- the column-number row -----------------------------------------------------------------


@pytest.mark.parametrize(
    "numbers",
    [
        "A;B;C;1;2;3;4;5=4/3",
        "(1);(2);(3);(4);(5);(6);(7);(8)",
        "1;2;3;4;5;6;7;8=7/6",
        ";B;C;1;2;3;4;5",
    ],
)
def test_the_column_number_row_is_passed_over_in_silence(numbers: str) -> None:
    text = f"""\
STT;Chỉ tiêu;ĐVT;Năm 2025;;6 tháng đầu năm 2026;;So sánh ƯTH/KH (%)
;;;Kế hoạch;Thực hiện;Kế hoạch;Ước thực hiện;
{numbers}
I;Hợp tác xã;;;;;;
1;Số hợp tác xã;HTX;1500;1472;1490;1485;99,7
"""
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 1472, None), ("2026-H1", 1485, "≈")]}
    assert all("3" not in str(p.line) or p.code != "unknown_indicator" for p in log)


def test_the_column_number_row_under_a_one_row_header() -> None:
    text = "chỉ tiêu;kỳ;giá trị\n(1);(2);(3)\nhtx_count;2024;777\n"
    actuals, log = read(text)
    assert not list(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2024", 777, None)]}


# ---- rows outside the programme ------------------------------------------------------------

SMALL = """\
schema_version: 1
programme:
  id: test-programme
  name: {vi: Chương trình thử, en: Test programme}
  issuer: Synthetic issuer
  implements: Nghị quyết 20-NQ/TW
  territory: Nowhere
  source: synthetic test data
indicators:
  - id: htx_count
    name: Số hợp tác xã
    unit: count
    targets:
      - {year: 2030, value: 1200, text: "1.200 hợp tác xã"}
  - id: htx_members
    name: Số thành viên hợp tác xã
    unit: persons
    targets:
      - {year: 2030, value: 40000, text: "40.000 thành viên"}
"""


def small() -> TargetsFile:
    targets = read_targets(SMALL.encode(), "small.yaml", ProblemLog())
    assert targets is not None
    return targets


TABLE = """\
STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025
1;Số hợp tác xã;HTX;1472
;Trong đó: - HTX nông nghiệp;HTX;884
;- HTX phi nông nghiệp;HTX;588
2;Số thành viên hợp tác xã;Người;32410
3;Số thành viên tổ hợp tác;Người;27650
4;Doanh thu bình quân;Triệu đồng;1150
"""


def test_rows_outside_the_programme_are_passed_over_with_one_warning() -> None:
    actuals, log = read(TABLE, small())
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {
        "htx_count": [("2025", 1472, None)],
        "htx_members": [("2025", 32410, None)],
    }
    [warning] = [p for p in log if p.code == "outside_programme"]
    assert (warning.line, warning.column) == (3, 2)
    assert dict(warning.args)["count"] == "4"
    # `Số thành viên tổ hợp tác` beside `Số thành viên hợp tác xã` is no typo: listed, with
    # the name it resembles, but no error
    assert "'Số thành viên tổ hợp tác' (6; 'Số thành viên hợp tác xã'?)" in warning.message
    assert "'Trong đó: - HTX nông nghiệp' (3" in warning.message


def test_a_rows_number_or_dash_before_its_name_is_no_part_of_it() -> None:
    # offices number rows in the name cell (`1.`, `a)`, `II.`) or mark sub-rows with
    # `Trong đó: -`: before, such a row was passed over as outside the programme
    text = """\
Chỉ tiêu;Thực hiện năm 2025
I. Số hợp tác xã;1472
Trong đó: - HTX nông nghiệp;884
a) Số thành viên hợp tác xã;32410
"""
    actuals, log = read(text, small())
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {
        "htx_count": [("2025", 1472, None)],
        "htx_members": [("2025", 32410, None)],
    }
    [warning] = [p for p in log if p.code == "outside_programme"]
    assert dict(warning.args)["count"] == "1"
    actuals, log = read("Chỉ tiêu;Thực hiện năm 2025\nTrong đó: + Số hợp tác xã;7\n", small())
    assert figures(actuals) == {"htx_count": [("2025", 7, None)]}


def test_a_near_miss_of_an_indicator_no_other_row_names_is_an_error() -> None:
    # `Số thành viên hợp tác xa.` is 2 edits from `so_thanh_vien_hop_tac_xa` (24 letters,
    # 4 allowed) and no other row names htx_members: the likely typo of a needed row
    text = TABLE.replace("Số thành viên hợp tác xã;", "Số thành viên hơp tác xa.;")
    _, log = read(text, small())
    [error] = errors(log)
    assert (error.code, error.line, error.column) == ("unknown_indicator", 5, 2)
    assert "did you mean 'Số thành viên hợp tác xã'?" in error.message
    # and so with the row's number before it
    _, log = read(text.replace("Số thành viên hơp", "1.2. Số thành viên hơp"), small())
    assert [p.code for p in errors(log)] == ["unknown_indicator"]


def test_a_near_miss_beside_the_row_it_resembles_is_only_listed() -> None:
    text = TABLE + ";Số hợp tác xã.;HTX;5\n"  # htx_count is named above: a row of its own
    _, log = read(text, small())
    assert not errors(log), [str(p) for p in log]
    [warning] = [p for p in log if p.code == "outside_programme"]
    assert "'Số hợp tác xã.'" in warning.message


def test_an_unknown_indicator_in_a_long_file_stays_an_error() -> None:
    _, log = read("indicator;period;value\nDoanh thu bình quân;2025;1150\n", small())
    assert [p.code for p in errors(log)] == ["unknown_indicator"]


# ---- region columns --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Xã, phường",
        "Xã/phường",
        "Tên xã, phường",
        "Đơn vị hành chính",
        "phường, xã",
        "huyện",
        "Địa phương",
        "Tên đơn vị",
        "Tên xã, phường, thị trấn",
        "Xã, phường, đặc khu",
        "Đơn vị cấp xã",
        "Huyện, thị xã, thành phố",
    ],
)
def test_a_communes_header_names_the_region_column(header: str) -> None:
    text = f'"{header}";Chỉ tiêu;Kỳ;Giá trị\nXã A;htx_count;2025;3\nXã B;htx_count;2025;4\n'
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert "ignored_column" not in {p.code for p in log}
    assert actuals.regions == {"htx_count": 2}
    assert actuals.series.get("htx_count", ()) == ()  # nothing lands on the territory


COMMUNES = """\
regions:
  - {name: "Phường Yên Bái"}
  - {name: "Xã Mậu A"}
  - {name: "Thị trấn Yên Thế"}
  - {name: "Đặc khu Cô Tô"}
  - {name: "Phường Nam Cường"}
  - {name: "Xã Nam Cường"}
"""


@pytest.mark.parametrize(
    ("cell", "region"),
    [
        ("P. Yên Bái", "Phường Yên Bái"),
        ("P.Yên Bái", "Phường Yên Bái"),
        ("X. Mậu A", "Xã Mậu A"),
        ("Mậu A", "Xã Mậu A"),
        ("TT. Yên Thế", "Thị trấn Yên Thế"),
        ("ĐK Cô Tô", "Đặc khu Cô Tô"),
        ("Đặc khu Cô Tô", "Đặc khu Cô Tô"),
        ("P. Nam Cường", "Phường Nam Cường"),  # the unit word tells the two apart
    ],
)
def test_a_communes_abbreviated_unit_word_names_it(cell: str, region: str) -> None:
    targets = read_targets((SMALL + COMMUNES).encode(), "small.yaml", ProblemLog())
    assert targets is not None
    text = f"Xã, phường;Chỉ tiêu;Kỳ;Giá trị\n{cell};htx_count;2025;3\n"
    actuals, log = read(text, targets)
    assert not errors(log), [str(p) for p in log]
    assert actuals.regions == {"htx_count": 1}
    assert list(actuals.region_names("htx_count").values()) == [region]


def test_a_bare_name_two_communes_share_is_refused() -> None:
    targets = read_targets((SMALL + COMMUNES).encode(), "small.yaml", ProblemLog())
    assert targets is not None
    _, log = read("Xã, phường;Chỉ tiêu;Kỳ;Giá trị\nNam Cường;htx_count;2025;3\n", targets)
    # SPEC §8: an error naming the candidates
    (problem,) = errors(log)
    assert problem.code == "ambiguous_region"
    assert "'Phường Nam Cường'" in problem.message
    assert "'Xã Nam Cường'" in problem.message


# ---- places --------------------------------------------------------------------------------


def test_errors_of_a_report_table_csv_are_placed_by_line_and_column() -> None:
    text = "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2024;Thực hiện năm 2025\n1;Số hợp tác xã;HTX;727;abc\n"
    _, log = read(text)
    [error] = errors(log)
    assert (error.line, error.column) == (2, 5)
    assert str(error).startswith("t.csv:2:5: ")


# ---- merged ranges cost the rows present --------------------------------------------------


def _whole_column_merges(count: int) -> bytes:
    """An .xlsx of three rows whose first `count` columns are each merged over the whole
    sheet (A1:A1048576, B1:B1048576, ...)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, count + 1)]
    merges = "".join(f'<mergeCell ref="{c}4:{c}1048576"/>' for c in letters)
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>"
        '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>period</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>value</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>htx_count</t></is></c>'
        '<c r="B2"><v>2024</v></c><c r="C2"><v>777</v></c></row>'
        "</sheetData>"
        f'<mergeCells count="{count}">{merges}</mergeCells>'
        "</worksheet>"
    )
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            dst.writestr(item, data)
    return out.getvalue()


def test_merged_whole_columns_cost_the_rows_present_not_the_range() -> None:
    # 200 merges of a million rows each: 200 million covered cells, three rows present.
    data = _whole_column_merges(200)
    tracemalloc.start()
    actuals, log = read_bytes(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2024", 777, None)]}
    assert peak < 30 * 2**20, peak


def read_bytes(data: bytes) -> Actuals_Log:
    source = Source("m.xlsx", lambda: io.BufferedReader(io.BytesIO(data)))
    return harness.read(source, targets=TARGETS)


# ---- figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("indicator,period,value,note", "good_fair_share,2024,65,5"),
        ("indicator,period,value,source", "good_fair_share,2024,65,5"),
        ("indicator,period,value,region", "good_fair_share,2024,65,5"),
        ("Chỉ tiêu,Thực hiện năm 2024,Ghi chú", "good_fair_share,65,5"),
        ("ky,good_fair_share,ghi_chu", "2024,65,5"),
    ],
)
def test_a_split_decimal_before_a_text_column_is_refused(header: str, row: str) -> None:
    # 65,5 unquoted in a comma file: 65, and 5 in the text column after it
    _, log = read(f"{header}\n{row}\n")
    found = [p for p in errors(log) if p.code == "split_decimal"]
    assert len(found) == 1, [str(p) for p in log]
    assert "(65,5)" in found[0].message


def test_digits_in_a_note_of_a_semicolon_file_are_a_note() -> None:
    actuals, log = read("indicator;period;value;note\ngood_fair_share;2024;65;5\n")
    assert not errors(log)
    assert actuals.series["good_fair_share"][0].note == "5"


def test_a_percent_fraction_among_percentages_is_warned_of() -> None:
    # 52 and 58, then 0,655: Excel's 65,5% saved without its format
    _, log = read(
        "indicator;period;value\ngood_fair_share;2022;52\ngood_fair_share;2023;58\n"
        "good_fair_share;2024;0,655\n"
    )
    [warning] = [p for p in log if p.code == "percent_fraction"]
    assert warning.line == 4
    assert "0.655%" in warning.message


def test_percent_figures_all_below_one_are_not_warned_of() -> None:
    _, log = read("indicator;period;value\ngood_fair_share;2022;0,5\ngood_fair_share;2023;0,8\n")
    assert "percent_fraction" not in {p.code for p in log}


def test_an_estimate_is_worded_as_an_estimate_never_a_bound() -> None:
    for lang, bound, estimate in (("en", "a bound", "an estimate"), ("vi", "một cận", "ước")):
        _, warnings = report(OFFICE / "bieu-01-hai-dong.csv", "--lang", lang)
        lines = [w for w in warnings.splitlines() if "1485" in w or "1.485" in w]
        assert lines, warnings
        assert all(bound not in w and estimate in w for w in lines), lines


def _saved(book: object, path: Path, suffix: str) -> Path:
    """`book` saved at `path` (.xlsx), then by LibreOffice as `suffix` where not .xlsx."""
    import shutil
    import subprocess

    book.save(path)  # type: ignore[attr-defined]
    if suffix == ".xlsx":
        return path
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is needed to save the .ods")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{path.parent / 'profile'}",
            "--headless",
            "--convert-to",
            suffix.lstrip("."),
            "--outdir",
            str(path.parent),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path.with_suffix(suffix)


def _read_file(path: Path) -> Actuals_Log:
    return harness.read(harness.fixture(path), targets=TARGETS)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_years_typed_as_numbers_head_their_columns(tmp_path: Path, suffix: str) -> None:
    # `2024 | 2025` typed into the header row, and `Kế hoạch | Thực hiện` merged over
    # years typed as numbers; the .ods is saved from the .xlsx by LibreOffice
    import openpyxl

    book = openpyxl.Workbook()
    one = book.active
    assert one is not None
    one.append(["STT", "Chỉ tiêu", "ĐVT", 2024, 2025])
    one.append([1, "Số hợp tác xã", "HTX", 1400, 1472])
    actuals, log = _read_file(_saved(book, tmp_path / "mot.xlsx", suffix))
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2024", 1400, None), ("2025", 1472, None)]}

    book = openpyxl.Workbook()
    two = book.active
    assert two is not None
    two.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", None, "Thực hiện", None])
    two.append([None, None, None, 2025, 2026, 2025, 2026])
    two.append(["A", "B", "C", 1, 2, 3, 4])
    two.append([1, "Số thành viên hợp tác xã", "Người", 33000, 34000, 32410, 33870])
    for column in "ABC":
        two.merge_cells(f"{column}1:{column}2")
    two.merge_cells("D1:E1")
    two.merge_cells("F1:G1")
    actuals, log = _read_file(_saved(book, tmp_path / "hai.xlsx", suffix))
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_members": [("2025", 32410, None), ("2026", 33870, None)]}


def test_a_table_written_by_xlsxwriter_with_merged_ranges(tmp_path: Path) -> None:
    # xlsxwriter writes a merged range's other cells as blank styled cells; percentages as
    # numbers shown as % (0.585 shown 58.5%); a signature block under the figures
    import xlsxwriter

    path = tmp_path / "xw.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Biểu 01")
    bold = book.add_format({"bold": True, "align": "center"})
    percent = book.add_format({"num_format": "0.0%"})
    sheet.merge_range("A1:C1", "UBND TỈNH LÀO CAI", bold)
    sheet.merge_range("D1:H1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold)
    sheet.merge_range("D2:H2", "Độc lập - Tự do - Hạnh phúc", bold)
    for column, caption in enumerate(["STT", "Chỉ tiêu", "ĐVT"]):
        sheet.merge_range(5, column, 6, column, caption, bold)
    sheet.merge_range("D6:E6", "Năm 2025", bold)
    sheet.merge_range("F6:G6", "6 tháng đầu năm 2026", bold)
    sheet.merge_range("H6:H7", "So sánh ƯTH/KH (%)", bold)
    sheet.write_row(6, 3, ["Kế hoạch", "Thực hiện", "Kế hoạch", "Ước thực hiện"], bold)
    sheet.write_row(7, 0, ["A", "B", "C", "1", "2", "3", "4", "5=4/3"])
    sheet.write_row(8, 0, ["I", "Hợp tác xã"])
    sheet.write_row(9, 0, [1, "Số hợp tác xã", "HTX", 1500, 1472, 1490, 1485, 0.997])
    sheet.write_row(10, 0, [None, "Trong đó: - HTX nông nghiệp", "HTX", 900, 884, 890, 886])
    sheet.write_row(11, 0, [2, "Tỷ lệ tổ chức KTTT đạt loại tốt, khá", "%"])
    for column, value in enumerate([0.60, 0.585, 0.62, 0.612], 3):
        sheet.write(11, column, value, percent)
    sheet.write(13, 6, "Lào Cai, ngày 05 tháng 12 năm 2026")
    sheet.write(14, 1, "Người lập biểu")
    sheet.write(14, 6, "KT. GIÁM ĐỐC")
    sheet.write(15, 6, "PHÓ GIÁM ĐỐC")
    book.close()
    actuals, log = _read_file(path)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {
        "htx_count": [("2025", 1472, None), ("2026-H1", 1485, "≈")],
        "good_fair_share": [("2025", 58.5, None), ("2026-H1", 61.2, "≈")],
    }


# ---- any band of two rows, either way round -----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PERIODS = [
    ("Năm 2024", "2024"),
    ("Năm 2025", "2025"),
    ("6 tháng đầu năm 2026", "2026-H1"),
    ("Quý III/2026", "2026-Q3"),
    ("Tháng 10/2026", "2026-10"),
]
_WORDS = {
    "plan": ["KH", "Kế hoạch", "K.hoạch", "Chỉ tiêu kế hoạch"],
    "actual": ["TH", "Thực hiện", "T.hiện"],
    "estimate": ["ƯTH", "Ước TH", "Ước thực hiện", "UTH"],
}


@st.composite
def _bands(draw: st.DrawFn) -> tuple[str, set[tuple[str, float, str | None]]]:
    chosen = draw(st.lists(st.sampled_from(_PERIODS), min_size=1, max_size=4, unique=True))
    columns: list[tuple[str, str, str]] = []  # (period caption, kind, its word)
    for caption, _ in chosen:
        kinds = draw(st.sampled_from([["plan", "actual"], ["plan", "estimate"], ["actual"]]))
        kinds += draw(st.sampled_from([[], ["plan"]])) if kinds == ["actual"] else []
        columns += [(caption, k, draw(st.sampled_from(_WORDS[k]))) for k in kinds]
    kind_over_period = draw(st.booleans())
    if kind_over_period:  # `Kế hoạch` over its periods, `Thực hiện` over its own
        order = ["plan", "actual", "estimate"]
        columns.sort(key=lambda c: order.index(c[1]))
        caption = {"plan": "Kế hoạch", "actual": "Thực hiện", "estimate": "Ước thực hiện"}
        top = [
            caption[c[1]] if i == 0 or columns[i - 1][1] != c[1] else ""
            for i, c in enumerate(columns)
        ]
        low = [c[0] for c in columns]
    else:  # the period over its kinds
        top = [c[0] if i == 0 or columns[i - 1][0] != c[0] else "" for i, c in enumerate(columns)]
        low = [c[2] for c in columns]
    comparison = draw(st.sampled_from([[], ["So sánh (%)"], ["%"]]))
    period_of = dict(_PERIODS)
    values = [9000 + i if c[1] == "plan" else 100 + i for i, c in enumerate(columns)]
    width = 3 + len(columns) + len(comparison)
    delimiter = draw(st.sampled_from([";", ",", "\t"]))  # as LibreOffice saves them

    def line(*cells: str) -> str:
        padded = [*cells, *[""] * (width - len(cells))]
        return delimiter.join(f'"{c}"' if delimiter in c else c for c in padded)

    lines = [
        line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        line("STT", "Chỉ tiêu", "ĐVT", *top, *comparison),
        line("", "", "", *low),
    ]
    if draw(st.booleans()):  # the column-number row
        lines.append(line("A", "B", "C", *(str(i + 1) for i in range(width - 3))))
    lines.append(line("I", "Hợp tác xã"))
    figures_ = [str(v) for v in values] + ["99,7"] * len(comparison)
    lines.append(line("1", "Số hợp tác xã", "HTX", *figures_))
    lines.append(line("", "Người lập biểu", *[""] * (width - 3), "KT. GIÁM ĐỐC"))
    expected = {
        (period_of[c[0]], float(v), "≈" if c[1] == "estimate" else None)
        for c, v in zip(columns, values, strict=True)
        if c[1] != "plan"
    }
    return "\n".join(lines) + "\n", expected


@settings(max_examples=150, deadline=None)
@given(_bands())
def test_any_band_of_two_rows_gives_its_actuals_and_estimates_never_a_plan(
    band: tuple[str, set[tuple[str, float, str | None]]],
) -> None:
    text, expected = band
    actuals, log = read(text)
    assert not errors(log), (text, [str(p) for p in log])
    assert set(figures(actuals).get("htx_count", [])) == expected, text


@settings(max_examples=40, deadline=None)
@given(_bands())
def test_any_band_of_two_rows_reads_alike_from_a_workbook_with_merged_ranges(
    band: tuple[str, set[tuple[str, float, str | None]]],
) -> None:
    # the same table as a workbook: each caption of the top row merged over the columns
    # whose captions stand under it, the captions with nothing under them merged down
    import openpyxl

    text, expected = band
    import csv

    delimiter = next(d for d in "\t;," if d in text.splitlines()[0])
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row])
    top, low = rows[1], rows[2]
    for c, caption in enumerate(top):
        if not caption:
            continue
        if not low[c]:
            sheet.merge_cells(start_row=2, start_column=c + 1, end_row=3, end_column=c + 1)
            continue
        end = c
        while end + 1 < len(top) and not top[end + 1] and low[end + 1]:
            end += 1
        if end > c:
            sheet.merge_cells(start_row=2, start_column=c + 1, end_row=2, end_column=end + 1)
    data = io.BytesIO()
    book.save(data)
    actuals, log = harness.read(harness.source("b.xlsx", data.getvalue()), targets=TARGETS)
    assert not errors(log), (text, [str(p) for p in log])
    assert set(figures(actuals).get("htx_count", [])) == expected, text


_PARTS = [
    ("6 tháng đầu năm", "H1"),
    ("Cả năm", ""),
    ("Quý III", "Q3"),
    ("Quý 4", "Q4"),
    ("Tháng 9", "09"),
    ("Tháng 10", "10"),
    ("9 tháng", "9M"),
]


@st.composite
def _three_rows(draw: st.DrawFn) -> tuple[str, set[tuple[str, float, str | None]]]:
    """`Năm YYYY` over periods without their year over kinds (or `Thực hiện năm YYYY`
    over periods over nothing)."""
    year = draw(st.sampled_from([2024, 2025, 2026]))
    # parts that end at one moment (Cả năm and Quý 4) are one figure by SPEC §3: one each
    ends = {"H1": 6, "": 12, "Q3": 9, "Q4": 12, "09": 9, "10": 10, "9M": 9}
    parts = draw(
        st.lists(st.sampled_from(_PARTS), min_size=1, max_size=3, unique_by=lambda p: ends[p[1]])
    )
    columns: list[tuple[str, str, str, str]] = []  # (part caption, period, kind, word)
    for caption, code in parts:
        period = f"{year}-{code}" if code else str(year)
        kinds = draw(st.sampled_from([["plan", "actual"], ["plan", "estimate"], ["actual"]]))
        columns += [(caption, period, k, draw(st.sampled_from(_WORDS[k]))) for k in kinds]
    width = 3 + len(columns)

    def line(*cells: str) -> str:
        return ";".join([*cells, *[""] * (width - len(cells))])

    first = [f"Năm {year}"] + [""] * (len(columns) - 1)
    second = [c[0] if i == 0 or columns[i - 1][0] != c[0] else "" for i, c in enumerate(columns)]
    third = [c[3] for c in columns]
    values = [9000 + i if c[2] == "plan" else 100 + i for i, c in enumerate(columns)]
    lines = [
        line("STT", "Chỉ tiêu", "ĐVT", *first),
        line("", "", "", *second),
        line("", "", "", *third),
        line("1", "Số hợp tác xã", "HTX", *(str(v) for v in values)),
    ]
    expected = {
        (c[1], float(v), "≈" if c[2] == "estimate" else None)
        for c, v in zip(columns, values, strict=True)
        if c[2] != "plan"
    }
    return "\n".join(lines) + "\n", expected


@settings(max_examples=100, deadline=None)
@given(_three_rows())
def test_any_band_of_three_rows_gives_its_actuals_and_estimates_never_a_plan(
    band: tuple[str, set[tuple[str, float, str | None]]],
) -> None:
    text, expected = band
    actuals, log = read(text)
    assert not errors(log), (text, [str(p) for p in log])
    got = {(p, v, q) for p, v, q in figures(actuals).get("htx_count", [])}
    assert got == expected, text


def test_years_as_numbers_above_the_header_do_not_make_a_header(tmp_path: Path) -> None:
    # a line of the title block holding two years as numbers is not the header
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Năm báo cáo:", 2025, "So với:", 2024])
    sheet.append(["Chỉ tiêu", "Kỳ", "Giá trị"])
    sheet.append(["htx_count", "2025", 1472])
    actuals, log = _read_file(_saved(book, tmp_path / "tieu-de.xlsx", ".xlsx"))
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 1472, None)]}


def test_a_second_tables_header_in_a_workbook_is_placed_at_its_cell(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2025", None])
    sheet.append([None, None, None, "Kế hoạch", "Thực hiện"])
    sheet.append([1, "Số hợp tác xã", "HTX", 1500, 1472])
    sheet.append([None, None, None, None, "KT. GIÁM ĐỐC"])
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2026", None])
    sheet.append([None, None, None, "Thực hiện", "Kế hoạch"])
    sheet.append([1, "Số thành viên hợp tác xã", "Người", 33870, 34000])
    for top in (1, 5):
        sheet.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    actuals, log = _read_file(_saved(book, tmp_path / "hai-bang.xlsx", ".xlsx"))
    assert [(p.code, p.cell) for p in errors(log)] == [("header_again", "B5")]
    assert figures(actuals) == {"htx_count": [("2025", 1472, None)]}
