"""Cue words and the frames in which they introduce reported content.

A cue verb takes its content as a clause (``said that ...``), an infinitive (``vowed to ...``), an
object (``criticized the plan``) or a prepositional object (``warned of ...``). The lists are English
reporting, opinion and stance verbs; each verb is listed under the frames in which it reports.
"""

from __future__ import annotations

#: Stance, cognition and publication verbs that report in any of the frames below.
STANCE = frozenset(
    """
    show want think believe expect know seek endorse describe back defend attack discuss consider hope hop plan
    reveal understand embrace favor favour issue highlight recognize recognise learn promote dismiss answer identify
    view like feel fear confirm persuade order emphasize portray demand respond convince remind assert intend
    condemn charge list reply prefer thank echo assume reiterate quote imply allege wonder reference email repeat
    stress counter signal estimate decry voice invoke request disclose detail congratulate lament recommend applaud
    disavow outline realize realise champion deem chant joke guess clarify affirm remark credit recite hail recount
    label shout doubt retweet release cite question oppose support criticize criticise accuse praise urge refuse
    decline promise vow pledge insist explain acknowledge announce argue note suggest report tell write add say
    """.split()
)

#: Verbs whose clausal complement (ccomp) is reported content: "said (that) ...".
CLAUSE = (
    frozenset(
        """
    say tell add warn claim insist argue note explain suggest report announce write state declare acknowledge
    admit assert stress emphasize emphasise reiterate repeat confirm deny predict promise vow pledge concede contend
    maintain allege believe think hope fear worry expect feel recall remark respond reply answer ask wonder tweet
    post complain boast joke caution charge counter testify signal indicate show conclude agree estimate speculate
    urge demand threaten assure remind reveal disclose mention hint imply comment observe recount quip proclaim
    guarantee inform brag exclaim shout yell scream whisper muse elaborate clarify underscore highlight point
    acknowledge lament predict doubt question insinuate reason recommend propose argue forecast concur respond
    retort snap declare surmise theorize understand announce determine decide rule find know vote read
    """.split()
    )
    | STANCE
)

#: Verbs whose infinitive complement (xcomp) is reported content: "vowed to ...", "urged X to ...".
INFINITIVE = (
    frozenset(
        """
    promise vow pledge refuse decline threaten urge ask agree offer call beg demand order instruct encourage warn
    advise tell plan intend seek propose push press appeal challenge dare invite implore persuade convince
    """.split()
    )
    | STANCE
)

#: Verbs whose direct object is reported content: "criticized the plan", "accused X of ...".
OBJECT = (
    frozenset(
        """
    criticize criticise praise endorse accuse announce describe deny reject dismiss blame question cite mention
    defend attack tout slam blast denounce condemn mock decry lament welcome applaud hail laud champion
    acknowledge admit call label dub brand characterize portray predict propose demand urge request recommend
    promise pledge vow threaten express voice echo repeat reiterate raise ask suggest tweet recount recall
    rebuke chide scold fault knock ridicule disparage deride thank congratulate credit commend oppose support
    back favor favour advocate challenge dispute contest doubt post publish declare""".split()
    )
    | STANCE
)

#: Verbs with the prepositions that introduce their content: "warned of ...", "called for ...".
PREPOSITION: dict[str, frozenset[str]] = {
    "talk": frozenset({"about", "of"}),
    "speak": frozenset({"about", "of", "out"}),
    "call": frozenset({"for"}),
    "warn": frozenset({"of", "about", "against"}),
    "argue": frozenset({"for", "against"}),
    "rail": frozenset({"against"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "complain": frozenset({"about", "of"}),
    "comment": frozenset({"on"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "lash": frozenset({"at"}),
    "hint": frozenset({"at"}),
    "allude": frozenset({"to"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "joke": frozenset({"about"}),
    "express": frozenset({"about"}),
    "apologize": frozenset({"for"}),
    "apologise": frozenset({"for"}),
    "plead": frozenset({"for"}),
    "ask": frozenset({"for", "about"}),
    "insist": frozenset({"on"}),
    "testify": frozenset({"about"}),
    "caution": frozenset({"against"}),
    "weigh": frozenset({"in"}),
    "respond": frozenset({"by"}),
}

#: Cues that head a reported clause as a parenthetical: "The plan, he said, is dead."
PARENTHETICAL = CLAUSE

#: Frames whose content is attributed with a subject of ``according to``-like prepositions.
ACCORDING = frozenset({"according"})

#: Verbs of appearance whose content is reported without a source: "X seems to ...", "it appears that ...".
SEEMING = frozenset({"seem", "appear"})
