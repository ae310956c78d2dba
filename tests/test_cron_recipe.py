"""The user guide's monthly batch job (docs/en/monthly-job.md), run as written under
cron's environment: the virtual environment's ktt by its path, the output named by the
figures' as_of, one dated log a run, and a mail of that run's lines only, under a subject
that says what happened."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: cron runs a job with little more than this: no ktt on its PATH, no virtual environment.
CRON_PATH = "/usr/bin:/bin"


def _readme_blocks() -> tuple[str, str]:
    """The user guide's script and its crontab line, as written."""
    page = (ROOT / "docs" / "en" / "monthly-job.md").read_text(encoding="utf-8")
    section = page.split("\n## The monthly round", 1)[0]
    script = section.split("```sh\n", 1)[1].split("```", 1)[0]
    crontab = section.split("```text\n", 1)[1].split("```", 1)[0].strip()
    return script, crontab


def _last_month(before: int = 1) -> str:
    """The month `before` months before this one: the month of the figures when the
    communes sent them in time (1), or late (2)."""
    day = date.today().replace(day=1)
    for _ in range(before):
        day = (day - timedelta(days=1)).replace(day=1)
    return day.strftime("%Y-%m")


class Office:
    """The office's folder with the user guide's script in it, a virtual environment's ktt
    there, and a `mail` that keeps what it is given."""

    def __init__(self, root: Path) -> None:
        self.root = root / "srv" / "kttt"
        self.data = self.root / "data"
        self.data.mkdir(parents=True)
        script, self.crontab = _readme_blocks()
        assert "\nKTTT=/srv/kttt " in script
        self.script = self.root / "ktt-monthly.sh"
        self.script.write_text(script.replace("KTTT=/srv/kttt ", f"KTTT={self.root} "))
        self.script.chmod(0o755)
        venv = self.root / ".venv" / "bin"
        venv.mkdir(parents=True)
        self.ktt = venv / "ktt"
        self.ktt.write_text(f'#!/bin/sh\nexec {sys.executable} -m ktt_cli "$@"\n')
        self.ktt.chmod(0o755)
        (venv / "python").symlink_to(sys.executable)
        self.tools = root / "tools"  # `mail` alone: cron's PATH has the rest
        self.tools.mkdir()
        self.mails = root / "mails"
        self.mails.mkdir()
        mail = self.tools / "mail"
        mail.write_text(
            '#!/bin/sh\nn=$(ls "$MAILS" | wc -l)\n'
            'printf "%s\\n" "$@" > "$MAILS/$n.args"\ncat > "$MAILS/$n.body"\n'
        )
        mail.chmod(0o755)

    def run(self) -> subprocess.CompletedProcess[str]:
        """The crontab's command, in an environment like cron's."""
        command = self.crontab.split(None, 5)[5]
        assert command == "/srv/kttt/ktt-monthly.sh"
        environment = {
            "PATH": f"{self.tools}:{CRON_PATH}",
            "HOME": str(self.root),
            "SHELL": "/bin/sh",
            "LOGNAME": "kttt",
            "MAILS": str(self.mails),
        }
        return subprocess.run(
            ["env", "-i", *(f"{k}={v}" for k, v in environment.items()), str(self.script)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    def mails_sent(self) -> list[tuple[list[str], str]]:
        sent = sorted(self.mails.glob("*.args"), key=lambda p: int(p.stem))
        return [
            (p.read_text().splitlines(), p.with_suffix(".body").read_text(encoding="utf-8"))
            for p in sent
        ]

    def logs(self) -> list[Path]:
        return sorted((self.root / "logs").glob("ktt-*.log"))


@pytest.fixture
def office(tmp_path: Path) -> Office:
    if shutil.which("env") is None or shutil.which("date", path=CRON_PATH) is None:
        pytest.skip("no env or date on cron's PATH here")
    return Office(tmp_path)


def _actuals(month: str, members: int) -> str:
    """Cooperative groups' members at a year of the baseline and at `month`: fewer than
    the baseline (moving away from the target) or many more."""
    return f"indicator,period,value\ntht_members,2023,27000\ntht_members,{month},{members}\n"


def test_the_crontab_calls_the_script_by_its_full_path() -> None:
    script, crontab = _readme_blocks()
    minute, hour, day, _, _, command = crontab.split(None, 5)
    assert (minute, hour, day) == ("0", "6", "2")
    assert command.startswith("/")
    assert script.startswith("#!/bin/sh\n")
    assert "KTT=$KTTT/.venv/bin/ktt" in script  # never `ktt` from a PATH cron does not have


def test_the_cron_recipe_logs_the_missed_result(office: Office) -> None:
    """A target at risk: exit 1, the report written under the month of the figures, a
    dated log of this run, and one mail that says so and holds the log."""
    month = _last_month()
    (office.data / "so-lieu.csv").write_text(_actuals(month, 20000), encoding="utf-8")
    run = office.run()
    assert run.returncode == 1, run.stderr
    assert "not found" not in run.stderr
    assert (office.root / "out" / f"ktt-{month}.json").is_file()  # the figures' month
    (log,) = office.logs()
    assert re.fullmatch(r"ktt-\d{4}-\d{2}-\d{2}-\d{6}-\d+\.log", log.name)  # dated, one a run
    text = log.read_text(encoding="utf-8")
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ktt report of data/\n", text)
    assert f"figures as of {month}: out/ktt-{month}.json\n" in text
    assert "ktt: --fail-on: Số thành viên tổ hợp tác, mốc 2030, toàn tỉnh: đi xuống" in text
    assert text.rstrip().endswith("exit 1")
    ((args, body),) = office.mails_sent()
    assert args == ["-s", f"KTTT {month}: targets at risk", "analysts@example.org"]
    assert body == text  # this run's lines, all of them


def test_the_output_is_named_by_the_month_of_the_figures_not_of_the_run(office: Office) -> None:
    """The communes were late: the newest figures are two months old. The report is of
    them and named by their month, the subject says it, and nothing is left half-named."""
    month = _last_month(2)
    (office.data / "so-lieu.csv").write_text(_actuals(month, 20000), encoding="utf-8")
    assert office.run().returncode == 1
    assert sorted(p.name for p in (office.root / "out").iterdir()) == [f"ktt-{month}.json"]
    report = json.loads((office.root / "out" / f"ktt-{month}.json").read_text(encoding="utf-8"))
    assert report["as_of"] == month
    ((args, _),) = office.mails_sent()
    assert args[1] == f"KTTT {month}: targets at risk"


def test_a_run_with_nothing_at_risk_mails_nothing(office: Office) -> None:
    (office.data / "so-lieu.csv").write_text(_actuals(_last_month(), 45000), encoding="utf-8")
    run = office.run()
    assert run.returncode == 0, run.stderr
    assert office.mails_sent() == []
    (log,) = office.logs()
    assert log.read_text(encoding="utf-8").rstrip().endswith("exit 0")


def test_a_report_that_could_not_be_made_is_not_called_targets_at_risk(office: Office) -> None:
    """Exit 2 (input with errors) and ktt missing (127) say that the report could not be
    made; each mail holds only its own run's lines."""
    month = _last_month()
    (office.data / "so-lieu.csv").write_text(_actuals(month, 20000), encoding="utf-8")
    assert office.run().returncode == 1
    (office.data / "so-lieu.csv").write_text(
        "indicator,period,value\ntht_members,2023,-5\n", encoding="utf-8"
    )
    assert office.run().returncode == 2
    office.ktt.unlink()  # the virtual environment was removed or moved
    assert office.run().returncode == 127
    sent = office.mails_sent()
    subjects = [args[1] for args, _ in sent]
    today = date.today().isoformat()  # no figures read: the subject says the day of the run
    assert subjects == [
        f"KTTT {month}: targets at risk",
        f"KTTT {today}: the report could not be made (exit 2)",
        f"KTTT {today}: the report could not be made (exit 127)",
    ]
    assert sorted(p.name for p in (office.root / "out").iterdir()) == [f"ktt-{month}.json"]
    second, third = sent[1][1], sent[2][1]
    assert "negative_count" in second
    assert "--fail-on" not in second  # the first run's lines are not mailed again
    assert "negative_count" not in third
    assert len(office.logs()) == 3


def _commands(script: str) -> list[str]:
    """The script's commands: comments and the mails' subjects (words for people) left
    out."""
    lines = [line.split("  #", 1)[0].rstrip() for line in script.splitlines()]
    lines = [re.sub(r'-s "[^"]*"', '-s ""', line) for line in lines]
    return [line for line in lines if line and not line.lstrip().startswith("#")][1:]


def test_the_vietnamese_guide_gives_the_same_script() -> None:
    """The Vietnamese guide's script is the one this module runs, in other words only: a
    reader of either language gets the job that works under cron."""
    script, crontab = _readme_blocks()
    page = (ROOT / "docs" / "vi" / "hang-thang.md").read_text(encoding="utf-8")
    section = page.split("## Chạy tự động (cron)", 1)[1]
    vi_script = section.split("```sh\n", 1)[1].split("```", 1)[0]
    vi_crontab = section.split("```text\n", 1)[1].split("```", 1)[0].strip()
    assert vi_crontab == crontab
    assert [c for c in _commands(vi_script) if not c.startswith("TO=")] == [
        c for c in _commands(script) if not c.startswith("TO=")
    ]
