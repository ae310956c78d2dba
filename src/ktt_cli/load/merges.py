"""The cells an .xlsx sheet's merged ranges cover, asked row by row as the rows are read.

A merged range shows its top-left cell; the others are empty, whatever the file keeps
in them (LibreOffice can keep their values). A range may span whole columns
(``A1:A1048576``): what it covers is never listed cell by cell nor row by row, so a
sheet costs in proportion to its ranges and its cells, not to the area they span
(SPEC §7). The rows come in their order; a sweep down the sheet keeps, for each
column, how many ranges cover it at the current row (a Fenwick tree over the 16,384
columns: a range added or removed, or a column asked, in 14 steps).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ktt_cli.load.workbook import MAX_COLUMNS

#: Merged ranges a sheet may hold: a report table has a few hundred (captions, group
#: rows, signature blocks); beyond this the sheet is damaged or hostile.
MAX_MERGES = 100_000


class MergesOutOfOrder(Exception):
    """A row came after a later one: the sweep cannot go back (no spreadsheet program
    writes rows out of order)."""

    def __init__(self, previous: int) -> None:
        super().__init__(previous)
        self.previous = previous


class Merges:
    """The merged ranges of a sheet, given as (top, left, bottom, right), 1-based."""

    def __init__(self, ranges: Iterable[tuple[int, int, int, int]]) -> None:
        last = MAX_COLUMNS
        spans = [
            (min(top, bottom), min(left, right), max(top, bottom), min(max(left, right), last))
            for top, left, bottom, right in ranges
            if (top, left) != (bottom, right) and min(left, right) <= last
        ]
        self._starts = sorted(spans)
        self._ends = sorted(spans, key=lambda s: s[2])
        self._corners = Counter((top, left) for top, left, _, _ in spans)
        self._tree = [0] * (MAX_COLUMNS + 2)
        self._next_start = self._next_end = 0
        self._active = 0
        self._row = 0

    def __bool__(self) -> bool:
        return bool(self._starts)

    def blank(self, number: int, row: list[object]) -> None:
        """Empty the cells of row `number` that a range covers, but its top-left one."""
        self._move_to(number)
        if not self._active:
            return
        for index, value in enumerate(row):
            if value is not None and self._covers(number, index + 1):
                row[index] = None

    def _move_to(self, number: int) -> None:
        if number < self._row:
            raise MergesOutOfOrder(self._row)
        self._row = number
        starts, ends = self._starts, self._ends
        while self._next_start < len(starts) and starts[self._next_start][0] <= number:
            _, left, _, right = starts[self._next_start]
            self._add(left, right, 1)
            self._next_start += 1
        while self._next_end < len(ends) and ends[self._next_end][2] < number:
            _, left, _, right = ends[self._next_end]
            self._add(left, right, -1)
            self._next_end += 1

    def _add(self, left: int, right: int, step: int) -> None:
        self._active += step
        self._bump(left, step)
        self._bump(right + 1, -step)

    def _bump(self, column: int, step: int) -> None:
        tree = self._tree
        while column < len(tree):
            tree[column] += step
            column += column & -column

    def _covers(self, number: int, column: int) -> bool:
        count, tree, at = 0, self._tree, min(column, len(self._tree) - 1)
        while at > 0:
            count += tree[at]
            at -= at & -at
        return count - self._corners.get((number, column), 0) > 0
