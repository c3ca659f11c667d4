"""Per-language word lists, kept as plain text files a linguist can review without reading Python.

Layout: ``lang/<code>/<list>.txt``, one entry per line (an entry may hold spaces: ``faire état``);
``#`` starts a comment, blank lines are ignored. A line ``[key]`` opens a group: the entries under it map to
``key`` (``sections``, ``table``: role nouns to a role shared by every language, units, demonyms).
``lang/xx/`` holds the lists that belong to no language (brand and model names, currency codes), as
spaCy's multi-language ``xx``. ``words("fr", "cue_verbs")`` returns the entries lower
cased as written (for comparing spaCy lemmas); ``folded("fr", "document_nouns")`` returns them folded with
``corroborate.text.fold`` (accents and case), for callers that compare folded words.
``README.md`` beside this module says what each list is for.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from corroborate.text import fold

LANGUAGES: tuple[str, ...] = ("fr", "en")
MULTILINGUAL = "xx"

# Every (language, list) read so far: the test that each file is used reads it.
LOADED: set[tuple[str, str]] = set()


@cache
def sections(lang: str, name: str) -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    """The groups of ``lang/<lang>/<name>.txt`` in file order: ``(key, entries)``; entries before the
    first ``[key]`` line come under ``None``. Comments and blanks dropped, entries as written."""
    path = resources.files(__name__).joinpath(lang, f"{name}.txt")
    LOADED.add((lang, name))
    groups: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry.startswith("[") and entry.endswith("]"):
            groups.append((entry[1:-1].strip(), []))
        elif entry:
            groups[-1][1].append(entry)
    return tuple((key, tuple(entries)) for key, entries in groups if key is not None or entries)


@cache
def raw_words(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``lang/<lang>/<name>.txt`` as written (comments, blanks and ``[key]`` lines dropped), in
    file order."""
    return tuple(entry for _key, entries in sections(lang, name) for entry in entries)


def table(lang: str, name: str) -> dict[str, str]:
    """Entry (lower cased) -> the ``[key]`` it is listed under, in file order. An entry under two keys
    is an error."""
    out: dict[str, str] = {}
    for key, entries in sections(lang, name):
        if key is None:
            raise ValueError(f"lang/{lang}/{name}.txt: entries before the first [key] line")
        for entry in entries:
            if out.setdefault(entry.lower(), key) != key:
                raise ValueError(f"lang/{lang}/{name}.txt: {entry!r} is under [{out[entry.lower()]}] and [{key}]")
    return out


def all_tables(name: str) -> dict[str, str]:
    """``table`` merged over every language (French first); an entry two languages map differently is
    an error."""
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        for entry, key in table(lang, name).items():
            if out.setdefault(entry, key) != key:
                raise ValueError(f"{name}: {entry!r} is [{out[entry]}] in one language and [{key}] in {lang}")
    return out


def group(lang: str, name: str, key: str) -> tuple[str, ...]:
    """The entries of one ``[key]`` group, as written."""
    return tuple(e for k, entries in sections(lang, name) if k == key for e in entries)


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


_REGEX_SPECIALS = frozenset(".^$*+?{}[]\\|()")


def phrase_pattern(name: str, langs: tuple[str, ...] = LANGUAGES, key: str | None = None) -> str:
    """A regex alternation of the entries of ``name`` in ``langs`` (of the ``[key]`` group only, if
    given), longest first: each entry literally, except that an apostrophe matches ``'`` and ``’`` and a
    final ``*`` stands for any ending (``gagn*``: gagne, gagné, gagnant)."""
    entries: set[str] = set()
    for lang in langs:
        entries.update(group(lang, name, key) if key is not None else raw_words(lang, name))
    out = []
    for entry in sorted(entries, key=lambda e: (-len(e), e)):
        stem = entry[:-1] if entry.endswith("*") and len(entry) > 1 else entry
        escaped = "".join("\\" + ch if ch in _REGEX_SPECIALS else ch for ch in stem)
        escaped = escaped.replace("’", "'").replace("'", "['’]")
        out.append(escaped + "\\w*" if stem != entry else escaped)
    return "|".join(out)


def numbered(lang: str, name: str) -> dict[str, int]:
    """The ``<word> <number>`` lines of a list (number words, approximate nouns), in file order."""
    out: dict[str, int] = {}
    for entry in raw_words(lang, name):
        word, number = entry.rsplit(" ", 1)
        out[word] = int(number)
    return out


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
