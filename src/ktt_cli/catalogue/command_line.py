"""What the command line says: usage errors, Click's own words said again, --fail-on, what
the machine refused, and the communes' returns collected (SPEC §11)."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
