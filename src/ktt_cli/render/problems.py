"""Problems as the lines a person reads: `FILE:LINE: code: message`, capped, with a count."""

from __future__ import annotations

from collections.abc import Sequence

from ktt_cli.problems import KEEP_AT_MOST, Problem, printable

#: How many problems are printed; the rest are counted in the last line.
SHOWN = 50


def problem_lines(problems: Sequence[Problem], unlisted: int = 0, shown: int = SHOWN) -> list[str]:
    """The first `shown` problems, and a line that counts the rest (`unlisted` were
    counted but never kept). A file name or a message holding an escape sequence is
    shown escaped, never run by the terminal."""
    lines = [printable(str(p)) for p in problems[:shown]]
    hidden = len(problems) - len(lines) + unlisted
    if hidden > 0:
        lines.append(
            f"... and {hidden} more, {len(problems) + unlisted} in all "
            f"(ktt validate --format json lists up to {KEEP_AT_MOST})"
        )
    return lines
