"""The actors stage: roles read from the text, KB linking, metonymy, coreference, dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.model import Analysis, Article, Entity
from eventwire.pipeline import Pipeline
from eventwire.stages.actors.stage import actor_for_span

STAGES = ("clean", "dedupe", "parse", "entities", "actors")

TEXT = (
    "Serbian Foreign Minister Ivica Dacic met EU envoy Miroslav Lajcak in Brussels on Monday. "
    "Moscow's response was swift. "
    "Aleksandar Vucic, the President of Serbia, said the alliance had failed. NATO rejected the claim. "
    "Later the president said he would visit Pristina, where Kosovo Prime Minister Albin Kurti "
    "and the Kosovo Police were waiting."
)


def run(text: str, **overrides: object) -> Analysis:
    settings = Settings(stages=STAGES, raise_errors=True, **overrides)  # type: ignore[arg-type]
    return Pipeline(settings).run(Article(id="t", text=text, published=dt.date(2023, 5, 1)))


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return run(TEXT)


def entity(analysis: Analysis, name: str) -> Entity:
    found = [e for e in analysis.entities if name in e.name]
    assert found, [e.name for e in analysis.entities]
    return found[0]


def test_title_before_name(analysis: Analysis) -> None:
    dacic = entity(analysis, "Dacic").actor
    assert dacic is not None and (dacic.country, dacic.role, dacic.cameo) == ("SRB", "Foreign Minister", "SRBGOV")
    kurti = entity(analysis, "Kurti").actor
    assert kurti is not None and (kurti.country, kurti.cameo) == ("XKX", "XKXGOV")


def test_apposition_after_name(analysis: Analysis) -> None:
    vucic = entity(analysis, "Vucic")
    assert vucic.actor is not None and (vucic.actor.country, vucic.actor.role) == ("SRB", "President")


def test_capital_as_agent_is_the_government(analysis: Analysis) -> None:
    moscow = entity(analysis, "Moscow").actor
    assert moscow is not None and moscow.cameo == "RUSGOV"
    pristina = entity(analysis, "Pristina").actor
    assert pristina is not None and pristina.cameo == "XKX"  # a place here, not an actor


def test_body_named_by_country_and_role(analysis: Analysis) -> None:
    police = entity(analysis, "Kosovo Police").actor
    assert police is not None and police.cameo == "XKXCOP"


def test_coreference(analysis: Analysis) -> None:
    nato = entity(analysis, "NATO")
    assert "alliance" in [m.text for m in nato.mentions]
    vucic = [m.text for m in entity(analysis, "Vucic").mentions]
    assert "president" in vucic and "he" in vucic


def test_ids_stay_those_of_the_entities_stage() -> None:
    settings = Settings(stages=STAGES[:-1], raise_errors=True)
    before = Pipeline(settings).run(Article(id="t", text=TEXT, published=dt.date(2023, 5, 1)))
    after = run(TEXT)
    assert {e.id for e in after.entities if e.type == "PERSON"} == {e.id for e in before.entities if e.type == "PERSON"}


def test_dictionary_names_found_without_ner(tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text("FREEDONIA [FRD]\n+FREEDONIAN\nSYLVANIA [SYL]\n", encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("CLERIC [~REL]\nAID_GROUP {} [NGO~]\n", encoding="utf-8")
    text = "Freedonia cleric protested after the sylvania aid group arrived."
    result = run(text, dictionaries=(actors, agents))
    codes = {e.name.casefold(): e.actor.cameo for e in result.entities if e.actor is not None}
    assert codes.get("freedonia") == "FRD" and codes.get("sylvania") == "SYL"
    start = text.index("Freedonia cleric")
    cleric = actor_for_span(result, start, start + len("Freedonia cleric"), Settings(dictionaries=(actors, agents)))
    assert cleric is not None and cleric.actor is not None and cleric.actor.cameo == "FRDREL"


def test_actor_for_span_builds_unnamed_actors(analysis: Analysis) -> None:
    text = "The nationalist president of Republika Srpska rejected the plan."
    result = run(text)
    found = actor_for_span(result, 0, text.index(" rejected"))
    assert found is not None and found.actor is not None
    assert found.actor.org == "Republika Srpska" and found.actor.country == "BIH"
    assert actor_for_span(result, text.index("plan"), len(text) - 1) is None


def run_on(text: str, day: dt.date) -> Analysis:
    settings = Settings(stages=STAGES, raise_errors=True)
    return Pipeline(settings).run(Article(id="d", text=text, published=day))


def mentions_of(result: Analysis, name: str) -> list[str]:
    return [m.text for m in entity(result, name).mentions]


def test_pronouns_follow_the_gender_the_text_gives() -> None:
    text = (
        "Spokeswoman Dana Perkal met Rolf Ambers in Vienna. Perkal said she was pleased. "
        "Ambers said he agreed. Later Ambers met Perkal again and she thanked him."
    )
    result = run(text)
    perkal, ambers = mentions_of(result, "Perkal"), mentions_of(result, "Ambers")
    assert perkal.count("she") == 2 and "he" not in perkal
    assert "he" in ambers and "him" in ambers and "she" not in ambers


def test_they_goes_to_a_plural_group_not_to_a_country() -> None:
    text = "Republicans in the Senate met on Monday. They said the United States must act, and they voted."
    result = run(text)
    assert mentions_of(result, "Republicans").count("they") + mentions_of(result, "Republicans").count("They") == 2
    assert "they" not in mentions_of(result, "United States")


def test_former_office_holders_are_elites_not_the_government() -> None:
    text = "Former Serbian President Boris Tadic criticised the plan. Serbian Prime Minister Ana Brnabic defended it."
    result = run(text)
    tadic, brnabic = entity(result, "Tadic").actor, entity(result, "Brnabic").actor
    assert tadic is not None and tadic.cameo == "SRBELI" and tadic.role == "Former President"
    assert brnabic is not None and brnabic.cameo == "SRBGOV"


def test_media_business_and_peoples_by_their_names() -> None:
    text = (
        "The New York Times and the Lagos Daily Courier reported that Bank of China lent money. "
        "Ukrainian Americans protested in Chicago. Muslims marked Eid."
    )
    result = run(text)
    codes = {e.name: e.actor.cameo for e in result.entities if e.actor is not None}
    assert codes.get("New York Times") == "USAMED" and codes.get("Lagos Daily Courier") == "NGAMED"
    assert codes.get("Bank of China") == "CHNBUS"
    ukrainian = entity(result, "Ukrainian Americans").actor
    assert ukrainian is not None and ukrainian.country == "USA" and ukrainian.role == "Ethnic group"
    assert codes.get("Chicago") == "USA"  # a city outside the tables, from the gazetteer
    assert codes.get("Muslims") == "MOS"


def test_known_persons_are_coded_for_the_office_held_that_day() -> None:
    text = "Donald Trump spoke in Ohio on Tuesday."
    before = entity(run_on(text, dt.date(2016, 9, 1)), "Trump").actor
    during = entity(run_on(text, dt.date(2018, 9, 1)), "Trump").actor
    assert before is not None and before.cameo == "USAPTY" and before.org == "Republican Party"
    assert during is not None and during.cameo == "USAGOV" and during.role == "President"


def test_no_national_default_when_another_country_is_named_nearer() -> None:
    text = (
        "Myanmar held talks in Naypyidaw. Myanmar officials said Myanmar wants trade. "
        "In Washington, President Hal Brenner welcomed the delegation."
    )
    brenner = entity(run(text), "Brenner").actor
    assert brenner is None or brenner.country != "MMR"


def test_georgia_is_the_us_state_in_a_us_story_and_the_country_otherwise() -> None:
    us = run(
        "Congress met in Washington. The U.S. Senate and the White House clashed. A senator from Georgia objected."
    )
    georgia = entity(us, "Georgia").actor
    assert georgia is not None and georgia.country == "USA"
    ge = run("Georgian police dispersed protesters in Tbilisi. The U.S. and the EU urged Georgia to talk.")
    country = entity(ge, "Georgia").actor
    assert country is not None and country.country == "GEO"


def test_a_person_noun_subject_takes_the_pronoun() -> None:
    text = "Rolf Ambers listened. As a mother, my son gave his life, she said."
    assert "his" not in mentions_of(run(text), "Ambers")


def test_someone_elses_role_and_other_holders_are_not_the_persons() -> None:
    text = (
        "Kosovo President Vjosa Osmani spoke. Lira Osmani, the President's eldest daughter, listened. "
        "Retired Serbian General Boro Lazic criticised the plan. The next president will decide, the president said."
    )
    result = run(text)
    lira = [e for e in result.entities if e.name.startswith("Lira")]
    assert not lira or lira[0].actor is None or lira[0].actor.role != "President"
    lazic = entity(result, "Lazic").actor
    assert lazic is not None and lazic.cameo == "SRBELI"
    vjosa = [m.text for m in entity(result, "Vjosa Osmani").mentions]
    assert "president" in vjosa and vjosa.count("president") == 1  # "the next president" is someone else


# -- persons coded from their role in the text (issue 18) -----------------------------------------


def person(analysis: Analysis, surname: str) -> Entity:
    found = [e for e in analysis.entities if e.name.split()[-1] == surname]
    assert found, [(e.name, e.type) for e in analysis.entities]
    return found[0]


def test_abbreviated_organisation_before_a_title() -> None:
    analysis = run("The talks went well, U.N. spokesman Joe Farley said on Tuesday.")
    farley = person(analysis, "Farley").actor
    assert farley is not None and (farley.org, farley.role, farley.cameo) == ("UN", "Spokesperson", "IGOUNO")


def test_apposition_after_an_age() -> None:
    analysis = run("Lena Varga, 61, a former Hungarian ambassador to the United Nations, will lead the mission.")
    varga = person(analysis, "Varga").actor
    assert varga is not None and (varga.country, varga.role, varga.cameo) == ("HUN", "Former Ambassador", "HUNELI")


def test_possessive_country_wins_over_a_portfolio() -> None:
    analysis = run("Pierre Dubois, France's top official for Mali affairs, said the talks would go on.")
    dubois = person(analysis, "Dubois").actor
    assert dubois is not None and (dubois.country, dubois.cameo) == ("FRA", "FRAGOV")


def test_host_country_is_not_the_ambassador_country() -> None:
    analysis = run("The Syrian ambassador to Washington, Omar Haddad, spoke at a closed lecture on Sunday.")
    haddad = person(analysis, "Haddad").actor
    assert haddad is not None and (haddad.country, haddad.role) == ("SYR", "Ambassador")


def test_surname_is_the_person_in_office_on_the_day() -> None:
    text = "President Clinton met the envoys in Dublin. Clinton said the talks would resume."
    pipeline = Pipeline(Settings(stages=STAGES, raise_errors=True))
    early = person(pipeline.run(Article(id="t", text=text, published=dt.date(1998, 5, 1))), "Clinton")
    assert early.actor is not None and (early.kb_id, early.actor.cameo) == ("person:bill-clinton", "USAGOV")
    later = pipeline.run(Article(id="t", text=text, published=dt.date(2016, 5, 1)))
    assert person(later, "Clinton").kb_id == "person:hillary-clinton"
    before = pipeline.run(Article(id="t", text=text, published=dt.date(1990, 5, 1)))
    assert person(before, "Clinton").kb_id is None  # no Clinton held an office then


def test_knowledge_base_person_is_typed_person() -> None:
    analysis = run("The reform was the bidding of Cameron and his ministers, the critic said.")
    names = {(e.name, e.type) for e in analysis.entities if "Cameron" in e.name}
    assert names and all(kind == "PERSON" for _, kind in names), names


def test_a_title_without_country_takes_the_only_country_of_its_sentence() -> None:
    text = (
        "Lebanon and Israel traded fire across the border on Saturday. "
        "Cabinet minister Ehud Levi said on Sunday that the remarks marked a change in Israel's position."
    )
    levi = entity(run(text), "Ehud Levi")
    assert levi.actor is not None and levi.actor.country == "ISR"


def test_a_title_in_a_sentence_of_two_countries_stays_without_one() -> None:
    text = (
        "Lebanon and Israel traded fire across the border on Saturday. "
        "Cabinet minister Ehud Levi said on Sunday that Lebanon and Israel must talk."
    )
    levi = entity(run(text), "Ehud Levi")
    assert levi.actor is None or levi.actor.country is None


def evidence_of(result: Analysis, name: str) -> str | None:
    actor = entity(result, name).actor
    assert actor is not None, name
    return actor.evidence


def test_issue_18_each_actor_code_carries_the_rule_that_gave_it(analysis: Analysis) -> None:
    assert evidence_of(analysis, "NATO") == "kb:org"
    assert evidence_of(analysis, "Moscow") == "kb:capital-government"
    assert evidence_of(analysis, "Pristina") == "kb:capital"
    assert evidence_of(analysis, "Dacic") == "title:before"
    assert evidence_of(analysis, "Vucic") == "kb:person-tenure"  # the knowledge base knows him in office
    assert evidence_of(analysis, "Kosovo Police") == "name:role"
    text = "Pedro Alcaraz, Chile's foreign minister, arrived in Lima on Monday."
    assert evidence_of(run(text), "Pedro Alcaraz") == "apposition:after"


def test_issue_18_an_office_held_on_the_day_is_a_tenure_row() -> None:
    text = "Donald Trump spoke in Ohio on Tuesday."
    assert evidence_of(run_on(text, dt.date(2018, 9, 1)), "Trump") == "kb:person-tenure"


def test_issue_18_a_country_taken_from_the_sentence_says_so() -> None:
    text = (
        "Chile and Peru signed a fisheries accord on Monday. "
        "Deputy minister Tomas Arbeloa said on Tuesday that the accord protects Peru's fleet."
    )
    arbeloa = entity(run(text), "Tomas Arbeloa").actor
    assert arbeloa is not None and arbeloa.country == "PER"
    assert arbeloa.evidence == "title:before+sentence-country"


def test_issue_18_a_national_title_in_a_story_of_one_country_says_it_took_that_country() -> None:
    text = (
        "Peru's congress met in Lima on Monday. Peru's farmers marched in Lima, and Peru's police watched. "
        "Minister Rosa Quenta said the budget would pass."
    )
    quenta = entity(run(text), "Rosa Quenta").actor
    assert quenta is not None and quenta.country == "PER"
    assert quenta.evidence == "title:before+home-country"


def test_issue_18_user_dictionary_codes_are_marked_as_the_users(tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text("FREEDONIA [FRD]\n", encoding="utf-8")
    result = run("Freedonia protested on Monday.", dictionaries=(actors,))
    assert evidence_of(result, "Freedonia") == "dictionary:user"


def test_he_takes_the_last_subject_over_a_nearer_name_or_a_better_known_one() -> None:
    # Mr. Halvorsen's gender is known from his title; Okonkwo's is not: the subject of the previous sentence
    # still takes "he", and a name in a prepositional phrase does not
    text = (
        "Mr. Lars Halvorsen welcomed the plan on Monday. Ikenna Okonkwo came to power in 2001. "
        "He defied the army for years. Halvorsen said the courts would judge the record of Okonkwo. "
        "The country was ready to talk, he added."
    )
    result = run(text)
    assert mentions_of(result, "Okonkwo").count("He") == 1
    assert "he" in mentions_of(result, "Halvorsen") and "he" not in mentions_of(result, "Okonkwo")
