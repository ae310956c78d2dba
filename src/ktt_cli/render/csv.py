"""Reports as CSV: a row per result with the JSON fields, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any

from ktt_cli.render.json import RESULT_FIELDS, results_dicts
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
    writer.writerow(RESULT_FIELDS + (CHANGE_FIELDS if compared else ()))
    for row in results_dicts(report, lang):
        cells = [cell(row[field]) for field in RESULT_FIELDS]
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
