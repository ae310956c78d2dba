"""Words and number styles of the two languages of the output (`--lang vi|en`).

Only labels change with the language: JSON keys, status codes and problem codes
never do.
"""

from __future__ import annotations

from ktt_cli.figures_text import format_number
from ktt_cli.progress import Status
from ktt_cli.units import Comparator, Unit

STATUS = {
    "vi": {
        Status.ACHIEVED: "đạt",
        Status.ON_TRACK: "đúng hướng",
        Status.NEEDS_ACCELERATION: "cần tăng tốc",
        Status.LIMITED_PROGRESS: "tiến triển chậm",
        Status.DETERIORATION: "đi xuống",
        Status.MISSED: "không đạt",
        Status.INSUFFICIENT_DATA: "chưa đủ số liệu",
        Status.NO_DATA: "chưa có số liệu",
        Status.QUALITATIVE: "định tính",
        Status.NO_TARGET: "chưa giao chỉ tiêu",
    },
    "en": {
        Status.ACHIEVED: "achieved",
        Status.ON_TRACK: "on track",
        Status.NEEDS_ACCELERATION: "needs acceleration",
        Status.LIMITED_PROGRESS: "limited progress",
        Status.DETERIORATION: "deterioration",
        Status.MISSED: "missed",
        Status.INSUFFICIENT_DATA: "insufficient data",
        Status.NO_DATA: "no data",
        Status.QUALITATIVE: "qualitative",
        Status.NO_TARGET: "no target",
    },
}

#: Why a result is `insufficient_data` (`status_reason`, SPEC §4), said beside its status.
STATUS_REASON = {
    "vi": {"no_baseline": "chưa có số gốc", "short_span": "số liệu chưa đủ 1 năm"},
    "en": {"no_baseline": "no earlier figure", "short_span": "figures span under a year"},
}

LABELS = {
    "vi": {
        "milestone": "Mục tiêu đến năm {year}",
        "indicator": "Chỉ tiêu",
        "target": "Mục tiêu",
        "actual": "Thực hiện",
        "gap": "Còn thiếu",
        "passed": "vượt {gap}",
        "achieved": "Đạt",
        "status": "Tình trạng",
        "change": "Thay đổi",
        "share_of": "% {what}",
        "qualitative": "Mục tiêu định tính (không chấm điểm)",
        "programme": "Chương trình",
        "targets_file": "Tệp mục tiêu",
        "actuals_files": "Tệp số liệu",
        "as_of": "Tính đến",
        "points": "điểm %",
        "no_results": "Không có chỉ tiêu nào khớp với bộ lọc.",
        "unit": "Đơn vị",
        "year": "Năm",
        "words": "Nguyên văn",
        "units": {"count": "số lượng", "persons": "người", "percent": "%"},
        "each_region": "mỗi xã",
        "regions_count": "{n} xã",
        "shared_out": "giao cho từng xã",
        "region": "Xã, phường",
        "breakdown": "Theo xã, phường",
        "territory_total": "Toàn tỉnh",
        "share_of_territory": "% tỉnh",
        "met": "đạt",
        "not_met": "chưa đạt",
    },
    "en": {
        "milestone": "Targets for {year}",
        "indicator": "Indicator",
        "target": "Target",
        "actual": "Actual",
        "gap": "Gap",
        "passed": "{gap} over",
        "achieved": "Achieved",
        "status": "Status",
        "change": "Change",
        "share_of": "% of {what}",
        "qualitative": "Qualitative aims (not scored)",
        "programme": "Programme",
        "targets_file": "Targets file",
        "actuals_files": "Actuals files",
        "as_of": "As of",
        "points": "pp",
        "no_results": "No indicator matches the filters.",
        "unit": "Unit",
        "year": "Year",
        "words": "Programme's words",
        "units": {"count": "count", "persons": "persons", "percent": "%"},
        "each_region": "each region",
        "regions_count": "{n} regions",
        "shared_out": "shared out",
        "region": "Region",
        "breakdown": "By region",
        "territory_total": "Whole territory",
        "share_of_territory": "% total",
        "met": "met",
        "not_met": "not met",
    },
}

_SYMBOL = {
    Comparator.AT_LEAST: "≥",
    Comparator.OVER: ">",
    Comparator.ABOUT: "≈",
    Comparator.AT_MOST: "≤",
    Comparator.UNDER: "<",
    Comparator.ALL: "=",
}


def label(lang: str, key: str, **values: object) -> str:
    return str(LABELS[lang][key]).format(**values)


def unit_word(lang: str, unit: Unit) -> str:
    units = LABELS[lang]["units"]
    assert isinstance(units, dict)
    return str(units[unit.value])


def figure(value: float, unit: Unit, lang: str) -> str:
    """A figure as the language writes it: `1.200`, `65,5%` (vi); `1,200`, `65.5%` (en)."""
    if unit is Unit.PERCENT:
        return format_number(value, lang, 1) + "%"
    return format_number(value, lang, 0 if value == int(value) else 2)


def actual(value: float, qualifier: str | None, unit: Unit, lang: str) -> str:
    """A figure, with the bound it was given as: `834`, `> 5.300`."""
    shown = figure(value, unit, lang)
    if qualifier == "sum of regions":  # made by adding up the regions' figures
        qualifier = "Σ"
    return f"{qualifier} {shown}" if qualifier else shown


def symbol(comparator: Comparator) -> str:
    """The sign of a comparator: `≥`, `>`, `≈`, `≤`, `<`, `=`."""
    return _SYMBOL[comparator]


def target(comparator: Comparator, level: float, unit: Unit, lang: str) -> str:
    """A target with its comparator: `≥ 1.200`, `> 65%`, `≈ 8.400`, `= 100%`."""
    return f"{_SYMBOL[comparator]} {figure(level, unit, lang)}"


def gap(value: float, unit: Unit, lang: str) -> str:
    """A gap: percent gaps are in percentage points."""
    if unit is Unit.PERCENT:
        return f"{format_number(value, lang, 1)} {label(lang, 'points')}"
    return format_number(value, lang, 0 if value == int(value) else 2)


def percent(value: float, lang: str) -> str:
    return format_number(value, lang, 1) + "%"
