"""Golden records: the bundled sample corpus analysed end to end must give exactly the stored records.

A change that alters any output shows up here as a diff to review; accept it with
``pytest tests/golden --update-golden`` and commit the rewritten file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import config
from eventwire.model import Rejection
from eventwire.runner import extract

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "news"
EXPECTED = Path(__file__).resolve().parent / "expected" / "sample.jsonl"


def _current() -> tuple[dict[str, object], list[dict[str, object]], list[dict[str, object]]]:
    settings = config.load({"raise_errors": True}, environ={})
    records: list[dict[str, object]] = []
    rejections: list[dict[str, object]] = []
    for item in extract([str(CORPUS)], settings):
        if isinstance(item, Rejection):
            rejections.append({"origin": Path(item.origin).name, "line": item.line, "code": item.code})
        else:
            item = dict(item)
            item["origin"] = Path(str(item["origin"])).relative_to(CORPUS).as_posix()
            records.append(item)
    records.sort(key=lambda r: str(r["id"]))
    model = records[0]["model"] if records else None
    header = {"corpus": "examples/news", "model": model, "stages": list(settings.stages)}
    return header, records, rejections


def test_sample_corpus_matches_golden_records(request: pytest.FixtureRequest) -> None:
    header, records, rejections = _current()
    lines = [json.dumps({"header": header, "rejections": rejections}, ensure_ascii=False, sort_keys=True)]
    lines += [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    produced = "\n".join(lines) + "\n"
    if request.config.getoption("--update-golden"):
        EXPECTED.write_text(produced, encoding="utf-8")
        return
    if not EXPECTED.exists():
        pytest.fail(f"{EXPECTED.name} is missing: run pytest tests/golden --update-golden and commit it")
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    got = produced.splitlines()
    assert json.loads(got[0]) == json.loads(expected[0]), "corpus, model, stages or rejections changed"
    want = {json.loads(line)["id"]: json.loads(line) for line in expected[1:]}
    have = {json.loads(line)["id"]: json.loads(line) for line in got[1:]}
    assert sorted(have) == sorted(want), "the set of article ids changed"
    for ident, record in want.items():
        for section, value in record.items():
            assert have[ident][section] == value, f"{ident}: section {section!r} differs from the golden record"


def test_every_golden_span_indexes_its_text() -> None:
    if not EXPECTED.exists():
        pytest.skip("no golden file yet")
    for line in EXPECTED.read_text(encoding="utf-8").splitlines()[1:]:
        record = json.loads(line)
        text = record["text"]
        for section in ("quotes", "times", "places"):
            for item in record[section]:
                start, end = item["span"]
                assert text[start:end] == item["text"]
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                assert 0 <= start < end <= len(text)
