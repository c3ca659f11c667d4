"""Source scores: how often each outlet's and each official's figures held up, with the uncertainty.

Model. Each decided claim a source answers for is a Bernoulli trial: corroborated (success) or revised
(failure); unresolved claims do not move the score. With a Beta(a0, b0) prior the posterior after
``k`` corroborated and ``r`` revised claims is Beta(a0 + k, b0 + r); ``score`` is its mean and
``[ci_low, ci_high]`` its 90 % equal-tailed credible interval. Sources are ranked by ``ci_low`` so that a
short record cannot outrank a long good one: 1 of 1 gives [0.22, 0.97], 40 of 45 gives [0.79, 0.93].

Prior: Beta(1, 1), the uniform. Officials and outlets are scored by people who want to learn from the
record, not from an assumption that sources are mostly right (or wrong); the interval, not the prior, keeps
small records humble. A source with no decided claim scores 0.5 in [0.05, 0.95].

Methods:

``simple`` (default) counts outcomes as decided by ``sql/models/claim_outcomes.sql``.

``iterative`` weighs the evidence by who gives it, to a fixed point (in the spirit of TruthFinder and of
copy-aware truth discovery). Each corroborating (or forecast-reaching) piece of evidence votes with the
current reliability of its source, each contradicting (or forecast-missing) one likewise; evidence from
the same organisation counts once (its best-trusted claim), and unattributed evidence from articles that
copy each other counts once per copy group, so a wire story reprinted ten times is one voice. A claim's
soft outcome is ``corroborated = s+ (1 - s-)`` and ``revised = s- (1 - s+)``, with ``s± = 1 - Π(1 - w)``
over the votes; a claim its own source withdrew stays fully revised. Reliabilities are the posterior means
from these soft counts, recomputed until they move by less than ``TOLERANCE``. The integer counts in its
rows are the simple method's, the score and interval come from the soft counts.
"""

from __future__ import annotations

import duckdb
import numpy as np
import polars as pl

from corroborate import vocab
from corroborate.db import run_model
from corroborate.models import registered

PRIOR_ALPHA = 1.0
PRIOR_BETA = 1.0
CREDIBLE_MASS = 0.90
METHODS: tuple[str, ...] = ("simple", "iterative")
TOLERANCE = 1e-6
RELAY_DAYS = 2  # a relay is checked against what its source said this many days either way
MAX_ITERATIONS = 100

# What `cli.py score` shows, most read first; the prior is the same for every row (PRIOR_ALPHA, PRIOR_BETA)
# and stays in the source_scores table.
SCORE_COLUMNS = [
    "kind",
    "source",
    "parent",
    "claims",
    "corroborated",
    "revised",
    "unresolved",
    "own",
    "relayed",
    "relayed_wrong",
    "score",
    "ci_low",
    "ci_high",
    "method",
    "run_id",
    "source_id",
]

_POSITIVE = ("corroborates", "reaches")
_NEGATIVE = ("contradicts", "falls_short")


def beta_posterior(
    successes: np.ndarray | pl.Series,
    failures: np.ndarray | pl.Series,
    prior_alpha: float = PRIOR_ALPHA,
    prior_beta: float = PRIOR_BETA,
    mass: float = CREDIBLE_MASS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Posterior mean and equal-tailed credible interval of Beta(prior + successes, prior + failures)."""
    from scipy.stats import beta as beta_dist  # scipy costs ~1 s to import: only when scoring

    a = prior_alpha + np.asarray(successes, dtype=float)
    b = prior_beta + np.asarray(failures, dtype=float)
    tail = (1.0 - mass) / 2.0
    return a / (a + b), beta_dist.ppf(tail, a, b), beta_dist.ppf(1.0 - tail, a, b)


def _simple_weights(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    outcomes = con.table("claim_outcomes").select("claim_id", "outcome").pl()
    return outcomes.select(
        "claim_id",
        (pl.col("outcome") == "corroborated").cast(pl.Float64).alias("corroborated_weight"),
        (pl.col("outcome") == "revised").cast(pl.Float64).alias("revised_weight"),
    )


def iterative_weights(
    con: duckdb.DuckDBPyConnection,
    *,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> tuple[pl.DataFrame, int]:
    """Soft outcomes per claim from reliability-weighted evidence, iterated to a fixed point.

    Returns the ``(claim_id, corroborated_weight, revised_weight)`` frame and the number of iterations.
    The evidence graph is laid out once as integer arrays; each iteration is a few numpy passes over it.
    """
    facts = con.table("claim_facts").select("claim_id", "source_id", "root_id", "group_id", "attributed").pl()
    evidence = con.table("claim_evidence").pl()
    outcomes = con.table("claim_outcomes").select("claim_id", "decided_by_claim_id").pl()
    tree = con.table("source_tree").select("ancestor_id", "source_id").pl()
    claim_sources = con.table("claim_sources").select("claim_id", "source_id", "outlet_id").pl()

    claims = facts.select("claim_id").with_row_index("ci")
    withdrawn_ids = outcomes.join(
        evidence.filter(pl.col("relation") == "corrects"),
        left_on=["claim_id", "decided_by_claim_id"],
        right_on=["claim_id", "evidence_claim_id"],
    )["claim_id"]
    withdrawn = claims["claim_id"].is_in(withdrawn_ids.implode()).to_numpy()
    # who answers for each claim: its speaker, everything above, its outlet
    credited = pl.concat(
        [
            claim_sources.join(tree, on="source_id").select("claim_id", pl.col("ancestor_id").alias("node")),
            claim_sources.select("claim_id", pl.col("outlet_id").alias("node")),
        ]
    ).unique()
    nodes = credited.select("node").unique().sort("node").with_row_index("ni")
    credited = credited.join(claims, on="claim_id").join(nodes, on="node")
    cred_claim = credited["ci"].to_numpy()
    cred_node = credited["ni"].to_numpy()

    # one voice per organisation for attributed evidence, per copy group for an outlet's own figures
    ev_facts = facts.select(
        pl.col("claim_id").alias("evidence_claim_id"),
        pl.when("attributed").then(pl.col("root_id").hash(1)).otherwise(pl.col("group_id").hash(2)).alias("voice"),
        pl.col("source_id").alias("node"),
    )
    edges = (
        evidence.filter(pl.col("relation").is_in(_POSITIVE + _NEGATIVE))
        .join(ev_facts, on="evidence_claim_id")
        .join(claims, on="claim_id")
        .join(nodes, on="node", how="left")
        .select(
            "ci",
            pl.col("relation").is_in(_NEGATIVE).cast(pl.Int64).alias("sign"),
            "voice",
            pl.col("ni").cast(pl.Int64).fill_null(-1),
        )
        .unique()
        .sort("ci", "sign", "voice")
        .with_columns(
            (
                (pl.col("ci") != pl.col("ci").shift())
                | (pl.col("sign") != pl.col("sign").shift())
                | (pl.col("voice") != pl.col("voice").shift())
            )
            .fill_null(True)
            .cum_sum()
            .cast(pl.Int64)
            .alias("vi")
        )
    )
    n_claims, n_nodes = claims.height, nodes.height
    edge_node = edges["ni"].to_numpy()
    edge_voice = edges["vi"].to_numpy() - 1
    voices = edges.group_by("vi").agg(pl.col("ci").first(), pl.col("sign").first()).sort("vi")
    voice_slot = (voices["ci"].to_numpy() * 2 + voices["sign"].to_numpy()).astype(np.int64)
    starts = np.flatnonzero(np.r_[True, edge_voice[1:] != edge_voice[:-1]]) if len(edge_voice) else np.array([], int)

    t = np.full(n_nodes, PRIOR_ALPHA / (PRIOR_ALPHA + PRIOR_BETA))
    corr = np.zeros(n_claims)
    rev = np.zeros(n_claims)
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007
        w = np.where(edge_node >= 0, t[np.maximum(edge_node, 0)], 0.5)
        loud = np.maximum.reduceat(w, starts) if len(starts) else np.zeros(0)
        log_silent = np.bincount(
            voice_slot, weights=np.log1p(-np.clip(loud, 0.0, 1.0 - 1e-12)), minlength=2 * n_claims
        ).reshape(n_claims, 2)
        s_pos, s_neg = 1.0 - np.exp(log_silent[:, 0]), 1.0 - np.exp(log_silent[:, 1])
        corr = np.where(withdrawn, 0.0, s_pos * (1.0 - s_neg))
        rev = np.where(withdrawn, 1.0, s_neg * (1.0 - s_pos))
        k = np.bincount(cred_node, weights=corr[cred_claim], minlength=n_nodes)
        r = np.bincount(cred_node, weights=rev[cred_claim], minlength=n_nodes)
        updated = (PRIOR_ALPHA + k) / (PRIOR_ALPHA + PRIOR_BETA + k + r)
        change = float(np.max(np.abs(updated - t))) if n_nodes else 0.0
        t = updated
        if change < tolerance:
            break
    weights = claims.select(
        "claim_id",
        pl.Series("corroborated_weight", corr, dtype=pl.Float64),
        pl.Series("revised_weight", rev, dtype=pl.Float64),
    )
    return weights, iterations


def score_sources(con: duckdb.DuckDBPyConnection, run_id: str, method: str = "simple") -> int:
    """Score every source for ``run_id`` into ``source_scores``; returns the number of rows written.

    Reads the link stage's tables (``claim_outcomes`` …); scoring a run again with the same method
    replaces its rows. Also (re)creates the ``current_scores`` view.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    weights = _simple_weights(con) if method == "simple" else iterative_weights(con)[0]
    run_model(con, "relay_checks", {"days": RELAY_DAYS})
    with registered(con, {"_claim_weights": weights}):
        run_model(con, "source_counts", {"unknown_outlet": vocab.UNKNOWN_OUTLET})
    counts = con.table("source_counts").pl()
    if method == "simple":
        k, r = counts["corroborated"], counts["revised"]
    else:
        k, r = counts["corroborated_weight"], counts["revised_weight"]
    mean, low, high = beta_posterior(k.to_numpy(), r.to_numpy())
    rows = counts.with_columns(
        pl.Series("score", mean, dtype=pl.Float64),
        pl.Series("ci_low", low, dtype=pl.Float64),
        pl.Series("ci_high", high, dtype=pl.Float64),
        pl.lit(PRIOR_ALPHA).alias("prior_alpha"),
        pl.lit(PRIOR_BETA).alias("prior_beta"),
    )
    with registered(con, {"_scores_input": rows}):
        run_model(con, "source_scores_clear", {"run_id": run_id, "method": method})
        run_model(con, "source_scores_insert", {"run_id": run_id, "method": method})
    run_model(con, "current_scores")
    return rows.height


def rank(frame: pl.DataFrame) -> pl.DataFrame:
    """Best first: by the interval's lower bound, then the mean, then the number of claims."""
    return frame.sort(["ci_low", "score", "claims", "source"], descending=[True, True, True, False])


def scores(
    con: duckdb.DuckDBPyConnection,
    *,
    kind: str | None = None,
    min_claims: int = 0,
    method: str = "simple",
) -> pl.DataFrame:
    """The current scores (latest completed run), ranked; ``kind`` is ``outlet`` or ``official``."""
    if kind is not None and kind not in vocab.SOURCE_KINDS:
        raise ValueError(f"kind must be one of {vocab.SOURCE_KINDS}, not {kind!r}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    try:
        current = con.table("current_scores").pl()
    except duckdb.CatalogException:
        return pl.DataFrame(schema=dict.fromkeys(SCORE_COLUMNS, pl.String))
    names = current.select(pl.col("source_id").alias("parent_id"), pl.col("source").alias("parent")).unique("parent_id")
    frame = current.filter(pl.col("method") == method, pl.col("claims") >= min_claims)
    if kind is not None:
        frame = frame.filter(pl.col("kind") == kind)
    frame = frame.join(names, on="parent_id", how="left")
    return rank(frame).select(SCORE_COLUMNS)
