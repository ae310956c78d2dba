"""The `ktt` console script and `python -m ktt_cli`: the command line, without the
cyclic garbage collector.

A run of ktt allocates a great deal that holds no reference cycle: the modules and
Pydantic schemas of its start-up, then the rows of the files it reads, each freed
as soon as it is used. The cyclic collector finds nothing in them, but it looks,
again and again: about 20 ms of the 220 ms of a small report. It is switched off
before anything is imported, for the one command the process runs; the worker that
draws an HTML report's charts switches it back on (matplotlib's figures do hold
cycles). The peak memory of every measure in `benchmarks/run.py` is what shows
nothing accumulates. Imported as a library, ktt leaves the collector alone.
"""

import gc


def main() -> None:
    gc.disable()
    from ktt_cli.cli import main as run

    run()
