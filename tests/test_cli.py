"""The commands through Typer's CliRunner, and the installed `ktt` as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ktt_cli import __version__
from ktt_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "actuals.csv")
runner = CliRunner()


def ktt(*args: str, **kwargs: object):
    result = runner.invoke(app, list(args), **kwargs)  # type: ignore[arg-type]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_version() -> None:
    result = ktt("--version")
    assert (result.exit_code, result.stdout) == (0, f"ktt {__version__}\n")


def test_report_table_is_the_main_job() -> None:
    result = ktt("report", EXAMPLE)
    assert result.exit_code == 0
    assert "Mục tiêu đến năm 2030" in result.stdout
    assert "đúng hướng" in result.stdout  # htx_count, on track
    assert "\x1b[" not in result.stdout  # no colour when not a terminal
    assert "bound_used" in result.stderr  # warnings go to stderr


def test_report_json_is_the_report_and_nothing_else() -> None:
    result = ktt("report", EXAMPLE, "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["as_of"] == "2025-02"
    assert len(doc["results"]) == 13
    assert "bound_used" in result.stderr


def test_report_options_filter_and_cut_off() -> None:
    doc = json.loads(ktt("report", EXAMPLE, "-f", "json", "--as-of", "2024", "-m", "2030",
                         "-i", "htx_count", "--indicator", "tht_count").stdout)  # fmt: skip
    assert [(r["indicator"], r["actual"]) for r in doc["results"]] == [
        ("tht_count", 5300),
        ("htx_count", 777),
    ]
    assert doc["as_of"] == "2024"


def test_lang_en_and_its_environment_variable() -> None:
    assert "on track" in ktt("report", EXAMPLE, "--lang", "en").stdout
    assert "on track" in ktt("report", EXAMPLE, env={"KTT_LANG": "en"}).stdout
    assert "đúng hướng" in ktt("report", EXAMPLE, "--lang", "vi", env={"KTT_LANG": "en"}).stdout


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("missed", 0), ("on_track", 1), ("missed,insufficient_data", 1), ("no_data", 1)],
)
def test_fail_on(fail_on: str, code: int) -> None:
    assert ktt("report", EXAMPLE, "--fail-on", fail_on, "-f", "json").exit_code == code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on", "nope"], "unknown status nope"),
        (["--milestone", "2035"], "no target for 2035"),
        (["--indicator", "htx_cuont"], "did you mean 'htx_count'?"),
        (["--as-of", "mid-2024"], "--as-of"),
        (["--encoding", "klingon"], "not an encoding"),
        (["--targets", "nowhere-programme"], "neither a file nor a bundled programme"),
        (["--format", "xml"], "--format: choose one of table, json, csv"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KTT_LANG", "en")  # the usage errors asserted are the English ones
    result = ktt("report", EXAMPLE, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    if args[0] != "--format":  # a parser's error says where the help is, on a line of its own
        assert result.stderr.count("\n") == 1


def test_report_needs_actuals() -> None:
    result = ktt("report")
    assert result.exit_code == 2
    assert "ktt: error: hãy cho một hoặc nhiều tệp số liệu" in result.stderr
    english = ktt("report", env={"KTT_LANG": "en"}).stderr
    assert "ktt: error: give one or more actuals files" in english


def test_report_refuses_actuals_with_errors(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("indicator,period,value\nhtx_count,2024,-8400\nhtx_count,2025,x7\n")
    result = ktt("report", str(data))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{data}:2: negative_count" in result.stderr
    assert f"{data}:3: not_a_number" in result.stderr
    assert "tệp số liệu có 2 lỗi; không tính gì cả" in result.stderr


def test_number_format_comma_reads_vietnamese_figures(tmp_path: Path) -> None:
    data = tmp_path / "vn.csv"
    data.write_text("chỉ tiêu;kỳ;giá trị\nhtx_members;2024;34.000\n", encoding="utf-8")
    doc = json.loads(ktt("report", str(data), "--number-format", "comma", "-f", "json").stdout)
    assert next(r for r in doc["results"] if r["indicator"] == "htx_members")["actual"] == 34000


def test_standard_input() -> None:
    data = Path(EXAMPLE).read_text(encoding="utf-8")
    doc = json.loads(ktt("report", "-", "-f", "json", input=data).stdout)
    assert doc["actuals_files"] == ["-"]
    assert ktt("report", "-", "-", input=data).exit_code == 2


def test_output_file_matches_stdout_and_csv_gets_a_bom(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert ktt("report", EXAMPLE, "-f", "json", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == ktt("report", EXAMPLE, "-f", "json").stdout
    table = tmp_path / "report.csv"
    ktt("report", EXAMPLE, "-f", "csv", "-o", str(table))
    assert table.read_bytes().startswith(b"\xef\xbb\xbfindicator,")
    assert ktt("report", EXAMPLE, "-f", "csv").stdout.startswith("indicator,")
    text = tmp_path / "report.txt"
    ktt("report", EXAMPLE, "-o", str(text))
    assert "Mục tiêu đến năm 2030" in text.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_markdown_output() -> None:
    assert "| Số hợp tác xã | ≥ 1.200 |" in ktt("report", EXAMPLE, "-f", "markdown").stdout


def test_validate_exit_codes(tmp_path: Path) -> None:
    assert ktt("validate").exit_code == 0  # the bundled programme
    assert ktt("validate", EXAMPLE, str(ROOT / "targets.yaml")).exit_code == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\nhtx_count,2024,-3\n")
    result = ktt("validate", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:2: negative_count" in result.stdout
    assert ktt("validate", str(tmp_path / "missing.csv")).exit_code == 2


def test_validate_json_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\nhtx_count,2024,-3\nhtx_cuont,2024,5\n")
    problems = json.loads(ktt("validate", str(bad), "--format", "json", "--lang", "en").stdout)
    assert [(p["line"], p["code"]) for p in problems] == [
        (2, "negative_count"),
        (3, "unknown_indicator"),
    ]
    assert set(problems[0]) >= {"file", "line", "column", "code", "message"}


def test_validate_checks_actuals_against_the_targets_file_given(tmp_path: Path) -> None:
    targets = ROOT / "tests" / "fixtures" / "targets" / "valid.yaml"
    data = tmp_path / "d.csv"
    data.write_text("indicator,period,value\ngood_fair_share,2024,70\n")
    assert ktt("validate", str(targets), str(data)).exit_code == 0
    assert ktt("validate", str(data)).exit_code == 0  # the bundled programme has it too
    data.write_text("indicator,period,value\nhtx_members,2024,70\n")
    assert ktt("validate", str(targets), str(data)).exit_code == 1  # not in valid.yaml


def test_validate_sniffs_standard_input() -> None:
    targets = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    assert ktt("validate", "-", input=targets).exit_code == 0
    assert ktt("validate", "-", input="indicator,period,value\nhtx_count,2024,5\n").exit_code == 0


def test_targets_table_json_and_list() -> None:
    table = ktt("targets").stdout
    assert "htx_count" in table
    assert "≥ 1.200" in table
    doc = json.loads(ktt("targets", "--format", "json").stdout)
    assert doc["programme"]["id"] == "yen-bai-nq20"
    target = doc["indicators"][2]["targets"][0]
    note = target.pop("note")  # the file's own shape: both languages
    assert note["en"].startswith("No comparator word: a level to reach (at least).")
    assert note["vi"].startswith("Không có từ so sánh: một mức cần đạt (ít nhất).")
    assert target == {
        "year": 2030, "comparator": "at_least", "value": 1200, "text": "1.200 hợp tác xã (HTX)",
    }  # fmt: skip
    assert "yen-bai-nq20" in ktt("targets", "--list").stdout


def test_targets_json_is_a_targets_file_again(tmp_path: Path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(yaml.safe_dump(json.loads(ktt("targets", "-f", "json").stdout),
                                   allow_unicode=True), encoding="utf-8")  # fmt: skip
    assert ktt("validate", str(copy)).exit_code == 0


def test_template_filled_in_is_valid(tmp_path: Path) -> None:
    template = ktt("template").stdout
    assert template.count("# htx_count,") == 1
    filled = template.replace("# htx_count,,,,,", "htx_count,2025,834,,lienminhhtxyenbai.org.vn,")
    data = tmp_path / "filled.csv"
    data.write_text(filled, encoding="utf-8")
    assert ktt("validate", str(data)).exit_code == 0
    doc = json.loads(ktt("report", str(data), "-f", "json").stdout)
    assert next(r for r in doc["results"] if r["indicator"] == "htx_count")["actual"] == 834
    wide = ktt("template", "--wide").stdout
    header = next(line for line in wide.splitlines() if not line.startswith("#"))
    assert header.split(",")[:3] == ["period", "region", "tht_count"]
    data.write_text(wide + "2025,," + ",".join(["5"] * 12) + ",,\n", encoding="utf-8")
    assert ktt("validate", str(data)).exit_code == 0


def test_schema_describes_the_targets_file() -> None:
    schema = json.loads(ktt("schema").stdout)
    assert schema["title"] == "ktt targets file"
    assert {"schema_version", "programme", "indicators"} <= set(schema["required"])


def test_ktt_targets_environment_variable(tmp_path: Path) -> None:
    targets = ROOT / "tests" / "fixtures" / "targets" / "valid.yaml"
    data = tmp_path / "d.csv"
    data.write_text("indicator,period,value\nhtx_count,2024,777\n")
    doc = json.loads(
        ktt("report", str(data), "-f", "json", env={"KTT_TARGETS": str(targets)}).stdout
    )
    assert doc["programme"]["id"] == "test-programme"
    assert doc["targets_file"] == str(targets)


def test_the_national_programme_reports_on_the_national_example() -> None:
    assert "nq20-national" in ktt("targets", "--list").stdout
    assert "≈ 140.000" in ktt("targets", "--targets", "nq20-national").stdout
    example = str(ROOT / "examples" / "actuals-national.csv")
    doc = json.loads(ktt("report", "--targets", "nq20-national", example, "-f", "json").stdout)
    assert doc["targets_file"] == "bundled:nq20-national"
    status = {r["indicator"]: r["status"] for r in doc["results"]}
    # 27.342 cooperatives in 2021, 29.378 in 2022: 7.4% a year against 5.7% needed for 45.000
    assert status["htx_count"] == "on_track"
    assert status["tht_count"] == "insufficient_data"  # a single figure
    assert status["good_fair_share"] == "no_data"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("report", "validate", "targets", "template", "coverage", "schema"):
        assert f"ktt {command}" in readme


def installed(name: str) -> str:
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def test_the_installed_command_runs_the_quick_start() -> None:
    done = subprocess.run([installed("ktt"), "report", "examples/actuals.csv"], cwd=ROOT,
                          capture_output=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert "Mục tiêu đến năm 2030" in done.stdout.decode("utf-8")
    module = subprocess.run([sys.executable, "-m", "ktt_cli", "--version"], capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert module.stdout == f"ktt {__version__}\n"


def test_the_command_line_runs_without_the_cyclic_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The console script switches the collector off before the command line is imported
    (entry.py says why); ktt imported as a library leaves it alone."""
    import gc

    import ktt_cli.cli
    from ktt_cli import entry

    seen: list[bool] = []
    monkeypatch.setattr(ktt_cli.cli, "main", lambda: seen.append(gc.isenabled()))
    assert gc.isenabled()
    try:
        assert entry.run() == 0
    finally:
        gc.enable()
    assert seen == [False]


@pytest.mark.parametrize(
    ("code", "status", "said"), [(None, 0, ""), (0, 0, ""), (2, 2, ""), ("no!", 1, "no!\n")]
)
def test_the_console_script_ends_with_the_status_python_would_give(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: object,
    status: int,
    said: str,
) -> None:
    """entry.main ends the process with os._exit (no teardown): the status is what
    sys.exit(code) gives, a text said on standard error."""
    import gc

    import ktt_cli.cli
    from ktt_cli import entry

    def exits() -> None:
        sys.exit(code)

    monkeypatch.setattr(ktt_cli.cli, "main", exits)
    try:
        assert entry.run() == status
    finally:
        gc.enable()
    assert capsys.readouterr().err == said


def test_the_console_script_says_when_its_output_could_not_be_flushed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pipe closed before the last of the output: 141, as a shell reports SIGPIPE (SPEC
    §6), not Python's 120."""
    import gc
    import io

    import ktt_cli.cli
    from ktt_cli import entry

    class ClosedPipe(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(ktt_cli.cli, "main", lambda: None)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    try:
        assert entry.run() == 141
    finally:
        gc.enable()


def test_the_console_script_writes_all_of_a_large_report_before_it_ends(
    tmp_path: Path,
) -> None:
    """Nothing is lost to ending without the interpreter's teardown: a report larger than
    a pipe's buffer reaches the reader whole, as the exit status says."""
    lines = ["indicator,period,region,value"] + [
        f"htx_count,{2000 + k // 500},Xã {k % 500:03d},{k % 7}" for k in range(5000)
    ]
    data = tmp_path / "xa.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [installed("ktt"), "report", str(data), "--by", "region", "-f", "json"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert len(done.stdout) > 200_000
    report = json.loads(done.stdout)
    assert len(report["breakdown"]) == 500  # htx_count, its 2030 target


def test_a_parameter_not_given_is_what_typer_makes_of_it_without_an_adapter() -> None:
    """cli/coercion.py builds Typer's coercion of a parameter only for a value: None must
    come out as Typer's own coercion gives it, for every parameter of every command."""
    import typer.core
    from typer._click.core import Context
    from typer._coercion import build_runtime_param
    from typer.main import get_command

    from ktt_cli.cli.coercion import LazyRuntimeParam

    assert typer.core.build_runtime_param is not build_runtime_param  # in place
    group = get_command(app)
    checked = 0
    for command in group.commands.values():  # type: ignore[attr-defined]
        ctx = Context(command)
        for param in command.params:
            if not hasattr(param, "type_descriptor"):
                continue  # click's own --help
            lazy = LazyRuntimeParam(param.type_descriptor, build_runtime_param)
            typers = build_runtime_param(param.type_descriptor)
            assert lazy.coerce(None, param, ctx) == typers.coerce(None, param=param, ctx=ctx)
            assert lazy._built is None, param.name  # no adapter made for it
            checked += 1
    assert checked >= 30
    # a value is coerced by Typer's own, made then
    fmt = next(p for p in group.commands["report"].params if p.name == "output_format")  # type: ignore[attr-defined]
    lazy = LazyRuntimeParam(fmt.type_descriptor, build_runtime_param)  # type: ignore[attr-defined]
    assert lazy.coerce("json", fmt, Context(group)) == "json"  # type: ignore[arg-type]
    assert lazy._built is not None


@pytest.mark.parametrize(
    ("encoding", "code", "message"),
    [
        ("utf-16", 1, "name it, --encoding utf-16-le"),  # no BOM: the byte order is unknown
        ("hex", 2, "--encoding hex: hex is not a text encoding"),
        ("klingon", 2, "klingon is not an encoding Python knows"),
    ],
)
def test_encodings_that_cannot_read_the_file(tmp_path: Path, encoding: str, code: int,
                                             message: str) -> None:  # fmt: skip
    data = tmp_path / "u16.csv"
    data.write_bytes("indicator,period,value\nhtx_count,2024,5\n".encode("utf-16-le"))
    result = ktt("validate", str(data), "--encoding", encoding, env={"KTT_LANG": "en"})
    assert result.exit_code == code
    assert message in result.stdout + result.stderr
    assert ktt("validate", str(data), "--encoding", "utf-16-le").exit_code == 0


def test_validate_reads_a_pipe_once() -> None:
    # a path that can be read only once, as bash's <(…) gives: the bytes sniffed to tell
    # a targets file from an actuals file must not be lost
    for content in [(ROOT / "targets.yaml").read_bytes(), Path(EXAMPLE).read_bytes()]:
        read_end, write_end = os.pipe()
        os.write(write_end, content)
        os.close(write_end)
        try:
            result = ktt("validate", f"/dev/fd/{read_end}")
        finally:
            os.close(read_end)
        assert result.exit_code == 0, result.stdout
        assert result.stdout.endswith(": hợp lệ\n")


def test_a_targets_file_in_json_is_a_targets_file(tmp_path: Path) -> None:
    as_json = ktt("targets", "--format", "json").stdout
    for name in ("programme.json", "programme"):  # by its extension, or by its content
        path = tmp_path / name
        path.write_text(as_json, encoding="utf-8")
        assert ktt("validate", str(path)).exit_code == 0
    doc = json.loads(ktt("report", EXAMPLE, "-t", str(tmp_path / "programme.json"), "-f", "json")
                     .stdout)  # fmt: skip
    assert doc["programme"]["id"] == "yen-bai-nq20"


def test_closed_standard_input_is_a_usage_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KTT_LANG", "en")  # the usage errors asserted are the English ones
    done = subprocess.run([installed("ktt"), "report", "-"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=60,
                          preexec_fn=lambda: os.close(0))  # fmt: skip
    assert done.returncode == 2
    assert "standard input (-) is closed" in done.stderr


def test_problems_past_the_first_ten_thousand_are_counted_not_dropped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\n" + "htx_count,2024,-1\n" * 10_005)
    problems = json.loads(ktt("validate", str(bad), "--format", "json", "--lang", "en").stdout)
    assert len(problems) == 10_001  # the first 10,000 kept, then one that counts the rest
    assert problems[-1]["code"] == "more_problems"
    assert problems[-1]["message"] == "5 more are not listed"
    text = ktt("validate", str(bad), "--lang", "en")
    assert text.stdout.count("\n") == 51  # 50 problems and the line that counts the rest
    assert "... and 9955 more, 10005 in all" in text.stdout
    assert "10005 error(s), 0 warning(s)" in text.stderr


def test_report_warnings_are_capped_like_errors(tmp_path: Path) -> None:
    repeated = tmp_path / "repeated.csv"
    repeated.write_text("indicator,period,value\n" + "htx_count,2024,777\n" * 200)
    result = ktt("report", str(repeated), "-f", "json", "--lang", "en")
    warnings = json.loads(result.stdout)["warnings"]
    assert [w["code"] for w in warnings] == ["repeated_row"] * 199
    assert result.stderr.count("repeated_row") == 50
    assert "... and 149 more, 199 in all" in result.stderr
    vi = ktt("report", str(repeated), "-f", "json").stderr
    assert "... và 149 vấn đề khác, tổng cộng 199" in vi


def test_a_wide_row_of_blank_cells_does_not_move_as_of(tmp_path: Path) -> None:
    data = tmp_path / "wide.csv"
    data.write_text("period,htx_count,tht_count\n2024,777,\n2025,,\n")
    assert json.loads(ktt("report", str(data), "-f", "json").stdout)["as_of"] == "2024"


def test_every_row_with_an_unknown_id_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "typo.csv"
    data.write_text("indicator,period,value\n" + "htx_cuont,2024,5\n" * 3)
    result = ktt("validate", str(data), "--lang", "en")
    assert result.stdout.count("unknown_indicator") == 3
    assert result.stdout.count("did you mean 'htx_count'?") == 3
    assert ktt("validate", str(data)).stdout.count("có phải ý bạn là 'htx_count'?") == 3


@pytest.mark.parametrize(
    ("value", "shown"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_ktt_debug_reads_like_a_flag(value: str, shown: bool) -> None:
    from ktt_cli.cli import _is_set

    assert _is_set(value) is shown
