"""Kazakh-language layer: dates, sentences, hyphenation, orthography, typography."""
