"""Reports as Markdown pipe tables, for pasting into written reports."""

from __future__ import annotations

from ktt_cli import i18n
from ktt_cli.report import Report, Result

_NONE = "—"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def report_markdown(report: Report) -> str:
    lang = report.lang
    label = i18n.label
    lines: list[str] = []
    if not report.results:
        lines += [label(lang, "no_results"), ""]
    for year in report.milestones:
        results = [r for r in report.results if r.milestone == year]
        heads = ["indicator", "target", "actual", "gap", "achieved", "status"]
        lines += [f"## {label(lang, 'milestone', year=year)}", ""]
        lines.append("| " + " | ".join(label(lang, h) for h in heads) + " |")
        lines.append("|---|---:|---:|---:|---:|---|")
        notes: list[str] = []
        for result in results:
            marker = ""
            if result.actual_note:
                notes.append(f"{result.indicator} {result.actual_period}: {result.actual_note}")
                marker = f" [{len(notes)}]"
            cells = [
                result.name
                + (
                    f" ({label(lang, 'share_of', what=result.share_of)})" if result.share_of else ""
                ),
                i18n.target(result.comparator, result.target, result.unit, lang),
                _actual(result, lang) + marker,
                _gap(result, lang),
                _achieved(result, lang),
                i18n.STATUS[lang][result.status],
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
        if notes:
            lines += [f"{k}. {_cell(note)}" for k, note in enumerate(notes, 1)] + [""]
    if report.qualitative:
        lines += [f"**{label(lang, 'qualitative')}**", ""]
        for aim in report.qualitative:
            lines.append(f"- {aim.year}: {aim.en if lang == 'en' and aim.en else aim.text}")
        lines.append("")
    lines.append(
        f"_{label(lang, 'programme')}: {report.programme_id} · "
        f"{label(lang, 'targets_file')}: {report.targets_file} · "
        f"{label(lang, 'actuals_files')}: {', '.join(report.actuals_files)} · "
        f"{label(lang, 'as_of')}: {report.as_of or _NONE}_"
    )
    return "\n".join(lines) + "\n"


def _actual(result: Result, lang: str) -> str:
    if result.actual is None:
        return _NONE
    shown = i18n.actual(result.actual, result.actual_qualifier, result.unit, lang)
    return f"{shown} ({result.actual_period})"


def _gap(result: Result, lang: str) -> str:
    gap = result.assessment.gap
    return _NONE if gap is None else i18n.gap(gap, result.unit, lang)


def _achieved(result: Result, lang: str) -> str:
    share = result.assessment.percent_achieved
    return _NONE if share is None else i18n.percent(share, lang)
