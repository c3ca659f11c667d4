"""The figure finder: every number in a news text that someone could be credited with.

``find_figures(text, lang)`` takes a sentence or a whole article (``lang`` "fr" or "en") and returns
one ``Figure`` per figure, in reading order, with offsets into ``text`` as given. A figure is a
number with what it counts: ``environ 10'000 soldats``, ``jusqu’à 3 000 soldats``, ``478 km²``,
``plus de 10.000 hommes``, ``20 milliards de dollars``, ``$20bn``, ``18,4 %``, ``une quarantaine de
soldats``, ``between 10,000 and 12,000``. Pure Python and ``re``: it runs on every sentence before
any parser, so ``has_figure`` is the cheap pre-test that skips sentences without one.

Span
    ``char_start..char_end`` runs from the first qualifier word ("environ", "plus de", "up to",
    "entre", "from") or currency sign, through the unit word when there is one ("soldats",
    "km²", "dollars"); a qualifier written after the figure ("1.500 soldats environ") is included.
    A toll written as a predicate sets the unit but stays out of the span: in "Plus de 600'000
    soldats russes ont été tués ou blessés" the span is "Plus de 600'000 soldats", the unit
    casualties and ``unit_raw`` "tués ou blessés". ``number_start..number_end`` covers the number
    alone, scale word included ("20 milliards", "20bn", "10 000 et 12 000").

Value and interval (``value_low <= value <= value_high``, always finite)
    exact       [v, v]
    approx      [v·(1−t), v·(1+t)]; t = 10 %, or 20 % when the number is round (written with one
                significant digit: "environ 10 000", "about 3,000", "5 millions") or is an
                approximate noun ("une quarantaine", "a dozen"): a speaker who rounds to the
                leading digit can be off by half of it, and "une dizaine" means roughly 8 to 14.
    at_least    [v, 2·v]  ("plus de", "au moins", "more than", "over"). "More than 100 dead" is
                often written while the toll climbs towards 200; a value beyond twice the floor
                would have been reported as such. ``value`` is the number written.
    at_most     [v/2, v]  ("jusqu'à", "moins de", "up to", "as many as"): the ceiling the speaker
                expects to be near; half of it is the symmetric floor. ``value`` is the number.
    range       [low, high], value = midpoint ("entre 10 000 et 12 000", "11,000-12,000",
                "de 10 à 12 000"). When the first end is a bare small number and the second carries
                a scale ("12 000", "12 millions"), the scale applies to both: "de 10 à 12 000" is
                10 000–12 000. "Passé de 3 000 à 10 000" (a verb of change) gives two figures.
    projection  the interval of the qualifier inside it ("pourrait atteindre environ 12 000" is a
                projection with the approx interval), when a modal or future verb governs the
                figure in the same clause ("pourrait atteindre", "could reach", "is expected to",
                "devrait", "coûtera", "would provide", "12000 soldats pourraient être déployés")
                or a deadline follows it ("d'ici décembre", "by December"). The French
                conditional of hearsay ("seraient déjà présents") is not a projection.

Units
    Nouns after the number (after "de"/"of" and up to two adjectives: "3,000 North Korean troops")
    map to ``corroborate.vocab.UNITS`` through ``corroborate.extract.lexicon.UNIT_NOUNS``;
    ``unit_raw`` keeps the words as written. Without a known noun the unit is "count" and
    ``unit_raw`` the following noun if there is one. "477 et 459 km2" gives both figures km2;
    "le nombre de soldats … pourrait atteindre 12 000" and "estimé à 3 000 le nombre de soldats"
    take "soldats" from the head they count; "quasiment 10.000 autres" takes the unit of the figure
    before it in the sentence; "700 000 Ukrainiens" counts people. People "perdus"/"lost", "tués",
    "blessés", "killed or wounded" are deaths, injured or casualties; "ont fui"/"fled" refugees.

Numbers
    Separators are read by language (see ``corroborate.extract.numbers``): "10 000", "10'000",
    "10.000" (fr), "10,000" (en), "1,5 million" (fr), "3.5 billion", "$20bn", "€3m", "3 Md$".

Spelt-out numbers
    A number word counts a noun when one follows it: "trois fillettes", "two US destroyers", "six
    Canadair" (a capitalised type or origin), "deux mille personnes". It is no figure alone
    ("trois"), after a determiner ("les deux pays": a known group), before an abstract noun
    ("à deux reprises", "two ways"), or before a verb ("deux restent hospitalisés").

Not figures (never returned)
    dates and years ("2022", "en février 2022", "le 28 octobre", "les 3 et 4 mars", "2024-10"; a
    bare four-digit number from 1500 to 2100 is a year unless a unit follows, "2000 soldats", or a
    counting qualifier precedes a noun, "près de 2000 foyers"), times ("14h30", "3 p.m."), durations
    and ages ("trois ans", "48 heures", "a 45-year-old", "âgé de 45 ans", "aged 15 and 16", "Jane
    Smith, 30, a nurse"), ordinals ("1er", "3e", "troisième"), multiples and fractions ("trois fois
    plus", "two-thirds", "un tiers"), a measure converted in brackets ("478 km² (185 square
    miles)"), list numbering, phone numbers and short codes ("01 23 45 67 89", "0800 555 111",
    "(202) 555-0143", "appelez le 3919", "call 911"), numbers inside identifiers and names ("G7",
    "F-16", "COVID-19", "article 5", "Boeing 737", "737 jets", "Formula 1 drivers", "Ligue 1",
    "Route 66", "France 24", "SDIS 40"), scores and votes ("won 3-1", "s'est imposé 2 à 0", "voted
    52 to 48"), articles ("un soldat", "one of"), and counts of unspecified size ("des milliers",
    "dozens"). Denied figures are left to the attribution layer.

It stays whole (about 970 lines): it is one job, the figure finder, whose pieces (units, qualifiers,
ranges, projections, the numbers that are no figures) read the same compiled patterns in one pass over
a text; the numerals and the word lists it reads are modules of their own (``numbers``, ``lexicon``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from corroborate.extract import lexicon
from corroborate.extract.lang import numbered
from corroborate.extract.numbers import CURRENCY_SIGNS, HYPHENS, Numeral, find_numerals, has_numeral_hint
from corroborate.vocab import LANGUAGES, UNIT_FAMILIES

TOLERANCE_PRECISE = Decimal("0.10")
TOLERANCE_ROUND = Decimal("0.20")
AT_LEAST_CEILING_FACTOR = Decimal(2)
AT_MOST_FLOOR_FACTOR = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text; offsets index the string given to ``find_figures``."""

    char_start: int
    char_end: int
    text: str  # text[char_start:char_end]
    value: float  # central value: midpoint of a range, the written number for at_least/at_most
    value_low: float
    value_high: float
    qualifier: str  # one of corroborate.vocab.QUALIFIERS
    unit: str  # one of corroborate.vocab.UNITS
    unit_raw: str | None  # the unit as written ("soldats", "km²", "$", "%")
    number_start: int  # the number alone, scale word included
    number_end: int


# --- compiled once --------------------------------------------------------------------------------

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


# --- pieces ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: Numeral
    last: Numeral
    is_range: bool = False
    opener_start: int | None = None
    low: Decimal = Decimal(0)
    high: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    raw: str | None
    end: int | None  # where the span ends when the unit is written after the number


def _as_range(text: str, first: Numeral, second: Numeral, lang: str) -> _Candidate | None:
    """``first`` and ``second`` as the two ends of one range, or None."""
    if "approx_noun" in (first.kind, second.kind):
        return None
    between_end = second.span_start
    for joiner_re, required_opener in _RANGE_JOINER_RE[lang]:
        if not joiner_re.fullmatch(text, first.end, between_end):
            continue
        is_hyphen = text[first.end : between_end].strip() in tuple(HYPHENS)
        if is_hyphen and "words" in (first.kind, second.kind):
            return None
        opener = _RANGE_OPENER_RE.search(text, max(0, first.span_start - 12), first.span_start)
        opener_word = opener.group("opener").lower() if opener else None
        if required_opener and opener_word != required_opener:
            return None
        if opener and required_opener is None:
            if opener_word in ("entre", "between"):
                opener = None  # "entre 3 et 4" is required for "et"; "entre 10 à 12" is not a range
            elif _CHANGE_VERB_RE.search(text, max(0, opener.start() - 30), opener.start()):
                return None  # "passé de 3 000 à 10 000": two figures
        low, high = first.value, second.value
        if second.scale > 1 and first.scale == 1 and not first.grouped and first.value <= second.mantissa:
            low = first.value * second.scale  # "de 10 à 12 000", "entre 2 et 3 millions"
        if not low < high:
            return None
        return _Candidate(first, second, True, opener.start() if opener else None, low, high)
    return None


def _candidates(text: str, numerals: list[Numeral], lang: str) -> list[_Candidate]:
    """Numbers grouped into single figures and ranges; hyphen-joined pairs that are no range drop."""
    found: list[_Candidate] = []
    index = 0
    while index < len(numerals):
        current = numerals[index]
        if index + 1 < len(numerals):
            as_range = _as_range(text, current, numerals[index + 1], lang)
            if as_range is not None:
                found.append(as_range)
                index += 2
                continue
        if not (current.hyphen_before or current.hyphen_after):  # 2024-10, 3-1
            found.append(_Candidate(current, current))
        index += 1
    return found


def _unit_after(text: str, position: int) -> _Unit | None:
    """The unit written after a number ending at ``position``; None when no noun follows. A hyphenated
    compound counts its noun: "a 500,000-job revision" -> job."""
    if text[position : position + 1] in HYPHENS and text[position + 1 : position + 2].isalpha():
        position += 1
    position = _GAP_RE.match(text, position).end()  # type: ignore[union-attr]
    direct = _UNIT_RE.match(text, position)
    if direct:
        return _Unit(_unit_of(direct.group(), _UNIT_LOOKUP), direct.group(), direct.end())
    connector = _CONNECTOR_RE.match(text, position)
    scan_from = connector.end() if connector else position
    scanned: list[re.Match[str]] = []
    cursor = scan_from
    only_duration_modifiers = True
    for _ in range(3):
        word = _WORD_RE.match(text, cursor)
        if word is None:
            break
        scanned.append(word)
        unit = _UNIT_RE.match(text, cursor)
        if unit:
            name = _unit_of(unit.group(), _UNIT_LOOKUP)
            if name == lexicon.TRAP and not only_duration_modifiers:
                break  # "3,000 last week": a time adverbial after the figure, not its unit
            return _Unit(name, unit.group(), unit.end())
        lowered = word.group().lower()
        if lowered in lexicon.STOP_WORDS:
            break
        only_duration_modifiers = only_duration_modifiers and lowered in lexicon.DURATION_MODIFIERS
        gap = re.compile(rf"{_BLANK}+").match(text, word.end())
        if gap is None:
            break
        cursor = gap.end()
    # the noun right after the number, or after modifiers only ("1 500 nouveaux cas", "trois jeunes filles")
    while len(scanned) > 1 and scanned[0].group().lower() in lexicon.MODIFIERS:
        scanned.pop(0)
    if scanned:
        noun = scanned[0].group()
        lowered = noun.lower()
        if (
            noun[:1].islower()
            and len(noun) >= 3
            and lowered not in lexicon.STOP_WORDS
            and lowered not in lexicon.MODIFIERS
            and not _PARTICIPLE_RE.search(lowered)
        ):
            return _Unit("count", noun, scanned[0].end())
    return None


def _toll_after(text: str, position: int, in_aside: bool) -> _Unit | None:
    """A toll predicate after a head count: "soldats russes ont été tués ou blessés" -> casualties.

    An aside after the noun is skipped ("21 people, including two children, were killed"); a figure
    inside such an aside (``in_aside``) reads the toll after the comma that closes it.
    """
    aside = _ASIDE_RE.match(text, position)
    if aside:
        position = aside.end()
    elif in_aside and text[position : position + 1] == ",":
        position += 1
    cursor, adjectives = position, 0
    for _ in range(6):
        gap = re.compile(rf"{_BLANK}+").match(text, cursor)
        if gap is None:
            return None
        cursor = gap.end()
        toll = _TOLL_RE.match(text, cursor)
        if toll:
            return _Unit(_unit_of(toll.group(), _TOLL_LOOKUP), toll.group(), toll.end())
        word = _WORD_RE.match(text, cursor)
        if word is None:
            return None
        lowered = word.group().lower()
        if lowered in lexicon.TOLL_FILLERS:
            pass
        elif lowered not in lexicon.STOP_WORDS and adjectives < 2 and word.group()[:1].islower():
            adjectives += 1
        else:
            return None
        cursor = word.end()
    return None


def _unit_counted_around(text: str, start: int, end: int) -> _Unit | None:
    """The unit of a bare number read from what it counts: the noun of "le nombre de soldats" just
    after it ("estimé à 3 000 le nombre de soldats") or heading its clause ("le nombre de soldats
    … pourrait atteindre 12 000"), or a demonym after it ("700 000 Ukrainiens")."""
    head_after = _COUNT_HEAD_AFTER_RE.match(text, end)
    if head_after:
        unit = _unit_of(head_after.group("unit"), _UNIT_LOOKUP)
        if unit not in (lexicon.TRAP, lexicon.FOREIGN_MEASURE):
            return _Unit(unit, head_after.group("unit"), None)
    demonym = _DEMONYM_RE.match(text, end)
    if demonym:
        return _Unit("people", demonym.group("noun"), demonym.end())
    window_start = max(0, start - 120)
    breaks = [m.end() for m in re.finditer(r"[.;!?«»\"“”()\n]", text[window_start:start])]
    clause_start = window_start + (breaks[-1] if breaks else 0)
    heads = list(_COUNT_HEAD_RE.finditer(text, clause_start, start))
    if not heads:
        return None
    raw = heads[-1].group("unit")
    unit = _unit_of(raw, _UNIT_LOOKUP)
    if unit in (lexicon.TRAP, lexicon.FOREIGN_MEASURE):
        return None
    return _Unit(unit, raw, None)


def _qualifier_before(text: str, start: int, lang: str) -> tuple[str, int] | None:
    match = _QUALIFIER_RE[lang].search(text, max(0, start - 40), start)
    if match is None:
        return None
    for index, (_, qualifier) in enumerate(lexicon.QUALIFIER_WORDS[lang]):
        if match.group(f"q{index}") is not None:
            return qualifier, match.start(f"q{index}")
    return None


def _is_projection(text: str, start: int, end: int, lang: str) -> bool:
    """A modal or future verb governing the figure, or a deadline after it, in the same clause."""
    window_start = max(0, start - 120)
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, window_start, start)]
    clause_before = text[breaks[-1] if breaks else window_start : start]
    last_words = " ".join(clause_before.split()[-5:])
    if _PROJECTION_BEFORE_RE[lang].search(last_words) or _FUTURE_VERB_RE[lang].search(clause_before):
        return True
    window_end = min(len(text), end + 100)
    next_break = _CLAUSE_BREAK_RE.search(text, end, window_end)
    clause_after = text[end : next_break.start() if next_break else window_end]
    if _PROJECTION_AFTER_RE[lang].match(clause_after):
        return True
    first_words = " ".join(clause_after.split()[:8])
    return bool(_DEADLINE_RE[lang].search(first_words))


def _is_year(numeral: Numeral, text: str) -> bool:
    written = text[numeral.start : numeral.end]
    return written.isdigit() and len(written) == 4 and 1500 <= numeral.value <= 2100


def _counts_despite_year(text: str, candidate: _Candidate, unit: _Unit, lang: str) -> bool:
    """A year-like number that counts a noun after a counting qualifier: "près de 2000 foyers",
    "about 2000 homes". A year is written after a preposition ("en 2000", "in 2022"), not after
    "près de" with a plural noun; "about 2015 levels" and "under 2024 rules" stay years."""
    if candidate.is_range or unit.raw is None or not unit.raw[:1].islower():
        return False
    if unit.raw.lower() in lexicon.YEAR_NOUNS or not _is_counted_noun(unit.raw):
        return False
    qualifier = _qualifier_before(text, candidate.first.span_start, lang)
    if qualifier is None:
        return False
    written = text[qualifier[1] : candidate.first.span_start].strip().lower()
    return written not in lexicon.YEAR_PREPOSITIONS


def _is_date_or_reference(text: str, numeral: Numeral, lang: str) -> bool:
    """Days of the month, years next to a month, ages, and references such as "article 5"."""
    written = text[numeral.start : numeral.end]
    if numeral.kind == "digits" and written.isdigit():
        if 1 <= numeral.value <= 31 and (
            _MONTH_AFTER_RE.match(text, numeral.end) or _DAYS_THEN_MONTH_RE.match(text, numeral.end)
        ):
            return True  # 27 octobre, 5 May, les 3 et 4 mars
        if _MONTH_OR_DAY_BEFORE_RE.search(text, max(0, numeral.start - 20), numeral.start):
            return True  # mars 2022, October 27, lundi 28
        if _TIME_BEFORE_RE.search(text, max(0, numeral.start - 12), numeral.start):
            return True  # the minutes of "14 h 30"
    if _AGE_BEFORE_RE.search(text, max(0, numeral.span_start - 40), numeral.span_start):
        return True
    word = _WORD_BEFORE_RE.search(text, max(0, numeral.span_start - 20), numeral.span_start)
    if word is None:
        return False
    elided = re.split(r"['’]", word.group(1).lower())[-1]  # l'article -> article
    return elided.rstrip(".") in lexicon.REFERENCE_WORDS


def _score_spans(text: str) -> list[tuple[int, int]]:
    """Where a pair of small numbers is a score or a vote: "s'est imposé 2 à 0", "won 3 to 1".

    After a cue ("battu", "won", "score", "voted"), a pair is a score unless it is a rising range
    of something named ("a gagné 10 à 20 sièges"); without one, a falling pair with no opener and
    known unit after it ("Lyon 3 à 1") is a score, since "de 10 à 12" rises and "passé de 5 à 3"
    opens with "de".
    """
    spans: list[tuple[int, int]] = []
    for match in _SCORE_RE.finditer(text):
        a, b = int(match.group("a")), int(match.group("b"))
        after = _unit_after(text, match.end())
        if after is not None and after.unit not in ("count", lexicon.TRAP):
            continue  # "3 à 1 %", "won 10 to 20 seats" is counted below
        start = match.start()
        cue = _SCORE_CUE_RE.search(text, max(0, start - 60), start)
        if cue:
            if a < b and after is not None:
                continue
        elif not (
            a >= b
            and (after is None or after.unit == "count")
            and match.group("joiner").lower() not in ("contre", "against")
            and not _RANGE_OPENER_BEFORE_RE.search(text, max(0, start - 12), start)
        ):
            continue
        spans.append((start, match.end()))
    return spans


def _is_name_part(text: str, numeral: Numeral) -> bool:
    """A number that belongs to a name: "Boeing 737", "Apollo 11 astronauts", "Canal+ 1",
    "France 24", "la RD 940 traverse", "737 jets", "the 777 Max"."""
    if numeral.kind != "digits" or numeral.scale != 1 or numeral.grouped or numeral.currency_raw:
        return False
    token = _TOKEN_BEFORE_RE.search(text, max(0, numeral.start - 30), numeral.start)
    if token and token.group("token") in lexicon.NAMED_SERIES:
        return True
    return bool(_NAMED_CHANNEL_RE.search(text, max(0, numeral.start - 12), numeral.end))


def _is_airliner_model(text: str, numeral: Numeral, unit: _Unit) -> bool:
    """ "737 jets", "777 aircraft", "the 787 Dreamliner": a Boeing model, not a count of planes."""
    if numeral.kind != "digits" or not _AIRLINER_RE.fullmatch(text, numeral.start, numeral.end):
        return False
    following = _NEXT_WORD_RE.match(text, numeral.end)
    return unit.unit == "aircraft" or bool(following and following.group(1) in lexicon.AIRLINER_SUFFIXES)


def _is_age_apposition(text: str, numeral: Numeral) -> bool:
    """ "Jane Smith, 30, a nurse", "the driver, 45, was", "John Smith (30)": an age."""
    written = text[numeral.start : numeral.end]
    if numeral.kind != "digits" or not written.isdigit() or not 1 <= int(written) <= 119:
        return False
    before = _AGE_APPOSITION_BEFORE_RE.search(text, max(0, numeral.start - 40), numeral.start)
    if before is None:
        return False
    closing = ")" if before.group("open") == "(" else ","
    if text[numeral.end : numeral.end + 1] != closing:
        return False
    word = before.group("word")
    return word[:1].isupper() or word.lower() in lexicon.PERSON_NOUNS


def _named_count_after(text: str, numeral: Numeral) -> _Unit | None:
    """What a spelt-out number counts when a capitalised type or origin follows it: "six Canadair"
    (the type), "two US destroyers" (the noun after it). A capitalised number word inside a
    sentence opens a name ("the Five Eyes"), and a month or day after it is a date."""
    written = text[numeral.start : numeral.end]
    opens_sentence = _SENTENCE_END_RE.search(text, max(0, numeral.start - 5), numeral.start) is not None
    if written[:1].isupper() and not opens_sentence:
        return None
    match = _NAMED_COUNT_AFTER_RE.match(text, numeral.end)
    if match is None or _MONTH_OR_DAY_RE.match(match.group("name").split()[0]):
        return None
    noun = match.group("noun")
    if noun and _is_counted_noun(noun):
        return _Unit("count", noun, match.end("noun"))
    return _Unit("count", match.group("name"), match.end("name"))


def _is_magnitude(text: str, degrees: _Unit) -> bool:
    """ "7 degrees on the Richter scale", "6,8 degrés sur l'échelle de Richter": a magnitude, not a
    temperature."""
    if degrees.end is None or (degrees.raw or "").lower() not in lexicon.DEGREE_WORDS:
        return False
    return _MAGNITUDE_SCALE_AFTER_RE.match(text, degrees.end) is not None


def _partitive_count(text: str, numeral: Numeral) -> _Unit | None:
    """What a spelt-out number counts part of: "five of the 106 victims", "deux des 36 victimes",
    "three of the soldiers". The span stays the number; the group's own figure is found apart."""
    group = _PARTITIVE_AFTER_RE.match(text, numeral.end)
    if group is None:
        return None
    noun = _unit_after(text, group.end())
    if noun is None or noun.raw is None or noun.unit in (lexicon.TRAP, lexicon.FOREIGN_MEASURE):
        return None
    if noun.unit == "count" and not _is_counted_noun(noun.raw):
        return None
    return _Unit(noun.unit, noun.raw, None)


def _is_counted_noun(noun: str) -> bool:
    """A lower-case word that a spelt-out number can count: a plural noun, not an abstract one
    ("raisons", "ways"), a verb ("restent", "remain") or a participle."""
    lowered = noun.lower()
    if (
        lowered in lexicon.STOP_WORDS
        or lowered in lexicon.MODIFIERS
        or lowered in lexicon.ABSTRACT_NOUNS
        or _PARTICIPLE_RE.search(lowered)
    ):
        return False
    return lowered.endswith(("s", "x", "z")) or lowered in lexicon.IRREGULAR_PLURALS


def _interval(qualifier: str, value: Decimal, tolerance: Decimal) -> tuple[Decimal, Decimal]:
    if qualifier == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    if qualifier == "at_least":
        return value, value * AT_LEAST_CEILING_FACTOR
    if qualifier == "at_most":
        return value * AT_MOST_FLOOR_FACTOR, value
    return value, value


def _figure(text: str, candidate: _Candidate, lang: str) -> Figure | None:
    """The figure a candidate number is, or None when it is no figure: its unit, then what rules it out, then
    its qualifier and interval."""
    unit = _figure_unit(text, candidate)
    if unit is None:
        return None
    if candidate.first.kind == "words" and candidate.first.value < 1000:
        unit = _word_number_unit(text, candidate, unit)
        if unit is None:
            return None
    if _names_no_figure(text, candidate, unit, lang):
        return None
    return _qualified_figure(text, candidate, unit, lang)


def _figure_unit(text: str, candidate: _Candidate) -> _Unit | None:
    """What the candidate counts, read after and around it; None when the words after it make it no figure
    ("trois ans", "deux fois", "48 heures")."""
    first, last = candidate.first, candidate.last
    currency_raw = last.currency_raw or first.currency_raw
    found = None if currency_raw else _unit_after(text, last.end)
    if found and found.unit == lexicon.TRAP:
        if not _is_magnitude(text, found):
            return None  # trois ans, deux fois, 48 heures, two thirds, 3 p.m.
        found = _Unit("count", found.raw, found.end)  # "7 degrees on the Richter scale"
    if currency_raw:
        unit = _Unit(_CURRENCY_UNITS[currency_raw], currency_raw, None)
    elif found and found.unit == lexicon.FOREIGN_MEASURE:
        unit = _Unit("count", found.raw, found.end)
    else:
        unit = found or _Unit("count", None, None)
    if unit.unit in lexicon.PEOPLE_UNITS and not currency_raw:
        in_aside = bool(_IN_ASIDE_RE.search(text, max(0, first.span_start - 30), first.span_start))
        toll = _toll_after(text, unit.end if unit.end is not None else last.end, in_aside)
        if toll:
            # the span stops at the noun counted; unit_raw names the toll that sets the unit
            unit = _Unit(toll.unit, toll.raw, unit.end)
    if unit.unit == "count" and unit.raw is None:
        unit = _unit_counted_around(text, first.span_start, last.end) or unit
    counts_people = unit.unit in ("soldiers", "people") or (unit.unit == "count" and unit.raw is None)
    if counts_people and _LOSS_BEFORE_RE.search(text, max(0, first.span_start - 40), first.span_start):
        unit = _Unit("casualties", unit.raw, unit.end)  # "a perdu 8 000 hommes"

    return unit


def _word_number_unit(text: str, candidate: _Candidate, unit: _Unit) -> _Unit | None:
    """A number written in words (under a thousand): the unit it counts, found further when needed, or
    None when it is no figure ("le deux mars", "trois" alone, "les deux pays")."""
    first, last = candidate.first, candidate.last
    if first.value <= 31 and _MONTH_AFTER_RE.match(text, last.end):
        return None  # "le deux mars"
    if unit.unit == "count" and unit.raw is None and not candidate.is_range and first.value >= 2:
        unit = _partitive_count(text, last) or unit  # "five of the 106 victims"
    if unit.unit == "count" and unit.raw is None and not candidate.is_range:
        unit = _named_count_after(text, last) or unit  # "six Canadair", "two US destroyers"
    if unit.unit == "count" and (unit.raw is None or (unit.raw[:1].islower() and not _is_counted_noun(unit.raw))):
        return None  # "trois" alone, "à deux reprises", "two ways", "deux restent"
    before = _WORD_BEFORE_RE.search(text, max(0, first.start - 20), first.start)
    if before and before.group(1).lower() in lexicon.DETERMINERS:
        return None  # "les trois soldats", "les deux pays": a known group, not a reported count
    return unit


def _names_no_figure(text: str, candidate: _Candidate, unit: _Unit, lang: str) -> bool:
    """Whether the number is part of a name, a model, an age, a phone number, a year, a date or a
    reference rather than a figure."""
    first, last = candidate.first, candidate.last
    currency_raw = last.currency_raw or first.currency_raw
    if _is_name_part(text, first) or (candidate.is_range and _is_name_part(text, last)):
        return True  # Boeing 737, Formula 1 drivers, France 24
    if not candidate.is_range and unit.raw is None and text[first.span_start : last.end] in lexicon.NAMED_NUMBERS:
        return True  # "le 49.3": a number that names a procedure
    if not candidate.is_range and not currency_raw:
        if _qualifier_before(text, first.span_start, lang) is None and _is_airliner_model(text, first, unit):
            return True  # 737 jets, the 777 Max
        if unit.raw is None and (
            _is_age_apposition(text, first)
            or _PHONE_BEFORE_RE.search(text, max(0, first.span_start - 30), first.span_start)
        ):
            return True  # "Jane Smith, 30, a nurse"; "appelez le 3919", "call 911"
    if unit.unit == "count" and not currency_raw:
        if (
            all(_is_year(n, text) for n in {first, last})
            and first.scale == 1
            and not _counts_despite_year(text, candidate, unit, lang)
        ):
            return True
        if not candidate.is_range and first.kind == "digits" and first.scale == 1:
            name = _CAPITALISED_BEFORE_RE.search(text, max(0, first.start - 30), first.start)
            if (
                name
                and unit.raw is None
                and name.group().strip() not in lexicon.CURRENCY_CODES
                and not _SENTENCE_END_RE.search(text, max(0, name.start() - 5), name.start())
            ):
                return True  # Boeing 737, Route 66 (a capital that only opens the sentence is no name)
            acronym = _ACRONYM_BEFORE_RE.search(text, max(0, first.start - 8), first.start)
            if (
                acronym
                and not first.grouped
                and acronym.group().strip() not in lexicon.CURRENCY_CODES
                and _qualifier_before(text, first.span_start, lang) is None
            ):
                return True  # "la RD 940 traverse", "le SDIS 40 intervient": part of the acronym's name
    return bool(_is_date_or_reference(text, first, lang)) or (
        candidate.is_range and bool(_is_date_or_reference(text, last, lang))
    )


def _qualified_figure(text: str, candidate: _Candidate, unit: _Unit, lang: str) -> Figure:
    """The figure: its span, qualifier (written before or after it, or a range) and interval."""
    first, last = candidate.first, candidate.last
    start = first.span_start
    end = max(last.end, unit.end or 0)
    if candidate.is_range:
        qualifier = "range"
        low, high = candidate.low, candidate.high
        value = (low + high) / 2
        if candidate.opener_start is not None:
            start = candidate.opener_start
    else:
        qualifier = "approx" if first.kind == "approx_noun" else "exact"
        written = _qualifier_before(text, start, lang)
        if written is not None:
            qualifier, start = written
        trailing = _TRAILING_APPROX_RE[lang].match(text, end)
        if trailing and qualifier == "exact":
            qualifier, end = "approx", trailing.end()
        value = first.value
        round_number = first.significant_digits == 1 or first.kind == "approx_noun"
        low, high = _interval(qualifier, value, TOLERANCE_ROUND if round_number else TOLERANCE_PRECISE)
    if _is_projection(text, start, end, lang):
        qualifier = "projection"
    return Figure(
        char_start=start,
        char_end=end,
        text=text[start:end],
        value=float(value),
        value_low=float(low),
        value_high=float(high),
        qualifier=qualifier,
        unit=unit.unit,
        unit_raw=unit.raw,
        number_start=first.start,
        number_end=last.end,
    )


def _inherit_elided_units(text: str, figures: list[Figure]) -> list[Figure]:
    """ "1.500 soldats …, quasiment 10.000 autres": a bare number followed by "autres"/"more" counts
    what the previous figure of the same sentence counts."""
    inherited = list(figures)
    for index in range(1, len(inherited)):
        bare, previous = inherited[index], inherited[index - 1]
        if (
            bare.unit == "count"
            and bare.unit_raw is None
            and previous.unit != "count"
            and _ELLIPSIS_AFTER_RE.match(text, bare.number_end)
            and not _SENTENCE_BREAK_RE.search(text, previous.char_end, bare.char_start)
        ):
            inherited[index] = replace(bare, unit=previous.unit, unit_raw=previous.unit_raw)
    return inherited


def _share_trailing_units(text: str, figures: list[Figure]) -> list[Figure]:
    """ "(477 et 459 km2)": a bare number joined to the next figure takes that figure's unit."""
    shared = list(figures)
    for index in range(len(shared) - 2, -1, -1):
        bare, following = shared[index], shared[index + 1]
        if (
            bare.unit == "count"
            and bare.unit_raw is None
            and following.unit != "count"
            and _SHARED_UNIT_GAP_RE.fullmatch(text, bare.char_end, following.char_start)
        ):
            shared[index] = replace(bare, unit=following.unit, unit_raw=following.unit_raw)
    return shared


def _without_conversions(text: str, figures: list[Figure]) -> list[Figure]:
    """Drop a measure converted in brackets right after a figure: "478 km² (185 square miles)"."""
    kept: list[Figure] = []
    for index, figure in enumerate(figures):
        if index > 0:
            previous = figures[index - 1]
            paren = text.find("(", previous.char_end, figure.char_start)
            family = UNIT_FAMILIES.get(figure.unit)
            is_conversion = (
                paren != -1
                and not text[previous.char_end : paren].strip()
                and _CONVERSION_LEAD_RE.fullmatch(text, paren + 1, figure.char_start) is not None
                and _CONVERSION_TAIL_RE.match(text, figure.char_end) is not None
                and (
                    (figure.unit_raw or "").lower() in _FOREIGN_RAW
                    or (family in _CONVERTIBLE_FAMILIES and UNIT_FAMILIES.get(previous.unit) == family)
                )
            )
            if is_conversion:
                continue
        kept.append(figure)
    return kept


_OPPOSITE_BOUNDS = {("at_most", "at_least"), ("at_least", "at_most")}
# The qualifier word a figure's span opens with, even when a projection took its place.
_QUALIFIER_AT_START_RE = {
    lang: re.compile(
        "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(patterns)) + r"(?!\w)", re.IGNORECASE
    )
    for lang, patterns in lexicon.QUALIFIER_WORDS.items()
}


def _written_bound(text: str, figure: Figure, lang: str) -> str | None:
    if figure.qualifier in ("at_least", "at_most"):
        return figure.qualifier
    match = _QUALIFIER_AT_START_RE[lang].match(text, figure.char_start)
    if match is None:
        return None
    for index, (_, qualifier) in enumerate(lexicon.QUALIFIER_WORDS[lang]):
        if match.group(f"q{index}") is not None:
            return qualifier
    return None


def _brackets_of_two_bounds(text: str, figures: list[Figure], lang: str) -> list[Figure]:
    """ "moins de 5,5 % et plus de 5 %", "more than 5% but less than 5.5%": two opposite bounds of one
    unit, joined, are one figure between them (a projection if either bound is one)."""
    merged: list[Figure] = []
    index = 0
    while index < len(figures):
        figure = figures[index]
        following = figures[index + 1] if index + 1 < len(figures) else None
        if (
            following is not None
            and figure.unit == following.unit
            and _BOUND_JOINER_RE.fullmatch(text, figure.char_end, following.char_start)
            and (_written_bound(text, figure, lang), _written_bound(text, following, lang)) in _OPPOSITE_BOUNDS
        ):
            low, high = sorted((figure, following), key=lambda f: _written_bound(text, f, lang) != "at_least")
            if low.value < high.value:
                projection = "projection" in (figure.qualifier, following.qualifier)
                merged.append(
                    replace(
                        figure,
                        char_end=following.char_end,
                        text=text[figure.char_start : following.char_end],
                        value=(low.value + high.value) / 2,
                        value_low=low.value,
                        value_high=high.value,
                        qualifier="projection" if projection else "range",
                        number_end=following.number_end,
                    )
                )
                index += 2
                continue
        merged.append(figure)
        index += 1
    return merged


_FOREIGN_RAW = frozenset(p.lower() for p, unit in lexicon.UNIT_NOUNS.items() if unit == lexicon.FOREIGN_MEASURE)


# --- public ---------------------------------------------------------------------------------------


def find_figures(text: str, lang: str) -> list[Figure]:
    """Every figure in ``text`` (a sentence or an article), in reading order.

    ``lang`` is "fr" or "en"; it decides decimal comma vs thousands separator and which number
    words and qualifiers are read. Offsets in the returned figures index ``text`` as given.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    return list(_figures_of(text, lang))


# The extractor asks has_figure and then find_figures of the same sentence: the second is free.
@lru_cache(maxsize=256)
def _figures_of(text: str, lang: str) -> tuple[Figure, ...]:
    numerals = find_numerals(text, lang)
    scores = _score_spans(text) if len(numerals) > 1 else []
    if scores:
        numerals = [n for n in numerals if not any(lo <= n.start < hi for lo, hi in scores)]
    candidates = _candidates(text, numerals, lang)
    figures = [
        f
        for f in (_figure(text, c, lang) for c in candidates)
        if f is not None and not _is_dateline(text, f) and not _PROPORTION_AFTER_RE.match(text, f.char_end)
    ]
    figures = _without_conversions(text, _inherit_elided_units(text, _share_trailing_units(text, figures)))
    return tuple(_signed(text, f) for f in _brackets_of_two_bounds(text, figures, lang))


# A minus written before a figure: "-5 000" (a hyphen touching the number), "− 3 000" (the minus sign,
# U+2212), "moins 2 000" / "minus 2,000" (a word, not "au moins", "moins de": those are qualifiers and
# already in the span). A hyphen after a letter or digit joins ("10-12", "COVID-19", "F-16"); a hyphen and
# a blank at a line start is a list item ("- 5 000 soldats"), not a sign.
_SIGN_BEFORE_RE = re.compile(
    rf"(?:(?<![\w.,/])-|\u2212{_BLANK}?|(?<![\w'’])(?:moins|minus){_BLANK}+)$",
    re.IGNORECASE,
)
_NOT_A_MINUS_WORD_RE = re.compile(r"(?:\bau|\bpas|\bpeu|\ble|\bdu|\bplus\s+ou|\bthe)\s+$", re.IGNORECASE)


def _signed(text: str, figure: Figure) -> Figure:
    """``figure`` negated, its span taking in the sign, when a minus is written right before it."""
    before = text[max(0, figure.char_start - 12) : figure.char_start]
    match = _SIGN_BEFORE_RE.search(before)
    if match is None:
        return figure
    if match.group().strip()[:1].isalpha() and _NOT_A_MINUS_WORD_RE.search(before[: match.start()]):
        return figure  # "au moins 2 000" left unread as a qualifier is still no negative number
    start = figure.char_start - (len(before) - match.start())
    return replace(
        figure,
        char_start=start,
        text=text[start : figure.char_end],
        value=-figure.value,
        value_low=-figure.value_high,
        value_high=-figure.value_low,
    )


# "trois fonctionnaires sur dix", "one in four adults", "two out of three": a verbal fraction, not a count.
_PROPORTION_WORDS = "|".join(
    dict.fromkeys(
        word for lang in LANGUAGES for word, value in numbered(lang, "number_words").items() if 2 <= value <= 10
    )
)
_PROPORTION_AFTER_RE = re.compile(
    rf"[ \u00a0]+(?:sur|out of|in)[ \u00a0]+(?:{_PROPORTION_WORDS}|cent|mille|a hundred|hundred|a thousand|10|100"
    r"|1[ .,\u00a0\u202f]?000)(?![\w.,])"
    r"(?![ \u00a0]+(?:ans|années|mois|jours|semaines|years|months|days|weeks))",  # "sur dix ans" is a period
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})")
_LINE_START_RE = re.compile(r"(?:^|\n)[\W_]*$")


def _is_dateline(text: str, figure: Figure) -> bool:
    """A day-month pair opening a line with no unit ("10-23 Paris (AFP) -", "09/11 |"): a date header or
    a byline stamp, not a figure."""
    m = _DATELINE_RE.fullmatch(text, figure.char_start, figure.char_end)
    if m is None or figure.unit != "count" or figure.unit_raw:
        return False
    a, b = int(m.group("a")), int(m.group("b"))
    plausible = (a <= 12 and b <= 31) or (a <= 31 and b <= 12)
    return plausible and _LINE_START_RE.search(text, 0, figure.char_start) is not None


def has_figure(text: str, lang: str) -> bool:
    """True when ``text`` holds at least one figure (same answer as ``bool(find_figures(...))``).

    A character scan first rejects the many sentences without any digit or number word.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    if not has_numeral_hint(text, lang):
        return False
    return bool(_figures_of(text, lang))
