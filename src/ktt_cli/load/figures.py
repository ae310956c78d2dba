"""Value cells -> figures, with the number style decided per file (SPEC §3 "Figures").

The number syntax and the unit's tie-break are `numbers.classify` and
`numbers.resolve`; this module adds what a cell carries around its number (a
bound such as `>5.300`, a `%` sign, a mark for "no figure") and the rules every
figure obeys (`model.figure_problem`), applied by Pydantic once per distinct
text: the collector keeps what it learnt.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Annotated, NamedTuple

from pydantic import AfterValidator, TypeAdapter, ValidationError

from ktt_cli.figures_text import NumberError, NumberStyle, Reading, classify, is_no_figure, resolve
from ktt_cli.messages import Args, Message, message, said
from ktt_cli.problems import shown
from ktt_cli.units import Unit, figure_problem, told

_QUALIFIER = re.compile(r"\s*(>=|<=|[><≥≤~≈])\s*")
_CANONICAL = {">=": "≥", "<=": "≤", "~": "≈"}


class FigureError(ValueError):
    def __init__(self, code: str, message: str, args: Args = ()) -> None:
        super().__init__(message)
        self.code, self.message, self.args_ = code, message, args

    @classmethod
    def said(cls, key: str, /, **values: object) -> FigureError:
        """The error the catalogue words (messages.MESSAGES) from `values`."""
        message, args = said(key, values)
        return cls(key.partition(".")[0], message, args)


class Cell(NamedTuple):
    """A value cell's text taken apart: the bound it gives, and its number read both ways."""

    qualifier: str | None
    reading: Reading


def split_cell(text: str, unit: Unit) -> Cell | None:
    """The parts of a value cell, or None where it says there is no figure."""
    if is_no_figure(text):
        return None
    qualifier, body = None, text
    if m := _QUALIFIER.match(text):
        qualifier = _CANONICAL.get(m[1], m[1])
        body = text[m.end() :]
    body = body.strip()
    if body.endswith("%"):
        if unit is not Unit.PERCENT:
            raise FigureError.said("unexpected_percent.sign", cell=shown(text), kind=unit.value)
        body = body[:-1]
    try:
        return Cell(qualifier, classify(body, written=text))
    except NumberError as e:
        raise FigureError(e.code, e.message, e.args_) from None


def figure_of(cell: Cell, unit: Unit, style: NumberStyle | None) -> float:
    """The figure of `cell` in the file's `style` (None: the unit decides where it can)."""
    percent = unit is Unit.PERCENT
    try:
        value = resolve(cell.reading, style, whole=not percent, percent=percent)
    except NumberError as e:
        raise FigureError(e.code, e.message, e.args_) from None
    return checked(value, unit)


def read_cell(text: str, unit: Unit, style: NumberStyle) -> tuple[float, str | None]:
    """The figure in one value cell read on its own, and the bound it is given as."""
    cell = split_cell(text, unit)
    if cell is None:
        raise FigureError.said("no_figure", cell=shown(text))
    return figure_of(cell, unit, style), cell.qualifier


def checked(value: float, unit: Unit) -> float:
    """`value` once it obeys the rules of a figure in `unit` (SPEC §3 "Errors")."""
    try:
        return _adapter(unit).validate_python(value)
    except ValidationError as e:
        said = (e.errors(include_url=False)[0].get("ctx") or {}).get("said")
        if not isinstance(said, Message):  # not a rule of a figure: never Pydantic's words
            said = message("not_a_number.finite", value=str(value))
        raise FigureError(said.code, said.text("en"), said.args) from None


@cache
def _adapter(unit: Unit) -> TypeAdapter[float]:
    def rule(value: float) -> float:
        if problem := figure_problem(unit, value):
            raise told(problem)
        return value

    return TypeAdapter(Annotated[float, AfterValidator(rule)])


def cell_figure(cell: object, unit: Unit) -> float:
    """The figure of a workbook's typed cell (SPEC §9): a number is the number it holds; a
    percentage cell (0.655 shown as 65,5%) is 65.5 for a percent indicator."""
    from ktt_cli.load.book import ErrorCell, PercentCell, UncomputedFormula

    if isinstance(cell, bool):
        raise FigureError.said("not_a_number.bool", value=str(cell).upper())
    if isinstance(cell, int | float):
        try:
            value = float(cell)
        except OverflowError:  # an integer of hundreds of digits
            value = math.inf
        if not math.isfinite(value):  # <v>1E309</v>, office:value="inf" or "nan"
            raise FigureError.said("not_a_number.infinite", value=str(value))
        return value
    if isinstance(cell, PercentCell):
        if not math.isfinite(cell.fraction):
            raise FigureError.said("not_a_number.infinite", value=str(cell.fraction))
        if unit is not Unit.PERCENT:
            raise FigureError.said(
                "unexpected_percent.format", percent=_percent(cell.fraction), kind=unit.value
            )
        return float(Decimal(repr(cell.fraction)).scaleb(2))
    if isinstance(cell, ErrorCell):
        raise FigureError.said("error_cell", error=cell.code)
    if isinstance(cell, UncomputedFormula):
        raise FigureError.said("uncomputed_formula", formula=shown(cell.formula))
    if isinstance(cell, datetime):
        raise FigureError.said("not_a_number.date")
    raise FigureError.said("not_a_number.cell", cell=shown(str(cell)))


def _percent(fraction: float) -> str:
    return f"{float(Decimal(repr(fraction)).scaleb(2)):g}%"
