"""Reports and programmes as Rich renderables: a table per milestone year.

Functions here return renderables and never print, so the shell decides where
they go and tests can render them at any width.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ktt_cli import i18n
from ktt_cli.model import Qualitative, TargetsFile
from ktt_cli.progress import Status
from ktt_cli.render import words
from ktt_cli.report import Report, Result

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
_BAR_CELLS = 5
_EIGHTHS = " ▏▎▍▌▋▊▉"


def report_text(report: Report, lang: str) -> str:
    """The tables as plain text, as a file gets them (no colour, 100 columns)."""
    from ktt_cli.output import render_text

    return render_text(report_view(report, lang))


def report_view(report: Report, lang: str) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble((report.programme_id, "bold"), " — ", report.programme_name.pick(lang))
    ]
    if not report.results:
        parts.append(Text(i18n.label(lang, "no_results"), style="yellow"))
    for year in report.milestones:
        results = [r for r in report.results if r.milestone == year]
        table, notes = _milestone_table(year, results, lang)
        parts += [Text(), table]
        if notes:
            parts.append(notes)
    if report.by_region:
        parts += _breakdown(report, lang)
    if report.qualitative:
        parts += [Text(), _qualitative(report.qualitative, lang)]
    parts += [Text(), _footer(report, lang)]
    return Group(*parts)


def _milestone_table(year: int, results: list[Result], lang: str) -> tuple[Table, Text | None]:
    table = Table(
        title=Text(i18n.label(lang, "milestone", year=year), style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
    )
    table.add_column(i18n.label(lang, "indicator"), min_width=14, overflow="fold")
    table.add_column(i18n.label(lang, "target"), justify="right", no_wrap=True)
    table.add_column(i18n.label(lang, "actual"), justify="right", no_wrap=True)
    table.add_column(i18n.label(lang, "gap"), justify="right", no_wrap=True)
    table.add_column(i18n.label(lang, "achieved"), justify="right", no_wrap=True)
    table.add_column(i18n.label(lang, "status"), min_width=8)
    notes = Text()
    noted = 0
    for result in results:
        marker = ""
        if result.actual_note:
            noted += 1
            marker = f" [{noted}]"
            notes.append(f"[{noted}] ", style="bold")
            notes.append(words.note(result) + "\n")
        table.add_row(
            _name(result, lang),
            words.target(result, lang),
            _actual(result, lang, marker),
            _gap(result, lang),
            _achieved(result, lang),
            Text(words.status(result, lang), style=STYLE[result.status]),
        )
    notes.rstrip()
    return table, (notes if notes.plain else None)


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
        table.add_column(i18n.label(lang, "target"), justify="right", no_wrap=True)
        table.add_column(i18n.label(lang, "actual"), justify="right", no_wrap=True)
        table.add_column(i18n.label(lang, "gap"), justify="right", no_wrap=True)
        table.add_column(i18n.label(lang, "achieved"), justify="right", no_wrap=True)
        table.add_column(i18n.label(lang, "status"), min_width=10)
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
        Text(words.status(result, lang), style=STYLE[result.status]),
        Text(words.NONE if share is None else i18n.percent(share, lang), style="dim"),
    ]


def _name(result: Result, lang: str) -> Text:
    name = Text(words.name(result, lang))
    if share := words.share_of(result, lang):
        name.append(f"\n({share})", style="dim")
    return name


def _actual(result: Result, lang: str, marker: str) -> Text:
    if result.actual is None:
        return Text(words.NONE, style="dim")
    text = Text(words.actual(result, lang))
    text.append(f"\n{result.actual_period}", style="dim")
    text.append(marker)
    return text


def _gap(result: Result, lang: str) -> Text:
    gap = result.assessment.gap
    style = "dim" if gap is None else "green" if gap <= 0 else ""
    return Text(words.gap(result, lang), style=style)


def _achieved(result: Result, lang: str) -> Text:
    share = result.assessment.percent_achieved
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


def _qualitative(aims: Sequence[Qualitative], lang: str) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    for aim in aims:
        grid.add_row(str(aim.year), aim.words(lang))
    return Group(Text(i18n.label(lang, "qualitative"), style="bold"), grid)


def _footer(report: Report, lang: str) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(style="dim")
    grid.add_row(i18n.label(lang, "targets_file") + ":", report.targets_file)
    grid.add_row(i18n.label(lang, "actuals_files") + ":", ", ".join(report.actuals_files))
    grid.add_row(i18n.label(lang, "as_of") + ":", str(report.as_of or words.NONE))
    return grid


def targets_view(targets: TargetsFile, lang: str) -> RenderableType:
    table = Table(
        title=Text(f"{targets.programme.id} — {targets.programme.name.pick(lang)}", style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(i18n.label(lang, "indicator"), min_width=16, overflow="fold")
    table.add_column(i18n.label(lang, "unit"), no_wrap=True)
    table.add_column(i18n.label(lang, "year"), no_wrap=True)
    table.add_column(i18n.label(lang, "target"), justify="right", no_wrap=True)
    table.add_column(i18n.label(lang, "words"), min_width=16, overflow="fold")
    for indicator in targets.indicators:
        for k, target in enumerate(indicator.targets):
            name = Text()
            if k == 0:
                name.append(indicator.id, style="bold")
                name.append(f"\n{indicator.name.pick(lang)}")
                if indicator.share_of:
                    share = i18n.label(lang, "share_of", what=indicator.share_of.pick(lang))
                    name.append(f"\n({share})", style="dim")
            level = Text(i18n.target(target.comparator, target.level, indicator.unit, lang))
            if target.scope == "each_region":
                level.append(f"\n({i18n.label(lang, 'each_region')})", style="dim")
            elif target.by_region:
                level.append(f"\n({i18n.label(lang, 'shared_out')})", style="dim")
            table.add_row(
                name,
                i18n.unit_word(lang, indicator.unit) if k == 0 else "",
                str(target.year),
                level,
                Text(target.text, style="italic"),
            )
        table.add_section()
    parts: list[RenderableType] = [table]
    if targets.qualitative:
        parts.append(_qualitative(targets.qualitative, lang))
    return Group(*parts)
