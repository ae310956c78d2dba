"""The benchmark's results as the lines it prints."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

from budgets import Measure


def fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(measures: list[Measure]) -> list[str]:
    head = (
        f"{'group':<22}{'measure':<44}{'median':>7}  {'spread':<12}{'budget':>7}"
        f"{'peak MiB':>10}{'budget':>8}  result"
    )
    lines = [head, "-" * len(head)]
    for m in measures:
        ratio = m.ratio
        spread = f"{ratio.low:.2f}–{ratio.high:.2f}" if ratio is not None else ""
        result = str(m.verdict)
        if m.error:
            result += f" ({m.error})"
        elif ratio is None and m.median_s is not None:
            result += f" median {m.median_s:.3f} s"
        lines.append(
            f"{m.group:<22}{m.label:<44}{fmt(ratio.median if ratio else None, '.2f'):>7}  "
            f"{spread:<12}{'≤ ' + str(m.ratio_budget) if m.ratio_budget else '':>7}"
            f"{fmt(m.peak_mib, '.1f'):>10}"
            f"{'< ' + format(m.peak_budget, '.0f') if m.peak_budget else '':>8}  {result}"
        )
    return lines


def other_sizes(workdir: Path, current: Path) -> list[str]:
    """Peak memory at other sizes measured in the same folder: memory must not grow."""
    lines = []
    for path in sorted(workdir.glob("results-*-rows.json")):
        if path == current:
            continue
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            peaks = {
                f"{m['group']} {m['label']}": m["peak_mib"]
                for m in old["measures"]
                if m["group"].endswith("csv") and m["label"] != "bare csv.reader pass"
            }
            rows = old["data"]["rows"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        shown = ", ".join(f"{k} {fmt(v, '.1f')}" for k, v in peaks.items())
        lines.append(f"          {rows:,} rows: {shown}")
    return lines


def machine() -> dict[str, object]:
    info: dict[str, object] = {
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "executable": sys.executable,
    }
    if hasattr(os, "getloadavg"):
        info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    return info
