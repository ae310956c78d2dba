"""Shared fixtures: the repository's files and the bundled programme."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent


def _installed_here() -> str | None:
    """Why this Python cannot test this checkout, or None: the suite tests the ktt of
    this checkout with its dependencies, never another copy installed in the
    environment (an older release, another checkout) that would fail for its own
    reasons."""
    spec = importlib.util.find_spec("ktt_cli")
    if spec is None or spec.origin is None:
        return "ktt is not installed in this Python"
    installed, here = Path(spec.origin).resolve().parent, ROOT / "src" / "ktt_cli"
    if installed != here and any(
        not (installed / f.relative_to(here)).is_file()
        or (installed / f.relative_to(here)).read_bytes() != f.read_bytes()
        for f in here.rglob("*.py")
    ):
        return f"this Python's ktt ({installed}) is not this checkout's"
    missing = [m for m in ("docx", "mkdocs", "jsonschema") if importlib.util.find_spec(m) is None]
    return f"missing: {', '.join(missing)}" if missing else None


if (_why := _installed_here()) is not None:
    pytest.exit(f"{_why}; install it: pip install -e '.[test]' (or the README's command)", 2)

from ktt_cli.model import TargetsFile  # noqa: E402  (after the check above)
from ktt_cli.problems import ProblemLog  # noqa: E402
from ktt_cli.targets_file import read_targets  # noqa: E402

# No deadline: a shared CI machine can pause any example; a slow example is not a failure.
settings.register_profile("ktt", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ktt")

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def yen_bai() -> TargetsFile:
    log = ProblemLog()
    targets = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", log)
    assert targets is not None, [str(p) for p in log]
    return targets
