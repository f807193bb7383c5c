"""Country identity: ISO codes, display names and the name forms people type or write.

Names come from pycountry (ISO 3166) and Babel (CLDR names in French and English); only the
variants those libraries lack (USA, UK, Grande-Bretagne, Corée du Nord, ...) are kept in
``data/country_variants.tsv``. Every lookup goes through :func:`fold`, so case, accents, hyphens
and leading articles ("les États-Unis", "Etats-Unis", "the United States") do not matter.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
from babel import Locale, UnknownLocaleError

NAME_LANGS = ("fr", "en")
# Countries ISO 3166 has no code for, under the user-assigned codes that the EU, the IMF and the World
# Bank use (alpha-2 -> alpha-3, English name): Kosovo is a side in much reporting. Babel names them.
USER_ASSIGNED = {"XK": ("XKX", "Kosovo")}

_ARTICLES = re.compile(r"^(?:(?:les|le|la|the|des|du|de la|aux|au|en)\s+|(?:l|d|de l)'\s*)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_]+")
_PAIR_SEPARATORS = re.compile(r"\s*(?:[\-‐‑‒–—/,:]|\bvs\.?\b|\bet\b|\band\b)\s*", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """'États-Unis' -> 'Etats-Unis': writers and OCR drop accents, matching must not care."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """The comparison key of a name: no case, accents, dots, hyphens, leading article or "'s"."""
    text = strip_accents(text.translate(_APOSTROPHES)).casefold().strip()
    text = text.replace(".", "")
    text = re.sub(r"'s$", "", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return _ARTICLES.sub("", text).strip()


@dataclass(frozen=True)
class NameVariant:
    """One written form of a country name and whether text must match its case exactly."""

    code: str  # ISO alpha-3
    text: str
    exact_case: bool = False
    source: str = ""  # "variants", "babel-fr", "babel-en", "pycountry"


def _alpha3(alpha2: str) -> str | None:
    if alpha2 in USER_ASSIGNED:
        return USER_ASSIGNED[alpha2][0]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _variant_rows() -> tuple[NameVariant, ...]:
    path = resources.files("tracker.scorer") / "data" / "country_variants.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return tuple(
            NameVariant(row["code"].strip(), row["variant"].strip(), row["case"].strip() == "exact", "variants")
            for row in rows
            if row.get("variant")
        )


def _split_babel_name(name: str) -> list[str]:
    """'Myanmar (Birmanie)' -> both forms; 'Congo - Kinshasa' stays (folding joins it)."""
    inner = re.findall(r"\(([^)]*)\)", name)
    outer = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return [outer, *inner] if inner else [name]


@cache
def name_variants() -> tuple[NameVariant, ...]:
    """Every known written form of every ISO country, the data file's first (it wins collisions)."""
    variants: list[NameVariant] = list(_variant_rows())
    for lang in NAME_LANGS:
        for alpha2, name in Locale(lang).territories.items():
            code = _alpha3(alpha2) if len(alpha2) == 2 and alpha2.isalpha() else None
            if code:
                variants.extend(NameVariant(code, form, False, f"babel-{lang}") for form in _split_babel_name(name))
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            form = getattr(country, attr, None)
            # "Korea, Republic of" is an index form nobody writes in prose.
            if form and "," not in form:
                variants.append(NameVariant(country.alpha_3, form, False, "pycountry"))
    variants.extend(NameVariant(code, name, False, "pycountry") for code, name in USER_ASSIGNED.values())
    return tuple(variants)


@cache
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for variant in name_variants():
        index.setdefault(fold(variant.text), variant.code)
    return index


@cache
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    alpha3 = {c.alpha_3.casefold(): c.alpha_3 for c in pycountry.countries}
    alpha2 = {c.alpha_2.casefold(): c.alpha_3 for c in pycountry.countries}
    for two, (three, _) in USER_ASSIGNED.items():
        alpha3[three.casefold()], alpha2[two.casefold()] = three, three
    return alpha3, alpha2


def resolve_country(text: str) -> str | None:
    """ISO alpha-3 of a code or a French/English name ('Russie', 'les États-Unis', 'UK', 'us'), or None."""
    if not text or not text.strip():
        return None
    key = fold(text)
    alpha3, alpha2 = _codes()
    if key in alpha3:
        return alpha3[key]
    if key in _name_index():
        return _name_index()[key]
    return alpha2.get(key)


def country_name(code: str, lang: str = "en") -> str:
    """Display name in French or English ('RUS', 'fr' -> 'Russie'); raises ValueError on an unknown code."""
    alpha3, alpha2_codes = _codes()
    code3 = (alpha3 if len(code) == 3 else alpha2_codes).get(code.casefold()) if len(code) in (2, 3) else None
    if code3 is None:
        raise ValueError(f"unknown country code {code!r}; use an ISO 3166 code like RUS or USA")
    two = _alpha2(code3)
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        territories = Locale("en").territories
    return territories.get(two) or _english_name(code3)


def _alpha2(code3: str) -> str:
    extra = {three: two for two, (three, _) in USER_ASSIGNED.items()}
    if code3 in extra:
        return extra[code3]
    country = pycountry.countries.get(alpha_3=code3)
    assert country is not None, code3  # code3 comes from _codes()
    return str(country.alpha_2)


def _english_name(code3: str) -> str:
    extra = dict(USER_ASSIGNED.values())
    country = pycountry.countries.get(alpha_3=code3)
    return extra.get(code3) or (str(country.name) if country else code3)


def _pair_error(text: str, bad: str) -> ValueError:
    return ValueError(
        f"unknown country {bad!r} in pair {text!r}; use ISO codes like RUS-USA or names like Russie-États-Unis"
    )


def parse_pair(text: str) -> tuple[str, str]:
    """'RUS-USA', 'usa-rus', 'Russie-États-Unis' -> ('RUS', 'USA').

    Names contain hyphens themselves (États-Unis, Guinée-Bissau), so every separator is tried as
    the split point and the first split where both sides are countries wins.
    """
    if not text or not text.strip():
        raise ValueError("empty pair; use ISO codes like RUS-USA or names like Russie-États-Unis")
    text = text.strip()
    separators = list(_PAIR_SEPARATORS.finditer(text))
    half_known: str | None = None
    for sep in separators:
        left, right = text[: sep.start()].strip(), text[sep.end() :].strip()
        if not left or not right:
            continue
        a, b = resolve_country(left), resolve_country(right)
        if a and b:
            if a == b:
                raise ValueError(f"pair {text!r} names the same country twice ({a}); a pair needs two countries")
            return (a, b) if a <= b else (b, a)
        if half_known is None and (a or b):
            half_known = right if a else left
    if not separators:
        raise ValueError(
            f"cannot read {text!r} as a pair; write two countries joined by '-', like RUS-USA or Russie-États-Unis"
        )
    raise _pair_error(text, half_known or text)
