"""Benchmark of ktt against the budgets of SPEC §7.

    python benchmarks/run.py             # 1,010,400 rows: 10 × 240 months × (420 communes + total)
    python benchmarks/run.py --scale 2   # 2,018,400 rows: twice the communes, to compare memory
    python benchmarks/run.py --rows 300 --rounds 1 --small-rounds 1 --no-fail   # a smoke run

Run it with the Python of the environment where ktt is installed; it uses nothing else but
the standard library. It writes a synthetic targets file and a synthetic long-format actuals
file into the work folder (default benchmarks/out/, git-ignored), then:

1. times `ktt report FILE --targets T --format json`, `ktt validate FILE --targets T` and a
   bare `csv.reader` pass over FILE, each a child process, alternated A B C A B C …, and
   reports each command's median wall time, the median of its per-round ratios to the bare
   pass, and its peak memory (the child's own ru_maxrss, from os.wait4);
2. times `ktt report examples/actuals.csv` against
   `python -c "import typer, yaml, rich.table; from pydantic import BaseModel"`, alternated;
3. prints the figures, the budgets and PASS/FAIL, writes them as JSON into the work folder,
   and exits 1 when a budget is exceeded (0 with --no-fail), 2 when a command failed.

Each round's ratio compares commands run seconds apart, so a noisy machine slows both sides of
a ratio alike; the median of the ratios is the figure held against the budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no rusage, so no peak memory figures
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = ROOT / "benchmarks" / "out"
MIB = 1024 * 1024

RATIO_BUDGET = 2.5  # ktt report / validate against a bare csv.reader pass
PEAK_BUDGET_MIB = 100.0  # peak memory of ktt report / validate, strictly under
STARTUP_BUDGET = 1.3  # ktt report examples/actuals.csv against the imports alone

LAST_MONTH = 2025 * 12 + 11  # 2025-12, as a month count
INDICATORS = 10
MONTHS = 240  # 2006-01 … 2025-12
COMMUNES = 420

CSV_PASS = (
    "import csv,sys; f=open(sys.argv[1],newline='',encoding='utf-8'); [None for _ in csv.reader(f)]"
)
IMPORTS = "import typer, yaml, rich.table; from pydantic import BaseModel"
SMALL_ACTUALS = "examples/actuals.csv"

# Environment variables that would change what ktt reads or prints; children run without them.
KTT_ENV = ("KTT_TARGETS", "KTT_LANG")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Shape:
    indicators: int
    months: int
    communes: int

    @property
    def rows(self) -> int:
        return self.indicators * self.months * (self.communes + 1)


def shape_from_args(args: argparse.Namespace) -> Shape:
    indicators, months, communes = args.indicators, args.months, args.communes
    if args.rows is not None:
        per_region = indicators * months
        if args.rows >= 2 * per_region:
            communes = max(1, round(args.rows / per_region) - 1)
        else:  # too few rows for every month: one commune, fewer months
            communes = 1
            months = max(1, args.rows // (2 * indicators))
    return Shape(indicators, months, communes * args.scale)


def month_text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def write_actuals(path: Path, shape: Shape, seed: int) -> dict[str, int]:
    """The long-format file; returns each indicator's last province total."""
    rng = random.Random(seed)
    width = max(3, len(str(shape.communes)))
    regions = [f"Xã {n:0{width}d}" for n in range(1, shape.communes + 1)]
    first = LAST_MONTH - shape.months + 1
    last_totals: dict[str, int] = {}
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("indicator,period,region,value\n")
        for i in range(shape.indicators):
            indicator = f"ind_{i:02d}"
            # Each commune starts at its own level and grows by its own rate, with noise.
            bases = [rng.uniform(0.0, 24.0) for _ in regions]
            rates = [rng.uniform(-0.2, 0.8) for _ in regions]
            for m in range(shape.months):
                period = month_text(first + m)
                progress = m / max(1, shape.months - 1)
                values = [
                    min(40, max(0, int(b * (1 + r * progress) + rng.random() * 5) - 2))
                    for b, r in zip(bases, rates, strict=True)
                ]
                total = sum(values)
                lines = [f"{indicator},{period},,{total}\n"]
                lines.extend(
                    f"{indicator},{period},{region},{value}\n"
                    for region, value in zip(regions, values, strict=True)
                )
                out.write("".join(lines))
            last_totals[indicator] = total
    return last_totals


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_targets(path: Path, last_totals: dict[str, int]) -> None:
    # Targets from already met to far out of reach, so that every status path runs.
    factors = (0.8, 1.05, 1.2, 1.5, 2.0)
    lines = [
        "# Synthetic programme for benchmarks/run.py: count indicators, one 2030 target each.",
        "schema_version: 1",
        "programme:",
        "  id: benchmark-synthetic",
        f"  name: {{vi: {q('Chương trình tổng hợp để đo hiệu năng')}, en: Synthetic benchmark}}",
        f"  issuer: {q('ktt benchmarks')}",
        f"  implements: {q('Nghị quyết 20-NQ/TW ngày 16/6/2022')}",
        f"  territory: {q('Tỉnh mẫu')}",
        f"  source: {q('benchmarks/run.py (synthetic)')}",
        "indicators:",
    ]
    for i, (indicator, total) in enumerate(last_totals.items()):
        value = max(1, round(total * factors[i % len(factors)]))
        grouped = f"{value:,}".replace(",", ".")
        lines += [
            f"  - id: {indicator}",
            f"    name: {{vi: {q(f'Chỉ tiêu tổng hợp {i:02d}')}, en: Synthetic indicator {i:02d}}}",
            "    unit: count",
            "    targets:",
            "      - year: 2030",
            "        comparator: at_least",
            f"        value: {value}",
            f"        text: {q(f'ít nhất {grouped} đơn vị')}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    wall: float  # seconds, spawn to reaped
    cpu: float | None  # user + system seconds of the child
    peak: int | None  # bytes: the child's own maximum resident set size
    returncode: int
    stderr: str


def run_child(argv: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run one command, stdout to /dev/null; its own rusage where os.wait4 exists."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
        )
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            scale = 1 if sys.platform == "darwin" else 1024  # macOS: bytes; Linux: KiB
            cpu: float | None = usage.ru_utime + usage.ru_stime
            peak: int | None = usage.ru_maxrss * scale
        else:
            proc.wait()
            wall = time.perf_counter() - start
            cpu = peak = None
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Sample(wall, cpu, peak, proc.returncode, stderr)


@dataclass
class Command:
    key: str
    label: str
    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    warmup: list[Sample] = field(default_factory=list)

    def failures(self) -> list[Sample]:
        return [s for s in self.warmup + self.samples if s.returncode != 0]


def alternate(
    commands: Sequence[Command], rounds: int, warmup: int, cwd: Path, env: dict[str, str]
) -> None:
    total = warmup + rounds
    for n in range(total):
        tag = "warm-up" if n < warmup else f"round {n - warmup + 1}/{rounds}"
        times = []
        for command in commands:
            sample = run_child(command.argv, cwd, env)
            (command.warmup if n < warmup else command.samples).append(sample)
            times.append(f"{command.key} {sample.wall:.3f}s")
        print(f"  {tag}: " + ", ".join(times), file=sys.stderr, flush=True)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def summarise(command: Command, reference: Command | None) -> dict[str, object]:
    walls = [s.wall for s in command.samples]
    cpus = [s.cpu for s in command.samples if s.cpu is not None]
    peaks = [s.peak for s in command.samples + command.warmup if s.peak is not None]
    summary: dict[str, object] = {
        "command": command.argv,
        "label": command.label,
        "median_s": median(walls),
        "min_s": min(walls) if walls else None,
        "median_cpu_s": median(cpus),
        "peak_mib": max(peaks) / MIB if peaks else None,
        "wall_s": walls,
        "cpu_s": [s.cpu for s in command.samples],
        "peak_mib_each": [None if s.peak is None else s.peak / MIB for s in command.samples],
        "returncodes": [s.returncode for s in command.warmup + command.samples],
    }
    if reference is not None:
        ratios = [s.wall / r.wall for s, r in zip(command.samples, reference.samples, strict=True)]
        summary["ratios"] = ratios
        summary["median_ratio"] = median(ratios)
        ref = median([r.wall for r in reference.samples])
        mine = summary["median_s"]
        summary["ratio_of_medians"] = mine / ref if ref and isinstance(mine, float) else None
    failures = command.failures()
    if failures:
        summary["error"] = {
            "returncode": failures[0].returncode,
            "stderr_tail": failures[0].stderr[-2000:],
        }
    return summary


# --------------------------------------------------------------------------- reporting


def machine() -> dict[str, object]:
    info: dict[str, object] = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
    }
    if hasattr(os, "sched_getaffinity"):
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    if hasattr(os, "getloadavg"):
        info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    return info


def verdict(checks: list[tuple[str, bool | None]]) -> str:
    failed = [name for name, ok in checks if ok is False]
    if failed:
        return "FAIL (" + ", ".join(failed) + ")"
    if any(ok is None for _, ok in checks):
        return "n/a"
    return "PASS"


def fmt(value: object, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def ktt_command() -> list[str]:
    """The `ktt` console script of this interpreter's environment (else `python -m ktt_cli`)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("ktt", "ktt.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    return [sys.executable, "-m", "ktt_cli"]


def installed_version() -> str | None:
    # Imported only when the children are done: importlib.metadata costs this process ~6 MiB,
    # and a child's ru_maxrss starts from its parent's (its pre-exec copy counts).
    import importlib.metadata

    try:
        return importlib.metadata.version("ktt-cli")
    except importlib.metadata.PackageNotFoundError:
        return None


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark ktt against the budgets of SPEC §7.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="work folder")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--communes", type=int, default=COMMUNES, help="communes per indicator")
    size.add_argument(
        "--rows", type=int, help="about this many rows (sets the communes; fewer months if tiny)"
    )
    parser.add_argument("--months", type=int, default=MONTHS, help="months, ending 2025-12")
    parser.add_argument("--indicators", type=int, default=INDICATORS, help="count indicators")
    parser.add_argument(
        "--scale", type=int, default=1, help="multiply the communes (2: a 2,000,000-row file)"
    )
    parser.add_argument("--seed", type=int, default=20220616, help="random seed of the data")
    parser.add_argument("--rounds", type=int, default=5, help="alternated rounds, large file")
    parser.add_argument(
        "--small-rounds", type=int, default=21, help="alternated rounds, small file"
    )
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds before each part")
    parser.add_argument(
        "--no-fail", action="store_true", help="exit 0 even when a budget is exceeded"
    )
    args = parser.parse_args(argv)
    for name in ("communes", "months", "indicators", "scale", "rounds", "small_rounds"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.rows is not None and args.rows < 1:
        parser.error("--rows must be at least 1")
    if args.indicators > 100:
        parser.error("--indicators: at most 100 (ids ind_00 … ind_99)")
    if args.warmup < 0:
        parser.error("--warmup must be 0 or more")
    return args


def within(value: object, limit: float, strict: bool = False) -> bool | None:
    if not isinstance(value, float):
        return None
    return value < limit if strict else value <= limit


def judge(figures: dict[str, dict[str, object]]) -> tuple[list[dict[str, object]], dict[str, str]]:
    """The budgets of SPEC §7, each with its figure and whether it is met; a verdict per row."""
    budgets: list[dict[str, object]] = []
    verdicts: dict[str, str] = {}
    for key in ("report", "validate"):
        fig = figures[key]
        ratio_ok = within(fig["median_ratio"], RATIO_BUDGET)
        peak_ok = within(fig["peak_mib"], PEAK_BUDGET_MIB, strict=True)
        budgets.append(budget(f"{key} ratio", fig["median_ratio"], f"<= {RATIO_BUDGET}", ratio_ok))
        budgets.append(budget(f"{key} peak MiB", fig["peak_mib"], f"< {PEAK_BUDGET_MIB}", peak_ok))
        verdicts[key] = verdict([("ratio", ratio_ok), ("memory", peak_ok)])
    small = figures["small_ktt"]
    startup_ok = within(small["median_ratio"], STARTUP_BUDGET)
    budgets.append(
        budget("small report ratio", small["median_ratio"], f"<= {STARTUP_BUDGET}", startup_ok)
    )
    verdicts["small_ktt"] = verdict([("ratio", startup_ok)])
    for key, fig in figures.items():
        if "error" in fig:
            verdicts[key] = f"ERROR (exit {fig['error']['returncode']})"
    return budgets, verdicts


def budget(name: str, value: object, limit: str, ok: bool | None) -> dict[str, object]:
    return {"name": name, "value": value, "budget": limit, "ok": ok}


def table_row(fig: dict[str, object], ratio_budget: str, peak_budget: str, result: str) -> str:
    return (
        f"{fig['label']:<34}{fmt(fig['median_s'], '.3f'):>9}"
        f"{fmt(fig['median_cpu_s'], '.3f'):>8}"
        f"{fmt(fig.get('median_ratio', 1.0), '.2f'):>8}{ratio_budget:>8}"
        f"{fmt(fig['peak_mib'], '.1f'):>10}{peak_budget:>8}  {result}"
    ).rstrip()


def other_sizes(workdir: Path, current: Path) -> list[str]:
    """Peak memory of runs at other sizes in the same folder, to see it does not grow."""
    lines = []
    for path in sorted(workdir.glob("results-*-rows.json")):
        if path == current:
            continue
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            rows = old["data"]["rows"]
            report, validate = (old["figures"][k]["peak_mib"] for k in ("report", "validate"))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        lines.append(f"{rows:,} rows: report {fmt(report, '.1f')}, validate {fmt(validate, '.1f')}")
    return lines


def render(results: dict[str, object], workdir: Path, results_path: Path) -> str:
    info, data, method = results["machine"], results["data"], results["method"]
    figures, verdicts = results["figures"], results["verdicts"]
    usable = f" ({info['cpus_usable']} usable)" if "cpus_usable" in info else ""
    load = " · load " + " ".join(map(str, info.get("loadavg_at_start", ())))
    header = f"{'':<34}{'median s':>9}{'cpu s':>8}{'ratio':>8}{'budget':>8}{'peak MiB':>10}"
    rule = "-" * 96
    out = [
        f"ktt benchmark · {results['started']}",
        f"machine   {info['platform']} · {info['cpu_count']} CPUs{usable}{load}",
        f"python    {info['python']} ({info['implementation']}) {info['executable']}",
        f"ktt       {results['ktt']['version']} · {' '.join(results['ktt']['command'])}",
        f"data      {Path(data['actuals']).name}: {data['rows']:,} rows = {data['indicators']} "
        f"indicators × {data['months']} months × ({data['communes']} communes + province "
        f"total), {data['bytes'] / 1e6:.1f} MB",
        f"method    alternated, {method['warmup']} untimed warm-up round(s); medians of "
        f"{method['rounds']} rounds (large file), {method['small_rounds']} (small); ratio = "
        f"median of per-round ratios; peak = max ru_maxrss of the child ({method['peak_source']}"
        f"; never below this script's own {fmt(method['parent_peak_mib'], '.1f')} MiB)",
        rule,
        "large file" + header[10:] + f"{'budget':>8}  result",
        table_row(
            figures["report"], f"≤ {RATIO_BUDGET}", f"< {PEAK_BUDGET_MIB:.0f}", verdicts["report"]
        ),
        table_row(
            figures["validate"],
            f"≤ {RATIO_BUDGET}",
            f"< {PEAK_BUDGET_MIB:.0f}",
            verdicts["validate"],
        ),
        table_row(figures["csv"], "", "", verdicts.get("csv", "")),
        rule,
        "small file" + header[10:] + f"{'':>8}  result",
        table_row(figures["small_ktt"], f"≤ {STARTUP_BUDGET}", "", verdicts["small_ktt"]),
        table_row(figures["small_imports"], "", "", verdicts.get("small_imports", "")),
        table_row(figures["small_stack"], "", "", "reference"),
        rule,
    ]
    others = other_sizes(workdir, results_path)
    if others:
        here = (
            f"{data['rows']:,} rows: report {fmt(figures['report']['peak_mib'], '.1f')}, "
            f"validate {fmt(figures['validate']['peak_mib'], '.1f')}"
        )
        out.append("peak MiB  " + " | ".join([here, *others]))
    for fig in figures.values():
        if "error" in fig:
            out.append(f"error     {fig['label']}: exit {fig['error']['returncode']}")
            out += ["          " + line for line in fig["error"]["stderr_tail"].splitlines()[-8:]]
    out += [f"result    {results['result']}", f"json      {results_path}"]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if importlib.util.find_spec("ktt_cli") is None:
        print(
            "benchmarks/run.py: ktt_cli is not importable; run this with the Python of the "
            "environment where ktt is installed (e.g. after `. venv/bin/activate`).",
            file=sys.stderr,
        )
        return 2
    shape = shape_from_args(args)
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    actuals = workdir / f"actuals-{shape.rows}-rows.csv"
    targets = workdir / "targets.yaml"
    results_path = workdir / f"results-{shape.rows}-rows.json"

    started = dt.datetime.now(dt.UTC)
    info = machine()
    print(f"writing {actuals} ({shape.rows:,} rows) …", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    write_targets(targets, write_actuals(actuals, shape, args.seed))
    generated_s = time.perf_counter() - t0

    env = {k: v for k, v in os.environ.items() if k not in KTT_ENV}
    ktt = ktt_command()
    file_args = [str(actuals), "--targets", str(targets)]
    report = Command(
        "report", "ktt report --format json", [*ktt, "report", *file_args, "--format", "json"]
    )
    validate = Command("validate", "ktt validate", [*ktt, "validate", *file_args])
    csv_pass = Command(
        "csv", "bare csv.reader pass", [sys.executable, "-c", CSV_PASS, *file_args[:1]]
    )
    small_ktt = Command("ktt", f"ktt report {SMALL_ACTUALS}", [*ktt, "report", SMALL_ACTUALS])
    imports = Command(
        "imports", "python -c 'import typer, yaml, …'", [sys.executable, "-c", IMPORTS]
    )
    stack = Command(
        "stack",
        "stack floor (stack_floor.py)",
        [sys.executable, str(ROOT / "benchmarks" / "stack_floor.py"), "report", SMALL_ACTUALS],
    )

    print("large file: report, validate, csv pass, alternated", file=sys.stderr, flush=True)
    alternate([report, validate, csv_pass], args.rounds, args.warmup, workdir, env)
    print("small file: ktt report, imports, stack floor, alternated", file=sys.stderr, flush=True)
    alternate([small_ktt, imports, stack], args.small_rounds, args.warmup, ROOT, env)

    figures = {
        "report": summarise(report, csv_pass),
        "validate": summarise(validate, csv_pass),
        "csv": summarise(csv_pass, None),
        "small_ktt": summarise(small_ktt, imports),
        "small_imports": summarise(imports, None),
        "small_stack": summarise(stack, imports),
    }
    budgets, verdicts = judge(figures)
    failed = [key for key, fig in figures.items() if "error" in fig]
    exceeded = [str(b["name"]) for b in budgets if b["ok"] is False]
    if failed:
        overall = "ERROR: a command failed, so its figures mean nothing"
    elif exceeded:
        overall = "FAIL: over budget: " + ", ".join(exceeded)
    else:
        overall = f"PASS: all {len(budgets)} budgets met"

    parent_peak = None
    if resource is not None:
        scale = 1 if sys.platform == "darwin" else 1024
        parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / MIB
    results = {
        "started": f"{started:%Y-%m-%d %H:%M:%S} UTC",
        "machine": info,
        "ktt": {"version": installed_version(), "command": ktt},
        "data": {
            **asdict(shape),
            "rows": shape.rows,
            "seed": args.seed,
            "actuals": str(actuals),
            "targets": str(targets),
            "bytes": actuals.stat().st_size,
            "generated_s": generated_s,
        },
        "method": {
            "rounds": args.rounds,
            "small_rounds": args.small_rounds,
            "warmup": args.warmup,
            "peak_source": "os.wait4" if hasattr(os, "wait4") else None,
            # A child's ru_maxrss counts its pre-exec copy of this process, so this is a floor.
            "parent_peak_mib": parent_peak,
        },
        "budgets": budgets,
        "verdicts": verdicts,
        "figures": figures,
        "result": overall,
    }
    print(render(results, workdir, results_path), flush=True)
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    results_path.write_text(text, encoding="utf-8")

    if failed:
        return 2
    if exceeded and not args.no_fail:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
