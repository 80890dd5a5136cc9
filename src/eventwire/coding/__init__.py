"""Event coding helpers: the CAMEO codebook, the pattern lexicon, sides, modality, dating and merging."""
