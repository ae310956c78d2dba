"""What reading a targets file finds: its YAML, its fields, and the rules that tie them
together (SPEC §2)."""

MESSAGES: dict[str, dict[str, str]] = {
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
