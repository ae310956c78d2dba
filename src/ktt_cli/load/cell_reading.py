"""How the reader of actuals makes a figure of a row's cells: its indicator, period and
region, its value read in the file's number style, kept once."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ktt_cli.figures_text import NumberStyle, plain_number
from ktt_cli.load.collect_state import (
    _PLAIN,
    _ROW_LABEL,
    _cell_problem,
    _empty,
    _Indicator,
    _last_required,
    _not_data,
    _Pending,
    _State,
    _where,
    _with_qualifier,
)
from ktt_cli.load.columns import Layout
from ktt_cli.load.figures import (
    Cell,
    FigureError,
    cell_figure,
    checked,
    figure_of,
    split_cell,
)
from ktt_cli.load.pending import PendingRows
from ktt_cli.load.resolve import begins_after
from ktt_cli.messages import again
from ktt_cli.name_keys import TOTALS_WORDS, normalise
from ktt_cli.periods import PeriodError, parse_period
from ktt_cli.problems import shown
from ktt_cli.store_cells import Cells, Extra
from ktt_cli.units import Unit

if TYPE_CHECKING:
    pass


class _CellReading(_State):
    # ---- cells -----------------------------------------------------------------

    def _fitted(self, row: Sequence[object], layout: Layout, number: int) -> list[object] | None:
        """`row` with as many cells as the header, or None for a row to pass over."""
        if _not_data(row):
            return None
        width = len(row)
        if width > layout.width:
            extra = row[layout.width :]
            if self.text_file:
                # Even empty extra fields are refused: an unquoted 65,5 in a row whose last
                # cells are empty would otherwise shift 5 into the next column unnoticed.
                place = self.base + number * self.stride
                self._say(place, "extra_fields", width=width, header=layout.width)
                return None
            for i, cell in enumerate(extra, layout.width):  # one warning, _say_beyond
                if not _empty(cell):
                    self.beyond.add(self.base + number * self.stride + i)
            return list(row[: layout.width])
        if width < layout.width and self.text_file and width <= _last_required(layout):
            place = self.base + number * self.stride
            if width == 1 and not any(d in str(row[0]) for d in ",;\t"):
                self.passed.add(place)  # a line of text: a signature, a date
                return None
            self._say(place, "short_row", width=width, header=layout.width)
            return None
        return [*row, *[""] * (layout.width - width)]

    def _table_indicator(self, cell: object, place: int) -> _Indicator | None:
        """A report table row's indicator; a row that names none of the programme's is kept
        aside (`_outside_rows`), as a report table holds more rows than the programme."""
        text = cell if isinstance(cell, str) else "" if cell is None else str(cell)
        found_id = self.names.find(text)
        if found_id is not None:
            self.named.add(found_id)
            return self._indicator(cell, place)
        bare = _ROW_LABEL.sub("", text, count=1)
        if bare != text and (found_id := self.names.find(bare)) is not None:
            self.named.add(found_id)  # `1. Số hợp tác xã`, `Trong đó: - Số HTX …`
            return self._indicator(bare, place)
        key = normalise(text)
        if not key or key in TOTALS_WORDS:
            return self._indicator(cell, place)
        self.outside.append((text.strip(), place))
        return None

    def _indicator(self, cell: object, place: int) -> _Indicator | None:
        text = cell if isinstance(cell, str) else "" if cell is None else str(cell)
        found_id = self.names.find(text)
        if found_id is None and normalise(text) in TOTALS_WORDS:
            self._say(place, "totals_row", "warning", text=shown(text.strip()))
            return None
        if found_id is None and len(ids := self.names.candidates(text)) > 1:
            self._say(place, "ambiguous_indicator", text=shown(text.strip()), names=", ".join(ids))
            return None
        if found_id is None:
            closest = self.unknown.get(text)
            if closest is None:  # the suggestion is worked out once per text, not per row
                closest = self.unknown[text] = self.names.closest(text.strip())
            if written := text.strip():
                programme = self.targets.programme.id
                key = "unknown_indicator"
                self._say(place, key, text=shown(written), programme=programme, closest=closest)
            else:
                self._say(place, "unknown_indicator.empty")
            return None
        found = self.indicators[found_id]
        if cell is not None:
            self.by_text[cell] = found
        return found

    def _period(self, cell: object, place: int) -> int | None:
        known = self.by_period.get(cell)
        if known is not None:
            return known
        try:
            if isinstance(cell, date | str):
                period = parse_period(cell)
            elif isinstance(cell, int) and not isinstance(cell, bool):
                period = parse_period(str(cell))  # a year typed as a number
            else:
                _cell_problem(cell)  # an error cell, a formula never computed
                raise PeriodError("cell", text=shown(str(cell)))
        except FigureError as e:
            self.log.tell(self.store.places.place(place), again(e.code, e.args_))
            return None
        except PeriodError as e:
            where = self.store.places.place(place)
            self.log.tell(where, again("invalid_period", e.args_))
            return None
        if begins_after(period, self.today):  # SPEC §3: a mistyped year, 2052 for 2025
            self._say(place, "future_period", period=period, today=self.today.isoformat())
            return None
        index = self.store.period(period)
        self.by_period[cell] = index
        return index

    def _cells(
        self, indicator: _Indicator, row: Sequence[object], layout: Layout, place: int
    ) -> Cells | None:
        """The cells of the row's region; None (an error logged) for a region the
        programme does not list."""
        i_reg = layout.columns.get("region")
        cell = row[i_reg] if i_reg is not None else self.no_column_region
        cells = indicator.regions.get(cell)
        if cells is not None:
            return cells
        region = self.regions.get(cell)
        if region is None:
            text = "" if cell is None else str(cell)
            meaning = self.region_names.find(text)
            region = meaning.region
            if region is None and (self.region_names.listed or meaning.candidates):
                assert i_reg is not None  # a blank region is the territory
                if meaning.candidates:
                    names = ", ".join(f"'{n}'" for n in meaning.candidates)
                    self._say(
                        self._cell(place, i_reg), "ambiguous_region", text=shown(text), names=names
                    )
                    return None
                self._say(
                    self._cell(place, i_reg),
                    "unknown_region.listed",
                    text=shown(text),
                    territory=self.targets.programme.territory,
                    closest=self.region_names.closest(text),
                )
                return None
            if region is None:  # no list: any name is a region (SPEC §8)
                region, like = self.region_names.unlisted(text)
                if like is not None and i_reg is not None:
                    where = self._cell(place, i_reg)
                    self._say(
                        where,
                        "regions_differ_by_marks",
                        "warning",
                        name=shown(region[1]),
                        other=shown(like),
                    )
            self.regions[cell] = region
        cells = self.store.region_cells(indicator.id, *region)
        indicator.regions[cell] = cells
        return cells

    def _check_unit(
        self, indicator: _Indicator, row: Sequence[object], layout: Layout, place: int
    ) -> None:
        i_unit = layout.columns.get("unit")
        if i_unit is None or _empty(row[i_unit]):
            return
        written = str(row[i_unit])
        if ("%" in written) != (indicator.unit is Unit.PERCENT):
            self._say(
                self._cell(place, i_unit),
                "unit_mismatch",
                "warning",
                unit=shown(written),
                indicator=indicator.id,
                kind=indicator.unit.value,
            )

    def _extra(self, row: Sequence[object], layout: Layout, place: int = 0) -> Extra | None:
        if self.split_after and place:
            self._split_decimal(row, place)
        i_src, i_note = layout.columns.get("source"), layout.columns.get("note")
        source = self._text(row[i_src]) if i_src is not None else None
        note = self._text(row[i_note]) if i_note is not None else None
        if not (source or note):
            return None
        extra = Extra(None, source, note)  # one object for each source and note met
        return self.extras.setdefault(extra, extra)

    def _split_decimal(self, row: Sequence[object], place: int) -> None:
        """An unquoted `65,5` in a comma-delimited file splits into `65` and `5`: a figure
        followed by a cell of digits only in a note, source or region column is refused
        (SPEC §3 "Figures"). Only rows with such a text cell come here, so the common row
        pays nothing; the figure may already be kept, but the error stops any report."""
        for i_value, i_text, role in self.split_after:
            value, digits = row[i_value], row[i_text]
            if not (isinstance(value, str) and isinstance(digits, str)):
                continue
            digits, value = digits.strip(), value.strip()
            if not (digits.isdigit() and _PLAIN.fullmatch(value)):
                continue
            if role == "region" and self.region_names.region(digits) is not None:
                continue  # a listed region's code, such as 04567
            where = self._cell(place, i_text)
            self._say(where, "split_decimal", value=value, digits=digits, column=role)

    def _text(self, cell: object) -> str | None:
        if _empty(cell):
            return None
        text = cell if isinstance(cell, str) else str(cell)
        shown_text = self.texts.get(text)
        if shown_text is None:
            # composed: Windows-1258 decodes to combining marks
            shown_text = self.texts[text] = unicodedata.normalize("NFC", text.strip())
        return shown_text or None

    def _figure(
        self,
        indicator: _Indicator,
        p: int,
        cells: Cells,
        cell: object,
        place: int,
        extra: Extra | None,
        estimate: bool = False,
    ) -> None:
        """Read a value cell and keep its figure."""
        qualifier: str | None = "≈" if estimate else None
        if isinstance(cell, str):
            try:
                parts = split_cell(cell, indicator.unit)
            except FigureError as e:
                self._figure_error(place, indicator.id, e)
                return
            if parts is None:
                self.no_figure.add(place)
                return
            qualifier = parts.qualifier or qualifier
            fits, style = self._style_of(parts, place)
            if not fits:
                return
            if style is None and parts.reading.ambiguous:
                extra = _with_qualifier(extra, qualifier)
                self.pending.append(indicator, p, cells, parts, place, extra)
                if qualifier is None and not estimate:  # the fast path sends its rows here
                    indicator.waiting[cell] = parts
                return
            try:
                value = figure_of(parts, indicator.unit, style)
            except FigureError as e:
                self._figure_error(place, indicator.id, e)
                return
            if qualifier is None and not estimate:
                indicator.figures[cell] = value
        else:
            number = self._number(indicator, cell, place)
            if number is None:
                return
            value = number
        self._keep(indicator, p, cells, value, place, _with_qualifier(extra, qualifier))

    def _number(self, indicator: _Indicator, cell: object, place: int) -> float | None:
        """A workbook's typed cell as a figure (SPEC §9): a number is the number it holds."""
        try:
            value = checked(cell_figure(cell, indicator.unit), indicator.unit)
        except FigureError as e:
            self._figure_error(place, indicator.id, e)
            return None
        if cell not in (0, 1):  # True and False equal 1 and 0: never cached as keys
            indicator.figures[cell] = value
        return value

    def _style_of(self, parts: Cell, place: int) -> tuple[bool, NumberStyle | None]:
        """Whether `parts` fits the file's number style, and that style once it is seen."""
        if self.style_fixed:
            return True, self.style
        deciding = parts.reading.deciding
        if deciding is None:
            return True, self.style
        if self.style is None:
            self.style, self.decided_by = deciding, (parts.reading.text, place)
            self._resolve_pending()
            return True, deciding
        if deciding is not self.style:
            assert self.decided_by is not None
            if not self.conflict_told:
                self.conflict_told = True
                first, first_place = self.decided_by
                where = self.store.places.place(first_place)
                self._say(
                    place,
                    "mixed_number_styles",
                    text=shown(parts.reading.text),
                    style=deciding.value,
                    first=shown(first),
                    where=_where(where),
                    first_style=self.style.value,
                )
            return False, self.style
        return True, deciding

    def _keep(
        self,
        indicator: _Indicator,
        p: int,
        cells: Cells,
        value: float,
        place: int,
        extra: Extra | None,
    ) -> None:
        if cells.get(p) is not None:
            self._again(indicator, cells, p, value, place)
            return
        if 0 < value <= 1 and indicator.unit is Unit.PERCENT:
            self.fraction_seen = True  # every figure's text is first read here
        self.store.put(cells, p, value, place, extra)

    def _again(self, indicator: _Indicator, cells: Cells, p: int, value: float, place: int) -> None:
        """A second figure for the same indicator, region and period."""
        got = cells.get(p)
        assert got is not None
        old, first_place = got
        first = self.store.places.place(first_place)
        # the file is named when the first figure is in another file, a sheet before this
        # one, or the same file given twice
        region = cells.region or "the whole territory"
        on = _where(first, with_file=first_place < self.base)
        i, period = indicator.id, self.store.period_at(p)
        if old == value:
            self._say(
                place, "repeated_row", "warning", indicator=i, period=period, region=region, on=on
            )
        else:
            self._say(
                place,
                "conflicting_values",
                indicator=i,
                period=period,
                region=region,
                value=plain_number(value),
                old=plain_number(old),
                on=on,
            )

    def _resolve_pending(self) -> None:
        pending, self.pending = self.pending, PendingRows()
        for waiting in self.waiting.values():  # the style is known from here on
            waiting.clear()
        # a text's rows share its reading (`waiting`): each reading is resolved once
        read: dict[tuple[int, Unit], float | FigureError] = {}
        for item in map(_Pending._make, pending):
            key = (id(item.cell), item.indicator.unit)
            value = read.get(key)
            if value is None:
                try:
                    value = figure_of(item.cell, item.indicator.unit, self.style)
                except FigureError as e:
                    value = e
                read[key] = value
            if isinstance(value, FigureError):
                self._figure_error(item.place, item.indicator.id, value)
                continue
            self._keep(item.indicator, item.period, item.cells, value, item.place, item.extra)
