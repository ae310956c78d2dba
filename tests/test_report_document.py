"""The report document (`--format docx`, SPEC §5): laid out as Decree 30/2020 asks,
opened in LibreOffice Writer, its layout read from the document's XML, and an office's
own template kept with ktt's fields filled in."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from helpers import invoke
from ktt_cli.model import LocalText, TargetsFile
from ktt_cli.render.docx import report_docx
from ktt_cli.results import Report
from ktt_cli.summary import summary
from test_render import example_report
from test_summary import check

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_writer = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice Writer and poppler-utils"
)
TWIPS_PER_MM = 1440 / 25.4
DAY = date(2026, 12, 5)


def xml(document: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(document)) as z:
        return z.read(part).decode("utf-8")


def to_pdf(document: bytes, folder: Path, name: str = "bao-cao") -> tuple[str, str, str]:
    """The document opened in LibreOffice Writer and printed to PDF: its text, its
    fonts (pdffonts) and its page information (pdfinfo)."""
    source = folder / f"{name}.docx"
    source.write_bytes(document)
    profile = folder / "lo-profile"
    subprocess.run(
        [SOFFICE or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = folder / f"{name}.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    return text.stdout, fonts.stdout, info.stdout


def printed_box(pdf: Path, page: int = 1) -> tuple[float, float, float, float]:
    """Where the words of a printed page stand, in mm from the page's left and top edges:
    the leftmost, the rightmost, the highest and the lowest (pdftotext -bbox)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', boxes
    )
    assert found, boxes
    mm = [[float(v) * 25.4 / 72 for v in word] for word in found]
    return (
        min(w[0] for w in mm),
        max(w[2] for w in mm),
        min(w[1] for w in mm),
        max(w[3] for w in mm),
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without its spaces: a PDF's justified lines come out of pdftotext with spaces
    inside words (`đ ến`), never with letters or figures changed."""
    return re.sub(r"\s+", "", text)


def test_the_page_is_a4_with_the_decrees_margins_and_font(yen_bai: TargetsFile) -> None:
    document = report_docx(example_report(yen_bai), "vi", today=DAY)
    body = xml(document)
    size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', body)
    assert size is not None
    assert (round(int(size[1]) / TWIPS_PER_MM), round(int(size[2]) / TWIPS_PER_MM)) == (210, 297)
    margins = {
        k: int(v) / TWIPS_PER_MM
        for k, v in re.findall(
            r'w:(top|bottom|left|right)="(\d+)"', re.search(r"<w:pgMar[^>]*>", body)[0]
        )
    }  # type: ignore[index]
    assert 20 <= round(margins["top"]) <= 25
    assert 20 <= round(margins["bottom"]) <= 25
    assert 30 <= round(margins["left"]) <= 35
    assert 15 <= round(margins["right"]) <= 20
    styles = xml(document, "word/styles.xml")
    normal = re.search(
        r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>', styles, re.S
    )
    assert normal is not None
    assert 'w:ascii="Times New Roman"' in normal[0]
    size_pt = re.search(r'<w:sz w:val="(\d+)"', normal[0])
    assert size_pt is not None
    assert 13 <= int(size_pt[1]) / 2 <= 14


@needs_writer
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_writer_opens_it_with_motto_date_headings_and_the_summary(
    yen_bai: TargetsFile, tmp_path: Path, lang: str
) -> None:
    report = example_report(yen_bai)
    text, fonts, info = to_pdf(report_docx(report, lang, today=DAY), tmp_path)
    assert "A4" in info
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts", info), info  # portrait
    # the Decree's margins, measured on the printed page: the body's lines start 30 mm
    # from the left edge and the justified ones end 15 mm from the right (210 − 15 = 195);
    # nothing stands in the top 20 mm of page 1 or the bottom 20 mm (297 − 20 = 277)
    left, right, top, bottom = printed_box(tmp_path / "bao-cao.pdf")
    assert 29.5 <= left <= 31, left
    assert 193 <= right <= 195.5, right
    assert 19.5 <= top <= 25, top
    assert bottom <= 277.5, bottom
    # Times New Roman, or Liberation Serif: the font of the same metrics Writer uses for it
    assert re.search(r"TimesNewRoman|LiberationSerif", fonts), fonts
    words = flat(text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in words
    assert "Độc lập - Tự do - Hạnh phúc" in words
    assert "TỈNH ỦY YÊN BÁI" in words  # the issuer of the bundled programme
    if lang == "vi":
        assert "ngày 05 tháng 12 năm 2026" in words
        assert "BÁO CÁO" in words
        assert "PHỤ LỤC" in words
        assert "Nơi nhận:" in words
        assert "Số: ……/BC-" in words  # a blank to fill
    else:
        assert "5 December 2026" in words
        assert "REPORT" in words
        assert "APPENDIX" in words
    # the summary is the body, each sentence whole, and each figure in it is the report's
    for sentence in summary(report, lang):
        assert squash(sentence) in squash(words), sentence
    check(report, lang)  # every figure of every sentence read back against the results
    assert "834" in words


def test_the_files_properties_are_the_reports(yen_bai: TargetsFile) -> None:
    """File > Properties shows the report, not the library's blank document."""
    import docx

    document = docx.Document(io.BytesIO(report_docx(example_report(yen_bai), "vi", today=DAY)))
    properties = document.core_properties
    assert properties.author == "Tỉnh ủy Yên Bái".upper()
    assert properties.title.startswith("BÁO CÁO Kết quả thực hiện")
    assert properties.created is not None
    assert properties.created.date() == DAY


def test_a_day_and_months_1_and_2_have_a_leading_zero(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    body = flat(re.sub(r"<[^>]+>", " ", xml(report_docx(report, "vi", today=date(2027, 2, 3)))))
    assert "ngày 03 tháng 02 năm 2027" in body


def test_the_body_is_grouped_as_the_programme_groups_its_indicators(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    assert report.groups, "the bundled programme groups its indicators"
    body = re.sub(r"<[^>]+>", "", xml(report_docx(report, "vi", today=DAY)).replace("</w:p>", "\n"))
    headings = [line for line in body.splitlines() if re.match(r"\d+\. ", line)]
    expected = list(dict.fromkeys(g.pick("vi") for g in report.groups.values()))
    shown = [h.split(". ", 1)[1] for h in headings]
    assert [h for h in shown if h in expected] == [e for e in expected if e in shown]
    assert "Tổ hợp tác" in shown
    assert "Hợp tác xã" in shown


def test_the_programme_fills_the_header_and_blanks_stay_dotted(yen_bai: TargetsFile) -> None:
    programme = yen_bai.programme.model_copy(
        update={"place": "Lào Cai", "issuer_code": "UBND", "signer": "Nguyễn Văn A",
                "signer_title": "TM. Ủy ban nhân dân", "recipients": ["Bộ Tài chính"]}
    )  # fmt: skip
    report = example_report(yen_bai)._replace(programme=programme)
    words = flat(re.sub(r"<[^>]+>", " ", xml(report_docx(report, "vi", today=DAY))))
    assert "Lào Cai, ngày 05 tháng 12 năm 2026" in words
    assert "Số: ……/BC-UBND" in words
    assert "Nguyễn Văn A" in words
    assert "TM. ỦY BAN NHÂN DÂN" in words
    assert "- Bộ Tài chính;" in words
    blank = flat(
        re.sub(r"<[^>]+>", " ", xml(report_docx(example_report(yen_bai), "vi", today=DAY)))
    )
    assert "……, ngày 05 tháng 12 năm 2026" in blank


def letterhead_template(folder: Path) -> Path:
    """An office's template: a letterhead in the page header, its own font, ktt's fields."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(12)  # type: ignore[attr-defined]
    document.sections[0].header.paragraphs[0].text = "SỞ TÀI CHÍNH TỈNH LÀO CAI · Letterhead"
    document.add_paragraph("{{ issuer }}")
    run_split = document.add_paragraph("Số: {{ num")
    run_split.add_run("ber }}")  # Word splits a field where it was edited
    document.add_paragraph("{{ place_date }}")
    document.add_paragraph("{{ title }}: {{ about }} ({{ as_of }})")
    document.add_paragraph("{{ summary }}")
    document.add_paragraph("Trân trọng.")
    document.add_paragraph("{{ appendix }}")
    path = folder / "mau.docx"
    document.save(str(path))
    return path


@needs_writer
def test_an_offices_own_template_keeps_its_letterhead(yen_bai: TargetsFile, tmp_path: Path) -> None:
    report = example_report(yen_bai)
    template = letterhead_template(tmp_path).read_bytes()
    document = report_docx(report, "vi", template=template, today=DAY)
    assert "{{" not in xml(document)
    assert "Letterhead" in xml(document, "word/header1.xml")
    assert 'w:ascii="Arial"' in xml(document, "word/styles.xml")  # its styles, not ktt's
    text, _, _ = to_pdf(document, tmp_path)
    words = flat(text)
    assert "SỞ TÀI CHÍNH TỈNH LÀO CAI" in words
    assert "Số: ……/BC-" in words
    assert "ngày 05 tháng 12 năm 2026" in words
    for sentence in summary(report, "vi"):
        assert squash(sentence) in squash(words)
    # the body stands where its field stood: before the closing line, the tables after it
    packed = squash(words)
    assert packed.index(squash(summary(report, "vi")[0])) < packed.index("Trântrọng.")
    assert packed.index("Trântrọng.") < packed.index("Mụctiêuđếnnăm2030")


def run(*args: str):
    return invoke(list(args))


def test_the_command_writes_it_and_refuses_a_bad_template(tmp_path: Path) -> None:
    from conftest import EXAMPLES

    out = tmp_path / "bao-cao.docx"
    done = run("report", str(EXAMPLES / "actuals.csv"), "-f", "docx", "-o", str(out))
    assert done.exit_code == 0, done.output
    assert zipfile.ZipFile(out).namelist()
    bad = tmp_path / "mau.docx"
    bad.write_text("not a document")
    refused = run("report", str(EXAMPLES / "actuals.csv"), "-f", "docx", "--template", str(bad),
                  "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert refused.exit_code == 2
    assert "Traceback" not in refused.output
    assert not (tmp_path / "x.docx").exists()
    import docx

    unknown = docx.Document()
    unknown.add_paragraph("{{ nguoi_ky }}")
    unknown.save(str(bad))
    refused = run("report", str(EXAMPLES / "actuals.csv"), "-f", "docx", "--template", str(bad),
                  "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert refused.exit_code == 2
    assert "nguoi_ky" in refused.output
    not_docx = run("report", str(EXAMPLES / "actuals.csv"), "-f", "html", "--template", str(bad))
    assert not_docx.exit_code == 2


def hostile(report: Report) -> Report:
    first = report.results[0]._replace(name=LocalText(vi="<w:p>Tổ \x01 & </w:t> ]]>"))
    return report._replace(results=(first, *report.results[1:]))


def test_names_from_the_files_stay_text(yen_bai: TargetsFile) -> None:
    import docx

    document = report_docx(hostile(example_report(yen_bai)), "vi", today=DAY)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(document)).paragraphs)
    tables = xml(document)
    assert "&lt;w:p&gt;Tổ" in tables  # escaped, never markup
    assert "\x01" not in tables
    assert text


def as_package_of_type(document: Path, kind: bytes, name: str) -> Path:
    """The same parts as `document`, its main part's type changed: what Word saves as a
    template (.dotx) or with macros (.docm)."""
    made = document.with_name(name)
    with zipfile.ZipFile(document) as source, zipfile.ZipFile(made, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", kind)
            out.writestr(item, data)
    return made


def test_a_word_template_dotx_is_taken_and_one_with_macros_is_not(tmp_path: Path) -> None:
    """Offices keep their letterhead as a Word template (.dotx): it fills in as a .docx."""
    from conftest import EXAMPLES

    docx_template = letterhead_template(tmp_path)
    dotx = as_package_of_type(docx_template, b"wordprocessingml.template.main+xml", "mau.dotx")
    out = tmp_path / "bao-cao.docx"
    done = run("report", str(EXAMPLES / "actuals.csv"), "-f", "docx", "--template", str(dotx),
               "-o", str(out))  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Letterhead" in xml(out.read_bytes(), "word/header1.xml")
    assert "{{" not in xml(out.read_bytes())
    types = zipfile.ZipFile(out).read("[Content_Types].xml")
    assert b"wordprocessingml.document.main+xml" in types  # a document Word opens as .docx
    macros = as_package_of_type(
        docx_template, b"ms-word.document.macroEnabled.main+xml", "mau.docm"
    )
    refused = run("report", str(EXAMPLES / "actuals.csv"), "-f", "docx", "--template",
                  str(macros), "-o", str(tmp_path / "x.docx"))  # fmt: skip
    assert refused.exit_code == 2
    assert "Traceback" not in refused.output
    assert "BytesIO" not in refused.output  # no Python object named to the user
    assert "macroEnabled" in refused.output  # what is wrong with it
    assert not (tmp_path / "x.docx").exists()


def test_a_template_with_its_appendix_in_a_table_and_no_page_header_stays_whole(
    yen_bai: TargetsFile,
) -> None:
    """A template whose appendix field stands in a table's cell (a framed layout) and whose
    page has no header: the cell still ends with a paragraph after the appendix's last
    table (Word refuses a cell that does not), and no header is added to the page."""
    import docx

    from ktt_cli.report import build_report
    from test_report import actuals

    template = docx.Document()
    template.add_paragraph("{{ summary }}")
    frame = template.add_table(rows=1, cols=1)
    frame.rows[0].cells[0].paragraphs[0].text = "{{ appendix }}"
    out = io.BytesIO()
    template.save(out)
    before = zipfile.ZipFile(io.BytesIO(out.getvalue())).namelist()
    # no figure: no chart, so the appendix ends with its last table
    data = actuals(("htx_count", "2025-02", 834))
    report = build_report(yen_bai, data, targets_file="t", indicators=["union_count"])
    document = report_docx(report, "vi", template=out.getvalue(), today=DAY)
    body = xml(document)
    assert "{{" not in body
    assert "</w:tbl></w:tc>" not in body  # every cell ends with a paragraph
    assert "Số liên hiệp hợp tác xã" in body
    headers = [n for n in zipfile.ZipFile(io.BytesIO(document)).namelist() if "header" in n]
    assert headers == [n for n in before if "header" in n]


def test_a_template_filled_with_control_characters_from_the_files_is_written(
    yen_bai: TargetsFile, tmp_path: Path
) -> None:
    """A programme's words with a control character (YAML writes one as "\\x01") fill a
    template's fields as text: never an internal error."""
    programme = yen_bai.programme.model_copy(update={"place": "Lào\x01 Cai", "signer": "A\x0bB"})
    report = example_report(yen_bai)._replace(programme=programme)
    template = letterhead_template(tmp_path).read_bytes()
    import docx

    filled = docx.Document(io.BytesIO(report_docx(report, "vi", template=template, today=DAY)))
    words = "\n".join(p.text for p in filled.paragraphs)
    assert "Lào" in words
    assert "\x01" not in words


def test_the_header_keys_of_a_targets_file_reach_the_document(tmp_path: Path) -> None:
    """The optional keys of the programme block, as an analyst writes them in YAML, are
    valid for `ktt validate` and the editors' schema, and fill the document's header."""
    import yaml

    from conftest import ROOT
    from test_targets_file import schema_errors

    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "programme:\n",
        "programme:\n  place: Lào Cai\n  issuer_code: UBND\n  superior: Đảng bộ tỉnh\n"
        "  signer_title: TM. Ban Thường vụ\n  signer: Nguyễn Văn A\n"
        "  recipients: [Bộ Tài chính, Liên minh HTX Việt Nam]\n",
        1,
    )
    targets = tmp_path / "t.yaml"
    targets.write_text(text, encoding="utf-8")
    assert schema_errors(yaml.safe_load(text)) == []
    checked = run("validate", "--targets", str(targets))
    assert checked.exit_code == 0, checked.output
    out = tmp_path / "bao-cao.docx"
    from conftest import EXAMPLES

    done = run("report", str(EXAMPLES / "actuals.csv"), "--targets", str(targets), "-f", "docx",
               "-o", str(out))  # fmt: skip
    assert done.exit_code == 0, done.output
    words = flat(re.sub(r"<[^>]+>", " ", xml(out.read_bytes())))
    assert re.search(r"Lào Cai, ngày \d\d tháng \d\d? năm \d{4}", words)
    assert "Số: ……/BC-UBND" in words
    assert "ĐẢNG BỘ TỈNH" in words
    assert "TM. BAN THƯỜNG VỤ" in words
    assert "Nguyễn Văn A" in words
    assert "- Liên minh HTX Việt Nam;" in words
