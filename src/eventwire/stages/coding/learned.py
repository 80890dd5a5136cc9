"""The learned event model: which CAMEO root (or none) a word of the parse triggers, from its syntax.

The model is a multinomial logistic regression over sparse features of a candidate word (its lemma, part of
speech and dependency, its object, prepositions, particle, auxiliaries, negation, voice, the kind of its
subject, and whether a reporting verb governs it), trained by ``make train`` on the labelled news sentences of
``train/events`` (see ``train/events/GUIDELINE.md``). Features are computed here, from our own token records,
for both training and coding, so the two cannot drift apart. The weights ship as a small array file in
``resources/data`` and are read once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt

from eventwire.errors import ResourceError
from eventwire.model import Token
from eventwire.resources import DATA
from eventwire.syntax import ParseTree

#: Bumped whenever the features change; a model trained on other features is refused.
FEATURE_VERSION = 1
MODEL_FILE = "event_model.npz"
NO_EVENT = "--"
CANDIDATE_POS = frozenset({"VERB", "NOUN"})
_REPORTING = frozenset({"say", "tell", "add", "state", "announce", "claim", "report", "accord", "allege", "deny"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})


def is_candidate(tok: Token) -> bool:
    """Words the model scores: verbs and common nouns."""
    return tok.pos in CANDIDATE_POS


def features(tree: ParseTree, tok: Token) -> list[str]:
    """The model's features for one candidate word."""
    lemma = tok.lemma.lower()
    out = [
        f"l={lemma}",
        f"p={tok.pos}",
        f"t={tok.tag}",
        f"d={tok.dep}",
        f"ld={lemma}|{tok.dep}",
        f"lt={lemma}|{tok.tag}",
        f"s3={lemma[-3:]}",
    ]
    head = tree.head(tok)
    if head is not None:
        out += [f"h={head.lemma.lower()}", f"hd={head.dep}|{tok.dep}", f"hp={head.pos}"]
    for kid in tree.children(tok):
        dep, kl = kid.dep, kid.lemma.lower()
        if dep in _OBJECTS:
            out += [f"o={kl}", f"lo={lemma}|{kl}", f"oe={kid.ent_type or kid.pos}"]
        elif dep in ("nsubj", "nsubjpass"):
            out += [f"se={dep}|{kid.ent_type or kid.pos}"]
            if kid.pos != "PROPN":
                out.append(f"sl={kl}")
        elif dep == "prep":
            out += [f"pr={kl}", f"lpr={lemma}|{kl}"]
            for obj in tree.children(kid, "pobj"):
                out += [f"lpo={lemma}|{kl}|{obj.lemma.lower()}", f"pe={kl}|{obj.ent_type or obj.pos}"]
        elif dep == "prt":
            out.append(f"lprt={lemma}|{kl}")
        elif dep == "neg":
            out.append("neg")
        elif dep in ("aux", "auxpass"):
            out.append(f"aux={kl}")
        elif dep == "agent":
            out.append("by")
        elif dep == "xcomp":
            out += [f"x={kl}", f"lx={lemma}|{kl}"]
        elif dep in ("compound", "amod", "poss"):
            out.append(f"m={dep}|{kid.ent_type or kl}")
    if tree.is_passive(tok):
        out.append("passive")
    for depth, above in enumerate(tree.ancestors(tok)):
        if depth >= 3:
            break
        if above.lemma.lower() in _REPORTING:
            out.append(f"rep={above.lemma.lower()}")
            break
    return out


@dataclass(frozen=True, slots=True)
class EventModel:
    """Weights of the trained model: one row of coefficients per label."""

    labels: tuple[str, ...]
    index: dict[str, int]
    coef: npt.NDArray[np.float32]
    intercept: npt.NDArray[np.float32]
    version: str

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """Label -> probability for one word's features (softmax over the labels)."""
        scores = self.intercept.astype(np.float64)
        columns = [self.index[f] for f in feats if f in self.index]
        if columns:
            scores = scores + self.coef[:, columns].sum(axis=1)
        scores = np.exp(scores - scores.max())
        total = float(scores.sum())
        return {label: float(s) / total for label, s in zip(self.labels, scores, strict=True)}

    def event_probability(self, feats: list[str]) -> float:
        """The probability that the word triggers any event."""
        return 1.0 - self.probabilities(feats).get(NO_EVENT, 0.0)


@functools.cache
def load_event_model() -> EventModel | None:
    """The shipped model, or None when the package carries none (the coder then runs on rules alone)."""
    path = resources.files(DATA).joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        if int(data["feature_version"]) != FEATURE_VERSION:
            raise ResourceError(
                f"{MODEL_FILE} was trained on features version {int(data['feature_version'])}, the coder computes "
                f"version {FEATURE_VERSION}: run `make train` to retrain it"
            )
        labels = tuple(str(x) for x in data["labels"])
        names = [str(x) for x in data["features"]]
        return EventModel(
            labels=labels,
            index={name: i for i, name in enumerate(names)},
            coef=data["coef"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
            version=str(data["version"]),
        )
