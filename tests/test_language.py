"""One language for everything ktt says (SPEC §1): every case of the test corpora in both
languages, `--lang` wherever it stands, help and Click's own words, and never a library's
words."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import invoke, run_ktt
from ktt_cli.bundled import DEFAULT, bundled_path
from ktt_cli.messages import MESSAGES
from ktt_cli.problems import ProblemLog
from ktt_cli.targets_file import read_targets, read_targets_bytes

TESTS = Path(__file__).parent
ROOT = TESTS.parent
EXAMPLE = str(ROOT / "examples" / "actuals.csv")
SNAPSHOTS = TESTS / "snapshots"

#: Every input file of the test corpora: targets and actuals, text and workbooks.
CORPORA = sorted(
    path
    for folder in (
        "corpus",
        "fixtures/targets",
        "fixtures/actuals",
        "fixtures/workbooks",
        "fixtures/office",
        "fixtures/lang",
    )
    for path in (TESTS / folder).iterdir()
    if path.suffix not in (".md", ".py", ".toml")
)

#: Words of the libraries under ktt that once reached users.
LIBRARY_WORDS = [
    "Value error",
    "Input should",
    "while scanning",
    "while parsing",
    "could not find expected",
    "did not find expected",
    "not valid UTF-8 at byte offset",
    "cannot convert float",
    "is not a zip file",
    "no valid workbook part",
    "Bad CRC-32",
    "' or '",
    "Traceback",
    "Usage:",
    "Options:",
    "Show this message",
    "No such option",
    "Missing argument",
    "Invalid value",
    "Got unexpected extra",
    "Try '",
]


def _indicator_ids() -> list[str]:
    programme = read_targets(read_targets_bytes(bundled_path(DEFAULT)), DEFAULT, ProblemLog())
    assert programme is not None
    return sorted(i.id for i in programme.indicators)


_IDS = _indicator_ids()


def _sentences(template: str) -> list[str]:
    """The literal runs of a template long enough to be a phrase of its language."""
    parts = re.split(r"\{[^}]*\}", template)
    return [p.strip(" :;,.()'") for p in parts if len(p.strip(" :;,.()'")) >= 12]


def _corpus_cases(folder: Path) -> list[list[str]]:
    """The command lines of every case of the robustness corpus (tests/corpus/cases.toml),
    its big inputs built in `folder`."""
    from test_corpus import CASES, CORPUS, EXAMPLES, GENERATORS

    lines = []
    for case in CASES:
        path = CORPUS / case["file"]
        if "generate" in case:
            path = folder / case["file"]
            if not path.exists():
                GENERATORS[case["generate"]](path)
        lines.append(
            [
                a.replace("{file}", str(path))
                .replace("{corpus}", str(CORPUS))
                .replace("{examples}", str(EXAMPLES))
                for a in case["args"]
            ]
        )
    return lines


def _run_corpora(lang: str, folder: Path) -> str:
    """What ktt says about every case of the corpora: each case of the robustness corpus
    with its own command line, and of every other file `validate` (targets files checked
    as such, actuals against the bundled programme) and `report`."""
    said = []
    lines = _corpus_cases(folder)
    for path in CORPORA:
        lines += [["validate", str(path)], ["report", str(path), "--as-of", "2031"]]
    for line in lines:
        result = invoke([*line, "--lang", lang], env={"COLUMNS": "200"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            line,
            result.exception,
        )
        said.append(result.stderr + (result.stdout if line[0] == "validate" else ""))
    return "\n".join(said)


@pytest.fixture(scope="module")
def said_in(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("corpus")
    return {lang: _run_corpora(lang, folder) for lang in ("vi", "en")}


def test_the_corpora_are_all_read(said_in: dict[str, str]) -> None:
    assert len(CORPORA) > 100
    for code in ["text_mismatch", "thousands_separator", "unknown_key", "percent_out_of_range"]:
        assert code in said_in["vi"]  # the messages looked for are there


@pytest.mark.parametrize(("lang", "other"), [("vi", "en"), ("en", "vi")])
def test_no_message_falls_back_to_the_other_language(
    said_in: dict[str, str], lang: str, other: str
) -> None:
    output = said_in[lang]
    for key, templates in MESSAGES.items():
        for sentence in _sentences(templates[other]):
            if sentence not in templates[lang]:  # a phrase both languages share is no sign
                assert sentence not in output, (key, sentence)


#: English words no Vietnamese sentence holds: a message that has them fell back to
#: English, or carries a library's words (Pydantic's "'a', 'b' or 'c'", zipfile's "File
#: is not a zip file") that no catalogue sentence holds.
_ENGLISH = re.compile(
    r"\b(the|is|are|was|or|and|not|of|with|has|have|for|an|this|that|no|cannot|"
    r"contains|file|found|expected|invalid|must|should|value error)\b",
    re.IGNORECASE,
)
#: Names as Vietnamese users see them: Excel's menus, encodings, formats.
_NAMES = re.compile(
    r"File( > [\w -]+)+( \(Comma delimited\))?|--[\w-]+( [\w.-]+)?|"
    r"'[^']*'|\"[^\"]*\"|\S*/\S*|\S+\.(csv|xlsx|yaml|txt)\b"
)


def test_vietnamese_output_holds_no_english_words(said_in: dict[str, str]) -> None:
    for line in said_in["vi"].splitlines():
        said = line.split(": ", 2)[-1] if ": " in line else line
        assert not _ENGLISH.search(_NAMES.sub("", said)), line


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_library_words_reach_the_user(said_in: dict[str, str], lang: str) -> None:
    for words in LIBRARY_WORDS:
        assert words not in said_in[lang], words


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_name_indicators_by_name_never_by_id(said_in: dict[str, str], lang: str) -> None:
    """An id may appear quoted, as the file wrote it ('htx_count'), never as the name of
    what a message is about (`htx_count: …`, `htx_count has rows …`)."""
    for line in said_in[lang].splitlines():
        message = line.split(": ", 2)[-1] if ": " in line else line
        unquoted = re.sub(r"'[^']*'|\"[^\"]*\"|(such as|như) \w+", "", message)
        for indicator in _IDS:
            assert not re.search(rf"(?<![\w/.-]){indicator}(?![\w.])", unquoted), line


# ---- a targets file saved the ways offices save one ------------------------------------


def _validate(tmp_path: Path, name: str, data: bytes, lang: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return invoke(["validate", str(path), "--lang", lang]).output


VALID = (TESTS / "fixtures" / "targets" / "valid.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("bom", [True, False])
def test_a_targets_file_saved_as_utf16_is_told_in_the_language(tmp_path: Path, bom: bool) -> None:
    data = VALID.encode("utf-16" if bom else "utf-16-le")
    vi = _validate(tmp_path, "t.yaml", data, "vi")
    assert "encoding: tệp được lưu dạng UTF-16" in vi
    en = _validate(tmp_path, "t.yaml", data, "en")
    assert "encoding: the file is saved as UTF-16" in en


def test_a_no_break_space_after_a_colon_is_named(tmp_path: Path) -> None:
    data = VALID.replace("schema_version: 1", "schema_version:\u00a01", 1).encode()
    line = VALID.splitlines().index("schema_version: 1") + 1
    vi = _validate(tmp_path, "t.yaml", data, "vi")
    assert f"yaml_syntax: dòng {line} có một dấu cách không ngắt" in vi, vi
    assert "while scanning" not in vi


def test_nan_in_a_workbook_cell_is_said_in_words_of_ours() -> None:
    from ktt_cli.load.figures import FigureError, checked
    from ktt_cli.units import Unit

    with pytest.raises(FigureError) as refused:
        checked(float("nan"), Unit.COUNT)
    assert refused.value.code == "not_a_number"
    assert "cannot convert" not in str(refused.value)


# ---- --lang wherever it stands ----------------------------------------------------------


def _ktt(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "KTT_LANG"} | {"COLUMNS": "80"}
    return run_ktt(args, text=True, encoding="utf-8", env=environment | (env or {}))


@pytest.mark.parametrize(
    ("args", "english"),
    [
        (["report", EXAMPLE, "--milestone", "2035"], "--milestone 2035: the programme has no"),
        (["report", EXAMPLE, "--compare", "2030"], "--compare 2030: the period compared with"),
        (["report", "gone.csv"], "gone.csv: no such file"),
        (["report", EXAMPLE, "--format", "pdf"], "--format: choose one of table"),
        (["report", EXAMPLE, "--nope"], "there is no option --nope"),
        (["report", EXAMPLE, "--as-of"], "--as-of needs a value after it"),
        (["report", EXAMPLE, "--region", "Xa Khong Co"], "--region Xa Khong Co: no region"),
        (["schema", "extra"], "unexpected argument(s): extra"),
        (["repor"], "there is no command repor; did you mean 'report'?"),
    ],
)
def test_lang_anywhere_on_the_line_governs_usage_errors(args: list[str], english: str) -> None:
    lines = [["--lang", "en", *args], [*args[:1], "--lang=en", *args[1:]]]
    if args[-1] != "--as-of":  # an option's value may start with --: `--as-of --lang`
        lines.append([*args, "--lang", "en"])
    for line in lines:
        run = _ktt(*line)
        assert run.returncode == 2, run.stderr
        assert english in run.stderr, (line, run.stderr)
    vi = _ktt(*args)  # the default, Vietnamese
    assert english not in vi.stderr
    assert vi.stderr.startswith("ktt: error: ")
    assert _ktt(*args, env={"KTT_LANG": "en"}).stderr == _ktt(*lines[0]).stderr
    # the line wins over the environment
    assert english not in _ktt("--lang", "vi", *args, env={"KTT_LANG": "en"}).stderr


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--help", "--lang", "en"],
        ["--lang", "en", "report", "--help"],
        ["report", "-h", "--lang=en"],
    ],
)
def test_lang_anywhere_governs_the_help(args: list[str]) -> None:
    shown = _ktt(*args).stdout
    assert shown.startswith("Usage: ktt report [OPTIONS] [ACTUALS]...")
    assert "Gap to target" in shown
    assert "Khoảng cách" not in shown


# ---- the help in Vietnamese, snapshots at 80 columns ----------------------------------


COMMANDS = ["", "report", "validate", "targets", "template", "coverage", "schema"]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_snapshot_at_80_columns(command: str, lang: str) -> None:
    shown = _ktt(*([command] if command else []), "--help", "--lang", lang).stdout
    snapshot = SNAPSHOTS / f"help-{command or 'ktt'}-{lang}-80.txt"
    if os.environ.get("KTT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(shown, encoding="utf-8")
    assert shown == snapshot.read_text(encoding="utf-8"), "rerun with KTT_UPDATE_SNAPSHOTS=1"
    if lang == "vi":
        for words in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Show this",
            "[default",
            "env var",
            "[OPTIONS]",
            "COMMAND [ARGS]",
            " FILE",
            "PERIOD",
            "YEAR",
            "ACTUALS",
            "STATUS",
        ]:
            assert words not in shown, words


def test_the_help_of_fail_on_lists_the_statuses_in_both_forms() -> None:
    vi = " ".join(_ktt("report", "--help").stdout.split())
    assert "limited_progress (tiến triển chậm)" in vi
    assert "missed (không đạt)" in vi
    en = " ".join(_ktt("report", "--help", "--lang", "en").stdout.split())
    assert "limited_progress (limited progress)" in en


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--milestone", "abc"],
        ["report", "--by", "x"],
        ["report", "--as-of"],
        ["report", "--nope"],
        ["schema", "x"],
        ["repor"],
        ["--lang", "vi"],
    ],
)
def test_clicks_own_errors_are_vietnamese(args: list[str]) -> None:
    run = _ktt(*args)
    assert run.returncode == 2
    for words in LIBRARY_WORDS:
        assert words not in run.stderr, (words, run.stderr)
    assert run.stderr.startswith("ktt: error: ")
    assert "xem ktt" in run.stderr


# ---- --fail-on's words and lines --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "given", "line"),
    [
        (
            "vi",
            "cần tăng tốc",
            "ktt: --fail-on: Số hợp tác xã, mốc 2030, Xã Trạm Tấu: cần tăng tốc "
            "(needs_acceleration); thực hiện 6 (2025) so với ngưỡng ≥ 10\n",
        ),
        (
            "en",
            "Needs Acceleration",
            "ktt: --fail-on: Cooperatives, milestone 2030, Xã Trạm Tấu: needs acceleration "
            "(needs_acceleration); actual 6 (2025) against a threshold of ≥ 10\n",
        ),
    ],
)
def test_fail_on_lines_name_the_region_with_the_figures(lang: str, given: str, line: str) -> None:
    """A region's result: the indicator by name, the milestone, the region, the status in
    words and code, the figure against the target: here a commune's 6 against the
    each_region threshold of >= 10, which has no percent achieved (SPEC §8)."""
    communes = ROOT / "examples" / "synthetic-communes"
    run = _ktt(
        "report",
        f"{communes}.csv",
        "--targets",
        f"{communes}.yaml",
        "--by",
        "region",
        "--format",
        "csv",
        "--fail-on",
        given,
        "--lang",
        lang,
    )
    assert run.returncode == 1, run.stderr
    assert line in run.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_problem_of_the_corpora_comes_from_the_catalogue_with_its_arguments(
    lang: str,
) -> None:
    """In JSON, each problem of every corpus file carries its catalogue code and the
    arguments its message is made from (never `{}` beside a sentence written elsewhere),
    and its message is the catalogue's, said in the language."""
    from ktt_cli.localise import render
    from ktt_cli.messages import fields

    seen = 0
    for path in CORPORA:
        result = invoke(["validate", str(path), "--format", "json", "--lang", lang])
        if result.exit_code == 2:  # a usage error (ktt: error: …), no list of problems
            continue
        for problem in json.loads(result.stdout):
            args = problem["args"]
            key = args.get("template", problem["code"])
            assert key in MESSAGES, problem
            assert fields(MESSAGES[key][lang]) <= args.keys(), problem
            if "indicator" not in MESSAGES[key][lang] and "about" not in args:
                made = render(problem["code"], tuple(args.items()), lang)
                assert problem["message"] == made, problem
            seen += 1
    assert seen > 150
