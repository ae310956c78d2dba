"""A message of the catalogue said in a language, with figures and periods written as
that language writes them: `5.300`, `65,5`, `6/2025` in Vietnamese.

The catalogue (`messages.py`) is a leaf that the readers of numbers and periods import
to make their problems; the writing of numbers and periods is theirs. This module joins
the two, so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping

from ktt_cli.figures_text import format_number
from ktt_cli.messages import Args, Message, Writers
from ktt_cli.messages import render as render_with
from ktt_cli.periods import PeriodError, display, parse_period


def _number(text: str) -> str:
    try:
        value = float(text)
    except ValueError:
        return text
    decimals = 0 if value.is_integer() else len(text.partition(".")[2])
    return format_number(value, "vi", decimals)


def _period(text: str) -> str:
    try:
        return display(parse_period(text), "vi")
    except PeriodError:
        return text


#: Vietnamese writes numbers and periods its own way; English keeps them as given.
VIETNAMESE: Writers = {"num": _number, "period": _period}


def render(code: str, args: Args, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The message of `code` in `lang` (messages.render), numbers and periods written as
    `lang` writes them."""
    return render_with(code, args, lang, names, VIETNAMESE if lang == "vi" else None)


def say(said: Message, lang: str, names: Mapping[str, str] | None = None) -> str:
    """A message of the catalogue in `lang`, numbers and periods written as `lang` writes
    them."""
    return said.text(lang, names, VIETNAMESE if lang == "vi" else None)
