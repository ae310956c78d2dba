"""The actuals reader (SPEC §3) on files as Excel and other tools really write them.

Each fixture in tests/fixtures/actuals is read and checked for the exact figures
(values, periods, physical lines, sources, notes) or the exact problems (code and
line). Fixtures holding real figures take them from DOMAIN.md, with their sources.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import helpers as harness
from ktt_cli.figures_text import NumberStyle
from ktt_cli.load import text as csv_input
from ktt_cli.load.collect_state import ReadOptions
from ktt_cli.load.text import Source
from ktt_cli.problems import ProblemLog
from ktt_cli.store import Actuals
from ktt_cli.targets_file import read_targets
from ktt_cli.units import Unit

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "actuals"
TARGETS = read_targets((ROOT / "targets.yaml").read_bytes(), "targets.yaml", ProblemLog())
UNITS = {i.id: i.unit for i in TARGETS.indicators}

AUTO, DOT, COMMA = NumberStyle.AUTO, NumberStyle.DOT, NumberStyle.COMMA
CSV_DEFAULT_FIELD_LIMIT = 131072

# the sources of the real figures, as DOMAIN.md names them
A1 = "baoyenbai.com.vn, article 12/197327"
A2 = "baoyenbai.com.vn, article 11/321135 (12/4/2024)"
A3 = "baoyenbai.com.vn, article 12/326650"
DBND = "daibieunhandan.vn"
LM = "lienminhhtxyenbai.org.vn"


# ---- helpers ------------------------------------------------------------------------


def fixture(name: str, *, pipe: bool = False) -> Source:
    return harness.fixture(FIXTURES / name, name, pipe=pipe)


def stream(name: str, data: bytes, *, pipe: bool = False) -> Source:
    return harness.source(name, data, pipe=pipe)


def read(
    *sources: Source, style: NumberStyle = AUTO, encoding: str | None = None
) -> tuple[Actuals, ProblemLog]:
    return harness.read(*sources, targets=TARGETS, options=ReadOptions(style, encoding))


def series(actuals: Actuals, nfc: bool = False) -> dict[str, list[tuple]]:
    """Each indicator's observations as (period, value, line, qualifier, source, note)."""

    def text(t: str | None) -> str | None:
        return unicodedata.normalize("NFC", t) if nfc and t is not None else t

    return {
        indicator: [
            (o.period.text, o.value, o.line, o.qualifier, text(o.source), text(o.note))
            for o in observations
        ]
        for indicator, observations in actuals.series.items()
    }


def places(actuals: Actuals) -> set[tuple[str, int]]:
    return {(o.file, o.line) for obs in actuals.series.values() for o in obs}


def problems(log: ProblemLog) -> list[tuple[str, int | None, str, str]]:
    return [(p.file, p.line, p.code, p.severity) for p in log]


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """`text` as Windows writes it in code page 1258: a tone mark as a combining character
    after its letter (which keeps its circumflex, breve or horn), so it reads back in NFD."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append((base + "".join(c for c in parts if c in TONES)).encode("cp1258"))
    return b"".join(out)


@contextmanager
def csv_default_limit() -> Iterator[None]:
    """The csv module's field limit as a fresh process has it, restored afterwards."""
    before = csv.field_size_limit(CSV_DEFAULT_FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(before)


# ---- Excel in a Vietnamese locale: UTF-8 BOM, `;`, `,` decimals, CRLF --------------

EXCEL_VI = {
    "htx_count": [
        ("2020-07", 457.0, 2, None, A1, None),
        ("2020", 465.0, 4, None, DBND, "Ước tính cho năm 2020"),
        ("2023", 727.0, 7, None, A2, None),
        ("2024", 777.0, 9, None, A3, "Bài báo chỉ ghi khoảng năm 2024"),
        ("2025-02", 834.0, 11, None, LM, None),
    ],
    "htx_members": [
        ("2020-07", 28000.0, 3, None, A1, None),
        ("2023", 32000.0, 8, ">", A2, "Hơn 32.000: cận dưới"),
        ("2024", 34000.0, 10, "≈", A3, "Khoảng 34.000 thành viên"),
    ],
    "tht_count": [
        ("2023", 5300.0, 5, ">", A2, "Hơn 5.300: cận dưới, không phải số đếm chính xác"),
    ],
    "tht_members": [("2023", 27000.0, 6, ">", A2, "Hơn 27.000: cận dưới")],
}


def test_fixture_bytes_are_what_excel_writes() -> None:
    data = (FIXTURES / "excel_vi_utf8_bom.csv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.count(b"\r\n") == data.count(b"\n") == 11
    assert b'"' not in data  # the fast path, split without the csv module
    assert data[3:].split(b"\r\n")[0].decode() == "Chỉ tiêu;Kỳ;Giá trị;Địa bàn;Nguồn;Ghi chú"
    header = (FIXTURES / "excel_vi_cp1258.csv").read_bytes().split(b"\r\n")[0].decode("cp1258")
    assert not unicodedata.is_normalized("NFC", header)  # decomposed, as Windows writes it
    assert unicodedata.normalize("NFC", header) == "Chỉ tiêu;Kỳ;Giá trị;Địa bàn;Nguồn;Ghi chú"
    utf16 = (FIXTURES / "excel_unicode_text_utf16.txt").read_bytes()
    assert utf16.startswith(codecs.BOM_UTF16_LE)
    assert "\t" in utf16[2:].decode("utf-16-le")


@pytest.mark.parametrize("pipe", [False, True])
def test_excel_vi_utf8_bom_read_with_comma_format(pipe: bool) -> None:
    actuals, log = read(fixture("excel_vi_utf8_bom.csv", pipe=pipe), style=COMMA)
    assert problems(log) == []
    assert series(actuals) == EXCEL_VI
    assert places(actuals) == {("excel_vi_utf8_bom.csv", line) for line in range(2, 12)}
    assert actuals.rows == 10
    assert actuals.latest is not None
    assert actuals.latest.text == "2025-02"
    assert actuals.regions == {}


def test_excel_vi_in_auto_reads_every_thousands_dot_by_the_unit() -> None:
    # 28.000, >5.300, >27.000, >32.000 and ≈34.000 are counts or persons, which have no
    # decimal part: each can only be read in Vietnamese style (SPEC §3, the unit decides)
    actuals, log = read(fixture("excel_vi_utf8_bom.csv"))
    assert problems(log) == []
    assert series(actuals) == EXCEL_VI


@pytest.mark.parametrize("pipe", [False, True])
def test_excel_vi_cp1258_reads_like_the_utf8_file(pipe: bool) -> None:
    actuals, log = read(fixture("excel_vi_cp1258.csv", pipe=pipe), style=COMMA, encoding="cp1258")
    assert problems(log) == []
    # `~34.000` here (cp1258 has no ≈): the same qualifier
    assert series(actuals, nfc=True) == EXCEL_VI


@pytest.mark.parametrize("pipe", [False, True])
def test_cp1258_file_read_as_utf8_stops_at_the_first_byte(pipe: bool) -> None:
    actuals, log = read(fixture("excel_vi_cp1258.csv", pipe=pipe), style=COMMA)
    assert problems(log) == [("excel_vi_cp1258.csv", 1, "encoding", "error")]
    message = next(iter(log)).message
    assert "byte 0xd2 at offset 3" in message
    assert "offset 3" in message
    assert "--encoding cp1258" in message
    assert actuals.series == {}


@pytest.mark.parametrize("pipe", [False, True])
@pytest.mark.parametrize("rows_before", [2, 400])
def test_bad_byte_in_a_later_row_is_placed_by_line_and_offset(pipe: bool, rows_before: int) -> None:
    head = b"indicator,period,value,note\r\n" + b"".join(
        b"htx_count,%d-%02d,%d,ghi ch\xc3\xba\r\n" % (1900 + i // 12, i % 12 + 1, i)
        for i in range(rows_before)
    )
    bad = head + b"htx_members,2023,32000,S" + cp1258("ố") + b" li\xe1\xbb\x87u\r\n"
    _, log = read(stream("mixed.csv", bad, pipe=pipe))
    assert problems(log) == [("mixed.csv", rows_before + 2, "encoding", "error")]
    assert f"offset {len(head) + len(b'htx_members,2023,32000,S')}" in next(iter(log)).message


@pytest.mark.parametrize("pipe", [False, True])
def test_errors_in_rows_before_a_bad_byte_are_reported_too(pipe: bool) -> None:
    # SPEC §3: all errors in a file in one run; the rows before the byte can be read
    data = (
        b"indicator,period,value,note\r\n"
        b"tht_count,2023,-8400,\r\n"
        b"htx_count,2024,777,\r\n"
        b"htx_count,2025-02,834,S" + cp1258("ố") + b" li\xe1\xbb\x87u\r\n"
    )
    _, log = read(stream("mixed.csv", data, pipe=pipe))
    assert problems(log) == [
        ("mixed.csv", 2, "negative_count", "error"),
        ("mixed.csv", 4, "encoding", "error"),
    ]


@pytest.mark.parametrize("pipe", [False, True])
def test_bad_utf16_is_placed_on_its_physical_line(pipe: bool) -> None:
    # U+300A "《" is the bytes 0A 30 in UTF-16 LE: a 0x0A byte that is no line end
    good = codecs.BOM_UTF16_LE + (
        "indicator\tperiod\tvalue\tnote\r\n"
        "htx_count\t2023\t727\ttheo 《Niên giám thống kê》\r\n"
        "htx_count\t2024\t777\t"
    ).encode("utf-16-le")
    data = good + b"\x00\xd8" + "x\r\n".encode("utf-16-le")  # a lone surrogate
    _, log = read(stream("unicode.txt", data, pipe=pipe))
    assert problems(log) == [("unicode.txt", 3, "encoding", "error")]
    assert f"offset {len(good)}" in next(iter(log)).message


# ---- Excel "Unicode text": UTF-16 LE with BOM, tabs ---------------------------------


@pytest.mark.parametrize("pipe", [False, True])
def test_excel_unicode_text_utf16(pipe: bool) -> None:
    actuals, log = read(fixture("excel_unicode_text_utf16.txt", pipe=pipe), style=COMMA)
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            ("2023", 727.0, 2, None, A2, None),
            ("2024", 777.0, 3, None, A3, "Khoảng năm 2024"),
            ("2025-02", 834.0, 5, None, LM, None),
        ],
        "htx_members": [("2024", 34000.0, 4, "≈", A3, None)],
    }


def test_utf16_without_bom_is_named() -> None:
    actuals, log = read(fixture("utf16le_no_bom.txt"))
    assert problems(log) == [("utf16le_no_bom.txt", 1, "not_text", "error")]
    assert "utf-16" in next(iter(log)).message
    assert actuals.series == {}


# ---- numbers -------------------------------------------------------------------------


def test_ambiguous_count_is_read_by_its_unit() -> None:
    # SPEC §3: with no deciding cell, 8.400 for a count can only be 8400 (8.4 is no count)
    actuals, log = read(fixture("ambiguous_count.csv"))
    assert problems(log) == []
    assert series(actuals) == {"tht_count": [("2025", 8400.0, 2, None, "synthetic", None)]}


def test_ambiguous_percent_that_the_unit_cannot_decide_is_never_a_silent_guess() -> None:
    data = b'indicator,period,value\ngood_fair_share,2024,"65,500"\n'
    actuals, log = read(stream("p.csv", data))
    # 65,500 is 65.5 (Vietnamese) or 65500 (English): only 65.5 is a percentage
    assert problems(log) == []
    assert series(actuals) == {"good_fair_share": [("2024", 65.5, 2, None, None, None)]}
    data = b'indicator,period,value\ngood_fair_share,2024,"12,5"\nhtx_count,2024,"1,200"\n'
    actuals, log = read(stream("p.csv", data))
    # 12,5 decides the file: Vietnamese style, so 1,200 is 1.2 and not a count
    assert problems(log) == [("p.csv", 3, "not_whole", "error")]
    data = b'indicator,period,value\ngood_fair_share,2024,"1,5"\ngood_fair_share,2023,1.500\n'
    actuals, log = read(stream("p.csv", data))
    # 1,5 decides Vietnamese style: 1.500 is 1500, not a percentage
    assert problems(log) == [("p.csv", 3, "percent_out_of_range", "error")]
    data = b'indicator,period,value\nhtx_count,2024,1.200\nhtx_count,2023,"1,200"\n'
    actuals, log = read(stream("p.csv", data))
    assert problems(log) == []  # both read as 1200: a count has no decimal part
    data = b"indicator,period,value\ngood_fair_share,2024,12.500\n"
    actuals, log = read(stream("p.csv", data))
    # 12.5 or 12500: a percentage is at most 100, so 12.5
    assert series(actuals)["good_fair_share"][0][1] == 12.5
    data = b"indicator,period,value\ngood_fair_share,2024,0.500\n"
    actuals, log = read(stream("p.csv", data))
    # 0.5 or 500: only 0.5 is a percentage
    assert series(actuals)["good_fair_share"][0][1] == 0.5
    data = b'indicator,period,value\ngood_fair_share,2024,"10,5"\nhtx_count,2024,"1,234.5"\n'
    actuals, log = read(stream("p.csv", data))
    assert problems(log) == [("p.csv", 3, "mixed_number_styles", "error")]
    assert "line 2" in next(iter(log)).message


def test_ambiguous_count_with_comma_format_is_eight_thousand_four_hundred() -> None:
    actuals, log = read(fixture("ambiguous_count.csv"), style=COMMA)
    assert problems(log) == []
    assert series(actuals) == {"tht_count": [("2025", 8400.0, 2, None, "synthetic", None)]}


def test_ambiguous_count_with_dot_format_is_not_a_whole_count() -> None:
    actuals, log = read(fixture("ambiguous_count.csv"), style=DOT)
    assert problems(log) == [("ambiguous_count.csv", 2, "not_whole", "error")]
    assert actuals.series == {}


@pytest.mark.parametrize("style", [AUTO, COMMA])
def test_percent_with_decimal_comma(style: NumberStyle) -> None:
    actuals, log = read(fixture("percent_comma.csv"), style=style)
    assert problems(log) == [
        ("percent_comma.csv", 5, "unexpected_percent", "error"),
        ("percent_comma.csv", 6, "percent_out_of_range", "error"),
    ]
    assert series(actuals) == {
        "good_fair_share": [("2024", 65.5, 2, None, "synthetic", None)],
        "value_chain_share": [("2024", 48.25, 3, None, "synthetic", None)],
        "effective_share": [("2024", 100.0, 4, None, "synthetic", None)],
    }


def test_percent_with_decimal_comma_in_dot_format_is_refused() -> None:
    actuals, log = read(fixture("percent_comma.csv"), style=DOT)
    assert problems(log) == [
        ("percent_comma.csv", 2, "not_a_number", "error"),
        ("percent_comma.csv", 3, "not_a_number", "error"),
        ("percent_comma.csv", 5, "unexpected_percent", "error"),
        ("percent_comma.csv", 6, "percent_out_of_range", "error"),
    ]
    assert series(actuals) == {"effective_share": [("2024", 100.0, 4, None, "synthetic", None)]}


def test_nul_byte_inside_a_value() -> None:
    actuals, log = read(fixture("nul_in_value.csv"))
    assert problems(log) == [("nul_in_value.csv", 3, "not_a_number", "error")]
    assert series(actuals) == {
        "htx_count": [
            ("2021", 111.0, 2, None, "synthetic", None),
            ("2023", 333.0, 4, None, "synthetic", None),
        ]
    }


# ---- a note longer than the csv module's default field limit --------------------------


@pytest.mark.parametrize("pipe", [False, True])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("quoted", [False, True])
def test_note_longer_than_the_csv_default_field_limit(
    quoted: bool, encoding: str, pipe: bool
) -> None:
    long_note = "Ghi chú dài: số liệu của Liên minh HTX tỉnh Yên Bái. " * 2600
    assert len(long_note) > CSV_DEFAULT_FIELD_LIMIT
    cell = '"' + long_note.replace('"', '""') + ' ""trích""; hết"' if quoted else long_note
    expected_note = (long_note + ' "trích"; hết' if quoted else long_note).strip()
    text = (
        "indicator;period;value;source;note\r\n"
        f"htx_count;2024;777;{A3};{cell}\r\n"
        f"htx_count;2025-02;834;{LM};\r\n"
    )
    with csv_default_limit():
        actuals, log = read(stream("long.csv", text.encode(encoding), pipe=pipe))
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            ("2024", 777.0, 2, None, A3, expected_note),
            ("2025-02", 834.0, 3, None, LM, None),
        ]
    }


# ---- files with nothing, with blanks, with comments -----------------------------------


def test_empty_file() -> None:
    actuals, log = read(fixture("empty.csv"))
    assert problems(log) == [("empty.csv", 1, "empty_file", "error")]
    assert actuals.series == {}
    assert actuals.rows == 0


def test_header_only_file() -> None:
    actuals, log = read(fixture("header_only.csv"))
    assert problems(log) == [("header_only.csv", 1, "no_rows", "warning")]
    assert actuals.series == {}
    assert actuals.rows == 0
    assert actuals.latest is None


def test_blank_lines_and_delimiter_only_rows_are_passed_over() -> None:
    actuals, log = read(fixture("blank_rows.csv"))
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            ("2020", 465.0, 3, None, DBND, "Ước tính cho năm 2020"),
            ("2023", 727.0, 8, None, A2, None),
            ("2025-02", 834.0, 10, None, LM, None),
        ]
    }


def test_comment_lines() -> None:
    actuals, log = read(fixture("comments.csv"))
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            ("2020", 465.0, 5, None, DBND, None),
            ("2025-02", 834.0, 7, None, LM, None),
        ]
    }


def test_comment_line_with_an_open_quote_hides_no_rows() -> None:
    # a row commented out whose note had an opening quote: a comment is passed over
    # whole, it must not swallow the rows after it
    actuals, log = read(fixture("comment_with_quote.csv"), style=COMMA)
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            ("2023", 727.0, 2, None, A2, None),
            ("2024", 777.0, 4, None, A3, None),
            ("2025-02", 834.0, 5, None, LM, None),
        ]
    }


# ---- layouts and quoting ----------------------------------------------------------------


def test_wide_format() -> None:
    actuals, log = read(fixture("wide.csv"), style=COMMA)
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            ("2020-07", 457.0, 2, None, A1, None),
            ("2020", 465.0, 3, None, DBND, None),
            ("2023", 727.0, 4, None, A2, None),
            ("2024", 777.0, 5, None, A3, None),
            ("2025-02", 834.0, 6, None, LM, None),
        ],
        "htx_members": [
            ("2020-07", 28000.0, 2, None, A1, None),
            ("2023", 32000.0, 4, ">", A2, None),
            ("2024", 34000.0, 5, "≈", A3, None),
        ],
        "tht_count": [("2023", 5300.0, 4, ">", A2, None)],
        "tht_members": [("2023", 27000.0, 4, ">", A2, None)],
    }
    assert actuals.rows == 10


def test_wide_format_in_auto_reads_thousands_by_the_unit() -> None:
    # SPEC §3: 28.000, >32.000, >5.300 are counts or persons: a count has no decimal part,
    # so each can only be the thousands reading, as --number-format comma reads them
    auto, log = read(fixture("wide.csv"))
    assert problems(log) == []
    comma, _ = read(fixture("wide.csv"), style=COMMA)
    assert series(auto) == series(comma)
    assert series(auto)["htx_members"][0][1] == 28000


def test_quoted_fields_with_delimiters_quotes_and_line_breaks() -> None:
    actuals, log = read(fixture("quoted_fields.csv"))
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [
            (
                "2020-07",
                457.0,
                2,
                None,
                A1,
                'Bài báo: "457 HTX, 28.000 thành viên"\ntính đến tháng 7/2020',
            ),
            ("2020", 465.0, 4, None, DBND, "Ước tính, năm 2020"),
            ("2023", 727.0, 8, None, A2, None),
            ("2025-02", 834.0, 9, None, LM, None),
        ],
        "tht_count": [
            ("2023", 5300.0, 5, ">", A2, '"Hơn 5.300":\ncận dưới,\nkhông phải số đếm chính xác')
        ],
    }


def test_unterminated_quote_is_an_error_not_a_swallowed_file() -> None:
    # the quote opened on line 2 is never closed: without an error, the rows of lines 3
    # and 4 would silently become part of a note
    actuals, log = read(fixture("unterminated_quote.csv"))
    assert ("unterminated_quote.csv", 2, "csv_syntax", "error") in problems(log)
    assert log.errors >= 1
    assert all(len(o.note or "") < 40 for obs in actuals.series.values() for o in obs)


@pytest.mark.parametrize("name", ["no_final_newline.csv", "no_final_newline_quoted.csv"])
@pytest.mark.parametrize("pipe", [False, True])
def test_file_without_a_final_newline(name: str, pipe: bool) -> None:
    actuals, log = read(fixture(name, pipe=pipe))
    assert problems(log) == []
    assert series(actuals) == {
        "htx_count": [("2024", 777.0, 2, None, A3, None), ("2025-02", 834.0, 3, None, LM, None)]
    }


# ---- regions and duplicates --------------------------------------------------------------


def test_region_rows_beside_territory_rows() -> None:
    actuals, log = read(fixture("regions.csv"))
    # placed at the first row of a region, where the whole-territory row is missing
    assert problems(log) == [("regions.csv", 7, "no_territory_rows", "warning")]
    assert "tht_count" in next(iter(log)).message
    # only blank-region rows make the series; "VĂN  YÊN" is the region "Văn Yên"
    assert series(actuals) == {
        "htx_count": [
            ("2024", 111.0, 2, None, "synthetic", None),
            ("2025", 122.0, 6, None, "synthetic", None),
        ]
    }
    assert actuals.regions == {"htx_count": 2, "tht_count": 2}
    assert actuals.rows == 7


def test_duplicates_same_value_warns_different_value_errs_naming_both_lines() -> None:
    actuals, log = read(fixture("duplicates.csv"))
    assert problems(log) == [
        ("duplicates.csv", 2, "same_moment", "warning"),
        ("duplicates.csv", 3, "repeated_row", "warning"),
        ("duplicates.csv", 4, "conflicting_values", "error"),
        ("duplicates.csv", 6, "conflicting_values", "error"),
        ("duplicates.csv", 9, "conflicting_values", "error"),
    ]
    moment, repeated, conflict, region_conflict, period_conflict = list(log)
    # SPEC §3: 2024-12, 2024-Q4 and 2024 end together: one moment, the year's figure is
    # used, and the quarter's 5 that differs from it is named
    assert "2024-Q4" in moment.message
    assert "duplicates.csv:8" in moment.message
    assert "line 2" in repeated.message
    assert "line 2" in conflict.message
    assert "112" in conflict.message
    assert "111" in conflict.message
    assert "line 5" in region_conflict.message
    assert "Văn Yên" in region_conflict.message
    assert "line 8" in period_conflict.message
    assert "2024-Q4" in period_conflict.message
    # the first figure stands; of the periods ending together, the coarsest
    assert series(actuals) == {"htx_count": [("2024", 111.0, 2, None, "synthetic", None)]}
    assert actuals.regions == {"htx_count": 1}


# ---- several files and standard input as one data set -----------------------------------


def _os_pipe_source(name: str, data: bytes) -> Source:
    """A real pipe, as `ktt report -` gets from a shell: one reader, never seekable."""
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(data)  # small: fits in the pipe's buffer
    reader = os.fdopen(read_end, "rb")
    return Source(name, lambda: reader)


def test_several_files_and_standard_input_read_as_one_data_set() -> None:
    stdin = codecs.BOM_UTF16_LE + (
        "Chỉ tiêu\tKỳ\tGiá trị\tNguồn\r\n"
        "htx_count\t2025-02\t835\tsynthetic\r\n"
        "tht_count\t2024\t6.000\tsynthetic\r\n"
    ).encode("utf-16-le")
    more = (
        "indicator,period,value,source\n"
        f'htx_count,2024,777,"{A3}"\n'
        "\n"
        "union_count,2024,3,synthetic\n"
        "union_count,2025,4,synthetic"
    ).encode()
    sources = [
        fixture("excel_vi_utf8_bom.csv"),
        _os_pipe_source("-", stdin),
        stream("more.csv", more, pipe=True),
    ]
    actuals, log = read(*sources, style=COMMA)
    assert actuals.files == ("excel_vi_utf8_bom.csv", "-", "more.csv")
    assert problems(log) == [
        ("-", 2, "conflicting_values", "error"),
        ("more.csv", 2, "repeated_row", "warning"),
    ]
    conflict, again = list(log)
    assert "line 11 of excel_vi_utf8_bom.csv" in conflict.message
    assert "835" in conflict.message
    assert "834" in conflict.message
    assert "line 9 of excel_vi_utf8_bom.csv" in again.message
    got = {
        i: [(o.period.text, o.value, o.file, o.line) for o in obs]
        for i, obs in actuals.series.items()
    }
    assert got["htx_count"] == [
        (p, v, "excel_vi_utf8_bom.csv", line) for p, v, line, *_ in EXCEL_VI["htx_count"]
    ]
    assert got["tht_count"] == [
        ("2023", 5300.0, "excel_vi_utf8_bom.csv", 5),
        ("2024", 6000.0, "-", 3),
    ]
    assert got["union_count"] == [("2024", 3.0, "more.csv", 4), ("2025", 4.0, "more.csv", 5)]
    assert actuals.rows == 10 + 1 + 2


def test_a_file_whose_rows_all_repeat_earlier_files_is_not_called_empty() -> None:
    _, log = read(fixture("excel_vi_utf8_bom.csv"), fixture("no_final_newline.csv"), style=COMMA)
    assert problems(log) == [
        ("no_final_newline.csv", 2, "repeated_row", "warning"),
        ("no_final_newline.csv", 3, "repeated_row", "warning"),
    ]


def test_a_file_that_cannot_be_opened_does_not_shift_the_next_files_lines() -> None:
    def unreadable():
        raise PermissionError(13, "Permission denied")

    actuals, log = read(
        fixture("no_final_newline.csv"),
        Source("locked.csv", unreadable),
        fixture("empty.csv"),
        fixture("blank_rows.csv"),
    )
    assert problems(log) == [
        ("locked.csv", None, "unreadable", "error"),
        ("empty.csv", 1, "empty_file", "error"),
        ("blank_rows.csv", 10, "repeated_row", "warning"),
    ]
    assert "line 3 of no_final_newline.csv" in list(log)[-1].message
    assert [(o.period.text, o.file, o.line) for o in actuals.series["htx_count"]] == [
        ("2020", "blank_rows.csv", 3),
        ("2023", "blank_rows.csv", 8),
        ("2024", "no_final_newline.csv", 2),
        ("2025-02", "no_final_newline.csv", 3),
    ]


# ---- the two parsing paths: split directly, or through the csv module -------------------

PARITY_LINES: list[list[str] | str] = [
    ["indicator", "period", "value", "region", "source", "note"],
    ["htx_count", "2020-07", "457", "", A1, ""],
    "",
    ["htx_members", "2020-07", "28.000", "", A1, ""],
    "# số liệu năm 2020, theo báo Yên Bái",
    ["htx_count", "2020", "465", "", DBND, "Ước tính, năm 2020"],
    ";;;;;",
    ["tht_count", "2023", ">5300", "", A2, "Hơn 5.300, cận dưới"],
    ["htx_count", "2023", "727", "", A2, ""],
    ["htx_count", "2023", "11", "Văn Yên", "synthetic", ""],
    ["htx_cuont", "2024", "777", "", A3, ""],
    ["htx_count", "2024", "777", "", A3, ""],
    ["htx_count", "2024", "777", "", A3, ""],
    ["htx_count", "2025-02", "834", "", LM, ""],
]
PARITY_SERIES = {
    "htx_members": [("2020-07", 28000.0, 4, None, A1, None)],  # persons: the unit decides
    "htx_count": [
        ("2020-07", 457.0, 2, None, A1, None),
        ("2020", 465.0, 6, None, DBND, "Ước tính, năm 2020"),
        ("2023", 727.0, 9, None, A2, None),
        ("2024", 777.0, 12, None, A3, None),
        ("2025-02", 834.0, 14, None, LM, None),
    ],
    "tht_count": [("2023", 5300.0, 8, ">", A2, "Hơn 5.300, cận dưới")],
}
PARITY_PROBLEMS = [
    ("parity.csv", 11, "unknown_indicator", "error"),
    ("parity.csv", 13, "repeated_row", "warning"),
]


def _parity_text(quote: str, newline: str) -> str:
    """PARITY_LINES with no quote at all, or with some fields quoted that need no quotes."""
    out = []
    for number, line in enumerate(PARITY_LINES, start=1):
        if isinstance(line, str):
            out.append(line)
            continue
        fields = list(line)
        if quote == "all":
            fields = [f'"{f}"' for f in fields]
        elif quote == "first_row" and number == 2:
            fields[0] = f'"{fields[0]}"'
        elif quote == "late_row" and number == 12:
            fields[4] = f'"{fields[4]}"'
        out.append(";".join(fields))
    return newline.join(out) + newline


@pytest.mark.parametrize("chunk_chars", [1 << 20, 60, 7])
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("quote", ["none", "first_row", "late_row", "all"])
def test_quoted_and_unquoted_text_read_the_same(quote: str, newline: str, chunk_chars: int) -> None:
    text = _parity_text(quote, newline)
    assert ('"' in text) == (quote != "none")
    with mock.patch.object(csv_input, "_CHUNK_CHARS", chunk_chars):
        actuals, log = read(stream("parity.csv", codecs.BOM_UTF8 + text.encode()))
    assert series(actuals) == PARITY_SERIES
    assert problems(log) == PARITY_PROBLEMS
    assert actuals.regions == {"htx_count": 1}
    assert actuals.rows == 8
    messages = [p.message for p in log]
    assert "did you mean 'htx_count'" in messages[0]
    assert "line 12" in messages[1]


# ---- any valid data set, written any supported way, reads back the same ------------------

VI_LETTERS = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐĂÂÊÔƠƯẮẾỐỨỆ"
TEXT_CHARS = VI_LETTERS + "aHTXyz019 ,;\t\"'\n.%-/()"
COMMENT_TEXT = st.text(alphabet=VI_LETTERS + "aHTX019 ,;.-/", max_size=20)
REGIONS = ["Văn Yên", "Lục Yên", "Mù Cang Chải", "Trạm Tấu", 'TX "Nghĩa Lộ", phường Tân An']
HEADER_NAMES = {
    "indicator": ["indicator", "Indicator", "chi_tieu", "Chỉ tiêu", "CHỈ TIÊU", "chi tieu"],
    "period": ["period", "PERIOD", "ky", "Kỳ", "nam", "Năm"],
    "value": ["value", "gia_tri", "Giá trị", "GIÁ TRỊ"],
    "region": ["region", "dia_ban", "Địa bàn", "ĐỊA BÀN"],
    "source": ["source", "nguon", "Nguồn"],
    "note": ["note", "ghi_chu", "Ghi chú", "ghi chú"],
}
QUALIFIERS = {">": ">", ">=": "≥", "≥": "≥", "<": "<", "<=": "≤", "≤": "≤", "~": "≈", "≈": "≈"}
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1258"]


def free_text(cp1258_only: bool) -> st.SearchStrategy[str]:
    """Source and note texts: Vietnamese, delimiters, quotes, line breaks."""
    chars = st.text(alphabet=TEXT_CHARS + ("" if cp1258_only else "≈≥✓"), max_size=16)
    return chars | st.builds(lambda a, b: f"{a}\n{b}", chars, chars)


@dataclass(frozen=True)
class Period:
    kind: str  # Y Q M D
    year: int
    number: int  # quarter, month or day of year; 0 for a year

    @property
    def text(self) -> str:
        if self.kind == "Y":
            return str(self.year)
        if self.kind == "Q":
            return f"{self.year}-Q{self.number}"
        if self.kind == "M":
            return f"{self.year}-{self.number:02d}"
        return (date(self.year, 1, 1) + timedelta(self.number - 1)).isoformat()

    @property
    def key(self) -> tuple[float, int]:
        """The time the period ends (SPEC §4), then day < month < quarter < year."""
        y = self.year
        days = (date(y + 1, 1, 1) - date(y, 1, 1)).days
        if self.kind == "Y":
            return float(y), 3
        if self.kind == "D":
            return y - 1 + self.number / days, 0
        # the last day of the quarter's or the month's last month, as a day of the year
        month = 3 * self.number if self.kind == "Q" else self.number
        last_day = (date(y + month // 12, month % 12 + 1, 1) - date(y, 1, 1)).days
        return y - 1 + last_day / days, 2 if self.kind == "Q" else 1


@st.composite
def periods(draw) -> tuple[Period, str]:
    """A period and how a row writes it, in one of the accepted forms."""
    year = draw(st.integers(1990, 2025))  # none after the day of the run (SPEC §3)
    kind = draw(st.sampled_from("YQMD"))
    if kind == "Y":
        return Period("Y", year, 0), draw(st.sampled_from([str(year), f" {year} "]))
    if kind == "Q":
        q = draw(st.integers(1, 4))
        forms = [f"{year}-Q{q}", f"{year}Q{q}", f"{year}-q{q}", f"Q{q}/{year}", f"q{q}-{year}"]
        return Period("Q", year, q), draw(st.sampled_from(forms))
    if kind == "M":
        m = draw(st.integers(1, 12))
        forms = [f"{year}-{m:02d}", f"{year}-{m}", f"{m:02d}/{year}", f"{m}/{year}"]
        return Period("M", year, m), draw(st.sampled_from(forms))
    day = date(year, 1, 1) + timedelta(draw(st.integers(0, 364)))
    return Period("D", year, day.timetuple().tm_yday), day.isoformat()


@dataclass(frozen=True)
class Row:
    indicator: str
    period: Period
    period_text: str
    value: float  # the figure, exactly
    hundredths: int  # the figure × 100, for writing it
    qualifier: str  # as written; "" for none
    percent_sign: str
    region: int | None  # index into REGIONS
    region_case: str
    source: str
    note: str


@st.composite
def rows(draw, cp1258_only: bool, with_regions: bool) -> Row:
    indicator = draw(st.sampled_from(sorted(UNITS)))
    period, period_text = draw(periods())
    if UNITS[indicator] is Unit.PERCENT:
        hundredths = draw(st.integers(0, 10_000))
        sign = draw(st.sampled_from(["", "%", " %"]))
    else:
        hundredths = draw(st.integers(0, 3_000_000)) * 100
        sign = ""
    region = draw(st.none() | st.integers(0, len(REGIONS) - 1)) if with_regions else None
    qualifiers = [q for q in QUALIFIERS if not cp1258_only or q.isascii()]
    return Row(
        indicator,
        period,
        period_text,
        hundredths / 100,
        hundredths,
        draw(st.just("") | st.sampled_from(qualifiers)),
        sign,
        region,
        draw(st.sampled_from(["as is", "upper", "lower", "spaced"])),
        draw(free_text(cp1258_only)),
        draw(free_text(cp1258_only)),
    )


def _region_text(row: Row) -> str:
    if row.region is None:
        return ""
    name = REGIONS[row.region]
    return {
        "as is": name,
        "upper": name.upper(),
        "lower": name.lower(),
        "spaced": f"  {name.replace(' ', '  ')} ",
    }[row.region_case]


def _number_text(row: Row, style: str, draw) -> str:
    whole, fraction = divmod(row.hundredths, 100)
    thousands, decimal = {"dot": (",", "."), "comma": (".", ","), "plain": ("", ".")}[style]
    if thousands and whole >= 1000 and draw(st.booleans()):
        digits = f"{whole:,}".replace(",", thousands)
    elif whole < 100 and draw(st.booleans()):
        digits = f"{whole:03d}"  # leading zeros, as in "02 liên hiệp HTX"
    else:
        digits = str(whole)
    if fraction:
        shown = f"{fraction:02d}".rstrip("0") if draw(st.booleans()) else f"{fraction:02d}"
        digits += decimal + shown
    text = (row.qualifier + draw(st.sampled_from(["", " "])) if row.qualifier else "") + digits
    return text + row.percent_sign


@st.composite
def written_files(draw):
    """(bytes, read options, each row written with its physical line, the text)."""
    encoding = draw(st.sampled_from(ENCODINGS))
    data = draw(
        st.lists(
            rows(encoding == "cp1258", draw(st.booleans())),
            min_size=1,
            max_size=10,
            # one figure a moment: periods ending together are the same-moment rule's
            # (tests of their own), not this round trip's
            unique_by=lambda r: (r.indicator, r.period.key[0], r.region),
        )
    )
    wide = draw(st.booleans())
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    style = draw(st.sampled_from(["dot", "comma", "plain"]))
    number_format = {"dot": DOT, "comma": COMMA}.get(style) or draw(st.sampled_from([DOT, AUTO]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting)

    def extra_lines(kinds: tuple[str, ...] = ("blank", "delimiters", "comment")) -> None:
        for _ in range(draw(st.integers(0, 2))):
            kind = draw(st.sampled_from(kinds))
            if kind == "blank":
                out.write(newline)
            elif kind == "delimiters":
                out.write(delimiter * draw(st.integers(1, 6)) + newline)
            else:
                out.write("#" + draw(COMMENT_TEXT).replace(delimiter, " ") + newline)

    def line_now() -> int:
        return out.getvalue().count("\n") + 1

    extra_lines(("blank", "comment"))  # before the header
    placed: list[tuple[Row, int]] = []
    if wide:
        groups: dict[tuple[str, int | None], list[Row]] = {}
        for r in data:
            groups.setdefault((r.period.text, r.region), []).append(r)
        ids = sorted({r.indicator for r in data})
        ids = draw(st.permutations(ids))
        with_region = any(r.region is not None for r in data) or draw(st.booleans())
        header = [draw(st.sampled_from(HEADER_NAMES["period"]))]
        if with_region:
            header.append(draw(st.sampled_from(HEADER_NAMES["region"])))
        header += [i.upper() if draw(st.booleans()) else i for i in ids]
        writer.writerow(header)
        for group in groups.values():
            extra_lines()
            first = group[0]
            cells = dict.fromkeys(ids, "")
            for r in group:
                cells[r.indicator] = _number_text(r, style, draw)
            line = line_now()
            region = [_region_text(first)] if with_region else []
            writer.writerow([first.period_text, *region, *cells.values()])
            placed += [(replace(r, source="", note=""), line) for r in group]
    else:
        roles = ["indicator", "period", "value"]
        roles += [
            role
            for role in ("region", "source", "note")
            if (role == "region" and any(r.region is not None for r in data)) or draw(st.booleans())
        ]
        roles = draw(st.permutations(roles))
        writer.writerow([draw(st.sampled_from(HEADER_NAMES[role])) for role in roles])
        for r in data:
            extra_lines()
            cell = {
                "indicator": r.indicator,
                "period": r.period_text,
                "value": _number_text(r, style, draw),
                "region": _region_text(r),
                "source": r.source,
                "note": r.note,
            }
            line = line_now()
            writer.writerow([cell[role] for role in roles])
            placed.append((r, line))
        placed = [
            (
                replace(
                    r,
                    source=r.source if "source" in roles else "",
                    note=r.note if "note" in roles else "",
                ),
                line,
            )
            for r, line in placed
        ]
    extra_lines()
    text = out.getvalue()
    if draw(st.booleans()):
        text = text.removesuffix(newline)  # no final newline
    raw = {
        "utf-8": lambda t: t.encode(),
        "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode(),
        "utf-16": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        "utf-16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        "cp1258": cp1258,
    }[encoding](text)
    options = ReadOptions(number_format, "cp1258" if encoding == "cp1258" else None)
    return raw, options, placed, text


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    written=written_files(),
    pipe=st.booleans(),
    chunk_chars=st.sampled_from([1 << 20, 1 << 20, 50, 9]),
)
def test_any_valid_data_set_reads_back_the_same(written, pipe: bool, chunk_chars: int) -> None:
    raw, options, placed, text = written
    note(f"text: {text!r}\noptions: {options}")
    assert len(raw) < 8192
    with mock.patch.object(csv_input, "_CHUNK_CHARS", chunk_chars):
        actuals, log = harness.read(
            stream("data.csv", raw, pipe=pipe), targets=TARGETS, options=options
        )

    def clean(t: str) -> str | None:
        return t.strip() or None

    expected: dict[str, list[tuple]] = {}
    for r, line in sorted(placed, key=lambda rl: rl[0].period.key):
        if r.region is None:
            expected.setdefault(r.indicator, []).append(
                (
                    r.period.text,
                    r.value,
                    line,
                    QUALIFIERS.get(r.qualifier),
                    clean(r.source),
                    clean(r.note),
                )
            )
    regions: dict[str, set[int]] = {}
    for r, _ in placed:
        if r.region is not None:
            regions.setdefault(r.indicator, set()).add(r.region)
    warned = {i for i in regions if i not in expected}

    first_region_row = {
        i: min(line for r, line in placed if r.indicator == i and r.region is not None)
        for i in warned
    }
    # a percent figure of 1 or less among figures above 1 is warned of (SPEC §3 Figures),
    # at the first such figure
    fractions = []
    for i in {r.indicator for r, _ in placed if UNITS[r.indicator] is Unit.PERCENT}:
        values = [(r.value, line) for r, line in placed if r.indicator == i]
        low = [line for v, line in values if 0 < v <= 1]
        if low and any(v > 1 for v, _ in values):
            fractions.append((min(low), "percent_fraction"))
    assert sorted((p.line, p.code) for p in log) == sorted(
        [(line, "no_territory_rows") for line in first_region_row.values()] + fractions
    )
    # cp1258 text comes back decomposed (NFD) as Windows wrote it; the same letters
    assert series(actuals, nfc=options.encoding == "cp1258") == expected
    assert actuals.regions == {i: len(names) for i, names in regions.items()}
    assert actuals.rows == len(placed)
    latest = max((r.period for r, _ in placed), key=lambda p: p.key)
    assert actuals.latest is not None
    assert actuals.latest.text == latest.text
    assert all(o.file == "data.csv" for obs in actuals.series.values() for o in obs)


# ---- what the reader's caches and fast path must never lose (each line was once a bug) ---


def test_a_bound_is_kept_on_every_row_that_gives_it() -> None:
    # the same text `>700` twice, the second time with every other cell seen before: a
    # cache of value texts must not drop its bound on the fast path
    data = (
        b"indicator,period,value\nhtx_count,2023,>700\nunion_member_htx,2022,5\n"
        b"union_member_htx,2023,>700\n"
    )
    actuals, log = read(stream("b.csv", data))
    assert problems(log) == []
    assert actuals.series["union_member_htx"][-1].qualifier == ">"


def test_a_row_too_wide_is_refused_even_when_its_texts_were_seen_before() -> None:
    # 65 and 2023 are known when the split row comes: the fast path must still count fields
    data = (
        b"indicator,period,value\ngood_fair_share,2023,65\nvalue_chain_share,2024,30\n"
        b"good_fair_share,2022,60\ngood_fair_share,2024,65,5\n"
    )
    actuals, log = read(stream("w.csv", data))
    assert problems(log) == [("w.csv", 5, "extra_fields", "error")]
    assert [o.period.text for o in actuals.series["good_fair_share"]] == ["2022", "2023"]


def test_a_region_row_never_lends_its_source_or_note_to_the_territory() -> None:
    data = (
        "indicator,period,value,region,source,note\n"
        "htx_count,2024,777,,tỉnh,ghi chú tỉnh\n"
        "htx_count,2024,41,Xã Tân Lĩnh,xã,ghi chú xã\n"
    ).encode()
    actuals, log = read(stream("r.csv", data))
    assert problems(log) == []
    territory = actuals.series["htx_count"][0]
    assert (territory.source, territory.note) == ("tỉnh", "ghi chú tỉnh")
    assert actuals.store is not None
    (region,) = actuals.region_names("htx_count")
    (figure,) = actuals.region_series("htx_count", region)
    assert (figure.value, figure.source, figure.note) == (41, "xã", "ghi chú xã")


def test_notes_from_windows_1258_are_composed_as_they_are_shown() -> None:
    # cp1258 writes a tone mark as a combining character: the note must come out in NFC
    data = b"indicator,period,value,note\nhtx_count,2024,777," + cp1258("Ước tính") + b"\n"
    actuals, _ = read(stream("c.csv", data), encoding="cp1258")
    note = actuals.series["htx_count"][0].note
    assert note == "Ước tính"
    assert unicodedata.is_normalized("NFC", note)


def _written(value: float, decimals: int, style: NumberStyle) -> str:
    """`value` as a file in `style` writes it: thousands grouped, its decimal mark."""
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if style is COMMA else text


ROWS = st.lists(
    st.one_of(
        st.tuples(st.just("htx_count"), st.integers(0, 10**8), st.just(0)),
        st.tuples(
            st.just("good_fair_share"),
            st.integers(0, 100000).map(lambda t: t / 1000),
            st.integers(0, 3),
        ),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200)
@given(ROWS, st.sampled_from([DOT, COMMA]), st.booleans())
def test_auto_reads_a_figure_as_written_or_refuses_it_never_the_other_way(
    rows: list[tuple[str, float, int]], style: NumberStyle, deciding: bool
) -> None:
    # SPEC §3: in auto, each file's style comes from its deciding cells, else the unit
    # decides; a figure the file leaves open is an error at its line, never a guess. A
    # file written in one style leaves nothing open here: a count has no decimal part and
    # a percentage is at most 100, so every figure must come back exactly.
    lines = ["indicator;period;value"]
    truth: dict[int, tuple[str, float]] = {}
    if deciding:  # 12,5 or 12.5: only one style reads it
        lines.append(f"value_chain_share;1900;{_written(12.5, 1, style)}")
    for k, (indicator, value, decimals) in enumerate(rows):
        lines.append(f"{indicator};{1901 + k};{_written(value, decimals, style)}")
        truth[len(lines)] = (indicator, round(value, decimals))
    actuals, log = read(stream("auto.csv", ("\n".join(lines) + "\n").encode()))
    refused = {p.line for p in log if p.severity == "error"}
    read_back = {
        o.line: (indicator, o.value)
        for indicator, observations in actuals.series.items()
        for o in observations
    }
    assert refused == set(), [str(p) for p in log]
    for line, expected in truth.items():
        assert read_back.get(line) == expected, (line, lines[line - 1])
