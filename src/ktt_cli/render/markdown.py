"""Reports as Markdown pipe tables, for pasting into written reports."""

from __future__ import annotations

from ktt_cli import i18n
from ktt_cli.problems import printable
from ktt_cli.render import words
from ktt_cli.render.look import word
from ktt_cli.render.words import groups
from ktt_cli.results import Report
from ktt_cli.summary import summary

_HEADS = ("indicator", "target", "actual", "gap", "achieved", "status")


#: Markdown's own marks, escaped with a backslash so that a name stays text.
_MARKS = str.maketrans({c: "\\" + c for c in "\\`*_[]|#!"})
#: HTML, which CommonMark passes through raw: a tag or a comment (`<!--` would hide every
#: line after it) from a file is written as entities and shown as the text it is.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _cell(text: str) -> str:
    """A text from a file as one cell: on one line, control characters escaped, no
    Markdown or HTML of its own."""
    one_line = " ".join(text.replace("\r", "\n").split("\n"))
    return printable(one_line).translate(_MARKS).translate(_HTML)


_REGION_HEADS = ("region", "target", "actual", "gap", "achieved", "status", "share_of_territory")


def _breakdown(report: Report, lang: str) -> list[str]:
    """With `--by region`: a table per indicator and milestone, a row per region."""
    label = i18n.label
    if not report.by_region:
        return []
    lines = [f"## {label(lang, 'breakdown')}", ""]
    for rows in groups(report.breakdown).values():
        lines += [f"### {_cell(words.group_title(rows[0], lang))}", ""]
        lines.append("| " + " | ".join(label(lang, h) for h in _REGION_HEADS) + " |")
        lines.append("|---|---:|---:|---:|---:|---|---:|")
        for result in rows:
            shown = words.actual(result, lang)
            if result.actual is not None:
                shown += f" ({result.actual_period})"
            cells = [
                result.region or "",
                words.target(result, lang),
                shown,
                words.gap(result, lang),
                words.achieved(result, lang),
                words.status_why(result, lang),
                words.share_of_territory(result, lang),
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return lines


def report_markdown(report: Report, lang: str) -> str:
    label = i18n.label
    lines = [f"# {report.programme_id}: {_cell(report.programme_name.pick(lang))}", ""]
    if not report.results:
        lines += [label(lang, "no_results"), ""]
    for year in report.milestones:
        lines += [f"## {label(lang, 'milestone', year=year)}", ""]
        compared = report.compared_with is not None
        shown_heads = [label(lang, h) for h in _HEADS]
        if report.compared_with is not None:
            since = word(lang, "since", period=words.period(report.compared_with, lang))
            shown_heads.append(f"{label(lang, 'change')} {since}")
        lines.append("| " + " | ".join(shown_heads) + " |")
        lines.append("|---|---:|---:|---:|---:|---|" + ("---:|" if compared else ""))
        notes: list[str] = []
        for result in (r for r in report.results if r.milestone == year):
            shown = words.actual(result, lang)
            if result.actual is not None:
                shown += f" ({words.period(result.actual_at, lang)})"
            if result.actual_note:
                notes.append(words.note(result, lang))
                shown += f" [{len(notes)}]"
            share = words.share_of(result, lang)
            cells = [
                words.name(result, lang) + (f" ({share})" if share else ""),
                words.target(result, lang),
                shown,
                words.gap(result, lang),
                words.achieved(result, lang),
                words.status_why(result, lang),
            ]
            if compared:
                cells.append(words.change(report, result, lang))
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
        if notes:
            lines += [f"{k}. {_cell(note)}" for k, note in enumerate(notes, 1)] + [""]
    lines += _breakdown(report, lang)
    if report.qualitative:
        lines += [f"**{label(lang, 'qualitative')}**", ""]
        lines += [f"- {aim.year}: {_cell(aim.words(lang))}" for aim in report.qualitative] + [""]
    lines.append(
        f"_{label(lang, 'targets_file')}: {_cell(report.targets_file)} · "
        f"{label(lang, 'actuals_files')}: {_cell(', '.join(report.actuals_files))} · "
        f"{label(lang, 'as_of')}: {words.period(report.as_of, lang)}_"
    )
    said = summary(report, lang)
    if said:
        lines += ["", f"## {word(lang, 'summary')}", ""]
        lines += [f"{_cell(sentence)}\n" for sentence in said]
    return "\n".join(lines).rstrip("\n") + "\n"
