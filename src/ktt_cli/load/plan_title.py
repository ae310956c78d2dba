"""Whether a table's title or its sheet's name says it is a plan (SPEC §3 "Layouts").

A plan table is kept like a report table: `KẾ HOẠCH PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM
2026` over a column headed `Năm 2026`, a sheet named `KH 2026`, or a report with its
plan beside it, `… NĂM 2025 VÀ KẾ HOẠCH NĂM 2026` over `Thực hiện năm 2025 | Năm 2026`.
There a column headed by a period alone is the plan for that period, not its actuals.
The years a title's plan covers are those written after `Kế hoạch`/`KH`
(`giai đoạn 2026-2030` all of them); a plan with no year covers every bare column.
`Kèm theo Kế hoạch số 125/KH-UBND` names a document, and `thực hiện kế hoạch` (the
results of carrying out a plan) is a report of actuals: neither makes a plan table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from ktt_cli.name_keys import unmarked

_PLAN = re.compile(r"(?<![a-z])(ke hoach|kh)(?![a-z/-])(?!\s+so\b)", re.IGNORECASE)
_CARRIED_OUT = re.compile(r"(thuc hien|th|ket qua)\s*$")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_SPAN = re.compile(r"(?<!\d)(20\d\d)\s*[-–]\s*(20\d\d)(?!\d)")


class PlanTitle(NamedTuple):
    """Where a title names a plan (row among the rows given, -1 for the sheet's name), and
    the years it covers (empty: every year)."""

    row: int
    column: int
    text: str
    years: frozenset[int]


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(unmarked(folded).split())


def plan_of(text: str) -> frozenset[int] | None:
    """The years a line naming a plan covers (empty: all), or None where it names none."""
    plain = _plain(text)
    for m in _PLAN.finditer(plain):
        before = plain[: m.start()]
        if _CARRIED_OUT.search(before):
            continue  # `thực hiện kế hoạch`: the results of a plan
        after = plain[m.end() :]
        years: set[int] = set()
        for span in _SPAN.finditer(after):
            years.update(range(int(span[1]), int(span[2]) + 1))
        years.update(int(y) for y in _YEAR.findall(after))
        return frozenset(years)
    return None


def plan_title(rows: Sequence[Sequence[object]], sheet: str | None) -> PlanTitle | None:
    """The title line (or the sheet's name) that says the table is a plan, or None."""
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) <= 300:
                years = plan_of(cell)
                if years is not None:
                    return PlanTitle(r, c, cell.strip(), years)
    if sheet is not None and (years := plan_of(sheet)) is not None:
        return PlanTitle(-1, 0, sheet, years)
    return None
