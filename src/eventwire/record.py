"""The public record: one JSON object per article, as ``../CONTRACT.md`` of the project defines it.

This is the one place records are turned into plain data; the store, exports, the
CLI and the API all use ``to_record``. ``from_record`` reads one back: ``to_record(from_record(r)) == r``
(the parse itself is not part of the record; only the model's name comes back).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.model import (
    RECORD_SCHEMA_VERSION,
    Actor,
    Analysis,
    Article,
    Claim,
    Duplicate,
    Entity,
    Event,
    EventActor,
    Magnitude,
    Member,
    Parse,
    Place,
    Problem,
    Quote,
    Span,
    TimeRef,
)

Record = dict[str, Any]


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def actor_dict(actor: Actor | None) -> Record | None:
    """An actor as the record shows it."""
    if actor is None:
        return None
    out: Record = {"country": actor.country, "org": actor.org, "role": actor.role, "cameo": actor.cameo}
    if actor.evidence is not None:
        out["evidence"] = actor.evidence
    return out


def event_actor_dict(side: EventActor | None) -> Record | None:
    """An event side: the actor fields plus the entity id and name."""
    if side is None:
        return None
    return {
        "entity": side.entity,
        "name": side.name,
        "country": side.country,
        "org": side.org,
        "role": side.role,
        "cameo": side.cameo,
        "evidence": side.evidence,
    }


def claim_dict(claim: Claim | None) -> Record | None:
    """Who claims or disputes an event."""
    if claim is None:
        return None
    return {"quote": claim.quote, "speaker": claim.speaker, "name": claim.name}


def duplicate_dict(dup: Duplicate) -> Record:
    """A duplicate passage or article."""
    out: Record = {"span": _span(dup.span), "of": _span(dup.of), "kind": dup.kind, "similarity": dup.similarity}
    out["scope"] = dup.scope
    if dup.of_article is not None:
        out["of_article"] = dup.of_article
    return out


def entity_dict(entity: Entity) -> Record:
    """An entity with all its mentions (and the members of a list it names, when it names one)."""
    out: Record = {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "actor": actor_dict(entity.actor) or {"country": None, "org": None, "role": None, "cameo": None},
        "mentions": [_span(m) for m in entity.mentions],
        "kb_id": entity.kb_id,
    }
    if entity.members:
        out["members"] = [{"span": _span(m.span), "entity": entity_dict(m.entity)} for m in entity.members]
    return out


def quote_events(analysis: Analysis) -> dict[str, tuple[str, ...]]:
    """The ids of the events coded from each quote (the events whose ``quote`` it is), by quote id, sorted."""
    found: dict[str, list[str]] = {}
    for event in analysis.events:
        if event.quote is not None:
            found.setdefault(event.quote, []).append(event.id)
    return {quote: tuple(sorted(set(ids))) for quote, ids in found.items()}


def quote_dict(quote: Quote, events: tuple[str, ...] = ()) -> Record:
    """A quotation or reported statement, with the ids of the events coded from it."""
    return {
        "id": quote.id,
        "text": quote.span.text,
        "span": _span(quote.span),
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_name": quote.speaker_name,
        "speaker_span": _span(quote.speaker_span),
        "cue": quote.cue,
        "cue_span": _span(quote.cue_span),
        "repeat_of": quote.repeat_of,
        "events": list(events),
    }


def time_dict(time: TimeRef) -> Record:
    """A normalised time expression."""
    return {
        "id": time.id,
        "text": time.span.text,
        "span": _span(time.span),
        "type": time.type,
        "value": time.value,
        "anchor": time.anchor,
        "mod": time.mod,
    }


def place_dict(place: Place) -> Record:
    """A resolved (or unresolved) place name."""
    return {
        "id": place.id,
        "text": place.span.text,
        "span": _span(place.span),
        "geonameid": place.geonameid,
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "reason": place.reason,
        "is_metonym": place.is_metonym,
    }


def event_dict(event: Event) -> Record:
    """A coded event with its evidence spans."""
    return {
        "id": event.id,
        "source": event_actor_dict(event.source),
        "target": event_actor_dict(event.target),
        "cameo": event.cameo,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "date": event.date,
        "place": event.place,
        "modality": event.modality,
        "quote": event.quote,
        "sentence": _span(event.sentence),
        "trigger": _span(event.trigger),
        "confidence": event.confidence,
        "rule": event.rule,
        "mentions": [_span(m) for m in event.mentions],
        "claimed_by": claim_dict(event.claimed_by),
        "disputed": event.disputed,
        "disputed_by": claim_dict(event.disputed_by),
        "time_precision": event.time_precision,
        "date_source": event.date_source,
        "geo_precision": event.geo_precision,
        "place_source": event.place_source,
        "modality_cue": _span(event.modality_cue),
        "rule_confidence": event.rule_confidence,
        "model_probability": event.model_probability,
        "magnitudes": [
            {"kind": m.kind, "low": m.low, "high": m.high, "how": m.how, "span": _span(m.span)}
            for m in event.magnitudes
        ],
    }


def problem_dict(problem: Problem) -> Record:
    """A problem found with the input."""
    return {"code": problem.code, "stage": problem.stage, "message": problem.message, "span": _span(problem.span)}


def to_record(analysis: Analysis) -> Record:
    """The full public record of one analysed article."""
    article = analysis.article
    linked = quote_events(analysis)
    return {
        "schema_version": RECORD_SCHEMA_VERSION,
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_from": article.published_from,
        "origin": article.origin,
        "line": article.line,
        "text": article.text,
        "paragraphs": [_span(p) for p in analysis.paragraphs],
        "duplicates": [duplicate_dict(d) for d in analysis.duplicates],
        "entities": [entity_dict(e) for e in analysis.entities],
        "quotes": [quote_dict(q, linked.get(q.id, ())) for q in analysis.quotes],
        "times": [time_dict(t) for t in analysis.times],
        "places": [place_dict(p) for p in analysis.places],
        "events": [event_dict(e) for e in analysis.events],
        "problems": [problem_dict(p) for p in analysis.problems],
        "provenance": {name: version for name, version in analysis.provenance},
        "model": analysis.parse.model if analysis.parse else None,
        "language": article.language,
        "format": article.format,
        "dateline": article.dateline.text if article.dateline else None,
        "byline": article.byline.text if article.byline else None,
        "heading": {
            "title": _span(article.title_span),
            "dateline": _span(article.dateline),
            "byline": _span(article.byline),
        },
    }


def from_record(record: Record) -> Analysis:
    """The Analysis a public record was made from (without tokens), so that ``to_record(from_record(r)) == r``.

    Raises ValueError on a record of another schema version or with a span outside the text.
    """
    if record.get("schema_version") != RECORD_SCHEMA_VERSION:
        raise ValueError(
            f"schema_version {record.get('schema_version')!r}; this eventwire reads {RECORD_SCHEMA_VERSION}"
        )
    text: str = record["text"]

    def span(pair: list[int] | None) -> Span | None:
        return None if pair is None else Span.of(text, pair[0], pair[1])

    def need(pair: list[int]) -> Span:
        return Span.of(text, pair[0], pair[1])

    def entity(data: Record) -> Entity:
        return Entity(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            actor=Actor(**data["actor"]),
            mentions=tuple(need(m) for m in data["mentions"]),
            kb_id=data["kb_id"],
            members=tuple(Member(span=need(m["span"]), entity=entity(m["entity"])) for m in data.get("members", ())),
        )

    def side(data: Record | None) -> EventActor | None:
        if data is None:
            return None
        return EventActor(
            entity=data["entity"],
            name=data["name"],
            country=data["country"],
            org=data["org"],
            role=data["role"],
            cameo=data["cameo"],
            evidence=data["evidence"],
        )

    published = record["published"]
    heading: Record = record.get("heading") or {}
    article = Article(
        id=record["id"],
        text=text,
        published=dt.date.fromisoformat(published) if published else None,
        source=record["source"],
        title=record["title"],
        url=record["url"],
        origin=record["origin"],
        line=record["line"],
        published_from=record["published_from"],
        language=record.get("language"),
        format=record.get("format"),
        title_span=span(heading.get("title")),
        dateline=span(heading.get("dateline")),
        byline=span(heading.get("byline")),
    )
    return Analysis(
        article=article,
        paragraphs=tuple(need(p) for p in record["paragraphs"]),
        duplicates=tuple(
            Duplicate(
                span=need(d["span"]),
                of=span(d["of"]),
                kind=d["kind"],
                similarity=d["similarity"],
                scope=d["scope"],
                of_article=d.get("of_article"),
            )
            for d in record["duplicates"]
        ),
        parse=Parse(model=record["model"]) if record["model"] is not None else None,
        entities=tuple(entity(e) for e in record["entities"]),
        quotes=tuple(
            Quote(
                id=q["id"],
                span=need(q["span"]),
                kind=q["kind"],
                speaker=q["speaker"],
                speaker_name=q["speaker_name"],
                speaker_span=span(q["speaker_span"]),
                cue=q["cue"],
                cue_span=span(q["cue_span"]),
                repeat_of=q["repeat_of"],
            )
            for q in record["quotes"]
        ),
        times=tuple(
            TimeRef(
                id=t["id"], span=need(t["span"]), type=t["type"], value=t["value"], anchor=t["anchor"], mod=t["mod"]
            )
            for t in record["times"]
        ),
        places=tuple(
            Place(
                id=p["id"],
                span=need(p["span"]),
                geonameid=p["geonameid"],
                name=p["name"],
                country=p["country"],
                lat=p["lat"],
                lon=p["lon"],
                feature=p["feature"],
                reason=p["reason"],
                is_metonym=p["is_metonym"],
            )
            for p in record["places"]
        ),
        events=tuple(
            Event(
                id=e["id"],
                source=side(e["source"]),
                target=side(e["target"]),
                cameo=e["cameo"],
                root=e["root"],
                quad_class=e["quad_class"],
                goldstein=e["goldstein"],
                plover=e["plover"],
                date=e["date"],
                place=e["place"],
                modality=e["modality"],
                quote=e["quote"],
                sentence=need(e["sentence"]),
                trigger=need(e["trigger"]),
                confidence=e["confidence"],
                rule=e["rule"],
                mentions=tuple(need(m) for m in e["mentions"]),
                claimed_by=Claim(**e["claimed_by"]) if e["claimed_by"] else None,
                disputed=e["disputed"],
                disputed_by=Claim(**e["disputed_by"]) if e["disputed_by"] else None,
                time_precision=e["time_precision"],
                date_source=e["date_source"],
                geo_precision=e["geo_precision"],
                place_source=e["place_source"],
                modality_cue=span(e["modality_cue"]),
                rule_confidence=e["rule_confidence"],
                model_probability=e["model_probability"],
                magnitudes=tuple(
                    Magnitude(kind=m["kind"], low=m["low"], high=m["high"], how=m["how"], span=need(m["span"]))
                    for m in e["magnitudes"]
                ),
            )
            for e in record["events"]
        ),
        problems=tuple(
            Problem(code=p["code"], stage=p["stage"], message=p["message"], span=span(p["span"]))
            for p in record["problems"]
        ),
        provenance=tuple((name, version) for name, version in record["provenance"].items()),
    )
