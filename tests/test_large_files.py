"""What keeps the read of a large file fast and small (SPEC §7) whatever its figures and
texts look like: decimals in either style, a quoted source on some rows or on all.

Speed is measured by benchmarks/run.py, never by a timed test; these tests hold the
work a row costs (which calls it takes) and the memory a figure costs, which do not
depend on the machine.
"""

from __future__ import annotations

import csv
import io
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from ktt_cli.load import csv_rows, text
from ktt_cli.load.collect import Collector, ReadOptions, read_actuals
from ktt_cli.load.text import Source
from ktt_cli.problems import ProblemLog
from ktt_cli.store import Actuals, Cells, Extra, Extras
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
TARGETS = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", ProblemLog())
SOURCE = '"Phòng Kinh tế huyện; báo cáo tháng"'


def read(data: bytes) -> tuple[Actuals, ProblemLog]:
    log = ProblemLog()
    source = Source("big.csv", lambda: io.BufferedReader(io.BytesIO(data)))
    return read_actuals([source], TARGETS, ReadOptions(), log), log


def long_file(rows: int, figure: Callable[[int], str], source: Callable[[int], str]) -> bytes:
    """A long file as Excel writes it: `rows` communes' shares in one month each, a
    commune a row, with `figure(n)` and `source(n)` on row n."""
    lines = ["Chỉ tiêu;Kỳ;Giá trị;Địa bàn;Nguồn"]
    lines += [
        f"good_fair_share;{1 + n // 400 % 12:02d}/{2000 + n // 4800};{figure(n)};"
        f"Xã {n % 400:03d};{source(n)}"
        for n in range(rows)
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


#: Rows of `long_file(4000, …)` that bring a new commune (400) or month (10): the fast
#: path reads only rows whose every cell it has seen, the others take the long way.
FIRST_ROWS = 410


def no_text(_: int) -> str:
    return ""


def same_source(_: int) -> str:
    return SOURCE


def cells_of(actuals: Actuals) -> list[Cells]:
    """The communes' series of the one indicator `long_file` writes."""
    assert actuals.store is not None
    return list(actuals.store.cells["good_fair_share"].values())


def counting(name: str) -> mock._patch[mock.MagicMock]:
    """Collector.`name`, wrapped to count its calls."""
    return mock.patch.object(Collector, name, autospec=True, side_effect=getattr(Collector, name))


# ---- decimals --------------------------------------------------------------------------


def two_decimals(n: int) -> str:
    # distinct texts on almost every row, as a file of communes' shares has them
    return f"{5 + (n * 7919) % 9000 / 100:.2f}".replace(".", ",")


def test_decimals_never_seen_before_take_the_short_way() -> None:
    """A figure like 23,45 is read on the fast path once the file's style is known, not
    row by row on the long one (before: one long read for each new text, most rows)."""
    data = long_file(4000, two_decimals, no_text)
    with counting("_long_row") as long_row:
        actuals, log = read(data)
    assert log.errors == 0
    assert actuals.rows == 4000
    assert long_row.call_count <= FIRST_ROWS + 5  # and the rows before the style is known
    figures = {v for c in cells_of(actuals) for _, v, _ in c.items()}
    assert {5.0, 84.19} <= figures  # n = 0: 5 + 0/100; n = 1: 5 + 7919/100


# ---- quoted sources ----------------------------------------------------------------


def test_the_same_source_on_every_row_is_read_once() -> None:
    """An office that notes its source on each line: the texts are read once, and every
    figure shares one extra (before: once a row, a new extra each)."""
    data = long_file(4000, lambda n: str(n % 90 + 1), same_source)
    with counting("_extra") as extra:
        actuals, log = read(data)
    assert log.errors == 0
    assert actuals.rows == 4000
    assert extra.call_count <= FIRST_ROWS + 5
    kept = {id(cells.extras.get(p)) for cells in cells_of(actuals) for p, _, _ in cells.items()}
    assert len(kept) == 1


def test_sources_that_take_turns_are_each_read_once() -> None:
    """A tenth of the rows with one of three sources, in no order: each text is read once
    (before: once a row that holds one)."""
    rng = random.Random(7)
    texts = ['"UBND xã"', '"Liên minh HTX tỉnh"', SOURCE]
    chosen = [rng.choice(texts) if rng.random() < 0.1 else "" for _ in range(4000)]
    data = long_file(4000, lambda n: str(n % 90 + 1), chosen.__getitem__)
    with counting("_extra") as extra:
        actuals, log = read(data)
    assert log.errors == 0
    assert extra.call_count <= FIRST_ROWS + 5 + 3
    read_back = [
        kept.source if (kept := cells.extras.get(p)) else None
        for cells in cells_of(actuals)
        for p, _, _ in cells.items()
    ]
    assert read_back.count("UBND xã") == chosen.count('"UBND xã"')


def _peak(data: bytes) -> int:
    tracemalloc.start()
    try:
        _, log = read(data)
        assert log.errors == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_source_on_every_row_costs_a_few_bytes_a_figure() -> None:
    """Memory follows the figures: the same source on each of 24,000 rows adds under 24
    bytes a figure over the file without it (a list slot, and the longer lines of a
    block while it is read); before, about 100: a dict entry and an extra a figure,
    which took a 1M-row file from 58 to 173 MB."""
    rows = 24_000
    plain = long_file(rows, lambda n: str(n % 90 + 1), no_text)
    sourced = long_file(rows, lambda n: str(n % 90 + 1), same_source)
    extra = _peak(sourced) - _peak(plain)
    assert extra / rows < 24, extra / rows


def test_extras_kept_in_a_list_or_a_dict_read_back_the_same() -> None:
    """Extras are a dict while they are few for their span of periods, a list once many."""
    rng = random.Random(3)
    for _ in range(200):
        extras, expected = Extras(), dict[int, Extra]()
        for _ in range(rng.randrange(60)):
            p = rng.randrange(rng.choice([8, 40, 5000]))
            extras[p] = expected[p] = Extra(rng.choice(["a", "b", None]), None, None)
        for p in range(5100):
            assert extras.get(p) == expected.get(p)


# ---- quoted blocks: read whole by the csv module where they can be -----------------

CELL = st.text(alphabet='ab ;,"#\n', max_size=6)


def _careful(text: str) -> list[list[str]] | None:
    numbers, rows, rest = csv_rows._quoted_rows(text, 0, ";")
    if rest is not None or len(numbers) != text.count("\n"):
        return None
    return [row or [""] for row in rows]


@given(st.lists(st.lists(CELL, min_size=1, max_size=4), min_size=1, max_size=30), st.data())
def test_a_quoted_block_read_whole_gives_the_rows_read_record_by_record(
    rows: list[list[str]], data: st.DataObject
) -> None:
    """Any block, quoted however (or left open), comments included: the block read in one
    go, where it is, gives what the record-by-record reading gives."""
    lines = []
    for cells in rows:
        how = data.draw(st.sampled_from(["csv", "raw"]))
        if how == "csv":
            out = io.StringIO()
            csv.writer(out, delimiter=";", lineterminator="\n").writerow(cells)
            lines.append(out.getvalue())
        else:
            lines.append(";".join(cells).replace("\n", "") + "\n")
    text = "".join(lines)
    if '"' not in text:
        return
    try:
        expected = _careful(text)
    except csv_rows.CsvSyntax:
        expected = None
    whole = csv_rows._one_record_a_line(text, ";")
    if whole is not None:
        assert [row or [""] for row in whole] == expected


# ---- figures that wait for the file's style -------------------------------------------


def three_decimals(n: int) -> str:
    # both styles read 34.817 (34.817 or 34,817), and nothing in the file decides
    return f"{10 + n % 50}.{(n * 37) % 1000:03d}"


def test_figures_that_wait_for_the_style_are_read_once_a_text() -> None:
    """Percentages all written with three decimals: each text is read once, its other rows
    wait with it (before: every row took the long way)."""
    data = long_file(4000, three_decimals, no_text)
    with counting("_long_row") as long_row:
        actuals, log = read(data)
    assert log.errors == 0
    assert actuals.rows == 4000
    texts = len({three_decimals(n) for n in range(4000)})
    assert long_row.call_count <= FIRST_ROWS + texts
    figures = {v for c in cells_of(actuals) for _, v, _ in c.items()}
    assert 10.0 in figures  # n = 0: "10.000", the unit decides: a share is at most 100
    assert 11.037 in figures  # n = 1


def test_a_row_that_waits_costs_under_60_bytes() -> None:
    """Rows waiting for the style are kept in parallel arrays (before: a tuple, its
    numbers and a parsed cell a row, over 200 bytes: 216 MB for a 1M-row file)."""
    rows = 24_000
    waiting = long_file(rows, three_decimals, no_text)
    decided = long_file(rows, lambda n: three_decimals(n).replace(".", ",", 1)[:5], no_text)
    extra = _peak(waiting) - _peak(decided)
    assert extra / rows < 60, extra / rows


def test_notes_that_change_row_after_row_are_each_read_once_a_file() -> None:
    """A commune's own note on half the rows: each of the 400 texts is read once in the
    file, not once in each block of lines read (before: a block's worth each time)."""
    data = long_file(4000, lambda n: str(n % 90 + 1), own_note)
    with (
        counting("_extra") as extra,
        mock.patch.object(text, "_CHUNK_BYTES", 4096),
        mock.patch.object(text, "_CHUNK_CHARS", 4096),
    ):
        actuals, log = read(data)
    assert log.errors == 0
    assert actuals.rows == 4000
    notes = len({own_note(n) for n in range(4000)} - {""})  # 200
    assert extra.call_count <= FIRST_ROWS + notes + 5  # a long row's, then the fast path's


def own_note(n: int) -> str:
    return f'"Xã {n % 400:03d} tự báo cáo"' if n % 2 else ""


def test_the_table_of_extras_is_the_file_s_own() -> None:
    """The fast path's table of extras is by the cells as written, so it is made anew for
    each file: a second file whose only text column is the note reads `X` as a note, not
    as the source and note a first file's row `X;X` was."""
    first = long_file(800, lambda n: str(n % 90 + 1), lambda n: '"X";"X"' if n >= 420 else ";")
    first = first.replace("Nguồn\r\n".encode(), "Nguồn;Ghi chú\r\n".encode(), 1)
    second = long_file(800, lambda n: str(n % 90 + 1), lambda n: '"X"' if n >= 420 else "")
    second = second.replace("Nguồn\r\n".encode(), "Ghi chú\r\n".encode(), 1)
    log = ProblemLog()
    sources = [
        Source("a.csv", lambda: io.BufferedReader(io.BytesIO(first))),
        Source("b.csv", lambda: io.BufferedReader(io.BytesIO(second.replace(b"2000", b"2001")))),
    ]
    actuals = read_actuals(sources, TARGETS, ReadOptions(), log)
    assert log.errors == 0
    kept = {
        (extra.source, extra.note)
        for cells in cells_of(actuals)
        for p, _, _ in cells.items()
        if (extra := cells.extras.get(p)) is not None
    }
    assert kept == {("X", "X"), (None, "X")}
