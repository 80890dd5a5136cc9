import pytest

from eventwire.model import Analysis, Article, Problem, Span, Token, tokens_within


def test_span_of_cuts_the_text() -> None:
    span = Span.of("hello world", 6, 11)
    assert span.text == "world"
    assert span.as_list() == [6, 11]


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_span_of_rejects_offsets_outside(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        Span.of("hello", start, end)


def test_span_overlap_and_containment() -> None:
    a, b, c = Span.of("abcdef", 0, 3), Span.of("abcdef", 2, 5), Span.of("abcdef", 3, 6)
    assert a.overlaps(b) and not a.overlaps(c)
    assert Span.of("abcdef", 0, 6).contains(b) and not a.contains(b)


def test_analysis_add_appends_problems() -> None:
    analysis = Analysis(article=Article(id="a", text="x"))
    one = Problem(code="dates.no_anchor", stage="dates", message="m")
    two = Problem(code="geo.unresolved", stage="geo", message="m")
    added = analysis.add(problems=[one]).add(problems=[two])
    assert added.problems == (one, two)
    assert analysis.problems == ()


def test_tokens_within_is_the_scan_over_tokens_in_text_order() -> None:
    text = "The U.S. said on Monday."
    words = [(0, 3), (4, 8), (9, 13), (14, 16), (17, 23), (23, 24)]
    tokens = tuple(
        Token(i=n, start=s, end=e, text=text[s:e], lemma="", pos="", tag="", dep="", head=n, sent=0)
        for n, (s, e) in enumerate(words)
    )
    for start in range(len(text) + 1):
        for end in range(len(text) + 1):
            assert tokens_within(tokens, start, end) == [t for t in tokens if start <= t.start and t.end <= end]
    assert tokens_within((), 0, 5) == []
