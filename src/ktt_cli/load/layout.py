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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from ktt_cli.messages import Args, said
from ktt_cli.names import IndicatorNames, normalise
from ktt_cli.periods import Period, PeriodError, parse_period
from ktt_cli.problems import shown

#: The first rows of a table in which the header is looked for.
HEADER_WITHIN = 20

ROLES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "chi_tieu", "ten_chi_tieu", "noi_dung"),
    "period": ("period", "ky", "nam", "thoi_gian"),
    "value": ("value", "gia_tri", "so_lieu", "so_luong"),
    "region": ("region", "dia_ban", "don_vi", "xa", "phuong", "huyen"),
    "source": ("source", "nguon"),
    "note": ("note", "ghi_chu"),
    "row_number": ("stt", "so_tt", "tt"),
    "unit": ("don_vi_tinh", "dvt", "unit"),
}
_ROLE_OF = {alias: role for role, aliases in ROLES.items() for alias in aliases}
_ESTIMATE = re.compile(r"^(uoc_thuc_hien|uoc_th|uoc)_(.+)$")
_ACTUAL = re.compile(r"^(thuc_hien|th)_(.+)$")
_NOT_FIGURES = re.compile(
    r"^(ke_hoach|kh|muc_tieu|so_sanh|ty_le|tang_giam|tang|giam|chenh_lech)(_|$)"
)


class Kind(StrEnum):
    LONG = "long"
    WIDE = "wide"
    TABLE = "table"


class Layout(NamedTuple):
    """Where each role's column is; the indicator (wide) or period (table) of other columns."""

    kind: Kind
    width: int
    columns: dict[str, int]
    indicators: dict[int, str]  # wide: column -> indicator id
    periods: dict[int, tuple[Period, bool]]  # table: column -> (period, is an estimate)
    ignored: tuple[str, ...] = ()  # columns left out, named as written
    passed_over: tuple[str, ...] = ()  # table: plan and comparison columns


class HeaderProblem(NamedTuple):
    code: str
    message: str
    args: Args = ()

    @classmethod
    def said(cls, key: str, /, **values: object) -> HeaderProblem:
        """The problem the catalogue words (messages.MESSAGES) from `values`."""
        message, args = said(key, values)
        return cls(key.partition(".")[0], message, args)


class Found(NamedTuple):
    """The header row's index among the rows looked at, and its layout or its problems."""

    row: int  # among the rows looked at
    layout: Layout | None
    problems: list[HeaderProblem]


def _period_header(key: str, text: str) -> tuple[Period, bool] | None:
    """The period a report table's column header names, and whether it holds estimates."""
    estimate = False
    words = text
    if m := _ESTIMATE.match(key):
        estimate, words = True, _strip_words(text, m[1].count("_") + 1)
    elif m := _ACTUAL.match(key):
        words = _strip_words(text, m[1].count("_") + 1)
    try:
        return parse_period(words), estimate
    except PeriodError:
        return None


def _strip_words(text: str, count: int) -> str:
    return " ".join(text.split()[count:])


def _cell_text(cell: object) -> str:
    return cell if isinstance(cell, str) else ""


def find_header(rows: Sequence[Sequence[object]], names: IndicatorNames) -> Found | None:
    """The first of `rows` that reads as a header, with its layout; None if none does.

    `names` resolves a column name to an indicator (by id, name or alias).
    A row reads as a header when two or more of its cells name a column ktt knows.
    """
    for index, row in enumerate(rows[:HEADER_WITHIN]):
        texts = [_cell_text(c) for c in row]
        keys = [normalise(t) for t in texts]
        known = sum(
            1
            for key, text in zip(keys, texts, strict=True)
            if key and (key in _ROLE_OF or names.find(text) or _period_header(key, text))
        )
        if known >= 2:
            return Found(index, *read_layout(texts, keys, names))
    return None


def read_layout(
    texts: list[str], keys: list[str], names: IndicatorNames
) -> tuple[Layout | None, list[HeaderProblem]]:
    """The layout of a header row, or None with the problems that stop it."""
    columns: dict[str, int] = {}
    indicators: dict[int, str] = {}
    periods: dict[int, tuple[Period, bool]] = {}
    others: list[int] = []
    problems: list[HeaderProblem] = []
    for index, (key, name) in enumerate(zip(keys, texts, strict=True)):
        role = _ROLE_OF.get(key)
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
        elif key and (period := _period_header(key, name)) is not None:
            periods[index] = period
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
        passed = [i for i in others if _NOT_FIGURES.match(keys[i])]
        ignored = [i for i in others if i not in passed] + list(indicators)
        layout = Layout(
            kind, width, columns, {}, periods, _names(texts, ignored), _names(texts, passed)
        )
    return (None if problems else layout), problems


def _names(texts: list[str], indices: list[int]) -> tuple[str, ...]:
    return tuple(texts[i] for i in sorted(indices) if texts[i].strip())
