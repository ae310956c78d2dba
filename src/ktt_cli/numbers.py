"""Numbers as Vietnamese and English sources write them: reading and writing.

`dot` style is `1,234.5`; `comma` style (Vietnamese) is `1.234,5`. A space,
no-break space or narrow no-break space may also group thousands in either
style. In `auto`, a cell is read only when every style that could have written
it gives the same number: `65,5`, `1.234.567` and `1.234,5` are clear; `8.400`
and `1,200` are not, and stop with an error that suggests the flag. A silent
guess would change every percentage downstream.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum

from ktt_cli.problems import shown


class NumberStyle(StrEnum):
    AUTO = "auto"
    DOT = "dot"
    COMMA = "comma"


class NumberError(ValueError):
    """A text that is not a number in the chosen style; `code` names the problem."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_SPACES = str.maketrans("", "", " \u00a0\u202f")
_ALLOWED = re.compile(r"[0-9.,\u00a0\u202f ]+")
_SPACE_GROUPED = re.compile(r"\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?")
# thousands separator, decimal mark -> the full pattern of a number in that style
_STYLE_PATTERNS = {
    NumberStyle.DOT: re.compile(r"([1-9]\d{0,2}(,\d{3})+|\d+)(\.\d+)?"),
    NumberStyle.COMMA: re.compile(r"([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?"),
}
_STYLE_EXAMPLE = {NumberStyle.DOT: "1,234.5", NumberStyle.COMMA: "1.234,5"}
_MINUS = ("-", "\u2212")
_THREE_DECIMALS = re.compile(r"[.,]\d{3}$")


def parse_number(text: str, style: NumberStyle = NumberStyle.AUTO, *, whole: bool = False) -> float:
    """Read `text` as a number written in `style`; raise NumberError when it is not one.

    With `whole` (counts of things and people), a decimal part is refused even when it
    is zero: `28.000` read in the wrong style would otherwise be 28, not 28000.
    """
    s = text.strip(" \t\u00a0\u202f")
    if not s:
        raise NumberError("empty_value", "the value is empty")
    negative = s.startswith(_MINUS)
    body = s[1:] if negative else s
    if not body or not _ALLOWED.fullmatch(body) or not body[0].isdigit():
        raise NumberError("not_a_number", f"{shown(s)} is not a number")
    if not body[-1].isdigit():
        raise NumberError("not_a_number", f"{shown(s)} is not a number")
    if _SPACE_GROUPED.fullmatch(body):
        body = body.translate(_SPACES)
    elif any(c in body for c in " \u00a0\u202f"):
        raise NumberError("not_a_number", f"{shown(s)} has spaces that do not group thousands")
    value, used = _read(body, s, style)
    if whole and used is not None:
        message = (
            f"{shown(s)} has a decimal part in {used.value} style ({_STYLE_EXAMPLE[used]}), "
            "but a count has none"
        )
        if _THREE_DECIMALS.search(body):
            other = NumberStyle.COMMA if used is NumberStyle.DOT else NumberStyle.DOT
            message += f"; if the mark separates thousands, use --number-format {other.value}"
        raise NumberError("not_whole", message)
    return -value if negative else value


def _read(body: str, text: str, style: NumberStyle) -> tuple[float, NumberStyle | None]:
    """The number, and the style whose decimal mark it has (None: no decimal part)."""
    if style is not NumberStyle.AUTO:
        return _read_in_style(body, text, style)
    readings = {
        candidate: reading
        for candidate in (NumberStyle.DOT, NumberStyle.COMMA)
        if (reading := _try_style(body, candidate)) is not None
    }
    if not readings:
        raise NumberError("not_a_number", f"{shown(text)} is not a number in either style")
    if len({value for value, _ in readings.values()}) > 1:
        dot, comma = readings[NumberStyle.DOT][0], readings[NumberStyle.COMMA][0]
        raise NumberError(
            "ambiguous_number",
            f"{shown(text)} reads as {plain_number(comma)} in Vietnamese style (1.234,5) and "
            f"as {plain_number(dot)} in English style (1,234.5); say which with "
            "--number-format comma or --number-format dot",
        )
    return next(iter(readings.values()))


def _read_in_style(body: str, text: str, style: NumberStyle) -> tuple[float, NumberStyle | None]:
    reading = _try_style(body, style)
    if reading is None:
        raise NumberError(
            "not_a_number",
            f"{shown(text)} is not a number in {style.value} style ({_STYLE_EXAMPLE[style]})",
        )
    return reading


def _try_style(body: str, style: NumberStyle) -> tuple[float, NumberStyle | None] | None:
    if not (m := _STYLE_PATTERNS[style].fullmatch(body)):
        return None
    thousands, decimal = (",", ".") if style is NumberStyle.DOT else (".", ",")
    value = float(body.replace(thousands, "").replace(decimal, "."))
    if math.isinf(value):
        raise NumberError("not_a_number", f"{shown(body)} is too large to be a figure")
    return value, (style if m[3] else None)


def compact_number(value: float) -> float | int:
    """A figure as JSON writes it best: 1200 rather than 1200.0; never rounded."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def plain_number(value: float) -> str:
    """A number in full, without separators: 1234568, 65.5 (messages, where `:g` would
    round 1234568 to 1.23457e+06)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def format_number(value: float, lang: str, decimals: int = 0, *, trim: bool = True) -> str:
    """Write `value` in the style of `lang`: vi `1.234,5`, en `1,234.5`.

    With `trim`, trailing zeros after the decimal mark are dropped (`65,5`, not `65,50`).
    """
    text = f"{value:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text
