"""The report document (SPEC §5): a Báo cáo laid out as Decree 30/2020/NĐ-CP asks.

A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman 13 pt;
the issuing body and `Số: …/BC-…` on the left, the national motto on the right;
place and date in italics; `BÁO CÁO` and what it reports on, as of when; the summary
in words as the body, grouped as the programme groups its indicators; `Nơi nhận`
and the signature block to fill; then the appendix: the results tables, the regions
(with `--by region`) and the charts as pictures. Where the programme does not say
who issues or signs, the place or the number, dotted blanks are left to fill in.

An office may bring its own Word template (`template`): its letterhead, page and
styles are kept, and ktt's fields in it are filled: `{{ issuer }}`, `{{ number }}`,
`{{ place_date }}`, `{{ as_of }}`, … (`FIELDS`) anywhere in a paragraph, and
`{{ summary }}` and `{{ appendix }}` alone in a paragraph, where the body and the
appendix go (at the end where the template has neither).

The tables are written as WordprocessingML directly: python-docx's cell by cell
building takes milliseconds a cell, and a country's communes are many thousand rows.
python-docx (and lxml under it) is imported here only, when this format is asked for.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, NamedTuple
from xml.sax.saxutils import escape

from ktt_cli import i18n
from ktt_cli.numbers import format_number
from ktt_cli.problems import printable
from ktt_cli.render import words
from ktt_cli.render.look import COLOUR, FILL, word
from ktt_cli.report import Report, Result
from ktt_cli.summary import Sentence, as_of_words, sentences

if TYPE_CHECKING:
    from docx.document import Document
    from docx.shared import Length
    from docx.table import Table
    from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 11
DOTS = "……"
#: Regions shown in the appendix per indicator and milestone, the furthest behind first
#: (the breakdown's order); the rest are counted and left to the workbook and the JSON.
REGION_ROWS = 300

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

#: The fields a template may hold, by name: `{{ issuer }}`; `summary` and `appendix` are
#: blocks, alone in their paragraph.
FIELDS = (
    "superior", "issuer", "number", "place", "date", "place_date", "title", "about",
    "as_of", "programme", "territory", "signer_title", "signer", "summary", "appendix",
)  # fmt: skip
_BLOCKS = ("summary", "appendix")
_FIELD = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")


class TemplateProblem(ValueError):
    """A template that cannot be used: not a Word document, or a field ktt does not know."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


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


def report_docx(
    report: Report, lang: str, template: bytes | None = None, today: date | None = None
) -> bytes:
    """The document's bytes (.docx) in `lang`, on `template` (a .docx) where one is given."""
    import docx

    day = today or date.today()
    header = _header(report, lang, day)
    if template is None:
        document = docx.Document()
        _page(document)
        _letterhead(document, report, header, lang)
        _body(document, report, lang)
        _signature(document, header, lang)
        _appendix(document, report, lang)
        _properties(document, report, header, lang, day)
    else:
        document = _open(template)
        _fill(document, report, header, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---- the words of the header ---------------------------------------------------------


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


# ---- the page, the letterhead, the signature ----------------------------------------


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


# ---- the body: the summary in words, grouped ----------------------------------------


def _body(document: Document, report: Report, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for number, (title, said) in enumerate(_grouped(report, lang), 1):
        if title is not None:
            heading = document.add_paragraph()
            _run(heading, f"{number}. {title}", bold=True, before=6)
            heading.paragraph_format.keep_with_next = True
        for sentence in said:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
            paragraph.paragraph_format.space_before = Pt(6)
            _run(paragraph, sentence.text)
    if report.qualitative:
        heading = document.add_paragraph()
        _run(heading, _WORDS[lang]["qualitative"], bold=True, before=6)
        for aim in report.qualitative:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
            _run(paragraph, f"- {aim.year}: {aim.words(lang)}")


def _grouped(report: Report, lang: str) -> list[tuple[str | None, list[Sentence]]]:
    """The sentences under the programme's headings, in the order the headings first
    come; without any heading in the programme, one untitled group."""
    said = sentences(report, lang)
    if not report.groups:
        return [(None, said)]
    found: dict[str, list[Sentence]] = {}
    others = _WORDS[lang]["others"]
    for sentence in said:
        group = report.groups.get(sentence.indicator or "")
        found.setdefault(group.pick(lang) if group else others, []).append(sentence)
    if others in found:  # what no heading takes, last
        found[others] = found.pop(others)
    return list(found.items())


# ---- the appendix: tables and charts ---------------------------------------------------


def _appendix(document: Document, report: Report, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm

    opening = document.add_paragraph()
    opening.add_run().add_break(WD_BREAK.PAGE)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, _WORDS[lang]["appendix"], bold=True, size=14)
    subject = document.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    as_of = as_of_words(report.as_of, lang)
    _run(subject, _WORDS[lang]["appendix_of"].format(as_of=_lower(as_of)), italic=True)
    for year in report.milestones:
        _caption(document, i18n.label(lang, "milestone", year=year))
        rows = [r for r in report.results if r.milestone == year]
        _append(document, _results_table(report, rows, lang))
    from ktt_cli.gc_state import cyclic_gc

    with cyclic_gc(True):  # matplotlib's figures hold cycles
        pictures = list(_pictures(report, lang))
    if pictures:
        _caption(document, _WORDS[lang]["charts"])
    for name, png in pictures:
        document.add_picture(io.BytesIO(png), width=Cm(16))
        _run(document.add_paragraph(), name, italic=True, size=TABLE_PT)
    if report.by_region:  # last: python-docx looks through the whole body for each picture
        _regions(document, report, lang)


def _regions(document: Document, report: Report, lang: str) -> None:
    """A table per indicator and milestone: the territory, then the regions (at most
    REGION_ROWS; the rest counted); one line where no region has a figure."""
    totals = {(r.indicator, r.milestone, r.target_scope): r for r in report.results}
    for key, rows in words.groups(report.breakdown).items():
        _caption(document, words.group_title(rows[0], lang))
        if all(r.actual is None for r in rows):
            _run(document.add_paragraph(), _WORDS[lang]["no_regional"], italic=True)
            continue
        total = totals.get(key)
        shown = ([total] if total else []) + rows[:REGION_ROWS]
        _append(document, _regions_table(shown, lang))
        if len(rows) > REGION_ROWS:
            more = _WORDS[lang]["regions_more"].format(
                n=format_number(len(rows) - REGION_ROWS, lang)
            )
            _run(document.add_paragraph(), more, italic=True, size=TABLE_PT)


def _append(document: Document, xml: str) -> None:
    """A table made as XML, at the end of the body (before its section's properties)."""
    body = document.element.body
    if body.sectPr is not None:
        body.sectPr.addprevious(_xml(xml))
    else:
        body.append(_xml(xml))


def _caption(document: Document, text: str) -> None:
    paragraph = document.add_paragraph()
    _run(paragraph, text, bold=True, before=12)
    paragraph.paragraph_format.keep_with_next = True


def _pictures(report: Report, lang: str) -> Iterator[tuple[str, bytes]]:
    from ktt_cli.render.chart import chart_points
    from ktt_cli.render.svg_chart import chart_png

    names = {r.indicator: words.name(r, lang) for r in report.results}
    for indicator in names:
        chart = chart_points(report, indicator)
        if chart is not None:
            yield names[indicator], chart_png(chart, lang)


_RESULT_HEADS = ("indicator", "target", "actual", "gap", "achieved", "status")
_RESULT_WIDTHS = (3000, 1150, 1500, 1100, 850, 1750)  # twentieths of a point: 16.5 cm
_REGION_HEADS = ("region", "target", "actual", "gap", "achieved", "status")


def _results_table(report: Report, rows: list[Result], lang: str) -> str:
    heads = [i18n.label(lang, h) for h in _RESULT_HEADS]
    widths = list(_RESULT_WIDTHS)
    compared = report.compared_with is not None
    if compared and report.compared_with is not None:
        since = word(lang, "since", period=words.period(report.compared_with, lang))
        heads.append(f"{i18n.label(lang, 'change')} {since}")
        widths = [2600, 1100, 1400, 1000, 800, 1450, 1000]
    lines = []
    for result in rows:
        cells = [
            words.name(result, lang),
            words.target(result, lang),
            f"{words.actual(result, lang)} ({words.period(result.actual_period, lang)})"
            if result.actual is not None
            else words.NONE,
            words.gap(result, lang),
            words.achieved(result, lang),
            words.status_why(result, lang),
        ]
        if compared:
            cells.append(words.change(report, result, lang))
        lines.append((cells, result))
    return _table(heads, widths, lines)


def _regions_table(rows: list[Result], lang: str) -> str:
    heads = [i18n.label(lang, h) for h in _REGION_HEADS]
    lines = []
    for result in rows:
        region = result.region or i18n.label(lang, "territory_total")
        shown = words.actual(result, lang)
        if result.actual is not None:
            shown += f" ({words.period(result.actual_period, lang)})"
        cells = [
            region, words.target(result, lang), shown, words.gap(result, lang),
            words.achieved(result, lang), words.status_why(result, lang),
        ]  # fmt: skip
        lines.append((cells, result))
    return _table(heads, list(_RESULT_WIDTHS), lines)


def _table(heads: list[str], widths: list[int], rows: Iterable[tuple[list[str], Result]]) -> str:
    """A bordered table, its header row repeated on every page, the status cell in its
    colour, as one WordprocessingML element."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(
        _cell(h, w, bold=True, fill="EEEEEE") for h, w in zip(heads, widths, strict=True)
    )
    parts = [
        '<w:tbl {ns}><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>'
        "<w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/>'
        '<w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>',
        f"<w:tblGrid>{grid}</w:tblGrid>",
        f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{head}</w:tr>",
    ]
    for cells, result in rows:
        status = result.status
        shown = []
        for k, (text, width) in enumerate(zip(cells, widths, strict=True)):
            if k == 5:
                colour = COLOUR[status].lstrip("#")
                shown.append(_cell(text, width, bold=True, colour=colour, fill=FILL[status][1:]))
            else:
                shown.append(_cell(text, width, right=k > 0))
        parts.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(shown)}</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell(
    text: str,
    width: int,
    *,
    bold: bool = False,
    right: bool = False,
    colour: str | None = None,
    fill: str | None = None,
) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    run = f'<w:sz w:val="{TABLE_PT * 2}"/><w:szCs w:val="{TABLE_PT * 2}"/>'
    run = ("<w:b/>" if bold else "") + (f'<w:color w:val="{colour}"/>' if colour else "") + run
    align = '<w:jc w:val="right"/>' if right else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="20" w:after="20"/>{align}</w:pPr>'
        f'<w:r><w:rPr>{run}</w:rPr><w:t xml:space="preserve">{_text(text)}</w:t></w:r></w:p></w:tc>'
    )


def _text(text: str) -> str:
    """Text from a file as XML text: escaped, control characters shown as escapes (XML
    1.0 cannot hold them)."""
    return escape(printable(text))


def _xml(text: str) -> object:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(text.replace("{ns}", nsdecls("w"), 1))


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    before: float | None = None,
) -> None:
    from docx.shared import Pt

    run = paragraph.add_run(printable(text))
    run.bold, run.italic = bold or None, italic or None
    if underline:
        run.underline = True
    if size is not None:
        run.font.size = Pt(size)
    if before is not None:
        paragraph.paragraph_format.space_before = Pt(before)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


# ---- a template of the office's own ---------------------------------------------------


def check_template(template: bytes) -> None:
    """Raises TemplateProblem where `template` is no Word document or holds a field ktt
    does not know: said before any file is read."""
    document = _open(template)
    for paragraph in _paragraphs(document):
        _fields(paragraph.text)


def _fields(text: str) -> list[str]:
    """The fields of a paragraph's text; a field ktt does not know is a TemplateProblem."""
    names: list[str] = _FIELD.findall(text) if "{{" in text else []
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise TemplateProblem(
            "usage.template_field", placeholder=unknown[0], fields=", ".join(FIELDS)
        )
    alone = _FIELD.fullmatch(text.strip())
    block = next((n for n in names if n in _BLOCKS), None)
    if block is not None and (alone is None or len(names) > 1):
        raise TemplateProblem("usage.template_block", placeholder=block)
    return names


def _open(template: bytes) -> Document:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(_as_document(template)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        # python-docx names the file it was given, here the bytes' Python object: left out
        why = re.sub(r"file '<[^']*>' ", "", str(e)) or type(e).__name__
        raise TemplateProblem("usage.template_unreadable", why=why) from None


_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def _as_document(template: bytes) -> bytes:
    """A Word template (.dotx), which is what offices keep their letterheads as, made the
    document it opens as in Word: the same parts, the main part's type a document's. A
    .docx (or anything else) is given back as it is; a template with macros (.dotm) is
    not taken, as a document with macros is not."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            types = package.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return template
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
                for item in package.infolist():
                    data = package.read(item)
                    if item.filename == "[Content_Types].xml":
                        data = data.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                    made.writestr(item, data)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return template  # python-docx says what is wrong with it


def _fill(document: Document, report: Report, header: Header, lang: str) -> None:
    """The fields of the template filled in; the body and the appendix where their
    fields stand (at the end where the template has none)."""
    from docx.oxml.ns import qn

    values = {
        "superior": header.superior,
        "issuer": header.issuer,
        "number": header.number,
        "place": header.place,
        "date": header.date,
        "place_date": header.place_date,
        "title": _WORDS[lang]["kind"],
        "about": _about(report, lang),
        "as_of": as_of_words(report.as_of, lang),
        "programme": report.programme_name.pick(lang),
        "territory": report.programme.territory if report.programme else DOTS,
        "signer_title": header.signer_title,
        "signer": header.signer,
    }
    anchors: dict[str, Paragraph] = {}
    for paragraph in _paragraphs(document):
        names = _fields(paragraph.text)
        if not names:
            continue
        if names[0] in _BLOCKS:
            anchors[names[0]] = paragraph
            continue
        _replace(paragraph, values)
    for block, write in (("summary", _body), ("appendix", _appendix)):
        body = document.element.body
        before = len(body)
        write(document, report, lang)
        made = list(body)[before - 1 : -1] if body.sectPr is not None else list(body)[before:]
        anchor = anchors.get(block)
        if anchor is None:
            continue
        for element in made:
            anchor._p.addprevious(element)
        if anchor._p.getparent().tag == qn("w:tc"):
            anchor.text = ""  # a table's cell ends with a paragraph (Word refuses one without)
        else:
            anchor._p.getparent().remove(anchor._p)


def _paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the document: the body, its tables, the headers and footers."""
    seen: list[object] = [document]
    for section in document.sections:
        for margin in (
            section.header, section.footer, section.first_page_header,
            section.first_page_footer, section.even_page_header, section.even_page_footer,
        ):  # fmt: skip
            if not margin.is_linked_to_previous:  # reading one that is not there would add it
                seen.append(margin)
    for part in seen:
        yield from part.paragraphs  # type: ignore[attr-defined]
        for table in part.tables:  # type: ignore[attr-defined]
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _replace(paragraph: Paragraph, values: dict[str, str]) -> None:
    """The fields of a paragraph replaced by their values. A field within one run keeps
    that run's formatting; one split across runs (Word splits text where it was edited)
    is put whole in the first run of the paragraph."""

    def filled(text: str) -> str:
        return _FIELD.sub(lambda m: printable(values[m.group(1)]), text)

    runs = paragraph.runs
    for run in runs:
        if "{{" in run.text and _FIELD.search(run.text):
            run.text = filled(run.text)
    if "{{" in paragraph.text and runs:
        whole = filled(paragraph.text)
        runs[0].text = whole
        for run in runs[1:]:
            run.text = ""
