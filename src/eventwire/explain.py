"""Why each event is what it is: its sentence with the trigger and sides marked, the rule that coded it, why
each side was chosen, the modality cue, where the date and place came from, who claims or disputes it.

``explain(record)`` works on the public record (``eventwire extract --json`` output, or a stored record), so
the same explanation serves the terminal (``eventwire explain FILE``), JSON and error analysis.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

Record = dict[str, Any]


def _cut(text: str, span: list[int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def _find_span(text: str, sentence: list[int], name: str | None) -> list[int] | None:
    """Where a side's name stands in the event's sentence (the first occurrence), if it does."""
    if not name:
        return None
    at = text.find(name, sentence[0], sentence[1])
    return [at, at + len(name)] if at >= 0 else None


def _side(text: str, sentence: list[int], side: Record | None, entities: dict[str, Record]) -> Record | None:
    if side is None:
        return None
    entity = entities.get(side.get("entity") or "")
    return {
        "name": side.get("name"),
        "codes": {k: side.get(k) for k in ("country", "org", "role", "cameo")},
        "why": side.get("evidence"),
        # why the entity itself has its actor codes (a knowledge-base row, a title, the article's country)
        "codes_why": (entity.get("actor") or {}).get("evidence") if entity else None,
        "span": _find_span(text, sentence, side.get("name")),
    }


def explain(record: Record) -> list[Record]:
    """One explanation per event of an article record, in text order."""
    text: str = record["text"]
    places = {p["id"]: p for p in record.get("places") or []}
    quotes = {q["id"]: q for q in record.get("quotes") or []}
    entities = {e["id"]: e for e in record.get("entities") or []}
    out: list[Record] = []
    for event in sorted(record.get("events") or [], key=lambda e: (e["trigger"][0], e["id"])):
        sentence = event["sentence"]
        place = places.get(event.get("place") or "")
        quote = quotes.get(event.get("quote") or "")
        out.append(
            {
                "event": event["id"],
                "code": event["cameo"],
                "root": event["root"],
                "plover": event.get("plover"),
                "sentence": {"span": sentence, "text": _cut(text, sentence)},
                "trigger": {"span": event["trigger"], "text": _cut(text, event["trigger"])},
                "rule": event.get("rule"),
                "confidence": event.get("confidence"),
                "source": _side(text, sentence, event.get("source"), entities),
                "target": _side(text, sentence, event.get("target"), entities),
                "modality": {
                    "value": event["modality"],
                    "cue": _cut(text, event.get("modality_cue")),
                    "span": event.get("modality_cue"),
                },
                "date": {
                    "value": event.get("date"),
                    "precision": event.get("time_precision"),
                    "source": event.get("date_source"),
                },
                "place": {
                    "id": event.get("place"),
                    "name": place.get("name") if place else None,
                    "text": _cut(text, place.get("span")) if place else None,
                    "precision": event.get("geo_precision"),
                    "source": event.get("place_source"),
                },
                "quote": {"id": quote["id"], "speaker": quote.get("speaker_name"), "events": quote.get("events") or []}
                if quote
                else None,
                "claimed_by": event.get("claimed_by"),
                "disputed": event.get("disputed", False),
                "disputed_by": event.get("disputed_by"),
            }
        )
    return out


def _marked(item: Record) -> Text:
    """The sentence with the trigger in bold red, the source in green and the target in blue."""
    start, end = item["sentence"]["span"]
    text = Text(item["sentence"]["text"] or "")
    marks = [(item["trigger"]["span"], "bold red")]
    for key, style in (("source", "bold green"), ("target", "bold blue")):
        side = item[key]
        if side and side["span"]:
            marks.append((side["span"], style))
    for span, style in marks:
        if span and start <= span[0] and span[1] <= end:
            text.stylize(style, span[0] - start, span[1] - start)
    return text


def _describe_side(side: Record | None) -> str:
    if side is None:
        return "-"
    codes = side["codes"]
    code = codes.get("cameo") or codes.get("org") or codes.get("country") or "uncoded"
    codes_why = f"; codes from {side['codes_why']}" if side.get("codes_why") else ""
    return f"{side['name']} [{code}]  ({side['why'] or 'no rule recorded'}{codes_why})"


def render(explanations: list[Record], console: Console, *, title: str = "") -> None:
    """Print explanations as panels: the marked sentence, then a table of the evidence."""
    if not explanations:
        console.print(f"[dim]{title}: no events[/dim]")
        return
    for number, item in enumerate(explanations, 1):
        table = Table.grid(padding=(0, 2))
        table.add_column(style="dim")
        table.add_column()
        table.add_row(
            "code", f"{item['code']} ({item['plover'] or '-'}), rule {item['rule']}, confidence {item['confidence']}"
        )
        table.add_row("source", _describe_side(item["source"]))
        table.add_row("target", _describe_side(item["target"]))
        mode = item["modality"]
        table.add_row("modality", f"{mode['value']}" + (f", cue '{mode['cue']}'" if mode["cue"] else ""))
        date = item["date"]
        table.add_row(
            "date", f"{date['value'] or '-'} ({date['precision'] or '-'}, from {date['source'] or 'nothing'})"
        )
        place = item["place"]
        table.add_row(
            "place",
            f"{place['name'] or '-'} (precision {place['precision'] or '-'}, from {place['source'] or 'nothing'})",
        )
        if item["quote"]:
            quote = item["quote"]
            others = len(quote["events"]) - 1
            also = f" (coded into {others} more event{'s' if others != 1 else ''})" if others > 0 else ""
            table.add_row("quote", f"{quote['id']} by {quote['speaker'] or 'unknown'}{also}")
        if item["claimed_by"]:
            table.add_row("claimed by", str(item["claimed_by"].get("name") or item["claimed_by"].get("quote")))
        if item["disputed"]:
            who = (item["disputed_by"] or {}).get("name") or "someone"
            table.add_row("disputed", f"denied by {who}")
        body = Table.grid()
        body.add_row(_marked(item))
        body.add_row(table)
        console.print(Panel(body, title=f"{title} event {number}: {item['trigger']['text']}", title_align="left"))
