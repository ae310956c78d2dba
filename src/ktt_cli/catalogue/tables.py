"""What reading a figure's cell finds, and an office's report table: its header bands and
the rows outside the programme."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
