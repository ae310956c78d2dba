"""The help of the commands and options in both languages, by key: the texts cli/helps.py
says in the language of the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


HELP: dict[str, dict[str, str]] = {
    "app": {
        "vi": "Tỉnh đang ở đâu so với chương trình hành động thực hiện Nghị quyết 20-NQ/TW về "
        "kinh tế tập thể. Ngôn ngữ: --lang vi|en, hoặc KTT_LANG=en cho phần trợ giúp bằng "
        "tiếng Anh.",
        "en": "Where a province stands against its action programme for Resolution 20-NQ/TW "
        "on the collective economy (kinh tế tập thể). Language: --lang vi|en, or KTT_LANG=vi "
        "for this help in Vietnamese.",
    },
    "version": {"vi": "In phiên bản.", "en": "Show the version."},
    "help": {"vi": "In trợ giúp này rồi thoát.", "en": "Show this message and exit."},
    # ---- the help's own words (Click's, said in the language of the line) -------------
    "usage": {"vi": "Cách dùng: ", "en": "Usage: "},
    "options_metavar": {"vi": "[TÙY_CHỌN]", "en": "[OPTIONS]"},
    "command_metavar": {"vi": "LỆNH [THAM_SỐ]...", "en": "COMMAND [ARGS]..."},
    "arguments": {"vi": "Tham số", "en": "Arguments"},
    "options": {"vi": "Tùy chọn", "en": "Options"},
    "commands": {"vi": "Lệnh", "en": "Commands"},
    "default": {"vi": "mặc định", "en": "default"},
    "env_var": {"vi": "biến môi trường", "en": "env var"},
    "targets": {
        "vi": "Tệp mục tiêu, hoặc mã của một chương trình có sẵn (ktt targets --list). Mặc "
        "định: chương trình có sẵn của Yên Bái.",
        "en": "Targets file, or the id of a bundled programme (ktt targets --list). "
        "Default: the bundled Yên Bái programme.",
    },
    "lang": {
        "vi": "Ngôn ngữ của kết quả và thông báo: vi (tiếng Việt) hoặc en (tiếng Anh).",
        "en": "Language of the output and the messages: vi (Vietnamese) or en (English).",
    },
    "number_format": {
        "vi": "Cách viết số trong tệp số liệu: dot = 1,234.5; comma = 1.234,5; auto tự nhận "
        "theo từng tệp và không bao giờ đoán.",
        "en": "How numbers in the actuals are written: dot = 1,234.5; comma = 1.234,5; auto "
        "decides per file and never guesses.",
    },
    "encoding": {
        "vi": "Bảng mã của tệp văn bản không có BOM (mặc định UTF-8), ví dụ cp1258.",
        "en": "Encoding of text files without a BOM (default UTF-8), e.g. cp1258.",
    },
    "sheet": {
        "vi": "Trang tính cần đọc, theo tên hoặc số thứ tự từ 1 (mặc định: mọi trang tính "
        "hiện có dòng tiêu đề đọc được; trang ẩn chỉ đọc khi được chỉ rõ).",
        "en": "The sheet of a workbook to read, by name or 1-based position (default: every "
        "visible sheet whose header reads; a hidden one only when named).",
    },
    "output": {
        "vi": "Ghi vào tệp này (trọn vẹn hoặc không ghi gì) thay vì ra màn hình.",
        "en": "Write to this file (atomically) instead of standard output.",
    },
    "format": {"vi": "Định dạng kết quả.", "en": "Output format."},
    "docx_template": {
        "vi": "Mẫu Word của cơ quan (tiêu đề, kiểu chữ) cho --format docx, có các trường của "
        "ktt như {{ issuer }}, {{ summary }}.",
        "en": "The office's own Word template (letterhead, styles) for --format docx, holding "
        "ktt's fields such as {{ issuer }}, {{ summary }}.",
    },
    # ---- report -------------------------------------------------------------------------
    "report": {
        "vi": "Khoảng cách tới mục tiêu, tỷ lệ đạt và tình trạng của từng chỉ tiêu ở từng mốc.",
        "en": "Gap to target, percent achieved and status of each indicator at each milestone.",
    },
    "report.short": {
        "vi": "Tiến độ so với mục tiêu của chương trình.",
        "en": "Progress against the programme's targets.",
    },
    "report.example": {
        "vi": "ktt report so-lieu.csv\n"
        "ktt report so-lieu.xlsx --as-of 6/2025 --format json --output bao-cao.json",
        "en": "ktt report actuals.csv --lang en\n"
        "ktt report actuals.xlsx --as-of 2025-06 --format json --output report.json",
    },
    "report.exit1": {
        "vi": "--fail-on gặp một tình trạng đã nêu (báo cáo vẫn được ghi)",
        "en": "--fail-on matched a status (the report is still written)",
    },
    "actuals": {
        "vi": "Tệp số liệu thực hiện (CSV, TSV, Excel), đọc thành một bộ số liệu; - đọc từ "
        "đầu vào chuẩn.",
        "en": "Actuals files (CSV, TSV, Excel), read as one data set; - reads standard input.",
    },
    "as_of": {
        "vi": "Dùng số liệu đến kỳ này (mặc định: kỳ mới nhất).",
        "en": "Use figures up to this period (default: the latest).",
    },
    "milestone": {
        "vi": "Chỉ mốc năm này (lặp lại được).",
        "en": "Only this milestone year (repeatable).",
    },
    "indicator": {
        "vi": "Chỉ chỉ tiêu có mã này (lặp lại được).",
        "en": "Only this indicator id (repeatable).",
    },
    "compare": {
        "vi": "Đặt báo cáo cạnh chính báo cáo ấy ở một kỳ trước; previous: tháng, quý, nửa "
        "năm hoặc năm liền trước --as-of.",
        "en": "Set the report beside the same report at an earlier period; previous: the "
        "month, quarter, half or year before --as-of.",
    },
    "by": {
        "vi": "Thêm một dòng cho mỗi địa bàn (xã, phường) ở từng chỉ tiêu và mốc, sau số toàn "
        "tỉnh.",
        "en": "Add a row per region for each indicator and milestone, after the totals.",
    },
    "region": {
        "vi": "Cùng --by region: chỉ địa bàn này, theo tên hoặc mã (lặp lại được).",
        "en": "With --by region: only this region, by name or code (repeatable).",
    },
    "fail_on": {
        "vi": "Thoát với mã 1 khi một kết quả có một trong các tình trạng này (cách nhau bằng "
        "dấu phẩy hoặc lặp lại), theo mã hoặc theo chữ của một trong hai ngôn ngữ, ví dụ "
        'missed,deterioration hoặc "không đạt,đi xuống"; worsened (cùng --compare): tình '
        "trạng xấu đi. Các tình trạng: {statuses}.",
        "en": "Exit 1 when a result has one of these statuses (comma-separated or repeated), "
        'by code or by word in either language, e.g. missed,deterioration or "limited '
        'progress"; worsened (with --compare): a status that got worse. The statuses: '
        "{statuses}.",
    },
    # ---- validate -----------------------------------------------------------------------
    "validate": {
        "vi": "Kiểm tra tệp mục tiêu và tệp số liệu; nêu từng vấn đề cùng dòng của nó.",
        "en": "Check targets and actuals files; report every problem with its line.",
    },
    "validate.short": {
        "vi": "Kiểm tra tệp mục tiêu và tệp số liệu.",
        "en": "Check targets and actuals files.",
    },
    "validate.example": {
        "vi": "ktt validate muc-tieu.yaml so-lieu.csv",
        "en": "ktt validate targets.yaml actuals.csv --lang en",
    },
    "validate.exit1": {"vi": "có vấn đề trong tệp", "en": "a file has problems"},
    "files": {
        "vi": "Tệp mục tiêu (.yaml) và tệp số liệu (.csv, .xlsx) theo thứ tự bất kỳ; - đọc "
        "từ đầu vào chuẩn. Mặc định: tệp mục tiêu.",
        "en": "Targets (.yaml) and actuals (.csv, .xlsx) files in any mix; - reads standard "
        "input. Default: the targets file.",
    },
    # ---- targets ------------------------------------------------------------------------
    "targets_command": {
        "vi": "Toàn cảnh chương trình: mọi chỉ tiêu, mốc và mục tiêu.",
        "en": "The programme at a glance: every indicator, milestone and target.",
    },
    "targets_command.short": {
        "vi": "Toàn cảnh chương trình.",
        "en": "The programme at a glance.",
    },
    "targets_command.example": {
        "vi": "ktt targets --targets nq20-national\nktt targets --list",
        "en": "ktt targets --targets nq20-national --lang en\nktt targets --list",
    },
    "list": {"vi": "Liệt kê các chương trình có sẵn.", "en": "List the bundled programmes."},
    # ---- template -----------------------------------------------------------------------
    "template": {
        "vi": "Một tệp số liệu trống của chương trình, sẵn sàng để điền.",
        "en": "An empty actuals file for the programme, ready to fill in.",
    },
    "template.short": {
        "vi": "Tệp số liệu trống để điền.",
        "en": "An empty actuals file to fill in.",
    },
    "template.example": {
        "vi": "ktt template --output so-lieu.csv\n"
        "ktt template --format xlsx --output so-lieu.xlsx\n"
        "ktt template --by region --output bieu-thang-11/ --period 11/2026",
        "en": "ktt template --lang en --output actuals.csv\n"
        "ktt template --format xlsx --output actuals.xlsx\n"
        "ktt template --by region --output forms-2026-11/ --period 2026-11",
    },
    "wide": {
        "vi": "Mỗi chỉ tiêu một cột thay vì mỗi chỉ tiêu một dòng.",
        "en": "One column per indicator instead of one row each.",
    },
    "template_format": {
        "vi": "csv: tệp điền bằng trình soạn thảo bất kỳ; xlsx: sổ tính có danh sách chọn chỉ "
        "tiêu và trang thứ hai theo mẫu biểu báo cáo.",
        "en": "csv: a file to fill in any editor; xlsx: a workbook with a drop-down of the "
        "indicators and a second sheet in the report-table layout.",
    },
    # ---- coverage -----------------------------------------------------------------------
    "coverage": {
        "vi": "Xã, phường nào đã báo cáo: mỗi xã trong danh sách với từng chỉ tiêu giao cho "
        "xã ở một kỳ (đã báo cáo, chỉ có kỳ trước, chưa bao giờ), tỷ lệ báo cáo theo chỉ "
        "tiêu và chung, và tên các xã chưa gửi gì.",
        "en": "Who has reported: each listed region against each indicator expected of it "
        "for a period (reported, late, never), the reporting rate per indicator and in all, "
        "and the regions that sent nothing, by name.",
    },
    "coverage.short": {
        "vi": "Xã, phường nào chưa báo cáo.",
        "en": "Which regions have not reported.",
    },
    "coverage.example": {
        "vi": "ktt coverage bao-cao-xa/*.xlsx --as-of 11/2026\n"
        "ktt coverage bao-cao-xa/*.xlsx --format xlsx --output tinh-hinh-bao-cao.xlsx",
        "en": "ktt coverage returns/*.xlsx --as-of 2026-11 --lang en\n"
        "ktt coverage returns/*.xlsx --format xlsx --output coverage.xlsx",
    },
    "coverage.exit1": {
        "vi": "--fail-on incomplete: còn thiếu số liệu phải báo cáo (kết quả vẫn được ghi)",
        "en": "--fail-on incomplete: an expected figure is missing (the output is still written)",
    },
    "coverage_as_of": {
        "vi": "Kỳ cần báo cáo (mặc định: kỳ mới nhất trong số liệu).",
        "en": "The period to report (default: the latest in the data).",
    },
    "coverage_fail_on": {
        "vi": "incomplete: thoát với mã 1 khi còn thiếu số liệu phải báo cáo.",
        "en": "incomplete: exit 1 while an expected figure is missing.",
    },
    "template_by": {
        "vi": "region: mỗi xã, phường một sổ tính (cùng --output THƯ_MỤC), ghi sẵn tên xã và "
        "các chỉ tiêu giao cho xã.",
        "en": "region: a workbook per region (with --output FOLDER), the region filled in and "
        "the indicators expected of it listed.",
    },
    "template_period": {
        "vi": "Cùng --by region: kỳ cần điền, ghi ở tiêu đề và ở cột kỳ (mặc định: tháng "
        "trước, tháng đến hạn báo cáo).",
        "en": "With --by region: the period to fill, named in the title and in the period "
        "column (default: the month before this one, whose figures are due).",
    },
    # ---- schema -------------------------------------------------------------------------
    "schema": {
        "vi": "In JSON Schema của tệp mục tiêu (cho trình soạn thảo và công cụ khác).",
        "en": "Print the JSON Schema of the targets file (for editors and other tools).",
    },
    "schema.short": {
        "vi": "JSON Schema của tệp mục tiêu.",
        "en": "The JSON Schema of the targets file.",
    },
    "schema.example": {
        "vi": "ktt schema > ktt-muc-tieu.schema.json",
        "en": "ktt schema > ktt-targets.schema.json",
    },
    # ---- the end of every command's help ------------------------------------------------
    "examples": {"vi": "Ví dụ:", "en": "Examples:"},
    "exit_codes": {"vi": "Mã thoát:", "en": "Exit codes:"},
    "exit0": {"vi": "xong", "en": "done"},
    "exit2": {
        "vi": "không chạy được: tham số sai, đầu vào không đọc được hoặc không hợp lệ",
        "en": "the run could not be done: bad arguments, unreadable or invalid input",
    },
    "exit3": {
        "vi": "lỗi nội bộ của ktt (xin báo lỗi kèm lệnh đã chạy)",
        "en": "an internal error of ktt (please report it with the command you ran)",
    },
}
