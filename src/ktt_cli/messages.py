"""The catalogue of messages a person reads, in both languages, looked up by a problem's code.

A problem keeps its code (never translated) and its arguments, already written as text;
the message is made from the template of the language asked for when it is shown. A
field's format names how the language writes it: `{value:num}` a plain number (`5300`,
`65.5`) that Vietnamese writes `5.300`, `65,5`; `{period:period}` a canonical period that
Vietnamese writes `6/2025`; `{indicator:indicator}` an indicator's id that a report names
by its name. English keeps the text as given, so its wording stays the messages' own.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ktt_cli.catalogue import MESSAGES

Args = tuple[tuple[str, str], ...]
#: How a language writes a field of a format (`num`, `period`), where the catalogue
#: cannot: `localise.py` gives Vietnamese's, so that this module imports nothing of ktt's.
Writers = Mapping[str, Callable[[str], str]]


#: Words a message takes from the program, as Vietnamese says them (`{role:word}`).
WORDS_VI = {
    "latest figure": "số liệu mới nhất",
    "baseline": "số gốc",
    "more than": "trên",
    "at least": "ít nhất",
    "less than": "dưới",
    "at most": "tối đa",
    "about": "khoảng",
    "the whole territory": "toàn tỉnh",
    "actuals": "số liệu",
    "targets or actuals": "mục tiêu hoặc số liệu",
    "indicator": "chỉ tiêu",
    "period": "kỳ",
    "value": "giá trị",
    "region": "địa bàn",
    "source": "nguồn",
    "note": "ghi chú",
    "count": "số lượng",
    "persons": "người",
    "percent": "phần trăm",
    "dot": "dấu chấm thập phân",
    "text": "chữ",
    "not a number": "không phải số",
    "comma": "dấu phẩy thập phân",
    # ---- what a file is when it is no text, and why a workbook cannot be read -----------
    "a PDF document": "một tài liệu PDF",
    "a gzip-compressed file": "một tệp nén gzip",
    "it is not a zip archive": "nó không phải tệp nén zip",
    "a compressed part of it is damaged": "một phần nén bên trong bị hỏng",
    "a part of it is larger than the file": "một phần bên trong lớn hơn cả tệp",
    "it has no workbook part": "nó không có phần sổ tính",
    "it has no content.xml": "nó không có content.xml",
    "its content cannot be parsed": "nội dung của nó không phân tích được",
}


class _Formatter(string.Formatter):
    """Writes each argument in the language of the message."""

    def __init__(self, lang: str, names: Mapping[str, str], writers: Writers) -> None:
        super().__init__()
        self.lang, self.names, self.writers = lang, names, writers

    def format_field(self, value: object, format_spec: str) -> str:
        text = str(value)
        if format_spec == "suggest":  # the closest name, asked about
            asked = "; có phải ý bạn là '{}'?" if self.lang == "vi" else "; did you mean '{}'?"
            return asked.format(text) if text else ""
        if format_spec == "indicator":
            return self.names.get(text, text)
        if self.lang == "en" or not format_spec:
            return text
        if format_spec in ("num", "period"):
            write = self.writers.get(format_spec)
            return write(text) if write else text
        if format_spec == "word":
            return WORDS_VI.get(text, text)
        if format_spec == "place":
            return _place(text)
        raise ValueError(f"unknown format {format_spec!r}")


def _place(text: str) -> str:
    """`line 4 of FILE`, `cell B3` as Vietnamese says them."""
    line = re.fullmatch(r"line (\d+)(?: of (.+))?", text, re.DOTALL)
    if line:
        return f"dòng {line[1]}" + (f" của {line[2]}" if line[2] else "")
    return re.sub(r"^cell ", "ô ", text)


def fields(template: str) -> set[str]:
    """The arguments a template takes."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Message(NamedTuple):
    """A message as a value: the catalogue's key (its code, or `code.way`) and the
    arguments it is said with (text, JSON-safe), said in a language only when shown."""

    key: str
    args: Args

    @property
    def code(self) -> str:
        return self.key.partition(".")[0]

    def text(
        self, lang: str, names: Mapping[str, str] | None = None, writers: Writers | None = None
    ) -> str:
        """The message in `lang`; numbers and periods as `writers` write them (as given
        without: `localise.say` gives each language's)."""
        return render(self.code, self.args, lang, names, writers)

    def on(self, field: str) -> Message:
        """The message about a field or an option, named before it as typed (`--compare:
        …`, `comparator: …`)."""
        return self._replace(args=(*self.args, ("field", field)))


def message(key: str, /, **values: object) -> Message:
    """The message of the catalogue's template `key` with `values`; an unknown key or a
    missing argument fails loudly here, where the message is made."""
    return Message(key, said(key, values)[1])


def again(code: str, args: Args) -> Message:
    """The message a problem or an error keeps as its code and arguments, made again."""
    return Message(dict(args).get("template", code), args)


def render(
    code: str,
    args: Args,
    lang: str,
    names: Mapping[str, str] | None = None,
    writers: Writers | None = None,
) -> str:
    """The message of `code` in `lang`, indicators (`{x:indicator}`, given by id) named by
    `names` (id -> name) in either language. A code said in more than one way keeps the
    key of its template (`empty_file.table`) as the argument `template`. A code the
    catalogue does not hold, or arguments that do not fill its template, fail loudly."""
    values = dict(args)
    key = values.pop("template", code)
    templates = MESSAGES.get(key)
    if templates is None:
        raise KeyError(f"no message {key!r} in the catalogue (messages.MESSAGES)")
    about = values.pop("about", None)  # the indicator a figure's problem is about
    field = values.pop("field", None)  # the field or option it is about, as typed
    if missing := fields(templates[lang]) - values.keys():
        raise KeyError(f"the message {key!r} needs {sorted(missing)}")
    formatter = _Formatter(lang, names or {}, writers or {})
    said = formatter.format(templates[lang], **values)
    if about:
        said = formatter.format("{about:indicator}: ", about=about) + said
    return f"{field}: {said}" if field else said


def usage(key: str, /, **values: object) -> Message:
    """A usage error (`ktt: error: …`), said in the user's language by the command line."""
    return message(key, **values)


def said(key: str, values: Mapping[str, object]) -> tuple[str, Args]:
    """The English message of the template `key` (a code, or `code.way` for a code said
    in more than one way) with `values`, and the arguments a problem keeps (text,
    JSON-safe) to say it again in another language."""
    code, _, way = key.partition(".")
    if key not in MESSAGES:
        raise KeyError(f"no message {key!r} in the catalogue (messages.MESSAGES)")
    args = tuple((k, str(v)) for k, v in values.items()) + ((("template", key),) if way else ())
    return render(code, args, "en"), args


def _check(catalogue: Mapping[str, Mapping[str, str]]) -> None:
    """Every message in both languages with the same arguments, checked at import."""
    for key, templates in catalogue.items():
        if set(templates) != {"vi", "en"}:
            raise ValueError(f"message {key!r}: languages {sorted(templates)}, not en and vi")
        if fields(templates["vi"]) != fields(templates["en"]):
            raise ValueError(f"message {key!r}: the two languages take different arguments")


_check(MESSAGES)
