"""What a candidate figure counts: the unit noun after it, a toll predicate ("ont été tués"), the head it
counts ("le nombre de soldats"), a demonym; for a spelt-out number, the noun it counts, or None when the
words around it make it no figure ("trois ans", "les deux pays").
"""

from __future__ import annotations

import re

from corroborate.extract import lexicon
from corroborate.extract.figures.figure import _Candidate, _Unit
from corroborate.extract.figures.patterns import (
    _ASIDE_RE,
    _BLANK,
    _CONNECTOR_RE,
    _COUNT_HEAD_AFTER_RE,
    _COUNT_HEAD_RE,
    _CURRENCY_UNITS,
    _DEMONYM_RE,
    _GAP_RE,
    _IN_ASIDE_RE,
    _LOSS_BEFORE_RE,
    _MAGNITUDE_SCALE_AFTER_RE,
    _MONTH_AFTER_RE,
    _MONTH_OR_DAY_RE,
    _NAMED_COUNT_AFTER_RE,
    _PARTICIPLE_RE,
    _PARTITIVE_AFTER_RE,
    _SENTENCE_END_RE,
    _TOLL_LOOKUP,
    _TOLL_RE,
    _UNIT_LOOKUP,
    _UNIT_RE,
    _WORD_BEFORE_RE,
    _WORD_RE,
    _unit_of,
)
from corroborate.extract.numbers import HYPHENS, Numeral


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
