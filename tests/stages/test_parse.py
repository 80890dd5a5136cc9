import itertools

import pytest

from eventwire import config
from eventwire.errors import ResourceError
from eventwire.model import Analysis, Article, Token
from eventwire.pipeline import Pipeline
from eventwire.stages.parse import load_model, segments, to_parse

pytestmark = pytest.mark.model


def test_segments_cover_the_text_without_gaps() -> None:
    text = "\n".join(f"Paragraph {i} " + "word " * 30 for i in range(50))
    pieces = segments(text, 400)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 400 for start, end in pieces)


def test_parse_spans_index_the_original_text() -> None:
    text = "“We will meet,” said Ana Brnabić in Belgrade.\nThe talks ended."
    [result] = Pipeline(config.load({"stages": ("clean", "parse")})).pipe([Article(id="a", text=text)])
    assert result.parse is not None
    for token in result.parse.tokens:
        assert text[token.start : token.end] == token.text
    assert [s.text for s in result.parse.sentences][-1] == "The talks ended."
    assert any(m.label == "GPE" and m.span.text == "Belgrade" for m in result.parse.mentions)


def test_long_text_is_parsed_in_segments_with_offsets_kept() -> None:
    text = "\n".join(f"Officials met in Paris on day {i}." for i in range(200))
    settings = config.load({"stages": ("clean", "parse"), "segment_chars": 500})
    [result] = Pipeline(settings).pipe([Analysis(article=Article(id="a", text=text)).article])
    assert result.parse is not None
    assert result.parse.tokens[-1].end == len(text) - 1 or result.parse.tokens[-1].end == len(text)
    assert sum(1 for m in result.parse.mentions if m.span.text == "Paris") == 200
    heads_in_range = all(0 <= t.head < len(result.parse.tokens) for t in result.parse.tokens)
    assert heads_in_range


def test_missing_model_names_the_install_command() -> None:
    with pytest.raises(ResourceError, match="pip install"):
        load_model("no_such_model_package")


def test_token_records_carry_spacys_token_attributes_without_whitespace_tokens() -> None:
    text = "NATO  said on Monday it would act.\n\n  The U.S. agreed in Geneva.  \n"
    doc = load_model(config.DEFAULT_MODEL)(text)
    kept = [t for t in doc if not t.is_space]
    position = {t.i: n for n, t in enumerate(kept)}
    sentence = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    expected = tuple(
        Token(
            i=n,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=position.get(t.head.i, n),
            sent=sentence[t.i],
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_ or "O",
        )
        for n, t in enumerate(kept)
    )
    assert len(kept) < len(doc)
    assert to_parse([(0, doc)], text, "m").tokens == expected


def _parse_one(text: str, *, stages: tuple[str, ...] = ("clean", "parse")) -> Analysis:
    from eventwire.sources.files import IngestSettings, read_bytes

    [article] = list(read_bytes(text.encode(), origin="t.txt", suffix=".txt", settings=IngestSettings()))
    assert isinstance(article, Article)
    [result] = Pipeline(config.load({"stages": stages})).pipe([article])
    return result


def test_issue_16_a_title_without_final_punctuation_is_its_own_sentence() -> None:
    text = "Rebels seize border town in overnight raid\nGovernment troops shelled the town of Kolvo on Monday."
    result = _parse_one(text)
    assert result.parse is not None
    assert [s.text for s in result.parse.sentences] == [
        "Rebels seize border town in overnight raid",
        "Government troops shelled the town of Kolvo on Monday.",
    ]


def test_issue_16_byline_and_dateline_start_sentences_of_their_own() -> None:
    text = (
        "Talks collapse in Vienna over sanctions relief\n"
        "By Mara Lindqvist\n"
        "VIENNA, March 3 (Reuters) - Negotiators walked out of the talks on Tuesday."
    )
    result = _parse_one(text)
    assert result.article.byline is not None and result.article.dateline is not None
    assert result.parse is not None
    sentences = [s.text for s in result.parse.sentences]
    assert sentences[:2] == ["Talks collapse in Vienna over sanctions relief", "By Mara Lindqvist"]
    assert sentences[2] == "VIENNA, March 3 (Reuters) -"
    assert sentences[3] == "Negotiators walked out of the talks on Tuesday."


def test_issue_16_a_hard_wrapped_first_line_is_not_taken_for_a_title() -> None:
    text = "A roadside bomb in the north of the country has killed six soldiers, the army\nsaid on Friday. More text."
    result = _parse_one(text)
    assert result.article.title_span is None
    assert result.parse is not None
    assert result.parse.sentences[0].text.endswith("said on Friday.")


def test_issue_16_an_event_of_the_lead_takes_no_actor_from_the_title() -> None:
    text = (
        "Opposition leader Dmitri Varga warns of unrest\n"
        "Police arrested forty protesters in the capital of Hungary on Sunday, officials said."
    )
    result = _parse_one(text, stages=config.DEFAULT_STAGES)
    title = result.article.title_span
    assert title is not None and title.end < text.index("Police")
    arrests = [e for e in result.events if e.trigger.text == "arrested"]
    assert arrests, [e.trigger.text for e in result.events]
    title_words = set(title.text.split())
    for event in arrests:
        assert event.sentence.start > title.end
        for side in (event.source, event.target):
            if side is not None and side.name is not None:
                assert not set(side.name.split()) & title_words, side
