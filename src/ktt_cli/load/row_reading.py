"""How the reader of actuals reads the rows of a table by its layout: long (a figure a row,
by a fast path of plain look-ups), wide (an indicator a column) or an office's report
table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from ktt_cli.figures_text import plain_figure
from ktt_cli.load.collect_state import (
    _EXTRAS_KEPT,
    _NO_EXTRA,
    _empty,
    _header_again,
    _holds_figure,
    _Indicator,
    _no_figure,
    _Waits,
)
from ktt_cli.load.columns import Layout
from ktt_cli.load.figures import (
    Cell,
)
from ktt_cli.load.row_checks import _RowChecks
from ktt_cli.store_cells import Cells, Extra
from ktt_cli.units import Unit

if TYPE_CHECKING:
    pass


class _RowReading(_RowChecks):
    # ---- layouts ---------------------------------------------------------------

    def _long_rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        columns = layout.columns
        if "unit" in columns or "kind" in columns:  # a cell to check on every row
            for number, row in zip(numbers, rows, strict=True):
                self._long_row(layout, number, row)
            return
        i_ind, i_per, i_val = columns["indicator"], columns["period"], columns["value"]
        i_reg = columns.get("region")
        texts = [columns[c] for c in ("source", "note") if c in columns]
        # Whether a row's source and note cells are empty (the common row), so that
        # `_extra` has nothing to make of them: in a text file every cell is a str, and
        # truth says it; a sheet's cells are compared with empty ones.
        i_text, i_text2 = (texts + texts)[:2] if texts else (0, 0)
        text_cells = self.stride == 1
        texts_of = itemgetter(*texts) if texts else None
        no_texts: object = ("",) * len(texts) if len(texts) > 1 else ""
        # A comment's first cell is in no look-up table, so a comment row with it in a
        # column looked up goes to `_long_row`; only a text column first is checked.
        width, comments_elsewhere = layout.width, 0 not in (i_ind, i_per, i_val, i_reg)
        by_text, by_period = self.by_text, self.by_period
        no_region = self.no_column_region
        stride = self.stride
        offset = self.base + (i_val if stride > 1 else 0)  # a line of text is one place
        places: Iterable[int]
        if isinstance(numbers, range) and stride == 1:  # a text file's block of lines
            places = range(numbers.start + offset, numbers.stop + offset)
        else:
            places = map(offset.__add__, numbers if stride == 1 else map(stride.__mul__, numbers))
        # The fast path takes a row whose every cell has been seen before; it runs a
        # million times, so it is plain look-ups. Anything else goes to `_long_row`. Rows
        # come grouped by indicator or period, so a cell equal to the row before's is
        # not looked up again (comparing two strings is cheaper than hashing one).
        # A row whose figure is set in the arrays here is counted as the rows of the
        # chunk less those that went elsewhere (which count their own, if any).
        last_ind = last_per = last_text = last_text2 = last_texts = None
        last_extra: Extra | None = None
        extra_of = self.extra_of
        split_after = self.split_after
        indicator: _Indicator
        figures: dict[object, float] = {}
        regions: dict[object, Cells] = {}
        p = elsewhere = 0
        for place, row in zip(places, rows, strict=True):
            try:
                if row[i_ind] != last_ind:
                    indicator = by_text[row[i_ind]]
                    figures, regions = indicator.figures, indicator.regions
                    last_ind = row[i_ind]
                if row[i_per] != last_per:
                    p = by_period[row[i_per]]
                    last_per = row[i_per]
                cells = regions[row[i_reg] if i_reg is not None else no_region]
                try:
                    value = figures[row[i_val]]
                except KeyError:  # a figure not seen before: most are written plainly
                    value = self._plain_figure(indicator, row[i_val])
            except _Waits as waits:
                elsewhere += 1
                if not self._wait(layout, row, indicator, p, cells, waits.cell, place):
                    self._long_row(layout, (place - offset) // stride, row)
                continue
            except (KeyError, IndexError, TypeError):
                elsewhere += 1
                self._long_row(layout, (place - offset) // stride, row)
                continue
            if len(row) != width:
                # a sheet's row ends at its last cell: a short one has empty cells after
                if text_cells or len(row) > width:
                    elsewhere += 1
                    self._long_row(layout, (place - offset) // stride, row)
                    continue
                row = [*row, *(None,) * (width - len(row))]
            if comments_elsewhere and isinstance(row[0], str) and row[0].lstrip()[:1] == "#":
                elsewhere += 1
                self._long_row(layout, (place - offset) // stride, row)
                continue
            if not cells.fill(p, value, place):
                elsewhere += 1
                if cells.get(p) is None:
                    self.store.put(cells, p, value, place)
                else:
                    self._again(indicator, cells, p, value, place)
                    continue
            if texts_of is None:
                continue
            if text_cells:
                if not (row[i_text] or row[i_text2]):
                    continue
                if split_after:  # on every row with a text cell, as `_extra` would
                    self._split_decimal(row, place)
                # the same source on many rows one after another is read once
                if row[i_text] != last_text or row[i_text2] != last_text2:
                    last_text, last_text2 = row[i_text], row[i_text2]
                    last_extra = extra_of.get((last_text, last_text2), _NO_EXTRA)
                    if last_extra is _NO_EXTRA:
                        last_extra = self._extra(row, layout)
                        if len(extra_of) < _EXTRAS_KEPT:
                            extra_of[last_text, last_text2] = last_extra
            else:
                texts = texts_of(row)
                if texts == no_texts:
                    continue
                if split_after:
                    self._split_decimal(row, place)
                if texts != last_texts:
                    last_texts, last_extra = texts, self._extra(row, layout)
            if last_extra is not None:
                cells.set_extra(p, last_extra)
        self.store.added(len(numbers) - elsewhere)

    def _plain_figure(self, indicator: _Indicator, cell: object) -> float:
        """The figure of a value cell written plainly (`numbers.plain_figure`), kept for the
        rows after; KeyError for any other, which `_long_row` reads in full. Decimals in
        a file of thousands of communes are mostly new texts, each of which would
        otherwise take the long way once."""
        value = (
            plain_figure(cell, self.style, percent=indicator.unit is Unit.PERCENT)
            if isinstance(cell, str)
            else None
        )
        if value is None:
            if self.style is None and (parts := indicator.waiting.get(cell)) is not None:
                raise _Waits(parts)
            raise KeyError(cell)
        indicator.figures[cell] = value
        return value

    def _wait(
        self,
        layout: Layout,
        row: Sequence[object],
        indicator: _Indicator,
        p: int,
        cells: Cells,
        cell: Cell,
        place: int,
    ) -> bool:
        """A text row whose value cell is one seen waiting for the file's style: it waits
        too, as `_long_row` would have it; False for a row `_long_row` must read (of
        another width, a comment, a sheet's)."""
        if self.stride != 1 or len(row) != layout.width or str(row[0]).lstrip()[:1] == "#":
            return False
        self.pending.append(indicator, p, cells, cell, place, self._extra(row, layout, place))
        return True

    def _long_row(self, layout: Layout, number: int, row: Sequence[object]) -> None:
        """A long row the fast path could not take."""
        fitted = self._fitted(row, layout, number)
        if fitted is None:
            return
        columns = layout.columns
        i_val = columns["value"]
        place = self.base + number * self.stride
        value_cell = fitted[i_val]
        if _empty(value_cell) or _no_figure(value_cell):
            if _empty(fitted[columns["period"]]):  # a signature or a date of signing
                self.passed.add(place)
            else:
                self.no_figure.add(self._cell(place, i_val))
            return
        indicator = self._indicator(
            fitted[columns["indicator"]], self._cell(place, columns["indicator"])
        )
        if indicator is None:
            return
        p = self._period(fitted[columns["period"]], self._cell(place, columns["period"]))
        if p is None:
            return
        cells = self._cells(indicator, fitted, layout, place)
        if cells is None:
            return
        estimate = False
        if (i_kind := columns.get("kind")) is not None:
            said = self._row_kind(fitted[i_kind], self._cell(place, i_kind))
            if said is None:
                return
            estimate = said
        self._check_unit(indicator, fitted, layout, place)
        self._figure(
            indicator,
            p,
            cells,
            value_cell,
            self._cell(place, i_val),
            self._extra(fitted, layout, place),
            estimate,
        )

    def _wide_rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        i_per = layout.columns["period"]
        indicators = [(col, self.indicators[i]) for col, i in layout.indicators.items()]
        stride = self.stride
        for number, row in zip(numbers, rows, strict=True):
            fitted = self._fitted(row, layout, number)
            if fitted is None:
                continue
            place = self.base + number * stride
            filled = [(col, ind) for col, ind in indicators if not _empty(fitted[col])]
            if not filled:  # blank cells: no figure for that period, so no period either
                self.passed.add(place)
                continue
            p = self._period(fitted[i_per], self._cell(place, i_per))
            if p is None:
                continue
            extra = self._extra(fitted, layout, place)
            for col, indicator in filled:
                if _no_figure(fitted[col]):
                    self.no_figure.add(self._cell(place, col))
                    continue
                cells = self._cells(indicator, fitted, layout, place)
                if cells is not None:
                    self._figure(indicator, p, cells, fitted[col], self._cell(place, col), extra)

    def _table_rows(
        self, layout: Layout, numbers: Sequence[int], rows: Iterable[Sequence[object]]
    ) -> None:
        if self.table_over:  # rows after a second table's header
            return
        i_ind = layout.columns["indicator"]
        i_reg = layout.columns.get("region")
        i_kind = layout.columns.get("kind")
        stride = self.stride
        periods = [
            (col, self.store.period(period), est) for col, (period, est) in layout.periods.items()
        ]
        for number, row in zip(numbers, rows, strict=True):
            fitted = self._fitted(row, layout, number)
            if fitted is None:
                continue
            place = self.base + number * stride
            filled = [(col, p, est) for col, p, est in periods if not _empty(fitted[col])]
            figures = [(col, p, est) for col, p, est in filled if _holds_figure(fitted[col])]
            name = fitted[i_ind]
            if not figures and _header_again(fitted, layout):
                # a second table under the first: its columns may hold other periods or
                # kinds than the first's, so no row of it is read under the first's header
                self._say(self._cell(place, i_ind), "header_again")
                self.table_over = True
                return
            if i_kind is not None and figures:
                said = self._row_kind(fitted[i_kind], self._cell(place, i_kind))
                if said is None:
                    continue
                filled = [(col, p, est or said) for col, p, est in filled]
            if i_reg is not None and not self._region_filled(
                fitted, i_reg, number, place, bool(figures)
            ):
                continue
            if not figures and self._region_group(name, i_reg, number, place):
                continue
            if self.region_grouped:
                continue
            if not figures:  # a group row ("I. Tổ hợp tác"), a signature, or "-" only
                marks = [col for col, _, _ in filled if _no_figure(fitted[col])]
                if marks and len(marks) == len(filled):
                    for col in marks:
                        self.no_figure.add(self._cell(place, col))
                else:
                    self.passed.add(place)
                continue
            indicator = self._table_indicator(name, self._cell(place, i_ind))
            if indicator is None:
                continue
            cells = self._cells(indicator, fitted, layout, place)
            if cells is None:
                continue
            self._check_unit(indicator, fitted, layout, place)
            extra = self._extra(fitted, layout, place)
            for col, p, estimate in filled:
                if _no_figure(fitted[col]):
                    self.no_figure.add(self._cell(place, col))
                    continue
                self._figure(
                    indicator, p, cells, fitted[col], self._cell(place, col), extra, estimate
                )
