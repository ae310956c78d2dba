"""The one harness of the tests: how a test runs ktt and how it reads actuals.

- `invoke(args)` runs the command line in the test's process (Typer's CliRunner), as a
  user's shell would call `ktt ARGS`; `ktt(*args)` is the same with the arguments
  spread, failing the test on a traceback (an exception other than SystemExit).
- `run_ktt(args)` runs it as a process of its own: the console script installed next
  to the interpreter (`script=True`, skipped where there is none) or
  `python -m ktt_cli`, from the repository's root, its output as bytes unless
  `text=True`.
- `read(*sources)` reads actuals against a programme (the bundled one by default) as
  `ktt report` reads them, and gives the data set with the problems found;
  `source(name, data, pipe=...)` and `fixture(path, pipe=...)` make what it reads, a
  pipe coming a few bytes at a time and never sought, as standard input does;
  `read_text(tmp_path, data)` writes `data` to a file first and reads it by its path.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from ktt_cli.cli import app
from ktt_cli.load.collect import read_actuals
from ktt_cli.load.collect_state import ReadOptions
from ktt_cli.load.text import Source
from ktt_cli.model import TargetsFile
from ktt_cli.paths import sources
from ktt_cli.problems import ProblemLog
from ktt_cli.store import Actuals
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "actuals.csv"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def bundled() -> TargetsFile:
    """The repository's targets.yaml (the bundled Yên Bái programme)."""
    log = ProblemLog()
    targets = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", log)
    assert targets is not None, [str(p) for p in log]
    return targets


# ---- the command line ----------------------------------------------------------------


def invoke(args: Sequence[str], **kwargs: Any) -> Result:
    """`ktt ARGS` in this process; `kwargs` as CliRunner.invoke takes them (input, env)."""
    return CliRunner().invoke(app, list(args), **kwargs)


def ktt(*args: str, **kwargs: Any) -> Result:
    """`ktt ARGS` in this process, failing the test on a traceback."""
    result = invoke(args, **kwargs)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def installed(name: str) -> str:
    """The path of a console script installed next to the interpreter, else skip."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def run_ktt(
    args: Sequence[str | Path],
    *,
    script: bool = False,
    prefix: Sequence[str] = (),
    **kwargs: Any,
) -> subprocess.CompletedProcess[Any]:
    """`ktt ARGS` as a process of its own, from the repository's root unless `cwd` says
    otherwise: output captured, no check of the exit status, a minute at most; other
    `kwargs` as subprocess.run takes them (env, input, stdout, text, encoding); `prefix`
    runs it under another command (`setpriv …` to run it as another user)."""
    command = [installed("ktt")] if script else [sys.executable, "-m", "ktt_cli"]
    options: dict[str, Any] = {"cwd": ROOT, "timeout": 120, "check": False}
    if "stdout" not in kwargs and "stderr" not in kwargs:
        options["capture_output"] = True
    return subprocess.run([*prefix, *command, *map(str, args)], **(options | kwargs))


# ---- reading actuals -----------------------------------------------------------------


class Pipe(io.RawIOBase):
    """Bytes that come a few at a time and cannot be sought: standard input."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: Any) -> int:
        return self._data.readinto(memoryview(buffer)[:7])


def source(name: str, data: bytes, *, pipe: bool = False) -> Source:
    """`data` to read as the file `name`, opened as `open(..., "rb")` opens it, or as a
    pipe."""
    if pipe:
        return Source(name, lambda: io.BufferedReader(Pipe(data)))
    return Source(name, lambda: io.BufferedReader(io.BytesIO(data)))


def fixture(path: Path, name: str | None = None, *, pipe: bool = False) -> Source:
    """A file of the repository, named `name` (its own name by default)."""
    shown = name or path.name
    if pipe:
        return Source(shown, lambda: io.BufferedReader(Pipe(path.read_bytes())))
    return Source(shown, lambda: path.open("rb"))


def read(
    *given: Source, targets: TargetsFile | None = None, options: ReadOptions | None = None
) -> tuple[Actuals, ProblemLog]:
    """The data set of `given` against `targets` (the bundled programme by default), read
    as `ktt report` reads it, and every problem found."""
    log = ProblemLog()
    actuals = read_actuals(list(given), targets or bundled(), options or ReadOptions(), log)
    return actuals, log


def read_text(
    tmp_path: Path,
    data: str,
    *,
    targets: TargetsFile | None = None,
    options: ReadOptions | None = None,
    name: str = "data.csv",
) -> tuple[Actuals, ProblemLog]:
    """`data` written to a UTF-8 file in `tmp_path`, then read by its path."""
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    return read(*sources([str(path)], what="actuals"), targets=targets, options=options)
