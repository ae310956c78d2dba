"""Names of places and of indicators (SPEC §3, §8): diacritics tell places apart, a unit
word may be left out or abbreviated only where that leaves one region, a cell that could
be the whole territory or a region is refused, totals lines are never regions, and the
territory's own figure for a moment wins over a sum of its regions."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import invoke, read_text
from ktt_cli.load.collect_state import ReadOptions
from ktt_cli.model import TargetsFile
from ktt_cli.problems import ProblemLog
from ktt_cli.store import SUM_OF_REGIONS, Actuals
from ktt_cli.targets_file import read_targets

HEAD = """\
schema_version: 1
programme:
  id: yen-bai
  name: "Yên Bái"
  issuer: "Test"
  implements: "Nghị quyết 20-NQ/TW"
  territory: "Yên Bái"
  source: "invented for tests"
"""
INDICATORS = """\
indicators:
  - id: htx
    name: "Số hợp tác xã"
    unit: count
    aliases: ["Số HTX"]
    from_regions: sum
    targets:
      - year: 2030
        value: 100
        text: "100 hợp tác xã"
"""
#: The ward that bears the province's name, and two communes.
LISTED = """\
regions:
  - {name: "Phường Yên Bái"}
  - {name: "Xã Mậu A"}
  - {name: "Xã Bảo Yên"}
"""
TODAY = date(2026, 12, 7)


def programme(text: str) -> TargetsFile:
    log = ProblemLog()
    targets = read_targets(text.encode(), "t.yaml", log)
    assert targets is not None, [str(p) for p in log]
    return targets


def read(
    tmp_path: Path, targets: TargetsFile, data: str, today: date = TODAY
) -> tuple[Actuals, ProblemLog]:
    return read_text(tmp_path, data, targets=targets, options=ReadOptions(today=today))


def errors(log: ProblemLog) -> list[str]:
    return [p.code for p in log if p.severity == "error"]


# ---- a ward is never taken for the province ------------------------------------------


def test_a_ward_bearing_the_province_name_written_without_its_unit_word_is_refused(
    tmp_path: Path,
) -> None:
    # `Yên Bái;…;30` could be the province or Phường Yên Bái: the old reading took it for
    # the province (its figure 30, where the communes add up to 30 + 11 + 12 = 53).
    data = "region;indicator;period;value\nYên Bái;htx;2024;30\nMậu A;htx;2024;11\n"
    data += "Bảo Yên;htx;2024;12\n"
    actuals, log = read(tmp_path, programme(HEAD + LISTED + INDICATORS), data)
    (problem,) = [p for p in log if p.code == "ambiguous_region"]
    assert problem.severity == "error"
    assert problem.line == 2
    assert "'Yên Bái'" in problem.message
    assert "'Phường Yên Bái'" in problem.message
    assert "htx" not in actuals.series or actuals.series["htx"][0].value != 30


def test_abbreviated_and_omitted_unit_words_name_the_one_region_they_leave(
    tmp_path: Path,
) -> None:
    # P. Yên Bái 30 + X. Mậu A 11 + Bảo Yên 12 = 53, the province's sum of regions
    data = "region;indicator;period;value\nP. Yên Bái;htx;2024;30\nX. Mậu A;htx;2024;11\n"
    data += "Bảo Yên;htx;2024;12\nTỉnh Yên Bái;htx;2025;60\n"
    actuals, log = read(tmp_path, programme(HEAD + LISTED + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert [(o.period.text, o.value, o.qualifier) for o in actuals.series["htx"]] == [
        ("2024", 53, SUM_OF_REGIONS),
        ("2025", 60, None),  # `Tỉnh Yên Bái`: the territory with its unit word
    ]
    assert actuals.region_names("htx") == {
        "phường_yên_bái": "Phường Yên Bái",
        "xã_mậu_a": "Xã Mậu A",
        "xã_bảo_yên": "Xã Bảo Yên",
    }


def test_unit_abbreviations_tt_tp_and_dk(tmp_path: Path) -> None:
    listed = (
        'regions:\n  - {name: "Thị trấn Mường Khương"}\n  - {name: "Thành phố Lào Cai"}\n'
        '  - {name: "Đặc khu Vân Đồn"}\n'
    )
    data = "region;indicator;period;value\nTT. Mường Khương;htx;2024;1\nTP Lào Cai;htx;2024;2\n"
    data += "ĐK Vân Đồn;htx;2024;3\n"
    actuals, log = read(tmp_path, programme(HEAD + listed + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert actuals.series["htx"][0].value == 6  # 1 + 2 + 3


# ---- diacritics tell places apart --------------------------------------------------------


MUONG = """\
regions:
  - {name: "Xã Mường Lai"}
  - {name: "Xã Mường Lại"}
"""


def test_two_communes_that_differ_by_a_tone_mark_are_two_without_a_list(tmp_path: Path) -> None:
    # the old reading took them for one: each period's second row dropped as a repeat,
    # the sum 5 where it is 5 + 5 = 10
    data = "region;indicator;period;value\nXã Mường Lai;htx;2024;5\nXã Mường Lại;htx;2024;5\n"
    actuals, log = read(tmp_path, programme(HEAD + INDICATORS), data)
    assert "repeated_row" not in [p.code for p in log]
    assert actuals.series["htx"][0].value == 10
    (told,) = [p for p in log if p.code == "regions_differ_by_marks"]
    assert told.severity == "warning"
    assert "Xã Mường Lai" in told.message
    assert "Xã Mường Lại" in told.message


def test_unlisted_names_that_differ_by_their_unit_word_are_told(tmp_path: Path) -> None:
    # without a list `Xã Mậu A` and `Mậu A` are two regions (5 + 5 = 10), which may be one
    # commune counted twice: a warning names both
    data = "region;indicator;period;value\nXã Mậu A;htx;2024;5\nMậu A;htx;2024;5\n"
    actuals, log = read(tmp_path, programme(HEAD + INDICATORS), data)
    assert actuals.series["htx"][0].value == 10
    (told,) = [p for p in log if p.code == "regions_differ_by_marks"]
    assert (told.severity, told.line) == ("warning", 3)
    assert "Xã Mậu A" in told.message


def test_listed_communes_that_differ_by_a_tone_mark_are_both_valid_and_kept_apart(
    tmp_path: Path,
) -> None:
    data = "region;indicator;period;value\nMường Lai;htx;2024;5\nX. Mường Lại;htx;2024;7\n"
    actuals, log = read(tmp_path, programme(HEAD + MUONG + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert actuals.series["htx"][0].value == 12  # 5 + 7
    assert [o.value for o in actuals.region_series("htx", "xã_mường_lại")] == [7]


def test_a_name_without_diacritics_that_could_be_two_communes_is_refused(
    tmp_path: Path,
) -> None:
    data = "region;indicator;period;value\nxa Muong Lai;htx;2024;5\nMuong Lai;htx;2024;5\n"
    _, log = read(tmp_path, programme(HEAD + MUONG + INDICATORS), data)
    found = [p for p in log if p.code == "ambiguous_region"]
    assert [p.line for p in found] == [2, 3]
    assert all("'Xã Mường Lai'" in p.message and "'Xã Mường Lại'" in p.message for p in found)


def test_a_name_without_diacritics_matches_the_one_region_it_can_mean(tmp_path: Path) -> None:
    data = "region;indicator;period;value\nxa mau a;htx;2024;11\nPHUONG YEN BAI;htx;2024;30\n"
    data += "bao yen;htx;2024;12\n"
    actuals, log = read(tmp_path, programme(HEAD + LISTED + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert actuals.series["htx"][0].value == 53


def test_hoa_and_hoa_with_the_tone_placed_either_way_are_one_name(tmp_path: Path) -> None:
    listed = 'regions:\n  - {name: "Xã Hòa Bình"}\n  - {name: "Phường Thủy Xuân"}\n'
    data = "region;indicator;period;value\nXã Hoà Bình;htx;2024;1\nThuỷ Xuân;htx;2024;2\n"
    actuals, log = read(tmp_path, programme(HEAD + listed + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert actuals.series["htx"][0].value == 3


def test_an_alias_without_its_unit_word_keeps_the_unit_of_its_region(tmp_path: Path) -> None:
    # `Tân Lĩnh` is an alias of the commune; `P. Tân Lĩnh` says ward, and there is one
    listed = (
        'regions:\n  - {name: "Xã Tân Lĩnh", aliases: ["Tân Lĩnh"]}\n'
        '  - {name: "Phường Tân Lĩnh"}\n'
    )
    data = "region;indicator;period;value\nP. Tân Lĩnh;htx;2024;1\nX. Tân Lĩnh;htx;2024;2\n"
    data += "tan linh;htx;2025;3\n"
    actuals, log = read(tmp_path, programme(HEAD + listed + INDICATORS), data)
    assert [o.value for o in actuals.region_series("htx", "phường_tân_lĩnh")] == [1]
    assert [o.value for o in actuals.region_series("htx", "xã_tân_lĩnh")] == [2]
    (problem,) = [p for p in log if p.severity == "error"]
    assert (problem.code, problem.line) == ("ambiguous_region", 4)


def test_eth_written_for_d_with_stroke_is_the_same_letter(tmp_path: Path) -> None:
    # converters from the old TCVN3 and VNI fonts write Ð (U+00D0) for Đ (U+0110)
    listed = 'regions:\n  - {name: "Xã Đông Cuông"}\n'
    data = "region;indicator;period;value\nXÃ \u00d0ÔNG CUÔNG;htx;2024;4\n"
    actuals, log = read(tmp_path, programme(HEAD + listed + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert [o.value for o in actuals.region_series("htx", "xã_đông_cuông")] == [4]


def test_a_name_that_could_be_a_totals_word_or_a_region_is_refused(tmp_path: Path) -> None:
    # `Cong` without its marks could be `Cộng` (a totals line) or the listed `Phường Công`
    listed = 'regions:\n  - {name: "Phường Công"}\n  - {name: "Xã Mậu A"}\n'
    data = "region;indicator;period;value\nCong;htx;2024;4\nCộng;htx;2024;9\n"
    actuals, log = read(tmp_path, programme(HEAD + listed + INDICATORS), data)
    (problem,) = [p for p in log if p.severity == "error"]
    assert (problem.code, problem.line) == ("ambiguous_region", 2)
    assert "'Phường Công'" in problem.message
    assert [o.value for o in actuals.series["htx"]] == [9]  # `Cộng`, with its marks: a total


def test_a_wrong_mark_is_not_a_match_but_an_unknown_region(tmp_path: Path) -> None:
    data = "region;indicator;period;value\nXã Mậu Á;htx;2024;11\n"
    _, log = read(tmp_path, programme(HEAD + LISTED + INDICATORS), data)
    (problem,) = [p for p in log if p.code == "unknown_region"]
    assert "did you mean 'Xã Mậu A'" in problem.message


# ---- indicator names follow the same rule -----------------------------------------------


def test_an_indicator_name_with_another_mark_is_not_the_indicator(tmp_path: Path) -> None:
    # `Sơ HTX` is not `Số HTX`: the old reading matched it without its marks
    data = "indicator;period;value\nSơ HTX;2024;3\n"
    _, log = read(tmp_path, programme(HEAD + INDICATORS), data)
    (problem,) = [p for p in log if p.code == "unknown_indicator"]
    assert "Số HTX" in problem.message  # did you mean


def test_an_indicator_name_without_marks_matches_the_one_it_can_mean(tmp_path: Path) -> None:
    data = "indicator;period;value\nSo HTX;2024;3\nSO HOP TAC XA;2025;4\n"
    actuals, log = read(tmp_path, programme(HEAD + INDICATORS), data)
    assert not errors(log), [str(p) for p in log]
    assert [o.value for o in actuals.series["htx"]] == [3, 4]


def test_an_indicator_name_without_marks_that_could_be_two_is_refused(tmp_path: Path) -> None:
    two = INDICATORS + (
        '  - id: books\n    name: "Sổ hộ"\n    unit: count\n    targets:\n'
        '      - {year: 2030, value: 5, text: "5 sổ"}\n'
        '  - id: homes\n    name: "Số hộ"\n    unit: count\n    targets:\n'
        '      - {year: 2030, value: 5, text: "5 hộ"}\n'
    )
    data = "indicator;period;value\nso ho;2024;3\nSố hộ;2024;4\n"
    actuals, log = read(tmp_path, programme(HEAD + two), data)
    (problem,) = [p for p in log if p.code == "ambiguous_indicator"]
    assert problem.line == 2
    assert "books" in problem.message
    assert "homes" in problem.message
    assert [o.value for o in actuals.series["homes"]] == [4]


# ---- totals lines are the territory, never a region -------------------------------------


def test_totals_words_in_the_region_column_are_the_territory_never_a_region(
    tmp_path: Path,
) -> None:
    # communes 40 + 60 and a totals line of 100: the province is 100, not 200
    for word in ("Tổng số", "Cộng", "Tổng cộng:", "Tổng", "Toàn tỉnh", "Cả tỉnh", "Tỉnh Yên Bái",
                 "TỔNG CỘNG", "Tong so", "Yên Bái", "Toàn quốc", "Cả nước",
                 "Toàn tỉnh Yên Bái", "Tổng cộng toàn tỉnh", "Tổng cộng (toàn tỉnh)",
                 "Tổng số (A+B)"):  # fmt: skip
        data = "region;indicator;period;value\nXã A;htx;2024;40\nXã B;htx;2024;60\n"
        data += f"{word};htx;2024;100\n"
        actuals, log = read(tmp_path, programme(HEAD + INDICATORS), data)
        assert not errors(log), (word, [str(p) for p in log])
        assert [(o.value, o.qualifier) for o in actuals.series["htx"]] == [(100, None)], word
        assert set(actuals.region_names("htx").values()) == {"Xã A", "Xã B"}, word


# ---- the territory's own figure for a moment wins over a sum of regions --------------------


def test_the_territory_figure_for_a_moment_wins_over_the_sum_in_another_period_form(
    tmp_path: Path,
) -> None:
    # the province gives 60 for 2024-06; its communes 5 + 7 = 12 for Quý II/2024, the same
    # moment: the report says 60, and the sum only checks it
    data = "region;indicator;period;value\n;htx;2024-06;60\nXã Mậu A;htx;Quý II/2024;5\n"
    data += "Xã Bảo Yên;htx;Quý II/2024;7\nPhường Yên Bái;htx;Quý II/2024;0\n"
    actuals, log = read(tmp_path, programme(HEAD + LISTED + INDICATORS), data)
    assert [(o.period.text, o.value, o.qualifier) for o in actuals.series["htx"]] == [
        ("2024-06", 60, None)
    ]
    assert "same_moment" not in [p.code for p in log]
    (disagree,) = [p for p in log if p.code == "regions_disagree"]
    assert "12" in disagree.message
    assert "60" in disagree.message
    assert disagree.line == 2


# ---- a period that has not begun --------------------------------------------------------


def test_a_period_that_begins_after_the_day_of_the_run_is_an_error(tmp_path: Path) -> None:
    # `2052` typed for `2025` would become the report's as_of and turn every result missed
    data = "indicator;period;value\nhtx;2024;800\nhtx;2052;900\nhtx;2026-12;1\nhtx;2027-01;2\n"
    actuals, log = read(tmp_path, programme(HEAD + INDICATORS), data, today=date(2026, 12, 7))
    found = [p for p in log if p.code == "future_period"]
    assert [p.line for p in found] == [3, 5]
    assert all(p.severity == "error" for p in found)
    assert "2026-12-07" in found[0].message
    assert actuals.latest is not None
    assert actuals.latest.text == "2026-12"


def test_an_estimate_for_the_year_under_way_is_fine(tmp_path: Path) -> None:
    data = "indicator;period;value\nhtx;2026;800\nhtx;Quý I/2026;790\n"
    _, log = read(tmp_path, programme(HEAD + INDICATORS), data, today=date(2026, 3, 1))
    assert not errors(log), [str(p) for p in log]
    _, log = read(tmp_path, programme(HEAD + INDICATORS), data, today=date(2025, 12, 31))
    assert [p.code for p in log if p.severity == "error"] == ["future_period", "future_period"]


# ---- property: no cell names two listed regions ------------------------------------------

_ONSETS = ["", "b", "c", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "t", "th",
           "tr", "x", "s", "v"]  # fmt: skip
_RHYMES = ["a", "an", "ai", "ao", "ang", "anh", "ong", "uong", "ương", "ươi", "ư", "ơn", "ên",
           "ôi", "i", "inh", "uy", "oa", "yên"]  # fmt: skip
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_UNITS = {"Xã": ["X.", "x.", "xa"], "Phường": ["P.", "p.", "phuong"],
          "Thị trấn": ["TT.", "TT", "thi tran"], "Đặc khu": ["ĐK", "Đk.", "dac khu"],
          "Thị xã": ["TX.", "TX", "thi xa"], "Thành phố": ["TP.", "TP", "thanh pho"]}  # fmt: skip


@st.composite
def syllable(draw: st.DrawFn) -> str:
    onset, rhyme = draw(st.sampled_from(_ONSETS)), draw(st.sampled_from(_RHYMES))
    tone = draw(st.sampled_from(_TONES))
    vowels = [i for i, c in enumerate(rhyme) if c in "aeiouyăâêôơư"]
    at = vowels[-1] if rhyme.endswith(("ương", "yên")) or len(vowels) == 1 else vowels[0]
    toned = rhyme[: at + 1] + tone + rhyme[at + 1 :]
    return unicodedata.normalize("NFC", onset + toned).capitalize()


@st.composite
def place_name(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(syllable(), min_size=1, max_size=3)))


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _ways(unit: str, name: str) -> set[str]:
    """Every way an office may write a region: its name with or without its diacritics,
    after its unit word, without it, or after the unit abbreviated (with its dot and a
    space or none) or written without its marks (`xa Mậu A`, `X. Mau A`), in any case."""
    written: set[str] = set()
    for named in (name, _plain(name)):
        written |= {f"{unit} {named}", named, *(f"{a} {named}" for a in _UNITS[unit])}
        written |= {f"{a}{named}" for a in _UNITS[unit] if a.endswith(".")}  # `P.Yên Bái`
    written |= {_plain(w) for w in written}
    return written | {w.upper() for w in written}


_TOTALS = ("Tổng số", "Tổng cộng", "Tổng", "Cộng", "Toàn tỉnh", "Cả tỉnh", "Toàn quốc",
           "Cả nước", "Toàn thành phố", "Cả thành phố")  # fmt: skip


def _territory_ways(name: str) -> set[str]:
    """The territory's name, with or without its unit word, and after a totals word
    (`Toàn tỉnh Yên Bái`, `Cộng Yên Bái`), with and without diacritics, in any case."""
    written = {name, f"Tỉnh {name}"}
    written |= {f"{word} {w}" for word in (*_TOTALS, *map(_plain, _TOTALS)) for w in written}
    written |= {_plain(w) for w in written}
    return written | {w.upper() for w in written}


def _totals_ways() -> set[str]:
    """The words for the whole territory, with and without diacritics, in any case."""
    words = set(_TOTALS) | {_plain(w) for w in _TOTALS}
    return words | {w.upper() for w in words}


@given(
    st.lists(st.tuples(st.sampled_from(sorted(_UNITS)), place_name()), min_size=2, max_size=6),
    place_name(),
)
def test_no_cell_names_two_regions_and_a_cell_that_could_be_two_is_refused(
    regions: list[tuple[str, str]], territory: str
) -> None:
    from ktt_cli.name_keys import place_key
    from ktt_cli.names import RegionNames
    from ktt_cli.programme_rules import region_findings

    listed = [{"name": f"{unit} {name}"} for unit, name in regions]
    assume(not list(region_findings(listed)))  # a valid list: no name twice once written alike
    text = HEAD.replace('"Yên Bái"', f'"{territory}"') + "regions:\n"
    text += "".join(f'  - {{name: "{r["name"]}"}}\n' for r in listed) + INDICATORS
    names = RegionNames(programme(text))
    # every way each region may be written -> the regions (and the territory) it can mean
    means: dict[str, set[str]] = {}
    for unit, name in regions:
        for way in _ways(unit, name):
            means.setdefault(place_key(way), set()).add(f"{unit} {name}")
    for way in _territory_ways(territory) | _totals_ways():
        means.setdefault(place_key(way), set()).add("")
    for unit, name in regions:  # a listed name written as listed means that region only
        means[place_key(f"{unit} {name}")] = {f"{unit} {name}"}
    ways = {w for unit, name in regions for w in _ways(unit, name)}
    for way in ways | _territory_ways(territory) | _totals_ways():
        found = names.find(way)
        could = means[place_key(way)]
        if len(could) == 1:  # that region (or, named "", the territory)
            (only,) = could
            assert found.region is not None, (way, could, found)
            assert found.region[1 if only else 0] == only, (way, could, found)
        else:  # two regions, or the territory and a region: refused, naming them
            assert found.region is None, (way, could, found)
            assert len(found.candidates) >= 2, (way, found)
            shown = {territory if c == "" else c for c in could}
            assert shown <= set(found.candidates), (way, could, found)


@st.composite
def indicator_names(draw: st.DrawFn) -> list[str]:
    names = draw(st.lists(place_name(), min_size=2, max_size=5))
    return [f"Số {n}" for n in names]


@given(indicator_names())
def test_no_cell_names_two_indicators_and_one_that_could_be_two_is_refused(
    names: list[str],
) -> None:
    from ktt_cli.name_keys import place_key
    from ktt_cli.names import IndicatorNames

    assume(len({place_key(n) for n in names}) == len(names))  # two names alike: one id
    indicators = "indicators:\n" + "".join(
        f'  - {{id: i{k}, name: "{n}", unit: count, targets: [{{year: 2030, value: 1, '
        f'text: "1"}}]}}\n'
        for k, n in enumerate(names)
    )
    found = IndicatorNames(programme(HEAD + indicators))
    means: dict[str, set[str]] = {}
    for k, name in enumerate(names):
        for way in {name, _plain(name), name.upper(), _plain(name).upper()}:
            means.setdefault(place_key(way), set()).add(f"i{k}")
    for k, name in enumerate(names):
        for way in {name, _plain(name), name.upper(), _plain(name).upper()}:
            could = means[place_key(way)]
            if len(could) == 1:
                assert found.find(way) == f"i{k}", (way, could)
            else:
                assert found.find(way) is None, (way, could)
                assert set(found.candidates(way)) == could, (way, could)


def test_the_region_option_refuses_a_name_that_could_be_two(tmp_path: Path) -> None:

    (tmp_path / "t.yaml").write_text(HEAD + MUONG + INDICATORS, encoding="utf-8")
    data = "region;indicator;period;value\nXã Mường Lai;htx;2024;5\nXã Mường Lại;htx;2024;7\n"
    (tmp_path / "d.csv").write_text(data, encoding="utf-8")
    args = ["report", str(tmp_path / "d.csv"), "-t", str(tmp_path / "t.yaml"), "--by", "region"]
    done = invoke([*args, "--region", "Muong Lai", "--lang", "en"])
    assert done.exit_code == 2
    assert "could be 'Xã Mường Lai', 'Xã Mường Lại'" in done.output
    done = invoke([*args, "--region", "Mường Lại", "-f", "csv"])
    assert done.exit_code == 0, done.output
    assert "Xã Mường Lại" in done.stdout
    assert "Xã Mường Lai," not in done.stdout
