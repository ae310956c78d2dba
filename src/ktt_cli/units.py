"""Units and comparators of targets and figures: what a figure may be, and which way is
better."""

from __future__ import annotations

import math
import re
import unicodedata
from enum import StrEnum
from typing import Literal, NamedTuple

from pydantic_core import PydanticCustomError

from ktt_cli.figures_text import plain_number
from ktt_cli.messages import Message, again, message
from ktt_cli.periods import (
    Period,
    PeriodError,
    parse_period,
)


class Unit(StrEnum):
    COUNT = "count"
    PERSONS = "persons"
    PERCENT = "percent"


class Comparator(StrEnum):
    AT_LEAST = "at_least"
    OVER = "over"
    ABOUT = "about"
    AT_MOST = "at_most"
    UNDER = "under"
    ALL = "all"


#: d in SPEC §4: +1 where more is better, -1 where less is better.
DIRECTION: dict[Comparator, int] = {
    Comparator.AT_LEAST: 1,
    Comparator.OVER: 1,
    Comparator.ABOUT: 1,
    Comparator.AT_MOST: -1,
    Comparator.UNDER: -1,
    Comparator.ALL: 1,
}


DEFAULT_TOLERANCE = 0.05


_SEPARATORS = re.compile(r"[\s_\-]+")


def normal_name(text: str) -> str:
    """`text` as names are compared: casefolded, without diacritics, each run of spaces,
    underscores and hyphens one `_`, none at either end (`Ít nhất` -> `it_nhat`)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("_", bare).strip("_")


#: The Vietnamese words of SPEC §2 that a file may write for a comparator.
COMPARATOR_WORDS: dict[str, Comparator] = {
    "trên": Comparator.OVER,
    "khoảng": Comparator.ABOUT,
    "ít nhất": Comparator.AT_LEAST,
    "tối thiểu": Comparator.AT_LEAST,
    "không quá": Comparator.AT_MOST,
    "tối đa": Comparator.AT_MOST,
    "dưới": Comparator.UNDER,
    "đều": Comparator.ALL,
}


_COMPARATORS = {normal_name(w): c for w, c in COMPARATOR_WORDS.items()} | {
    c.value: c for c in Comparator
}


def comparator_of(value: object) -> Comparator | None:
    """The comparator a file's code or Vietnamese word names, or None."""
    return _COMPARATORS.get(normal_name(value)) if isinstance(value, str) else None


def natural_range(unit: Unit) -> tuple[float, float | None]:
    """The least and the greatest figure `unit` allows (None: no greatest)."""
    return (0.0, 100.0) if unit is Unit.PERCENT else (0.0, None)


def figure_problem(unit: Unit, value: float) -> Message | None:
    """Why `value` cannot be a figure in `unit` (a message of the catalogue), or None."""
    if not math.isfinite(value):
        return message("not_a_number.finite", value=str(value))
    if unit is Unit.PERCENT:
        if not 0 <= value <= 100:
            return message("percent_out_of_range", value=plain_number(value))
    elif value < 0:
        return message("negative_count", unit=unit.value, value=plain_number(value))
    elif value != int(value):
        return message("not_whole.figure", unit=unit.value, value=plain_number(value))
    return None


def _year_from_text(value: object) -> object:
    """A year written in quotes ('2030') is still a year."""
    if isinstance(value, str) and re.fullmatch(r"[12]\d{3}", value.strip()):
        return int(value)
    return value


def _to_period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise told(message("invalid_period.not_text"))
    try:
        return parse_period(value)
    except PeriodError as e:
        raise told(again("invalid_period", e.args_)) from None


class Finding(NamedTuple):
    """One broken rule: the path of the offending value and a message of the catalogue."""

    path: tuple[str | int, ...]
    said: Message
    severity: Literal["error", "warning"] = "error"

    @property
    def code(self) -> str:
        return self.said.code


def told(said: Message) -> PydanticCustomError:
    """A validator's error that keeps its message of the catalogue (in its context), so
    that the loader says it in the user's language, never in Pydantic's words."""
    return PydanticCustomError(said.code, said.code, {"said": said})


def finding(
    path: tuple[str | int, ...],
    key: str,
    severity: Literal["error", "warning"] = "error",
    /,
    **values: object,
) -> Finding:
    """A broken rule the catalogue's template `key` says with `values`."""
    return Finding(path, message(key, **values), severity)
