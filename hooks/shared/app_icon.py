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


def _band(cy: float, centres, radius: float, half_stroke: float, low: int, high: int):
    """The columns of row `cy` that a ring's stroke can touch (its width plus a pixel of
    anti-aliasing): the same pixels as scanning the whole box, several times fewer to test."""
    reach_out, reach_in = radius + half_stroke + 1, max(0.0, radius - half_stroke - 1)
    columns = set()
    for ox, oy in centres:
        dy = abs(cy - oy)
        if dy >= reach_out:
            continue
        outer = math.sqrt(reach_out ** 2 - dy ** 2)
        inner = math.sqrt(reach_in ** 2 - dy ** 2) if dy < reach_in else 0.0
        for a, b in ((ox - outer, ox - inner), (ox + inner, ox + outer)):
            columns.update(range(max(low, int(a) - 1), min(high, int(b) + 2)))
    return sorted(columns)


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
        for x in _band(cy, centres, radius, half_stroke, low, high):
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
