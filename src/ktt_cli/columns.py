"""Header names -> what each column of an actuals file holds (SPEC §3).

Names are matched after NFC normalisation, case-insensitively, without
diacritics (`đ` counts as `d`), with spaces, underscores and hyphens alike, so
`Chỉ tiêu`, `chi_tieu` and `CHI TIEU` all name the indicator column.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from ktt_cli.problems import shown

ROLES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "chi_tieu"),
    "period": ("period", "ky", "nam"),
    "value": ("value", "gia_tri"),
    "region": ("region", "dia_ban"),
    "source": ("source", "nguon"),
    "note": ("note", "ghi_chu"),
}
_ROLE_OF = {alias: role for role, aliases in ROLES.items() for alias in aliases}
_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(name: str) -> str:
    """The form in which header names and indicator ids are compared."""
    folded = unicodedata.normalize("NFC", name).strip().casefold().replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return _SEPARATORS.sub("_", bare).strip("_")


def region_key(region: str) -> str:
    """The form in which region names are compared: NFC, spaces folded, case ignored."""
    return " ".join(unicodedata.normalize("NFC", region).split()).casefold()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class Layout(NamedTuple):
    """Where each role's column is; in wide layout, which column holds which indicator."""

    wide: bool
    width: int
    delimiter: str
    columns: dict[str, int]
    indicators: dict[int, str]  # wide layout: column -> indicator id
    ignored: tuple[str, ...] = ()


def read_layout(
    header: list[str], indicator_ids: Iterable[str], delimiter: str
) -> tuple[Layout | None, list[tuple[str, str]]]:
    """The layout of `header`, or None with the problems (code, message) that stop it."""
    ids = {normalise(i): i for i in indicator_ids}
    columns: dict[str, int] = {}
    indicators: dict[int, str] = {}
    others: list[tuple[int, str]] = []
    problems: list[tuple[str, str]] = []
    for index, name in enumerate(header):
        key = normalise(name)
        role = _ROLE_OF.get(key)
        if role is not None:
            if role in columns:
                first = shown(header[columns[role]])
                problems.append(
                    ("duplicate_column", f"two columns hold the {role}: {first} and {shown(name)}")
                )
            columns.setdefault(role, index)
        elif key in ids:
            if index in indicators or ids[key] in indicators.values():
                problems.append(("duplicate_column", f"two columns hold '{ids[key]}'"))
            indicators[index] = ids[key]
        else:
            others.append((index, name))
    if "indicator" in columns or "value" in columns or not indicators:
        return _long(header, delimiter, columns, problems)
    return _wide(header, delimiter, columns, indicators, others, ids, problems)


def _long(
    header: list[str], delimiter: str, columns: dict[str, int], problems: list[tuple[str, str]]
) -> tuple[Layout | None, list[tuple[str, str]]]:
    missing = [role for role in ("indicator", "period", "value") if role not in columns]
    if missing:
        found = ", ".join(shown(h, 30) for h in header[:12]) or "nothing"
        problems.append(
            (
                "missing_column",
                f"no {' / '.join(missing)} column; found {found}. Long files need indicator, "
                "period and value columns (or chi_tieu, ky, gia_tri); wide files a period column "
                "and one column per indicator id",
            )
        )
    if problems:
        return None, problems
    used = set(columns.values())
    ignored = tuple(name for i, name in enumerate(header) if i not in used and name.strip())
    return Layout(False, len(header), delimiter, columns, {}, ignored), problems


def _wide(
    header: list[str],
    delimiter: str,
    columns: dict[str, int],
    indicators: dict[int, str],
    others: list[tuple[int, str]],
    ids: dict[str, str],
    problems: list[tuple[str, str]],
) -> tuple[Layout | None, list[tuple[str, str]]]:
    if "period" not in columns:
        problems.append(("missing_column", "a wide file needs a period (ky, nam) column"))
    for _, name in others:
        if name.strip():
            problems.append(
                (
                    "unknown_indicator",
                    f"the column {shown(name)} is not an indicator of the programme"
                    f"{did_you_mean(normalise(name), ids)}",
                )
            )
    if problems:
        return None, problems
    return Layout(True, len(header), delimiter, columns, indicators), problems
