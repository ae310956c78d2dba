"""What the benchmark measures: each group of commands against its reference (SPEC §7),
timed alternated round by round (`measure.py`) and judged by `budgets.py`."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import budgets as b
from budgets import Measure
from files import Files, Sizes, say
from measure import Command, alternate

ROOT = Path(__file__).resolve().parent.parent
SMALL_ACTUALS = "examples/actuals.csv"
IMPORTS = "import typer, yaml, rich.table; from pydantic import BaseModel"
# The reference pass reads the same bytes the same way: the BOM, the newlines, the delimiter.
CSV_PASS = (
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding=sys.argv[2]) as f:\n"
    "    for _ in csv.reader(f, delimiter=sys.argv[3]):\n"
    "        pass\n"
)
OPENPYXL_PASS = (
    "import sys, openpyxl\n"
    "book = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
    "for ws in book.worksheets:\n"
    "    for row in ws.iter_rows(values_only=True):\n"
    "        pass\n"
)


@dataclass(frozen=True)
class Bench:
    ktt: list[str]
    workdir: Path
    env: dict[str, str]
    rounds: int
    small_rounds: int
    warmup: int

    def alternate(self, commands: list[Command], rounds: int | None = None) -> None:
        alternate(commands, rounds or self.rounds, self.warmup, self.workdir, self.env, say)


def people_formats(bench: Bench) -> list[str]:
    """The people's formats this ktt writes (SPEC §7): html and xlsx, and docx where
    `ktt report -f docx` runs on the example."""
    formats = ["html", "xlsx"]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.docx"
        argv = [*bench.ktt, "report", SMALL_ACTUALS, "-f", "docx", "-o", str(out)]
        done = subprocess.run(argv, cwd=ROOT, env=bench.env, capture_output=True, check=False)
        if done.returncode == 0 and out.exists():
            formats.append("docx")
    return formats


def large_csv(
    bench: Bench, files: Files, name: str, path: Path, formats: Sequence[str] = ()
) -> list[Measure]:
    """report, report --by region and validate against a bare csv.reader pass; the people's
    `formats` against --format json as well."""
    ktt, targets = bench.ktt, ["--targets", str(files.targets)]
    excel = name.startswith("excel")
    encoding, delimiter = ("utf-8-sig", ";") if excel else ("utf-8", ",")
    file = str(path)
    report = Command(
        "report", "ktt report --format json", [*ktt, "report", file, *targets, "-f", "json"]
    )
    by = Command(
        "by",
        "ktt report --by region",
        [*ktt, "report", file, *targets, "--by", "region", "-f", "json"],
    )
    validate = Command("validate", "ktt validate", [*ktt, "validate", file, *targets])
    csv_pass = Command(
        "csv", "bare csv.reader pass", [sys.executable, "-c", CSV_PASS, file, encoding, delimiter]
    )
    people = {
        f: Command(
            f,
            f"ktt report --format {f}",
            [*ktt, "report", file, *targets, "-f", f, "-o", str(bench.workdir / f"out.{f}")],
        )
        for f in formats
    }
    commands = [report, by, validate, *people.values()]
    say(f"{name} file ({files.rows:,} rows): " + ", ".join(c.key for c in commands) + ", csv pass")
    bench.alternate([*commands, csv_pass])
    group = f"{name} csv"
    measures = [
        Measure.of(group, command, csv_pass, b.LARGE_RATIO, b.LARGE_PEAK_MIB)
        for command in (report, by, validate)
    ]
    measures.append(Measure.of(group, csv_pass))
    measures += [Measure.of("formats", c, report, b.FORMATS_RATIO) for c in people.values()]
    return measures


def startup(bench: Bench) -> list[Measure]:
    """ktt report examples/actuals.csv against the stack floor and the bare imports."""
    ktt = Command("ktt", f"ktt report {SMALL_ACTUALS}", [*bench.ktt, "report", SMALL_ACTUALS])
    floor = Command(
        "floor",
        "stack_floor.py",
        [sys.executable, str(ROOT / "benchmarks" / "stack_floor.py"), "report", SMALL_ACTUALS],
    )
    imports = Command(
        "imports", "python -c 'import typer, yaml, …'", [sys.executable, "-c", IMPORTS]
    )
    say("start-up: ktt report, stack floor, imports")
    alternate([ktt, floor, imports], bench.small_rounds, bench.warmup, ROOT, bench.env, say)
    return [
        Measure.of("start-up", ktt, floor, b.STARTUP_FLOOR, label=f"{ktt.label} / floor"),
        Measure.of("start-up", ktt, imports, label=f"{ktt.label} / imports"),
        Measure.of("start-up", floor, imports),
    ]


def workbook(bench: Bench, files: Files, rows: int) -> list[Measure]:
    """ktt report FILE.xlsx against a bare openpyxl read-only pass over its values, and
    ktt report on the same workbook saved as .ods against the .xlsx."""
    label = "ktt report FILE.xlsx"
    file = str(files.workbook)
    report = Command("report", label, [*bench.ktt, "report", file, "--targets", str(files.targets)])
    bare = Command(
        "openpyxl", "bare openpyxl read-only pass", [sys.executable, "-c", OPENPYXL_PASS, file]
    )
    ods = None
    if files.ods is not None:
        ods = Command(
            "ods",
            "ktt report FILE.ods",
            [*bench.ktt, "report", str(files.ods), "--targets", str(files.targets)],
        )
    say(f"workbook ({rows:,} rows): ktt report, openpyxl pass" + (", .ods" if ods else ""))
    bench.alternate([report, bare, *([ods] if ods else [])])
    measures = [
        Measure.of("workbook", report, bare, b.WORKBOOK_RATIO, b.WORKBOOK_PEAK_MIB),
        Measure.of("workbook", bare),
    ]
    if ods is not None:
        measures.append(
            Measure.of(
                "workbook",
                ods,
                report,
                b.ODS_RATIO,
                b.WORKBOOK_PEAK_MIB,
                "ktt report FILE.ods / .xlsx",
            )
        )
    return measures


def memory(bench: Bench, files: Files, sizes: Sizes) -> list[Measure]:
    """Issue 19's files, where the rows bring regions and periods few others share."""
    cases = [
        (files.sparse_months, f"{sizes.sparse_rows:,} rows, each a new region and month"),
        (
            files.sparse_days,
            f"{10 * sizes.days_communes * sizes.days_steps:,} rows, a day of its own per commune",
        ),
    ]
    commands = [
        Command(
            f"mem{n}",
            label,
            [*bench.ktt, "report", str(path), "--targets", str(files.targets), "-f", "json"],
        )
        for n, (path, label) in enumerate(cases)
    ]
    say("memory: the sparse files, once each")
    alternate(commands, 1, 0, bench.workdir, bench.env, say)
    return [Measure.of("memory", c, peak_budget=b.MEMORY_PEAK_MIB) for c in commands]
