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

The corpus and the run's predictions are read by :mod:`corroborate.evaluate.corpus`, the error lists and
the reader's views built by :mod:`corroborate.evaluate.views`, copy pairs scored by
:mod:`corroborate.evaluate.copies`; this module matches, scores and prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from corroborate.evaluate.copies import _ratio
from corroborate.evaluate.corpus import Corpus
from corroborate.evaluate.extraction import f1_score, share
from corroborate.evaluate.views import (
    _CHAIN_COLUMNS,
    _extraction_errors,
    _wrong_verdicts,
    attribution_rule_view,
    guard_view,
    merge_view,
    reader_view,
    rule_view,
    split_view,
    unnamed_view,
)
from corroborate.text import fold

OUTCOMES = ("corroborated", "revised", "unresolved")
NO_MATCH = "no match"
VALUE_TOLERANCE = 0.01

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_WORD = re.compile(r"[a-z]{4,}")


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
    guards: pl.DataFrame = field(default_factory=pl.DataFrame)  # per evidence guard: storylines, claims (dev)
    wrong_verdicts: pl.DataFrame = field(default_factory=pl.DataFrame)  # every wrong verdict a reader sees
    attribution_rules: pl.DataFrame = field(default_factory=pl.DataFrame)  # per attribution rule (dev)
    splits: pl.DataFrame = field(default_factory=pl.DataFrame)  # split gold organisations (dev), split_view
    merges: pl.DataFrame = field(default_factory=pl.DataFrame)  # sources merging organisations (dev), merge_view
    unnamed: pl.DataFrame = field(default_factory=pl.DataFrame)  # listed officials credited with no gold claim


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
        report.splits = split_view(best, sources, holdout)
        report.merges = merge_view(best, sources, holdout)
        report.unnamed = unnamed_view(pred, best, sources, holdout)
        report.rules = rule_view(corpus, pred, pairs, holdout)
        report.guards = guard_view(corpus, pred, pairs, holdout)
        report.wrong_verdicts = _wrong_verdicts(corpus, pred, pairs)
    return report


def _guard_lines(guards: pl.DataFrame) -> list[str]:
    """The evidence guards' table of the report (none when no guard fired)."""
    if not guards.height:
        return []
    lines = [
        "",
        "evidence guards on the development storylines (agreement held back): storylines fired, claims touched,"
        " of them gold corroborated",
    ]
    for r in guards.iter_rows(named=True):
        lines.append(
            f"  {r['guard']:<13} {r['storylines']:>2} storylines {r['claims']:>5} claims"
            f" {r['gold_corroborated']:>5} gold corroborated"
        )
    return lines


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
    lines += _guard_lines(report.guards)
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
    if report.splits.height:
        lines.append("\nsplits a reader sees on the development storylines: gold organisation -> system roots")
        lines += [f"  {st}: {org} -> {' | '.join(roots)}" for st, org, roots in report.splits.iter_rows()]
    if report.unnamed.height:
        lines.append("\nofficials a reader sees that no gold claim names (development storylines): official (claims)")
        lines += [f"  {st}: {name} ({n})" for st, name, n in report.unnamed.iter_rows()]
    if report.merges.height:
        lines.append("\nmerges a reader sees on the development storylines: system source -> gold organisations")
        lines += [f"  {source}: {' | '.join(held)}" for source, held in report.merges.iter_rows()]
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
