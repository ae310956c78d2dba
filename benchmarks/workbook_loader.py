"""The workbook loader against a bare openpyxl read-only pass (SPEC §7, workbooks).

    python benchmarks/workbook_loader.py                 # 100,000 rows, 5 rounds
    python benchmarks/workbook_loader.py --rows 2000 --rounds 1   # a smoke run

Writes a long .xlsx as an office keeps it (Vietnamese headers, text periods, integer
counts, percent-formatted shares, a source on every third row) into the work folder
(default benchmarks/out/), then times, each in a child process, alternated A B A B …:

- bare: ``openpyxl.load_workbook(read_only=True, data_only=True)`` and
  ``for row in ws.iter_rows(values_only=True): pass``;
- loader: ``open_workbook``, ``sheets()``, every row of ``rows()``, ``hidden_rows()``.

Prints each one's median wall time, the median of the per-round ratios loader/bare, and
each child's peak memory (ru_maxrss from os.wait4). The budget of ``ktt report`` on such
a file is 1.2 × bare; the loader is the part of it that reads the workbook.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BARE = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
for row in book.worksheets[0].iter_rows(values_only=True):
    pass
"""
LOADER = """
import sys
from ktt_cli.load.workbook import open_workbook
with open_workbook("bench.xlsx", sys.argv[1]) as book:
    sheet = book.sheets()[0]
    for row in book.rows(sheet):
        pass
    book.hidden_rows(sheet)
"""
IDS = ("htx_count", "htx_members", "tht_count", "tht_members", "good_fair_share")


def make(path: Path, rows: int) -> None:
    import xlsxwriter  # type: ignore[import-untyped]  # it ships no type information

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Số liệu")
    percent = book.add_format({"num_format": "0.0%"})
    sheet.write_row(0, 0, ["Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn", "Nguồn", "Ghi chú"])
    rng = random.Random(20)
    for i in range(1, rows + 1):
        indicator = IDS[i % len(IDS)]
        sheet.write_string(i, 0, indicator)
        sheet.write_string(i, 1, f"{2006 + i % 20}-{1 + i % 12:02d}")
        if indicator == "good_fair_share":
            sheet.write_number(i, 2, rng.randint(0, 1000) / 1000, percent)
        else:
            sheet.write_number(i, 2, rng.randint(1, 50_000))
        sheet.write_string(i, 3, f"Xã {i % 420}")
        if i % 3 == 0:
            sheet.write_string(i, 4, "Sở Tài chính; báo cáo quý")
    book.close()


def timed(code: str, path: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, str(path)])
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"a child failed ({child.returncode})")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    path = args.work / f"long-{args.rows}.xlsx"
    if not path.exists():
        make(path, args.rows)
    bare: list[float] = []
    loader: list[float] = []
    memory = {"bare": 0.0, "loader": 0.0}
    for _ in range(args.rounds):
        for name, code, times in (("bare", BARE, bare), ("loader", LOADER, loader)):
            seconds, peak = timed(code, path)
            times.append(seconds)
            memory[name] = max(memory[name], peak)
    ratios = [b / a for a, b in zip(bare, loader, strict=True)]
    print(f"{args.rows:,} rows, {args.rounds} rounds, {path.stat().st_size / 1e6:.1f} MB")
    print(f"bare openpyxl : median {statistics.median(bare):.2f} s, peak {memory['bare']:.0f} MiB")
    print(
        f"loader        : median {statistics.median(loader):.2f} s, peak {memory['loader']:.0f} MiB"
    )
    print(
        f"ratio loader/bare: median {statistics.median(ratios):.3f} "
        f"(min {min(ratios):.3f}, max {max(ratios):.3f})"
    )


if __name__ == "__main__":
    main()
