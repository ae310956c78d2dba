"""benchmarks/run.py at a tiny size: every measure runs and prints.

No timing is asserted here: budgets are the benchmark's business (SPEC §7), not the tests'.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from helpers import run_ktt

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
RATIO = r"\d+\.\d\d"
VERDICTS = {"PASS", "FAIL", "—"}


def test_quick_run_prints_every_measure_with_its_figures(tmp_path: Path) -> None:
    argv = [sys.executable, str(RUN), "--quick", "--no-fail", "--workdir", str(tmp_path)]
    done = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout

    results = json.loads(next(tmp_path.glob("results-*-rows.json")).read_text("utf-8"))
    measures = results["measures"]
    groups = {m["group"] for m in measures}
    assert groups == {"excel csv", "plain csv", "formats", "start-up", "workbook", "memory"}
    for m in measures:
        assert m["verdict"] in VERDICTS, m  # no command failed
        line = next(
            line for line in out.splitlines() if line.startswith(m["group"]) and m["label"] in line
        )
        if m["ratio_budget"] is not None:  # median, spread low–high, budget, peak
            assert re.search(rf" {RATIO}  {RATIO}–{RATIO} +≤ [\d.]+ +\d+\.\d", line), line
        if m["peak_budget"] is not None:
            assert m["peak_mib"] > 0, m
    for label in ("ktt validate", "ktt report --format json"):
        assert sum(m["label"] == label for m in measures) == 2, measures
    assert re.search(r"^result\s+(PASS|FAIL)", out, re.MULTILINE), out

    # The synthetic programme and the Excel-shaped file pass `ktt validate` on their own.
    (excel,) = tmp_path.glob("excel-*.csv")
    assert excel.read_bytes().startswith("\ufeffChỉ tiêu;Kỳ;Giá trị;".encode())
    validate = ["validate", str(excel), "--targets", str(tmp_path / "targets.yaml")]
    done = run_ktt(validate)
    assert done.returncode == 0, done.stdout + done.stderr
