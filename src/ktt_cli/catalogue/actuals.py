"""What reading an actuals file finds: its header, its rows, its figures, its periods, the
names of its places."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
