"""Reported content found through the dependency frames of cue words (indirect and mixed speech)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.stages.quotes.cues import (
    ACCORDING,
    CLAUSE,
    INFINITIVE,
    OBJECT,
    PARENTHETICAL,
    PREPOSITION,
    SEEMING,
)
from eventwire.stages.quotes.nominal import nominal_frame
from eventwire.syntax import ParseTree

_OBJECT_TAIL = frozenset({"of", "for", "as", "over", "on", "about", "with"})
_EDGE_PUNCT = frozenset({"PUNCT", "SPACE"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """A cue token with the token range of its content and the head token of its speaker."""

    cue: int
    cue_last: int
    first: int
    last: int
    speaker: int | None
    frame: str
    speaker_word: str = ""
    relative: int | None = None  # the relative pronoun ("who") through which the speaker was found


def _trim(tree: ParseTree, first: int, last: int) -> tuple[int, int] | None:
    toks = tree.tokens
    while first <= last and (toks[first].pos in _EDGE_PUNCT or toks[first].dep == "cc"):
        first += 1
    while last >= first and toks[last].pos in _EDGE_PUNCT:
        last -= 1
    return (first, last) if first <= last else None


def _outside(tree: ParseTree, root: int, hole: int) -> tuple[int, int]:
    """The subtree of ``root`` without the subtree of ``hole`` when the hole sits at one of its edges."""
    first, last = tree.left[root], tree.right[root]
    h_first, h_last = tree.left[hole], tree.right[hole]
    if h_first <= first:
        first = h_last + 1
    elif h_last >= last:
        last = h_first - 1
    return first, last


def _comma(tree: ParseTree, i: int) -> bool:
    return 0 <= i < len(tree.tokens) and tree.tokens[i].text == ","


def _set_off(tree: ParseTree, i: int) -> bool:
    """Whether the subtree of ``i`` is set off by commas on both sides: ", he said,"."""
    first, last = tree.left[i], tree.right[i]
    return (_comma(tree, first) or _comma(tree, first - 1)) and (_comma(tree, last) or _comma(tree, last + 1))


def _parenthetical(tree: ParseTree, i: int) -> bool:
    """Whether cue ``i`` stands as an aside in the clause it reports: "The plan, he said, is dead." or
    "The plan is dead, he said." (the parser makes it a parataxis, a clausal complement or an adverbial clause)."""
    tok = tree.tokens[i]
    if tok.dep in ("parataxis", "ccomp"):
        return True
    if tok.dep != "advcl" or i < tok.head:
        return False
    # an adverbial "X said" after a comma, with no conjunction or complement of its own
    if tree.child_ids(i, "mark", "ccomp", "dobj", "xcomp", "prep", "advmod"):
        return False
    first = tree.left[i]
    return _comma(tree, first) or _comma(tree, first - 1)


def _seeming(tree: ParseTree, i: int, clauses: list[int]) -> list[tuple[int, int, int | None, str, int]]:
    """An appearance reported without a source: "it seems (that) S" (the clause), "X seems to / appears to /
    seems like Y" (the subject with its predicate)."""
    if clauses and clauses[0] > i:
        first, last = tree.extent(clauses)
        return [(first, last, None, "seeming", i)]
    complements = [c for c in tree.child_ids(i, "xcomp", "oprd", "acomp") if c > i] or [
        c for c in tree.child_ids(i, "prep") if c > i and tree.tokens[c].text.lower() in ("like", "as")
    ]
    subjects = [c for c in tree.child_ids(i, "nsubj", "nsubjpass") if c < i]
    if not complements or any(frames_of(tree, c) for c in complements):
        return []  # "X appeared to blame Y": the inner cue reports, with X as its speaker
    # the one to whom it seems: "Nothing about them seems credible to me."
    holders = [i] + [c for c in complements if tree.tokens[c].pos == "ADJ"]
    to = [c for h in holders for c in tree.child_ids(h, "prep") if tree.tokens[c].text.lower() == "to"]
    experiencer = next((o for c in to for o in tree.child_ids(c, "pobj")), None)
    first = tree.left[subjects[-1]] if subjects else i
    return [(first, tree.right[max(complements)], experiencer, "seeming", i)]


def frames_of(tree: ParseTree, i: int) -> list[Frame]:
    """The frames in which token ``i`` reports content (usually none or one)."""
    tok = tree.tokens[i]
    lemma = tok.lemma.lower()
    found: list[tuple[int, int, int | None, str, int]] = []
    if tok.text.lower() in ACCORDING and tok.dep == "prep":
        to = [c for c in tree.child_ids(i, "prep") if tree.tokens[c].text.lower() == "to"]
        objects = tree.child_ids(to[0], "pobj") if to else []
        if objects and tok.head != i:
            first, last = _outside(tree, tok.head, i)
            found.append((first, last, objects[0], "according", to[0]))
    nominal = nominal_frame(tree, i) if not found else None
    if nominal is not None:
        first, last, speaker, cue_last = nominal
        found.append((first, last, speaker, "nominal", cue_last))
    if tok.pos not in ("VERB", "AUX") or (not found and tok.pos == "AUX"):
        return _finish(tree, i, found, None)
    speaker, relative = tree.subject_of(i)
    clauses = tree.child_ids(i, "ccomp")
    # a clause after the cue is its content; one before it is usually a quotation the parser tied to it
    clauses = [c for c in clauses if c > i] or clauses
    if lemma in CLAUSE and clauses:
        first, last = tree.extent(clauses)
        found.append((first, last, speaker, "clause", i))
    elif lemma in PARENTHETICAL and tok.head != i and speaker is not None and _parenthetical(tree, i):
        head = tok.head
        if tree.tokens[head].pos in ("VERB", "AUX") and (tok.dep == "parataxis" or i > head):
            first, last = _outside(tree, head, i)
            if first <= i <= last and not _set_off(tree, i):
                first, last = i, i - 1  # a cue in the middle of its clause must be set off by commas
            found.append((first, last, speaker, "parenthetical", i))
    if not found and lemma in SEEMING:
        found.extend(_seeming(tree, i, clauses))
    if not found:
        xcomps = [c for c in tree.child_ids(i, "xcomp") if c > i]
        objects = [c for c in tree.child_ids(i, "dobj") if c > i]
        if lemma in INFINITIVE and xcomps:
            start = min(objects + xcomps)
            found.append((tree.left[start], tree.right[max(xcomps)], speaker, "infinitive", i))
        elif lemma in OBJECT and objects:
            tail = [
                c
                for c in tree.child_ids(i, "prep", "oprd", "xcomp", "ccomp", "advcl")
                if c > objects[0] and (tree.tokens[c].dep != "prep" or tree.tokens[c].lemma.lower() in _OBJECT_TAIL)
            ]
            found.append((tree.left[objects[0]], max(tree.right[c] for c in objects + tail), speaker, "object", i))
        elif lemma in PREPOSITION and not (tok.tag == "VBG" and tok.dep == "advcl"):
            for prep in tree.child_ids(i, "prep"):
                if tree.tokens[prep].text.lower() in PREPOSITION[lemma] and prep > i:
                    objs = tree.child_ids(prep, "pobj", "pcomp")
                    if objs:
                        found.append((tree.left[objs[0]], tree.right[objs[0]], speaker, "preposition", prep))
                        break
    return _finish(tree, i, found, relative)


def _finish(
    tree: ParseTree, i: int, found: list[tuple[int, int, int | None, str, int]], relative: int | None
) -> list[Frame]:
    frames = []
    for first, last, speaker, kind, cue_last in found:
        trimmed = _trim(tree, first, last)
        if trimmed is None:
            continue
        first, last = trimmed
        if first <= i <= last and kind not in ("according", "parenthetical", "seeming"):
            continue
        frames.append(
            Frame(
                cue=i,
                cue_last=max(i, cue_last),
                first=first,
                last=last,
                speaker=speaker,
                frame=kind,
                speaker_word=tree.tokens[speaker].text.lower() if speaker is not None else "",
                relative=relative if kind != "according" else None,
            )
        )
    return frames


def _may_report(tree: ParseTree, i: int) -> bool:
    """False for tokens ``frames_of`` has no frame for at first sight: not a verb, noun or "according"."""
    tok = tree.tokens[i]
    return tok.pos in _CUE_POS or (tok.dep == "prep" and tok.text.lower() in ACCORDING)


_CUE_POS = frozenset({"VERB", "AUX", "NOUN"})


def NESTED(f: Frame) -> bool:
    return f.frame == "clause" and f.speaker is not None and f.speaker_word not in ("this", "that", "it", "which")


def find_frames(tree: ParseTree) -> list[Frame]:
    """Every cue frame of the article, outermost first; frames whose cue lies inside another frame's content
    are kept only when they are clausal reports with a subject of their own."""
    frames = [f for i in range(len(tree.tokens)) if _may_report(tree, i) for f in frames_of(tree, i)]
    frames.sort(key=lambda f: (f.first - f.last, f.cue))
    kept: list[Frame] = []
    for f in frames:
        if any(k.first <= f.cue <= k.last for k in kept) and not NESTED(f):
            continue
        kept.append(f)
    kept.sort(key=lambda f: f.first)
    return kept
