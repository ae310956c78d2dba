"""The test harness (tests/helpers.py) is the one way the tests run ktt and read
actuals: no test module makes a CliRunner, runs the command line as a process or calls
the reader of actuals itself."""

from __future__ import annotations

import ast
from pathlib import Path

import helpers

TESTS = Path(__file__).resolve().parent


def bypasses(folder: Path) -> list[str]:
    """Where a test module of `folder` runs ktt or reads actuals around the harness."""
    found = []
    for path in sorted(folder.glob("test_*.py")):
        text = path.read_text("utf-8")
        for node in ast.walk(ast.parse(text)):
            where = f"{path.name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and node.module in {
                "typer.testing",
                "click.testing",
            }:
                found.append(f"{where}: {node.module}")
            elif isinstance(node, ast.ImportFrom) and node.module == "ktt_cli.load.collect":
                if any(alias.name == "read_actuals" for alias in node.names):
                    found.append(f"{where}: ktt_cli.load.collect.read_actuals")
            elif isinstance(node, ast.Call) and ast.unparse(node.func) == "subprocess.run":
                argv = ast.get_source_segment(text, node.args[0]) if node.args else ""
                if any(k in argv or "" for k in ('"ktt_cli"', '"ktt"', "KTT")):
                    found.append(f"{where}: subprocess.run({argv})")
    return found


def test_every_test_runs_ktt_and_reads_actuals_through_the_harness() -> None:
    assert bypasses(TESTS) == []


def test_a_bypass_is_found(tmp_path: Path) -> None:
    (tmp_path / "test_a.py").write_text(
        "import subprocess, sys\n"
        "from typer.testing import CliRunner\n"
        "from ktt_cli.load.collect import ReadOptions, read_actuals\n"
        'subprocess.run([sys.executable, "-m", "ktt_cli", "report"])\n'
        'subprocess.run([sys.executable, "-c", "print()"])\n'
    )
    assert bypasses(tmp_path) == [
        "test_a.py:2: typer.testing",
        "test_a.py:3: ktt_cli.load.collect.read_actuals",
        'test_a.py:4: subprocess.run([sys.executable, "-m", "ktt_cli", "report"])',
    ]


def test_the_harness_runs_ktt_in_process_and_as_a_process() -> None:
    inside = helpers.ktt("report", str(helpers.EXAMPLE), "-f", "json")
    outside = helpers.run_ktt(["report", helpers.EXAMPLE, "-f", "json"], text=True)
    assert inside.exit_code == outside.returncode == 0
    assert inside.stdout == outside.stdout


def test_the_harness_reads_a_pipe_as_a_file() -> None:
    data = helpers.EXAMPLE.read_bytes()
    from_file, log = helpers.read(helpers.fixture(helpers.EXAMPLE))
    from_pipe, piped = helpers.read(helpers.source("actuals.csv", data, pipe=True))
    assert from_file.series == from_pipe.series
    assert [p.code for p in log] == [p.code for p in piped]
