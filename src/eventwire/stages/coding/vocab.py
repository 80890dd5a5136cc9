"""Word lists and code maps of the event coder: reporting verbs, light verbs, recodings."""

from __future__ import annotations

#: Roots coded from words (statements); they need a known source.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "09", "10", "11", "12", "13", "16"})
#: Roots whose trigger absorbs events in its complement ("urged X to withdraw" is one appeal).
ABSORBING_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
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
#: What a cooperative act that is refused or fails becomes: a rejection (12).
REFUSAL = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
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
