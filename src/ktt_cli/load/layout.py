"""Header rows -> what each column of an actuals table holds (SPEC §3 "Columns", "Layouts").

The same rules serve every loader: a CSV file's rows and a sheet's rows come
here as lists of cells, and the header is the first of the first 20 rows that
reads as one. Names are matched after NFC normalisation, case-insensitively,
without diacritics (`đ` counts as `d`), with spaces, underscores and hyphens
alike, so `Chỉ tiêu`, `chi_tieu` and `CHI TIEU` all name the indicator column.

Three layouts, told apart by the header:
- long: indicator, period and value columns, one figure a row;
- wide: a period column and a column per indicator;
- table (a report table): an indicator column and a column per period, whose
  header reads as a period, bare or after "Thực hiện"/"TH"; "Ước thực hiện"
  columns hold estimates; plan and comparison columns are passed over.

A report table's header is often a band of two or three rows, merged captions
over the lower ones (SPEC §3 "Headers of more than one row"): `band.py` reads
each column's header from every row of the band; the column-number row under
it (`A | B | C | 1 | 2`) is part of the header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ktt_cli.load.columns import (
    HeaderProblem,
    Kind,
    Layout,
    Merge,
    header_key,
    not_figures,
    period_words,
    role_of,
    up_to,
)
from ktt_cli.names import IndicatorNames
from ktt_cli.periods import Period, PeriodError, parse_period
from ktt_cli.problems import shown

#: The first rows of a table in which the header is looked for.
HEADER_WITHIN = 20

_ESTIMATE = re.compile(r"^(uoc_thuc_hien|uoc_tinh|uoc_th|uth|uoc)_(.+)$")
_ACTUAL = re.compile(r"^(thuc_hien|th)_(.+)$")
_ANY_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


class Found(NamedTuple):
    """The header row's index among the rows looked at, and its layout or its problems."""

    row: int  # among the rows looked at
    layout: Layout | None
    problems: list[HeaderProblem]
    rows: int = 1  # rows the header takes: its band, and the column-number row under it


def _period_header(key: str, text: str) -> tuple[Period, bool] | None:
    """The period a report table's column header names, and whether it holds estimates."""
    text, estimate = period_words(text)
    key = header_key(text)
    words = text
    if m := _ESTIMATE.match(key):
        estimate, words = True, _strip_words(text, m[1].count("_") + 1)
    elif m := _ACTUAL.match(key):
        words = _strip_words(text, m[1].count("_") + 1)
    words = up_to(words)  # `Ước TH đến 30/11/2026`
    try:
        return parse_period(words), estimate
    except PeriodError:
        return None


def _strip_words(text: str, count: int) -> str:
    return " ".join(text.split()[count:])


def _cell_text(cell: object) -> str:
    """A header cell's text; a year typed as a number (`2025` in a workbook) is that year."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return str(int(cell)) if 1900 <= cell <= 2199 and cell == int(cell) else ""
    return cell if isinstance(cell, str) else ""


def find_header(
    rows: Sequence[Sequence[object]],
    names: IndicatorNames,
    numbers: Sequence[int] | None = None,
    merges: Sequence[Merge] = (),
) -> Found | None:
    """The first of `rows` that reads as a header, with its layout; None if none does.

    `names` resolves a column name to an indicator (by id, name or alias).
    A row reads as a header when two or more of its cells name a column ktt knows.
    A report table's header row may be the first of a band of rows (`band.py`);
    `numbers` are the rows' numbers (lines, or a sheet's rows) and `merges` a sheet's
    merged ranges, by which the band's cells are named and its captions spread.
    """
    from ktt_cli.load.band import (
        band_height,
        captions_above,
        read_band,
        skips_column_numbers,
        spanned_columns,
    )

    for index, row in enumerate(rows[:HEADER_WITHIN]):
        texts = [_cell_text(c) for c in row]
        keys = [header_key(t) for t in texts]
        knowns = [
            isinstance(cell, str)
            for key, text, cell in zip(keys, texts, row, strict=True)
            if key and (role_of(key) or names.find(text) or _period_header(key, text))
        ]
        if len(knowns) >= 2 and any(knowns):  # years typed as numbers only with a caption
            roles = {r: i for i, k in enumerate(keys) if (r := role_of(k))}
            if not roles and index + 1 < len(rows):
                # captions over the header row of a table made by hand: `Năm 2025 | Năm
                # 2026` above `STT | Chỉ tiêu | KH | TH | KH | TH`; that row is the header
                below = [header_key(_cell_text(c)) for c in rows[index + 1]]
                below_roles = {r: i for i, k in enumerate(below) if (r := role_of(k))}
                if captions_above(rows, index + 1, below_roles, numbers):
                    continue
            above = captions_above(rows, index, roles, numbers)
            height = above + band_height(rows, index, roles)
            index -= above
            band = list(rows[index : index + height])
            if height == 1:
                found = Found(index, *read_layout(texts, keys, names))
            else:
                at = list(numbers[index : index + height]) if numbers else None
                found = Found(index, *read_band(band, at, merges, names), height)
            after = index + found.rows
            i_ind = roles.get("indicator", 0)
            if after < len(rows) and skips_column_numbers(rows[after], i_ind):
                found = found._replace(rows=found.rows + 1)
            if found.layout is not None and found.layout.kind is Kind.TABLE:
                # a period caption over a column of figures with no header of its own
                width = max(len(r) for r in band)
                captions = [
                    " ".join(t for r in band if c < len(r) and (t := _cell_text(r[c]).strip()))
                    for c in range(width)
                ]
                line = numbers[index] if numbers else None
                periods = found.layout.periods
                data = rows[index + found.rows :]
                if spanned := spanned_columns(captions, periods, data, line):
                    found = found._replace(layout=None, problems=[*found.problems, *spanned])
            return found
    return None


def read_layout(
    texts: list[str], keys: list[str], names: IndicatorNames
) -> tuple[Layout | None, list[HeaderProblem]]:
    """The layout of a header row, or None with the problems that stop it."""
    columns: dict[str, int] = {}
    indicators: dict[int, str] = {}
    periods: dict[int, tuple[Period, bool]] = {}
    others: list[int] = []
    bare: list[int] = []
    problems: list[HeaderProblem] = []
    for index, (key, name) in enumerate(zip(keys, texts, strict=True)):
        role = role_of(key)
        if role is not None:
            if role in columns:
                first = shown(texts[columns[role]])
                problems.append(
                    HeaderProblem.said(
                        "duplicate_column", role=role, first=first, other=shown(name)
                    )
                )
            columns.setdefault(role, index)
        elif (indicator := names.find(name)) is not None:
            if indicator in indicators.values():
                problems.append(
                    HeaderProblem.said("duplicate_column.indicator", indicator=indicator)
                )
            indicators[index] = indicator
        elif key and not_figures(name):
            others.append(index)
        elif key and (period := _period_header(key, name)) is not None:
            periods[index] = period
            if not _ESTIMATE.match(key) and not _ACTUAL.match(key):
                bare.append(index)
        else:
            others.append(index)
    if "value" in columns or ("indicator" in columns and "period" in columns):
        kind = Kind.LONG
    elif "indicator" in columns and periods:
        kind = Kind.TABLE
    elif indicators and "indicator" not in columns:
        kind = Kind.WIDE
    else:
        kind = Kind.LONG
    width = len(texts)
    if kind is Kind.LONG:
        missing = [role for role in ("indicator", "period", "value") if role not in columns]
        if missing:
            found = ", ".join(shown(t, 30) for t in texts[:12]) or "nothing"
            problems.append(
                HeaderProblem.said("missing_column", missing=" / ".join(missing), found=found)
            )
        ignored = [i for i in range(width) if i not in columns.values()]
        layout = Layout(kind, width, columns, {}, {}, _names(texts, ignored))
    elif kind is Kind.WIDE:
        if "period" not in columns:
            problems.append(HeaderProblem.said("missing_column.wide"))
        for index in others:
            if texts[index].strip():
                problems.append(
                    HeaderProblem.said(
                        "unknown_indicator.column",
                        column=shown(texts[index]),
                        closest=names.closest(texts[index]),
                    )
                )
        layout = Layout(kind, width, columns, indicators, {}, ())
    else:
        passed = [i for i in others if keys[i] and not_figures(texts[i])]
        ignored = [i for i in others if i not in passed] + list(indicators)
        for i in ignored:  # a column that names a period is never left out in silence
            if _ANY_YEAR.search(texts[i]) and i not in indicators:
                problem = HeaderProblem.said("unclear_column.unread", header=shown(texts[i], 80))
                problems.append(problem._replace(column=i))
        layout = Layout(
            kind,
            width,
            columns,
            {},
            periods,
            _names(texts, ignored),
            _names(texts, passed),
            tuple(bare),
        )
    return (None if problems else layout), problems


def _names(texts: list[str], indices: list[int]) -> tuple[str, ...]:
    return tuple(texts[i] for i in sorted(indices) if texts[i].strip())
