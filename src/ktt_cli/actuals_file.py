"""Actuals files -> one Actuals data set, each problem placed by file and line (SPEC §3).

Rows are not kept. For each indicator and region the reader keeps one float per
period and the line that gave it (line 0 where no row did): exactly what the
duplicate rule and the latest figure need. Texts already seen (indicator ids,
periods, regions, value cells) are looked up, not read again, so the common
row costs a handful of dictionary look-ups; everything unusual leaves the fast
path for `_Reader` methods that explain themselves.
"""

from __future__ import annotations

import math
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ktt_cli.cells import CellError, read_cell
from ktt_cli.columns import Layout, did_you_mean, normalise, read_layout, region_key
from ktt_cli.csv_input import InputStop, Source, open_csv
from ktt_cli.model import TargetsFile, Unit
from ktt_cli.numbers import NumberStyle, plain_number
from ktt_cli.observations import Actuals, Observation
from ktt_cli.periods import Period, PeriodError, parse_period
from ktt_cli.problems import ProblemLog, shown

_NAN = math.nan
_TERRITORY = ""


class ReadOptions(NamedTuple):
    number_style: NumberStyle = NumberStyle.AUTO
    encoding: str | None = None


class _Cells:
    """One indicator in one region: a figure and the global line that gave it, per period
    index; line 0 (no line has that number) marks a period with no figure."""

    __slots__ = ("lines", "region", "values")

    def __init__(self, region: str, size: int) -> None:
        self.region = region
        self.values = array("d", [_NAN]) * size
        self.lines = array("I", [0]) * size

    def grow(self, size: int) -> None:
        extra = size - len(self.values)
        self.values.extend(array("d", [_NAN]) * extra)
        self.lines.extend(array("I", [0]) * extra)


class _Indicator:
    __slots__ = ("by_key", "cells", "figures", "id", "unit")

    def __init__(self, indicator_id: str, unit: Unit, figures: dict[str, float]) -> None:
        self.id = indicator_id
        self.unit = unit
        self.cells: dict[str, _Cells] = {}  # region text as written -> its cells
        self.by_key: dict[str, _Cells] = {}  # region as compared -> its cells
        self.figures = figures  # plain value text -> figure, shared by indicators of a unit


class _Extra(NamedTuple):
    """What a territory row carries besides its figure."""

    qualifier: str | None
    source: str | None
    note: str | None


def read_actuals(
    sources: Sequence[Source], targets: TargetsFile, options: ReadOptions, log: ProblemLog
) -> Actuals:
    reader = _Reader(targets, options, log)
    for source in sources:
        reader.read_file(source)
    return reader.actuals()


class _Reader:
    def __init__(self, targets: TargetsFile, options: ReadOptions, log: ProblemLog) -> None:
        self.targets = targets
        self.options = options
        self.log = log
        figures: dict[Unit, dict[str, float]] = {unit: {} for unit in Unit}
        self.indicators = {
            i.id: _Indicator(i.id, i.unit, figures[i.unit]) for i in targets.indicators
        }
        self.by_text: dict[str, _Indicator] = dict(self.indicators)
        self.periods: list[Period] = []
        self.period_index: dict[str, int] = {}  # canonical text -> index
        self.by_period_text: dict[str, int] = {}  # text as written -> index
        self.unknown: dict[str, str] = {}  # an indicator text not in the programme -> why
        self.files: list[str] = []
        self.file_starts: list[int] = []  # global line number of each file's line 0
        self.next_start = 0
        self.extras: dict[tuple[str, int], _Extra] = {}
        self.all_cells: list[_Cells] = []
        self.capacity = 64  # slots for periods in every array, doubled as periods come
        self.data_rows = 0  # rows read that are neither blank nor comments

    # ---- files ----------------------------------------------------------------

    def read_file(self, source: Source) -> None:
        self.files.append(source.name)
        self.file_starts.append(self.next_start)
        try:
            raw = source.open()
        except OSError as e:
            self.log.error(source.name, None, "unreadable", e.strerror or str(e))
            return
        with raw:
            try:
                opened = open_csv(source, raw, self.options.encoding)
            except InputStop as stop:
                self.log.error(source.name, stop.line, stop.code, stop.message)
                return
            except UnicodeError as e:  # a codec refusing the file outright
                self.log.error(source.name, 1, "encoding", str(e))
                return
            layout, problems = read_layout(opened.header, self.indicators, opened.delimiter)
            for code, message in problems:
                self.log.error(source.name, opened.header_line, code, message)
            if layout is None:
                return
            for name in layout.ignored:
                self.log.warning(
                    source.name,
                    opened.header_line,
                    "ignored_column",
                    f"the column {shown(name)} is not one ktt reads; it is left out",
                )
            rows_before, problems_before = self.data_rows, self.log.total
            lines_read = opened.header_line
            start = self.file_starts[-1]
            read_rows = self._wide_rows if layout.wide else self._long_rows
            try:
                for lines, rows in opened.chunks():
                    lines_read = lines[-1]
                    self.data_rows += len(lines)
                    read_rows(_shifted(lines, start), rows, layout)
            except InputStop as stop:
                self.log.error(source.name, stop.line, stop.code, stop.message)
            except UnicodeError as e:
                self.log.error(source.name, lines_read + 1, "encoding", str(e))
            self.next_start += lines_read + 1
            if self.data_rows == rows_before and self.log.total == problems_before:
                self.log.warning(
                    source.name, opened.header_line, "no_rows", "the file has a header but no rows"
                )

    def _long_rows(self, lines: Sequence[int], rows: Iterable[list[str]], layout: Layout) -> None:
        columns = layout.columns
        i_ind, i_per, i_val = columns["indicator"], columns["period"], columns["value"]
        i_reg = columns.get("region")
        extras = "source" in columns or "note" in columns
        width, comments_elsewhere = layout.width, i_ind != 0
        by_text, by_period_text = self.by_text, self.by_period_text
        # The fast path takes a row whose every text has been seen before; it runs a
        # million times, so it is plain look-ups. Anything else goes to `_row`. Rows
        # come grouped by indicator or period, so a text equal to the row before's is
        # not looked up again (comparing two strings is cheaper than hashing one).
        last_ind = last_per = None
        indicator: _Indicator
        p = 0
        for line, row in zip(lines, rows, strict=True):
            try:
                if row[i_ind] != last_ind:
                    indicator = by_text[row[i_ind]]
                    last_ind = row[i_ind]
                if row[i_per] != last_per:
                    p = by_period_text[row[i_per]]
                    last_per = row[i_per]
                value = indicator.figures[row[i_val]]
                cells = indicator.cells[row[i_reg] if i_reg is not None else _TERRITORY]
            except (KeyError, IndexError):
                self._row(row, line, layout)
                continue
            if len(row) != width or (comments_elsewhere and row[0][:1] == "#"):
                self._row(row, line, layout)
                continue
            lines_of = cells.lines
            if lines_of[p]:  # a line gave this cell a figure already
                self._again(indicator, cells, p, value, line)
                continue
            lines_of[p] = line
            cells.values[p] = value
            if extras and not cells.region:
                self._keep_extra(indicator, p, None, row, layout)

    def _wide_rows(self, lines: Sequence[int], rows: Iterable[list[str]], layout: Layout) -> None:
        i_per, i_reg = layout.columns["period"], layout.columns.get("region")
        indicators = [(index, self.indicators[i]) for index, i in layout.indicators.items()]
        for line, row in zip(lines, rows, strict=True):
            fitted = self._fitted(row, layout, line)
            if fitted is None:
                continue
            filled = [(i, indicator) for i, indicator in indicators if fitted[i].strip()]
            if not filled:  # blank cells: no figure for that period, so no period either
                continue
            p = self._period(fitted[i_per], line)
            if p is None:
                continue
            region = fitted[i_reg] if i_reg is not None else _TERRITORY
            for index, indicator in filled:
                self._store(indicator, index, p, region, fitted, line, layout)

    def _row(self, row: list[str], line: int, layout: Layout) -> None:
        """A long row the fast path could not take."""
        fitted = self._fitted(row, layout, line)
        if fitted is None:
            return
        columns = layout.columns
        indicator = self._indicator(fitted[columns["indicator"]], line)
        if indicator is None:
            return
        p = self._period(fitted[columns["period"]], line)
        if p is None:
            return
        i_reg = columns.get("region")
        region = fitted[i_reg] if i_reg is not None else _TERRITORY
        self._store(indicator, columns["value"], p, region, fitted, line, layout)

    def _store(
        self,
        indicator: _Indicator,
        column: int,
        p: int,
        region: str,
        row: list[str],
        line: int,
        layout: Layout,
    ) -> None:
        """Read the value cell in `column` and keep its figure."""
        text = row[column]
        value = indicator.figures.get(text)
        qualifier = None
        if value is None:
            try:
                value, qualifier = read_cell(text, indicator.unit, self.options.number_style)
            except CellError as e:
                self._error(line, e.code, f"{indicator.id}: {e.message}")
                return
            if qualifier is None:
                indicator.figures[text] = value
        cells = indicator.cells.get(region) or self._cells(indicator, region)
        if cells.lines[p]:
            self._again(indicator, cells, p, value, line)
            return
        cells.values[p], cells.lines[p] = value, line
        if not cells.region:
            self._keep_extra(indicator, p, qualifier, row, layout)

    # ---- the slow path ----------------------------------------------------------

    def _place(self, line: int) -> tuple[str, int]:
        """File name and physical line of a global line number."""
        for k in range(len(self.file_starts) - 1, -1, -1):
            if line >= self.file_starts[k]:
                return self.files[k], line - self.file_starts[k]
        return self.files[0], line

    def _error(self, line: int, code: str, message: str) -> None:
        file, physical = self._place(line)
        self.log.error(file, physical, code, message)

    def _fitted(self, row: list[str], layout: Layout, line: int) -> list[str] | None:
        """`row` with as many fields as the header, or None for a row to pass over."""
        width = layout.width
        if not any(field.strip() for field in row) or row[0].lstrip()[:1] == "#":
            self.data_rows -= 1
            return None
        if len(row) > width:
            # Even empty extra fields are refused: an unquoted 65,5 in a row whose last
            # cells are empty would otherwise shift 5 into the next column unnoticed.
            d = layout.delimiter
            self._error(
                line,
                "extra_fields",
                f"the row has {len(row)} fields but the header {width}: a '{d}' inside a "
                f"value (such as 65{d}5) must be in quotes, or the header needs a column more",
            )
            return None
        return row + [""] * (width - len(row))

    def _indicator(self, text: str, line: int) -> _Indicator | None:
        found = self.by_text.get(text) or self.indicators.get(normalise(text))
        if found is None:
            message = self.unknown.get(text)
            if message is None:  # the suggestion is worked out once per text, not per row
                written = text.strip()
                message = self.unknown[text] = (
                    "the indicator is empty"
                    if not written
                    else f"{shown(written)} is not an indicator of {self.targets.programme.id}"
                    f"{did_you_mean(normalise(written), self.indicators)}"
                )
            self._error(line, "unknown_indicator", message)
            return None
        self.by_text[text] = found
        return found

    def _period(self, text: str, line: int) -> int | None:
        if (known := self.by_period_text.get(text)) is not None:
            return known
        try:
            period = parse_period(text)
        except PeriodError as e:
            self._error(line, "invalid_period", str(e))
            return None
        index = self.period_index.get(period.text)
        if index is None:
            index = self.period_index[period.text] = len(self.periods)
            self.periods.append(period)
            if index >= self.capacity:  # every array keeps a slot for every period
                self.capacity *= 2
                for cells in self.all_cells:
                    cells.grow(self.capacity)
        self.by_period_text[text] = index
        return index

    def _cells(self, indicator: _Indicator, region: str) -> _Cells:
        key = region_key(region)
        cells = indicator.by_key.get(key)
        if cells is None:
            cells = indicator.by_key[key] = _Cells(_nfc(" ".join(region.split())), self.capacity)
            self.all_cells.append(cells)
        indicator.cells[region] = cells
        return cells

    def _keep_extra(
        self, indicator: _Indicator, p: int, qualifier: str | None, row: list[str], layout: Layout
    ) -> None:
        i_src, i_note = layout.columns.get("source"), layout.columns.get("note")
        source = _nfc(row[i_src]) if i_src is not None else ""
        note = _nfc(row[i_note]) if i_note is not None else ""
        if qualifier or source or note:
            self.extras[(indicator.id, p)] = _Extra(qualifier, source or None, note or None)

    def _again(self, indicator: _Indicator, cells: _Cells, p: int, value: float, line: int) -> None:
        """A second row for the same indicator, region and period."""
        first_file, first_line = self._place(cells.lines[p])
        old = cells.values[p]
        where = cells.region or "the whole territory"
        what = f"{indicator.id} {self.periods[p]} ({where})"
        file, physical = self._place(line)
        first = f"line {first_line}" + ("" if first_file == file else f" of {first_file}")
        if old == value:
            self.log.warning(file, physical, "repeated_row", f"{what} is given again as on {first}")
        else:
            self.log.error(
                file,
                physical,
                "conflicting_values",
                f"{what} is {plain_number(value)} here but {plain_number(old)} on {first}",
            )

    # ---- the result -------------------------------------------------------------

    def actuals(self) -> Actuals:
        series: dict[str, tuple[Observation, ...]] = {}
        regions: dict[str, int] = {}
        for indicator in self.indicators.values():
            territory = indicator.by_key.get(_TERRITORY)
            region_count = len(indicator.by_key) - (territory is not None)
            if region_count:
                regions[indicator.id] = region_count
            if territory is None:
                if region_count:
                    first = min(
                        line for cells in indicator.by_key.values() for line in cells.lines if line
                    )
                    file, line = self._place(first)
                    self.log.warning(
                        file,
                        line,
                        "no_territory_rows",
                        f"{indicator.id} has rows for {region_count} region(s) but none for the "
                        "whole territory (blank region), so it has no figure to report",
                    )
                continue
            observations = []
            for p, value in enumerate(territory.values):
                if value == value:
                    file, line = self._place(territory.lines[p])
                    extra = self.extras.get((indicator.id, p))
                    observations.append(
                        Observation(
                            self.periods[p],
                            value,
                            file,
                            line,
                            *((extra.qualifier, extra.source, extra.note) if extra else ()),
                        )
                    )
            observations.sort(key=lambda o: o.period.sort_key)
            series[indicator.id] = tuple(observations)
        latest = max(self.periods, key=lambda p: p.sort_key, default=None)
        # a line number is never 0, so the empty slots are the zeros of the line arrays
        kept = sum(len(cells.lines) - cells.lines.count(0) for cells in self.all_cells)
        return Actuals(tuple(self.files), series, regions, latest, kept)


def _nfc(text: str) -> str:
    """Text as it is shown: stripped, and composed (Windows-1258 decodes to combining marks)."""
    return unicodedata.normalize("NFC", text.strip())


def _shifted(lines: Sequence[int], start: int) -> Sequence[int]:
    """Physical line numbers as global ones, which also tell the file."""
    if isinstance(lines, range):
        return range(lines.start + start, lines.stop + start)
    return [start + line for line in lines]
