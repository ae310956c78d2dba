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
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ktt_cli import problems
from ktt_cli.messages import Message, message
from ktt_cli.model import (
    TargetsFile,
)
from ktt_cli.problems import ProblemLog, shown
from ktt_cli.programme_rules import file_findings
from ktt_cli.targets_problems import _NUMBER_KEYS, _TAG, Path, _number_text_problem, _problems_of
from ktt_cli.units import Finding, Unit

_C_LOADER = hasattr(yaml, "CSafeLoader")
_LOADER = yaml.CSafeLoader if _C_LOADER else yaml.SafeLoader
#: A targets file is a few hundred values; these limits stop alias bombs and deep
#: nesting long before they cost time or memory.
MAX_VALUES = 100_000
MAX_DEPTH = 32
MAX_BYTES = 5 * 1024 * 1024
_PARSER_DEPTH = 200  # what the parser is given at most: far beyond MAX_DEPTH, far below a crash
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\n]|\'\')*\'')

_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null")}

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
    """The document cannot be read as plain data; the place and the message say why."""

    def __init__(self, place: Place, key: str, /, **values: object) -> None:
        self.said = message(key, **values)
        super().__init__(self.said.text("en"))
        self.place = place


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
        log.tell(problems.Place(file, line), _yaml_message(e, text), "error", column)
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
        log.say(
            problems.Place(file, line),
            "yaml_syntax.character",
            "error",
            column,
            code=f"U+{code:04X}",
        )
        return None
    except (yaml.YAMLError, RecursionError):
        log.say(problems.Place(file, None), "yaml_syntax")
        return None
    if root is None:
        log.say(problems.Place(file, 1), "empty_file.yaml", "error", 1)
        return None
    placed = _PlacedData()
    try:
        plain = _plain(root, (), placed, 0)
    except _Refused as e:
        log.tell(problems.Place(file, e.place[0]), e.said, "error", e.place[1])
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
    found: list[tuple[Finding, bool]] = [(f, False) for f in numbers]
    targets: TargetsFile | None
    try:
        targets = TargetsFile.model_validate(plain)
    except ValidationError as e:
        targets = None
        found.extend(_problems_of(e))
    found.extend((f, False) for f in file_findings(plain))
    for rule, on_key in found:
        if on_key or rule in numbers or not _under(rule.path, refused):
            line, column = _place(rule.path, placed, on_key)
            log.tell(problems.Place(file, line), rule.said, rule.severity, column)
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
        if _looks_utf16(data):  # Word's and Notepad's "Unicode": UTF-16, with or without BOM
            log.say(problems.Place(file, None), "encoding.targets_utf16")
            return None
        line = data[: e.start].count(b"\n") + 1
        byte = f"0x{data[e.start]:02x}"
        log.say(problems.Place(file, line), "encoding.targets", byte=byte, offset=e.start)
        return None


def _looks_utf16(data: bytes) -> bool:
    """A byte order mark of UTF-16, or a NUL beside most characters of the first ones."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:200]
    return len(head) >= 4 and head.count(0) * 3 >= len(head)


#: What a parser's complaint means for the one who wrote the file, by its words: the
#: catalogue's way of saying it (never the parser's own words, which are English).
_YAML_HINTS = {
    "expected '-' indicator": "yaml_syntax.list",
    "expected key": "yaml_syntax.key",
    "mapping values are not allowed": "yaml_syntax.colon",
    "cannot start any token": "yaml_syntax.tab",
    "could not find expected ':'": "yaml_syntax.simple_key",
    "while scanning a quoted scalar": "yaml_syntax.quote",
    "expected ',' or ']'": "yaml_syntax.bracket",
    "expected ',' or '}'": "yaml_syntax.brace",
}


def _yaml_message(e: yaml.MarkedYAMLError, text: str) -> Message:
    """The parser's complaint said from the catalogue: a no-break space on the line (Word
    and web pages put one after a colon), else by the words of the complaint."""
    mark = e.problem_mark or e.context_mark
    last = max((m.line for m in (e.context_mark, e.problem_mark) if m is not None), default=-1)
    for number, line in enumerate(text.split("\n")[: last + 1], start=1):
        if "\u00a0" in line:  # the first no-break space up to the line YAML stopped at
            return message("yaml_syntax.nbsp", line=number)
    parts = " ".join(p for p in (e.context, e.problem) if p)
    key = next((k for words, k in _YAML_HINTS.items() if words in parts), "yaml_syntax")
    return message(key) if mark is None or key != "yaml_syntax" else message("yaml_syntax")


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
            except ConstructorError:
                tag = node.tag.replace(_TAG, "!!")
                value = shown(node.value)
                raise _Refused(_mark(node), "invalid_value.yaml", value=value, tag=tag) from None
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


def number_text_findings(plain: dict[object, object], placed: _PlacedData) -> Iterator[Finding]:
    """Numbers refused for how they are written, whatever YAML made of them (SPEC §2)."""
    for path, node in placed.scalars.items():
        share = len(path) >= 2 and path[-2] == "by_region"  # a region's share is a value
        if path and (path[-1] in _NUMBER_KEYS or share):
            key = "value" if share else str(path[-1])
            problem = _number_text_problem(node, _unit_at(plain, path), key)
            if problem:
                yield Finding(path, problem)


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
