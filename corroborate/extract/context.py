"""What a figure counts and where/when it holds: ``subject``, ``scope``, ``period_start/period_end``.

Linking claims into quantities keys on subject, unit family and period, so the rules here are the same
in both languages: the subject is the counted noun with its adjectives (``soldats nord-coréens``,
``North Korean troops``; for measures, what is measured: ``territoire ukrainien``) plus the place the
clause puts it in (``en Russie``); the period is only set when the text names one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from corroborate.extract import lexicon
from corroborate.extract.lang import all_words, month_numbers, numbered

MEASURE_UNITS = frozenset({"km2", "km", "percent", "usd", "eur", "gbp", "rub", "uah", "tonnes"})

# The one month table (``lang/<lang>/months.txt``): month word, lower cased or folded -> number.
MONTHS: dict[str, int] = month_numbers()
_M = r"(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![^\W\d_])"
_Y = r"(?:\s+(?P<y>(?:19|20)\d\d))?"
_D = r"(?P<d>\d{1,2})(?:er|st|nd|rd|th)?"

# (regex, kind): kind decides how the matched month/day/year become a window.
_D2 = r"(?P<d2>\d{1,2})(?:er|st|nd|rd|th)?"
_PERIOD_RX: list[tuple[re.Pattern[str], str]] = [
    # part of a month: "du 1er au 27 octobre", "entre le 1er et le 15 juillet", "from 1 to 27 October",
    # "between July 1 and 15", "1-27 October"
    (re.compile(rf"\b(?:du|entre\s+le)\s+{_D}\s+(?:au|et\s+le)\s+{_D2}\s+{_M}{_Y}", re.I), "days"),
    (
        re.compile(
            rf"\b(?:from|between)\s+(?:the\s+)?{_D}\s+(?:to|and|until)\s+(?:the\s+)?{_D2}\s+(?:of\s+)?{_M}{_Y}", re.I
        ),
        "days",
    ),
    (
        re.compile(
            rf"\b(?:from|between)\s+{_M}\.?\s+{_D}\s+(?:to|and|until|-|–)\s+{_D2}\b(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.I
        ),
        "days",
    ),
    (re.compile(rf"\b(?P<d>\d{{1,2}})\s*[-–]\s*{_D2}\s+{_M}{_Y}", re.I), "days"),
    (re.compile(rf"\bdepuis\s+(?:le\s+)?d[ée]but\s+(?:du\s+mois\s+)?(?:d['’]\s*|de\s+)?{_M}{_Y}", re.I), "month"),
    (re.compile(rf"\bsince\s+the\s+(?:start|beginning)\s+of\s+{_M}{_Y}", re.I), "month"),
    (
        re.compile(rf"\b(?:mois\s+d['’]\s*|mois\s+de\s+){_M}\s+et\s+(?:de\s+|d['’]\s*)?(?P<m2>[a-zéû]+){_Y}", re.I),
        "months",
    ),
    (re.compile(rf"\b(?:au|à\s+la\s+date\s+du|en\s+date\s+du|jusqu['’]au)\s+{_D}\s+{_M}{_Y}", re.I), "asof"),
    (
        re.compile(
            rf"\b(?:as\s+of|as\s+at|up\s+to)\s+(?:{_M}\s+{_D}|{_D.replace('<d>', '<d2>')}\s+(?P<m2>[a-z]+)){_Y}", re.I
        ),
        "asof_en",
    ),
    (
        re.compile(
            rf"\b(?:d['’]ici|by)\s+(?:(?:à\s+)?la\s+fin\s+(?:de\s+|d['’]\s*)?|the\s+end\s+of\s+)?{_M}{_Y}", re.I
        ),
        "by",
    ),
    (
        re.compile(
            rf"\b(?:en|au\s+mois\s+d['’]\s*|au\s+mois\s+de\s+|pour\s+le\s+mois\s+d['’]\s*|pour\s+le\s+mois\s+de\s+|"
            rf"durant\s+le\s+mois\s+de\s+|in|during|for)\s+{_M}{_Y}\b",
            re.I,
        ),
        "month",
    ),
    (re.compile(rf"\b(?:depuis\s+le|since)\s+{_D}\s+{_M}{_Y}", re.I), "since_day"),
    (re.compile(r"\b(?:en|in|during|pour|for)\s+(?P<y>(?:19|20)\d\d)\b", re.I), "year"),
    # a year that qualifies a noun: "the 2024 public accounts", "the original 2024 budget bill", "France's
    # 2024 deficit", "l'année 2024" (a figure that looks like a year, "the 2000 troops", is dropped later)
    (re.compile(r"\b(?:the|its|their|\w+['’]s)(?:\s+[a-z]+)?\s+(?P<y>(?:19|20)\d\d)\s+(?=[a-z])", re.I), "year"),
    (re.compile(r"\b(?:l['’]\s*ann[ée]e|the\s+year)\s+(?P<y>(?:19|20)\d\d)\b", re.I), "year"),
    (re.compile(rf"\b(?:{lexicon.THIS_YEAR})\b", re.I), "this_year"),
    (re.compile(rf"\b(?:{lexicon.LAST_YEAR})\b", re.I), "last_year"),
    (re.compile(rf"\b(?:{lexicon.NEXT_YEAR})\b", re.I), "next_year"),
]
# Years named relative to the publication date: (first day offset in years, ends on the publication date).
_RELATIVE_YEARS = {"this_year": (0, True), "last_year": (-1, False), "next_year": (1, False)}


@dataclass(frozen=True, slots=True)
class Period:
    """A time window named in the text, as written and as dates."""

    text: str
    start: dt.date | None
    end: dt.date | None
    char_start: int


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_for(month: int, explicit: str | None, published: dt.date | None, future: bool) -> int | None:
    if explicit:
        return int(explicit)
    if published is None:
        return None
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def find_periods(text: str, published: dt.date | None) -> list[Period]:
    """Every time window that ``text`` names, resolved against the publication date when needed."""
    out: list[Period] = []
    taken: list[tuple[int, int]] = []
    for rx, kind in _PERIOD_RX:
        for m in rx.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            gd = m.groupdict()
            month = MONTHS.get((gd.get("m") or "").lower())
            start = end = None
            if kind in ("month", "by", "months"):
                if month is None:
                    continue
                y = _year_for(month, gd.get("y"), published, future=(kind == "by"))
                if y is None:
                    continue
                if kind == "month":
                    start, end = dt.date(y, month, 1), _month_end(y, month)
                elif kind == "by":
                    end = _month_end(y, month)
                else:
                    m2 = MONTHS.get((gd.get("m2") or "").lower())
                    start = dt.date(y, month, 1)
                    end = _month_end(y, m2) if m2 and m2 >= month else _month_end(y, month)
            elif kind == "days":
                if month is None:
                    continue
                y = _year_for(month, gd.get("y"), published, future=False)
                if y is None:
                    continue
                try:
                    start, end = dt.date(y, month, int(gd["d"])), dt.date(y, month, int(gd["d2"]))
                except ValueError:
                    continue
                if end < start:
                    continue
            elif kind in ("asof", "asof_en", "since_day"):
                month = month or MONTHS.get((gd.get("m2") or "").lower())
                day = gd.get("d") or gd.get("d2")
                if month is None or day is None:
                    continue
                y = _year_for(month, gd.get("y"), published, future=False)
                if y is None:
                    continue
                try:
                    d = dt.date(y, month, int(day))
                except ValueError:
                    continue
                if kind == "since_day":
                    start, end = d, published
                else:
                    end = d
            elif kind == "year":
                y = int(gd["y"])
                start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
            elif kind in _RELATIVE_YEARS and published is not None:
                # undated, a relative year falls through with no dates: still the figure's own time, so
                # the figure takes no other year of its sentence ("after 6 % in 2024, 5.9 % next year")
                offset, to_date = _RELATIVE_YEARS[kind]
                y = published.year + offset
                start, end = dt.date(y, 1, 1), (published if to_date else dt.date(y, 12, 31))
            taken.append(m.span())
            out.append(Period(m.group(0).strip(), start, end, m.start()))
    return sorted(out, key=lambda p: p.char_start)


def nearest_period(periods: list[Period], pos: int, others: list[int] | None = None) -> Period | None:
    """The period of the figure at ``pos``: the nearest one in its sentence (``periods``), leaving out a
    period nearer to one of the sentence's ``others`` figures, which is theirs ("a shortfall of 5.8% in
    the 2024 accounts, up from 5.4% in 2023": 2023 is the 5.4%'s). A figure with no period of its own
    shares the period of the sentence's first figure, its main statement ("In 2024, the deficit was 5.8%
    and the debt 113%"; "… 5.8%, up from 5.4% in 2023, below the last estimate of 6.0%": 2024 for the
    6.0%); else it has none ("6,0 % du PIB, après 5,5 % en 2023": the 2023 is the comparison's)."""
    figures = sorted({pos, *(others or [])})

    def own(at: int) -> Period | None:
        mine = [p for p in periods if all(abs(p.char_start - at) <= abs(p.char_start - o) for o in figures)]
        return min(mine, key=lambda p: abs(p.char_start - at)) if mine else None

    return own(pos) or (own(figures[0]) if figures[0] != pos else None)


def outside_figures(periods: list[Period], spans: list[tuple[int, int]]) -> list[Period]:
    """``periods`` without those that overlap a figure's span: "the 2000 troops" counts, it is no year."""
    return [
        p for p in periods if not any(p.char_start < end and start < p.char_start + len(p.text) for start, end in spans)
    ]


# --- subject and place ------------------------------------------------------------------------------

_LOC_CASES = all_words("place_prepositions")
# a scale word and its plural ("millions"), spelt out or after digits ("bn")
_SCALE_WORDS = {
    *(w for lang in ("fr", "en") for w in numbered(lang, "scale_words")),
    *numbered("xx", "digit_scales"),
}
_SCALES = frozenset(_SCALE_WORDS | {w + "s" for w in _SCALE_WORDS})
_COUNT_NOUNS = all_words("tally_nouns")


def _token_at(doc: Doc | Span, char: int) -> Token | None:
    for t in doc:
        if t.idx <= char < t.idx + max(1, len(t.text)):
            return t
    return None


def _np(noun: Token, lang: str) -> str:
    """The noun with its adjectival modifiers, in text order (``soldats nord-coréens``)."""
    keep = [noun]
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "flat", "fixed") or (lang == "en" and c.dep_ in ("nmod",) and c.i < noun.i):
            if lang == "fr" and c.i < noun.i and c.dep_ == "amod" and c.lower_ in ("premier", "premiers"):
                continue
            keep.extend(
                x for x in c.subtree if x.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and x.text not in (",", "(", ")")
            )
    keep = sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)
    # keep a contiguous run around the noun
    run = [noun]
    ids = {t.i for t in keep}
    i = noun.i - 1
    while i in ids:
        run.insert(0, noun.doc[i])
        i -= 1
    i = noun.i + 1
    while i in ids:
        run.append(noun.doc[i])
        i += 1
    d = noun.doc
    return d.text[run[0].idx : run[-1].idx + len(run[-1].text)]


def _complement(noun: Token, lang: str) -> Token | None:
    """The ``de/of X`` complement of a measure (``478 km² de territoire ukrainien``)."""
    for c in noun.children:
        if c.dep_ in ("nmod", "prep") and c.i > noun.i:
            target = c if c.pos_ in ("NOUN", "PROPN") else next((g for g in c.children if g.dep_ == "pobj"), None)
            case = [g.lower_ for g in c.children if g.dep_ == "case"] if c.pos_ in ("NOUN", "PROPN") else [c.lower_]
            if target is not None and any(x in ("de", "d'", "d’", "of", "du", "des", "en", "in") for x in case):
                return target
    return None


def _location(tokens: list[Token]) -> str | None:
    """A place phrase attached to one of ``tokens`` (``en Russie``, ``in eastern Russia``)."""
    for head in tokens:
        for c in head.children:
            if c.i <= head.i and head.pos_ != "VERB":
                continue
            noun: Token | None = c
            case_tok = None
            if c.dep_ == "prep" and c.lower_ in _LOC_CASES:
                noun = next((g for g in c.children if g.dep_ == "pobj"), None)
                case_tok = c
                if noun is None:
                    continue
            elif c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod"):
                cases = [g for g in c.children if g.dep_ == "case" and g.lower_ in _LOC_CASES]
                if not cases:
                    continue
                case_tok = cases[0]
            else:
                continue
            if noun is None or any(t.i == tokens[0].i for t in noun.subtree):
                continue
            if noun.ent_type_ in ("LOC", "GPE") or any(t.ent_type_ in ("LOC", "GPE") for t in noun.subtree):
                span = sorted([case_tok, *noun.subtree], key=lambda t: t.i)
                span = [t for t in span if not t.is_punct]
                # stop at a relative clause or a comma
                out = []
                for t in span:
                    if t.pos_ in ("VERB", "SCONJ", "PRON"):
                        break
                    out.append(t)
                if len(out) >= 2 and len(out) <= 8:
                    d = noun.doc
                    return d.text[out[0].idx : out[-1].idx + len(out[-1].text)]
    return None


def subject_and_place(
    doc: Doc | Span, offset: int, number_start: int, char_end: int, unit: str, lang: str
) -> tuple[str | None, str | None]:
    """``(subject, place)`` for the figure whose number starts at article offset ``number_start``."""
    num = _token_at(doc, number_start - offset)
    if num is None:
        return None, None
    last = _token_at(doc, char_end - 1 - offset)
    unit_noun: Token | None = None
    if last is not None and last.pos_ in ("NOUN", "PROPN") and last.i >= num.i:
        unit_noun = last
    elif num.head.pos_ in ("NOUN", "PROPN") and num.head.i > num.i and num.head.i - num.i <= 4:
        unit_noun = num.head
    subject: str | None = None
    anchor = unit_noun or num
    if unit_noun is not None and unit in MEASURE_UNITS:
        comp = _complement(unit_noun, lang)
        if comp is None:
            # "a progressé de 478 km2 en territoire ukrainien": a sibling complement of the verb
            verb = unit_noun.head
            for c in verb.children:
                if (
                    c.i > unit_noun.i
                    and c.pos_ in ("NOUN",)
                    and c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "pobj")
                ):
                    comp = c
                    break
                if c.i > unit_noun.i and c.dep_ == "prep" and c.lower_ in ("of", "in"):
                    comp = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
                    if comp is not None:
                        break
        if comp is None:
            # "un prêt de 20 milliards de dollars": the noun the amount qualifies
            h = unit_noun
            while h.head.i != h.i and h.head.i < h.i and (h.head.lower_ in _SCALES or h.head.like_num):
                h = h.head
            if h.head.pos_ == "NOUN" and h.head.i < h.i:
                comp = h.head
        if comp is not None:
            subject = _np(comp, lang)
    elif unit_noun is not None:
        subject = _np(unit_noun, lang)
        if unit_noun.lower_ in _COUNT_NOUNS:
            comp = _complement(unit_noun, lang)
            if comp is not None:
                subject = _np(comp, lang)
    else:
        verb = num.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
        if subj is not None and subj.lower_ in _COUNT_NOUNS:
            comp = _complement(subj, lang)
            subject = _np(comp, lang) if comp is not None else None
    chain = [anchor]
    t = anchor
    for _ in range(3):
        if t.head.i == t.i:
            break
        t = t.head
        chain.append(t)
        if t.pos_ == "VERB":
            break
    place = _location(chain)
    if subject and place and place.lower() not in subject.lower():
        subject = f"{subject} {place}"
    return subject, place
