"""What the reports for people (HTML, workbook, charts) share: status colours and words.

The colours follow the terminal table's (green on track, yellow to orange for
slower progress, red for going backwards or missed), darkened enough to be read
as text on white and printed in black and white.
"""

from __future__ import annotations

from ktt_cli.progress import Status

COLOUR = {
    Status.ACHIEVED: "#1b7a2f",
    Status.ON_TRACK: "#2e9e44",
    Status.NEEDS_ACCELERATION: "#b58900",
    Status.LIMITED_PROGRESS: "#d2691e",
    Status.DETERIORATION: "#b3261e",
    Status.MISSED: "#c62828",
    Status.INSUFFICIENT_DATA: "#00838f",
    Status.NO_DATA: "#757575",
    Status.QUALITATIVE: "#757575",
    Status.NO_TARGET: "#757575",
}

#: A pale background of each colour, for table cells.
FILL = {
    Status.ACHIEVED: "#dcefe0",
    Status.ON_TRACK: "#e3f4e6",
    Status.NEEDS_ACCELERATION: "#fbf1cc",
    Status.LIMITED_PROGRESS: "#fbe5d3",
    Status.DETERIORATION: "#f6d6d4",
    Status.MISSED: "#f8d7d7",
    Status.INSUFFICIENT_DATA: "#d3eef0",
    Status.NO_DATA: "#eeeeee",
    Status.QUALITATIVE: "#eeeeee",
    Status.NO_TARGET: "#eeeeee",
}

WORDS = {
    "vi": {
        "observations": "Số liệu thực hiện",
        "earlier": "Số liệu tại kỳ so sánh",
        "baseline": "Năm gốc",
        "target": "Mục tiêu {year}",
        "required": "Lộ trình cần đạt",
        "projection": "Dự báo theo tốc độ hiện tại",
        "charts": "Diễn biến các chỉ tiêu",
        "warnings": "Cảnh báo",
        "unlisted": "và {count} cảnh báo khác",
        "figures": "Số liệu đã dùng",
        "period": "Kỳ",
        "value": "Giá trị",
        "file": "Tệp",
        "line": "Dòng/ô",
        "code": "Mã",
        "message": "Nội dung",
        "status_code": "Mã tình trạng",
        "milestone_sheet": "Năm {year}",
        "note": "Ghi chú",
        "source": "Nguồn",
        "comparator": "Điều kiện",
        "summary": "Tóm tắt",
        "report_sheet": "Báo cáo",
        "no_regional": "Chưa có số liệu theo xã, phường.",
        "behind": "Xa mục tiêu nhất: {regions}.",
        "drawn": "Biểu đồ: {behind} xã, phường xa mục tiêu nhất và {ahead} dẫn đầu, trong "
        "{n}; bảng dưới có đủ.",
        "since": "so với {period}",
    },
    "en": {
        "observations": "Actual figures",
        "earlier": "Figure at the compared period",
        "baseline": "Baseline",
        "target": "Target {year}",
        "required": "Required path",
        "projection": "Projection at the current pace",
        "charts": "Trajectories",
        "warnings": "Warnings",
        "unlisted": "and {count} more warnings",
        "figures": "Figures used",
        "period": "Period",
        "value": "Value",
        "file": "File",
        "line": "Line/cell",
        "code": "Code",
        "message": "Message",
        "status_code": "Status code",
        "milestone_sheet": "{year}",
        "note": "Note",
        "source": "Source",
        "comparator": "Comparator",
        "summary": "Summary",
        "report_sheet": "Report",
        "no_regional": "No figures by region yet.",
        "behind": "Furthest behind: {regions}.",
        "drawn": "Chart: the {behind} regions furthest behind and the {ahead} furthest ahead, "
        "of {n}; the table holds them all.",
        "since": "since {period}",
    },
}


def word(lang: str, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)
