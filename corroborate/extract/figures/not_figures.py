"""The numbers that are no figures: dates and years, ages, references ("article 5"), names ("Boeing 737",
"France 24"), phone numbers, scores and votes, datelines, and proportions ("one in four").
"""

from __future__ import annotations

import re

from corroborate.extract import lexicon
from corroborate.extract.figures.figure import Figure, _Candidate, _Unit
from corroborate.extract.figures.patterns import (
    _ACRONYM_BEFORE_RE,
    _AGE_APPOSITION_BEFORE_RE,
    _AGE_BEFORE_RE,
    _AIRLINER_RE,
    _CAPITALISED_BEFORE_RE,
    _DAYS_THEN_MONTH_RE,
    _MONTH_AFTER_RE,
    _MONTH_OR_DAY_BEFORE_RE,
    _NAMED_CHANNEL_RE,
    _NEXT_WORD_RE,
    _PHONE_BEFORE_RE,
    _RANGE_OPENER_BEFORE_RE,
    _SCORE_CUE_RE,
    _SCORE_RE,
    _SENTENCE_END_RE,
    _TIME_BEFORE_RE,
    _TOKEN_BEFORE_RE,
    _WORD_BEFORE_RE,
)
from corroborate.extract.figures.qualifiers import _qualifier_before
from corroborate.extract.figures.units import _is_counted_noun, _unit_after
from corroborate.extract.lang import numbered
from corroborate.extract.numbers import Numeral
from corroborate.vocab import LANGUAGES


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


_BENCHMARK_WORD_RE = re.compile(
    rf"(?<!\w)(?:(?P<target>{lexicon.TARGET_WORDS})|(?P<bound>{lexicon.BOUND_WORDS}))(?!\w)", re.IGNORECASE
)
_BENCHMARK_LINKS = frozenset(
    "of de des du d the la le les l a an à at maximum minimum fixé fixée visé visée officiel officielle".split()  # noqa: SIM905
)
_CLAUSE_END_RE = re.compile(r"[.;:!?\n]|,\s")
# a year as a number, or this year or next (the period reader's words)
_YEAR_NEAR_RE = re.compile(rf"(?<!\d)(?:19|20)\d\d(?!\d)|{lexicon.THIS_YEAR}|{lexicon.NEXT_YEAR}", re.IGNORECASE)
_SENTENCE_REACH = 160
_FULL_STOP_RE = re.compile(r"[.;!?\n](?:\s|$)")
# a target "over the medium term" stands whatever year the sentence names
_STANDING_RE = re.compile(r"medium[- ]term|long[- ]term|moyen terme|long terme", re.IGNORECASE)
_LINK_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _around(text: str, start: int, end: int, reach: int, breaks: re.Pattern[str]) -> tuple[str, str]:
    """The text before ``start`` and after ``end`` (at most ``reach`` characters each way), cut at the nearest
    of ``breaks`` on either side: the figure's clause, or its sentence."""
    before = text[max(0, start - reach) : start]
    cuts = list(breaks.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : end + reach]
    stop = breaks.search(after)
    return before, after[: stop.start()] if stop else after


def _is_benchmark(text: str, candidate: _Candidate) -> bool:
    """A target or a rule's bound that the figure names, not a figure about the world: "below the threshold
    maximum of 3%", "la cible de 2 % visée par la BCE", "les seuils de déficit public (3 % du PIB)", "the
    Governing Council's 2% medium-term target", "the 3% rule". Between the word and the figure only linking
    words ("of", "de", "maximum"), or any few words closed by a bracket before the figure; after the figure,
    up to four words that are no function words ("2% European Central Bank target"; "2.4% above the target"
    is a figure compared with one). A target of a stated year ("a target of 5.4% this year") is a forecast."""
    first, last = candidate.first, candidate.last
    before, after = _around(text, first.span_start, last.end, 80, _CLAUSE_END_RE)
    found: re.Match[str] | None = None
    for match in _BENCHMARK_WORD_RE.finditer(before):
        links = before[match.end() :]
        words = _LINK_WORD_RE.findall(links)
        bracketed = links.rstrip().endswith("(") and len(words) <= 4
        linked = all(w.lower() in _BENCHMARK_LINKS for w in words)
        if (bracketed or linked) and not any(ch.isdigit() for ch in links):
            found = match
    if found is None:
        words = after.split()
        for n, word in enumerate(words[:5]):
            named = _BENCHMARK_WORD_RE.fullmatch(word.strip("'’\"»”)("))
            if named:
                if all(w.lower() not in lexicon.STOP_WORDS and not any(c.isdigit() for c in w) for w in words[:n]):
                    found = named
                break
    if found is None:
        return False
    if found.group("bound") is not None or _STANDING_RE.search(before + " " + after):
        return True
    # a target for a year the sentence names ("2.1% next year, above the government's target of 1.5%") is that
    # year's plan, a forecast; a standing one names none ("la cible de 2 % visée par la BCE")
    opening, closing = _around(text, first.span_start, last.end, _SENTENCE_REACH, _FULL_STOP_RE)
    return not _YEAR_NEAR_RE.search(opening + " " + closing)


_POPULATION_LEAD_RE = re.compile(rf"(?<!\w)(?:{lexicon.POPULATION_LEADS})[ \u00a0\u202f]+$", re.IGNORECASE)


def _is_population(text: str, candidate: _Candidate, unit: _Unit, lang: str) -> bool:
    """A place's population, the outlet's background about it: "la station balnéaire compte 12.000
    habitants", "Lahaina, où résidaient 12.000 habitants", "a city of about 100,000 people", "home to 42,000
    residents". Only a people noun right after the figure and a population lead right before it (a qualifier
    may sit between); "12 000 habitants ont été évacués" counts people in the event and stays."""
    if candidate.is_range or unit.raw is None or unit.raw.lower() not in lexicon.POPULATION_NOUNS:
        return False
    start = candidate.first.span_start
    qualifier = _qualifier_before(text, start, lang)
    if qualifier is not None:
        start = qualifier[1]
    return _POPULATION_LEAD_RE.search(text, max(0, start - 40), start) is not None


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
