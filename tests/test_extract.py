"""The extractor on real spaCy models: each attribution pattern, French and English.

Models load once per session (``extractor`` fixture); every test runs one small batch through the
public API ``Extractor.extract`` and checks what a fact-checker would read in the output.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from corroborate.evaluate.extraction import same_source
from corroborate.extract import CLAIM_COLUMNS, Extractor, claim_id
from corroborate.extract import nlp as nlp_mod
from corroborate.extract.context import find_periods
from tests.helpers import one, run

# --- French ---------------------------------------------------------------------------------------


def test_fr_incise_after_figure_in_first_sentence(extractor: Extractor) -> None:
    rows = run(
        extractor,
        "La Corée du Nord a envoyé environ 10'000 soldats pour s'entraîner en Russie, "
        "a affirmé lundi le Pentagone. Cette estimation est trois fois plus importante.",
        "fr",
    )
    assert len(rows) == 1  # "trois fois plus" is a multiple, not a figure
    r = rows[0]
    assert (r["source"], r["attributed"], r["value"], r["qualifier"]) == ("Pentagone", True, 10000.0, "approx")


def test_fr_quote_incise_with_role_apposition(extractor: Extractor) -> None:
    text = (
        "«Nous pensons que la Corée du Nord a envoyé environ 10'000 soldats pour s'entraîner dans l'est de "
        "la Russie», a déclaré la porte-parole adjointe du Pentagone Sabrina Singh."
    )
    r = one(run(extractor, text, "fr"), 10000)
    assert r["source"] == "Sabrina Singh"
    assert r["source_org"] == "Pentagone"


def test_fr_quote_pronoun_resolves_to_previous_speaker(extractor: Extractor) -> None:
    text = (
        "Le président ukrainien Volodymyr Zelensky s'est exprimé lundi en Islande. "
        "« Nos renseignements montrent qu'ils sont déjà 3 000 », a-t-il déclaré."
    )
    r = one(run(extractor, text, "fr"), 3000)
    assert r["source"] == "Volodymyr Zelensky"
    assert r["source_org"] == "Ukraine"


def test_fr_pronoun_respects_gender(extractor: Extractor) -> None:
    text = (
        "La ministre du Travail Catherine Vautrin s'est exprimée à l'Assemblée. Son collègue Bruno Le Maire "
        "était absent. Selon elle, 150 000 emplois ont été créés au premier trimestre."
    )
    assert one(run(extractor, text, "fr"), 150000)["source"] == "Catherine Vautrin"


def test_fr_descriptor_resolves_to_named_speaker(extractor: Extractor) -> None:
    text = (
        "La porte-parole du Pentagone Sabrina Singh a tenu un point presse lundi. Certaines forces se sont "
        "rapprochées de l'Ukraine. Environ 10 000 soldats sont concernés, a ajouté la porte-parole."
    )
    r = one(run(extractor, text, "fr"), 10000)
    assert (r["source"], r["source_org"]) == ("Sabrina Singh", "Pentagone")


def test_fr_reported_speech_collective_source(extractor: Extractor) -> None:
    text = "Les États-Unis ont déclaré mercredi que jusqu'à 3 000 soldats nord-coréens avaient été envoyés en Russie."
    r = one(run(extractor, text, "fr"), 3000)
    assert (r["source"], r["qualifier"], r["unit"]) == ("États-Unis", "at_most", "soldiers")
    assert "soldats nord-coréens" in (r["subject"] or "")


def test_fr_reported_speech_direct_object_and_leading_apposition(extractor: Extractor) -> None:
    text = (
        "Porte-parole du département d'État américain, Vedant Patel a confirmé l'information. "
        "Interrogé sur le nombre de militaires présents, Vedant Patel a confirmé plus de 10.000 soldats."
    )
    r = one(run(extractor, text, "fr"), 10000)
    assert r["source"] == "Vedant Patel"
    assert r["source_org"] == "département d'État américain"


def test_fr_minister_apposition_gives_ministry(extractor: Extractor) -> None:
    text = "Le ministre américain de la Défense, Lloyd Austin, a indiqué que 1 000 soldats seraient envoyés."
    r = one(run(extractor, text, "fr"), 1000)
    assert r["source"] == "Lloyd Austin"
    assert r["source_org"] == "ministère américain de la Défense"


def test_fr_par_la_voix_de(extractor: Extractor) -> None:
    text = (
        "Le Pentagone, par la voix de sa porte-parole adjointe Sabrina Singh, a estimé à 10 000 le nombre "
        "de soldats nord-coréens en Russie."
    )
    r = one(run(extractor, text, "fr"), 10000)
    assert r["source"] == "Sabrina Singh"
    assert r["source_org"] in ("Pentagone", "Le Pentagone")


def test_fr_selon_and_dapres(extractor: Extractor) -> None:
    rows = run(
        extractor,
        "Selon des sources sud-coréennes, jusqu'à 12000 soldats pourraient être déployés "
        "d'ici décembre. D'après Washington, 3 000 soldats sont déjà sur place.",
        "fr",
    )
    assert one(rows, 12000)["source"] == "sources sud-coréennes"
    assert one(rows, 3000)["source"] == "Washington"


def test_according_phrase_ends_at_its_closing_bracket(extractor: Extractor) -> None:
    # "(selon la police)" set in brackets mid-sentence: the source is what the brackets hold, not the
    # words after them ("police) les manifestants")
    text = "Le cortège a rassemblé du monde à Paris (selon la police) les manifestants étaient 3 000 jeudi."
    assert one(run(extractor, text, "fr"), 3000)["source"] == "police"
    text = "The march was large (according to the police) with 3,000 people in the streets on Thursday."
    assert one(run(extractor, text, "en"), 3000)["source"] == "police"


def test_fr_analysis_credits_data_owner_with_analyst_as_org(extractor: Extractor) -> None:
    text = (
        "Selon une analyse de l'AFP sur des données de l'Institut américain pour l'étude de la guerre (ISW), "
        "les forces russes ont avancé de 478 km² sur le sol ukrainien depuis le début d'octobre."
    )
    r = one(run(extractor, text, "fr", "2024-10-29"), 478)
    assert r["source"] == "Institut américain pour l'étude de la guerre"
    assert r["source_org"] == "AFP"
    assert r["unit"] == "km2"
    assert (r["period_start"], r["period_end"]) == (dt.date(2024, 10, 1), dt.date(2024, 10, 31))


def test_fr_denied_figures_are_not_claims(extractor: Extractor) -> None:
    assert run(extractor, "Le Kremlin a démenti la présence de 10 000 soldats nord-coréens sur son sol.", "fr") == []


def test_fr_agent_of_participle(extractor: Extractor) -> None:
    text = (
        "Interrogé sur les 500 soldats tués évoqués par Kiev, le porte-parole de l'armée russe a refusé de "
        "confirmer ce bilan."
    )
    assert one(run(extractor, text, "fr"), 500)["source"] == "Kiev"


def test_fr_unattributed_is_the_outlets_own(extractor: Extractor) -> None:
    rows = run(
        extractor, "La sécheresse a détruit 40 000 hectares de cultures dans le sud du pays.", "fr", outlet="Le Temps"
    )
    r = one(rows, 40000)
    assert (r["source"], r["attributed"], r["source_org"]) == ("Le Temps", False, None)


def test_fr_back_reference_to_previous_sentence(extractor: Extractor) -> None:
    text = (
        "Si 1.500 soldats environ ont été envoyés, quasiment 10.000 autres ont été déployés en Russie. "
        "Porte-parole du département d'État américain, Vedant Patel a confirmé l'information."
    )
    rows = run(extractor, text, "fr")
    assert {r["source"] for r in rows} == {"Vedant Patel"}


def test_fr_traps_are_not_claims(extractor: Extractor) -> None:
    text = (
        "Le 24 février 2022, à 5 h 30, les premières troupes russes sont entrées en Ukraine. Le suspect, âgé "
        "de 34 ans, a été condamné à trois ans de prison, a indiqué le parquet."
    )
    assert run(extractor, text, "fr") == []


# --- English --------------------------------------------------------------------------------------


def test_en_incise_with_role_compound(extractor: Extractor) -> None:
    text = (
        "North Korea has sent about 10,000 soldiers to train in eastern Russia, Pentagon spokeswoman "
        "Sabrina Singh said on Monday."
    )
    r = one(run(extractor, text, "en"), 10000)
    assert (r["source"], r["source_org"], r["qualifier"]) == ("Sabrina Singh", "Pentagon", "approx")
    assert "soldiers" in (r["subject"] or "")


def test_en_quote_she_said_resolves(extractor: Extractor) -> None:
    text = (
        'Interior Minister Nancy Faeser met police chiefs in Berlin on Friday. "We registered over 2,000 '
        'attacks on refugee shelters last year," she said.'
    )
    r = one(run(extractor, text, "en", "2024-03-08"), 2000)
    assert r["source"] == "Nancy Faeser"
    assert (r["period_start"], r["period_end"]) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_en_said_that_and_according_to(extractor: Extractor) -> None:
    rows = run(
        extractor,
        "U.S. Defense Secretary Lloyd Austin said that as many as 3,000 troops had arrived. "
        "According to Seoul, 11,000 soldiers could be deployed by December.",
        "en",
    )
    austin = one(rows, 3000)
    assert austin["source"] == "Lloyd Austin" and austin["qualifier"] == "at_most"
    assert one(rows, 11000)["source"] == "Seoul"


def test_en_estimates_and_analysis(extractor: Extractor) -> None:
    rows = run(
        extractor,
        "Ukraine's military intelligence estimates that 11,000 North Korean troops are in "
        "Kursk. Russian forces captured 477 square kilometres in August, according to an AFP "
        "analysis of data from the Institute for the Study of War.",
        "en",
        "2024-09-02",
    )
    assert one(rows, 11000)["source"] == "Ukraine's military intelligence"
    isw = one(rows, 477)
    assert (isw["source"], isw["source_org"]) == ("Institute for the Study of War", "AFP")
    assert (isw["period_start"], isw["period_end"]) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


def test_en_descriptor_the_spokesman(extractor: Extractor) -> None:
    text = (
        "Pentagon press secretary Maj. Gen. Pat Ryder briefed reporters on Tuesday. About 10,000 North "
        "Korean soldiers have been integrated into Russian units, the spokesman said."
    )
    assert one(run(extractor, text, "en"), 10000)["source"] == "Pat Ryder"


def test_en_denials_are_not_claims(extractor: Extractor) -> None:
    assert run(extractor, "Moscow denied reports that 10,000 North Korean troops had arrived in Russia.", "en") == []
    assert run(extractor, "Pentagon spokesman Pat Ryder declined to confirm the figure of 500 casualties.", "en") == []


def test_en_relative_clause_speaker_does_not_take_the_main_figure(extractor: Extractor) -> None:
    text = "The G7 agreed a $50bn loan for Ukraine, of which the United States said it would provide $20bn."
    rows = run(extractor, text, "en", outlet="Reuters")
    assert one(rows, 50e9)["attributed"] is False
    assert one(rows, 20e9)["source"] == "United States"


# --- pieces -----------------------------------------------------------------------------------------


def test_claim_id_is_stable_and_short() -> None:
    a = claim_id("art1", 10, 20, "Pentagone")
    assert a == claim_id("art1", 10, 20, "Pentagone")
    assert a != claim_id("art1", 10, 20, "Sabrina Singh")
    assert len(a) == 16 and int(a, 16) >= 0


def test_empty_and_figureless_articles(extractor: Extractor) -> None:
    assert run(extractor, "Le président a qualifié ce déploiement de très dangereux.", "fr") == []
    out = extractor.extract(
        pl.DataFrame({"article_id": [], "text": []}, schema={"article_id": pl.String(), "text": pl.String()})
    )
    assert tuple(out.columns) == CLAIM_COLUMNS and out.height == 0


def test_periods_resolve_against_publication_date() -> None:
    pub = dt.date(2024, 10, 28)
    (p,) = find_periods("Au 27 octobre, les forces russes avaient gagné du terrain.", pub)
    assert (p.start, p.end) == (None, dt.date(2024, 10, 27))
    (p,) = find_periods("Elles avaient gagné 477 km2 en août.", pub)
    assert (p.start, p.end) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


def test_sentence_split_keeps_offsets() -> None:
    text = "M. Zelensky a parlé. Le Pentagone a confirmé 10 000 soldats.\nU.S. officials said 3,000."
    spans = nlp_mod.split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "M. Zelensky a parlé.",
        "Le Pentagone a confirmé 10 000 soldats.",
        "U.S. officials said 3,000.",
    ]


def test_model_meta_is_checked() -> None:
    class Fake:
        meta = {"name": "core_news_sm", "lang": "fr", "version": "3.7.0"}

    with pytest.raises(nlp_mod.ModelMismatchError, match="core_news_md"):
        nlp_mod.check_meta(Fake(), nlp_mod.MODELS["fr"])  # type: ignore[arg-type]
    assert nlp_mod.get_nlp("fr") is nlp_mod.get_nlp("fr")  # loaded once per process


# --- descriptors resolve to the entity they refer to ----------------------------------------------


def test_en_org_descriptor_resolves_to_named_organisation(extractor: Extractor) -> None:
    text = (
        "The World Health Organization reported 1,200 new cholera cases in Sudan last week. "
        "The agency said 45 people had died."
    )
    rows = run(extractor, text, "en")
    assert one(rows, 1200)["source"] == "World Health Organization"
    assert one(rows, 45)["source"] == "World Health Organization"  # not "agency", not "Sudan"


def test_fr_org_descriptor_with_adjective(extractor: Extractor) -> None:
    text = (
        "L'Organisation mondiale de la santé a recensé 2 300 cas de choléra en une semaine au Soudan. "
        "L'agence onusienne a précisé que 62 personnes étaient mortes."
    )
    assert one(run(extractor, text, "fr"), 62)["source"] == "Organisation mondiale de la santé"


def test_fr_role_descriptor_with_organisation_resolves_to_the_person(extractor: Extractor) -> None:
    text = (
        "La préfète du Var, Claire Vasseur, s'est rendue lundi sur les lieux de l'incendie. "
        "Quelque 1 200 hectares ont brûlé, a indiqué la préfète du Var."
    )
    assert one(run(extractor, text, "fr"), 1200)["source"] == "Claire Vasseur"


def test_fr_meme_source_repeats_the_previous_source(extractor: Extractor) -> None:
    text = (
        "Selon le ministère de la Santé, 14 personnes ont été hospitalisées après l'intoxication. "
        "Selon la même source, 40 autres ont été examinées sur place."
    )
    rows = run(extractor, text, "fr")
    assert {r["source"] for r in rows} == {"ministère de la Santé"}


def test_en_unnamed_official_is_the_institution(extractor: Extractor) -> None:
    text = "A senior Treasury official said the energy support scheme would cost about $40bn over two years."
    assert one(run(extractor, text, "en"), 40e9)["source"] == "Treasury"


def test_en_place_descriptor(extractor: Extractor) -> None:
    text = "Over 250 flights were cancelled at Heathrow on Tuesday because of fog, the airport said."
    assert one(run(extractor, text, "en"), 250)["source"] == "Heathrow"


def test_unresolved_org_descriptor_keeps_its_words(extractor: Extractor) -> None:
    rows = run(extractor, "Inflation slowed to 18.4% in June, the central bank said.", "en")
    assert one(rows, 18.4)["source"] == "central bank"


# --- sources given around the figure ----------------------------------------------------------------


def test_en_list_takes_the_author_named_after_it(extractor: Extractor) -> None:
    text = (
        "Key figures from the report:\n- 2.4 million households in fuel poverty\n- 18% rise in average energy "
        "bills\nThe report by the Resolution Foundation was published on Monday."
    )
    rows = run(extractor, text, "en")
    assert {r["source"] for r in rows} == {"Resolution Foundation"}
    assert all(r["attributed"] for r in rows)


def test_en_it_said_and_the_data_showed(extractor: Extractor) -> None:
    rows = run(
        extractor,
        "Tesco reported a 4.1% rise in like-for-like sales on Wednesday. It said 9,000 new jobs would be created.",
        "en",
    )
    assert one(rows, 9000)["source"] == "Tesco"
    rows = run(
        extractor,
        "The Office for National Statistics published its labour market survey on Tuesday. "
        "Unemployment rose to 4.4% in the three months to April, the data showed.",
        "en",
    )
    assert one(rows, 4.4)["source"] == "Office for National Statistics"


def test_fr_document_without_author_takes_the_organisation_before(extractor: Extractor) -> None:
    text = (
        "Météo-France a publié mardi son bilan climatique de l'année. "
        "Les données montrent un déficit de pluie de 25 % dans le sud-est."
    )
    assert one(run(extractor, text, "fr"), 25)["source"] == "Météo-France"


def test_fr_headline_figure_takes_the_source_of_the_lead(extractor: Extractor) -> None:
    text = (
        "Crues : 2 500 foyers privés d'électricité en Ardèche\n"
        "Environ 2 500 foyers étaient toujours privés de courant vendredi, a indiqué Enedis."
    )
    rows = run(extractor, text, "fr")
    assert len(rows) == 2 and {r["source"] for r in rows} == {"Enedis"}


def test_fr_list_takes_the_author_named_after_it(extractor: Extractor) -> None:
    text = (
        "Les chiffres clés du rapport :\n- 330 000 personnes sans domicile\n- 2 800 enfants dormant dans la rue\n"
        "Le rapport annuel de la Fondation Abbé-Pierre a été publié jeudi."
    )
    rows = run(extractor, text, "fr")
    assert {r["source"] for r in rows} == {"Fondation Abbé-Pierre"}


# --- garbage spans are no source --------------------------------------------------------------------


def test_fr_fait_etat_does_not_take_the_figure_as_source(extractor: Extractor) -> None:
    text = "La préfecture du Finistère fait état de 2 400 foyers privés d'électricité après la tempête."
    assert one(run(extractor, text, "fr"), 2400)["source"] == "préfecture du Finistère"


def test_fr_generic_noun_phrase_is_no_source(extractor: Extractor) -> None:
    text = "Plus de 300 dossiers sont en cours d'analyse, a indiqué la Caisse d'allocations familiales."
    assert one(run(extractor, text, "fr"), 300)["source"] == "Caisse d'allocations familiales"


def test_sources_never_hold_a_figure(extractor: Extractor) -> None:
    rows = run(
        extractor,
        "Déjà plus de 12 000 personnes ont signé la pétition, indique l'association Sherpa. "
        "Kiev, de son côté, fait état de 1 530 pertes russes.",
        "fr",
    )
    assert not any(any(ch.isdigit() for ch in (r["source"] or "")) for r in rows)
    assert same_source("Sherpa", one(rows, 12000)["source"], True)


# --- the listener is not the speaker ---------------------------------------------------------------


def test_en_told_reporters_and_told_the_bbc(extractor: Extractor) -> None:
    rows = run(extractor, "Chancellor Rachel Reeves told reporters that borrowing would fall to £87bn.", "en")
    assert one(rows, 87e9)["source"] == "Rachel Reeves"
    rows = run(
        extractor,
        "Ryanair chief executive Michael O'Leary told the BBC that summer fares would rise by about 5%.",
        "en",
    )
    assert one(rows, 5)["source"] == "Michael O'Leary"


def test_fr_listener_before_inverted_subject(extractor: Extractor) -> None:
    text = (
        "« Nous avons perdu 15 % de notre chiffre d'affaires », a expliqué à franceinfo le président de la "
        "FNSEA, Arnaud Rousseau."
    )
    assert one(run(extractor, text, "fr"), 15)["source"] == "Arnaud Rousseau"
    text = "Le maire de Nice, Christian Estrosi, a déclaré à la presse que 3 000 arbres seraient plantés."
    assert one(run(extractor, text, "fr"), 3000)["source"] == "Christian Estrosi"


# --- the next sentence's speaker does not take the figure --------------------------------------------


def test_fr_quote_closing_its_sentence_keeps_its_speaker(extractor: Extractor) -> None:
    text = (
        "Le directeur du Samu de Paris, Pierre Carli, a passé la nuit au standard. "
        "« Nous avons reçu 4 500 appels en une nuit. » La préfecture de police a par ailleurs annoncé "
        "120 interpellations."
    )
    rows = run(extractor, text, "fr")
    assert one(rows, 4500)["source"] == "Pierre Carli"
    assert one(rows, 120)["source"] == "préfecture de police"


def test_en_quote_closing_its_sentence_keeps_its_speaker(extractor: Extractor) -> None:
    text = (
        "Mayor Karen Bass visited the shelter on Wednesday. "
        '"We have housed 21,000 people since January." The county said separately that 75,000 people '
        "remained homeless."
    )
    rows = run(extractor, text, "en")
    assert one(rows, 21000)["source"] == "Karen Bass"
    assert one(rows, 75000)["source"] == "county"


def test_fr_next_sentence_incise_speaks_for_an_opening_figure(extractor: Extractor) -> None:
    text = (
        "Près de 4 000 hectares de vignes ont été touchés par la grêle. "
        "C'est un bilan encore provisoire, a précisé le président de la chambre d'agriculture, Paul Baudouin. "
        "La Mutualité sociale agricole a ouvert une cellule d'aide."
    )
    assert one(run(extractor, text, "fr"), 4000)["source"] == "Paul Baudouin"


def test_en_next_sentence_speaker_does_not_take_the_figure(extractor: Extractor) -> None:
    text = (
        "More than 2,000 flights were cancelled across the US on Monday, aviation tracker FlightAware said. "
        "Delta said it was still restoring its systems."
    )
    assert same_source("FlightAware", one(run(extractor, text, "en"), 2000)["source"], True)


def test_sentence_split_after_a_french_closing_quote() -> None:
    text = "Il a parlé. « Nous avons reçu 4 500 appels. » La préfecture a annoncé 120 interpellations."
    assert [text[s:e] for s, e in nlp_mod.split_sentences(text)] == [
        "Il a parlé.",
        "« Nous avons reçu 4 500 appels. »",
        "La préfecture a annoncé 120 interpellations.",
    ]
