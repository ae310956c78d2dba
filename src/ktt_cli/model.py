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

import math
import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple

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

from ktt_cli.messages import Message, again, message
from ktt_cli.names import place_key, unmarked
from ktt_cli.numbers import compact_number, plain_number
from ktt_cli.periods import (
    ACCEPTED_FORMS,
    FIRST_YEAR,
    LAST_YEAR,
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


# ---- rules for a figure of each unit, shared by targets and actuals ---------------


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


# ---- field types -----------------------------------------------------------------


Figure = Annotated[
    float,
    Field(strict=True, allow_inf_nan=False),
    PlainSerializer(compact_number, when_used="json"),
]


def _year_from_text(value: object) -> object:
    """A year written in quotes ('2030') is still a year."""
    if isinstance(value, str) and re.fullmatch(r"[12]\d{3}", value.strip()):
        return int(value)
    return value


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


class Finding(NamedTuple):
    """One broken rule: the path of the offending value and a message of the catalogue."""

    path: tuple[str | int, ...]
    said: Message
    severity: Literal["error", "warning"] = "error"

    @property
    def code(self) -> str:
        return self.said.code


def finding(
    path: tuple[str | int, ...],
    key: str,
    severity: Literal["error", "warning"] = "error",
    /,
    **values: object,
) -> Finding:
    """A broken rule the catalogue's template `key` says with `values`."""
    return Finding(path, message(key, **values), severity)


def told(said: Message) -> PydanticCustomError:
    """A validator's error that keeps its message of the catalogue (in its context), so
    that the loader says it in the user's language, never in Pydantic's words."""
    return PydanticCustomError(said.code, said.code, {"said": said})


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

_UNIT_WORDS = r"nghìn|ngàn|triệu|tỷ|tỉ"
_MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_FIGURE = re.compile(
    rf"(?<![\d.,])(\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,(\d+))?(?!\d)(?:\s*({_UNIT_WORDS})(?!\w))?"
)


def text_figures(text: str) -> list[float]:
    """The figures of a text read in the Vietnamese style, unit words included:
    `1.200` 1200, `65,5%` 65.5, `02` 2, `2 triệu` 2000000, `5.935 nghìn` 5935000."""
    figures = []
    for m in _FIGURE.finditer(unicodedata.normalize("NFC", text).casefold()):
        whole, decimals, word = m.groups()
        value = float(whole.replace(".", "") + (f".{decimals}" if decimals else ""))
        figures.append(value * _MULTIPLIERS[word] if word else value)
    return figures


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _mapping(value: object) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _unit(value: object) -> Unit | None:
    return Unit(value) if value in {u.value for u in Unit} else None


def _year(value: object) -> int | None:
    year = _year_from_text(value)
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def _period_time(value: object) -> float | None:
    try:
        return _to_period(value).time
    except PydanticCustomError:
        return None


def file_findings(data: object) -> Iterator[Finding]:
    """Every rule of SPEC §2 that ties fields together, over a file's plain data.

    Values of the wrong type are passed over (their own field reports them), so this
    runs on a file whose fields fail too; paths are from the root.
    """
    indicators = _items(_mapping(data).get("indicators"))
    regions = _items(_mapping(data).get("regions"))
    yield from region_findings(regions)
    listed = region_keys(regions)
    for i, indicator in enumerate(indicators):
        for f in indicator_findings(_mapping(indicator)):
            yield f._replace(path=("indicators", i, *f.path))
        for j, target in enumerate(_items(_mapping(indicator).get("targets"))):
            for f in by_region_findings(
                _mapping(target), _unit(_mapping(indicator).get("unit")), listed
            ):
                yield f._replace(path=("indicators", i, "targets", j, *f.path))
    yield from duplicate_id_findings(indicators)


def region_keys(regions: list[Any]) -> dict[str, str]:
    """The normal form of each region's id and name -> the region's name."""
    keys: dict[str, str] = {}
    for region in regions:
        region = _mapping(region)
        name = region.get("name")
        if not isinstance(name, str):
            continue
        for given in (region.get("id"), name):
            if isinstance(given, str):
                keys.setdefault(place_key(given), name)
    return keys


def region_findings(regions: list[Any]) -> Iterator[Finding]:
    """Region ids, names and aliases that two regions share once written alike."""
    first: dict[str, tuple[int, str]] = {}  # place_key -> (region, as written)
    unmarked_first: dict[str, tuple[int, str]] = {}  # the same without marks
    for i, region in enumerate(regions):
        region = _mapping(region)
        named: list[tuple[tuple[str | int, ...], object]] = [
            (("id",), region.get("id")),
            (("name",), region.get("name")),
        ]
        named += [(("aliases", k), a) for k, a in enumerate(_items(region.get("aliases")))]
        for path, given in named:
            if not isinstance(given, str):
                continue
            # diacritics tell names apart (`Xã Mường Lai`, `Xã Mường Lại`), but a name
            # written without any can mean every name of the same letters (SPEC §8)
            key = place_key(given)
            bare = unmarked(key)
            # no mark written: it clashes with every name of its letters; else with the
            # same marks, or a name of its letters written without any
            clash = unmarked_first.get(bare) if key == bare else first.get(key) or first.get(bare)
            if clash is not None and clash[0] != i:
                index, other = clash
                code = "duplicate_region" if other == given else "duplicate_region.alike"
                yield finding(
                    ("regions", i, *path), code, given=given, index=index + 1, other=other
                )
            first.setdefault(key, (i, given))
            unmarked_first.setdefault(bare, (i, given))


def by_region_findings(
    target: dict[Any, Any], unit: Unit | None, listed: dict[str, str]
) -> Iterator[Finding]:
    """A target shared out among regions: listed regions, figures of the unit, a total that
    matches the territory's target for counts (a warning: shares need not add up)."""
    shares = target.get("by_region")
    if not isinstance(shares, dict):
        return
    if target.get("scope", "territory") == "each_region":
        yield finding(("by_region",), "by_region_each_region")
        return
    total = 0.0
    for key, value in shares.items():
        if not isinstance(key, str):
            continue
        if place_key(key) not in listed:
            if not listed:
                yield finding(("by_region", key), "unknown_region.no_list", name=key)
            else:
                close = closest_text(key, list(dict.fromkeys(listed.values())))
                yield finding(("by_region", key), "unknown_region.share", name=key, closest=close)
        number = _number(value)
        if number is None:
            continue
        total += number
        if unit is not None and (problem := figure_problem(unit, number)):
            yield Finding(("by_region", key), problem)
    value = _number(target.get("value"))
    if (
        unit in (Unit.COUNT, Unit.PERSONS)
        and value is not None
        and not math.isclose(total, value, rel_tol=1e-9, abs_tol=1e-9)
    ):
        yield finding(
            ("by_region",),
            "by_region_total",
            "warning",
            total=plain_number(total),
            value=plain_number(value),
        )


def closest_text(word: str, choices: list[str]) -> str:
    """The closest of `choices` to `word` in normal form, or ''."""
    import difflib

    keys = {normal_name(c): c for c in choices}
    close = difflib.get_close_matches(normal_name(word), list(keys), n=1, cutoff=0.6)
    return keys[close[0]] if close else ""


def indicator_findings(indicator: dict[Any, Any]) -> Iterator[Finding]:
    """The rules that tie an indicator's fields together; paths are relative to it."""
    unit = _unit(indicator.get("unit"))
    percent = unit is Unit.PERCENT
    if percent and indicator.get("share_of") is None:
        yield finding(("share_of",), "missing_share_of")
    if percent and indicator.get("from_regions") is not None:
        yield finding(("from_regions",), "from_regions_percent")
    if unit is not None and not percent and indicator.get("share_of") is not None:
        yield finding(("share_of",), "share_of_not_percent")
    baseline = _mapping(indicator.get("baseline"))
    base_value = _number(baseline.get("value"))
    if (
        unit is not None
        and base_value is not None
        and (problem := figure_problem(unit, base_value))
    ):
        yield Finding(("baseline", "value"), problem)
    base_time = _period_time(baseline.get("period")) if baseline else None
    years: set[tuple[object, int]] = set()
    for j, target in enumerate(_items(indicator.get("targets"))):
        target = _mapping(target)
        for f in target_findings(target, unit, base_value if base_time is not None else None):
            yield f._replace(path=("targets", j, *f.path))
        year = _year(target.get("year"))
        if year is None:
            continue
        scope = target.get("scope", "territory")
        if (scope, year) in years:
            key = "duplicate_year.each_region" if scope == "each_region" else "duplicate_year"
            yield finding(("targets", j, "year"), key, id=indicator.get("id"), year=year)
        years.add((scope, year))
        if base_time is not None and year < base_time:
            yield finding(
                ("targets", j, "year"),
                "milestone_before_baseline",
                year=year,
                period=baseline["period"],
            )


def target_findings(
    target: dict[Any, Any], unit: Unit | None, base_value: float | None
) -> Iterator[Finding]:
    """The rules of one target; `unit` and `base_value` are its indicator's (None: unknown)."""
    comparator = comparator_of(target.get("comparator", Comparator.AT_LEAST.value))
    value = _number(target.get("value"))
    if comparator is Comparator.ALL:
        if target.get("value") is not None and value != 100:
            yield finding(("value",), "all_value")
        if unit is not None and unit is not Unit.PERCENT:
            yield finding(("comparator",), "all_not_percent")
    elif comparator is not None and target.get("value") is None:
        yield finding((), "missing_value")
    if target.get("tolerance") is not None and comparator not in (None, Comparator.ABOUT):
        yield finding(("tolerance",), "tolerance_without_about")
    if value is None or unit is None or comparator is Comparator.ALL:
        return
    if problem := figure_problem(unit, value):
        yield Finding(("value",), problem)
        return
    yield from _value_and_text(target, value)
    if unit is Unit.PERCENT and value <= 1:
        yield finding(("value",), "percent_fraction.target", "warning", value=plain_number(value))
    # an each_region value is a threshold for every region, not a level for the territory:
    # the territory's baseline says nothing of it (SPEC §8)
    each_region = target.get("scope") == "each_region"
    if comparator is not None and base_value is not None and not each_region:
        d = DIRECTION[comparator]
        if d * (value - base_value) < 0:
            yield finding(
                ("value",),
                "target_behind_baseline.up" if d > 0 else "target_behind_baseline.down",
                "warning",
                value=plain_number(value),
                baseline=plain_number(base_value),
                comparator=comparator.value,
            )


def _value_and_text(target: dict[Any, Any], value: float) -> Iterator[Finding]:
    """A value must be one of the figures of its text, unless the file says it is not."""
    text = target.get("text")
    if target.get("value_from_text") is False or not isinstance(text, str):
        return
    figures = text_figures(text)
    if figures and not any(math.isclose(value, f, rel_tol=1e-9, abs_tol=1e-9) for f in figures):
        read = ", ".join(dict.fromkeys(plain_number(f) for f in figures))
        yield finding(
            ("value",), "text_mismatch", value=plain_number(value), text=text.strip(), read=read
        )


def duplicate_id_findings(indicators: list[Any]) -> Iterator[Finding]:
    """Ids that are the same once case, diacritics and separators are set aside."""
    first: dict[str, tuple[int, str]] = {}
    for i, indicator in enumerate(indicators):
        given = _mapping(indicator).get("id")
        if not isinstance(given, str):
            continue
        key = normal_name(given)
        if key in first:
            index, other = first[key]
            code = "duplicate_id" if other == given else "duplicate_id.alike"
            yield finding(("indicators", i, "id"), code, given=given, index=index + 1, other=other)
        first.setdefault(key, (i, given))


def json_schema() -> dict[str, Any]:
    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ktt targets file"
    return schema
