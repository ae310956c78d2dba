"""Names, notes, sources and regions from the files are text in Markdown: HTML escaped
(a tag never live, a comment never hiding the rows after it), pipes and line breaks never
breaking the table, Markdown's own marks never a link."""

from __future__ import annotations

import re

from ktt_cli.model import LocalText, TargetsFile
from ktt_cli.render.markdown import report_markdown
from ktt_cli.report import Report
from test_render import example_report

IMG = "<img src=x onerror=alert(1)>"
COMMENT = "<!-- hides the rest"


def hostile(report: Report) -> Report:
    first, second, *rest = report.results
    first = first._replace(
        name=LocalText(vi=f"{IMG} Tổ | hợp\ntác"),
        actual_note=f"{COMMENT}\nline two [x](javascript:1)",
    )
    second = second._replace(name=LocalText(vi="*Biểu* 01!B12 `code` _x_"))
    return report._replace(results=(first, second, *rest))


def test_markdown_escapes_html_pipes_and_line_breaks(yen_bai: TargetsFile) -> None:
    text = report_markdown(hostile(example_report(yen_bai)), "vi")
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<!--" not in text
    assert "&lt;\\!-- hides the rest" in text
    assert "\\[x\\](javascript" in text  # brackets escaped: no link
    for line in text.splitlines():
        if line.startswith("| ") and "Tổ" in line:
            # one row, its cells intact: the pipe in the name is escaped
            assert "Tổ \\| hợp tác" in line
            assert len(re.findall(r"(?<!\\)\|", line)) == 7  # 6 cells
    assert "\\*Biểu\\* 01\\!B12 \\`code\\` \\_x\\_" in text
    # every line of the table still a row of the table: no line break from the data
    rows = [ln for ln in text.splitlines() if ln.startswith("|")]
    assert all(ln.endswith("|") for ln in rows)
