"""What every reader shares: the error types, decoding bytes to text, header lines, dates.

A reason (``RejectedInput.reason``, ``RecordError.reason``) is read by analysts in
``rejected/NAME.reason.txt`` and in the dashboard's upload message: it says what is wrong *and*
what to do, in plain words.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker.records import Article

log = logging.getLogger(__name__)


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


def invented_in(text: str) -> bool:
    """Whether the first lines of a text carry the invented-example mark (formats without a Note: header)."""
    return is_invented(text[:600])


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


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a damaged copy, a cut multi-byte character), decoded as UTF-8
    with each bad byte replaced by U+FFFD; None when the evidence says another encoding.

    The evidence: valid multi-byte UTF-8 sequences outnumber the invalid ones. Text in cp1252 or
    latin-1 almost never holds a valid multi-byte sequence (an accented letter followed by ASCII is
    invalid UTF-8), so it still goes to the detector, while one bad byte in a UTF-8 French article
    costs that one character instead of turning every accent of the text into mojibake.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_multibyte = sum(1 for char in text if ord(char) > 0x7F) - bad
    if bad <= 0 or valid_multibyte <= bad:
        return None
    log.warning("the text is UTF-8 with %d invalid byte sequence(s), each replaced by U+FFFD", bad)
    return text


# The non-ASCII characters French and English text is written with: accented letters, ligatures,
# typographic quotes and dashes, the euro sign, no-break spaces.
_WESTERN_CHARS = frozenset(
    "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆ«»‘’‚“”„–—…€°§·\u00a0\u202f"
)
WESTERN_SHARE = 0.9


def _plainly_western(data: bytes) -> str | None:
    """The text as cp1252 when nearly all its non-ASCII characters are then ones French or English
    text uses, else None (let the detector weigh the bytes).

    Detectors guess on short texts and on runs of accents ("créé être" comes out as cp1257 or
    Big5); the characters cp1252 gives are better evidence for the languages this tool reads.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        text = data.decode("latin_1")
    high = [char for char in text if ord(char) > 0x7F]
    if high and sum(char in _WESTERN_CHARS for char in high) >= WESTERN_SHARE * len(high):
        return text
    return None


def decode_text(data: bytes) -> str:
    """Bytes of a text file to str: BOM first, then strict UTF-8, then charset-normalizer.

    Raises RejectedInput for binary data. Strict UTF-8 goes first because it almost never
    decodes non-UTF-8 text by accident, whereas detectors guess on short texts; then UTF-8 with a
    few bad bytes replaced, when the valid UTF-8 in it says so (_mostly_utf8).
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
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise RejectedInput(
            "the file holds binary data, not text; drop the article as text, HTML, JSON, PDF or Word"
        )
    western = _plainly_western(data)
    if western is not None:
        return western
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


def clean_text(text: str) -> str:
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


def split_header(lines: list[str], *, require_blank: bool = True) -> tuple[dict[str, str], list[str]]:
    """Leading ``Key: value`` lines followed by a blank line are a header; the rest is the body.

    Also takes a Markdown front matter block (``---`` ... ``---``). Without the blank line after
    them, key-like lines are body text ("Note: ..." opening a paragraph), except where the format
    cannot hold a blank line (``require_blank=False``: text extracted from a PDF).
    """
    if lines and lines[0].strip() == "---":
        for end in range(1, min(len(lines), 40)):
            if lines[end].strip() == "---":
                front_matter = dict(f for f in map(_header_field, lines[1:end]) if f)
                return front_matter, lines[end + 1 :]
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
    if fields and (not require_blank or index == len(lines) or not lines[index].strip()):
        return fields, lines[index:]
    return {}, lines


_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")


def _dateparser_day_first(value: str) -> date | None:
    import dateparser

    found = dateparser.parse(
        value, languages=["fr", "en"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return found.date() if found else None


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
        numeric = _NUMERIC_DATE.search(value)
        if not re.search(r"\d{4}", value) and not numeric:
            raise RejectedInput(f"{what} '{value}' is not a full date with a year; {advice}")
        found = _dateparser_day_first(value)
        if found is None and numeric:  # "Mis à jour le 12/04/2017 à 10:31": the date inside
            found = _dateparser_day_first(numeric.group())
        if found is None:
            raise RejectedInput(f"{what} '{value}' is not a date we can read; {advice}")
        parsed = found
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
    return note is not None and any(mark in note.casefold() for mark in _INVENTED_MARKS)


def header_label(key: str) -> str:
    return f"the {key.capitalize()}: header"


def article_from_fields(
    body: str,
    fields: dict[str, str],
    path: Path,
    *,
    date_source: str = "header",
    label: Callable[[str], str] = header_label,
) -> Article:
    """Build an Article from header-like fields (title, date, url, outlet, language, note).

    ``label(key)`` names a field in a reason ("the Date: header", "field 'date'"), so the analyst
    can find the value we could not read.
    """
    body = body.strip()
    if not body:
        raise RejectedInput("no article text after the header lines; put the text below the header, after one blank line")
    published = parse_date_value(fields["date"], what=label("date")) if fields.get("date") is not None else None
    language = parse_language(fields["language"], what=label("language")) if fields.get("language") is not None else None
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
