"""A synthetic newsroom with known truth: articles in French and English, and what they really say.

Benchmarks and score-recovery checks need a corpus where every planted figure, its speaker, the
real-world number it speaks of and whether it is right are known. This module builds one.

Usage::

    .venv/bin/python benchmarks/newsroom.py --articles 10000 --out /tmp/newsroom \\
        [--seed 0] [--outlets 12] [--officials 40] [--lang-mix 0.5] [--copy-share 0.3] [--months 6] \\
        [--start 2024-07-01]

``--lang-mix`` is the share of articles in French, ``--copy-share`` the share that republish a wire
dispatch; ``--outlets`` counts the three wire agencies. It prints the corpus's shares and counts as JSON.

``--hard`` adds what broke verdicts on real news, each in a controlled share (:class:`Hardness`, :data:`HARD`;
``--translations``, ``--names``, ``--undated``, ``--undatable``, ``--tolls``, ``--recaps``, ``--partial``
override one share each): dispatches republished in the other language (copies: they corroborate nothing);
institutions named by acronym, full name or, after a sentence naming them, a descriptor ("l'agence", "the
country's spy agency"), listed in ``aliases.csv`` as a desk would list them (descriptors not); records without
``published_at``, dated by their URL path, a date header, or not at all (their figures then take part in no
verdict that depends on order, unless a copy of theirs is dated: DESIGN.md §2.1, §6.5); death tolls reported
day by day (a running count: growth revises nothing, a stated correction "revised down to 97, down from 115"
does, §6.6); recaps of earlier figures ("contre 10 000 auparavant"; every "X had earlier said" sentence is one);
partial periods ("du 1er au 20 octobre", another quantity than the month). In hard mode the truth's outcomes
follow DESIGN.md §5 as ``sql/models/claim_evidence.sql`` and ``claim_outcomes.sql`` apply it
(:func:`design_outcomes`), claims carry ``tags`` naming their hard categories, and no forecasts are planted.

The command writes ``OUT/articles.jsonl`` (records ``{"id", "outlet", "url", "published_at", "language",
"title", "text"}``, the input format of ``cli.py run``) and ``OUT/truth/``:

``claims.jsonl``        every planted figure: article ``id``, ``char_start``/``char_end`` of the figure span
                        in ``text`` (first qualifier word through the unit, as ``find_figures`` spans it),
                        value interval, qualifier, unit, the source credited (official, or the outlet for an
                        unattributed figure) with its organisation and root organisation, the quantity, and
                        whether the figure is right;
``params.json``         the arguments that built the corpus;
``outcomes.jsonl``      the expected outcome of each claim under DESIGN.md §5.3, with the claims it rests on;
``reliabilities.csv``   ``source,kind,p,organisation,root``: every official's and outlet's true reliability;
``quantities.jsonl``    the real-world numbers (topic, scope month, unit, true value);
``copies.csv``          ``article_id,copy_of,agency``: which article republishes which wire dispatch;
``aliases.csv``         every source's names in both languages, in ``seeds/aliases.csv``'s format;
``subjects.csv``        the beat's subject lexicon in ``seeds/subjects.csv``'s format: every storyline's wordings
                        in both languages, one concept per storyline (see :func:`subject_terms`);
``distractors.jsonl``   numbers that are not claims (dates, years, ages, durations, ordinals, multiples, times).

In Python: ``generate(n_articles, seed=...) -> Newsroom`` returns the same in memory; ``Newsroom.write(dir)``
writes the files. The same arguments give byte-identical files.

World model
-----------
* Quantities: storylines (North Korean troops in Russia, deaths in the Kharkiv region, Russian territorial
  gains, EU aid to Ukraine, Ukrainian refugees in Poland, drones, missiles, armour losses, prisoner swaps,
  grain exports ...) times scope months. A stock (troops, refugees, displaced people) evolves from month to
  month; a flow (deaths in October) is drawn per month. Each quantity has one true integer value.
* Officials: people (name, gender, role, organisation) and institutions speaking as themselves; every
  organisation sits in a tree (spokesperson -> Pentagon -> US government). Each official has a true
  reliability p; outlets have one too, for the figures they publish as their own.
* A statement is one source giving one figure on one quantity on one day: right with probability p (its
  interval contains the true value), else wrong by a clear margin (see ``MARGIN``). A source speaks at most
  once per quantity, so nobody contradicts their own earlier figure.
* Every wrong statement schedules two later statements on the same quantity by officials of two other root
  organisations (drawn, like everyone, right with their own p): "the standing figure from independent
  sources". Those that come out right revise the wrong one.
* Articles: each statement is covered by one to three outlets, each article written its own way; an article
  also cites earlier statements on the same or the previous month's quantity, sometimes a second figure of
  the same speaker (pronoun follow-up: "a-t-elle ajouté", "she added") and the outlet's own figure. Wire
  agencies (AFP, Reuters, AP) publish dispatches that other outlets of the same language republish with a
  new headline, synonyms, another paragraph order and a credit line ("avec AFP"); copies corroborate nothing.

Outcome rules (DESIGN.md §2.7, §2.8 and §5.3, for the synthetic corpus), as computed by :func:`expected_outcomes`
------------------------------------------------------------------
* Two claims are *independent* when their articles belong to different copy groups (a dispatch and its
  republications form one group) and their sources have different root organisations (an outlet's own
  figure has the outlet as root).
* *compatible*: the value intervals meet after widening by the qualifier's tolerance (``TOLERANCE``);
  ``at_least`` is open upwards, ``at_most`` downwards.
* *corroborated*: an independent compatible claim on the same quantity published the same day or later.
* *revised*: a claim on the same quantity published on a later day, incompatible, that stands: the same
  source correcting itself, or a claim that is itself corroborated. Revised wins over corroborated.
* else *unresolved*.

Right intervals all contain the true value and wrong ones stay ``MARGIN`` (15 %) clear of every other claim
on the quantity, so the outcomes are the same for any relative tolerance up to 15 % (approx and projection
need at least 3 %: right round figures are within 3 % of the truth).

Limits: topics, phrasings and filler are drawn from fixed template lists (81 storylines; a small corpus
uses only a few of them so that each quantity gets several statements); an official's role never changes;
an unattributed figure in a republished dispatch is credited to the republishing outlet, as a reader of the
copy would credit it; a wrong figure that cannot stay clear of the others on its quantity is not said at all
(about 0.2 % of statements); wrong figures near the end of the period, or whose settling statements come out
wrong too, stay unresolved; copies are light rewrites that a shingle-based detector finds easily; an outlet
republishes a dispatch at most once, so with few outlets per language a high ``--copy-share`` is not reached
(the rest are original articles).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import numpy as np

if TYPE_CHECKING:
    import polars as pl

T = TypeVar("T")

# Relative widening of each qualifier's interval when deciding whether two claims are compatible.
TOLERANCE: dict[str, float] = {
    "exact": 0.0,
    "approx": 0.10,
    "projection": 0.15,
    "range": 0.0,
    "at_least": 0.0,
    "at_most": 0.0,
}
# Every wrong figure stays clear of every other figure on its quantity even when both are widened by this
# much, so the expected outcomes do not hinge on the tolerance an implementation picks.
MARGIN = 0.15
# Wrong figures sit on rungs of the true value: inflated (x1.8, x2.6 ...) or deflated (x0.5, x0.34 ...).
_RUNG_RATIO = 1.45
_HIGH_RUNGS = tuple(1.8 * _RUNG_RATIO**i for i in range(10))
_LOW_RUNGS = tuple(0.5 / _RUNG_RATIO**i for i in range(10))

DEFAULT_START = date(2024, 7, 1)
# Outcomes list at most this many claims they rest on (the first published); the reason gives the count.
EVIDENCE_LIMIT = 10

# --------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


@dataclass(frozen=True, slots=True)
class Org:
    """An organisation, in both languages: ``fr_the`` "le Pentagone", ``fr_of`` "du Pentagone",
    ``en_the`` "the Pentagon", ``en_attr`` "Pentagon" (before a role: "Pentagon spokesperson")."""

    key: str
    parent: str | None
    fr_the: str
    fr_of: str
    en_the: str
    en_attr: str
    fr_gender: str  # "m" | "f": the pronoun when the institution itself speaks ("a-t-il ajouté")


ORGS: tuple[Org, ...] = (
    Org("us", None, "le gouvernement américain", "du gouvernement américain", "the US government",
        "US government", "m"),
    Org("pentagon", "us", "le Pentagone", "du Pentagone", "the Pentagon", "Pentagon", "m"),
    Org("state_dept", "us", "le département d'État", "du département d'État", "the State Department",
        "State Department", "m"),
    Org("ua", None, "le gouvernement ukrainien", "du gouvernement ukrainien", "the Ukrainian government",
        "Ukrainian government", "m"),
    Org("ua_mod", "ua", "le ministère ukrainien de la Défense", "du ministère ukrainien de la Défense",
        "the Ukrainian Defence Ministry", "Ukrainian Defence Ministry", "m"),
    Org("ua_staff", "ua", "l'état-major ukrainien", "de l'état-major ukrainien", "the Ukrainian General Staff",
        "Ukrainian General Staff", "m"),
    Org("ua_intel", "ua", "le renseignement militaire ukrainien", "du renseignement militaire ukrainien",
        "Ukrainian military intelligence", "Ukrainian military intelligence", "m"),
    Org("ru", None, "le gouvernement russe", "du gouvernement russe", "the Russian government",
        "Russian government", "m"),
    Org("ru_mod", "ru", "le ministère russe de la Défense", "du ministère russe de la Défense",
        "the Russian Defence Ministry", "Russian Defence Ministry", "m"),
    Org("kremlin", "ru", "le Kremlin", "du Kremlin", "the Kremlin", "Kremlin", "m"),
    Org("kr", None, "le gouvernement sud-coréen", "du gouvernement sud-coréen", "the South Korean government",
        "South Korean government", "m"),
    Org("kr_intel", "kr", "le renseignement sud-coréen", "du renseignement sud-coréen", "South Korean intelligence",
        "South Korean intelligence", "m"),
    Org("fr", None, "le gouvernement français", "du gouvernement français", "the French government",
        "French government", "m"),
    Org("fr_armees", "fr", "le ministère des Armées", "du ministère des Armées", "the French Armed Forces Ministry",
        "French Armed Forces Ministry", "m"),
    Org("uk", None, "le gouvernement britannique", "du gouvernement britannique", "the British government",
        "British government", "m"),
    Org("uk_mod", "uk", "le ministère britannique de la Défense", "du ministère britannique de la Défense",
        "the British Defence Ministry", "British Defence Ministry", "m"),
    Org("pl", None, "le gouvernement polonais", "du gouvernement polonais", "the Polish government",
        "Polish government", "m"),
    Org("pl_int", "pl", "le ministère polonais de l'Intérieur", "du ministère polonais de l'Intérieur",
        "the Polish Interior Ministry", "Polish Interior Ministry", "m"),
    Org("un", None, "l'ONU", "de l'ONU", "the UN", "UN", "f"),
    Org("unhcr", "un", "le HCR", "du HCR", "the UNHCR", "UNHCR", "m"),
    Org("ocha", "un", "l'Ocha", "de l'Ocha", "OCHA", "OCHA", "m"),
    Org("iom", "un", "l'OIM", "de l'OIM", "the IOM", "IOM", "f"),
    Org("nato", None, "l'Otan", "de l'Otan", "NATO", "NATO", "f"),
    Org("eu", None, "l'Union européenne", "de l'Union européenne", "the European Union", "EU", "f"),
    Org("ec", "eu", "la Commission européenne", "de la Commission européenne", "the European Commission",
        "European Commission", "f"),
    Org("isw", None, "l'Institut pour l'étude de la guerre", "de l'Institut pour l'étude de la guerre",
        "the Institute for the Study of War", "Institute for the Study of War", "m"),
    Org("icrc", None, "le CICR", "du CICR", "the ICRC", "ICRC", "m"),
    Org("msf", None, "Médecins sans frontières", "de Médecins sans frontières", "Doctors Without Borders",
        "Doctors Without Borders", "m"),
    Org("sd", None, "le gouvernement soudanais", "du gouvernement soudanais", "the Sudanese government",
        "Sudanese government", "m"),
    Org("sd_army", "sd", "l'armée soudanaise", "de l'armée soudanaise", "the Sudanese army", "Sudanese army", "f"),
)
# Authorities of the places struck by the disasters whose tolls run day by day (hard mode only).
TOLL_ORGS: tuple[Org, ...] = (
    Org("ma", None, "le gouvernement marocain", "du gouvernement marocain", "the Moroccan government",
        "Moroccan government", "m"),
    Org("ma_int", "ma", "le ministère marocain de l'Intérieur", "du ministère marocain de l'Intérieur",
        "the Moroccan Interior Ministry", "Moroccan Interior Ministry", "m"),
    Org("bd", None, "le gouvernement bangladais", "du gouvernement bangladais", "the Bangladeshi government",
        "Bangladeshi government", "m"),
    Org("bd_dm", "bd", "le ministère bangladais de la Gestion des catastrophes",
        "du ministère bangladais de la Gestion des catastrophes", "the Bangladeshi Disaster Management Ministry",
        "Bangladeshi Disaster Management Ministry", "m"),
    Org("np", None, "le gouvernement népalais", "du gouvernement népalais", "the Nepalese government",
        "Nepalese government", "m"),
    Org("np_police", "np", "la police népalaise", "de la police népalaise", "the Nepal Police", "Nepal Police", "f"),
    Org("pe", None, "le gouvernement péruvien", "du gouvernement péruvien", "the Peruvian government",
        "Peruvian government", "m"),
    Org("pe_civil", "pe", "la Défense civile péruvienne", "de la Défense civile péruvienne",
        "Peru's Civil Defence Institute", "Peruvian Civil Defence Institute", "f"),
)
ORG_BY_KEY: dict[str, Org] = {o.key: o for o in ORGS + TOLL_ORGS}


@dataclass(frozen=True, slots=True)
class OtherNames:
    """What an institution is also called (hard mode): its acronym in each language, its full name in each
    language (with article), and descriptors that stand for it once the article has named it."""

    en_acronym: str
    fr_acronym: str
    en_full: str
    fr_full: str
    en_descriptors: tuple[str, ...]
    fr_descriptors: tuple[str, ...]


OTHER_NAMES: dict[str, OtherNames] = {
    "kr_intel": OtherNames("NIS", "NIS", "South Korea's National Intelligence Service",
                           "le Service national du renseignement sud-coréen",
                           ("the country's spy agency", "the spy agency"),
                           ("l'agence de renseignement", "le service de renseignement")),
    "ua_intel": OtherNames("HUR", "HUR", "Ukraine's Main Intelligence Directorate",
                           "la Direction principale du renseignement ukrainien",
                           ("the intelligence agency", "the directorate"), ("le renseignement", "la direction")),
    "iom": OtherNames("IOM", "OIM", "the International Organization for Migration",
                      "l'Organisation internationale pour les migrations",
                      ("the UN migration agency", "the agency"), ("l'agence onusienne", "l'agence")),
    "unhcr": OtherNames("UNHCR", "HCR", "the UN High Commissioner for Refugees",
                        "le Haut-Commissariat des Nations unies pour les réfugiés",
                        ("the UN refugee agency", "the agency"), ("l'agence onusienne pour les réfugiés", "l'agence")),
    "icrc": OtherNames("ICRC", "CICR", "the International Committee of the Red Cross",
                       "le Comité international de la Croix-Rouge",
                       ("the Red Cross", "the organisation"), ("la Croix-Rouge", "l'organisation")),
    "isw": OtherNames("ISW", "ISW", "the Institute for the Study of War", "l'Institut pour l'étude de la guerre",
                      ("the Washington-based think tank", "the institute"),
                      ("le centre de réflexion américain", "l'institut")),
    "msf": OtherNames("MSF", "MSF", "Doctors Without Borders", "Médecins sans frontières",
                      ("the medical charity", "the charity"), ("l'ONG médicale", "l'ONG")),
    "ocha": OtherNames("OCHA", "Ocha", "the UN Office for the Coordination of Humanitarian Affairs",
                       "le Bureau de la coordination des affaires humanitaires de l'ONU",
                       ("the UN humanitarian office", "the office"), ("le bureau humanitaire de l'ONU", "le bureau")),
    "un": OtherNames("UN", "ONU", "the United Nations", "l'Organisation des Nations unies",
                     ("the world body", "the organisation"), ("l'organisation internationale", "l'organisation")),
    "eu": OtherNames("EU", "UE", "the European Union", "l'Union européenne", ("the bloc", "the Union"),
                     ("les Vingt-Sept", "l'Union")),
    "nato": OtherNames("NATO", "Otan", "the North Atlantic Treaty Organization",
                       "l'Organisation du traité de l'Atlantique nord",
                       ("the Alliance", "the alliance"), ("l'Alliance atlantique", "l'Alliance")),
}

# role key -> (French masculine, French feminine, English)
ROLES: dict[str, tuple[str, str, str]] = {
    "spokesperson": ("porte-parole", "porte-parole", "spokesperson"),
    "deputy_spokesperson": ("porte-parole adjoint", "porte-parole adjointe", "deputy spokesperson"),
    "director": ("directeur", "directrice", "director"),
    "adviser": ("conseiller", "conseillère", "adviser"),
    "analyst": ("analyste", "analyste", "analyst"),
    "representative": ("représentant", "représentante", "representative"),
    "head_comms": ("chef de la communication", "cheffe de la communication", "head of communications"),
}

FIRST_F = ("Claire", "Olena", "Maria", "Sofia", "Anna", "Hélène", "Laura", "Nadia", "Emma", "Ingrid", "Yuna",
           "Sarah", "Irina", "Camille", "Julia", "Marta", "Alice", "Nora", "Lena", "Agnès", "Beatrix", "Dana")
FIRST_M = ("Marc", "Oleksandr", "Daniel", "Pavel", "Thomas", "Jonas", "Minho", "David", "Andriy", "Pierre",
           "Lukas", "Samuel", "Viktor", "Hugo", "Tomasz", "Karim", "Erik", "Julien", "Peter", "Ivan", "Felix")
LAST = ("Varga", "Moreau", "Kovalenko", "Lindqvist", "Brennan", "Okafor", "Delacroix", "Novak", "Hartmann",
        "Sato", "Petrenko", "Duval", "Whitfield", "Marchetti", "Kaminski", "Rousseau", "Halvorsen", "Ferreira",
        "Castellane", "Bauer", "Mironov", "Lefebvre", "Osei", "Tanaka", "Kowalczyk", "Brandt", "Arnaud",
        "Holloway", "Zielinski", "Fontaine", "Quist", "Albescu", "Dragan", "Ekwueme", "Morland", "Vasquez")

WIRES: tuple[tuple[str, str], ...] = (("AFP", "afp.com"), ("Reuters", "reuters.com"), ("AP", "apnews.com"))
OUTLET_FR_A = ("Le Courrier", "La Tribune", "L'Écho", "Le Journal", "La Gazette", "Le Messager", "La Voix",
               "L'Observateur")
OUTLET_FR_B = ("du Matin", "de l'Est", "du Soir", "du Nord", "de l'Ouest", "des Alpes", "du Rhône", "du Littoral")
OUTLET_EN_A = ("The Morning", "The Northern", "The Harbour", "The Evening", "The Continental", "The Riverside",
               "The Atlantic", "The Capital")
OUTLET_EN_B = ("Ledger", "Herald", "Times", "Dispatch", "Post", "Chronicle", "Courier", "Observer")

# Regions for deaths, injured and displaced people: (slug, French "de X" form, English, dateline city).
REGIONS: tuple[tuple[str, str, str, str], ...] = (
    ("kharkiv", "de Kharkiv", "Kharkiv", "KHARKIV"),
    ("donetsk", "de Donetsk", "Donetsk", "KYIV"),
    ("zaporizhzhia", "de Zaporijjia", "Zaporizhzhia", "ZAPORIZHZHIA"),
    ("kherson", "de Kherson", "Kherson", "KHERSON"),
    ("sumy", "de Soumy", "Sumy", "KYIV"),
    ("darfur", "du Darfour", "Darfur", "KHARTOUM"),
    ("khartoum", "de Khartoum", "Khartoum", "PORT SUDAN"),
    ("kordofan", "du Kordofan", "Kordofan", "PORT SUDAN"),
    ("north-kivu", "du Nord-Kivu", "North Kivu", "GOMA"),
    ("ituri", "de l'Ituri", "Ituri", "KINSHASA"),
    ("tigray", "du Tigré", "Tigray", "ADDIS ABABA"),
    ("amhara", "de l'Amhara", "Amhara", "ADDIS ABABA"),
)


@dataclass(frozen=True, slots=True)
class Storyline:
    """One topic about one entity; its quantities are its months."""

    slug: str
    topic: str
    unit: str  # a key of corroborate.vocab.UNIT_FAMILIES
    stock: bool  # stocks evolve from month to month, flows are drawn per month
    magnitude: tuple[float, float]
    fr_clauses: tuple[str, ...]  # "{F}" is the figure, "{T}" the scope
    en_clauses: tuple[str, ...]
    fr_nouns: tuple[str, ...]
    en_nouns: tuple[str, ...]
    en_adj: str  # before the English noun, inside the figure span ("North Korean troops")
    fr_proj: tuple[str, bool]  # subject of a projection, and whether it is plural
    en_proj: str
    fr_title: str
    en_title: str
    dateline: str


def _storylines() -> list[Storyline]:
    out: list[Storyline] = []
    troops = (
        ("north-korean.russia", "nord-coréens", "North Korean", "en Russie", "in Russia", "SEOUL"),
        ("russian.belarus", "russes", "Russian", "au Bélarus", "in Belarus", "VILNIUS"),
        ("russian.transnistria", "russes", "Russian", "en Transnistrie", "in Transnistria", "CHISINAU"),
        ("belarusian.border", "biélorusses", "Belarusian", "près de la frontière ukrainienne",
         "near the Ukrainian border", "KYIV"),
        ("iranian.syria", "iraniens", "Iranian", "en Syrie", "in Syria", "BEIRUT"),
        ("russian.kursk", "russes", "Russian", "dans la région de Koursk", "in the Kursk region", "MOSCOW"),
        ("ukrainian.kursk", "ukrainiens", "Ukrainian", "dans la région de Koursk", "in the Kursk region", "KYIV"),
        ("chadian.darfur", "tchadiens", "Chadian", "au Darfour", "in Darfur", "N'DJAMENA"),
    )
    for slug, fadj, eadj, floc, eloc, city in troops:
        out.append(Storyline(
            f"troops.{slug}", "troops", "soldiers", True, (1500, 60000),
            (f"{{F}} {fadj} sont déployés {floc} {{T}}", f"{{F}} {fadj} se trouvent {floc} {{T}}"),
            (f"{{F}} are deployed {eloc} {{T}}", f"{{F}} are stationed {eloc} {{T}}"),
            ("soldats", "militaires"), ("troops", "soldiers"), eadj,
            (f"les effectifs {fadj} {floc}", True), f"the {eadj} deployment {eloc}",
            f"Soldats {fadj} {floc}", f"{eadj} troops {eloc}", city))
    for slug, fr_of, en, city in REGIONS:
        out.append(Storyline(
            f"deaths.{slug}", "deaths", "deaths", False, (20, 4000),
            (f"{{F}} ont été recensés dans la région {fr_of} {{T}}",
             f"les combats ont fait {{F}} dans la région {fr_of} {{T}}"),
            (f"{{F}} were recorded in the {en} region {{T}}", f"fighting caused {{F}} in the {en} region {{T}}"),
            ("morts", "tués"), ("deaths", "dead"), "",
            (f"le bilan dans la région {fr_of}", False), f"the death toll in the {en} region",
            f"Bilan des combats dans la région {fr_of}", f"Death toll in the {en} region", city))
        out.append(Storyline(
            f"injured.{slug}", "injured", "injured", False, (50, 8000),
            (f"{{F}} ont été soignés dans les hôpitaux de la région {fr_of} {{T}}",
             f"les hôpitaux de la région {fr_of} ont accueilli {{F}} {{T}}"),
            (f"{{F}} were treated in hospitals in the {en} region {{T}}",
             f"hospitals in the {en} region took in {{F}} {{T}}"),
            ("blessés",), ("wounded", "injured people"), "",
            (f"le nombre de blessés dans la région {fr_of}", False), f"the number of injured in the {en} region",
            f"Afflux de blessés dans la région {fr_of}", f"Hospitals overwhelmed in the {en} region", city))
        out.append(Storyline(
            f"displaced.{slug}", "displaced", "people", True, (10000, 3000000),
            (f"{{F}} ont été déplacées dans la région {fr_of} {{T}}",
             f"{{F}} ont dû fuir leur foyer dans la région {fr_of} {{T}}"),
            (f"{{F}} have been displaced in the {en} region {{T}}",
             f"{{F}} have fled their homes in the {en} region {{T}}"),
            ("personnes",), ("people",), "",
            (f"le nombre de déplacés dans la région {fr_of}", False),
            f"the number of displaced people in the {en} region",
            f"Exode dans la région {fr_of}", f"Exodus in the {en} region", city))
    armies = (
        ("russia.ukraine", "les forces russes", "Russian forces", "de territoire ukrainien", "of Ukrainian territory",
         "les gains territoriaux russes", "Russian territorial gains", "Avancée russe en Ukraine",
         "Russia's advance in Ukraine", "KYIV"),
        ("ukraine.kursk", "les forces ukrainiennes", "Ukrainian forces", "dans la région de Koursk",
         "in the Kursk region", "les gains ukrainiens dans la région de Koursk",
         "Ukrainian gains in the Kursk region", "Offensive ukrainienne à Koursk", "Ukraine's Kursk offensive",
         "KYIV"),
        ("sudan.darfur", "les paramilitaires", "paramilitary forces", "au Darfour", "in Darfur",
         "les gains des paramilitaires au Darfour", "paramilitary gains in Darfur", "Les paramilitaires avancent",
         "Paramilitaries advance in Darfur", "KHARTOUM"),
    )
    for slug, farmy, earmy, fobj, eobj, fproj, eproj, ftitle, etitle, city in armies:
        out.append(Storyline(
            f"territory.{slug}", "territory", "km2", False, (40, 900),
            (f"{farmy} ont conquis {{F}} {fobj} {{T}}", f"{farmy} ont pris le contrôle de {{F}} {fobj} {{T}}"),
            (f"{earmy} captured {{F}} {eobj} {{T}}", f"{earmy} took control of {{F}} {eobj} {{T}}"),
            ("km²", "kilomètres carrés"), ("square kilometres", "km²", "sq km"), "",
            (fproj, True), eproj, ftitle, etitle, city))
    donors = (
        ("us", "les États-Unis", "the United States", "usd", "aide américaine", "US aid"),
        ("eu", "l'Union européenne", "the European Union", "eur", "aide européenne", "EU aid"),
        ("germany", "l'Allemagne", "Germany", "eur", "aide allemande", "German aid"),
        ("france", "la France", "France", "eur", "aide française", "French aid"),
        ("japan", "le Japon", "Japan", "usd", "aide japonaise", "Japanese aid"),
    )
    recipients = (("ukraine", "à l'Ukraine", "to Ukraine", "KYIV"), ("sudan", "au Soudan", "to Sudan", "PORT SUDAN"),
                  ("moldova", "à la Moldavie", "to Moldova", "CHISINAU"))
    for dslug, fdonor, edonor, cur, faid, eaid in donors:
        fpar = "par " + fdonor
        for rslug, frec, erec, city in recipients:
            nouns_fr = ("de dollars",) if cur == "usd" else ("d'euros",)
            out.append(Storyline(
                f"aid.{dslug}.{rslug}", "aid", cur, False, (1e8, 6e10),
                (f"l'aide promise {fpar} {frec} s'élève à {{F}} {{T}}",
                 f"le montant de l'aide accordée {fpar} {frec} atteint {{F}} {{T}}"),
                (f"aid pledged by {edonor} {erec} amounts to {{F}} {{T}}",
                 f"{edonor} pledged {{F}} in aid {erec} {{T}}"),
                nouns_fr, ("dollars",) if cur == "usd" else ("euros",), "",
                (f"l'aide promise {fpar} {frec}", False), f"aid pledged by {edonor} {erec}",
                f"L'{faid} {frec} en question", f"{eaid} {erec} under scrutiny", city))
    refugees = (
        ("ukrainian.poland", "ukrainiens", "Ukrainian", "en Pologne", "in Poland", "WARSAW"),
        ("ukrainian.germany", "ukrainiens", "Ukrainian", "en Allemagne", "in Germany", "BERLIN"),
        ("ukrainian.czechia", "ukrainiens", "Ukrainian", "en Tchéquie", "in Czechia", "PRAGUE"),
        ("ukrainian.moldova", "ukrainiens", "Ukrainian", "en Moldavie", "in Moldova", "CHISINAU"),
        ("sudanese.chad", "soudanais", "Sudanese", "au Tchad", "in Chad", "N'DJAMENA"),
        ("sudanese.egypt", "soudanais", "Sudanese", "en Égypte", "in Egypt", "CAIRO"),
        ("sudanese.south-sudan", "soudanais", "Sudanese", "au Soudan du Sud", "in South Sudan", "JUBA"),
        ("congolese.uganda", "congolais", "Congolese", "en Ouganda", "in Uganda", "KAMPALA"),
    )
    for slug, fadj, eadj, fhost, ehost, city in refugees:
        out.append(Storyline(
            f"refugees.{slug}", "refugees", "refugees", True, (20000, 2500000),
            (f"{{F}} {fadj} vivent {fhost} {{T}}", f"{{F}} {fadj} ont trouvé refuge {fhost} {{T}}"),
            (f"{{F}} are living {ehost} {{T}}", f"{{F}} have found shelter {ehost} {{T}}"),
            ("réfugiés",), ("refugees",), eadj,
            (f"le nombre de réfugiés {fadj} {fhost}", False), f"the number of {eadj} refugees {ehost}",
            f"Réfugiés {fadj} {fhost}", f"{eadj} refugees {ehost}", city))
    attackers = (("russia.ukraine", "la Russie", "Russia", "contre l'Ukraine", "at Ukraine", "KYIV"),
                 ("ukraine.russia", "l'Ukraine", "Ukraine", "contre la Russie", "at Russia", "MOSCOW"))
    for slug, fatt, eatt, ftarget, etarget, city in attackers:
        out.append(Storyline(
            f"drones.{slug}", "drones", "drones", False, (150, 4000),
            (f"{fatt} a lancé {{F}} {ftarget} {{T}}",), (f"{eatt} launched {{F}} {etarget} {{T}}",),
            ("drones",), ("drones",), "",
            (f"le nombre de drones lancés {ftarget}", False), f"the number of drones launched {etarget}",
            f"Vague de drones {ftarget}", f"Drone barrage {etarget}", city))
        out.append(Storyline(
            f"missiles.{slug}", "missiles", "missiles", False, (10, 400),
            (f"{fatt} a tiré {{F}} {ftarget} {{T}}",), (f"{eatt} fired {{F}} {etarget} {{T}}",),
            ("missiles",), ("missiles",), "",
            (f"le nombre de missiles tirés {ftarget}", False), f"the number of missiles fired {etarget}",
            f"Frappes de missiles {ftarget}", f"Missile strikes {etarget}", city))
    for slug, fadj, eadj, city in (("russian", "russes", "Russian", "KYIV"),
                                   ("ukrainian", "ukrainiens", "Ukrainian", "MOSCOW")):
        out.append(Storyline(
            f"vehicles.{slug}", "vehicles", "vehicles", False, (20, 900),
            (f"{{F}} blindés {fadj} ont été détruits {{T}}", f"{{F}} blindés {fadj} ont été mis hors de combat {{T}}"),
            ("{F} were destroyed {T}", "{F} were put out of action {T}"),
            ("véhicules",), ("vehicles",), f"{eadj} armoured",
            (f"les pertes en blindés {fadj}", True), f"{eadj} armour losses",
            f"Pertes en blindés {fadj}", f"{eadj} armour losses", city))
    for slug, fpair, epair, city in (("russia.ukraine", "entre Moscou et Kiev", "between Moscow and Kyiv", "KYIV"),
                                     ("sudan", "entre belligérants soudanais", "between Sudan's warring parties",
                                      "PORT SUDAN"),
                                     ("armenia.azerbaijan", "entre Erevan et Bakou", "between Yerevan and Baku",
                                      "YEREVAN")):
        out.append(Storyline(
            f"prisoners.{slug}", "prisoners", "prisoners", False, (10, 1200),
            (f"{{F}} ont été échangés {fpair} {{T}}", f"{{F}} ont été libérés {fpair} {{T}}"),
            (f"{{F}} were exchanged {epair} {{T}}", f"{{F}} were released {epair} {{T}}"),
            ("prisonniers",), ("prisoners",), "",
            (f"le nombre de prisonniers échangés {fpair}", False), f"the number of prisoners exchanged {epair}",
            f"Échange de prisonniers {fpair}", f"Prisoner swap {epair}", city))
    for slug, fexp, eexp, froute, eroute, city in (
            ("ukraine", "l'Ukraine", "Ukraine", "par la mer Noire", "via the Black Sea", "ODESA"),
            ("russia", "la Russie", "Russia", "par ses ports du sud", "through its southern ports", "MOSCOW")):
        out.append(Storyline(
            f"grain.{slug}", "grain", "tonnes", False, (200000, 9000000),
            (f"{fexp} a exporté {{F}} de céréales {froute} {{T}}",),
            (f"{eexp} exported {{F}} of grain {eroute} {{T}}",),
            ("tonnes",), ("tonnes",), "",
            (f"les exportations de céréales {froute}", True), f"grain exports {eroute}",
            f"Exportations de céréales {froute}", f"Grain exports {eroute}", city))
    return out


STORYLINES: tuple[Storyline, ...] = tuple(_storylines())

# --- sentence templates. {S} speaker, {C} the clause (which holds the figure), {V} a cue verb. ---
FR_CUES_THAT = ("a affirmé", "a déclaré", "a indiqué", "a assuré", "a estimé", "a précisé", "a annoncé")
FR_CUES_INCISE = ("a déclaré", "a affirmé", "a indiqué", "a précisé", "a souligné", "a assuré")
EN_CUES_THAT = ("said", "told reporters", "estimated", "announced", "stated", "confirmed")
EN_CUES_INCISE = ("said", "told reporters", "added in a statement", "said in a briefing")

FR_ATTRIBUTED = (
    "Selon {S}, {C}.",
    "D'après {S}, {C}.",
    "{S} {V} que {C}.",
    "«{Q}{Cc}{Q2}», {Vi} {S}.",
    "{Cc}, selon {S}.",
    "{Cc}, {Vi} {S} lors d'un point de presse.",
    "{S} {V}, lors d'une conférence de presse, que {C}.",
)
EN_ATTRIBUTED = (
    "According to {S}, {C}.",
    "{S} {V} that {C}.",
    "\"{Cc},\" {S} said.",
    "\"{Cc},\" said {S}.",
    "{Cc}, according to {S}.",
    "{Cc}, {S} {Vi}.",
    "{S} said on Monday that {C}.",
)
FR_FOLLOWUP = (
    "«{Q}{Cc}{Q2}», a-t-{P} ajouté.",
    "{Pc} a ajouté que {C}.",
    "{Pc} a également indiqué que {C}.",
)
EN_FOLLOWUP = (
    "\"{Cc},\" {P} added.",
    "{Pc} added that {C}.",
    "{Pc} also said that {C}.",
)
FR_CONTEXT = (
    "{S} avait auparavant estimé que {C}.",
    "Quelques jours plus tôt, {S} avait assuré que {C}.",
    "Auparavant, selon {S}, {C}.",
)
EN_CONTEXT = (
    "{S} had earlier said that {C}.",
    "Earlier, according to {S}, {C}.",
    "Days earlier, {S} had estimated that {C}.",
)
FR_OWN = ("{Cc}.", "Au total, {C}.", "D'après les données compilées par la rédaction, {C}.")
EN_OWN = ("{Cc}.", "In all, {C}.", "By our count, {C}.")

FR_SCOPE_FLOW = ("en {m}", "au mois {de_m}", "au cours du mois {de_m}")
FR_SCOPE_STOCK = ("fin {m}", "à la fin du mois {de_m}", "en {m}")
EN_SCOPE_FLOW = ("in {M}", "during {M}", "over the month of {M}")
EN_SCOPE_STOCK = ("at the end of {M}", "as of late {M}", "in {M}")
FR_SCOPE_PROJ = ("d'ici la fin du mois {de_m}", "d'ici fin {m}")
EN_SCOPE_PROJ = ("by the end of {M}", "before the end of {M}")

FR_QUAL = {
    "approx": ("environ", "près de", "quelque"),
    "at_least": ("plus de", "au moins"),
    "at_most": ("jusqu'à", "moins de"),
}
EN_QUAL = {
    "approx": ("about", "around", "roughly", "some", "an estimated", "nearly"),
    "at_least": ("more than", "at least", "over"),
    "at_most": ("up to", "as many as"),
}

FR_WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix",
            11: "onze", 12: "douze", 15: "quinze", 20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante",
            100: "cent", 200: "deux cents", 300: "trois cents", 1000: "mille", 2000: "deux mille",
            3000: "trois mille", 5000: "cinq mille", 10000: "dix mille"}
EN_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
            11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty",
            100: "a hundred", 200: "two hundred", 300: "three hundred", 1000: "a thousand", 2000: "two thousand",
            3000: "three thousand", 5000: "five thousand", 10000: "ten thousand"}

# Number styles: thousands separator and whether 4-digit numbers are grouped.
FR_SEPARATORS = (("\u00a0", 0.35), ("\u202f", 0.2), (" ", 0.2), ("'", 0.1), (".", 0.15))
EN_SEPARATORS = ((",", 1.0),)

# --- filler, with slots that make every article's wording its own (so independent articles share few
# rare word pairs, as real ones do) and no digits or number words.
VILLAGE_A = ("", "", "Nova ", "Velyka ", "Mala ", "Stara ")
VILLAGE_ROOT = ("Bor", "Kam", "Lys", "Dub", "Hrab", "Kost", "Ber", "Myr", "Vol", "Sos", "Zhel", "Rud", "Pol",
                "Tern", "Verb", "Klyn", "Yasen", "Stav", "Osyk", "Lozov", "Chorn", "Bil", "Zlat", "Krut")
VILLAGE_SUFFIX = ("ivka", "ove", "ytsia", "ske", "any", "yn", "ivske", "ychi")
# (feminine, masculine) jobs of witnesses
FR_JOBS = (("agricultrice", "agriculteur"), ("enseignante", "enseignant"), ("infirmière", "infirmier"),
           ("chauffeuse routière", "chauffeur routier"), ("commerçante", "commerçant"), ("retraitée", "retraité"),
           ("boulangère", "boulanger"), ("étudiante", "étudiant"), ("mécanicienne", "mécanicien"),
           ("pharmacienne", "pharmacien"), ("couturière", "tailleur"), ("électricienne", "électricien"),
           ("bibliothécaire", "bibliothécaire"), ("vétérinaire", "vétérinaire"), ("cuisinière", "cuisinier"))
EN_JOBS = ("a farmer", "a teacher", "a nurse", "a lorry driver", "a shopkeeper", "a pensioner", "a baker",
           "a student", "a mechanic", "a pharmacist", "a pastor", "a tailor", "an electrician", "a librarian",
           "a ferry operator", "a vet", "a cook", "a volunteer", "a bus driver", "a nurse's aide")
FR_THINGS = ("les ponts", "les entrepôts", "les silos", "les hôpitaux", "les réservoirs", "les marchés",
             "les immeubles", "les abris", "les transformateurs", "les commerces", "les dépôts", "les puits")
EN_THINGS = ("bridges", "warehouses", "grain silos", "hospitals", "water tanks", "markets", "apartment blocks",
             "shelters", "transformers", "shops", "depots", "wells")
FR_MOODS = ("une inquiétude croissante", "une lassitude profonde", "une colère sourde", "un calme précaire",
            "une grande incertitude", "une fatigue visible", "une détermination intacte", "une peur diffuse")
EN_MOODS = ("growing anxiety", "deep weariness", "quiet anger", "a fragile calm", "great uncertainty",
            "visible fatigue", "undiminished resolve", "a pervasive fear")
# (French, English) city names
CITIES = (("Kiev", "Kyiv"), ("Odessa", "Odesa"), ("Lviv", "Lviv"), ("Dnipro", "Dnipro"), ("Varsovie", "Warsaw"),
          ("Bruxelles", "Brussels"), ("Genève", "Geneva"), ("Berlin", "Berlin"), ("Chisinau", "Chisinau"),
          ("Vilnius", "Vilnius"), ("Port-Soudan", "Port Sudan"), ("Goma", "Goma"), ("Addis-Abeba", "Addis Ababa"),
          ("Séoul", "Seoul"), ("Ankara", "Ankara"), ("Vienne", "Vienna"), ("Londres", "London"),
          ("Bucarest", "Bucharest"))
FR_FILLER = (
    "À {village}, {witness}, {job}, décrit {mood} parmi les habitants.",
    "Les combats autour de {village} ont endommagé {things} et compliqué l'acheminement de l'aide.",
    "Des diplomates réunis à {city} ont appelé à la retenue, sans annoncer de mesure concrète.",
    "{witness}, {job} à {village}, raconte avoir passé la nuit dans une cave avec ses voisins.",
    "Les autorités locales de {village} réclament que {things} soient réparés rapidement.",
    "La situation reste tendue dans la région, où {mood} domine selon les observateurs sur place.",
    "Plusieurs organisations humanitaires ont suspendu leurs activités près de {village}.",
    "Le sujet devait être abordé lors d'une réunion prévue à {city} la semaine prochaine.",
    "{witness} affirme que {things} de {village} n'ont pas été entretenus depuis des mois.",
    "Les chancelleries européennes suivent l'évolution de la situation avec attention.",
    "Sur les réseaux sociaux, des images montrant {things} détruits à {village} ont largement circulé.",
    "Aucune vérification indépendante de ces informations n'était possible dans l'immédiat.",
    "Des experts interrogés à {city} jugent la tendance préoccupante pour les mois à venir.",
    "Le ravitaillement de {village} dépend désormais de convois escortés, explique {witness}.",
    "La question divise les partenaires occidentaux, réunis à {city} pour en discuter.",
    "Dans les rues de {village}, {mood} se lit sur les visages, rapporte {witness}, {job}.",
    "Les négociations, menées en coulisses à {city}, n'ont pas encore abouti.",
    "Des images satellites publiées récemment montrent {things} gravement endommagés près de {village}.",
    "Les familles de {village} attendent toujours des nouvelles de leurs proches.",
    "Le gouvernement local promet de reconstruire {things} dès que possible.",
    "{Pron} dit avoir vu passer des colonnes de camions militaires près de {village}, confie {witness}.",
    "À {city}, la presse locale consacre de longs reportages à la situation.",
    "Les écoles de {village} ont fermé leurs portes, faute de chauffage.",
    "Le maire de {village} a lancé un appel aux dons pour remettre en état {things}.",
    "Les prix des denrées ont fortement augmenté à {village}, selon {witness}, {job}.",
    "Une réunion d'urgence s'est tenue à {city} pour coordonner l'aide humanitaire.",
    "Plusieurs familles de {village} ont trouvé refuge chez des proches à {city}.",
    "{witness}, {job}, dit ne plus dormir depuis que {things} de {village} ont été touchés.",
    "Les secouristes travaillent sans relâche dans les décombres à {village}.",
    "L'accès à l'eau potable reste difficile à {village}, où {things} sont hors d'usage.",
    "Des observateurs internationaux doivent se rendre prochainement à {village}.",
    "À {city}, des manifestants ont réclamé davantage de soutien aux civils.",
    "{witness} espère pouvoir rentrer à {village} avant l'hiver.",
    "Les routes menant à {village} sont régulièrement coupées, compliquant les évacuations.",
)
EN_FILLER = (
    "In {village}, {witness}, {job}, described {mood} among residents.",
    "Fighting around {village} has damaged {things} and slowed the delivery of aid.",
    "Diplomats meeting in {city} called for restraint but announced no concrete steps.",
    "{witness}, {job} from {village}, said {pron} spent the night in a cellar with neighbours.",
    "Local officials in {village} are calling for {things} to be repaired quickly.",
    "The situation remains tense in the region, where {mood} prevails, observers on the ground said.",
    "Several aid groups have suspended their work near {village}.",
    "The issue was due to be discussed at a meeting in {city} next week.",
    "{witness} said {things} in {village} had not been maintained for months.",
    "European capitals are watching developments closely.",
    "Images of destroyed {things} in {village} circulated widely on social media.",
    "The information could not be independently verified.",
    "Experts interviewed in {city} called the trend worrying for the months ahead.",
    "Supplies to {village} now depend on escorted convoys, {witness} explained.",
    "The question divides Western partners, who met in {city} to discuss it.",
    "In the streets of {village}, {mood} is written on people's faces, said {witness}, {job}.",
    "Negotiations held behind closed doors in {city} have yet to produce a result.",
    "Recently published satellite images show badly damaged {things} near {village}.",
    "Families in {village} are still waiting for news of their relatives.",
    "The local government has promised to rebuild {things} as soon as possible.",
    "{Pron} saw columns of military lorries near {village}, {witness} said.",
    "In {city}, local newspapers have run long reports on the situation.",
    "Schools in {village} have closed for lack of heating.",
    "The mayor of {village} has appealed for donations to repair {things}.",
    "Food prices have risen sharply in {village}, said {witness}, {job}.",
    "An emergency meeting was held in {city} to coordinate humanitarian aid.",
    "Several families from {village} have taken refuge with relatives in {city}.",
    "{witness}, {job}, said {pron} had not slept since {things} in {village} were hit.",
    "Rescue workers are searching the rubble in {village} around the clock.",
    "Access to drinking water remains difficult in {village}, where {things} are out of use.",
    "International observers are due to visit {village} soon.",
    "In {city}, protesters called for more support for civilians.",
    "{witness} hopes to return to {village} before winter.",
    "Roads leading to {village} are regularly cut, hampering evacuations.",
)
# The slots each filler template uses, so only those are drawn.
_SLOTS: dict[str, frozenset[str]] = {t: frozenset(re.findall(r"\{(\w+)\}", t)) for t in FR_FILLER + EN_FILLER}
FR_HEADINGS = ("Une situation tendue", "Réactions internationales", "Sur le terrain", "Des chiffres contestés",
               "Inquiétude des habitants", "Le point sur la situation")
EN_HEADINGS = ("A tense situation", "International reactions", "On the ground", "Disputed figures",
               "Residents worried", "Where things stand")
FR_TITLE_TAIL = ("les estimations divergent", "ce que l'on sait", "des chiffres qui inquiètent",
                 "le décompte se précise", "nouvelles estimations")
EN_TITLE_TAIL = ("estimates diverge", "what we know", "worrying figures", "the count takes shape", "new estimates")

# Distractors: numbers that are not claims. "{N}" is the number; kind per template.
FR_DISTRACTORS: tuple[tuple[str, str], ...] = (
    ("date", "Le {N} {m}, une délégation s'est rendue à {city}."),
    ("year", "Le conflit dure depuis {Y}."),
    ("year", "Une première évaluation avait été publiée en {Y}."),
    ("age", "{witness}, {aged} de {A} ans, dit avoir tout perdu."),
    ("duration", "Les sirènes ont retenti pendant {H} heures à {city}."),
    ("duration", "Les coupures de courant ont duré {Dw} jours à {village}."),
    ("ordinal", "La {O}e brigade a été redéployée vers {village}."),
    ("ordinal", "C'est la {Ow} fois que {village} est visé."),
    ("multiple", "C'est {Mw} fois plus qu'au printemps, selon des observateurs."),
    ("time", "L'alerte a été levée à {T} h à {city}."),
    ("reference", "L'article {R} du traité a été évoqué par plusieurs délégations."),
)
EN_DISTRACTORS: tuple[tuple[str, str], ...] = (
    ("date", "On {M} {N}, a delegation travelled to {city}."),
    ("year", "The conflict has been going on since {Y}."),
    ("year", "A first assessment was published in {Y}."),
    ("age", "{witness}, {A}, said {pron} had lost everything."),
    ("duration", "Air raid sirens sounded for {H} hours in {city}."),
    ("duration", "Power cuts lasted {Dw} days in {village}."),
    ("ordinal", "The {O} Brigade was redeployed towards {village}."),
    ("ordinal", "It is the {Ow} time {village} has been hit."),
    ("multiple", "That is {Mw} times as many as in the spring, observers said."),
    ("time", "The alert was lifted at {T} pm in {city}."),
    ("reference", "Article {R} of the treaty was raised by several delegations."),
)
FR_DURATION_WORDS = ("deux", "trois", "quatre", "cinq", "six")
EN_DURATION_WORDS = ("two", "three", "four", "five", "six")
FR_ORDINAL_WORDS = ("deuxième", "troisième", "quatrième", "cinquième")
EN_ORDINAL_WORDS = ("second", "third", "fourth", "fifth")
FR_MULTIPLE_WORDS = ("deux", "trois", "quatre")
EN_MULTIPLE_WORDS = ("two", "three", "four")

# Synonyms a republishing desk swaps in; applied outside figure spans.
FR_SYNONYMS: dict[str, tuple[str, ...]] = {
    "a déclaré": ("a affirmé", "a indiqué"), "a affirmé": ("a déclaré", "a assuré"),
    "a indiqué": ("a précisé", "a expliqué"), "combats": ("affrontements",), "habitants": ("riverains",),
    "autorités locales": ("élus locaux",), "réclament": ("demandent",), "Plusieurs": ("De nombreuses",),
    "attendent toujours": ("attendent encore",), "largement circulé": ("beaucoup circulé",),
    "préoccupante": ("inquiétante",), "rapidement": ("vite",), "raconte": ("relate",), "rapporte": ("relate",),
    "Selon": ("D'après",), "dans l'immédiat": ("pour l'instant",), "la semaine prochaine": ("prochainement",),
}
EN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated",), "told reporters": ("said",), "Fighting": ("Clashes",), "residents": ("locals",),
    "officials": ("authorities",), "quickly": ("swiftly",), "worrying": ("alarming",), "damaged": ("hit",),
    "circulated widely": ("were widely shared",), "closely": ("carefully",), "Several": ("A number of",),
    "still waiting": ("yet to hear",), "could not be independently verified": ("could not be verified",),
}
FR_CREDITS = ("(avec AFP)", "Avec {A}", "{A}", "Source : {A}")
EN_CREDITS = ("(with {A})", "With {A}", "{A}", "Source: {A}")
FR_TRANSLATED_CREDITS = ("(avec {A})", "Avec {A}", "Source : {A}", "Traduit d'une dépêche {A}")
EN_TRANSLATED_CREDITS = ("(with {A})", "With {A}", "Source: {A}", "Translated from an {A} dispatch")

# --- hard mode ---


@dataclass(frozen=True, slots=True)
class Hardness:
    """What real news does that the plain newsroom does not, each in a controlled share (0 = off).

    ``translations``  share of republished wire dispatches that are republished in the other language;
    ``names``         share of institutions' mentions by acronym, full name or a descriptor (after an
                      opening sentence that names them);
    ``undated``       share of records without ``published_at``; of those, ``undatable`` give no date at all,
                      the others one in their URL path or a date header or dated dateline in the text;
    ``tolls``         disasters whose death toll runs day by day (one running count each, some figures
                      corrected later: "revised down to 97, down from 115");
    ``recaps``        share of lead figures followed by a recap of an earlier figure ("contre 10 000
                      auparavant", "up from 55 earlier"); every context sentence ("X had earlier said") is a
                      recap too;
    ``partial``       share of monthly flows that also get a partial-period quantity ("du 1er au 20 octobre").

    In hard mode the corpus plants no forecasts: the truth does not model DESIGN.md's forecast rules.
    """

    translations: float = 0.0
    names: float = 0.0
    undated: float = 0.0
    undatable: float = 0.0
    tolls: int = 0
    recaps: float = 0.0
    partial: float = 0.0

    @property
    def on(self) -> bool:
        return any((self.translations, self.names, self.undated, self.tolls, self.recaps, self.partial))


HARD = Hardness(translations=0.3, names=0.5, undated=0.3, undatable=0.2, tolls=3, recaps=0.3, partial=0.3)


@dataclass(frozen=True, slots=True)
class TollEvent:
    slug: str
    fr_event: str  # "le séisme au Maroc"
    en_event: str  # "the earthquake in Morocco"
    fr_title: str
    en_title: str
    dateline: str
    authority: str  # the local authority's org key (TOLL_ORGS)
    helpers: tuple[str, ...]  # independent organisations that count too (ORGS keys)


TOLL_EVENTS: tuple[TollEvent, ...] = (
    TollEvent("quake.morocco", "le séisme au Maroc", "the earthquake in Morocco", "Séisme au Maroc",
              "Earthquake in Morocco", "MARRAKECH", "ma_int", ("icrc", "ocha")),
    TollEvent("floods.bangladesh", "les inondations au Bangladesh", "the floods in Bangladesh",
              "Inondations au Bangladesh", "Floods in Bangladesh", "DHAKA", "bd_dm", ("icrc", "unhcr")),
    TollEvent("landslide.nepal", "le glissement de terrain au Népal", "the landslide in Nepal",
              "Glissement de terrain au Népal", "Landslide in Nepal", "KATHMANDU", "np_police", ("ocha", "icrc")),
    TollEvent("quake.peru", "le séisme au Pérou", "the earthquake in Peru", "Séisme au Pérou",
              "Earthquake in Peru", "LIMA", "pe_civil", ("icrc", "ocha")),
)
TOLL_DAYS = 12  # how long a toll keeps being reported
TOLL_STEP = 1.25  # a toll that grows grows by at least this much: the days' counts never blur
FR_TOLL = (
    "Selon {S}, le bilan de {E} s'élève à {F}{R}.",
    "{E_cap} a fait {F}{R}, selon {S}.",
    "{S} a fait état de {F} dans {E}{R}.",
)
EN_TOLL = (
    "According to {S}, {E} has killed {F}{R}.",
    "{S} said the death toll from {E} had risen to {F}{R}.",
    "{E_cap} has killed {F}{R}, {S} said.",
)
FR_TOLL_OWN = ("D'après les données compilées par la rédaction, {E} a fait {F}{R}.",)
EN_TOLL_OWN = ("By our count, {E} has killed {F}{R}.",)
FR_TOLL_RECAP = (", contre {R} la veille", ", contre {R} précédemment")
EN_TOLL_RECAP_UP = (", up from {R} the day before", ", up from {R} earlier")
EN_TOLL_RECAP_DOWN = (", down from {R} earlier",)
FR_TOLL_CORRECTION = ("{S} a revu à la baisse le bilan de {E}, à {F}, contre {R} annoncés précédemment.",
                      "{S} a corrigé le bilan de {E} : {F}, et non {R} comme annoncé auparavant.")
EN_TOLL_CORRECTION = ("{S} revised the death toll from {E} down to {F}, down from {R}.",
                      "{S} corrected the toll from {E} to {F}, down from the {R} it had previously given.")
FR_TOLL_NOUNS = ("morts", "victimes")
EN_TOLL_NOUNS = ("people", "dead")
FR_RECAP = (", contre {R} auparavant", ", contre {R} initialement annoncés")
EN_RECAP_UP = (", up from {R} earlier",)
EN_RECAP_DOWN = (", down from {R} earlier",)
FR_INTRO = ("{O} a présenté une nouvelle évaluation à des députés, à huis clos.",
            "{O} a publié un nouveau rapport sur la situation.")
EN_INTRO = ("{O} briefed lawmakers behind closed doors on its latest assessment.",
            "{O} released a new report on the situation.")
FR_SCOPE_PARTIAL = ("entre le {A} et le {D} {m}", "du {A} au {D} {m}")
EN_SCOPE_PARTIAL = ("between {M} {A} and {D}", "from {A} to {D} {M}")
FR_HEADER = ("Publié le {d} {m} {y}", "Mis à jour le {d} {m} {y}")
EN_HEADER = ("Published {M} {d}, {y}", "Updated {d} {M} {y}")

# --------------------------------------------------------------------------------------------------
# Truth records
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Source:
    """A source with a true reliability: an official (person or institution) or an outlet."""

    source_id: str
    name: str
    kind: str  # "official" | "outlet"
    p: float
    org: str | None  # organisation key (officials); None for outlets
    root: str  # root organisation key, or the outlet's own id
    gender: str = "m"  # "f" | "m" | "n" (an institution in English)
    role: str | None = None  # None for an institution speaking as itself and for outlets
    languages: tuple[str, ...] = ()
    wire: bool = False
    domain: str = ""
    activity: float = 1.0


@dataclass(slots=True)
class Quantity:
    quantity_id: str
    storyline: str
    topic: str
    unit: str
    scope_start: date
    scope_end: date
    true_value: int
    wrong_side: str  # "high" | "low": where this quantity's wrong figures fall
    # hard mode: a partial period (1 to ``scope_end.day`` of the month) is spoken of only from ``from_day``;
    # a running count (a toll) has kind "count" and a true value per day
    from_day: date | None = None
    kind: str | None = None
    daily: dict[date, int] = field(default_factory=dict)


@dataclass(slots=True)
class Statement:
    """One source giving one figure on one quantity on one day."""

    statement_id: int
    quantity: Quantity
    source: Source
    day: date
    qualifier: str
    value: int
    low: int
    high: int
    right: bool


@dataclass(slots=True)
class Article:
    id: str
    outlet: str
    url: str
    published_at: str
    language: str
    title: str
    text: str
    copy_of: str | None = None
    agency: str | None = None
    # hard mode: how an undated record (``published_at`` null) can be dated: "url" (a date in its URL path),
    # "header" (a date header or dated dateline in its text) or "none"; "" for a dated record
    undated: str = ""
    translated: bool = False  # a copy in the other language

    def record(self) -> dict[str, str | None]:
        """The input record ``cli.py run`` reads."""
        return {"id": self.id, "outlet": self.outlet, "url": self.url,
                "published_at": None if self.undated else self.published_at,
                "language": self.language, "title": self.title, "text": self.text}


@dataclass(slots=True)
class Claim:
    """One planted figure as it reads in one article.

    ``value_low``/``value_high`` equal ``value`` except for ranges (``value`` is then the midpoint), as
    ``find_figures`` reports them; the qualifier says which way an interval is open. ``source`` is the
    canonical name (a person's name, an institution's English name, or the outlet for an unattributed
    figure); ``source_root`` the top of its organisation tree (the outlet itself for an outlet).
    ``copy_of`` is set on the figures of a republished dispatch. ``right`` and ``true_value`` are the truth.
    """

    claim_id: str
    article_id: str
    char_start: int
    char_end: int
    text: str
    value: int
    value_low: int
    value_high: int
    qualifier: str
    unit: str
    source: str
    source_id: str
    source_kind: str
    source_org: str | None
    source_root: str
    attributed: bool
    quantity_id: str
    statement_id: str
    right: bool
    true_value: int
    published_at: str
    language: str
    outlet: str
    copy_of: str | None
    # hard mode (DESIGN.md §2.8, §6.5, §6.6): a recap recalls an earlier figure; a correction replaces one;
    # kind "count" is a running count; ``dated_at`` is the date the rules can place the claim at (the record's,
    # one read from its URL or text, or its copy group's), None when none; ``tags`` the hard categories
    is_recap: bool = False
    is_correction: bool = False
    kind: str | None = None
    dated_at: str | None = ""
    tags: str = ""

    def __post_init__(self) -> None:
        if self.dated_at == "":
            self.dated_at = self.published_at


@dataclass(slots=True)
class Outcome:
    claim_id: str
    outcome: str
    evidence: list[str]
    reason: str


@dataclass(slots=True)
class Distractor:
    article_id: str
    kind: str
    char_start: int
    char_end: int
    text: str


@dataclass(slots=True)
class Newsroom:
    """A generated corpus and its truth."""

    articles: list[Article]
    claims: list[Claim]
    outcomes: list[Outcome]
    sources: list[Source]
    quantities: list[Quantity]
    distractors: list[Distractor]
    params: dict[str, object] = field(default_factory=dict)

    def write(self, out: str | Path) -> Path:
        """Write ``articles.jsonl`` and ``truth/`` under ``out``; returns ``out``."""
        out = Path(out)
        (out / "truth").mkdir(parents=True, exist_ok=True)
        _write_jsonl(out / "articles.jsonl", (a.record() for a in self.articles))
        _write_jsonl(out / "truth" / "claims.jsonl", (_row(c) for c in self.claims))
        _write_jsonl(out / "truth" / "outcomes.jsonl", (_row(o) for o in self.outcomes))
        _write_jsonl(out / "truth" / "distractors.jsonl", (_row(d) for d in self.distractors))
        _write_jsonl(out / "truth" / "quantities.jsonl", (
            {"quantity_id": q.quantity_id, "storyline": q.storyline, "topic": q.topic, "unit": q.unit,
             "scope_start": q.scope_start.isoformat(), "scope_end": q.scope_end.isoformat(),
             "true_value": q.true_value} for q in self.quantities))
        _write_csv(out / "truth" / "reliabilities.csv", ["source", "kind", "p", "organisation", "root"], (
            [s.name, s.kind, f"{s.p:.4f}", _org_name(s.org) if s.org else "", _root_name(s)]
            for s in self.sources))
        _write_csv(out / "truth" / "aliases.csv", ["alias", "canonical", "kind", "parent"], self.aliases())
        _write_csv(out / "truth" / "subjects.csv", ["term", "concept"], self.subjects())
        _write_csv(out / "truth" / "copies.csv", ["article_id", "copy_of", "agency"], (
            [a.id, a.copy_of, a.agency or ""] for a in self.articles if a.copy_of))
        (out / "truth" / "params.json").write_text(json.dumps(self.params, sort_keys=True, indent=1) + "\n",
                                                   encoding="utf-8")
        return out

    def aliases(self) -> list[list[str]]:
        """Rows of an alias file (``seeds/aliases.csv``'s format) naming every source as the text does."""
        rows: list[list[str]] = []
        orgs = {s.org for s in self.sources if s.org}
        for key in list(orgs):  # an organisation's parents are named too
            while (parent := ORG_BY_KEY[key].parent) is not None:
                orgs.add(parent)
                key = parent
        hard = bool(self.params.get("hard"))
        for o in ORGS + TOLL_ORGS:
            if o.key not in orgs:
                continue
            parent = ORG_BY_KEY[o.parent].en_attr if o.parent else ""
            bare = re.sub(r"^(le |la |les |l')", "", o.fr_the)
            names = dict.fromkeys([o.en_attr, o.en_the, o.fr_the, bare])
            if hard and o.key in OTHER_NAMES:  # acronyms and full names, in both languages (not descriptors)
                other = OTHER_NAMES[o.key]
                for name in (other.en_full, other.fr_full, other.en_acronym, other.fr_acronym):
                    names[name] = None
                    names[re.sub(r"^(the |le |la |les |l')", "", name)] = None
            for n, alias in enumerate(names):
                rows.append([alias, o.en_attr, "official" if n == 0 else "", parent if n == 0 else ""])
        for s in self.sources:
            if s.kind == "official" and s.role is not None:
                rows.append([s.name, s.name, "official", _org_name(s.org) if s.org else ""])
            elif s.kind == "outlet":
                rows.append([s.name, s.name, "outlet", ""])
        return rows

    def subjects(self) -> list[list[str]]:
        """Rows of a subject lexicon (``seeds/subjects.csv``'s format) for the storylines this corpus covers."""
        covered = {q.storyline for q in self.quantities}
        return [[term, line.slug] for line in STORYLINES if line.slug in covered for term in subject_terms(line)]

    def frames(self) -> dict[str, pl.DataFrame]:
        """The corpus and its truth as polars frames: articles, claims, outcomes, sources, quantities."""
        import polars as pl

        return {
            "articles": pl.DataFrame([_row(a) for a in self.articles]),
            "claims": pl.DataFrame([_row(c) for c in self.claims]),
            "outcomes": pl.DataFrame([_row(o) for o in self.outcomes]),
            "sources": pl.DataFrame([{"source_id": s.source_id, "source": s.name, "kind": s.kind, "p": s.p,
                                      "organisation": _org_name(s.org) if s.org else None,
                                      "root": _root_name(s)} for s in self.sources]),
            "quantities": pl.DataFrame([asdict(q) for q in self.quantities]),
        }

    def stats(self) -> dict[str, float]:
        """Shares and counts a reader checks first."""
        n = len(self.articles) or 1
        counts: dict[str, int] = defaultdict(int)
        for o in self.outcomes:
            counts[o.outcome] += 1
        return {
            "articles": len(self.articles),
            "claims": len(self.claims),
            "french_share": sum(a.language == "fr" for a in self.articles) / n,
            "copy_share": sum(a.copy_of is not None for a in self.articles) / n,
            "right_share": sum(c.right for c in self.claims) / (len(self.claims) or 1),
            "attributed_share": sum(c.attributed for c in self.claims) / (len(self.claims) or 1),
            **{k: counts[k] for k in ("corroborated", "revised", "unresolved")},
            "words_per_article": sum(len(a.text.split()) for a in self.articles) / n,
        }


_TERM_WORD = re.compile(r"[^\W\d_][\w'-]*")
_TERM_ARTICLE = re.compile(r"^(?:l|d)'", re.IGNORECASE)


def _term_words(text: str) -> list[str]:
    """The words of a wording, elided articles dropped ("l'Ituri" -> "Ituri"), placeholders skipped."""
    text = re.sub(r"\{\w+\}", " ", text)
    return [_TERM_ARTICLE.sub("", w) for w in _TERM_WORD.findall(text)]


def _fold(word: str) -> str:
    """A word without accents, case, plural or feminine ending: "ukrainiennes" and "ukrainiens" agree."""
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).casefold()
    word = re.sub(r"(?<=\w{3})[sx]$", "", word)
    word = re.sub(r"(?<=\w{3})e$", "", word)
    return re.sub(r"(\w)\1+", r"\1", word)


def subject_terms(line: Storyline) -> list[str]:
    """The wordings a desk covering ``line`` would put in its subject lexicon, French and English.

    Each term is a counted noun of the storyline ("soldats", "troops") with the words that set the
    storyline apart from its neighbours: those that every clause of the language says and that its
    headline or its forecast wording repeats ("nord-coréens", "Russie"; "région", "Kharkiv"). The
    forecast wordings themselves ("le bilan dans la région de Kharkiv") are terms too.
    """
    terms: list[str] = []
    for lang in ("fr", "en"):
        clauses = line.fr_clauses if lang == "fr" else line.en_clauses
        named = " ".join((line.fr_title, line.fr_proj[0]) if lang == "fr" else (line.en_title, line.en_proj))
        named_keys = {_fold(w) for w in _term_words(named)}
        shared = [w for w in _term_words(clauses[0])
                  if _fold(w) in named_keys and all(w in _term_words(c) for c in clauses[1:])]
        nouns = line.fr_nouns if lang == "fr" else line.en_nouns
        adj = line.en_adj if lang == "en" and line.en_adj else ""
        for noun in nouns:
            terms.append(" ".join(w for w in (adj, noun, *dict.fromkeys(shared)) if w))
        terms.append(line.fr_proj[0] if lang == "fr" else line.en_proj)
    return list(dict.fromkeys(terms))


def _org_name(key: str) -> str:
    return ORG_BY_KEY[key].en_attr


def _root_name(s: Source) -> str:
    return s.name if s.kind == "outlet" else _org_name(s.root)


def _row(record: object) -> dict[str, object]:
    """A flat record's fields, without ``dataclasses.asdict``'s deep copies (slow on 10,000 articles)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}  # type: ignore[arg-type]


def _write_jsonl(path: Path, rows: Iterable[Mapping[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, default=_json_default))
            f.write("\n")


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _write_csv(path: Path, header: list[str], rows: Iterable[Sequence[object]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------------------------------
# Outcome rules
# --------------------------------------------------------------------------------------------------


def claim_interval(qualifier: str, low: float, high: float, widen: float) -> tuple[float, float]:
    """The interval a claim admits, each end moved out by ``widen`` (relative)."""
    lo, hi = float(low), float(high)
    if qualifier == "at_least":
        hi = math.inf
    elif qualifier == "at_most":
        lo = 0.0
    return lo * (1 - widen), hi * (1 + widen)


def expected_outcomes(claims: Sequence[Claim], tolerance: dict[str, float] | None = None) -> list[Outcome]:
    """Each claim's outcome under the rules of DESIGN.md §5.3 (see the module docstring), in the order given.

    Reads only the claims: quantity, value interval and qualifier, source, root organisation, publication
    day and copy group (``copy_of`` or the article itself).
    """
    tol = TOLERANCE if tolerance is None else tolerance
    by_q: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_q[c.quantity_id].append(i)
    out: list[Outcome | None] = [None] * len(claims)
    for idx in by_q.values():
        cs = [claims[i] for i in idx]
        iv = np.array([claim_interval(c.qualifier, c.value_low, c.value_high, tol.get(c.qualifier, 0.0))
                       for c in cs])
        lo, hi = iv[:, 0], iv[:, 1]
        day = np.array([date.fromisoformat(c.published_at).toordinal() for c in cs])
        group = _codes([c.copy_of or c.article_id for c in cs])
        root = _codes([c.source_root for c in cs])
        src = _codes([c.source_id for c in cs])
        compat = (lo[:, None] <= hi[None, :]) & (lo[None, :] <= hi[:, None])
        indep = (group[:, None] != group[None, :]) & (root[:, None] != root[None, :])
        corr_by = compat & indep & (day[None, :] >= day[:, None])  # [i, j]: j corroborates i
        corroborated = corr_by.any(axis=1)
        stands = corroborated[None, :] | (src[:, None] == src[None, :])
        rev_by = (~compat) & (day[None, :] > day[:, None]) & stands
        revised = rev_by.any(axis=1)
        for k, c in enumerate(cs):
            if revised[k]:
                ev = [cs[j].claim_id for j in np.flatnonzero(rev_by[k])]
                out[idx[k]] = Outcome(c.claim_id, "revised", ev[:EVIDENCE_LIMIT],
                                      f"{len(ev)} later standing claims on the same quantity disagree")
            elif corroborated[k]:
                ev = [cs[j].claim_id for j in np.flatnonzero(corr_by[k])]
                out[idx[k]] = Outcome(c.claim_id, "corroborated", ev[:EVIDENCE_LIMIT],
                                      f"{len(ev)} independent compatible claims, same day or later")
            else:
                out[idx[k]] = Outcome(c.claim_id, "unresolved", [], "no later independent evidence")
    return [o for o in out if o is not None]


_NAMED_ORGS: dict[str, Org] = {o.en_attr: o for o in ORGS + TOLL_ORGS}


def _line_of(c: Claim) -> frozenset[str]:
    """The organisations above a claim's source, its own organisation included (canonical names)."""
    names: set[str] = set()
    org = _NAMED_ORGS.get(c.source_org or "")
    while org is not None:
        names.add(org.en_attr)
        org = ORG_BY_KEY[org.parent] if org.parent else None
    return frozenset(names)


def design_outcomes(claims: Sequence[Claim], tolerance: dict[str, float] | None = None) -> list[Outcome]:
    """Each claim's outcome under DESIGN.md §2.8, §5 and §6.5-6.6, as ``sql/models/claim_evidence.sql`` and
    ``claim_outcomes.sql`` apply them where DESIGN.md is silent (hard mode; no forecasts, no period concepts).

    On top of :func:`expected_outcomes`: a claim is placed at ``dated_at`` (None: no verdict that depends on
    order, and no evidence for any other claim); a recap held before its article's date, backs nothing and is
    superseded by an incompatible figure of its own article (for a running count, only by a correction); a
    running count (kind ``count``) is corroborated only within ``count_days`` days either way, never revised
    by growth, and revised by a later correction whose article recalls it; an outlet's own figure backs no
    attributed claim; the source's own latest later word (its line: itself, the organisations above it, those
    under it) restates or corrects it; a contradiction revises only when backed by an independent figure and
    later than every corroboration.
    """
    tol = TOLERANCE if tolerance is None else tolerance
    count_days = 2
    by_q: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_q[c.quantity_id].append(i)
    out: list[Outcome | None] = [None] * len(claims)
    for idx in by_q.values():
        for i, o in zip(idx, _judge([claims[i] for i in idx], tol, count_days), strict=True):
            out[i] = o
    return [o for o in out if o is not None]


def _judge(cs: list[Claim], tol: dict[str, float], count_days: int) -> list[Outcome]:
    """The outcomes of the claims of one quantity (see :func:`design_outcomes`), in the order given."""
    out: list[Outcome | None] = [None] * len(cs)
    n = len(cs)
    iv = [(float(c.value_low), float(c.value_high)) if c.kind == "count" and c.qualifier != "approx"
          else claim_interval(c.qualifier, c.value_low, c.value_high, tol.get(c.qualifier, 0.0)) for c in cs]
    day = [date.fromisoformat(c.dated_at).toordinal() if c.dated_at else None for c in cs]
    pub_lo = [None if d is None else (-10**9 if c.is_recap else d) for c, d in zip(cs, day, strict=True)]
    pub_hi = [None if d is None else (d - 1 if c.is_recap else d) for c, d in zip(cs, day, strict=True)]
    group = [c.copy_of or c.article_id for c in cs]
    lines = [_line_of(c) for c in cs]

    def compat(x: int, y: int) -> bool:
        return iv[x][0] <= iv[y][1] and iv[y][0] <= iv[x][1]

    def recalled(x: int, article: str) -> bool:
        return any(cs[r].is_recap and cs[r].article_id == article and r != x and compat(r, x) for r in range(n))

    def kin(x: int, y: int) -> bool:
        return cs[x].source_id == cs[y].source_id or cs[y].source in lines[x] or cs[x].source in lines[y]

    rel: list[list[tuple[int, str]]] = [[] for _ in range(n)]
    for x in range(n):
        cx, count = cs[x], cs[x].kind == "count"
        for y in range(n):
            if x == y:
                continue
            cy = cs[y]
            same_article = cx.article_id == cy.article_id
            known = pub_lo[x] is not None and pub_lo[y] is not None
            near = known and cx.kind == "count" and not cx.is_recap and not cy.is_recap and \
                abs(day[x] - day[y]) <= count_days  # type: ignore[operator]
            compatible = compat(x, y)
            later = (known and pub_lo[y] > pub_hi[x]) or (same_article and cx.is_recap and not cy.is_recap)  # type: ignore[operator]
            not_earlier = (pub_hi[y] >= pub_lo[x] if known else same_article) or near  # type: ignore[operator]
            same_time = not count or near
            relation = None
            if same_article and cx.is_recap and not cy.is_recap and (not count or cy.is_correction) \
                    and not compatible:
                relation = "supersedes"
            elif cx.source_root == cy.source_root:
                relation = None
            elif group[x] == group[y]:
                relation = "copy" if compatible and not_earlier else None
            elif compatible and not_earlier and same_time and (cy.attributed or not cx.attributed) \
                    and not cy.is_recap:
                relation = "corroborates"
            elif not compatible and later and count and cy.is_correction and recalled(x, cy.article_id):
                relation = "supersedes"
            elif not compatible and later and not count:
                relation = "contradicts"
            if relation:
                rel[x].append((y, relation))
        # the source's own latest word on the quantity, surely later
        if not cx.is_recap and pub_lo[x] is not None:
            mine = [y for y in range(n) if kin(x, y) and not cs[y].is_recap and pub_lo[y] is not None]
            last = max(mine, key=lambda y: (pub_lo[y], cs[y].claim_id))
            if pub_lo[last] > pub_hi[x]:  # type: ignore[operator]
                if compat(x, last):
                    rel[x].append((last, "restates"))
                elif not count or (cs[last].is_correction and recalled(x, cs[last].article_id)):
                    rel[x].append((last, "corrects"))
    withdrawn: dict[int, int] = {}
    for x in range(n):
        own = [y for y, r in rel[x] if r == "corrects"]
        sup = [y for y, r in rel[x] if r == "supersedes"]
        if own:
            withdrawn[x] = own[0]
        elif sup:
            withdrawn[x] = max(sup, key=lambda y: (pub_lo[y] or 0, cs[y].claim_id))
    backed: set[int] = set()
    for x in range(n):
        for y, r in rel[x]:
            if r == "corroborates" and x not in withdrawn and y not in withdrawn:
                backed.update((x, y))
    for k, c in enumerate(cs):
        support = [y for y, r in rel[k] if r == "corroborates"]
        overturn = [y for y, r in rel[k] if r == "contradicts" and y in backed]
        last_s = max((pub_lo[y] for y in support), default=None)  # type: ignore[type-var]
        last_o = max((pub_lo[y] for y in overturn), default=None)  # type: ignore[type-var]
        if k in withdrawn:
            why = "its source later gave an incompatible figure" if any(
                r == "corrects" for _, r in rel[k]) else "a later figure says it replaces this one"
            out[k] = Outcome(c.claim_id, "revised", [cs[withdrawn[k]].claim_id], why)
        elif overturn and (last_s is None or last_o > last_s):  # type: ignore[operator]
            ev = [cs[y].claim_id for y in overturn]
            out[k] = Outcome(c.claim_id, "revised", ev[:EVIDENCE_LIMIT],
                                  "a later independent figure, backed by another source, contradicts it")
        elif support:
            ev = [cs[y].claim_id for y in support]
            out[k] = Outcome(c.claim_id, "corroborated", ev[:EVIDENCE_LIMIT],
                                  f"{len(ev)} independent compatible claims at the same time or later")
        else:
            why = "publication date unknown: no verdict that depends on order" if c.dated_at is None else \
                "no independent evidence yet"
            out[k] = Outcome(c.claim_id, "unresolved", [], why)
    return [o for o in out if o is not None]


def _codes(values: list[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values])


# --------------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------------


def round_sig(x: float, digits: int) -> int:
    """``x`` rounded to ``digits`` significant digits, as an int (at least 1)."""
    if x < 1:
        return 1
    e = int(math.floor(math.log10(x))) - digits + 1
    step = 10 ** max(e, 0)
    return max(1, int(round(x / step)) * step)


def _floor_sig(x: float, digits: int) -> int:
    e = int(math.floor(math.log10(max(x, 1)))) - digits + 1
    step = 10 ** max(e, 0)
    return max(1, int(x // step) * step)


def _ceil_sig(x: float, digits: int) -> int:
    e = int(math.floor(math.log10(max(x, 1)))) - digits + 1
    step = 10 ** max(e, 0)
    return max(1, int(-(-x // step)) * step)


def _group(n: int, sep: str) -> str:
    s = str(n)
    if not sep:
        return s
    parts = []
    while len(s) > 3:
        parts.append(s[-3:])
        s = s[:-3]
    parts.append(s)
    return sep.join(reversed(parts))


@dataclass(slots=True)
class NumberStyle:
    """How one article writes numbers; an outlet keeps its house style, with some variation."""

    lang: str
    sep: str
    group_four: bool  # "4 500" rather than "4500"
    words: bool  # small round values as words ("douze", "twelve")
    scale_words: bool  # "1,5 million" rather than "1 500 000"
    money_symbol: bool  # English "$20bn" rather than "20 billion dollars"
    short_scale: bool  # English "bn"/"m" after a symbol


def _scaled(v: int) -> tuple[Decimal, int] | None:
    """``v`` as mantissa x 10^9 or 10^6 when the mantissa needs at most two decimals."""
    for exp in (9, 6):
        if v >= 10**exp:
            m = Decimal(v) / Decimal(10**exp)
            if m == m.quantize(Decimal("0.01")):
                return m.normalize() if m != m.to_integral_value() else m.quantize(Decimal(1)), exp
    return None


def _mantissa(m: Decimal, lang: str) -> str:
    s = format(m, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s.replace(".", ",") if lang == "fr" else s


def _digits(v: int, st: NumberStyle) -> str:
    if v < 1000 or (v < 10000 and not st.group_four):
        return str(v)
    return _group(v, st.sep)


def _scale_word(exp: int, m: Decimal, lang: str) -> str:
    if lang == "fr":
        word = "milliard" if exp == 9 else "million"
        return word + ("s" if m >= 2 else "")
    return "billion" if exp == 9 else "million"


def _number(v: int, st: NumberStyle, money: bool) -> tuple[str, int | None, Decimal | None]:
    """``v`` in words or digits; returns the text and, when a scale word was used, its exponent."""
    sc = _scaled(v) if (st.scale_words or v >= 10**7) else None
    if sc is not None:
        m, exp = sc
        return f"{_mantissa(m, st.lang)} {_scale_word(exp, m, st.lang)}", exp, m
    return _digits(v, st), None, None


def _fr_de(noun: str, scaled: bool) -> str:
    """French needs "de" between a scale word and its noun: "1,5 million de réfugiés", "750 000 dollars"."""
    if noun.startswith(("de ", "d'")):
        return noun if scaled else noun.split(" ", 1)[-1].split("'", 1)[-1]
    if not scaled or noun == "km²":
        return noun
    return ("d'" if noun[0] in "aeiouéèêàâîôûh" else "de ") + noun


_AREA_NOUNS = ("km²", "kilomètres carrés", "square kilometres", "sq km")


def figure_text(
    lang: str, qualifier: str, value: int, low: int, high: int, noun: str, en_adj: str, st: NumberStyle,
    rng: random.Random, currency: str | None, proj_verb: str | None,
) -> str:
    """The figure span: qualifier words, number(s), unit ("environ 10 000 soldats", "$20bn")."""
    adj = f"{en_adj} " if (lang == "en" and en_adj) else ""
    words = FR_WORDS if lang == "fr" else EN_WORDS
    if qualifier == "range":
        a_txt, a_exp, _ = _number(low, st, currency is not None)
        b_txt, b_exp, b_m = _number(high, st, currency is not None)
        if lang == "en" and currency and st.money_symbol and b_exp:
            sym = "$" if currency == "usd" else "€"
            unit = "bn" if b_exp == 9 else "m"
            am, bm = _scaled(low), _scaled(high)
            if am and bm and am[1] == bm[1]:
                return f"between {sym}{_mantissa(am[0], lang)}{unit} and {sym}{_mantissa(bm[0], lang)}{unit}"
        if a_exp is not None and a_exp == b_exp and b_m is not None:
            am = _scaled(low)
            assert am is not None
            nums = (f"{_mantissa(am[0], lang)} et {b_txt}" if lang == "fr"
                    else f"{_mantissa(am[0], lang)} and {b_txt}")
        elif a_exp is None and b_exp is None:
            nums = f"{a_txt} et {b_txt}" if lang == "fr" else f"{a_txt} and {b_txt}"
        else:
            a_txt, b_txt = _digits(low, st), _digits(high, st)
            b_exp = None
            nums = f"{a_txt} et {b_txt}" if lang == "fr" else f"{a_txt} and {b_txt}"
        if lang == "fr":
            return f"entre {nums} {_fr_de(noun, b_exp is not None)}"
        return f"between {nums} {adj}{noun}"
    if lang == "en" and currency and st.money_symbol:
        sym = "$" if currency == "usd" else "€"
        sc = _scaled(value)
        if sc:
            m, exp = sc
            if st.short_scale:
                num = f"{sym}{_mantissa(m, lang)}{'bn' if exp == 9 else 'm'}"
            else:
                num = f"{sym}{_mantissa(m, lang)} {_scale_word(exp, m, lang)}"
        else:
            num = f"{sym}{_digits(value, st)}"
        body = num
    elif st.words and value in words and qualifier in ("exact", "approx") and currency is None and \
            noun not in _AREA_NOUNS:
        body = f"{words[value]} {noun}" if lang == "fr" else f"{words[value]} {adj}{noun}"
    else:
        num, scale, _ = _number(value, st, currency is not None)
        body = f"{num} {_fr_de(noun, scale is not None)}" if lang == "fr" else f"{num} {adj}{noun}"
    if qualifier == "projection":
        return f"{proj_verb} {body}"
    if qualifier in ("approx", "at_least", "at_most"):
        qual = _pick(rng, (FR_QUAL if lang == "fr" else EN_QUAL)[qualifier])
        return f"{qual} {body}"
    return body


# --------------------------------------------------------------------------------------------------
# Text assembly: sentences are lists of chunks, so spans survive rewriting and reordering
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Fig:
    text: str
    statement: Statement
    attributed: bool
    recap: bool = False
    correction: bool = False
    tags: tuple[str, ...] = ()
    credit: Source | None = None  # who the text credits, when not the statement's source (a recap)


@dataclass(slots=True)
class Num:
    text: str
    kind: str


Chunk = str | Fig | Num
Sentence = list[Chunk]
# How a sentence was made: ("attr", statement, templates, naming), ("follow", statement), ("own", statement),
# ("fill",), ("dist", index, values), ("head",), ("intro", org key), ("toll", statement, recap, correction)
Recipe = tuple[object, ...]


def _chunk_text(c: Chunk) -> str:
    return c if isinstance(c, str) else c.text


def _fill(template: str, slots: dict[str, Chunk | list[Chunk]]) -> Sentence:
    """Split ``template`` on ``{name}`` placeholders and put the slots in (strings, chunks or chunk lists)."""
    out: Sentence = []
    pos = 0
    for m in re.finditer(r"\{([A-Za-z0-9_]+)\}", template):
        out.append(template[pos:m.start()])
        val = slots[m.group(1)]
        if isinstance(val, list):
            out.extend(val)
        else:
            out.append(val)
        pos = m.end()
    out.append(template[pos:])
    return _tidy(out)


_VOWEL_START = re.compile(r"^[aeiouyéèêàâîôûAEIOUYÉÈÊÀÂÎÔÛ]")


def _tidy(chunks: Sentence) -> Sentence:
    """Merge adjacent strings, drop empty ones, elide French "que"/"de" before a vowel."""
    out: Sentence = []
    for c in chunks:
        if isinstance(c, str):
            if not c:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += c
                continue
        out.append(c)
    for i in range(len(out) - 1):
        left, right = out[i], out[i + 1]
        if (isinstance(left, str) and _VOWEL_START.match(_chunk_text(right))
                and (left.endswith((" que ", " de ")) or left in ("que ", "de "))):
            out[i] = left[:-2] + "'"
    return out


def _capitalise(chunks: Sentence) -> Sentence:
    """Upper-case the sentence's first letter, wherever it sits (after a quote mark, inside a figure)."""
    for i, c in enumerate(chunks):
        t = _chunk_text(c)
        for k, ch in enumerate(t):
            if ch.isalpha():
                if ch.islower():
                    new = t[:k] + ch.upper() + t[k + 1:]
                    if isinstance(c, str):
                        chunks[i] = new
                    else:
                        c.text = new
                return chunks
            if ch.isdigit() or ch == "$" or ch == "€":
                return chunks
    return chunks


@dataclass(slots=True)
class Draft:
    """An article before its text is joined: paragraphs of sentences; paragraph 0 is the lead."""

    outlet: Source
    language: str
    day: date
    title: str
    dateline: str
    paragraphs: list[list[Sentence]]
    credit: str = ""
    copy_of: int | None = None  # index of the original draft
    agency: str | None = None
    # how each sentence was made, paragraph by paragraph (what a translation re-renders in the other language)
    plan: list[list[Recipe]] = field(default_factory=list)
    line: Storyline | None = None
    event: TollEvent | None = None
    header: Sentence = field(default_factory=list)  # a date header above the text (an undated record)
    translated: bool = False


def _compose(d: Draft) -> tuple[str, list[tuple[int, int, Fig]], list[tuple[int, int, Num]]]:
    """The article's text, with the offsets of its figures and distractors."""
    parts: list[str] = []
    pos = 0
    figs: list[tuple[int, int, Fig]] = []
    nums: list[tuple[int, int, Num]] = []
    for c in d.header:
        if isinstance(c, Num):
            nums.append((pos, pos + len(c.text), c))
        parts.append(_chunk_text(c))
        pos += len(_chunk_text(c))
    if d.header:
        parts.append("\n\n")
        pos += 2
    for pi, para in enumerate(d.paragraphs):
        if pi:
            parts.append("\n\n")
            pos += 2
        if pi == 0 and d.dateline:
            parts.append(d.dateline)
            pos += len(d.dateline)
        for si, sent in enumerate(para):
            if si:
                parts.append(" ")
                pos += 1
            for c in sent:
                if isinstance(c, str):
                    t = c
                else:
                    t = c.text
                    if isinstance(c, Fig):
                        figs.append((pos, pos + len(t), c))
                    else:
                        nums.append((pos, pos + len(t), c))
                parts.append(t)
                pos += len(t)
    if d.credit:
        parts.append("\n\n" + d.credit)
    return "".join(parts), figs, nums


# --------------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------------


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    """``rng.choice`` without its overhead: the generator draws millions of words."""
    return seq[int(rng.random() * len(seq))]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


class _World:
    def __init__(self, n_articles: int, seed: int, outlets: int, officials: int, lang_mix: float,
                 copy_share: float, months: int, start: date, hard: Hardness | None = None) -> None:
        if n_articles < 1:
            raise ValueError("n_articles must be at least 1")
        if outlets < 5:
            raise ValueError("need at least 5 outlets: the 3 wire agencies and one per language")
        if officials < 3:
            raise ValueError("need at least 3 officials")
        if not 0 <= lang_mix <= 1 or not 0 <= copy_share < 1:
            raise ValueError("lang_mix must be in [0, 1] and copy_share in [0, 1)")
        self.rng = random.Random(seed)
        self.seed = seed
        self.hard = hard or Hardness()
        for name in ("translations", "names", "undated", "undatable", "recaps", "partial"):
            if not 0 <= getattr(self.hard, name) <= 1:
                raise ValueError(f"{name} must be a share in [0, 1]")
        if not 0 <= self.hard.tolls <= len(TOLL_EVENTS):
            raise ValueError(f"tolls must be in [0, {len(TOLL_EVENTS)}]")
        self.tolls: list[tuple[TollEvent, Quantity, list[Source]]] = []
        self.corrections: dict[date, list[tuple[TollEvent, Quantity, Statement]]] = defaultdict(list)
        self.done: set[tuple[str, str]] = set()  # (source, toll) pairs: a source that corrected itself is done
        self.n = n_articles
        self.lang_mix = lang_mix
        self.copy_share = copy_share
        self.start = date(start.year, start.month, 1)
        self.end = _add_months(self.start, months) - timedelta(days=1)
        self.months = months
        self.sources: list[Source] = []
        self._make_outlets(outlets)
        self._make_officials(officials)
        self.quantities: list[Quantity] = []
        self.by_month: dict[tuple[str, int], Quantity] = {}
        self.statements: list[Statement] = []
        self.q_statements: dict[str, list[Statement]] = defaultdict(list)
        self.spoken: set[tuple[str, str]] = set()  # (source_id, quantity_id)
        self.pending: dict[str, list[tuple[date, Source]]] = defaultdict(list)
        self.schedule: dict[date, list[tuple[Source, Quantity]]] = defaultdict(list)
        self.drafts: list[Draft] = []
        self.n_copies = round(copy_share * n_articles)
        self.n_lang = self.n_fr = 0
        self.deck: list[str] = []  # the current article's filler templates not used yet
        self.n_orig = n_articles - self.n_copies

    # --- sources ---

    def _make_outlets(self, k: int) -> None:
        rng = self.rng
        for name, domain in WIRES:
            self.sources.append(Source(f"outlet:{name.lower()}", name, "outlet", rng.uniform(0.8, 0.97), None,
                                       f"outlet:{name.lower()}", languages=("fr", "en"), wire=True,
                                       domain=domain))
        fr_names = [f"{a} {b}" for a in OUTLET_FR_A for b in OUTLET_FR_B]
        en_names = [f"{a} {b}" for a in OUTLET_EN_A for b in OUTLET_EN_B]
        rng.shuffle(fr_names)
        rng.shuffle(en_names)
        regular = k - len(WIRES)
        n_fr = max(1, min(regular - 1, round(regular * 0.5)))
        for i in range(regular):
            lang = "fr" if i < n_fr else "en"
            pool = fr_names if lang == "fr" else en_names
            name = pool.pop() if pool else f"{'Le Journal' if lang == 'fr' else 'The Daily'} {i}"
            slug = re.sub(r"[^a-z]+", "-", name.lower().replace("é", "e").replace("'", "")).strip("-")
            self.sources.append(Source(f"outlet:{slug}", name, "outlet", rng.uniform(0.55, 0.97), None,
                                       f"outlet:{slug}", languages=(lang,), domain=f"{slug}.example"))
        self.outlets = [s for s in self.sources if s.kind == "outlet"]
        self.wires = [s for s in self.outlets if s.wire]
        self.regular = {lang: [s for s in self.outlets if not s.wire and lang in s.languages] for lang in ("fr", "en")}

    def _make_officials(self, m: int) -> None:
        rng = self.rng
        orgs = list(ORGS)
        n_inst = max(1, round(m * 0.2))
        inst_orgs = rng.sample([o for o in orgs if o.parent is not None or o.key in ("isw", "icrc", "msf", "nato")],
                               min(n_inst, len(orgs)))
        used_names: set[str] = set()
        for o in inst_orgs:
            self.sources.append(Source(f"official:{o.key}", o.en_attr, "official", 0.0, o.key, _root_key(o.key),
                                       gender="n", activity=rng.lognormvariate(0, 0.7)))
        for _ in range(m - len(inst_orgs)):
            gender = _pick(rng, "fm")
            while True:
                name = f"{_pick(rng, FIRST_F if gender == 'f' else FIRST_M)} {_pick(rng, LAST)}"
                if name not in used_names:
                    used_names.add(name)
                    break
            org = _pick(rng, orgs)
            role = _pick(rng, tuple(ROLES))
            if org.key in ("isw",) and rng.random() < 0.7:
                role = "analyst"
            slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")
            self.sources.append(Source(f"official:{slug}", name, "official", 0.0, org.key, _root_key(org.key),
                                       gender=gender, role=role, activity=rng.lognormvariate(0, 0.7)))
        self.officials = [s for s in self.sources if s.kind == "official"]
        # Reliabilities spread wide so that a score can rank them.
        for s in self.officials:
            s.p = rng.uniform(0.3, 0.98)

    # --- quantities ---

    def _make_quantities(self, n_statements: int) -> None:
        rng = self.rng
        lines = list(STORYLINES)
        rng.shuffle(lines)
        n_lines = max(3, min(len(lines), math.ceil(n_statements / (8 * self.months))))
        for line in lines[:n_lines]:
            lo, hi = line.magnitude
            base = math.exp(rng.uniform(math.log(lo), math.log(hi)))
            value = base
            for mi in range(self.months):
                ms = _add_months(self.start, mi)
                me = _add_months(self.start, mi + 1) - timedelta(days=1)
                if line.stock:
                    value = value * rng.uniform(0.9, 1.3) if mi else value
                    v = value
                else:
                    v = base * rng.uniform(0.6, 1.5)
                t = round_sig(max(v, 10), _pick(rng, (2, 2, 3)))
                q = Quantity(f"{line.slug}.{ms:%Y-%m}", line.slug, line.topic, line.unit, ms, me, t,
                             _pick(rng, ("high", "low")))
                self.quantities.append(q)
                self.by_month[(line.slug, mi)] = q
                if self.hard.partial and not line.stock and t >= 60 and self.rng.random() < self.hard.partial:
                    # the same flow over part of the month: another quantity, with another value
                    end_day = self.rng.randint(15, 24)
                    pe = date(ms.year, ms.month, end_day)
                    pv = round_sig(t * end_day / me.day * self.rng.uniform(0.55, 0.8), 2)
                    self.quantities.append(Quantity(
                        f"{line.slug}.{ms:%Y-%m}-01-{end_day:02d}", line.slug, line.topic, line.unit, ms, pe, pv,
                        _pick(self.rng, ("high", "low")), from_day=pe + timedelta(days=1)))
        self.line_by_slug = {s.slug: s for s in STORYLINES}

    def _live(self, day: date) -> list[Quantity]:
        return [q for q in self.quantities
                if (q.from_day or q.scope_start) <= day <= q.scope_end + timedelta(days=25)]

    # --- statements ---

    def _statement(self, q: Quantity, src: Source, day: date) -> Statement | None:
        """``src`` gives a figure on ``q``: right with probability ``src.p``. None when no wrong figure stays
        clear of the others (the source then says nothing rather than blur the truth)."""
        rng = self.rng
        right = rng.random() < src.p
        t = q.true_value
        proj_ok = q.scope_start <= day <= q.scope_end - timedelta(days=3) and not self.hard.on and q.from_day is None
        existing = self.q_statements[q.quantity_id]
        cand: list[tuple[str, int, int, int]] = []
        if right:
            forms = ["exact", "approx", "approx", "range"] + (["projection"] if proj_ok else [])
            forms.append("at_least" if q.wrong_side == "low" else "at_most")
            for _ in range(4):
                f = _pick(rng, forms)
                if f == "exact":
                    cand.append((f, t, t, t))
                elif f in ("approx", "projection"):
                    v = round_sig(t, 2)
                    v = v if abs(v - t) <= 0.03 * t else t
                    cand.append((f, v, v, v))
                elif f == "at_least":
                    v = _floor_sig(t * rng.uniform(0.75, 0.95), 2)
                    if v < t:
                        cand.append((f, v, v, v))
                elif f == "at_most":
                    v = _ceil_sig(t * rng.uniform(1.05, 1.25), 2)
                    cand.append((f, v, v, v))
                else:
                    a = _floor_sig(t * rng.uniform(0.75, 0.92), 2)
                    b = _ceil_sig(t * rng.uniform(1.08, 1.3), 2)
                    if a < t < b:
                        cand.append((f, round((a + b) / 2), a, b))
            cand.append(("exact", t, t, t))
        else:
            rungs = _HIGH_RUNGS if q.wrong_side == "high" else _LOW_RUNGS
            used = {s.value for s in existing if not s.right}
            forms = ["exact", "approx", "approx", "range"] + (["projection"] if proj_ok else [])
            for r in rungs:
                v = round_sig(t * r, 3)
                if v in used or v == t:
                    continue
                f = _pick(rng, forms)
                if f == "range":
                    a, b = round_sig(v * 0.95, 3), round_sig(v * 1.05, 3)
                    cand.append((f, round((a + b) / 2), a, b))
                cand.append((f if f != "range" else "exact", v, v, v))
        for f, v, a, b in cand:  # noqa: B007 - the chosen candidate is used after the loop
            if self._clear(q, f, a, b, right, existing):
                break
        else:
            return None
        st = Statement(len(self.statements), q, src, day, f, v, a, b, right)
        self.statements.append(st)
        existing.append(st)
        self.spoken.add((src.source_id, q.quantity_id))
        if not right:
            self._settle(st)
        return st

    @staticmethod
    def _clear(q: Quantity, f: str, a: int, b: int, right: bool, existing: list[Statement]) -> bool:
        lo, hi = claim_interval(f, a, b, MARGIN)
        t_lo, t_hi = claim_interval("exact", q.true_value, q.true_value, MARGIN)
        if not right and lo <= t_hi and t_lo <= hi:
            return False
        for s in existing:
            if right and s.right:
                continue
            slo, shi = claim_interval(s.qualifier, s.low, s.high, MARGIN)
            if lo <= shi and slo <= hi:
                return False
        return True

    def _settle(self, w: Statement) -> None:
        """Schedule the standing figure: two later statements by officials of two other root organisations."""
        rng = self.rng
        q = w.quantity
        after = w.day + timedelta(days=3)
        roots = {s.root for d, s in self.pending[q.quantity_id] if d >= after and s.root != w.source.root}
        need = 2 - len(roots)
        if need <= 0:
            return
        exclude = {w.source.root} | roots
        cands = [s for s in self.officials if s.root not in exclude and (s.source_id, q.quantity_id) not in self.spoken
                 and not any(s is o for _, o in self.pending[q.quantity_id])]
        day = w.day + timedelta(days=rng.randint(3, 12))
        for _ in range(need):
            cands = [s for s in cands if s.root not in exclude]
            if not cands:
                return
            s = rng.choices(cands, weights=[c.p * c.p for c in cands])[0]
            exclude.add(s.root)
            if day > self.end:
                return
            self.schedule[day].append((s, q))
            self.pending[q.quantity_id].append((day, s))
            day += timedelta(days=rng.randint(1, 5))

    # --- articles ---

    def run(self) -> None:
        rng = self.rng
        n_stmt_est = int(self.n_orig / 1.7 * 1.3) + 1
        self._make_quantities(n_stmt_est)
        days = (self.end - self.start).days + 1
        # Wire share among originals, so there are enough dispatches to republish.
        lang_orig = {"fr": self.n_orig * self.lang_mix, "en": self.n_orig * (1 - self.lang_mix)}
        self.wire_p: dict[str, float] = {}
        for lang in ("fr", "en"):
            cap = min(2.0, len(self.regular[lang]))
            want = self.n_copies * (self.lang_mix if lang == "fr" else 1 - self.lang_mix)
            self.wire_p[lang] = min(0.9, want / max(1.0, lang_orig[lang] * cap) * 1.4) if want else 0.0
        made = 0
        self._plan_tolls(days)
        for di in range(days):
            day = self.start + timedelta(days=di)
            quota = round(self.n_orig * (di + 1) / days)
            if self.tolls:
                made += self._toll_day(day, self.n_orig - made)
            for src, q in self.schedule.pop(day, []):
                if made >= self.n_orig:
                    break
                if (src.source_id, q.quantity_id) in self.spoken:
                    continue
                made += self._briefing(src, [q], day, self.n_orig - made)
            live = self._live(day)
            misses = 0
            while made < quota and live and misses < 50:  # misses: every official has spoken on it
                q = _pick(rng, live)
                speaker = self._pick_official(q)
                if speaker is None:
                    misses += 1
                    continue
                qs = [q]
                if rng.random() < 0.3:
                    q2 = _pick(rng, live)
                    if q2 is not q and (speaker.source_id, q2.quantity_id) not in self.spoken:
                        qs.append(q2)
                made += self._briefing(speaker, qs, day, min(quota, self.n_orig) - made)
            if made >= self.n_orig:
                break
        while made < self.n_orig:  # a tiny world can run out of fresh speakers: fill with outlets' own figures
            day = self.start + timedelta(days=rng.randrange(days))
            q = _pick(rng, self._live(day) or self.quantities)
            made += self._briefing(None, [q], day, 1)
        self._make_copies()

    def _language(self) -> str:
        """French with probability ``lang_mix``, nudged towards the running target so small corpora match it."""
        self.n_lang += 1
        deficit = self.lang_mix * self.n_lang - self.n_fr
        fr = self.rng.random() < min(1.0, max(0.0, self.lang_mix + 0.5 * deficit))
        self.n_fr += fr
        return "fr" if fr else "en"

    def _pick_official(self, q: Quantity) -> Source | None:
        for _ in range(8):
            s = self.rng.choices(self.officials, weights=[o.activity for o in self.officials])[0]
            if (s.source_id, q.quantity_id) not in self.spoken:
                return s
        return None

    def _briefing(self, src: Source | None, qs: list[Quantity], day: date, budget: int) -> int:
        """One source speaks on one or two quantities; one to three outlets cover it. Returns articles made."""
        rng = self.rng
        if budget <= 0:
            return 0
        stmts = [s for q in qs if (s := self._statement(q, src, day)) is not None] if src is not None else []
        k = min(budget, rng.choices((1, 2, 3), weights=(0.5, 0.3, 0.2))[0])
        used: list[Source] = []
        made = 0
        for _ in range(k):
            lang = self._language()
            wire = rng.random() < self.wire_p[lang]
            pool = [w for w in self.wires if w not in used] if wire else \
                [o for o in self.regular[lang] if o not in used]
            if not pool:
                pool = [o for o in self.outlets if lang in o.languages and o not in used]
            if not pool:
                break
            outlet = _pick(rng, pool)
            used.append(outlet)
            aday = min(day + timedelta(days=_pick(rng, (0, 0, 0, 1))), self.end)
            self.drafts.append(self._article(outlet, lang, aday, stmts, qs[0]))
            made += 1
        return made

    def _article(self, outlet: Source, lang: str, day: date, stmts: list[Statement], q: Quantity) -> Draft:
        rng = self.rng
        self.deck = []
        style = self._style(outlet, lang)
        mentioned: set[str] = set()
        line = self.line_by_slug[q.storyline]
        made: list[tuple[Sentence, Recipe]] = []

        def make(recipe: Recipe) -> tuple[Sentence, Recipe]:
            return self._render(recipe, lang, style, mentioned, day), recipe

        lead: list[tuple[Sentence, Recipe]] = []
        if stmts:
            naming = self._naming(stmts[0].source)
            if naming == "desc":
                lead.append(make(("intro", stmts[0].source.org)))
            lead.append(make(("attr", stmts[0], "main", naming, self._recap_for(stmts[0], day))))
            for s in stmts[1:]:
                lead.append(make(("follow", s)))
        else:
            st = self._statement(q, outlet, day) if (outlet.source_id, q.quantity_id) not in self.spoken else None
            if st is not None:
                lead.append(make(("own", st, self._recap_for(st, day))))
        lead.extend(make(("fill",)) for _ in range(rng.randint(1, 2)))
        paragraphs: list[list[tuple[Sentence, Recipe]]] = [lead]
        # Earlier figures on this quantity or last month's, by other speakers.
        ctx = self._context(q, day, {s.source.source_id for s in stmts})
        if ctx:
            para = [make(("attr", s, "context", self._naming(s.source, intro=False), None)) for s in ctx]
            para.extend(make(("fill",)) for _ in range(rng.randint(1, 3)))
            rng.shuffle(para)
            paragraphs.append(para)
        if stmts and rng.random() < 0.25 and (outlet.source_id, q.quantity_id) not in self.spoken:
            own = self._statement(q, outlet, day)
            if own is not None:
                own_s = make(("own", own, None))
                paragraphs.append([own_s, *(make(("fill",)) for _ in range(rng.randint(1, 2)))])
        paragraphs.extend(self._blocks(lang, day, make))
        del made
        title = self._title(line, lang)
        dateline = ""
        if outlet.wire:
            dateline = f"{line.dateline} ({outlet.name}) - " if rng.random() < 0.5 else \
                f"{line.dateline.title()} ({outlet.name}) — "
        return Draft(outlet, lang, day, title, dateline, [[s for s, _ in p] for p in paragraphs], line=line,
                     plan=[[r for _, r in p] for p in paragraphs])

    def _blocks(self, lang: str, day: date,
                make: Callable[[Recipe], tuple[Sentence, Recipe]]) -> list[list[tuple[Sentence, Recipe]]]:
        """The filler paragraphs of an article, with a few distractors and headings."""
        rng = self.rng
        fr = lang == "fr"
        out: list[list[tuple[Sentence, Recipe]]] = []
        n_fill = rng.randint(3, 5)
        blocks = [[make(("fill",)) for _ in range(rng.randint(3, 5))] for _ in range(n_fill)]
        for _ in range(rng.choices((0, 1, 2, 3), weights=(0.15, 0.35, 0.3, 0.2))[0]):
            b = _pick(rng, blocks)
            b.insert(rng.randint(0, len(b)), self._distractor(lang, day))
        for b in blocks:
            if rng.random() < 0.15:
                heading = f"## {_pick(rng, FR_HEADINGS if fr else EN_HEADINGS)}"
                out.append([([heading], ("head",))])
            out.append(b)
        return out

    def _render(self, recipe: Recipe, lang: str, style: NumberStyle, mentioned: set[str], day: date) -> Sentence:
        """One sentence of an article from its recipe, in ``lang`` (a translation renders the same recipes)."""
        fr = lang == "fr"
        what = recipe[0]
        if what == "attr":
            _, st, tset, naming, recap = recipe
            assert isinstance(st, Statement)
            templates = (FR_ATTRIBUTED if fr else EN_ATTRIBUTED) if tset == "main" else \
                (FR_CONTEXT if fr else EN_CONTEXT)
            return self._attributed(st, lang, style, mentioned, templates, naming=naming,  # type: ignore[arg-type]
                                    recap=recap, as_recap=tset == "context" and self.hard.on)  # type: ignore[arg-type]
        if what == "follow":
            assert isinstance(recipe[1], Statement)
            return self._followup(recipe[1], lang, style)
        if what == "own":
            assert isinstance(recipe[1], Statement)
            return self._own(recipe[1], lang, style, recipe[2] if len(recipe) > 2 else None)  # type: ignore[arg-type]
        if what == "fill":
            return self._fillers(lang, 1)[0]
        if what == "dist":
            return self._distractor_text(lang, day, recipe[1], recipe[2])  # type: ignore[arg-type]
        if what == "head":
            return [f"## {_pick(self.rng, FR_HEADINGS if fr else EN_HEADINGS)}"]
        if what == "intro":
            return self._intro(str(recipe[1]), lang)
        if what == "toll":
            return self._toll_sentence(recipe, lang, style, mentioned)
        raise ValueError(f"unknown recipe {what!r}")

    def _style(self, outlet: Source, lang: str) -> NumberStyle:
        """The outlet's house style for numbers most of the time, another writer's now and then."""
        house = random.Random(f"{outlet.source_id}:{lang}")
        rng = house if self.rng.random() < 0.75 else self.rng
        seps = FR_SEPARATORS if lang == "fr" else EN_SEPARATORS
        sep = rng.choices([s for s, _ in seps], weights=[w for _, w in seps])[0]
        return NumberStyle(lang, sep, rng.random() < 0.6, self.rng.random() < 0.5, rng.random() < 0.85,
                           rng.random() < 0.7, rng.random() < 0.6)

    def _title(self, line: Storyline, lang: str) -> str:
        if lang == "fr":
            return f"{line.fr_title} : {_pick(self.rng, FR_TITLE_TAIL)}"
        return f"{line.en_title}: {_pick(self.rng, EN_TITLE_TAIL)}"

    def _context(self, q: Quantity, day: date, exclude: set[str]) -> list[Statement]:
        rng = self.rng
        n = rng.choices((0, 1, 2), weights=(0.35, 0.45, 0.2))[0]
        if not n:
            return []
        pool = [s for s in self.q_statements[q.quantity_id]
                if day - timedelta(days=12) <= s.day < day and s.source.source_id not in exclude]
        mi = (q.scope_start.year - self.start.year) * 12 + q.scope_start.month - self.start.month
        prev = self.by_month.get((q.storyline, mi - 1))
        if prev is not None and rng.random() < 0.3:
            pool += [s for s in self.q_statements[prev.quantity_id] if s.day < day and
                     s.source.source_id not in exclude][-3:]
        out: list[Statement] = []
        seen: set[str] = set()
        rng.shuffle(pool)
        for s in pool:
            if s.source.source_id not in seen and s.source.kind == "official":
                out.append(s)
                seen.add(s.source.source_id)
            if len(out) == n:
                break
        return out

    # --- sentences ---

    def _clause(self, st: Statement, lang: str, style: NumberStyle, capital: bool, recap: Statement | None = None,
                as_recap: bool = False, tags: tuple[str, ...] = ()) -> Sentence:
        rng = self.rng
        q = st.quantity
        line = self.line_by_slug[q.storyline]
        fr = lang == "fr"
        m = q.scope_start.month - 1
        mon = MONTHS_FR[m] if fr else MONTHS_EN[m]
        de_m = ("d'" + mon) if mon[0] in "aeiou" else ("de " + mon)
        currency = q.unit if q.unit in ("usd", "eur") else None
        if st.qualifier == "projection":
            scope = _pick(rng, FR_SCOPE_PROJ if fr else EN_SCOPE_PROJ).format(m=mon, M=mon, de_m=de_m)
            if fr:
                subj, plural = line.fr_proj
                verb = _pick(rng, ("pourraient atteindre", "pourraient s'élever à") if plural else
                                  ("pourrait atteindre", "pourrait s'élever à"))
                template = subj + " {F} {T}"
            else:
                verb = _pick(rng, ("could reach", "could rise to"))
                template = line.en_proj + " {F} {T}"
        else:
            verb = None
            scopes = (FR_SCOPE_STOCK if line.stock else FR_SCOPE_FLOW) if fr else \
                (EN_SCOPE_STOCK if line.stock else EN_SCOPE_FLOW)
            scope = _pick(rng, scopes).format(m=mon, M=mon, de_m=de_m)
            template = _pick(rng, line.fr_clauses if fr else line.en_clauses)
        scope_chunks: Chunk | list[Chunk] = scope
        if q.from_day is not None:  # a partial period: "du 1er au 20 octobre", "from 1 to 20 October"
            tpl = _pick(rng, FR_SCOPE_PARTIAL if fr else EN_SCOPE_PARTIAL)
            scope_chunks = _fill(tpl, {"A": Num("1er" if fr else "1", "date"), "D": Num(str(q.scope_end.day), "date"),
                                       "m": mon, "M": mon})
            tags = (*tags, "partial")
        noun = _pick(rng, line.fr_nouns if fr else line.en_nouns)
        text = figure_text(lang, st.qualifier, st.value, st.low, st.high, noun, line.en_adj, style, rng,
                           currency, verb)
        fig = Fig(text, st, st.source.kind == "official", recap=as_recap, tags=(*tags, "recap") if as_recap else tags)
        chunks = _fill(template, {"F": fig, "T": scope_chunks})
        if recap is not None:  # an earlier figure recalled: "contre 10 000 auparavant", "up from 55 earlier"
            r_noun = _pick(rng, line.fr_nouns if fr else line.en_nouns)
            r_text = figure_text(lang, recap.qualifier, recap.value, recap.low, recap.high, r_noun, line.en_adj,
                                 style, rng, currency, None)
            r_fig = Fig(r_text, recap, fig.attributed, recap=True, tags=(*tags, "recap"), credit=st.source)
            r_tpl = _pick(rng, FR_RECAP if fr else (EN_RECAP_UP if recap.value < st.value else EN_RECAP_DOWN))
            chunks = _tidy([*chunks, *_fill(r_tpl, {"R": r_fig})])
        return _capitalise(chunks) if capital else chunks

    def _speaker(self, s: Source, lang: str, mentioned: set[str], end: bool, naming: str | None = None) -> str:
        rng = self.rng
        fr = lang == "fr"
        org = ORG_BY_KEY[s.org] if s.org else None
        if s.role is None:
            assert org is not None
            if naming is not None and org.key in OTHER_NAMES:
                return self._other_name(org, lang, naming)
            return org.fr_the if fr else org.en_the
        if s.source_id in mentioned:
            return s.name if rng.random() < 0.7 else s.name.split()[-1]
        mentioned.add(s.source_id)
        assert org is not None
        fm, ff, en = ROLES[s.role]
        if fr:
            role = ff if s.gender == "f" else fm
            if rng.random() < 0.5:
                art = "l'" if role[0] in "aeioué" else ("la " if s.gender == "f" else "le ")
                return f"{art}{role} {org.fr_of} {s.name}"
            return f"{s.name}, {role} {org.fr_of}" + ("" if end else ",")
        if rng.random() < 0.5:
            return f"{org.en_attr} {en} {s.name}"
        art = "an" if en[0] in "aeiou" else "a"
        return f"{s.name}, {art} {en} at {org.en_the}" + ("" if end else ",")

    def _attributed(self, st: Statement, lang: str, style: NumberStyle, mentioned: set[str],
                    templates: tuple[str, ...], naming: str | None = None, recap: Statement | None = None,
                    as_recap: bool = False) -> Sentence:
        rng = self.rng
        fr = lang == "fr"
        tpl = _pick(rng, templates)
        # An apposition after the name closes with a comma unless punctuation follows anyway.
        after = tpl[tpl.index("{S}") + 3:][:1]
        spk = self._speaker(st.source, lang, mentioned, end=after in (",", ".", ""), naming=naming)
        tags = (f"name-{naming}",) if naming and st.source.org in OTHER_NAMES else ()
        quote_open, quote_close = ("\u00a0", "\u00a0") if rng.random() < 0.5 else ("", "")
        slots: dict[str, Chunk | list[Chunk]] = {
            "S": spk, "Q": quote_open, "Q2": quote_close,
            "V": _pick(rng, FR_CUES_THAT if fr else EN_CUES_THAT),
            "Vi": _pick(rng, FR_CUES_INCISE if fr else EN_CUES_INCISE),
        }
        if "{Cc}" in tpl:
            slots["Cc"] = self._clause(st, lang, style, capital=True, recap=recap, as_recap=as_recap, tags=tags)
        else:
            slots["C"] = self._clause(st, lang, style, capital=False, recap=recap, as_recap=as_recap, tags=tags)
        return _capitalise(_fill(tpl, slots))

    def _followup(self, st: Statement, lang: str, style: NumberStyle) -> Sentence:
        rng = self.rng
        fr = lang == "fr"
        s = st.source
        if fr:
            g = s.gender if s.role else ORG_BY_KEY[s.org or "us"].fr_gender
            pron = "elle" if g == "f" else "il"
        else:
            pron = {"f": "she", "m": "he"}.get(s.gender, "it") if s.role else "it"
        tpl = _pick(rng, FR_FOLLOWUP if fr else EN_FOLLOWUP)
        slots: dict[str, Chunk | list[Chunk]] = {"P": pron, "Pc": pron.capitalize(),
                                                 "Q": "\u00a0" if fr and rng.random() < 0.5 else "", "Q2": ""}
        if slots["Q"]:
            slots["Q2"] = "\u00a0"
        if "{Cc}" in tpl:
            slots["Cc"] = self._clause(st, lang, style, capital=True)
        else:
            slots["C"] = self._clause(st, lang, style, capital=False)
        return _capitalise(_fill(tpl, slots))

    def _own(self, st: Statement, lang: str, style: NumberStyle, recap: Statement | None = None) -> Sentence:
        tpl = _pick(self.rng, FR_OWN if lang == "fr" else EN_OWN)
        if "{Cc}" in tpl:
            return _capitalise(_fill(tpl, {"Cc": self._clause(st, lang, style, capital=True, recap=recap)}))
        return _capitalise(_fill(tpl, {"C": self._clause(st, lang, style, capital=False, recap=recap)}))

    # --- hard mode: names, recaps ---

    def _naming(self, s: Source, intro: bool = True) -> str | None:
        """How an institution is named in this article (hard mode): by acronym, full name, or (when a sentence
        naming it may come first) a descriptor; None for its usual name."""
        if not self.hard.names or s.role is not None or s.org not in OTHER_NAMES:
            return None
        if self.rng.random() >= self.hard.names:
            return None
        return _pick(self.rng, ("acronym", "full", "desc") if intro else ("acronym", "full"))

    def _other_name(self, org: Org, lang: str, naming: str) -> str:
        names = OTHER_NAMES[org.key]
        fr = lang == "fr"
        if naming == "acronym":
            acr = names.fr_acronym if fr else names.en_acronym
            if not fr:
                return acr
            return ("l'" if acr[0] in "AEIOUaeiou" else ("la " if org.fr_gender == "f" else "le ")) + acr
        if naming == "full":
            full = names.fr_full if fr else names.en_full
            if self.rng.random() < 0.5:
                full += f" ({names.fr_acronym if fr else names.en_acronym})"
            return full
        return _pick(self.rng, names.fr_descriptors if fr else names.en_descriptors)

    def _intro(self, org_key: str, lang: str) -> Sentence:
        """A sentence that names an institution in full, so that a descriptor can stand for it later."""
        fr = lang == "fr"
        names = OTHER_NAMES[org_key]
        full = names.fr_full if fr else names.en_full
        full += f" ({names.fr_acronym if fr else names.en_acronym})"
        return _capitalise(_fill(_pick(self.rng, FR_INTRO if fr else EN_INTRO), {"O": full}))

    def _recap_for(self, st: Statement, day: date) -> Statement | None:
        """An earlier figure on the same quantity that the sentence recalls (hard mode), or None."""
        if not self.hard.recaps or self.rng.random() >= self.hard.recaps:
            return None
        # the figure a desk recalls is the one that stood: a right earlier figure (a wrong one would charge the
        # speaker with somebody else's error)
        pool = [s for s in self.q_statements[st.quantity.quantity_id]
                if s.day < day and s.source is not st.source and s.value != st.value and s.right]
        return _pick(self.rng, pool) if pool else None

    def _village(self) -> str:
        rng = self.rng
        return f"{_pick(rng, VILLAGE_A)}{_pick(rng, VILLAGE_ROOT)}{_pick(rng, VILLAGE_SUFFIX)}"

    def _witness(self) -> tuple[str, str]:
        rng = self.rng
        gender = _pick(rng, "fm")
        return f"{_pick(rng, FIRST_F if gender == 'f' else FIRST_M)} {_pick(rng, LAST)}", gender

    def _fillers(self, lang: str, n: int) -> list[Sentence]:
        """``n`` filler sentences, drawn from the article's deck so an article does not repeat itself."""
        rng = self.rng
        fr = lang == "fr"
        out: list[Sentence] = []
        for _ in range(n):
            if not self.deck:
                self.deck = list(FR_FILLER if fr else EN_FILLER)
                rng.shuffle(self.deck)
            tpl = self.deck.pop()
            slots: dict[str, str] = {}
            needs = _SLOTS[tpl]
            if "village" in needs:
                slots["village"] = self._village()
            if "witness" in needs:
                name, gender = self._witness()
                slots["witness"] = name
                if "job" in needs:
                    if fr:
                        jf, jm = _pick(rng, FR_JOBS)
                        slots["job"] = ("une " + jf) if gender == "f" else ("un " + jm)
                    else:
                        slots["job"] = _pick(rng, EN_JOBS)
                pron = ("elle" if gender == "f" else "il") if fr else ("she" if gender == "f" else "he")
                slots["pron"], slots["Pron"] = pron, pron.capitalize()
            if "city" in needs:
                slots["city"] = _pick(rng, CITIES)[0 if fr else 1]
            if "things" in needs:
                slots["things"] = _pick(rng, FR_THINGS if fr else EN_THINGS)
            if "mood" in needs:
                slots["mood"] = _pick(rng, FR_MOODS if fr else EN_MOODS)
            s = tpl.format_map(slots)
            out.append([s[0].upper() + s[1:]])
        return out

    def _distractor(self, lang: str, day: date) -> tuple[Sentence, Recipe]:
        """A sentence with a number that is no claim, and its recipe (the template and the numbers drawn)."""
        rng = self.rng
        fr = lang == "fr"
        index = int(rng.random() * len(FR_DISTRACTORS if fr else EN_DISTRACTORS))
        ordinal_n = rng.randint(10, 155)
        values: dict[str, int] = {
            "N": rng.randint(2, 28), "Y": _pick(rng, (2014, 2020, 2022, 2023)), "A": rng.randint(19, 84),
            "H": _pick(rng, (12, 24, 36, 48, 72)), "Dw": int(rng.random() * len(FR_DURATION_WORDS)),
            "O": ordinal_n, "Ow": int(rng.random() * len(FR_ORDINAL_WORDS)),
            "Mw": int(rng.random() * len(FR_MULTIPLE_WORDS)),
            "T": rng.randint(1, 11) + 12 if not fr else rng.randint(6, 23), "R": _pick(rng, (4, 5, 51)),
        }
        recipe: Recipe = ("dist", index, values)
        return self._distractor_text(lang, day, index, values), recipe

    def _distractor_text(self, lang: str, day: date, index: int, values: dict[str, int]) -> Sentence:
        rng = self.rng
        fr = lang == "fr"
        kind, tpl = (FR_DISTRACTORS if fr else EN_DISTRACTORS)[index]
        ordinal_n = values["O"]
        suffix = "th" if 10 <= ordinal_n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(ordinal_n % 10, "th")
        hour = values["T"] if fr else values["T"] - 12 if values["T"] > 12 else values["T"]  # 18 h = 6 pm
        texts: dict[str, str] = {
            "N": str(values["N"]), "Y": str(values["Y"]), "A": str(values["A"]), "H": str(values["H"]),
            "Dw": (FR_DURATION_WORDS if fr else EN_DURATION_WORDS)[values["Dw"]],
            "O": str(ordinal_n) if fr else f"{ordinal_n}{suffix}",
            "Ow": (FR_ORDINAL_WORDS if fr else EN_ORDINAL_WORDS)[values["Ow"]],
            "Mw": (FR_MULTIPLE_WORDS if fr else EN_MULTIPLE_WORDS)[values["Mw"]],
            "T": str(hour), "R": str(values["R"]),
        }
        mon = MONTHS_FR[day.month - 1] if fr else MONTHS_EN[day.month - 1]
        name, gender = self._witness()
        slots: dict[str, Chunk | list[Chunk]] = {
            "m": mon, "M": mon, "city": _pick(rng, CITIES)[0 if fr else 1], "village": self._village(),
            "witness": name, "aged": "âgée" if gender == "f" else "âgé",
            "pron": "she" if gender == "f" else "he",
        }
        for key, val in texts.items():
            if "{" + key + "}" in tpl:
                if key == "O" and fr:
                    slots[key] = [Num(val + "e", kind)]
                    tpl = tpl.replace("{O}e", "{O}")
                else:
                    slots[key] = Num(val, kind)
        return _capitalise(_fill(tpl, slots))

    # --- running counts (hard mode) ---

    def _plan_tolls(self, days: int) -> None:
        """Disasters whose death toll is reported day by day: one running count each, true value per day."""
        rng = self.rng
        for ev in TOLL_EVENTS[:self.hard.tolls]:
            start = self.start + timedelta(days=rng.randrange(max(1, days - TOLL_DAYS)))
            v = rng.randint(20, 200)
            daily: dict[date, int] = {}
            for k in range(TOLL_DAYS):
                if k and rng.random() < 0.5:
                    v = round(v * rng.uniform(TOLL_STEP, 1.8))
                daily[start + timedelta(days=k)] = v
            q = Quantity(f"toll.{ev.slug}", f"toll.{ev.slug}", "toll", "deaths", start,
                         start + timedelta(days=TOLL_DAYS - 1), v, "high", kind="count", daily=daily)
            pool: list[Source] = []
            for key in (ev.authority, *ev.helpers):
                sid = f"official:{key}"
                found = next((s for s in self.sources if s.source_id == sid), None)
                if found is None:  # a local authority's first tolls are often wrong
                    p = rng.uniform(0.3, 0.6) if key == ev.authority else rng.uniform(0.3, 0.98)
                    found = Source(sid, ORG_BY_KEY[key].en_attr, "official", p, key, _root_key(key), gender="n")
                    self.sources.append(found)
                pool.append(found)
            self.tolls.append((ev, q, pool))

    def _toll_clear(self, q: Quantity, day: date, value: int) -> bool:
        """A wrong toll stays clear of the true counts and of every figure given within three days."""
        near = [v for d, v in q.daily.items() if abs((d - day).days) <= 3]
        near += [s.value for s in self.q_statements[q.quantity_id] if abs((s.day - day).days) <= 3]
        return all(value > v * TOLL_STEP or value * TOLL_STEP < v for v in near)

    def _toll_day(self, day: date, budget: int) -> int:
        """Today's reports on every running toll: counts, and corrections of earlier wrong counts."""
        rng = self.rng
        made = 0
        for ev, q, wrong in self.corrections.pop(day, []):
            st = Statement(len(self.statements), q, wrong.source, day, "exact", q.daily[day], q.daily[day],
                           q.daily[day], True)
            self.statements.append(st)
            self.q_statements[q.quantity_id].append(st)
            self.done.add((wrong.source.source_id, q.quantity_id))
            made += self._toll_articles(ev, st, wrong, True, day, budget - made)
        for ev, q, pool in self.tolls:
            if day not in q.daily or made >= budget:
                continue
            true = q.daily[day]
            speakers = [s for s in pool if (s.source_id, q.quantity_id) not in self.done]
            for _ in range(rng.choice((2, 3, 3, 4))):
                src: Source | None = _pick(rng, [*speakers, None]) if speakers else None
                outlet = None
                if src is None:  # the outlet's own count
                    lang = self._language()
                    outlet = _pick(rng, self.regular[lang] + self.wires)
                    speaker = outlet
                else:
                    speaker = src
                right = rng.random() < speaker.p
                value = true
                if not right:
                    value = round(true * (rng.uniform(2.4, 3.4) if rng.random() < 0.75 else rng.uniform(0.3, 0.45)))
                    if not self._toll_clear(q, day, value):
                        right, value = True, true
                qual = "exact" if rng.random() < 0.7 else "at_least"
                st = Statement(len(self.statements), q, speaker, day, qual, value, value, value, right)
                # a running recap recalls a count the toll has since outgrown ("up from 67 the day before")
                earlier = [s for s in self.q_statements[q.quantity_id] if s.day < day and s.right and s.value < value]
                self.statements.append(st)
                self.q_statements[q.quantity_id].append(st)
                if not right and src is not None and value > true and rng.random() < 0.8:
                    fix = day + timedelta(days=rng.randint(1, 2))
                    if fix in q.daily:
                        self.corrections[fix].append((ev, q, st))
                recap = earlier[-1] if earlier and rng.random() < 0.4 else None
                made += self._toll_articles(ev, st, recap, False, day, budget - made, outlet)
        return made

    def _toll_articles(self, ev: TollEvent, st: Statement, recap: Statement | None, correction: bool, day: date,
                       budget: int, outlet: Source | None = None) -> int:
        """One or two outlets report a toll figure (an outlet's own count: that outlet only)."""
        rng = self.rng
        k = 1 if outlet is not None else min(budget, rng.choice((1, 1, 2)))
        used: list[Source] = []
        for _ in range(max(0, k)):
            if outlet is not None:
                out, lang = outlet, (_pick(rng, outlet.languages))
            else:
                lang = self._language()
                pool = [o for o in (self.regular[lang] + self.wires) if o not in used]
                out = _pick(rng, pool)
            used.append(out)
            self.drafts.append(self._toll_article(out, lang, day, ev, st, recap, correction))
        return len(used)

    def _toll_article(self, outlet: Source, lang: str, day: date, ev: TollEvent, st: Statement,
                      recap: Statement | None, correction: bool) -> Draft:
        rng = self.rng
        fr = lang == "fr"
        self.deck = []
        style = self._style(outlet, lang)
        mentioned: set[str] = set()

        def make(recipe: Recipe) -> tuple[Sentence, Recipe]:
            return self._render(recipe, lang, style, mentioned, day), recipe

        # the sentence after a correction holds no figure: it would read as part of the correction
        lead = [make(("toll", st, recap, correction, ev)), *(make(("fill",)) for _ in range(rng.randint(1, 2)))]
        paragraphs = [lead, *self._blocks(lang, day, make)]
        title = f"{ev.fr_title} : {_pick(rng, FR_TITLE_TAIL)}" if fr else f"{ev.en_title}: {_pick(rng, EN_TITLE_TAIL)}"
        dateline = f"{ev.dateline} ({outlet.name}) - " if outlet.wire else ""
        return Draft(outlet, lang, day, title, dateline, [[s for s, _ in p] for p in paragraphs],
                     plan=[[r for _, r in p] for p in paragraphs], event=ev)

    def _toll_sentence(self, recipe: Recipe, lang: str, style: NumberStyle, mentioned: set[str]) -> Sentence:
        rng = self.rng
        fr = lang == "fr"
        _, st, recap, correction, ev = recipe
        assert isinstance(st, Statement) and isinstance(ev, TollEvent)
        assert recap is None or isinstance(recap, Statement)
        own = st.source.kind == "outlet"
        event = ev.fr_event if fr else ev.en_event
        noun = _pick(rng, FR_TOLL_NOUNS if fr else EN_TOLL_NOUNS)
        tags = ("toll", "correction") if correction else ("toll",)
        fig = Fig(figure_text(lang, st.qualifier, st.value, st.low, st.high, noun, "", style, rng, None, None),
                  st, not own, correction=bool(correction), tags=tags)
        slots: dict[str, Chunk | list[Chunk]] = {"E": event, "E_cap": event[0].upper() + event[1:], "F": fig}
        r_fig = None
        if recap is not None:
            r_fig = Fig(_number(recap.value, style, False)[0], recap, not own, recap=True,
                        correction=bool(correction), tags=(*tags, "recap"), credit=st.source)
        if correction:
            assert r_fig is not None
            tpl = _pick(rng, FR_TOLL_CORRECTION if fr else EN_TOLL_CORRECTION)
            slots["R"] = r_fig
        else:
            tpl = _pick(rng, (FR_TOLL_OWN if own else FR_TOLL) if fr else (EN_TOLL_OWN if own else EN_TOLL))
            if r_fig is not None:
                assert isinstance(recap, Statement)
                r_tpl = _pick(rng, FR_TOLL_RECAP if fr else
                              (EN_TOLL_RECAP_UP if recap.value < st.value else EN_TOLL_RECAP_DOWN))
                slots["R"] = _fill(r_tpl, {"R": r_fig})
            else:
                slots["R"] = ""
        if "{S}" in tpl:
            after = tpl[tpl.index("{S}") + 3:][:1]
            slots["S"] = self._speaker(st.source, lang, mentioned, end=after in (",", ".", ""))
        return _capitalise(_fill(tpl, slots))

    # --- copies ---

    def _make_copies(self) -> None:
        """Republish wire dispatches: ``n_copies`` in all, split between the languages as ``lang_mix`` says."""
        rng = self.rng
        want_fr = round(self.n_copies * self.lang_mix)
        copiers: dict[int, list[Source]] = defaultdict(list)
        made_fr = self._copy_round("fr", want_fr, copiers)
        want_en = self.n_copies - made_fr  # what French dispatches cannot carry, English ones may
        made_en = self._copy_round("en", want_en, copiers)
        self._copy_round("fr", want_en - made_en, copiers)
        # Not enough dispatches to republish (a tiny or one-language world): the rest are originals.
        short = self.n_copies - sum(d.copy_of is not None for d in self.drafts)
        days = (self.end - self.start).days + 1
        while short > 0:
            day = self.start + timedelta(days=rng.randrange(days))
            q = _pick(rng, self._live(day) or self.quantities)
            before = len(self.drafts)
            self._briefing(self._pick_official(q), [q], day, 1)
            if len(self.drafts) == before:
                raise RuntimeError("cannot place every article; raise --officials or lower --articles")
            short -= 1

    def _copy_round(self, lang: str, n: int, copiers: dict[int, list[Source]]) -> int:
        """Up to ``n`` republications of ``lang`` dispatches, each by an outlet that has not run it yet."""
        rng = self.rng
        originals = [i for i, d in enumerate(self.drafts) if d.outlet.wire and d.copy_of is None and d.language == lang]
        rng.shuffle(originals)
        own_qs: dict[int, list[str]] = {}
        made = 0
        for rnd in range(50):
            progressed = False
            for i in originals:
                if made >= n:
                    return made
                # A republished unattributed figure reads as the outlet's own: an outlet that already gave
                # its own figure on that quantity would seem to contradict itself, so it does not run it.
                own = own_qs.get(i)
                if own is None:
                    own = own_qs[i] = [f.statement.quantity.quantity_id for p in self.drafts[i].paragraphs
                                       for s in p for f in s if isinstance(f, Fig) and not f.attributed]
                # hard mode: some dispatches are republished in the other language
                translate = bool(self.hard.translations) and rng.random() < self.hard.translations
                target = ("en" if lang == "fr" else "fr") if translate else lang
                pool = [o for o in self.regular[target] if o not in copiers[i]
                        and not any((o.source_id, q) in self.spoken for q in own)]
                # The first pass leaves some dispatches alone, so copies spread as they do in practice.
                if not pool or (rnd == 0 and copiers[i] and rng.random() < 0.5):
                    continue
                outlet = _pick(rng, pool)
                copiers[i].append(outlet)
                self.spoken.update((outlet.source_id, q) for q in own)
                self.drafts.append(self._translate(i, outlet) if translate else self._rewrite(i, outlet))
                made += 1
                progressed = True
            if not progressed:
                break
        return made

    def _rewrite(self, i: int, outlet: Source) -> Draft:
        """A republication: new headline, synonyms, paragraphs reordered, maybe abridged, a credit line."""
        rng = self.rng
        src = self.drafts[i]
        fr = src.language == "fr"
        syn = FR_SYNONYMS if fr else EN_SYNONYMS
        paragraphs: list[list[Sentence]] = []
        for para in src.paragraphs:
            new_para: list[Sentence] = []
            for sent in para:
                new_para.append([self._swap_words(c, syn) if isinstance(c, str) else _copy_chunk(c) for c in sent])
            paragraphs.append(new_para)
        lead, rest = paragraphs[0], paragraphs[1:]
        rng.shuffle(rest)
        droppable = [k for k, p in enumerate(rest) if all(isinstance(c, str) for s in p for c in s)]
        if droppable and rng.random() < 0.4:
            del rest[_pick(rng, droppable)]
        agency = src.outlet.name
        credit = _pick(rng, FR_CREDITS if fr else EN_CREDITS).replace("AFP", agency).format(A=agency)
        day = min(src.day + timedelta(days=_pick(rng, (0, 0, 1))), self.end)
        line_title = src.title.split(":")[0].strip()
        title = f"{line_title} : {_pick(rng, FR_TITLE_TAIL)}" if fr else f"{line_title}: {_pick(rng, EN_TITLE_TAIL)}"
        if title == src.title:
            title = line_title
        dateline = src.dateline if rng.random() < 0.5 else ""
        return Draft(outlet, src.language, day, title, dateline, [lead, *rest], credit, copy_of=i, agency=agency)

    def _translate(self, i: int, outlet: Source) -> Draft:
        """A dispatch republished in the other language: every sentence rendered again from its recipe, in the
        same order, so the same figures (and the other numbers) come in the same order; a credit line."""
        rng = self.rng
        src = self.drafts[i]
        lang = "en" if src.language == "fr" else "fr"
        fr = lang == "fr"
        self.deck = []
        style = self._style(outlet, lang)
        mentioned: set[str] = set()
        paragraphs = [[self._render(r, lang, style, mentioned, src.day) for r in para] for para in src.plan]
        agency = src.outlet.name
        credit = _pick(rng, FR_TRANSLATED_CREDITS if fr else EN_TRANSLATED_CREDITS).format(A=agency)
        day = min(src.day + timedelta(days=_pick(rng, (0, 0, 1))), self.end)
        if src.line is not None:
            title = self._title(src.line, lang)
        else:
            assert src.event is not None
            ev = src.event
            title = f"{ev.fr_title} : {_pick(rng, FR_TITLE_TAIL)}" if fr else \
                f"{ev.en_title}: {_pick(rng, EN_TITLE_TAIL)}"
        return Draft(outlet, lang, day, title, src.dateline, paragraphs, credit, copy_of=i, agency=agency,
                     line=src.line, event=src.event, translated=True)

    def _swap_words(self, text: str, syn: dict[str, tuple[str, ...]]) -> str:
        rng = self.rng
        for word, alts in syn.items():
            if word in text and rng.random() < 0.7:
                text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", _pick(rng, alts), text, count=1)
        return text

    # --- output ---

    def newsroom(self, params: dict[str, object]) -> Newsroom:
        order = sorted(range(len(self.drafts)), key=lambda k: (self.drafts[k].day, k))
        ids = {k: f"art-{n:06d}" for n, k in enumerate(order)}
        articles: list[Article] = []
        claims: list[Claim] = []
        distractors: list[Distractor] = []
        used_texts: set[str] = set()
        dates_rng = random.Random(f"{self.seed}:dates")
        undated: dict[str, str] = {}
        for k in order:
            d = self.drafts[k]
            mode = ""
            if self.hard.undated and dates_rng.random() < self.hard.undated:
                mode = "none" if dates_rng.random() < self.hard.undatable else _pick(dates_rng, ("url", "header"))
            if mode == "header":
                fr = d.language == "fr"
                mon = (MONTHS_FR if fr else MONTHS_EN)[d.day.month - 1]
                d.header = _fill(_pick(dates_rng, FR_HEADER if fr else EN_HEADER),
                                 {"d": Num(str(d.day.day), "date"), "m": mon, "M": mon,
                                  "y": Num(str(d.day.year), "year")})
            text, figs, nums = _compose(d)
            if text in used_texts:  # an unchanged republication would be a duplicate, not a copy
                d.credit = (d.credit + "\n" if d.credit else "") + d.outlet.name
                text, figs, nums = _compose(d)
            used_texts.add(text)
            aid = ids[k]
            slug = re.sub(r"[^a-z0-9]+", "-", _ascii(d.title.lower())).strip("-")[:60]
            url = f"https://{d.outlet.domain}/{d.day:%Y/%m/%d}/{slug}-{aid[4:]}"
            if mode in ("header", "none"):  # no date in the address either
                url = f"https://{d.outlet.domain}/{'monde' if d.language == 'fr' else 'world'}/{slug}-{aid[4:]}"
            copy_of = ids[d.copy_of] if d.copy_of is not None else None
            articles.append(Article(aid, d.outlet.name, url, d.day.isoformat(), d.language, d.title, text,
                                    copy_of, d.agency, mode, d.translated))
            if mode:
                undated[aid] = mode
            for s, e, f in figs:
                st = f.statement
                # a recap is credited to whoever the sentence credits; a figure in the outlet's voice, to the outlet
                src = (f.credit or st.source) if f.attributed else d.outlet
                org = ORG_BY_KEY[src.org].en_attr if (f.attributed and src.org) else None
                q = st.quantity
                tags = (*f.tags, *(("translation",) if d.translated else ()), *((f"undated-{mode}",) if mode else ()))
                claims.append(Claim(
                    "", aid, s, e, text[s:e], st.value, st.low, st.high, st.qualifier, q.unit,
                    src.name, src.source_id, src.kind, org, _org_name(src.root) if src.kind == "official" else src.name,
                    f.attributed, q.quantity_id, f"st-{st.statement_id:06d}", st.right,
                    q.daily.get(st.day, q.true_value), d.day.isoformat(), d.language, d.outlet.name, copy_of,
                    is_recap=f.recap, is_correction=f.correction, kind=q.kind, tags=",".join(dict.fromkeys(tags))))
            for s, e, n in nums:
                distractors.append(Distractor(aid, n.kind, s, e, text[s:e]))
        for i, c in enumerate(claims):
            c.claim_id = f"clm-{i:07d}"
        if undated:  # DESIGN.md §2.1: an article still undated takes the earliest date of its copy group
            group_day: dict[str, str] = {}
            for a in articles:
                if undated.get(a.id) != "none":
                    g = a.copy_of or a.id
                    group_day[g] = min(group_day.get(g, a.published_at), a.published_at)
            for c in claims:
                if undated.get(c.article_id) == "none":
                    c.dated_at = group_day.get(c.copy_of or c.article_id)
                    if c.dated_at is not None:
                        c.tags += ",dated-by-copy"
        outcomes = design_outcomes(claims) if self.hard.on else expected_outcomes(claims)
        quantities = list(self.quantities) + [q for _, q, _ in self.tolls]
        return Newsroom(articles, claims, outcomes, list(self.sources), quantities, distractors, params)


def _copy_chunk(c: Chunk) -> Chunk:
    if isinstance(c, Fig):
        return Fig(c.text, c.statement, c.attributed, c.recap, c.correction, c.tags, c.credit)
    if isinstance(c, Num):
        return Num(c.text, c.kind)
    return c


def _ascii(s: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _root_key(key: str) -> str:
    while (parent := ORG_BY_KEY[key].parent) is not None:
        key = parent
    return key


def generate(
    n_articles: int,
    seed: int = 0,
    outlets: int = 12,
    officials: int = 40,
    lang_mix: float = 0.5,
    copy_share: float = 0.3,
    months: int = 6,
    start: date = DEFAULT_START,
    hard: Hardness | bool | None = None,
) -> Newsroom:
    """Build a newsroom of ``n_articles`` articles; ``lang_mix`` is the share in French, ``copy_share`` the
    share that republish a wire dispatch; ``hard`` (True for :data:`HARD`, or a :class:`Hardness`) adds what
    real news does (translations, other names, undated records, running counts, recaps, partial periods) and
    judges the truth by DESIGN.md's rules (:func:`design_outcomes`). Deterministic under ``seed``."""
    hardness = HARD if hard is True else (hard or None)
    params: dict[str, object] = {"n_articles": n_articles, "seed": seed, "outlets": outlets, "officials": officials,
                                 "lang_mix": lang_mix, "copy_share": copy_share, "months": months,
                                 "start": start.isoformat()}
    if hardness is not None and hardness.on:
        params["hard"] = asdict(hardness)
    world = _World(n_articles, seed, outlets, officials, lang_mix, copy_share, months, start, hardness)
    world.run()
    return world.newsroom(params)


def add_hard_arguments(ap: argparse.ArgumentParser) -> None:
    """``--hard`` and one option per ingredient of :class:`Hardness` (each overrides ``--hard``'s share)."""
    ap.add_argument("--hard", action="store_true",
                    help="add what real news does, in the shares of HARD (each option below overrides one)")
    helps = {"translations": "share of republished dispatches republished in the other language",
             "names": "share of institutions' mentions by acronym, full name or descriptor",
             "undated": "share of records without published_at",
             "undatable": "share of undated records whose page gives no date at all",
             "tolls": f"running death tolls, 0 to {len(TOLL_EVENTS)}",
             "recaps": "share of lead figures followed by a recap of an earlier figure",
             "partial": "share of monthly flows that also get a partial-period quantity"}
    for name, text in helps.items():
        ap.add_argument(f"--{name}", type=int if name == "tolls" else float, default=None, help=text)


def hardness_from(args: argparse.Namespace) -> Hardness | None:
    """The :class:`Hardness` the options ask for, or None for the plain newsroom."""
    base = HARD if args.hard else Hardness()
    changes = {f.name: getattr(args, f.name) for f in fields(Hardness) if getattr(args, f.name) is not None}
    hard = replace(base, **changes)
    return hard if hard.on else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, required=True, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--outlets", type=int, default=12, help="outlets, the 3 wire agencies included (>= 5)")
    ap.add_argument("--officials", type=int, default=40, help="officials: people and institutions (>= 3)")
    ap.add_argument("--lang-mix", type=float, default=0.5, help="share of articles in French")
    ap.add_argument("--copy-share", type=float, default=0.3, help="share of articles that republish a dispatch")
    ap.add_argument("--months", type=int, default=6, help="months covered")
    ap.add_argument("--start", type=date.fromisoformat, default=DEFAULT_START, help="first month (YYYY-MM-DD)")
    add_hard_arguments(ap)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        room = generate(args.articles, seed=args.seed, outlets=args.outlets, officials=args.officials,
                        lang_mix=args.lang_mix, copy_share=args.copy_share, months=args.months, start=args.start,
                        hard=hardness_from(args))
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    room.write(args.out)
    stats = room.stats()
    print(json.dumps({**stats, "seconds": round(time.perf_counter() - t0, 2), "out": str(args.out)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
