"""The tables of the report document written as WordprocessingML directly: python-docx's
cell by cell building takes milliseconds a cell, and a country's communes are many
thousand rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from ktt_cli import i18n
from ktt_cli.problems import printable
from ktt_cli.render import words
from ktt_cli.render.look import COLOUR, FILL, word
from ktt_cli.results import Report, Result

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph


TABLE_PT = 11


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
            f"{words.actual(result, lang)} ({words.period(result.actual_at, lang)})"
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
            shown += f" ({words.period(result.actual_at, lang)})"
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
