"""The figure finder's compiled patterns, built once from the word lists of ``corroborate.extract.lexicon``
and shared by its modules, and the lookups from a unit as written to the unit it names.
"""

from __future__ import annotations

import re

from corroborate.extract import lexicon
from corroborate.extract.numbers import CURRENCY_SIGNS

_BLANK = "[ \u00a0\u202f\u2009]"


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", rf"{_BLANK}+") for p in ordered)


# "(?!-\d)": "Mi-8" names a helicopter, not miles.
_UNIT_RE = re.compile(rf"(?:{_alternation(list(lexicon.UNIT_NOUNS))})(?!\w|-\d)", re.IGNORECASE)
_TOLL_RE = re.compile(rf"(?:{_alternation(list(lexicon.TOLL_WORDS))})(?!\w)", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-‐‑'’][^\W\d_]+)*")
_GAP_RE = re.compile(rf"{_BLANK}*\n?{_BLANK}*")
_CONNECTOR_RE = re.compile(rf"(?:(?:de|of)(?!\w)|d['’]){_BLANK}*", re.IGNORECASE)
_PARTICIPLE_RE = re.compile(r"(?:ée?s?|ed|ing)$")

_QUALIFIER_RE = {
    lang: re.compile(
        r"(?<!\w)(?:" + "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(patterns)) + rf"){_BLANK}*$",
        re.IGNORECASE,
    )
    for lang, patterns in lexicon.QUALIFIER_WORDS.items()
}
_TRAILING_APPROX_RE = {
    lang: re.compile(rf"{_BLANK}+(?:{pattern})(?!\w)", re.IGNORECASE)
    for lang, pattern in lexicon.TRAILING_APPROX.items()
}
_RANGE_OPENER_RE = re.compile(rf"(?<!\w)(?P<opener>{lexicon.RANGE_OPENERS}){_BLANK}*$", re.IGNORECASE)
_RANGE_JOINER_RE = {
    lang: [
        (
            re.compile(
                rf"{_BLANK}*(?:{joiner}){_BLANK}*" if joiner.startswith("-") else rf"{_BLANK}+(?:{joiner}){_BLANK}+",
                re.IGNORECASE,
            ),
            opener,
        )
        for joiner, opener in joiners
    ]
    for lang, joiners in lexicon.RANGE_JOINERS.items()
}
_CHANGE_VERB_RE = re.compile(rf"(?<!\w)(?:{lexicon.CHANGE_VERBS}){_BLANK}+$", re.IGNORECASE)

_CLAUSE_BREAK_RE = re.compile(
    rf"[.;:!?«»\"“”()\[\]\n]|,\s|(?<!\w)(?:{lexicon.CLAUSE_OPENERS})(?!\w)",
    re.IGNORECASE,
)
_PROJECTION_BEFORE_RE = {
    lang: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    for lang, pattern in lexicon.PROJECTION_BEFORE.items()
}
_FUTURE_VERB_RE = {
    lang: re.compile(rf"(?<![\w'’])(?:{pattern})(?:{_BLANK}+(?:à|de|d['’]|les?))?{_BLANK}*$")
    for lang, pattern in lexicon.FUTURE_VERB_BEFORE.items()
}
_PROJECTION_AFTER_RE = {
    lang: re.compile(rf"{_BLANK}*(?:[\w’'-]+{_BLANK}+){{0,2}}(?:{pattern})(?!\w)", re.IGNORECASE)
    for lang, pattern in lexicon.PROJECTION_AFTER_VERB.items()
}
_DEADLINE_RE = {
    lang: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    for lang, pattern in lexicon.PROJECTION_DEADLINE.items()
}

_MONTHS = rf"(?:(?i:{lexicon.MONTHS_FR})|{lexicon.MONTHS_EN})"
_MONTH_AFTER_RE = re.compile(rf"{_BLANK}+{_MONTHS}(?!\w)")
_MONTH_OR_DAY_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_MONTHS}|(?i:{lexicon.DAYS_FR}))\.?,?{_BLANK}+$")
_TIME_BEFORE_RE = re.compile(rf"\d{_BLANK}?(?:h|heures?){_BLANK}?$", re.IGNORECASE)
# "aged 15 and 16": every number of a list after the age word is an age.
_AGE_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{lexicon.AGE_BEFORE}){_BLANK}+(?:\d{{1,3}}{_BLANK}*(?:,|et|and|ou|or|&){_BLANK}*)*$",
    re.IGNORECASE,
)
# "les 3 et 4 mars", "on 5 and 6 May": days of the month listed before the month.
_DAYS_THEN_MONTH_RE = re.compile(
    rf"(?:{_BLANK}*(?:,|et|and|ou|or|au|to|-){_BLANK}*\d{{1,2}}(?:er)?)+{_BLANK}+{_MONTHS}(?!\w)"
)
_WORD_BEFORE_RE = re.compile(rf"([^\W\d_][\w°º.'’-]*){_BLANK}*$")
_CAPITALISED_BEFORE_RE = re.compile(rf"(?<!\w)[A-Z][\w-]*\+?{_BLANK}$")
_TOKEN_BEFORE_RE = re.compile(rf"(?<!\S)[(«\"“‘'\[]?(?P<token>[^\s(«\"“‘\[]+){_BLANK}+$")
_NAMED_CHANNEL_RE = re.compile(rf"(?<!\w)(?:{lexicon.NAMED_CHANNELS})$")
_ACRONYM_BEFORE_RE = re.compile(rf"(?<![\w'’])[A-Z]{{2,6}}{_BLANK}$")
_AIRLINER_RE = re.compile(lexicon.AIRLINER_MODELS)
_NEXT_WORD_RE = re.compile(rf"{_BLANK}+([^\W\d_]+)")
_PHONE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{lexicon.PHONE_BEFORE}){_BLANK}+$", re.IGNORECASE)
_AGE_APPOSITION_BEFORE_RE = re.compile(rf"(?P<word>[^\W\d_][\w'’-]*){_BLANK}*(?P<open>[,(]){_BLANK}*$")
# A spelt-out number counting things named by a capitalised type or origin: "six Canadair",
# "two US destroyers", "three F-16s", "deux Airbus A400M".
_NAMED_COUNT_AFTER_RE = re.compile(
    rf"{_BLANK}+(?P<name>[A-ZÀ-Ý][\w+-]*(?:{_BLANK}+[A-ZÀ-Ý][\w+-]*)?)"
    rf"(?:{_BLANK}+(?P<noun>[a-zà-ÿ][\w-]{{2,}}))?"
)
_MONTH_OR_DAY_RE = re.compile(rf"(?:{_MONTHS}|(?i:{lexicon.DAYS_FR})|{lexicon.DAYS_EN})s?\.?$")
_SCORE_RE = re.compile(
    rf"(?<![\w.,'’])(?<!\d{_BLANK})(?P<a>\d{{1,3}})(?:{_BLANK}+(?:{lexicon.SCORE_NOUNS}))?"
    rf"{_BLANK}*(?P<joiner>à|to|contre|against|[-–—]){_BLANK}*"
    rf"(?P<b>\d{{1,3}})(?!\d|[.,]\d|{_BLANK}\d{{3}}(?!\d))",
    re.IGNORECASE,
)
_SCORE_CUE_RE = re.compile(
    rf"(?<![\w'’])(?:{lexicon.SCORE_CUES})(?!\w)(?:{_BLANK}+[\w'’.-]+){{0,3}}{_BLANK}*,?{_BLANK}*$",
    re.IGNORECASE,
)
_RANGE_OPENER_BEFORE_RE = re.compile(rf"(?<!\w)(?:{lexicon.RANGE_OPENERS}){_BLANK}*$", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"(?:^|[.!?:«»\"“”\n])\s*$")
_COUNT_HEAD_RE = re.compile(
    rf"(?<!\w)(?:{lexicon.COUNT_HEADS}){_BLANK}+(?:de|d['’]|des|of(?:{_BLANK}+the)?){_BLANK}*"
    rf"(?:[\w-]+{_BLANK}+){{0,2}}(?P<unit>{_alternation(list(lexicon.UNIT_NOUNS))})(?!\w)",
    re.IGNORECASE,
)
_COUNT_HEAD_AFTER_RE = re.compile(
    rf"{_BLANK}+(?:(?:le|la|the)(?!\w)|l['’])?{_BLANK}*(?:nombre|total|chiffre|effectif|bilan|number)"
    rf"{_BLANK}+(?:de|d['’]|des|of(?:{_BLANK}+the)?)(?!\w){_BLANK}*(?:[\w-]+{_BLANK}+){{0,2}}"
    rf"(?P<unit>{_alternation(list(lexicon.UNIT_NOUNS))})(?!\w)",
    re.IGNORECASE,
)
# A capitalised plural demonym right after a number counts people: "700 000 Ukrainiens",
# "10,000 North Koreans".
_DEMONYM_RE = re.compile(
    rf"{_BLANK}+(?P<noun>(?:[A-Z][a-zé]+[-{_BLANK[1:-1]}])?[A-ZÉ][\w-]*"
    r"(?:iens|iennes|éens|éennes|ains|aines|ais|aises|ois|oises|ians|eans|ans|ese|ites|ards|ands|usses))(?!\w)"
)
_ASIDE_RE = re.compile(rf",{_BLANK}*(?:{lexicon.INCLUSION_WORDS})(?!\w)[^,.;:()«»]{{0,80}},", re.IGNORECASE)
_IN_ASIDE_RE = re.compile(rf"(?<!\w)(?:{lexicon.INCLUSION_WORDS}){_BLANK}+$", re.IGNORECASE)
_LOSS_BEFORE_RE = re.compile(rf"(?<!\w)(?:{lexicon.LOSS_VERBS}){_BLANK}+(?:[\w'’-]+{_BLANK}+){{0,2}}$", re.IGNORECASE)
_ELLIPSIS_AFTER_RE = re.compile(rf"{_BLANK}+(?:{lexicon.ELLIPSIS_WORDS})(?!\w)", re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[.!?…]\s+\S|\n")
_SHARED_UNIT_GAP_RE = re.compile(rf"{_BLANK}*(?:,|et|ou|and|or|&){_BLANK}*", re.IGNORECASE)
_CONVERSION_LEAD_RE = re.compile(
    rf"{_BLANK}*(?:{lexicon.CONVERSION_LEADS})?{_BLANK}*",
    re.IGNORECASE,
)
_CONVERSION_TAIL_RE = re.compile(rf"{_BLANK}*\)")
_MAGNITUDE_SCALE_AFTER_RE = re.compile(
    rf"(?:{_BLANK}+[\w'’]+){{0,4}}?{_BLANK}*(?:[\w'’]+['’])?(?:{lexicon.MAGNITUDE_SCALES})(?!\w)", re.IGNORECASE
)
_PARTITIVE_AFTER_RE = re.compile(
    rf"{_BLANK}+(?:{lexicon.PARTITIVE_WORDS})(?:{_BLANK}+\d{{1,3}}(?:[ \u00a0\u202f,.]\d{{3}})*)?(?=[{_BLANK[1:-1]}])",
    re.IGNORECASE,
)
_BOUND_JOINER_RE = re.compile(rf"{_BLANK}*,?{_BLANK}*(?:{lexicon.BOUND_JOINERS}){_BLANK}+", re.IGNORECASE)

# The currency signs a number may carry, and their units (``lang/xx/units.txt``).
_CURRENCY_UNITS = {sign: lexicon.UNIT_NOUNS[sign.lower()] for sign in (*CURRENCY_SIGNS, "US$")}
_CONVERTIBLE_FAMILIES = frozenset({"area", "length", "mass", "money"})
_UNIT_LOOKUP = {phrase.lower(): unit for phrase, unit in lexicon.UNIT_NOUNS.items()}
_TOLL_LOOKUP = {phrase.lower(): unit for phrase, unit in lexicon.TOLL_WORDS.items()}


def _unit_of(raw: str, lookup: dict[str, str]) -> str:
    return lookup[re.sub(rf"{_BLANK}+", " ", raw.lower())]
