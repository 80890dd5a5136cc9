"""The event-coding stage and its helpers.

``stage``       the stage: CAMEO events of an article (``code_events``)
``extract``     triggers found in the parse, each with sides, modality, date and place
``patterns``    the pattern lexicon: lemmas with conditions on their dependents -> CAMEO codes
``user_verbs``  coding with the user's PETRARCH/TABARI verb dictionaries
``finder``      sides of a trigger from the parse: subjects, objects, agents, partners
``sides``       from a noun phrase to the actors of the article (``ActorIndex``)
``modality``    asserted, planned, considered, demanded, hypothetical or negated
``dating``      date and place from the time expression and toponym governing the clause
``build``       coded triggers -> Event records: which to keep, date fallback, merging
``codebook``    the CAMEO codebook: names, Goldstein values, QuadClass, PLOVER
``vocab``       the coder's word lists and code maps
"""
