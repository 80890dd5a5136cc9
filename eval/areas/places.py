"""Places: TR-News and GeoVirus through ``geo_gritta.py`` (exact GeoNames id, Acc@161 km, detection)."""

from __future__ import annotations

from eval.common import DATA, score_corpus
from eventwire.config import DEFAULT_STAGES

SCORER = "geo_gritta.py"
CORPORA = {"trnews": DATA / "geo" / "TR-News.xml", "geovirus": DATA / "geo" / "GeoVirus.xml"}


def stages() -> tuple[str, ...]:
    """The default stages, up to and including geo (coding is not needed to score places)."""
    names = [s for s in DEFAULT_STAGES if s != "coding"]
    if "geo" not in names:
        names.append("geo")
    return tuple(names)


def score(gold: object) -> dict[str, float]:
    """geo_gritta.py's figures for our run over one gold corpus."""
    return score_corpus(SCORER, str(gold), {"stages": stages()})


def run() -> dict[str, float]:
    """Exact-id and Acc@161 on TR-News, Acc@161 on GeoVirus, and toponym detection F1 on both."""
    tr = score(CORPORA["trnews"])
    gv = score(CORPORA["geovirus"])
    return {
        "trnews_exact_id": tr["exact_id_accuracy"],
        "trnews_acc161": tr["acc_161km"],
        "trnews_detection_f1": tr["detection_f1"],
        "geovirus_acc161": gv["acc_161km"],
        "geovirus_detection_f1": gv["detection_f1"],
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))
