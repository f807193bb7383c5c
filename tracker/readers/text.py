"""Plain text and Markdown: optional header lines (Title:, Date:, ...), a blank line, the body."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.records import Article

from .common import ReadResult, RejectedInput, article_from_fields, clean_text, decode_text, split_header

# Markdown marks that would otherwise reach the scorer as words or split its sentences: links and
# images keep their text, emphasis and heading/quote/list marks go. Tables and code stay as they are.
_MARKDOWN = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # ![alt](src)
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **bold**, __bold__
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"^ {0,3}#{1,6}\s+", re.MULTILINE), ""),  # ## heading
    (re.compile(r"^ {0,3}>\s?", re.MULTILINE), ""),  # > quote
    (re.compile(r"^ {0,3}[-*+]\s+", re.MULTILINE), ""),  # - list item
]


def markdown_to_text(text: str) -> str:
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


def read_text(path: Path, data: bytes) -> ReadResult:
    return [article_from_text(clean_text(decode_text(data)), path)]


def article_from_text(text: str, path: Path) -> Article:
    """Also used for Word files, whose text can start with the same header lines."""
    if not text.strip():
        raise RejectedInput("the file holds only blank space: nothing to read; add the article text and drop it again")
    fields, body_lines = split_header(text.split("\n"))
    if path.suffix.lower() == ".md":
        if "title" not in fields:
            # A Markdown article's first "# heading" is its title, not a sentence to score.
            for index, line in enumerate(body_lines):
                if line.strip():
                    if line.startswith("# "):
                        fields["title"] = line[2:].strip()
                        body_lines = body_lines[index + 1 :]
                    break
        return article_from_fields(markdown_to_text("\n".join(body_lines)), fields, path)
    return article_from_fields("\n".join(body_lines), fields, path)
