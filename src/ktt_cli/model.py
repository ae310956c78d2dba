"""The targets file of an action programme as Pydantic types (SPEC §2).

Every rule a targets file must obey lives here, so that a `TargetsFile` that
exists is a valid one. Rules about one field are field types. Rules that tie
fields together (ranges that depend on the unit, duplicate milestone years, a
value that is not a figure of its text, duplicate ids) are `file_findings`, over
plain data: the loader runs them on the file as read even where fields fail, so
that one run reports every problem; a model whose fields are valid runs them on
itself, each finding with the path of the offending value.
"""

from __future__ import annotations

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

from ktt_cli.figures_text import compact_number
from ktt_cli.messages import message
from ktt_cli.periods import (
    ACCEPTED_FORMS,
    FIRST_YEAR,
    LAST_YEAR,
    Period,
)
from ktt_cli.programme_rules import file_findings
from ktt_cli.units import (
    COMPARATOR_WORDS,
    DEFAULT_TOLERANCE,
    DIRECTION,
    Comparator,
    Unit,
    _to_period,
    _year_from_text,
    comparator_of,
    told,
)

# ---- rules for a figure of each unit, shared by targets and actuals ---------------


# ---- field types -----------------------------------------------------------------


Figure = Annotated[
    float,
    Field(strict=True, allow_inf_nan=False),
    PlainSerializer(compact_number, when_used="json"),
]


def _to_comparator(value: object) -> Comparator:
    if (comparator := comparator_of(value)) is None:
        codes = ", ".join(c.value for c in Comparator)
        words = ", ".join(COMPARATOR_WORDS)
        raise told(message("invalid_value.comparator", codes=codes, words=words))
    return comparator


Year = Annotated[
    int,
    BeforeValidator(_year_from_text),
    Field(strict=True, ge=FIRST_YEAR, le=LAST_YEAR),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": "^[12][0-9]{3}$"},
            ]
        }
    ),
]
ComparatorField = Annotated[
    Comparator,
    PlainValidator(_to_comparator),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "examples": [*(c.value for c in Comparator), *COMPARATOR_WORDS],
            "description": (
                "A code (at_least, over, about, at_most, under, all), or its Vietnamese word "
                "(any case, diacritics optional)"
            ),
        }
    ),
]
Text = Annotated[str, Field(min_length=1)]
IndicatorId = Annotated[str, Field(pattern=r"^[a-z0-9_]+$", max_length=64)]
ProgrammeId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]


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


# ---- targets ---------------------------------------------------------------------


class Target(_Strict):
    year: Year
    comparator: ComparatorField = Comparator.AT_LEAST
    value: Figure | None = None
    tolerance: Annotated[float, Field(strict=True, gt=0, lt=1)] | None = None
    text: Text
    value_from_text: bool = Field(
        default=True,
        exclude_if=lambda checked: checked,  # shown only where a file turns the check off
        description=(
            "false: the value is a reading (its note says how), not a figure of the text, "
            "which is then not checked against it"
        ),
    )
    note: Localised | None = Field(
        default=None, description="How the text was read; plain text is Vietnamese"
    )
    scope: Literal["territory", "each_region"] = Field(
        default="territory",
        exclude_if=lambda scope: scope == "territory",  # shown only where a file sets it
        description=(
            "territory: the whole territory must reach the value; each_region: every region "
            "must (SPEC §8)"
        ),
    )
    by_region: dict[Text, Figure] | None = Field(
        default=None,
        description=(
            "The target shared out among regions, by region id or name: each region's own value, "
            "with the same comparator"
        ),
    )

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
    aliases: list[Text] = Field(default=[], description="Other names a data file may use")
    from_regions: Literal["sum"] | None = Field(
        default=None,
        description=(
            "sum: a period with no territory figure takes the sum of its regions' figures, "
            "where every region has one (counts and persons only)"
        ),
    )
    targets: Annotated[list[Target], Field(min_length=1)]
    group: Localised | None = Field(
        default=None,
        description="The programme's heading the indicator comes under (Tổ hợp tác, Hợp tác xã)",
    )


class Region(_Strict):
    """A unit of the territory: a commune or ward (a district in older programmes)."""

    id: Text | None = Field(
        default=None, description="The official code (GSO's administrative code), as text"
    )
    name: Text
    aliases: list[Text] = Field(default=[], description="Other names a data file may use")
    part_of: str | None = Field(
        default=None, description="A larger unit it belonged to (a former district), for grouping"
    )

    def names(self) -> list[str]:
        """Every way a data file may name the region: its id, its name, its aliases."""
        return [*([self.id] if self.id else []), self.name, *self.aliases]


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
    # The report document's header and signature (SPEC §5); dotted blanks where absent.
    superior: Text | None = Field(
        default=None, description="The body above the issuer, printed over it (Báo cáo header)"
    )
    issuer_code: Text | None = Field(
        default=None, description="The issuer's abbreviation in the number: Số: …/BC-UBND"
    )
    place: Text | None = Field(
        default=None, description="The place in the report's date line: Lào Cai, ngày …"
    )
    signer_title: Text | None = Field(
        default=None, description="The signer's title over the signature (TM. UBND, CHỦ TỊCH)"
    )
    signer: Text | None = Field(default=None, description="The signer's name")
    recipients: list[Text] = Field(
        default=[], description="Nơi nhận: the bodies the report is sent to"
    )


class TargetsFile(_Strict):
    schema_version: Literal[1]
    programme: Programme
    regions: list[Region] = Field(
        default=[], description="The territory's units (communes, wards); optional"
    )
    indicators: Annotated[list[Indicator], Field(min_length=1)]
    qualitative: list[Qualitative] = []

    @model_validator(mode="after")
    def _rules_across_fields(self) -> TargetsFile:
        errors = [f for f in file_findings(self.model_dump(mode="json")) if f.severity == "error"]
        if errors:
            raise PydanticCustomError(
                "cross_field", "{count} rule(s) broken", {"count": len(errors), "findings": errors}
            )
        return self

    def indicator(self, indicator_id: str) -> Indicator:
        return next(i for i in self.indicators if i.id == indicator_id)

    @property
    def milestones(self) -> list[int]:
        return sorted({t.year for i in self.indicators for t in i.targets})


# ---- rules across fields, over plain data --------------------------------------------


def json_schema() -> dict[str, Any]:
    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ktt targets file"
    return schema
