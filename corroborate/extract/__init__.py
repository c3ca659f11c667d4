"""Extraction: figures in article text, credited to the source that gave them.

``Extractor().extract(articles)`` returns one row per claim with ``CLAIM_COLUMNS``; ``claim_id`` is the
key the claims table stores. The spaCy models load on first use, not on import.
"""

from corroborate.extract.pipeline import (
    CLAIM_COLUMNS,
    EXTRACTOR_VERSION,
    Extractor,
    ExtractorConfig,
    claim_id,
)

__all__ = ["CLAIM_COLUMNS", "EXTRACTOR_VERSION", "Extractor", "ExtractorConfig", "claim_id"]
