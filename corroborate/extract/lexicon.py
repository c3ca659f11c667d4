"""Word lists the figure finder reads around a number, French and English.

Everything here is data: which words before a number set its qualifier, which nouns after it
name its unit, which nouns make it a date, a duration or a multiple rather than a figure, and which
verbs announce a projection. ``corroborate.extract.figures`` compiles them once at import.

Units map to ``corroborate.vocab.UNITS``. Two markers are not units: ``TRAP`` (the number counts
time, times or parts: "trois ans", "deux fois", "two thirds") and ``FOREIGN_MEASURE`` (an imperial
measure that only appears as a conversion: "185 square miles"); both are resolved by the finder.
"""

from __future__ import annotations

from corroborate.extract.lang import month_pattern, raw_words


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one blank-separated string, easier to read and to extend."""
    return frozenset(words.split())


TRAP = "_trap"
FOREIGN_MEASURE = "_foreign_measure"

# Qualifier words written just before the number, longest first within a language; matched
# case-insensitively and only when nothing but blanks (or a currency sign) separates them from it.
QUALIFIER_WORDS: dict[str, list[tuple[str, str]]] = {
    "fr": [
        (r"un peu plus d['’]|un peu plus de", "at_least"),
        (r"un peu moins d['’]|un peu moins de", "at_most"),
        (r"(?:bien|largement) plus d['’]|(?:bien|largement) plus de", "at_least"),
        (r"pas moins d['’]|pas moins de|au moins|au minimum|au[- ]delà d['’]|au[- ]delà de", "at_least"),
        (
            r"plus d['’]|plus de|supérieure?s? à|dépass(?:ant|ent|e|er|é|ée|és|ées|era|eront|erait|eraient)"
            r"(?: largement)?(?: les| le)?|excédant|franchi(?:ssant|r|t)? (?:la barre|le cap) des",
            "at_least",
        ),
        (
            r"jusqu['’]à|jusqu['’]a|tout au plus|au plus|au maximum|pas plus d['’]|pas plus de"
            r"|inférieure?s? à|moins d['’]|moins de",
            "at_most",
        ),
        (
            r"aux alentours d['’]|aux alentours de|autour d['’]|autour de|de l['’]ordre d['’]|de l['’]ordre de"
            r"|à peu près|approximativement|grosso modo|environ|env\.|près d['’]|près de|presque|quasiment"
            r"|quasi|pratiquement|quelque|(?:estimée?s?|évaluée?s?) à|~|≈",
            "approx",
        ),
    ],
    "en": [
        (
            r"well over|well above|just over|more than|at least|upwards of|in excess of|no fewer than"
            r"|no less than|not less than|a minimum of|over|above|exceeding|topping|topped|north of",
            "at_least",
        ),
        (
            r"up to|as many as|as much as|at most|no more than|not more than|a maximum of|fewer than"
            r"|less than|just under|under|below",
            "at_most",
        ),
        (
            r"in the region of|on the order of|an estimated|estimated at|an approximate|approximately"
            r"|approx\.|roughly|around|about|nearly|almost|close to|circa|some|~|≈",
            "approx",
        ),
    ],
}

# Written right after the figure ("1.500 soldats environ", "3,000 troops or so").
TRAILING_APPROX: dict[str, str] = {
    "fr": r"environ|à peu près|approximativement",
    "en": r"or so|approximately|roughly|or thereabouts",
}

# Words that open a range before its first number ("entre 10 000 et 12 000", "from 5 to 10").
RANGE_OPENERS = r"entre|between|de|d['’]|du|from"
# Between the two ends of a range, with the opener each requires (None: no opener needed).
RANGE_JOINERS: dict[str, list[tuple[str, str | None]]] = {
    "fr": [(r"et", r"entre"), (r"à", None), (r"-|–|—|‐|‑", None)],
    "en": [(r"and", r"between"), (r"to", None), (r"-|–|—|‐|‑", None)],
}
# A verb of change right before "de X à Y" / "from X to Y" makes two figures, not a range:
# "le bilan est passé de 300 à 500 morts" states 300 then 500.
CHANGE_VERBS = (
    r"pass(?:é|ée|és|ées|ant|er|era|ent|e)|augment(?:é|ée|és|ées|ant|er|e|ent)|grimp(?:é|ée|ant|e|ent)"
    r"|bondi|bondissant|chut(?:é|ée|ant|e|ent)|baiss(?:é|ée|ant|e|ent)|recul(?:é|ée|ant|e|ent)"
    r"|diminu(?:é|ée|ant|e|ent)|rédui(?:t|te|ts|tes|sant)|revue?s?|révis(?:é|ée|és|ées)|corrig(?:é|ée|és|ées)"
    r"|relev(?:é|ée|és|ées)|abaiss(?:é|ée|és|ées)|mont(?:é|ée|ant)|ramen(?:é|ée|és|ées)|port(?:é|ée|és|ées)"
    r"|rose|risen|rising|rises|increased|increasing|grew|grown|growing|fell|fallen|falling|dropped"
    r"|dropping|declined|declining|jumped|climbed|went|gone|soared|plunged|revised|raised|lowered"
    r"|corrected|reduced|expanded|cut|up|down"
)

# Projection cues: a modal or future verb in the clause before the figure ("pourrait atteindre",
# "is expected to"), or right after it ("12000 soldats pourraient être déployés"), or a
# future deadline after it ("d'ici décembre", "by December").
PROJECTION_BEFORE: dict[str, str] = {
    "fr": r"pourr(?:a|ait|aient|ont)|devr(?:a|ait|aient|ont)|atteindr(?:a|ait|aient|ont)|ser(?:a|ont)"
    r"|(?:va|vont|allait|allaient) (?:atteindre|dépasser|envoyer|déployer|être|passer|s['’]élever)"
    r"|prévoi(?:t|ent|r)|prévue?s?|attendue?s?|envisag(?:e|ent|é|ée)|projett?(?:e|ent)|compte(?:nt)? envoyer"
    r"|risqu(?:e|ent) de|d['’]ici|à l['’]horizon",
    "en": r"could|might|(?-i:may)|will|would|shall|['’]ll|(?:is|are|was|were) (?:expected|projected|forecast|set"
    r"|likely|poised|due) to|expected to|projected to|forecast to|likely to|set to|plans? to"
    r"|planned to|planning to|going to|intends? to|aims? to",
}
# The simple future right before the figure ("coûtera 486 milliards", "s'élèvera à 3 000"):
# lower-case verbs ending in a third-person future, minus the nouns that end the same way.
FUTURE_VERB_BEFORE: dict[str, str] = {
    "fr": r"(?-i:(?!(?:caméra|opéra|choléra|extra|ultra|mantra|cobra|sierra|contra|aura|tiara)s?\b)"
    r"[a-zàâçéèêëîïôûù'’]{2,}(?:era|eront|ira|iront|dra|dront|ura|uront|ra|ront))",
    "en": r"(?!x)x",
}
PROJECTION_AFTER_VERB: dict[str, str] = {
    "fr": r"pourr(?:a|ait|aient|ont)|devr(?:a|ait|aient|ont)|ser(?:a|ont) (?:bientôt )?(?:déployée?s?|envoyée?s?)"
    r"|(?:sont|seront|étaient) (?:attendue?s?|prévue?s?)|attendue?s?|prévue?s?",
    "en": r"could|might|(?-i:may)|will|would|['’]ll|(?:are|is|were|was) (?:expected|projected|set|due|likely|poised)"
    r"|expected|projected",
}
# The one month table, as regex alternations (``lang/<lang>/months.txt``).
MONTHS_FR = month_pattern("fr")
MONTHS_EN = month_pattern("en")
PROJECTION_DEADLINE: dict[str, str] = {
    "fr": rf"d['’]ici (?:(?:la )?fin |le |à |au |l['’]|début |mi-)?(?:{MONTHS_FR}|\d{{4}}|l['’]an|l['’]année"
    r"|(?:la |les |le |l['’])?(?:prochaine?s?|semaine|mois|année|été|hiver|printemps|automne|fin))",
    "en": rf"by (?:the end of |the start of |early |mid-?|late )?(?:(?-i:{MONTHS_EN})|\d{{4}}|next|the end"
    r"|year-end|the summer|the winter|the spring|the autumn)",
}

DAYS_FR = "|".join(raw_words("fr", "weekdays"))
DAYS_EN = "|".join(raw_words("en", "weekdays"))

# Nouns after a number, as written (lower case) -> unit. Matched longest first, both languages at
# once (wire copy mixes them). The word may come after a few adjectives ("3,000 North Korean troops").
UNIT_NOUNS: dict[str, str] = {
    # soldiers
    **dict.fromkeys(
        [
            "soldats",
            "soldat",
            "militaires",
            "hommes",
            "combattants",
            "combattant",
            "troupes",
            "conscrits",
            "mercenaires",
            "recrues",
            "réservistes",
            "paramilitaires",
            "officiers",
            "sous-officiers",
            "fantassins",
            "parachutistes",
            "soldiers",
            "soldier",
            "troops",
            "servicemen",
            "servicemembers",
            "service members",
            "military personnel",
            "personnels militaires",
            "fighters",
            "combatants",
            "conscripts",
            "mercenaries",
            "recruits",
            "reservists",
            "paratroopers",
            "marines",
            "men",
        ],
        "soldiers",
    ),
    # people
    **dict.fromkeys(
        [
            "personnes",
            "personne",
            "civils",
            "civil",
            "habitants",
            "individus",
            "enfants",
            "femmes",
            "adultes",
            "migrants",
            "manifestants",
            "électeurs",
            "travailleurs",
            "salariés",
            "employés",
            "ouvriers",
            "résidents",
            "citoyens",
            "ressortissants",
            "policiers",
            "gendarmes",
            "patients",
            "élèves",
            "étudiants",
            "people",
            "persons",
            "person",
            "civilians",
            "civilian",
            "residents",
            "inhabitants",
            "individuals",
            "children",
            "women",
            "adults",
            "migrants",
            "protesters",
            "protestors",
            "demonstrators",
            "voters",
            "workers",
            "employees",
            "citizens",
            "nationals",
            "police officers",
            "officers",
            "patients",
            "pupils",
            "students",
            "pompiers",
            "firefighters",
            "secouristes",
            "rescuers",
            "médecins",
            "doctors",
            "infirmiers",
            "nurses",
            "journalistes",
            "journalists",
            "humanitaires",
            "aid workers",
            "bénévoles",
            "volunteers",
            "passagers",
            "passengers",
            "touristes",
            "tourists",
            "pèlerins",
            "pilgrims",
            "spectateurs",
            "spectators",
            "marins",
            "sailors",
            "mineurs",
            "miners",
        ],
        "people",
    ),
    # deaths
    **dict.fromkeys(
        [
            "morts",
            "mort",
            "tués",
            "tuées",
            "décès",
            "décédés",
            "victimes mortelles",
            "dead",
            "deaths",
            "killed",
            "fatalities",
            "lives",
        ],
        "deaths",
    ),
    # injured
    **dict.fromkeys(["blessés", "blessées", "blessé", "wounded", "injured", "injuries"], "injured"),
    # casualties
    **dict.fromkeys(
        [
            "tués ou blessés",
            "tués et blessés",
            "morts ou blessés",
            "morts et blessés",
            "pertes",
            "victimes",
            "killed or wounded",
            "killed and wounded",
            "killed or injured",
            "killed and injured",
            "dead or wounded",
            "dead and wounded",
            "dead or injured",
            "dead and injured",
            "casualties",
            "victims",
        ],
        "casualties",
    ),
    # prisoners
    **dict.fromkeys(
        [
            "prisonniers de guerre",
            "prisonniers",
            "prisonnier",
            "détenus",
            "captifs",
            "otages",
            "prisoners of war",
            "prisoners",
            "prisoner",
            "pows",
            "detainees",
            "captives",
            "hostages",
        ],
        "prisoners",
    ),
    # refugees
    **dict.fromkeys(
        [
            "réfugiés",
            "réfugiées",
            "déplacés",
            "déplacées",
            "demandeurs d'asile",
            "demandeurs d’asile",
            "exilés",
            "refugees",
            "displaced",
            "displaced people",
            "displaced persons",
            "asylum seekers",
            "asylum-seekers",
            "evacuees",
        ],
        "refugees",
    ),
    # jobs
    **dict.fromkeys(["emplois", "emploi", "postes", "jobs", "job"], "jobs"),
    # area, length
    **dict.fromkeys(
        [
            "km²",
            "km2",
            "km carrés",
            "kilomètres carrés",
            "kilometres carrés",
            "kilomètres²",
            "square kilometres",
            "square kilometers",
            "square km",
            "sq km",
            "sq. km",
            "sq km.",
            "km sq",
        ],
        "km2",
    ),
    **dict.fromkeys(["km", "kilomètres", "kilomètre", "kilometres", "kilometers", "kilometre", "kilometer"], "km"),
    # money
    **dict.fromkeys(
        ["dollars américains", "dollars us", "dollars", "dollar", "$", "us$", "$us", "usd", "us dollars"],
        "usd",
    ),
    **dict.fromkeys(["euros", "euro", "€", "eur"], "eur"),
    **dict.fromkeys(["livres sterling", "pounds sterling", "£", "gbp"], "gbp"),
    **dict.fromkeys(["roubles", "rouble", "rubles", "ruble", "₽", "rub"], "rub"),
    **dict.fromkeys(["hryvnias", "hryvnia", "hryvnas", "hryvnies", "grivnas", "₴", "uah"], "uah"),
    # ratio
    **dict.fromkeys(["%", "pour cent", "pourcent", "pour-cent", "percent", "per cent", "pc"], "percent"),
    # mass
    **dict.fromkeys(["tonnes", "tonne", "tons", "ton", "metric tons", "tonnes métriques"], "tonnes"),
    # things
    **dict.fromkeys(
        [
            "véhicules blindés",
            "véhicules",
            "véhicule",
            "blindés",
            "chars d'assaut",
            "chars d’assaut",
            "chars",
            "char",
            "camions",
            "armored vehicles",
            "armoured vehicles",
            "vehicles",
            "vehicle",
            "tanks",
            "tank",
            "trucks",
            "apcs",
        ],
        "vehicles",
    ),
    **dict.fromkeys(
        [
            "avions de combat",
            "avions de chasse",
            "avions",
            "avion",
            "hélicoptères",
            "aéronefs",
            "bombardiers d'eau",
            "bombardiers d’eau",
            "canadair",
            "canadairs",
            "hydravions",
            "aircraft",
            "airplanes",
            "planes",
            "warplanes",
            "fighter jets",
            "jets",
            "helicopters",
            "airliners",
            "jetliners",
            "water bombers",
            "waterbombers",
        ],
        "aircraft",
    ),
    **dict.fromkeys(["drones", "drone", "uavs", "uav"], "drones"),
    **dict.fromkeys(
        [
            "missiles balistiques",
            "missiles de croisière",
            "missiles",
            "missile",
            "roquettes",
            "rockets",
            "ballistic missiles",
            "cruise missiles",
        ],
        "missiles",
    ),
    **dict.fromkeys(
        [
            "obus d'artillerie",
            "obus d’artillerie",
            "obus",
            "munitions",
            "artillery shells",
            "shells",
            "rounds of ammunition",
        ],
        "shells",
    ),
    # measures that only show up as conversions of a metric figure
    **dict.fromkeys(
        [
            "square miles",
            "sq miles",
            "sq mi",
            "miles carrés",
            "milles carrés",
            "miles",
            "mi",
            "acres",
            "pounds",
            "lbs",
            "lb",
            "feet",
            "ft",
            "gallons",
            "yards",
        ],
        FOREIGN_MEASURE,
    ),
    # not figures: durations and ages, times of day, multiples, fractions, temperatures
    **dict.fromkeys(
        [
            "ans",
            "an",
            "années",
            "année",
            "mois",
            "semaines",
            "semaine",
            "jours",
            "jour",
            "heures",
            "heure",
            "minutes",
            "minute",
            "secondes",
            "seconde",
            "siècles",
            "siècle",
            "décennies",
            "décennie",
            "nuits",
            "nuit",
            "trimestres",
            "semestres",
            "h",
            "years",
            "year",
            "months",
            "month",
            "weeks",
            "week",
            "days",
            "day",
            "hours",
            "hour",
            "mins",
            "seconds",
            "second",
            "decades",
            "decade",
            "centuries",
            "century",
            "nights",
            "night",
            "a.m.",
            "p.m.",
            "am",
            "pm",
            "a.m",
            "p.m",
            "fois",
            "times",
            "tiers",
            "quart",
            "quarts",
            "moitié",
            "moitiés",
            "thirds",
            "third",
            "quarters",
            "quarter",
            "halves",
            "half",
            "fifths",
            "fifth",
            "tenths",
            "°c",
            "°",
            "degrés",
            "degrees",
        ],
        TRAP,
    ),
}

# Participles and adjectives after a people noun that turn a head count into a toll:
# "600 000 soldats russes ont été tués ou blessés" counts casualties, not soldiers.
TOLL_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "tués ou blessés",
            "tués et blessés",
            "morts ou blessés",
            "morts et blessés",
            "killed or wounded",
            "killed and wounded",
            "killed or injured",
            "killed and injured",
            "dead or wounded",
            "dead and wounded",
            "wounded or killed",
            "injured or killed",
        ],
        "casualties",
    ),
    **dict.fromkeys(["tués", "tuées", "morts", "mortes", "décédés", "péri", "killed", "dead", "died"], "deaths"),
    **dict.fromkeys(["blessés", "blessées", "wounded", "injured"], "injured"),
    **dict.fromkeys(["capturés", "faits prisonniers", "captured", "taken prisoner", "detained"], "prisoners"),
    **dict.fromkeys(
        [
            "fui",
            "fled",
            "fleeing",
            "displaced",
            "déplacées",
            "déplacés",
            "sheltering",
            "forced to flee",
            "contraintes de fuir",
            "contraints de fuir",
        ],
        "refugees",
    ),
}
# "les forces russes ont perdu 1 150 soldats": people lost in a war are casualties.
LOSS_VERBS = r"perdu|perd|perdent|perdait|perdaient|perdrait|perdra|lost|lose|loses|losing"
# A figure inside "…, including two children, were killed" takes the toll after the aside.
INCLUSION_WORDS = r"including|among them|dont|notamment|y compris|parmi eux|parmi elles|parmi lesquels|parmi lesquelles"
# Auxiliaries and adverbs allowed between the noun and the toll word.
TOLL_FILLERS = _word_set(
    "ont a sont été avaient auraient seraient aurait serait déjà au total ensemble probablement "
    "have has had been were was are already reportedly so far in total possibly probably"
)
PEOPLE_UNITS = frozenset({"people", "soldiers", "count"})

# Words after which a following noun is not the unit of the number (function words, auxiliaries).
STOP_WORDS = _word_set(
    """le la les l un une des du de d au aux à a en dans sur sous par pour avec sans chez vers entre contre
    et ou mais donc ni car que qu qui dont où ce cet cette ces se s sa son ses leur leurs nos vos notre
    votre il ils elle elles on y ne n pas très tout tous toute toutes déjà encore aussi selon depuis
    pendant avant après lors comme ont est sont été était étaient sera seront serait seraient avait
    avaient aurait auraient fut soit être avoir fait font ont environ seulement près plus moins
    the an of in on at to for by with from into than as and or but nor so that which who whom whose
    this these those its their his her our your my it they he she we you is are was were be been being
    has have had will would could should may might can do does did not no about over under up per each
    all both some any such only also already still just now then there here said says say according
    while since during after before when if than last next ago hier demain yesterday today tomorrow
    tonight lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday devant derrière malgré parmi durant envers hors via outre against among amid amidst
    despite behind within without across through toward towards near beyond around inside outside
    upon including like unlike"""
)
# The only words that may sit between a number and a time noun for it to be a duration ("les 12
# derniers mois"); elsewhere a time noun further on is an adverbial ("3,000 last week").
DURATION_MODIFIERS = _word_set(
    """derniers dernières prochains prochaines premiers premières longs longues bonnes courtes petites
    pleines entières"""
)
# Words that may sit between a number and its noun but never name the unit themselves.
MODIFIERS = _word_set(
    """autres supplémentaires nouveaux nouvelles premiers premières derniers dernières jeunes anciens
    other others more additional new extra further fresh young former"""
)

# Before a number word, a determiner means the count is known already ("les deux pays",
# "the three leaders"): it is not a figure anyone reports.
DETERMINERS = _word_set("les ces ses leurs nos vos mes tes aux the these those their its our your my his her both all")

# A number right after one of these is a reference or part of a name, not a quantity ("article 5",
# "n° 3", "phase 2", "Route 66", "Formula 1 drivers"), whatever follows it.
REFERENCE_WORDS = _word_set(
    """article articles page pages chapitre chapter section paragraphe paragraph alinéa numéro number no
    n° nº vol flight ligne line route résolution resolution décret decree loi law version tome annexe
    annex figure fig tableau table point note phase level niveau catégorie category tier type série
    series modèle model classe class saison season épisode episode acte terminal gate quai platform
    secteur sector district salle room chambre bâtiment étage autoroute highway interstate nationale
    départementale formule formula ligue league"""
)

# Names that take a number as part of the name ("Boeing 737", "Apollo 11", "Leopard 2", "CAC 40",
# "France 24"). Case-sensitive: "le leopard" or "un falcon" are not these names.
NAMED_SERIES = _word_set(
    """Boeing Airbus Embraer Bombardier ATR Dash Cessna Tupolev Antonov Iliouchine Ilyushin Soukhoï Sukhoi
    MiG Mirage Rafale Eurofighter Tornado Typhoon Gripen Leopard Challenger Falcon Ariane Soyouz Soyuz
    Apollo Artemis Gemini Voyager Shenzhou Tianzhou Chandrayaan Starlink Formula Formule Ligue Top CAC
    SBF FTSE Nasdaq Nikkei Stoxx DAX S&P Russell Fortune COP Canal+ Channel Radio Windows iPhone iPad
    Galaxy Pixel PlayStation Xbox Nintendo Peugeot Renault Citroën Model Shahed Patriot Himars Caesar Route
    Highway Interstate Autoroute RN RD Vigipirate Euro Mondial COVID Covid"""
)
# Currency codes: an amount after one is a figure, unlike a number after other acronyms ("SDIS 40").
CURRENCY_CODES = _word_set("USD EUR CHF GBP JPY CNY RMB RUB UAH CAD AUD INR BRL XOF XAF MAD DZD TND")
# Channels whose name is a place and a number ("France 2", "France 24"): only these numbers.
NAMED_CHANNELS = r"France (?:2|3|4|5|24)|TV ?5|Arte 2|BBC (?:1|2|3|4)"
# Boeing airliners are known by a bare number ("737 jets", "the 777 Max"): with an aircraft noun
# or a model suffix after it, and no qualifier before it, such a number names the model.
AIRLINER_MODELS = r"7[0-8]7"
AIRLINER_SUFFIXES = _word_set("Max MAX Dreamliner NG jumbo jumbos freighter freighters ER")

# "âgé de 45", "aged 45", "aged between 18 and 25": ages.
AGE_BEFORE = r"âgée?s? (?:de|d['’]entre|entre)|âge de|l['’]âge de|(?:aged|age|ages|at age)(?: between| from)?"
# "Jane Smith, 30, a nurse", "the driver, 45, was": a bare number between commas (or in brackets)
# after a name or one of these nouns is an age.
PERSON_NOUNS = _word_set(
    """victime victim homme man femme woman garçon boy fille girl fillette adolescent adolescente
    teenager teen enfant child bébé baby mère mother père father fils son daughter épouse wife mari
    husband conducteur conductrice driver suspect suspecte accusé accusée defendant prévenu prévenue
    pilote pilot passager passagère passenger infirmier infirmière nurse médecin doctor professeur
    teacher étudiant étudiante student soldat soldier policier policière officer agent retraité
    retraitée retiree pensioner employé employée worker ouvrier ouvrière habitant habitante resident
    chauffeur motard motorcyclist cycliste cyclist piéton piétonne pedestrian joueur joueuse player
    athlète athlete militant militante activist journaliste journalist photographe photographer
    grand-mère grandmother grand-père grandfather veuve widow veuf widower frère brother soeur sœur
    sister ami amie friend voisin voisine neighbour neighbor"""
)

# A pair of small numbers right after one of these is a score or a vote, not two figures
# ("s'est imposé 2 à 0", "won 3 to 1", "battu 4 buts à 2"); at most three words may sit between
# ("a battu Lyon 3 à 1").
SCORE_CUES = (
    r"impos(?:é|ée|e|ent|ant)|emport(?:é|ée|e|ent|ant)|gagn\w*|battu\w*|bat|batt(?:ent|ait|aient)|vainqu\w*|victoire"
    r"|défaite|défait\w*|mené\w*|mène|menait|menaient|score|scores|match nul|nul|égalis\w*|s['’]incline\w*"
    r"|remport\w*|dominé\w*|domine|won|win|wins|winning|beat|beats|beaten|beating|defeated|defeat|defeats"
    r"|victory|victories|led|leads|leading|trailed|trailing|drew|draw|tied|edged|thrashed|routed|rout"
    r"|triumphed|score|scored|voted|vote|votes|voix"
)
SCORE_NOUNS = r"buts?|points?|goals?|sets?|essais|tries|runs|jeux|games|voix|votes"

# A number right after one of these (with no noun after it) is a telephone number or a short
# code: "appelez le 3919", "composez le 112", "call 911", "dial 999".
PHONE_BEFORE = (
    r"(?:appel(?:ez|er|le|lent|é|ant)|compos(?:ez|er|é|ant)|contact(?:ez|er)|joindre|joignable"
    r"|numéro (?:vert|gratuit|d['’]urgence|d['’]écoute)|call|calling|dial|dialling|dialing|ring|phone|text"
    r"|hotline|helpline|freephone|toll-free)(?: (?:le|au|aux|on|at))?"
)

# Nouns that a spelt-out number never counts as a reported figure: "à deux reprises", "two ways",
# "deux raisons", "en deux temps" (a spelt-out count of people or things is a figure: "trois
# fillettes", "two US destroyers").
ABSTRACT_NOUNS = _word_set(
    """reprises fois façons manières moyens raisons choses questions options scénarios hypothèses
    possibilités solutions étapes temps tours camps côtés pas doigts mots points volets axes niveaux
    vitesses versions sens parties catégories aspects approches facteurs objectifs priorités
    conditions critères principes piliers conseils mesures poids roues mains yeux pieds
    ways reasons things matters questions options scenarios hypotheses possibilities solutions steps
    stages phases sides words points aspects approaches factors goals priorities conditions criteria
    principles pillars tips measures categories versions levels fronts parts kinds sorts types
    issues ideas elements camps directions halves thirds terms mandats rounds saisons seasons générations
    generations chiffres digits sexes genders"""
)
# A four-digit number from 1500 to 2100 is a year unless it counts a noun after a counting
# qualifier ("près de 2000 foyers", "about 2000 homes"). Before one of these nouns it stays a
# year ("back to about 2015 levels"), and so it does after a preposition that also reads as a
# qualifier ("under 2024 rules", "above 2019 levels").
YEAR_NOUNS = _word_set(
    """levels niveaux standards normes prices prix figures chiffres values valeurs rules règles targets
    objectifs budgets estimates estimations records elections élections games jeux olympics"""
)
YEAR_PREPOSITIONS = _word_set("over above under below topping topped exceeding")
# Plurals without a final s that a spelt-out number may count ("three men" is a unit already).
IRREGULAR_PLURALS = _word_set(
    "crew staff personnel police cattle sheep fish deer livestock offspring geese mice teeth feet"
)

# Before "X" in "le nombre de soldats ... pourrait atteindre X", the noun that the number counts.
COUNT_HEADS = r"nombre|total|chiffre|effectif|effectifs|bilan|contingent|number|total|figure|tally|toll|count"
