"""List members: a mention "A, B and C" the recogniser took as one name gets one actor per member."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from eventwire.model import Actor, Analysis, Entity, Member
from eventwire.record import from_record, to_record
from eventwire.stages.actors.members import split_lists

ActorOf = Callable[[Analysis, int, int], Entity | None]


def test_a_list_of_actors_gets_one_member_each(list_analysis: Analysis, actor_of: ActorOf) -> None:
    (entity,) = split_lists(list_analysis, actor_of)
    assert [(m.span.text, m.entity.actor.cameo if m.entity.actor else None) for m in entity.members] == [
        ("Arnor", "ARN"),
        ("Rhun", "RHU"),
        ("Gondor", "GON"),
    ]
    assert entity.mentions == list_analysis.entities[0].mentions  # the entity keeps its mention


def test_one_name_and_lists_of_the_same_actor_get_no_members(list_analysis: Analysis, actor_of: ActorOf) -> None:
    linked = list_analysis.add(entities=(replace(list_analysis.entities[0], kb_id="country:ARN"),))
    assert split_lists(linked, actor_of)[0].members == ()  # linked as a whole: one name

    def same_country(analysis: Analysis, start: int, end: int) -> Entity | None:
        found = actor_of(analysis, start, end)
        return found and replace(found, actor=Actor(country="GON" if found.name == "Gondor" else "ARN"))

    assert split_lists(list_analysis, same_country)[0].members == ()  # "Trinidad and Tobago"
    assert split_lists(list_analysis, lambda a, s, e: None)[0].members == ()  # a member names no actor


def test_members_are_in_the_record_only_when_there_are_some(list_analysis: Analysis, actor_of: ActorOf) -> None:
    assert "members" not in to_record(list_analysis)["entities"][0]
    record = to_record(list_analysis.add(entities=split_lists(list_analysis, actor_of)))
    assert [m["span"] for m in record["entities"][0]["members"]] == [[10, 15], [17, 21], [26, 32]]
    back = from_record(record)
    assert all(isinstance(m, Member) for m in back.entities[0].members)
    assert [m.entity.name for m in back.entities[0].members] == ["Arnor", "Rhun", "Gondor"]
    assert to_record(back) == record
