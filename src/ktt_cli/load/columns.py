"""What a table's header is made of, shared by the reader of its layout and of its bands:
the kinds of layout, the columns ktt knows and their roles, a sheet's merged ranges, a
header's problems."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

from ktt_cli.messages import Args, said
from ktt_cli.name_keys import normalise
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
    "unit": ("don_vi_tinh", "dvt", "unit"),
}


_NOT_WORD = re.compile(r"[^0-9a-z]+")


_ROLE_OF = {alias: role for role, aliases in ROLES.items() for alias in aliases}


_NOT_FIGURES = re.compile(
    r"(^|_)(ke_hoach|k_hoach|kh|muc_tieu|so_sanh|so_voi|ty_le|tang_giam|tang|giam|chenh_lech|cung_ky)"
    r"(_|$)"
)


def header_key(text: str) -> str:
    """A header cell's text in the form roles are matched: `normalise`d, and any mark
    (`/`, `,`, `(`) counted as a space, so `Xã/phường` and `Xã, phường` are `xa_phuong`."""
    return _NOT_WORD.sub("_", normalise(text)).strip("_")


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
