"""A whole country by commune (SPEC §5, §7): the people's formats stay a document a
reader can use, written in one process without running out of memory, never exit 3."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ktt_cli.cli import app

COMMUNES = 3321  # Việt Nam's communes and wards since 1/7/2025

TARGETS = """\
schema_version: 1
programme: {id: ca-nuoc, name: Cả nước, issuer: Bộ Tài chính, implements: N,
            territory: Việt Nam, source: s}
indicators:
  - id: htx
    name: Số hợp tác xã
    unit: count
    targets:
      - {year: 2030, value: 45000, text: 45.000 HTX}
      - {year: 2030, scope: each_region, value: 20, text: mỗi xã 20 HTX}
  - id: members
    name: Số thành viên
    unit: persons
    targets:
      - {year: 2030, value: 6000000, text: 6 triệu thành viên}
"""


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("country")
    (folder / "t.yaml").write_text(TARGETS, encoding="utf-8")
    rows = ["indicator,period,region,value", "htx,2023,,31364", "htx,2025,,35041"]
    rows += ["members,2025,,5900000"]  # the members of the country only: no commune has one
    for k in range(COMMUNES):
        rows += [f"htx,2023,Xã Số {k:05d},{5 + k % 11}", f"htx,2025,Xã Số {k:05d},{8 + k % 17}"]
    (folder / "a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def run(folder: Path, fmt: str, out: Path | None = None) -> str:
    args = ["report", str(folder / "a.csv"), "--targets", str(folder / "t.yaml"), "--by", "region"]
    args += ["-f", fmt, *(["-o", str(out)] if out else [])]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output[-2000:]
    return done.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_the_text_formats_hold_every_commune(country: Path, fmt: str) -> None:
    text = run(country, fmt)
    assert "Xã Số 03320" in text
    assert "Xã Số 00000" in text


def test_the_page_draws_the_furthest_behind_and_ahead_and_lists_them_all(country: Path) -> None:
    page = run(country, "html")
    assert page.count("Xã Số ") >= COMMUNES  # each in the table
    charts = re.findall(r'<figure class="chart regions-chart">(.*?)</figure>', page, re.S)
    assert charts
    for chart in charts:  # the 10 furthest behind and the 5 furthest ahead
        assert len(set(re.findall(r"Xã Số \d{5}", chart))) == 15
    # an indicator without commune figures adds no row per commune
    assert page.count("Số thành viên") < 10


def test_the_workbook_holds_every_commune(country: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    run(country, "xlsx", out)
    book = load_workbook(out, read_only=True)
    found = {
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
        if isinstance(c, str) and c.startswith("Xã Số ")
    }  # fmt: skip
    assert len(found) == COMMUNES


def test_the_report_document_keeps_the_furthest_behind_and_counts_the_rest(
    country: Path, tmp_path: Path
) -> None:
    import docx

    from ktt_cli.render.docx import REGION_ROWS

    out = tmp_path / "r.docx"
    run(country, "docx", out)
    document = docx.Document(io.BytesIO(out.read_bytes()))
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    tables = [t for t in document.tables if "Xã Số 00000" in {c.text for c in t.columns[0].cells}]
    assert len(tables) == 2  # the share of the country, and the each-commune target
    for table in tables:  # the country's row, the heading, and 300 communes
        assert len(table.rows) == REGION_ROWS + 2
    words = "\n".join(p.text for p in document.paragraphs)
    assert words.count("… và 3.021 xã, phường khác") == 2  # 3.321 − 300, written as in Vietnamese
    # the furthest behind are kept: the lowest share achieved of the JSON is in the document
    data = json.loads(run(country, "json"))
    each = [r for r in data["breakdown"] if r["target_scope"] == "each_region" and r["region"]]
    # (an each-commune row is its figure against the threshold, SPEC §8: below it first,
    # lowest first; no percent achieved)
    lowest = min(each, key=lambda r: (r["actual"] is None, r["met"] is True, r["actual"] or 0))
    assert lowest["region"] in body
