"""A result's cells in words of a language: what the table and Markdown both show."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ktt_cli import i18n
from ktt_cli.compare import StatusChange
from ktt_cli.figures_text import format_number
from ktt_cli.periods import Period, display
from ktt_cli.results import Report, Result

NONE = "—"


def name(result: Result, lang: str) -> str:
    """The indicator's name; an `each_region` target's row says it counts regions."""
    if result.target_scope == "each_region" and result.region is None:
        return f"{result.name.pick(lang)} ({i18n.label(lang, 'each_region')})"
    return result.name.pick(lang)


def share_of(result: Result, lang: str) -> str | None:
    """`% of …` for a percent indicator."""
    if result.share_of is None:
        return None
    return i18n.label(lang, "share_of", what=result.share_of.pick(lang))


def target(result: Result, lang: str) -> str:
    if result.target is None:
        return NONE
    if result.target_scope == "each_region" and result.region is None:
        return i18n.label(lang, "regions_count", n=format_number(result.target, lang, 0))
    return i18n.target(result.comparator, result.target, result.unit, lang)


def actual(result: Result, lang: str) -> str:
    """The figure used, with the bound it was given as; NONE without one."""
    if result.actual is None:
        return NONE
    return i18n.actual(result.actual, result.actual_qualifier, result.unit, lang)


def gap(result: Result, lang: str) -> str:
    """What is left to reach the target, or by how much it is passed: `vượt 200`."""
    value = result.assessment.gap
    if value is None:
        return NONE
    if value < 0:
        return i18n.label(lang, "passed", gap=i18n.gap(-value, result.unit, lang))
    return i18n.gap(value, result.unit, lang)


@functools.lru_cache(maxsize=4096)
def period(period: Period | None, lang: str) -> str:
    """A period of the report as the language writes it (`6/2025`, `Quý II/2025`); NONE
    without one. Remembered: a breakdown repeats a few periods over thousands of regions."""
    if period is None:
        return NONE
    return display(period, lang)


def achieved(result: Result, lang: str) -> str:
    """Percent achieved; for a region against an `each_region` threshold, met or not."""
    if against_threshold(result):
        met = result.assessment.met
        return NONE if met is None else i18n.label(lang, "met" if met else "not_met")
    value = result.assessment.percent_achieved
    return NONE if value is None else i18n.percent(value, lang)


def against_threshold(result: Result) -> bool:
    """A region's row of an `each_region` target: its figure against the threshold."""
    return result.target_scope == "each_region" and result.region is not None


def status(result: Result, lang: str) -> str:
    return i18n.STATUS[lang][result.status]


def reason(result: Result, lang: str) -> str | None:
    """Why a result is `insufficient_data`, in words (`số liệu chưa đủ 1 năm`); None where
    no word is owed."""
    code = result.assessment.status_reason
    return i18n.STATUS_REASON[lang][code] if code else None


def status_why(result: Result, lang: str) -> str:
    """The status, with why where a word is owed: `chưa đủ số liệu (số liệu chưa đủ 1
    năm)`."""
    why = reason(result, lang)
    return f"{status(result, lang)} ({why})" if why else status(result, lang)


def note(result: Result, lang: str) -> str:
    """The note of the figure used, as listed under a table: the indicator by its name."""
    return f"{name(result, lang)} {period(result.actual_at, lang)}: {result.actual_note}"


def change(report: Report, result: Result, lang: str) -> str:
    """What moved since the earlier period: `▲ 57`, `▼ 2,5 điểm %`, `=`; NONE without a
    figure then."""
    found = report.change_of(result)
    if found is None or found[1].actual is None:
        return NONE
    moved = found[1].actual
    if moved == 0:
        return "="
    arrow = "▲" if moved > 0 else "▼"
    return f"{arrow} {i18n.gap(abs(moved), result.unit, lang)}"


def status_change(report: Report, result: Result) -> StatusChange | None:
    found = report.change_of(result)
    return None if found is None else found[1].status_change


def share_of_territory(result: Result, lang: str) -> str:
    value = result.share_of_territory
    return NONE if value is None else i18n.percent(value, lang)


def groups(rows: Iterable[Result]) -> dict[tuple[str, int, str], list[Result]]:
    """Rows of the breakdown by (indicator, milestone, scope), in the order they come."""
    found: dict[tuple[str, int, str], list[Result]] = {}
    for row in rows:
        found.setdefault((row.indicator, row.milestone, row.target_scope), []).append(row)
    return found


def group_title(first: Result, lang: str) -> str:
    """The heading of a group of the breakdown: the indicator, the milestone, the scope."""
    each = f" ({i18n.label(lang, 'each_region')})" if first.target_scope == "each_region" else ""
    milestone = i18n.label(lang, "milestone", year=first.milestone)
    return f"{first.name.pick(lang)}{each}: {milestone}"
