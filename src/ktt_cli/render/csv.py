"""Reports as CSV: a row per result with the JSON fields, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any

from ktt_cli.render.json import BREAKDOWN_FIELDS, RESULT_FIELDS, breakdown_dict, rows_dicts
from ktt_cli.results import Report

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


#: With --compare: what each result was at the earlier period, flattened.
CHANGE_FIELDS = (
    "previous_as_of", "previous_actual", "previous_actual_period",
    "previous_percent_achieved", "previous_status",
    "change_actual", "change_percent_achieved", "status_change",
)  # fmt: skip


def report_csv(report: Report, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    compared = report.compared_with is not None
    if report.by_region:  # the territory's rows (a blank region), then the regions' (SPEC §8)
        fields: tuple[str, ...] = ("region", *(f for f in BREAKDOWN_FIELDS if f != "region"))
        rows = rows_dicts(report, (*report.results, *report.breakdown), lang, breakdown_dict)
    else:
        fields, rows = RESULT_FIELDS, rows_dicts(report, report.results, lang)
    writer.writerow(fields + (CHANGE_FIELDS if compared else ()))
    for row in rows:
        cells = [cell(row[field]) for field in fields]
        if compared:
            cells += [cell(value) for value in _flat_change(row)]
        writer.writerow(cells)
    return out.getvalue()


def _flat_change(row: dict[str, Any]) -> list[object]:
    previous = row["previous"] or {}
    change = row["change"]
    return [
        previous.get("as_of"),
        previous.get("actual"),
        previous.get("actual_period"),
        previous.get("percent_achieved"),
        previous.get("status"),
        change["actual"],
        change["percent_achieved"],
        change["status_change"],
    ]
