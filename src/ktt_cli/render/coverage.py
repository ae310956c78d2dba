"""A `Coverage` (who has reported, SPEC §11) as text, JSON, CSV, Markdown or HTML.

Every format says the same facts, made from `coverage_dict`: the reporting rate per
indicator and in all, each region's mark for each indicator (reported, late with its
latest period, never), and the regions that sent nothing. The workbook is in
`coverage_xlsx`. Labels change with the language; JSON keys and marks never do.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from typing import NamedTuple

from ktt_cli.coverage import Coverage, Mark, Rate
from ktt_cli.numbers import format_number
from ktt_cli.periods import Period, display
from ktt_cli.problems import printable

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Tình hình báo cáo của các địa bàn",
        "as_of": "Kỳ báo cáo",
        "no_period": "(chưa có số liệu nào)",
        "indicator": "Chỉ tiêu",
        "region": "Địa bàn",
        "region_id": "Mã",
        "expected": "Phải báo cáo",
        "reported": "Đã báo cáo",
        "late": "Chỉ có kỳ trước",
        "never": "Chưa bao giờ",
        "rate": "Tỷ lệ báo cáo",
        "all": "Tất cả",
        "by_region": "Theo địa bàn",
        "complete": "Địa bàn báo cáo đủ",
        "silent": "Chưa gửi gì cho kỳ này",
        "none": "không có",
        "mark.reported": "đã báo cáo",
        "mark.late": "muộn (mới có {period})",
        "mark.never": "chưa bao giờ",
        "targets_file": "Tệp mục tiêu",
        "actuals_files": "Tệp số liệu",
        "files": "({count} tệp)",
    },
    "en": {
        "title": "Who has reported",
        "as_of": "Period",
        "no_period": "(no figure yet)",
        "indicator": "Indicator",
        "region": "Region",
        "region_id": "Code",
        "expected": "Expected",
        "reported": "Reported",
        "late": "Earlier period only",
        "never": "Never",
        "rate": "Reporting rate",
        "all": "All",
        "by_region": "By region",
        "complete": "Regions complete",
        "silent": "Sent nothing for the period",
        "none": "none",
        "mark.reported": "reported",
        "mark.late": "late (latest {period})",
        "mark.never": "never",
        "targets_file": "Targets file",
        "actuals_files": "Actuals files",
        "files": "({count} files)",
    },
}

#: Columns of the CSV: a row per region and indicator, then a row per indicator (no
#: region) and one for all (no region, no indicator) with the counts.
CSV_COLUMNS = (
    "region",
    "region_id",
    "indicator",
    "status",
    "latest_period",
    "value",
    "expected",
    "reported",
    "late",
    "never",
    "reporting_rate",
)


def word(lang: str, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)


def _period(period: Period | None) -> str | None:
    return None if period is None else period.text


def _rate(rate: Rate) -> dict[str, object]:
    return {
        "expected": rate.expected,
        "reported": rate.reported,
        "late": rate.late,
        "never": rate.never,
        "reporting_rate": rate.share,
    }


def coverage_dict(found: Coverage) -> dict[str, object]:
    """The facts, with JSON's keys: the one source of every format."""
    from ktt_cli.render.json import problems_dicts

    return {
        "programme": found.programme_id,
        "territory": found.territory,
        "targets_file": found.targets_file,
        "actuals_files": list(found.files),
        "as_of": _period(found.as_of),
        "indicators": [{"indicator": i.indicator, **_rate(i.rate)} for i in found.per_indicator],
        "total": {
            **_rate(found.total),
            "regions": len(found.regions),
            "regions_complete": len(found.complete_regions),
            "regions_complete_rate": Rate.of_regions(found).share,
            "regions_silent": len(found.silent_regions),
        },
        "regions": [
            {
                "region": r.name,
                "region_id": r.region_id,
                "complete": r.complete,
                "reported": r.reported,
                "expected": r.expected,
                "indicators": {
                    e.indicator: {
                        "status": e.mark.value,
                        "latest_period": _period(e.latest),
                        "value": e.value,
                    }
                    for e in r.entries
                    if e.mark is not Mark.NOT_EXPECTED
                },
            }
            for r in found.regions
        ],
        "not_reported": [
            {"region": r.name, "region_id": r.region_id, "latest_period": _period(r.latest)}
            for r in found.silent_regions
        ],
        "warnings": problems_dicts(found.warnings, found.unlisted_warnings),  # as the report's
    }


def coverage_json(found: Coverage, lang: str) -> str:  # noqa: ARG001 (keys never change)
    return json.dumps(coverage_dict(found), ensure_ascii=False, indent=2) + "\n"


def coverage_csv(found: Coverage, lang: str) -> str:  # noqa: ARG001 (codes, not words)
    from ktt_cli.render.csv import cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in found.regions:
        for e in r.entries:
            if e.mark is Mark.NOT_EXPECTED:
                continue
            value = "" if e.value is None else _plain(e.value)
            period = _period(e.latest) or ""
            name, code = cell(r.name), cell(r.region_id)  # text never starts a formula
            writer.writerow([name, code, e.indicator, e.mark.value, period, value])
    for i in found.per_indicator:
        writer.writerow(["", "", i.indicator, "", "", "", *_counts(i.rate)])
    writer.writerow(["", "", "", "", "", "", *_counts(found.total)])
    return out.getvalue()


def _counts(rate: Rate) -> list[object]:
    share = "" if rate.share is None else _plain(rate.share)
    return [rate.expected, rate.reported, rate.late, rate.never, share]


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# ---- words for people ----------------------------------------------------------------


class Lines(NamedTuple):
    """What a table for people holds, in words of a language."""

    title: str
    heading: list[tuple[str, str]]  # (label, value) lines under the title
    rate_head: list[str]
    rate_rows: list[list[str]]
    region_head: list[str]
    region_rows: list[list[str]]
    silent: str  # the regions that sent nothing, by name


def _share(rate: Rate, lang: str) -> str:
    if rate.share is None:
        return "—"
    return f"{rate.reported}/{rate.expected} ({format_number(rate.share, lang, 1)}%)"


def mark_words(mark: Mark, latest: Period | None, lang: str) -> str:
    if mark is Mark.NOT_EXPECTED:
        return "—"
    if mark is Mark.LATE and latest is not None:
        return word(lang, "mark.late", period=display(latest, lang))
    return word(lang, f"mark.{mark.value}")


def lines(found: Coverage, lang: str) -> Lines:
    names = {i: printable(n.pick(lang)) for i, n in found.names.items()}
    as_of = display(found.as_of, lang) if found.as_of else word(lang, "no_period")
    heading = [
        (word(lang, "as_of"), as_of),
        (word(lang, "targets_file"), printable(found.targets_file)),
        (word(lang, "actuals_files"), printable(_files(found.files, lang))),
    ]
    rate_head = [word(lang, k) for k in ("indicator", "reported", "late", "never", "rate")]
    rate_rows = [
        [names.get(i.indicator, i.indicator), *_numbers(i.rate), _share(i.rate, lang)]
        for i in found.per_indicator
    ]
    rate_rows.append([word(lang, "all"), *_numbers(found.total), _share(found.total, lang)])
    region_head = [word(lang, "region"), word(lang, "region_id")] + [
        names.get(i, i) for i in found.indicators
    ]
    region_rows = [
        [printable(r.name), r.region_id or ""]
        + [mark_words(e.mark, e.latest, lang) for e in r.entries]
        for r in found.regions
    ]
    silent = [printable(r.name) for r in found.silent_regions]
    told = ", ".join(silent) if silent else word(lang, "none")
    title = f"{word(lang, 'title')} — {printable(found.programme_id)} ({found.territory})"
    return Lines(
        title,
        heading,
        rate_head,
        rate_rows,
        region_head,
        region_rows,
        f"{word(lang, 'silent')} ({len(silent)}): {told}",
    )


def _files(files: tuple[str, ...], lang: str) -> str:
    """The files read; of a folder of returns, the first three and how many in all."""
    if len(files) <= 3:
        return ", ".join(files)
    return ", ".join(files[:3]) + ", … " + word(lang, "files", count=len(files))


def _numbers(rate: Rate) -> list[str]:
    return [str(rate.reported), str(rate.late), str(rate.never)]


def coverage_text(found: Coverage, lang: str) -> str:
    """Plain text tables, as a terminal or a file shows them."""
    said = lines(found, lang)
    out = [said.title, ""]
    out += [f"{label}: {value}" for label, value in said.heading]
    out += ["", *_aligned(said.rate_head, said.rate_rows, numeric=range(1, 5))]
    out.append(f"{word(lang, 'complete')}: {_share(Rate.of_regions(found), lang)}")
    out += ["", word(lang, "by_region"), *_aligned(said.region_head, said.region_rows)]
    out += ["", said.silent]
    return "\n".join(out) + "\n"


def _aligned(head: list[str], rows: list[list[str]], numeric: range = range(0)) -> list[str]:
    widths = [max(len(r[k]) for r in [head, *rows]) for k in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if k in numeric else c.ljust(w)
            for k, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return [line(head), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def coverage_markdown(found: Coverage, lang: str) -> str:
    said = lines(found, lang)
    out = [f"# {_md(said.title)}", ""]
    out += [f"- **{label}**: {_md(value)}" for label, value in said.heading]
    for title, head, rows in (
        (word(lang, "rate"), said.rate_head, said.rate_rows),
        (word(lang, "by_region"), said.region_head, said.region_rows),
    ):
        out += ["", f"## {title}", "", "| " + " | ".join(map(_md, head)) + " |"]
        out.append("|" + "---|" * len(head))
        out += ["| " + " | ".join(map(_md, r)) + " |" for r in rows]
    complete = _share(Rate.of_regions(found), lang)
    out += ["", f"**{word(lang, 'complete')}**: {complete}", "", f"**{_md(said.silent)}**"]
    return "\n".join(out) + "\n"


_MARK_CLASS = {Mark.REPORTED: "ok", Mark.LATE: "late", Mark.NEVER: "never", Mark.NOT_EXPECTED: ""}


def coverage_html(found: Coverage, lang: str) -> str:
    said = lines(found, lang)
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(said.title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
        "margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
        ".ok{background:#dff0d8}.late{background:#fcf8e3}.never{background:#f2dede}"
        "</style></head><body>",
        f"<h1>{e(said.title)}</h1>",
        "<dl>",
        *(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in said.heading),
        "</dl>",
        f"<h2>{e(word(lang, 'rate'))}</h2>",
        _html_table(said.rate_head, said.rate_rows),
        f"<p>{e(word(lang, 'complete'))}: {e(_share(Rate.of_regions(found), lang))}</p>",
        f"<h2>{e(word(lang, 'by_region'))}</h2>",
    ]
    classes = [[""] * 2 + [_MARK_CLASS[x.mark] for x in r.entries] for r in found.regions]
    out.append(_html_table(said.region_head, said.region_rows, classes))
    out += [f"<p><strong>{e(said.silent)}</strong></p>", "</body></html>"]
    return "\n".join(out) + "\n"


def _html_table(
    head: list[str], rows: list[list[str]], classes: list[list[str]] | None = None
) -> str:
    e = html.escape
    out = ["<table>", "<tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"]
    for k, row in enumerate(rows):
        marks = classes[k] if classes else [""] * len(row)
        cells = "".join(
            f'<td class="{c}">{e(v)}</td>' if c else f"<td>{e(v)}</td>"
            for v, c in zip(row, marks, strict=True)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


class CoverageFormat(NamedTuple):
    render: Callable[[Coverage, str], str | bytes]
    binary: bool = False
    bom: bool = False


def _xlsx(found: Coverage, lang: str) -> bytes:
    from ktt_cli.render.coverage_xlsx import coverage_xlsx

    return coverage_xlsx(found, lang)


COVERAGE_FORMATS: dict[str, CoverageFormat] = {
    "table": CoverageFormat(coverage_text),
    "json": CoverageFormat(coverage_json),
    "csv": CoverageFormat(coverage_csv, bom=True),
    "markdown": CoverageFormat(coverage_markdown),
    "html": CoverageFormat(coverage_html),
    "xlsx": CoverageFormat(_xlsx, binary=True),
}
