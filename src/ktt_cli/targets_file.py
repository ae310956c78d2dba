"""Targets file bytes -> TargetsFile, every problem with the line and column of its node.

The YAML is composed into nodes with the safe loader (nothing is constructed
from tags), then turned into plain data by hand so that each value keeps its
place, duplicate keys are caught, and only plain-data tags pass. The plain data
is validated by the models; each Pydantic error is placed through its path.
"""

from __future__ import annotations

import difflib
import re

import yaml
import yaml.reader
from pydantic import ValidationError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ktt_cli.model import (
    Baseline,
    Indicator,
    LocalText,
    Programme,
    Qualitative,
    Target,
    TargetsFile,
)
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
        self.count = 0
        self.constructor = SafeConstructor()


class _Refused(Exception):
    """The document cannot be read as plain data; the place and code say why."""

    def __init__(self, place: Place, code: str, message: str) -> None:
        super().__init__(message)
        self.place, self.code, self.message = place, code, message


def read_targets(data: bytes, file: str, log: ProblemLog) -> TargetsFile | None:
    """Validate a targets file; log every problem and return None when there are any."""
    errors_before = log.errors
    text = _decode(data, file, log)
    if text is None:
        return None
    if (deep := _nesting_beyond(text, _PARSER_DEPTH)) is not None:
        log.error(file, deep, "too_deep", f"values nest more than {_PARSER_DEPTH} deep")
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
        log.error(file, 1, "empty_file", "the file holds no YAML document", 1)
        return None
    placed = _PlacedData()
    try:
        plain = _plain(root, (), placed, 0)
    except _Refused as e:
        log.error(file, e.place[0], e.code, e.message, e.place[1])
        return None
    if not isinstance(plain, dict):
        log.error(file, 1, "not_a_mapping", "a targets file is a mapping of keys to values", 1)
        return None
    try:
        targets = TargetsFile.model_validate(plain)
    except ValidationError as e:
        for path, code, message, on_key in _problems_of(e):
            line, column = _place(path, placed, on_key)
            log.error(file, line, code, message, column)
    return targets if log.errors == errors_before else None


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
        log.error(file, None, "too_large", f"a targets file is at most {MAX_BYTES} bytes")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        log.error(
            file, line, "encoding", f"not valid UTF-8 at byte offset {e.start}; save it as UTF-8"
        )
        return None


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (e.context, e.problem) if p]
    return "; ".join(parts) or "not valid YAML"


def _mark(node: Node) -> Place:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _plain(node: Node, path: Path, placed: _PlacedData, depth: int) -> object:
    placed.count += 1
    if placed.count > MAX_VALUES:
        raise _Refused(
            _mark(node),
            "too_large",
            f"the document expands to more than "
            f"{MAX_VALUES} values (aliases repeated without end?)",
        )
    if depth > MAX_DEPTH:
        raise _Refused(_mark(node), "too_deep", f"values nest more than {MAX_DEPTH} deep")
    placed.values.setdefault(path, _mark(node))
    if isinstance(node, MappingNode) and node.tag == _TAG + "map":
        result: dict[object, object] = {}
        for key_node, value_node in node.value:
            key = _plain_scalar(key_node, placed)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise _Refused(_mark(key_node), "invalid_key", "a key must be plain text")
            if key in result:
                raise _Refused(_mark(key_node), "duplicate_key", f"the key '{key}' appears twice")
            placed.keys.setdefault((*path, key), _mark(key_node))
            result[key] = _plain(value_node, (*path, key), placed, depth + 1)
        return result
    if isinstance(node, SequenceNode) and node.tag == _TAG + "seq":
        return [_plain(item, (*path, i), placed, depth + 1) for i, item in enumerate(node.value)]
    return _plain_scalar(node, placed)


def _plain_scalar(node: Node, placed: _PlacedData) -> object:
    if isinstance(node, ScalarNode):
        if node.tag == _TAG + "timestamp":  # periods are text: 2022-06-30 stays as written
            return node.value
        if node.tag in _SCALAR_TAGS:
            try:
                return placed.constructor.construct_object(node)
            except ConstructorError as e:
                raise _Refused(_mark(node), "invalid_value", str(e.problem)) from None
    if node.tag == _TAG + "merge":
        raise _Refused(_mark(node), "yaml_tag", "merge keys (<<) are not supported")
    tag = node.tag.replace(_TAG, "!!")
    raise _Refused(
        _mark(node),
        "yaml_tag",
        f"the tag {tag} is not allowed: a targets file holds plain text, numbers and lists",
    )


def _problems_of(error: ValidationError) -> list[tuple[Path, str, str, bool]]:
    """Each Pydantic error as (path, code, message, is-about-a-key)."""
    problems = []
    for e in error.errors():
        loc: Path = tuple(e["loc"])
        kind = e["type"]
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        ctx = e.get("ctx") or {}
        if kind == "cross_field":
            problems.extend(((*loc, *p), code, msg, False) for p, code, msg in ctx["findings"])
        elif kind == "extra_forbidden":
            problems.append((loc, "unknown_key", _unknown_key_message(str(loc[-1])), True))
        elif kind == "missing":
            problems.append((loc[:-1], "missing_key", f"'{name}' is required", False))
        elif kind in ("literal_error", "enum", "string_pattern_mismatch", "value_error"):
            problems.append((loc, "invalid_value", f"{name}: {_lower(e['msg'])}", False))
        elif kind in ("too_short", "string_too_short"):
            problems.append((loc, "empty", f"{name}: {_lower(e['msg'])}", False))
        elif "_type" in kind or kind.endswith("_parsing") or kind == "model_type":
            problems.append((loc, "invalid_type", f"{name}: {_lower(e['msg'])}", False))
        elif kind == "finite_number":
            problems.append((loc, "invalid_value", f"{name}: {_lower(e['msg'])}", False))
        elif kind.startswith(("greater", "less")):
            problems.append((loc, "out_of_range", f"{name}: {_lower(e['msg'])}", False))
        elif "url" not in e:  # a rule of ktt's own (PydanticCustomError): its message says it all
            problems.append((loc, kind, e["msg"], False))
        else:
            problems.append((loc, kind, f"{name}: {e['msg']}" if name else e["msg"], False))
    return problems


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]


def _unknown_key_message(key: str) -> str:
    close = difflib.get_close_matches(key, _KNOWN_KEYS, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown key '{key}'{hint}"


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
