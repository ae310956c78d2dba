"""ktt as a well-behaved process (SPEC §6): a closed pipe ends it quietly with 141, Ctrl-C
with 130, SIGTERM with 143, never a traceback, a process or a temporary folder left
behind; a process limit or an unwritable HOME does not stop an HTML report; the
collector is left as it was by reads that overlap."""

from __future__ import annotations

import gc
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import read, run_ktt

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "actuals.csv"
KTT = [sys.executable, "-m", "ktt_cli"]


def _said(stderr: bytes) -> list[str]:
    """What ktt said on stderr, the reading's warnings of the example left out."""
    return [line for line in stderr.decode().splitlines() if ": warning: " not in line]


@pytest.mark.parametrize("output_format", ["json", "csv", "markdown", "table", "html", "xlsx"])
def test_a_reader_that_closes_the_pipe_ends_ktt_quietly_with_141(output_format: str) -> None:
    # the reader is gone before ktt writes a byte: every write is EPIPE (`| head -c 10`
    # on a report longer than the pipe holds)
    run = subprocess.Popen(
        [*KTT, "report", str(EXAMPLE), "-f", output_format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert run.stdout is not None
    assert run.stderr is not None
    run.stdout.close()
    stderr = run.stderr.read()
    assert run.wait(timeout=60) == 141  # as a shell reports SIGPIPE; never 1, never 3
    assert _said(stderr) == []


@pytest.mark.parametrize(
    "command",
    [
        ["schema"],
        ["targets"],
        ["targets", "--format", "json"],
        ["validate", str(EXAMPLE)],
        ["template"],
        ["template", "--format", "xlsx"],
    ],
    ids=" ".join,
)
def test_every_command_ends_quietly_with_141_on_a_closed_pipe(command: list[str]) -> None:
    run = subprocess.Popen([*KTT, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None
    assert run.stderr is not None
    run.stdout.close()
    stderr = run.stderr.read()
    assert run.wait(timeout=60) == 141
    assert _said(stderr) == []


def _big_actuals(folder: Path) -> Path:
    """Actuals that take a few seconds to read: time to interrupt ktt while its chart
    worker runs."""
    path = folder / "big.csv"
    rows = (f"htx_count,{2000 + i % 25},{700 + i}\n" for i in range(400_000))
    path.write_text("indicator,period,value\n" + "".join(rows), encoding="utf-8")
    return path


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def _descendants(pid: int) -> list[int]:
    """Every process `pid` made, and theirs."""
    found = _children(pid)
    return found + [d for c in found for d in _descendants(c)]


def _signals(pid: int) -> str:
    """A process's state and its signals blocked, ignored and caught, from /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "gone"
    fields = ("State", "SigBlk", "SigIgn", "SigCgt")
    return "; ".join(line for line in status.splitlines() if line.startswith(fields))


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def reading_html(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], list[int], Path]]:
    """ktt making an HTML report of a big file, in the midst of its work: its processes
    (a chart worker, where it makes one) started."""
    if not Path("/proc/self/task").exists():
        pytest.skip("no /proc here to find the processes ktt makes")
    out = tmp_path / "out"
    out.mkdir()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    run = subprocess.Popen(
        [*KTT, "report", str(_big_actuals(tmp_path)), "-f", "html", "-o", str(out / "r.html")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ | {"TMPDIR": str(temporary)},
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    started = time.monotonic()
    while not _children(run.pid) and time.monotonic() - started < 1.5:
        time.sleep(0.02)
    time.sleep(0.3)  # a worker is importing, the parent reading
    assert run.poll() is None, "the report was done before it could be interrupted"
    made = _descendants(run.pid)
    yield run, made, tmp_path
    for pid in made + _descendants(run.pid):
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    if run.poll() is None:
        run.kill()
        run.wait()


@pytest.mark.parametrize(
    ("name", "status"), [("SIGINT", 130), ("SIGTERM", 143)], ids=["ctrl-c", "sigterm"]
)
def test_an_interrupted_html_report_stops_at_once_and_leaves_nothing(
    reading_html: tuple[subprocess.Popen[bytes], list[int], Path], name: str, status: int
) -> None:
    run, made, folder = reading_html
    sent = getattr(signal, name)
    if sent == signal.SIGINT:
        os.killpg(run.pid, sent)  # Ctrl-C reaches the whole process group
    else:
        os.kill(run.pid, sent)  # a scheduler's kill reaches ktt alone
    try:
        # the end of ktt's output: no process it made holds it open
        _, stderr = run.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        left = [pid for pid in made if _alive(pid)]
        pytest.fail(
            f"ktt's output did not end within 10 s; its processes {left} hold it; ktt "
            f"{'is alive' if run.poll() is None else 'ended'}: {_signals(run.pid)}"
        )
    assert run.returncode == status
    assert len(_said(stderr)) <= 1, stderr.decode()
    assert b"Traceback" not in stderr
    time.sleep(0.5)
    assert [pid for pid in made if _alive(pid)] == [], "a process ktt made was left running"
    assert list((folder / "out").iterdir()) == []  # no partial report, no temporary file
    assert list((folder / "tmp").iterdir()) == []  # no temporary folder


def test_a_home_that_cannot_be_written_leaves_no_matplotlib_folder(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPL"))}
    environment |= {"HOME": os.devnull, "TMPDIR": str(temporary)}  # nothing can be made there
    out = tmp_path / "r.html"
    done = run_ktt(["report", EXAMPLE, "-f", "html", "-o", out], env=environment)
    assert done.returncode == 0, done.stderr.decode()
    assert out.read_text(encoding="utf-8").count("<svg") >= 2  # the charts are drawn
    assert list(temporary.iterdir()) == []
    assert b"atplotlib" not in done.stderr


_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _runs_as_nobody() -> bool:
    if os.geteuid() != 0 or not (shutil.which("setpriv") and shutil.which("prlimit")):
        return False
    probe = subprocess.run(
        [*_NOBODY, sys.executable, "-c", "import ktt_cli"], capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.mark.skipif(
    not _runs_as_nobody(),
    reason="needs root with setpriv and prlimit to become an unprivileged user (a process "
    "limit does not bind root), and an interpreter and a ktt that user can read",
)
@pytest.mark.parametrize("limit", [1, 2, 3, 4, 5, 8])
def test_an_html_report_is_made_under_a_process_limit(limit: int) -> None:
    """`ulimit -u N` of a service account: the report is made, in a few seconds (a pool
    whose thread cannot start once left ktt waiting for minutes)."""
    folder = Path(tempfile.mkdtemp(prefix="ktt-nproc-"))  # one the unprivileged user can reach
    folder.chmod(0o777)
    out = folder / "r.html"
    command = [*KTT, "report", str(EXAMPLE), "-f", "html", "-o", str(out)]
    started = time.monotonic()
    try:
        done = subprocess.run(
            ["prlimit", f"--nproc={limit}", "--", *_NOBODY, *command],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        assert time.monotonic() - started < 45
        assert out.read_text(encoding="utf-8").count("<svg") >= 2
        assert _said(done.stderr) == []  # nor a library's complaint (OpenBLAS's threads)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class _HeldStream(io.RawIOBase):
    """A big CSV file whose reading stops halfway (deep in the reading of its rows) until
    the test lets it go on."""

    def __init__(self, halfway: threading.Event, go_on: threading.Event) -> None:
        rows = "".join(f"htx_count,{2000 + i % 25},{700 + i}\n" for i in range(200_000))
        self._data = io.BytesIO(("indicator,period,value\n" + rows).encode())
        self._middle = len(self._data.getvalue()) // 2
        self.halfway, self.go_on = halfway, go_on

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._data.tell() >= self._middle and not self.go_on.is_set():
            self.halfway.set()
            assert self.go_on.wait(timeout=30)
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _read_held(halfway: threading.Event, go_on: threading.Event) -> threading.Thread:
    from ktt_cli.bundled import DEFAULT, bundled_path
    from ktt_cli.load.text import Source
    from ktt_cli.problems import ProblemLog
    from ktt_cli.targets_file import read_targets, read_targets_bytes

    targets = read_targets(read_targets_bytes(bundled_path(DEFAULT)), DEFAULT, ProblemLog())
    assert targets is not None
    stream = _HeldStream(halfway, go_on)
    source = Source("held.csv", lambda: io.BufferedReader(stream))
    thread = threading.Thread(target=lambda: read(source, targets=targets))
    thread.start()
    assert halfway.wait(timeout=30), "the read never got halfway"
    return thread


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_overlapping_reads_leave_the_collector_as_it_was(enabled: bool) -> None:
    """The library read from two threads, overlapping: A starts, B starts, A ends, B ends.
    The collector is as the program had it before, whatever the reads did meanwhile."""
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        go_on = {"a": threading.Event(), "b": threading.Event()}
        first = _read_held(threading.Event(), go_on["a"])
        second = _read_held(threading.Event(), go_on["b"])
        go_on["a"].set()
        first.join(timeout=60)
        go_on["b"].set()
        second.join(timeout=60)
        assert not first.is_alive()
        assert not second.is_alive()
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.skipif(
    not _runs_as_nobody(),
    reason="needs root with setpriv to become an unprivileged user (permissions do not "
    "bind root), and an interpreter and a ktt that user can read",
)
def test_a_service_account_whose_home_is_read_only_leaves_nothing_behind() -> None:
    """A service account's HOME it cannot write (a folder of root's, mode 755): the
    charts are drawn, no matplotlib folder is left in the temporary folder, no warning."""
    folder = Path(tempfile.mkdtemp(prefix="ktt-home-"))
    try:
        home, temporary = folder / "home", folder / "tmp"
        home.mkdir(mode=0o755)
        temporary.mkdir()
        folder.chmod(0o755)
        temporary.chmod(0o777)
        out = temporary / "r.html"
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPL"))}
        done = run_ktt(  # as an unprivileged user
            ["report", EXAMPLE, "-f", "html", "-o", out],
            prefix=_NOBODY,
            env=environment | {"HOME": str(home), "TMPDIR": str(temporary)},
        )
        assert done.returncode == 0, done.stderr.decode()
        assert out.read_text(encoding="utf-8").count("<svg") >= 2
        assert [p.name for p in temporary.iterdir()] == ["r.html"]
        assert list(home.iterdir()) == []
        assert _said(done.stderr) == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_an_html_report_makes_no_second_process(tmp_path: Path) -> None:
    """SPEC §7: the charts are drawn in ktt's own process. A forked drawing worker outlived
    a SIGTERM holding ktt's standard output, printed a traceback on Ctrl-C and failed under
    a process limit; with none, no such thing can happen. Watched for the whole run."""
    if not Path("/proc/self/task").exists():
        pytest.skip("no /proc here to find the processes ktt makes")
    run = subprocess.Popen(
        [
            *KTT,
            "report",
            str(ROOT / "examples" / "actuals.csv"),
            "-f",
            "html",
            "-o",
            str(tmp_path / "r"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: set[int] = set()
    try:
        while run.poll() is None:
            seen.update(_children(run.pid))
            time.sleep(0.001)
    finally:
        run.kill()
        run.wait()
    assert run.returncode == 0
    assert not seen
