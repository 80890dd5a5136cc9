"""RSS and Atom feeds (feedparser): each item an article with its link, title, date and source.

An item's text is its full content when the feed carries it, else its summary; an item with
neither is rejected with its position, so a feed of headlines only is accounted for, not lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html

#: Block elements after which a line break is put, so paragraphs of item HTML stay paragraphs.
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    """One item of a feed, as plain text and metadata."""

    number: int
    text: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    item_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedError:
    """A feed that could not be read at all, or an item without text."""

    number: int | None
    code: str
    message: str


def read_feed(data: bytes) -> list[FeedItem | FeedError]:
    """The items of an RSS or Atom document, in feed order (``number`` counts from 1)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries", []))
    if not entries:
        reason = parsed.get("bozo_exception")
        why = f": {type(reason).__name__}: {reason}" if reason is not None else ""
        return [FeedError(number=None, code="ingest.feed", message=f"the feed holds no items{why}")]
    source = _clean(parsed.get("feed", {}).get("title"))
    out: list[FeedItem | FeedError] = []
    for number, entry in enumerate(entries, start=1):
        body = ""
        for content in entry.get("content", []) or []:
            body = _text(content.get("value", ""), content.get("type", "text/html"))
            if body:
                break
        if not body:
            body = _text(entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "text/html"))
        if not body:
            out.append(
                FeedError(number=number, code="ingest.no_text", message="the feed item has no content or summary text")
            )
            continue
        out.append(
            FeedItem(
                number=number,
                text=body,
                title=_clean(entry.get("title")),
                url=_clean(entry.get("link")),
                published=_clean(entry.get("published") or entry.get("updated")),
                source=source,
                item_id=_clean(entry.get("id")),
            )
        )
    return out


def _text(value: str, kind: str) -> str:
    """Plain text of an item's content: HTML is flattened with a blank line after each block."""
    if not value or not value.strip():
        return ""
    if "html" not in kind and "<" not in value:
        return value.strip()
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return value.strip()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _clean(value: object) -> str | None:
    return " ".join(str(value).split()) or None if value not in (None, "") else None
