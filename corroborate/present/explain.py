"""Why a source scores what it scores: the source found by name, a summary, and one row per claim.

Names match silently only when they are a source's name or one of its aliases (ignoring case, accents
and spacing). Anything else (a part of a name, a typo, a name two sources share) raises
:class:`SourceNotFound` with the closest candidates, so nobody reads the Pentagon's record under the
title "Pentagonn".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import duckdb
import polars as pl

from corroborate.link.sources import alias_key
from corroborate.text import fold

MAX_CANDIDATES = 5
MAX_ALIASES_SHOWN = 8
CLOSE_ENOUGH = 0.6

# One row per claim in the table of `explain`, with the printed header of each column.
CLAIM_TABLE: dict[str, str] = {
    "date": "date",
    "said_by": "said by",
    "figure": "figure as written",
    "verdict": "verdict",
    "decided_by": "decided by",
    "why": "why",
}


@dataclass
class Candidate:
    """A source a typed name may have meant, and the alias that came closest."""

    source_id: str
    name: str
    kind: str
    alias: str
    closeness: float


class SourceNotFound(LookupError):
    """No source is exactly called ``name``; ``candidates`` are the closest ones (maybe none)."""

    def __init__(self, name: str, candidates: list[Candidate], ambiguous: bool = False) -> None:
        self.name = name
        self.candidates = candidates
        self.ambiguous = ambiguous
        message = f"{name!r} names several sources" if ambiguous else f"no source is called {name!r}"
        if candidates:
            names = "; ".join(_describe(c) for c in candidates)
            message += f". Closest: {names}"
        super().__init__(message)


def _describe(candidate: Candidate) -> str:
    if alias_key(candidate.alias) == alias_key(candidate.name):
        return f"{candidate.name} ({candidate.kind})"
    return f"{candidate.name} ({candidate.kind}, as {candidate.alias!r})"


@dataclass
class Explanation:
    """``source``: the header facts (name, kind, aliases, parent, counts, score, interval, what it answers
    for, summary); ``claims``: one row per claim with the deciding claim and every piece of evidence."""

    source: dict[str, Any]
    claims: pl.DataFrame
    summary: list[str] = field(default_factory=list)


def plain(text: str) -> str:
    """``text`` without accents, case or extra spaces: what "the exact name" is compared on."""
    return re.sub(r"\s+", " ", fold(text)).strip()


def _names(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every (spelling, source) pair: the aliases and the canonical names."""
    sources = con.table("sources").pl().select("source_id", "name", "kind")
    aliases = con.table("source_aliases").pl().select("alias", "source_id")
    spellings = pl.concat([aliases, sources.select(pl.col("name").alias("alias"), "source_id")]).unique()
    return spellings.join(sources, on="source_id", how="inner")


def match_source(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """The ``source_id`` whose name or alias is ``name`` (case, accents and spacing aside).

    An outlet's name matches without its note in brackets ("menafn" finds "MENAFN (AFP copy)"), and a name in
    capitals matches the names it is the initials of ("WHO": "World Health Organization"), when one source
    answers. Raises :class:`SourceNotFound` with up to :data:`MAX_CANDIDATES` closest sources when no single
    source answers: a part of a name ("Korea"), a typo ("Pentagonn"), an unknown name.
    """
    spellings = _names(con)
    wanted = plain(name)
    folded = pl.col("alias").map_elements(plain, return_dtype=pl.String)
    # the exact name; else the name without an outlet's note ("MENAFN (AFP copy)" for "menafn"); else, for a
    # name in capitals, the names it is the initials of ("WHO": World Health Organization)
    tries = [folded == wanted, folded.str.replace(r"\s*\([^)]*\)$", "") == wanted]
    if ACRONYM.fullmatch(name.strip()):
        tries.append(pl.col("alias").map_elements(initials, return_dtype=pl.String) == name.strip())
    for matches in tries:
        exact = spellings.filter(matches)
        ids = exact["source_id"].unique().to_list()
        if len(ids) == 1:
            return str(ids[0])
        if len(ids) > 1:
            found = [
                Candidate(r["source_id"], r["name"], r["kind"], r["alias"], 1.0)
                for r in exact.unique("source_id").sort("name").iter_rows(named=True)
            ]
            raise SourceNotFound(name, found, ambiguous=True)
    raise SourceNotFound(name, closest(spellings, name))


ACRONYM = re.compile(r"[A-Z]{2,8}")
# words an acronym skips ("World Health Organization" -> WHO, "Organisation mondiale de la santé" -> OMS)
ACRONYM_SKIPS = frozenset(
    ("of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en",
     "aux", "au")
)  # fmt: skip


def initials(text: str) -> str:
    """The capital initials of ``text``'s words, function words left out: "World Health Organization" -> "WHO";
    "" for a name of one word (no acronym is read from a single word)."""
    folded = fold(text)  # accents and case aside: "Énergie" gives E
    words = [w for w in re.findall(r"[^\W\d_]+", folded) if w not in ACRONYM_SKIPS]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def closest(spellings: pl.DataFrame, name: str, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """The sources whose spellings come closest to ``name``, best first.

    Same matching key (a doubled letter, a title: "Pentagonn"), every typed word inside the spelling
    ("Korea" in "South Korea"), else similar letters (ratio ≥ :data:`CLOSE_ENOUGH`).
    """
    key = alias_key(name)
    words = set(key.split())
    best: dict[str, Candidate] = {}
    for row in spellings.iter_rows(named=True):
        other = alias_key(row["alias"])
        if not other or not key:
            continue
        if other == key:
            closeness = 1.0
        elif words <= set(other.split()):
            closeness = 0.9
        else:
            closeness = difflib.SequenceMatcher(None, key, other).ratio()
            if closeness < CLOSE_ENOUGH:
                continue
        known = best.get(row["source_id"])
        if known is None or closeness > known.closeness:
            best[row["source_id"]] = Candidate(row["source_id"], row["name"], row["kind"], row["alias"], closeness)
    ranked = sorted(best.values(), key=lambda c: (-c.closeness, c.name))
    return ranked[:limit]


def _charge(kind: str, name: str, below: int) -> str:
    """What a source is held to account for, in words."""
    if kind == "outlet":
        return (
            f"As an outlet, {name} answers for every figure it published: its own (unattributed) figures "
            "and the ones it attributed to others."
        )
    if below:
        return f"{name} answers for its own figures and those of the {below} source(s) under it."
    return f"{name} answers for the figures credited to it."


def _score_row(con: duckdb.DuckDBPyConnection, source_id: str, method: str) -> dict[str, Any]:
    from corroborate.score import scores

    frame = scores(con, method=method)
    if "source_id" not in frame.columns:
        return {}
    rows = frame.filter(pl.col("source_id") == source_id).to_dicts()
    return rows[0] if rows else {}


def _claims(con: duckdb.DuckDBPyConnection, source_id: str) -> pl.DataFrame:
    """One row per claim credited to ``source_id``: the claim, its verdict, the deciding claim, all evidence."""
    rel = con.table("claim_explanations").filter(
        duckdb.FunctionExpression(
            "list_contains", duckdb.ColumnExpression("credited_ids"), duckdb.ConstantExpression(source_id)
        )
    )
    frame = rel.pl()
    evidence_columns = [c for c in frame.columns if c.startswith("evidence_")] + ["relation", "decisive"]
    rows: list[dict[str, Any]] = []
    for group in frame.partition_by("claim_id", maintain_order=True):
        group = group.sort(["decisive", "evidence_published_at"], descending=[True, False], nulls_last=True)
        first = group.row(0, named=True)
        claim = {k: v for k, v in first.items() if k not in evidence_columns and k != "credited_ids"}
        evidence = [
            {k: r[k] for k in evidence_columns}
            for r in group.iter_rows(named=True)
            if r.get("evidence_claim_id") is not None
        ]
        deciding = next((e for e in evidence if e.get("decisive")), None)
        claim["decided_by_source"] = deciding["evidence_source"] if deciding else None
        claim["decided_by_published_at"] = deciding["evidence_published_at"] if deciding else None
        claim["decided_by_published_on"] = deciding.get("evidence_published_on") if deciding else None
        claim["decided_by_text"] = deciding["evidence_text"] if deciding else None
        claim["evidence"] = evidence
        rows.append(claim)
    if not rows:
        return pl.DataFrame()
    return pl.DataFrame(rows, infer_schema_length=None).sort(["published_at", "claim_id"], nulls_last=True)


def _counted(claims: pl.DataFrame, *, official: bool) -> pl.DataFrame:
    """``claims`` with ``counted``: whether the claim counts in the score (``sql/models/source_counts.sql``).

    For an official, the copies of one dispatch (one copy group) giving the same figure on one quantity count
    once: the first of them counts, the others are listed as repeats. An outlet answers for every figure it
    published.
    """
    if claims.is_empty() or not official:
        return claims.with_columns(pl.lit(True).alias("counted"))
    first = pl.col("claim_id") == pl.col("claim_id").min().over("group_id", "quantity_id", "value")
    return claims.with_columns(first.alias("counted"))


def explain_source(con: duckdb.DuckDBPyConnection, name: str, method: str = "simple") -> Explanation:
    """Everything behind the score of the source exactly called ``name``.

    Returns an :class:`Explanation`; raises :class:`SourceNotFound` (a ``LookupError``) with the closest
    candidates when ``name`` is not exactly a source's name or alias.
    """
    source_id = match_source(con, name)
    sources = con.table("sources").pl()
    me = sources.filter(pl.col("source_id") == source_id).row(0, named=True)
    parents = sources.filter(pl.col("source_id") == me["parent_id"])["name"].to_list() if me["parent_id"] else []
    tree = con.table("source_tree").pl()
    below = tree.filter((pl.col("ancestor_id") == source_id) & (pl.col("distance") > 0)).height
    aliases = sorted(
        {
            str(a)
            for a in con.table("source_aliases").pl().filter(pl.col("source_id") == source_id)["alias"]
            if a and plain(str(a)) != plain(me["name"])
        },
        key=str.casefold,
    )
    score = _score_row(con, source_id, method)
    claims = _counted(_claims(con, source_id), official=me["kind"] == "official")
    header: dict[str, Any] = {
        "source_id": source_id,
        "name": me["name"],
        "kind": me["kind"],
        "parent": parents[0] if parents else None,
        "aliases": aliases,
        "answers_for": _charge(me["kind"], me["name"], below),
        "method": method,
    }
    for key in ("claims", "corroborated", "revised", "unresolved", "score", "ci_low", "ci_high"):
        header[key] = score.get(key)
    for key, value in score.items():  # counts another version of the scores may add (own voice, relays …)
        if key not in header and key not in ("source", "source_id", "kind", "parent", "run_id", "method"):
            header[key] = value
    if header["claims"] is None:
        header["claims"] = claims.height
    return Explanation(source=header, claims=claims, summary=summary_lines(header))


def _num(value: Any) -> str:
    from corroborate.present.output import format_number

    return format_number(value, 2) if isinstance(value, float) else format_number(value or 0)


def summary_lines(header: dict[str, Any]) -> list[str]:
    """The header of ``explain`` in plain words: who, which names, under whom, the score and why."""
    lines = [f"{header['name']} ({header['kind']})"]
    aliases = header["aliases"]
    if aliases:
        shown = ", ".join(aliases[:MAX_ALIASES_SHOWN])
        more = len(aliases) - MAX_ALIASES_SHOWN
        lines.append(f"Also called: {shown}" + (f" and {more} more" if more > 0 else ""))
    if header.get("parent"):
        lines.append(f"Under: {header['parent']}")
    lines.append(header["answers_for"])
    if header.get("score") is None:
        lines.append(f"No score yet: {header['claims']} claim(s), none scored by a completed run.")
        return lines
    lines.append(
        f"Score {_num(header['score'])} (90% interval {_num(header['ci_low'])}–{_num(header['ci_high'])}) "
        f"from {_num(header['claims'])} claim(s): {_num(header['corroborated'])} corroborated, "
        f"{_num(header['revised'])} revised, {_num(header['unresolved'])} unresolved."
    )
    decided = (header["corroborated"] or 0) + (header["revised"] or 0)
    if decided == 0:
        lines.append("No claim is decided yet, so the score stays at the middle and the interval stays wide.")
    else:
        lines.append(
            f"Only the {decided} decided claim(s) move the score; unresolved ones wait for independent evidence. "
            "The interval narrows as decided claims add up."
        )
    return lines


def _when(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ("undated" if value is None else str(value))


def claim_table(claims: pl.DataFrame) -> pl.DataFrame:
    """The readable table of ``explain``: date, speaker, figure as written, verdict, deciding claim, reason."""
    if claims.is_empty():
        return pl.DataFrame(schema=dict.fromkeys(CLAIM_TABLE, pl.String))
    rows = []
    for claim in claims.iter_rows(named=True):
        decided = ""
        if claim.get("decided_by_source"):
            decided = (
                f"{claim['decided_by_source']},"
                f" {_when(claim.get('decided_by_published_on') or claim['decided_by_published_at'])}:"
                f" {claim['decided_by_text']}"
            )
        rows.append(
            {
                # as precisely as known: "2023-09" for a month, never its first day
                "date": _when(claim.get("published_on") or claim.get("published_at")),
                "said_by": claim.get("source") or "",
                "figure": claim.get("text") or "",
                "verdict": claim.get("outcome") or "",
                "decided_by": decided,
                "why": (claim.get("reason") or "")
                + ("" if claim.get("counted", True) else " (same voice: counted once)"),
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(CLAIM_TABLE, pl.String))
