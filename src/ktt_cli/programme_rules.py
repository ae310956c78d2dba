"""The rules of SPEC §2 that tie a targets file's fields together, over its plain data:
ranges that depend on the unit, duplicate milestones and ids, a value that is not a
figure of its text, regions and their shares."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pydantic_core import PydanticCustomError

from ktt_cli.figures_text import plain_number
from ktt_cli.name_keys import place_key, unmarked
from ktt_cli.units import (
    DIRECTION,
    Comparator,
    Finding,
    Unit,
    _to_period,
    _year_from_text,
    comparator_of,
    figure_problem,
    finding,
    normal_name,
)

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
