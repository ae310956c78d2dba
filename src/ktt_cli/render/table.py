"""Reports and programmes as Rich renderables: a table per milestone year.

Functions here return renderables and never print, so the shell decides where
they go and tests can render them at any width. Every text from a file or the
command line reaches Rich as `Text` made printable, never as markup: a name with
`[/]` in it is shown as written, an escape sequence in a note never runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ktt_cli import i18n
from ktt_cli.model import Qualitative, TargetsFile
from ktt_cli.render import words
from ktt_cli.render.look import word
from ktt_cli.render.table_cells import (
    _BAR_CELLS,
    CHANGE_STYLE,
    _achieved,
    _actual,
    _gap,
    _name,
    _status,
    plain,
)
from ktt_cli.results import Report, Result
from ktt_cli.summary import summary

_COLUMNS = ("indicator", "target", "actual", "gap", "achieved", "status")
#: Wider than any terminal: the width at which a table's own minimum is measured.
_UNBOUNDED = 100_000


class _Widths(NamedTuple):
    """Column widths shared by the tables of every milestone, so that they line up."""

    natural: tuple[int, ...]  # each column after the name: its widest line
    least: tuple[int, ...]  # ... and its narrowest: its cells whole, its head's words whole
    name_line: int  # the widest line of a name: all the name column ever needs
    name_word: int  # the longest word of a name: the name column is never narrower


def _longest_word(text: Text) -> int:
    return max((cell_len(w) for w in text.plain.split()), default=0)


def _widths(keys: tuple[str, ...], rows: list[list[Text]], lang: str) -> _Widths:
    heads = [Text(i18n.label(lang, key)) for key in keys]
    columns = [[row[k] for row in rows] for k in range(1, len(keys))]
    natural = tuple(max(map(_widest, [heads[k], *cells])) for k, cells in enumerate(columns, 1))
    least = tuple(  # a head may wrap between its words; a cell never does
        max(_longest_word(heads[k]), *map(_widest, cells)) for k, cells in enumerate(columns, 1)
    )
    names = [heads[0], *(row[0] for row in rows)]
    return _Widths(natural, least, max(map(_widest, names)), max(map(_longest_word, names)))


class _Fitted:
    """The table in the width, its name column given what it needs first (its widest
    name, else all the other columns leave it at their narrowest, never less than its
    longest word; what is still spare widens the others again), else the same results as
    a list, so that a narrow terminal neither loses a column nor cuts a word."""

    def __init__(
        self,
        build: Callable[[int, tuple[int, ...]], Table],
        widths: _Widths,
        narrow: RenderableType,
    ) -> None:
        self.build, self.widths, self.narrow = build, widths, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        w = self.widths
        unbounded = options.update_width(_UNBOUNDED)
        drawn = Measurement.get(console, unbounded, self.build(1, w.natural)).maximum
        room = options.max_width - (drawn - 1 - sum(w.natural))  # less the rules and padding
        name = min(w.name_line, room - sum(w.least))
        fits = name >= w.name_word
        yield self.build(name, _widened(w.least, w.natural, room - name)) if fits else self.narrow


def _widened(narrowest: tuple[int, ...], natural: tuple[int, ...], room: int) -> tuple[int, ...]:
    """The columns at their narrowest, then widened in order with the room left."""
    spare = room - sum(narrowest)
    columns = []
    for least, most in zip(narrowest, natural, strict=True):
        given = min(spare, most - least)
        columns.append(least + given)
        spare -= given
    return tuple(columns)


def report_text(report: Report, lang: str) -> str:
    """The tables as plain text, as a file gets them (no colour, 100 columns)."""
    from ktt_cli.streams import render_text

    return render_text(report_view(report, lang))


def report_view(report: Report, lang: str) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble(
            plain(report.programme_id, "bold"), " — ", plain(report.programme_name.pick(lang))
        )
    ]
    if not report.results:
        parts.append(Text(i18n.label(lang, "no_results"), style="yellow"))
    keys = _COLUMNS + (("change",) if report.compared_with is not None else ())
    milestones = [
        (year, *_rows(report, [r for r in report.results if r.milestone == year], lang))
        for year in report.milestones
    ]
    widths = _widths(keys, [row for _, rows, _ in milestones for row in rows], lang)
    for year, rows, notes in milestones:
        title = Text(i18n.label(lang, "milestone", year=year), style="bold")
        table = partial(_milestone_table, title, keys, rows, lang)
        parts += [Text(), _Fitted(table, widths, _list(title, keys, rows, lang))]
        if notes:
            parts.append(notes)
    if report.by_region:
        parts += _breakdown(report, lang)
    if report.qualitative:
        parts += [Text(), _qualitative(report.qualitative, lang)]
    parts += [Text(), _footer(report, lang)]
    said = summary(report, lang)
    if said:
        parts += [Text(), Text(word(lang, "summary"), style="bold")]
        parts += [plain(sentence) for sentence in said]
    return Group(*parts)


def _rows(report: Report, results: list[Result], lang: str) -> tuple[list[list[Text]], Text | None]:
    """The cells of each result, a text per column, and the notes they point to."""
    rows: list[list[Text]] = []
    notes = Text()
    noted = 0
    for result in results:
        marker = ""
        if result.actual_note:
            noted += 1
            marker = f" [{noted}]"
            notes.append(f"[{noted}] ", style="bold")
            notes.append_text(plain(words.note(result, lang) + "\n"))
        row = [
            _name(result, lang),
            Text(words.target(result, lang)),
            _actual(result, lang, marker),
            _gap(result, lang),
            _achieved(result, lang),
            _status(result, lang),
        ]
        if report.compared_with is not None:
            moved = words.status_change(report, result)
            row.append(Text(words.change(report, result, lang), style=CHANGE_STYLE[moved]))
        rows.append(row)
    notes.rstrip()
    return rows, (notes if notes.plain else None)


def _milestone_table(
    title: Text,
    keys: tuple[str, ...],
    rows: list[list[Text]],
    lang: str,
    name_width: int,
    widths: tuple[int, ...],
) -> Table:
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=False
    )
    table.add_column(Text(i18n.label(lang, "indicator")), width=name_width, overflow="fold")
    for key, width in zip(keys[1:], widths, strict=True):
        head = Text(i18n.label(lang, key))
        justify: JustifyMethod = "left" if key == "status" else "right"
        table.add_column(head, justify=justify, width=width, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _widest(text: Text) -> int:
    return max(cell_len(line) for line in text.plain.split("\n"))


def _list(title: Text, keys: tuple[str, ...], rows: list[list[Text]], lang: str) -> RenderableType:
    """Each result as its name, then a `label: value` line per column of the table."""
    parts: list[RenderableType] = [title]
    for name, *values in rows:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for key, value in zip(keys[1:], values, strict=True):
            grid.add_row(Text(i18n.label(lang, key) + ":"), Text(" ").join(value.split("\n")))
        parts += [Text(), Text.assemble(name, style="bold"), Padding(grid, (0, 0, 0, 2))]
    return Group(*parts)


def _breakdown(report: Report, lang: str) -> list[RenderableType]:
    """A section per indicator and milestone: the territory's row first, then a row per
    region, lagging first. Long lists of communes stay in 80 columns: a region's name
    wraps between words, every figure is one short cell."""
    parts: list[RenderableType] = []
    totals = {(r.indicator, r.milestone, r.target_scope): r for r in report.results}
    for key, rows in words.groups(report.breakdown).items():
        table = Table(
            title=Text(
                f"{i18n.label(lang, 'breakdown')}: {words.group_title(rows[0], lang)}",
                style="bold",
            ),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            expand=False,
        )
        table.add_column(i18n.label(lang, "region"), min_width=12)
        # cells and heads may wrap between words (`vượt 14`, `8 regions`), never inside one
        for key_, no_wrap in (("target", False), ("actual", True), ("gap", False)):
            head = i18n.label(lang, key_)
            cells = [head, *(words.target(r, lang) for r in rows)] if key_ == "target" else [head]
            table.add_column(
                head,
                justify="right",
                no_wrap=no_wrap,
                min_width=max(_longest_word(Text(c)) for c in cells),
            )
        # "chưa đạt" against a threshold wraps between its words, as wide as a percent
        achieved = [Text(i18n.label(lang, "achieved"))] + [_achieved(r, lang) for r in rows]
        longest = max(_longest_word(t) for t in achieved)
        figures = [_widest(t) for t in achieved[1:] if not any(c.isalpha() for c in t.plain)]
        widest = max(longest, _BAR_CELLS, *figures)
        table.add_column(
            i18n.label(lang, "achieved"), justify="right", min_width=longest, max_width=widest
        )
        statuses = [Text(words.status(r, lang)) for r in rows]
        status_width = max(10, *(_longest_word(t) for t in statuses))  # a word never cut
        table.add_column(i18n.label(lang, "status"), min_width=status_width)
        table.add_column(i18n.label(lang, "share_of_territory"), justify="right", no_wrap=True)
        total = totals.get(key)
        if total is not None:
            table.add_row(*_region_cells(total, i18n.label(lang, "territory_total"), lang))
            table.add_section()
        for row in rows:
            table.add_row(*_region_cells(row, row.region or "", lang))
        parts += [Text(), table]
    return parts


def _region_cells(result: Result, name: str, lang: str) -> list[RenderableType]:
    share = result.share_of_territory
    return [
        Text(name, style="bold" if result.region is None else ""),
        words.target(result, lang),
        _actual(result, lang, ""),
        _gap(result, lang),
        _achieved(result, lang),
        _status(result, lang),
        Text(words.NONE if share is None else i18n.percent(share, lang), style="dim"),
    ]


def _qualitative(aims: Sequence[Qualitative], lang: str) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    for aim in aims:
        grid.add_row(Text(str(aim.year)), plain(aim.words(lang)))
    return Group(Text(i18n.label(lang, "qualitative"), style="bold"), grid)


def _footer(report: Report, lang: str) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(style="dim", overflow="fold")
    rows = (
        ("targets_file", report.targets_file),
        ("actuals_files", ", ".join(report.actuals_files)),
        ("as_of", words.period(report.as_of, lang)),
    )
    for key, value in rows:
        grid.add_row(Text(i18n.label(lang, key) + ":"), plain(value))
    return grid


def targets_view(targets: TargetsFile, lang: str) -> RenderableType:
    table = Table(
        title=plain(f"{targets.programme.id} — {targets.programme.name.pick(lang)}", "bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(Text(i18n.label(lang, "indicator")), min_width=16, overflow="fold")
    table.add_column(Text(i18n.label(lang, "unit")), no_wrap=True)
    table.add_column(Text(i18n.label(lang, "year")), no_wrap=True)
    table.add_column(Text(i18n.label(lang, "target")), justify="right", no_wrap=True)
    table.add_column(Text(i18n.label(lang, "words")), min_width=16, overflow="fold")
    for indicator in targets.indicators:
        for k, target in enumerate(indicator.targets):
            name = Text()
            if k == 0:
                name.append_text(plain(indicator.id, "bold"))
                name.append_text(plain(f"\n{indicator.name.pick(lang)}"))
                if indicator.share_of:
                    share = i18n.label(lang, "share_of", what=indicator.share_of.pick(lang))
                    name.append_text(plain(f"\n({share})", "dim"))
            level = Text(i18n.target(target.comparator, target.level, indicator.unit, lang))
            if target.scope == "each_region":
                level.append(f"\n({i18n.label(lang, 'each_region')})", style="dim")
            elif target.by_region:
                level.append(f"\n({i18n.label(lang, 'shared_out')})", style="dim")
            table.add_row(
                name,
                Text(i18n.unit_word(lang, indicator.unit) if k == 0 else ""),
                Text(str(target.year)),
                level,
                plain(target.text, "italic"),
            )
        table.add_section()
    parts: list[RenderableType] = [table]
    if targets.qualitative:
        parts.append(_qualitative(targets.qualitative, lang))
    return Group(*parts)
