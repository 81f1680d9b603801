"""Data files the engine reads at run time: the name lexicon (tools/build_lexicon.py) and the ordinary English words (tools/build_words.py)."""
