"""Names of things and places in one normal form, so that a name matches however it is
written: case, diacritics (or not), spaces and hyphens, the place of a tone mark; and
the words that mean the whole territory or a totals line."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


_SEPARATORS = re.compile(r"[\s_\-]+")


#: Words in a region cell that mean the whole territory (SPEC §3), in `place_key` form.
TERRITORY_WORDS = frozenset(
    (
        "toàn_tỉnh",
        "cả_tỉnh",
        "tổng",
        "tổng_cộng",
        "tổng_số",
        "cộng",
        "toàn_quốc",
        "cả_nước",
        "toàn_thành_phố",
        "cả_thành_phố",
    )
)


#: Words in an indicator cell that mark a totals row, in normal form.
TOTALS_WORDS = frozenset(("tong_cong", "tong_so", "cong", "toan_tinh", "tong"))


def normalise(name: str) -> str:
    """The form in which header names, indicator names and region names are compared."""
    folded = unicodedata.normalize("NFC", name).strip().casefold().replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return _SEPARATORS.sub("_", bare).strip("_")


def closest_of(word: str, choices: Iterable[str]) -> str:
    """The closest of `choices` to `word`, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def place_key(name: str) -> str:
    """The form in which names of places and indicators are compared (SPEC §8): NFC, case
    folded, diacritics kept, the tone of `hoà`/`hòa`, `thuỷ`/`thủy` placed one way, runs of
    spaces, underscores and hyphens one `_`, a colon at the end left out (`Tổng cộng:`)."""
    folded = unicodedata.normalize("NFC", name).strip().rstrip(":").casefold()
    folded = folded.replace("ð", "đ")  # Ð (eth) for Đ, as old converters of TCVN3 and VNI write it
    folded = _TONE_PLACE.sub(lambda m: _TONE_MOVED[m.group(0)], folded)
    return _SEPARATORS.sub("_", folded).strip("_")


def unmarked(key: str) -> str:
    """`key` without its diacritics (`đ` counts as `d`)."""
    decomposed = unicodedata.normalize("NFD", key.replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: A tone written on the first vowel of `oa`, `oe`, `uy` at a syllable's end, and the
#: same tone on the second (both are in use: `Hoà`/`Hòa`, `Thuỷ`/`Thủy`).
_TONE_MOVED = {
    unicodedata.normalize("NFC", plain[0] + mark) + plain[1]: plain[0] + toned
    for plain, tones in (("oa", "àáảãạ"), ("oe", "èéẻẽẹ"), ("uy", "ỳýỷỹỵ"))
    for mark, toned in zip("\u0300\u0301\u0309\u0303\u0323", tones, strict=True)
}


_TONE_PLACE = re.compile(f"(?:{'|'.join(_TONE_MOVED)})(?!\\w)")


def edit_distance(a: str, b: str, most: int) -> int:
    """The Levenshtein distance of `a` and `b`, or `most + 1` once it is sure to exceed
    `most`."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > most:
            return most + 1
        previous = current
    return previous[-1]


#: A unit word before a region's name, in normal form, written out or abbreviated as
#: offices do (SPEC §8): `Xã`/`X.`, `Phường`/`P.`, `Thị trấn`/`TT.`, `Thành phố`/`TP.`,
#: `Đặc khu`/`ĐK`.
_NORMAL_UNIT_WORD = re.compile(
    r"(?:xa|phuong|thi_tran|thanh_pho|dac_khu|x|p|tt|tp|dk)(?:_|\._?)(?=.)"
)


def bare_region(key: str) -> str:
    """A region name in normal form without its unit word (`Xã`, `P.`, `TT.`, …): for how
    close two names are, never for which region a name is (`RegionNames` says that)."""
    m = _NORMAL_UNIT_WORD.match(key)
    return key[m.end() :] if m else key
