"""Rules over the figures read, apart from the store that keeps them (SPEC §3, §8).

A period that has not begun yet holds no figure; a territory figure made from its
regions' only where the territory has no figure of its own for that moment.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ktt_cli.figures_text import plain_number
from ktt_cli.periods import Granularity, Period
from ktt_cli.problems import ProblemLog
from ktt_cli.store import SUM_OF_REGIONS, TERRITORY, Store
from ktt_cli.store_cells import Cells, Extra
from ktt_cli.units import Unit

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile

#: The month a period of each kind begins in, from its number.
_FIRST_MONTH: dict[Granularity, Callable[[int], int]] = {
    Granularity.MONTH: lambda n: n,
    Granularity.QUARTER: lambda n: 3 * n - 2,
    Granularity.HALF: lambda n: 6 * n - 5,
    Granularity.MONTHS_TO_DATE: lambda _: 1,
    Granularity.YEAR: lambda _: 1,
}


def begins(period: Period) -> date:
    """The first day of `period`."""
    if period.granularity is Granularity.DAY:
        return date(period.year, 1, 1) + timedelta(period.number - 1)
    return date(period.year, _FIRST_MONTH[period.granularity](period.number), 1)


def begins_after(period: Period, today: date) -> bool:
    """Whether `period` begins after `today`: no figure can exist for it yet (SPEC §3).
    A period under way (an estimate for the current year) has begun."""
    return begins(period) > today


def regions_to_territory(
    store: Store, targets: TargetsFile, listed: dict[str, str], log: ProblemLog
) -> None:
    """SPEC §8: a `from_regions: sum` indicator with no territory figure for a period takes
    the sum of its regions' figures, where every region has one (listed regions, else
    those in the data); where the listed regions all have figures beside a territory
    figure of a count, regions that do not add up to it are told (`regions_disagree`).
    "A period" is a moment: where the territory has its own figure for the moment in any
    form (`2024-06` for the regions' `Quý II/2024`), that figure is the territory's, and
    the regions' sum only checks it.

    One period at a time over the regions' cells: nothing grows with regions × periods.
    """
    for indicator in targets.indicators:
        if indicator.unit is Unit.PERCENT:
            continue
        by_region = store.series_of(indicator.id)
        regions = {k: c for k, c in by_region.items() if k != TERRITORY and not c.empty}
        if not regions or (indicator.from_regions is None and not listed):
            continue
        expected = listed or {k: c.region for k, c in sorted(regions.items())}
        territory = by_region.get(TERRITORY)
        own_at = _own_figures(store, territory)
        for p in sorted({p for c in regions.values() for p, _, _ in c.items()}):
            own = own_at.get(store.period_at(p).time)
            figures: list[tuple[float, int]] = []
            missing: list[str] = []
            for key, name in expected.items():
                cells = regions.get(key)
                got = cells.get(p) if cells is not None else None
                if got is None:
                    missing.append(name)
                else:
                    figures.append(got)
            total = math.fsum(v for v, _ in figures)
            period = store.period_at(p)
            if own is not None:
                if listed and not missing and not math.isclose(total, own[0], abs_tol=1e-9):
                    log.say(
                        store.place(own[1]),
                        "regions_disagree",
                        "warning",
                        indicator=indicator.id,
                        total=plain_number(total),
                        period=period,
                        value=plain_number(own[0]),
                    )
                continue
            if indicator.from_regions != "sum":
                continue
            if missing:
                log.say(
                    store.place(min(n for _, n in figures)),
                    "regions_missing.more" if len(missing) > 5 else "regions_missing",
                    "warning",
                    indicator=indicator.id,
                    period=period,
                    regions=", ".join(missing[:5]),
                    more=len(missing) - 5,
                )
                continue
            marks = {
                extra.qualifier
                for key in expected
                if (c := regions.get(key)) is not None
                and (extra := c.extras.get(p)) is not None
                and extra.qualifier is not None
            }
            cells = store.region_cells(indicator.id, TERRITORY, "")
            store.put(
                cells, p, total, max(n for _, n in figures), Extra(_sum_mark(marks), None, None)
            )
            territory = cells


def _sum_mark(marks: set[str]) -> str:
    """The qualifier of a sum of regions whose figures carry `marks`: a sum of estimates is
    an estimate (`≈`, never shown as an exact figure); of lower bounds (`≥`, `>`) a lower
    bound, of upper ones an upper bound; bounds both ways say only "about"."""
    if not marks:
        return SUM_OF_REGIONS
    if marks <= {">", "≥"}:
        return "≥" if "≥" in marks else ">"
    if marks <= {"<", "≤"}:
        return "≤" if "≤" in marks else "<"
    return "≈"


def _own_figures(store: Store, territory: Cells | None) -> dict[float, tuple[float, int]]:
    """The territory's own figure (value, place) at each moment: the coarsest period's
    where several end together, as in `one_a_moment`."""
    if territory is None:
        return {}
    figures = sorted(territory.items(), key=lambda f: store.period_at(f[0]).granularity)
    return {store.period_at(p).time: (value, place) for p, value, place in figures}
