"""Renderers: the JSON contract of SPEC §5, CSV, Markdown, and the table at fixed widths."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from helpers import fixture, read
from ktt_cli import i18n
from ktt_cli.model import TargetsFile
from ktt_cli.periods import parse_period
from ktt_cli.render import words
from ktt_cli.render.csv import cell, report_csv
from ktt_cli.render.json import RESULT_FIELDS, report_dict
from ktt_cli.render.markdown import report_markdown
from ktt_cli.render.table import report_view
from ktt_cli.render.table_cells import bar
from ktt_cli.render.template import template_csv
from ktt_cli.report import build_report
from ktt_cli.results import Report
from ktt_cli.streams import render_text

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).parent / "snapshots"
SPEC_KEYS = [
    "indicator", "name", "unit", "milestone", "comparator", "target", "target_text", "actual",
    "actual_period", "actual_source", "actual_note", "baseline", "baseline_period", "gap",
    "percent_achieved", "progress_from_baseline", "met", "status", "growth_ratio", "projected",
    "required_annual_growth",
]  # fmt: skip


def example_report(targets: TargetsFile) -> Report:
    # shown by its name in the repository, so that the snapshots hold no machine's path
    path = ROOT / "examples" / "actuals.csv"
    data, log = read(fixture(path, "examples/actuals.csv"), targets=targets)
    assert not log.errors
    return build_report(targets, data, targets_file="targets.yaml",
                        reading_warnings=log.of_severity("warning"))  # fmt: skip


def test_json_has_every_key_of_the_spec_with_nulls_not_omitted(yen_bai: TargetsFile) -> None:
    doc = report_dict(example_report(yen_bai), "vi")
    for key in ("schema_version", "ktt_version", "programme", "targets_file", "actuals_files",
                "as_of", "results", "qualitative", "warnings"):  # fmt: skip
        assert key in doc
    assert doc["schema_version"] == 1
    assert doc["programme"]["id"] == "yen-bai-nq20"
    assert doc["as_of"] == "2025-02"
    for result in doc["results"]:
        assert list(result) == list(RESULT_FIELDS)
        assert set(SPEC_KEYS) <= set(result)
    no_data = next(r for r in doc["results"] if r["indicator"] == "union_count")
    assert no_data["actual"] is None
    assert no_data["gap"] is None
    assert no_data["status"] == "no_data"


def test_json_reproduces_the_example_of_the_spec(yen_bai: TargetsFile) -> None:
    doc = report_dict(example_report(yen_bai), "vi")
    htx = next(r for r in doc["results"] if r["indicator"] == "htx_count")
    assert htx | {"name": None, "target_text": None, "target_note": None} == {
        "indicator": "htx_count", "name": None, "unit": "count", "share_of": None,
        "milestone": 2030, "comparator": "at_least", "target": 1200, "target_text": None,
        "target_note": None, "actual": 834, "actual_period": "2025-02", "actual_qualifier": None,
        "actual_source": "lienminhhtxyenbai.org.vn", "actual_note": None, "baseline": 465,
        "baseline_period": "2020", "gap": 366, "percent_achieved": 69.5,
        "progress_from_baseline": pytest.approx(50.204, abs=1e-3), "met": False,
        "status": "on_track", "status_reason": None,  # SPEC §4: null but for insufficient_data
        "growth_ratio": pytest.approx(1.5155, abs=1e-4), "growth_method": "compound",
        "projected": pytest.approx(1892.78, rel=1e-4),
        "required_annual_growth": pytest.approx(0.06430, abs=1e-5),
        "projected_bounded": False,
        # SPEC §8: every result carries its scope; the counts are an each_region target's
        "target_scope": "territory", "regions_met": None, "regions_total": None,
        "regions_not_met": None,
    }  # fmt: skip
    assert isinstance(htx["actual"], int)  # 834, not 834.0
    assert isinstance(htx["progress_from_baseline"], float)  # never rounded


def test_keys_and_codes_do_not_change_with_the_language(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    vi, en = report_dict(report, "vi"), report_dict(report, "en")
    assert [list(r) for r in vi["results"]] == [list(r) for r in en["results"]]
    assert [r["status"] for r in vi["results"]] == [r["status"] for r in en["results"]]
    assert vi["results"][0]["name"] == "Số tổ hợp tác"
    assert en["results"][0]["name"] == "Cooperative groups"


def test_warnings_are_in_the_json(yen_bai: TargetsFile) -> None:
    warnings = report_dict(example_report(yen_bai), "vi")["warnings"]
    assert {w["code"] for w in warnings} == {"bound_used", "estimate_used"}  # >5300; ≈34000
    assert {"file", "line", "column", "code", "message"} <= set(warnings[0])


def test_csv_has_the_json_fields_and_numbers_stay_numbers(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    rows = list(csv.DictReader(io.StringIO(report_csv(report, "vi"))))
    assert list(rows[0]) == list(RESULT_FIELDS)
    htx = next(r for r in rows if r["indicator"] == "htx_count")
    assert (htx["actual"], htx["gap"], htx["met"], htx["status"]) == (
        "834",
        "366",
        "false",
        "on_track",
    )
    assert json.loads(htx["percent_achieved"]) == 69.5
    assert len(rows) == len(report.results)


@pytest.mark.parametrize(
    ("value", "written"),
    [("=1+2", "'=1+2"), ("+84 912", "'+84 912"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("\nx", "'\nx"), ("Số HTX", "Số HTX"), (-12, -12),
     (-0.5, -0.5), (None, ""), (True, "true")],
)  # fmt: skip
def test_csv_cells_never_start_a_formula(value: object, written: object) -> None:
    assert cell(value) == written


def test_markdown_is_a_pipe_table_per_milestone(yen_bai: TargetsFile) -> None:
    text = report_markdown(example_report(yen_bai), "vi")
    assert "## Mục tiêu đến năm 2030" in text
    assert "## Mục tiêu đến năm 2045" in text
    assert "| Số hợp tác xã | ≥ 1.200 | 834 (2/2025) | 366 | 69,5% | đúng hướng |" in text
    assert "1. Số tổ hợp tác 2023:" in text  # notes of the figures, numbered, by name


@pytest.mark.parametrize(
    ("percent", "drawn"),
    [(0, "·····"), (50, "██▌··"), (100, "█████"), (250, "█████"), (-5, "·····"), (69.5, "███▌·")],
)
def test_bar(percent: float, drawn: str) -> None:
    assert bar(percent) == drawn


@pytest.mark.parametrize(("width", "lang"), [(80, "vi"), (200, "en")])
def test_table_snapshot(yen_bai: TargetsFile, width: int, lang: str) -> None:
    text = render_text(report_view(example_report(yen_bai), lang), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    snapshot = SNAPSHOTS / f"report-{lang}-{width}.txt"
    if os.environ.get("KTT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8"), (
        "rerun with KTT_UPDATE_SNAPSHOTS=1 if meant"
    )


def test_results_come_by_milestone_then_in_the_order_of_the_targets_file(
    yen_bai: TargetsFile,
) -> None:
    report = example_report(yen_bai)
    order = [(r.milestone, r.indicator) for r in report.results]
    file_order = [i.id for i in yen_bai.indicators]
    assert order == sorted(order, key=lambda mi: (mi[0], file_order.index(mi[1])))
    assert order[0] == (2030, "tht_count")
    assert order[-1] == (2045, "digital_share")


def test_markdown_escapes_a_pipe_in_any_text(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    first = report.results[0]
    named = first._replace(name=first.name.model_copy(update={"vi": "Tổ | nhóm"}))
    text = report_markdown(report._replace(results=(named, *report.results[1:])), "vi")
    assert "| Tổ \\| nhóm |" in text


def test_the_table_marks_a_noted_figure_and_prints_the_note_under_it(
    yen_bai: TargetsFile,
) -> None:
    text = render_text(report_view(example_report(yen_bai), "vi"), width=160)
    lines = text.splitlines()
    tht = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Số tổ hợp tác "))
    assert "> 5.300" in lines[tht]
    assert "2023 [1]" in lines[tht + 1]
    assert any(line.startswith("[1] ") and "5.300" in line for line in lines)


def test_the_table_holds_the_figures_of_each_result(yen_bai: TargetsFile) -> None:
    text = render_text(report_view(example_report(yen_bai), "vi"), width=160)
    htx = next(line for line in text.splitlines() if line.lstrip().startswith("Số hợp tác xã"))
    # target, actual, gap, percent achieved and status of htx_count (SPEC §5 example)
    for shown in ("≥ 1.200", "834", "366", "69,5%", "đúng hướng"):
        assert shown in htx


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [40, 60, 64, 70, 80, 120])
def test_narrow_terminals_lose_no_column_and_cut_no_status(
    yen_bai: TargetsFile, width: int, lang: str
) -> None:
    report = example_report(yen_bai)
    text = render_text(report_view(report, lang), width=width)
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    for result in report.results:
        status = words.status(result, lang)
        assert any(status in line for line in lines), (width, status)
    for column in ("target", "actual", "gap", "achieved", "status"):
        for word in i18n.label(lang, column).split():  # a head may wrap between its words
            assert any(word in line.replace(":", " ").split() for line in lines), (width, column)


@pytest.mark.parametrize(("lang", "shown"), [("vi", "vượt 200"), ("en", "200 over")])
def test_a_passed_target_is_shown_as_passed_not_as_a_negative_gap(
    yen_bai: TargetsFile, lang: str, shown: str
) -> None:
    result = example_report(yen_bai).results[2]
    passed = result._replace(assessment=result.assessment._replace(gap=-200.0))
    assert words.gap(passed, lang) == shown
    assert words.gap(result, lang) == "366"


def test_periods_are_shown_in_the_style_of_the_language() -> None:
    assert words.period(parse_period("2025-Q2"), "vi") == "Quý II/2025"
    assert words.period(parse_period("2025-06"), "en") == "Jun 2025"
    assert words.period(None, "vi") == words.NONE


def test_the_template_speaks_the_language(yen_bai: TargetsFile) -> None:
    vi = template_csv(yen_bai, lang="vi")
    assert "# htx_count: Số hợp tác xã (số lượng); 2030 ≥ 1.200" in vi
    assert "(% tổng số tổ chức KTTT của tỉnh)" in vi
    assert "% of" not in vi
    en = template_csv(yen_bai, lang="en")
    assert "(count); 2030 ≥ 1,200" in en
    assert "(% of all collective-economy organisations of the province)" in en


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_json_with_one_line_per_item_reads_back_as_it_was(value: object) -> None:
    from ktt_cli.render.json import dumps

    assert json.loads(dumps(value)) == value


@given(JSON_VALUES | st.floats() | st.text(alphabet=st.characters(codec=None)))
def test_a_value_of_a_breakdown_row_is_written_as_the_json_module_writes_it(
    value: object,
) -> None:
    """render.json._value writes the varying values of a breakdown row; it must be the
    json module's text, NaN and infinities refused alike."""
    from ktt_cli.render.json import _value

    try:
        expected = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        with pytest.raises(ValueError, match="not JSON compliant"):
            _value(value)
        return
    assert _value(value) == expected


def test_each_result_of_the_json_is_one_line(yen_bai: TargetsFile) -> None:
    from ktt_cli.render.json import report_json

    lines = report_json(example_report(yen_bai), "vi").splitlines()
    results = [line for line in lines if line.lstrip().startswith('{"indicator": ')]
    assert len(results) == len(example_report(yen_bai).results)


def test_renderers_take_the_reports_own_periods() -> None:
    """A renderer writes the periods the report holds (Result.actual_at, baseline_at,
    Report.as_of), never reads back the texts it flattened them to: no module of render/
    nor the summary's sentences parses a period."""
    import ast

    src = Path(__file__).resolve().parent.parent / "src" / "ktt_cli"
    modules = [*(src / "render").glob("*.py"), *src.glob("summary*.py")]
    parsing = [
        f"{path.name}:{node.lineno}"
        for path in modules
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("parse_period")
    ]
    assert parsing == []
