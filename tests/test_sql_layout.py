"""The SQL layout: one derived table or view per model file, named after it; statements apart; contracts.

Outside tools read the derived tables (README lists them): their columns are a contract, checked here on
a database the link and score stages filled.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborate import db

CREATES = re.compile(r"^\s*CREATE OR REPLACE (TABLE|VIEW) (\w+)", re.MULTILINE)

# The columns outside tools may rely on, per derived table (more may come; none of these may go).
CONTRACTS: dict[str, set[str]] = {
    "quantities": {"quantity_id", "subject_key", "unit_family", "period_start", "period_end", "label", "claims"},
    "claim_quantities": {"claim_id", "quantity_id", "subject_key", "unit_family", "period_start", "period_end"},
    "claim_outcomes": {"claim_id", "outcome", "decided_by_claim_id", "reason"},
    "claim_evidence": {"claim_id", "evidence_claim_id", "relation"},
    "sources": {"source_id", "name", "kind", "parent_id"},
    "source_aliases": {"alias", "source_id"},
    "article_copies": {"article_id", "copy_of_article_id", "similarity", "method"},
    "article_groups": {"article_id", "group_id"},
    "article_places": {"article_id", "country"},
    "claim_identities": {"claim_id", "identity", "names"},
    "claim_marks": {"claim_id", "is_recap", "is_correction"},
    "relay_checks": {"claim_id", "relayed_wrong", "witness_claim_id"},
    "claim_explanations": {"claim_id", "source", "outcome", "reason", "relation", "evidence_claim_id"},
}


def test_every_model_makes_exactly_the_table_it_is_named_after() -> None:
    for path in sorted(db.MODELS_DIR.glob("*.sql")):
        made = CREATES.findall(path.read_text(encoding="utf-8"))
        assert [name for _, name in made] == [path.stem], path.name


def test_statements_make_no_table() -> None:
    for path in sorted(db.STATEMENTS_DIR.glob("*.sql")):
        assert not CREATES.search(path.read_text(encoding="utf-8")), path.name
    names = {p.stem for p in db.MODELS_DIR.glob("*.sql")} & {p.stem for p in db.STATEMENTS_DIR.glob("*.sql")}
    assert not names  # one name, one file


def test_an_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no SQL model or statement named 'nope'"):
        db.model_sql("nope")


def test_derived_tables_keep_their_columns(tmp_path: Path) -> None:
    from corroborate.link import link
    from corroborate.score import score_sources
    from tests.helpers import RUN, Scenario, load_seeds

    con = db.connect(tmp_path / "c.duckdb")
    try:
        scenario = Scenario(con)
        load_seeds(scenario)
        link(con)
        scenario.complete_run()
        score_sources(con, RUN)
        for table, columns in CONTRACTS.items():
            present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}  # noqa: S608 - fixed names
            assert columns <= present, (table, columns - present)
        assert con.execute("SELECT count(*) FROM quantities").fetchall()[0][0] > 0
    finally:
        con.close()
