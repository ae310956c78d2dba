"""The `ktt` console script and `python -m ktt_cli`: the command line, with the cyclic
garbage collector tuned for one command, and without the interpreter's teardown.

A run of ktt allocates a great deal that holds no reference cycle: the modules and
Pydantic schemas of its start-up, then the rows of the files it reads, each freed as
soon as it is used. With Python's default thresholds the cyclic collector looks at
them again and again (every 700 allocations, the whole heap now and then), a sixth of
the time of a large file. Here, and only here, the collector is tuned for the one
command the process runs: the objects of the start-up are frozen once imported (a full
collection never scans them again), and collections come a hundred times less often.
It keeps running, so the reference cycles a library leaves (the XML parser under
openpyxl, matplotlib's figures) are still freed as they go. The peak memory of every
measure in `benchmarks/run.py` is what shows nothing accumulates.

When the command is done, its output is flushed and the process ends there
(`os._exit`), as mypy's does: the interpreter would otherwise take every module
apart and run a full collection over the objects of Typer, Pydantic and Rich, 30 ms
that change nothing. Every file ktt writes is closed by then, and no ktt code
registers an exit handler. SIGTERM (a scheduler's kill) is raised where the program
stands, so that every `with` unwinds (a temporary output file removed) before exit
143; Ctrl-C gives 130 and a closed pipe 141, as a shell reports them. An exception
other than SystemExit ends the process the usual way.

Imported as a library, ktt leaves the collector and the interpreter alone.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

#: The collector's thresholds for a run: a young collection every 100,000 allocations
#: rather than 700, an older one every 20 of those, a full one at most every 100 of those.
_THRESHOLDS = (100_000, 20, 100)
#: What Python's own exit gives when standard output cannot be flushed.
_FLUSH_FAILED = 120
#: How a shell reports a program ended by a signal: 128 + its number (SPEC §6).
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class Terminated(BaseException):
    """SIGTERM (a scheduler's kill): raised where the program stands, so that every `with`
    unwinds (a temporary output file removed) before exit 143."""


def _terminated(_signal: int, _frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends ktt at once
    raise Terminated


def run() -> int:
    """Run the command line with the collector tuned; the exit status, output flushed."""
    gc.set_threshold(*_THRESHOLDS)
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from ktt_cli.cli import main as command_line

        gc.freeze()  # the modules of the start-up: never garbage, never scanned again
        command_line()
        status = 0
    except SystemExit as e:
        status = _status(e.code)
    except KeyboardInterrupt:  # Ctrl-C outside a command (while starting): no traceback
        status = EXIT_INTERRUPTED
    except Terminated:
        status = EXIT_TERMINATED
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # the reader closed the pipe early (`| head`)
            from ktt_cli.streams import EXIT_PIPE

            status = status or EXIT_PIPE
        except (OSError, ValueError):  # a stream closed, a disk full
            status = status or _FLUSH_FAILED
    return status


def _status(code: object) -> int:
    """The exit status of `sys.exit(code)`, as Python's own exit gives it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main() -> None:
    os._exit(run())
