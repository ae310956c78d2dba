"""The user guide's monthly batch job, run as written, in both languages' pages: its log
names what it alerts about."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


PAGES = ["docs/en/monthly-job.md", "docs/vi/hang-thang.md"]


def _recipe(page: str) -> str:
    """The page's cron line from `ktt report` to its log, as the shell runs it."""
    text = (ROOT / page).read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```sh\n(.*?)```", text, re.DOTALL) if "0 6 2 * *" in b]
    line = block.replace("\\\n", " ").replace("\\%", "%")  # cron escapes % in its lines
    found = re.search(r"ktt report .*?2>> \S+", line)
    assert found, block
    return found.group(0)


@pytest.mark.parametrize("page", PAGES)
def test_the_cron_recipe_logs_the_missed_result(page: str, tmp_path: Path) -> None:
    recipe = _recipe(page)
    assert "--fail-on missed,deterioration" in recipe
    data = tmp_path / "data"
    data.mkdir()
    for example in ("actuals.csv", "actuals.xlsx"):  # whichever the recipe's files are
        (data / example).write_bytes((ROOT / "examples" / example).read_bytes())
    for folder in ["out", "logs"]:
        (tmp_path / folder).mkdir()
    # 2031: the 2030 milestone has passed, and the example's figures missed it
    ktt = f"{shlex.quote(sys.executable)} -m ktt_cli"
    command = recipe.replace("ktt report", f"{ktt} report --as-of 2031", 1)
    run = subprocess.run(["bash", "-c", command], cwd=tmp_path, check=False)
    assert run.returncode == 1  # the `|| mail` of the recipe sends the log
    log = (tmp_path / "logs" / "ktt.log").read_text(encoding="utf-8")
    assert "ktt: --fail-on: htx_count 2030: missed" in log
    assert list((tmp_path / "out").glob("ktt-*.json"))  # the report is still written
