"""PDF (pypdf) and Word .docx (python-docx): their text, read like a text file.

Their text may start with the same header lines as a .txt (Title:, Date:, ...), which is how an
analyst can date a PDF print of a web page. The document's own metadata title is used when there
is no Title: line; its creation date is not used as the publication date (it is the day the file
was made, no better than the file's date, which the common fallback gives).
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import replace
from pathlib import Path

from tracker.records import Article

from .common import ReadResult, RejectedInput, article_from_fields, clean_text, split_header
from .text import article_from_text

# pypdf logs its repairs of damaged files ("EOF marker not found") as warnings on stderr; the
# analyst gets our reason instead, so only its errors are let through.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _with_title(results: ReadResult, title: str | None) -> ReadResult:
    title = (title or "").strip()
    if not title:
        return results
    return [replace(r, title=title) if isinstance(r, Article) and r.title is None else r for r in results]


# A printed line that ends a paragraph or a heading line: keep the line break after it.
_LINE_END = re.compile(r"""[.!?:;»"”)]\s*$""")


def reflow_pdf_text(page_text: str) -> str:
    """PDF text comes as printed lines, cut anywhere in a sentence; make paragraphs of them again.

    Hyphenated line ends are joined, a line is joined to the next unless it ends a sentence; the
    leading header lines (Title: ...) stay lines of their own because they never end a sentence
    in a way that matters: they are split off before this runs.
    """
    page_text = re.sub(r"(\w)-\n(\w)", r"\1\2", page_text)
    out: list[str] = []
    for line in page_text.split("\n"):
        if out and out[-1] and line.strip() and not _LINE_END.search(out[-1]):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line.strip())
    return "\n".join(out)


def read_pdf(path: Path, data: bytes) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not data.startswith(b"%PDF"):
        raise RejectedInput("the file is named .pdf but is not a PDF document; check it opens in a PDF reader, or save it again")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many "protected" PDFs only restrict printing and open with an empty password.
            with contextlib.suppress(Exception):
                reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except FileNotDecryptedError:
        raise RejectedInput("the PDF is protected by a password; save an unprotected copy (or its text) and drop that") from None
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise RejectedInput(
            f"the PDF is damaged and cannot be read ({error}); save it again from its source, or copy its text into a .txt file"
        ) from None
    text = clean_text("\n\n".join(pages))
    if not text.strip():
        raise RejectedInput(
            "no text in this PDF: it is probably a scanned image; run it through OCR (or copy the text into a .txt file) and drop that"
        )
    # A PDF's text has no blank lines, so header lines are taken without the blank line after them.
    fields, body_lines = split_header(text.split("\n"), require_blank=False)
    body = reflow_pdf_text("\n".join(body_lines))
    return _with_title([article_from_fields(body, fields, path)], title)


def read_docx(path: Path, data: bytes) -> ReadResult:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise RejectedInput(
            "the file is named .docx but is not a Word document (or it is damaged); open it in Word and save it again as .docx"
        ) from None
    # An empty paragraph separates the header lines from the body, as a blank line does in .txt.
    lines = [paragraph.text for paragraph in document.paragraphs]
    text = clean_text("\n".join(lines))
    if not text.strip():
        raise RejectedInput("the Word document holds no text; put the article text in it and drop it again")
    return _with_title([article_from_text(text, path)], document.core_properties.title)
