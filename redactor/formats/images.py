"""Pictures keep their pixels and lose their metadata: EXIF, XMP, IPTC, comments, text chunks.

A photo in a draft can carry the photographer's name, the camera's serial number, where it
was taken and a caption naming the person in it, none of it visible on the page. Word and
LibreOffice embed pictures as they were inserted, so the copy's pictures are rewritten here,
at the byte level: the image data is copied untouched (no re-encoding, no loss), and every
segment or chunk that only describes the image is left out. JPEG, PNG, GIF, WebP and TIFF
are handled; a picture in another format, or one too damaged to walk, is left as it is,
and the leak check still searches its bytes.

``metadata_texts`` returns what ``strip`` would remove, decoded, for that leak check.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterator

_JPEG = b"\xff\xd8"
_PNG = b"\x89PNG\r\n\x1a\n"
_GIF = (b"GIF87a", b"GIF89a")
_TIFF = (b"II*\x00", b"MM\x00*")
_MAX_TEXT = 1 << 20  # inflating one compressed text chunk, at most

# PNG chunks that draw or colour the image; any other ancillary chunk is dropped.
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
             b"sBIT", b"bKGD", b"pHYs", b"hIST", b"sPLT", b"acTL", b"fcTL", b"fdAT", b"cICP",
             b"mDCv", b"cLLi"}
_PNG_TEXT = {b"tEXt", b"zTXt", b"iTXt", b"eXIf"}
# TIFF tags that describe rather than draw: text, dates, makers, XMP, IPTC, EXIF and GPS data.
_TIFF_TEXT_TAGS = {269, 270, 271, 272, 285, 305, 306, 315, 316, 700, 33432, 33723, 34377, 37510}
_TIFF_SUB_IFDS = {34665, 34853, 40965}  # EXIF, GPS, interoperability
_TIFF_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}


class _Damaged(Exception):
    """The picture's structure does not hold together; it is left as it is."""


def kind(data: bytes) -> str:
    """"jpeg", "png", "gif", "webp", "tiff", or "" for anything else."""
    if data.startswith(_JPEG):
        return "jpeg"
    if data.startswith(_PNG):
        return "png"
    if data.startswith(_GIF):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:4] in _TIFF:
        return "tiff"
    return ""


def strip(data: bytes) -> bytes:
    """The picture without its metadata; unchanged if it has none or is not one we know."""
    stripper = _STRIPPERS.get(kind(data))
    if stripper is None:
        return data
    try:
        return stripper(data)
    except (_Damaged, struct.error, IndexError):
        return data


def metadata_texts(data: bytes) -> list[str]:
    """The metadata ``strip`` removes, decoded as text (compressed PNG text inflated)."""
    try:
        if kind(data) == "png":
            return [_png_text(name, body) for name, body, _ in _png_chunks(data) if name in _PNG_TEXT]
        if kind(data) == "jpeg":
            return [body.decode("latin-1") for marker, body in _jpeg_segments(data)
                    if _jpeg_metadata(marker, body)]
    except (_Damaged, struct.error, IndexError):
        return []
    return []


# ---------------------------------------------------------------- JPEG

def _jpeg_segments(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(marker, payload) of each header segment before the first scan."""
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise _Damaged
        marker = data[position + 1]
        if marker == 0xDA:
            return
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        yield marker, data[position + 4:position + 2 + length]
        position += 2 + length


def _jpeg_metadata(marker: int, body: bytes) -> bool:
    """APP1 (EXIF, XMP), APP3..APP15 (IPTC, makers' notes), COM, JFXX thumbnails, and APP2
    unless it is a colour profile (it can hold a second picture)."""
    if marker == 0xFE or 0xE3 <= marker <= 0xEF or marker == 0xE1:
        return True
    if marker == 0xE0:
        return body.startswith(b"JFXX")
    if marker == 0xE2:
        return not body.startswith(b"ICC_PROFILE\x00")
    return False


def _strip_jpeg(data: bytes) -> bytes:
    out = [data[:2]]
    position = 2
    while position + 2 <= len(data):
        if data[position] != 0xFF:
            raise _Damaged
        marker = data[position + 1]
        if marker == 0xD9:  # end of image: anything after it (an appended picture) goes
            out.append(data[position:position + 2])
            return b"".join(out)
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        end = position + 2 + length
        if end > len(data):
            raise _Damaged
        if not _jpeg_metadata(marker, data[position + 4:end]):
            out.append(data[position:end])
        position = end
        if marker == 0xDA:  # a scan: entropy-coded data up to the next marker
            scan_end = _scan_end(data, position)
            out.append(data[position:scan_end])
            position = scan_end
    raise _Damaged


def _scan_end(data: bytes, position: int) -> int:
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            raise _Damaged
        following = data[position + 1]
        if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1 if following == 0xFF else 2
            continue
        return position


# ---------------------------------------------------------------- PNG

def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """(type, payload, whole chunk) of each chunk, up to IEND."""
    position = 8
    while position + 12 <= len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        name = data[position + 4:position + 8]
        end = position + 12 + length
        if end > len(data):
            raise _Damaged
        yield name, data[position + 8:position + 8 + length], data[position:end]
        if name == b"IEND":
            return
        position = end
    raise _Damaged


def _strip_png(data: bytes) -> bytes:
    kept = [whole for name, _, whole in _png_chunks(data)
            if name in _PNG_KEEP or not name[:1].islower()]  # an unknown critical chunk stays
    return _PNG + b"".join(kept)


def _png_text(name: bytes, body: bytes) -> str:
    if name == b"zTXt":
        keyword, _, rest = body.partition(b"\x00")
        return (keyword + b" " + _inflate(rest[1:])).decode("latin-1")
    if name == b"iTXt":
        keyword, _, rest = body.partition(b"\x00")
        compressed, rest = rest[0], rest[2:]
        language, _, rest = rest.partition(b"\x00")
        translated, _, text = rest.partition(b"\x00")
        text = _inflate(text) if compressed else text
        return b" ".join((keyword, language, translated, text)).decode("utf-8", "replace")
    return body.decode("latin-1")


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        return inflater.decompress(data, _MAX_TEXT)
    except zlib.error:
        return data


# ---------------------------------------------------------------- GIF

def _strip_gif(data: bytes) -> bytes:
    flags = data[10]
    position = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    out = [data[:position]]
    while position < len(data):
        block = data[position]
        if block == 0x3B:  # trailer
            out.append(b"\x3b")
            return b"".join(out)
        if block == 0x21:
            label = data[position + 1]
            end = _sub_blocks(data, position + 2)
            body = data[position:end]
            application = data[position + 3:position + 14] if label == 0xFF else b""
            if label in (0xF9, 0x01) or application.startswith((b"NETSCAPE", b"ANIMEXTS", b"ICCRGBG1")):
                out.append(body)  # frame timing, drawn text, looping, colour profile
            position = end
        elif block == 0x2C:
            flags = data[position + 9]
            table = 3 << ((flags & 7) + 1) if flags & 0x80 else 0
            end = _sub_blocks(data, position + 10 + table + 1)
            out.append(data[position:end])
            position = end
        else:
            raise _Damaged
    raise _Damaged


def _sub_blocks(data: bytes, position: int) -> int:
    """Where a chain of data sub-blocks that starts at ``position`` ends."""
    while True:
        size = data[position]
        position += 1 + size
        if size == 0:
            return position


# ---------------------------------------------------------------- WebP

def _strip_webp(data: bytes) -> bytes:
    chunks = []
    position = 12
    while position + 8 <= len(data):
        name = data[position:position + 4]
        size = struct.unpack("<I", data[position + 4:position + 8])[0]
        end = position + 8 + size + (size & 1)
        if name not in (b"EXIF", b"XMP "):
            chunk = bytearray(data[position:min(end, len(data))])
            if name == b"VP8X":
                chunk[8] &= ~0x0C  # the flags that announce EXIF and XMP chunks
            chunks.append(bytes(chunk))
        position = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# ---------------------------------------------------------------- TIFF

def _strip_tiff(data: bytes) -> bytes:
    """TIFF offsets point all over the file, so text values are blanked where they are."""
    out = bytearray(data)
    order = "<" if data[:2] == b"II" else ">"
    offset = struct.unpack(order + "I", data[4:8])[0]
    seen: set[int] = set()
    while offset and offset not in seen and len(seen) < 64:
        seen.add(offset)
        offset = _blank_ifd(out, order, offset, seen, blank_all=False)
    return bytes(out)


def _blank_ifd(out: bytearray, order: str, offset: int, seen: set[int], blank_all: bool) -> int:
    count = struct.unpack(order + "H", out[offset:offset + 2])[0]
    for index in range(count):
        entry = offset + 2 + 12 * index
        tag, kind_, number = struct.unpack(order + "HHI", out[entry:entry + 8])
        size = _TIFF_SIZES.get(kind_, 1) * number
        where = entry + 8 if size <= 4 else struct.unpack(order + "I", out[entry + 8:entry + 12])[0]
        if tag in _TIFF_SUB_IFDS and size <= 4:
            sub = struct.unpack(order + "I", out[entry + 8:entry + 12])[0]
            if sub not in seen and sub + 2 <= len(out):
                seen.add(sub)
                _blank_ifd(out, order, sub, seen, blank_all=True)
        elif blank_all or tag in _TIFF_TEXT_TAGS:
            out[where:where + size] = bytes(min(size, max(0, len(out) - where)))
    end = offset + 2 + 12 * count
    return struct.unpack(order + "I", out[end:end + 4])[0] if end + 4 <= len(out) else 0


_STRIPPERS: dict[str, Callable[[bytes], bytes]] = {
    "jpeg": _strip_jpeg, "png": _strip_png, "gif": _strip_gif, "webp": _strip_webp,
    "tiff": _strip_tiff}
