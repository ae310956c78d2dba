"""Bytes of a text file -> its text, in blocks of whole lines with LF line ends.

Handles what Excel and other tools write: a UTF-8 BOM, UTF-16 or UTF-32 with a
BOM ("Unicode text"), another encoding named by the user, CRLF or CR line ends.
A byte that is not valid in the encoding stops the file at its line, with its
byte offset, after every line before it; it never becomes mojibake. Nothing
here holds more than a block of the file at a time.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from typing import BinaryIO, NamedTuple

from ktt_cli.messages import Args, Message, said, usage

#: A line longer than this stops the file: more than any note needs.
FIELD_LIMIT = 4 * 1024 * 1024
_CHUNK_CHARS = 1 << 16
_CHUNK_BYTES = 1 << 17
_ESCAPE = "ktt.escape"


def _escape(error: UnicodeError) -> tuple[str, int]:
    """Carry each byte a codec cannot read as U+DC00 + the byte, whatever its value
    (the standard surrogateescape refuses bytes under 0x80, as a UTF-16 file can hold)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


codecs.register_error(_ESCAPE, _escape)

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_NEEDS_BOM = ("utf-16", "utf-32")  # without a mark these do not say their byte order
_NOT_TEXT = ((b"%PDF", "a PDF document"), (b"\x1f\x8b", "a gzip-compressed file"))

#: (physical lines before it, its text): whole lines, LF line ends, the last ending in LF.
Block = tuple[int, str]


class Source(NamedTuple):
    """A file to read: its name as shown in messages, and how to open it as bytes."""

    name: str
    open: Callable[[], BinaryIO]


class InputStop(Exception):
    """The rest of a file cannot be read; the place and the code say why."""

    def __init__(self, line: int | None, code: str, message: str, args: Args = ()) -> None:
        super().__init__(message)
        self.line, self.code, self.message, self.args_ = line, code, message, args

    @classmethod
    def said(cls, line: int | None, key: str, /, **values: object) -> InputStop:
        """The stop the catalogue words (messages.MESSAGES) from `values`."""
        message, args = said(key, values)
        return cls(line, key.partition(".")[0], message, args)


class Decoded:
    """The text of a file, line by line or in blocks of whole lines, with a count of the
    bytes consumed so that a byte the codec cannot read is placed exactly."""

    def __init__(self, raw: BinaryIO, encoding: str, bom: bytes, byte_codec: str) -> None:
        self.encoding = encoding
        self._head = raw.peek(64)[:64] if hasattr(raw, "peek") else b""
        if bom:  # the mark read here leaves plain UTF-8 (or -16, -32) to a codec in C
            raw.read(len(bom))
            encoding = byte_codec
        self._raw = raw
        self._text = io.TextIOWrapper(raw, encoding=encoding, errors=_ESCAPE, newline="")
        self._byte_codec = byte_codec  # the codec that gives each character's bytes back
        self._bytes = len(bom)

    @property
    def consumed(self) -> int:
        """Bytes of the file in the blocks handed out so far (the progress of a read)."""
        return self._bytes

    def read_line(self, line: int, before: str = "") -> str:
        """The rest of the line that follows physical line `line` and the text `before`,
        as decoded; '' at the end of the file."""
        text = self._text.readline(FIELD_LIMIT)
        if len(text) == FIELD_LIMIT and text[-1] not in "\r\n":
            number = line + _lf(before).count("\n") + 1
            raise InputStop.said(number, "line_too_long", limit=FIELD_LIMIT)
        return text

    def blocks(self, line: int = 0) -> Iterator[Block]:
        """Each block of whole lines of the rest of the file, after physical line `line`;
        a byte the codec cannot read ends them after the lines before it."""
        if self._byte_codec == "utf-8":
            yield from self._utf8_blocks(line)
            return
        while block := self._text.read(_CHUNK_CHARS):
            if block[-1] != "\n":
                block += self.read_line(line, block)
            bad = self._first_bad(block)
            if bad is not None:
                good = block[: block.rfind("\n", 0, bad) + 1]
                if good:
                    self._first_bad(good)  # counts its bytes
                    text = _lf(good)
                    yield line, text
                    line += text.count("\n")
                raise self._stop(block[len(good) :], bad - len(good), line)
            text = _lf(block)
            if text[-1] != "\n":
                text += "\n"
            yield line, text
            line += text.count("\n")

    def _utf8_blocks(self, line: int) -> Iterator[Block]:
        """`blocks` of a UTF-8 file, cut from its bytes: line ends are made LF on the bytes
        and the block decoded strictly in one call, so that neither a Python-level
        decoder, nor a pass of `str.replace` over twice the bytes, nor encoding back to
        count the bytes is needed. A block the codec refuses takes the path of every
        other encoding, which places the byte."""
        raw, pending = self._raw, b""
        while True:
            data = raw.read(_CHUNK_BYTES)
            buffer = pending + data if pending else data
            if not buffer:
                return
            if data:  # up to the last line end; a CR at the very end may precede an LF
                cut = max(buffer.rfind(b"\n"), buffer.rfind(b"\r", 0, len(buffer) - 1)) + 1
                if not cut:
                    if len(buffer) >= FIELD_LIMIT and _chars(buffer) >= FIELD_LIMIT:
                        raise InputStop.said(line + 1, "line_too_long", limit=FIELD_LIMIT)
                    pending = buffer
                    continue
            else:
                cut = len(buffer)
            block, pending = buffer[:cut], buffer[cut:]
            lf = _lf_bytes(block)
            try:
                text = lf.decode("utf-8")
            except UnicodeDecodeError:
                escaped = block.decode("utf-8", _ESCAPE)
                bad = self._first_bad(escaped)
                assert bad is not None
                good = escaped[: escaped.rfind("\n", 0, bad) + 1]
                if good:
                    self._first_bad(good)  # counts its bytes
                    text = _lf(good)
                    yield line, text
                    line += text.count("\n")
                raise self._stop(escaped[len(good) :], bad - len(good), line) from None
            self._bytes += len(block)
            if text[-1] != "\n":
                text += "\n"
            yield line, text
            line += lf.count(b"\n") + (lf[-1:] != b"\n")

    def _first_bad(self, text: str) -> int | None:
        """Where in `text` the first byte the codec could not read is, or None; counts the
        bytes of `text` when it has none. Encoding back is both the check (an escape does
        not encode) and the count, at the speed of the codec."""
        try:
            self._bytes += len(text.encode(self._byte_codec))
        except UnicodeEncodeError as e:
            return e.start
        return None

    def _stop(self, text: str, bad: int, line: int) -> InputStop:
        """The problem of the byte at `bad` in `text`, which follows physical line `line`."""
        before = text[:bad]
        offset = self._bytes + len(before.encode(self._byte_codec))
        return InputStop.said(
            line + _lf(before).count("\n") + 1,
            f"encoding{self._hint()}",
            byte=f"0x{ord(text[bad]) - 0xDC00:02x}",
            offset=offset,
            encoding=self.encoding,
        )

    def _hint(self) -> str:
        """The way of the `encoding` message: what to try instead."""
        if self._head.count(b"\x00") >= max(1, len(self._head) // 4):
            return ".utf16"
        if self.encoding.startswith(("utf-8", "utf8")):
            return ".cp1258"
        return ""


def _chars(data: bytes) -> int:
    """How many characters UTF-8 `data` decodes to."""
    return len(data.decode("utf-8", _ESCAPE))


def _lf(text: str) -> str:
    """`text` with CRLF and CR line ends made LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _lf_bytes(data: bytes) -> bytes:
    """`_lf` of UTF-8 bytes. CRLF is taken out by splitting and joining, a quarter faster
    than `replace` where every line has one (as Excel writes them); lone CRs are looked
    for where one is left."""
    if b"\r" not in data:
        return data
    data = b"\n".join(data.split(b"\r\n"))
    return data.replace(b"\r", b"\n") if b"\r" in data else data


#: What any encoding of a text file must write and read back: letters and a line end.
_PLAIN_TEXT = "Aa\n"


def encoding_problem(name: str) -> Message | None:
    """Why `name` cannot be the encoding of a text file, or None.

    A codec such as hex or zlib is not a text encoding; one such as idna or undefined
    is, to Python, but cannot read a file's lines (with the error handler the reader
    uses), so it is refused here rather than failing while reading.
    """
    try:
        codecs.lookup(name)
        back = _PLAIN_TEXT.encode(name).decode(name, _ESCAPE)
    except LookupError as e:
        if "text encoding" in str(e):
            return usage("usage.not_text_encoding", name=name)
        return usage("usage.unknown_encoding", name=name)
    except (UnicodeError, ValueError, TypeError):
        back = None
    if back != _PLAIN_TEXT:
        return usage("usage.encoding_loses_letters", name=name)
    return None


def open_text(raw: BinaryIO, encoding: str | None) -> Decoded:
    """The text of `raw`; raise InputStop when it is not text in a known encoding."""
    head = raw.peek(8)[:8] if hasattr(raw, "peek") else b""
    for magic, what in _NOT_TEXT:
        if head.startswith(magic):
            raise InputStop.said(None, "not_csv", what=what)
    chosen = codecs.lookup(encoding or "utf-8").name
    bom, byte_codec = b"", "utf-8" if chosen == "utf-8-sig" else chosen
    for mark, codec, plain in _BOMS:
        if head.startswith(mark):  # a byte order mark settles the encoding
            chosen, bom, byte_codec = codec, mark, plain
            break
    else:
        if chosen in _NEEDS_BOM:
            raise InputStop.said(
                1,
                "encoding.bom",
                chosen=chosen,
            )
    return Decoded(raw, chosen, bom, byte_codec)
