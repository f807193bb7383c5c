"""Article -> ScoredArticle: chains the stages, holds no rules of its own.

Stages: paragraphs and sentences with their language (language, nlp) -> mentions (mentions) ->
the article's pair and anaphora (pairs) -> cues (cues, lexicon) -> dates (dates) -> observations
(scoring). Each stage is a function of a sentence Span; `base` turns the Span's offsets into offsets
in Article.text, which is how every stored number points back to its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from tracker.gc_tuning import long_lived
from tracker.records import (
    Article,
    Cue,
    DateRef,
    Mention,
    Observation,
    ScoredArticle,
    Sentence,
    SentenceReading,
    SetAside,
    Setting,
)

from . import language, nlp
from .counterparts import (
    MARKER_KINDS,
    Carry,
    carried_counterpart,
    place_counterpart,
    pronoun_subject,
    sentence_carry,
)
from .cue_agents import state_cues
from .cue_targets import CueRoles, cue_roles, cue_targets
from .cues import CueFinder, cue_finder
from .cues.clauses import ANOTHER_CLAUSE, damp_settings
from .cues.finder import finder_version
from .cues.shared import is_exercise, named_together, shared_exercises
from .cues.words import cue_words
from .dates import event_date, find_dates, publication_date_from_text, without_act_after
from .frames import clause_sides, coordinations, echo_runs, joint_pairs, ranked_only, split_sides
from .frames_between import between_sides
from .frames_members import bloc_sides, members_only
from .leaders import term_start
from .lexicon import Lexicon, load_lexicon
from .mentions import Readings, find_mentions, read_context
from .mentions.modifier_roles import undescribed_cues
from .mentions.pieces import phrase_key
from .mentions.wordlists import role_words
from .pairs import (
    AnaphoraPhrase,
    act_sides,
    anaphora_mentions,
    anaphora_phrases,
    article_pair,
    described_group,
    group_mentions,
    pair_facing,
    sentence_pairs,
    subject_phrases,
)
from .scoring import sentence_score
from .sentences import SentenceSpan, SplitArticle, parse_all, split_article

# Characters (a few words) within which pairs at nearly the same distance from a cue share it.
SHARED_CUE_SLACK = 40
# Characters between a cue and a topic or place country that make the cue about that subject
# ("crisis in Haiti": 4); a quarrel "au sujet du dossier syrien" (28) stays the quarrel of the pair.
SUBJECT_REACH = 12
SITUATION_LINK = re.compile(r"\s+(?:in|on|over|en|sur|au|aux|dans)(?:\s+(?:the|la|le|les|l'))?\s+", re.IGNORECASE)
# Dates the article itself states win over a file's modification time.
WEAK_DATE_SOURCES = ("file-mtime", "fetched", "none")  # "fetched": a web page's Last-Modified or fetch day


class ScoringError(ValueError):
    """The article cannot be scored; the message says what is wrong and what to do."""


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    with long_lived():  # kept for the whole process (tracker/gc_tuning.py)
        return load_lexicon()


def _cue_finder(lang: str, lexicon: Lexicon) -> CueFinder:
    return cue_finder(nlp.get_nlp(lang), lang, lexicon)


def scorer_version(lexicon: Lexicon | None = None) -> str:
    """What scored an article: the lexicon and the modifier rules of every language.

    Stored with each article, so a rescore can tell which readings are out of date.
    """
    lexicon = lexicon or default_lexicon()
    return "+".join(finder_version(lang, lexicon) for lang in language.SUPPORTED)[:64]


@dataclass(frozen=True)
class _SentenceRead:
    """What one pass over a sentence's parse keeps: all that does not depend on the article's pair
    (known only once every sentence is read), so that a chunk's Docs can go before the next chunk
    is parsed. Cues and dates are read where a pair is possible (named countries or an anaphora)."""

    start: int
    end: int
    language: str
    mentions: list[Mention]
    anaphora: list[AnaphoraPhrase]
    cues: list[Cue]
    refs: list[DateRef]
    clauses: dict[tuple[int, int], Setting]  # mention offsets -> the background clause it is named in
    carry: Carry = Carry()  # its carried.tsv trigger and its countries' places (counterparts.carried_counterpart)
    roles: dict[int, CueRoles] = field(default_factory=dict)  # cue start -> the sides of its clause (cue_targets)
    # the bodies that are no state whose acts were the sentence's cues and were dropped (cue_agents.py): with no
    # cue left, the countries named around such an act are no pair of it
    non_state: tuple[str, ...] = ()
    # its main verb's subject is a personal pronoun ("Il a évoqué ..."): the sentence goes on with the subject
    # before it, so a continuation after it may read through it (counterparts.pronoun_subject)
    goes_on: bool = False


def score_article(article: Article, lexicon: Lexicon | None = None) -> ScoredArticle:
    lexicon = lexicon or default_lexicon()
    main_lang = main_language(article)
    published, published_source = publication(article, main_lang)

    read: list[_SentenceRead] = []
    title_mentions: list[Mention] = []
    shared_forms = _shared_forms(article)
    for sentences, title_doc in _parse(article.text, main_lang, article.title):
        read.extend(_read_sentence(s, published, lexicon, shared_forms) for s in sentences)
        if title_doc is not None:
            title_mentions = find_mentions(title_doc[:], main_lang, published, 0, shared_forms)
    return _scored(article, published, published_source, read, title_mentions, lexicon)


def _scored(
    article: Article, published: date, published_source: str, read: list[_SentenceRead],
    title_mentions: list[Mention], lexicon: Lexicon,
) -> ScoredArticle:
    main_pair = article_pair([r.mentions for r in read], title_mentions)
    readings: list[SentenceReading] = []
    for index, r in enumerate(read):
        # the sentence a continuation goes on from: the one before, or the one before it where the sentence
        # between names no country and goes on with its subject by a pronoun ("X signe l'accord. Il parle d'un jour
        # historique. Il s'entretient ensuite avec son homologue Y"); not through a new subject ("Des manifestants ...")
        back = index - 2 if index >= 2 and read[index - 1].goes_on else index - 1
        previous = (read[back], readings[back]) if index else None
        readings.append(_reading(index, r, main_pair, article.text, published, lexicon,
                                 _before(read, index, title_mentions), previous,
                                 [read[i].carry.subjects for i in range(index - 1, max(index - 1 - ANTECEDENT_SENTENCES, -1), -1)]))
    return ScoredArticle(article, published, main_pair, tuple(readings), published_source)


@dataclass
class _Started:
    """An article of a batch cut into sentences, its candidates waiting for the batch's parse
    (`split` is None for an article longer than a chunk: it is scored alone, in bounded memory)."""

    article: Article
    main_lang: str
    published: date
    published_source: str
    split: SplitArticle | None

    def finish(self, lexicon: Lexicon) -> ScoredArticle:
        if self.split is None:
            return score_article(self.article, lexicon)
        shared_forms = _shared_forms(self.article)
        read = [_read_sentence(s, self.published, lexicon, shared_forms) for s in self.split.sentences]
        title = self.split.title
        title_mentions = (find_mentions(title.span.doc[:], self.main_lang, self.published, 0, shared_forms)
                          if title else [])
        return _scored(self.article, self.published, self.published_source, read, title_mentions, lexicon)


def score_articles(articles: Sequence[Article], lexicon: Lexicon | None = None) -> list[ScoredArticle | Exception]:
    """score_article on each article, the candidate sentences of all of them parsed together (one
    nlp.pipe call per language for the batch: spaCy's cost per call is paid once, not per article).

    The readings are score_article's (a parse does not depend on what is parsed beside it). One
    article's failure is its own: its entry is the exception it raised, the others are scored.
    """
    lexicon = lexicon or default_lexicon()
    started = [_start(article) for article in articles]
    try:
        parse_all([s.split for s in started if isinstance(s, _Started) and s.split is not None])
    except Exception:  # noqa: BLE001 -- one article's text broke the joint parse: each alone, so only it fails
        return [_outcome(score_article, article, lexicon) for article in articles]
    return [s if isinstance(s, Exception) else _outcome(s.finish, lexicon) for s in started]


def _start(article: Article) -> _Started | Exception:
    try:
        main_lang = main_language(article)
        published, published_source = publication(article, main_lang)
        chunks = list(_chunks(article.text))
        split = split_article(article.text, chunks[0], main_lang, article.title) if len(chunks) == 1 else None
        return _Started(article, main_lang, published, published_source, split)
    except Exception as exc:  # noqa: BLE001 -- reported for this article alone (see score_articles)
        return exc


def _outcome(score: Callable[..., ScoredArticle], *args: Any) -> ScoredArticle | Exception:
    try:
        return score(*args)
    except Exception as exc:  # noqa: BLE001 -- reported for this article alone (see score_articles)
        return exc


def _shared_forms(article: Article) -> Readings:
    """What a form two countries share ("Congo") means in this article, from its words anywhere."""
    return read_context(f"{article.title or ''}\n{article.text}")


def _read_sentence(s: SentenceSpan, published: date, lexicon: Lexicon, shared_forms: Readings) -> _SentenceRead:
    if not s.candidate:
        # No country form nor "les deux pays"-like phrase in its words (sentences.py): no mention nor
        # anaphora, hence no cue or date either. Most sentences of a real article are such.
        # It may still go on with an earlier subject by a pronoun ("Il a évoqué une journée historique")
        return _SentenceRead(s.span.start_char + s.base, s.span.end_char + s.base, s.language, [], [], [], [], {},
                             goes_on=pronoun_subject(s.span))
    found = find_mentions(s.span, s.language, published, s.base, shared_forms)
    anaphora = anaphora_phrases(s.span, s.language, s.base)
    found = described_group(found, anaphora)  # "the two Central African neighbours" names no Central African Republic
    if any(m.role == "actor" for m in found):  # "ils", "l'émirat": the other country of a named one
        anaphora += subject_phrases(s.span, s.language, s.base)
    # Cues and dates only matter where a pair can carry them; skipping the rest keeps the scorer
    # close to the speed of spaCy alone.
    # a trigger of carried.tsv ("fait de même", "hit back") may take its counterpart from the sentence before
    finder = _cue_finder(s.language, lexicon)
    carry = (sentence_carry(s.span, s.language, found, s.base, finder.keyer.word_keys)
             if any(m.role == "actor" for m in found) else Carry())
    lone = place_counterpart(found, carry, s.language, s.span.doc.text, s.base) is not None
    carries = bool(carry.kind and (carry.reactors or carry.kind == "counterpart" or carry.kind in MARKER_KINDS
                                    or carry.marked))
    cues = finder.find(s.span, s.base) if anaphora or sentence_pairs(found) or carries or lone else []
    cues, non_state = state_cues(cues, s.span, s.language, s.base)  # an act done by no state is no country's
    refs = find_dates(s.span, s.language, published, s.base, resolve_event=term_start) if cues or carry.kind else []
    # A third country is what a clause can set aside: none to look for with two countries.
    actors = [m for m in found if m.role == "actor"]
    clauses = finder.clauses(s.span, [(m.start, m.end) for m in actors], s.base) if cues and len(
        {m.country for m in actors}) > 2 else {}
    # each cue's own clause, read while the parse is at hand: with three countries, whose act it is
    roles = cue_roles(s.span, cues, s.base, s.language) if cues else {}
    return _SentenceRead(s.span.start_char + s.base, s.span.end_char + s.base, s.language, found, anaphora,
                         cues, refs, clauses, carry, roles, tuple(non_state), not found and pronoun_subject(s.span))


# how many sentences back a state noun's or a demonstrative's antecedent is looked for, the title after them
# (tracker/scorer/pairs.py)
ANTECEDENT_SENTENCES = 3


def _before(read: Sequence[_SentenceRead], index: int, title_mentions: list[Mention]) -> list[list[Mention]]:
    """The mentions of the sentences before `index`, nearest first, then the title's."""
    return [read[i].mentions for i in range(index - 1, max(index - 1 - ANTECEDENT_SENTENCES, -1), -1)] + [
        title_mentions]


def _reading(
    index: int, read: _SentenceRead, main_pair: tuple[str, str] | None, text: str, published: date,
    lexicon: Lexicon, before: Sequence[Sequence[Mention]] = (),
    previous: tuple[_SentenceRead, SentenceReading] | None = None,
    subjects: Sequence[frozenset[str]] | None = None,
) -> SentenceReading:
    sentence_text = text[read.start : read.end]
    sentence = Sentence(index, read.start, read.end, sentence_text, read.language)
    if not read.mentions and not read.anaphora:
        # Nothing named and nothing referred to: no pair, so no cue, date, observation or pair set aside.
        return SentenceReading(sentence, (), (), (), (), (), ())
    found = read.mentions
    phrases = read.anaphora if read.cues else [p for p in read.anaphora if not p.subject]
    # a bare "Ties", "Relations" names the pair's relations only where a cue covers it ("Ties soured", "Relations
    # improved"); "Relations said the fisherman was unarmed" is a name
    phrases = [p for p in phrases if not p.bare or any(c.start <= p.start < c.end for c in read.cues)]
    referred, facing_side = pair_facing(anaphora_mentions(phrases, main_pair, mentions=found, before=before,
                                                          lang=read.language, subjects=subjects,
                                                          text=text), found, phrases)
    all_mentions = found + referred
    carried, carried_cues = _carried(read, previous, text)
    # a mutual act's noun that names no pair here ("a dénoncé le traité qui le liait à Bakou") leaves the place its role
    pending = referred or any(not p.pair_act for p in phrases)
    if not carried and not pending and read.cues and not sentence_pairs(found):
        # a lone actor's one place is its counterpart, where the sentence names an act (counterparts.place_counterpart)
        place = place_counterpart(found, read.carry, read.language, text)
        carried = [place] if place is not None else []
    grouped, group_side = group_mentions(phrases, found, before, text)
    group_side |= facing_side
    all_mentions += carried + grouped
    named_pairs = sentence_pairs(all_mentions)
    one_side = [pair for pair in named_pairs if carried and set(pair) <= read.carry.reactors]
    one_side += [pair for pair in named_pairs if set(pair) <= group_side and pair not in one_side]
    named_pairs = [pair for pair in named_pairs if pair not in one_side]
    cues = undescribed_cues(read.cues, found) + carried_cues if named_pairs else []
    refs = read.refs if cues else []
    pairs, set_aside = split_sides(named_pairs, all_mentions, text, cues, sentence_text)
    pairs, blocs = bloc_sides(pairs, all_mentions, text, cues, read.start, read.end)
    set_aside += blocs
    set_aside += [SetAside(pair, f"one side: each reacts to {carried[0].country} ('{carried[0].text}')"
                           if carried and set(pair) <= read.carry.reactors else "one side: a group named by number")
                  for pair in one_side]
    sides = one_sides(a.pair for a in set_aside)
    pairs, outside_act = act_sides(pairs, all_mentions)
    pairs, outside_clause = clause_sides(pairs, all_mentions, read.clauses, text)
    pairs, members = members_only(pairs, all_mentions, text, read.start)
    pairs, between = between_sides(pairs, all_mentions, text, read.start, read.end)
    set_aside += outside_act + outside_clause + members + between
    if read.non_state and not cues:  # the sentence's only acts are done by bodies that are no state
        set_aside += [SetAside(pair, f"the act is done by '{read.non_state[0]}', no state") for pair in pairs]
        pairs = []
    # a count back to an act after it ("comes days after") dates the main clause when the act is its own
    parties = {country for pair in pairs for country in pair}
    refs = without_act_after(refs, [c.start for c in cues if read.start <= c.start < read.end],
                             [m.start for m in all_mentions if m.country in parties], read.end)
    when = event_date(refs, published)
    # A pair's act in the main clause outweighs the background its other cues stand in.
    occasions = _cue_finder(read.language, lexicon).occasions
    targets = cue_targets(cues, all_mentions, text, read.language) if len(pairs) > 1 else {}
    together = joint_pairs(all_mentions, text) if len(pairs) > 1 else set()
    attributed = attribute_cues(pairs, all_mentions, cues, text, sides, targets, read.roles, read.language)
    # an exercise held by both countries of a pair is their joint exercise
    runs = coordinations(all_mentions, text) if attributed else []
    attributed = {pair: shared_exercises(found, pair, named_together(pair, runs, all_mentions, text, read.language), read.language)
                  for pair, found in attributed.items()}
    # countries named by a joint word act together: a tension cue of the sentence is the third one's
    attributed = {pair: [c for c in found if pair not in together or c.base_weight <= 0]
                  for pair, found in attributed.items()}
    prior = frozenset(cue_words(read.language).get("prior opener"))
    # the act of the main clause whose own clause names the pair's two countries governs it: it sets the level
    across = frozenset(cue_words(read.language).get("coordinator in a cue"))
    acts = {pair: governing_acts(found, pair, all_mentions, read.roles, runs, occasions, across)
            for pair, found in attributed.items()}
    pair_cues = {pair: damp_settings(found, pair, all_mentions, occasions, prior, text)
                 for pair, found in attributed.items() if found}
    # a main clause's act damped as another clause's for the pair (its act is in a background part) governs it not
    acts = {pair: found - {c.start for c in pair_cues.get(pair, ()) if any(m.startswith(ANOTHER_CLAUSE) for m in c.modifiers)}
            for pair, found in acts.items()}
    pairs, ranked = ranked_only(pairs, set(pair_cues), sentence_text)
    set_aside += ranked
    observations = tuple(
        Observation(
            pair=pair,
            sentence_index=index,
            event_date=when.value,
            precision=when.precision,
            date_expression=when.expression,
            cues=tuple(found),
            score=sentence_score(found, [c for c in found if c.start in acts[pair]]),
        )
        for pair, found in pair_cues.items()
    )
    return SentenceReading(sentence, tuple(all_mentions), tuple(pairs), tuple(cues), tuple(refs), observations,
                           tuple(set_aside))


def _carried(read: _SentenceRead, previous: tuple[_SentenceRead, SentenceReading] | None, text: str = "",
             ) -> tuple[list[Mention], list[Cue]]:
    """The counterpart a sentence naming one side only takes from the sentence before (carried.tsv,
    counterparts.carried_counterpart), as a mention at its trigger's words; an ellipsis ("ont fait de même") also
    takes the previous act: its strongest cue on a pair of that counterpart, at the trigger's words."""
    if previous is None or not read.carry.kind:
        return [], []
    before, reading = previous
    counterpart = carried_counterpart(read.carry, read.mentions, before.mentions, before.carry,
                                      any(c.weight for c in read.cues))
    if counterpart is None:
        return [], []
    carry = read.carry
    if carry.kind == "pronoun" and text and _only_sources(read, text):
        return [], []  # "Il a proposé des négociations, selon Séoul": the source reports the act, it is no side of it
    mention = Mention(carry.start, carry.end, carry.text, counterpart, "reference", "actor",
                      f"'{carry.text}' ({carry.kind}): {counterpart}, the counterpart of the previous sentence's act")
    if carry.kind != "ellipsis":
        return [mention], []
    acts = [c for o in reading.observations if counterpart in o.pair for c in o.cues if c.weight]
    act = max(acts, key=lambda c: abs(c.weight), default=None)
    if act is None:
        return [mention], []
    cue = Cue(carry.start, carry.end, carry.text, f"{carry.text} = {act.pattern}", act.category, act.base_weight,
              act.weight, (f"the previous sentence's act '{act.text}'",))
    return [mention], [cue]


_CLAUSE_BREAK = re.compile(r"[,;:()«»\"“”—]")


def _only_sources(read: _SentenceRead, text: str) -> bool:
    """Whether every country the sentence names as an actor is named only in a phrase giving a report's
    source ("selon Séoul", "according to Seoul": roles.tsv report_source, from its opening words): a subject
    pronoun going on with an earlier subject then has no counterpart in the sentence, only a reporter."""
    openers = role_words(read.language).get("report_source", frozenset())
    own = [m for m in read.mentions if m.role == "actor" and m.kind not in ("anaphora", "reference")]
    if not own or not openers:
        return False
    for m in own:
        clause = _CLAUSE_BREAK.split(text[read.start:m.start])[-1]
        if not any(phrase_key(clause).startswith(o + " ") or phrase_key(clause) == o for o in openers):
            return False
    return True


def main_language(article: Article) -> str:
    lang = (article.language or "").lower()[:2] or language.detect_article_language(article.text)
    if lang not in language.SUPPORTED:
        raise ScoringError(
            f"the article is in a language the tracker does not read ({lang!r}); "
            f"it reads {', '.join(language.SUPPORTED)}: add a 'Language: fr' or 'Language: en' header "
            "line if the detection is wrong"
        )
    return lang


def publication(article: Article, lang: str) -> tuple[date, str]:
    """The date relative expressions are resolved against, and how it was found."""
    if article.published and article.published_source not in WEAK_DATE_SOURCES:
        return article.published, article.published_source
    # A dateline without a year ("PARIS, 3 mars (AFP)") is placed before the file's own date, not today.
    found = publication_date_from_text(article.text, lang, reference=article.published)
    if found:
        return found[0], "text"
    if article.published:
        return article.published, article.published_source
    raise ScoringError(
        "no publication date: the article has no Date: header and none was found in its text; "
        "add a line 'Date: YYYY-MM-DD' at the top of the file and drop it again"
    )


def one_sides(same_side: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each country named together on one side with others (split_sides) -> that whole side."""
    groups: dict[str, set[str]] = {}
    for a, b in same_side:
        merged = groups.get(a, {a}) | groups.get(b, {b})
        for country in merged:
            groups[country] = merged
    return {country: frozenset(group) for country, group in groups.items()}


def attribute_cues(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], cues: Sequence[Cue], text: str = "",
    sides: dict[str, frozenset[str]] | None = None, targets: dict[int, frozenset[str]] | None = None,
    roles: dict[int, CueRoles] | None = None, lang: str = "en",
) -> dict[tuple[str, str], list[Cue]]:
    """Each cue goes to the pair whose two countries are named closest to it.

    "le président américain a ordonné le bombardement contre le régime syrien, ce qui a provoqué un
    regain de tensions entre les deux puissances": the bombing belongs to USA-SYR, whose actors
    surround it, and the tensions to the pair that "les deux puissances" names. A pair's distance to a
    cue is the larger of its two countries' nearest distances; pairs within a few words of the nearest
    share the cue, so "Japan, South Korea and the United States agreed" gives the agreement to all three.

    A tension cue followed by "in/en/on/sur/over" and a topic or place country, nearer than any actor
    ("discussed the crisis in Haiti", "la guerre en Ukraine"), is a situation in that country, not an
    act between the pair: it goes to no pair. An agreement signed "à Tokyo" keeps its pair. A cue that
    names its target ("sa guerre contre l'Ukraine", cue_targets.py) goes to that country's pairs.

    Before all this, the parse: a cue whose own clause names both its sides (cue_targets.cue_roles: its
    subject, agent or owner, and its objects and complements) goes to the pairs of those sides only, so
    in "Madrid backs Rabat's plan, angering Algiers" the support is ESP-MAR's and the anger DZA-ESP's.
    """
    result: dict[tuple[str, str], list[Cue]] = {pair: [] for pair in pairs}
    actors = [m for m in mentions if m.role == "actor"]
    subjects = [m for m in mentions if m.role in ("topic", "place")]
    cues = [c for c in cues if not _situation_in(c, actors, subjects, text)]
    if len(pairs) == 1:
        result[pairs[0]] = list(cues)
        return result
    runs = coordinations(mentions, text) if text else []
    # "A expelled envoys of C, as did B": B stands on A's side of A's act (frames.echo_runs)
    runs += [run + [m for m, _ in echoes] for run, echoes in (echo_runs(mentions, text) if text else [])]
    exercises = frozenset(cue_words(lang).get("shared exercise"))
    for cue in cues:
        cue_roles = (roles or {}).get(cue.start)
        target = (targets or {}).get(cue.start, frozenset())
        if cue_roles and target:
            # a list read after the cue stops where the parse leaves its clause ("avec X, le pays Y a ...")
            target = target & cue_roles.countries(mentions)[1] or target
        attached = _attached(pairs, *_listed_sides(cue_roles, mentions, runs, target),
                             joint=is_exercise(cue.pattern, exercises)) if cue_roles else []
        if attached:  # the parse names both sides of the act: each pair of them takes it
            for pair in attached:
                result[pair].append(cue)
            continue
        # The target faces the act's source: a pair of two targets ("au Venezuela et au Nicaragua") is none.
        aimed = [pair for pair in pairs if len(target.intersection(pair)) == 1] or pairs
        near = _run_distances({c: _side_nearest(actors, c, cue, sides or {}) for pair in pairs for c in pair}, runs)
        distances = {pair: max(near[country] for country in pair) for pair in aimed}
        best = min(distances.values(), default=0)
        for pair, distance in distances.items():
            if distance <= best + SHARED_CUE_SLACK:
                result[pair].append(cue)
    return result


def governing_acts(cues: Sequence[Cue], pair: tuple[str, str], mentions: Sequence[Mention],
                   roles: dict[int, CueRoles], runs: Sequence[Sequence[Mention]],
                   occasions: frozenset[str] = frozenset(), across: frozenset[str] = frozenset()) -> frozenset[int]:
    """The starts of the pair's cues that report the act governing it: in the main clause (no background
    part, cues/clauses.py), not denied, with an own clause (cue_targets.cue_roles) that names both its
    countries, one as the acting side and the other as a party, or both acting ("A and B signed"). The
    strongest of them sets the pair's level in place of a stronger cue of the other sign
    (scoring.sentence_score): "accused Armenia of shelling" outweighs a truce Azerbaijan says it observes.
    A meeting (an occasion category) governs nothing: the climate it is held in is the news
    (cues/clauses.py, damp_settings). Nor does a cue read across a coordinator (`across`): its words may
    stand in two clauses ("les combats ont repris et les relations ... se dégradent")."""
    found = set()
    for cue in cues:
        cue_roles = roles.get(cue.start)
        if cue_roles is None or not cue.weight or cue.setting is not None or cue.category in occasions:
            continue
        if cue.weight * cue.base_weight < 0:  # a denied act ("n'a pas accusé") is no act the pair did
            continue
        if not across.isdisjoint(cue.text.lower().split()):
            continue
        agents, others = _listed_sides(cue_roles, mentions, runs, frozenset())
        a, b = pair
        if (a in agents and b in others) or (b in agents and a in others) or (a in agents and b in agents):
            found.add(cue.start)
    return frozenset(found)


def _listed_sides(roles: CueRoles, mentions: Sequence[Mention], runs: Sequence[Sequence[Mention]],
                  target: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A cue's acting countries and its others (cue_targets.cue_roles), each with the countries listed
    with them (frames.coordinations: a list the parse splits is still one side); the country the cue
    names right after it (cue_targets) is its other side, whatever else its complement names."""
    agents, others = roles.countries(mentions)
    if target:
        others = target
    for run in runs:
        listed = frozenset(m.country for m in run)
        if listed & agents:
            agents |= listed
        elif listed & others:
            others |= listed
    return agents, others - agents


def _attached(pairs: Sequence[tuple[str, str]], agents: frozenset[str], others: frozenset[str], joint: bool = False,
              ) -> list[tuple[str, str]]:
    """The pairs a cue's clause names both sides of (cue_targets.cue_roles); none when the parse names
    fewer, and the cue goes to the nearest pair as in a sentence the parse does not attach.

    An acting country and another of the clause: the pairs of one with the other ("Madrid backs Rabat's
    plan": ESP-MAR, not a third country of the sentence). Several acting countries and no other ("A, B
    and C signed a joint statement", "talks between A and B"): the pairs among them. An exercise is held
    by every country of its clause ("A's destroyer joined B's and C's warships for drills"): each pair of
    them (cues/shared.py)."""
    if joint and len(agents | others) >= 2:
        return [p for p in pairs if set(p) <= agents | others]
    if agents and others - agents:
        return [p for p in pairs if (p[0] in agents and p[1] in others) or (p[1] in agents and p[0] in others)]
    if len(agents) >= 2:
        return [p for p in pairs if set(p) <= agents]
    return []


def _side_nearest(mentions: Sequence[Mention], country: str, cue: Cue, sides: dict[str, frozenset[str]]) -> int:
    """A country named on one side with others ("le Mali et ses alliés du Niger") stands as near as they."""
    return min(_nearest(mentions, member, cue) for member in sides.get(country, (country,)))


def _run_distances(near: dict[str, int], runs: Sequence[Sequence[Mention]]) -> dict[str, int]:
    """Countries listed together share their act ("Kuwait, Oman and Jordan cut ties with Syria",
    invented): each stands as near a cue as the nearest of its list."""
    for run in runs:
        countries = [m.country for m in run if m.country in near]
        nearest = min((near[c] for c in countries), default=0)
        near.update({c: nearest for c in countries})
    return near


def _nearest(mentions: Sequence[Mention], country: str | None, cue: Cue) -> int:
    return min(
        (max(0, m.start - cue.end, cue.start - m.end) for m in mentions if country is None or m.country == country),
        default=10**9,
    )


def _situation_in(cue: Cue, actors: Sequence[Mention], subjects: Sequence[Mention], text: str) -> bool:
    if cue.weight <= 0 or not text:
        return False
    nearest_actor = _nearest(actors, None, cue)
    for m in subjects:
        gap = text[cue.end : m.start]
        if 0 <= len(gap) <= SUBJECT_REACH and len(gap) < nearest_actor and SITUATION_LINK.fullmatch(gap):
            return True
    return False


def _parse(text: str, main_lang: str, title: str | None) -> Iterator[tuple[list[SentenceSpan], Doc | None]]:
    """The article's sentences in text order, chunk by chunk, each parsed by the pipeline of its own
    language, with the title's Doc beside the first chunk's (None without a title, and for the others).

    A chunk is consecutive paragraphs of at most CHUNK_CHARS (an ordinary article is one): spaCy's
    memory grows with the text it is handed at once, and a chunk's Docs go once its sentences are read,
    so a long article is parsed in bounded memory and in time linear in its length. The parse of a
    paragraph does not depend on what is parsed beside it (bench/dump_readings.py is the same for
    any batching).
    """
    for number, chunk in enumerate(_chunks(text)):
        yield _parse_chunk(text, chunk, main_lang, title if number == 0 else None)


def _parse_chunk(
    text: str, paragraphs: list[tuple[int, int]], main_lang: str, title: str | None
) -> tuple[list[SentenceSpan], Doc | None]:
    """The sentences of some paragraphs ((start, end) in text), each with its language, parsed where
    they can give an observation (tracker/scorer/sentences.py), and the title's Doc when given."""
    split = split_article(text, paragraphs, main_lang, title)
    parse_all([split])
    return split.sentences, split.title.span.doc if split.title else None


# spaCy refuses a text over nlp.max_length (1,000,000 characters, E088), and its memory grows with
# the text handed to it at once (~3 kB a character: 300 MB for a 100,000-character paragraph): a
# paragraph longer than MAX_PIECE_CHARS (an article without blank lines) is cut into pieces at a
# sentence end, and paragraphs go to spaCy in chunks of at most CHUNK_CHARS, so any text under the
# readers' size limit is scored in bounded memory.
MAX_PIECE_CHARS = 10_000
CHUNK_CHARS = 20_000
_PIECE_END = re.compile(r"[.!?»\n]\s+(?=\S)")


def _chunks(text: str) -> Iterator[list[tuple[int, int]]]:
    """(start, end) of the text's paragraphs or pieces, in consecutive runs of at most CHUNK_CHARS
    (a longer piece alone); at least one run, empty for a text without a word."""
    chunk: list[tuple[int, int]] = []
    size = 0
    for paragraph in _paragraphs(text):
        for start, end in _pieces(text, paragraph.start(), paragraph.end()):
            if chunk and size + end - start > CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
            chunk.append((start, end))
            size += end - start
    yield chunk


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of a paragraph, or of consecutive pieces of it at most MAX_PIECE_CHARS long,
    each cut after a sentence end (or, without one, at a space) and starting on a non-space."""
    while end - start > MAX_PIECE_CHARS:
        window = text[start : start + MAX_PIECE_CHARS]
        cuts = [m.end() for m in _PIECE_END.finditer(window)] or [m.end() for m in re.finditer(r"\s+(?=\S)", window)]
        cut = start + (cuts[-1] if cuts else MAX_PIECE_CHARS)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
    yield start, end


def _paragraphs(text: str) -> Iterator[re.Match[str]]:
    return re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, flags=re.S)
