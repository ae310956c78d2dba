"""The targets file of an action programme as Pydantic types (SPEC §2).

Every rule a targets file must obey lives here, so that a `TargetsFile` that
exists is a valid one. Rules about one field are field types. Rules that tie
fields together (ranges that depend on the unit, duplicate milestone years, a
milestone before the baseline) run on each indicator once its fields are valid,
and duplicate ids once every indicator is; each such check reports all its
findings at once, with the path of each offending value, in the context of one
error that the loader unfolds.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from ktt_cli.numbers import compact_number, plain_number
from ktt_cli.periods import ACCEPTED_FORMS, Period, PeriodError, parse_period, year_period


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


def natural_range(unit: Unit) -> tuple[float, float | None]:
    """The least and the greatest figure `unit` allows (None: no greatest)."""
    return (0.0, 100.0) if unit is Unit.PERCENT else (0.0, None)


# ---- rules for a figure of each unit, shared by targets and actuals ---------------


def figure_problem(unit: Unit, value: float) -> tuple[str, str] | None:
    """Why `value` cannot be a figure in `unit`, as (code, message), or None."""
    if unit is Unit.PERCENT:
        if not 0 <= value <= 100:
            return (
                "percent_out_of_range",
                f"a percentage lies between 0 and 100, got {plain_number(value)}",
            )
    elif value < 0:
        return (
            "negative_count",
            f"a {unit.value} figure cannot be negative, got {plain_number(value)}",
        )
    elif value != int(value):
        return (
            "not_whole",
            f"a {unit.value} figure is a whole number, got {plain_number(value)}",
        )
    return None


# ---- field types -----------------------------------------------------------------


Figure = Annotated[
    float,
    Field(strict=True, allow_inf_nan=False),
    PlainSerializer(compact_number, when_used="json"),
]
Year = Annotated[int, Field(strict=True, ge=1900, le=2199)]
Text = Annotated[str, Field(min_length=1)]
IndicatorId = Annotated[str, Field(pattern=r"^[a-z0-9_]+$", max_length=64)]
ProgrammeId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


def _to_period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("invalid_period", "a period is text such as 2022 or 2022-06")
    try:
        return parse_period(value)
    except PeriodError as e:
        raise PydanticCustomError("invalid_period", str(e)) from None


PeriodField = Annotated[
    Period,
    PlainValidator(_to_period),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "description": f"One of {ACCEPTED_FORMS}"}),
]


class _Strict(BaseModel):
    # defer_build: a schema is built when a model is first used, so that commands that
    # never validate a targets file do not pay for building every validator at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _text_from_plain_string(value: object) -> object:
    return {"vi": value} if isinstance(value, str) else value


class LocalText(_Strict):
    """A text in Vietnamese, and in English where the file gives it."""

    vi: Text
    en: Text | None = None

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi


class _PlainTextToo:
    """Says in the JSON Schema what the validator accepts: plain text (Vietnamese) too."""

    @staticmethod
    def __get_pydantic_json_schema__(
        core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(core_schema)]}


Localised = Annotated[LocalText, BeforeValidator(_text_from_plain_string), _PlainTextToo]

#: One broken rule: the path of the offending value, a problem code, a message.
Finding = tuple[tuple[str | int, ...], str, str]


def _raise_findings(findings: list[Finding]) -> None:
    """Report every finding at once; the loader places each one by its path."""
    if findings:
        raise PydanticCustomError(
            "cross_field",
            "{count} rule(s) broken",
            {"count": len(findings), "findings": findings},
        )


# ---- targets ---------------------------------------------------------------------


class Target(_Strict):
    year: Year
    comparator: Comparator = Comparator.AT_LEAST
    value: Figure | None = None
    tolerance: Annotated[float, Field(strict=True, gt=0, lt=1)] | None = None
    text: Text
    note: str | None = None

    @model_validator(mode="after")
    def _value_fits_comparator(self) -> Target:
        if self.comparator is Comparator.ALL:
            if self.value not in (None, 100):
                raise PydanticCustomError(
                    "all_value", "an 'all' target means 100%; leave 'value' out"
                )
        elif self.value is None:
            raise PydanticCustomError(
                "missing_value", "'value' is required unless the comparator is 'all'"
            )
        if self.tolerance is not None and self.comparator is not Comparator.ABOUT:
            raise PydanticCustomError(
                "tolerance_without_about", "'tolerance' belongs only to an 'about' target"
            )
        return self

    @property
    def level(self) -> float:
        """The value to reach: 100 for an `all` target."""
        return 100.0 if self.value is None else self.value

    @property
    def direction(self) -> int:
        return DIRECTION[self.comparator]

    @property
    def band(self) -> float:
        """The tolerance of an `about` target (SPEC §2), 0 for the others."""
        if self.comparator is not Comparator.ABOUT:
            return 0.0
        return DEFAULT_TOLERANCE if self.tolerance is None else self.tolerance


class Baseline(_Strict):
    period: PeriodField
    value: Figure
    source: str | None = None
    note: str | None = None


class Indicator(_Strict):
    id: IndicatorId
    name: Localised
    unit: Unit
    share_of: Localised | None = Field(
        default=None, description="Percent indicators: what 100% is, in words"
    )
    baseline: Baseline | None = None
    targets: Annotated[list[Target], Field(min_length=1)]

    @model_validator(mode="after")
    def _rules_of_the_unit(self) -> Indicator:
        _raise_findings(list(indicator_findings(self)))
        return self


class Qualitative(_Strict):
    """An aim with no number: listed in reports, never scored."""

    year: Year
    text: Text
    en: Text | None = None
    note: str | None = None

    def words(self, lang: str) -> str:
        """The aim in `lang`: the programme's own Vietnamese words unless English is given."""
        return self.en if lang == "en" and self.en else self.text


class Programme(_Strict):
    id: ProgrammeId
    name: Localised
    issuer: Text
    implements: Text
    territory: Text
    source: Text = Field(description="Where the figures of this file come from")
    note: str | None = None


class TargetsFile(_Strict):
    schema_version: Literal[1]
    programme: Programme
    indicators: Annotated[list[Indicator], Field(min_length=1)]
    qualitative: list[Qualitative] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> TargetsFile:
        _raise_findings(list(duplicate_id_findings(self.indicators)))
        return self

    def indicator(self, indicator_id: str) -> Indicator:
        return next(i for i in self.indicators if i.id == indicator_id)

    @property
    def milestones(self) -> list[int]:
        return sorted({t.year for i in self.indicators for t in i.targets})


def indicator_findings(indicator: Indicator) -> Iterator[Finding]:
    """The rules of SPEC §2 that tie an indicator's fields together; paths are relative."""
    percent = indicator.unit is Unit.PERCENT
    if percent and indicator.share_of is None:
        yield (
            ("share_of",),
            "missing_share_of",
            "a percent indicator says in 'share_of' what 100% is",
        )
    if not percent and indicator.share_of is not None:
        yield (
            ("share_of",),
            "share_of_not_percent",
            "'share_of' belongs only to a percent indicator",
        )
    baseline = indicator.baseline
    if baseline is not None and (problem := figure_problem(indicator.unit, baseline.value)):
        yield ("baseline", "value"), *problem
    years: set[int] = set()
    for j, target in enumerate(indicator.targets):
        if target.comparator is Comparator.ALL and not percent:
            yield (
                ("targets", j, "comparator"),
                "all_not_percent",
                ("an 'all' target applies only to a percent indicator"),
            )
        if target.value is not None and (problem := figure_problem(indicator.unit, target.value)):
            yield ("targets", j, "value"), *problem
        if target.year in years:
            yield (
                ("targets", j, "year"),
                "duplicate_year",
                (f"'{indicator.id}' has two targets for {target.year}"),
            )
        years.add(target.year)
        if baseline is not None and year_period(target.year).time < baseline.period.time:
            yield (
                ("targets", j, "year"),
                "milestone_before_baseline",
                (f"the milestone {target.year} comes before the baseline period {baseline.period}"),
            )


def duplicate_id_findings(indicators: list[Indicator]) -> Iterator[Finding]:
    first_index: dict[str, int] = {}
    for i, indicator in enumerate(indicators):
        if indicator.id in first_index:
            yield (
                ("indicators", i, "id"),
                "duplicate_id",
                (
                    f"the indicator id '{indicator.id}' is used already by indicator "
                    f"{first_index[indicator.id] + 1}"
                ),
            )
        first_index.setdefault(indicator.id, i)


def json_schema() -> dict[str, Any]:
    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ktt targets file"
    return schema
