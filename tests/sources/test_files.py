import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.model import Article, Rejection
from eventwire.sources.files import IngestSettings, dateline_date, decode, parse_date, read_inputs

SETTINGS = IngestSettings()


def _read(*paths: Path, settings: IngestSettings = SETTINGS) -> list[Article | Rejection]:
    return list(read_inputs([str(p) for p in paths], settings))


def test_text_file_is_kept_unchanged(tmp_path: Path) -> None:
    text = "“Quoted,” he said.\r\nSecond  line.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8", newline="")
    [article] = _read(tmp_path / "a.txt")
    assert isinstance(article, Article)
    assert article.text == text
    assert article.origin.endswith("a.txt")


def test_jsonl_with_metadata_and_a_bad_line(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "x1", "text": "First article.", "published": "2023-11-21", "source": "Wire", "url": "u"}),
        "{not json",
        json.dumps({"id": "x2", "title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Third article.", "published": "03/11/2023"}),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = _read(tmp_path / "in.jsonl")
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Rejection", "Rejection", "Article"]
    first, bad, no_text, listed, third = items
    assert isinstance(first, Article) and first.id == "x1" and first.published == dt.date(2023, 11, 21)
    assert first.source == "Wire" and first.published_from == "input"
    assert isinstance(bad, Rejection) and bad.code == "ingest.json" and bad.line == 2
    assert isinstance(no_text, Rejection) and no_text.code == "ingest.no_text" and no_text.line == 3
    assert isinstance(listed, Rejection) and listed.code == "ingest.json"
    assert isinstance(third, Article) and third.published is None
    assert [p.code for p in third.problems] == ["ingest.bad_date"]


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "one.md").write_text("One.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\x00\x01")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("Three.", encoding="utf-8")
    items = _read(tmp_path)
    assert [i.text for i in items if isinstance(i, Article)] == ["Two.", "One."]
    assert [(i.code, Path(i.origin).name) for i in items if isinstance(i, Rejection)] == [
        ("ingest.hidden", ".hidden"),
        ("ingest.unsupported", "photo.jpg"),
    ]


def test_published_option_fills_only_missing_dates(tmp_path: Path) -> None:
    rows = [json.dumps({"text": "A.", "published": "2020-01-02"}), json.dumps({"text": "B."})]
    (tmp_path / "in.jsonl").write_text("\n".join(rows), encoding="utf-8")
    a, b = _read(tmp_path / "in.jsonl", settings=IngestSettings(published=dt.date(2023, 1, 1)))
    assert isinstance(a, Article) and a.published == dt.date(2020, 1, 2)
    assert isinstance(b, Article) and b.published == dt.date(2023, 1, 1) and b.published_from == "option"


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "ingest.empty"), (b"   \n\t \n", "ingest.empty"), (b"\x00\x01\x02binary", "ingest.binary")],
)
def test_empty_and_binary_files_are_rejected(tmp_path: Path, data: bytes, code: str) -> None:
    (tmp_path / "f.txt").write_bytes(data)
    [item] = _read(tmp_path / "f.txt")
    assert isinstance(item, Rejection) and item.code == code


def test_invalid_utf8_is_repaired_with_a_problem(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_bytes(b"Caf\xe9 talks resumed.")
    [item] = _read(tmp_path / "f.txt")
    assert isinstance(item, Article)
    assert item.text == "Caf\ufffd talks resumed."
    assert [p.code for p in item.problems] == ["ingest.encoding"]


def test_utf16_with_bom_is_decoded() -> None:
    decoded = decode("Ministers met.".encode("utf-16"))
    assert not isinstance(decoded, Rejection)
    assert decoded[0] == "Ministers met."


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Talks</title><meta name='date' content='2023-05-04'></head><body>"
        "<nav>Home | World | Sport</nav><script>alert('x')</script>"
        "<article><p>Foreign ministers of both countries met in Vienna on Tuesday to discuss the ceasefire "
        "agreement, officials said.</p><p>The talks will continue next week, a spokesman said.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    [item] = _read(tmp_path / "p.html")
    assert isinstance(item, Article)
    assert "Foreign ministers" in item.text and "alert" not in item.text
    assert item.published == dt.date(2023, 5, 4)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        _read(tmp_path / "nope.txt")


def test_too_large_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    [item] = _read(tmp_path / "big.txt", settings=IngestSettings(max_bytes=50))
    assert isinstance(item, Rejection) and item.code == "ingest.too_large"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, March 3, 2024 (Wire) - Officials said", dt.date(2024, 3, 3)),
        ("Published 2021-07-09\n\nBody", dt.date(2021, 7, 9)),
        ("LONDON, 5 June 2019 - text", dt.date(2019, 6, 5)),
        ("SARAJEVO, Monday - no year here", None),
        ("February 30, 2020 - not a date", None),
    ],
)
def test_dateline_dates(text: str, expected: dt.date | None) -> None:
    assert dateline_date(text) == expected


def test_parse_date_refuses_impossible_dates() -> None:
    assert parse_date("2023-02-29") is None
    assert parse_date("2024-02-29T10:00:00Z") == dt.date(2024, 2, 29)
