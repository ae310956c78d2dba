"""Names as people write them -> the things they name: indicators and regions.

Header names are compared in one normal form: NFC, case folded, without
diacritics (`đ` counts as `d`), with runs of spaces, underscores and hyphens as
one `_` (`normalise`).

Names of places and of indicators keep their diacritics (SPEC §8): in
Vietnamese the marks tell places apart (`Xã Mường Lai`, `Xã Mường Lại`). They
are compared in `place_key` form (the normal form with its marks, the tone of
`hoà`/`hòa` placed one way). A name written without any mark matches the one
name it can mean once the marks are set aside, and is refused where it could
mean two. An exact match of the text as written wins over every other, so that
two ids that normalise alike can never be confused.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ktt_cli.model import TargetsFile

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


class IndicatorNames:
    """Every way a data file may name an indicator: its id, its names, its aliases.

    A name matches as written, then in `place_key` form (diacritics count: `Số HTX` is
    not `Sơ HTX`); a name written without any mark matches the one indicator it can
    mean without them, and none where it could mean two (`candidates` names them).
    """

    def __init__(self, targets: TargetsFile) -> None:
        self.programme = targets.programme.id
        self.exact: dict[str, str] = {}
        self.by_key: dict[str, set[str]] = {}  # place_key -> ids
        self.by_bare: dict[str, set[str]] = {}  # the place_key without marks -> ids
        self.shown: dict[str, str] = {}  # normal form -> the text to suggest
        self.by_normal: dict[str, str] = {}  # normal form -> the first id of that form
        for indicator in targets.indicators:
            names = [indicator.id, indicator.name.vi]
            if indicator.name.en:
                names.append(indicator.name.en)
            names += indicator.aliases
            for name in names:
                self.exact.setdefault(name, indicator.id)
                key = place_key(name)
                self.by_key.setdefault(key, set()).add(indicator.id)
                self.by_bare.setdefault(unmarked(key), set()).add(indicator.id)
                self.shown.setdefault(normalise(name), name)
                self.by_normal.setdefault(normalise(name), indicator.id)

    def find(self, text: str) -> str | None:
        """The id of the indicator `text` names, or None (none, or more than one)."""
        found = self.exact.get(text)
        if found is None:
            found = self.exact.get(text.strip())
        if found is None:
            ids = self.candidates(text)
            found = ids[0] if len(ids) == 1 else None
        return found

    def candidates(self, text: str) -> list[str]:
        """The ids `text` can name once written alike: by its marks, or, written without
        any, by the letters alone."""
        key = place_key(text)
        ids = self.by_key.get(key)
        if ids is None and key == unmarked(key):
            ids = self.by_bare.get(key)
        return sorted(ids or ())

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
        return self.shown[best[1]], self.by_normal[best[1]]

    def closest(self, text: str) -> str:
        """The id, name or alias closest to `text`; empty when none is close."""
        close = difflib.get_close_matches(normalise(text), list(self.shown), n=1, cutoff=0.6)
        return self.shown[close[0]] if close else ""


#: The unit words before a commune's (or a province's) name, in `place_key` form, with and
#: without their marks, and their abbreviations (SPEC §8) -> the unit.
_UNIT_OF = {
    word: unit
    for unit, words in (
        ("xã", ("xã", "xa", "x")),
        ("phường", ("phường", "phuong", "p")),
        ("thị_trấn", ("thị_trấn", "thi_tran", "tt")),
        ("thành_phố", ("thành_phố", "thanh_pho", "tp")),
        ("thị_xã", ("thị_xã", "thi_xa", "tx")),
        ("đặc_khu", ("đặc_khu", "dac_khu", "đk", "dk")),
        ("huyện", ("huyện", "huyen", "h")),
        ("quận", ("quận", "quan", "q")),
        ("tỉnh", ("tỉnh", "tinh")),
    )
    for word in words
}
#: A unit word in full, or the abbreviations of more than one letter without their dot.
_UNIT_WORD = re.compile(
    "(?P<unit>thị_trấn|thi_tran|thành_phố|thanh_pho|thị_xã|thi_xa|đặc_khu|dac_khu|xã|xa"
    "|phường|phuong|huyện|huyen|quận|quan|tỉnh|tinh|tt|tp|tx|đk|dk)_(?P<rest>.+)"
)
#: An abbreviation with its dot: `X. Mậu A`, `P.Yên Bái`, `TT. Mường Khương`.
_UNIT_ABBREVIATION = re.compile(r"(?P<unit>x|p|tt|tp|tx|đk|dk|h|q)\._?(?P<rest>.+)")
#: The provinces that are cities run by the centre: their unit word is `Thành phố`.
_CITIES = frozenset(("hà_nội", "hải_phòng", "huế", "đà_nẵng", "hồ_chí_minh", "cần_thơ"))


class _Form(NamedTuple):
    """A reading of a name: its unit word (None: none written) and the rest."""

    unit: str | None
    rest: str


def _forms(key: str) -> list[_Form]:
    """The readings of a name in `place_key` form: as a whole, and, where it starts with
    a unit word or its abbreviation, that unit and the rest."""
    forms = [_Form(None, key)]
    m = _UNIT_WORD.fullmatch(key) or _UNIT_ABBREVIATION.fullmatch(key)
    if m:
        forms.append(_Form(_UNIT_OF[m["unit"]], m["rest"]))
    return forms


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


def is_territory(region: str, territory: str) -> bool:
    """Whether a text (a title's line, a sheet's name) means the whole territory: blank,
    a word for it, or the territory's name with or without its unit word."""
    key = place_key(region)
    if not key or _is_totals(key):
        return True
    whole = place_key(territory)
    return (
        key == whole
        or (key == unmarked(key) and key == unmarked(whole))
        or any(
            key in (f"{unit}_{whole}", f"{unit}_{unmarked(whole)}")
            for unit in ("tỉnh", "tinh", "thành_phố", "thanh_pho", "tp")
        )
    )


class Meaning(NamedTuple):
    """What a region cell names: a region (its store key and name; TERRITORY_KEY for the
    whole territory), or None with the names it could mean (none: unknown)."""

    region: tuple[str, str] | None
    candidates: tuple[str, ...] = ()


TERRITORY_KEY = ""  # the store key of the whole territory (store.TERRITORY)
_WHOLE = Meaning((TERRITORY_KEY, ""))


class RegionNames:
    """The regions a targets file lists, by every way a data file may name them (SPEC §8).

    A region's store key is the `place_key` of its name. A cell matches a region's id,
    name or alias as written (marks and all), else every region whose name it can mean:
    with the same marks, or, written without any, the same letters; with the unit word
    left out or abbreviated. One region: that one; more, or the whole territory and a
    region: refused, naming them. Words for the whole territory (`Tổng số`, `Toàn tỉnh`,
    the territory's name with or without `Tỉnh`) mean the territory.
    """

    def __init__(self, targets: TargetsFile) -> None:
        self.listed = bool(targets.regions)
        self.territory = targets.programme.territory
        self.exact: dict[str, tuple[str, str]] = {}  # place_key of an id, name, alias
        #: The rest of each reading of each name, with its marks and without -> the
        #: readings of every name that has one (`_can_mean` decides) and its region.
        self.marked: dict[str, list[tuple[list[_Form], tuple[str, str]]]] = {}
        self.bare: dict[str, list[tuple[list[_Form], tuple[str, str]]]] = {}
        self.by_key: dict[str, tuple[str, str]] = {}  # `normalise` form -> (store key, name)
        self.ids: dict[str, str | None] = {}  # store key -> id
        self.order: dict[str, str] = {}  # store key -> name, in file order
        self.seen: dict[str, tuple[str, str]] = {}  # unlisted: unmarked key -> first region
        self.told: set[str] = set()  # unlisted regions said to differ from another by marks
        for region in targets.regions:
            found = (place_key(region.name), region.name)
            self.ids[found[0]] = region.id
            self.order[found[0]] = region.name
            unit = _forms(found[0])[-1].unit  # the unit word of its name, if it has one
            for name in region.names():
                key = place_key(name)
                self.exact.setdefault(key, found)
                self.by_key.setdefault(normalise(name), found)
                if name == region.id and key.isdigit():  # a code read as a number: 4567
                    self.exact.setdefault(key.lstrip("0") or "0", found)
                forms = _forms(key)
                if len(forms) == 1 and unit is not None:  # an alias without it: `Tân Lĩnh`
                    forms.append(_Form(unit, key))  # takes the unit of the name, no other
                for form in forms:
                    self.marked.setdefault(form.rest, []).append((forms, found))
                    self.bare.setdefault(unmarked(form.rest), []).append((forms, found))
        whole = place_key(self.territory)
        self.whole_forms = _forms(whole)
        # a province's unit word is `Tỉnh` (`Thành phố`, `TP.` for a city run by the
        # centre), written with its marks in the targets file; a territory written without
        # it (`Yên Bái`) is given it, whatever its first word looks like (`Phuong A` is no
        # ward, `Tinh A` no province called A)
        if not whole.startswith(("tỉnh_", "thành_phố_", "tp_", "tp.")):
            self.whole_forms = [_Form(None, whole)]
        unit = "thành_phố" if whole in _CITIES else "tỉnh"
        self.whole_forms.append(_Form(unit, whole))  # `Tỉnh Yên Bái`, even `Tỉnh Tỉnh A`

    def find(self, text: str) -> Meaning:
        """The region (or the whole territory) `text` names, or the names it could mean."""
        key = place_key(text)
        if not key:
            return _WHOLE
        forms = _forms(key)
        # a totals word with a note in brackets is still a totals line: `Tổng số (A+B)`,
        # `Tổng cộng (toàn tỉnh)`
        bare = _BRACKETED.sub("", key) or key
        whole = (
            _is_totals(bare)
            or self._totals_of_territory(bare)
            or _can_mean(forms, self.whole_forms)
        )
        exact = self.exact.get(key)
        regions = [exact] if exact is not None else self._candidates(forms)
        if whole and regions:
            return Meaning(None, (self.territory, *(name for _, name in regions)))
        if whole:
            return _WHOLE
        if len(regions) == 1:
            return Meaning(regions[0])
        return Meaning(None, tuple(name for _, name in regions))

    def region(self, text: str) -> tuple[str, str] | None:
        """(store key, name) of the one listed region `text` names; None where it names
        none, the whole territory, or could name more than one."""
        found = self.find(text).region
        return found if found is not None and found[0] != TERRITORY_KEY else None

    def _totals_of_territory(self, key: str) -> bool:
        """A totals word before the territory's name, or before another totals word:
        `Toàn tỉnh Yên Bái`, `Tổng cộng toàn tỉnh`."""
        for word in _TOTALS_ORDER:
            for start in (word, unmarked(word)):  # with its marks, or written without
                rest = key[len(start) + 1 :] if key.startswith(start + "_") else ""
                if rest and (_is_totals(rest) or _can_mean(_forms(rest), self.whole_forms)):
                    return True  # else a shorter word may leave the territory (`Tổng Cộng A`)
        return False

    def _candidates(self, forms: list[_Form]) -> list[tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for form in forms:
            plain = form.rest == unmarked(form.rest)
            for named, region in (self.bare if plain else self.marked).get(form.rest, ()):
                if region[0] not in found and _can_mean(forms, named):
                    found[region[0]] = region
        return list(found.values())

    def unlisted(self, text: str) -> tuple[tuple[str, str], str | None]:
        """A region of a programme with no list: (store key, name as shown), and the name
        of a region seen before that differs from it only by its marks or its unit word
        (`Mậu A`, `Xã Mậu A`), if any."""
        key = place_key(text)
        found = (key, unicodedata.normalize("NFC", " ".join(text.split())))
        # alike once the marks and the unit word are set aside: `Mường Lai`, `Xã Mường Lại`
        first = self.seen.setdefault(unmarked(_forms(key)[-1].rest), found)
        if first[0] == key or key in self.told:
            return found, None
        self.told.add(key)
        return found, first[1]

    def suggestion(self, text: str) -> str:
        """'; did you mean …?' over the names of the listed regions."""
        shown = {unmarked(_forms(k)[-1].rest): n for k, n in self.order.items()}
        close = difflib.get_close_matches(
            unmarked(_forms(place_key(text))[-1].rest), list(shown), n=1, cutoff=0.6
        )
        return f"; did you mean '{shown[close[0]]}'?" if close else ""

    def closest(self, text: str) -> str:
        """The name of the listed region closest to `text`; empty when none is close."""
        return self.suggestion(text).removeprefix("; did you mean '").removesuffix("'?")


def _is_totals(key: str) -> bool:
    """Whether a region cell is a word for the whole territory: `Tổng số`, `Cộng`, …"""
    return key in TERRITORY_WORDS or (key == unmarked(key) and key in _TERRITORY_BARE)


#: A note in brackets at the end of a name, in `place_key` form: `_(toàn_tỉnh)`.
_BRACKETED = re.compile(r"_?\([^()]*\)$")
_TERRITORY_BARE = frozenset(unmarked(w) for w in TERRITORY_WORDS)
#: The totals words, longest first: `tổng_cộng` is tried before `tổng`.
_TOTALS_ORDER = sorted(TERRITORY_WORDS, key=len, reverse=True)


def _same(cell: str, name: str) -> bool:
    """Whether a cell can mean a name: the same marks, or none written and the same
    letters."""
    return cell == name or (cell == unmarked(cell) and cell == unmarked(name))


def _can_mean(cell: Sequence[_Form], name: Sequence[_Form]) -> bool:
    """Whether a cell (its readings) can mean a name (its readings): the unit word may be
    left out or abbreviated; where both write one, it is the same; a name written
    without one may be given one."""
    named_unit = any(n.unit for n in name)
    return any(
        _same(c.rest, n.rest)
        and (c.unit is None or c.unit == n.unit or (n.unit is None and not named_unit))
        for c in cell
        for n in name
    )
