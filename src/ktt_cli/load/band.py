"""A report table's header of two or three rows -> what each column holds (SPEC §3).

Most report tables carry a header band, the upper captions merged over the lower
ones, and the column-number row under it:

```
STT | Chỉ tiêu | ĐVT | Năm 2025            | 6 tháng đầu năm 2026     | So sánh (%)
    |          |     | Kế hoạch | Thực hiện | Kế hoạch | Ước thực hiện |
A   | B        | C   | 1        | 2         | 3        | 4             | 5=4/3
```

A column's header is the text of every row of the band above it, top to bottom, a
merged caption counting for each column it spans: in a workbook its merged range; in a
text file (a CSV saved from a workbook keeps the caption in the first column of the range
and leaves the others empty) the caption spans the empty cells after it, up to the next
caption, within the span of the caption above it, over columns that have a caption
below. A workbook whose band has no merged range is read by the text rule.

Each column then says what it holds and its period, or it is an error naming its header
cells: a column is never read as actuals on a guess. What it holds: a plan or a
comparison word anywhere (`Kế hoạch`, `KH`, `Mục tiêu`, `So sánh`, `So với`, `Tỷ lệ`,
`Tăng/giảm`, `Chênh lệch`, `Cùng kỳ`) makes it no figure, whatever else it says; else the
lowest caption that starts with `Ước thực hiện`/`Ước TH`/`ƯTH`/`Ước` (an estimate) or
`Thực hiện`/`TH` (an actual) decides; a period of the column's own (not a caption shared
with other columns) with no such word is an actual, as in a header of one row. Its period:
a caption that reads as a period, or a caption without a year (`Tháng 9`, `Quý III`,
`6 tháng đầu năm`, `Cả năm`) under a caption that names the year (`Năm 2026`,
`Thực hiện năm 2026`); two periods in one column must agree (a year over a period of that
year is the lower one).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from ktt_cli.load.band_column import _column, _found, _kind_words, _Piece
from ktt_cli.load.columns import (
    _NOT_FIGURES,
    HeaderProblem,
    Kind,
    Layout,
    Merge,
    header_key,
    role_of,
)
from ktt_cli.names import IndicatorNames
from ktt_cli.periods import Period, PeriodError, parse_period
from ktt_cli.problems import cell_name, shown

#: The rows a header band may take.
BAND_MOST = 3

_LABEL = re.compile(r"\(?\s*([a-z]|\d{1,2})\s*\)?(\s*=.*)?", re.IGNORECASE)
_FIGURE_TEXT = re.compile(r"[\d\s.,%+\-−]+")


def band_height(rows: Sequence[Sequence[object]], index: int, roles: Mapping[str, int]) -> int:
    """How many rows, from `rows[index]` (a header row), the header band takes.

    Only a report table's header (an indicator column, and neither a value nor a period
    column) has a band. A row continues it when it is not the column-number row, it has a
    caption and no figure outside the columns the header row names by role (`STT`, `Chỉ
    tiêu`, `ĐVT`, `Ghi chú`), and either its indicator cell is empty or it says what
    columns hold (`KH`, `TH`, `Ước TH`, `So sánh`).
    """
    if "indicator" not in roles or "value" in roles or "period" in roles:
        return 1
    i_ind = roles["indicator"]
    role_columns = set(roles.values())
    height = 1
    while height < BAND_MOST and index + height < len(rows):
        row = rows[index + height]
        if is_column_numbers(row, i_ind):
            break
        if any(not _header_like(c) for i, c in enumerate(row) if i not in role_columns):
            break
        # a row that says what columns hold (`KH | TH`) is the header's whatever stands in
        # its indicator cell (`(1)`, `Tên chỉ tiêu`): never data, never passed over
        if i_ind < len(row) and _text(row[i_ind]) and not says_kind(row, role_columns):
            break
        if not any(_text(c) for i, c in enumerate(row) if i not in role_columns):
            break
        height += 1
    return height


def captions_above(
    rows: Sequence[Sequence[object]],
    index: int,
    roles: Mapping[str, int],
    numbers: Sequence[int] | None = None,
) -> int:
    """How many rows right above `rows[index]` (a report table's header row) are captions
    of its band: a table made by hand often writes `Năm 2025` over `Kế hoạch | Thực hiện`
    in the row above `STT | Chỉ tiêu | …`. Such a row has nothing over the columns the
    header names by role, and each of its captions reads as a period or says what columns
    hold; any other line above (a title, `Đơn vị tính: HTX`) is not the header's."""
    if "indicator" not in roles or "value" in roles or "period" in roles:
        return 0
    role_columns = set(roles.values())
    above = 0
    while above < BAND_MOST - 1 and index - above > 0:
        r = index - above - 1
        if numbers is not None and numbers[r] != numbers[r + 1] - 1:
            break  # a blank line between: not one band
        row = rows[r]
        if any(_text(c) for i, c in enumerate(row) if i in role_columns):
            break
        captions = [_text(c) for c in row]
        if not any(captions) or not all(not c or _caption_of_band(c) for c in captions):
            break
        above += 1
    return above


def _caption_of_band(text: str) -> bool:
    """Whether a caption reads as a period or says what columns hold (`Thực hiện`,
    `Kế hoạch`, `So sánh`, `%`)."""
    if "%" in text or _names_kind(header_key(text)):
        return True
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def spanned_columns(
    texts: Sequence[str],
    periods: Mapping[int, object],
    below: Sequence[Sequence[object]],
    number: int | None,
) -> list[HeaderProblem]:
    """A header of one row whose period caption stands over figures of the column after it
    too, that column's own header empty (`Năm 2025` merged over two columns, the row of
    `Kế hoạch | Thực hiện` under it missing): which of them holds the actuals the header
    does not say, so both are errors, never the first read on a guess."""
    problems: list[HeaderProblem] = []
    for c in sorted(periods):
        after = c + 1
        if after >= len(texts) or texts[after].strip():
            continue
        if not any(after < len(row) and _is_figure(row[after]) for row in below):
            continue
        cells = cell_name(number or 1, c + 1)
        header = shown(texts[c], 80)
        for column in (c, after):
            problem = HeaderProblem.said("unclear_column.kind", cells=cells, header=header)
            problems.append(problem._replace(column=column))
    return problems


def _is_figure(cell: object) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return True
    text = cell.strip() if isinstance(cell, str) else ""
    return any(c.isdigit() for c in text) and _FIGURE_TEXT.fullmatch(text) is not None


def skips_column_numbers(row: Sequence[object], i_ind: int) -> bool:
    """Whether the row under a header is the column-number row, passed over in silence."""
    return is_column_numbers(row, i_ind)


def is_column_numbers(row: Sequence[object], i_ind: int) -> bool:
    """`A | B | C | 1 | 2 | 3 | 4 | 5=4/3` or `(1) | (2) | (3)`: each cell a letter or a
    number (in brackets, or with the formula of the column), letters and numbers each
    rising from left to right, the indicator column's cell one of them."""
    labels: list[str] = []
    for i, cell in enumerate(row):
        if isinstance(cell, bool):
            return False
        text = str(cell).strip() if isinstance(cell, int | str) else ""
        if cell is not None and not isinstance(cell, int | str):
            return False
        if not text:
            if i == i_ind:
                return False
            continue
        m = _LABEL.fullmatch(text)
        if m is None:
            return False
        labels.append(m[1].upper())
    if len(labels) < 2:
        return False
    letters = [ord(x) for x in labels if not x.isdigit()]
    numbers = [int(x) for x in labels if x.isdigit()]
    rising = all(a < b for a, b in pairwise(letters))
    return rising and all(a < b for a, b in pairwise(numbers))


def _text(cell: object) -> str:
    """A header cell's caption. A year typed as a number is that year; any other cell
    that is no text (a date cell, whose format would say whether it means a day or a
    month) is written out as it is stored, so that it reads as no period: an error,
    never a guess."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if _header_like(cell) and isinstance(cell, int | float):  # a whole year
        return str(int(cell))
    return f"{cell!s} ?"


def _header_like(cell: object) -> bool:
    """Whether a cell may stand in a header: empty, a year typed as a number, a date
    cell, a text that reads as a period (`2025`, `11.2026`), or a text that is no figure
    (`%`, `(%)` are captions)."""
    if cell is None or isinstance(cell, datetime.date):
        return True
    if isinstance(cell, str):
        text = cell.strip()
        if not any(c.isdigit() for c in text) or _FIGURE_TEXT.fullmatch(text) is None:
            return True
        try:  # a year or a month written with a dot: `2025`, `11.2026`
            parse_period(text)
        except PeriodError:
            return False
        return True
    return (
        isinstance(cell, int | float)
        and not isinstance(cell, bool)
        and 1900 <= cell <= 2199
        and cell == int(cell)
    )


def says_kind(row: Sequence[object], role_columns: set[int]) -> bool:
    """Whether a row under a header names what columns hold (`Kế hoạch`, `TH`, `Ước
    thực hiện`, `So sánh`)."""
    for i, cell in enumerate(row):
        if i in role_columns or not isinstance(cell, str):
            continue
        if _names_kind(header_key(cell)):
            return True
    return False


def _names_kind(key: str) -> bool:
    """Whether a caption starts with a word for what a column holds, and is short: a
    line of text that only mentions one (`PHÓ GIÁM ĐỐC` in a signature, `Kèm theo Kế
    hoạch số 12`) is no caption."""
    return (
        bool(key)
        and len(key.split("_")) <= 6
        and (_NOT_FIGURES.match(key) is not None or _kind_words(key)[1] is not None)
    )


def _pieces(
    band: Sequence[Sequence[object]], numbers: Sequence[int] | None, merges: Sequence[Merge]
) -> list[list[_Piece]]:
    """Each column's captions, top to bottom, a caption once however many rows it spans."""
    height, width = len(band), max(len(r) for r in band)
    grid = [[_text(r[c]) if c < len(r) else "" for c in range(width)] for r in band]
    owner = [[(r, c) for c in range(width)] for r in range(height)]
    shared: set[tuple[int, int]] = set()
    at = {n: i for i, n in enumerate(numbers)} if numbers else {}
    inside = [m for m in merges if m[0] in at]
    if inside:
        for top, left, bottom, right in inside:
            t = at[top]
            for r in range(t, height):
                if numbers is None or numbers[r] > bottom:
                    break
                for c in range(left, min(right, width - 1) + 1):
                    owner[r][c] = (t, left)
            if right > left:
                shared.add((t, left))
    else:
        for r in range(height - 1):
            for c in range(1, width):
                if grid[r][c] or not grid[owner[r][c - 1][0]][owner[r][c - 1][1]]:
                    continue
                if r > 0 and owner[r - 1][c] != owner[r - 1][c - 1]:
                    continue  # a caption spans no further than the one above it
                caption_column = owner[r][c - 1][1]
                if not any(grid[below][c] for below in range(r + 1, height)) and not any(
                    grid[below][caption_column] for below in range(r + 1, height)
                ):
                    continue  # a blank column after a caption with nothing under it
                # a blank sub-header under a caption over others (`Năm 2025` over `Kế hoạch
                # | (blank)`) takes the caption: its header then says no kind, an error
                owner[r][c] = owner[r][c - 1]
                shared.add(owner[r][c])
    columns: list[list[_Piece]] = []
    for c in range(width):
        seen: set[tuple[int, int]] = set()
        pieces: list[_Piece] = []
        for r in range(height):
            o = owner[r][c]
            if o in seen or not grid[o[0]][o[1]]:
                continue
            seen.add(o)
            pieces.append(_Piece(grid[o[0]][o[1]], o[0], o[1], o in shared))
        columns.append(pieces)
    return columns


def read_band(
    band: Sequence[Sequence[object]],
    numbers: Sequence[int] | None,
    merges: Sequence[Merge],
    names: IndicatorNames,  # noqa: ARG001 (a band's columns are never indicators)
) -> tuple[Layout | None, list[HeaderProblem]]:
    """The layout of a report table whose header is `band` (rows of cells, top first)."""
    columns: dict[str, int] = {}
    periods: dict[int, tuple[Period, bool]] = {}
    passed: list[int] = []
    bare: list[int] = []
    problems: list[HeaderProblem] = []
    all_pieces = _pieces(band, numbers, merges)
    texts = [" · ".join(p.text for p in pieces) for pieces in all_pieces]
    for c, pieces in enumerate(all_pieces):
        if not pieces:
            continue
        roles = [r for p in pieces if (r := role_of(header_key(p.text)))]
        # `Số lượng`, `Số liệu` under `Thực hiện năm 2025` name the figure, not a column of
        # the long layout
        role = next((r for r in roles if r != "value" or len(pieces) == 1), None)
        if role is not None:
            if role in columns:
                problems.append(
                    HeaderProblem.said(
                        "duplicate_column",
                        role=role,
                        first=shown(texts[columns[role]]),
                        other=shown(texts[c]),
                    )
                )
            columns.setdefault(role, c)
            continue
        read = _column(pieces)
        if isinstance(read, tuple) and len(band) > 1 and all(p.column != c for p in pieces):
            read = "kind"  # a blank sub-header under a caption over others says nothing
        if read is None:
            passed.append(c)
        elif isinstance(read, str):
            named = [(p.row, p.column) for p in pieces]
            if all(column != c for _, column in named):  # its own cell is blank: name it too
                named.append((len(band) - 1, c))
            cells = ", ".join(
                cell_name(numbers[row] if numbers else row + 1, column + 1) for row, column in named
            )
            problem = HeaderProblem.said(
                f"unclear_column.{read}", cells=cells, header=shown(texts[c], 80)
            )
            problems.append(problem._replace(column=c))
        else:
            periods[c] = read
            if not any(_kind_words(header_key(p.text))[1] for p in pieces):
                bare.append(c)
    if "indicator" not in columns:
        problems.append(
            HeaderProblem.said("missing_column", missing="indicator", found=_found(texts))
        )
    elif not periods and not problems:
        problems.append(HeaderProblem.said("no_actuals_column", found=_found(texts)))
    width = len(texts)
    names_passed = tuple(texts[i] for i in passed)
    ignored = tuple(
        texts[i]
        for i in range(width)
        if texts[i] and i not in columns.values() and i not in periods and i not in passed
    )
    layout = Layout(Kind.TABLE, width, columns, {}, periods, ignored, names_passed, tuple(bare))
    return (None if problems else layout), problems
