"""The least a program on ktt's stack can do for `ktt report examples/actuals.csv`.

A Typer command that validates one small Pydantic model and prints one Rich table of
the size of ktt's (13 rows, 6 columns, Vietnamese text): no YAML, no CSV, no maths.
`benchmarks/run.py` times it beside ktt to show how much of ktt's start-up the stack
itself takes, above the bare imports the budget of SPEC §7 measures against.
"""

from __future__ import annotations

from typing import Annotated

import rich.table
import typer
import yaml  # noqa: F401 - imported as ktt's report imports it
from pydantic import BaseModel

app = typer.Typer(add_completion=False)


class Target(BaseModel):
    year: int
    value: float
    text: str


@app.command()
def report(_actuals: Annotated[list[str], typer.Argument()]) -> None:
    from rich.console import Console

    targets = [
        Target.model_validate({"year": 2030, "value": 1200, "text": "1.200 hợp tác xã"})
        for _ in range(13)
    ]
    table = rich.table.Table(title="Mục tiêu đến năm 2030")
    for name in ("Chỉ tiêu", "Mục tiêu", "Thực hiện", "Còn thiếu", "Đạt", "Tình trạng"):
        table.add_column(name)
    for target in targets:
        table.add_row(
            "Số thành viên hợp tác xã", f"≥ {target.value:,.0f}", "834\n2025-02", "366",
            "69,5%\n███▌·", "đúng hướng",
        )  # fmt: skip
    Console(color_system=None).print(table)


@app.command()
def version() -> None:
    typer.echo("stack floor")


if __name__ == "__main__":
    app()
