from eventwire.ids import article_id, digest, record_id


def test_article_id_is_stable_and_whitespace_insensitive() -> None:
    assert article_id("A  b\nc") == article_id("A b c")
    assert article_id("A b c") != article_id("A b d")


def test_article_id_prefers_url() -> None:
    assert article_id("one text", url="https://x.org/a") == article_id("other text", url="https://x.org/a")


def test_digest_separates_parts_unambiguously() -> None:
    assert digest("ab", "c") != digest("a", "bc")


def test_record_id_depends_on_kind_and_span() -> None:
    assert record_id("quote", "a1", 0, 5) != record_id("time", "a1", 0, 5)
    assert record_id("quote", "a1", 0, 5) != record_id("quote", "a1", 0, 6)
    assert record_id("quote", "a1", 0, 5) == record_id("quote", "a1", 0, 5)
