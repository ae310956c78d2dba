"""The catalogue of messages a person reads, in both languages, looked up by a problem's code.

A problem keeps its code (never translated) and its arguments, already written as text;
the message is made from the template of the language asked for when it is shown. A
field's format names how the language writes it: `{value:num}` a plain number (`5300`,
`65.5`) that Vietnamese writes `5.300`, `65,5`; `{period:period}` a canonical period that
Vietnamese writes `6/2025`; `{indicator:indicator}` an indicator's id that a report names
by its name. English keeps the text as given, so its wording stays the messages' own.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import NamedTuple

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
    "no_regions": {
        "en": "{indicator:indicator}: the {year} target is for each region, but the targets "
        "file lists no regions and the data have no region rows",
        "vi": "{indicator:indicator}: mục tiêu năm {year} dành cho từng địa bàn, nhưng tệp mục "
        "tiêu không liệt kê địa bàn nào và số liệu không có dòng nào theo địa bàn",
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
    "unclear_column.unread": {
        "en": "the column headed {header} names a period, but ktt cannot tell what it holds: "
        "head it 'Thực hiện …', 'Ước thực hiện …' or 'Kế hoạch …' with its period (such as "
        "Thực hiện năm 2025 or Ước thực hiện 30/11/2026); a column that names a period is "
        "never left out in silence",
        "vi": "cột có tiêu đề {header} ghi một kỳ nhưng ktt không biết cột ghi gì: hãy ghi "
        "tiêu đề 'Thực hiện …', 'Ước thực hiện …' hoặc 'Kế hoạch …' kèm kỳ (như Thực hiện "
        "năm 2025 hay Ước thực hiện 30/11/2026); cột ghi kỳ không bao giờ bị bỏ qua lặng lẽ",
    },
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
    "unreadable": {
        "en": "the file cannot be read (system error {why})",
        "vi": "không đọc được tệp (lỗi hệ thống {why})",
    },
    "unreadable.denied": {
        "en": "the file cannot be read: permission denied",
        "vi": "không đọc được tệp: không có quyền đọc",
    },
    "unreadable.gone": {
        "en": "the file is gone: moved or deleted while ktt was reading",
        "vi": "tệp không còn nữa: đã bị chuyển đi hoặc xóa trong lúc ktt đọc",
    },
    "encoding.refused": {
        "en": "the encoding {encoding} cannot read this file",
        "vi": "bảng mã {encoding} không đọc được tệp này",
    },
    "hostile_xml.unguarded": {
        "en": "ktt reads workbooks only with defusedxml's guard against XML attacks; unset "
        "OPENPYXL_DEFUSEDXML",
        "vi": "ktt chỉ đọc sổ tính khi có lớp bảo vệ của defusedxml trước các kiểu tấn công XML; "
        "hãy bỏ biến OPENPYXL_DEFUSEDXML",
    },
    "unknown_region.listed": {
        "en": "{text} is not a region of {territory} in the targets file's 'regions' list"
        "{closest:suggest}",
        "vi": "{text} không phải địa bàn nào của {territory} trong danh sách 'regions' của tệp "
        "mục tiêu{closest:suggest}",
    },
    "regions_disagree": {
        "en": "{indicator:indicator}: the regions add up to {total:num} for {period:period}, the "
        "whole territory's figure is {value:num}",
        "vi": "{indicator:indicator}: các địa bàn cộng lại được {total:num} vào {period:period}, "
        "số của toàn tỉnh là {value:num}",
    },
    "regions_missing": {
        "en": "{indicator:indicator}: no sum of regions for {period:period}: no figure for "
        "{regions}",
        "vi": "{indicator:indicator}: không cộng được các địa bàn vào {period:period}: chưa có số "
        "liệu của {regions}",
    },
    "regions_missing.more": {
        "en": "{indicator:indicator}: no sum of regions for {period:period}: no figure for "
        "{regions} and {more} more",
        "vi": "{indicator:indicator}: không cộng được các địa bàn vào {period:period}: chưa có số "
        "liệu của {regions} và {more} địa bàn khác",
    },
    "more_problems": {
        "en": "{count} more are not listed",
        "vi": "còn {count} vấn đề nữa không được liệt kê",
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
    # ---- usage errors (ktt: error: …), in the language of the command line -------------
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
        "en": "--template {name}: ktt has no field {{{{ {placeholder} }}}}; the fields are: "
        "{fields}",
        "vi": "--template {name}: ktt không có trường {{{{ {placeholder} }}}}; các trường là: "
        "{fields}",
    },
    "usage.template_block": {
        "en": "--template {name}: {{{{ {placeholder} }}}} must stand alone in its paragraph",
        "vi": "--template {name}: {{{{ {placeholder} }}}} phải đứng riêng một đoạn",
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
        "en": "--fail-on: unknown status {unknown} (statuses, by code or in words of either "
        "language: {statuses})",
        "vi": "--fail-on: không có tình trạng {unknown} (các tình trạng, theo mã hoặc bằng chữ "
        "của một trong hai ngôn ngữ: {statuses})",
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
    # ---- the command line's own words (Click's errors said again, --fail-on) ----------
    "usage.no_such_option": {
        "en": "there is no option {name}{closest:suggest}",
        "vi": "không có tùy chọn {name}{closest:suggest}",
    },
    "usage.option_needs_value": {
        "en": "{name} needs a value after it",
        "vi": "{name} cần một giá trị đi sau",
    },
    "usage.option_takes_no_value": {
        "en": "{name} takes no value",
        "vi": "{name} không nhận giá trị nào",
    },
    "usage.missing": {"en": "{name} is missing", "vi": "thiếu {name}"},
    "usage.choose": {
        "en": "{name}: choose one of {choices}",
        "vi": "{name}: hãy chọn một trong {choices}",
    },
    "usage.whole_number": {
        "en": "{name}: write a whole number, such as 2030",
        "vi": "{name}: hãy viết một số nguyên, như 2030",
    },
    "usage.extra_arguments": {
        "en": "unexpected argument(s): {given}",
        "vi": "tham số thừa: {given}",
    },
    "usage.no_such_command": {
        "en": "there is no command {name}{closest:suggest}",
        "vi": "không có lệnh {name}{closest:suggest}",
    },
    "usage.see_help": {"en": "see {command}", "vi": "xem {command}"},
    "usage.missing_command": {
        "en": "name a command: report, validate, targets, template or schema",
        "vi": "hãy nêu một lệnh: report, validate, targets, template hoặc schema",
    },
    "usage.unknown_lang": {
        "en": "'{given}' is not a language ktt speaks; choose vi (Vietnamese) or en (English)",
        "vi": "'{given}' không phải ngôn ngữ ktt nói; chọn vi (tiếng Việt) hoặc en (tiếng Anh)",
    },
    "usage.no_region": {
        "en": "--region {name}: not a region of {territory}{closest:suggest}",
        "vi": "--region {name}: không phải địa bàn của {territory}{closest:suggest}",
    },
    "usage.ambiguous_region": {
        "en": "--region {name}: could be {names}; write it with its diacritics and unit word",
        "vi": "--region {name}: có thể là {names}; hãy ghi tên có dấu và chữ chỉ đơn vị",
    },
    "usage.no_region_in_data": {
        "en": "--region {name}: no region of that name in the data{closest:suggest}",
        "vi": "--region {name}: số liệu không có địa bàn nào tên như vậy{closest:suggest}",
    },
    "usage.worsened_without_compare": {
        "en": "--fail-on worsened needs --compare: without an earlier period no status can have "
        "worsened",
        "vi": "--fail-on worsened cần --compare: không có kỳ trước để so thì không tình trạng nào "
        "có thể xấu đi",
    },
    "fail_on.matched": {
        "en": "{name}, milestone {milestone}, {region}: {status} ({code}){figures}",
        "vi": "{name}, mốc {milestone}, {region:word}: {status} ({code}){figures}",
    },
    "fail_on.figures": {
        "en": "; actual {actual} ({period}) against a target of {target}, {achieved} achieved",
        "vi": "; thực hiện {actual} ({period:period}) so với mục tiêu {target}, đạt {achieved}",
    },
    "fail_on.figures.threshold": {
        "en": "; actual {actual} ({period}) against a threshold of {target}",
        "vi": "; thực hiện {actual} ({period:period}) so với ngưỡng {target}",
    },
    "fail_on.no_figure": {"en": "; no figure", "vi": "; chưa có số liệu"},
    "fail_on.worsened": {
        "en": "; worsened from {before} at {as_of}",
        "vi": "; xấu đi từ {before} vào {as_of:period}",
    },
    # ---- what the machine refused (ktt: error: …) ---------------------------------------
    "system.stdout_closed": {
        "en": "standard output is closed; the report was not written: give --output FILE, or "
        "do not close standard output (>&-)",
        "vi": "đầu ra chuẩn đã bị đóng; báo cáo chưa được ghi: hãy dùng --output TỆP, hoặc "
        "đừng đóng đầu ra chuẩn (>&-)",
    },
    "system.disk_full": {
        "en": "the disk is full; nothing was written",
        "vi": "đĩa đã đầy; không ghi được gì",
    },
    "system.denied": {"en": "permission denied", "vi": "không có quyền"},
    "system.error": {
        "en": "the system refused ({why})",
        "vi": "hệ thống từ chối ({why})",
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
        "vi": "đây là {what:word}, không phải CSV: trong Excel, chọn File > Save As > CSV "
        "UTF-8 (Comma delimited), hoặc đưa thẳng tệp .xlsx",
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
        "en": "the cell's XML does not read ({why:word}): the file is damaged, or not written by a "
        "spreadsheet program. Open it in LibreOffice and save it again",
        "vi": "không đọc được XML của ô ({why:word}): tệp bị hỏng, hoặc không do chương trình bảng "
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
        "en": "the workbook is damaged and cannot be read ({why:word}). Open it in Excel or "
        "LibreOffice; if it opens, save it again as .xlsx",
        "vi": "sổ tính bị hỏng, không đọc được ({why:word}). Hãy mở bằng Excel hoặc "
        "LibreOffice; nếu mở được, lưu lại thành .xlsx",
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
    "blank_region": {
        "en": "the region cell is blank under {region} ({above}): a blank region is the whole "
        "territory, and a region cell merged over its rows leaves the cells under it blank "
        "in a CSV; write the region on every row (or 'Toàn tỉnh' for the whole territory's "
        "figures), or read the workbook itself, whose merged cell ktt reads",
        "vi": "ô địa bàn để trống dưới {region} ({above}): địa bàn trống là toàn tỉnh, và ô "
        "địa bàn gộp qua nhiều dòng để trống các ô dưới nó khi lưu thành CSV; hãy ghi địa "
        "bàn ở từng dòng (hoặc 'Toàn tỉnh' cho số liệu toàn tỉnh), hoặc đọc chính tệp Excel, "
        "ktt đọc được ô gộp của nó",
    },
    "region_title.no_list": {
        "en": "the title or the sheet's name says the table is the return of {name}, but the "
        "targets file lists no regions, so its figures would be read as the whole "
        "territory's: add the 'regions' list to the targets file, or read the territory's "
        "own table",
        "vi": "tiêu đề hoặc tên trang tính cho biết bảng là của {name}, nhưng tệp mục tiêu "
        "không có danh sách địa bàn nên số liệu của nó sẽ bị đọc là của toàn tỉnh: hãy thêm "
        "danh sách 'regions' vào tệp mục tiêu, hoặc đọc bảng của toàn tỉnh",
    },
    "plan_column": {
        "en": "the column of {period} says neither 'Thực hiện' nor 'Ước thực hiện', and the "
        "title {title} ({cell}) says the table is a plan for it: the column holds the plan, "
        "not the actuals, and is not read; if it holds actuals, head it 'Thực hiện {period}' "
        "(or 'Ước thực hiện {period}' for estimates)",
        "vi": "cột {period} không ghi 'Thực hiện' hay 'Ước thực hiện', mà tiêu đề {title} "
        "({cell}) cho biết bảng là kế hoạch của kỳ ấy: cột ghi kế hoạch, không phải số thực "
        "hiện, nên không được đọc; nếu cột là số thực hiện, hãy ghi tiêu đề 'Thực hiện "
        "{period}' (hoặc 'Ước thực hiện {period}' cho số ước)",
    },
    "plan_rows": {
        "en": "{count} row(s) say in their kind column that they hold a plan or a comparison "
        "(such as 'Kế hoạch'): not figures, passed over, the first here",
        "vi": "{count} dòng ghi ở cột loại số liệu là kế hoạch hoặc so sánh (như 'Kế hoạch'): "
        "không phải số liệu, được bỏ qua, dòng đầu ở đây",
    },
    "unknown_kind": {
        "en": "the kind cell {text} says neither 'Thực hiện', 'Ước thực hiện' nor 'Kế hoạch': "
        "write one of them, so that the row's figures are read as what they are",
        "vi": "ô loại số liệu {text} không ghi 'Thực hiện', 'Ước thực hiện' hay 'Kế hoạch': "
        "hãy ghi một trong các từ ấy để số liệu của dòng được đọc đúng",
    },
    "region_group_row": {
        "en": "the row {region} groups the rows under it by region, but the table has no "
        "region column, so their figures would be read as the whole territory's: add a "
        "column 'Xã, phường' holding the region on each row (or a file per region)",
        "vi": "dòng {region} nhóm các dòng dưới nó theo địa bàn, nhưng bảng không có cột địa "
        "bàn nên số liệu của chúng sẽ bị đọc là của toàn tỉnh: hãy thêm cột 'Xã, phường' ghi "
        "địa bàn ở từng dòng (hoặc mỗi địa bàn một tệp)",
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
    # ---- a targets file's fields and the rules across them (SPEC §2) ------------------
    "percent_out_of_range": {
        "en": "a percentage lies between 0 and 100, got {value}",
        "vi": "một tỷ lệ phần trăm nằm trong khoảng 0 đến 100, nhưng ở đây là {value:num}",
    },
    "negative_count": {
        "en": "a {unit} figure cannot be negative, got {value}",
        "vi": "số liệu tính bằng {unit:word} không thể âm, nhưng ở đây là {value:num}",
    },
    "not_whole.figure": {
        "en": "a {unit} figure is a whole number, got {value}",
        "vi": "số liệu tính bằng {unit:word} là số nguyên, nhưng ở đây là {value:num}",
    },
    "not_a_number.finite": {
        "en": "{value} is not a figure (not a finite number)",
        "vi": "{value} không phải số liệu (không phải một số hữu hạn)",
    },
    "invalid_value.comparator": {
        "en": "write one of {codes}, or one of the Vietnamese words {words}",
        "vi": "hãy viết một trong {codes}, hoặc một trong các từ tiếng Việt {words}",
    },
    "invalid_value.yaml": {
        "en": "{value} cannot be read as {tag}",
        "vi": "không đọc được {value} theo kiểu {tag}",
    },
    "invalid_value.choice": {
        "en": "{name}: write one of {expected}",
        "vi": "{name}: hãy viết một trong {expected}",
    },
    "invalid_value.finite": {
        "en": "{name}: write a finite number (digits, with a point for decimals)",
        "vi": "{name}: hãy viết một số hữu hạn (chữ số, dấu chấm cho phần thập phân)",
    },
    "invalid_value.other": {
        "en": "{name}: this value is not valid here",
        "vi": "{name}: giá trị này không hợp lệ ở đây",
    },
    "invalid_value.programme_id": {
        "en": "a programme id is lowercase letters a to z, digits and hyphens, such as "
        "yen-bai-nq20 (no capitals, spaces or diacritics){closest:suggest}",
        "vi": "mã chương trình gồm chữ thường từ a đến z, chữ số và gạch nối, như yen-bai-nq20 "
        "(không viết hoa, không dấu cách, không dấu){closest:suggest}",
    },
    "invalid_value.indicator_id": {
        "en": "an indicator id is lowercase letters a to z, digits and underscores, such as "
        "htx_count (no capitals, spaces or diacritics){closest:suggest}",
        "vi": "mã chỉ tiêu gồm chữ thường từ a đến z, chữ số và gạch dưới, như htx_count (không "
        "viết hoa, không dấu cách, không dấu){closest:suggest}",
    },
    "invalid_period.not_text": {
        "en": "a period is text such as 2022 or 2022-06",
        "vi": "kỳ là chữ, như 2022 hoặc 2022-06",
    },
    "missing_key": {"en": "'{name}' is required: add it", "vi": "thiếu '{name}': hãy thêm vào"},
    "unknown_key": {
        "en": "unknown key '{key}'{closest:suggest}",
        "vi": "khóa '{key}' không có trong tệp mục tiêu{closest:suggest}",
    },
    "unknown_key.misplaced": {
        "en": "the key '{key}' does not belong here: check its indentation and its place",
        "vi": "khóa '{key}' không thuộc về chỗ này: hãy kiểm tra thụt lề và vị trí của nó",
    },
    "invalid_key.flow": {
        "en": "'{key}' stands where a key should be; inside {{ }} a comma separates entries, so "
        "write numbers without separators (1200, not 1,200)",
        "vi": "'{key}' đứng ở chỗ của một khóa; trong {{ }} dấu phẩy ngăn cách các mục, nên hãy "
        "viết số không có dấu phân cách (1200, không phải 1,200)",
    },
    "empty": {"en": "{name}: must not be empty", "vi": "{name}: không được để trống"},
    "too_long": {
        "en": "{name}: at most {limit} characters",
        "vi": "{name}: dài tối đa {limit} ký tự",
    },
    "out_of_range.year": {
        "en": "a year is written in four digits, from {first} to {last}, such as 2030",
        "vi": "năm được viết bằng bốn chữ số, từ {first} đến {last}, như 2030",
    },
    "out_of_range.at_least": {
        "en": "{name}: must be at least {limit}",
        "vi": "{name}: phải ít nhất là {limit:num}",
    },
    "out_of_range.over": {
        "en": "{name}: must be more than {limit}",
        "vi": "{name}: phải lớn hơn {limit:num}",
    },
    "out_of_range.at_most": {
        "en": "{name}: must be at most {limit}",
        "vi": "{name}: phải tối đa là {limit:num}",
    },
    "out_of_range.under": {
        "en": "{name}: must be less than {limit}",
        "vi": "{name}: phải nhỏ hơn {limit:num}",
    },
    "out_of_range.tolerance_percent": {
        "en": "a tolerance is a fraction: write {fraction} for {percent}%",
        "vi": "dung sai là một phân số: hãy viết {fraction} cho {percent}%",
    },
    "out_of_range.tolerance": {
        "en": "a tolerance is a fraction between 0 and 1: write 0.05 for 5%",
        "vi": "dung sai là một phân số từ 0 đến 1: hãy viết 0.05 cho 5%",
    },
    "invalid_type.quoted": {
        "en": "{name}: write a number here; a number is written without quotes: {number}",
        "vi": "{name}: ở đây cần một số; số được viết không có dấu ngoặc: {number}",
    },
    "invalid_type.float": {
        "en": "{name}: write a number (digits, with a point for decimals) here",
        "vi": "{name}: ở đây cần một số (chữ số, dấu chấm cho phần thập phân)",
    },
    "invalid_type.int": {
        "en": "{name}: write a whole number here",
        "vi": "{name}: ở đây cần một số nguyên",
    },
    "invalid_type.bool": {
        "en": "{name}: write true or false here",
        "vi": "{name}: ở đây cần true hoặc false",
    },
    "invalid_type.string": {"en": "{name}: write text here", "vi": "{name}: ở đây cần chữ"},
    "invalid_type.model": {
        "en": "{name}: write keys with values here, one 'key: value' a line, indented under "
        "this key",
        "vi": "{name}: ở đây cần các khóa với giá trị, mỗi dòng một 'khóa: giá trị', thụt vào "
        "dưới khóa này",
    },
    "invalid_type.list": {
        "en": "{name}: write a list here, one item a line starting with '- '",
        "vi": "{name}: ở đây cần một danh sách, mỗi mục một dòng bắt đầu bằng '- '",
    },
    "duplicate_region": {
        "en": "'{given}' names region {index} already; each id, name and alias must name one "
        "region only",
        "vi": "'{given}' đã là tên của địa bàn thứ {index}; mỗi mã, tên và tên khác chỉ được "
        "chỉ một địa bàn",
    },
    "duplicate_region.alike": {
        "en": "'{given}' names region {index} already as '{other}' (the same once written "
        "alike); each id, name and alias must name one region only",
        "vi": "'{given}' đã là tên của địa bàn thứ {index}, viết là '{other}' (giống nhau khi "
        "bỏ dấu và chữ hoa); mỗi mã, tên và tên khác chỉ được chỉ một địa bàn",
    },
    "by_region_each_region": {
        "en": "an 'each_region' target has one value for every region; leave 'by_region' out",
        "vi": "mục tiêu 'each_region' có một giá trị chung cho mọi địa bàn; hãy bỏ 'by_region'",
    },
    "unknown_region.no_list": {
        "en": "by_region names '{name}', but the file lists no regions: add a 'regions' list",
        "vi": "by_region nêu '{name}', nhưng tệp không liệt kê địa bàn nào: hãy thêm danh sách "
        "'regions'",
    },
    "unknown_region.share": {
        "en": "by_region names '{name}', but it is not a region of the 'regions' list"
        "{closest:suggest}",
        "vi": "by_region nêu '{name}', nhưng đó không phải địa bàn trong danh sách 'regions'"
        "{closest:suggest}",
    },
    "by_region_total": {
        "en": "the regions' shares add up to {total}, the territory's target is {value}",
        "vi": "phần giao cho các địa bàn cộng lại được {total:num}, mục tiêu của toàn tỉnh là "
        "{value:num}",
    },
    "missing_share_of": {
        "en": "a percent indicator says in 'share_of' what 100% is",
        "vi": "chỉ tiêu phần trăm phải nói trong 'share_of' 100% là gì",
    },
    "from_regions_percent": {
        "en": "percentages do not add up: 'from_regions: sum' is for count and persons "
        "indicators only; leave it out",
        "vi": "tỷ lệ phần trăm không cộng được: 'from_regions: sum' chỉ dành cho chỉ tiêu số "
        "lượng và số người; hãy bỏ đi",
    },
    "share_of_not_percent": {
        "en": "'share_of' belongs only to a percent indicator",
        "vi": "'share_of' chỉ dành cho chỉ tiêu phần trăm",
    },
    "duplicate_year": {
        "en": "'{id}' has two targets for {year}",
        "vi": "'{id}' có hai mục tiêu cho năm {year}",
    },
    "duplicate_year.each_region": {
        "en": "'{id}' has two targets for each region for {year}",
        "vi": "'{id}' có hai mục tiêu cho mỗi địa bàn cho năm {year}",
    },
    "milestone_before_baseline": {
        "en": "the milestone {year} comes before the baseline period {period}",
        "vi": "mốc {year} đứng trước kỳ gốc {period:period}",
    },
    "all_value": {
        "en": "an 'all' target means 100%; leave 'value' out",
        "vi": "mục tiêu 'all' nghĩa là 100%; hãy bỏ 'value'",
    },
    "all_not_percent": {
        "en": "an 'all' target applies only to a percent indicator",
        "vi": "mục tiêu 'all' chỉ dành cho chỉ tiêu phần trăm",
    },
    "missing_value": {
        "en": "'value' is required unless the comparator is 'all'",
        "vi": "cần có 'value', trừ khi phép so sánh là 'all'",
    },
    "tolerance_without_about": {
        "en": "'tolerance' belongs only to an 'about' target",
        "vi": "'tolerance' chỉ dành cho mục tiêu 'about'",
    },
    "percent_fraction.target": {
        "en": "{value} means {value}%; 70% is written 70",
        "vi": "{value} nghĩa là {value}%; 70% được viết là 70",
    },
    "target_behind_baseline.up": {
        "en": "the target {value} lies below the baseline {baseline}, though '{comparator}' asks "
        "to go up from it",
        "vi": "mục tiêu {value:num} thấp hơn số gốc {baseline:num}, dù '{comparator}' đòi đi lên "
        "từ số gốc",
    },
    "target_behind_baseline.down": {
        "en": "the target {value} lies above the baseline {baseline}, though '{comparator}' asks "
        "to go down from it",
        "vi": "mục tiêu {value:num} cao hơn số gốc {baseline:num}, dù '{comparator}' đòi đi "
        "xuống từ số gốc",
    },
    "text_mismatch": {
        "en": "the value {value} is none of the figures of the text '{text}' (read as {read}); "
        "write the figure the text gives, or, where the value is a reading of the text, say "
        "how in 'note' and set 'value_from_text: false'",
        "vi": "giá trị {value} không phải số nào trong câu chữ '{text}' (đọc được {read}); hãy "
        "viết số mà câu chữ nêu, hoặc, nếu giá trị là cách hiểu câu chữ, hãy giải thích trong "
        "'note' và đặt 'value_from_text: false'",
    },
    "duplicate_id": {
        "en": "the indicator id '{given}' is used already by indicator {index}",
        "vi": "mã chỉ tiêu '{given}' đã được chỉ tiêu thứ {index} dùng",
    },
    "duplicate_id.alike": {
        "en": "the indicator id '{given}' is used already by indicator {index} ('{other}', the "
        "same id once written alike)",
        "vi": "mã chỉ tiêu '{given}' đã được chỉ tiêu thứ {index} dùng ('{other}', cùng một mã "
        "khi bỏ dấu và chữ hoa)",
    },
    # ---- a targets file's YAML and its numbers' text ------------------------------------
    "yaml_syntax": {
        "en": "the YAML cannot be read here: check the quotes, brackets and indentation of this "
        "line and of the one before",
        "vi": "không đọc được YAML ở đây: hãy kiểm tra dấu ngoặc kép, dấu ngoặc và thụt lề của "
        "dòng này và dòng trước",
    },
    "yaml_syntax.list": {
        "en": "the items of a list each start with '- ', all in the same column: check the "
        "indentation of this line against the items above it",
        "vi": "các mục của một danh sách đều bắt đầu bằng '- ', cùng một cột: hãy so thụt lề "
        "của dòng này với các mục phía trên",
    },
    "yaml_syntax.key": {
        "en": "the keys of one mapping start in the same column: check the indentation of this "
        "line against the keys above it",
        "vi": "các khóa cùng cấp bắt đầu ở cùng một cột: hãy so thụt lề của dòng này với các "
        "khóa phía trên",
    },
    "yaml_syntax.colon": {
        "en": "': ' inside a value starts a key: put the value in quotes, or check the indentation",
        "vi": "': ' nằm trong một giá trị sẽ mở đầu một khóa: hãy đặt giá trị trong ngoặc kép, "
        "hoặc kiểm tra thụt lề",
    },
    "yaml_syntax.tab": {
        "en": "YAML indents with spaces, never with tabs",
        "vi": "YAML thụt lề bằng dấu cách, không bao giờ bằng tab",
    },
    "yaml_syntax.simple_key": {
        "en": "a key is not followed by ': ' (a colon and a space): check this line",
        "vi": "sau khóa không có ': ' (dấu hai chấm và một dấu cách): hãy kiểm tra dòng này",
    },
    "yaml_syntax.quote": {
        "en": "a quote opened here is never closed",
        "vi": "dấu ngoặc kép mở ở đây không bao giờ được đóng",
    },
    "yaml_syntax.bracket": {
        "en": "a list in [ ] is not closed, or its items are not separated by commas",
        "vi": "danh sách trong [ ] chưa được đóng, hoặc các mục không cách nhau bằng dấu phẩy",
    },
    "yaml_syntax.brace": {
        "en": "a mapping in {{ }} is not closed, or its entries are not separated by commas",
        "vi": "bảng trong {{ }} chưa được đóng, hoặc các mục không cách nhau bằng dấu phẩy",
    },
    "yaml_syntax.nbsp": {
        "en": "line {line} holds a no-break space (as Word and web pages write one after a "
        "colon), where YAML needs a plain space: type the space again",
        "vi": "dòng {line} có một dấu cách không ngắt (Word và trang web hay đặt sau dấu hai "
        "chấm), chỗ YAML cần một dấu cách thường: hãy gõ lại dấu cách",
    },
    "yaml_syntax.character": {
        "en": "the character {code} is not allowed in YAML",
        "vi": "YAML không cho phép ký tự {code}",
    },
    "encoding.targets": {
        "en": "byte {byte} at offset {offset} is not valid UTF-8: save the file as UTF-8",
        "vi": "byte {byte} ở vị trí {offset} không hợp lệ trong UTF-8: hãy lưu tệp dạng UTF-8",
    },
    "encoding.targets_utf16": {
        "en": "the file is saved as UTF-16 (Word's and Notepad's 'Unicode'), but a targets file "
        "is UTF-8: save it again with the encoding UTF-8",
        "vi": "tệp được lưu dạng UTF-16 ('Unicode' của Word và Notepad), nhưng tệp mục tiêu phải "
        "là UTF-8: hãy lưu lại với bảng mã UTF-8",
    },
    "base_60": {
        "en": "'{text}' has a colon, which YAML reads as a number in base 60 ({read}); write the "
        "figure with digits only, or a period in quotes",
        "vi": "'{text}' có dấu hai chấm, YAML đọc thành số hệ 60 ({read:word}); hãy viết số chỉ "
        "bằng chữ số, hoặc đặt kỳ trong ngoặc kép",
    },
    "leading_zero": {
        "en": "'{text}' has a leading zero, which YAML reads as a number in base 8; write {fixed}",
        "vi": "'{text}' có số 0 ở đầu, YAML đọc thành số hệ 8; hãy viết {fixed}",
    },
    "leading_zero.octal": {
        "en": "'{text}' has a leading zero, which YAML reads as a number in base 8 ({read}); "
        "write {fixed}",
        "vi": "'{text}' có số 0 ở đầu, YAML đọc thành số hệ 8 ({read:word}); hãy viết {fixed}",
    },
    "leading_zero.year": {
        "en": "'{text}' has a leading zero, which YAML reads as a number in base 8; write the "
        "year in four digits, such as 2030",
        "vi": "'{text}' có số 0 ở đầu, YAML đọc thành số hệ 8; hãy viết năm bằng bốn chữ số, "
        "như 2030",
    },
    "leading_zero.year_octal": {
        "en": "'{text}' has a leading zero, which YAML reads as a number in base 8 ({read}); "
        "write the year in four digits, such as 2030",
        "vi": "'{text}' có số 0 ở đầu, YAML đọc thành số hệ 8 ({read:word}); hãy viết năm bằng "
        "bốn chữ số, như 2030",
    },
    "thousands_separator": {
        "en": "'{text}' groups thousands, which a targets file does not (YAML would read it as "
        "{read}): write it without separators: {digits}",
        "vi": "'{text}' có dấu tách hàng nghìn, điều tệp mục tiêu không dùng (YAML sẽ đọc thành "
        "{read:word}): hãy viết không có dấu tách: {digits}",
    },
    "decimal_comma": {
        "en": "'{text}': write the decimal with a point: {fixed}",
        "vi": "'{text}': hãy viết phần thập phân bằng dấu chấm: {fixed}",
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
    "text": "chữ",
    "not a number": "không phải số",
    "comma": "dấu phẩy thập phân",
    # ---- what a file is when it is no text, and why a workbook cannot be read -----------
    "a PDF document": "một tài liệu PDF",
    "a gzip-compressed file": "một tệp nén gzip",
    "it is not a zip archive": "nó không phải tệp nén zip",
    "a compressed part of it is damaged": "một phần nén bên trong bị hỏng",
    "a part of it is larger than the file": "một phần bên trong lớn hơn cả tệp",
    "it has no workbook part": "nó không có phần sổ tính",
    "it has no content.xml": "nó không có content.xml",
    "its content cannot be parsed": "nội dung của nó không phân tích được",
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
        if format_spec == "indicator":
            return self.names.get(text, text)
        if self.lang == "en" or not format_spec:
            return text
        if format_spec == "num":
            return _number(text)
        if format_spec == "period":
            return _period(text)
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


class Message(NamedTuple):
    """A message as a value: the catalogue's key (its code, or `code.way`) and the
    arguments it is said with (text, JSON-safe), said in a language only when shown."""

    key: str
    args: Args

    @property
    def code(self) -> str:
        return self.key.partition(".")[0]

    def text(self, lang: str, names: Mapping[str, str] | None = None) -> str:
        return render(self.code, self.args, lang, names)

    def on(self, field: str) -> Message:
        """The message about a field or an option, named before it as typed (`--compare:
        …`, `comparator: …`)."""
        return self._replace(args=(*self.args, ("field", field)))


def message(key: str, /, **values: object) -> Message:
    """The message of the catalogue's template `key` with `values`; an unknown key or a
    missing argument fails loudly here, where the message is made."""
    return Message(key, said(key, values)[1])


def again(code: str, args: Args) -> Message:
    """The message a problem or an error keeps as its code and arguments, made again."""
    return Message(dict(args).get("template", code), args)


def render(code: str, args: Args, lang: str, names: Mapping[str, str] | None = None) -> str:
    """The message of `code` in `lang`, indicators (`{x:indicator}`, given by id) named by
    `names` (id -> name) in either language. A code said in more than one way keeps the
    key of its template (`empty_file.table`) as the argument `template`. A code the
    catalogue does not hold, or arguments that do not fill its template, fail loudly."""
    values = dict(args)
    key = values.pop("template", code)
    templates = MESSAGES.get(key)
    if templates is None:
        raise KeyError(f"no message {key!r} in the catalogue (messages.MESSAGES)")
    about = values.pop("about", None)  # the indicator a figure's problem is about
    field = values.pop("field", None)  # the field or option it is about, as typed
    if missing := fields(templates[lang]) - values.keys():
        raise KeyError(f"the message {key!r} needs {sorted(missing)}")
    formatter = _Formatter(lang, names or {})
    said = formatter.format(templates[lang], **values)
    if about:
        said = formatter.format("{about:indicator}: ", about=about) + said
    return f"{field}: {said}" if field else said


def usage(key: str, /, **values: object) -> Message:
    """A usage error (`ktt: error: …`), said in the user's language by the command line."""
    return message(key, **values)


def said(key: str, values: Mapping[str, object]) -> tuple[str, Args]:
    """The English message of the template `key` (a code, or `code.way` for a code said
    in more than one way) with `values`, and the arguments a problem keeps (text,
    JSON-safe) to say it again in another language."""
    code, _, way = key.partition(".")
    if key not in MESSAGES:
        raise KeyError(f"no message {key!r} in the catalogue (messages.MESSAGES)")
    args = tuple((k, str(v)) for k, v in values.items()) + ((("template", key),) if way else ())
    return render(code, args, "en"), args


def _check(catalogue: Mapping[str, Mapping[str, str]]) -> None:
    """Every message in both languages with the same arguments, checked at import."""
    for key, templates in catalogue.items():
        if set(templates) != {"vi", "en"}:
            raise ValueError(f"message {key!r}: languages {sorted(templates)}, not en and vi")
        if fields(templates["vi"]) != fields(templates["en"]):
            raise ValueError(f"message {key!r}: the two languages take different arguments")


_check(MESSAGES)
