"""The catalogue of messages: every code said in both languages, Vietnamese output free of
the English sentences."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import invoke
from ktt_cli.i18n import LABELS, STATUS
from ktt_cli.localise import render
from ktt_cli.messages import MESSAGES, _check, fields, message, said
from ktt_cli.problems import ProblemLog
from ktt_cli.units import Finding

SRC = Path(__file__).resolve().parent.parent / "src" / "ktt_cli"
EXAMPLE = str(SRC.parent.parent / "examples" / "actuals.csv")

#: The catalogue's entry points, by the name they are called with, and the position of
#: the key among their arguments (`log.say(place, "key"`, `message("key"`, …).
_ENTRY_POINTS = {
    "message": 0,
    "usage": 0,
    "said": 0,
    "NumberError": 0,
    "say": 1,
    "_say": 1,
    "_warning": 1,
    "_Refused": 1,
    "finding": 1,
    "InputStop.said": 1,
    "WorkbookStop.said": 1,
    "FigureError.said": 0,
    "HeaderProblem.said": 0,
    "_stop": 0,
}
#: Keys made from a family and a word at run time (`f"invalid_type.{wanted}"`).
_FAMILIES = ("invalid_type.", "out_of_range.", "invalid_period.")
_KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?")


def _callee(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        owner = function.value
        if isinstance(owner, ast.Name) and owner.id[:1].isupper():
            return f"{owner.id}.{function.attr}"
        return function.attr
    return ""


def _literals(node: ast.expr) -> list[str]:
    """The keys an argument can be: a literal, or either side of `"a" if c else "b"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _source_trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in SRC.rglob("*.py")}


def _keys_used() -> tuple[set[str], set[str]]:
    """The keys given to the catalogue's entry points in the source, found in its syntax
    tree (never by a pattern over its text), and every other string that has the form of a
    key of a family the catalogue holds (a key chosen into a variable first)."""
    given: set[str] = set()
    keylike: set[str] = set()
    codes = {key.partition(".")[0] for key in MESSAGES}
    for tree in _source_trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (name := _callee(node)) in _ENTRY_POINTS:
                position = _ENTRY_POINTS[name]
                if len(node.args) > position:
                    found = _literals(node.args[position])
                    if name == "PeriodError":
                        found = [f"invalid_period.{k}" for k in found]
                    given |= set(found)
            elif isinstance(node, ast.Assign | ast.IfExp):  # key = "a" if c else "b"
                values = [node.value] if isinstance(node, ast.Assign) else [node]
                for text in (t for v in values for t in _literals(v)):
                    if _KEY.fullmatch(text) and text.partition(".")[0] in codes:
                        keylike.add(text)
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if "." in text and _KEY.fullmatch(text) and text.partition(".")[0] in codes:
                    keylike.add(text)
    for tree in _source_trees().values():  # a period's refusal: PeriodError("key")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee(node) in ("PeriodError", "_refused"):
                arguments = node.args if _callee(node) == "PeriodError" else node.args[1:]
                if arguments:
                    given |= {f"invalid_period.{k}" for k in _literals(arguments[0])}
    return given, keylike


def test_every_key_said_in_the_code_is_in_the_catalogue() -> None:
    given, keylike = _keys_used()
    assert len(given) > 150  # the entry points are found
    assert {"stale_figure", "no_figure.count", "yaml_tag.merge", "not_whole", "error_cell"} <= given
    assert {"invalid_period.no_month", "invalid_period.year_first", "usage.no_such_file"} <= given
    assert given - MESSAGES.keys() == set()
    assert keylike - MESSAGES.keys() == set()


def test_every_message_of_the_catalogue_is_said_somewhere() -> None:
    """An entry no code says is dead, or its key is misspelt where it is said."""
    given, keylike = _keys_used()
    made = {"encoding", "encoding.utf16", "encoding.cp1258"}  # load/text.py, Decoded._hint
    unsaid = MESSAGES.keys() - given - keylike - made
    assert {k for k in unsaid if not k.startswith(_FAMILIES)} == set()


def test_a_message_cannot_be_made_outside_the_catalogue() -> None:
    """The only way to a problem is a key and values: no free text enters a log."""
    assert not {"add_at", "error", "warning"} & set(vars(ProblemLog))
    assert "message" not in Finding._fields
    for path, tree in _source_trees().items():
        if path.name == "problems.py":
            continue
        made = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _callee(node) == "Problem"
        ]
        assert made == [], f"{path.name}:{made}: a Problem made by hand, not by Problem.of"


def test_an_unknown_key_or_a_missing_argument_fails_loudly() -> None:
    with pytest.raises(KeyError, match="no message 'no_such_key'"):
        message("no_such_key")
    with pytest.raises(KeyError, match="needs"):
        message("duplicate_key")  # {key} not given
    with pytest.raises(KeyError):
        render("no_such_code", (), "vi")


def test_the_catalogue_is_checked_when_it_is_imported() -> None:
    with pytest.raises(ValueError, match="different arguments"):
        _check({"x": {"en": "{a}", "vi": "{b}"}})
    with pytest.raises(ValueError, match="not en and vi"):
        _check({"x": {"en": "a"}})


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_message_has_both_languages_with_the_same_arguments(key: str) -> None:
    templates = MESSAGES[key]
    assert set(templates) == {"vi", "en"}
    assert fields(templates["vi"]) == fields(templates["en"])


def test_labels_and_status_words_have_both_languages() -> None:
    assert LABELS["vi"].keys() == LABELS["en"].keys()
    assert STATUS["vi"].keys() == STATUS["en"].keys()


def test_a_message_is_said_again_in_vietnamese_with_vietnamese_figures_and_periods() -> None:
    english, args = said(
        "conflicting_values",
        {
            "indicator": "htx_count",
            "period": "2025-06",
            "region": "the whole territory",
            "value": "5300",
            "old": "65.5",
            "on": "line 2",
        },
    )
    assert english == "htx_count 2025-06 (the whole territory) is 5300 here but 65.5 on line 2"
    vi = render("conflicting_values", args, "vi", {"htx_count": "Số hợp tác xã"})
    assert vi == "Số hợp tác xã 6/2025 (toàn tỉnh) là 5.300 ở đây nhưng là 65,5 ở dòng 2"


def _sentences(template: str) -> list[str]:
    """The literal runs of a template long enough to be a phrase of English."""
    parts = re.split(r"\{[^}]*\}", template)
    return [p.strip(" :;,.()'") for p in parts if len(p.strip(" :;,.()'")) >= 12]


def _vietnamese_outputs(tmp_path: Path) -> str:
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "indicator,period,value,extra\nhtx_count,2024,834,\nhtx_count,2024,834,\n"
        "htx_count,2024,900,\nTổng cộng,2024,1,\nhtx_count,2023,727\n",
        encoding="utf-8",
    )
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    runs = [
        ["report", EXAMPLE, "--as-of", "2031", "--lang", "vi"],
        ["validate", str(broken), "--lang", "vi"],
        ["validate", str(deep), "--lang", "vi"],
        ["targets"],
        ["template", "--lang", "vi"],
        ["report", str(tmp_path / "gone.csv"), "--output", str(tmp_path)],
    ]
    return "\n".join(invoke(run, env={"COLUMNS": "120"}).output for run in runs)


def test_no_vietnamese_output_holds_an_english_sentence_of_the_catalogue(tmp_path: Path) -> None:
    output = _vietnamese_outputs(tmp_path)
    assert "ktt: error: " in output  # a usage error among them
    for code in ["stale_figure", "bound_used", "repeated_row", "conflicting_values", "too_deep"]:
        assert code in output  # the messages looked for are there
    for key, templates in MESSAGES.items():
        for sentence in _sentences(templates["en"]):
            assert sentence not in output, (key, sentence)


def test_json_warnings_keep_their_code_and_say_the_message_in_the_language() -> None:
    import json

    def warnings(lang: str) -> list[dict[str, object]]:
        args = ["report", EXAMPLE, "--format", "json", "--lang", lang]
        found: list[dict[str, object]] = json.loads(invoke(args).stdout)["warnings"]
        return found

    vi, en = warnings("vi"), warnings("en")
    assert [w["code"] for w in vi] == [w["code"] for w in en]
    bound = next(w for w in vi if w["code"] == "bound_used")
    assert bound["message"] == (
        "Số tổ hợp tác: số liệu mới nhất (2023) được ghi là 'trên 5.300': một cận, được dùng "
        "làm giá trị"
    )
    assert bound["args"] == {
        "indicator": "tht_count",
        "role": "latest figure",
        "period": "2023",
        "bound": "more than",
        "value": "5300",
    }
    assert next(w for w in en if w["code"] == "bound_used")["message"] == (
        "Cooperative groups: the latest figure (2023) is given as 'more than 5300': a bound, "
        "used as the value"
    )
