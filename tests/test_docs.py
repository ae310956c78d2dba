"""The documentation site: built with warnings as errors, its command-line pages the
app's own help, and its API example run as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_the_site_builds_strict(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "reference" / "api" / "index.html").is_file()
    assert (tmp_path / "vi" / "cai-dat" / "index.html").is_file()
    assert (tmp_path / "report-html.png").is_file()


def test_the_command_line_pages_are_the_apps_help() -> None:
    """docs/cli_reference.py --check: each command's section is its --help, in both
    languages; a command, option or help text changed without the pages fails here."""
    done = subprocess.run(
        [sys.executable, str(DOCS / "cli_reference.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    from typer.main import get_command

    from ktt_cli.cli import app

    page = (DOCS / "reference" / "cli.md").read_text("utf-8")
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert f"\n## ktt {name}\n" in page


def test_a_drifted_page_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check compares whole pages: one changed line is enough."""
    sys.path.insert(0, str(DOCS))
    try:
        import cli_reference
    finally:
        sys.path.remove(str(DOCS))
    pages = {}
    for lang, path in cli_reference.PAGES.items():
        copy = tmp_path / path.name
        copy.write_text(path.read_text("utf-8").replace("--as-of", "--as-at", 1), "utf-8")
        pages[lang] = copy
    monkeypatch.setattr(cli_reference, "PAGES", pages)
    assert cli_reference.main(["--check"]) == 1


@pytest.mark.parametrize("page", ["reference/api.md"])
def test_the_python_examples_run_as_written(
    page: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", (DOCS / page).read_text("utf-8"), re.DOTALL)
    assert blocks
    for k, block in enumerate(blocks):
        exec(compile(block, f"{page} example {k + 1}", "exec"), {})
    out = capsys.readouterr().out
    assert "htx_count 2030 on_track 834.0" in out


def test_every_page_of_the_docs_folder_is_in_the_site() -> None:
    """A page left out of mkdocs.yml's nav would be built but found by no one."""
    nav = (ROOT / "mkdocs.yml").read_text("utf-8")
    for page in DOCS.rglob("*.md"):
        assert page.relative_to(DOCS).as_posix() in nav, page
