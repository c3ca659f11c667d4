"""The extractor's version, importable without loading spaCy (a run with nothing new only needs this).

Bump it whenever the claims extracted from the same text change: articles extracted by another version
are extracted again.
"""

EXTRACTOR_VERSION = "0.3.16"
