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
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from ktt_cli import i18n
from ktt_cli.figures_text import format_number
from ktt_cli.render import words
from ktt_cli.render.docx_header import (
    _WORDS,
    DOTS,
    Header,
    _about,
    _header,
    _letterhead,
    _page,
    _properties,
    _signature,
)
from ktt_cli.render.docx_tables import TABLE_PT, _lower, _regions_table, _results_table, _run, _xml
from ktt_cli.render.docx_template import _BLOCKS, _fields, _open, _paragraphs, _replace
from ktt_cli.results import Report
from ktt_cli.summary import Sentence, sentences
from ktt_cli.summary_words import as_of_words

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

#: Regions shown in the appendix per indicator and milestone, the furthest behind first
#: (the breakdown's order); the rest are counted and left to the workbook and the JSON.
REGION_ROWS = 300


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


# ---- the page, the letterhead, the signature ----------------------------------------


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
    pictures = list(_pictures(report, lang))  # the collector runs: matplotlib's cycles go
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


# ---- a template of the office's own ---------------------------------------------------


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
