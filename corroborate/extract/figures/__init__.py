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

Layout
    ``find_figures`` (here) groups a text's numerals into candidates (``candidates``), reads what each
    counts (``units``), drops the numbers that are no figures (``not_figures``), gives the rest their
    qualifier and interval (``qualifiers``), then reads each figure with its neighbours (``neighbours``).
    ``figure`` holds the shapes, ``patterns`` the compiled patterns they all read. Names starting with
    ``_`` are the package's own, shared between its modules. The numerals and the word lists it reads
    are modules of their own (``corroborate.extract.numbers``, ``corroborate.extract.lexicon``).
"""

from __future__ import annotations

from functools import lru_cache

from corroborate.extract.figures.candidates import _candidates
from corroborate.extract.figures.figure import Figure, _Candidate
from corroborate.extract.figures.neighbours import (
    _brackets_of_two_bounds,
    _inherit_elided_units,
    _share_trailing_units,
    _without_conversions,
)
from corroborate.extract.figures.not_figures import (
    _PROPORTION_AFTER_RE,
    _is_benchmark,
    _is_dateline,
    _is_population,
    _names_no_figure,
    _score_spans,
)
from corroborate.extract.figures.qualifiers import _qualified_figure, _signed
from corroborate.extract.figures.units import _figure_unit, _word_number_unit
from corroborate.extract.numbers import find_numerals, has_numeral_hint
from corroborate.vocab import LANGUAGES

__all__ = ["Figure", "find_figures", "has_figure"]


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
    if (
        _names_no_figure(text, candidate, unit, lang)
        or _is_benchmark(text, candidate)
        or _is_population(text, candidate, unit, lang)
    ):
        return None
    return _qualified_figure(text, candidate, unit, lang)


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


def has_figure(text: str, lang: str) -> bool:
    """True when ``text`` holds at least one figure (same answer as ``bool(find_figures(...))``).

    A character scan first rejects the many sentences without any digit or number word.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    if not has_numeral_hint(text, lang):
        return False
    return bool(_figures_of(text, lang))
