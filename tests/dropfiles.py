"""Builders for the files analysts drop, made in code under tmp_path (no committed binaries).

Every article here is an invented example and says so in its text or header.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

INVENTED = "Note: invented example, not real reporting"

FR_BODY = (
    "Le ministre français des Affaires étrangères a reçu mardi à Paris son homologue allemand. "
    "Les deux pays ont signé un accord de coopération sur l'énergie, selon l'Élysée."
)
EN_BODY = (
    "The Japanese foreign minister met his South Korean counterpart in Tokyo on Monday. "
    "Both countries agreed to deepen their cooperation on trade."
)


def text_article(title: str, body: str = FR_BODY, date: str | None = "2021-03-02", *, language: str = "fr") -> str:
    lines = [f"Title: {title}"]
    if date:
        lines.append(f"Date: {date}")
    lines += [f"Language: {language}", INVENTED, "", body, ""]
    return "\n".join(lines)


def pdf_bytes(lines: list[str], *, title: str | None = None) -> bytes:
    """A one-page PDF with the lines in Helvetica (WinAnsi, so French accents survive)."""

    def literal(text: str) -> bytes:
        raw = text.encode("cp1252")
        return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"

    content = b"BT /F1 11 Tf 14 TL 50 780 Td " + b" ".join(literal(line) + b" Tj T*" for line in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
    ]
    if title:
        objects.append(b"<< /Title " + literal(title) + b" >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info = f" /Info {len(objects)} 0 R" if title else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_bytes(paragraphs: list[str], *, title: str | None = None) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if title:
        document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_page(title: str, paragraphs: list[str], *, date: str | None = "2021-03-02", lang: str = "fr",
              charset: str = "utf-8") -> str:
    meta_date = f'<meta property="article:published_time" content="{date}T09:00:00+01:00">' if date else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{title} | Journal inventé</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Journal inventé">
<meta property="og:url" content="https://example.org/articles/{abs(hash(title)) % 10_000}">
<meta name="note" content="invented example, not real reporting">{meta_date}</head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/russie">Russie</a></nav>
<article><h1>{title}</h1>
{body}
</article><footer>Mentions légales. Abonnez-vous.</footer></body></html>"""


def eml_bytes(subject: str, body: str, *, date: str = "Tue, 02 Mar 2021 10:00:00 +0100", html: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "analyste@example.org"
    message["To"] = "inbox@example.org"
    message["Subject"] = subject
    message["Date"] = date
    if html:
        message.set_content("\n".join(f"<p>{p}</p>" for p in body.split("\n")), subtype="html")
    else:
        message.set_content(body)
    return message.as_bytes()


def json_record(title: str, body: str = EN_BODY, date: str | None = "2021-03-02", **extra) -> dict:
    record = {"title": title, "text": body, "language": "en", "url": "https://example.org/x", "source": "Invented Wire",
              "invented": True, "note": "invented example, not real reporting"}
    if date:
        record["date"] = date
    record.update(extra)
    return record


def jsonl_bytes(records: list[dict | str]) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8") + b"\n"


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def write(path: Path, data: bytes | str | dict | list, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, dict | list):
        data = json.dumps(data, ensure_ascii=False)
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


# Bad input, one of each kind: (file name, content, words its reason must hold).
FUTURE = (date.today() + timedelta(days=40)).isoformat()


BAD_INPUTS = [
    # (name, content, what the reason must say)
    ("empty.txt", b"", "the file is empty: nothing to read; add the article text"),
    ("blank.txt", b"  \n\t\n  ", "only blank space"),
    ("random.txt", bytes(range(256)) * 8, "binary data"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "this is a PNG image, not text"),
    ("renamed.txt", pdf_bytes(["x"]), "this is a PDF document with a text file's name; rename it with the .pdf extension"),
    ("notes.xyz", b"hello", "'.xyz' files are not read; save the article in one of these formats"),
    ("README", b"hello", "files without an extension are not read"),
    ("baddate.txt", b"Date: 32/13/2021\n\nbody", "the Date: header '32/13/2021' is not a date we can read; write it as 2017-04-12"),
    ("relative.txt", b"Date: hier\n\nbody", "the Date: header 'hier' is not a full date with a year"),
    ("future.txt", f"Date: {FUTURE}\n\nbody".encode(), "is in the future"),
    ("klingon.txt", b"Language: klingon\n\nbody", "the Language: header 'klingon' is not a language we read; write fr or en"),
    ("headeronly.txt", b"Title: x\nDate: 2021-03-02\n\n\n", "no article text after the header lines"),
    ("broken.json", b'{"text": "a", ', "not valid JSON"),
    ("notext.json", b'{"title": "only a title"}', "the record has no article text (fields present: title)"),
    ("emptylist.json", b"[]", "the JSON list is empty"),
    ("blanklines.jsonl", b"\n\n\n", "the file holds only blank lines: nothing to read; add one article per line"),
    ("blank.json", b"  \n ", "the file holds only blank space"),
    ("menu.html", b"<html><body><nav></nav><script>var a=1;</script></body></html>", "no article text found in this HTML page"),
    ("scanned.pdf", pdf_bytes([]), "no text in this PDF: it is probably a scanned image; run it through OCR"),
    ("damaged.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "the PDF is damaged"),
    ("notpdf.pdf", b"just words", "the file is named .pdf but is not a PDF document"),
    ("fake.docx", b"just words", "the file is named .docx but is not a Word document"),
    ("damaged.zip", b"PK\x03\x04garbage", "the zip archive is damaged"),
    ("emptyzip.zip", zip_bytes({}), "the zip archive holds no files"),
    ("noheaders.eml", b"\n\njust a body", "holds no e-mail headers"),
    ("badbom.txt", b"\xef\xbb\xbf" + "é".encode("cp1252") * 20, "byte-order mark but is not valid UTF-8"),
]


_FR_PAIRS = [("La France", "l'Allemagne"), ("Le Japon", "la Corée du Sud"), ("La Russie", "les États-Unis"),
             ("La Chine", "l'Inde"), ("L'Algérie", "le Maroc")]
_EN_PAIRS = [("France", "Germany"), ("Japan", "South Korea"), ("Russia", "the United States"),
             ("China", "India"), ("Algeria", "Morocco")]


def numbered_body(number: int, language: str = "fr") -> str:
    """A short invented article, different for every number (so none is a duplicate of another)."""
    if language == "fr":
        a, b = _FR_PAIRS[number % len(_FR_PAIRS)]
        return (f"{a} et {b} ont signé mardi un accord de coopération sur le dossier numéro {number}. "
                f"Les deux pays restent pourtant en profond désaccord sur la question {number + 1}.")
    a, b = _EN_PAIRS[number % len(_EN_PAIRS)]
    return (f"{a} and {b} signed a cooperation agreement on Tuesday on file number {number}. "
            f"Both countries still disagree deeply on question {number + 1}.")
