"""Numerals grouped into candidate figures: one number alone, or two read as the ends of one range
("entre 10 000 et 12 000", "11,000-12,000", "de 10 à 12 000").
"""

from __future__ import annotations

from corroborate.extract.figures.figure import _Candidate
from corroborate.extract.figures.patterns import _CHANGE_VERB_RE, _RANGE_JOINER_RE, _RANGE_OPENER_RE
from corroborate.extract.numbers import HYPHENS, Numeral


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
