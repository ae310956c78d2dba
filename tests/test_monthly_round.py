"""The monthly round of SPEC §11: a form per commune, returns read back by their title or
their sheet, many returns in one run, and the national programme's 34 provinces."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ktt_cli.bundled import bundled_path
from ktt_cli.cli import app
from ktt_cli.load.title_region import TitleProblem, TitleRegion, title_region
from ktt_cli.names import RegionNames
from ktt_cli.problems import ProblemLog
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "fixtures" / "coverage"
TARGETS = str(HERE / "twelve-communes.yaml")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
EXPECTED = ["Số hợp tác xã", "Số thành viên hợp tác xã", "Số tổ hợp tác"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def forms(folder: Path, *extra: str) -> list[Path]:
    code, out, err = run(
        "template", "--by", "region", "-t", TARGETS, "--period", "2026-11", "-o", f"{folder}/",
        *extra,
    )  # fmt: skip
    assert code == 0, err
    return [Path(line) for line in out.splitlines()]


def fill(paths: list[Path]) -> dict[str, list[int]]:
    """Each form's value cells filled as a commune would (openpyxl), figures by region:
    form k gets 10 + k, 100 + k and k % 3 + 1."""
    filled = {}
    for k, path in enumerate(paths):
        book = openpyxl.load_workbook(path)
        sheet = book.active
        assert sheet is not None
        figures = [10 + k, 100 + k, k % 3 + 1]
        rows = [r for r in sheet.iter_rows(min_row=8) if r[0].value]
        for row, figure in zip(rows, figures, strict=True):
            row[2].value = figure
        book.save(path)
        filled[str(rows[0][3].value)] = figures
    return filled


def breakdown(paths: list[Path]) -> dict[tuple[str, str], float]:
    code, out, err = run(
        "report", *map(str, paths), "-t", TARGETS, "--by", "region", "-f", "json", "--lang", "en"
    )
    assert code == 0, err
    rows = json.loads(out)["breakdown"]
    return {(r["region"], r["indicator"]): r["actual"] for r in rows if r["actual"] is not None}


# ---- ktt template --by region ---------------------------------------------------------


def test_a_form_per_region_named_by_code_and_name(tmp_path: Path) -> None:
    paths = forms(tmp_path / "forms")
    assert [p.name for p in paths][:3] == [
        "04567-xa-tan-linh.xlsx",
        "xa-mau-a.xlsx",
        "phuong-yen-bai.xlsx",
    ]
    assert len(paths) == 12
    assert sorted(p.name for p in (tmp_path / "forms").iterdir()) == sorted(p.name for p in paths)
    sheet = openpyxl.load_workbook(paths[0]).active
    assert sheet is not None
    title = [sheet.cell(r, 1).value for r in range(1, 6)]
    assert title[1] == "Đơn vị báo cáo: Xã Tân Lĩnh (mã 04567)"
    assert title[2] == "Kỳ báo cáo: 11/2026 (2026-11)"
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=7) if r[0].value]
    assert rows[0][:4] == ["Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn"]
    # the indicators expected of a region, not the territory's percentage
    assert [r[0] for r in rows[1:]] == EXPECTED
    assert {r[1] for r in rows[1:]} == {"2026-11"}
    assert {r[3] for r in rows[1:]} == {"Xã Tân Lĩnh"}


def test_forms_filled_by_openpyxl_read_back_as_each_regions_figures(tmp_path: Path) -> None:
    paths = forms(tmp_path / "forms")
    filled = fill(paths)
    found = breakdown(paths)
    for region, (htx, members, groups) in filled.items():
        assert found[(region, "htx_count")] == htx
        assert found[(region, "htx_members")] == members
        assert found[(region, "tht_count")] == groups
    code, out, err = run("coverage", f"{tmp_path}/forms/*.xlsx", "-t", TARGETS, "-f", "json")
    assert code == 0, err
    assert json.loads(out)["total"]["reported"] == 36
    assert len(json.loads(out)["actuals_files"]) == 12
    code, out, err = run("coverage", f"{tmp_path}/forms/*.xlsx", "-t", TARGETS)
    assert code == 0, err
    assert "phuong-sa-pa.xlsx, … (12 tệp)" in out  # a folder of returns in one line
    assert "36/36 (100%)" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_form_whose_region_column_was_deleted_is_read_by_its_title(
    tmp_path: Path, lang: str
) -> None:
    paths = forms(tmp_path / "forms", "--lang", lang)[:1]
    fill(paths)
    book = openpyxl.load_workbook(paths[0])
    sheet = book.active
    assert sheet is not None
    sheet.delete_cols(4)
    book.save(paths[0])
    assert breakdown(paths) == {
        ("Xã Tân Lĩnh", "htx_count"): 10,
        ("Xã Tân Lĩnh", "htx_members"): 100,
        ("Xã Tân Lĩnh", "tht_count"): 1,
    }


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice installed (libreoffice-calc-nogui)")
def test_forms_saved_again_by_libreoffice_read_back(tmp_path: Path) -> None:
    paths = forms(tmp_path / "forms")[:3]
    filled = fill(paths)
    saved = tmp_path / "saved"
    assert SOFFICE is not None
    command = [
        SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
        "--convert-to", "xlsx", "--outdir", str(saved), *map(str, paths),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    again = sorted(saved.glob("*.xlsx"))
    assert len(again) == 3
    assert again[0].read_bytes() != paths[0].read_bytes()
    found = breakdown(again)
    for region, (htx, members, groups) in filled.items():
        assert (found[(region, "htx_count")], found[(region, "htx_members")]) == (htx, members)
        assert found[(region, "tht_count")] == groups


#: A Basic macro run by LibreOffice itself: each form of a folder opened in Calc, its value
#: cells typed as a commune types them (`setFormula`, as a cell's input line), k-th value
#: row = 10 × the length of the region's name + k, then saved as .xlsx and as .ods.
FILL_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Fill(folder As String, outdir As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden" : hidden(0).Value = True
  Dim asXlsx(1) As New com.sun.star.beans.PropertyValue
  asXlsx(0).Name = "FilterName" : asXlsx(0).Value = "Calc MS Excel 2007 XML"
  asXlsx(1).Name = "Overwrite" : asXlsx(1).Value = True
  Dim asOds(1) As New com.sun.star.beans.PropertyValue
  asOds(0).Name = "FilterName" : asOds(0).Value = "calc8"
  asOds(1).Name = "Overwrite" : asOds(1).Value = True
  Dim names(500) As String
  n = 0
  name = Dir(folder &amp; "/*.xlsx")
  Do While name &lt;&gt; ""
    names(n) = name : n = n + 1 : name = Dir()
  Loop
  For i = 0 To n - 1
    url = ConvertToURL(folder &amp; "/" &amp; names(i))
    doc = StarDesktop.loadComponentFromURL(url, "_blank", 0, hidden())
    sheet = doc.Sheets.getByIndex(0)
    k = 0
    For r = 7 To 200
      If sheet.getCellByPosition(0, r).getString() &lt;&gt; "" Then
        region = sheet.getCellByPosition(3, r).getString()
        sheet.getCellByPosition(2, r).setFormula(CStr(Len(region) * 10 + k))
        k = k + 1
      End If
    Next r
    stem = outdir &amp; "/" &amp; Left(names(i), Len(names(i)) - 5)
    doc.storeToURL(ConvertToURL(stem &amp; ".xlsx"), asXlsx())
    doc.storeToURL(ConvertToURL(stem &amp; ".ods"), asOds())
    doc.close(True)
  Next i
  StarDesktop.terminate()
End Sub
</script:module>
"""


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice installed (libreoffice-calc-nogui)")
def test_forms_filled_in_libreoffice_read_back(tmp_path: Path) -> None:
    """The forms filled in LibreOffice Calc by a macro and saved there, as .xlsx and as
    .ods (a commune working in LibreOffice keeps its own format): every figure reads back
    as its region's, and the round is complete in both."""
    paths = forms(tmp_path / "forms")
    assert SOFFICE is not None
    profile = tmp_path / "profile"
    start = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible"]
    (tmp_path / "t.csv").write_text("a\n", encoding="utf-8")
    first = [
        *start,
        "--convert-to",
        "xlsx",
        "--outdir",
        str(tmp_path / "x"),
        str(tmp_path / "t.csv"),
    ]
    subprocess.run(first, capture_output=True, timeout=300, check=True)  # makes the profile
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(FILL_MACRO, "utf-8")
    filled = tmp_path / "filled"
    filled.mkdir()
    macro = f'macro:///Standard.Module1.Fill("{tmp_path / "forms"}","{filled}")'
    done = subprocess.run([*start, macro], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert len(list(filled.iterdir())) == 2 * len(paths)
    programme = read_targets(Path(TARGETS).read_bytes(), TARGETS, ProblemLog())
    assert programme is not None
    names = [r.name for r in programme.regions]
    expected = {
        (name, indicator): len(name) * 10 + k
        for name in names
        for k, indicator in enumerate(["htx_count", "htx_members", "tht_count"])
    }
    for kind in ("xlsx", "ods"):
        assert breakdown(sorted(filled.glob(f"*.{kind}"))) == expected
        code, out, err = run("coverage", f"{filled}/*.{kind}", "-t", TARGETS, "-f", "json")
        assert code == 0, err
        assert json.loads(out)["total"]["reported"] == 36


def test_forms_as_csv_read_back(tmp_path: Path) -> None:
    paths = forms(tmp_path / "forms", "--format", "csv")
    assert paths[0].name == "04567-xa-tan-linh.csv"
    text = paths[0].read_text(encoding="utf-8-sig")
    assert "# Đơn vị báo cáo: Xã Tân Lĩnh (mã 04567)" in text
    paths[0].write_text(text.replace(",2026-11,,", ",2026-11,7,"), encoding="utf-8")
    found = breakdown([paths[0]])
    assert found[("Xã Tân Lĩnh", "htx_count")] == 7


def test_a_new_folder_without_a_slash_and_names_safe_for_any_system(tmp_path: Path) -> None:
    targets = tmp_path / "t.yaml"
    text = Path(TARGETS).read_text(encoding="utf-8")
    text = text.replace('{name: "Xã Mậu A"}', '{id: "0/9", name: "Xã Mậu A: B/C*?"}')
    targets.write_text(text.replace('"Xã Mậu A": 200', '"0/9": 200'), encoding="utf-8")
    code, _, err = run("template", "--by", "region", "-t", str(targets), "-o", f"{tmp_path}/new")
    assert code == 0, err
    assert (tmp_path / "new" / "0-9-xa-mau-a-b-c.xlsx").is_file()
    assert len(list((tmp_path / "new").iterdir())) == 12


def test_every_form_is_written_when_nobody_reads_the_list(tmp_path: Path) -> None:
    """`ktt template --by region -o forms/ | head -1`: the reader of the list of names
    is gone before ktt writes them; the twelve forms are written all the same."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # a reader gone: writing to the pipe fails (EPIPE)
    command = [sys.executable, "-m", "ktt_cli", "template", "--by", "region", "-t", TARGETS,
               "-o", str(tmp_path / "forms")]  # fmt: skip
    try:
        subprocess.run(
            command, stdout=write_end, stderr=subprocess.DEVNULL, timeout=120, check=False
        )
    finally:
        os.close(write_end)
    assert len(list((tmp_path / "forms").iterdir())) == 12


def test_a_form_is_never_written_over_a_file_of_its_name(tmp_path: Path) -> None:
    """Forms written again into the folder the returns come back to: the commune's filled
    return is kept as it is, nothing is written, exit 2, in the language asked."""
    paths = forms(tmp_path / "round")
    filled = fill(paths[:1])
    before = {p.name: p.read_bytes() for p in paths}
    code, out, err = run(
        "template", "--by", "region", "-t", TARGETS, "-o", str(tmp_path / "round"), "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert f"{paths[0]} already exists (and 11 other form(s)" in err
    assert {p.name: p.read_bytes() for p in paths} == before
    assert breakdown(paths[:1])[("Xã Tân Lĩnh", "htx_count")] == filled["Xã Tân Lĩnh"][0]
    paths[1].unlink()  # one form left: still refused, the new one not written either
    code, _, err = run("template", "--by", "region", "-t", TARGETS, "-o", str(tmp_path / "round"))
    assert code == 2
    assert "cùng 10 biểu khác" in err
    assert not paths[1].exists()


def test_template_by_region_needs_a_folder_and_a_list_of_regions(tmp_path: Path) -> None:
    file = tmp_path / "x.xlsx"
    file.write_bytes(b"")
    code, _, err = run("template", "--by", "region", "-t", TARGETS, "-o", str(file))
    assert code == 2
    assert "--output" in err
    code, _, err = run("template", "--by", "region", "-o", f"{tmp_path}/f/")
    assert code == 2
    assert "regions" in err
    code, _, err = run("template", "--by", "region", "-t", TARGETS, "--wide", "-o", f"{tmp_path}/f")
    assert code == 2
    assert "--wide" in err
    code, _, err = run("template", "-t", TARGETS, "--period", "2026-11")
    assert code == 2
    assert "--by region" in err
    # `--lang en` after the command: said in English (SPEC §1: wherever it stands)
    code, _, err = run("template", "--by", "region", "-t", "yen-bai-nq20", "-o", f"{file}-x",
                       "--lang", "en")  # fmt: skip
    assert code == 2
    assert "the programme yen-bai-nq20 lists no regions" in err
    code, _, err = run("template", "--by", "region", "-t", TARGETS, "--lang", "en")
    assert code == 2
    assert "--by region writes a workbook per region" in err


# ---- a return read by its title -------------------------------------------------------


def return_book(path: Path, title: list[str], sheet: str = "Biểu 01") -> Path:
    """A commune's return as offices make it: a title block, a report table with no
    region column (STT, indicator, unit, actual of the month), a signature below."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for line in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", *title]:
        ws.append([line])
    ws.append(["BÁO CÁO TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ THÁNG 11 NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện tháng 11/2026"])
    ws.append([1, "Số hợp tác xã", "HTX", 12])
    ws.append([2, "Số thành viên hợp tác xã", "người", 180])
    ws.append([])
    ws.append([None, "Người lập biểu", None, "Chủ tịch UBND xã"])
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("title", "region"),
    [
        (["Đơn vị báo cáo: UBND xã Tân Lĩnh"], "Xã Tân Lĩnh"),
        (["UBND TỈNH THỬ", "UBND PHƯỜNG YÊN BÁI"], "Phường Yên Bái"),
        (["Xã: Mậu A"], "Xã Mậu A"),
        (["ỦY BAN NHÂN DÂN", "XÃ CỐC LẦU"], "Xã Cốc Lầu"),
        (["Đơn vị báo cáo: xa Lam Thuong"], "Xã Lâm Thượng"),
        (["Đơn vị báo cáo: UBND xã Tân Lĩnh, huyện Lục Yên, tỉnh Yên Bái"], "Xã Tân Lĩnh"),
        (["UBND HUYỆN LỤC YÊN", "UBND XÃ TÂN LĨNH"], "Xã Tân Lĩnh"),
        # the two lines in one cell (Alt+Enter), as offices type a letterhead
        (["UBND TỈNH THỬ\nUBND XÃ TÂN LĨNH"], "Xã Tân Lĩnh"),
        (["UBND HUYỆN LỤC YÊN\r\nUBND XÃ TÂN LĨNH"], "Xã Tân Lĩnh"),
    ],
)
def test_a_title_naming_a_region_gives_it_every_figure(
    tmp_path: Path, title: list[str], region: str
) -> None:
    path = return_book(tmp_path / "r.xlsx", title)
    code, out, err = run("report", str(path), "-t", TARGETS, "--by", "region", "-f", "json")
    assert code == 0, err
    assert "region_from_title" in err
    rows = json.loads(out)["breakdown"]
    figures = {(r["region"], r["indicator"]): r["actual"] for r in rows if r["actual"]}
    assert figures == {(region, "htx_count"): 12, (region, "htx_members"): 180}


def test_a_return_laid_out_as_an_administrative_letter(tmp_path: Path) -> None:
    """As a commune's office lays out a report (Decree 30/2020): the body (merged A1:C1)
    beside the motto, the number beside the place and date, a group row, then the
    recipients and the signature block under the table."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Biểu 01"
    for row in (
        ["UBND XÃ TÂN LĨNH", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 45/BC-UBND", None, None, "Tân Lĩnh, ngày 3 tháng 12 năm 2026"],
        ["BÁO CÁO Kết quả phát triển kinh tế tập thể tháng 11 năm 2026"],
        [],
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện tháng 11/2026"],
        ["I", "Hợp tác xã", None, None],
        [1, "Số hợp tác xã", "HTX", 12],
        [2, "Số thành viên hợp tác xã", "Người", 180],
        [],
        [None, "Nơi nhận:", None, "TM. ỦY BAN NHÂN DÂN"],
        [None, "- UBND tỉnh Thử;", None, "CHỦ TỊCH"],
    ):
        ws.append(row)
    ws.merge_cells("A1:C1")
    path = tmp_path / "bao-cao.xlsx"
    book.save(path)
    found = breakdown([path])
    assert found == {("Xã Tân Lĩnh", "htx_count"): 12, ("Xã Tân Lĩnh", "htx_members"): 180}


def test_a_label_and_its_unit_in_two_cells(tmp_path: Path) -> None:
    path = return_book(tmp_path / "r.xlsx", [])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.insert_rows(2)
    sheet["A2"], sheet["C2"] = "Đơn vị báo cáo:", "Văn Phú"  # no `UBND`: the label says it
    book.save(path)
    found = breakdown([path])
    assert found == {("Phường Văn Phú", "htx_count"): 12, ("Phường Văn Phú", "htx_members"): 180}


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice installed (libreoffice-calc-nogui)")
@pytest.mark.parametrize("kind", ["ods", "xlsx"])
def test_a_return_saved_by_libreoffice_keeps_its_title_region(tmp_path: Path, kind: str) -> None:
    path = return_book(tmp_path / "r.xlsx", ["UBND TỈNH THỬ", "UBND PHƯỜNG SA PA"])
    saved = tmp_path / "saved"
    assert SOFFICE is not None
    command = [
        SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
        "--convert-to", kind, "--outdir", str(saved), str(path),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    found = breakdown([saved / f"r.{kind}"])
    assert found == {("Phường Sa Pa", "htx_count"): 12, ("Phường Sa Pa", "htx_members"): 180}


def test_a_sheet_named_after_a_region_gives_it_every_figure(tmp_path: Path) -> None:
    path = return_book(tmp_path / "r.xlsx", ["BIỂU SỐ 01"], sheet="Xã Mậu A")
    code, out, err = run("report", str(path), "-t", TARGETS, "--by", "region", "-f", "json")
    assert code == 0, err
    assert "region_from_sheet" in err
    rows = json.loads(out)["breakdown"]
    assert {r["region"] for r in rows if r["actual"]} == {"Xã Mậu A"}


def test_a_workbook_of_a_sheet_per_commune_gives_each_sheet_its_region(tmp_path: Path) -> None:
    """One workbook, a sheet per commune (named after it, or titled with it): each sheet's
    figures are its commune's (SPEC §11, read sheet by sheet as SPEC §9 says)."""
    path = return_book(tmp_path / "r.xlsx", ["BIỂU SỐ 01"], sheet="Xã Mậu A")
    book = openpyxl.load_workbook(path)
    second = book.copy_worksheet(book["Xã Mậu A"])
    second.title = "Biểu 02"
    second["A2"] = "UBND XÃ TÂN LĨNH"
    second["D6"] = 21
    book.save(path)
    assert breakdown([path]) == {
        ("Xã Mậu A", "htx_count"): 12,
        ("Xã Mậu A", "htx_members"): 180,
        ("Xã Tân Lĩnh", "htx_count"): 21,
        ("Xã Tân Lĩnh", "htx_members"): 180,
    }


def test_a_title_naming_an_unlisted_commune_is_an_error_with_did_you_mean(
    tmp_path: Path,
) -> None:
    path = return_book(tmp_path / "r.xlsx", ["Đơn vị báo cáo: UBND xã Tân Linh Thượng"])
    code, _, err = run("report", str(path), "-t", TARGETS, "--lang", "en")
    assert code == 2
    assert "r.xlsx:Biểu 01!A2: unknown_region" in err
    assert "did you mean 'Xã Tân Lĩnh'" in err


@pytest.mark.parametrize(
    ("title", "closest"),
    [
        (["Đơn vị báo cáo: Mậu B"], "Xã Mậu A"),  # no unit word, a letter off
        (["UBND TỈNH THỬ", "UBND Tân Linhh"], "Xã Tân Lĩnh"),
        (["Đơn vị báo cáo: HTX Tân Lĩnh"], "Xã Tân Lĩnh"),  # a cooperative is no region
    ],
)
def test_a_unit_with_no_unit_word_all_but_a_listed_region_is_an_error(
    tmp_path: Path, title: list[str], closest: str
) -> None:
    """Its figures are not the territory's: an error with the "did you mean", exit 2."""
    path = return_book(tmp_path / "r.xlsx", title)
    code, _, err = run("report", str(path), "-t", TARGETS, "--lang", "en")
    assert code == 2
    assert "unknown_region" in err
    assert f"did you mean '{closest}'" in err


def test_the_motto_a_higher_body_or_an_office_is_no_region(tmp_path: Path) -> None:
    for title in (
        ["UBND TỈNH THỬ", "SỞ TÀI CHÍNH"],
        ["Đơn vị báo cáo: Sở Tài chính"],
        ["Đơn vị báo cáo: Phòng Kinh tế"],
        ["Đơn vị báo cáo: Liên minh Hợp tác xã tỉnh"],
        ["UBND TỈNH THỬ", "Đơn vị báo cáo: Chi cục Thống kê"],
    ):
        path = return_book(tmp_path / "r.xlsx", title)
        code, out, err = run("report", str(path), "-t", TARGETS, "-f", "json", "--as-of", "2026-11")
        assert code == 0, err
        assert "region_from" not in err
        htx = next(r for r in json.loads(out)["results"] if r["indicator"] == "htx_count")
        assert htx["actual"] == 12  # the territory's, as without a title


def test_title_region_pure() -> None:
    log = ProblemLog()
    targets = read_targets(Path(TARGETS).read_bytes(), TARGETS, log)
    assert targets is not None
    names = RegionNames(targets)
    found = title_region(
        [["UBND HUYỆN LỤC YÊN"], [None, "UBND XÃ TÂN LĨNH"]], None, names, "Tỉnh Thử"
    )
    assert isinstance(found, TitleRegion)
    assert (found.name, found.row, found.column) == ("Xã Tân Lĩnh", 1, 1)
    problem = title_region([["Xã: Mậu B"]], None, names, "Tỉnh Thử")
    assert isinstance(problem, TitleProblem)
    assert problem.suggestion == "Xã Mậu A"
    assert title_region([["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]], "Sheet1", names, "x") is None


TITLE_FORMS = (
    "Đơn vị báo cáo: UBND {name}",
    "UBND {upper}",
    "ỦY BAN NHÂN DÂN {upper}",
    "Đơn vị báo cáo: {name}, tỉnh Thử",
    "{unit}: {bare}",
)


@given(
    st.integers(0, 11),
    st.sampled_from(TITLE_FORMS),
    st.sampled_from([[], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["UBND TỈNH THỬ"]]),
    st.booleans(),
)
def test_every_listed_region_in_every_title_form_is_found(
    k: int, form: str, above: list[str], one_cell: bool
) -> None:
    """Whatever listed region, title form and higher lines above it (in rows of their own
    or in the same cell, a line each): that region."""
    targets = read_targets(Path(TARGETS).read_bytes(), TARGETS, ProblemLog())
    assert targets is not None
    region = targets.regions[k]
    unit, _, bare = region.name.partition(" ")
    line = form.format(name=region.name, upper=region.name.upper(), unit=unit, bare=bare)
    rows = [["\n".join([*above, line])]] if one_cell else [[a] for a in above] + [[line]]
    found = title_region(rows, None, RegionNames(targets), "Tỉnh Thử")
    assert isinstance(found, TitleRegion)
    assert found.name == region.name
    assert found.row == (0 if one_cell else len(above))


def test_a_csv_return_with_its_title_in_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "Đơn vị báo cáo: UBND xã Tân Lĩnh;;\n;;\nChỉ tiêu;Kỳ;Giá trị\nSố hợp tác xã;2026-11;12\n",
        encoding="utf-8",
    )
    found = breakdown([path])
    assert found == {("Xã Tân Lĩnh", "htx_count"): 12}


# ---- many returns in one run ------------------------------------------------------------


def test_a_pattern_is_expanded_by_ktt_and_one_matching_nothing_is_an_error(
    tmp_path: Path,
) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    titles = (["Xã: Mậu A"], ["Đơn vị báo cáo: UBND xã Tân Lĩnh"], ["UBND PHƯỜNG YÊN BÁI"])
    for k, title in enumerate(titles):
        return_book(returns / f"{k}.xlsx", title)
    (returns / "notes.txt").write_text("not a return")
    code, out, err = run("coverage", f"{returns}/*.xlsx", "-t", TARGETS, "-f", "json")
    assert code == 0, err
    got = json.loads(out)
    assert len(got["actuals_files"]) == 3
    assert got["total"]["reported"] == 6  # two figures from each of three communes
    # how each was read, for the monthly job that reads the JSON, as in the report's
    titled = [w for w in got["warnings"] if w["code"] == "region_from_title"]
    assert [(Path(w["file"]).name, w["sheet"], w["cell"]) for w in titled] == [
        ("0.xlsx", "Biểu 01", "A2"),
        ("1.xlsx", "Biểu 01", "A2"),
        ("2.xlsx", "Biểu 01", "A2"),
    ]
    code, _, err = run("report", f"{returns}/*.ods", "-t", TARGETS)
    assert code == 2
    assert f"{returns}/*.ods: không có tệp nào khớp với mẫu này" in err
    code, out, err = run("validate", f"{returns}/*.xlsx", "-t", TARGETS)
    assert code == 0, err
    assert out.splitlines()[-1].endswith(f"{returns}/2.xlsx: hợp lệ (9 cảnh báo)")
    # through the installed command, the pattern quoted as a Windows shell passes it
    done = subprocess.run(
        [sys.executable, "-m", "ktt_cli", "report", f"{returns}/?.xlsx", "-t", TARGETS,
         "-f", "csv"],
        capture_output=True, text=True, check=False, env={"KTT_LANG": "en", "PATH": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "region_from_title" in done.stderr


def test_two_stars_reach_the_returns_in_a_folder_per_commune(tmp_path: Path) -> None:
    """`returns/**/*.xlsx`, as ktt expands it (Windows): the returns at any depth."""
    returns = tmp_path / "returns"
    (returns / "mau-a").mkdir(parents=True)
    (returns / "2026" / "tan-linh").mkdir(parents=True)
    return_book(returns / "mau-a" / "bao-cao.xlsx", ["Xã: Mậu A"])
    return_book(returns / "2026" / "tan-linh" / "bao-cao.xlsx", ["UBND XÃ TÂN LĨNH"])
    code, out, err = run("coverage", f"{returns}/**/*.xlsx", "-t", TARGETS, "-f", "json")
    assert code == 0, err
    assert len(json.loads(out)["actuals_files"]) == 2
    assert json.loads(out)["total"]["reported"] == 4
    # a file named and matched again, by the same pattern twice: read once
    named = str(returns / "mau-a" / "bao-cao.xlsx")
    code, out, err = run(
        "coverage", named, f"{returns}/**/*.xlsx", f"{returns}/*/*.xlsx", "-t", TARGETS,
        "-f", "json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["actuals_files"] == [named, str(returns / "2026/tan-linh/bao-cao.xlsx")]
    assert "repeated_row" not in err


def test_a_corrected_return_beside_the_first_names_both_files(tmp_path: Path) -> None:
    """A commune sends its form again, corrected (`… (1).xlsx`): two figures for one
    cell, never a guess between them. The error names both files; nothing about sums of
    regions is said beside it."""
    paths = forms(tmp_path / "forms")[:1]
    fill(paths)
    book = openpyxl.load_workbook(paths[0])
    sheet = book.active
    assert sheet is not None
    sheet["C8"] = 11
    again = paths[0].with_name("04567-xa-tan-linh (1).xlsx")
    book.save(again)
    code, out, err = run("coverage", f"{tmp_path}/forms/04567*.xlsx", "-t", TARGETS, "--lang", "en")
    assert (code, out) == (2, "")
    conflict = next(line for line in err.splitlines() if "conflicting_values" in line)
    assert "04567-xa-tan-linh.xlsx:Số liệu!C8" in conflict
    assert "04567-xa-tan-linh (1).xlsx:Số liệu!C8" in conflict
    assert "regions_missing" not in err
    assert "no_territory_rows" not in err


def test_a_pattern_passes_over_the_owner_file_of_a_workbook_open_in_excel(
    tmp_path: Path,
) -> None:
    """While a return is open in Excel, `~$0.xlsx` lies beside it: a few bytes, the
    length and name of who has it open, padded. `*.xlsx` matches it; it is no return."""
    returns = tmp_path / "returns"
    returns.mkdir()
    return_book(returns / "0.xlsx", ["Xã: Mậu A"])
    owner = returns / "~$0.xlsx"
    owner.write_bytes(bytes([5]) + b"Admin" + b" " * 48 + bytes(111))
    code, out, err = run("coverage", f"{returns}/*.xlsx", "-t", TARGETS, "-f", "json")
    assert code == 0, err
    assert json.loads(out)["actuals_files"] == [str(returns / "0.xlsx")]
    # the same names as a shell on macOS or Linux expands `*.xlsx`: the owner file too
    code, out, err = run(
        "coverage", str(returns / "0.xlsx"), str(owner), "-t", TARGETS, "-f", "json"
    )
    assert code == 0, err
    assert json.loads(out)["actuals_files"] == [str(returns / "0.xlsx")]
    code, _, _ = run("report", str(owner), "-t", TARGETS)  # named alone: read, and refused
    assert code == 2


# ---- the national programme -------------------------------------------------------------


def test_the_national_programme_lists_the_34_provinces_with_their_codes() -> None:
    path = bundled_path("nq20-national")
    assert path is not None
    log = ProblemLog()
    national = read_targets(path.read_bytes(), "nq20-national", log)
    assert national is not None
    regions = {r.id: r for r in national.regions}
    assert len(regions) == 34
    assert regions["15"].name == "Lào Cai"
    assert "Yên Bái" in regions["15"].aliases
    assert regions["79"].name == "Thành phố Hồ Chí Minh"
    assert {"Bình Dương", "Bà Rịa - Vũng Tàu"} <= set(regions["79"].aliases)
    assert "Resolution 202/2025/QH15" in path.read_text(encoding="utf-8")
    # 52 provinces merged into 23 (11 stayed): 23 units list the 29 former ones merged in
    cities = {r.name.removeprefix("Thành phố ") for r in national.regions}
    former = [
        (r.id, a)
        for r in national.regions
        for a in r.aliases
        if not a.startswith(("Tỉnh ", "TP. ")) and a not in cities | {"TP.HCM", "TPHCM"}
    ]
    assert len({i for i, _ in former}) == 23
    assert len(former) == 52 - 23


#: Resolution 202/2025/QH15 and the national list of administrative units (as in
#: DOMAIN.md): code, the province or city, the former provinces merged into it.
PROVINCES = """
01 Thành phố Hà Nội | ; 04 Cao Bằng | ; 08 Tuyên Quang | Hà Giang; 11 Điện Biên | ;
12 Lai Châu | ; 14 Sơn La | ; 15 Lào Cai | Yên Bái; 19 Thái Nguyên | Bắc Kạn;
20 Lạng Sơn | ; 22 Quảng Ninh | ; 24 Bắc Ninh | Bắc Giang; 25 Phú Thọ | Vĩnh Phúc, Hòa Bình;
31 Thành phố Hải Phòng | Hải Dương; 33 Hưng Yên | Thái Bình; 37 Ninh Bình | Hà Nam, Nam Định;
38 Thanh Hóa | ; 40 Nghệ An | ; 42 Hà Tĩnh | ; 44 Quảng Trị | Quảng Bình; 46 Thành phố Huế | ;
48 Thành phố Đà Nẵng | Quảng Nam; 51 Quảng Ngãi | Kon Tum; 52 Gia Lai | Bình Định;
56 Khánh Hòa | Ninh Thuận; 66 Đắk Lắk | Phú Yên; 68 Lâm Đồng | Đắk Nông, Bình Thuận;
75 Đồng Nai | Bình Phước; 79 Thành phố Hồ Chí Minh | Bình Dương, Bà Rịa - Vũng Tàu;
80 Tây Ninh | Long An; 82 Đồng Tháp | Tiền Giang; 86 Vĩnh Long | Bến Tre, Trà Vinh;
91 An Giang | Kiên Giang; 92 Thành phố Cần Thơ | Sóc Trăng, Hậu Giang; 96 Cà Mau | Bạc Liêu
"""


def test_every_province_has_its_code_and_its_former_provinces_name_it() -> None:
    """Each of the 34, by code: its name, and each former province merged into it (as
    written, and as `Tỉnh …`) read as that province's code, never another's."""
    path = bundled_path("nq20-national")
    assert path is not None
    national = read_targets(path.read_bytes(), "nq20-national", ProblemLog())
    assert national is not None
    names = RegionNames(national)
    table = [entry.strip() for entry in PROVINCES.replace("\n", " ").split(";")]
    assert len(table) == 34
    for entry in table:
        head, _, former = (part.strip() for part in entry.partition("|"))
        code, _, name = head.partition(" ")
        region = next(r for r in national.regions if r.id == code)
        assert region.name == name
        for old in filter(None, former.split(", ")):
            for written in (old, f"Tỉnh {old}", old.upper()):
                found = names.region(written)
                assert found is not None, written
                assert found[1] == name, (written, found)


def test_report_by_region_compares_provinces() -> None:
    sample = ROOT / "examples" / "synthetic-provinces.csv"
    code, out, err = run(
        "report", str(sample), "-t", "nq20-national", "--by", "region", "-f", "csv", "--lang", "en"
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    htx = {r["region"]: r for r in rows if r["indicator"] == "htx_count" and r["region"]}
    assert len(htx) == 34
    # written `Tỉnh Lào Cai`, `TP. Hải Phòng`: the listed provinces
    assert htx["Lào Cai"]["actual"] == "850"
    assert htx["Thành phố Hải Phòng"]["actual"] == "1100"
    assert htx["Lào Cai"]["region_id"] == "15"
    # no national figure for 2024: the sum of the 34 provinces' (worked: 31.580)
    country = next(r for r in rows if r["indicator"] == "htx_count" and not r["region"])
    assert (country["actual"], country["actual_qualifier"]) == ("31580", "sum of regions")
    assert htx["Lào Cai"]["share_of_territory"].startswith("2.69")  # 850 / 31580


@pytest.mark.parametrize(
    ("title", "found"),
    [
        (["UBND TỈNH LÀO CAI"], "Lào Cai"),
        (["Đơn vị báo cáo: UBND TP.HCM"], "Thành phố Hồ Chí Minh"),
        (["UBND TỈNH BẮC GIANG"], "Bắc Ninh"),  # a former province: the one it is part of
        (["UBND TỈNH LÀO CAY"], "did you mean 'Lào Cai'"),  # mistyped: an error
        (["Đơn vị báo cáo: UBND tỉnh Hà Tây"], "unknown_region"),  # not a province since 2008
        (["Đơn vị báo cáo: Bộ Tài chính"], None),  # a ministry: the country's, as untitled
    ],
)
def test_a_provinces_return_to_the_national_programme(
    tmp_path: Path, title: list[str], found: str | None
) -> None:
    """In the national programme the regions are provinces and cities: a title naming
    one gives it the figures, a province not listed is an error, as a commune is in a
    province's programme; a body that is not a place leaves them the country's."""
    path = return_book(tmp_path / "r.xlsx", title)
    code, out, err = run(
        "report", str(path), "-t", "nq20-national", "--by", "region", "-f", "json", "--lang", "en",
        "--as-of", "2026-11",
    )  # fmt: skip
    if found is None or found.startswith(("did", "unknown")):
        assert code == (0 if found is None else 2), err
        assert "region_from_title" not in err
        if found is not None:
            assert found in err
        return
    assert code == 0, err
    rows = json.loads(out)["breakdown"]
    assert {(r["region"], r["indicator"], r["actual"]) for r in rows if r["actual"]} == {
        (found, "htx_count", 12),
        (found, "htx_members", 180),
    }


def test_a_former_provinces_name_is_the_new_provinces(tmp_path: Path) -> None:
    data = tmp_path / "old-names.csv"
    data.write_text(
        "indicator,period,region,value\nhtx_count,2024,Yên Bái,834\nhtx_count,2024,Bắc Giang,900\n",
        encoding="utf-8",
    )
    code, out, err = run("report", str(data), "-t", "nq20-national", "--by", "region", "-f", "json")
    assert code == 0, err
    regions = {
        r["region"]: r["actual"] for r in json.loads(out)["breakdown"] if r["actual"] is not None
    }
    assert regions == {"Lào Cai": 834, "Bắc Ninh": 900}


def test_a_percent_asked_of_every_region_is_a_percent_cell_in_the_form(tmp_path: Path) -> None:
    """A percentage every commune must reach: its value cell is formatted as a percentage,
    so 65,5 typed there (stored 0.655, shown 65,5%) reads back as 65.5."""
    text = (
        Path(TARGETS)
        .read_text(encoding="utf-8")
        .replace(
            '{year: 2030, comparator: over, value: 60, text: "trên 60% hợp tác xã đạt khá, tốt"}',
            '{year: 2030, comparator: over, value: 60, text: "trên 60% hợp tác xã đạt khá, tốt",'
            " scope: each_region}",
        )
    )
    targets = tmp_path / "t.yaml"
    targets.write_text(text, encoding="utf-8")
    code, out, err = run(
        "template", "--by", "region", "-t", str(targets), "--period", "2026-11", "-o",
        str(tmp_path / "forms"),
    )  # fmt: skip
    assert code == 0, err
    path = Path(out.splitlines()[0])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    row = next(r for r in sheet.iter_rows(min_row=8) if r[0].value == "Tỷ lệ HTX khá, tốt")
    assert "%" in row[2].number_format
    row[2].value = 0.655  # what Excel stores for 65,5 typed into a percent cell
    book.save(path)
    code, out, err = run(
        "report", str(path), "-t", str(targets), "--by", "region", "-f", "json", "--lang", "en"
    )
    assert code == 0, err
    shares = [
        r["actual"]
        for r in json.loads(out)["breakdown"]
        if r["indicator"] == "good_share" and r["region"] == "Xã Tân Lĩnh"
    ]
    assert shares == [65.5]


# ---- the README -------------------------------------------------------------------------


def test_the_readme_walks_the_monthly_round_in_vietnamese_first() -> None:
    """The section: Vietnamese, then English, the same four steps in each; its console
    example is what `ktt coverage` prints (the lines naming the files left out there)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### The monthly round / Vòng báo cáo hằng tháng")
    section = readme[start : readme.index("\n### ", start + 1)]
    vi, en = section.index("**Tiếng Việt.**"), section.index("**English.**")
    assert vi < en
    for k in range(1, 5):
        assert section.index(f"\n{k}. **", vi) < en < section.index(f"\n{k}. **", en)
    for command in ("ktt template --by region", "ktt coverage", "--fail-on incomplete"):
        assert command in section[vi:en]
        assert command in section[en:]
    example = section[section.index("```console\n") + 11 :]
    example = example[: example.index("```")]
    typed, *shown = example.splitlines()
    args = typed.removeprefix("$ ktt ").split()
    assert args[:3] == ["coverage", "returns-2026-11.csv", "-t"]
    args = [str(HERE / a) if a.endswith((".csv", ".yaml")) else a for a in args]
    code, out, err = run(*args)
    assert code == 0, err
    cut = shown.index("...")
    printed = out.splitlines()
    assert printed[:cut] == shown[:cut]
    assert printed[-(len(shown) - cut - 1) :] == shown[cut + 1 :]
