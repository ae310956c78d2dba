from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktt_cli.numbers import NumberError, NumberStyle, format_number, parse_number

AUTO, DOT, COMMA = NumberStyle.AUTO, NumberStyle.DOT, NumberStyle.COMMA


@pytest.mark.parametrize(
    ("text", "style", "value"),
    [
        ("834", AUTO, 834),
        ("02", AUTO, 2),  # leading zeros, as in "02 liên hiệp HTX"
        (" 28000 ", AUTO, 28000),
        ("65,5", AUTO, 65.5),  # a comma followed by other than three digits: a decimal
        ("65.5", AUTO, 65.5),
        ("1.234.567", AUTO, 1234567),  # two groups: only thousands separators read so
        ("1,234,567", AUTO, 1234567),
        ("1.234,5", AUTO, 1234.5),
        ("1,234.5", AUTO, 1234.5),
        ("0.400", AUTO, 0.4),  # a group never starts with 0, so not four hundred
        ("1234.567", AUTO, 1234.567),  # four digits before the dot: not a group
        ("8 400", AUTO, 8400),
        ("8\u00a0400,5", AUTO, 8400.5),
        ("-12", AUTO, -12),
        ("−12", AUTO, -12),  # the minus sign, as word processors write it
        ("8.400", COMMA, 8400),
        ("8.400", DOT, 8.4),
        ("1,200", DOT, 1200),
        ("1,200", COMMA, 1.2),
        ("50.400", COMMA, 50400),
    ],
)
def test_readings(text: str, style: NumberStyle, value: float) -> None:
    assert parse_number(text, style) == value


@pytest.mark.parametrize("text", ["8.400", "1,200", "50.400", "60,000", "1.200"])
def test_a_reading_that_depends_on_the_style_is_refused_in_auto(text: str) -> None:
    with pytest.raises(NumberError) as error:
        parse_number(text, AUTO)
    assert error.value.code == "ambiguous_number"
    assert "--number-format comma" in error.value.message
    assert "--number-format dot" in error.value.message


@pytest.mark.parametrize(
    ("text", "style", "code"),
    [
        ("", AUTO, "empty_value"),
        ("   ", AUTO, "empty_value"),
        ("nan", AUTO, "not_a_number"),
        ("inf", AUTO, "not_a_number"),
        ("1e3", AUTO, "not_a_number"),
        ("12abc", AUTO, "not_a_number"),
        ("1.2.3", AUTO, "not_a_number"),
        ("1,234.5", COMMA, "not_a_number"),
        ("1.234,5", DOT, "not_a_number"),
        ("8 40", AUTO, "not_a_number"),
        (".5", AUTO, "not_a_number"),
        ("5.", AUTO, "not_a_number"),
        ("+5", AUTO, "not_a_number"),
        ("1" * 400, AUTO, "not_a_number"),  # too large to be finite
    ],
)
def test_non_numbers(text: str, style: NumberStyle, code: str) -> None:
    with pytest.raises(NumberError) as error:
        parse_number(text, style)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (1200, "vi", 0, "1.200"),
        (1200, "en", 0, "1,200"),
        (65.5, "vi", 1, "65,5"),
        (65.0, "vi", 1, "65"),
        (1234567.25, "en", 2, "1,234,567.25"),
        (-0.01, "vi", 1, "0"),
    ],
)
def test_format_number(value: float, lang: str, decimals: int, text: str) -> None:
    assert format_number(value, lang, decimals) == text


@given(st.integers(0, 10**12), st.sampled_from(["vi", "en"]))
def test_whole_numbers_written_in_a_style_read_back_in_that_style(value: int, lang: str) -> None:
    style = COMMA if lang == "vi" else DOT
    assert parse_number(format_number(value, lang), style) == value


@given(st.decimals(0, 10**9, places=2, allow_nan=False), st.sampled_from(["vi", "en"]))
def test_decimals_written_in_a_style_read_back_in_that_style(value, lang: str) -> None:
    style = COMMA if lang == "vi" else DOT
    text = format_number(float(value), lang, 2)
    assert parse_number(text, style) == pytest.approx(float(value))


@pytest.mark.parametrize(
    ("text", "style", "hint"),
    [
        ("28.000", DOT, "use --number-format comma"),  # 28 in dot style: never silently
        ("28,000", COMMA, "use --number-format dot"),
        ("65,5", AUTO, None),  # a decimal count, not a grouping: no flag would help
        ("834.0", DOT, None),
    ],
)
def test_a_count_has_no_decimal_part_whatever_the_style(
    text: str, style: NumberStyle, hint: str | None
) -> None:
    with pytest.raises(NumberError) as error:
        parse_number(text, style, whole=True)
    assert error.value.code == "not_whole"
    assert (hint in error.value.message) if hint else ("--number-format" not in error.value.message)


@pytest.mark.parametrize(
    ("text", "style", "value"),
    [
        ("28.000", COMMA, 28000),
        ("28,000", DOT, 28000),
        ("1.234.567", AUTO, 1234567),
        ("02", AUTO, 2),
    ],
)
def test_whole_numbers_in_their_style(text: str, style: NumberStyle, value: int) -> None:
    assert parse_number(text, style, whole=True) == value
