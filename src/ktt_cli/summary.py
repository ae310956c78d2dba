"""The summary in words (SPEC §5): the report's figures in, an analyst's sentences out.

Pure: reads a Report and writes sentences in `vi` or `en`, the way a province's
analyst opens a monthly report ("Đến hết tháng 11/2026, toàn tỉnh có 1.478 hợp tác
xã, đạt 73,9% mục tiêu đến năm 2030 …"). One sentence per indicator that has a
figure (its nearest milestone in the report), then what has no figure yet, then,
with `--by region`, the regions furthest behind by name. Every figure in a sentence
is a figure of the report, written as the tables write it; a sentence never says
more than the status does: the pace is spoken of only where a status measured it.
"""

from __future__ import annotations

from typing import NamedTuple

from ktt_cli import i18n
from ktt_cli.model import DIRECTION, Comparator, Unit
from ktt_cli.names import normalise
from ktt_cli.numbers import format_number
from ktt_cli.periods import Granularity, Period, parse_period
from ktt_cli.progress import Status
from ktt_cli.report import Report, Result

#: Regions named as furthest behind, per indicator.
BEHIND = 3
#: Regions named as not meeting an `each_region` target before "and N more".
NOT_MET_NAMED = 5

#: Statuses whose words speak of the pace: only these carry the projection.
PACED = (
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.LIMITED_PROGRESS,
    Status.DETERIORATION,
)

_MONTH_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
_ROMAN = ("I", "II", "III", "IV")

_COMPARATOR = {
    "vi": {
        Comparator.AT_LEAST: "ít nhất",
        Comparator.OVER: "trên",
        Comparator.ABOUT: "khoảng",
        Comparator.AT_MOST: "không quá",
        Comparator.UNDER: "dưới",
        Comparator.ALL: "",
    },
    "en": {
        Comparator.AT_LEAST: "at least",
        Comparator.OVER: "over",
        Comparator.ABOUT: "about",
        Comparator.AT_MOST: "at most",
        Comparator.UNDER: "under",
        Comparator.ALL: "",
    },
}

#: A figure given as a bound, in words: `hơn 5.300`, `more than 5,300`.
_BOUND = {
    "vi": {">": "hơn", "≥": "ít nhất", "<": "dưới", "≤": "không quá", "≈": "khoảng"},
    "en": {">": "more than", "≥": "at least", "<": "under", "≤": "at most", "≈": "about"},
}

_PACE = {
    "vi": {
        Status.ON_TRACK: "đúng hướng",
        Status.NEEDS_ACCELERATION: "cần tăng tốc",
        Status.LIMITED_PROGRESS: "tiến triển chậm",
        Status.DETERIORATION: "đang đi xuống",
    },
    "en": {
        Status.ON_TRACK: "on track",
        Status.NEEDS_ACCELERATION: "needs acceleration",
        Status.LIMITED_PROGRESS: "limited progress",
        Status.DETERIORATION: "going backwards",
    },
}

_WORDS = {
    "vi": {
        "by_end": "Đến hết {when}",
        "by_day": "Đến {when}",
        "has": "{where} có {figure} {noun}",
        "is": "{what} là {figure}",
        "reached": "đạt {percent} mục tiêu đến năm {year} ({target})",
        "short": "còn thiếu {gap}",
        "to_cut": "còn phải giảm {gap}",
        "beyond": "vượt {gap}",
        "up": "tăng {moved} so với {when}",
        "down": "giảm {moved} so với {when}",
        "share": "{what}",
        "same": "không đổi so với {when}",
        "no_newer": "chưa có số liệu mới sau {when}",
        "achieved": "Đã đạt mục tiêu.",
        "missed": "Không đạt mục tiêu năm {year}.",
        "pace": "Theo tốc độ bình quân từ {since}, đến năm {year} ước đạt khoảng {projected}: "
        "{pace}.",
        "pace_no_figure": "Theo tốc độ bình quân từ {since}: {pace}.",
        "insufficient": "Chưa đủ số liệu để đánh giá tốc độ",
        "no_baseline": "chưa có số liệu năm gốc",
        "short_span": "số liệu mới trải qua chưa đủ một năm",
        "each": "{when}, {met}/{total} {units} đạt mục tiêu đến năm {year} về {what} ({percent})",
        "not_met": "chưa đạt: {names}",
        "more": "và {n} {units} khác",
        "no_figure": "Chưa có số liệu: {names}.",
        "behind": "Xa mục tiêu đến năm {year} nhất về {what}: {regions}.",
        "points": "điểm %",
        "territory": "toàn tỉnh",
        "country": "cả nước",
        "units": "xã, phường",
    },
    "en": {
        "by_end": "By the end of {when}",
        "by_day": "As of {when}",
        "has": "{where} had {figure} {noun}",
        "is": "{what} was {figure}",
        "reached": "{percent} of the {year} target ({target})",
        "short": "{gap} short",
        "to_cut": "{gap} still to cut",
        "beyond": "{gap} beyond it",
        "up": "up {moved} since {when}",
        "down": "down {moved} since {when}",
        "share": "the share of {what}",
        "same": "unchanged since {when}",
        "no_newer": "no newer figure since {when}",
        "achieved": "The target is met.",
        "missed": "The {year} target was missed.",
        "pace": "At the average pace since {since}, it would reach about {projected} by {year}: "
        "{pace}.",
        "pace_no_figure": "At the average pace since {since}: {pace}.",
        "insufficient": "Too few figures yet to judge the pace",
        "no_baseline": "no baseline figure",
        "short_span": "figures span less than a year",
        "each": "{when}, {met} of {total} {units} met the {year} target for {what} ({percent})",
        "not_met": "not yet: {names}",
        "more": "and {n} more",
        "no_figure": "No figure yet: {names}.",
        "behind": "Furthest behind the {year} target on {what}: {regions}.",
        "points": "pp",
        "territory": "the province",
        "country": "the country",
        "units": "regions",
    },
}


class Sentence(NamedTuple):
    """A sentence of the summary and the indicator it speaks of (None: of several)."""

    indicator: str | None
    text: str
    #: "territory", "each_region" (the target of every region) or "regions" (those behind)
    scope: str = "territory"


def summary(report: Report, lang: str) -> list[str]:
    """The summary's sentences in `lang` (JSON's `summary`)."""
    return [s.text for s in sentences(report, lang)]


def sentences(report: Report, lang: str) -> list[Sentence]:
    """Per indicator with a figure, then what has none yet, then the regions behind."""
    found: list[Sentence] = []
    missing: list[str] = []
    for result in _first_per_indicator(report):
        if result.actual is None:
            missing.append(_name(result, lang))
        elif result.target_scope == "each_region":
            text = _each_region(report, result, lang)
            found.append(Sentence(result.indicator, text, "each_region"))
        else:
            found.append(Sentence(result.indicator, _indicator(report, result, lang)))
    if missing:
        found.append(Sentence(None, _phrase(lang, "no_figure", names="; ".join(missing))))
    if report.by_region:
        found += _behind(report, lang)
    return found


def when(period: Period | str, lang: str) -> str:
    """A period as a sentence names it: `tháng 11/2026`, `quý II/2026`, `November 2026`."""
    p = period if isinstance(period, Period) else parse_period(period)
    n, year = p.number, p.year
    vi = lang == "vi"
    match p.granularity:
        case Granularity.DAY:
            from datetime import date, timedelta

            day = date(year, 1, 1) + timedelta(n - 1)
            if vi:
                return f"ngày {day.day:02d}/{day.month:02d}/{year}"
            return f"{day.day} {_MONTH_EN[day.month - 1]} {year}"
        case Granularity.MONTH:
            return f"tháng {n}/{year}" if vi else f"{_MONTH_EN[n - 1]} {year}"
        case Granularity.QUARTER:
            return f"quý {_ROMAN[n - 1]}/{year}" if vi else f"Q{n} {year}"
        case Granularity.HALF:
            if vi:
                return f"6 tháng {'đầu' if n == 1 else 'cuối'} năm {year}"
            return f"{'the first' if n == 1 else 'the second'} half of {year}"
        case Granularity.MONTHS_TO_DATE:
            if vi:
                return f"{n} tháng năm {year}"
            return f"January–{_MONTH_EN[n - 1]} {year}" if n > 1 else f"January {year}"
        case _:
            return f"năm {year}" if vi else str(year)


def as_of_words(period: Period | None, lang: str) -> str:
    """The report's date as a title says it: `Đến hết tháng 11/2026`, `As of 30 June 2026`."""
    if period is None:
        return ""
    key = "by_day" if period.granularity is Granularity.DAY else "by_end"
    return _phrase(lang, key, when=when(period, lang))


# ---- the sentences ------------------------------------------------------------------


def _first_per_indicator(report: Report) -> list[Result]:
    """Each indicator's result at its nearest milestone in the report (file order),
    the `each_region` target of an indicator apart."""
    chosen: dict[tuple[str, str], Result] = {}
    for result in report.results:
        key = (result.indicator, result.target_scope)
        if key not in chosen or result.milestone < chosen[key].milestone:
            chosen[key] = result
    return list(chosen.values())


def _indicator(report: Report, result: Result, lang: str) -> str:
    assessment, unit = result.assessment, result.unit
    period = result.actual_period or report.as_of
    opening = as_of_words(parse_period(period) if isinstance(period, str) else period, lang)
    figure = i18n.figure(result.actual or 0.0, unit, lang)
    bound = _BOUND[lang].get(result.actual_qualifier or "")
    if bound:
        figure = f"{bound} {figure}"
    noun = _noun(result, lang)
    if noun is not None:
        said = _phrase(lang, "has", where=_where(report, lang), figure=figure, noun=noun)
    else:
        said = _phrase(lang, "is", what=_what(result, lang), figure=figure)
    parts = [f"{opening}, {said}"]
    if assessment.percent_achieved is not None and result.target is not None:
        parts.append(
            _phrase(
                lang,
                "reached",
                percent=i18n.percent(assessment.percent_achieved, lang),
                year=result.milestone,
                target=_target(result, lang),
            )
        )
    if assessment.gap is not None and assessment.gap != 0:
        gap = assessment.gap
        shown = _gap(abs(gap), unit, lang)
        if gap < 0:
            parts.append(_phrase(lang, "beyond", gap=shown))
        else:
            key = "short" if DIRECTION[result.comparator] > 0 else "to_cut"
            parts.append(_phrase(lang, key, gap=shown))
    text = ", ".join(parts)
    moved = _moved(report, result, lang)
    if moved:
        text += f"; {moved}"
    return f"{text}. {_status(result, lang)}"


def _moved(report: Report, result: Result, lang: str) -> str | None:
    found = report.change_of(result)
    if found is None or found[1].actual is None or report.compared_with is None:
        return None
    moved, then = found[1].actual, when(report.compared_with, lang)
    if moved == 0:
        # the latest figure no later than the period compared with: nothing was counted
        # since, which "unchanged" would not say
        latest = result.actual_period
        stale = latest is not None and parse_period(latest).time <= report.compared_with.time
        return _phrase(lang, "no_newer" if stale else "same", when=then)
    shown = _with_noun(_gap(abs(moved), result.unit, lang), result, lang)
    return _phrase(lang, "up" if moved > 0 else "down", moved=shown, when=then)


def _status(result: Result, lang: str) -> str:
    status, assessment = result.status, result.assessment
    if status is Status.ACHIEVED:
        return _phrase(lang, "achieved")
    if status is Status.MISSED:
        return _phrase(lang, "missed", year=result.milestone)
    if status in PACED and result.baseline_period is not None:
        since = when(result.baseline_period, lang)
        pace = _PACE[lang][status]
        if assessment.projected is None:
            return _phrase(lang, "pace_no_figure", since=since, pace=pace)
        projected = _rounded(assessment.projected, result.unit)
        return _phrase(
            lang,
            "pace",
            since=since,
            year=result.milestone,
            projected=_with_noun(i18n.figure(projected, result.unit, lang), result, lang),
            pace=pace,
        )
    reason = _reason(result)
    said = _phrase(lang, "insufficient")
    if reason in ("no_baseline", "short_span"):
        said += f" ({_phrase(lang, reason)})"
    return said + "."


def _reason(result: Result) -> object:
    """Why a status is `insufficient_data`, where the report says so."""
    return getattr(result, "status_reason", None) or getattr(
        result.assessment, "status_reason", None
    )


def _each_region(report: Report, result: Result, lang: str) -> str:
    opening = as_of_words(report.as_of, lang)
    met, total = result.regions_met or 0, result.regions_total or 0
    text = _phrase(
        lang,
        "each",
        when=opening,
        met=met,
        total=total,
        units=_phrase(lang, "units"),
        year=result.milestone,
        what=_lower(result.name.pick(lang)),
        percent=i18n.percent(result.assessment.percent_achieved or 0.0, lang),
    )
    not_met = list(result.regions_not_met or ())
    if not_met:
        names = ", ".join(not_met[:NOT_MET_NAMED])
        if len(not_met) > NOT_MET_NAMED:
            more = _phrase(
                lang, "more", n=len(not_met) - NOT_MET_NAMED, units=_phrase(lang, "units")
            )
            names += f" {more}"
        text += f"; {_phrase(lang, 'not_met', names=names)}"
    return f"{text}. {_status(result, lang)}"


def _behind(report: Report, lang: str) -> list[Sentence]:
    """Per indicator (its nearest milestone), the regions with the lowest share achieved."""
    nearest = {(r.indicator, r.target_scope): r.milestone for r in _first_per_indicator(report)}
    rows: dict[tuple[str, int], list[Result]] = {}
    for row in report.breakdown:
        if (
            row.target_scope == "territory"
            and nearest.get((row.indicator, row.target_scope)) == row.milestone
            and row.target is not None
            and row.assessment.percent_achieved is not None
        ):
            rows.setdefault((row.indicator, row.milestone), []).append(row)
    found: list[Sentence] = []
    for (indicator, year), group in rows.items():
        lowest = sorted(group, key=lambda r: (r.assessment.percent_achieved or 0.0, r.region))
        named = ", ".join(
            f"{r.region} ({i18n.percent(r.assessment.percent_achieved or 0.0, lang)})"
            for r in lowest[:BEHIND]
        )
        what = _lower(group[0].name.pick(lang))
        said = _phrase(lang, "behind", year=year, what=what, regions=named)
        found.append(Sentence(indicator, said, "regions"))
    return found


# ---- words --------------------------------------------------------------------------


def _phrase(lang: str, key: str, **values: object) -> str:
    return _WORDS[lang][key].format(**values)


def _name(result: Result, lang: str) -> str:
    return result.name.pick(lang)


def _noun(result: Result, lang: str) -> str | None:
    """What a count is of, for "có 1.478 hợp tác xã": the name without `Số`; None for a
    percentage or a name that is not a count of something."""
    if result.unit is Unit.PERCENT:
        return None
    name = _name(result, lang)
    head, _, rest = name.partition(" ")
    if lang == "vi" and head.lower() == "số" and rest:
        return _lower(rest)
    return _lower(name)


def _what(result: Result, lang: str) -> str:
    """What a percentage is of: `tỷ lệ tổ chức …`, `the share of organisations …`."""
    name = _lower(_name(result, lang))
    if lang == "en" and name.split(" ", 1)[0].lower() in ("share", "percent", "proportion", "rate"):
        return name
    return _phrase(lang, "share", what=name) if result.unit is Unit.PERCENT else name


def _lower(text: str) -> str:
    """The first letter in lower case, unless the word is an abbreviation (`HTX`)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def _where(report: Report, lang: str) -> str:
    """`toàn tỉnh`, or `cả nước` for a programme of the whole country."""
    territory = report.programme.territory if report.programme else ""
    country = normalise(territory).replace("_", "") in ("vietnam", "canuoc")
    return _phrase(lang, "country" if country else "territory")


def _target(result: Result, lang: str) -> str:
    level = result.target or 0.0
    word = _COMPARATOR[lang][result.comparator]
    shown = i18n.figure(level, result.unit, lang)
    noun = _noun(result, lang)
    text = f"{word} {shown}".strip()
    return f"{text} {noun}" if noun and lang == "vi" else text


def _with_noun(figure: str, result: Result, lang: str) -> str:
    """`8 hợp tác xã` in Vietnamese, where the noun is short; English says the figure."""
    if result.target_scope == "each_region":
        return f"{figure} {_phrase(lang, 'units')}"
    noun = _noun(result, lang)
    return f"{figure} {noun}" if noun and lang == "vi" else figure


def _gap(value: float, unit: Unit, lang: str) -> str:
    if unit is Unit.PERCENT:
        return f"{format_number(value, lang, 1)} {_phrase(lang, 'points')}"
    return format_number(value, lang, 0 if value == int(value) else 2)


def _rounded(value: float, unit: Unit) -> float:
    """A projection as people say it: whole units for counts, a tenth for a percentage."""
    return round(value, 1) if unit is Unit.PERCENT else float(round(value))
