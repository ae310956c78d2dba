"""benchmarks/run.py at a tiny size: every measure runs and prints.

No timing is asserted here: budgets are the benchmark's business (SPEC §7), not the tests'.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
RATIO = r"\d+\.\d\d"
VERDICTS = {"PASS", "FAIL", "—"}


def test_quick_run_prints_every_measure_with_its_figures(tmp_path: Path) -> None:
    argv = [sys.executable, str(RUN), "--quick", "--no-fail", "--workdir", str(tmp_path)]
    done = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout

    results = json.loads(next(tmp_path.glob("results-*-rows.json")).read_text("utf-8"))
    measures = results["measures"]
    groups = {m["group"] for m in measures}
    csvs = {"excel", "plain", "plain-decimals", "excel-other", "excel-same-source"}
    assert groups == {f"{k} csv" for k in csvs} | {"formats", "start-up", "workbook", "memory"}
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
        assert sum(m["label"] == label for m in measures) == len(csvs), measures
    labels = {m["label"] for m in measures}
    assert {"ktt report --format html", "ktt report --format xlsx"} <= labels
    if shutil.which("soffice") or shutil.which("libreoffice"):  # the same workbook as .ods
        assert "ktt report FILE.ods / .xlsx" in labels
    assert re.search(r"^result\s+(PASS|FAIL)", out, re.MULTILINE), out

    # The synthetic programme and the Excel-shaped file pass `ktt validate` on their own.
    (excel,) = tmp_path.glob("excel-[0-9]*.csv")
    assert excel.read_bytes().startswith("\ufeffChỉ tiêu;Kỳ;Giá trị;".encode())
    validate = ["validate", str(excel), "--targets", str(tmp_path / "targets.yaml")]
    done = subprocess.run(
        [sys.executable, "-m", "ktt_cli", *validate], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr

    # The other shapes too; their figures have decimals in both styles (23.45 and 23,45)
    # beside whole counts, grouped from a thousand in the Excel-shaped ones (16.800).
    texts = {k: next(tmp_path.glob(f"{k}-[0-9]*.csv")).read_text("utf-8-sig") for k in csvs}
    assert re.search(r",\d{1,2}\.\d\d\n", texts["plain-decimals"])
    assert re.search(r";\d{1,2},\d\d;", texts["excel-other"])
    assert re.search(r";\d{1,2},\d;", texts["excel"])
    assert all(
        line.endswith('"Phòng Kinh tế huyện; báo cáo tháng";')
        for line in texts["excel-same-source"].splitlines()[1:]
    )
    for kind in csvs - {"excel"}:
        path = next(tmp_path.glob(f"{kind}-[0-9]*.csv"))
        validate = ["validate", str(path), "--targets", str(tmp_path / "targets.yaml")]
        done = subprocess.run(
            [sys.executable, "-m", "ktt_cli", *validate], capture_output=True, check=False
        )
        assert done.returncode == 0, (kind, done.stdout + done.stderr)
