"""Issue 16: the format is told by the content; the suffix is a hint and a mismatch is reported."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from format_helpers import ATOM, RSS, make_docx, make_pdf

from eventwire.model import Article, Rejection
from eventwire.sources.files import IngestSettings, read_inputs
from eventwire.sources.sniff import sniff

PAGE = """<!DOCTYPE html><html><head><title>Pristina talks</title>
<script>var note = "Police arrested nobody.";</script><style>p {color: red}</style></head>
<body><nav>Home | World | Sport</nav><article><h1>Pristina talks</h1>
<p>Kosovo and Serbia agreed on Monday to resume talks on freedom of movement, negotiators said in Brussels.</p>
<p>The two delegations will meet again next month, according to a statement from the European Union.</p>
</article><footer>Copyright 2024</footer></body></html>"""


def _read(*paths: Path, settings: IngestSettings | None = None) -> list[Article | Rejection]:
    return list(read_inputs([str(p) for p in paths], settings or IngestSettings()))


def _codes(article: Article) -> list[str]:
    return [p.code for p in article.problems]


def test_issue_16_html_saved_as_php_is_read_as_html_and_the_suffix_reported(tmp_path: Path) -> None:
    [article] = _read(tmp_path.joinpath("story.php").write_text(PAGE, encoding="utf-8") and tmp_path / "story.php")
    assert isinstance(article, Article)
    assert "Kosovo and Serbia agreed" in article.text
    assert "Police arrested nobody" not in article.text and "<" not in article.text
    assert article.format == "html" and article.language == "en"
    [problem] = article.problems
    assert problem.code == "ingest.format" and "'.php'" in problem.message and "HTML" in problem.message


def test_html_named_txt_is_read_as_html_and_the_mismatch_says_both(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    [article] = _read(tmp_path / "page.txt")
    assert isinstance(article, Article) and article.format == "html"
    [problem] = article.problems
    assert "'.txt' says text" in problem.message


def test_pdf_text_layer_is_read_with_its_title(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "report.pdf",
        ["Kosovo police detained two men near Mitrovica on Tuesday.", "The mayor condemned the arrests."],
        title="Monthly security report",
    )
    assert sniff(pdf.read_bytes()) == "pdf"
    [article] = _read(pdf)
    assert isinstance(article, Article), article
    assert "Kosovo police detained two men" in article.text and "The mayor condemned" in article.text
    assert article.title == "Monthly security report" and article.format == "pdf"
    assert _codes(article) == []


def test_pdf_under_another_suffix_is_still_a_pdf(tmp_path: Path) -> None:
    make_pdf(tmp_path / "download.bin", ["Serbia recalled its ambassador from Pristina on Friday."])
    [article] = _read(tmp_path / "download.bin")
    assert isinstance(article, Article) and article.format == "pdf"
    assert _codes(article) == ["ingest.format"]


def test_pdf_without_a_text_layer_is_rejected_with_a_reason(tmp_path: Path) -> None:
    make_pdf(tmp_path / "scan.pdf", [])
    [rejection] = _read(tmp_path / "scan.pdf")
    assert isinstance(rejection, Rejection) and rejection.code == "ingest.empty"
    assert "no text layer" in rejection.message


def test_damaged_pdf_is_rejected_as_a_document(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog \x00\x01 garbage")
    [rejection] = _read(tmp_path / "broken.pdf")
    assert isinstance(rejection, Rejection) and rejection.code in ("ingest.document", "ingest.empty")


def test_plain_text_named_pdf_is_text_and_english(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_text("Kosovo and Serbia resumed talks in Brussels on Monday.", encoding="utf-8")
    [article] = _read(tmp_path / "notes.pdf")
    assert isinstance(article, Article) and article.format == "text" and article.language == "en"
    assert "'.pdf' says pdf" in article.problems[0].message


def test_docx_paragraphs_and_title(tmp_path: Path) -> None:
    docx = make_docx(
        tmp_path / "brief.docx",
        ["Montenegro expelled a Serbian diplomat on Thursday.", "", "Belgrade called the decision hostile."],
        title="Daily brief",
    )
    assert sniff(docx.read_bytes()) == "docx"
    [article] = _read(docx)
    assert isinstance(article, Article)
    assert (
        article.text == "Montenegro expelled a Serbian diplomat on Thursday.\n\nBelgrade called the decision hostile."
    )
    assert article.title == "Daily brief" and article.format == "docx" and _codes(article) == []


def test_a_zip_that_is_not_a_word_document_is_binary(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "archive.docx", "w") as archive:
        archive.writestr("readme.txt", "hello")
    [rejection] = _read(tmp_path / "archive.docx")
    assert isinstance(rejection, Rejection) and rejection.code == "ingest.binary"


def test_rss_items_are_articles_with_link_title_date_and_source(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    first, second = _read(tmp_path / "feed.xml")
    assert isinstance(first, Article)
    assert first.text == "Kosovo and Serbia resumed talks in Brussels on Wednesday, officials said."
    assert first.title == "Kosovo and Serbia resume talks" and first.url == "https://example.org/a/1"
    assert first.source == "Balkan Desk" and first.published == dt.date(2024, 6, 26)
    assert first.published_from == "input" and first.line == 1 and first.format == "feed"
    assert isinstance(second, Rejection) and second.code == "ingest.no_text" and second.line == 2


def test_atom_feed_under_no_suffix_keeps_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "wire").write_text(ATOM, encoding="utf-8")
    [article] = _read(tmp_path / "wire")
    assert isinstance(article, Article)
    assert article.text == (
        "Police detained twelve protesters in Belgrade on Thursday.\n\n"
        "The interior ministry said they had blocked a road."
    )
    assert article.published == dt.date(2024, 6, 27)
    assert _codes(article) == ["ingest.format"]


def test_feed_without_items_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_text('<rss version="2.0"><channel><title>x</title></channel></rss>', "utf-8")
    [rejection] = _read(tmp_path / "empty.rss")
    assert isinstance(rejection, Rejection) and rejection.code == "ingest.feed"


def test_folder_reads_documents_feeds_and_saved_pages(tmp_path: Path) -> None:
    make_pdf(tmp_path / "a.pdf", ["Albania and Greece signed a maritime accord on Monday."])
    make_docx(tmp_path / "b.docx", ["North Macedonia and Bulgaria held talks in Skopje."])
    (tmp_path / "c.php").write_text(PAGE, encoding="utf-8")
    (tmp_path / "d.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "e.jpg").write_bytes(b"\xff\xd8\xff\x00")
    items = _read(tmp_path)
    assert [i.format for i in items if isinstance(i, Article)] == ["pdf", "docx", "html", "feed"]
    assert sorted(i.code for i in items if isinstance(i, Rejection)) == ["ingest.no_text", "ingest.unsupported"]


def test_every_article_carries_its_language(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(
        "Le gouvernement a annoncé mardi de nouvelles sanctions contre les responsables.", encoding="utf-8"
    )
    (tmp_path / "de.txt").write_text("Der Minister traf sich am Montag mit dem Botschafter in Berlin.", "utf-8")
    (tmp_path / "digits.txt").write_text("12 34 56", encoding="utf-8")
    languages = [i.language for i in _read(tmp_path) if isinstance(i, Article)]
    assert languages == ["de", None, "fr"]


def test_jsonl_row_date_in_a_common_form_is_read_and_an_ambiguous_one_falls_back(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text(
        '{"text": "Talks resumed.", "published": "26/06/2024"}\n'
        '{"text": "Talks stalled.", "published": "03/04/2024"}\n',
        encoding="utf-8",
    )
    first, second = _read(tmp_path / "rows.jsonl", settings=IngestSettings(published=dt.date(2024, 7, 1)))
    assert isinstance(first, Article) and first.published == dt.date(2024, 6, 26) and not first.problems
    assert isinstance(second, Article) and second.published == dt.date(2024, 7, 1)
    assert second.published_from == "option"
    [problem] = second.problems
    assert problem.code == "ingest.bad_date"
    assert "ambiguous" in problem.message and "used --published 2024-07-01 instead" in problem.message
