"""The progress bar of a long read (SPEC §7): on a terminal only, after a second only."""

from __future__ import annotations

import io
from pathlib import Path

from ktt_cli.load.csv_rows import CsvTable
from ktt_cli.load.read_bar import ReadBar
from ktt_cli.load.text import open_text


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
