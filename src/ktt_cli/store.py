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

import math
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ktt_cli.numbers import plain_number
from ktt_cli.periods import Period
from ktt_cli.problems import Place, ProblemLog, cell_name

_NAN = math.nan
#: A sparse series turns dense once it fills this share of the period slots it would need.
_DENSE_FROM = 0.25
_NO_SLOTS: array[int] = array("Q")  # the `dense` of every sparse series: never written to
#: The array type of place numbers: 64 bits, as a sheet's row takes 16,384 of them (a cell
#: each, to column XFD), so that a workbook of a million rows still numbers every cell.
_PLACES = "Q"

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


class _Segment(NamedTuple):
    start: int
    file: str
    sheet: str | None
    stride: int  # place numbers per row: 1 in a text file, the row's width in a sheet


class Places:
    """Global place numbers <-> (file, line) or (file, sheet, cell). Number 0 is no place."""

    def __init__(self) -> None:
        self._segments: list[_Segment] = []
        self._next = 1

    def begin(self, file: str, sheet: str | None = None, stride: int = 1) -> int:
        """Start numbering a file (or a sheet); returns the number of its row 0, column 0."""
        start = self._next
        self._segments.append(_Segment(start, file, sheet, stride))
        return start

    def restride(self, stride: int) -> None:
        """Number the last segment (begun, none of its places kept yet) `stride` places a
        row: a text file's report table, whose problems are placed by line and column."""
        self._segments[-1] = self._segments[-1]._replace(stride=stride)

    def end(self, rows: int) -> None:
        """The last segment holds `rows` rows (its largest row number + 1)."""
        last = self._segments[-1]
        self._next = last.start + (rows + 1) * last.stride

    def place(self, number: int) -> Place:
        for segment in reversed(self._segments):
            if number >= segment.start:
                row, column = divmod(number - segment.start, segment.stride)
                if segment.sheet is None:
                    if segment.stride > 1:  # a report table's line, cell by cell
                        return Place(segment.file, row, None, None, column + 1)
                    return Place(segment.file, row)
                return Place(segment.file, row, segment.sheet, cell_name(row, column + 1))
        raise ValueError(number)


class Extra(NamedTuple):
    """What a figure carries besides its value, where it carries anything."""

    qualifier: str | None
    source: str | None
    note: str | None


class Extras:
    """The extras of one series, by period index: a dict while they are few for the span of
    their periods, then a list with a slot for each period, 8 bytes a period where a dict
    takes about 40 an entry (a file with a source on every row has an extra a figure),
    which a reader sets without a call."""

    __slots__ = ("_sparse", "_top", "listed")

    def __init__(self) -> None:
        self._sparse: dict[int, Extra] | None = {}
        #: Once the extras are many, `listed[p]` is the extra at period index `p` (None:
        #: none); a reader may set an index below its length directly.
        self.listed: list[Extra | None] = []
        self._top = -1  # the highest period index in `_sparse`

    def get(self, p: int) -> Extra | None:
        if self._sparse is not None:
            return self._sparse.get(p)
        listed = self.listed
        return listed[p] if p < len(listed) else None

    def __setitem__(self, p: int, extra: Extra) -> None:
        sparse = self._sparse
        if sparse is None:
            listed = self.listed
            if p >= len(listed):
                listed.extend([None] * (max(p + 1, 2 * len(listed)) - len(listed)))
            listed[p] = extra
            return
        sparse[p] = extra
        self._top = max(self._top, p)
        if len(sparse) >= _LISTED_FROM and _LISTED_FROM * len(sparse) > self._top:
            self.listed = [None] * (self._top + 1)
            for k, kept in sparse.items():
                self.listed[k] = kept
            self._sparse = None


#: Extras are kept in a list once there are this many, on more than one period in this
#: many: a list slot costs no more than the arrays' 12 bytes a period of a dense series.
_LISTED_FROM = 16


class Cells:
    """One indicator in one region: a figure and its place number for each period index.

    Dense, `values` and `places` are indexed by period index (place 0: no figure).
    Sparse (`periods` is not None), the three arrays hold one entry a figure, in
    increasing period index, found by bisection: 16 bytes a figure, whatever the
    spread of periods among regions.
    """

    __slots__ = ("dense", "extras", "periods", "places", "region", "values")

    def __init__(self, region: str) -> None:
        self.region = region  # as first written (NFC, spaces folded); "" for the territory
        self.values = array("d")
        self.places = array(_PLACES)
        self.periods: array[int] | None = array("I")
        #: `places` once the series is dense, else an empty array: a reader that sets
        #: figures in the arrays itself checks one length for both.
        self.dense: array[int] = _NO_SLOTS
        self.extras = Extras()

    @property
    def empty(self) -> bool:
        """No figure: cells made for a row whose figure was then refused. A series turns
        dense only once it has figures, so only a sparse one can be empty."""
        return self.periods is not None and not self.periods

    def get(self, p: int) -> tuple[float, int] | None:
        """(value, place) at period index `p`, or None."""
        periods = self.periods
        if periods is not None:
            k = bisect_left(periods, p)
            if k < len(periods) and periods[k] == p:
                return self.values[k], self.places[k]
            return None
        if p < len(self.places) and self.places[p]:
            return self.values[p], self.places[p]
        return None

    def put(self, p: int, value: float, place: int) -> None:
        """Set a figure at a period index that has none (`Store.put` counts it)."""
        periods = self.periods
        if periods is None:
            if p >= len(self.places):
                self._grow(p + 1)
            self.values[p], self.places[p] = value, place
            return
        k = len(periods) if not periods or p > periods[-1] else bisect_left(periods, p)
        periods.insert(k, p)
        self.values.insert(k, value)
        self.places.insert(k, place)
        count = len(periods)
        if count >= 8 and count >= _DENSE_FROM * (periods[-1] + 1):
            self._densify(periods)

    def _densify(self, periods: array[int]) -> None:
        values, places = self.values, self.places
        self.periods, self.values, self.places = None, array("d"), array(_PLACES)
        self.dense = self.places
        self._grow(periods[-1] + 1)
        for k, p in enumerate(periods):
            self.values[p], self.places[p] = values[k], places[k]

    def _grow(self, size: int) -> None:
        size = max(size, 2 * len(self.places), 16)
        extra = size - len(self.places)
        self.values.extend(array("d", [_NAN]) * extra)
        self.places.extend(array(_PLACES, [0]) * extra)

    def indexes(self) -> Sequence[int] | None:
        """The period indexes with a figure, where the series is sparse; else None."""
        return self.periods

    def items(self) -> Iterator[tuple[int, float, int]]:
        """(period index, value, place) of every figure."""
        if self.periods is not None:
            yield from zip(self.periods, self.values, self.places, strict=True)
            return
        places = self.places
        for p, value in enumerate(self.values):
            if places[p]:
                yield p, value, places[p]


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
        #: that sets figures in the arrays itself adds up its own.
        self.size = 0

    def period(self, period: Period) -> int:
        index = self.period_index.get(period)
        if index is None:
            index = self.period_index[period] = len(self.periods)
            self.periods.append(period)
        return index

    def put(self, cells: Cells, p: int, value: float, place: int) -> None:
        """Set a figure of `cells` at a period index that has none, and count it."""
        cells.put(p, value, place)
        self.size += 1

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
    ) -> list[tuple[float, int, float]]:
        """(time, period index, value) of a region's figures ending no later than `until`,
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
        return [(time, p, value) for time, (p, value) in sorted(chosen.items())]

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


def build_actuals(store: Store, names: dict[str, str], log: ProblemLog) -> Actuals:
    """The data set of a filled store; logs what the figures say together.

    `names` gives each indicator's name for messages.
    """
    series: dict[str, tuple[Observation, ...]] = {}
    regions: dict[str, int] = {}
    shared_moments = len({p.time for p in store.periods}) < len(store.periods)
    for indicator, by_region in store.cells.items():
        for key in [k for k, cells in by_region.items() if cells.empty]:
            del by_region[key]  # made for a row whose figure was then refused
        region_count = len(by_region) - (TERRITORY in by_region)
        if region_count:
            regions[indicator] = region_count
        if shared_moments:
            for key in by_region:
                if key != TERRITORY:
                    differ = one_a_moment(store.observations(indicator, key))[1]
                    _log_differ(differ, names[indicator], log)
        if TERRITORY not in by_region:
            if region_count:
                first = min(n for cells in by_region.values() for _, _, n in cells.items())
                log.say(
                    store.places.place(first),
                    "no_territory_rows",
                    "warning",
                    None,
                    indicator=names[indicator],
                    regions=region_count,
                )
            continue
        kept, differ = one_a_moment(store.observations(indicator, TERRITORY))
        _log_differ(differ, names[indicator], log)
        series[indicator] = kept
    latest = max(store.periods, key=lambda p: p.sort_key, default=None)
    return Actuals(tuple(store.files), series, regions, latest, store.size, store)


def _log_differ(differ: list[tuple[Observation, Observation]], name: str, log: ProblemLog) -> None:
    for kept, dropped in differ:
        log.say(
            Place(kept.file, kept.line, kept.sheet, kept.cell),
            "same_moment",
            "warning",
            None,
            indicator=name,
            period=kept.period,
            other=dropped.period,
            value=plain_number(kept.value),
            other_value=plain_number(dropped.value),
            at=_at(dropped),
        )


def _at(observation: Observation) -> str:
    if observation.sheet is not None:
        return f"{observation.file}:{observation.sheet}!{observation.cell}"
    return f"{observation.file}:{observation.line}"
