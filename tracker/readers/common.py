"""Readers: turn one dropped file into Articles, or say clearly why it cannot be read.

``read_file`` is the only entry point the ingest and the watcher need. A file that cannot be
read at all raises ``RejectedInput`` whose ``reason`` says what is wrong *and* what to do, because
that text ends up in ``rejected/NAME.reason.txt`` and in the dashboard's upload message, read by
analysts, not programmers. A file holding several records (JSON list, JSONL) gives one
``RecordError`` per bad record and still returns the good ones: one bad line must not cost the
analyst the other 99.

Dates: a ``Date:`` header (or the format's own date field) sets ``published`` with
``published_source`` telling where it came from. When a file carries no date of its own we put the
file's modification date with ``published_source="file-mtime"``: the pipeline prefers a date it
finds in the text itself ("Première publication : 12/04/2017") over that fallback, and the
dashboard can flag observations dated that way. So an undated article is stored, never rejected.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from tracker.records import Article

# Text formats above this size are almost certainly not one news article (a novel, a log dump);
# configurable with `tracker watch --max-mb`.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# PDF, Word and zip files carry images and fonts, so they get more room for the same text.
CONTAINER_SIZE_FACTOR = 10

TEXT_FORMATS = (".txt", ".md")


class RejectedInput(Exception):
    """A whole file that cannot be read. ``reason`` is for the analyst: what is wrong, what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class RecordError:
    """One bad record inside a multi-record file (e.g. record="line 3"); the others are still read."""

    record: str
    reason: str


ReadResult = list[Article | RecordError]


# --------------------------------------------------------------------------------------------
# Decoding bytes to text
# --------------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Files of another kind renamed with a text extension: say which kind, so the fix is a rename.
_MAGIC = (
    (b"%PDF", "a PDF document", ".pdf"),
    (b"PK\x03\x04", "a zip archive or Word/OpenDocument file", ".zip or .docx"),
    (b"\x89PNG", "a PNG image", None),
    (b"\xff\xd8\xff", "a JPEG image", None),
    (b"GIF8", "a GIF image", None),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel (OLE) document", None),
    (b"{\\rtf", "an RTF document", None),
)

# The encodings French and English text arrives in besides UTF-8; preferred when the detector
# finds them as plausible as the others (short French cp1252 text decodes equally well as cp1250).
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "iso8859_1")


def _describe_magic(data: bytes) -> str | None:
    for magic, kind, extension in _MAGIC:
        if data.startswith(magic):
            if extension:
                return f"this is {kind} with a text file's name; rename it with the {extension} extension and drop it again"
            return f"this is {kind}, not text; we read articles as text, HTML, JSON, PDF, Word or e-mail files"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL in every other byte; decode it instead of calling it binary."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for nuls, other, codec in ((odd_nuls, even_nuls, "utf-16-le"), (even_nuls, odd_nuls, "utf-16-be")):
        if nuls > 0.6 * half and other == 0:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_text(data: bytes) -> str:
    """Bytes of a text file to str: BOM first, then strict UTF-8, then charset-normalizer.

    Raises RejectedInput for binary data. Strict UTF-8 goes first because it almost never
    decodes non-UTF-8 text by accident, whereas detectors guess on short texts.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise RejectedInput(
                    f"the file starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                    f"(byte {error.start}); save it again as UTF-8 and drop it again"
                ) from None
    magic = _describe_magic(data)
    if magic:
        raise RejectedInput(magic)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise RejectedInput(
            "the file holds binary data, not text; drop the article as text, HTML, JSON, PDF or Word"
        )
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise RejectedInput(
            "the file holds binary data or an unknown encoding; save it as UTF-8 text and drop it again"
        )
    least_chaos = min(m.chaos for m in matches)
    for match in matches:
        if match.chaos <= least_chaos + 0.01:
            for codec in _WESTERN:
                if codec in match.could_be_from_charset:
                    return data.decode(codec)
    return str(matches[0])


def _clean_text(text: str) -> str:
    """One newline convention and no control characters other than newline and tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


# --------------------------------------------------------------------------------------------
# Header lines and field values shared by the formats
# --------------------------------------------------------------------------------------------

# Header keys, English and French, to the Article field they fill. Matched case-insensitively.
HEADER_KEYS = {
    "title": "title",
    "titre": "title",
    "date": "date",
    "published": "date",
    "publié le": "date",
    "url": "url",
    "link": "url",
    "lien": "url",
    "source": "outlet",
    "outlet": "outlet",
    "média": "outlet",
    "media": "outlet",
    "language": "language",
    "langue": "language",
    "lang": "language",
    "note": "note",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ ]{0,15}?)\s*:\s*(.*?)\s*$")

_LANGUAGES = {
    "fr": "fr", "fra": "fr", "fre": "fr", "french": "fr", "français": "fr", "francais": "fr",
    "en": "en", "eng": "en", "english": "en", "anglais": "en",
}
_INVENTED_MARKS = ("invented example", "exemple inventé", "exemple invente")


def _header_field(line: str) -> tuple[str, str] | None:
    match = _HEADER_LINE.match(line)
    if not match:
        return None
    field_name = HEADER_KEYS.get(match.group(1).strip().casefold())
    return (field_name, match.group(2)) if field_name else None


def split_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Leading ``Key: value`` lines followed by a blank line are a header; the rest is the body.

    Also takes a Markdown front matter block (``---`` ... ``---``). Without the blank line after
    them, key-like lines are body text: "Source: AFP" alone on the first line of a wire story is
    not promised to be a header.
    """
    if lines and lines[0].strip() == "---":
        for end in range(1, min(len(lines), 40)):
            if lines[end].strip() == "---":
                fields = dict(f for f in map(_header_field, lines[1:end]) if f)
                return fields, lines[end + 1 :]
    fields: dict[str, str] = {}
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    index = start
    while index < len(lines):
        found = _header_field(lines[index])
        if not found:
            break
        fields.setdefault(found[0], found[1])
        index += 1
    if fields and (index == len(lines) or not lines[index].strip()):
        return fields, lines[index:]
    return {}, lines


def parse_date_value(value: str, *, what: str) -> date:
    """A date written by a person or a program, read day first (French and British usage).

    ``what`` names where the value came from ("the Date: header", "field 'date'") for the reason.
    Relative words ("yesterday", "mardi") are refused: a header must not change meaning with the
    day it is read.
    """
    value = value.strip()
    advice = "write it as 2017-04-12 or 12/04/2017 (day first)"
    if not value:
        raise RejectedInput(f"{what} is empty; {advice}, or remove it")
    try:
        parsed = date.fromisoformat(value[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        parsed = None
    if parsed is None:
        if not re.search(r"\d{4}", value):
            raise RejectedInput(f"{what} '{value}' is not a full date with a year; {advice}")
        import dateparser

        found = dateparser.parse(
            value,
            languages=["fr", "en"],
            settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if found is None:
            raise RejectedInput(f"{what} '{value}' is not a date we can read; {advice}")
        parsed = found.date()
    if parsed > date.today():
        raise RejectedInput(
            f"{what} '{value}' is in the future ({parsed.isoformat()}); check the date (day first: 03/04 is 3 April) and drop the file again"
        )
    if parsed.year < 1900:
        raise RejectedInput(f"{what} '{value}' is before 1900; check the date and drop the file again")
    return parsed


def parse_language(value: str, *, what: str) -> str | None:
    """'fr', 'French', 'français'... to 'fr'/'en'; empty means detect it."""
    cleaned = value.strip().casefold()
    if not cleaned:
        return None
    language = _LANGUAGES.get(cleaned) or _LANGUAGES.get(cleaned.split("-")[0].split("_")[0])
    if language is None:
        raise RejectedInput(
            f"{what} '{value}' is not a language we read; write fr or en, or remove it to let the language be detected"
        )
    return language


def is_invented(note: str | None) -> bool:
    return bool(note) and any(mark in note.casefold() for mark in _INVENTED_MARKS)


def _file_date(path: Path) -> date:
    return datetime.fromtimestamp(path.stat().st_mtime).date()


def _with_fallback_date(article: Article, path: Path) -> Article:
    """An article without a date of its own gets the file's date, flagged (see module docstring)."""
    if article.published is not None:
        return article
    return replace(article, published=_file_date(path), published_source="file-mtime")


def article_from_fields(
    body: str, fields: dict[str, str], path: Path, *, date_source: str = "header", what: str = "header"
) -> Article:
    """Build an Article from header-like fields (title, date, url, outlet, language, note)."""
    body = body.strip()
    if not body:
        raise RejectedInput(
            "no article text after the header lines; put the text below the header, after one blank line"
        )
    published = None
    if fields.get("date") is not None:
        published = parse_date_value(fields["date"], what=f"the Date: {what}" if what == "header" else what)
    language = None
    if fields.get("language") is not None:
        language = parse_language(fields["language"], what=f"the Language: {what}" if what == "header" else what)
    return Article(
        text=body,
        title=(fields.get("title") or "").strip() or None,
        url=(fields.get("url") or "").strip() or None,
        outlet=(fields.get("outlet") or "").strip() or None,
        language=language,
        published=published,
        published_source=date_source if published else "none",
        source_path=str(path),
        is_example=is_invented(fields.get("note")),
    )


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------


def _read_text(path: Path, data: bytes) -> ReadResult:
    text = _clean_text(decode_text(data))
    if not text.strip():
        raise RejectedInput(
            "the file holds only blank space: nothing to read; add the article text and drop it again"
        )
    fields, body_lines = split_header(text.split("\n"))
    if path.suffix.lower() == ".md" and "title" not in fields:
        # A Markdown article's first "# heading" is its title.
        for index, line in enumerate(body_lines):
            if line.strip():
                if line.startswith("# "):
                    fields["title"] = line[2:].strip()
                    body_lines = body_lines[index + 1 :]
                break
    return [article_from_fields("\n".join(body_lines), fields, path)]


# Extension -> reader(path, bytes). Other modules add theirs with register_reader.
_READERS: dict[str, Callable[[Path, bytes], ReadResult]] = {".txt": _read_text, ".md": _read_text}
# Formats whose files carry images and fonts besides the text, so the size limit is larger.
_CONTAINERS: set[str] = set()


def register_reader(extension: str, reader: Callable[[Path, bytes], ReadResult], *, container: bool = False) -> None:
    _READERS[extension.lower()] = reader
    if container:
        _CONTAINERS.add(extension.lower())


def accepted_extensions() -> list[str]:
    return sorted(_READERS)


def _human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read one dropped file into Articles (and RecordErrors for bad records of multi-record files).

    Raises RejectedInput, with a reason for the analyst, when nothing in the file can be read.
    """
    path = Path(path)
    extension = path.suffix.lower()
    reader = _READERS.get(extension)
    if reader is None:
        kind = f"'{extension}' files" if extension else "files without an extension"
        raise RejectedInput(
            f"{kind} are not read; save the article in one of these formats and drop it again: "
            + ", ".join(accepted_extensions())
        )
    if not path.exists():
        raise RejectedInput("the file is gone (moved or deleted before it could be read); drop it again")
    if path.is_dir():
        raise RejectedInput("this is a folder, not a file; drop the files inside it instead")
    size = path.stat().st_size
    limit = max_bytes * CONTAINER_SIZE_FACTOR if extension in _CONTAINERS else max_bytes
    if size == 0:
        raise RejectedInput("the file is empty: nothing to read; add the article text and drop it again")
    if size > limit:
        raise RejectedInput(
            f"the file is {_human_size(size)}, over the {_human_size(limit)} limit for {extension} files; "
            "split it into one file per article, or raise the limit (tracker watch --max-mb)"
        )
    results = reader(path, path.read_bytes())
    return [_with_fallback_date(r, path) if isinstance(r, Article) else r for r in results]

