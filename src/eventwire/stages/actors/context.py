"""What the text itself says about an actor: titles, appositions and "of"-phrases.

``ActorText`` holds the article's word tokens and the knowledge-base phrases found in them
(actor names, role words). Its methods read the role phrase around a name:

* a title before it: "NATO Secretary General Jens Stoltenberg", "Kosovo President Vjosa Osmani",
  "Russia's Foreign Minister Sergei Lavrov";
* an apposition after it: "Milan Radojicic, then Vice President of the Serbian List";
* an apposition before it: "the High Representative of Bosnia and Herzegovina, Christian Schmidt".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from eventwire.model import Analysis
from eventwire.resources.dictionaries import ActorDictionary
from eventwire.resources.entries import ActorEntry, AgentEntry, Hit, Word, words_of

_QUALIFIERS = frozenset(
    {
        "the",
        "a",
        "an",
        "then",
        "former",
        "ex",
        "acting",
        "interim",
        "outgoing",
        "incoming",
        "new",
        "now",
        "current",
        "its",
        "their",
        "senior",
        "top",
        "veteran",
        "nationalist",
        "chief",
        "late",
        "retired",
        "longtime",
        "long-time",
        "main",
        "ruling",
        "governing",
        "largest",
    }
)
_OF = re.compile(r"^\s+(?:of|for|at|in|from|with|to)\s+(?:the\s+)?")
_POSSESSIVE = re.compile(r"'s?\s*$")
#: ", 58, " after a name: the age, skipped to reach the apposition behind it.
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,\s*")
#: " affairs" after the actor of "for X": a portfolio ("minister for Lebanon affairs").
_PORTFOLIO = re.compile(r"\s+[Aa]ffairs\b")
_PAST = re.compile(r"\b(?:former|ex|late|retired)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A role phrase: the role word (if any), the actor it is for (if any), and its extent."""

    agent: AgentEntry | None
    actor: ActorEntry | None
    start: int
    end: int
    agent_span: tuple[int, int] | None = None
    former: bool = False  # "former", "ex-": the role is no longer held


@dataclass(slots=True)
class ActorText:
    """The article's words with actor and role phrases indexed by their offsets."""

    text: str
    words: list[Word]
    actor_hits: list[Hit]
    agent_hits: list[Hit]
    day: dt.date | None
    dictionary: ActorDictionary
    _actor_end: dict[int, Hit] = field(init=False, repr=False)
    _actor_start: dict[int, Hit] = field(init=False, repr=False)
    _agent_end: dict[int, Hit] = field(init=False, repr=False)
    _agent_start: dict[int, Hit] = field(init=False, repr=False)
    _actor_span: dict[tuple[int, int], Hit] = field(init=False, repr=False)

    @classmethod
    def build(cls, analysis: Analysis, dictionary: ActorDictionary) -> ActorText:
        """Tokenise the (normalised) text and find every actor name and role word in it."""
        text = analysis.normalized or analysis.article.text
        words = words_of(text)
        agent_hits = dictionary.agents.find(words, text)
        # a user's agent word wins over a shipped name spelled the same ("MSF" as PETRARCH's NGO~ agent)
        user_agents = {
            (h.start, h.end)
            for h in agent_hits
            if isinstance(h.value, AgentEntry) and not h.value.id.startswith("role:")
        }
        actor_hits = [
            h
            for h in dictionary.actors.find(words, text)
            if (h.start, h.end) not in user_agents
            or not isinstance(h.value, ActorEntry)
            or h.value.id.startswith(("dict:", "user:"))
        ]
        return cls(
            text=text,
            words=words,
            actor_hits=actor_hits,
            agent_hits=agent_hits,
            day=analysis.article.published,
            dictionary=dictionary,
        )

    def __post_init__(self) -> None:
        self._actor_end = {h.end: h for h in self.actor_hits}
        self._actor_start = {h.start: h for h in self.actor_hits}
        self._agent_end = {h.end: h for h in self.agent_hits}
        self._agent_start = {h.start: h for h in self.agent_hits}
        self._actor_span = {(h.start, h.end): h for h in self.actor_hits}

    # -- lookups -------------------------------------------------------------------------------
    def actor_at(self, start: int, end: int) -> ActorEntry | None:
        """The actor whose name covers exactly [start, end)."""
        hit = self._actor_span.get((start, end))
        return hit.value if hit is not None and isinstance(hit.value, ActorEntry) else None

    def lookup(self, name: str) -> ActorEntry | None:
        """The actor a whole name stands for, by dictionary lookup (case-insensitive)."""
        value = self.dictionary.actors.get(name)
        return value if isinstance(value, ActorEntry) else None

    def actors_in(self, start: int, end: int) -> list[Hit]:
        """Actor names lying inside [start, end)."""
        return [h for h in self.actor_hits if start <= h.start and h.end <= end]

    def agents_in(self, start: int, end: int) -> list[Hit]:
        """Role words lying inside [start, end)."""
        return [h for h in self.agent_hits if start <= h.start and h.end <= end]

    def _back(self, pos: int) -> int:
        while pos > 0 and self.text[pos - 1] in " \t":
            pos -= 1
        return pos

    def _skip_qualifiers_back(self, pos: int) -> int:
        while True:
            p = self._back(pos)
            m = re.search(r"([\w-]+)$", self.text[max(0, p - 20) : p])
            if m and m.group(1).casefold().rstrip("-") in _QUALIFIERS and m.group(1).casefold() != "the":
                pos = p - len(m.group(1))
                continue
            return p

    def _former_back(self, pos: int) -> bool:
        """True when "former" or "ex-" is among the qualifiers just before ``pos``."""
        stop = self._skip_qualifiers_back(pos)
        return bool(_PAST.search(self.text[stop:pos]))

    def _former_forward(self, pos: int) -> bool:
        """True when "former" or "ex-" is among the qualifiers just after ``pos``."""
        stop = self._skip_qualifiers_forward(pos)
        return bool(_PAST.search(self.text[pos:stop]))

    def _actor_before(self, pos: int) -> Hit | None:
        """An actor name ending at ``pos``, directly or as a possessive ("NATO's")."""
        p = self._back(pos)
        hit = self._actor_end.get(p)
        if hit is None and p > 0 and self.text[p - 1] == ".":
            hit = self._actor_end.get(p - 1)  # an abbreviation whose last period the name leaves out: "U.N."
            if hit is not None and "." not in self.text[hit.start : hit.end]:
                hit = None  # "... Tariq Aziz. Name": a sentence ends there
        if hit is None:
            m = _POSSESSIVE.search(self.text[max(0, p - 3) : p])
            if m:
                hit = self._actor_end.get(p - len(m.group().rstrip()))
        return hit

    # -- role phrases --------------------------------------------------------------------------
    def title_before(self, pos: int) -> RolePhrase | None:
        """The title in front of a name at ``pos`` ("Kosovo President", "NATO's Secretary General")."""
        p = self._skip_qualifiers_back(pos)
        agent_hit = self._agent_end.get(p)
        if agent_hit is None and p > 0 and self.text[p - 1] == ".":
            agent_hit = self._agent_end.get(p - 1)  # an abbreviated title: "Sen. Tim Kaine"
        start = p
        if agent_hit is not None:
            start = agent_hit.start
            p = self._skip_qualifiers_back(agent_hit.start)
        actor_hit = self._actor_before(p)
        if actor_hit is not None:
            start = actor_hit.start
            # "Bosnian Serb leader": take the state over the ethnic group when both stand there
            if isinstance(actor_hit.value, ActorEntry) and actor_hit.value.kind == "ethnic":
                outer = self._actor_before(actor_hit.start)
                if outer is not None:
                    actor_hit, start = outer, outer.start
        if agent_hit is None and actor_hit is None:
            return None
        former = self._former_back(pos) or any(
            self._former_back(h.start) for h in (agent_hit, actor_hit) if h is not None
        )
        return self._phrase(agent_hit, actor_hit, start, pos, former=former)

    def apposition_after(self, end: int) -> RolePhrase | None:
        """The role phrase after a name ending at ``end``: ", then Vice President of the Serbian List"."""
        m = _AGE.match(self.text[end : end + 16]) or re.match(r"\s*,\s*", self.text[end : end + 10])
        if m is None:
            of = _OF.match(self.text[end : end + 12])
            if of and of.group().split()[0] == "of":
                actor_hit = self._actor_start.get(end + of.end())
                if actor_hit is not None:
                    return self._phrase(None, actor_hit, end, actor_hit.end)
            return None
        return self.role_phrase_at(end + m.end())

    def role_phrase_at(self, pos: int) -> RolePhrase | None:
        """A role phrase starting at ``pos``: [qualifiers] [actor['s]] role [of|for [the] actor]."""
        p = self._skip_qualifiers_forward(pos)
        former = self._former_forward(pos)
        actor_hit = self._actor_start.get(p)
        if actor_hit is not None:
            q = actor_hit.end
            poss = re.match(r"'s?\s+|\s+", self.text[q : q + 4])
            q = q + poss.end() if poss else q
            former = former or self._former_forward(q)
            agent_hit = self._agent_start.get(self._skip_qualifiers_forward(q))
            if agent_hit is None:
                return None
        else:
            agent_hit = self._agent_start.get(p)
            if agent_hit is None:
                return None
        end = agent_hit.end
        of = _OF.match(self.text[end : end + 16])
        if of:
            after = self._actor_start.get(end + of.end())
            if _PORTFOLIO.match(self.text[after.end if after is not None else end :]):
                after = None  # "official for Lebanon affairs": the portfolio, not the employer
            possessive = actor_hit is not None and bool(re.match(r"['\u2019]", self.text[actor_hit.end :]))
            if after is not None and (actor_hit is None or (of.group().split()[0] in ("of", "for") and not possessive)):
                actor_hit, end = after, after.end
            elif after is None and of.group().split()[0] in ("of", "for"):
                # "a spokesman for the main opposition coalition": the body spoken for gives the sector
                body = self._agent_start.get(self._skip_qualifiers_forward(end + of.end()))
                if body is not None and isinstance(body.value, AgentEntry) and not body.value.person:
                    agent_hit, end = body, body.end
        if self.text[end : end + 2] in ("'s", "\u2019s"):
            return None  # "the Republican nominee's eldest daughter": someone else's role
        return self._phrase(agent_hit, actor_hit, pos, end, former=former)

    def _skip_qualifiers_forward(self, pos: int) -> int:
        while True:
            m = re.match(r"\s*(?:(ex)-|([\w-]+)\s+)", self.text[pos : pos + 24], re.IGNORECASE)
            if m and (m.group(1) or m.group(2)).casefold() in _QUALIFIERS:
                pos += m.end()
                continue
            return pos

    def apposition_before(self, start: int) -> RolePhrase | None:
        """The role phrase before a name at ``start`` set off by a comma: "the High Representative of X, Name"."""
        m = re.search(r",\s*$", self.text[max(0, start - 6) : start])
        if m is None:
            return None
        comma = start - len(m.group())
        actor_hit = self._actor_end.get(comma)
        agent_hit = self._agent_end.get(comma)
        if actor_hit is not None:
            to = re.search(r"\s+to\s+(?:the\s+)?$", self.text[max(0, actor_hit.start - 12) : actor_hit.start])
            if to is not None and self._agent_end.get(actor_hit.start - len(to.group())) is not None:
                # "the Syrian ambassador to Washington, Name": the host is not the holder's country
                return self.title_before(actor_hit.start - len(to.group()))
            of = re.search(r"\s+(?:of|for)\s+(?:the\s+)?$", self.text[max(0, actor_hit.start - 12) : actor_hit.start])
            if of is None:
                return None
            agent_hit = self._agent_end.get(actor_hit.start - len(of.group()))
            if agent_hit is None:
                return None
            return self._phrase(agent_hit, actor_hit, agent_hit.start, comma)
        if agent_hit is not None:
            title = self.title_before(comma)
            return title
        return None

    def _phrase(
        self, agent_hit: Hit | None, actor_hit: Hit | None, start: int, end: int, *, former: bool = False
    ) -> RolePhrase:
        agent = agent_hit.value if agent_hit is not None and isinstance(agent_hit.value, AgentEntry) else None
        actor = actor_hit.value if actor_hit is not None and isinstance(actor_hit.value, ActorEntry) else None
        span = (agent_hit.start, agent_hit.end) if agent_hit is not None else None
        return RolePhrase(
            agent=agent, actor=actor, start=start, end=end, agent_span=span, former=former and agent is not None
        )
