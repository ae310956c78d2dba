"""An .ods against the same .xlsx, and many sheets against few (SPEC §7, workbooks).

    python benchmarks/workbook_shapes.py                       # 100,000 rows, 5 rounds
    python benchmarks/workbook_shapes.py --rows 3000 --rounds 1   # a smoke run

Writes into the work folder (default benchmarks/out/; each file once, kept for the next
run), from the long workbook of benchmarks/run.py (shapes.write_workbook, same seed):

- the .xlsx, and the same workbook saved as .ods by LibreOffice (`soffice --convert-to`);
- the same rows split into 2 sheets and into 100 sheets (openpyxl, write-only), each also
  saved as .ods by LibreOffice;

then times `ktt report` on each, in child processes alternated A B A B …, and prints
each one's median wall time and peak memory, and the medians of the per-round ratios
(with their lowest and highest): .ods / .xlsx (budget 1.5), 100 sheets / 2 sheets
(which should be about 1: the rows are the same).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import shapes
from files import made, say
from measure import Command, Ratio, alternate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 20220616


def split(source: Path, target: Path, sheets: int) -> Path:
    """The rows of `source`'s first sheet, in `sheets` sheets of about as many rows, each
    with the header."""
    done = target.with_name(target.name + ".done")
    if target.exists() and done.exists():
        return target
    import openpyxl

    say(f"writing {target.name} …")
    rows = list(openpyxl.load_workbook(source, read_only=True).worksheets[0].values)
    header, body = rows[0], rows[1:]
    book = openpyxl.Workbook(write_only=True)
    size = -(-len(body) // sheets)
    for k in range(sheets):
        sheet = book.create_sheet(f"Xã {k + 1}")
        sheet.append(header)
        for row in body[k * size : (k + 1) * size]:
            sheet.append(row)
    book.save(target)
    done.write_text("", encoding="utf-8")
    return target


def as_ods(source: Path, workdir: Path) -> Path:
    """`source` saved as .ods by LibreOffice."""
    target = source.with_suffix(".ods")
    done = target.with_name(target.name + ".done")
    if target.exists() and done.exists():
        return target
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to write the .ods")
    say(f"writing {target.name} (LibreOffice) …")
    profile = (workdir / "lo-profile").as_uri()
    argv = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "ods"]
    subprocess.run([*argv, "--outdir", str(workdir), str(source)], check=True, capture_output=True)
    done.write_text("", encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the workbook")
    parser.add_argument("--rounds", type=int, default=5, help="alternated rounds")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    parser.add_argument("--workdir", type=Path, default=HERE / "out", help="work folder")
    args = parser.parse_args()
    workdir: Path = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    # the shape of benchmarks/run.py's workbook
    months = max(1, min(24, args.rows // 10))
    shape = shapes.Shape(10, months, max(1, round(args.rows / (10 * months)) - 1))
    targets = workdir / "targets.yaml"
    shapes.write_targets(targets)
    xlsx = made(
        workdir / f"workbook-{shape.rows}-rows-{SEED}.xlsx",
        "workbook",
        shape.indicators,
        shape.months,
        shape.communes,
        SEED,
    )
    two = split(xlsx, workdir / f"sheets-2-{shape.rows}-rows-{SEED}.xlsx", 2)
    hundred = split(xlsx, workdir / f"sheets-100-{shape.rows}-rows-{SEED}.xlsx", 100)
    files = {
        "xlsx": xlsx,
        "ods": as_ods(xlsx, workdir),
        "2.xlsx": two,
        "100.xlsx": hundred,
        "2.ods": as_ods(two, workdir),
        "100.ods": as_ods(hundred, workdir),
    }
    ktt = [sys.executable, "-m", "ktt_cli", "report", "--targets", str(targets)]
    commands = {
        key: Command(key, f"ktt report {path.name}", [*ktt, str(path)])
        for key, path in files.items()
    }
    say(f"{shape.rows:,} rows: ktt report on each, {args.rounds} rounds")
    alternate(list(commands.values()), args.rounds, args.warmup, ROOT, {**_env()}, say)
    for command in commands.values():
        if (failed := command.failure()) is not None:
            raise SystemExit(f"{command.label} exited {failed.returncode}: {failed.stderr}")
        peak = command.peak_mib or 0
        print(
            f"{command.label}: median {statistics.median(command.walls):.2f} s, peak {peak:.0f} MiB"
        )
    for mine, theirs, budget in (
        ("ods", "xlsx", "budget 1.5"),
        ("100.xlsx", "2.xlsx", "same rows: about 1"),
        ("100.ods", "2.ods", "same rows: about 1"),
    ):
        ratio = Ratio.of(commands[mine], commands[theirs])
        assert ratio is not None
        print(
            f"{mine} / {theirs}: {ratio.median:.2f} "
            f"(lowest {ratio.low:.2f}, highest {ratio.high:.2f}; {budget})"
        )


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


if __name__ == "__main__":
    main()
