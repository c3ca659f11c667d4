"""Who is who: canonical sources, their aliases and the affiliation tree.

Every claim is credited to free text (``claims.source``, ``claims.source_org``) and every article to an
``outlet``. This module turns those strings into canonical entries of ``sources`` (one per person,
institution or outlet) so that the same speaker is one entry across articles and languages, and so that
a spokesperson counts towards her ministry and her government (``parent_id``).

The starter list lives in ``seeds/aliases.csv`` (``alias,canonical,kind,parent``); users edit it and the
next run picks it up, because ``sources``, ``source_aliases`` and ``claim_sources`` are rebuilt from it and
from all claims on every run (``sql/models/sources.sql`` …). Ids are hashes of the entry's kind and name
key, so they stay the same from run to run and the score history in ``source_scores`` stays joinable.

Resolution of one claim (see :meth:`SourceResolver.resolve_claim`):

1. unattributed figures belong to the article's outlet;
2. ``source`` matched through the aliases: whole string first, then the most specific alias found inside
   it (``la porte-parole adjointe du Pentagone Sabrina Singh`` -> Sabrina Singh), then the one entry it
   is a shortened form of (``Polish Interior`` -> Polish Interior Ministry); a capitalised name left
   over next to a known organisation becomes a new person under it (``John Doe, porte-parole du
   Pentagone``);
3. else ``source_org`` through the aliases: the unknown speaker becomes a new person under that org;
4. else a new entry of its own (under a new entry for ``source_org`` when the text names one).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from corroborate import vocab
from corroborate.db import run_model
from corroborate.link.naming import is_named
from corroborate.models import models_fed_by, registered
from corroborate.resources import DEFAULT_ALIAS_FILE
from corroborate.text import fold

OFFICIAL = "official"
OUTLET = "outlet"

# Words dropped from the front of a key: "Les États-Unis" = "États-Unis", "M. Zelensky" = "Zelensky".
_LEADING_WORDS = frozenset(
    "le la les l un une des the a an m mme mlle mr mrs ms dr sir selon according to".split()  # noqa: SIM905
)

# Words that say what someone is, not who: what remains of a source string once these, the matched
# alias and lower-case words are removed is taken as a person's name.
_ROLE_WORDS = frozenset(  # compared with alias keys, so spelled through alias_key below
    """
    le la les l un une des du de d au aux et en a the of for to and an by from in with at on
    porte parole porteparole spokesperson spokesman spokeswoman adjoint adjointe deputy ministre minister
    secretaire secretary general generale president presidente chef chief directeur directrice director
    ambassadeur ambassadrice ambassador responsable responsables official officials officiel officiels
    haut hauts haute senior source sources expert experts analyste analystes conseiller conseillere adviser
    advisor commandant commander gouverneur governor representant representante representative envoye
    envoy selon according m mme mr mrs ms dr cabinet charge head office bureau service services press
    presse communication communications
    american americain americaine ukrainian ukrainien ukrainienne russian russe korean coreen coreenne
    north south nord sud european europeen europeenne french francais british german allemand us
    """.split()  # noqa: SIM905
)


# A government's portfolios, in both languages (as alias keys): "de l'Intérieur" or "Finance" alone is the
# fragment of some country's ministry, never a shortened form of the one ministry met so far.
PORTFOLIO_KEYS = frozenset(
    """
    interior interieur finance finances economy economie defence defense armees health sante justice foreign
    affaires etrangeres exterieures budget treasury tresor labour labor travail education agriculture
    environment environnement transport transports affairs comptes publics
    """.split()  # noqa: SIM905
)


def alias_key(text: str | None) -> str:
    """The matching key of a name: accents, case, punctuation, leading articles and titles removed.

    ``"M. Zelensky"``, ``"Zelenskyy"`` and ``"zelensky"`` share a key; so do ``"Les États-Unis"`` and
    ``"Etats-Unis"``. Doubled letters are collapsed because transliterations differ mostly there.
    """
    if not text:
        return ""
    folded = fold(text).replace(".", "")  # U.S. = US, but "l'Otan" keeps two words
    words = re.findall(r"[^\W_]+", folded)
    while len(words) > 1 and words[0] in _LEADING_WORDS:
        words.pop(0)
    key = " ".join(words)
    return re.sub(r"([^\W\d_])\1+", r"\1", key)


_ROLE_KEYS = frozenset(alias_key(w) for w in _ROLE_WORDS)


def source_id(kind: str, name: str) -> str:
    """Stable id of an entry: the same kind and name key give the same id in every run."""
    digest = hashlib.sha1(f"{kind}:{alias_key(name)}".encode()).hexdigest()
    return f"src_{digest[:16]}"


@dataclass
class Source:
    """One canonical entry of ``sources``."""

    source_id: str
    name: str
    kind: str
    parent_id: str | None = None
    aliases: set[str] = field(default_factory=set)


class SourceResolver:
    """Resolves free-text speakers and outlets to entries, creating entries for new names."""

    def __init__(self, alias_rows: Iterable[tuple[str, str, str, str]] = ()) -> None:
        self.sources: dict[str, Source] = {}
        self._by_key: dict[str, str] = {}  # alias key -> source_id, official entries first
        self._outlet_by_key: dict[str, str] = {}
        self._contained: list[tuple[str, str]] | None = None
        self._depth_cache: dict[str, int] = {}
        self.observed: dict[str, str] = {}  # speaker strings met in claims -> the entry they resolved to
        # entries that describe some government's part without saying whose ("the Finance Ministry"): not
        # named sources; their claims go to the government of their article's country when it has one
        self.descriptor_ids: set[str] = set()
        parents: dict[str, str] = {}
        self.configured_ids: set[str] = set()  # entries of the alias file: named whatever their words
        for alias, canonical, kind, parent in alias_rows:
            entry = self._entry(canonical, kind or None)
            self.configured_ids.add(entry.source_id)
            if parent and canonical not in parents:
                parents[canonical] = parent
            self._add_alias(entry, alias)
        for canonical, parent in parents.items():
            child = self._find(canonical)
            parent_entry = self._find(parent) or self._entry(parent, OFFICIAL)
            if child is not None and child.source_id != parent_entry.source_id:
                child.parent_id = parent_entry.source_id
        self._break_cycles()

    # ----------------------------------------------------------------------------------------- build
    def _find(self, name: str) -> Source | None:
        sid = self._by_key.get(alias_key(name)) or self._outlet_by_key.get(alias_key(name))
        return self.sources.get(sid) if sid else None

    def _entry(self, canonical: str, kind: str | None) -> Source:
        existing = self._find(canonical)
        if existing is not None and (kind is None or existing.kind == kind):
            return existing
        kind = kind or OFFICIAL
        if kind not in vocab.SOURCE_KINDS:
            raise ValueError(f"alias file: kind must be one of {vocab.SOURCE_KINDS}, not {kind!r}")
        sid = source_id(kind, canonical)
        entry = self.sources.setdefault(sid, Source(sid, canonical.strip(), kind))
        self._add_alias(entry, canonical)
        return entry

    def _add_alias(self, entry: Source, alias: str) -> None:
        alias = alias.strip()
        key = alias_key(alias)
        if not key:
            return
        entry.aliases.add(alias)
        table = self._outlet_by_key if entry.kind == OUTLET else self._by_key
        table.setdefault(key, entry.source_id)
        if entry.kind == OUTLET:
            # an outlet quoted as a source ("selon l'AFP") is the same entry
            self._by_key.setdefault(key, entry.source_id)
        self._contained = None

    def _break_cycles(self) -> None:
        for entry in self.sources.values():
            seen = {entry.source_id}
            node = entry
            while node.parent_id is not None:
                if node.parent_id in seen:
                    node.parent_id = None
                    break
                seen.add(node.parent_id)
                node = self.sources[node.parent_id]

    def depth(self, sid: str) -> int:
        """How far below its root an entry sits (a root is 0)."""
        if sid not in self._depth_cache:
            parent = self.sources[sid].parent_id
            self._depth_cache[sid] = 0 if parent is None else 1 + self.depth(parent)
        return self._depth_cache[sid]

    def root(self, sid: str) -> str:
        """The organisation at the top of an entry's tree (itself for a root)."""
        while (parent := self.sources[sid].parent_id) is not None:
            sid = parent
        return sid

    # --------------------------------------------------------------------------------------- resolve
    def _contained_aliases(self) -> list[tuple[str, str]]:
        if self._contained is None:
            self._contained = sorted(self._by_key.items(), key=lambda kv: -len(kv[0]))
        return self._contained

    def match(self, text: str | None) -> Source | None:
        """The entry a name stands for: the whole string, else the most specific alias inside it, else the
        one entry that the name is a shortened form of.

        Most specific = deepest in the tree, then longest: in "porte-parole du département d'État
        Vedant Patel" the person wins over his department. A shortened form is a run of whole words of
        an alias ("Polish Interior" of "Polish Interior Ministry", "Brandt" of "Viktor Brandt") that no
        other entry's aliases contain and that says more than a role: "Défense" fits several ministries
        and "porte-parole" fits anyone, so neither resolves; nor does a bare portfolio ("de l'Intérieur"),
        which may be any country's ministry.
        """
        key = alias_key(text)
        if not key:
            return None
        if key in self._by_key:
            return self.sources[self._by_key[key]]
        padded = f" {key} "
        best: tuple[int, int, str] | None = None
        for alias, sid in self._contained_aliases():
            if f" {alias} " in padded:
                rank = (self.depth(sid), len(alias), sid)
                if best is None or rank[:2] > best[:2]:
                    best = rank
        if best is not None:
            return self.sources[best[2]]
        if all(word in _ROLE_KEYS or word in PORTFOLIO_KEYS for word in key.split()):
            return None
        fitting = {sid for alias, sid in self._contained_aliases() if padded in f" {alias} "}
        return self.sources[fitting.pop()] if len(fitting) == 1 else None

    def _leftover_name(self, text: str, entry: Source) -> str | None:
        """A person's name next to an organisation in ``text``, if any ("John Doe, Pentagon spokesman")."""
        alias_words = {w for a in entry.aliases for w in alias_key(a).split()}
        kept: list[str] = []
        for word in re.findall(r"[^\W\d_]+", text):
            key = alias_key(word)
            if not key or key in alias_words or key in _ROLE_KEYS or not word[0].isupper():
                continue
            kept.append(word)
        return " ".join(kept) if kept else None

    def new_entry(self, name: str, parent: Source | None = None, kind: str = OFFICIAL) -> Source:
        """The entry for a name met for the first time (the same name later resolves to it)."""
        existing = self._find(name)
        if existing is not None and existing.kind == kind:
            return existing
        entry = self._entry(name, kind)
        if parent is not None and entry.parent_id is None and entry.source_id != parent.source_id:
            entry.parent_id = parent.source_id
            self._break_cycles()
            self._depth_cache.clear()
        self._contained = None
        return entry

    def set_parent(self, sid: str, parent: Source) -> None:
        """Put the entry ``sid`` under ``parent`` (never under itself, never in a cycle)."""
        if sid != parent.source_id:
            self.sources[sid].parent_id = parent.source_id
            self._break_cycles()
            self._depth_cache.clear()

    def merge(self, merged: dict[str, str]) -> None:
        """Fold each entry ``gone`` of ``merged`` (``gone -> kept``) into ``kept``: its aliases, its children,
        the names that resolved to it and, when ``kept`` has none, its parent."""
        if not merged:
            return
        for gone, kept in merged.items():
            entry, into = self.sources.pop(gone), self.sources[kept]
            into.aliases |= entry.aliases
            if into.parent_id is None and entry.parent_id not in (None, kept):
                into.parent_id = entry.parent_id
        for other in self.sources.values():
            if other.parent_id in merged:
                other.parent_id = merged[other.parent_id]
                if other.parent_id == other.source_id:
                    other.parent_id = None
        self._by_key = {key: merged.get(sid, sid) for key, sid in self._by_key.items()}
        self.observed = {name: merged.get(sid, sid) for name, sid in self.observed.items()}
        self._break_cycles()
        self._depth_cache.clear()
        self._contained = None

    def resolve_text(self, text: str | None) -> Source | None:
        """Resolve a speaker string through the aliases, creating a person under a known org if named."""
        entry = self.match(text)
        if entry is None or text is None:
            return entry
        if alias_key(text) in self._by_key or entry.kind == OUTLET:
            return entry
        person = self._leftover_name(text, entry)
        # a name needs a first and a last name, and must not be another entry ("... du Pentagone Sabrina Singh")
        if person is None or len(person.split()) < 2 or self.match(person) is not None:
            return entry
        return self.new_entry(person, parent=entry)

    def resolve_claim(self, source: str | None, source_org: str | None) -> Source:
        """The entry an attributed figure is credited to (rules in the module docstring)."""
        entry = self.resolve_text(source)
        if entry is not None:
            return entry
        org = self.resolve_text(source_org) if source_org else None
        if org is None and source_org and alias_key(source_org):
            org = self.new_entry(source_org.strip())
        if source is None or not alias_key(source):
            if org is not None:
                return org
            return self.new_entry("unknown source")
        if org is not None and alias_key(source) == alias_key(source_org):
            return org
        return self.new_entry(source.strip(), parent=org)

    def resolve_outlet(self, outlet: str | None) -> Source:
        """The outlet entry of an article (a new outlet entry for a name met the first time)."""
        name = (outlet or "").strip() or vocab.UNKNOWN_OUTLET
        sid = self._outlet_by_key.get(alias_key(name))
        if sid is not None:
            return self.sources[sid]
        return self.new_entry(name, kind=OUTLET)

    # ---------------------------------------------------------------------------------------- frames
    def sources_frame(self) -> pl.DataFrame:
        """``sources`` rows, with each entry's root and depth."""
        rows = [
            {
                "source_id": s.source_id,
                "name": s.name,
                "kind": s.kind,
                "parent_id": s.parent_id,
                "root_id": self.root(s.source_id),
                "depth": self.depth(s.source_id),
                "named": s.kind == OUTLET
                or s.source_id in self.configured_ids
                or (is_named(s.name) and s.source_id not in self.descriptor_ids),
            }
            for s in self.sources.values()
        ]
        schema = {
            "source_id": pl.String,
            "name": pl.String,
            "kind": pl.String,
            "parent_id": pl.String,
            "root_id": pl.String,
            "depth": pl.Int32,
            "named": pl.Boolean,
        }
        return pl.DataFrame(rows, schema=schema).sort("source_id")

    def aliases_frame(self) -> pl.DataFrame:
        """``source_aliases`` rows: every spelling configured or met, with its key."""
        rows = [
            {"alias": alias, "alias_key": alias_key(alias), "source_id": s.source_id}
            for s in self.sources.values()
            for alias in sorted(s.aliases)
        ]
        rows += [
            {"alias": alias, "alias_key": alias_key(alias), "source_id": sid}
            for alias, sid in sorted(self.observed.items())
        ]
        schema = {"alias": pl.String, "alias_key": pl.String, "source_id": pl.String}
        return pl.DataFrame(rows, schema=schema).unique("alias", keep="first").sort("alias")


def read_alias_file(path: str | Path = DEFAULT_ALIAS_FILE) -> list[tuple[str, str, str, str]]:
    """Rows ``(alias, canonical, kind, parent)`` of an alias CSV; ``#`` lines are comments."""
    path = Path(path)
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#")]
    rows: list[tuple[str, str, str, str]] = []
    for record in csv.DictReader(lines):
        alias = (record.get("alias") or "").strip()
        canonical = (record.get("canonical") or "").strip() or alias
        if not alias:
            continue
        rows.append((alias, canonical, (record.get("kind") or "").strip(), (record.get("parent") or "").strip()))
    return rows


@dataclass
class SourceSummary:
    """What :func:`build_sources` wrote."""

    sources: int
    aliases: int
    claims: int


def build_sources(
    con: duckdb.DuckDBPyConnection, alias_file: str | Path | None = None, places: pl.DataFrame | None = None
) -> tuple[SourceSummary, SourceResolver]:
    """Rebuild ``sources``, ``source_aliases``, ``source_tree`` and ``claim_sources`` from all claims.

    Only distinct speaker strings and outlets are resolved in Python; the per-claim join runs in SQL
    (``sql/models/claim_sources.sql``), so the cost grows with the number of distinct names. ``places`` is
    :func:`corroborate.link.stories.article_places` of the stored articles (read here when not given).
    """
    resolver = SourceResolver(read_alias_file(alias_file or DEFAULT_ALIAS_FILE))
    outlets = con.table("articles").select("outlet").distinct().pl().sort("outlet")
    speakers = (
        con.table("claims")
        .filter(duckdb.ColumnExpression("attributed"))
        .select("source", "source_org")
        .distinct()
        .pl()
        .select(pl.col("source").fill_null(""), pl.col("source_org").fill_null(""))
        .unique()
        # a speaker is first met with its organisation when a claim gives one: "Eric Lombard" of one article
        # and "Eric Lombard" of the Finance Ministry in another are one person, under the ministry
        .sort(pl.col("source"), pl.col("source_org") == "", pl.col("source_org"))
    )
    outlet_map = pl.DataFrame(
        {
            "outlet": outlets["outlet"].to_list(),
            "source_id": [resolver.resolve_outlet(o).source_id for o in outlets["outlet"].to_list()],
        },
        schema={"outlet": pl.String, "source_id": pl.String},
    )
    speaker_ids: list[str] = []
    for src, org in speakers.iter_rows():
        entry = resolver.resolve_claim(src or None, org or None)
        if src:
            resolver.observed.setdefault(src.strip(), entry.source_id)
        speaker_ids.append(entry.source_id)
    speaker_map = speakers.with_columns(pl.Series("source_id", speaker_ids, dtype=pl.String))
    if places is None:
        from corroborate.link.stories import article_places

        places = article_places(con.table("articles").select("article_id", "title", "text").pl())
    speaker_map, placed = _one_body_per_name(con, resolver, speaker_map, places)

    frames = {
        "_sources_input": resolver.sources_frame(),
        "_source_aliases_input": resolver.aliases_frame(),
        "_outlet_map": outlet_map,
        "_speaker_map": speaker_map,
        "_placed_speakers": placed,
    }
    with registered(con, frames):
        for model in models_fed_by(frames):
            run_model(con, model)
    summary = SourceSummary(
        sources=len(frames["_sources_input"]),
        aliases=len(frames["_source_aliases_input"]),
        claims=con.table("claim_sources").shape[0],
    )
    return summary, resolver


def _one_body_per_name(
    con: duckdb.DuckDBPyConnection, resolver: SourceResolver, speaker_map: pl.DataFrame, places: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``speaker_map`` with the entries of one body under several names merged into one
    (:func:`corroborate.link.identity.one_body_per_key`), and ``_placed_speakers`` (``article_id, source,
    source_org, source_id``): a government's descriptor in an article placed in one country, credited to
    that country's government. ``resolver`` loses the merged entries (their aliases and children go to the
    entry that stands for them), gains a ``Government (XX)`` entry per country and learns its descriptors."""
    from corroborate.link.identity import government_countries, is_whole_government, one_body_per_key, portfolio_name

    placed_claims = (
        con.table("claims")
        .filter(duckdb.ColumnExpression("attributed"))
        .select("article_id", "source", "source_org")
        .pl()
        .select("article_id", pl.col("source").fill_null(""), pl.col("source_org").fill_null(""))
        .join(speaker_map, on=["source", "source_org"])
        .join(places, on="article_id", how="left")
    )
    claims = placed_claims.group_by("source_id").agg(
        pl.len().alias("claims"), pl.col("country").drop_nulls().unique().alias("countries")
    )
    officials = pl.DataFrame(
        [{"source_id": e.source_id, "name": e.name} for e in resolver.sources.values() if e.kind == OFFICIAL],
        schema={"source_id": pl.String, "name": pl.String},
    )
    names = officials.join(claims, on="source_id", how="left").with_columns(pl.col("claims").fill_null(0))
    merged = one_body_per_key(names)
    resolver.merge(merged)
    # every part of one country's government answers to it: "Finance Ministry" and "ministère de l'Économie"
    # of stories placed in France are one root, Government (FR), and never Morocco's
    remaining = names.filter(~pl.col("source_id").is_in(list(merged)))
    countries, descriptors = government_countries(remaining)
    # "gouvernement français" is Government (FR) itself, not a body under it
    whole: dict[str, str] = {}
    for sid, code in countries.items():
        if is_whole_government(resolver.sources[sid].name) and sid not in resolver.configured_ids:
            whole[sid] = resolver.new_entry(f"Government ({code})").source_id
        elif resolver.sources[sid].parent_id is None:
            resolver.set_parent(sid, resolver.new_entry(f"Government ({code})"))
    resolver.merge(whole)
    merged = {**{gone: whole.get(kept, kept) for gone, kept in merged.items()}, **whole}
    resolver.descriptor_ids |= descriptors
    speaker_map = speaker_map.with_columns(pl.col("source_id").replace(merged))
    placed = (
        placed_claims.with_columns(pl.col("source_id").replace(merged))
        .filter(pl.col("source_id").is_in(list(descriptors)) & pl.col("country").is_not_null())
        .select("article_id", "source", "source_org", "source_id", "country")
        .unique()
    )
    # "de l'Intérieur" in a story placed in Morocco is Morocco's interior ministry, under its government;
    # a bare "le gouvernement" or "le ministère" is the government itself
    bodies = []
    for sid, code in placed.select("source_id", "country").unique().iter_rows():  # a few per country
        government = resolver.new_entry(f"Government ({code})")
        portfolio = portfolio_name(resolver.sources[sid].name)
        body = government if portfolio is None else resolver.new_entry(f"{portfolio} Ministry ({code})", government)
        bodies.append({"source_id": sid, "country": code, "body_id": body.source_id})
    body_of = pl.DataFrame(bodies, schema={"source_id": pl.String, "country": pl.String, "body_id": pl.String})
    placed = placed.join(body_of, on=["source_id", "country"]).select(
        "article_id", "source", "source_org", pl.col("body_id").alias("source_id")
    )
    return speaker_map, placed


def resolve_name(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The ``source_id`` a user-typed name stands for, through the stored aliases, or None."""
    key = alias_key(name)
    table = con.table("source_aliases").pl()
    sources = con.table("sources").pl()
    exact = table.filter(pl.col("alias_key") == key)
    if exact.height:
        return str(exact["source_id"][0])
    named = sources.filter(pl.col("name").map_elements(alias_key, return_dtype=pl.String) == key)
    if named.height:
        return str(named["source_id"][0])
    # a part of a name ("Singh"), when only one entry carries it
    contains = table.filter((" " + pl.col("alias_key") + " ").str.contains(f" {re.escape(key)} "))
    ids = contains["source_id"].unique()
    return str(ids[0]) if key and len(ids) == 1 else None
