"""Value cells -> figures, with the number style decided per file (SPEC §3 "Figures").

In `auto`, a cell that only one style can read (`65,5`, `1.234,5`, `8.400.000`)
decides the file's style; deciding cells that disagree are an error naming one
of each. A cell that both styles read, differently (`8.400`, `1,200`), is read
in the file's style; while the file has not shown its style such a cell waits,
and at the end of the file the unit decides where only one reading fits it (a
count has no decimal part; a percentage is at most 100). Otherwise it is an
error that names the cell and the flag: a figure is never guessed.

The rules every figure obeys (`model.figure_problem`) are applied by Pydantic,
once per distinct text: the reader keeps what it learnt.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, NamedTuple

from pydantic import AfterValidator, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from ktt_cli.model import Unit, figure_problem
from ktt_cli.numbers import NumberError, NumberStyle, parse_number, plain_number
from ktt_cli.problems import shown

_QUALIFIER = re.compile(r"\s*(>=|<=|[><≥≤~≈])\s*")
_CANONICAL = {">=": "≥", "<=": "≤", "~": "≈"}
#: What the statistics office writes where there is no figure (SPEC §3); never a zero.
NO_FIGURE = frozenset(("", "-", "–", "—", "..", "...", "…", "x", "X"))
_SCIENTIFIC = re.compile(r"[0-9][0-9.,]*[eE][+-]?[0-9]+")
_EXAMPLE = {NumberStyle.DOT: "1,234.5", NumberStyle.COMMA: "1.234,5"}
_MARK = {NumberStyle.DOT: ".", NumberStyle.COMMA: ","}


class FigureError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class Reading(NamedTuple):
    """A number text read in each style: None where that style cannot read it."""

    dot: float | None
    comma: float | None

    def deciding(self) -> NumberStyle | None:
        """The style that alone reads the text, if only one does."""
        if self.dot is None:
            return NumberStyle.COMMA
        if self.comma is None:
            return NumberStyle.DOT
        return None

    def value(self, style: NumberStyle) -> float | None:
        return self.dot if style is NumberStyle.DOT else self.comma


class Cell(NamedTuple):
    """A value cell's text taken apart: the bound it gives, and its number."""

    qualifier: str | None
    body: str
    reading: Reading


def split_cell(text: str, unit: Unit) -> Cell | None:
    """The parts of a value cell, or None where it says there is no figure."""
    s = text.strip(" \t\u00a0\u202f")
    if s in NO_FIGURE:
        return None
    qualifier = None
    if m := _QUALIFIER.match(s):
        qualifier = _CANONICAL.get(m[1], m[1])
        s = s[m.end() :]
    body = s
    if body.endswith("%"):
        if unit is not Unit.PERCENT:
            raise FigureError(
                "unexpected_percent",
                f"{shown(text)} has a % sign, but this indicator is a {unit.value} figure",
            )
        body = body[:-1].rstrip()
    if _SCIENTIFIC.fullmatch(body.lstrip("-\u2212")):
        raise FigureError(
            "scientific_notation",
            f"{shown(text)} is in scientific notation: Excel shows a number too wide for its "
            "column this way, and a CSV saved then keeps only the digits shown. Widen the "
            "column (or format it as a number) and save again",
        )
    return Cell(qualifier, body, _reading(body, text))


def _reading(body: str, text: str) -> Reading:
    values: dict[NumberStyle, float | None] = {}
    error: NumberError | None = None
    for style in (NumberStyle.DOT, NumberStyle.COMMA):
        try:
            values[style] = parse_number(body, style)
        except NumberError as e:
            values[style], error = None, error or e
    if values[NumberStyle.DOT] is None and values[NumberStyle.COMMA] is None:
        assert error is not None
        message = error.message if body == text.strip() else f"{shown(text)} is not a number"
        raise FigureError(error.code, message)
    return Reading(values[NumberStyle.DOT], values[NumberStyle.COMMA])


def resolve(cell: Cell, unit: Unit, style: NumberStyle | None) -> float:
    """The figure of `cell` in the file's `style`, or by its unit where the file has none.

    Raises FigureError when it cannot be read so, or does not fit the unit.
    """
    reading = cell.reading
    whole = unit is not Unit.PERCENT
    if reading.dot == reading.comma:
        value = reading.dot
        used = None
    elif style is not None:
        value, used = reading.value(style), style
        if value is None:
            raise FigureError(
                "not_a_number",
                f"{shown(cell.body)} is not a number in {style.value} style ({_EXAMPLE[style]})",
            )
    else:
        fits = [
            s
            for s in (NumberStyle.DOT, NumberStyle.COMMA)
            if (v := reading.value(s)) is not None
            and (not whole or _MARK[s] not in cell.body)
            and (whole or v <= 100)
        ]
        if len(fits) != 1:
            dot, comma = reading.dot, reading.comma
            assert dot is not None
            assert comma is not None
            raise FigureError(
                "ambiguous_number",
                f"{shown(cell.body)} reads as {plain_number(comma)} in Vietnamese style "
                f"(1.234,5) and as {plain_number(dot)} in English style (1,234.5), and nothing "
                "in the file says which; say it with --number-format comma or --number-format dot",
            )
        value, used = reading.value(fits[0]), fits[0]
    assert value is not None
    if whole and used is not None and _MARK[used] in cell.body:
        message = (
            f"{shown(cell.body)} has a decimal part in {used.value} style "
            f"({_EXAMPLE[used]}), but a {unit.value} figure has none"
        )
        if re.search(r"[.,]\d{3}$", cell.body):
            other = NumberStyle.COMMA if used is NumberStyle.DOT else NumberStyle.DOT
            message += f"; if the mark separates thousands, use --number-format {other.value}"
        raise FigureError("not_whole", message)
    return checked(value, unit)


def checked(value: float, unit: Unit) -> float:
    """`value` once it obeys the rules of a figure in `unit` (Pydantic, SPEC §3 "Errors")."""
    try:
        return _adapter(unit).validate_python(value)
    except ValidationError as e:
        error = e.errors(include_url=False)[0]
        raise FigureError(error["type"], error["msg"]) from None


@cache
def _adapter(unit: Unit) -> TypeAdapter[float]:
    def rule(value: float) -> float:
        if problem := figure_problem(unit, value):
            raise PydanticCustomError(*problem)
        return value

    return TypeAdapter(Annotated[float, AfterValidator(rule)])
