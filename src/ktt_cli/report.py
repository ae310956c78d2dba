"""A programme and its actuals -> the report: a result per indicator and milestone.

Pure and language-neutral: chooses the latest figure and the baseline for each
target, applies `progress.assess`, and says what an analyst should know about
the figures used (a bound used as a value, figures only after `as_of`).
Renderers choose the language and format it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ktt_cli.compare import Figures, compare
from ktt_cli.messages import message
from ktt_cli.model import Indicator, Target, TargetsFile
from ktt_cli.name_keys import place_key
from ktt_cli.periods import Period
from ktt_cli.problems import Place, Problem
from ktt_cli.progress import Goal, Point, assess, is_met
from ktt_cli.results import (
    Report,
    Result,
    _against_threshold,
    _Baseline,
    _baseline,
    _InRegion,
    _no_target,
    _result,
    _warnings,
    change_key,
)
from ktt_cli.store import Actuals, Observation
from ktt_cli.units import Comparator, Unit


def build_report(
    targets: TargetsFile,
    actuals: Actuals,
    *,
    targets_file: str,
    as_of: Period | None = None,
    milestones: Iterable[int] = (),
    indicators: Iterable[str] = (),
    reading_warnings: Iterable[Problem] = (),
    unlisted_warnings: int = 0,
    compare_with: Period | None = None,
    by_region: bool = False,
    regions: Iterable[str] = (),
) -> Report:
    """Results for every (indicator, milestone) pair kept by the filters, in file order.

    `reading_warnings` (from reading the actuals; `unlisted_warnings` more were only
    counted) come first among the report's warnings. With `by_region`, the breakdown
    has a row per region (only the region keys in `regions`, where any are given).
    With `compare_with`, the same report at that earlier period is set beside each
    result and breakdown row (SPEC §10).
    """
    as_of = as_of or actuals.latest
    wanted_years, wanted_ids = set(milestones), set(indicators)
    results: list[Result] = []
    warnings: list[Problem] = list(reading_warnings)
    series: dict[str, tuple[Observation, ...]] = {}
    breakdown: list[Result] = []
    wanted_regions = set(regions)
    for indicator in targets.indicators:
        if wanted_ids and indicator.id not in wanted_ids:
            continue
        latest = actuals.latest_at(indicator.id, as_of) if as_of else None
        baseline = _baseline(indicator, actuals, latest)
        warnings.extend(_warnings(indicator, actuals, latest, baseline, as_of))
        if as_of is not None:
            due = (o for o in actuals.series.get(indicator.id, ()) if o.period.time <= as_of.time)
            series[indicator.id] = tuple(due)
        units = _regions(targets, actuals, indicator.id)
        for target in indicator.targets:
            if wanted_years and target.year not in wanted_years:
                continue
            if target.scope == "each_region":
                each, problem = _each_region(indicator, target, units, actuals, as_of)
                results.append(each)
                if problem is not None:
                    warnings.append(problem._replace(file=targets_file))
            else:
                results.append(_result(indicator, target, latest, baseline, as_of))
            if by_region:
                shown = [u for u in units if not wanted_regions or u.key in wanted_regions]
                breakdown += _region_rows(indicator, target, shown, actuals, as_of)
    results.sort(key=lambda r: r.milestone)  # stable: file order within a milestone
    qualitative = tuple(
        q for q in targets.qualitative if not wanted_years or q.year in wanted_years
    )
    report = Report(
        programme_id=targets.programme.id,
        programme_name=targets.programme.name,
        targets_file=targets_file,
        actuals_files=actuals.files,
        as_of=as_of,
        results=tuple(results),
        qualitative=qualitative if not wanted_ids else (),
        warnings=tuple(warnings),
        unlisted_warnings=unlisted_warnings,
        series=series,
        breakdown=tuple(breakdown),
        by_region=by_region,
        programme=targets.programme,
        groups={i.id: i.group for i in targets.indicators if i.group is not None},
    )
    if compare_with is None:
        return report
    then = build_report(
        targets,
        actuals,
        targets_file=targets_file,
        as_of=compare_with,
        milestones=wanted_years,
        indicators=wanted_ids,
        by_region=by_region,
        regions=wanted_regions,
    )
    before = {change_key(r): r for r in (*then.results, *then.breakdown)}
    changes = {
        change_key(now): compare(
            _figures(now), _figures_of(before.get(change_key(now))), compare_with
        )
        for now in (*report.results, *report.breakdown)
    }
    if all(r.actual is None for r in then.results):
        said = message("nothing_to_compare", period=compare_with)
        warnings.append(Problem.of(Place("--compare", None), said, "warning"))
    return report._replace(compared_with=compare_with, changes=changes, warnings=tuple(warnings))


def _figures(result: Result) -> Figures:
    a = result.assessment
    return Figures(
        result.actual, result.actual_period, a.percent_achieved, a.status, result.actual_at
    )


def _figures_of(result: Result | None) -> Figures | None:
    return None if result is None else _figures(result)


class Area(NamedTuple):
    """A region of the breakdown: its store key, its name, its code."""

    key: str
    name: str
    id: str | None


def _regions(targets: TargetsFile, actuals: Actuals, indicator: str) -> list[Area]:
    """The listed regions, in file order; without a list, the regions in the data by name."""
    if targets.regions:
        return [Area(place_key(r.name), r.name, r.id) for r in targets.regions]
    found = actuals.region_names(indicator)
    return sorted((Area(k, n, None) for k, n in found.items()), key=lambda u: (u.name, u.key))


def _points(
    actuals: Actuals, indicator: str, key: str, as_of: Period | None
) -> list[tuple[float, Period, float]]:
    """A region's (time, period, value) up to `as_of`, oldest first, one a moment."""
    return [] if as_of is None else actuals.region_points(indicator, key, as_of.time)


def _each_region(
    indicator: Indicator,
    target: Target,
    units: list[Area],
    actuals: Actuals,
    as_of: Period | None,
) -> tuple[Result, Problem | None]:
    """An `each_region` target (SPEC §8) counts regions: the regions meeting it at each
    moment, against the number of regions; assessed by §4 like any series.

    One region's series at a time: what is kept is a count for each moment.
    """
    goal = Goal(target.comparator, target.level, target.year, target.band)
    change: dict[float, int] = {}  # moment -> regions that start (+1) or stop (-1) meeting it
    moments: dict[float, Period] = {}
    met: list[str] = []
    not_met: list[str] = []
    for unit in units:
        state = False
        for time, period, value in _points(actuals, indicator.id, unit.key, as_of):
            moments.setdefault(time, period)
            now = is_met(goal, value)
            if now != state:
                change[time] = change.get(time, 0) + (1 if now else -1)
                state = now
        (met if state else not_met).append(unit.name)
    total = len(units)
    counts: list[tuple[Period, int]] = []
    running = 0
    for time in sorted(moments):
        running += change.get(time, 0)
        counts.append((moments[time], running))
    latest = Point(counts[-1][0].time, counts[-1][1]) if counts else None
    first = Point(counts[0][0].time, counts[0][1]) if len(counts) > 1 else None
    assessment = assess(
        Goal(Comparator.AT_LEAST, float(total), target.year),
        latest if total else None,
        first if total else None,
        as_of=as_of.time if as_of else None,
        bounds=(0.0, float(total)),
    )
    problem = None
    if not total:
        said = message("no_regions", indicator=indicator.id, year=target.year)
        problem = Problem.of(Place("", None), said, "warning")
    result = Result(
        indicator=indicator.id,
        name=indicator.name,
        unit=indicator.unit,
        share_of=indicator.share_of,
        milestone=target.year,
        comparator=Comparator.AT_LEAST,  # regions meeting it, out of all regions
        target=float(total),
        target_text=target.text,
        target_note=target.note,
        actual=float(counts[-1][1]) if counts and total else None,
        actual_period=counts[-1][0].text if counts and total else None,
        actual_at=counts[-1][0] if counts and total else None,
        actual_qualifier=None,
        actual_source=None,
        actual_note=None,
        baseline=float(counts[0][1]) if first and total else None,
        baseline_period=counts[0][0].text if first and total else None,
        baseline_at=counts[0][0] if first and total else None,
        assessment=assessment,
        target_scope="each_region",
        regions_met=len(met),
        regions_total=total,
        regions_not_met=tuple(not_met),
    )
    return result, problem


def _region_rows(
    indicator: Indicator,
    target: Target,
    units: list[Area],
    actuals: Actuals,
    as_of: Period | None,
) -> list[Result]:
    """A row per region against its share of `target` (`by_region`) or, for an
    `each_region` target, its value; sorted by percent achieved, then name.

    A province has hundreds of communes: a row costs a few look-ups and one `Result`.
    """
    shares = {place_key(k): v for k, v in (target.by_region or {}).items()}
    territory = {o.period.time: o.value for o in actuals.series.get(indicator.id, ())}
    share_counts = indicator.unit is not Unit.PERCENT
    rows: list[Result] = []
    for unit in units:
        ends = actuals.region_ends(indicator.id, unit.key, as_of.time) if as_of else None
        latest = baseline = None
        if ends is not None:
            first, latest = ends
            if first.period.time < latest.period.time:
                baseline = _Baseline(first.period, first.value, None)
        share = None
        if latest is not None and share_counts:
            whole = territory.get(latest.period.time)
            share = 100 * latest.value / whole if whole else None
        where = _InRegion(target.scope, unit.name, unit.id, share)
        value = target.level if target.scope == "each_region" else None
        if value is None and shares:
            keys = [place_key(unit.name), *([place_key(unit.id)] if unit.id else [])]
            value = next((shares[k] for k in keys if k in shares), None)
        if value is None:
            rows.append(_no_target(indicator, target, latest, baseline, where))
        elif target.scope == "each_region":
            rows.append(_against_threshold(indicator, target, latest, baseline, as_of, where))
        else:
            mine = target.model_copy(update={"value": value})
            rows.append(_result(indicator, mine, latest, baseline, as_of, where))
    if target.scope == "each_region":  # those below the threshold first, lowest first
        rows.sort(
            key=lambda r: (
                r.actual is None,
                r.assessment.met is True,
                r.actual or 0.0,
                r.region or "",
            )
        )
    else:
        rows.sort(
            key=lambda r: (
                r.assessment.percent_achieved is None,
                r.assessment.percent_achieved or 0.0,
                r.region or "",
            )
        )
    return rows
