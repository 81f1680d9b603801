"""Data files the engine reads at run time (the name lexicon, built by tools/build_lexicon.py)."""
