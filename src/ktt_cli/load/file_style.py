"""How the reader of actuals decides a file's number style (SPEC §3 "Figures") and settles
the figures that waited for it, at the file's end: a file at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_cli.figures_text import NumberStyle, plain_number
from ktt_cli.load.cell_reading import _CellReading
from ktt_cli.load.collect_state import (
    _ROW_LABEL,
    OUTSIDE_LISTED,
    _Count,
    _neutral,
)
from ktt_cli.load.consistency import consistency
from ktt_cli.load.pending import PendingRows
from ktt_cli.load.resolve import regions_to_territory
from ktt_cli.problems import shown
from ktt_cli.store import Actuals, build_actuals
from ktt_cli.units import Unit

if TYPE_CHECKING:
    pass


class _FileStyle(_CellReading):
    # ---- files -------------------------------------------------------------------

    def _start_file(self) -> None:
        fixed = self.options.number_style
        self.style_fixed = fixed is not NumberStyle.AUTO
        self.style = fixed if self.style_fixed else None
        self.decided_by, self.conflict_told = None, False
        self.extra_of = {}  # its keys are the cells of this file's text columns
        self.pending = PendingRows()
        self.no_figure, self.passed, self.plan_rows = _Count(), _Count(), _Count()
        self.waiting = {unit: {} for unit in Unit}
        self.outside, self.named = [], set()
        self.table_over = self.region_grouped = False
        self.figures = {unit: dict(known) for unit, known in self.neutral.items()}
        for indicator in self.indicators.values():  # texts read alike by a unit's indicators
            indicator.figures = self.figures[indicator.unit]
            indicator.waiting = self.waiting[indicator.unit]

    def _finish_file(self) -> None:
        self._outside_rows()
        self._resolve_pending()
        for unit, figures in self.figures.items():  # what every file reads alike
            neutral = self.neutral[unit]
            for text, value in figures.items():
                if isinstance(text, str) and text not in neutral and _neutral(text):
                    neutral[text] = value
        if self.no_figure.count:
            self._say(
                self.no_figure.first, "no_figure.count", "warning", count=self.no_figure.count
            )
        if self.passed.count:
            self._say(self.passed.first, "rows_passed_over", "warning", count=self.passed.count)
        if self.plan_rows.count:
            self._say(self.plan_rows.first, "plan_rows", "warning", count=self.plan_rows.count)

    def finish(self) -> Actuals:
        if self.fraction_seen:
            self._percent_fractions()
        names = {i.id: i.id for i in self.targets.indicators}
        regions_to_territory(self.store, self.targets, self.region_names.order, self.log)
        actuals = build_actuals(self.store)
        for problem in consistency(actuals, names):
            self.log.add(problem)
        return actuals

    def _percent_fractions(self) -> None:
        """A percent figure of 1 or less among the indicator's figures above 1: Excel saves
        a percentage cell without its format as 0,655 (SPEC §3 "Figures"). Looked for only
        once such a figure was kept, over the percent indicators' figures."""
        for indicator in self.indicators.values():
            if indicator.unit is not Unit.PERCENT:
                continue
            fraction: tuple[float, int] | None = None
            above: float | None = None
            for cells in self.store.series_of(indicator.id).values():
                for _, value, place in cells.items():
                    if 0 < value <= 1:
                        if fraction is None or place < fraction[1]:
                            fraction = (value, place)
                    elif value > 1 and above is None:
                        above = value
            if fraction is not None and above is not None:
                self._say(
                    fraction[1],
                    "percent_fraction",
                    "warning",
                    indicator=indicator.id,
                    value=plain_number(fraction[0]),
                    other=plain_number(above),
                )

    def _outside_rows(self) -> None:
        """Rows of a report table outside the programme: passed over with one warning that
        lists them, but a likely typo of an indicator no other row names is an error."""
        listed: list[str] = []
        count = first = 0
        for text, place in self.outside:
            near = self.names.near(_ROW_LABEL.sub("", text, count=1))
            if near is not None and near[1] not in self.named:
                programme = self.targets.programme.id
                key = "unknown_indicator"
                self._say(place, key, text=shown(text), programme=programme, closest=near[0])
                continue
            count += 1
            first = first or place
            if len(listed) < OUTSIDE_LISTED:
                where = self.store.places.place(place)
                closest = self.names.closest(text)
                asked = f"; {shown(closest)}?" if closest else ""
                listed.append(f"{shown(text)} ({where.cell or where.line}{asked})")
        if count:
            more = f", … (+{count - len(listed)})" if count > len(listed) else ""
            self._say(
                first,
                "outside_programme",
                "warning",
                count=count,
                programme=self.targets.programme.id,
                rows=", ".join(listed) + more,
            )
