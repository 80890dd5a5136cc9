"""Generic agents ("police", "the army", "rebels") as coded actors: a sector from the roles table and a
country from the text around them.

The country is taken, in this order, from the sentence, the paragraph, the dateline and the article as a
whole: at each level the country named most often there (places and country demonyms/names among the
entities), when one leads every other; a tie goes up a level. At the article level a country must also hold
at least a third of the country mentions, so that an article spread over many countries leaves the agent
without a country rather than with a guessed one. The rule that decided is kept with the actor.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from eventwire.model import Actor, Analysis, Token
from eventwire.resources.kb import load_kb

#: Share of the article's country mentions the main country needs before an agent inherits it.
ARTICLE_SHARE = 1 / 3
#: How far into the text a dateline ("DUNDALK, Ireland (AP) _") can reach.
DATELINE_CHARS = 80


@dataclass(frozen=True, slots=True)
class AgentCode:
    """A generic agent's actor codes and the rule that gave its country."""

    actor: Actor
    rule: str


class CountryContext:
    """Country mentions of one article by position, for the sentence/paragraph/dateline/article fallback."""

    def __init__(self, analysis: Analysis, sentences: list[tuple[int, int]]) -> None:
        self.sentences = sentences
        self.paragraphs = [(p.start, p.end) for p in analysis.paragraphs]
        mentions: dict[int, str] = {}
        for place in analysis.places:
            code = alpha3(place.country)
            if code:
                mentions[place.span.start] = code
        for entity in analysis.entities:
            if entity.type not in ("GPE", "NORP") or entity.actor is None or entity.actor.org:
                continue
            if entity.actor.country:
                for span in entity.mentions:
                    mentions.setdefault(span.start, entity.actor.country)
        self.mentions = sorted(mentions.items())
        self.starts = [m[0] for m in self.mentions]
        self.article = Counter(code for _, code in self.mentions)
        self.dateline = self._leader(0, DATELINE_CHARS) if has_dateline(analysis.article.text) else None

    def _counts(self, start: int, end: int) -> Counter[str]:
        lo = bisect_right(self.starts, start - 1)
        hi = bisect_right(self.starts, end - 1)
        return Counter(code for _, code in self.mentions[lo:hi])

    def _leader(self, start: int, end: int) -> str | None:
        ranked = self._counts(start, end).most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def country_at(self, position: int) -> tuple[str, str] | None:
        """(ISO alpha-3, rule) for an agent at a character position, or None when the text does not say."""
        for level, spans in (("sentence", self.sentences), ("paragraph", self.paragraphs)):
            span = _holding(spans, position)
            if span is not None:
                found = self._leader(*span)
                if found is not None:
                    return found, f"country.{level}"
        if self.dateline is not None:
            return self.dateline, "country.dateline"
        ranked = self.article.most_common(2)
        total = sum(self.article.values())
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) and ranked[0][1] >= ARTICLE_SHARE * total:
            return ranked[0][0], "country.article"
        return None


class AgentCoder:
    """Codes a generic agent noun with the roles table's sector and the country its context gives."""

    def __init__(self, analysis: Analysis, sentences: list[tuple[int, int]]) -> None:
        self.context = CountryContext(analysis, sentences)
        self.kb = load_kb()

    def code(self, tok: Token, *, country: str | None = None) -> AgentCode | None:
        """The agent's codes, or None when the word is not a role of the table or no country is known.

        ``country`` is one the phrase names itself ("Iraqi police"); without it the context decides.
        """
        lemma = tok.lemma.lower()
        # the table lists group words in the plural ("insurgents"); "an insurgent", "insurgent positions" too
        entry = self.kb.agent(tok.text.lower()) or self.kb.agent(lemma) or self.kb.agent(_plural(lemma))
        if entry is None or entry.org is not None:
            return None
        found = (country, "country.modifier") if country else self.context.country_at(tok.start)
        if found is None:
            return None
        country, rule = found
        sector = entry.sector or ""
        return AgentCode(
            actor=Actor(country=country, role=entry.label, cameo=f"{country}{sector}"),
            rule=f"{rule}+role:{tok.lemma.lower()}",
        )


def _plural(noun: str) -> str:
    """The regular English plural of a noun ("insurgent" -> "insurgents", "militia" -> "militias")."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _holding(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    for start, end in spans:
        if start <= position < end:
            return start, end
    return None


def has_dateline(text: str) -> bool:
    """True when the text opens with a wire dateline ("DUNDALK, Ireland (AP) _")."""
    head = text.lstrip()[:DATELINE_CHARS]
    return any(mark in head for mark in ("(AP)", "(Reuters)", "(AFP)", " _", " -- ", " — ", "(Xinhua)"))


_ALPHA3: dict[str, str | None] = {"XK": "XKX"}


def alpha3(alpha2: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-2 code (Kosovo: XKX); None when unknown."""
    if not alpha2:
        return None
    code = alpha2.upper()
    if code not in _ALPHA3:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
        _ALPHA3[code] = country.alpha_3 if country is not None else None
    return _ALPHA3[code]
