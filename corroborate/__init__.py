"""corroborate: follow attributed figures in the news and score who they hold up for.

The package holds the domain logic (ingest, extraction, validation, linking, scoring) and has no
Prefect import: ``flows/`` orchestrates it and ``cli.py`` is a thin layer over it.
"""

# The project version, its one definition (pyproject.toml reads it): semantic, as CHANGELOG.md explains.
__version__ = "0.1.0"
