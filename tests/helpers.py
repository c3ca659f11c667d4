"""Helpers shared by the tests: paths, real CLI processes, read-only queries, hand-built link scenarios.

Claims are written as the extractor produces them (the columns of sql/schema/claims.sql); the seed
scenario uses the five seed articles with the dates of seeds/manifest.csv and the claims the extractor
should find in them. Fixtures live in ``conftest.py``; test modules import from here, never from each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from corroborate.link import link

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RUN = "run-test"


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``cli.py`` in a real process, as a user would."""
    return subprocess.run(
        [sys.executable, "cli.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def query(db_path: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Rows of one statement on a read-only connection to ``db_path``."""
    with contextlib.closing(duckdb.connect(str(db_path), read_only=True)) as con:
        return con.execute(sql, params or []).fetchall()


_WORDS = [
    a + b + c
    for a in ("bal", "cor", "dim", "fen", "gul", "hor")
    for b in ("ant", "eri", "oxu", "umb")
    for c in ("ade", "ise", "on", "uel")
]


def filler(seed: str, n: int = 40) -> str:
    """Words no other article shares in sequence, so that short test articles are not copies."""
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(n)) + "."


@dataclass
class Scenario:
    """Articles and claims written straight into a real database file."""

    con: duckdb.DuckDBPyConnection
    texts: dict[str, str] = field(default_factory=dict)
    counter: int = 0

    def article(
        self,
        article_id: str,
        text: str,
        published_at: str | None,
        *,
        outlet: str = "unknown",
        precision: str | None = "day",
        language: str = "fr",
    ) -> str:
        """Store one article; returns its id."""
        self.texts[article_id] = text
        self.con.execute(
            "INSERT INTO articles (article_id, external_id, outlet, url, title, published_at, "
            "published_precision, language, text, source_path, run_id) "
            "VALUES ($id, $id, $outlet, NULL, NULL, $pub, $prec, $lang, $text, NULL, $run)",
            {
                "id": article_id,
                "outlet": outlet,
                "pub": dt.date.fromisoformat(published_at) if published_at else None,
                "prec": precision if published_at else None,
                "lang": language,
                "text": text,
                "run": RUN,
            },
        )
        return article_id

    def claim(
        self,
        article_id: str,
        source: str | None,
        value: float,
        *,
        span: str | None = None,
        low: float | None = None,
        high: float | None = None,
        qualifier: str = "exact",
        unit: str = "soldiers",
        subject: str | None = "soldats nord-coréens",
        source_org: str | None = None,
        attributed: bool | None = None,
        period: tuple[str | None, str | None] = (None, None),
        occurrence: int = 0,
    ) -> str:
        """Store one claim; ``span`` is found in the article text to set the char offsets."""
        self.counter += 1
        text = self.texts[article_id]
        span = span or f"{value:g}"
        start = -1
        for _ in range(occurrence + 1):
            start = text.find(span, start + 1)
        if start < 0:
            start = 0
        claim_id = hashlib.sha1(f"{article_id}:{start}:{source}:{self.counter}".encode()).hexdigest()[:16]
        outlet = self.con.execute("SELECT outlet FROM articles WHERE article_id = $a", {"a": article_id})
        attributed = (source is not None) if attributed is None else attributed
        self.con.execute(
            "INSERT INTO claims (claim_id, article_id, external_id, source, source_org, attributed, value, "
            "value_low, value_high, qualifier, unit, unit_raw, subject, scope, period_start, period_end, text, "
            "char_start, char_end, confidence, quantity_id, extractor_version, run_id) VALUES ($id, $art, $art, "
            "$source, $org, $attr, $value, $low, $high, $qual, $unit, NULL, $subject, NULL, $ps, $pe, $text, "
            "$cs, $ce, 0.9, NULL, 'test', $run)",
            {
                "id": claim_id,
                "art": article_id,
                "source": source if attributed else (source or outlet.fetchall()[0][0]),  # type: ignore[index]
                "org": source_org,
                "attr": attributed,
                "value": value,
                "low": value if low is None else low,
                "high": value if high is None else high,
                "qual": qualifier,
                "unit": unit,
                "subject": subject,
                "ps": dt.date.fromisoformat(period[0]) if period[0] else None,
                "pe": dt.date.fromisoformat(period[1]) if period[1] else None,
                "text": span,
                "cs": start,
                "ce": start + len(span),
                "run": RUN,
            },
        )
        return claim_id

    def complete_run(self, run_id: str = RUN) -> None:
        """Mark a run completed, as the publish stage does."""
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, ended_at, status) "
            "VALUES ($r, current_timestamp, current_timestamp, 'completed')",
            {"r": run_id},
        )

    def link(self) -> Any:
        return link(self.con)

    def outcome(self, claim_id: str) -> str:
        row = self.con.execute("SELECT outcome FROM claim_outcomes WHERE claim_id = $c", {"c": claim_id}).fetchall()[0]
        assert row is not None, claim_id
        return str(row[0])

    def decided_by(self, claim_id: str) -> str | None:
        row = self.con.execute(
            "SELECT decided_by_claim_id FROM claim_outcomes WHERE claim_id = $c", {"c": claim_id}
        ).fetchall()[0]
        return None if row is None else row[0]

    def quantity(self, claim_id: str) -> str:
        row = self.con.execute("SELECT quantity_id FROM claims WHERE claim_id = $c", {"c": claim_id}).fetchall()[0]
        assert row is not None and row[0] is not None
        return str(row[0])

    def source_name(self, claim_id: str) -> str:
        row = self.con.execute(
            "SELECT s.name FROM claim_sources cs JOIN sources s USING (source_id) WHERE cs.claim_id = $c",
            {"c": claim_id},
        ).fetchall()[0]
        assert row is not None
        return str(row[0])


def text(*parts: str) -> str:
    """An article body: the given sentences and words of its own."""
    return " ".join(parts) + " " + filler(" ".join(parts))


SEED_DATES = {"000": "2024-10-30", "001": "2024-10-29", "002": "2024-10-23", "003": "2024-10-28", "004": "2024-11-12"}
ISW_FR = "Institut américain pour l'étude de la guerre (ISW)"


def load_seeds(s: Scenario, outlets: dict[str, str] | None = None) -> dict[str, str]:
    """The five seed articles (manifest dates) and the claims the extractor should find in them."""
    for path in sorted(SEEDS.glob("*.txt")):
        name = path.name[:3]
        s.article(name, path.read_text(encoding="utf-8"), SEED_DATES[name], outlet=(outlets or {}).get(name, "unknown"))
    c: dict[str, str] = {}
    c["us_3000"] = s.claim(
        "002",
        "Les États-Unis",
        3000,
        span="jusqu’à 3 000 soldats",
        qualifier="at_most",
        subject="soldats nord-coréens en Russie",
    )
    c["us_loan"] = s.claim("002", "Les États-Unis", 20e9, span="20 milliards de dollars", unit="usd", subject="prêt")
    c["nis_12000"] = s.claim(
        "002",
        "sources sud-coréennes",
        12000,
        span="jusqu’à 12000 soldats",
        qualifier="projection",
        low=9600,
        high=12000,
        subject="soldats",
        period=(None, "2024-12-31"),
    )
    c["pentagon_10000"] = s.claim(
        "003", "le Pentagone", 10000, span="environ 10'000 soldats", qualifier="approx", subject="soldats en Russie"
    )
    c["singh_10000"] = s.claim(
        "003",
        "la porte-parole adjointe du Pentagone Sabrina Singh",
        10000,
        span="environ 10'000 soldats",
        occurrence=1,
        qualifier="approx",
        subject="soldats dans l'est de la Russie",
    )
    c["isw_478"] = s.claim(
        "003",
        ISW_FR,
        478,
        span="478 km2",
        unit="km2",
        subject="territoire ukrainien",
        period=("2024-10-01", "2024-10-27"),
    )
    c["isw_477"] = s.claim(
        "003", ISW_FR, 477, span="477", unit="km2", subject=None, period=("2024-08-01", "2024-08-31")
    )
    c["isw_459"] = s.claim(
        "003", ISW_FR, 459, span="459 km2", unit="km2", subject=None, period=("2024-09-01", "2024-09-30")
    )
    c["rutte_600000"] = s.claim(
        "003",
        "Mark Rutte",
        600000,
        span="Plus de 600'000 soldats russes",
        qualifier="at_least",
        unit="casualties",
        subject="soldats russes tués ou blessés",
    )
    c["us_10000_000"] = s.claim(
        "000", "Les États-Unis", 10000, span="environ 10 000 soldats", qualifier="approx", subject="soldats"
    )
    c["zelensky_12000_000"] = s.claim(
        "000",
        "Volodymyr Zelensky",
        12000,
        span="environ 12 000",
        qualifier="projection",
        low=10800,
        high=13200,
        subject="nombre de soldats nord-coréens en Russie",
    )
    c["zelensky_3000_000"] = s.claim(
        "000", "Zelensky", 3000, span="3 000 soldats nord-coréens", subject="soldats nord-coréens"
    )
    c["pentagon_10000_000"] = s.claim(
        "000", "le Pentagone", 10000, span="10 000 soldats nord-coréens", subject="soldats nord-coréens en Russie"
    )
    c["isw_478_000"] = s.claim(
        "000",
        "l'Institut américain pour l'étude de la guerre",
        478,
        span="478 km²",
        unit="km2",
        subject="territoire ukrainien",
        period=("2024-10-01", None),
    )
    c["us_10000_001"] = s.claim("001", "Les États-Unis", 10000, span="10 000 soldats", subject="soldats")
    c["zelensky_12000_001"] = s.claim(
        "001", "Volodymyr Zelensky", 12000, span="12 000 soldats", qualifier="projection", subject="soldats"
    )
    c["zelensky_3000_001"] = s.claim("001", "Volodymyr Zelensky", 3000, span="3 000", subject=None)
    c["isw_478_001"] = s.claim(
        "001",
        "Institut américain pour l’étude de la guerre (ISW)",
        478,
        span="478 km²",
        unit="km2",
        subject="sol ukrainien",
        period=("2024-10-01", None),
    )
    c["outlet_1500"] = s.claim("004", None, 1500, span="1.500 soldats environ", qualifier="approx", subject="soldats")
    c["outlet_10000"] = s.claim("004", None, 10000, span="quasiment 10.000", qualifier="approx", subject=None)
    c["patel_10000"] = s.claim(
        "004", "Vedant Patel", 10000, span="plus de 10.000 soldats", qualifier="at_least", subject="soldats"
    )
    c["outlet_10000_men"] = s.claim(
        "004", None, 10000, span="plus de 10.000 hommes", occurrence=1, qualifier="at_least", subject="hommes"
    )
    return c


# --- extraction ---------------------------------------------------------------------------------


def run(
    ex: Any, text: str, lang: str, published: str | None = "2024-10-28", outlet: str = "AFP"
) -> list[dict[str, Any]]:
    from corroborate.extract.contract import CLAIM_COLUMNS, INPUT_SCHEMA
    from corroborate.extract.version import EXTRACTOR_VERSION

    frame = pl.DataFrame(
        [
            {
                "article_id": "a1",
                "external_id": "x1",
                "outlet": outlet,
                "language": lang,
                "published_at": dt.date.fromisoformat(published) if published else None,
                "text": text,
            }
        ],
        schema=INPUT_SCHEMA,
    )
    out = ex.extract(frame)
    assert tuple(out.columns) == CLAIM_COLUMNS
    rows = out.to_dicts()
    for r in rows:  # offsets index the article text as given
        assert text[r["char_start"] : r["char_end"]] == r["text"]
        assert 0.0 <= r["confidence"] <= 1.0
        assert r["extractor_version"] == EXTRACTOR_VERSION
    return rows


def one(rows: list[dict[str, Any]], value: float) -> dict[str, Any]:
    hits = [r for r in rows if abs(r["value"] - value) < 1e-6]
    assert len(hits) == 1, (value, rows)
    return hits[0]
