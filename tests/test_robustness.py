"""Robustness guarantees (SPEC §1, §3, §5, §6): loaders that never raise, output that
works under any locale, CSV that never runs as a formula, paths that are checked before
any work, and one line instead of a traceback for a bug."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import installed, invoke, read, run_ktt, source
from ktt_cli import cli
from ktt_cli.figures_text import NumberStyle
from ktt_cli.load.collect_state import ReadOptions
from ktt_cli.load.text import Source
from ktt_cli.messages import message
from ktt_cli.model import TargetsFile
from ktt_cli.problems import Place, Problem, ProblemLog
from ktt_cli.render.csv import report_csv
from ktt_cli.render.json import report_json
from ktt_cli.render.markdown import report_markdown
from ktt_cli.render.problems import problem_lines
from ktt_cli.render.table import report_view
from ktt_cli.report import build_report
from ktt_cli.streams import render_text
from ktt_cli.targets_file import MAX_BYTES, read_targets, read_targets_bytes

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "actuals.csv"
BUNDLED_TEXT = (ROOT / "targets.yaml").read_text(encoding="utf-8")
BOM = b"\xef\xbb\xbf"
ANSI = b"\x1b["
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

#: Modest by default; set KTT_TEST_FUZZ_EXAMPLES=5000 for a long hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("KTT_TEST_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _bundled() -> TargetsFile:
    log = ProblemLog()
    targets = read_targets(BUNDLED_TEXT.encode(), "targets.yaml", log)
    assert targets is not None, [str(p) for p in log]
    return targets


BUNDLED = _bundled()
IDS = [i.id for i in BUNDLED.indicators]
RESULT_COUNT = sum(len(i.targets) for i in BUNDLED.indicators)


def _lines_in(text: str, breaks: str = "\n\r") -> int:
    """How many lines `text` has, counting each of `breaks` (and CR LF) as a line end."""
    text = text.replace("\r\n", "\n")
    return sum(text.count(b) for b in breaks) + 1


def _check_log(log: ProblemLog, line_count: int) -> None:
    """Every problem is placed inside the file (or not placed at all)."""
    for problem in log:
        assert problem.line is None or 1 <= problem.line <= line_count + 1, str(problem)[:300]
        assert problem.code.replace("_", "").isalnum(), str(problem)[:300]


# ---- fuzzing the targets loader ------------------------------------------------------


def _targets_outcome(data: bytes) -> ProblemLog:
    log = ProblemLog()
    targets = read_targets(data, "fuzz.yaml", log)  # any exception fails the test
    # a file is either accepted without errors, or refused with at least one
    assert (targets is None) == (log.errors > 0), [str(p)[:200] for p in log]
    return log


@FUZZ
@given(st.binary(max_size=3000))
def test_read_targets_survives_any_bytes(data: bytes) -> None:
    _targets_outcome(data)


_YAML_JUNK = st.sampled_from(
    [
        "", " ", "\t", ":", ": ", "-", "- ", "? ", "&a ", "*a", "*nowhere",
        "!!python/object:os.system", "!!binary aGk=", "!!set {a}", "!!timestamp 2024-01-01",
        "<<: *a", "[", "]", "{", "}", "'",
        '"', "|", ">-", "#", "%YAML 1.1", "---", "...", "~", "null", "yes", "NO", ".nan", "-.inf",
        "1e999", "-1", "0x1F", "0o17", "1_000", "2030-13-45", "2030", "101", "-5", "\x00", "\ufeff",
        "\u2028", "\x85", "ư", "Đồng", "=cmd|' /C calc'!A0", "@SUM(A1)", "all", "about",
        "tolerance: 2", "value: -1", "unit: percent", "comparator: all", "year: 1800",
        "id: htx_count", "period: '2031'",
    ]
)  # fmt: skip


@st.composite
def near_valid_yaml(draw: st.DrawFn) -> str:
    """The bundled targets file with a few lines broken, moved or repeated."""
    lines = BUNDLED_TEXT.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "repeat", "swap", "insert", "edit", "cut"]))
        if action == "delete":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "insert":
            indent = " " * draw(st.integers(0, 10))
            lines.insert(i, indent + draw(_YAML_JUNK) + draw(st.text(max_size=6)))
        elif action == "edit":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(_YAML_JUNK) + line[at + draw(st.integers(0, 8)) :]
        else:  # the file ends in the middle of this line
            lines = [*lines[:i], lines[i][: draw(st.integers(0, len(lines[i])))]]
    return "\n".join(lines)


@FUZZ
@given(near_valid_yaml())
def test_read_targets_survives_near_valid_yaml(text: str) -> None:
    log = _targets_outcome(text.encode("utf-8", "surrogatepass"))
    _check_log(log, _lines_in(text, "\n\r\x85\u2028\u2029"))  # YAML's line breaks


# ---- fuzzing the actuals reader ----------------------------------------------------------


def _source(data: bytes, *, pipe: bool) -> Source:
    return source("fuzz.csv", data, pipe=pipe)


def _byte_lines(data: bytes) -> int:
    """At most this many lines, whatever the encoding: each line end has a CR or LF byte."""
    return data.count(b"\n") + data.count(b"\r") + 1


def _read(data: bytes, *, pipe: bool = False, options: ReadOptions | None = None):
    return read(_source(data, pipe=pipe), targets=BUNDLED, options=options)


@FUZZ
@given(
    st.binary(max_size=3000),
    st.booleans(),
    st.sampled_from([None, "cp1258", "utf-16-le", "latin-1"]),
)
def test_read_actuals_survives_any_bytes(data: bytes, pipe: bool, encoding: str | None) -> None:
    _, log = _read(data, pipe=pipe, options=ReadOptions(NumberStyle.AUTO, encoding))
    _check_log(log, _byte_lines(data))


@FUZZ
@given(
    st.sampled_from([b"", BOM, b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04"]), st.binary(max_size=600)
)
def test_read_actuals_survives_any_bytes_after_a_magic_prefix(prefix: bytes, data: bytes) -> None:
    for pipe in (False, True):
        _, log = _read(prefix + data, pipe=pipe)
        _check_log(log, _byte_lines(prefix + data))


UNITS = {i.id: i.unit.value for i in BUNDLED.indicators}
_BAD_INDICATOR = st.one_of(
    st.sampled_from(["HTX_COUNT", " htx_count ", "htx-count", "htx_cuont", "", "=1+1", "#htx"]),
    st.text(max_size=10),
)
_GOOD_PERIOD = st.one_of(
    st.integers(2015, 2035).map(str),
    st.builds("{}-Q{}".format, st.integers(2015, 2035), st.integers(1, 4)),
    st.builds("{}-{:02d}".format, st.integers(2015, 2035), st.integers(1, 12)),
    st.builds("{}/{}".format, st.integers(1, 12), st.integers(2015, 2035)),
    st.dates(date(2015, 1, 1), date(2035, 12, 31)).map(date.isoformat),
)
_BAD_PERIOD = st.one_of(
    st.integers(1890, 2210).map(str),
    st.builds("{}-Q{}".format, st.integers(2015, 2035), st.integers(0, 5)),
    st.builds("{}-{:02d}".format, st.integers(2015, 2035), st.integers(0, 13)),
    st.builds(
        "{}-{:02d}-{:02d}".format, st.integers(2015, 2035), st.integers(1, 12), st.integers(0, 32)
    ),
    st.text(max_size=8),
)
_QUALIFIER = st.sampled_from(["", "", "", ">", "≈", "~", ">=", "< ", "≤"])
_GOOD_VALUE = {
    "count": st.builds("{}{}".format, _QUALIFIER, st.integers(0, 10**6)),
    "persons": st.builds("{}{}".format, _QUALIFIER, st.integers(0, 10**7)),
    "percent": st.one_of(
        st.integers(0, 100).map(str),
        st.floats(0, 100).map("{:.1f}".format),
        st.floats(0, 100).map(lambda v: f"{v:.2f}".replace(".", ",")),
        st.integers(0, 100).map("{}%".format),
    ),
}
_ODD_NUMBERS = [
    "8.400", "1,200", "1.234,5", "1,234.5", "65,5", "65.5%", "65,5%", ">5300", "≈34000",
    "~1", "<=2", "≥ 3", "1 200", "1\u00a0200", "−5", "", " ", "1e5", "nan", "inf", "0",
    "00", "0,0", "100%", "101%", "-0", "9" * 400, "0.0000001", "1.000.000", "12%%",
]  # fmt: skip
_BAD_VALUE = st.one_of(
    st.integers(-(10**6), 10**7).map(str),
    st.floats().map(repr),
    st.sampled_from(_ODD_NUMBERS),
    st.text(max_size=8),
)
_FREE = st.text(alphabet=st.sampled_from([*"ab ,;\t\"'\n\r#=+-@ươĐ%\x00\u2028", "ệ"]), max_size=12)
_HEADERS = [
    ["indicator", "period", "value", "region", "source", "note"],
    ["Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn", "Nguồn", "Ghi chú"],
    ["chi_tieu", "nam", "gia_tri"],
    ["value", "indicator", "period"],
    ["indicator", "period", "value", "value"],
    ["indicator", "period", "value", "extra"],
    ["indicator", "period"],
]
_ROLES = {
    "indicator": "indicator", "chỉ tiêu": "indicator", "chi_tieu": "indicator",
    "period": "period", "kỳ": "period", "nam": "period",
    "value": "value", "giá trị": "value", "gia_tri": "value",
    "region": "region", "địa bàn": "region",
}  # fmt: skip


@st.composite
def near_valid_csv(draw: st.DrawFn) -> tuple[str, str]:
    """(text, encoding) of an actuals file much like a real one, with some cells wrong.

    Each example picks how often a cell is wrong, from never to often, so that many
    files are clean and go on to the report.
    """
    wrong_percent = draw(st.sampled_from([0, 0, 3, 15, 50]))

    def pick(good: st.SearchStrategy[str], bad: st.SearchStrategy[str]) -> str:
        return draw(bad if draw(st.integers(0, 99)) < wrong_percent else good)

    wide = draw(st.booleans())
    if wide:
        columns = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
        header = ["period", *columns, *draw(st.sampled_from([[], ["region"], ["note"]]))]
    else:
        header = draw(st.sampled_from(_HEADERS))
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        row, unit = [], None
        for name in header:
            role = _ROLES.get(name.lower())
            if role == "indicator":
                indicator = pick(st.sampled_from(IDS), _BAD_INDICATOR)
                unit = UNITS.get(indicator)
                row.append(indicator)
            elif role == "period":
                row.append(pick(_GOOD_PERIOD, _BAD_PERIOD))
            elif role == "value" or name in UNITS:
                good = _GOOD_VALUE[UNITS.get(name) or unit or "count"]
                if wide and not draw(st.integers(0, 3)):
                    good = st.just("")  # a blank cell in a wide file: no figure
                row.append(pick(good, _BAD_VALUE))
            elif role == "region":
                row.append(pick(st.sampled_from(["", "", "", "Huyện Văn Chấn"]), _FREE))
            else:
                row.append(pick(st.sampled_from(["", "Báo Thử Nghiệm", "ước tính"]), _FREE))
        if draw(st.integers(0, 99)) < wrong_percent:
            row = row[:-1] if draw(st.booleans()) else [*row, draw(_FREE)]
        rows.append(row)
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    if draw(st.booleans()):
        out.write("# số liệu thử nghiệm, không có thật\n")
    if draw(st.integers(0, 4)) == 0:  # written by hand: no quoting at all
        for row in [header, *rows]:
            out.write(delimiter.join(row) + "\n")
    else:
        ending = draw(st.sampled_from(["\n", "\r\n"]))
        csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows([header, *rows])
    return out.getvalue(), draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))


@FUZZ
@given(
    near_valid_csv(),
    st.booleans(),
    st.sampled_from(list(NumberStyle)),
)
def test_read_actuals_and_report_survive_near_valid_csv(
    sample: tuple[str, str], pipe: bool, style: NumberStyle
) -> None:
    text, encoding = sample
    data = text.encode(encoding, "surrogatepass")
    actuals, log = _read(data, pipe=pipe, options=ReadOptions(style, None))
    _check_log(log, _lines_in(text))
    if log.errors:
        return
    # what the reader accepts, the report must handle: every renderer, no exception
    report = build_report(
        BUNDLED, actuals, targets_file="targets.yaml", reading_warnings=log.of_severity("warning")
    )
    assert len(report.results) == RESULT_COUNT
    parsed = json.loads(report_json(report, "vi"))
    assert len(parsed["results"]) == RESULT_COUNT
    assert len(list(csv.reader(io.StringIO(report_csv(report, "en"))))) == RESULT_COUNT + 1
    assert report_markdown(report, "vi")
    assert render_text(report_view(report, "vi"))


def test_problem_line_numbers_survive_the_pipe_path() -> None:
    """A pipe cannot be read again to place an error: the offset and line are counted."""
    data = (
        "indicator,period,value,region,source,note\n"
        "htx_count,2023,727,,,\n"
        "htx_count,2024,777,,Báo Thử Nghiệm,\n"
    ).encode("cp1258", "replace")
    problems = {}
    for pipe in (False, True):
        _, log = _read(data, pipe=pipe)
        problems[pipe] = [(p.line, p.code, p.message) for p in log]
    assert problems[False] == problems[True]
    [(line, code, message)] = problems[True]
    assert (line, code) == (3, "encoding")
    assert f"offset {data.index(b'B') + 1}" in message


# ---- output works everywhere ---------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KTT_", "LC_", "PYTHONIO", "PYTHONUTF8"))
        and k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE", "LANG")
    }
    env.update(extra)
    return env


def _ktt(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None):
    return run_ktt(
        args,
        script=True,
        env=env or _env(),
        input=stdin,
        check=False,
    )


LOCALES = {
    "LC_ALL=C": {"LC_ALL": "C"},
    "C without coercion": {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "PYTHONIOENCODING=cp1252": {"PYTHONIOENCODING": "cp1252"},
}


@pytest.mark.parametrize("output_format", ["table", "json", "markdown", "csv"])
@pytest.mark.parametrize("locale", list(LOCALES), ids=list(LOCALES))
def test_report_is_utf8_under_any_locale(locale: str, output_format: str) -> None:
    run = _ktt("report", str(EXAMPLE), "--format", output_format, "--lang", "vi",
               env=_env(**LOCALES[locale]))  # fmt: skip
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    stdout = run.stdout.decode("utf-8")  # strict: a stray byte fails here
    run.stderr.decode("utf-8")
    assert b"Traceback" not in run.stderr
    assert "Số hợp tác xã" in unicodedata.normalize("NFC", stdout.replace("\n", " "))
    assert "\\u" not in stdout
    assert "\\x" not in stdout
    if output_format == "json":
        names = {r["indicator"]: r["name"] for r in json.loads(stdout)["results"]}
        assert names["htx_count"] == "Số hợp tác xã"
    if output_format == "table":
        assert "Mục tiêu" in stdout  # a Vietnamese label, not an English one


@pytest.mark.parametrize("locale", list(LOCALES), ids=list(LOCALES))
def test_problem_lines_are_utf8_under_any_locale(locale: str) -> None:
    run = _ktt("report", "tests/corpus/actuals_duplicate_header.csv", env=_env(**LOCALES[locale]))
    assert run.returncode == 2
    assert run.stdout == b""
    stderr = run.stderr.decode("utf-8")
    assert "'Giá trị'" in stderr
    assert stderr.splitlines()[-1].startswith("ktt: error: ")


def _on_a_terminal(*args: str, env: dict[str, str]) -> tuple[int, bytes]:
    """Run ktt with stdout on a pseudo-terminal; its return code and what it wrote there."""
    main, secondary = pty.openpty()
    try:
        process = subprocess.Popen(
            [installed("ktt"), *args],
            cwd=ROOT,
            env=env,
            stdout=secondary,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.close(secondary)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal is closed once ktt is done
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
    return process.wait(timeout=60), b"".join(chunks)


def test_colour_on_a_terminal_only() -> None:
    terminal = _env(TERM="xterm-256color")
    code, shown = _on_a_terminal("report", str(EXAMPLE), env=terminal)
    assert code == 0
    assert ANSI in shown  # the control: on a terminal, statuses are in colour

    code, shown = _on_a_terminal("report", str(EXAMPLE), env={**terminal, "NO_COLOR": "1"})
    assert code == 0
    assert "hợp tác xã".encode() in shown
    assert ANSI not in shown

    code, shown = _on_a_terminal("report", str(EXAMPLE), "--format", "json", env=terminal)
    assert code == 0
    assert ANSI not in shown

    piped = _ktt("report", str(EXAMPLE), env=terminal)
    assert piped.returncode == 0
    assert "hợp tác xã".encode() in piped.stdout
    assert ANSI not in piped.stdout
    assert ANSI not in piped.stderr


def test_a_workbook_is_never_written_to_a_terminal() -> None:
    for args in (["report", str(EXAMPLE), "--format", "xlsx"], ["template", "--format", "xlsx"]):
        code, shown = _on_a_terminal(*args, env=_env())
        assert code == 2
        assert shown == b""  # no zip reached the terminal (the message is on stderr)


def test_stdin_is_read_like_a_file() -> None:
    data = EXAMPLE.read_bytes()
    from_file = _ktt("report", str(EXAMPLE), "--format", "json")
    from_pipe = _ktt("report", "-", "--format", "json", stdin=data)
    assert from_pipe.returncode == 0, from_pipe.stderr.decode()
    assert json.loads(from_pipe.stdout)["results"] == json.loads(from_file.stdout)["results"]

    # a workbook on standard input is read as one, by its content (SPEC §9)
    workbook = Path(__file__).parent / "fixtures" / "workbooks" / "yen-bai-long.xlsx"
    from_book = _ktt("report", "-", "--format", "json", stdin=workbook.read_bytes())
    assert from_book.returncode == 0, from_book.stderr.decode()
    assert json.loads(from_book.stdout)["results"]
    damaged = (Path(__file__).parent / "corpus" / "actuals_xlsx_renamed.csv").read_bytes()
    refused = _ktt("report", "-", stdin=damaged)
    assert refused.returncode == 2
    assert b"workbook_corrupt" in refused.stderr
    assert refused.stdout == b""


# ---- CSV output never runs as a formula -------------------------------------------------

HOSTILE_NAMES = {
    "htx_count": "=cmd|' /C calc'!A0",
    "htx_members": "+1 thành viên",
    "union_count": "-2 liên hiệp",
    "good_fair_share": "@SUM(A1:A9)",
}
HOSTILE_TEXTS = {
    "htx_count": '=HYPERLINK("http://example.invalid","1.200")',
    "htx_members": "\tTab 60.000",
    "union_count": "\rCR 20",
    "good_fair_share": "\nLF trên 65%",
}
HOSTILE_TARGETS = f"""\
schema_version: 1
programme:
  id: hostile-test
  name: "=1+2 Chương trình thử nghiệm"
  issuer: "@Tỉnh ủy Thử Nghiệm"
  implements: Nghị quyết 20-NQ/TW
  territory: "-Tỉnh Thử Nghiệm"
  source: synthetic data for tests
indicators:
  - id: htx_count
    name: {json.dumps(HOSTILE_NAMES["htx_count"], ensure_ascii=False)}
    unit: count
    baseline: {{period: "2020", value: 465}}
    targets:
      - year: 2030
        value: 1200
        text: {json.dumps(HOSTILE_TEXTS["htx_count"], ensure_ascii=False)}
        note: "=2+3"
  - id: htx_members
    name: {json.dumps(HOSTILE_NAMES["htx_members"], ensure_ascii=False)}
    unit: persons
    targets:
      - year: 2030
        comparator: over
        value: 60000
        text: {json.dumps(HOSTILE_TEXTS["htx_members"], ensure_ascii=False)}
  - id: union_count
    name: {json.dumps(HOSTILE_NAMES["union_count"], ensure_ascii=False)}
    unit: count
    targets:
      - year: 2030
        comparator: at_most
        value: 20
        text: {json.dumps(HOSTILE_TEXTS["union_count"], ensure_ascii=False)}
  - id: good_fair_share
    name: {json.dumps(HOSTILE_NAMES["good_fair_share"], ensure_ascii=False)}
    unit: percent
    share_of: "+100% tổ chức"
    targets:
      - year: 2030
        comparator: over
        value: 65
        text: {json.dumps(HOSTILE_TEXTS["good_fair_share"], ensure_ascii=False)}
"""
HOSTILE_ACTUALS = """\
indicator,period,value,region,source,note
htx_count,2020,465,,,
htx_count,2024,1212,,"=WEBSERVICE(""http://example.invalid"")",-ước tính
htx_members,2024,32000,,+báo,@ghi chú
union_count,2024,8,,,
good_fair_share,2024,55,,-nguồn,=1
"""
TEXT_FIELDS = ("name", "share_of", "target_text", "target_note", "actual_source", "actual_note")
NUMBER_FIELDS = ("target", "actual", "baseline", "gap", "percent_achieved")


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    targets = tmp_path / "hostile.yaml"
    targets.write_text(HOSTILE_TARGETS, encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text(HOSTILE_ACTUALS, encoding="utf-8")
    return targets, data


def _json_results(targets: Path, data: Path) -> dict[str, dict]:
    result = invoke(["report", "--targets", str(targets), str(data), "-f", "json"])
    assert result.exit_code == 0, result.output
    return {r["indicator"]: r for r in json.loads(result.stdout)["results"]}


def test_csv_output_escapes_formulas_and_keeps_numbers(hostile: tuple[Path, Path]) -> None:
    targets, data = hostile
    expected = _json_results(targets, data)
    result = invoke(["report", "--targets", str(targets), str(data), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert not result.stdout_bytes.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert {r["indicator"] for r in rows} == set(HOSTILE_NAMES)

    for row in rows:
        want = expected[row["indicator"]]
        for field in TEXT_FIELDS:
            cell, text = row[field], want[field]
            if text is None:
                assert cell == "", (field, cell)
            elif text.startswith(FORMULA_STARTS):
                assert cell == "'" + text, (field, cell)
            else:
                assert cell == text, (field, cell)
            assert not cell.startswith(FORMULA_STARTS), (field, cell)
        for field in NUMBER_FIELDS:  # numbers are written as numbers, never escaped
            if want[field] is None:
                assert row[field] == ""
            else:
                assert float(row[field]) == pytest.approx(want[field]), (field, row[field])
    by_id = {r["indicator"]: r for r in rows}
    assert by_id["htx_count"]["gap"] == "-12"  # 1200 - 1212: a negative gap stays a number
    assert by_id["union_count"]["gap"] == "-12"  # at_most 20, actual 8: d = -1
    assert by_id["htx_count"]["name"] == "'" + HOSTILE_NAMES["htx_count"]
    assert by_id["good_fair_share"]["target_text"] == "'" + HOSTILE_TEXTS["good_fair_share"]


def test_csv_output_file_starts_with_a_bom(hostile: tuple[Path, Path], tmp_path: Path) -> None:
    targets, data = hostile
    out = tmp_path / "report.csv"
    args = ["report", "--targets", str(targets), str(data), "-f", "csv"]
    to_file = invoke([*args, "--output", str(out)])
    assert to_file.exit_code == 0, to_file.output
    assert to_file.stdout == ""
    written = out.read_bytes()
    assert written.startswith(BOM)
    assert not written[len(BOM) :].startswith(BOM)
    to_stdout = invoke(args)
    assert written[len(BOM) :].decode("utf-8") == to_stdout.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize("output_format", ["json", "markdown", "table"])
def test_other_output_files_have_no_bom(output_format: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{output_format}"
    result = invoke(["report", str(EXAMPLE), "-f", output_format, "--output", str(out)])
    assert result.exit_code == 0, result.output
    written = out.read_bytes()
    assert not written.startswith(BOM)
    assert "hợp tác xã" in written.decode("utf-8")
    assert ANSI not in written
    if output_format == "json":
        json.loads(written)


# ---- paths --------------------------------------------------------------------------


def _refused(result, *names: str) -> list[str]:
    """The run was refused before any work: exit 2, stdout empty, `ktt: error:` lines."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines, "nothing on stderr"
    assert "Traceback" not in result.stderr
    for name in names:
        assert any(name in line for line in lines), (name, lines)
    return lines


def _one_error_line(result, *names: str) -> str:
    lines = _refused(result, *names)
    assert len(lines) == 1, lines
    assert lines[0].startswith("ktt: error: "), lines
    return lines[0]


def test_missing_actuals_file(tmp_path: Path) -> None:
    missing = tmp_path / "thieu.csv"
    _one_error_line(invoke(["report", str(missing)]), str(missing))
    _one_error_line(invoke(["validate", str(missing)]), str(missing))


def test_every_missing_file_is_named(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    lines = _refused(invoke(["report", str(a), str(EXAMPLE), str(b)]))
    assert len(lines) == 2
    assert all(line.startswith("ktt: error: ") for line in lines)
    assert str(a) in lines[0]
    assert str(b) in lines[1]


def test_missing_targets_file(tmp_path: Path) -> None:
    missing = tmp_path / "muc-tieu.yaml"
    result = invoke(["report", "--targets", str(missing), str(EXAMPLE)])
    _one_error_line(result, str(missing))


def test_a_folder_given_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "so-lieu.csv"
    folder.mkdir()
    _one_error_line(invoke(["report", str(folder)]), str(folder))
    _one_error_line(invoke(["validate", str(folder)]), str(folder))
    result = invoke(["report", "--targets", str(folder), str(EXAMPLE)])
    _one_error_line(result, str(folder))


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    out = tmp_path / "khong-co" / "report.json"
    result = invoke(["report", str(EXAMPLE), "-f", "json", "--output", str(out)])
    _one_error_line(result, str(out.parent))
    assert not out.parent.exists()


def test_output_that_is_a_folder(tmp_path: Path) -> None:
    result = invoke(["report", str(EXAMPLE), "--output", str(tmp_path)])
    _one_error_line(result, str(tmp_path))


def _copy_of_example(tmp_path: Path) -> tuple[Path, bytes]:
    data = tmp_path / "actuals.csv"
    data.write_bytes(EXAMPLE.read_bytes())
    return data, data.read_bytes()


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_output_over_the_actuals_is_refused(spelling: str, tmp_path: Path) -> None:
    data, before = _copy_of_example(tmp_path)
    if spelling == "same":
        out = data
    elif spelling == "dotted":
        (tmp_path / "sub").mkdir()
        out = tmp_path / "sub" / ".." / "actuals.csv"
    else:
        out = tmp_path / "link.csv"
        out.symlink_to(data)
    result = invoke(["report", str(data), "-f", "csv", "--output", str(out)])
    _one_error_line(result, "--output")
    assert data.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["actuals.csv"] + {"same": [], "dotted": ["sub"], "symlink": ["link.csv"]}[spelling]
    )


def test_output_over_the_targets_file_is_refused(tmp_path: Path) -> None:
    """The targets file is an input too (SPEC §1: a run never writes over its input)."""
    targets = tmp_path / "targets.yaml"
    targets.write_text(BUNDLED_TEXT, encoding="utf-8")
    before = targets.read_bytes()
    result = invoke(
        ["report", "--targets", str(targets), str(EXAMPLE), "-f", "json", "-o", str(targets)]
    )
    assert targets.read_bytes() == before, "the targets file was overwritten by the report"
    _one_error_line(result, "--output")


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_a_failed_run_leaves_the_old_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_bytes(b'{"old": "b\xc3\xa1o c\xc3\xa1o"}\n')
    before = out.read_bytes()
    bad = Path(__file__).parent / "corpus" / "actuals_negative_count.csv"
    result = invoke(["report", str(bad), "-f", "json", "--output", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "negative_count" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("ktt: error: ")
    assert out.read_bytes() == before
    assert _leftovers(tmp_path, {"report.json"}) == []


def test_a_failed_targets_file_leaves_the_old_output_alone(tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    out.write_bytes(b"old,report\n")
    bad = Path(__file__).parent / "corpus" / "targets_dup_key.yaml"
    result = invoke(["report", "--targets", str(bad), str(EXAMPLE), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 2
    assert "duplicate_key" in result.stderr
    assert out.read_bytes() == b"old,report\n"
    assert _leftovers(tmp_path, {"report.csv"}) == []


def test_a_successful_run_replaces_the_output(tmp_path: Path) -> None:
    """The control for the two tests above: the same file is written when the run works."""
    out = tmp_path / "report.json"
    out.write_bytes(b"old\n")
    result = invoke(["report", str(EXAMPLE), "-f", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_bytes())["results"]
    assert _leftovers(tmp_path, {"report.json"}) == []


def test_stdin_twice_is_refused() -> None:
    lines = _refused(invoke(["report", "-", "-"]))
    assert lines[0].startswith("ktt: error: ")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files with mode 000"
)
def test_an_unreadable_file(tmp_path: Path) -> None:
    data, _ = _copy_of_example(tmp_path)
    data.chmod(0)
    try:
        line = _one_error_line(invoke(["report", str(data)]), str(data))
        assert "permission" in line or "readable" in line
    finally:
        data.chmod(0o644)


def test_a_huge_cell_is_not_echoed_in_full(tmp_path: Path) -> None:
    """A problem line names the cell, but a 200 KB cell must not make a 200 KB line."""
    data = tmp_path / "big.csv"
    data.write_text(f"indicator,period,value\nhtx_count,2024,{'9' * 210_000}\n", encoding="utf-8")
    result = invoke(["validate", str(data)])
    assert result.exit_code == 1
    assert "big.csv:2: not_a_number" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) < 2000


# ---- an unexpected internal error ----------------------------------------------------------


def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("simulated failure inside the report")


def _run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["ktt", *args])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    return exit_info.value.code


def test_an_internal_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("KTT_DEBUG", raising=False)
    monkeypatch.setattr("ktt_cli.report.build_report", _boom)
    code = _run_main(monkeypatch, "report", str(EXAMPLE))
    captured = capsys.readouterr()
    assert code == 3
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("ktt: ")
    assert "bug" in lines[0]
    assert "--debug" in lines[0]
    assert "Traceback" not in captured.err
    assert 'File "' not in captured.err


def test_an_internal_error_leaves_the_old_output_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.delenv("KTT_DEBUG", raising=False)
    monkeypatch.setattr("ktt_cli.render.json.report_json_parts", _boom)
    out = tmp_path / "report.json"
    out.write_bytes(b"old\n")
    code = _run_main(monkeypatch, "report", str(EXAMPLE), "-f", "json", "-o", str(out))
    assert code == 3
    assert "--debug" in capsys.readouterr().err
    assert out.read_bytes() == b"old\n"
    assert _leftovers(tmp_path, {"report.json"}) == []


def test_a_failure_in_the_middle_of_a_breakdown_leaves_the_old_output_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The JSON breakdown is written in parts as it is made: a failure after the first
    parts still leaves no partial file, and the earlier one as it was."""
    from ktt_cli.render import json as json_render

    def fails_later(*_args: object) -> Iterator[str]:
        yield '{"indicator": "x"}'
        raise RuntimeError("simulated failure inside the breakdown")

    monkeypatch.delenv("KTT_DEBUG", raising=False)
    monkeypatch.setattr(json_render, "breakdown_lines", fails_later)
    out = tmp_path / "report.json"
    out.write_bytes(b"old\n")
    examples = ROOT / "examples"
    code = _run_main(
        monkeypatch,
        "report",
        str(examples / "synthetic-communes.csv"),
        "--targets",
        str(examples / "synthetic-communes.yaml"),
        "--by",
        "region",
        "-f",
        "json",
        "-o",
        str(out),
    )
    assert code == 3
    assert "--debug" in capsys.readouterr().err
    assert out.read_bytes() == b"old\n"
    assert _leftovers(tmp_path, {"report.json"}) == []


def test_debug_shows_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KTT_DEBUG", raising=False)
    monkeypatch.setattr("ktt_cli.report.build_report", _boom)
    monkeypatch.setattr(sys, "argv", ["ktt", "--debug", "report", str(EXAMPLE)])
    with pytest.raises(RuntimeError, match="simulated failure"):
        cli.main()


def test_ktt_debug_in_the_environment_shows_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KTT_DEBUG", "1")
    monkeypatch.setattr("ktt_cli.report.build_report", _boom)
    monkeypatch.setattr(sys, "argv", ["ktt", "report", str(EXAMPLE)])
    with pytest.raises(RuntimeError, match="simulated failure"):
        cli.main()


def test_bad_input_through_main_is_not_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The console script: bad input is exit 2 with problem lines, never the bug line."""
    monkeypatch.delenv("KTT_DEBUG", raising=False)
    bad = Path(__file__).parent / "corpus" / "actuals_binary.csv"
    assert _run_main(monkeypatch, "report", str(bad)) == 2
    err = capsys.readouterr().err
    assert "encoding" in err
    assert "bug" not in err


def test_a_full_disk_is_a_problem_of_the_machine_not_a_bug() -> None:
    # /dev/full refuses every write with ENOSPC: exit 2 and one line, not "internal error"
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with Path("/dev/full").open("w") as full:
        done = run_ktt(["report", EXAMPLE, "-f", "json"], script=True, stdout=full,
                       stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert done.returncode == 2
    # the catalogue's words in the user's language, never the system's English
    assert done.stderr.splitlines()[-1] == "ktt: error: đĩa đã đầy; không ghi được gì"


# ---- texts from files reach the terminal as text: no markup, no escape sequence -------

MARKUP_TARGETS = """\
schema_version: 1
programme:
  id: hostile-markup
  name: "Chương trình [bold]thử[/bold] \\e]0;tiêu đề\\a"
  issuer: Tỉnh ủy Thử Nghiệm
  implements: Nghị quyết 20-NQ/TW
  territory: Tỉnh Thử Nghiệm
  source: synthetic data for tests
indicators:
  - id: htx_count
    name: "Số [red]hợp tác xã[/] \\e[31mđỏ\\e[0m"
    unit: count
    share_of: null
    targets:
      - year: 2030
        value: 1200
        text: "[/] 1.200 hợp tác xã"
qualitative:
  - year: 2030
    text: "closing [/] tag"
  - year: 2045
    text: "Xây dựng [xã nông thôn mới] đạt chuẩn"
"""
MARKUP_ACTUALS = (
    'indicator,period,value,region,source,note\nhtx_count,2024,834,,,"\x1b[31mđỏ [/] ghi\x9b"\n'
)
SHOWN_WHOLE = (
    "closing [/] tag",
    "Xây dựng [xã nông thôn mới] đạt chuẩn",
    "Chương trình [bold]thử[/bold] \\x1b]0;tiêu đề\\x07",
)


@pytest.fixture
def markup_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "markup.yaml").write_text(MARKUP_TARGETS, encoding="utf-8")
    folder = tmp_path / "data[" / "2024]"
    folder.mkdir(parents=True)
    (folder / "số liệu [final].csv").write_text(MARKUP_ACTUALS, encoding="utf-8")
    return "data[/2024]/số liệu [final].csv"


def _no_control_characters(text: str) -> None:
    controls = {c for c in text if unicodedata.category(c) == "Cc"} - {"\n"}
    assert not controls, sorted(controls)


def test_texts_with_markup_and_escapes_are_shown_as_written(markup_files: str) -> None:
    run = invoke(["report", "--targets", "markup.yaml", markup_files], env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    for text in (*SHOWN_WHOLE, markup_files, "Số [red]hợp tác xã[/] \\x1b[31mđỏ\\x1b[0m"):
        assert text in run.stdout, text
    assert "\\x1b[31mđỏ [/] ghi\\x9b" in run.stdout
    _no_control_characters(run.stdout)


def test_markdown_shows_escape_sequences_escaped(markup_files: str) -> None:
    run = invoke(["report", "--targets", "markup.yaml", markup_files, "-f", "markdown"])
    assert run.exit_code == 0, run.output
    assert "closing \\[/\\] tag" in run.stdout  # Markdown's brackets escaped: never a link
    assert "\\\\x1b\\[31mđỏ" in run.stdout  # \x1b, its backslash escaped for Markdown
    _no_control_characters(run.stdout)


@pytest.mark.usefixtures("markup_files")
def test_the_programme_at_a_glance_shows_markup_as_written() -> None:
    run = invoke(["targets", "--targets", "markup.yaml"], env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    for text in (*SHOWN_WHOLE, "[/] 1.200 hợp tác xã"):
        assert text in run.stdout, text
    _no_control_characters(run.stdout)


def test_problem_lines_show_escape_sequences_escaped() -> None:
    said = message("ignored_column", column="\x1b[31m x\x85")
    problem = Problem.of(Place("\x1b]0;x\x07bad.csv", 2), said)
    (line,) = problem_lines([problem])
    assert line == (
        "\\x1b]0;x\\x07bad.csv:2: ignored_column: the column \\x1b[31m x\\x85 is not one ktt "
        "reads; it is left out"
    )


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(bytes(tmp_path) + b"/bad\xff.csv")
    Path(name).write_bytes(EXAMPLE.read_bytes())
    for args in (["-f", "json"], ["-f", "csv"], ["-o", str(tmp_path / "out.txt")], []):
        run = run_ktt(
            ["report", name, *args],
            script=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "300"},
        )
        assert run.returncode == 0, run.stderr
        written = run.stdout + run.stderr
        if "-o" in args:
            written += (tmp_path / "out.txt").read_bytes()
        assert b"bad\\xff.csv" in written, args
        written.decode("utf-8")
        if "json" in args:
            assert json.loads(run.stdout)["actuals_files"] == [f"{tmp_path}/bad\\xff.csv"]


# ---- inputs that ended as internal errors ------------------------------------------------


class _Endless(io.RawIOBase):
    """A stream that never ends, as `-t /dev/zero` or a pipe from `yes` is."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"#" * len(buffer)
        return len(buffer)


def test_a_targets_file_is_read_only_up_to_its_limit() -> None:
    data = read_targets_bytes(Path("/dev/zero"))
    assert len(data) == MAX_BYTES + 1
    assert len(read_targets_bytes(io.BufferedReader(_Endless()))) == MAX_BYTES + 1
    log = ProblemLog()
    assert read_targets(data, "/dev/zero", log) is None
    assert [p.code for p in log] == ["too_large"]
    assert read_targets_bytes(ROOT / "targets.yaml") == BUNDLED_TEXT.encode()


@pytest.mark.parametrize("value", ["9" * 4301, "-" + "1" * 5000, "0x" + "f" * 3600])
def test_an_integer_beyond_any_float_is_refused_in_place(value: str) -> None:
    text = BUNDLED_TEXT.replace("value: 8400", f"value: {value}", 1)
    line = text[: text.index(value)].count("\n") + 1
    log = ProblemLog()
    assert read_targets(text.encode(), "t.yaml", log) is None
    (problem,) = list(log)
    assert (problem.line, problem.code) == (line, "invalid_value")
    assert "too large" in problem.message


# ---- messages ---------------------------------------------------------------------------


def test_the_same_file_given_twice_is_named_in_the_repeat() -> None:
    run = invoke(["validate", str(EXAMPLE), str(EXAMPLE), "--lang", "en"])
    assert run.exit_code == 0, run.output
    assert f"{EXAMPLE}:4: warning: repeated_row:" in run.output
    assert f"given again as on line 4 of {EXAMPLE}\n" in run.output


def test_a_repeat_inside_one_file_names_only_the_line(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("indicator,period,value\nhtx_count,2024,834\nhtx_count,2024,834\n")
    run = invoke(["validate", str(data), "--lang", "en"])
    assert "data.csv:3: warning: repeated_row:" in run.output
    assert run.output.count("given again as on line 2\n") == 1


def test_a_template_of_names_over_several_lines_is_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    several = '{vi: "Số tổ\\nhợp \\"tác\\"\\r\\nmới\\rcũ", en: Cooperative groups}'
    text = BUNDLED_TEXT.replace("{vi: Số tổ hợp tác, en: Cooperative groups}", several, 1)
    text = text.replace("  territory: Yên Bái\n", '  territory: "Yên\\nBái"\n', 1)
    Path("multi.yaml").write_text(text, encoding="utf-8")
    template = invoke(["template", "--targets", "multi.yaml"])
    assert template.exit_code == 0, template.output
    Path("template.csv").write_text(template.stdout, encoding="utf-8")
    assert '# hợp "tác"\n# mới\n# cũ (số lượng)' in template.stdout
    checked = invoke(["validate", "--targets", "multi.yaml", "template.csv"])
    assert checked.exit_code == 0, checked.output
    assert "no_rows" in checked.output
