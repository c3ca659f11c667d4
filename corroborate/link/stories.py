"""Stories: where an article's events happen, and which articles report on one event.

Two signals, both from the article's title and opening:

- its *place*: the country it names most often (``corroborate/lexicons/places.csv``: country names,
  adjectives, capitals and regions in French and English, "Hawaï", "marocain", "Bercy" ...);
- the *rare names* it shares with another article (below), for articles no place names.

A general concept ("deaths", "public_deficit") says what is counted, not where: the toll of a fire in
Hawaii and of an earthquake in Morocco must never be compared. Articles are grouped into stories by the
capitalised words of their title and opening (places, people, institutions), weighted by rarity: two
articles are in one story when the rare names they share weigh at least :data:`STORY_SIMILARITY` of the
two articles' names (tf-idf cosine ≥ :data:`STORY_SIMILARITY`) and they are at most
:data:`STORY_DAYS` apart. Names are folded (accents, case, doubled letters: "Hawaï" = "Hawaii"), so the
French and English reports of one event meet through the names they share ("Lahaina", "Marrakech").

Input and output are polars frames; the grouping is the union-find of ``corroborate.link.copies``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import polars as pl

from corroborate.link.concepts import LEXICON_DIR
from corroborate.text import fold_expr, stem_expr

PLACE_FILE = LEXICON_DIR / "places.csv"
PLACE_CHARS = 1500  # title and opening: where a report says where it happens

STORY_SIMILARITY = 0.12
STORY_DAYS = 45  # articles further apart than this are not one story
OPENING_CHARS = 3000  # names of the title and the opening: the rest of a long page drifts to other topics
MAX_NAME_ARTICLES = 200  # a name in more articles than this finds no pairs (work grows with articles, not pairs)


def article_names(articles: pl.DataFrame) -> pl.DataFrame:
    """``article_id, name``: the distinct folded capitalised words (3+ letters) of each article's opening."""
    opening = pl.concat_str([pl.col("title").fill_null(""), pl.col("text").str.slice(0, OPENING_CHARS)], separator=" ")
    # a capitalised word inside a sentence: sentence-initial words are mostly common words
    inside = r"[^\s.!?«“\"]\s+\p{Lu}[\p{L}'’-]{2,}"
    return (
        articles.select("article_id", opening.str.extract_all(inside).alias("name"))
        .explode("name")
        .drop_nulls("name")
        .with_columns(pl.col("name").str.slice(1).str.strip_chars())
        .with_columns(stem_expr(fold_expr(pl.col("name")).str.replace(r"^[ld]'", "")).alias("name"))
        .filter(pl.col("name").str.len_chars() >= 3)
        .unique()
    )


def story_pairs(
    articles: pl.DataFrame, *, similarity: float = STORY_SIMILARITY, names: pl.DataFrame | None = None
) -> pl.DataFrame:
    """``article_id, copy_of_article_id, similarity`` for every pair of articles of one story.

    ``names`` are the articles' :func:`article_names` (``article_id, name``) when the caller has them.
    """
    names = article_names(articles) if names is None else names
    n = max(articles.height, 1)
    weights = names.group_by("name").agg(pl.len().alias("df")).with_columns((n / pl.col("df")).log().alias("weight"))
    weighted = names.join(weights, on="name")
    norms = weighted.group_by("article_id").agg((pl.col("weight") ** 2).sum().sqrt().alias("norm"))
    rare = weighted.filter((pl.col("df") >= 2) & (pl.col("df") <= MAX_NAME_ARTICLES))
    dates = articles.select("article_id", "published_at")
    pairs = (
        rare.join(rare.select("name", pl.col("article_id").alias("other")), on="name")
        .filter(pl.col("article_id") < pl.col("other"))
        .group_by("article_id", "other")
        .agg((pl.col("weight") ** 2).sum().alias("dot"))
        .join(norms, on="article_id")
        .join(norms.rename({"article_id": "other", "norm": "other_norm"}), on="other")
        .join(dates, on="article_id")
        .join(dates.rename({"article_id": "other", "published_at": "other_published_at"}), on="other")
        # tf-idf cosine of the two articles' names
        .with_columns((pl.col("dot") / (pl.col("norm") * pl.col("other_norm"))).alias("similarity"))
        .filter(
            ((pl.col("published_at") - pl.col("other_published_at")).dt.total_days().abs() <= STORY_DAYS).fill_null(
                True
            )
        )
    )
    return pairs.filter(pl.col("similarity") >= similarity).select(
        "article_id", pl.col("other").alias("copy_of_article_id"), "similarity"
    )


def read_places(path: Path = PLACE_FILE) -> pl.DataFrame:
    """``name, country`` rows of the place lexicon, names folded (``#`` lines are comments)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines))
    return pl.DataFrame(rows, schema={"name": pl.String, "country": pl.String}).with_columns(
        fold_expr(pl.col("name")).alias("name")
    )


def article_places(articles: pl.DataFrame, places: pl.DataFrame | None = None) -> pl.DataFrame:
    """``article_id, country``: the country each article's title and opening name most often (the first
    named among equals); articles that name none are left out."""
    places = read_places() if places is None else places
    names = sorted(places["name"].unique().to_list(), key=len, reverse=True)
    pattern = r"(?:^|[^\p{L}])(" + "|".join(re.escape(n) for n in names) + r")(?:$|[^\p{L}])"
    opening = fold_expr(
        pl.concat_str([pl.col("title").fill_null(""), pl.col("text").str.slice(0, PLACE_CHARS)], separator=" \n ")
    )
    found = (
        articles.select("article_id", opening.str.extract_all(pattern).alias("name"))
        .with_columns(pl.int_ranges(0, pl.col("name").list.len()).alias("position"))
        .explode("name", "position")
        .drop_nulls("name")
        # extract_all keeps the delimiters the pattern needs around a name
        .with_columns(pl.col("name").str.replace_all(r"^[^\p{L}]+|[^\p{L}]+$", ""))
        .join(places, on="name")
    )
    return (
        found.group_by("article_id", "country")
        .agg(pl.len().alias("mentions"), pl.col("position").min().alias("first"))
        .sort(["article_id", "mentions", "first"], descending=[False, True, False])
        .unique("article_id", keep="first")
        .select("article_id", "country")
    )
