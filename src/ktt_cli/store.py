"""The figures of a data set: by indicator, region and period, with the place of each.

Rows are never kept. Each indicator in each region is a `Cells`: one float and
one place number (4 bytes) per period it has a figure for, so memory follows
the figures present. A series whose periods are a good part of all the periods
seen keeps them in arrays indexed by period (12 bytes a figure); a series with
a few figures scattered among many periods keeps them in a small mapping, so
that thousands of regions each with a period of its own cannot make every
region pay for every period.

A place number is global across files and sheets: `Places` turns it back into
the file, line (or sheet and cell) it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ktt_cli.periods import Period
from ktt_cli.problems import Place
from ktt_cli.store_cells import Cells, Extra, Places

TERRITORY = ""  # the region key of the whole territory

#: Comparison words a value cell may start with, when a source gives only a bound
#: ("more than 5.300"): the figure is used, and the report says it is a bound.
QUALIFIERS = {">": "more than", "≥": "at least", "<": "less than", "≤": "at most", "≈": "about"}


#: The qualifier of a territory figure made by adding up its regions' (`from_regions: sum`).
SUM_OF_REGIONS = "sum of regions"


class Observation(NamedTuple):
    period: Period
    value: float
    file: str
    line: int
    qualifier: str | None = None
    source: str | None = None
    note: str | None = None
    sheet: str | None = None
    cell: str | None = None


class Figure(NamedTuple):
    """A figure without its place: what a row of the breakdown shows of a region's."""

    period: Period
    value: float
    qualifier: str | None = None
    source: str | None = None
    note: str | None = None


class Store:
    """Every figure read, by indicator id, then region key (TERRITORY for the whole)."""

    def __init__(self, indicator_ids: list[str]) -> None:
        self.cells: dict[str, dict[str, Cells]] = {i: {} for i in indicator_ids}
        self.periods: list[Period] = []
        self.period_index: dict[Period, int] = {}
        self.places = Places()
        self.files: list[str] = []
        self._order: list[int] = []
        #: Figures kept: one per indicator, region and period. `put` counts one; a reader
        #: that fills cells itself (`Cells.fill`) counts its own (`added`).
        self.size = 0

    def period(self, period: Period) -> int:
        index = self.period_index.get(period)
        if index is None:
            index = self.period_index[period] = len(self.periods)
            self.periods.append(period)
        return index

    def put(
        self, cells: Cells, p: int, value: float, place: int, extra: Extra | None = None
    ) -> None:
        """Set a figure of `cells` at a period index that has none, and count it."""
        cells.put(p, value, place)
        self.size += 1
        if extra is not None:
            cells.extras[p] = extra

    def added(self, count: int) -> None:
        """Count `count` figures a reader set with `Cells.fill`."""
        self.size += count

    def add_file(self, name: str) -> None:
        """A file read into the store, in the order read: the report names them."""
        self.files.append(name)

    def period_at(self, p: int) -> Period:
        """The period of period index `p`."""
        return self.periods[p]

    def place(self, number: int) -> Place:
        """The file and line (or sheet and cell) of a place number."""
        return self.places.place(number)

    def series_of(self, indicator: str) -> Mapping[str, Cells]:
        """The cells of `indicator` by region key (TERRITORY for the whole)."""
        return self.cells.get(indicator, {})

    def region_cells(self, indicator: str, key: str, shown: str) -> Cells:
        by_region = self.cells[indicator]
        cells = by_region.get(key)
        if cells is None:
            cells = by_region[key] = Cells(shown)
        return cells

    def observations(self, indicator: str, key: str) -> list[Observation]:
        """The figures of one indicator in one region, by period index order."""
        cells = self.cells[indicator].get(key)
        if cells is None:
            return []
        found = []
        for p, value, number in cells.items():
            place = self.places.place(number)
            qualifier, source, note = cells.extras.get(p) or (None, None, None)
            found.append(
                Observation(
                    self.periods[p],
                    value,
                    place.file,
                    place.line or 0,
                    qualifier,
                    source,
                    note,
                    place.sheet,
                    place.cell,
                )
            )
        return found

    def shares_moments(self) -> bool:
        """Whether two periods seen end at the same moment (`2024` and `2024-12`)."""
        return len({p.time for p in self.periods}) < len(self.periods)

    def order(self) -> list[int]:
        """Period indexes, oldest first; at one moment, the finest period first."""
        if len(self._order) != len(self.periods):
            periods = self.periods
            self._order = sorted(range(len(periods)), key=lambda p: periods[p].sort_key)
        return self._order


class Actuals(NamedTuple):
    """One data set read from one or more files."""

    files: tuple[str, ...]
    #: Territory observations of each indicator, oldest first, one a moment.
    series: dict[str, tuple[Observation, ...]]
    #: How many regions have figures, for each indicator that has region figures.
    regions: dict[str, int]
    #: The latest period of any figure: the default `as_of`.
    latest: Period | None = None
    rows: int = 0  # figures kept: one per indicator, region and period
    store: Store | None = None  # every region's figures, for the breakdown

    def latest_at(self, indicator: str, as_of: Period) -> Observation | None:
        """The last territory observation that ends no later than `as_of` ends."""
        due = [o for o in self.series.get(indicator, ()) if o.period.time <= as_of.time]
        return due[-1] if due else None

    def region_names(self, indicator: str) -> dict[str, str]:
        """Region key -> the region's name as first written, for regions with figures."""
        if self.store is None:
            return {}
        return {
            key: cells.region
            for key, cells in self.store.cells.get(indicator, {}).items()
            if key != TERRITORY
        }

    def region_points(
        self, indicator: str, key: str, until: float
    ) -> list[tuple[float, Period, float]]:
        """(time, period, value) of a region's figures ending no later than `until`,
        oldest first, one a moment (the coarsest period's, as in `one_a_moment`).

        Plain tuples over the region's cells: the breakdown reads every region this way,
        one at a time, and builds an `Observation` only for the figures it shows.
        """
        store = self.store
        cells = store.cells.get(indicator, {}).get(key) if store is not None else None
        if store is None or cells is None:
            return []
        periods = store.periods
        chosen: dict[float, tuple[int, float]] = {}
        for p, value, _ in cells.items():
            period = periods[p]
            time = period.time
            if time > until:
                continue
            old = chosen.get(time)
            if old is None or period.granularity > periods[old[0]].granularity:
                chosen[time] = (p, value)
        return [(time, periods[p], value) for time, (p, value) in sorted(chosen.items())]

    def region_ends(self, indicator: str, key: str, until: float) -> tuple[Figure, Figure] | None:
        """A region's earliest figure and its latest ending no later than `until`, one a
        moment (the coarsest period's, as in `one_a_moment`); None without a figure by
        then. Without their places: what a row of the breakdown shows.

        Looks from each end of the periods in time order, so a region with a figure every
        month costs a few look-ups, not one per month.
        """
        store = self.store
        cells = store.cells.get(indicator, {}).get(key) if store is not None else None
        if store is None or cells is None:
            return None
        periods = store.periods
        order = store.order()
        sparse = cells.indexes()
        if sparse is not None and len(sparse) < len(order) // 4:
            position = {p: k for k, p in enumerate(order)}
            order = sorted(sparse, key=position.__getitem__)
        get = cells.get
        last = None
        for p in reversed(order):
            if periods[p].time <= until and (found := get(p)) is not None:
                last = _figure(cells, periods[p], p, found[0])
                break
        if last is None:
            return None
        first = None
        for p in order:
            if first is not None and periods[p].time != first.period.time:
                break
            if (found := get(p)) is not None:  # the coarsest at the earliest moment is the last
                first = _figure(cells, periods[p], p, found[0])
        assert first is not None
        return first, last

    def region_series(self, indicator: str, key: str) -> tuple[Observation, ...]:
        """A region's observations, oldest first, one a moment (built when asked for)."""
        if self.store is None:
            return ()
        return one_a_moment(self.store.observations(indicator, key))[0]


def _figure(cells: Cells, period: Period, p: int, value: float) -> Figure:
    """The figure `value` of `cells` at period index `p`, without its place, which costs
    as much again to find: for the thousands of rows of a breakdown."""
    extra = cells.extras.get(p)
    if extra is None:
        return Figure(period, value)
    return Figure(period, value, *extra)


def one_a_moment(
    observations: list[Observation],
) -> tuple[tuple[Observation, ...], list[tuple[Observation, Observation]]]:
    """Observations oldest first, periods that end at the same moment taken as one: the
    coarsest is kept (an annual figure over a December one). Also the pairs whose
    figures differ (kept, passed over)."""
    ordered = sorted(observations, key=lambda o: o.period.sort_key)
    kept: list[Observation] = []
    differ: list[tuple[Observation, Observation]] = []
    group: list[Observation] = []
    for observation in [*ordered, None]:
        if group and (observation is None or observation.period.time != group[0].period.time):
            coarsest = group[-1]
            kept.append(coarsest)
            differ += [(coarsest, o) for o in group[:-1] if o.value != coarsest.value]
            group = []
        if observation is not None:
            group.append(observation)
    return tuple(kept), differ


def build_actuals(store: Store) -> Actuals:
    """The data set of a filled store: each indicator's territory series, one figure a
    moment, and how many regions have figures. It judges nothing: what the figures say
    together is told by `load.consistency`, after collection."""
    series: dict[str, tuple[Observation, ...]] = {}
    regions: dict[str, int] = {}
    for indicator, by_region in store.cells.items():
        for key in [k for k, cells in by_region.items() if cells.empty]:
            del by_region[key]  # made for a row whose figure was then refused
        region_count = len(by_region) - (TERRITORY in by_region)
        if region_count:
            regions[indicator] = region_count
        if TERRITORY in by_region:
            series[indicator] = one_a_moment(store.observations(indicator, TERRITORY))[0]
    latest = max(store.periods, key=lambda p: p.sort_key, default=None)
    return Actuals(tuple(store.files), series, regions, latest, store.size, store)
