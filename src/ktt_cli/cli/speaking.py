"""A command's `ktt: error:` lines in the language of its own `--lang`.

Usage errors are said in KTT_LANG's language (messages.usage), because some come
before a command has read its options; `ktt --lang en coverage …` sets KTT_LANG, but
`ktt coverage … --lang en` did not. A command that has read its --lang speaks it for
the length of its run, and KTT_LANG is put back as it was after.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    before = os.environ.get("KTT_LANG")
    os.environ["KTT_LANG"] = lang
    try:
        yield
    finally:
        if before is None:
            del os.environ["KTT_LANG"]
        else:
            os.environ["KTT_LANG"] = before
