"""The report as one self-contained HTML page, for reading and printing on A4.

Everything the page needs is inside it (styles, charts as inline SVG); it
requests nothing. Text from the files reaches the page only through the
template's autoescaping; the charts, drawn here, are the one markup let through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from html import escape

from ktt_cli import i18n
from ktt_cli.render import words
from ktt_cli.render.chart import Chart, chart_points
from ktt_cli.render.look import COLOUR, FILL, word
from ktt_cli.render.svg_chart import chart_svg, regions_svg
from ktt_cli.results import Report, Result
from ktt_cli.summary import summary
from ktt_cli.summary_words import as_of_words
from ktt_cli.units import Unit

_HEADS = ("indicator", "target", "actual", "gap", "achieved", "status")
_REGION_HEADS = ("region", "target", "actual", "gap", "achieved", "status", "share_of_territory")


#: Draws the trajectory charts of a page: (charts, lang) -> one SVG element each.
Drawer = Callable[[Sequence[Chart], str], list[str]]


def draw_in_turn(charts: Sequence[Chart], lang: str) -> list[str]:
    """The charts, in this process (the collector runs: matplotlib's figures hold
    cycles)."""
    return [chart_svg(chart, lang) for chart in charts]


def report_html(report: Report, lang: str, draw: Drawer = draw_in_turn) -> str:
    """The page; `draw` may draw the charts some other way as long as it gives the same
    SVG for the same chart."""
    return "".join(report_html_parts(report, lang, draw))


#: Pieces of the page joined before they are written: a few hundred table rows.
_PIECES_A_PART = 2000


def report_html_parts(report: Report, lang: str, draw: Drawer = draw_in_turn) -> Iterator[str]:
    """The page in parts, as the template makes it: the rows of a country's communes are
    written as they are made, never held whole."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ktt_cli.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    pieces: list[str] = []
    for piece in env.get_template("report.html.j2").generate(_context(report, lang, draw)):
        pieces.append(piece)
        if len(pieces) >= _PIECES_A_PART:
            yield "".join(pieces)
            pieces = []
    yield "".join(pieces)


def _context(report: Report, lang: str, draw: Drawer) -> dict[str, object]:
    label = i18n.label
    change = label(lang, "change")
    if report.compared_with is not None:
        since = word(lang, "since", period=words.period(report.compared_with, lang))
        change = f"{change} {since}"
    return {
        "lang": lang,
        "version": report.ktt_version,
        "programme_id": report.programme_id,
        "programme_name": report.programme_name.pick(lang),
        "as_of_words": as_of_words(report.as_of, lang),
        "summary_title": word(lang, "summary"),
        "summary": summary(report, lang),
        "no_results": label(lang, "no_results"),
        "heads": [label(lang, h) for h in _HEADS] + ([change] if report.compared_with else []),
        "status_head": label(lang, "status"),
        "compared": report.compared_with is not None,
        "milestones": [_milestone(report, year, lang) for year in report.milestones],
        "breakdown_title": label(lang, "breakdown"),
        "region_heads": [label(lang, h) for h in _REGION_HEADS],
        "breakdown": _breakdown(report, lang) if report.by_region else [],
        "charts_title": word(lang, "charts"),
        "charts": _charts(report, lang, draw),
        "qualitative_title": label(lang, "qualitative"),
        "qualitative": [{"year": q.year, "text": q.words(lang)} for q in report.qualitative],
        "warnings_title": word(lang, "warnings"),
        "warnings": [
            {"place": _place(p.file, p.line), "code": p.code, "message": p.message}
            for p in report.warnings
        ],
        "unlisted": (
            word(lang, "unlisted", count=report.unlisted_warnings)
            if report.unlisted_warnings
            else None
        ),
        "footer": {
            "targets_label": label(lang, "targets_file"),
            "targets_file": report.targets_file,
            "actuals_label": label(lang, "actuals_files"),
            "actuals_files": ", ".join(report.actuals_files),
            "as_of_label": label(lang, "as_of"),
            "as_of": words.period(report.as_of, lang),
        },
    }


def _milestone(report: Report, year: int, lang: str) -> dict[str, object]:
    rows, notes = [], []
    for result in (r for r in report.results if r.milestone == year):
        if result.actual_note:
            notes.append(words.note(result, lang))
        row = _row(result, lang, len(notes) if result.actual_note else None)
        row["change"] = words.change(report, result, lang)
        rows.append(row)
    return {"title": i18n.label(lang, "milestone", year=year), "rows": rows, "notes": notes}


#: Regions drawn in a group's chart when there are more: the furthest behind, then the
#: furthest ahead; every region stays in the table.
BEHIND_DRAWN, AHEAD_DRAWN = 10, 5
#: Regions named as furthest behind under a group's title.
BEHIND_NAMED = 3


def _breakdown(report: Report, lang: str) -> list[dict[str, object]]:
    """A table per indicator and milestone (the territory's row, then the regions'), the
    regions furthest behind by name, and a chart of the furthest behind and ahead. A group
    with no figure for any region is one line, not a row per region."""
    from markupsafe import Markup  # installed with jinja2

    totals = {(r.indicator, r.milestone, r.target_scope): r for r in report.results}
    groups: list[dict[str, object]] = []
    for (indicator, year, scope), rows in words.groups(report.breakdown).items():
        title = words.group_title(rows[0], lang)
        if all(r.actual is None for r in rows):
            groups.append({"title": title, "empty": word(lang, "no_regional"), "rows": []})
            continue
        total = totals.get((indicator, year, scope))
        threshold = scope == "each_region"  # each region's figure against it (SPEC §8)
        if threshold:  # the rows come below the threshold first, lowest first
            ordered = [r for r in rows if r.actual is not None]
            lagging = [r for r in ordered if r.assessment.met is False]
        else:
            measured = [r for r in rows if r.assessment.percent_achieved is not None]
            ordered = sorted(measured, key=lambda r: r.assessment.percent_achieved or 0.0)
            lagging = ordered
        shown = ordered
        if len(ordered) > BEHIND_DRAWN + AHEAD_DRAWN:
            shown = ordered[:BEHIND_DRAWN] + ordered[-AHEAD_DRAWN:]
        bars = [
            (
                r.region or "",
                (r.actual if threshold else r.assessment.percent_achieved) or 0.0,
                COLOUR[r.status],
            )
            for r in shown
        ]
        chart = None
        if bars:
            salt = f"{indicator}-{year}-{scope}"
            line = (rows[0].target or 0.0) if threshold else 100.0
            percent = not threshold or rows[0].unit is Unit.PERCENT
            chart = Markup(regions_svg(salt, bars, lang, line=line, percent=percent))
        behind = ", ".join(
            f"{r.region} ({words.achieved(r, lang)})" for r in lagging[:BEHIND_NAMED]
        )
        groups.append(
            {
                "title": title,
                "empty": None,
                "rows": _RegionRows(total, rows, lang),
                "behind": word(lang, "behind", regions=behind) if behind else None,
                "chart": chart,
                "chart_caption": (
                    word(lang, "drawn", behind=BEHIND_DRAWN, ahead=AHEAD_DRAWN, n=len(ordered))
                    if len(shown) < len(ordered)
                    else None
                ),
            }
        )
    return groups


class _RegionRows:
    """The rows of a group's table as markup, made only when the page writes them: a
    country's communes are tens of thousands of rows, written here rather than by the
    template (a tenth of the time) and never held all at once."""

    def __init__(self, total: Result | None, rows: list[Result], lang: str) -> None:
        self.total, self.rows, self.lang = total, rows, lang

    def __html__(self) -> str:
        lang, parts = self.lang, []
        if self.total is not None:
            parts.append(_region_row(self.total, i18n.label(lang, "territory_total"), lang, True))
        parts += [_region_row(r, r.region or "", lang, False) for r in self.rows]
        return "".join(parts)


def _region_row(result: Result, name: str, lang: str, total: bool) -> str:
    """A region's row, as the template writes a row of the results (escaped likewise)."""
    share = result.assessment.percent_achieved
    colour, fill = COLOUR[result.status], FILL[result.status]
    period = words.period(result.actual_at, lang) if result.actual_at else ""
    bar = ""
    if share is not None:
        width = round(max(0.0, min(share, 100.0)), 1)
        bar = (
            f'<span class="bar"><span style="width: {width}%; background: {colour};"></span></span>'
        )
    dated = f'<br><span class="dim">{escape(period)}</span>' if period else ""
    opening = '<tr class="total">' if total else "<tr>"
    return (
        f"{opening}\n"
        f"  <td>{escape(name)}</td>\n"
        f'  <td class="num">{escape(words.target(result, lang))}</td>\n'
        f'  <td class="num">{escape(words.actual(result, lang))}{dated}</td>\n'
        f'  <td class="num">{escape(words.gap(result, lang))}</td>\n'
        f'  <td class="num">{escape(words.achieved(result, lang))}{bar}</td>\n'
        f'  <td><span class="status" style="color: {colour}; background: {fill};">'
        f"{escape(words.status_why(result, lang))}</span></td>\n"
        f'  <td class="num">{escape(words.share_of_territory(result, lang))}</td>\n'
        "</tr>\n"
    )


def _row(result: Result, lang: str, note_number: int | None) -> dict[str, object]:
    share = result.assessment.percent_achieved
    return {
        "share_of_territory": words.share_of_territory(result, lang),
        "name": words.name(result, lang),
        "share_of": words.share_of(result, lang),
        "target": words.target(result, lang),
        "actual": words.actual(result, lang),
        "period": words.period(result.actual_at, lang),
        "note_number": note_number,
        "gap": words.gap(result, lang),
        "achieved": words.achieved(result, lang),
        "bar": None if share is None else round(max(0.0, min(share, 100.0)), 1),
        "status": words.status_why(result, lang),
        "colour": COLOUR[result.status],
        "fill": FILL[result.status],
    }


def _charts(report: Report, lang: str, draw: Drawer) -> list[dict[str, object]]:
    from markupsafe import Markup  # installed with jinja2

    drawn: list[tuple[Result, Chart]] = []
    territory = (r for r in report.results if r.target_scope == "territory")
    for result in {r.indicator: r for r in reversed(list(territory))}.values():
        chart = chart_points(report, result.indicator)
        if chart is not None:
            drawn.append((result, chart))
    svgs = draw([chart for _, chart in drawn], lang)
    return [
        {
            "indicator": chart.indicator,
            "name": words.name(result, lang),
            "svg": Markup(svg),  # drawn by ktt from the chart's points, not text from a file
            "caption": "; ".join(
                f"{i18n.label(lang, 'milestone', year=t.milestone)}: {i18n.STATUS[lang][t.status]}"
                for t in chart.tracks
            ),
        }
        for (result, chart), svg in zip(drawn, svgs, strict=True)
    ]


def _place(file: str, line: int | None) -> str:
    return file if line is None else f"{file}:{line}"
