"""Reports, programmes and problems as JSON for scripts: stable keys, nulls not omitted."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ktt_cli.compare import Change, Previous
from ktt_cli.figures_text import compact_number
from ktt_cli.localise import say
from ktt_cli.messages import message
from ktt_cli.model import TargetsFile
from ktt_cli.problems import Problem
from ktt_cli.results import SCHEMA_VERSION, Report, Result
from ktt_cli.summary import summary


def number(value: float | None) -> float | int | None:
    return None if value is None else compact_number(value)


#: The keys of a result, in order (binding: more may be added, none removed or renamed).
RESULT_FIELDS = (
    "indicator", "name", "unit", "share_of", "milestone", "comparator", "target", "target_text",
    "target_note", "actual", "actual_period", "actual_qualifier", "actual_source", "actual_note",
    "baseline", "baseline_period", "gap", "percent_achieved", "progress_from_baseline", "met",
    "status", "status_reason", "growth_ratio", "growth_method", "projected",
    "required_annual_growth", "projected_bounded", "target_scope", "regions_met",
    "regions_total", "regions_not_met",
)  # fmt: skip
#: The keys of a row of the breakdown by region (SPEC §8): a result's and the region's.
BREAKDOWN_FIELDS = (*RESULT_FIELDS, "region", "region_id", "share_of_territory")


Head = dict[str, Any]


def result_head(result: Result, lang: str) -> Head:
    """The keys of a result that follow from its indicator, milestone and comparator
    alone: the same for every region's row of the breakdown."""
    return {
        "indicator": result.indicator,
        "name": result.name.pick(lang),
        "unit": result.unit.value,
        "share_of": result.share_of.pick(lang) if result.share_of else None,
        "milestone": result.milestone,
        "comparator": result.comparator.value,
    }


def result_dict(result: Result, lang: str, head: Head | None = None) -> dict[str, Any]:
    return {
        **(head or result_head(result, lang)),
        "target": number(result.target),
        **_target_texts(result, lang),
        **_figures(result),
        **_assessment(result),
        **_scope(result),
    }


def _target_texts(result: Result, lang: str) -> dict[str, Any]:
    note = result.target_note.pick(lang) if result.target_note else None
    return {"target_text": result.target_text, "target_note": note}


def _figures(result: Result) -> dict[str, Any]:
    return {
        "actual": number(result.actual),
        "actual_period": result.actual_period,
        "actual_qualifier": result.actual_qualifier,
        "actual_source": result.actual_source,
        "actual_note": result.actual_note,
        "baseline": number(result.baseline),
        "baseline_period": result.baseline_period,
    }


def _assessment(result: Result) -> dict[str, Any]:
    a = result.assessment
    return {
        "gap": number(a.gap),
        "percent_achieved": number(a.percent_achieved),
        "progress_from_baseline": number(a.progress_from_baseline),
        "met": a.met,
        "status": a.status.value,
        "status_reason": a.status_reason,
        "growth_ratio": number(a.growth_ratio),
        "growth_method": a.growth_method,
        "projected": number(a.projected),
        "required_annual_growth": number(a.required_annual_growth),
        "projected_bounded": a.projected_bounded,
    }


def _scope(result: Result) -> dict[str, Any]:
    return {
        "target_scope": result.target_scope,
        "regions_met": result.regions_met,
        "regions_total": result.regions_total,
        "regions_not_met": (
            None if result.regions_not_met is None else list(result.regions_not_met)
        ),
    }


def breakdown_dict(result: Result, lang: str, head: Head | None = None) -> dict[str, Any]:
    """A row of the breakdown: a result's fields and the region's."""
    row = result_dict(result, lang, head)
    row["region"] = result.region
    row["region_id"] = result.region_id
    row["share_of_territory"] = number(result.share_of_territory)
    return row


def change_dict(previous: Previous | None, change: Change) -> dict[str, Any]:
    """`previous` and `change` of a result compared with an earlier period (SPEC §10)."""
    return {
        "previous": None
        if previous is None
        else {
            "as_of": previous.as_of,
            "actual": number(previous.actual),
            "actual_period": previous.actual_period,
            "percent_achieved": number(previous.percent_achieved),
            "status": previous.status.value,
        },
        "change": {
            "actual": number(change.actual),
            "percent_achieved": number(change.percent_achieved),
            "status_change": change.status_change.value,
        },
    }


def rows_dicts(
    report: Report,
    results: Sequence[Result],
    lang: str,
    as_dict: Callable[[Result, str, Head | None], dict[str, Any]] = result_dict,
) -> list[dict[str, Any]]:
    """Results (or breakdown rows) as JSON data, with what each was at the earlier period
    if compared."""
    rows = []
    heads: dict[tuple[str, int, str], Head] = {}
    for result in results:
        key = (result.indicator, result.milestone, result.comparator)
        head = heads.get(key)
        if head is None:
            head = heads[key] = result_head(result, lang)
        row = as_dict(result, lang, head)
        if (found := report.change_of(result)) is not None:
            row.update(change_dict(*found))
        rows.append(row)
    return rows


_encode_text = json.encoder.encode_basestring  # what _compact writes a str with


def _value(value: object) -> str:
    """One value as `_compact` writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is str:
        return _encode_text(value)
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    return _compact(value)  # anything else, and a NaN refused, as there


def _pairs(row: dict[str, Any]) -> str:
    """`"key": value, ...`: an object's text without its braces."""
    return _compact(row)[1:-1]


def breakdown_lines(report: Report, lang: str) -> Iterator[str]:
    """The breakdown's rows as `_compact` writes `breakdown_dict` (and any change), from
    pieces: a province's hundreds of regions repeat their indicator's keys, target's
    texts and, often, their assessment (no target of their own), which are written once
    each; the region's figures are written for each row. A test holds that every line is
    the one the json module writes."""
    heads: dict[tuple[str, int, str], str] = {}
    texts: dict[tuple[str, object], str] = {}
    assessments: dict[object, str] = {}
    scopes: dict[tuple[object, ...], str] = {}
    for r in report.breakdown:
        key = (r.indicator, r.milestone, r.comparator)
        if (head := heads.get(key)) is None:
            head = heads[key] = _pairs(result_head(r, lang))
        if (text := texts.get(text_key := (r.target_text, r.target_note))) is None:
            text = texts[text_key] = _pairs(_target_texts(r, lang))
        if (assessed := assessments.get(r.assessment)) is None:
            assessed = assessments[r.assessment] = _pairs(_assessment(r))
        scope_key = (r.target_scope, r.regions_met, r.regions_total, r.regions_not_met)
        if (scope := scopes.get(scope_key)) is None:
            scope = scopes[scope_key] = _pairs(_scope(r))
        line = (
            f'{{{head}, "target": {_value(number(r.target))}, {text}, '
            f'"actual": {_value(number(r.actual))}, '
            f'"actual_period": {_value(r.actual_period)}, '
            f'"actual_qualifier": {_value(r.actual_qualifier)}, '
            f'"actual_source": {_value(r.actual_source)}, '
            f'"actual_note": {_value(r.actual_note)}, '
            f'"baseline": {_value(number(r.baseline))}, '
            f'"baseline_period": {_value(r.baseline_period)}, {assessed}, {scope}, '
            f'"region": {_value(r.region)}, "region_id": {_value(r.region_id)}, '
            f'"share_of_territory": {_value(number(r.share_of_territory))}'
        )
        if (found := report.change_of(r)) is not None:
            line += ", " + _pairs(change_dict(*found))
        yield line + "}"


def report_dict(report: Report, lang: str) -> dict[str, Any]:
    """The report as JSON data; names follow `lang`, keys and codes never do."""
    return _document(report, lang, rows_dicts(report, report.breakdown, lang, breakdown_dict))


def _document(report: Report, lang: str, breakdown: object) -> dict[str, Any]:
    document = {
        "schema_version": SCHEMA_VERSION,
        "ktt_version": report.ktt_version,
        "programme": {"id": report.programme_id, "name": report.programme_name.pick(lang)},
        "targets_file": report.targets_file,
        "actuals_files": list(report.actuals_files),
        "as_of": str(report.as_of) if report.as_of else None,
        "results": rows_dicts(report, report.results, lang),
        "qualitative": [
            {"year": q.year, "text": q.text, "en": q.en, "note": q.note} for q in report.qualitative
        ],
        "warnings": problems_dicts(report.warnings, report.unlisted_warnings, lang),
        "summary": summary(report, lang),
    }
    if report.by_region:
        document["breakdown"] = breakdown
    if report.compared_with is not None:
        document["compared_with"] = report.compared_with.text
    return document


#: Where the breakdown goes in the document, and its mark in the document's text: a raw
#: NUL, which JSON text never holds (the json module writes it in a string as \u0000).
_BREAKDOWN = object()
_MARK = "\x00"


def dumps(data: object) -> str:
    """JSON for people and programs: indented, except that each item of a list of
    objects (a result, a row of the breakdown, a problem) is one line.

    An item on one line is written by the json module's C encoder: a breakdown of
    thousands of rows indented in full goes through its pure-Python encoder, which
    costs as much as reading a large file. allow_nan=False: a NaN reaching the
    output is a bug, never a silent "NaN" token.
    """
    return _dumps(data, "") + "\n"


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def _dumps(data: object, indent: str) -> str:
    inner = indent + "  "
    if data is _BREAKDOWN:
        return _MARK
    if isinstance(data, dict) and data:
        items = (f"{inner}{_compact(str(k))}: {_dumps(v, inner)}" for k, v in data.items())
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(data, list) and data:
        if all(isinstance(item, dict) for item in data):
            lines = (f"{inner}{_compact(item)}" for item in data)
        else:
            lines = (f"{inner}{_dumps(item, inner)}" for item in data)
        return "[\n" + ",\n".join(lines) + f"\n{indent}]"
    return _compact(data)


def report_json(report: Report, lang: str) -> str:
    return "".join(report_json_parts(report, lang))


_ROWS_A_PART = 500


def report_json_parts(report: Report, lang: str) -> Iterator[str]:
    """`report_json` in parts: the document around the breakdown, then the breakdown's
    lines as they are made, some hundreds a part. A breakdown of thousands of regions
    held whole as one text would be most of the run's memory."""
    if not report.by_region:
        yield dumps(_document(report, lang, None))
        return
    before, after = dumps(_document(report, lang, _BREAKDOWN)).split(_MARK)
    yield before
    lines = breakdown_lines(report, lang)
    first = next(lines, None)
    if first is None:
        yield "[]"
    else:
        part = ["[\n    ", first]
        for line in lines:
            part += (",\n    ", line)
            if len(part) >= 2 * _ROWS_A_PART:
                yield "".join(part)
                part = []
        yield "".join(part) + "\n  ]"
    yield after


def targets_json(targets: TargetsFile) -> str:
    return dumps(targets.model_dump(mode="json", exclude_none=True))


def problems_dicts(
    problems: Sequence[Problem], unlisted: int = 0, lang: str = "en"
) -> list[dict[str, Any]]:
    """Problems as JSON objects; the ones counted but not kept as one last object."""
    listed = [p.as_dict() for p in problems]
    if unlisted:
        said = message("more_problems", count=unlisted)
        more = {"code": said.code, "message": say(said, lang), "args": dict(said.args)}
        listed.append(dict.fromkeys(Problem._fields) | more)
    return listed


def problems_json(problems: Sequence[Problem], unlisted: int = 0, lang: str = "en") -> str:
    return dumps(problems_dicts(problems, unlisted, lang))
