"""The files the benchmark reads: synthetic, seeded, shaped like the analysts' own (SPEC §7).

- `excel`: a long file as Excel in a Vietnamese locale saves it ("CSV UTF-8"): a BOM, `;`
  between cells, CRLF line ends, Vietnamese headers, indicators by name, periods as
  `06/2024`, decimal commas on the percent indicators, grouped province totals (`16.800`),
  the territory as `Toàn tỉnh`, and a quoted source or note on the territory rows and on
  about 1% of the commune rows, some with a `;` inside the quotes.
- `plain`: the comma file of the first version (`indicator,period,region,value`, ids,
  `2024-06`, whole numbers, no quote anywhere).
- `plain-decimals`: the same comma file with the figures analysts really have: counts
  whole, percentages with two decimals (`23.45`), the province's percentage the
  communes' average, with two decimals too.
- `excel-other`: the long file as another office's Excel writes it: the columns in
  another order (`Địa bàn;Chỉ tiêu;Thời gian;Giá trị;Nguồn`), periods as
  `Tháng 6/2024`, two decimal commas (`23,45`), and a quoted source on every territory
  row and on a tenth of the commune rows, several with a `;` inside.
- `excel-same-source`: the Excel-shaped file with one and the same quoted source on every
  row (an office that notes its source on each line): the hostile shape for memory.
- `sparse_months` and `sparse_days`: the memory cases of issue 19, where every row brings
  a region or a period that few other rows share.
- a long `.xlsx` workbook (openpyxl, write-only).

Every writer takes a `Shape` and a seed and returns the figures the targets are set from.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

LAST_MONTH = 2025 * 12 + 11  # 2025-12, as a month count
PERCENT_EVERY = 3  # indicators 0, 3, 6, 9 are percentages; the others counts
SOURCE_SHARE = 0.01  # commune rows with a quoted note or source
TERRITORY_WORD = "Toàn tỉnh"
EXCEL_HEADER = "Chỉ tiêu;Kỳ;Giá trị;Địa bàn;Nguồn;Ghi chú"
PLAIN_HEADER = "indicator,period,region,value"
WORKBOOK_HEADER = ("Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn", "Nguồn", "Ghi chú")
NOTES = ("ước tính", "số liệu xã tự báo cáo; chưa thẩm định", "theo báo cáo quý")
SOURCES = ("UBND xã", "Phòng Kinh tế huyện; báo cáo tháng", "Liên minh HTX tỉnh")


@dataclass(frozen=True)
class Shape:
    """A long file: each indicator × each month × (the territory + each commune)."""

    indicators: int
    months: int
    communes: int

    @property
    def rows(self) -> int:
        return self.indicators * self.months * (self.communes + 1)


def indicator_id(i: int) -> str:
    return f"ind_{i:02d}"


def indicator_name(i: int) -> str:
    return f"Chỉ tiêu tổng hợp {i:02d}"


def is_percent(i: int) -> bool:
    return i % PERCENT_EVERY == 0


def commune_name(n: int, communes: int) -> str:
    return f"Xã {n:0{max(3, len(str(communes)))}d}"


@dataclass(frozen=True)
class Month:
    number: int  # 1…12
    year: int

    @staticmethod
    def of(count: int) -> Month:
        return Month(count % 12 + 1, count // 12)

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"

    @property
    def vietnamese(self) -> str:
        return f"{self.number:02d}/{self.year}"


def _months(shape: Shape) -> list[Month]:
    first = LAST_MONTH - shape.months + 1
    return [Month.of(first + m) for m in range(shape.months)]


class _Series:
    """One indicator's commune figures, month after month: each commune from its own level
    at its own rate, with noise; a percentage in tenths, a count whole."""

    def __init__(self, rng: random.Random, communes: int, percent: bool, decimals: int = 1) -> None:
        self.rng, self.percent, self.decimals = rng, percent, decimals
        top = 60.0 if percent else 24.0
        self.bases = [rng.uniform(5.0 if percent else 0.0, top) for _ in range(communes)]
        self.rates = [rng.uniform(-0.2, 0.5) for _ in range(communes)]

    def at(self, progress: float) -> list[float]:
        rng = self.rng
        values = [
            b * (1 + r * progress) + rng.random() * 5
            for b, r in zip(self.bases, self.rates, strict=True)
        ]
        if self.percent:
            return [min(99.9, max(5.0, round(v, self.decimals))) for v in values]
        return [float(min(40, max(0, int(v) - 2))) for v in values]

    def total(self, values: list[float]) -> float:
        if self.percent:  # the province's share: the communes' mean
            return round(sum(values) / len(values), self.decimals)
        return sum(values)


def _comma(value: float) -> str:
    """A figure as Excel writes it in a Vietnamese locale: 65,5; 65; 16.800."""
    if value != int(value):
        return f"{value:.1f}".replace(".", ",")
    whole = int(value)
    return f"{whole:,}".replace(",", ".") if whole >= 1000 else str(whole)


def _comma2(value: float, percent: bool) -> str:
    """A figure as another office's Excel writes it: two decimal commas on a percentage
    (23,45; 23,40), a count whole, grouped from a thousand (16.800)."""
    if percent:
        return f"{value:.2f}".replace(".", ",")
    return _comma(value)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_excel(path: Path, shape: Shape, seed: int) -> dict[str, float]:
    """The Excel-shaped long file; returns each indicator's last province figure."""
    rng = random.Random(seed)
    regions = [commune_name(n, shape.communes) for n in range(1, shape.communes + 1)]
    months = _months(shape)
    last: dict[str, float] = {}
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(EXCEL_HEADER + "\r\n")
        for i in range(shape.indicators):
            name = indicator_name(i)
            series = _Series(rng, shape.communes, is_percent(i))
            for m, month in enumerate(months):
                values = series.at(m / max(1, shape.months - 1))
                total = series.total(values)
                period = month.vietnamese
                source = _quoted(f"Cục Thống kê tỉnh; báo cáo tháng {period}")
                lines = [f"{name};{period};{_comma(total)};{TERRITORY_WORD};{source};\r\n"]
                for region, value in zip(regions, values, strict=True):
                    if rng.random() < SOURCE_SHARE:
                        k = rng.randrange(len(NOTES))
                        extra = f"{_quoted(SOURCES[k])};" if k % 2 else f";{_quoted(NOTES[k])}"
                    else:
                        extra = ";"
                    lines.append(f"{name};{period};{_comma(value)};{region};{extra}\r\n")
                out.write("".join(lines))
            last[indicator_id(i)] = total
    return last


def write_plain(path: Path, shape: Shape, seed: int) -> dict[str, float]:
    """The comma file of the first version; returns each indicator's last province figure."""
    rng = random.Random(seed)
    regions = [commune_name(n, shape.communes) for n in range(1, shape.communes + 1)]
    last: dict[str, float] = {}
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(PLAIN_HEADER + "\n")
        for i in range(shape.indicators):
            indicator = indicator_id(i)
            series = _Series(rng, shape.communes, is_percent(i))
            for m, month in enumerate(_months(shape)):
                values = [round(v) for v in series.at(m / max(1, shape.months - 1))]
                total = round(series.total([float(v) for v in values]))
                lines = [f"{indicator},{month.iso},,{total}\n"]
                lines.extend(
                    f"{indicator},{month.iso},{region},{value}\n"
                    for region, value in zip(regions, values, strict=True)
                )
                out.write("".join(lines))
            last[indicator] = total
    return last


def write_plain_decimals(path: Path, shape: Shape, seed: int) -> dict[str, float]:
    """The comma file with decimals: counts whole, percentages and the province's average
    with two (`23.45`, and `23.40` as a spreadsheet's fixed format writes it)."""
    rng = random.Random(seed)
    regions = [commune_name(n, shape.communes) for n in range(1, shape.communes + 1)]
    last: dict[str, float] = {}
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(PLAIN_HEADER + "\n")
        for i in range(shape.indicators):
            indicator = indicator_id(i)
            percent = is_percent(i)
            series = _Series(rng, shape.communes, percent, decimals=2)
            shown = "{:.2f}" if percent else "{:.0f}"
            for m, month in enumerate(_months(shape)):
                values = series.at(m / max(1, shape.months - 1))
                total = series.total(values)
                lines = [f"{indicator},{month.iso},,{shown.format(total)}\n"]
                lines.extend(
                    f"{indicator},{month.iso},{region},{shown.format(value)}\n"
                    for region, value in zip(regions, values, strict=True)
                )
                out.write("".join(lines))
            last[indicator] = total
    return last


#: The large file's shapes beyond `excel` and `plain`, each measured as they are.
OTHER_KINDS = ("plain-decimals", "excel-other", "excel-same-source")
OTHER_HEADER = "Địa bàn;Chỉ tiêu;Thời gian;Giá trị;Nguồn"
OTHER_SHARE = 0.1  # commune rows with a quoted source in `excel-other`
#: The one source of every row of `excel-same-source`.
SAME_SOURCE = "Phòng Kinh tế huyện; báo cáo tháng"


def write_excel_other(path: Path, shape: Shape, seed: int) -> dict[str, float]:
    """The long file as another office's Excel writes it (module docstring)."""
    rng = random.Random(seed)
    regions = [commune_name(n, shape.communes) for n in range(1, shape.communes + 1)]
    last: dict[str, float] = {}
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(OTHER_HEADER + "\r\n")
        for i in range(shape.indicators):
            name = indicator_name(i)
            percent = is_percent(i)
            series = _Series(rng, shape.communes, percent, decimals=2)
            for m, month in enumerate(_months(shape)):
                values = series.at(m / max(1, shape.months - 1))
                total = series.total(values)
                period = f"Tháng {month.number}/{month.year}"
                source = _quoted(f"Cục Thống kê tỉnh; {period.lower()}")
                total_text = _comma2(total, percent)
                lines = [f"{TERRITORY_WORD};{name};{period};{total_text};{source}\r\n"]
                for region, value in zip(regions, values, strict=True):
                    if rng.random() < OTHER_SHARE:
                        note = _quoted(SOURCES[rng.randrange(len(SOURCES))])
                    else:
                        note = ""
                    text = _comma2(value, percent)
                    lines.append(f"{region};{name};{period};{text};{note}\r\n")
                out.write("".join(lines))
            last[indicator_id(i)] = total
    return last


def write_excel_same_source(path: Path, shape: Shape, seed: int) -> dict[str, float]:
    """The Excel-shaped file with the same quoted source on every row."""
    rng = random.Random(seed)
    regions = [commune_name(n, shape.communes) for n in range(1, shape.communes + 1)]
    months = _months(shape)
    source = _quoted(SAME_SOURCE)
    last: dict[str, float] = {}
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(EXCEL_HEADER + "\r\n")
        for i in range(shape.indicators):
            name = indicator_name(i)
            series = _Series(rng, shape.communes, is_percent(i))
            for m, month in enumerate(months):
                values = series.at(m / max(1, shape.months - 1))
                total = series.total(values)
                period = month.vietnamese
                lines = [f"{name};{period};{_comma(total)};{TERRITORY_WORD};{source};\r\n"]
                lines.extend(
                    f"{name};{period};{_comma(value)};{region};{source};\r\n"
                    for region, value in zip(regions, values, strict=True)
                )
                out.write("".join(lines))
            last[indicator_id(i)] = total
    return last


def write_sparse_months(path: Path, rows: int) -> int:
    """Issue 19: every row of an indicator brings a new commune and a new month (the store
    must not give every region a slot for every period). Returns the rows written."""
    per_indicator = rows // 10
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(PLAIN_HEADER + "\n")
        for i in range(10):
            indicator = indicator_id(i)
            lines = [f"{indicator},2025-12,,{50 if is_percent(i) else 100}\n"]
            for k in range(per_indicator):
                # the months of 1900-2025 (SPEC §3 refuses a period not yet begun): past
                # 1,512 rows a month comes again, each time for a new commune
                month = Month.of(1900 * 12 + k % ((2025 - 1900 + 1) * 12))
                lines.append(f"{indicator},{month.iso},Xã {k:05d},{k % 90 + 1}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_sparse_days(path: Path, communes: int, steps: int) -> int:
    """Issue 19: each commune reports on days of its own (a distinct day per commune and
    step), 10 × communes × steps rows. Returns the rows written."""
    # the days from 1900 on, taken modulo a prime (45,007 days: 1900-01-01 to 2023-03-23,
    # all before any run, SPEC §3), so that a commune never has the same day twice
    first, days = date(1900, 1, 1), 45_007
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(PLAIN_HEADER + "\n")
        for i in range(10):
            indicator = indicator_id(i)
            lines = [f"{indicator},2025-12,,{50 if is_percent(i) else 100}\n"]
            for k in range(steps):
                for c in range(communes):
                    day = first + timedelta(days=(k * communes + c) % days)
                    lines.append(f"{indicator},{day:%d/%m/%Y},Xã {c:04d},{(k + c) % 90 + 1}\n")
            out.write("".join(lines))
            written += len(lines)
    return written


def write_workbook(path: Path, shape: Shape, seed: int) -> dict[str, float]:
    """The Excel-shaped long file as a workbook, figures as numbers (openpyxl write-only)."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    regions = [commune_name(n, shape.communes) for n in range(1, shape.communes + 1)]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Số liệu")
    sheet.append(WORKBOOK_HEADER)
    last: dict[str, float] = {}
    for i in range(shape.indicators):
        name = indicator_name(i)
        series = _Series(rng, shape.communes, is_percent(i))
        for m, month in enumerate(_months(shape)):
            values = series.at(m / max(1, shape.months - 1))
            total = series.total(values)
            source = f"Cục Thống kê tỉnh; báo cáo tháng {month.vietnamese}"
            sheet.append((name, month.vietnamese, total, TERRITORY_WORD, source, None))
            for region, value in zip(regions, values, strict=True):
                sheet.append((name, month.vietnamese, value, region, None, None))
        last[indicator_id(i)] = total
    book.save(path)
    return last


def _yaml(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


#: Near the province's figures at the end of the files, so that the factors below give
#: targets from already met to far out of reach, and every status path runs.
TARGET_BASE = {True: 45.0, False: 8_000.0}  # percent, count


def write_targets(path: Path) -> None:
    """A programme for the synthetic indicators (the same whatever the files' size)."""
    factors = (0.8, 1.05, 1.2, 1.5, 2.0)
    lines = [
        "# Synthetic programme for benchmarks/run.py: one 2030 target each.",
        "schema_version: 1",
        "programme:",
        "  id: benchmark-synthetic",
        f"  name: {{vi: {_yaml('Chương trình tổng hợp')}, en: Synthetic benchmark}}",
        f"  issuer: {_yaml('ktt benchmarks')}",
        f"  implements: {_yaml('Nghị quyết 20-NQ/TW ngày 16/6/2022')}",
        f"  territory: {_yaml('Tỉnh mẫu')}",
        f"  source: {_yaml('benchmarks/shapes.py (synthetic)')}",
        "indicators:",
    ]
    for i in range(10):
        indicator = indicator_id(i)
        factor = factors[i % len(factors)]
        lines += [
            f"  - id: {indicator}",
            f"    name: {{vi: {_yaml(indicator_name(i))}, en: Synthetic indicator {i:02d}}}",
        ]
        if is_percent(i):
            value = min(95, max(1, round(TARGET_BASE[True] * factor)))
            lines += [
                "    unit: percent",
                f"    share_of: {{vi: {_yaml('tổng số xã')}, en: all communes}}",
            ]
            text = f"ít nhất {value}% số xã"
        else:
            value = max(1, round(TARGET_BASE[False] * factor))
            lines.append("    unit: count")
            text = f"ít nhất {value:,} đơn vị".replace(",", ".")
        lines += [
            "    targets:",
            "      - year: 2030",
            "        comparator: at_least",
            f"        value: {value}",
            f"        text: {_yaml(text)}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    """`python shapes.py KIND PATH N…`: write one file in a process of its own, so that the
    benchmark's own memory (a floor under its children's peaks) stays small."""
    kind, path, numbers = argv[0], Path(argv[1]), [int(n) for n in argv[2:]]
    if kind == "sparse-months":
        write_sparse_months(path, *numbers)
    elif kind == "sparse-days":
        write_sparse_days(path, *numbers)
    else:
        *shape, seed = numbers
        writers = {
            "excel": write_excel,
            "plain": write_plain,
            "plain-decimals": write_plain_decimals,
            "excel-other": write_excel_other,
            "excel-same-source": write_excel_same_source,
            "workbook": write_workbook,
        }
        writers[kind](path, Shape(*shape), seed)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
