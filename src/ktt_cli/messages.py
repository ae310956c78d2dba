"""The catalogue of messages a person reads, in both languages, looked up by a problem's code.

A problem keeps its code (never translated) and its arguments, already written as text;
the message is made from the template of the language asked for when it is shown. A
field's format names how the language writes it: `{value:num}` a plain number (`5300`,
`65.5`) that Vietnamese writes `5.300`, `65,5`; `{period:period}` a canonical period that
Vietnamese writes `6/2025`; `{indicator:indicator}` an indicator's id that a report names
by its name. English keeps the text as given, so its wording stays the messages' own.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping

Args = tuple[tuple[str, str], ...]

MESSAGES: dict[str, dict[str, str]] = {
    # ---- the report's warnings ----------------------------------------------------------
    "nothing_to_compare": {
        "en": "no figure is dated {period:period} or earlier: there is nothing to compare with",
        "vi": "không có số liệu nào tính đến {period:period} hoặc trước đó: không có gì để so sánh",
    },
    "after_as_of": {
        "en": "{indicator:indicator} has figures only after {as_of:period} (the first for "
        "{first:period})",
        "vi": "{indicator:indicator} chỉ có số liệu sau {as_of:period} (số đầu tiên là của "
        "{first:period})",
    },
    "bound_used": {
        "en": "{indicator:indicator}: the {role} ({period:period}) is given as '{bound:word} "
        "{value:num}': a bound, used as the value",
        "vi": "{indicator:indicator}: {role:word} ({period:period}) được ghi là '{bound:word} "
        "{value:num}': một cận, được dùng làm giá trị",
    },
    "estimate_used": {
        "en": "{indicator:indicator}: the {role} ({period:period}) is an estimate, '{bound:word} "
        "{value:num}': used as the value, and shown as an estimate",
        "vi": "{indicator:indicator}: {role:word} ({period:period}) là số ước tính, "
        "'{bound:word} {value:num}': được dùng làm giá trị và ghi rõ là số ước",
    },
    "baseline_disagrees": {
        "en": "{indicator:indicator}: the data give {value:num} for {period:period}, the "
        "targets file declares {declared:num} for {declared_period:period} as the baseline; "
        "the declared one is used",
        "vi": "{indicator:indicator}: số liệu cho {value:num} vào {period:period}, tệp mục "
        "tiêu khai báo {declared:num} vào {declared_period:period} làm số gốc; dùng số khai "
        "báo",
    },
    "stale_figure": {
        "en": "{indicator:indicator}: the milestone {year} has passed at {as_of:period}, but "
        "the figure used is for {period:period}, before it",
        "vi": "{indicator:indicator}: mốc {year} đã qua tính đến {as_of:period}, nhưng số "
        "liệu được dùng là của {period:period}, trước mốc đó",
    },
    # ---- reading actuals ----------------------------------------------------------------
    "hidden_sheet": {
        "en": "the sheet is hidden in Excel; its figures are read like any others",
        "vi": "trang tính bị ẩn trong Excel; số liệu của nó vẫn được đọc như mọi trang khác",
    },
    "hidden_rows": {
        "en": "{count} hidden row(s), the first here: their figures are read like any others",
        "vi": "{count} dòng bị ẩn, dòng đầu tiên ở đây: số liệu của chúng vẫn được đọc như "
        "mọi dòng khác",
    },
    "no_figure.count": {
        "en": "{count} cell(s) say there is no figure (-, .., x or empty) and were passed "
        "over, the first here",
        "vi": "{count} ô ghi không có số liệu (-, .., x hoặc để trống) và được bỏ qua, ô "
        "đầu tiên ở đây",
    },
    "rows_passed_over": {
        "en": "{count} row(s) hold no figure (a group row, a signature, a date of signing) "
        "and were passed over, the first here",
        "vi": "{count} dòng không có số liệu (dòng nhóm, chữ ký, ngày ký) và được bỏ qua, "
        "dòng đầu tiên ở đây",
    },
    "no_header.book": {
        "en": "no sheet ({sheets}) has a header ktt reads within its first {within} rows: an "
        "indicator, period and value column, a period column and a column per indicator, or "
        "an indicator column and a column per period; or name the sheet with --sheet",
        "vi": "không trang tính nào ({sheets}) có dòng tiêu đề ktt đọc được trong {within} "
        "dòng đầu: một cột chỉ tiêu, kỳ và giá trị, một cột kỳ và mỗi chỉ tiêu một cột, hoặc "
        "một cột chỉ tiêu và mỗi kỳ một cột; hoặc chỉ rõ trang tính bằng --sheet",
    },
    "empty_file.table": {
        "en": "the file has no header and no rows",
        "vi": "tệp không có dòng tiêu đề và không có dòng nào",
    },
    "no_rows": {
        "en": "the file has a header but no rows",
        "vi": "tệp có dòng tiêu đề nhưng không có dòng số liệu nào",
    },
    "ignored_column": {
        "en": "the column {column} is not one ktt reads; it is left out",
        "vi": "cột {column} không phải cột ktt đọc; bỏ qua cột này",
    },
    "not_figures": {
        "en": "the columns {columns} hold plans or comparisons, not figures: passed over",
        "vi": "các cột {columns} là kế hoạch hoặc so sánh, không phải số thực hiện: bỏ qua",
    },
    "extra_fields": {
        "en": "the row has {width} fields but the header {header}: a delimiter inside a value "
        "(such as 65,5) must be in quotes, or the header needs a column more",
        "vi": "dòng có {width} trường nhưng dòng tiêu đề có {header}: dấu phân cách nằm trong "
        "một giá trị (như 65,5) phải đặt trong ngoặc kép, hoặc dòng tiêu đề cần thêm một cột",
    },
    "beyond_header": {
        "en": "a cell right of the header's last column is not read",
        "vi": "ô nằm bên phải cột cuối của dòng tiêu đề không được đọc",
    },
    "short_row": {
        "en": "the row has {width} field(s) but the header {header}: it is cut short, or "
        "written with another delimiter than the header",
        "vi": "dòng có {width} trường nhưng dòng tiêu đề có {header}: dòng bị cắt ngắn, hoặc "
        "dùng dấu phân cách khác với dòng tiêu đề",
    },
    "totals_row": {
        "en": "{text} is a totals row: passed over (ktt adds nothing up itself)",
        "vi": "{text} là dòng tổng cộng: bỏ qua (ktt không tự cộng gì)",
    },
    "unit_mismatch": {
        "en": "the unit {unit} does not fit {indicator:indicator}, a {kind} figure",
        "vi": "đơn vị {unit} không hợp với {indicator:indicator}, một chỉ tiêu tính bằng "
        "{kind:word}",
    },
    "mixed_number_styles": {
        "en": "{text} is written in {style} style but {first} ({where}) in {first_style} style: "
        "a file holds one style; correct one of them, or say which with --number-format",
        "vi": "{text} được viết theo kiểu {style:word} nhưng {first} ({where}) theo kiểu "
        "{first_style:word}: một tệp chỉ dùng một kiểu; hãy sửa một trong hai, hoặc chỉ rõ "
        "kiểu bằng --number-format",
    },
    "repeated_row": {
        "en": "{indicator:indicator} {period:period} ({region:word}) is given again as on {on}",
        "vi": "{indicator:indicator} {period:period} ({region:word}) được ghi lại giống như ở "
        "{on:place}",
    },
    # ---- names of places and indicators, periods not yet begun (SPEC §3, §8) --------------
    "ambiguous_region": {
        "en": "{text} could be {names}: write the name as the targets file lists it, with "
        "its diacritics and its unit word",
        "vi": "{text} có thể là {names}: hãy ghi tên đúng như danh sách trong tệp mục tiêu, "
        "có dấu và có chữ chỉ đơn vị (xã, phường)",
    },
    "ambiguous_indicator": {
        "en": "{text} could name {names}: write the name with its diacritics, or the id",
        "vi": "{text} có thể là {names}: hãy ghi tên có dấu, hoặc ghi mã chỉ tiêu",
    },
    "regions_differ_by_marks": {
        "en": "{name} and {other} differ only by their diacritics or unit word: read as two "
        "regions; where they are one, write the name alike in both places",
        "vi": "{name} và {other} chỉ khác nhau ở dấu hoặc chữ chỉ đơn vị: được đọc là hai địa "
        "bàn; nếu là một, hãy ghi tên giống nhau ở cả hai chỗ",
    },
    "future_period": {
        "en": "{period:period} begins after today ({today}): no figure exists for it yet; "
        "is the year mistyped?",
        "vi": "{period:period} bắt đầu sau hôm nay ({today}): chưa thể có số liệu cho kỳ "
        "này; có phải năm bị gõ nhầm?",
    },
    "conflicting_values": {
        "en": "{indicator:indicator} {period:period} ({region:word}) is {value:num} here but "
        "{old:num} on {on}",
        "vi": "{indicator:indicator} {period:period} ({region:word}) là {value:num} ở đây "
        "nhưng là {old:num} ở {on:place}",
    },
    "no_territory_rows": {
        "en": "{indicator:indicator} has rows for {regions} region(s) but none for the whole "
        "territory (blank region), so it has no figure to report",
        "vi": "{indicator:indicator} có dòng cho {regions} địa bàn nhưng không có dòng nào cho "
        "toàn tỉnh (cột region để trống), nên không có số liệu để báo cáo",
    },
    "same_moment": {
        "en": "{indicator:indicator}: {period:period} and {other:period} end at the same moment "
        "but hold {value:num} here and {other_value:num} at {at}; the coarser period's figure "
        "is used",
        "vi": "{indicator:indicator}: {period:period} và {other:period} kết thúc cùng một thời "
        "điểm nhưng ghi {value:num} ở đây và {other_value:num} ở {at}; dùng số của kỳ dài hơn",
    },
    "duplicate_column": {
        "en": "two columns hold the {role}: {first} and {other}",
        "vi": "hai cột cùng chứa {role:word}: {first} và {other}",
    },
    "duplicate_column.indicator": {
        "en": "two columns hold '{indicator}'",
        "vi": "hai cột cùng chứa '{indicator}'",
    },
    "missing_column": {
        "en": "no {missing} column; found {found}. Long files need indicator, period and value "
        "columns (or chi_tieu, ky, gia_tri); wide files a period column and one column per "
        "indicator; report tables an indicator column and one column per period",
        "vi": "không có cột {missing}; chỉ thấy {found}. Tệp dạng dài cần các cột indicator, "
        "period và value (hoặc chi_tieu, ky, gia_tri); tệp dạng rộng cần một cột kỳ và mỗi chỉ "
        "tiêu một cột; biểu báo cáo cần một cột chỉ tiêu và mỗi kỳ một cột",
    },
    "missing_column.wide": {
        "en": "a wide file needs a period (ky, nam) column",
        "vi": "tệp dạng rộng cần một cột kỳ (ky, nam)",
    },
    "unknown_indicator": {
        "en": "{text} is not an indicator of {programme}{closest:suggest}",
        "vi": "{text} không phải chỉ tiêu của {programme}{closest:suggest}",
    },
    "unknown_indicator.empty": {"en": "the indicator is empty", "vi": "ô chỉ tiêu để trống"},
    "unknown_indicator.column": {
        "en": "the column {column} is not an indicator of the programme{closest:suggest}",
        "vi": "cột {column} không phải chỉ tiêu của chương trình{closest:suggest}",
    },
    # ---- report tables: header bands and rows outside the programme ----------------------
    "unclear_column.kind": {
        "en": "the column headed {header} (cells {cells}) does not say what it holds: write "
        "Thực hiện, Ước thực hiện or Kế hoạch in its header; a column is never read as "
        "actuals on a guess",
        "vi": "cột có tiêu đề {header} (ô {cells}) không ghi rõ là số gì: ghi Thực hiện, Ước "
        "thực hiện hoặc Kế hoạch vào tiêu đề; ktt không bao giờ đoán một cột là số thực hiện",
    },
    "unclear_column.period": {
        "en": "the column headed {header} (cells {cells}) does not say its period (a month "
        "with no year, or no period at all): write it whole, such as Năm 2025, 6 tháng đầu "
        "năm 2026 or Tháng 10/2026, or put the year in the caption above",
        "vi": "cột có tiêu đề {header} (ô {cells}) không ghi rõ kỳ (tháng không có năm, hoặc "
        "không có kỳ): ghi đầy đủ, như Năm 2025, 6 tháng đầu năm 2026 hoặc Tháng 10/2026, "
        "hoặc ghi năm ở tiêu đề gộp phía trên",
    },
    "no_actuals_column": {
        "en": "no column of the header holds actuals or estimates (found {found}); plans and "
        "comparisons are not figures",
        "vi": "không cột nào của tiêu đề chứa số thực hiện hoặc ước thực hiện (chỉ thấy "
        "{found}); kế hoạch và so sánh không phải số liệu",
    },
    "header_again": {
        "en": "the header of a second table stands here, under the first's figures: its "
        "columns may hold other periods or plans, so it is not read; put each table in a "
        "file or sheet of its own",
        "vi": "đây là tiêu đề của một bảng thứ hai, nằm dưới số liệu của bảng đầu: các cột "
        "của nó có thể là kỳ khác hoặc kế hoạch, nên không được đọc; tách mỗi bảng ra một "
        "tệp hoặc một trang tính riêng",
    },
    "outside_programme": {
        "en": "{count} row(s) name no indicator of {programme} and were passed over: {rows}",
        "vi": "{count} dòng không ghi chỉ tiêu nào của {programme} và được bỏ qua: {rows}",
    },
    "split_decimal": {
        "en": "the figure {value} is followed by {digits} in the {column} column: an unquoted "
        "decimal comma ({value},{digits}) split in two? Quote the figure, or save the file "
        "with ; as the delimiter",
        "vi": "sau số {value} là {digits} ở cột {column:word}: một dấu phẩy thập phân không "
        "nằm trong ngoặc kép ({value},{digits}) đã tách số làm hai? Đặt số trong ngoặc kép, "
        "hoặc lưu tệp với dấu phân cách ;",
    },
    "percent_fraction": {
        "en": "{indicator:indicator}: {value:num}% among figures above 1% (such as "
        "{other:num}%): a percentage saved without its format (65,5% as 0,655)? Write it "
        "as a percentage",
        "vi": "{indicator:indicator}: {value:num}% giữa các số trên 1% (như {other:num}%): "
        "một ô phần trăm bị lưu mất định dạng (65,5% thành 0,655)? Ghi dưới dạng phần trăm",
    },
    "not_checked": {
        "en": "not checked: the targets file it is checked against has errors",
        "vi": "chưa kiểm tra: tệp mục tiêu dùng để đối chiếu có lỗi",
    },
    # ---- periods ----------------------------------------------------------------------
    "invalid_period.no_day": {
        "en": "{year} has no day {day}",
        "vi": "năm {year} không có ngày thứ {day}",
    },
    "invalid_period.no_such": {
        "en": "no {kind} {number} in a year",
        "vi": "một năm không có {kind:word} {number}",
    },
    "invalid_period.six_months": {
        "en": "six months to date are the first half (2024-H1)",
        "vi": "sáu tháng từ đầu năm là nửa đầu năm (2024-H1)",
    },
    "invalid_period.no_half": {
        "en": "{text} has no half {half}: the halves are H1 and H2; write one of: {forms}",
        "vi": "{text} không có nửa năm {half}: chỉ có H1 và H2; hãy viết theo một trong các dạng: "
        "{forms}",
    },
    "invalid_period.no_quarter": {
        "en": "{text} has no quarter {quarter}: quarters run I-IV (1-4); write one of: {forms}",
        "vi": "{text} không có quý {quarter}: quý chỉ từ I đến IV (1-4); hãy viết theo một trong "
        "các dạng: {forms}",
    },
    "invalid_period.no_month": {
        "en": "{text} has no month {month}: months run 1-12; write one of: {forms}",
        "vi": "{text} không có tháng {month}: tháng chỉ từ 1 đến 12; hãy viết theo một trong các "
        "dạng: {forms}",
    },
    "invalid_period.no_date": {
        "en": "{text} is not a day of the calendar (day first: 30/6/2024); write one of: {forms}",
        "vi": "{text} không phải một ngày có thật (ngày trước: 30/6/2024); hãy viết theo một "
        "trong các dạng: {forms}",
    },
    "invalid_period.empty": {
        "en": "the period is empty; write one of: {forms}",
        "vi": "kỳ bị để trống; hãy viết theo một trong các dạng: {forms}",
    },
    "invalid_period.year_first": {
        "en": "{text} puts the year first (write the month first: 6/2024); write one of: {forms}",
        "vi": "{text} đặt năm lên trước (hãy viết tháng trước: 6/2024); hãy viết theo một trong "
        "các dạng: {forms}",
    },
    "invalid_period.no_year": {
        "en": "{text} has no year; write one of: {forms}",
        "vi": "{text} không có năm; hãy viết theo một trong các dạng: {forms}",
    },
    "invalid_period.not_a_period": {
        "en": "{text} is not a period; write one of: {forms}",
        "vi": "{text} không phải là một kỳ; hãy viết theo một trong các dạng: {forms}",
    },
    "invalid_period.time_of_day": {
        "en": "the date {date} has a time of day; a period is a whole day: format the cell as a "
        "date (30/6/2024)",
        "vi": "ngày {date} có cả giờ; một kỳ là trọn một ngày: hãy định dạng ô là ngày (30/6/2024)",
    },
    "invalid_period.too_many_months": {
        "en": "{text} counts {months} months: a year has 12; write one of: {forms}",
        "vi": "{text} tính {months} tháng: một năm chỉ có 12; hãy viết theo một trong các dạng: "
        "{forms}",
    },
    "invalid_period.months_back": {
        "en": "{text} counts months back from the end of the year, as only 6 tháng cuối năm does; "
        "write one of: {forms}",
        "vi": "{text} đếm tháng ngược từ cuối năm, điều mà chỉ 6 tháng cuối năm mới làm; hãy viết "
        "theo một trong các dạng: {forms}",
    },
    "invalid_period.year_range": {
        "en": "the year {year} is outside {first}-{last}",
        "vi": "năm {year} nằm ngoài khoảng {first}-{last}",
    },
    "invalid_period.cell": {
        "en": "{text} is not a period",
        "vi": "{text} không phải là một kỳ",
    },
    # ---- usage errors (ktt: error: …), in the language of KTT_LANG --------------------
    "usage.no_such_file": {
        "en": "{name}: no such file",
        "vi": "{name}: không có tệp này",
    },
    "usage.folder": {
        "en": "{name}: is a folder, not a file",
        "vi": "{name}: là thư mục, không phải tệp",
    },
    "usage.unreadable": {
        "en": "{name}: not readable (permission denied)",
        "vi": "{name}: không đọc được (không có quyền)",
    },
    "usage.no_files": {
        "en": "give one or more {what} files, or - for standard input",
        "vi": "hãy cho một hoặc nhiều tệp {what:word}, hoặc - để đọc từ đầu vào chuẩn",
    },
    "usage.stdin_twice": {
        "en": "standard input (-) can be read only once",
        "vi": "đầu vào chuẩn (-) chỉ đọc được một lần",
    },
    "usage.stdin_closed": {
        "en": "standard input (-) is closed",
        "vi": "đầu vào chuẩn (-) đã đóng",
    },
    "usage.targets": {
        "en": "--targets {chosen}: neither a file nor a bundled programme (bundled: {ids})",
        "vi": "--targets {chosen}: không phải tệp cũng không phải chương trình có sẵn (có sẵn: "
        "{ids})",
    },
    "usage.output_folder": {
        "en": "--output {name}: is a folder, not a file",
        "vi": "--output {name}: là thư mục, không phải tệp",
    },
    "usage.output_no_folder": {
        "en": "--output {name}: the folder {folder} does not exist",
        "vi": "--output {name}: thư mục {folder} không tồn tại",
    },
    "usage.output_is_input": {
        "en": "--output {name}: is also an input; ktt never writes over its input",
        "vi": "--output {name}: cũng là tệp đầu vào; ktt không bao giờ ghi đè lên đầu vào",
    },
    "usage.terminal": {
        "en": "--format {format} writes a file, not text for a terminal: add --output "
        "FILE.{format}, or redirect standard output to a file",
        "vi": "--format {format} ghi ra tệp, không phải chữ cho màn hình: thêm --output "
        "TỆP.{format}, hoặc chuyển đầu ra chuẩn vào một tệp",
    },
    # ---- the workbook report -------------------------------------------------------
    "cell_cut.note": {
        "en": "this figure's note has {length} characters, more than a workbook cell holds "
        "({limit}): the workbook shows its first part; the JSON and CSV outputs keep it whole",
        "vi": "ghi chú của số liệu này dài {length} ký tự, quá sức chứa của một ô bảng tính "
        "({limit}): tệp Excel chỉ giữ phần đầu; kết quả JSON và CSV giữ nguyên vẹn",
    },
    "cell_cut.source": {
        "en": "this figure's source has {length} characters, more than a workbook cell holds "
        "({limit}): the workbook shows its first part; the JSON and CSV outputs keep it whole",
        "vi": "nguồn của số liệu này dài {length} ký tự, quá sức chứa của một ô bảng tính "
        "({limit}): tệp Excel chỉ giữ phần đầu; kết quả JSON và CSV giữ nguyên vẹn",
    },
    # ---- the report document's template (--template FILE.docx) ----------------------
    "usage.template_format": {
        "en": "--template is the Word template of --format docx; add --format docx",
        "vi": "--template là mẫu Word của --format docx; thêm --format docx",
    },
    "usage.template_unreadable": {
        "en": "--template {name}: not a Word document (.docx) ktt can read ({why}); save it "
        "in Word or LibreOffice as .docx",
        "vi": "--template {name}: không phải tài liệu Word (.docx) mà ktt đọc được ({why}); "
        "hãy lưu lại trong Word hoặc LibreOffice dưới dạng .docx",
    },
    "usage.template_field": {
        "en": "--template {name}: ktt has no field {{{{ {field} }}}}; the fields are: {fields}",
        "vi": "--template {name}: ktt không có trường {{{{ {field} }}}}; các trường là: {fields}",
    },
    "usage.template_block": {
        "en": "--template {name}: {{{{ {field} }}}} must stand alone in its paragraph",
        "vi": "--template {name}: {{{{ {field} }}}} phải đứng riêng một đoạn",
    },
    "usage.compare_later": {
        "en": "--compare {value}: the period compared with must end before the report's date "
        "({as_of}); use an earlier period, or --compare previous",
        "vi": "--compare {value}: kỳ đem so phải kết thúc trước ngày của báo cáo ({as_of:period}); "
        "hãy dùng một kỳ sớm hơn, hoặc --compare previous",
    },
    "usage.no_milestone": {
        "en": "--milestone {year}: the programme has no target for {year} (milestones: {years})",
        "vi": "--milestone {year}: chương trình không có mục tiêu cho năm {year} (các mốc: "
        "{years})",
    },
    "usage.no_indicator": {
        "en": "--indicator {name}: not an indicator of {programme}{closest:suggest}",
        "vi": "--indicator {name}: không phải chỉ tiêu của {programme}{closest:suggest}",
    },
    "usage.unknown_status": {
        "en": "--fail-on: unknown status {unknown} (statuses: {statuses})",
        "vi": "--fail-on: không có tình trạng {unknown} (các tình trạng: {statuses})",
    },
    "usage.not_text_encoding": {
        "en": "{name} is not a text encoding",
        "vi": "{name} không phải bảng mã văn bản",
    },
    "usage.unknown_encoding": {
        "en": "{name} is not an encoding Python knows",
        "vi": "{name} không phải bảng mã Python biết",
    },
    "usage.encoding_loses_letters": {
        "en": "{name} is not an encoding for text files: it cannot write and read back letters",
        "vi": "{name} không phải bảng mã cho tệp văn bản: nó không ghi rồi đọc lại được chữ",
    },
    "usage.targets_errors": {
        "en": "the targets file {name} has {errors} error(s)",
        "vi": "tệp mục tiêu {name} có {errors} lỗi",
    },
    "usage.actuals_errors": {
        "en": "{errors} error(s) in the actuals; nothing was computed",
        "vi": "tệp số liệu có {errors} lỗi; không tính gì cả",
    },
    # ---- reading a text file ------------------------------------------------------------
    "line_too_long": {
        "en": "a line is longer than {limit} characters",
        "vi": "một dòng dài hơn {limit:num} ký tự",
    },
    "encoding": {
        "en": "byte {byte} at offset {offset} is not valid {encoding}",
        "vi": "byte {byte} ở vị trí {offset} không hợp lệ trong bảng mã {encoding}",
    },
    "encoding.utf16": {
        "en": "byte {byte} at offset {offset} is not valid {encoding}; the file looks like UTF-16 "
        "without a BOM: try --encoding utf-16-le",
        "vi": "byte {byte} ở vị trí {offset} không hợp lệ trong bảng mã {encoding}; tệp có vẻ là "
        "UTF-16 không có BOM: hãy thử --encoding utf-16-le",
    },
    "encoding.cp1258": {
        "en": "byte {byte} at offset {offset} is not valid {encoding}; for an older Windows file "
        "try --encoding cp1258",
        "vi": "byte {byte} ở vị trí {offset} không hợp lệ trong bảng mã {encoding}; với tệp "
        "Windows cũ hãy thử --encoding cp1258",
    },
    "encoding.bom": {
        "en": "the file has no byte order mark, so {chosen} cannot tell its byte order: name it, "
        "--encoding {chosen}-le (as Windows writes it) or {chosen}-be",
        "vi": "tệp không có dấu thứ tự byte (BOM), nên {chosen} không biết thứ tự byte: hãy chỉ "
        "rõ, --encoding {chosen}-le (như Windows ghi) hoặc {chosen}-be",
    },
    "not_csv": {
        "en": "this is {what}, not CSV: in Excel, use File > Save As > CSV UTF-8 (Comma "
        "delimited), or give the .xlsx",
        "vi": "đây là {what}, không phải CSV: trong Excel, chọn File > Save As > CSV UTF-8 (Comma "
        "delimited), hoặc đưa thẳng tệp .xlsx",
    },
    "not_text": {
        "en": "the first row holds NUL bytes: a UTF-16 file without a BOM (try --encoding "
        "utf-16-le) or not a text file",
        "vi": "dòng đầu chứa byte NUL: tệp UTF-16 không có BOM (hãy thử --encoding utf-16-le) "
        "hoặc không phải tệp văn bản",
    },
    "csv_syntax": {
        "en": "a quote opened here is never closed",
        "vi": "dấu ngoặc kép mở ở đây không bao giờ được đóng",
    },
    # ---- reading a workbook --------------------------------------------------------------
    "workbook_empty.cells": {
        "en": "the workbook holds no cell with a value. Put the figures in its first sheet, or "
        "check that this is the right file",
        "vi": "sổ tính không có ô nào có giá trị. Hãy đặt số liệu vào trang tính đầu tiên, hoặc "
        "kiểm tra xem có đúng tệp không",
    },
    "workbook_empty.bytes": {
        "en": "the file is empty (0 bytes); check that it is the file",
        "vi": "tệp trống (0 byte); hãy kiểm tra xem có đúng tệp không",
    },
    "no_such_sheet": {
        "en": "there is no sheet {choice}; its sheets are {names}. Give --sheet one of these "
        "names or positions",
        "vi": "không có trang tính {choice}; các trang tính là {names}. Hãy cho --sheet một trong "
        "các tên hoặc số thứ tự này",
    },
    "workbook_format.unknown": {
        "en": "this is not an Excel or OpenDocument workbook. Save it from Excel as .xlsx, or as "
        ".csv",
        "vi": "đây không phải sổ tính Excel hay OpenDocument. Hãy lưu từ Excel thành .xlsx, hoặc "
        ".csv",
    },
    "workbook_format.xlsb": {
        "en": "this is a binary Excel workbook (.xlsb), which ktt does not read exactly. In "
        "Excel: File > Save As > Excel Workbook (.xlsx)",
        "vi": "đây là sổ tính Excel nhị phân (.xlsb), ktt không đọc chính xác được. Trong Excel: "
        "File > Save As > Excel Workbook (.xlsx)",
    },
    "workbook_format.zip": {
        "en": "a zip file, but not an Excel or OpenDocument workbook. Save the figures from Excel "
        "as .xlsx, or as .csv",
        "vi": "một tệp zip, nhưng không phải sổ tính Excel hay OpenDocument. Hãy lưu số liệu từ "
        "Excel thành .xlsx, hoặc .csv",
    },
    # ---- a workbook's sheets, and cells beyond what a sheet holds -------------------------
    "sheets_read": {
        "en": "read {count} sheet(s) as one data set: {read}",
        "vi": "đã đọc {count} trang tính thành một bộ số liệu: {read}",
    },
    "sheets_read.hidden": {
        "en": "read {count} sheet(s) as one data set: {read}; passed over the hidden sheet(s) "
        "{hidden} (name one with --sheet to read it)",
        "vi": "đã đọc {count} trang tính thành một bộ số liệu: {read}; bỏ qua trang tính ẩn "
        "{hidden} (chỉ rõ bằng --sheet để đọc)",
    },
    "sheets_read.unread": {
        "en": "read {count} sheet(s) as one data set: {read}; passed over {unread}: no header "
        "ktt reads within the first {within} rows",
        "vi": "đã đọc {count} trang tính thành một bộ số liệu: {read}; bỏ qua {unread}: không "
        "có dòng tiêu đề ktt đọc được trong {within} dòng đầu",
    },
    "sheets_read.both": {
        "en": "read {count} sheet(s) as one data set: {read}; passed over the hidden sheet(s) "
        "{hidden} (name one with --sheet to read it) and {unread}: no header ktt reads "
        "within the first {within} rows",
        "vi": "đã đọc {count} trang tính thành một bộ số liệu: {read}; bỏ qua trang tính ẩn "
        "{hidden} (chỉ rõ bằng --sheet để đọc) và {unread}: không có dòng tiêu đề ktt đọc "
        "được trong {within} dòng đầu",
    },
    "no_header.visible": {
        "en": "no visible sheet ({sheets}) has a header ktt reads within its first {within} "
        "rows; hidden sheets ({hidden}) are read only when named with --sheet",
        "vi": "không trang tính hiện nào ({sheets}) có dòng tiêu đề ktt đọc được trong "
        "{within} dòng đầu; trang tính ẩn ({hidden}) chỉ được đọc khi chỉ rõ bằng --sheet",
    },
    "beyond_header.count": {
        "en": "{count} cell(s) right of the header's last column are not read, the first here",
        "vi": "{count} ô nằm bên phải cột cuối của dòng tiêu đề không được đọc, ô đầu tiên ở đây",
    },
    "workbook_grid.rows": {
        "en": "a row holding values is repeated down to row {last}, past the last row of a "
        "sheet (1,048,576): its cells there would be lost. Delete what lies below the table "
        "in LibreOffice and save the file again",
        "vi": "một dòng có giá trị được lặp lại đến dòng {last}, quá dòng cuối cùng của trang "
        "tính (1.048.576): các ô ở đó sẽ bị mất. Hãy xóa phần bên dưới bảng trong LibreOffice "
        "rồi lưu lại tệp",
    },
    "workbook_grid.columns": {
        "en": "a cell holding a value is repeated to column {last}, past the last column of a "
        "sheet (16,384, XFD): its cells there would be lost. Delete what lies right of the "
        "table in LibreOffice and save the file again",
        "vi": "một ô có giá trị được lặp lại đến cột {last}, quá cột cuối cùng của trang tính "
        "(16.384, XFD): các ô ở đó sẽ bị mất. Hãy xóa phần bên phải bảng trong LibreOffice "
        "rồi lưu lại tệp",
    },
    "workbook_grid.cell": {
        "en": "the cell lies past the last row of a sheet (1,048,576): the file is damaged, or "
        "not written by a spreadsheet program. Open it in Excel or LibreOffice and save it "
        "again",
        "vi": "ô nằm quá dòng cuối cùng của trang tính (1.048.576): tệp bị hỏng, hoặc không do "
        "chương trình bảng tính ghi ra. Hãy mở bằng Excel hoặc LibreOffice rồi lưu lại",
    },
    "workbook_grid.column": {
        "en": "the cell lies past the last column of a sheet (16,384, XFD): the file is damaged, "
        "or not written by a spreadsheet program. Open it in Excel or LibreOffice and save it "
        "again",
        "vi": "ô nằm quá cột cuối cùng của trang tính (16.384, XFD): tệp bị hỏng, hoặc không do "
        "chương trình bảng tính ghi ra. Hãy mở bằng Excel hoặc LibreOffice rồi lưu lại",
    },
    "workbook_grid.row": {
        "en": "the file numbers this row {number}, which is no row of a sheet (rows are 1 to "
        "1,048,576): the file is damaged, or not written by a spreadsheet program. Open it in "
        "Excel or LibreOffice and save it again",
        "vi": "tệp đánh số dòng này là {number}, không phải một dòng của trang tính (các dòng "
        "từ 1 đến 1.048.576): tệp bị hỏng, hoặc không do chương trình bảng tính ghi ra. Hãy "
        "mở bằng Excel hoặc LibreOffice rồi lưu lại",
    },
    "workbook_repeat.rows": {
        "en": "the file repeats the row here {value} times, which is no count (a repeat is a "
        "whole number of 1 or more): the file is damaged, or not written by a spreadsheet "
        "program. Open it in LibreOffice and save it again",
        "vi": "tệp lặp lại dòng ở đây {value} lần, không phải một số đếm (số lần lặp là số "
        "nguyên từ 1 trở lên): tệp bị hỏng, hoặc không do chương trình bảng tính ghi ra. Hãy "
        "mở bằng LibreOffice rồi lưu lại",
    },
    "workbook_repeat.columns": {
        "en": "the file repeats the cell here {value} times, which is no count (a repeat is a "
        "whole number of 1 or more): the file is damaged, or not written by a spreadsheet "
        "program. Open it in LibreOffice and save it again",
        "vi": "tệp lặp lại ô ở đây {value} lần, không phải một số đếm (số lần lặp là số "
        "nguyên từ 1 trở lên): tệp bị hỏng, hoặc không do chương trình bảng tính ghi ra. Hãy "
        "mở bằng LibreOffice rồi lưu lại",
    },
    "workbook_repeats": {
        "en": "the sheet repeats cells holding values more than {limit} times in all, from "
        "here: far beyond any real table (a damaged or hostile file). Delete the repeated "
        "rows or columns in LibreOffice and save the file again",
        "vi": "trang tính lặp lại các ô có giá trị hơn {limit} lần tính từ đây: vượt xa mọi "
        "bảng thật (tệp hỏng hoặc cố ý gây hại). Hãy xóa các dòng hoặc cột lặp lại trong "
        "LibreOffice rồi lưu lại tệp",
    },
    "workbook_spaces": {
        "en": "the cell's text repeats spaces more than {limit} times in all (text:s): far "
        "beyond any real text (a damaged or hostile file). Correct the cell in LibreOffice "
        "and save the file again",
        "vi": "văn bản trong ô lặp lại dấu cách hơn {limit} lần (text:s): vượt xa mọi văn bản "
        "thật (tệp hỏng hoặc cố ý gây hại). Hãy sửa ô trong LibreOffice rồi lưu lại tệp",
    },
    "workbook_merges": {
        "en": "the sheet holds more than {limit} merged ranges: far beyond any real table (a "
        "damaged or hostile file). Unmerge the cells in Excel or LibreOffice and save the "
        "file again",
        "vi": "trang tính có hơn {limit} vùng ô gộp: vượt xa mọi bảng thật (tệp hỏng hoặc cố ý "
        "gây hại). Hãy bỏ gộp ô trong Excel hoặc LibreOffice rồi lưu lại tệp",
    },
    "workbook_order": {
        "en": "the row comes after row {previous} in the file, and the sheet has merged cells: "
        "no spreadsheet program writes rows out of order (a damaged file). Open it in Excel "
        "or LibreOffice and save it again",
        "vi": "dòng này nằm sau dòng {previous} trong tệp, và trang tính có ô gộp: không chương "
        "trình bảng tính nào ghi các dòng sai thứ tự (tệp bị hỏng). Hãy mở bằng Excel hoặc "
        "LibreOffice rồi lưu lại",
    },
    "workbook_cell": {
        "en": "the cell's XML does not read ({why}): the file is damaged, or not written by a "
        "spreadsheet program. Open it in LibreOffice and save it again",
        "vi": "không đọc được XML của ô ({why}): tệp bị hỏng, hoặc không do chương trình bảng "
        "tính ghi ra. Hãy mở bằng LibreOffice rồi lưu lại",
    },
    "not_a_number.infinite": {
        "en": "the cell holds {value}, a number no spreadsheet holds (infinite, or not a "
        "number): the file is damaged, or not written by a spreadsheet program; correct the "
        "cell",
        "vi": "ô chứa {value}, một số không bảng tính nào chứa (vô hạn, hoặc không phải số): "
        "tệp bị hỏng, hoặc không do chương trình bảng tính ghi ra; hãy sửa ô này",
    },
    "workbook_encrypted.excel": {
        "en": "the workbook is protected by a password, so ktt cannot read it. Open it, remove "
        "the password (File > Info > Protect Workbook) and save it as .xlsx",
        "vi": "sổ tính được bảo vệ bằng mật khẩu nên ktt không đọc được. Hãy mở tệp, bỏ mật khẩu "
        "(File > Info > Protect Workbook) và lưu thành .xlsx",
    },
    "workbook_encrypted.ods": {
        "en": "the spreadsheet is protected by a password, so ktt cannot read it. Open it, remove "
        "the password and save it again",
        "vi": "bảng tính được bảo vệ bằng mật khẩu nên ktt không đọc được. Hãy mở tệp, bỏ mật "
        "khẩu và lưu lại",
    },
    "workbook_xls": {
        "en": "this is an Excel 97-2003 workbook (.xls), which ktt does not read exactly. Open it "
        "in Excel or LibreOffice and save it as .xlsx",
        "vi": "đây là sổ tính Excel 97-2003 (.xls), ktt không đọc chính xác được. Hãy mở bằng "
        "Excel hoặc LibreOffice và lưu thành .xlsx",
    },
    "workbook_too_large": {
        "en": "part {member} of the workbook unpacks far beyond any real sheet (a zip bomb, or a "
        "damaged file); ktt does not read it. Open the file in Excel or LibreOffice and save "
        "it again, or send the figures as .csv",
        "vi": "phần {member} của sổ tính giải nén ra lớn hơn hẳn mọi trang tính thật (một quả bom "
        "zip, hoặc tệp hỏng); ktt không đọc nó. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu "
        "lại, hoặc gửi số liệu dạng .csv",
    },
    "workbook_corrupt": {
        "en": "the workbook is damaged and cannot be read ({why}). Open it in Excel or "
        "LibreOffice; if it opens, save it again as .xlsx",
        "vi": "sổ tính bị hỏng, không đọc được ({why}). Hãy mở bằng Excel hoặc LibreOffice; nếu "
        "mở được, lưu lại thành .xlsx",
    },
    "hostile_xml": {
        "en": "the workbook declares XML entities (an 'entity expansion' attack, or a file not "
        "written by a spreadsheet program); ktt does not read it. Open it in Excel or "
        "LibreOffice and save it again",
        "vi": "sổ tính khai báo thực thể XML (một kiểu tấn công 'entity expansion', hoặc tệp "
        "không do chương trình bảng tính ghi ra); ktt không đọc nó. Hãy mở bằng Excel hoặc "
        "LibreOffice rồi lưu lại",
    },
    # ---- collecting the communes' returns (SPEC §11) ------------------------------------
    "regions_not_reported": {
        "en": "{missing} of {total} regions have not reported every indicator summed from "
        "the regions for {as_of:period} ({indicators}): ktt coverage lists them",
        "vi": "{missing}/{total} địa bàn chưa báo cáo đủ các chỉ tiêu cộng từ các địa bàn cho "
        "kỳ {as_of:period} ({indicators}): ktt coverage liệt kê các địa bàn đó",
    },
    "region_from_title": {
        "en": "the table has no region column and its title names {region}: every figure of "
        "the table is read as {region}'s",
        "vi": "bảng không có cột địa bàn và tiêu đề của nó ghi {region}: mọi số liệu của bảng "
        "được đọc là của {region}",
    },
    "region_from_sheet": {
        "en": "the table has no region column and its sheet is named after {region}: every "
        "figure of the sheet is read as {region}'s",
        "vi": "bảng không có cột địa bàn và trang tính mang tên {region}: mọi số liệu của trang "
        "được đọc là của {region}",
    },
    "unknown_region.title": {
        "en": "the title names {name}, which is not a region of {territory} in the targets "
        "file's 'regions' list{closest:suggest}",
        "vi": "tiêu đề ghi {name}, không phải địa bàn nào của {territory} trong danh sách "
        "'regions' của tệp mục tiêu{closest:suggest}",
    },
    "usage.no_match": {
        "en": "{pattern}: no file matches this pattern",
        "vi": "{pattern}: không có tệp nào khớp với mẫu này",
    },
    "usage.no_regions": {
        "en": "the programme {programme} lists no regions: add a 'regions' list (the communes "
        "and wards) to its targets file",
        "vi": "chương trình {programme} không liệt kê địa bàn nào: hãy thêm danh sách 'regions' "
        "(các xã, phường) vào tệp mục tiêu",
    },
    "usage.nothing_expected": {
        "en": "no indicator of {programme} is expected of its regions: give one "
        "'from_regions: sum', a 'by_region' share or an 'each_region' target",
        "vi": "chương trình {programme} không có chỉ tiêu nào giao cho các xã: hãy cho một chỉ "
        "tiêu 'from_regions: sum', một mục tiêu 'by_region' hoặc 'each_region'",
    },
    "usage.coverage_fail_on": {
        "en": "--fail-on {value}: ktt coverage fails only on incomplete",
        "vi": "--fail-on {value}: ktt coverage chỉ dừng với incomplete (chưa đủ)",
    },
    "usage.incomplete": {
        "en": "--fail-on incomplete: {missing} of {expected} expected figure(s) missing for "
        "{as_of}",
        "vi": "--fail-on incomplete: thiếu {missing}/{expected} số liệu phải báo cáo cho kỳ "
        "{as_of:period}",
    },
    "usage.wide_by_region": {
        "en": "--wide and --by region: a form per region is in the long layout, a row per "
        "indicator; leave out --wide",
        "vi": "--wide và --by region: biểu của mỗi xã theo dạng dọc, mỗi chỉ tiêu một dòng; "
        "hãy bỏ --wide",
    },
    "usage.period_by_region": {
        "en": "--period names the period of the forms of --by region; add --by region",
        "vi": "--period là kỳ của các biểu --by region; hãy thêm --by region",
    },
    "usage.template_folder": {
        "en": "--by region writes a workbook per region: give --output FOLDER (a folder, "
        "made if it does not exist; not a file)",
        "vi": "--by region ghi mỗi xã một sổ tính: hãy cho --output THƯ_MỤC (một thư mục, "
        "chưa có thì được tạo; không phải một tệp)",
    },
    "usage.forms_exist": {
        "en": "{file} already exists (and {more} other form(s) of this round): ktt never "
        "writes over a file there, which may be a commune's return; give a new folder, or "
        "remove the old forms first",
        "vi": "{file} đã có (cùng {more} biểu khác của đợt này): ktt không bao giờ ghi đè "
        "tệp ở đó, vì có thể là biểu xã đã gửi về; hãy cho một thư mục mới, hoặc xóa các "
        "biểu cũ trước",
    },
    # ---- a figure's cell ----------------------------------------------------------------
    "empty_value": {"en": "the value is empty", "vi": "giá trị bị để trống"},
    "scientific_notation": {
        "en": "{cell} is in scientific notation: Excel shows a number too wide for its column "
        "this way, and a CSV saved then keeps only the digits shown; widen the column (or "
        "format it as a number) and save again",
        "vi": "{cell} được viết dạng lũy thừa: Excel hiện như vậy một số quá rộng so với cột, "
        "và tệp CSV lưu lúc đó chỉ giữ những chữ số hiện ra; hãy nới rộng cột (hoặc định dạng "
        "ô là số) rồi lưu lại",
    },
    "not_a_number.text": {"en": "{cell} is not a number", "vi": "{cell} không phải là số"},
    "not_a_number.spaces": {
        "en": "{cell} has spaces that do not group thousands",
        "vi": "{cell} có khoảng trắng không phải để tách hàng nghìn",
    },
    "not_a_number.either": {
        "en": "{cell} is not a number in either style",
        "vi": "{cell} không phải là số theo cách viết nào",
    },
    "not_a_number.large": {
        "en": "{cell} is too large to be a figure",
        "vi": "{cell} quá lớn để là một số liệu",
    },
    "not_a_number.style": {
        "en": "{cell} is not a number in {style} style ({example})",
        "vi": "{cell} không phải là số theo kiểu {style:word} ({example})",
    },
    "not_a_number.bool": {
        "en": "the cell holds {value}, not a figure",
        "vi": "ô chứa {value}, không phải số liệu",
    },
    "not_a_number.date": {
        "en": "the cell holds a date, not a figure",
        "vi": "ô chứa một ngày tháng, không phải số liệu",
    },
    "not_a_number.cell": {"en": "{cell} is not a figure", "vi": "{cell} không phải số liệu"},
    "too_many_digits": {
        "en": "{cell} has more digits than a figure can hold exactly ({digits} significant "
        "digits always fit); check the cell, or round it",
        "vi": "{cell} có nhiều chữ số hơn mức một số liệu giữ được chính xác (luôn giữ được "
        "{digits} chữ số có nghĩa); hãy kiểm tra ô, hoặc làm tròn",
    },
    "not_whole": {
        "en": "{cell} has a decimal part in {style} style ({example}), but a count has none",
        "vi": "{cell} có phần thập phân theo kiểu {style:word} ({example}), nhưng số đếm thì "
        "không có",
    },
    "not_whole.thousands": {
        "en": "{cell} has a decimal part in {style} style ({example}), but a count has none; "
        "if the mark separates thousands, use --number-format {other}",
        "vi": "{cell} có phần thập phân theo kiểu {style:word} ({example}), nhưng số đếm thì "
        "không có; nếu dấu đó tách hàng nghìn, hãy dùng --number-format {other}",
    },
    "ambiguous_number": {
        "en": "{cell} reads as {comma} in Vietnamese style (1.234,5) and as {dot} in English "
        "style (1,234.5); say which with --number-format comma or --number-format dot",
        "vi": "{cell} đọc là {comma} theo kiểu Việt Nam (1.234,5) và là {dot} theo kiểu Anh "
        "(1,234.5); hãy chỉ rõ bằng --number-format comma hoặc --number-format dot",
    },
    "unexpected_percent.sign": {
        "en": "{cell} has a % sign, but this indicator is a {kind} figure",
        "vi": "{cell} có dấu %, nhưng chỉ tiêu này tính bằng {kind:word}",
    },
    "unexpected_percent.format": {
        "en": "the cell is formatted as a percentage ({percent}), but this indicator is a "
        "{kind} figure: format the cell as a number",
        "vi": "ô được định dạng phần trăm ({percent}), nhưng chỉ tiêu này tính bằng "
        "{kind:word}: hãy định dạng ô là số",
    },
    "no_figure": {
        "en": "{cell} says there is no figure",
        "vi": "{cell} cho biết không có số liệu",
    },
    "error_cell": {
        "en": "the cell holds the error {error}: correct its formula in Excel; a figure is never "
        "taken from an error",
        "vi": "ô chứa lỗi {error}: hãy sửa công thức trong Excel; không bao giờ lấy số liệu từ "
        "một ô lỗi",
    },
    "uncomputed_formula": {
        "en": "the formula {formula} has no computed value (the file was written by a program "
        "that does not calculate): open it in Excel or LibreOffice and save it",
        "vi": "công thức {formula} chưa có giá trị tính sẵn (tệp do một chương trình không tính "
        "toán ghi ra): hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại",
    },
    # ---- reading a targets file ---------------------------------------------------------
    "too_deep": {
        "en": "values nest more than {depth} deep",
        "vi": "các giá trị lồng nhau sâu quá {depth} cấp",
    },
    "too_large.aliases": {
        "en": "the document expands to more than {limit} values (aliases repeated without end?)",
        "vi": "văn bản mở rộng ra hơn {limit:num} giá trị (bí danh lặp lại không dứt?)",
    },
    "invalid_key": {
        "en": "a key must be plain text",
        "vi": "khóa phải là văn bản thường",
    },
    "duplicate_key": {
        "en": "the key '{key}' appears twice",
        "vi": "khóa '{key}' xuất hiện hai lần",
    },
    "invalid_value.yaml": {
        "en": "{problem}",
        "vi": "giá trị không đọc được ({problem})",
    },
    "invalid_value.digits": {
        "en": "a number of {length} characters is too large for any figure",
        "vi": "một số dài {length} ký tự là quá lớn cho mọi số liệu",
    },
    "yaml_tag.merge": {
        "en": "merge keys (<<) are not supported",
        "vi": "không hỗ trợ khóa gộp (<<)",
    },
    "yaml_tag": {
        "en": "the tag {tag} is not allowed: a targets file holds plain text, numbers and lists",
        "vi": "không cho phép thẻ {tag}: tệp mục tiêu chỉ chứa văn bản, số và danh sách",
    },
    "empty_file.yaml": {
        "en": "the file holds no YAML document",
        "vi": "tệp không chứa văn bản YAML nào",
    },
    "not_a_mapping": {
        "en": "a targets file is a mapping of keys to values",
        "vi": "tệp mục tiêu phải là một bảng ánh xạ khóa với giá trị",
    },
    "too_large": {
        "en": "a targets file is at most {limit} bytes",
        "vi": "tệp mục tiêu dài tối đa {limit:num} byte",
    },
}


#: Words a message takes from the program, as Vietnamese says them (`{role:word}`).
WORDS_VI = {
    "latest figure": "số liệu mới nhất",
    "baseline": "số gốc",
    "more than": "trên",
    "at least": "ít nhất",
    "less than": "dưới",
    "at most": "tối đa",
    "about": "khoảng",
    "the whole territory": "toàn tỉnh",
    "actuals": "số liệu",
    "targets or actuals": "mục tiêu hoặc số liệu",
    "indicator": "chỉ tiêu",
    "period": "kỳ",
    "value": "giá trị",
    "region": "địa bàn",
    "source": "nguồn",
    "note": "ghi chú",
    "count": "số lượng",
    "persons": "người",
    "percent": "phần trăm",
    "dot": "dấu chấm thập phân",
    "comma": "dấu phẩy thập phân",
}


class _Formatter(string.Formatter):
    """Writes each argument in the language of the message."""

    def __init__(self, lang: str, names: Mapping[str, str]) -> None:
        super().__init__()
        self.lang, self.names = lang, names

    def format_field(self, value: object, format_spec: str) -> str:
        text = str(value)
        if format_spec == "suggest":  # the closest name, asked about
            asked = "; có phải ý bạn là '{}'?" if self.lang == "vi" else "; did you mean '{}'?"
            return asked.format(text) if text else ""
        if self.lang == "en" or not format_spec:
            return text
        if format_spec == "num":
            return _number(text)
        if format_spec == "period":
            return _period(text)
        if format_spec == "indicator":
            return self.names.get(text, text)
        if format_spec == "word":
            return WORDS_VI.get(text, text)
        if format_spec == "place":
            return _place(text)
        raise ValueError(f"unknown format {format_spec!r}")


def _place(text: str) -> str:
    """`line 4 of FILE`, `cell B3` as Vietnamese says them."""
    line = re.fullmatch(r"line (\d+)(?: of (.+))?", text, re.DOTALL)
    if line:
        return f"dòng {line[1]}" + (f" của {line[2]}" if line[2] else "")
    return re.sub(r"^cell ", "ô ", text)


def _number(text: str) -> str:
    from ktt_cli.numbers import format_number

    try:
        value = float(text)
    except ValueError:
        return text
    decimals = 0 if value.is_integer() else len(text.partition(".")[2])
    return format_number(value, "vi", decimals)


def _period(text: str) -> str:
    from ktt_cli.periods import PeriodError, display, parse_period

    try:
        return display(parse_period(text), "vi")
    except PeriodError:
        return text


def fields(template: str) -> set[str]:
    """The arguments a template takes."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(
    code: str, args: Args, lang: str, default: str, names: Mapping[str, str] | None = None
) -> str:
    """The message of `code` in `lang`; `default` (the message as made) for a code the
    catalogue does not hold or a problem made without its arguments. A code said in more
    than one way keeps the key of its template (`empty_file.table`) as the argument
    `template`."""
    values = dict(args)
    templates = MESSAGES.get(values.pop("template", code))
    about = values.pop("about", None)  # the indicator a figure's problem is about
    if templates is None or lang not in templates:
        return default
    if fields(templates[lang]) - values.keys():
        return default
    formatter = _Formatter(lang, names or {})
    said = formatter.format(templates[lang], **values)
    return formatter.format("{about:indicator}: ", about=about) + said if about else said


def usage(key: str, /, **values: object) -> str:
    """A usage error (`ktt: error: …`) in the language of KTT_LANG, Vietnamese unless it
    names English: it may be said before a command has read its --lang."""
    message, args = said(key, values)
    return usage_of(key.partition(".")[0], args, message)


def usage_of(code: str, args: Args, default: str) -> str:
    """A problem made elsewhere (a period refused) said as a usage error, as `usage`."""
    lang = "en" if os.environ.get("KTT_LANG", "").strip().lower() == "en" else "vi"
    return render(code, args, lang, default)


def said(key: str, values: Mapping[str, object]) -> tuple[str, Args]:
    """The English message of the template `key` (a code, or `code.way` for a code said
    in more than one way) with `values`, and the arguments a problem keeps (text,
    JSON-safe) to say it again in another language."""
    code, _, way = key.partition(".")
    args = tuple((k, str(v)) for k, v in values.items()) + ((("template", key),) if way else ())
    return render(code, args, "en", code), args
