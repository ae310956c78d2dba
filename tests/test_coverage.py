"""`ktt coverage` (SPEC §11): who has reported, in every format, with known answers.

The fixture (tests/fixtures/coverage) is 12 communes and three indicators expected of
them (`from_regions`, `by_region`, `each_region`), and one that is not (a territory
percentage). Worked by hand from the data's comment, as of 11/2026:

  htx_count    reported 7 (Tân Lĩnh, Mậu A, Yên Bái, Văn Phú, Nghĩa Lộ, Mường Lai, Sa Pa),
               late 2 (Mù Cang Chải 10/2026, Trạm Tấu Q3/2026), never 3
  htx_members  reported 7 (Tân Lĩnh, Mậu A, Yên Bái, Văn Phú, Trạm Tấu, Mường Lai, Sa Pa),
               late 2 (Nghĩa Lộ, Mù Cang Chải: 10/2026), never 3
  tht_count    reported 6 (Tân Lĩnh, Mậu A, Yên Bái, Văn Phú, Trạm Tấu, Sa Pa),
               late 2 (Mù Cang Chải 10/2026, Lâm Thượng 2025), never 4
  all          36 expected, 20 reported (20/36 = 55.6%), 6 late, 10 never
  complete: Tân Lĩnh, Mậu A, Yên Bái, Văn Phú, Sa Pa (5)
  sent nothing for 11/2026: Mù Cang Chải, Cốc Lầu, Khao Mang, Lâm Thượng (4)
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ktt_cli.cli import app
from ktt_cli.coverage import Mark, coverage, expected_indicators, not_reported
from ktt_cli.inputs import sources
from ktt_cli.load.collect import ReadOptions, read_actuals
from ktt_cli.model import TargetsFile
from ktt_cli.periods import parse_period
from ktt_cli.problems import ProblemLog
from ktt_cli.store import Actuals
from ktt_cli.targets_file import read_targets

HERE = Path(__file__).resolve().parent / "fixtures" / "coverage"
TARGETS = HERE / "twelve-communes.yaml"
RETURNS = HERE / "returns-2026-11.csv"
SILENT = ["Xã Mù Cang Chải", "Xã Cốc Lầu", "Xã Khao Mang", "Xã Lâm Thượng"]
COMPLETE = ["Xã Tân Lĩnh", "Xã Mậu A", "Phường Yên Bái", "Phường Văn Phú", "Phường Sa Pa"]


def programme() -> TargetsFile:
    log = ProblemLog()
    found = read_targets(TARGETS.read_bytes(), str(TARGETS), log)
    assert found is not None, [str(p) for p in log]
    return found


def read(text: str, tmp_path: Path, targets: TargetsFile) -> Actuals:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    log = ProblemLog()
    data = read_actuals(sources([str(path)], what="actuals"), targets, ReadOptions(), log)
    assert not log.errors, [str(p) for p in log]
    return data


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["coverage", *args])
    return result.exit_code, result.stdout, result.stderr


def as_json(*args: str) -> dict[str, object]:
    code, out, err = run(
        str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11", "-f", "json", *args
    )
    assert code == 0, err
    found: dict[str, object] = json.loads(out)
    return found


# ---- the computation ------------------------------------------------------------------


def test_indicators_expected_of_regions_are_those_shared_summed_or_each() -> None:
    assert expected_indicators(programme()) == ["htx_count", "htx_members", "tht_count"]


def test_known_answers_of_twelve_communes(tmp_path: Path) -> None:
    targets = programme()
    data = read(RETURNS.read_text(encoding="utf-8"), tmp_path, targets)
    found = coverage(targets, data, parse_period("2026-11"))
    rates = {i.indicator: tuple(i.rate) for i in found.per_indicator}
    assert rates == {
        "htx_count": (12, 7, 2, 3),
        "htx_members": (12, 7, 2, 3),
        "tht_count": (12, 6, 2, 4),
    }
    assert tuple(found.total) == (36, 20, 6, 10)
    assert found.total.share == 55.6  # 20 / 36 = 0.5555…
    assert [r.name for r in found.complete_regions] == COMPLETE
    assert [r.name for r in found.silent_regions] == SILENT
    by_name = {r.name: r for r in found.regions}
    tram_tau = by_name["Xã Trạm Tấu"].entries[0]
    assert (tram_tau.mark, str(tram_tau.latest), tram_tau.value) == (Mark.LATE, "2026-Q3", 4)
    lam_thuong = by_name["Xã Lâm Thượng"]
    assert [e.mark for e in lam_thuong.entries] == [Mark.NEVER, Mark.NEVER, Mark.LATE]
    assert str(lam_thuong.latest) == "2025"
    assert by_name["Xã Tân Lĩnh"].region_id == "04567"
    assert found.incomplete


def test_a_later_figure_is_not_looked_at_and_the_default_period_is_the_latest(
    tmp_path: Path,
) -> None:
    targets = programme()
    data = read(RETURNS.read_text(encoding="utf-8"), tmp_path, targets)
    # Sa Pa's 12/2026 figure is after 11/2026: as of 11/2026 it reported 11/2026's
    sa_pa = next(
        r for r in coverage(targets, data, parse_period("2026-11")).regions if "Sa Pa" in r.name
    )
    assert str(sa_pa.entries[0].latest) == "2026-11"
    # by default, the latest period of the data (the territory's 2026, at December's end):
    # only Sa Pa's htx_count is for that moment
    latest = coverage(targets, data)
    assert latest.as_of is not None
    assert latest.as_of.time == parse_period("2026-12").time
    assert tuple(latest.total)[:2] == (36, 1)


CELLS = [(r, i) for r in range(12) for i in range(3)]


@given(st.sets(st.sampled_from(CELLS)))
def test_incomplete_exactly_while_an_expected_figure_is_missing(
    reported: set[tuple[int, int]],
) -> None:
    targets = programme()
    names = [r.name for r in targets.regions]
    ids = ["htx_count", "htx_members", "tht_count"]
    rows = [f"{ids[i]},2026-11,{names[r]},1" for r, i in sorted(reported)]
    text = "indicator,period,region,value\n" + "\n".join(rows) + "\ngood_share,2026-11,,50\n"
    with tempfile.TemporaryDirectory() as folder:
        data = read(text, Path(folder), targets)
    found = coverage(targets, data, parse_period("2026-11"))
    assert found.total.reported == len(reported)
    assert found.incomplete == (len(reported) < 36)
    assert len(found.silent_regions) == len(set(range(12)) - {r for r, _ in reported})


# ---- the command, in every format ------------------------------------------------------


def test_json_holds_the_known_answers() -> None:
    found = as_json()
    assert found["as_of"] == "2026-11"
    assert found["total"] == {
        "expected": 36,
        "reported": 20,
        "late": 6,
        "never": 10,
        "reporting_rate": 55.6,
        "regions": 12,
        "regions_complete": 5,
        "regions_complete_rate": 41.7,  # 5 / 12
        "regions_silent": 4,
    }
    indicators = found["indicators"]
    assert isinstance(indicators, list)
    assert [(i["indicator"], i["reported"], i["reporting_rate"]) for i in indicators] == [
        ("htx_count", 7, 58.3),
        ("htx_members", 7, 58.3),
        ("tht_count", 6, 50.0),
    ]
    not_reported = found["not_reported"]
    assert isinstance(not_reported, list)
    assert [r["region"] for r in not_reported] == SILENT
    assert [r["latest_period"] for r in not_reported] == ["2026-10", None, None, "2025"]
    regions = found["regions"]
    assert isinstance(regions, list)
    nghia_lo = next(r for r in regions if r["region"] == "Phường Nghĩa Lộ")
    assert nghia_lo["indicators"] == {
        "htx_count": {"status": "reported", "latest_period": "2026-11", "value": 10},
        "htx_members": {"status": "late", "latest_period": "2026-10", "value": 140},
        "tht_count": {"status": "never", "latest_period": None, "value": None},
    }


def test_csv_holds_the_same_facts() -> None:
    code, out, err = run(str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11", "-f", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    cells = [r for r in rows if r["region"]]
    assert len(cells) == 36
    marks = [r["status"] for r in cells]
    assert (marks.count("reported"), marks.count("late"), marks.count("never")) == (20, 6, 10)
    total = rows[-1]
    assert (total["indicator"], total["expected"], total["reported"], total["reporting_rate"]) == (
        "",
        "36",
        "20",
        "55.6",
    )
    per = {r["indicator"]: r["reporting_rate"] for r in rows[36:-1]}
    assert per == {"htx_count": "58.3", "htx_members": "58.3", "tht_count": "50"}
    late = next(r for r in cells if r["region"] == "Xã Trạm Tấu" and r["indicator"] == "htx_count")
    assert (late["status"], late["latest_period"], late["value"]) == ("late", "2026-Q3", "4")


@pytest.mark.parametrize(
    ("fmt", "lang", "rate", "late_word"),
    [
        ("table", "vi", "20/36 (55,6%)", "muộn (mới có Quý III/2026)"),
        ("table", "en", "20/36 (55.6%)", "late (latest Q3 2026)"),
        ("markdown", "vi", "20/36 (55,6%)", "muộn (mới có Quý III/2026)"),
        ("html", "en", "20/36 (55.6%)", "late (latest Q3 2026)"),
    ],
)
def test_text_formats_say_the_same_facts(fmt: str, lang: str, rate: str, late_word: str) -> None:
    code, out, err = run(
        str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11", "-f", fmt, "--lang", lang
    )
    assert code == 0, err
    assert rate in out
    assert "7/12 (58,3%)" in out or "7/12 (58.3%)" in out
    assert "6/12 (50%)" in out
    assert late_word in out
    silent_line = next(line for line in out.splitlines() if "(4): " in line and "Cốc Lầu" in line)
    for name in SILENT:
        assert name in silent_line
    assert "5/12 (41,7%)" in out or "5/12 (41.7%)" in out  # regions complete
    for name in COMPLETE:
        assert name in out


def test_xlsx_holds_the_same_facts(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "coverage.xlsx"
    code, _, err = run(
        str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11", "-f", "xlsx", "-o", str(out)
    )
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    rates, grid = book.worksheets
    values = [[c.value for c in row] for row in rates.iter_rows()]
    total = next(r for r in values if r[0] == "Tất cả")
    assert total[1:6] == [36, 20, 6, 10, pytest.approx(0.556)]
    silent = [
        r[1] for r in values[values.index(next(r for r in values if r[0] and "Chưa gửi" in r[0])) :]
    ]
    assert [s for s in silent if s] == SILENT
    rows = [[c.value for c in row] for row in grid.iter_rows(min_row=2)]
    assert len(rows) == 12
    tram_tau = next(r for r in rows if r[0] == "Xã Trạm Tấu")
    assert tram_tau[2:] == ["muộn (mới có Quý III/2026)", "đã báo cáo", "đã báo cáo"]


def test_fail_on_incomplete_exits_1_while_a_figure_is_missing(tmp_path: Path) -> None:
    code, out, err = run(
        str(RETURNS),
        "-t",
        str(TARGETS),
        "--as-of",
        "2026-11",
        "--fail-on",
        "incomplete",
        "--lang",
        "en",
    )
    assert code == 1
    assert "16 of 36 expected figure(s) missing" in err
    assert "Cốc Lầu" in out  # the output is still written
    # every expected figure there: exit 0
    targets = programme()
    rows = [
        f"{i},2026-11,{r.name},1"
        for r in targets.regions
        for i in ("htx_count", "htx_members", "tht_count")
    ]
    full = tmp_path / "full.csv"
    full.write_text("indicator,period,region,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run(str(full), "-t", str(TARGETS), "--fail-on", "incomplete")
    assert code == 0, err
    code, _, err = run(str(full), "-t", str(TARGETS), "--fail-on", "missed")
    assert code == 2
    assert "incomplete" in err


def test_a_programme_without_regions_is_a_usage_error() -> None:
    code, _, err = run(str(RETURNS), "-t", "yen-bai-nq20")
    assert code == 2
    assert "regions" in err


# ---- the report's warning -------------------------------------------------------------


def test_report_warns_once_how_many_regions_have_not_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(RETURNS),
            "-t",
            str(TARGETS),
            "--as-of",
            "2026-11",
            "--lang",
            "en",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "regions_not_reported" in line]
    # htx_count is the one indicator that sums its regions: 5 missing (Mù Cang Chải, Trạm
    # Tấu late; Cốc Lầu, Khao Mang, Lâm Thượng never)
    assert len(said) == 1
    assert re.search(r"\b5 of 12 regions\b", said[0])
    codes = [w["code"] for w in json.loads(result.stdout)["warnings"]]
    assert codes.count("regions_not_reported") == 1
    targets = programme()
    data = read(RETURNS.read_text(encoding="utf-8"), tmp_path, targets)
    assert not_reported(targets, data, parse_period("2026-10"), "t") != []
    # every region with htx_count for 11/2026: no warning
    rows = [f"htx_count,2026-11,{r.name},1" for r in targets.regions]
    full = read("indicator,period,region,value\n" + "\n".join(rows) + "\n", tmp_path, targets)
    assert not_reported(targets, full, parse_period("2026-11"), "t") == []


def test_a_share_given_to_some_regions_is_expected_of_them_only(tmp_path: Path) -> None:
    """htx_members shared out to Tân Lĩnh and Mậu A only (no sum, no each_region): it is
    theirs to report, not the ten others'. Worked: expected 12 + 2 + 12 = 26, reported
    7 + 2 + 6 = 15, late 2 + 0 + 2 = 4, never 3 + 0 + 4 = 7; the forms of the ten others
    leave it out."""
    text = TARGETS.read_text(encoding="utf-8")
    start = text.index('        by_region: {"04567"')
    end = text.index("  - id: tht_count")
    shared = '        by_region: {"04567": 1200, "Xã Mậu A": 1200}\n'
    targets_file = tmp_path / "two-shares.yaml"
    targets_file.write_text(text[:start] + shared + text[end:], encoding="utf-8")
    log = ProblemLog()
    targets = read_targets(targets_file.read_bytes(), "two-shares.yaml", log)
    assert targets is not None, [str(p) for p in log]
    data = read(RETURNS.read_text(encoding="utf-8"), tmp_path, targets)
    found = coverage(targets, data, parse_period("2026-11"))
    assert tuple(found.total) == (26, 15, 4, 7)
    members = next(i for i in found.per_indicator if i.indicator == "htx_members")
    assert tuple(members.rate) == (2, 2, 0, 0)
    sa_pa = next(r for r in found.regions if r.name == "Phường Sa Pa")
    assert (sa_pa.expected, sa_pa.complete) == (2, True)
    code, out, err = run(str(RETURNS), "-t", str(targets_file), "--as-of", "2026-11", "-f", "json")
    assert code == 0, err
    regions = {r["region"]: r for r in json.loads(out)["regions"]}
    assert set(regions["Phường Sa Pa"]["indicators"]) == {"htx_count", "tht_count"}
    folder = tmp_path / "forms"
    done = CliRunner().invoke(
        app, ["template", "--by", "region", "-t", str(targets_file), "-o", str(folder)]
    )
    assert done.exit_code == 0, done.stderr
    import openpyxl

    def listed(name: str) -> list[object]:
        sheet = openpyxl.load_workbook(folder / name).active
        assert sheet is not None
        return [r[0].value for r in sheet.iter_rows(min_row=8) if r[0].value]

    assert listed("xa-mau-a.xlsx") == ["Số hợp tác xã", "Số thành viên hợp tác xã", "Số tổ hợp tác"]
    assert listed("phuong-sa-pa.xlsx") == ["Số hợp tác xã", "Số tổ hợp tác"]


def test_a_region_name_never_starts_a_formula_in_the_csv(tmp_path: Path) -> None:
    targets = tmp_path / "t.yaml"
    text = TARGETS.read_text(encoding="utf-8")
    targets.write_text(text.replace("Xã Khao Mang", "=HYPERLINK(1)"), encoding="utf-8")
    code, out, err = run(str(RETURNS), "-t", str(targets), "--as-of", "2026-11", "-f", "csv")
    assert code == 0, err
    assert "'=HYPERLINK(1),,htx_count,never" in out


def test_its_error_lines_speak_the_language_asked_after_the_command(tmp_path: Path) -> None:
    """`--lang en` after `coverage` (SPEC §1: wherever it stands): the `ktt: error:` lines
    in English too, and KTT_LANG as it was after the run."""
    import os

    code, _, err = run(str(RETURNS), "-t", "yen-bai-nq20", "--lang", "en")
    assert code == 2
    assert "the programme yen-bai-nq20 lists no regions" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,region,value\nhtx_count,2026-13,Xã Mậu A,1\n", "utf-8")
    code, _, err = run(str(bad), "-t", str(TARGETS), "--lang", "en")
    assert code == 2
    assert err.splitlines()[-1] == "ktt: error: 1 error(s) in the actuals; nothing was computed"
    assert "KTT_LANG" not in os.environ


def test_it_does_not_repeat_the_reports_warnings_about_sums_of_regions() -> None:
    """The fixture has no territory rows and no complete sum: the report warns of both,
    per period; coverage shows who is missing, and its stderr says nothing of sums."""
    code, _, err = run(str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11")
    assert code == 0, err
    assert err == ""
    result = CliRunner().invoke(app, ["report", str(RETURNS), "-t", str(TARGETS), "-f", "json"])
    assert "regions_missing" in result.stderr
    assert "no_territory_rows" in result.stderr


STATUS_WORDS = {
    "vi": r"đã báo cáo|muộn \([^)]*\)|chưa bao giờ",
    "en": r"reported|late \([^)]*\)|never",
}


def grid_of(fmt: str, lang: str, tmp_path: Path) -> dict[str, list[str]]:
    """Each region's marks (as written) in the order of the indicators, read from `fmt`."""
    args = [str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11", "-f", fmt, "--lang", lang]
    if fmt == "xlsx":
        import openpyxl

        out = tmp_path / f"c-{lang}.xlsx"
        code, _, err = run(*args, "-o", str(out))
        assert code == 0, err
        grid = openpyxl.load_workbook(out).worksheets[1]
        rows = [[c.value for c in r] for r in grid.iter_rows(min_row=2)]
        return {str(r[0]): [str(v) for v in r[2:]] for r in rows}
    code, out, err = run(*args)
    assert code == 0, err
    found: dict[str, list[str]] = {}
    lines = [re.sub(r"<[^>]*>", "|", line) for line in out.splitlines()]  # HTML: cells
    for region in (r.name for r in programme().regions):
        line = next(
            line for line in lines if region in line and re.search(STATUS_WORDS[lang], line)
        )
        found[region] = re.findall(STATUS_WORDS[lang], line)
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_marks_every_region_and_indicator_alike(tmp_path: Path, lang: str) -> None:
    """The 36 marks of the table, Markdown, HTML and the workbook are one grid, word for
    word, and it is the JSON's and the CSV's statuses (with the latest period of a late
    one named in the words)."""
    grids = {fmt: grid_of(fmt, lang, tmp_path) for fmt in ("table", "markdown", "html", "xlsx")}
    assert grids["table"] == grids["markdown"] == grids["html"] == grids["xlsx"]
    late = {"vi": "muộn", "en": "late"}[lang]
    words = {
        "reported": STATUS_WORDS[lang].split("|")[0],
        "never": STATUS_WORDS[lang].split("|")[2],
    }
    regions = as_json()["regions"]
    assert isinstance(regions, list)
    code, out, err = run(str(RETURNS), "-t", str(TARGETS), "--as-of", "2026-11", "-f", "csv")
    assert code == 0, err
    by_csv = {(r["region"], r["indicator"]): r for r in csv.DictReader(io.StringIO(out))}
    for region in regions:
        marks = grids["table"][region["region"]]
        for (indicator, cell), mark in zip(region["indicators"].items(), marks, strict=True):
            assert by_csv[(region["region"], indicator)]["status"] == cell["status"]
            if cell["status"] == "late":
                assert mark.startswith(late)
                assert (cell["latest_period"][:4]) in mark  # its year at least, as shown
            else:
                assert mark == words[cell["status"]]


@settings(max_examples=25, deadline=None)
@given(st.sets(st.sampled_from(CELLS)), st.booleans())
@example(set(CELLS), False)  # all in: exit 0
@example(set(CELLS) - {(11, 2)}, True)  # one late: exit 1
def test_the_exit_code_is_1_exactly_while_an_expected_figure_is_missing(
    reported: set[tuple[int, int]], late_too: bool
) -> None:
    """Through the command: any set of the 36 figures for 11/2026 (and, maybe, every
    figure for 10/2026, which makes the missing ones late, not never): exit 1 exactly
    when one of the 36 is missing for 11/2026, and the count said is the missing ones."""
    targets = programme()
    names = [r.name for r in targets.regions]
    ids = ["htx_count", "htx_members", "tht_count"]
    rows = [f"{ids[i]},2026-11,{names[r]},1" for r, i in sorted(reported)]
    if late_too:
        rows += [f"{i},2026-10,{n},1" for n in names for i in ids]
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "returns.csv"
        data.write_text("indicator,period,region,value\n" + "\n".join(rows) + "\n", "utf-8")
        code, out, err = run(
            str(data), "-t", str(TARGETS), "--as-of", "2026-11", "--fail-on", "incomplete",
            "-f", "json", "--lang", "en",
        )  # fmt: skip
    assert code == (1 if len(reported) < 36 else 0), err
    assert json.loads(out)["total"]["reported"] == len(reported)
    if code == 1:
        assert f"{36 - len(reported)} of 36 expected figure(s) missing" in err
