"""Modifier phrases looked for in small windows around a cue (every English rule, French
intensifiers, attenuators and modality words, and French without a parse).

A window stops at punctuation, at boundary words ("but", "that", "amid") and at another cue;
"and"/"or" also bound the degree and topic windows.
"""

from __future__ import annotations

from collections.abc import Iterable

from .context import Hit, SentenceContext
from .matching import Match
from .rules import DEGREE_KINDS


def window_hits(ctx: SentenceContext, match: Match) -> Iterable[Hit]:
    """The window rules that apply to the cue: before it, after it, and inside its gaps."""
    yield from _before(ctx, match)
    yield from _after(ctx, match)
    yield from _in_gaps(ctx, match)
    yield from _demand_before(ctx, match)


def _demand_before(ctx: SentenceContext, match: Match) -> Iterable[Hit]:
    """A demand or an appeal before the cue: "demanded that Bolivia cooperate", "exige que Bamako
    coopère", "called on Tehran to resume talks". Read across "that"/"que", up to punctuation, a
    conjunction or another cue (the demand may be a cue itself). An appeal ("urge", "appeler")
    presses someone only when it names them between (a capitalised word): "called on Tehran to
    resume talks" is pressure on Tehran, "urged closer ties" a wish (its modality row)."""
    table = ctx.table
    addressed = False
    p = match.start - 1
    while p >= 0 and match.start - 1 - p <= table.demand_reach:
        for word in ctx.words(p) & table.demand_rules.keys():
            for rule in table.demand_rules[word]:
                start = p - len(rule.words) + 1
                if (match.start - 1 - p <= rule.distance and (rule.kind == "demand" or addressed)
                        and ctx.phrase_at(rule.words, start) and _governs(ctx, start, match)):
                    trigger = ctx.trigger(rule, start)
                    if trigger:
                        yield Hit(rule, trigger, start)
                        return
        if p in ctx.cue_words or ctx.tokens[p].is_punct or ctx.infos[p].bounds_degree:
            return
        addressed = addressed or ctx.tokens[p].text[:1].isupper()
        p -= 1


def _governs(ctx: SentenceContext, start: int, match: Match) -> bool:
    """Whether a demand phrase may reach the cue: its first word is the demanding verb (or a
    condition's locution), not a noun the parse names beside the cue ("told him in a phone call on
    Tuesday that ... a deal", "told the press"). A verb is trusted whether or not the small parsers
    hang the cue under it ("a exhorté Moscou à mettre fin à ..." is parsed with "Moscou" as the root).
    Without a parse the window alone decides."""
    if not ctx.has_parse:
        return True
    word = ctx.tokens[start]
    return word.pos_ not in ("NOUN", "PROPN") or word.is_ancestor(ctx.root(match))


def _before(ctx: SentenceContext, match: Match) -> Iterable[Hit]:
    """Leftwards from the cue: a phrase ending at p, at most rule.distance words before."""
    infos = ctx.infos
    p = match.start - 1
    degree_blocked = False
    while p >= 0 and match.start - 1 - p <= ctx.table.max_window:
        info = infos[p]
        for rule in info.ending_rules:
            if degree_blocked and rule.kind in DEGREE_KINDS:
                continue
            start = p - len(rule.words) + 1
            if (match.start - 1 - p <= rule.distance and ctx.phrase_at(rule.words, start)
                    and not any(infos[q].stop for q in range(start, p + 1))):
                trigger = ctx.trigger(rule, start)
                if trigger:
                    yield Hit(rule, trigger, start)
        if p in ctx.cue_words:
            if not ctx.has_parse and not degree_blocked:  # "constructive and friendly": no topic
                yield from _topic_before(ctx, match, p)
            break
        if info.stop:
            break
        degree_blocked = degree_blocked or info.bounds_degree
        p -= 1


def _topic_before(ctx: SentenceContext, match: Match, p: int) -> Iterable[Hit]:
    """The cue at p is a statement or consultation whose topic the cue is ("condemned the test")."""
    other = ctx.cue_at[p]
    for rule in ctx.table.topic_rules:
        if (rule.scope == "before" and match.start - 1 - p <= rule.distance
                and " ".join(rule.words) == other.entry.category
                and (rule.kind != "background" or _framed(ctx, p, match.start))):
            yield Hit(rule, ctx.text_of(other.words), p)


def _framed(ctx: SentenceContext, act: int, cue: int) -> bool:
    """Whether the words between an act and a cue make the cue its topic (topic markers)."""
    markers = ctx.words_of_language.get("topic marker")
    return act + 1 == cue or any(ctx.form(q) in markers for q in range(act + 1, cue))


def _after(ctx: SentenceContext, match: Match) -> Iterable[Hit]:
    """Rightwards: a phrase starting at p, at most rule.distance words after."""
    infos = ctx.infos
    p = match.end + 1
    degree_blocked = False
    while p < len(infos) and p - match.end - 1 <= ctx.table.max_window:
        info = infos[p]
        for rule in info.starting_rules:
            if degree_blocked and rule.kind in DEGREE_KINDS:
                continue
            if p - match.end - 1 <= rule.distance and ctx.phrase_at(rule.words, p):
                trigger = ctx.trigger(rule, p)
                if trigger:
                    yield Hit(rule, trigger, p)
        if info.stop or p in ctx.cue_words:
            break
        degree_blocked = degree_blocked or info.bounds_degree
        p += 1


def _in_gaps(ctx: SentenceContext, match: Match) -> Iterable[Hit]:
    """Inside the gaps of a gapped cue ("tensions did not ease"), in either direction.

    A modality word that bears on what follows it ("towards a deal", "vers une normalisation") does
    so only within its distance of the next word of the cue, and not when a name follows it: in
    "fired from the desert towards India two missiles" it points the launch at a place, it does not
    make the launch a mere direction.
    """
    words = set(match.words)
    # A cue the parse linked across other words (matching.Match.link) reads in its gaps only what
    # hangs on its own words ("l'ambassadeur ... n'a pas été rappelé"), not another clause's modifiers.
    own = {ctx.tokens[p] for p in words} if match.link else set()
    for p in range(match.start + 1, match.end):
        if p in words or (own and ctx.tokens[p].head not in own):
            continue
        for rule in ctx.infos[p].first_rules:
            end = p + len(rule.words) - 1
            if end < match.end and rule.kind == "modality" and rule.scope == "before" and (
                    min((w for w in words if w > end), default=end + 1) - end - 1 > rule.distance
                    or ctx.tokens[end + 1].text[:1].isupper()):
                continue
            if end < match.end and words.isdisjoint(range(p, end + 1)) and ctx.phrase_at(rule.words, p):
                trigger = ctx.trigger(rule, p)
                if trigger:
                    yield Hit(rule, trigger, p)
