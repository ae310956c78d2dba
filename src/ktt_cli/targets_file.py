"""Targets file bytes -> TargetsFile, every problem with the line and column of its node.

The YAML is composed into nodes with the safe loader (nothing is constructed
from tags), then turned into plain data by hand so that each value keeps its
place and its own text, duplicate keys are caught, and only plain-data tags pass.
Numbers are checked on their text first (YAML 1.1 reads `050` in base 8 and
`1.000` as one); then the plain data is validated by the models, and the rules
across fields run on it whatever the fields gave, so that one run reports every
problem. Each problem is placed through its path.
"""

from __future__ import annotations

import pathlib
import re
from collections.abc import Iterator
from typing import BinaryIO

import yaml
import yaml.reader
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ktt_cli import problems
from ktt_cli.figures_text import plain_number
from ktt_cli.messages import said
from ktt_cli.model import (
    Baseline,
    Finding,
    Indicator,
    LocalText,
    Programme,
    Qualitative,
    Target,
    TargetsFile,
    Unit,
    file_findings,
    normal_name,
)
from ktt_cli.name_keys import closest_of
from ktt_cli.periods import FIRST_YEAR, LAST_YEAR
from ktt_cli.problems import ProblemLog, shown

_C_LOADER = hasattr(yaml, "CSafeLoader")
_LOADER = yaml.CSafeLoader if _C_LOADER else yaml.SafeLoader
#: A targets file is a few hundred values; these limits stop alias bombs and deep
#: nesting long before they cost time or memory.
MAX_VALUES = 100_000
MAX_DEPTH = 32
MAX_BYTES = 5 * 1024 * 1024
_PARSER_DEPTH = 200  # what the parser is given at most: far beyond MAX_DEPTH, far below a crash
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\n]|\'\')*\'')

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null")}
#: Every key a targets file may hold, for "did you mean" on an unknown one.
_KNOWN_KEYS = sorted(
    {
        key
        for model in (TargetsFile, Programme, Indicator, Target, Baseline, Qualitative, LocalText)
        for key in model.model_fields
    }
)

Path = tuple[str | int, ...]
Place = tuple[int, int]


class _PlacedData:
    """Plain data from YAML nodes, with the place of every value and every key."""

    def __init__(self) -> None:
        self.values: dict[Path, Place] = {}
        self.keys: dict[Path, Place] = {}
        self.scalars: dict[Path, ScalarNode] = {}
        self.count = 0
        self.constructor = SafeConstructor()


class _Refused(Exception):
    """The document cannot be read as plain data; the place and code say why."""

    def __init__(self, place: Place, key: str, /, **values: object) -> None:
        message, self.args_ = said(key, values)
        super().__init__(message)
        self.place, self.code, self.message = place, key.partition(".")[0], message


def read_targets_bytes(source: pathlib.Path | BinaryIO) -> bytes:
    """The bytes of a targets file (a path, or a stream such as standard input), at most
    MAX_BYTES + 1 of them: enough for `read_targets` to refuse a file that is too large,
    without reading the whole of /dev/zero or of a pipe that never ends."""
    if isinstance(source, pathlib.Path):
        with source.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)
    return source.read(MAX_BYTES + 1)


def read_targets(data: bytes, file: str, log: ProblemLog) -> TargetsFile | None:
    """Validate a targets file; log every problem and return None when there are any."""
    text = _decode(data, file, log)
    if text is None:
        return None
    if (deep := _nesting_beyond(text, _PARSER_DEPTH)) is not None:
        log.say(problems.Place(file, deep), "too_deep", depth=_PARSER_DEPTH)
        return None
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        log.error(file, line, "yaml_syntax", _yaml_message(e), column)
        return None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow, such as NUL
        # libyaml counts UTF-8 bytes, the pure-Python reader characters
        prefix = (
            text.encode()[: e.position].decode(errors="replace")
            if _C_LOADER
            else text[: e.position]
        )
        line = prefix.count("\n") + 1
        column = len(prefix) - (prefix.rfind("\n") + 1) + 1
        code = e.character if isinstance(e.character, int) else ord(e.character)
        log.error(
            file, line, "yaml_syntax", f"the character U+{code:04X} is not allowed in YAML", column
        )
        return None
    except (yaml.YAMLError, RecursionError) as e:
        log.error(file, None, "yaml_syntax", f"not readable as YAML: {shown(str(e), 200)}")
        return None
    if root is None:
        log.say(problems.Place(file, 1), "empty_file.yaml", "error", 1)
        return None
    placed = _PlacedData()
    try:
        plain = _plain(root, (), placed, 0)
    except _Refused as e:
        log.error(file, e.place[0], e.code, e.message, e.place[1], e.args_)
        return None
    if not isinstance(plain, dict):
        log.say(problems.Place(file, 1), "not_a_mapping", "error", 1)
        return None
    return _validated(plain, placed, file, log)


def _validated(
    plain: dict[object, object], placed: _PlacedData, file: str, log: ProblemLog
) -> TargetsFile | None:
    """Log every problem of the file: its numbers' text, its fields, the rules across them.

    A number refused for its text is reported once, by what is wrong with its text.
    """
    errors_before = log.errors
    numbers = list(number_text_findings(plain, placed))
    refused = {f.path for f in numbers}
    for path in refused:  # no rule reads a number that YAML read wrong
        _set(plain, path, _REFUSED)
    problems: list[tuple[Finding, bool]] = [(f, False) for f in numbers]
    targets: TargetsFile | None
    try:
        targets = TargetsFile.model_validate(plain)
    except ValidationError as e:
        targets = None
        problems.extend(_problems_of(e))
    problems.extend((f, False) for f in file_findings(plain))
    for finding, on_key in problems:
        if on_key or finding in numbers or not _under(finding.path, refused):
            line, column = _place(finding.path, placed, on_key)
            add = log.error if finding.severity == "error" else log.warning
            add(file, line, finding.code, finding.message, column)
    return targets if log.errors == errors_before else None


#: Stands for a number refused for its text: no number, so no rule reads it.
_REFUSED = object()


def _set(data: object, path: Path, value: object) -> None:
    for part in path[:-1]:
        data = data[part]  # type: ignore[index]
    data[path[-1]] = value  # type: ignore[index]


def _under(path: Path, refused: set[Path]) -> bool:
    return any(path[: len(r)] == r for r in refused)


def _nesting_beyond(text: str, limit: int) -> int | None:
    """The line where brackets or indentation first nest deeper than `limit`, or None.

    A parser that recurses once a level (libyaml before PyYAML 6.0.4 has no limit of its
    own) would crash the process on a document nested a hundred thousand deep; this
    look at the raw text, quoted strings left out, stops such a document first.
    """
    depth = 0
    for number, line in enumerate(_QUOTED.sub("", text).split("\n"), start=1):
        if len(line) - len(line.lstrip(" ")) > limit:
            return number
        if not any(bracket in line for bracket in "[]{}"):
            continue
        for char in line:
            if char in "[{":
                depth += 1
                if depth > limit:
                    return number
            elif char in "]}":
                depth -= 1
    return None


def _decode(data: bytes, file: str, log: ProblemLog) -> str | None:
    if len(data) > MAX_BYTES:
        log.say(problems.Place(file, None), "too_large", limit=MAX_BYTES)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        log.error(
            file, line, "encoding", f"not valid UTF-8 at byte offset {e.start}; save it as UTF-8"
        )
        return None


#: What a parser's complaint means for the one who wrote the file, by its words.
_YAML_HINTS = {
    "expected '-' indicator": (
        "the items of a list each start with '- ', all in the same column: check the "
        "indentation of this line against the items above it"
    ),
    "expected key": (
        "the keys of one mapping start in the same column: check the indentation of this line "
        "against the keys above it"
    ),
    "mapping values are not allowed": (
        "': ' inside a value starts a key: put the value in quotes, or check the indentation"
    ),
    "cannot start any token": "YAML indents with spaces, never with tabs",
}


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (e.context, e.problem) if p]
    hints = [h for words, h in _YAML_HINTS.items() if any(words in p for p in parts)]
    return "; ".join(parts + hints) or "not valid YAML"


def _mark(node: Node) -> Place:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _plain(node: Node, path: Path, placed: _PlacedData, depth: int) -> object:
    placed.count += 1
    if placed.count > MAX_VALUES:
        raise _Refused(_mark(node), "too_large.aliases", limit=MAX_VALUES)
    if depth > MAX_DEPTH:
        raise _Refused(_mark(node), "too_deep", depth=MAX_DEPTH)
    placed.values.setdefault(path, _mark(node))
    if isinstance(node, MappingNode) and node.tag == _TAG + "map":
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = _plain_scalar(key_node, placed)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise _Refused(_mark(key_node), "invalid_key")
            if key in result:
                raise _Refused(_mark(key_node), "duplicate_key", key=key)
            placed.keys.setdefault((*path, key), _mark(key_node))
            result[key] = _plain(value_node, (*path, key), placed, depth + 1)
        return result
    if isinstance(node, SequenceNode) and node.tag == _TAG + "seq":
        return [_plain(item, (*path, i), placed, depth + 1) for i, item in enumerate(node.value)]
    if isinstance(node, ScalarNode):
        placed.scalars[path] = node
    return _plain_scalar(node, placed)


def _plain_scalar(node: Node, placed: _PlacedData) -> object:
    if isinstance(node, ScalarNode):
        if node.tag == _TAG + "timestamp":  # periods are text: 2022-06-30 stays as written
            return node.value
        if node.tag in _SCALAR_TAGS:
            try:
                value = placed.constructor.construct_object(node)
            except ConstructorError as e:
                raise _Refused(_mark(node), "invalid_value.yaml", problem=e.problem) from None
            except ValueError:  # an integer of more digits than Python converts
                raise _too_large(node) from None
            if isinstance(value, int) and value.bit_length() > _FLOAT_BITS:
                raise _too_large(node)
            return value
    if node.tag == _TAG + "merge":
        raise _Refused(_mark(node), "yaml_tag.merge")
    tag = node.tag.replace(_TAG, "!!")
    raise _Refused(_mark(node), "yaml_tag", tag=tag)


#: Bits of the largest integer a float holds: no figure of a programme is larger.
_FLOAT_BITS = 1024


def _too_large(node: Node) -> _Refused:
    """An integer beyond any float, refused before its digits are shown in a message
    (Python converts at most 4300 of them)."""
    return _Refused(_mark(node), "invalid_value.digits", length=len(node.value))


def _problems_of(error: ValidationError) -> list[tuple[Finding, bool]]:
    """Each Pydantic error as (finding, is-about-a-key), in the words of the file.

    The rules across fields (`cross_field`) are left out: the loader runs them itself.
    """
    problems = []
    for e in error.errors():
        loc: Path = tuple(e["loc"])
        kind = e["type"]
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        if kind == "cross_field":
            continue
        if kind == "extra_forbidden":
            problems.append((Finding(loc, "unknown_key", _unknown_key_message(str(loc[-1]))), True))
        elif kind == "missing":
            problems.append(
                (Finding(loc[:-1], "missing_key", f"'{name}' is required: add it"), False)
            )
        else:
            code, message = _field_message(kind, name, loc, e)
            problems.append((Finding(loc, code, message), False))
    return problems


#: What to write where a value of another kind stands, by Pydantic's error type.
_KIND_WANTED = {
    "float": "a number (digits, with a point for decimals)",
    "int": "a whole number",
    "bool": "true or false",
    "string": "text",
    "model": "keys with values, one 'key: value' a line, indented under this key",
    "dict": "keys with values, one 'key: value' a line, indented under this key",
    "list": "a list, one item a line starting with '- '",
}


def _field_message(kind: str, name: str, loc: Path, e: ErrorDetails) -> tuple[str, str]:
    """(code, message) for an error of one field."""
    if kind == "invalid_key":
        return "invalid_key", (
            f"'{loc[-1]}' stands where a key should be; inside {{ }} a comma separates entries, "
            "so write numbers without separators (1200, not 1,200)"
        )
    if kind == "string_pattern_mismatch":
        return "invalid_value", _id_message(loc, e["input"])
    if name == "tolerance" and kind.startswith(("greater", "less")):
        return "out_of_range", _tolerance_message(e["input"])
    if kind in ("literal_error", "enum", "value_error", "finite_number"):
        return "invalid_value", f"{name}: {_lower(e['msg'])}"
    if kind in ("too_short", "string_too_short"):
        return "empty", f"{name}: {_lower(e['msg'])}"
    if name == "year" and kind.startswith(("greater", "less")):
        return (
            "out_of_range",
            f"a year is written in four digits, from {FIRST_YEAR} to {LAST_YEAR}, such as 2030",
        )
    if kind.startswith(("greater", "less")):
        return "out_of_range", f"{name}: {_lower(e['msg'])}"
    if wanted := next((w for k, w in _KIND_WANTED.items() if kind.startswith(k)), None):
        return "invalid_type", f"{name}: write {wanted} here{_unquote_hint(e['input'])}"
    if "url" not in e:  # a rule of ktt's own (PydanticCustomError): its message says it all
        return kind, f"{name}: {e['msg']}" if name else e["msg"]
    return kind, f"{name}: {_lower(e['msg'])}" if name else e["msg"]


def _unquote_hint(given: object) -> str:
    if isinstance(given, str) and re.fullmatch(r"-?(0|[1-9]\d*)(\.\d+)?", given.strip()):
        return f"; a number is written without quotes: {given.strip()}"
    return ""


def _id_message(loc: Path, given: object) -> str:
    if loc[:1] == ("programme",):
        rule = (
            "a programme id is lowercase letters a to z, digits and hyphens, such as yen-bai-nq20"
        )
        fixed = re.sub(r"_+", "-", normal_name(str(given))).strip("-")
    else:
        rule = (
            "an indicator id is lowercase letters a to z, digits and underscores, such as htx_count"
        )
        fixed = normal_name(str(given))
    hint = f"; did you mean '{fixed}'?" if fixed and fixed != given else ""
    return f"{rule} (no capitals, spaces or diacritics){hint}"


def _tolerance_message(given: object) -> str:
    if isinstance(given, int | float) and 1 <= given < 100:
        percent = plain_number(given)
        return f"a tolerance is a fraction: write {plain_number(given / 100)} for {percent}%"
    return "a tolerance is a fraction between 0 and 1: write 0.05 for 5%"


#: The keys whose values are numbers, checked on their text.
_NUMBER_KEYS = frozenset({"value", "year", "tolerance", "period", "schema_version"})
_LEADING_ZERO = re.compile(r"([-+]?)0+(?=\d)")
_GROUPED = re.compile(r"[-+]?\d{1,3}([.,]\d{3})+")


def number_text_findings(plain: dict[object, object], placed: _PlacedData) -> Iterator[Finding]:
    """Numbers refused for how they are written, whatever YAML made of them (SPEC §2)."""
    for path, node in placed.scalars.items():
        share = len(path) >= 2 and path[-2] == "by_region"  # a region's share is a value
        if path and (path[-1] in _NUMBER_KEYS or share):
            key = "value" if share else str(path[-1])
            problem = _number_text_problem(node, _unit_at(plain, path), key)
            if problem:
                yield Finding(path, *problem)


def _unit_at(plain: dict[object, object], path: Path) -> Unit | None:
    """The unit of the indicator that `path` lies in, if it has a valid one."""
    if len(path) < 2 or path[0] != "indicators":
        return None
    indicators = plain.get("indicators")
    if not isinstance(indicators, list) or not isinstance(path[1], int):
        return None
    indicator = indicators[path[1]]
    unit = indicator.get("unit") if isinstance(indicator, dict) else None
    return Unit(unit) if unit in {u.value for u in Unit} else None


def _number_text_problem(node: ScalarNode, unit: Unit | None, key: str) -> tuple[str, str] | None:
    text, plain_style = node.value.strip(), not node.style  # libyaml: '', PyYAML: None
    is_value = key == "value"
    if plain_style and ":" in text and node.tag != _TAG + "str":
        return (
            "base_60",
            f"'{text}' has a colon, which YAML reads as a number in base 60 "
            f"({_read_as(node)}); write the figure with digits only, or a period in quotes",
        )
    if plain_style and _LEADING_ZERO.match(text):
        fixed = (
            "the year in four digits, such as 2030"
            if key == "year"
            else _LEADING_ZERO.sub(r"\1", text, count=1)
        )
        return (
            "leading_zero",
            f"'{text}' has a leading zero, which YAML reads as a number in base 8"
            f"{f' ({_read_as(node)})' if node.tag == _TAG + 'int' else ''}; write {fixed}",
        )
    if (
        is_value
        and _GROUPED.fullmatch(text)
        and (unit in (Unit.COUNT, Unit.PERSONS) or "," in text)
    ):
        digits = re.sub(r"[.,]", "", text)
        return (
            "thousands_separator",
            f"'{text}' groups thousands, which a targets file does not (YAML would read it as "
            f"{_read_as(node)}): write it without separators: {digits}",
        )
    if is_value and plain_style and re.fullmatch(r"[-+]?\d+,\d+", text):
        return (
            "decimal_comma",
            f"'{text}': write the decimal with a point: {text.replace(',', '.')}",
        )
    return None


def _read_as(node: ScalarNode) -> str:
    try:
        value = SafeConstructor().construct_object(node)
    except ConstructorError:
        return "not a number"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return plain_number(value)
    return "text"


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]


def _unknown_key_message(key: str) -> str:
    if key in _KNOWN_KEYS:
        return f"the key '{key}' does not belong here: check its indentation and its place"
    close = closest_of(key, _KNOWN_KEYS)
    return f"unknown key '{key}'" + (f"; did you mean '{close}'?" if close else "")


def _place(loc: Path, placed: _PlacedData, on_key: bool) -> Place:
    """The place of the deepest node that `loc` reaches.

    Parts of `loc` that are not in the document (the `vi` of a name given as plain
    text, a key that is missing) are passed over.
    """
    path: Path = ()
    for part in loc:
        if (*path, part) in placed.values:
            path = (*path, part)
    if on_key and path in placed.keys:
        return placed.keys[path]
    return placed.values.get(path, (1, 1))
