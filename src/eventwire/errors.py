"""Exception hierarchy for faults, and the catalogue of Problem codes for bad input."""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every fault eventwire raises (a bug, bad configuration, a missing resource)."""


class ConfigError(EventwireError):
    """A setting is missing or invalid."""


class ResourceError(EventwireError):
    """A model, dictionary or gazetteer could not be loaded."""


class StoreError(EventwireError):
    """The database could not be opened, read or written."""


class StageError(EventwireError):
    """A stage failed on an article; names the stage and the article."""

    def __init__(self, stage: str, article: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on article {article}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.article = article


class InputError(EventwireError):
    """An input could not be read at all (missing file, unknown format)."""


#: Every Problem code eventwire records, with its one-line meaning. Tests check the docs list them all.
PROBLEMS: dict[str, str] = {
    "ingest.empty": "the input holds no text (empty or whitespace only)",
    "ingest.binary": "the input looks like binary data, not text",
    "ingest.encoding": "the input is not valid UTF-8; undecodable bytes were replaced",
    "ingest.json": "a JSON Lines row is not valid JSON or not an object",
    "ingest.no_text": "a JSON Lines row has no usable 'text' field",
    "ingest.bad_date": "a publication date could not be read (ambiguous or unknown form); --published or none was used",
    "ingest.html_empty": "no main text could be extracted from the HTML page",
    "ingest.unreadable": "the file could not be read (permissions, vanished, a device)",
    "ingest.hidden": "a hidden file or folder (.git, .DS_Store) in an input folder; it was counted, not read",
    "ingest.unsupported": "a file in an input folder has a suffix eventwire does not read; it was counted, not read",
    "ingest.too_large": "the input exceeds the size limit and was not processed",
    "ingest.duplicate_article": "the article repeats an earlier input (exact or near); kept and flagged",
    "clean.no_sentences": "the text has no sentence-like content",
    "clean.language": "the text does not look like English; it is flagged and not event-coded",
    "dedupe.partial": "too many similar paragraphs: the near-duplicate paragraph search stopped early",
    "parse.truncated": "the text was longer than the parser's limit; only its first part was parsed",
    "pipeline.timeout": "the article took longer than the time limit and was not finished",
    "pipeline.stage_failed": "a stage raised on this article; the article is stored without that layer",
    "dates.no_anchor": "no publication date: relative dates are left partial or empty",
    "dates.unreadable": "a time expression could not be normalised",
    "geo.unresolved": "a place name has no gazetteer entry",
    "quotes.unbalanced_marks": "quote marks did not pair up; the quotes were closed or dropped on the internal copy",
    "quotes.no_speaker": "a quote has no attribution and no earlier speaker to continue; its speaker is null",
    "coding.skipped": "the article was not event-coded (not English)",
    "ingest.format": "the file's suffix names another format than its content (or none); it was read by its content",
    "ingest.document": "a PDF or DOCX file could not be opened (damaged or encrypted)",
    "ingest.feed": "an RSS/Atom feed could not be read or holds no items",
    "ingest.fetch": "a URL could not be fetched (offline, refused, an error status, or a private address)",
    "ingest.url": "an input written as a URL that is not http(s) or names no host; it was not fetched",
    "ingest.robots": "the site's robots.txt disallows the URL for eventwire; it was not fetched",
    "ingest.email": "an e-mail message (.eml) has no readable text/plain or text/html body",
    "ingest.warc": "a WARC file could not be read (damaged, or not a WARC file)",
}
