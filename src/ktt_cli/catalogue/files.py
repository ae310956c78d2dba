"""What reading a file's bytes finds: a text file's encoding and syntax, a workbook, its
sheets and the cells beyond what a sheet holds."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
