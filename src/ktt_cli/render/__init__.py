"""Renderers by format name: each turns a Report into text or bytes in a language.

A renderer's module is imported only when its format is asked for, so that a
run pays the start-up of the libraries its own format needs (Rich for the
table, Jinja2 and matplotlib for HTML, xlsxwriter for the workbook, python-docx
for the report document) and no
other. A new format is one module and one line here.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple, cast

if TYPE_CHECKING:
    from ktt_cli.results import Report


class Format(NamedTuple):
    module: str  # under ktt_cli.render
    function: str  # (report, lang) -> str | bytes
    binary: bool = False  # bytes, never for a terminal
    bom: bool = False  # a file written with --output starts with a UTF-8 BOM (Excel)
    parts: str | None = None  # (report, lang) -> Iterator[str]: the same text, in parts


FORMATS: dict[str, Format] = {
    "table": Format("table", "report_text"),
    "json": Format("json", "report_json", parts="report_json_parts"),
    "csv": Format("csv", "report_csv", bom=True),
    "markdown": Format("markdown", "report_markdown"),
    "html": Format("html", "report_html", parts="report_html_parts"),
    "xlsx": Format("xlsx", "report_xlsx", binary=True),
    "docx": Format("docx", "report_docx", binary=True),
}


def render(report: Report, name: str, lang: str, **options: object) -> str | bytes:
    """`report` in the format called `name`, with labels in `lang` (and the options that
    format's function takes, such as html's `draw`)."""
    chosen = FORMATS[name]
    function = cast("Callable[..., str | bytes]", _function(chosen, chosen.function))
    return function(report, lang, **options)


def report_in(report: Report, format: str, lang: str) -> str | bytes:
    """`report` in the format `format`, or ValueError naming the formats there are."""
    if format not in FORMATS:
        raise ValueError(f"no format {format!r}; choose one of {', '.join(FORMATS)}")
    return render(report, format, lang)


def render_parts(
    report: Report, name: str, lang: str, **options: object
) -> str | bytes | Iterator[str]:
    """`render`, in parts where the format makes its text so: a breakdown of thousands of
    regions is then written as it is made, never held whole (with the copies that
    joining it would make, it would be most of a run's memory)."""
    chosen = FORMATS[name]
    if chosen.parts is None:
        return render(report, name, lang, **options)
    function = cast("Callable[..., Iterator[str]]", _function(chosen, chosen.parts))
    return function(report, lang, **options)


def _function(chosen: Format, name: str) -> object:
    return getattr(importlib.import_module(f"ktt_cli.render.{chosen.module}"), name)


class _Package(types.ModuleType):
    """This package, callable as the API's `render` (`ktt_cli.api.render`): the package
    and the function the API exports share the name `ktt_cli.render`, and importing the
    package sets that attribute to it, so the package answers the call itself."""

    def __call__(self, report: Report, format: str = "table", *, lang: str = "vi") -> str | bytes:
        return report_in(report, format, lang)


sys.modules[__name__].__class__ = _Package
