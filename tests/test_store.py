"""The store only stores: figures in, figures out, no judgement; what the figures say
together is told after collection by `load.consistency`, and nothing outside the store
reaches into its arrays."""

from __future__ import annotations

import ast
from pathlib import Path

from ktt_cli.load.consistency import consistency
from ktt_cli.periods import parse_period
from ktt_cli.store import TERRITORY, Store, build_actuals

SRC = Path(__file__).resolve().parent.parent / "src" / "ktt_cli"

#: The store's insides: its lists and arrays, and the slots of a series.
INSIDES = {"dense", "period_index", "_order"}
OF_STORE = {"periods", "cells", "files"}
OF_CELLS = {"values", "places", "periods", "extras"}


def _owner(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def test_nothing_outside_the_store_reaches_into_it() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name in ("store.py", "store_cells.py"):  # the store and its parts
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            owner = _owner(node.value)
            if (
                node.attr in INSIDES
                or (owner == "store" and node.attr in OF_STORE)
                or (owner == "store" and node.attr == "size" and isinstance(node.ctx, ast.Store))
                or (owner == "cells" and node.attr in OF_CELLS)
            ):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {owner}.{node.attr}")
    assert found == []


def _store() -> Store:
    """Two territory figures at the same moment (2024 and 2024-12) that differ, and a
    second indicator with a region's figure but none for the territory."""
    store = Store(["htx_count", "thu_nhap"])
    store.places.begin("a.csv")
    year, december = store.period(parse_period("2024")), store.period(parse_period("2024-12"))
    territory = store.region_cells("htx_count", TERRITORY, "")
    store.put(territory, year, 100.0, 2)
    store.put(territory, december, 90.0, 3)
    store.put(store.region_cells("thu_nhap", "xa a", "Xã A"), year, 50.0, 4)
    store.places.end(5)
    return store


def test_building_the_data_set_judges_nothing() -> None:
    actuals = build_actuals(_store())
    # the coarser period's figure is used: 2024's 100, not December's 90
    assert [(o.period.text, o.value) for o in actuals.series["htx_count"]] == [("2024", 100.0)]
    assert actuals.regions == {"thu_nhap": 1}
    assert actuals.rows == 3


def test_consistency_rules_yield_problems_after_collection() -> None:
    actuals = build_actuals(_store())
    problems = list(consistency(actuals, {"htx_count": "htx_count", "thu_nhap": "thu_nhap"}))
    assert [(p.code, p.file, p.line, p.severity) for p in problems] == [
        ("same_moment", "a.csv", 1, "warning"),  # place 2 is line 1 of a.csv (place 1 is 0)
        ("no_territory_rows", "a.csv", 3, "warning"),
    ]
    assert "December 2024" in problems[0].message or "2024-12" in problems[0].message
