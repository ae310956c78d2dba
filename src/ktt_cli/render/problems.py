"""Problems as the lines a person reads: `FILE:LINE: code: message`, capped, with a count."""

from __future__ import annotations

from ktt_cli.problems import ProblemLog

#: How many problems are printed; the rest are counted in the last line.
SHOWN = 50


def problem_lines(log: ProblemLog, shown: int = SHOWN) -> list[str]:
    kept = list(log)
    lines = [str(p) for p in kept[:shown]]
    hidden = log.total - min(shown, len(kept))
    if hidden > 0:
        codes = ", ".join(f"{n} {code}" for code, n in log.codes.most_common(5))
        lines.append(
            f"... and {hidden} more: {log.errors} error(s) and {log.warnings} warning(s) in all "
            f"({codes}); use --format json for the full list"
        )
    return lines
