"""The header of the report document in its words: the issuing body and the number, the
place and date, what it reports on; and its page, letterhead and signature block, as
Decree 30/2020/NĐ-CP lays them out."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ktt_cli.render.docx_tables import _run, _xml
from ktt_cli.results import Report
from ktt_cli.summary_words import as_of_words

if TYPE_CHECKING:
    from docx.document import Document
    from docx.shared import Length
    from docx.table import Table


FONT = "Times New Roman"


BODY_PT = 13


DOTS = "……"


_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


_MONTH_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


_WORDS = {
    "vi": {
        "kind": "BÁO CÁO",
        "about": "Kết quả thực hiện các chỉ tiêu của {programme}",
        "number": "Số: {number}",
        "others": "Các chỉ tiêu khác",
        "appendix": "PHỤ LỤC",
        "appendix_of": "Kết quả các chỉ tiêu, {as_of}",
        "regions_more": "… và {n} xã, phường khác (xem bản JSON, CSV hoặc Excel).",
        "no_regional": "Chưa có số liệu theo xã, phường.",
        "recipients": "Nơi nhận:",
        "kept": "- Lưu: VT.",
        "charts": "Diễn biến các chỉ tiêu",
        "qualitative": "Mục tiêu định tính (không chấm điểm)",
    },
    "en": {
        "kind": "REPORT",
        "about": "Progress on the targets of {programme}",
        "number": "No.: {number}",
        "others": "Other indicators",
        "appendix": "APPENDIX",
        "appendix_of": "Results of the indicators, {as_of}",
        "regions_more": "… and {n} more regions (see the JSON, CSV or Excel output).",
        "no_regional": "No figures by region yet.",
        "recipients": "To:",
        "kept": "- Filed: Records.",
        "charts": "Trajectories",
        "qualitative": "Qualitative aims (not scored)",
    },
}


class Header(NamedTuple):
    """The words of the document's header and signature, blanks where none is given."""

    superior: str
    issuer: str
    number: str
    place: str
    date: str
    place_date: str
    signer_title: str
    signer: str
    recipients: tuple[str, ...]


def _properties(document: Document, report: Report, header: Header, lang: str, day: date) -> None:
    """The file's own properties (File > Properties): the report's, not those of the
    library's blank document (its author "python-docx", its date of 2013)."""
    from datetime import datetime

    properties = document.core_properties
    properties.author = properties.last_modified_by = header.issuer if header.issuer != DOTS else ""
    properties.title = f"{_WORDS[lang]['kind']} {_about(report, lang)}"
    properties.subject = as_of_words(report.as_of, lang)
    properties.keywords = properties.comments = ""
    properties.language = lang
    properties.created = properties.modified = datetime(day.year, day.month, day.day)
    properties.revision = 1


def _header(report: Report, lang: str, today: date) -> Header:
    programme = report.programme
    place = programme.place if programme and programme.place else DOTS
    code = programme.issuer_code if programme and programme.issuer_code else DOTS
    return Header(
        superior=(programme.superior or "").upper() if programme else "",
        issuer=programme.issuer.upper() if programme else DOTS,
        number=f"{DOTS}/BC-{code}",
        place=place,
        date=_date(today, lang),
        place_date=f"{place}, {_date(today, lang)}",
        signer_title=(programme.signer_title or DOTS).upper() if programme else DOTS,
        signer=programme.signer if programme and programme.signer else DOTS,
        recipients=tuple(programme.recipients) if programme else (),
    )


def _date(day: date, lang: str) -> str:
    """`ngày 05 tháng 12 năm 2026`: a day below 10 with a leading zero, and so months 1
    and 2 (Decree 30/2020, Appendix I: so that no digit can be added in front)."""
    if lang != "vi":
        return f"{day.day} {_MONTH_EN[day.month - 1]} {day.year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _about(report: Report, lang: str) -> str:
    return _WORDS[lang]["about"].format(programme=report.programme_name.pick(lang))


def _page(document: Document) -> None:
    """A4, the Decree's margins, Times New Roman 13 pt, page numbers from page 2."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    font = normal.font
    font.name, font.size = FONT, Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for which in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(which), FONT)
    spacing = normal.paragraph_format
    spacing.space_after, spacing.space_before = Pt(0), Pt(0)
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number._p.append(_xml('<w:fldSimple {ns} w:instr="PAGE"><w:r><w:t>2</w:t></w:r></w:fldSimple>'))


def _letterhead(document: Document, report: Report, header: Header, lang: str) -> None:
    """Issuer and number left, motto right; place and date; the kind and the subject."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, Mm(65), Mm(100))
    left, right = table.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    first = left.paragraphs[0]
    if header.superior:
        _run(first, header.superior, size=12)
        first = left.add_paragraph()
    _run(first, header.issuer, bold=True, size=12)
    _run(left.add_paragraph(), _WORDS[lang]["number"].format(number=header.number), size=13)
    _run(right.paragraphs[0], _MOTTO[0], bold=True, size=12)
    _run(right.add_paragraph(), _MOTTO[1], bold=True, size=13, underline=True)
    _run(right.add_paragraph(), header.place_date, italic=True, size=13, before=6)
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = centre
    title = document.add_paragraph()
    title.alignment = centre
    _run(title, _WORDS[lang]["kind"], bold=True, size=14, before=18)
    about = document.add_paragraph()
    about.alignment = centre
    _run(about, _about(report, lang), bold=True, size=14)
    when = document.add_paragraph()
    when.alignment = centre
    _run(when, f"({as_of_words(report.as_of, lang)})", italic=True, size=BODY_PT)
    when.paragraph_format.space_after = Pt(12)


def _signature(document: Document, header: Header, lang: str) -> None:
    """`Nơi nhận` and its list at the bottom left; the signer's title and name right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _widths(table, Mm(75), Mm(90))
    left, right = table.rows[0].cells
    _run(left.paragraphs[0], _WORDS[lang]["recipients"], bold=True, italic=True, size=12, before=12)
    for name in header.recipients or (DOTS,):
        _run(left.add_paragraph(), f"- {name};", size=11)
    _run(left.add_paragraph(), _WORDS[lang]["kept"], size=11)
    _run(right.paragraphs[0], header.signer_title, bold=True, size=13, before=12)
    for _ in range(4):  # room for the signature and the seal
        right.add_paragraph()
    _run(right.add_paragraph(), header.signer, bold=True, size=13)
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _widths(table: Table, *widths: Length) -> None:
    """Column widths, in the grid (what Writer reads) and in each cell (what Word reads)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
