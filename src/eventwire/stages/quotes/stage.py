"""Quotes: every statement with its speaker, whether quoted directly, reported, or mixed.

Reported content comes from the dependency frames of cue words (``quoting.frames``); quoted
passages from their marks (``quoting.marks``). A passage inside a reported clause makes it a mixed
quote; a passage that is the whole clause is a direct quote. A quoted statement with no cue of its
own takes the speaker named beside it (``quoting.attribution``: "... ," Smith said. / He said: / a dash
byline), else the speaker of the paragraph, else of the quote before it (the news convention), and a
quote repeated later in the article points to its first occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventwire.config import Settings
from eventwire.ids import record_id
from eventwire.model import Analysis, Entity, Problem, Quote, QuoteKind, Span
from eventwire.pipeline import stage
from eventwire.stages.quotes.attribution import Beside
from eventwire.stages.quotes.frames import Frame, find_frames
from eventwire.stages.quotes.headlines import find_headlines
from eventwire.stages.quotes.marks import find_marked, find_single_marked
from eventwire.stages.quotes.speakers import Speaker, Speakers
from eventwire.syntax import ParseTree

_WORD = re.compile(r"\w+")
#: Shortest unattributed quoted passage (in words) still taken as a statement rather than a scare quote.
MIN_STATEMENT_WORDS = 4
#: Longest attribution (in words) between a quote and the passage that continues it in the same paragraph.
MAX_GAP_WORDS = 60
#: Shortest statement (in characters of its words) that is linked when it is repeated.
MIN_REPEAT_CHARS = 20


@dataclass(frozen=True, slots=True, kw_only=True)
class _Draft:
    start: int
    end: int
    kind: QuoteKind
    frame: Frame | None
    paragraph: int
    source: tuple[int, int] | None = None  # a headline's source ("Graham: ...")


def _paragraph_of(paragraphs: list[tuple[int, int]], at: int) -> int:
    for n, (s, e) in enumerate(paragraphs):
        if s <= at < e:
            return n
    return max(0, len(paragraphs) - 1)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def draft_quotes(tree: ParseTree, text: str, norm: str, paragraphs: list[tuple[int, int]]) -> tuple[list[_Draft], int]:
    """Quote drafts in text order (content range, kind, frame), and the number of repaired marks."""
    marked, repairs = find_marked(text, norm, paragraphs)
    marked += find_single_marked(text, norm, paragraphs, marked)
    used: set[int] = set()
    drafts: list[_Draft] = []
    toks = tree.tokens
    headlines = find_headlines(norm, tree, paragraphs)
    for h in headlines:
        start, end = h.content
        inside = [n for n, m in enumerate(marked) if start <= m.start and m.end <= end]
        used.update(inside)
        kind: QuoteKind = "mixed" if inside else "indirect"
        if len(inside) == 1 and not _WORD.search(
            norm[start : marked[inside[0]].start] + norm[marked[inside[0]].end : end]
        ):
            start, end, kind = marked[inside[0]].start, marked[inside[0]].end, "direct"
        drafts.append(
            _Draft(
                start=start, end=end, kind=kind, frame=None, paragraph=_paragraph_of(paragraphs, start), source=h.source
            )
        )
    for frame in find_frames(tree):
        cue_at = toks[frame.cue].start
        if any(m.start <= cue_at < m.end for m in marked) or any(
            h.content[0] <= cue_at < h.content[1] for h in headlines
        ):
            continue  # a cue inside a quotation (or a headline's claim) belongs to the quoted speaker's words
        start, end = toks[frame.first].start, toks[frame.last].end
        p_start, p_end = paragraphs[_paragraph_of(paragraphs, cue_at)]
        start, end = max(start, p_start), min(end, p_end)
        if end - start < 2:
            continue
        kind = "indirect"
        for n, m in enumerate(marked):
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            used.add(n)
            outside = norm[start : max(start, m.start)] + " " + norm[min(end, m.end) : end]
            if not [w for w in _WORD.findall(outside) if w.lower() != "that"]:
                start, end, kind = m.start, m.end, "direct"
                break
            kind = "mixed"
        drafts.append(_Draft(start=start, end=end, kind=kind, frame=frame, paragraph=_paragraph_of(paragraphs, start)))
    for n, m in enumerate(marked):
        if n in used or not _statement(text[m.start : m.end]):
            continue
        drafts.append(
            _Draft(start=m.start, end=m.end, kind="direct", frame=None, paragraph=_paragraph_of(paragraphs, m.start))
        )
    drafts.sort(key=lambda d: d.start)
    return _merge_continuations(drafts, norm), repairs


def _statement(passage: str) -> bool:
    """Whether an unattributed quoted passage reads as a statement, not a scare quote or a title."""
    words = _WORD.findall(passage)
    if len(words) < MIN_STATEMENT_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return not (len(words) <= 10 and capitalised >= 0.6 * len(words))


def _merge_continuations(drafts: list[_Draft], norm: str) -> list[_Draft]:
    """Join an unattributed quoted passage to the attributed direct quote just before it in its paragraph."""
    merged: list[_Draft] = []
    for d in drafts:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and d.frame is None
            and prev.kind == "direct"
            and prev.frame is not None
            and prev.paragraph == d.paragraph
            and _words(norm[prev.end : d.start]) <= MAX_GAP_WORDS
        ):
            merged[-1] = replace(prev, end=d.end)
            continue
        merged.append(d)
    return merged


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _repeat(key: str, first_of: dict[str, str]) -> str | None:
    """The id of an earlier quote that holds the same statement (one of the two containing the other)."""
    if len(key) < MIN_REPEAT_CHARS:
        return None
    if key in first_of:
        return first_of[key]
    for earlier, qid in first_of.items():
        if key in earlier or earlier in key:
            return qid
    return None


def _attribution(
    d: _Draft, later: list[_Draft], paragraphs: list[tuple[int, int]], beside: Beside, speakers: Speakers
) -> tuple[tuple[int, int, str] | None, Speaker | None]:
    """The cue (first token, last token, lemma) and speaker of a draft: from its frame, else from an
    attribution beside the quotation (a clause after it, a colon before it, a dash byline)."""
    tree = speakers.tree
    f = d.frame
    if f is not None:
        who = speakers.resolve(f.speaker, f.relative)
        lemma = tree.tokens[f.cue].lemma.lower() if f.frame != "according" else "according to"
        return (f.cue, f.cue_last, lemma), who
    if d.source is not None:
        return None, speakers.named(*d.source)
    p_start, p_end = paragraphs[d.paragraph]
    limit = min([p_end] + [x.start for x in later if x.paragraph == d.paragraph])
    byline = beside.byline(d.end, limit)
    if byline is not None:
        return None, speakers.named(*byline)
    floor = p_start
    if d.paragraph > 0 and not _WORD.search(speakers.text[p_start : d.start]):
        floor = paragraphs[d.paragraph - 1][0]
    found = beside.after(d.end, limit) or beside.before(d.start, floor)
    if found is None:
        return None, None
    cue, subject = found
    return (cue, cue, tree.tokens[cue].lemma.lower()), speakers.resolve(subject)


def find_quotes_in(analysis: Analysis) -> tuple[list[Quote], list[Problem], tuple[Entity, ...]]:
    """The quotes of one parsed article, the problems met on the way, and the entities with the speaker
    mentions resolved here added (ids and order unchanged, no mention removed)."""
    parse = analysis.parse
    if parse is None or not parse.tokens:
        return [], [], analysis.entities
    text = analysis.article.text
    norm = analysis.normalized or text
    paragraphs = [(p.start, p.end) for p in analysis.paragraphs] or [(0, len(text))]
    tree = ParseTree(parse.tokens)
    drafts, repairs = draft_quotes(tree, text, norm, paragraphs)
    speakers = Speakers(text, tree, analysis.entities)
    problems: list[Problem] = []
    if repairs:
        problems.append(
            Problem(
                code="quotes.unbalanced_marks", stage="quotes", message=f"{repairs} quote mark(s) unpaired; repaired"
            )
        )
    quotes: list[Quote] = []
    first_of: dict[str, str] = {}
    by_paragraph: dict[int, tuple[str | None, str | None, Span | None]] = {}
    pending: list[int] = []
    beside = Beside(text, tree)
    for n_draft, d in enumerate(drafts):
        span = Span.of(text, d.start, d.end)
        qid = record_id("quote", analysis.article.id, d.start, d.end)
        cue = cue_span = None
        cue_at, who = _attribution(d, drafts[n_draft + 1 :], paragraphs, beside, speakers)
        if cue_at is not None:
            cue_span = Span.of(text, tree.tokens[cue_at[0]].start, tree.tokens[cue_at[1]].end)
            cue = cue_at[2]
        if who is not None:
            speaker, name, s_span = who.entity, who.name, who.span
            if name is not None:
                by_paragraph[d.paragraph] = (speaker, name, s_span)
                for n in pending:
                    if (
                        quotes[n].speaker_name is None
                        and _paragraph_of(paragraphs, quotes[n].span.start) == d.paragraph
                    ):
                        quotes[n] = replace(quotes[n], speaker=speaker, speaker_name=name)
        else:
            speaker, name, s_span = (
                by_paragraph.get(d.paragraph) or by_paragraph.get(d.paragraph - 1) or (None, None, None)
            )
            if name is None:
                last = speakers.continuing()
                if last is not None and by_paragraph.get(d.paragraph - 2):
                    speaker, name = last.id, last.name
            s_span = None
            pending.append(len(quotes))
        key = _key(span.text)
        repeat_of = _repeat(key, first_of)
        if repeat_of is None and len(key) >= MIN_REPEAT_CHARS:
            first_of[key] = qid
        quotes.append(
            Quote(
                id=qid,
                span=span,
                kind=d.kind,
                speaker=speaker,
                speaker_name=name,
                speaker_span=s_span,
                cue=cue,
                cue_span=cue_span,
                repeat_of=repeat_of,
            )
        )
    unknown = [q for q in quotes if q.speaker_name is None]
    for q in unknown:
        problems.append(
            Problem(code="quotes.no_speaker", stage="quotes", message="no speaker found for quote", span=q.span)
        )
    return quotes, problems, speakers.entities_with_links()


@stage("quotes", version=2, requires=("normalized", "paragraphs", "parse", "entities"), provides=("quotes", "entities"))
def find_quotes(analysis: Analysis, settings: Settings) -> Analysis:
    """Attach every direct, indirect and mixed quote with its cue and speaker."""
    quotes, problems, entities = find_quotes_in(analysis)
    return analysis.add(entities=entities, quotes=tuple(quotes), problems=problems)
