"""The cyclic garbage collector switched on or off for a stretch of work, then back.

Stretches may overlap (the library read from two threads): the collector runs while any
running stretch asks for it (a workbook's parser leaves cycles behind), is off while
only stretches that ask it off run, and is as it was before the first of them once the
last one ends, whatever order they end in.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
#: What each running stretch asked for, and the collector's state before the first.
_RUNNING: list[bool] = []
_BEFORE: list[bool] = []


def _apply() -> None:
    if any(_RUNNING) or (not _RUNNING and _BEFORE and _BEFORE[0]):
        gc.enable()
    else:
        gc.disable()


@contextmanager
def cyclic_gc(enabled: bool) -> Iterator[None]:
    """Run the block with the collector `enabled` (or not), then as it was before."""
    with _LOCK:
        if not _RUNNING:
            _BEFORE[:] = [gc.isenabled()]
        _RUNNING.append(enabled)
        _apply()
    try:
        yield
    finally:
        with _LOCK:
            _RUNNING.remove(enabled)
            _apply()
