"""The catalogue of messages: every code said in both languages, Vietnamese output free of
the English sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import invoke
from ktt_cli.i18n import LABELS, STATUS
from ktt_cli.localise import render
from ktt_cli.messages import MESSAGES, fields, said

SRC = Path(__file__).resolve().parent.parent / "src" / "ktt_cli"
EXAMPLE = str(SRC.parent.parent / "examples" / "actuals.csv")

#: A template key given to the catalogue: `log.say(place, "key"`, `self._say(place, "key"`,
#: `_warning(observation, "key"`, `_Refused(place, "key"`, `InputStop.said(line, "key"`,
#: `said("key"`.
_SAID = re.compile(
    r'(?:\bsay|\b_say|\b_warning|\b_Refused|\b(?:Input|Workbook)Stop\.said)\(\s*[^,()"]+(?:\([^()]*\))?,\s*"([a-z_.]+)"'
)
_SAID_DIRECTLY = re.compile(r'\b(?:said|usage|NumberError)\(\s*"([a-z_.]+)"')


#: A period's refusal: `PeriodError("key"`, `_refused(text, "key"` (invalid_period.key).
_PERIOD = re.compile(r'\b(?:PeriodError\(|_refused\(\s*\w+,)\s*"([a-z_]+)"')


def _keys_used() -> set[str]:
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(_SAID.findall(text)) | set(_SAID_DIRECTLY.findall(text))
        keys |= {f"invalid_period.{key}" for key in _PERIOD.findall(text)}
    return keys


def test_every_key_said_in_the_code_is_in_the_catalogue() -> None:
    used = _keys_used()
    assert {"stale_figure", "no_figure.count", "yaml_tag.merge", "not_whole", "error_cell"} <= used
    assert {"invalid_period.no_month", "invalid_period.year_first", "usage.no_such_file"} <= used
    assert {"csv_syntax", "not_csv", "line_too_long", "workbook_xls", "no_such_sheet"} <= used
    assert used - MESSAGES.keys() == set()
    # keys made at run time: an encoding problem and its hint (load/text.py, Decoded._hint)
    assert {"encoding", "encoding.utf16", "encoding.cp1258"} <= MESSAGES.keys()


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
    vi = render("conflicting_values", args, "vi", english, {"htx_count": "Số hợp tác xã"})
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
        "tht_count: the latest figure (2023) is given as 'more than 5300': a bound, used as "
        "the value"
    )
