"""Redraw the README's pictures of the reports from the bundled example.

    python docs/pictures.py

The HTML report is photographed by headless Chromium; the workbook and the report
document are printed to PDF by LibreOffice and their pages turned into PNG by
pdftoppm (Debian packages chromium, libreoffice-calc-nogui, libreoffice-writer-nogui,
poppler-utils, fonts-liberation).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from ktt_cli.bundled import DEFAULT, bundled_path
from ktt_cli.load.collect import read_actuals
from ktt_cli.load.collect_state import ReadOptions
from ktt_cli.load.text import Source
from ktt_cli.paths import file_source
from ktt_cli.problems import ProblemLog
from ktt_cli.render.docx import report_docx
from ktt_cli.render.html import report_html
from ktt_cli.render.xlsx import report_xlsx
from ktt_cli.report import build_report
from ktt_cli.results import Report
from ktt_cli.targets_file import read_targets

DOCS = Path(__file__).resolve().parent
#: The report document's date in the picture: one that shows the Decree's leading zero.
DAY = date(2026, 12, 5)
ROOT = DOCS.parent


def example() -> Report:
    log = ProblemLog()
    targets_path = bundled_path(DEFAULT)
    assert targets_path is not None
    targets = read_targets(targets_path.read_bytes(), DEFAULT, log)
    assert targets is not None
    actuals = str(ROOT / "examples" / "actuals.csv")
    sources = [Source("examples/actuals.csv", file_source(actuals).open)]
    data = read_actuals(sources, targets, ReadOptions(), log)
    return build_report(
        targets, data, targets_file=DEFAULT, reading_warnings=log.of_severity("warning")
    )


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def main() -> int:
    report = example()
    with tempfile.TemporaryDirectory() as work:
        tmp = Path(work)
        page = tmp / "report.html"
        page.write_text(report_html(report, "vi"), encoding="utf-8")
        run(
            "chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={tmp / 'chromium'}", "--hide-scrollbars",
            f"--screenshot={DOCS / 'report-html.png'}", "--window-size=1240,1754", page.as_uri(),
        )  # fmt: skip
        book = tmp / "report.xlsx"
        book.write_bytes(report_xlsx(report, "vi"))
        run(
            "soffice", f"-env:UserInstallation={(tmp / 'office').as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(tmp), str(book),
        )  # fmt: skip
        pdf = str(tmp / "report.pdf")
        # the first sheet's table fills the top of its page; the charts fill theirs
        run("pdftoppm", "-png", "-r", "120", "-f", "1", "-l", "1", "-H", "260", "-singlefile",
            pdf, str(DOCS / "report-xlsx"))  # fmt: skip
        charts = str(len(report.milestones) + 4)  # after the report, milestones, figures, warnings
        run("pdftoppm", "-png", "-r", "80", "-f", charts, "-l", charts, "-singlefile",
            pdf, str(DOCS / "report-xlsx-charts"))  # fmt: skip
        document = tmp / "bao-cao.docx"
        document.write_bytes(report_docx(report, "vi", today=DAY))
        run(
            "soffice", f"-env:UserInstallation={(tmp / 'office').as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(tmp), str(document),
        )  # fmt: skip
        run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
            str(tmp / "bao-cao.pdf"), str(DOCS / "bao-cao"))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
