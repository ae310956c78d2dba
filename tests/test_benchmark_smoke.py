"""benchmarks/run.py at a tiny size: it runs to the end and prints every figure.

No timing is asserted here: budgets are the benchmark's business (SPEC §7), not the tests'.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
NUMBER = r"(\d+\.\d+)"


def row(stdout: str, label: str) -> list[str]:
    """The cells after `label` on the table line that starts with it."""
    lines = [line for line in stdout.splitlines() if line.startswith(label)]
    assert len(lines) == 1, (label, stdout)
    return lines[0][len(label) :].split()


def run(argv: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False
    )


def test_tiny_run_prints_both_ratios_and_both_peaks(tmp_path: Path) -> None:
    args = ["--workdir", str(tmp_path), "--rows", "300", "--rounds", "2", "--small-rounds", "2"]
    done = run([sys.executable, str(RUN), *args, "--warmup", "0", "--no-fail"], timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout

    # median s, cpu s, ratio, budget, peak MiB, budget, result
    for label in ("ktt report --format json", "ktt validate"):
        cells = row(out, label)
        assert re.fullmatch(NUMBER, cells[0]), cells  # median wall time
        assert re.fullmatch(NUMBER, cells[2]), cells  # ratio to the bare csv pass
        assert cells[3:5] == ["≤", "2.5"], cells
        assert re.fullmatch(NUMBER, cells[5]), cells  # peak MiB
        assert cells[6:8] == ["<", "100"], cells
        assert cells[8] in {"PASS", "FAIL"}, cells
    cells = row(out, "ktt report examples/actuals.csv")
    assert re.fullmatch(NUMBER, cells[2]), cells  # ratio to the imports alone
    assert cells[3:5] == ["≤", "1.3"], cells
    assert re.search(r"^result\s+(PASS|FAIL)", out, re.MULTILINE), out
    assert re.search(r"\d+ CPUs", out), out

    (actuals,) = tmp_path.glob("actuals-*-rows.csv")
    lines = actuals.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "indicator,period,region,value"
    assert 200 <= len(lines) - 1 <= 400
    (results_file,) = tmp_path.glob("results-*-rows.json")
    results = json.loads(results_file.read_text(encoding="utf-8"))
    for key in ("report", "validate", "small_ktt"):
        assert isinstance(results["figures"][key]["median_ratio"], float)
        assert "error" not in results["figures"][key]
    for key in ("report", "validate"):
        assert results["figures"][key]["peak_mib"] > 0
    assert results["data"]["rows"] == len(lines) - 1

    # The synthetic programme and actuals pass `ktt validate` on their own too.
    targets = tmp_path / "targets.yaml"
    validate = ["validate", str(targets), str(actuals), "--targets", str(targets)]
    done = run([sys.executable, "-m", "ktt_cli", *validate], timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
