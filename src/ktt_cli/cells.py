"""Value cells of an actuals file -> figures, validated by Pydantic.

A cell is validated once per distinct text and unit (the reader keeps what it
learnt), so a million rows of commune counts cost a few thousand validations.
The rules are the ones the targets file obeys (`model.figure_problem`); the
number syntax is `numbers.parse_number` in the file's style (AUTO: the file has no
deciding cell, so the unit decides a cell both styles read, SPEC §3 "Figures").
Messages show the cell as written, qualifier and % sign included.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, cast

from pydantic import AfterValidator, BeforeValidator, TypeAdapter, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError

from ktt_cli.model import Unit, figure_problem
from ktt_cli.numbers import NumberError, NumberStyle, parse_number
from ktt_cli.problems import shown

_QUALIFIER = re.compile(r"\s*(>=|<=|[><≥≤~≈])\s*")
_CANONICAL = {">=": "≥", "<=": "≤", "~": "≈"}


class CellError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def read_cell(text: str, unit: Unit, style: NumberStyle) -> tuple[float, str | None]:
    """The figure in a value cell, and the bound it is given as (`>`, `≈`, …) if any."""
    qualifier, figure = None, text
    if m := _QUALIFIER.match(text):
        qualifier = _CANONICAL.get(m[1], m[1])
        figure = text[m.end() :]
    try:
        return _adapter(unit).validate_python(figure, context=(style, text)), qualifier
    except ValidationError as e:
        error = e.errors(include_url=False)[0]
        raise CellError(error["type"], error["msg"]) from None


@cache
def _adapter(unit: Unit) -> TypeAdapter[float]:
    percent = unit is Unit.PERCENT

    def number(figure: str, info: ValidationInfo) -> float:
        style, written = cast("tuple[NumberStyle, str]", info.context)
        if figure.strip().endswith("%"):
            if not percent:
                raise PydanticCustomError(
                    "unexpected_percent",
                    f"{shown(written)} has a % sign, but this indicator is a {unit.value} figure",
                )
            figure = figure.strip()[:-1]
        try:
            return parse_number(figure, style, whole=not percent, percent=percent, written=written)
        except NumberError as e:
            raise PydanticCustomError(e.code, e.message) from None

    def rule(value: float) -> float:
        if problem := figure_problem(unit, value):
            raise PydanticCustomError(*problem)
        return value

    return TypeAdapter(Annotated[float, BeforeValidator(number), AfterValidator(rule)])
