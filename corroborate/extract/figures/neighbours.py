"""Passes over the figures of one text, each read with its neighbours: a unit shared ("477 et 459 km2") or
inherited ("10.000 autres"), a measure converted in brackets dropped, two opposite bounds joined into
one range ("more than 5% but less than 5.5%").
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.extract import lexicon
from corroborate.extract.figures.figure import Figure
from corroborate.extract.figures.patterns import (
    _BOUND_JOINER_RE,
    _CONVERSION_LEAD_RE,
    _CONVERSION_TAIL_RE,
    _CONVERTIBLE_FAMILIES,
    _ELLIPSIS_AFTER_RE,
    _SENTENCE_BREAK_RE,
    _SHARED_UNIT_GAP_RE,
)
from corroborate.vocab import UNIT_FAMILIES


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
