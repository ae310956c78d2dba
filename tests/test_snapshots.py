"""What an analyst sees at 80 and 120 columns, in both languages: compared with the
files under tests/snapshots/ (KTT_UPDATE_SNAPSHOTS=1 rewrites them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.cells import cell_len

from helpers import invoke
from ktt_cli.model import TargetsFile

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots"
RUNS = {
    "report": ["report", "examples/actuals.csv"],
    "validate": ["validate", "tests/fixtures/lang/broken.csv"],
    "targets": ["targets"],
    "template": ["template"],
}
WIDTHS = [80, 120]
LANGS = ["vi", "en"]


def ktt(args: list[str], lang: str, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)  # the paths shown are the ones typed
    env = {"COLUMNS": str(width), "KTT_LANG": lang, "NO_COLOR": "1"}
    return invoke(args, env=env).output


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("command", sorted(RUNS))
def test_snapshot(command: str, lang: str, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = ktt(RUNS[command], lang, width, monkeypatch)
    snapshot = SNAPSHOTS / f"ktt-{command}-{lang}-{width}.txt"
    if os.environ.get("KTT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(shown, encoding="utf-8")
    assert shown == snapshot.read_text(encoding="utf-8"), "rerun with KTT_UPDATE_SNAPSHOTS=1"


def _tables(lang: str, width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The lines of the commands that draw tables (warnings go to standard error)."""
    monkeypatch.chdir(ROOT)
    env = {"COLUMNS": str(width), "KTT_LANG": lang}
    lines = []
    for command in ["report", "targets"]:
        lines += invoke(RUNS[command], env=env).stdout.splitlines()
    return lines


@pytest.mark.parametrize("width", [*WIDTHS, 64, 100])
@pytest.mark.parametrize("lang", LANGS)
def test_no_line_is_wider_than_the_terminal_and_no_word_is_split(
    yen_bai: TargetsFile, lang: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _tables(lang, width, monkeypatch)
    assert max(cell_len(line) for line in lines) <= width
    tokens = {token for line in lines for token in line.split()}
    for indicator in yen_bai.indicators:
        shares = indicator.share_of.pick(lang).split() if indicator.share_of else []
        for word in [*indicator.name.pick(lang).split(), *shares]:
            assert word in tokens or f"{word})" in tokens, (width, word)
