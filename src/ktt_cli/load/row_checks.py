"""What the reader of actuals checks on a report table before its figures are read: a
column headed by a period alone under a title naming a plan, a row's kind cell, a region
cell left blank under a named region, a group row naming a region (SPEC §3 "Layouts",
"Regions of a report table"): each a figure that would otherwise land where it does not
belong, refused or passed over in words."""

from __future__ import annotations

from collections.abc import Sequence

from ktt_cli.load.band_column import _kind_words
from ktt_cli.load.collect_state import _ROW_LABEL, Table, _empty
from ktt_cli.load.columns import Layout, header_key, not_figures
from ktt_cli.load.file_style import _FileStyle
from ktt_cli.load.plan_title import plan_title
from ktt_cli.name_keys import normalise
from ktt_cli.problems import Place, shown

#: Unit words of a commune-level region (normal form, followed by `_`).
_REGION_WORDS = ("xa_", "phuong_", "thi_tran_", "dac_khu_")


class _RowChecks(_FileStyle):
    # ---- plans, kinds and regions of a report table ------------------------------

    def _plan_columns(
        self, layout: Layout, title: list[tuple[int, Sequence[object]]], table: Table, header: int
    ) -> Layout:
        """A column headed by a period alone (`Năm 2026`) under a title or in a sheet that
        names a plan for that period (`KẾ HOẠCH … NĂM 2026`, a sheet `KH 2026`): the plan,
        not the actuals (SPEC §3 "Layouts"); refused at its header cell, naming the title,
        and not read."""
        found = plan_title([r for _, r in title], table.sheet)
        if found is None:
            return layout
        if found.row >= 0:
            row_place = self.base + title[found.row][0] * table.stride
            at = self.store.places.place(self._cell(row_place, found.column))
            said = at.cell if at.cell is not None else f"{at.file}:{at.line}"
        else:
            said = shown(found.text)
        periods = dict(layout.periods)
        for col in layout.bare:
            period = periods[col][0]
            if found.years and period.year not in found.years:
                continue
            del periods[col]
            where = self.store.places.place(header)
            if self.text_file:
                where = where._replace(column=col + 1)
            else:
                where = self.store.places.place(header + col)
            self.log.say(
                where, "plan_column", period=period.text, title=shown(found.text, 80), cell=said
            )
        return layout._replace(periods=periods)

    def _row_kind(self, cell: object, place: int) -> bool | None:
        """What a row's kind cell (`Loại số liệu`) says its figures are: an estimate (True),
        actuals (False, also for a blank cell), or None for a row not read: a plan or a
        comparison (`Kế hoạch`, `Mục tiêu`: counted in one warning) or a kind that does not
        read (an error)."""
        text = cell.strip() if isinstance(cell, str) else "" if cell is None else str(cell)
        if not text:
            return False
        if not_figures(text):
            self.plan_rows.add(place)
            return None
        key = header_key(text)
        words, kind = _kind_words(key)
        if kind is not None and words == len(key.split("_")):
            return kind == "estimate"
        self._say(place, "unknown_kind", text=shown(text))
        return None

    def _region_filled(
        self, row: list[object], i_reg: int, number: int, place: int, figures: bool
    ) -> bool:
        """A report table's region cell, blank under a named region (SPEC §3 "Regions of a
        report table"): where a merged range over the region column covers it, the range's
        region, as the sheet shows it; else refused (False, an error logged): a CSV saved
        from a merged sheet leaves the cells under the name blank, and a blank region is
        the whole territory, so reading it would put a commune's figures on the province."""
        cell = row[i_reg]
        if not _empty(cell):
            text = cell if isinstance(cell, str) else str(cell)
            known = self.regions.get(cell)  # a region cell read before
            named = (known or self.region_names.find(text).region) != ("", "")
            self.region_above = (number, cell) if named else None
            return True
        if self.region_above is None or not figures:
            return True
        top, above = self.region_above
        if top < number <= self.region_merges.get(top, 0):  # under a merged region
            row[i_reg] = above
            return True
        self._say(
            self._cell(place, i_reg),
            "blank_region",
            region=shown(str(above)),
            above=_at(self.store.places.place(self._cell(self.base + top * self.stride, i_reg))),
        )
        return False

    def _region_group(self, cell: object, i_reg: int | None, number: int, place: int) -> bool:
        """A group row that names a region (`I | Xã Mường Lai`) over indicator rows: with no
        region column, the rows under it would go to the whole territory, so it is refused
        (True, an error logged); with a region column, blank region cells under it are."""
        text = _ROW_LABEL.sub("", cell, count=1) if isinstance(cell, str) else ""
        if not text.strip() or self.names.find(text) is not None:
            return False
        region = self.region_names.find(text).region
        if region is None and not self.region_names.listed:
            region = ("?", text) if normalise(text).startswith(_REGION_WORDS) else None
        if region is None or region == ("", ""):
            return False
        if i_reg is not None:
            self.region_above = (number, region[1])
            return False
        self._say(place, "region_group_row", region=shown(text.strip()))
        self.region_grouped = True  # the rows under it are not the territory's either
        return True


def _at(place: Place) -> str:
    """A cell as a message names it: `B8` in a sheet, `8:2` (line and column) in a text."""
    if place.cell is not None:
        return place.cell
    return f"{place.line}:{place.column}" if place.column else str(place.line)
