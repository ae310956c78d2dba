"""What a targets file's fields are told when Pydantic refuses them, in the catalogue's
words (never Pydantic's), and the numbers whose text says more than their value."""

from __future__ import annotations

import re

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode

from ktt_cli.figures_text import plain_number
from ktt_cli.messages import Message, message
from ktt_cli.model import (
    Baseline,
    Indicator,
    LocalText,
    Programme,
    Qualitative,
    Target,
    TargetsFile,
)
from ktt_cli.name_keys import closest_of
from ktt_cli.periods import FIRST_YEAR, LAST_YEAR
from ktt_cli.units import Finding, Unit, finding, normal_name


def _problems_of(error: ValidationError) -> list[tuple[Finding, bool]]:
    """Each Pydantic error as (finding, is-about-a-key), in the words of the catalogue.

    The rules across fields (`cross_field`) are left out: the loader runs them itself.
    """
    problems = []
    for e in error.errors():
        loc: Path = tuple(e["loc"])
        kind = e["type"]
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        if kind == "cross_field":
            continue
        if kind == "extra_forbidden":
            problems.append((_unknown_key(loc), True))
        elif kind == "missing":
            problems.append((finding(loc[:-1], "missing_key", name=name), False))
        else:
            problems.append((Finding(loc, _field_message(kind, name, loc, e)), False))
    return problems


#: What to write where a value of another kind stands, by Pydantic's error type.
_KIND_WANTED = ("float", "int", "bool", "string", "model", "dict", "list")


def _field_message(kind: str, name: str, loc: Path, e: ErrorDetails) -> Message:
    """The message of an error of one field, from the catalogue."""
    context = e.get("ctx") or {}
    if isinstance(context.get("said"), Message):  # a rule of ktt's own (model.told)
        said: Message = context["said"]
        return said.on(name) if name else said
    if kind == "invalid_key":
        return message("invalid_key.flow", key=str(loc[-1]))
    if kind == "string_pattern_mismatch":
        return _id_message(loc, e["input"])
    if name == "tolerance" and kind.startswith(("greater", "less")):
        return _tolerance_message(e["input"])
    if kind in ("literal_error", "enum"):
        # the choices as a list, without Pydantic's English 'or' before the last one
        expected = ", ".join(re.findall(r"'[^']*'", str(context.get("expected", ""))))
        return message("invalid_value.choice", name=name, expected=expected)
    if kind == "finite_number":
        return message("invalid_value.finite", name=name)
    if kind in ("too_short", "string_too_short"):
        return message("empty", name=name)
    if kind in ("too_long", "string_too_long"):
        return message("too_long", name=name, limit=context.get("max_length", ""))
    if name == "year" and kind.startswith(("greater", "less")):
        return message("out_of_range.year", first=FIRST_YEAR, last=LAST_YEAR)
    if kind.startswith(("greater", "less")):
        limit = next((context[k] for k in ("ge", "gt", "le", "lt") if k in context), "")
        bound = {
            "greater_than_equal": "at_least",
            "greater_than": "over",
            "less_than_equal": "at_most",
            "less_than": "under",
        }.get(kind, "at_least")
        return message(f"out_of_range.{bound}", name=name, limit=limit)
    if wanted := next((w for w in _KIND_WANTED if kind.startswith(w)), None):
        given = e["input"]
        if isinstance(given, str) and re.fullmatch(r"-?(0|[1-9]\d*)(\.\d+)?", given.strip()):
            return message("invalid_type.quoted", name=name, number=given.strip())
        return message(f"invalid_type.{'model' if wanted == 'dict' else wanted}", name=name)
    return message("invalid_value.other", name=name)


def _id_message(loc: Path, given: object) -> Message:
    if loc[:1] == ("programme",):
        fixed = re.sub(r"_+", "-", normal_name(str(given))).strip("-")
        key = "invalid_value.programme_id"
    else:
        fixed = normal_name(str(given))
        key = "invalid_value.indicator_id"
    return message(key, closest=fixed if fixed and fixed != given else "")


def _tolerance_message(given: object) -> Message:
    if isinstance(given, int | float) and 1 <= given < 100:
        return message(
            "out_of_range.tolerance_percent",
            percent=plain_number(given),
            fraction=plain_number(given / 100),
        )
    return message("out_of_range.tolerance")


#: The keys whose values are numbers, checked on their text.
_NUMBER_KEYS = frozenset({"value", "year", "tolerance", "period", "schema_version"})


_LEADING_ZERO = re.compile(r"([-+]?)0+(?=\d)")


_GROUPED = re.compile(r"[-+]?\d{1,3}([.,]\d{3})+")


def _number_text_problem(node: ScalarNode, unit: Unit | None, key: str) -> Message | None:
    text, plain_style = node.value.strip(), not node.style  # libyaml: '', PyYAML: None
    is_value = key == "value"
    if plain_style and ":" in text and node.tag != _TAG + "str":
        return message("base_60", text=text, read=_read_as(node))
    if plain_style and _LEADING_ZERO.match(text):
        octal = node.tag == _TAG + "int"
        if key == "year":
            way = "leading_zero.year_octal" if octal else "leading_zero.year"
            return message(way, text=text, read=_read_as(node))
        fixed = _LEADING_ZERO.sub(r"\1", text, count=1)
        if octal:
            return message("leading_zero.octal", text=text, read=_read_as(node), fixed=fixed)
        return message("leading_zero", text=text, fixed=fixed)
    if (
        is_value
        and _GROUPED.fullmatch(text)
        and (unit in (Unit.COUNT, Unit.PERSONS) or "," in text)
    ):
        digits = re.sub(r"[.,]", "", text)
        return message("thousands_separator", text=text, read=_read_as(node), digits=digits)
    if is_value and plain_style and re.fullmatch(r"[-+]?\d+,\d+", text):
        return message("decimal_comma", text=text, fixed=text.replace(",", "."))
    return None


def _read_as(node: ScalarNode) -> str:
    """What YAML makes of a number's text: the number, `text` or `not a number` (words the
    catalogue says in Vietnamese: messages.WORDS_VI)."""
    try:
        value = SafeConstructor().construct_object(node)
    except ConstructorError:
        return "not a number"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return plain_number(value)
    return "text"


def _unknown_key(loc: Path) -> Finding:
    key = str(loc[-1])
    if key in _KNOWN_KEYS:
        return finding(loc, "unknown_key.misplaced", key=key)
    return finding(loc, "unknown_key", key=key, closest=closest_of(key, _KNOWN_KEYS))


_TAG = "tag:yaml.org,2002:"


#: Every key a targets file may hold, for "did you mean" on an unknown one.
_KNOWN_KEYS = sorted(
    {
        key
        for model in (TargetsFile, Programme, Indicator, Target, Baseline, Qualitative, LocalText)
        for key in model.model_fields
    }
)


Path = tuple[str | int, ...]
