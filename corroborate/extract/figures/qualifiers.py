"""A figure's qualifier and interval: the words before or after it ("environ", "plus de", "up to"), a
projection in its clause ("pourrait atteindre", "by December"), and a minus written before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from corroborate.extract import lexicon
from corroborate.extract.figures.figure import (
    AT_LEAST_CEILING_FACTOR,
    AT_MOST_FLOOR_FACTOR,
    TOLERANCE_PRECISE,
    TOLERANCE_ROUND,
    Figure,
    _Candidate,
    _Unit,
)
from corroborate.extract.figures.patterns import (
    _BLANK,
    _CLAUSE_BREAK_RE,
    _DEADLINE_RE,
    _FUTURE_VERB_RE,
    _PROJECTION_AFTER_RE,
    _PROJECTION_BEFORE_RE,
    _QUALIFIER_RE,
    _TRAILING_APPROX_RE,
)


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


def _interval(qualifier: str, value: Decimal, tolerance: Decimal) -> tuple[Decimal, Decimal]:
    if qualifier == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    if qualifier == "at_least":
        return value, value * AT_LEAST_CEILING_FACTOR
    if qualifier == "at_most":
        return value * AT_MOST_FLOOR_FACTOR, value
    return value, value


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
