"""The real-news evaluation (``cli.py eval`` on a corpus folder): its copy-pair score and its options.

The corpus here is written for the test, in the corpus's format (``<storyline>/articles/*.json``,
``gold_claims.jsonl``, ``gold_outcomes.jsonl``); real databases and real runs throughout.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from corroborate.evaluate.copies import score_copies
from corroborate.link.copies import GROUP_CONTAINMENT
from helpers import SEEDS, Scenario, run_cli

DISPATCH = (
    "RABAT (AFP) - Le bilan du séisme au Maroc s'est alourdi à 2 012 morts, a annoncé samedi le ministère de "
    "l'Intérieur, qui fait état de 2 059 blessés. Les secours fouillent les décombres dans les villages de "
    "l'Atlas, où de nombreuses maisons en pisé se sont effondrées. Le roi a décrété trois jours de deuil."
)
OTHER = (
    "Marrakech - Selon les autorités locales, 2 497 personnes ont péri dans le tremblement de terre, un "
    "nouveau bilan publié lundi. Les hôpitaux de la région manquent de sang et les routes restent coupées."
)


def _corpus(root: Path) -> Path:
    story = root / "quake"
    (story / "articles").mkdir(parents=True)
    records = {
        "quake_fr_01_wire": (DISPATCH, "2023-09-09"),
        "quake_fr_02_copy": (DISPATCH + " Avec AFP.", "2023-09-09"),
        "quake_fr_03_local": (OTHER, "2023-09-11"),
    }
    for rid, (text, day) in records.items():
        record = {"id": rid, "outlet": rid.split("_")[-1], "url": None, "published_at": day, "language": "fr",
                  "title": None, "text": text}  # fmt: skip
        (story / "articles" / f"{rid}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    span = "2 012 morts"
    start = DISPATCH.index(span)
    claim = {"article_id": "quake_fr_01_wire", "speaker": "le ministère de l'Intérieur", "speaker_org": "Interior",
             "speaker_aliases": [], "value": 2012, "value_low": None, "value_high": None, "qualifier": "exact",
             "unit": "deaths", "subject": "quake_deaths", "scope": "Morocco", "quote_span": span,
             "char_start": start, "char_end": start + len(span), "other_spans": [], "vague": False}  # fmt: skip
    (story / "gold_claims.jsonl").write_text(json.dumps(claim, ensure_ascii=False) + "\n", encoding="utf-8")
    outcome = {"article_id": "quake_fr_01_wire", "char_start": start, "char_end": start + len(span), "value": 2012,
               "outcome": "unresolved", "certainty": "clear"}  # fmt: skip
    (story / "gold_outcomes.jsonl").write_text(json.dumps(outcome) + "\n", encoding="utf-8")
    return root


def test_copy_pairs_are_scored_against_the_labelled_ones(scenario: Scenario) -> None:
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    for name, body in seeds.items():
        scenario.article(f"seed_{name}", body, "2024-10-20")
    scenario.link()
    labelled = pl.DataFrame(
        {"storyline": ["seed", "seed"], "article_id": ["seed_003", "seed_002"], "other_id": ["seed_000", "seed_004"]}
    )
    score = score_copies(scenario.con, labelled, GROUP_CONTAINMENT)
    # found: 000-003, 001-003, 001-000 (weak rewrites); labelled: 000-003 (found) and 002-004 (not a copy)
    assert (score.found_weak, score.right_weak, score.found_strong) == (3, 1, 0)
    assert (score.labelled, score.recalled) == (2, 1)
    assert "precision 0.333 (1/3" in score.line() and "recall 0.500 (1/2)" in score.line()


@pytest.mark.slow
def test_eval_outcomes_scores_copies_and_keeps_its_database_only_when_asked(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    pairs = tmp_path / "copies.csv"
    pairs.write_text("# labelled\nstoryline,article_id,other_id\nquake,quake_fr_02_copy,quake_fr_01_wire\n")
    kept = tmp_path / "eval.duckdb"
    done = run_cli("eval", str(corpus), "--outcomes", "--copies", str(pairs), "--keep-db", str(kept))
    assert done.returncode == 0, done.stderr
    assert "copy pairs (quake): precision 1.000 (1/1; strong 1/1, weak 0/0), recall 1.000 (1/1)" in done.stdout
    assert kept.is_file()
    again = run_cli("eval", str(corpus), "--outcomes", "--keep-db", str(kept))
    assert again.returncode == 2 and "already exists" in again.stderr  # never reuses, never overwrites
    assert run_cli("eval", str(corpus), "--copies", str(pairs)).returncode == 2  # copies need --outcomes


def _credited(rows: list[tuple[str, str, str, str | None]]) -> pl.DataFrame:
    """Matched gold claims rightly credited: storyline, system source, gold organisation, article country."""
    return pl.DataFrame(
        {
            "storyline": [r[0] for r in rows],
            "source_id": [r[1] for r in rows],
            "speaker": [r[2] for r in rows],
            "speaker_org": [r[2] for r in rows],
            "country": [r[3] for r in rows],
            "attribution_right": [True] * len(rows),
        }
    )


def _sources(tree: dict[str, str]) -> pl.DataFrame:
    """Each listed source (id -> its root id), with itself as its only descendant."""
    return pl.DataFrame(
        {
            "source_id": list(tree),
            "name": [s.title() for s in tree],
            "kind": ["official"] * len(tree),
            "root_id": list(tree.values()),
            "descendant_id": list(tree),
        }
    )


def test_a_merge_joins_bodies_of_two_countries_and_a_split_spreads_one_body() -> None:
    from corroborate.evaluate.views import merge_view, split_view

    best = _credited(
        [
            ("quake", "ministry", "Interior Ministry of Arland", "AR"),
            ("strike", "ministry", "Interior Ministry of Brevia", "BR"),
            ("strike", "government", "Brevia government", "BR"),
            ("strike", "government", "Brevia Labour Ministry", "BR"),  # one country: no merge
            ("flood", "agency", "Weather Office", "AR"),
            ("flood", "office", "Weather Office", "AR"),  # one body under two roots: a split
            ("storm", "ministry", "Interior Ministry of Corvia", "CO"),  # held out: never shown
        ]
    )
    sources = _sources({"ministry": "ministry", "government": "government", "agency": "agency", "office": "office"})
    merges = merge_view(best, sources, frozenset({"storm"}))
    assert merges["source"].to_list() == ["Ministry"]
    assert merges["held"].to_list() == [["AR: Interior Ministry of Arland", "BR: Interior Ministry of Brevia"]]
    splits = split_view(best, sources, frozenset({"storm"}))
    assert splits.select("storyline", "org").rows() == [("flood", "Weather Office")]
    assert splits["roots"].to_list() == [["Agency", "Office"]]


def test_officials_credited_with_no_gold_claim_are_listed_for_the_development_storylines_only() -> None:
    from corroborate.evaluate.views import unnamed_view

    sources = _sources({"ministry": "ministry", "fragment": "fragment", "storm": "storm"})
    pred = pl.DataFrame({"storyline": ["quake", "quake", "flood"], "source_id": ["ministry", "fragment", "storm"]})
    best = _credited([("quake", "ministry", "Interior Ministry of Arland", "AR")])
    unnamed = unnamed_view(pred, best, sources, frozenset({"flood"}))
    assert unnamed.rows() == [("quake", "Fragment", 1)]


def test_guards_are_counted_where_they_held_an_agreement_back_and_what_it_cost() -> None:
    from corroborate.evaluate.corpus import Corpus
    from corroborate.evaluate.views import guard_view

    corpus = Corpus(
        root=Path("."),
        storylines=["quake", "flood", "storm"],
        gold_claims=pl.DataFrame(),
        gold_outcomes=pl.DataFrame({"gold_id": [0, 1], "gold_outcome": ["corroborated", "unresolved"]}),
    )
    pred = pl.DataFrame(
        {
            "pred_id": [10, 11, 12, 13],
            "storyline": ["quake", "flood", "flood", "storm"],
            "guards": [["relays"], ["disputed"], ["disputed", "relays"], ["relays"]],
        }
    )
    pairs = pl.DataFrame({"pred_id": [10, 11], "gold_id": [0, 1]})  # claim 10 is a corroborated gold claim
    guards = guard_view(corpus, pred, pairs, frozenset({"storm"}))  # the held-out storyline is never shown
    assert guards.rows() == [("disputed", 1, 2, 0), ("relays", 2, 2, 1)]
