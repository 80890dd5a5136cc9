"""The only place ids are made: deterministic content hashes, never random."""

from __future__ import annotations

import hashlib


def digest(*parts: object, size: int = 16) -> str:
    """A hex digest of the parts, joined unambiguously."""
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        data = repr(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def article_id(text: str, *, url: str | None = None) -> str:
    """An article id: from the canonical url when there is one, else from the text."""
    key = url.strip() if url else " ".join(text.split())
    return "a" + digest("article", key, size=10)


def record_id(kind: str, article: str, start: int, end: int, *extra: object) -> str:
    """An id for a record inside an article (entity, quote, time, place, event)."""
    return kind[0] + digest(kind, article, start, end, *extra, size=8)
