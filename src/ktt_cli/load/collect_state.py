"""What the reader of actuals keeps while it reads: its options, the state of a file, and
the cells it cannot read as figures."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol

from ktt_cli.figures_text import NumberStyle, is_no_figure
from ktt_cli.load.columns import Kind, Layout, Merge
from ktt_cli.load.figures import (
    Cell,
    FigureError,
    split_cell,
)
from ktt_cli.load.pending import PendingRows
from ktt_cli.messages import again
from ktt_cli.model import TargetsFile
from ktt_cli.names import IndicatorNames, RegionNames
from ktt_cli.problems import Place, ProblemLog, Severity, shown
from ktt_cli.store import Store
from ktt_cli.store_cells import Cells, Extra
from ktt_cli.units import Unit

if TYPE_CHECKING:
    from ktt_cli.load.book import Sheet

if TYPE_CHECKING:
    from ktt_cli.load.book import Sheet


#: The first bytes of a zip (.xlsx, .xlsm, .ods) and of an OLE file (.xls, or a workbook
#: with a password).
WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


#: What a report table writes before a row's name: `Trong đó:` (of which), a number or
#: letter (`1.`, `1.2`, `a)`, `II.`), a dash or a plus.
_ROW_LABEL = re.compile(
    r"\s*(?:trong\s+(?:đó|do)\s*[:,]?\s*)?"
    r"(?:(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[ivx]{1,4})\s*[.)]\s*|[-+*•–—]\s*)?",
    re.IGNORECASE,
)


#: The rows outside the programme its warning names (it counts them all).
OUTSIDE_LISTED = 10


#: The widest report table of a text file whose problems are placed by line and column
#: (a place number a cell: 2**32 of them cover 16 million lines of this width).
TEXT_TABLE_COLUMNS = 256


class ReadOptions(NamedTuple):
    number_style: NumberStyle = NumberStyle.AUTO
    encoding: str | None = None
    sheet: str | None = None
    today: date | None = None  # the day of the run (None: the machine's): no period after it


class Table(Protocol):
    """What a loader hands over: a file's (or a sheet's) rows, in chunks."""

    @property
    def name(self) -> str: ...
    @property
    def sheet(self) -> str | None: ...
    @property
    def stride(self) -> int:  # place numbers a row takes: 1 in a text file, a sheet's width
        ...

    def chunks(self) -> Iterator[tuple[Sequence[int], Iterable[Sequence[object]]]]: ...

    def merges(self) -> Sequence[Merge]:  # a sheet's merged ranges among the rows read
        ...


#: A fast-path reader keeps the extra of this many (source, note) cells as written.
_EXTRAS_KEPT = 10_000


_NO_EXTRA = Extra(None, None, None)  # not yet read


class _Indicator:
    __slots__ = ("figures", "id", "regions", "unit", "waiting")

    def __init__(self, indicator_id: str, unit: Unit) -> None:
        self.id, self.unit = indicator_id, unit
        self.regions: dict[object, Cells] = {}  # a region cell as written -> its cells
        self.figures: dict[object, float] = {}  # a value cell as written -> its figure
        #: a value cell as written -> its reading, while it waits for the file's style
        self.waiting: dict[object, Cell] = {}


class _Waits(Exception):
    """A value cell the fast path leaves waiting for its file's number style."""

    def __init__(self, cell: Cell) -> None:
        self.cell = cell


class _Pending(NamedTuple):
    """A value cell that waits for its file to show its number style."""

    indicator: _Indicator
    period: int
    cells: Cells
    cell: Cell
    place: int
    extra: Extra | None


class _Count:
    """Rows passed over for one reason in one file: how many, and the first."""

    def __init__(self) -> None:
        self.count, self.first = 0, 0

    def add(self, place: int) -> None:
        self.count += 1
        self.first = self.first or place


def _with_qualifier(extra: Extra | None, qualifier: str | None) -> Extra | None:
    if qualifier is None:
        return extra
    return Extra(qualifier, *(extra[1:] if extra else (None, None)))


def _where(place: Place, *, with_file: bool = True) -> str:
    if place.sheet is not None:
        return f"{place.file}:{place.sheet}!{place.cell}" if with_file else f"cell {place.cell}"
    return f"line {place.line}" + (f" of {place.file}" if with_file else "")


#: Problems of a header band that still make it the sheet's header.
_BAND_CODES = frozenset(("unclear_column", "no_actuals_column"))


_PLAIN = re.compile(r"-?\d[\d.]*")


def _split_columns(layout: Layout) -> list[tuple[int, int, str]]:
    """(value column, text column, role) where a text column follows a value column."""
    roles = {i: role for role, i in layout.columns.items()}
    values = [layout.columns["value"]] if "value" in layout.columns else []
    values += list(layout.indicators) + list(layout.periods)
    return [
        (i, i + 1, roles[i + 1]) for i in values if roles.get(i + 1) in ("note", "source", "region")
    ]


def _header_again(row: Sequence[object], layout: Layout) -> bool:
    """Whether a report table's row is the header of another table: its indicator cell
    names the indicator column (`Chỉ tiêu`), or its period cells say what columns hold
    (`KH | TH`)."""
    from ktt_cli.load.band import says_kind
    from ktt_cli.load.columns import ROLES, header_key

    cell = row[layout.columns["indicator"]]
    if isinstance(cell, str) and header_key(cell) in ROLES["indicator"]:
        return True
    return says_kind([row[i] for i in layout.periods], set())


def _last_required(layout: Layout) -> int:
    """The index of the last column a row of `layout` cannot do without."""
    roles = {Kind.LONG: ("indicator", "period", "value"), Kind.WIDE: ("period",)}
    needed = [layout.columns[r] for r in roles.get(layout.kind, ("indicator",))]
    needed += list(layout.periods) if layout.kind is Kind.TABLE else []
    return max(needed)


#: Sheets a warning names one by one; past them it gives their count (a workbook of
#: thousands of sheets would make a warning of thousands of names).
_NAMED_SHEETS = 30


def _names(sheets: list[Sheet]) -> str:
    named = ", ".join(f"'{s.name}'" for s in sheets[:_NAMED_SHEETS])
    more = len(sheets) - _NAMED_SHEETS
    return f"{named}, … (+{more})" if more > 0 else named


def _cell_problem(cell: object) -> None:
    """Raise the error a workbook's error cell or uncomputed formula is, wherever it stands
    (SPEC §9: an error placed by its cell, in its own words)."""
    from ktt_cli.load.book import ErrorCell, UncomputedFormula

    if isinstance(cell, ErrorCell):
        raise FigureError.said("error_cell", error=cell.code)
    if isinstance(cell, UncomputedFormula):
        raise FigureError.said("uncomputed_formula", formula=shown(cell.formula))


def _filled(row: Sequence[object]) -> bool:
    return any(cell is not None for cell in row)


def _empty(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _holds_figure(cell: object) -> bool:
    """Whether a cell of a report table's period column is meant as a figure: a number, an
    error, or a text that reads as one; not a signature or a date of signing."""
    if not isinstance(cell, str):
        return cell is not None
    if is_no_figure(cell):
        return False
    try:
        return split_cell(cell, Unit.PERCENT) is not None
    except FigureError as e:
        return e.code != "not_a_number"


def _no_figure(cell: object) -> bool:
    return isinstance(cell, str) and is_no_figure(cell)


def _not_data(row: Sequence[object]) -> bool:
    """A blank row, a row of empty cells, or a comment."""
    if not row:
        return True
    first = row[0]
    if isinstance(first, str) and first.lstrip()[:1] == "#":
        return True
    return all(_empty(c) for c in row)


def _neutral(text: str) -> bool:
    """Whether every number style reads `text` alike (no mark in it): safe for any file."""
    return "." not in text and "," not in text


class _State:
    def __init__(self, targets: TargetsFile, options: ReadOptions, log: ProblemLog) -> None:
        self.targets, self.options, self.log = targets, options, log
        self.names = IndicatorNames(targets)
        self.region_names = RegionNames(targets)
        self.indicators = {i.id: _Indicator(i.id, i.unit) for i in targets.indicators}
        self.store = Store(list(self.indicators))
        self.by_text: dict[object, _Indicator] = {}
        self.by_text.update(self.indicators)
        self.by_period: dict[object, int] = {}  # a period cell as written -> its index
        self.regions: dict[object, tuple[str, str]] = {}  # a region cell -> (key, as shown)
        self.today = options.today or date.today()
        self.no_column_region: object = ""  # without a region column: the title's (SPEC §11)
        #: a report table's region column: the last named region above (row, cell), and
        #: the merged ranges over that column (a region merged over its rows)
        self.region_above: tuple[int, object] | None = None
        self.region_merges: dict[int, int] = {}
        self.region_grouped = False  # a group row named a region in a table without a column
        self.unknown: dict[str, str] = {}  # an indicator text not in the programme -> closest
        self.texts: dict[str, str] = {}  # source and note texts, as shown
        self.book_progress: Callable[[], None] | None = None  # the read bar of a workbook
        self.extras: dict[Extra, Extra] = {}  # each (source, note) met, kept once
        #: the extra of a row's (source, note) cells as written, for the fast path
        self.extra_of: dict[tuple[object, object], Extra | None] = {}
        self.neutral: dict[Unit, dict[object, float]] = {unit: {} for unit in Unit}
        self.figures: dict[Unit, dict[object, float]] = {unit: {} for unit in Unit}
        # the state of the file being read (_start_file)
        self.pending = PendingRows()
        self.waiting: dict[Unit, dict[object, Cell]] = {unit: {} for unit in Unit}
        self.style: NumberStyle | None = None
        self.style_fixed = False
        self.decided_by: tuple[str, int] | None = None
        self.conflict_told = False
        self.no_figure, self.passed, self.plan_rows = _Count(), _Count(), _Count()
        self.beyond = _Count()  # a sheet's cells right of its header the reader made
        # a report table's rows outside the programme (text, place), and the indicators
        # its other rows name
        self.outside: list[tuple[str, int]] = []
        self.named: set[str] = set()
        # in a comma-delimited file: (value column, the text column after it, its role)
        self.split_after: list[tuple[int, int, str]] = []
        self.fraction_seen = False  # a percent figure of 1 or less was kept
        self.table_over = False  # a second table's header was met: no more rows are read
        self.base = 0
        self.stride = 1
        self.text_file = True
        self.header_place = 0

    # ---- problems ------------------------------------------------------------------

    def _cell(self, row_place: int, column: int) -> int:
        """The place of a cell of a row: a sheet's cells are places, a text's lines are."""
        return row_place + column if self.stride > 1 else row_place

    def _figure_error(self, place: int, indicator: str, e: FigureError) -> None:
        """A figure's error, said about its indicator (named by the renderer)."""
        where = self.store.places.place(place)
        self.log.tell(where, again(e.code, (*e.args_, ("about", indicator))))

    def _say(self, place: int, key: str, severity: Severity = "error", /, **values: object) -> None:
        """A problem the catalogue words (messages.MESSAGES)."""
        self.log.say(self.store.places.place(place), key, severity, **values)
