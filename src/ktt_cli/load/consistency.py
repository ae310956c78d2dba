"""What the figures read say together, told after collection (SPEC §3, §8).

The store keeps every figure and judges none; these rules read a data set and yield
the problems they find, as values, for the reader to log: an indicator with region rows
but no territory row, and two periods that end at the same moment with different
figures (the coarser period's is the one used).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ktt_cli.figures_text import plain_number
from ktt_cli.messages import message
from ktt_cli.problems import Place, Problem
from ktt_cli.store import TERRITORY, Actuals, Observation, one_a_moment


def consistency(actuals: Actuals, names: Mapping[str, str]) -> Iterator[Problem]:
    """Every problem of the figures of `actuals` taken together, indicator by indicator;
    `names` gives each indicator's name for messages."""
    store = actuals.store
    if store is None:
        return
    shared_moments = store.shares_moments()
    for indicator, name in names.items():
        by_region = store.series_of(indicator)
        if shared_moments:
            for key in by_region:
                if key != TERRITORY:
                    differ = one_a_moment(store.observations(indicator, key))[1]
                    yield from _differ(differ, name)
        if TERRITORY in by_region:
            yield from _differ(one_a_moment(store.observations(indicator, TERRITORY))[1], name)
        elif by_region:
            first = min(n for cells in by_region.values() for _, _, n in cells.items())
            yield _warning(
                store.place(first), "no_territory_rows", indicator=name, regions=len(by_region)
            )


def _differ(differ: list[tuple[Observation, Observation]], name: str) -> Iterator[Problem]:
    for kept, dropped in differ:
        yield _warning(
            Place(kept.file, kept.line, kept.sheet, kept.cell),
            "same_moment",
            indicator=name,
            period=kept.period,
            other=dropped.period,
            value=plain_number(kept.value),
            other_value=plain_number(dropped.value),
            at=_at(dropped),
        )


def _warning(place: Place, key: str, **values: object) -> Problem:
    return Problem.of(place, message(key, **values), "warning")


def _at(observation: Observation) -> str:
    if observation.sheet is not None:
        return f"{observation.file}:{observation.sheet}!{observation.cell}"
    return f"{observation.file}:{observation.line}"
