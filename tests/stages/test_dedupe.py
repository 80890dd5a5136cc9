from eventwire import config
from eventwire.model import Analysis, Article
from eventwire.stages.clean import paragraphs
from eventwire.stages.dedupe import ArticleIndex, find_duplicate_paragraphs


def test_exact_repeat_points_at_first_occurrence() -> None:
    text = "Alpha beta gamma.\nSomething else entirely here.\n“Alpha beta gamma.”\n"
    [dup] = find_duplicate_paragraphs(paragraphs(text))
    assert dup.kind == "exact" and dup.of is not None
    assert dup.of.start == 0 and dup.span.text == "“Alpha beta gamma.”"


def test_near_repeat_is_found_and_unrelated_is_not() -> None:
    base = "The minister said the talks in Vienna would resume next week after a long pause in negotiations"
    text = "\n".join(
        [base, "Rebels attacked a convoy near the border on Sunday, killing four soldiers", base + " today"]
    )
    [dup] = find_duplicate_paragraphs(paragraphs(text))
    assert dup.kind == "near" and 0.8 <= dup.similarity < 1.0


def test_seed_article_repeated_schmidt_paragraph(seed_text: str) -> None:
    paras = paragraphs(seed_text)
    dups = find_duplicate_paragraphs(paras)
    assert [(paras.index(d.of), paras.index(d.span)) for d in dups if d.of is not None] == [(6, 9)]


def _analysis(ident: str, text: str) -> Analysis:
    return Analysis(article=Article(id=ident, text=text))


def test_article_index_flags_exact_and_near_duplicates() -> None:
    story = " ".join(f"word{i} appears in the story about talks number {i}." for i in range(40))
    index = ArticleIndex()
    first = index.check(_analysis("a", story))
    exact = index.check(_analysis("b", story))
    near = index.check(_analysis("c", story.replace("word3 ", "term3 ")))
    other = index.check(_analysis("d", "A different story about floods in the north of the country."))
    assert first.duplicates == ()
    assert exact.duplicates[0].kind == "exact" and exact.duplicates[0].of_article == "a"
    assert near.duplicates[0].kind == "near" and near.duplicates[0].of_article == "a"
    assert other.duplicates == ()
    assert [p.code for p in exact.problems] == ["ingest.duplicate_article"]
    assert config.load({})  # settings load alongside without state leaking


def test_near_repeat_is_found_among_very_many_paragraphs() -> None:
    base = "The minister said the talks in Vienna would resume next week after a long pause in negotiations"
    filler = [f"Paragraph {i} reports item {i * 7} of the daily bulletin number {i * 13} today" for i in range(300)]
    text = "\n".join([base, *filler, base + " today"])
    dups = find_duplicate_paragraphs(paragraphs(text))
    assert [(d.kind, d.span.text) for d in dups] == [("near", base + " today")]


def test_a_rerun_story_with_a_new_opening_and_closing_is_a_near_duplicate() -> None:
    body = [
        f"Paragraph {i}: officials said the talks on item {i} would go on, citing the ministry note {i}."
        for i in range(12)
    ]
    original = "\n".join(
        ["Ministers met in Vienna on Tuesday to discuss the ceasefire.", *body, "The talks end Friday."]
    )
    rerun = "\n".join(
        ["Foreign ministers gathered in Vienna on Tuesday for ceasefire talks.", *body, "A deal may follow."]
    )
    index = ArticleIndex()
    index.check(_analysis("a", original))
    flagged = index.check(_analysis("b", rerun))
    assert [(d.kind, d.of_article) for d in flagged.duplicates] == [("near", "a")]
    assert 0.7 <= flagged.duplicates[0].similarity < 1.0
