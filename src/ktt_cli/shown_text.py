"""Text from a file or the command line made safe to show: escaped control characters,
invisible characters, long texts cut short. A leaf: it imports nothing of ktt's, so that
the readers of numbers and periods can quote what they refuse without importing the
problems they become."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

#: What `printable` escapes: C0 and C1 control characters, DEL, and surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@cache
def _escapes(lines: bool) -> dict[int, str]:
    """C0 and C1 control characters and DEL as `\\x1b`; a byte of a name that was not
    UTF-8 (a surrogate escape, U+DC80 to U+DCFF) as the byte, `\\xff`; any other lone
    surrogate as `\\udXXX`; with `lines`, a line break as itself. Made on first use: two
    thousand entries that most runs never need."""
    escapes = {c: f"\\x{c:02x}" for c in [*range(32), *range(127, 160)]}
    escapes |= {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)}
    escapes |= {c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)}
    escapes |= {9: "\\t", 10: "\n" if lines else "\\n", 13: "\\r"}
    return escapes


def printable(text: str, *, lines: bool = False) -> str:
    """`text` from a file or the command line made safe to show on a terminal: control
    characters (an escape sequence that would recolour or retitle it) and bytes of a name
    that was not UTF-8 written as escapes. With `lines`, line breaks are kept."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return text.translate(_escapes(lines))


def _visible(character: str) -> str:
    """A character as a message shows it: a control or an invisible format character
    (a BOM, a zero-width space) escaped."""
    if unicodedata.category(character) == "Cf":
        return f"\\u{ord(character):04x}"
    return printable(character)


def shown(text: str, limit: int = 60) -> str:
    """`text` quoted for a message: control and invisible characters escaped, a long text
    cut short, so that a message stays one readable line whatever the input holds."""
    escaped = "".join(map(_visible, text[: limit + 1]))  # escaping only lengthens a text
    if len(escaped) > limit:
        escaped = escaped[:limit] + f"… ({len(text)} characters)"
    return f"'{escaped}'"
