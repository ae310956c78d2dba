"""The cyclic garbage collector switched on or off for a stretch of work, then back."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc(enabled: bool) -> Iterator[None]:
    """Run the block with the collector `enabled` (or not), then as it was before."""
    was = gc.isenabled()
    if enabled:
        gc.enable()
    else:
        gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
