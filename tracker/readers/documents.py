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


# A document's text may be at most this many times the size limit of a text file (a .txt article);
# its packed parts (the PDF's page streams, the Word file's XML) at most UNPACKED_FACTOR times.
# Checked as the text and the parts grow, so a small file that unpacks to gigabytes (a
# "decompression bomb") is refused after reading a bounded amount, not once memory is gone.
TEXT_FACTOR = 1
UNPACKED_FACTOR = 4
DEFAULT_TEXT_LIMIT = 5 * 1024 * 1024  # readers.DEFAULT_MAX_BYTES (not imported: it imports us)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def _too_much_text(kind: str, limit: int) -> RejectedInput:
    return RejectedInput(
        f"the {kind} holds more than {_megabytes(limit)} of text once unpacked, over the limit for one article "
        "(a file this small that unpacks to so much is damaged or built to exhaust memory); "
        "split it into one file per article, or raise the limit (tracker watch --max-mb)"
    )


def _pdf_limits(unpacked: int):
    """pypdf's own decompression limits, lowered to ours (pypdf >= 6 has them; older ones keep theirs)."""
    try:
        from pypdf import apply_configuration
    except ImportError:
        return contextlib.nullcontext()
    return apply_configuration(
        zlib_maximum_output_length=unpacked, lzw_maximum_output_length=unpacked,
        run_length_maximum_output_length=unpacked, brotli_maximum_output_length=unpacked,
        array_based_stream_maximum_output_length=unpacked, stream_decoding_work_maximum_length=unpacked,
        image_maximum_buffer_size=unpacked, jbig2_maximum_output_length=unpacked,
    )


def _pdf_pages(reader, text_limit: int) -> list[str]:
    pages, size = [], 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        size += len(pages[-1])
        if size > text_limit:
            raise _too_much_text("PDF", text_limit)
    return pages


def read_pdf(path: Path, data: bytes, max_bytes: int = DEFAULT_TEXT_LIMIT) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    if not data.startswith(b"%PDF"):
        raise RejectedInput("the file is named .pdf but is not a PDF document; check it opens in a PDF reader, or save it again")
    try:
        with _pdf_limits(max_bytes * UNPACKED_FACTOR):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                # Many "protected" PDFs only restrict printing and open with an empty password.
                with contextlib.suppress(Exception):
                    reader.decrypt("")
            pages = _pdf_pages(reader, max_bytes * TEXT_FACTOR)
            title = reader.metadata.title if reader.metadata else None
    except LimitReachedError:
        raise _too_much_text("PDF", max_bytes * UNPACKED_FACTOR) from None
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


def _check_unpacked(data: bytes, limit: int) -> None:
    """Unpack every part of a Word file's zip, counting the bytes as they come and keeping none:
    RejectedInput once they pass ``limit`` (the sizes the zip declares are not trusted)."""
    import zipfile

    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > limit:
                        raise _too_much_text("Word document", limit)


def read_docx(path: Path, data: bytes, max_bytes: int = DEFAULT_TEXT_LIMIT) -> ReadResult:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        _check_unpacked(data, max_bytes * UNPACKED_FACTOR)
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, EOFError, NotImplementedError):
        raise RejectedInput(
            "the file is named .docx but is not a Word document (or it is damaged); open it in Word and save it again as .docx"
        ) from None
    # An empty paragraph separates the header lines from the body, as a blank line does in .txt.
    lines = [paragraph.text for paragraph in document.paragraphs]
    text = clean_text("\n".join(lines))
    if len(text) > max_bytes * TEXT_FACTOR:
        raise _too_much_text("Word document", max_bytes * TEXT_FACTOR)
    if not text.strip():
        raise RejectedInput("the Word document holds no text; put the article text in it and drop it again")
    return _with_title([article_from_text(text, path)], document.core_properties.title)
