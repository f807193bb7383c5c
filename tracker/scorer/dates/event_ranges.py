"""Ranges that start at an event rather than a date: "depuis l'arrivée de X à la Maison Blanche",
"since X took office". The pipeline's resolver dates the event; such a start never dates the
sentence's own event."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from .patterns import Found
from .vocabulary import LANGS, alternatives

# A hook the pipeline may give to date "since X took office"-style phrases: it gets the phrase
# (marker included, e.g. "depuis l'arrivée de Donald Trump à la Maison Blanche"), the language and
# the publication date, and returns the event's date or None.
EventResolver = Callable[[str, str, date], "date | None"]

_SINCE_PHRASE = {
    "fr": re.compile(rf"(?<!\w)(?:{alternatives('since_marker', 'fr')})\s+"
                     rf"(?:{alternatives('since_determiner', 'fr')})[^,;:.()«»\"“”]{{3,90}}", re.IGNORECASE),
    "en": re.compile(rf"(?<!\w)(?:{alternatives('since_marker', 'en')})\s+[^,;:.()\"“”]{{3,90}}", re.IGNORECASE),
}
# Where a "since ..." phrase ends: the next clause ("... à la Maison Blanche, au moment où ...",
# "... took office and Putin met ...").
_PHRASE_END = {lang: re.compile(rf"\s(?:{alternatives('phrase_end', lang)})(?!\w)", re.IGNORECASE) for lang in LANGS}


def since_events(text: str, lang: str, published: date, found: Sequence[Found],
                 resolve_event: EventResolver) -> list[tuple[int, int, date]]:
    """(start, end, date) of each "since <event>" phrase of ``text`` the resolver dates; phrases that
    start at a date already ``found`` ("since 2011", "depuis le 3 mars") are left out."""
    lang = lang if lang in LANGS else "en"
    out = []
    for m in _SINCE_PHRASE[lang].finditer(text):
        start = m.start()
        if any(0 <= f.start - start < 20 for f in found):
            continue
        phrase = m.group(0)
        cut = _PHRASE_END[lang].search(phrase, len(phrase.split()[0]))
        phrase = (phrase[:cut.start()] if cut else phrase).strip()
        value = resolve_event(phrase, lang, published)
        if value is not None:
            out.append((start, start + len(phrase), value))
    return out
