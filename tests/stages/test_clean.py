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


def test_issue_16_title_url_byline_and_dateline_are_found_as_spans() -> None:
    from eventwire.stages.clean import heading

    text = "Pristina talks resume\nhttps://example.org/x\nBy Jane Doe\nPRISTINA, June 26 (Reuters) - Kosovo said it."
    found = heading(text)
    assert found.title is not None and found.title.text == "Pristina talks resume"
    assert found.byline is not None and found.byline.text == "By Jane Doe"
    assert found.dateline is not None and found.dateline.text == "PRISTINA, June 26 (Reuters) -"
    for span in (found.title, found.byline, found.dateline):
        assert text[span.start : span.end] == span.text


def test_heading_of_plain_prose_is_empty() -> None:
    from eventwire.stages.clean import heading

    found = heading("Police arrested two men on Monday. They were released.")
    assert found.title is None and found.byline is None and found.dateline is None


def test_issue_16_three_sentences_of_french_are_flagged() -> None:
    from eventwire.model import Analysis, Article
    from eventwire.stages.clean import clean_text

    text = "Le ministre a rencontré son homologue. Les discussions reprendront lundi. Un accord est attendu."
    result = clean_text(Analysis(article=Article(id="fr", text=text)), config.load({}, environ={}))
    [problem] = result.problems
    assert problem.code == "clean.language" and "'fr'" in problem.message
