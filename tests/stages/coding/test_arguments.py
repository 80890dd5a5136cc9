"""Sides of events from the grammar and the codebook, on sentences written for these tests (whole pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import config
from eventwire.ids import article_id
from eventwire.model import Article, Event, EventActor
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(config.load({"raise_errors": True, "event_floor": 0.0}))


def events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    article = Article(id=article_id(text), text=text, published=dt.date(2024, 3, 1))
    return pipeline.run(article).events


def country(side: EventActor | None) -> str | None:
    return side.country if side is not None else None


def test_two_people_of_one_country_are_two_sides(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Senator Mary Holt of Ohio praised President Joe Biden on Tuesday.")
    assert event.root == "05"
    assert event.source is not None and event.source.name == "Mary Holt"
    assert event.target is not None and event.target.name == "Joe Biden"
    assert (country(event.source), country(event.target)) == ("USA", "USA")


def test_a_country_is_still_not_its_own_target(pipeline: Pipeline) -> None:
    found = events(pipeline, "Egypt accused the Egyptian opposition of fraud.")
    assert all(not (country(e.source) == "EGY" and e.target is not None and e.target.name == "Egypt") for e in found)


def test_a_participle_adjunct_takes_the_passive_subject_as_its_doer(pipeline: Pipeline) -> None:
    found = events(pipeline, "Nearly 50 Kenyan soldiers were killed fighting al-Shabaab in Somalia last year.")
    fight = next(e for e in found if e.trigger.text == "fighting")
    assert country(fight.source) == "KEN"
    assert fight.target is not None and fight.target.org == "al-Shabaab"


def test_an_arrest_without_agent_is_the_act_of_the_state_where_it_happens(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "The journalist was detained in Egypt last week.")
    assert event.root == "17"
    assert event.source is not None and event.source.country == "EGY"
    assert event.source.evidence == "place:authorities"


def test_an_active_arrest_keeps_its_own_subject(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Kenyan police arrested two men in Tanzania on Friday.")
    assert country(event.source) == "KEN"


def test_a_bomb_that_kills_is_a_bombing(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "A car bomb killed nine people in Kabul on Sunday.")
    assert event.cameo.startswith("183")
    assert country(event.target) == "AFG"


def test_a_soldier_who_kills_is_not_a_bombing(pipeline: Pipeline) -> None:
    found = events(pipeline, "Rebels killed nine soldiers near Goma on Sunday.")
    assert [e.root for e in found if e.trigger.text == "killed"] == ["19"]


def test_force_used_in_a_place_acts_on_its_country_when_nobody_else_is_named(pipeline: Pipeline) -> None:
    found = events(pipeline, "Gunmen from Chad attacked a bus in Niger on Monday.")
    attack = next(e for e in found if e.trigger.text == "attacked")
    assert country(attack.source) == "TCD"
    assert attack.target is not None and attack.target.country == "NER"
    assert attack.target.evidence == "place:country"


def test_violence_with_nobody_named_gets_no_side_from_its_place(pipeline: Pipeline) -> None:
    found = events(pipeline, "Violence in Niger left 12 people dead on Monday.")
    assert all(e.target is None or e.target.evidence != "place:country" for e in found)


def test_others_stands_for_the_coordinated_verbs_object(pipeline: Pipeline) -> None:
    found = events(pipeline, "Kenyan police arrested three students and questioned four others on Sunday.")
    questioned = next(e for e in found if e.trigger.text == "questioned")
    assert questioned.target is not None and questioned.target.name == "students"


def test_coordinated_verbs_of_one_attack_are_one_event(pipeline: Pipeline) -> None:
    found = events(pipeline, "Rebels killed three Kenyan soldiers and wounded six others on Sunday.")
    (attack,) = [e for e in found if e.root in ("18", "19")]
    assert country(attack.target) == "KEN"
    assert {m.text for m in attack.mentions} >= {"killed", "wounded"}


def test_an_accusation_is_aimed_at_the_subject_of_its_clause(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Iran alleged the American journalist was a spy.")
    assert event.root == "11"
    assert (country(event.source), country(event.target)) == ("IRN", "USA")


def test_a_warning_is_aimed_at_the_subject_of_its_clause(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Putin warned Ukraine would pay a heavy price.")
    assert (event.root, country(event.source), country(event.target)) == ("13", "RUS", "UKR")


def test_a_statement_is_not_aimed_at_the_subject_of_its_clause(pipeline: Pipeline) -> None:
    found = events(pipeline, "Putin said Ukraine would pay a heavy price.")
    assert all(e.target is None for e in found if e.root == "01")


def test_a_persons_aides_are_other_people_coded_as_him(pipeline: Pipeline) -> None:
    found = events(pipeline, "President Joe Biden met his top aides at the White House on Tuesday.")
    meeting = next(e for e in found if e.trigger.text == "met")
    assert meeting.target is not None and meeting.target.name == "aides"
    assert meeting.target.country == "USA"
    assert meeting.target.evidence is not None and meeting.target.evidence.startswith("agent:staff-of:")


def test_a_headline_event_the_body_tells_is_a_mention_of_the_body_event(pipeline: Pipeline) -> None:
    from eventwire.stages.clean import heading

    text = (
        "Police arrest opposition leader\n\nKenyan police arrested opposition leader Raila Odinga in Nairobi on Monday."
    )
    title = heading(text).title
    assert title is not None and title.text == "Police arrest opposition leader"
    article = Article(id=article_id(text), text=text, published=dt.date(2024, 3, 1), title_span=title)
    (event,) = [e for e in pipeline.run(article).events if e.root == "17"]
    assert event.trigger.text == "arrested"
    assert [m.text for m in event.mentions] == ["arrest", "arrested"]
    assert event.target is not None and event.target.name == "Raila Odinga"


def test_acting_on_someones_plan_acts_on_him(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Kenya rejected the plan that Uganda put forward.")
    assert (event.root, country(event.source), country(event.target)) == ("12", "KEN", "UGA")


def test_a_threat_is_aimed_where_the_threatened_act_is(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Washington threatened to impose sanctions on Iran.")
    assert (event.root, country(event.source), country(event.target)) == ("13", "USA", "IRN")


def test_a_warning_noun_is_aimed_at_the_subject_of_its_clause(pipeline: Pipeline) -> None:
    found = events(pipeline, "Obama repeated his warning that Britain would lose access to the market.")
    warning = next(e for e in found if e.trigger.text == "warning")
    assert (country(warning.source), country(warning.target)) == ("USA", "GBR")


def test_with_a_by_doer_the_possessor_of_a_nominal_is_acted_on(pipeline: Pipeline) -> None:
    found = events(pipeline, "The ambassador's assassination by a Turkish police officer shocked Russia.")
    killing = next(e for e in found if e.trigger.text == "assassination")
    assert country(killing.source) == "TUR"
    assert killing.target is not None and killing.target.name == "ambassador"


def test_a_place_inside_an_organisations_name_is_not_where_its_event_happened(pipeline: Pipeline) -> None:
    text = "The African Union condemned the attack on Tuesday."
    article = Article(id=article_id(text), text=text, published=dt.date(2024, 3, 1))
    analysis = pipeline.run(article)
    (event,) = [e for e in analysis.events if e.root == "11"]
    names = {p.id: p.name for p in analysis.places}
    assert names.get(event.place or "") != "Africa"


def test_a_place_inside_an_organisations_name_gives_it_no_country(pipeline: Pipeline) -> None:
    (event,) = events(pipeline, "Catholic protesters rallied against the Orange Order in Portadown.")
    assert event.target is not None and event.target.name == "Orange Order"
    assert event.target.country != "USA"


def test_a_group_word_modifying_the_object_is_the_target(pipeline: Pipeline) -> None:
    text = "Gunmen attacked a police station in Kasama, Zambia, on Friday."
    (attack,) = [e for e in events(pipeline, text) if e.trigger.text == "attacked"]
    assert attack.target is not None and attack.target.cameo == "ZMBCOP"


def test_a_singular_group_word_is_coded_like_its_plural(pipeline: Pipeline) -> None:
    text = "An insurgent ambushed a bus near Kasama in Zambia on Friday."
    (ambush,) = [e for e in events(pipeline, text) if e.root in ("18", "19")]
    assert ambush.source is not None and ambush.source.cameo == "ZMBREB"


def test_unnamed_people_are_civilians_of_the_country(pipeline: Pipeline) -> None:
    text = "Police in Ndola detained 30 people after the match on Saturday."
    (detained,) = [e for e in events(pipeline, text) if e.root == "17"]
    assert detained.target is not None and detained.target.cameo == "ZMBCVL"


def test_a_killing_and_the_attack_in_its_when_clause_are_one_event(pipeline: Pipeline) -> None:
    text = "Five people were killed when gunmen attacked a market in Maiduguri on Tuesday."
    violent = [e for e in events(pipeline, text) if e.root in ("18", "19")]
    assert len(violent) == 1
    (attack,) = violent
    assert attack.source is not None and attack.source.cameo == "NGAUAF"
    assert attack.target is not None and attack.target.cameo == "NGACVL"
    assert {m.text for m in attack.mentions} == {"killed", "attacked"}


def test_provided_as_a_conjunction_is_a_condition_not_aid(pipeline: Pipeline) -> None:
    text = "The rebels said they would lay down their arms provided the army left the valley."
    assert not [e for e in events(pipeline, text) if e.root == "07"]
    aid = "Norway provided tents to the refugees on Friday."
    assert [e.cameo for e in events(pipeline, aid) if e.trigger.text == "provided"] == ["070"]


def test_the_object_of_an_arrest_does_the_act_it_is_arrested_for_and_the_arrester_claims_it(
    pipeline: Pipeline,
) -> None:
    text = "Kenyan police arrested two Somali men for attacking a bus in Garissa."
    (attack,) = [e for e in events(pipeline, text) if e.root in ("18", "19")]
    assert country(attack.source) == "SOM"
    assert attack.claimed_by is not None and attack.claimed_by.name == "police"


def test_a_sentence_names_who_did_what_it_punishes(pipeline: Pipeline) -> None:
    text = "The court jailed a Sudanese officer for torturing detainees in Khartoum."
    (torture,) = [e for e in events(pipeline, text) if e.root == "18"]
    assert torture.source is not None and torture.source.cameo == "SDNCOP"
    assert torture.claimed_by is not None


def test_a_passive_killing_takes_the_doer_of_the_attack_it_happened_in(pipeline: Pipeline) -> None:
    text = "Nine villagers were killed in a Boko Haram raid in Borno, Nigeria."
    (killed,) = [e for e in events(pipeline, text) if e.root in ("18", "19")]
    assert killed.source is not None and killed.source.name == "Boko Haram"
    assert country(killed.target) == "NGA"


def test_coordinated_passives_share_their_by_agent(pipeline: Pipeline) -> None:
    text = "The editor fled to Benin after being arrested and beaten by Togolese soldiers."
    (arrest,) = [e for e in events(pipeline, text) if e.root == "17"]
    assert arrest.source is not None and arrest.source.name == "soldiers"
