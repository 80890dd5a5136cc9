"""Which language an article is written in: py3langid (its model ships inside the package), ISO 639-1 codes.

Only English is event-coded (the parser, the actor dictionaries and the verb patterns are English);
the language is identified for every article so that the others are flagged, not coded by mistake.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

#: Fewer letters than this and no language is named (a headline fragment, a row of figures); a Chinese,
#: Japanese or Korean character counts as three, as it carries about a word.
MIN_LETTERS = 12
#: Below this probability the identifier's guess is not taken: the language is left undetermined (None).
MIN_PROBABILITY = 0.5
#: The model's few labels that are not ISO 639-1 codes, mapped to the code of their macrolanguage.
_ISO_639_1 = {"wuu": "zh", "yue": "zh", "cmn": "zh"}
_WORD = re.compile(r"[^\W\d_]+")
#: Common English words: a short text where most words are among them is English whatever the model says.
_ENGLISH = frozenset(
    "the of and to in a is that for on was with as by at from it be has have he she said are were not this an his "
    "her which will but had who they their its after over been would more than also".split()
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    """An identified language: its ISO 639-1 code and the model's probability for it."""

    code: str
    probability: float


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Only languages with an ISO 639-1 code are named; "zxx" (no language) and three-letter labels are left out.
    labels = [label for label in identifier.labels if len(label) == 2 or label in _ISO_639_1]
    identifier.set_languages(labels)
    return identifier


def identify(text: str, *, sample: int = 4000) -> Language | None:
    """The language of ``text`` (its first ``sample`` characters), or None when it has too few letters to tell."""
    head = text[:sample]
    if sum(3 if c >= "\u2e80" else 1 for c in head if c.isalpha()) < MIN_LETTERS:
        return None
    words = _WORD.findall(head.lower())
    code, probability = _identifier().classify(head)
    if code != "en" and len(words) >= 4 and english_share(words) >= 0.3:
        # A short English headline full of names can look Lithuanian or Latin to the model; its function words decide.
        return Language(code="en", probability=round(english_share(words), 3))
    if probability < MIN_PROBABILITY:
        return None
    return Language(code=_ISO_639_1.get(str(code), str(code)), probability=round(float(probability), 3))


def english_share(words: list[str]) -> float:
    """The share of common English function words among ``words``."""
    return sum(1 for w in words if w in _ENGLISH) / len(words) if words else 0.0
