"""Names as people write them -> the things they name: indicators and regions.

Header names, indicator names and region names are compared in one normal
form: NFC, case folded, without diacritics (`đ` counts as `d`), with runs of
spaces, underscores and hyphens as one `_`. An exact match of the text as
written wins over a match of its normal form, so that two ids that normalise
alike can never be confused.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile

_SEPARATORS = re.compile(r"[\s_\-]+")

#: Words in a region cell that mean the whole territory (SPEC §3), in normal form.
TERRITORY_WORDS = frozenset(
    ("toan_tinh", "ca_tinh", "tong", "tong_cong", "toan_quoc", "ca_nuoc", "toan_thanh_pho")
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


class IndicatorNames:
    """Every way a data file may name an indicator: its id, its names, its aliases."""

    def __init__(self, targets: TargetsFile) -> None:
        self.programme = targets.programme.id
        self.exact: dict[str, str] = {}
        self.by_key: dict[str, str] = {}
        self.shown: dict[str, str] = {}  # normal form -> the text to suggest
        for indicator in targets.indicators:
            names = [indicator.id, indicator.name.vi]
            if indicator.name.en:
                names.append(indicator.name.en)
            names += indicator.aliases
            for name in names:
                self.exact.setdefault(name, indicator.id)
                key = normalise(name)
                self.by_key.setdefault(key, indicator.id)
                self.shown.setdefault(key, name)

    def find(self, text: str) -> str | None:
        """The id of the indicator `text` names, or None."""
        found = self.exact.get(text)
        if found is None:
            found = self.exact.get(text.strip()) or self.by_key.get(normalise(text))
        return found

    def suggestion(self, text: str) -> str:
        """'; did you mean …?' over ids, names and aliases."""
        close = self.closest(text)
        return f"; did you mean '{close}'?" if close else ""

    def near(self, text: str) -> tuple[str, str] | None:
        """(the name as shown, the indicator id) of the id, name or alias `text` is a likely
        typo of, or None: near is an edit distance (letters inserted, deleted or changed)
        of at most one in five letters of that name, at least 1, between the normal forms
        (no diacritics, case or spacing), so `So hop tac xa.` is near `Số hợp tác xã` and
        `Số thành viên tổ hợp tác` is not near `Số thành viên hợp tác xã` (6 edits of 24)."""
        key = normalise(text)[:200]
        best: tuple[int, str] | None = None
        for name_key in self.shown:
            allowed = max(1, len(name_key) // 5)
            if abs(len(name_key) - len(key)) > allowed:
                continue
            distance = edit_distance(key, name_key, allowed)
            if distance <= allowed and (best is None or distance < best[0]):
                best = (distance, name_key)
        if best is None:
            return None
        return self.shown[best[1]], self.by_key[best[1]]

    def closest(self, text: str) -> str:
        """The id, name or alias closest to `text`; empty when none is close."""
        close = difflib.get_close_matches(normalise(text), list(self.shown), n=1, cutoff=0.6)
        return self.shown[close[0]] if close else ""


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
_UNIT_WORD = re.compile(r"(?:xa|phuong|thi_tran|thanh_pho|dac_khu|x|p|tt|tp|dk)(?:_|\._?)(?=.)")


_UNIT_WORDS = {"x": "xa", "p": "phuong", "tt": "thi_tran", "tp": "thanh_pho", "dk": "dac_khu"}


def bare_region(key: str) -> str:
    """A region name in normal form without its unit word (`Xã`, `P.`, `TT.`, …)."""
    m = _UNIT_WORD.match(key)
    return key[m.end() :] if m else key


def full_region(key: str) -> str:
    """A region name in normal form with its abbreviated unit word written out:
    `p._yen_bai` is `phuong_yen_bai`."""
    m = _UNIT_WORD.match(key)
    if m is None:
        return key
    word = key[: m.end()].rstrip("._")
    return f"{_UNIT_WORDS.get(word, word)}_{key[m.end() :]}"


class RegionNames:
    """The regions a targets file lists, by every way a data file may name them.

    A region's store key is the normal form of its name. Ids, names and aliases match
    in normal form, an abbreviated unit word (`P.`, `X.`, `TT.`) as the word written out;
    failing that, without the unit word, where that names one region only.
    """

    def __init__(self, targets: TargetsFile) -> None:
        self.listed = bool(targets.regions)
        self.by_key: dict[str, tuple[str, str]] = {}  # normal form -> (store key, name)
        self.bare: dict[str, tuple[str, str] | None] = {}  # None: more than one region
        self.ids: dict[str, str | None] = {}  # store key -> id
        self.order: dict[str, str] = {}  # store key -> name, in file order
        for region in targets.regions:
            found = (normalise(region.name), region.name)
            self.ids[found[0]] = region.id
            self.order[found[0]] = region.name
            for name in region.names():
                key = normalise(name)
                self.by_key.setdefault(key, found)
                if name == region.id and key.isdigit():  # a code read as a number: 4567
                    self.by_key.setdefault(key.lstrip("0") or "0", found)
                bare = bare_region(key)
                if self.bare.get(bare, found) != found:
                    self.bare[bare] = None
                else:
                    self.bare[bare] = found

    def find(self, text: str) -> tuple[str, str] | None:
        """(store key, name) of the listed region `text` names, or None."""
        key = normalise(text)
        found = self.by_key.get(key) or self.by_key.get(full_region(key))
        if found is None:
            found = self.bare.get(bare_region(key))
        return found

    def suggestion(self, text: str) -> str:
        """'; did you mean …?' over the names of the listed regions."""
        names = dict(self.by_key.values())
        shown = {bare_region(k): n for k, n in names.items()}
        close = difflib.get_close_matches(
            bare_region(normalise(text)), list(shown), n=1, cutoff=0.6
        )
        return f"; did you mean '{shown[close[0]]}'?" if close else ""


def region_key(region: str) -> str:
    """The form in which region names are compared: NFC, spaces folded, case ignored."""
    return " ".join(unicodedata.normalize("NFC", region).split()).casefold()


def is_territory(region: str, territory: str) -> bool:
    """Whether a region cell means the whole territory: blank, or a word for it."""
    key = normalise(region)
    return not key or key in TERRITORY_WORDS or key == normalise(territory)
