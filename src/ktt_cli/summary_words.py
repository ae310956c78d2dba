"""The words the summary's sentences are made of, in both languages: an indicator's name
and noun, its target, a gap rounded as people count, a period as people say it."""

from __future__ import annotations

from ktt_cli import i18n
from ktt_cli.figures_text import format_number
from ktt_cli.name_keys import normalise
from ktt_cli.periods import Granularity, Period
from ktt_cli.progress import Status
from ktt_cli.results import Report, Result
from ktt_cli.units import Comparator, Unit

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


def when(p: Period, lang: str) -> str:
    """A period as a sentence names it: `tháng 11/2026`, `quý II/2026`, `November 2026`."""
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
