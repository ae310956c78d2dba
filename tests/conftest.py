"""Shared fixtures: the repository's files and the bundled programme."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from ktt_cli.model import TargetsFile
from ktt_cli.problems import ProblemLog
from ktt_cli.targets_file import read_targets

# No deadline: a shared CI machine can pause any example; a slow example is not a failure.
settings.register_profile("ktt", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ktt")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def yen_bai() -> TargetsFile:
    log = ProblemLog()
    targets = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", log)
    assert targets is not None, [str(p) for p in log]
    return targets
