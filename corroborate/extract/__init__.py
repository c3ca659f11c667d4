"""Extraction: figures in article text, credited to the source that gave them.

``Extractor().extract(articles)`` returns one row per claim with ``CLAIM_COLUMNS``; ``claim_id`` is the
key the claims table stores. The spaCy models load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from corroborate.extract.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from corroborate.extract.pipeline import CLAIM_COLUMNS, Extractor, ExtractorConfig, claim_id

__all__ = ["CLAIM_COLUMNS", "EXTRACTOR_VERSION", "Extractor", "ExtractorConfig", "claim_id"]


def __getattr__(name: str) -> Any:
    """The pipeline's names load spaCy: imported on first use, so reading the version stays instant."""
    if name in __all__:
        from corroborate.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
