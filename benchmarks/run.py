"""Benchmark of ktt against the budgets of SPEC §7, on files shaped like the analysts' own.

    python benchmarks/run.py             # 1,010,400-row files, 5 rounds
    python benchmarks/run.py --scale 2   # twice the communes (2,018,400 rows): memory is flat
    python benchmarks/run.py --quick --no-fail   # tiny files, one round: does it all run?

Run it with the Python of the environment where ktt is installed. It writes its files into
the work folder (default benchmarks/out/, git-ignored; kept between runs, since they are
made from a seed), then times each group of commands as child processes, alternated
round by round (`measure.py`), and prints for every measure the median of its per-round
ratios to its reference, their spread (lowest–highest), the budget, the verdict and the
peak memory (`budgets.py`). The figures go to results-<rows>-rows.json in the work folder.
Exit 1 when a budget is exceeded (0 with --no-fail), 2 when a command failed.

Measures whose feature ktt lacks (`report --by region`, `--format html|xlsx`, reading a
.xlsx) are skipped with a message, until it has them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import budgets as b
import shapes
from budgets import Measure, Verdict
from measure import Command, alternate, own_peak_mib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_WORKDIR = ROOT / "benchmarks" / "out"
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
# Environment variables children run without: those that would change what ktt reads or
# prints, and PYTHONDONTWRITEBYTECODE, which would have every run of ktt compile its modules
# again (30 ms a run) where an installed ktt, like the stack it is compared with, has them
# compiled; the warm-up round writes them.
CHILD_ENV_DROPPED = ("KTT_TARGETS", "KTT_LANG", "PYTHONDONTWRITEBYTECODE")


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sizes:
    """How big each file is."""

    large: shapes.Shape
    workbook: shapes.Shape
    sparse_rows: int
    days_communes: int
    days_steps: int


@dataclass(frozen=True)
class Features:
    """What the installed ktt can do; a measure of a missing feature is skipped."""

    by_region: bool
    formats: tuple[str, ...]
    workbook: str | None  # why .xlsx cannot be measured yet, or None

    @staticmethod
    def probe(ktt: list[str], workdir: Path, targets: Path, env: dict[str, str]) -> Features:
        done = subprocess.run(
            [*ktt, "report", "--help"], capture_output=True, text=True, env=env, check=False
        )
        text = done.stdout
        choices = re.search(r"<?(table\|[a-z|]*)>?", text)  # the choices of --format
        offered = choices[1].split("|") if choices else []
        formats = tuple(f for f in ("html", "xlsx") if f in offered)
        return Features("--by" in text, formats, _workbook_gap(ktt, workdir, targets, env))


def _workbook_gap(ktt: list[str], workdir: Path, targets: Path, env: dict[str, str]) -> str | None:
    if importlib.util.find_spec("ktt_cli.load.workbook") is None:
        return "ktt_cli.load.workbook is not importable yet"
    if importlib.util.find_spec("openpyxl") is None:
        return "openpyxl is not installed (pip install openpyxl)"
    tiny = made(workdir / "probe.xlsx", "workbook", 1, 1, 1, 1)
    done = subprocess.run(
        [*ktt, "validate", str(tiny), "--targets", str(targets)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        lines = (done.stdout + done.stderr).strip().splitlines()
        return "ktt does not read .xlsx yet: " + (lines[0] if lines else f"exit {done.returncode}")
    return None


def ktt_command() -> list[str]:
    """The `ktt` console script of this interpreter's environment (else `python -m ktt_cli`)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("ktt", "ktt.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    return [sys.executable, "-m", "ktt_cli"]


# --------------------------------------------------------------------------- files


def made(path: Path, kind: str, *numbers: int) -> Path:
    """`path`, written by `shapes.py` in a child process unless a complete copy is there
    from an earlier run (the files come from a seed: their name says all they hold)."""
    done = path.with_name(path.name + ".done")
    if not (path.exists() and done.exists()):
        say(f"writing {path.name} …")
        done.unlink(missing_ok=True)
        argv = [sys.executable, str(HERE / "shapes.py"), kind, str(path), *map(str, numbers)]
        subprocess.run(argv, check=True)
        done.write_text("", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Files:
    targets: Path
    excel: Path
    plain: Path
    workbook: Path | None
    sparse_months: Path
    sparse_days: Path
    rows: int


def make_files(sizes: Sizes, workdir: Path, seed: int, workbook: bool) -> Files:
    large = sizes.large
    shape = (large.indicators, large.months, large.communes, seed)
    tag = f"{large.rows}-rows-{seed}"
    excel = made(workdir / f"excel-{tag}.csv", "excel", *shape)
    plain = made(workdir / f"plain-{tag}.csv", "plain", *shape)
    book = None
    if workbook:
        wb = sizes.workbook
        name = f"workbook-{wb.rows}-rows-{seed}.xlsx"
        book = made(workdir / name, "workbook", wb.indicators, wb.months, wb.communes, seed)
    months = made(
        workdir / f"sparse-months-{sizes.sparse_rows}.csv", "sparse-months", sizes.sparse_rows
    )
    days = made(
        workdir / f"sparse-days-{sizes.days_communes}x{sizes.days_steps}.csv",
        "sparse-days",
        sizes.days_communes,
        sizes.days_steps,
    )
    return Files(workdir / "targets.yaml", excel, plain, book, months, days, large.rows)


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Bench:
    ktt: list[str]
    workdir: Path
    env: dict[str, str]
    rounds: int
    small_rounds: int
    warmup: int
    features: Features

    def alternate(self, commands: list[Command], rounds: int | None = None) -> None:
        alternate(commands, rounds or self.rounds, self.warmup, self.workdir, self.env, say)


def large_csv(bench: Bench, files: Files, name: str, path: Path) -> list[Measure]:
    """report, report --by region and validate against a bare csv.reader pass; on the
    Excel-shaped file, the people's formats against --format json as well."""
    ktt, targets = bench.ktt, ["--targets", str(files.targets)]
    excel = name == "excel"
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
    out = bench.workdir / "out.xlsx"
    formats = {
        "html": Command(
            "html", "ktt report --format html", [*ktt, "report", file, *targets, "-f", "html"]
        ),
        "xlsx": Command(
            "xlsx",
            "ktt report --format xlsx",
            [*ktt, "report", file, *targets, "-f", "xlsx", "-o", str(out)],
        ),
    }
    wanted = [f for f in bench.features.formats if excel]
    commands = [report, *([by] if bench.features.by_region else []), validate]
    commands += [formats[f] for f in wanted]
    say(f"{name} file ({files.rows:,} rows): " + ", ".join(c.key for c in commands) + ", csv pass")
    bench.alternate([*commands, csv_pass])
    group = f"{name} csv"
    measures = [Measure.of(group, report, csv_pass, b.LARGE_RATIO, b.LARGE_PEAK_MIB)]
    if bench.features.by_region:
        measures.append(Measure.of(group, by, csv_pass, b.LARGE_RATIO, b.LARGE_PEAK_MIB))
    else:
        measures.append(Measure.skip(group, by.label, "ktt report has no --by option yet"))
    measures.append(Measure.of(group, validate, csv_pass, b.LARGE_RATIO, b.LARGE_PEAK_MIB))
    measures.append(Measure.of(group, csv_pass))
    if excel:
        for key, command in formats.items():
            if key in wanted:
                measures.append(Measure.of("formats", command, report, b.FORMATS_RATIO))
            else:
                measures.append(Measure.skip("formats", command.label, f"no --format {key} yet"))
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
        Measure.of("start-up", ktt, imports, b.STARTUP_IMPORTS, label=f"{ktt.label} / imports"),
        Measure.of("start-up", floor, imports),
    ]


def workbook(bench: Bench, files: Files, rows: int) -> list[Measure]:
    """ktt report FILE.xlsx against a bare openpyxl read-only pass over its values."""
    label = "ktt report FILE.xlsx"
    if bench.features.workbook is not None or files.workbook is None:
        return [Measure.skip("workbook", label, bench.features.workbook or "no workbook")]
    file = str(files.workbook)
    report = Command("report", label, [*bench.ktt, "report", file, "--targets", str(files.targets)])
    bare = Command(
        "openpyxl", "bare openpyxl read-only pass", [sys.executable, "-c", OPENPYXL_PASS, file]
    )
    say(f"workbook ({rows:,} rows): ktt report, openpyxl pass")
    bench.alternate([report, bare])
    return [
        Measure.of("workbook", report, bare, b.WORKBOOK_RATIO, b.WORKBOOK_PEAK_MIB),
        Measure.of("workbook", bare),
    ]


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


# --------------------------------------------------------------------------- printing


def fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(measures: list[Measure]) -> list[str]:
    head = (
        f"{'group':<11}{'measure':<44}{'median':>7}  {'spread':<12}{'budget':>7}"
        f"{'peak MiB':>10}{'budget':>8}  result"
    )
    lines = [head, "-" * len(head)]
    for m in measures:
        ratio = m.ratio
        spread = f"{ratio.low:.2f}–{ratio.high:.2f}" if ratio is not None else ""
        result = str(m.verdict)
        if m.skipped:
            result += f" ({m.skipped})"
        elif m.error:
            result += f" ({m.error})"
        elif ratio is None and m.median_s is not None:
            result += f" median {m.median_s:.3f} s"
        lines.append(
            f"{m.group:<11}{m.label:<44}{fmt(ratio.median if ratio else None, '.2f'):>7}  "
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


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark ktt against the budgets of SPEC §7.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="work folder")
    parser.add_argument("--communes", type=int, default=420, help="communes per indicator")
    parser.add_argument("--months", type=int, default=240, help="months, ending 2025-12")
    parser.add_argument("--scale", type=int, default=1, help="multiply the communes")
    parser.add_argument("--workbook-rows", type=int, default=100_000, help="rows of the .xlsx")
    parser.add_argument("--sparse-rows", type=int, default=20_000, help="issue 19, months")
    parser.add_argument("--seed", type=int, default=20220616, help="random seed of the data")
    parser.add_argument("--rounds", type=int, default=5, help="alternated rounds, large files")
    parser.add_argument("--small-rounds", type=int, default=21, help="rounds, start-up")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds before each group")
    parser.add_argument(
        "--quick", action="store_true", help="tiny files, one round, no warm-up: a smoke run"
    )
    parser.add_argument("--no-fail", action="store_true", help="exit 0 over budget")
    args = parser.parse_args(argv)
    if args.quick:
        args.communes, args.months, args.workbook_rows, args.sparse_rows = 4, 6, 300, 200
        args.rounds, args.small_rounds, args.warmup = 1, 1, 0
    for name in ("communes", "months", "scale", "rounds", "small_rounds", "workbook_rows"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def sizes_of(args: argparse.Namespace) -> Sizes:
    large = shapes.Shape(10, args.months, args.communes * args.scale)
    months = max(1, min(24, args.workbook_rows // 10))
    book = shapes.Shape(10, months, max(1, round(args.workbook_rows / (10 * months)) - 1))
    communes, steps = (500, 101) if not args.quick else (5, 4)
    return Sizes(large, book, args.sparse_rows, communes, steps)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if importlib.util.find_spec("ktt_cli") is None:
        say("benchmarks/run.py: run it with the Python of the environment where ktt is installed")
        return 2
    started = dt.datetime.now(dt.UTC)
    info = machine()
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = sizes_of(args)
    env = {k: v for k, v in os.environ.items() if k not in CHILD_ENV_DROPPED}
    ktt = ktt_command()
    shapes.write_targets(workdir / "targets.yaml")
    features = Features.probe(ktt, workdir, workdir / "targets.yaml", env)
    files = make_files(sizes, workdir, args.seed, features.workbook is None)
    bench = Bench(ktt, workdir, env, args.rounds, args.small_rounds, args.warmup, features)

    measures = large_csv(bench, files, "excel", files.excel)
    measures += large_csv(bench, files, "plain", files.plain)
    measures += startup(bench)
    measures += workbook(bench, files, sizes.workbook.rows)
    measures += memory(bench, files, sizes)
    verdict, result = b.overall(measures)

    results_path = workdir / f"results-{files.rows}-rows.json"
    data = {
        "rows": files.rows,
        "shape": asdict(sizes.large),
        "seed": args.seed,
        "excel_bytes": files.excel.stat().st_size,
        "plain_bytes": files.plain.stat().st_size,
        "workbook_rows": sizes.workbook.rows,
    }
    results = {
        "started": f"{started:%Y-%m-%d %H:%M:%S} UTC",
        "machine": info,
        "ktt": ktt,
        "data": data,
        "method": {
            "rounds": args.rounds,
            "small_rounds": args.small_rounds,
            "warmup": args.warmup,
            "parent_peak_mib": own_peak_mib(),
        },
        "features": asdict(features),
        "measures": [asdict(m) | {"verdict": str(m.verdict)} for m in measures],
        "result": result,
    }
    load = " ".join(map(str, info.get("loadavg_at_start", [])))  # type: ignore[call-overload]
    out = [
        f"ktt benchmark · {results['started']}",
        f"machine   {info['platform']} · {info['cpu_count']} CPUs · load {load}",
        f"python    {info['python']} {info['executable']}",
        f"data      {files.rows:,} rows = 10 indicators × {sizes.large.months} months × "
        f"({sizes.large.communes} communes + the territory); Excel-shaped "
        f"{data['excel_bytes'] / 1e6:.1f} MB, plain {data['plain_bytes'] / 1e6:.1f} MB; "
        f"workbook {sizes.workbook.rows:,} rows",
        f"method    alternated, {args.warmup} warm-up round(s), {args.rounds} rounds "
        f"({args.small_rounds} for start-up); median and spread of the per-round ratios; "
        "peak = the child's ru_maxrss",
        "",
        *table(measures),
        "",
    ]
    others = other_sizes(workdir, results_path)
    if others:
        out += ["peak MiB at other sizes:", *others]
    out += [f"result    {result}", f"json      {results_path}"]
    print("\n".join(out), flush=True)
    results_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if verdict is Verdict.ERROR:
        return 2
    if verdict is Verdict.FAIL and not args.no_fail:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
