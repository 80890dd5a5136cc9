"""Helpers of the quotes stage: quote marks, dependency frames of cue words, and speakers."""
