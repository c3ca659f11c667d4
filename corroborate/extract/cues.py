"""Word lists that attribution reads: cue verbs, denials, roles, demonyms, anaphors.

The words live in ``corroborate/extract/lang/<lang>/*.txt`` (see the README there), so a reviewer can
extend a language without reading the rules; this module only gives them the shapes the code reads.
Every entry is lower case; lemmas for verbs, surface forms for the rest.
"""

from __future__ import annotations

from corroborate.extract.lang import LANGUAGES, all_tables, all_words, group, raw_words, sections
from corroborate.extract.lang import words as lexicon_words
from corroborate.text import fold
from corroborate.vocab import WIRE_AGENCY_NAMES


def words(text: str) -> list[str]:
    """The whitespace-separated words of a literal list (keeps long word lists readable)."""
    return text.split()


def _per_language(name: str) -> dict[str, frozenset[str]]:
    return {lang: lexicon_words(lang, name) for lang in LANGUAGES}


# Verbs (lemmas) that introduce what somebody says, estimates or reports: ``cue_verbs``.
CUE_LEMMAS: dict[str, frozenset[str]] = _per_language("cue_verbs")
# Surface forms that act as cues even when the tagger takes them for nouns ("intelligence estimates that").
CUE_FORMS: dict[str, frozenset[str]] = _per_language("cue_forms")
# Verbs whose subject rejects what follows: the figure is not a claim of anybody.
DENY_LEMMAS: dict[str, frozenset[str]] = _per_language("deny_verbs")
# Governing verbs that turn a cue into a non-confirmation ("refused to confirm", "sans confirmer").
REFUSE_LEMMAS: frozenset[str] = all_words("refuse_verbs")
NEGATIONS: frozenset[str] = all_words("negations")

# Prepositions that credit the rest of the clause to their object ("selon X", "according to X").
ACCORDING: dict[str, tuple[str, ...]] = {lang: raw_words(lang, "according") for lang in LANGUAGES}

# Role nouns -> a key shared across languages, so "the spokesperson" can find "la porte-parole".
ROLES: dict[str, str] = all_tables("roles")
# Roles whose organisation is a ministry named after the portfolio ("ministre de la Défense").
MINISTER_ROLES: frozenset[str] = frozenset({"minister", "secretary"})
# Words that never start a person's name in a speaker phrase.
HONORIFICS: frozenset[str] = all_words("honorifics")
FEMININE_HONORIFICS: frozenset[str] = frozenset(w for lang in LANGUAGES for w in group(lang, "honorifics", "feminine"))
MASCULINE_HONORIFICS: frozenset[str] = frozenset(
    w for lang in LANGUAGES for w in group(lang, "honorifics", "masculine")
)

_GENDERS: dict[str, str | None] = {"feminine": "f", "masculine": "m", "any": None}
# pronoun -> gender ("f", "m", or None when it says nothing)
PRONOUNS: dict[str, str | None] = {
    entry: _GENDERS[key or "any"]
    for lang in LANGUAGES
    for key, entries in sections(lang, "pronouns")
    for entry in entries
}
FIRST_PERSON: frozenset[str] = all_words("first_person")
DETERMINERS: frozenset[str] = all_words("determiners")
INDEFINITE: frozenset[str] = all_words("indefinites")

# Nouns that make a speaker phrase a document whose author or data owner is the real source.
ANALYSIS_NOUNS: frozenset[str] = all_words("analysis_nouns")
DATA_NOUNS: frozenset[str] = all_words("data_nouns")

# Objects that point back at the previous sentence ("X a confirmé l'information").
BACKREF_OBJECTS: frozenset[str] = all_words("backref_objects")

# Nationality adjectives -> the country they stand for, when a role has no other organisation
# ("le président ukrainien" speaks for Ukraine).
DEMONYMS: dict[str, str] = all_tables("demonyms")

# Capitalised words that mark an institution rather than a person when NER is silent.
ORG_WORDS: frozenset[str] = all_words("org_words")

# Roles that speak for their body when the text names no person: "a senior Pentagon official",
# "un porte-parole du ministère" -> the institution.
INSTITUTION_ROLES: frozenset[str] = frozenset({"spokesperson", "ministry", "official"})

# Nouns that stand for an organisation or place named earlier ("the agency", "le club breton",
# "the reinsurer"): a definite phrase headed by one resolves to the last organisation of the article.
ORG_DESCRIPTORS: frozenset[str] = all_words("org_descriptors")
# every name a wire agency signs with, folded -> its canonical name, folded (corroborate.vocab.WIRE_AGENCY_NAMES)
WIRE_NAMES: dict[str, str] = {fold(n): fold(canonical) for canonical, names in WIRE_AGENCY_NAMES.items() for n in names}
# "economists surveyed by Reuters": the poll's participle stays in the speaker phrase
POLL_VERBS: frozenset[str] = all_words("poll_verbs")
# Descriptors of a place rather than a body: they may also refer back to a city or an airport.
PLACE_DESCRIPTORS: frozenset[str] = all_words("place_descriptors")
# Nouns of a document whose author is the source ("the data showed", "selon le communiqué final").
DOCUMENT_NOUNS: frozenset[str] = all_words("source_document_nouns")
# A source phrase that repeats the previous one ("selon la même source", "the same source").
SAME_SOURCE: frozenset[str] = all_words("same_source")
# Recipients of a cue verb: they hear the figure, they do not give it ("told reporters", "à la presse").
LISTENERS: frozenset[str] = all_words("listeners")
# Common nouns that can head a speaker phrase without a proper name ("les syndicats", "rescuers",
# "regional officials"); any other generic noun phrase is not a source.
SPEAKER_NOUNS: frozenset[str] = all_words("speaker_nouns")
