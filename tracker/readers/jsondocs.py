"""JSON (one article object, a list of them, or {"articles": [...]}) and JSON Lines (one per line).

Field names vary with the tool that exported the articles (scrapers, NewsAPI, trafilatura's own
JSON), so each field accepts the usual aliases. A bad record is reported alone, with its line or
position, and the others are still read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tracker.records import Article

from .common import ReadResult, RecordError, RejectedInput, article_from_fields, clean_text, decode_text

# Our field -> the names it goes by in the JSON, first match wins.
ALIASES = {
    "text": ("text", "body", "content", "article", "maintext", "raw_text", "texte"),
    "title": ("title", "headline", "titre"),
    "date": ("date", "published", "published_at", "publishedAt", "publication_date", "datePublished", "pubDate"),
    "url": ("url", "link", "source_url", "lien"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "media"),
    "language": ("language", "lang", "langue"),
    "note": ("note",),
}
_FIELD_LIST = "text (required), title, date, url, source, language"


def _as_string(value: Any, name: str) -> str:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]  # NewsAPI: "source": {"id": ..., "name": "Le Monde"}
    if isinstance(value, str):
        return value
    raise RejectedInput(f"field '{name}' holds {type(value).__name__} {json.dumps(value)[:40]}; it must be text")


def article_from_record(record: Any, path: Path) -> Article:
    if not isinstance(record, dict):
        raise RejectedInput(
            f"this record is a {type(record).__name__}, not an object; write each article as "
            f'{{"text": "...", "title": "...", "date": "2017-04-12"}}'
        )
    fields: dict[str, str] = {}
    used: dict[str, str] = {}
    for field_name, names in ALIASES.items():
        for name in names:
            if record.get(name) is not None:
                fields[field_name] = _as_string(record[name], name)
                used[field_name] = name
                break
    body = clean_text(fields.pop("text", "")).strip()
    if not body:
        present = ", ".join(sorted(record)) or "none"
        raise RejectedInput(
            f"the record has no article text (fields present: {present}); put the text in a 'text' field. "
            f"Fields read: {_FIELD_LIST}"
        )
    article = article_from_fields(body, fields, path, date_source="json", label=lambda key: f"field '{used[key]}'")
    if record.get("invented") is True and not article.is_example:
        from dataclasses import replace

        article = replace(article, is_example=True)
    return article


def _read_records(records: list[Any], path: Path, label: str) -> ReadResult:
    results: ReadResult = []
    for number, record in enumerate(records, start=1):
        try:
            results.append(article_from_record(record, path))
        except RejectedInput as rejected:
            results.append(RecordError(f"{label} {number}", rejected.reason))
    return results


# A number longer than this is no date, id or count an article carries; Python refuses ints of
# more than 4,300 digits anyway, and big ones cost quadratic time to convert.
MAX_NUMBER_CHARS = 100


def _number(kind: type) -> Any:
    def convert(literal: str) -> Any:
        if len(literal) > MAX_NUMBER_CHARS:
            raise RejectedInput(
                f"the JSON holds a number {len(literal):,} characters long (the limit is {MAX_NUMBER_CHARS}); "
                "no article field needs one: remove it or write it as text in quotes"
            )
        return kind(literal)

    return convert


def _loads(text: str) -> Any:
    """json.loads with limits: nesting the parser can hold, numbers of bounded length."""
    try:
        return json.loads(text, parse_int=_number(int), parse_float=_number(float))
    except RecursionError:
        raise RejectedInput(
            "the JSON is nested too deeply (lists or objects inside each other more than about 1,000 levels); "
            "an article object needs a few levels: export the articles again as a flat list"
        ) from None


def _parse(text: str) -> Any:
    try:
        return _loads(text)
    except json.JSONDecodeError as error:
        raise RejectedInput(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}; "
            "fix it there (a JSON validator shows the spot) and drop the file again"
        ) from None


def read_json(path: Path, data: bytes) -> ReadResult:
    text = decode_text(data)
    if not text.strip():
        raise RejectedInput("the file holds only blank space: nothing to read; add the article objects and drop it again")
    return _read_document(_parse(text), path)


def _read_document(document: Any, path: Path) -> ReadResult:
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    if isinstance(document, list):
        if not document:
            raise RejectedInput("the JSON list is empty: no article to read; add article objects and drop it again")
        return _read_records(document, path, "record")
    return [article_from_record(document, path)]


def read_jsonl(path: Path, data: bytes) -> ReadResult:
    text = decode_text(data)
    stripped = text.lstrip()
    # A pretty-printed .json saved as .jsonl: read it as it is.
    if stripped.startswith("["):
        return _read_document(_parse(text), path)
    if stripped.startswith("{") and "\n" in stripped.strip():
        document = _one_document(stripped)
        if document is not None:
            return _read_document(document, path)
    results: ReadResult = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            results.append(article_from_record(_parse_line(line), path))
        except RejectedInput as rejected:
            results.append(RecordError(f"line {number}", rejected.reason))
    if not results:
        raise RejectedInput("the file holds only blank lines: nothing to read; add one article per line and drop it again")
    return results


def _parse_line(line: str) -> Any:
    try:
        return _loads(line)
    except json.JSONDecodeError as error:
        raise RejectedInput(
            f"not valid JSON: {error.msg} at column {error.colno}; each line must be one whole article object"
        ) from None


def _one_document(text: str) -> Any:
    """The whole text as one JSON value, or None when it is not one (then it is read line by line)."""
    try:
        return _loads(text)
    except json.JSONDecodeError:
        return None
