"""The progress bar of a long read (SPEC §7): on a terminal only, after a second only."""

from __future__ import annotations

import io
from pathlib import Path
from unittest import mock

import pytest

from ktt_cli.load import collect
from ktt_cli.load.collect import ReadOptions, read_actuals
from ktt_cli.load.csv_rows import CsvTable
from ktt_cli.load.text import Source, open_text
from ktt_cli.problems import ProblemLog
from ktt_cli.progress_bar import ReadBar
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "workbooks"
TARGETS = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", ProblemLog())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_short_read_shows_nothing_and_loads_no_rich() -> None:
    stream, clock = Terminal(), Clock()
    with ReadBar("a.csv", 1000, stream=stream, clock=clock) as bar:
        clock.now = 0.5
        bar.advance(500)
        assert bar._progress is None
    assert stream.getvalue() == ""


def test_a_read_over_a_second_shows_the_file_and_its_bytes() -> None:
    stream, clock = Terminal(), Clock()
    with ReadBar("số liệu [final].csv", 2_000_000, stream=stream, clock=clock) as bar:
        clock.now = 1.5
        bar.advance(1_000_000)
        assert bar._progress is not None
        task = bar._progress.tasks[0]
        assert (task.completed, task.total) == (1_000_000, 2_000_000)
        assert task.description == "số liệu \\[final].csv"  # the name as text, not markup
    assert bar._progress is None


def test_no_terminal_no_bar() -> None:
    stream, clock = io.StringIO(), Clock()
    with ReadBar("a.csv", 1000, stream=stream, clock=clock) as bar:
        clock.now = 5.0
        bar.advance(900)
        assert bar._progress is None
    assert stream.getvalue() == ""


def test_a_file_gives_its_size_and_a_pipe_none(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 1234)
    with path.open("rb") as raw:
        assert ReadBar.for_file("a.csv", raw).total == 1234
    assert ReadBar.for_file("-", io.BytesIO(b"abc")).total is None


def test_a_table_tells_the_bytes_read_after_each_chunk(tmp_path: Path) -> None:
    text = "indicator,period,value\n" + "htx_count,2024,5\n" * 20_000
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    with path.open("rb") as raw:
        table = CsvTable("a.csv", open_text(raw, None), lambda _rows: True)
        positions = [table.position for _ in table.chunks()]
    assert positions == sorted(positions)
    assert positions[-1] == len(text.encode())
    assert len(positions) > 1


# ---- every read, workbooks included ---------------------------------------------------


def _long_workbook(path: Path, rows: int) -> None:
    """A long sheet as openpyxl writes it: a commune a row, whole figures."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Số liệu")
    sheet.append(("Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn"))
    for n in range(rows):
        month = f"{1 + n // 500 % 12:02d}/{2000 + n // 6000}"  # past months, a commune each
        sheet.append(("htx_count", month, n % 90 + 1, f"Xã {n % 500:03d}"))
    book.save(path)


def _bars_of(path: Path, *, pipe: bool = False) -> list[tuple[int | None, list[int], bool]]:
    """Each bar the read of `path` made: its total, the bytes it was told, whether it
    showed, on a terminal and with no delay (a large file's read, made short)."""
    bars: list[tuple[int | None, list[int], bool]] = []

    class Shown(ReadBar):
        def __init__(self, name: str, total: int | None, **_: object) -> None:
            super().__init__(name, total, stream=Terminal(), delay=0.0)
            self.told: list[int] = []
            bars.append((total, self.told, False))

        def advance(self, done: int) -> None:
            self.told.append(done)
            super().advance(done)
            bars[-1] = (self.total, self.told, self._progress is not None)

    data = path.read_bytes()
    source = (
        Source(path.name, lambda: io.BufferedReader(_Pipe(data)))
        if pipe
        else Source(path.name, lambda: path.open("rb"))
    )
    with mock.patch.object(collect, "ReadBar", Shown):
        log = ProblemLog()
        read_actuals([source], TARGETS, ReadOptions(), log)
    assert log.errors == 0, [p.message for p in log]
    return bars


class _Pipe(io.RawIOBase):
    """Bytes that cannot be sought: standard input."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        return self._data.readinto(buffer)


@pytest.mark.parametrize("pipe", [False, True])
def test_a_workbook_read_shows_the_bar_as_its_sheet_is_unzipped(tmp_path: Path, pipe: bool) -> None:
    """The bar of a workbook follows the bytes of the file its rows are unzipped from, up to
    about its size (before: no bar for a workbook, however long its read)."""
    path = tmp_path / "so-lieu.xlsx"
    _long_workbook(path, 8_000)
    ((total, told, shown),) = _bars_of(path, pipe=pipe)
    size = path.stat().st_size
    assert total == size
    assert len(told) >= 3  # a chunk of rows at a time
    assert told == sorted(told)
    assert size * 0.8 <= told[-1] <= size
    assert shown


def test_an_ods_read_shows_the_bar_too() -> None:
    path = FIXTURES / "yen-bai-long.ods"
    ((total, told, shown),) = _bars_of(path)
    assert total == path.stat().st_size
    assert told
    assert 0 < told[-1] <= total
    assert shown


def _run_with_stderr(argv: list[str], terminal: bool) -> tuple[int, str]:
    """Run ktt with its standard error on a pseudo-terminal (or a pipe); what it wrote."""
    import os
    import pty
    import select
    import subprocess
    import sys

    command = [sys.executable, "-m", "ktt_cli", *argv]
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    if not terminal:
        done = subprocess.run(command, capture_output=True, env=env, check=False, timeout=300)
        return done.returncode, done.stderr.decode("utf-8", "replace")
    main, child = pty.openpty()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=child, stdin=subprocess.DEVNULL, env=env
    )
    os.close(child)
    out = b""
    while True:
        ready, _, _ = select.select([main], [], [], 0.2)
        if ready:
            try:
                piece = os.read(main, 65536)
            except OSError:  # the child's end closed
                piece = b""
            if not piece and process.poll() is not None:
                break
            out += piece
        elif process.poll() is not None:
            break
    os.close(main)
    return process.wait(timeout=300), out.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def long_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook whose read lasts over a second: 40,000 rows, two seconds and more."""
    path = tmp_path_factory.mktemp("book") / "so-lieu.xlsx"
    _long_workbook(path, 40_000)
    return path


@pytest.mark.parametrize("terminal", [True, False])
def test_a_long_workbook_read_shows_a_bar_on_a_terminal_and_never_in_a_pipe(
    long_book: Path, terminal: bool
) -> None:
    """`ktt report` on a workbook whose read lasts over a second: the bar, named after the
    file, drawn on a terminal; on a pipe, the warnings only, no bar and no escape."""
    status, err = _run_with_stderr(
        ["report", str(long_book), "--targets", str(ROOT / "targets.yaml"), "-f", "json"],
        terminal,
    )
    assert status == 0, err
    assert "no_territory_rows" in err  # the one warning of this file, either way
    drawn = "\x1b[" in err and "━" in err
    assert drawn is terminal, err
