"""Problems as the lines a person reads: `FILE:LINE: code: message`, capped, with a count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ktt_cli.figures_text import format_number
from ktt_cli.problems import KEEP_AT_MOST, Problem, printable

#: How many problems are printed; the rest are counted in the last line.
SHOWN = 50


_MORE = {
    "en": "... and {hidden} more, {all} in all (ktt validate --format json lists up to {keep})",
    "vi": "... và {hidden} vấn đề khác, tổng cộng {all} (ktt validate --format json liệt kê "
    "tối đa {keep})",
}


def problem_lines(
    problems: Sequence[Problem],
    unlisted: int = 0,
    shown: int = SHOWN,
    lang: str = "en",
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """The first `shown` problems in `lang` (indicators named by `names`, id -> name), and
    a line that counts the rest (`unlisted` were counted but never kept). A file name or a
    message holding an escape sequence is shown escaped, never run by the terminal."""
    lines = [printable(str(p.in_language(lang, names))) for p in problems[:shown]]
    hidden = len(problems) - len(lines) + unlisted
    if hidden > 0:
        vi = lang == "vi"
        counts = {"hidden": hidden, "all": len(problems) + unlisted, "keep": KEEP_AT_MOST}
        figures = {k: format_number(v, "vi") if vi else str(v) for k, v in counts.items()}
        lines.append(_MORE["vi" if vi else "en"].format(**figures))
    return lines
