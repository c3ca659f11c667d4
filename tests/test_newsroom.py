"""The synthetic newsroom: deterministic, truthful about its own text, and faithful to DESIGN.md §5.3."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from benchmarks.newsroom import (
    HARD,
    TOLERANCE,
    Claim,
    Hardness,
    Newsroom,
    claim_interval,
    design_outcomes,
    expected_outcomes,
    generate,
)

ROOT = Path(__file__).resolve().parent.parent
WIRES = {"AFP", "Reuters", "AP"}


@pytest.fixture(scope="module")
def room() -> Newsroom:
    return generate(500, seed=5)


@pytest.fixture(scope="module")
def big() -> Newsroom:
    """Enough articles for every storyline family and every official to show up."""
    return generate(2000, seed=4)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- determinism ---------------------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    generate(150, seed=11).write(tmp_path / "a")
    generate(150, seed=11).write(tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert set(a) >= {"articles.jsonl", "truth/claims.jsonl", "truth/outcomes.jsonl", "truth/reliabilities.csv"}
    assert a == b
    generate(150, seed=12).write(tmp_path / "c")
    assert _files(tmp_path / "c")["articles.jsonl"] != a["articles.jsonl"]


def test_cli_writes_the_same_files_in_another_process(tmp_path: Path) -> None:
    """The command line and the API agree, whatever the interpreter's string-hash seed."""
    out = tmp_path / "cli"
    proc = subprocess.run(
        [sys.executable, "benchmarks/newsroom.py", "--articles", "80", "--out", str(out), "--seed", "3",
         "--lang-mix", "0.4"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"] == 80
    generate(80, seed=3, lang_mix=0.4).write(tmp_path / "api")
    assert _files(out) == _files(tmp_path / "api")


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(10, outlets=3)
    with pytest.raises(ValueError):
        generate(10, lang_mix=1.5)
    proc = subprocess.run(
        [sys.executable, "benchmarks/newsroom.py", "--articles", "10", "--out", str(tmp_path), "--outlets", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "outlets" in proc.stderr


# --- the text and its truth ------------------------------------------------------------------------------


def test_records_follow_the_input_format(tmp_path: Path, room: Newsroom) -> None:
    room.write(tmp_path)
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 500
    for line in lines:
        rec = json.loads(line)
        assert list(rec) == ["id", "outlet", "url", "published_at", "language", "title", "text"]
        assert rec["language"] in ("fr", "en")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["published_at"])
        assert rec["text"] == rec["text"].strip()
        assert unicodedata.is_normalized("NFC", rec["text"])  # offsets survive ingest's NFC
    assert len({json.loads(line)["text"] for line in lines}) == 500  # no duplicate texts
    with (tmp_path / "truth" / "reliabilities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["kind"] for r in rows} == {"official", "outlet"}
    assert all(0 < float(r["p"]) < 1 for r in rows)
    assert len([r for r in rows if r["kind"] == "official"]) == 40
    assert len([r for r in rows if r["kind"] == "outlet"]) == 12
    words = sum(len(a.text.split()) for a in room.articles) / len(room.articles)
    assert 200 <= words <= 500


def test_offsets_point_at_the_figures(room: Newsroom) -> None:
    texts = {a.id: a.text for a in room.articles}
    assert room.claims
    for c in room.claims:
        text = texts[c.article_id]
        assert text[c.char_start:c.char_end] == c.text
        # whole words: the span neither starts nor ends inside one
        assert c.char_start == 0 or not text[c.char_start - 1].isalnum()
        assert c.char_end == len(text) or not text[c.char_end].isalnum()
    for d in room.distractors:
        assert texts[d.article_id][d.char_start:d.char_end] == d.text


def test_every_digit_is_a_claim_or_a_known_distractor(room: Newsroom) -> None:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in room.claims:
        spans[c.article_id].append((c.char_start, c.char_end))
    for d in room.distractors:
        spans[d.article_id].append((d.char_start, d.char_end))
    for a in room.articles:
        for m in re.finditer(r"\d+", a.text):
            assert any(s <= m.start() and m.end() <= e for s, e in spans[a.id]), (a.id, m.group())


def test_phrasing_is_varied(big: Newsroom) -> None:
    room = big
    fr = "\n".join(a.text for a in room.articles if a.language == "fr")
    en = "\n".join(a.text for a in room.articles if a.language == "en")
    for needle in ("«", "selon ", "Selon ", "D'après", "a-t-", " que ", "\u00a0", "Au total"):
        assert needle in fr, needle
    for needle in ("according to", "According to", '," ', " added", " said that ", "By our count"):
        assert needle in en, needle
    spans = [c.text for c in room.claims]
    assert any(re.search(r"\d\u202f\d", s) for s in spans)
    assert any(re.search(r"\d'\d{3}", s) for s in spans)
    assert any(re.search(r"\d\.\d{3}\b", s) for s in spans)
    assert any(re.search(r"\d,\d{3}", s) for s in spans)
    assert any(re.search(r"milliards? d|millions? d", s) for s in spans)
    assert any(re.search(r"[$€]\d+(\.\d+)?(bn|m)\b", s) for s in spans)
    assert any(re.search(r"\b(million|billion)\b", s) for s in spans)
    assert any(not re.search(r"\d", s) for s in spans)  # number words
    assert {c.qualifier for c in room.claims} == set(TOLERANCE)
    assert {d.kind for d in room.distractors} >= {"date", "year", "age", "duration", "ordinal", "multiple"}
    assert {c.attributed for c in room.claims} == {True, False}
    assert len({c.published_at[:7] for c in room.claims}) >= 5


def test_lang_mix_and_copy_share_are_as_asked() -> None:
    for lang_mix, copy_share in ((0.3, 0.2), (0.7, 0.4)):
        r = generate(600, seed=2, lang_mix=lang_mix, copy_share=copy_share)
        assert len(r.articles) == 600
        stats = r.stats()
        assert abs(stats["french_share"] - lang_mix) < 0.05
        assert abs(stats["copy_share"] - copy_share) < 0.02
    only_fr = generate(60, seed=1, lang_mix=1.0)
    assert {a.language for a in only_fr.articles} == {"fr"}
    assert len(only_fr.articles) == 60


def test_copies_republish_a_wire_dispatch(room: Newsroom) -> None:
    by_id = {a.id: a for a in room.articles}
    copies = [a for a in room.articles if a.copy_of]
    assert copies
    for a in copies:
        assert a.copy_of is not None
        orig = by_id[a.copy_of]
        assert orig.outlet in WIRES and orig.copy_of is None
        assert a.agency == orig.outlet and a.outlet not in WIRES
        assert a.language == orig.language and a.published_at >= orig.published_at
        assert a.title != orig.title and a.text != orig.text
        assert orig.outlet in a.text[-40:]  # the credit line
    # every figure of a copy is a figure of its dispatch, marked as such
    planted = {(c.article_id, c.statement_id) for c in room.claims}
    for c in room.claims:
        if c.copy_of:
            assert (c.copy_of, c.statement_id) in planted
            assert by_id[c.article_id].copy_of == c.copy_of


def test_officials_are_right_about_as_often_as_their_reliability(big: Newsroom) -> None:
    r = big
    statements: dict[str, Claim] = {c.statement_id: c for c in r.claims if c.attributed}
    tally: dict[str, list[bool]] = defaultdict(list)
    for c in statements.values():
        tally[c.source_id].append(c.right)
    p = {s.source_id: s.p for s in r.sources}
    # pooled over every statement: right as often as the reliabilities say (z-score of the difference)
    diff = sum(sum(rights) - p[sid] * len(rights) for sid, rights in tally.items())
    var = sum(p[sid] * (1 - p[sid]) * len(rights) for sid, rights in tally.items())
    assert abs(diff) < 4 * var**0.5
    # per official: the share of right statements follows p
    pairs = [(p[sid], sum(rights) / len(rights)) for sid, rights in tally.items() if len(rights) >= 15]
    assert len(pairs) >= 20
    assert float(np.corrcoef(np.array(pairs).T)[0, 1]) > 0.7


# --- outcome rules on a world small enough to check by hand ----------------------------------------------


def _claim(cid: str, article: str, source: str, root: str, day: int, value: int, qualifier: str = "exact",
           low: int | None = None, high: int | None = None, quantity: str = "q", copy_of: str | None = None,
           right: bool = True) -> Claim:
    return Claim(
        claim_id=cid, article_id=article, char_start=0, char_end=1, text="x", value=value,
        value_low=value if low is None else low, value_high=value if high is None else high, qualifier=qualifier,
        unit="soldiers", source=source, source_id=source, source_kind="official", source_org=root,
        source_root=root, attributed=True, quantity_id=quantity, statement_id=cid, right=right, true_value=0,
        published_at=f"2024-10-{day:02d}", language="fr", outlet="o", copy_of=copy_of,
    )


def test_outcome_rules_by_hand() -> None:
    claims = [
        # q1: Singh says 10,000 on the 1st; ISW says about 10,500 on the 3rd: independent, compatible, later.
        _claim("singh", "a1", "Singh", "US government", 1, 10000, quantity="q1"),
        _claim("isw", "a2", "ISW", "ISW", 3, 10500, "approx", quantity="q1"),
        # q2: a dispatch and its republication corroborate nothing, even credited to different roots.
        _claim("wire", "a3", "Kovalenko", "Ukrainian government", 1, 500, quantity="q2"),
        _claim("copy", "a4", "Le Matin", "Le Matin", 2, 500, quantity="q2", copy_of="a3"),
        # q3: two speakers of one government are not independent.
        _claim("pentagon", "a5", "Pentagon", "US government", 1, 100, quantity="q3"),
        _claim("state", "a6", "State Department", "US government", 2, 100, quantity="q3"),
        # q4: a wrong figure, then the standing one from two independent sources.
        _claim("wrong", "a7", "Mironov", "Russian government", 1, 2000, quantity="q4", right=False),
        _claim("stand1", "a8", "OCHA", "UN", 5, 1000, quantity="q4"),
        _claim("stand2", "a9", "NATO", "NATO", 6, 1000, "approx", quantity="q4"),
        # q5: a source correcting itself revises its own earlier figure, corroborated or not.
        _claim("first", "a10", "Varga", "EU", 1, 300, quantity="q5"),
        _claim("second", "a11", "Varga", "EU", 3, 900, quantity="q5"),
        # q6: same day corroborates; same day never revises.
        _claim("x", "a12", "Brandt", "UK", 1, 50, quantity="q6"),
        _claim("y", "a13", "Sato", "Japan", 1, 50, quantity="q6"),
        _claim("z", "a14", "Osei", "Ghana", 1, 80, quantity="q6"),
        # q7: an earlier claim never corroborates a later one; "more than 500" meets a later 900.
        _claim("late", "a15", "Duval", "France", 9, 700, quantity="q7"),
        _claim("over", "a16", "Novak", "Czechia", 2, 500, "at_least", quantity="q7"),
        _claim("nine", "a17", "Okafor", "Nigeria", 4, 900, quantity="q7"),
        # q8: a range meets a point inside it; "about" allows 10 %, not 20 %.
        _claim("range", "a18", "Bauer", "Germany", 1, 450, "range", low=400, high=500, quantity="q8"),
        _claim("inside", "a19", "Quist", "Sweden", 2, 480, quantity="q8"),
        _claim("about", "a20", "Lindqvist", "Norway", 1, 1000, "approx", quantity="q9"),
        _claim("near", "a21", "Ferreira", "Brazil", 2, 1080, quantity="q9"),
        _claim("far", "a22", "Sato", "Japan", 2, 1200, quantity="q9"),
    ]
    got = {o.claim_id: o.outcome for o in expected_outcomes(claims)}
    assert got == {
        "singh": "corroborated", "isw": "unresolved",
        "wire": "unresolved", "copy": "unresolved",
        "pentagon": "unresolved", "state": "unresolved",
        "wrong": "revised", "stand1": "corroborated", "stand2": "unresolved",
        "first": "revised", "second": "unresolved",
        "x": "corroborated", "y": "corroborated", "z": "unresolved",
        "late": "unresolved", "over": "corroborated", "nine": "unresolved",
        "range": "corroborated", "inside": "unresolved",
        "about": "corroborated", "near": "unresolved", "far": "unresolved",
    }
    evidence = {o.claim_id: o.evidence for o in expected_outcomes(claims)}
    assert evidence["wrong"] == ["stand1"]  # stand2 is not (yet) corroborated, so it does not stand
    assert evidence["singh"] == ["isw"]


def _naive_outcomes(claims: list[Claim]) -> dict[str, str]:
    """The rules of DESIGN.md §5.3 spelled out pair by pair, to check the vectorised version."""

    def meet(a: Claim, b: Claim) -> bool:
        alo, ahi = claim_interval(a.qualifier, a.value_low, a.value_high, TOLERANCE[a.qualifier])
        blo, bhi = claim_interval(b.qualifier, b.value_low, b.value_high, TOLERANCE[b.qualifier])
        return alo <= bhi and blo <= ahi

    def independent(a: Claim, b: Claim) -> bool:
        return (a.copy_of or a.article_id) != (b.copy_of or b.article_id) and a.source_root != b.source_root

    by_q: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_q[c.quantity_id].append(c)
    corroborated = {
        c.claim_id: any(o is not c and independent(c, o) and meet(c, o) and o.published_at >= c.published_at
                        for o in by_q[c.quantity_id])
        for c in claims
    }
    out = {}
    for c in claims:
        revised = any(o.published_at > c.published_at and not meet(c, o)
                      and (o.source_id == c.source_id or corroborated[o.claim_id]) for o in by_q[c.quantity_id])
        out[c.claim_id] = "revised" if revised else "corroborated" if corroborated[c.claim_id] else "unresolved"
    return out


def test_generated_truth_follows_the_rules(room: Newsroom) -> None:
    outcomes = {o.claim_id: o.outcome for o in room.outcomes}
    assert [o.claim_id for o in room.outcomes] == [c.claim_id for c in room.claims]
    assert outcomes == _naive_outcomes(room.claims)
    tally = Counter((c.right, outcomes[c.claim_id]) for c in room.claims)
    # right figures are never revised, wrong ones never corroborated; most wrong ones are revised
    assert tally[(True, "revised")] == 0 and tally[(False, "corroborated")] == 0
    assert tally[(False, "revised")] > 3 * tally[(False, "unresolved")]
    assert tally[(True, "corroborated")] > 3 * tally[(True, "unresolved")]
    # the verdicts do not hinge on the tolerance an implementation picks (up to the 15 % margin)
    for tol in (dict.fromkeys(TOLERANCE, 0.15), {**dict.fromkeys(TOLERANCE, 0.0), "approx": 0.05,
                                                  "projection": 0.05}):
        assert [o.outcome for o in expected_outcomes(room.claims, tol)] == [o.outcome for o in room.outcomes]


def test_right_figures_contain_the_truth_and_wrong_ones_miss_it_clearly(room: Newsroom) -> None:
    for c in room.claims:
        lo, hi = claim_interval(c.qualifier, c.value_low, c.value_high, 0.05 if c.qualifier in
                                ("approx", "projection") else 0.0)
        if c.right:
            assert lo <= c.true_value <= hi, c
        else:
            wlo, whi = claim_interval(c.qualifier, c.value_low, c.value_high, 0.15)
            assert not wlo <= c.true_value * 1.15 or not c.true_value * 0.85 <= whi, c


def test_copies_alone_never_corroborate(room: Newsroom) -> None:
    """Dropping every claim but a dispatch's and its copies' leaves nothing corroborated."""
    by_group: dict[str, list[Claim]] = defaultdict(list)
    for c in room.claims:
        by_group[c.copy_of or c.article_id].append(c)
    groups = [g for g in by_group.values() if any(c.copy_of for c in g)]
    assert groups
    for g in groups[:50]:
        assert {o.outcome for o in expected_outcomes(g)} <= {"unresolved", "revised"}
        if len({c.source_root for c in g}) > 1:  # even across roots, one story told once is one story
            moved = [replace(c, quantity_id="same") for c in g]
            assert "corroborated" not in {o.outcome for o in expected_outcomes(moved)}


def test_the_corpus_ingests_cleanly_and_offsets_survive(tmp_path: Path, room: Newsroom) -> None:
    """Every record is stored, and the truth's offsets index ``articles.text`` as ingest keeps it."""
    from corroborate.ingest import read_records

    room.write(tmp_path)
    articles, log = read_records([tmp_path / "articles.jsonl"])
    assert log["status"].to_list() == ["stored"] * len(room.articles)
    texts = dict(zip(articles["external_id"].to_list(), articles["text"].to_list(), strict=True))
    for c in room.claims:
        assert texts[c.article_id][c.char_start:c.char_end] == c.text
    langs = dict(zip(articles["external_id"].to_list(), articles["language"].to_list(), strict=True))
    assert all(langs[a.id] == a.language for a in room.articles)


# --- hard mode: what real news does ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hard_room() -> Newsroom:
    return generate(1500, seed=7, hard=True)


def test_hard_mode_is_deterministic_and_leaves_the_plain_newsroom_alone(tmp_path: Path) -> None:
    generate(300, seed=11, hard=True).write(tmp_path / "a")
    generate(300, seed=11, hard=True).write(tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    plain = generate(300, seed=11)
    assert "hard" not in plain.params and all(a.published_at for a in plain.articles)
    assert not any(c.is_recap or c.kind or c.tags for c in plain.claims)
    off = generate(300, seed=11, hard=Hardness())
    assert [a.text for a in off.articles] == [a.text for a in plain.articles]


def test_hard_options_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    proc = subprocess.run(
        [sys.executable, "benchmarks/newsroom.py", "--articles", "200", "--out", str(out), "--seed", "3", "--hard",
         "--undated", "0.5", "--tolls", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    generate(200, seed=3, hard=replace(HARD, undated=0.5, tolls=1)).write(tmp_path / "api")
    assert _files(out) == _files(tmp_path / "api")
    with pytest.raises(ValueError):
        generate(10, hard=replace(HARD, undated=1.5))


def test_hard_corpus_plants_every_category(hard_room: Newsroom) -> None:
    tags = Counter(t for c in hard_room.claims for t in c.tags.split(",") if t)
    for tag in ("translation", "name-acronym", "name-full", "name-desc", "undated-url", "undated-header",
                "undated-none", "toll", "correction", "recap", "partial"):
        assert tags[tag] >= (2 if tag == "correction" else 5), (tag, tags)
    texts = {a.id: a.text for a in hard_room.articles}
    for c in hard_room.claims:  # offsets hold whatever was added
        assert texts[c.article_id][c.char_start:c.char_end] == c.text


def test_translations_keep_the_figures_in_order(hard_room: Newsroom) -> None:
    by_id = {a.id: a for a in hard_room.articles}
    values: dict[str, list[int]] = defaultdict(list)
    for c in sorted(hard_room.claims, key=lambda c: (c.article_id, c.char_start)):
        values[c.article_id].append(c.value)
    translations = [a for a in hard_room.articles if a.translated]
    assert len(translations) >= 20
    for a in translations:
        assert a.copy_of is not None
        orig = by_id[a.copy_of]
        assert orig.language != a.language and orig.outlet in {"AFP", "Reuters", "AP"}
        assert values[a.id] == values[orig.id]


def test_undated_records_give_their_date_as_planted(tmp_path: Path, hard_room: Newsroom) -> None:
    from corroborate.ingest.dates import inferred_date

    undated = [a for a in hard_room.articles if a.undated]
    assert 0.2 < len(undated) / len(hard_room.articles) < 0.4
    for a in undated:
        assert a.record()["published_at"] is None
        found = inferred_date(a.url, a.title, a.text)
        assert found == (None if a.undated == "none" else a.published_at), (a.id, a.undated, found)
    # an undated copy holds its group's earliest known date; a lone undated article holds none
    for c in hard_room.claims:
        if "undated-none" in c.tags:
            assert (c.dated_at is not None) == ("dated-by-copy" in c.tags)
            if c.dated_at is None:
                assert {o.outcome for o in hard_room.outcomes if o.claim_id == c.claim_id} <= {
                    "unresolved", "revised"}


def test_running_tolls_grow_and_corrections_recall_the_wrong_figure(hard_room: Newsroom) -> None:
    tolls = [c for c in hard_room.claims if c.kind == "count"]
    outcome = {o.claim_id: o for o in hard_room.outcomes}
    by_q: dict[str, list[Claim]] = defaultdict(list)
    for c in tolls:
        by_q[c.quantity_id].append(c)
    for cs in by_q.values():
        assert len({c.true_value for c in cs}) >= 3  # it grows
    fixes = [c for c in tolls if c.is_correction and not c.is_recap]
    assert fixes
    for fix in fixes:
        recap = [c for c in tolls if c.article_id == fix.article_id and c.is_recap]
        assert recap and recap[0].value > fix.value and not recap[0].right
        assert outcome[recap[0].claim_id].outcome == "revised"
    # growth alone revises nothing: every revised toll figure is a wrong one, or a recap of one
    assert all(not c.right for c in tolls if outcome[c.claim_id].outcome == "revised")


def test_partial_periods_are_their_own_quantities(hard_room: Newsroom) -> None:
    partial = {q.quantity_id: q for q in hard_room.quantities if q.from_day is not None}
    assert partial
    whole = {q.quantity_id: q for q in hard_room.quantities if q.from_day is None}
    for qid, q in partial.items():
        twin = whole[qid.rsplit("-", 2)[0]]
        assert q.scope_start == twin.scope_start and q.scope_end < twin.scope_end
        assert q.true_value < twin.true_value * 0.85  # a merge would make them disagree
    assert any(c.quantity_id in partial for c in hard_room.claims)


def test_design_rules_by_hand() -> None:
    def toll(cid: str, art: str, src: str, day: int, value: int, **kw: object) -> Claim:
        return replace(_claim(cid, art, src, src, day, value, quantity="t"), kind="count", **kw)  # type: ignore[arg-type]

    claims = [
        # a toll that grows: 55 -> 67 -> 115, each the count of its day, corroborated within two days
        toll("a55", "t1", "Ministry", 1, 55), toll("b55", "t2", "ICRC", 2, 55),
        toll("a67", "t3", "Ministry", 3, 67), toll("a115", "t4", "Ministry", 6, 115),
        # a wrong count, corrected three days later with the figure it replaces recalled
        toll("w300", "t5", "OCHA", 6, 300, right=False),
        toll("fix", "t6", "OCHA", 9, 140, is_correction=True),
        toll("recalled", "t6", "OCHA", 9, 300, is_recap=True, is_correction=True),
        # an undated article's figure: no verdict that depends on order, and evidence for nobody
        toll("undated", "t7", "Red Crescent", 3, 67, dated_at=None),
        # a recap of an earlier day's count, without a correction, supersedes nothing
        toll("rise", "t8", "ICRC", 6, 115), toll("was", "t8", "ICRC", 6, 67, is_recap=True),
    ]
    got = {o.claim_id: o.outcome for o in design_outcomes(claims)}
    assert got == {
        "a55": "corroborated", "b55": "corroborated", "a67": "unresolved", "a115": "corroborated",
        "w300": "revised", "fix": "unresolved", "recalled": "revised", "undated": "unresolved",
        "rise": "corroborated", "was": "unresolved",
    }
    # a recap in a later article: held before it, backs nothing, replaced by the article's own figure
    flat = [
        _claim("old", "a1", "Singh", "US", 1, 10000, quantity="q"),
        _claim("new", "a2", "Kovalenko", "UA", 5, 12000, quantity="q"),
        replace(_claim("recap", "a2", "Kovalenko", "UA", 5, 10000, quantity="q"), is_recap=True),
        _claim("isw", "a3", "ISW", "ISW", 6, 12000, quantity="q"),
    ]
    got = {o.claim_id: o.outcome for o in design_outcomes(flat)}
    assert got == {"old": "revised", "new": "corroborated", "recap": "revised", "isw": "unresolved"}
