"""`ktt schema`: the JSON Schema of the targets file, for editors and other tools."""

from __future__ import annotations

import typer

from ktt_cli.cli.app import app
from ktt_cli.cli.helps import command
from ktt_cli.cli.options import Lang, LangOption


@app.command(**command("schema"))
def schema(
    lang: LangOption = Lang.VI,  # noqa: ARG001 (the schema has no words; its errors do)
) -> None:
    """Print the JSON Schema of the targets file (for editors and other tools)."""
    from ktt_cli.model import json_schema
    from ktt_cli.render.json import dumps

    typer.echo(dumps(json_schema()), nl=False)
