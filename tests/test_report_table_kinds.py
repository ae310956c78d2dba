"""What a report table's column holds, read right or refused (SPEC §3 "Layouts", "Headers
of more than one row"): a comparison or a plan is never read as a figure, a commune's
figures never land on the province, a column whose header holds a period is never left out
in silence.

The tables are written as offices write them: a title and a header band of two rows, the
caption merged over its sub-headers (in a CSV saved by LibreOffice, the caption in the
first column of its span and the cells after it empty), `;` and decimal commas.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ktt_cli.load.collect import ReadOptions, read_actuals
from ktt_cli.load.text import Source
from ktt_cli.model import TargetsFile
from ktt_cli.problems import Problem, ProblemLog
from ktt_cli.store import Actuals
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
TARGETS = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", ProblemLog())
TITLE = '"BÁO CÁO TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ";;;;;\n;;;;;\n'


def read(
    text: str, targets: TargetsFile | None = None, name: str = "t.csv"
) -> tuple[Actuals, ProblemLog]:
    log = ProblemLog()
    data = text.encode()
    source = Source(name, lambda: io.BufferedReader(io.BytesIO(data)))
    return read_actuals([source], targets or TARGETS, ReadOptions(), log), log


def figures(actuals: Actuals) -> dict[str, list[tuple[str, float, str | None]]]:
    return {
        indicator: [(o.period.text, o.value, o.qualifier) for o in observations]
        for indicator, observations in actuals.series.items()
        if observations
    }


def errors(log: ProblemLog) -> list[Problem]:
    return [p for p in log if p.severity == "error"]


def codes(log: ProblemLog) -> list[str]:
    return [p.code for p in log]


# ---------------------------------------------------------------------------------------
# 1. A comparison is never a figure: any ratio of kinds, `X/Y` or `X so (với) Y`
# ---------------------------------------------------------------------------------------

RATIOS = [
    "TH/CK",
    "UTH/CK",
    "TH/CKNT",
    "TH/TH",
    "UTH/TH",
    "TH/KHN",
    "TH so CK",
    "TH so với CK",
    "Ước TH/KH (%)",
    "ƯTH / KH",
    "Thực hiện/Kế hoạch",
    "TH/cùng kỳ",
]
PLAN_WORDS = ["Chỉ tiêu giao", "Dự kiến", "Phấn đấu", "Mục tiêu", "KH giao", "Định hướng"]


@pytest.mark.parametrize("header", RATIOS + PLAN_WORDS)
def test_a_comparison_or_plan_under_a_period_caption_is_no_figure(header: str) -> None:
    # the caption `6 tháng đầu năm 2026` spans `Ước TH` (905, the estimate) and the
    # comparison (104): only 905 is a figure of 2026-H1
    text = (
        TITLE + "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;6 tháng đầu năm 2026;\n"
        f";;;;Ước TH;{header}\n"
        "A;B;C;1;2;3\n"
        "1;Số hợp tác xã;HTX;870;905;104\n"
    )
    actuals, log = read(text)
    assert not errors(log), errors(log)
    assert figures(actuals)["htx_count"] == [("2025", 870, None), ("2026-H1", 905, "≈")]
    assert "not_figures" in codes(log)


@pytest.mark.parametrize("header", RATIOS + PLAN_WORDS)
def test_a_comparison_or_plan_in_a_one_row_header_is_no_figure(header: str) -> None:
    # the same column written in one cell with its period: `TH/CK 6 tháng đầu năm 2026`
    text = (
        "STT;Chỉ tiêu;ĐVT;Thực hiện năm 2025;"
        f"{header} 6 tháng đầu năm 2026\n"
        "1;Số hợp tác xã;HTX;870;104\n"
    )
    actuals, log = read(text)
    assert not errors(log), errors(log)
    assert figures(actuals)["htx_count"] == [("2025", 870, None)]
    assert "not_figures" in codes(log)


@pytest.mark.parametrize("header", ["6/2026", "Quý II/2026", "H1/2026", "9T/2026", "T6/2026"])
def test_a_period_with_a_slash_is_still_a_period(header: str) -> None:
    text = f"STT;Chỉ tiêu;ĐVT;Thực hiện {header}\n1;Số hợp tác xã;HTX;905\n"
    actuals, log = read(text)
    assert not errors(log), errors(log)
    assert [v for _, v, _ in figures(actuals)["htx_count"]] == [905]
