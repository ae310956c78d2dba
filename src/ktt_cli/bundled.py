"""The programmes bundled in the package, found by id (the file name without .yaml)."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent / "programmes"
DEFAULT = "yen-bai-nq20"


def bundled_ids() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yaml"))


def bundled_path(programme_id: str) -> Path | None:
    path = FOLDER / f"{programme_id}.yaml"
    return path if programme_id in bundled_ids() else None
