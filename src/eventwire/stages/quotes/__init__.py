"""The quotes stage and its helpers.

``stage``        the stage: direct, indirect and mixed statements with cue and speaker (``find_quotes``)
``marks``        quoted passages found by their marks, paired per paragraph, broken ones repaired
``cues``         cue words and the frames in which they introduce reported content
``frames``       reported content found through the dependency frames of cue words
``nominal``      nominal cues ("the claim that ...")
``attribution``  attributions standing beside a quotation rather than governing it
``headlines``    headline attributions ("Graham: ...")
``speakers``     the speaker span of a cue and the entity behind it
``antecedents``  the entity a speaker pronoun stands for when the actors stage left it unlinked
"""
