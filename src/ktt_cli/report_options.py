"""What a report is asked for, checked against the programme and its data.

The period of `as_of` and of `compare`, the milestones and indicators kept, the regions
named, the statuses that fail a run: each from the words a person typed (on the command
line or in a call of the API) to values `report.build_report` takes, or a `UsageProblem`
(a `KttError`) that says what is wrong and what would be right. The report that fails a
run is matched here too, so that the command line and a program judge it alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ktt_cli.messages import usage, usage_of
from ktt_cli.paths import UsageProblem
from ktt_cli.periods import Period, PeriodError, parse_period, previous

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile
    from ktt_cli.report import Report, Result
    from ktt_cli.store import Actuals

#: A status of `--fail-on` beside the statuses of SPEC §4: got worse since `--compare`.
WORSENED = "worsened"


def as_of_period(value: str | Period | None, lang: str = "vi") -> Period | None:
    """The period of `--as-of` (None: the latest figure's)."""
    if value is None or isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except PeriodError as e:
        message = usage_of("invalid_period", e.args_, str(e), lang)
        raise UsageProblem(f"--as-of: {message}") from None


def compare_period(
    value: str | Period | None, as_of: Period | None, lang: str = "vi"
) -> Period | None:
    """The earlier period of `--compare`: a period, or `previous` to as_of's own kind."""
    if value is None or as_of is None:
        return None
    if isinstance(value, Period):
        earlier, value = value, value.text
    elif value.strip().lower() == "previous":
        return previous(as_of)
    else:
        try:
            earlier = parse_period(value)
        except PeriodError as e:
            message = usage_of("invalid_period", e.args_, str(e), lang)
            raise UsageProblem(f"--compare: {message}") from None
    if earlier.time >= as_of.time:
        raise UsageProblem(usage("usage.compare_later", lang=lang, value=value, as_of=as_of))
    return earlier


def check_filters(
    programme: TargetsFile, milestones: Iterable[int], indicators: Iterable[str], lang: str = "vi"
) -> None:
    """Every milestone and indicator asked for is the programme's, or UsageProblem."""
    from ktt_cli.name_keys import closest_of

    known_years = programme.milestones
    ids = [i.id for i in programme.indicators]
    years = ", ".join(map(str, known_years))
    problems = [
        usage("usage.no_milestone", lang=lang, year=year, years=years)
        for year in milestones
        if year not in known_years
    ] + [
        usage(
            "usage.no_indicator",
            lang=lang,
            name=name,
            programme=programme.programme.id,
            closest=closest_of(name, ids),
        )
        for name in indicators
        if name not in ids
    ]
    if problems:
        raise UsageProblem(*problems)


def region_keys(programme: TargetsFile, data: Actuals, names: Iterable[str]) -> list[str]:
    """The region keys `--region` names: listed regions by id, name or alias; without a
    list, the regions in the data by name."""
    names = list(names)
    if not names:
        return []
    from ktt_cli.name_keys import closest_of, place_key, unmarked
    from ktt_cli.names import RegionNames

    listed = RegionNames(programme)
    in_data = {k: n for i in programme.indicators for k, n in data.region_names(i.id).items()}
    keys: list[str] = []
    problems: list[str] = []
    for name in names:
        if listed.listed:
            meaning = listed.find(name)
            found = meaning.region
            if found is None and len(meaning.candidates) > 1:
                could = ", ".join(f"'{n}'" for n in meaning.candidates)
                problems.append(f"--region {name}: could be {could}; write it with its marks")
                continue
            if found is None or not found[0]:
                problems.append(
                    f"--region {name}: not a region of {programme.programme.territory}"
                    f"{listed.suggestion(name)}"
                )
                continue
            keys.append(found[0])
            continue
        key = place_key(name)
        alike = [k for k in in_data if key == unmarked(key) and unmarked(k) == key]
        if key in in_data or len(alike) == 1:
            keys.append(key if key in in_data else alike[0])
        else:
            close = closest_of(name, sorted(in_data.values()))
            problems.append(
                f"--region {name}: no region of that name in the data"
                + (f"; did you mean '{close}'?" if close else "")
            )
    if problems:
        raise UsageProblem(*problems)
    return keys


def fail_statuses(values: Iterable[str], lang: str = "vi") -> set[str]:
    """The statuses of `--fail-on` (each value may list several, comma-separated)."""
    from ktt_cli.progress import Status

    scored = [s.value for s in Status if s is not Status.QUALITATIVE]  # aims never fail
    scored.append(WORSENED)  # a status that got worse since --compare
    wanted = {v.strip() for value in values for v in value.split(",") if v.strip()}
    unknown = wanted - set(scored)
    if unknown:
        raise UsageProblem(
            usage(
                "usage.unknown_status",
                lang=lang,
                unknown=", ".join(sorted(unknown)),
                statuses=", ".join(scored),
            )
        )
    return wanted


def failing(report: Report, wanted: set[str]) -> list[str]:
    """A line for each result and breakdown row of `report` whose status is `wanted`
    (or that worsened, where `worsened` is wanted)."""
    if not wanted:
        return []
    return [
        line for r in (*report.results, *report.breakdown) if (line := _matched(report, r, wanted))
    ]


def _matched(report: Report, result: Result, wanted: set[str]) -> str | None:
    """The line that names `result` if it has a status of `wanted` (or it worsened)."""
    found = report.change_of(result)
    worsened = found is not None and found[1].status_change.value == WORSENED
    if result.status.value not in wanted and not (worsened and WORSENED in wanted):
        return None
    where = f" {result.region}" if result.region else ""
    line = f"{result.indicator} {result.milestone}{where}: {result.status.value}"
    if worsened and found is not None and found[0] is not None:
        line += f" (worsened from {found[0].status.value} at {found[0].as_of})"
    return line
