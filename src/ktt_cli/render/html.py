"""The report as one self-contained HTML page, for reading and printing on A4.

Everything the page needs is inside it (styles, charts as inline SVG); it
requests nothing. Text from the files reaches the page only through the
template's autoescaping; the charts, drawn here, are the one markup let through.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ktt_cli import i18n
from ktt_cli.model import Unit
from ktt_cli.render import words
from ktt_cli.render.chart import Chart, chart_points
from ktt_cli.render.look import COLOUR, FILL, word
from ktt_cli.render.svg_chart import chart_svg, regions_svg
from ktt_cli.report import Report, Result

_HEADS = ("indicator", "target", "actual", "gap", "achieved", "status")
_REGION_HEADS = ("region", "target", "actual", "gap", "achieved", "status", "share_of_territory")


#: Draws the trajectory charts of a page: (charts, lang) -> one SVG element each.
Drawer = Callable[[Sequence[Chart], str], list[str]]


def draw_in_turn(charts: Sequence[Chart], lang: str) -> list[str]:
    return [chart_svg(chart, lang) for chart in charts]


def report_html(report: Report, lang: str, draw: Drawer = draw_in_turn) -> str:
    """The page; `draw` may draw the charts elsewhere (another process) as long as it
    gives the same SVG for the same chart."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ktt_cli.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("report.html.j2").render(_context(report, lang, draw))


def _context(report: Report, lang: str, draw: Drawer) -> dict[str, object]:
    label = i18n.label
    return {
        "lang": lang,
        "version": report.ktt_version,
        "programme_id": report.programme_id,
        "programme_name": report.programme_name.pick(lang),
        "no_results": label(lang, "no_results"),
        "heads": [label(lang, h) for h in _HEADS]
        + ([label(lang, "change")] if report.compared_with else []),
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


def _breakdown(report: Report, lang: str) -> list[dict[str, object]]:
    """A table per indicator and milestone (the territory's row, then the regions') and
    a chart of the regions' percent achieved."""
    from markupsafe import Markup  # installed with jinja2

    totals = {(r.indicator, r.milestone, r.target_scope): r for r in report.results}
    groups: list[dict[str, object]] = []
    for (indicator, year, scope), rows in words.groups(report.breakdown).items():
        total = totals.get((indicator, year, scope))
        shown: list[dict[str, object]] = []
        if total is not None:
            shown.append(_row(total, lang, None) | {"name": i18n.label(lang, "territory_total")})
        for row in rows:
            shown.append(_row(row, lang, None) | {"name": row.region or ""})
        salt = f"{indicator}-{year}-{scope}"
        if scope == "each_region":  # each region's figure against the threshold
            threshold = rows[0].target
            figures = [(r.region or "", r.actual, COLOUR[r.status]) for r in rows]
            bars = [(name, value, colour) for name, value, colour in figures if value is not None]
            percent = rows[0].unit is Unit.PERCENT
            drawn = (
                regions_svg(salt, bars, lang, line=threshold or 0.0, percent=percent)
                if bars
                else ""
            )
        else:
            bars = [
                (r.region or "", r.assessment.percent_achieved, COLOUR[r.status])
                for r in rows
                if r.assessment.percent_achieved is not None
            ]
            drawn = regions_svg(salt, bars, lang) if bars else ""
        chart = Markup(drawn) if bars else None  # drawn here
        groups.append({"title": words.group_title(rows[0], lang), "rows": shown, "chart": chart})
    return groups


def _row(result: Result, lang: str, note_number: int | None) -> dict[str, object]:
    share = result.assessment.percent_achieved
    return {
        "share_of_territory": words.share_of_territory(result, lang),
        "name": words.name(result, lang),
        "share_of": words.share_of(result, lang),
        "target": words.target(result, lang),
        "actual": words.actual(result, lang),
        "period": words.period(result.actual_period, lang),
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
