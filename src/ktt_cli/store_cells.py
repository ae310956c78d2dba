"""The store's parts: a series of one indicator in one region (a figure and its place
number for each period, dense or sparse), and the place numbers that tell each figure's
file and line, or sheet and cell."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ktt_cli.problems import Place, cell_name

_NAN = math.nan


#: A sparse series turns dense once it fills this share of the period slots it would need.
_DENSE_FROM = 0.25


_NO_SLOTS: array[int] = array("Q")  # the `dense` of every sparse series: never written to


#: The array type of place numbers: 64 bits, as a sheet's row takes 16,384 of them (a cell
#: each, to column XFD), so that a workbook of a million rows still numbers every cell.
_PLACES = "Q"


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
        #: `places` once the series is dense, else an empty array: `fill` checks one
        #: length for both.
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

    def fill(self, p: int, value: float, place: int) -> bool:
        """Set a figure at period index `p` where the series is dense and has a slot free
        there; False (nothing set) otherwise, for `Store.put` or a repeated figure. The
        readers' hot path: one call, no look-up, and the caller counts what it filled
        (`Store.added`)."""
        slots = self.dense
        if p < len(slots) and not slots[p]:
            self.values[p] = value
            slots[p] = place
            return True
        return False

    def set_extra(self, p: int, extra: Extra) -> None:
        """What the figure at period index `p` carries besides its value (its qualifier,
        source, note): a list slot where the extras are many, without a further call."""
        listed = self.extras.listed
        if p < len(listed):
            listed[p] = extra
        else:
            self.extras[p] = extra

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
