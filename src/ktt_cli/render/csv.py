"""Reports as CSV: a row per result with the JSON fields, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from ktt_cli.render.json import BREAKDOWN_FIELDS, RESULT_FIELDS, breakdown_dict, result_dict
from ktt_cli.report import Report

#: A text cell starting with one of these would run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(value: object) -> str | int | float:
    """A value as a CSV cell: numbers stay numbers, text never starts a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):  # names: one cell
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def report_csv(report: Report, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    if report.by_region:  # the territory's rows (a blank region), then the regions' (SPEC §8)
        fields = ("region", *(f for f in BREAKDOWN_FIELDS if f != "region"))
        writer.writerow(fields)
        for result in (*report.results, *report.breakdown):
            row = breakdown_dict(result, lang)
            writer.writerow([cell(row[field]) for field in fields])
        return out.getvalue()
    writer.writerow(RESULT_FIELDS)
    for result in report.results:
        row = result_dict(result, lang)
        writer.writerow([cell(row[field]) for field in RESULT_FIELDS])
    return out.getvalue()
