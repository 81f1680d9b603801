"""Pictures lose their metadata and keep their pixels, byte for byte.

The pictures are built here, chunk by chunk and segment by segment, with a photographer's
and a subject's name (invented) in every place a camera or an editor can put one.
"""

from __future__ import annotations

import struct
import zlib

import pytest

from redactor.formats import images

NAME = b"Bezshan Nurlanov"


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


PIXELS = zlib.compress(b"\x00\xff\x00\x00")  # one red pixel, filter byte first


def png(with_metadata: bool = True) -> bytes:
    chunks = [png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)),
              png_chunk(b"gAMA", struct.pack(">I", 45455))]
    if with_metadata:
        chunks += [png_chunk(b"tEXt", b"Author\x00" + NAME),
                   png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"subject: " + NAME)),
                   png_chunk(b"iTXt", b"Title\x00\x01\x00en\x00\x00" + zlib.compress(NAME)),
                   png_chunk(b"eXIf", b"MM\x00*" + NAME),
                   png_chunk(b"tIME", b"\x07\xea\x01\x02\x03\x04\x05"),
                   png_chunk(b"prVt", NAME)]  # a private chunk of some program
    chunks += [png_chunk(b"IDAT", PIXELS), png_chunk(b"IEND", b"")]
    return images._PNG + b"".join(chunks) + (b"trailing " + NAME if with_metadata else b"")


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


SCAN = b"\x12\x34\xff\x00\x56\xff\xd0\x78"  # entropy-coded data with a stuffed byte and a restart


def jpeg(with_metadata: bool = True) -> bytes:
    parts = [b"\xff\xd8", segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")]
    if with_metadata:
        parts += [segment(0xE1, b"Exif\x00\x00MM\x00*Artist " + NAME),
                  segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + NAME + b"</x:xmpmeta>"),
                  segment(0xED, b"Photoshop 3.0\x008BIM caption " + NAME),
                  segment(0xFE, b"shot by " + NAME),
                  segment(0xE2, b"MPF\x00 a second picture")]
    parts += [segment(0xE2, b"ICC_PROFILE\x00\x01\x01 colour"), segment(0xDB, b"\x00" + bytes(64)),
              segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00"),
              segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + SCAN, b"\xff\xd9"]
    return b"".join(parts) + (b"appended " + NAME if with_metadata else b"")


def gif(with_metadata: bool = True) -> bytes:
    head = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
    comment = b"\x21\xfe" + bytes([len(NAME)]) + NAME + b"\x00"
    xmp = b"\x21\xff\x0bXMP DataXMP" + bytes([len(NAME)]) + NAME + b"\x00"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frame = b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00"
    return head + (comment + xmp if with_metadata else b"") + loop + frame + b"\x3b"


def webp(with_metadata: bool = True) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"")
    flags = 0x0C if with_metadata else 0
    body = chunk(b"VP8X", bytes([flags]) + bytes(9)) + chunk(b"VP8L", b"\x2f\x00\x00\x00\x00")
    if with_metadata:
        body += chunk(b"EXIF", b"MM\x00*" + NAME) + chunk(b"XMP ", b"<x>" + NAME + b"</x>")
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def tiff() -> bytes:
    """A TIFF whose first directory holds its size and, after it, the artist's name."""
    artist = NAME + b"\x00"
    entries = [(256, 3, 1, 1), (257, 3, 1, 1), (315, 2, len(artist), 8 + 2 + 12 * 3 + 4)]
    directory = struct.pack("<H", 3) + b"".join(struct.pack("<HHII", *e) for e in entries) + bytes(4)
    return b"II*\x00" + struct.pack("<I", 8) + directory + artist


@pytest.mark.parametrize("make", [png, jpeg, gif, webp])
def test_metadata_goes_and_the_picture_stays_byte_for_byte(make):
    dirty, clean = make(), make(with_metadata=False)
    assert NAME in dirty
    stripped = images.strip(dirty)
    assert stripped == clean
    assert images.strip(stripped) == stripped  # nothing left to strip


def test_the_scan_of_a_jpeg_is_copied_whatever_bytes_it_holds():
    stripped = images.strip(jpeg())
    assert SCAN in stripped and stripped.endswith(b"\xff\xd9")
    assert b"ICC_PROFILE" in stripped  # colours are kept; a second picture (MPF) is not
    assert b"MPF" not in stripped


def test_tiff_text_is_blanked_where_it_stands():
    raw = tiff()
    stripped = images.strip(raw)
    assert NAME not in stripped and len(stripped) == len(raw)


def test_what_is_stripped_can_be_read_for_the_leak_check():
    texts = " ".join(images.metadata_texts(png()))
    assert texts.count(NAME.decode()) >= 3  # compressed text included
    assert NAME.decode() in " ".join(images.metadata_texts(jpeg()))
    assert images.metadata_texts(png(with_metadata=False)) == []


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\xff\xd8\xff\xe1\xff\xff", b"GIF89a",
                                 b"not a picture at all"])
def test_a_damaged_or_unknown_picture_is_left_as_it_is(raw):
    assert images.strip(raw) == raw
