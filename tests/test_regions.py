"""Regions (SPEC §8): region lists and names, targets shared out and for every region,
totals from regions, and the breakdown by region, with known answers worked by hand."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from helpers import invoke, read_text
from ktt_cli import i18n
from ktt_cli.model import TargetsFile
from ktt_cli.periods import parse_period
from ktt_cli.problems import ProblemLog
from ktt_cli.progress import Status
from ktt_cli.render.json import RESULT_FIELDS
from ktt_cli.report import build_report
from ktt_cli.results import Report, Result
from ktt_cli.store import SUM_OF_REGIONS, Actuals
from ktt_cli.targets_file import read_targets

#: A small programme with 3 regions; `htx` is shared out among them and added up from
#: them, `members` has a target for the territory and one for every region.
PROGRAMME = """\
schema_version: 1
programme:
  id: three-communes
  name: "Ba xã"
  issuer: "Test"
  implements: "Nghị quyết 20-NQ/TW"
  territory: "Tỉnh Thử"
  source: "invented for tests"
regions:
  - {id: "01", name: "Xã An Bình", aliases: ["An Binh"]}
  - {id: "02", name: "Xã Bảo Ái"}
  - {id: "03", name: "Phường Cát", part_of: "Huyện Cũ"}
indicators:
  - id: htx
    name: "Số hợp tác xã"
    unit: count
    aliases: ["Số HTX"]
    from_regions: sum
    targets:
      - year: 2030
        value: 30
        text: "30 hợp tác xã"
        by_region: {"01": 10, "Xã Bảo Ái": 12, "03": 8}
  - id: members
    name: "Thành viên"
    unit: persons
    targets:
      - year: 2030
        value: 400
        text: "400 thành viên"
      - year: 2030
        scope: each_region
        value: 100
        text: "mỗi xã có ít nhất 100 thành viên"
"""

#: Region cells written as files write them: without `Xã`, without diacritics, by code.
DATA = """\
indicator,period,region,value
htx,2020,An Bình,4
htx,2020,xa bao ai,6
htx,2020,03,5
htx,2022,,18
htx,2022,Xã An Bình,5
htx,2022,Bảo Ái,7
htx,2022,Phường Cát,4
htx,2024,An Binh,6
htx,2024,Xã Bảo Ái,9
members,2023,,290
members,2023,Xã An Bình,80
members,2023,Xã Bảo Ái,120
members,2023,Phường Cát,90
members,2024,,335
members,2024,Xã An Bình,110
members,2024,Xã Bảo Ái,130
members,2024,Phường Cát,95
"""


def programme(text: str = PROGRAMME) -> tuple[TargetsFile | None, ProblemLog]:
    log = ProblemLog()
    return read_targets(text.encode(), "t.yaml", log), log


@pytest.fixture
def three() -> TargetsFile:
    targets, log = programme()
    assert targets is not None, [str(p) for p in log]
    assert not list(log), [str(p) for p in log]
    return targets


def read(tmp_path: Path, targets: TargetsFile, data: str = DATA) -> tuple[Actuals, ProblemLog]:
    return read_text(tmp_path, data, targets=targets)


def codes(log: ProblemLog) -> list[str]:
    return [p.code for p in log]


# ---- the targets file --------------------------------------------------------------


def test_regions_and_their_targets_are_read(three: TargetsFile) -> None:
    assert [r.name for r in three.regions] == ["Xã An Bình", "Xã Bảo Ái", "Phường Cát"]
    htx = three.indicator("htx")
    assert htx.from_regions == "sum"
    assert htx.aliases == ["Số HTX"]
    assert htx.targets[0].by_region == {"01": 10, "Xã Bảo Ái": 12, "03": 8}
    assert [t.scope for t in three.indicator("members").targets] == ["territory", "each_region"]


def test_by_region_naming_an_unlisted_region_is_refused_with_its_place() -> None:
    targets, log = programme(PROGRAMME.replace('"Xã Bảo Ái": 12', '"Xã Bao Ai Moi": 12'))
    assert targets is None
    (problem,) = [p for p in log if p.code == "unknown_region"]
    assert problem.line == 23
    assert "Xã Bao Ai Moi" in problem.message
    assert "did you mean 'Xã Bảo Ái'" in problem.message


def test_a_by_region_total_that_differs_from_the_target_is_a_warning() -> None:
    targets, log = programme(PROGRAMME.replace('"03": 8}', '"03": 7}'))
    assert targets is not None
    (problem,) = list(log)
    assert (problem.code, problem.severity) == ("by_region_total", "warning")
    assert "29" in problem.message
    assert "30" in problem.message


def test_from_regions_on_a_percent_indicator_is_refused() -> None:
    text = PROGRAMME.replace(
        "    unit: count\n", '    unit: percent\n    share_of: "các HTX"\n'
    ).replace('value: 30\n        text: "30 hợp tác xã"', 'value: 30\n        text: "30%"')
    targets, log = programme(text)
    assert targets is None
    assert "from_regions_percent" in codes(log)


def test_region_names_that_normalise_alike_are_refused() -> None:
    targets, log = programme(PROGRAMME.replace('name: "Phường Cát"', 'name: "xa an binh"'))
    assert targets is None
    assert "duplicate_region" in codes(log)


def test_years_are_unique_per_scope() -> None:
    targets, _ = programme()
    assert targets is not None  # 2030 twice, once for the territory and once for each region
    doubled = PROGRAMME.replace("value: 400", "scope: each_region\n        value: 400")
    targets, log = programme(doubled)
    assert targets is None
    assert "duplicate_year" in codes(log)


def test_the_schema_has_the_region_fields() -> None:
    from ktt_cli.model import json_schema

    schema = str(json_schema())
    for field in ("by_region", "each_region", "from_regions", "part_of", "aliases"):
        assert field in schema


# ---- reading -----------------------------------------------------------------------


def test_region_cells_match_ids_names_and_aliases(tmp_path: Path, three: TargetsFile) -> None:
    actuals, _ = read(tmp_path, three)
    assert actuals.region_names("htx") == {
        "xã_an_bình": "Xã An Bình",
        "xã_bảo_ái": "Xã Bảo Ái",
        "phường_cát": "Phường Cát",
    }
    assert [o.value for o in actuals.region_series("htx", "xã_an_bình")] == [4, 5, 6]


def test_an_unknown_region_is_an_error_with_did_you_mean(
    tmp_path: Path, three: TargetsFile
) -> None:
    _, log = read(tmp_path, three, DATA + "htx,2024,Phuong Catt,3\n")
    (problem,) = [p for p in log if p.code == "unknown_region"]
    assert problem.severity == "error"
    assert problem.line == 19
    assert "did you mean 'Phường Cát'" in problem.message


def test_without_a_list_any_name_is_a_region(tmp_path: Path, three: TargetsFile) -> None:
    bare = three.model_copy(update={"regions": []})
    actuals, log = read(tmp_path, bare, "indicator,period,region,value\nhtx,2024,Xã Mới,3\n")
    assert "unknown_region" not in codes(log)
    assert actuals.region_names("htx") == {"xã_mới": "Xã Mới"}


def test_from_regions_sum_where_complete_and_not_where_a_region_is_missing(
    tmp_path: Path, three: TargetsFile
) -> None:
    actuals, log = read(tmp_path, three)
    # 2020: no territory row; 4 + 6 + 5 = 15, marked as a sum.
    # 2022: the territory's own row, 18. 2024: Phường Cát has no figure: no sum.
    series = actuals.series["htx"]
    assert [(o.period.text, o.value) for o in series] == [("2020", 15), ("2022", 18)]
    assert series[0].qualifier == SUM_OF_REGIONS
    assert series[1].qualifier is None
    (missing,) = [p for p in log if p.code == "regions_missing"]
    assert "2024" in missing.message
    assert "Phường Cát" in missing.message
    assert "Xã An Bình" not in missing.message


def test_regions_that_do_not_add_up_to_the_territory_are_told(
    tmp_path: Path, three: TargetsFile
) -> None:
    _actuals, log = read(tmp_path, three)
    # 2022: 5 + 7 + 4 = 16 against the territory's 18; members add up (290, 335).
    (disagree,) = [p for p in log if p.code == "regions_disagree"]
    assert disagree.line == 5
    assert "16" in disagree.message
    assert "18" in disagree.message
    assert disagree.severity == "warning"


# ---- the report ----------------------------------------------------------------------


def report_of(tmp_path: Path, targets: TargetsFile, **options: object) -> Report:
    actuals, log = read(tmp_path, targets)
    assert not log.errors, [str(p) for p in log]
    return build_report(targets, actuals, targets_file="t.yaml", **options)  # type: ignore[arg-type]


def row(report: Report, indicator: str, region: str, scope: str = "territory") -> Result:
    return next(
        r
        for r in report.breakdown
        if (r.indicator, r.region, r.target_scope) == (indicator, region, scope)
    )


def test_a_region_is_measured_against_its_share(tmp_path: Path, three: TargetsFile) -> None:
    report = report_of(tmp_path, three, by_region=True)
    # Xã An Bình, htx, its share 10 (by code "01"): 4 in 2020, 5 in 2022, 6 in 2024.
    # gap 10 - 6 = 4; achieved 100 × 6/10 = 60; progress 100 × (6-4)/(10-4) = 33.33;
    # CAGR_o = (6/4)^(1/4) - 1 = 0.106682, CAGR_r = (10/4)^(1/10) - 1 = 0.095958,
    # R = 1.11175 -> on_track.
    r = row(report, "htx", "Xã An Bình")
    assert (r.target, r.actual, r.actual_period, r.baseline) == (10, 6, "2024", 4)
    assert r.assessment.gap == 4
    assert r.assessment.percent_achieved == pytest.approx(60)
    assert r.assessment.progress_from_baseline == pytest.approx(33.3333, abs=1e-4)
    assert r.assessment.growth_ratio == pytest.approx(1.11175, abs=1e-4)
    assert r.status is Status.ON_TRACK
    assert r.region_id == "01"
    # Phường Cát, share 8: 5 in 2020, 4 in 2022 (none in 2024): achieved 50, going down;
    # its share of the territory: 4 of the territory's 18 in 2022 = 22.22%.
    c = row(report, "htx", "Phường Cát")
    assert (c.actual, c.baseline, c.status) == (4, 5, Status.DETERIORATION)
    assert c.share_of_territory == pytest.approx(22.2222, abs=1e-4)
    # lagging first: Phường Cát 50%, Xã An Bình 60%, Xã Bảo Ái 75% (9 of 12)
    htx_rows = [r.region for r in report.breakdown if r.indicator == "htx"]
    assert htx_rows == ["Phường Cát", "Xã An Bình", "Xã Bảo Ái"]


def test_a_region_with_no_share_has_its_figures_and_its_share_of_the_territory(
    tmp_path: Path, three: TargetsFile
) -> None:
    report = report_of(tmp_path, three, by_region=True)
    # members 2024: Xã An Bình 110 of the territory's 335 = 32.836%
    r = row(report, "members", "Xã An Bình")
    assert r.status is Status.NO_TARGET
    assert (r.target, r.actual, r.baseline) == (None, 110, 80)
    assert r.share_of_territory == pytest.approx(32.8358, abs=1e-4)


def test_a_region_row_shows_the_bound_source_and_note_of_its_own_latest_figure(
    tmp_path: Path, three: TargetsFile
) -> None:
    data = (
        "indicator,period,region,value,source,note\n"
        "members,2023,,290,,\n"
        "members,2023,Xã An Bình,80,Sổ xã 2023,\n"
        "members,2024,,335,,\n"
        'members,2024,Xã An Bình,>110,"Báo cáo xã, 12/2024",ước tính\n'
        "members,2024,Xã Bảo Ái,130,,\n"
    )
    actuals, log = read(tmp_path, three, data)
    assert not log.errors, [str(p) for p in log]
    report = build_report(three, actuals, targets_file="t.yaml", by_region=True)
    r = row(report, "members", "Xã An Bình")
    assert (r.actual, r.actual_period, r.baseline, r.baseline_period) == (110, "2024", 80, "2023")
    assert (r.actual_qualifier, r.actual_source, r.actual_note) == (
        ">",
        "Báo cáo xã, 12/2024",
        "ước tính",
    )
    # one figure: no baseline; nothing of the other region's source
    b = row(report, "members", "Xã Bảo Ái")
    assert (b.actual, b.baseline, b.actual_source, b.actual_qualifier) == (130, None, None, None)


def test_an_each_region_target_counts_regions_over_two_periods(
    tmp_path: Path, three: TargetsFile
) -> None:
    report = report_of(tmp_path, three)
    # at least 100 members in each region. 2023: 80, 120, 90 -> 1 region of 3;
    # 2024: 110, 130, 95 -> 2 of 3 (Phường Cát not yet). achieved 2/3 = 66.67%;
    # progress (2-1)/(3-1) = 50%; CAGR_o = 2/1 - 1 = 1, CAGR_r = 3^(1/7) - 1 = 0.169931,
    # R = 5.8847 -> on_track.
    (r,) = [r for r in report.results if r.target_scope == "each_region"]
    assert (r.target, r.actual, r.actual_period, r.baseline, r.baseline_period) == (
        3,
        2,
        "2024",
        1,
        "2023",
    )
    assert (r.regions_met, r.regions_total, r.regions_not_met) == (2, 3, ("Phường Cát",))
    assert r.assessment.percent_achieved == pytest.approx(66.6667, abs=1e-4)
    assert r.assessment.growth_ratio == pytest.approx(5.8847, abs=1e-4)
    assert r.status is Status.ON_TRACK
    # at 2023 alone: 1 of 3, and no earlier moment to measure growth from
    early = report_of(tmp_path, three, as_of=parse_period("2023"))
    (r,) = [r for r in early.results if r.target_scope == "each_region"]
    assert (r.actual, r.regions_not_met) == (1, ("Xã An Bình", "Phường Cát"))
    assert r.status is Status.INSUFFICIENT_DATA
    # each region against 100 in the breakdown
    report = report_of(tmp_path, three, by_region=True)
    assert row(report, "members", "Phường Cát", "each_region").status is Status.ON_TRACK


def test_each_region_with_no_regions_is_no_data_with_a_warning(tmp_path: Path) -> None:
    bare, log = programme(
        PROGRAMME.split("regions:")[0]
        + "indicators:"
        + PROGRAMME.split("indicators:")[1].replace(
            '        by_region: {"01": 10, "Xã Bảo Ái": 12, "03": 8}\n', ""
        )
    )
    assert bare is not None, [str(p) for p in log]
    data = "indicator,period,value\nmembers,2024,335\n"
    actuals, _ = read(tmp_path, bare, data)
    report = build_report(bare, actuals, targets_file="t.yaml")
    (r,) = [r for r in report.results if r.target_scope == "each_region"]
    assert r.status is Status.NO_DATA
    assert r.regions_total == 0
    (warning,) = [w for w in report.warnings if w.code == "no_regions"]
    assert warning.file == "t.yaml"


def test_without_by_region_there_is_no_breakdown(tmp_path: Path, three: TargetsFile) -> None:
    report = report_of(tmp_path, three)
    assert report.breakdown == ()
    narrowed = report_of(tmp_path, three, by_region=True, regions=["phường_cát"])
    assert {r.region for r in narrowed.breakdown} == {"Phường Cát"}


# ---- ktt report --by region, in every format -------------------------------------------


def cli(tmp_path: Path, *args: str, data: str = DATA, programme_text: str = PROGRAMME):
    (tmp_path / "t.yaml").write_text(programme_text, encoding="utf-8")
    (tmp_path / "d.csv").write_text(data, encoding="utf-8")
    result = invoke(["report", str(tmp_path / "d.csv"), "-t", str(tmp_path / "t.yaml"), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_json_breakdown_has_every_result_field_and_the_region_fields(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--format", "json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    first = data["breakdown"][0]
    assert set(RESULT_FIELDS) <= set(first)
    assert first["region"] == "Phường Cát"
    assert first["region_id"] == "03"
    assert first["target_scope"] == "territory"
    assert first["share_of_territory"] == pytest.approx(22.2222, abs=1e-4)
    assert len(data["breakdown"]) == 9  # 3 regions × (htx 2030, members 2030 × 2 scopes)
    each = next(r for r in data["results"] if r["target_scope"] == "each_region")
    assert each["regions_not_met"] == ["Phường Cát"]
    assert (each["regions_met"], each["regions_total"]) == (2, 3)
    htx = next(r for r in data["results"] if r["indicator"] == "htx")
    assert htx["target_scope"] == "territory"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("earlier", [None, "2023"])
def test_the_breakdown_written_from_pieces_is_what_the_json_module_writes(
    tmp_path: Path, three: TargetsFile, lang: str, earlier: str | None
) -> None:
    """render/json.py writes a breakdown row from cached pieces: each line must be the
    json module's own text of the row's dict, key for key and byte for byte."""
    from ktt_cli.render.json import (
        breakdown_dict,
        breakdown_lines,
        dumps,
        report_dict,
        report_json,
        rows_dicts,
    )

    # a source with a quote and a control character, a bound, a note, shares as floats
    data = DATA.replace("htx,2024,Xã Bảo Ái,9", 'htx,2024,Xã Bảo Ái,>9,"Sổ ""xã""\t2024",x')
    data = data.replace("region,value", "region,value,source,note")
    data = "\n".join(line if line.count(",") == 5 else line + ",," for line in data.splitlines())
    actuals, log = read(tmp_path, three, data + "\n")
    assert not log.errors, [str(p) for p in log]
    compare_with = parse_period(earlier) if earlier else None
    report = build_report(
        three, actuals, targets_file="t.yaml", by_region=True, compare_with=compare_with
    )
    expected = [
        json.dumps(row, ensure_ascii=False, allow_nan=False)
        for row in rows_dicts(report, report.breakdown, lang, breakdown_dict)
    ]
    assert list(breakdown_lines(report, lang)) == expected
    assert report_json(report, lang) == dumps(report_dict(report, lang))
    assert any('"actual_source": "Sổ \\"xã\\"\\t2024"' in line for line in expected)
    assert any('"previous": {' in line for line in expected) == (earlier is not None)


def test_a_long_breakdown_is_written_in_parts_that_make_the_whole_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--format json writes a breakdown as it is made, some rows a part: the parts, to
    standard output or to a file, are the document json.dumps would give."""
    from ktt_cli.render import json as json_render

    monkeypatch.setattr(json_render, "_ROWS_A_PART", 2)  # 9 rows: parts of 2, and a last
    targets, _ = programme()
    assert targets is not None
    actuals, _ = read(tmp_path, targets)
    report = build_report(targets, actuals, targets_file="t.yaml", by_region=True)
    parts = list(json_render.report_json_parts(report, "vi"))
    assert len(parts) == 2 + 5  # before, 4 parts of 2 rows and the last with 1, after
    assert "".join(parts) == json_render.dumps(json_render.report_dict(report, "vi"))
    for empty in (report._replace(breakdown=()), report._replace(by_region=False)):
        assert json_render.report_json(empty, "en") == json_render.dumps(
            json_render.report_dict(empty, "en")
        )
    out = tmp_path / "r.json"
    to_file = cli(tmp_path, "--by", "region", "--format", "json", "--output", str(out))
    to_stdout = cli(tmp_path, "--by", "region", "--format", "json")
    assert to_file.exit_code == to_stdout.exit_code == 0
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert len(json.loads(to_stdout.stdout)["breakdown"]) == 9


def test_without_by_region_json_has_no_breakdown(tmp_path: Path) -> None:
    data = json.loads(cli(tmp_path, "--format", "json").stdout)
    assert "breakdown" not in data


def test_region_narrows_the_breakdown(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--region", "cat", "--region", "01", "-f", "json")
    assert done.exit_code == 0, done.output
    regions = {r["region"] for r in json.loads(done.stdout)["breakdown"]}
    assert regions == {"Phường Cát", "Xã An Bình"}


def test_an_unknown_region_option_is_a_usage_error_with_did_you_mean(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--region", "Bao Aii")
    assert done.exit_code == 2
    assert "có phải ý bạn là 'Xã Bảo Ái'" in done.stderr  # Vietnamese, as the whole run
    done = cli(tmp_path, "--by", "region", "--region", "Bao Aii", "--lang", "en")
    assert "did you mean 'Xã Bảo Ái'" in done.stderr


def test_csv_breakdown_has_a_region_column_blank_for_the_territory(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert next(iter(rows[0])) == "region"
    assert [r["region"] for r in rows[:3]] == ["", "", ""]  # the territory's results first
    assert [r["region"] for r in rows[3:6]] == ["Phường Cát", "Xã An Bình", "Xã Bảo Ái"]
    assert rows[5]["percent_achieved"] == "75"
    assert rows[2]["regions_not_met"] == "Phường Cát"


def test_markdown_breakdown(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--format", "markdown", "--lang", "en")
    assert "## By region" in done.stdout
    assert "| Phường Cát | ≥ 8 | 4 (2022) | 4 | 50% | deterioration | 22.2% |" in done.stdout
    assert "| Xã An Bình | — | 110 (2024) | — | — | no target | 32.8% |" in done.stdout
    plain = cli(tmp_path, "--format", "markdown", "--lang", "en").stdout
    assert "By region" not in plain
    assert "| Phường Cát |" not in plain  # no row of the breakdown (the summary may name it)


def test_region_names_are_escaped_like_any_text(tmp_path: Path) -> None:
    data = "indicator,period,region,value\nhtx,2024,=HYPERLINK(1)|<b>x</b>,3\n"
    bare = PROGRAMME.split("regions:")[0] + "indicators:" + PROGRAMME.split("indicators:")[1]
    bare = bare.replace('        by_region: {"01": 10, "Xã Bảo Ái": 12, "03": 8}\n', "")
    out = cli(tmp_path, "--by", "region", "-f", "csv", data=data, programme_text=bare).stdout
    assert "'=HYPERLINK(1)|<b>x</b>" in out
    md = cli(tmp_path, "--by", "region", "-f", "markdown", data=data, programme_text=bare)
    assert "=HYPERLINK(1)\\|&lt;b&gt;x&lt;/b&gt;" in md.stdout  # text, never a tag


def words_of(text: str) -> Counter[str]:
    return Counter(t for t in text.split() if t.isalpha())


def test_the_table_of_150_communes_fits_80_columns_without_a_broken_word(
    tmp_path: Path,
) -> None:
    from ktt_cli.render.table import report_view
    from ktt_cli.streams import render_text

    first = ["Tân", "Nghĩa", "Phong", "Mậu", "Khánh", "Lâm", "Việt", "Hồng", "Đông", "Bảo"]
    second = ["Lĩnh", "Thượng", "Hòa", "Yên", "Thịnh", "Hưng", "Xuyên", "Sơn", "Tiến", "Long"]
    names = [
        f"{'Phường' if k % 4 == 0 else 'Xã'} {first[k % 10]} {second[k // 10 % 10]} "
        f"{'Thượng Lưu' if k >= 100 else ''}".strip()
        for k in range(150)
    ]
    regions = "".join(f'  - {{id: "{10000 + k}", name: "{n}"}}\n' for k, n in enumerate(names))
    text = (
        PROGRAMME.split("regions:")[0]
        + "regions:\n"
        + regions
        + "indicators:"
        + PROGRAMME.split("indicators:")[1]
    ).replace(
        '        by_region: {"01": 10, "Xã Bảo Ái": 12, "03": 8}\n',
        "        by_region: {" + ", ".join(f'"{10000 + k}": 1' for k in range(30)) + "}\n",
    )
    targets, log = programme(text)
    assert targets is not None, [str(p) for p in log]
    lines = ["indicator,period,region,value"]
    for k in range(150):
        lines += [f"members,2023,{10000 + k},{80 + k}", f"members,2024,{10000 + k},{95 + k * 3}"]
        lines += [f"htx,2024,{10000 + k},{k % 3}"]
    lines += ["members,2023,,40000", "members,2024,,45000"]
    actuals, log = read(tmp_path, targets, "\n".join(lines) + "\n")
    assert not log.errors, [str(p) for p in log][:3]
    report = build_report(targets, actuals, targets_file="t.yaml", by_region=True)
    # the file's name as an analyst gives it, not a temporary path whose length varies
    # from run to run, and which a narrow table cuts where it must
    report = report._replace(actuals_files=("data.csv",))
    for lang in ("vi", "en"):
        shown = render_text(report_view(report, lang), width=80)
        assert max(len(line) for line in shown.splitlines()) <= 80
        # wrapping between words keeps every word; a word split inside itself would not
        wide = render_text(report_view(report, lang), width=250)
        assert words_of(shown) == words_of(wide)
        tokens = set(shown.split())
        for name in names:
            assert set(name.split()) <= tokens, name
        # totals first, then the regions, lagging first
        section = shown[shown.index(i18n.label(lang, "breakdown") + ":") :]
        # (the label may wrap between its words in a narrow region column)
        total = section.index(i18n.label(lang, "territory_total").split()[0])
        assert total < min(section.index(" Xã "), section.index(" Phường "))


def test_table_breakdown_from_the_command(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--lang", "en")
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert "By region: Số hợp tác xã: Targets for 2030" in out
    assert out.index("Whole territory") < out.index("Phường Cát") < out.index("Xã Bảo Ái")
    assert "no target" in out
    assert "By region" not in cli(tmp_path, "--lang", "en").stdout


def test_html_breakdown_has_region_tables_and_a_chart_comparing_them(tmp_path: Path) -> None:
    done = cli(tmp_path, "--by", "region", "--format", "html", "--lang", "en")
    assert done.exit_code == 0, done.output
    page = done.stdout
    part = page[page.index('<section class="breakdown">') : page.index('<section class="charts">')]
    assert "<h2>By region</h2>" in part
    assert part.count('<table class="results regions">') == 3
    assert part.count('<figure class="chart regions-chart"><svg') == 2  # none for no_target
    table = part[part.index('<table class="results regions">') :]  # after "Furthest behind: …"
    rows = table.index("Whole territory") < table.index("Phường Cát") < table.index("Xã Bảo Ái")
    assert rows
    chart = part[part.index("<svg") :]
    assert "Phường Cát" in chart  # names are text in the chart, selectable
    assert "By region" not in cli(tmp_path, "--format", "html").stdout


def test_html_escapes_region_names(tmp_path: Path) -> None:
    data = "indicator,period,region,value\nhtx,2023,<b>$x$</b>,2\nhtx,2024,<b>$x$</b>,3\n"
    bare = PROGRAMME.split("regions:")[0] + "indicators:" + PROGRAMME.split("indicators:")[1]
    text = bare.replace('{"01": 10, "Xã Bảo Ái": 12, "03": 8}', '{"<b>$x$</b>": 10}')
    text = text.replace("indicators:", 'regions:\n  - {name: "<b>$x$</b>"}\nindicators:', 1)
    text = text.replace("value: 30\n", "value: 10\n").replace('"30 hợp tác xã"', '"10 HTX"')
    page = cli(tmp_path, "--by", "region", "-f", "html", data=data, programme_text=text)
    assert page.exit_code == 0, page.output
    assert "<b>$x$</b>" not in page.stdout
    assert "&lt;b&gt;$x$&lt;/b&gt;" in page.stdout


def test_xlsx_has_a_breakdown_sheet(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "r.xlsx"
    done = cli(tmp_path, "--by", "region", "-f", "xlsx", "-o", str(out), "--lang", "en")
    assert done.exit_code == 0, done.output
    book = openpyxl.load_workbook(out)
    assert "By region" in book.sheetnames
    rows = list(book["By region"].iter_rows(values_only=True))
    assert rows[1][4] == "Whole territory"
    assert rows[2][4:8] == ("Phường Cát", "03", 8, 4)
    assert rows[2][10] == 50  # a number, not text
    assert rows[2][12] == "deterioration"
    assert len(rows) == 1 + 3 * 4  # a territory row and 3 regions for each of 3 targets
    plain = tmp_path / "plain.xlsx"
    cli(tmp_path, "-f", "xlsx", "-o", str(plain), "--lang", "en")
    assert "By region" not in openpyxl.load_workbook(plain).sheetnames


def test_the_synthetic_example_reads_and_breaks_down() -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    data, targets = examples / "synthetic-communes.csv", examples / "synthetic-communes.yaml"
    assert "INVENTED" in data.read_text(encoding="utf-8").splitlines()[0]
    assert "INVENTED" in targets.read_text(encoding="utf-8")
    done = invoke(["report", str(data), "-t", str(targets), "--by", "region", "-f", "json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    htx = next(r for r in report["results"] if r["indicator"] == "htx_count")
    assert htx["actual_qualifier"] == SUM_OF_REGIONS  # added up from the 8 communes
    regions = {r["region"] for r in report["breakdown"]}
    assert len(regions) == 8


def test_a_share_written_with_a_thousands_separator_is_refused() -> None:
    text = PROGRAMME.replace('"03": 8}', '"03": 1.000}').replace("value: 30\n", "value: 1022\n")
    targets, log = programme(text.replace('"30 hợp tác xã"', '"1022 hợp tác xã"'))
    assert targets is None
    (problem,) = [p for p in log if p.code == "thousands_separator"]
    assert problem.line == 23


def test_a_code_that_lost_its_leading_zero_still_names_its_region(
    tmp_path: Path, three: TargetsFile
) -> None:
    # a spreadsheet reads the code "01" as the number 1
    actuals, log = read(tmp_path, three, "indicator,period,region,value\nhtx,2024,1,3\n")
    assert not log.errors, [str(p) for p in log]
    assert actuals.region_names("htx") == {"xã_an_bình": "Xã An Bình"}


def test_a_region_at_one_moment_keeps_the_coarsest_period(
    tmp_path: Path, three: TargetsFile
) -> None:
    data = (
        "indicator,period,region,value\n"
        "htx,2022,Xã An Bình,5\nhtx,2022-12,Xã An Bình,4\n"
        "htx,2024-12,Xã An Bình,7\nhtx,2024,Xã An Bình,6\nhtx,2025-03,Xã An Bình,9\n"
    )
    actuals, _ = read(tmp_path, three, data)
    report = build_report(
        three, actuals, targets_file="t", as_of=parse_period("2024"), by_region=True
    )
    r = row(report, "htx", "Xã An Bình")
    # as in the series: the annual figure over December's, and nothing after as_of
    assert (r.actual, r.actual_period, r.baseline, r.baseline_period) == (6, "2024", 5, "2022")
    series = actuals.region_series("htx", "xã_an_bình")
    assert [o.value for o in series] == [5, 6, 9]


def test_each_region_without_a_list_counts_the_regions_in_the_data(tmp_path: Path) -> None:
    bare, _ = programme(
        PROGRAMME.split("regions:")[0]
        + "indicators:"
        + PROGRAMME.split("indicators:")[1].replace(
            '        by_region: {"01": 10, "Xã Bảo Ái": 12, "03": 8}\n', ""
        )
    )
    assert bare is not None
    data = "indicator,period,region,value\nmembers,2024,Thôn A,120\nmembers,2024,Thôn B,90\n"
    actuals, _ = read(tmp_path, bare, data)
    report = build_report(bare, actuals, targets_file="t")
    (r,) = [r for r in report.results if r.target_scope == "each_region"]
    assert (r.actual, r.target, r.regions_not_met) == (1, 2, ("Thôn B",))


def test_ktt_targets_says_which_targets_are_for_regions(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(PROGRAMME, encoding="utf-8")
    done = invoke(["targets", "-t", str(tmp_path / "t.yaml"), "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "(each region)" in done.stdout
    assert "(shared out)" in done.stdout


def test_the_template_lists_the_regions(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(PROGRAMME, encoding="utf-8")
    done = invoke(["template", "-t", str(tmp_path / "t.yaml")])
    assert done.exit_code == 0, done.output
    assert "#   Xã An Bình (01)\n" in done.stdout
    assert "#   Phường Cát (03)\n" in done.stdout


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_a_status_of_the_breakdown_is_never_cut_at_80_columns() -> None:
    result = invoke([
            "report", str(EXAMPLES / "synthetic-communes.csv"),
            "-t", str(EXAMPLES / "synthetic-communes.yaml"),
            "--by", "region", "--region", "Trạm Tấu", "--region", "Sa Pa", "-i", "htx_count",
            "--lang", "en",
        ],
        env={"COLUMNS": "80"},
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "acceleration" in result.stdout  # "needs acceleration", wrapped between words
    assert "…" not in result.stdout
