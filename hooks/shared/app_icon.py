"""The guide's home-screen icon, drawn as a PNG without an imaging library.

Two white rings that overlap (two people in a helping relationship) on the theme's primary
colour, filling the square so that it also serves as a "maskable" icon (the rings stay in
the central safe zone a phone may crop to). Edges are anti-aliased by distance.
"""

from __future__ import annotations

import math
import re
import struct
import zlib

HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{6})\b")

# (centre x, centre y) of each ring, its radius and the stroke's width, as shares of the side
RINGS = ((0.39, 0.5), (0.61, 0.5))
RADIUS, STROKE = 0.18, 0.055


def rgb(colour: str) -> tuple[int, int, int]:
    value = HEX_COLOUR.fullmatch(colour.strip())
    if not value:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    digits = value[1]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def png(size: int, colour: str) -> bytes:
    """A size×size PNG (RGB) of the icon on `colour` (#rrggbb)."""
    back = rgb(colour)
    background_row = bytes(back) * size
    low, high = int(size * (RINGS[0][0] - RADIUS - STROKE)), int(size * (RINGS[1][0] + RADIUS + STROKE)) + 1
    top, bottom = int(size * (0.5 - RADIUS - STROKE)), int(size * (0.5 + RADIUS + STROKE)) + 1
    centres = [(x * size, y * size) for x, y in RINGS]
    radius, half_stroke = RADIUS * size, STROKE * size / 2
    rows = []
    for y in range(size):
        if not top <= y < bottom:
            rows.append(b"\x00" + background_row)
            continue
        row = bytearray(background_row)
        cy = y + 0.5
        for x in range(low, high):
            cx = x + 0.5
            cover = 0.0
            for ox, oy in centres:
                edge = half_stroke - abs(math.hypot(cx - ox, cy - oy) - radius) + 0.5
                cover = max(cover, min(1.0, edge))
            if cover > 0:
                row[3 * x:3 * x + 3] = bytes(round(c + (255 - c) * cover) for c in back)
        rows.append(b"\x00" + bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
