"""The targets loader: every rule of SPEC §2 refused with the place of the offending node."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from ktt_cli.model import json_schema
from ktt_cli.problems import ProblemLog
from ktt_cli.targets_file import read_targets

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
        ("not_whole.yaml", "thousands_separator", 16, 29),
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


def test_an_alias_bomb_is_refused_fast() -> None:
    start = time.perf_counter()
    assert problems_of("alias_bomb.yaml")[0][0] == "too_large"
    assert time.perf_counter() - start < 1.0  # expanded it would be 9^9 values


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
