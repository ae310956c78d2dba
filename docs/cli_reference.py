"""Write the command-line reference pages from the Typer application itself.

    python docs/cli_reference.py          # rewrite docs/reference/cli.md and cli-vi.md
    python docs/cli_reference.py --check  # exit 1 if either differs from the app

Each command's page section is its `--help`, as `ktt COMMAND --help` prints it at 100
columns, in English and in Vietnamese (the help's language is read at start-up from
KTT_LANG, so each language is a run of its own). `tests/test_docs.py` runs the check,
so the pages cannot drift from the app.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGES = {"en": DOCS / "reference" / "cli.md", "vi": DOCS / "reference" / "cli-vi.md"}

_HEAD = {
    "en": (
        "# Command line\n\n"
        "Every command and option, as `ktt COMMAND --help` prints it "
        "(`KTT_LANG=en`). The same in Vietnamese: [Dòng lệnh](cli-vi.md).\n\n"
        "This page is written by `python docs/cli_reference.py` from the application "
        "itself; a test fails when it differs from the app.\n"
    ),
    "vi": (
        "# Dòng lệnh\n\n"
        "Mọi lệnh và tùy chọn, đúng như `ktt LỆNH --help` in ra (mặc định tiếng Việt). "
        "Bản tiếng Anh: [Command line](cli.md).\n\n"
        "Trang này do `python docs/cli_reference.py` viết ra từ chính chương trình; "
        "một bài kiểm thử báo lỗi khi trang khác với chương trình.\n"
    ),
}


def command_names() -> list[str]:
    """The app's commands, in the order `ktt --help` lists them."""
    from typer.main import get_command

    from ktt_cli.cli import app

    group = get_command(app)
    return list(group.commands)  # type: ignore[attr-defined]


def help_text(args: list[str], lang: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KTT_")}
    env |= {"KTT_LANG": lang, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ktt_cli", *args, "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=True,
    )
    return done.stdout.rstrip() + "\n"


def page(lang: str) -> str:
    parts = [_HEAD[lang], f"\n## ktt\n\n```text\n{help_text([], lang)}```\n"]
    for name in command_names():
        parts.append(f"\n## ktt {name}\n\n```text\n{help_text([name], lang)}```\n")
    return "".join(parts)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for lang, path in PAGES.items():
        text = page(lang)
        if check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    for path in stale:
        print(f"{path}: differs from the app; run python docs/cli_reference.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
