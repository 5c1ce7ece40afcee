#!/usr/bin/env python3
"""Writes a ticket bundle of about 6 MB that inflates to about 1 GB: fifteen
PNG screenshots of 4000 x 4000 pixels, each 61 MiB as stored (zlib level 0)
and just under the writer's 64 MiB per-file limit, whose pixels compress
about 180 to 1 in the ZIP (under the reader's 200 to 1 ratio limit).
The layout is what the strict reader accepts: local headers with the sizes
and CRC, the central directory, one end record.

Usage: make-inflating-bundle.py OUT.mfaticket [COUNT]
"""
import hashlib
import json
import random
import struct
import sys
import zipfile
import zlib

SIDE = 4000
GAP = 500  # one random byte in GAP keeps deflate near 180:1


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(seed):
    rng = random.Random(seed)
    row = bytearray(b"\x00" + b"\x80" * (SIDE * 4))
    raw = bytearray()
    for _ in range(SIDE):
        for i in range(1 + rng.randrange(GAP), len(row), GAP):
            row[i] = rng.randrange(256)
        raw += row
    header = struct.pack(">IIBBBBB", SIDE, SIDE, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 0)) + chunk(b"IEND", b""))


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    images = [png(i) for i in range(min(count, 3))]
    files = []
    for i in range(count):
        data = images[i % len(images)]
        files.append({"path": "attachments/%02d-other.png" % (i + 1), "size": len(data),
                      "sha256": hashlib.sha256(data).hexdigest(), "media_type": "image/png",
                      "kind": "other", "caption": "large screenshot %d" % (i + 1)})
    manifest = {"format": "mfa-ticket", "version": 1, "created": "2026-11-28T12:00:31.000Z",
                "account": {"type": "ram-user", "name": "bench@1234567890.onaliyun.com"},
                "problem": {"flow": "signin-code-rejected", "description": "1 GB of screenshots"},
                "files": files}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for i, entry in enumerate(files):
            archive.writestr(entry["path"], images[i % len(images)])


main()
