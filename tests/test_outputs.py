"""Where a report goes (SPEC §1, §5, §6): never over an input, never over a device or a
link, never lost on a closed standard output."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ktt_cli import output
from ktt_cli.inputs import output_problem
from ktt_cli.output import encoded, use_utf8_streams, write_atomic, write_output, write_stdout

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "actuals.csv"
KTT = Path(sys.executable).parent / "ktt"


def test_output_over_the_input_read_from_stdin_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KTT_LANG", "en")  # the usage errors asserted are the English ones
    data = tmp_path / "data.csv"
    data.write_bytes(EXAMPLE.read_bytes())
    with data.open("rb") as stdin:
        run = subprocess.run(
            [KTT, "report", "-", "-f", "csv", "-o", data.name],
            stdin=stdin,
            capture_output=True,
            cwd=tmp_path,
            check=False,
        )
    assert run.returncode == 2, run.stderr
    assert b"is also an input" in run.stderr
    assert data.read_bytes() == EXAMPLE.read_bytes()


def test_output_beside_the_input_read_from_stdin_is_written(tmp_path: Path) -> None:
    with EXAMPLE.open("rb") as stdin:
        run = subprocess.run(
            [KTT, "report", "-", "-f", "csv", "-o", "out.csv"],
            stdin=stdin,
            capture_output=True,
            cwd=tmp_path,
            check=False,
        )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbfindicator,")


def test_a_link_to_standard_output_is_written_through(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to("/proc/self/fd/1")
    captured = tmp_path / "captured.csv"
    with captured.open("wb") as stdout:
        run = subprocess.run(
            [KTT, "report", str(EXAMPLE), "-f", "csv", "-o", str(link)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert run.returncode == 0, run.stderr
    assert link.is_symlink()
    assert str(link.readlink()) == "/proc/self/fd/1"
    assert captured.read_bytes().startswith(b"\xef\xbb\xbfindicator,")


def test_a_link_to_a_file_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real" / "report.csv"
    target.parent.mkdir()
    target.write_bytes(b"old")
    target.chmod(0o640)
    before = target.stat().st_ino
    link = tmp_path / "report.csv"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert target.stat().st_ino != before  # renamed over, not rewritten in place
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real", "report.csv"]
    assert [p.name for p in target.parent.iterdir()] == ["report.csv"]


def test_a_named_pipe_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"report")
    reader.join(timeout=10)
    assert got == [b"report"]
    assert not fifo.is_file()


def test_a_long_output_name_works(tmp_path: Path) -> None:
    name = "bao-cao-" + "x" * 238 + ".csv"
    assert len(name) == 250
    write_atomic(tmp_path / name, b"data")
    assert (tmp_path / name).read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("typed", ["newdir/", "newdir//"])
def test_an_output_with_a_trailing_slash_names_a_folder(
    typed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    problem = output_problem(typed, [])
    assert problem is not None
    assert "folder" in problem.text("en")
    assert output_problem("newdir", []) is None


def _stdout_of(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    use_utf8_streams()
    return raw


def test_a_closed_standard_output_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    use_utf8_streams()
    with pytest.raises(OSError, match="standard output is closed"):
        write_stdout("report")
    with pytest.raises(OSError, match="standard output is closed"):
        write_output(b"PK\x03\x04", None)


@pytest.mark.parametrize("output_format", ["table", "json", "csv", "markdown", "html", "xlsx"])
def test_a_report_for_a_closed_standard_output_fails(output_format: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [KTT, "report", str(EXAMPLE), "-f", output_format],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2, done.stderr
    # in the user's language (vi by default), never the system's words
    assert "ktt: error: đầu ra chuẩn đã bị đóng; báo cáo chưa được ghi" in done.stderr
    english = subprocess.run(
        [KTT, "report", str(EXAMPLE), "-f", output_format, "--lang", "en"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert "ktt: error: standard output is closed; the report was not written" in english.stderr
    written = subprocess.run(
        [KTT, "report", str(EXAMPLE), "-f", output_format, "-o", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert written.returncode == 0, written.stderr  # a report for a file needs no stdout


def test_a_redirect_to_dev_null_is_not_a_closed_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    with Path(os.devnull).open("w", encoding="utf-8") as null:
        monkeypatch.setattr(sys, "stdout", null)
        output.check_stdout()


def test_standard_output_takes_text_and_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _stdout_of(monkeypatch)
    write_stdout("Hợp tác xã\n")
    write_stdout(b"PK\x03\x04")
    assert raw.getvalue() == "Hợp tác xã\n".encode() + b"PK\x03\x04"


def test_a_name_that_is_not_utf8_is_written_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    name = os.fsdecode(b"bad\xff.csv")
    assert encoded(f"file: {name}") == b"file: bad\\xff.csv"
    raw = _stdout_of(monkeypatch)
    sys.stdout.write(name)
    sys.stdout.flush()
    assert raw.getvalue() == b"bad\\xff.csv"


def test_output_files_take_text_and_bytes(tmp_path: Path) -> None:
    write_output("Hợp tác xã", tmp_path / "a.txt")
    write_output(b"\x00\x01", tmp_path / "b.xlsx")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Hợp tác xã"
    assert (tmp_path / "b.xlsx").read_bytes() == b"\x00\x01"


def test_a_name_on_the_command_line_is_shown_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KTT_LANG", "en")  # the usage errors asserted are the English ones
    run = subprocess.run(
        [KTT, "report", "gone\x1b[2J.csv", "-o", f"{tmp_path}/x\x1b]0;t\x07/out.csv"],
        capture_output=True,
        check=False,
    )
    assert run.returncode == 2
    assert b"gone\\x1b[2J.csv: no such file" in run.stderr
    assert b"\x1b" not in run.stderr


def test_an_endless_targets_file_is_refused_by_its_size_not_read_whole() -> None:
    from typer.testing import CliRunner

    from ktt_cli.cli import app

    result = CliRunner().invoke(app, ["report", "examples/actuals.csv", "-t", "/dev/zero"])
    assert result.exit_code == 2
    assert "too_large" in result.stderr


def test_an_output_named_with_a_trailing_slash_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KTT_LANG", "en")  # the usage errors asserted are the English ones
    from typer.testing import CliRunner

    from ktt_cli.cli import app

    folder = f"{tmp_path}/newdir/"
    result = CliRunner().invoke(app, ["report", "examples/actuals.csv", "-o", folder])
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
    assert not (tmp_path / "newdir").exists()
