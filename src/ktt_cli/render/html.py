"""The report as one self-contained HTML page, for reading and printing on A4.

Everything the page needs is inside it (styles, charts as inline SVG); it
requests nothing. Text from the files reaches the page only through the
template's autoescaping; the charts, drawn here, are the one markup let through.
"""

from __future__ import annotations

from ktt_cli import i18n
from ktt_cli.render import words
from ktt_cli.render.chart import chart_points
from ktt_cli.render.look import COLOUR, FILL, word
from ktt_cli.render.svg_chart import chart_svg
from ktt_cli.report import Report, Result

_HEADS = ("indicator", "target", "actual", "gap", "achieved", "status")


def report_html(report: Report, lang: str) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ktt_cli.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("report.html.j2").render(_context(report, lang))


def _context(report: Report, lang: str) -> dict[str, object]:
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
        "charts_title": word(lang, "charts"),
        "charts": _charts(report, lang),
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


def _row(result: Result, lang: str, note_number: int | None) -> dict[str, object]:
    share = result.assessment.percent_achieved
    return {
        "name": words.name(result, lang),
        "share_of": words.share_of(result, lang),
        "target": words.target(result, lang),
        "actual": words.actual(result, lang),
        "period": words.period(result.actual_period, lang),
        "note_number": note_number,
        "gap": words.gap(result, lang),
        "achieved": words.achieved(result, lang),
        "bar": None if share is None else round(max(0.0, min(share, 100.0)), 1),
        "status": words.status(result, lang),
        "colour": COLOUR[result.status],
        "fill": FILL[result.status],
    }


def _charts(report: Report, lang: str) -> list[dict[str, object]]:
    from markupsafe import Markup  # installed with jinja2

    charts: list[dict[str, object]] = []
    for indicator, result in {r.indicator: r for r in report.results}.items():
        chart = chart_points(report, indicator)
        if chart is None:
            continue
        caption = "; ".join(
            f"{i18n.label(lang, 'milestone', year=t.milestone)}: {i18n.STATUS[lang][t.status]}"
            for t in chart.tracks
        )
        charts.append(
            {
                "indicator": indicator,
                "name": words.name(result, lang),
                "svg": Markup(chart_svg(chart, lang)),  # drawn here, not from a file
                "caption": caption,
            }
        )
    return charts


def _place(file: str, line: int | None) -> str:
    return file if line is None else f"{file}:{line}"
