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
from contextlib import contextmanager, suppress
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

    _worker_apart()
    gc.enable()
    from ktt_cli.model import Unit
    from ktt_cli.progress import Point, Status
    from ktt_cli.render.chart import Chart, Track
    from ktt_cli.render.svg_chart import chart_svg

    line = (Point(2020.0, 1.0), Point(2030.0, 2.0))
    track = Track(2030, Point(2030.0, 2.0), Status.ON_TRACK, line, line)
    chart_svg(Chart("warm", Unit.COUNT, line, line[0], (track,)), "vi")


def _worker_apart() -> None:
    """The worker leaves interruptions to ktt (Ctrl-C reaches the whole process group: the
    parent stops it, with no traceback of its own), ends when ktt ends whatever ends it
    (Linux: the parent's death signals it), and holds neither of ktt's output streams, so
    a job reading them sees their end when ktt's."""
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    null = os.open(os.devnull, os.O_WRONLY)
    for stream in (1, 2):
        os.dup2(null, stream)
    os.close(null)


def _die_with_parent() -> None:
    """prctl(PR_SET_PDEATHSIG, SIGKILL) where the C library has it; nothing elsewhere."""
    import ctypes
    import ctypes.util
    import os
    import signal

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the signal was asked for
        os._exit(0)


def _draw(chart: Chart, lang: str) -> str:
    from ktt_cli.render.svg_chart import chart_svg

    return chart_svg(chart, lang)


@contextmanager
def drawing_beside() -> Iterator[Drawer]:
    """A drawer whose worker starts now; where a process cannot be made (no fork, or a
    process limit reached: `ulimit -u`, a container's pids limit), the charts are drawn in
    turn by the caller. Interrupted, the worker is not waited for."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ktt_cli.render.html import draw_in_turn

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small charts: no thread pool needed
    with matplotlib_config():
        if "fork" not in multiprocessing.get_all_start_methods():
            yield draw_in_turn
            return
        if not _room_for_a_worker():
            yield draw_in_turn
            return
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(1, mp_context=context, initializer=_warm)
        try:
            with _ctrl_c_held():
                pool.submit(int)  # starts the worker (a fork, a thread): it imports as
                # files are read
        except (OSError, RuntimeError):  # a process or a thread refused: drawn here instead
            with suppress(Exception):
                pool.shutdown(wait=False, cancel_futures=True)
            yield draw_in_turn
            return
        except BaseException:  # Ctrl-C as the worker started: said once it had
            pool.shutdown(wait=False, cancel_futures=True)
            raise

        def draw(charts: Sequence[Chart], lang: str) -> list[str]:
            try:
                return list(pool.map(_draw, charts, repeat(lang), timeout=_WAIT))
            except (BrokenProcessPool, TimeoutError):  # the worker died, or a thread of the
                pool.shutdown(wait=False, cancel_futures=True)  # pool could not start
                return draw_in_turn(charts, lang)

        try:
            yield draw
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C held back while the worker is forked, then acted on: the worker is born with
    it blocked, so that a Ctrl-C in the instant before it ignores it (`_worker_apart`)
    cannot raise in the midst of multiprocessing's start-up and print its traceback."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


#: How long the charts may take in the worker before they are drawn here instead: a
#: programme's charts take a few seconds; a pool whose thread could not start never ends.
_WAIT = 60.0
#: Processes and threads a worker needs room for (itself, the pool's two threads, the
#: libraries'), with a margin: below it, the charts are drawn in turn.
_ROOM = 64


def _room_for_a_worker() -> bool:
    """Whether a process limit leaves room for the worker and its pool's threads: the
    user's (`ulimit -u`, which does not bind root) and a container's (cgroup pids.max)."""
    import os
    import resource
    from pathlib import Path

    soft, _ = resource.getrlimit(resource.RLIMIT_NPROC)
    if soft != resource.RLIM_INFINITY and soft < _ROOM and os.geteuid() != 0:
        return False
    try:
        most = Path("/sys/fs/cgroup/pids.max").read_text().strip()
        now = int(Path("/sys/fs/cgroup/pids.current").read_text())
    except (OSError, ValueError):
        return True
    return most == "max" or int(most) - now >= _ROOM


@contextmanager
def matplotlib_config() -> Iterator[None]:
    """A folder of ktt's own for matplotlib's configuration and font cache where the
    user's cannot be written (a service account whose HOME is read-only), removed after
    the run: matplotlib would otherwise make one in the temporary folder at every run,
    leave it there, and warn."""
    import os
    import shutil
    import tempfile
    from pathlib import Path

    if os.environ.get("MPLCONFIGDIR") or _writable_config():
        yield
        return
    folder = tempfile.mkdtemp(prefix="ktt-matplotlib-")
    os.environ["MPLCONFIGDIR"] = folder
    try:
        yield
    finally:
        os.environ.pop("MPLCONFIGDIR", None)
        shutil.rmtree(Path(folder), ignore_errors=True)


def _writable_config() -> bool:
    """Whether matplotlib's own configuration folder can be made and written."""
    import os
    from pathlib import Path

    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    folder = Path(home) / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)
