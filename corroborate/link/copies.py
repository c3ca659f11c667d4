"""Article dependence: rewrites, wire copies, and the groups of articles that tell one story once.

A copy corroborates nothing. Two articles are found dependent when their texts share enough rare
content-word bigrams (shingles), measured as *containment*: shared shingles over the shingles of the
smaller text, so that an abridged rewrite of a long dispatch still counts. Wire credits (a line that is
only ``ATS``, a dateline ``PARIS (AFP) -``, ``avec AFP`` …) lower the bar when both articles credit the
same agency, or when one article is the agency's own.

Thresholds, measured on the seeds (000 and 001 rewrite 003's dispatch in other words; 002 and 004 are
independent reports on the same events, so they share the topic's vocabulary):

================  =============  ===========================
pair              containment    verdict
================  =============  ===========================
000-003, 001-003  0.25, 0.24     rewrite of the same dispatch
000-001           0.24           two rewrites of it
any other pair    0.04 - 0.07    independent, same topic
================  =============  ===========================

``COPY_CONTAINMENT = 0.15`` sits between the two groups; a verbatim copy scores about 1.0.
``WIRE_CONTAINMENT = 0.10`` applies when the two share a wire credit. Word unigrams separate them worse
(0.53-0.59 against up to 0.32) and word trigrams keep too little of a rewrite (0.10-0.15).

Candidate pairs come from an inverted index of shingles; shingles found in more than
``MAX_SHINGLE_ARTICLES`` articles (boilerplate, a topic's stock phrases) are not used to find pairs, so the
work grows with the number of articles, not its square. Everything is polars expressions except the
union-find over the (few) pairs found.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

import duckdb
import polars as pl

from corroborate.db import query_model, run_model
from corroborate.link.sources import alias_key
from corroborate.models import models_fed_by, registered
from corroborate.text import fold_expr
from corroborate.vocab import WIRE_AGENCY_NAMES

COPY_CONTAINMENT = 0.15
WIRE_CONTAINMENT = 0.10
# A pair this similar or more is one dispatch: it joins a copy group, and groups chain. A weaker pair
# (a rewrite, or two reports sharing a wire's stock phrases) makes only its two articles dependent: on real
# news, pairs at 0.15-0.3 chained unrelated articles into large false groups.
GROUP_CONTAINMENT = 0.40
# A weak pair is a rewrite only when its articles came out within this many days of each other (when both
# are dated): _weak_pairs_of_one_time.
WEAK_PAIR_DAYS = 3
# A translation shares no word bigrams with its original; it keeps its numbers in the same order
# (translation_pairs).
TRANSLATION_FIGURES = 5
TRANSLATION_SHARE = 0.7
TRANSLATION_DAYS = 2
TRANSLATION_NUMBERS = 40
# Two articles crediting the same wire agency, in two languages, within TRANSLATION_DAYS: one dispatch and
# its translation need fewer numbers in the same order (a short dispatch carries few).
WIRE_TRANSLATION_FIGURES = 3
WIRE_TRANSLATION_SHARE = 0.5
MIN_SHARED_SHINGLES = 5
MAX_SHINGLE_ARTICLES = 50

# Wire agencies, by the key of every name they sign with -> the canonical name (as in seeds/aliases.csv).
WIRE_AGENCIES: dict[str, str] = {
    alias_key(name): canonical for canonical, names in WIRE_AGENCY_NAMES.items() for name in names
}

_AGENCY = r"(?:Agence France[- ]Presse|Associated Press|United Press International|Keystone[- ]ATS|ATS[- ]Keystone|Keystone[- ]SDA|Press Association|PA Media|AFP|AP|Reuters|ATS|SDA|UPI|Belga|Keystone|ANSA|DPA|dpa|EFE|Yonhap|Kyodo|Xinhua)"  # noqa: E501
_AGENCY_LIST = rf"{_AGENCY}(?:\s*(?:/|,|&|\+|-|et|and|avec|with)\s*{_AGENCY})*"
# A line that is nothing but a credit: "ATS", "AFP/Reuters", "(avec AFP)", "© Keystone-ATS", "Source: AP".
_CREDIT_LINE = re.compile(
    rf"^\W*(?:(?:avec|with|source|sources|par|by|©|\(c\))\s*:?\s*)?\(?\s*({_AGENCY_LIST})\s*\)?\W*$",
    re.MULTILINE,
)
# A dateline: "PARIS (AFP) -", "Kiev (Reuters) —".
_DATELINE = re.compile(rf"^[^\n()]{{0,60}}\(\s*({_AGENCY_LIST})\s*\)\s*[-–—:]", re.MULTILINE)
# A trailing "(avec AFP)" / "avec AFP et Reuters" at the end of a line.
_WITH_CREDIT = re.compile(rf"\(?\b(?:avec|with)\s+({_AGENCY_LIST})\s*\)?\s*\.?\s*$", re.MULTILINE)
_AGENCY_WORD = re.compile(_AGENCY)


def wire_credits(text: str | None, outlet: str | None = None) -> list[str]:
    """The wire agencies an article credits for its text (photo credits inside a caption do not count).

    An article published by an agency credits that agency.
    """
    found: set[str] = set()
    if outlet and alias_key(outlet) in WIRE_AGENCIES:
        found.add(WIRE_AGENCIES[alias_key(outlet)])
    # an outlet named with its wire in brackets: "Boursorama (AFP copy)", "Le Soir (Belga)"
    for bracket in re.findall(r"\(([^()]*)\)", outlet or ""):
        for name in _AGENCY_WORD.findall(bracket):
            if alias_key(name) in WIRE_AGENCIES:
                found.add(WIRE_AGENCIES[alias_key(name)])
    for pattern in (_CREDIT_LINE, _DATELINE, _WITH_CREDIT):
        for match in pattern.finditer(text or ""):
            for name in _AGENCY_WORD.findall(match.group(1)):
                canonical = WIRE_AGENCIES.get(alias_key(name))
                if canonical:
                    found.add(canonical)
    return sorted(found)


SHINGLE_CHUNK = 500  # articles shingled at once: bounds the exploded word table, whatever the corpus size


def shingles(articles: pl.DataFrame, key: str = "article_id") -> pl.DataFrame:
    """One row per (``key``, shingle): hashed bigrams of content words (4+ letters, or digits).

    Articles are shingled ``SHINGLE_CHUNK`` at a time: every word of every article exploded at once would
    make memory grow with the corpus; only the compact (key, hash) rows are kept.
    """
    return pl.concat(
        [_chunk_shingles(chunk, key) for chunk in articles.select(key, "text").iter_slices(SHINGLE_CHUNK)],
        how="vertical",
    )


def _chunk_shingles(articles: pl.DataFrame, key: str) -> pl.DataFrame:
    words = (
        articles.select(
            key,
            fold_expr(pl.col("text")).str.extract_all(r"\p{L}{4,}|\p{N}+").alias("word"),
        )
        .explode("word")
        .drop_nulls("word")
    )
    return (
        words.with_columns(pl.col("word").shift(-1).over(key).alias("next"))
        .drop_nulls("next")
        .select(key, pl.concat_str("word", "next", separator=" ").hash().alias("shingle"))
        .unique()
    )


# What is read from each article's text (shingles, wire credits, numbers, names) depends on that text alone:
# the link stage keeps it per article in ``article_features`` and computes it for new articles only. Rows
# made by another version of this code, or of polars (whose hash makes the shingles), are made again.
FEATURE_VERSION = f"1/polars-{pl.__version__}"
FEATURE_PARTS = ("shingles", "credits", "numbers", "names")


def text_features(articles: pl.DataFrame, parts: tuple[str, ...] = FEATURE_PARTS) -> pl.DataFrame:
    """One row per article (``article_id``, ``text``, and ``outlet`` and ``title`` when known): the lists
    ``shingles`` (:func:`shingles`), ``credits`` (:func:`wire_credits`), ``numbers`` (the first
    :data:`TRANSLATION_NUMBERS` of :func:`number_sequence`) and ``names`` (:func:`corroborate.link.stories.
    article_names`), those of ``parts`` only."""
    from corroborate.link.stories import article_names

    frame = articles.select(
        "article_id",
        pl.col("text"),
        (pl.col("outlet") if "outlet" in articles.columns else pl.lit(None, pl.String)).alias("outlet"),
        (pl.col("title") if "title" in articles.columns else pl.lit(None, pl.String)).alias("title"),
    )
    out = frame.select("article_id")
    if "credits" in parts:
        out = out.with_columns(
            frame.select(
                pl.struct("text", "outlet")
                .map_elements(lambda r: wire_credits(r["text"], r["outlet"]), return_dtype=pl.List(pl.String))
                .alias("credits")
            )
        )
    if "numbers" in parts:
        out = out.with_columns(
            frame.select(
                pl.col("text")
                .map_elements(lambda t: number_sequence(t)[:TRANSLATION_NUMBERS], return_dtype=pl.List(pl.String))
                .alias("numbers")
            )
        )
    for part, rows, column in (
        ("shingles", lambda: shingles(frame), "shingle"),
        ("names", lambda: article_names(frame), "name"),
    ):
        if part in parts:
            lists = rows().group_by("article_id").agg(pl.col(column).sort().alias(part))
            out = out.join(lists, on="article_id", how="left", maintain_order="left")
    return out


def stored_text_features(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> tuple[pl.DataFrame, int]:
    """The :func:`text_features` of every stored article, computed for the articles that have none yet,
    and how many articles that was.

    They are kept in ``article_features``; rows of another :data:`FEATURE_VERSION` or of articles no
    longer stored are dropped first, and ``full`` drops them all (``corroborate run --relink``). The
    kept rows are a pure function of each article's text, so the result is the same as computing all.
    """
    run_model(con, "article_features_clear", {"version": FEATURE_VERSION, "full": full})
    missing = query_model(con, "article_features_missing")
    if missing.height:
        fresh = text_features(missing).with_columns(pl.lit(FEATURE_VERSION).alias("version"))
        with registered(con, {"_new_article_features": fresh}):
            run_model(con, "article_features_insert")
    return con.table("article_features").select("article_id", *FEATURE_PARTS).pl(), missing.height


def find_copies(
    articles: pl.DataFrame,
    *,
    copy_containment: float = COPY_CONTAINMENT,
    wire_containment: float = WIRE_CONTAINMENT,
    min_shared: int = MIN_SHARED_SHINGLES,
    max_shingle_articles: int = MAX_SHINGLE_ARTICLES,
    features: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """``article_copies`` rows for ``articles`` (article_id, outlet, published_at, text).

    ``article_id`` is the copy, ``copy_of_article_id`` what it copies: the later article, or when dates
    are missing or equal the shorter one (rewrites abridge), then the larger id. ``features`` are the
    articles' :func:`text_features` when the caller has them (the link stage keeps them per article);
    without them they are computed from ``articles``.
    """
    schema = {
        "article_id": pl.String,
        "copy_of_article_id": pl.String,
        "similarity": pl.Float64,
        "method": pl.String,
    }
    if articles.height < 2:
        return pl.DataFrame(schema=schema)
    # A 4-byte document number instead of the 16-character id in the (large) shingle tables.
    docs = articles.select("article_id").with_row_index("doc")
    if features is None:
        sh = shingles(articles.with_row_index("doc"), key="doc")
        credits = articles.select(
            "article_id",
            pl.struct("text", "outlet")
            .map_elements(lambda r: wire_credits(r["text"], r["outlet"]), return_dtype=pl.List(pl.String))
            .alias("credits"),
        )
    else:
        sh = docs.join(features.select("article_id", pl.col("shingles").alias("shingle")), on="article_id")
        sh = sh.select("doc", "shingle").explode("shingle").drop_nulls("shingle")
        credits = features.select("article_id", "credits")
    sizes = sh.group_by("doc").agg(pl.len().alias("n")).join(docs, on="doc").select("article_id", "n")
    # DuckDB streams this join and count; as a polars self-join it held every matching row at once.
    with contextlib.closing(duckdb.connect()) as scratch:
        scratch.register("copy_shingles", sh)
        pairs = query_model(
            scratch, "copy_candidate_pairs", {"max_articles": max_shingle_articles, "min_shared": min_shared}
        )
    pairs = (
        pairs.cast({"doc": pl.UInt32, "doc_b": pl.UInt32})
        .join(docs, on="doc")
        .join(docs.rename({"doc": "doc_b", "article_id": "article_id_b"}), on="doc_b")
        .select("article_id", "article_id_b", "shared")
    )
    if pairs.height == 0:
        return pl.DataFrame(schema=schema)
    meta = (
        articles.select("article_id", "published_at")
        .join(credits, on="article_id", how="left")
        .join(sizes, on="article_id", how="left")
    )
    b_meta = meta.rename({c: f"{c}_b" for c in meta.columns})
    scored = (
        pairs.join(meta, on="article_id")
        .join(b_meta, on="article_id_b")
        .with_columns(
            (pl.col("shared") / pl.min_horizontal("n", "n_b")).alias("similarity"),
            (pl.col("credits").list.set_intersection("credits_b").list.len() > 0).alias("same_wire"),
        )
        .with_columns(
            pl.when(pl.col("similarity") >= copy_containment)
            .then(pl.lit("shingle"))
            .when(pl.col("same_wire") & (pl.col("similarity") >= wire_containment))
            .then(pl.lit("wire_credit"))
            .alias("method")
        )
        .filter(pl.col("method").is_not_null())
    )
    # the copy is the later article; else the shorter; else the larger id
    a_is_copy = (
        pl.when(pl.col("published_at").is_not_null() & pl.col("published_at_b").is_not_null())
        .then(pl.col("published_at") > pl.col("published_at_b"))
        .otherwise(None)
    )
    a_is_copy = (
        pl.when(a_is_copy.is_not_null() & (pl.col("published_at") != pl.col("published_at_b")))
        .then(a_is_copy)
        .when(pl.col("n") != pl.col("n_b"))
        .then(pl.col("n") < pl.col("n_b"))
        .otherwise(pl.col("article_id") > pl.col("article_id_b"))
    )
    return (
        scored.with_columns(a_is_copy.alias("a_is_copy"))
        .select(
            pl.when("a_is_copy").then("article_id").otherwise("article_id_b").alias("article_id"),
            pl.when("a_is_copy").then("article_id_b").otherwise("article_id").alias("copy_of_article_id"),
            pl.col("similarity").round(4),
            "method",
        )
        .cast(schema)  # type: ignore[arg-type]
        .sort("article_id", "copy_of_article_id")
    )


def article_groups(article_ids: list[str], copies: pl.DataFrame) -> pl.DataFrame:
    """One row per article: the group of articles linked to it by copies, directly or not.

    Two rewrites of one dispatch are dependent even when they do not resemble each other enough.
    ``group_id`` is the smallest article_id of the group.
    """
    parent: dict[str, str] = {a: a for a in article_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in copies.select("article_id", "copy_of_article_id").iter_rows():
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return pl.DataFrame(
        {"article_id": list(parent), "group_id": [find(a) for a in parent]},
        schema={"article_id": pl.String, "group_id": pl.String},
    )


@dataclass
class CopySummary:
    """What :func:`build_copies` wrote."""

    pairs: int
    grouped_articles: int


_NUMBER = re.compile(r"\d+(?:[\s.,\u00a0\u202f’']\d{3})*(?:[.,]\d+)?")


def number_sequence(text: str) -> list[str]:
    """The numbers of a text in order, thousands separators and decimal commas normalised:
    "2.012 morts" and "2,012 dead" give the same ``2012``; a translation keeps this sequence."""
    out = []
    for m in _NUMBER.finditer(text):
        raw = re.sub(r"[\s.,\u00a0\u202f’'](?=\d{3}(?:\D|$))", "", m.group())
        out.append(raw.replace(",", "."))
    return out


def _common_subsequence(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two short sequences."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def translation_pairs(articles: pl.DataFrame, features: pl.DataFrame | None = None) -> pl.DataFrame:
    """``article_copies`` rows for articles in different languages that tell one dispatch.

    ``articles``: ``article_id, language, published_at, text``. A translation shares no word bigrams
    with its original, but it keeps its numbers in the same order (dates, tolls, ages, percentages).
    Two articles in different languages, published at most :data:`TRANSLATION_DAYS` apart (or either
    date unknown), are a translation pair when the longest common subsequence of their first
    :data:`TRANSLATION_NUMBERS` numbers holds at least :data:`TRANSLATION_FIGURES` numbers and
    :data:`TRANSLATION_SHARE` of the shorter sequence (``similarity``). Two independent reports of one
    event share its figures, not the order and company of every number around them. When both credit the
    same wire agency (``wire_credits``: a dateline, a credit line, the outlet's "(AFP copy)"), a short
    dispatch and its translation need only :data:`WIRE_TRANSLATION_FIGURES` numbers in order and
    :data:`WIRE_TRANSLATION_SHARE` of the shorter sequence. ``articles`` may carry ``outlet``; ``features``
    are their :func:`text_features` when the caller has them.
    """
    schema = {"article_id": pl.String, "copy_of_article_id": pl.String, "similarity": pl.Float64, "method": pl.String}
    if features is None:
        features = text_features(articles, parts=("numbers", "credits"))
    numbers = (
        articles.select("article_id", "language", "published_at")
        .join(features.select("article_id", "numbers", "credits"), on="article_id", how="left")
        .filter(pl.col("numbers").list.len() >= WIRE_TRANSLATION_FIGURES)
    )
    # candidates share numbers; only those pairs get the (quadratic in their length) sequence comparison
    tokens = numbers.select("article_id", pl.col("numbers").list.unique().alias("number")).explode("number")
    common = tokens.group_by("number").agg(pl.len().alias("df")).filter(pl.col("df") <= MAX_SHINGLE_ARTICLES)
    tokens = tokens.join(common.select("number"), on="number")
    candidates = (
        tokens.join(tokens.rename({"article_id": "article_id_b"}), on="number")
        .filter(pl.col("article_id") < pl.col("article_id_b"))
        .group_by("article_id", "article_id_b")
        .agg(pl.len().alias("shared"))
        .filter(pl.col("shared") >= WIRE_TRANSLATION_FIGURES)
        .join(numbers, on="article_id")
        .join(numbers.rename({c: f"{c}_b" for c in numbers.columns}), on="article_id_b")
        .filter(
            (pl.col("language") != pl.col("language_b"))
            & ((pl.col("published_at") - pl.col("published_at_b")).dt.total_days().abs() <= TRANSLATION_DAYS).fill_null(
                True
            )
        )
        .with_columns((pl.col("credits").list.set_intersection("credits_b").list.len() > 0).alias("same_wire"))
        .filter(pl.col("same_wire") | (pl.col("shared") >= TRANSLATION_FIGURES))
    )
    rows = []
    for a, b, pa, pb, na, nb, same_wire in candidates.select(
        "article_id", "article_id_b", "published_at", "published_at_b", "numbers", "numbers_b", "same_wire"
    ).iter_rows():  # the few candidate pairs; the sequence comparison is not a frame operation
        common_length = _common_subsequence(na, nb)
        share = common_length / min(len(na), len(nb))
        figures, least_share = (
            (WIRE_TRANSLATION_FIGURES, WIRE_TRANSLATION_SHARE)
            if same_wire
            else (
                TRANSLATION_FIGURES,
                TRANSLATION_SHARE,
            )
        )
        if common_length >= figures and share >= least_share:
            later_a = pa is not None and pb is not None and pa > pb
            copy, original = (a, b) if later_a or (pa == pb and a > b) else (b, a)
            rows.append({"article_id": copy, "copy_of_article_id": original, "similarity": round(share, 4)})
    return pl.DataFrame(rows, schema=schema).with_columns(pl.lit("translation").alias("method"))


def _weak_pairs_of_one_time(copies: pl.DataFrame, dates: pl.DataFrame) -> pl.DataFrame:
    """``copies`` without the weak pairs whose articles are dated more than ``WEAK_PAIR_DAYS`` apart.

    A rewrite of one dispatch comes out within days of it; two reports weeks apart that share a wire's
    stock phrases (on real news, 0.16 and 0.21 at two months apart) are two reports. A pair with an
    undated article keeps its benefit of the doubt, as does every strong pair and translation.
    """
    day = dates.select("article_id", pl.col("published_at").alias("day"))
    gap = (
        copies.join(day, on="article_id", how="left")
        .join(day.rename({"article_id": "copy_of_article_id", "day": "other_day"}), on="copy_of_article_id", how="left")
        .with_columns((pl.col("day") - pl.col("other_day")).dt.total_days().abs().alias("gap"))
    )
    keep = (
        (pl.col("similarity") >= GROUP_CONTAINMENT)
        | (pl.col("method") == "translation")
        | pl.col("gap").is_null()
        | (pl.col("gap") <= WEAK_PAIR_DAYS)
    )
    return gap.filter(keep).select(copies.columns)


def build_copies(con: duckdb.DuckDBPyConnection, features: pl.DataFrame | None = None) -> CopySummary:
    """Rebuild ``article_copies``, ``article_groups`` and ``article_dates`` over all stored articles.

    Every pair found is in ``article_copies`` (its two articles never corroborate each other); only
    strong pairs (``similarity >= GROUP_CONTAINMENT``, and translations) chain into ``article_groups``.
    ``features`` are the stored articles' :func:`text_features` (:func:`stored_text_features`); without
    them they are computed here.
    """
    articles = (
        con.table("articles").select("article_id", "outlet", "published_at", "language", "text").pl().sort("article_id")
    )
    copies = pl.concat(
        [find_copies(articles.drop("language"), features=features), translation_pairs(articles, features)]
    ).unique(["article_id", "copy_of_article_id"], keep="first", maintain_order=True)
    copies = _weak_pairs_of_one_time(copies, con.table("articles").select("article_id", "published_at").pl())
    strong = copies.filter((pl.col("similarity") >= GROUP_CONTAINMENT) | (pl.col("method") == "translation"))
    groups = article_groups(articles["article_id"].to_list(), strong)
    frames = {"_article_copies_input": copies, "_article_groups_input": groups}
    with registered(con, frames):
        for model in models_fed_by(frames):
            run_model(con, model)
    grouped = groups.filter(pl.col("group_id") != pl.col("article_id")).height
    return CopySummary(pairs=copies.height, grouped_articles=grouped)
