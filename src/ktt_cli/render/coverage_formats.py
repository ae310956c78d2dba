"""The formats of `ktt coverage --format`, each a function of a Coverage and a language: a
registry apart from the renderers, as render.FORMATS is for the report."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ktt_cli.coverage import Coverage
from ktt_cli.render.coverage import (
    coverage_csv,
    coverage_html,
    coverage_json,
    coverage_markdown,
    coverage_text,
)


class CoverageFormat(NamedTuple):
    render: Callable[[Coverage, str], str | bytes]
    binary: bool = False
    bom: bool = False


def _xlsx(found: Coverage, lang: str) -> bytes:
    from ktt_cli.render.coverage_xlsx import coverage_xlsx

    return coverage_xlsx(found, lang)


COVERAGE_FORMATS: dict[str, CoverageFormat] = {
    "table": CoverageFormat(coverage_text),
    "json": CoverageFormat(coverage_json),
    "csv": CoverageFormat(coverage_csv, bom=True),
    "markdown": CoverageFormat(coverage_markdown),
    "html": CoverageFormat(coverage_html),
    "xlsx": CoverageFormat(_xlsx, binary=True),
}
