"""The README: one or two screens that stay true. Its block of commands is the app's
own options (a synopsis cannot drift from the code), its links reach pages that
exist, and its second quick-start command is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from ktt_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _commands_block() -> dict[str, str]:
    """Each command's lines in the README's block of commands, by command name."""
    block = README.split("## Commands", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    found: dict[str, str] = {}
    name = ""
    for line in block.splitlines():
        if line.startswith("ktt "):
            name = line.split()[1]
            found[name] = ""
        found[name] += line + "\n"
    return found


def test_the_block_of_commands_is_the_apps_options() -> None:
    block = _commands_block()
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) <= set(block), "a command missing from the README"
    for name, command in commands.items():
        written = block[name]
        for param in command.params:
            long = [o for o in param.opts if o.startswith("--")]
            if long:
                option = f"[{long[0]}" + (f" {param.metavar}" if param.metavar else "")
                assert option in written, (name, option)
            else:
                assert f"[{param.metavar}..." in written, (name, param.metavar)
        options = {o for p in command.params for o in p.opts}
        for option in re.findall(r"--[a-z-]+", written):
            assert option in options, (name, option)


def test_its_links_reach_pages_that_exist() -> None:
    links = re.findall(r"\]\(([^)#]+)\)", README)
    assert links
    for link in links:
        assert (ROOT / link).is_file(), link


def test_it_fits_on_two_screens_and_ci_runs_its_second_command() -> None:
    assert len(README.splitlines()) <= 120
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()[-1]
    assert ci.endswith(commands[1].split("&& ", 1)[1]), (ci, commands[1])
