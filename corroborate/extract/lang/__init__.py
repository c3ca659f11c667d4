"""Per-language word lists, kept as plain text files a linguist can review without reading Python.

Layout: ``lang/<code>/<list>.txt``, one entry per line (an entry may hold spaces: ``faire état``);
``#`` starts a comment, blank lines are ignored. ``words("fr", "cue_verbs")`` returns the entries lower
cased as written (for comparing spaCy lemmas); ``folded("fr", "document_nouns")`` returns them folded with
``corroborate.text.fold`` (accents and case), for callers that compare folded words.
``README.md`` beside this module says what each list is for.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from corroborate.text import fold

LANGUAGES: tuple[str, ...] = ("fr", "en")


@cache
def raw_words(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``lang/<lang>/<name>.txt`` as written (comments and blanks dropped), in file order."""
    path = resources.files(__name__).joinpath(lang, f"{name}.txt")
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


@cache
def words(lang: str, name: str) -> frozenset[str]:
    """Entries of ``lang/<lang>/<name>.txt``, lower cased, accents kept (spaCy lemmas and ``lower_``)."""
    return frozenset(w.lower() for w in raw_words(lang, name))


@cache
def folded(lang: str, name: str) -> frozenset[str]:
    """Entries of ``lang/<lang>/<name>.txt``, folded (``fold``): the set callers test folded words against."""
    return frozenset(fold(w) for w in raw_words(lang, name))


def all_words(name: str) -> frozenset[str]:
    """One list lower cased (accents kept), over every language."""
    return frozenset().union(*(words(lang, name) for lang in LANGUAGES))


def all_folded(name: str) -> frozenset[str]:
    """One list folded, over every language (for rules that do not know the language)."""
    return frozenset().union(*(folded(lang, name) for lang in LANGUAGES))


def alternation(lang: str, name: str) -> str:
    """A regex alternation of the list's entries as written, longest first (spaces match any blank)."""
    import re

    entries = sorted(raw_words(lang, name), key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in entries)


@cache
def months(lang: str) -> tuple[tuple[str, int, bool], ...]:
    """The month table of ``lang/<lang>/months.txt``: ``(word as written, month number, abbreviation)``.
    Full names come first in the file; the entries after the first twelve are abbreviations."""
    out: list[tuple[str, int, bool]] = []
    for k, entry in enumerate(raw_words(lang, "months")):
        word, number = entry.rsplit(" ", 1)
        out.append((word, int(number), k >= 12))
    return tuple(out)


def month_numbers() -> dict[str, int]:
    """Every month word of every language, lower cased and folded (``fevrier``, ``aout``) -> its number."""
    table: dict[str, int] = {}
    for lang in LANGUAGES:
        for word, number, _abbr in months(lang):
            table[word.lower()] = number
            table[fold(word)] = number
    return table


def month_pattern(lang: str) -> str:
    """A regex alternation of the month words of ``lang``: full names (and their accent-free spellings),
    then abbreviations with the full stop French requires and English allows."""
    import re

    names: list[str] = []
    for word, _n, abbr in months(lang):
        if abbr:
            names.append(re.escape(word) + (r"\." if lang == "fr" else r"\.?"))
        else:
            names.append(re.escape(word))
            if fold(word) != word.lower():
                names.append(re.escape(fold(word)))
    return "|".join(names)
