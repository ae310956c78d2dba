"""Regions (SPEC §8): region lists and names, targets shared out and for every region,
totals from regions, and the breakdown by region, with known answers worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from ktt_cli.inputs import sources
from ktt_cli.load.collect import ReadOptions, read_actuals
from ktt_cli.model import TargetsFile
from ktt_cli.numbers import NumberStyle
from ktt_cli.problems import ProblemLog
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
    path = tmp_path / "data.csv"
    path.write_text(data, encoding="utf-8")
    log = ProblemLog()
    actuals = read_actuals(
        sources([str(path)], what="actuals"), targets, ReadOptions(NumberStyle.AUTO, None), log
    )
    return actuals, log


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
        "xa_an_binh": "Xã An Bình",
        "xa_bao_ai": "Xã Bảo Ái",
        "phuong_cat": "Phường Cát",
    }
    assert [o.value for o in actuals.region_series("htx", "xa_an_binh")] == [4, 5, 6]


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
    assert actuals.region_names("htx") == {"xa_moi": "Xã Mới"}


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
