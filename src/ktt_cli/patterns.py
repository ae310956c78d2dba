"""File patterns on the command line (`returns/*.xlsx`), expanded by ktt (SPEC §11).

A POSIX shell expands a pattern before ktt sees it; the Windows shell does not, and a
POSIX shell passes a pattern that matches nothing as it is. So a name that is not a
file but holds `*` or `?` is expanded here (with `[…]` classes), in name order; one
that matches nothing is a usage problem that says so, never an empty run. A `[` alone
does not make a pattern: `bao-cao[1].csv` that does not exist is "no such file".
`**` stands for any depth of folders (`returns/**/*.xlsx`: a folder per commune). A
file a pattern matches that is already among the names (`a.xlsx returns/*.xlsx`, or
two patterns) is read once.
A pattern never matches the owner file Excel leaves beside a workbook that is open
(`~$bao-cao.xlsx`, a few bytes naming who has it open, gone when it closes): a return
left open on the office's computer would otherwise stop the whole run. Where a shell
has expanded the pattern, the owner file comes among the names: one that is not a
workbook is passed over there too, unless it is the only name given.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from ktt_cli.messages import Message, usage

_MAGIC = frozenset("*?")
_OWNER_FILE = "~$"  # Excel's (and Word's) lock file beside an open workbook
_OWNER_MOST = 4096  # bytes: an owner file holds a user's name (165 bytes as Excel writes it)


def is_pattern(name: str) -> bool:
    return bool(_MAGIC & set(name))


def expand(names: list[str]) -> tuple[list[str], list[Message]]:
    """The names with each pattern replaced by the files it matches (sorted), and the
    problems of the patterns that match no file."""
    found: list[str] = []
    problems: list[Message] = []
    for name in names:
        if name == "-" or not is_pattern(name) or Path(name).exists():
            found.append(name)
            continue
        # glob.glob, not Path.glob: a pattern may be absolute (`D:\\bao-cao\\*.xlsx`)
        matched = sorted(
            p
            for p in glob.glob(name, recursive=True)  # noqa: PTH207 (`**`: any depth)
            if not Path(p).is_dir() and not Path(p).name.startswith(_OWNER_FILE)
        )
        if not matched:
            problems.append(usage("usage.no_match", pattern=name))
        seen = {os.path.realpath(n) for n in found if n != "-"}
        found += [p for p in matched if os.path.realpath(p) not in seen]  # read once
    if len(found) > 1:  # `*.xlsx` expanded by a shell (macOS, Linux) lists it too
        found = [name for name in found if not _is_owner_file(name)]
    return found, problems


def _is_owner_file(name: str) -> bool:
    """Excel's owner file: named `~$…`, a few bytes that are not a workbook (a zip)."""
    path = Path(name)
    if not path.name.startswith(_OWNER_FILE):
        return False
    try:
        with path.open("rb") as file:
            head = file.read(_OWNER_MOST + 1)
    except OSError:
        return False  # left for the reader to say what is wrong
    return len(head) <= _OWNER_MOST and not head.startswith(b"PK")


def expanded(names: list[str]) -> list[str]:
    """`expand`, its problems raised together as one UsageProblem (exit 2)."""
    from ktt_cli.inputs import UsageProblem

    found, problems = expand(names)
    if problems:
        raise UsageProblem(*problems)
    return found
