"""Shared fixtures: the repository's files and the bundled programme."""

from __future__ import annotations

from pathlib import Path

import pytest

from ktt_cli.model import TargetsFile
from ktt_cli.problems import ProblemLog
from ktt_cli.targets_file import read_targets

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def yen_bai() -> TargetsFile:
    log = ProblemLog()
    targets = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", log)
    assert targets is not None, [str(p) for p in log]
    return targets
