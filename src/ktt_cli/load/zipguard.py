"""A workbook's zip opened with a guard: each member read within a size and a ratio to its
compressed size, so that a zip bomb is refused before it is inflated."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import IO, Any, BinaryIO, cast

from ktt_cli.load.book import WorkbookStop, _corrupt

#: No real sheet inflates beyond this: Excel's 1,048,576 rows of a long file are
#: about 150 MB of XML.
MAX_MEMBER_BYTES = 512 * 1024 * 1024


#: Nor compresses better than this once it is large: sheet XML deflates about
#: 10-30 times; a zip bomb of one repeated byte, about 1,000 times.
MAX_RATIO = 200


#: The ratio is only judged past this size (a tiny styles.xml can deflate well).
RATIO_FLOOR = 8 * 1024 * 1024


class _Bounded(io.RawIOBase):
    """A zip member's stream that stops at the first byte beyond the bounds."""

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo, book: str) -> None:
        super().__init__()
        self._raw, self._name, self._book = raw, info.filename, book
        self._limit = min(MAX_MEMBER_BYTES, max(RATIO_FLOOR, MAX_RATIO * info.compress_size))
        self._out = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(1 << 20), b""))
        data = self._raw.read(size)
        self._out += len(data)
        if self._out > self._limit:
            raise _too_large(self._book, self._name)
        return data

    def readinto(self, buffer: Any) -> int:  # noqa: ANN401 (any writable buffer)
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def _too_large(book: str, member: str) -> WorkbookStop:
    return WorkbookStop.said(book, "workbook_too_large", member=member)


class _GuardedZip(zipfile.ZipFile):
    """A zip whose members can only be read through ``_Bounded``."""

    book = ""

    def open(
        self,
        name: str | zipfile.ZipInfo,
        mode: str = "r",
        pwd: bytes | None = None,
        *,
        force_zip64: bool = False,  # noqa: ARG002 (only reading is ever asked)
    ) -> IO[bytes]:
        if mode != "r":
            raise _corrupt(self.book, "its content cannot be parsed")
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        return cast("IO[bytes]", _Bounded(super().open(info, "r", pwd), info, self.book))


def _open_zip(name: str, stream: BinaryIO, size: int) -> _GuardedZip:
    try:
        archive = _GuardedZip(stream)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as e:
        raise _corrupt(name, e) from e
    archive.book = name
    for info in archive.infolist():
        if info.compress_size > size:
            raise _corrupt(name, "a part of it is larger than the file")
        too_big = info.file_size > MAX_MEMBER_BYTES
        if too_big or info.file_size > max(RATIO_FLOOR, MAX_RATIO * info.compress_size):
            raise _too_large(name, info.filename)
    return archive
