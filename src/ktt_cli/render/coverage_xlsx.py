"""A `Coverage` as a workbook: the reporting rates, then a sheet of regions with each
mark coloured (reported green, late yellow, never red), for the analyst who chases
the communes from Excel. The same facts as `coverage_dict`."""

from __future__ import annotations

import io

from ktt_cli.coverage import Coverage, Mark, Rate
from ktt_cli.render.coverage import lines, word

_COLOURS = {
    Mark.REPORTED: "#DFF0D8",
    Mark.LATE: "#FCF8E3",
    Mark.NEVER: "#F2DEDE",
    Mark.NOT_EXPECTED: "#FFFFFF",
}


def coverage_xlsx(found: Coverage, lang: str) -> bytes:
    import xlsxwriter

    said = lines(found, lang)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    percent = book.add_format({"num_format": "0.0%"})
    marks = {m: book.add_format({"bg_color": c, "border": 1}) for m, c in _COLOURS.items()}

    rates = book.add_worksheet(word(lang, "rate")[:31])
    rates.write(0, 0, said.title, bold)
    for row, (label, value) in enumerate(said.heading, 1):
        rates.write_string(row, 0, label, bold)
        rates.write_string(row, 1, value)
    top = len(said.heading) + 2
    head = [word(lang, k) for k in ("indicator", "expected", "reported", "late", "never", "rate")]
    rates.write_row(top, 0, head, bold)
    rows = [(found.names[i.indicator].pick(lang), i.rate) for i in found.per_indicator]
    rows.append((word(lang, "all"), found.total))
    for k, (name, rate) in enumerate(rows, top + 1):
        rates.write_string(k, 0, name)
        rates.write_row(k, 1, [rate.expected, rate.reported, rate.late, rate.never])
        if rate.share is not None:
            rates.write_number(k, 5, rate.share / 100, percent)
    below = top + len(rows) + 2
    regions = Rate.of_regions(found)
    rates.write_string(below, 0, word(lang, "complete"), bold)
    rates.write_row(below, 1, [regions.expected, regions.reported])
    if regions.share is not None:
        rates.write_number(below, 5, regions.share / 100, percent)
    rates.write_string(below + 1, 0, word(lang, "silent"), bold)
    for k, region in enumerate(found.silent_regions, below + 1):
        rates.write_string(k, 1, region.name)
    rates.set_column(0, 0, 40)
    rates.set_column(1, 5, 14)

    grid = book.add_worksheet(word(lang, "by_region")[:31])
    grid.write_row(0, 0, said.region_head, bold)
    grid.freeze_panes(1, 2)
    for k, (region, shown) in enumerate(zip(found.regions, said.region_rows, strict=True), 1):
        grid.write_string(k, 0, region.name)
        grid.write_string(k, 1, region.region_id or "")
        for j, (entry, text) in enumerate(zip(region.entries, shown[2:], strict=True), 2):
            grid.write_string(k, j, text, marks[entry.mark])
    grid.set_column(0, 0, 28)
    grid.set_column(1, 1, 8)
    grid.set_column(2, 1 + len(found.indicators), 22)
    book.close()
    return out.getvalue()
