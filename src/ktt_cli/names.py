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

    def closest(self, text: str) -> str:
        """The id, name or alias closest to `text`; empty when none is close."""
        close = difflib.get_close_matches(normalise(text), list(self.shown), n=1, cutoff=0.6)
        return self.shown[close[0]] if close else ""


#: Words before a commune's name that a file may write or leave out, in normal form.
REGION_PREFIXES = ("xa_", "phuong_", "thi_tran_")


def bare_region(key: str) -> str:
    """A region name in normal form without its `Xã`/`Phường`/`Thị trấn` prefix."""
    for prefix in REGION_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


class RegionNames:
    """The regions a targets file lists, by every way a data file may name them.

    A region's store key is the normal form of its name. Ids, names and aliases match
    in normal form; failing that, without the `Xã`/`Phường`/`Thị trấn` prefix, where
    that names one region only.
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
        found = self.by_key.get(key)
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

    def closest(self, text: str) -> str:
        """The name of the listed region closest to `text`; empty when none is close."""
        return self.suggestion(text).removeprefix("; did you mean '").removesuffix("'?")


def region_key(region: str) -> str:
    """The form in which region names are compared: NFC, spaces folded, case ignored."""
    return " ".join(unicodedata.normalize("NFC", region).split()).casefold()


def is_territory(region: str, territory: str) -> bool:
    """Whether a region cell means the whole territory: blank, or a word for it."""
    key = normalise(region)
    return not key or key in TERRITORY_WORDS or key == normalise(territory)
