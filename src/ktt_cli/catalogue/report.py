"""What a report warns of (a figure used as a bound, an old figure, a milestone passed),
and what its workbook and document say."""

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
}
