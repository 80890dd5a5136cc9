"""Word lists and code maps of the event coder: reporting verbs, light verbs, recodings."""

from __future__ import annotations

#: Roots coded from words (statements); they need a known source.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "09", "10", "11", "12", "13", "16"})
#: Roots whose trigger absorbs events in its complement ("urged X to withdraw" is one appeal).
ABSORBING_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
#: Verbs of moving one's own people away (caused motion, a grammar fact): the object is the moved theme, and
#: the party acted on is the one whose place they leave ("withdrew its troops from Lebanon").
WITHDRAWAL_VERBS = frozenset({"withdraw", "pull", "evacuate", "recall"})
TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "over", "about", "for", "at", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "between", "for", "into", "of")
#: Roots whose "in X" names the other side (a visit in X, a deployment in X, an attack in X).
LOCATIVE_ROOTS = frozenset({"04", "15"})
#: Roots whose place names the side acted on when the sentence names none: a visit to a country (CAMEO 04)
#: and force used in it (18 assault, 19 fight, 20 mass violence) act on that country.
PLACE_TARGET_ROOTS = frozenset({"04", "18", "19", "20"})
#: Roots that only a state does (17 coerce: arrest, detain, jail, expel, seize): with no agent named, the
#: authorities of the country where it happens are the source.
STATE_ACT_ROOTS = frozenset({"17"})
#: Roots of force (18 assault, 19 fight, 20 mass violence): coordinated verbs of one of them in one sentence
#: ("killed 13 and wounded 56") tell one attack.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Roots of acts aimed at someone that take a clause for what they say of him (02 appeal, 10 demand,
#: 11 accuse, 13 threaten/warn): with no object, the clause's subject is the target.
CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11", "13"})
#: Objects that stand for the coordinated verb's own object ("wounded six others", "injured 56 more").
ELLIPTIC_OBJECTS = frozenset({"other", "others", "more"})
#: Verbs whose object noun names the event their subject does ("held talks", "paid a visit").
LIGHT_VERBS = frozenset(
    {
        "hold",
        "launch",
        "conduct",
        "carry",
        "stage",
        "mount",
        "wage",
        "make",
        "pay",
        "begin",
        "start",
        "continue",
        "resume",
        "host",
        "attend",
        "organize",
        "organise",
        "plan",
        "convene",
        "join",
        "open",
        "file",
        "bring",
        "lodge",
        "issue",
        "put",
        "give",
        "set",
        "send",
        "announce",
        "order",
    }
)
#: Nouns for documents whose clauses speak for their author ("issued a statement calling on ...").
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "report",
        "letter",
        "resolution",
        "message",
        "communique",
        "declaration",
        "motion",
        "complaint",
        "lawsuit",
        "note",
        "decree",
        "order",
        "ruling",
        "bill",
    }
)
#: What a planned or promised act becomes: an expression of intent (03) or a threat (13), CAMEO-style.
INTENT = {
    "06": "031",
    "07": "033",
    "08": "035",
    "05": "032",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
    "16": "131",
}
#: The codebook's own counterparts of a specific act, which ``INTENT`` refines: CAMEO numbers the intents (03,
#: 13) and the refusals (12) after the acts they announce or refuse ("withdraw troops", 0874, promised is
#: 0356 "express intent to de-escalate military engagement"; refused, 1246 "refuse to de-escalate").
INTENT_BY_CODE = {
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "0831": "0341",
    "0832": "0342",
    "0833": "0343",
    "0834": "0344",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "18": "1383",
    "19": "1384",
    "191": "1381",
    "192": "1382",
    "204": "1385",
}
#: What a cooperative act that is refused or fails becomes: a rejection (12).
REFUSAL = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
REFUSAL_BY_CODE = {
    "061": "1211",
    "062": "1212",
    "063": "1213",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "081": "1241",
    "082": "1242",
    "083": "123",
    "0831": "1231",
    "0832": "1232",
    "0833": "1233",
    "0834": "1234",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
}


def counterpart(code: str, by_code: dict[str, str], by_root: dict[str, str]) -> str:
    """The intent or refusal code of an act: the most specific codebook counterpart of its code, else its
    root's."""
    for prefix in (code[:4], code[:3], code[:2]):
        if prefix in by_code:
            return by_code[prefix]
    return by_root[code[:2]]


INHERIT_PREPS = frozenset({"at", "during", "in", "on", "for"})
AGENT_VERBS = frozenset(
    {
        "organize",
        "organise",
        "carry",
        "launch",
        "claim",
        "perpetrate",
        "stage",
        "conduct",
        "commit",
        "mount",
        "plan",
        "order",
    }
)
#: Subordinators and prepositions of background time clauses ("after rebels seized power", "since the attack").
TEMPORAL_MARKS = frozenset({"after", "since", "before", "when", "until", "till", "while", "once", "as"})
TEMPORAL_PREPS = frozenset({"after", "since", "before", "following", "until", "till"})

#: Verbs whose complement is an event a party denies (CAMEO 016 "deny responsibility" and its kin); the denied
#: event is kept and marked disputed.
DENIAL_VERBS = frozenset({"deny", "dispute", "refute"})
#: Verbs whose object does the act of their "of"/"with"/"for" gerund (object control, a grammar fact): "accused
#: Peru of sheltering smugglers", "men suspected of kidnapping", "charged with killing", "praised X for helping";
#: the act is the verb's subject's claim, not the reporter's narration.
OBJECT_CONTROL_VERBS = frozenset(
    {
        "accuse", "arrest", "blame", "charge", "condemn", "convict", "criticise", "criticize", "detain", "fault",
        "indict", "jail", "praise", "punish", "sentence", "suspect", "thank",
    }
)  # fmt: skip
OBJECT_CONTROL_PREPS = frozenset({"of", "with", "for"})
