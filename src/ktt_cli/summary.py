"""The summary in words (SPEC §5): the report's figures in, an analyst's sentences out.

Pure: reads a Report and writes sentences in `vi` or `en`, the way a province's
analyst opens a monthly report ("Đến hết tháng 11/2026, toàn tỉnh có 1.478 hợp tác
xã, đạt 73,9% mục tiêu đến năm 2030 …"). One sentence per indicator that has a
figure (its nearest milestone in the report), then what has no figure yet, then,
with `--by region`, the regions furthest behind by name. Every figure in a sentence
is a figure of the report, written as the tables write it; a sentence never says
more than the status does: the pace is spoken of only where a status measured it.
"""

from __future__ import annotations

from typing import NamedTuple

from ktt_cli import i18n
from ktt_cli.progress import Status
from ktt_cli.results import Report, Result
from ktt_cli.summary_words import (
    _BOUND,
    _PACE,
    _gap,
    _lower,
    _name,
    _noun,
    _phrase,
    _rounded,
    _target,
    _what,
    _where,
    _with_noun,
    as_of_words,
    when,
)
from ktt_cli.units import DIRECTION

#: Regions named as furthest behind, per indicator.
BEHIND = 3
#: Regions named as not meeting an `each_region` target before "and N more".
NOT_MET_NAMED = 5

#: Statuses whose words speak of the pace: only these carry the projection.
PACED = (
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
)


class Sentence(NamedTuple):
    """A sentence of the summary and the indicator it speaks of (None: of several)."""

    indicator: str | None
    text: str
    #: "territory", "each_region" (the target of every region) or "regions" (those behind)
    scope: str = "territory"


def summary(report: Report, lang: str) -> list[str]:
    """The summary's sentences in `lang` (JSON's `summary`)."""
    return [s.text for s in sentences(report, lang)]


def sentences(report: Report, lang: str) -> list[Sentence]:
    """Per indicator with a figure, then what has none yet, then the regions behind."""
    found: list[Sentence] = []
    missing: list[str] = []
    for result in _first_per_indicator(report):
        if result.actual is None:
            missing.append(_name(result, lang))
        elif result.target_scope == "each_region":
            text = _each_region(report, result, lang)
            found.append(Sentence(result.indicator, text, "each_region"))
        else:
            found.append(Sentence(result.indicator, _indicator(report, result, lang)))
    if missing:
        found.append(Sentence(None, _phrase(lang, "no_figure", names="; ".join(missing))))
    if report.by_region:
        found += _behind(report, lang)
    return found


# ---- the sentences ------------------------------------------------------------------


def _first_per_indicator(report: Report) -> list[Result]:
    """Each indicator's result at its nearest milestone in the report (file order),
    the `each_region` target of an indicator apart."""
    chosen: dict[tuple[str, str], Result] = {}
    for result in report.results:
        key = (result.indicator, result.target_scope)
        if key not in chosen or result.milestone < chosen[key].milestone:
            chosen[key] = result
    return list(chosen.values())


def _indicator(report: Report, result: Result, lang: str) -> str:
    assessment, unit = result.assessment, result.unit
    opening = as_of_words(result.actual_at or report.as_of, lang)
    figure = i18n.figure(result.actual or 0.0, unit, lang)
    bound = _BOUND[lang].get(result.actual_qualifier or "")
    if bound:
        figure = f"{bound} {figure}"
    noun = _noun(result, lang)
    if noun is not None:
        said = _phrase(lang, "has", where=_where(report, lang), figure=figure, noun=noun)
    else:
        said = _phrase(lang, "is", what=_what(result, lang), figure=figure)
    parts = [f"{opening}, {said}"]
    if assessment.percent_achieved is not None and result.target is not None:
        parts.append(
            _phrase(
                lang,
                "reached",
                percent=i18n.percent(assessment.percent_achieved, lang),
                year=result.milestone,
                target=_target(result, lang),
            )
        )
    if assessment.gap is not None and assessment.gap != 0:
        gap = assessment.gap
        shown = _gap(abs(gap), unit, lang)
        if gap < 0:
            parts.append(_phrase(lang, "beyond", gap=shown))
        else:
            key = "short" if DIRECTION[result.comparator] > 0 else "to_cut"
            parts.append(_phrase(lang, key, gap=shown))
    text = ", ".join(parts)
    moved = _moved(report, result, lang)
    if moved:
        text += f"; {moved}"
    return f"{text}. {_status(result, lang)}"


def _moved(report: Report, result: Result, lang: str) -> str | None:
    found = report.change_of(result)
    if found is None or found[1].actual is None or report.compared_with is None:
        return None
    moved, then = found[1].actual, when(report.compared_with, lang)
    if moved == 0:
        # the latest figure no later than the period compared with: nothing was counted
        # since, which "unchanged" would not say
        latest = result.actual_at
        stale = latest is not None and latest.time <= report.compared_with.time
        return _phrase(lang, "no_newer" if stale else "same", when=then)
    shown = _with_noun(_gap(abs(moved), result.unit, lang), result, lang)
    return _phrase(lang, "up" if moved > 0 else "down", moved=shown, when=then)


def _status(result: Result, lang: str) -> str:
    status, assessment = result.status, result.assessment
    if status is Status.ACHIEVED:
        return _phrase(lang, "achieved")
    if status is Status.MISSED:
        return _phrase(lang, "missed", year=result.milestone)
    if status in PACED and result.baseline_at is not None:
        since = when(result.baseline_at, lang)
        pace = _PACE[lang][status]
        if assessment.projected is None:
            return _phrase(lang, "pace_no_figure", since=since, pace=pace)
        projected = _rounded(assessment.projected, result.unit)
        return _phrase(
            lang,
            "pace",
            since=since,
            year=result.milestone,
            projected=_with_noun(i18n.figure(projected, result.unit, lang), result, lang),
            pace=pace,
        )
    reason = _reason(result)
    said = _phrase(lang, "insufficient")
    if reason in ("no_baseline", "short_span"):
        said += f" ({_phrase(lang, reason)})"
    return said + "."


def _reason(result: Result) -> object:
    """Why a status is `insufficient_data`, where the report says so."""
    return getattr(result, "status_reason", None) or getattr(
        result.assessment, "status_reason", None
    )


def _each_region(report: Report, result: Result, lang: str) -> str:
    opening = as_of_words(report.as_of, lang)
    met, total = result.regions_met or 0, result.regions_total or 0
    text = _phrase(
        lang,
        "each",
        when=opening,
        met=met,
        total=total,
        units=_phrase(lang, "units"),
        year=result.milestone,
        what=_lower(result.name.pick(lang)),
        percent=i18n.percent(result.assessment.percent_achieved or 0.0, lang),
    )
    not_met = list(result.regions_not_met or ())
    if not_met:
        names = ", ".join(not_met[:NOT_MET_NAMED])
        if len(not_met) > NOT_MET_NAMED:
            more = _phrase(
                lang, "more", n=len(not_met) - NOT_MET_NAMED, units=_phrase(lang, "units")
            )
            names += f" {more}"
        text += f"; {_phrase(lang, 'not_met', names=names)}"
    return f"{text}. {_status(result, lang)}"


def _behind(report: Report, lang: str) -> list[Sentence]:
    """Per indicator (its nearest milestone), the regions with the lowest share achieved."""
    nearest = {(r.indicator, r.target_scope): r.milestone for r in _first_per_indicator(report)}
    rows: dict[tuple[str, int], list[Result]] = {}
    for row in report.breakdown:
        if (
            row.target_scope == "territory"
            and nearest.get((row.indicator, row.target_scope)) == row.milestone
            and row.target is not None
            and row.assessment.percent_achieved is not None
        ):
            rows.setdefault((row.indicator, row.milestone), []).append(row)
    found: list[Sentence] = []
    for (indicator, year), group in rows.items():
        lowest = sorted(group, key=lambda r: (r.assessment.percent_achieved or 0.0, r.region))
        named = ", ".join(
            f"{r.region} ({i18n.percent(r.assessment.percent_achieved or 0.0, lang)})"
            for r in lowest[:BEHIND]
        )
        what = _lower(group[0].name.pick(lang))
        said = _phrase(lang, "behind", year=year, what=what, regions=named)
        found.append(Sentence(indicator, said, "regions"))
    return found


# ---- words --------------------------------------------------------------------------
