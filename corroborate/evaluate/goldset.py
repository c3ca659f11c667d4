"""Score the whole system against a hand-labelled corpus of real news (the ``realnews`` format).

A corpus is a folder of storylines; each storyline folder holds::

    articles/<id>.json       one article record (the project's input format)
    gold_claims.jsonl        one line per attributed figure: article_id (= the record's id), speaker,
                             speaker_org, speaker_aliases, value, value_low, value_high, quote_span,
                             char_start, char_end, other_spans [{span, char_start, char_end}], vague
    gold_outcomes.jsonl      one line per non-vague gold claim: article_id, char_start, char_end, value,
                             value_low, outcome, certainty (clear | arguable)

Matching follows the corpus guide, so that figures compare with those of any other system scored on it:

- a prediction is an *attributed* claim; it matches a gold claim of the same article when the values
  agree (within 1 %, or an interval bound coincides with a gold bound) and its span overlaps the gold
  ``quote_span`` or one of its ``other_spans``;
- recall counts each gold claim once; precision counts a prediction right when it matches a gold claim
  or overlaps a vague one;
- attribution is right when the prediction's source or organisation shares a content word (4+ letters,
  accents folded) or an acronym (2-5 capitals) with the gold speaker, organisation or aliases;
- outcomes: only ``clear`` gold lines count; a gold claim takes the verdict of its best-overlapping
  matched prediction, or ``no match``.

Inputs are polars frames; everything here is independent of how the predictions were made
(:func:`predictions_from_db` reads them from a database written by a run).

It stays whole (about 530 lines): one job, scoring a run against one labelled corpus (its claims, its
verdicts, its copy pairs) and printing that score; each part reads the same loaded corpus.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate.evaluate.extraction import f1_score, share
from corroborate.link.concepts import fold_expr
from corroborate.text import fold

OUTCOMES = ("corroborated", "revised", "unresolved")
NO_MATCH = "no match"
VALUE_TOLERANCE = 0.01

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_WORD = re.compile(r"[a-z]{4,}")


@dataclass(slots=True)
class Corpus:
    """A labelled corpus: its storylines, article folders, gold claims and gold outcomes."""

    root: Path
    storylines: list[str]
    gold_claims: pl.DataFrame
    gold_outcomes: pl.DataFrame

    @property
    def article_dirs(self) -> list[Path]:
        return [self.root / s / "articles" for s in self.storylines]


def is_corpus(path: Path) -> bool:
    """Whether ``path`` is a folder in the corpus format (storyline folders with ``gold_claims.jsonl``)."""
    return path.is_dir() and any(path.glob("*/gold_claims.jsonl"))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


_GOLD_SCHEMA: dict[str, Any] = {
    "gold_id": pl.String,
    "storyline": pl.String,
    "external_id": pl.String,
    "speaker": pl.String,
    "speaker_org": pl.String,
    "speaker_aliases": pl.List(pl.String),
    "value": pl.Float64,
    "value_low": pl.Float64,
    "value_high": pl.Float64,
    "subject": pl.String,
    "quote_span": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "spans": pl.List(pl.Struct({"start": pl.Int64, "end": pl.Int64})),
    "vague": pl.Boolean,
}


def load_corpus(root: str | Path) -> Corpus:
    """Read every storyline folder of ``root`` (sorted by name)."""
    base = Path(root)
    storylines = sorted(p.parent.name for p in base.glob("*/gold_claims.jsonl"))
    if not storylines:
        raise ValueError(f"{base}: no <storyline>/gold_claims.jsonl below it")
    claims: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    for story in storylines:
        for n, g in enumerate(_read_jsonl(base / story / "gold_claims.jsonl")):
            spans = [{"start": g["char_start"], "end": g["char_end"]}]
            spans += [{"start": o["char_start"], "end": o["char_end"]} for o in g.get("other_spans") or []]
            claims.append(
                {
                    "gold_id": f"{story}:{n + 1}",
                    "storyline": story,
                    "external_id": g["article_id"],
                    "speaker": g.get("speaker"),
                    "speaker_org": g.get("speaker_org"),
                    "speaker_aliases": list(g.get("speaker_aliases") or []),
                    "value": g.get("value"),
                    "value_low": g.get("value_low"),
                    "value_high": g.get("value_high"),
                    "subject": g.get("subject"),
                    "quote_span": g.get("quote_span"),
                    "char_start": g["char_start"],
                    "char_end": g["char_end"],
                    "spans": spans,
                    "vague": bool(g.get("vague")),
                }
            )
        outcome_file = base / story / "gold_outcomes.jsonl"
        if outcome_file.exists():
            for o in _read_jsonl(outcome_file):
                outcomes.append(
                    {
                        "external_id": o["article_id"],
                        "char_start": o["char_start"],
                        "char_end": o["char_end"],
                        "value_key": o.get("value") if o.get("value") is not None else o.get("value_low"),
                        "gold_outcome": o["outcome"],
                        "certainty": o.get("certainty", "arguable"),
                    }
                )
    gold = pl.DataFrame(claims, schema=_GOLD_SCHEMA)
    outcome_schema = {
        "external_id": pl.String,
        "char_start": pl.Int64,
        "char_end": pl.Int64,
        "value_key": pl.Float64,
        "gold_outcome": pl.String,
        "certainty": pl.String,
    }
    gold_outcomes = (
        pl.DataFrame(outcomes, schema=outcome_schema)
        .join(
            gold.with_columns(pl.coalesce("value", "value_low").alias("value_key")).select(
                "gold_id", "storyline", "external_id", "char_start", "char_end", "value_key"
            ),
            on=["external_id", "char_start", "char_end", "value_key"],
            how="inner",
        )
        .unique("gold_id", keep="first")
    )
    return Corpus(base, storylines, gold, gold_outcomes)


def name_tokens(*names: str | None) -> set[str]:
    """Content words (4+ letters, accents folded, lower case) and acronyms (2-5 capitals) of names."""
    tokens: set[str] = set()
    for name in names:
        if not name:
            continue
        tokens.update(_ACRONYM.findall(name))
        tokens.update(_WORD.findall(fold(name)))
    return tokens


def match_claims(gold: pl.DataFrame, predicted: pl.DataFrame) -> pl.DataFrame:
    """Every (gold claim, prediction) pair that matches: same article, value agrees, spans overlap.

    ``predicted`` has ``pred_id, external_id, value, value_low, value_high, char_start, char_end``
    (attributed claims only). Returns ``gold_id, pred_id, overlap`` with vague gold claims included.
    """
    spans = gold.select("gold_id", "external_id", "value", "value_low", "value_high", "spans").explode("spans")
    spans = spans.with_columns(
        pl.col("spans").struct.field("start").alias("g_start"), pl.col("spans").struct.field("end").alias("g_end")
    ).drop("spans")
    pred = predicted.select(
        "pred_id",
        "external_id",
        pl.col("value").alias("p_value"),
        pl.col("value_low").alias("p_low"),
        pl.col("value_high").alias("p_high"),
        pl.col("char_start").alias("p_start"),
        pl.col("char_end").alias("p_end"),
    )

    def near(a: pl.Expr, b: pl.Expr) -> pl.Expr:
        return ((a - b).abs() <= VALUE_TOLERANCE * pl.max_horizontal(a.abs(), b.abs())).fill_null(False)

    bounds = [pl.col(g) for g in ("value_low", "value_high")]
    agrees = near(pl.col("value"), pl.col("p_value")) | pl.any_horizontal(
        *(near(g, pl.col(p)) for g in bounds for p in ("p_low", "p_high"))
    )
    overlap = pl.min_horizontal("g_end", "p_end") - pl.max_horizontal("g_start", "p_start")
    return (
        spans.join(pred, on="external_id")
        .with_columns(overlap.alias("overlap"))
        .filter((pl.col("overlap") > 0) & agrees)
        .group_by("gold_id", "pred_id")
        .agg(pl.col("overlap").max())
    )


@dataclass(slots=True)
class Metrics:
    """Extraction and verdict figures for one slice of the corpus."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predictions: int = 0
    attribution_right: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return share(self.correct_predictions, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.found, self.gold)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def attribution(self) -> float:
        return share(self.attribution_right, self.found)

    def verdict(self, outcome: str) -> tuple[float, float, int, int]:
        """Precision, recall, system count and gold count of one outcome over clear gold claims."""
        said = sum(n for (g, s), n in self.confusion.items() if s == outcome)
        right = self.confusion.get((outcome, outcome), 0)
        truth = sum(n for (g, s), n in self.confusion.items() if g == outcome)
        return share(right, said), share(right, truth), said, truth

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "gold": self.gold,
            "found": self.found,
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "attribution": round(self.attribution, 4),
        }
        if self.confusion:
            for outcome in ("revised", "corroborated"):
                p, r, said, truth = self.verdict(outcome)
                out |= {f"{outcome}_precision": round(p, 4), f"{outcome}_recall": round(r, 4)}
        return out


@dataclass(slots=True)
class GoldReport:
    """Metrics per storyline and for the development and held-out slices, and every error."""

    slices: dict[str, Metrics]
    errors: pl.DataFrame  # one row per extraction error: storyline, category, detail
    verdict_errors: pl.DataFrame  # one row per wrong verdict on a clear gold claim, with its chain
    holdout: frozenset[str]
    reader: pl.DataFrame = field(default_factory=pl.DataFrame)  # what a reader sees, per slice (reader_view)
    rules: pl.DataFrame = field(default_factory=pl.DataFrame)  # per verdict reason: storylines, precision
    wrong_verdicts: pl.DataFrame = field(default_factory=pl.DataFrame)  # every wrong verdict a reader sees
    attribution_rules: pl.DataFrame = field(default_factory=pl.DataFrame)  # per attribution rule (dev)


def _attribution_right(matched: pl.DataFrame) -> pl.Series:
    rows = matched.select("speaker", "speaker_org", "speaker_aliases", "source", "source_org").iter_rows()
    return pl.Series(
        "attribution_right",
        [
            bool(name_tokens(s, o, *(a or [])) & name_tokens(ps, po))
            for s, o, a, ps, po in rows  # a few hundred matched pairs: a comprehension reads best
        ],
        dtype=pl.Boolean,
    )


def score_corpus(
    corpus: Corpus,
    predicted: pl.DataFrame,
    *,
    holdout: frozenset[str] = frozenset(),
    outcomes: bool = False,
    sources: pl.DataFrame | None = None,
) -> GoldReport:
    """Score predictions against the corpus.

    ``predicted``: one row per claim with ``external_id, source, source_org, attributed, value, value_low,
    value_high, text, char_start, char_end`` and, with ``outcomes``, ``outcome`` plus the explanation
    columns of :func:`predictions_from_db`. Returns per-storyline slices plus ``dev`` (every storyline
    not in ``holdout``) and ``holdout``. With ``sources`` (:func:`sources_from_db`), also what a reader
    sees (:func:`reader_view`) and, per verdict reason, where it fired (:func:`rule_view`).
    """
    story_of = corpus.gold_claims.select("external_id", "storyline").unique("external_id")
    pred = (
        predicted.filter(pl.col("attributed")).with_row_index("pred_id").join(story_of, on="external_id", how="inner")
    )
    gold = corpus.gold_claims
    pairs = match_claims(gold, pred)
    best = (
        pairs.sort(["gold_id", "overlap", "pred_id"], descending=[False, True, False])
        .unique("gold_id", keep="first")
        .join(gold, on="gold_id")
        .join(pred.drop("storyline", "value", "value_low", "value_high", "char_start", "char_end"), on="pred_id")
    )
    best = best.with_columns(_attribution_right(best))
    strict = best.filter(~pl.col("vague"))
    right_preds = pairs.select("pred_id").unique()

    def slice_names(story: str) -> list[str]:
        return [story, "holdout" if story in holdout else "dev"]

    slices: dict[str, Metrics] = {s: Metrics() for s in [*corpus.storylines, "dev", "holdout"]}
    for story, n in gold.filter(~pl.col("vague")).group_by("storyline").len().iter_rows():
        for name in slice_names(story):
            slices[name].gold += n
    for story, n, right in strict.group_by("storyline").agg(pl.len(), pl.col("attribution_right").sum()).iter_rows():
        for name in slice_names(story):
            slices[name].found += n
            slices[name].attribution_right += int(right)
    pred_counts = pred.with_columns(pl.col("pred_id").is_in(right_preds["pred_id"].implode()).alias("right"))
    for story, n, right in pred_counts.group_by("storyline").agg(pl.len(), pl.col("right").sum()).iter_rows():
        for name in slice_names(story):
            slices[name].predicted += n
            slices[name].correct_predictions += int(right)

    errors = _extraction_errors(gold, pred, strict, right_preds)
    verdict_errors = pl.DataFrame()
    if outcomes:
        judged = (
            corpus.gold_outcomes.filter(pl.col("certainty") == "clear")
            .join(strict.select("gold_id", *_CHAIN_COLUMNS), on="gold_id", how="left")
            .with_columns(pl.col("outcome").fill_null(NO_MATCH))
        )
        for story, g, s, n in judged.group_by("storyline", "gold_outcome", "outcome").len().iter_rows():
            for name in slice_names(story):
                key = (g, s)
                slices[name].confusion[key] = slices[name].confusion.get(key, 0) + n
        verdict_errors = judged.filter(pl.col("gold_outcome") != pl.col("outcome")).join(
            gold.select("gold_id", "quote_span", "speaker"), on="gold_id"
        )
    if not holdout & set(corpus.storylines):
        slices.pop("holdout")
    report = GoldReport(slices, errors, verdict_errors, holdout)
    if "attribution" in pred.columns:
        report.attribution_rules = attribution_rule_view(pred, best, right_preds, holdout)
    if outcomes and sources is not None:
        report.reader = reader_view(corpus, pred, pairs, best, sources, holdout)
        report.rules = rule_view(corpus, pred, pairs, holdout)
        report.wrong_verdicts = _wrong_verdicts(corpus, pred, pairs)
    return report


def _wrong_verdicts(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """Every attributed claim given a verdict no matching gold claim has, with what the gold says instead."""
    gold = _gold_verdicts(corpus, pairs)
    judged = pred.filter(pl.col("outcome").is_in(["revised", "corroborated"]))
    right = judged.join(gold, left_on=["pred_id", "outcome"], right_on=["pred_id", "gold_outcome"], how="semi")
    said = gold.group_by("pred_id").agg(pl.col("gold_outcome").unique().sort().str.join("/").alias("gold_says"))
    return (
        judged.filter(~pl.col("pred_id").is_in(right["pred_id"].implode()))
        .join(said, on="pred_id", how="left")
        .with_columns(pl.col("gold_says").fill_null("no gold claim"))
        .sort("storyline", "external_id", "char_start")
    )


def attribution_rule_view(
    pred: pl.DataFrame, best: pl.DataFrame, right_preds: pl.DataFrame, holdout: frozenset[str]
) -> pl.DataFrame:
    """Per attribution rule (``claims.attribution``), over the development storylines only: in how many
    storylines it credited a figure, how many figures it credited, how many of them are gold claims, and of
    the gold claims it matched best, how many went to the right source."""
    dev = pred.filter(~pl.col("storyline").is_in(sorted(holdout)))
    matched = best.filter(~pl.col("storyline").is_in(sorted(holdout))).select(
        "pred_id", pl.col("attribution_right").cast(pl.Int64)
    )
    return (
        dev.with_columns(pl.col("attribution").fill_null("?"))
        .join(matched, on="pred_id", how="left")
        .with_columns(pl.col("pred_id").is_in(right_preds["pred_id"].implode()).alias("gold"))
        .group_by("attribution")
        .agg(
            pl.col("storyline").n_unique().alias("storylines"),
            pl.len().alias("credited"),
            pl.col("gold").sum().alias("gold"),
            pl.col("attribution_right").is_not_null().sum().alias("matched"),
            pl.col("attribution_right").sum().alias("right"),
        )
        .sort(["credited", "attribution"], descending=[True, False])
    )


def _gold_verdicts(corpus: Corpus, pairs: pl.DataFrame) -> pl.DataFrame:
    """``pred_id, gold_outcome``: every gold outcome (clear or arguable) of the gold claims a prediction matches."""
    return pairs.join(corpus.gold_outcomes.select("gold_id", "gold_outcome"), on="gold_id").select(
        "pred_id", "gold_outcome"
    )


def _slices_of(storyline: pl.Expr, holdout: frozenset[str]) -> pl.Expr:
    """The slices a row of ``storyline`` counts in: its storyline and dev or holdout."""
    return pl.concat_list(
        storyline, pl.when(storyline.is_in(sorted(holdout))).then(pl.lit("holdout")).otherwise(pl.lit("dev"))
    )


def _verdict_precision(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame, by: str) -> pl.DataFrame:
    """Per ``by`` and verdict: every attributed claim given that verdict, and how many match a gold claim with it."""
    gold = _gold_verdicts(corpus, pairs)
    judged = pred.filter(pl.col("outcome").is_in(["revised", "corroborated"])).select("pred_id", by, "outcome")
    right = judged.join(gold, left_on=["pred_id", "outcome"], right_on=["pred_id", "gold_outcome"], how="semi")
    return (
        judged.with_columns(pl.col("pred_id").is_in(right["pred_id"].implode()).alias("right"))
        .group_by(by, "outcome")
        .agg(pl.len().alias("said"), pl.col("right").sum().alias("right"))
    )


def reader_view(
    corpus: Corpus,
    pred: pl.DataFrame,
    pairs: pl.DataFrame,
    best: pl.DataFrame,
    sources: pl.DataFrame,
    holdout: frozenset[str],
) -> pl.DataFrame:
    """What a reader of the scores sees, per slice (GUIDE, "What a reader sees").

    - ``rev_all``/``cor_all``: right/said over **every** attributed claim given that verdict; right when it
      matches a gold claim (clear or arguable) with that outcome.
    - ``named``: right/all over the officials with a claim in the slice (their own or their descendants');
      right when the official, or a source under it, is rightly credited with a matched gold claim.
    - ``splits``: gold organisations whose rightly credited claims sit under two or more system roots.
    - ``merges``: system sources holding rightly credited claims of differently named gold organisations
      of different storylines (bodies of different countries answering for each other).

    ``sources`` is :func:`sources_from_db`: ``source_id, name, kind, root_id, descendant_id``.
    """
    slices = _slices_of(pl.col("storyline"), holdout).alias("slice")
    verdicts = (
        _verdict_precision(corpus, pred, pairs, "storyline")
        .with_columns(slices)
        .explode("slice")
        .group_by("slice", "outcome")
        .agg(pl.col("said").sum(), pl.col("right").sum())
    )
    listed = sources.select(pl.col("descendant_id").alias("source_id")).unique()
    # only claims whose source the scores list: a descriptor that is not listed shows no reader a split
    # a gold organisation is what its name says before any bracket ("County of Maui (Maui Police Department)")
    gold_org = pl.col("speaker_org").fill_null(pl.col("speaker")).str.split(" (").list.first().str.strip_chars()
    credited = (
        best.filter(pl.col("attribution_right"))
        .join(listed, on="source_id", how="semi")
        .select("storyline", "source_id", "root_id", fold_expr(gold_org).alias("org_key"))
    )
    officials = sources.filter(pl.col("kind") == "official")
    claims_of = pred.select("storyline", pl.col("source_id").alias("descendant_id")).unique()
    present = officials.join(claims_of, on="descendant_id").select("storyline", "source_id").unique()
    named_right = (
        officials.join(credited.select("storyline", pl.col("source_id").alias("descendant_id")), on="descendant_id")
        .select("storyline", "source_id")
        .unique()
    )
    named = (
        present.join(named_right.with_columns(pl.lit(True).alias("right")), on=["storyline", "source_id"], how="left")
        .with_columns(slices)
        .explode("slice")
        .group_by("slice")
        .agg(
            pl.col("source_id").n_unique().alias("officials"),
            pl.col("source_id").filter("right").n_unique().alias("named"),
        )
    )
    splits = (
        credited.group_by("storyline", "org_key")
        .agg(pl.col("root_id").n_unique().alias("roots"))
        .filter(pl.col("roots") > 1)
        .with_columns(slices)
        .explode("slice")
        .group_by("slice")
        .agg(pl.len().alias("splits"))
    )
    merged_orgs = (
        credited.group_by("source_id")
        .agg(
            pl.col("storyline").n_unique().alias("storylines"),
            pl.col("org_key").n_unique().alias("orgs"),
            pl.col("storyline").unique().alias("in"),
        )
        .filter((pl.col("storylines") > 1) & (pl.col("orgs") > 1))
        .explode("in")
        .with_columns(_slices_of(pl.col("in"), holdout).alias("slice"))
        .explode("slice")
        .group_by("slice")
        .agg(pl.col("source_id").n_unique().alias("merges"))
    )
    names = [*corpus.storylines, "dev", "holdout"]
    frame = pl.DataFrame({"slice": names})
    for outcome, prefix in (("revised", "rev"), ("corroborated", "cor")):
        part = verdicts.filter(pl.col("outcome") == outcome).select(
            "slice", pl.col("right").alias(f"{prefix}_right"), pl.col("said").alias(f"{prefix}_said")
        )
        frame = frame.join(part, on="slice", how="left")
    frame = frame.join(named, on="slice", how="left").join(splits, on="slice", how="left")
    frame = frame.join(merged_orgs, on="slice", how="left")
    return frame.fill_null(0).filter((pl.col("slice") != "holdout") | pl.lit(bool(holdout & set(corpus.storylines))))


def rule_view(corpus: Corpus, pred: pl.DataFrame, pairs: pl.DataFrame, holdout: frozenset[str]) -> pl.DataFrame:
    """Per verdict reason (the rule that decided it), over the development storylines only: in how many
    storylines it fired, its verdicts and how many of them are right (all-verdict precision).

    The held-out storylines are left out: where a rule fires there is part of their errors.
    """
    dev = pred.filter(~pl.col("storyline").is_in(sorted(holdout)))
    gold = _gold_verdicts(corpus, pairs)
    judged = dev.filter(pl.col("outcome").is_in(["revised", "corroborated"])).select(
        "pred_id", "storyline", "outcome", pl.col("reason").fill_null("?")
    )
    right = judged.join(gold, left_on=["pred_id", "outcome"], right_on=["pred_id", "gold_outcome"], how="semi")
    return (
        judged.with_columns(pl.col("pred_id").is_in(right["pred_id"].implode()).alias("right"))
        .group_by("outcome", "reason")
        .agg(
            pl.col("storyline").n_unique().alias("storylines"),
            pl.len().alias("verdicts"),
            pl.col("right").sum().alias("right"),
        )
        .sort(["outcome", "verdicts", "reason"], descending=[False, True, False])
    )


_CHAIN_COLUMNS = (
    "outcome",
    "source",
    "text",
    "published_at",
    "quantity",
    "reason",
    "relation",
    "evidence_source",
    "evidence_text",
    "evidence_external_id",
    "evidence_published_at",
)


def _extraction_errors(
    gold: pl.DataFrame, pred: pl.DataFrame, strict: pl.DataFrame, right_preds: pl.DataFrame
) -> pl.DataFrame:
    """Misses, false positives and wrong speakers, each with its storyline and category."""
    missed = gold.filter(~pl.col("vague") & ~pl.col("gold_id").is_in(strict["gold_id"].implode())).select(
        "storyline",
        pl.lit("missed").alias("category"),
        pl.col("external_id"),
        pl.format("{} = {} [{}]", pl.col("quote_span"), pl.coalesce("value", "value_low"), pl.col("speaker")).alias(
            "detail"
        ),
    )
    false_positive = pred.filter(~pl.col("pred_id").is_in(right_preds["pred_id"].implode())).select(
        "storyline",
        pl.lit("false positive").alias("category"),
        pl.col("external_id"),
        pl.format("{} = {} [{}]", pl.col("text"), pl.col("value"), pl.col("source")).alias("detail"),
    )
    wrong = strict.filter(~pl.col("attribution_right")).select(
        "storyline",
        pl.lit("wrong speaker").alias("category"),
        pl.col("external_id"),
        pl.format("{}: expected {} ({}), got {} ({})", "text", "speaker", "speaker_org", "source", "source_org").alias(
            "detail"
        ),
    )
    return pl.concat([missed, false_positive, wrong]).sort("storyline", "category", "external_id", "detail")


@dataclass(slots=True)
class CopyScore:
    """Copy pairs found against the labelled ones, within the storylines the labels cover."""

    storylines: list[str]
    labelled: int
    found_strong: int  # pairs that join a copy group
    found_weak: int
    right_strong: int
    right_weak: int
    recalled: int

    def line(self) -> str:
        found, right = self.found_strong + self.found_weak, self.right_strong + self.right_weak
        return (
            f"copy pairs ({', '.join(self.storylines)}): precision {share(right, found):.3f}"
            f" ({right}/{found}; strong {self.right_strong}/{self.found_strong},"
            f" weak {self.right_weak}/{self.found_weak}), recall {share(self.recalled, self.labelled):.3f}"
            f" ({self.recalled}/{self.labelled})"
        )


def _ratio(right: int, said: int) -> str:
    """``right/said (share)``, or ``-`` when nothing was said."""
    return f"{right}/{said} ({share(right, said):.2f})" if said else "-"


def read_copy_pairs(path: Path) -> pl.DataFrame:
    """``storyline, article_id, other_id``: labelled copy pairs (CSV with ``#`` comment lines), unordered."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return pl.read_csv("\n".join(lines).encode(), schema_overrides={c: pl.String for c in ("storyline",)})


def score_copies(con: duckdb.DuckDBPyConnection, labelled: pl.DataFrame, group_containment: float) -> CopyScore:
    """``article_copies`` of a run against ``labelled`` pairs (:func:`read_copy_pairs`)."""
    external = con.table("articles").select("article_id", "external_id").pl()
    found = (
        con.table("article_copies")
        .pl()
        .join(external, on="article_id")
        .join(external.rename({"article_id": "copy_of_article_id", "external_id": "other"}), on="copy_of_article_id")
        .select(
            pl.min_horizontal("external_id", "other").alias("a"),
            pl.max_horizontal("external_id", "other").alias("b"),
            ((pl.col("similarity") >= group_containment) | (pl.col("method") == "translation")).alias("strong"),
        )
        .unique(["a", "b"])
    )
    gold = labelled.select(
        "storyline",
        pl.min_horizontal("article_id", "other_id").alias("a"),
        pl.max_horizontal("article_id", "other_id").alias("b"),
    ).unique(["a", "b"])
    stories = sorted(set(gold["storyline"].to_list()))
    # a pair counts when both its articles belong to a labelled storyline (ids start with the storyline)
    in_scope = found.filter(
        pl.any_horizontal(pl.col("a").str.starts_with(f"{s}_") & pl.col("b").str.starts_with(f"{s}_") for s in stories)
    )
    right = in_scope.join(gold, on=["a", "b"], how="semi")
    return CopyScore(
        storylines=stories,
        labelled=gold.height,
        found_strong=in_scope.filter("strong").height,
        found_weak=in_scope.filter(~pl.col("strong")).height,
        right_strong=right.filter("strong").height,
        right_weak=right.filter(~pl.col("strong")).height,
        recalled=gold.join(found, on=["a", "b"], how="semi").height,
    )


def predictions_from_db(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every stored claim with its verdict and the deciding claim (``claim_explanations``), one row each."""
    return (
        con.table("claim_explanations")
        .pl()
        .join(
            con.table("claims")
            .select("claim_id", "source_org", "attributed", "char_start", "char_end", "attribution")
            .pl(),
            on="claim_id",
        )
        .join(con.table("claim_sources").select("claim_id", "source_id", "root_id").pl(), on="claim_id")
        .sort("claim_id", "decisive", descending=[False, True], nulls_last=True)
        .unique("claim_id", keep="first")
    )


def sources_from_db(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """``source_id, name, kind, root_id, descendant_id``: every source the scores list, with each source under
    it (itself included)."""
    listed = con.sql("SELECT DISTINCT source_id FROM current_scores WHERE claims > 0").pl()
    return (
        con.table("sources")
        .pl()
        .join(listed, on="source_id", how="semi")
        .select("source_id", "name", "kind", "root_id")
        .join(
            con.table("source_tree")
            .pl()
            .select(pl.col("ancestor_id").alias("source_id"), pl.col("source_id").alias("descendant_id")),
            on="source_id",
        )
    )


def format_report(report: GoldReport, *, details: bool = True) -> str:
    """Plain text: a row per slice, the confusion matrix of each verdict slice, then the errors.

    Errors of the held-out storyline are never printed: it stays unseen by whoever tunes the rules.
    """
    lines = [
        f"{'slice':<10} {'gold':>5} {'found':>5} {'pred':>5} {'prec':>6} {'recall':>6} {'f1':>6} {'attrib':>6}"
        f"{'':2}{'rev P':>6} {'rev R':>6} {'cor P':>6} {'cor R':>6}"
    ]
    for name, m in report.slices.items():
        row = (
            f"{name:<10} {m.gold:>5} {m.found:>5} {m.predicted:>5} {m.precision:>6.3f} {m.recall:>6.3f} "
            f"{m.f1:>6.3f} {m.attribution:>6.3f}"
        )
        if m.confusion:
            rp, rr, _, _ = m.verdict("revised")
            cp, cr, _, _ = m.verdict("corroborated")
            row += f"{'':2}{rp:>6.3f} {rr:>6.3f} {cp:>6.3f} {cr:>6.3f}"
        lines.append(row)
    if report.reader.height:
        lines += ["", "what a reader sees (every verdict the scores count; every official they list):"]
        lines.append(
            f"{'slice':<10} {'revised right/said':>19} {'corroborated right/said':>24} {'named sources':>15}"
            f" {'splits':>7} {'merges':>7}"
        )
        for r in report.reader.iter_rows(named=True):
            lines.append(
                f"{r['slice']:<10} {_ratio(r['rev_right'], r['rev_said']):>19}"
                f" {_ratio(r['cor_right'], r['cor_said']):>24}"
                f" {_ratio(r['named'], r['officials']):>15} {r['splits']:>7} {r['merges']:>7}"
            )
    if report.rules.height:
        lines += ["", "verdict rules on the development storylines: storylines fired, verdicts, right"]
        for r in report.rules.iter_rows(named=True):
            lines.append(
                f"  {r['outcome']:<13} {r['reason']:<58} {r['storylines']:>2} storylines"
                f" {_ratio(r['right'], r['verdicts']):>16}"
            )
    if report.attribution_rules.height:
        lines += [
            "",
            "attribution rules on the development storylines: storylines fired, figures credited,"
            " of them gold claims, right source on matched gold claims",
        ]
        for r in report.attribution_rules.iter_rows(named=True):
            lines.append(
                f"  {r['attribution']:<20} {r['storylines']:>2} storylines {r['credited']:>5} credited"
                f" {_ratio(r['gold'], r['credited']):>16} gold {_ratio(r['right'], r['matched']):>16} right source"
            )
    for name in ("dev", "holdout"):
        m = report.slices.get(name) or Metrics()
        if m is None or not m.confusion:
            continue
        columns = [*OUTCOMES, NO_MATCH]
        lines += [
            "",
            f"confusion ({name}, clear gold claims): gold \\ system",
            f"{'':<14}" + "".join(f"{c:>14}" for c in columns),
        ]
        for g in OUTCOMES:
            lines.append(f"{g:<14}" + "".join(f"{m.confusion.get((g, s), 0):>14}" for s in columns))
    if not details:
        return "\n".join(lines)
    visible = ~pl.col("storyline").is_in(sorted(report.holdout))
    errors = report.errors.filter(visible)
    if errors.height:
        counts = errors.group_by("storyline", "category").len().sort("storyline", "category")
        lines += ["", "extraction errors per storyline and category:"]
        lines += [f"  {s:<10} {c:<15} {n:>4}" for s, c, n in counts.iter_rows()]
        for category in ("missed", "false positive", "wrong speaker"):
            rows = errors.filter(pl.col("category") == category)
            if rows.height:
                lines.append(f"\n{category}:")
                lines += [f"  {e}: {d}" for e, d in rows.select("external_id", "detail").iter_rows()]
    if report.wrong_verdicts.height:
        lines.append(
            "\nevery wrong verdict a reader sees (system, gold):"
            " claim -> quantity -> deciding claim -> relation -> reason"
        )
        for r in report.wrong_verdicts.filter(visible).iter_rows(named=True):
            lines.append(
                f"  {r['external_id']}: {r['outcome']} (gold: {r['gold_says']}): {r['source']} {r['text']!r}"
                f" ({r['published_at']}) -> {r['quantity']!r} -> {r['evidence_source']} {r['evidence_text']!r}"
                f" in {r['evidence_external_id']} ({r['evidence_published_at']}) -> {r['relation']} -> {r['reason']}"
            )
    if report.verdict_errors.height:
        wrong = report.verdict_errors.filter(visible).sort("storyline", "external_id")
        lines.append("\nwrong verdicts (gold -> system): claim -> quantity -> deciding claim -> relation -> reason")
        for r in wrong.iter_rows(named=True):
            lines.append(
                f"  {r['external_id']}: {r['gold_outcome']} -> {r['outcome']}: {r['quote_span']!r} [{r['speaker']}]"
            )
            if r["outcome"] != NO_MATCH:
                lines.append(
                    f"      {r['source']} {r['text']!r} ({r['published_at']}) -> quantity {r['quantity']!r}"
                    f" -> {r['evidence_source']} {r['evidence_text']!r} in {r['evidence_external_id']}"
                    f" ({r['evidence_published_at']}) -> {r['relation']} -> {r['reason']}"
                )
    return "\n".join(lines)
