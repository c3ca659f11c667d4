"""Measure the extractor against a labelled set (``tests/labels/*.jsonl``).

A label file holds one JSON object per passage or article::

    {"id", "language", "published_at", "text",
     "claims": [{"value", "text", "source", "source_org", "qualifier", "unit",
                 "value_low"?, "value_high"?, "char_start"?}]}

``source: null`` marks a figure the text credits to nobody (the outlet's own). A labelled claim is
found in the passage by ``char_start`` when given, else by its ``text`` (the k-th label with the same
text is the k-th occurrence). A predicted claim matches a labelled one when the values are equal (or
the ``value_low``/``value_high`` pair is, for ranges) and the spans overlap; matching is one-to-one.
Attribution is right when the matched prediction names the same source: names compare case- and
accent-insensitively, ignoring determiners; a person may be named by surname only; a shorter name
whose words are all in the longer one also matches ("Pentagon" / "the Pentagon").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from corroborate.evaluate.corpus import read_jsonl
from corroborate.extract.cues import words
from corroborate.text import fold

LABEL_OUTLET = "labelled-outlet"

_STOP = frozenset(words("le la les l de du des d the of a an un une for pour"))


def share(part: int, whole: int) -> float:
    """``part / whole``, or 1.0 for an empty whole (nothing to find, nothing wrong)."""
    return part / whole if whole else 1.0


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Counts:
    """Figure matching and attribution counts for one slice (a language, or everything)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attribution_right: int = 0

    @property
    def precision(self) -> float:
        return share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def attribution(self) -> float:
        return share(self.attribution_right, self.tp)


@dataclass(slots=True)
class EvalReport:
    """Scores overall and per language, and every error for debugging."""

    overall: Counts = field(default_factory=Counts)
    by_language: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)  # labelled, not found
    false_positives: list[dict[str, Any]] = field(default_factory=list)  # found, not labelled
    wrong_sources: list[dict[str, Any]] = field(default_factory=list)  # matched, wrong source
    passages: int = 0

    def as_dict(self) -> dict[str, Any]:
        def c(x: Counts) -> dict[str, Any]:
            return {
                "tp": x.tp,
                "fp": x.fp,
                "fn": x.fn,
                "precision": x.precision,
                "recall": x.recall,
                "f1": x.f1,
                "attribution": x.attribution,
            }

        return {
            "passages": self.passages,
            "overall": c(self.overall),
            "by_language": {k: c(v) for k, v in sorted(self.by_language.items())},
            "misses": self.misses,
            "false_positives": self.false_positives,
            "wrong_sources": self.wrong_sources,
        }


def load_labels(path: str | Path) -> list[dict[str, Any]]:
    """Labelled passages from a JSONL file, or from every ``*.jsonl`` in a directory."""
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    return [record for f in files for record in read_jsonl(f)]


def fold_name(name: str) -> list[str]:
    """Words of a name, lower-cased, without accents, determiners or punctuation."""
    s = re.sub(r"\b(?:l|d)'", " ", fold(name))
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", s)
    return [w for w in words if w not in _STOP]


def same_source(label: str | None, predicted: str | None, attributed: bool) -> bool:
    """Whether a prediction credits the labelled source (``None`` label: credited to nobody)."""
    if label is None:
        return not attributed
    if not attributed or not predicted:
        return False
    a, b = fold_name(label), fold_name(predicted)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if set(short) <= set(long_):
        return True
    # surname only, for persons ("Zelensky" / "Volodymyr Zelensky")
    return len(short) == 1 and len(short[0]) >= 3 and short[0] == long_[-1]


def _locate(text: str, claims: list[dict[str, Any]]) -> list[tuple[int, int]]:
    seen: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    for c in claims:
        if c.get("char_start") is not None:
            s = int(c["char_start"])
            spans.append((s, int(c.get("char_end") or s + len(c["text"]))))
            continue
        t = c["text"]
        start = seen.get(t, 0)
        pos = text.find(t, start)
        if pos < 0:
            raise ValueError(f"label text {t!r} not found in its passage")
        seen[t] = pos + 1
        spans.append((pos, pos + len(t)))
    return spans


def _same_value(label: dict[str, Any], pred: dict[str, Any]) -> bool:
    def eq(x: float, y: float) -> bool:
        return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))

    if eq(float(label["value"]), float(pred["value"])):
        return True
    lo, hi = label.get("value_low"), label.get("value_high")
    if lo is not None and hi is not None:
        return eq(float(lo), float(pred["value_low"])) and eq(float(hi), float(pred["value_high"]))
    return False


def evaluate(labels_path: str | Path, extractor: Any | None = None) -> EvalReport:
    """Run ``extractor`` (default ``Extractor()``) over the labelled passages and score it."""
    from corroborate.extract.contract import INPUT_SCHEMA

    if extractor is None:
        from corroborate.extract import Extractor

        extractor = Extractor()
    passages = load_labels(labels_path)
    frame = pl.DataFrame(
        [
            {
                "article_id": str(p["id"]),
                "external_id": str(p["id"]),
                "outlet": LABEL_OUTLET,
                "language": p.get("language"),
                "published_at": dt.date.fromisoformat(p["published_at"][:10]) if p.get("published_at") else None,
                "text": p["text"],
            }
            for p in passages
        ],
        schema=INPUT_SCHEMA,
    )
    predicted = extractor.extract(frame)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in predicted.iter_rows(named=True):
        by_article.setdefault(row["article_id"], []).append(row)

    report = EvalReport(passages=len(passages))
    for p in passages:
        lang = p.get("language") or "?"
        counts = report.by_language.setdefault(lang, Counts())
        labels = p.get("claims", [])
        spans = _locate(p["text"], labels)
        preds = sorted(by_article.get(str(p["id"]), []), key=lambda r: r["char_start"])
        used: set[int] = set()
        for lab, (ls, le) in zip(labels, spans, strict=True):
            best, best_overlap = None, 0
            for k, pr in enumerate(preds):
                if k in used:
                    continue
                overlap = min(le, pr["char_end"]) - max(ls, pr["char_start"])
                if overlap > 0 and _same_value(lab, pr) and overlap > best_overlap:
                    best, best_overlap = k, overlap
            if best is None:
                for c in (counts, report.overall):
                    c.fn += 1
                report.misses.append(
                    {"id": p["id"], "text": lab["text"], "value": lab["value"], "source": lab.get("source")}
                )
                continue
            used.add(best)
            pr = preds[best]
            for c in (counts, report.overall):
                c.tp += 1
            if same_source(lab.get("source"), pr["source"], bool(pr["attributed"])):
                for c in (counts, report.overall):
                    c.attribution_right += 1
            else:
                report.wrong_sources.append(
                    {
                        "id": p["id"],
                        "text": lab["text"],
                        "expected": lab.get("source"),
                        "got": pr["source"] if pr["attributed"] else None,
                        "confidence": pr["confidence"],
                    }
                )
        for k, pr in enumerate(preds):
            if k not in used:
                for c in (counts, report.overall):
                    c.fp += 1
                report.false_positives.append(
                    {
                        "id": p["id"],
                        "text": pr["text"],
                        "value": pr["value"],
                        "source": pr["source"] if pr["attributed"] else None,
                    }
                )
    return report


def format_report(report: EvalReport, details: bool = True) -> str:
    """Plain-text report: one line per slice, then the errors."""
    lines = [
        f"{report.passages} labelled passages",
        f"{'slice':<8} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'f1':>6} {'attrib':>7}",
    ]
    rows = [*sorted(report.by_language.items()), ("overall", report.overall)]
    for name, c in rows:
        lines.append(
            f"{name:<8} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} "
            f"{c.attribution:>7.3f}"
        )
    if details:
        if report.misses:
            lines.append("\nmissed (labelled, not found):")
            lines += [f"  {m['id']}: {m['text']!r} = {m['value']} [{m['source']}]" for m in report.misses]
        if report.false_positives:
            lines.append("\nfalse positives (found, not labelled):")
            lines += [f"  {m['id']}: {m['text']!r} = {m['value']} [{m['source']}]" for m in report.false_positives]
        if report.wrong_sources:
            lines.append("\nwrong source (matched figure):")
            lines += [
                f"  {m['id']}: {m['text']!r}: expected {m['expected']!r}, got {m['got']!r}"
                for m in report.wrong_sources
            ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - convenience for a desk running it by hand
    import sys

    print(format_report(evaluate(sys.argv[1] if len(sys.argv) > 1 else "tests/labels")))
