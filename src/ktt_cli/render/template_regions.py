"""A form per region for the monthly round (SPEC §11): `ktt template --by region`.

Each listed region gets a workbook of its own, named by its code and name
(`04567-xa-tan-linh.xlsx`), in the long layout: the title names the region, the
programme and the period to fill; under the header, one row per indicator expected
of a region (`from_regions`, a `by_region` share or an `each_region` target), with
its name, the period and the region already written; only the value is left to
fill. Period and region cells are text, so that Excel and LibreOffice keep them as
written (`2026-11` must not become a date). A percent indicator's value cell is
formatted as a percentage, as in `template_xlsx`.

Read back by `ktt report` or `ktt coverage`, a filled form gives its figures to its
region. The same forms as CSV (`--format csv`) carry the title as comment lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import NamedTuple

from ktt_cli import i18n
from ktt_cli.coverage import expected_of
from ktt_cli.model import Region, TargetsFile
from ktt_cli.name_keys import normalise, place_key
from ktt_cli.periods import Period, display
from ktt_cli.render.template_xlsx import HEADERS, VALUE_NOTE
from ktt_cli.units import Unit

_WORDS = {
    "vi": {
        "sheet": "Số liệu",
        "title": "BIỂU SỐ LIỆU KINH TẾ TẬP THỂ",
        "unit": "Đơn vị báo cáo: {region}",
        "code": " (mã {code})",
        "period": "Kỳ báo cáo: {period} ({text})",
        "programme": "Chương trình: {name}",
        "how": "Chỉ điền cột Giá trị; không có số liệu thì để trống hoặc gõ -. "
        "Không sửa cột Kỳ và Địa bàn.",
    },
    "en": {
        "sheet": "Figures",
        "title": "COLLECTIVE ECONOMY RETURN",
        "unit": "Reporting unit: {region}",
        "code": " (code {code})",
        "period": "Period: {period} ({text})",
        "programme": "Programme: {name}",
        "how": "Fill in the value column only; no figure: leave it empty or type -. "
        "Do not change the period and region columns.",
    },
}
#: The row (0-based) of the header: under the title block.
HEADER_ROW = 6


class Form(NamedTuple):
    file_name: str
    data: bytes


def _slug(text: str) -> str:
    """Letters a file name may hold anywhere (Windows too): a-z, 0-9 and `-`."""
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")


def file_stem(region: Region) -> str:
    """`04567-xa-tan-linh`: the code, then the name without diacritics, in lower case."""
    slug = _slug(region.name) or "region"
    code = _slug(region.id) if region.id else ""
    return f"{code}-{slug}" if code else slug


def file_names(programme: TargetsFile, suffix: str) -> list[str]:
    """A file name per listed region, unique: a name met again gets `-2`, `-3`."""
    seen: dict[str, int] = {}
    names = []
    for region in programme.regions:
        stem = file_stem(region)
        seen[stem] = seen.get(stem, 0) + 1
        names.append(f"{stem}{'' if seen[stem] == 1 else f'-{seen[stem]}'}{suffix}")
    return names


def _title(programme: TargetsFile, region: Region, period: Period, lang: str) -> list[str]:
    words = _WORDS[lang]
    code = words["code"].format(code=region.id) if region.id else ""
    return [
        words["title"],
        words["unit"].format(region=region.name) + code,
        words["period"].format(period=display(period, lang), text=period.text),
        words["programme"].format(name=programme.programme.name.pick(lang)),
        words["how"],
    ]


def region_forms(
    programme: TargetsFile, period: Period, lang: str, *, workbook: bool = True
) -> Iterator[Form]:
    """A form per listed region that an indicator is expected of (SPEC §11: a `by_region`
    share is expected of the regions it is given to), in the order of the list."""
    expected = expected_of(programme)
    suffix = ".xlsx" if workbook else ".csv"
    for region, name in zip(programme.regions, file_names(programme, suffix), strict=True):
        key = place_key(region.name)  # its store key (names.RegionNames)
        indicators = [i for i in programme.indicators if key in expected.get(i.id, ())]
        if not indicators:  # nothing is asked of it
            continue
        title = _title(programme, region, period, lang)
        rows = [(i.name.pick(lang), i.unit) for i in indicators]
        if workbook:
            yield Form(name, _workbook(title, rows, region.name, period, lang))
        else:
            yield Form(name, _csv(title, rows, region.name, period).encode("utf-8-sig"))


def _workbook(
    title: list[str], rows: list[tuple[str, Unit]], region: str, period: Period, lang: str
) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    heading = book.add_format({"bold": True, "font_size": 13})
    text = book.add_format({"num_format": "@"})
    shown = {
        Unit.PERCENT: book.add_format({"num_format": "0.0%", "bg_color": "#FFF2CC", "border": 1}),
        Unit.COUNT: book.add_format({"num_format": "#,##0", "bg_color": "#FFF2CC", "border": 1}),
        Unit.PERSONS: book.add_format({"num_format": "#,##0", "bg_color": "#FFF2CC", "border": 1}),
    }
    sheet = book.add_worksheet(_WORDS[lang]["sheet"])
    for row, line in enumerate(title):
        sheet.write_string(row, 0, line, heading if row < 2 else None)
    headers = HEADERS[lang]
    sheet.write_row(HEADER_ROW, 0, headers, bold)
    sheet.write_comment(HEADER_ROW, 2, VALUE_NOTE[lang], {"x_scale": 3, "y_scale": 2})
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    for column, width in enumerate((40, 12, 14, 24, 24, 24)):
        sheet.set_column(column, column, width)
    for k, (name, unit) in enumerate(rows, HEADER_ROW + 1):
        sheet.write_string(k, 0, name)
        sheet.write_string(k, 1, period.text, text)
        sheet.write_blank(k, 2, None, shown[unit])
        sheet.write_string(k, 3, region, text)
        sheet.write_comment(k, 0, i18n.unit_word(lang, unit))
    book.close()
    return out.getvalue()


def _csv(title: list[str], rows: list[tuple[str, Unit]], region: str, period: Period) -> str:
    out = io.StringIO()
    out.writelines(f"# {line}\n" for line in title)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADERS["en"])
    for name, _ in rows:
        writer.writerow([name, period.text, "", region, "", ""])
    return out.getvalue()
