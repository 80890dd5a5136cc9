"""The shipped knowledge base: tables load, codes are consistent, lookups work."""

from __future__ import annotations

import pycountry
import pytest

from eventwire.resources.entries import compose, words_of
from eventwire.resources.kb import load_kb


def test_tables_carry_versions() -> None:
    kb = load_kb()
    assert "countries 1" in kb.version and "organisations 1" in kb.version and "roles 1" in kb.version


def test_country_codes_agree_with_iso() -> None:
    kb = load_kb()
    assert kb.countries["XKX"].iso2 == "XK"
    for iso3, country in kb.countries.items():
        record = pycountry.countries.get(alpha_2=country.iso2)
        if record is not None:
            assert record.alpha_3 == iso3, country.name


@pytest.mark.parametrize(
    ("name", "kind", "country", "org", "cameo"),
    [
        ("Kosovo", "country", "XKX", None, "XKX"),
        ("North Atlantic Alliance", "org", None, "NATO", "IGOWSTNAT"),
        ("Serbian List", "org", "XKX", "Serb List", "XKXPTY"),
        ("Moscow", "capital", "RUS", None, "RUS"),
        ("Bosnian", "adjective", "BIH", None, "BIH"),
        ("Serb", "ethnic", None, None, None),
        ("the Kremlin", "institution", "RUS", None, "RUSGOV"),
    ],
)
def test_names_resolve(name: str, kind: str, country: str | None, org: str | None, cameo: str | None) -> None:
    entry = load_kb().actor(name)
    assert entry is not None
    assert (entry.kind, entry.country, entry.org, entry.cameo) == (kind, country, org, cameo)


def test_roles_map_to_sectors() -> None:
    kb = load_kb()
    assert kb.agent("Foreign Minister") is not None and kb.agent("foreign minister").sector == "GOV"  # type: ignore[union-attr]
    high = kb.agent("High Representative")
    assert high is not None and high.org == "org:ohr"


def test_compose_never_stacks_primary_sectors() -> None:
    assert compose("USA", "GOV") == "USAGOV"
    assert compose("USAGOV", "MIL") == "USAGOV"
    assert compose("IGOWSTNAT", "IGO") == "IGOWSTNAT"
    assert compose("ARN", "NGO", prefix=True) == "NGOARN"
    assert compose("ARN", "REL") == "ARNREL"
    assert compose(None, "GOV") == "GOV"


def test_acronyms_keep_their_case() -> None:
    kb = load_kb()
    text = "Tell us what the US and the UN think."
    hits = kb.actors.find(words_of(text), text)
    assert [text[h.start : h.end] for h in hits] == ["US", "UN"]


def test_persons_carry_dated_offices() -> None:
    import datetime as dt

    entry = load_kb().actor("Jens Stoltenberg")
    assert entry is not None and entry.kind == "person" and entry.country == "NOR"
    nato = entry.tenure_on(dt.date(2023, 11, 21))
    assert nato is not None and (nato.org, nato.code.code) == ("NATO", "IGOWSTNAT")
    later = entry.tenure_on(dt.date(2025, 6, 1))
    assert later is not None and later.code.code == "NORGOV"
    assert entry.tenure_on(None) is None  # no day, no office
    obama = load_kb().actor("Barack Obama")
    assert obama is not None
    former = obama.tenure_on(dt.date(2020, 1, 1))
    assert former is not None and former.code.code == "USAELI"  # outside every office: the default row
