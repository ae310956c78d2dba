"""The summary in words (SPEC §5): every figure of every sentence is read back out of
the words and compared with the report's results, in both languages; no sentence says
more than its status."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import invoke
from ktt_cli.model import TargetsFile
from ktt_cli.periods import parse_period
from ktt_cli.progress import Status
from ktt_cli.render.json import report_json
from ktt_cli.report import build_report
from ktt_cli.results import Report, Result
from ktt_cli.summary import PACED, sentences, summary
from test_render import example_report
from test_report import actuals

#: A figure as each language writes it: vi `1.478`, `73,9`; en `1,478`, `73.9`.
NUMBER = {
    "vi": re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?|(?<![\d.,])\d+(?:,\d+)?"),
    "en": re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?"),
}
PACE_WORDS = {
    "vi": ("đúng hướng", "cần tăng tốc", "tiến triển chậm", "đi xuống", "ước đạt"),
    "en": ("on track", "needs acceleration", "limited progress", "backwards", "would reach"),
}


def figures(text: str, lang: str) -> list[float]:
    """Every figure of a sentence, read back as a number."""
    found = []
    for written in NUMBER[lang].findall(text):
        plain = written.replace(".", "").replace(",", ".") if lang == "vi" else written
        found.append(float(plain.replace(",", "")))
    return found


def period_numbers(text: str | None) -> list[float]:
    if text is None:
        return []
    p = parse_period(text)
    return [float(p.year), float(p.number)]


def known(report: Report, result: Result) -> list[tuple[float, float]]:
    """The figures a sentence about `result` may say, each with the rounding it is shown with."""
    a = result.assessment
    exact = [result.actual, result.target, result.regions_met, result.regions_total]
    exact += [abs(a.gap) if a.gap is not None else None, float(result.milestone)]
    exact += period_numbers(result.actual_period) + period_numbers(result.baseline_period)
    if report.compared_with is not None:
        exact += period_numbers(report.compared_with.text)
        found = report.change_of(result)
        if found is not None and found[1].actual is not None:
            exact.append(abs(found[1].actual))
    if report.as_of is not None:
        exact += period_numbers(report.as_of.text)
    pairs = [(float(v), 0.006) for v in exact if v is not None]
    if a.percent_achieved is not None:
        pairs.append((a.percent_achieved, 0.051))
    if a.projected is not None:
        pairs.append((a.projected, 0.51))
    return pairs


def check(report: Report, lang: str) -> None:
    by_indicator = {}
    for r in report.results:  # the nearest milestone's result speaks for the indicator
        key = (r.indicator, r.target_scope)
        if key not in by_indicator or r.milestone < by_indicator[key].milestone:
            by_indicator[key] = r
    for sentence in sentences(report, lang):
        if sentence.indicator is None:
            continue
        if sentence.scope == "regions":
            check_regions(report, sentence.indicator, sentence.text, lang)
            continue
        speaking = [by_indicator[sentence.indicator, sentence.scope]]
        result = speaking[0]
        allowed = [pair for r in speaking for pair in known(report, r)]
        for figure in figures(sentence.text, lang):
            assert any(abs(figure - v) <= tol for v, tol in allowed), (figure, sentence.text)
        said = figures(sentence.text, lang)
        if result.target_scope == "territory":
            assert any(abs(f - (result.actual or 0)) < 0.006 for f in said), sentence.text
        if result.assessment.percent_achieved is not None:
            pct = result.assessment.percent_achieved
            assert any(abs(f - pct) < 0.051 for f in said), sentence.text
        if result.status not in PACED:
            assert not any(w in sentence.text for w in PACE_WORDS[lang]), sentence.text


def check_regions(report: Report, indicator: str, text: str, lang: str) -> None:
    """`Xã A (44%), Phường B (43,3%)`: each region's share achieved is its row's."""
    rows = {r.region: r for r in report.breakdown if r.indicator == indicator}
    named = re.findall(r"([^:,]+?) \(([\d.,]+)%\)", text.split(":", 1)[1])
    assert named, text
    for region, written in named:
        (shown,) = figures(written, lang)
        achieved = rows[region.strip()].assessment.percent_achieved
        assert achieved is not None
        assert abs(shown - achieved) < 0.051, text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_figure_of_the_example_is_the_reports(yen_bai: TargetsFile, lang: str) -> None:
    report = example_report(yen_bai)
    check(report, lang)
    said = summary(report, lang)
    # worked by hand: 834 of ≥ 1.200 is 69,5%; 1.200 − 834 = 366
    htx = next(s for s in said if "834" in s)
    if lang == "vi":
        assert htx.startswith("Đến hết tháng 2/2025, toàn tỉnh có 834 hợp tác xã, đạt 69,5%")
        assert "còn thiếu 366" in htx
        assert "đúng hướng" in htx  # its status is on_track
    else:
        assert htx.startswith("By the end of February 2025, the province had 834 cooperatives")
        assert "366 short" in htx
    # then what has no figure yet, by name
    assert said[-1].startswith("Chưa có số liệu:" if lang == "vi" else "No figure yet:")
    assert yen_bai.indicator("union_count").name.pick(lang) in said[-1]


def test_the_spec_example(yen_bai: TargetsFile) -> None:
    """SPEC §5's sentence, with the Yên Bái target (1.200): 1.478 − 1.470 = 8 since 10/2026."""
    data = actuals(("htx_count", "2026-10", 1470), ("htx_count", "2026-11", 1478))
    report = build_report(
        yen_bai, data, targets_file="t", indicators=["htx_count"],
        compare_with=parse_period("2026-10"),
    )  # fmt: skip
    first = summary(report, "vi")[0]
    assert first.startswith(
        "Đến hết tháng 11/2026, toàn tỉnh có 1.478 hợp tác xã, đạt 123,2% mục tiêu đến năm 2030 "
        "(ít nhất 1.200 hợp tác xã), vượt 278; tăng 8 hợp tác xã so với tháng 10/2026."
    )
    check(report, "vi")
    check(report, "en")


def test_insufficient_data_never_reads_as_a_pace(yen_bai: TargetsFile) -> None:
    # one figure: no baseline earlier than it, no pace to speak of (SPEC §4)
    data = actuals(("good_fair_share", "2026-11", 64))
    report = build_report(yen_bai, data, targets_file="t", indicators=["good_fair_share"])
    assert report.results[0].status is Status.INSUFFICIENT_DATA
    for lang in ("vi", "en"):
        text = summary(report, lang)[0]
        assert not any(w in text for w in PACE_WORDS[lang]), text
        assert ("Chưa đủ số liệu" if lang == "vi" else "Too few figures") in text


def test_json_carries_the_sentences_in_the_language(yen_bai: TargetsFile) -> None:
    report = example_report(yen_bai)
    for lang in ("vi", "en"):
        assert json.loads(report_json(report, lang))["summary"] == summary(report, lang)


_MONTHS = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2019, 2026), st.integers(1, 10))


@given(
    st.lists(st.tuples(_MONTHS, st.integers(0, 3000)), min_size=1, max_size=4),
    st.lists(st.tuples(_MONTHS, st.decimals(0, 100, places=1)), min_size=0, max_size=3),
    st.sampled_from(["vi", "en"]),
    st.booleans(),
)
def test_every_figure_of_any_report_is_the_reports(
    yen_bai: TargetsFile, counts: list, shares: list, lang: str, compared: bool
) -> None:
    rows = {("htx_count", p): v for p, v in counts} | {
        ("good_fair_share", p): float(v) for p, v in shares
    }
    data = actuals(*((i, p, v) for (i, p), v in rows.items()))
    earlier = parse_period("2018") if compared else None
    latest = data.latest
    if compared and latest is not None:
        earlier = parse_period(f"{latest.year - 1}")
    report = build_report(yen_bai, data, targets_file="t", compare_with=earlier)
    check(report, lang)


def test_the_regions_furthest_behind_are_named(tmp_path) -> None:
    from test_regions import programme, report_of

    three, _ = programme()
    assert three is not None
    report = report_of(tmp_path, three, by_region=True)
    check(report, "vi")
    said = summary(report, "vi")
    behind = [s for s in said if s.startswith("Xa mục tiêu")]
    assert behind, said
    rows = [r for r in report.breakdown if r.assessment.percent_achieved is not None]
    lowest = min(rows, key=lambda r: r.assessment.percent_achieved or 0)
    assert lowest.region is not None
    assert lowest.region in behind[0]


# ---- in every format (SPEC §5: people's formats open with it, table and Markdown end) --


def _cli(lang: str, fmt: str, out=None) -> str:

    from conftest import EXAMPLES

    args = ["report", str(EXAMPLES / "actuals.csv"), "--compare", "2024", "--lang", lang]
    args += ["-f", fmt, *(["-o", str(out)] if out else [])]
    done = invoke(args)
    assert done.exit_code == 0, done.output
    return done.stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "xlsx", "docx"])
def test_every_format_holds_the_summary_where_spec_puts_it(tmp_path, lang: str, fmt: str) -> None:
    import html
    import io
    import zipfile

    said = json.loads(_cli(lang, "json"))["summary"]
    assert len(said) >= 5  # four indicators with a figure, then those without
    if fmt in ("table", "markdown"):  # they end with it, after the last table
        text = _squash(_cli(lang, fmt))
        places = [text.index(_squash(s)) for s in said]
        last_row = text.rindex("|") if fmt == "markdown" else text.rindex("actuals.csv")
        assert places == sorted(places)
        assert min(places) > last_row
    elif fmt == "html":  # at the top, after the as of beside the title
        page = _cli(lang, fmt)
        places = [page.index(html.escape(s, quote=False)) for s in said]
        assert max(places) < page.index("<table")
        assert page.index('class="as-of"') < min(places)
    elif fmt == "xlsx":  # the first sheet, before its tables
        from openpyxl import load_workbook

        out = tmp_path / "r.xlsx"
        _cli(lang, fmt, out)
        first = load_workbook(out).worksheets[0]
        cells = [c.value for row in first.iter_rows() for c in row if c.value is not None]
        places = [cells.index(s) for s in said]
        heading = "Mục tiêu đến năm 2030" if lang == "vi" else "Targets for 2030"
        assert max(places) < cells.index(heading)
    else:  # the body of the document, before the appendix
        import docx

        out = tmp_path / "r.docx"
        _cli(lang, fmt, out)
        paragraphs = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
        places = [paragraphs.index(s) for s in said if s in paragraphs]
        assert len(places) == len(said)
        assert max(places) < paragraphs.index("PHỤ LỤC" if lang == "vi" else "APPENDIX")
        assert zipfile.is_zipfile(out)


def test_a_figure_older_than_the_period_compared_with_is_not_called_unchanged(
    yen_bai: TargetsFile,
) -> None:
    # htx_count: 777 in 2024, 834 in 2/2025 (834 − 777 = 57); tht_count's latest is 2023,
    # before 2024: nothing was counted since, so "unchanged since 2024" would say too much
    data = actuals(
        ("htx_count", "2024", 777), ("htx_count", "2025-02", 834), ("tht_count", "2023", 5300)
    )
    report = build_report(yen_bai, data, targets_file="t", compare_with=parse_period("2024"))
    said = {s.indicator: s.text for s in sentences(report, "vi")}
    assert "; tăng 57 hợp tác xã so với năm 2024." in said["htx_count"]
    assert "; chưa có số liệu mới sau năm 2024." in said["tht_count"]
    assert "không đổi" not in said["tht_count"]
    english = {s.indicator: s.text for s in sentences(report, "en")}
    assert "; no newer figure since 2024." in english["tht_count"]
    check(report, "vi")
    check(report, "en")
