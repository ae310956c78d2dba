"""What a table's header is made of, shared by the reader of its layout and of its bands:
the kinds of layout, the columns ktt knows and their roles, a sheet's merged ranges, a
header's problems."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import NamedTuple

from ktt_cli.messages import Args, said
from ktt_cli.name_keys import normalise, unmarked
from ktt_cli.periods import Period

ROLES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "chi_tieu", "ten_chi_tieu", "noi_dung"),
    "period": ("period", "ky", "nam", "thoi_gian"),
    "value": ("value", "gia_tri", "so_lieu", "so_luong"),
    "region": (
        "region",
        "dia_ban",
        "dia_phuong",
        "don_vi",
        "ten_don_vi",
        "don_vi_hanh_chinh",
        "ten_don_vi_hanh_chinh",
        "xa",
        "ten_xa",
        "phuong",
        "ten_phuong",
        "xa_phuong",
        "phuong_xa",
        "ten_xa_phuong",
        "ten_phuong_xa",
        "xa_phuong_thi_tran",
        "ten_xa_phuong_thi_tran",
        "xa_phuong_dac_khu",
        "ten_xa_phuong_dac_khu",
        "don_vi_cap_xa",
        "huyen_thi_xa_thanh_pho",
        "huyen",
        "ten_huyen",
    ),
    "source": ("source", "nguon"),
    "note": ("note", "ghi_chu"),
    "row_number": ("stt", "so_tt", "tt"),
    "kind": ("kind", "loai_so_lieu", "tinh_chat_so_lieu"),
    "unit": ("don_vi_tinh", "dvt", "unit"),
}


_NOT_WORD = re.compile(r"[^0-9a-z]+")


_ROLE_OF = {alias: role for role, aliases in ROLES.items() for alias in aliases}


#: A header that names a unit of place (`Địa bàn xã`, `Đơn vị hành chính cấp xã`, `Tên
#: đơn vị`, `Tên xã/phường/thị trấn`): the region column, however the office words it.
_PLACE_HEADER = re.compile(
    r"^(ten_)?(dia_ban|dia_phuong|don_vi_hanh_chinh|dvhc|don_vi|xa|phuong|thi_tran|dac_khu)"
    r"(_(xa|phuong|thi_tran|dac_khu|cap_xa|co_so|bao_cao|hanh_chinh|cap|huyen|tinh|thi_xa))*$"
)


def role_of(key: str) -> str | None:
    """The role of a header cell's key: one of ROLES' aliases, or the region column for a
    header that names a unit of place."""
    role = _ROLE_OF.get(key)
    if role is None and _PLACE_HEADER.match(key):
        return "region"
    return role


_NOT_FIGURES = re.compile(
    r"(^|_)(ke_hoach|k_hoach|kh|khn|muc_tieu|so_sanh|so_voi|ty_le|tang_giam|tang|giam|chenh_lech"
    r"|cung_ky|ck|cknt|chi_tieu_giao|du_kien|phan_dau|dinh_huong)"
    r"(_|$)"
)
#: The kinds a comparison sets against each other (`TH/CK`, `UTH/KH`, `TH so CK`).
_KINDS = (
    r"(uoc_thuc_hien|uoc_tinh|uoc_th|uth|uoc|thuc_hien|t_hien|th|tth|ke_hoach|k_hoach|khn|kh"
    r"|muc_tieu|cknt|ckn|ck|cung_ky|ky_truoc|nam_truoc|chi_tieu|du_kien|phan_dau)"
)
#: A ratio of kinds, `X/Y` or `X so (với) Y`: a comparison whatever period it is under.
_RATIO = re.compile(
    rf"(^|_){_KINDS}(_(nam_)?(19|20)\d\d)?_?/_?{_KINDS}(_|/|$)"
    rf"|(^|_){_KINDS}_so(_voi)?_{_KINDS}(_|$)"
    r"|(^|_)(nam_)?(19|20)\d\d_?/_?(nam_)?(19|20)\d\d(_|$)"
)
_NOT_RATIO_WORD = re.compile(r"[^0-9a-z/]+")


def header_key(text: str) -> str:
    """A header cell's text in the form roles are matched: `normalise`d, and any mark
    (`/`, `,`, `(`) counted as a space, so `Xã/phường` and `Xã, phường` are `xa_phuong`."""
    return _NOT_WORD.sub("_", normalise(text)).strip("_")


def not_figures(text: str) -> bool:
    """Whether a column's caption says it holds no figure: a plan (`Kế hoạch`, `Chỉ tiêu
    giao`, `Dự kiến`), a comparison (`So sánh`, `%`) or any ratio of kinds (`TH/CK`,
    `UTH/KH`, `TH so CK`), whatever period it is under (SPEC §3 "Layouts")."""
    if "%" in text or _NOT_FIGURES.search(header_key(text)):
        return True
    folded = unmarked(unicodedata.normalize("NFC", text).casefold())
    return _RATIO.search(_NOT_RATIO_WORD.sub("_", folded).strip("_")) is not None


#: A remark after a period that makes its figure an estimate: `Năm 2025 (sơ bộ)`,
#: `Năm 2025 (ước)`, `(ước tính)`, `(ƯTH)`; `(chính thức)` says it is the actual.
_REMARK = re.compile(
    r"\s*[(\[]\s*(so bo|sb|uoc|uoc tinh|uoc th|uoc thuc hien|uth|du tinh|chinh thuc)\s*[)\]]\s*$"
)
#: Words before a period that say "up to": `Đến hết năm 2025`, `Tính đến ngày 30/11/2026`.
_UP_TO = re.compile(
    r"^\s*(tinh den het|tinh den ngay|tinh den|den het|den ngay|den|luy ke den ngay)\s+"
)


def plain_words(text: str) -> str:
    """`text` casefolded without its marks, for matching words as typed."""
    return unmarked(unicodedata.normalize("NFC", text).casefold())


def up_to(text: str) -> str:
    """`text` without the words "up to" before its period (`Đến hết năm 2025`)."""
    if m := _UP_TO.match(plain_words(text)):
        return text[m.end() :]
    return text


def period_words(text: str) -> tuple[str, bool]:
    """`text` without a remark after its period or the words "up to" before it, and
    whether the remark makes the figure an estimate (`sơ bộ`, `ước`)."""
    plain = plain_words(text)
    estimate = False
    if m := _REMARK.search(plain):
        estimate = m[1] != "chinh thuc"
        text = text[: m.start()]
    return up_to(text), estimate


class Kind(StrEnum):
    LONG = "long"
    WIDE = "wide"
    TABLE = "table"


class Layout(NamedTuple):
    """Where each role's column is; the indicator (wide) or period (table) of other columns."""

    kind: Kind
    width: int
    columns: dict[str, int]
    indicators: dict[int, str]  # wide: column -> indicator id
    periods: dict[int, tuple[Period, bool]]  # table: column -> (period, is an estimate)
    ignored: tuple[str, ...] = ()  # columns left out, named as written
    passed_over: tuple[str, ...] = ()  # table: plan and comparison columns
    bare: tuple[int, ...] = ()  # table: columns headed by a period alone (`Năm 2026`)


#: A merged range of a sheet: (top row, left column, bottom row, right column); rows by
#: their numbers, columns from 0.
Merge = tuple[int, int, int, int]


class HeaderProblem(NamedTuple):
    code: str
    message: str
    args: Args = ()
    column: int | None = None  # the column it is about, where it is about one

    @classmethod
    def said(cls, key: str, /, **values: object) -> HeaderProblem:
        """The problem the catalogue words (messages.MESSAGES) from `values`."""
        message, args = said(key, values)
        return cls(key.partition(".")[0], message, args)
