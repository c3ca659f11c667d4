"""Extraction: figures in article text, credited to the source that gave them.

``Extractor().extract(articles)`` returns one row per claim with ``CLAIM_COLUMNS``; ``claim_id`` is the
key the claims table stores. The spaCy models load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from corroborate.extract.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from corroborate.extract.contract import CLAIM_COLUMNS, claim_id
    from corroborate.extract.pipeline import Extractor, ExtractorConfig

__all__ = ["CLAIM_COLUMNS", "EXTRACTOR_VERSION", "Extractor", "ExtractorConfig", "claim_id"]


# Where each name lives: the pipeline loads spaCy, the contract polars and DuckDB.
_HOMES = {
    "CLAIM_COLUMNS": "contract",
    "claim_id": "contract",
    "Extractor": "pipeline",
    "ExtractorConfig": "pipeline",
}


def __getattr__(name: str) -> Any:
    """The names are imported on first use, so reading the version stays instant."""
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(f"corroborate.extract.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
