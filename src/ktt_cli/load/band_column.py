"""What one column of a report table's header band says, from its pieces of text top to
bottom: a period, bare or in words, and whether it holds actuals, estimates, or neither."""

from __future__ import annotations

import re

from ktt_cli.load.columns import (
    _ROLE_OF,
    header_key,
    not_figures,
    period_words,
)
from ktt_cli.periods import Granularity, Period, PeriodError, parse_period
from ktt_cli.problems import shown

_ESTIMATE_WORDS = ("uoc_thuc_hien", "uoc_tinh", "uoc_th", "uth", "uoc")


_ACTUAL_WORDS = ("thuc_hien", "t_hien", "th")


class _Piece:
    """A caption over a column: its text, its cell (row in the band, column), whether it
    spans other columns too."""

    __slots__ = ("column", "row", "shared", "text")

    def __init__(self, text: str, row: int, column: int, shared: bool) -> None:
        self.text, self.row, self.column, self.shared = text, row, column, shared


def _found(texts: list[str]) -> str:
    return ", ".join(shown(t, 30) for t in texts[:12] if t) or "nothing"


def _column(pieces: list[_Piece]) -> tuple[Period, bool] | str | None:
    """(period, is an estimate) of a column's captions; None for no figure; else why not:
    `kind` (what it holds is not said) or `period` (its period is not said)."""
    kind: str | None = None
    rest: list[tuple[str, bool]] = []
    for piece in pieces:
        text, remarked = period_words(piece.text)
        if remarked:
            kind = "estimate"
        key = header_key(text)
        if not_figures(piece.text):
            return None  # a plan or a comparison (`%`, `ƯTH/KH (%)`)
        if _ROLE_OF.get(key) == "value":
            continue  # `Số lượng`: the figure, whatever its kind and period
        words, said = _kind_words(key)
        if said is not None and not remarked:
            kind = said
        remainder = " ".join(text.split()[words:])
        if remainder.strip(" :-–()"):
            rest.append((remainder, piece.shared))
    period = _period(rest)
    if period is None:
        return "period"
    if kind is None:
        if not any(not shared for _, shared in rest):
            return "kind"
        kind = "actual"
    return period, kind == "estimate"


def _kind_words(key: str) -> tuple[int, str | None]:
    """How many words at the start of a caption say what the column holds, and what."""
    for words, kind in ((_ESTIMATE_WORDS, "estimate"), (_ACTUAL_WORDS, "actual")):
        for word in words:
            if key == word or key.startswith(word + "_"):
                return word.count("_") + 1, kind
    return 0, None


def _period(parts: list[tuple[str, bool]]) -> Period | None:
    """The one period that a column's captions (what they say besides its kind) name."""
    full: list[Period] = []
    partial: list[str] = []
    for text, _ in parts:
        try:
            full.append(parse_period(text))
        except PeriodError:
            if not _LETTER.search(text):
                return None
            partial.append(text)
    if len(partial) > 1:
        return None
    if partial:
        years = [p for p in full if p.granularity is Granularity.YEAR]
        if len(years) != 1 or len(full) != 1:
            return None
        return _with_year(partial[0], years[0].year)
    if not full:
        return None
    lowest = full[-1]
    for upper in full[:-1]:
        if upper != lowest and not (
            upper.granularity is Granularity.YEAR and upper.year == lowest.year
        ):
            return None
    return lowest


def _with_year(text: str, year: int) -> Period | None:
    """`Tháng 9` under `Năm 2026`: September 2026; None where no form reads."""
    for form in (f"{text} {year}", f"{text} năm {year}", f"{text}/{year}"):
        try:
            return parse_period(form)
        except PeriodError:
            continue
    return None


_LETTER = re.compile(r"[^\W\d_]")
