"""Numbers as Vietnamese and English sources write them: reading and writing.

`dot` style is `1,234.5`; `comma` style (Vietnamese) is `1.234,5`. A space, no-break
space, narrow no-break space or thin space may also group thousands in either style.

A file's style is decided per file (SPEC §3 "Figures") from the pieces here:
`classify` reads a cell in both styles; a cell only one style reads (`65,5`,
`1.234,5`, `8.400.000`) is *deciding*; `resolve` takes the reading of the file's
style, or, in a file with no deciding cell, the one reading the unit allows (a
count has no decimal part, a percentage is at most 100). Where nothing decides,
the cell is refused: a silent guess would change every percentage downstream.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from ktt_cli.problems import shown


class NumberStyle(StrEnum):
    AUTO = "auto"
    DOT = "dot"
    COMMA = "comma"


class NumberError(ValueError):
    """A text that is not a number in the chosen style; `code` names the problem."""

    def __init__(self, key: str, /, **values: object) -> None:
        """`key` is the message's template in messages.MESSAGES: its code, or `code.way`."""
        from ktt_cli.messages import said

        self.message, self.args_ = said(key, values)
        super().__init__(self.message)
        self.code = key.partition(".")[0]


#: What statistics offices write for "no figure": nothing to report, not available,
#: withheld (none of them a zero), and an empty cell.
NO_FIGURE = frozenset({"", "-", "–", "—", "..", "...", "…", "x", "X"})


def is_no_figure(text: str) -> bool:
    return text.strip() in NO_FIGURE


class Reading(NamedTuple):
    """A cell read in both styles: None where a style cannot read it (never both)."""

    text: str  # the cell as written, for messages
    dot: float | None
    comma: float | None

    @property
    def deciding(self) -> NumberStyle | None:
        """The style of a cell only that style reads; None when both read it."""
        if self.dot is None:
            return NumberStyle.COMMA
        if self.comma is None:
            return NumberStyle.DOT
        return None

    @property
    def ambiguous(self) -> bool:
        """Both styles read the cell, as different numbers (`8.400`, `1,200`)."""
        return self.dot is not None and self.comma is not None and self.dot != self.comma


_BLANKS = " \t\u00a0\u202f\u2009"
_NO_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
_ALLOWED = re.compile(r"[0-9.,\u00a0\u202f\u2009 ]+")
_SPACE_GROUPED = re.compile(r"\d{1,3}([ \u00a0\u202f\u2009]\d{3})+([.,]\d+)?")
_SCIENTIFIC = re.compile(r"[-\u2212]?\d+([.,]\d+)?[eE][-+]?\d+")
# the full pattern of a number in each style, and its (thousands, decimal) marks
_STYLE_PATTERNS = {
    NumberStyle.DOT: re.compile(r"([1-9]\d{0,2}(,\d{3})+|\d+)(\.\d+)?"),
    NumberStyle.COMMA: re.compile(r"([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?"),
}
_MARKS = {NumberStyle.DOT: (",", "."), NumberStyle.COMMA: (".", ",")}
_STYLE_EXAMPLE = {NumberStyle.DOT: "1,234.5", NumberStyle.COMMA: "1.234,5"}
_MINUS = ("-", "\u2212")
_THREE_DECIMALS = re.compile(r"[.,]\d{3}$")
#: Any decimal of this many significant digits survives a float unchanged.
_SAFE_DIGITS = 15


def classify(text: str, *, written: str | None = None) -> Reading:
    """`text` read in each style; raise NumberError when no style reads it.

    `written` is the cell as the file holds it (with a qualifier or a % sign the
    caller took off), so that messages show what the user will find.
    """
    cell = text if written is None else written
    s = text.strip(_BLANKS)
    if not s:
        raise NumberError("empty_value")
    if _SCIENTIFIC.fullmatch(s):
        raise NumberError("scientific_notation", cell=shown(cell))
    negative = s.startswith(_MINUS)
    body = s[1:] if negative else s
    if not body or not _ALLOWED.fullmatch(body) or not body[0].isdigit() or not body[-1].isdigit():
        raise NumberError("not_a_number.text", cell=shown(cell))
    if _SPACE_GROUPED.fullmatch(body):
        body = body.translate(_NO_SPACES)
    elif any(c in body for c in _BLANKS):
        raise NumberError("not_a_number.spaces", cell=shown(cell))
    dot, comma = (_read_in_style(body, style, cell) for style in _MARKS)
    if dot is None and comma is None:
        raise NumberError("not_a_number.either", cell=shown(cell))
    if negative:
        dot, comma = (None if v is None else -v for v in (dot, comma))
    return Reading(cell, dot, comma)


def _read_in_style(body: str, style: NumberStyle, cell: str) -> float | None:
    if not _STYLE_PATTERNS[style].fullmatch(body):
        return None
    thousands, decimal = _MARKS[style]
    plain = body.replace(thousands, "").replace(decimal, ".")
    value = float(plain)
    if math.isinf(value):
        raise NumberError("not_a_number.large", cell=shown(cell))
    digits = plain.replace(".", "").lstrip("0")
    if len(digits) > _SAFE_DIGITS and Decimal(plain) != Decimal(repr(value)):
        raise NumberError("too_many_digits", cell=shown(cell), digits=_SAFE_DIGITS)
    return value


def resolve(
    reading: Reading, style: NumberStyle | None, *, whole: bool = False, percent: bool = False
) -> float:
    """The figure of a cell in the file's `style` (None or AUTO: the file has no deciding
    cell, and the unit decides an ambiguous cell where only one reading fits it).

    With `whole` (counts of things and people), a decimal part is refused even when it
    is zero: `28.000` read in the wrong style would otherwise be 28, not 28000.
    """
    if style is None or style is NumberStyle.AUTO:
        dot, comma = reading.dot, reading.comma
        if dot is not None and comma is not None and dot != comma:
            style = _by_unit(reading.text, dot, comma, whole=whole, percent=percent)
        else:
            style = reading.deciding or NumberStyle.DOT  # both read it alike
    value = reading.dot if style is NumberStyle.DOT else reading.comma
    if value is None:
        raise NumberError(
            "not_a_number.style",
            cell=shown(reading.text),
            style=style.value,
            example=_STYLE_EXAMPLE[style],
        )
    if whole and _MARKS[style][1] in reading.text:
        about = {
            "cell": shown(reading.text),
            "style": style.value,
            "example": _STYLE_EXAMPLE[style],
        }
        if _THREE_DECIMALS.search(reading.text.strip(_BLANKS)):
            other = NumberStyle.COMMA if style is NumberStyle.DOT else NumberStyle.DOT
            raise NumberError("not_whole.thousands", other=other.value, **about)
        raise NumberError("not_whole", **about)
    return value


def _by_unit(text: str, dot: float, comma: float, *, whole: bool, percent: bool) -> NumberStyle:
    """The one style whose reading of an ambiguous cell fits the unit, or an error naming
    both readings."""
    fitting = [
        style
        for style, value in ((NumberStyle.DOT, dot), (NumberStyle.COMMA, comma))
        if (whole or percent)
        and not (whole and _MARKS[style][1] in text)
        and not (percent and abs(value) > 100)
    ]
    if len(fitting) == 1:
        return fitting[0]
    raise NumberError(
        "ambiguous_number", cell=shown(text), comma=plain_number(comma), dot=plain_number(dot)
    )


#: Digits, and at most one decimal mark with digits after it: a figure as most files write
#: it (`17`, `23.45`, `65,5`, `23.456`).
_PLAIN_FIGURE = re.compile(r"[0-9]{1,15}(?:([.,])[0-9]{1,12})?")


def plain_figure(text: str, style: NumberStyle | None, *, percent: bool) -> float | None:
    """The figure of a value cell written plainly, in a file whose `style` is known (None:
    not yet), where reading it cannot fail nor decide anything; None for every other cell,
    which takes the full reading (`classify`, `resolve`, the unit's rules).

    Digits alone read alike in both styles (`17`). Digits after a mark are read here only
    in a file whose style makes that mark the decimal one (`23.45` and `23.456` in a dot
    file, `65,5` in a comma file; `8.400` in a comma file is thousands, and left to the
    full reading), and only for a percentage, since a count has no decimal part. A
    percentage over 100 is left to the full reading, which refuses it, so a figure read
    here has at most 15 digits and no sign: a float exactly as the full reading gives it.
    """
    m = _PLAIN_FIGURE.fullmatch(text)
    if m is None:
        return None
    mark = m[1]
    if mark is None:
        value = float(text)
    elif percent and style in _MARKS and mark == _MARKS[style][1]:
        value = float(text if mark == "." else text.replace(",", "."))
    else:
        return None
    return None if percent and value > 100 else value


def parse_number(
    text: str,
    style: NumberStyle = NumberStyle.AUTO,
    *,
    whole: bool = False,
    percent: bool = False,
    written: str | None = None,
) -> float:
    """Read one cell on its own: `classify`, then `resolve` in `style` (AUTO: no style
    known for its file)."""
    return resolve(classify(text, written=written), style, whole=whole, percent=percent)


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
