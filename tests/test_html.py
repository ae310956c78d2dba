"""The HTML report: self-contained, escaped, in the style of its language, and
rendered by a real browser with every indicator's chart."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path

import pytest

from helpers import invoke
from ktt_cli.model import LocalText, TargetsFile
from ktt_cli.problems import Problem, ProblemLog
from ktt_cli.render.html import report_html
from ktt_cli.report import build_report
from ktt_cli.results import Report
from test_render import example_report
from test_report import actuals

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
CHARTED = ("tht_count", "tht_members", "htx_count", "htx_members")  # those with figures


def hostile(report: Report) -> Report:
    """The report with text from the files that would be markup if not escaped."""
    first = report.results[0]._replace(name=LocalText(vi="<script>alert(1)</script>Tổ"))
    warning = Problem("<b>data</b>.csv", 3, None, "bound_used", "x < 5 & y > 2", "warning")
    return report._replace(
        results=(first, *report.results[1:]),
        programme_name=LocalText(vi='"><img src=x onerror=alert(1)>'),
        warnings=(warning,),
    )


def test_text_from_the_files_is_escaped(yen_bai: TargetsFile) -> None:
    page = report_html(hostile(example_report(yen_bai)), "vi")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Tổ" in page
    assert "<img" not in page
    assert "&lt;b&gt;data&lt;/b&gt;.csv:3" in page
    assert "x &lt; 5 &amp; y &gt; 2" in page


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_is_in_the_language_asked(yen_bai: TargetsFile, lang: str) -> None:
    page = report_html(example_report(yen_bai), lang)
    assert f'<html lang="{lang}">' in page
    legend = {"vi": "Lộ trình cần đạt", "en": "Required path"}[lang]
    # the legend is text inside the chart (not glyph outlines): selectable, searchable
    assert re.search(rf"<text[^>]*>\s*{legend}\s*</text>", page)


def test_numbers_are_in_the_style_of_the_language(yen_bai: TargetsFile) -> None:
    data = actuals(("htx_count", "2023", 727), ("good_fair_share", "2024", 65.5))
    report = build_report(yen_bai, data, targets_file="t")
    vi, en = report_html(report, "vi"), report_html(report, "en")
    assert "≥ 1.200" in vi
    assert "65,5%" in vi
    assert "≥ 1,200" in en
    assert "65.5%" in en
    assert "65,5%" not in en
    # the axes of the charts too: 1.200 is a tick of the cooperatives' chart in vi
    assert re.search(r"<text[^>]*>\s*1\.200\s*</text>", vi)


def test_the_page_requests_nothing(yen_bai: TargetsFile) -> None:
    page = report_html(example_report(yen_bai), "vi")
    references = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]*)""", page)
    references += re.findall(r"""url\(\s*["']?([^"')]*)""", page)
    assert references  # the charts refer to their own markers and clip paths
    assert all(ref.startswith("#") for ref in references), references
    assert "<script" not in page
    assert "<link" not in page
    assert "@import" not in page


def test_it_prints_on_a4_with_no_chart_split_across_pages(yen_bai: TargetsFile) -> None:
    page = report_html(example_report(yen_bai), "vi")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", page)
    assert re.search(r"figure\.chart\s*{[^}]*(?<![-\w])break-inside:\s*avoid", page)


def test_the_same_report_gives_the_same_page(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    assert report_html(report, "vi") == report_html(report, "vi")


def test_the_other_formats_do_not_load_the_libraries_of_these() -> None:
    code = (
        "import sys, ktt_cli.cli, ktt_cli.render.html, ktt_cli.render.xlsx;"
        "print(sorted({'matplotlib', 'jinja2', 'xlsxwriter'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


class _Proxy:
    """A proxy that forwards nothing and notes the host of every request made through it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.hosts: set[str] = set()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                with suppress(OSError):
                    request = connection.recv(1000).decode("latin-1").split(" ")
                    if len(request) > 1:  # CONNECT host:443, or GET http://host/path
                        self.hosts.add(re.sub(r"^\w+://|[:/].*$", "", request[1]))

    def close(self) -> None:
        self.server.close()


def chromium(page: Path, tmp_path: Path, proxy: int, *action: str) -> str:
    assert BROWSER is not None
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
        f"--proxy-server=http://127.0.0.1:{proxy}", "--proxy-bypass-list=<-loopback>",
        "--window-size=1240,1754", *action, page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (Debian package chromium)")
def test_chromium_renders_every_chart_and_requests_nothing(
    yen_bai: TargetsFile, tmp_path: Path
) -> None:
    blank, page = tmp_path / "blank.html", tmp_path / "report.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    page.write_text(report_html(example_report(yen_bai), "vi"), encoding="utf-8")
    picture = tmp_path / "report.png"
    proxy = _Proxy()  # every request, of the page or of the browser itself, reaches it
    try:
        chromium(blank, tmp_path, proxy.port, "--dump-dom")
        browser_own = set(proxy.hosts)  # the browser's own calls home, whatever it shows
        dom = chromium(page, tmp_path, proxy.port, "--dump-dom")
        chromium(page, tmp_path, proxy.port, f"--screenshot={picture}")
    finally:
        proxy.close()
    assert proxy.hosts - browser_own == set()
    for indicator in CHARTED:
        opening = f'<figure class="chart" id="chart-{indicator}">'
        figure = re.search(rf"{opening}(.*?)</figure>", dom, re.S)
        assert figure is not None, indicator
        assert "<svg" in figure[1]
    assert dom.count("<svg") == len(CHARTED)
    assert "Số hợp tác xã" in dom
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.stat().st_size > 20_000  # a page with tables and charts, not a blank


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (Debian package chromium)")
def test_chromium_renders_the_breakdown_and_the_comparison(tmp_path: Path) -> None:

    root = Path(__file__).resolve().parent.parent
    page = tmp_path / "communes.html"
    made = invoke([
            "report", str(root / "examples" / "synthetic-communes.csv"),
            "-t", str(root / "examples" / "synthetic-communes.yaml"),
            "--by", "region", "--compare", "2024", "-f", "html", "-o", str(page),
        ],
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    proxy = _Proxy()
    try:
        dom = chromium(page, tmp_path, proxy.port, "--dump-dom")
    finally:
        proxy.close()
    assert "Phường Sa Pa" in dom  # a region's row
    assert dom.count("<svg") >= 2  # the trajectories and the chart comparing the regions
    assert "▲" in dom  # the change since 2024


# ---- the page a leader reads first (issue: as of, summary, regions) --------------------


def test_as_of_and_the_summary_open_the_page(yen_bai: TargetsFile) -> None:
    from ktt_cli.summary import summary

    report = example_report(yen_bai)
    page = report_html(report, "vi")
    first_table = page.index("<table")
    assert page.index('<p class="as-of">Đến hết tháng 2/2025</p>') < first_table
    for sentence in summary(report, "vi"):
        escaped = sentence.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert page.index(escaped) < first_table


def test_the_change_column_says_since_when(yen_bai: TargetsFile) -> None:
    from ktt_cli.periods import parse_period

    data = actuals(("htx_count", "2026-10", 1470), ("htx_count", "2026-11", 1478))
    report = build_report(yen_bai, data, targets_file="t", compare_with=parse_period("2026-10"))
    assert "Thay đổi so với 10/2026</th>" in report_html(report, "vi")
    assert "Change since Oct 2026</th>" in report_html(report, "en")


def test_a_group_with_no_regional_figures_is_one_line_and_laggards_are_named(
    tmp_path: Path,
) -> None:
    from test_regions import DATA, programme, read

    three, _ = programme()
    assert three is not None
    # the members' figures of the territory only: no commune has one
    kept = [line for line in DATA.splitlines() if not line.startswith("members,") or ",," in line]
    data, _ = read(tmp_path, three, "\n".join(kept) + "\n")
    report = build_report(three, data, targets_file="t", by_region=True)
    page = report_html(report, "vi")
    assert "Chưa có số liệu theo xã, phường." in page
    assert "chưa giao chỉ tiêu" not in page  # no row per commune with nothing to show
    assert "Xa mục tiêu nhất: Phường Cát (50%), Xã An Bình (60%), Xã Bảo Ái (75%)." in page


def many_regions(count: int, folder: Path) -> Report:
    """A country by commune: `count` regions, each against a target for every region."""
    from ktt_cli.targets_file import read_targets
    from test_regions import read

    text = (
        "schema_version: 1\nprogramme: {id: ca-nuoc, name: Cả nước, issuer: T, implements: N,"
        " territory: Việt Nam, source: s}\nindicators:\n  - id: htx\n    name: Số hợp tác xã\n"
        "    unit: count\n    targets:\n      - {year: 2030, value: 45000, text: 45.000 HTX}\n"
        "      - {year: 2030, scope: each_region, value: 20, text: mỗi xã 20 HTX}\n"
    )
    log = ProblemLog()
    targets = read_targets(text.encode(), "t.yaml", log)
    assert targets is not None, [str(p) for p in log]
    rows = ["indicator,period,region,value"]
    for k in range(count):
        rows += [f"htx,2023,Xã Số {k:05d},{5 + k % 11}", f"htx,2025,Xã Số {k:05d},{8 + k % 17}"]
    data, read_log = read(folder, targets, "\n".join(rows) + "\n")
    assert not read_log.errors
    return build_report(targets, data, targets_file="t.yaml", by_region=True)


@pytest.mark.parametrize("count", [3321, 10000])
def test_thousands_of_regions_keep_a_chart_a_reader_can_see(count: int, tmp_path: Path) -> None:
    report = many_regions(count, tmp_path)
    assert len([r for r in report.breakdown if r.target_scope == "each_region"]) == count
    page = report_html(report, "vi")
    chart = re.search(r'<figure class="chart regions-chart">(.*?)</figure>', page, re.S)
    assert chart is not None
    drawn = set(re.findall(r"Xã Số \d{5}", chart[1]))
    assert len(drawn) == 15  # the 10 furthest behind and the 5 furthest ahead
    assert page.count("<tr") >= count  # every region is in the table
    assert "xa mục tiêu nhất và 5 dẫn đầu" in page
