"""Personal pronouns: he/she to persons, they/them/their to organisations and groups.

A person's gender is read from the article itself, strongest evidence first:

1. an honorific or gendered title next to a name ("Mrs. Clinton", "spokeswoman Jen Psaki",
   "Clinton's husband" is not evidence: only words standing right before the name or in an
   apposition after it count);
2. a short list of very common first names (a hint only, for names the text does not settle);
3. the pronouns the article uses in sentences where that person is the only one named
   before the pronoun ("Stein said she would ...").

A pronoun goes to a person mentioned before it (within three sentences) whose gender does not
contradict it: in the nearest sentence naming such a person, the one who is a clause's subject there,
else the nearest mention (a subject pronoun continues the last subject: "Obama said history would judge
Castro. ..., he added" is Obama). "She" prefers a person known to be a woman over a nearer one whose
gender is unknown; "he" does not, since most persons named in political news are men.

"They", "them" and "their" go to an organisation or group entity named in the plural or an armed group
(ORG, NORP), named in the same or the previous sentence, when no plural noun or person's name stands
between.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from eventwire.model import Analysis, Entity, Span, Token, tokens_within
from eventwire.resources.kb import load_kb
from eventwire.syntax import FEMALE_PRONOUNS, MALE_PRONOUNS, THEY_PRONOUNS

_PLURAL = THEY_PRONOUNS | {"themselves"}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Dame|Madam|Mme|Mister)\.?\s+$")
_FEMALE_HONORIFICS = frozenset({"Mrs", "Ms", "Miss", "Lady", "Dame", "Madam", "Mme"})
_FEMALE_WORDS = (
    "spokeswoman|chairwoman|congresswoman|businesswoman|councilwoman|stateswoman|policewoman|"
    "first lady|queen|princess|actress|mother|wife|widow|daughter|sister|grandmother|woman|girl|duchess"
)
_MALE_WORDS = (
    "spokesman|chairman|congressman|businessman|councilman|statesman|policeman|"
    "king|prince|actor|father|husband|widower|son|brother|grandfather|man|boy|duke"
)
_TITLE_BEFORE = re.compile(rf"\b(?:({_FEMALE_WORDS})|({_MALE_WORDS}))\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}$", re.I)
_APPOSED_AFTER = re.compile(
    rf"^\s*,\s*(?:a|an|the|his|her)?\s*(?:[\w-]+\s+){{0,3}}?(?:({_FEMALE_WORDS})|({_MALE_WORDS}))\b", re.I
)
#: Common given names, a weak hint used only when the article gives no better evidence.
_FEMALE_NAMES = frozenset(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra "
    "ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia "
    "kathleen amy angela anna helen hillary nicola theresa angela ursula christine kamala nancy elizabeth jill "
    "melania ivanka chelsea michelle condoleezza madeleine marine giorgia jacinda julia indira "
    "yulia vjosa maria ana sophie claire anne marie catherine alice emma olivia irene loretta huma kellyanne".split()
)
_MALE_NAMES = frozenset(
    "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony "
    "mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan "
    "jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory raymond "
    "alexander patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter "
    "barack bill mike mitch ted jeb bernie tim joe vladimir xi emmanuel boris recep benjamin olaf sergei "
    "aleksandar albin milorad ivica viktor volodymyr narendra shinzo justin rex chris rudy reince newt "
    "osama muammar saddam bashar mohammed muhammad ahmed hassan".split()
)
_SENTENCE_WINDOW = 3
#: Common nouns for people: a subject of this kind between a name and a pronoun takes the pronoun.
_PERSON_NOUNS = frozenset(
    "son daughter mother father man woman boy girl child kid husband wife brother sister friend officer "
    "soldier victim mom dad parent grandmother grandfather uncle aunt".split()
)


def gender_of(persons: list[Entity], text: str, tokens: tuple[Token, ...]) -> dict[str, str]:
    """Entity id -> "m" or "f" for the persons whose gender the article shows (see the module docstring)."""
    strong: dict[str, str] = {}
    hints: dict[str, str] = {}
    for person in persons:
        votes: Counter[str] = Counter()
        for mention in person.mentions:
            if text[mention.start : mention.end].casefold() in MALE_PRONOUNS | FEMALE_PRONOUNS:
                continue
            honorific = _HONORIFIC.search(text[max(0, mention.start - 10) : mention.start])
            if honorific:
                votes["f" if honorific.group(1) in _FEMALE_HONORIFICS else "m"] += 2
            before = _TITLE_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
            after = _APPOSED_AFTER.match(text[mention.end : mention.end + 50])
            for found in (before, after):
                if found:
                    votes["f" if found.group(1) else "m"] += 1
        if votes and votes["f"] != votes["m"]:
            strong[person.id] = "f" if votes["f"] > votes["m"] else "m"
        first = person.name.split()[0].casefold().strip(".") if len(person.name.split()) > 1 else ""
        if first in _FEMALE_NAMES and first not in _MALE_NAMES:
            hints[person.id] = "f"
        elif first in _MALE_NAMES and first not in _FEMALE_NAMES:
            hints[person.id] = "m"
    read = _pronoun_votes(persons, tokens)
    return {**read, **hints, **strong}


def _pronoun_votes(persons: list[Entity], tokens: tuple[Token, ...]) -> dict[str, str]:
    """Genders from sentences naming one person only, followed by pronouns of one gender only."""
    named: dict[int, set[str]] = {}
    first_at: dict[tuple[int, str], int] = {}
    sentence_at = {t.start: t.sent for t in tokens}
    for person in persons:
        for mention in person.mentions:
            sent = sentence_at.get(mention.start)
            if sent is None:
                continue
            named.setdefault(sent, set()).add(person.id)
            first_at[(sent, person.id)] = min(first_at.get((sent, person.id), mention.start), mention.start)
    votes: dict[str, Counter[str]] = {}
    for token in tokens:
        low = token.text.casefold()
        if token.tag not in ("PRP", "PRP$") or (low not in MALE_PRONOUNS and low not in FEMALE_PRONOUNS):
            continue
        ids = named.get(token.sent, set())
        if len(ids) != 1:
            continue
        (only,) = ids
        if first_at[(token.sent, only)] < token.start:
            votes.setdefault(only, Counter())["m" if low in MALE_PRONOUNS else "f"] += 1
    result: dict[str, str] = {}
    for pid, counter in votes.items():
        m, f = counter["m"], counter["f"]
        if m >= 2 * f + 1:
            result[pid] = "m"
        elif f >= 2 * m + 1:
            result[pid] = "f"
    return result


def resolve_pronouns(analysis: Analysis, entities: list[Entity]) -> list[Entity]:
    """Entities with the personal pronouns that refer to them added as mentions."""
    parse = analysis.parse
    if parse is None:
        return entities
    text = analysis.article.text
    tokens = parse.tokens
    added: dict[str, list[Span]] = {e.id: [] for e in entities}
    persons = [e for e in entities if e.type == "PERSON"]
    taken = {(m.start, m.end) for e in entities for m in e.mentions}
    sentence_of = {t.start: t.sent for t in tokens}
    if persons:
        gender = gender_of(persons, text, tokens)
        mentions = sorted(((m, p) for p in persons for m in p.mentions), key=lambda item: item[0].start)
        subjects = _subject_mentions(tokens, [m for m, _ in mentions])
        for token in tokens:
            low = token.text.casefold()
            if (low not in MALE_PRONOUNS and low not in FEMALE_PRONOUNS) or token.tag not in ("PRP", "PRP$"):
                continue
            if (token.start, token.end) in taken:
                continue
            want = "m" if low in MALE_PRONOUNS else "f"
            chosen = _choose_person(mentions, added, persons, sentence_of, token, gender, want, subjects)
            if chosen is None or _nearer_person_noun(tokens, chosen, token, added[chosen.id]):
                continue
            gender.setdefault(chosen.id, want)
            added[chosen.id].append(Span.of(text, token.start, token.end))
            if token.dep in ("nsubj", "nsubjpass"):
                subjects = subjects | {token.start}
    _plural_pronouns(entities, tokens, text, sentence_of, added, taken)
    out = []
    for entity in entities:
        spans = added.get(entity.id)
        if spans:
            merged = {(m.start, m.end): m for m in (*entity.mentions, *spans)}
            entity = replace(entity, mentions=tuple(sorted(merged.values(), key=lambda m: (m.start, m.end))))
        out.append(entity)
    return out


def _subject_mentions(tokens: tuple[Token, ...], mentions: list[Span]) -> frozenset[int]:
    """Starts of the mentions that are (or hold) the subject of a clause."""
    out = set()
    for mention in mentions:
        if any(t.dep in ("nsubj", "nsubjpass") for t in tokens_within(tokens, mention.start, mention.end)):
            out.add(mention.start)
    return frozenset(out)


def _nearer_person_noun(tokens: tuple[Token, ...], person: Entity, pronoun: Token, extra: list[Span]) -> bool:
    """True when a person noun ("my son", "the woman") is a subject between the person and the pronoun.

    "As a Gold Star mother, my son gave his life": "his" is the son's, not the president's.
    """
    last = max((m.end for m in (*person.mentions, *extra) if m.end <= pronoun.start), default=-1)
    for token in tokens[max(0, pronoun.i - 40) : pronoun.i]:
        if (
            token.start >= last
            and token.sent == pronoun.sent
            and token.lemma.casefold() in _PERSON_NOUNS
            and token.dep in ("nsubj", "nsubjpass")
        ):
            return True
    return False


def _choose_person(
    mentions: list[tuple[Span, Entity]],
    added: dict[str, list[Span]],
    persons: list[Entity],
    sentence_of: dict[int, int],
    token: Token,
    gender: dict[str, str],
    want: str,
    subjects: frozenset[int],
) -> Entity | None:
    pool = mentions + [(s, p) for p in persons for s in added[p.id]]
    fitting = [
        (mention, person)
        for mention, person in pool
        if mention.end <= token.start
        and not _too_far(sentence_of.get(mention.start), token.sent)
        and gender.get(person.id, want) == want
    ]
    if not fitting:
        return None

    def latest(items: list[tuple[Span, Entity]]) -> Entity:
        return max(items, key=lambda item: item[0].start)[1]

    nearest = max(fitting, key=lambda item: item[0].start)
    known = [item for item in fitting if gender.get(item[1].id) == want]
    if want == "f" and known and gender.get(nearest[1].id) is None:
        return latest(known)
    # the subject of the nearest sentence naming a fitting person outranks a name in an object or a phrase
    # ("Obama said history would judge Castro. ..., he added": he is Obama)
    last = sentence_of.get(nearest[0].start)
    subject = [item for item in fitting if sentence_of.get(item[0].start) == last and item[0].start in subjects]
    return latest(subject) if subject else nearest[1]


def _too_far(sent: int | None, pronoun_sent: int) -> bool:
    return sent is not None and pronoun_sent - sent > _SENTENCE_WINDOW


def _plural_pronouns(
    entities: list[Entity],
    tokens: tuple[Token, ...],
    text: str,
    sentence_of: dict[int, int],
    added: dict[str, list[Span]],
    taken: set[tuple[int, int]],
) -> None:
    groups = [e for e in entities if e.type in ("ORG", "NORP") and _plural_group(e, tokens)]
    if not groups:
        return
    group_mentions = sorted(((m, g) for g in groups for m in g.mentions), key=lambda item: item[0].start)
    entity_spans = [m for e in entities for m in e.mentions]
    starts = [t.start for t in tokens]
    inside = {starts[i] for s in entity_spans for i in range(bisect_left(starts, s.start), bisect_left(starts, s.end))}
    plural_nouns = [t for t in tokens if t.tag in ("NNS", "NNPS") and t.start not in inside]
    person_spans = [m for e in entities if e.type == "PERSON" for m in e.mentions]
    for token in tokens:
        if token.text.casefold() not in _PLURAL or token.tag not in ("PRP", "PRP$"):
            continue
        if (token.start, token.end) in taken:
            continue
        before = [(m, g) for m, g in group_mentions if m.end <= token.start]
        if not before:
            continue
        mention, group = before[-1]
        sent = sentence_of.get(mention.start)
        if sent is None or token.sent - sent > 1:
            continue
        if any(mention.end <= t.start < token.start for t in plural_nouns):
            continue
        if any(mention.end <= p.start and p.end <= token.start for p in person_spans):
            continue
        added[group.id].append(Span.of(text, token.start, token.end))


def _plural_group(entity: Entity, tokens: tuple[Token, ...]) -> bool:
    """A group named in the plural ("Republicans", "African-Americans") or an armed group: "they" can be it.

    Plural means the head word of the name's first mention is tagged as a plural noun; country names
    ("the United States") are not groups.
    """
    actor = entity.actor
    if actor is None or not actor.cameo or not entity.mentions:
        return False
    if any(s in actor.cameo for s in ("REB", "UAF")):
        return True
    entry = load_kb().actor(entity.name)
    if entry is not None and entry.kind == "country":
        return False
    first = entity.mentions[0]
    inside = tokens_within(tokens, first.start, first.end)
    heads = [t for t in inside if not (first.start <= tokens[t.head].start < first.end) or t.head == t.i]
    return bool(heads) and heads[-1].tag in ("NNS", "NNPS")
