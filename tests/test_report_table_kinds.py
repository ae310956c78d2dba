"""What a report table's column holds, read right or refused (SPEC §3 "Layouts", "Headers
of more than one row"): a comparison or a plan is never read as a figure, a commune's
figures never land on the province, a column whose header holds a period is never left out
in silence.

The tables are written as offices write them: a title and a header band of two rows, the
caption merged over its sub-headers (in a CSV saved by LibreOffice, the caption in the
first column of its span and the cells after it empty), `;` and decimal commas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import helpers as harness
from ktt_cli.model import TargetsFile
from ktt_cli.problems import Problem, ProblemLog
from ktt_cli.store import Actuals
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
TARGETS = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", ProblemLog())
TITLE = '"BÁO CÁO TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ";;;;;\n;;;;;\n'


def read(
    text: str, targets: TargetsFile | None = None, name: str = "t.csv"
) -> tuple[Actuals, ProblemLog]:
    return harness.read(harness.source(name, text.encode()), targets=targets or TARGETS)


def figures(actuals: Actuals) -> dict[str, list[tuple[str, float, str | None]]]:
    return {
        indicator: [(o.period.text, o.value, o.qualifier) for o in observations]
        for indicator, observations in actuals.series.items()
        if observations
    }


def errors(log: ProblemLog) -> list[Problem]:
    return [p for p in log if p.severity == "error"]


def codes(log: ProblemLog) -> list[str]:
    return [p.code for p in log]


# ---------------------------------------------------------------------------------------
# 1. A comparison is never a figure: any ratio of kinds, `X/Y` or `X so (với) Y`
# ---------------------------------------------------------------------------------------

RATIOS = [
    "TH/CK",
    "UTH/CK",
    "TH/CKNT",
    "TH/TH",
    "UTH/TH",
    "TH/KHN",
    "TH so CK",
    "TH so với CK",
    "Ước TH/KH (%)",
    "ƯTH / KH",
    "Thực hiện/Kế hoạch",
    "TH/cùng kỳ",
    "TH 2025/TH 2024",
    "Năm 2026/Năm 2025",
]
PLAN_WORDS = ["Chỉ tiêu giao", "Dự kiến", "Phấn đấu", "Mục tiêu", "KH giao", "Định hướng"]


@pytest.mark.parametrize("header", RATIOS + PLAN_WORDS)
def test_a_comparison_or_plan_under_a_period_caption_is_no_figure(header: str) -> None:
    # the caption `6 tháng đầu năm 2026` spans `Ước TH` (905, the estimate) and the
    # comparison (104): only 905 is a figure of 2026-H1
    text = (
        TITLE + "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;6 tháng đầu năm 2026;\n"
        f";;;;Ước TH;{header}\n"
        "A;B;C;1;2;3\n"
        "1;Số hợp tác xã;HTX;870;905;104\n"
    )
    actuals, log = read(text)
    assert not errors(log), errors(log)
    assert figures(actuals)["htx_count"] == [("2025", 870, None), ("2026-H1", 905, "≈")]
    assert "not_figures" in codes(log)


@pytest.mark.parametrize("header", RATIOS + PLAN_WORDS)
def test_a_comparison_or_plan_in_a_one_row_header_is_no_figure(header: str) -> None:
    # the same column written in one cell with its period: `TH/CK 6 tháng đầu năm 2026`
    text = (
        "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;"
        f"{header} 6 tháng đầu năm 2026\n"
        "1;Số hợp tác xã;HTX;870;104\n"
    )
    actuals, log = read(text)
    assert not errors(log), errors(log)
    assert figures(actuals)["htx_count"] == [("2025", 870, None)]
    assert "not_figures" in codes(log)


@pytest.mark.parametrize("header", ["6/2026", "Quý II/2026", "H1/2026", "9T/2026", "T6/2026"])
def test_a_period_with_a_slash_is_still_a_period(header: str) -> None:
    text = f"STT;Chỉ tiêu;ĐVT;Thực hiện {header}\n1;Số hợp tác xã;HTX;905\n"
    actuals, log = read(text)
    assert not errors(log), errors(log)
    assert [v for _, v, _ in figures(actuals)["htx_count"]] == [905]


# ---------------------------------------------------------------------------------------
# 2. A commune's figures are never the province's
# ---------------------------------------------------------------------------------------

COMMUNES = read_targets(
    (ROOT / "examples" / "synthetic-communes.yaml").read_bytes(), "c.yaml", ProblemLog()
)
#: A commune table: a letterhead, the band `Năm 2025 | 6 tháng đầu năm 2026` over `Kế
#: hoạch | Thực hiện | Ước TH`, the column-number row, the region `Xã Mậu A` merged over
#: the two rows of its indicators (B7:B8), a signature.
COMMUNE_ROWS: list[list[object]] = [
    ["UBND TỈNH LÀO CAI", None, None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [None, None, None, None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    ["SỐ LIỆU KINH TẾ TẬP THỂ CÁC XÃ, PHƯỜNG 6 THÁNG ĐẦU NĂM 2026"],
    ["STT", "Xã, phường", "Chỉ tiêu", "ĐVT", "Năm 2025", None, "6 tháng đầu năm 2026"],
    [None, None, None, None, "Kế hoạch", "Thực hiện", "Ước TH"],
    ["A", "B", "C", "D", 1, 2, 3],
    [1, "Xã Mậu A", "Số hợp tác xã", "HTX", 18, 17, 18],
    [None, None, "Số thành viên hợp tác xã", "Người", 400, 380, 410],
    [2, "Xã Trạm Tấu", "Số hợp tác xã", "HTX", 8, 7, 8],
    [None, None, "Số thành viên hợp tác xã", "Người", 150, 140, 160],
    [None, "Người lập biểu", None, None, None, None, "CHỦ TỊCH"],
]


def _commune_book(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Biểu 02"
    for row in COMMUNE_ROWS:
        sheet.append(row)
    sheet.merge_cells("E4:F4")
    for column in "ABCD":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet.merge_cells("B7:B8")
    sheet.merge_cells("B9:B10")
    sheet.merge_cells("A7:A8")
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", "-libreoffice.xlsx"])
def test_a_region_merged_over_its_rows_is_every_row_s_region(tmp_path: Path, suffix: str) -> None:
    # B7:B8 `Xã Mậu A`: the members row 8 (380, 410) is Mậu A's, not the province's; saved
    # by LibreOffice as .ods and again as .xlsx, the merge stands
    path = _commune_book(tmp_path / "xa.xlsx")
    if suffix != ".xlsx":
        path = _libreoffice(path, ".ods")
        if suffix == "-libreoffice.xlsx":
            path = _libreoffice(path, ".xlsx", tmp_path / "again")
    actuals, log = harness.read(harness.fixture(path), targets=COMMUNES)
    assert not errors(log), [str(p) for p in log]
    assert "htx_members" not in figures(actuals)  # no figure of the whole province
    assert actuals.regions["htx_members"] == 2
    names = set(actuals.region_names("htx_members").values())
    assert names == {"Xã Mậu A", "Xã Trạm Tấu"}


def _libreoffice(path: Path, suffix: str, out: Path | None = None) -> Path:
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is needed")
    out = out or path.parent
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{path.parent / 'profile'}",
            "--headless",
            "--convert-to",
            suffix.lstrip(".") if suffix != ".csv" else "csv:Text - txt - csv (StarCalc):59,34,76",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / path.with_suffix(suffix).name


def test_a_region_merged_over_its_rows_in_a_csv_is_refused_at_the_blank_cell(
    tmp_path: Path,
) -> None:
    # LibreOffice's CSV of the sheet leaves B8 and B10 blank: a blank region is the whole
    # province, so guessing either way could be wrong; refused at the blank cells, naming
    # the region above
    path = _libreoffice(_commune_book(tmp_path / "xa.xlsx"), ".csv")
    actuals, log = read(path.read_text("utf-8"), COMMUNES, "xa.csv")
    found = [(p.code, p.line, p.column) for p in errors(log)]
    assert found == [("blank_region", 8, 2), ("blank_region", 10, 2)]
    assert "'Xã Mậu A'" in errors(log)[0].message
    assert "htx_members" not in figures(actuals)


def test_a_blank_region_above_every_named_one_is_the_province() -> None:
    # the province's row first, blank; then the communes: nothing blank under a name
    text = (
        "STT;Xã, phường;Chỉ tiêu;ĐVT;Thực hiện năm 2025\n"
        ";;Số thành viên hợp tác xã;Người;9000\n"
        "1;Xã Mậu A;Số thành viên hợp tác xã;Người;380\n"
        "2;Toàn tỉnh;Số hợp tác xã;HTX;150\n"
        "3;;Số thành viên hợp tác xã;Người;9000\n"
    )
    actuals, log = read(text, COMMUNES)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals)["htx_members"] == [("2025", 9000, None)]


@pytest.mark.parametrize("group", ["I;Xã Mậu A", "I.;XÃ MẬU A", "1;Xã Mậu A:", "A;Phường Sa Pa"])
def test_a_group_row_naming_a_region_without_a_region_column_is_refused(group: str) -> None:
    text = (
        '"SỐ LIỆU HỢP TÁC XÃ CÁC XÃ, 6 THÁNG ĐẦU NĂM 2026";;;;\n'
        "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;Ước TH 6 tháng đầu năm 2026\n"
        "A;B;C;1;2\n"
        f"{group};;;\n"
        "1;Số hợp tác xã;HTX;3;4\n"
        "2;Số thành viên hợp tác xã;Người;60;70\n"
    )
    actuals, log = read(text, COMMUNES)
    [error] = errors(log)
    assert (error.code, error.line) == ("region_group_row", 4)
    assert "Xã, phường" in error.message  # how to write it
    assert figures(actuals) == {}  # nothing on the province


@pytest.mark.parametrize(
    "header",
    [
        "Địa bàn xã",
        "Đơn vị hành chính cấp xã",
        "Tên đơn vị",
        "Tên địa bàn",
        "Xã, phường, thị trấn",
        "Đơn vị hành chính",
        "Địa bàn xã, phường",
        "Tên xã/phường/đặc khu",
    ],
)
def test_a_header_naming_a_unit_of_place_is_the_region_column(header: str) -> None:
    text = (
        f"STT;Chỉ tiêu;{header};ĐVT;Thực hiện năm 2024;Thực hiện năm 2025\n"
        "1;Số hợp tác xã;Xã Mậu A;HTX;3;4\n"
        "2;Số thành viên hợp tác xã;Xã Mậu A;Người;60;70\n"
    )
    actuals, log = read(text, COMMUNES)
    assert not errors(log), [str(p) for p in log]
    assert "htx_members" not in figures(actuals)
    assert set(actuals.region_names("htx_members").values()) == {"Xã Mậu A"}
    assert "ignored_column" not in codes(log)


@pytest.mark.parametrize(
    "title",
    [
        "BÁO CÁO TÌNH HÌNH KINH TẾ TẬP THỂ TRÊN ĐỊA BÀN XÃ MẬU A",
        "BÁO CÁO KẾT QUẢ PHÁT TRIỂN HTX TRÊN ĐỊA BÀN XÃ MẬU A, TỈNH LÀO CAI",
        "SỐ LIỆU KINH TẾ TẬP THỂ XÃ MẬU A, TỈNH LÀO CAI",
    ],
)
def test_a_title_naming_a_commune_gives_its_region(title: str) -> None:
    text = (
        f'"{title}";;;;\n;;;;\n'
        "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025\n"
        "1;Số thành viên hợp tác xã;Người;60\n"
    )
    actuals, log = read(text, COMMUNES)
    assert not errors(log), [str(p) for p in log]
    assert "region_from_title" in codes(log)
    assert "htx_members" not in figures(actuals)
    assert set(actuals.region_names("htx_members").values()) == {"Xã Mậu A"}


@pytest.mark.parametrize(
    "title",
    ["UBND XÃ MƯỜNG LAI", "BÁO CÁO KINH TẾ TẬP THỂ TRÊN ĐỊA BÀN XÃ MƯỜNG LAI", "Xã: Mường Lai"],
)
def test_with_no_regions_list_a_commune_s_title_is_refused(title: str) -> None:
    # the bundled programme lists no regions: the commune's 60 is not the province's
    assert not TARGETS.regions
    text = (
        f'"{title}";;;\nSTT;Chỉ tiêu;ĐVT;Thực hiện năm 2025\n1;Số thành viên hợp tác xã;Người;60\n'
    )
    actuals, log = read(text)
    [error] = errors(log)
    assert (error.code, error.line) == ("region_title", 1)
    assert figures(actuals) == {}


def test_with_no_regions_list_a_sheet_named_after_a_commune_is_refused(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Xã Mường Lai"
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025"])
    sheet.append([1, "Số thành viên hợp tác xã", "Người", 60])
    book.save(tmp_path / "x.xlsx")
    actuals, log = harness.read(harness.fixture(tmp_path / "x.xlsx"), targets=TARGETS)
    assert [p.code for p in errors(log)] == ["region_title"]
    assert figures(actuals) == {}


# ---------------------------------------------------------------------------------------
# 3. A plan table is never read as actuals
# ---------------------------------------------------------------------------------------

PLAN_TITLES = [
    ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2026", "Năm 2026"),
    ("BÁO CÁO KẾT QUẢ NĂM 2025 VÀ KẾ HOẠCH NĂM 2026", "Năm 2026"),
    ("Kế hoạch phát triển hợp tác xã giai đoạn 2026 - 2030", "Năm 2027"),
    ("KH PHÁT TRIỂN KTTT 6 THÁNG CUỐI NĂM 2026", "6 tháng cuối năm 2026"),
    ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ TẬP THỂ", "Năm 2026"),
]


@pytest.mark.parametrize(("title", "column"), PLAN_TITLES)
def test_a_bare_period_column_under_a_plan_title_is_refused(title: str, column: str) -> None:
    # `Thực hiện năm 2025` says its kind: read; the bare column is the plan: refused at its
    # header cell (line 6, column 5), naming the title's line
    text = (
        '"UBND TỈNH YÊN BÁI";;;;"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"\n'
        ";;;;\n"
        f'"{title}";;;;\n'
        '"(Kèm theo Kế hoạch số 125/KH-UBND ngày 10/12/2025 của UBND tỉnh)";;;;\n'
        ";;;;\n"
        f"STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;{column}\n"
        "1;Số hợp tác xã;HTX;870;950\n"
    )
    actuals, log = read(text)
    [error] = errors(log)
    assert (error.code, error.line, error.column) == ("plan_column", 6, 5)
    assert "t.csv:3" in error.message
    assert figures(actuals) == {"htx_count": [("2025", 870, None)]}


@pytest.mark.parametrize(
    "title",
    [
        "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025",
        "BÁO CÁO TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2025",
        "(Kèm theo Kế hoạch số 125/KH-UBND ngày 10/12/2025)",
        "BÁO CÁO NĂM 2025 VÀ KẾ HOẠCH NĂM 2026",  # the plan is 2026's, the column 2025's
    ],
)
def test_a_report_of_actuals_keeps_its_bare_period_columns(title: str) -> None:
    text = f'"{title}";;;\n;;;\nSTT;Chỉ tiêu;ĐVT;Năm 2025\n1;Số hợp tác xã;HTX;870\n'
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 870, None)]}


@pytest.mark.parametrize("sheet_name", ["KH 2026", "Kế hoạch 2026", "KH năm 2026"])
def test_a_sheet_named_after_a_plan_is_the_plan(tmp_path: Path, sheet_name: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    done = book.active
    assert done is not None
    done.title = "TH 2025"
    done.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025"])
    done.append([1, "Số hợp tác xã", "HTX", 830, 870])
    plan = book.create_sheet(sheet_name)
    plan.append(["STT", "Chỉ tiêu", "ĐVT", "Năm 2026"])
    plan.append([1, "Số hợp tác xã", "HTX", 950])
    book.save(tmp_path / "b.xlsx")
    actuals, log = harness.read(harness.fixture(tmp_path / "b.xlsx"), targets=TARGETS)
    [error] = errors(log)
    assert (error.code, error.sheet, error.cell) == ("plan_column", sheet_name, "D1")
    assert figures(actuals) == {"htx_count": [("2024", 830, None), ("2025", 870, None)]}


@pytest.mark.parametrize("kind", ["Kế hoạch", "KH", "Mục tiêu", "Chỉ tiêu giao", "Dự kiến"])
def test_a_kind_column_saying_plan_makes_the_row_no_figure(kind: str) -> None:
    text = (
        "STT;Chỉ tiêu;Loại số liệu;ĐVT;Năm 2025;6 tháng đầu năm 2026\n"
        f"1;Số hợp tác xã;{kind};HTX;900;950\n"
        "2;Số hợp tác xã;Thực hiện;HTX;870;\n"
        "3;Số hợp tác xã;Ước thực hiện;HTX;;905\n"
    )
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 870, None), ("2026-H1", 905, "≈")]}
    assert "plan_rows" in codes(log)


def test_a_kind_column_in_the_long_layout_is_read_too() -> None:
    text = (
        "indicator;period;Loại số liệu;value\n"
        "htx_count;2025;Kế hoạch;900\n"
        "htx_count;2025;Thực hiện;870\n"
        "htx_count;2026-H1;Ước TH;905\n"
    )
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2025", 870, None), ("2026-H1", 905, "≈")]}


def test_a_kind_that_does_not_read_is_an_error_at_its_cell() -> None:
    text = "STT;Chỉ tiêu;Loại số liệu;ĐVT;Năm 2025\n1;Số hợp tác xã;Khác;HTX;900\n"
    actuals, log = read(text)
    [error] = errors(log)
    assert (error.code, error.line, error.column) == ("unknown_kind", 2, 3)
    assert figures(actuals) == {}


# ---------------------------------------------------------------------------------------
# 4. No figure dropped in silence
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "low", "cells"),
    [
        # `Năm 2025` over `Kế hoạch | (blank)`: E holds 870, which may be the actual or not
        ("Năm 2025;;6 tháng đầu năm 2026;", "Kế hoạch;;KH;Ước TH", "D3, E4"),
        ("Năm 2025;;6 tháng đầu năm 2026;", "Thực hiện;;Ước TH;KH", "D3, E4"),
        ("Thực hiện năm 2025;;6 tháng đầu năm 2026;", "Số lượng;;KH;Ước TH", "D3, E4"),
    ],
)
def test_a_blank_sub_header_beside_a_kind_is_an_error_at_its_cell(
    top: str, low: str, cells: str
) -> None:
    text = TITLE + f"STT;Chỉ tiêu;ĐVT;{top}\n;;;{low}\n1;Số hợp tác xã;HTX;900;870;950;905\n"
    actuals, log = read(text)
    [error] = errors(log)
    assert (error.code, error.line, error.column) == ("unclear_column", 3, 5)
    assert f"(cells {cells})" in error.message
    assert actuals.rows == 0


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Năm 2025 (sơ bộ)", ("2025", 871, "≈")),
        ("Năm 2025 (ước)", ("2025", 871, "≈")),
        ("Năm 2025 (ước tính)", ("2025", 871, "≈")),
        ("Năm 2025 (chính thức)", ("2025", 871, None)),
        ("Đến hết năm 2025", ("2025", 871, None)),
        ("Tính đến ngày 30/11/2026", ("2026-11-30", 871, None)),
        ("Đến 30/11/2026", ("2026-11-30", 871, None)),
        ("Ước TH đến 30/11/2026", ("2026-11-30", 871, "≈")),
    ],
)
def test_a_column_that_names_a_period_is_read_as_that_period(
    header: str, expected: tuple[str, float, str | None]
) -> None:
    text = f"STT;Chỉ tiêu;ĐVT;Thực hiện năm 2024;{header}\n1;Số hợp tác xã;HTX;830;871\n"
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2024", 830, None), expected]}
    assert "ignored_column" not in codes(log)


@pytest.mark.parametrize("header", ["Năm 2025 (bổ sung)", "Số liệu 2025 khác", "2025 điều chỉnh"])
def test_a_column_that_names_a_period_and_does_not_read_is_an_error(header: str) -> None:
    text = f"STT;Chỉ tiêu;ĐVT;Thực hiện năm 2024;{header}\n1;Số hợp tác xã;HTX;830;871\n"
    actuals, log = read(text)
    [error] = errors(log)
    assert (error.code, error.line, error.column) == ("unclear_column", 1, 5)
    assert "names a period" in error.message
    assert actuals.rows == 0


def test_a_column_that_names_a_period_under_a_caption_reads_its_remark() -> None:
    text = (
        TITLE + "STT;Chỉ tiêu;ĐVT;Thực hiện;\n"
        ";;;Năm 2024;Năm 2025 (sơ bộ)\n"
        "1;Số hợp tác xã;HTX;830;871\n"
    )
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_count": [("2024", 830, None), ("2025", 871, "≈")]}


def test_a_sum_of_regions_made_of_estimates_is_an_estimate() -> None:
    # every listed commune's `Ước TH` of 2026-H1: 26+13+17+9+8+18+11+24 = 126, an estimate
    # (≈), as each of its parts; the 2025 actuals sum to an exact 120 (Σ)
    names = [r.name for r in COMMUNES.regions]
    h1 = [26, 13, 17, 9, 8, 18, 11, 24]
    done = [25, 12, 16, 9, 7, 18, 10, 23]
    lines = [
        f"{i};{n};Số hợp tác xã;HTX;{d};{e}"
        for i, (n, d, e) in enumerate(zip(names, done, h1, strict=True), 1)
    ]
    text = (
        "STT;Xã, phường;Chỉ tiêu;ĐVT;Thực hiện năm 2025;Ước TH 6 tháng đầu năm 2026\n"
        + "\n".join(lines)
        + "\n"
    )
    actuals, log = read(text, COMMUNES)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals)["htx_count"] == [
        ("2025", 120, "sum of regions"),
        ("2026-H1", 126, "≈"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "BÁO CÁO HỢP TÁC XÃ NÔNG NGHIỆP TÂN AN, TỈNH LÀO CAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "UBND TỈNH LÀO CAI",
    ],
)
def test_with_no_regions_list_a_title_naming_no_commune_is_the_province(title: str) -> None:
    text = (
        f'"{title}";;;\nSTT;Chỉ tiêu;ĐVT;Thực hiện năm 2025\n1;Số thành viên hợp tác xã;Người;60\n'
    )
    actuals, log = read(text)
    assert not errors(log), [str(p) for p in log]
    assert figures(actuals) == {"htx_members": [("2025", 60, None)]}
