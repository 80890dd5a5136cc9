"""The geo stage: recognition, disambiguation by context and qualifiers, and unknown names kept."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import config
from eventwire.model import Analysis, Article, EntityMention, Parse, Span
from eventwire.pipeline import Pipeline
from eventwire.resources.gazetteer import Gazetteer, load_gazetteer
from eventwire.stages.geo.stage import PlaceContext, resolve
from eventwire.stages.geo.toponyms import Toponym, propose, trim

STAGES = ("clean", "dedupe", "parse", "geo")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(config.load({"stages": STAGES, "raise_errors": True}))


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


def run(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.run(Article(id="t", text=text, published=dt.date(2024, 1, 5)))


def bare(text: str) -> Analysis:
    return Analysis(article=Article(id="t", text=text), parse=Parse(model="none"))


def cands(text: str, *names: str, label: str = "GPE") -> list[Toponym]:
    out = []
    for name in names:
        start = text.index(name)
        out.append(Toponym(start, start + len(name), label))
    return out


def test_trim_drops_the_and_possessive() -> None:
    text = "the United States's plan"
    start, end = trim(text, 0, len("the United States's"))
    assert text[start:end] == "United States"


def test_abbreviations_resolve_to_countries_not_villages(g: Gazetteer) -> None:
    text = "Officials in the US and the UK met."
    places, problems = resolve(bare(text), cands(text, "US", "UK"), g)
    assert [p.geonameid for p in places] == [6252001, 2635167]
    assert not problems


def test_country_context_picks_the_canadian_london(g: Gazetteer) -> None:
    text = "Police in London said Toronto and Ottawa officers helped; Ontario and Canada mourn."
    places, _ = resolve(bare(text), cands(text, "London", "Toronto", "Ottawa", "Ontario", "Canada"), g)
    assert places[0].country == "CA"


def test_london_alone_is_england(g: Gazetteer) -> None:
    text = "Talks resumed in London."
    places, _ = resolve(bare(text), cands(text, "London"), g)
    assert places[0].country == "GB" and places[0].feature == "city"


def test_qualifier_decides(g: Gazetteer) -> None:
    text = "He moved to Springfield, Illinois last year."
    start = text.index("Springfield")
    qual = text.index("Illinois")
    cand = Toponym(start, start + len("Springfield"), "GPE", (qual, qual + len("Illinois")))
    places, _ = resolve(bare(text), [cand, *cands(text, "Illinois")], g)
    assert places[0].country == "US" and places[0].name == "Springfield"
    assert places[0].lat is not None and 39 < places[0].lat < 40.5  # Springfield, IL (not MO or MA)


def test_unknown_place_is_kept_and_others_survive(g: Gazetteer) -> None:
    text = "Fighting near Qwxzyville spread to Kosovo."
    places, problems = resolve(bare(text), cands(text, "Qwxzyville", "Kosovo"), g)
    assert len(places) == 2
    unknown, kosovo = places
    assert unknown.geonameid is None and unknown.reason and "Qwxzyville" in unknown.reason
    assert kosovo.geonameid == 831053 and kosovo.country == "XK"
    assert [p.code for p in problems] == ["geo.unresolved"]
    assert problems[0].span is not None and problems[0].span.text == "Qwxzyville"


def test_state_name_is_the_state_in_american_context(g: Gazetteer) -> None:
    text = "Storms hit Texas and Oklahoma."
    places, _ = resolve(bare(text), cands(text, "Texas", "Oklahoma"), g)
    assert places[0].country == "US" and places[0].feature == "region"


def test_end_to_end_spans_demonyms_and_metonymy(pipeline: Pipeline) -> None:
    text = (
        "Moscow's intervention worried Canadian officials, who met in Sarajevo on Monday.\n"
        "Later they flew to Pristina, the capital of Kosovo."
    )
    analysis = run(pipeline, text)
    by_text = {p.span.text: p for p in analysis.places}
    for place in analysis.places:
        assert text[place.span.start : place.span.end] == place.span.text
    assert by_text["Moscow"].is_metonym and by_text["Moscow"].country == "RU"
    assert by_text["Canadian"].geonameid == 6251999
    assert by_text["Sarajevo"].geonameid == 3191281
    assert by_text["Pristina"].country == "XK"
    assert not by_text["Sarajevo"].is_metonym


def test_no_parse_no_places(g: Gazetteer) -> None:
    from eventwire.stages.geo.stage import resolve_places

    analysis = Analysis(article=Article(id="t", text="Paris."))
    assert resolve_places(analysis, config.load()).places == ()


def test_country_named_in_the_text_wins_over_an_american_namesake(g: Gazetteer) -> None:
    text = "A Georgetown, Kentucky doctor on a trip to France saw the attack in Paris."
    places, _ = resolve(bare(text), cands(text, "Georgetown", "Kentucky", "France", "Paris"), g)
    assert places[-1].country == "FR"


def test_a_city_is_not_read_under_its_alternate_name_when_the_country_is_meant(g: Gazetteer) -> None:
    text = "Exports to Mexico rose, traders in Mexico City said."
    places, _ = resolve(bare(text), cands(text, "Mexico", "Mexico City"), g)
    assert places[0].feature == "country" and places[1].feature == "city"


def test_words_around_a_name_choose_between_city_and_region(g: Gazetteer) -> None:
    text = "Shelling hit Idlib province. Later the town of Idlib was quiet."
    first = text.index("Idlib")
    second = text.index("Idlib", first + 1)
    places, _ = resolve(bare(text), [Toponym(first, first + 5, "GPE"), Toponym(second, second + 5, "GPE")], g)
    assert places[0].feature == "region" and places[0].lat is not None


def test_a_name_with_its_province_is_a_place_even_without_ner(g: Gazetteer) -> None:
    from eventwire.stages.geo.toponyms import _qualified, _settlements

    text = "Lucy was born in Churchill, Man. last year; gunmen hit the central town of Karak."
    spans = [text[s:e] for s, e in [*_qualified(text, g), *_settlements(text, g)]]
    assert spans == ["Churchill", "Karak"]
    assert _qualified("Winston Churchill, Prime Minister", g) == []


def test_the_region_named_most_decides_between_namesake_counties(g: Gazetteer) -> None:
    missouri = next(e for e in g.lookup("Missouri") if e.feature == "region")
    counties = {e.admin1: e for e in g.lookup("Monroe County") if e.feature == "county"}
    marion = next(e for e in g.lookup("Marion County") if e.feature == "county" and e.admin1 == "AL")
    context = PlaceContext()
    for _ in range(3):
        context.add(missouri, 1.0, "missouri")
    context.add(marion, 1.0, "marion county")
    assert counties["MO"].geonameid is not None and counties["MO"].geonameid != counties["AL"].geonameid
    assert context.score(counties["MO"], "monroe county") > context.score(counties["AL"], "monroe county")


def test_a_region_named_after_its_seat_does_not_outweigh_the_city(g: Gazetteer) -> None:
    text = "Bankers met in Zurich on Monday."
    places, _ = resolve(bare(text), cands(text, "Zurich"), g)
    assert places[0].feature == "city" and places[0].country == "CH"


# ---------------------------------------------------------------- issue 15: detection beyond the tagger's label


def tagged(text: str, *pairs: tuple[str, str]) -> Parse:
    """A parse holding only the given (name, label) mentions, each at its first occurrence."""
    mentions = []
    for name, label in pairs:
        start = text.index(name)
        mentions.append(EntityMention(span=Span.of(text, start, start + len(name)), label=label))
    return Parse(model="none", mentions=tuple(mentions))


def proposed(text: str, parse: Parse, g: Gazetteer) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in propose(text, parse, g)]


def test_issue_15_a_country_tagged_as_a_person_is_a_place_after_in(g: Gazetteer) -> None:
    text = "Aid convoys reached villages in Mali on Tuesday, the agency said."
    assert ("Mali", "CONTEXT") in proposed(text, tagged(text, ("Mali", "PERSON")), g)


def test_issue_15_a_country_tagged_as_a_person_is_a_place_when_listed_with_one(g: Gazetteer) -> None:
    text = "Ministers of Chad, Niger and Burkina Faso signed the pact."
    parse = tagged(text, ("Chad", "GPE"), ("Niger", "PERSON"), ("Burkina Faso", "GPE"))
    assert ("Niger", "CONTEXT") in proposed(text, parse, g)


def test_a_country_tagged_as_a_person_is_a_place_after_to(g: Gazetteer) -> None:
    text = "The agency shipped tents to Bhutan last week."
    assert ("Bhutan", "CONTEXT") in proposed(text, tagged(text, ("Bhutan", "PERSON")), g)


def test_a_person_after_to_stays_a_person_unless_the_name_is_a_country(g: Gazetteer) -> None:
    text = "The minister handed the letter to Houston on Monday."
    assert proposed(text, tagged(text, ("Houston", "PERSON")), g) == []


def test_issue_15_a_person_named_like_a_place_stays_a_person(g: Gazetteer) -> None:
    text = "Michael Jordan told reporters the team would win."
    assert proposed(text, tagged(text, ("Michael Jordan", "PERSON")), g) == []


def test_issue_15_an_area_tagged_as_an_organisation_is_a_place_in_context(g: Gazetteer) -> None:
    text = "Shelling continued in Eastern Ghouta overnight, residents said."
    found = propose(text, tagged(text, ("Eastern Ghouta", "ORG")), g)
    assert [text[c.start : c.end] for c in found] == ["Eastern Ghouta"]
    places, _ = resolve(bare(text), found, g)
    assert places[0].country == "SY"


def test_issue_15_compass_points_and_foreign_articles_are_not_places(g: Gazetteer) -> None:
    text = "Relations with the West soured, and Der Spiegel ran the story."
    parse = tagged(text, ("West", "LOC"), ("Der", "GPE"))
    assert proposed(text, parse, g) == []


def test_issue_15_people_are_not_places_but_adjectives_are(g: Gazetteer) -> None:
    text = "Thousands of Peruvians marched as Peruvian police watched."
    parse = tagged(text, ("Peruvians", "NORP"), ("Peruvian", "NORP"))
    assert proposed(text, parse, g) == [("Peruvian", "NORP")]
