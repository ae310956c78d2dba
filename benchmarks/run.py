"""Benchmark of ktt against the budgets of SPEC §7, on files shaped like the analysts' own.

    python benchmarks/run.py             # 1,010,400-row files, 5 rounds
    python benchmarks/run.py --scale 2   # twice the communes (2,018,400 rows): memory is flat
    python benchmarks/run.py --quick --no-fail   # tiny files, one round: does it all run?

Run it with the Python of the environment where ktt is installed. It writes its files into
the work folder (default benchmarks/out/, git-ignored; kept between runs, since they are
made from a seed: `files.py`, `shapes.py`), then times each group of commands as child
processes, alternated round by round (`cases.py`, `measure.py`), and prints for every
measure the median of its per-round ratios to its reference, their spread
(lowest–highest), the budget, the verdict and the peak memory (`budgets.py`,
`printout.py`). The figures go to results-<rows>-rows.json in the work folder.
Exit 1 when a budget is exceeded (0 with --no-fail), 2 when a command failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import sys
import sysconfig
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import budgets as b
import cases
import shapes
from budgets import Verdict
from cases import Bench
from files import Sizes, make_files, say
from measure import own_peak_mib
from printout import machine, other_sizes, table

DEFAULT_WORKDIR = Path(__file__).resolve().parent / "out"
# Environment variables children run without: those that would change what ktt reads or
# prints, and PYTHONDONTWRITEBYTECODE, which would have every run of ktt compile its modules
# again (30 ms a run) where an installed ktt, like the stack it is compared with, has them
# compiled; the warm-up round writes them.
CHILD_ENV_DROPPED = ("KTT_TARGETS", "KTT_LANG", "PYTHONDONTWRITEBYTECODE")


def ktt_command() -> list[str]:
    """The `ktt` console script of this interpreter's environment (else `python -m ktt_cli`)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("ktt", "ktt.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    return [sys.executable, "-m", "ktt_cli"]


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
    files = make_files(sizes, workdir, args.seed)
    bench = Bench(ktt, workdir, env, args.rounds, args.small_rounds, args.warmup)

    formats = cases.people_formats(bench)
    measures = cases.large_csv(bench, files, "excel", files.excel, formats)
    measures += cases.large_csv(bench, files, "plain", files.plain)
    for kind, path in files.others.items():
        measures += cases.large_csv(bench, files, kind, path)
    measures += cases.startup(bench)
    measures += cases.workbook(bench, files, sizes.workbook.rows)
    measures += cases.memory(bench, files, sizes)
    verdict, result = b.overall(measures)

    results_path = workdir / f"results-{files.rows}-rows.json"
    data = {
        "rows": files.rows,
        "shape": asdict(sizes.large),
        "seed": args.seed,
        "excel_bytes": files.excel.stat().st_size,
        "plain_bytes": files.plain.stat().st_size,
        "other_bytes": {kind: path.stat().st_size for kind, path in files.others.items()},
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
