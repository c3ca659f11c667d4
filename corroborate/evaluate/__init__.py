"""Measuring the system: extraction against labelled claims, and the whole run against a labelled corpus
of storylines (copies, links, outcomes)."""
