"""A cue's weight from its lexicon weight and the modifiers found for it (windows.py, modifiers.py).

    weight = base x intensifier x attenuator x modality x topic
    negated: weight = weight x -0.6, magnitude capped at 3.5 (a denied event is weak evidence
             of its opposite: "ne s'est pas amélioré" is mild tension, not a deterioration)
    a denied denial ("has not ruled out talks", "n'exclut pas de rencontrer"): no negation,
             a modality x0.6 instead (possible, not done);
    a tension named as what a consultation is about ("discussed the war", "ont discuté de la
             guerre"): background x0.1 (not for sanctions, not for cooperation cues);
    the topic of a denied statement ("n'a pas condamné l'essai", "refused to condemn the
             invasion"): x0.1 instead of x0.4;
    a cue that only served as another cue's negation, which then reads the other way ("refused"
             in "refused to condemn"), is dropped: the refusal is the condemnation denied;
    a norm broken ("violated the ceasefire") negates a cooperative cue only: a hostile word is what
             the broken norm is about ("viole la convention sur le génocide"), not a hostility denied;
    a hostility that comes to an end ("the war had ended", "la guerre a pris fin"): negated like
             "mettre fin à" -- tension cues only, a summit that ends is no negation;
    a cooperation that collapses or does not hold ("the truce collapsed", "l'accord n'a pas tenu"):
             negated -- cooperative cues only, an offensive that collapses is no cooperation;
    a consultation whose outcome the sentence denies ("the summit failed to produce an agreement"):
             x0.1, the occasion of a failure;
    a cooperative cue demanded of someone ("demanded that Bolivia cooperate", "called on Tehran to
             resume talks", "exige que Bamako coopère"): demand x-0.4, mild tension, in place of
             the demand's modality (the pressure is the act; the cooperation is not done); so is
             a hostility demanded to stop ("urged Moscow to stop its attacks", "Russia must end its
             invasion"): negated, then x-0.4;
    then clamped to -10..+10 and rounded to 2 decimals.
Of each kind only the strongest applies, once. Every modifier applied is listed in Cue.modifiers as
readable text, e.g. "negation 'ne ... pas': x-0.6", "modality 'devait': x0.6". A cue in quotes or
in a question keeps its weight; that is noted.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from tracker.records import SCORE_MAX, SCORE_MIN
from tracker.scorer.lexicon import LexiconEntry

from .context import Hit, SentenceContext
from .matching import Match
from .modifiers import parse_hits
from .rules import DEMAND_KINDS, SUBJECT_VERB_KINDS, ModifierRule
from .windows import window_hits
from .words import CueWords

NEGATION_CAP = 3.5  # largest magnitude a negated cue keeps
# A topic of a statement that is itself denied ("n'a pas condamné l'essai nucléaire", "refused to
# condemn the invasion") is background only: the denial, not the event talked about, is the act.
DENIED_TOPIC_FACTOR = 0.1
# A consultation whose outcome a sentence denies ("the talks ended without a deal", "le sommet n'a
# débouché sur aucun accord") is the occasion of a failure, not cooperation: it keeps this share.
FAILED_OCCASION_FACTOR = 0.1
# A modal of obligation over a hostility's end weighs as a demand row does (modifiers.tsv: x-0.4).
OBLIGATION_DEMAND_FACTOR = -0.4
# Which of two hits of a kind stays: the larger intensifier, the smaller attenuator, modality or
# topic factor; of two negations, the first.
_STRONGER: dict[str, Callable[[float, float], bool]] = {
    "intensifier": operator.gt, "attenuator": operator.lt, "modality": operator.lt, "topic": operator.lt,
}
_FACTOR_KINDS = ("intensifier", "attenuator", "modality", "topic", "demand")  # in the order notes list them

Found = dict[str, Hit]  # one cue's modifiers: kind -> the hit that stays


def _kind_for(rule: ModifierRule, entry: LexiconEntry, words: CueWords) -> str | None:
    """The kind a hit counts as for this cue, or None if it does not apply to it."""
    kind = rule.kind
    if kind == "ending":
        # The end of a hostility negates it; a meeting or a truce that ends is no cue's negation
        # ("the summit ended with a pledge").
        return "negation" if entry.weight > 0 else None
    if kind in ("collapse", "lasting"):
        # A cooperation that collapses or does not hold is tension; "the offensive collapsed" is
        # no cooperation.
        return "negation" if entry.weight < 0 else None
    if (kind == "negation" and rule.scope == "head" and rule.words[0] in words.get("completion head")
            and entry.category in words.get("occasion category")):
        return None  # "ended a first round of talks": the talks were held
    if kind == "negation" and rule.scope == "head" and rule.words[0] in words.get("breaking head") and entry.weight > 0:
        return None  # "viole la convention sur le génocide": a broken norm is tension, whatever it is about
    if kind in DEMAND_KINDS:
        return "demand"  # whether it stays depends on the cue's negation (cue_modifiers)
    if kind == "background":
        # Talking about cooperation is still cooperation; discussing sanctions against a country
        # is a step towards them (modifiers.tsv).
        exempt = entry.weight <= 0 or entry.category in words.get("background exempt category")
        return None if exempt else "topic"
    return kind


def cue_modifiers(ctx: SentenceContext, match: Match) -> Found:
    """The modifiers of one cue, the strongest of each kind; two negations make a double one."""
    found: Found = {}
    negations: list[Hit] = []
    words = ctx.words_of_language

    def offer(hit: Hit) -> None:
        kind = _kind_for(hit.rule, match.entry, words)
        if kind is None:
            return
        if kind == "negation":
            negations.append(hit)
        best = found.get(kind)
        if best is None or (kind in _STRONGER and _STRONGER[kind](hit.rule.factor, best.rule.factor)):
            found[kind] = hit

    for hit in window_hits(ctx, match):
        if hit.rule.kind in ("negation", *SUBJECT_VERB_KINDS) and ctx.has_parse:
            continue  # the parse decides French negation
        offer(hit)
    if ctx.has_parse:
        for hit in parse_hits(ctx, match):
            offer(hit)
    elif len(negations) > 1:
        double = _denied_denial(negations, words)
        if double is not None:
            del found["negation"]
            offer(Hit(ctx.table.double_negation, *double))
    # A demand is its own mood: demanded cooperation ("exige que Bamako coopère") or a demanded end of
    # a hostility ("urged Moscow to stop its attacks") is pressure now, not a possible cooperation; a
    # demanded hostility or end of cooperation ("réclamé le gel de la coopération") is a hostile
    # content, read as such.
    if "demand" in found:
        pressure = (match.entry.weight > 0) == ("negation" in found)
        found.pop("modality" if pressure else "demand", None)
    elif match.entry.weight > 0 and "negation" in found:
        _obligation_as_demand(found, words)
    # A statement that is itself the cue's negation ("refused to condemn") is no topic of it.
    topic, negation = found.get("topic"), found.get("negation")
    if topic and negation and topic.at is not None and topic.at == negation.at:
        del found["topic"]
    return found


def _obligation_as_demand(found: Found, words: CueWords) -> None:
    """A hostility's end under a modal of obligation is demanded of its author: "Russia must end its
    invasion" is pressure on Russia, read like "urged Russia to end its invasion"."""
    modality = found.get("modality")
    if modality is None or modality.rule.words[-1] not in words.get("obligation modal"):
        return
    rule = modality.rule
    del found["modality"]
    found["demand"] = Hit(ModifierRule(rule.lang, "demand", rule.phrase, rule.words, OBLIGATION_DEMAND_FACTOR,
                                       rule.scope, rule.distance, "a hostility's end demanded"),
                          modality.trigger, modality.at)


def _denied_denial(negations: list[Hit], words: CueWords) -> tuple[str, int] | None:
    """Without a parse: a negation particle before a negating verb denies the denial ("has not
    ruled out talks", "did not refuse to meet"); its trigger and position."""
    denying = words.get("denying particle")
    placed = [(h, h.at) for h in negations if h.at is not None]
    particles = [(h, at) for h, at in placed if h.rule.words[-1] in denying]
    verbs = [(h, at) for h, at in placed if h.rule.words[-1] not in denying]
    outer = next(((p, at) for p, at in particles for _, verb_at in verbs if at < verb_at), None)
    if outer is None:
        return None
    particle, at = outer
    inner = next(v for v, verb_at in verbs if at < verb_at)
    return f"{particle.trigger} ... {inner.trigger}", at


def relate_denied_topics(matches: list[Match], found: dict[int, Found], ctx: SentenceContext) -> None:
    """A topic of a denied statement is background only ("n'a pas condamné l'essai nucléaire")."""
    for match in matches:
        topic = found[match.start].get("topic")
        if topic is None or topic.rule.kind != "topic" or topic.at is None:
            continue
        statement = ctx.cue_at.get(topic.at)
        if statement is not None and "negation" in found.get(statement.start, {}):
            rule = topic.rule
            found[match.start]["topic"] = Hit(
                ModifierRule(rule.lang, "topic", rule.phrase, rule.words, DENIED_TOPIC_FACTOR, rule.scope,
                             rule.distance, "topic of a denied statement"),
                topic.trigger + " (denied)", topic.at)


Weighed = dict[int, tuple[float, list[str]]]  # match start -> (weight, notes)


def damp_failed_occasions(matches: list[Match], found: dict[int, Found], weighed: Weighed, words: CueWords) -> None:
    """A meeting whose outcome the sentence denies is the occasion of a failure.

    "The summit failed to produce an agreement", "les négociations n'ont permis aucune avancée":
    the denied outcome is the news; the meeting, which did take place, would otherwise outweigh it
    (a meeting -1.5..-2.5, a denied outcome at most +2.7).
    """
    outcomes, occasions = words.get("outcome category"), words.get("occasion category")
    failed = [m for m in matches if m.entry.category in outcomes
              and "negation" in found[m.start] and weighed[m.start][0] > 0]
    if not failed:
        return
    trigger = failed[0].entry.pattern
    for match in matches:
        weight, notes = weighed[match.start]
        if match.entry.category in occasions and "negation" not in found[match.start] and weight < 0:
            weighed[match.start] = (round(weight * FAILED_OCCASION_FACTOR, 2),
                                    notes + [f"occasion of a failure '{trigger}' (denied): x{FAILED_OCCASION_FACTOR:g}"])


def absorbed_negators(matches: list[Match], found: dict[int, Found], weighed: Weighed,
                      ctx: SentenceContext) -> set[int]:
    """Cues that only served as another cue's negation, which then reads the other way.

    "refused to condemn the invasion": the refusal is the condemnation denied (alignment), not a
    disagreement beside it; "refused to meet" keeps both, since both read as tension.
    """
    absorbed: set[int] = set()
    for match in matches:
        negation = found[match.start].get("negation")
        if negation is None or negation.at is None:
            continue
        negator = ctx.cue_at.get(negation.at)
        if negator is None or negator is match:
            continue
        weight = weighed[match.start][0]
        if weight and (weight > 0) != (negator.entry.weight > 0):
            absorbed.add(negator.start)
    return absorbed


def combine(match: Match, found: Found, ctx: SentenceContext) -> tuple[float, list[str]]:
    """The cue's weight with its modifiers applied, and the notes that say which."""
    weight = match.entry.weight
    notes: list[str] = []
    for kind in _FACTOR_KINDS:
        if kind in found:
            rule, trigger, _ = found[kind]
            weight *= rule.factor
            label = {"topic": "topic of", "background": "background of"}.get(rule.kind, kind)
            if rule is ctx.table.double_negation:
                label = "double negation"
            notes.append(f"{label} '{trigger}': x{rule.factor:g}")
    if "negation" in found:
        rule, trigger, _ = found["negation"]
        weight *= rule.factor
        capped = abs(weight) > NEGATION_CAP
        if capped:
            weight = NEGATION_CAP if weight > 0 else -NEGATION_CAP
        notes.append(f"negation '{trigger}': x{rule.factor:g}" + (f", capped at {NEGATION_CAP:g}" if capped else ""))
    weight = round(min(SCORE_MAX, max(SCORE_MIN, weight)), 2)
    if ctx.in_quotes(match):
        notes.append("in quotes: no change")
    if ctx.in_question(match):
        notes.append("in a question: no change")
    return weight, notes
