"""One identity per institution under all its names, within the country an article is placed in.

The alias file knows the sources a desk has listed; real articles name everybody else in many ways:
"Morocco's Ministry of Interior", "le ministère marocain de l'Intérieur", "the ministry", "les autorités".
Two claims are not independent when their identities are equal (``sql/models/claim_evidence.sql``), on
top of sharing an organisation root.

A name's *key* is its content words, French words translated to English
(``corroborate/lexicons/institution_words.csv``), without place names (``places.csv``), titles or
function words, in sorted order: "ministère de l'Intérieur" and "Interior Ministry" are both
``interior ministry``. A claim's identity is the country of its article and the key of its organisation
(or, without one, of its speaker), with two rules:

- a government speaks with one voice: any key with ``ministry``, ``minister`` or ``government``, or made
  only of portfolio words ("Interior", "l'Intérieur"), is the country's ``government`` (two ministries of
  one government are one root);
- a body whose country is not read (``?:government``) may be the placed one of the same key: the two are
  not shown independent (``sql/models/claim_evidence.sql``);
- a generic key alone ("the ministry", "authorities", "police") stands for the one specific name of the
  same article that contains it, when there is exactly one; otherwise it stays as it is, one identity per
  country ("les autorités" of two reports on one event are taken to be the same authorities).

Input and output are polars frames; names are resolved once per distinct string.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import polars as pl

from corroborate.link.concepts import LEXICON_DIR
from corroborate.link.sources import _ROLE_WORDS, PORTFOLIO_KEYS
from corroborate.link.stories import read_places
from corroborate.text import fold, fold_expr

INSTITUTION_FILE = LEXICON_DIR / "institution_words.csv"
GOVERNMENT_WORDS = frozenset({"ministry", "minister", "government"})
# The words of a government descriptor: its portfolio, the kind of body, function words ("the Finance
# Ministry", "ministère de l'Économie", "le gouvernement"); a person's or a country's name is none of these.
_DESCRIPTOR_WORDS = PORTFOLIO_KEYS | frozenset(
    """
    ministry ministere ministre minister government gouvernement the les des of and prime premier
    state etat department departement office cabinet
    """.split()  # noqa: SIM905
)
GENERIC_WORDS = frozenset(
    {"authorities", "officials", "police", "agency", "office", "county", "state", "city", "council", "court"}
    | {"unions", "union", "department", "ministry", "government", "report", "statement"}
)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_FUNCTION_WORDS = frozenset(["les", "des", "the", "and", "for", "with", "from", "par", "pour", "sur", "aux"])
_NATIONAL_WORDS = frozenset(["national", "nationale", "nationaux", "nationales"])
# Determiners that may open a descriptor with a capital at a sentence's start ("Les analystes de Factset").
_OPENING_WORDS = frozenset(["les", "le", "la", "l", "the", "des", "un", "une", "a", "an"])


def read_translations(path: Path = INSTITUTION_FILE) -> dict[str, str]:
    """French word (folded) -> English word(s), from the institution lexicon."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return {fold(r["word"]): r["english"].strip().lower() for r in csv.DictReader(lines)}


class NameKeys:
    """Keys of institution names (see the module docstring)."""

    def __init__(self, translations: dict[str, str] | None = None, places: pl.DataFrame | None = None) -> None:
        self.translations = read_translations() if translations is None else translations
        place_names = (read_places() if places is None else places)["name"].to_list()
        # "national" says which country a body belongs to, as a demonym does ("Centre marocain pour la
        # recherche" = "National Center for Research"): the country is the identity's, not the key's
        self.place_words = frozenset(w for name in place_names for w in _WORD.findall(name)) | _NATIONAL_WORDS
        self.drop = frozenset(_ROLE_WORDS) - GOVERNMENT_WORDS - {"ministre", "gouvernement"}

    def key(self, name: str | None, acronyms: frozenset[str] = frozenset()) -> str:
        """The sorted content words of ``name`` in English, without places and titles ('' for none).

        A name that carries an acronym ("statistics agency INSEE") is the acronym; a name whose initials
        are an acronym seen among ``acronyms`` (the acronyms of all names at hand: "International Monetary
        Fund" and IMF, "Haut Conseil des finances publiques" and HCFP) is that acronym.
        """
        if not name:
            return ""
        own = [fold(a) for a in _ACRONYM.findall(name) if fold(a) not in self.place_words]
        content = [
            w
            for w in _WORD.findall(fold(name).replace("'", " "))
            if len(w) >= 3 and w not in _FUNCTION_WORDS and w not in self.place_words
        ]
        initials = "".join(w[0] for w in content)
        if own:
            found = own[0]
        elif len(content) >= 3 and (initials in acronyms or self.translations.get(initials) in acronyms):
            found = initials
        else:
            found = ""
        if found:
            english = self.translations.get(found, found)
            return "government" if english in GOVERNMENT_WORDS else english
        words: set[str] = set()
        for word in _WORD.findall(fold(name).replace("'", " ")):
            if word in self.place_words or len(word) < 3 or word in _FUNCTION_WORDS:
                continue
            english = self.translations.get(word, word)
            for part in english.split():
                if part not in self.drop and part not in self.place_words:
                    words.add(part)
        if words & GOVERNMENT_WORDS or (words and words <= PORTFOLIO_KEYS):
            return "government"
        owner = self.owner(name)
        return owner or " ".join(sorted(words))

    def owner(self, name: str) -> str | None:
        """The one proper name that a descriptor phrase ends on, folded: "analysts for financial data firm
        FactSet" and "les analystes de Factset" are FactSet's, "statistics agency Destatis" is Destatis'.
        Only for a phrase that opens with a common word; a place, a word of the institution lexicon or a
        person's full name ("John Pelletier", two proper words) is no owner."""
        tokens = re.findall(r"[^\W\d_][\w-]*", name)
        opening = [t for t in tokens if fold(t) not in _OPENING_WORDS]
        if len(opening) < 2 or not opening[0][0].islower():
            return None
        proper = [
            fold(t)
            for t in opening[1:]
            if t[0].isupper() and fold(t) not in self.place_words and fold(t) not in self.translations
        ]
        return proper[0] if len(proper) == 1 and len(proper[0]) >= 4 else None


def claim_identities(
    claims: pl.DataFrame,
    places: pl.DataFrame,
    keys: NameKeys | None = None,
    sentences: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``claim_id, identity, names`` for the attributed claims (``claim_id, article_id, source, source_org``).

    ``places`` has ``article_id, country`` (``corroborate.link.stories.article_places``). A claim whose
    names leave no key gets no row. ``names`` lists the keys of the other bodies that the claim's sentence
    names (:func:`named_in_sentences`, from ``sentences``: ``claim_id, sentence``); empty without sentences.
    """
    keys = NameKeys() if keys is None else keys
    claims = claims.cast({"source": pl.String, "source_org": pl.String})
    names = pl.concat(
        [claims.select(pl.col("source").alias("name")), claims.select(pl.col("source_org").alias("name"))]
    )
    distinct = names.drop_nulls().unique()["name"].to_list()
    seen = {fold(a) for n in distinct for a in _ACRONYM.findall(n)}
    acronyms = frozenset(seen | {keys.translations.get(a, a) for a in seen})
    key_of = pl.DataFrame(
        {"name": distinct, "key": [keys.key(n, acronyms) for n in distinct]},
        schema={"name": pl.String, "key": pl.String},
    )
    keyed = (
        claims.select("claim_id", "article_id", "source", "source_org")
        .join(key_of.rename({"name": "source_org", "key": "org_key"}), on="source_org", how="left")
        .join(key_of.rename({"name": "source", "key": "source_key"}), on="source", how="left")
        .with_columns(
            # a government speaks with one voice: a ministry's name or its fragment ("interior Ministry" with
            # the organisation "Interior") is the government's, whichever of the two names says so
            pl.when((pl.col("org_key") == "government") | (pl.col("source_key") == "government"))
            .then(pl.lit("government"))
            .when(pl.col("org_key").fill_null("") != "")
            .then("org_key")
            .otherwise("source_key")
            .alias("key")
        )
        .filter(pl.col("key").fill_null("") != "")
        .with_columns(
            pl.col("key").str.split(" ").list.eval(pl.element().is_in(list(GENERIC_WORDS))).list.all().alias("generic")
        )
    )
    # a generic key stands for the one specific key of its article that contains its words
    specific = keyed.filter(~pl.col("generic")).select("article_id", pl.col("key").alias("specific")).unique()
    resolved = (
        keyed.filter(pl.col("generic"))
        .select("claim_id", "article_id", "key")
        .join(specific, on="article_id")
        .filter(pl.col("key").str.split(" ").list.set_difference(pl.col("specific").str.split(" ")).list.len() == 0)
        .group_by("claim_id")
        .agg(pl.col("specific").unique())
        .filter(pl.col("specific").list.len() == 1)
        .select("claim_id", pl.col("specific").list.first().alias("specific"))
    )
    identities = keyed.join(resolved, on="claim_id", how="left").with_columns(
        pl.coalesce("specific", "key").alias("own_key")
    )
    bodies = identities.filter(~pl.col("generic") & (pl.col("own_key") != "government"))["own_key"].unique()
    named = named_in_sentences(
        sentences if sentences is not None else pl.DataFrame(schema={"claim_id": pl.String, "sentence": pl.String}),
        bodies,
        keys,
    )
    return (
        identities.join(places, on="article_id", how="left")
        .join(named, on="claim_id", how="left")
        .select(
            "claim_id",
            pl.concat_str([pl.col("country").fill_null("?"), "own_key"], separator=":").alias("identity"),
            # a claim's own name is no relay: only the other bodies its sentence names
            pl.col("names")
            .list.set_difference(pl.concat_list("own_key"))
            .fill_null(pl.lit([], dtype=pl.List(pl.String)))
            .alias("names"),
        )
    )


def named_in_sentences(sentences: pl.DataFrame, bodies: pl.Series, keys: NameKeys) -> pl.DataFrame:
    """``claim_id, names``: the keys among ``bodies`` that each claim's sentence names.

    A sentence names a body when every word of the body's key is among its words, French words read in
    English as keys are ("selon le Croissant-Rouge" names ``crescent red``); a key of one word (an acronym,
    a proper name: ``who``, ``factset``) counts only as a capitalised word of the sentence, so that the
    pronoun "who" names no WHO. ``sentences`` has ``claim_id, sentence``; claims that name no body get no row.
    """
    key_words = (
        pl.DataFrame({"key": bodies.cast(pl.String)})
        .with_columns(pl.col("key").str.split(" ").alias("word"))
        .with_columns(pl.col("word").list.len().alias("size"))
        .explode("word")
    )
    translations = keys.translations
    tokens = (
        sentences.lazy()
        .select("claim_id", pl.col("sentence").str.extract_all(r"[^\W\d_][\w'-]*").alias("token"))
        .explode("token")
        .drop_nulls("token")
        .with_columns(
            pl.col("token").str.slice(0, 1).str.contains(r"\p{Lu}").alias("capital"),
            fold_expr(pl.col("token")).str.split("'").list.last().alias("word"),
        )
        .with_columns(
            pl.col("word").replace(translations).str.split(" ").alias("word"),
        )
        .explode("word")
        .join(key_words.lazy().select(pl.col("word").unique()), on="word", how="semi")
        .group_by("claim_id", "word")
        .agg(pl.col("capital").any())
    )
    return (
        tokens.join(key_words.lazy(), on="word")
        .filter(pl.col("capital") | (pl.col("size") > 1))
        .group_by("claim_id", "key", "size")
        .agg(pl.len().alias("found"))
        .filter(pl.col("found") == pl.col("size"))
        .group_by("claim_id")
        .agg(pl.col("key").sort().alias("names"))
        .collect()
    )


def one_body_per_key(names: pl.DataFrame, keys: NameKeys | None = None) -> dict[str, str]:
    """``source_id -> source_id`` of the entry that stands for it, for the bodies met under several names.

    ``names`` has ``source_id, name, claims, countries`` (the countries of the articles its claims come
    from). Two named entries are one body when their keys agree (the same content words in English, or the
    same acronym: IMF = International Monetary Fund; OMS = WHO = World Health Organization) and their
    countries meet (or one has none): the interior ministries of two countries, the police of two towns,
    never merge. Keys that name no one body are left alone: a government's (every ministry of every
    country), a generic key ("authorities"), an empty one. The entry with the most claims (then the longest
    name) stands for the others. Entries absent from the result stand for themselves.
    """
    from corroborate.link.naming import is_named

    keys = NameKeys() if keys is None else keys
    rows = list(names.select("source_id", "name", "claims", "countries").iter_rows())
    seen = {fold(a) for _, name, _, _ in rows for a in _ACRONYM.findall(name)}
    acronyms = frozenset(seen | {keys.translations.get(a, a) for a in seen})
    groups: dict[str, list[tuple[str, str, int, set[str]]]] = {}
    for sid, name, claims, countries in rows:
        key = keys.key(name, acronyms)
        if not key or key == "government" or set(key.split()) <= GENERIC_WORDS or not is_named(name):
            continue
        groups.setdefault(key, []).append((sid, name, int(claims or 0), set(countries or [])))
    mapping: dict[str, str] = {}
    for key, members in groups.items():
        members.sort(key=lambda m: (-m[2], -len(m[1]), m[0]))
        # an acronym that one of the names writes out (ECB, BCE = ECB) is an institution's own, reported from
        # any country; a key of common words ("national statistics institute") is checked against countries
        written = key in acronyms and any(key in {fold(a) for a in _ACRONYM.findall(m[1])} for m in members)
        # so is a company or agency that a descriptor names as its owner ("les analystes de Factset",
        # "analysts for financial data firm FactSet"): one proper name, whatever the country of the story
        written = written or any(keys.owner(m[1]) == key for m in members)
        clusters: list[list[tuple[str, str, int, set[str]]]] = []
        for member in members:  # a handful of names per key: a nested loop reads best
            home = next(
                (c for c in clusters if written or all(not m[3] or not member[3] or m[3] & member[3] for m in c)),
                None,
            )
            if home is None:
                clusters.append([member])
            else:
                home.append(member)
        for cluster in clusters:
            for sid, *_ in cluster[1:]:
                mapping[sid] = cluster[0][0]
    return mapping


def government_countries(names: pl.DataFrame, keys: NameKeys | None = None) -> tuple[dict[str, str], set[str]]:
    """``source_id -> country`` for the entries that are a part of one country's government, and the
    entries that describe a part of some government without naming its country (descriptors).

    ``names`` has ``source_id, name, countries`` as for :func:`one_body_per_key`. An entry is a part of a
    government when its key is ``government`` (a ministry, a minister, "the government"); its country is
    the one its name gives ("ministère français du Budget", "Morocco's Ministry of Interior"), else the one
    country of every article its claims come from. A ministry named with no country in stories of two
    countries gets none: it answers for no government rather than for the wrong one. An entry whose name
    gives no country ("the Finance Ministry", "de l'Intérieur", "le gouvernement") and no capitalised name
    beyond its portfolio is a descriptor: it names no body by itself.
    """
    keys = NameKeys() if keys is None else keys
    places = read_places()
    country_of_word = dict(places.filter(~pl.col("name").str.contains(" ")).select("name", "country").iter_rows())
    found: dict[str, str] = {}
    descriptors: set[str] = set()
    for sid, name, countries in names.select("source_id", "name", "countries").iter_rows():
        if keys.key(name) != "government":
            continue
        words = _WORD.findall(fold(name).replace("'", " "))
        named = {country_of_word[w] for w in words if w in country_of_word}
        if not named and all(w in _DESCRIPTOR_WORDS or len(w) < 3 for w in words):
            descriptors.add(sid)
            continue
        stated = named or set(countries or [])
        if len(stated) == 1:
            found[sid] = stated.pop()
    return found, descriptors


_GOVERNMENT_ONLY_WORDS = frozenset(
    "gouvernement government executif executive administration le la les l de du des d of the".split()  # noqa: SIM905
)


@functools.cache
def _country_words() -> frozenset[str]:
    """The one-word names of countries and their nationalities, folded (``places.csv``)."""
    places = read_places()
    return frozenset(fold(n) for n in places.filter(~pl.col("name").str.contains(" "))["name"].to_list())


def is_whole_government(name: str) -> bool:
    """Whether ``name`` names a country's government and nothing under it: "gouvernement français", "the
    French government", "le gouvernement de la France" (its words are a government word, function words and a
    country or nationality); "ministère français du Budget" names a part of it."""
    country_words = _country_words()
    words = _WORD.findall(fold(name).replace("'", " "))
    return (
        any(w in ("gouvernement", "government", "executif", "executive", "administration") for w in words)
        and any(w in country_words for w in words)
        and all(w in _GOVERNMENT_ONLY_WORDS or w in country_words for w in words)
    )


def portfolio_name(name: str, translations: dict[str, str] | None = None) -> str | None:
    """The portfolio a government descriptor names, in English and capitalised ("de l'Intérieur" ->
    "Interior", "Finance Ministry" -> "Finance"), or None when it names none ("le ministère")."""
    translations = read_translations() if translations is None else translations
    words = [w for w in _WORD.findall(fold(name).replace("'", " ")) if w in PORTFOLIO_KEYS]
    english = [translations.get(w, w) for w in words]
    return " ".join(dict.fromkeys(e.capitalize() for e in english)) or None
