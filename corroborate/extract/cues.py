"""Word lists that attribution reads: cue verbs, denials, roles, demonyms, anaphors.

Kept apart from the parsing code so a reviewer can extend a language without reading the rules.
Every entry is lower case; lemmas for verbs, surface forms for the rest.
"""

from __future__ import annotations

from corroborate.extract.lang import LANGUAGES
from corroborate.extract.lang import words as lexicon_words


def words(text: str) -> list[str]:
    """The whitespace-separated words of a literal list (keeps long word lists readable)."""
    return text.split()


# Verbs (lemmas) that introduce what somebody says, estimates or reports.
# Verbs (lemmas) that introduce what somebody says, estimates or reports: ``lang/<lang>/cue_verbs.txt``.
CUE_LEMMAS: dict[str, frozenset[str]] = {lang: lexicon_words(lang, "cue_verbs") for lang in LANGUAGES}

# Surface forms that act as cues even when the tagger takes them for nouns ("intelligence estimates that").
CUE_FORMS: dict[str, frozenset[str]] = {
    "fr": frozenset({"estime", "estiment", "affirme", "affirment", "indique", "indiquent", "assure"}),
    "en": frozenset({"estimates", "says", "reports", "claims", "counts", "puts", "states", "notes"}),
}

# Verbs whose subject rejects what follows: the figure is not a claim of anybody.
DENY_LEMMAS: dict[str, frozenset[str]] = {
    "fr": frozenset({"démentir", "nier", "réfuter", "contester", "infirmer", "récuser", "rejeter"}),
    "en": frozenset({"deny", "dismiss", "reject", "refute", "dispute", "rebut"}),
}
# Governing verbs that turn a cue into a non-confirmation ("refused to confirm", "sans confirmer").
REFUSE_LEMMAS: frozenset[str] = frozenset({"refuser", "décliner", "refuse", "decline", "fail"})
NEGATIONS: frozenset[str] = frozenset({"pas", "jamais", "not", "n't", "never", "sans", "without", "ni"})

# Prepositions that credit the rest of the clause to their object ("selon X", "according to X").
ACCORDING: dict[str, tuple[str, ...]] = {
    "fr": ("selon", "d'après", "d’après", "de source", "citant"),
    "en": ("according to", "citing", "per"),
}

# Role nouns -> a key shared across languages, so "the spokesperson" can find "la porte-parole".
ROLES: dict[str, str] = {
    "porte-parole": "spokesperson",
    "porte-paroles": "spokesperson",
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokespeople": "spokesperson",
    "ministre": "minister",
    "minister": "minister",
    "secrétaire": "secretary",
    "secretary": "secretary",
    "président": "president",
    "présidente": "president",
    "president": "president",
    "premier": "prime_minister",
    "première": "prime_minister",
    "chancelier": "chancellor",
    "chancelière": "chancellor",
    "chancellor": "chancellor",
    "chef": "chief",
    "cheffe": "chief",
    "chief": "chief",
    "head": "chief",
    "directeur": "director",
    "directrice": "director",
    "director": "director",
    "responsable": "official",
    "official": "official",
    "officials": "official",
    "haut-fonctionnaire": "official",
    "gouverneur": "governor",
    "gouverneure": "governor",
    "governor": "governor",
    "maire": "mayor",
    "mayor": "mayor",
    "ambassadeur": "ambassador",
    "ambassadrice": "ambassador",
    "ambassador": "ambassador",
    "commandant": "commander",
    "commander": "commander",
    "général": "general",
    "general": "general",
    "conseiller": "adviser",
    "conseillère": "adviser",
    "adviser": "adviser",
    "advisor": "adviser",
    "envoyé": "envoy",
    "envoyée": "envoy",
    "envoy": "envoy",
    "procureur": "prosecutor",
    "procureure": "prosecutor",
    "prosecutor": "prosecutor",
    "analyste": "analyst",
    "analyst": "analyst",
    "expert": "expert",
    "experte": "expert",
    "chercheur": "researcher",
    "chercheuse": "researcher",
    "researcher": "researcher",
    "économiste": "economist",
    "economist": "economist",
    "sénateur": "senator",
    "sénatrice": "senator",
    "senator": "senator",
    "député": "lawmaker",
    "députée": "lawmaker",
    "lawmaker": "lawmaker",
    "dirigeant": "leader",
    "dirigeante": "leader",
    "leader": "leader",
    "médecin": "doctor",
    "doctor": "doctor",
    "officier": "officer",
    "officer": "officer",
    "ministry": "ministry",
    "ministère": "ministry",
    "department": "ministry",
    "préfet": "prefect",
    "préfète": "prefect",
    "prefect": "prefect",
    "pdg": "chief",
    "ceo": "chief",
    "executive": "chief",
    "patron": "chief",
    "patronne": "chief",
}
# Roles whose organisation is a ministry named after the portfolio ("ministre de la Défense").
MINISTER_ROLES: frozenset[str] = frozenset({"minister", "secretary"})
# Words that never start a person's name in a speaker phrase.
HONORIFICS: frozenset[str] = frozenset(
    {"m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "pr"}
)
FEMININE_HONORIFICS: frozenset[str] = frozenset({"mme", "mlle", "mrs", "mrs.", "ms", "ms."})
MASCULINE_HONORIFICS: frozenset[str] = frozenset({"m.", "mr", "mr."})

PRONOUNS: dict[str, str | None] = {
    # pronoun -> gender ("f", "m", or None when it says nothing)
    "il": "m",
    "elle": "f",
    "ils": None,
    "elles": "f",
    "lui": "m",
    "eux": None,
    "-il": "m",
    "-elle": "f",
    "-ils": None,
    "-elles": "f",
    "he": "m",
    "she": "f",
    "they": None,
    "him": "m",
    "her": "f",
    "them": None,
}
FIRST_PERSON: frozenset[str] = frozenset(
    {"je", "j'", "j’", "nous", "nos", "notre", "mon", "ma", "mes", "i", "we", "our", "my", "us", "on"}
)
DETERMINERS: frozenset[str] = frozenset(
    {
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "the",
        "a",
        "an",
        "sa",
        "son",
        "ses",
        "its",
        "his",
        "her",
        "their",
        "leur",
        "leurs",
        "ce",
        "cette",
        "ces",
        "this",
        "that",
        "these",
        "those",
    }
)
INDEFINITE: frozenset[str] = frozenset({"un", "une", "des", "a", "an", "some", "plusieurs", "several"})

# Nouns that make a speaker phrase a document whose author or data owner is the real source.
ANALYSIS_NOUNS: frozenset[str] = frozenset(
    {
        "analyse",
        "étude",
        "rapport",
        "estimation",
        "estimations",
        "décompte",
        "bilan",
        "sondage",
        "enquête",
        "calcul",
        "calculs",
        "comptage",
        "analysis",
        "study",
        "report",
        "estimate",
        "estimates",
        "tally",
        "count",
        "survey",
        "assessment",
        "calculation",
        "calculations",
        "review",
        "investigation",
    }
)
DATA_NOUNS: frozenset[str] = frozenset(
    {
        "données",
        "chiffres",
        "statistiques",
        "images",
        "cartes",
        "data",
        "figures",
        "statistics",
        "maps",
        "imagery",
        "numbers",
    }
)

# Objects that point back at the previous sentence ("X a confirmé l'information").
BACKREF_OBJECTS: frozenset[str] = frozenset(
    {
        "information",
        "informations",
        "chiffre",
        "chiffres",
        "bilan",
        "estimation",
        "nombre",
        "this",
        "figure",
        "figures",
        "number",
        "numbers",
        "toll",
        "report",
        "estimate",
        "cela",
        "ça",
        "le",
    }
)

# Nationality adjectives -> the country they stand for, when a role has no other organisation
# ("le président ukrainien" speaks for Ukraine).
DEMONYMS: dict[str, str] = {
    "ukrainien": "Ukraine",
    "ukrainienne": "Ukraine",
    "ukrainian": "Ukraine",
    "russe": "Russie",
    "russian": "Russia",
    "américain": "États-Unis",
    "américaine": "États-Unis",
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "nord-coréen": "Corée du Nord",
    "nord-coréenne": "Corée du Nord",
    "north korean": "North Korea",
    "sud-coréen": "Corée du Sud",
    "sud-coréenne": "Corée du Sud",
    "south korean": "South Korea",
    "français": "France",
    "française": "France",
    "french": "France",
    "britannique": "Royaume-Uni",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "allemand": "Allemagne",
    "allemande": "Allemagne",
    "german": "Germany",
    "chinois": "Chine",
    "chinoise": "Chine",
    "chinese": "China",
    "israélien": "Israël",
    "israélienne": "Israël",
    "israeli": "Israel",
    "iranien": "Iran",
    "iranienne": "Iran",
    "iranian": "Iran",
    "turc": "Turquie",
    "turque": "Turquie",
    "turkish": "Turkey",
    "polonais": "Pologne",
    "polonaise": "Pologne",
    "polish": "Poland",
    "japonais": "Japon",
    "japonaise": "Japon",
    "japanese": "Japan",
    "italien": "Italie",
    "italienne": "Italie",
    "italian": "Italy",
    "espagnol": "Espagne",
    "espagnole": "Espagne",
    "spanish": "Spain",
    "palestinien": "Palestine",
    "palestinienne": "Palestine",
    "palestinian": "Palestine",
    "libanais": "Liban",
    "libanaise": "Liban",
    "lebanese": "Lebanon",
    "canadien": "Canada",
    "canadienne": "Canada",
    "canadian": "Canada",
    "européen": "Union européenne",
    "européenne": "Union européenne",
    "european": "European Union",
}

# Capitalised words that mark an institution rather than a person when NER is silent.
ORG_WORDS: frozenset[str] = frozenset(
    words("""maison blanche kremlin pentagone pentagon ministère ministry department département office bureau
    commission council conseil institut institute nations unies united agence agency armée army forces
    force police service services gouvernement government banque bank fonds fund organisation organization
    otan nato onu un union état state états house croix cross comité committee parlement parliament
    assemblée assembly tribunal court université university centre center""")
)

# Roles that speak for their body when the text names no person: "a senior Pentagon official",
# "un porte-parole du ministère" -> the institution.
INSTITUTION_ROLES: frozenset[str] = frozenset({"spokesperson", "ministry", "official"})

# Nouns that stand for an organisation or place named earlier ("the agency", "le club breton",
# "the reinsurer"): a definite phrase headed by one resolves to the last organisation of the article.
ORG_DESCRIPTORS: frozenset[str] = frozenset(
    words("""agency company firm group bank lender insurer reinsurer broadcaster network club team airline carrier
    retailer supermarket chain operator manufacturer carmaker automaker maker producer utility regulator watchdog
    organisation organization body charity association federation union institute institution ministry department
    authority council administration hospital trust board court committee commission
    foundation fund airport port city county region league body observatory office service
    agence entreprise société compagnie groupe banque assureur réassureur diffuseur chaîne club équipe
    constructeur opérateur enseigne distributeur régulateur gendarme organisation organisme association
    fédération syndicat institut institution ministère département autorité conseil
    administration hôpital tribunal cour comité commission fondation fonds aéroport port ville commune région
    pays ligue observatoire office service""")
)
# Descriptors of a place rather than a body: they may also refer back to a city or an airport.
PLACE_DESCRIPTORS: frozenset[str] = frozenset(
    words("airport port city county region town province ville commune région aéroport province")
)
# Nouns of a document whose author is the source ("the data showed", "selon le communiqué final").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    words("""data figures numbers statistics report survey study accounts results statement release document
    communiqué communique données chiffres statistiques rapport enquête étude comptes résultats bilan document
    note""")
)
# A source phrase that repeats the previous one ("selon la même source", "the same source").
SAME_SOURCE: frozenset[str] = frozenset(words("même same"))
# Recipients of a cue verb: they hear the figure, they do not give it ("told reporters", "à la presse").
LISTENERS: frozenset[str] = frozenset(
    words("""reporters reporter journalists journalist press media presse journalistes journaliste médias
    lawmakers""")
)
# Common nouns that can head a speaker phrase without a proper name ("les syndicats", "rescuers",
# "regional officials"); any other generic noun phrase is not a source.
SPEAKER_NOUNS: frozenset[str] = frozenset(
    words("""syndicats syndicat organisateurs secours sauveteurs pompiers autorités source sources témoins habitants
    riverains enquêteurs policiers gendarmes militaires médecins soignants experts analystes chercheurs
    scientifiques économistes observateurs opposition manifestants élus officiels responsables dirigeants
    direction employeur patronat salariés agriculteurs propriétaires police gendarmerie justice armée douanes
    unions union organisers organizers rescuers firefighters authorities source sources witnesses residents
    investigators police officers doctors medics experts analysts researchers scientists economists observers
    opposition protesters officials leaders management employer employers workers farmers owners army customs
    prosecutors prosecutor coroner coastguard military troops staff insurers airlines banks lenders intelligence
    renseignement renseignements garde-côtes pollsters sondeurs government gouvernement authorities préfecture
    mairie parquet""")
)
