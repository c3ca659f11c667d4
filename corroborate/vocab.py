"""Closed vocabularies shared by the extractor, the expectation suites and the SQL models.

Every value written to ``claims.qualifier``, ``claims.unit`` or ``articles.language`` comes from
here; the Great Expectations suites in ``expectations/`` name these sets (``{"vocab": "UNITS"}``) rather
than copy them, and ``corroborate.validate`` reads them from here.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("fr", "en")

QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range", "projection")

# unit -> family. Claims can only speak of the same quantity when their families agree
# (soldiers and troops are both counted in "people"; km2 is an area; usd and eur are money).
UNIT_FAMILIES: dict[str, str] = {
    "people": "people",
    "soldiers": "people",
    "deaths": "deaths",
    "injured": "injured",
    "casualties": "casualties",
    "prisoners": "people",
    "refugees": "people",
    "jobs": "jobs",
    "km2": "area",
    "km": "length",
    "usd": "money",
    "eur": "money",
    "gbp": "money",
    "rub": "money",
    "uah": "money",
    "percent": "ratio",
    "tonnes": "mass",
    "vehicles": "things",
    "aircraft": "things",
    "drones": "things",
    "missiles": "things",
    "shells": "things",
    "units": "things",
    "count": "count",
}

UNITS: tuple[str, ...] = tuple(UNIT_FAMILIES)

# Upper bound of a plausible value for one claim, per unit family. Anything above is an
# extraction error or a typo, and is rejected before scoring (expectations/claims.json).
PLAUSIBLE_MAX: dict[str, float] = {
    "people": 9e9,
    "deaths": 1e9,
    "injured": 1e9,
    "casualties": 1e9,
    "jobs": 5e9,
    "area": 5.2e8,  # the surface of the Earth, km2
    "length": 4.1e4 * 10,
    "money": 1e15,
    "ratio": 1e4,
    "mass": 1e13,
    "things": 1e10,
    "count": 1e12,
}

CLAIM_OUTCOMES: tuple[str, ...] = ("corroborated", "revised", "unresolved")
SOURCE_KINDS: tuple[str, ...] = ("outlet", "official")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")

# What kind of figure a general concept counts (column kind of corroborate/lexicons/concepts.csv): the outcome
# rules treat each its own way (sql/models/claim_evidence.sql, claim_facts.sql).
#   count   a running count or one day's count (a toll): a different later figure is no revision unless the
#           text says it corrects an earlier one
#   period  a total or a rate over a period (a year's deficit): a later figure for the period replaces it
#   scale   a reading on a scale (a quake's magnitude): it counts nothing and takes part in no verdict
CONCEPT_KINDS: tuple[str, ...] = ("count", "period", "scale")

UNKNOWN_OUTLET = "unknown"

# Wire agencies: canonical name -> every name they sign with. An article that copies one names it in its
# outlet ("Boursorama (AFP copy)") or its credit lines; a wire is never a source of its own copy.
WIRE_AGENCY_NAMES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press"),
    "Reuters": ("Reuters",),
    "ATS": ("ATS", "Keystone-ATS", "ATS-Keystone", "SDA", "Keystone-SDA", "Agence télégraphique suisse"),
    "UPI": ("UPI", "United Press International"),
    "Belga": ("Belga",),
    "Keystone": ("Keystone",),
    "ANSA": ("ANSA",),
    "DPA": ("DPA", "dpa"),
    "EFE": ("EFE",),
    "Yonhap": ("Yonhap",),
    "Kyodo": ("Kyodo",),
    "Xinhua": ("Xinhua",),
    "PA": ("PA Media", "Press Association"),
}
