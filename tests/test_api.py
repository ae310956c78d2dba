"""The Python API of SPEC §12: what `ktt report` writes is the API's report, rendered;
problems come back as values in the language asked for; bad input raises KttError."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ktt_cli
from helpers import invoke, run_ktt
from ktt_cli import KttError, build_report, load_programme, read_actuals, render, validate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "examples/actuals.csv"
WORKBOOK = "tests/fixtures/workbooks/yen-bai-long.xlsx"
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith("KTT_")}


def _cli_json(args: list[str]) -> tuple[object, object]:
    """`ktt report ARGS -f json` as a process of its own and in this one."""
    done = run_ktt(["report", *args, "-f", "json"], env=CLEAN_ENV)
    assert done.returncode == 0, done.stderr.decode()
    no_ktt_variables = {k: None for k in os.environ if k.startswith("KTT_")}
    ran = invoke(["report", *args, "-f", "json"], env=no_ktt_variables)
    assert ran.exit_code == 0, ran.output
    return json.loads(done.stdout), json.loads(ran.stdout)


@pytest.mark.parametrize(
    ("files", "options", "choices"),
    [
        ([EXAMPLE], [], {}),
        ([EXAMPLE], ["--lang", "en", "-m", "2030"], {"lang": "en", "milestones": [2030]}),
        (
            [EXAMPLE],
            ["--as-of", "2024", "--compare", "previous", "-i", "htx_count"],
            {"as_of": "2024", "compare": "previous", "indicators": ["htx_count"]},
        ),
        ([WORKBOOK], [], {}),
        ([WORKBOOK], ["--by", "region"], {"by_region": True}),
    ],
)
def test_ktt_report_json_is_the_apis_report_rendered(
    files: list[str],
    options: list[str],
    choices: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # the report names its files as given
    lang = str(choices.pop("lang", "vi"))
    programme = load_programme()
    actuals = read_actuals(files, programme)
    report = build_report(programme, actuals, lang=lang, **choices)  # type: ignore[arg-type]
    mine = json.loads(render(report, "json", lang=lang))
    by_script, by_runner = _cli_json([*files, *options])
    assert by_script == mine
    assert by_runner == mine
    assert mine["results"], "a report with results"


def test_the_api_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings (the example's bounds used as values) go into the report, not to a stream."""
    programme = load_programme(ROOT / "targets.yaml")
    actuals = read_actuals([ROOT / EXAMPLE], programme)
    report = build_report(programme, actuals, lang="en")
    for name in ("table", "json", "csv", "markdown", "html"):
        assert isinstance(render(report, name, lang="en"), str)
    assert render(report, "xlsx").startswith(b"PK")  # type: ignore[arg-type]
    assert capsys.readouterr() == ("", "")
    assert {w.code for w in report.warnings} == {"bound_used", "estimate_used"}
    # in the language asked for; Vietnamese names the indicators by their names
    assert "is given as 'more than 5300'" in report.warnings[0].message
    in_vi = build_report(programme, actuals).warnings[0].message
    assert in_vi.startswith("Số tổ hợp tác: số liệu mới nhất (2023) được ghi là 'trên 5.300'")


def test_file_objects_read_as_their_files() -> None:
    programme = load_programme()
    by_path = build_report(programme, read_actuals(ROOT / EXAMPLE, programme))
    with (ROOT / EXAMPLE).open("rb") as stream:
        by_stream = build_report(programme, read_actuals(stream, programme))
        assert not stream.closed  # the caller's to close
    text = io.StringIO((ROOT / EXAMPLE).read_text("utf-8"))
    by_text = build_report(programme, read_actuals([text], programme))
    assert by_stream.results == by_path.results
    assert by_text.results == by_path.results
    assert by_text.actuals_files == ("<stream 1>",)
    book = io.BytesIO((ROOT / WORKBOOK).read_bytes())
    assert build_report(programme, read_actuals(book, programme)).results


def test_problems_come_back_as_values_in_the_language_asked_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\nhtx_count,2024,many\n", "utf-8")
    vi = validate(bad)
    en = validate(bad, lang="en")
    assert [p.code for p in vi] == [p.code for p in en]
    assert vi
    assert vi[0].file == str(bad)
    assert vi[0].line == 2
    assert vi[0].message != en[0].message
    assert validate(ROOT / EXAMPLE) == [
        p for p in validate(ROOT / EXAMPLE) if p.severity == "warning"
    ]
    with pytest.raises(KttError) as raised:
        read_actuals(bad, load_programme(), lang="en")
    error = raised.value
    assert [p.code for p in error.problems] == [p.code for p in en]
    assert error.problems[0].message == en[0].message
    assert "1 error" in error.summary or "1 lỗi" in error.summary
    assert str(bad) in str(error)


def test_bad_arguments_raise_one_exception_type(tmp_path: Path) -> None:
    programme = load_programme()
    actuals = read_actuals(ROOT / EXAMPLE, programme)
    cases = [
        lambda: load_programme("no-such-programme"),
        lambda: read_actuals(tmp_path / "missing.csv", programme),
        lambda: read_actuals(ROOT / EXAMPLE, programme, encoding="no-such-codec"),
        lambda: read_actuals(ROOT / EXAMPLE, programme, number_format="roman"),
        lambda: build_report(programme, actuals, as_of="sometime"),
        lambda: build_report(programme, actuals, milestones=[1999]),
        lambda: build_report(programme, actuals, indicators=["htx_cuont"]),
        lambda: build_report(programme, actuals, compare="2031"),
        lambda: build_report(programme, actuals, regions=["Atlantis"]),
        lambda: validate(tmp_path / "missing.csv"),
    ]
    for case in cases:
        with pytest.raises(KttError) as raised:
            case()
        assert raised.value.problems, raised.value
        assert all(p.code == "usage" for p in raised.value.problems)
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nprogramme: {}\n", "utf-8")
    with pytest.raises(KttError) as raised:
        load_programme(broken, lang="en")
    assert raised.value.problems
    assert all(p.file == str(broken) for p in raised.value.problems)


def test_the_package_exports_the_api_without_paying_for_it_at_import() -> None:
    for name in ktt_cli.__all__:
        assert getattr(ktt_cli, name) is not None
    code = "import sys, ktt_cli; print('pydantic' in sys.modules, 'ktt_cli.api' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "False"]
    with pytest.raises(AttributeError):
        _ = ktt_cli.no_such_thing  # type: ignore[attr-defined]


def test_the_language_is_passed_never_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Below the command line the language is an argument: KTT_LANG changes nothing of
    what the API says, and `--lang` alone sets the language of a usage error."""
    monkeypatch.setenv("KTT_LANG", "vi")
    missing = tmp_path / "missing.csv"
    with pytest.raises(KttError) as raised:
        read_actuals(missing, load_programme(), lang="en")
    assert raised.value.summary == f"{missing}: no such file"
    monkeypatch.setenv("KTT_LANG", "en")
    with pytest.raises(KttError) as raised:
        read_actuals(missing, load_programme())
    assert "không có tệp" in raised.value.summary or "không tồn tại" in raised.value.summary
    monkeypatch.delenv("KTT_LANG")
    ran = invoke(["report", str(missing), "--lang", "en"])
    assert ran.exit_code == 2
    assert ran.stderr == f"ktt: error: {missing}: no such file\n"


def test_read_actuals_says_its_problems_as_validate_does(tmp_path: Path) -> None:
    """The KttError of read_actuals names indicators by their names in the language asked
    for, as validate does (`Số hợp tác xã: 'many' ...`, not `htx_count: 'many' ...`)."""
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,period,value\nhtx_count,2025,many\n", "utf-8")
    for lang in ("vi", "en"):
        with pytest.raises(KttError) as raised:
            read_actuals(bad, load_programme(), lang=lang)
        assert list(raised.value.problems) == validate(bad, lang=lang)
        if lang == "vi":
            assert raised.value.problems[0].message.startswith("Số hợp tác xã: ")
