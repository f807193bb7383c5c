"""The parse as the modifier rules read it: Universal Dependencies relations between content words.

The French model speaks Universal Dependencies; the English one ClearNLP labels, which differ in two
ways that matter to the rules: other names for the same relations ("dobj" for "obj", "nsubjpass"
for "nsubj:pass", "relcl" for "acl:relcl"), and a preposition that heads its phrase ("end -prep->
of -pobj-> sanctions") where UD hangs it on its noun as a "case" marker ("fin -nmod-> sanctions
-case-> des"). EnglishRelations presents the English parse in the UD shape, so that one set of rules
reads both languages: a preposition's object hangs on the preposition's head, with the preposition
as its "case" child; the relation says whether the preposition introduces a complement ("an end to
the strikes", "withdrew from the treaty": "obl", which negation and topic rules follow) or an
adjunct ("suspended talks after the attack": "obl:mod", which they do not). The complement
prepositions are a word set (cue_words.tsv).
"""

from __future__ import annotations

from spacy.tokens import Token

# ClearNLP names of relations UD names otherwise (the rest are shared: nsubj, xcomp, ccomp, advcl,
# acl, conj, aux, amod, det, advmod ...).
_UD_NAMES = {"dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "relcl": "acl:relcl",
             "auxpass": "aux:pass", "acomp": "xcomp", "oprd": "xcomp", "attr": "obj", "dative": "iobj",
             "prt": "compound:prt", "npadvmod": "obl:mod"}
# A preposition's object, and its clause ("aimed at ending").
_OBJECT_OF_PREPOSITION = ("pobj", "pcomp")


class Relations:
    """UD relations read as they are (French)."""

    def head(self, token: Token) -> Token:
        return token.head

    def dep(self, token: Token) -> str:
        return token.dep_

    def children(self, token: Token) -> list[Token]:
        return list(token.children)

    def negation_bearers(self, children: list[Token]) -> list[Token]:
        """Words below the children that negate their parent too (none in UD: "ne" and "pas" hang on the verb)."""
        return []


class EnglishRelations(Relations):
    """The English parse in the UD shape (see the module docstring)."""

    def __init__(self, complement_prepositions: frozenset[str]):
        self.complement_prepositions = complement_prepositions

    @staticmethod
    def _preposition_of(token: Token) -> Token | None:
        """The preposition whose object the word is ("sanctions" in "the end of sanctions")."""
        head = token.head
        if token.dep_ in _OBJECT_OF_PREPOSITION and head is not token and head.dep_ in ("prep", "agent"):
            return head
        return None

    @staticmethod
    def _object_of(preposition: Token) -> Token | None:
        if preposition.dep_ not in ("prep", "agent"):
            return None
        return next((c for c in preposition.children if c.dep_ in _OBJECT_OF_PREPOSITION), None)

    def head(self, token: Token) -> Token:
        preposition = self._preposition_of(token)
        if preposition is not None:
            return preposition.head
        # A preposition with its object is that object's "case" child.
        return self._object_of(token) or token.head

    def dep(self, token: Token) -> str:
        preposition = self._preposition_of(token)
        if preposition is not None:
            if preposition.dep_ == "agent":
                return "obl:agent"
            # The prepositional predicate of "be" is its complement ("are no longer in a deep freeze").
            complement = (preposition.text.lower() in self.complement_prepositions
                          or preposition.head.lemma_ == "be")
            return ("nmod" if preposition.head.pos_ in ("NOUN", "PROPN") else "obl") if complement else "obl:mod"
        if self._object_of(token) is not None:
            return "case"
        return _UD_NAMES.get(token.dep_, token.dep_)

    def children(self, token: Token) -> list[Token]:
        found = []
        for child in token.children:
            obj = self._object_of(child)
            found.append(child if obj is None else obj)  # the preposition's object stands in its place
        preposition = self._preposition_of(token)
        if preposition is not None:
            found.append(preposition)
        return found

    def negation_bearers(self, children: list[Token]) -> list[Token]:
        """"no" under an adverb ("are no longer allies"), a negative determiner of the subject
        ("neither side wants", "no country has recognised"): they negate the verb."""
        found: list[Token] = []
        for child in children:
            if child.dep_ == "advmod":
                found.extend(c for c in child.children if c.dep_ == "neg")
            elif child.dep_ in ("nsubj", "nsubjpass"):
                found.extend(c for c in child.children if c.dep_ in ("det", "neg", "preconj"))
        return found


# Languages whose model heads a phrase with its preposition (ClearNLP labels).
_PREPOSITION_HEADED = frozenset({"en"})


def relations_for(lang: str, complement_prepositions: tuple[str, ...]) -> Relations:
    if lang in _PREPOSITION_HEADED:
        return EnglishRelations(frozenset(complement_prepositions))
    return Relations()
