"""The benchmark's files: their sizes, and each written once by `shapes.py` from a seed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import shapes

HERE = Path(__file__).resolve().parent


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
class Files:
    targets: Path
    excel: Path
    plain: Path
    workbook: Path
    sparse_months: Path
    sparse_days: Path
    rows: int
    #: the other shapes of the large file (`shapes.LARGE_KINDS`), by kind
    others: dict[str, Path]
    ods: Path | None  # the workbook as LibreOffice saves it; None without LibreOffice


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


def make_files(sizes: Sizes, workdir: Path, seed: int) -> Files:
    large = sizes.large
    shape = (large.indicators, large.months, large.communes, seed)
    tag = f"{large.rows}-rows-{seed}"
    targets = workdir / "targets.yaml"
    shapes.write_targets(targets)
    excel = made(workdir / f"excel-{tag}.csv", "excel", *shape)
    plain = made(workdir / f"plain-{tag}.csv", "plain", *shape)
    wb = sizes.workbook
    book = made(
        workdir / f"workbook-{wb.rows}-rows-{seed}.xlsx",
        "workbook",
        wb.indicators,
        wb.months,
        wb.communes,
        seed,
    )
    months = made(
        workdir / f"sparse-months-{sizes.sparse_rows}.csv", "sparse-months", sizes.sparse_rows
    )
    days = made(
        workdir / f"sparse-days-{sizes.days_communes}x{sizes.days_steps}.csv",
        "sparse-days",
        sizes.days_communes,
        sizes.days_steps,
    )
    others = {
        kind: made(workdir / f"{kind}-{tag}.csv", kind, *shape) for kind in shapes.OTHER_KINDS
    }
    return Files(targets, excel, plain, book, months, days, large.rows, others, as_ods(book))


def as_ods(book: Path) -> Path | None:
    """`book` saved as .ods by LibreOffice (`soffice --convert-to ods`), as an office that
    keeps its figures in LibreOffice has it; None where LibreOffice is not installed."""
    path = book.with_suffix(".ods")
    done = path.with_name(path.name + ".done")
    if path.exists() and done.exists():
        return path
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        say("no LibreOffice (soffice): the .ods measure is left out")
        return None
    say(f"writing {path.name} (LibreOffice) …")
    with tempfile.TemporaryDirectory() as profile:  # a profile of its own: no lock shared
        argv = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(path.parent),
            str(book),
        ]
        subprocess.run(argv, check=True, capture_output=True, timeout=600)
    if not path.exists():
        raise RuntimeError(f"LibreOffice did not write {path}")
    done.write_text("", encoding="utf-8")
    return path
