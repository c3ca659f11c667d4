"""Who a figure belongs to when a sentence gives several figures and several sources (on the real models).

Every passage is written for this file, in the shape of wire copy: two counts side by side, a source
hanging on the second figure, a source in a bracket beside its own figure, a speaker closing a sentence
after an agent that belongs to another figure, a cue in the passive, and an event as the subject of
"faire".
"""

from __future__ import annotations

from corroborate.extract import Extractor
from tests.helpers import one, run


def test_a_source_hanging_on_the_second_figure_is_not_the_first_s(extractor: Extractor) -> None:
    rows = run(extractor, "A Lyon, la CGT revendique 40 000 manifestants, contre 12 000 selon la police.", "fr")
    assert one(rows, 40000)["source"] == "CGT"
    assert one(rows, 12000)["source"] == "police"


def test_a_source_closing_the_sentence_still_speaks_for_all_its_figures(extractor: Extractor) -> None:
    text = "Arrivals fell by 20% last year to about 50,000, Reuters reported, citing provisional data from Frontex."
    rows = run(extractor, text, "en")
    assert one(rows, 20)["source"] == one(rows, 50000)["source"] == "Frontex"


def test_a_bracket_with_its_own_figure_and_source_is_not_part_of_the_name(extractor: Extractor) -> None:
    text = (
        "Le séisme, de magnitude 6 selon l'Institut national de géophysique (5,8 selon le service "
        "sismologique américain), a secoué la région."
    )
    rows = run(extractor, text, "fr")
    assert one(rows, 6)["source"] == "Institut national de géophysique"
    assert one(rows, 5.8)["source"] == "service sismologique américain"


def test_the_speaker_of_the_sentence_wins_over_an_agent_of_another_figure(extractor: Extractor) -> None:
    text = (
        "Le bilan a été révisé et s'établit à 80 morts, contre 95 victimes annoncées par la préfecture, "
        "a fait savoir jeudi le ministre de l'Intérieur, Jean Dupont."
    )
    rows = run(extractor, text, "fr")
    assert one(rows, 80)["source"] == "Jean Dupont"
    assert one(rows, 95)["source"] == "préfecture"


def test_a_cue_in_the_passive_names_no_speaker(extractor: Extractor) -> None:
    rows = run(extractor, "Le bilan des inondations en Corrèze a été révisé à 14 morts.", "fr")
    assert one(rows, 14)["source"] != "Corrèze"


def test_an_event_that_makes_victims_is_not_a_speaker(extractor: Extractor) -> None:
    text = (
        "La tempête de samedi, la plus forte selon Météo-France, a traversé le pays. Elle a fait au moins 12 morts "
        "et 40 blessés, dont 9 dans un état grave, a annoncé dimanche le ministère de l'Intérieur."
    )
    rows = run(extractor, text, "fr")
    for value in (12, 40, 9):
        assert one(rows, value)["source"] == "ministère de l'Intérieur"


def test_a_subject_left_out_after_and_keeps_its_figure(extractor: Extractor) -> None:
    text = (
        "Le 31 janvier, la police avait recensé 1,27 million de participants et l'intersyndicale plus de 2,8 "
        "millions dans les rues."
    )
    rows = run(extractor, text, "fr")
    assert one(rows, 1270000)["source"] == "police"
    assert one(rows, 2800000)["source"] == "intersyndicale"
    text = "In Lyon, the organizers counted 40,000 marchers, the police 12,000, and the firm Occurrence 25,000."
    rows = run(extractor, text, "en")
    assert one(rows, 40000)["source"] == "organizers"
    assert one(rows, 25000)["source"] == "firm Occurrence"


def test_an_inverted_subject_after_the_channel_it_spoke_through(extractor: Extractor) -> None:
    text = "Le bilan s'est alourdi à 42 morts, ont annoncé dans un communiqué les autorités de la province."
    assert one(run(extractor, text, "fr"), 42)["source"] == "autorités de la province"


def test_he_or_she_is_a_person_not_the_last_organisation(extractor: Extractor) -> None:
    text = (
        'The toll held at 90 on Friday. "We have found no one else," Governor Anna Kealoha told reporters. '
        'The county said 30 people were missing. "Our grief stands at 90 today," she said.'
    )
    rows = [
        r
        for r in run(extractor, text, "en")
        if r["value"] == 90 and "grief" in text[r["char_start"] - 30 : r["char_end"]]
    ]
    assert [r["source"] for r in rows] == ["Anna Kealoha"]


def test_the_subject_of_a_subordinate_count_is_its_own(extractor: Extractor) -> None:
    text = "La CGT a déclaré avoir compté 900 000 manifestants quand le ministère de l'Intérieur en dénombrait 300 000."
    rows = run(extractor, text, "fr")
    assert one(rows, 900000)["source"] == "CGT"
    assert one(rows, 300000)["source"] == "ministère de l'Intérieur"


def test_an_inverted_pronoun_closing_a_long_sentence_is_the_speaker_named_before(extractor: Extractor) -> None:
    text = (
        "Le préfet Marc Aubert a présenté vendredi un nouveau bilan. « Les experts de la gendarmerie nous ont "
        "beaucoup aidés », a-t-il expliqué. Jusqu'ici, 40 victimes ont été identifiées (sur 52 corps), et 12 "
        "personnes sont encore portées disparues - contre des dizaines la semaine passée -, a-t-il ajouté."
    )
    rows = run(extractor, text, "fr")
    for value in (40, 12):
        assert one(rows, value)["source"] == "Marc Aubert"  # not "experts de la gendarmerie", named in a quote


def test_a_name_with_a_description_between_commas_is_the_name(extractor: Extractor) -> None:
    text = "Italy, the eurozone's third largest economy, is aiming for a deficit of 3.3 percent of output this year."
    assert one(run(extractor, text, "en"), 3.3)["source"] == "Italy"


def test_a_quote_that_opens_the_page_is_named_by_the_next_sentence(extractor: Extractor) -> None:
    text = "« Entre 4 % et 4,5 %. » C'est le taux de chômage que vise la ministre Claire Vidal en 2026. Le reste suit."
    row = one(run(extractor, text, "fr"), 4.5)
    assert row["source"] == "Claire Vidal"
    # and for the year that sentence names
    assert (str(row["period_start"]), str(row["period_end"])) == ("2026-01-01", "2026-12-31")


def test_a_described_body_is_the_last_one_that_spoke_not_the_last_one_named(extractor: Extractor) -> None:
    text = (
        "The World Bank warned on Tuesday of a slowdown, as the Senate is examining the budget. Growth could "
        "fall to 1.2% next year, according to a report from the Washington-based institution."
    )
    assert one(run(extractor, text, "en"), 1.2)["source"] == "World Bank"


def test_a_day_after_an_inverted_subject_is_when_not_who(extractor: Extractor) -> None:
    # shape seen in eurostat and maui: ", a annoncé <body> <day>" / "selon le communiqué <day>"
    text = "Les ventes de vélos ont reculé de 4,2% sur un an dans la région, a annoncé l'Office régional jeudi."
    rows = run(extractor, text, "fr")
    assert one(rows, 4.2)["source"] == "Office régional"


def test_a_time_closing_an_according_phrase_is_cut_from_the_name(extractor: Extractor) -> None:
    # shape seen in eurostat and deficit: "according to data from X out on Monday", "selon … de X dévoilés ce jeudi"
    text = "Bicycle sales fell 4.2% in March, according to the Cycling Federation last week."
    assert one(run(extractor, text, "en"), 4.2)["source"] == "Cycling Federation"
    text = "Les ventes de vélos ont reculé de 4,2%, selon les comptes de la Fédération du cycle publiés ce jeudi."
    assert one(run(extractor, text, "fr"), 4.2)["source"] == "comptes de la Fédération du cycle"


def test_a_time_inside_the_phrase_keeps_the_body_after_it(extractor: Extractor) -> None:
    text = "La crue a fait 14 morts, selon un bilan établi samedi à 8h00 par la préfecture du Gard."
    assert "préfecture du Gard" in (one(run(extractor, text, "fr"), 14)["source"] or "")
