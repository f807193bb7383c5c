"""Small files that unpack to a lot (decompression bombs), and JSON built to break a parser.

Made in code, streamed, so building one costs little memory: the tests (tests/test_hostile.py)
and the bench (bench/bombs.py) drop them beside good files. No real content: filler text only.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib

from dropfiles import docx_bytes

MB = 1024 * 1024
_FILLER = b"La France et l'Allemagne ont sign\xc3\xa9 un accord. " * 1024  # 48 KB of invented filler text


def docx_bomb(text_mb: int) -> bytes:
    """A valid .docx whose one paragraph holds ``text_mb`` MB of text (a few hundred KB packed)."""
    base = zipfile.ZipFile(io.BytesIO(docx_bytes(["Title: Bombe", "", "x"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in base.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, base.read(info.filename))
                continue
            with archive.open(info.filename, "w", force_zip64=True) as member:
                member.write(
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    b"<w:body><w:p><w:r><w:t>"
                )
                for _ in range(text_mb * MB // len(_FILLER)):
                    member.write(_FILLER)
                member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def pdf_bomb(stream_mb: int) -> bytes:
    """A one-page PDF whose Flate content stream unpacks to ``stream_mb`` MB of text operators."""
    line = b"(" + _FILLER[:200].replace(b"\xc3\xa9", b"e") + b") Tj T*\n"
    packer = zlib.compressobj(9)
    chunks = [packer.compress(b"BT /F1 11 Tf 14 TL 50 780 Td\n")]
    block = line * (MB // len(line))
    for _ in range(stream_mb):
        chunks.append(packer.compress(block))
    chunks.append(packer.compress(b"ET") + packer.flush())
    content = b"".join(chunks)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" /Filter /FlateDecode >>\nstream\n" + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def zip_bomb(text_mb: int, entries: int = 1) -> bytes:
    """A zip of .txt entries, each ``text_mb`` MB of filler once unpacked."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for number in range(entries):
            with archive.open(f"filler{number}.txt", "w", force_zip64=True) as member:
                for _ in range(text_mb * MB // len(_FILLER)):
                    member.write(_FILLER)
    return out.getvalue()


def json_nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def json_big_number(digits: int) -> bytes:
    record = {"title": "Nombre", "text": "Texte inventé pour un test. " * 3, "count": 0}
    return json.dumps(record).replace('"count": 0', '"count": ' + "7" * digits).encode()
