"""The coding stage on parsed sentences with hand-set actors, times and places."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from eventwire import config
from eventwire.ids import article_id
from eventwire.model import Actor, Analysis, Article, Entity, Event, Place, Problem, Span, TimeRef
from eventwire.pipeline import Pipeline
from eventwire.stages.actors.members import split_lists
from eventwire.stages.actors.stage import actor_for_span
from eventwire.stages.coding.stage import code_events

ACTORS = {
    "Serbia": Actor(country="SRB"),
    "Kosovo": Actor(country="XKX"),
    "NATO": Actor(org="NATO"),
    "Stoltenberg": Actor(org="NATO", role="Secretary General"),
    "Albania": Actor(country="ALB"),
    "Croatia": Actor(country="HRV"),
    "Slovenia": Actor(country="SVN"),
    "Belgrade": Actor(country="SRB"),
}


def analyse(text: str, *, published: str | None = "2023-11-21", actors: bool = True) -> Analysis:
    """Parse with the real model, then set actors by name (as the actors stage would)."""
    settings = config.load({"stages": ("clean", "dedupe", "parse", "entities"), "raise_errors": True})
    article = Article(id=article_id(text), text=text, published=dt.date.fromisoformat(published) if published else None)
    analysis = Pipeline(settings).run(article)
    if actors:
        entities = tuple(
            replace(e, actor=next((a for k, a in ACTORS.items() if k in e.name), None)) for e in analysis.entities
        )
        analysis = analysis.add(entities=entities)
    return analysis


def with_time(analysis: Analysis, surface: str, value: str) -> Analysis:
    start = analysis.text.index(surface)
    span = Span.of(analysis.text, start, start + len(surface))
    time = TimeRef(id="t1", span=span, type="DATE", value=value)
    return analysis.add(times=(*analysis.times, time))


def code(analysis: Analysis) -> tuple[Event, ...]:
    return code_events(analysis, config.load({"event_floor": 0.0})).events


def keys(event: Event) -> tuple[str, str | None, str | None]:
    def side(s: object) -> str | None:
        return None if s is None else (getattr(s, "org", None) or getattr(s, "country", None))

    return event.root, side(event.source), side(event.target)


def test_verb_event_with_sides_date_and_codebook_values() -> None:
    analysis = with_time(analyse("Serbia attacked Kosovo on Monday."), "Monday", "2023-11-20")
    (event,) = code(analysis)
    assert keys(event) == ("19", "SRB", "XKX")
    assert (event.cameo, event.quad_class, event.goldstein, event.plover) == ("190", 4, -10.0, "ASSAULT")
    assert event.date == "2023-11-20"
    assert event.modality == "asserted"
    assert event.trigger.text == "attacked"
    assert event.sentence.text == "Serbia attacked Kosovo on Monday."
    assert event.rule.startswith("verb:attack")
    assert 0 < event.confidence <= 1


def test_passive_puts_the_agent_first() -> None:
    (event,) = code(analyse("Kosovo was attacked by Serbia."))
    assert keys(event) == ("19", "SRB", "XKX")


def test_negated_and_planned_events() -> None:
    (negated,) = code(analyse("Serbia did not attack Kosovo."))
    assert negated.modality == "negated"
    (planned,) = code(analyse("NATO will meet Serbia."))
    assert planned.modality == "planned"
    assert keys(planned) == ("04", "NATO", "SRB")


def test_considered_event_is_not_a_fact() -> None:
    events = code(analyse("NATO is considering a permanent increase in its military presence in Kosovo."))
    assert [(keys(e), e.modality) for e in events] == [(("15", "NATO", "XKX"), "considered")]


def test_compound_target_gives_one_event_per_actor() -> None:
    events = code(analyse("Stoltenberg will meet the leaders of Albania, Croatia and Slovenia."))
    assert sorted(keys(e)[2] or "" for e in events) == ["ALB", "HRV", "SVN"]
    assert len({e.id for e in events}) == 3


def test_planned_meeting_takes_its_place_country_as_target() -> None:
    text = "Stoltenberg said he would convey the message at the planned meetings in Belgrade."
    analysis = analyse(text, actors=False)
    analysis = analysis.add(
        entities=tuple(replace(e, actor=ACTORS["Stoltenberg"]) for e in analysis.entities if "Stolten" in e.name)
    )
    start = text.index("Belgrade")
    place = Place(id="p1", span=Span.of(text, start, start + 8), geonameid=792680, country="RS")
    events = code(analysis.add(places=(place,)))
    assert [(keys(e), e.modality, e.place) for e in events] == [(("04", "NATO", "SRB"), "planned", "p1")]


def test_same_event_twice_is_one_event_with_two_mentions() -> None:
    events = code(analyse("Serbia attacked Kosovo. Officials said Serbia attacked Kosovo."))
    assert len(events) == 1
    assert len(events[0].mentions) == 2


def test_unrelated_noun_is_never_a_side() -> None:
    # "intervention" cannot act; Moscow is only its possessor
    assert code(analyse("Moscow's intervention threatens to undermine stability.")) == ()


def test_non_english_article_is_not_coded() -> None:
    analysis = analyse("Serbia attacked Kosovo.")
    flagged = analysis.add(problems=[Problem(code="clean.language", stage="clean", message="not English")])
    out = code_events(flagged, config.load({"event_floor": 0.0}))
    assert out.events == ()
    assert "coding.skipped" in [p.code for p in out.problems]


def test_without_actor_codes_events_keep_entity_names() -> None:
    (event,) = code(analyse("Serbia attacked Kosovo.", actors=False))
    assert event.source is not None and event.source.name == "Serbia"
    assert event.source.country is None


def test_year_less_past_date_is_not_after_the_report() -> None:
    analysis = with_time(analyse("Serbia attacked Kosovo on September 24."), "September 24", "2024-09-24")
    (event,) = code(analysis)
    assert event.date == "2023-09-24"


def test_ids_are_stable() -> None:
    analysis = analyse("Serbia attacked Kosovo.")
    assert [e.id for e in code(analysis)] == [e.id for e in code(analysis)]


USER_VERBS = """--- RESTORE  [064]  ---
RESTORE
- NOT * RELATIONS  [112]

--- MEET  [031:031]  ---
MEET
- % HAVE *  [191]

--- SAID  [023]  ---
SAID
"""


def code_with_verbs(analysis: Analysis, tmp_path: Path) -> tuple[Event, ...]:
    path = tmp_path / "user.verbs.txt"
    path.write_text(USER_VERBS, encoding="utf-8")
    return code_events(analysis, config.load({"dictionaries": (path,), "event_floor": 0.0})).events


def test_user_verbs_take_precedence_and_the_lexicon_fills_gaps(tmp_path: Path) -> None:
    events = code_with_verbs(analyse("Serbia restored ties with Kosovo and attacked Albania."), tmp_path)
    by_code = {e.cameo: keys(e) for e in events}
    assert by_code["064"] == ("06", "SRB", "XKX")  # the user's own numbering, target from "ties with X"
    assert by_code["064"] and any(e.root == "19" for e in events)  # "attack" is not in the user file
    assert all(e.rule.startswith("user:") for e in events if e.cameo == "064")


def test_user_paired_codes_and_compound_slots(tmp_path: Path) -> None:
    met = code_with_verbs(analyse("Serbia met Kosovo on Monday."), tmp_path)
    assert sorted(keys(e) for e in met) == [("03", "SRB", "XKX"), ("03", "XKX", "SRB")]
    both = code_with_verbs(analyse("Serbia and Kosovo have met in Brussels."), tmp_path)
    assert sorted(keys(e) for e in both) == [("19", "SRB", "XKX"), ("19", "XKX", "SRB")]


def test_user_reporting_verb_carries_the_reported_event(tmp_path: Path) -> None:
    events = code_with_verbs(analyse("Serbia will restore ties with Kosovo, an official said."), tmp_path)
    assert [e.cameo for e in events] == ["064"]  # no recoding of the user's code to an intent


def test_background_time_clause_is_left_out_when_the_main_clause_codes() -> None:
    events = code(analyse("Serbia condemned Kosovo after Albania attacked Croatia."))
    assert [e.root for e in events] == ["11"]
    alone = code(analyse("After Albania attacked Croatia, talks stalled."))
    assert [e.root for e in alone] == ["19"]


def test_a_statement_of_its_own_kind_is_kept_beside_other_events() -> None:
    # and a verb joined to another by "and" is an event of its own, not absorbed by the first
    events = code(analyse("NATO condemned the attack on Kosovo and expressed condolences to Kosovo."))
    assert {keys(e) for e in events} == {("11", "NATO", "XKX"), ("01", "NATO", "XKX")}
    assert "018" in {e.cameo for e in events}


def test_rejecting_accusations_is_a_denial() -> None:
    events = code(analyse("Serbia rejected accusations by Kosovo that it had planned the attack."))
    assert "016" in {e.cameo for e in events}
    assert not any(e.root == "12" for e in events)


def test_returning_something_to_someone_is_a_return() -> None:
    (event,) = code(analyse("Serbia returned two paintings to Croatia."))
    assert (keys(event), event.cameo) == (("08", "SRB", "HRV"), "084")


def test_the_doer_of_an_event_noun_is_the_target_not_its_place() -> None:
    events = code(analyse("NATO condemned an attack by Serbia in northern Kosovo."))
    assert [keys(e) for e in events] == [("11", "NATO", "SRB")]


def test_a_list_taken_as_one_name_gives_one_side_per_member() -> None:
    text = "Albania, Croatia and Slovenia condemned the attack on Kosovo."
    analysis = analyse(text)
    start, end = 0, text.index(" condemned")
    merged = Entity(
        id="e-list", name=text[start:end], type="GPE", actor=Actor(country="ALB"), mentions=(Span.of(text, start, end),)
    )
    others = tuple(e for e in analysis.entities if e.mentions[0].start >= end)
    listed = replace(analysis, entities=(merged, *others))
    # the members the actors stage records for such a list (Entity.members), which the coder reads
    events = code(replace(listed, entities=split_lists(listed, actor_for_span)))
    assert sorted(keys(e)[1] or "" for e in events) == ["ALB", "HRV", "SVN"]


def test_one_name_with_and_stays_one_side() -> None:
    text = "Bosnia and Herzegovina condemned the attack on Kosovo."
    analysis = analyse(text)
    end = text.index(" condemned")
    name = Entity(
        id="e-bih", name=text[:end], type="GPE", actor=Actor(country="BIH"), mentions=(Span.of(text, 0, end),)
    )
    others = tuple(e for e in analysis.entities if e.mentions[0].start >= end)
    events = code(replace(analysis, entities=(name, *others)))
    assert [keys(e)[1] for e in events] == ["BIH"]


def test_a_withdrawal_acts_on_the_place_left_and_takes_the_codebook_counterparts() -> None:
    # CAMEO 0874 "retreat or withdraw ... by pulling out armed forces"; the troops are what moves
    (done,) = code(analyse("Serbia withdrew its soldiers from Kosovo on Friday."))
    assert (done.cameo, *keys(done)[1:], done.modality) == ("0874", "SRB", "XKX", "asserted")
    (left,) = code(analyse("Serbia withdrew from Kosovo."))
    assert (left.cameo, *keys(left)[1:]) == ("0874", "SRB", "XKX")
    assert code(analyse("Stoltenberg withdrew from the race.")) == ()
    # announced, it is 0356 "express intent to de-escalate military engagement", and the expression happened
    (intent,) = code(analyse("Serbia will withdraw its forces from Kosovo."))
    assert (intent.cameo, *keys(intent)[1:], intent.modality) == ("0356", "SRB", "XKX", "asserted")
    assert intent.modality_cue is not None and intent.rule.endswith(">intent")
    # not done, 1246 "refuse to de-escalate military engagement"
    (refused,) = code(analyse("Serbia did not withdraw its troops from Kosovo."))
    assert (refused.cameo, *keys(refused)[1:]) == ("1246", "SRB", "XKX")


def test_a_participle_on_the_object_names_whom_the_act_aims_at() -> None:
    # "the sanctions imposed on Serbia": the participle restates the object's relation, its complement the party
    events = code(analyse("NATO eased the sanctions imposed on Serbia."))
    assert [keys(e) for e in events] == [("08", "NATO", "SRB")]
