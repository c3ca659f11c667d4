"""What a figure counts is read from the text: the topic list (seeds/subjects.csv) may add synonyms, never decide.

Real articles of a development storyline (read from ../shared/realnews, never copied here) run through the
whole flow twice, with the project's topic list and with an empty one: every claim lands in the same
quantity group and gets the same verdict.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, query, run_cli

STORYLINE = ROOT.parent / "shared" / "realnews" / "maui" / "articles"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not STORYLINE.is_dir(), reason="../shared/realnews is not beside the checkout"),
]


def _verdicts(db: Path) -> set[tuple[str, str, tuple[str, ...]]]:
    """Each claim's outcome and the claims it shares its quantity with (quantity ids themselves may differ)."""
    rows = query(
        db,
        "SELECT c.claim_id, o.outcome, list(p.claim_id ORDER BY p.claim_id) "
        "FROM claims c JOIN claim_outcomes o USING (claim_id) JOIN claims p ON p.quantity_id = c.quantity_id "
        "GROUP BY ALL",
    )
    return {(claim, outcome, tuple(group)) for claim, outcome, group in rows}


def test_verdicts_do_not_depend_on_the_topic_list(tmp_path: Path) -> None:
    no_topics = tmp_path / "subjects.csv"
    no_topics.write_text("term,concept\n", encoding="utf-8")
    with_list, without = tmp_path / "with.duckdb", tmp_path / "without.duckdb"
    for db, extra in ((with_list, []), (without, ["--subjects", str(no_topics)])):
        done = run_cli("run", str(STORYLINE), "--db", str(db), "--quiet", *extra)
        assert done.returncode == 0, done.stderr
    decided = {v for v in _verdicts(with_list) if v[1] != "unresolved"}
    assert decided  # the storyline has verdicts to compare
    assert _verdicts(with_list) == _verdicts(without)
