"""The region a table with no region column belongs to, read from its title (SPEC §11).

A commune's return often names the commune only above its header:

    UBND TỈNH LÀO CAI
    UBND XÃ TÂN LĨNH
    Đơn vị báo cáo: UBND xã Tân Lĩnh
    Xã: Mậu A

Two forms of title line name a unit: a label and its value (`Đơn vị báo cáo: …`,
`Đơn vị: …`, `Địa bàn: …`, `Xã: …`, `Phường: …`, and ktt's English forms' `Reporting
unit: …`; the value may stand in the next cell), and an issuing body (`UBND …`, `Ủy ban
nhân dân …`), as administrative documents stack them, the higher body above the one
that reports. The reporting unit is the last label line, else the last body line; its
name (without `UBND`; failing that, without what follows a comma or a bracket: `xã Tân
Lĩnh, huyện Lục Yên`, `Xã Tân Lĩnh (mã 04567)`) is matched against the listed regions
as a region cell is (SPEC §8). Failing both, a line that is only a unit's name (`XÃ
TÂN LĨNH`) counts where it names a listed region. Other lines (the national motto,
"BÁO CÁO …") are never read as a place: `CỘNG HÒA XÃ HỘI CHỦ NGHĨA` holds the word
`xã` and is not a commune.

- A listed region: every figure of the table is that region's (with a warning).
- The whole territory, or a higher unit that is not listed (`UBND TỈNH LÀO CAI` in a
  province's own programme), or a body that is not a place (`Đơn vị báo cáo: Sở Tài
  chính`): nothing; the figures are the territory's, as without a title.
- A unit of a region's level (xã, phường, thị trấn, đặc khu; huyện, quận, thị xã in
  older programmes; tỉnh, thành phố in the national one, whose regions are provinces)
  that is not listed: an error with the "did you mean"; so is a name
  with no unit word that all but writes a listed region's (`Mậu B`, `HTX Tân Lĩnh`).

Failing a title, a sheet named after a listed region (`Xã Mậu A`, a workbook of a sheet
per commune) gives the table that region.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from ktt_cli.name_keys import bare_region, normalise
from ktt_cli.names import RegionNames, is_territory

#: A label line: the label, then `:` and the unit's name.
_LABEL = re.compile(
    r"^\s*(đơn vị báo cáo|tên đơn vị|đơn vị|địa bàn|xã\s*[,/]\s*phường|xã|phường|thị trấn|"
    r"đặc khu|reporting unit|region|commune|ward)\s*:\s*(.+?)\s*$",
    re.IGNORECASE,
)
#: An issuing body: `UBND …`, `Ủy ban nhân dân …` (both spellings of Ủy/Uỷ).
_BODY = re.compile(r"^\s*(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\b\.?\s*(.+?)\s*$", re.IGNORECASE)
#: A title that names the unit it is about: `… TRÊN ĐỊA BÀN XÃ MƯỜNG LAI`.
_ON_AREA = re.compile(
    r"\bđịa\s+bàn\s+((?:xã|phường|thị\s+trấn|đặc\s+khu)\s+[^,;()]+?)\s*(?:[,;(]|$)",
    re.IGNORECASE,
)
#: A title that names a unit under its province: `… XÃ MƯỜNG LAI, TỈNH LÀO CAI`.
_UNDER_PROVINCE = re.compile(
    r"(?<!tác\s)(?<!htx\s)\b((?:xã|phường|thị\s+trấn|đặc\s+khu)\s+[^,;()]+?)\s*,\s*"
    r"(?:tỉnh|thành\s+phố|tp\.?)\s",
    re.IGNORECASE,
)
#: Unit words whose name must be a listed region (normal form, followed by `_`).
_REGION_LEVEL = ("xa_", "phuong_", "thi_tran_", "dac_khu_", "huyen_", "quan_", "thi_xa_")
#: Unit words of a higher level that a programme's own regions may carry (the national
#: programme's provinces and cities): there, a title's unit of that level that is not
#: listed is an error too, where in a province's programme it is the higher body.
_HIGHER_LEVELS = ("tinh_", "thanh_pho_", "tp_")
#: How alike (difflib's ratio) a name with no unit word must be to a listed region's to be
#: taken for it mistyped.
_VERY_CLOSE = 0.8
#: Labels that are a unit word: `Xã: Mậu A` is `Xã Mậu A`.
_UNIT_LABELS = {"xa": "Xã", "phuong": "Phường", "thi_tran": "Thị trấn", "dac_khu": "Đặc khu"}


class TitleRegion(NamedTuple):
    """The region a table is given: its store key and name, and where it was read."""

    key: str
    name: str
    row: int  # index among the rows given; -1 for the sheet's name
    column: int
    written: str  # the text it was read from


class TitleProblem(NamedTuple):
    """A title naming a unit that is not a listed region."""

    row: int
    column: int
    name: str  # the unit as written
    suggestion: str  # the closest listed region, or ''


class _Line(NamedTuple):
    row: int
    column: int
    name: str  # the unit's name, without `UBND` and its label


def _lines(
    rows: Sequence[Sequence[object]],
) -> tuple[list[_Line], list[_Line], list[_Line]]:
    """The label lines, the body lines and the bare unit lines among `rows`' text cells."""
    labels: list[_Line] = []
    bodies: list[_Line] = []
    bare: list[_Line] = []
    for r, row in enumerate(rows):
        texts = [  # each line of a cell (`UBND TỈNH …⏎UBND XÃ …`, typed with Alt+Enter)
            (c, unicodedata.normalize("NFC", " ".join(line.split())))
            for c, cell in enumerate(row)
            if isinstance(cell, str)
            for line in cell.splitlines()
            if line.strip()
        ]
        for k, (c, text) in enumerate(texts):
            following = texts[k + 1][1] if k + 1 < len(texts) else ""
            if (label := _label(text, following)) is not None:
                labels.append(_Line(r, c, label))
            elif m := _BODY.match(text):
                bodies.append(_Line(r, c, m[2]))
            elif m := _ON_AREA.search(text):  # `BÁO CÁO … TRÊN ĐỊA BÀN XÃ MƯỜNG LAI`
                bodies.append(_Line(r, c, m[1]))
            elif normalise(text).startswith(_REGION_LEVEL):
                bare.append(_Line(r, c, text))
            elif m := _UNDER_PROVINCE.search(text):  # `… XÃ MƯỜNG LAI, TỈNH LÀO CAI`
                bare.append(_Line(r, c, m[1]))
    return labels, bodies, bare


def _closest(regions: RegionNames, name: str) -> str:
    """The listed region closest to `name`, or ''."""
    said = regions.suggestion(name)
    m = re.fullmatch(r"; did you mean '(.*)'\?", said, re.DOTALL)
    return m[1] if m else ""


def _levels(regions: RegionNames) -> tuple[str, ...]:
    """The unit words (normal form) whose unit must be a listed region: a commune's, a
    ward's, a district's; and a province's or a city's where the regions are those."""
    own = (w for w in _HIGHER_LEVELS if any(key.startswith(w) for key in regions.by_key))
    return _REGION_LEVEL + tuple(own)


def _very_close(regions: RegionNames, name: str) -> str:
    """The listed region `name` all but writes (`Mậu B` for `Xã Mậu A`, `HTX Tân Lĩnh` for
    `Xã Tân Lĩnh`: 4 letters in 5 alike), or ''. The reporting unit's line names no unit
    word there, so only a name this close is taken for a region mistyped; an office (`Sở
    Tài chính`, `Phòng Kinh tế`) is no region, and its figures stay the territory's."""
    listed = {bare_region(normalise(region)): region for region in regions.order.values()}
    close = difflib.get_close_matches(
        bare_region(normalise(_first_part(name))), list(listed), n=1, cutoff=_VERY_CLOSE
    )
    return listed[close[0]] if close else ""


def _label(text: str, following: str) -> str | None:
    """The unit a label line names (`Xã: Mậu A` is `Xã Mậu A`), or None. The label may
    stand in a cell of its own and the unit in the next: `Đơn vị báo cáo: | UBND xã …`."""
    m = _LABEL.match(text)
    if m is None and text.endswith(":") and following:
        m = _LABEL.match(f"{text} {following}")
    if m is None:
        return None
    unit = _UNIT_LABELS.get(normalise(m[1]), "")
    return f"{unit} {_without_body(m[2])}".strip()


def _first_part(name: str) -> str:
    """`xã Tân Lĩnh` of `xã Tân Lĩnh, huyện Lục Yên, tỉnh Yên Bái` or of `Xã Tân Lĩnh (mã
    04567)`: the unit before the higher ones or the remark that follow it."""
    return re.split(r"\s*(?:,|;|\(|\s[-–]\s)\s*", name, maxsplit=1)[0]


def _without_body(text: str) -> str:
    m = _BODY.match(text)
    return m[2] if m else text


def title_region(
    rows: Sequence[Sequence[object]], sheet: str | None, regions: RegionNames, territory: str
) -> TitleRegion | TitleProblem | None:
    """The region the title `rows` (those above the header) or the `sheet`'s name give a
    table with no region column; a problem where the title names an unlisted unit; None
    where neither names a region."""
    labels, bodies, bare = _lines(rows)
    if not regions.listed:
        return _unlisted_unit(labels + bodies + bare, sheet)
    unit = labels[-1] if labels else bodies[-1] if bodies else None
    if unit is not None and not is_territory(unit.name, territory):
        found = regions.region(unit.name) or regions.region(_first_part(unit.name))
        if found is not None:
            return TitleRegion(*found, unit.row, unit.column, unit.name)
        key = normalise(unit.name)
        if level := next((w for w in _levels(regions) if key.startswith(w)), None):
            unworded = unit.name.split(maxsplit=level.count("_"))[-1]  # `Lào Cay`
            closest = _closest(regions, unworded) or _closest(regions, unit.name)
            return TitleProblem(unit.row, unit.column, unit.name, closest)
        if very_close := _very_close(regions, unit.name):  # `Mậu B`, `HTX Tân Lĩnh`
            return TitleProblem(unit.row, unit.column, unit.name, very_close)
    for line in bare:  # `XÃ TÂN LĨNH` on a line of its own: only a listed region counts
        found = regions.region(line.name) or regions.region(_first_part(line.name))
        if found is not None:
            return TitleRegion(*found, line.row, line.column, line.name)
    if sheet is not None and not is_territory(sheet, territory):
        found = regions.region(sheet)
        if found is not None:
            return TitleRegion(*found, -1, 0, sheet)
    return None


def _unlisted_unit(lines: list[_Line], sheet: str | None) -> TitleProblem | None:
    """With no regions list, a title or a sheet that names a commune's unit (`UBND XÃ
    MƯỜNG LAI`, a sheet `Xã Mường Lai`): the table is that commune's, whose figures are not
    the territory's, and there is no region to give them (a problem)."""
    for line in lines:
        if normalise(line.name).startswith(_REGION_LEVEL[:4]):
            return TitleProblem(line.row, line.column, line.name, "")
    if sheet is not None and normalise(sheet).startswith(_REGION_LEVEL[:4]):
        return TitleProblem(-1, 0, sheet, "")
    return None
