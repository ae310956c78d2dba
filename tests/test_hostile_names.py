"""Names, notes, sources and regions from the files are text in Markdown: HTML escaped
(a tag never live, a comment never hiding the rows after it), pipes and line breaks never
breaking the table, Markdown's own marks never a link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import invoke
from ktt_cli.model import LocalText, TargetsFile
from ktt_cli.render.markdown import report_markdown
from ktt_cli.results import Report
from test_render import example_report

IMG = "<img src=x onerror=alert(1)>"
COMMENT = "<!-- hides the rest"


def hostile(report: Report) -> Report:
    first, second, *rest = report.results
    first = first._replace(
        name=LocalText(vi=f"{IMG} Tổ | hợp\ntác"),
        actual_note=f"{COMMENT}\nline two [x](javascript:1)",
    )
    second = second._replace(name=LocalText(vi="*Biểu* 01!B12 `code` _x_"))
    return report._replace(results=(first, second, *rest))


def test_markdown_escapes_html_pipes_and_line_breaks(yen_bai: TargetsFile) -> None:
    text = report_markdown(hostile(example_report(yen_bai)), "vi")
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<!--" not in text
    assert "&lt;\\!-- hides the rest" in text
    assert "\\[x\\](javascript" in text  # brackets escaped: no link
    for line in text.splitlines():
        if line.startswith("| ") and "Tổ" in line:
            # one row, its cells intact: the pipe in the name is escaped
            assert "Tổ \\| hợp tác" in line
            assert len(re.findall(r"(?<!\\)\|", line)) == 7  # 6 cells
    assert "\\*Biểu\\* 01\\!B12 \\`code\\` \\_x\\_" in text
    # every line of the table still a row of the table: no line break from the data
    rows = [ln for ln in text.splitlines() if ln.startswith("|")]
    assert all(ln.endswith("|") for ln in rows)


# ---- every format, through the command line --------------------------------------------

HOSTILE_TARGETS = """\
schema_version: 1
programme:
  id: doc-hai
  name: "<b>Chương trình</b> <!-- ẩn"
  issuer: "=1+1 <i>UBND</i>"
  implements: N
  territory: "Tỉnh <script>alert(3)</script>"
  source: s
indicators:
  - id: htx
    name: "Biểu 01!B12 <img src=x onerror=alert(1)>"
    unit: count
    targets:
      - {year: 2030, value: 100, text: "=HYPERLINK(\\"http://x\\") <!--"}
      - {year: 2030, scope: each_region, value: 20, text: "mỗi xã 20"}
"""
HOSTILE_DATA = (
    "indicator,period,region,value,source,note\n"
    "htx,2023,,50,\"=cmd|' /C calc'!A0\",<!-- hides the rest\n"
    "htx,2025,,70,@SUM(1),<script>alert(4)</script>\n"
    "htx,2023,<img src=y onerror=alert(2)>,5,,\n"
    "htx,2025,<img src=y onerror=alert(2)>,8,,\n"
    "htx,2023,<!-- xã,5,,\n"
    "htx,2025,<!-- xã,9,,\n"
    "htx,2025,Biểu 02!C3,9,,\n"
)
LIVE = ("<img src=x", "<img src=y", "<!-- hides", "<!-- xã", "<!-- ẩn", "<script>alert", "<b>Ch")


def hostile_run(tmp_path: Path, fmt: str, out: Path | None = None):

    (tmp_path / "t.yaml").write_text(HOSTILE_TARGETS, encoding="utf-8")
    (tmp_path / "a.csv").write_text(HOSTILE_DATA, encoding="utf-8")
    args = ["report", str(tmp_path / "a.csv"), "--targets", str(tmp_path / "t.yaml")]
    args += ["--by", "region", "-f", fmt]
    if out is not None:
        args += ["-o", str(out)]
    done = invoke(args)
    assert done.exit_code == 0, done.output
    return done


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_every_text_format_shows_the_hostile_names_as_text(tmp_path: Path, fmt: str) -> None:
    text = hostile_run(tmp_path, fmt).stdout
    for live in LIVE:
        assert live not in text, live  # never a tag, a comment or a script
    assert "&lt;img src=y onerror=alert(2)&gt;" in text  # shown as written
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in text or fmt == "markdown"


def test_json_csv_and_the_table_keep_the_names_as_written(tmp_path: Path) -> None:
    import json

    data = json.loads(hostile_run(tmp_path, "json").stdout)
    assert data["results"][0]["name"] == "Biểu 01!B12 <img src=x onerror=alert(1)>"
    assert "<img src=y onerror=alert(2)>" in {r["region"] for r in data["breakdown"]}
    csv = hostile_run(tmp_path, "csv").stdout
    assert "'@SUM(1)" in csv  # never a formula in a spreadsheet
    assert "'=HYPERLINK(" in csv
    table = hostile_run(tmp_path, "table").stdout
    assert "<img src=y onerror=alert(2)>" in table


def test_the_workbook_holds_no_formula_and_literal_chart_titles(tmp_path: Path) -> None:
    import warnings

    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hostile_run(tmp_path, "xlsx", out)
    book = load_workbook(out)
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
        for chart in sheet._charts:
            assert chart.title is None or chart.title.tx.strRef is not None  # a cell's text
    assert "=cmd|' /C calc'!A0" in texts  # as written, a string, never run
    assert "<img src=y onerror=alert(2)>" in texts
    assert any("Biểu 01!B12" in t for t in texts)


def test_the_report_document_holds_the_names_as_text(tmp_path: Path) -> None:
    import io
    import zipfile

    import docx

    out = tmp_path / "r.docx"
    hostile_run(tmp_path, "docx", out)
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    for live in LIVE:
        assert live not in body, live  # never markup inside the document
    document = docx.Document(io.BytesIO(out.read_bytes()))
    words = "\n".join(p.text for p in document.paragraphs)
    words += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Biểu 01!B12 <img src=x onerror=alert(1)>" in words  # shown as written
    assert "<img src=y onerror=alert(2)>" in words
    assert "=1+1 <I>UBND</I>" in words  # the issuer, in capitals as the Decree sets it
