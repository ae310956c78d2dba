"""An empty actuals workbook for a programme, for analysts to fill in Excel (SPEC §9).

Sheet 1 is the long layout: a header, then one row per indicator with its id
already chosen and its value cell formatted for its unit, then empty rows; the
indicator column is a drop-down of the programme's indicator ids everywhere.

Percentages: a percent indicator's value cell has the format ``0.0%``. Typing
``65,5`` there (or ``65,5%`` anywhere) makes Excel store 0.655 and show 65,5%,
and ktt reads a percent-formatted cell as its fraction × 100, so 65.5. Typing
``65,5`` into a cell without a percent format stores 65.5, which ktt reads as
65.5 too: either way the figure is the one shown.

Sheet 2 is the report-table layout (STT, indicator, unit, one column per year)
for offices that keep their figures that way.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence

from ktt_cli import i18n
from ktt_cli.model import TargetsFile
from ktt_cli.units import Unit

#: Data rows under the header that carry the drop-down (and take figures).
FILL_ROWS = 1000

HEADERS = {
    "vi": ("Chỉ tiêu", "Kỳ", "Giá trị", "Địa bàn", "Nguồn", "Ghi chú"),
    "en": ("indicator", "period", "value", "region", "source", "note"),
}
SHEET_NAMES = {"vi": ("Số liệu", "Biểu báo cáo"), "en": ("Figures", "Report table")}
REPORT_HEADERS = {
    "vi": ("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm {year}"),
    "en": ("STT", "indicator", "unit", "{year}"),
}
PERIOD_NOTE = {
    "vi": (
        "Kỳ số liệu, một trong các dạng: năm (2024, Năm 2024); 6 tháng (2024-H1, "
        "6 tháng đầu năm 2024); 9 tháng 2024; quý (2024-Q2, Quý II/2024); tháng (2024-06, "
        "Tháng 6/2024, T6/2024); ngày (30/06/2024, hoặc một ô ngày của Excel). "
        "Số liệu của một thời điểm (số HTX, thành viên) ghi ở cuối kỳ."
    ),
    "en": (
        "The period, in one of these forms: year (2024); half (2024-H1, H1/2024); "
        "9 months (9 tháng 2024); quarter (2024-Q2, Q2/2024); month (2024-06, 06/2024); "
        "day (2024-06-30, 30/06/2024, or an Excel date cell). Stocks (cooperatives, "
        "members) are counted at the end of the period."
    ),
}
VALUE_NOTE = {
    "vi": (
        "Số liệu. Chỉ tiêu tỷ lệ: ô đã định dạng %, gõ 65,5 (Excel lưu 0,655 và hiện "
        "65,5%). Không có số liệu: để trống hoặc gõ -."
    ),
    "en": (
        "The figure. Percent indicators: the cell is formatted as a percentage; type 65.5 "
        "(Excel stores 0.655 and shows 65.5%). No figure: leave it empty or type -."
    ),
}
REGION_NOTE = {
    "vi": "Để trống cho toàn tỉnh; hoặc tên xã, phường.",
    "en": "Leave empty for the whole territory; or a commune or ward.",
}


def template_xlsx(targets: TargetsFile, lang: str, *, years: Sequence[int] | None = None) -> bytes:
    """The workbook, as the bytes of an .xlsx file.

    ``years`` are the report table's period columns: by default the last three
    years up to the current one.
    """
    import xlsxwriter

    if years is None:
        this_year = datetime.date.today().year
        years = range(this_year - 2, this_year + 1)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    text = book.add_format({"num_format": "@"})
    shown = {
        Unit.PERCENT: book.add_format({"num_format": "0.0%"}),
        Unit.COUNT: book.add_format({"num_format": "#,##0"}),
        Unit.PERSONS: book.add_format({"num_format": "#,##0"}),
    }
    indicators = targets.indicators
    ids = [indicator.id for indicator in indicators]
    long_name, report_name = SHEET_NAMES[lang]

    sheet = book.add_worksheet(long_name)
    headers = HEADERS[lang]
    sheet.write_row(0, 0, headers, bold)
    sheet.freeze_panes(1, 0)
    for column, width in enumerate((24, 18, 14, 22, 30, 30)):
        sheet.set_column(column, column, width)
    # Periods and regions are text: 2024-06 must not become a date, 06/2024 a fraction.
    sheet.set_column(1, 1, 18, text)
    sheet.set_column(3, 3, 22, text)
    sheet.write_comment(0, 1, PERIOD_NOTE[lang], {"x_scale": 3, "y_scale": 3})
    sheet.write_comment(0, 2, VALUE_NOTE[lang], {"x_scale": 3, "y_scale": 2})
    sheet.write_comment(0, 3, REGION_NOTE[lang], {"x_scale": 2})
    for row, indicator in enumerate(indicators, 1):
        sheet.write_string(row, 0, indicator.id)
        sheet.write_blank(row, 2, None, shown[indicator.unit])
        goals = "; ".join(
            f"{t.year}: {i18n.target(t.comparator, t.level, indicator.unit, lang)}"
            for t in indicator.targets
        )
        sheet.write_comment(
            row,
            0,
            f"{indicator.name.pick(lang)} ({i18n.unit_word(lang, indicator.unit)}). {goals}",
            {"x_scale": 2},
        )
    report = book.add_worksheet(report_name)
    stt, name, unit, period = REPORT_HEADERS[lang]
    report.write_row(0, 0, [stt, name, unit, *(period.format(year=y) for y in years)], bold)
    report.freeze_panes(1, 3)
    report.set_column(0, 0, 6)
    report.set_column(1, 1, 48)
    report.set_column(2, 2, 12)
    report.set_column(3, 2 + len(years), 16)
    for row, indicator in enumerate(indicators, 1):
        report.write_number(row, 0, row)
        report.write_string(row, 1, indicator.name.pick(lang))
        report.write_string(row, 2, i18n.unit_word(lang, indicator.unit))
        for column in range(3, 3 + len(years)):
            report.write_blank(row, column, None, shown[indicator.unit])
    choices = ",".join(ids)
    validation: dict[str, object] = {
        "validate": "list",
        "error_type": "warning",
        "input_title": headers[0],
        "input_message": (
            "Chọn mã chỉ tiêu (hoặc gõ tên chỉ tiêu)"
            if lang == "vi"
            else "Pick an indicator id (or type its name)"
        ),
    }
    if len(choices) <= 255:  # Excel's limit for a list written in the rule itself
        validation["source"] = ids
    else:
        lists = book.add_worksheet("_" + long_name[:29])
        lists.write_column(0, 0, ids)
        lists.hide()
        validation["source"] = f"='{lists.name}'!$A$1:$A${len(ids)}"
    sheet.data_validation(1, 0, FILL_ROWS, 0, validation)
    book.close()
    return out.getvalue()
