"""Charts drawn beside the reading: a second process for the HTML report's charts.

Importing matplotlib costs about as much as reading a large file, and the two
need not wait for each other on a machine with two cores: a worker process is
started (forked) before the files are read, imports the charting library while
the parent reads, and draws the charts once the report exists. What it draws is
the pure `svg_chart.chart_svg` of each chart's points: the same page as drawing
them in turn.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ktt_cli.render.chart import Chart
    from ktt_cli.render.html import Drawer


def _warm() -> None:
    """Import the charting library and draw a chart once: the first drawing also loads
    the fonts and lays out text, which costs as much again as the import. The worker
    collects cyclic garbage (the command line does not: `entry.py`): every figure
    drawn leaves some."""
    import gc

    gc.enable()
    from ktt_cli.model import Unit
    from ktt_cli.progress import Point, Status
    from ktt_cli.render.chart import Chart, Track
    from ktt_cli.render.svg_chart import chart_svg

    line = (Point(2020.0, 1.0), Point(2030.0, 2.0))
    track = Track(2030, Point(2030.0, 2.0), Status.ON_TRACK, line, line)
    chart_svg(Chart("warm", Unit.COUNT, line, line[0], (track,)), "vi")


def _draw(chart: Chart, lang: str) -> str:
    from ktt_cli.render.svg_chart import chart_svg

    return chart_svg(chart, lang)


@contextmanager
def drawing_beside() -> Iterator[Drawer]:
    """A drawer whose worker starts now; where a process cannot be forked, the charts are
    drawn in turn by the caller."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ktt_cli.render.html import draw_in_turn

    if "fork" not in multiprocessing.get_all_start_methods():
        yield draw_in_turn
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_warm) as pool:
        pool.submit(int)  # starts the worker: it imports while the files are read

        def draw(charts: Sequence[Chart], lang: str) -> list[str]:
            return list(pool.map(_draw, charts, repeat(lang)))

        yield draw
