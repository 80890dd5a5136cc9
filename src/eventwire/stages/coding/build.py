"""From coded triggers to Event records: which to keep, the date fallback, and one event per real event."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from eventwire.ids import record_id
from eventwire.model import Analysis, Event, Span, Token
from eventwire.stages.coding.codebook import Codebook
from eventwire.stages.coding.complete import Completer, claim_of, dispute_of, time_precision
from eventwire.stages.coding.dating import calendar_date
from eventwire.stages.coding.extract import VERBAL_ROOTS, Candidate, Extractor
from eventwire.stages.coding.sides import Side, same_actor
from eventwire.stages.coding.vocab import DENIAL_VERBS, VIOLENT_ROOTS
from eventwire.syntax import REPORTING_VERBS

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: CAMEO's verbal roots (make a statement ... consult; demand ... reject): an event of one whose trigger is a
#: quote's cue verb is coded from that quote.
STATEMENT_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})


@dataclass(slots=True)
class Draft:
    """One event being assembled: a candidate and one (source, target) pair, plus repeated mentions."""

    cand: Candidate
    source: Side | None
    target: Side | None
    date: str | None
    mentions: list[Span] = field(default_factory=list)
    place: str | None = None
    date_source: str | None = None


def statement_dates(extractor: Extractor) -> list[tuple[Side, str]]:
    """(speaker, date) for every reporting verb of the article whose own clause carries a date."""
    out: list[tuple[Side, str]] = []
    tree = extractor.tree
    for tok in tree.tokens:
        if tok.lemma.lower() not in REPORTING_VERBS or tok.pos != "VERB":
            continue
        date = extractor.locator.date_near(tok)
        if date is None:
            continue
        for side in extractor._subjects(tok):
            out.append((side, date))
    by_start: dict[int, Token] = {}
    for quote in extractor.actors.quotes:
        if quote.cue_span is None:
            continue
        if not by_start:
            by_start = {t.start: t for t in reversed(tree.tokens)}
        cue = by_start.get(quote.cue_span.start)
        speaker = extractor.actors.speaker(quote)
        if cue is not None and speaker is not None:
            date = extractor.locator.date_near(cue)
            if date is not None:
                out.append((speaker, date))
    return out


def keep(cands: list[Candidate], analysis: Analysis) -> tuple[list[Candidate], list[Candidate]]:
    """(events to emit, orphan mentions): statements only when nothing else in the sentence codes."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for cand in cands:
        by_sentence[cand.sentence].append(cand)
    quoted = {c.sentence for c in cands if c.quote is not None}
    kept: list[Candidate] = []
    orphans: list[Candidate] = []
    for sentence, group in by_sentence.items():
        substantive = any(c.root != "01" and _emittable(c) for c in group)
        main = any(c.root != "01" and not c.background and _emittable(c) for c in group)
        for cand in group:
            if (
                cand.root == "01"
                and not _specific_statement(cand)
                and cand.trigger.lemma.lower() not in DENIAL_VERBS  # a denial is an event of its own
                and (substantive or sentence in quoted or _has_quote_mark(analysis, cand))
            ):
                continue
            if cand.background and main:
                if cand.nominal:
                    orphans.append(cand)  # still a mention of an event coded elsewhere
                continue  # background of the main clause's event, not an event of the report
            if _emittable(cand):
                kept.append(cand)
            elif cand.nominal:
                orphans.append(cand)
    return kept, orphans


def _specific_statement(cand: Candidate) -> bool:
    """A statement of a kind of its own (condolences, denial, pessimism...), not a plain report verb."""
    return cand.pattern.code != "010" and bool(cand.pattern.conditions) and not cand.nominal


def _emittable(cand: Candidate) -> bool:
    if cand.root in VERBAL_ROOTS or cand.root in ("04", "15"):
        if not cand.sources:
            return False
        # in direct speech, abstract cooperation words count only with a named addressee
        if cand.root in ("03", "05") and cand.quote is not None and cand.quote.kind != "indirect":
            return bool(cand.targets)
        return True
    return bool(cand.sources or cand.targets)


def _has_quote_mark(analysis: Analysis, cand: Candidate) -> bool:
    if analysis.parse is None or cand.sentence >= len(analysis.parse.sentences):
        return False
    text = analysis.parse.sentences[cand.sentence].text
    return any(q in text for q in ("“", "”", '"'))


def drafts(kept: list[Candidate], dates: list[tuple[Side, str]], published: str | None) -> list[Draft]:
    """One draft per (source, target) pair of each kept candidate, with the date fallback applied."""
    out: list[Draft] = []
    for cand in kept:
        date = cand.date
        source = "clause" if date is not None else None
        if date is None and (cand.quote is not None or cand.reported_by or cand.root in VERBAL_ROOTS):
            speakers = cand.reported_by or cand.sources
            if cand.quote is not None or cand.root in VERBAL_ROOTS:
                speakers = speakers + cand.sources
            date = next((d for s, d in dates if any(same_actor(s, x) for x in speakers)), None)
            source = "statement" if date is not None else None
            if date is None and cand.root in VERBAL_ROOTS and cand.modality == "asserted":
                date, source = published, "published" if published else None
        sources: list[Side | None] = list(cand.sources) or [None]
        targets: list[Side | None] = list(cand.targets) or [None]
        for side in sources:
            for target in targets:
                if cand.reciprocal and side is not None and target is not None and same_actor(side, target):
                    continue
                out.append(
                    Draft(cand=cand, source=side, target=target, date=date, place=cand.place, date_source=source)
                )
    return out


def join_attacks(items: list[Draft]) -> list[Draft]:
    """One attack told by a violent verb and its adverbial clause ("17 people were killed when gunmen attacked
    a bus station", "gunmen attacked the village, killing nine"): the clause that names the doer keeps the
    event, takes the victims of the other verb as its target when it has none of its own but a place's, and
    the other verb becomes a mention of it."""
    dropped: set[int] = set()
    for doer in items:
        if doer.source is None or doer.cand.root not in VIOLENT_ROOTS:
            continue
        for other in items:
            if other is doer or id(other) in dropped or other.source is not None:
                continue
            one, two = doer.cand.trigger, other.cand.trigger
            linked = (two.head == one.i or one.head == two.i) and "advcl" in (one.dep, two.dep)
            if not linked or one.sent != two.sent or other.cand.root not in VIOLENT_ROOTS:
                continue
            if other.cand.modality != doer.cand.modality:
                continue
            if other.target is not None and (doer.target is None or doer.target.rule.startswith("place:")):
                doer.target = other.target
            doer.mentions.append(_trigger_span(other))
            dropped.add(id(other))
    return [d for d in items if id(d) not in dropped]


def merge(items: list[Draft], orphans: list[Candidate]) -> list[Draft]:
    """Fold repeated mentions of one event into the first; definite bare mentions join their antecedent."""
    merged: list[Draft] = []
    for draft in sorted(join_attacks(items), key=lambda d: d.cand.trigger.start):
        same = next((m for m in merged if _same_event(m, draft)), None)
        if same is None:
            first = _trigger_span(draft)
            draft.mentions = [first, *(m for m in draft.mentions if m.start != first.start)]
            merged.append(draft)
        else:
            span = _trigger_span(draft)
            if all(span.start != m.start for m in same.mentions):
                same.mentions.append(span)
            if same.date is None and draft.date is not None:
                same.date, same.date_source = draft.date, draft.date_source
            same.place = same.place or draft.place
    for orphan in orphans:
        tok = orphan.trigger
        if tok.tag != "NN":
            continue
        pool = [
            m for m in merged if m.cand.nominal and m.cand.trigger.lemma == tok.lemma and m.cand.root == orphan.root
        ]
        if not pool:
            continue
        nearest = min(pool, key=lambda m: abs(m.cand.trigger.start - tok.start))
        nearest.mentions.append(Span(start=tok.start, end=tok.end, text=tok.text))
        if orphan.date is not None and nearest.cand.date is None:
            nearest.date, nearest.date_source = orphan.date, "clause"
        nearest.place = nearest.place or orphan.place
    return merged


def fold_headline(items: list[Draft], title: Span | None) -> list[Draft]:
    """An event of the title that the body tells too (same root, no side against it) is a mention of the body's
    event, not an event of its own: a headline sums up the story it heads."""
    if title is None:
        return items
    body = [d for d in items if d.cand.trigger.start >= title.end]
    out: list[Draft] = []
    for draft in items:
        tok = draft.cand.trigger
        if not title.start <= tok.start < title.end:
            out.append(draft)
            continue
        told = next((b for b in body if b.cand.root == draft.cand.root and _compatible(draft, b)), None)
        if told is None:
            out.append(draft)
        else:
            told.mentions.append(_trigger_span(draft))
    return out


def _compatible(a: Draft, b: Draft) -> bool:
    """No side of the headline's event names another actor than the body's: a common noun of the headline
    ("police", "opposition leader") fits a name of the body of its country."""

    def fits(x: Side | None, y: Side | None) -> bool:
        if x is None or y is None or same_actor(x, y):
            return True
        countries = {x.codes[1], y.codes[1]} - {None}
        return (x.entity is None or y.entity is None) and len(countries) <= 1

    return fits(a.source, b.source) and fits(a.target, b.target)


def _trigger_span(draft: Draft) -> Span:
    tok = draft.cand.trigger
    return Span(start=tok.start, end=tok.end, text=tok.text)


def _same_event(a: Draft, b: Draft) -> bool:
    if a.cand.pattern.code[:2] != b.cand.pattern.code[:2] or a.cand.modality != b.cand.modality:
        return False
    if a.cand.trigger.lemma != b.cand.trigger.lemma and a.cand.pattern.code != b.cand.pattern.code:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if (x is None) != (y is None) or (x is not None and y is not None and not same_actor(x, y)):
            return False
    one, two = a.cand.trigger, b.cand.trigger
    coordinated = (one.head == two.i or two.head == one.i) and "conj" in (one.dep, two.dep)
    if one.sent == two.sent and a.cand.root in VIOLENT_ROOTS and coordinated:
        return True  # "a bomb killed 13 soldiers and wounded 56 others": one attack told by two verbs
    return one.sent != two.sent or one.i == two.i


def to_events(
    analysis: Analysis, items: list[Draft], codebook: Codebook, *, scores: dict[int, float] | None = None
) -> list[Event]:
    """The Event records, in text order, with codebook values and the rules' confidence; ``scores`` are the
    learned model's event probabilities by trigger token."""
    parse = analysis.parse
    events: list[Event] = []
    per_trigger: dict[int, int] = defaultdict(int)
    for draft in items:
        per_trigger[draft.cand.trigger.i] += 1
    sentences = [(s.start, s.end) for s in parse.sentences] if parse is not None else []
    completer = Completer(analysis, sentences)
    published = analysis.article.published.isoformat() if analysis.article.published else None
    cue_quotes = {q.cue_span.start: q for q in analysis.quotes if q.cue_span is not None}
    for draft in items:
        cand = draft.cand
        entry = codebook.lookup(cand.pattern.code)
        tok = cand.trigger
        date, date_source = draft.date, draft.date_source
        if date is None:
            date = completer.sentence_date(tok.start)
            date_source = "sentence" if date is not None else None
        if date is None and published is not None and cand.modality in ("asserted", "negated"):
            date, date_source = published, "published"
        placing = completer.placing(draft.place, tok.start)
        quote = cand.quote
        if quote is None and entry.root in STATEMENT_ROOTS and tok.start in cue_quotes:
            quote = cue_quotes[tok.start]  # a statement coded from its quote's cue verb ("said", "accused")
        sentence = (
            parse.sentences[cand.sentence] if parse is not None and cand.sentence < len(parse.sentences) else None
        )
        if sentence is None:
            sentence = Span(start=tok.start, end=tok.end, text=tok.text)
        extra: tuple[str, ...] = ()
        if per_trigger[tok.i] > 1:
            extra = (draft.source.key if draft.source else "", draft.target.key if draft.target else "")
        confidence = cand.pattern.confidence + (0.15 if draft.source else 0.0) + (0.1 if draft.target else 0.0)
        events.append(
            Event(
                id=record_id("event", analysis.article.id, tok.start, tok.end, entry.code, *extra),
                source=draft.source.record() if draft.source else None,
                target=draft.target.record() if draft.target else None,
                cameo=entry.code,
                root=entry.root,
                quad_class=entry.quad_class,
                goldstein=entry.goldstein,
                plover=entry.plover_type,
                date=calendar_date(date),
                place=placing.place,
                modality=cand.modality,
                quote=quote.id if quote is not None else None,
                sentence=sentence,
                trigger=Span(start=tok.start, end=tok.end, text=tok.text),
                confidence=round(min(confidence, 0.95), 3),
                rule_confidence=round(min(confidence, 0.95), 3),
                model_probability=round(scores[tok.i], 3) if scores and tok.i in scores else None,
                rule=cand.rule,
                mentions=tuple(sorted(draft.mentions, key=lambda s: s.start)),
                # a denied event is the denier's subject matter, not their claim
                claimed_by=None
                if cand.denied_by
                else claim_of(quote=cand.quote, reported_by=cand.reported_by, source=draft.source, root=entry.root),
                disputed=bool(cand.denied_by),
                disputed_by=dispute_of(cand.denied_by),
                time_precision=time_precision(date),
                date_source=date_source,
                geo_precision=placing.precision,
                place_source=placing.source,
                modality_cue=(
                    Span(start=cand.modality_cue.start, end=cand.modality_cue.end, text=cand.modality_cue.text)
                    if cand.modality_cue is not None
                    else None
                ),
            )
        )
    return events
