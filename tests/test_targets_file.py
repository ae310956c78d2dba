"""The targets loader: every rule of SPEC §2 refused with the place of the offending node."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from ktt_cli.model import TargetsFile, json_schema
from ktt_cli.problems import Problem, ProblemLog
from ktt_cli.programme_rules import text_figures
from ktt_cli.targets_file import read_targets
from ktt_cli.units import Comparator

FIXTURES = Path(__file__).parent / "fixtures" / "targets"


def problems_of(name: str) -> list[tuple[str, int | None, int | None]]:
    log = ProblemLog()
    result = read_targets((FIXTURES / name).read_bytes(), name, log)
    assert result is None  # a file with an error gives no programme
    return [(p.code, p.line, p.column) for p in log]


def test_the_base_fixture_is_valid() -> None:
    log = ProblemLog()
    targets = read_targets((FIXTURES / "valid.yaml").read_bytes(), "valid.yaml", log)
    assert targets is not None, [str(p) for p in log]
    assert [i.id for i in targets.indicators] == ["htx_count", "good_fair_share"]
    assert targets.milestones == [2030]


@pytest.mark.parametrize(
    ("fixture", "code", "line", "column"),
    [
        # the line and column are those of the node at fault, counted from 1
        ("syntax_error.yaml", "yaml_syntax", 14, 4),
        ("duplicate_id.yaml", "duplicate_id", 17, 9),  # the second 'htx_count'
        ("duplicate_year.yaml", "duplicate_year", 17, 16),  # the second 2030
        ("percent_out_of_range.yaml", "percent_out_of_range", 22, 47),  # 165
        ("negative_count.yaml", "negative_count", 16, 29),  # -5
        # YAML reads 1.200 as one point two; it is refused as a thousands separator
        ("thousands_separator.yaml", "thousands_separator", 16, 29),
        ("all_not_percent.yaml", "all_not_percent", 16, 34),
        ("milestone_before_baseline.yaml", "milestone_before_baseline", 16, 16),
        ("duplicate_key.yaml", "duplicate_key", 14, 5),
        ("missing_text.yaml", "missing_key", 16, 9),  # the target that lacks it
        ("wrong_type.yaml", "invalid_type", 16, 29),
        ("missing_share_of.yaml", "missing_share_of", 17, 5),  # the indicator
        ("schema_version.yaml", "invalid_value", 2, 17),
        ("tolerance_without_about.yaml", "tolerance_without_about", 22, 62),
        ("python_tag.yaml", "yaml_tag", 8, 14),
        ("not_a_mapping.yaml", "not_a_mapping", 1, 1),
        ("empty.yaml", "empty_file", 1, 1),
        ("not_utf8.yaml", "encoding", 8, None),
        ("alias_bomb.yaml", "too_large", 2, 12),
    ],
)
def test_each_rule_is_refused_at_its_node(fixture: str, code: str, line: int, column: int) -> None:
    assert problems_of(fixture) == [(code, line, column)]


def test_every_problem_of_a_file_is_reported_in_one_run() -> None:
    assert problems_of("three_errors.yaml") == [
        ("missing_key", 4, 3),
        ("negative_count", 15, 29),
        ("percent_out_of_range", 21, 47),
    ]


def test_an_unknown_key_suggests_the_known_one_and_the_missing_one_is_named() -> None:
    # the key 'valeu' (16:22) is unknown, so the target (16:9) has no value
    assert problems_of("unknown_key.yaml") == [("missing_value", 16, 9), ("unknown_key", 16, 22)]
    log = ProblemLog()
    read_targets((FIXTURES / "unknown_key.yaml").read_bytes(), "x.yaml", log)
    assert "did you mean 'value'?" in log.of_severity("error")[1].message


def test_a_python_tag_is_refused_and_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert problems_of("python_tag.yaml")[0][0] == "yaml_tag"
    assert not (tmp_path / "ktt-pwned").exists()  # os.system("touch ktt-pwned") never ran


def test_an_alias_bomb_is_refused_before_it_is_expanded() -> None:
    # Expanded it would be 9^9 values (gigabytes); refused at the reader's node limit, it
    # costs about 30 MiB.
    tracemalloc.start()
    assert problems_of("alias_bomb.yaml")[0][0] == "too_large"
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 2**20, peak


@pytest.mark.parametrize(
    "deep",
    [
        b"programme: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",  # brackets
        b"a:\n" + b"".join(b" " * k + b"b:\n" for k in range(1, 400)),  # indentation
    ],
    ids=["brackets", "indentation"],
)
def test_deep_nesting_is_refused_before_the_parser_sees_it(deep: bytes) -> None:
    # libyaml before PyYAML 6.0.4 recurses once a level with no limit of its own: given
    # this document it crashed the process (a segmentation fault, not even a traceback)
    log = ProblemLog()
    assert read_targets(deep, "deep.yaml", log) is None
    assert [p.code for p in log] == ["too_deep"]


def test_brackets_inside_quoted_text_are_not_nesting() -> None:
    data = (
        (FIXTURES / "valid.yaml").read_bytes().replace(b'"1.200 h', b'"' + b"[" * 300 + b" 1.200 h")
    )
    log = ProblemLog()
    assert read_targets(data, "quoted.yaml", log) is not None, [str(p) for p in log]


def test_a_name_may_be_plain_text_or_both_languages() -> None:
    log = ProblemLog()
    targets = read_targets((FIXTURES / "valid.yaml").read_bytes(), "valid.yaml", log)
    assert targets is not None
    indicator = targets.indicator("htx_count")
    assert indicator.name.pick("en") == "Số hợp tác xã"  # no English given: the Vietnamese
    assert targets.programme.name.pick("en") == "Test programme"


def test_a_bom_is_accepted() -> None:
    log = ProblemLog()
    data = b"\xef\xbb\xbf" + (FIXTURES / "valid.yaml").read_bytes()
    assert read_targets(data, "bom.yaml", log) is not None


def schema_errors(document: object) -> list[str]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(json_schema())
    return [error.message for error in validator.iter_errors(document)]


@pytest.mark.parametrize(
    "path",
    [FIXTURES / "valid.yaml", *sorted((Path(__file__).parent.parent / "src" / "ktt_cli"
                                       / "programmes").glob("*.yaml"))],
    ids=lambda p: p.name,
)  # fmt: skip
def test_what_validates_also_fits_the_json_schema_editors_use(path: Path) -> None:
    # an editor pointed at `ktt schema` must not mark a valid file as wrong
    assert schema_errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "fixture", ["unknown_key.yaml", "wrong_type.yaml", "schema_version.yaml", "missing_text.yaml"]
)
def test_what_the_schema_can_see_it_refuses_too(fixture: str) -> None:
    assert schema_errors(yaml.safe_load((FIXTURES / fixture).read_text(encoding="utf-8")))


# ---- numbers read on their own text, figures of the text, words, warnings (SPEC §2) ---

#: A programme in block style; the lines of the fields each test changes:
#: 12 unit, 14 period (col 15), 15 baseline value (col 14), 17 year (col 15),
#: 18 comparator (col 21), 19 value (col 16), 20 text.
BLOCK = """\
schema_version: 1
programme:
  id: test-programme
  name: Chương trình thử
  issuer: Synthetic issuer
  implements: Nghị quyết 20-NQ/TW
  territory: Nowhere
  source: synthetic test data
indicators:
  - id: htx_count
    name: Số hợp tác xã
    unit: {unit}
    baseline:
      period: {period}
      value: {base}
    targets:
      - year: {year}
        comparator: {comparator}
        value: {value}
        text: "{text}"{more}
"""
DEFAULTS = {
    "unit": "count",
    "period": '"2020"',
    "base": "465",
    "year": "2030",
    "comparator": "at_least",
    "value": "1200",
    "text": "1.200 hợp tác xã",
    "more": "",
}


def read_block(**fields: str) -> tuple[TargetsFile | None, list[Problem]]:
    log = ProblemLog()
    text = BLOCK.format(**(DEFAULTS | fields))
    return read_targets(text.encode(), "p.yaml", log), list(log)


def test_the_block_programme_is_valid_and_warns_of_nothing() -> None:
    targets, problems = read_block()
    assert targets is not None
    assert problems == []


@pytest.mark.parametrize(
    ("fields", "code", "place", "fix"),
    [
        # YAML 1.1 reads 1.000 as 1.0, 45.000 as 45.0 and 8.400 as 8.4: thousands separators
        ({"value": "1.000", "text": "1.000 hợp tác xã"}, "thousands_separator", (19, 16), "1000"),
        ({"value": "45.000", "text": "45.000 HTX", "unit": "persons"},
         "thousands_separator", (19, 16), "45000"),
        ({"value": "8.400", "text": "8.400 HTX"}, "thousands_separator", (19, 16), "8400"),
        ({"value": "1,200"}, "thousands_separator", (19, 16), "write it without separators: 1200"),
        ({"base": "1.000"}, "thousands_separator", (15, 14), "1000"),
        # base 8: 050 is 40, 0465 is 309, 03756 is 2030; base 60: 20:00 is 1200
        ({"value": "050", "text": "50 HTX"}, "leading_zero", (19, 16), "(40); write 50"),
        ({"base": "0465"}, "leading_zero", (15, 14), "(309); write 465"),
        ({"year": "03756"}, "leading_zero", (17, 15), "(2030); write the year in four digits"),
        ({"period": "02020"}, "leading_zero", (14, 15), "write 2020"),
        ({"value": "20:00", "text": "2000 HTX"}, "base_60", (19, 16), "base 60 (1200)"),
        ({"year": "20:30"}, "base_60", (17, 15), "digits only"),
    ],
)  # fmt: skip
def test_a_number_is_refused_for_how_it_is_written(
    fields: dict[str, str], code: str, place: tuple[int, int], fix: str
) -> None:
    targets, problems = read_block(**fields)
    assert targets is None
    # one problem: the number's text, not also what YAML made of it (1 ≠ 1.000, 40 < 465)
    assert [(p.code, (p.line, p.column)) for p in problems] == [(code, place)]
    assert fix in problems[0].message


def test_a_dot_in_a_percentage_is_a_decimal_point() -> None:
    targets, problems = read_block(
        unit="percent", base="1.5", value="2.500", text="2,5%", more="\n    share_of: all"
    )
    assert problems == []  # 2.500 is 2.5 per cent, as the text says
    assert targets is not None


def test_a_quoted_year_is_a_year() -> None:
    targets, problems = read_block(year="'2030'")
    assert targets is not None, problems
    assert targets.indicators[0].targets[0].year == 2030


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("1.200 hợp tác xã", [1200]),
        ("trên 65,5% tổ chức", [65.5]),
        ("02 liên hiệp HTX", [2]),
        ("140.000 tổ hợp tác với 2 triệu thành viên", [140000, 2_000_000]),
        ("5.935 nghìn người", [5_935_000]),
        ("3 tỷ đồng, 1,5 Triệu", [3e9, 1_500_000]),
        ("đến năm 2030 có 1.200 HTX", [2030, 1200]),
        ("chất lượng ngang tầm khu vực", []),
    ],
)
def test_the_figures_of_a_text_are_read_in_the_vietnamese_style(
    text: str, figures: list[float]
) -> None:
    assert text_figures(text) == figures


def test_a_value_that_is_none_of_the_figures_of_its_text_is_refused() -> None:
    targets, problems = read_block(value="1000")  # the text says 1.200
    assert targets is None
    assert [(p.code, p.line, p.column) for p in problems] == [("text_mismatch", 19, 16)]
    assert "1000" in problems[0].message
    assert "1.200 hợp tác xã" in problems[0].message


@pytest.mark.parametrize(
    "fields",
    [
        {"value": "1200", "text": "đến năm 2030 có 1.200 HTX"},  # the year is one more figure
        {"value": "2000000", "text": "2 triệu thành viên", "unit": "persons"},
        {"value": "2", "text": "02 liên hiệp HTX"},
        {"value": "1000", "more": "\n        value_from_text: false\n        note: a reading"},
        {"value": "1000", "text": "nhiều hợp tác xã"},  # no figure: nothing to check
    ],
)
def test_a_value_read_from_its_text_or_marked_as_a_reading_passes(fields: dict[str, str]) -> None:
    targets, problems = read_block(**fields)
    assert targets is not None, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("trên", "over"),
        ("Khoảng", "about"),
        ("ít nhất", "at_least"),
        ("TỐI THIỂU", "at_least"),
        ("toi thieu", "at_least"),
        ("không quá", "at_most"),
        ("Tối Đa", "at_most"),
        ("duoi", "under"),
        ("at_least", "at_least"),
    ],
)
def test_a_comparator_may_be_written_as_its_vietnamese_word(word: str, code: str) -> None:
    targets, problems = read_block(comparator=f'"{word}"', base="2000")
    assert targets is not None, [str(p) for p in problems]
    assert targets.indicators[0].targets[0].comparator.value == code
    assert f"comparator: {code}" in yaml.safe_dump(targets.model_dump(mode="json"))


def test_deu_means_all() -> None:
    more = "\n    share_of: all"
    text = BLOCK.format(**(DEFAULTS | {"unit": "percent", "base": "50", "more": more}))
    text = text.replace("comparator: at_least\n        value: 1200\n", "comparator: Đều\n")
    log = ProblemLog()
    targets = read_targets(text.encode(), "p.yaml", log)
    assert targets is not None, [str(p) for p in log]
    assert targets.indicators[0].targets[0].comparator is Comparator.ALL


@pytest.mark.parametrize(
    ("fields", "code", "words"),
    [
        (
            {"unit": "percent", "base": "0.5", "value": "0.7", "text": "0,7%",
             "more": "\n    share_of: all"},
            "percent_fraction", "0.7 means 0.7%; 70% is written 70",
        ),
        ({"value": "400", "text": "400 HTX"}, "target_behind_baseline", "below the baseline 465"),
        ({"comparator": "at_most", "value": "500", "text": "500 HTX", "base": "400"},
         "target_behind_baseline", "above the baseline 400"),
    ],
)  # fmt: skip
def test_a_doubtful_target_is_warned_about_and_still_loaded(
    fields: dict[str, str], code: str, words: str
) -> None:
    targets, problems = read_block(**fields)
    assert targets is not None
    assert [(p.severity, p.code, p.line, p.column) for p in problems] == [("warning", code, 19, 16)]
    assert words in problems[0].message


def test_ids_that_normalise_alike_are_duplicates() -> None:
    data = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
    data = data.replace("id: good_fair_share", "id: htx__count")
    log = ProblemLog()
    assert read_targets(data.encode(), "x.yaml", log) is None
    assert [(p.code, p.line) for p in log] == [("duplicate_id", 17)]
    assert "htx_count" in next(iter(log)).message


ALL_AT_ONCE = """\
schema_version: 1
programme: {id: p, name: n, issuer: i, implements: m, territory: t, source: s}
indicators:
  - id: share
    name: n
    unit: percent
    colour: blue
    targets:
      - {year: 2030, value: 150, text: "150%"}
      - {year: 2030, value: 50, text: "50%"}
  - id: share
    name: n
    unit: count
    targets:
      - {year: 2030, value: 5, text: "5", valeu: 6}
"""


def test_an_unknown_key_hides_no_other_problem_of_the_file() -> None:
    # before, 'colour' hid the missing share_of, the 150% and the second 2030, and the
    # duplicate id was never reported while an indicator had an error
    log = ProblemLog()
    assert read_targets(ALL_AT_ONCE.encode(), "x.yaml", log) is None
    assert [(p.code, p.line, p.column) for p in log] == [
        ("missing_share_of", 4, 5),
        ("unknown_key", 7, 5),
        ("percent_out_of_range", 9, 29),
        ("duplicate_year", 10, 16),
        ("duplicate_id", 11, 9),
        ("unknown_key", 15, 43),
    ]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"more": "\n        tolerance: 5", "comparator": "about"}, "write 0.05 for 5%"),
        ({"value": '"1200"'}, "a number is written without quotes: 1200"),
        ({"value": "nhiều"}, "write a number"),
        ({"year": "2030.5"}, "write a whole number"),
        ({"value": "[1200]"}, "write a number"),
    ],
)
def test_messages_say_how_to_fix_in_the_words_of_the_file(
    fields: dict[str, str], words: str
) -> None:
    _, problems = read_block(**fields)
    messages = " ".join(p.message for p in problems)
    assert words in messages
    assert not re.search(r"\b(float|int|str|dict|list|Input should be a valid)\b", messages)


def test_an_id_is_described_in_words_with_a_suggestion() -> None:
    data = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
    log = ProblemLog()
    read_targets(data.replace("id: htx_count", "id: Hợp-tác xã").encode(), "x.yaml", log)
    (problem,) = log
    assert not re.search(r"[\[\]^$+*]", problem.message)  # no regular expression
    assert "lowercase letters a to z, digits and underscores" in problem.message
    assert "did you mean 'hop_tac_xa'?" in problem.message


def test_a_list_item_out_of_line_is_explained_as_indentation() -> None:
    text = "indicators:\n  - id: a\n    name: b\n  unit: count\n"
    log = ProblemLog()
    assert read_targets(text.encode(), "x.yaml", log) is None
    (problem,) = log
    assert "the items of a list each start with '- '" in problem.message
    assert "check the indentation of this line" in problem.message
    assert "did not find expected" not in problem.message  # the parser's own words: never


# ---- a property: a value none of the figures of its text is always refused ---------


def vietnamese(figure: int, zero_padded: bool) -> str:
    """`figure` as a Vietnamese source writes it: 1.234.567, or 02 for small ones."""
    if zero_padded and figure < 10:
        return f"0{figure}"
    return f"{figure:,}".replace(",", ".")


_WORDS = {"": 1, " nghìn": 1000, " triệu": 1_000_000, " tỷ": 1_000_000_000}

figure_with_word = st.tuples(st.integers(0, 10**7), st.sampled_from(sorted(_WORDS)), st.booleans())


@given(
    figures=st.lists(figure_with_word, min_size=1, max_size=4),
    filler=st.sampled_from(["hợp tác xã", "thành viên", "trên", "đến năm", "với"]),
    value=st.integers(0, 10**12),
    unit=st.sampled_from(["count", "persons"]),
)
def test_a_value_that_is_none_of_the_figures_of_its_text_is_always_refused(
    figures: list[tuple[int, str, bool]], filler: str, value: int, unit: str
) -> None:
    readings = {n * _WORDS[word] for n, word, _ in figures}
    assume(value not in readings)
    text = f" {filler} ".join(f"{vietnamese(n, pad)}{word}" for n, word, pad in figures)
    targets, problems = read_block(unit=unit, base="0", value=str(value), text=text)
    assert targets is None
    assert [p.code for p in problems if p.severity == "error"] == ["text_mismatch"]
    # and the figure itself is accepted
    first = figures[0][0] * _WORDS[figures[0][1]]
    accepted, _ = read_block(unit=unit, base="0", value=str(first), text=text)
    assert accepted is not None


def test_a_key_out_of_place_is_named_even_with_a_refused_number() -> None:
    text = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '{year: 2045, text: "ngang tầm khu vực"}', "{year: 2045, text: x, value: 050}"
    )
    log = ProblemLog()
    assert read_targets(text.encode(), "x.yaml", log) is None
    assert [p.code for p in log] == ["unknown_key", "leading_zero"]
    assert "does not belong here" in next(iter(log)).message
