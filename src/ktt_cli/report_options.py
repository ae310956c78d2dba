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

from ktt_cli.messages import Message, again, message, usage
from ktt_cli.paths import UsageProblem
from ktt_cli.periods import Period, PeriodError, parse_period, previous

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile
    from ktt_cli.results import Report, Result
    from ktt_cli.store import Actuals

#: A status of `--fail-on` beside the statuses of SPEC §4: got worse since `--compare`.
WORSENED = "worsened"


def as_of_period(value: str | Period | None) -> Period | None:
    """The period of `--as-of` (None: the latest figure's)."""
    if value is None or isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except PeriodError as e:
        raise UsageProblem(again("invalid_period", e.args_).on("--as-of")) from None


def compare_period(value: str | Period | None, as_of: Period | None) -> Period | None:
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
            raise UsageProblem(again("invalid_period", e.args_).on("--compare")) from None
    if earlier.time >= as_of.time:
        raise UsageProblem(usage("usage.compare_later", value=value, as_of=as_of))
    return earlier


def check_filters(
    programme: TargetsFile, milestones: Iterable[int], indicators: Iterable[str]
) -> None:
    """Every milestone and indicator asked for is the programme's, or UsageProblem."""
    from ktt_cli.name_keys import closest_of

    known_years = programme.milestones
    ids = [i.id for i in programme.indicators]
    years = ", ".join(map(str, known_years))
    problems = [
        usage("usage.no_milestone", year=year, years=years)
        for year in milestones
        if year not in known_years
    ] + [
        usage(
            "usage.no_indicator",
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
    problems: list[Message] = []
    for name in names:
        if listed.listed:
            meaning = listed.find(name)
            found = meaning.region
            if found is None and len(meaning.candidates) > 1:
                could = ", ".join(f"'{n}'" for n in meaning.candidates)
                problems.append(usage("usage.ambiguous_region", name=name, names=could))
                continue
            if found is None or not found[0]:
                problems.append(
                    usage(
                        "usage.no_region",
                        name=name,
                        territory=programme.programme.territory,
                        closest=listed.closest(name),
                    )
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
            problems.append(usage("usage.no_region_in_data", name=name, closest=close))
    if problems:
        raise UsageProblem(*problems)
    return keys


def fail_statuses(values: Iterable[str], comparing: bool, lang: str = "vi") -> set[str]:
    """The status codes `--fail-on` names (each value may list several, comma-separated),
    by code or by word in either language (`tiến triển chậm`, `limited progress`,
    `limited_progress`; case and diacritics aside); `worsened` asks for --compare. The
    statuses listed for an unknown one are worded in `lang`."""
    from ktt_cli.i18n import STATUS
    from ktt_cli.name_keys import normalise as normal_name
    from ktt_cli.progress import Status

    scored = [s for s in Status if s is not Status.QUALITATIVE]  # aims never fail
    known = {normal_name(s.value): s.value for s in scored}
    for words in STATUS.values():
        known |= {normal_name(words[s]): s.value for s in scored}
    for word in _WORSENED_WORDS:
        known[normal_name(word)] = WORSENED  # a status that got worse since --compare
    wanted: set[str] = set()
    unknown: list[str] = []
    for given in (v.strip() for value in values for v in value.split(",")):
        if given:
            code = known.get(normal_name(given))
            wanted.add(code) if code else unknown.append(given)
    if unknown:
        words = STATUS[lang]
        listed = [f"{s.value} ({words[s]})" for s in scored] + [WORSENED]
        raise UsageProblem(
            usage("usage.unknown_status", unknown=", ".join(unknown), statuses=", ".join(listed))
        )
    if WORSENED in wanted and not comparing:
        raise UsageProblem(usage("usage.worsened_without_compare"))
    return wanted


#: `worsened` as either language says it.
_WORSENED_WORDS = (WORSENED, "xấu đi")


def failing(report: Report, wanted: set[str], lang: str = "vi") -> list[Message]:
    """A message for each result and breakdown row of `report` whose status is `wanted`
    (or that worsened, where `worsened` is wanted), its figures written in `lang`."""
    if not wanted:
        return []
    return [
        line
        for r in (*report.results, *report.breakdown)
        if (line := _matched(report, r, wanted, lang))
    ]


def _matched(report: Report, result: Result, wanted: set[str], lang: str) -> Message | None:
    """The line that names `result` if it has a status of `wanted` (or it worsened): the
    indicator by name, the milestone, the region, the status in words and the figure."""
    found = report.change_of(result)
    worsened = found is not None and found[1].status_change.value == WORSENED
    if result.status.value not in wanted and not (worsened and WORSENED in wanted):
        return None
    from ktt_cli import i18n
    from ktt_cli.localise import say

    words = i18n.STATUS[lang]
    region = result.region or "the whole territory"
    if result.actual is not None:
        achieved = result.assessment.percent_achieved
        target = (
            i18n.target(result.comparator, result.target, result.unit, lang)
            if result.target is not None
            else "—"
        )
        actual = i18n.actual(result.actual, result.actual_qualifier, result.unit, lang)
        period = result.actual_period or ""
        # a commune against an each_region threshold has no percent achieved (SPEC §8)
        said = (
            message("fail_on.figures.threshold", actual=actual, period=period, target=target)
            if achieved is None
            else message(
                "fail_on.figures",
                actual=actual,
                period=period,
                target=target,
                achieved=i18n.percent(achieved, lang),
            )
        )
        figures = say(said, lang)
    else:
        figures = say(message("fail_on.no_figure"), lang)
    if worsened and found is not None and found[0] is not None:
        figures += say(
            message("fail_on.worsened", before=words[found[0].status], as_of=found[0].as_of),
            lang,
        )
    return message(
        "fail_on.matched",
        name=result.name.pick(lang),
        milestone=result.milestone,
        region=region,
        status=words[result.status],
        code=result.status.value,
        figures=figures,
    )
