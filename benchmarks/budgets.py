"""The budgets of SPEC §7 and the verdict on each measure.

A measure is one command held against one reference: the median of its per-round
ratios (with their spread) against a ratio budget, and its peak memory against a memory
budget, where it has either. A measure whose command failed is an error, since its
figures mean nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from measure import Command, Ratio

LARGE_RATIO = 2.5  # report, report --by region, validate against a bare csv.reader pass
LARGE_PEAK_MIB = 100.0  # strictly under
STARTUP_FLOOR = 1.3  # ktt report examples/actuals.csv against stack_floor.py
FORMATS_RATIO = 1.8  # --format html / xlsx / docx against --format json
WORKBOOK_RATIO = 1.2  # ktt report FILE.xlsx against a bare openpyxl read-only pass
WORKBOOK_PEAK_MIB = 150.0
ODS_RATIO = 1.5  # ktt report FILE.ods against ktt report on the same FILE.xlsx
MEMORY_PEAK_MIB = 100.0  # the sparse files of issue 19


class Verdict(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"
    ERROR = "ERROR"
    INFO = "—"  # a reference, or a figure without a budget


@dataclass
class Measure:
    """One line of the result: a command, its ratio to a reference, its peak, the budgets."""

    group: str
    label: str
    reference: str | None = None
    ratio: Ratio | None = None
    ratio_budget: float | None = None
    peak_mib: float | None = None
    peak_budget: float | None = None
    median_s: float | None = None
    error: str | None = None

    @staticmethod
    def of(
        group: str,
        command: Command,
        reference: Command | None = None,
        ratio_budget: float | None = None,
        peak_budget: float | None = None,
        label: str | None = None,
    ) -> Measure:
        failed = command.failure()
        walls = command.walls
        return Measure(
            group,
            label or command.label,
            reference.label if reference is not None else None,
            Ratio.of(command, reference) if reference is not None else None,
            ratio_budget,
            command.peak_mib,
            peak_budget,
            sorted(walls)[len(walls) // 2] if walls else None,
            error=_error(failed.returncode, failed.stderr) if failed is not None else None,
        )

    @property
    def ratio_ok(self) -> bool | None:
        if self.ratio is None or self.ratio_budget is None:
            return None
        return self.ratio.median <= self.ratio_budget

    @property
    def peak_ok(self) -> bool | None:
        if self.peak_mib is None or self.peak_budget is None:
            return None
        return self.peak_mib < self.peak_budget

    @property
    def verdict(self) -> Verdict:
        if self.error is not None:
            return Verdict.ERROR
        checks = [self.ratio_ok, self.peak_ok]
        if False in checks:
            return Verdict.FAIL
        if True in checks:
            return Verdict.PASS
        return Verdict.INFO

    @property
    def over(self) -> list[str]:
        """The budgets it exceeds, in words."""
        out = []
        if self.ratio_ok is False and self.ratio is not None:
            out.append(f"{self.group} {self.label}: {self.ratio.median:.2f} > {self.ratio_budget}")
        if self.peak_ok is False:
            out.append(f"{self.group} {self.label}: {self.peak_mib:.1f} MiB ≥ {self.peak_budget}")
        return out


def _error(returncode: int, stderr: str) -> str:
    tail = " | ".join(stderr.strip().splitlines()[-3:])
    return f"exit {returncode}: {tail}" if tail else f"exit {returncode}"


def overall(measures: list[Measure]) -> tuple[Verdict, str]:
    """The verdict of a whole run, and its line."""
    errors = [m for m in measures if m.verdict is Verdict.ERROR]
    if errors:
        return Verdict.ERROR, "ERROR: a command failed, so its figures mean nothing: " + ", ".join(
            f"{m.group} {m.label}" for m in errors
        )
    over = [line for m in measures for line in m.over]
    if over:
        return Verdict.FAIL, "FAIL: over budget: " + "; ".join(over)
    judged = [m for m in measures if m.verdict is Verdict.PASS]
    return Verdict.PASS, f"PASS: all {len(judged)} measures within budget"
