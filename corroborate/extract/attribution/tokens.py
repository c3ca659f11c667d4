"""What the phrase readers of attribution share over spaCy tokens: the entity cache, a phrase cleaned
to the name it holds, the label and dependency sets, whether a phrase holds a number, and the words of
time that never speak."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from corroborate.extract import cues
from corroborate.extract.lang import all_words, month_numbers

SUBJ_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
NAME_LINK = {"de", "du", "des", "d'", "d’", "of", "for", "at", "from"}
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "MISC", "FAC"})


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, built once (``Doc.ents`` makes new spans on every access)."""
    cached = doc.user_data.get("_corroborate_ents")
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data["_corroborate_ents"] = cached
    return cached


def _verb_form_in_name(tok: Token) -> bool:
    """A lower-case cue verb the entity recogniser swallowed at the end of a name ("Cour des comptes
    alerte", "Fondation X estime"): a French present form (``-e``, ``-ent``) of a cue verb lemma, or an
    English ``-s`` form, tagged as part of the name."""
    low = tok.lower_
    if not tok.text.isalpha() or not tok.text.islower() or len(low) < 4:
        return False
    lemmas = cues.CUE_LEMMAS["fr"] | cues.CUE_LEMMAS["en"]
    guesses = {low + "r", low[:-2] + "r" if low.endswith("ent") else "", low[:-1] if low.endswith("s") else ""}
    return tok.i > 0 and bool(tok.ent_type_) and bool(guesses & lemmas)


def clean(tokens: list[Token]) -> str | None:
    """Phrase text without leading determiners/honorifics, trailing punctuation or ``(ACRONYM)``."""
    toks = list(tokens)
    while toks and (toks[0].lower_ in cues.DETERMINERS or toks[0].is_punct or toks[0].lower_ in cues.HONORIFICS):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in NAME_LINK or _verb_form_in_name(toks[-1])):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            cut = max(i for i, t in enumerate(toks) if t.text == "(")
            toks = toks[:cut]
            continue
        toks = toks[:-1]
    if not toks:
        return None
    doc = toks[0].doc
    text = doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip(" ,.;:")
    # a lone "-il" style clitic or an apostrophe-only token is not a name
    return text or None


def holds_number(tokens: list[Token]) -> bool:
    """Whether a phrase holds a number outside a proper name ("plus de 1,1 million de réfugiés" holds one,
    "le G7" does not)."""
    return any(
        (t.pos_ == "NUM" or (t.like_num and t.pos_ != "DET"))
        and t.ent_type_ not in ("ORG", "PERSON", "PER", "GPE", "FAC", "LOC", "MISC")
        for t in tokens
    )


# Month words of every language (``lang/<lang>/months.txt``), and words of time that never speak.
MONTHS = frozenset(month_numbers())
TIME_WORDS = MONTHS | all_words("weekdays") | all_words("time_words")
