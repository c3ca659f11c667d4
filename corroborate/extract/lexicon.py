"""Word lists the figure finder reads around a number, French and English.

Everything here is data: which words before a number set its qualifier, which nouns after it
name its unit, which nouns make it a date, a duration or a multiple rather than a figure, and which
verbs announce a projection. The words live in ``corroborate/extract/lang/<lang>/*.txt`` (``xx`` for
names and symbols of no language); this module gives them the shapes ``corroborate.extract.figures``
compiles once at import. What stays written here is grammar: verb endings, optional words, and the
patterns that join the lists.

Units map to ``corroborate.vocab.UNITS``. Two markers are not units: ``TRAP`` (the number counts
time, times or parts: "trois ans", "deux fois", "two thirds") and ``FOREIGN_MEASURE`` (an imperial
measure that only appears as a conversion: "185 square miles"); both are resolved by the finder.
"""

from __future__ import annotations

from corroborate.extract.lang import (
    LANGUAGES,
    MULTILINGUAL,
    all_words,
    month_pattern,
    phrase_pattern,
    raw_words,
    sections,
)


def _word_set(name: str) -> frozenset[str]:
    """The entries of one list over every language, lower cased."""
    return all_words(name)


def _names(name: str) -> frozenset[str]:
    """The entries of one list of ``lang/xx`` (names, codes), case kept."""
    return frozenset(raw_words(MULTILINGUAL, name))


TRAP = "_trap"
FOREIGN_MEASURE = "_foreign_measure"


# Qualifier words written just before the number (``qualifiers``), one pattern per qualifier; matched
# case-insensitively and only when nothing but blanks (or a currency sign) separates them from it.
# The verbs of [at_least_verb] may be followed by "largement" and an article ("dépasse largement les").
def _qualifier_patterns(lang: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key in dict.fromkeys(k for k, _ in sections(lang, "qualifiers") if k):
        pattern = phrase_pattern("qualifiers", (lang,), key)
        if key == "at_least_verb":
            out.append((rf"(?:{pattern})(?: largement)?(?: les| le)?", "at_least"))
        else:
            out.append((pattern, key))
    return out


QUALIFIER_WORDS: dict[str, list[tuple[str, str]]] = {lang: _qualifier_patterns(lang) for lang in LANGUAGES}

# Written right after the figure ("1.500 soldats environ", "3,000 troops or so").
TRAILING_APPROX: dict[str, str] = {lang: phrase_pattern("trailing_approx", (lang,)) for lang in LANGUAGES}

# Words that open a range before its first number ("entre 10 000 et 12 000", "from 5 to 10").
RANGE_OPENERS = r"entre|between|de|d['’]|du|from"
# Between the two ends of a range, with the opener each requires (None: no opener needed).
RANGE_JOINERS: dict[str, list[tuple[str, str | None]]] = {
    "fr": [(r"et", r"entre"), (r"à", None), (r"-|–|—|‐|‑", None)],
    "en": [(r"and", r"between"), (r"to", None), (r"-|–|—|‐|‑", None)],
}
# A verb of change right before "de X à Y" / "from X to Y" makes two figures, not a range:
# "le bilan est passé de 300 à 500 morts" states 300 then 500.
CHANGE_VERBS = phrase_pattern("change_verbs")


# Projection cues: a modal or future verb in the clause before the figure ("pourrait atteindre",
# "is expected to"), or right after it ("12000 soldats pourraient être déployés"), or a
# future deadline after it ("d'ici décembre", "by December").
def _projection_pattern(name: str, lang: str) -> str:
    """The [any_case] entries of a list, then its [lower_case_only] ones matched only as written."""
    pattern = phrase_pattern(name, (lang,), "any_case")
    exact = phrase_pattern(name, (lang,), "lower_case_only")
    return f"{pattern}|(?-i:{exact})" if exact else pattern


PROJECTION_BEFORE: dict[str, str] = {lang: _projection_pattern("projection_before", lang) for lang in LANGUAGES}
# The simple future right before the figure ("coûtera 486 milliards", "s'élèvera à 3 000"):
# lower-case verbs ending in a third-person future, minus the nouns that end the same way.
FUTURE_VERB_BEFORE: dict[str, str] = {
    "fr": rf"(?-i:(?!(?:{phrase_pattern('future_lookalikes')})s?\b)"
    r"[a-zàâçéèêëîïôûù'’]{2,}(?:era|eront|ira|iront|dra|dront|ura|uront|ra|ront))",
    "en": r"(?!x)x",
}
PROJECTION_AFTER_VERB: dict[str, str] = {lang: _projection_pattern("projection_after", lang) for lang in LANGUAGES}
# The one month table, as regex alternations (``lang/<lang>/months.txt``).
MONTHS_FR = month_pattern("fr")
MONTHS_EN = month_pattern("en")
PROJECTION_DEADLINE: dict[str, str] = {
    "fr": rf"d['’]ici (?:(?:la )?fin |le |à |au |l['’]|début |mi-)?(?:{MONTHS_FR}|\d{{4}}|l['’]an|l['’]année"
    r"|(?:la |les |le |l['’])?(?:prochaine?s?|semaine|mois|année|été|hiver|printemps|automne|fin))",
    "en": rf"by (?:the end of |the start of |early |mid-?|late )?(?:(?-i:{MONTHS_EN})|\d{{4}}|next|the end"
    r"|year-end|the summer|the winter|the spring|the autumn)",
}

DAYS_FR = "|".join(raw_words("fr", "weekdays"))
DAYS_EN = "|".join(raw_words("en", "weekdays"))

# Nouns after a number, as written (lower case) -> unit (``units``). Matched longest first, both languages
# at once (wire copy mixes them). The word may come after a few adjectives ("3,000 North Korean troops").
# The groups that are not units map to the two markers.
_NOT_UNITS: dict[str, str] = {
    "duration": TRAP,
    "time_of_day": TRAP,
    "multiple": TRAP,
    "fraction": TRAP,
    "temperature": TRAP,
    "foreign_measure": FOREIGN_MEASURE,
}


def _unit_table(name: str, langs: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in langs:
        for key, entries in sections(lang, name):
            if key is None:
                raise ValueError(f"lang/{lang}/{name}.txt: entries before the first [unit] line")
            unit = _NOT_UNITS.get(key, key)
            for entry in entries:
                if out.setdefault(entry, unit) != unit:
                    raise ValueError(f"{name}: {entry!r} is both {out[entry]} and {unit}")
    return out


UNIT_NOUNS: dict[str, str] = _unit_table("units", (*LANGUAGES, MULTILINGUAL))
# Degrees: a temperature, unless an earthquake scale follows ("7 degrees on the Richter scale").
DEGREE_WORDS = frozenset(
    entry.lower()
    for lang in (*LANGUAGES, MULTILINGUAL)
    for key, entries in sections(lang, "units")
    if key == "temperature"
    for entry in entries
)
MAGNITUDE_SCALES = phrase_pattern("magnitude_scales", (MULTILINGUAL,))

# Participles and adjectives after a people noun that turn a head count into a toll:
# "600 000 soldats russes ont été tués ou blessés" counts casualties, not soldiers.
TOLL_WORDS: dict[str, str] = _unit_table("toll_words")
# "les forces russes ont perdu 1 150 soldats": people lost in a war are casualties.
LOSS_VERBS = phrase_pattern("loss_verbs")
# A figure inside "…, including two children, were killed" takes the toll after the aside.
INCLUSION_WORDS = phrase_pattern("inclusion_words")
# Auxiliaries and adverbs allowed between the noun and the toll word.
TOLL_FILLERS = _word_set("toll_fillers")
PEOPLE_UNITS = frozenset({"people", "soldiers", "count"})

# Words after which a following noun is not the unit of the number (function words, auxiliaries).
STOP_WORDS = _word_set("stop_words")
# A place's population ("une ville de 12 000 habitants", "home to 42,000 residents"): background, no claim.
POPULATION_LEADS = phrase_pattern("population_leads")
POPULATION_NOUNS = _word_set("population_nouns")
# The only words that may sit between a number and a time noun for it to be a duration ("les 12
# derniers mois"); elsewhere a time noun further on is an adverbial ("3,000 last week").
DURATION_MODIFIERS = _word_set("duration_modifiers")
# Words that may sit between a number and its noun but never name the unit themselves.
MODIFIERS = _word_set("modifiers")

# Before a number word, a determiner means the count is known already ("les deux pays",
# "the three leaders"): it is not a figure anyone reports.
DETERMINERS = _word_set("known_count_determiners")

# A number right after one of these is a reference or part of a name, not a quantity ("article 5",
# "n° 3", "phase 2", "Route 66", "Formula 1 drivers"), whatever follows it.
REFERENCE_WORDS = _word_set("reference_words")

# Names that take a number as part of the name ("Boeing 737", "Apollo 11", "Leopard 2", "CAC 40",
# "France 24"). Case-sensitive: "le leopard" or "un falcon" are not these names.
NAMED_SERIES = _names("named_series")
# Currency codes: an amount after one is a figure, unlike a number after other acronyms ("SDIS 40").
CURRENCY_CODES = _names("currency_codes")
# Channels whose name is a place and a number ("France 2", "France 24"): only these numbers.
NAMED_CHANNELS = phrase_pattern("named_channels", (MULTILINGUAL,))
# Boeing airliners are known by a bare number ("737 jets", "the 777 Max"): with an aircraft noun
# or a model suffix after it, and no qualifier before it, such a number names the model.
AIRLINER_MODELS = r"7[0-8]7"
AIRLINER_SUFFIXES = _names("airliner_suffixes")

# "âgé de 45", "aged 45", "aged between 18 and 25": ages.
AGE_BEFORE = phrase_pattern("age_words")
# Years named relative to the publication date, as regex alternations (the period reader dates them; a
# target whose sentence names one is that year's plan).
THIS_YEAR = (
    r"depuis\s+le\s+d[ée]but\s+de\s+l['’]ann[ée]e|cette\s+ann[ée]e|this\s+year|so\s+far\s+this\s+year|"
    r"since\s+the\s+(?:start|beginning)\s+of\s+the\s+year"
)
LAST_YEAR = r"l['’]an\s+dernier|l['’]ann[ée]e\s+derni[èe]re|last\s+year"
NEXT_YEAR = r"l['’]an\s+prochain|l['’]ann[ée]e\s+prochaine|next\s+year|the\s+coming\s+year"
# A target ("the ECB's 2% target", "la cible de 2 %") or a rule's bound ("the 3% ceiling", "le plafond des
# 3 %") that a figure names: a benchmark, no claim about the world (a target for a stated year is a forecast).
TARGET_WORDS = phrase_pattern("target_words")
BOUND_WORDS = phrase_pattern("bound_words")
STOP_WORDS = _word_set("stop_words")
# A place's population ("une ville de 12 000 habitants", "home to 42,000 residents"): background, no claim.
POPULATION_LEADS = phrase_pattern("population_leads")
POPULATION_NOUNS = _word_set("population_nouns")
# "Jane Smith, 30, a nurse", "the driver, 45, was": a bare number between commas (or in brackets)
# after a name or one of these nouns is an age.
PERSON_NOUNS = _word_set("person_nouns")

# A pair of small numbers right after one of these is a score or a vote, not two figures
# ("s'est imposé 2 à 0", "won 3 to 1", "battu 4 buts à 2"); at most three words may sit between
# ("a battu Lyon 3 à 1").
SCORE_CUES = phrase_pattern("score_cues")
SCORE_NOUNS = phrase_pattern("score_nouns")

# A number right after one of these (with no noun after it) is a telephone number or a short
# code: "appelez le 3919", "composez le 112", "call 911", "dial 999".
PHONE_BEFORE = rf"(?:{phrase_pattern('phone_words')})(?: (?:le|au|aux|on|at))?"

# Nouns that a spelt-out number never counts as a reported figure: "à deux reprises", "two ways",
# "deux raisons", "en deux temps" (a spelt-out count of people or things is a figure: "trois
# fillettes", "two US destroyers").
ABSTRACT_NOUNS = _word_set("abstract_nouns")
# A four-digit number from 1500 to 2100 is a year unless it counts a noun after a counting
# qualifier ("près de 2000 foyers", "about 2000 homes"). Before one of these nouns it stays a
# year ("back to about 2015 levels"), and so it does after a preposition that also reads as a
# qualifier ("under 2024 rules", "above 2019 levels").
YEAR_NOUNS = _word_set("year_nouns")
YEAR_PREPOSITIONS = _word_set("year_prepositions")
# Plurals without a final s that a spelt-out number may count ("three men" is a unit already).
IRREGULAR_PLURALS = _word_set("irregular_plurals")

# "3 000 soldats, puis 2 000 autres": a bare number before one of these takes the unit of the figure before it.
ELLIPSIS_WORDS = phrase_pattern("ellipsis_words")
# Words that may open a bracketed conversion: "478 km² (soit 185 miles carrés)".
CONVERSION_LEADS = phrase_pattern("conversion_leads", (*LANGUAGES, MULTILINGUAL))

# "five of the 106 victims", "deux des 36 victimes": a spelt-out number counting part of a group.
PARTITIVE_WORDS = phrase_pattern("partitive_words")
# Numbers that are names ("le 49.3"), as written.
NAMED_NUMBERS = frozenset(raw_words("fr", "named_numbers") + raw_words("en", "named_numbers"))
# "moins de 5,5 % et plus de 5 %": two opposite bounds joined by one of these make one bracket.
BOUND_JOINERS = phrase_pattern("bound_joiners")

# Conjunctions and relatives that open a clause (the reach of a modal or a deadline).
CLAUSE_OPENERS = phrase_pattern("clause_openers")

# Before "X" in "le nombre de soldats ... pourrait atteindre X", the noun that the number counts.
COUNT_HEADS = phrase_pattern("count_heads")
