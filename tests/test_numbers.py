"""Figures as Vietnamese and English sources write them (SPEC §3 "Figures")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktt_cli.load.figures import FigureError as CellError
from ktt_cli.load.figures import figure_of, read_cell, split_cell
from ktt_cli.model import Unit
from ktt_cli.numbers import (
    NumberError,
    NumberStyle,
    Reading,
    classify,
    format_number,
    is_no_figure,
    parse_number,
    plain_figure,
    resolve,
)

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
        ("8\u202f400", AUTO, 8400),
        ("8\u2009400", AUTO, 8400),  # thin space
        ("\u2009834\u00a0", AUTO, 834),
        ("1 234 567", AUTO, 1234567),
        ("-12", AUTO, -12),
        ("−12", AUTO, -12),  # the minus sign, as word processors write it
        ("8.400", COMMA, 8400),
        ("8.400", DOT, 8.4),
        ("1,200", DOT, 1200),
        ("1,200", COMMA, 1.2),
        ("50.400", COMMA, 50400),
        ("834", COMMA, 834),
        ("9007199254740992", AUTO, 2**53),  # the largest integer with all below it exact
    ],
)
def test_readings(text: str, style: NumberStyle, value: float) -> None:
    assert parse_number(text, style) == value


@pytest.mark.parametrize(
    ("text", "dot", "comma", "deciding", "ambiguous"),
    [
        ("65,5", None, 65.5, COMMA, False),  # deciding: dot style has no lone comma
        ("1.234,5", None, 1234.5, COMMA, False),
        ("8.400.000", None, 8400000, COMMA, False),  # 8.400.000 is no decimal
        ("1,234.5", 1234.5, None, DOT, False),
        ("65.5", 65.5, None, DOT, False),
        ("8 400.5", 8400.5, None, DOT, False),  # spaces group, so the dot is a decimal mark
        ("834", 834, 834, None, False),  # both read it, the same
        ("12", 12, 12, None, False),
        ("8 400", 8400, 8400, None, False),
        ("8.400", 8.4, 8400, None, True),  # both read it, differently
        ("1,200", 1200, 1.2, None, True),
        ("34.250", 34.25, 34250, None, True),
        ("-8.400", -8.4, -8400, None, True),
    ],
)
def test_classify(
    text: str,
    dot: float | None,
    comma: float | None,
    deciding: NumberStyle | None,
    ambiguous: bool,
) -> None:
    reading = classify(text)
    assert (reading.dot, reading.comma) == (dot, comma)
    assert (reading.deciding, reading.ambiguous) == (deciding, ambiguous)


@pytest.mark.parametrize(
    ("text", "whole", "percent", "value"),
    [
        ("34.250", True, False, 34250),  # 34.25 has a decimal part: no count has one
        ("34,250", True, False, 34250),
        ("8.400", True, False, 8400),  # never silently 8.4
        ("1,200", True, False, 1200),
        ("65.500", False, True, 65.5),  # 65500 is over 100: no percentage is
        ("65,500", False, True, 65.5),
        ("1,200", False, True, 1.2),  # 1200 is over 100
        ("100.000", False, True, 100),  # 100 fits; 100000 does not
        ("-65.500", False, True, -65.5),  # out of range either way: the nearer reading
    ],
)
def test_without_a_file_style_the_unit_decides_an_ambiguous_cell(
    text: str, whole: bool, percent: bool, value: float
) -> None:
    assert resolve(classify(text), None, whole=whole, percent=percent) == value
    assert parse_number(text, AUTO, whole=whole, percent=percent) == value


@pytest.mark.parametrize("text", ["8.400", "1,200", "50.400", "60,000", "1.200"])
def test_where_neither_the_file_nor_the_unit_decides_the_cell_is_refused(text: str) -> None:
    with pytest.raises(NumberError) as error:
        resolve(classify(text), None)
    assert error.value.code == "ambiguous_number"
    assert "--number-format comma" in error.value.message
    assert "--number-format dot" in error.value.message
    reading = classify(text)
    for value in (reading.dot, reading.comma):  # both readings, in full
        assert f" {value:g} " in error.value.message


@pytest.mark.parametrize(
    ("text", "style", "value"),
    [
        ("8.400", COMMA, 8400),  # the file's style reads an ambiguous cell
        ("8.400", DOT, 8.4),
        ("1,200", COMMA, 1.2),
        ("834", DOT, 834),
        ("65,5", COMMA, 65.5),
    ],
)
def test_in_the_file_style(text: str, style: NumberStyle, value: float) -> None:
    assert resolve(classify(text), style) == value


@pytest.mark.parametrize(("text", "style"), [("65,5", DOT), ("1,234.5", COMMA), ("8.400.000", DOT)])
def test_a_cell_the_file_style_cannot_read_is_refused(text: str, style: NumberStyle) -> None:
    with pytest.raises(NumberError) as error:
        resolve(classify(text), style)
    assert error.value.code == "not_a_number"
    assert f"in {style.value} style" in error.value.message


def test_a_percent_in_the_file_style_is_not_overridden_by_the_unit() -> None:
    # in a comma file, 65.500 is 65500: out of range for a percentage, so an error later,
    # never a quiet 65.5 read in the other style
    assert resolve(classify("65.500"), COMMA, percent=True) == 65500


@pytest.mark.parametrize(
    ("text", "style", "code"),
    [
        ("", AUTO, "empty_value"),
        ("   ", AUTO, "empty_value"),
        ("nan", AUTO, "not_a_number"),
        ("inf", AUTO, "not_a_number"),
        ("12abc", AUTO, "not_a_number"),
        ("1.2.3", AUTO, "not_a_number"),
        ("1,234.5", COMMA, "not_a_number"),
        ("1.234,5", DOT, "not_a_number"),
        ("8 40", AUTO, "not_a_number"),
        ("8 400 000.5 1", AUTO, "not_a_number"),
        (".5", AUTO, "not_a_number"),
        ("5.", AUTO, "not_a_number"),
        ("+5", AUTO, "not_a_number"),
        ("-", AUTO, "not_a_number"),
        ("1" * 400, AUTO, "not_a_number"),  # too large to be finite
        ("1e3", AUTO, "scientific_notation"),
        ("1.2e3", AUTO, "scientific_notation"),
        ("1,2E+03", AUTO, "scientific_notation"),
        ("8,4E+03", COMMA, "scientific_notation"),
        ("-1,2E-03", AUTO, "scientific_notation"),
        ("9007199254740993", AUTO, "too_many_digits"),  # 2**53 + 1: the float is 2**53
        ("9.007.199.254.740.993", COMMA, "too_many_digits"),
        ("12345678.123456789", AUTO, "too_many_digits"),
    ],
)
def test_non_numbers(text: str, style: NumberStyle, code: str) -> None:
    with pytest.raises(NumberError) as error:
        parse_number(text, style)
    assert error.value.code == code


def test_scientific_notation_is_explained() -> None:
    with pytest.raises(NumberError) as error:
        classify("8,4E+03")
    message = error.value.message
    assert "'8,4E+03'" in message
    assert "too wide for its column" in message
    assert "keeps only the digits shown" in message
    assert "widen the column" in message


@pytest.mark.parametrize(
    "text", ["-", "–", "—", "..", "...", "…", "x", "X", "", " - ", "\u00a0…", " x "]
)
def test_marks_for_no_figure(text: str) -> None:
    assert is_no_figure(text)


@pytest.mark.parametrize("text", ["0", "--", "x1", "xx", "-0", "n/a"])
def test_a_zero_or_other_text_is_not_a_mark_for_no_figure(text: str) -> None:
    assert not is_no_figure(text)


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


# ---- value cells -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "style", "figure", "qualifier"),
    [
        ("834", Unit.COUNT, AUTO, 834, None),
        (">5.300", Unit.COUNT, AUTO, 5300, ">"),  # the unit decides: a count has no decimals
        ("≥ 8.400", Unit.COUNT, AUTO, 8400, "≥"),
        (">= 8,400", Unit.PERSONS, AUTO, 8400, "≥"),
        ("~34.000", Unit.COUNT, AUTO, 34000, "≈"),
        ("<=12", Unit.COUNT, DOT, 12, "≤"),
        ("65,5%", Unit.PERCENT, AUTO, 65.5, None),
        ("≈ 65,5 %", Unit.PERCENT, AUTO, 65.5, "≈"),
        ("65.500", Unit.PERCENT, AUTO, 65.5, None),
        ("1.200", Unit.COUNT, COMMA, 1200, None),
    ],
)
def test_read_cell(
    text: str, unit: Unit, style: NumberStyle, figure: float, qualifier: str | None
) -> None:
    assert read_cell(text, unit, style) == (figure, qualifier)


@pytest.mark.parametrize(
    ("text", "unit", "style", "code"),
    [
        ("<>5300", Unit.COUNT, AUTO, "not_a_number"),
        (">>5", Unit.COUNT, AUTO, "not_a_number"),
        ("≥ 5300 ≤", Unit.COUNT, AUTO, "not_a_number"),
        ("≈ 65%", Unit.COUNT, AUTO, "unexpected_percent"),
        ("≈ 1,2E+03", Unit.COUNT, AUTO, "scientific_notation"),
        ("> 1.200", Unit.COUNT, DOT, "not_whole"),  # 1.2 in a dot file: not a count
        ("120%", Unit.PERCENT, AUTO, "percent_out_of_range"),
        ("-5", Unit.COUNT, AUTO, "negative_count"),
    ],
)
def test_bad_cells_are_shown_as_written(
    text: str, unit: Unit, style: NumberStyle, code: str
) -> None:
    with pytest.raises(CellError) as error:
        read_cell(text, unit, style)
    assert error.value.code == code
    if code not in ("percent_out_of_range", "negative_count"):  # these name the figure
        assert f"'{text}'" in error.value.message


# ---- the per-file rule, as a property ------------------------------------------------------

# unit of a generated figure: (whole, percent); "plain" is neither, so nothing breaks its ties
UNITS = {"count": (True, False), "percent": (False, True), "plain": (False, False)}
SPACES = ["", " ", "\u00a0", "\u202f", "\u2009"]


@st.composite
def figure(draw: st.DrawFn, unit: str) -> tuple[float, int]:
    """A true value and how many decimals it is written with."""
    if unit == "count":
        return float(draw(st.integers(0, 999) | st.integers(1000, 10**10))), 0
    decimals = draw(st.integers(0, 3))
    top = 100 if unit == "percent" else 10**7
    return draw(st.integers(0, top * 10**decimals)) / 10**decimals, decimals


@st.composite
def data_set(draw: st.DrawFn) -> tuple[NumberStyle, list[tuple[str, str, float]]]:
    """Cells (text, unit, true value), all written in one style, that either hold a
    deciding cell or hold none at all."""
    style = draw(st.sampled_from([DOT, COMMA]))
    lang = "vi" if style is COMMA else "en"
    with_deciding = draw(st.booleans())
    cells = []
    for _ in range(draw(st.integers(1, 8))):
        unit = draw(st.sampled_from(sorted(UNITS)))
        value, decimals = draw(figure(unit))
        text = format_number(value, lang, decimals)
        if space := draw(st.sampled_from(SPACES)):  # group thousands with a space instead
            thousands = "." if style is COMMA else ","
            whole = text.partition("." if style is DOT else ",")[0]
            text = whole.replace(thousands, space) + text[len(whole) :]
        if with_deciding or classify(text).deciding is None:
            cells.append((text, unit, value))
    if with_deciding:  # 65,5 (comma) or 1,234.5 (dot): only the true style reads it
        cells.insert(
            draw(st.integers(0, len(cells))), (format_number(1234.5, lang, 1), "plain", 1234.5)
        )
    return style, cells


@given(data_set())
def test_a_figure_is_read_as_written_or_refused_never_in_the_other_style(
    written: tuple[NumberStyle, list[tuple[str, str, float]]],
) -> None:
    true_style, cells = written
    # first pass: the style of the file's deciding cells; two styles would be an error
    readings = [classify(text) for text, _, _ in cells]
    deciding = {r.deciding for r in readings} - {None}
    assert len(deciding) <= 1  # one style wrote them all, so they cannot disagree
    file_style = deciding.pop() if deciding else None
    assert file_style in (None, true_style)
    # second pass: each cell in the file's style, or by its unit where the file has none
    for reading, (text, unit, value) in zip(readings, cells, strict=True):
        whole, percent = UNITS[unit]
        # only a cell that nothing decides is refused: both styles read it, differently,
        # the file has no style, and the unit allows both readings
        if file_style is None and reading.ambiguous and unit == "plain":
            with pytest.raises(NumberError, match="--number-format comma"):
                resolve(reading, file_style, whole=whole, percent=percent)
        else:
            assert resolve(reading, file_style, whole=whole, percent=percent) == value, text


def test_the_property_sees_a_misreading() -> None:
    # the check the property relies on: read in the other style, 8.400 is not 8400
    reading = Reading("8.400", 8.4, 8400.0)
    assert resolve(reading, DOT) != 8400


# ---- the plain figure: the reader's short way for most value cells -------------------

#: Texts near the plain figure's edge: digits, marks, signs, spaces, other digits.
NEAR_PLAIN = st.text(alphabet="0123456789.,-+ %٣", min_size=1, max_size=18)
STYLES = st.sampled_from([None, DOT, COMMA])


@given(NEAR_PLAIN | st.from_regex(r"[0-9]{1,17}([.,][0-9]{1,4})?", fullmatch=True), STYLES)
def test_a_plain_figure_is_what_the_full_reading_gives_and_decides_nothing(
    text: str, style: NumberStyle | None
) -> None:
    for unit in Unit:
        percent = unit is Unit.PERCENT
        value = plain_figure(text, style, percent=percent)
        if value is None:
            continue
        cell = split_cell(text, unit)  # the full reading, as the reader makes it
        assert cell is not None
        assert cell.qualifier is None
        assert cell.reading.deciding in (None, style)  # nothing left to decide
        assert style is not None or not cell.reading.ambiguous  # read in the file's style
        assert figure_of(cell, unit, style) == value


@pytest.mark.parametrize(
    ("text", "style", "percent", "value"),
    [
        ("17", None, False, 17.0),
        ("0017", COMMA, False, 17.0),
        ("23.45", DOT, True, 23.45),
        ("65,5", COMMA, True, 65.5),
        ("100", None, True, 100.0),
        ("100.00", DOT, True, 100.0),
        ("23.456", DOT, True, 23.456),  # three decimals, in a file of that style
        ("23,456", COMMA, True, 23.456),
        ("0.000000000001", DOT, True, 1e-12),
        # the full reading's business: a style to decide, a count's decimals, thousands,
        # a percentage over 100, a sign, a mark of the other style
        ("23.45", None, True, None),
        ("23.45", DOT, False, None),
        ("23.45", COMMA, True, None),
        ("8.400", COMMA, True, None),
        ("23.456", None, True, None),
        ("0.0000000000001", DOT, True, None),  # more decimals than a plain figure has
        ("1.234,5", COMMA, True, None),
        ("100.01", DOT, True, None),
        ("-3", None, False, None),
        (" 17", None, False, None),
        ("17%", None, True, None),
        ("1234567890123456", None, False, None),
    ],
)
def test_plain_figures(text: str, style: NumberStyle | None, percent: bool, value: object) -> None:
    assert plain_figure(text, style, percent=percent) == value
