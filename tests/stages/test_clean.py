from hypothesis import given
from hypothesis import strategies as st

from eventwire import config
from eventwire.model import Analysis, Article
from eventwire.stages.clean import clean_text, english_share, normalize, paragraphs


@given(st.text())
def test_normalize_keeps_length_and_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert len(once) == len(text)
    assert normalize(once) == once


def test_normalize_maps_typographic_quotes() -> None:
    assert normalize("“a” ‘b’ «c» „d“") == '"a" \'b\' "c" "d"'


@given(st.text(alphabet=st.sampled_from("ab \n\u2029\r\t“"), max_size=60))
def test_paragraph_spans_index_the_original_text(text: str) -> None:
    for span in paragraphs(text):
        assert text[span.start : span.end] == span.text
        assert span.text.strip() == span.text and span.text


def test_paragraphs_by_line_or_by_blank_line() -> None:
    assert [p.text for p in paragraphs("One.\nTwo.\n")] == ["One.", "Two."]
    assert [p.text for p in paragraphs("One\nstill one.\n\n  Two.  ")] == ["One\nstill one.", "Two."]


def test_non_english_is_flagged() -> None:
    share, count = english_share(
        "Der Außenminister traf sich am Montag mit seinem Amtskollegen in Berlin zu Gesprächen."
    )
    assert count > 10 and share < 0.08
    text = "La ministra de Asuntos Exteriores se reunió el lunes con su homólogo en Madrid para hablar de la crisis."
    result = clean_text(Analysis(article=Article(id="a", text=text)), config.load({}))
    assert [p.code for p in result.problems] == ["clean.language"]


def test_english_is_not_flagged() -> None:
    text = "The foreign minister met his counterpart in Berlin on Monday, officials said."
    result = clean_text(Analysis(article=Article(id="a", text=text)), config.load({}))
    assert result.problems == ()
