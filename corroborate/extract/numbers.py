"""Numerals in running text: where a number is written and what value it has.

``find_numerals(text, lang)`` returns every number written in ``text`` as a ``Numeral``: digits
with their group and decimal separators and an attached scale ("10 000", "10'000", "10.000",
"10,000", "1,5 million", "$20bn"), number words ("trois", "deux mille", "twenty-five",
"a hundred") and approximate nouns ("une quarantaine", "un millier", "a dozen").

Numbers that are plainly not quantities are left out here, from the characters around them
alone: parts of identifiers ("G7", "F-16", "COVID-19"), ordinals ("1er", "3e", "2nd"), times
("14h30", "10:30"), slashed fractions and dates ("1/3", "28/10/2024"), dotted dates and versions,
hyphen compounds ("45-year-old", "3-fold", "two-thirds"), phone numbers, digits written with a
leading zero ("0800", "05") and list numbering.
What needs the words around the number (years, "27 octobre", "trois ans") is the figure
finder's business (``corroborate.extract.figures``).

Decimal comma or thousands separator (``lang`` is "fr" or "en"):

* a space (also U+00A0, U+202F, U+2009) or an apostrophe (’ or ') between groups of three digits
  always separates thousands;
* in English, "," followed by three digits separates thousands and "." is the decimal point;
* in French, "," is the decimal comma and "." followed by three digits separates thousands
  ("10.000"), except that a single group of three after "," or "." reads as thousands ("10,000"
  in French wire copy) only when no scale word or percent follows ("1,500 milliard" is 1.5).

It stays whole (about 530 lines): one job, reading a numeral in either language, digits or words; its
word lists live in ``lang/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from corroborate.extract.lang import numbered, phrase_pattern
from corroborate.extract.lang import words as lexicon_words

HYPHENS = "-‐‑–—"
CURRENCY_SIGNS = "$€£₽₴"
_GROUP_SPACES = " \u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class Numeral:
    """One number as written: its characters, its value and how precisely it was written."""

    start: int  # first character of the number itself (after a currency sign)
    end: int  # past the number and its scale word ("20 milliards", "20bn")
    value: Decimal
    mantissa: Decimal  # the number before its written scale: 12 in "12 000" and in "12 millions"
    scale: Decimal  # what the mantissa is multiplied by (1 when no scale is written)
    significant_digits: int
    kind: str  # "digits", "words" or "approx_noun"
    grouped: bool = False  # digits written with a thousands separator
    currency_start: int | None = None  # a currency sign written before the number ("$20bn")
    currency_raw: str | None = None
    hyphen_before: bool = False  # joined by a hyphen to digits before ("2024-10", "11,000-12,000")
    hyphen_after: bool = False
    words: tuple[str, ...] = ()  # number words, lower case, for "words" and "approx_noun"

    @property
    def span_start(self) -> int:
        """Where the written figure starts, currency sign included."""
        return self.currency_start if self.currency_start is not None else self.start


# --- digits -----------------------------------------------------------------------------------

_DIGITS_RE = re.compile(
    rf"""
      \d{{1,3}}(?:[{_GROUP_SPACES}'’]\d{{3}})+(?:[.,]\d+)?(?!\d)
    | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)
    | \d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?(?!\d)
    | \d+(?:[.,]\d+)?(?!\d)
    """,
    re.VERBOSE,
)
# Scale words after digits ("1,5 milliard", "2bn"): ``lang/<lang>/digit_scales.txt``, then those of every
# language (``lang/xx/digit_scales.txt``).
_SCALE_VALUES: dict[str, dict[str, Decimal]] = {
    lang: {word: Decimal(value) for word, value in numbered(lang, "digit_scales").items()} for lang in ("fr", "en")
}
_ABBREVIATED_SCALES: dict[str, Decimal] = {
    word: Decimal(value) for word, value in numbered("xx", "digit_scales").items()
}
_SCALE_WORDS = sorted({*_SCALE_VALUES["fr"], *_SCALE_VALUES["en"], *_ABBREVIATED_SCALES}, key=lambda w: (-len(w), w))
_SCALE_AFTER_RE = re.compile(
    r"(?P<gap>[ \u00a0\u202f]?)"
    rf"(?P<word>{'|'.join(map(re.escape, _SCALE_WORDS))})"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# Abbreviations that also name a unit of length or time ("10m", "3mn"): only a scale with money.
_MONEY_ONLY_SCALES = frozenset({"m", "mn", "k"})
_PERCENT_AFTER_RE = re.compile(r"\s*(?:%|pour ?cent|per ?cent)", re.IGNORECASE)
_ATTACHED_UNIT_RE = re.compile(r"(?:km²|km2|km|%)(?![^\W\d_])", re.IGNORECASE)
_HYPHEN_STRONG_RE = re.compile(rf"[{HYPHENS}]strong\b", re.IGNORECASE)

# Telephone numbers, French, British, international and North American: "01 23 45 67 89",
# "0800 555 111", "0 800 05 95 95", "020 7946 0958", "+44 20 7946 0958", "(202) 555-0143",
# "202-555-0143", "1-800-555-0199". A group of four digits after a group of three never occurs in a
# number written with thousands separators, so "202 555 0143" is safe to mask.
# A count with thousands grouping that may lead a hyphenated compound ("a 500,000-job revision").
_COMPOUND_COUNT_RE = re.compile(r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+")
# The units written after a scale word ("2 thousand 12"): one to three digits that end the number.
_UNITS_AFTER_THOUSAND_RE = re.compile(r"[ \u00a0\u202f](\d{1,3})(?![\d.,]\d|[^\W\d_])")
_PHONE_RE = re.compile(
    r"(?<![\d\w])(?:"
    r"\+\d{1,3}[\s.\-]?(?:\(0\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){2,5}"
    r"|0\d(?:[\s.\-]?\d{2}){4}"
    r"|0[ .]?\d{3}(?:[ .\-]?\d{2}){3}"
    r"|0\d{2,4}(?:[ .\-]?\d{3,4}){2}"
    r"|(?:1[ .\-])?\(\d{3}\)\s?\d{3}[\s.\-]\d{4}"
    r"|(?:1[ .\-])?\d{3}[ .\-]\d{3}[ .\-]\d{4}"
    r")(?!\d)"
)
_LIST_NUMBER_RE = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?\(?(\d{1,2})[.)](?=[ \t])")


def _parse_digits(raw: str, lang: str, decimal_context: bool) -> tuple[Decimal, Decimal, Decimal, int, bool]:
    """Read digits as written -> (value, mantissa, group scale, significant digits, grouped)."""
    text = re.sub(rf"[{_GROUP_SPACES}'’]", " ", raw)
    grouped = " " in text
    int_part, frac = text, ""
    if "," in text and "." in text:
        cut = max(text.rfind(","), text.rfind("."))
        int_part, frac = re.sub(r"[.,]", " ", text[:cut]), text[cut + 1 :]
        grouped = True
    elif "," in text or "." in text:
        sep = "," if "," in text else "."
        parts = text.split(sep)
        if len(parts) > 2:
            int_part, grouped = " ".join(parts), True
        else:
            head, tail = parts
            reads_as_thousands = (
                len(tail) == 3
                and " " not in head
                and head != "0"
                and ((lang == "en" and sep == ",") or (lang == "fr" and not decimal_context))
            )
            if reads_as_thousands:
                int_part, grouped = f"{head} {tail}", True
            else:
                int_part, frac = head, tail
    int_digits = int_part.replace(" ", "")
    value = Decimal(int_digits + ("." + frac if frac else ""))
    mantissa, group_scale = value, Decimal(1)
    if grouped and not frac:
        groups = int_part.split(" ")
        while len(groups) > 1 and groups[-1] == "000":
            groups.pop()
            group_scale *= 1000
        mantissa = Decimal("".join(groups))
    significant = (int_digits + frac).lstrip("0")
    if not frac:
        significant = significant.rstrip("0")
    return value, mantissa, group_scale, max(1, len(significant)), grouped


def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    """A currency sign written just before ``start`` ("$20", "€ 3", "US$5") -> (its start, raw)."""
    pos = start
    if pos >= 2 and text[pos - 1] in _GROUP_SPACES and text[pos - 2] in CURRENCY_SIGNS:
        pos -= 1
    if pos >= 1 and text[pos - 1] in CURRENCY_SIGNS:
        sign_start = pos - 1
        if text[max(0, sign_start - 2) : sign_start] == "US":
            return sign_start - 2, "US$"
        return sign_start, text[sign_start]
    return None


def _digit_numerals(text: str, lang: str, masked: list[tuple[int, int]]) -> list[Numeral]:
    found: list[Numeral] = []
    for match in _DIGITS_RE.finditer(text):
        start, end = match.span()
        if any(lo <= start < hi for lo, hi in masked) or (found and start < found[-1].end):
            continue  # masked, or the units of "2 thousand 12" already read
        prev, prev2 = text[start - 1 : start], text[max(0, start - 2) : max(0, start - 1)]
        if prev and (prev.isalnum() or prev in "_/°#№\\"):
            continue  # G7, A320, 1/3, n°3
        if prev and prev in HYPHENS and prev2.isalpha():
            continue  # F-16, COVID-19, Su-34
        if prev and prev in ".,:" and prev2.isdigit():
            continue  # 28.10.2024, 3.5.1, 10:30
        if match.group()[0] == "0" and match.group()[1:2].isdigit():
            continue  # 0800, 05: a leading zero writes a code, never a quantity
        after = text[end : end + 2]
        next_char = after[:1]
        if next_char and (next_char in "/°" or (next_char in ".,:" and after[1:2].isdigit())):
            continue  # 1/3, 30°, 28.10.2024
        if (
            next_char
            and next_char in HYPHENS
            and after[1:2].isalpha()
            and not _HYPHEN_STRONG_RE.match(text, end)
            and not _COMPOUND_COUNT_RE.fullmatch(match.group())
        ):
            continue  # 45-year-old, 3-fold, 10-day (a grouped count may lead a compound: "a 500,000-job cut")
        currency = _currency_before(text, start)
        scale, scale_end = Decimal(1), end
        scale_match = _SCALE_AFTER_RE.match(text, end)
        if scale_match:
            word = scale_match.group("word").lower()
            attached = scale_match.group("gap") == ""
            char_after_scale = text[scale_match.end() : scale_match.end() + 1]
            money_follows = char_after_scale != "" and char_after_scale in CURRENCY_SIGNS
            accepted = True
            if word in _MONEY_ONLY_SCALES:
                accepted = (attached and (currency is not None or money_follows)) or (
                    word == "m" and scale_match.group("word") == "M" and money_follows
                )
            if accepted:
                scale = _SCALE_VALUES[lang].get(word) or _ABBREVIATED_SCALES[word]
                scale_end = scale_match.end()
            else:
                scale_match = None
        if not scale_match and next_char.isalpha() and not _ATTACHED_UNIT_RE.match(text, end):
            continue  # 1er, 3e, 2nd, 14h30, 3D, 10x
        decimal_context = scale_match is not None or bool(_PERCENT_AFTER_RE.match(text, end))
        value, mantissa, group_scale, significant, grouped = _parse_digits(match.group(), lang, decimal_context)
        if scale_match:
            mantissa, group_scale = value, scale
        units = _UNITS_AFTER_THOUSAND_RE.match(text, scale_end) if scale == 1000 and scale_match else None
        if units and value == value.to_integral_value():
            # "2 thousand 12", "3 mille 250": digits then the scale word then the units, one number
            value = value * scale + Decimal(units.group(1))
            scale, scale_end = Decimal(1), units.end()
            mantissa, group_scale = value, Decimal(1)
        found.append(
            Numeral(
                start=start,
                end=scale_end,
                value=value * scale,
                mantissa=mantissa,
                scale=group_scale,
                significant_digits=significant,
                kind="digits",
                grouped=grouped,
                currency_start=currency[0] if currency else None,
                currency_raw=currency[1] if currency else None,
                hyphen_before=bool(prev) and prev in HYPHENS and prev2.isdigit(),
                hyphen_after=bool(next_char) and next_char in HYPHENS and after[1:2].isdigit(),
            )
        )
    return found


# --- number words -----------------------------------------------------------------------------

# Number words that combine ("vingt-trois", "twenty-three"): ``lang/<lang>/number_words.txt``.
_SMALL: dict[str, dict[str, int]] = {lang: numbered(lang, "number_words") for lang in ("fr", "en")}
# "cent", "hundred" and the scale words of spelt-out numbers: ``hundred_words`` and ``scale_words``.
_HUNDRED: dict[str, frozenset[str]] = {lang: lexicon_words(lang, "hundred_words") for lang in ("fr", "en")}
_SCALES: dict[str, dict[str, Decimal]] = {
    lang: {word: Decimal(value) for word, value in numbered(lang, "scale_words").items()} for lang in ("fr", "en")
}
# Words that stand for a number alone; the other scale words need a multiplier ("deux millions").
_STANDALONE = {"fr": frozenset({"cent", "mille"}), "en": frozenset()}
_ARTICLES = frozenset({"un", "une", "one", "a", "an"})
_JOINERS = {"fr": "et", "en": "and"}


def _words_pattern(lang: str) -> re.Pattern[str]:
    vocabulary = sorted([*_SMALL[lang], *_HUNDRED[lang], *_SCALES[lang]], key=len, reverse=True)
    word = "(?:" + "|".join(vocabulary) + ")"
    if lang == "fr":
        join = rf"(?:[{_GROUP_SPACES}]+|[-‐‑]|[\s\-‐‑]+et[\s\-‐‑]+(?=(?:un|une|onze)\b))"
        prefix = ""
    else:
        join = rf"(?:[{_GROUP_SPACES}]+|[-‐‑]|\s+and\s+)"
        prefix = r"(?:an?\s+(?=(?:hundred|thousand|million|billion)\b))?"
    # "cent" after "pour"/"per" is the percent sign spelt out.
    return re.compile(
        rf"(?<![\w\-‐‑])(?<!pour )(?<!per ){prefix}{word}(?:{join}{word})*(?!\w)",
        re.IGNORECASE,
    )


_WORDS_RE = {lang: _words_pattern(lang) for lang in ("fr", "en")}
_TOKEN_RE = re.compile(r"[^\W\d_]+")


def _parse_word_run(tokens: list[str], lang: str) -> tuple[int, Decimal, Decimal, Decimal] | None:
    """Longest well-formed number at the head of ``tokens`` -> (tokens used, value, mantissa, scale)."""
    small, hundred, scales = _SMALL[lang], _HUNDRED[lang], _SCALES[lang]
    total, current = Decimal(0), Decimal(0)
    last: str | None = None
    last_scale: Decimal | None = None
    used = 0
    for position, word in enumerate(tokens):
        if word in ("a", "an"):
            if position != 0:
                break
            current, last, used = Decimal(1), "a", position + 1
            continue
        if word == _JOINERS[lang]:
            following = tokens[position + 1] if position + 1 < len(tokens) else ""
            if lang == "fr":
                ok = last in small and small[last] >= 20 and following in ("un", "une", "onze")
            else:
                ok = (last in hundred or last in scales) and following in small
            if not ok:
                break
            last = word
            continue
        if word in small:
            number = small[word]
            if lang == "fr" and word.startswith("vingt") and last == "quatre" and current % 100 == 4:
                current += 76  # quatre-vingt(s)
            elif (
                last is None
                or last in hundred
                or last in scales
                or last == _JOINERS[lang]
                or (last in small and small[last] >= 10 and current % 10 == 0 and number < 10)
                or (lang == "fr" and last in small and current % 100 in (60, 80) and 10 <= number < 20)
            ):
                current += number
            else:
                break
        elif word in hundred:
            if current >= 100:
                break
            current = (current or Decimal(1)) * 100
        elif word in scales:
            scale = scales[word]
            if last_scale is not None and scale >= last_scale:
                break
            if last is None and word not in _STANDALONE[lang]:
                break
            total += (current or Decimal(1)) * scale
            current, last_scale = Decimal(0), scale
        else:
            break
        last, used = word, position + 1
    if used == 0:
        return None
    if last in (_JOINERS[lang], "a"):
        return None
    if tokens[0] in hundred and lang == "en":
        return None  # "hundred" alone
    value = total + current
    if tokens[used - 1] in scales and current == 0:
        scale = scales[tokens[used - 1]]
        return used, value, value / scale, scale
    return used, value, value, Decimal(1)


def _significant_digits(value: Decimal) -> int:
    digits = format(value.normalize(), "f").replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(digits))


def _word_numerals(text: str, lang: str, taken: list[tuple[int, int]]) -> list[Numeral]:
    found: list[Numeral] = []
    for match in _WORDS_RE[lang].finditer(text):
        tokens = [
            (m.group().lower(), match.start() + m.start(), match.start() + m.end())
            for m in _TOKEN_RE.finditer(match.group())
        ]
        index = 0
        while index < len(tokens):
            parsed = _parse_word_run([t[0] for t in tokens[index:]], lang)
            if parsed is None:
                index += 1
                continue
            used, value, mantissa, scale = parsed
            run = tokens[index : index + used]
            index += used
            words = tuple(t[0] for t in run)
            if all(w in _ARTICLES for w in words):
                continue  # "un soldat", "une partie", "one of"
            start, end = run[0][1], run[-1][2]
            if any(lo < end and start < hi for lo, hi in taken):
                continue
            before, after = text[max(0, start - 2) : start], text[end : end + 2]
            if after[:1] and after[:1] in HYPHENS and after[1:2].isalpha():
                continue  # dix-huitième, two-thirds
            if before[-1:] and before[-1:] in HYPHENS and before[:1].isalpha():
                continue
            found.append(
                Numeral(
                    start=start,
                    end=end,
                    value=value,
                    mantissa=mantissa,
                    scale=scale,
                    significant_digits=_significant_digits(value),
                    kind="words",
                    words=words,
                )
            )
    return found


# --- approximate nouns ------------------------------------------------------------------------

# "une quarantaine", "a dozen": ``lang/<lang>/approx_nouns.txt``.
_APPROX_NOUNS: dict[str, dict[str, int]] = {lang: numbered(lang, "approx_nouns") for lang in ("fr", "en")}
_MULTIPLIERS: dict[str, dict[str, int]] = {
    # the words that multiply a scale: "trois cents", "dix mille", "a thousand", "ten million"
    "fr": {word: value for word, value in _SMALL["fr"].items() if value <= 10},
    "en": {"a": 1} | {word: value for word, value in _SMALL["en"].items() if value <= 10},
}
_APPROX_RE = {
    lang: re.compile(
        rf"(?<![\w\-])(?P<mult>{'|'.join(_MULTIPLIERS[lang])})\s+(?P<noun>{'|'.join(_APPROX_NOUNS[lang])})"
        r"(?P<plural>s)?(?!\w)"
        r"(?:\s+(?:de|d['’])\s*(?P<big>milliers|millions|milliards)(?!\w))?",
        re.IGNORECASE,
    )
    for lang in ("fr", "en")
}
_BIG = {"milliers": Decimal(1000), "millions": Decimal(10) ** 6, "milliards": Decimal(10) ** 9}


def _approx_numerals(text: str, lang: str) -> list[Numeral]:
    found: list[Numeral] = []
    for match in _APPROX_RE[lang].finditer(text):
        multiplier = _MULTIPLIERS[lang][match.group("mult").lower()]
        noun = match.group("noun").lower()
        plural = bool(match.group("plural"))
        if plural != (multiplier > 1) and not (noun == "dozen" and not plural):
            continue  # "des milliers" has no multiplier and is not matched; "un milliers" is a typo
        scale = _BIG[match.group("big").lower()] if match.group("big") else Decimal(1)
        mantissa = Decimal(multiplier * _APPROX_NOUNS[lang][noun])
        found.append(_scaled(match, mantissa, scale, "approx_noun", _significant_digits(mantissa)))
    return found


# --- halves of a scale ------------------------------------------------------------------------

_HYPHEN_CLASS = r"\-‐‑"
_HYPHENS_OR_BLANKS = rf"[\s{_HYPHEN_CLASS}]+"


def _half_before_re(lang: str) -> re.Pattern[str]:
    """ "un demi-million", "half a million", "a half-million", "one and a half million"."""
    half = phrase_pattern("halves", (lang,), "half_before")
    one_and_half = phrase_pattern("halves", (lang,), "one_and_a_half_before")
    one_and_half_group = f"|(?P<one_half>{one_and_half})" if one_and_half else ""
    scale = "|".join(sorted(_SCALES[lang], key=lambda w: (-len(w), w)))
    return re.compile(
        rf"(?<![\w{_HYPHEN_CLASS}])(?:(?P<half>{half}){one_and_half_group})"
        rf"{_HYPHENS_OR_BLANKS}(?P<scale>{scale})(?![\w{_HYPHEN_CLASS}])",
        re.IGNORECASE,
    )


_HALF_BEFORE_RE = {lang: _half_before_re(lang) for lang in ("fr", "en")}
# "un million et demi", "2 milliards et demie", "a million and a half": half the scale is added.
_HALF_AFTER_RE = {
    lang: re.compile(rf"[ \u00a0]+(?:{phrase_pattern('halves', (lang,), 'half_after')})(?!\w)", re.IGNORECASE)
    for lang in ("fr", "en")
}
_LAST_WORD_RE = re.compile(r"[^\W\d_]+$")


def _half_numerals(text: str, lang: str) -> list[Numeral]:
    found: list[Numeral] = []
    for match in _HALF_BEFORE_RE[lang].finditer(text):
        scale = _SCALES[lang][match.group("scale").lower()]
        mantissa = Decimal("1.5") if match.groupdict().get("one_half") else Decimal("0.5")
        found.append(_scaled(match, mantissa, scale, "words", _significant_digits(mantissa * scale)))
    return found


def _scaled(match: re.Match[str], mantissa: Decimal, scale: Decimal, kind: str, digits: int) -> Numeral:
    """The numeral a pattern match of a mantissa and a scale word reads ("une dizaine de milliers")."""
    return Numeral(
        start=match.start(),
        end=match.end(),
        value=mantissa * scale,
        mantissa=mantissa,
        scale=scale,
        significant_digits=digits,
        kind=kind,
        words=tuple(w.lower() for w in _TOKEN_RE.findall(match.group())),
    )


def _with_trailing_half(text: str, numeral: Numeral, lang: str) -> Numeral:
    """ "un million et demi", "2 milliards et demi": a number that ends on its scale word, plus half of it."""
    whole = numeral.mantissa == numeral.mantissa.to_integral_value()  # "1,5 million" is already a half
    if numeral.kind == "approx_noun" or numeral.scale < 1000 or not whole:
        return numeral
    last_word = _LAST_WORD_RE.search(text, numeral.start, numeral.end)
    if last_word is None or (
        last_word.group().lower() not in _SCALES[lang]
        and last_word.group().lower() not in _SCALE_VALUES[lang]
        and last_word.group().lower() not in _ABBREVIATED_SCALES
    ):
        return numeral
    half = _HALF_AFTER_RE[lang].match(text, numeral.end)
    if half is None:
        return numeral
    mantissa = numeral.mantissa + Decimal("0.5")
    value = mantissa * numeral.scale
    return replace(
        numeral,
        end=half.end(),
        value=value,
        mantissa=mantissa,
        significant_digits=_significant_digits(value),
        words=(*numeral.words, *(w.lower() for w in _TOKEN_RE.findall(half.group()))),
    )


# --- all together -----------------------------------------------------------------------------


def find_numerals(text: str, lang: str) -> list[Numeral]:
    """Every number written in ``text`` (``lang`` "fr" or "en"), in reading order, not overlapping."""
    masked = [m.span() for m in _PHONE_RE.finditer(text)]
    masked += [m.span(1) for m in _LIST_NUMBER_RE.finditer(text)]
    approx = _approx_numerals(text, lang) + _half_numerals(text, lang)
    digits = [n for n in _digit_numerals(text, lang, masked) if not any(a.start <= n.start < a.end for a in approx)]
    taken = [(n.span_start, n.end) for n in (*approx, *digits)]
    words = _word_numerals(text, lang, taken)
    numerals = [_with_trailing_half(text, n, lang) for n in (*approx, *digits, *words)]
    return sorted(numerals, key=lambda n: n.start)


def has_numeral_hint(text: str, lang: str) -> bool:
    """Cheap test: does ``text`` contain a digit or a number word at all?"""
    return any(ch.isdigit() for ch in text) or bool(_WORDS_RE[lang].search(text)) or bool(_APPROX_RE[lang].search(text))
