"""Source scores on hand-built scenarios in real DuckDB files: counts, the tree, ranking, runs, methods."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from corroborate.score import PRIOR_ALPHA, PRIOR_BETA, beta_posterior, iterative_weights, score_sources, scores
from helpers import RUN, Scenario, load_seeds, text


def row(frame: pl.DataFrame, source: str) -> dict[str, object]:
    found = frame.filter(pl.col("source") == source)
    assert found.height == 1, (source, frame)
    return found.row(0, named=True)


def test_beta_posterior_numbers() -> None:
    mean, low, high = beta_posterior(np.array([1, 40, 0]), np.array([0, 5, 0]))
    assert mean[0] == pytest.approx(2 / 3) and low[0] == pytest.approx(0.05**0.5, abs=1e-9)
    assert mean[1] == pytest.approx(41 / 47)
    assert low[1] > 0.75 > low[0]
    assert (mean[2], low[2], high[2]) == pytest.approx((0.5, 0.05, 0.95))
    assert (PRIOR_ALPHA, PRIOR_BETA) == (1.0, 1.0)


def _record(s: Scenario, source: str, day: str, corroborated: int, revised: int, tag: str) -> None:
    """``source`` states ``corroborated + revised`` figures on distinct quantities; an independent
    observer later agrees with the first ones, and the source itself later corrects the others."""
    n = corroborated + revised
    s.article(f"{tag}-said", text(f"Bilan {tag}: " + ", ".join(f"{100 + i} chars" for i in range(n))), day)
    s.article(f"{tag}-seen", text(f"Observateurs {tag}: " + ", ".join(f"{100 + i}" for i in range(n))), "2024-12-01")
    s.article(f"{tag}-fix", text(f"Rectificatif {tag}: " + ", ".join(f"{900 + i}" for i in range(n))), "2024-12-02")
    for i in range(n):
        subject = f"chars détruits secteur {tag} {i}"
        s.claim(f"{tag}-said", source, 100 + i, span=f"{100 + i}", unit="vehicles", subject=subject)
        if i < corroborated:
            s.claim(
                f"{tag}-seen",
                f"Observatoire {tag}",
                100 + i,
                span=f"{100 + i}",
                unit="vehicles",
                subject=subject,
                source_org=f"Observatoire {tag}",
            )
        else:
            s.claim(f"{tag}-fix", source, 900 + i, span=f"{900 + i}", unit="vehicles", subject=subject)


def test_one_of_one_ranks_below_forty_of_forty_five(scenario: Scenario) -> None:
    s = scenario
    _record(s, "Jean Petit", "2024-10-01", 1, 0, "petit")
    _record(s, "Marie Grande", "2024-10-01", 40, 5, "grande")
    s.link()
    s.complete_run()
    assert score_sources(s.con, RUN) > 0
    ranked = scores(s.con, kind="official")
    names = ranked["source"].to_list()
    assert names.index("Marie Grande") < names.index("Jean Petit")
    grande = row(ranked, "Marie Grande")
    assert (grande["claims"], grande["corroborated"], grande["revised"]) == (50, 40, 5)  # 45 figures and 5 corrections
    petit = row(ranked, "Jean Petit")
    assert petit["score"] < 1 and petit["ci_low"] < grande["ci_low"]
    assert scores(s.con, kind="official", min_claims=10)["source"].to_list().count("Jean Petit") == 0


def test_parent_counts_its_descendants(scenario: Scenario) -> None:
    s = scenario
    c = load_seeds(
        s, outlets={"000": "Le Temps", "001": "Le Temps", "002": "RFI", "003": "Swissinfo", "004": "Sud Ouest"}
    )
    s.link()
    s.complete_run()
    score_sources(s.con, RUN)
    official = scores(s.con, kind="official")
    singh, pentagon, us = (row(official, n) for n in ("Sabrina Singh", "Pentagon", "US government"))
    patel, state = row(official, "Vedant Patel"), row(official, "State Department")
    assert singh["parent"] == "Pentagon" and pentagon["parent"] == "US government"
    # the Pentagon's own two statements; in 003 its 10,000 and its spokesperson's 10,000 are one voice: once
    assert pentagon["claims"] == singh["claims"] + 1
    assert state["claims"] == patel["claims"] == 1
    direct_us = 4  # "Les États-Unis" in 002 (x2), 000 and 001
    assert us["claims"] == pentagon["claims"] + state["claims"] + direct_us
    assert us["revised"] == 1  # "jusqu'à 3 000"
    outlets = scores(s.con, kind="outlet")
    per_article = s.con.execute("SELECT article_id, count(*) FROM claims GROUP BY ALL").fetchall()
    count = dict(per_article)
    assert row(outlets, "Le Temps")["claims"] == count["000"] + count["001"]
    assert row(outlets, "Sud Ouest")["claims"] == count["004"]  # attributed (Patel) and its own figures
    assert set(outlets["kind"]) == {"outlet"}
    assert c  # seeds loaded


def test_current_scores_show_the_latest_completed_run(scenario: Scenario) -> None:
    s = scenario
    _record(s, "Jean Petit", "2024-10-01", 1, 0, "petit")
    s.link()
    s.complete_run("run-1")
    score_sources(s.con, "run-1")
    s.con.execute("INSERT INTO runs (run_id, started_at, status) VALUES ('run-2', current_timestamp, 'running')")
    score_sources(s.con, "run-2")
    assert set(scores(s.con)["run_id"]) == {"run-1"}  # run-2 is still running
    assert (
        score_sources(s.con, "run-1")
        == s.con.execute("SELECT count(*) FROM source_scores WHERE run_id = 'run-1'").fetchall()[0][0]
    )  # type: ignore[index]  # scoring again replaces, never duplicates
    s.con.execute("UPDATE runs SET status = 'completed', ended_at = current_timestamp WHERE run_id = 'run-2'")
    assert set(scores(s.con)["run_id"]) == {"run-2"}
    assert scores(s.con, method="iterative").height == 0  # never computed
    with pytest.raises(ValueError):
        scores(s.con, kind="person")


def test_iterative_method_weighs_evidence_and_discounts_copies(scenario: Scenario) -> None:
    s = scenario
    dispatch = " ".join(f"mot{i} ligne{i} phrase{i}" for i in range(10)).replace("1", "un").replace("2", "deux")
    dispatch = (
        "Le Pentagone estime que les soldats nord-coréens sont environ 10 000 en Russie, selon un bilan que "
        "les journaux reprennent largement dans leurs éditions du jour avec force détails sur les camps."
    )
    # an outlet's own figure: other outlets' own figures may back it (they back no attributed claim)
    s.article("claim", text("Selon nos informations, 10 000 soldats nord-coréens."), "2024-10-20", outlet="Kyiv Post")
    for i, outlet in enumerate(("Journal A", "Journal B", "Journal C")):
        s.article(f"copy{i}", dispatch + f" Édition {outlet}.", "2024-10-28", outlet=outlet)
    s.article("solo", text("Un autre journal compte 10 000 soldats nord-coréens."), "2024-10-28", outlet="Journal D")
    kiev = s.claim("claim", None, 10000, span="10 000")
    for i in range(3):
        s.claim(f"copy{i}", None, 10000, span="10 000", qualifier="approx")
    s.link()
    weights, iterations = iterative_weights(s.con)
    one_voice = weights.filter(pl.col("claim_id") == kiev)["corroborated_weight"].item()
    assert 0 < one_voice < 1 and iterations >= 1
    s.claim("solo", None, 10000, span="10 000")
    s.link()
    weights, _ = iterative_weights(s.con)
    two_voices = weights.filter(pl.col("claim_id") == kiev)["corroborated_weight"].item()
    assert two_voices > one_voice  # an independent outlet adds more than two more copies did
    s.complete_run()
    assert score_sources(s.con, RUN, method="iterative") > 0
    it = scores(s.con, method="iterative")
    assert set(it["method"]) == {"iterative"}
    assert (it["ci_low"] <= it["score"]).all() and (it["score"] <= it["ci_high"]).all()
    with pytest.raises(ValueError):
        score_sources(s.con, RUN, method="magic")
