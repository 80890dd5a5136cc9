"""Issue 16: e-mail messages (.eml) and web archives (.warc) read by their content, from files made here."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage
from pathlib import Path

from eventwire.model import Article, Rejection
from eventwire.sources.files import IngestSettings, read_inputs
from eventwire.sources.sniff import sniff

LEAD = (
    "Border guards detained eleven smugglers near the river crossing at Velika Kladusa on Tuesday, "
    "the interior ministry said in a statement after a night of searches along the frontier."
)
PAGE = f"<html><head><title>Smugglers held</title></head><body><article><p>{LEAD}</p></article></body></html>"


def _message(*, html: bool = False, date: str = "Wed, 26 Jun 2024 09:15:00 +0200") -> bytes:
    message = EmailMessage()
    message["From"] = "Desk Editor <desk@example.org>"
    message["To"] = "analysts@example.org"
    message["Subject"] = "Eleven smugglers detained at the border"
    message["Date"] = date
    if html:
        message.set_content("This message is best read as HTML.")
        message.add_alternative(PAGE, subtype="html")
        return message.as_bytes()
    message.set_content(LEAD)
    return message.as_bytes()


def _read(path: Path) -> list[Article | Rejection]:
    return list(read_inputs([str(path)], IngestSettings()))


def test_issue_16_an_eml_message_is_an_article_with_its_subject_and_date(tmp_path: Path) -> None:
    path = tmp_path / "tip.eml"
    path.write_bytes(_message())
    assert sniff(path.read_bytes()) == "eml"
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.format == "eml" and article.title == "Eleven smugglers detained at the border"
    assert article.published == dt.date(2024, 6, 26) and article.published_from == "input"
    assert article.source == "Desk Editor" and article.text.strip() == LEAD
    assert not article.problems


def test_issue_16_an_eml_message_with_only_an_html_alternative_reads_the_plain_part_first(tmp_path: Path) -> None:
    path = tmp_path / "tip.txt"  # the suffix is wrong: reported, read as a message
    path.write_bytes(_message(html=True))
    [article] = _read(path)
    assert isinstance(article, Article) and article.format == "eml"
    assert article.text.strip() == "This message is best read as HTML."
    assert [p.code for p in article.problems] == ["ingest.format"]


def test_issue_16_an_html_only_message_is_read_through_the_page_extractor(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Smugglers"
    message["Date"] = "26 Jun 2024 07:00:00 -0000"
    message.set_content(PAGE, subtype="html")
    path = tmp_path / "page.eml"
    path.write_bytes(message.as_bytes())
    [article] = _read(path)
    assert isinstance(article, Article) and article.format == "eml"
    assert "<p>" not in article.text and "eleven smugglers" in article.text
    assert article.title == "Smugglers" and article.published == dt.date(2024, 6, 26)


def test_issue_16_an_eml_without_a_text_body_is_rejected_with_the_reason(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "a@example.org"
    message["Subject"] = "Scan"
    message.set_content(b"\x89PNG\r\n", maintype="image", subtype="png")
    path = tmp_path / "scan.eml"
    path.write_bytes(message.as_bytes())
    [rejection] = _read(path)
    assert isinstance(rejection, Rejection) and rejection.code == "ingest.email"
    assert "no text/plain or text/html body" in rejection.message


def test_a_text_starting_with_a_colon_line_is_not_taken_for_a_message() -> None:
    assert sniff(b"Update: talks resume in Geneva\n\nNegotiators met on Monday.") == "text"


def _warc(*, gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    pages = [
        ("https://news.example.org/border", "text/html; charset=utf-8", PAGE.encode(), "200 OK"),
        ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "200 OK"),
        ("https://news.example.org/plain", "text/plain", LEAD.encode(), "200 OK"),
        ("https://news.example.org/gone", "text/html", b"<html>gone</html>", "404 Not Found"),
    ]
    for url, content_type, body, status in pages:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-06-27T08:30:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def test_issue_16_each_warc_page_is_an_article_with_its_uri_and_capture_date(tmp_path: Path) -> None:
    for gzip, name in ((False, "crawl.warc"), (True, "crawl.warc.gz")):
        path = tmp_path / name
        path.write_bytes(_warc(gzip=gzip))
        assert sniff(path.read_bytes()) == "warc"
        items = _read(path)
        articles = [i for i in items if isinstance(i, Article)]
        rejections = [i for i in items if isinstance(i, Rejection)]
        assert [a.url for a in articles] == ["https://news.example.org/border", "https://news.example.org/plain"]
        assert all(a.format == "warc" and a.published == dt.date(2024, 6, 27) for a in articles)
        assert all(a.published_from == "warc" and "eleven smugglers" in a.text for a in articles)
        assert articles[0].title == "Smugglers held" and "<p>" not in articles[0].text
        assert [(r.code, r.message) for r in rejections] == [
            ("ingest.unsupported", "https://news.example.org/logo.png: image/png is not a page"),
            ("ingest.fetch", "https://news.example.org/gone: archived HTTP status 404"),
        ]
        assert len({a.id for a in articles}) == 2


def test_issue_16_a_damaged_warc_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    items = _read(path)
    assert items and all(isinstance(i, Rejection) for i in items)
    assert {i.code for i in items if isinstance(i, Rejection)} <= {"ingest.warc", "ingest.empty"}
