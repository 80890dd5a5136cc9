"""Group named-entity mentions into one entity per real-world actor of the article.

The parser labels each mention on its own, so a lone surname may come out as ORG or GPE
even after the full name was tagged PERSON, and "Ukrainian Americans" may come as two
peoples. Here adjacent peoples are joined, mentions are trimmed ("the", "'s"),
surnames are joined to the full name they belong to, the type is decided for the whole
entity, and untagged repeats of a known name are added as mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from eventwire.config import Settings
from eventwire.ids import record_id
from eventwire.model import Analysis, Entity, EntityMention, Parse, Span
from eventwire.pipeline import stage
from eventwire.syntax import name_key

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’]|[\s.,;:!?\"“”/]+)$")
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*")


def trim(text: str, span: Span) -> Span | None:
    """Drop a leading article and trailing possessive or punctuation from a mention span."""
    start, end = span.start, span.end
    surface = text[start:end]
    lead = _LEADING.match(surface)
    if lead:
        start += lead.end()
    while True:
        tail = _TRAILING.search(text[start:end])
        if not tail or tail.start() == 0:
            break
        end = start + tail.start()
    if end <= start:
        return None
    return Span.of(text, start, end)


@dataclass(slots=True)
class _Group:
    mentions: list[Span] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)


def group_mentions(text: str, mentions: tuple[EntityMention, ...]) -> list[tuple[str, str, list[Span]]]:
    """(name, type, mentions) for each entity, in order of first mention."""
    groups: dict[str, _Group] = defaultdict(_Group)
    for mention in join_peoples(text, mentions):
        if mention.label not in ACTOR_LABELS:
            continue
        span = trim(text, mention.span)
        if span is None or not any(c.isalpha() for c in span.text):
            continue
        group = groups[name_key(span.text)]
        group.mentions.append(span)
        group.labels[mention.label] += 1
        group.names[span.text] += 1
    # a single-word name that is the last word of a full PERSON name is that person
    full_persons = {
        k: g
        for k, g in groups.items()
        if g.labels["PERSON"] and len(k.split()) >= 2 and g.labels.most_common(1)[0][0] == "PERSON"
    }
    surname_of: dict[str, str] = {}
    for full in full_persons:
        surname = full.split()[-1]
        surname_of.setdefault(surname, full)
    for k in list(groups):
        if k in surname_of and k not in full_persons:
            target = groups[surname_of[k]]
            moved = groups.pop(k)
            target.mentions.extend(moved.mentions)
            target.names.update(moved.names)
    _add_untagged_repeats(text, groups, surname_of)
    result: list[tuple[str, str, list[Span]]] = []
    for k, group in groups.items():
        label = "PERSON" if k in full_persons else group.labels.most_common(1)[0][0]
        name = max(group.names, key=lambda n: (len(n.split()), group.names[n], n))
        unique = sorted({(m.start, m.end): m for m in group.mentions}.values(), key=lambda m: m.start)
        result.append((name, label, unique))
    result.sort(key=lambda r: r[2][0].start)
    return result


def join_peoples(text: str, mentions: tuple[EntityMention, ...]) -> list[EntityMention]:
    """Adjacent NORP mentions make one people: "Ukrainian" + "Americans" -> "Ukrainian Americans"."""
    result: list[EntityMention] = []
    for mention in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
        last = result[-1] if result else None
        if (
            last is not None
            and last.label == mention.label == "NORP"
            and text[last.span.end : mention.span.start] == " "
            and mention.span.text[:1].isupper()
        ):
            result[-1] = EntityMention(span=Span.of(text, last.span.start, mention.span.end), label="NORP")
            continue
        result.append(mention)
    return result


def _add_untagged_repeats(text: str, groups: dict[str, _Group], surname_of: dict[str, str]) -> None:
    """Find further occurrences of known names that the parser did not tag."""
    taken = [(m.start, m.end) for g in groups.values() for m in g.mentions]
    wanted: dict[str, str] = {}
    for k, group in groups.items():
        for name in group.names:
            if _NAME_TOKEN.match(name) and len(name) >= 3:
                wanted[name] = k
    for surname, full in surname_of.items():
        for name in groups[full].names:
            last = name.split()[-1]
            if last.casefold() == surname and len(last) >= 3:
                wanted[last] = full
    if not wanted:
        return
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(wanted, key=len, reverse=True)) + r")(?!\w)"
    )
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        groups[wanted[match.group(1)]].mentions.append(Span.of(text, start, end))
        taken.append((start, end))


def named(parse: Parse) -> tuple[EntityMention, ...]:
    """The parser's mentions without the one-word ones its own tagger reads as a verb ("Conceding that ...,
    he warned") or, opening a sentence, as a common noun ("Supporters gathered"): a capital there is the
    sentence's, not a name's."""
    by_start = {t.start: t for t in parse.tokens}
    first = {t.start for i, t in enumerate(parse.tokens) if i == 0 or parse.tokens[i - 1].sent != t.sent}
    kept = []
    for mention in parse.mentions:
        tok = by_start.get(mention.span.start)
        alone = tok is not None and tok.end >= mention.span.end and mention.label in ("PERSON", "ORG")
        if (
            alone
            and tok is not None
            and (tok.tag.startswith("VB") or (tok.start in first and tok.tag in ("NN", "NNS")))
        ):
            continue
        kept.append(mention)
    return tuple(kept)


@stage("entities", version=2, requires=("parse",), provides=("entities",))
def group_entities(analysis: Analysis, settings: Settings) -> Analysis:
    """One Entity per real-world actor, holding all its mentions (no actor codes yet)."""
    parse = analysis.parse
    if parse is None:
        return analysis
    text = analysis.article.text
    entities = []
    for name, label, mentions in group_mentions(text, named(parse)):
        first = mentions[0]
        entities.append(
            Entity(
                id=record_id("entity", analysis.article.id, first.start, first.end, name_key(name)),
                name=name,
                type=label,
                mentions=tuple(mentions),
            )
        )
    return analysis.add(entities=tuple(entities))
