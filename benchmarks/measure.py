"""Timing child processes, alternated, and the ratios between them.

Each command runs as a child process with its standard output thrown away. Its wall
time runs from the spawn to the reaping; its peak memory is its own maximum resident
set size, from `os.wait4` (where the platform has it). Commands compared with each
other run in rounds, A B C A B C …, so that a machine slowed by other work slows both
sides of a ratio alike; the figure held against a budget is the median of the per-round
ratios, shown with their spread (the lowest and highest).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024
#: ru_maxrss is in bytes on macOS, in KiB elsewhere.
_MAXRSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    wall: float  # seconds, spawn to reaped
    cpu: float | None  # user + system seconds of the child
    peak: int | None  # bytes: the child's own maximum resident set size
    returncode: int
    stderr: str


@dataclass
class Command:
    """A command line and its timed runs (warm-up runs are kept apart)."""

    key: str
    label: str
    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    warmup: list[Sample] = field(default_factory=list)

    def failure(self) -> Sample | None:
        """The first run that did not exit 0, if any."""
        return next((s for s in self.warmup + self.samples if s.returncode != 0), None)

    @property
    def walls(self) -> list[float]:
        return [s.wall for s in self.samples]

    @property
    def peak_mib(self) -> float | None:
        """The highest peak memory of any of its runs, in MiB."""
        peaks = [s.peak for s in self.warmup + self.samples if s.peak is not None]
        return max(peaks) / MIB if peaks else None


@dataclass(frozen=True)
class Ratio:
    """A command's time over a reference's, round by round."""

    median: float
    low: float
    high: float
    each: tuple[float, ...]

    @staticmethod
    def of(command: Command, reference: Command) -> Ratio | None:
        pairs = zip(command.walls, reference.walls, strict=True)
        each = tuple(mine / theirs for mine, theirs in pairs if theirs > 0)
        if not each:
            return None
        return Ratio(statistics.median(each), min(each), max(each), each)


def run_child(argv: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run one command, standard output to /dev/null; its own rusage where os.wait4 exists."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        cpu: float | None = None
        peak: int | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            cpu = usage.ru_utime + usage.ru_stime
            peak = usage.ru_maxrss * _MAXRSS_UNIT
        else:
            proc.wait()
            wall = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Sample(wall, cpu, peak, proc.returncode, stderr)


def alternate(
    commands: Sequence[Command],
    rounds: int,
    warmup: int,
    cwd: Path,
    env: dict[str, str],
    say: Callable[[str], None],
) -> None:
    """Run `commands` one after another, `warmup` untimed rounds then `rounds` timed ones;
    `say` hears one line a round."""
    for n in range(warmup + rounds):
        tag = "warm-up" if n < warmup else f"round {n - warmup + 1}/{rounds}"
        times = []
        for command in commands:
            sample = run_child(command.argv, cwd, env)
            (command.warmup if n < warmup else command.samples).append(sample)
            times.append(f"{command.key} {sample.wall:.2f}s")
        say(f"  {tag}: " + ", ".join(times))


def own_peak_mib() -> float | None:
    """This process's own peak memory: a floor under every child's (ru_maxrss of a child
    counts its copy of this process before it runs its program)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT / MIB
