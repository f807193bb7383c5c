"""Plain text and Markdown: optional header lines (Title:, Date:, ...), a blank line, the body."""

from __future__ import annotations

from pathlib import Path

from tracker.records import Article

from .common import ReadResult, RejectedInput, article_from_fields, clean_text, decode_text, split_header


def read_text(path: Path, data: bytes) -> ReadResult:
    return [article_from_text(clean_text(decode_text(data)), path)]


def article_from_text(text: str, path: Path) -> Article:
    """Also used for Word files and PDFs, whose text can start with the same header lines."""
    if not text.strip():
        raise RejectedInput("the file holds only blank space: nothing to read; add the article text and drop it again")
    fields, body_lines = split_header(text.split("\n"))
    if path.suffix.lower() == ".md" and "title" not in fields:
        # A Markdown article's first "# heading" is its title, not a sentence to score.
        for index, line in enumerate(body_lines):
            if line.strip():
                if line.startswith("# "):
                    fields["title"] = line[2:].strip()
                    body_lines = body_lines[index + 1 :]
                break
    return article_from_fields("\n".join(body_lines), fields, path)
