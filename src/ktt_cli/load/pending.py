"""Value cells that wait for their file to show its number style (SPEC §3 "Figures").

A cell both styles read, as different numbers (`34.817`, `1.234`), waits until a cell
of the file decides its style, or the file ends and the unit decides. In a file where
nothing decides (percentages all written with three decimals) every such row waits, so
they are kept in parallel arrays, about 45 bytes a row, rather than a tuple and its
numbers a row (some 120).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator


class PendingRows:
    """The rows waiting in one file: (indicator, period index, cells, cell, place, extra)."""

    __slots__ = ("_cells", "_extras", "_indicators", "_parts", "_periods", "_places")

    def __init__(self) -> None:
        self._indicators: list[object] = []
        self._periods = array("I")
        self._cells: list[object] = []
        self._parts: list[object] = []
        self._places = array("q")
        self._extras: list[object] = []

    def append(
        self, indicator: object, period: int, cells: object, cell: object, place: int, extra: object
    ) -> None:
        self._indicators.append(indicator)
        self._periods.append(period)
        self._cells.append(cells)
        self._parts.append(cell)
        self._places.append(place)
        self._extras.append(extra)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[tuple[object, int, object, object, int, object]]:
        return zip(
            self._indicators,
            self._periods,
            self._cells,
            self._parts,
            self._places,
            self._extras,
            strict=True,
        )
