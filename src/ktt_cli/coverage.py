"""Who has reported (SPEC §11): each listed region against each indicator expected of it.

A pure computation: a programme, a data set and a period in, a `Coverage` out. An
indicator is expected of every listed region when the territory's figure is made from
theirs (`from_regions`), when a target is shared out among them (`by_region`) or when
every region must meet one (`each_region`).

For the period asked, a region has, for each expected indicator, one of:
- `reported`: a figure for that moment (SPEC §4 Time: `2024-Q2` and `2024-06` are one
  moment; a figure for a finer or coarser period ending then counts);
- `late`: figures only for earlier moments; the latest is given;
- `never`: no figure up to that period.

Figures for later periods than the one asked are not looked at, as in a report.
The reporting rate is the share of the expected figures (regions x indicators) that
were reported, per indicator and in all. A region has sent nothing for the period
when none of its expected figures is reported; it is complete when all are.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ktt_cli.names import RegionNames

if TYPE_CHECKING:
    from ktt_cli.model import Indicator, LocalText, TargetsFile
    from ktt_cli.periods import Period
    from ktt_cli.problems import Problem
    from ktt_cli.store import Actuals


class Mark(StrEnum):
    REPORTED = "reported"
    LATE = "late"
    NEVER = "never"
    NOT_EXPECTED = "not_expected"  # a share given to other regions only: not this one's


class Entry(NamedTuple):
    """One region's figure of one indicator, as far as the period asked."""

    indicator: str
    mark: Mark
    latest: Period | None = None  # the latest period with a figure, up to the one asked
    value: float | None = None  # the figure of that period


class RegionCoverage(NamedTuple):
    name: str
    region_id: str | None
    entries: tuple[Entry, ...]  # in the order of `Coverage.indicators`

    @property
    def reported(self) -> int:
        return sum(e.mark is Mark.REPORTED for e in self.entries)

    @property
    def expected(self) -> int:
        return sum(e.mark is not Mark.NOT_EXPECTED for e in self.entries)

    @property
    def complete(self) -> bool:
        return self.reported == self.expected

    @property
    def silent(self) -> bool:
        """Sent nothing for the period."""
        return self.reported == 0

    @property
    def latest(self) -> Period | None:
        """The latest period of any of its figures up to the one asked."""
        periods = [e.latest for e in self.entries if e.latest is not None]
        return max(periods, key=lambda p: p.sort_key) if periods else None


class Rate(NamedTuple):
    """Counts of figures by mark, and the share reported (None when none is expected)."""

    expected: int
    reported: int
    late: int
    never: int

    @property
    def share(self) -> float | None:
        return None if not self.expected else round(100 * self.reported / self.expected, 1)

    @staticmethod
    def of(entries: list[Entry]) -> Rate:
        marks = [e.mark for e in entries if e.mark is not Mark.NOT_EXPECTED]
        counts = (marks.count(m) for m in (Mark.REPORTED, Mark.LATE, Mark.NEVER))
        return Rate(len(marks), *counts)

    @staticmethod
    def of_regions(found: Coverage) -> Rate:
        """Regions, not figures: complete (`reported`), partly reported (`late`: some
        figure missing), and silent (`never`: nothing for the period)."""
        complete, silent = len(found.complete_regions), len(found.silent_regions)
        total = len(found.regions)
        return Rate(total, complete, total - complete - silent, silent)


class IndicatorCoverage(NamedTuple):
    indicator: str
    rate: Rate


class Coverage(NamedTuple):
    programme_id: str
    territory: str
    as_of: Period | None
    indicators: tuple[str, ...]
    regions: tuple[RegionCoverage, ...]  # in the order the targets file lists them
    per_indicator: tuple[IndicatorCoverage, ...]
    total: Rate
    names: dict[str, LocalText]  # indicator id -> its name
    files: tuple[str, ...] = ()
    targets_file: str = ""
    warnings: tuple[Problem, ...] = ()  # what reading the returns said (region_from_title…)
    unlisted_warnings: int = 0  # counted but not kept

    @property
    def complete_regions(self) -> tuple[RegionCoverage, ...]:
        return tuple(r for r in self.regions if r.complete)

    @property
    def silent_regions(self) -> tuple[RegionCoverage, ...]:
        """The regions that sent nothing for the period, by name in the list's order."""
        return tuple(r for r in self.regions if r.silent)

    @property
    def incomplete(self) -> bool:
        """Whether an expected figure is missing for the period."""
        return self.total.reported < self.total.expected


def is_expected(indicator: Indicator) -> bool:
    """Whether an indicator is asked of every region (SPEC §11)."""
    return indicator.from_regions is not None or any(
        t.by_region or t.scope == "each_region" for t in indicator.targets
    )


def expected_indicators(programme: TargetsFile) -> list[str]:
    return [i.id for i in programme.indicators if is_expected(i)]


def expected_of(programme: TargetsFile, indicators: list[str] | None = None) -> dict[str, set[str]]:
    """Indicator id -> the store keys of the regions it is expected of: every listed
    region where the territory sums them or each must meet a target; else the regions a
    `by_region` share is given to."""
    names = RegionNames(programme)
    every = set(names.order)
    chosen = expected_indicators(programme) if indicators is None else indicators
    found: dict[str, set[str]] = {}
    for indicator in (programme.indicator(i) for i in chosen):
        if indicator.from_regions is not None:
            found[indicator.id] = every
            continue
        targets = indicator.targets
        if any(t.scope == "each_region" for t in targets) or not any(t.by_region for t in targets):
            found[indicator.id] = every
            continue
        shared = {n for t in targets for n in (t.by_region or {})}
        found[indicator.id] = {f[0] for n in shared if (f := names.region(n)) is not None}
    return found


def coverage(
    programme: TargetsFile,
    actuals: Actuals,
    as_of: Period | None = None,
    *,
    indicators: list[str] | None = None,
    targets_file: str = "",
) -> Coverage:
    """Each listed region against each indicator expected of it, at `as_of` (default: the
    latest period of the data). `indicators` narrows (or widens) the expected ones."""
    when = as_of if as_of is not None else actuals.latest
    expected = expected_of(programme, indicators)
    wanted = tuple(expected)
    names = RegionNames(programme)
    regions = []
    for key, name in names.order.items():
        entries = tuple(
            _entry(actuals, i, key, when) if key in expected[i] else Entry(i, Mark.NOT_EXPECTED)
            for i in wanted
        )
        if any(e.mark is not Mark.NOT_EXPECTED for e in entries):  # else nothing asked of it
            regions.append(RegionCoverage(name, names.ids.get(key), entries))
    per_indicator = tuple(
        IndicatorCoverage(i, Rate.of([r.entries[k] for r in regions])) for k, i in enumerate(wanted)
    )
    return Coverage(
        programme.programme.id,
        programme.programme.territory,
        when,
        wanted,
        tuple(regions),
        per_indicator,
        Rate.of([e for r in regions for e in r.entries]),
        {i.id: i.name for i in programme.indicators},
        actuals.files,
        targets_file,
    )


def _entry(actuals: Actuals, indicator: str, key: str, when: Period | None) -> Entry:
    if when is None:
        return Entry(indicator, Mark.NEVER)
    ends = actuals.region_ends(indicator, key, when.time)
    if ends is None:
        return Entry(indicator, Mark.NEVER)
    last = ends[1]
    mark = Mark.REPORTED if last.period.time == when.time else Mark.LATE
    return Entry(indicator, mark, last.period, last.value)


def not_reported(
    programme: TargetsFile, actuals: Actuals, as_of: Period | None, place: str
) -> list[Problem]:
    """The one warning of `ktt report` (SPEC §11): how many listed regions have not
    reported, for `as_of`, every indicator that sums its regions and that some region has
    figures of (a data set of territory figures alone is no round of returns); none
    where every region has reported. `place` is what the warning is placed at (the
    targets file, which lists the regions)."""
    from ktt_cli.messages import message
    from ktt_cli.problems import Place, Problem

    summed = [
        i.id
        for i in programme.indicators
        if i.from_regions is not None and actuals.region_names(i.id)  # a round under way
    ]
    if not summed or not programme.regions:
        return []
    found = coverage(programme, actuals, as_of, indicators=summed)
    missing = len(found.regions) - len(found.complete_regions)
    if not missing or found.as_of is None:
        return []
    values = {
        "missing": missing,
        "total": len(found.regions),
        "as_of": found.as_of.text,
        "indicators": ", ".join(summed),
    }
    said = message("regions_not_reported", **values)
    return [Problem.of(Place(place, None), said, "warning")]
