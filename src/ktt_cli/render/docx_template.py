"""An office's own Word template for the report document: checked, opened as a document,
its fields found and filled."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ktt_cli.problems import printable

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph


#: The fields a template may hold, by name: `{{ issuer }}`; `summary` and `appendix` are
#: blocks, alone in their paragraph.
FIELDS = (
    "superior", "issuer", "number", "place", "date", "place_date", "title", "about",
    "as_of", "programme", "territory", "signer_title", "signer", "summary", "appendix",
)  # fmt: skip


_BLOCKS = ("summary", "appendix")


_FIELD = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")


class TemplateProblem(ValueError):
    """A template that cannot be used: not a Word document, or a field ktt does not know."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def check_template(template: bytes) -> None:
    """Raises TemplateProblem where `template` is no Word document or holds a field ktt
    does not know: said before any file is read."""
    document = _open(template)
    for paragraph in _paragraphs(document):
        _fields(paragraph.text)


def _fields(text: str) -> list[str]:
    """The fields of a paragraph's text; a field ktt does not know is a TemplateProblem."""
    names: list[str] = _FIELD.findall(text) if "{{" in text else []
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise TemplateProblem(
            "usage.template_field", placeholder=unknown[0], fields=", ".join(FIELDS)
        )
    alone = _FIELD.fullmatch(text.strip())
    block = next((n for n in names if n in _BLOCKS), None)
    if block is not None and (alone is None or len(names) > 1):
        raise TemplateProblem("usage.template_block", placeholder=block)
    return names


def _open(template: bytes) -> Document:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(_as_document(template)))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        # python-docx names the file it was given, here the bytes' Python object: left out
        why = re.sub(r"file '<[^']*>' ", "", str(e)) or type(e).__name__
        raise TemplateProblem("usage.template_unreadable", why=why) from None


_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"


_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def _as_document(template: bytes) -> bytes:
    """A Word template (.dotx), which is what offices keep their letterheads as, made the
    document it opens as in Word: the same parts, the main part's type a document's. A
    .docx (or anything else) is given back as it is; a template with macros (.dotm) is
    not taken, as a document with macros is not."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(template)) as package:
            types = package.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return template
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
                for item in package.infolist():
                    data = package.read(item)
                    if item.filename == "[Content_Types].xml":
                        data = data.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                    made.writestr(item, data)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return template  # python-docx says what is wrong with it


def _paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the document: the body, its tables, the headers and footers."""
    seen: list[object] = [document]
    for section in document.sections:
        for margin in (
            section.header, section.footer, section.first_page_header,
            section.first_page_footer, section.even_page_header, section.even_page_footer,
        ):  # fmt: skip
            if not margin.is_linked_to_previous:  # reading one that is not there would add it
                seen.append(margin)
    for part in seen:
        yield from part.paragraphs  # type: ignore[attr-defined]
        for table in part.tables:  # type: ignore[attr-defined]
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _replace(paragraph: Paragraph, values: dict[str, str]) -> None:
    """The fields of a paragraph replaced by their values. A field within one run keeps
    that run's formatting; one split across runs (Word splits text where it was edited)
    is put whole in the first run of the paragraph."""

    def filled(text: str) -> str:
        return _FIELD.sub(lambda m: printable(values[m.group(1)]), text)

    runs = paragraph.runs
    for run in runs:
        if "{{" in run.text and _FIELD.search(run.text):
            run.text = filled(run.text)
    if "{{" in paragraph.text and runs:
        whole = filled(paragraph.text)
        runs[0].text = whole
        for run in runs[1:]:
            run.text = ""
