"""HTML pages saved from a browser: main text and title by trafilatura, date by htmldate.

Boilerplate (menus, footers, "read also" lists) would otherwise feed the scorer country names
that are not part of the article, so the main-text extraction matters more than it looks.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tracker.records import Article

from .common import (
    ReadResult,
    RejectedInput,
    clean_text,
    decode_text,
    invented_in,
    is_invented,
    parse_language,
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z_-]+)""", re.IGNORECASE)
_META_NOTE = re.compile(r"""<meta[^>]+name\s*=\s*["']note["'][^>]*content\s*=\s*["']([^"']*)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """The page's declared charset when it decodes cleanly, else the same detection as text files."""
    head = data[:4096]
    declared = _META_CHARSET.search(head)
    if declared and not head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
    return decode_text(data)


def _language(page: str) -> str | None:
    """The page's lang attribute if it is one we read; pages often declare it wrongly, so no rejection."""
    found = _HTML_LANG.search(page[:4096])
    if not found:
        return None
    try:
        return parse_language(found.group(1), what="lang")
    except RejectedInput:
        return None


def _published(page: str) -> date | None:
    """The page's own publication date from its metadata (not dates found in the body text:
    those are the pipeline's to read, with their context)."""
    from htmldate import find_date

    found = find_date(page, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None


def read_html(path: Path, data: bytes) -> ReadResult:
    return [html_article(path, data)]


def html_article(path: Path, data: bytes) -> Article:
    """The one article of an HTML page (also an e-mail's HTML body)."""
    import trafilatura
    from trafilatura.settings import Document

    page = decode_html(data)
    if not page.strip():
        raise RejectedInput("the file holds only blank space: nothing to read; save the page again and drop it")
    extracted = trafilatura.bare_extraction(
        page, with_metadata=True, favor_recall=True, include_comments=False, include_tables=False
    )
    # A Document, or None when nothing was found (its declared dict is only for the deprecated as_dict=True).
    document = extracted if isinstance(extracted, Document) else None
    body = clean_text(document.text or "").strip() if document is not None else ""
    if document is None or not body:
        raise RejectedInput(
            "no article text found in this HTML page (it may be only a menu, a script-built page or a login wall); "
            "copy the article's text into a .txt file and drop that instead"
        )
    note = _META_NOTE.search(page[:8192])
    published = _published(page)
    return Article(
        text=body,
        title=document.title or None,
        url=document.url or None,
        outlet=document.sitename or document.hostname or None,
        language=_language(page),
        published=published,
        published_source="html" if published else "none",
        source_path=str(path),
        is_example=is_invented(note.group(1)) if note else invented_in(body),
    )
