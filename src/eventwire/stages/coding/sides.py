"""Source and target selection: from a noun phrase of the parse to the actors of the article.

An event side is always an actor the actors stage knows (an Entity, possibly reached through a
pronoun, a relative pronoun, a quote's speaker or an "of"/"from" complement), or a generic agent
noun ("police", "troops") kept by name. Nothing is taken from unrelated parts of the article.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from eventwire.config import Settings
from eventwire.model import Actor, Analysis, Entity, EventActor, Place, Quote, Token
from eventwire.stages.coding.agents import AgentCoder, alpha3
from eventwire.syntax import FIRST_PERSON_PRONOUNS, PERSON_PRONOUNS, RELATIVE_PRONOUNS, THEY_PRONOUNS, ParseTree

#: Definite descriptions that refer back to the last organisation named ("the alliance").
ORG_ANAPHORA = frozenset({"alliance", "allies", "organization", "organisation", "bloc", "union", "mission"})
#: Generic agent nouns that can be an event side even when no named actor is attached.
AGENT_NOUNS = frozenset(
    {
        "police",
        "policeman",
        "officer",
        "troop",
        "soldier",
        "army",
        "force",
        "military",
        "militant",
        "rebel",
        "insurgent",
        "gunman",
        "protester",
        "protestor",
        "demonstrator",
        "government",
        "authority",
        "official",
        "minister",
        "president",
        "leader",
        "court",
        "judge",
        "prosecutor",
        "parliament",
        "lawmaker",
        "legislator",
        "opposition",
        "party",
        "militia",
        "terrorist",
        "fighter",
        "jihadist",
        "activist",
        "student",
        "worker",
        "diplomat",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "regime",
        "administration",
        "cabinet",
        "ministry",
        "navy",
        "guard",
        "separatist",
        "attacker",
        "assailant",
        "mob",
        "crowd",
        "villager",
        "resident",
        "civilian",
        "people",
        "population",
        "journalist",
        "investigator",
        "chief",
        "commander",
        "premier",
        "chancellor",
        "king",
        "council",
        "committee",
        "agency",
        "coalition",
        "group",
        "delegation",
        "counterpart",
        "head",
        "member",
        "country",
        "state",
        "nation",
        "presidency",
        "bomber",
        "settler",
        "refugee",
        "prisoner",
        "hostage",
    }
)
#: People who work for a person and are other actors than he is ("his aides", "Trump's lawyers"); a spokesman
#: is not among them: he speaks for the one he names.
STAFF_NOUNS = frozenset(
    {"aide", "adviser", "advisor", "staff", "staffer", "lawyer", "attorney", "deputy", "assistant", "counsel"}
)
#: Dependents that belong to a noun phrase's own description (not to another participant).
_INNER = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj", "cc", "det", "nummod", "npadvmod", "pobj"})
_DEVERBAL = ("tion", "sion", "ment", "ence", "ance", "ism", "ity", "ing", "ure", "ack", "ogy")
_INNER_PREPS = frozenset({"of", "from", "in"})
_TARGET_PREPS = frozenset({"of", "from", "in", "by"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Side:
    """A resolved event side: the entity (if any), a display name and its actor codes."""

    entity: Entity | None
    name: str
    actor: Actor | None
    #: why this actor and these codes ("entity:knowledge-base", "agent:country.sentence+role:police", ...)
    rule: str = ""

    @property
    def key(self) -> str:
        """What makes two sides the same actor (entity id, else organisation/country, else name)."""
        if self.entity is not None:
            return self.entity.id
        if self.actor is not None and (self.actor.org or self.actor.country):
            return f"{self.actor.org}|{self.actor.country}|{_agent_code(self) or ''}"
        return self.name.lower()

    @property
    def codes(self) -> tuple[str | None, str | None]:
        """(org, country) of the actor; both None when unknown."""
        if self.actor is None:
            return None, None
        return self.actor.org, self.actor.country

    def record(self) -> EventActor:
        """The EventActor of the public record."""
        actor = self.actor or Actor()
        return EventActor(
            entity=self.entity.id if self.entity else None,
            name=self.name,
            country=actor.country,
            org=actor.org,
            role=actor.role,
            cameo=actor.cameo,
            evidence=self.rule or None,
        )


def same_actor(a: Side, b: Side, *, people_apart: bool = False) -> bool:
    """True when two sides are the same entity or carry the same organisation or country codes.

    With ``people_apart`` two different named entities of which one is a person and neither a place are never
    the same actor (the source and target of "Christie endorsed Trump"); without it they are when their codes
    agree (one event reported with a person and with his country is one event), and a person's own country
    named as a place ("a news conference in La Paz" by a Bolivian minister) is never his target.
    """
    if a.key == b.key:
        return True
    org_a, country_a = a.codes
    org_b, country_b = b.codes
    if org_a and org_a == org_b:
        return True
    if people_apart and a.entity is not None and b.entity is not None:
        types = {a.entity.type, b.entity.type}
        placed = "entity:place-country" in (a.rule, b.rule)  # a name the geo stage read as a place
        if "PERSON" in types and not types & _PLACE_TYPES and not placed:
            return False
    if _agent_code(a) != _agent_code(b):
        return False  # the police and the protesters of one country are two actors
    return bool(not org_a and not org_b and country_a and country_a == country_b)


def _agent_code(side: Side) -> str | None:
    """The composed code of a generic agent coded from its context ("GBRCOP"), else None."""
    if side.entity is not None or side.actor is None or not side.actor.cameo:
        return None
    return side.actor.cameo if len(side.actor.cameo) > 3 else None


class ActorIndex:
    """Entities by token, pronoun and relative-pronoun resolution, quote speakers, for one article."""

    def __init__(self, analysis: Analysis, tree: ParseTree, settings: Settings | None = None) -> None:
        # ``settings`` is not read: the members of list entities come with the entities (actors stage)
        self.tree = tree
        sentences: dict[int, tuple[int, int]] = {}
        for t in tree.tokens:
            first = sentences.get(t.sent)
            sentences[t.sent] = (first[0] if first else t.start, t.end)
        self.agents = AgentCoder(analysis, [sentences[k] for k in sorted(sentences)])
        self.by_token: dict[int, Entity] = {}
        self.by_id = {e.id: e for e in analysis.entities}
        starts = sorted((t.start, t.end, t.i) for t in tree.tokens)
        self.mention_starts: list[tuple[int, Entity]] = []
        for entity in analysis.entities:
            for mention in entity.mentions:
                self.mention_starts.append((mention.start, entity))
                for i in _token_ids(starts, mention.start, mention.end):
                    self.by_token.setdefault(i, entity)
        self.mention_starts.sort(key=lambda m: m[0])
        self._split_lists(analysis, starts)
        self.quotes = analysis.quotes
        self._quote_of: dict[int, Quote | None] = {}
        self.place_of: dict[str, Place] = {}
        for place in analysis.places:
            if place.country and not place.is_metonym:
                for i in _token_ids(starts, place.span.start, place.span.end):
                    holder = self.by_token.get(i)
                    if holder is not None and _named_by(holder, place):
                        self.place_of.setdefault(holder.id, place)
        token_starts = [t.start for t in tree.tokens]
        self.affiliation = {
            e.id: _affiliation(tree, token_starts, e, self.by_token) for e in analysis.entities if e.type == "PERSON"
        }

    def _split_lists(self, analysis: Analysis, starts: list[tuple[int, int, int]]) -> None:
        """One side per member of a list the entity recogniser took as one name ("Arnor, Osgiliath and
        Gondor"), as the actors stage recorded the members (``Entity.members``)."""
        named = {e.id: e for e in analysis.entities}
        made: dict[str, Entity] = {}  # one entity per member text, as the actors stage found them
        for entity in analysis.entities:
            done: set[tuple[int, int]] = set()
            for member in entity.members:
                mention = next((m for m in entity.mentions if m.contains(member.span)), member.span)
                if (mention.start, mention.end) not in done:
                    done.add((mention.start, mention.end))
                    for i in _token_ids(starts, mention.start, mention.end):
                        if self.by_token.get(i) is entity:
                            del self.by_token[i]  # the commas and "and" between the members
                found = made.setdefault(member.span.text, _current(member.entity, named))
                self.by_id[found.id] = found
                for i in _token_ids(starts, member.span.start, member.span.end):
                    self.by_token[i] = found

    def side(self, entity: Entity) -> Side:
        """The side for an entity, borrowing an appositive organisation when it has no actor codes."""
        actor = entity.actor
        rule = "entity:knowledge-base" if entity.kb_id else "entity:actors-stage"
        if actor is None or not (actor.country or actor.org):
            rule = "entity:uncoded"
        if (actor is None or not (actor.country or actor.org)) and entity.id in self.place_of:
            code = alpha3(self.place_of[entity.id].country)
            actor = Actor(country=code, cameo=code)
            rule = "entity:place-country"
        if (actor is None or not (actor.country or actor.org)) and entity.type == "NORP" and entity.mentions:
            found = self.agents.context.country_at(entity.mentions[0].start)
            if found is not None:
                actor = Actor(country=found[0], role=actor.role if actor else None, cameo=found[0])
                rule = f"group:{found[1]}"
        if actor is None or not (actor.country or actor.org):
            borrowed = self.affiliation.get(entity.id)
            if borrowed is not None:
                actor = Actor(
                    country=borrowed.country, org=borrowed.org, role=actor.role if actor else None, cameo=borrowed.cameo
                )
                rule = "person:apposition"
        if (actor is None or not (actor.country or actor.org)) and entity.type == "PERSON" and actor and actor.role:
            # a titled person the knowledge base does not know ("Defense Minister X"): the country of the
            # text around the first mention, by the same fallback as generic agents
            found = self.agents.context.country_at(entity.mentions[0].start) if entity.mentions else None
            if found is not None:
                actor = Actor(country=found[0], role=actor.role, cameo=f"{found[0]}{actor.cameo or ''}")
                rule = f"person:title+{found[1]}"
        return Side(entity=entity, name=entity.name, actor=actor, rule=rule)

    def quote_at(self, tok: Token) -> Quote | None:
        """The quote whose span holds the token, if any."""
        if tok.i in self._quote_of:
            return self._quote_of[tok.i]
        found = None
        for quote in self.quotes:
            if quote.span.start <= tok.start and tok.end <= quote.span.end:
                found = quote
                break
        self._quote_of[tok.i] = found
        return found

    def speaker(self, quote: Quote) -> Side | None:
        """The speaker of a quote as a side."""
        if quote.speaker and quote.speaker in self.by_id:
            return self.side(self.by_id[quote.speaker])
        return None

    def resolve(self, tok: Token, *, depth: int = 0, agent: bool = False) -> list[Side]:
        """The actors a noun-phrase head refers to: itself, its conjuncts, or actors inside it.

        With ``agent`` (a doer is wanted) actors inside the phrase count only when its head can act
        ("the members of the Presidency", not "Moscow's intervention").
        """
        out: list[Side] = []
        for head in self.tree.conjuncts(tok):
            for side in self._resolve_one(head, depth=depth, agent=agent):
                if not any(s.key == side.key for s in out):
                    out.append(side)
        return out

    def _resolve_one(self, tok: Token, *, depth: int, agent: bool = False) -> list[Side]:
        entity = self.by_token.get(tok.i)
        if entity is not None:
            return [self.side(entity)]
        lower = tok.text.lower()
        if tok.pos == "PRON" or tok.tag in ("PRP", "PRP$", "WP", "WDT"):
            found = self._pronoun(tok, lower, depth=depth)
            return [found] if found else []
        lemma = tok.lemma.lower()
        can_act = tok.pos == "PROPN" or lemma in AGENT_NOUNS or lemma in ORG_ANAPHORA
        if not can_act and agent and tok.pos == "NOUN" and not lemma.endswith(_DEVERBAL):
            # "the EU's biggest economies", "Croatian experts": an actor word on a non-event noun
            can_act = any(
                k.dep in ("poss", "compound", "amod") and k.i in self.by_token for k in self.tree.children(tok)
            )
        inner = self._inside(tok, agent=agent) if can_act or not agent else []
        if lemma in STAFF_NOUNS and len(inner) == 1 and inner[0].entity is not None:
            boss = inner[0]
            if boss.entity is not None and boss.entity.type == "PERSON":
                # "his top aides", "Trump's lawyers": other people, acting for the person and coded as him
                actor = (
                    Actor(country=boss.actor.country, org=boss.actor.org, cameo=boss.actor.cameo)
                    if boss.actor
                    else None
                )
                return [Side(entity=None, name=tok.text, actor=actor, rule=f"agent:staff-of:{boss.entity.id}")]
        if inner and lemma in AGENT_NOUNS and not any(s.codes != (None, None) for s in inner):
            # "Catholic protesters": a group word on an uncoded name is coded as the group, when its
            # context gives the group a country (else the name is kept)
            group = self.agent(tok)
            if group.actor is not None:
                return [group]
        if inner and lemma in AGENT_NOUNS and all(_country_only(s) for s in inner):
            # "Iraqi police", "police in Nairobi": the country's agent, with the role's sector
            return [self.agent(tok, country=s.actor.country if s.actor else None) for s in inner]
        if inner:
            return inner
        if lower in ORG_ANAPHORA or tok.lemma.lower() in ORG_ANAPHORA:
            found = self._last_org(tok)
            if found is not None:
                return [found]
        if tok.lemma.lower() in AGENT_NOUNS and tok.pos in ("NOUN", "PROPN"):
            return [self.agent(tok)]
        return []

    def agent(self, tok: Token, *, country: str | None = None) -> Side:
        """A generic agent noun as a side, coded from the roles table and the country named on it (else its
        context's country)."""
        coded = self.agents.code(tok, country=country)
        if coded is None and country is not None:
            return Side(entity=None, name=tok.text, actor=Actor(country=country, cameo=country), rule="agent:modifier")
        if coded is None:
            return Side(entity=None, name=tok.text, actor=None, rule="agent:uncoded")
        return Side(entity=None, name=tok.text, actor=coded.actor, rule=f"agent:{coded.rule}")

    def _inside(self, tok: Token, *, agent: bool = False) -> list[Side]:
        """Named actors inside the phrase: compounds, modifiers, possessives, of/from/in complements."""
        kids = [k for k in self.tree.children(tok) if k.dep in _INNER or k.dep == "prep"]
        if not agent:
            # "an attack by Osgiliath soldiers in south Ithilen": the doer named, not the place
            doers = [k for k in kids if k.dep == "prep" and k.lemma.lower() == "by"]
            by = self._collect(doers, agent=False) if doers else []
            if by:
                return by
        return self._collect(kids, agent=agent)

    def _collect(self, stack: list[Token], *, agent: bool) -> list[Side]:
        found: list[Side] = []
        seen: set[int] = set()
        while stack:
            k = stack.pop(0)
            if k.i in seen:
                continue
            seen.add(k.i)
            if k.dep == "prep" and k.lemma.lower() not in (_INNER_PREPS if agent else _TARGET_PREPS):
                continue
            entity = self.by_token.get(k.i)
            if entity is not None:
                side = self.side(entity)
                if not any(s.key == side.key for s in found):
                    found.append(side)
            elif not agent and k.dep == "compound" and k.pos == "NOUN" and k.lemma.lower() in AGENT_NOUNS:
                # "insurgent positions", "an army convoy", "police stations": the modifier's group is hit
                side = self.agent(k)
                if side.actor is not None and not any(s.key == side.key for s in found):
                    found.append(side)
            if k.tag == "PRP$" and not found:
                pron = self._pronoun(k, k.text.lower(), depth=1)
                if pron is not None:
                    found.append(pron)
            stack.extend(c for c in self.tree.children(k) if c.dep in _INNER or c.dep == "prep")
        return found

    def _pronoun(self, tok: Token, lower: str, *, depth: int) -> Side | None:
        if lower in RELATIVE_PRONOUNS and depth < 2:
            head = self.tree.head(tok)
            noun = self.tree.head(head) if head is not None and head.dep == "relcl" else None
            if noun is not None:
                sides = self._resolve_one(noun, depth=depth + 1)
                return sides[0] if sides else None
            return None
        quote = self.quote_at(tok)
        if lower in FIRST_PERSON_PRONOUNS:
            return self.speaker(quote) if quote is not None else None
        if lower in ("it", "its") and quote is None and tok.dep in ("nsubj", "poss"):
            return self._last_org(tok, places=True)
        if lower in THEY_PRONOUNS and quote is not None and quote.kind == "indirect":
            # reported speech keeps the third person: "the rebels denied that they attacked"
            return self._plural_agent(tok)
        if lower in PERSON_PRONOUNS or (lower in THEY_PRONOUNS and quote is None):
            if quote is not None and lower in PERSON_PRONOUNS:
                # "he" inside someone's quote is not the speaker
                return self._last_person(tok, exclude=quote.speaker)
            if lower in THEY_PRONOUNS:
                return self._plural_agent(tok) or self._last_org(tok)
            return self._last_person(tok, exclude=None)
        return None

    def _plural_agent(self, tok: Token) -> Side | None:
        """A plural group noun earlier in the same sentence that "they" takes up ("the rebels denied that they
        attacked"): the nearest one, which the plural pronoun agrees with in number."""
        for i in range(tok.i - 1, -1, -1):
            other = self.tree.tokens[i]
            if other.sent != tok.sent:
                return None
            if (
                other.tag in ("NNS", "NNPS")
                and other.lemma.lower() in AGENT_NOUNS
                and other.dep in ("nsubj", "nsubjpass")
            ):
                return (
                    self._resolve_one(other, depth=1, agent=True)[0]
                    if self._resolve_one(other, depth=1, agent=True)
                    else None
                )
        return None

    def _last_person(self, tok: Token, *, exclude: str | None) -> Side | None:
        best: Entity | None = None
        for start, entity in self.mention_starts:
            if start >= tok.start:
                break
            if entity.type == "PERSON" and entity.id != exclude:
                best = entity
        return self.side(best) if best is not None else None

    def _last_org(self, tok: Token, *, places: bool = False) -> Side | None:
        best: Entity | None = None
        kinds = ("ORG", "GPE") if places else ("ORG",)
        for start, entity in self.mention_starts:
            if start >= tok.start:
                break
            if entity.type in kinds or (entity.actor is not None and entity.actor.org):
                best = entity
        return self.side(best) if best is not None else None


def _named_by(entity: Entity, place: Place) -> bool:
    """True when the place can give the entity its country: the entity is a place, or the place is a whole
    mention of it; not a place name inside an organisation's or person's name ("the Orange Order")."""
    if entity.type not in ("ORG", "PERSON"):
        return True
    return any(place.span.start <= m.start and m.end <= place.span.end for m in entity.mentions)


def _country_only(side: Side) -> bool:
    """A side that is a country (or its people) and nothing more specific."""
    return (
        side.entity is not None
        and side.entity.type in ("GPE", "NORP")
        and side.actor is not None
        and bool(side.actor.country)
        and not side.actor.org
    )


def _current(member: Entity, named: dict[str, Entity]) -> Entity:
    """A list member's entity with the mentions later stages added: the article's entity of that id
    with the member's actor (which may carry a role the list adds), else the member's own entity."""
    entity = named.get(member.id)
    if entity is None:
        return member
    return entity if entity.actor == member.actor else replace(entity, actor=member.actor)


def _token_ids(starts: list[tuple[int, int, int]], start: int, end: int) -> list[int]:
    """Indexes of the tokens overlapping [start, end)."""
    first = bisect_left(starts, (start, -1, -1))
    if first > 0 and starts[first - 1][1] > start:
        first -= 1
    out = []
    for s, e, i in starts[first:]:
        if s >= end:
            break
        if e > start:
            out.append(i)
    return out


def _affiliation(tree: ParseTree, starts: list[int], entity: Entity, by_token: dict[int, Entity]) -> Actor | None:
    """An organisation or country named in an apposition right after a person ("X, head of the Y")."""
    if entity.type != "PERSON":
        return None
    tokens = tree.tokens
    for mention in entity.mentions:
        first = bisect_left(starts, mention.end)
        after = list(tokens[first : first + 10])
        if not after or after[0].text != ",":
            continue
        for t in after[1:]:
            if t.text in (",", ".", ";", "“", '"', "”") and t is not after[1]:
                break
            other = by_token.get(t.i)
            if other is not None and other.id != entity.id and other.actor and (other.actor.org or other.actor.country):
                return other.actor
    return None
