"""Second look at an actor's role, from the mention before it and from the whole sentence.

- coordination: a role given by a preposition spreads over coordination ("sous l'égide des
  États-Unis et de la France", "brokered by Egypt and Qatar");
- apposition: the same country right after a place is that place again ("in Doha, Qatar");
- lists: the last items of a list of topics take the list head's role ("discussed trade, Taiwan
  and Ukraine"), unless the list is the subject of a verb that follows;
- match reports: a national team is not the state ("Coupe du monde", "semi-final");
- datelines: "DOHA —", "MOSCOW (Reuters) -" is where the report was filed;
- witnesses: "en présence de l'envoyé français", "in the presence of Chinese officials" attend, no side.

``REVISIONS`` run in order, each on the role the one before left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from tracker.scorer.mentions.decision import RoleDecision
from tracker.scorer.mentions.gazetteer import Found, PhraseIndex, list_index, mention_index, scan
from tracker.scorer.mentions.pieces import HYPHENS
from tracker.scorer.mentions.preposition_roles import preposition_role
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import SENTENCE_BREAKS, grammar_words

_CONJUNCTIONS = grammar_words("conjunction")
WITNESS_REACH = 14  # pieces read back from a country for a witness phrase ("en présence d'un représentant ... français")
_LIST_GOES_ON = grammar_words("list_goes_on")
_REPEATED_PREPOSITIONS = grammar_words("repeated_preposition")
_CONTRACTED_ARTICLES = grammar_words("contracted_article")
# Words a list of topics does not cross when read backwards: another party's preposition or a verb start.
_LIST_STOPS = grammar_words("list_stop")
# Words that start a verb phrase after a subject: "en Syrie et la Russie a protesté" is two clauses.
_VERB_STARTS = {lang: grammar_words("verb_start", lang) for lang in ("fr", "en")}
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # English finite verbs (Penn tags)
# Never coordinated, listed or in apposition: they take their role from their own words.
_OWN_ROLE_KINDS = frozenset({"demonym", "prefix", "person"})


class Previous(NamedTuple):
    """The mention before in the sentence, with the role it took."""

    match: Found
    decision: RoleDecision


# A revision reads the current match (its kind given apart) and its role so far.
Revision = Callable[[SentenceContext, Previous | None, Found, str, RoleDecision], RoleDecision | None]


def _verb_follows(ctx: SentenceContext, following: str) -> bool:
    return following in _VERB_STARTS.get(ctx.lang, ()) or (ctx.lang == "en" and following.endswith("ed"))


def _coordinated(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    """'à Moscou et Washington', 'sur la Syrie et la Libye': the second takes the first's role."""
    if previous is None or decision.from_preposition or decision.role != "actor":
        return None
    role = _coordinated_role(ctx, previous, match)
    if role is None:
        return None
    return RoleDecision(role, f"coordinated with '{ctx.text_of(previous.match.first, previous.match.last)}'", True)


def _coordinated_role(ctx: SentenceContext, previous: Previous, match: Found) -> str | None:
    """'à Moscou et Washington', 'sur la Syrie et la Libye', 'in Syria and Iraq': the second takes
    the first's preposition, unless a new clause starts with it ('en Syrie et la Russie a protesté').

    The small French parser often gets this coordination wrong, so it is read from the words: the
    same use of articles on both sides, a single conjunction between, no verb right after, and
    (French) the parser not calling the second one a subject.
    """
    before, role = previous.match, previous.decision.role
    if not previous.decision.from_preposition or role == "actor" or match.entry.kind in _OWN_ROLE_KINDS:
        return None
    between = ctx.keys[before.last : ctx.skip_determiners(match.first)]
    # "de la Syrie et de la Libye", "d'Oman et du Qatar": the preposition may be repeated after
    # the conjunction, which says the two are coordinated whatever their articles.
    repeated = len(between) == 2 and between[1] in _REPEATED_PREPOSITIONS
    if repeated:
        between = between[:1]
    if len(between) != 1 or between[0] not in _CONJUNCTIONS:
        return None
    gap = ctx.text[ctx.pieces[before.last - 1].end - ctx.offset : ctx.pieces[match.first].start - ctx.offset]
    if any(c in HYPHENS for c in gap):
        return None  # "NAIROBI, - Kenya and Uganda": a dateline, then the sentence's subjects
    following = ctx.keys[match.last] if match.last < len(ctx.keys) else "."
    # "in Syria, the Israeli army said", "sous l'égide du Qatar, le Soudan...": a comma lists
    # only when the French parse says so or the list goes on ("discussed Taiwan, Ukraine and
    # trade", "hosted by Sudan, Kenya and the United States").
    subject = between[0] == "," and _list_is_a_subject(ctx, match.last)
    listed = between[0] == "," and following in _LIST_GOES_ON and not subject
    # The parse's "conj" does not join a comma to a list that is a verb's subject ("Grâce à une
    # médiation des Émirats, la Russie et l'Ukraine ont procédé ...": the mediator ends at the comma).
    if between[0] == "," and not listed and (ctx.lang != "fr" or ctx.token(match.first).dep_ != "conj" or subject):
        return None
    # Articles must agree ("en Syrie et la Russie a protesté" is two clauses), except where the
    # words already say coordination: a repeated preposition, a list going on, or English "the"
    # (which comes with some names only: "Saudi Arabia and the United States").
    if not (repeated or listed or ctx.lang == "en") and _article_before(ctx, before.first) != _article_before(ctx, match.first):
        return None
    # English: "a truce brokered by Qatar and Egypt halted ...": the verb after a mediator's list is the
    # main verb of the noun the mediator phrase qualifies, not the start of a new clause.
    if _verb_follows(ctx, following) and not (ctx.lang == "en" and role == "mediator"):
        return None
    if ctx.lang == "fr" and ctx.token(match.first).dep_ in {"nsubj", "nsubj:pass"}:
        return None
    return role


def _article_before(ctx: SentenceContext, first: int) -> bool:
    """An article before the mention, contracted ones included ("des États-Unis", "du Qatar")."""
    return ctx.skip_determiners(first) < first or (first > 0 and ctx.keys[first - 1] in _CONTRACTED_ARTICLES)


def _apposition_of_place(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    """'in Doha, Qatar', 'the Omani capital, Muscat', 'la capitale qatarie Doha': the same country
    right after a place, with only a comma, an article or a place noun between, is that place again."""
    if decision.role != "actor" or previous is None:
        return None
    before = previous.match
    if previous.decision.role != "place" or before.entry.code != match.entry.code or match.entry.kind not in {"name", "capital"}:
        return None
    gap = ctx.text[ctx.pieces[before.last - 1].end - ctx.offset : ctx.pieces[match.first].start - ctx.offset]
    if any(c in HYPHENS for c in gap):
        return None  # "DOHA — Qatar said": a dateline, then the sentence
    between = ctx.keys[before.last : match.first]
    # "in Oman's capital, Muscat": the possessive of the place before is no other place
    if len(between) <= 3 and all(key in {",", "(", "'s"} or ctx.has("determiner", key) or ctx.has("place_noun", key)
                                 for key in between):
        return RoleDecision("place", f"names the same place as '{ctx.text_of(before.first, before.last)}'", True)
    return None


def _listed(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    if decision.role != "actor" or decision.from_preposition:
        return None
    return _list_role(ctx, match, kind)


def _list_role(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """'discussed trade and Ukraine', 'negotiations over Kashmir and Afghanistan', 'ont évoqué le
    commerce et l'Ukraine': the last items of a list of topics (or mediators) whose first item is
    not a country take the role the list's head gives.

    Read backwards from the conjunction over at most ten pieces, stopping at a clause break, a
    verb start, another country or another party's preposition ("discussed trade with Russia and
    Ukraine": Ukraine is with Russia, not a topic).
    """
    if match.entry.kind in _OWN_ROLE_KINDS:
        return None
    i = ctx.skip_determiners(match.first)
    if i > 0 and ctx.keys[i - 1] in _REPEATED_PREPOSITIONS and i > 1 and ctx.keys[i - 2] in _LIST_GOES_ON:
        i -= 1
    if i < 2 or ctx.keys[i - 1] not in _LIST_GOES_ON:
        return None
    following = ctx.keys[match.last] if match.last < len(ctx.keys) else "."
    if _verb_follows(ctx, following):
        return None
    if ctx.keys[i - 1] == "," and (following not in _LIST_GOES_ON or _list_is_a_subject(ctx, match.last)):
        # A list's last item comes after "and"/"or": after a lone comma the country opens the clause
        # ("On January 2, 2024, Somalia officially declared ...", "On trade, Kenya firmly said ..."),
        # and so do the countries a verb follows ("In a dispute over tariffs, Mexico and the United
        # States agreed ...").
        return None
    index = mention_index(ctx.lang)
    verbs = _VERB_STARTS.get(ctx.lang, frozenset())
    for at in range(i - 2, max(-1, i - 12), -1):
        key = ctx.keys[at]
        if key in SENTENCE_BREAKS or key in _LIST_STOPS or key in verbs or key in index.entries:
            return None
        before = ctx.skip_determiners(at)
        head = ctx.phrase_before(before, "topic_prep") or ctx.phrase_before(before, "mediator")
        if head is not None:
            decision = preposition_role(ctx, at, at + 1, kind)
            if decision is not None and decision.role in {"topic", "mediator"}:
                return RoleDecision(decision.role, f"listed after '{head[0]}'", True)
            return None
    return None


def _list_is_a_subject(ctx: SentenceContext, i: int) -> bool:
    """After a list item at piece i, the rest of the list and then a verb: the list is a subject
    ("brokered by China, Saudi Arabia and Iran agreed", "Sous l'égide du Qatar, le Soudan et le
    Tchad ont signé"), so the first item's preposition does not spread over it."""
    index = mention_index(ctx.lang)
    for j in range(i, min(len(ctx.keys), i + 10)):
        key = ctx.keys[j]
        if key in _LIST_GOES_ON or ctx.has("determiner", key) or key in index.prefixes or ctx.pieces[j].text[:1].isupper():
            continue
        if _verb_follows(ctx, key):
            return not _subject_elsewhere(ctx.token(j))
        if ctx.lang == "en":  # a finite verb the parser tags: "On April 2, Chad and Niger held talks"
            return ctx.token(j).tag_ in _FINITE_TAGS and not _subject_elsewhere(ctx.token(j))
        return ctx.lang == "fr" and ctx.pos(j) in {"VERB", "AUX"} and not _subject_elsewhere(ctx.token(j))
    return False


def _subject_elsewhere(verb: Token) -> bool:
    """The verb's subject is a common noun, not the list: "Talks about Syria, Iraq and Libya took
    place": the talks took place, the countries are still what they are about."""
    if verb.dep_.startswith("aux"):  # "were held": the subject hangs on the participle
        verb = verb.head
    # a "subject" under a preposition is a misparse ("Sous la médiation du Qatar, le Tchad et ... ont conclu")
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj") and not any(g.dep_ == "case" for g in c.children)]
    # a common noun: lowercase, or capitalised only as the sentence's first word (the small French
    # parser tags country names NOUN: "l'Éthiopie et l'Égypte ont repris" keeps its list a subject)
    return bool(subjects) and all(c.pos_ == "NOUN" and (c.text[:1].islower() or c.i == c.sent.start)
                                  for c in subjects)


def _match_report(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    """A sentence about a match ("Coupe du monde", "semi-final"): a national team is not the state."""
    if decision.role != "actor" or kind == "person" or not ctx.sports_phrase:
        return None
    reason = f"a match ('{ctx.sports_phrase}'): a national team is not the state"
    return RoleDecision("topic", reason, decision.from_preposition)


def _in_dateline(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    """'DOHA —', 'MOSCOW (Reuters) -': a place in the opening dateline is where the report was filed."""
    if ctx.pieces[match.last - 1].end <= ctx.dateline_end:
        return RoleDecision("place", "dateline: where the report was filed", True, place_as="dateline")
    return None


def _witness(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    """ "ont signé, en présence de l'envoyé spécial français, un accord", "in the presence of Chinese
    officials": a country named in a witness phrase (list `witness`) attends the act, no side of it.
    The phrase reaches over its noun phrase and a list of countries ("en présence de responsables
    béninois, nigériens et chinois"), past a comma only when a country stands before it (a list): "In
    the presence of Chinese officials, Iran and Saudi Arabia signed" has Iran and Saudi Arabia sign."""
    if decision.role != "actor":
        return None
    index = mention_index(ctx.lang)
    for at in range(match.first, max(0, match.first - WITNESS_REACH), -1):
        found = ctx.phrase_before(at, "witness")
        if found:
            return RoleDecision("witness", f"after '{found[0]}': attends the act, no side", True)
        key = ctx.keys[at - 1]
        if key in SENTENCE_BREAKS or (key == "," and not _comma_in_list(ctx, previous, at, match, index)):
            return None
    return None


SERVING_REACH = 8  # pieces read after a country for "as mediators" ("and American delegations also attending as")


def _serving_as(
    ctx: SentenceContext, previous: Previous | None, match: Found, kind: str, decision: RoleDecision
) -> RoleDecision | None:
    """ "with Egyptian and American delegations attending as mediators", "with Ethiopia acting as a
    guarantor": a country whose noun phrase serves as a mediator or an observer (list `serving_as`)
    is no side of the act. Only conjunctions, articles, country words, capitalised names and words of
    `serving_bridge` may stand between: "accused Israel of sabotaging Qatar's role as mediator" leaves
    Israel a side."""
    if decision.role != "actor":
        return None
    index = mention_index(ctx.lang)
    phrases = {first: ctx.text_of(first, last) for first, last, _ in scan(ctx.pieces, list_index(ctx.lang, "serving_as"))}
    if not phrases:
        return None
    for at in range(match.last, min(len(ctx.keys), match.last + SERVING_REACH)):
        if at in phrases:
            return RoleDecision("mediator", f"serves '{phrases[at]}': no side", True)
        key = ctx.keys[at]
        if not (key in _CONJUNCTIONS and key != "," or ctx.has("determiner", key) or key in index.entries
                or ctx.pieces[at].text[:1].isupper() or ctx.has("serving_bridge", key)):
            return None
    return None


def _comma_in_list(ctx: SentenceContext, previous: Previous | None, after: int, match: Found, index: PhraseIndex) -> bool:
    """The comma before piece `after` separates two countries of a list: a country or a demonym ends before
    it (the previous mention, or a one-word form) and one begins after it."""
    comma = after - 1
    before = comma > 0 and ((previous is not None and previous.match.last == comma) or ctx.keys[comma - 1] in index.entries)
    return before and (after == match.first or ctx.keys[after] in index.entries)


REVISIONS: tuple[Revision, ...] = (_coordinated, _apposition_of_place, _listed, _match_report, _in_dateline, _witness,
                                   _serving_as)
