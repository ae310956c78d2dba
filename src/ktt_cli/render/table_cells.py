"""The cells of the report's tables on a terminal: a result's name, figure, gap, percent
with its bar and status, in the colours of its status."""

from __future__ import annotations

from rich.text import Text

from ktt_cli.compare import StatusChange
from ktt_cli.problems import printable
from ktt_cli.progress import Status
from ktt_cli.render import words
from ktt_cli.results import Result

STYLE = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.NEEDS_ACCELERATION: "yellow",
    Status.LIMITED_PROGRESS: "dark_orange",
    Status.DETERIORATION: "bold red",
    Status.MISSED: "red",
    Status.INSUFFICIENT_DATA: "cyan",
    Status.NO_DATA: "dim",
    Status.NO_TARGET: "dim",
}


CHANGE_STYLE = {
    StatusChange.IMPROVED: "green",
    StatusChange.WORSENED: "bold red",
    StatusChange.SAME: "",
    StatusChange.NOT_COMPARABLE: "dim",
    None: "dim",
}


_BAR_CELLS = 5


_EIGHTHS = " ▏▎▍▌▋▊▉"


def plain(text: str, style: str = "") -> Text:
    """A text from a file or the command line, as Rich shows it: never markup, and no
    control character that a terminal would run."""
    return Text(printable(text, lines=True), style=style)


def _status(result: Result, lang: str) -> Text:
    """The status in its colour, and under it why, where a word is owed (SPEC §4)."""
    said = Text(words.status(result, lang), style=STYLE[result.status])
    if (why := words.reason(result, lang)) is not None:
        said.append(f"\n({why})", style="dim")
    return said


def _name(result: Result, lang: str) -> Text:
    name = plain(words.name(result, lang))
    if share := words.share_of(result, lang):
        name.append_text(plain(f"\n({share})", "dim"))
    return name


def _actual(result: Result, lang: str, marker: str) -> Text:
    if result.actual is None:
        return Text(words.NONE, style="dim")
    text = Text(words.actual(result, lang))
    text.append(f"\n{words.period(result.actual_at, lang)}", style="dim")
    text.append(marker)
    return text


def _gap(result: Result, lang: str) -> Text:
    gap = result.assessment.gap
    style = "dim" if gap is None else "green" if gap <= 0 else ""
    return Text(words.gap(result, lang), style=style)


def _achieved(result: Result, lang: str) -> Text:
    share = result.assessment.percent_achieved
    if words.against_threshold(result) and result.assessment.met is not None:
        return Text(words.achieved(result, lang), style=STYLE[result.status])
    if share is None:
        return Text(words.NONE, style="dim")
    text = Text(words.achieved(result, lang) + "\n")
    text.append(bar(share), style=STYLE[result.status])
    return text


def bar(percent: float, cells: int = _BAR_CELLS) -> str:
    """A bar of `cells` characters, full at 100% (and beyond), in eighths of a cell."""
    eighths = round(max(0.0, min(percent, 100.0)) / 100 * cells * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(cells, "·")
