"""The publication date an article prints about itself ("Première publication : 12/04/2017",
"Published on March 3, 2021", a "PARIS, 3 mars (Reuters) -" dateline)."""

from __future__ import annotations

import re
from datetime import date

from .patterns import scan
from .resolution import resolve
from .vocabulary import alternatives

# Publication labels. Strong ones are accepted anywhere; weak ones ("publié", "updated") also occur
# in prose ("le rapport publié le 3 mars"), so only on a short line or at the start of a line.
# (rank, label, weak)
_LABELS = [
    ("first", re.compile(rf"(?<!\w)(?:{alternatives('first_label')})(?!\w)", re.IGNORECASE), False),
    ("first", re.compile(rf"(?<!\w)(?:{alternatives('first_label_weak')})(?!\w)", re.IGNORECASE), True),
    ("update", re.compile(rf"(?<!\w)(?:{alternatives('update_label')})(?!\w)", re.IGNORECASE), True),
]
_SHORT_LINE = 120
_LABEL_GAP = 40  # the date must start within this many characters after its label ("à 10h", ":")
_DATELINE = re.compile(r"(?m)^[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. \-]{1,40}(?:\s*\([^)\n]{1,30}\))?,\s+")
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]")
# A line near the top that holds nothing but a date ("Mercredi 12 avril 2017", "12 April 2017 10:45 BST").
_DATE_LINE = re.compile(r"(?m)^[ \t]*(?P<line>[^\n]{6,60}?)[ \t]*$")
_LINE_TAIL = re.compile(r"\s*(?:(?:[-–—|,]|à)?\s*\d{1,2}\s*[:.h]\s*\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?)?\s*")
# What may follow a metadata date on its line: a time, then the end of the line, a separator or the
# next label ("Publié le 3 mars 2021 à 10h45 - Mis à jour ..."). Prose goes on with words instead
# ("Publié le 3 mars 2016, le rapport montre ...").
_META_TAIL = re.compile(
    r"\s*(?:(?:à|at|-|–|,)?\s*\d{1,2}\s*[:h.]\s*\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,5})?)?\s*[,;]?\s*"
    rf"(?:$|[|•·\-–—(/]|(?i:{alternatives('next_label')}))")


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _calendar_at(text: str, lang: str | None, reference: date, max_gap: int) -> tuple[date, int] | None:
    """The first calendar date that starts within ``max_gap`` characters of the start of ``text``."""
    for found in scan(text, lang or "fr", calendar_only=True):
        if found.start > max_gap:
            return None
        try:
            resolved = resolve(found, text, lang or "fr", reference, "past")
        except (ValueError, OverflowError):
            resolved = None
        if resolved is not None:
            return resolved.value, found.end
    return None


def _metadata_label(text: str, start: int, line_start: int, line_end: int) -> bool:
    """A weak label ("Publié le", "Updated") reads as metadata, not prose: it opens its line, follows a
    separator ("Par X | Publié le ..."), or is capitalised on a short line."""
    before = text[line_start:start]
    if not before.strip(" \t•·|-–—*>"):
        return True
    if re.search(r"[|•·]\s*$|\s[-–—]\s*$", before):
        return True
    return line_end - line_start <= _SHORT_LINE and text[start].isupper()


def _labelled_dates(text: str, lang: str | None, reference: date) -> dict[str, tuple[int, date, str]]:
    """rank ("first" | "update") -> (label offset, date, words) of the first labelled date of each rank."""
    best: dict[str, tuple[int, date, str]] = {}
    for rank, label_re, weak in _LABELS:
        for m in label_re.finditer(text):
            if rank in best and best[rank][0] < m.start():
                break
            line_start, line_end = _line_of(text, m.start())
            if weak and not _metadata_label(text, m.start(), line_start, line_end):
                continue
            window = text[m.end():min(line_end, m.end() + _LABEL_GAP + 40)]
            hit = _calendar_at(window, lang, reference, _LABEL_GAP)
            if hit and (not weak or _META_TAIL.match(window, hit[1])):
                value, end = hit
                best[rank] = (m.start(), value, text[m.start():m.end() + end].strip())
                break
    return best


def _date_at_top(text: str, lang: str | None, reference: date) -> tuple[date, str] | None:
    """A news-agency dateline ("PARIS, 3 mars (Reuters) -"), else a line holding nothing but a date."""
    head = text[:600]
    for m in _DATELINE.finditer(head):
        hit = _calendar_at(head[m.end():m.end() + 40], lang, reference, 0)
        if hit and _DATELINE_END.match(head, m.end() + hit[1]):
            return hit[0], head[m.start():m.end() + hit[1]].strip()
    for m in _DATE_LINE.finditer(head):
        hit = _calendar_at(m.group("line"), lang, reference, 0)
        if hit and _LINE_TAIL.fullmatch(m.group("line")[hit[1]:]):
            return hit[0], m.group("line").strip()
    return None


def publication_date_from_text(text: str, lang: str | None, *, reference: date | None = None
                               ) -> tuple[date, str] | None:
    """The publication date an article states in its own text, and the words that state it.

    Order of trust: a first-publication label ("Première publication :", "Publié le", "Published on"),
    then a news-agency dateline at the top ("PARIS, 3 mars (Reuters) -"), then a line near the top
    holding nothing but a date ("12 April 2017"), then an update label ("Mis à jour le", "Updated:").
    "Publié le" and "Updated" also occur in prose ("le rapport publié le 3 mars"), so they count only
    as metadata: at the start of a line or after a separator, followed by nothing but a time or the
    next label. A date without a year (datelines) is the most recent such day not after
    ``reference`` (default: today; the pipeline may pass the file's date). Numeric dates follow the
    package's day-first rule (month first for ``lang == "en"`` when both numbers are <= 12).
    """
    if not text:
        return None
    reference = reference or date.today()
    labelled = _labelled_dates(text, lang, reference)
    if "first" in labelled:
        return labelled["first"][1], labelled["first"][2]
    at_top = _date_at_top(text, lang, reference)
    if at_top is not None:
        return at_top
    if "update" in labelled:
        return labelled["update"][1], labelled["update"][2]
    return None
